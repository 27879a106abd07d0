"""Building and updating the index: ``reindex`` (full rebuild, atomic switch), ``add``, ``delete``.

The main process reads files (I/O and gzip only) and feeds tantivy's writer; worker processes
parse, clean, analyse and extract entities (:func:`_process_chunk`). Each worker starts with the
persisted stem cache and sends back the stems it learned, so the cache saved at the end holds
every word once and the next build of the same corpus starts warm.

Stories (:mod:`indexer.stories`): workers compute each body's MinHash. A full build keeps the
fingerprints while documents are parked for the corpus pass and clusters them all at once
(:func:`~indexer.stories.cluster_batch`), so each is written with its final story. ``add``
writes each new document with the story it joins; a new document can change older ones'
story (it was reported earlier, or it links two stories), and ``delete`` can split a story or
remove its first report: those documents are rewritten with their new story
(:func:`_restory`), so the index always carries the clusters a from-scratch clustering of its
documents gives. ``add`` and ``delete`` write into a branch of the live generation
(:func:`indexer.store.branch_generation`) and switch to it once the index, its stories and its
meta are all saved: a writer killed at any point leaves the live generation consistent.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import tantivy

from indexer import lexicon, store
from indexer import schema as S
from indexer.analysis import Analyzer
from indexer.corpus_pass import Parcel, Spill, apply_map, parcel
from indexer.document import Prepared, document_fields, load_payload, prepare
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
from indexer.stories import Fingerprint, Stories, changed, cluster_batch, story_id, story_key

WRITER_HEAP = 256 * 1024 * 1024
MAX_PROBLEMS_KEPT = 1000
# Building allocates container objects per article and mention, and almost none of them ever
# form a cycle. With the default threshold (700) the cyclic collector ran ~1,250 times in an
# in-process build of the 22k-article corpus (0.8 s, ~4.5% of it), walking the model's and the
# caches' objects; at this threshold it runs 17 times (0.46 s). It still runs. A build keeps
# this threshold from its feed to its commit: at the default, the entity map's pass alone
# (its counts and clusters in the building process) ran it ~350 times.
GC_THRESHOLD = (50_000, 20, 100)


@dataclass(slots=True)
class BuildReport:
    indexed: int = 0  # new documents
    updated: int = 0  # documents that replaced one with the same identity
    skipped: Counter[str] = field(default_factory=Counter)  # reason -> count
    problems: list[Problem] = field(default_factory=list)  # the first MAX_PROBLEMS_KEPT
    bad_utf8_lines: int = 0
    stories: int = 0  # distinct stories in the index after this run
    restoried: int = 0  # documents rewritten because their story changed
    undated: int = 0
    files: int = 0
    seconds: float = 0.0
    stemmed_words: int = 0  # Sastrawi calls made in this run (0 when the cache was warm)
    generation: str = ""

    @property
    def written(self) -> int:
        return self.indexed + self.updated

    def note(self, problem: Problem) -> None:
        self.skipped[problem.reason] += 1
        if len(self.problems) < MAX_PROBLEMS_KEPT:
            self.problems.append(problem)

    def as_dict(self) -> dict[str, Any]:
        return {
            "indexed": self.indexed,
            "updated": self.updated,
            "skipped": dict(self.skipped),
            "bad_utf8_lines": self.bad_utf8_lines,
            "stories": self.stories,
            "restoried": self.restoried,
            "undated": self.undated,
            "files": self.files,
            "seconds": round(self.seconds, 3),
            "stemmed_words": self.stemmed_words,
            "generation": self.generation,
        }


@dataclass(frozen=True, slots=True)
class ChunkResult:
    prepared: list[Prepared]
    parcels: list[Parcel]  # instead of ``prepared`` when a full build asked for parcels
    problems: list[Problem]
    learned: list[tuple[str, str]]
    lower_seen: Counter[str]  # word -> articles of the chunk that write it in lower case
    entity_docs: Counter[str]  # entity-name word -> articles of the chunk that name it
    bad_utf8_lines: int
    stemmed: int
    items: int
    nbytes: int


# -- worker side ------------------------------------------------------------------------------
_WORKER_ANALYZER: Analyzer | None = None


def _init_worker(stems: dict[str, str], lexicon_words: frozenset[str],
                 protect_names: bool) -> None:
    global _WORKER_ANALYZER
    store.release_inherited_locks()
    _die_with_parent()
    gc.set_threshold(*GC_THRESHOLD)
    _WORKER_ANALYZER = Analyzer(stems, lexicon=lexicon_words, protect_names=protect_names)
    gc.freeze()  # what the worker inherited stays put: the collector need not walk it


def _die_with_parent() -> None:
    """Linux: have the kernel SIGKILL this worker when the building process dies."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def install_worker_analyzer(analyzer: Analyzer) -> None:
    """The analyzer :func:`_process_chunk` uses in this (worker) process."""
    global _WORKER_ANALYZER
    _WORKER_ANALYZER = analyzer


