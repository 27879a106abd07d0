"""The same corpus in both backends (the session's tantivy index and a real OpenSearch node):
the same totals, story counts, facet counts, hits, highlights, story summaries, articles and
entity lists.

Queries are drawn from the indexed articles themselves (seeded): words and word pairs of their
titles as free words, AND (``+a +b``), OR, NOT and quoted (exact) phrases, with facet filters
(as indexed, lower-cased, and two people that must both be named: ``person_op=and``) and date
ranges taken from the same articles, so every shape hits real documents; each with results
collapsed by story (the default) and not.

Order. Term and exact-phrase scores agree to ~1e-4 (float rounding of idf and average field
length), so hits are compared by order, and within a run of scores that close (equal dates when
sorted by date) as a set; a run cut by the page end is compared only by its length. Two or more
free words add sloppy-phrase proximity clauses, each a constant score where it matches, but the
engines' slops measure a distance differently (words in reverse order near the limit match in
one and not the other), so there the ranking may differ: such queries are compared by totals,
facets, the matched flag, and, when the page holds every hit, by the set of hits and their
highlights.
Facets: tantivy picks which of several values tied at the last place of the top N it returns,
so a facet is compared by its list of counts and by every value counted more than its last
place.
"""

from __future__ import annotations

import random
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import orjson
import pytest

from indexer import opensearch_store as OS
from indexer.analysis import iter_words
from search_api import facets as F
from search_api import ranking as R
from search_api import results
from search_api.app import create_app
from search_api.backends import Backend
from search_api.backends.opensearch import OpenSearchBackend
from search_api.params import EntitiesRequest, SearchRequest

with warnings.catch_warnings():
    # Starlette suggests httpx2 for its TestClient; httpx is what the project pins.
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

OracleDoc = Any  # tests/corpora.py's OracleDoc (read from the tantivy index's payloads)

pytestmark = pytest.mark.opensearch

N_SAMPLED = 30
# The engines' BM25 scores of one document differ by ~1e-4 relative (float rounding of idf and
# of the average field length), so scores this close count as tied.
SCORE_TOLERANCE = 1e-3


def _words(text: str) -> list[str]:
    return [w for w in iter_words(text) if w.isalpha() and len(w) > 3]


def _queries(oracle: Sequence[OracleDoc]) -> Iterator[str]:
    rng = random.Random(17)
    docs = rng.sample([d for d in oracle if len(_words(d.title)) >= 3], N_SAMPLED)
    for d in docs:
        a, b, c = rng.sample(_words(d.title), 3)
        title = d.title.split()
        i = rng.randrange(len(title) - 1)
        yield from (a, f"{a} {b}", f"+{a} +{b}", f"{a} OR {c}", f"{a} -{b}",
                    f'"{title[i]} {title[i + 1]}"', f'+"{title[i]} {title[i + 1]}" -{c}')


def _requests(oracle: Sequence[OracleDoc]) -> Iterator[SearchRequest]:
    rng = random.Random(18)
    dated = [d for d in oracle if d.date]
    named = [d for d in oracle if len(d.person) >= 2]
    for q in _queries(oracle):
        collapse = rng.choice(["story", "none"])
        yield SearchRequest(q=q, sort="relevance", size=100, facet_size=100, collapse=collapse)
        doc = rng.choice(dated)
        assert doc.date is not None
        day = date.fromisoformat(doc.date)
        filters = {"source": (doc.source.lower(),)}  # filters ignore case
        if doc.person:
            filters["person"] = (doc.person[0],)
        yield SearchRequest(q=q, sort="relevance", filters=filters, size=100, facet_size=10)
        yield SearchRequest(q=q, date_from=day - timedelta(days=2), date_to=day, size=100,
                            sort=rng.choice(["newest", "oldest", "recent"]), facet_size=5,
                            collapse=collapse)
        two = rng.choice(named)
        yield SearchRequest(q=rng.choice(["", q]), filters={"person": two.person[:2]},
                            all_of=frozenset({"person"}), size=50, facet_size=10)
    yield SearchRequest(q="", size=100, facet_size=100)
    yield SearchRequest(q="", sort="oldest", size=100, facet_size=100, collapse="none")
    for collapse in ("story", "none"):  # the session corpus's story of three copies
        yield SearchRequest(q="banjir kwetlar", size=10, collapse=collapse)
        yield SearchRequest(q="", filters={"category": ("peristiwa", "daerah")}, size=3,
                            page=2, collapse=collapse)


