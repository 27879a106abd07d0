"""A place's name written as the first word of a person's name: "juru bicara Turki al-Maliki"
names the Saudi coalition's spokesman, not Turkey; "Victoria Beckham" names no state.

The tagger reads such a word as a place and the rest of the name as the person, whom the map
may show in full. In one article (:func:`places_in_names`, by ``reindex`` and ``add`` alike)
that names a person whose value begins with one of its places' words, a place's mention is
part of a person's name when a person's mention follows it right away and either a name
particle stands between the two ("Turki al-Maliki": the particle is the person's, so the word
before it is his given name) or the place's words and the person's together spell the value
the map gives that person there ("Victoria" + "Beckham"). A particle the person's mention
itself begins with says nothing: "delegasi Indonesia Al Hasan" is a delegation's country and
a man named Al Hasan. Such a mention is dropped, and so is a place every mention of which in
the article is.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any, Final

from indexer.mention_fields import in_fields
from indexer.name_keys import variant_key

# Arabic name particles: a capitalised word before one is a given name, not a place.
PARTICLES: Final = frozenset({"al", "el", "bin", "binti", "bint", "ibn"})
# How far after a place's mention a person's mention may start (" al-").
_GAP_MAX: Final = 6


def _particle(word: str) -> bool:
    return word.lower().rstrip("-").split("-", 1)[0] in PARTICLES


def may_hold(places: Collection[str], persons: Iterable[str]) -> bool:
    """Whether an article naming ``places`` and ``persons`` (as the map makes them) may write
    a place's name as a person's first word: a person's value begins with a word of
    ``places``."""
    return any(p.split(" ", 1)[0] in places for p in persons)


def _gap_particle(gap: str) -> bool:
    """Whether the text between a place's and a person's mention is a name particle."""
    words = gap.replace("-", " ").split()
    return len(words) == 1 and _particle(words[0]) and gap.startswith(" ")


def places_in_names(title: str, body: str, mentions: Iterable[Mapping[str, Any]],
                    person: Callable[[Mapping[str, Any]], str | None],
                    is_place: Callable[[Mapping[str, Any]], bool]) -> set[tuple[str, int]]:
    """The (field, start) of one article's place mentions that begin a person's name written
    right after them. ``person(m)``: the value the map gives the person of mention ``m`` in
    this article (None: ``m`` names no person); ``is_place(m)``: whether ``m`` is a place's."""
    out: set[tuple[str, int]] = set()
    for fld, text, ms in in_fields(title, body, mentions):
        for i, m in enumerate(ms):
            if not is_place(m):
                continue
            for n in ms[i + 1:]:
                if n["start"] > m["end"] + _GAP_MAX:
                    break
                if n["start"] < m["end"] or (name := person(n)) is None:
                    continue
                gap = text[m["end"]:n["start"]]
                written = " ".join(text[m["start"]:n["end"]].split())
                if _gap_particle(gap) or (
                        gap == " " and variant_key(written) == variant_key(name)):
                    out.add((fld, m["start"]))
                break
    return out


def whole_places(mentions: Iterable[Mapping[str, Any]], inside: Collection[tuple[str, int]],
                 place: Callable[[Mapping[str, Any]], str | None]) -> set[str]:
    """The places' raw values every mention of which in the article is in ``inside``
    (``place(m)``: the raw place value of mention ``m``, None if it is no place's)."""
    seen: dict[str, bool] = {}
    for m in mentions:
        v = place(m)
        if v is not None:
            seen[v] = seen.get(v, True) and (m["field"], m["start"]) in inside
    return {v for v, all_in in seen.items() if all_in}
