"""The search page's fast paths, each equal to the plain code it stands for: link quoting with
each pair remembered (``urlencode``), links built from pairs quoted once per page (the URLs of
the states they lead to), Babel's formatting remembered per (value, locale), the pages'
environments (words translated when compiled, values escaped to plain strings, an output
statement yielded as one string: jinja2.ext.i18n's own newstyle callables, markupsafe.escape and
Jinja's own code), and the facet value lists, the facets' sentences and the timeline's bars
written in Python (the template code each stands for)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, quote_plus, urlencode

import jinja2
from babel.dates import format_date, format_time
from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup, escape
from page_reference import extension_env
from starlette.requests import Request
from starlette.templating import Jinja2Templates
from starlette.testclient import TestClient

from indexer import schema as S
from search_api import i18n, selection
from search_api.app import create_app
from search_api.backends import TantivyBackend
from search_api.facets import FacetValue
from search_api.params import SearchRequest
from search_api.web import fmt, quoting
from search_api.web.entity_page import entity_url
from search_api.web.facet_sections import facet_sections_html
from search_api.web.facet_values import facet_words, values_html
from search_api.web.histogram import axis_html, bars_html
from search_api.web.remembered import Remembered
from search_api.web.routes import make_templates, url_path
from search_api.web.search_page import build_search_page
from search_api.web.state import (
    FACETS,
    Links,
    PageState,
    article_path,
    article_query,
    article_url,
    encode,
    parse_state,
    with_lang_param,
)
from search_api.web.templating import escape_output, format_markup
from search_api.web.trends_page import (
    monitor_links,
    search_pairs,
    search_query,
    trend_url,
    values_trends,
)
from search_api.web.views import Bar

TEXT = st.text(st.characters(codec="utf-8"), max_size=30)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(TEXT, TEXT), max_size=6))
def test_encode_is_urlencode(pairs: list[tuple[str, str]]) -> None:
    assert encode(pairs) == urlencode(pairs)
    assert encode(pairs) == urlencode(pairs)  # the second time from the remembered pairs


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=40))
def test_quoting_is_urllibs(text: str) -> None:
    """Any text, surrogates included (both raise UnicodeEncodeError)."""
    for ours, theirs in ((quoting.quote, lambda t: quote(t, safe="")),
                         (quoting.quote_plus, quote_plus)):
        try:
            expected: str | type[Exception] = theirs(text)
        except UnicodeEncodeError as exc:
            expected = type(exc)
        for _ in range(2):  # the second time from the filled table
            try:
                got: str | type[Exception] = ours(text)
            except UnicodeEncodeError as exc:
                got = type(exc)
            assert got == expected


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 10**9), st.dates(date(1900, 1, 1), date(2100, 12, 31)),
       st.sampled_from(["id", "en"]))
def test_remembered_formats_are_babels(n: int, d: date, code: str) -> None:
    lang = i18n.lang(code)
    for _ in range(2):
        assert fmt.fmt_count(n, lang) == format_decimal(n, locale=code)
        assert fmt.fmt_day(d, lang) == format_date(d, "d MMM y", locale=code)
        assert fmt.fmt_month(d, lang) == format_date(d, "MMM y", locale=code)
        assert fmt.fmt_month(d, lang, year=False) == format_date(d, "MMM", locale=code)
        assert fmt.fmt_day_month(d, lang) == format_date(d, "d MMM", locale=code)


FACET_NAMES = [f.name for f in FACETS]
NAMES = st.lists(st.sampled_from(FACET_NAMES), unique=True).map(
    lambda names: tuple(n for n in FACET_NAMES if n in names))
DAYS = st.none() | st.dates(date(1990, 1, 1), date(2030, 12, 31))
STATES = st.builds(
    PageState,
    q=TEXT,
    filters=NAMES.flatmap(lambda names: st.tuples(*(
        st.tuples(st.just(n), st.lists(TEXT, min_size=1, max_size=3).map(tuple))
        for n in names))),
    date_from=DAYS, date_to=DAYS,
    sort=st.none() | st.sampled_from(["relevance", "recent", "newest", "oldest"]),
    size=st.none() | st.integers(1, 100), page=st.integers(1, 60), more=NAMES,
    fq_type=st.none() | st.sampled_from(FACET_NAMES), fq=TEXT, all_of=NAMES,
    lang=st.sampled_from([(), (("lang", "en"),)]),
)


@settings(max_examples=400, deadline=None)
@given(STATES, DAYS, DAYS, st.integers(-1, 70), st.sampled_from(FACET_NAMES), st.booleans(),
       st.none() | st.sampled_from(["relevance", "recent", "newest", "oldest"]))
def test_links_are_the_states_urls(state: PageState, lo: date | None, hi: date | None, n: int,
                                   facet: str, on: bool, sort: str | None) -> None:
    """A page's links, each part of its state quoted once, are the URLs of the states they
    lead to; an article link is its path and the page's query."""
    links = Links(state)
    assert links.with_dates(lo, hi) == state.with_dates(lo, hi).url
    assert links.at_page(n) == state.at_page(n).url
    assert links.with_sort(sort) == state.with_sort(sort).url
    assert links.expanded(facet, on) == state.expanded(facet, on).url
    assert links.closed() == replace(state, fq_type=None, fq="").url
    assert article_path("a/b c") + article_query(state) == article_url("a/b c", state)


