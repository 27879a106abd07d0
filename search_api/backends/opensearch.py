"""The OpenSearch backend: the same answers as the tantivy one, from a Warta index in OpenSearch.

One search request carries everything: the query and the date range in ``query`` (they narrow
every count), the facet filters in ``post_filter`` and the facets' aggregations
(:mod:`~search_api.backends.opensearch_facets`), and the repeats of multi-member stories
(below). Hits come back with their stored originals, which are highlighted by
:func:`search_api.results.make_hit` exactly as the tantivy backend does. Exports, trends and
counts: :mod:`~search_api.backends.opensearch_export`; exploration:
:mod:`~search_api.backends.opensearch_explore`.

Stories: ``collapse`` on the ``story`` keyword gives one hit per story, its best-ranked member,
with ``from``/``size`` paging over stories as :func:`search_api.stories.collapsed` does. The
``stories`` total must be exact, and a ``cardinality`` aggregation is not (HyperLogLog++), so it
is counted as :func:`search_api.stories.count_stories` counts it: only a story with several
members in the index can repeat, so ``stories = total - sum(hits of such a story - 1)``, from a
``terms`` aggregation restricted to those stories (listed once per generation with an exact
``composite`` aggregation) whose ``size`` and ``shard_size`` are their number, which makes every
shard return all of its buckets: no count is an estimate.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, Final

from opensearchpy import NotFoundError, OpenSearch
from opensearchpy.exceptions import ConnectionError as OSConnectionError

from indexer import opensearch_store as OS
from indexer import schema as S
from indexer.analysis import Analyzer
from indexer.name_keys import variant_key
from indexer.opensearch_names import DEFAULT_NAME
from search_api import explore, results, snapshot, suggest, trends
from search_api import facets as F
from search_api import stories as ST
from search_api.backends import Marking, PageSearch
from search_api.backends import opensearch_explore as X
from search_api.backends import opensearch_export as XP
from search_api.backends import opensearch_facets as FA
from search_api.backends import opensearch_parts as P
from search_api.backends.opensearch_dsl import CompiledDsl, Dsl, compile_dsl
from search_api.params import EntitiesRequest, SearchRequest

RECHECK_SECONDS: Final = 1.0  # how often the alias is looked up again


@dataclass(frozen=True, slots=True)
class Generation:
    """One generation as its state document was at one version: an ``add`` or ``delete``
    writes into the live generation, then a new version of its state, so the memo (stories
    with several members, facet values, the date span) and the analyzer are read anew."""

    name: str
    version: int | None
    analyzer: Analyzer
    committed: float | None  # the last write (a build, an add, a delete), epoch seconds
    cache: dict[str, Any] = field(default_factory=dict)


class OpenSearchBackend:
    """A Warta index in OpenSearch under the alias ``name``."""

    def __init__(self, url: str, name: str = DEFAULT_NAME,
                 client: OpenSearch | None = None) -> None:
        self.client = client or OS.connect(url)
        self.name = name
        self._lock = threading.Lock()
        self._gen: Generation | None = None
        self._checked = 0.0

    # -- the generation being read -----------------------------------------------------------
    def generation(self) -> Generation:
        gen, now = self._gen, time.monotonic()
        if gen is not None and now - self._checked < RECHECK_SECONDS:
            return gen
        with self._lock:
            try:
                live = OS.live_index(self.client, self.name)
            except OSConnectionError as e:
                if self._gen is None:
                    raise snapshot.IndexUnavailable(f"OpenSearch unreachable: {e}") from e
                return self._gen  # keep answering from what we know
            if live is None:
                raise snapshot.IndexUnavailable(f"no Warta index {self.name!r} in OpenSearch")
            version = OS.state_version(self.client, self.name, live)
            if self._gen is None or (self._gen.name, self._gen.version) != (live, version):
                state = OS.read_state(self.client, self.name, live)
                self._gen = Generation(live, version,
                                       OS.load_analyzer(self.client, self.name, live),
                                       state.get("committed") or state.get("built"))
            self._checked = now
            return self._gen

    def cache(self) -> dict[str, Any]:
        return self.generation().cache

    def compile(self, q: str) -> CompiledDsl:
        """The DSL a query string becomes (what :meth:`search` sends)."""
        return compile_dsl(q, self.generation().analyzer)

    def raw_search(self, gen: Generation, body: dict[str, Any]) -> dict[str, Any]:
        try:
            resp: dict[str, Any] = self.client.search(index=gen.name, body=body)
        except NotFoundError as e:  # the generation was swapped out mid-request
            self._checked = 0.0
            raise snapshot.IndexUnavailable("the index changed; retry") from e
        return resp

    # -- search ------------------------------------------------------------------------------
    def search(self, request: SearchRequest) -> results.SearchResponse:
        return self._search_in(self.generation(), request)[0]

    def page_search(self, request: SearchRequest) -> PageSearch:
        gen = self.generation()
        return PageSearch(*self._search_in(gen, request), gen.cache)

    def _search_in(self, gen: Generation, request: SearchRequest
                   ) -> tuple[results.SearchResponse, SearchRequest]:
        t0 = time.perf_counter()
        compiled = compile_dsl(request.q, gen.analyzer)
        sort = request.sort
        if compiled.query is None and sort in ("relevance", "recent"):
            sort = "newest"  # nothing to score: browse
        filters = self.facet_filters(gen, request)
        request = self._indexed(gen, request)  # the facets flag the values as indexed
        matched = "all"
        resp = self.raw_search(gen, self._body(gen, request, sort, compiled.query, filters))
        total = int(resp["hits"]["total"]["value"])
        if total == 0 and compiled.fallback is not None:
            matched = "some"
            resp = self.raw_search(gen, self._body(gen, request, sort, compiled.fallback, filters))
            total = int(resp["hits"]["total"]["value"])
        scored = sort in ("relevance", "recent")
        found = [(h.get("_score"), str(h["_source"].get(S.STORY) or ""), P.payload(h["_source"]))
                 for h in resp["hits"]["hits"]]
        stories = self.story_summaries(gen, [sid for _, sid, _ in found])
        hits = tuple(
            results.make_hit(gen.analyzer, p, float(score) if scored and score is not None
                             else None, compiled.terms, stories[sid])
            for score, sid, p in found
        )
        aggs = resp["aggregations"]
        facets = FA.facets(request, filters, aggs)
        repeats = sum(max(c - 1, 0) for _, c in F.term_counts(
            (aggs["all"].get("stories") or {}).get("s")))
        took = round((time.perf_counter() - t0) * 1000, 2)
        return results.SearchResponse(
            query=request.q, sort=sort, matched=matched,
            suggestion=X.did_you_mean(self, request.q, wait=False),
            collapse=request.collapse, total=total, stories=total - repeats, took_ms=took,
            page=request.page, size=request.size, hits=hits, facets=facets,
        ), request

    def count(self, request: SearchRequest) -> int:
        return XP.count(self, request)

    def _indexed(self, gen: Generation, request: SearchRequest) -> SearchRequest:
        """:func:`search_api.selection.indexed_selection`."""
        return replace(request, filters={
            name: tuple(dict.fromkeys(x for v in values for x in self._variants(gen, name, v)))
            for name, values in request.filters.items()})

    def _variants(self, gen: Generation, name: str, value: str) -> tuple[str, ...]:
        """:func:`search_api.selection.value_variants`: the indexed values ``value`` names."""
        key = f"variants:{name}"
        folded = gen.cache.get(key)
        if folded is None:
            groups: dict[str, list[str]] = {}
            for v, _count in self.all_values(gen, name):
                groups.setdefault(variant_key(v), []).append(v)
            folded = {k: tuple(vs) for k, vs in groups.items()}
            gen.cache[key] = folded
        found: tuple[str, ...] = folded.get(variant_key(value), (value,))
        return found

    def facet_filters(self, gen: Generation, request: SearchRequest) -> dict[str, Dsl]:
        """:func:`search_api.selection.facet_filters` in DSL."""
        out: dict[str, Dsl] = {}
        for name, values in request.filters.items():
            if not values:
                continue
            groups = [self._variants(gen, name, v) for v in values]
            if name in request.all_of:
                out[name] = {"bool": {"filter": [{"terms": {name: list(g)}} for g in groups]}}
            else:
                out[name] = {"terms": {name: list(dict.fromkeys(v for g in groups for v in g))}}
        return out

    def _body(self, gen: Generation, request: SearchRequest, sort: str, text: Dsl | None,
              filters: Mapping[str, Any]) -> dict[str, Any]:
        """The one request: text and date range narrow everything, facet filters are a
        post_filter (each facet is counted without its own), aggregations for the facets."""
        query: Dsl = text if text is not None else {"match_all": {}}
        if sort == "recent":
            query = self._recent(gen, query, request.halflife)
        narrow = [q for q in [P.date_range(request.date_from, request.date_to)] if q]
        body: dict[str, Any] = {
            "query": {"bool": {"must": [query], "filter": narrow}},
            "from": request.offset, "size": request.size, "track_total_hits": True,
            "aggs": FA.facet_aggs(request, filters, self._multi_member_stories(gen)),
        }
        if request.collapse == "story":
            body["collapse"] = {"field": S.STORY}
        if filters:
            body["post_filter"] = {"bool": {"filter": list(filters.values())}}
        if sort in ("newest", "oldest"):
            order = "desc" if sort == "newest" else "asc"
            body["sort"] = [{S.DATE: {"order": order, "missing": "_last"}}]
        return body

    def _recent(self, gen: Generation, query: Dsl, halflife: float) -> Dsl:
        """BM25 x 0.5 ** (age / halflife) (:mod:`search_api.recency`): an ``exp`` decay from
        the newest visible article with ``decay`` 0.5 at ``scale`` = halflife is exactly that;
        an undated article gets the decay of the oldest dated one."""
        span = self._date_span(gen)
        if span is None:
            return query
        newest, oldest = span
        scale_ms = max(int(halflife * 86_400_000), 1)
        return {"function_score": {
            "query": query,
            "functions": [
                {"exp": {S.DATE: {"origin": datetime.fromtimestamp(newest / 1000, UTC).isoformat(),
                                  "scale": f"{scale_ms}ms", "decay": 0.5}}},
                {"filter": {"bool": {"must_not": [{"exists": {"field": S.DATE}}]}},
                 "weight": 0.5 ** ((newest - oldest) / 86_400_000 / halflife)},
            ],
            "score_mode": "multiply", "boost_mode": "multiply",
        }}

    def _date_span(self, gen: Generation) -> tuple[int, int] | None:
        """Epoch ms of the newest and oldest visible dated article (memoised)."""
        if "date_span" not in gen.cache:
            resp = self.raw_search(gen, {"size": 0, "aggs": {"d": {"stats": {"field": S.DATE}}}})
            d = resp["aggregations"]["d"]
            gen.cache["date_span"] = (int(d["max"]), int(d["min"])) if d.get("count") else None
        span: tuple[int, int] | None = gen.cache["date_span"]
        return span

    def _multi_member_stories(self, gen: Generation) -> list[str]:
        """Every story with more than one member (memoised): an exact ``composite`` walk."""
        cached = gen.cache.get("multi_member_stories")
        if cached is None:
            cached = [s for s, n in X.composite_counts(self, gen, S.STORY) if n > 1]
            gen.cache["multi_member_stories"] = cached
        return list(cached)

    def story_summaries(self, gen: Generation, ids: list[str]) -> dict[str, ST.StorySummary]:
        """:func:`search_api.stories.summaries`: members (by story), their outlets (most copies
        first) and the first report, in one request."""
        ids = list(dict.fromkeys(i for i in ids if i))
        if not ids:
            return {}
        n = len(ids)
        resp = self.raw_search(gen, {
            "size": n, "query": {"terms": {S.STORY: ids}},
            "post_filter": {"term": {S.FIRST_REPORT: True}},
            "_source": [S.STORY, f"{S.PAYLOAD}.id", f"{S.PAYLOAD}.source", f"{S.PAYLOAD}.date"],
            "aggs": {"s": {"terms": {"field": S.STORY, "size": n, "shard_size": n},
                           "aggs": {"src": FA.terms_agg(S.SOURCE, ST.MAX_SOURCES)}}},
        })
        firsts = {}
        for h in resp["hits"]["hits"]:
            p = h["_source"][S.PAYLOAD]
            firsts[str(h["_source"][S.STORY])] = ST.FirstReport(
                str(p["id"]), str(p["source"]), results.local_time(p.get("date")))
        out: dict[str, ST.StorySummary] = {}
        for b in resp["aggregations"]["s"]["buckets"]:
            sid = str(b["key"])
            first = firsts.get(sid)
            if first is None:  # pragma: no cover - every story has a first report
                continue
            sources = tuple(v for v, _ in F.term_counts(b.get("src")))
            out[sid] = ST.StorySummary(sid, int(b["doc_count"]), sources, first)
        return out

    # -- articles, entities, health, export --------------------------------------------------
    def get_article(self, doc_id: str) -> results.Article | None:
        gen = self.generation()
        resp = self.raw_search(gen, {"query": {"term": {S.ID: doc_id}}, "size": 1})
        found = resp["hits"]["hits"]
        if not found:
            return None
        source = found[0]["_source"]
        p, sid = P.payload(source), str(source.get(S.STORY) or "")
        return results.Article(
            id=p.id, title=p.title, title_derived=p.title_derived, url=p.url, source=p.source,
            category=p.category, date=results.local_time(p.date), body=p.body,
            entities=results.entity_lists(p),
            story=self.story_summaries(gen, [sid])[sid],
        )

    def all_values(self, gen: Generation, name: str) -> list[tuple[str, int]]:
        key = f"values:{name}"
        cached = gen.cache.get(key)
        if cached is None:
            resp = self.raw_search(gen, {
                "size": 0, "aggs": {"v": FA.terms_agg(name, S.MAX_BUCKETS)}})
            counts = F.term_counts(resp["aggregations"]["v"])
            cached = sorted(counts, key=lambda vc: (-vc[1], vc[0]))
            gen.cache[key] = cached
        return list(cached)

    def entities(self, request: EntitiesRequest) -> results.EntitiesResponse:
        gen = self.generation()
        matched = [
            results.EntityCount(v, c) for v, c in self.all_values(gen, request.type)
            if results.prefix_matches(v, request.prefix)
        ]
        return results.EntitiesResponse(request.type, request.prefix,
                                        tuple(matched[: request.size]))

    def health(self) -> results.Health:
        gen = self.generation()
        count = int(self.client.count(index=gen.name)["count"])
        built = (datetime.fromtimestamp(gen.committed, tz=UTC).isoformat()
                 if isinstance(gen.committed, int | float) else None)
        return results.Health(status="ok", documents=count, generation=gen.name,
                              last_commit=built)

    # -- exploration (search_api.backends.opensearch_explore) --------------------------------
    def profile(self, etype: str, name: str) -> explore.EntityProfile | None:
        return X.profile(self, etype, name)

    def suggest(self, prefix: str, size: int, *, wait: bool = True) -> suggest.Suggestions:
        return X.suggestions(self, prefix, size, wait=wait)

    def story(self, story_id: str) -> ST.Story | None:
        return X.story(self, story_id)

    def related(self, doc_id: str, size: int) -> ST.Related | None:
        return X.related(self, doc_id, size)

    def marking(self, doc_id: str, q: str) -> Marking:
        return X.marking(self, doc_id, q)

    # -- exports, trends, feeds (search_api.backends.opensearch_export) ----------------------
    def export(self, request: SearchRequest) -> Iterator[tuple[S.StoredArticle, str]]:
        return XP.export(self, request)

    def day_counts(self, request: SearchRequest) -> trends.DayCounts:
        return XP.day_counts(self, request)

    def version(self) -> str:
        gen = self.generation()
        return f"{gen.name}:{gen.version}"

