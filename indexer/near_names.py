"""Two more joins of the corpus-level map (:mod:`indexer.entity_norm`), of names near another:

* **misspelt persons' names** (:func:`join_misspellings`): a person's name of two words or more
  that differs from a name written :data:`MISSPELLING_DOMINANCE` times as often by one letter
  (left out, added or changed) in one word of seven letters or more joins it ("Baharuddin Jusuf
  Habibie" ~ Bacharuddin, "Nawawi Pamolango" ~ Pomolango, "Airlangga Hartato" ~ Hartarto).
  Shorter words are often two names ("Iman", "Imam");
* **clubs without their club word** (:func:`join_club_names`): an organisation "X" joins the
  one organisation "X <club word>" or "<club word> X" (``data/club_context.txt``: Norwich ~
  Norwich City, Barito ~ Barito Putera, Dortmund ~ Borussia Dortmund, Sociedad ~ Real
  Sociedad) more frequent than it, when no other such name has a tenth of its articles
  (Milan: AC Milan and Inter Milan).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Final

from indexer.entities.facts import CLUB_FIRST, CLUB_SUFFIXES
from indexer.entity_groups import RIVAL_MIN, Groups, _group_counts, _merge
from indexer.name_keys import name_words

MISSPELLING_DOMINANCE: Final = 3
MISSPELT_WORD_MIN: Final = 7
# A rival club name has this share of the articles of the one a bare name would join.
CLUB_RIVAL_SHARE: Final = 0.1


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))} | {word}


def join_misspellings(groups: Groups) -> None:
    """Persons' names one letter apart in one long word join the one written most."""
    totals = _group_counts(groups)
    by_key: dict[tuple[int, tuple[str, ...]], set[str]] = defaultdict(set)
    for v in groups.counts:
        words = name_words(v)
        if len(words) < 2:
            continue
        for i, w in enumerate(words):
            if len(w) >= MISSPELT_WORD_MIN - 1:
                for d in _deletions(w):
                    by_key[(i, words[:i] + (d,) + words[i + 1 :])].add(v)
    for v in sorted(groups.counts, key=lambda v: (totals[groups.find(v)], v)):
        root = groups.find(v)
        words = name_words(v)
        near = set()
        for i, w in enumerate(words):
            if len(w) < MISSPELT_WORD_MIN - 1:
                continue
            for d in _deletions(w):
                for u in by_key.get((i, words[:i] + (d,) + words[i + 1 :]), ()):
                    if max(len(w), len(name_words(u)[i])) >= MISSPELT_WORD_MIN:
                        near.add(groups.find(u))
        near.discard(root)
        if near:
            best = min(near, key=lambda g: (-totals[g], g))
            if totals[best] >= MISSPELLING_DOMINANCE * totals[root]:
                _merge(groups, totals, best, root)


def join_club_names(groups: Groups) -> None:
    """A club's name without its club word joins the one name with it."""
    totals = _group_counts(groups)
    by_key: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for v in groups.counts:
        words = name_words(v)
        if len(words) == 2 and words[1] in CLUB_SUFFIXES:
            by_key[words[:1]].add(v)
        if len(words) >= 2 and words[0] in CLUB_FIRST:
            by_key[words[1:]].add(v)
    for v in sorted(groups.counts, key=lambda v: (totals[groups.find(v)], v)):
        root = groups.find(v)
        found = {groups.find(u) for u in by_key.get(name_words(v), ())} - {root}
        if not found:
            continue
        best = min(found, key=lambda g: (-totals[g], g))
        rivals = [g for g in found if g != best
                  and totals[g] >= max(RIVAL_MIN, CLUB_RIVAL_SHARE * totals[best])]
        if not rivals and totals[best] > totals[root]:
            _merge(groups, totals, best, root)
