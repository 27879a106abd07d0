"""A bounded LRU of facet results (the facets and the story count of a result set), one per index
snapshot.

The facets of a result set are the dearest part of a search (the aggregate calls), and the same
result set is asked for again and again: the next page, another sort, the page ``/`` and
``/search`` of one query, the zero-result advice. The key is what the counts depend on: the
compiled text query, each facet's compiled filter, the date range, and the request's facet
options; each part is the query tree as tantivy prints it, so two requests share an entry
exactly when they compile to the same queries.

The page lists one value more than it shows (to know whether to offer "more"), the API
:data:`~search_api.params.DEFAULT_FACET_SIZE`; so that both share one entry, facets are counted at
least :data:`SHARED_SIZE` wide and cut to the size asked (:func:`search_api.facets.trimmed`).

The cache lives in the snapshot's memo, so it is dropped with the snapshot: a reindex or an
``add`` switches generation, the next request opens a new snapshot and starts with an empty
cache, and a count of the old generation is never served from the new one. It holds at most
:data:`MAX_ENTRIES` results and about :data:`MAX_BYTES` of them, least recently used first out.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any, Final, Generic, TypeVar

from tantivy import Query

from indexer import schema as S
from search_api import facets as F
from search_api.params import DEFAULT_FACET_SIZE, SearchRequest

MAX_ENTRIES: Final = 1_024
MAX_BYTES: Final = 16 << 20
_VALUE_BYTES: Final = 120  # a FacetValue with its tuple slot, besides its text
_BUCKET_BYTES: Final = 150  # a DateBucket
SHARED_SIZE: Final = DEFAULT_FACET_SIZE + 1  # the page's facet size: its shown values and one

Entry = tuple[F.Facets, int]
Key = tuple[Any, ...]


V = TypeVar("V")


class LRU(Generic[V]):
    """Least-recently-used map bounded by entries and by the bytes its values are said to take
    (thread-safe: a server's requests share it)."""

    def __init__(self, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES) -> None:
        self.max_entries, self.max_bytes = max_entries, max_bytes
        self._items: OrderedDict[Key, tuple[V, int]] = OrderedDict()
        self._lock = threading.Lock()
        self.bytes = 0
        self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: Key) -> V | None:
        with self._lock:
            found = self._items.get(key)
            if found is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return found[0]

    def put(self, key: Key, value: V, size: int) -> None:
        if size > self.max_bytes:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self.bytes -= old[1]
            self._items[key] = (value, size)
            self.bytes += size
            while len(self._items) > self.max_entries or self.bytes > self.max_bytes:
                _, (_, dropped) = self._items.popitem(last=False)
                self.bytes -= dropped


def key(request: SearchRequest, text: Query | None, filters: Mapping[str, Query],
        range_filter: Query | None) -> Key:
    """What a result set's facets depend on (within one snapshot)."""
    return (
        repr(text),
        tuple(sorted((name, repr(q)) for name, q in filters.items())),
        repr(range_filter),
        request.facet_size,
        tuple(sorted(request.all_of)),
        tuple(request.selected(name) for name in S.KEYWORD_FACETS),
    )


def entry_bytes(k: Key, value: Entry) -> int:
    """About what a key and its facets take in memory."""
    facets = value[0]
    size = sum(len(str(part)) for part in k)
    for name in S.KEYWORD_FACETS:
        size += sum(_VALUE_BYTES + len(v.value) for v in facets.terms(name))
    return size + _BUCKET_BYTES * len(facets.date)


def cached(memo: dict[str, Any], k: Key, compute: Callable[[], Entry]) -> Entry:
    """``compute()``, or what it gave for ``k`` before in this snapshot (``memo``)."""
    lru: LRU[Entry] = memo.setdefault("facet_cache", LRU())
    found = lru.get(k)
    if found is None:
        found = compute()
        lru.put(k, found, entry_bytes(k, found))
    return found


def shared(memo: dict[str, Any], request: SearchRequest, text: Query | None,
           filters: Mapping[str, Query], range_filter: Query | None,
           compute: Callable[[SearchRequest], Entry]) -> Entry:
    """The facets and story count of a result set for ``request``: ``compute(wide)`` for
    ``request`` with a facet size of at least :data:`SHARED_SIZE`, cached in ``memo`` and cut to
    the size asked."""
    wide = replace(request, facet_size=max(request.facet_size, SHARED_SIZE))
    facets, stories = cached(memo, key(wide, text, filters, range_filter), lambda: compute(wide))
    return F.trimmed(facets, request.facet_size), stories
