"""The feed of a build: input files read in the building process (I/O and gzip only), cut into
chunks, processed in a worker pool (a local fork pool, a Dask cluster, or in-process) in input
order with a bounded number in flight, and each prepared document handed to a sink with what
the workers learned folded into the analyzer and the report."""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from indexer.analysis import Analyzer
from indexer.build_report import BuildReport
from indexer.chunk_worker import (
    GC_THRESHOLD,
    ChunkResult,
    init_worker,
    process_chunk,
    process_in_worker,
)
from indexer.document import Prepared
from indexer.entities import load_model
from indexer.entity_map import EntityMap
from indexer.records import (
    Chunk,
    DecodeStats,
    InputFile,
    Problem,
    Record,
    iter_chunks,
    iter_input_files,
    records_of,
    uncompressed_size,
)
from indexer.spill import Parcel, Spill

Progress = Callable[[int, int, int], None]  # (records done, bytes done, bytes in all inputs)


def default_workers() -> int:
    return max(1, min(4, (os.cpu_count() or 1)))


def _chunks(files: Sequence[InputFile], field_map: Mapping[str, str], report: BuildReport
            ) -> Iterator[Chunk]:
    for f in files:
        report.files += 1
        for item in iter_chunks(f.path, field_map, key=f.key):
            if isinstance(item, Problem):
                report.note(item)
            else:
                yield item


@contextmanager
def gc_tuned() -> Iterator[None]:
    """The collector at :data:`GC_THRESHOLD` for the duration of a build."""
    before = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*before)


class Pool(Protocol):
    """Where chunks are processed: a local process pool or a Dask cluster."""

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Any: ...


def pool_forks(workers: int, dask_address: str | None) -> bool:
    """Whether :func:`worker_pool` gives a pool of processes forked from this one."""
    return not dask_address and workers > 1


@contextmanager
def worker_pool(workers: int, analyzer: Analyzer, dask_address: str | None = None
          ) -> Iterator[Pool | None]:
    """A fork pool of ``workers`` processes, forked at once — before tantivy starts threads —
    or None to work in-process; with ``dask_address``, the workers of that Dask cluster."""
    if dask_address:
        from indexer.dask_pool import dask_pool  # dask is only imported when asked for

        with dask_pool(dask_address, analyzer) as dask:
            yield dask
        return
    if not pool_forks(workers, dask_address):
        yield None
        return
    # Loaded once here, the extraction model is shared copy-on-write by the forked workers
    # (each loading it itself cost ~0.2-0.4 s CPU per worker).
    load_model()
    ctx = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(
        workers, mp_context=ctx, initializer=init_worker,
        initargs=(analyzer.stems, analyzer.lexicon, analyzer.protect_names),
    ) as pool:
        pool.submit(os.getpid).result()  # with "fork", the first submit starts every worker
        yield pool


def _results(
    chunks: Iterable[Chunk], analyzer: Analyzer, pool: Pool | None, parcels: bool = False
) -> Iterator[ChunkResult]:
    """Process chunks in input order, in the pool (bounded in flight) or in-process."""
    if pool is None:
        for chunk in chunks:
            yield process_chunk(chunk, analyzer, parcels)
        return
    pending: deque[Future[ChunkResult]] = deque()  # or Dask futures: the same result()
    for chunk in chunks:
        pending.append(pool.submit(process_in_worker, chunk, parcels))
        if len(pending) >= 6:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def feed_documents(
    paths: Sequence[Path],
    field_map: Mapping[str, str],
    analyzer: Analyzer,
    write: Callable[[Prepared], None],
    report: BuildReport,
    pool: Pool | None,
    progress: Progress | None,
    entity_docs: Counter[str],
    park: Callable[[Parcel], None] | None = None,
) -> None:
    """Hand each prepared document to ``write``, or with ``park`` each as a parcel to it."""
    done = done_bytes = 0
    files = list(iter_input_files(paths))
    total_bytes = sum(uncompressed_size(f.path) for f in files)
    with gc_tuned():
        chunks = _chunks(files, field_map, report)
        for result in _results(chunks, analyzer, pool, parcels=park is not None):
            analyzer.learn(result.learned, result.lower_seen)
            entity_docs.update(result.entity_docs)
            report.bad_utf8_lines += result.bad_utf8_lines
            report.stemmed_words += result.stemmed
            for problem in result.problems:
                report.note(problem)
            for prep in result.prepared:
                write(prep)
            if park is not None:
                for p in result.parcels:
                    park(p)
            done += result.items
            done_bytes += result.nbytes
            if progress is not None:
                progress(done, done_bytes, total_bytes)
    if pool is None:
        report.stemmed_words = analyzer.stemmed_count


def feed_analysis(
    paths: Sequence[Path], field_map: Mapping[str, str], analyzer: Analyzer,
    write: Callable[[Prepared], None], report: BuildReport, progress: Progress | None,
    entity_docs: Counter[str], *, workers: int | None = None, dask_address: str | None = None,
    spill: Spill | None = None, park: Callable[[Parcel], None] | None = None,
) -> EntityMap | None:
    """Read, analyse (local pool or Dask) and hand every prepared document to ``write`` (with
    ``park``, each as a parcel to it); with ``spill`` (which ``write`` or ``park`` fills), then
    the corpus's entity map, computed in the pool."""
    with worker_pool(workers or default_workers(), analyzer, dask_address) as pool:
        feed_documents(paths, field_map, analyzer, write, report, pool, progress, entity_docs, park)
        return spill.entity_map(pool) if spill is not None else None


def iter_records(paths: Sequence[Path]) -> Iterator[Record | Problem]:
    """All records of ``paths`` in order, parsed in-process (for tests and tools)."""
    stats = DecodeStats()
    for f in iter_input_files(paths):
        for item in iter_chunks(f.path, key=f.key):
            if isinstance(item, Problem):
                yield item
            else:
                yield from records_of(item, stats)
