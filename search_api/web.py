"""The HTML interface: a search page at ``/`` and article pages, rendered on the server.

Every state of the page (query, filters, date range, sort, page, expanded facets, a facet value
search) lives in the URL's query string, so every change is a navigation to a GET URL and the
page works without JavaScript; ``static/warta.js`` only shortens some of those navigations.

This module computes *view models* (frozen dataclasses that already carry every URL a link or
a checkbox needs); the templates in ``templates/`` only loop and print them. The search itself is
:func:`search_api.service.search`, the same call the JSON API makes, with the same parameter
names, so ``/?q=banjir&person=X`` and ``/search?q=banjir&person=X`` count the same results.

Wiring: :func:`install` adds ``/`` and ``/static`` to an app and sets its HTML article hook to
:func:`render_article`. Nothing happens at import time; the Jinja2 environment is created by
:func:`install` (autoescape on everywhere).
"""

from __future__ import annotations

import math
import re
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Final
from urllib.parse import parse_qsl, quote, urlencode

import jinja2
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from indexer import schema as S
from search_api import facets as F
from search_api import service
from search_api.params import (
    DEFAULT_FACET_SIZE,
    DEFAULT_SIZE,
    MAX_PREFIX_CHARS,
    MAX_RESULT_WINDOW,
    SearchRequest,
    ValidationError,
    parse_search_params,
)

PACKAGE_DIR: Final = Path(__file__).resolve().parent
TEMPLATE_DIR: Final = PACKAGE_DIR / "templates"
STATIC_DIR: Final = PACKAGE_DIR / "static"

MORE_FACET_SIZE: Final = 50  # values listed by an expanded ("more") facet
SUGGESTION_SIZE: Final = 12  # facet value search matches listed without JavaScript
PAGER_RADIUS: Final = 2  # page links either side of the current page
MAX_TICKS: Final = 6  # labelled bars under the histogram
PRESET_DAYS: Final = (7, 30)

_MONTHS: Final = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_PARAGRAPH_RE = re.compile(r"\n\s*\n|\r\n\s*\r\n")
_ID_RE = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class FacetSpec:
    name: str  # the parameter / index field
    label: str  # heading: "People"
    singular: str  # chip: "person"


FACETS: Final = (
    FacetSpec(S.PERSON, "People", "person"),
    FacetSpec(S.ORG, "Organisations", "organisation"),
    FacetSpec(S.PLACE, "Places", "place"),
    FacetSpec(S.SOURCE, "Outlets", "outlet"),
    FacetSpec(S.CATEGORY, "Categories", "category"),
)
FACET_BY_NAME: Final = {f.name: f for f in FACETS}
# Article entity keys ("PER", ...) -> facet parameter and heading.
ENTITY_GROUPS: Final = tuple((key, FACET_BY_NAME[name]) for key, name in S.ENTITY_FIELDS.items())


