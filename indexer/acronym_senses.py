"""An organisation's acronym used in another sense: "pajak kendaraan bermotor (PKB)" is a tax,
not the party PKB; "RUU PKS" a bill, not Partai Keadilan Sejahtera; "indeks PMI" an index,
not the Red Cross; "127 ribu BTS, termasuk BTS 4G" base stations, not the band; "MA" in
an article that writes "berinisial MA (39)" a person's initials, not Mahkamah Agung.

The senses are data (``data/acronym_senses.txt``): each acronym's other senses, by their
expansion and the words written right before or after the acronym in that sense. An article
that writes a sense's expansion, or the acronym beside one of that sense's words, uses the
acronym in that sense (one sense per article): its mentions written as the acronym are no
organisation there (:func:`other_senses`; applied by :func:`~indexer.map_apply.apply_map`,
for ``reindex`` and ``add`` alike). Where the article also writes the body's name in full
(another mention of the same value), only the mentions beside a sense's word are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from indexer.entities.facts import ALIASES, DATA, read_lines
from indexer.entities.places import INITIALS_WORDS
from indexer.initials import CONNECTIVES, initials
from indexer.words import WORD_RE, one_of


@dataclass(frozen=True, slots=True)
class Sense:
    expansion: str  # lower case, apostrophes dropped, one space between words
    before: frozenset[str]  # written right before the acronym in this sense
    after: frozenset[str]  # written right after it


def _load(path: str) -> dict[str, tuple[Sense, ...]]:
    out: dict[str, list[Sense]] = {}
    for ln in read_lines(DATA / path):
        acronym, expansion, before, after = ln.split("\t")
        out.setdefault(acronym, []).append(Sense(_plain(expansion), _words(before),
                                                 _words(after)))
    return {a: tuple(s) for a, s in out.items()}


def _words(field: str) -> frozenset[str]:
    return frozenset() if field == "-" else frozenset(field.split())


_APOSTROPHES_RE: Final = re.compile(r"['’`]")
_NOT_WORD_RE: Final = re.compile(r"[^\w-]+")


def _plain(text: str) -> str:
    """Lower case, no apostrophes, words apart by one space, a space at both ends."""
    return f" {_NOT_WORD_RE.sub(' ', _APOSTROPHES_RE.sub('', text.lower())).strip()} "


SENSES: Final = _load("acronym_senses.txt")


def _values_of(senses: Mapping[str, object]) -> frozenset[str]:
    """The raw organisations' values a mention written as one of the acronyms has: the acronym
    itself, or the organisation the extractor's aliases make it."""
    out = set(senses)
    for acronym in senses:
        alias = ALIASES.get(acronym.lower())
        if alias is not None and alias[1] == "ORG":
            out.add(alias[0])
    return frozenset(out)


SENSE_VALUES: Final = _values_of(SENSES)


_NEAR: Final = 2  # words read on each side of a mention


def _beside(text: str, start: int, end: int, sense: Sense) -> bool:
    """Whether one of the :data:`_NEAR` words (lower case, letters and digits) before a
    mention, past a count ("pembangunan 5.000 BTS"), is a word ``sense`` writes before the
    acronym, or one after it one written after: "menunggak pajak kendaraan bermotor (PKB)",
    "BTS 4G"."""
    before = [w for w in WORD_RE.findall(text[max(0, start - 60):start].lower())
              if not w.isdigit()][-_NEAR:]
    after = WORD_RE.findall(text[end:end + 60].lower())[:_NEAR]
    return not sense.before.isdisjoint(before) or not sense.after.isdisjoint(after)


# A person's initials after a word of :data:`INITIALS_WORDS`, and those listed after them
# ("berinisial AN, RL, dan YG", "berinisial NW (25) dan MDH"): each is a person's.
_INITIALLED_RE: Final = re.compile(
    rf"\b(?i:{one_of(INITIALS_WORDS)})\s+([A-Z]{{2,5}}\b"
    r"(?:\s*\(\d{1,2}\))?(?:(?:\s*,\s*(?:dan\s+|serta\s+)?|\s+(?:dan|serta)\s+)[A-Z]{2,5}\b"
    r"(?:\s*\(\d{1,2}\))?)*)")
