"""Facts the extractor knows rather than learns, read from the data files in ``indexer/data/``
(small text files, read once at import): well-known places and organisations, the alias table,
titles, words that are never an entity alone, calendar words, common given names.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
GAZETTEER_LOC_PATH = DATA / "gazetteer_loc.txt"
GAZETTEER_ORG_PATH = DATA / "gazetteer_org.txt"


def read_lines(path: Path) -> list[str]:
    """The lines of a data file, stripped, without blank lines and ``#`` comments."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


@cache
def load_names(path: Path) -> frozenset[str]:
    """Well-known names (lower case) from a gazetteer file: one per line, ``#`` comments."""
    return frozenset(ln.lower() for ln in read_lines(path))


def load_places() -> frozenset[str]:
    """Well-known place names (``data/gazetteer_loc.txt``)."""
    return load_names(GAZETTEER_LOC_PATH)


def load_orgs() -> frozenset[str]:
    """Well-known organisation names (``data/gazetteer_org.txt``)."""
    return load_names(GAZETTEER_ORG_PATH)


def _aliases(path: Path) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for ln in read_lines(path):
        surface, name, typ = ln.split("\t")
        out[surface] = (name, typ)
    return out


# Titles and honorifics that precede a person's name and are not part of it.
TITLES: frozenset[str] = load_names(DATA / "titles.txt")
# Well-known short forms: lower-cased surface -> (facet value, type).
ALIASES: dict[str, tuple[str, str]] = _aliases(DATA / "aliases.tsv")
# Never an entity on their own (legal forms, generic heads of official names).
NOT_ALONE: frozenset[str] = load_names(DATA / "not_alone.txt")
CALENDAR_WORDS: frozenset[str] = load_names(DATA / "calendar_words.txt")
# Given names too common to identify a person when used alone.
COMMON_NAME_PARTS: frozenset[str] = load_names(DATA / "common_name_parts.txt")
