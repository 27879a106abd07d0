"""The server's floor: in-process tantivy on Warta's own index doing the same faceted search as
``/search`` with none of Warta's code around it. Per query: parse the words, top 10 with their
stored documents, one aggregate call of the five terms facets and the date histogram; one query
after another, or (:func:`floor_concurrent`) from several threads at once."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import tantivy
from tantivy import Occur, Query

from indexer import schema as S
from indexer import store
from search_api import facets as F
from search_api.params import DEFAULT_FACET_SIZE


def _floor_search(index: tantivy.Index) -> Callable[[dict[str, Any]], None]:
    """The floor's search of one query on ``index``."""
    searcher, schema = index.searcher(), index.schema
    spec: dict[str, Any] = F.date_aggs()
    for name in S.KEYWORD_FACETS:
        spec[name] = F.terms_agg(name, DEFAULT_FACET_SIZE, searcher.num_segments)

    def search(q: dict[str, Any]) -> None:
        text = q.get("q")
        query = index.parse_query_lenient(text, [S.WORDS])[0] if text else Query.all_query()
        if "person" in q:
            query = Query.boolean_query([
                (Occur.Must, query),
                (Occur.Must, Query.term_query(schema, S.PERSON, q["person"]))])
        for _score, addr in searcher.search(query, 10).hits:
            searcher.doc(addr)
        searcher.aggregate(query, spec)

    return search


def floor_search(index_dir: Path) -> Callable[[dict[str, Any]], None]:
    """The floor's search of one query on the index in ``index_dir`` (opened once)."""
    return _floor_search(store.open_index(index_dir))


def floor_times(index_dir: Path, queries: list[dict[str, Any]]
                ) -> tuple[list[float], list[float]]:
    """(wall seconds, CPU seconds of this process) of each query's floor search."""
    search = floor_search(index_dir)
    wall: list[float] = []
    cpu: list[float] = []
    for q in queries:
        t0, c0 = time.perf_counter(), time.process_time()
        search(q)
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return wall, cpu


def concurrent_times(search: Callable[[dict[str, Any]], None], queries: list[dict[str, Any]],
                     concurrency: int) -> tuple[list[float], float]:
    """(wall seconds of each query, seconds in all) of ``search`` over ``queries`` made by
    ``concurrency`` threads taking the next query as each finishes (as the HTTP bench's
    clients do; tantivy releases the GIL, so the threads share the cores): what the engine
    alone answers at that concurrency on this machine."""
    todo = iter(queries)
    lock = threading.Lock()
    wall: list[float] = []

    def client() -> None:
        while True:
            with lock:
                q = next(todo, None)
            if q is None:
                return
            t0 = time.perf_counter()
            search(q)
            with lock:
                wall.append(time.perf_counter() - t0)

    t0 = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return wall, time.perf_counter() - t0


def floor_concurrent(index_dir: Path, queries: list[dict[str, Any]], concurrency: int
                     ) -> tuple[list[float], float]:
    """:func:`concurrent_times` of the floor's search on the index in ``index_dir``."""
    return concurrent_times(floor_search(index_dir), queries, concurrency)
