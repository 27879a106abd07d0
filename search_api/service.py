"""Search, count, article, story, related, entity and health operations over the live tantivy
index (:class:`~search_api.snapshot.SearcherHolder`).

Each takes a holder, reads one snapshot and returns the objects of :mod:`search_api.results`,
whose field names are the API's JSON keys.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import tantivy
from tantivy import Order, Query

from indexer import schema as S
from indexer import store
from indexer.document import load_payload
from search_api import facet_cache as FC
from search_api import facet_counts as FCN
from search_api import recency, spelling
from search_api import related_cache as RC
from search_api import selection as SEL
from search_api import stories as ST
from search_api.memo import per_snapshot
from search_api.overlap import BESIDE
from search_api.params import EntitiesRequest, SearchRequest
from search_api.query import CompiledQuery, build
from search_api.results import (
    Article,
    EntitiesResponse,
    EntityCount,
    Health,
    Hit,
    SearchResponse,
    entity_lists,
    local_time,
    make_hit,
    prefix_matches,
)
from search_api.snapshot import SearcherHolder, Snapshot

# -- query pieces -----------------------------------------------------------------------------


def _matching(snap: Snapshot, request: SearchRequest) -> tuple[Query, int | None]:
    """What ``/search`` counts as ``total`` for ``request``: the text (its fallback when every
    word together finds nothing), every filter and the dates; with its count
    when choosing needed it."""
    range_filter = SEL.date_filter(snap.schema, request.date_from, request.date_to)
    filters = [*SEL.facet_filters(snap, request).values(),
               *([range_filter] if range_filter is not None else [])]
    compiled = build(request.q, snap.analyzer, snap.schema)
    main = SEL.combine(snap.schema, compiled.query, filters)
    if compiled.fallback is None:
        return main, None
    total = _count(snap.searcher, main)
    if total == 0:
        return SEL.combine(snap.schema, compiled.fallback, filters), None
    return main, total


def matching_query(snap: Snapshot, request: SearchRequest) -> Query:
    """The query of :func:`search`'s ``total`` (feeds, exports and trends select with it)."""
    return _matching(snap, request)[0]


def _total(result: tantivy.SearchResult) -> int:
    count = result.count  # type: ignore[attr-defined]  # present, but missing from the stub
    return int(count or 0)


def _count(searcher: tantivy.Searcher, query: Query) -> int:
    return _total(searcher.search(query, 1, count=True))


# -- search -----------------------------------------------------------------------------------


def payload(searcher: tantivy.Searcher, addr: tantivy.DocAddress) -> S.StoredArticle:
    return payload_in(searcher.doc(addr))


def payload_in(doc: tantivy.Document) -> S.StoredArticle:
    return load_payload(bytes(doc.get_first(S.PAYLOAD) or b""), mentions=False)


def story_summaries(snap: Snapshot, ids: Sequence[str],
                    known: Mapping[str, ST.FirstReport] | None = None
                    ) -> dict[str, ST.StorySummary]:
    multi = per_snapshot(snap, "multi_member_stories", lambda s: ST.multi_member(s.searcher),
                         wait=False)
    return ST.summaries(snap.searcher, snap.schema, ids, local_time, known, multi)


def _hit(
    snap: Snapshot, p: S.StoredArticle, score: float | None, terms: frozenset[str],
    story: ST.StorySummary,
) -> Hit:
    return make_hit(snap.analyzer, p, score, terms, story)


def date_span(snap: Snapshot) -> recency.Span | None:
    """The newest and oldest visible article's dates (memoised per index generation)."""
    if "date_span" not in snap.cache:
        everything = SEL.combine(snap.schema, None, [])
        snap.cache["date_span"] = recency.date_span(snap.searcher, everything)
    span: recency.Span | None = snap.cache["date_span"]
    return span


def _ranked(snap: Snapshot, request: SearchRequest, sort: str, main: Query, offset: int,
            size: int) -> tuple[int, list[tuple[Any, tantivy.DocAddress]]]:
    if sort == "recent":
        return recency.rank(snap.searcher, main, date_span(snap), request.halflife, offset, size)
    if sort == "relevance":
        result = snap.searcher.search(main, size, count=True, offset=offset)
    else:
        order = Order.Desc if sort == "newest" else Order.Asc
        result = snap.searcher.search(
            main, size, count=True, offset=offset, order_by_field=S.DATE, order=order,
        )
    return _total(result), list(result.hits)


def count(holder: SearcherHolder, request: SearchRequest) -> int:
    """:func:`search`'s ``total`` for ``request`` (all words, else some), without hits or
    facets: one or two counts."""
    snap = holder.snapshot()
    query, total = _matching(snap, request)
    return total if total is not None else _count(snap.searcher, query)


def _page(snap: Snapshot, request: SearchRequest, sort: str, main: Query
          ) -> tuple[int, list[tuple[Any, tantivy.DocAddress]]]:
    """(matching articles, the page's hits): one per story unless ``collapse=none``."""
    if request.collapse == "none":
        return _ranked(snap, request, sort, main, request.offset, request.size)
    totals: list[int] = []  # every ranking counts the matches: the first count is kept

    def ranking(limit: int) -> list[tuple[Any, tantivy.DocAddress]]:
        total, hits = _ranked(snap, request, sort, main, 0, limit)
        totals.append(total)
        return hits

    hits = ST.collapsed(snap.searcher, ranking, request.offset, request.size)
    return totals[0], hits


