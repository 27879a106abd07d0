"""The HTTP API against a real index of real articles: the contract field by field, facet counts
against a brute-force oracle, filters, sorting, highlighting, duplicates, errors, a real uvicorn
server, and reindexing while serving."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest
import uvicorn
from corpora import SYNTHETIC, OracleDoc, write_corpus
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.testclient import TestClient
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from indexer import schema as S
from indexer.build import add, delete, reindex
from search_api import params as P
from search_api.app import create_app
from search_api.params import MAX_QUERY_CHARS
from search_api.serve import NoDelayHttpToolsProtocol

FACETS = S.KEYWORD_FACETS
HIT_KEYS = {
    "id", "title", "url", "source", "category", "date", "score", "title_html", "snippet_html",
    "entities", "story",
}

Json = dict[str, Any]


def get(client: TestClient, path: str, **params: Any) -> Json:
    res = client.get(path, params=params)
    assert res.status_code == 200, res.text
    assert res.headers["content-type"].startswith("application/json")
    body: Json = res.json()
    return body


def visible(oracle: list[OracleDoc]) -> list[OracleDoc]:
    """Every article counts: collapsing by story changes the hits listed, not the totals."""
    return list(oracle)


def matches(d: OracleDoc, filters: dict[str, list[str]], lo: str | None = None,
            hi: str | None = None) -> bool:
    """The oracle's reading of the filter semantics: OR within a facet, AND across."""
    for facet, values in filters.items():
        if not set(d.values(facet)) & set(values):
            return False
    if lo is not None or hi is not None:
        if d.date is None or (lo and d.date < lo) or (hi and d.date > hi):
            return False
    return True


def facet_oracle(docs: Iterable[OracleDoc], facet: str) -> Counter[str]:
    c: Counter[str] = Counter()
    for d in docs:
        c.update(set(d.values(facet)))
    return c


def check_facet(values: list[Json], expected: Counter[str], size: int,
                selected: Iterable[str] = ()) -> None:
    """Counts equal the oracle's; the listed values are a top-``size`` (ties allowed) plus
    every selected value; nothing else is listed."""
    got = {v["value"]: v["count"] for v in values}
    for value, count in got.items():
        assert count == expected.get(value, 0), (value, count, expected.get(value))
    selected = set(selected)
    for v in values:
        assert v["selected"] == (v["value"] in selected)
    assert selected <= set(got)
    top = [v for v in got if v not in selected or len(got) <= size]
    unlisted = [c for v, c in expected.items() if v not in got]
    if unlisted and top:
        assert min(got[v] for v in top) >= max(unlisted)
    assert len(got) <= size + len(selected)
    assert len(got) == min(size, len(expected)) or len(got) >= min(size, len(expected))
    counts = [v["count"] for v in values]
    assert counts == sorted(counts, reverse=True)


# -- health, openapi ---------------------------------------------------------------------------


def test_health(client: TestClient, oracle: list[OracleDoc]) -> None:
    body = get(client, "/health")
    assert body["status"] == "ok"
    assert body["documents"] == len(oracle)
    assert body["generation"].startswith("gen-")
    assert datetime.fromisoformat(body["last_commit"]).year >= 2024


def test_openapi_documents_every_route_and_param(client: TestClient) -> None:
    spec = get(client, "/openapi.json")
    assert spec["openapi"].startswith("3.")
    assert {"/search", "/articles/{id}", "/articles/{id}/related", "/stories/{id}", "/entities",
            "/health"} <= set(spec["paths"])
    names = {p["name"] for p in spec["paths"]["/search"]["get"]["parameters"]}
    assert names == {"q", *FACETS, *P.OP_PARAMS, "from", "to", "sort", "halflife", "collapse",
                     "page", "size", "facet_size"}
    assert set(spec["components"]["schemas"]["Hit"]["required"]) == HIT_KEYS


# -- the search contract -----------------------------------------------------------------------


