"""Fast paths of the corpus-level entity map, proven equal to their plain definitions."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from indexer import store
from indexer.entity_groups import Groups, group_counts, merge_groups
from indexer.name_keys import name_words
from indexer.near_names import (
    MISSPELLING_DOMINANCE,
    MISSPELT_WORD_MIN,
    RARE_DOMINANCE,
    RARE_HOLDERS,
    RARE_WORD_MIN,
    join_misspellings,
)


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))} | {word}


def _slow_near(names: dict[str, tuple[str, ...]], min_words: int,
               word_min: int) -> dict[str, set[str]]:
    """Each value -> the values one letter apart from it in one word, the longer of the two
    words of ``word_min`` letters or more: every one-letter deletion of each word looked up
    among every value's deletions."""
    by_key: dict[tuple[int, tuple[str, ...]], set[str]] = defaultdict(set)
    for v, words in names.items():
        if len(words) < min_words:
            continue
        for i, w in enumerate(words):
            if len(w) >= word_min - 1:
                for d in _deletions(w):
                    by_key[(i, words[:i] + (d,) + words[i + 1 :])].add(v)
    out: dict[str, set[str]] = {}
    for v, words in names.items():
        if len(words) < min_words:
            continue
        for i, w in enumerate(words):
            if len(w) < word_min - 1:
                continue
            for d in _deletions(w):
                for u in by_key.get((i, words[:i] + (d,) + words[i + 1 :]), ()):
                    if u != v and max(len(w), len(names[u][i])) >= word_min:
                        out.setdefault(v, set()).add(u)
    return out


def slow_join_misspellings(groups: Groups, min_words: int = 2,
                           word_min: int = MISSPELT_WORD_MIN) -> None:
    """The definition: for each value, rarest group first, the values one letter apart in a
    long word (joined at MISSPELLING_DOMINANCE), or in a shorter or long word where every word
    the two share is held by RARE_HOLDERS values at most (joined at RARE_DOMINANCE)."""
    totals = group_counts(groups)
    names = {v: name_words(v) for v in groups.counts}
    held: dict[str, int] = defaultdict(int)
    for words in names.values():
        for w in set(words):
            held[w] += 1
    near = _slow_near(names, min_words, word_min)
    rare = _slow_near(names, min_words, RARE_WORD_MIN)
    for v in sorted(groups.counts, key=lambda v: (totals[groups.find(v)], v)):
        root = groups.find(v)
        alike = {groups.find(u) for u in rare.get(v, ())
                 if (shared := set(names[v]) & set(names[u]))
                 and all(held[w] <= RARE_HOLDERS for w in shared)
                 and [w[:1] for w in names[v]] == [w[:1] for w in names[u]]}
        found = alike | {groups.find(u) for u in near.get(v, ())}
        found.discard(root)
        if found:
            best = min(found, key=lambda g: (-totals[g], g))
            dominance = RARE_DOMINANCE if best in alike else MISSPELLING_DOMINANCE
            if totals[best] >= dominance * totals[root]:
                merge_groups(groups, totals, best, root)


def _both(counts: dict[str, int], joined: list[tuple[str, str]]) -> tuple[dict[str, str],
                                                                             dict[str, str]]:
    out = []
    for fn in (join_misspellings, slow_join_misspellings):
        groups = Groups(counts)
        for a, b in joined:  # groups the earlier passes made
            groups.join(a, b)
        fn(groups)
        out.append({v: groups.find(v) for v in counts})
    return out[0], out[1]


# Few letters, so that names one letter apart are common.
_word = st.text("abde", min_size=5, max_size=9)
_name = st.lists(_word, min_size=1, max_size=3).map(lambda ws: " ".join(w.title() for w in ws))


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_name, st.integers(1, 40), max_size=40), st.data())
def test_join_misspellings_equals_its_definition(counts: dict[str, int],
                                                 data: st.DataObject) -> None:
    values = sorted(counts)
    joined = data.draw(st.lists(st.tuples(st.sampled_from(values), st.sampled_from(values)),
                                max_size=5)) if values else []
    fast, slow = _both(counts, joined)
    assert fast == slow


def test_join_misspellings_equals_its_definition_on_the_corpus(full_index_dir: Path) -> None:
    counts = dict(store.load_entity_map(full_index_dir).counts["PER"])
    assert len(counts) > 10_000
    fast, slow = _both(counts, [])
    assert fast == slow
    assert sum(v != r for v, r in fast.items()) > 50  # the corpus has misspellings it joins


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text("abcdefgh", min_size=1, max_size=3), st.integers(1, 40),
                       min_size=1, max_size=30), st.data())
def test_group_counts_equals_its_definition(counts: dict[str, int], data: st.DataObject) -> None:
    """group_counts (roots read without a call where a value is one or points at one) is the
    summed count of each group's members by its root, in the order the roots first come, and
    leaves the union-find as finding every value's root leaves it."""
    values = list(counts)
    pairs = data.draw(st.lists(st.tuples(st.sampled_from(values), st.sampled_from(values)),
                               max_size=40))
    fast, plain = Groups(counts), Groups(counts)
    for a, b in pairs:  # joined without finding (deep paths), as a rule's joins leave them
        for g in (fast, plain):
            g.parent[g.find(b)] = a if g.find(a) != g.find(b) else g.parent[g.find(b)]
    totals: dict[str, int] = {}
    for v, c in counts.items():
        root = plain.find(v)
        totals[root] = totals.get(root, 0) + c
    found = group_counts(fast)
    assert list(found.items()) == list(totals.items())
    assert found["no such root"] == 0  # a Counter, as the rules read it
    assert fast.parent == plain.parent
