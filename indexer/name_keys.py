"""Keys under which spellings of one facet value meet: case, apostrophes and spacing
(:func:`variant_key`), the pre-1972 spelling (:func:`spelling_key`), the words of a name and
whether one name holds another's (:func:`in_order`, :func:`covers`), and the two sides of a
ticket "A-B" (:func:`ticket_halves`). Pure functions, used by the corpus-level map
(:mod:`indexer.entity_norm`), its rules (:mod:`indexer.variant_joins`,
:mod:`indexer.name_parts`, ...), filters and reports.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from typing import Final

from indexer.entities.facts import DATA, read_lines

_APOSTROPHES: Final = str.maketrans(dict.fromkeys("'’‘`´ʼ", None))
_HYPHEN_RE: Final = re.compile(r"\s*-\s*")
_SPACES_RE: Final = re.compile(r"\s+")
# "A-B" with a capital letter on both sides of one hyphen: a candidate ticket.
_TICKET_RE: Final = re.compile(r"^([^-]*\w)\s?-\s?([A-Z][^-]*)$")


# The map's rules key each value several times over (~6 calls per distinct value on the 22k
# corpus): remembered, the map costs ~20% less. Bounded, as filters key what users type.
@lru_cache(maxsize=1 << 17)
def variant_key(value: str) -> str:
    """The form two spellings of one value share: case, apostrophes and spacing ignored."""
    v = _HYPHEN_RE.sub("-", value.translate(_APOSTROPHES))
    return _SPACES_RE.sub(" ", v).strip().casefold()


def most_written(counts: Mapping[str, int]) -> dict[str, str]:
    """Each variant key of ``counts``' values (value -> articles) -> its most written value
    (the first in order of value on a tie)."""
    out: dict[str, str] = {}
    for v in sorted(counts, key=lambda v: (-counts[v], v)):
        out.setdefault(variant_key(v), v)
    return out


def category_key(value: str) -> str:
    return _SPACES_RE.sub(" ", value).strip().casefold()


# Each of the map's rules reads a value's words again (~10 times a value): remembered, like
# the keys below.
@lru_cache(maxsize=1 << 17)
def name_words(value: str) -> tuple[str, ...]:
    return tuple(variant_key(value).split(" "))


def in_order(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """Every word of ``part`` appears in ``whole``, in the same order."""
    it = iter(whole)
    return all(w in it for w in part)


def initial(word: str) -> str | None:
    """The letter a one-letter word of a name stands for ("m", "m."), else None."""
    w = word.rstrip(".")
    return w if len(w) == 1 and w.isalpha() else None


def covers(whole: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """``whole`` holds every word of ``part`` in order, a one-letter word of ``part`` standing
    for a word of ``whole`` that it begins ("m" for "muhammad")."""
    it = iter(whole)
    for w in part:
        letter = initial(w)
        if not any(u == w or (letter is not None and u.startswith(letter)) for u in it):
            return False
    return True


# Pre-1972 spelling (Ejaan Republik / van Ophuijsen) as today's: names keep the old letters.
OLD_SPELLING: Final = (("oe", "u"), ("dj", "j"), ("tj", "c"), ("sj", "sy"), ("nj", "ny"),
                        ("ch", "kh"))
# German's "ue" for "ü" between consonants, which Indonesian news writes both ways ("Muenchen",
# "Munchen"); not a "ue" of Chinese names ("Xue") or Acehnese ones ("Bireuen").
_GERMAN_UE_RE: Final = re.compile(r"(?<=[b-df-hj-np-tv-z])ue(?=[b-df-hj-np-tv-z])")
# A name's last word "Jr" or "Jr.", after a word of it: "Junior" written short.
_JUNIOR_RE: Final = re.compile(r"(?:^|(?<= ))jr\.?$")


@cache
def _name_spellings() -> dict[str, str]:
    """A given name's spelling or short form -> the form it is read as
    (``data/name_spellings.txt``)."""
    out: dict[str, str] = {}
    for line in read_lines(DATA / "name_spellings.txt"):
        words = line.split()
        for w in words:
            out.setdefault(w, words[0])
    return out


def _today(key: str) -> str:
    for old, new in OLD_SPELLING:
        key = key.replace(old, new)
    return key


@lru_cache(maxsize=1 << 17)
def spelt_words(value: str) -> tuple[str, ...]:
    """The words of a name with the old spelling read as today's."""
    return tuple(_today(variant_key(value)).split(" "))