def test_search_response_shape(client: TestClient, oracle: list[OracleDoc]) -> None:
    body = get(client, "/search", q="banjir")
    assert set(body) == {"query", "sort", "matched", "suggestion", "collapse", "total",
                         "stories", "took_ms", "page", "size", "hits", "facets"}
    assert body["suggestion"] is None
    assert body["query"] == "banjir" and body["sort"] == "relevance"
    assert body["page"] == 1 and body["size"] == 10
    assert isinstance(body["took_ms"], float | int) and body["took_ms"] >= 0
    assert 0 < len(body["hits"]) <= 10 and body["total"] >= len(body["hits"])
    by_id = {d.id: d for d in oracle}
    scores = [h["score"] for h in body["hits"]]
    assert scores == sorted(scores, reverse=True)
    for hit in body["hits"]:
        assert set(hit) == HIT_KEYS
        doc = by_id[hit["id"]]
        assert hit["title"] == doc.title
        assert (hit["source"], hit["category"]) == (doc.source, doc.category)
        assert hit["url"].startswith("http")
        assert hit["date"] is None or hit["date"].endswith("+07:00")
        assert (hit["date"] or "")[:10] == (doc.date or "")  # the WIB day
        assert isinstance(hit["score"], float) and hit["score"] > 0
        assert set(hit["entities"]) == {"PER", "ORG", "LOC"}
        assert hit["entities"]["PER"] == list(doc.person)
        assert set(hit["story"]) == {"id", "size", "sources", "first"}
        assert hit["story"]["id"] == doc.story
        assert re.sub(r"</?mark>", "", hit["title_html"]).count("<") == 0
    assert set(body["facets"]) == {*FACETS, "date"}


def test_browse_without_query_is_newest_first(client: TestClient, oracle: list[OracleDoc]) -> None:
    body = get(client, "/search", size=100)
    assert body["sort"] == "newest" and body["query"] == ""
    assert body["total"] == len(visible(oracle))
    dates = [h["date"] for h in body["hits"]]
    assert all(d is not None for d in dates)
    assert dates == sorted(dates, reverse=True)
    assert all(h["score"] is None for h in body["hits"])
    # the very last page (of stories: results are collapsed) ends with the undated record
    last = (body["stories"] - 1) // 100 + 1
    tail = get(client, "/search", size=100, page=last)["hits"]
    assert tail[-1]["date"] is None and tail[-1]["id"] == "synthetic-undated"


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_sort_by_date_with_query(client: TestClient, sort: str) -> None:
    body = get(client, "/search", q="jakarta", sort=sort, size=50)
    assert body["sort"] == sort
    dates = [h["date"] for h in body["hits"] if h["date"]]
    assert len(dates) > 10
    assert dates == sorted(dates, reverse=sort == "newest")


def test_undated_sorts_last_both_ways(client: TestClient) -> None:
    for sort in ("newest", "oldest"):
        hits = get(client, "/search", q="trombik OR zorblax OR kwetlar", sort=sort)["hits"]
        assert [h["id"] for h in hits][-1] == "synthetic-undated"
        assert hits[-1]["date"] is None


def test_pages_partition_the_results(client: TestClient) -> None:
    first = get(client, "/search", q="pemerintah", size=7)
    second = get(client, "/search", q="pemerintah", size=7, page=2)
    both = get(client, "/search", q="pemerintah", size=14)
    assert first["total"] == second["total"] == both["total"] > 14
    assert [h["id"] for h in first["hits"] + second["hits"]] == [h["id"] for h in both["hits"]]
    past = get(client, "/search", q="pemerintah", size=100, page=99)
    assert past["hits"] == [] and past["total"] == first["total"]


def test_query_of_punctuation_browses(client: TestClient, oracle: list[OracleDoc]) -> None:
    for q in ["!!!", '"', "-", "OR OR", "+"]:
        body = get(client, "/search", q=q)
        assert body["total"] == len(visible(oracle)), q
        assert body["sort"] == "newest"


def test_stopword_only_query_still_answers(client: TestClient) -> None:
    assert get(client, "/search", q="yang dan")["total"] > 100


# -- filters -----------------------------------------------------------------------------------


def _pick(oracle: list[OracleDoc], facet: str, n: int) -> list[str]:
    return [v for v, _ in facet_oracle(visible(oracle), facet).most_common(n)]


