"""Persons' full names equal but for a first name one of them writes short, joined where an
article writes both: "Ansu Fati" and "Anssumane Fati", "Dani Carvajal" and "Daniel Carvajal",
"Pau Gasol" and "Paul Gasol".

A first name written short begins the long one (read loosely,
:func:`~indexer.name_keys.loose_words`: "Anssumane" is "ansumane"), and the name goes on with
the same words (but for their case). Alone, such a pair is often two people ("Will Smith" and
"Willow Smith", "Agus Hermanto" and "Agustina Hermanto", "Ani Yudhoyono" and "Annisa
Yudhoyono"); an article that writes both names of one person says it is one ("Anssumane Fati
atau yang lebih akrab dikenal dengan nama pendek Ansu Fati"); two people of one family are
seldom both written in full in one article with one first name cut from the other's.

* :func:`first_starts` (when the map is computed): the pairs of raw persons' names so alike,
  and the articles writing both (``contexts``: each article's raw values);
* :func:`join_first_starts` (in :func:`~indexer.type_map.type_map`): each pair written together
  in :data:`TOGETHER_MIN` articles or more joins, never an officer's name and another's.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Final

from indexer.entity_groups import Groups, group_counts, merge_groups
from indexer.name_keys import loose_words
from indexer.variant_joins import SidedJoins

# A short first name has this many letters at least (read loosely).
START_MIN: Final = 3
# A pair joins where this many articles write both names.
TOGETHER_MIN: Final = 1


def _alike(counts: Iterable[str]) -> set[tuple[str, str]]:
    """The pairs (short, long) of persons' names of two words or more whose words after the
    first are the same (but for their case) and whose first word (short's) begins the other's,
    :data:`START_MIN` letters or more and shorter, read loosely."""
    by_rest: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for v in counts:
        words = v.casefold().split()
        if len(words) >= 2:
            by_rest[tuple(words[1:])].append(v)
    out: set[tuple[str, str]] = set()
    for names in by_rest.values():
        if len(names) < 2:
            continue
        firsts = [(loose_words(v)[0], v) for v in names]
        for first, v in firsts:
            if len(first) >= START_MIN and first.isalpha():
                out.update((v, u) for other, u in firsts
                           if len(other) > len(first) and other.startswith(first))
    return out


def first_starts(counts: Mapping[str, int], contexts: Iterable[Iterable[str]]
                 ) -> dict[tuple[str, str], int]:
    """The pairs of :func:`_alike` persons' names (``counts``: raw value -> articles) -> the
    articles writing both (``contexts``: each article's raw values), where any do."""
    pairs = _alike(counts)
    if not pairs:
        return {}
    partners: dict[str, set[str]] = defaultdict(set)
    for a, b in pairs:
        partners[a].add(b)
    found: Counter[tuple[str, str]] = Counter()
    for context in contexts:
        here = None
        for v in context:
            if v in partners:
                here = here if here is not None else set(context)
                found.update((v, u) for u in partners[v] if u in here)
    return dict(found)


def join_first_starts(groups: Groups, together: Mapping[tuple[str, str], int],
                      sides: Mapping[str, bool] | None = None) -> None:
    """Join each pair of :func:`first_starts` written together in :data:`TOGETHER_MIN` articles
    or more into the group written most, unless one is an officer's name and the other not
    (``sides``: :func:`~indexer.person_marks.rank_sides`)."""
    totals = group_counts(groups)
    sided = SidedJoins(groups, sides or {})
    for (a, b), n in sorted(together.items()):
        if n < TOGETHER_MIN or a not in groups.parent or b not in groups.parent:
            continue
        ra, rb = groups.find(a), groups.find(b)
        big, small = (ra, rb) if (totals[ra], ra) >= (totals[rb], rb) else (rb, ra)
        sided.join(big, small, lambda x, y: merge_groups(groups, totals, x, y))