@lru_cache(maxsize=1 << 17)
def spelling_key(value: str) -> str:
    """The key under which the spellings of one whole name meet: the variant key with the old
    spelling read as today's ("soeharto" -> "suharto"), German's "ue" as "u", and a first
    name's spellings and short forms as one (``data/name_spellings.txt``: "m", "mohamad" ->
    "muhammad"; "mike" -> "michael"). Only the first word: a one-letter word after it is any
    name's initial. A last word "Jr" is "Junior" ("Neymar Jr", "Neymar Junior")."""
    first, sep, rest = variant_key(value).partition(" ")
    key = _name_spellings().get(first.rstrip("."), first) + sep + _JUNIOR_RE.sub("junior", rest)
    return _GERMAN_UE_RE.sub("u", _today(key))


# Letters Indonesian news writes a name's sound with either way: "z" or "s" (Aziz, Azis), "ie"
# or "i" (Syarief, Syarif), "dh"/"th"/"kh" or the bare letter (Ramadhan, Ramadan), and a letter
# doubled or not (Syamsuddin, Syamsudin).
_LOOSE: Final = (("z", "s"), ("ie", "i"), ("dh", "d"), ("th", "t"), ("kh", "h"))
_DOUBLED_RE: Final = re.compile(r"(\w)\1+")


def undoubled(key: str) -> str:
    """``key`` with each letter written twice or more in a row written once ("Mohammad",
    "Syamsuddin"): the one rule of doubled letters."""
    return _DOUBLED_RE.sub(r"\1", key)


@lru_cache(maxsize=1 << 17)
def loose_words(value: str) -> tuple[str, ...]:
    """The words of a name as :func:`spelling_key` reads them, with the letters a name's sound
    is written either way read one way (:data:`_LOOSE`): the key under which the spellings of
    a name meet that only the corpus can tell apart from two names."""
    key = spelling_key(value)
    for a, b in _LOOSE:
        key = key.replace(a, b)
    return tuple(undoubled(key).split(" "))


def word_variants(values: Iterable[str]) -> dict[str, str]:
    """Words of persons' names (as :func:`spelt_words` has them) -> the one spelling of their
    loose form (:func:`loose_words`) the corpus shows them to share: two names of two words or
    more equal but for that word, read loosely the same ("Laode Syarief", "Laode Syarif":
    "syarief" -> "syarif"). A loose form the corpus never shows so stays two names ("Fahri",
    "Fakhri")."""
    seen: dict[tuple[int, tuple[str, ...], str], set[str]] = {}
    for v in values:
        spelt, loose = spelt_words(v), loose_words(v)
        if len(spelt) < 2 or len(spelt) != len(loose):
            continue
        for i, w in enumerate(spelt):
            if initial(w) is None:  # an initial stands for any word it begins
                seen.setdefault((i, spelt[:i] + spelt[i + 1:], loose[i]), set()).add(w)
    parent: dict[str, str] = {}

    def find(w: str) -> str:
        while parent.get(w, w) != w:
            w = parent[w]
        return w

    for words in seen.values():
        if len(words) > 1:
            for w in words:
                parent.setdefault(w, w)
            first, *rest = sorted(words)
            for w in rest:
                a, b = sorted((find(first), find(w)))
                parent[b] = a
    return {w: find(w) for w in parent}


def ticket_halves(value: str) -> tuple[str, str] | None:
    """The two sides of "A-B" when it has the shape of a ticket (both sides capitalised)."""
    m = _TICKET_RE.match(value.strip())
    if m is None or not m.group(1)[:1].isupper():
        return None
    return m.group(1).strip(), m.group(2).strip()