def test_filters_or_within_and_across(client: TestClient, oracle: list[OracleDoc]) -> None:
    persons = _pick(oracle, S.PERSON, 3)[1:3]
    sources = _pick(oracle, S.SOURCE, 2)
    cases: list[dict[str, list[str]]] = [
        {S.PERSON: persons[:1]},
        {S.PERSON: persons},
        {S.SOURCE: sources},
        {S.PERSON: persons, S.SOURCE: sources[:1]},
        {S.PLACE: _pick(oracle, S.PLACE, 1), S.CATEGORY: _pick(oracle, S.CATEGORY, 2)},
    ]
    for filters in cases:
        body = get(client, "/search", size=100, **filters)
        expected = {d.id for d in visible(oracle) if matches(d, filters)}
        assert body["total"] == len(expected), filters
        assert {h["id"] for h in body["hits"]} <= expected
        if len(expected) <= 100:
            assert {h["id"] for h in body["hits"]} == expected


def test_date_range_is_inclusive(client: TestClient, oracle: list[OracleDoc]) -> None:
    day_counts = Counter(d.date for d in visible(oracle) if d.date)
    day = "2019-09-15"
    body = get(client, "/search", **{"from": day, "to": day, "size": 100})
    assert body["total"] == day_counts[day] > 0
    assert "synthetic-xss" in {h["id"] for h in body["hits"]}
    assert {h["date"][:10] for h in body["hits"]} == {day}
    lo, hi = "2019-09-10", "2019-09-20"
    body = get(client, "/search", **{"from": lo, "to": hi})
    assert body["total"] == sum(c for d, c in day_counts.items() if lo <= d <= hi)
    assert get(client, "/search", **{"from": hi})["total"] == sum(
        c for d, c in day_counts.items() if d >= hi
    )
    assert get(client, "/search", to=lo)["total"] == sum(
        c for d, c in day_counts.items() if d <= lo
    )
    # out-of-range years are valid dates, just empty or everything
    assert get(client, "/search", **{"from": "2500-01-01"})["total"] == 0
    assert get(client, "/search", **{"from": "0001-01-01", "to": "9999-12-31"})["total"] == sum(
        day_counts.values()
    )


def test_unknown_filter_value_gives_nothing(client: TestClient) -> None:
    body = get(client, "/search", person="Tidak Ada Orang Ini")
    assert body["total"] == 0 and body["hits"] == []
    # disjunctive: the person facet still offers the other people, and lists the selection
    people = body["facets"]["person"]
    assert {"value": "Tidak Ada Orang Ini", "count": 0, "selected": True} in people
    assert len(people) == 11
    assert body["facets"]["source"] == []
    assert body["facets"]["date"] == [{"key": "undated", "count": 0}]


# -- facets ------------------------------------------------------------------------------------


def test_facets_without_filters_match_the_oracle(client: TestClient,
                                                 oracle: list[OracleDoc]) -> None:
    body = get(client, "/search", facet_size=15)
    for facet in FACETS:
        check_facet(body["facets"][facet], facet_oracle(visible(oracle), facet), 15)


def test_source_facet_matches_the_raw_records(
    client: TestClient, oracle: list[OracleDoc], corpus_records: tuple[Path, list[Json]]
) -> None:
    """Independent of the payloads: the outlets of the raw JSONL records that are visible."""
    _, records = corpus_records
    shown = {d.id for d in visible(oracle)}
    expected = Counter(str(r["outlet"]) for r in records if r["id"] in shown)
    facet = get(client, "/search", facet_size=50)["facets"]["source"]
    got = {v["value"]: v["count"] for v in facet}
    assert got == dict(expected)


def test_facets_follow_the_query(client: TestClient, oracle: list[OracleDoc]) -> None:
    body = get(client, "/search", q="+jakarta", facet_size=10)
    hit_ids = set()
    page = 1
    while True:
        part = get(client, "/search", q="+jakarta", size=100, page=page, collapse="none")
        hit_ids |= {h["id"] for h in part["hits"]}
        if page * 100 >= part["total"]:
            break
        page += 1
    docs = [d for d in oracle if d.id in hit_ids]
    assert len(docs) == body["total"]
    for facet in FACETS:
        check_facet(body["facets"][facet], facet_oracle(docs, facet), 10)


