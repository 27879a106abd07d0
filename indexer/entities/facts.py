"""Facts the extractor knows rather than learns, read from the data files in ``indexer/data/``
(small text files, read once at import): well-known places and organisations, the alias table,
titles, words that are never an entity alone, calendar words, common given names, news outlets.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Final

DATA = Path(__file__).resolve().parent.parent / "data"
GAZETTEER_LOC_PATH = DATA / "gazetteer_loc.txt"
GAZETTEER_ORG_PATH = DATA / "gazetteer_org.txt"
COUNTRIES_PATH = DATA / "countries.txt"


def read_lines(path: Path) -> list[str]:
    """The lines of a data file, stripped, without blank lines and ``#`` comments."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


def read_rows(path: Path) -> list[list[str]]:
    """The tab-separated rows of a data file: each line's non-blank fields, stripped, without
    blank lines and ``#`` comments (to the end of a line)."""
    rows = ([part.strip() for part in ln.split("#", 1)[0].split("\t") if part.strip()]
            for ln in path.read_text(encoding="utf-8").splitlines())
    return [row for row in rows if row]


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


# A person's age in parentheses right after a name: "Yugo (33)", "AS (38 tahun)".
# A word of this many capitals or fewer can be a person's initials ("Retno LP Marsudi", "MA (15)").
INITIALS_MAX: Final = 3
AGE_AFTER_RE: Final = re.compile(r" ?\(\d{2}(?: tahun| th\.?)?\)")

# Titles and honorifics that precede a person's name and are not part of it, and the words
# that only continue one ("Irjen Pol").
TITLES: frozenset[str] = frozenset(w for w in load_names(DATA / "titles.txt") if w[0] != "+")
TITLE_QUALIFIERS: frozenset[str] = frozenset(
    w[1:] for w in load_names(DATA / "titles.txt") if w[0] == "+"
)
# Well-known short forms: lower-cased surface -> (facet value, type).
ALIASES: dict[str, tuple[str, str]] = _aliases(DATA / "aliases.tsv")
# Never an entity on their own (legal forms, generic heads of official names).
NOT_ALONE: frozenset[str] = load_names(DATA / "not_alone.txt")
CALENDAR_WORDS: frozenset[str] = load_names(DATA / "calendar_words.txt")
# Given names too common to identify a person when used alone.
COMMON_NAME_PARTS: frozenset[str] = load_names(DATA / "common_name_parts.txt")


_WEB = r"\.(?:com|co|co\.id|id|net|tv)"


def _credit_re(names: list[str]) -> re.Pattern[str]:
    """What a mention that is a credit or byline reads as, in lower case: a news outlet of
    ``names`` ("name*": any mention starting with it), bare or as its web address ("tempo",
    "tempo.co", "tekno tempo.co")."""
    outlets = "|".join(
        re.escape(n[:-1]) + ".*" if n.endswith("*") else re.escape(n) for n in names
    )
    return re.compile(rf"(?:{outlets})(?:{_WEB})?|(?:[^ ]+ )*(?:{outlets}){_WEB}")


_OUTLETS = [ln.lower() for ln in read_lines(DATA / "outlets.txt")]
# A mention that fully matches this (lower case) is a credit or byline, never an entity.
CREDIT_RE: re.Pattern[str] = _credit_re(_OUTLETS)
# What CREDIT_RE needs to match at all: a mention that begins with an outlet's name (as many
# of its first characters as the shortest name has) or that holds a "." (a web address).
CREDIT_HEAD = min(len(n.removesuffix("*")) for n in _OUTLETS)
CREDIT_HEADS = frozenset(n[:CREDIT_HEAD] for n in _OUTLETS)


def credit_match(low: str) -> re.Match[str] | None:
    """``CREDIT_RE.fullmatch(low)``. Most mentions fail the cheap test of what a match needs,
    and the regex, which tries every outlet at every word, takes ~1-2 µs to fail them."""
    if "." in low or low[:CREDIT_HEAD] in CREDIT_HEADS:
        return CREDIT_RE.fullmatch(low)
    return None
# A web address ("Self.com", "Blibli.com"): a credit where the text cites it as a source (after
# one of CITE_WORDS: "dilansir dari Self.com"), else left to the model (a company, a shop).
WEB_ADDRESS_RE: re.Pattern[str] = re.compile(rf"[^ ]*[^\W_]{_WEB}")
CITE_WORDS: frozenset[str] = load_names(DATA / "cite_words.txt")


def read_sections(path: Path) -> dict[str, frozenset[str]]:
    """The ``[section]`` word lists of a data file, lower case."""
    out: dict[str, set[str]] = {}
    section = ""
    for ln in read_lines(path):
        if ln.startswith("[") and ln.endswith("]"):
            section = ln[1:-1]
        else:
            out.setdefault(section, set()).add(ln.lower())
    return {k: frozenset(v) for k, v in out.items()}


# Words that begin the name of an official body or unit ("Polres", "Kemen*"): whole words, and
# the beginnings of words ("kemen" for Kemenkes, Kemenhub, ...).
_UNITS = load_names(DATA / "org_units.txt")
UNIT_WORDS: frozenset[str] = frozenset(w for w in _UNITS if not w.endswith("*"))
UNIT_PREFIXES: tuple[str, ...] = tuple(
    sorted(w[:-1] for w in _UNITS if w.endswith("*") and not w.startswith("!")))
_NOT_UNIT_PREFIXES: tuple[str, ...] = tuple(
    sorted(w[1:-1] for w in _UNITS if w.endswith("*") and w.startswith("!")))


def unit_word(low: str) -> bool:
    """Whether a lower-case word begins the name of an official body ("polres", "kemenkes"; not
    "kemenangan")."""
    return low in UNIT_WORDS or (low.startswith(UNIT_PREFIXES) and low.isalpha()
                                 and not low.startswith(_NOT_UNIT_PREFIXES))
# What shows a name to be a sports team: a word of a match next to it, a word of a team's
# people before it, the last word of a club's name; the first or last words that make a name a
# club's wherever it is written.
_CLUB = read_sections(DATA / "club_context.txt")
CLUB_MATCH: frozenset[str] = _CLUB["match"]
CLUB_ROLES: frozenset[str] = _CLUB["role"]
CLUB_SUFFIXES: frozenset[str] = _CLUB["suffix"]
CLUB_FIRST: frozenset[str] = _CLUB["first"]
CLUB_LAST: frozenset[str] = _CLUB["last"]
CLUB_CATEGORIES: frozenset[str] = _CLUB["category"]
CLUB_PLACE_WORDS: frozenset[str] = _CLUB["place"]
KOREAN_SURNAMES: frozenset[str] = load_names(DATA / "korean_surnames.txt")
# Words that make a new place of the name before them ("Tangerang Selatan" is not Tangerang).
COMPASS: frozenset[str] = frozenset({"utara", "selatan", "timur", "barat", "tengah", "tenggara",
                                     "laut", "daya"})
# Of those, the ones that only finish a point between two ("Timur Laut", "Barat Daya"): alone
# after a place, lower case, they are the sea or power ("Jakarta daya beli").
HALF_WINDS: frozenset[str] = frozenset({"laut", "daya"})


@cache
def countries() -> frozenset[str]:
    """Names of countries and territories, lower case, in Indonesian and English: the Unicode
    CLDR's, as Babel ships them (``data/countries.txt``, written by ``scripts/countries.py``; a
    national team keeps its country's name and type)."""
    return load_names(COUNTRIES_PATH)
