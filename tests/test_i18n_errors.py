"""What the first Indonesian interface left in English or ISO: error details, feed titles, trend
labels, the pages' periods and the not-found page. A JSON error is English unless the client names
a language, a page's error is in the page's language, the error code is the same in every
language, and every error text is a catalog msgid with the same fields translated."""

from __future__ import annotations

import ast
import html
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po
from starlette.testclient import TestClient

from search_api import i18n
from search_api import trends as T
from search_api.params import Message, ValidationError, parse_search_params
from search_api.web.fmt import fmt_day, fmt_month
from search_api.web.trends_page import bucket_label, build_trends_page

ROOT = Path(__file__).resolve().parents[1]
ID, EN = i18n.lang("id"), i18n.lang("en")
NO_LANGUAGE = {"Accept-Language": ""}
ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# One bad request per kind of rule, with its code and its English and Indonesian details.
BAD: list[tuple[str, dict[str, Any], str, str, str]] = [
    ("/search", {"size": "abc"}, "invalid_parameter",
     "size must be an integer, got 'abc'", "size harus bilangan bulat, bukan 'abc'"),
    ("/search", {"size": "500"}, "invalid_parameter",
     "size must be between 1 and 100, got 500", "size harus antara 1 dan 100, bukan 500"),
    ("/search", {"page": "0"}, "invalid_parameter",
     "page must be at least 1, got 0", "page paling kecil 1, bukan 0"),
    ("/search", {"sort": "best"}, "invalid_sort",
     "sort must be one of relevance, recent, newest, oldest, got 'best'",
     "sort harus salah satu dari relevance, recent, newest, oldest, bukan 'best'"),
    ("/search", {"from": "2019-05-02", "to": "2019-05-01"}, "invalid_date_range",
     "from (2019-05-02) is after to (2019-05-01)",
     "tanggal awal (2019-05-02) jatuh setelah tanggal akhir (2019-05-01)"),
    ("/search", {"from": "2019-02-30"}, "invalid_date",
     "from is not a valid date: '2019-02-30'", "from bukan tanggal yang ada: '2019-02-30'"),
    ("/suggest", {}, "missing_parameter", "prefix is required", "prefix wajib diisi"),
    ("/entities", {"type": "animal"}, "invalid_entity_type",
     "type must be one of person, org, place, source, category, got 'animal'",
     "type harus salah satu dari person, org, place, source, category, bukan 'animal'"),
    ("/trends", {"series": "q=a", "interval": "year"}, "invalid_interval",
     "interval must be one of day, week, month, got 'year'",
     "interval harus salah satu dari day, week, month, bukan 'year'"),
    ("/trends", {"series": "size=x"}, "invalid_parameter",
     "series 'size=x': size must be an integer, got 'x'",
     "seri 'size=x': size harus bilangan bulat, bukan 'x'"),
    ("/articles/no-such-id", {}, "not_found",
     "no article with id 'no-such-id'", "tidak ada artikel dengan id 'no-such-id'"),
    ("/stories/no-such-story", {}, "not_found",
     "no story with id 'no-such-story'", "tidak ada cerita dengan id 'no-such-story'"),
    ("/entities/org/Zzzqqq Nonexistent", {}, "not_found",
     "no organisation named 'Zzzqqq Nonexistent'",
     "tidak ada organisasi bernama 'Zzzqqq Nonexistent'"),
]


def _json(client: TestClient, path: str, params: dict[str, Any],
          headers: dict[str, str]) -> tuple[int, dict[str, str], Any]:
    r = client.get(path, params=params, headers={"Accept": "application/json", **headers})
    return r.status_code, dict(r.headers), r.json()


