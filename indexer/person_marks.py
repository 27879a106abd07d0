"""Whether one article's bare one-word mention of a person's name is somebody else than the
well-known person the corpus-level map gives the word to, by the words right around it.

The map gives a bare "Yugo" to Yugo Kobayashi, a badminton player, and "Arman" to Armand
Maulana, a singer; but "seorang pria bernama Yugo (33) ditemukan tak bernyawa" is a private
man, and "KBO Reskrim Iptu Arman" a police officer. The marks (``data/person_marks.txt``):

* **rank**: a police or military rank heads the mention or is the word before it;
* **private**: a word that introduces a private person or his initials is the word before it
  ("bernama", "alias", "berinisial"), or a pseudonym follows it in parentheses ("(nama samaran)");
* **age**: an age follows it in parentheses ("(33)", "(54 tahun)");
* **role**: an ordinary person's role is in apposition with it: the phrase between the last
  comma or sentence's end and a comma right before it begins with a word of ``[role]`` ("salah
  satu warga Jayapura, Selviana", "kata salah satu wartawan media nasional, Ilham"; not
  "Kepada wartawan, Imam"), or ", seorang", ", salah satu" or ", salah seorang" and a word of
  ``[role]`` or ``[someone]`` follow it ("Imam, seorang anak yatim penjual gorengan");
* **utterance**: it is a quoted sentence of its own, begun after a sentence's end or an opening
  quote and closed by a quote ("semoga diberikan kesembuhan. Amin," kata dia): a word said, an
  interjection or a prayer, not somebody named; so is a word of prayer (``[said]``: "amin")
  written as a clause of its own that opens a quoted sentence before a comma or closes one
  after a comma ('"Amin, mudah-mudahan ...', '... kesembuhan, Amin,"').

A well-known person may be written so too: "Irjen Firli" is Firli Bahuri, a police general,
and a footballer's goals are listed as "Salah (40)". So a mark tells somebody else only where
the corpus never writes that person's full name with it: the marks of full names are counted
over the corpus as kinds of names (:func:`article_marks`, :mod:`indexer.name_kinds`), the
map keeps each person's (:func:`full_name_marks`), and when an article is written
(:meth:`~indexer.entity_map.EntityMap.entities_in`, by ``reindex`` and ``add`` alike) a bare
word mapped to a person, in an article that does not write his full name, is no one there when
one of its mentions has a mark his full name never has (:func:`bare_marks`). A word said and an
ordinary person's role say so whatever company the article keeps (:func:`said_only`); the other
marks, where the article names none of his (a rank or an age may be written of him too).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from typing import Any, Final

from indexer.entities.facts import AGE_AFTER_RE, DATA, TITLES, read_sections
from indexer.name_keys import loose_words, name_words
from indexer.words import SENTENCE_ENDS, WORD_RE, word_before

RANK: Final = "rank"
PRIVATE: Final = "private"
AGE: Final = "age"
ROLE: Final = "role"
UTTERANCE: Final = "utterance"
# the marks that tell somebody else whatever company the article keeps
_PLAIN: Final = frozenset({ROLE, UTTERANCE})
# How the marks are counted among the kinds of names (:mod:`indexer.name_kinds`).
KIND_PREFIX: Final = "mark:"

_ASIDE_RE: Final = re.compile(r" ?\(([^()]{4,40})\)")
# what ends a quoted sentence of one word: its punctuation, then the closing quote
_UTTERED_RE: Final = re.compile(r"[,.!?]?[\"”]")
_OPENING_QUOTES: Final = frozenset('"“')
# ", seorang" and the like, then the word that says who the name's bearer is
_INTRODUCED_RE: Final = re.compile(r",? (?:seorang|salah satu|salah seorang) ([\w-]+)")
# what ends the phrase an apposition before a name is read in, and how far back it is read
_PHRASE_ENDS: Final = frozenset('.!?\n"“”(:,')
_PHRASE_SPAN: Final = 120
# the words before a role's word that keep the phrase an apposition
_COUNTED: Final = ("seorang", "sang", "para")
_ONE_OF: Final = (["salah", "satu"], ["salah", "seorang"])


@cache
def _words() -> dict[str, frozenset[str]]:
    return read_sections(DATA / "person_marks.txt")


@cache
def _speakers() -> frozenset[str]:
    """The speaking verbs before a quote's speaker ("kata", "ujar"): ``kind_words.txt``'s."""
    from indexer.name_kinds import kind_sections  # name_kinds counts the marks: read late

    return kind_sections()["speaker"]


def mention_marks(text: str, start: int, end: int) -> frozenset[str]:
    """The marks of the mention ``text[start:end]``."""
    words = _words()
    found = set()
    word = word_before(text, start)[1].lower()
    first = text[start:end].split(" ", 1)[0].strip(".").lower()
    if first in words["rank"] or word in words["rank"]:
        found.add(RANK)
    if word in words["private"] or word in words["initials"]:
        found.add(PRIVATE)
    if AGE_AFTER_RE.match(text, end):
        found.add(AGE)
    else:
        aside = _ASIDE_RE.match(text, end)
        if aside is not None and aside.group(1).strip().lower() in words["aside"]:
            found.add(PRIVATE)
    if _in_role(text, start, end, words):
        found.add(ROLE)
    said = text[start:end].strip().lower() in words["said"]
    if _UTTERED_RE.match(text, end) and (_sentence_starts(text, start)
                                         or said and _after_pause(text, start)):
        found.add(UTTERANCE)
    elif said and text.startswith(",", end) and _sentence_starts(text, start):
        found.add(UTTERANCE)
    return frozenset(found)


def _in_role(text: str, start: int, end: int, words: Mapping[str, frozenset[str]]) -> bool:
    """Whether the mention ``text[start:end]`` is in apposition with an ordinary person's role
    (:data:`ROLE`)."""
    after = _INTRODUCED_RE.match(text, end)
    if after is not None:
        word = after.group(1).lower()
        return word in words["role"] or word in words["someone"]
    i = start - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    if i < 0 or text[i] != ",":
        return False
    j = i - 1
    while j >= max(0, i - _PHRASE_SPAN) and text[j] not in _PHRASE_ENDS:
        j -= 1
    phrase = [w.lower() for w in WORD_RE.findall(text, j + 1, i)]
    k = 1 if phrase[:1] and phrase[0] in _speakers() else 0
    if phrase[k:k + 2] in _ONE_OF:
        k += 2
    elif phrase[k:k + 1] and phrase[k] in _COUNTED:
        k += 1
    return k < len(phrase) and phrase[k] in words["role"]


def _sentence_starts(text: str, at: int) -> bool:
    """Whether a sentence begins at ``text[at]``: nothing but spaces between it and the text's
    start, a line's, a sentence's end, or an opening quote that itself begins a sentence or
    follows a colon or a comma (not a nickname inside a name: 'Stefano "Teco" Cugurra')."""
    i = at - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] == "\n" or text[i] in SENTENCE_ENDS:
        return True
    return text[i] in _OPENING_QUOTES and (_sentence_starts(text, i) or _after_pause(text, i))


def _after_pause(text: str, at: int) -> bool:
    i = at - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i >= 0 and text[i] in ":,"


def _marks(title: str, body: str, mentions: Iterable[Mapping[str, Any]], full: bool
           ) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        name = m["name"]
        if m["type"] != "PER" or (" " in name.strip()) != full:
            continue
        text = title if m["field"] == "title" else body
        found = mention_marks(text, m["start"], m["end"])
        if full and ROLE in found and " " not in text[m["start"]:m["end"]].strip():
            # a full name's one word in apposition says nothing of how the full name is
            # written: "Warga Rangkul Anak BJ Habibie, Ilham" (a headline's capitals)
            found = found - {ROLE}
        if found:
            out[name].update(found)
    return out


def article_marks(title: str, body: str, mentions: Iterable[Mapping[str, Any]]
                  ) -> set[tuple[tuple[str, str], str]]:
    """The marks of one article's mentions of persons' full names (dicts with type, name,
    field, start, end), as kinds of names: (("PER", name), "mark:rank")."""
    return {(("PER", name), KIND_PREFIX + mark)
            for name, found in _marks(title, body, mentions, True).items() for mark in found}


def bare_marks(title: str, body: str, mentions: Iterable[Mapping[str, Any]]
               ) -> dict[str, frozenset[str]]:
    """Each bare one-word person's name of one article -> the marks of its mentions there."""
    return {name: frozenset(found)
            for name, found in _marks(title, body, mentions, False).items()}


