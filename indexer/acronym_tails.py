"""A body's name, its acronym in brackets and words after them: "Badan Penyelenggara Jaminan
Sosial (BPJS) Kesehatan", "Perkumpulan Bulu Tangkis (PB) Djarum". The tagger ends the name at
the bracket, but the words after it go on the acronym's name: where the corpus writes the
acronym with those words as an organisation's name ("BPJS Kesehatan", "PB Djarum"), that is
the body the article names (:func:`acronym_tails`; applied by
:func:`~indexer.map_apply.apply_map`, for ``reindex`` and ``add`` alike).

The acronym must spell the name's words' first letters in order ("PB" of Perkumpulan Bulu
Tangkis), so a bracket saying something else ("(Persero) Tbk") is not read. The words after it
begin no other mention but one of an organisation written as those words alone ("Djarum":
the club's name, not the company's there): a person's or a place's name after a body's
("Komisi Pemberantasan Korupsi (KPK) Novel Baswedan") is not part of it. Only the body is
read: a headline capitalises every word. The article's other mentions of the same name
("BPJS" alone, after the first) are that body too, unless the article writes another body of
the same acronym ("BPJS Ketenagakerjaan") or writes the name and its acronym with other words
after them ("Palang Merah Indonesia (PMI) Pusat" and "... (PMI) Provinsi Banten").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final

from indexer.initials import initials

# An acronym in brackets ending a mention: capitals and digits, a capital first.
_BRACKETED_RE: Final = re.compile(r"\(([A-Z][A-Z0-9]{1,9})\)")
# Capitalised words after the bracket, one space apart: the longest run the corpus writes
# after the acronym is read.
_TAIL_WORD_RE: Final = re.compile(r" ([A-Z][^\W_]*(?:-[^\W_]+)*)(?![\w'’-])")
TAIL_MAX: Final = 3  # words after the acronym at most
# An acronym's name with words after it is read only where the corpus writes it in this many
# articles: one article's tagging slip is no body.
TAIL_MIN: Final = 2

Json = dict[str, Any]


def _initials(name: str) -> str:
    """The first letters of a name's words, upper case ("Perkumpulan Bulu Tangkis" -> "PBT";
    hyphens part words)."""
    return initials(name.upper().split(), hyphens=True, letters_only=True)


def spells(acronym: str, name: str) -> bool:
    """Whether ``acronym``'s letters are ``name``'s initials in order, the first two of them
    first ("BPJS" of "Badan Penyelenggara Jaminan Sosial", "PB" of "Perkumpulan Bulu
    Tangkis"; not "PT" of it)."""
    return _spells_initials(acronym, _initials(name))


def _spells_initials(acronym: str, first: str) -> bool:
    """:func:`spells` of a name whose initials are ``first``."""
    letters = [c for c in acronym if c.isalpha()]
    if len(letters) < 2 or len(first) < 2 or first[:2] != "".join(letters[:2]):
        return False
    rest = iter(first[2:])
    return all(c in rest for c in letters[2:])


def tailed_names(orgs: Mapping[str, int]) -> dict[str, dict[str, str]]:
    """Acronym -> the words after it (as written, one space apart) -> the organisation's raw
    value of ``orgs`` (value -> articles) written so in :data:`TAIL_MIN` articles or more
    ("BPJS" -> "Kesehatan" -> "BPJS Kesehatan")."""
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for v, n in orgs.items():
        head, sep, rest = v.strip().partition(" ")
        if sep and n >= TAIL_MIN and _BRACKETED_RE.fullmatch(f"({head})") \
                and len(rest.split()) <= TAIL_MAX:
            out[head][rest] = v
    return dict(out)


def tail_heads(tailed: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """:func:`tailed_names`' acronyms by their first two characters: a value may be written
    before those only whose first two are its first two initials (:func:`may_tail`)."""
    out: dict[str, list[str]] = defaultdict(list)
    for a in tailed:
        out[a[:2]].append(a)
    return {head: tuple(acronyms) for head, acronyms in out.items()}


def may_tail(value: str, heads: Mapping[str, Iterable[str]]) -> bool:
    """Whether ``value`` may be written before one of the acronyms in brackets (``heads``:
    :func:`tail_heads` of :func:`tailed_names`; then :func:`acronym_tails` has something to
    read)."""
    if " " not in value.strip():
        return False
    first = _initials(value)
    return any(_spells_initials(a, first) for a in heads.get(first[:2], ()))


def acronym_tails(body: str, mentions: Iterable[Json], tailed: Mapping[str, Mapping[str, str]],
                  is_org: Callable[[str], bool]) -> list[Json] | None:
    """The article's mentions (JSON, as the payload stores them) with each body mention of an
    organisation's name ending in its acronym in brackets and followed by words ``tailed``
    gives that acronym made the acronym's name with those words (spanning them; a mention of
    an organisation written as those words alone goes into it), and the article's other
    mentions of the same name that name too where it is one, the article writes no other of
    that acronym's and no other mention of that name with its acronym goes on otherwise.
    ``is_org``: whether a raw value is an organisation's as the map has it. None where nothing
    changes."""
    ms = list(mentions)
    by_start = {(m["field"], m["start"]): i for i, m in enumerate(ms)}
    joined: dict[int, Json] = {}
    dropped: set[int] = set()
    chosen: dict[str, set[str]] = defaultdict(set)
    unjoined: set[str] = set()  # names also written so with other words after the bracket
    for i, m in enumerate(ms):
        if m["field"] != "body" or m["type"] != "ORG":
            continue
        bracket = _BRACKETED_RE.search(body, m["start"], m["end"])
        if bracket is None or bracket.end() != m["end"]:
            continue
        acronym = bracket.group(1)
        tails = tailed.get(acronym)
        if not tails or not spells(acronym, m["name"]):
            continue
        words: list[re.Match[str]] = []
        at = m["end"]
        while len(words) < TAIL_MAX and (w := _TAIL_WORD_RE.match(body, at)) is not None:
            words.append(w)
            at = w.end()
        for k in range(len(words), 0, -1):
            rest = " ".join(w.group(1) for w in words[:k])
            target = tails.get(rest)
            if target is None or not is_org(target):
                continue
            end = words[k - 1].end()
            inner = by_start.get(("body", words[0].start(1)))
            if inner is not None and not (ms[inner]["type"] == "ORG"
                                          and ms[inner]["end"] == end):
                break  # a person's or a place's name, or a longer name, goes on there
            if any(("body", w.start(1)) in by_start for w in words[1:k]):
                break
            joined[i] = {**m, "name": target, "end": end}
            if inner is not None:
                dropped.add(inner)
            chosen[m["name"]].add(target)
            break
        if i not in joined:
            unjoined.add(m["name"])
    if not joined:
        return None
    written = {m["name"] for m in ms if m["type"] == "ORG"}
    renamed: dict[str, str] = {}
    for name, targets in chosen.items():
        if len(targets) == 1 and name not in unjoined:
            target = next(iter(targets))
            acronym = target.partition(" ")[0]
            if not any(v != target and v.startswith(f"{acronym} ") for v in written):
                renamed[name] = target
    return [joined.get(i) or ({**m, "name": renamed[m["name"]]}
                              if m["type"] == "ORG" and m["name"] in renamed else m)
            for i, m in enumerate(ms) if i not in dropped]