@pytest.mark.parametrize(("path", "params", "code", "english", "indonesian"), BAD)
def test_json_errors_are_english_unless_the_client_names_a_language(
        client: TestClient, path: str, params: dict[str, Any], code: str, english: str,
        indonesian: str) -> None:
    answers = {
        "none": _json(client, path, params, NO_LANGUAGE),
        "header en": _json(client, path, params, {"Accept-Language": "en-GB,en;q=0.9"}),
        "unknown": _json(client, path, {**params, "lang": "xx"}, {"Accept-Language": "fr"}),
        "header id": _json(client, path, params, {"Accept-Language": "id-ID,id;q=0.9,en;q=0.5"}),
        "url id": _json(client, path, {**params, "lang": "id"}, {"Accept-Language": "en"}),
    }
    statuses = {status for status, _, _ in answers.values()}
    assert len(statuses) == 1 and statuses.pop() in (400, 404)
    for how, (_, headers, body) in answers.items():
        assert set(body) == {"error", "detail"} and body["error"] == code, how
        expected = indonesian if how.endswith(" id") else english
        assert body["detail"] == expected, how
        assert headers["content-language"] == ("id" if how.endswith(" id") else "en"), how
        assert "Accept-Language" in headers["vary"], how


def _catalog() -> Any:
    with (i18n.LOCALE_DIR / "id" / "LC_MESSAGES" / "messages.po").open("rb") as f:
        return read_po(f, locale="id")


def test_translations_keep_every_field() -> None:
    """A translation uses the msgid's ``%(name)s`` fields, no other (Babel's checkers)."""
    catalog = _catalog()
    problems = [(m.id, [str(e) for e in errors]) for m, errors in catalog.check()]
    assert problems == []
    fields = re.compile(r"%\((\w+)\)")
    for m in catalog:
        if m.id and isinstance(m.id, str) and "python-format" in m.flags:
            assert set(fields.findall(m.string)) == set(fields.findall(m.id)), m.id


def _validation_errors() -> list[tuple[str, int, ast.Call]]:
    calls = []
    for path in sorted((ROOT / "search_api").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "ValidationError"):
                calls.append((str(path.relative_to(ROOT)), node.lineno, node))
    return calls


def test_every_error_detail_is_a_marked_msgid() -> None:
    """Each ``ValidationError`` names its detail as ``N_("literal")``: extracted into the catalog
    (which the catalog test then requires translated), never an f-string or a variable."""
    calls = _validation_errors()
    assert len(calls) >= 25
    catalog = {m.id for m in _catalog() if m.id}
    for where, line, call in calls:
        detail = call.args[1] if len(call.args) > 1 else None
        assert (isinstance(detail, ast.Call) and isinstance(detail.func, ast.Name)
                and detail.func.id == "N_" and len(detail.args) == 1
                and isinstance(detail.args[0], ast.Constant)
                and isinstance(detail.args[0].value, str)), f"{where}:{line}"
        assert detail.args[0].value in catalog, f"{where}:{line}"


def test_message_renders_nested_messages_and_never_formats_its_values() -> None:
    msg = Message("%(field)s: %(value)r is not a date written dd/mm/yyyy (for example "
                  "26/10/2019)", {"field": Message("From"), "value": "%(x)s 100%"})
    assert msg.render() == ("From: '%(x)s 100%' is not a date written dd/mm/yyyy "
                            "(for example 26/10/2019)")
    assert msg.render(ID.gettext).startswith("Dari: '%(x)s 100%' bukan tanggal")
    with pytest.raises(ValidationError) as caught:
        parse_search_params([("collapse", "%(boom)s")])
    assert caught.value.detail == "collapse must be one of story, none, got '%(boom)s'"
    assert caught.value.error == "invalid_collapse"


# -- pages --------------------------------------------------------------------------------------


def _page_error(client: TestClient, url: str, headers: dict[str, str]) -> str:
    r = client.get(url, headers={"Accept": "text/html", **headers})
    assert r.status_code in (400, 404), (url, r.status_code)
    return html.unescape(r.text)


