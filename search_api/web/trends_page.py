"""The trends page's view model: :func:`build_trends_page` runs :func:`search_api.trends.trends`
and lays out its answer as server-drawn SVG (lines over time, one stacked bar of outlet shares
per series) plus the same numbers as tables, so the page needs neither JavaScript nor a CDN.

Also :func:`monitor_links`: the feed, export and trend URLs of a search, shown on the results.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Final
from urllib.parse import urlencode

from indexer import schema as S
from search_api import trends as T
from search_api.i18n import DEFAULT, Lang
from search_api.web.fmt import fmt_count, fmt_day, fmt_day_range, fmt_month
from search_api.web.quoting import quote_plus
from search_api.web.state import PageState, encode, with_lang
from search_api.web.views import FacetView, Link

# Colour-blind-safe (Okabe-Ito) series colours, and a palette for outlets.
SERIES_COLOURS: Final = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00")
SOURCE_COLOURS: Final = (
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#bab0ac", "#86bcb6",
)
WIDTH: Final = 640
HEIGHT: Final = 240
PAD_LEFT: Final = 44
PAD_RIGHT: Final = 12
PAD_TOP: Final = 10
PAD_BOTTOM: Final = 28
X_LABELS: Final = 6  # bucket labels written under the time axis
BAR_HEIGHT: Final = 22
BAR_GAP: Final = 30


@dataclass(slots=True)
class MonitorLinks:  # a search page's view (search_api.web.views)
    feed: str
    csv: str
    ndjson: str
    trend: str
    facet_trends: Mapping[str, str]  # entity facet -> its top values trended in this search


PAGE_ONLY: Final = frozenset({"page", "size", "more", "fq_type", "fq", "lang"})


def search_query(state: PageState) -> str:
    """The ``/search`` parameters of a page state: all but paging and the page's own state."""
    return encode([(k, v) for k, v in state.pairs() if k not in PAGE_ONLY])


def search_pairs(state: PageState) -> list[tuple[str, str]]:
    """:func:`search_query` as it parses (``parse_qsl`` drops a blank value), without writing
    and parsing it."""
    return [(k, v) for k, v in state.pairs() if k not in PAGE_ONLY and v]


def trend_url(series: Sequence[str], interval: str = "day") -> str:
    """``"/trends?" + urlencode(pairs)`` of the series (and the interval but the default), each
    value quoted once by :func:`quote_plus` (a series is a whole search's query string)."""
    pairs = [("series", s) for s in series]
    if interval != "day":
        pairs.append(("interval", interval))
    return "/trends?" + "&".join(f"{k}={quote_plus(v)}" for k, v in pairs)


def monitor_links(state: PageState, facets: Sequence[FacetView], lang: Lang) -> MonitorLinks:
    qs = search_query(state)
    suffix = f"?{qs}" if qs else ""
    pairs = search_pairs(state)
    trends_of = values_trends(pairs)
    facet_trends = {}
    for facet in facets:
        values = [v.value for v in facet.values if not v.selected][: T.MAX_SERIES]
        if facet.name in S.ENTITY_FACETS and values:
            facet_trends[facet.name] = with_lang(trends_of(facet.name, values), lang)
    # A feed reader sends no Accept-Language: the feed names any language but the default.
    feed_qs = urlencode([*pairs, ("lang", lang.code)]) if lang.code != DEFAULT else qs
    return MonitorLinks("/search.atom" + (f"?{feed_qs}" if feed_qs else ""), f"/search.csv{suffix}",
                        f"/search.ndjson{suffix}", with_lang(trend_url([qs]), lang), facet_trends)


def values_trends(pairs: Sequence[tuple[str, str]]) -> Callable[[str, Sequence[str]], str]:
    """``lambda facet, values: trend_url([urlencode([*pairs, (facet, v)]) for v in values])``,
    with the search's own pairs encoded and quoted once: each series is the same prefix plus
    one pair, and quoting is character by character."""
    base = encode(pairs)
    head = "series=" + quote_plus(base + "&" if base else "")

    def url(facet: str, values: Sequence[str]) -> str:
        return "/trends?" + "&".join(head + _quoted_pair(facet, v) for v in values)

    return url


@lru_cache(maxsize=8_192)
def _quoted_pair(key: str, value: str) -> str:
    return quote_plus(encode([(key, value)]))


@dataclass(frozen=True, slots=True)
class Segment:
    x: float
    width: float
    colour: str
    source: str
    count: str
    percent: str


@dataclass(frozen=True, slots=True)
class SeriesView:
    label: str
    query: str
    colour: str
    total: str
    undated: str
    points: str  # SVG polyline points
    dots: tuple[tuple[float, float, str, str], ...]  # x, y, bucket label, count
    search_url: str
    remove_url: str
    bar_y: float
    segments: tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    y: float
    label: str
    anchor: str = "middle"  # SVG text-anchor: the ends stay inside the chart


@dataclass(frozen=True, slots=True)
class TableRow:
    label: str  # the bucket's days as the page's language writes them
    start: str
    end: str
    counts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TrendsPage:
    interval: str
    intervals: tuple[Link, ...]
    series: tuple[SeriesView, ...]
    inputs: tuple[str, ...]  # the form's series fields (the current ones, then empty ones)
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    rows: tuple[TableRow, ...]
    sources: tuple[tuple[str, str], ...]  # outlet, colour (legend of the bars)
    width: int
    height: int
    bars_height: float
    plot: tuple[float, float, float, float]  # x0, y0, x1, y1 of the plotting area
    empty: bool


