"""A place's name ending a news outlet's name the article cites: "seperti dilansir Channel News
[[Asia]]", "Dilansir dari Business Insider [[Singapore]]", "Menurut laporan Football
[[Italia]]", "Future [[Korea]] melaporkan". The extractor reads the outlet's last word as the
place; the article speaks of the outlet, not of the place.

A place's mention is so (:func:`cited`, in one article, by ``reindex`` and ``add`` alike) where
one to three capitalised words stand between it and a word of citing before it
(:data:`_CITE`), or where they begin a clause and a verb of reporting follows it
(:data:`_REPORTS`) — none of those words a title or an office ("mengutip Presiden [[RI]]",
``data/titles.txt``) nor a word that makes a name of the place itself ("dilansir Kota
[[Bogor]]"). Such a mention is dropped, and so is a place every mention of which is so.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final

from indexer.entities.facts import TITLES
from indexer.name_evidence import cite_then
from indexer.part_places import OWN_WORDS
from indexer.words import one_of


def _cite_pattern() -> str:
    """Words of citing a source before its name, the first letter in either case: a citing word
    of ``data/credit_words.txt`` and maybe one of its words between ("dilansir dari", "mengutip
    laman"); or "menurut laporan", kept out of that file because a name after it is often no
    source but the report's subject ("menurut laporan Kapolda Papua"), which the file's words
    would make no entity at all."""
    cite, then = cite_then()

    def either(w: str) -> str:
        return f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}"
    words = "|".join(either(w) for w in sorted(cite))
    between = one_of(then)
    return rf"(?:(?:{words})(?: (?:{between}))?|{either('menurut')} laporan)"


_CITE: Final = _cite_pattern()
# One to three capitalised words after them, right before the mention (no full stop inside:
# "dilaporkan Reuters. [[Washington]]" begins a sentence).
_CITED_RE: Final = re.compile(rf"(?<!\w){_CITE} ((?:[A-Z][\w'’&-]* ){{1,3}})\Z")
# Verbs of reporting right after the mention.
_REPORTS: Final = re.compile(r" (?:melaporkan|memberitakan|melansir)\b")
# One to three capitalised words beginning a clause, right before the mention.
_CLAUSE_RE: Final = re.compile(r"(?:\A|[.,;:\"“”] |\n)((?:[A-Z][\w'’&-]* ){1,3})\Z")
# The text before a mention read for those words.
_REACH: Final = 60


def cited(title: str, body: str, mentions: Iterable[Mapping[str, Any]],
          is_place: Callable[[Mapping[str, Any]], bool]) -> set[tuple[str, int]]:
    """The (field, start) of one article's place mentions (``is_place(m)``: whether the map
    makes ``m`` a place's mention) ending an outlet's name it cites (see the module)."""
    out: set[tuple[str, int]] = set()
    for m in mentions:
        start = m["start"]
        text = title if m["field"] == "title" else body
        # most places follow no capitalised word
        if start < 2 or text[start - 1] != " " or not text[start - 2].isalpha() \
                or not text[text.rfind(" ", max(0, start - _REACH), start - 1) + 1].isupper():
            continue
        words = _CITED_RE.search(text, max(0, start - _REACH), start)
        if words is None and _REPORTS.match(text, m["end"]):
            words = _CLAUSE_RE.search(text, max(0, start - _REACH), start)
        if words is not None and is_place(m) and not any(
                w.lower() in TITLES or w.lower() in OWN_WORDS for w in words.group(1).split()):
            out.add((m["field"], start))
    return out
