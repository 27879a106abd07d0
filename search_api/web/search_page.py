"""The search page's view model: :func:`build_search_page` runs the search (the same
:func:`search_api.service.search` call the JSON API makes, with the same parameter names, so
``/?q=banjir&person=X`` and ``/search?q=banjir&person=X`` count the same results) and turns its
answer into a :class:`~search_api.web.views.SearchPage`."""

from __future__ import annotations

import math
import time
from dataclasses import replace
from typing import Final

from search_api.backends import Backend
from search_api.i18n import N_, Lang
from search_api.params import (
    DEFAULT_FACET_SIZE,
    MAX_RESULT_WINDOW,
    EntitiesRequest,
    SearchRequest,
)
from search_api.results import Hit, SearchResponse
from search_api.web.facet_values import facet_words, values_html
from search_api.web.fmt import fmt_count, fmt_datetime, fmt_day
from search_api.web.histogram import build_histogram, newest_day
from search_api.web.hit_list import hits_html
from search_api.web.state import (
    DATE_DROP,
    FACET_BY_NAME,
    FACETS,
    MORE_FACET_SIZE,
    Links,
    PageState,
    article_path,
    article_query,
    default_sort,
    drop_token,
    state_request,
)
from search_api.web.story_views import story_line
from search_api.web.views import (
    Chip,
    FacetView,
    HitView,
    Link,
    Pager,
    Relaxation,
    SearchPage,
    SuggestionView,
)

SUGGESTION_SIZE: Final = 12  # facet value search matches listed without JavaScript
PAGER_RADIUS: Final = 2  # page links either side of the current page
RELAX_BUDGET_S: Final = 0.5  # time the zero-result advice may take to count its suggestions
RELAX_LABEL_VALUES: Final = 3  # filter values named in one suggestion
SORT_LABELS: Final = {"relevance": N_("Relevance"), "recent": N_("Recent"),
                      "newest": N_("Newest"), "oldest": N_("Oldest")}


def _facet_views(
    state: PageState,
    links: Links,
    response: SearchResponse,
    holder: Backend,
    lang: Lang,
) -> tuple[FacetView, ...]:
    views = []
    search_close_url = links.closed()
    selected_of = dict(state.filters)
    for spec in FACETS:
        expanded = spec.name in state.more
        all_values = response.facets.terms(spec.name)
        limit = MORE_FACET_SIZE if expanded else DEFAULT_FACET_SIZE
        shown = [v for i, v in enumerate(all_values) if i < limit or v.selected]
        has_more = len(shown) < len(all_values)
        values = tuple(shown)
        search_open = state.fq_type == spec.name
        chosen = selected_of.get(spec.name, ())
        results: tuple[SuggestionView, ...] = ()
        if search_open and state.fq:
            found = holder.entities(
                EntitiesRequest(spec.name, state.fq, SUGGESTION_SIZE)
            )
            selected = set(chosen)
            results = tuple(
                SuggestionView(
                    value=e.value,
                    count=fmt_count(e.count, lang),
                    selected=e.value in selected,
                    url=state.added(spec.name, e.value).url,
                )
                for e in found.values
            )
        label, singular = lang.gettext(spec.label), lang.gettext(spec.singular)
        views.append(
            FacetView(
                name=spec.name,
                label=label,
                singular=singular,
                words=facet_words(label, singular, lang),
                values=values,
                values_html=values_html(spec.name, values, lang),
                selected_count=len(chosen),
                all_of=spec.name in state.all_of,
                op_url=(state.with_all_of(spec.name, spec.name not in state.all_of).url
                        if spec.entity_type and len(chosen) >= 2 else None),
                more_url=links.expanded(spec.name, True) if has_more else None,
                less_url=links.expanded(spec.name, False) if expanded else None,
                truncated=expanded and len(all_values) >= MORE_FACET_SIZE,
                search_prefix=state.fq if search_open else "",
                search_open=search_open,
                search_results=results,
                search_close_url=search_close_url,
            )
        )
    return tuple(views)


def _removals(state: PageState, lang: Lang) -> list[tuple[Chip, PageState]]:
    """Each active filter as a chip, with the state that drops it."""
    out: list[tuple[Chip, PageState]] = []
    for name, values in state.filters:
        spec = FACET_BY_NAME[name]
        for v in values:
            without = state.toggled(name, v)
            out.append((Chip(lang.gettext(spec.singular), v, drop_token(name, v)), without))
    if state.date_from or state.date_to:
        without = state.with_dates(None, None)
        out.append((Chip(lang.gettext("date"), _date_label(state, lang), DATE_DROP), without))
    return out


def _date_label(state: PageState, lang: Lang) -> str:
    if state.date_from and state.date_to:
        return (fmt_day(state.date_from, lang) if state.date_from == state.date_to
                else f"{fmt_day(state.date_from, lang)} – {fmt_day(state.date_to, lang)}")
    if state.date_from:
        return lang.gettext("from %(day)s") % {"day": fmt_day(state.date_from, lang)}
    assert state.date_to is not None
    return lang.gettext("until %(day)s") % {"day": fmt_day(state.date_to, lang)}


