"""What a request selects, as tantivy queries: its day range, its facet filters (each value
standing for the indexed values equal to it up to case, apostrophes and spacing), and the text
AND every filter."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from datetime import time as dtime
from typing import Final

import tantivy
from tantivy import FieldType, Occur, Query

from indexer import schema as S
from indexer.name_keys import variant_key
from search_api import facets as F
from search_api.params import SearchRequest
from search_api.snapshot import Snapshot


def _day_start(d: date) -> datetime:
    """Midnight of a calendar day in the API's day zone (WIB), as an aware datetime."""
    return datetime.combine(d, dtime(0), tzinfo=F.DAY_TZ)


# Days whose midnight tantivy can store (its dates span 1677-09-21 .. 2262-04-11).
_FIRST_DAY: Final = date(1677, 9, 22)
_LAST_DAY: Final = date(2262, 4, 10)


def _bound(d: date) -> datetime:
    """Midnight of ``d``, clamped to what the index can represent."""
    if d <= _FIRST_DAY:
        return tantivy.MIN_DATETIME
    if d >= _LAST_DAY:
        return tantivy.MAX_DATETIME
    return _day_start(d)


def date_filter(schema: tantivy.Schema, lo: date | None, hi: date | None) -> Query | None:
    """Inclusive day range [lo, hi] of WIB days, as [lo 00:00, hi+1 00:00)."""
    if lo is None and hi is None:
        return None
    lower = _bound(lo) if lo else tantivy.MIN_DATETIME
    upper = tantivy.MAX_DATETIME if hi is None or hi >= _LAST_DAY else _bound(
        hi + timedelta(days=1)
    )
    return Query.range_query(
        schema, S.DATE, FieldType.Date, lower, upper,
        include_lower=True, include_upper=hi is None or hi >= _LAST_DAY,
    )


def facet_filters(snap: Snapshot, request: SearchRequest) -> dict[str, Query]:
    """Facet field -> its filter: any of the selected values, or all of them for a facet in
    ``request.all_of``. Each value stands for the indexed values equal to it up to case,
    apostrophes and spacing (:func:`value_variants`)."""
    out = {}
    for name, values in request.filters.items():
        if not values:
            continue
        groups = [value_variants(snap, name, v) for v in values]
        if name in request.all_of:
            out[name] = Query.boolean_query([
                (Occur.Must, Query.term_set_query(snap.schema, name, list(g))) for g in groups])
        else:
            flat = list(dict.fromkeys(v for g in groups for v in g))
            out[name] = Query.term_set_query(snap.schema, name, flat)
    return out


def value_variants(snap: Snapshot, field_name: str, value: str) -> tuple[str, ...]:
    """The indexed values of a facet that ``value`` names: those equal to it up to case,
    apostrophes and spacing (``value`` itself when the index has none)."""
    key = f"variants:{field_name}"
    folded = snap.cache.get(key)
    if folded is None:
        groups: dict[str, list[str]] = {}
        for v, _count in all_values(snap, field_name):
            groups.setdefault(variant_key(v), []).append(v)
        folded = {k: tuple(vs) for k, vs in groups.items()}
        snap.cache[key] = folded
    found: tuple[str, ...] = folded.get(variant_key(value), (value,))
    return found


def indexed_selection(snap: Snapshot, request: SearchRequest) -> SearchRequest:
    """``request`` with its filter values written as the index writes them (so the facets
    flag "Joko Widodo" when ``person=joko widodo`` was asked)."""
    return replace(request, filters={
        name: tuple(dict.fromkeys(x for v in values for x in value_variants(snap, name, v)))
        for name, values in request.filters.items()
    })


def combine(schema: tantivy.Schema, text: Query | None, filters: Sequence[Query]) -> Query:
    """text AND every filter (filters do not score)."""
    base = text if text is not None else Query.all_query()
    subs: list[tuple[Occur, Query]] = [(Occur.Must, base)]
    subs.extend((Occur.Must, Query.const_score_query(f, 0.0)) for f in filters)
    return Query.boolean_query(subs)


def all_values(snap: Snapshot, field_name: str) -> list[tuple[str, int]]:
    """Every value of a facet field with its count over visible records (memoised)."""
    key = f"values:{field_name}"
    cached = snap.cache.get(key)
    if cached is None:
        q = combine(snap.schema, None, [])
        agg = snap.searcher.aggregate(q, {"v": F.every_value_agg(field_name)})
        cached = sorted(F.term_counts(agg.get("v")), key=lambda vc: (-vc[1], vc[0]))
        snap.cache[key] = cached
    return list(cached)