# -- URL state ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PageState:
    """Everything the search page shows, as it is written in the URL (canonical order)."""

    q: str = ""
    filters: tuple[tuple[str, tuple[str, ...]], ...] = ()  # FACETS order, non-empty only
    date_from: date | None = None
    date_to: date | None = None
    sort: str | None = None  # only when it differs from the default for ``q``
    size: int | None = None  # only when it differs from DEFAULT_SIZE
    page: int = 1
    more: tuple[str, ...] = ()  # expanded facets
    fq_type: str | None = None  # facet value search (without JavaScript)
    fq: str = ""

    def selected(self, facet: str) -> tuple[str, ...]:
        return dict(self.filters).get(facet, ())

    def pairs(self) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        if self.q:
            out.append(("q", self.q))
        for name, values in self.filters:
            out.extend((name, v) for v in values)
        if self.date_from:
            out.append(("from", self.date_from.isoformat()))
        if self.date_to:
            out.append(("to", self.date_to.isoformat()))
        if self.sort:
            out.append(("sort", self.sort))
        if self.size:
            out.append(("size", str(self.size)))
        out.extend(("more", m) for m in self.more)
        if self.fq_type:
            out.append(("fq_type", self.fq_type))
            out.append(("fq", self.fq))
        if self.page > 1:
            out.append(("page", str(self.page)))
        return out

    @property
    def url(self) -> str:
        pairs = self.pairs()
        return "/?" + urlencode(pairs) if pairs else "/"

    @property
    def query_string(self) -> str:
        return urlencode(self.pairs())

    # Every navigation below returns to page 1 and closes the facet value search, except
    # ``at_page`` (keeps everything) and ``expanded`` (keeps the page).

    def _nav(self, **changes: Any) -> PageState:
        return replace(self, page=1, fq_type=None, fq="", **changes)

    def _with_values(self, facet: str, values: Sequence[str]) -> PageState:
        current = dict(self.filters)
        current[facet] = tuple(values)
        filters = tuple(
            (f.name, current[f.name]) for f in FACETS if current.get(f.name)
        )
        return self._nav(filters=filters)

    def toggled(self, facet: str, value: str) -> PageState:
        values = self.selected(facet)
        if value in values:
            return self._with_values(facet, [v for v in values if v != value])
        return self._with_values(facet, [*values, value])

    def added(self, facet: str, value: str) -> PageState:
        values = self.selected(facet)
        return self._with_values(facet, [*values] if value in values else [*values, value])

    def with_dates(self, lo: date | None, hi: date | None) -> PageState:
        return self._nav(date_from=lo, date_to=hi)

    def with_sort(self, sort: str | None) -> PageState:
        return self._nav(sort=sort)

    def without_query(self) -> PageState:
        return self._nav(q="", sort=None)

    def cleared(self) -> PageState:
        """Every filter and the date range removed; the query, sort and size kept."""
        return PageState(q=self.q, sort=self.sort, size=self.size, more=self.more)

    def at_page(self, page: int) -> PageState:
        return replace(self, page=page)

    def expanded(self, facet: str, on: bool) -> PageState:
        chosen = (set(self.more) | {facet}) if on else (set(self.more) - {facet})
        more = tuple(f.name for f in FACETS if f.name in chosen)
        return replace(self, more=more, fq_type=None, fq="")

    def searching(self, facet: str) -> PageState:
        return replace(self, fq_type=facet)


def _default_sort(q: str) -> str:
    return "relevance" if q else "newest"


def parse_state(pairs: Sequence[tuple[str, str]]) -> tuple[PageState, SearchRequest]:
    """The page state and the service request of a query string (:class:`ValidationError`)."""
    request = parse_search_params(pairs)
    params: dict[str, list[str]] = {}
    for k, v in pairs:
        params.setdefault(k, []).append(v)
    more = tuple(f.name for f in FACETS if f.name in params.get("more", ()))
    fq_type = (params.get("fq_type") or [""])[-1].strip().lower()
    fq = (params.get("fq") or [""])[-1].strip()[:MAX_PREFIX_CHARS]
    state = PageState(
        q=request.q,
        filters=tuple((f.name, request.selected(f.name)) for f in FACETS
                      if request.selected(f.name)),
        date_from=request.date_from,
        date_to=request.date_to,
        sort=request.sort if request.sort != _default_sort(request.q) else None,
        size=request.size if request.size != DEFAULT_SIZE else None,
        page=request.page,
        more=more,
        fq_type=fq_type if fq_type in FACET_BY_NAME else None,
        fq=fq if fq_type in FACET_BY_NAME else "",
    )
    # One more value than shown tells whether a "more" link is needed.
    facet_size = MORE_FACET_SIZE if more else DEFAULT_FACET_SIZE + 1
    return state, replace(request, facet_size=facet_size)


