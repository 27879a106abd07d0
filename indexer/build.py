"""Building and updating the tantivy index: ``reindex`` (full rebuild, atomic switch), ``add``,
``delete``.

The documents come from the feed (:mod:`indexer.feed`: worker processes parse, clean, analyse
and extract entities) and are written by :class:`_Writer`, which decides updates and stories.

Stories (:mod:`indexer.stories`): workers compute each body's MinHash. A full build keeps the
fingerprints while documents are parked for the corpus pass and clusters them all at once
(:class:`~indexer.story_ledger.Parked`), so each is written with its final story. ``add``
writes each new document with the story it joins; a new document can change older ones'
story (it was reported earlier, or it links two stories), and ``delete`` can split a story or
remove its first report: those documents are rewritten with their new story
(:func:`_restory`), so the index always carries the clusters a from-scratch clustering of its
documents gives. ``add`` and ``delete`` write into a branch of the live generation
(:func:`indexer.store.branch_generation`) and switch to it once the index, its stories and its
meta are all saved: a writer killed at any point leaves the live generation consistent.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import tantivy

from indexer import lexicon, store
from indexer import schema as S
from indexer.analysis import Analyzer
from indexer.build_report import BuildReport
from indexer.document import Prepared, document_fields, entity_keys, load_payload
from indexer.entity_map import EntityMap
from indexer.feed import (
    Pool,
    Progress,
    default_workers,
    feed_documents,
    gc_tuned,
    pool_forks,
    worker_pool,
)
from indexer.map_apply import apply_map
from indexer.map_workers import map_pool, mapped
from indexer.spill import Spill
from indexer.stories import Stories, changed
from indexer.story_ledger import Parked, StoryLedger, story_fields
from indexer.story_worker import StoryLinker, story_linker

WRITER_HEAP = 256 * 1024 * 1024


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
        self.writer.add_document(tantivy_document(prep.fields, prep.id, story, self.schema))

    def commit(self, analyzer: Analyzer) -> None:
        """Commit, then rewrite the documents whose story changed after they were written."""
        self.writer.commit()
        changes = self.ledger.settle()
        if changes:
            self.index.reload()
            _restory(self.index.searcher(), self.writer, analyzer, changes)
            self.writer.commit()
        self.writer.wait_merging_threads()



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
    with store.writer_lock(index_dir), store.disk_full_guard(index_dir), gc_tuned():
        store.cleanup_interrupted(index_dir)
        analyzer = store.load_analyzer(index_dir)
        analyzer.protect_names = protect_names
        user = tuple(sorted({w for w in names if analyzer.stem(w) != w}))
        analyzer.lexicon = lexicon.static_names() | set(user) if protect_names else frozenset()
        analyzer.lower_df = Counter()  # learnt anew from this corpus (the stems stay warm)
        entity_docs: Counter[str] = Counter()
        gen = store.new_generation(index_dir)
        # The corpus-level entity map needs every article: they wait in a spill file until
        # it is known (indexer/spill.py), then are written with it applied (indexer/map_apply.py).
        spill = Spill(index_dir)
        park = Parked(spill)
        n = workers or default_workers()
        # the stories' process is forked first, while this is the only thread (story_worker.py)
        with story_linker(index_dir) if pool_forks(n, dask_address) else nullcontext() as linker, \
                worker_pool(n, analyzer, dask_address) as pool:
            feed_documents(paths, field_map or {}, analyzer, park, report, pool, progress,
                           entity_docs, park)
            entity_map, stories = _map_and_stories(spill, park, pool, linker)
        # the map applied in a pool forked before tantivy's threads start (map_workers.py)
        with map_pool(1 if dask_address else workers or default_workers(), entity_map) as mp:
            index = store.create_empty(gen)
            writer = _Writer(index, report, live=False, stories=stories, clustered=True)
            for prep in mapped(spill, entity_map, mp):
                writer.add(prep)
        if report.written == 0:
            # Nothing usable: leave the live index as it was.
            del writer, index
            store.remove_stale(index_dir, _keep_all_but(index_dir, gen))
            report.seconds = time.perf_counter() - t0
            return report
        with ThreadPoolExecutor(1) as side:
            # tantivy's commit lets go of the interpreter lock: the map and the stories, which
            # the commit leaves as they are, are saved meanwhile
            saved = side.submit(_save_map_and_stories, gen, entity_map, stories)
            writer.commit(analyzer)
            saved.result()
        report.generation = gen.name
        report.seconds = time.perf_counter() - t0
        store.write_meta(gen, {"built": time.time(), "last_run": report.as_dict(),
                               "skipped": dict(report.skipped),
                               "analysis": {"protect_names": protect_names}})
        store.save_analyzer(index_dir, analyzer, _name_lists(index, analyzer, user, entity_docs))
        store.switch_to(index_dir, gen)
    return report


def _map_and_stories(spill: Spill, park: Parked, pool: Pool | None,
                     linker: StoryLinker | None) -> tuple[EntityMap, Stories]:
    """The corpus's entity map (its types' parts in ``pool``) and the parked documents'
    stories, worked out side by side: with ``linker``, the stories in its process from the
    start (:mod:`indexer.story_worker`), else in a thread once the map's jobs are out."""
    if linker is not None:
        stories_of = linker.link(park)
        return spill.entity_map(pool), stories_of()
    with ThreadPoolExecutor(1) as side:
        beside = _Beside(pool, side, park.stories)
        return spill.entity_map(None if pool is None else beside), beside.result()


def _save_map_and_stories(gen: Path, entity_map: EntityMap, stories: Stories) -> None:
    store.save_entity_map(gen, entity_map)
    stories.save(gen)


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
    with store.writer_lock(index_dir), store.disk_full_guard(index_dir), gc_tuned():
        store.cleanup_interrupted(index_dir)
        live = store.current_generation(index_dir)
        assert live is not None
        store.check_schema(index_dir, live)
        analyzer = store.load_analyzer(index_dir)
        before = store.load_names(index_dir)
        entity_docs = Counter(before.entity_docs)
        entity_map = store.load_entity_map(index_dir)
        with worker_pool(workers or default_workers(), analyzer, dask_address) as pool:
            # The index, its stories and its meta change together: in a branch of the live
            # generation, switched to once all of them are saved.
            gen = store.branch_generation(index_dir, live)
            index = tantivy.Index.open(str(gen))
            writer = _Writer(index, report, live=True, stories=Stories.load(gen))
            feed_documents(paths, field_map or {}, analyzer,
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
        writer.add_document(
            tantivy_document(document_fields(stored, analyzer), doc_id, story, schema))


def tantivy_document(fields: Mapping[str, Any], doc_id: str, story: str,
                     schema: tantivy.Schema) -> tantivy.Document:
    """The tantivy document of an article's ``fields`` (:func:`document_fields`) in ``story``,
    with its numbered entity fields (a writer into an index built without them drops them)."""
    return tantivy.Document.from_dict(
        {**fields, **story_fields(doc_id, story), **entity_keys(fields)}, schema)
