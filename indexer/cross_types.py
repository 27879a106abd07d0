"""Corpus-level types across the organisation and place facets: one type per name.

Extraction types a name from one article's words, so a football club is a place where nothing
near it says "klub" ("di Juventus"), and a name ends up in both facets (Juventus: a place in 36
articles, an organisation in 31). Over the document counts of the whole corpus,
:func:`retype_across` gives every name written as both an organisation and a place (up to case
and spacing: its variant key) one type:

* a place, when it is one in at least DOMINANT of its articles, or is a known place
  (``data/gazetteer_loc.txt``), or holds a word of a kind of place (``data/place_kinds.txt``:
  "Stadium", "Gedung"), or is the end of a place's name that begins with a natural feature
  (:data:`FEATURES`: "Mariana Utara" of "Kepulauan Mariana Utara"; an island or a mountain
  is never a club, as a city may be);
* else an organisation (in more than a third of its articles): a club or a body is read as a
  place where it is the scene ("di Juventus", "di ASEAN"), while a place is seldom read as an
  organisation.

A name that ``data/equivalents.txt`` lists (the names of one entity) is of its line's type
("Los Blancos", Real Madrid's nickname, read as a place; "Negara Kesatuan Republik
Indonesia", the state, read as a body).

A place's name ending in a word of a company's name (``data/org_suffixes.txt``: "Marvel
Studios", "Lion Air Group") and holding no word of a kind of place is an organisation's,
where the corpus writes it only as a place too; so is a place's name the corpus writes after a
legal form as an organisation's in COMPANY_MIN articles or more ("PT Sriwijaya Air": the
airline "Sriwijaya Air" is no place), unless it holds a word of a kind of place.

A place's one-word name that begins organisations' names (HEADED_NAMES of them or more)
written HEADED_TIMES as often as it is written as a place is no place value
(:func:`org_heads`): "Garuda", of Garuda Indonesia and the national team "Garuda Muda", "Semen"
of the club Semen Padang, cut from the names the tagger did not read whole.

Persons are left alone: a person's name is no place's or organisation's name by its spelling.
Pure: the same counts always give the same types.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from fractions import Fraction
from typing import Final

from indexer.entities.facts import DATA, load_names, load_places
from indexer.name_keys import variant_key
from indexer.org_names import LEGAL_FORMS, ORG_SUFFIXES
from indexer.variant_joins import equivalents

DOMINANT: Final = Fraction(2, 3)
PLACE_KINDS: Final = load_names(DATA / "place_kinds.txt")
ACROSS: Final = ("ORG", "LOC")
COMPANY_MIN: Final = 3
HEADED_NAMES: Final = 5
HEADED_TIMES: Final = 3
# Kinds of natural place a place's name may begin with: the rest of such a name is a place.
FEATURES: Final = ("kepulauan", "pulau", "gunung", "danau", "selat", "teluk", "sungai")


def _place_like(key: str, places: frozenset[str]) -> bool:
    return key in places or any(w in PLACE_KINDS for w in key.split())


def _company_like(key: str) -> bool:
    words = key.split()
    return len(words) >= 2 and words[-1] in ORG_SUFFIXES and not any(
        w in PLACE_KINDS for w in words)


def retype_across(counts: Mapping[str, Mapping[str, int]],
                  places: frozenset[str] | None = None) -> dict[str, dict[str, str]]:
    """type -> raw value -> the type it becomes, for the values whose type changes.
    ``counts``: type -> value -> articles; ``places``: variant keys of known places."""
    known = places if places is not None else frozenset(variant_key(p) for p in load_places())
    by_key: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(ACROSS, 0))
    for typ in ACROSS:
        for v, c in counts.get(typ, {}).items():
            by_key[variant_key(v)][typ] += c
    into: dict[str, str] = {}
    companies: dict[str, int] = defaultdict(int)  # a name -> articles writing "PT <name>"
    for v, c in counts.get("ORG", {}).items():
        form, _, rest = variant_key(v).partition(" ")
        if rest and form in LEGAL_FORMS:
            companies[rest] += c
    written_as_place = {key for key, per in by_key.items() if per["LOC"]}
    for key, per in by_key.items():
        org, loc = per["ORG"], per["LOC"]
        if loc and not org and _company_like(key):
            into[key] = "ORG"
        if loc and companies.get(key, 0) >= COMPANY_MIN and not _place_like(key, known):
            into[key] = "ORG"
            continue
        if not org or not loc:
            continue
        total = org + loc
        if (loc >= DOMINANT * total or _place_like(key, known)
                or any(f"{f} {key}" in written_as_place for f in FEATURES)):
            into[key] = "LOC"
        else:
            into[key] = "ORG"
    for etype, keys in equivalents():  # last: a listed name's type overrides the counts'
        if etype in ACROSS:
            for key in keys & by_key.keys():
                if any(by_key[key][t] for t in ACROSS if t != etype):
                    into[key] = etype
    out: dict[str, dict[str, str]] = {}
    for typ in ACROSS:
        for v in counts.get(typ, {}):
            to = into.get(variant_key(v))
            if to is not None and to != typ:
                out.setdefault(typ, {})[v] = to
    return out


def org_heads(counts: Mapping[str, Mapping[str, int]]) -> set[str]:
    """The places' one-word names that are organisations' names cut (see the module).
    ``counts``: type -> value -> articles, after :func:`retype_across`."""
    heads: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # word -> [names, articles]
    for v, c in counts.get("ORG", {}).items():
        first, _, rest = variant_key(v).partition(" ")
        if rest:
            heads[first][0] += 1
            heads[first][1] += c
    known = frozenset(variant_key(p) for p in load_places())
    out = set()
    for v, c in counts.get("LOC", {}).items():
        key = variant_key(v)
        names, articles = heads.get(key, (0, 0))
        if (" " not in key and names >= HEADED_NAMES and articles >= HEADED_TIMES * c
                and not _place_like(key, known)):
            out.add(v)
    return out


def moved_counts(counts: Mapping[str, Mapping[str, int]],
                 types: Mapping[str, Mapping[str, str]]) -> dict[str, dict[str, int]]:
    """``counts`` with every retyped value counted under its new type."""
    out = {t: dict(cs) for t, cs in counts.items()}
    for typ, moves in types.items():
        for v, to in moves.items():
            c = out[typ].pop(v)
            out.setdefault(to, {})
            out[to][v] = out[to].get(v, 0) + c
    return out