def _nice_max(value: int) -> int:
    """The smallest of 1, 2, 5 x 10^k at or above ``value`` (at least 1)."""
    step = 1
    while True:
        for m in (1, 2, 5):
            if m * step >= value:
                return m * step
        step *= 10


def bucket_label(bucket: T.Bucket, interval: str, lang: Lang) -> str:
    """A bucket's days as the page's language writes them: a day, a week's days, a month."""
    start, end = date.fromisoformat(bucket.start), date.fromisoformat(bucket.end)
    if interval == "week":
        return fmt_day_range(start, end, lang)
    return fmt_month(start, lang) if interval == "month" else fmt_day(start, lang)


def _tick_label(bucket: T.Bucket, interval: str, lang: Lang) -> str:
    """Short, under the time axis: a week is named by its Monday."""
    start = date.fromisoformat(bucket.start)
    return fmt_month(start, lang) if interval == "month" else fmt_day(start, lang)


def build_trends_page(
    request: T.TrendsRequest, response: T.TrendsResponse, lang: Lang
) -> TrendsPage:
    queries = [s.query for s in request.series]
    n = len(response.buckets)
    x0, x1 = PAD_LEFT, WIDTH - PAD_RIGHT
    y0, y1 = PAD_TOP, HEIGHT - PAD_BOTTOM
    top = _nice_max(max((c for s in response.series for c in s.counts), default=0))

    def x_at(i: int) -> float:
        return round(x0 + (x1 - x0) * (i / (n - 1) if n > 1 else 0.5), 1)

    def y_at(count: int) -> float:
        return round(y1 - (y1 - y0) * count / top, 1)

    labels = [bucket_label(b, response.interval, lang) for b in response.buckets]
    source_names = list(dict.fromkeys(
        sh.source for s in response.series for sh in s.sources if sh.source != T.OTHER_SOURCE))
    if any(sh.source == T.OTHER_SOURCE for s in response.series for sh in s.sources):
        source_names.append(T.OTHER_SOURCE)
    source_colour = {name: SOURCE_COLOURS[i % len(SOURCE_COLOURS)]
                     for i, name in enumerate(source_names)}

    def source_label(name: str) -> str:
        return lang.gettext(T.OTHER_SOURCE_LABEL) if name == T.OTHER_SOURCE else name

    views = []
    for i, s in enumerate(response.series):
        pts = [(x_at(j), y_at(c)) for j, c in enumerate(s.counts)]
        segments, left = [], float(x0)
        for sh in s.sources:
            width = (x1 - x0) * sh.count / s.total if s.total else 0.0
            segments.append(Segment(round(left, 1), round(width, 1), source_colour[sh.source],
                                    source_label(sh.source), fmt_count(sh.count, lang),
                                    f"{100 * sh.count / s.total:.0f}%" if s.total else "0%"))
            left += width
        others = queries[:i] + queries[i + 1:]
        views.append(SeriesView(
            label=T.describe(request.series[i].request, lang.gettext), query=s.query,
            colour=SERIES_COLOURS[i % len(SERIES_COLOURS)],
            total=fmt_count(s.total, lang), undated=fmt_count(s.undated, lang),
            points=" ".join(f"{x},{y}" for x, y in pts),
            dots=tuple((x, y, labels[j], fmt_count(s.counts[j], lang))
                       for j, (x, y) in enumerate(pts)),
            search_url="/?" + s.query if s.query else "/",
            remove_url=trend_url(others, response.interval) if others else "/trends",
            bar_y=i * (BAR_HEIGHT + BAR_GAP) + 18, segments=tuple(segments),
        ))
    shown = sorted({round(k * (n - 1) / (X_LABELS - 1)) for k in range(X_LABELS)}) if n else []
    x_ticks = tuple(
        Tick(x_at(j), float(y1 + 18), _tick_label(response.buckets[j], response.interval, lang),
             "middle" if n == 1 else "start" if j == 0 else "end" if j == n - 1 else "middle")
        for j in shown)
    y_ticks = tuple(Tick(float(x0 - 6), y_at(v), fmt_count(v, lang))
                    for v in (0, top // 2, top))
    rows = tuple(
        TableRow(labels[j], b.start, b.end,
                 tuple(fmt_count(s.counts[j], lang) for s in response.series))
        for j, b in enumerate(response.buckets)
    )
    return TrendsPage(
        interval=response.interval,
        intervals=tuple(Link(lang.gettext(T.INTERVAL_LABELS.get(iv, iv)),
                             trend_url(queries, iv), iv == response.interval)
                        for iv in T.INTERVALS),
        series=tuple(views),
        inputs=tuple(queries) + ("",) * (T.MAX_SERIES - len(queries)),
        x_ticks=x_ticks, y_ticks=y_ticks, rows=rows,
        sources=tuple((source_label(name), source_colour[name]) for name in source_names),
        width=WIDTH, height=HEIGHT,
        bars_height=len(views) * (BAR_HEIGHT + BAR_GAP) + 4,
        plot=(x0, y0, x1, y1),
        empty=n == 0,
    )