_CAPITALS_RE: Final = re.compile(r"\b[A-Z]{2,5}\b")
# A word holding another of the words ("berinisial", "inisial") is found where that one is.
_INITIALS_TELLS: Final = tuple(sorted(w.encode() for w in INITIALS_WORDS
                                      if not any(o != w and o in w for o in INITIALS_WORDS)))


def may_initial(payload: bytes) -> bool:
    """Whether an article's payload (its JSON bytes) may write a person's initials after a
    word of :data:`INITIALS_WORDS`."""
    return any(t in payload for t in _INITIALS_TELLS)


def initialled(title: str, body: str, mentions: Iterable[Mapping[str, Any]]
               ) -> set[tuple[str, int]]:
    """The (field, start) of an article's organisations' mentions written as capitals that
    the article writes after a word of a private person's initials: that person's, not a
    body's, in the whole article ("ibu korban berinisial MA (39) melapor ... MA sendiri
    mengetahui": not Mahkamah Agung)."""
    caps = {c for text in (title, body) for m in _INITIALLED_RE.finditer(text)
            for c in _CAPITALS_RE.findall(m.group(1))}
    if not caps:
        return set()
    return {(m["field"], m["start"]) for m in mentions if m["type"] == "ORG"
            and (title if m["field"] == "title" else body)[m["start"]:m["end"]] in caps}


def other_senses(title: str, body: str, mentions: Iterable[Mapping[str, Any]]
                 ) -> set[tuple[str, int]]:
    """The (field, start) of an article's organisations' mentions written as an acronym of
    :data:`SENSES` that the article uses in another sense: all of them where the article writes
    the sense's expansion or the acronym beside a word of the sense, and the body's name
    nowhere else (no other mention of the value, nor a name whose initials spell the
    acronym: "Badan Pertanahan Nasional"); else those beside a word of the sense. And those
    written as a person's initials the article writes after an initials word
    (:func:`initialled`)."""
    mentions = list(mentions)
    persons = initialled(title, body, mentions)
    by_acronym: dict[str, list[tuple[Mapping[str, Any], str]]] = {}
    for m in mentions:
        if m["type"] != "ORG" or m["name"] not in SENSE_VALUES:
            continue
        text = title if m["field"] == "title" else body
        written = text[m["start"]:m["end"]]
        if written in SENSES:
            by_acronym.setdefault(written, []).append((m, text))
    if not by_acronym:
        return persons
    plain = ""
    out: set[tuple[str, int]] = persons
    for acronym, ms in by_acronym.items():
        beside = {(m["field"], m["start"]) for m, text in ms
                  if any(_beside(text, m["start"], m["end"], s) for s in SENSES[acronym])}
        plain = plain or _plain(f"{title}\n{body}")
        if not beside and not any(s.expansion in plain for s in SENSES[acronym]):
            continue
        names = {m["name"] for m, _ in ms}
        starts = {(m["field"], m["start"]) for m, _ in ms}
        in_full = any(m["type"] == "ORG" and (m["field"], m["start"]) not in starts
                      and (m["name"] in names or initials(WORD_RE.findall(m["name"].lower()),
                                                           skip=CONNECTIVES) == acronym.lower())
                      for m in mentions)
        out |= beside if in_full else starts
    return out


def sense_values(mentions: Iterable[Mapping[str, Any]], others: set[tuple[str, int]]
                 ) -> set[str]:
    """The organisations' values all of whose mentions are of ``others`` (the (field, start)
    of :func:`other_senses`): they are none of the article's."""
    kept: set[str] = set()
    cut: set[str] = set()
    for m in mentions:
        if m["type"] == "ORG":
            (cut if (m["field"], m["start"]) in others else kept).add(m["name"])
    return cut - kept