@settings(max_examples=300, deadline=None)
@given(STATES, st.sampled_from(FACET_NAMES), st.lists(TEXT, min_size=1, max_size=5))
def test_value_trends_are_trend_urls(state: PageState, facet: str, values: list[str]) -> None:
    """A facet's "trend top values" link: the search plus each value as one series."""
    pairs = parse_qsl(search_query(state))
    assert values_trends(pairs)(facet, values) == trend_url(
        [urlencode([*pairs, (facet, v)]) for v in values])


@settings(max_examples=300, deadline=None)
@given(STATES)
def test_search_pairs_are_the_search_query_parsed(state: PageState) -> None:
    assert search_pairs(state) == parse_qsl(search_query(state))


@settings(max_examples=300, deadline=None)
@given(st.datetimes(datetime(1990, 1, 1), datetime(2030, 12, 31)),
       st.none() | st.sampled_from([UTC, timezone(timedelta(hours=7))]),
       st.sampled_from(["id", "en"]))
def test_remembered_clock_is_babels(moment: datetime, zone: timezone | None, code: str) -> None:
    dt = moment.replace(tzinfo=zone)
    lang = i18n.lang(code)
    local = dt.astimezone(fmt.WIB) if zone else dt.replace(tzinfo=fmt.WIB)
    clock = format_time(local, "short", locale="en_GB" if code == "en" else code)
    expected = fmt.fmt_day(local.date(), lang) + (
        "" if (local.hour, local.minute) == (0, 0) else f", {clock} WIB")
    assert fmt.fmt_datetime(dt.isoformat(), lang) == expected


def _reference_templates() -> dict[str, Jinja2Templates]:
    env = extension_env()
    return {code: Jinja2Templates(env=env) for code in i18n.LANGS}


TOOK = re.compile(r'<span class="took">\([0-9.]+ ms\)</span>')


def test_page_environments_render_as_the_extension(index_dir: Path, oracle: list[Any]) -> None:
    """Every page, through each language's environment (words translated when compiled, values
    escaped to plain strings), is byte for byte what jinja2.ext.i18n's callables and
    markupsafe.escape print."""
    doc = next(d for d in oracle if d.person and d.story)
    person = doc.person[0]
    urls = [
        "/", "/?q=jakarta", "/?q=banjir&source=" + quote_plus(doc.source), "/?q=qqqzzzx",
        "/?q=qqqzzzx&person=" + quote_plus(person) + "&from=2019-01-01",
        "/?q=jakarta&more=person&more=place", "/?q=presiden&fq_type=person&fq=jo",
        "/?q=presiden&fq_type=org&fq=qqqq", "/?q=pemerintah&from=2019-01-01&to=2019-01-31",
        "/?q=%3Cb%3E%26%22%27", "/?q=jakarta&size=5&page=3", "/?q=jakarta&page=999",
        "/?person=" + quote_plus(person) + "&person=" + quote_plus(oracle[1].person[0]
                                                                   if oracle[1].person else "x")
        + "&person_op=and", "/?from=99%2F99%2F2019", "/?q=jakrta",
        f"/articles/{quote(doc.id, safe='')}?q=jakarta", f"/stories/{quote(doc.story, safe='')}",
        f"/entities/person/{quote(person, safe='')}", "/trends?series=banjir&series=jakarta",
        "/trends", "/no/such/page", "/articles/no-such-article",
    ]
    app = create_app(index_dir)
    pages: list[list[tuple[int, str]]] = []
    for templates in (app.state.web_templates, _reference_templates()):
        app.state.web_templates = templates
        with TestClient(app) as client:
            pages.append([
                (r.status_code, TOOK.sub("", r.text))
                for url in urls for lang in ("id", "en")
                for r in [client.get(url, headers={"accept": "text/html",
                                                   "accept-language": lang})]
            ])
    assert [status for status, _ in pages[0]].count(200) >= 2 * (len(urls) - 3)
    for (url, lang), ours, reference in zip(
            [(u, code) for u in urls for code in ("id", "en")], *pages, strict=True):
        assert ours == reference, (url, lang)
        assert ours[1].startswith(f'<!doctype html>\n<html lang="{lang}">'), (url, lang)


