"""Search, article, entity and health operations over the live index.

Everything here returns frozen dataclasses whose field names are the API's JSON keys, so the JSON
routes serialise them as they are (orjson handles dataclasses) and an HTML page can render the
same objects. The only long-lived state is the :class:`SearcherHolder`.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from typing import Any, Final

import tantivy
from tantivy import FieldType, Occur, Order, Query

from indexer import schema as S
from indexer import store
from indexer.analysis import Analyzer
from indexer.document import load_payload
from indexer.entity_norm import variant_key
from search_api import facet_cache as FC
from search_api import facets as F
from search_api import highlight as H
from search_api import recency, spelling
from search_api import related_cache as RC
from search_api import snippet_windows as SW
from search_api import stories as ST
from search_api.memo import per_snapshot
from search_api.overlap import BESIDE
from search_api.params import EntitiesRequest, SearchRequest
from search_api.query import CompiledQuery, build

ENTITY_SCAN_SIZE: Final = 65_000  # distinct values one /entities aggregation may return


class IndexUnavailable(Exception):
    """There is no index to answer from (not built yet, or unreadable)."""


# -- the searcher holder ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One opened index generation: what a request reads from, start to end."""

    index: tantivy.Index
    searcher: tantivy.Searcher
    analyzer: Analyzer
    schema: tantivy.Schema
    version: object
    opened_at: float
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
            snap = Snapshot(index, searcher, analyzer, index.schema, version, time.time())
            self._snapshot = snap
            return snap


# -- results ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Hit:
    id: str
    title: str
    url: str
    source: str
    category: str
    date: str | None
    score: float | None  # BM25 (sort=relevance), BM25 x age decay (recent); None by date
    title_html: str
    snippet_html: str
    entities: Mapping[str, tuple[str, ...]]
    story: ST.StorySummary


@dataclass(frozen=True, slots=True)
class SearchResponse:
    query: str
    sort: str
    matched: str  # "all": every hit has all the query's words; "some": none had, most-words first
    suggestion: str | None  # the query with unknown words corrected ("did you mean"), or None
    collapse: str
    total: int  # matching articles
    stories: int  # distinct stories among them
    took_ms: float
    page: int
    size: int
    hits: tuple[Hit, ...]
    facets: F.Facets


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    title: str
    title_derived: bool
    url: str
    source: str
    category: str
    date: str | None
    body: str
    entities: Mapping[str, tuple[str, ...]]
    story: ST.StorySummary


@dataclass(frozen=True, slots=True)
class EntityCount:
    value: str
    count: int


@dataclass(frozen=True, slots=True)
class EntitiesResponse:
    type: str
    prefix: str
    values: tuple[EntityCount, ...]


@dataclass(frozen=True, slots=True)
class Health:
    status: str
    documents: int
    generation: str
    last_commit: str | None  # ISO 8601 UTC of the live generation's last commit


# -- query pieces -----------------------------------------------------------------------------


def _day_start(d: date) -> datetime:
    """Midnight of a calendar day in the API's day zone (WIB), as an aware datetime."""
    return datetime.combine(d, dtime(0), tzinfo=F.DAY_TZ)


# Days whose midnight tantivy can store (its dates span 1677-09-21 .. 2262-04-11).
_FIRST_DAY: Final = date(1677, 9, 22)
_LAST_DAY: Final = date(2262, 4, 10)


def _bound(d: date) -> datetime:
    """Midnight of ``d``, clamped to what the index can represent."""
    if d <= _FIRST_DAY:
        return tantivy.MIN_DATETIME
    if d >= _LAST_DAY:
        return tantivy.MAX_DATETIME
    return _day_start(d)


def date_filter(schema: tantivy.Schema, lo: date | None, hi: date | None) -> Query | None:
    """Inclusive day range [lo, hi] of WIB days, as [lo 00:00, hi+1 00:00)."""
    if lo is None and hi is None:
        return None
    lower = _bound(lo) if lo else tantivy.MIN_DATETIME
    upper = tantivy.MAX_DATETIME if hi is None or hi >= _LAST_DAY else _bound(
        hi + timedelta(days=1)
    )
    return Query.range_query(
        schema, S.DATE, FieldType.Date, lower, upper,
        include_lower=True, include_upper=hi is None or hi >= _LAST_DAY,
    )


def facet_filters(snap: Snapshot, request: SearchRequest) -> dict[str, Query]:
    """Facet field -> its filter: any of the selected values, or all of them for a facet in
    ``request.all_of``. Each value stands for the indexed values equal to it up to case,
    apostrophes and spacing (:func:`value_variants`)."""
    out = {}
    for name, values in request.filters.items():
        if not values:
            continue
        groups = [value_variants(snap, name, v) for v in values]
        if name in request.all_of:
            out[name] = Query.boolean_query([
                (Occur.Must, Query.term_set_query(snap.schema, name, list(g))) for g in groups])
        else:
            flat = list(dict.fromkeys(v for g in groups for v in g))
            out[name] = Query.term_set_query(snap.schema, name, flat)
    return out