def test_disjunctive_faceting(client: TestClient, oracle: list[OracleDoc]) -> None:
    sources = _pick(oracle, S.SOURCE, 3)
    persons = _pick(oracle, S.PERSON, 2)
    filters = {S.SOURCE: sources[:1], S.PERSON: persons[:1]}
    body = get(client, "/search", facet_size=20, **filters)
    vis = visible(oracle)
    # source is counted with the person filter only, person with the source filter only
    check_facet(body["facets"][S.SOURCE],
                facet_oracle([d for d in vis if matches(d, {S.PERSON: persons[:1]})], S.SOURCE),
                20, sources[:1])
    check_facet(body["facets"][S.PERSON],
                facet_oracle([d for d in vis if matches(d, {S.SOURCE: sources[:1]})], S.PERSON),
                20, persons[:1])
    # the other facets are counted over the results themselves
    results = [d for d in vis if matches(d, filters)]
    assert body["total"] == len(results)
    for facet in (S.ORG, S.PLACE, S.CATEGORY):
        check_facet(body["facets"][facet], facet_oracle(results, facet), 20)


def test_selected_values_are_listed_beyond_the_top(client: TestClient,
                                                   oracle: list[OracleDoc]) -> None:
    counts = facet_oracle(visible(oracle), S.PERSON)
    rare = sorted(v for v, c in counts.items() if c == 1)[0]
    body = get(client, "/search", person=rare, facet_size=2)
    values = body["facets"][S.PERSON]
    assert {"value": rare, "count": 1, "selected": True} in values
    assert len(values) == 3
    check_facet(values, counts, 2, [rare])


def test_date_facet_days_and_months(client: TestClient, oracle: list[OracleDoc]) -> None:
    vis = visible(oracle)
    # the whole set spans months: month buckets, then the undated bucket
    buckets = get(client, "/search")["facets"]["date"]
    months = Counter(d.date[:7] for d in vis if d.date)
    assert buckets[-1] == {"key": "undated", "count": sum(1 for d in vis if d.date is None)}
    assert {b["key"]: b["count"] for b in buckets[:-1]} == dict(months)
    assert [b["key"] for b in buckets[:-1]] == sorted(months)
    # September only: day buckets
    lo, hi = "2019-09-01", "2019-09-30"
    buckets = get(client, "/search", **{"from": lo, "to": hi})["facets"]["date"]
    days = Counter(d.date for d in vis if d.date and lo <= d.date <= hi)
    assert {b["key"]: b["count"] for b in buckets[:-1]} == dict(days)
    assert buckets[-1] == {"key": "undated", "count": 0}


# -- highlighting, duplicates, edge records ------------------------------------------------------


def test_inflected_forms_are_highlighted(client: TestClient) -> None:
    hits = get(client, "/search", q="serangan OR zorblax")["hits"]
    xss = next(h for h in hits if h["id"] == "synthetic-xss")
    assert "<mark>menyerang</mark>" in xss["snippet_html"]
    assert "<mark>Zorblax</mark>" in xss["title_html"]
    marked = [m for h in hits for m in re.findall(r"<mark>(.*?)</mark>", h["snippet_html"])]
    assert any(m.lower() != "serangan" and "serang" in m.lower() for m in marked)


def test_html_in_articles_is_inert(client: TestClient) -> None:
    hit = get(client, "/search", q="zorblax")["hits"][0]
    for field in ("title_html", "snippet_html"):
        assert "<script>" not in hit[field]
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hit[field]
    assert hit["title"] == SYNTHETIC[0]["title"]  # the plain field is the data as is


def test_snippet_without_match_is_the_lead(client: TestClient) -> None:
    hit = get(client, "/search", category="Peristiwa")["hits"][0]  # no q: nothing to mark
    assert hit["snippet_html"].startswith("Banjir bandang melanda desa Kwetlar")
    assert "<mark>" not in hit["snippet_html"]


