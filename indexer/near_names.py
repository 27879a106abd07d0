"""Joins of the corpus-level map (:mod:`indexer.entity_norm`) of names spelt near another:

* **misspelt persons' names** (:func:`join_misspellings`): a person's name of two words or more
  that differs from a name written :data:`MISSPELLING_DOMINANCE` times as often by one letter
  (left out, added or changed) in one word of seven letters or more joins it ("Baharuddin Jusuf
  Habibie" ~ Bacharuddin, "Nawawi Pamolango" ~ Pomolango, "Airlangga Hartato" ~ Hartarto).
  Shorter words are often two names ("Iman", "Imam");
* **short club names** (:func:`join_short_words`): a one-word organisation's name that begins
  the one one-word name three letters longer or more written three times as often joins it
  ("Barca" ~ Barcelona);
* **z for s** (:func:`join_z_spellings`): place names equal but for a "z" written for an "s"
  join the one written three times as often ("Mozes" ~ Moses; a one-letter join of places in
  general would take Kemang for Jepang).

A name joins one written with words more than it in :mod:`indexer.extra_words`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping
from typing import Final

from indexer.entity_groups import RIVAL_MIN, Groups, group_counts, merge_groups
from indexer.name_keys import name_words, variant_key
from indexer.region_kinds import LOCAL
from indexer.tagged_names import deletions
from indexer.variant_joins import SidedJoins

MISSPELLING_DOMINANCE: Final = 3
MISSPELT_WORD_MIN: Final = 7
# A place's name one vowel apart from another's (:func:`join_vowel_swaps`).
SWAP_KEY_MIN: Final = 8
SWAP_DOMINANCE: Final = 5
SWAP_MIN: Final = 10
_SWAP_VOWELS: Final = frozenset("aeiou")
# Names whose other words only they and RARE_HOLDERS - 2 more names hold: a word of RARE_WORD_MIN
# letters one letter apart joins a name written RARE_DOMINANCE times as often.
RARE_WORD_MIN: Final = 5
RARE_HOLDERS: Final = 5
RARE_DOMINANCE: Final = 2


def join_misspellings(groups: Groups, min_words: int = 2,
                      word_min: int = MISSPELT_WORD_MIN,
                      sides: Mapping[str, bool] | None = None) -> None:
    """Names of ``min_words`` words or more one letter apart in one word of ``word_min``
    letters or more join the one written most. (Not for places: short names of different
    places are often one letter apart: Kemang, Jepang; Badung, Bandung.) Not an officer's
    and another person's (``sides``: :class:`~indexer.variant_joins.SidedJoins`)."""
    totals = group_counts(groups)
    sided = SidedJoins(groups, sides or {})
    near, rare = _near_spellings(groups.counts, min_words, (word_min, RARE_WORD_MIN))
    # Shorter words too, and at a lower dominance, where the names' other words are rare ones
    # only they hold: "Abisai Rolio" ~ "Abisai Rollo" (a misread "l"), "Andik Vermansah" ~
    # "Andik Vermansyah"; not "Iman" ~ "Imam" in general.
    # (held by names of other people: the spellings one person's name is already joined from
    # hold its words once, "Aditya Daffa Al Haqi" ~ "Aditya Daffa")
    held: dict[str, set[str]] = defaultdict(set)
    for v in groups.counts:
        for w in set(name_words(v)):
            held[w].add(groups.find(v))
    holders = {w: len(roots) for w, roots in held.items()}
    for v in sorted(groups.counts, key=lambda v: (totals[groups.find(v)], v)):
        if v not in rare:  # which holds every value near holds
            continue
        root = groups.find(v)
        alike = {groups.find(u) for u in rare[v] if _rarely_shared(v, u, holders)}
        found = alike | {groups.find(u) for u in near.get(v, ())}
        found.discard(root)
        if found:
            best = min(found, key=lambda g: (-totals[g], g))
            if totals[best] >= (RARE_DOMINANCE if best in alike else
                                MISSPELLING_DOMINANCE) * totals[root]:
                sided.join(best, root, lambda a, b: merge_groups(groups, totals, a, b))