@pytest.mark.parametrize(("url", "indonesian", "english"), [
    ("/?size=abc", "size harus bilangan bulat, bukan 'abc'", "size must be an integer, got 'abc'"),
    ("/?from=02/05/2019&to=01/05/2019",
     "tanggal awal (2019-05-02) jatuh setelah tanggal akhir (2019-05-01)",
     "from (2019-05-02) is after to (2019-05-01)"),
    ("/trends?series=q%3Da&interval=year",
     "interval harus salah satu dari day, week, month, bukan 'year'",
     "interval must be one of day, week, month, got 'year'"),
    ("/trends?series=size%3Dx", "seri 'size=x': size harus bilangan bulat, bukan 'x'",
     "series 'size=x': size must be an integer, got 'x'"),
    ("/entities/animal/x", "type harus salah satu dari person, org, place, bukan 'animal'",
     "type must be one of person, org, place, got 'animal'"),
])
def test_page_errors_are_in_the_page_language(client: TestClient, url: str, indonesian: str,
                                              english: str) -> None:
    id_page = _page_error(client, url, NO_LANGUAGE)
    assert indonesian in id_page and english not in id_page
    en_page = _page_error(client, url, {"Accept-Language": "en"})
    assert english in en_page and indonesian not in en_page


def test_too_many_buckets_names_the_interval_in_the_language() -> None:
    with pytest.raises(ValidationError) as caught:
        T.axis([date(1900, 1, 1), date(2019, 1, 1)], "day")
    assert caught.value.error == "too_many_buckets"
    assert caught.value.detail.startswith("these series span more than 1000 day buckets")
    assert caught.value.message.render(ID.gettext).startswith(
        "seri-seri ini mencakup lebih dari 1000 kelompok per hari (1900-01-01 sampai")


# -- feeds and trends labels ---------------------------------------------------------------------


def _feed(client: TestClient, params: dict[str, str], headers: dict[str, str]) -> Any:
    r = client.get("/search.atom", params=params, headers=headers)
    assert r.status_code == 200
    return r, ET.fromstring(r.content)


def test_feed_title_follows_the_language(client: TestClient) -> None:
    default, root = _feed(client, {}, NO_LANGUAGE)
    assert root.findtext(ATOM + "title") == "Warta: semua berita"
    assert root.get(XML_LANG) == "id" and default.headers["content-language"] == "id"
    by_url, root = _feed(client, {"lang": "en"}, NO_LANGUAGE)
    assert root.findtext(ATOM + "title") == "Warta: all news" and root.get(XML_LANG) == "en"
    by_header, root = _feed(client, {}, {"Accept-Language": "en"})
    assert root.findtext(ATOM + "title") == "Warta: all news"
    assert "Accept-Language" in by_header.headers["vary"]
    # One URL, two languages: a cached Indonesian copy is not "not modified" for English.
    assert by_header.headers["etag"] != default.headers["etag"]
    assert client.get("/search.atom", headers={"Accept-Language": "en",
                      "If-None-Match": default.headers["etag"]}).status_code == 200
    # The query's own words are not translated.
    _, root = _feed(client, {"q": "banjir", "source": "tempo.co"}, NO_LANGUAGE)
    assert root.findtext(ATOM + "title") == "Warta: banjir · tempo.co"


def test_english_page_links_an_english_feed(client: TestClient) -> None:
    en = client.get("/", params={"q": "banjir"}, headers={"Accept": "text/html",
                                                           "Accept-Language": "en"}).text
    assert 'href="/search.atom?q=banjir&amp;lang=en"' in en
    default = client.get("/", params={"q": "banjir"}, headers={"Accept": "text/html",
                                                                **NO_LANGUAGE}).text
    assert 'href="/search.atom?q=banjir"' in default


