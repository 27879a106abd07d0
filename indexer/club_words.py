"""A word of a club's name written alone outside sports news names no club: "Korps
Bhayangkara" (the police) is not Bhayangkara FC, "di Dortmund, Köln, dan Bochum" (the city)
not Borussia Dortmund, Honda's "City" not Manchester City.

The corpus-level map gives a one-word organisation's name the club's whole name it is a word
of (Dortmund ~ Borussia Dortmund). In an article whose category is no sports news
(``data/club_context.txt``, [category]: "Bola", "Sports", "Super Skor") and that never
writes the club's name in full, such a word names no one in that article
(:func:`off_field`). A club is a name with a club's first or last word ([first], [last],
[suffix]: "Real", "Borussia", "FC", "City"); a word that is the whole value ("Barcelona",
"Liverpool") is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from functools import cache, lru_cache
from typing import Any, Final

from indexer.entities.facts import (
    CLUB_CATEGORIES,
    CLUB_FIRST,
    CLUB_LAST,
    CLUB_PLACE_WORDS,
    CLUB_SUFFIXES,
    countries,
)
from indexer.mention_fields import in_fields
from indexer.name_keys import category_key, name_words
from indexer.name_kinds import SITE, kind_sections
from indexer.region_kinds import TOWNS
from indexer.words import WORD_PATTERN, WORD_RE


@lru_cache(maxsize=1024)
def sports_news(category: str) -> bool:
    """Whether an article's category is sports news (no category: nothing is known)."""
    return not category.strip() or any(
        w in CLUB_CATEGORIES for w in WORD_RE.findall(category_key(category)))


# The first word of an Indonesian club's name ("Persipura", "PSM": "Persatuan Sepakbola ..."),
# not a common noun of "-an" ("Persiapan", "Persatuan").
_LOCAL_CLUB_RE: Final = re.compile(r"(?:pers|ps)[a-z]{1,6}")


def _club(words: tuple[str, ...]) -> bool:
    return len(words) >= 2 and (words[0] in CLUB_FIRST or words[-1] in CLUB_LAST
                                or words[-1] in CLUB_SUFFIXES)


def is_club(value: str) -> bool:
    """Whether an organisation's value of two words or more is a club's by its first or last
    word ("Real Madrid", "Bali United") or as Indonesian clubs are named ("PSM Makassar",
    "Persipura Jayapura")."""
    words = name_words(value)
    return _club(words) or (len(words) >= 2 and _LOCAL_CLUB_RE.fullmatch(words[0]) is not None
                            and not words[0].endswith("an"))


def off_field(out: dict[str, tuple[str, ...]], category: str,
              named: Collection[str] = ()) -> None:
    """Each of one article's organisations' values (``out``: raw value -> what it becomes)
    that is one word of the club's name it becomes names no one there, when ``category`` is
    no sports news and the article writes no longer name of that club. A club is a name with
    a club's word, or one of ``named``, the values the corpus also writes with one ("Bayern
    Muenchen", written "FC Bayern Munchen": not "negara bagian Bayern")."""
    if sports_news(category):
        return
    one = {v for v, into in out.items() if len(into) == 1 and into[0] != v
           and " " not in v.strip()}
    if not one:
        return
    full = {into[0] for v, into in out.items() if len(into) == 1 and v not in one
            and len(name_words(v)) > 1}
    for v in one:
        club = name_words(out[v][0])
        if out[v][0] not in full and name_words(v)[0] in club and (
                _club(club) or out[v][0] in named):
            out[v] = ()


# The word right before a mention, and a comma and the words right after it.
_WORD_BEFORE_RE: Final = re.compile(rf"({WORD_PATTERN})\s+\Z")
_COUNTRY_AFTER_RE: Final = re.compile(rf",\s*({WORD_PATTERN}(?: {WORD_PATTERN})?)")
# What stands between two items of a list ("Chengdu, Leipzig, dan Dresden", "Madrid dan
# Barcelona").
_LISTED_RE: Final = re.compile(r"\s*(?:,\s*(?:dan\s+|serta\s+|atau\s+)?|\s(?:dan|serta|atau)\s+)\Z")


def _listed_with_place(text: str, ms: list[Mapping[str, Any]], i: int,
                       towns: Collection[str]) -> bool:
    """Whether mention ``i`` of ``ms`` (one field's, by start) is an item of a list whose
    item right before or after it the extractor read as a place that is no club's town."""
    def place(m: Mapping[str, Any]) -> bool:
        return m["type"] == "LOC" and m["name"] not in towns
    m = ms[i]
    if i > 0 and place(ms[i - 1]) and _LISTED_RE.fullmatch(text, ms[i - 1]["end"], m["start"]):
        return True
    return i + 1 < len(ms) and place(ms[i + 1]) and _LISTED_RE.fullmatch(
        text, m["end"], ms[i + 1]["start"]) is not None


@cache
def _place_words() -> frozenset[str]:
    """The words right before a town's name that write it as the place: the locatives ("di",
    "ke", "dari", "menuju"), the towns' kinds ("kota") and ``data/club_context.txt`` [place]."""
    return kind_sections()[SITE] | CLUB_PLACE_WORDS | TOWNS


def towns_off_field(title: str, body: str, category: str,
                    mentions: Iterable[Mapping[str, Any]], towns: Collection[str]) -> set[str]:
    """Of ``towns`` (one article's places' names the map makes a club's), those the article,
    outside sports news, writes only as the place: each mention, whichever type the extractor
    gave it, right after a locative or a town's word ("tinggal di Barcelona", "berlibur ke
    Barcelona"), right before its country's name ("Barcelona, Spanyol") or listed beside a
    place ("Chengdu, Leipzig, dan Dresden"). In a story of a holiday or a flood there they
    are no club."""
    if not towns or not category.strip() or sports_news(category):
        return set()
    seen: dict[str, bool] = {}
    words = _place_words()
    for _fld, text, ms in in_fields(title, body, mentions):
        for i, m in enumerate(ms):
            v = m["name"]
            if m["type"] not in ("LOC", "ORG") or v not in towns or seen.get(v) is False:
                continue
            before = _WORD_BEFORE_RE.search(text, max(0, m["start"] - 20), m["start"])
            after = _COUNTRY_AFTER_RE.match(text, m["end"])
            seen[v] = bool(before and before.group(1).lower() in words) or bool(
                after and any(" ".join(after.group(1).lower().split()[:n]) in countries()
                              for n in (1, 2))) or _listed_with_place(text, ms, i, towns)
    return {v for v, place in seen.items() if place}
