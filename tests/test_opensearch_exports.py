"""Exports, feeds and trends over OpenSearch (the session's real node) equal those over the
embedded index, for the same corpus in both (``os_backend``, ``tantivy_backend``).

Exports: the same rows in the same order, byte for byte over HTTP. The order is total in both
backends: date, then ``id_key`` (a 64-bit hash of the id; the test checks that no two articles
of the corpus share one, so no tie is left for an engine to break its own way). Trends: the same
response, buckets, counts and outlets included. Feeds: the same entries, compared in order by
date, and within a run of equal dates as a set (``/search?sort=newest``, which a feed is, orders
equal dates as each engine happens to; a run cut by the feed's end is compared by length); an
undated entry's ``updated`` is its backend's last commit, so it is left out of the comparison.
"""

from __future__ import annotations

import warnings
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qsl

import pytest
from click.testing import CliRunner
from tantivy import Query

from search_api import trends as T
from search_api.app import create_app
from search_api.backends import Backend, TantivyBackend
from search_api.backends import opensearch_export as XP
from search_api.backends.opensearch import OpenSearchBackend
from search_api.export import main as export_main
from search_api.feeds import FEED_SIZE
from search_api.params import SearchRequest, parse_search_params
from search_api.trends import parse_trends_params

with warnings.catch_warnings():
    # Starlette suggests httpx2 for its TestClient; httpx is what the project pins.
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

pytestmark = pytest.mark.opensearch

ATOM = "{http://www.w3.org/2005/Atom}"
OracleDoc = Any  # tests/corpora.py's OracleDoc

# /search query strings: browse, words, AND/OR/NOT, a phrase, the matched=some fallback, filters
# (lower-cased, several values, person_op=and), date ranges, each sort an export knows.
QUERIES = (
    "", "sort=oldest", "q=banjir", "q=pemerintah&sort=oldest", "q=jakarta&sort=relevance",
    "q=%2Bbanjir+%2Bjakarta", "q=presiden+OR+menteri", "q=pemerintah+-jakarta",
    "q=%22pemerintah+daerah%22", "q=zorblax+glumbrek+pemerintah",
    "source=warta-uji", "category=peristiwa&category=budaya&sort=oldest",
    "q=jokowi&from=2019-09-01&to=2019-12-31", "from=2019-10-01&to=2019-10-07&sort=oldest",
    "person=joko+widodo&person=prabowo+subianto&person_op=and",
    "q=kwetlar", "q=trombik",
)


def _request(query: str) -> SearchRequest:
    return parse_search_params(parse_qsl(query, keep_blank_values=True))


@pytest.fixture(scope="module")
def apps(index_dir: Any, os_backend: OpenSearchBackend) -> Iterator[tuple[TestClient, TestClient]]:
    with TestClient(create_app(index_dir)) as a, TestClient(create_app(backend=os_backend)) as b:
        yield a, b


def test_id_keys_are_distinct(oracle: list[OracleDoc], tantivy_backend: TantivyBackend) -> None:
    """The export order is total: no two articles share an ``id_key``."""
    snap = tantivy_backend.holder.snapshot()
    hits = snap.searcher.search(Query.all_query(), len(oracle) + 1).hits
    keys = snap.searcher.fast_field_values("id_key", [a for _, a in hits])
    assert len(keys) == len(oracle) == len(set(keys))


@pytest.mark.parametrize("query", QUERIES)
def test_export_rows_are_identical(query: str, tantivy_backend: Backend,
                                   os_backend: OpenSearchBackend) -> None:
    request = _request(query)
    a, b = list(tantivy_backend.export(request)), list(os_backend.export(request))
    assert a == b, query
    assert len(a) == tantivy_backend.count(request) == os_backend.count(request)
    assert len(a) == tantivy_backend.search(request).total


def test_export_pages_meet(tantivy_backend: Backend, os_backend: OpenSearchBackend) -> None:
    """``search_after`` across page ends, and within runs of equal dates, loses and repeats
    nothing: pages of 7 give the rows of one page."""
    sizes, ties = [], 0
    for query in ("", "sort=oldest", "q=pemerintah", "source=warta-uji"):
        request = _request(query)
        whole = list(tantivy_backend.export(request))
        assert list(XP.export(os_backend, request, page=7)) == whole, query
        sizes.append(len(whole))
        dates = [p.date for p, _ in whole]
        ties += sum(1 for x, y in zip(dates, dates[1:], strict=False) if x == y)
    assert min(sizes[:3]) > 30 and ties > 10


@pytest.mark.parametrize("query", ["q=banjir", "category=peristiwa&sort=oldest", "q=kwetlar", ""])
def test_export_downloads_are_identical(query: str, apps: tuple[TestClient, TestClient]) -> None:
    for fmt in ("csv", "ndjson"):
        a, b = (app.get(f"/search.{fmt}?{query}") for app in apps)
        assert (a.status_code, b.status_code) == (200, 200)
        assert a.headers["content-type"] == b.headers["content-type"]
        assert a.content == b.content, (fmt, query)
        assert len(a.content.splitlines()) > 1


