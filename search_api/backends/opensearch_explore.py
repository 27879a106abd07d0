"""Exploration on OpenSearch: entity profiles, suggestions, "did you mean", story pages,
related articles and the article page's marks, answered from what OpenSearch holds and computed
by the same code as on tantivy (:func:`search_api.explore.assemble`,
:func:`search_api.suggest.answer`, :func:`search_api.spelling.rewrite`,
:func:`search_api.stories.assemble_story`).

Exact counts: an entity's co-occurring values and the vocabulary of the ``words`` field are read
with ``composite`` aggregations, paged by key until exhausted, so every distinct value is counted
exactly (a ``terms`` aggregation is exact only when its ``size`` covers every value of every
shard, and the response's buckets are capped by ``search.max_buckets``). The vocabulary needs
``fielddata`` on ``words`` (:func:`indexer.opensearch_store.index_body`), loaded once per
generation by the first suggestion or correction, which then builds its structures in the
background as on tantivy (:mod:`search_api.memo`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Final

from indexer import opensearch_store as OS
from indexer import schema as S
from indexer.entity_map import EntityMap
from search_api import explore, results, spelling, suggest
from search_api import facets as F
from search_api import related as RL
from search_api import stories as ST
from search_api.backends import Marking
from search_api.backends import opensearch_parts as P
from search_api.backends.opensearch_dsl import compile_dsl
from search_api.memo import per_snapshot
from search_api.params import MAX_QUERY_CHARS

if TYPE_CHECKING:  # the backend calls this module: no import back at run time
    from search_api.backends.opensearch import Generation, OpenSearchBackend

COMPOSITE_PAGE: Final = 10_000
_ALIASES_KEY: Final = "explore:aliases"
_WORDS_KEY: Final = "explore:words"
_SUGGEST_KEY: Final = "suggest:indexes"
_SPELLING_KEY: Final = "spelling:symspell"
Dsl = dict[str, Any]


def _composite(field: str, after: dict[str, Any] | None = None) -> Dsl:
    composite: Dsl = {"size": COMPOSITE_PAGE, "sources": [{"v": {"terms": {"field": field}}}]}
    if after is not None:
        composite["after"] = after
    return {"composite": composite}


def _pages(b: OpenSearchBackend, gen: Generation, field: str, query: Dsl | None,
           part: dict[str, Any]) -> Iterator[tuple[str, int]]:
    """The buckets of a :func:`_composite` result ``part``, then of the pages after it."""
    while True:
        for bucket in part["buckets"]:
            yield str(bucket["key"]["v"]), int(bucket["doc_count"])
        after = part.get("after_key")
        if after is None or len(part["buckets"]) < COMPOSITE_PAGE:
            return
        body: Dsl = {"size": 0, "aggs": {"c": _composite(field, after)}}
        if query is not None:
            body["query"] = query
        part = b.raw_search(gen, body)["aggregations"]["c"]


def composite_counts(b: OpenSearchBackend, gen: Generation, field: str,
                     query: Dsl | None = None) -> Iterator[tuple[str, int]]:
    """(value, documents) of every distinct value of ``field`` among the documents ``query``
    matches (all of them without one), in key order, exactly."""
    body: Dsl = {"size": 0, "aggs": {"c": _composite(field)}}
    if query is not None:
        body["query"] = query
    return _pages(b, gen, field, query, b.raw_search(gen, body)["aggregations"]["c"])


# -- entity profiles --------------------------------------------------------------------------


def _aliases(b: OpenSearchBackend, gen: Generation) -> dict[tuple[str, str], tuple[str, ...]]:
    found = gen.cache.get(_ALIASES_KEY)
    if found is None:
        state = OS.read_state(b.client, b.name, gen.name)
        found = explore.aliases_of(EntityMap.from_json(state.get("entity_map")))
        gen.cache[_ALIASES_KEY] = found
    assert isinstance(found, dict)
    return found


def profile(b: OpenSearchBackend, etype: str, name: str) -> explore.EntityProfile | None:
    """:func:`search_api.explore.profile` from OpenSearch."""
    gen = b.generation()
    value = explore.resolve_in(b.all_values(gen, etype), name)
    if value is None:
        return None
    having: Dsl = {"bool": {"filter": [{"term": {etype: value}}]}}
    # One request: the latest, the timeline and each facet's first page of values (the only
    # one unless the entity has more than COMPOSITE_PAGE distinct values of a facet).
    resp = b.raw_search(gen, {
        "query": having, "size": explore.LATEST, "track_total_hits": True,
        "sort": [{S.DATE: {"order": "desc", "missing": "_last"}}],
        "aggs": {**P.date_aggs(), **{f"values:{f}": _composite(f) for f in explore.RELATED_FACETS}},
    })
    aggs = resp["aggregations"]
    counts = explore.EntityCounts(
        total=int(resp["hits"]["total"]["value"]),
        days=F.day_counts(aggs.get("days")),
        dated=P.dated(aggs),
        related={f: list(_pages(b, gen, f, having, aggs[f"values:{f}"]))
                 for f in explore.RELATED_FACETS},
    )
    latest = []
    for hit in resp["hits"]["hits"]:
        p = P.payload(hit["_source"])
        latest.append(explore.Latest(p.id, p.title, p.source, results.local_time(p.date)))
    return explore.assemble(etype, value, counts, tuple(latest),
                            _aliases(b, gen).get((etype, value), ()))


# -- suggestions and "did you mean" -----------------------------------------------------------


def _words(b: OpenSearchBackend, gen: Generation) -> list[tuple[str, int]]:
    """Every word of the ``words`` field with its document count, most frequent first, then
    alphabetically: what tantivy's ``terms_with_prefix`` lists, in its order (the dictionaries
    built from it break ties by it)."""
    found = gen.cache.get(_WORDS_KEY)
    if found is None:
        found = sorted(composite_counts(b, gen, S.WORDS), key=lambda wc: (-wc[1], wc[0]))
        gen.cache[_WORDS_KEY] = found
    assert isinstance(found, list)
    return found


def suggestions(b: OpenSearchBackend, prefix: str, size: int, *,
                wait: bool = True) -> suggest.Suggestions:
    """:func:`search_api.suggest.suggest` from OpenSearch."""
    if not suggest.fold(prefix):
        return suggest.Suggestions(prefix, ())
    gen = b.generation()
    found = per_snapshot(gen, _SUGGEST_KEY, lambda g: suggest.build_indexes(
        {f: b.all_values(g, f) for f in S.ENTITY_FACETS}, _words(b, g)), wait=wait)
    return suggest.answer(found, prefix, size)


def _doc_freq(b: OpenSearchBackend, gen: Generation, word: str) -> int:
    """Articles with ``word`` in ``words`` (tantivy's ``doc_freq``), memoised per generation."""
    key = f"df:{word}"
    n = gen.cache.get(key)
    if n is None:
        resp = b.raw_search(gen, {"size": 0, "track_total_hits": True,
                               "query": {"term": {S.WORDS: word}}})
        n = int(resp["hits"]["total"]["value"])
        gen.cache[key] = n
    assert isinstance(n, int)
    return n


def correct_word(b: OpenSearchBackend, word: str, *, wait: bool = True) -> str | None:
    """:func:`search_api.spelling.correct_word` from OpenSearch."""
    if not spelling.MIN_WORD_LEN <= len(word) <= spelling.MAX_WORD_LEN:
        return None
    gen = b.generation()
    symspell = per_snapshot(gen, _SPELLING_KEY,
                            lambda g: spelling.build_dictionary(_words(b, g)), wait=wait)
    return spelling.correct_in(symspell, word)


def did_you_mean(b: OpenSearchBackend, q: str, *, wait: bool = True) -> str | None:
    """:func:`search_api.spelling.suggestion` from OpenSearch: once the spelling dictionary is
    built, the node is asked only about words it lacks."""
    gen = b.generation()
    built = gen.cache.get(_SPELLING_KEY)  # looking does not start the build
    return spelling.rewrite(
        q, lambda w: spelling.known_in(built, lambda x: _doc_freq(b, gen, x), w),
        lambda w: correct_word(b, w, wait=wait))


# -- story pages and related articles ---------------------------------------------------------


def story(b: OpenSearchBackend, story_id: str) -> ST.Story | None:
    """:func:`search_api.stories.story` from OpenSearch."""
    gen = b.generation()
    summary = b.story_summaries(gen, [story_id]).get(story_id)
    if summary is None:
        return None
    resp = b.raw_search(gen, {"query": {"term": {S.STORY: story_id}},
                           "size": ST.MAX_STORY_MEMBERS})
    members = [P.payload(h["_source"]) for h in resp["hits"]["hits"]]
    return ST.assemble_story(summary, members, results.local_time)


def doc_freqs(b: OpenSearchBackend, gen: Generation) -> RL.DocFreqs:
    """The generation's article count and document frequencies, in one request."""
    def read(pairs: list[tuple[str, str]]) -> tuple[int, dict[tuple[str, str], int]]:
        keys = list(dict.fromkeys(pairs))
        body: dict[str, Any] = {"size": 0, "track_total_hits": True}
        if keys:
            body["aggs"] = {"df": {"filters": {"filters": {
                str(i): {"term": {f: v}} for i, (f, v) in enumerate(keys)}}}}
        counts = b.raw_search(gen, body)
        buckets = counts.get("aggregations", {}).get("df", {}).get("buckets", {})
        return int(counts["hits"]["total"]["value"]), {
            k: int(buckets[str(i)]["doc_count"]) for i, k in enumerate(keys)}
    return read


def related(b: OpenSearchBackend, doc_id: str, size: int) -> ST.Related | None:
    """:func:`search_api.stories.related` from OpenSearch: the same query
    (:func:`search_api.related.plan`), from document counts read in one request, one hit per
    story (``collapse``)."""
    gen = b.generation()
    resp = b.raw_search(gen, {"query": {"term": {S.ID: doc_id}}, "size": 1})
    if not resp["hits"]["hits"]:
        return None
    source = resp["hits"]["hits"][0]["_source"]
    p, own = P.payload(source), str(source.get(S.STORY) or "")
    rp = RL.plan(gen.analyzer, p, own, doc_freqs(b, gen))
    found = b.raw_search(gen, {"query": RL.dsl(rp), "collapse": {"field": S.STORY}, "size": size})
    out = []
    for h in found["hits"]["hits"]:
        q = P.payload(h["_source"])
        out.append(ST.RelatedArticle(q.id, q.title, q.url, q.source, results.local_time(q.date),
                                     round(float(h["_score"]), 4), str(h["_source"][S.STORY])))
    return ST.Related(doc_id, own, tuple(out))


def marking(b: OpenSearchBackend, doc_id: str, q: str) -> Marking:
    """:meth:`search_api.backends.TantivyBackend.marking` from OpenSearch."""
    gen = b.generation()
    terms = compile_dsl(q[:MAX_QUERY_CHARS], gen.analyzer).terms if q.strip() else None
    if not terms:
        return Marking(gen.analyzer, frozenset(), frozenset())
    found = b.raw_search(gen, {"query": {"term": {S.ID: doc_id}}, "size": 1})["hits"]["hits"]
    names = frozenset(P.payload(found[0]["_source"]).names) if found else frozenset()
    return Marking(gen.analyzer, terms, names)
