"""The HTML interface in a real Chromium (Playwright) against a real uvicorn server started by
``search_api.serve.serve`` over the session's index. Every count is checked against the JSON API
for the same URL parameters. Screenshots of the main states go to
``test-artifacts/screenshots/``."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from playwright import sync_api  # a pinned test dependency: its absence is an error

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "test-artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

if sys.platform == "win32":  # pragma: no cover
    pytest.skip("the browser tests run on Linux", allow_module_level=True)


# -- fixtures: ``server`` and ``browser`` come from tests/conftest.py -----------------------------


class Tab:
    """A page plus what the tests need around it: the server, console errors, dialogs."""

    def __init__(self, page: Any, base: str) -> None:
        self.page = page
        self.base = base
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)

        def on_dialog(d: Any) -> None:
            self.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", on_dialog)

    def goto(self, path: str) -> None:
        self.page.goto(self.base + path)

    @property
    def query(self) -> str:
        return str(urlsplit(self.page.url).query)

    @property
    def params(self) -> dict[str, list[str]]:
        return parse_qs(self.query)

    def total(self) -> int:
        return int(self.page.locator(".result-count").get_attribute("data-total"))

    def api(self) -> dict[str, Any]:
        """The JSON API's answer for the parameters of the current page URL."""
        res = httpx.get(f"{self.base}/search?{self.query}", timeout=30)
        assert res.status_code == 200, res.text
        body: dict[str, Any] = res.json()
        return body

    def facet_counts(self, facet: str) -> dict[str, int]:
        boxes = self.page.locator(f'#facet-{facet} input[type="checkbox"]')
        return {
            boxes.nth(i).get_attribute("value"): int(boxes.nth(i).get_attribute("data-count"))
            for i in range(boxes.count())
        }

    def check_against_api(self) -> dict[str, Any]:
        """Total and every facet count shown equal the JSON API's for the same URL."""
        body = self.api()
        assert self.total() == body["total"]
        for facet in ("person", "org", "place", "source", "category"):
            api_counts = {v["value"]: v["count"] for v in body["facets"][facet]}
            for value, count in self.facet_counts(facet).items():
                if value in api_counts:
                    assert count == api_counts[value], (facet, value)
        return body

    def shot(self, name: str, full_page: bool = True) -> None:
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)


@pytest.fixture
def tab(browser: Any, server: str) -> Iterator[Tab]:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(15_000)
    t = Tab(page, server)
    yield t
    context.close()
    assert not t.errors, t.errors
    assert not t.dialogs, t.dialogs


# -- tests ---------------------------------------------------------------------------------------


def test_type_a_query_and_submit(tab: Tab) -> None:
    tab.goto("/")
    tab.shot("00-home")
    everything = tab.total()
    assert everything == tab.api()["total"]
    box = tab.page.get_by_label("Search the news")
    box.fill("jakarta")
    box.press("Enter")
    tab.page.wait_for_url("**/?q=jakarta")
    body = tab.check_against_api()
    assert 0 < tab.total() < everything
    assert tab.page.locator(".hit").count() == len(body["hits"])
    assert tab.page.locator(".hit-title mark").count() > 0
    first = tab.page.locator(".hit-title a").first
    assert first.get_attribute("href").startswith(f"/articles/{body['hits'][0]['id']}")
    expect = sync_api.expect
    expect(tab.page.locator(".result-count")).to_contain_text(f"{body['total']:,} result")
    tab.shot("01-search-results")


