"""Stories in search results: collapsing hits by story, story summaries, story pages, related
articles (the clusters themselves are made at index time, :mod:`indexer.stories`).

* :func:`collapsed` — a page of hits with no story twice: the ranking is read from the top until
  it holds ``offset + size`` distinct stories, each represented by its best-ranked member, so
  page ``n + 1`` starts exactly where page ``n`` ended.
* :func:`repeats_agg` / :func:`stories_among` — distinct stories in a result set, exactly, from
  one more aggregation in the facets' aggregate call: the stories with two or more members among
  the results, whose extra members are the hits that add no story.
* :func:`summaries` — size, sources and first report of each story (the hit's ``story``).
* :func:`story` — every member of a story, and the paragraphs each adds to the first report.
* :func:`related` — the article's related articles (:mod:`search_api.related` chooses the
  query), outside its own story, collapsed by story.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

import tantivy
from tantivy import Occur, Query

from indexer import schema as S
from indexer.analysis import Analyzer
from indexer.document import load_payload
from indexer.stories import story_id
from search_api import related as RL

MAX_STORY_MEMBERS: Final = 1_000  # members a story page lists (its size counts them all)
MAX_SOURCES: Final = 100
_FIRST_FETCH: Final = 20
_PARAGRAPH_RE = re.compile(r"\n\s*\n|\n")
_NORM_RE = re.compile(r"[\W_]+")

Hits = list[tuple[Any, tantivy.DocAddress]]
LocalTime = Callable[[str | None], str | None]


@dataclass(frozen=True, slots=True)
class FirstReport:
    id: str
    source: str
    date: str | None


@dataclass(frozen=True, slots=True)
class StorySummary:
    id: str
    size: int  # members in the whole index
    sources: tuple[str, ...]  # distinct outlets that carried it, most copies first
    first: FirstReport


@dataclass(frozen=True, slots=True)
class StoryMember:
    id: str
    title: str
    url: str
    source: str
    date: str | None
    first: bool  # the first report
    differs: tuple[str, ...]  # paragraphs not in the first report (empty for the first)


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    size: int
    sources: tuple[str, ...]
    first: FirstReport
    members: tuple[StoryMember, ...]  # the first report, then by date


@dataclass(frozen=True, slots=True)
class RelatedArticle:
    id: str
    title: str
    url: str
    source: str
    date: str | None
    score: float
    story: str


@dataclass(frozen=True, slots=True)
class Related:
    id: str
    story: str
    hits: tuple[RelatedArticle, ...]


def _payload(searcher: tantivy.Searcher, addr: tantivy.DocAddress) -> S.StoredArticle:
    return load_payload(bytes(searcher.doc(addr).to_dict()[S.PAYLOAD][0]), mentions=False)


def story_of(searcher: tantivy.Searcher, addr: tantivy.DocAddress) -> str:
    return story_in(searcher.doc(addr))


def story_in(doc: tantivy.Document) -> str:
    """The story id of a stored document ("" without one)."""
    return str(doc.get_first(S.STORY) or "")


# -- collapsing -------------------------------------------------------------------------------


def collapsed(searcher: tantivy.Searcher, ranking: Callable[[int], Hits], offset: int,
              size: int) -> Hits:
    """Hits ``offset .. offset+size`` of a ranking with each story's best member only.
    ``ranking(limit)`` gives the ranking's top ``limit`` hits (a prefix of the same order)."""
    want = offset + size
    limit = max(2 * want, _FIRST_FETCH)
    while True:
        hits = ranking(limit)
        keys = searcher.fast_field_values(S.STORY_KEY, [a for _, a in hits])
        seen: set[object] = set()
        picked: Hits = []
        for hit, key in zip(hits, keys, strict=True):
            if key not in seen:
                seen.add(key)
                picked.append(hit)
                if len(picked) == want:
                    return picked[offset:]
        if len(hits) < limit:  # the ranking is exhausted
            return picked[offset:]
        limit *= 4


def repeats_agg(num_docs: int) -> dict[str, Any]:
    """A terms aggregation over the results' story keys (the u64 column, far cheaper to bucket
    than the story text) keeping the stories with two or more members among them. Every story
    is a per-segment candidate, so the counts are exact however many segments the index has;
    the buckets kept are at most the index's multi-member stories."""
    n = num_docs + 1
    return {"terms": {"field": S.STORY_KEY, "size": n, "segment_size": n, "min_doc_count": 2}}


def members_agg() -> dict[str, Any]:
    """Stats over the results' story keys: its ``count`` is how many results there are (every
    document is written with its story), so the facets' one aggregate call needs no separate
    count of the results."""
    return {"stats": {"field": S.STORY_KEY}}


def stories_among(total: int, repeats: dict[str, Any] | None) -> int:
    """Distinct stories among ``total`` results, given their :func:`repeats_agg` result."""
    buckets = (repeats or {}).get("buckets") or ()
    return total - sum(max(int(b["doc_count"]) - 1, 0) for b in buckets)


# -- summaries and story pages ----------------------------------------------------------------


def _first_reports(searcher: tantivy.Searcher, schema: tantivy.Schema, ids: Sequence[str],
                   local_time: LocalTime) -> dict[str, FirstReport]:
    q = Query.boolean_query([
        (Occur.Must, Query.term_set_query(schema, S.STORY, list(ids))),
        (Occur.Must, Query.term_query(schema, S.FIRST_REPORT, True)),
    ])
    out: dict[str, FirstReport] = {}
    for _score, addr in searcher.search(q, len(ids), count=False).hits:
        doc = searcher.doc(addr).to_dict()
        p = load_payload(bytes(doc[S.PAYLOAD][0]), mentions=False)
        out[str(doc[S.STORY][0])] = FirstReport(p.id, p.source, local_time(p.date))
    return out


