"""The Indonesian and English pages in a real Chromium against a real uvicorn (``server`` and
``browser`` from tests/conftest.py): the browser's language picks the page's, dates typed
dd/mm/yyyy filter as ISO ones do, cut-short values show their full text as a tooltip.
Screenshots go to ``test-artifacts/screenshots/``."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest

pytestmark = pytest.mark.browser

SHOTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
ID_DATE_RE = re.compile(r"^\d{1,2} (Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des) \d{4}"
                        r"(, \d{2}\.\d{2} WIB)?$")
EN_DATE_RE = re.compile(r"^\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}"
                        r"(, \d{2}:\d{2} WIB)?$")

# Every element whose text CSS cuts with an ellipsis must carry its whole text in a title
# (its own or an ancestor's).
CUT_WITHOUT_TOOLTIP_JS = """() => [...document.querySelectorAll('body *')].filter(el => {
  const s = getComputedStyle(el);
  if (s.textOverflow !== 'ellipsis' || el.scrollWidth <= el.clientWidth) return false;
  const text = el.textContent.trim();
  for (let a = el; a; a = a.parentElement) {
    if (a.title && a.title.includes(text)) return false;
  }
  return true;
}).map(el => el.textContent.trim())"""


def api_total(base: str, url: str) -> int:
    total: int = httpx.get(f"{base}/search", params=parse_qsl(urlsplit(url).query)).json()["total"]
    return total


def page_total(page: Any) -> int:
    return int(page.locator(".result-count").get_attribute("data-total"))


def test_indonesian_page_in_an_indonesian_browser(server: str, browser: Any) -> None:
    context = browser.new_context(viewport=DESKTOP, locale="id-ID")
    page = context.new_page()
    page.goto(f"{server}/?q=banjir")
    assert page.locator("html").get_attribute("lang") == "id"
    assert page.locator("#q").get_attribute("placeholder") == "Cari berita…"
    assert page.locator("#timeline-heading").text_content().strip().startswith("Linimasa")
    assert re.fullmatch(r"\d+ hasil( dalam \d+ cerita)?, menampilkan 1–\d+ \(\d+ ms\)",
                        page.locator(".result-count").inner_text().strip())
    dates = page.locator(".hit-meta time").all_inner_texts()
    assert dates and all(ID_DATE_RE.match(d) for d in dates), dates
    page.screenshot(path=str(SHOTS / "20-i18n-id.png"), full_page=True)
    # The switch link gives the same results in English, and English stays on from there.
    page.locator("a.lang-switch").click()
    page.wait_for_url("**lang=en*")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("#q").get_attribute("placeholder") == "Search the news…"
    page.locator(".sort a", has_text="Newest").click()
    page.wait_for_url("**sort=newest*")
    assert page.locator("html").get_attribute("lang") == "en"
    context.close()


def test_english_page_in_an_english_browser(server: str, browser: Any) -> None:
    context = browser.new_context(viewport=DESKTOP, locale="en-US")
    page = context.new_page()
    page.goto(f"{server}/?q=banjir")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("#timeline-heading").text_content().strip().startswith("Timeline")
    dates = page.locator(".hit-meta time").all_inner_texts()
    assert dates and all(EN_DATE_RE.match(d) for d in dates), dates
    page.screenshot(path=str(SHOTS / "20-i18n-en.png"), full_page=True)
    context.close()


def test_typed_dd_mm_yyyy_dates_filter_like_iso(server: str, browser: Any) -> None:
    hit = httpx.get(f"{server}/search", params={"sort": "newest", "size": 1}).json()["hits"][0]
    hi = date.fromisoformat(hit["date"][:10])
    lo = hi - timedelta(days=5)
    context = browser.new_context(viewport=DESKTOP, locale="en-US")  # a mm/dd browser locale
    page = context.new_page()
    page.goto(f"{server}/?q=")
    page.locator("#date-from").fill(f"{lo:%d/%m/%Y}")
    page.locator("#date-to").fill(f"{hi:%d/%m/%Y}")
    page.locator(".date-range button[type=submit]").click()
    page.wait_for_url("**from=*")
    params = dict(parse_qsl(urlsplit(page.url).query))
    assert params["from"] == f"{lo:%d/%m/%Y}"
    iso = httpx.get(f"{server}/search", params={"from": lo.isoformat(), "to": hi.isoformat()})
    assert page_total(page) == iso.json()["total"] > 0
    assert page.locator("#date-from").input_value() == f"{lo:%d/%m/%Y}"
    page.screenshot(path=str(SHOTS / "20-i18n-dates.png"))
    # A date the pattern refuses is not sent.
    page.locator("#date-from").fill("2019.10.26")
    assert page.locator("#date-from").evaluate("el => el.checkValidity()") is False
    context.close()


def test_cut_values_have_tooltips(server: str, browser: Any) -> None:
    context = browser.new_context(viewport={"width": 1000, "height": 900}, locale="id-ID")
    page = context.new_page()
    top = httpx.get(f"{server}/entities", params={"type": "org", "size": 3}).json()["values"]
    longest = max((v["value"] for v in top), key=len)
    page.goto(f"{server}/?q=&org={longest}")
    label = page.locator(".facet-values label", has_text=longest).first
    assert label.get_attribute("title") == longest
    assert page.locator(".chip").first.get_attribute("title").endswith(longest)
    assert page.evaluate(CUT_WITHOUT_TOOLTIP_JS) == []
    context.close()


def test_article_from_results_marks_the_query(server: str, browser: Any) -> None:
    context = browser.new_context(viewport=DESKTOP, locale="id-ID")
    page = context.new_page()
    page.goto(f"{server}/?q=banjir")
    page.locator(".hit-title a").first.click()
    page.wait_for_url("**/articles/**")
    assert "q=banjir" in page.url
    marks = page.locator(".article-body mark").all_inner_texts()
    assert marks and all("banjir" in m.lower() for m in marks), marks
    page.locator(".article-body mark").first.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "20-i18n-article-marks.png"))
    context.close()


ID_WEEK_RE = re.compile(r"^\d{1,2}( (Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des)( \d{4})?)?"
                        r" ?– ?\d{1,2} (Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des) \d{4}$")


def test_errors_and_periods_in_an_indonesian_browser(server: str, browser: Any) -> None:
    """What was left English or ISO: a bad search, a bad trend series, an unknown address, the
    trend's weeks and the entity's timeline."""
    context = browser.new_context(viewport=DESKTOP, locale="id-ID")
    page = context.new_page()
    assert page.goto(f"{server}/?size=abc").status == 400
    assert page.locator("main p").first.inner_text() == "size harus bilangan bulat, bukan 'abc'"
    page.goto(f"{server}/trends?series=size%3Dx")
    assert page.locator(".trends-error").inner_text() == (
        "seri 'size=x': size harus bilangan bulat, bukan 'x'")
    assert page.goto(f"{server}/no/such/page").status == 404
    assert page.locator("h1").inner_text() == "Halaman tidak ditemukan"
    page.goto(f"{server}/trends?series=q%3Dbanjir&interval=week")
    weeks = page.locator(".trend-table:not(.trend-share-table) th[scope=row]").all_inner_texts()
    assert weeks and all(ID_WEEK_RE.match(w) for w in weeks), weeks
    page.screenshot(path=str(SHOTS / "20-i18n-trends-weeks.png"), full_page=True)
    person = httpx.get(f"{server}/entities", params={"type": "person", "size": 1}).json()
    page.goto(f"{server}/entities/person/{person['values'][0]['value']}")
    periods = page.locator(".entity-timeline-table td:first-child").all_inner_texts()
    assert periods[-1] == "Tanpa tanggal"
    assert all(re.fullmatch(r"(\d{1,2} )?(Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des) "
                            r"\d{4}", p) for p in periods[:-1]), periods
    context.close()