def test_copies_are_one_story(client: TestClient, oracle: list[OracleDoc]) -> None:
    body = get(client, "/search", q="kwetlar")
    assert (body["total"], body["stories"], len(body["hits"])) == (3, 1, 1)
    story = body["hits"][0]["story"]
    assert story["size"] == 3 and story["sources"] == ["warta-uji", "kabar-uji"]
    assert story["first"]["id"] == "synthetic-dup-a"  # dated a day before its copies
    assert story["first"]["date"].startswith("2019-09-16")
    every = get(client, "/search", q="kwetlar", collapse="none")["hits"]
    assert {h["id"] for h in every} == {"synthetic-dup-a", "synthetic-dup-b", "synthetic-dup-c"}
    # every hit's story is the oracle's: its size, its outlets, no story twice
    per_story = Counter(d.story for d in oracle)
    by_id = {d.id: d for d in oracle}
    hits = get(client, "/search", size=100)["hits"]
    assert len({h["story"]["id"] for h in hits}) == len(hits)
    for h in hits:
        sid = by_id[h["id"]].story
        assert h["story"]["size"] == per_story[sid]
        assert set(h["story"]["sources"]) == {d.source for d in oracle if d.story == sid}


def test_record_without_title(client: TestClient) -> None:
    hit = get(client, "/search", q="glumbrek")["hits"][0]
    assert hit["id"] == "synthetic-notitle"
    assert "Glumbrek" in hit["title"]  # derived from the body
    art = get(client, "/articles/synthetic-notitle")
    assert art["title_derived"] is True


# -- articles ----------------------------------------------------------------------------------


def test_article(client: TestClient, oracle: list[OracleDoc]) -> None:
    doc = next(d for d in oracle if d.person)
    art = get(client, f"/articles/{doc.id}")
    assert art["id"] == doc.id and art["body"] == doc.body and art["title"] == doc.title
    assert art["entities"]["PER"] == list(doc.person)
    assert art["story"]["id"] == doc.story
    dup = get(client, "/articles/synthetic-dup-b")
    assert dup["story"]["size"] == 3 and dup["story"]["first"]["id"] == "synthetic-dup-a"


def test_unknown_article_is_404_json_or_html(client: TestClient) -> None:
    for path in ["/articles/no-such-id", "/articles/a/b/c", "/articles/%00"]:
        res = client.get(path, headers={"accept": "application/json"})
        assert res.status_code == 404
        assert res.json()["error"] == "not_found"
        page = client.get(path, headers={"accept": "text/html"})
        assert page.status_code == 404
        assert "text/html" in page.headers["content-type"]
        assert "Article not found" in page.text


def test_article_html_hook(index_dir: Path) -> None:
    seen: list[str | None] = []

    def render(request: Request, article: Any) -> Response:
        seen.append(article.id if article is not None else None)
        return HTMLResponse("<h1>ok</h1>", status_code=200 if article else 404)

    with TestClient(create_app(index_dir, article_html=render)) as c:
        assert c.get("/articles/synthetic-xss", headers={"accept": "text/html"}).text == (
            "<h1>ok</h1>"
        )
        browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
        assert c.get("/articles/nope", headers={"accept": browser}).status_code == 404
        assert c.get("/articles/synthetic-xss").json()["id"] == "synthetic-xss"
        json_first = "application/json, text/html;q=0.5"
        assert c.get("/articles/synthetic-xss", headers={"accept": json_first}).json()["id"]
    assert seen == ["synthetic-xss", None]


# -- entities ----------------------------------------------------------------------------------


def test_entities_prefix_search(client: TestClient, oracle: list[OracleDoc]) -> None:
    counts = facet_oracle(visible(oracle), S.PERSON)
    body = get(client, "/entities", type="person", prefix="jok", size=100)
    assert body["type"] == "person" and body["prefix"] == "jok"

    def ok(v: str) -> bool:
        return any(w.startswith("jok") for w in re.split(r"[\W_]+", v.casefold()))

    expected = {v: c for v, c in counts.items() if ok(v)}
    assert {e["value"]: e["count"] for e in body["values"]} == expected
    assert [e["count"] for e in body["values"]] == sorted(expected.values(), reverse=True)
    # any word of the value, case-insensitive
    upper = get(client, "/entities", type="person", prefix="WIDODO")["values"]
    assert any(e["value"] == "Joko Widodo" for e in upper)


@pytest.mark.parametrize("etype", FACETS)
def test_entities_without_prefix_are_the_top_values(client: TestClient, oracle: list[OracleDoc],
                                                    etype: str) -> None:
    counts = facet_oracle(visible(oracle), etype)
    values = get(client, "/entities", type=etype, size=5)["values"]
    check_facet([{**v, "selected": False} for v in values], counts, 5)


