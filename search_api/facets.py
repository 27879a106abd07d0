"""Facets: aggregation specs for tantivy and pure functions from their results to frozen values.

Counting rules (the service applies them; see :func:`search_api.service.search`):

* counts are over the current result set (query + filters, duplicates hidden);
* a facet the request filters on is counted WITHOUT its own filter (disjunctive faceting), so
  its other values show how many results choosing them too would add;
* selected values are flagged and always listed, even when outside the top ``facet_size``;
* days are Western Indonesian Time days (:data:`DAY_TZ`, the indexer's zone for dates without
  one), so an article dated "2019-09-15" is in the 2019-09-15 bucket;
* the date facet has day buckets ("YYYY-MM-DD") when the result set spans at most
  :data:`MAX_DAY_SPAN` days, month buckets ("YYYY-MM") otherwise, then an ``undated`` bucket.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any, Final

from indexer import schema as S
from indexer.dates import DEFAULT_TZ

DAY_TZ: Final = DEFAULT_TZ  # the zone of calendar days in filters and the date facet

MAX_DAY_SPAN: Final = 62
UNDATED_KEY: Final = "undated"
# Per-segment candidates of a terms aggregation. With one segment (what a full build writes)
# every count is exact whatever the candidate count, so it stays small: on the entity fields
# (15k-30k distinct values on the 22k corpus) 2,000 candidates cost ~5 ms per search more than
# 100. With several segments (after `warta add`) a value with a low count in one segment can
# fall outside its candidates, so many more are taken. Selected values outside the top N are
# counted exactly by the service either way.
SEGMENT_SIZE_ONE: Final = 100
SEGMENT_SIZE_MANY: Final = 2_000
# Candidates of a probe (:func:`probe_agg`) beyond the values shown: enough that a tie on the
# last value shown rarely runs past them (then the facet is counted again with terms_agg).
PROBE_EXTRA: Final = 5
_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
_EPOCH_ORDINAL: Final = _EPOCH.date().toordinal()
_DAY_MS: Final = 86_400_000
_FIXED = DAY_TZ.utcoffset(None) if isinstance(DAY_TZ, timezone) else None
_DAY_TZ_MS: Final = None if _FIXED is None else _FIXED // timedelta(milliseconds=1)


def _day_offset() -> str:
    """Histogram offset that makes 1-day buckets start at midnight in :data:`DAY_TZ`."""
    delta = DAY_TZ.utcoffset(None) or timedelta(0)
    minutes = -int(delta.total_seconds() // 60)
    return f"{minutes}m"


@dataclass(frozen=True, slots=True)
class FacetValue:
    value: str
    count: int
    selected: bool


@dataclass(frozen=True, slots=True)
class DateBucket:
    key: str
    count: int


@dataclass(frozen=True, slots=True)
class Facets:
    person: tuple[FacetValue, ...] = ()
    org: tuple[FacetValue, ...] = ()
    place: tuple[FacetValue, ...] = ()
    source: tuple[FacetValue, ...] = ()
    category: tuple[FacetValue, ...] = ()
    date: tuple[DateBucket, ...] = ()

    def terms(self, name: str) -> tuple[FacetValue, ...]:
        value: tuple[FacetValue, ...] = getattr(self, name)
        return value


# -- aggregation specs ------------------------------------------------------------------------


def terms_agg(
    field: str, size: int, segments: int = 2, include: Sequence[str] | None = None
) -> dict[str, Any]:
    """A terms aggregation; ``include`` counts only those exact values."""
    size = max(size, 1)
    candidates = SEGMENT_SIZE_ONE if segments <= 1 else SEGMENT_SIZE_MANY
    spec: dict[str, Any] = {"field": field, "size": size, "segment_size": max(candidates, size)}
    if include is not None:
        spec["include"] = list(include)
    return {"terms": spec}


def every_value_agg(field: str) -> dict[str, Any]:
    """A terms aggregation of every distinct value of ``field`` (:data:`S.MAX_BUCKETS` of them
    at most, each segment's too: no segment cuts its candidates)."""
    return terms_agg(field, S.MAX_BUCKETS)


def probe_agg(field: str, size: int, segments: int = 2) -> dict[str, Any]:
    """A terms aggregation for the top ``size`` values that is cheaper than :func:`terms_agg` on
    one segment: it takes only ``size + PROBE_EXTRA`` candidates, and each candidate's value is
    looked up in the term dictionary (the five facets with 100 candidates each cost about three
    times what they cost with 15). Its counts are exact (one segment), so it holds the top
    ``size`` unless a value tied with the last of them lies past its candidates, which
    :func:`probe_settles` tells. With several segments it is :func:`terms_agg` itself."""
    if segments > 1:
        return terms_agg(field, size, segments)
    n = max(size, 1) + PROBE_EXTRA
    return {"terms": {"field": field, "size": n, "segment_size": n}}


def probe_settles(counts: Sequence[tuple[str, int]], size: int, width: int | None = None
                  ) -> bool:
    """Whether a :func:`probe_agg` result's ``counts`` hold the top ``size`` values by count,
    ties by value (what :func:`terms_facet` shows): yes when the probe is not full (it holds
    every value) or its last count is below the ``size``-th best (every value counted at least
    that much is in it); else a value tied with the ``size``-th may lie past it. ``width``: the
    values the probe asked for, ``size + PROBE_EXTRA`` unless given."""
    size = max(size, 1)
    if len(counts) < (size + PROBE_EXTRA if width is None else width):
        return True
    ranked = sorted((c for _, c in counts), reverse=True)
    return ranked[-1] < ranked[size - 1]


def date_aggs() -> dict[str, Any]:
    """Day histogram (empty days left out) and stats (its count = dated results)."""
    return {
        "days": {
            "date_histogram": {
                "field": S.DATE,
                "fixed_interval": "1d",
                "min_doc_count": 1,
                "offset": _day_offset(),
            }
        },
        "dated": {"stats": {"field": S.DATE}},
    }


# -- results ----------------------------------------------------------------------------------


def term_counts(agg: Mapping[str, Any] | None) -> list[tuple[str, int]]:
    """(value, count) pairs of a terms aggregation result, in its order."""
    if not agg:
        return []
    out = []
    for b in agg.get("buckets") or ():
        key, count = b.get("key"), b.get("doc_count")
        if isinstance(key, str) and isinstance(count, int) and count > 0:
            out.append((key, count))
    return out


def terms_facet(
    counts: Sequence[tuple[str, int]],
    selected: Sequence[str],
    size: int,
    selected_counts: Mapping[str, int] | None = None,
) -> tuple[FacetValue, ...]:
    """The top ``size`` values by count (ties by value), plus every selected value.

    ``selected_counts`` gives counts of selected values that ``counts`` may not contain.
    """
    ranked = sorted(counts, key=lambda vc: (-vc[1], vc[0]))
    chosen = set(selected)
    top = ranked[:size]
    shown = {v for v, _ in top}
    known = {**(selected_counts or {}), **dict(counts)}
    extra = [(v, known.get(v, 0)) for v in selected if v not in shown]
    values = sorted(top + extra, key=lambda vc: (-vc[1], vc[0]))
    return tuple(FacetValue(v, c, v in chosen) for v, c in values)


def trimmed(facets: Facets, size: int) -> Facets:
    """``facets`` counted with a larger ``facet_size`` cut to ``size``: in each terms facet the
    first ``size`` values (it is in rank order) and every selected one, which is what
    :func:`terms_facet` gives for ``size`` from the same counts."""
    def cut(values: tuple[FacetValue, ...]) -> tuple[FacetValue, ...]:
        if len(values) <= size:
            return values
        return tuple(v for i, v in enumerate(values) if i < size or v.selected)

    return Facets(person=cut(facets.person), org=cut(facets.org), place=cut(facets.place),
                  source=cut(facets.source), category=cut(facets.category), date=facets.date)


def day_of(key: float) -> date:
    """The day in :data:`DAY_TZ` of a histogram key (milliseconds since the epoch, UTC)."""
    if _DAY_TZ_MS is not None and (isinstance(key, int) or key.is_integer()):
        # a fixed offset (as the histogram's own offset takes it): whole days by arithmetic
        return date.fromordinal(_EPOCH_ORDINAL + (int(key) + _DAY_TZ_MS) // _DAY_MS)
    return (_EPOCH + timedelta(milliseconds=key)).astimezone(DAY_TZ).date()


def day_counts(agg: Mapping[str, Any] | None) -> list[tuple[date, int]]:
    """(day in DAY_TZ, count) of a 1-day date_histogram result, non-empty days only, in order."""
    if not agg:
        return []
    out = []
    for b in agg.get("buckets") or ():
        key, count = b.get("key"), b.get("doc_count")
        if isinstance(key, int | float) and isinstance(count, int) and count > 0:
            out.append((day_of(key), count))
    out.sort()
    return out


def stats_count(stats: Mapping[str, Any] | None) -> int:
    """The ``count`` of a stats aggregation's result (how many results have the field)."""
    count = (stats or {}).get("count")
    return count if isinstance(count, int) else 0


def date_facet(days: Sequence[tuple[date, int]], undated: int) -> tuple[DateBucket, ...]:
    """Day buckets for a span of at most :data:`MAX_DAY_SPAN` days, else month buckets; then
    the ``undated`` bucket (always present, possibly 0)."""
    buckets: list[DateBucket] = []
    if days:
        span = (days[-1][0] - days[0][0]).days + 1
        if span <= MAX_DAY_SPAN:
            buckets = [DateBucket(d.isoformat(), c) for d, c in days]
        else:
            months: dict[str, int] = {}
            for d, c in days:
                key = f"{d.year:04d}-{d.month:02d}"
                months[key] = months.get(key, 0) + c
            buckets = [DateBucket(k, c) for k, c in sorted(months.items())]
    buckets.append(DateBucket(UNDATED_KEY, max(undated, 0)))
    return tuple(buckets)
