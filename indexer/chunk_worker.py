"""What a worker process does with a chunk of input (:func:`process_chunk`): parse, clean,
analyse and extract entities, and hand back the documents with what the building process
learns from them (:class:`ChunkResult`). A local pool's workers start with
:func:`init_worker`; a Dask worker gets its analyzer through :func:`install_worker_analyzer`.
Each worker starts with the persisted stem cache and sends back the stems it learned, so the
cache saved at the end holds every word once and the next build of the same corpus starts
warm."""

from __future__ import annotations

import ctypes
import gc
import signal
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from indexer import lexicon, store
from indexer import schema as S
from indexer.analysis import Analyzer, DocumentTerms
from indexer.document import Article, Prepared, analyse_article, finish_article, read_article
from indexer.mentions import article_mentions
from indexer.records import Chunk, DecodeStats, Problem, Record, records_of
from indexer.spill import Parcel, parcel

# Building allocates container objects per article and mention, and almost none of them ever
# form a cycle. With the default threshold (700) the cyclic collector ran ~1,250 times in an
# in-process build of the 22k-article corpus (0.8 s, ~4.5% of it), walking the model's and the
# caches' objects; at this threshold it runs 17 times (0.46 s). It still runs. A build keeps
# this threshold from its feed to its commit: at the default, the entity map's pass alone
# (its counts and clusters in the building process) ran it ~350 times.
GC_THRESHOLD = (50_000, 20, 100)

T = TypeVar("T")


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


_WORKER_ANALYZER: Analyzer | None = None


def init_worker(stems: dict[str, str], lexicon_words: frozenset[str],
                 protect_names: bool) -> None:
    global _WORKER_ANALYZER
    store.release_inherited_locks()
    die_with_parent()
    gc.set_threshold(*GC_THRESHOLD)
    _WORKER_ANALYZER = Analyzer(stems, lexicon=lexicon_words, protect_names=protect_names)
    gc.freeze()  # what the worker inherited stays put: the collector need not walk it


def die_with_parent() -> None:
    """Linux: have the kernel SIGKILL this worker when the building process dies."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def install_worker_analyzer(analyzer: Analyzer) -> None:
    """The analyzer :func:`process_in_worker` uses in this (worker) process."""
    global _WORKER_ANALYZER
    _WORKER_ANALYZER = analyzer


def process_in_worker(chunk: Chunk, parcels: bool = False) -> ChunkResult:
    analyzer = _WORKER_ANALYZER
    if analyzer is None:  # pragma: no cover - only when called outside a pool by mistake
        raise RuntimeError("worker not initialised")
    return process_chunk(chunk, analyzer, parcels)


def prepare_all(items: list[Record | Problem], analyzer: Analyzer
                ) -> list[tuple[Prepared, S.StoredArticle] | Problem]:
    """:func:`~indexer.document.prepare_article` of each record of ``items`` (a problem stays
    one), in their order: the articles read first, then the mentions of all of them, then
    their analyses, then the rest of each. Finding one article's mentions right after
    another's keeps the extractor's tables in the CPU's caches, which the analysis and the
    payload between them push out (and the analyzer's, less so).
    Each stateful step (the analyzer's, the extractor's caches) still meets the articles in
    their order."""
    out: list[tuple[Prepared, S.StoredArticle] | Problem | None] = [
        item if isinstance(item, Problem) else None for item in items]  # each record's, filled
    read: dict[int, Article] = {}
    for i, item in enumerate(items):
        if isinstance(item, Record):
            got = _guarded(item.origin, read_article, item)
            if isinstance(got, Article):
                read[i] = got
            else:
                out[i] = got
    found: dict[int, list[S.Mention]] = {}
    for i, art in read.items():
        mentions = _guarded(art.origin, article_mentions, *art.mentioned)
        if isinstance(mentions, Problem):
            out[i] = mentions
        else:
            found[i] = mentions
    terms: dict[int, DocumentTerms] = {}
    for i in found:
        analysed = _guarded(read[i].origin, analyse_article, read[i], analyzer)
        if isinstance(analysed, Problem):
            out[i] = analysed
        else:
            terms[i] = analysed
    for i, words in terms.items():
        out[i] = _guarded(read[i].origin, finish_article, read[i], analyzer, found[i], words)
    return [o for o in out if o is not None]


def _guarded(origin: str, fn: Callable[..., T], *args: Any) -> T | Problem:
    """``fn(*args)``; a bug costs the one record, not the build."""
    try:
        return fn(*args)
    except Exception as e:
        return Problem(origin, "internal error", f"{type(e).__name__}: {e}")


def process_chunk(chunk: Chunk, analyzer: Analyzer, parcels: bool = False) -> ChunkResult:
    """The chunk's documents prepared, with what the building process learns from them;
    with ``parcels``, each document as a :class:`~indexer.spill.Parcel` instead."""
    stats = DecodeStats()
    prepared: list[Prepared] = []
    stored: list[S.StoredArticle] = []  # what each prepared document's payload encodes
    problems: list[Problem] = []
    before = analyzer.stemmed_count
    for out in prepare_all(list(records_of(chunk, stats)), analyzer):
        if isinstance(out, Problem):
            problems.append(out)
        else:
            prepared.append(out[0])
            stored.append(out[1])
    entity_docs: Counter[str] = Counter()
    for prep in prepared:
        for field_name in S.ENTITY_FIELDS.values():
            lexicon.count_entity_words(entity_docs, prep.fields.get(field_name) or ())
    return ChunkResult(
        [] if parcels else prepared,
        list(map(parcel, prepared, stored)) if parcels else [],
        problems,
        analyzer.drain_learned(),
        analyzer.drain_lower_seen(),
        entity_docs,
        stats.bad_utf8_lines,
        analyzer.stemmed_count - before,
        len(chunk.items),
        chunk.nbytes,
    )


