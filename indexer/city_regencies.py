"""A town's bare name beside a city and a regency of that name: "Bekasi" is mostly Kota Bekasi,
the city, but Kabupaten Bekasi, the regency around it, is another place.

When the map is computed (:func:`~indexer.variant_joins.join_variants`), the bare name joins
the city where the corpus writes both "Kota X" and "Kabupaten X"; the regency stays apart.
:func:`regencies` reads that from the map: a place's raw value the map makes what it makes
"Kota X", beside a "Kabupaten X" it makes another place.

In one article (:func:`article_regencies`, by ``reindex`` and ``add`` alike), the bare name is
the regency where the article says so and never says the city: it writes the town's name after
a word of the regency's (``data/region_marks.txt``: "Kabupaten", "Kab.", "Bupati", "Pemkab";
the city's: "Kota", "Wali Kota", "Pemkot"), or last on a list after one ("Kabupaten Karawang
dan Bekasi"). Where it writes neither's words, the words before the name as an address is
written say it: one of the regency's own districts or villages ("Stadion Pakansari, Bogor":
``data/town_districts.txt``, from the government's table of regions) and none of the city's
("Tanah Sareal, Bogor"). Words outweigh the map: "Bupati Bogor" with "Baranangsiang, Bogor"
is the regency's story. A bare name that is a district elsewhere's too (:func:`namesakes`:
Kuningan of Jakarta Selatan, no "Kota Kuningan") is the regency also where the article lists it
between two towns ("Padang, Palembang, Indramayu, Kuningan, Kebumen, Ciamis": a list of the
towns news names, not of Jakarta's districts).

In an article that writes the city's words too, so that the bare name stays the city's, a
mention of it right after the regency's words ("Kasat Lantas Polres Bogor" beside "warga Kota
Bogor") is the regency's, and the article names both (:func:`regency_mentions`, applied by
:func:`~indexer.map_apply.apply_map`).

A town that names its province too ("Gorontalo": Kota Gorontalo, Provinsi Gorontalo), which the
map keeps apart from the province (:func:`provinces`), is the province in an article that writes
it after the province's words ("Gubernur Gorontalo", "Provinsi Sulawesi Utara dan Gorontalo")
and never after the city's or the regency's (:func:`article_provinces`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any, Final

from indexer.entities.facts import COMPASS, read_rows
from indexer.name_keys import variant_key
from indexer.region_kinds import CITY, PROVINCE, REGENCY

POLICE: Final = "police"


MARKS: Final = {kind: tuple(marks)
                for kind, *marks in read_rows(Path(__file__).parent / "data" / "region_marks.txt")}
# (kind, a town's variant key) -> its districts' and villages' names that name no other place
DISTRICTS: Final = {(kind, variant_key(town)): tuple(names) for kind, town, *names
                    in read_rows(Path(__file__).parent / "data" / "town_districts.txt")}
# Variant keys of the towns that are a city and a regency of one name in the government's table
# (Bandung, Bekasi, Bogor, ...); elsewhere "kota X" is the town of X, the regency's seat
# ("kota Rembang"), not a city apart from it.
TWO_REGION_TOWNS: Final = frozenset(town for kind, town in DISTRICTS if kind == CITY) \
    & frozenset(town for kind, town in DISTRICTS if kind == REGENCY)
# A name on a list: capitalised words (the list's words between, "Kabupaten Karawang dan Bekasi")
_LISTED: Final = r"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2}"
# Names on a list before its last one, at most: a bound, so that a text of many regency words
# each followed by a long list ("Kabupaten A, Kabupaten B, ...") is read in linear time, not
# once more from each of them to the list's end.
LIST_MAX: Final = 12
# A longer place's name going on after the town's ("Kabupaten Bandung Barat"), or the city's
# word after it ("Polres Bogor Kota", "Bekasi Kota": the city's).
_GOES_ON: Final = "|".join(sorted(re.escape(w) for w in (*COMPASS, CITY)))
# Capitalised words (a district's or village's name, one to three words) before a town's name
# as an address writes them, within this many characters.
_BEFORE_RE: Final = re.compile(r"((?:[A-Z][\w'.-]*\s+){0,2}[A-Z][\w'.-]*)(?:\)?,?\s+|\s*\()$")
_BEFORE_MAX: Final = 60
_COMPACT_RE: Final = re.compile(r"[\s'.-]")
_GOES_ON_RE: Final = re.compile(rf"\s+(?:{_GOES_ON})(?!\w)", re.IGNORECASE)


def _regencies(counts: Mapping[str, int], entity: Callable[[str], tuple[str, ...]]
               ) -> Iterator[tuple[str, str, bool]]:
    """(bare name, its regency's value, whether the corpus writes no city of that name): see
    :func:`regencies`."""
    by_key: dict[str, list[str]] = {}
    for v in sorted(counts):
        by_key.setdefault(variant_key(v), []).append(v)
    for key, bare in by_key.items():
        cities, regions = by_key.get(f"{CITY} {key}"), by_key.get(f"{REGENCY} {key}")
        if not regions:
            continue
        regency = entity(regions[0])
        if len(regency) != 1:
            continue
        if cities:
            city = entity(cities[0])
            if len(city) == 1 and city != regency:
                yield from ((v, regency[0], False) for v in bare if entity(v) == city)
        else:  # a name the map keeps apart from the regency's: a place elsewhere's
            yield from ((v, regency[0], True) for v in bare
                        if len(entity(v)) == 1 and entity(v) != regency)


def regencies(counts: Mapping[str, int], entity: Callable[[str], tuple[str, ...]]
              ) -> dict[str, str]:
    """Places' raw values that are a town's bare name the map joined to its city -> the value
    of its regency; and, where the corpus writes no city of that name, a bare name the map
    keeps apart from the regency of its name (a district elsewhere: Kuningan of Jakarta Selatan,
    Kabupaten Kuningan of West Java) -> the regency. ``counts``: raw place value -> articles;
    ``entity``: what the map makes a raw place value."""
    return {v: regency for v, regency, _ in _regencies(counts, entity)}


def namesakes(counts: Mapping[str, int], entity: Callable[[str], tuple[str, ...]]
              ) -> frozenset[str]:
    """The bare names of :func:`regencies` that are a district elsewhere's too (Kuningan)."""
    return frozenset(v for v, _, elsewhere in _regencies(counts, entity) if elsewhere)


def provinces(counts: Mapping[str, int], entity: Callable[[str], tuple[str, ...]]
              ) -> dict[str, str]:
    """Places' raw values that are the bare name of a town the corpus writes as a city ("Kota
    X") and as a province ("Provinsi X"), which the map keeps apart from the province
    ("Gorontalo") -> the province's value. (A province's name written as no city's, "Jawa
    Barat", is the province wherever it is written.)"""
    by_key: dict[str, list[str]] = {}
    for v in sorted(counts):
        by_key.setdefault(variant_key(v), []).append(v)
    out: dict[str, str] = {}
    for key, bare in by_key.items():
        regions = by_key.get(f"{PROVINCE} {key}")
        province = entity(regions[0]) if regions and f"{CITY} {key}" in by_key else ()
        if len(province) == 1:
            out.update((v, province[0]) for v in bare
                       if len(entity(v)) == 1 and entity(v) != province)
    return out


def _marks(name: str, kind: str) -> str:
    """The words of the town ``name``'s region of ``kind`` (its police command's only where the
    town is a city and a regency)."""
    police = MARKS[f"{POLICE} {kind}"] if (kind, variant_key(name)) in DISTRICTS else ()
    return "|".join(sorted((re.escape(m).replace(r"\ ", r"\s+") for m in (*MARKS[kind], *police)),
                           key=len, reverse=True))


@cache
def _marked(name: str, kind: str) -> re.Pattern[str]:
    """The town ``name`` after a word of its region of ``kind``; the city's, also before the
    city's word ("Bekasi Kota")."""
    words = r"\s+".join(map(re.escape, name.split()))
    after = rf"|(?<!\w){words}\s+{CITY}(?!\w)" if kind == CITY else ""
    return re.compile(rf"(?<!\w)(?:{_marks(name, kind)})\s*{words}(?!\w)(?!\s+(?:{_GOES_ON})(?!\w))"
                      + after, re.IGNORECASE)


@cache
def _listed(name: str, kind: str) -> re.Pattern[str]:
    """The town ``name`` last on a list after a word of its region of ``kind`` ("Kabupaten
    Karawang dan Bekasi")."""
    marks = _marks(name, kind)
    words = r"\s+".join(map(re.escape, name.split()))
    listed = rf"{_LISTED}(?:\s*,\s*{_LISTED}){{0,{LIST_MAX}}}"
    return re.compile(rf"(?<!\w)(?i:{marks})\s*{listed}\s*,?\s+"
                      rf"(?:dan|serta|atau)\s+{words}(?!\w)(?!\s+(?i:{_GOES_ON})(?!\w))")


def _compact(name: str) -> str:
    """A district's name without case, spaces, hyphens, dots or apostrophes ("Gunung Sindur",
    "Gunungsindur")."""
    return _COMPACT_RE.sub("", name.casefold())


@cache
def _districts() -> dict[tuple[str, str], str]:
    """(a town's variant key, a district's compact name) -> the kind of region it is in."""
    return {(town, _compact(n)): kind for (kind, town), names in DISTRICTS.items()
            for n in names}


@cache
def _town(name: str) -> re.Pattern[str]:
    words = r"\s+".join(map(re.escape, name.split()))
    return re.compile(rf"(?<!\w){words}(?!\w)(?!\s+(?i:{_GOES_ON})(?!\w))")


def _addressed(name: str, text: str) -> set[str]:
    """The kinds of region whose districts or villages ``text`` writes right before the town
    ``name``, as an address is written ("Pakansari, Bogor"; "Pakan Sari (Bogor)"; "Desa Sebet,
    Kecamatan Plemahan, Kediri"), or begin a name written so ("Sentul International Circuit,
    Bogor"): the longest name of the words before first ("Bogor Tengah, Bogor" is the city's
    district, not a village "Tengah" of the regency)."""
    found: set[str] = set()
    town = variant_key(name)
    places = _districts()
    for m in _town(name).finditer(text):
        before = _BEFORE_RE.search(text, max(0, m.start() - _BEFORE_MAX), m.start())
        if before is None:
            continue
        words = before.group(1).split()
        runs = sorted(((i, j) for i in range(len(words)) for j in range(i + 1, len(words) + 1)),
                      key=lambda r: (r[0] - r[1], -r[1]))
        for i, j in runs:
            kind = places.get((town, _compact(" ".join(words[i:j]))))
            if kind is not None:
                found.add(kind)
                break
    return found


# Characters ``re.IGNORECASE`` matches with an ASCII letter although their ``str.lower()`` is
# not that letter ("İ", "ı" with "i"; "ſ" with "s": every such character, found by trying
# them all).
_FOLDED_TO_ASCII: Final = ("\u0130", "\u0131", "\u017f")


@cache
def _mark_words(kind: str) -> tuple[str, ...]:
    """Letters every match of :func:`_marked` and :func:`_listed` for ``kind`` writes, in some
    case: one word of each of the region's words (of the city's: its word after the name too),
    the last ("wali kota": "kota"), and of these only those that hold none of the others."""
    marks = (*MARKS[kind], *MARKS.get(f"{POLICE} {kind}", ()), *((CITY,) if kind == CITY else ()))
    words = {re.findall("[a-z]+", m.lower())[-1] for m in marks}
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))


