"""Stories: clusters of near-duplicate articles (wire copy, syndication, lifted text).

Two articles are *copies* when their cleaned bodies share most of their word 3-shingles, so a
changed dateline or byline, a dropped "Baca juga" line, a paragraph added or removed, or a few
words changed keep them together, while two reports of the same event written independently
(same people, same day, different sentences) share few shingles and stay apart.

* :func:`~indexer.fingerprints.fingerprint` (run in the build's worker processes,
  :mod:`indexer.fingerprints`) — the MinHash of the body's shingle set and the set's size.
* :class:`Stories` (in the one writing process) — LSH over the fingerprints, :data:`BANDS`
  bands of :data:`ROWS` values (a band's two uint32 values read as one u64 key, the buckets
  datasketch's ``MinHashLSH`` keeps, in plain dicts: its per-band bytes keys and sets took
  ~300 µs and ~15 KB per article; the test proves the candidates equal), finds candidate
  pairs; a pair is *linked* when :func:`linked` accepts it; a story is a connected component
  of linked articles. :func:`cluster_batch` finds the same components for a whole corpus at
  once (the full build), with the band keys sorted by numpy instead of buckets.
  The link rule is a pure function of two fingerprints and their dates (at most
  :data:`MAX_APART` apart), and LSH candidates are exactly the pairs
  that share a band, so a story depends only on the set of articles, never on the order they
  were added or removed in: ``add`` and ``delete`` give the clusters a full rebuild gives.
* A story's *first report* is its earliest dated member (ties and undated members by id); its
  id is a hash of the first report's id (:func:`story_id`), hex, 16 digits = one u64.

The state (ids, fingerprints, dates, story of each id) is saved in the index generation it
belongs to (:data:`STATE_FILE`), so it is switched in and out atomically with the index.
Nothing here knows the search engine: it deals in ids, dates and fingerprints.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Final

import numpy as np
import orjson

from indexer.fingerprints import NUM_PERM, Fingerprint

BANDS: Final = 64  # x ROWS = NUM_PERM; a pair with Jaccard 0.3 shares a band with p > 0.99
ROWS: Final = 2
MIN_JACCARD: Final = 0.5  # estimated Jaccard of the shingle sets that links two articles
MIN_CONTAINMENT: Final = 0.9  # ... or: this share of the smaller set is in the larger one
MIN_CONTAINED: Final = 40  # shingles the smaller set needs for containment alone to link
# Copies run within days of each other; an outlet's later article that reuses its own
# background paragraphs (a series' fixed introduction, last week's context) is a new story.
MAX_APART: Final = 2 * 86_400  # seconds between two dated articles that can be copies
# Within one outlet, shared text is also the outlet reusing its own words (a series' fixed
# introduction, a template for every event of a campaign, the context of a running story under
# a new development), so two articles of one outlet need more of it, and containment alone
# (a new article around an old one) does not link them.
SAME_SOURCE_JACCARD: Final = 0.65
STATE_FILE: Final = "stories.npz"
_UNDATED: Final = np.iinfo(np.int64).max
if ROWS * 32 != 64:
    raise ImportError("band keys read a band's ROWS uint32 values as one u64: ROWS must be 2")


def band_keys(fp: Fingerprint) -> list[int]:
    """The fingerprint's LSH keys, one per band: the band's two values as one u64."""
    return np.ascontiguousarray(fp.hashvalues, dtype=np.uint32).view(np.uint64).tolist()


def linked(a: Fingerprint, b: Fingerprint, a_date: int | None = None,
           b_date: int | None = None) -> bool:
    """Whether two articles are copies of each other (estimated from their fingerprints and
    publication times, epoch seconds; an undated article can be a copy of any)."""
    if a.size == 0 or b.size == 0:
        return False
    if a_date is not None and b_date is not None and abs(a_date - b_date) > MAX_APART:
        return False
    jaccard = float(np.count_nonzero(a.hashvalues == b.hashvalues)) / NUM_PERM
    if a.source and a.source == b.source:
        return jaccard >= SAME_SOURCE_JACCARD
    if jaccard >= MIN_JACCARD:
        return True
    small = min(a.size, b.size)
    if small < MIN_CONTAINED:
        return False
    common = jaccard * (a.size + b.size) / (1.0 + jaccard)
    return common / small >= MIN_CONTAINMENT


def story_id(first_id: str) -> str:
    return hashlib.blake2b(first_id.encode("utf-8", "replace"), digest_size=8).hexdigest()


def story_key(story: str) -> int:
    """The story id as the unsigned 64-bit number it spells (for engines' numeric columns)."""
    return int(story, 16)


def _order(doc_id: str, date: int | None) -> tuple[bool, int, str]:
    return (date is None, date or 0, doc_id)


class Stories:
    """The clusters of one index: add, remove, and who belongs to which story."""

    def __init__(self) -> None:
        # band -> key -> the id, or the set of ids, in that bucket; built when first needed
        self._tables: list[dict[int, str | set[str]]] | None = None
        self._prints: dict[str, Fingerprint] = {}
        self._dates: dict[str, int | None] = {}
        self._cluster: dict[str, int] = {}  # id -> cluster handle (internal, not the story id)
        self._members: dict[int, set[str]] = {}
        self._next = 0

    def __len__(self) -> int:
        return len(self._prints)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._prints

    def _buckets(self) -> list[dict[int, str | set[str]]]:
        if self._tables is None:
            self._tables = [{} for _ in range(BANDS)]
            for doc_id, fp in self._prints.items():
                self._insert(doc_id, fp)
        return self._tables

    def _insert(self, doc_id: str, fp: Fingerprint) -> None:
        assert self._tables is not None
        for table, key in zip(self._tables, band_keys(fp), strict=True):
            held = table.get(key)
            if held is None:
                table[key] = doc_id
            elif isinstance(held, str):
                table[key] = {held, doc_id}
            else:
                held.add(doc_id)

    def _unlink(self, doc_id: str, fp: Fingerprint) -> None:
        for table, key in zip(self._buckets(), band_keys(fp), strict=True):
            held = table[key]
            if isinstance(held, str):
                del table[key]
            else:
                held.discard(doc_id)
                if len(held) == 1:
                    table[key] = held.pop()

    def candidates(self, fp: Fingerprint) -> set[str]:
        """The ids sharing at least one band with ``fp``."""
        out: set[str] = set()
        for table, key in zip(self._buckets(), band_keys(fp), strict=True):
            held = table.get(key)
            if held is None:
                continue
            if isinstance(held, str):
                out.add(held)
            else:
                out |= held
        return out

    def _links(self, doc_id: str, fp: Fingerprint, date: int | None,
               among: set[str] | None = None) -> list[str]:
        out = []
        for other in self.candidates(fp):
            if other != doc_id and (among is None or other in among) and linked(
                    fp, self._prints[other], date, self._dates[other]):
                out.append(other)
        return out

    def _new_cluster(self, members: set[str]) -> int:
        handle = self._next
        self._next += 1
        self._members[handle] = members
        for m in members:
            self._cluster[m] = handle
        return handle

    def add(self, doc_id: str, fp: Fingerprint, date: int | None) -> str:
        """Add (or replace) an article; returns its story id. ``date``: epoch seconds."""
        if doc_id in self._prints:
            self.remove(doc_id)
        links = self._links(doc_id, fp, date)
        self._prints[doc_id] = fp
        self._dates[doc_id] = date
        self._buckets()
        self._insert(doc_id, fp)
        handles = {self._cluster[o] for o in links}
        members = {doc_id}
        for h in handles:
            members |= self._members.pop(h)
        return self._story_of_cluster(self._new_cluster(members))

    def remove(self, doc_id: str) -> None:
        """Remove an article; its story splits if it was the only link between parts."""
        if doc_id not in self._prints:
            return
        handle = self._cluster.pop(doc_id)
        rest = self._members.pop(handle)
        rest.discard(doc_id)
        self._unlink(doc_id, self._prints[doc_id])
        del self._prints[doc_id], self._dates[doc_id]
        while rest:  # the connected components of what is left
            seed = rest.pop()
            component, frontier = {seed}, [seed]
            while frontier:
                cur = frontier.pop()
                for other in self._links(cur, self._prints[cur], self._dates[cur], rest):
                    rest.discard(other)
                    component.add(other)
                    frontier.append(other)
            self._new_cluster(component)

    def _first(self, handle: int) -> str:
        return min(self._members[handle], key=lambda m: _order(m, self._dates[m]))

    def _story_of_cluster(self, handle: int) -> str:
        return story_id(self._first(handle))

    def story_of(self, doc_id: str) -> str:
        return self._story_of_cluster(self._cluster[doc_id])

    def assignments(self) -> dict[str, str]:
        """Every article's story id."""
        out: dict[str, str] = {}
        for handle, members in self._members.items():
            sid = self._story_of_cluster(handle)
            out.update(dict.fromkeys(members, sid))
        return out

    def clusters(self) -> list[frozenset[str]]:
        return [frozenset(m) for m in self._members.values()]

    # -- persistence ---------------------------------------------------------------------------

    def save(self, gen: Path) -> None:
        """Write the state into generation directory ``gen`` (atomically)."""
        ids = list(self._prints)
        n = len(ids)
        sigs = np.zeros((n, NUM_PERM), dtype=np.uint32)
        sizes = np.zeros(n, dtype=np.int64)
        sources = [self._prints[doc_id].source for doc_id in ids]
        dates = np.full(n, _UNDATED, dtype=np.int64)
        for i, doc_id in enumerate(ids):
            fp = self._prints[doc_id]
            sigs[i], sizes[i] = fp.hashvalues, fp.size
            d = self._dates[doc_id]
            if d is not None:
                dates[i] = d
        index = {doc_id: i for i, doc_id in enumerate(ids)}
        cluster = np.zeros(n, dtype=np.int64)
        for c, members in enumerate(self._members.values()):
            cluster[[index[m] for m in members]] = c
        tmp = Path(gen) / (STATE_FILE + ".tmp.npz")
        np.savez(tmp, ids=np.frombuffer(orjson.dumps(ids), dtype=np.uint8), sigs=sigs,
                 sizes=sizes, dates=dates, cluster=cluster,
                 sources=np.frombuffer(orjson.dumps(sources), dtype=np.uint8))
        os.replace(tmp, Path(gen) / STATE_FILE)

    @classmethod
    def load(cls, gen: Path) -> Stories:
        """The state saved in ``gen`` (empty when there is none)."""
        self = cls()
        path = Path(gen) / STATE_FILE
        if not path.exists():
            return self
        with np.load(path) as data:
            ids: list[str] = orjson.loads(data["ids"].tobytes())
            sigs, sizes = data["sigs"], data["sizes"]
            dates, cluster = data["dates"], data["cluster"]
            sources: list[str] = orjson.loads(data["sources"].tobytes())
        groups: dict[int, set[str]] = {}
        for i, doc_id in enumerate(ids):
            self._prints[doc_id] = Fingerprint(sigs[i], int(sizes[i]), sources[i])
            self._dates[doc_id] = None if dates[i] == _UNDATED else int(dates[i])
            groups.setdefault(int(cluster[i]), set()).add(doc_id)
        for members in groups.values():
            self._new_cluster(members)
        return self


def cluster_batch(items: Iterable[tuple[str, Fingerprint, int | None]]) -> Stories:
    """The stories of a set of articles at once: what :func:`cluster_all` gives (a later item
    with an id replaces the earlier one, as :meth:`Stories.add` does), with each band's keys
    sorted by numpy to find the buckets and a union-find over the linked pairs in them."""
    stories = gathered(items)
    return clustered(stories, linked_roots(stories))


def gathered(items: Iterable[tuple[str, Fingerprint, int | None]]) -> Stories:
    """The articles of ``items`` (a later item with an id replacing the earlier one), in no
    story yet: :func:`clustered` puts them in theirs."""
    stories = Stories()
    prints, dates = stories._prints, stories._dates
    for doc_id, fp, date in items:
        if doc_id in prints:  # re-inserted at the end, as remove-then-add leaves it
            del prints[doc_id], dates[doc_id]
        prints[doc_id], dates[doc_id] = fp, date
    return stories


def linked_roots(stories: Stories) -> list[int]:
    """For each article of :func:`gathered` ``stories``, in their order, the first of the
    articles it is linked to through others (the union-find's root)."""
    ids = list(stories._prints)
    fps = list(stories._prints.values())
    dates = stories._dates
    parent = list(range(len(ids)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    if ids:
        keys = np.stack([fp.hashvalues for fp in fps]).astype(np.uint32).view(np.uint64)
        for band in range(BANDS):
            for bucket in _buckets_of(keys[:, band]):
                for x, i in enumerate(bucket):
                    for j in bucket[x + 1:]:
                        ri, rj = root(i), root(j)
                        if ri != rj and linked(fps[i], fps[j], dates[ids[i]], dates[ids[j]]):
                            parent[rj] = ri
    return [root(i) for i in range(len(ids))]


def clustered(stories: Stories, roots: Sequence[int]) -> Stories:
    """:func:`gathered` ``stories`` with each article in the story of its :func:`linked_roots`."""
    groups: dict[int, set[str]] = {}
    for doc_id, r in zip(stories._prints, roots, strict=True):
        groups.setdefault(r, set()).add(doc_id)
    for members in groups.values():
        stories._new_cluster(members)
    return stories


def _buckets_of(column: np.ndarray) -> list[list[int]]:
    """The rows sharing a key in ``column``, for each key held by two rows or more."""
    order = np.argsort(column, kind="stable")
    ordered = column[order]
    same = np.concatenate(([False], ordered[1:] == ordered[:-1], [False])).astype(np.int8)
    edges = np.diff(same)
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    return [sorted(order[a:b + 1].tolist()) for a, b in zip(starts, ends, strict=True)]


def cluster_all(items: Iterable[tuple[str, Fingerprint, int | None]]) -> Stories:
    """The stories of a set of articles, built from scratch (the reference for updates)."""
    stories = Stories()
    for doc_id, fp, date in items:
        stories.add(doc_id, fp, date)
    return stories


def changed(before: Mapping[str, str], after: Mapping[str, str]) -> dict[str, str]:
    """The articles of ``after`` whose story differs from ``before`` (or is new)."""
    return {doc_id: s for doc_id, s in after.items() if before.get(doc_id) != s}