def test_direct_gettext_renders_as_the_extension(index_dir: Path) -> None:
    backend = TantivyBackend(index_dir)
    reference = extension_env()
    queries: list[list[tuple[str, str]]] = [
        [], [("q", "jakarta")], [("q", "banjir"), ("source", "detik.com")],
        [("q", "qqqzzzx")], [("q", "jakarta"), ("more", "person")],
        [("q", "presiden"), ("fq_type", "person"), ("fq", "jo")],
        [("q", "pemerintah"), ("from", "2019-01-01"), ("to", "2019-01-31")],
    ]
    for code in ("id", "en"):
        ours = make_templates()[code].env
        lang = i18n.for_request(code, None)
        for pairs in queries:
            state, request = parse_state([*pairs, ("lang", code)], lang)
            page = build_search_page(backend, state, request, lang)
            monitor = monitor_links(state, page.facets, lang)
            context = {"page": page, "q": state.q, "i18n": lang, "lang_switch": "/?lang=x",
                       "monitor": monitor, "facets_html": facet_sections_html(
                           page.facets, page.hidden_all, monitor.facet_trends, lang)}
            html = ours.get_template("search.html").render(context)
            assert html == reference.get_template("search.html").render(context), pairs
            assert page.total == 0 or 'class="hit"' in html
        message = {"title": "<t>", "message": "50% <b>", "q": "", "i18n": lang,
                   "lang_switch": "/"}
        assert ours.get_template("message.html").render(message) == \
            reference.get_template("message.html").render(message)


VALUES = st.one_of(st.text(max_size=8), st.integers(-10**6, 10**6), st.floats(allow_nan=False),
                   st.booleans(), st.none(), st.text(max_size=8).map(Markup))


@settings(max_examples=300, deadline=None)
@given(VALUES)
def test_escape_output_is_markupsafes(value: object) -> None:
    assert escape_output(value) == str(escape(value))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["a<b ", "&", "%%", "%(x)s", "%(y)s", "%(x)r", "%(y)d", "%s",
                                 "é", "%", "%(x)"]), max_size=5).map("".join),
       st.dictionaries(st.sampled_from(["x", "y", "z"]), VALUES))
def test_format_markup_is_markups_format(text: str, values: dict[str, object]) -> None:
    try:
        expected: str | type[Exception] = Markup(text) % values
    except (KeyError, ValueError, TypeError, OverflowError) as exc:
        expected = type(exc)
    try:
        got: str | type[Exception] = format_markup(text, values)
    except (KeyError, ValueError, TypeError, OverflowError) as exc:
        got = type(exc)
    assert got == expected
    assert type(got) is type(expected)


# The facet value loop as templates/search.html wrote it, with a plain view per value.
VALUE_LOOP = """\
        <ul class="facet-values">
          {% for v in values %}
          <li>
            <input type="checkbox" id="{{ v.id }}" name="{{ facet }}" value="{{ v.value }}" \
form="facet-form" autocomplete="off" data-count="{{ v.n }}"{% if v.selected %} checked{% endif %}>
            <label for="{{ v.id }}" title="{{ v.value }}"><span class="facet-value">\
{{ v.value }}</span> <span class="facet-count">{{ v.count }}</span></label>
            {% if v.profile_url %}<a class="facet-profile" href="{{ v.profile_url }}" \
title="{{ v.profile_label }}" aria-label="{{ v.profile_label }}">i</a>{% endif %}
          </li>
          {% endfor %}
        </ul>
"""


