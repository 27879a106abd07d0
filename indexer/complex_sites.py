"""A site holding other sites is not its venue: "Gelora Bung Karno" is the sports complex in
Senayan, with its Stadion Madya, its Gedung Basket, its Parkir Timur; "Stadion (Utama) Gelora
Bung Karno" is its main stadium; "Sentul" is an area of Bogor, "Sirkuit Sentul" its circuit.

When the map is computed, the corpus shows a complex (:func:`complex_sites`) where it writes
one of :data:`COMPLEX_HEADS` before its name ("kompleks Gelora Bung Karno"), or its name after
:data:`COMPLEX_SITES_MIN` other sites' names (their first word one of ``data/site_heads.txt``
other than the venue's, no venue's word inside them: "Terminal 2 Bandara Soekarno-Hatta" is
the airport's own part); :func:`~indexer.variant_joins.join_variants` then joins the venue's
forms to each other, not to the complex.

Where the corpus names the venue at least as often as the complex (:func:`complex_venues`), the
two are one value to a journalist filtering: "kalah 1-4 di GBK" of a match report, "Parkir Timur
GBK" of a festival's. In every article (:func:`article_venues`, by ``reindex`` and ``add``
alike) the venue's value is then the complex's, the name that holds both; a bare name written
more often than its venue's is mostly a larger area ("Sentul", beside "Sirkuit Sentul") and
stays apart.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Mapping
from typing import Final

from indexer.entities.places import SITE_HEADS
from indexer.name_keys import most_written

COMPLEX_HEADS: Final = ("kompleks", "kawasan")
COMPLEX_SITES_MIN: Final = 2


def complex_sites(by_key: Mapping[str, str], venue_heads: Collection[str]) -> set[str]:
    """The variant keys of ``by_key`` (variant key -> a place's value) the corpus writes as a
    site holding other sites; ``venue_heads``: the words naming a venue before its name."""
    venue_words = {w for h in venue_heads for w in h.split()}
    out = {rest for key in by_key for head, _, rest in (key.partition(" "),)
           if head in COMPLEX_HEADS and rest in by_key}
    held: dict[str, set[str]] = defaultdict(set)
    for key in by_key:
        words = key.split(" ")
        if words[0] not in SITE_HEADS or venue_words.intersection(words[1:]):
            continue
        for i in range(2, len(words)):
            rest = " ".join(words[i:])
            if rest in by_key:
                held[rest].add(key)
    for rest, sites in held.items():
        venues = {h.split(" ")[0] for h in venue_heads if f"{h} {rest}" in by_key}
        if len({s for s in sites if s.split(" ")[0] not in venues}) >= COMPLEX_SITES_MIN:
            out.add(rest)
    return out


def complex_venues(counts: Mapping[str, int], values: Mapping[str, tuple[str, ...]],
                   venue_heads: Collection[str],
                   towns: Callable[[Collection[str]], Collection[str]]) -> dict[str, str]:
    """A complex's value -> its venue's value, as the map makes them (``counts``: places' raw
    values -> articles; ``values``: raw value -> what it becomes, where that differs;
    ``towns``: the keys of towns' names among places' keys, whose venues never joined them),
    where the venue is written in as many articles at least: a bare name written more often
    than its venue's is mostly the larger site ("Sentul", beside "Sirkuit Sentul")."""
    by_key = most_written(counts)
    totals: Counter[str] = Counter()
    for v, n in counts.items():
        for x in values.get(v, (v,)):
            totals[x] += n
    out: dict[str, str] = {}
    for key in sorted(complex_sites(by_key, venue_heads) - set(towns(by_key))):
        into = values.get(by_key[key], (by_key[key],))
        venues = [values.get(by_key[f"{h} {key}"], (by_key[f"{h} {key}"],))
                  for h in venue_heads if f"{h} {key}" in by_key]
        if len(into) == 1 and venues and len(venues[0]) == 1 and venues[0] != into \
                and totals[venues[0][0]] >= totals[into[0]]:
            out[into[0]] = venues[0][0]
    return out


def article_venues(found: Mapping[str, tuple[str, ...]], venues: Mapping[str, str]
                   ) -> dict[str, tuple[str, ...]]:
    """What changes of one article's places (``found``: raw value -> what the map makes it;
    ``venues``: :func:`complex_venues`): a venue's value becomes its complex's."""
    complexes = {venue: site for site, venue in venues.items()}
    return {v: (site,) for v, into in found.items()
            if len(into) == 1 and (site := complexes.get(into[0])) is not None}