def value_variants(snap: Snapshot, field_name: str, value: str) -> tuple[str, ...]:
    """The indexed values of a facet that ``value`` names: those equal to it up to case,
    apostrophes and spacing (``value`` itself when the index has none)."""
    key = f"variants:{field_name}"
    folded = snap.cache.get(key)
    if folded is None:
        groups: dict[str, list[str]] = {}
        for v, _count in all_values(snap, field_name):
            groups.setdefault(variant_key(v), []).append(v)
        folded = {k: tuple(vs) for k, vs in groups.items()}
        snap.cache[key] = folded
    found: tuple[str, ...] = folded.get(variant_key(value), (value,))
    return found


def indexed_selection(snap: Snapshot, request: SearchRequest) -> SearchRequest:
    """``request`` with its filter values written as the index writes them (so the facets
    flag "Joko Widodo" when ``person=joko widodo`` was asked)."""
    return replace(request, filters={
        name: tuple(dict.fromkeys(x for v in values for x in value_variants(snap, name, v)))
        for name, values in request.filters.items()
    })


def combine(schema: tantivy.Schema, text: Query | None, filters: Sequence[Query]) -> Query:
    """text AND every filter (filters do not score)."""
    base = text if text is not None else Query.all_query()
    subs: list[tuple[Occur, Query]] = [(Occur.Must, base)]
    subs.extend((Occur.Must, Query.const_score_query(f, 0.0)) for f in filters)
    return Query.boolean_query(subs)


def _matching(snap: Snapshot, request: SearchRequest) -> tuple[Query, int | None]:
    """What ``/search`` counts as ``total`` for ``request``: the text (its fallback when every
    word together finds nothing), every filter and the dates; with its count
    when choosing needed it."""
    range_filter = date_filter(snap.schema, request.date_from, request.date_to)
    filters = [*facet_filters(snap, request).values(),
               *([range_filter] if range_filter is not None else [])]
    compiled = build(request.q, snap.analyzer, snap.schema)
    main = combine(snap.schema, compiled.query, filters)
    if compiled.fallback is None:
        return main, None
    total = _count(snap.searcher, main)
    if total == 0:
        return combine(snap.schema, compiled.fallback, filters), None
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


def local_time(iso: str | None) -> str | None:
    """A stored UTC timestamp as ISO 8601 in the API's day zone (WIB, +07:00), so its date
    part is the day that ``from``/``to`` and the date facet count it under."""
    if not iso:
        return None
    try:
        return datetime.fromisoformat(iso).astimezone(F.DAY_TZ).isoformat()
    except ValueError:
        return iso


def _entities(p: S.StoredArticle) -> dict[str, tuple[str, ...]]:
    return {k: tuple(p.entities.get(k, ())) for k in S.ENTITY_TYPES}


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


def make_hit(
    analyzer: Analyzer, p: S.StoredArticle, score: float | None, terms: frozenset[str],
    story: ST.StorySummary,
) -> Hit:
    """A result as the API shows it, highlighted over the original text (every backend)."""
    names = frozenset(p.names)
    title_spans = analyzer.spans(p.title, names)
    body_spans = SW.body_spans(analyzer, p.body, names, terms)
    return Hit(
        id=p.id,
        title=p.title,
        url=p.url,
        source=p.source,
        category=p.category,
        date=local_time(p.date),
        score=score,
        title_html=H.highlight(p.title, title_spans, terms),
        snippet_html=H.snippet(p.body, body_spans, terms),
        entities=_entities(p),
        story=story,
    )


def compute_facets(
    snap: Snapshot,
    request: SearchRequest,
    text: Query | None,
    filters: Mapping[str, Query],
    range_filter: Query | None,
) -> tuple[F.Facets, int]:
    """The facets of the results and how many distinct stories they hold (one aggregate call
    counts both and the results themselves, plus one per disjunctive facet and one for the
    facets whose probe left their last place undecided, see :func:`_top_counts`)."""
    searcher, schema = snap.searcher, snap.schema
    base = [range_filter] if range_filter is not None else []
    full = combine(schema, text, [*base, *filters.values()])
    size = request.facet_size
    spec: dict[str, Any] = {**F.date_aggs(), "stories": ST.repeats_agg(searcher.num_docs),
                            "members": ST.members_agg()}
    # Disjunctive (see facets.py) but for a facet whose values must all match: choosing one
    # more of those narrows the results, so its counts are those of the results as they are.
    disjunctive = {name for name in filters if name not in request.all_of}
    together = [name for name in S.KEYWORD_FACETS if name not in disjunctive]
    for name in together:
        spec[name] = F.probe_agg(name, size, searcher.num_segments)
    result = searcher.aggregate(full, spec)
    counts_of = _top_counts(searcher, full, together, size, result)
    values: dict[str, tuple[F.FacetValue, ...]] = {}
    for name in S.KEYWORD_FACETS:
        selected = request.selected(name)
        if name in disjunctive:
            # Disjunctive: count this facet with every filter but its own.
            others = [q for other, q in filters.items() if other != name]
            counted = combine(schema, text, [*base, *others])
            counts = _top_counts(searcher, counted, [name], size)[name]
        else:
            counted, counts = full, counts_of[name]
        shown = {v for v, _ in counts}
        unshown = [v for v in selected if v not in shown]
        missing: dict[str, int] = {}
        if unshown:  # the selected values outside the top: one call counts them all
            agg = searcher.aggregate(counted, {name: F.terms_agg(
                name, len(unshown), searcher.num_segments, include=unshown)})
            found = dict(F.term_counts(agg.get(name)))
            missing = {v: found.get(v, 0) for v in unshown}
        values[name] = F.terms_facet(counts, selected, size, missing)
    days = F.day_counts(result.get("days"))
    total = F.stats_count(result.get("members"))
    undated = total - F.stats_count(result.get("dated"))
    return F.Facets(
        person=values[S.PERSON],
        org=values[S.ORG],
        place=values[S.PLACE],
        source=values[S.SOURCE],
        category=values[S.CATEGORY],
        date=F.date_facet(days, undated),
    ), ST.stories_among(total, result.get("stories"))