def _loop_html(facet: str, values: list[FacetValue], lang: i18n.Lang) -> str:
    views = [{"id": fmt.html_id(facet, v.value), "value": v.value, "n": v.count,
              "count": fmt.fmt_count(v.count, lang), "selected": v.selected,
              "profile_url": with_lang_param(entity_url(facet, v.value), lang.param)
              if facet in S.ENTITY_FACETS else "",
              "profile_label": lang.gettext("About %(name)s") % {"name": v.value}}
             for v in values]
    env = jinja2.Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True,
                             undefined=jinja2.StrictUndefined)
    return env.from_string(VALUE_LOOP).render(values=views, facet=facet)


def _list_html(facet: str, values: list[FacetValue], lang: i18n.Lang) -> str:
    return f'        <ul class="facet-values">\n{values_html(facet, values, lang)}\n        </ul>'


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(FACET_NAMES), st.sampled_from(["id", "en"]),
       st.lists(st.builds(FacetValue, TEXT.filter(str.strip), st.integers(0, 10**7),
                          st.booleans()), min_size=1, max_size=4))
def test_value_lists_are_the_template_loop(facet: str, code: str,
                                           values: list[FacetValue]) -> None:
    lang = i18n.for_request(code, None)
    for _ in range(2):  # the second time from the remembered parts
        assert _list_html(facet, values, lang) == _loop_html(facet, values, lang)


def test_value_lists_of_real_pages_are_the_template_loop(index_dir: Path) -> None:
    backend = TantivyBackend(index_dir)
    queries = [[], [("q", "jakarta")], [("q", "presiden"), ("more", "person")],
               [("q", "banjir"), ("more", "place"), ("more", "org")]]
    lists = 0
    for code in ("id", "en"):
        lang = i18n.for_request(code, None)
        for pairs in queries:
            state, request = parse_state([*pairs, ("lang", code)], lang)
            for facet in build_search_page(backend, state, request, lang).facets:
                if facet.values:
                    lists += 1
                    assert _list_html(facet.name, list(facet.values), lang) == \
                        _loop_html(facet.name, list(facet.values), lang)
    assert lists >= 30


# The timeline's bars and axis as templates/search.html wrote them from its loops.
BARS_LOOP = """\
        {% for bar in bars %}
        {% if bar.url %}
        <a class="bar" href="{{ bar.url }}" draggable="false" data-count="{{ bar.count }}" \
data-from="{{ bar.date_from }}" data-to="{{ bar.date_to }}" title="{{ bar.label }}: \
{{ bar.count_label }}"><span class="bar-fill" style="height: {{ bar.height }}%"></span>\
<span class="visually-hidden">{{ bar.label }}: {{ ngettext("%(num)s result", "%(num)s results", \
bar.count, num=bar.count_label) }}</span></a>
        {% else %}
        <span class="bar bar-empty" data-from="{{ bar.date_from }}" data-to="{{ bar.date_to }}" \
title="{{ bar.label }}: 0"><span class="visually-hidden">{{ bar.label }}: {{ _("no results") }}\
</span></span>
        {% endif %}
        {% endfor %}
|{% for bar in bars %}<span>{{ bar.tick }}</span>{% endfor %}"""


def _bars_written(bars: list[Bar], lang: i18n.Lang) -> tuple[str, str]:
    return (f"{bars_html(bars, lang)}|{axis_html(bars)}",
            extension_env().from_string(BARS_LOOP).render(bars=bars, i18n=lang))


BARS = st.lists(st.builds(Bar, TEXT, TEXT, st.integers(0, 10**7), TEXT,
                          st.floats(0, 100, allow_nan=False), st.none() | TEXT, TEXT, TEXT),
                max_size=5)


@settings(max_examples=300, deadline=None)
@given(BARS, st.sampled_from(["id", "en"]))
def test_bars_are_the_template_loops(bars: list[Bar], code: str) -> None:
    ours, loop = _bars_written(bars, i18n.lang(code))
    assert ours == loop