def full_name_marks(kinds: Mapping[tuple[tuple[str, str], str], int],
                    persons: Mapping[str, tuple[str, ...]]) -> dict[str, frozenset[str]]:
    """Each person a one-word name is given to (``persons``: raw value -> what it becomes,
    where that differs) -> the marks the corpus writes his full names with (``kinds``: (name,
    kind) -> articles)."""
    targets = {into[0] for v, into in persons.items()
               if len(into) == 1 and " " not in v.strip() and " " in into[0].strip()}
    out: dict[str, set[str]] = {p: set() for p in targets}
    for ((typ, value), kind), _ in kinds.items():
        if typ != "PER" or not kind.startswith(KIND_PREFIX):
            continue
        for p in persons.get(value, (value,)):
            if p in out:
                out[p].add(kind.removeprefix(KIND_PREFIX))
    return {p: frozenset(found) for p, found in out.items()}


def somebody_else(marks: frozenset[str], known: frozenset[str] | None) -> bool:
    """Whether a bare word's marks in an article (:func:`bare_marks`) say it is not the person
    whose full names have the marks ``known`` (None: unknown, as in a map of an older index)."""
    return known is not None and not marks <= known


def said_only(marks: frozenset[str], known: frozenset[str] | None) -> bool:
    """Whether a bare word's marks in an article say it is a word said (:data:`UTTERANCE`) or
    an ordinary person (:data:`ROLE`), as the person whose full names have the marks ``known``
    is never written."""
    return known is not None and not (marks & _PLAIN) <= known