def _process_chunk(chunk: Chunk, parcels: bool = False) -> ChunkResult:
    analyzer = _WORKER_ANALYZER
    if analyzer is None:  # pragma: no cover - only when called outside a pool by mistake
        raise RuntimeError("worker not initialised")
    return process_chunk(chunk, analyzer, parcels)


def process_chunk(chunk: Chunk, analyzer: Analyzer, parcels: bool = False) -> ChunkResult:
    """The chunk's documents prepared, with what the building process learns from them;
    with ``parcels``, each document as a :class:`~indexer.corpus_pass.Parcel` instead."""
    stats = DecodeStats()
    prepared: list[Prepared] = []
    problems: list[Problem] = []
    before = analyzer.stemmed_count
    for rec in records_of(chunk, stats):
        if isinstance(rec, Problem):
            problems.append(rec)
            continue
        try:
            out = prepare(rec, analyzer)
        except Exception as e:  # a bug must cost one record, not the build
            out = Problem(rec.origin, "internal error", f"{type(e).__name__}: {e}")
        (problems if isinstance(out, Problem) else prepared).append(out)  # type: ignore[arg-type]
    entity_docs: Counter[str] = Counter()
    for prep in prepared:
        for field_name in S.ENTITY_FIELDS.values():
            lexicon.count_entity_words(entity_docs, prep.fields.get(field_name) or ())
    return ChunkResult(
        [] if parcels else prepared,
        [parcel(prep) for prep in prepared] if parcels else [],
        problems,
        analyzer.drain_learned(),
        analyzer.drain_lower_seen(),
        entity_docs,
        stats.bad_utf8_lines,
        analyzer.stemmed_count - before,
        len(chunk.items),
        chunk.nbytes,
    )


# -- main side --------------------------------------------------------------------------------
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
def _gc_tuned() -> Iterator[None]:
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


