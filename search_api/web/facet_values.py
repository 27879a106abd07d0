"""A facet's value list on the search page, as HTML written by one function, and the facet's
sentences around it (:func:`facet_words`).

A page lists ~40 facet values, each a checkbox, a label and, for an entity, a link to its page:
as a template loop that is ~14 lookups and ~9 escapes per value, and a view object per value,
the largest part of what the page costs beyond the search. A value's element id, escaped text,
entity page and that link's title are the same on every page that lists it (remembered per
value and language); only its count and tick are the page's own. The markup is byte for byte
what ``templates/search.html`` printed from the loop (tests/test_page_fast_paths.py renders
both). Every value is escaped: a facet value is text from the articles.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Final

from markupsafe import Markup

from indexer import schema as S
from search_api.facets import FacetValue
from search_api.i18n import Lang
from search_api.web.entity_page import entity_url
from search_api.web.fmt import fmt_count, html_id
from search_api.web.remembered import Remembered
from search_api.web.state import with_lang_param
from search_api.web.templating import escape_output, format_markup
from search_api.web.views import FacetWords

PARTS_SIZE: Final = 2_048  # values remembered per facet and language
COUNTS_SIZE: Final = 8_192  # counts remembered per language


@lru_cache(maxsize=64)
def _value_parts(facet: str, about: str, lang_param: tuple[tuple[str, str], ...]
                 ) -> Remembered[str, tuple[str, str, str]]:
    """:func:`_parts` of each value of ``facet`` in one language."""
    return Remembered(lambda value: _parts(facet, value, about, lang_param), PARTS_SIZE)


@lru_cache(maxsize=8)
def _count_html(lang: Lang) -> Remembered[int, str]:
    """Each count as a value list prints it (escaped) in ``lang``."""
    return Remembered(lambda n: escape_output(fmt_count(n, lang)), COUNTS_SIZE)


def _parts(facet: str, value: str, about: str, lang_param: tuple[tuple[str, str], ...]
           ) -> tuple[str, str, str]:
    """A value's markup before its count, between its count and its count's label, and after
    (``about``: the profile link's title, with ``%(name)s``)."""
    vid, text, name = (escape_output(html_id(facet, value)), escape_output(value),
                       escape_output(facet))
    profile = ""
    if facet in S.ENTITY_FACETS:
        url = escape_output(with_lang_param(entity_url(facet, value), lang_param))
        label = escape_output(about % {"name": value})
        profile = (f'<a class="facet-profile" href="{url}" title="{label}" aria-label="{label}">'
                   "i</a>")
    return (f'          <li>\n            <input type="checkbox" id="{vid}" name="{name}" '
            f'value="{text}" form="facet-form" autocomplete="off" data-count="',
            f'>\n            <label for="{vid}" title="{text}"><span class="facet-value">{text}'
            '</span> <span class="facet-count">',
            f"</span></label>\n{profile}          </li>")


def values_html(facet: str, values: Sequence[FacetValue], lang: Lang) -> Markup:
    """The ``<li>`` of each value (joined by newlines), ticked where selected."""
    parts = _value_parts(facet, lang.gettext("About %(name)s"), lang.param)
    counts = _count_html(lang)
    out = []
    for v in values:
        head, middle, tail = parts[v.value]
        checked = '" checked' if v.selected else '"'
        out.append(f"{head}{v.count}{checked}{middle}{counts[v.count]}{tail}")
    return Markup("\n".join(out))


@lru_cache(maxsize=64)
def facet_words(label: str, singular: str, lang: Lang) -> FacetWords:
    """The sentences of the facet headed ``label`` (its value called ``singular``), in the
    page's language: what the template wrote with ``_()`` of ``label|lower``, five facets
    times five sentences per page."""
    plural, _ = {"facet": label.lower()}, lang.gettext
    return FacetWords(
        of_the_ticked=format_markup(_("of the ticked %(facet)s"), plural),
        filter_by=format_markup(_("Filter by %(facet)s"), plural),
        trend_top=format_markup(_("Trend top %(facet)s"), plural),
        show_more=format_markup(_("Show more %(facet)s"), plural),
        find=format_markup(_("Find %(facet)s"), plural),
        find_prompt=format_markup(_("Find %(facet)s…"), {"facet": singular}),
    )
