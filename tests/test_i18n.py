"""The pages' language: negotiation, the message catalog, Indonesian and English formats, the
dd/mm/yyyy date inputs and the article page's marks (over the session's real index)."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po
from hypothesis import given
from hypothesis import strategies as st
from starlette.testclient import TestClient

from indexer import schema as S
from indexer.analysis import Analyzer
from search_api import i18n
from search_api.web.fmt import fmt_count, fmt_datetime, fmt_day
from search_api.web.state import FACET_WORDS

ROOT = Path(__file__).resolve().parents[1]
ID, EN = i18n.lang("id"), i18n.lang("en")
INDONESIAN = {"Accept-Language": ""}  # no preference: the default
_TOTAL_RE = re.compile(r'data-total="(\d+)"')
_MARK_RE = re.compile(r"<mark>(.*?)</mark>")


@pytest.mark.parametrize(("query", "header", "expected"), [
    (None, None, "id"),
    (None, "", "id"),
    ("en", None, "en"),
    ("en", "id-ID,id;q=0.9", "en"),
    ("id", "en-US,en;q=0.9", "id"),
    ("EN", None, "en"),
    ("xx", "en-GB", "en"),  # an unknown ?lang= is ignored
    (None, "en-US,en;q=0.9", "en"),
    (None, "en;q=0.5, id;q=0.8", "id"),
    (None, "fr-FR, en;q=0.1", "en"),
    (None, "fr-FR, de", "id"),
    (None, "en;q=0", "id"),
    (None, "id;q=0.5, en;q=0.5", "id"),  # equal q: the first listed
    (None, "en;q=abc", "id"),
    (None, ";;,,q=1", "id"),
])
def test_negotiation(query: str | None, header: str | None, expected: str) -> None:
    assert i18n.negotiate(query, header) == expected


@given(st.one_of(st.none(), st.text(max_size=30)), st.one_of(st.none(), st.text(max_size=200)))
def test_negotiation_never_fails(query: str | None, header: str | None) -> None:
    assert i18n.negotiate(query, header) in i18n.LANGS


def test_only_a_chosen_non_default_language_is_carried() -> None:
    assert i18n.for_request("en", None).param == (("lang", "en"),)
    assert i18n.for_request(None, "en").param == ()  # the header says it again next time
    assert i18n.for_request("id", "en").param == ()


def _catalog() -> Any:
    with (i18n.LOCALE_DIR / "id" / "LC_MESSAGES" / "messages.po").open("rb") as f:
        return read_po(f, locale="id")


def test_catalog_is_complete_and_extracted(tmp_path: Path) -> None:
    """Every msgid the code and templates use is in the Indonesian catalog, translated, and no
    other (the catalog is what `make messages` extracts)."""
    pot = tmp_path / "messages.pot"
    pybabel = Path(sys.executable).parent / "pybabel"
    subprocess.run([str(pybabel), "-q", "extract", "-F", "babel.cfg", "-k", "N_", "-o", str(pot),
                    "."], cwd=ROOT, check=True)
    with pot.open("rb") as f:
        extracted = {m.id for m in read_po(f) if m.id}
    catalog = {m.id: m.string for m in _catalog() if m.id}
    assert set(catalog) == extracted
    untranslated = [k for k, v in catalog.items()
                    if not (all(v) if isinstance(v, tuple) else v)]
    assert untranslated == []


def test_facet_words_are_the_schemas() -> None:
    assert FACET_WORDS == tuple(w for f in S.FACETS for w in (f.label, f.singular))
    assert ID.gettext("People") == "Tokoh" and EN.gettext("People") == "People"


def test_formats_per_language() -> None:
    assert fmt_count(7359, ID) == "7.359" and fmt_count(7359, EN) == "7,359"
    assert fmt_count(1234567, ID) == "1.234.567"
    wib = "2019-10-26T21:23:00+07:00"
    assert fmt_datetime(wib, ID) == "26 Okt 2019, 21.23 WIB"
    assert fmt_datetime(wib, EN) == "26 Oct 2019, 21:23 WIB"
    assert fmt_datetime("2019-10-26T14:23:00+00:00", ID) == "26 Okt 2019, 21.23 WIB"  # to WIB
    assert fmt_datetime("2019-05-03T00:00:00+07:00", ID) == "3 Mei 2019"
    assert fmt_datetime(None, ID) == "Tanpa tanggal" and fmt_datetime(None, EN) == "Undated"
    assert fmt_day(date(2019, 8, 17), ID) == "17 Agu 2019"


def _page(client: TestClient, url: str, headers: dict[str, str] | None = None) -> str:
    r = client.get(url, headers={"Accept": "text/html", **(headers or INDONESIAN)})
    assert r.status_code == 200, (url, r.status_code)
    return r.text


def _total(page: str) -> int:
    m = _TOTAL_RE.search(page)
    assert m is not None
    return int(m[1])


def test_indonesian_is_the_default(client: TestClient) -> None:
    page = _page(client, "/?q=banjir")
    assert '<html lang="id">' in page
    for words in ("Cari berita", "Linimasa", "Filter", "Tokoh", "Relevansi", "hasil"):
        assert words in page, words
    assert "Search the news" not in page and "Timeline" not in page
    assert "Accept-Language" in client.get("/", headers=INDONESIAN).headers["vary"]
    # No language parameter in its links: Indonesian is the default.
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert [h for h in hrefs if "lang=" in h] == ["/?q=banjir&amp;lang=en"]  # the switch


def test_english_from_the_header_or_the_url(client: TestClient) -> None:
    by_header = _page(client, "/?q=banjir", {"Accept-Language": "en-GB,en;q=0.9,id;q=0.5"})
    by_url = _page(client, "/?q=banjir&lang=en", {"Accept-Language": "id"})
    for page in (by_header, by_url):
        assert '<html lang="en">' in page
        assert "Search the news" in page and "Timeline" in page and "Cari berita" not in page
    assert _total(by_header) == _total(by_url) == _total(_page(client, "/?q=banjir"))
    # Chosen in the URL, English stays in the page's own links and forms.
    assert '<input type="hidden" name="lang" value="en">' in by_url
    hits = re.findall(r'href="(/articles/[^"]*)"', by_url)
    assert hits and all(h.endswith("lang=en") for h in hits)
    # ... but not when chosen by the header, except in the feed's links (feed readers send none).
    own_links = re.sub(r'href="/search\.atom\?[^"]*"', "", by_header)
    assert "lang=en" not in own_links.replace("lang=id", "")


def test_article_and_entity_pages_follow_the_language(client: TestClient) -> None:
    page = _page(client, "/?q=banjir")
    article = html.unescape(re.findall(r'href="(/articles/[^"]*)"', page)[0])
    id_page = _page(client, article)
    en_page = _page(client, article, {"Accept-Language": "en"})
    assert "Kembali ke hasil" in id_page and "Back to results" in en_page
    person = client.get("/entities", params={"type": "person", "size": 1}).json()["values"][0]
    entity = _page(client, f"/entities/person/{person['value']}")
    assert "Artikel terbaru" in entity and '<html lang="id">' in entity
    assert f'data-testid="entity-total">{fmt_count(person["count"], ID)}<' in entity


def _newest_day(client: TestClient) -> date:
    hit = client.get("/search", params={"sort": "newest", "size": 1}).json()["hits"][0]
    return date.fromisoformat(hit["date"][:10])


def test_dd_mm_yyyy_dates_filter_as_iso_does(client: TestClient) -> None:
    hi = _newest_day(client)
    lo = hi - timedelta(days=5)
    dmy = f"/?q=&from={lo:%d/%m/%Y}&to={hi.day}/{hi.month}/{hi.year}"  # with and without zeros
    iso = f"/?from={lo.isoformat()}&to={hi.isoformat()}"
    page = _page(client, dmy)
    api = client.get("/search", params={"from": lo.isoformat(), "to": hi.isoformat()}).json()
    assert _total(page) == _total(_page(client, iso)) == api["total"] > 0
    assert f'value="{lo:%d/%m/%Y}"' in page and f'value="{hi:%d/%m/%Y}"' in page
    # The page's links write ISO dates, which it reads back the same.
    assert f"from={lo.isoformat()}" in page


@pytest.mark.parametrize("bad", ["31/02/2019", "2019/10/26", "26-10-2019", "kemarin", "1/13/2019"])
def test_a_bad_date_is_a_clear_error(client: TestClient, bad: str) -> None:
    r = client.get("/", params={"from": bad}, headers=INDONESIAN)
    assert r.status_code == 400
    assert "hh/bb/tttt" in r.text and html.escape(bad, quote=True) in r.text
    r = client.get("/", params={"to": bad}, headers={"Accept-Language": "en"})
    assert r.status_code == 400 and "dd/mm/yyyy" in r.text
    # The JSON API keeps ISO dates only.
    assert client.get("/search", params={"from": "26/10/2019"}).status_code == 400


def test_article_page_marks_the_query_words(client: TestClient) -> None:
    analyzer = Analyzer()
    page = _page(client, "/?q=banjir")
    link = html.unescape(re.findall(r'href="(/articles/[^"]*)"', page)[0])
    assert "q=banjir" in link
    marked = _page(client, link)
    body = marked.split('class="article-body"')[1].split("</div>")[0]
    words = _MARK_RE.findall(body)
    assert words, "the article reached from results marks its query words"
    assert {t.term for w in words for t in analyzer.spans(html.unescape(w), frozenset())} == {
        "banjir"}
    # The same words, unmarked, without q; the text otherwise identical.
    plain = _page(client, link.split("?")[0])
    plain_body = plain.split('class="article-body"')[1].split("</div>")[0]
    assert "<mark>" not in plain_body
    assert body.replace("<mark>", "").replace("</mark>", "") == plain_body


def test_article_marks_keep_the_text_escaped(client: TestClient) -> None:
    page = _page(client, "/articles/synthetic-xss?q=Zorblax")
    assert "<mark>Zorblax</mark>" in page
    assert "<script>alert" not in page and "&lt;script&gt;" in page