@contextmanager
def _pool(workers: int, analyzer: Analyzer, dask_address: str | None = None
          ) -> Iterator[Pool | None]:
    """A fork pool of ``workers`` processes, forked at once — before tantivy starts threads —
    or None to work in-process; with ``dask_address``, the workers of that Dask cluster."""
    if dask_address:
        from indexer.dask_pool import dask_pool  # dask is only imported when asked for

        with dask_pool(dask_address, analyzer) as dask:
            yield dask
        return
    if workers <= 1:
        yield None
        return
    # Loaded once here, the extraction model is shared copy-on-write by the forked workers
    # (each loading it itself cost ~0.2-0.4 s CPU per worker).
    load_model()
    ctx = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(
        workers, mp_context=ctx, initializer=_init_worker,
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
        pending.append(pool.submit(_process_chunk, chunk, parcels))
        if len(pending) >= 6:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def epoch(prep: Prepared | Parcel) -> int | None:
    return int(prep.date.timestamp()) if prep.date is not None else None


def add_to_stories(stories: Stories, prep: Prepared) -> str:
    return stories.add(prep.id, prep.fingerprint, epoch(prep))


class Parked:
    """A full build's documents waiting in ``spill`` for the corpus's entity map, and their
    fingerprints, clustered all at once when every one is in (:meth:`stories`). Both backends'
    rebuilds park this way, so they give the same stories."""

    def __init__(self, spill: Spill) -> None:
        self.spill = spill
        self.prints: list[tuple[str, Fingerprint, int | None]] = []

    def __call__(self, item: Prepared | Parcel) -> None:
        self.prints.append((item.id, item.fingerprint, epoch(item)))
        self.spill.add(item)

    def stories(self) -> Stories:
        stories = cluster_batch(self.prints)
        self.prints.clear()
        return stories


def story_fields(doc_id: str, story: str) -> dict[str, Any]:
    return {S.STORY: story, S.STORY_KEY: story_key(story),
            S.FIRST_REPORT: story_id(doc_id) == story}


class StoryLedger:
    """What a writer of either backend keeps while it writes: the ids it has written, its
    report's counts, and the story written into each document, so that its commit can find the
    documents whose story changed after they were written."""

    def __init__(self, report: BuildReport, stories: Stories, clustered: bool) -> None:
        self.report = report
        self.stories = stories
        # clustered: every document to come is already in ``stories`` (a full build clusters
        # while the documents are parked, so each is written with its final story)
        self.clustered = clustered
        self.ids: set[str] = set()
        self.before = {} if clustered else stories.assignments()  # of the documents indexed
        self.written: dict[str, str] = {}  # id -> the story written into its document

    def place(self, prep: Prepared, existed: bool) -> str:
        """Count ``prep`` as indexed or updated and give the story to write into it."""
        if existed:
            self.report.updated += 1
        else:
            self.report.indexed += 1
        self.ids.add(prep.id)
        self.report.undated += prep.date is None
        if self.clustered:
            story = self.stories.story_of(prep.id)
        else:
            story = add_to_stories(self.stories, prep)
        self.written[prep.id] = story
        return story

    def settle(self) -> dict[str, str]:
        """The documents (id -> story) to rewrite because their story changed after they were
        written; the report gets their number and the stories'."""
        after = self.stories.assignments()
        changes = changed({**self.before, **self.written}, after)
        self.report.restoried = len(changes)
        self.report.stories = len(set(after.values()))
        return changes


class _Writer:
    """Feeds prepared documents to a tantivy writer, deciding updates and stories."""

    def __init__(self, index: tantivy.Index, report: BuildReport, *, live: bool,
                 stories: Stories, clustered: bool = False) -> None:
        self.schema = S.build_schema()
        self.index = index
        # One indexing thread: the Python workers are the bottleneck, not tantivy, and one
        # thread writes one segment, which keeps facet counts exact and cheap (see facets.py).
        self.writer = index.writer(heap_size=WRITER_HEAP, num_threads=1)
        self.live = live  # True when writing into an index that already has documents
        self.searcher = index.searcher() if live else None
        self.ledger = StoryLedger(report, stories, clustered)
        self.stories = stories

    def _exists(self, field_name: str, value: str) -> list[tantivy.DocAddress]:
        if self.searcher is None:
            return []
        q = tantivy.Query.term_query(self.schema, field_name, value)
        return [a for _s, a in self.searcher.search(q, 10).hits]

    def add(self, prep: Prepared) -> None:
        existed = prep.id in self.ledger.ids or bool(self._exists(S.ID, prep.id))
        if existed:
            self.writer.delete_documents_by_term(S.ID, prep.id)
        story = self.ledger.place(prep, existed)
        self.writer.add_document(
            tantivy.Document.from_dict({**prep.fields, **story_fields(prep.id, story)}, self.schema)
        )

    def commit(self, analyzer: Analyzer) -> None:
        """Commit, then rewrite the documents whose story changed after they were written."""
        self.writer.commit()
        changes = self.ledger.settle()
        if changes:
            self.index.reload()
            _restory(self.index.searcher(), self.writer, analyzer, changes)
            self.writer.commit()
        self.writer.wait_merging_threads()


def _feed(
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
    with _gc_tuned():
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
    with _pool(workers or default_workers(), analyzer, dask_address) as pool:
        _feed(paths, field_map, analyzer, write, report, pool, progress, entity_docs, park)
        return spill.entity_map(pool) if spill is not None else None


class _Beside:
    """A pool whose first job starts ``work`` in the ``side`` thread: the building process
    clusters the stories while it waits for the entity map's jobs, not while it works out what
    they are (the map's own steps, which would share the interpreter lock with it)."""

    def __init__(self, pool: Pool | None, side: ThreadPoolExecutor,
                 work: Callable[[], Stories]) -> None:
        self.pool, self.side, self.work = pool, side, work
        self._done: Future[Stories] | None = None

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Any:
        assert self.pool is not None
        future = self.pool.submit(fn, *args)
        if self._done is None:
            self._done = self.side.submit(self.work)
        return future

    def result(self) -> Stories:
        if self._done is None:  # no job was submitted: the map was computed here
            self._done = self.side.submit(self.work)
        return self._done.result()


def reindex(
    paths: Sequence[Path],
    index_dir: Path,
    *,
    field_map: Mapping[str, str] | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
    protect_names: bool = True,
    names: Sequence[str] = (),
    dask_address: str | None = None,
) -> BuildReport:
    """Build a new generation from ``paths`` and switch to it atomically. ``names``: the user's
    name words (:func:`indexer.lexicon.read_names_file`), protected like the shipped lexicon.
    ``protect_names=False`` (for measurements) stems capitalised words like any other."""
    index_dir = Path(index_dir)
    report = BuildReport()
    t0 = time.perf_counter()
    with store.writer_lock(index_dir), store.disk_full_guard(index_dir), _gc_tuned():
        store.cleanup_interrupted(index_dir)
        analyzer = store.load_analyzer(index_dir)
        analyzer.protect_names = protect_names
        user = tuple(sorted({w for w in names if analyzer.stem(w) != w}))
        analyzer.lexicon = lexicon.static_names() | set(user) if protect_names else frozenset()
        analyzer.lower_df = Counter()  # learnt anew from this corpus (the stems stay warm)
        entity_docs: Counter[str] = Counter()
        gen = store.new_generation(index_dir)
        # The corpus-level entity map needs every article: they wait in a spill file until
        # it is known (corpus_pass.py), then are written with it applied.
        spill = Spill(index_dir)
        park = Parked(spill)
        with _pool(workers or default_workers(), analyzer, dask_address) as pool:
            _feed(paths, field_map or {}, analyzer, park, report, pool, progress, entity_docs,
                  park)
            with ThreadPoolExecutor(1) as side:
                beside = _Beside(pool, side, park.stories)
                entity_map = spill.entity_map(None if pool is None else beside)
                stories = beside.result()
        index = store.create_empty(gen)
        writer = _Writer(index, report, live=False, stories=stories, clustered=True)
        for prep in spill.replay():
            writer.add(apply_map(prep, entity_map))
        if report.written == 0:
            # Nothing usable: leave the live index as it was.
            del writer, index
            store.remove_stale(index_dir, _keep_all_but(index_dir, gen))
            report.seconds = time.perf_counter() - t0
            return report
        writer.commit(analyzer)
        store.save_entity_map(gen, entity_map)
        writer.stories.save(gen)
        report.generation = gen.name
        report.seconds = time.perf_counter() - t0
        store.write_meta(gen, {"built": time.time(), "last_run": report.as_dict(),
                               "skipped": dict(report.skipped),
                               "analysis": {"protect_names": protect_names}})
        store.save_analyzer(index_dir, analyzer, _name_lists(index, analyzer, user, entity_docs))
        store.switch_to(index_dir, gen)
    return report


def _name_lists(index: tantivy.Index, analyzer: Analyzer, user: Sequence[str],
                entity_docs: Counter[str]) -> store.NameLists:
    """The lexicon's lists after a build: what it learned, and the words queries take as names
    (the corpus's casing evidence against the committed index's article counts)."""
    if not analyzer.protect_names:
        return store.NameLists(tuple(user), (), (), dict(entity_docs))
    index.reload()
    searcher = index.searcher()
    return name_lists(analyzer, user, entity_docs,
                      lambda word: int(searcher.doc_freq(S.WORDS, word)))


def name_lists(analyzer: Analyzer, user: Sequence[str], entity_docs: Counter[str],
               doc_freq: Callable[[str], int]) -> store.NameLists:
    """:func:`_name_lists` for any engine: ``doc_freq`` counts the articles with a word in the
    ``words`` field."""
    if not analyzer.protect_names:
        return store.NameLists(tuple(user), (), (), dict(entity_docs))
    learned = lexicon.learned_names(entity_docs, analyzer.lower_df, doc_freq, analyzer.stem)
    query = lexicon.query_names(analyzer.lexicon, user, learned, analyzer.lower_df, doc_freq)
    return store.NameLists(tuple(user), tuple(sorted(learned)), tuple(sorted(query)),
                           dict(entity_docs))


def _keep_all_but(index_dir: Path, gen: Path) -> set[Path]:
    return {g.path.resolve() for g in store.generations(index_dir) if g.path != gen}


def add(
    paths: Sequence[Path],
    index_dir: Path,
    *,
    field_map: Mapping[str, str] | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
    dask_address: str | None = None,
) -> BuildReport:
    """Upsert records into the live index (creating it when there is none)."""
    index_dir = Path(index_dir)
    if store.current_generation(index_dir) is None:
        return reindex(paths, index_dir, field_map=field_map, workers=workers, progress=progress,
                       dask_address=dask_address)
    report = BuildReport()
    t0 = time.perf_counter()
    with store.writer_lock(index_dir), store.disk_full_guard(index_dir), _gc_tuned():
        store.cleanup_interrupted(index_dir)
        live = store.current_generation(index_dir)
        assert live is not None
        store.check_schema(index_dir, live)
        analyzer = store.load_analyzer(index_dir)
        before = store.load_names(index_dir)
        entity_docs = Counter(before.entity_docs)
        entity_map = store.load_entity_map(index_dir)
        with _pool(workers or default_workers(), analyzer, dask_address) as pool:
            # The index, its stories and its meta change together: in a branch of the live
            # generation, switched to once all of them are saved.
            gen = store.branch_generation(index_dir, live)
            index = tantivy.Index.open(str(gen))
            writer = _Writer(index, report, live=True, stories=Stories.load(gen))
            _feed(paths, field_map or {}, analyzer,
                  lambda prep: writer.add(apply_map(prep, entity_map)),
                  report, pool, progress, entity_docs)
        if report.written:
            writer.commit(analyzer)
            writer.stories.save(gen)
        report.generation = gen.name
        report.seconds = time.perf_counter() - t0
        meta = store.read_meta(gen)
        skipped = Counter(meta.get("skipped") or {})
        skipped.update(report.skipped)
        store.write_meta(gen, {**meta, "last_run": report.as_dict(), "skipped": dict(skipped)})
        store.save_analyzer(index_dir, analyzer,
                            _name_lists(index, analyzer, before.user, entity_docs))
        store.switch_to(index_dir, gen)
    return report


def delete(ids: Iterable[str], index_dir: Path) -> tuple[int, list[str]]:
    """Remove documents by id. Returns (how many were removed, ids that were not found).

    A story that loses its first report gets a new one (and a new id); a story whose only link
    between two parts is removed splits: the documents whose story changed are rewritten.
    """
    index_dir = Path(index_dir)
    removed, missing = 0, list[str]()
    schema = S.build_schema()
    if store.current_generation(index_dir) is None:  # before the lock, which makes the dir
        raise store.NoIndex(f"no index at {index_dir}")
    with store.writer_lock(index_dir):
        store.cleanup_interrupted(index_dir)
        live = store.current_generation(index_dir)
        assert live is not None
        searcher = store.open_index(index_dir).searcher()
        found: list[str] = []
        for doc_id in dict.fromkeys(ids):
            hits = searcher.search(tantivy.Query.term_query(schema, S.ID, doc_id), 1).hits
            (found if hits else missing).append(doc_id)
        if not found:
            return removed, missing  # nothing changed: no commit, the index stays as it was
        # The index and its stories change together, in a branch switched to when both are
        # saved (see :func:`indexer.store.branch_generation`).
        gen = store.branch_generation(index_dir, live)
        index = tantivy.Index.open(str(gen))
        searcher = index.searcher()
        writer = index.writer(heap_size=64 * 1024 * 1024, num_threads=1)
        analyzer = store.load_analyzer(index_dir)
        stories = Stories.load(gen)
        before = stories.assignments()
        for doc_id in found:
            writer.delete_documents_by_term(S.ID, doc_id)
            stories.remove(doc_id)
            removed += 1
        _restory(searcher, writer, analyzer, changed(before, stories.assignments()))
        writer.commit()
        writer.wait_merging_threads()
        stories.save(gen)
        store.switch_to(index_dir, gen)
    return removed, missing


def _restory(searcher: tantivy.Searcher, writer: tantivy.IndexWriter, analyzer: Analyzer,
             changes: Mapping[str, str]) -> None:
    """Rewrite each document of ``changes`` (id -> story) with its new story."""
    schema = S.build_schema()
    for doc_id, story in changes.items():
        hits = searcher.search(tantivy.Query.term_query(schema, S.ID, doc_id), 1).hits
        if not hits:
            continue
        stored = load_payload(searcher.doc(hits[0][1])[S.PAYLOAD][0])
        writer.delete_documents_by_term(S.ID, doc_id)
        fields = {**document_fields(stored, analyzer), **story_fields(doc_id, story)}
        writer.add_document(tantivy.Document.from_dict(fields, schema))


def iter_records(paths: Sequence[Path]) -> Iterator[Record | Problem]:
    """All records of ``paths`` in order, parsed in-process (for tests and tools)."""
    stats = DecodeStats()
    for f in iter_input_files(paths):
        for item in iter_chunks(f.path, key=f.key):
            if isinstance(item, Problem):
                yield item
            else:
                yield from records_of(item, stats)
