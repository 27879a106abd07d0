"""The server's floor: in-process tantivy on Warta's own index doing the same faceted search as
``/search`` with none of Warta's code around it. Per query: parse the words, top 10 with their
stored documents, one aggregate call of the five terms facets and the date histogram."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from tantivy import Occur, Query

from indexer import schema as S
from indexer import store
from search_api import facets as F
from search_api.params import DEFAULT_FACET_SIZE


def floor_times(index_dir: Path, queries: list[dict[str, Any]]
                ) -> tuple[list[float], list[float]]:
    """(wall seconds, CPU seconds of this process) of each query's floor search."""
    index = store.open_index(index_dir)
    searcher, schema = index.searcher(), index.schema
    spec: dict[str, Any] = F.date_aggs()
    for name in S.KEYWORD_FACETS:
        spec[name] = F.terms_agg(name, DEFAULT_FACET_SIZE, searcher.num_segments)
    wall: list[float] = []
    cpu: list[float] = []
    for q in queries:
        t0, c0 = time.perf_counter(), time.process_time()
        text = q.get("q")
        query = index.parse_query_lenient(text, [S.WORDS])[0] if text else Query.all_query()
        if "person" in q:
            query = Query.boolean_query([
                (Occur.Must, query),
                (Occur.Must, Query.term_query(schema, S.PERSON, q["person"]))])
        for _score, addr in searcher.search(query, 10).hits:
            searcher.doc(addr)
        searcher.aggregate(query, spec)
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return wall, cpu