def _runs(keys: Sequence[Any], close: Any) -> list[tuple[int, int]]:
    """[start, end) runs of consecutive keys where each is ``close`` to the one before."""
    out, start = [], 0
    for i in range(1, len(keys) + 1):
        if i == len(keys) or not close(keys[i - 1], keys[i]):
            out.append((start, i))
            start = i
    return out


def _near(x: float, y: float) -> bool:
    return abs(x - y) <= SCORE_TOLERANCE * max(abs(x), abs(y))


def _assert_same_hits(a: results.SearchResponse, b: results.SearchResponse, sloppy: bool
                      ) -> None:
    ids_a, ids_b = [h.id for h in a.hits], [h.id for h in b.hits]
    assert len(ids_a) == len(ids_b)
    if sloppy and a.sort in ("relevance", "recent"):
        if a.total <= a.size:
            assert set(ids_a) == set(ids_b), a.query
        return
    if a.sort in ("relevance", "recent"):
        scores_b = {h.id: h.score for h in b.hits}
        for h in a.hits:
            if h.id in scores_b:
                assert _near(h.score or 0.0, scores_b[h.id] or 0.0), (a.query, h.id)
        runs = _runs([h.score or 0.0 for h in a.hits], _near)
    else:
        runs = _runs([h.date for h in a.hits], lambda x, y: x == y)
    full = len(ids_a) == a.size
    for start, end in runs:
        if full and end == len(ids_a):
            break  # a tie run cut by the page end: which of its members made it is arbitrary
        assert set(ids_a[start:end]) == set(ids_b[start:end]), (a.query, a.sort, start)


def _assert_same_facet(name: str, a: tuple[F.FacetValue, ...], b: tuple[F.FacetValue, ...]
                       ) -> None:
    assert [v.count for v in a] == [v.count for v in b], name
    last = min((v.count for v in a if not v.selected), default=0)  # the top N's last place
    assert [v for v in a if v.count > last or v.selected] == [
        v for v in b if v.count > last or v.selected], name


def _assert_same(a: results.SearchResponse, b: results.SearchResponse, sloppy: bool) -> None:
    where = (a.query, a.sort, a.collapse)
    assert (a.total, a.stories, a.sort, a.matched, a.collapse) == (
        b.total, b.stories, b.sort, b.matched, b.collapse), where
    for name in ("person", "org", "place", "source", "category"):
        _assert_same_facet(name, a.facets.terms(name), b.facets.terms(name))
    assert a.facets.date == b.facets.date, where
    _assert_same_hits(a, b, sloppy)
    by_id = {h.id: h for h in b.hits}
    for h in a.hits:
        other = by_id.get(h.id)
        if other is not None:  # (a hit outside the other's page: a tie cut by the page end)
            assert (h.title_html, h.snippet_html, h.story, h.entities, h.date) == (
                other.title_html, other.snippet_html, other.story, other.entities,
                other.date), (where, h.id)


def _sloppy(backend: OpenSearchBackend, q: str) -> bool:
    return b'"slop":' + str(R.PROXIMITY_SLOP).encode() in orjson.dumps(backend.compile(q).query)


def test_searches_agree(tantivy_backend: Backend, os_backend: OpenSearchBackend,
                        oracle: list[OracleDoc]) -> None:
    n_hits = n_ordered = 0
    for request in _requests(oracle):
        a, b = tantivy_backend.search(request), os_backend.search(request)
        sloppy = _sloppy(os_backend, request.q)
        _assert_same(a, b, sloppy)
        n_hits += a.total
        n_ordered += a.sort == "relevance" and not sloppy and len(a.hits) > 1
    assert n_hits > 1000  # the drawn queries really match documents
    assert n_ordered > 30  # and many rankings were compared in order


def test_page_search_is_the_search_in_one_view(tantivy_backend: Backend,
                                               os_backend: OpenSearchBackend,
                                               oracle: list[OracleDoc]) -> None:
    """The page's one call answers what :meth:`search` answers, with the filter values as
    the index writes them (as tantivy's) and the memo of the generation read."""
    for request in list(_requests(oracle))[:16]:
        answer = os_backend.page_search(request)
        assert replace(answer.response, took_ms=0.0) == replace(
            os_backend.search(request), took_ms=0.0)
        assert answer.indexed == tantivy_backend.page_search(request).indexed
        assert answer.cache is os_backend.cache()


