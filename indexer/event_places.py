"""A place's name written inside an event's name that the extractor read as the place alone:
"[[Vietnam]] Open 2019", "[[Jakarta]] Fashion Week", "final [[AS]] Terbuka", "Piala [[Asia]]
U-16", "Liga Primer [[Inggris]]", "Olimpiade [[Tokyo]] 2020", "MotoGP [[San Marino]]". An event
is no place: a journalist filtering the articles of Vietnam does not want those of a tournament
only. :mod:`indexer.org_places` finds the events the corpus has as a value; these are found by
the event's own words (``data/event_words.txt``), whether or not the corpus has its name as a
value.

In one article (:func:`in_events`, by ``reindex`` and ``add`` alike), a place's mention is
inside an event's name where

* capitalised words written right after it (one space apart) make an event's name with it by
  their last word (:func:`~indexer.generic_values.is_event`: "Fashion Week", "Open"), or all of
  them do and the last is a word of ``[after a place]`` ("Terbuka": "Indonesia Terbuka Lebar",
  "is wide open", is no event); in a headline, where every word is capitalised, a name of more
  than one word after the place only where the body writes it too; or
* the capitalised words right before it make a championship's name with it ("Liga Inggris",
  ``[whole]``) or begin an event's name with at most one other word between those and the place
  ("Piala", "Liga Primer", "MotoGP Republik", "Festival Film"; ``[first]``), save the heads of
  ``[not before a place]`` ("Kongres AS" is the US Congress, "Konser Bangkok" a concert held
  there); or
* the word right before it is a competition's head (:func:`~indexer.name_kinds.kind_before`:
  "Liga Thailand", "Liga Eropa"; "Liga Muslim Dunia" is a body, but no place's name).

The mention is dropped, and so is a place every mention of which in the article is: an article
that also names the place outside the event keeps it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import Any, Final

from indexer.generic_values import event_words, is_event
from indexer.name_keys import name_words
from indexer.name_kinds import EVENT, kind_before, kind_sections
from indexer.words import WORD_PATTERN

# The most capitalised words read after and before a place's mention.
AFTER_MAX: Final = 4
BEFORE_MAX: Final = 4
# Words allowed between an event's first words and the place ("Kualifikasi Piala Dunia Qatar").
BETWEEN_MAX: Final = 1
# The text before a mention read for the words before it.
_REACH: Final = 60
_AFTER_RE: Final = re.compile(rf"(?: (?=[A-Z]){WORD_PATTERN}){{1,{AFTER_MAX}}}")
# Capitalised words (or a league's number: "Liga 1 Indonesia") one space apart, right before.
_BEFORE_RE: Final = re.compile(
    rf"(?<![^\W_])((?:(?=[A-Z0-9]){WORD_PATTERN} ){{1,{BEFORE_MAX}}})\Z")


def _lists() -> tuple[frozenset[tuple[str, ...]], dict[str, tuple[tuple[str, ...], ...]],
                     frozenset[str]]:
    """The ``[whole]`` names, the ``[first]`` heads by their first word (but those of
    ``[not before a place]``) and the ``[after a place]`` words."""
    words = event_words()
    not_before = set(words.get("not before a place", ()))
    first: dict[str, list[tuple[str, ...]]] = {}
    for t in words.get("first", ()):
        if t not in not_before:
            first.setdefault(t[0], []).append(t)
    return (frozenset(words.get("whole", ())), {w: tuple(ts) for w, ts in first.items()},
            frozenset(t[-1] for t in words.get("after a place", ())))


_WHOLE, _FIRST, _AFTER_PLACE = _lists()
# A competition's heads (:func:`~indexer.name_kinds.kind_before`: "Liga", "Piala").
_HEADS: Final = kind_sections()[EVENT]


def in_events(title: str, body: str, mentions: Iterable[Mapping[str, Any]],
              is_place: Callable[[Mapping[str, Any]], bool]) -> set[tuple[str, int]]:
    """The (field, start) of one article's place mentions (``is_place(m)``: whether the map makes
    ``m`` a place's mention) written inside an event's name (see the module)."""
    out: set[tuple[str, int]] = set()
    for m in mentions:
        if not is_place(m):
            continue
        start, end = m["start"], m["end"]
        text = title if m["field"] == "title" else body
        # most places stand after a lower-case word and before no capitalised one
        after = text[end:end + 1] == " " and text[end + 1:end + 2].isupper()
        head = _word_before(text, start)
        titled = head[:1].isupper() or head[:1].isdigit()
        if not (after or titled or head.lower() in _HEADS):
            continue
        words = _AFTER_RE.match(text, end) if after else None
        before = _BEFORE_RE.search(text, max(0, start - _REACH), start) if titled else None
        if (words and _ends_event(text[start:end], words.group().split(" ")[1:],
                                  body if m["field"] == "title" else None)) or (
                before and _begins_event(before.group(1).split(), text[start:end])) or (
                head.lower() in _HEADS and kind_before(text, start) == EVENT):
            out.add((m["field"], start))
    return out


def _word_before(text: str, start: int) -> str:
    """The word written one space before ``start`` ("" if none)."""
    if text[start - 1:start] != " ":
        return ""
    i = start - 1
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] in "-'’"):
        i -= 1
    return text[i:start - 1]


def _ends_event(written: str, after: list[str], body: str | None) -> bool:
    """Whether the place ``written`` and words ``after`` it make an event's name by its last.
    In a headline (``body``: the article's body) every word is capitalised, so a name of more
    than one word after the place counts only where the body writes it too: "Kabupaten
    Gorontalo Siap Gelar Festival" is no festival's name."""
    for n in range(1, len(after) + 1):
        name = " ".join([written, *after[:n]])
        if (is_event(name) or (n == len(after) and after[-1].lower() in _AFTER_PLACE)) and (
                body is None or n == 1 or name in body):
            return True
    return False


def _begins_event(before: list[str], written: str) -> bool:
    """Whether words ``before`` the place ``written`` begin an event's name with it."""
    place = _name_words(written)
    words = _name_words(" ".join(before))
    for k in range(1, len(words) + 1):
        head = words[-k:]
        if (*head, *place) in _WHOLE or any(
                head[:len(t)] == t and k - len(t) <= BETWEEN_MAX
                for t in _FIRST.get(head[0], ())):
            return True
    return False


@lru_cache(maxsize=4096)
def _name_words(text: str) -> tuple[str, ...]:
    """:func:`~indexer.name_keys.name_words`, remembered: the same heads and places recur."""
    return name_words(text)
