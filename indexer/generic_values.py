"""Facet values that name no one entity, decided over all of the corpus's values: the
corpus-level map (:mod:`indexer.entity_norm`) makes them no facet value, as it does a bare first
name shared by several people.

* **one letter**: a value of one letter or digit ("G" of "Grup G", "U");
* **events**: a name whose first or last words say it is an event (``data/event_words.txt``:
  "Paris Fashion Week", "China Open", "Piala Presiden"): the facets are of persons,
  organisations and places;
* **kinds, things, quantities and groups**: a name that only names a kind of body or thing
  (``data/kind_names.txt``: "Timnas", "Kejaksaan", "Polisi", "Balai Kota", a zodiac sign; a
  club's last word alone, ``data/club_context.txt``: "United") or
  ends with a word of a thing ("Jakarta Islamic Index", "Instagram Story") or a person's rank
  ("Polda Metro Jaya Kombes", cut before the person's name), a number with a
  unit ("RAM 8 GB"; ``data/units.txt``), a competition's group ("Grup G");
* **registration plates**: a vehicle's plate, maybe after the vehicle's name ("AE 567 SC",
  "Toyota Camry B 1898 TAG"): one or two capitals, a number, one to three capitals;
* **demonyms**: a one-word place "Xian" beside a place "Xia" named three times as often
  ("Australian" beside Australia, from English names cut short) is a people's or a
  language's name, no place;
* **titles**: an organisation's or a place's name of one word that is a title or a rank
  (``data/titles.txt``: "Ratu", "Wali" cut from "Wali Kota", "Kompol"): a person's, no body;
* **regional bodies without their region**: an organisation named with the head of a body
  that exists once per region (``data/regional_units.txt``: Dinas, DPRD, BPBD, Polres) and
  nothing that says where, when the corpus writes that name with two regions or more
  ("Dinas Kesehatan" beside "Dinas Kesehatan DKI Jakarta" and "Dinas Kesehatan Kota Depok";
  "DPRD" beside "DPRD Jawa Barat"), or when every word after its head is one the corpus writes
  between such a head and a region ("Dinas Pekerjaan Umum", cut before "dan Penataan Ruang
  Kota Pekanbaru"; "Satuan Polisi Pamong Praja") and none of them names a place: a kind of
  body, not one body. A region is a place the corpus names ("DKI Jakarta", "Jatim", "Kota
  Depok") or a unit it belongs to ("Ditlantas Polda Metro Jaya"); a place's short form the
  corpus spells out ("Jatim") counts as written. Such a name without its first word, where
  that is a body's, is a kind of body too ("Reserse Kriminal Umum" of "Direktorat Reserse
  Kriminal Umum", a unit of every Polda).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from functools import cache
from typing import Final

from indexer.entities.facts import (
    ALIASES,
    CLUB_LAST,
    DATA,
    TITLES,
    load_names,
    load_places,
    read_lines,
    read_sections,
    unit_word,
)
from indexer.entities.regions import regional_head
from indexer.name_keys import name_words, variant_key
from indexer.region_kinds import DISTRICT, PROVINCE, REGENCY_SHORT, TOWNS

# Where the corpus writes a bare regional name with this many regions, it is generic.
REGIONS_MIN: Final = 2
# Words before a place that only say its kind ("Dinas Kesehatan Kota Depok").
_KINDS: Final = frozenset({PROVINCE, *TOWNS, *REGENCY_SHORT, DISTRICT})


@cache
def event_words() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The sections of ``data/event_words.txt`` (``[first]``, ``[last]``, ...), as lower-case
    words."""
    out: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    section = ""
    for ln in read_lines(DATA / "event_words.txt"):
        if ln.startswith("[") and ln.endswith("]"):
            section = ln[1:-1]
        else:
            out[section].append(tuple(ln.lower().split()))
    return {k: tuple(v) for k, v in out.items()}


@cache
def _event_ends() -> tuple[frozenset[str], frozenset[str]]:
    """The first words of the [first] heads and the last words of the [last] tails."""
    lists = event_words()
    return (frozenset(t[0] for t in lists["first"]), frozenset(t[-1] for t in lists["last"]))


