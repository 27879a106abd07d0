"""A place's name with its office-holder's after it, read as one place's: "Wali Kota [[Jakarta
Utara Sigit Wijatmoko]]", "Rektor [[Universitas Jember Nurul Ghufron]]". The tagger takes a title
of office, its region or body and the holder's name as one name, and the map makes it a place's
value.

When the map is computed, such a value is the place's before the holder's name
(:func:`held_places`; the type's map reads it as a ticket of one half,
:func:`~indexer.type_map.type_map`): a value that is a place's name written in
:data:`~indexer.entity_groups.RIVAL_MIN` articles at least, then a name of two words or more
the corpus has as a person's in as many articles, and more often than as any other type's
("Sigit Wijatmoko"). Only a town's or a region's name holds an office-holder's ("Jalan KH Wahid
Hasyim", "RSPAD Gatot Soebroto" are named after persons); not where the rest is a place's, a
body's or nobody's name ("Kutai Kartanegara Provinsi Kalimantan Timur", "Italia Napoli",
"Batam Center").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Mapping
from typing import Final

from indexer.entities.facts import COMPASS
from indexer.entity_groups import RIVAL_MIN
from indexer.name_keys import most_written, spelling_key, variant_key
from indexer.region_kinds import PROVINCE, TOWNS


def _by_key(counts: Mapping[str, int]) -> Counter[str]:
    """Articles by spelling key: a name's spellings ("Sigit Widjatmoko") count as one."""
    out: Counter[str] = Counter()
    for v, n in counts.items():
        out[spelling_key(v)] += n
    return out


def _region(key: str, towns: Collection[str]) -> bool:
    """Whether a place's variant key is a town's, a region's of a town ("kota bekasi") or a
    part of one by the compass ("jakarta utara")."""
    head, _, rest = key.partition(" ")
    if head in TOWNS or head == PROVINCE:  # "Kota Bekasi Ahmad Syaikhu"
        key = rest
    town, _, point = key.rpartition(" ")
    return key in towns or (point in COMPASS and town in towns)


def held_places(places: Mapping[str, int], persons: Mapping[str, int],
                others: Mapping[str, int], towns: Collection[str]) -> dict[str, tuple[str]]:
    """Places' values (``places``: value -> articles) that are a town's or a region's name and a
    person's (``persons``: persons' values -> articles; ``others``: organisations' values;
    ``towns``: towns' variant keys) -> (the place's value,)."""
    by_key = most_written(places)
    person_keys, place_keys, other_keys = _by_key(persons), _by_key(places), _by_key(others)
    out: dict[str, tuple[str]] = {}
    for v in places:
        words = variant_key(v).split(" ")
        for k in range(len(words) - 2, 0, -1):
            place = " ".join(words[:k])
            holder = spelling_key(" ".join(words[k:]))
            found = by_key.get(place)
            n = person_keys[holder]
            if found is not None and places[found] >= RIVAL_MIN and n >= RIVAL_MIN \
                    and _region(place, towns) \
                    and n > place_keys[holder] + other_keys[holder]:
                out[v] = (found,)
                break
    return out


_WORD_RE: Final = re.compile(r"\S+")


def place_end(written: str, place: str) -> int | None:
    """Where the place's name ``place`` (a raw value) ends in the written text of a mention of
    its value with a holder's name after it ("Jakarta Utara Sigit Wijatmoko" -> 13); ``None``
    where the text does not begin with it."""
    words = list(_WORD_RE.finditer(written))
    n = len(place.split())
    if len(words) <= n or variant_key(written[:words[n - 1].end()]) != variant_key(place):
        return None
    return words[n - 1].end()