def _may_be_marked(kind: str, text: str) -> bool:
    """False where ``text`` has none of :func:`_mark_words` in lower case, so that neither
    pattern of ``kind`` can match it (two case-insensitive searches of the whole text each
    town; most texts that name a town write none of the other kind's words)."""
    if any(c in text for c in _FOLDED_TO_ASCII):
        return True
    low = text.lower()
    return any(w in low for w in _mark_words(kind))


def _written(name: str, kind: str, text: str) -> bool:
    """Whether ``text`` writes the town ``name`` after a word of its region of ``kind``, or
    last on a list after one."""
    return _may_be_marked(kind, text) and bool(
        _marked(name, kind).search(text) or _listed(name, kind).search(text))


def _regency(name: str, text: str) -> bool:
    """Whether ``text`` means the regency by the town ``name``: the regency's words and never
    the city's; where it writes neither, a district of the regency's and none of the city's."""
    regency, city = _written(name, REGENCY, text), _written(name, CITY, text)
    if regency or city:
        return regency and not city
    return _addressed(name, text) == {REGENCY}


def _province(name: str, text: str) -> bool:
    """Whether ``text`` means the province by the town ``name``: the province's words and
    neither the city's nor the regency's."""
    return _written(name, PROVINCE, text) and not _written(name, CITY, text) \
        and not _written(name, REGENCY, text)


