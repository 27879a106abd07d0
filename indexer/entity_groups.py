"""Groups of facet values that name one entity: the union-find the corpus-level map's rules
(:mod:`indexer.entity_norm` describes them) join values over, each group's summed count, and
when one candidate name is :data:`DOMINANCE` times as frequent as its rivals."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from typing import Final

# A first name shared by several full names stands for the most frequent of them only when that
# one is this many times as frequent as the others together ("Imam" in a month of news about
# Imam Nahrawi; not "Sri", which a dozen people are called).
DOMINANCE: Final = 3
# A name found in fewer articles is no rival to a dominant one ("Yasonna Hamongan Laoly" in one
# article beside "Yasonna Hamonangan Laoly" in ten).
RIVAL_MIN: Final = 3


class Groups:
    """Union-find over values; a group's value is the display form of its members."""

    def __init__(self, counts: Mapping[str, int]) -> None:
        self.counts = counts
        self.parent: dict[str, str] = {v: v for v in counts}

    def find(self, v: str) -> str:
        root = v
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[v] != root:
            self.parent[v], v = root, self.parent[v]
        return root

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra

    def members(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for v in self.parent:
            out[self.find(v)].append(v)
        return out

def group_counts(groups: Groups) -> Counter[str]:
    """Each group's root with the summed count of its members. (Each rule of the map asks it of
    every value: a value that is its group's root or points at it, as most do once
    :meth:`Groups.find` has shortened their paths, is read without a call.)"""
    total: dict[str, int] = {}
    parent, get = groups.parent, total.get
    for v, c in groups.counts.items():
        root = parent[v]
        if root != v and parent[root] != root:
            root = groups.find(v)
        total[root] = get(root, 0) + c
    return Counter(total)


def dominant(candidates: set[str], totals: Mapping[str, int]) -> str | None:
    """The candidate named :data:`DOMINANCE` times as often as all the others together that
    are found in :data:`RIVAL_MIN` articles or more (one-offs are mostly misspellings)."""
    if not candidates:
        return None
    best = min(candidates, key=lambda c: (-totals[c], c))
    rest = sum(totals[c] for c in candidates if c != best and totals[c] >= RIVAL_MIN)
    return best if totals[best] >= DOMINANCE * rest else None


def merge_groups(groups: Groups, totals: Counter[str] | dict[str, int], into: str,
                 part: str) -> None:
    """Join ``part``'s group to ``into``'s, keeping ``totals`` (by root) up to date."""
    groups.join(into, part)
    totals[groups.find(into)] = totals.get(into, 0) + totals.get(part, 0)