def test_cli_export_over_opensearch(index_dir: Any, opensearch_url: str,
                                    os_backend: OpenSearchBackend) -> None:
    """``warta export --opensearch URL --index-name NAME`` writes what ``--index DIR`` writes."""
    runner = CliRunner()
    for args in (["--q", "banjir", "--format", "csv"],
                 ["--format", "ndjson", "--sort", "oldest", "--source", "warta-uji"]):
        a = runner.invoke(export_main, ["--index", str(index_dir), *args])
        b = runner.invoke(export_main, ["--opensearch", opensearch_url, "--index-name",
                                        "parity", *args])
        assert (a.exit_code, b.exit_code) == (0, 0), b.output
        assert a.stdout_bytes == b.stdout_bytes, args
        assert len(a.stdout_bytes.splitlines()) > 2
    neither = runner.invoke(export_main, ["--q", "x"], env={"WARTA_OPENSEARCH_URL": ""})
    assert neither.exit_code == 2 and "--opensearch URL" in neither.output


def test_export_errors_are_json(apps: tuple[TestClient, TestClient]) -> None:
    for app in apps:
        res = app.get("/search.csv?from=2019-02-30")
        assert res.status_code == 400 and res.json()["error"] == "invalid_date"


# -- trends -----------------------------------------------------------------------------------

TRENDS = (
    "series=q%3Dbanjir",
    "series=q%3Dpemerintah&series=q%3Djakarta%26sort%3Doldest&interval=week",
    "series=&series=source%3Dwarta-uji&interval=month",
    "series=category%3Dperistiwa%26category%3Dbudaya&series=q%3Dzorblax%2Bglumbrek&interval=day",
    "series=q%3Djokowi%26from%3D2019-09-01%26to%3D2019-12-31&interval=week",
    "series=person%3Djoko%2Bwidodo%26person%3Dprabowo%2Bsubianto%26person_op%3Dand",
    "series=q%3Dtrombik",
)


@pytest.mark.parametrize("query", TRENDS)
def test_trends_are_identical(query: str, tantivy_backend: Backend,
                              os_backend: OpenSearchBackend,
                              apps: tuple[TestClient, TestClient]) -> None:
    request = parse_trends_params(parse_qsl(query, keep_blank_values=True))
    a, b = T.trends(tantivy_backend, request), T.trends(os_backend, request)
    assert a == b
    assert sum(s.total for s in a.series) > 0
    for spec, series in zip(request.series, a.series, strict=True):
        assert series.total == tantivy_backend.count(spec.request)
        assert sum(series.counts) + series.undated == series.total
    ja, jb = (app.get(f"/trends?{query}") for app in apps)
    assert ja.status_code == jb.status_code == 200
    assert ja.json() == jb.json()
    pa, pb = (app.get(f"/trends?{query}", headers={"accept": "text/html"}) for app in apps)
    assert pa.status_code == pb.status_code == 200
    assert pa.text == pb.text


def test_trend_day_counts_are_identical(oracle: list[OracleDoc], tantivy_backend: Backend,
                                        os_backend: OpenSearchBackend) -> None:
    """Per outlet (one series each), every outlet named: counts per day and undated equal,
    and equal to a count of the oracle."""
    outlets = sorted({d.source for d in oracle})
    for source in outlets:
        request = SearchRequest(filters={"source": (source,)})
        a, b = tantivy_backend.day_counts(request), os_backend.day_counts(request)
        assert a == b, source
        mine = [d for d in oracle if d.source == source]
        assert a.total == len(mine)
        assert a.undated == sum(1 for d in mine if not d.date)
        assert sorted(a.sources) == [(source, len(mine))]


# -- feeds ------------------------------------------------------------------------------------


def _entries(xml: bytes) -> list[dict[str, Any]]:
    out = []
    for e in ET.fromstring(xml).findall(ATOM + "entry"):
        fields: dict[str, Any] = {
            child.tag.removeprefix(ATOM): (child.text, sorted(child.attrib.items()))
            for child in e if child.tag != ATOM + "link"}
        fields["links"] = sorted(sorted(link.attrib.items()) for link in e.findall(ATOM + "link"))
        if "published" not in fields:  # undated: updated is the backend's last commit
            fields.pop("updated")
        out.append(fields)
    return out


@pytest.mark.parametrize("query", ["q=banjir", "q=jakarta&sort=relevance", "source=warta-uji",
                                   "q=kwetlar", "category=peristiwa", ""])
def test_feeds_are_identical(query: str, apps: tuple[TestClient, TestClient]) -> None:
    a, b = (app.get(f"/search.atom?{query}") for app in apps)
    assert a.status_code == b.status_code == 200
    ea, eb = _entries(a.content), _entries(b.content)
    assert len(ea) == len(eb) > 0
    dates = [e.get("published") for e in ea]
    assert dates == [e.get("published") for e in eb]
    runs, start = [], 0
    for i in range(1, len(dates) + 1):
        if i == len(dates) or dates[i] != dates[i - 1]:
            runs.append((start, i))
            start = i
    for lo, hi in runs:
        if hi == len(ea) == FEED_SIZE:
            break  # a run cut by the feed's end: which of its members made it is arbitrary
        assert sorted(map(repr, ea[lo:hi])) == sorted(map(repr, eb[lo:hi])), (query, lo)
    ra, rb = ET.fromstring(a.content), ET.fromstring(b.content)
    assert ra.findtext(ATOM + "title") == rb.findtext(ATOM + "title")
    assert ra.findtext(ATOM + "id") == rb.findtext(ATOM + "id")


def test_feed_etag_follows_opensearch_writes(apps: tuple[TestClient, TestClient],
                                             os_backend: OpenSearchBackend) -> None:
    _, remote = apps
    first = remote.get("/search.atom?q=banjir")
    etag = first.headers["etag"]
    again = remote.get("/search.atom?q=banjir", headers={"if-none-match": etag})
    assert again.status_code == 304
    assert etag.strip('"') and os_backend.version().startswith("parity-gen-")