def test_person_facet_narrows_and_chip_restores(tab: Tab) -> None:
    tab.goto("/?q=jakarta")
    before = tab.check_against_api()
    source_before = tab.facet_counts("source")
    box = tab.page.locator('#facet-person input[type="checkbox"]').first
    name = box.get_attribute("value")
    expected = int(box.get_attribute("data-count"))
    tab.page.locator("#facet-person label").first.click()  # JS: navigates at once
    tab.page.wait_for_url("**person=*")
    assert tab.params["person"] == [name] and tab.params["q"] == ["jakarta"]
    after = tab.check_against_api()
    assert tab.total() == expected < before["total"]
    assert tab.page.locator(f'#facet-person input[type=checkbox][value="{name}"]').is_checked()
    # The other facets' counts narrowed with the results.
    source_after = tab.facet_counts("source")
    assert sum(source_after.values()) < sum(source_before.values())
    assert all(source_after[v] <= source_before.get(v, 0) for v in source_after)
    chip = tab.page.locator("button.chip")
    assert chip.count() == 1 and name in chip.inner_text()
    tab.shot("02-person-filter")
    chip.click()
    tab.page.wait_for_url("**/?q=jakarta")
    assert tab.total() == before["total"] > after["total"]
    assert tab.facet_counts("source") == source_before
    assert tab.page.locator("button.chip").count() == 0


def test_pick_a_date_bar_then_drag_a_range(tab: Tab) -> None:
    tab.goto("/")
    bars = tab.page.locator("a.bar")
    assert bars.count() > 1
    counts = [int(bars.nth(i).get_attribute("data-count")) for i in range(bars.count())]
    i = counts.index(max(counts))
    lo, hi = bars.nth(i).get_attribute("data-from"), bars.nth(i).get_attribute("data-to")
    bars.nth(i).click()
    tab.page.wait_for_url(f"**from={lo}&to={hi}")
    tab.check_against_api()
    assert tab.total() == counts[i]
    assert "date" in tab.page.locator("button.chip").inner_text()
    tab.shot("03-date-bar")
    # Drag across the first three bars of the narrowed timeline (days now).
    tab.goto("/")
    all_bars = tab.page.locator(".bars .bar")
    first, third = all_bars.nth(0), all_bars.nth(2)
    a, b = first.bounding_box(), third.bounding_box()
    tab.page.mouse.move(a["x"] + a["width"] / 2, a["y"] + a["height"] - 2)
    tab.page.mouse.down()
    tab.page.mouse.move(a["x"] + a["width"], a["y"] + a["height"] - 2, steps=3)
    tab.page.mouse.move(b["x"] + b["width"] / 2, b["y"] + b["height"] - 2, steps=5)
    tab.page.mouse.up()
    lo, hi = first.get_attribute("data-from"), third.get_attribute("data-to")
    tab.page.wait_for_url(f"**from={lo}&to={hi}")
    tab.check_against_api()


def test_presets_are_relative_to_the_newest_article(tab: Tab, oracle: list[Any]) -> None:
    newest = max(d.date for d in oracle if d.date)
    tab.goto("/")
    tab.page.get_by_role("link", name="Last 7 days").click()
    tab.page.wait_for_url(f"**to={newest}")
    tab.check_against_api()
    assert tab.page.get_by_role("link", name="Last 7 days").get_attribute("aria-current")
    tab.page.get_by_role("link", name="All time").click()
    tab.page.wait_for_url(tab.base + "/")


def test_article_entity_link_and_back_button(tab: Tab) -> None:
    tab.goto("/?q=habibie")
    results_url = tab.page.url
    total = tab.total()
    tab.page.locator(".hit-title a").first.click()
    tab.page.wait_for_url("**/articles/**")
    assert tab.page.locator("h1.article-title").is_visible()
    tab.shot("04-article")
    link = tab.page.locator(".entity-group a").first
    name = link.inner_text()
    link.click()
    tab.page.wait_for_url("**/?*=*")
    assert len(tab.params) == 1
    facet, values = next(iter(tab.params.items()))
    assert values == [name] and facet in ("person", "org", "place")
    tab.check_against_api()
    assert tab.total() >= 1
    assert name in tab.page.locator("button.chip").inner_text()
    # Back: the article, then the results exactly as they were.
    tab.page.go_back()
    tab.page.wait_for_url("**/articles/**")
    tab.page.go_back()
    tab.page.wait_for_url(results_url)
    assert tab.total() == total
    assert tab.page.get_by_label("Search the news").input_value() == "habibie"
    # And the article's own "back to results" link goes to the same state.
    tab.page.locator(".hit-title a").first.click()
    tab.page.get_by_role("link", name="Back to results").click()
    tab.page.wait_for_url(results_url)


