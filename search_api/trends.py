"""Trends: how many articles each of up to five searches finds per day, week or month, and which
outlets they come from.

``GET /trends?series=<query string>&series=...&interval=day|week|month``: each ``series`` is a
URL-encoded ``/search`` query string, parsed by :func:`~search_api.params.parse_search_params`
like ``/search``, and counted over exactly what ``/search`` counts as ``total``
(:func:`~search_api.service.matching_query`). Buckets are Western Indonesian Time calendar days,
ISO weeks (Monday to Sunday) or calendar months, one axis shared by every series from the first
to the last non-empty bucket, empty buckets counted 0. A bucket's count equals the ``total`` of
``/search`` with ``from``/``to`` set to the bucket's days (within the series' own dates).

Per series it costs one count and one aggregation (a day histogram and the outlet terms).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Final, Literal
from urllib.parse import parse_qsl

from indexer import schema as S
from search_api import facets as F
from search_api import service, snapshot
from search_api.i18n import N_
from search_api.params import Message, SearchRequest, ValidationError, parse_search_params

if TYPE_CHECKING:  # the backends count for trends (DayCounts): no import back at run time
    from search_api.backends import Backend

MAX_SERIES: Final = 5
MAX_SERIES_CHARS: Final = 2_000
MAX_BUCKETS: Final = 1_000
MAX_SOURCES: Final = 10  # outlets named per series; the rest are summed as "other"
# Outlets counted per series, of which the MAX_SOURCES biggest are named (ties by name): with
# more candidates than names, which of several tied outlets is named does not depend on the
# engine's own tie order.
SOURCE_CANDIDATES: Final = 200
OTHER_SOURCE: Final = "(lainnya)"  # a stable JSON key; pages show OTHER_SOURCE_LABEL
OTHER_SOURCE_LABEL: Final = N_("(other outlets)")
Interval = Literal["day", "week", "month"]
INTERVALS: Final[tuple[Interval, ...]] = ("day", "week", "month")
INTERVAL_LABELS: Final = {"day": N_("day"), "week": N_("week"), "month": N_("month")}


@dataclass(frozen=True, slots=True)
class SeriesSpec:
    query: str  # the series' query string as given
    label: str
    request: SearchRequest


@dataclass(frozen=True, slots=True)
class TrendsRequest:
    series: tuple[SeriesSpec, ...]
    interval: Interval = "day"


@dataclass(frozen=True, slots=True)
class Bucket:
    key: str  # "2019-09-15", "2019-W38" or "2019-09"
    start: str  # first day (YYYY-MM-DD)
    end: str  # last day, inclusive


@dataclass(frozen=True, slots=True)
class SourceShare:
    source: str
    count: int


@dataclass(frozen=True, slots=True)
class Series:
    query: str
    label: str
    total: int
    undated: int
    counts: tuple[int, ...]  # one per bucket of the response
    sources: tuple[SourceShare, ...]  # biggest first; OTHER_SOURCE last when there are more


@dataclass(frozen=True, slots=True)
class TrendsResponse:
    interval: str
    buckets: tuple[Bucket, ...]
    series: tuple[Series, ...]


# -- parameters -------------------------------------------------------------------------------


def describe(request: SearchRequest, gettext: Callable[[str], str] = str) -> str:
    """A short human label of a search: its words, filter values and dates (a search of
    everything is named in the language of ``gettext``; English by default, as in JSON)."""
    parts = [request.q] if request.q else []
    parts += [v for values in request.filters.values() for v in values]
    if request.date_from or request.date_to:
        parts.append(f"{request.date_from or '…'} – {request.date_to or '…'}")
    return " · ".join(parts) if parts else gettext(N_("all news"))


def parse_trends_params(pairs: Iterable[tuple[str, str]]) -> TrendsRequest:
    raw_series: list[str] = []
    interval = ""
    for k, v in pairs:
        if k == "series":
            if v.strip():
                raw_series.append(v.strip())
        elif k == "interval":
            interval = v.strip().lower()
    if not raw_series:
        raise ValidationError(
            "missing_parameter",
            N_("%(name)s is required: a URL-encoded /search query string, e.g. %(example)s"),
            name="series", example="series=q%3Dbanjir")
    if len(raw_series) > MAX_SERIES:
        raise ValidationError(
            "too_many_series", N_("at most %(max)s series are allowed, got %(n)s"),
            max=MAX_SERIES, n=len(raw_series))
    if interval and interval not in INTERVALS:
        raise ValidationError(
            "invalid_interval", N_("%(name)s must be one of %(choices)s, got %(value)r"),
            name="interval", choices=", ".join(INTERVALS), value=interval[:50])
    specs = []
    for raw in raw_series:
        if len(raw) > MAX_SERIES_CHARS:
            raise ValidationError(
                "invalid_parameter", N_("a series is at most %(max)s characters"),
                max=MAX_SERIES_CHARS)
        try:
            req = parse_search_params(parse_qsl(raw, keep_blank_values=True))
        except ValidationError as exc:
            raise ValidationError(exc.error, N_("series %(series)r: %(detail)s"), exc.status,
                                  series=raw[:80], detail=exc.message) from None
        specs.append(SeriesSpec(raw, describe(req), req))
    return TrendsRequest(tuple(specs), interval or "day")  # type: ignore[arg-type]


# -- buckets ----------------------------------------------------------------------------------


def bucket_start(d: date, interval: str) -> date:
    if interval == "week":
        return d - timedelta(days=d.weekday())
    if interval == "month":
        return d.replace(day=1)
    return d


def next_start(start: date, interval: str) -> date:
    if interval == "week":
        return start + timedelta(days=7)
    if interval == "month":
        return (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    return start + timedelta(days=1)


def bucket_of(start: date, interval: str) -> Bucket:
    end = next_start(start, interval) - timedelta(days=1)
    if interval == "week":
        year, week, _ = start.isocalendar()
        key = f"{year:04d}-W{week:02d}"
    elif interval == "month":
        key = f"{start.year:04d}-{start.month:02d}"
    else:
        key = start.isoformat()
    return Bucket(key, start.isoformat(), end.isoformat())


def axis(days: Sequence[date], interval: str) -> list[date]:
    """Bucket starts from the first to the last of ``days``' buckets, or a 400 past
    :data:`MAX_BUCKETS`."""
    if not days:
        return []
    first, last = bucket_start(min(days), interval), bucket_start(max(days), interval)
    out = [first]
    while out[-1] < last:
        if len(out) >= MAX_BUCKETS:
            raise ValidationError(
                "too_many_buckets",
                N_("these series span more than %(max)s %(interval)s buckets "
                   "(%(first)s to %(last)s); choose a longer interval or set from/to"),
                max=MAX_BUCKETS, interval=Message(INTERVAL_LABELS[interval]), first=first,
                last=last)
        out.append(next_start(out[-1], interval))
    return out


# -- counting ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DayCounts:
    """What a backend counts for one series (:meth:`search_api.backends.Backend.day_counts`):
    the matches, per WIB day (non-empty days, in order), undated, and per outlet (the
    :data:`SOURCE_CANDIDATES` biggest)."""

    total: int
    days: list[tuple[date, int]]
    undated: int
    sources: list[tuple[str, int]]


def count_by_day(snap: snapshot.Snapshot, request: SearchRequest) -> DayCounts:
    """The tantivy count: total, per WIB day, undated, and per outlet."""
    query = service.matching_query(snap, request)
    spec: dict[str, Any] = F.date_aggs()
    spec["sources"] = F.terms_agg(S.SOURCE, SOURCE_CANDIDATES, snap.searcher.num_segments)
    agg = snap.searcher.aggregate(query, spec)
    result = snap.searcher.search(query, 1, count=True)
    total = int(result.count or 0)  # type: ignore[attr-defined]  # present, not in the stub
    return DayCounts(
        total=total,
        days=F.day_counts(agg.get("days")),
        undated=total - F.stats_count(agg.get("dated")),
        sources=F.term_counts(agg.get("sources")),
    )


def _shares(sources: list[tuple[str, int]], total: int) -> tuple[SourceShare, ...]:
    ranked = sorted(sources, key=lambda sc: (-sc[1], sc[0]))[:MAX_SOURCES]
    shares = [SourceShare(s, c) for s, c in ranked]
    rest = total - sum(c for _, c in ranked)
    if rest > 0:
        shares.append(SourceShare(OTHER_SOURCE, rest))
    return tuple(shares)


def trends(backend: Backend, request: TrendsRequest) -> TrendsResponse:
    counted = [backend.day_counts(s.request) for s in request.series]
    starts = axis([d for c in counted for d, _ in c.days], request.interval)
    position = {start: i for i, start in enumerate(starts)}
    series = []
    for spec, c in zip(request.series, counted, strict=True):
        counts = [0] * len(starts)
        for d, n in c.days:
            counts[position[bucket_start(d, request.interval)]] += n
        series.append(Series(spec.query, spec.label, c.total, c.undated, tuple(counts),
                             _shares(c.sources, c.total)))
    return TrendsResponse(
        interval=request.interval,
        buckets=tuple(bucket_of(s, request.interval) for s in starts),
        series=tuple(series),
    )
