"""The search page's facet sections (the sidebar's five ``<section>``\\ s) as HTML written by one
function (:func:`facet_sections_html`).

A section prints ~30 values, and most of them (the facet's name in nine ids and attributes,
its heading, its sentences, the value search's fixed text) are the same on every page of a
language: those are written once per facet and language (:func:`_frame`), and a page fills in
only what is its own (the value list, its links, the value search's state). The page's state
kept by each value search's form as hidden inputs is written once for the five. The markup is
byte for byte what ``templates/search.html``'s facet loop printed (tests/test_facet_sections.py
renders both). Every value is escaped but the value lists and the facets' sentences, which are
markup already (:mod:`search_api.web.facet_values`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Final, NamedTuple

from markupsafe import Markup

from search_api.i18n import Lang
from search_api.web.facet_values import facet_words
from search_api.web.remembered import Remembered
from search_api.web.templating import escape_output, format_markup
from search_api.web.views import FacetView

FRAMES_SIZE: Final = 64  # facets' frames remembered per language (a page has five)


class _Frame(NamedTuple):
    """A section's fixed text around what a page fills in."""

    heading: str  # up to the heading's text, which is the section's label
    values_open: str
    values_close: str
    no_values: str
    trend: str  # after the trend link's URL
    more: str  # after the "more" link's URL
    form_open: str  # up to the page's hidden inputs
    prefix_open: str  # up to the value search's text
    suggestions_open: str  # up to the value search's matches
    form_close: str


@lru_cache(maxsize=8)
def _frames(lang: Lang) -> Remembered[tuple[str, str, str], _Frame]:
    """:func:`_frame` of each facet (name, label, singular) in ``lang``."""
    return Remembered(lambda key: _frame(*key, lang), FRAMES_SIZE)


def _frame(name: str, label: str, singular: str, lang: Lang) -> _Frame:
    _ = lang.gettext
    n, words = escape_output(name), facet_words(label, singular, lang)
    # The catalog's extraction reads calls outside f-strings only.
    hint = format_markup(_("Matches across all articles; choose one to add it as a filter."), {})
    none, no_match = format_markup(_("None in these results"), {}), _("No matches for")
    find, counts = format_markup(_("Find"), {}), format_markup(_("Counts across all articles"), {})
    return _Frame(
        heading=(f'    <section class="facet" id="facet-{n}" '
                 f'aria-labelledby="facet-{n}-heading">\n      <h3 id="facet-{n}-heading">'
                 f"{escape_output(label)}"),
        values_open=(f'      <fieldset>\n        <legend class="visually-hidden">'
                     f'{words.filter_by}</legend>\n        <ul class="facet-values">\n'),
        values_close="\n        </ul>\n      </fieldset>\n",
        no_values=f'      <p class="muted facet-none">{none}</p>\n',
        trend=f'">{words.trend_top}</a>\n',
        more=f'">{words.show_more}</a>\n',
        form_open=(f'      <form class="facet-search" method="get" action="/" role="search" '
                   f'data-facet="{n}" data-none="{format_markup(no_match, {})}">\n'),
        prefix_open=(f'        <input type="hidden" name="fq_type" value="{n}">\n'
                     f'        <label for="fq-{n}" class="visually-hidden">{words.find}</label>\n'
                     '        <div class="facet-search-row">\n'
                     f'          <input id="fq-{n}" name="fq" type="search" value="'),
        suggestions_open=(
            f'" placeholder="{words.find_prompt}" autocomplete="off" spellcheck="false" '
            f'aria-controls="fs-{n}" aria-describedby="fs-{n}-hint">\n'
            '          <button type="submit" class="button-secondary js-hide">'
            f'{find}</button>\n        </div>\n'
            f'        <p id="fs-{n}-hint" class="visually-hidden">'
            f'{hint}</p>\n        <ul id="fs-{n}" class="suggestions" aria-live="polite">'),
        form_close=f'</ul>\n        <p class="suggest-note muted">{counts}</p>\n',
    )