def test_back_button_restores_filters(tab: Tab) -> None:
    tab.goto("/?q=jakarta")
    first = tab.page.url
    tab.page.locator("#facet-source label").first.click()
    tab.page.wait_for_url("**source=*")
    second, second_total = tab.page.url, tab.total()
    tab.page.locator("#facet-category label").first.click()
    tab.page.wait_for_url("**category=*")
    tab.page.go_back()
    tab.page.wait_for_url(second)
    assert tab.total() == second_total
    assert tab.page.locator('#facet-source input[type="checkbox"]:checked').count() == 1
    tab.page.go_back()
    tab.page.wait_for_url(first)
    assert tab.page.locator('input[type="checkbox"]:checked').count() == 0
    tab.page.go_forward()
    tab.page.wait_for_url(second)
    tab.check_against_api()


def test_article_with_markup_renders_as_text(tab: Tab) -> None:
    tab.goto("/?q=Zorblax")
    title = tab.page.locator(".hit-title a").first
    assert "<script>alert(1)</script>" in title.inner_text()
    title.click()
    tab.page.wait_for_url("**/articles/synthetic-xss*")
    assert "<script>alert(1)</script>" in tab.page.locator("h1.article-title").inner_text()
    assert "<script>alert(1)</script>" in tab.page.locator(".article-body").inner_text()
    assert tab.page.locator(".article-body script").count() == 0
    assert not tab.dialogs
    tab.shot("05-article-markup")


def test_facet_value_search_suggests_and_filters(tab: Tab) -> None:
    tab.goto("/?q=jakarta")
    name = tab.page.locator('#facet-place input[type="checkbox"]').nth(1).get_attribute("value")
    prefix = name.split()[0][:4]
    field = tab.page.get_by_label("Find places")
    field.fill(prefix)
    suggestion = tab.page.locator("#fs-place a", has_text=name).first
    suggestion.wait_for()
    tab.shot("06-facet-search")
    entities = httpx.get(
        f"{tab.base}/entities", params={"type": "place", "prefix": prefix, "size": 8}
    ).json()
    shown = tab.page.locator("#fs-place .facet-value").all_inner_texts()
    assert shown == [v["value"] for v in entities["values"]]
    suggestion.click()
    tab.page.wait_for_url("**place=*")
    assert tab.params["place"] == [name] and tab.params["q"] == ["jakarta"]
    tab.check_against_api()


def test_zero_results_advice(tab: Tab) -> None:
    tab.goto("/?q=Zorblax&source=kapanlagi.com")
    assert tab.total() == 0
    advice = tab.page.locator(".relaxations li", has_text="outlet: kapanlagi.com")
    count = int(advice.get_attribute("data-count"))
    tab.shot("07-zero-results")
    advice.locator("a").click()
    tab.page.wait_for_url("**/?q=Zorblax")
    assert tab.total() == count == tab.api()["total"]


def test_keyboard_skip_link_and_focus(tab: Tab) -> None:
    tab.goto("/?q=jakarta")
    tab.page.keyboard.press("Tab")
    skip = tab.page.locator(".skip-link")
    assert skip.evaluate("e => e === document.activeElement")
    assert skip.is_visible()
    tab.page.keyboard.press("Enter")
    assert tab.page.url.endswith("#results")
    # A facet checkbox toggles with the keyboard and keeps focus on the new page.
    box = tab.page.locator('#facet-source input[type="checkbox"]').first
    value = box.get_attribute("value")
    box.focus()
    tab.page.keyboard.press("Space")
    tab.page.wait_for_url("**source=*")
    focused = tab.page.evaluate("() => [document.activeElement.name, document.activeElement.value]")
    assert focused == ["source", value]


