"""The date histogram under the results: one bar per day or month, and the range presets.

The bars and their axis are written as HTML by one function each (:func:`bars_html`,
:func:`axis_html`): a page shows about ten bars, each ~10 values that the template would look
up, escape and format one by one. The markup is byte for byte what ``templates/search.html``
printed from its loops (tests/test_page_fast_paths.py renders both)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Final

from markupsafe import Markup

from search_api import facets as F
from search_api.backends import Backend
from search_api.i18n import Lang
from search_api.params import SearchRequest
from search_api.web.fmt import fmt_count, fmt_day, fmt_day_month, fmt_month, parse_iso
from search_api.web.remembered import Remembered
from search_api.web.state import Links, PageState
from search_api.web.templating import escape_output, format_markup
from search_api.web.views import Bar, Histogram, Link

MAX_TICKS: Final = 6  # labelled bars under the histogram
PRESET_DAYS: Final = (7, 30)

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


@lru_cache(maxsize=16)
def _slots(by_day: bool, lang: Lang) -> Remembered[date, tuple[date, date, str, str, str, str]]:
    """:func:`_slot` of each first day, for bars of days (``by_day``) or months in ``lang``."""
    return Remembered(lambda first: _slot(first, by_day, lang), 4_096)


@lru_cache(maxsize=8)
def _results_text(lang: Lang) -> Remembered[tuple[int, str], str]:
    """A bar's "12 results" (its count and that count as written), escaped, in ``lang``."""
    return Remembered(lambda key: escape_output(format_markup(
        lang.ngettext("%(num)s result", "%(num)s results", key[0]), {"num": key[1]})), 4_096)


def _slot(first: date, by_day: bool, lang: Lang) -> tuple[date, date, str, str, str, str]:
    """A bar's last day, the next bar's first, its label, its tick (a month's without the year
    but January's), and its days in ISO: the same on every page that shows that day or month."""
    if by_day:
        end, label, tick = first, fmt_day(first, lang), fmt_day_month(first, lang)
    else:
        end, label = _month_end(first), fmt_month(first, lang)
        tick = label if first.month == 1 else fmt_month(first, lang, year=False)
    return end, end + timedelta(days=1), label, tick, first.isoformat(), end.isoformat()


def newest_day(backend: Backend, cache: dict[str, Any]) -> date | None:
    """The newest publication day (WIB) in the whole index (memoised in ``cache``, the memo of
    the index generation being read)."""
    key = "web:newest_day"
    if key not in cache:
        response = backend.search(SearchRequest(sort="newest", size=1, facet_size=0))
        dt = parse_iso(response.hits[0].date) if response.hits else None
        cache[key] = dt.date() if dt else None
    cached: date | None = cache[key]
    return cached


def build_histogram(
    state: PageState, buckets: Sequence[F.DateBucket], newest: date | None, lang: Lang,
    links: Links | None = None,
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
    to_dates = (links or Links(state)).with_dates
    bars: list[Bar] = []
    if counts:
        top = max(c for _, c in counts.values())
        start, stop = min(counts), max(counts)
        n_bars = ((stop - start).days if granularity == "day"
                  else (stop.year - start.year) * 12 + stop.month - start.month) + 1
        every = max(1, math.ceil(n_bars / MAX_TICKS))  # every how many bars a tick is written
        slots = _slots(granularity == "day", lang)
        cursor = start
        while cursor <= stop:
            end, step, label, tick, date_from, date_to = slots[cursor]
            if granularity == "month" and cursor == start:
                tick = label
            n = counts.get(cursor, (end, 0))[1]
            height = 0.0 if n == 0 else max(round(100 * n / top, 1), 3.0)
            bars.append(
                Bar(
                    label=label,
                    tick=tick if len(bars) % every == 0 else "",
                    count=n,
                    count_label=fmt_count(n, lang),
                    height=height,
                    url=to_dates(cursor, end) if n else None,
                    date_from=date_from,
                    date_to=date_to,
                )
            )
            cursor = step
    presets: list[Link] = []
    if newest is not None:
        for days in PRESET_DAYS:
            lo = newest - timedelta(days=days - 1)
            presets.append(
                Link(
                    lang.gettext("Last %(n)s days") % {"n": days},
                    to_dates(lo, newest),
                    active=(state.date_from, state.date_to) == (lo, newest),
                )
            )
    no_dates = to_dates(None, None)
    presets.append(
        Link(lang.gettext("All time"), no_dates,
             active=not state.date_from and not state.date_to)
    )
    return Histogram(
        granularity=granularity,
        bars=tuple(bars),
        bars_html=bars_html(bars, lang),
        axis_html=axis_html(bars),
        undated=undated,
        undated_label=fmt_count(undated, lang),
        presets=tuple(presets),
        range_url=no_dates,
        date_from=state.date_from.isoformat() if state.date_from else "",
        date_to=state.date_to.isoformat() if state.date_to else "",
        input_from=state.date_from.strftime("%d/%m/%Y") if state.date_from else "",
        input_to=state.date_to.strftime("%d/%m/%Y") if state.date_to else "",
        newest=newest.isoformat() if newest else "",
    )


def bars_html(bars: Sequence[Bar], lang: Lang) -> Markup:
    """Each bar's element, a line each: a link filtering on its dates, or an empty bar."""
    none = escape_output(format_markup(lang.gettext("no results"), {}))
    results_text = _results_text(lang)
    out = []
    for bar in bars:
        label, dates = _escaped(bar.label, bar.date_from, bar.date_to)
        if bar.url:
            count = escape_output(bar.count_label)
            out.append(
                f'        <a class="bar" href="{escape_output(bar.url)}" draggable="false" '
                f'data-count="{bar.count}" {dates} title="{label}: {count}"><span class="bar-fill" '
                f'style="height: {escape_output(bar.height)}%"></span>'
                f'<span class="visually-hidden">{label}: '
                f'{results_text[bar.count, bar.count_label]}</span></a>\n')
        else:
            out.append(f'        <span class="bar bar-empty" {dates} title="{label}: 0"><span '
                       f'class="visually-hidden">{label}: {none}</span></span>\n')
    return Markup("".join(out))


@lru_cache(maxsize=4_096)
def _escaped(label: str, date_from: str, date_to: str) -> tuple[str, str]:
    """A bar's label and its dates' attributes, escaped: the same on every page showing it."""
    return (escape_output(label),
            f'data-from="{escape_output(date_from)}" data-to="{escape_output(date_to)}"')


def axis_html(bars: Sequence[Bar]) -> Markup:
    """The labels under the bars (most of them empty)."""
    return Markup("".join(f"<span>{escape_output(bar.tick)}</span>" for bar in bars))
