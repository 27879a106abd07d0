"""Parts of persons' names (:func:`join_name_parts`): a name joins the one longer name that
covers it, a bare surname or first name the one person it mostly stands for; a word of several
people's names none of whom it mostly stands for is dropped."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Mapping, Sequence
from typing import Final

from indexer.entities.facts import COMMON_NAME_PARTS, INITIALS_MAX
from indexer.entity_groups import (
    DOMINANCE,
    RIVAL_MIN,
    Groups,
    dominant,
    group_counts,
    merge_groups,
)
from indexer.name_keys import covers, initial, spelt_words, word_variants
from indexer.variant_joins import SidedJoins

# How much more often than all other names holding it the one person a bare surname joins is
# named (Bacharuddin Jusuf Habibie beside Thareq Kemal, Ilham Akbar, Ainun Habibie, ...).
SURNAME_DOMINANCE: Final = 2


def join_name_parts(groups: Groups, linked: Collection[str] = (),
                    sides: Mapping[str, bool] | None = None) -> set[str]:
    """Join person names to the one longer name they are part of; return the groups of bare
    first names shared by several full names (no facet values on their own). ``linked``:
    one-word names the words around them link to a person (:func:`~indexer.name_evidence.
    linked_words`): his, not parts of other names. ``sides``: whether a full name is an
    officer's (:func:`~indexer.person_marks.rank_sides`): an officer's group and another
    person's do not join."""
    apart = {groups.find(v) for v in linked if v in groups.parent}
    sided = SidedJoins(groups, sides or {})

    def join(one: str, root: str) -> None:
        sided.join(one, root, lambda a, b: merge_groups(groups, totals, a, b))

    roots = {groups.find(v) for v in groups.counts} - apart
    # Words as today's spelling writes them, and as one where the corpus writes a word of a
    # name both ways (:func:`~indexer.name_keys.word_variants`): a group's spellings share
    # them, whichever is root, and a part counts the names of every spelling that may hold it
    # ("Syarief": Elza Syarief, and Laode M Syarif too).
    variants = word_variants(groups.counts)

    def read(v: str) -> tuple[str, ...]:
        return tuple(variants.get(w, w) for w in spelt_words(spelt_initials(v)))

    words = {r: read(r) for r in roots}
    for v in groups.counts:  # every spelling of a group can contain a part
        words.setdefault(v, read(v))
    by_word: dict[str, set[str]] = defaultdict(set)
    for v, ws in words.items():
        for w in ws:
            by_word[w].add(v)
    totals = group_counts(groups)
    full: Counter[str] | None = None
    dropped: set[str] = set()
    # Names with initials before the same names spelt out, so "Yasonna H Laoly" joins
    # "Yasonna Hamonangan Laoly" before "Yasonna Laoly" looks for the name that covers it.
    for root in sorted(roots, key=lambda r: (-len(words[r]), -_initials(words[r]),
                                             -totals[r], r)):
        part = words[root]
        spelt = [w for w in part if initial(w) is None]
        if not spelt:
            continue
        holders = set.intersection(*(by_word[w] for w in spelt))
        containers = {groups.find(u) for u in holders
                      if len(words[u]) >= len(part) and words[u] != part
                      and covers(words[u], part)}
        containers.discard(groups.find(root))
        if not containers:
            continue
        if len(part) > 1:
            one = dominant(containers, totals)
            # A much rarer name that begins otherwise may only name the part in passing
            # ("Iriana Joko Widodo" beside "Joko Widodo", not his name; but "Woo Jin" is Gong
            # Woo Jin's, and "Menpupera Basuki Hadimuljono" the only such name is no rival):
            # it takes the part when it is the only name covering it.
            if one is not None and (words[one][0] == part[0]
                                    or DOMINANCE * totals[one] >= totals[root]
                                    or len(containers) == 1):
                join(one, root)
            continue
        if full is None:
            # A full name is weighed by how often it is written in full (with its spellings):
            # the bare parts that joined it say nothing about the next part ("Kris" joining
            # Kriss Hatta does not make "Hatta" his rather than Mohammad Hatta's).
            full = Counter(totals)
        bigger = {c for c in containers if full[c] >= totals[root]}
        begun = containers & {groups.find(u) for u in holders if words[u][0] == part[0]}
        one = dominant(bigger, full)
        rivals = sum(full[c] for c in containers if c != one and full[c] >= RIVAL_MIN)
        # A word only ever written inside a person's name, never first or last (but for
        # common parts: "Muhammad", "Jr"), is no name news calls him by ("Rasyid" of Anies
        # Rasyid Baswedan): another person's.
        if one is not None and not any(called_by(part[0], words[u])
                                       for u in holders if groups.find(u) == one):
            one = None
        if one is not None and (
            # a surname, as news refers to people, of one person more than of all others
            # ("Habibie"; not "Anwar": Joko Anwar, Anwar Usman, Anwar Ibrahim, ...)
            (one not in begun and full[one] >= SURNAME_DOMINANCE * rivals)
            or full[one] >= DOMINANCE * sum(full[c] for c in begun - {one})
        ):
            join(one, root)
        elif len(begun) >= 2 or sum(full[c] >= RIVAL_MIN for c in containers) >= 2:
            # a word of several people's names, none of whom it mostly stands for ("Luna":
            # Luna Maya, Lucinta Luna): no one entity
            dropped.add(root)
    return {groups.find(d) for d in dropped}


def spelt_initials(value: str) -> str:
    """A name with each word of :data:`INITIALS_MAX` capitals or fewer between its first and its
    last word written as that many initials ("Retno LP Marsudi" -> "Retno L P Marsudi": Retno
    Lestari Priansari Marsudi's initials), so that the name it abbreviates covers it."""
    words = value.split()
    if len(words) < 3:
        return value
    inner = [" ".join(w) if 1 < len(w) <= INITIALS_MAX and w.isalpha() and w.isupper() else w
             for w in words[1:-1]]
    return " ".join([words[0], *inner, words[-1]])


def called_by(word: str, name: Sequence[str], start: bool = False) -> bool:
    """Whether ``word`` is the first or last word of ``name`` once its common parts before
    and after are left out ("Rian" of Muhammad Rian Ardianto, "Downey" of Robert Downey Jr);
    with ``start``, the start of one of those ("Kumala" of Barbie Kumalasari)."""
    core = [w for w in name if w not in COMMON_NAME_PARTS] or list(name)
    return any(w.startswith(word) if start else w == word for w in (core[0], core[-1]))


def _initials(words: tuple[str, ...]) -> int:
    return sum(initial(w) is not None for w in words)
