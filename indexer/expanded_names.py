"""The last joins of the corpus-level map (:mod:`indexer.entity_norm`) for organisations and
places: names compared with their acronyms spelt out, their legal forms left out and a looser
spelling, and a place's name the one longer name of it.

* **acronyms spelt out** (:func:`join_expanded`): an acronym of three to six capitals whose
  one full name the corpus writes (the name of three words or more whose initials it is,
  legal forms and "dan" left out: :func:`~indexer.org_names.join_org_names` reads them so)
  is read as that name inside longer names too, a word before it that begins the full name
  written once ("RSPAD Gatot Soebroto" = "Rumah Sakit Pusat Angkatan Darat Gatot Subroto";
  "Bank BRI" = "PT Bank Rakyat Indonesia"). Names equal so read join. In a group that
  already holds a full name of the acronym, the acronym is read as that one (a group's own
  "Badan Pengurus Pusat (BPP)" is not the corpus's usual "Badan Perencanaan Pembangunan");
* **an acronym among other words** (:func:`join_inner_acronyms`): a name with an acronym of
  two to six capitals beside other words joins the one name the corpus writes with those same
  words around the acronym's words spelt out ("PN Jakarta Selatan" = "Pengadilan Negeri
  Jakarta Selatan", "Kementerian LHK" = "Kementerian Lingkungan Hidup dan Kehutanan", "Gedung
  BI" = "Gedung Bank Indonesia"): the words around it say what the acronym stands for there;
* **a looser spelling** (:func:`loose_key`): besides the old spelling, "ch" as "c", an "h"
  after b, d, g or t left out and a doubled letter as one (not in Roman numerals: "Angkasa
  Pura II") ("Stadion Patriot Chandrabhaga" = "Stadion Patriot Candrabhaga"), "grup" as
  "group" ("Lion Grup" = "Lion Group"), for names of two words or more (one word in two
  spellings may be two names);
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
  Jakarta Selatan") and a street named otherwise ("Jalan Kebon Sirih");
* **two capital letters** (:func:`letter_pairs`): a name of two capitals that no join made a
  longer name's is no facet value.
"""

from __future__ import annotations

import re
from collections import ChainMap, defaultdict
from collections.abc import Collection, Mapping
from typing import Final

from indexer.entities.facts import COMPASS, DATA, load_names, load_places
from indexer.entity_groups import RIVAL_MIN, Groups, dominant, group_counts, merge_groups
from indexer.initials import CONNECTIVES
from indexer.name_keys import OLD_SPELLING, name_words, variant_key
from indexer.name_kinds import IN_PREFIX
from indexer.org_names import ACRONYM_MIN, LEGAL_FORMS, acronym_of
from indexer.variant_joins import town_keys

_ASPIRATED_RE: Final = re.compile(r"(?<=[bdgt])h")
_DOUBLE_RE: Final = re.compile(r"(\w)\1")
# A number in Roman numerals keeps its doubled letters ("Angkasa Pura II" is not "I").
_ROMAN_RE: Final = re.compile(r"[ivxlcdm]+")
QUALIFIERS: Final = load_names(DATA / "name_qualifiers.txt")


# The old spelling as :func:`~indexer.name_keys.spelling_key` reads it, but "ch" as "c", then
# "kh" as "k".
_LOOSE: Final = (*(pair for pair in OLD_SPELLING if pair[0] != "ch"), ("ch", "c"), ("kh", "k"))


# Words Indonesian and English spell differently in companies' names ("Lion Grup").
_LOOSE_WORDS: Final = {"grup": "group"}


def loose_key(words: tuple[str, ...]) -> str:
    """The words of a name (lower case) in a looser spelling."""
    key = " ".join(_LOOSE_WORDS.get(w, w) for w in words)
    for old, new in _LOOSE:
        key = key.replace(old, new)
    return " ".join(w if _ROMAN_RE.fullmatch(w) else _DOUBLE_RE.sub(r"\1", w)
                    for w in _ASPIRATED_RE.sub("", key).split(" "))


