"""The search page's facet sections written in Python (:mod:`search_api.web.facet_sections`)
against the loop ``templates/search.html`` printed them with."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup
from page_reference import extension_env

from search_api import i18n
from search_api.backends import TantivyBackend
from search_api.facets import FacetValue
from search_api.web.facet_sections import facet_sections_html
from search_api.web.facet_values import facet_words
from search_api.web.search_page import build_search_page
from search_api.web.state import FACETS, parse_state
from search_api.web.trends_page import monitor_links
from search_api.web.views import FacetView, SuggestionView

# The facet loop as templates/search.html wrote it.
FACETS_LOOP = """\
    {% for facet in page.facets %}
    <section class="facet" id="facet-{{ facet.name }}" aria-labelledby="facet-{{ facet.name\
 }}-heading">
      <h3 id="facet-{{ facet.name }}-heading">{{ facet.label }}{% if facet.selected_count %}\
 <span class="facet-selected">{{ _("%(num)s selected", num=facet.selected_count) }}</span>{%\
 endif %}</h3>
      {% if facet.op_url %}
      <p class="facet-op" id="facet-{{ facet.name }}-op">{{ _("Articles with") }}
        {% if facet.all_of %}<a href="{{ facet.op_url }}">{{ _("any") }}</a> · <strong\
 aria-current="true">{{ _("all") }}</strong>{% else %}<strong aria-current="true">{{ _("any")\
 }}</strong> · <a href="{{ facet.op_url }}">{{ _("all") }}</a>{% endif %}
        {{ facet.words.of_the_ticked }}</p>
      {% endif %}
      {% if facet.values %}
      <fieldset>
        <legend class="visually-hidden">{{ facet.words.filter_by }}</legend>
        <ul class="facet-values">
{{ facet.values_html }}
        </ul>
      </fieldset>
      {% else %}
      <p class="muted facet-none">{{ _("None in these results") }}</p>
      {% endif %}
      {% if facet.name in monitor.facet_trends %}
      <a class="facet-trend" href="{{ monitor.facet_trends[facet.name] }}">{{\
 facet.words.trend_top }}</a>
      {% endif %}
      {% if facet.more_url %}
      <a class="facet-more" href="{{ facet.more_url }}">{{ facet.words.show_more }}</a>
      {% elif facet.less_url %}
      {% if facet.truncated %}<p class="muted facet-note">{{ _("Top %(num)s shown; search to\
 find others.", num=facet.values|length) }}</p>{% endif %}
      <a class="facet-more" href="{{ facet.less_url }}">{{ _("Show fewer") }}</a>
      {% endif %}
      <form class="facet-search" method="get" action="/" role="search" data-facet="{{\
 facet.name }}" data-none="{{ _('No matches for') }}">
        {% for name, value in page.hidden_all %}
        <input type="hidden" name="{{ name }}" value="{{ value }}">
        {% endfor %}
        <input type="hidden" name="fq_type" value="{{ facet.name }}">
        <label for="fq-{{ facet.name }}" class="visually-hidden">{{ facet.words.find }}</label>
        <div class="facet-search-row">
          <input id="fq-{{ facet.name }}" name="fq" type="search" value="{{\
 facet.search_prefix }}" placeholder="{{ facet.words.find_prompt }}" autocomplete="off"\
 spellcheck="false" aria-controls="fs-{{ facet.name }}" aria-describedby="fs-{{ facet.name\
 }}-hint">
          <button type="submit" class="button-secondary js-hide">{{ _("Find") }}</button>
        </div>
        <p id="fs-{{ facet.name }}-hint" class="visually-hidden">{{ _("Matches across all\
 articles; choose one to add it as a filter.") }}</p>
        <ul id="fs-{{ facet.name }}" class="suggestions" aria-live="polite">
          {%- for s in facet.search_results -%}
          <li><a href="{{ s.url }}" title="{{ s.value }}"{% if s.selected %}\
 aria-current="true"{% endif %}><span class="facet-value">{{ s.value }}</span> <span\
 class="facet-count">{{ s.count }}</span></a></li>
          {%- endfor -%}
          {%- if facet.search_open and facet.search_prefix and not facet.search_results -%}
          <li class="muted">{{ _("No %(facet)s match “%(prefix)s”.", facet=facet.label|lower,\
 prefix=facet.search_prefix) }}</li>
          {%- endif -%}
        </ul>
        <p class="suggest-note muted">{{ _("Counts across all articles") }}</p>
        {% if facet.search_open %}
        <a class="facet-search-close" href="{{ facet.search_close_url }}">{{ _("Close search")\
 }}</a>
        {% endif %}
      </form>
    </section>
    {% endfor %}