# A word of a person's longer name is another type's name when the corpus writes it as an
# organisation's or a place's name in this many articles.
OTHER_TYPE_MIN: Final = 2


def stray_word(surface: str, name: str, into: str, elsewhere: Callable[[str], int]) -> bool:
    """Whether a person's mention written as one word (titles aside) of the longer name
    ``name`` it was linked to in its article ("Marvel" after "Marvel Studios Kevin Feige",
    "Liverpool" after "pelatih Liverpool Jurgen Klopp") is somebody else than ``into``, the
    person the map makes of that name: no word of his name (read loosely), and written as an
    organisation's or a place's name in :data:`OTHER_TYPE_MIN` articles (``elsewhere``: a
    value -> those articles)."""
    words = [w for w in surface.split() if w.strip(".").lower() not in TITLES]
    if len(words) != 1 or " " not in name.strip():
        return False
    word = name_words(words[0])[0]
    return (word in name_words(name) and loose_words(words[0])[0] not in loose_words(into)
            and elsewhere(words[0]) >= OTHER_TYPE_MIN)


# A full name written after a rank in this share of its articles (and two at least) is an
# officer's; one written in this many articles and never so, somebody who is no officer.
RANKED_SHARE: Final = 1 / 2
UNRANKED_MIN: Final = 10


def rank_sides(kinds: Mapping[tuple[tuple[str, str], str], int], counts: Mapping[str, int]
               ) -> dict[str, bool]:
    """Persons' full names (values of ``counts``, value -> articles) -> True for an officer's
    (mostly written after a rank), False for one never written so in :data:`UNRANKED_MIN`
    articles or more; others are not told. Two spellings of one name on different sides are
    two people ("AKBP M Nasir", "Muhammad Nasir" of the traffic police; "Mohamad Nasir", a
    minister)."""
    ranked = {value: n for ((typ, value), kind), n in kinds.items()
              if typ == "PER" and kind == KIND_PREFIX + RANK}
    out: dict[str, bool] = {}
    for v, n in counts.items():
        if " " not in v.strip():
            continue
        r = ranked.get(v, 0)
        if r >= max(2, RANKED_SHARE * n):
            out[v] = True
        elif r == 0 and n >= UNRANKED_MIN:
            out[v] = False
    return out
