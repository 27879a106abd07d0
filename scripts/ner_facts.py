"""The extractor's facts (``indexer/data/``) as per-word features for the trainer.

The facts files decide some mentions outright (a run that is exactly a well-known place or
organisation, a title, an outlet's credit). As features they also let the tagger learn what
a word that belongs to one of them says about the words around it and about runs the facts do
not cover whole: "Pemprov" and "Kemen..." start official bodies, "FC" ends clubs, a word of a
well-known organisation's name is probably part of an organisation elsewhere too.

A word gets ``x<list>=<where>`` for every list a lower-cased entry of which holds it: ``u`` the
entry is that one word, ``b`` / ``i`` / ``e`` its first, inner or last word. The features are
stored per word in the model file like the corpus features (see ``scripts/train_ner.py``), so
the extractor reads them as data and needs no new code. All names start with ``x``
(:data:`PREFIX`) so that feature bagging can leave them out together.
"""

from __future__ import annotations

from collections.abc import Iterable

from indexer.entities.facts import (
    ALIASES,
    CLUB_FIRST,
    CLUB_LAST,
    CLUB_SUFFIXES,
    COMMON_NAME_PARTS,
    DATA,
    KOREAN_SURNAMES,
    TITLE_QUALIFIERS,
    TITLES,
    UNIT_PREFIXES,
    UNIT_WORDS,
    load_orgs,
    load_places,
    read_lines,
)
from indexer.words import WORD_RE

PREFIX = "x"


def _where(i: int, n: int) -> str:
    if n == 1:
        return "u"
    return "b" if i == 0 else "e" if i == n - 1 else "i"


def _entries(names: Iterable[str]) -> list[list[str]]:
    return [WORD_RE.findall(name.lower()) for name in names]


def fact_lists() -> dict[str, list[list[str]]]:
    """Each facts list as its entries' lower-cased words, by the short name its features
    carry."""
    alias_by_type: dict[str, set[str]] = {}
    for surface, (value, typ) in ALIASES.items():
        alias_by_type.setdefault(typ, set()).update((surface, value))
    outlets = [ln.rstrip("*") for ln in read_lines(DATA / "outlets.txt")]
    return {
        "o": _entries(load_orgs() | alias_by_type.get("ORG", set())),  # organisations
        "l": _entries(load_places() | alias_by_type.get("LOC", set())),  # places
        "p": _entries(alias_by_type.get("PER", set())),  # persons
        "w": _entries(outlets),  # news outlets (credits)
        "t": _entries(TITLES),  # titles before a name
        "q": _entries(TITLE_QUALIFIERS),  # words that only continue a title
        "u": _entries(UNIT_WORDS | set(read_lines(DATA / "regional_units.txt"))),  # bodies
        "c": _entries(CLUB_SUFFIXES | CLUB_LAST),  # a club's last word
        "f": _entries(CLUB_FIRST),  # a club's first word
        "k": _entries(KOREAN_SURNAMES),
        "n": _entries(COMMON_NAME_PARTS),  # common given names
        "s": _entries(read_lines(DATA / "place_kinds.txt")),  # kinds of sites and buildings
    }


def fact_features(vocabulary: Iterable[str]) -> dict[str, list[str]]:
    """Lower-cased word -> its facts features (see the module's docstring), sorted. A word of
    ``vocabulary`` that begins with one of the official bodies' prefixes ("kemen" of
    "org_units.txt") also gets ``xu=p``: the prefix lists stand for words, not names."""
    found: dict[str, set[str]] = {}
    for kind, entries in fact_lists().items():
        for words in entries:
            for i, w in enumerate(words):
                found.setdefault(w, set()).add(f"{PREFIX}{kind}={_where(i, len(words))}")
    for w in vocabulary:
        if w.startswith(UNIT_PREFIXES) and w not in UNIT_WORDS:
            found.setdefault(w, set()).add(f"{PREFIX}u=p")
    return {w: sorted(v) for w, v in sorted(found.items())}

