"""Bodies that exist once per region (``data/regional_units.txt``: Dinas, DPRD, BPBD, Polres,
...), whose name says where they are only when the text adds the place.

:func:`unit_seats` (a pass over one text's mentions): a regional body's name followed by the
place or the regional command it serves is one organisation, where the tagger found two
mentions ("Dinas Perhubungan" + "DKI Jakarta", "Ditlantas" + "Polda Metro Jaya", also past the
body's short form: "Dinas Perhubungan (Dishub) DKI Jakarta"). The corpus-level map drops what
stays bare (:mod:`indexer.generic_values`).
"""

from __future__ import annotations

from functools import cache

from indexer.entities.facts import DATA, read_lines
from indexer.entities.names import Entity, normalised
from indexer.entities.runs import SHORT_DEF_RE


@cache
def regional_heads() -> tuple[tuple[str, ...], ...]:
    """The heads of the file, as lower-case words; a last word "x*" stands for any word
    beginning with "x"."""
    return tuple(tuple(ln.lower().split()) for ln in read_lines(DATA / "regional_units.txt"))


def _starts_with(words: tuple[str, ...] | list[str], head: tuple[str, ...]) -> bool:
    if len(words) < len(head):
        return False
    *whole, last = head
    if tuple(words[: len(whole)]) != tuple(whole):
        return False
    word = words[len(whole)]
    return word.startswith(last[:-1]) if last.endswith("*") else word == last


def _words(name: str) -> list[str]:
    return name.lower().split()


@cache
def first_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """The heads' first words, and the beginnings of words that stand for one ("dishub*")."""
    heads = regional_heads()
    return (frozenset(h[0] for h in heads if not h[0].endswith("*")),
            tuple(h[0][:-1] for h in heads if h[0].endswith("*")))


def _may_begin(first: str) -> bool:
    """A quick look at a name's first word (lower case): can it begin a regional body's?"""
    words, prefixes = first_words()
    return first in words or first.startswith(prefixes)


def _may_head(name: str) -> bool:
    return _may_begin(name.split(" ", 1)[0].lower())


def regional_head(words: tuple[str, ...] | list[str]) -> bool:
    """Whether a name (its lower-case words) begins with the head of a regional body."""
    return bool(words) and _may_begin(words[0]) and any(
        _starts_with(words, head) for head in regional_heads())


def unit_seats(text: str, entities: list[Entity]) -> list[Entity]:
    """A regional body's organisation mention and the place or regional command right after
    it ("Dinas Kesehatan Kota Depok", "Ditlantas Polda Metro Jaya") as one organisation."""
    # Most texts name no regional body: one look at each organisation's first word.
    if not any(e.type == "ORG" and _may_head(e.name) for e in entities[:-1]):
        return entities
    out: list[Entity] = []
    for ent in entities:
        prev = out[-1] if out else None
        if prev is not None and prev.type == "ORG" and ent.type != "PER":
            short = SHORT_DEF_RE.match(text, prev.end)
            gap = prev.end if short is None else short.end()
            if (ent.start == gap + 1 and text[gap] == " " and regional_head(_words(prev.name))
                    and (ent.type == "LOC" or regional_head(_words(ent.name)))):
                name = normalised(f"{prev.name} {text[ent.start : ent.end]}", "ORG")[0]
                out[-1] = Entity(name, "ORG", prev.start, ent.end)
                continue
        out.append(ent)
    return out
