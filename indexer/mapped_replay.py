"""A full build's parked documents read back with the corpus's entity map applied, by worker
processes when there are several.

Once the map is known, the building process reads the spill back and writes each document
with the map applied (:func:`~indexer.corpus_pass.apply_map`). Done in the building process,
applying the map was as much of its work as handing the documents to tantivy, while the
workers that had prepared them idled: one core did the work of this phase. So the map is
applied in a pool of processes forked once the map exists (each inherits it; nothing of it is
pickled), batches of the spill's bytes go to them, and the mapped documents come back in the
spill's order: the same documents, written in the same order, as applying the map here.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager

from indexer import store
from indexer.chunk_worker import GC_THRESHOLD, die_with_parent
from indexer.corpus_pass import Spill, apply_map, unpack
from indexer.document import Prepared
from indexer.entity_map import EntityMap

BATCH = 64  # documents per job: ~0.6 MB of spill, a few ms of a worker's time
IN_FLIGHT = 3  # jobs queued per worker, so that none waits for the next batch

_MAP: EntityMap | None = None


def _install(emap: EntityMap) -> None:
    """A replay worker's start: the map it inherited by the fork is the one it applies."""
    global _MAP
    store.release_inherited_locks()
    die_with_parent()
    gc.set_threshold(*GC_THRESHOLD)
    _MAP = emap
    gc.freeze()  # what the worker inherited stays put: the collector need not walk it


def _apply_batch(packed: list[bytes]) -> list[Prepared]:
    emap = _MAP
    if emap is None:  # pragma: no cover - only when called outside a pool by mistake
        raise RuntimeError("replay worker not initialised")
    return [apply_map(unpack(b), emap) for b in packed]


@contextmanager
def mapped_documents(spill: Spill, emap: EntityMap, workers: int
                     ) -> Iterator[Iterator[Prepared]]:
    """The spill's documents in their order with ``emap`` applied: by ``workers`` forked
    processes (forked on entry, before the caller starts tantivy's threads), or here when
    ``workers`` is 1 or less."""
    if workers <= 1:
        yield (apply_map(prep, emap) for prep in spill.replay())
        return
    ctx = multiprocessing.get_context("fork")
    # With "fork" the initializer's arguments are inherited, not pickled.
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_install,
                             initargs=(emap,)) as pool:
        pool.submit(os.getpid).result()  # with "fork", the first submit starts every worker
        yield _in_order(pool, spill.replay_packed(), workers * IN_FLIGHT)


def _in_order(pool: ProcessPoolExecutor, packed: Iterator[bytes], limit: int
              ) -> Iterator[Prepared]:
    pending: deque[Future[list[Prepared]]] = deque()
    batch: list[bytes] = []
    for item in packed:
        batch.append(item)
        if len(batch) == BATCH:
            pending.append(pool.submit(_apply_batch, batch))
            batch = []
            if len(pending) >= limit:
                yield from pending.popleft().result()
    if batch:
        pending.append(pool.submit(_apply_batch, batch))
    while pending:
        yield from pending.popleft().result()
