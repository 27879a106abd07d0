"""A town's bare name beside a city and a regency of that name: "Bekasi" is mostly Kota Bekasi,
the city, but Kabupaten Bekasi, the regency around it, is another place.

When the map is computed (:func:`~indexer.variant_joins.join_variants`), the bare name joins
the city where the corpus writes both "Kota X" and "Kabupaten X"; the regency stays apart.
:func:`regencies` reads that from the map: a place's raw value the map makes what it makes
"Kota X", beside a "Kabupaten X" it makes another place.

In one article (:func:`article_regencies`, by ``reindex`` and ``add`` alike), the bare name is
the regency where the article writes the town's name after a word of the regency's
(``data/region_marks.txt``: "Kabupaten", "Kab.", "Bupati", "Pemkab") and never after one of
the city's ("Kota", "Wali Kota", "Pemkot"): a story about the regency.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Final

from indexer.entities.facts import COMPASS, read_rows
from indexer.name_keys import variant_key

CITY: Final = "kota"
REGENCY: Final = "kabupaten"


MARKS: Final = {kind: tuple(marks)
                for kind, *marks in read_rows(Path(__file__).parent / "data" / "region_marks.txt")}
# A longer place's name going on after the town's ("Kabupaten Bandung Barat").
_GOES_ON: Final = "|".join(sorted(re.escape(w) for w in COMPASS))


def regencies(counts: Mapping[str, int], entity: Callable[[str], tuple[str, ...]]
              ) -> dict[str, str]:
    """Places' raw values that are a town's bare name the map joined to its city -> the value
    of its regency. ``counts``: raw place value -> articles; ``entity``: what the map makes a
    raw place value."""
    by_key: dict[str, list[str]] = {}
    for v in sorted(counts):
        by_key.setdefault(variant_key(v), []).append(v)
    out: dict[str, str] = {}
    for key, bare in by_key.items():
        cities, regions = by_key.get(f"{CITY} {key}"), by_key.get(f"{REGENCY} {key}")
        if not cities or not regions:
            continue
        city, regency = entity(cities[0]), entity(regions[0])
        if len(city) == 1 and len(regency) == 1 and city != regency:
            out.update((v, regency[0]) for v in bare if entity(v) == city)
    return out


@cache
def _marked(name: str, kind: str) -> re.Pattern[str]:
    marks = "|".join(sorted((re.escape(m).replace(r"\ ", r"\s+") for m in MARKS[kind]),
                            key=len, reverse=True))
    words = r"\s+".join(map(re.escape, name.split()))
    return re.compile(rf"(?<!\w)(?:{marks})\s*{words}(?!\w)(?!\s+(?:{_GOES_ON})(?!\w))",
                      re.IGNORECASE)


def article_regencies(found: Mapping[str, tuple[str, ...]], towns: Mapping[str, str], text: str
                      ) -> dict[str, tuple[str, ...]]:
    """What changes of one article's places (``found``: raw value -> what the map makes it;
    ``towns``: :func:`regencies`; ``text``: headline and body): a town's bare name is its
    regency where the article writes the name after the regency's words, never the city's."""
    out: dict[str, tuple[str, ...]] = {}
    for v in found:
        regency = towns.get(v)
        if regency is not None and _marked(v, REGENCY).search(text) \
                and not _marked(v, CITY).search(text):
            out[v] = (regency,)
    return out
