"""The zero-result advice ("try removing ..."): one count-only query per constraint, so a URL
selecting 250 filter values costs a handful of counts, not 250 faceted searches; suggestions that
would give nothing are not shown."""

from __future__ import annotations

import re
import time
from html import unescape
from urllib.parse import urlencode, urlsplit

from starlette.testclient import TestClient

from search_api.params import MAX_FILTER_VALUES
from search_api.web.state import FACETS

BROWSER = {"accept": "text/html"}
_ADVICE_RE = re.compile(r'<li data-count="(\d+)">Remove <a href="([^"]*)">‘([^’]*)’</a>')


def advice(client: TestClient, url: str) -> list[tuple[int, str, str]]:
    res = client.get(url, headers=BROWSER)
    assert res.status_code == 200, res.text[:300]
    assert 'class="total"' in res.text or "No results" in res.text
    return [(int(n), unescape(href), unescape(label))
            for n, href, label in _ADVICE_RE.findall(res.text)]


def api_total(client: TestClient, url: str) -> int:
    res = client.get("/search?" + urlsplit(url).query)
    assert res.status_code == 200, res.text
    total: int = res.json()["total"]
    return total


def fifty_values(client: TestClient, facet: str) -> list[str]:
    """The facet's most frequent values, then made-up ones, MAX_FILTER_VALUES in all."""
    res = client.get("/entities", params={"type": facet, "size": MAX_FILTER_VALUES})
    real = [v["value"] for v in res.json()["values"] if v["value"]]
    return real + [f"tiada-{facet}-{i}" for i in range(MAX_FILTER_VALUES - len(real))]


def test_many_filter_values_give_one_suggestion_per_constraint(client: TestClient) -> None:
    filters = [(f.name, v) for f in FACETS for v in fifty_values(client, f.name)]
    assert len(filters) == 250
    url = "/?" + urlencode([("q", "Zorblax"), *filters, ("from", "2019-01-01")])
    assert api_total(client, url) == 0
    t0 = time.perf_counter()
    found = advice(client, url)
    elapsed = time.perf_counter() - t0
    # One suggestion at most per facet, the date range and the query; each count is the API's.
    assert len(found) <= len(FACETS) + 2
    labels = [label.split(":")[0] for _, _, label in found]
    assert len(labels) == len(set(labels))
    for n, href, _ in found:
        assert n == api_total(client, href) > 0
    # Dropping the query leaves every filter: that is one of the suggestions iff it finds any.
    without_query = "/?" + urlencode([*filters, ("from", "2019-01-01")])
    n = api_total(client, without_query)
    assert any(label == "query: Zorblax" for _, _, label in found) == (n > 0)
    # The same page without the advice (a search that finds nothing, one filter) for scale.
    t0 = time.perf_counter()
    advice(client, "/?q=Zorblaxqq")
    plain = time.perf_counter() - t0
    assert elapsed < max(2.0, 40 * plain), (elapsed, plain)


def test_suggestions_that_give_nothing_are_not_shown(client: TestClient) -> None:
    url = "/?" + urlencode([("q", "Zorblaxqq"), ("source", "no-such-outlet.test")])
    assert api_total(client, url) == 0
    assert api_total(client, "/?q=Zorblaxqq") == 0
    assert api_total(client, "/?source=no-such-outlet.test") == 0
    assert advice(client, url) == []
    # One that does give something is shown, with the API's count.
    url = "/?" + urlencode([("q", "Zorblax"), ("source", "no-such-outlet.test")])
    found = advice(client, url)
    assert [(n, label) for n, _, label in found] == [
        (api_total(client, "/?q=Zorblax"), "outlet: no-such-outlet.test")]


def test_a_multi_value_filter_is_suggested_whole(client: TestClient) -> None:
    url = "/?" + urlencode([("q", "Zorblax"), ("source", "a.test"), ("source", "b.test"),
                            ("source", "c.test"), ("source", "d.test")])
    found = advice(client, url)
    assert [label for _, _, label in found] == ["outlet: a.test, b.test, c.test and 1 more"]
    assert found[0][1] == "/?q=Zorblax"