def test_bars_of_real_pages_are_the_template_loops(index_dir: Path) -> None:
    backend = TantivyBackend(index_dir)
    shown = 0
    for code in ("id", "en"):
        lang = i18n.for_request(code, None)
        for pairs in ([], [("q", "jakarta")], [("q", "banjir"), ("from", "2019-01-01")]):
            state, request = parse_state([*pairs, ("lang", code)], lang)
            bars = list(build_search_page(backend, state, request, lang).histogram.bars)
            shown += len(bars)
            ours, loop = _bars_written(bars, lang)
            assert ours == loop
    assert shown >= 6


# The facets' sentences as templates/search.html wrote them.
WORDS = """{{ _("of the ticked %(facet)s", facet=label|lower) }}|\
{{ _("Filter by %(facet)s", facet=label|lower) }}|{{ _("Trend top %(facet)s", facet=label|lower) }}\
|{{ _("Show more %(facet)s", facet=label|lower) }}|{{ _("Find %(facet)s", facet=label|lower) }}\
|{{ _('Find %(facet)s…', facet=singular) }}"""


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(FACETS), st.sampled_from(["id", "en"]), st.none() | TEXT, TEXT)
def test_facet_words_are_the_templates(spec: S.Facet, code: str, label: str | None,
                                       singular: str) -> None:
    lang = i18n.lang(code)
    if label is None:  # the facet's own words
        label, singular = lang.gettext(spec.label), lang.gettext(spec.singular)
    words = facet_words(label, singular, lang)
    ours = "|".join([words.of_the_ticked, words.filter_by, words.trend_top, words.show_more,
                     words.find, words.find_prompt])
    assert ours == extension_env().from_string(WORDS).render(label=label, singular=singular,
                                                              i18n=lang)


def test_page_search_is_the_search_and_its_selection_in_one_view(
        tantivy_backend: TantivyBackend, oracle: list[Any]) -> None:
    """The page's one call answers what /search answers, with the filter values as the index
    writes them (what ``selection.indexed_selection`` gives) and the memo of the same
    snapshot."""
    snap = tantivy_backend.holder.snapshot()
    named = [d for d in oracle if d.person][:5]
    requests = [SearchRequest(q="banjir"), SearchRequest(q="", sort="newest"),
                *(SearchRequest(q=d.title.split()[0], filters={"person": (d.person[0].lower(),),
                                                               "source": (d.source.upper(),)})
                  for d in named)]
    rewritten = 0
    for request in requests:
        answer = tantivy_backend.page_search(request)
        assert replace(answer.response, took_ms=0.0) == replace(
            tantivy_backend.search(request), took_ms=0.0)
        assert answer.indexed == selection.indexed_selection(snap, request)
        assert answer.cache is snap.cache
        rewritten += answer.indexed.filters.get("person") != request.filters.get("person")
    assert rewritten == len(named)  # the lower-cased names came back as the index writes them


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(max_size=30).map(lambda t: "/" + t),
                 st.lists(st.text(st.sampled_from("az09-._~%:;/?#\\ é"), max_size=8),
                          max_size=4).map(lambda parts: "/" + "/".join(parts))),
       st.sampled_from([None, "example.org", "127.0.0.1:8000", "[::1]:80", "bad host/x"]))
def test_url_path_is_starlettes(path: str, host: str | None) -> None:
    headers = [(b"host", host.encode())] if host is not None else []
    scope = {"type": "http", "method": "GET", "path": path, "query_string": b"q=a",
             "headers": headers, "scheme": "http", "server": ("127.0.0.1", 8000)}
    assert url_path(Request(scope)) == Request(scope).url.path


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXT, max_size=4), st.sampled_from(["day", "week", "month", "a b&c"]))
def test_trend_url_is_urlencode(series: list[str], interval: str) -> None:
    pairs = [("series", s) for s in series] + ([("interval", interval)] if interval != "day"
                                               else [])
    assert trend_url(series, interval) == "/trends?" + urlencode(pairs)


def test_remembered_makes_each_value_once_and_forgets_at_its_bound() -> None:
    made: list[int] = []

    def make(key: int) -> int:
        made.append(key)
        return key * 2

    table: Remembered[int, int] = Remembered(make, 3)
    assert [table[k] for k in (1, 2, 1, 3, 2)] == [2, 4, 2, 6, 4]
    assert made == [1, 2, 3]  # each key made once
    assert table[4] == 8
    assert dict(table) == {4: 8}  # a fourth key emptied the full table
    assert table[1] == 2
    assert made == [1, 2, 3, 4, 1]