def state_request(state: PageState, base: SearchRequest) -> SearchRequest:
    """The service request for ``state`` (used to count what removing a filter would give)."""
    return replace(
        base,
        q=state.q,
        filters=dict(state.filters),
        date_from=state.date_from,
        date_to=state.date_to,
        sort=state.sort or _default_sort(state.q),  # type: ignore[arg-type]
        page=1,
    )


# -- formatting ---------------------------------------------------------------------------------


def fmt_count(n: int) -> str:
    return f"{n:,}"


def _parse_iso(iso: str | None) -> datetime | None:
    if not iso:
        return None
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        return None


def fmt_day(d: date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def fmt_datetime(iso: str | None) -> str:
    """"15 Sep 2019, 08:05" (WIB, as the service gives it); the date alone at midnight."""
    dt = _parse_iso(iso)
    if dt is None:
        return "Undated" if not iso else iso
    day = fmt_day(dt.date())
    if dt.hour == 0 and dt.minute == 0:
        return day
    return f"{day}, {dt.hour:02d}:{dt.minute:02d}"


def article_url(doc_id: str, back: PageState | None = None) -> str:
    url = "/articles/" + quote(doc_id, safe="")
    if back is not None and back.pairs():
        url += "?" + urlencode({"back": back.query_string})
    return url


def html_id(*parts: str) -> str:
    """A readable, unique-enough element id for a facet value."""
    text = "-".join(_ID_RE.sub("-", p.lower()).strip("-") for p in parts)
    digest = zlib.crc32("\x00".join(parts).encode()) % 100_000
    return f"{text[:40]}-{digest}"


# -- view models --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Link:
    label: str
    url: str
    active: bool = False


@dataclass(frozen=True, slots=True)
class FacetValueView:
    value: str
    n: int
    count: str
    selected: bool
    url: str  # the page with this value toggled
    id: str


@dataclass(frozen=True, slots=True)
class SuggestionView:
    value: str
    count: str
    selected: bool
    url: str  # the page with this value added


@dataclass(frozen=True, slots=True)
class FacetView:
    name: str
    label: str
    singular: str
    values: tuple[FacetValueView, ...]
    selected_count: int
    more_url: str | None  # show more values
    less_url: str | None  # show fewer
    truncated: bool  # the expanded list hit its limit: searching finds the rest
    search_prefix: str
    search_open: bool
    search_results: tuple[SuggestionView, ...]
    search_close_url: str


@dataclass(frozen=True, slots=True)
class Chip:
    kind: str  # "person", "date"
    value: str
    remove_url: str


@dataclass(frozen=True, slots=True)
class Relaxation:
    """Zero results: what dropping one filter would give."""

    label: str
    url: str
    count: int
    count_label: str


@dataclass(frozen=True, slots=True)
class Bar:
    label: str  # "15 Sep 2019" / "Sep 2019"
    tick: str  # axis label under the bar ("" for most bars)
    count: int
    count_label: str
    height: float  # percent of the tallest bar
    url: str | None  # None for an empty bar
    date_from: str
    date_to: str


@dataclass(frozen=True, slots=True)
class Histogram:
    granularity: str  # "day" | "month"
    bars: tuple[Bar, ...]
    undated: int
    undated_label: str
    presets: tuple[Link, ...]
    range_url: str  # the page without any date range (the JS adds from/to to it)
    date_from: str
    date_to: str
    newest: str  # newest day of the corpus, for the date inputs' max


@dataclass(frozen=True, slots=True)
class HitView:
    id: str
    url: str
    title_html: str  # escaped by the service, only <mark> unescaped
    snippet_html: str  # idem
    source: str
    category: str
    date_label: str
    date_iso: str
    duplicates: int


@dataclass(frozen=True, slots=True)
class Pager:
    prev_url: str | None
    next_url: str | None
    pages: tuple[Link | None, ...]  # None is a gap
    current: int
    last: int


@dataclass(frozen=True, slots=True)
class SearchPage:
    state: PageState
    hidden_filters: tuple[tuple[str, str], ...]  # for the search form: keep filters and dates
    hidden_all: tuple[tuple[str, str], ...]  # for the other forms: keep everything but page
    hidden_dates: tuple[tuple[str, str], ...]  # for the date range form: all but from/to
    total: int
    total_label: str
    took_ms: str
    hits: tuple[HitView, ...]
    first_index: int
    last_index: int
    sorts: tuple[Link, ...]
    chips: tuple[Chip, ...]
    clear_url: str | None
    relaxations: tuple[Relaxation, ...]
    facets: tuple[FacetView, ...]
    histogram: Histogram
    pager: Pager
    first_page_url: str
    apply_hidden: tuple[tuple[str, str], ...]  # the facet checkbox form: all but the facets


def _facet_views(
    state: PageState,
    response: service.SearchResponse,
    holder: service.SearcherHolder,
) -> tuple[FacetView, ...]:
    views = []
    for spec in FACETS:
        expanded = spec.name in state.more
        all_values = response.facets.terms(spec.name)
        limit = MORE_FACET_SIZE if expanded else DEFAULT_FACET_SIZE
        shown = [v for i, v in enumerate(all_values) if i < limit or v.selected]
        has_more = len(shown) < len(all_values)
        values = tuple(
            FacetValueView(
                value=v.value,
                n=v.count,
                count=fmt_count(v.count),
                selected=v.selected,
                url=state.toggled(spec.name, v.value).url,
                id=html_id(spec.name, v.value),
            )
            for v in shown
        )
        search_open = state.fq_type == spec.name
        results: tuple[SuggestionView, ...] = ()
        if search_open and state.fq:
            found = service.entities(
                holder, service.EntitiesRequest(spec.name, state.fq, SUGGESTION_SIZE)
            )
            selected = set(state.selected(spec.name))
            results = tuple(
                SuggestionView(
                    value=e.value,
                    count=fmt_count(e.count),
                    selected=e.value in selected,
                    url=state.added(spec.name, e.value).url,
                )
                for e in found.values
            )
        views.append(
            FacetView(
                name=spec.name,
                label=spec.label,
                singular=spec.singular,
                values=values,
                selected_count=len(state.selected(spec.name)),
                more_url=state.expanded(spec.name, True).url if has_more else None,
                less_url=state.expanded(spec.name, False).url if expanded else None,
                truncated=expanded and len(all_values) >= MORE_FACET_SIZE,
                search_prefix=state.fq if search_open else "",
                search_open=search_open,
                search_results=results,
                search_close_url=replace(state, fq_type=None, fq="").url,
            )
        )
    return tuple(views)


def _removals(state: PageState) -> list[tuple[Chip, PageState]]:
    """Each active filter as a chip, with the state that drops it."""
    out: list[tuple[Chip, PageState]] = []
    for name, values in state.filters:
        spec = FACET_BY_NAME[name]
        for v in values:
            without = state.toggled(name, v)
            out.append((Chip(spec.singular, v, without.url), without))
    if state.date_from or state.date_to:
        if state.date_from and state.date_to:
            label = (fmt_day(state.date_from) if state.date_from == state.date_to
                     else f"{fmt_day(state.date_from)} – {fmt_day(state.date_to)}")
        elif state.date_from:
            label = f"from {fmt_day(state.date_from)}"
        else:
            assert state.date_to is not None
            label = f"until {fmt_day(state.date_to)}"
        without = state.with_dates(None, None)
        out.append((Chip("date", label, without.url), without))
    return out


def _count(holder: service.SearcherHolder, state: PageState, base: SearchRequest) -> int:
    request = replace(state_request(state, base), size=1, facet_size=0)
    return service.search(holder, request).total


def _relaxations(
    holder: service.SearcherHolder,
    state: PageState,
    base: SearchRequest,
    removals: Sequence[tuple[Chip, PageState]],
) -> tuple[Relaxation, ...]:
    candidates = [(f"{chip.kind}: {chip.value}", without) for chip, without in removals]
    if state.q and removals:
        candidates.append((f"query: {state.q}", state.without_query()))
    out = []
    for label, without in candidates:
        n = _count(holder, without, base)
        out.append(Relaxation(label, without.url, n, fmt_count(n)))
    out.sort(key=lambda r: -r.count)
    return tuple(out)


def _month_end(d: date) -> date:
    nxt = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def _bucket_range(key: str) -> tuple[date, date] | None:
    """The first and last day of a date facet bucket ("YYYY-MM-DD" or "YYYY-MM")."""
    try:
        if len(key) == 10:
            d = date.fromisoformat(key)
            return d, d
        if len(key) == 7:
            d = date.fromisoformat(key + "-01")
            return d, _month_end(d)
    except ValueError:
        return None
    return None


def newest_day(holder: service.SearcherHolder) -> date | None:
    """The newest publication day (WIB) in the whole index (memoised per index generation)."""
    snap = holder.snapshot()
    key = "web:newest_day"
    if key not in snap.cache:
        response = service.search(holder, SearchRequest(sort="newest", size=1, facet_size=0))
        dt = _parse_iso(response.hits[0].date) if response.hits else None
        snap.cache[key] = dt.date() if dt else None
    cached: date | None = snap.cache[key]
    return cached


def build_histogram(
    state: PageState, buckets: Sequence[F.DateBucket], newest: date | None
) -> Histogram:
    undated = sum(b.count for b in buckets if b.key == F.UNDATED_KEY)
    counts: dict[date, tuple[date, int]] = {}
    granularity = "day"
    for b in buckets:
        rng = _bucket_range(b.key)
        if rng is None:
            continue
        counts[rng[0]] = (rng[1], b.count)
        if len(b.key) == 7:
            granularity = "month"
    bars: list[Bar] = []
    if counts:
        top = max(c for _, c in counts.values())
        start, stop = min(counts), max(counts)
        cursor = start
        while cursor <= stop:
            month = _MONTHS[cursor.month - 1]
            if granularity == "day":
                end, label, step = cursor, fmt_day(cursor), cursor + timedelta(days=1)
                tick = f"{cursor.day} {month}"
            else:
                end = _month_end(cursor)
                label = f"{month} {cursor.year}"
                tick = label if cursor == start or cursor.month == 1 else month
                step = end + timedelta(days=1)
            n = counts.get(cursor, (end, 0))[1]
            height = 0.0 if n == 0 else max(round(100 * n / top, 1), 3.0)
            bars.append(
                Bar(
                    label=label,
                    tick=tick,
                    count=n,
                    count_label=fmt_count(n),
                    height=height,
                    url=state.with_dates(cursor, end).url if n else None,
                    date_from=cursor.isoformat(),
                    date_to=end.isoformat(),
                )
            )
            cursor = step
        every = max(1, math.ceil(len(bars) / MAX_TICKS))
        bars = [b if i % every == 0 else replace(b, tick="") for i, b in enumerate(bars)]
    presets: list[Link] = []
    if newest is not None:
        for days in PRESET_DAYS:
            lo = newest - timedelta(days=days - 1)
            presets.append(
                Link(
                    f"Last {days} days",
                    state.with_dates(lo, newest).url,
                    active=(state.date_from, state.date_to) == (lo, newest),
                )
            )
    no_dates = state.with_dates(None, None)
    presets.append(
        Link("All time", no_dates.url, active=not state.date_from and not state.date_to)
    )
    return Histogram(
        granularity=granularity,
        bars=tuple(bars),
        undated=undated,
        undated_label=fmt_count(undated),
        presets=tuple(presets),
        range_url=no_dates.url,
        date_from=state.date_from.isoformat() if state.date_from else "",
        date_to=state.date_to.isoformat() if state.date_to else "",
        newest=newest.isoformat() if newest else "",
    )


def build_pager(state: PageState, total: int, size: int) -> Pager:
    reachable = min(total, MAX_RESULT_WINDOW)
    last = max(1, math.ceil(reachable / size))
    current = min(state.page, last) if total else state.page
    window = range(max(1, current - PAGER_RADIUS), min(last, current + PAGER_RADIUS) + 1)
    numbers = sorted({1, last, *window})
    pages: list[Link | None] = []
    previous = 0
    for n in numbers:
        if n - previous > 1:
            pages.append(None)
        pages.append(Link(str(n), state.at_page(n).url, active=n == current))
        previous = n
    return Pager(
        prev_url=state.at_page(current - 1).url if current > 1 else None,
        next_url=state.at_page(current + 1).url if current < last else None,
        pages=tuple(pages) if last > 1 else (),
        current=current,
        last=last,
    )


def _sorts(state: PageState) -> tuple[Link, ...]:
    current = state.sort or _default_sort(state.q)
    options = ("relevance", "newest", "oldest") if state.q else ("newest", "oldest")
    return tuple(
        Link(
            name.capitalize(),
            state.with_sort(None if name == _default_sort(state.q) else name).url,
            active=name == current,
        )
        for name in options
    )


def _hit_view(hit: service.Hit, state: PageState) -> HitView:
    return HitView(
        id=hit.id,
        url=article_url(hit.id, state),
        title_html=hit.title_html,
        snippet_html=hit.snippet_html,
        source=hit.source,
        category=hit.category,
        date_label=fmt_datetime(hit.date) if hit.date else "Undated",
        date_iso=hit.date or "",
        duplicates=hit.duplicates,
    )


def build_search_page(
    holder: service.SearcherHolder, state: PageState, request: SearchRequest
) -> SearchPage:
    response = service.search(holder, request)
    removals = _removals(state)
    relaxations = (
        _relaxations(holder, state, request, removals) if response.total == 0 else ()
    )
    first = request.offset + 1 if response.hits else 0
    base = replace(state, page=1, fq_type=None, fq="")
    hidden_all = tuple(base.pairs())
    return SearchPage(
        state=state,
        hidden_filters=tuple(
            (k, v) for k, v in base.pairs() if k not in ("q", "sort", "page")
        ),
        hidden_all=hidden_all,
        hidden_dates=tuple((k, v) for k, v in hidden_all if k not in ("from", "to")),
        apply_hidden=tuple((k, v) for k, v in hidden_all if k not in FACET_BY_NAME),
        total=response.total,
        total_label=fmt_count(response.total),
        took_ms=f"{response.took_ms:.0f}",
        hits=tuple(_hit_view(h, state) for h in response.hits),
        first_index=first,
        last_index=request.offset + len(response.hits),
        sorts=_sorts(state),
        chips=tuple(chip for chip, _ in removals),
        clear_url=state.cleared().url if removals else None,
        relaxations=relaxations,
        facets=_facet_views(state, response, holder),
        histogram=build_histogram(state, response.facets.date, newest_day(holder)),
        pager=build_pager(state, response.total, request.size),
        first_page_url=state.at_page(1).url,
    )


@dataclass(frozen=True, slots=True)
class EntityGroup:
    label: str
    links: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class ArticlePage:
    id: str
    title: str
    title_derived: bool
    paragraphs: tuple[str, ...]
    source: str
    source_url: str  # the outlet's filter
    category: str
    category_url: str
    date_label: str
    date_iso: str
    original_url: str
    entities: tuple[EntityGroup, ...]
    back_url: str
    duplicates: int
    duplicate: bool


def back_url(raw: str | None) -> str:
    """The results page to return to, rebuilt from the ``back`` parameter's known names only
    (never an arbitrary URL)."""
    if not raw:
        return "/"
    keep = {"q", "from", "to", "sort", "size", "page", "more", *FACET_BY_NAME}
    pairs = [(k, v) for k, v in parse_qsl(raw[:4000]) if k in keep]
    return "/?" + urlencode(pairs) if pairs else "/"


def paragraphs(body: str) -> tuple[str, ...]:
    parts = (p.strip() for p in _PARAGRAPH_RE.split(body))
    return tuple(" ".join(p.split()) for p in parts if p)


def build_article_page(article: service.Article, back: str | None) -> ArticlePage:
    groups = []
    for key, spec in ENTITY_GROUPS:
        names = article.entities.get(key, ())
        if names:
            links = tuple(Link(n, PageState().added(spec.name, n).url) for n in names)
            groups.append(EntityGroup(spec.label, links))
    return ArticlePage(
        id=article.id,
        title=article.title,
        title_derived=article.title_derived,
        paragraphs=paragraphs(article.body),
        source=article.source,
        source_url=PageState().added(S.SOURCE, article.source).url if article.source else "",
        category=article.category,
        category_url=(
            PageState().added(S.CATEGORY, article.category).url if article.category else ""
        ),
        date_label=fmt_datetime(article.date) if article.date else "Undated",
        date_iso=article.date or "",
        original_url=article.url if article.url.startswith(("http://", "https://")) else "",
        entities=tuple(groups),
        back_url=back_url(back),
        duplicates=article.duplicates,
        duplicate=article.duplicate,
    )


# -- routes -------------------------------------------------------------------------------------


def _templates(request: Request) -> Jinja2Templates:
    templates: Jinja2Templates = request.app.state.web_templates
    return templates


def _holder(request: Request) -> service.SearcherHolder:
    holder: service.SearcherHolder = request.state.holder
    return holder


def _render(
    request: Request, name: str, context: Mapping[str, Any], status: int = 200
) -> Response:
    return _templates(request).TemplateResponse(
        request, name, dict(context), status_code=status
    )


def search_page(request: Request) -> Response:
    pairs = request.query_params.multi_items()
    try:
        state, search_request = parse_state(pairs)
    except ValidationError as exc:
        q = request.query_params.get("q", "")
        return _render(
            request,
            "message.html",
            {"title": "Cannot search", "message": exc.detail, "q": q[:200]},
            status=exc.status,
        )
    try:
        page = build_search_page(_holder(request), state, search_request)
    except service.IndexUnavailable:
        return _render(
            request,
            "message.html",
            {"title": "No index yet", "message": "The search index is not available yet. "
             "Build it with `warta reindex` and reload this page.", "q": state.q},
            status=503,
        )
    return _render(request, "search.html", {"page": page, "q": state.q})


def render_article(request: Request, article: service.Article | None) -> Response:
    """The app's HTML hook for ``GET /articles/{id}`` (called when the browser prefers HTML).
    A browser following a dead link gets an HTML "not found" page; API clients keep JSON."""
    if article is None:
        doc_id = request.path_params.get("doc_id", "")
        return _render(
            request,
            "message.html",
            {"title": "Article not found",
             "message": f"There is no article with id {doc_id!r} in the index.", "q": ""},
            status=404,
        )
    page = build_article_page(article, request.query_params.get("back"))
    return _render(request, "article.html", {"article": page, "q": ""})


def make_templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return Jinja2Templates(env=env)


def routes() -> list[Route | Mount]:
    return [
        Route("/", search_page, methods=["GET"], name="search_page"),
        Mount("/static", app=StaticFiles(directory=STATIC_DIR), name="static"),
    ]


def install(app: Starlette) -> None:
    """Add the HTML pages to ``app`` and make them its article HTML renderer (unless the app
    already has one)."""
    app.state.web_templates = make_templates()
    app.router.routes.extend(routes())
    if getattr(app.state, "article_html", None) is None:
        app.state.article_html = render_article
