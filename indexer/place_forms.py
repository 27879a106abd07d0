"""One place written in two forms, joined when the map is computed
(:func:`~indexer.type_map.type_map`, after the longer names have joined):

* **an estate's numbered streets** (:func:`join_estate_streets`): a housing estate numbers its
  streets after its own name ("Jalan Patra Kuningan XIII", "Jalan Patra Kuningan VIII" in the
  estate Patra Kuningan). A street's name the corpus writes with such a number in a fifth of its
  articles at least is one of the estate's streets, and the estate is the place the news means
  by it (a house there, a procession through it): it joins the estate's bare name where the
  corpus has that as a place. Not where the name is a town's ("Jalan Surabaya" of Menteng is no
  street of Surabaya) nor a street's own ("Jalan Raya Bogor").
* **a body's buildings** (:func:`join_body_buildings`): "Kantor Kemenpora", "Gedung Kemenpora"
  and "Wisma Kemenpora" are one body's seat under its kinds of building
  (``data/building_heads.txt``). Where the corpus writes a body's name (an organisation's value)
  after two or more of those words, they join. Not a name of no body ("Gedung Nusantara" of the
  parliament, "Wisma Nusantara" a tower; "Gedung Negara", "Wisma Negara"): those are each a
  building's own name.
* **a hospital's ward** (:func:`join_ward_places`): "ICU Rumah Sakit Pusat Angkatan Darat"
  (the extractor's cut of "ruang ICU Rumah Sakit Pusat Angkatan Darat (RSPAD) Gatot Subroto")
  and "IGD RSUD Sumedang" are the hospital: a ward's word (``data/ward_words.txt``) before a
  place's name the corpus has joins that name.
* **a venue's acronym inside its name** (:func:`join_venue_acronyms`): "Bandara BIJB Kertajati"
  is "Bandara Kertajati", the acronym (Bandara Internasional Jawa Barat) restating the venue's
  kind and region: a venue's word, capitals beginning with its letter, then the name. Not
  capitals of another letter ("Stasiun MRT Bundaran HI" is not the bus stop "Halte Bundaran
  HI", nor "Stasiun Bundaran HI" of another line).
* **a venue's name with one word more inside** (:func:`join_inserted_words`): "Olympic Sports
  Center Xincheng Gymnasium" is "Olympic Sports Center Gymnasium" with the district's name put
  in, where the corpus writes both right before one town's name ("…, Changzhou") in
  :data:`~indexer.entity_groups.RIVAL_MIN` articles each: two venues of one name in one town
  are one. Not a word put first or last ("Stadion Mandala Krida" is another stadium than
  "Stadion Mandala", and written in another town), nor one that begins another place's name
  with the words before it ("Stadion Madya Gelora Bung Karno": "Stadion Madya" is a stadium
  of the complex, not its main one).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Final

from indexer.entities.facts import ALIASES, load_names
from indexer.entity_groups import RIVAL_MIN, Groups, group_counts, merge_groups
from indexer.name_keys import most_written, name_words, variant_key
from indexer.name_kinds import IN_PREFIX

BUILDING_HEADS: Final = load_names(Path(__file__).parent / "data" / "building_heads.txt")
WARD_WORDS: Final = load_names(Path(__file__).parent / "data" / "ward_words.txt")
# A street's number: Roman ("XIII") or Arabic ("3", "3A"), right after the estate's name.
_NUMBER_RE: Final = re.compile(r"[ivxl]+|\d+[a-z]?")
# A street written with a number in one in this many of its articles at least is an estate's.
NUMBERED_SHARE: Final = 5


def _estate(words: tuple[str, ...], street_heads: Collection[str]) -> str | None:
    """The estate a numbered street's name (its words) is named after: the words between the
    street's word and the number ("jalan patra kuningan xiii" -> "patra kuningan")."""
    if not words or words[0] not in street_heads:
        return None
    for k in range(2, len(words)):
        if _NUMBER_RE.fullmatch(words[k]):
            return " ".join(words[1:k])
    return None


