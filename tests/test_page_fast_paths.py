"""The search page's fast paths, each equal to the plain code it stands for: link quoting with
each pair remembered (``urlencode``), Babel's formatting remembered per (value, locale), and the
templates' gettext functions called directly (jinja2.ext.i18n's own newstyle callables)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import urlencode

import jinja2
from babel.dates import format_date
from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st
from jinja2.runtime import Context

from search_api import i18n
from search_api.backends import TantivyBackend
from search_api.web import fmt
from search_api.web.routes import TEMPLATE_DIR, make_templates
from search_api.web.search_page import build_search_page
from search_api.web.state import encode, parse_state
from search_api.web.trends_page import monitor_links

TEXT = st.text(st.characters(codec="utf-8"), max_size=30)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(TEXT, TEXT), max_size=6))
def test_encode_is_urlencode(pairs: list[tuple[str, str]]) -> None:
    assert encode(pairs) == urlencode(pairs)
    assert encode(pairs) == urlencode(pairs)  # the second time from the remembered pairs


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


def _extension_env() -> jinja2.Environment:
    """The templates with jinja2.ext.i18n's own newstyle gettext installed (the reference)."""
    @jinja2.pass_context
    def gettext(context: Context, message: str) -> str:
        return str(context["i18n"].gettext(message))

    @jinja2.pass_context
    def ngettext(context: Context, singular: str, plural: str, n: int) -> str:
        return str(context["i18n"].ngettext(singular, plural, n))

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR), autoescape=True,
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"])
    env.install_gettext_callables(gettext, ngettext, newstyle=True)  # type: ignore[attr-defined]
    return env


def test_direct_gettext_renders_as_the_extension(index_dir: Path) -> None:
    backend = TantivyBackend(index_dir)
    ours, reference = make_templates().env, _extension_env()
    queries: list[list[tuple[str, str]]] = [
        [], [("q", "jakarta")], [("q", "banjir"), ("source", "detik.com")],
        [("q", "qqqzzzx")], [("q", "jakarta"), ("more", "person")],
        [("q", "presiden"), ("fq_type", "person"), ("fq", "jo")],
        [("q", "pemerintah"), ("from", "2019-01-01"), ("to", "2019-01-31")],
    ]
    for code in ("id", "en"):
        lang = i18n.for_request(code, None)
        for pairs in queries:
            state, request = parse_state([*pairs, ("lang", code)], lang)
            page = build_search_page(backend, state, request, lang)
            context = {"page": page, "q": state.q, "i18n": lang, "lang_switch": "/?lang=x",
                       "monitor": monitor_links(state, page.facets, lang)}
            html = ours.get_template("search.html").render(context)
            assert html == reference.get_template("search.html").render(context), pairs
            assert page.total == 0 or 'class="hit"' in html
        message = {"title": "<t>", "message": "50% <b>", "q": "", "i18n": lang,
                   "lang_switch": "/"}
        assert ours.get_template("message.html").render(message) == \
            reference.get_template("message.html").render(message)