# Persons' names of this many words or more, equal but for one word of SPELT_WORD_MIN letters
# or more (the longer) one letter apart, are one name spelt two ways: :func:`join_spelt_names`.
SPELT_NAME_WORDS: Final = 3
SPELT_WORD_MIN: Final = 5


def join_spelt_names(groups: Groups, sides: Mapping[str, bool] | None = None) -> None:
    """Names of :data:`SPELT_NAME_WORDS` words or more, equal but for one word that is one
    letter apart, both of letters only and beginning alike, join whichever is the more written
    ("Joan Tomas Campasol" ~ "Joan Tomas Compasol", "Gempita Nora Marten" ~ "Gempita Noura
    Marten"): two words written alike tell the one person where a name of two words would not
    ("Kim Hyung Soo" is not "Kim Myung Soo"; nor "Lenovo Yoga C640" "C940"). Then the name of
    their words before a last word so spelt, which the parts left apart as the start of two
    names, joins them where every name it starts is now theirs ("Joan Tomas"). After the other
    joins of persons' names, which weigh each spelling as a full name of its own. Not an
    officer's and another person's (``sides``)."""
    totals = group_counts(groups)
    sided = SidedJoins(groups, sides or {})
    near = _near_spellings(groups.counts, SPELT_NAME_WORDS, (SPELT_WORD_MIN, SPELT_WORD_MIN))[0]

    def merge(a: str, b: str) -> None:
        merge_groups(groups, totals, a, b)

    starts: set[tuple[str, ...]] = set()
    for v in sorted(near):
        words = name_words(v)
        for u in sorted(near[v]):
            i, a, b = next(((i, x, y) for i, (x, y) in enumerate(zip(words, name_words(u),
                                                                      strict=True))
                            if x != y), (0, "", ""))  # ("" where the two are variants)
            if a[:1] == b[:1] != "" and a.isalpha() and b.isalpha():
                sided.join(groups.find(v), groups.find(u), merge)
                if i == len(words) - 1:
                    starts.add(words[:i])
    by_words = {name_words(v): v for v in sorted(groups.counts, key=lambda v: -groups.counts[v])}
    for start in sorted(starts):
        part = by_words.get(start)
        if part is None:
            continue
        holders = {groups.find(v) for ws, v in by_words.items()
                   if len(ws) > len(start) and ws[:len(start)] == start}
        if len(holders) == 1:
            sided.join(holders.pop(), groups.find(part), merge)


def _rarely_shared(v: str, u: str, holders: Mapping[str, int]) -> bool:
    """The words ``v`` and ``u`` share are held by at most :data:`RARE_HOLDERS` names, and
    their words begin alike ("Margo Yuwono" is not "Argo Yuwono")."""
    a, b = name_words(v), name_words(u)
    shared = set(a) & set(b)
    return bool(shared) and all(holders[w] <= RARE_HOLDERS for w in shared) and \
        [x[:1] for x in a] == [y[:1] for y in b]


def _near_spellings(values: Collection[str], min_words: int, word_mins: tuple[int, int]
                    ) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """For each of ``word_mins``: each value with the others one letter apart from it in one
    word (both names of ``min_words`` words or more, the longer of the two words of that many
    letters or more). Which values are near does not change as groups merge, so it is found
    once, for both lengths in one pass: only values equal but for the one word can be, and
    those are few."""
    names = {v: name_words(v) for v in values}
    least = min(word_mins) - 1  # the shortest word of a pair near at either length
    rest: dict[tuple[int, tuple[str, ...], tuple[str, ...]], list[str]] = defaultdict(list)
    for v, words in names.items():
        if len(words) < min_words:
            continue
        for i, w in enumerate(words):
            if len(w) >= least:
                rest[(i, words[:i], words[i + 1 :])].append(v)
    near: tuple[dict[str, set[str]], dict[str, set[str]]] = (defaultdict(set), defaultdict(set))
    for (i, _before, _after), vs in rest.items():
        if len(vs) < 2:
            continue
        cut = {v: deletions(names[v][i]) for v in vs}
        for v in vs:
            for u in vs:
                if u == v or cut[v].isdisjoint(cut[u]):
                    continue
                shorter, longer = sorted((len(names[v][i]), len(names[u][i])))
                for found, word_min in zip(near, word_mins, strict=True):
                    if shorter >= word_min - 1 and longer >= word_min:
                        found[v].add(u)
    return near


