"""``sort=recent``: relevance multiplied by a decay of the article's age.

    score = BM25 × 0.5 ** (age_days / halflife)      (halflife: the request's, default 30 days)

The age is counted from the newest visible article of the index, not from the wall clock, so an
archive behaves like a live feed; an undated article counts as old as the oldest dated one.
Tantivy has no function score, and a date fast field cannot be read per document from Python, so
the whole match set is scored: one pass gives every match's BM25, another (ordered by date) every
match's date; the two are joined by document address. That costs time in proportion to the match
set (bounded by the index size) and gives the exact order, which a test checks against a
brute-force oracle. Ties are broken by document address, so the order is deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import tantivy
from tantivy import Order, Query

from indexer import schema as S

NS_PER_DAY: Final = 86_400 * 10**9

Address = tuple[int, int]  # (segment_ord, doc)


@dataclass(frozen=True, slots=True)
class Span:
    """Publication times (ns since the epoch) of the newest and oldest visible dated article."""

    newest: int
    oldest: int


def date_span(searcher: tantivy.Searcher, visible: Query) -> Span | None:
    """The newest and oldest dates among ``visible``; None when nothing is dated."""
    ends = []
    for order in (Order.Desc, Order.Asc):
        hits = searcher.search(visible, 1, count=False, order_by_field=S.DATE, order=order).hits
        ends.append(hits[0][0] if hits else None)
    newest, oldest = ends
    if not isinstance(newest, int) or not isinstance(oldest, int):
        return None
    return Span(newest, oldest)


def decay(age_days: float, halflife_days: float) -> float:
    return float(0.5 ** (age_days / halflife_days))


def age_days(date_ns: int | None, span: Span) -> float:
    """Days between the newest article and this one (undated: as old as the oldest)."""
    return (span.newest - (span.oldest if date_ns is None else date_ns)) / NS_PER_DAY


def address(addr: tantivy.DocAddress) -> Address:
    return (addr.segment_ord, addr.doc)


def rank(searcher: tantivy.Searcher, query: Query, span: Span | None, halflife_days: float,
         offset: int, size: int) -> tuple[int, list[tuple[float, tantivy.DocAddress]]]:
    """(total, the page of (decayed score, address)) for ``query`` sorted by decayed score."""
    total = int(searcher.search(query, 1, count=True).count or 0)  # type: ignore[attr-defined]
    if total == 0 or offset >= total:
        return total, []
    scored = searcher.search(query, total, count=False).hits
    dated = searcher.search(query, total, count=False, order_by_field=S.DATE).hits
    dates: dict[Address, int] = {
        address(a): key for key, a in dated if isinstance(key, int) and span is not None
    }
    ranked = []
    for score, a in scored:
        key = address(a)
        factor = 1.0 if span is None else decay(age_days(dates.get(key), span), halflife_days)
        ranked.append((-float(score) * factor, key, a))
    ranked.sort(key=lambda r: (r[0], r[1]))
    return total, [(-neg, a) for neg, _, a in ranked[offset : offset + size]]