@cache
def _in_list(name: str) -> re.Pattern[str]:
    """The town ``name`` on a list, with the names before and after it."""
    words = r"\s+".join(map(re.escape, name.split()))
    return re.compile(rf"({_LISTED})\s*,\s*{words}\s*(?:,\s*|\s+(?:dan|serta|atau)\s+)"
                      rf"({_LISTED})(?!\w)")


def _among_towns(name: str, text: str, towns: Collection[str]) -> bool:
    """Whether ``text`` lists the town ``name`` between two towns' names (``towns``: their
    variant keys): "Padang, Palembang, Indramayu, Kuningan, Kebumen, Ciamis" names the towns
    of a province, not a district of a city."""
    return any(variant_key(m.group(1)) in towns and variant_key(m.group(2)) in towns
               for m in _in_list(name).finditer(text))


def article_provinces(found: Mapping[str, tuple[str, ...]], names: Mapping[str, str],
                      text: str) -> dict[str, tuple[str, ...]]:
    """What changes of one article's places (as :func:`article_regencies`; ``names``:
    :func:`provinces`): a town's bare name is its province where the article writes it after
    the province's words and never after the city's or the regency's."""
    return {v: (names[v],) for v in found if v in names and _province(v, text)}


def article_regencies(found: Mapping[str, tuple[str, ...]], towns: Mapping[str, str], text: str,
                      elsewhere: Collection[str] = (), town_names: Collection[str] = ()
                      ) -> dict[str, tuple[str, ...]]:
    """What changes of one article's places (``found``: raw value -> what the map makes it;
    ``towns``: :func:`regencies`; ``text``: headline and body): a town's bare name is its
    regency where the article writes it as the regency's (after the regency's words or on a list
    after one, never the city's; where it writes neither, after one of the regency's districts
    and none of the city's). A bare name that is a district elsewhere's too (``elsewhere``:
    :func:`namesakes`) is the regency also where the article lists it between two towns
    (``town_names``: towns' variant keys) and writes no city's word before it."""
    out: dict[str, tuple[str, ...]] = {}
    for v in found:
        regency = towns.get(v)
        if regency is not None and (_regency(v, text) or (
                v in elsewhere and not _written(v, CITY, text)
                and _among_towns(v, text, town_names))):
            out[v] = (regency,)
    return out


