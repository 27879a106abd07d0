"""A home body's name used for a namesake abroad: "Partai Demokrat" is Indonesia's party, but a
world-news story about Washington writes "Partai Demokrat" for the US Democratic Party, and one
about Delhi "Kementerian Dalam Negeri" for India's home ministry.

A name that says only what kind of body it is, in common words ("Partai Demokrat", "Kementerian
Keuangan", "Dewan Perwakilan Rakyat": ``data/body_heads.txt`` and Sastrawi's root words), is one
every country may give a body of its own. Where the corpus writes such an organisation mostly
at home, it is the home body (:func:`home_bodies`, when the map is computed), and in a story
filed abroad it is another country's body of that name: no value of that article
(:func:`abroad`, applied by :func:`~indexer.map_apply.apply_map`, for ``reindex`` and ``add``
alike). A story is filed abroad where its category is a world-news desk's
(``data/world_desks.txt``) and its places name another country and not the home country
(``data/home_places.txt``). A body whose stories are abroad as often as not (a foreign
ministry's, a party abroad) is left as it is, and so is one the story writes with the home
country's name ("Komisi I DPR RI" on a visit abroad: :func:`written_home`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from typing import Any, Final

from indexer.entities.facts import ALIASES, DATA, countries, load_names, load_places
from indexer.name_keys import category_key, name_words
from indexer.org_names import CONJUNCTIONS, HOME_PLACES
from indexer.words import WORD_RE

WORLD_DESKS: Final = load_names(DATA / "world_desks.txt")
BODY_HEADS: Final = load_names(DATA / "body_heads.txt")
# A home body is written in a story filed abroad in this share of its articles at most.
ABROAD_SHARE: Final = 0.15
# The home country's names and short forms, lower case ("RI").
HOME_NAMES: Final = HOME_PLACES | frozenset(
    short for short, (name, typ) in ALIASES.items() if typ == "LOC" and name.lower() in HOME_PLACES)
# A body's short form in brackets between its name and the country's ("Kementerian Dalam
# Negeri (Kemendagri) India").
_BRACKETED_RE: Final = re.compile(r"\s*\([^()]{1,30}\)")


def abroad(category: str, places: Iterable[str]) -> bool:
    """Whether a story of ``category`` naming the places ``places`` (values) is filed abroad:
    a world-news desk's, naming another country and not the home country."""
    if category_key(category) not in WORLD_DESKS:
        return False
    lower = {p.lower() for p in places}
    return lower.isdisjoint(HOME_PLACES) and not lower.isdisjoint(_foreign())


@cache
def _foreign() -> frozenset[str]:
    return countries() - HOME_PLACES


@cache
def _stemmer() -> Callable[[str], str]:
    from indexer.stemmer import create_compiled_stemmer

    stem: Callable[[str], str] = create_compiled_stemmer().stem_word
    return stem


@cache
def _roots() -> frozenset[str]:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return frozenset(StemmerFactory().get_words())


def kind_name(value: str) -> bool:
    """Whether an organisation's name says only what kind of body it is: a body's head, then
    common words (root words of Sastrawi's dictionary, or words that stem to one), none of them
    a country's or a well-known place's ("Partai Demokrat", "Kementerian Dalam Negeri"; not
    "Partai Golkar", "Bank Indonesia", "Organisasi Kesehatan Dunia")."""
    words = [w for w in name_words(value) if w not in CONJUNCTIONS]
    if len(words) < 2 or words[0] not in BODY_HEADS:
        return False
    places = countries() | load_places() | HOME_PLACES
    roots = _roots()
    return all(w not in places and (w in roots or _stemmer()(w) in roots) for w in words[1:])


def home_bodies(away: Mapping[str, int], counts: Mapping[str, int],
                entity: Callable[[str], tuple[str, ...]]) -> frozenset[str]:
    """The organisations (values as the map makes them) whose name says only what kind of body
    it is and that the corpus writes in stories filed abroad in :data:`ABROAD_SHARE` of their
    articles at most, once at least. ``away``: raw value -> articles filed abroad naming it;
    ``counts``: raw value -> articles; ``entity``: what the map makes a raw value."""
    total: Counter[str] = Counter()
    found: Counter[str] = Counter()
    for raw, n in counts.items():
        for v in entity(raw):
            total[v] += n
            found[v] += away.get(raw, 0)
    return frozenset(v for v, n in found.items()
                     if 0 < n <= ABROAD_SHARE * total[v] and kind_name(v))


def written_home(title: str, body: str, mentions: Iterable[Mapping[str, Any]],
                 values: Iterable[str]) -> set[str]:
    """The organisations' raw ``values`` the article writes with the home country's name: at
    the end of a mention of theirs ("DPR RI") or as the word right after it, past a short form
    in brackets ("Kementerian Luar Negeri (Kemlu) RI")."""
    wanted = set(values)
    out: set[str] = set()
    for m in mentions:
        if m["type"] != "ORG" or m["name"] not in wanted:
            continue
        text = title if m["field"] == "title" else body
        end = m["end"]
        bracket = _BRACKETED_RE.match(text, end)
        after = WORD_RE.findall(text[bracket.end() if bracket else end:][:40].lower())[:2]
        last = WORD_RE.findall(text[m["start"]:end].lower())[-1:]
        if not HOME_NAMES.isdisjoint(last + after[:1]) or " ".join(after) in HOME_NAMES:
            out.add(m["name"])
    return out