def test_works_without_javascript(browser: Any, server: str) -> None:
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(server + "/?q=jakarta")
        apply = page.get_by_role("button", name="Apply filters")
        assert apply.is_visible()
        page.locator("#facet-person label").first.click()
        page.locator("#facet-source label").first.click()
        apply.click()
        page.wait_for_url("**person=*")
        params = parse_qs(urlsplit(page.url).query)
        assert set(params) >= {"q", "person", "source"}
        api = httpx.get(f"{server}/search?{urlsplit(page.url).query}").json()
        total = int(page.locator(".result-count").get_attribute("data-total"))
        assert total == api["total"]
        # The facet value search is a plain form too.
        page.get_by_label("Find organisations").fill("a")
        page.locator("#facet-org button", has_text="Find").click()
        page.wait_for_url("**fq_type=org*")
        assert page.locator("#fs-org a").count() > 0
        page.screenshot(path=str(SHOTS / "08-no-javascript.png"), full_page=True)
    finally:
        context.close()


def test_phone_layout(browser: Any, server: str) -> None:
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    try:
        page.goto(server + "/?q=habibie")
        width = page.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
        assert width[0] <= width[1], width  # no sideways scrolling
        results = page.locator("#results").bounding_box()
        filters = page.locator("#filters").bounding_box()
        assert filters["y"] >= results["y"] + results["height"] - 1  # filters under results
        assert page.get_by_role("link", name="Filters").is_visible()
        page.screenshot(path=str(SHOTS / "09-phone.png"), full_page=False)
        page.screenshot(path=str(SHOTS / "09-phone-full.png"), full_page=True)
        page.goto(server + "/articles/synthetic-xss")
        width = page.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
        assert width[0] <= width[1], width
        page.screenshot(path=str(SHOTS / "10-phone-article.png"), full_page=True)
    finally:
        context.close()


def test_story_line_story_page_and_related(tab: Tab) -> None:
    """A hit says where else its story ran and who had it first, and leads to the story page;
    the article page lists related articles."""
    expect = sync_api.expect
    tab.goto("/?q=kwetlar")
    api = tab.api()
    assert (api["total"], api["stories"], len(api["hits"])) == (3, 1, 1)
    expect(tab.page.locator(".result-count")).to_contain_text("3 results in 1 story")
    hit, story = api["hits"][0], api["hits"][0]["story"]
    line = tab.page.locator(".hit .story-line")
    other = "kabar-uji" if hit["source"] == "warta-uji" else "warta-uji"
    expect(line.locator(".also-in")).to_have_text(f"Also in: {other}")
    if hit["id"] == story["first"]["id"]:
        expect(line.locator(".first-report")).to_have_text("First report")
    else:
        expect(line.locator(".first-report")).to_have_text(
            "First reported by warta-uji, 16 Sep 2019")
    tab.shot("11-story-line")
    line.get_by_role("link", name="All 3 copies").click()
    tab.page.wait_for_url(f"**/stories/{story['id']}")
    members = tab.page.locator(".story-member")
    expect(members).to_have_count(3)
    expect(members.first).to_have_attribute("data-id", "synthetic-dup-a")
    expect(members.first.locator(".first-mark")).to_have_text("First report")
    copy = tab.page.locator('.story-member[data-id="synthetic-dup-c"] details.differs')
    copy.locator("summary").click()
    expect(copy).to_contain_text("Baca juga")
    tab.shot("12-story-page")
    members.nth(1).locator(".hit-title a").click()
    tab.page.wait_for_url("**/articles/synthetic-dup-*")
    expect(tab.page.locator(".article-header .story-line")).to_contain_text(
        "First reported by warta-uji")
    related = tab.page.locator(".related li a")
    assert related.count() >= 1
    related_ids = {urlsplit(related.nth(i).get_attribute("href")).path.rsplit("/", 1)[1]
                   for i in range(related.count())}
    assert not related_ids & {"synthetic-dup-a", "synthetic-dup-b", "synthetic-dup-c"}
    tab.shot("13-article-related")