# A one-word organisation's name this long may be the start of another's ("Barca": Barcelona),
# one this many letters longer: a word a letter or two longer is mostly another word
# ("Persatu", "Persatuan"; "Bayer", "Bayern").
SHORT_WORD_MIN: Final = 4
SHORT_WORD_CUT: Final = 3


def join_short_words(groups: Groups) -> None:
    """A one-word organisation's name of :data:`SHORT_WORD_MIN` letters or more that begins
    the one other one-word name :data:`SHORT_WORD_CUT` letters longer or more (of those in
    :data:`RIVAL_MIN` articles or more) named :data:`MISSPELLING_DOMINANCE` times as often
    joins it."""
    totals = group_counts(groups)
    words = {v: name_words(v) for v in groups.counts}
    single = [v for v, ws in words.items() if len(ws) == 1 and ws[0].isalpha()]
    by_start: dict[str, set[str]] = defaultdict(set)
    for v in single:
        w = words[v][0]
        for k in range(SHORT_WORD_MIN, len(w) - SHORT_WORD_CUT + 1):
            by_start[w[:k]].add(v)
    for v in sorted(single, key=lambda v: (totals[groups.find(v)], v)):
        root = groups.find(v)
        held = {g for g in map(groups.find, by_start.get(words[v][0], ()))
                if g != root and totals[g] >= RIVAL_MIN}
        if len(held) == 1:
            (one,) = held
            if totals[one] >= MISSPELLING_DOMINANCE * totals[root]:
                merge_groups(groups, totals, one, root)


def join_vowel_swaps(groups: Groups) -> None:
    """Places' names of :data:`SWAP_KEY_MIN` letters or more equal but for one vowel written as
    another ("Kutai Kertanegara" ~ "Kutai Kartanegara", "Laboan Bajo" ~ "Labuan Bajo") join the
    one named :data:`SWAP_DOMINANCE` times as often, in :data:`SWAP_MIN` articles or more:
    two places so named are each written often ("Bintaro Jaya", "Bintara Jaya"; "Ciputat",
    "Cipatat"); a misspelling is rare beside its name. Not a district's or a village's
    (:data:`~indexer.region_kinds.LOCAL`): they are many, and their names near alike
    ("Kecamatan Babalan" of Langkat, Babelan of Bekasi)."""
    totals = group_counts(groups)
    by_gap: dict[str, set[str]] = defaultdict(set)
    for v in groups.counts:
        key = variant_key(v)
        if len(key) >= SWAP_KEY_MIN and key.split(" ", 1)[0] not in LOCAL:
            for i, ch in enumerate(key):
                if ch in _SWAP_VOWELS:
                    by_gap[f"{key[:i]}*{key[i + 1:]}"].add(v)
    # most gaps hold one name only: nothing to join there
    for _, values in sorted((gap, vs) for gap, vs in by_gap.items() if len(vs) > 1):
        roots = sorted({groups.find(v) for v in values}, key=lambda g: (-totals[g], g))
        for other in roots[1:]:
            if totals[roots[0]] >= max(SWAP_MIN, SWAP_DOMINANCE * totals[other]):
                merge_groups(groups, totals, roots[0], other)


def join_z_spellings(groups: Groups) -> None:
    """Names equal but for "z" where the other writes "s" join the one named
    :data:`MISSPELLING_DOMINANCE` times as often."""
    totals = group_counts(groups)
    by_key: dict[str, set[str]] = defaultdict(set)
    for v in groups.counts:
        by_key[" ".join(name_words(v)).replace("z", "s")].add(v)
    for _, values in sorted(by_key.items()):
        if len(values) < 2:
            continue
        roots = sorted({groups.find(v) for v in values}, key=lambda g: (-totals[g], g))
        for other in roots[1:]:
            if totals[roots[0]] >= MISSPELLING_DOMINANCE * totals[other]:
                merge_groups(groups, totals, roots[0], other)
