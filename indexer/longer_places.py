"""The last joins of the corpus-level map (:mod:`indexer.entity_norm`) for places, run after
:func:`~indexer.expanded_names.join_expanded`: a place's name the one longer name of it, and
streets; and a city's districts (:func:`districts`), which the variants' joins read.

* **a place's longer name** (:func:`join_longer_places`): a place's name of two words or more
  joins the one longer name of a place that goes on from it (one as
  :func:`~indexer.org_names.join_org_names` reads it), named at least as often ("Stadion
  Patriot" ~ "Stadion Patriot Candrabhaga", "Taman Makam Pahlawan" ~ "TMP Kalibata"; not with
  a point of the compass next: "Kota Tangerang Selatan"), or that only adds a qualifier or a
  title inside it (``data/name_qualifiers.txt``: "Istana Bogor" ~ "Istana Kepresidenan
  Bogor", "Jalan Sudirman" ~ "Jalan Jenderal Sudirman"). "One" counts the names found in
  :data:`~indexer.entity_groups.RIVAL_MIN` articles or more; a name of one word, or one
  joined with a name of one word written more often ("Bandara Yogyakarta" with Yogyakarta),
  never joins so ("Jakarta" of "Jakarta Selatan"); nor a name the corpus writes after a town in
  a fifth of its articles at least with a longer name written after another town, never the
  first ("Stadion Mandala, Jayapura" and "Stadion Mandala Krida Yogyakarta": two stadiums);
* **streets** (:func:`join_streets`): a place named as persons are (its words are words of
  persons' names found in :data:`STREET_NAME_MIN` articles, and it is no well-known place)
  joins the one street named after it, "Jalan" and qualifiers aside ("Tendean" ~ "Jalan
  Kapten Tendean", "Sudirman" ~ "Jalan Jenderal Sudirman"): a place is not a person, so the
  name is the street's (not "Pasar Minggu" of "Jalan Pasar Minggu": a district);
* **streets of every city** (:func:`person_streets`): a street named after a person, with no
  other word to say where it is ("Jalan Gatot Subroto", "Sudirman" joined to "Jalan Jenderal
  Sudirman"; most of the group's articles so), is in many cities, so it is no facet value;
  with its city it is one ("Jalan Sudirman Pekanbaru"), and so is one the corpus mostly
  writes with one place after it (:data:`CITY_SHARE` of its articles: "kawasan Tendean,
  Jakarta Selatan") and a street named otherwise ("Jalan Kebon Sirih").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping
from typing import Final

from indexer.entities.facts import COMPASS, DATA, load_names, load_places
from indexer.entity_groups import RIVAL_MIN, Groups, dominant, group_counts, merge_groups
from indexer.name_keys import variant_key
from indexer.name_kinds import IN_PREFIX
from indexer.variant_joins import town_keys

QUALIFIERS: Final = load_names(DATA / "name_qualifiers.txt")


def _goes_on(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """Whether ``whole`` is ``part`` and more words after it (not a point of the compass)."""
    n = len(part)
    return len(whole) > n and whole[:n] == part and whole[n] not in COMPASS


def _qualified(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """Whether ``whole`` is ``part`` with qualifiers put inside it (not first)."""
    if len(whole) <= len(part) or whole[0] != part[0] or whole[-1] != part[-1]:
        return False
    it = iter(whole)
    extra = []
    for w in part:
        for u in it:
            if u == w:
                break
            extra.append(u)
        else:
            return False
    extra.extend(it)
    return all(u in QUALIFIERS for u in extra)


def join_longer_places(groups: Groups, words: Mapping[str, tuple[str, ...]]) -> None:
    """A place's name of two words or more joins the one longer name of it (see the module)."""
    totals = group_counts(groups)
    # A group mostly written as one word is that word's ("Bandara Yogyakarta" joined the city).
    shown: dict[str, str] = {}
    for v in sorted(groups.counts, key=lambda v: (-groups.counts[v], v)):
        shown.setdefault(groups.find(v), v)
    # The longer names that may hold a name: by the words they begin with, by their ends.
    by_start: dict[tuple[str, ...], list[str]] = defaultdict(list)
    by_ends: dict[tuple[str, str], list[str]] = defaultdict(list)
    for v, ws in words.items():
        if len(ws) >= 3:
            for n in range(2, len(ws)):
                by_start[ws[:n]].append(v)
            by_ends[(ws[0], ws[-1])].append(v)
    # The places written right after a name ("Stadion Mandala Jayapura"): a name written in
    # one town and a longer one written in another are two places ("Stadion Mandala Krida
    # Yogyakarta").
    known = town_keys({" ".join(ws) for ws in words.values()})
    towns: dict[tuple[str, ...], set[str]] = defaultdict(set)
    written: dict[tuple[str, ...], int] = defaultdict(int)
    for v, ws in words.items():
        written[ws] += groups.counts.get(v, 0)
    located: dict[tuple[str, ...], set[str]] = defaultdict(set)  # in 1 / TOWN_SHARE of them
    for ws, n_ws in written.items():
        for n in range(2, len(ws)):
            if (town := " ".join(ws[n:])) in known:
                towns[ws[:n]].add(town)
                if n_ws * TOWN_SHARE >= written.get(ws[:n], 0):
                    located[ws[:n]].add(town)
    # Longest first: "RSPAD Gatot Soebroto" takes "... Jakarta" before "RSPAD" looks for it.
    for v in sorted(groups.counts, key=lambda v: (-len(words[v]), totals[groups.find(v)], v)):
        part = words[v]
        root = groups.find(v)
        if len(part) < 2 or len(words[shown.get(root, v)]) < 2:
            continue
        longer, inside, far = set(), set(), set()
        for u in (*by_start.get(part, ()), *by_ends.get((part[0], part[-1]), ())):
            g = groups.find(u)
            if g == root or totals[g] < RIVAL_MIN:
                continue
            if _elsewhere(located.get(part), words[u], towns):
                far.add(g)
            if _goes_on(part, words[u]):
                longer.add(g)
            elif _qualified(part, words[u]):
                inside.add(g)
        one = dominant(longer | inside, totals)
        if one is not None and one not in far and (one in inside or totals[one] >= totals[root]):
            merge_groups(groups, totals, one, root)


