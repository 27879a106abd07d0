"""A full build's write-out with the corpus's entity map applied in worker processes.

Once the map is known, the building process reads the parked documents back, applies the map
to each (:func:`~indexer.map_apply.apply_map`, the largest part of its work per document) and
hands them to tantivy, whose indexing thread runs on the other core. Done there, the building
process's thread bounds the write-out while the feed's workers sit idle. So a pool forked once
the map is computed (the workers inherit it, nothing is pickled) applies it to batches of the
spill's bytes, in spill order, while the building process writes the batches before, and
maps batches itself while it would otherwise wait for the next.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from itertools import islice

from indexer import store
from indexer.chunk_worker import GC_THRESHOLD, die_with_parent
from indexer.document import Prepared
from indexer.entity_map import EntityMap
from indexer.map_apply import apply_map
from indexer.spill import Spill, unpack

BATCH = 64  # documents per job: ~0.6 MB of pickles each way
IN_FLIGHT = 6  # jobs submitted ahead of the one being written

_MAP: EntityMap | None = None


def _init_worker(emap: EntityMap) -> None:
    global _MAP
    store.release_inherited_locks()
    die_with_parent()
    gc.set_threshold(*GC_THRESHOLD)
    _MAP = emap
    gc.freeze()  # the inherited map stays put: the collector need not walk it


def _apply(batch: tuple[bytes, ...]) -> list[Prepared]:
    if _MAP is None:  # pragma: no cover - only when called outside the pool by mistake
        raise RuntimeError("worker not initialised")
    return [apply_map(unpack(packed), _MAP) for packed in batch]


@contextmanager
def map_pool(workers: int, emap: EntityMap) -> Iterator[ProcessPoolExecutor | None]:
    """A fork pool of ``workers`` processes holding ``emap``, or None (``workers`` ≤ 1) to
    apply it in-process. Enter it before tantivy starts threads (a fork copies only the
    forking thread)."""
    if workers <= 1:
        yield None
        return
    ctx = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker,
                             initargs=(emap,)) as pool:
        pool.submit(os.getpid).result()  # with "fork", the first submit starts every worker
        yield pool


def mapped(spill: Spill, emap: EntityMap, pool: ProcessPoolExecutor | None,
           batch_size: int = BATCH) -> Iterator[Prepared]:
    """The spill's documents with ``emap`` applied, in the order they came (``pool``: from
    :func:`map_pool` on ``emap``)."""
    if pool is None:
        for prep in spill.replay():
            yield apply_map(prep, emap)
        return
    # Batches in spill order: a worker's (a future) or, where the next document to write is
    # still in a worker, mapped here meanwhile (a list): sending a document costs a pickle
    # each way, so the building process maps what it has time for itself.
    pending: deque[Future[list[Prepared]] | list[Prepared]] = deque()
    sent = 0  # futures in ``pending``
    packed = spill.packed()
    batch = tuple(islice(packed, batch_size))
    while batch or pending:
        if batch and sent < IN_FLIGHT:
            pending.append(pool.submit(_apply, batch))
            sent += 1
        elif batch and isinstance(pending[0], Future) and not pending[0].done():
            pending.append([apply_map(unpack(b), emap) for b in batch])
        else:
            head = pending.popleft()
            if isinstance(head, Future):
                sent -= 1
                head = head.result()
            yield from head
            continue
        batch = tuple(islice(packed, batch_size))