def is_event(value: str) -> bool:
    """Whether ``value`` is an event's name: a championship's ([whole]), or by its first or
    last words (more words than those: "Festival" alone may be a name), maybe with its
    edition's or year's number after it ("Super Show 8", a tour's eighth)."""
    words = name_words(value)
    if len(words) > 2 and words[-1].isdigit() and _named_event(words[:-1]):
        return True
    return _named_event(words)


def _named_event(words: tuple[str, ...]) -> bool:
    if words in event_words().get("whole", ()):
        return True
    firsts, lasts = _event_ends()
    if len(words) < 2 or (words[0] not in firsts and words[-1] not in lasts):
        return False
    lists = event_words()
    return (any(words[: len(t)] == t for t in lists["first"] if len(t) < len(words))
            or any(words[-len(t):] == t for t in lists["last"] if len(t) < len(words)))


@cache
def _kind_names() -> tuple[frozenset[tuple[str, ...]], frozenset[str], frozenset[str],
                           frozenset[str]]:
    """The [body] names of ``data/kind_names.txt`` as word tuples, its [alone] and [sign]
    names, its [last] words and its [rank] words."""
    lists = read_sections(DATA / "kind_names.txt")
    return (frozenset(tuple(n.split()) for n in lists["body"]), lists["alone"] | lists["sign"],
            lists["last"], lists["rank"])


def _only_kinds(words: tuple[str, ...], kinds: frozenset[tuple[str, ...]]) -> bool:
    """Whether ``words`` are made of [body] names only, one after another ("majelis hakim",
    "biro humas")."""
    if not words:
        return True
    return any(words[:n] in kinds and _only_kinds(words[n:], kinds)
               for n in range(len(words), 0, -1))


# A vehicle's registration plate at the end of a name: region letters, number, letters.
_PLATE_RE: Final = re.compile(r"(?:^|\s)[A-Z]{1,2} \d{1,4} [A-Z]{1,3}$")
_NUMBER_RE: Final = re.compile(r"(\d+(?:[.,]\d+)?)([a-z]*)")
# A competition's group: "Grup G", "Group B" (a letter after the word).
_GROUP_WORDS: Final = frozenset({"grup", "group", "pool"})


@cache
def _units() -> frozenset[str]:
    return load_names(DATA / "units.txt")  # joined once: per call, the path cost more than the test


def is_kind_or_spec(value: str) -> bool:
    """Whether ``value`` names a kind of thing rather than one, or a thing, or ends in a
    person's rank (``data/kind_names.txt``: "Timnas", "Polisi", "Cancer", "Jakarta Islamic
    Index", "Metro Jaya Kombes") or is a club's last word alone ("United": Manchester's or
    Bali's?), a quantity or a specification (a number and a unit of
    ``data/units.txt`` after it: "RAM 8 GB", "48MP"), or a competition's group ("Zona Asia Grup
    G")."""
    words = name_words(value)
    bodies, alone, lasts, ranks = _kind_names()
    if (_only_kinds(words, bodies) or " ".join(words) in alone
            or (len(words) >= 2 and (words[-1] in lasts or words[-1] in ranks))
            or (len(words) == 1 and words[0] in CLUB_LAST)):
        return True
    units = _units()
    for i, w in enumerate(words):
        m = _NUMBER_RE.fullmatch(w)
        if m is not None and (m.group(2) in units or (
                not m.group(2) and i + 1 < len(words) and words[i + 1] in units)):
            return True
        if (w in _GROUP_WORDS and i + 1 < len(words) and len(words[i + 1]) == 1
                and words[i + 1].isalpha()):
            return True
    return False


def _is_region(words: tuple[str, ...], places: frozenset[str]) -> bool:
    """Whether the words after a body's name say where it is: a place (maybe after its kind)
    or the regional command it belongs to ("Polda Metro Jaya"; not "Fraksi Gerindra", a
    part of it)."""
    if words and words[0] in _KINDS:
        words = words[1:]
    return bool(words) and (" ".join(words) in places or regional_head(words))


