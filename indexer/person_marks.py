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
one of its mentions has a mark his full name never has (:func:`bare_marks`; an ordinary person's
role is read of bare names only, so it always counts). A word said and an ordinary person's role
say so whatever company the article keeps (:func:`said_only`); the other marks, where the
article names none of his (a rank or an age may be written of him too).

An officer of the police or the armed forces (a person whose full names the corpus writes after a
rank in half his articles: :func:`officers`) is named in an article that writes of a force. One
that writes no word of a force's bodies or offices and no rank (``[force]``, ``[rank]``) names a
namesake (:func:`off_duty`): "Direktur Kargo ... Garuda Indonesia Mohammad Iqbal", "Ketua RW 3
Kelurahan Kauman Muhammad Iqbal" are not Irjen Muhammad Iqbal, the police's spokesman.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from functools import cache
from typing import Any, Final

from indexer.entities.facts import AGE_AFTER_RE, DATA, TITLES, read_sections
from indexer.name_keys import loose_words, name_words
from indexer.words import SENTENCE_ENDS, one_of, word_before

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
_PHRASE_END_RE: Final = re.compile(r'[.!?\n"“”(:,]')
_PHRASE_SPAN: Final = 120
# the words before a role's word that keep the phrase an apposition
_COUNTED: Final = ("salah satu", "salah seorang", "seorang", "sang", "para")


@cache
def _words() -> dict[str, frozenset[str]]:
    return read_sections(DATA / "person_marks.txt")


@cache
def _speakers() -> frozenset[str]:
    """The speaking verbs before a quote's speaker ("kata", "ujar"): ``kind_words.txt``'s."""
    from indexer.name_kinds import kind_sections  # name_kinds counts the marks: read late

    return kind_sections()["speaker"]


def mention_marks(text: str, start: int, end: int, roles: bool = True) -> frozenset[str]:
    """The marks of the mention ``text[start:end]``; :data:`ROLE` where ``roles``."""
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
    if roles and _in_role(text, start, end, words):
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
    after = _INTRODUCED_RE.match(text, end) if text.startswith((", s", " s"), end) else None
    if after is not None:
        word = after.group(1).lower()
        return word in words["role"] or word in words["someone"]
    i = start - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    if i < 0 or text[i] != ",":
        return False
    lo = max(0, i - _PHRASE_SPAN)
    ended = _PHRASE_END_RE.search(text[lo:i][::-1])  # the last before the comma
    return _role_lead_re().match(text, lo if ended is None else i - ended.start(), i) is not None


@cache
def _role_lead_re() -> re.Pattern[str]:
    """A phrase that begins with a role's word (``[role]``), after a speaking verb and "salah
    satu", "salah seorang", "seorang", "sang" or "para"."""
    return re.compile(rf"\W*(?:(?:{one_of(_speakers())})\W+)?"
                      rf"(?:(?:{one_of(_COUNTED)})\W+)?"
                      rf"(?:{one_of(_words()['role'])})\b", re.IGNORECASE)


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
        # an ordinary person's role is read of bare names alone (every full name of every
        # article is read for the other marks): the map gives a bare word to a person the
        # corpus names often, and his full name is not written as an ordinary person's
        found = mention_marks(title if m["field"] == "title" else body, m["start"], m["end"],
                              roles=not full)
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
# A person is an officer where the corpus names him in this many articles at least, his full
# names after a rank in RANKED_SHARE of them.
OFFICER_MIN: Final = 5


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


def officers(kinds: Mapping[tuple[tuple[str, str], str], int], counts: Mapping[str, int],
             persons: Mapping[str, tuple[str, ...]]) -> frozenset[str]:
    """The persons (of two words or more) the corpus names in :data:`OFFICER_MIN` articles or
    more (``counts``: raw value -> articles; ``persons``: raw value -> what it becomes, where
    that differs), his full names written after a rank (``kinds``: (name, kind) -> articles) in
    :data:`RANKED_SHARE` of them: officers of the police or the armed forces."""
    named: Counter[str] = Counter()
    ranked: Counter[str] = Counter()
    for v, c in counts.items():
        if len(into := persons.get(v, (v,))) == 1:
            named[into[0]] += c
    for ((typ, value), kind), n in kinds.items():
        if typ == "PER" and kind == KIND_PREFIX + RANK and len(
                into := persons.get(value, (value,))) == 1:
            ranked[into[0]] += n
    return frozenset(p for p, n in ranked.items() if " " in p.strip()
                     and named[p] >= OFFICER_MIN and n >= RANKED_SHARE * named[p])


@cache
def _force_re() -> re.Pattern[str]:
    """A word of a police or military body or office, or a rank (``[force]``, ``[rank]``)."""
    words = _words()["force"] | _words()["rank"]
    return re.compile(rf"\b(?:{one_of(words)})\b", re.IGNORECASE)


def off_duty(found: dict[str, tuple[str, ...]], officers: Collection[str], text: str) -> None:
    """Each of one article's persons' names (``found``: name -> what it becomes there, changed
    in place) that is an officer of ``officers`` is no one where the article's ``text``
    (headline and body) writes no word of a police or military body or office and no rank: the
    officer's namesake ("Direktur Kargo ... Garuda Indonesia Mohammad Iqbal")."""
    named = [v for v, into in found.items() if len(into) == 1 and into[0] in officers]
    if named and not _writes_force(text):
        for v in named:
            found[v] = ()


def _writes_force(text: str) -> bool:
    """Whether ``text`` writes a word of a force or a rank, not as a word of a civil office's
    title ("Direktorat Jenderal", "Sekretaris Jenderal": ``[civil]``)."""
    civil = _words()["civil"]
    return any(word_before(text, m.start())[1].lower() not in civil
               for m in _force_re().finditer(text))