# -- errors ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path, params, error",
    [
        ("/search", {"size": "101"}, "invalid_parameter"),
        ("/search", {"size": "0"}, "invalid_parameter"),
        ("/search", {"size": "-3"}, "invalid_parameter"),
        ("/search", {"size": "ten"}, "invalid_parameter"),
        ("/search", {"size": "1.5"}, "invalid_parameter"),
        ("/search", {"page": "0"}, "invalid_parameter"),
        ("/search", {"page": "x"}, "invalid_parameter"),
        ("/search", {"page": "99999999999999999999"}, "invalid_parameter"),
        ("/search", {"page": "101", "size": "100"}, "result_window_too_large"),
        ("/search", {"page": "1001"}, "result_window_too_large"),
        ("/search", {"facet_size": "1000"}, "invalid_parameter"),
        ("/search", {"facet_size": "a"}, "invalid_parameter"),
        ("/search", {"from": "2019-13-01"}, "invalid_date"),
        ("/search", {"from": "2019-02-30"}, "invalid_date"),
        ("/search", {"to": "kemarin"}, "invalid_date"),
        ("/search", {"to": "2019/09/01"}, "invalid_date"),
        ("/search", {"from": "2019-09-02", "to": "2019-09-01"}, "invalid_date_range"),
        ("/search", {"q": "x" * (MAX_QUERY_CHARS + 1)}, "query_too_long"),
        ("/search", {"sort": "popular"}, "invalid_sort"),
        ("/search", {"sort": "recent", "halflife": "0"}, "invalid_parameter"),
        ("/search", {"sort": "recent", "halflife": "-3"}, "invalid_parameter"),
        ("/search", {"sort": "recent", "halflife": "1e3"}, "invalid_parameter"),
        ("/search", {"sort": "recent", "halflife": "nan"}, "invalid_parameter"),
        ("/search", {"sort": "recent", "halflife": "36501"}, "invalid_parameter"),
        ("/entities", {"type": "animal"}, "invalid_entity_type"),
        ("/entities", {}, "missing_parameter"),
        ("/entities", {"type": "person", "size": "0"}, "invalid_parameter"),
    ],
)
def test_bad_input_is_a_json_400(client: TestClient, path: str, params: dict[str, str],
                                 error: str) -> None:
    res = client.get(path, params=params)
    assert res.status_code == 400, res.text
    body = res.json()
    assert set(body) == {"error", "detail"}
    assert body["error"] == error and body["detail"]


def test_limits_themselves_are_accepted(client: TestClient) -> None:
    assert get(client, "/search", size=100, page=100)["page"] == 100
    assert get(client, "/search", q="x" * MAX_QUERY_CHARS)["total"] >= 0
    assert get(client, "/search", q="banjir", sort="recent", halflife="0.01")["total"] > 0
    assert get(client, "/search", q="banjir", sort="recent", halflife="36500")["total"] > 0
    assert get(client, "/search", sort="RELEVANCE", q="banjir")["sort"] == "relevance"


def test_unknown_route_and_method(client: TestClient) -> None:
    res = client.get("/nope")
    assert res.status_code == 404 and res.json()["error"] == "not_found"
    res = client.post("/search")
    assert res.status_code == 405 and res.json()["error"] == "method_not_allowed"


def test_no_index_is_a_503(tmp_path: Path) -> None:
    with TestClient(create_app(tmp_path / "empty")) as c:
        res = c.get("/search")
        assert res.status_code == 503 and res.json()["error"] == "index_unavailable"
        assert c.get("/health").status_code == 503


# -- serving -----------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _wait_until(check: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise AssertionError("timed out")


