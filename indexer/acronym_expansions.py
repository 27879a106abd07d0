"""An acronym the article spells out as something its organisation is not: the corpus reads
"HKI" as the company it spells out most ("PT Hutan Ketapang Industri"), but an article writing
"Hak Kekayaan Intelektual (HKI)" means intellectual property by it, and one writing "kartu
tanda anggota (KTA)" a membership card, not a body named KTA.

An article that writes an acronym in brackets right after words whose initials spell it
(:func:`spelt_out`) uses it in that sense throughout (one sense per article). Its
organisations' mentions written as that acronym are no mention of their value there when the
value is not what the article spells out (:func:`expanded_otherwise`, applied by
:func:`~indexer.map_apply.apply_map`, for ``reindex`` and ``add`` alike): the value holds
no word of the words spelt out (a word's first four letters, for a misspelling:
"Komisi Pemberatansan Korupsi (KPK)" is the KPK), nor the acronym as a word of its own ("PT MRT
Jakarta" of "moda raya terpadu (MRT)"), and the map makes no value of the words spelt out, nor
of a mention ending right before the bracket, that the acronym's mention has ("World Health
Organization (WHO)" of "Organisasi Kesehatan Dunia").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any, Final

from indexer.entities.facts import ALIASES
from indexer.org_names import acronym_of
from indexer.words import WORD_RE

# An acronym in brackets: two to six capitals.
_BRACKETED_RE: Final = re.compile(r"\(([A-Z]{2,6})\)")
_BRACKETED_TELL: Final = re.compile(rb"\(([A-Z]{2,6})\)")
# Words of a spelt-out name read before its bracket, at most (connectives and legal forms
# spell no letter).
_SPAN: Final = 120
# The letters two words must begin with alike to be one word misspelt.
_STEM: Final = 4


def bracketed(payload: bytes, values: Collection[str]) -> frozenset[str]:
    """The acronyms an article's payload (its JSON bytes) writes in brackets that are among
    its organisations' raw ``values``, or that the extractor's aliases make one of them: a
    cheap check before the article is decoded."""
    found = {m.decode() for m in _BRACKETED_TELL.findall(payload)}
    return frozenset(a for a in found if a in values or (
        (alias := ALIASES.get(a.lower())) is not None and alias[0] in values))


def spelt_out(text: str) -> dict[str, tuple[int, tuple[str, ...]]]:
    """Acronym -> (where its bracket opens, the words right before it whose initials spell it),
    for the first bracket of each acronym in ``text`` so spelt out, or the first spelt out in
    lower case: common words, whatever the article writes in capitals elsewhere ("Harga Jual
    Eceran (HJE)" in a lead, "harga jual eceran (HJE)" below)."""
    out: dict[str, tuple[int, tuple[str, ...]]] = {}
    for m in _BRACKETED_RE.finditer(text):
        acronym = m.group(1)
        if acronym in out and not out[acronym][1][0][:1].isupper():
            continue
        words = _spelling(text, m.start(), acronym)
        if words and (acronym not in out or not words[0][:1].isupper()):
            out[acronym] = (m.start(), words)
    return out


def _spelling(text: str, bracket: int, acronym: str) -> tuple[str, ...] | None:
    """The words right before the bracket opening at ``bracket`` whose initials spell
    ``acronym`` (connectives and legal forms spell no letter), or None."""
    words = tuple(WORD_RE.findall(text[max(0, bracket - _SPAN):bracket]))
    for n in range(len(acronym), len(words) + 1):
        cand = words[-n:]
        spelt = acronym_of(tuple(w.lower() for w in cand))
        if spelt == acronym.lower() and cand[0][:1].lower() == spelt[:1]:
            return cand
        if len(spelt) > len(acronym):
            break
    return None


def in_common_words(text: str, start: int, end: int) -> bool:
    """Whether the mention ``text[start:end]`` is an acronym in brackets right after common
    words in lower case whose initials spell it ("kartu tanda anggota (KTA)"): the name of a
    thing, a term or an office, no body's (counted over the corpus by
    :mod:`indexer.name_kinds`)."""
    acronym = text[start:end]
    if text[start - 1:start] != "(" or text[end:end + 1] != ")" \
            or not _BRACKETED_RE.fullmatch(text, start - 1, end + 1):
        return False
    words = _spelling(text, start - 1, acronym)
    return words is not None and words[0][:1].islower()


def _alike(a: str, b: str) -> bool:
    return a == b or (len(a) >= _STEM and a[:_STEM] == b[:_STEM])


def _of_value(acronym: str, words: tuple[str, ...], value: str) -> bool:
    """Whether ``value`` is what ``words`` spell out, as its words tell: it holds one of the
    words spelt out (but a connective or a legal form), or the acronym as a word beside others;
    the acronym alone where they are capitalised (a name: "Konsorsium Pembaruan Agraria
    (KPA)"), not common words in lower case ("kartu tanda anggota (KTA)")."""
    if value == acronym:
        return any(w[:1].isupper() for w in words)
    if acronym in value.split():
        return True
    own = WORD_RE.findall(value.lower())
    spelling = [w.lower() for w in words if acronym_of((w.lower(),))]
    return any(_alike(w, o) for w in spelling for o in own)


def expanded_otherwise(title: str, body: str, mentions: Iterable[Mapping[str, Any]],
                       acronyms: Iterable[str], entity: Callable[[str], tuple[str, ...]]
                       ) -> set[tuple[str, int]]:
    """The (field, start) of an article's organisations' mentions written as one of
    ``acronyms`` (those :func:`bracketed` finds) that the article spells out as something
    their value is not (see the module). ``entity``: what the map makes an organisation's raw
    value."""
    mentions = [m for m in mentions if m["type"] == "ORG"]
    wanted = set(acronyms)
    by_field = {"title": title, "body": body}
    written = [(m, by_field[m["field"]][m["start"]:m["end"]]) for m in mentions]
    if not any(w in wanted for _, w in written):
        return set()
    senses = {a: ("title", at, ws) for a, (at, ws) in spelt_out(title).items()}
    senses.update((a, ("body", at, ws)) for a, (at, ws) in spelt_out(body).items())
    out: set[tuple[str, int]] = set()
    for acronym, (field, at, words) in senses.items():
        ms = [m for m, w in written if w == acronym]
        if not ms:
            continue
        full = " ".join(words)
        meant = set(entity(full)) | set(entity(full.title())) if full[:1].isupper() else set()
        # the name of a mention ending right before the bracket
        meant.update(x for m in mentions if m["field"] == field and m["end"] <= at
                     and not by_field[field][m["end"]:at].strip() for x in entity(m["name"]))
        for m in ms:
            values = entity(m["name"])
            if values and meant.isdisjoint(values) and not any(
                    _of_value(acronym, words, v) for v in values):
                out.add((m["field"], m["start"]))
    return out