def _relaxation_candidates(state: PageState, lang: Lang) -> list[tuple[str, PageState]]:
    """One candidate per constraint: each facet's whole filter, the date range, the query.

    Dropping one of several ORed values can only shrink an empty result; dropping a whole
    constraint can turn it into some (for AND'ed values, ``person_op=and``, so could dropping
    one of them: the whole facet stands for those). So there are at most len(FACETS) + 2
    candidates, however many values the URL selects."""
    out: list[tuple[str, PageState]] = []
    for name, values in state.filters:
        spec = FACET_BY_NAME[name]
        shown = ", ".join(values[:RELAX_LABEL_VALUES])
        more = lang.gettext(" and %(n)s more") % {
            "n": fmt_count(len(values) - RELAX_LABEL_VALUES, lang)} if len(
            values) > RELAX_LABEL_VALUES else ""
        out.append((lang.gettext(spec.singular) + f": {shown}{more}", state.without_facet(name)))
    if state.date_from or state.date_to:
        date_word = lang.gettext("date")
        out.append((f"{date_word}: {_date_label(state, lang)}", state.with_dates(None, None)))
    if state.q and out:
        query_word = lang.gettext("query")
        out.append((f"{query_word}: {state.q}", state.without_query()))
    return out


def _relaxations(
    holder: Backend, state: PageState, base: SearchRequest, lang: Lang
) -> tuple[Relaxation, ...]:
    """What dropping one constraint would give, counted with count-only queries within
    ``RELAX_BUDGET_S``; suggestions that would give nothing are not shown."""
    deadline = time.monotonic() + RELAX_BUDGET_S
    out = []
    for label, without in _relaxation_candidates(state, lang):
        if time.monotonic() > deadline:
            break
        n = holder.count(state_request(without, base))
        if n:
            out.append(Relaxation(label, without.url, n, fmt_count(n, lang)))
    out.sort(key=lambda r: -r.count)
    return tuple(out)


def build_pager(state: PageState, total: int, size: int, links: Links | None = None) -> Pager:
    reachable = min(total, MAX_RESULT_WINDOW)
    last = max(1, math.ceil(reachable / size))
    current = min(state.page, last) if total else state.page
    window = range(max(1, current - PAGER_RADIUS), min(last, current + PAGER_RADIUS) + 1)
    numbers = sorted({1, last, *window})
    at = (links or Links(state)).at_page
    pages: list[Link | None] = []
    previous = 0
    for n in numbers:
        if n - previous > 1:
            pages.append(None)
        pages.append(Link(str(n), at(n), active=n == current))
        previous = n
    return Pager(
        prev_url=at(current - 1) if current > 1 else None,
        next_url=at(current + 1) if current < last else None,
        pages=tuple(pages) if last > 1 else (),
        current=current,
        last=last,
    )


def _sorts(state: PageState, links: Links, lang: Lang) -> tuple[Link, ...]:
    current = state.sort or default_sort(state.q)
    options = ("relevance", "recent", "newest", "oldest") if state.q else ("newest", "oldest")
    return tuple(
        Link(
            lang.gettext(SORT_LABELS[name]),
            links.with_sort(None if name == default_sort(state.q) else name),
            active=name == current,
        )
        for name in options
    )


def _hit_view(hit: Hit, back: str, lang: Lang) -> HitView:
    """A hit; ``back`` is the page's :func:`article_query`, the same for every hit."""
    return HitView(
        id=hit.id,
        url=article_path(hit.id) + back,
        title_html=hit.title_html,
        snippet_html=hit.snippet_html,
        source=hit.source,
        category=hit.category,
        date_label=fmt_datetime(hit.date, lang),
        date_iso=hit.date or "",
        story=story_line(hit.story, hit.id, hit.source, lang),
    )


def build_search_page(
    holder: Backend, state: PageState, request: SearchRequest, lang: Lang
) -> SearchPage:
    answer = holder.page_search(request)
    response = answer.response
    # Filter values as the index writes them ("joko widodo" is "Joko Widodo"), so the chips,
    # the ticked boxes and their links name the values the facets list.
    indexed = answer.indexed.filters
    filters = tuple((f.name, indexed[f.name]) for f in FACETS if indexed.get(f.name))
    if filters != state.filters:
        state = replace(state, filters=filters)
    removals = _removals(state, lang)
    relaxations = (
        _relaxations(holder, state, request, lang) if response.total == 0 else ()
    )
    first = request.offset + 1 if response.hits else 0
    # The state's pairs but the page and the facet value search (as at page 1, search closed).
    hidden_all = tuple((k, v) for k, v in state.pairs() if k not in ("page", "fq_type", "fq"))
    back = article_query(state)
    links = Links(state)
    hits = tuple(_hit_view(h, back, lang) for h in response.hits)
    return SearchPage(
        state=state,
        hidden_filters=tuple(
            (k, v) for k, v in hidden_all if k not in ("q", "sort", "page", "lang")
        ),
        hidden_all=hidden_all,
        hidden_dates=tuple((k, v) for k, v in hidden_all if k not in ("from", "to")),
        apply_hidden=tuple((k, v) for k, v in hidden_all if k not in FACET_BY_NAME),
        total=response.total,
        total_label=fmt_count(response.total, lang),
        matched_all=response.matched == "all",
        stories=response.stories,
        stories_label=fmt_count(response.stories, lang),
        took_ms=f"{response.took_ms:.0f}",
        hits=hits,
        hits_html=hits_html(hits, lang),
        first_index=first,
        last_index=request.offset + len(response.hits),
        sorts=_sorts(state, links, lang),
        chips=tuple(chip for chip, _ in removals),
        clear_url=state.cleared().url if removals else None,
        relaxations=relaxations,
        facets=_facet_views(state, links, response, holder, lang),
        histogram=build_histogram(state, response.facets.date,
                                  newest_day(holder, answer.cache), lang, links),
        pager=build_pager(state, response.stories, request.size, links),
        first_page_url=links.at_page(1),
        suggestion=(Link(response.suggestion, replace(state, q=response.suggestion, page=1).url)
                    if response.suggestion else None),
    )
