"""The live index as requests see it: one opened generation (:class:`Snapshot`) and the holder
that reopens it when the index changes (:class:`SearcherHolder`).

A request takes one snapshot and reads from it start to end. The snapshot's ``cache`` is its
generation's memo (facet counts, related articles, the spelling dictionary ...), dropped with it
when a reindex or an ``add`` opens a new generation.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tantivy

from indexer import store
from indexer.analysis import Analyzer


class IndexUnavailable(Exception):
    """There is no index to answer from (not built yet, or unreadable)."""


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One opened index generation: what a request reads from, start to end."""

    index: tantivy.Index
    searcher: tantivy.Searcher
    analyzer: Analyzer
    schema: tantivy.Schema
    version: object
    cache: dict[str, Any] = field(default_factory=dict)  # per-snapshot memo (entity lists)


class SearcherHolder:
    """Holds the open index and analyzer; reopens them when ``index_version`` changes.

    ``snapshot()`` is cheap when nothing changed (one ``readlink`` + ``stat``). Reopening is
    serialised by a lock; requests already running keep the snapshot they started with.
    """

    def __init__(self, index_dir: str | Path) -> None:
        self.index_dir = Path(index_dir)
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None

    def snapshot(self) -> Snapshot:
        version = store.index_version(self.index_dir)
        snap = self._snapshot
        if snap is not None and snap.version == version:
            return snap
        with self._lock:
            snap = self._snapshot
            if snap is not None and snap.version == version:
                return snap
            try:
                index = store.open_index(self.index_dir)
                searcher = index.searcher()
                analyzer = store.load_analyzer(self.index_dir)
            except (store.StoreError, ValueError, OSError) as exc:
                if snap is not None:
                    return snap  # keep answering from what we have
                raise IndexUnavailable(str(exc)) from exc
            snap = Snapshot(index, searcher, analyzer, index.schema, version)
            self._snapshot = snap
            return snap
