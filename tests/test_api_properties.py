"""Property tests: no input to any route gives a 500. Every answer is 200 with the documented
shape or a 4xx JSON error; well-formed parameters always get a 200.

The TestClient re-raises any exception the app does not turn into a response, so a crash
fails the test even before the status check.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any
from urllib.parse import quote

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from indexer import schema as S

FACETS = S.KEYWORD_FACETS
HIT_KEYS = {
    "id", "title", "url", "source", "category", "date", "score", "title_html", "snippet_html",
    "entities", "story",
}
SETTINGS = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

WORDS = [
    '"', "-", "+", "OR", "AND", "NOT", "(", ")", "*", ":", "\\", "~", "^", "banjir", "jakarta",
    "serangan", "yang", "dan", '"joko', 'widodo"', "-prabowo", "+gempa", "\x00", "é", "🙂",
    "<script>", "title_terms:x", "a" * 60, "berbulan-bulan", "--", "++", "-\"", "OR OR",
]
query_text = st.one_of(
    st.text(max_size=60),
    st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join),
    st.lists(st.sampled_from(WORDS), max_size=12).map("".join),
    st.text(alphabet='"-+ OR', max_size=30),
    st.integers(990, 1010).map(lambda n: "b" * n),
)
int_text = st.one_of(
    st.integers(-10, 120).map(str),
    st.integers(-(10**12), 10**12).map(str),
    st.sampled_from(["", " ", "1.0", "1e3", "0x10", "+5", "-0", "٣", "NaN", "10 ", "１"]),
    st.text(max_size=6),
)
date_text = st.one_of(
    st.dates().map(str),
    st.dates(min_value=date(2019, 1, 1),
             max_value=date(2019, 12, 31)).map(str),
    st.sampled_from(["", "2019-02-29", "2019-9-1", "20190901", "2019-09-01T00:00", "0000-01-01"]),
    st.text(max_size=12),
)
facet_value = st.one_of(
    st.sampled_from(["Joko Widodo", "Jakarta", "kompas.com", "News", "", " ", "\x00"]),
    st.text(max_size=20),
)
sort_text = st.one_of(st.sampled_from(["relevance", "recent", "newest", "oldest", "NEWEST", ""]),
                      st.text(max_size=10))


@st.composite
def search_params(draw: st.DrawFn) -> list[tuple[str, str]]:
    params: list[tuple[str, str]] = []
    if draw(st.booleans()):
        params.append(("q", draw(query_text)))
    for facet in FACETS:
        for v in draw(st.lists(facet_value, max_size=3)):
            params.append((facet, v))
    for name, strat in (("from", date_text), ("to", date_text), ("sort", sort_text),
                        ("halflife", st.one_of(int_text, st.sampled_from(["0.5", "1.", ".5"]))),
                        ("page", int_text), ("size", int_text), ("facet_size", int_text)):
        if draw(st.booleans()):
            params.append((name, draw(strat)))
    if draw(st.booleans()):
        params.append((draw(st.text(max_size=8)), draw(st.text(max_size=8))))
    return params


@st.composite
def valid_search_params(draw: st.DrawFn) -> list[tuple[str, str]]:
    params: list[tuple[str, str]] = [("q", draw(query_text.filter(lambda q: len(q) <= 1000)))]
    for facet in FACETS:
        for v in draw(st.lists(facet_value, max_size=2)):
            params.append((facet, v))
    lo = draw(st.dates())
    hi = draw(st.dates(min_value=lo))
    if draw(st.booleans()):
        params.append(("from", lo.isoformat()))
    if draw(st.booleans()):
        params.append(("to", hi.isoformat()))
    size = draw(st.integers(1, 100))
    params += [
        ("sort", draw(st.sampled_from(["relevance", "recent", "newest", "oldest"]))),
        ("halflife", draw(st.sampled_from(["", "0.5", "30", "365"]))),
        ("size", str(size)),
        ("page", str(draw(st.integers(1, 10_000 // size)))),
        ("facet_size", str(draw(st.integers(0, 100)))),
    ]
    return params


def check_error(res: Any) -> None:
    assert 400 <= res.status_code < 500, res.text
    body = res.json()
    assert set(body) == {"error", "detail"}
    assert isinstance(body["error"], str) and isinstance(body["detail"], str)


def check_search(body: dict[str, Any], size: int | None = None) -> None:
    assert set(body) == {"query", "sort", "matched", "suggestion", "collapse", "total",
                         "stories", "took_ms", "page", "size", "hits", "facets"}
    assert body["matched"] in ("all", "some")
    assert body["total"] >= len(body["hits"]) >= 0
    assert len(body["hits"]) <= body["size"] <= 100
    if size is not None:
        assert body["size"] == size
    for hit in body["hits"]:
        assert set(hit) == HIT_KEYS
        for field in ("title_html", "snippet_html"):
            assert re.sub(r"</?mark>", "", hit[field]).count("<") == 0
    assert set(body["facets"]) == {*FACETS, "date"}
    assert body["facets"]["date"][-1]["key"] == "undated"


@SETTINGS
@given(params=search_params())
def test_search_never_fails(client: TestClient, params: list[tuple[str, str]]) -> None:
    res = client.get("/search", params=params)
    if res.status_code == 200:
        check_search(res.json())
    else:
        check_error(res)


@SETTINGS
@given(params=valid_search_params())
def test_valid_search_params_always_answer(client: TestClient,
                                           params: list[tuple[str, str]]) -> None:
    res = client.get("/search", params=params)
    assert res.status_code == 200, (params, res.text)
    check_search(res.json(), size=int(dict(params)["size"]))


@SETTINGS
@given(
    etype=st.one_of(st.sampled_from([*FACETS, "PERSON", "", "entity"]), st.text(max_size=8)),
    prefix=st.one_of(st.text(max_size=12), st.sampled_from(["jok", "J", "ä", "(", "a" * 101])),
    size=st.one_of(st.none(), int_text),
)
def test_entities_never_fail(client: TestClient, etype: str, prefix: str, size: str | None
                             ) -> None:
    params = {"type": etype, "prefix": prefix}
    if size is not None:
        params["size"] = size
    res = client.get("/entities", params=params)
    if res.status_code == 200:
        body = res.json()
        counts = [v["count"] for v in body["values"]]
        assert counts == sorted(counts, reverse=True)
    else:
        check_error(res)


@SETTINGS
# "." and ".." are not ids: clients resolve them as path segments before sending.
@given(doc_id=st.one_of(st.text(max_size=40).filter(lambda s: s not in {".", ".."}),
                        st.sampled_from(["synthetic-xss", "clickid-fimela-00001", "a..b", "%"])))
def test_articles_never_fail(client: TestClient, doc_id: str) -> None:
    res = client.get("/articles/" + quote(doc_id, safe=""))
    if res.status_code == 200:
        assert {"id", "title", "body", "entities"} <= set(res.json())
    else:
        assert res.status_code == 404
        check_error(res)


@SETTINGS
@given(path=st.text(max_size=30), accept=st.text(max_size=30))
def test_any_path_and_accept_header(client: TestClient, path: str, accept: str) -> None:
    headers = {"accept": accept} if accept.isascii() and accept.isprintable() else {}
    res = client.get("/" + quote(path, safe="/?=&"), headers=headers)
    assert res.status_code < 500
    if res.status_code >= 400 and res.headers["content-type"].startswith("text/html"):
        # An error page only for a client that names HTML ("TEXT/html" too: media types
        # ignore case); every other client gets the JSON error.
        assert "html" in headers.get("accept", "").lower() and "<html" in res.text
    elif res.status_code >= 400:
        check_error(res)
