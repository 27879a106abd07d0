"""The last joins of the corpus-level map (:mod:`indexer.entity_norm`) for organisations and
places: names compared with their acronyms spelt out, their legal forms left out and a looser
spelling (a place's longer name and the streets: :mod:`indexer.longer_places`).

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
* **two capital letters** (:func:`letter_pairs`): a name of two capitals that no join made a
  longer name's is no facet value.
"""

from __future__ import annotations

import re
from collections import ChainMap, defaultdict
from collections.abc import Mapping
from typing import Final

from indexer.entity_groups import RIVAL_MIN, Groups, dominant, group_counts, merge_groups
from indexer.initials import CONNECTIVES
from indexer.name_keys import OLD_SPELLING, name_words, variant_key
from indexer.org_names import ACRONYM_MIN, LEGAL_FORMS, acronym_of

_ASPIRATED_RE: Final = re.compile(r"(?<=[bdgt])h")
_DOUBLE_RE: Final = re.compile(r"(\w)\1")
# A number in Roman numerals keeps its doubled letters ("Angkasa Pura II" is not "I").
_ROMAN_RE: Final = re.compile(r"[ivxlcdm]+")


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