"""

TEXT = st.text(st.characters(codec="utf-8"), max_size=12)
URLS = st.none() | TEXT
VALUES = st.lists(st.builds(FacetValue, TEXT, st.integers(0, 10**6), st.booleans()), max_size=3)
SUGGESTIONS = st.lists(st.builds(SuggestionView, TEXT, TEXT, st.booleans(), TEXT), max_size=2)


@st.composite
def facet_views(draw: Any, lang: i18n.Lang) -> FacetView:
    spec = draw(st.sampled_from(FACETS))
    label, singular = lang.gettext(spec.label), lang.gettext(spec.singular)
    values = tuple(draw(VALUES))
    return FacetView(
        name=spec.name, label=label, singular=singular,
        words=facet_words(label, singular, lang), values=values,
        values_html=Markup(draw(TEXT).replace("<", "&lt;")), selected_count=draw(st.integers(0, 3)),
        all_of=draw(st.booleans()), op_url=draw(URLS), more_url=draw(URLS),
        less_url=draw(URLS), truncated=draw(st.booleans()), search_prefix=draw(TEXT),
        search_open=draw(st.booleans()), search_results=tuple(draw(SUGGESTIONS)),
        search_close_url=draw(TEXT))


def _loop(facets: list[FacetView], hidden: list[tuple[str, str]], trends: dict[str, str],
          lang: i18n.Lang) -> str:
    return extension_env().from_string(FACETS_LOOP).render(
        page={"facets": facets, "hidden_all": hidden}, monitor={"facet_trends": trends},
        i18n=lang)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(i18n.LANGS)).flatmap(lambda code: st.tuples(
    st.just(code), st.lists(facet_views(i18n.lang(code)), max_size=3))),
    st.lists(st.tuples(TEXT, TEXT), max_size=3),
    st.dictionaries(st.sampled_from([f.name for f in FACETS]), TEXT))
def test_sections_are_the_template_loop(drawn: tuple[str, list[FacetView]],
                                        hidden: list[tuple[str, str]],
                                        trends: dict[str, str]) -> None:
    code, facets = drawn
    lang = i18n.lang(code)
    for _ in range(2):  # the second time from the remembered frames
        assert facet_sections_html(facets, hidden, trends, lang) == \
            _loop(facets, hidden, trends, lang)


def test_sections_of_real_pages_are_the_template_loop(index_dir: Path) -> None:
    backend = TantivyBackend(index_dir)
    queries = [[], [("q", "jakarta")], [("q", "presiden"), ("more", "person")],
               [("q", "banjir"), ("fq_type", "person"), ("fq", "jo")],
               [("q", "banjir"), ("fq_type", "org"), ("fq", "zzqx")]]
    sections = 0
    for code in ("id", "en"):
        lang = i18n.for_request(code, None)
        for pairs in queries:
            state, request = parse_state([*pairs, ("lang", code)], lang)
            page = build_search_page(backend, state, request, lang)
            trends = monitor_links(page.state, page.facets, lang).facet_trends
            sections += len(page.facets)
            assert facet_sections_html(page.facets, page.hidden_all, trends, lang) == \
                _loop(list(page.facets), list(page.hidden_all), dict(trends), lang)
    assert sections == 50
