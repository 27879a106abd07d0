"""A place's name written after an acronym of the words before it in a longer place's name:
"TMP [[Kalibata]]", "Taman Makam Pahlawan (TMP) [[Kalibata]]" where the corpus writes "Taman
Makam Pahlawan Kalibata", the heroes' cemetery, not the district around it. The extractor reads
the acronym as no part of the name and keeps the district's name alone.

When the map is computed (:func:`acronym_places`), every place's raw value of
:data:`LONGER_MIN` articles or more made of two capitalised words or more and a place's raw
value after them gives the acronym of those words and that place's name -> what the map makes
the longer name (one place, another than the shorter name's; an acronym two longer places spell
with the same name gives none). In one article (:func:`acronym_mentions`, by ``reindex`` and
``add`` alike), a mention of that name right after the acronym, or after it in brackets right
after the last of the words it spells, is the longer place. An acronym that is a place's raw
value itself ("AS"), or spells a country's name ("Republik Indonesia"), is that place:
"Ombudsman RI [[Jakarta Raya]]" is its office there.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any, Final

from indexer.entities.facts import countries
from indexer.initials import initials

# The articles a longer place's raw value is found in for its acronym to be read as it.
LONGER_MIN: Final = 3
# An acronym right before a mention: "TMP ", "TMP (", or in brackets after a word: "Pahlawan
# (TMP) ". A comma after it makes an address ("Gedung DPR RI, [[Jakarta]]": the building's
# town), not a name.
_BEFORE_RE: Final = re.compile(
    r"(?:(?<![\w(])([A-Z]{2,8})(?: \(| )|([\w'’-]+) \(([A-Z]{2,8})\) )\Z")
# The text before a mention read for an acronym and the word before it.
_REACH: Final = 40


def acronym_places(counts: Mapping[str, int], entity: Callable[[str], tuple[str, ...]]
                   ) -> dict[tuple[str, str], tuple[str, str]]:
    """(an acronym, a place's raw value) -> (the longer place it names, the last of the words
    the acronym spells, lower-cased) (see the module; ``counts``: places' raw values ->
    articles; ``entity``: what the map makes a place's raw value)."""
    out: dict[tuple[str, str], tuple[str, str]] = {}
    clash: set[tuple[str, str]] = set()
    for v, n in counts.items():
        if n < LONGER_MIN:
            continue
        words = v.split(" ")
        into = entity(v)
        if len(into) != 1:
            continue
        for k in range(2, len(words)):
            head, tail = words[:k], " ".join(words[k:])
            if tail not in counts or not all(w[:1].isupper() and w.isalpha() for w in head):
                continue
            if entity(tail) == into:
                continue
            key = (initials(head), tail)
            # a country's name before a place's makes an address ("Republik Indonesia Jakarta
            # Raya"), and a place's own acronym is that place ("AS")
            named = " ".join(head)
            if key[0] in counts or named in counts and any(
                    x.lower() in countries() for x in entity(named)):
                continue
            if out.get(key, (into[0],))[0] != into[0]:
                clash.add(key)
            out[key] = (into[0], head[-1].lower())
    return {key: v for key, v in out.items() if key not in clash}


def acronym_mentions(title: str, body: str, mentions: Iterable[Mapping[str, Any]],
                     places: Mapping[tuple[str, str], tuple[str, str]],
                     tails: Collection[str], is_place: Callable[[Mapping[str, Any]], bool]
                     ) -> tuple[dict[str, str], dict[tuple[str, int], str]]:
    """One article's place mentions written after an acronym ``places`` (:func:`acronym_places`;
    ``tails``: :func:`tails_of` them) reads with them as a longer place: (the names every
    mention of which is so -> the longer place, the (field, start) of the other such mentions
    -> it)."""
    marked: dict[str, list[tuple[tuple[str, int], str]]] = {}
    unmarked: set[str] = set()
    for m in mentions:
        v = m["name"]
        if v not in tails:
            continue
        text = title if m["field"] == "title" else body
        start = m["start"]
        # most places follow no capital letter and no bracket
        near = text[max(0, start - 3):start]
        before = None if near.islower() or not near.strip(" ,.") else \
            _BEFORE_RE.search(text, max(0, start - _REACH), start)
        if not is_place(m):
            continue
        into = None
        if before and before.group(1):
            into = places.get((before.group(1), v), (None, ""))[0]
        elif before:
            # in brackets, after the last of the words it spells: "Pengadilan Tinggi (PT)"
            # is no "Pengadilan Tipikor", "Aliansi Mahasiswa Papua (AMP)" no "Asrama ..."
            into, last = places.get((before.group(3), v), (None, ""))
            if last != before.group(2).lower():
                into = None
        if into is None:
            unmarked.add(v)
        else:
            marked.setdefault(v, []).append(((m["field"], start), into))
    whole = {v: at[0][1] for v, at in marked.items()
             if v not in unmarked and len({x for _, x in at}) == 1}
    return whole, {at: x for v, ats in marked.items() if v not in whole for at, x in ats}


def tails_of(places: Mapping[tuple[str, str], tuple[str, str]]) -> frozenset[str]:
    """The places' names an acronym of ``places`` (:func:`acronym_places`) may be written
    before: an article with none of them needs no reading."""
    return frozenset(tail for _, tail in places)