def _elsewhere(mine: set[str] | None, longer: tuple[str, ...],
               towns: Mapping[tuple[str, ...], set[str]]) -> bool:
    """Whether the corpus writes a name after the towns ``mine`` (in a fifth of its articles
    at least) and a longer name of it (its words ``longer``) after another, never those: two
    places ("Stadion Mandala Jayapura", "Stadion Mandala Krida Yogyakarta")."""
    its = towns.get(longer)
    if not mine or not its:
        return False
    return mine.isdisjoint(its | {" ".join(longer[i:j]) for i in range(len(longer))
                                  for j in range(i + 1, len(longer) + 1)})


def street_person(ws: tuple[str, ...], person_names: Collection[str]) -> bool | None:
    """Whether a place's name (its words) is a street's, or a bare name, named after persons
    and nothing else ("Jalan Jenderal Sudirman", "Sudirman"; "Soekarno-Hatta" is two names);
    None for a street's kind and titles alone ("Jalan Dr")."""
    if ws[:1] and ws[0] in STREET_HEADS:
        ws = ws[1:]
    named = [w for word in ws for w in word.split("-") if w and w not in QUALIFIERS]
    return all(w in person_names for w in named) if named else None


def person_streets(groups: Groups, words: Mapping[str, tuple[str, ...]],
                   person_names: Collection[str],
                   kinds: Mapping[tuple[tuple[str, str], str], int]) -> set[str]:
    """The groups of streets named after a person and nothing else (see the module): one name
    of the group is a street, and names of streets (or bare names) named after persons alone
    (:func:`street_person`) hold most of its articles; but not where one place is written
    after it in :data:`CITY_SHARE` of its articles (``kinds``: the evidence's kinds, with the
    places after places: :mod:`indexer.name_kinds`)."""
    totals = group_counts(groups)
    after: dict[tuple[str, str], int] = defaultdict(int)  # (group, place after it) -> articles
    for ((typ, value), kind), n in kinds.items():
        if typ == "LOC" and kind.startswith(IN_PREFIX) and value in groups.counts:
            after[(groups.find(value), kind)] += n
    located = {root for (root, _), n in after.items() if n >= CITY_SHARE * totals[root]}
    share: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # root -> [persons', named]
    street: set[str] = set()
    for v, c in groups.counts.items():
        ws = words[v]
        root = groups.find(v)
        if ws[:1] and ws[0] in STREET_HEADS:
            street.add(root)
        person = street_person(ws, person_names)
        if person is not None:
            share[root][0] += c if person else 0
            share[root][1] += c
    return {root for root, (person, named) in share.items()
            if root in street and root not in located and 2 * person > named}


