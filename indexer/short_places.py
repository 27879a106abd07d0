"""A short place name the corpus writes for one of the several places it begins: "Korea" is
South Korea in a K-pop story ("konser di Korea", "drama Korea") although the corpus also has
"Korea Utara"; an article about both Koreas ("dialog antar-Korea") names the other one too.

When the map is computed (:func:`short_places`), a place's value X is such a short name when
the corpus has two or more longer places' values beginning with X's words (its *longer
names*, each in :data:`LONGER_MIN` articles or more), one of them holds :data:`ONE_SHARE` of
their articles, and X alone is written in no more articles than that one: the corpus uses X
as a short form of it, not as a place of its own. A short name of several places none of
which dominates ("Jawa": Jawa Barat, Jawa Timur, Jawa Tengah), one the corpus names more
often than its longer names (Papua, a province, beside Papua Barat), and one with a single
longer name (Tangerang beside Tangerang Selatan, Maluku beside Maluku Utara, each a place of
its own) stay as they are.

When an article is written (:func:`article_shorts`, by ``reindex`` and ``add`` alike,
:meth:`~indexer.entity_map.EntityMap.entities_in`), X becomes the dominant longer name there,
unless the article names another of its longer names: then X stays (both Koreas, the
peninsula).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping
from typing import Final

# Articles a longer name needs to count as one of the places a short name may stand for.
LONGER_MIN: Final = 5
# The share of the longer names' articles the one a short name stands for holds.
ONE_SHARE: Final = 0.8


def short_places(values: Mapping[str, tuple[str, ...]], counts: Mapping[str, int]
                 ) -> dict[str, tuple[str, ...]]:
    """Places' values the corpus writes as a short form of one longer place -> (that place,
    then the other longer names). ``values``: the map's raw place value -> what it becomes
    (where that differs); ``counts``: raw place value -> articles."""
    totals: Counter[str] = Counter()
    for v, c in counts.items():
        for x in values.get(v, (v,)):
            totals[x] += c
    by_first: dict[str, list[str]] = {}
    for v, c in totals.items():
        if c >= LONGER_MIN and " " in v.strip():
            by_first.setdefault(v.split()[0], []).append(v)
    out: dict[str, tuple[str, ...]] = {}
    for x, c in totals.items():
        words = x.split()
        if not words:
            continue
        longer = sorted((v for v in by_first.get(words[0], ())
                         if v.split()[:len(words)] == words and len(v.split()) > len(words)),
                        key=lambda v: (-totals[v], v))
        if len(longer) < 2:
            continue
        one = longer[0]
        if totals[one] >= ONE_SHARE * sum(totals[v] for v in longer) and c <= totals[one]:
            out[x] = tuple(longer)
    return out


def article_shorts(found: Mapping[str, tuple[str, ...]], shorts: Mapping[str, tuple[str, ...]]
                   ) -> dict[str, tuple[str, ...]]:
    """What changes of one article's places (``found``: raw value -> what the map makes it):
    a short name of :func:`short_places` becomes the place it stands for, unless the article
    names another of its longer names."""
    named: Collection[str] = {x for into in found.values() for x in into}
    out: dict[str, tuple[str, ...]] = {}
    for v, into in found.items():
        if len(into) == 1 and (longer := shorts.get(into[0])) is not None \
                and not any(other in named for other in longer[1:]):
            out[v] = (longer[0],)
    return out