@cache
def _place_aliases() -> frozenset[str]:
    """The short forms of places (``data/aliases.tsv``: "jabar", "sumut"), which the corpus's
    place values spell out but a body's name keeps ("Polda Jatim")."""
    return frozenset(s for s, (_, typ) in ALIASES.items() if typ == "LOC")


def _bare_regional(counts: Mapping[str, int], places: frozenset[str]) -> set[str]:
    words = {v: name_words(v) for v in counts}
    heads = {ws for ws in words.values() if regional_head(ws)}
    regions: dict[tuple[str, ...], set[tuple[str, ...]]] = defaultdict(set)
    seated: dict[tuple[str, ...], int] = defaultdict(int)  # articles of the name with a region
    duties: set[str] = set()  # words the corpus writes between a body's head and its region
    written = places | _place_aliases()
    for v, ws in words.items():
        if ws not in heads:
            continue
        for n in range(1, len(ws)):
            if _is_region(ws[n:], written):
                duties.update(ws[1:n])
                if ws[:n] in heads:
                    seated[ws[:n]] += counts[v]
                    if _is_region(ws[n:], places):
                        regions[ws[:n]].add(ws[n:])
    # A bare name written with one region, as often as that at least, is that region's body
    # ("Dinas Bina Marga" beside "Dinas Bina Marga DKI Jakarta"): the joins decide.
    return {v for v, ws in words.items() if ws in heads and (
        len(regions.get(ws, ())) >= REGIONS_MIN
        or (seated.get(ws, 0) < counts[v] and all(w in duties for w in ws[1:])
            and not _names_a_place(ws, written)))}


def _names_a_place(words: tuple[str, ...], places: frozenset[str]) -> bool:
    """Whether some words after a body's first word name a place or a regional command
    ("Polres Metro Tangerang Kota", "Ditlantas Polda Jatim")."""
    return any(_is_region(words[i:j], places)
               for i in range(1, len(words)) for j in range(i + 1, len(words) + 1))


def _headless(counts: Mapping[str, int], generic: set[str]) -> set[str]:
    """The names of two words or more that are a generic name without its first word, a
    body's ("Reserse Kriminal Umum" of "Direktorat Reserse Kriminal Umum", a unit of every
    Polda): the same kind of body, not one."""
    cut = {" ".join(name_words(v)[1:]) for v in generic
           if len(name_words(v)) > 2 and unit_word(name_words(v)[0])}
    return {v for v in counts if len(name_words(v)) > 1 and " ".join(name_words(v)) in cut}


# A demonym's place is named this many times as often as the demonym at least; its name this
# long. (Not "-an" after any "a": "Labuhan" and "Labuha" are two places.)
DEMONYM_DOMINANCE: Final = 3
DEMONYM_STEM_MIN: Final = 4


def _demonyms(counts: Mapping[str, int]) -> set[str]:
    by_key: dict[str, int] = defaultdict(int)
    for v, c in counts.items():
        by_key[variant_key(v)] += c
    out = set()
    for v in counts:
        key = variant_key(v)
        stem = key[:-1]
        if (" " not in key and key.endswith("ian") and len(stem) >= DEMONYM_STEM_MIN
                and by_key.get(stem, 0) >= DEMONYM_DOMINANCE * by_key[key]):
            out.add(v)
    return out


def generic_values(typ: str, counts: Mapping[str, int], places: frozenset[str]) -> set[str]:
    """The values of type ``typ`` (of ``counts``, value -> articles) that name no one entity;
    ``places``: the variant keys of the corpus's place values (the gazetteer's are added)."""
    out = {v for v in counts
           if sum(map(str.isalnum, v)) <= 1 or is_event(v) or is_kind_or_spec(v)
           or _PLATE_RE.search(v.strip()) is not None}
    if typ == "LOC":
        out |= _demonyms(counts)
    if typ == "ORG":
        out |= _bare_regional(counts, places | load_places())
        out |= _headless(counts, out)
    if typ != "PER":  # a title alone ("Ratu", "Wali" of "Wali Kota") is a person's
        out |= {v for v in counts
                if " " not in v.strip() and v.strip().lower().rstrip(".") in TITLES}
    return out
