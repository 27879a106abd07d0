"""An article's entity mentions, from its headline and its body, each saying which field it is in.

The extractor reads running text well, but a headline in Title Case capitalises every word, so
verbs run into names there ("Jokowi Melayat", "Rey Utami Ditahan"). A headline mention
therefore counts only when the article or a known fact confirms it:

* the body names it (by value, by the words written, or as the one full person name of the
  body with that word): it takes the body's type and value;
* it is one word the extractor turned into a known name (an alias: "Jokowi" -> Joko Widodo);
* else the longest run of its words (leftmost first) that the body names ("Jokowi Melayat" ->
  the body's Joko Widodo).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import fields
from typing import Protocol

from indexer import schema as S
from indexer._ner import field_mentions
from indexer.entities import Entity, drop_defined_otherwise, extract_entities, text_entities
from indexer.entities.compass import before_lower_compass, ends_lower_compass, point_after
from indexer.name_keys import variant_key
from indexer.org_cues import other_things

TITLE = "title"
BODY = "body"

# variant_key of the hot path, remembered by value in a plain dict (emptied when full): the same
# names and surfaces recur across articles, and a hit in a dict touches less memory than one in
# an lru_cache, which also moves the entry in its list (most hits are cache misses of the CPU).
_VARIANT_KEYS: dict[str, str] = {}
_MAX_VARIANT_KEYS = 1 << 16


def _variant_key(value: str) -> str:
    if value.isascii() and value.isprintable() and "'" not in value and "-" not in value \
            and "`" not in value and "  " not in value and value[:1] != " " and value[-1:] != " ":
        # Most values: printable ASCII (no whitespace but " "), no apostrophe, no hyphen, single
        # spaces inside, where variant_key only lower-cases (ASCII casefold); no memo needed.
        return value.lower()
    key = _VARIANT_KEYS.get(value)
    if key is None:
        if len(_VARIANT_KEYS) >= _MAX_VARIANT_KEYS:
            _VARIANT_KEYS.clear()
        key = _VARIANT_KEYS[value] = variant_key(value)
    return key

# Setters of Mention's slots, in field order: its frozen dataclass __init__ reaches them through
# one object.__setattr__ call each, which takes twice as long (one Mention per mention found).
_MENTION_SLOTS = tuple(S.Mention.__dict__[f.name].__set__ for f in fields(S.Mention))


def make_mention(typ: str, name: str, field: str, start: int, end: int) -> S.Mention:
    """``S.Mention(typ, name, field, start, end)`` for the hot path."""
    m = object.__new__(S.Mention)
    set_type, set_name, set_field, set_start, set_end = _MENTION_SLOTS
    set_type(m, typ)
    set_name(m, name)
    set_field(m, field)
    set_start(m, start)
    set_end(m, end)
    return m


def article_mentions(title: str, body: str) -> list[S.Mention]:
    """The mentions of an article: the headline's (``title`` may be "") first, then the body's."""
    found, defined = text_entities(body)
    body_mentions: list[S.Mention] = field_mentions(S.Mention, found, BODY)
    in_title = extract_entities(title) if title else []
    if in_title:
        # An acronym the body defines as other words than its alias is not the alias in the
        # headline either ("RUU PKS" over "... Penghapusan Kekerasan Seksual (PKS)").
        in_title = drop_defined_otherwise(title, in_title, defined)
        known = _BodyKeys(body, found)
        heads = [_confirmed(title, e.type, e.name, e.start, e.end, known) for e in in_title]
        out = [m for m in heads if m is not None] + body_mentions
    else:
        out = body_mentions
    # an organisation's name written as a person's or a work's there (:mod:`indexer.org_cues`)
    other = other_things(title, body, out)
    return [m for m in out if (m.field, m.start) not in other] if other else out


class _Lookup(Protocol):
    def get(self, key: str, /) -> tuple[str, str] | None: ...


def _confirmed(title: str, typ: str, name: str, start: int, end: int,
               known: _Lookup) -> S.Mention | None:
    surface = title[start:end]
    hit = known.get(_variant_key(name)) or known.get(_variant_key(surface))
    if hit is not None:
        return make_mention(hit[0], hit[1], TITLE, start, end)
    if " " not in surface and name != surface:
        return make_mention(typ, name, TITLE, start, end)
    for s, e in _word_runs(title, start, end):
        hit = known.get(_variant_key(title[s:e]))
        # not a place cut before its point ("Maluku" of "Maluku Tengah")
        if hit is not None and not (hit[0] == "LOC" and point_after(title, e)):
            return make_mention(hit[0], hit[1], TITLE, s, e)
    return None


class _BodyKeys:
    """The body's mentions as a headline looks them up: the variant key of each value and surface
    -> (type, value), first one first; then each word (3+ letters) of the body's full person
    names -> that person, when only one of them has it ("Habibie" in a headline is the body's
    Bacharuddin Jusuf Habibie). Keys are made only as far into the body as a lookup needs: most
    headline names are among the body's first mentions. A value's key (and its words) is made
    once however often it is written; a surface that is its value's own letters (most are) is
    not copied out of the body."""

    __slots__ = ("_body", "_found", "_at", "_known", "_values", "_surfaces", "_people", "_owner")

    def __init__(self, body: str, found: list[Entity]) -> None:
        self._body = body
        self._found = found
        self._at = 0  # the mentions before it have their keys in _known
        self._known: dict[str, tuple[str, str]] = {}
        self._values: set[str] = set()
        self._surfaces: set[str] = set()
        self._people: set[str] = set()
        self._owner: dict[str, str | None] = {}

    def get(self, key: str) -> tuple[str, str] | None:
        known = self._known
        hit = known.get(key)
        found = self._found
        if hit is not None or self._at > len(found):
            return hit
        body, values, surfaces, people, owner = (
            self._body, self._values, self._surfaces, self._people, self._owner)
        while self._at < len(found):
            e = found[self._at]
            self._at += 1
            name = e.name
            value_key = None
            if name not in values:
                values.add(name)
                value_key = _variant_key(name)
                known.setdefault(value_key, (e.type, name))
                if ends_lower_compass(name):  # "Norwegia utara" in the body confirms "Norwegia"
                    short = before_lower_compass(name)
                    known.setdefault(_variant_key(short), (e.type, short))
            if e.type == "PER" and " " in name and name not in people:
                people.add(name)
                for w in (value_key or _variant_key(name)).split(" "):
                    if len(w) >= 3:
                        owner[w] = name if owner.get(w, name) == name else None
            start, end = e.start, e.end
            if end - start != len(name) or not body.startswith(name, start):
                surface = body[start:end]
                if surface not in surfaces:
                    surfaces.add(surface)
                    known.setdefault(_variant_key(surface), (e.type, name))
            hit = known.get(key)
            if hit is not None:
                return hit
        self._at += 1  # past the end: the person words are in
        for w, person in owner.items():
            if person is not None:
                known.setdefault(w, ("PER", person))
        return known.get(key)


def _word_runs(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Offsets of the runs of words of ``text[start:end]`` shorter than all of it, longest
    first, leftmost first."""
    words, at = [], start
    for w in text[start:end].split(" "):
        if w:
            words.append((at, at + len(w)))
        at += len(w) + 1
    for n in range(len(words) - 1, 0, -1):
        for i in range(len(words) - n + 1):
            yield words[i][0], words[i + n - 1][1]


def entity_values(mentions: Iterable[S.Mention]) -> dict[str, tuple[str, ...]]:
    """Entity type -> its distinct values in the article, first mentioned first."""
    out: dict[str, dict[str, None]] = {t: {} for t in S.ENTITY_TYPES}
    for m in mentions:
        bucket = out.get(m.type)
        if bucket is not None:
            bucket[m.name] = None
    return {t: tuple(v) for t, v in out.items()}
