"""Two persons' names read as one: a run of capitalised words the extractor took for one name
("Cristiano Ronaldo Meets Piers Morgan" in a headline, "Rendi Irwan Osvaldo Haay" in a team
list, "Marvel Studios Kevin Feige"), found by the corpus-level map (:mod:`indexer.entity_norm`).

Such a run holds two names the corpus writes apart, so the name-part rules would make the rarer
name a part of it, and through it of the other person ("Piers Morgan" joining Cristiano
Ronaldo). A person's value of four words or more is a run-on of two names when it is a name of
two words or more, at most one word, then another such name, each written on its own at least
as often as the run, and the two written apart in one article at least that does not write the
run (a long name such as "Johan Budi Sapto Pribowo" is written as one person's, and
shortened, in the same articles). The map makes a run-on the two persons, as it does a ticket
"A-B".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

from indexer.name_keys import most_written, name_words, variant_key

# A run-on has this many words at least; each of its names two or more; at most this many
# words between them.
RUN_WORDS_MIN: Final = 4
GAP_MAX: Final = 1


def _splits(key: str) -> Iterable[tuple[str, str]]:
    words = key.split(" ")
    for i in range(2, len(words) - 1):
        for gap in range(GAP_MAX + 1):
            if len(words) - i - gap >= 2:
                yield " ".join(words[:i]), " ".join(words[i + gap:])


def run_ons(counts: Mapping[str, int], contexts: Iterable[Iterable[str]]
            ) -> dict[str, tuple[str, str]]:
    """Persons' values (``counts``: value -> articles) that are two others' names run together
    -> those two values (each the most written spelling of its name). ``contexts``: each
    article's values (of every type)."""
    keyed = most_written(counts)
    candidates: dict[str, tuple[str, str]] = {}
    for v, n in counts.items():
        key = variant_key(v)
        if key.count(" ") + 1 < RUN_WORDS_MIN:
            continue
        for a, b in _splits(key):
            x, y = keyed.get(a), keyed.get(b)
            if x is not None and y is not None and x != y and min(counts[x], counts[y]) >= n:
                candidates[v] = (x, y)
                break
    if not candidates:
        return {}
    pairs: dict[frozenset[str], list[str]] = {}
    for v, halves in candidates.items():
        pairs.setdefault(frozenset(halves), []).append(v)
    wanted = {h for v, halves in candidates.items() for h in halves}
    wanted_keys = {k for k, v in keyed.items() if v in wanted}
    apart: set[str] = set()
    for values in contexts:
        keys = set(map(variant_key, values))
        if len(keys & wanted_keys) < 2:  # no two halves of one run-on
            continue
        found = [keyed[k] for k in keys if k in wanted_keys]
        for i, x in enumerate(found):
            for y in found[i + 1:]:
                apart.update(v for v in pairs.get(frozenset((x, y)), ())
                             if variant_key(v) not in keys)
    return {v: candidates[v] for v in sorted(apart)}


def halves_written(surface: str, halves: tuple[str, ...]) -> tuple[str, ...]:
    """The persons of a run-on (or ticket) a mention of it names: a mention of one word names
    the halves with that word ("Marvel" after "Marvel Studios Kevin Feige"), else all."""
    words = name_words(surface)
    if len(words) != 1:
        return halves
    return tuple(h for h in halves if words[0] in name_words(h)) or halves
