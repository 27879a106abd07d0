"""Variants of one name join (:func:`join_variants`): values equal by variant or spelling key,
names listed as one entity in ``data/equivalents.txt``, persons' names read loosely, the same
organisation's words in another order or its first words in full or short
(``data/org_heads.txt``: "Pemdaprov Jabar" ~ "Pemprov Jabar"; "Kemenko" ~ "Kementerian
Koordinator"), words naming the same body before or after it (:func:`join_affixed`,
``data/org_affixes.txt``: "PB PBSI", "Gojek Group"), party and place heads and tails,
places' names one vowel apart, names spaced or not and names with "RI" after them; a person's
name with an alias of another's in it and the name with that one's full name in its place
(:func:`join_aliased_words`)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Mapping
from functools import cache
from pathlib import Path
from typing import Final

from indexer.city_regencies import TWO_REGION_TOWNS
from indexer.complex_sites import COMPLEX_HEADS, complex_sites
from indexer.entities.facts import ALIASES, load_names, load_places, read_rows
from indexer.entity_groups import Groups
from indexer.group_names import company_group
from indexer.name_keys import (
    loose_words,
    name_words,
    spelling_key,
    spelt_words,
    undoubled,
    variant_key,
)
from indexer.region_kinds import CITY, DISTRICT, PROVINCE, REGENCY, TOWNS

EQUIVALENTS_PATH: Final = Path(__file__).parent / "data" / "equivalents.txt"
ORG_HEADS_PATH: Final = Path(__file__).parent / "data" / "org_heads.txt"
ORG_AFFIXES_PATH: Final = Path(__file__).parent / "data" / "org_affixes.txt"
# A name this long at least joins its name with an affix: two letters ("PB", "FA") stand for
# too many bodies.
AFFIXED_MIN: Final = 3
# "Partai Golkar" ~ "Golkar"; "Timnas U-16 Indonesia" ~ "U-16 Indonesia".
PARTY_HEADS: Final = ("partai", "timnas")
# Words that say what kind of place a name is ("Kota Medan" ~ "Medan", "Pulau Sumatera" ~
# "Sumatera", "Republik Indonesia" ~ "Indonesia"), in the order their joins run: a name's first
# join picks its group's root, which the later rules read. Those marked True are venues: a venue
# named after a town is the venue, not the town ("Stadion London", "Bandara Sampit"), so they
# join "X" only where X is no town (the corpus writes no "Kota X", "Kabupaten X" or "Provinsi
# X", and it is no well-known place): "Stadion Anfield" ~ "Anfield".
_PLACE_HEADS: Final = ((CITY, False), (REGENCY, False), (PROVINCE, False), ("pulau", False),
                       ("republik", False), ("kerajaan", False), ("negara", False),
                       ("sirkuit", True), ("stadion", True), ("stadion utama", True),
                       ("stade", True), ("estadio", True), ("stadio", True), ("candi", False),
                       ("gunung", False), ("bandara", True))
PLACE_HEADS: Final = tuple(head for head, _ in _PLACE_HEADS)
VENUE_HEADS: Final = frozenset(head for head, venue in _PLACE_HEADS if venue)
# A kind of place whose name's rest may be another place ("Kepulauan Riau" is not Riau; "Jalan
# Tol Jakarta" is not Jakarta): "X" joins "Kepulauan X" or "Tol X" only where that is named at
# least as often ("Mariana Utara"; "Cipularang" of the toll road "Tol Cipularang").
WEAK_PLACE_HEADS: Final = ("kepulauan", "tol", "jalan tol")
# A kind of place written in full or short: "Jalan Tol Cipularang" ~ "Tol Cipularang", "SD
# Negeri 1 Menteng" ~ "SDN 1 Menteng", "Bandar Udara X" ~ "Bandara X".
SHORT_HEADS: Final = (("jalan tol", "tol"), ("sd negeri", "sdn"), ("smp negeri", "smpn"),
                      ("sma negeri", "sman"), ("smk negeri", "smkn"), ("bandar udara", "bandara"))
# Names of two districts or more (Sukorejo of Ponorogo, of Pasuruan).
SHARED_DISTRICTS_PATH: Final = Path(__file__).parent / "data" / "shared_districts.txt"
# A point on a road ("Tol Cipularang Km 92") is on that road.
_KM_RE: Final = re.compile(r"(.+) km \d+")
# Words after a name that only say whose it is ("Gedung DPR RI": Republik Indonesia's; "Biro
# Penerangan Masyarakat Divisi Humas": the police's public relations division's bureau).
NAME_TAILS: Final = ("ri", "divisi humas")
# English words after a place's name that only say its kind ("Anfield Stadium" ~ "Anfield").
PLACE_TAILS: Final = ("stadium",)
# The English word for "kota" after a city's name: "New York City" ~ "New York" where the corpus
# writes "Kota New York" ("Senayan City", "Kuningan City" are malls of no city's name).
CITY_TAIL: Final = "city"
# An organisation's name of this many words or more is one name in any order of its words.
PERMUTED_MIN: Final = 3


@cache
def equivalents() -> tuple[tuple[str, frozenset[str]], ...]:
    """(type, variant keys of the names of one entity) from ``data/equivalents.txt``."""
    return tuple((typ, frozenset(variant_key(n) for n in names))
                 for typ, *names in read_rows(EQUIVALENTS_PATH))


@cache
def _org_heads() -> tuple[tuple[str, str], ...]:
    """(a first words' form, its short form) from ``data/org_heads.txt``, longest first."""
    pairs = [(other, short) for short, *others in read_rows(ORG_HEADS_PATH) for other in others]
    return tuple(sorted(pairs, key=lambda p: (-len(p[0]), p)))


@cache
def org_affixes() -> dict[str, tuple[str, ...]]:
    """Kind ("head", "board", "tail") -> the words of ``data/org_affixes.txt`` that name the
    same body written before or after an organisation's name."""
    kinds: dict[str, tuple[str, ...]] = {}
    for kind, *words in read_rows(ORG_AFFIXES_PATH):
        kinds[kind] = kinds.get(kind, ()) + tuple(words)
    return kinds


def _affixed(key: str, value: str) -> list[str]:
    """The variant keys of ``value``'s name (key ``key``) with a word of
    ``data/org_affixes.txt`` added: before it, before it where it is an acronym, after it."""
    affixes = org_affixes()
    acronym = value.isupper() and value.isalpha()
    return [*(f"{head} {key}" for head in affixes.get("head", ())),
            *(f"{head} {key}" for head in affixes.get("board", ()) if acronym),
            *(f"{key} {tail}" for tail in affixes.get("tail", ()))]


def join_affixed(groups: Groups) -> None:
    """An organisation's name joins its name with a word of ``data/org_affixes.txt`` added
    ("PBSI" ~ "PB PBSI", "Gojek" ~ "Gojek Group") where each is the name its group is shown
    as: a name the joins before took into another body's group is not that body ("Barito" of
    the club Barito Putera; "Barito Group" is a company). After the joins of a name to its
    longer names (:func:`~indexer.org_names.join_org_names`), which weigh "MNC Group" and
    "MNC Pictures" as two rival longer names of "MNC", and so join it to neither. Not a
    group's name to one of its companies' ("Lion Air Group" is not Lion Air:
    :mod:`indexer.group_names`)."""
    shown = {root: variant_key(min(vs, key=lambda v: (-groups.counts[v], v)))
             for root, vs in groups.members().items()}
    by_key: dict[str, str] = {}
    for v in sorted(groups.counts, key=lambda v: (-groups.counts[v], v)):
        key = variant_key(v)
        if shown[groups.find(v)] == key:
            by_key.setdefault(key, v)
    written: Counter[tuple[str, ...]] = Counter()
    for v, n in groups.counts.items():
        written[name_words(v)] += n
    for key, v in by_key.items():
        if len(key) < AFFIXED_MIN:
            continue
        for other in _affixed(key, v):
            full = by_key.get(other)
            if full is not None and not company_group(name_words(v), name_words(full), written):
                groups.join(full, v)


def org_short_head(key: str) -> str:
    """An organisation's variant key with its first words in their short form ("pemerintah
    provinsi jawa barat" -> "pemprov jawa barat")."""
    for long, short in _org_heads():
        if key.startswith(f"{long} "):
            return f"{short}{key[len(long):]}"
    return key


@cache
def _connectors() -> frozenset[str]:
    return load_names(Path(__file__).parent / "data" / "name_connectors.txt")


def join_variants(groups: Groups, typ: str, sides: Mapping[str, bool] | None = None,
                  districts: Collection[str] = ()) -> None:
    """Join the values equal but for case, apostrophes and spacing, spelling (old spelling, a
    given name's spellings), and the names listed as one. ``sides``: persons' full names ->
    whether an officer's (:func:`~indexer.person_marks.rank_sides`): spellings on two sides are
    two people; a name on neither joins the most written spelling, one alike but for doubled
    letters first. ``districts``: places' variant keys of districts of a city, which "Kota X"
    or "Kabupaten X" is not (:func:`~indexer.longer_places.districts`: Kuningan of Jakarta
    Selatan, Kabupaten Kuningan of West Java)."""
    # Each variant key stands for its most written spelling and counts all of them: a rule
    # comparing how often two names are written compares every spelling of each, whatever
    # order the values came in ("RIAU" 2 is Riau 460, which "Kepulauan Riau" 81 is not).
    by_key: dict[str, str] = {}
    key_counts: Counter[str] = Counter()
    for v in sorted(groups.counts, key=lambda v: (-groups.counts[v], v)):
        key = variant_key(v)
        key_counts[key] += groups.counts[v]
        if key in by_key:
            groups.join(by_key[key], v)
        else:
            by_key[key] = v
    by_spelling: dict[tuple[str, bool | None], str] = {}
    neither: list[tuple[str, str]] = []
    for v in sorted(groups.counts, key=lambda v: (-groups.counts[v], v)):
        if " " not in v.strip():  # one word in two spellings may be two ("Doel", "Dul")
            continue
        key = spelling_key(v)
        side = (sides or {}).get(v)
        if side is None and sides:
            neither.append((key, v))
            continue
        first = by_spelling.setdefault((key, side), v)
        if first != v:
            groups.join(first, v)
    for key, v in neither:  # the spelling alike but for doubled letters first ("Mohammad")
        found = [by_spelling[k] for k in ((key, True), (key, False)) if k in by_spelling]
        plain = undoubled(variant_key(v))
        first = max(found, key=lambda u: (undoubled(variant_key(u)) == plain,
                                          groups.counts[u], u)) if found else \
            by_spelling.setdefault((key, None), v)
        if first != v:
            groups.join(first, v)
    if typ == "PER":
        _join_loose_spellings(groups, sides or {})
    for etype, keys in equivalents():
        if etype == typ:
            present = [by_key[k] for k in sorted(keys) if k in by_key]
            for other in present[1:]:
                groups.join(present[0], other)
    if typ == "ORG":
        # The same words in another order, or with a joining word more or less, name one body
        # ("Timnas U-16 Indonesia", "Timnas Indonesia U-16"; "Badan Penanggulangan Bencana
        # Nasional"; "Institute for Criminal and Justice Reform"): three words at least.
        by_words: dict[tuple[str, ...], str] = {}
        for key, v in by_key.items():
            words = [w for w in (w.strip(",.") for w in key.split(" "))
                     if w and w not in _connectors()]
            if len(words) >= PERMUTED_MIN:
                first = by_words.setdefault(tuple(sorted(words)), v)
                if first != v:
                    groups.join(first, v)
        for key, v in by_key.items():
            for head in PARTY_HEADS:
                full = by_key.get(f"{head} {key}")
                if full is not None:
                    groups.join(full, v)
        by_head: dict[str, str] = {}
        for key, v in by_key.items():
            first = by_head.setdefault(org_short_head(key), v)
            if first != v:
                groups.join(first, v)
    if typ == "LOC":
        towns = town_keys(by_key)
        ambiguous = {k for etype, keys in equivalents() if etype == typ for k in keys} | {
            variant_key(n) for n in load_names(SHARED_DISTRICTS_PATH)}
        complexes = complex_sites(by_key, VENUE_HEADS)
        for key, v in by_key.items():
            # A district's kind before its name ("Kecamatan Cilincing" ~ "Cilincing"): only
            # where the name is no town's ("Kecamatan Depok" of Sleman is not the city Depok),
            # no name listed as another place's (``data/equivalents.txt``: "Kecamatan Cina" of
            # Bone is not China) and no name of two districts. Not "Kelurahan": a village may
            # share its name with a district ("Kelurahan Jatinegara" of Cakung).
            district = by_key.get(f"{DISTRICT} {key}")
            if district is not None and key not in towns and key not in ambiguous:
                groups.join(district, v)
            heads = [h for h in PLACE_HEADS if f"{h} {key}" in by_key
                     and not (h in VENUE_HEADS and key in towns)
                     and not (h in TOWNS and key in districts)]
            # "Kota Bandung" and "Kabupaten Bandung" are two places: "Bandung" is mostly the
            # city (in one article, the regency: :mod:`indexer.city_regencies`). A town of one
            # region is one place however written ("kota Rembang", "Kabupaten Rembang").
            if TOWNS <= set(heads) and key in TWO_REGION_TOWNS:
                heads = [CITY]
            # a site holding others is not its venue (:mod:`indexer.complex_sites`), which
            # its names with a complex's word are
            venues = [by_key[f"{h} {key}"] for h in heads if h in VENUE_HEADS]
            if key in complexes and venues:
                for other in venues[1:]:
                    groups.join(venues[0], other)
                heads = [*(h for h in heads if h not in VENUE_HEADS),
                         *(h for h in COMPLEX_HEADS if f"{h} {key}" in by_key)]
            for head in heads:
                groups.join(by_key[f"{head} {key}"], v)
            for tail in PLACE_TAILS:
                full = by_key.get(f"{key} {tail}")
                if full is not None and key not in towns:
                    groups.join(full, v)
            english = by_key.get(f"{key} {CITY_TAIL}")
            if english is not None and f"{CITY} {key}" in by_key:
                groups.join(english, v)
            for head in WEAK_PLACE_HEADS:
                full = by_key.get(f"{head} {key}")
                if full is not None and key_counts[f"{head} {key}"] >= key_counts[key]:
                    groups.join(full, v)
            for long_head, short_head in SHORT_HEADS:
                if key.startswith(f"{long_head} "):
                    short = by_key.get(f"{short_head} {key[len(long_head) + 1:]}")
                    if short is not None:
                        groups.join(short, v)
            km = _KM_RE.fullmatch(key)
            if km is not None and km.group(1) in by_key:
                groups.join(by_key[km.group(1)], v)
    if typ == "LOC":
        _join_vowel_spellings(groups, by_key)
    # Spaced or not ("Hong Kong", "Hongkong"; "Jung Kook", "Jungkook"), and "RI" after a name
    # ("Gedung DPR RI", "DPR-RI"): one name.
    by_compact: dict[str, str] = {}
    for key, v in sorted(by_key.items()):
        compact = key.replace(" ", "").replace("-", "")  # "Soekarno-Hatta", "Soekarno Hatta"
        if compact in by_compact:
            groups.join(by_compact[compact], v)
        else:
            by_compact[compact] = v
        for tail in NAME_TAILS:
            for sep in (" ", "-"):  # "Gedung DPR RI", "DPR-RI"
                if key.endswith(f"{sep}{tail}"):
                    short = by_key.get(key.removesuffix(f"{sep}{tail}"))
                    if short is not None:
                        groups.join(short, v)


def town_keys(by_key: Collection[str]) -> set[str]:
    """The variant keys of towns' names: the gazetteer's places', and the names of ``by_key``
    (places' variant keys) the corpus writes after a region's head."""
    return {variant_key(p) for p in load_places()} | {
        rest for k in by_key for head, _, rest in (k.partition(" "),)
        if head in TOWNS or head == PROVINCE}


class SidedJoins:
    """Joins of ``groups`` that never put an officer's name and another person's in one group
    (``sides``: :func:`~indexer.person_marks.rank_sides`)."""

    def __init__(self, groups: Groups, sides: Mapping[str, bool]) -> None:
        self.groups = groups
        self.sides: dict[str, set[bool]] = defaultdict(set)
        for v, side in sides.items():
            if v in groups.parent:
                self.sides[groups.find(v)].add(side)

    def join(self, a: str, b: str, merge: Callable[[str, str], None] | None = None) -> None:
        """Join the groups of ``a`` and ``b`` (with ``merge`` when given), unless they are on
        two sides."""
        ra, rb = self.groups.find(a), self.groups.find(b)
        if ra == rb or len(self.sides.get(ra, set()) | self.sides.get(rb, set())) > 1:
            return
        (merge or self.groups.join)(a, b)
        merged = self.sides.pop(ra, set()) | self.sides.pop(rb, set())
        if merged:
            self.sides[self.groups.find(a)] = merged


def _join_loose_spellings(groups: Groups, sides: Mapping[str, bool]) -> None:
    """Persons' names of two words or more that are one name read loosely
    (:func:`~indexer.name_keys.loose_words`: Aziz / Azis, Syamsuddin / Syamsudin) join when they
    also share a word spelt alike: the corpus shows the other spelling beside the same name;
    not an officer's and another person's (``sides``)."""
    sided = SidedJoins(groups, sides)
    by_loose: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for v in groups.counts:
        words = loose_words(v)
        if len(words) >= 2:
            by_loose[words].append(v)
    for names in by_loose.values():
        spelt = {v: set(spelt_words(v)) for v in names}
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                if spelt[a] & spelt[b]:
                    sided.join(a, b)


_VOWELS: Final = frozenset("aeiou")


def _join_vowel_spellings(groups: Groups, by_key: Mapping[str, str]) -> None:
    """Place names of six letters or more that differ by one vowel written or not join
    ("Perancis" ~ "Prancis", "Sumatera" ~ "Sumatra"): Indonesian writes foreign names both ways."""
    for key, v in by_key.items():
        if len(key) < 7:
            continue
        for i, ch in enumerate(key):
            if ch in _VOWELS and 0 < i < len(key) - 1 and key[i - 1] not in _VOWELS \
                    and key[i + 1] not in _VOWELS and key[i + 1] != " " and key[i - 1] != " ":
                other = by_key.get(key[:i] + key[i + 1 :])
                if other is not None:
                    groups.join(other, v)


def join_aliased_words(groups: Groups) -> None:
    """A person's name with a word the alias table gives another person's full name ("Iriana
    Jokowi": "Jokowi" is Joko Widodo) joins the name with that full name in the word's place
    ("Iriana Joko Widodo"), where the corpus writes that name."""
    by_key = {variant_key(v): v for v in groups.counts}
    for v in groups.counts:
        words = v.split()
        if len(words) < 2:
            continue
        for i, w in enumerate(words):
            alias = ALIASES.get(w.lower())
            if alias is None or alias[1] != "PER":
                continue
            other = by_key.get(variant_key(" ".join([*words[:i], alias[0], *words[i + 1:]])))
            if other is not None and other != v:
                groups.join(other, v)