@pytest.mark.parametrize("workers", [1, 2])
def test_real_uvicorn_server(index_dir: Path, oracle: list[OracleDoc], workers: int) -> None:
    """``serve()`` under uvicorn (with 2 workers: the factory mode), answering concurrently."""
    port = _free_port()
    code = (
        "import sys; from search_api.serve import serve; "
        "serve(sys.argv[1], '127.0.0.1', int(sys.argv[2]), int(sys.argv[3]), 'warning')"
    )
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(index_dir), str(port), str(workers)], cwd=root
    )
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_until(lambda: httpx.get(f"{base}/health", timeout=2).status_code == 200)
        health = httpx.get(f"{base}/health").json()
        assert health["documents"] == len(oracle)
        res = httpx.get(f"{base}/search", params={"q": "serangan"})
        assert res.status_code == 200 and res.json()["total"] > 0
        assert res.headers["content-type"] == "application/json"
        assert httpx.get(f"{base}/search", params={"size": "0"}).status_code == 400
        queries = ["banjir", "jakarta", '"joko widodo"', "gempa -palu", "", "serangan"] * 8
        with ThreadPoolExecutor(8) as pool:
            totals = list(pool.map(
                lambda q: httpx.get(f"{base}/search", params={"q": q}, timeout=30).json()["total"],
                queries,
            ))
        assert totals[:6] * 8 == totals
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.mark.parametrize(("loop", "protocol", "nodelay"), [
    ("asyncio", HttpToolsProtocol, 0), ("asyncio", NoDelayHttpToolsProtocol, 1),
    ("uvloop", HttpToolsProtocol, 1), ("uvloop", NoDelayHttpToolsProtocol, 1)])
def test_connections_on_a_prebound_listener_get_tcp_nodelay(
    loop: str, protocol: type[HttpToolsProtocol], nodelay: int
) -> None:
    """With ``--workers N`` uvicorn serves on a listener it bound itself (proto 0). asyncio then
    leaves Nagle's algorithm on, and every keep-alive response waited ~40 ms for the client's
    delayed ACK (uvicorn #3149). ``serve()`` runs uvloop, which switches TCP_NODELAY on, and a
    protocol that switches it on whatever the loop; the plain protocol on asyncio's loop shows
    the problem."""
    seen: list[int] = []

    class Recording(protocol):  # type: ignore[valid-type,misc]
        def connection_made(self, transport: Any) -> None:
            super().connection_made(transport)
            sock = transport.get_extra_info("socket")
            seen.append(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    port = _free_port()
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, http=Recording, loop=loop, lifespan="off",
        log_level="warning",
    )
    listener = config.bind_socket()  # what uvicorn's --workers supervisor hands each worker
    assert listener.proto == 0
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]})
    thread.start()
    try:
        _wait_until(lambda: server.started)
        with httpx.Client() as client:  # one keep-alive connection, several requests
            for _ in range(3):
                assert client.get(f"http://127.0.0.1:{port}/").text == "ok"
    finally:
        server.should_exit = True
        thread.join(timeout=20)
    assert seen == [nodelay]


def test_reindex_while_serving(tmp_path: Path) -> None:
    """A running app answers from a new generation without a restart."""
    first = tmp_path / "first.jsonl"
    write_corpus(first, n_real=50, extra=SYNTHETIC[:1])
    index = tmp_path / "index"
    reindex([first], index, workers=1)
    with TestClient(create_app(index)) as c:
        assert get(c, "/search", q="zorblax")["total"] == 1
        assert get(c, "/search", q="trombik")["total"] == 0
        before = get(c, "/health")
        second = tmp_path / "second.jsonl"
        write_corpus(second, n_real=80, extra=SYNTHETIC[4:])
        report = reindex([second], index, workers=1)
        assert get(c, "/search", q="trombik")["total"] == 1
        assert get(c, "/search", q="zorblax")["total"] == 0
        after = get(c, "/health")
        assert after["generation"] != before["generation"]
        assert after["documents"] == report.written
        assert get(c, "/articles/synthetic-undated")["id"] == "synthetic-undated"
        assert c.get("/articles/synthetic-xss").status_code == 404
        # an incremental add (a commit in the same generation) and a delete show up too
        third = tmp_path / "third.jsonl"
        third.write_bytes(orjson.dumps(SYNTHETIC[3]) + b"\n")
        add([third], index, workers=1)
        assert [h["id"] for h in get(c, "/search", q="glumbrek")["hits"]] == ["synthetic-notitle"]
        assert get(c, "/health")["documents"] == report.written + 1
        delete(["synthetic-undated"], index)
        assert get(c, "/search", q="trombik")["total"] == 0
        assert c.get("/articles/synthetic-undated").status_code == 404
