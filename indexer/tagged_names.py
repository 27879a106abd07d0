"""A person's name written with a tag that is no part of it: the group or club the person
belongs to after the name ("Jungkook BTS", "Karius Besiktas"), or an office's short form
before it that the extractor does not know as a title because it is misspelt or compounded
("Menpupera Basuki Hadimuljono", "Sesmenpora Gatot S Dewa Broto"). Such a value is the
person's: :func:`join_group_tails` joins it to the name it tags, and :func:`office_word` is
read by :func:`~indexer.extra_words.join_title_cuts` beside the words of organisations' names.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import cache
from typing import Final

from indexer.entities.facts import DATA, TITLES, read_lines
from indexer.entity_groups import Groups, group_counts, merge_groups
from indexer.name_keys import name_words, variant_key

# An office's short form is this long at least ("menpora"; not "bupati", which given names are
# one letter from: "Supati"), and so is a title it may be a misspelling of.
OFFICE_WORD_MIN: Final = 7


def deletions(word: str) -> set[str]:
    """``word`` and each form of it with one letter left out: two words one letter apart (one
    more, less, other or two swapped) share one."""
    return {word[:i] + word[i + 1:] for i in range(len(word))} | {word}


@cache
def _office_facts() -> tuple[tuple[str, ...], frozenset[str]]:
    """How offices' short forms begin (``data/office_heads.txt``), and every form of the long
    titles with one letter left out."""
    heads = tuple(read_lines(DATA / "office_heads.txt"))
    titles = (t for t in TITLES if len(t) >= OFFICE_WORD_MIN and t.isalpha())
    return heads, frozenset(d for t in titles for d in deletions(t))


@cache
def office_word(word: str) -> bool:
    """Whether ``word`` (lower case) is an office's short form the titles do not list: begun as
    an office's ("menpupera", "sesmenpora": the minister's secretary), or a long title with a
    letter more, less, other or swapped ("presidan")."""
    if not word.isalpha() or len(word) < OFFICE_WORD_MIN or word in TITLES:
        return False
    heads, cut = _office_facts()
    return word.startswith(heads) or not cut.isdisjoint(deletions(word))


def join_group_tails(groups: Groups, org_values: Collection[str],
                     dropped: Collection[str] = ()) -> set[str]:
    """A person's name made of another person's name, written at least as often, and then an
    organisation's whole name (``org_values``, variant keys), which is no person's name, joins
    that person: "Jungkook BTS" ~ Jungkook, "Eunhyuk Super Junior" ~ Eunhyuk. Not where that
    person's name is no facet value (``dropped``, groups' roots: "Lisa", a first name of many,
    or "Dewi" of "Dewi Perssik", whose surname is also a misspelt club's), nor where its group
    is shown as a name without its words. Returns every such name, which is never shown as
    its group's name."""
    if not org_values:
        return set()
    totals = group_counts(groups)
    by_words: dict[tuple[str, ...], str] = {}
    for v in sorted(groups.counts, key=lambda v: (-groups.counts[v], v)):
        by_words.setdefault(name_words(v), v)
    persons = {variant_key(v) for v in groups.counts}
    shown: dict[str, str] = {}  # a group's root -> its full name written most
    for v in sorted(groups.counts, key=lambda v: (" " not in v.strip(), -groups.counts[v], v)):
        shown.setdefault(groups.find(v), v)
    tagged: set[tuple[str, ...]] = set()
    for v in sorted(groups.counts):
        words = name_words(v)
        for k in range(len(words) - 1, 0, -1):  # the longest name first
            tail = " ".join(words[k:])
            head = by_words.get(words[:k])
            if head is None or tail not in org_values or tail in persons:
                continue
            # Already one group, the name is the person's full name ("Joaquin Phoenix"); a
            # name joined to another it is no word of is somebody else's ("Jisung", of NCT,
            # beside the actor Ji Sung).
            root, other = groups.find(v), groups.find(head)
            if root != other and other not in dropped and totals[other] >= totals[root] \
                    and set(words[:k]) <= set(name_words(shown[other])):
                merge_groups(groups, totals, other, root)
                tagged.add(words)
            break
    return {v for v in groups.counts if name_words(v) in tagged}
