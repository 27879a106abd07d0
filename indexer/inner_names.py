"""A person's name written, in one article, only inside the name of a place, a body or a work
named after him: "Jalan Ahmad Yani", "Bandara Ahmad Yani" are a street and an airport, and the
article that names only them names no person; the Transport Ministry's director Ahmad Yani in
another article is still a person.

Over the whole corpus, a name mostly written so is no person anywhere
(:func:`~indexer.name_kinds.kind_votes`); a hero's name shared by streets and by living people
is not, and each article tells which it writes. When the map is computed
(:func:`inner_values`) it keeps the persons' names the corpus ever writes after such a word
(``data/kind_words.txt``: [named] "jalan", "bandara", "universitas"; [school] "mazhab",
"UIN"; [thing] "berjudul", "memerankan"); when an article is written (:func:`inner_only`, by
``reindex`` and ``add`` alike, :meth:`~indexer.entity_map.EntityMap.entities_in`), such a
name every mention of which follows such a word beginning a name (not "Direktur Angkutan Jalan
X", an office) is no one there.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Any, Final

from indexer.name_kinds import kind_before
from indexer.words import word_before

# The kinds of word after which a person's name is part of another thing's name.
SCHOOL: Final = "school"
INNER_KINDS: Final = frozenset({"named", "thing", "role", SCHOOL})


def inner_values(kinds: Mapping[tuple[tuple[str, str], str], int]) -> frozenset[str]:
    """Persons' raw values written right after a word of :data:`INNER_KINDS` in an article
    (``kinds``: ((type, value), kind) -> articles)."""
    return frozenset(v for ((typ, v), kind) in kinds if typ == "PER" and kind in INNER_KINDS)


def inner_only(title: str, body: str, mentions: Iterable[Mapping[str, Any]],
               inner: Collection[str]) -> frozenset[str]:
    """The persons' values of one article (``mentions``: dicts with type, name, field, start)
    among ``inner`` (:func:`inner_values`) whose every mention there follows a word of
    :data:`INNER_KINDS`."""
    inside: dict[str, bool] = {}
    for m in mentions:
        name = m["name"]
        if m["type"] != "PER" or name not in inner or inside.get(name) is False:
            continue
        text = title if m["field"] == "title" else body
        inside[name] = inside_name(text, m["start"])
    return frozenset(v for v, yes in inside.items() if yes)


def inside_name(text: str, start: int) -> bool:
    """Whether the name at ``text[start]`` follows a word of :data:`INNER_KINDS` that begins a
    name: not one inside an office's name ("Direktur Angkutan Jalan Budi Setiyadi"). A school's
    word ("UIN") ends no office's name: after it, the name is the school's wherever it stands
    ("Guru Besar UIN Sunan Kalijaga")."""
    kind = kind_before(text, start)
    if kind not in INNER_KINDS:
        return False
    at, _ = word_before(text, start)
    return kind == SCHOOL or not word_before(text, at)[1][:1].isupper()