def _top_counts(searcher: tantivy.Searcher, query: Query, names: Sequence[str], size: int,
                result: Mapping[str, Any] | None = None) -> dict[str, list[tuple[str, int]]]:
    """Each facet's (value, count) pairs holding its top ``size`` for ``query``: probed
    (``result``, an aggregate call that had :func:`facets.probe_agg` for each name, or a call of
    their own), and the facets whose probe left the last place undecided counted again, in one
    call, with :func:`facets.terms_agg`."""
    segments = searcher.num_segments
    if result is None:
        result = searcher.aggregate(query, {n: F.probe_agg(n, size, segments) for n in names})
    counts = {n: F.term_counts(result.get(n)) for n in names}
    unsettled = [n for n in names if not F.probe_settles(counts[n], size)]
    if unsettled:
        exact = searcher.aggregate(query, {n: F.terms_agg(n, size, segments) for n in unsettled})
        counts.update((n, F.term_counts(exact.get(n))) for n in unsettled)
    return counts


def date_span(snap: Snapshot) -> recency.Span | None:
    """The newest and oldest visible article's dates (memoised per index generation)."""
    if "date_span" not in snap.cache:
        snap.cache["date_span"] = recency.date_span(snap.searcher, combine(snap.schema, None, []))
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
    t0 = time.perf_counter()
    snap = holder.snapshot()
    schema, searcher = snap.schema, snap.searcher
    compiled: CompiledQuery = build(request.q, snap.analyzer, schema)
    sort = request.sort
    if compiled.query is None and sort in ("relevance", "recent"):
        sort = "newest"  # nothing to score: browse
    filters = facet_filters(snap, request)
    request = indexed_selection(snap, request)
    range_filter = date_filter(schema, request.date_from, request.date_to)
    all_filters = [*filters.values(), *([range_filter] if range_filter is not None else [])]

    def facets_of(text: Query | None) -> Callable[[], FC.Entry]:
        """The facets of ``text``'s results, started beside the ranking and the hits."""
        return BESIDE.start(lambda: FC.shared(
            snap.cache, request, text, filters, range_filter,
            lambda wide: compute_facets(snap, wide, text, filters, range_filter)))

    text, matched = compiled.query, "all"
    facets = facets_of(text)
    total, ranked = _page(snap, request, sort, combine(schema, text, all_filters))
    if total == 0 and compiled.fallback is not None:
        text, matched = compiled.fallback, "some"
        facets = facets_of(text)  # the facets started for every word together (no result) go unread
        total, ranked = _page(snap, request, sort, combine(schema, text, all_filters))
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
    )


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
        category=p.category, date=local_time(p.date), body=p.body, entities=_entities(p),
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


_WORD_SPLIT_RE = re.compile(r"[\W_]+")


def all_values(snap: Snapshot, field_name: str) -> list[tuple[str, int]]:
    """Every value of a facet field with its count over visible records (memoised)."""
    key = f"values:{field_name}"
    cached = snap.cache.get(key)
    if cached is None:
        q = combine(snap.schema, None, [])
        agg = snap.searcher.aggregate(q, {"v": F.terms_agg(field_name, ENTITY_SCAN_SIZE)})
        cached = sorted(F.term_counts(agg.get("v")), key=lambda vc: (-vc[1], vc[0]))
        snap.cache[key] = cached
    return list(cached)


def prefix_matches(value: str, prefix: str) -> bool:
    """Case-insensitive: the value, or any word of it, starts with ``prefix``."""
    if not prefix:
        return True
    v, p = value.casefold(), prefix.casefold()
    return v.startswith(p) or any(w.startswith(p) for w in _WORD_SPLIT_RE.split(v) if w)


def entities(holder: SearcherHolder, request: EntitiesRequest) -> EntitiesResponse:
    snap = holder.snapshot()
    matched = [
        EntityCount(v, c) for v, c in all_values(snap, request.type)
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