def first_report_in(p: S.StoredArticle, story: str, local_time: LocalTime) -> FirstReport | None:
    """The article as its story's first report, when it is that (the story id is made from the
    first report's id)."""
    return FirstReport(p.id, p.source, local_time(p.date)) if story_id(p.id) == story else None


def multi_member(searcher: tantivy.Searcher) -> frozenset[str]:
    """The ids of the stories with two or more members (one aggregate over the index)."""
    n = int(searcher.num_docs) + 1
    agg = searcher.aggregate(Query.all_query(), {"s": {"terms": {
        "field": S.STORY, "size": n, "segment_size": n, "min_doc_count": 2}}})
    return frozenset(str(b["key"]) for b in (agg.get("s") or {}).get("buckets", []))


def summaries(searcher: tantivy.Searcher, schema: tantivy.Schema, ids: Sequence[str],
              local_time: LocalTime, known: Mapping[str, FirstReport] | None = None,
              multi: frozenset[str] | None = None) -> dict[str, StorySummary]:
    """Story id -> its summary, for the distinct ``ids`` given. ``known``: first reports the
    caller has read already (a search's hits that are one; most stories have one member), so
    only the others are looked up. ``multi``: :func:`multi_member` of this searcher, when known;
    a story outside it is its one article, so a known first report is its whole summary and
    only the others are aggregated."""
    ids = list(dict.fromkeys(i for i in ids if i))
    single: dict[str, StorySummary] = {}
    if multi is not None and known:
        for i in ids:
            first = known.get(i)
            if i not in multi and first is not None:
                single[i] = StorySummary(i, 1, (first.source,) if first.source else (), first)
        ids = [i for i in ids if i not in single]
    if not ids:
        return single
    q = Query.term_set_query(schema, S.STORY, ids)
    n = len(ids)
    agg = searcher.aggregate(q, {"s": {
        "terms": {"field": S.STORY, "size": n, "segment_size": n},
        "aggs": {"src": {"terms": {"field": S.SOURCE, "size": MAX_SOURCES,
                                   "segment_size": MAX_SOURCES}}},
    }})
    firsts = dict(known or {})
    missing = [i for i in ids if i not in firsts]
    if missing:
        firsts.update(_first_reports(searcher, schema, missing, local_time))
    out: dict[str, StorySummary] = {}
    for b in (agg.get("s") or {}).get("buckets", []):
        sid = str(b["key"])
        first = firsts.get(sid)
        if first is None:  # pragma: no cover - every story has a first report
            continue
        sources = tuple(str(s["key"]) for s in (b.get("src") or {}).get("buckets", []))
        out[sid] = StorySummary(sid, int(b["doc_count"]), sources, first)
    return {**single, **out}


def _norm(paragraph: str) -> str:
    return _NORM_RE.sub(" ", paragraph.casefold()).strip()


def paragraphs(body: str) -> list[str]:
    return [p.strip() for p in _PARAGRAPH_RE.split(body) if p.strip()]


def differing(body: str, first_body: str) -> tuple[str, ...]:
    """The paragraphs of ``body`` the first report does not have (compared as words)."""
    have = {_norm(p) for p in paragraphs(first_body)}
    return tuple(p for p in paragraphs(body) if _norm(p) and _norm(p) not in have)


def story(searcher: tantivy.Searcher, schema: tantivy.Schema, story_id: str,
          local_time: LocalTime) -> Story | None:
    summary = summaries(searcher, schema, [story_id], local_time).get(story_id)
    if summary is None:
        return None
    q = Query.term_query(schema, S.STORY, story_id)
    members = [_payload(searcher, a) for _s, a in
               searcher.search(q, MAX_STORY_MEMBERS, count=False).hits]
    return assemble_story(summary, members, local_time)


def assemble_story(summary: StorySummary, members: list[S.StoredArticle],
                   local_time: LocalTime) -> Story:
    """A story page from its summary and its members' originals (the same for every backend):
    the first report, then by date; each with the paragraphs the first report lacks."""
    story_id = summary.id
    first = next((m for m in members if m.id == summary.first.id), None)
    first_body = first.body if first is not None else ""
    members.sort(key=lambda m: (m.id != summary.first.id, m.date is None, m.date or "", m.id))
    return Story(
        id=story_id, size=summary.size, sources=summary.sources, first=summary.first,
        members=tuple(
            StoryMember(m.id, m.title, m.url, m.source, local_time(m.date),
                        m.id == summary.first.id,
                        () if m.id == summary.first.id else differing(m.body, first_body))
            for m in members
        ),
    )


# -- related articles -------------------------------------------------------------------------


def related(searcher: tantivy.Searcher, schema: tantivy.Schema, analyzer: Analyzer,
            doc_id: str, size: int, local_time: LocalTime) -> Related | None:
    res = searcher.search(Query.term_query(schema, S.ID, doc_id), 1, count=False)
    if not res.hits:
        return None
    addr = res.hits[0][1]
    p = _payload(searcher, addr)
    own = story_of(searcher, addr)
    rp = RL.plan(analyzer, p, own, RL.tantivy_doc_freqs(searcher))
    query = RL.tantivy_query(rp, schema)
    hits = collapsed(searcher, lambda limit: list(searcher.search(query, limit, count=False).hits),
                     0, size)
    out = []
    for score, a in hits:
        doc = searcher.doc(a).to_dict()
        q = load_payload(bytes(doc[S.PAYLOAD][0]), mentions=False)
        out.append(RelatedArticle(q.id, q.title, q.url, q.source, local_time(q.date),
                                  round(float(score), 4), str(doc[S.STORY][0])))
    return Related(doc_id, own, tuple(out))