def _op(facet: FacetView, lang: Lang) -> str:
    """The any/all switch of an entity facet with two or more values ticked."""
    _ = lang.gettext
    url = escape_output(facet.op_url)
    any_, all_ = format_markup(_("any"), {}), format_markup(_("all"), {})
    with_ = format_markup(_("Articles with"), {})
    switch = (f'<a href="{url}">{any_}</a> · <strong aria-current="true">{all_}</strong>'
              if facet.all_of else
              f'<strong aria-current="true">{any_}</strong> · <a href="{url}">{all_}</a>')
    return (f'      <p class="facet-op" id="facet-{escape_output(facet.name)}-op">'
            f'{with_}\n{switch}'
            f"        {facet.words.of_the_ticked}</p>\n")


def _fewer(facet: FacetView, lang: Lang) -> str:
    """The link back to the first values of an expanded facet (and the note of its limit)."""
    _ = lang.gettext
    top = _("Top %(num)s shown; search to find others.")
    note = (f'<p class="muted facet-note">{format_markup(top, {"num": len(facet.values)})}</p>'
            if facet.truncated else "")
    fewer = format_markup(_("Show fewer"), {})
    return (f'{note}      <a class="facet-more" href="{escape_output(facet.less_url)}">'
            f'{fewer}</a>\n')


def _suggestions(facet: FacetView, lang: Lang) -> str:
    """The value search's matches (or the line saying there are none), on one line."""
    out = []
    for s in facet.search_results:
        value = escape_output(s.value)
        current = ' aria-current="true"' if s.selected else ""
        out.append(f'<li><a href="{escape_output(s.url)}" title="{value}"{current}>'
                   f'<span class="facet-value">{value}</span> '
                   f'<span class="facet-count">{escape_output(s.count)}</span></a></li>')
    if facet.search_open and facet.search_prefix and not facet.search_results:
        none = format_markup(lang.gettext("No %(facet)s match “%(prefix)s”."),
                             {"facet": facet.label.lower(), "prefix": facet.search_prefix})
        out.append(f'<li class="muted">{none}</li>')
    return "".join(out)


def facet_sections_html(facets: Sequence[FacetView], hidden_all: Sequence[tuple[str, str]],
                        trends: Mapping[str, str], lang: Lang) -> Markup:
    """Each facet's ``<section>``; ``hidden_all``: the page's state its value search's form
    keeps, ``trends``: the "trend top values" link of the facets that have one."""
    hidden = "".join(f'        <input type="hidden" name="{escape_output(k)}" '
                     f'value="{escape_output(v)}">\n' for k, v in hidden_all)
    frames = _frames(lang)
    out = []
    for facet in facets:
        frame = frames[facet.name, facet.label, facet.singular]
        out.append(frame.heading)
        if facet.selected_count:
            ticked = format_markup(lang.gettext("%(num)s selected"),
                                   {"num": facet.selected_count})
            out.append(f' <span class="facet-selected">{ticked}</span>')
        out.append("</h3>\n")
        if facet.op_url:
            out.append(_op(facet, lang))
        if facet.values:
            out += (frame.values_open, facet.values_html, frame.values_close)
        else:
            out.append(frame.no_values)
        trend = trends.get(facet.name)
        if trend is not None:
            out += ('      <a class="facet-trend" href="', escape_output(trend), frame.trend)
        if facet.more_url:
            out += ('      <a class="facet-more" href="', escape_output(facet.more_url),
                    frame.more)
        elif facet.less_url:
            out.append(_fewer(facet, lang))
        out += (frame.form_open, hidden, frame.prefix_open, escape_output(facet.search_prefix),
                frame.suggestions_open)
        if facet.search_results or facet.search_open:
            out.append(_suggestions(facet, lang))
        out.append(frame.form_close)
        if facet.search_open:
            close = format_markup(lang.gettext("Close search"), {})
            out.append(f'        <a class="facet-search-close" '
                       f'href="{escape_output(facet.search_close_url)}">{close}</a>\n')
        out.append("      </form>\n    </section>\n")
    return Markup("".join(out))