def search(holder: SearcherHolder, request: SearchRequest) -> SearchResponse:
    return search_in(holder.snapshot(), request)[0]


def search_in(snap: Snapshot, request: SearchRequest) -> tuple[SearchResponse, SearchRequest]:
    """:func:`search` in ``snap``, with ``request`` as the index writes its filter values
    (:func:`search_api.selection.indexed_selection`)."""
    with BESIDE.working():
        return _search_in(snap, request)


def _search_in(snap: Snapshot, request: SearchRequest) -> tuple[SearchResponse, SearchRequest]:
    t0 = time.perf_counter()
    schema, searcher = snap.schema, snap.searcher
    compiled: CompiledQuery = build(request.q, snap.analyzer, schema)
    sort = request.sort
    if compiled.query is None and sort in ("relevance", "recent"):
        sort = "newest"  # nothing to score: browse
    filters = SEL.facet_filters(snap, request)
    request = SEL.indexed_selection(snap, request)
    range_filter = SEL.date_filter(schema, request.date_from, request.date_to)
    all_filters = [*filters.values(), *([range_filter] if range_filter is not None else [])]

    def facets_of(text: Query | None) -> Callable[[], FC.Entry]:
        """The facets of ``text``'s results, started beside the ranking and the hits."""
        return BESIDE.start(lambda: FC.shared(
            snap.cache, request, text, filters, range_filter,
            lambda wide: FCN.compute_facets(snap, wide, text, filters, range_filter)))

    text, matched = compiled.query, "all"
    facets = facets_of(text)
    total, ranked = _page(snap, request, sort, SEL.combine(schema, text, all_filters))
    if total == 0 and compiled.fallback is not None:
        text, matched = compiled.fallback, "some"
        facets = facets_of(text)  # the facets started for every word together (no result) go unread
        total, ranked = _page(snap, request, sort, SEL.combine(schema, text, all_filters))
    docs = [(key, searcher.doc(addr)) for key, addr in ranked]  # one store read per hit
    found = [(key, ST.story_in(doc), payload_in(doc)) for key, doc in docs]
    firsts = {sid: f for _, sid, p in found if (f := ST.first_report_in(p, sid, local_time))}
    stories = story_summaries(snap, [sid for _, sid, _ in found], firsts)
    hits = tuple(
        _hit(
            snap, p,
            float(key) if sort in ("relevance", "recent") and key is not None else None,
            compiled.terms, stories[sid],
        )
        for key, sid, p in found
    )
    suggestion = spelling.suggestion(snap, request.q, wait=False)
    counted, n_stories = facets()
    took = round((time.perf_counter() - t0) * 1000, 2)
    return SearchResponse(
        query=request.q, sort=sort, matched=matched, suggestion=suggestion,
        collapse=request.collapse, total=total, stories=n_stories, took_ms=took,
        page=request.page, size=request.size, hits=hits, facets=counted,
    ), request


# -- articles, entities, health ---------------------------------------------------------------


def get_article(holder: SearcherHolder, doc_id: str) -> Article | None:
    snap = holder.snapshot()
    res = snap.searcher.search(Query.term_query(snap.schema, S.ID, doc_id), 1, count=False)
    if not res.hits:
        return None
    addr = res.hits[0][1]
    doc = snap.searcher.doc(addr)
    p, sid = payload_in(doc), ST.story_in(doc)
    return Article(
        id=p.id, title=p.title, title_derived=p.title_derived, url=p.url, source=p.source,
        category=p.category, date=local_time(p.date), body=p.body, entities=entity_lists(p),
        story=story_summaries(snap, [sid])[sid],
    )


def get_story(holder: SearcherHolder, story_id: str) -> ST.Story | None:
    snap = holder.snapshot()
    return ST.story(snap.searcher, snap.schema, story_id, local_time)


def related(holder: SearcherHolder, doc_id: str, size: int) -> ST.Related | None:
    """The article's related articles, remembered per snapshot (:mod:`search_api.related_cache`)."""
    snap = holder.snapshot()
    return RC.cached(snap.cache, doc_id, size, lambda: ST.related(
        snap.searcher, snap.schema, snap.analyzer, doc_id, size, local_time))


def entities(holder: SearcherHolder, request: EntitiesRequest) -> EntitiesResponse:
    snap = holder.snapshot()
    matched = [
        EntityCount(v, c) for v, c in SEL.all_values(snap, request.type)
        if prefix_matches(v, request.prefix)
    ]
    return EntitiesResponse(request.type, request.prefix, tuple(matched[: request.size]))


def health(holder: SearcherHolder) -> Health:
    snap = holder.snapshot()
    gen = store.current_generation(holder.index_dir)
    last_commit = None
    if gen is not None:
        try:
            mtime = (gen / "meta.json").stat().st_mtime
            last_commit = datetime.fromtimestamp(mtime, tz=UTC).isoformat()
        except OSError:
            pass
    return Health(
        status="ok",
        documents=int(snap.searcher.num_docs),
        generation=gen.name if gen is not None else "",
        last_commit=last_commit,
    )
