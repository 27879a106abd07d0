"""Organisations' names equal but for how one of their parts is written join, when the map is
computed (:func:`~indexer.type_map.type_map`, before the clubs' words are weighed):

* **a place's other name at the end**: "PSIM Yogya" and "PSIM Jogja" are "PSIM Yogyakarta",
  "Slavia Prague" is "Slavia Praha", "Partai Komunis Tiongkok" is "Partai Komunis China": the
  places ``data/equivalents.txt`` lists as one, ending a name after other words (a body's or
  a club's seat);
* **a word's older spelling** (``data/word_spellings.txt``): "Kalteng Putera" is "Kalteng
  Putra";
* **an English noun's British "-isation"** for "-ization": "ASEAN Federation of Engineering
  Organisations" is "... Organizations".

The names of one such key join the group written most. A name that is a place's name alone is
left to the places' own joins.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from typing import Final

from indexer.entities.facts import DATA, read_rows
from indexer.entity_groups import Groups, group_counts, merge_groups
from indexer.name_keys import name_words
from indexer.variant_joins import EQUIVALENTS_PATH

# The most words of a place's name ending an organisation's ("Daerah Istimewa Yogyakarta").
PLACE_WORDS_MAX: Final = 4
# An English noun's British "-isation" ("organisations"), written "-ization" in American.
_BRITISH_RE: Final = re.compile(r"(\w+)isation(s?)")


@cache
def _spellings() -> dict[str, str]:
    """A word's older spelling -> its current one (``data/word_spellings.txt``)."""
    return {old: first for first, *olds in read_rows(DATA / "word_spellings.txt")
            for old in olds}


@cache
def _place_forms() -> dict[tuple[str, ...], tuple[str, ...]]:
    """The words of each name of a place ``data/equivalents.txt`` lists -> its first name's."""
    return {name_words(name): name_words(first)
            for typ, first, *others in read_rows(EQUIVALENTS_PATH) if typ == "LOC"
            for name in others}


def form_key(value: str) -> tuple[str, ...]:
    """``value``'s words with each in its current spelling ("-ization" for "-isation") and a
    place's other name at the end written as the place's first name."""
    spell = _spellings()
    words = tuple(_BRITISH_RE.sub(r"\1ization\2", spell.get(w, w)) for w in name_words(value))
    forms = _place_forms()
    for n in range(min(PLACE_WORDS_MAX, len(words) - 1), 0, -1):
        place = forms.get(words[-n:])
        if place is not None:
            return words[:-n] + place
    return words


def join_written_forms(groups: Groups) -> None:
    """Names of one :func:`form_key`, two words or more, join the group written most."""
    by_key: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for v in groups.counts:
        key = form_key(v)
        if len(key) > 1:
            by_key[key].add(v)
    totals = group_counts(groups)
    for key in sorted(by_key):
        found = {groups.find(v) for v in by_key[key]}
        if len(found) < 2:
            continue
        best = min(found, key=lambda g: (-totals[g], g))
        for g in sorted(found - {best}):
            merge_groups(groups, totals, groups.find(best), g)