def _acronym_word(value: str) -> str | None:
    return value.lower() if value.isupper() and value.isalpha() and 3 <= len(value) <= 6 else None


def _plain(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w for w in (w.strip(",.") for w in words) if w and w not in LEGAL_FORMS)


def expansions(groups: Groups, totals: Mapping[str, int], kinds: Mapping[str, int]
               ) -> tuple[dict[str, tuple[str, ...]], frozenset[str]]:
    """Acronym (lower case) -> the words of the one full name of it the corpus writes (also
    of ``kinds``, the names of no one entity and their articles: "Badan Usaha Milik Negara"
    spells "Kementerian BUMN" out); and the acronyms of companies' names (written with a legal
    form: "PT Kereta Api Indonesia")."""
    by_initials: dict[str, dict[str, tuple[str, ...]]] = defaultdict(dict)
    legal: set[str] = set()
    totals = {**kinds, **totals}
    names = {**kinds, **groups.counts}
    for v in sorted(names, key=lambda v: (-names[v], v)):
        raw = name_words(v)
        words = _plain(raw)
        root = groups.find(v) if v in groups.parent else v
        if len(words) >= 3 and all(w[:1].isalpha() for w in words):
            acronym = acronym_of(words)
            by_initials[acronym].setdefault(root, words)
            if len(words) < len(raw):
                legal.add(root)
    out: dict[str, tuple[str, ...]] = {}
    companies = set()
    for acronym, named in by_initials.items():
        one = dominant(set(named), totals)
        if one is not None and totals[one] >= ACRONYM_MIN:
            out[acronym] = named[one]
            if one in legal:
                companies.add(acronym)
    return out, frozenset(companies)


def own_expansions(groups: Groups) -> dict[str, dict[str, tuple[str, ...]]]:
    """Group root -> acronym (lower case) -> the words of a name of three words or more of
    that group whose initials it is: an acronym a group already holds a full name of stands
    for that name there, whatever the corpus mostly spells it as ("BPP" beside "Badan
    Pengurus Pusat" is not "Badan Perencanaan Pembangunan")."""
    out: dict[str, dict[str, tuple[str, ...]]] = defaultdict(dict)
    for v in sorted(groups.counts, key=lambda v: (-groups.counts[v], v)):
        words = _plain(name_words(v))
        if len(words) >= 3 and all(w[:1].isalpha() for w in words):
            out[groups.find(v)].setdefault(acronym_of(words), words)
    return out


