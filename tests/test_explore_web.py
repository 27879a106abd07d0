"""Entity pages and the search box's suggestions in a real Chromium against a real uvicorn
(``server`` and ``browser`` from tests/conftest.py). Screenshots go to
``test-artifacts/screenshots/``."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit

import httpx
import pytest

pytestmark = pytest.mark.browser

SHOTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "screenshots"


def api_total(base: str, url: str) -> int:
    pairs = parse_qsl(urlsplit(url).query)
    total: int = httpx.get(f"{base}/search", params=pairs).json()["total"]
    return total


def page_total(page: Any) -> int:
    return int(page.locator(".result-count").get_attribute("data-total"))


def suggestions_ready(base: str) -> None:
    """The server builds its prefix indexes on the first /suggest (answering none meanwhile)."""
    deadline = time.monotonic() + 60
    while not httpx.get(f"{base}/suggest", params={"prefix": "ja"}).json()["suggestions"]:
        assert time.monotonic() < deadline, "the suggestion indexes were never ready"
        time.sleep(0.2)


def test_autocomplete_picks_a_person_and_filters(server: str, browser: Any) -> None:
    suggestions_ready(server)
    top = httpx.get(f"{server}/entities", params={"type": "person", "size": 1}).json()
    person = top["values"][0]["value"]
    typed = person.split()[0][:4].lower()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{server}/?q=")
    page.locator("#q").press_sequentially(typed, delay=40)
    option = page.locator("#q-suggestions li[data-kind=person]", has_text=person).first
    option.wait_for(state="visible", timeout=10_000)
    assert page.locator("#q").get_attribute("aria-expanded") == "true"
    page.screenshot(path=str(SHOTS / "20-autocomplete.png"))
    option.click()
    page.wait_for_url("**/?person=*")
    params = dict(parse_qsl(urlsplit(page.url).query))
    assert params == {"person": person}
    assert page_total(page) == api_total(server, page.url) == top["values"][0]["count"]
    page.close()


def test_autocomplete_keyboard_completes_a_word(server: str, browser: Any) -> None:
    suggestions_ready(server)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{server}/")
    page.locator("#q").press_sequentially("banjir pemer", delay=40)
    # The options of the whole prefix, not those of a shorter one still shown while typing.
    final = page.locator('#q-suggestions[data-prefix="banjir pemer"]')
    final.locator("li[data-kind=word]").first.wait_for(state="visible")
    words = final.locator("li[data-kind=word] .q-suggestion-value").all_inner_texts()
    n_before = final.locator("li").count()
    idx = n_before - len(words)  # the first word option
    for _ in range(idx + 1):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert page.locator("#q").input_value() == f"banjir {words[0]} "
    assert page.locator("#q-suggestions").is_hidden()
    page.close()


def test_entity_page_links_lead_to_the_counts_it_shows(server: str, browser: Any) -> None:
    top = httpx.get(f"{server}/entities", params={"type": "person", "size": 1}).json()
    person = top["values"][0]["value"]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{server}/entities/person/{quote(person, safe='')}")
    assert page.locator("h1.entity-name").inner_text() == person
    assert page.locator("[data-testid=entity-total]").inner_text().replace(",", "") == str(
        top["values"][0]["count"])
    page.screenshot(path=str(SHOTS / "21-entity-page.png"), full_page=True)
    links = page.locator(".entity-related li")
    assert links.count() >= 4
    checked = 0
    for section in ("person", "org", "place"):
        item = page.locator(f"section:has(#related-{section}) li").first
        if item.count() == 0:
            continue
        shown = int(item.locator(".facet-count").get_attribute("data-n"))
        item.locator("a.entity-both").click()
        page.wait_for_load_state()
        assert page_total(page) == shown == api_total(server, page.url)
        checked += 1
        page.go_back()
    assert checked >= 2
    page.goto(f"{server}/?q=banjir")
    profile = page.locator("#facet-person a.facet-profile").first
    name = profile.get_attribute("aria-label").removeprefix("About ")
    profile.click()
    page.wait_for_load_state()
    assert page.locator("h1.entity-name").inner_text() == name
    page.close()
