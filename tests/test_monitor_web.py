"""Following a search through a real uvicorn server: the memory of a complete export of the 22k
corpus, measured from /proc, and the trends page in a real Chromium (desktop and 390 px, with and
without JavaScript). Screenshots go to ``test-artifacts/screenshots/``."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import orjson
import pytest

from search_api import i18n
from search_api.trends import Bucket
from search_api.web.trends_page import bucket_label

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "test-artifacts" / "screenshots"
EXPORT_RSS_BUDGET_KB = 50 * 1024
EN = i18n.lang("en")


def proc_kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise AssertionError(f"no {field} in /proc/{pid}/status")


@pytest.mark.slow
def test_export_of_the_whole_corpus_runs_in_constant_memory(full_index_dir: Path,
                                                           serving: Any) -> None:
    with serving(full_index_dir) as (base, pid):
        for q in ("jakarta", "banjir", ""):  # warm the search path as a user would
            assert httpx.get(f"{base}/search", params={"q": q}).status_code == 200
        total = httpx.get(f"{base}/search", params={"size": "1"}).json()["total"]
        idle = proc_kb(pid, "VmRSS")
        # Reset the peak to the current RSS (Linux >= 4.0), so VmHWM afterwards is the peak
        # while exporting.
        Path(f"/proc/{pid}/clear_refs").write_text("5")
        ids: set[str] = set()
        rows = 0
        with httpx.stream("GET", f"{base}/search.ndjson", timeout=300) as res:
            assert res.status_code == 200
            for line in res.iter_lines():
                if line:
                    ids.add(orjson.loads(line)["id"])
                    rows += 1
        peak = proc_kb(pid, "VmHWM")
    assert total > 20_000
    assert rows == total == len(ids)
    assert peak - idle <= EXPORT_RSS_BUDGET_KB, (idle, peak)


# -- the trends page in Chromium --------------------------------------------------------------


SERIES = ["q=banjir", "q=jakarta", "source=tempo.co"]


def _cells(page: Any, selector: str) -> list[list[str]]:
    rows = page.locator(f"{selector} tbody tr")
    return [[c.strip() for c in rows.nth(i).locator("th, td").all_inner_texts()]
            for i in range(rows.count())]


@pytest.mark.browser
@pytest.mark.parametrize(("viewport", "js"), [
    ({"width": 1280, "height": 900}, True),
    ({"width": 390, "height": 844}, True),
    ({"width": 390, "height": 844}, False),
])
def test_trends_page_in_chromium(index_dir: Path, browser: Any, serving: Any,
                                 viewport: dict[str, int], js: bool) -> None:
    with serving(index_dir) as (base, _):
        api = httpx.get(f"{base}/trends", params=[("series", s) for s in SERIES]).json()
        context = browser.new_context(viewport=viewport, java_script_enabled=js)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        # From the results page: "Trend this search" opens the trend of the same search.
        page.goto(f"{base}/?q=banjir")
        page.get_by_role("link", name="Trend this search").click()
        page.wait_for_url("**/trends?series=q%3Dbanjir")
        assert page.locator(".trend-legend li a").first.inner_text() == "banjir"
        page.goto(f"{base}/trends?" + urlencode([("series", s) for s in SERIES]))
        assert page.locator("polyline.trend-line").count() == len(SERIES)
        # The table beneath the chart holds the API's numbers, bucket by bucket (the buckets
        # written as the page's language writes days).
        expected = [[bucket_label(Bucket(**b), "day", EN),
                     *(f"{s['counts'][i]:,}" for s in api["series"])]
                    for i, b in enumerate(api["buckets"])]
        assert _cells(page, ".trend-table:not(.trend-share-table)") == expected
        shares = [[s["label"], sh["source"], f"{sh['count']:,}"]
                  for s in api["series"] for sh in s["sources"]]
        assert [r[:3] for r in _cells(page, ".trend-share-table")] == shares
        # Nothing wider than the screen but the scrollable table.
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"], width
        chart = page.locator(".trend-chart svg").first.bounding_box()
        assert chart["width"] <= viewport["width"] and chart["height"] > 100
        # The form builds a new comparison: per week.
        page.locator("#series-4").fill("person=Joko Widodo")
        page.select_option("#interval", "week")
        page.get_by_role("button", name="Show trends").click()
        page.wait_for_url("**interval=week**")
        assert page.locator("polyline.trend-line").count() == len(SERIES) + 1
        week = httpx.get(f"{base}/trends", params=[
            *(("series", s) for s in [*SERIES, "person=Joko Widodo"]), ("interval", "week"),
        ]).json()["buckets"][0]
        first = page.locator(".trend-table th[scope=row]").first
        assert first.inner_text() == bucket_label(Bucket(**week), "week", EN)  # "16–22 Sep 2019"
        assert first.locator("time").get_attribute("datetime") == week["start"]
        name = f"trends-{viewport['width']}{'' if js else '-nojs'}.png"
        page.screenshot(path=str(SHOTS / name), full_page=True)
        assert errors == []
        context.close()


@pytest.mark.browser
def test_entity_facet_links_to_trends(index_dir: Path, browser: Any, serving: Any) -> None:
    with serving(index_dir) as (base, _):
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{base}/?q=jakarta")
        top = page.locator("#facet-person .facet-value").all_inner_texts()[:5]
        page.locator("#facet-person .facet-trend").click()
        page.wait_for_url("**/trends?**")
        labels = page.locator(".trend-legend:not(.trend-sources) li a:not(.trend-remove)")
        assert labels.all_inner_texts() == [f"jakarta · {v}" for v in top]
        page.close()