def test_trends_labels_follow_the_page_and_json_is_stable(client: TestClient) -> None:
    params = {"series": ["from=2019-01-01", "q=banjir", "size=5"]}
    body = client.get("/trends", params=params, headers=NO_LANGUAGE).json()
    assert [s["label"] for s in body["series"]] == ["2019-01-01 – …", "banjir", "all news"]
    url = "/trends?series=size%3D5&series=q%3Dbanjir"
    page = client.get(url, headers={"Accept": "text/html", **NO_LANGUAGE}).text
    assert "semua berita" in page and "all news" not in page
    page = client.get(url, headers={"Accept": "text/html", "Accept-Language": "en"}).text
    assert "all news" in page and "semua berita" not in page


def test_the_other_outlets_are_named_in_the_page_language() -> None:
    """The JSON key of the outlets past the top ones stays ``(lainnya)``; pages translate it
    (the test corpus has too few outlets to need it, so the response is written here)."""
    request = T.parse_trends_params([("series", "q=banjir")])
    response = T.TrendsResponse("day", (T.bucket_of(date(2019, 5, 1), "day"),), (T.Series(
        "q=banjir", "banjir", 5, 0, (5,),
        (T.SourceShare("tempo.co", 3), T.SourceShare(T.OTHER_SOURCE, 2))),))
    for lang, other in ((ID, "(lainnya)"), (EN, "(other outlets)")):
        page = build_trends_page(request, response, lang)
        assert [seg.source for seg in page.series[0].segments] == ["tempo.co", other]
        assert [name for name, _ in page.sources] == ["tempo.co", other]


@pytest.mark.parametrize(("start", "interval", "indonesian", "english"), [
    ("2019-09-17", "day", "17 Sep 2019", "17 Sep 2019"),
    ("2019-09-16", "week", "16–22 Sep 2019", "16–22 Sep 2019"),
    ("2019-09-30", "week", "30 Sep – 6 Okt 2019", "30 Sep – 6 Oct 2019"),
    ("2019-12-30", "week", "30 Des 2019 – 5 Jan 2020", "30 Dec 2019 – 5 Jan 2020"),
    ("2019-08-01", "month", "Agu 2019", "Aug 2019"),
])
def test_trend_buckets_are_written_as_days(start: str, interval: str, indonesian: str,
                                           english: str) -> None:
    bucket = T.bucket_of(date.fromisoformat(start), interval)
    assert bucket_label(bucket, interval, ID) == indonesian
    assert bucket_label(bucket, interval, EN) == english


def test_an_unknown_address_is_a_page_for_browsers_and_json_for_the_api(
        client: TestClient) -> None:
    page = client.get("/no/such/page", headers={"Accept": "text/html", **NO_LANGUAGE})
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "Halaman tidak ditemukan" in page.text and '<html lang="id">' in page.text
    english = client.get("/no/such/page", headers={"Accept": "text/html"})  # the client's "en"
    assert english.status_code == 404 and "Page not found" in english.text
    api = client.get("/no/such/page")
    assert api.status_code == 404 and api.json() == {"error": "not_found", "detail": "Not Found"}


def test_entity_timeline_periods_are_written_as_days(client: TestClient) -> None:
    person = client.get("/entities", params={"type": "person", "size": 1}).json()["values"][0]
    url = f"/entities/person/{person['value']}"
    timeline = [b for b in client.get(url).json()["timeline"] if b["key"] != "undated"]
    assert timeline
    for lang, headers in ((ID, NO_LANGUAGE), (EN, {"Accept-Language": "en"})):
        page = client.get(url, headers={"Accept": "text/html", **headers}).text
        table = page.split('class="entity-timeline-table"')[1].split("</table>")[0]
        periods = re.findall(r"<tr><td>([^<]*)</td>", table)
        expected = [fmt_month(date.fromisoformat(b["key"] + "-01"), lang) if len(b["key"]) == 7
                    else fmt_day(date.fromisoformat(b["key"]), lang) for b in timeline]
        assert periods == [*expected, lang.gettext("Undated")]
