"""A country's or a people's name written as its language's or as the people's: "bahasa
Inggris", "berbahasa Jepang", "dalam bahasa Korea, Mandarin dan Inggris" name languages, "etnis
Korea", "suku Aceh dan Melayu", "aktor keturunan Pakistan" a people or a descent, not England,
Japan, Korea, Aceh or Pakistan.

In one article (:func:`spoken`, by ``reindex`` and ``add`` alike), a place's mention names a
language or a people when a word of ``data/language_words.txt`` stands right before it, maybe
with one word of its ``[between]`` in between ("bahasa daerah Bali"), or when it goes on a list
of them: it is one word, and only commas, "dan", "atau", "serta", a slash and single
capitalised words (one that is no place: "Mandarin") stand between it and a mention that names
one ("suku Yao, Desa Huangluo, China" is no list). Such a mention is dropped, and so is a place
every mention of which in the article is: an article that also names the country as a place
keeps it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, Final

from indexer.entities.facts import read_sections
from indexer.mention_fields import in_fields
from indexer.words import one_of

_SECTIONS: Final = read_sections(Path(__file__).parent / "data" / "language_words.txt")
LANGUAGE_WORDS: Final = _SECTIONS["words"]
# The payload's bytes hold one of these where an article may write a language's word in lower
# case or capitalised: the word but its first letter ("ahasa" of "Bahasa", "berbahasa").
# The shortest first: it is the likeliest found, and the search stops at the first found.
_TELLS: Final = tuple(sorted({w[1:].encode() for w in LANGUAGE_WORDS} - {
    w[1:].encode() for w in LANGUAGE_WORDS for o in LANGUAGE_WORDS if o != w and o[1:] in w},
    key=lambda t: (len(t), t)))
_BEFORE_RE: Final = re.compile(
    rf"(?:^|\W)(?:{one_of(LANGUAGE_WORDS)})\s+(?:(?:{one_of(_SECTIONS['between'])})\s+)?$",
    re.IGNORECASE)
# How much text before a mention the words are looked for in.
_REACH: Final = 36
# What may stand between two languages of one list ("Jerman, Prancis", "Korea, Mandarin dan").
_LIST_RE: Final = re.compile(r"(?:\s*(?:,|/|\bdan\b|\batau\b|\bserta\b)\s*(?:[A-Z][\w-]*\s*)?)+")
_LIST_MAX: Final = 40


def may_speak(payload: bytes) -> bool:
    """Whether an article's payload (its JSON bytes) may write a language's name."""
    return any(t in payload for t in _TELLS)


def spoken(title: str, body: str, mentions: Iterable[Mapping[str, Any]],
           is_place: Callable[[Mapping[str, Any]], bool]) -> set[tuple[str, int]]:
    """The (field, start) of one article's place mentions that name a language (``is_place(m)``:
    whether the map makes ``m`` a place's mention)."""
    out: set[tuple[str, int]] = set()
    for fld, text, ms in in_fields(title, body, mentions):
        last_end = -1  # where the last mention naming a language ends
        for m in ms:
            if not is_place(m):
                continue
            start = m["start"]
            if _BEFORE_RE.search(text, max(0, start - _REACH), start) or (
                    0 <= last_end <= start and start - last_end <= _LIST_MAX
                    and " " not in text[start:m["end"]]
                    and _LIST_RE.fullmatch(text, last_end, start)):
                out.add((fld, start))
                last_end = m["end"]
    return out