# How far before a mention its regency's words are looked for ("Kasat Lantas Polres Bogor").
_MARK_MAX: Final = 40


@cache
def _after_regency_word(name: str) -> re.Pattern[str]:
    """A regency's word (its police command's, for a town that is a city and a regency) ending
    right where the town ``name``'s mention begins."""
    return re.compile(rf"(?<!\w)(?:{_marks(name, REGENCY)})\s*$", re.IGNORECASE)


def regency_mentions(found: Mapping[str, tuple[str, ...]], towns: Mapping[str, str],
                     title: str, body: str, mentions: Iterable[Mapping[str, Any]],
                     is_place: Callable[[Mapping[str, Any]], bool]
                     ) -> tuple[dict[str, str], dict[tuple[str, int], str]]:
    """A town's bare name written right after its regency's words ("Kasat Lantas Polres
    Bogor", "Bupati Bogor"; not before the city's word, "Kapolres Sorong Kota") in an article
    where it stays another place (``found``: what the article's places become; the article
    also writes the city's words: "warga Kota Bogor"):
    (the bare names every mention of which is so -> the regency, the (field, start) of the
    other such mentions -> the regency). ``towns``: :func:`regencies`; ``is_place``: whether
    a mention is a place's."""
    marked: dict[str, list[tuple[str, int]]] = {}
    unmarked: set[str] = set()
    for m in mentions:
        v = m["name"]
        regency = towns.get(v)
        if regency is None or found.get(v, ()) in ((), (regency,)) or not is_place(m):
            continue
        text = title if m["field"] == "title" else body
        if text[m["start"]:m["end"]] == v and _after_regency_word(v).search(
                text, max(0, m["start"] - _MARK_MAX), m["start"]) \
                and not _GOES_ON_RE.match(text, m["end"]):
            marked.setdefault(v, []).append((m["field"], m["start"]))
        else:
            unmarked.add(v)
    whole = {v: towns[v] for v in marked if v not in unmarked}
    return whole, {at: towns[v] for v, ats in marked.items() if v in unmarked for at in ats}