# A place is a district of the place written after it where that place is written this many
# times as often.
DISTRICT_TIMES: Final = 5


def districts(counts: Mapping[str, int], kinds: Mapping[tuple[tuple[str, str], str], int]
              ) -> set[str]:
    """The variant keys of places (``counts``: value -> articles) that are districts of a city:
    written with one place right after them in :data:`CITY_SHARE` of their articles, a place
    no well-known one (not a province or a country: ``data/gazetteer_loc.txt``) and written
    :data:`DISTRICT_TIMES` as often ("Kuningan, Jakarta Selatan"; not "Bandung, Jawa Barat").
    ``kinds``: the evidence's kinds, with the places after places (:mod:`indexer.name_kinds`)."""
    known = {variant_key(p) for p in load_places()}
    out = set()
    for ((typ, value), kind), n in kinds.items():
        if typ != "LOC" or not kind.startswith(IN_PREFIX) or counts.get(value, 0) < RIVAL_MIN:
            continue
        city = kind[len(IN_PREFIX):]
        if (n >= CITY_SHARE * counts[value] and variant_key(city) not in known
                and counts.get(city, 0) >= DISTRICT_TIMES * counts[value]):
            out.add(variant_key(value))
    return out


# The words of persons' names a place is named as: found in this many articles at least.
STREET_NAME_MIN: Final = 3
# A name written after a town in one in this many of its articles at least is located there.
TOWN_SHARE: Final = 5
STREET_HEADS: Final = frozenset({"jalan", "jl", "jl.", "jln"})
# A street named after a person is one city's where the corpus writes one place right after it
# in this share of its articles.
CITY_SHARE: Final = 0.5


def join_streets(groups: Groups, words: Mapping[str, tuple[str, ...]],
                 person_names: Collection[str]) -> None:
    """A place named as a person joins the one street named after it (see the module)."""
    totals = group_counts(groups)
    streets: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for v, ws in words.items():
        if len(ws) >= 2 and ws[0] in STREET_HEADS:
            streets[tuple(w for w in ws[1:] if w not in QUALIFIERS)].add(v)
    known = load_places()
    # A group with another name than the street's ("Bandara Soekarno-Hatta") is not it.
    other: set[str] = set()
    for v, ws in words.items():
        if ws[:1] and ws[0] not in STREET_HEADS and not all(w in person_names for w in ws):
            other.add(groups.find(v))
    for v in sorted(groups.counts):
        ws = words[v]
        root = groups.find(v)
        if (not ws or ws not in streets or ws[0] in STREET_HEADS or " ".join(ws) in known
                or root in other):
            continue
        found = {g for g in map(groups.find, streets[ws]) if g != root and totals[g] >= RIVAL_MIN}
        one = dominant(found, totals)
        if one is not None:
            merge_groups(groups, totals, one, root)