def expanded(value: str, spelt: Mapping[str, tuple[str, ...]],
             companies: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """A name's words (legal forms left out) with each acronym of ``spelt`` spelt out; after a
    legal form, only those of ``companies`` ("PT KAI"; not "PT PBB", a tax)."""
    out: list[str] = []
    company = False
    for raw in value.split():
        w = variant_key(raw).strip(",.")
        if w in LEGAL_FORMS:
            company = True
        if not w or w in LEGAL_FORMS:
            continue
        full = spelt.get(w) if _acronym_word(raw.strip(",.")) else None
        if full is None or (company and w not in companies):
            out.append(w)
            continue
        if out and out[-1] == full[0]:  # "Bank BRI": "Bank" begins Bank Rakyat Indonesia
            out.pop()
        out.extend(full)
    return tuple(out)


# An acronym among other words: this many capitals at least and at most.
INNER_ACRONYM: Final = (2, 6)


def _inner_acronym(raw: str) -> bool:
    return raw.isupper() and raw.isalpha() and INNER_ACRONYM[0] <= len(raw) <= INNER_ACRONYM[1]


def join_inner_acronyms(groups: Groups) -> None:
    """A name with an acronym among other words joins the one name (found in
    :data:`~indexer.entity_groups.RIVAL_MIN` articles or more, and
    :func:`~indexer.entity_groups.dominant`) that has the same words before and after it and,
    in its place, words whose initials spell it ("dan" and legal forms aside)."""
    totals = group_counts(groups)
    Key = tuple[tuple[str, ...], str, tuple[str, ...]]  # words before, acronym, words after
    short: list[tuple[str, list[Key]]] = []
    plain: dict[str, tuple[str, ...]] = {}
    for v in groups.counts:
        raws = [r.strip(",.") for r in v.split()]
        words = _plain(name_words(v))
        if len(raws) != len(name_words(v)) or len(words) < 2:
            continue
        plain[v] = words
        plain_raws = [r for r in raws if r and r.lower() not in LEGAL_FORMS]
        if len(plain_raws) == len(words):
            keys = [(words[:i], words[i], words[i + 1:])
                    for i, r in enumerate(plain_raws) if _inner_acronym(r)]
            if keys:
                short.append((v, keys))
    wanted = {key for _, keys in short for key in keys}
    befores, afters = {k[0] for k in wanted}, {k[2] for k in wanted}
    longest = INNER_ACRONYM[1] + 1  # an acronym's words, with one "dan" among them
    # key -> the names with the acronym's words spelt out there
    spelt: dict[Key, set[str]] = defaultdict(set)
    for v, words in plain.items():
        n = len(words)
        for start in range(n - 1):
            if words[:start] not in befores:
                continue
            for end in range(start + 2, min(n, start + longest) + 1):
                if (start == 0 and end == n) or words[end:] not in afters:
                    continue
                middle = words[start:end]
                if middle[0] in CONNECTIVES or middle[-1] in CONNECTIVES or not all(
                        w[:1].isalpha() for w in middle):
                    continue
                key = (words[:start], acronym_of(middle), words[end:])
                if key in wanted:
                    spelt[key].add(v)
    for v, keys in sorted(short):
        root = groups.find(v)
        found_groups = {groups.find(u) for key in keys for u in spelt.get(key, ())}
        found_groups = {g for g in found_groups if g != root and totals[g] >= RIVAL_MIN}
        one = dominant(found_groups, totals)
        if one is not None:
            merge_groups(groups, totals, one, root)


def join_expanded(groups: Groups, kinds: Mapping[str, int]) -> dict[str, tuple[str, ...]]:
    """Names equal once their acronyms are spelt out and their spelling loosened join (a bare
    acronym only when the full names are written half as often as it at least); ``kinds``:
    values of no one entity (:func:`expansions`). Returns each value's expanded words, for
    :func:`join_longer_places`."""
    join_inner_acronyms(groups)
    totals = group_counts(groups)
    spelt, companies = expansions(groups, totals, kinds)
    own = own_expansions(groups)
    # a group's own expansions before the corpus's, looked up through (not copied into) them
    words = {v: expanded(v, ChainMap(own[root], spelt) if (root := groups.find(v)) in own
                         else spelt, companies) for v in groups.counts}
    by_key: dict[str, list[str]] = defaultdict(list)
    for v in sorted(groups.counts):
        if len(words[v]) >= 2:
            by_key[loose_key(words[v])].append(v)
    for values in by_key.values():
        bare = [v for v in values if _acronym_word(v.strip())]
        named = [v for v in values if v not in bare]
        if 2 * sum(groups.counts[v] for v in named) >= sum(groups.counts[v] for v in bare):
            named = values
        roots = sorted({groups.find(v) for v in named}, key=lambda g: (-totals[g], g))
        for other in roots[1:]:
            merge_groups(groups, totals, roots[0], other)
    return words


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


def letter_pairs(groups: Groups) -> set[str]:
    """The groups whose every name is two letters, not in lower case ("LP", "FH", "Al"): what the
    corpus did not join to a longer name is initials of many things (a suspect's, "berinisial
    AL"; a unit, "136 PS"; a report's number, "LP/B/962"), no one body or place."""
    out: dict[str, bool] = {}
    for v in groups.counts:
        root = groups.find(v)
        w = v.strip()
        out[root] = out.get(root, True) and len(w) == 2 and w.isalpha() and not w.islower()
    return {root for root, pair in out.items() if pair}


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