def join_estate_streets(groups: Groups, street_heads: Collection[str],
                        towns: Collection[str]) -> None:
    """Join an estate's streets, numbered or not, to the estate's bare name where the corpus
    writes the street's name with a number in a fifth of its articles at least, in
    :data:`~indexer.entity_groups.RIVAL_MIN` articles at least (``towns``: variant keys of
    towns' names, which are no estate's)."""
    by_key = most_written(groups.counts)
    numbered: dict[str, list[str]] = defaultdict(list)
    for v in groups.counts:
        estate = _estate(name_words(v), street_heads)
        if estate is not None and estate in by_key and estate not in towns:
            numbered[estate].append(v)
    totals = group_counts(groups)
    for estate, names in sorted(numbered.items()):
        streets = {groups.find(by_key[s]) for h in street_heads
                   if (s := f"{h} {estate}") in by_key}
        n = sum(groups.counts[v] for v in names)
        if not streets or n < RIVAL_MIN or totals[groups.find(by_key[estate])] < RIVAL_MIN:
            continue
        parts = streets | {groups.find(v) for v in names}
        if n * NUMBERED_SHARE >= sum(totals[g] for g in parts):
            for g in sorted(parts):
                merge_groups(groups, totals, by_key[estate], g)


def join_body_buildings(groups: Groups, bodies: Collection[str]) -> None:
    """Join the names of one body's buildings (``bodies``: organisations' values; the
    extractor's aliases of organisations, "Kemenpora", are bodies' names too)."""
    keys = {variant_key(b) for b in bodies} | {a for a, (_, typ) in ALIASES.items() if typ == "ORG"}
    seats: dict[str, list[str]] = defaultdict(list)
    for v in sorted(groups.counts, key=lambda v: (-groups.counts[v], v)):
        words = name_words(v)
        if len(words) >= 2 and words[0] in BUILDING_HEADS:
            body = " ".join(words[1:])
            if body in keys:
                seats[body].append(v)
    for names in seats.values():
        if len({name_words(v)[0] for v in names}) >= 2:
            for other in names[1:]:
                groups.join(names[0], other)


def join_ward_places(groups: Groups) -> set[str]:
    """Join a place's name after a hospital ward's word to the name without it; the names so
    joined, which never show their group."""
    by_key = most_written(groups.counts)
    wards: set[str] = set()
    for v in sorted(groups.counts):
        ward, _, rest = v.partition(" ")
        if ward.lower() in WARD_WORDS and (place := by_key.get(variant_key(rest))) is not None:
            groups.join(place, v)
            wards.add(v)
    return wards


def join_venue_acronyms(groups: Groups, venue_heads: Collection[str]) -> None:
    """Join a venue's name with an acronym of its own after its word to the name without it
    (``venue_heads``: one-word venues' words, lower case: "bandara")."""
    by_key = most_written(groups.counts)
    for v in sorted(groups.counts):
        words = v.split()
        if len(words) < 3 or words[0].lower() not in venue_heads:
            continue
        acronym = words[1]
        if len(acronym) >= 3 and acronym.isupper() and acronym.isalpha() \
                and acronym[0] == words[0][0].upper():
            plain = by_key.get(variant_key(" ".join([words[0], *words[2:]])))
            if plain is not None:
                groups.join(plain, v)


def join_inserted_words(groups: Groups, kinds: Mapping[tuple[tuple[str, str], str], int]
                        ) -> None:
    """Join a place's name of three words or more to its name with one word more inside it
    where both are written before one town (``kinds``: the evidence's kinds, with the places
    written after places: :mod:`indexer.name_kinds`)."""
    towns: dict[str, set[str]] = defaultdict(set)
    for ((typ, value), kind), n in kinds.items():
        if typ == "LOC" and kind.startswith(IN_PREFIX) and n >= RIVAL_MIN \
                and value in groups.counts:
            towns[variant_key(value)].add(kind)
    by_key = most_written(groups.counts)
    for key in sorted(towns):
        words = key.split(" ")
        for i in range(1, len(words) - 1):
            shorter = " ".join(words[:i] + words[i + 1:])
            if len(words) > 3 and not towns[key].isdisjoint(towns.get(shorter, ())) \
                    and " ".join(words[:i + 1]) not in by_key:
                groups.join(by_key[shorter], by_key[key])