def test_collapsed_story_counts_agree(tantivy_backend: Backend, os_backend: Backend) -> None:
    """The session corpus's story of three copies: one hit for it when collapsed, three when
    not, and ``stories`` counts it once either way, in both backends."""
    for backend in (tantivy_backend, os_backend):
        collapsed = backend.search(SearchRequest(q="kwetlar", size=10))
        every = backend.search(SearchRequest(q="kwetlar", size=10, collapse="none"))
        assert (collapsed.total, collapsed.stories, len(collapsed.hits)) == (3, 1, 1)
        assert (every.total, every.stories, len(every.hits)) == (3, 1, 3)
        assert {h.story.size for h in every.hits} == {3}


def test_known_items_same_top_hit(tantivy_backend: Backend, os_backend: Backend,
                                  oracle: list[OracleDoc]) -> None:
    """An article's own title finds the same first hit in both (where it does not tie there),
    sloppy proximity scoring notwithstanding."""
    rng = random.Random(19)
    compared = 0
    for d in rng.sample(list(oracle), 40):
        request = SearchRequest(q=d.title, sort="relevance", size=2)
        a, b = tantivy_backend.search(request), os_backend.search(request)
        sa = [h.score or 0.0 for h in a.hits]
        if len(sa) == 2 and _near(sa[0], sa[1]):
            continue
        assert a.hits[0].id == b.hits[0].id, d.title
        compared += 1
    assert compared >= 30


def test_articles_entities_health_agree(tantivy_backend: Backend, os_backend: Backend,
                                        oracle: list[OracleDoc]) -> None:
    for d in oracle[:50] + [d for d in oracle if d.id.startswith("synthetic")]:
        assert tantivy_backend.get_article(d.id) == os_backend.get_article(d.id)
    assert os_backend.get_article("no-such-id") is None
    for etype in ("person", "org", "place", "source", "category"):
        for prefix in ("", "a", "jak", "zzzz"):
            request = EntitiesRequest(etype, prefix, 100)
            assert tantivy_backend.entities(request) == os_backend.entities(request)
    assert tantivy_backend.health().documents == os_backend.health().documents == len(oracle)


def test_export_iterates_every_article(tantivy_backend: Backend, os_backend: Backend,
                                       oracle: list[OracleDoc]) -> None:
    a = list(tantivy_backend.export(SearchRequest()))
    assert a == list(os_backend.export(SearchRequest()))  # (order: tests/test_opensearch_exports)
    assert sorted(p.id for p, _ in a) == sorted(d.id for d in oracle)


def test_rebuild_stories_equal_the_tantivy_build(tantivy_backend: Backend,
                                                os_backend: OpenSearchBackend,
                                                oracle: list[OracleDoc]) -> None:
    """Both rebuilds cluster every fingerprint at once (``story_ledger.Parked``): every article gets
    the same story id, and the state counts the same stories."""
    a = {p.id: story for p, story in tantivy_backend.export(SearchRequest())}
    b = {p.id: story for p, story in os_backend.export(SearchRequest())}
    assert a == b == {d.id: d.story for d in oracle}
    assert len(set(a.values())) < len(a)  # some stories have several members
    state = OS.read_state(os_backend.client, "parity", OS.require_live(os_backend.client,
                                                                        "parity"))
    assert state["stories"] == len(set(a.values()))


def test_the_app_answers_from_opensearch(client: TestClient, os_backend: OpenSearchBackend
                                         ) -> None:
    """``create_app(backend=...)``: the JSON API and the search page over OpenSearch answer as
    over the embedded index (the spelling suggestion is the embedded index's alone)."""
    with TestClient(create_app(backend=os_backend)) as remote:
        for query in ("q=kwetlar&sort=relevance", "q=kwetlar&collapse=none",
                      "q=&source=WARTA-UJI&sort=oldest&category=peristiwa&category=budaya",
                      "q=zorblax+OR+glumbrek&sort=recent"):
            a, b = client.get("/search?" + query).json(), remote.get("/search?" + query).json()
            for answer in (a, b):
                answer.pop("took_ms")
                answer.pop("suggestion")
                for hit in answer["hits"]:  # scores agree to ~1e-4 (test_searches_agree)
                    hit.pop("score")
                answer["hits"].sort(key=lambda h: h["id"])  # (and so do ties' orders)
            assert a == b, query
        page = remote.get("/?q=kwetlar", headers={"Accept-Language": "en"})
        assert page.status_code == 200 and "Kwetlar" in page.text
        assert remote.get("/health").json()["documents"] == client.get("/health").json()[
            "documents"]
        assert remote.get("/trends?series=q%3Dbanjir").status_code == 200
