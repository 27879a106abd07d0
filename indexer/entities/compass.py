"""A place's name and the point of the compass written right after it are one place
(``facts.COMPASS``): "Irlandia Utara", "Papua Barat", "Sulawesi selatan", "Maluku Barat Daya".

The tagger often ends the place before the point ("Irlandia" of "Irlandia Utara"), and never
takes a lower-case word ("Sulawesi selatan"); either way the mention named the short place, a
different one. :func:`compass_places` gives the mention the whole name as written: first the
capitalised points (so that the passes after see the whole place: "Dinas Perhubungan Jakarta
Timur"), then, last, the lower-case ones, which no pass should read as a name. A name that ends
in a lower-case point is only a candidate: the corpus-level map (:mod:`indexer.entity_norm`)
shows it as the corpus writes it capitalised ("Sulawesi Selatan"), and where the corpus never
does, as the place before the point: the point is then a direction inside it ("Norwegia
utara") or no point at all ("Indonesia tengah menghadapi ...": "tengah" is also "now").
"""

from __future__ import annotations

import re

from indexer.entities.facts import COMPASS, HALF_WINDS
from indexer.entities.names import Entity, normalised

# One space, then a whole word of letters (not "Utara-nya", not "utara2").
_NEXT_WORD_RE = re.compile(r" ([^\W\d_]+)(?![\w-])")
# A name ends in at most this many points ("Barat Daya").
_MOST = 2
# The points that can follow a place alone.
_AFTER_PLACE = COMPASS - HALF_WINDS
# The points' first letters in either case: a word that begins with none of them is none (no
# other character lower-cases to one of them).
INITIALS_EITHER_CASE = frozenset(w[0] for w in COMPASS) | frozenset(w[0].upper() for w in COMPASS)


# A value's ending in a lower-case point: one space, then the point.
_LOWER_POINTS = tuple(f" {w}" for w in sorted(COMPASS))


def ends_lower_compass(value: str) -> bool:
    """Whether a place's value ends in a lower-case point of the compass ("Jawa tengah")."""
    return value.endswith(_LOWER_POINTS)


def before_lower_compass(value: str) -> str:
    """The place before a value's lower-case points ("Maluku" of "Maluku barat daya")."""
    while ends_lower_compass(value):
        value = value.rsplit(" ", 1)[0]
    return value


def point_after(text: str, end: int) -> bool:
    """Whether a capitalised point of the compass that can follow a place follows
    ``text[:end]`` (lower case, it may be no point: "tengah" is also "now")."""
    m = _NEXT_WORD_RE.match(text, end)
    return m is not None and m.group(1)[0].isupper() and m.group(1).lower() in _AFTER_PLACE


def compass_points_after(text: str, ent: Entity, entities: list[Entity], k: int,
            lower: bool) -> tuple[int, int]:
    """Where the points after place ``entities[k]`` end, and the index of the first mention
    after them. A mention inside the points is taken in ("Utara" tagged alone); one that goes
    on past them ends them before it."""
    end, j = ent.end, k + 1
    words = text[ent.start : ent.end].lower().split()
    taken = 0  # the points the name ends in already ("Nusa Tenggara" + "Timur")
    while taken < len(words) - 1 and words[-1 - taken] in COMPASS:
        taken += 1
    last = words[-1] if words else ""
    while taken < _MOST:
        m = _NEXT_WORD_RE.match(text, end)
        if m is None:
            break
        word = m.group(1)
        low = word.lower()
        if ((not lower and word == low) or low not in COMPASS
                or (low in HALF_WINDS and last not in COMPASS)):
            break
        inside = j
        while inside < len(entities) and entities[inside].start < m.end():
            if entities[inside].end > m.end():
                return end, j
            inside += 1
        end, j, taken, last = m.end(), inside, taken + 1, low
    return end, j


def with_points(text: str, ent: Entity, end: int) -> Entity:
    """Place ``ent`` taken on to ``end`` over the points of the compass written after it."""
    if text[ent.end + 1 : end].islower():
        # a candidate: the mention's own value before the points, which the corpus-level map
        # falls back to ("Jabar tengah" is "Jawa Barat tengah")
        return Entity(f"{ent.name}{text[ent.end : end]}", "LOC", ent.start, end)
    name, typ = normalised(text[ent.start : end], "LOC")
    return Entity(name, typ, ent.start, end)


def compass_places(text: str, entities: list[Entity], lower: bool = False) -> list[Entity]:
    """Each place mention followed by one or two capitalised points of the compass (with
    ``lower``, in any case) as the place they name together. ``entities`` itself where none is
    (most texts): the list is copied only from the first place that changes."""
    out: list[Entity] | None = None
    k = 0
    while k < len(entities):
        ent = entities[k]
        if ent.type != "LOC" or text[ent.end : ent.end + 1] != " " \
                or text[ent.end + 1 : ent.end + 2] not in INITIALS_EITHER_CASE:
            if out is not None:
                out.append(ent)
            k += 1
            continue
        end, nxt = compass_points_after(text, ent, entities, k, lower)
        if end == ent.end:  # no point after it, and so nxt == k + 1
            if out is not None:
                out.append(ent)
        else:
            if out is None:
                out = entities[:k]
            out.append(with_points(text, ent, end))
        k = max(nxt, k + 1)
    return entities if out is None else out
