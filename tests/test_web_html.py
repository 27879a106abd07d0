"""The HTML pages without a browser: server-rendered search, facets, dates, chips, zero-result
advice and article pages, over the session's real index. Every count is compared with the JSON
API for the same URL parameters (or with the oracle), never with a hard-coded number."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from html.parser import HTMLParser
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from starlette.testclient import TestClient

from indexer import schema as S
from search_api.i18n import lang
from search_api.params import DEFAULT_FACET_SIZE
from search_api.web.article_page import back_url
from search_api.web.histogram import build_histogram
from search_api.web.state import FACETS, MORE_FACET_SIZE, PageState, article_url, parse_state

EN = lang("en")

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
XSS_ID = "synthetic-xss"


# -- a small HTML reader -------------------------------------------------------------------------


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    form: str = ""  # the id of the form it belongs to (inside it, or named by form=)


@dataclass
class Page:
    html: str
    elements: list[Element] = field(default_factory=list)

    def find(self, tag: str, **attrs: str) -> list[Element]:
        """Elements with this tag whose attributes contain these values (``class_`` matches one
        class name)."""
        out = []
        for el in self.elements:
            if el.tag != tag:
                continue
            ok = True
            for key, want in attrs.items():
                if key == "class_":
                    ok = ok and want in el.attrs.get("class", "").split()
                else:
                    ok = ok and el.attrs.get(key.replace("_", "-")) == want
            if ok:
                out.append(el)
        return out

    def one(self, tag: str, **attrs: str) -> Element:
        found = self.find(tag, **attrs)
        assert len(found) == 1, (tag, attrs, len(found))
        return found[0]

    @property
    def total(self) -> int:
        return int(self.one("p", class_="result-count").attrs["data-total"])

    def checkboxes(self, facet: str) -> list[Element]:
        return [e for e in self.find("input", type="checkbox") if e.attrs.get("name") == facet]


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self._open: list[Element] = []
        self._form = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = Element(tag, {k: v if v is not None else "" for k, v in attrs})
        el.form = el.attrs.get("form", self._form)
        if tag == "form":
            self._form = el.attrs.get("id", "")
        self.elements.append(el)
        if tag in ("a", "p", "li", "h1", "h2", "h3", "label", "span", "title", "strong",
                   "button"):
            self._open.append(el)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = ""
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i].tag == tag:
                del self._open[i:]
                break

    def handle_data(self, data: str) -> None:
        for el in self._open:
            el.text += data


def parse(html: str) -> Page:
    reader = _Reader()
    reader.feed(html)
    return Page(html, reader.elements)


def page(client: TestClient, url: str, status: int = 200) -> Page:
    res = client.get(url, headers={"accept": BROWSER_ACCEPT})
    assert res.status_code == status, (url, res.status_code, res.text[:500])
    assert res.headers["content-type"].startswith("text/html")
    return parse(res.text)


def dropped(client: TestClient, p: Page, chip: Element) -> str:
    """Where a chip leads: its form (the page's state) submitted with its ``drop`` token, which
    the server answers with a redirect to the state without that filter."""
    fields = [(e.attrs["name"], e.attrs["value"]) for e in p.elements
              if e.tag == "input" and e.form == chip.form]
    res = client.get("/?" + urlencode([*fields, (chip.attrs["name"], chip.attrs["value"])]),
                     headers={"accept": BROWSER_ACCEPT}, follow_redirects=False)
    assert res.status_code == 303, res.text[:300]
    return str(res.headers["location"])


def ticked(p: Page, box: Element) -> str:
    """The URL ticking (or unticking) ``box`` goes to: its filter form submitted, the hidden
    state and every ticked box, with this one flipped (what the page's script does)."""
    fields = []
    for e in p.elements:
        if e.tag != "input" or e.form != box.form:
            continue
        on = "checked" in e.attrs if e is not box else "checked" not in e.attrs
        if e.attrs.get("type") == "hidden" or on:
            fields.append((e.attrs["name"], e.attrs["value"]))
    return "/?" + urlencode(fields)


def api_total(client: TestClient, url: str) -> int:
    """The JSON API's total for the query string of a page URL."""
    query = urlsplit(url).query
    res = client.get("/search" + ("?" + query if query else ""))
    assert res.status_code == 200, res.text
    total: int = res.json()["total"]
    return total


def api(client: TestClient, url: str) -> dict[str, Any]:
    query = urlsplit(url).query
    res = client.get("/search" + ("?" + query if query else ""))
    assert res.status_code == 200, res.text
    body: dict[str, Any] = res.json()
    return body


def visible(oracle: list[Any]) -> list[Any]:
    """Every article counts (collapsing by story changes the hits listed, not the total)."""
    return list(oracle)


# -- the search page -----------------------------------------------------------------------------


def test_home_lists_newest_articles(client: TestClient, oracle: list[Any]) -> None:
    p = page(client, "/")
    assert p.total == len(visible(oracle)) == api_total(client, "/")
    titles = p.find("h2", class_="hit-title")
    assert len(titles) == 10
    newest = max(d.date for d in visible(oracle) if d.date)
    assert newest in p.html  # the first hit's <time datetime=...> is the newest day
    assert p.find("a", class_="skip-link")
    assert p.one("p", class_="result-count").attrs["aria-live"] == "polite"


def test_query_renders_results_with_highlights(client: TestClient) -> None:
    p = page(client, "/?q=Zorblax")
    assert p.total == api_total(client, "/?q=Zorblax") == 1
    link = p.one("a", href=article_url(XSS_ID, PageState(q="Zorblax")))
    assert "Zorblax" in link.text
    assert "<mark>Zorblax</mark>" in p.html
    # The title's markup is shown as text, not executed.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in p.html
    assert "<script>alert" not in p.html
    assert p.one("input", id="q").attrs["value"] == "Zorblax"


def test_page_has_plain_get_forms(client: TestClient) -> None:
    p = page(client, "/?q=banjir")
    forms = p.find("form", method="get", action="/")
    assert len(forms) >= 3  # search box, facet checkboxes, date range, facet value searches
    assert p.one("form", role="search", class_="search-form")
    # Closed facet value searches render an empty list (CSS hides it and its note by :empty).
    assert p.html.count('class="suggestions" aria-live="polite"></ul>') == len(FACETS)
    # Every input has a label.
    ids = {e.attrs["for"] for e in p.find("label")}
    for inp in p.find("input"):
        if inp.attrs.get("type") != "hidden":
            assert inp.attrs.get("id") in ids, inp.attrs


def test_assets_are_local(client: TestClient) -> None:
    p = page(client, "/")
    refs = [e.attrs.get("src", "") for e in p.find("script")]
    refs += [e.attrs.get("href", "") for e in p.find("link")
             if e.attrs.get("rel") != "alternate"]  # the search's feed, not an asset
    assert refs and all(r.startswith("/static/") for r in refs if r), refs
    for ref in refs:
        if ref:
            res = client.get(ref)
            assert res.status_code == 200, ref
    assert "http://" not in p.html.split("<body")[0] and "https://" not in p.html.split("<body")[0]


@pytest.mark.parametrize("facet", [S.PERSON, S.ORG, S.PLACE, S.SOURCE, S.CATEGORY])
def test_facet_toggle_url_narrows(client: TestClient, facet: str) -> None:
    base = "/?q=jakarta"
    p = page(client, base)
    boxes = p.checkboxes(facet)
    assert boxes, facet
    box = boxes[0]
    assert "checked" not in box.attrs
    url = ticked(p, box)
    assert dict(parse_qsl(urlsplit(url).query))[facet] == box.attrs["value"]
    narrowed = page(client, url)
    assert narrowed.total == int(box.attrs["data-count"]) == api_total(client, url)
    assert narrowed.total < p.total
    # The value is now checked, shown as a chip, and its toggle URL goes back.
    again = [b for b in narrowed.checkboxes(facet) if b.attrs["value"] == box.attrs["value"]]
    assert len(again) == 1 and "checked" in again[0].attrs
    chip = narrowed.one("button", class_="chip")
    assert box.attrs["value"] in chip.text
    assert page(client, dropped(client, narrowed, chip)).total == p.total
    assert page(client, ticked(narrowed, again[0])).total == p.total


def test_or_within_and_across_facets(client: TestClient) -> None:
    p = page(client, "/")
    a, b = p.checkboxes(S.SOURCE)[:2]
    one = page(client, ticked(p, a))
    both_url = next(
        ticked(one, x) for x in one.checkboxes(S.SOURCE) if x.attrs["value"] == b.attrs["value"]
    )
    both = page(client, both_url)
    assert both.total == api_total(client, both_url) == one.total + int(b.attrs["data-count"])
    cat = both.checkboxes(S.CATEGORY)[0]
    cat_url = ticked(both, cat)
    narrowed = page(client, cat_url)
    assert narrowed.total == int(cat.attrs["data-count"]) == api_total(client, cat_url)
    assert narrowed.total <= both.total
    assert len(narrowed.find("button", class_="chip")) == 3


def test_any_or_all_of_the_ticked_people(client: TestClient, oracle: list[Any]) -> None:
    pairs: dict[tuple[str, str], int] = {}
    for d in visible(oracle):
        people = sorted(set(d.person))
        for i, a in enumerate(people):
            for b in people[i + 1:]:
                pairs[(a, b)] = pairs.get((a, b), 0) + 1
    a, b = max(pairs, key=lambda k: (pairs[k], k))
    url = "/?" + urlencode([(S.PERSON, a), (S.PERSON, b)])
    anyof = page(client, url)
    switch = anyof.one("p", id="facet-person-op")
    assert "any" in anyof.one("strong", aria_current="true").text
    to_all = next(e for e in anyof.find("a") if e.text == "all" and "person_op=and" in
                  e.attrs["href"])
    allof = page(client, to_all.attrs["href"])
    expected = sum(1 for d in visible(oracle) if {a, b} <= set(d.person))
    assert allof.total == api_total(client, to_all.attrs["href"]) == expected
    assert allof.total < anyof.total
    assert {e.attrs["value"] for e in allof.checkboxes(S.PERSON) if "checked" in e.attrs} == {a, b}
    back = next(e for e in allof.find("a") if e.text == "any")
    assert "person_op" not in back.attrs["href"] and page(client, back.attrs["href"]).total == (
        anyof.total)
    one = page(client, "/?" + urlencode([(S.PERSON, a), ("person_op", "and")]))
    assert not one.find("p", class_="facet-op")  # one ticked value: nothing to switch
    assert switch.text.strip().startswith("Articles with")


def test_filter_values_in_any_case_tick_the_listed_value(client: TestClient,
                                                         oracle: list[Any]) -> None:
    for facet in (S.PERSON, S.CATEGORY):
        value = max((v for d in visible(oracle) for v in d.values(facet)),
                    key=lambda v: (sum(v in d.values(facet) for d in visible(oracle)), v))
        exact = page(client, "/?" + urlencode([(facet, value)]))
        lower = page(client, "/?" + urlencode([(facet, value.lower())]))
        assert lower.total == exact.total == api_total(client, "/?" + urlencode([(facet, value)]))
        on = [e.attrs["value"] for e in lower.checkboxes(facet) if "checked" in e.attrs]
        assert on == [value]
        untick = next(e for e in lower.checkboxes(facet) if e.attrs["value"] == value)
        assert facet not in dict(parse_qsl(urlsplit(ticked(lower, untick)).query))


def test_no_js_filter_form_submits_checked_values(client: TestClient) -> None:
    """Without JavaScript the checkboxes belong to one GET form: its fields are the new URL."""
    p = page(client, "/?q=jakarta&sort=newest")
    form = p.one("form", id="facet-form")
    assert form.attrs["method"] == "get" and form.attrs["action"] == "/"
    hidden = [
        (e.attrs["name"], e.attrs["value"]) for e in p.find("input", type="hidden")
        if e in _form_fields(p, "facet-form")
    ]
    assert ("q", "jakarta") in hidden and ("sort", "newest") in hidden
    person = p.checkboxes(S.PERSON)[0]
    place = p.checkboxes(S.PLACE)[0]
    assert person.attrs["form"] == place.attrs["form"] == "facet-form"
    fields = hidden + [(S.PERSON, person.attrs["value"]), (S.PLACE, place.attrs["value"])]
    url = "/?" + urlencode(fields)
    result = page(client, url)
    assert result.total == api_total(client, url)
    assert result.total <= min(int(person.attrs["data-count"]), int(place.attrs["data-count"]))


def _form_fields(p: Page, form_id: str) -> list[Element]:
    """Hidden inputs inside the form element with this id (in document order)."""
    out: list[Element] = []
    inside = False
    for el in p.elements:
        if el.tag == "form":
            inside = el.attrs.get("id") == form_id
            continue
        if inside and el.tag == "input":
            out.append(el)
        if inside and el.tag == "button":
            inside = False
    return out


def test_facet_more_and_value_search_without_js(client: TestClient) -> None:
    p = page(client, "/")
    assert len(p.checkboxes(S.PERSON)) == DEFAULT_FACET_SIZE
    more = p.one("a", class_="facet-more", href=PageState(more=(S.PERSON,)).url)
    expanded = page(client, more.attrs["href"])
    assert len(expanded.checkboxes(S.PERSON)) > DEFAULT_FACET_SIZE
    assert len(expanded.checkboxes(S.ORG)) == DEFAULT_FACET_SIZE
    # Facet value search: a GET form whose answer lists matching values as links.
    name = p.checkboxes(S.PERSON)[0].attrs["value"]
    prefix = name.split()[0][:3]
    found = page(client, "/?" + urlencode({"fq_type": S.PERSON, "fq": prefix}))
    links = [a for a in found.find("a") if (a.attrs.get("href") or "").startswith("/?person=")]
    assert links
    values = [a.text.strip().rsplit(" ", 1)[0].strip() for a in links]
    assert name in values
    entities = client.get("/entities", params={"type": S.PERSON, "prefix": prefix}).json()
    assert values == [v["value"] for v in entities["values"]][: len(values)]
    target = links[values.index(name)].attrs["href"]
    chosen = page(client, target)
    assert chosen.total == api_total(client, target) > 0
    assert name in chosen.one("button", class_="chip").text


def test_sort_links(client: TestClient) -> None:
    p = page(client, "/?q=jakarta")
    sorts = {a.text.strip(): a.attrs["href"] for a in p.find("a") if a.attrs.get("href", "")
             .startswith("/?q=jakarta")
             and a.text.strip() in ("Relevance", "Recent", "Newest", "Oldest")}
    assert set(sorts) == {"Relevance", "Recent", "Newest", "Oldest"}
    recent = api(client, sorts["Recent"])
    assert recent["sort"] == "recent"
    recent_html = page(client, sorts["Recent"]).html
    positions = [recent_html.index(article_url(h["id"], PageState(q="jakarta", sort="recent"))
                                   .replace("&", "&amp;")) for h in recent["hits"][:3]]
    assert positions == sorted(positions)  # the page lists the API's order
    oldest = api(client, sorts["Oldest"])
    assert oldest["sort"] == "oldest"
    html = page(client, sorts["Oldest"]).html
    first = oldest["hits"][0]["id"]
    assert article_url(first, PageState(q="jakarta", sort="oldest")).replace(
        "&", "&amp;") in html


def test_partial_match_is_said(client: TestClient) -> None:
    some = "/?q=zorblax+glumbrek"  # no article has both
    assert api(client, some)["matched"] == "some"
    note = page(client, some).one("p", class_="partial-match")
    assert "No article has every word" in note.text
    assert api(client, "/?q=zorblax")["matched"] == "all"
    assert page(client, "/?q=zorblax").find("p", class_="partial-match") == []


def test_pagination(client: TestClient) -> None:
    p = page(client, "/?q=jakarta")
    nxt = p.one("a", rel="next").attrs["href"]
    assert "page=2" in nxt
    second = api(client, nxt)
    assert second["page"] == 2
    html = page(client, nxt).html
    for hit in second["hits"]:
        assert f"/articles/{hit['id']}" in html


def test_histogram_bar_and_presets(client: TestClient, oracle: list[Any]) -> None:
    p = page(client, "/")
    bars = p.find("a", class_="bar")
    assert bars
    bar = max(bars, key=lambda b: int(b.attrs["data-count"]))
    params = dict(parse_qsl(urlsplit(bar.attrs["href"]).query))
    assert params["from"] == bar.attrs["data-from"] and params["to"] == bar.attrs["data-to"]
    picked = page(client, bar.attrs["href"])
    expected = sum(
        1 for d in visible(oracle) if d.date and params["from"] <= d.date <= params["to"]
    )
    assert picked.total == int(bar.attrs["data-count"]) == expected
    assert picked.total == api_total(client, bar.attrs["href"])
    assert "date" in picked.one("button", class_="chip").text
    # Presets are relative to the newest day of the corpus, not today.
    newest = max(d.date for d in visible(oracle) if d.date)
    lo = (date.fromisoformat(newest) - timedelta(days=6)).isoformat()
    preset = p.one("a", href=f"/?from={lo}&to={newest}")
    assert preset.text.strip() == "Last 7 days"
    week = page(client, preset.attrs["href"])
    assert week.total == sum(1 for d in visible(oracle) if d.date and lo <= d.date <= newest)
    again = [a for a in week.find("a", href=preset.attrs["href"]) if a.text == preset.text]
    assert len(again) == 1 and again[0].attrs.get("aria-current") == "true"


def test_zero_results_say_which_filter_to_drop(client: TestClient) -> None:
    url = "/?q=Zorblax&source=kapanlagi.com"
    p = page(client, url)
    assert p.total == 0 == api_total(client, url)
    advice = p.find("li", data_count="1")
    assert advice and "outlet: kapanlagi.com" in advice[0].text
    assert "would give 1 result" in advice[0].text
    link = next(a for a in p.find("a") if a.text.startswith("‘outlet: kapanlagi.com"))
    assert page(client, link.attrs["href"]).total == api_total(client, link.attrs["href"])
    # The query is offered too, with its count from the service.
    query_advice = next(li for li in p.find("li") if "query: Zorblax" in li.text)
    assert int(query_advice.attrs["data-count"]) == api_total(client, "/?source=kapanlagi.com")


def test_chips_and_clear_all(client: TestClient) -> None:
    p = page(client, "/")
    source = p.checkboxes(S.SOURCE)[0].attrs["value"]
    url = "/?" + urlencode({"q": "jakarta", "source": source, "from": "2019-01-01"})
    filtered = page(client, url)
    chips = filtered.find("button", class_="chip")
    assert len(chips) == 2
    clear = filtered.one("a", class_="chips-clear")
    assert clear.attrs["href"] == "/?q=jakarta"
    targets = [dropped(client, filtered, chip) for chip in chips]
    assert targets == ["/?" + urlencode({"q": "jakarta", "from": "2019-01-01"}),
                       "/?" + urlencode({"q": "jakarta", "source": source})]
    for target in targets:
        assert page(client, target).total == api_total(client, target)


def test_chips_carry_no_url(client: TestClient, oracle: list[Any]) -> None:
    """Each chip is a button naming its filter; the page's state is in the chips' form once, so
    250 selected values do not make 250 copies of a 3 KB URL."""
    people = sorted({v for d in visible(oracle) for v in d.person})[:50]
    p = page(client, "/?" + urlencode([("q", "jakarta"), *((S.PERSON, v) for v in people)]))
    chips = p.find("button", class_="chip")
    assert [c.attrs["value"] for c in chips] == [f"person:{v}" for v in people]
    assert sum(1 for e in p.elements if e.tag == "input" and e.form == chips[0].form) == 51
    assert not any("href" in c.attrs for c in chips)


def test_bad_parameters_render_an_html_error(client: TestClient) -> None:
    p = page(client, "/?from=2019-13-45", status=400)
    message = p.one("main", class_="message")
    assert message and "from" in p.html and "2019-13-45" in p.html
    assert "page" in page(client, "/?page=abc", status=400).html


# -- article pages -------------------------------------------------------------------------------


def test_article_html_escapes_markup(client: TestClient) -> None:
    p = page(client, f"/articles/{XSS_ID}")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in p.html
    assert "<script>alert" not in p.html
    title = p.one("h1", class_="article-title")
    assert title.text == "Peringatan <script>alert(1)</script> untuk warga Zorblax"


def test_article_html_or_json_by_accept(client: TestClient, oracle: list[Any]) -> None:
    doc = next(d for d in visible(oracle) if d.person and d.place)
    path = article_url(doc.id)
    res = client.get(path)  # */*
    assert res.headers["content-type"].startswith("application/json")
    assert res.json()["id"] == doc.id
    res = client.get(path, headers={"accept": "application/json, text/html;q=0.5"})
    assert res.json()["id"] == doc.id
    p = page(client, path)
    assert p.one("h1", class_="article-title").text.strip() == doc.title
    texts = [e.text for e in p.find("p")]
    expected = [" ".join(x.split()) for x in re.split(r"\n\s*\n", doc.body) if x.strip()]
    assert len(expected) > 1 or "\n\n" not in doc.body
    start = texts.index(expected[0])
    assert texts[start : start + len(expected)] == expected  # every paragraph, in order
    # Entities link to a search filtered by them.
    for facet, names in ((S.PERSON, doc.person), (S.PLACE, doc.place)):
        for name in names:
            link = p.one("a", href="/?" + urlencode({facet: name}))
            assert link.text == name
            assert page(client, link.attrs["href"]).total == api_total(client, link.attrs["href"])
    assert p.one("a", href="/?" + urlencode({S.SOURCE: doc.source}))


def test_article_back_link_keeps_the_search(client: TestClient) -> None:
    p = page(client, "/?q=Zorblax&sort=newest")
    href = next(a.attrs["href"] for a in p.find("a") if a.attrs.get("href", "").startswith(
        f"/articles/{XSS_ID}"))
    art = page(client, href)
    back = next(a for a in art.find("a") if "Back to results" in a.text)
    assert back.attrs["href"] == "/?q=Zorblax&sort=newest"


def test_back_link_cannot_leave_the_site() -> None:
    assert back_url("q=a&evil=1&person=B", EN) == "/?q=a&person=B"
    assert back_url("//evil.example/x", EN) == "/"
    assert back_url(None, EN) == "/"
    assert back_url("q=%3Cscript%3E", EN) == "/?q=%3Cscript%3E"


def test_unknown_article_is_a_404_page_for_browsers_and_json_for_the_api(
    client: TestClient,
) -> None:
    res = client.get("/articles/no-such-id", headers={"accept": "application/json"})
    assert res.status_code == 404 and res.json()["error"] == "not_found"
    page = client.get("/articles/no-such-id", headers={"accept": BROWSER_ACCEPT})
    assert page.status_code == 404 and "Article not found" in page.text
    # The id is shown, escaped (Jinja2 writes the quotes of its repr as &#39;).
    assert "There is no article with id &#39;no-such-id&#39; in the index." in page.text


# -- view model units ----------------------------------------------------------------------------


def test_page_state_round_trip_keeps_all_of() -> None:
    state, request = parse_state([("person", "A"), ("person", "B"), ("person_op", "and"),
                                  ("org", "X"), ("org_op", "or")], EN)
    assert state.all_of == (S.PERSON,) and request.all_of == frozenset({S.PERSON})
    assert parse_state(parse_qsl(urlsplit(state.url).query), EN)[0] == state
    assert state.with_all_of(S.PERSON, False).all_of == ()
    assert state.with_all_of(S.PLACE, True).all_of == (S.PERSON, S.PLACE)


def test_page_state_round_trip() -> None:
    pairs = [("q", "banjir"), ("person", "A"), ("person", "B"), ("source", "x"),
             ("from", "2019-01-01"), ("to", "2019-02-01"), ("sort", "oldest"), ("page", "3"),
             ("more", "org"), ("unknown", "z")]
    state, request = parse_state(pairs, EN)
    assert state.pairs() == [
        ("q", "banjir"), ("person", "A"), ("person", "B"), ("source", "x"),
        ("from", "2019-01-01"), ("to", "2019-02-01"), ("sort", "oldest"), ("more", "org"),
        ("page", "3"),
    ]
    assert parse_state(state.pairs(), EN)[0] == state
    assert request.facet_size == MORE_FACET_SIZE
    toggled = state.toggled("person", "A")
    assert toggled.selected("person") == ("B",) and toggled.page == 1
    assert state.toggled("place", "Z").filters[-1] == ("source", ("x",))  # facet order kept
    assert state.toggled("place", "Z").selected("place") == ("Z",)
    assert state.cleared() == PageState(q="banjir", sort="oldest", more=("org",))
    # The default sort is not written.
    assert parse_state([("q", "x"), ("sort", "relevance")], EN)[0].sort is None
    assert parse_state([("sort", "newest")], EN)[0].sort is None
    assert re.fullmatch(r"/\?q=a\+b&person=Joe\+Biden",
                        PageState(q="a b").added("person", "Joe Biden").url)


def test_histogram_fills_gaps_and_links_ranges() -> None:
    from search_api.facets import DateBucket

    state = PageState(q="x")
    h = build_histogram(
        state,
        (DateBucket("2019-01", 4), DateBucket("2019-03", 2), DateBucket("undated", 1)),
        date(2019, 3, 20),
        EN,
    )
    assert [b.label for b in h.bars] == ["Jan 2019", "Feb 2019", "Mar 2019"]
    assert [b.count for b in h.bars] == [4, 0, 2]
    assert h.bars[1].url is None and h.bars[0].height == 100.0 and h.bars[2].height == 50.0
    assert h.bars[0].url == "/?q=x&from=2019-01-01&to=2019-01-31"
    assert h.undated == 1 and h.granularity == "month"
    assert [p.label for p in h.presets] == ["Last 7 days", "Last 30 days", "All time"]
    assert h.presets[0].url == "/?q=x&from=2019-03-14&to=2019-03-20"
    assert h.presets[2].active
