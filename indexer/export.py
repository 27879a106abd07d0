"""Every document a query matches, in date order and constant memory; and its rows as CSV or
NDJSON. Used by ``warta export`` and by the API's ``/search.csv`` and ``/search.ndjson``.

Paging is keyset (``search_after``-style), never by offset, so each page costs the same however
deep it is and nothing but one page is held. The sort key is (date, ``id_key``): tantivy orders
a search by one fast field only, so the walk alternates two searches —

1. the next ``page`` documents beyond the last finished date, ordered by date; every date but
   the page's last is complete in it and is written out (ties in ``id_key`` order);
2. the documents of that last date, walked in ``id_key`` ranges ordered by ``id_key``.

Undated documents come last, walked by ``id_key`` alone.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Final

import orjson
import tantivy
from tantivy import FieldType, Occur, Order, Query

from indexer import schema as S
from indexer.dates import DEFAULT_TZ
from indexer.document import load_payload

PAGE: Final = 500
FORMATS: Final = ("csv", "ndjson")
MEDIA_TYPES: Final = {"csv": "text/csv; charset=utf-8", "ndjson": "application/x-ndjson"}
COLUMNS: Final = (
    "id", "title", "url", "source", "category", "date", "persons", "orgs", "places", "story",
)
LIST_SEPARATOR: Final = "; "  # between the entity names of one CSV cell
BOM: Final = "\ufeff"
_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)


def _ns_to_datetime(ns: int) -> datetime:
    return _EPOCH + timedelta(microseconds=ns // 1000)


def _and(*queries: Query) -> Query:
    return Query.boolean_query([(Occur.Must, q) for q in queries])


def _date_range(schema: tantivy.Schema, lo: int | None, hi: int | None,
                include_lower: bool, include_upper: bool) -> Query:
    return Query.range_query(
        schema, S.DATE, FieldType.Date,
        _ns_to_datetime(lo) if lo is not None else tantivy.MIN_DATETIME,
        _ns_to_datetime(hi) if hi is not None else tantivy.MAX_DATETIME,
        include_lower=include_lower, include_upper=include_upper,
    )


def _by_id_key(searcher: tantivy.Searcher, schema: tantivy.Schema, query: Query, page: int
               ) -> Iterator[tantivy.DocAddress]:
    """Every match of ``query`` in ``id_key`` order, ``page`` at a time. The bound is inclusive
    and the addresses already given at the bound key are skipped, so two ids with one hash
    are both written."""
    after: int | None = None
    at_after: set[tuple[int, int]] = set()
    while True:
        q = query if after is None else _and(query, Query.range_query(
            schema, S.ID_KEY, FieldType.Unsigned, after, None, include_lower=True))
        limit = page + len(at_after)  # room for the ones given already
        hits = searcher.search(q, limit, count=False, order_by_field=S.ID_KEY,
                               order=Order.Asc).hits
        for key, addr in hits:
            ident = (addr.segment_ord, addr.doc)
            if key == after and ident in at_after:
                continue
            if key != after:
                after, at_after = int(key), set()
            at_after.add(ident)
            yield addr
        if len(hits) < limit:
            return


def iter_addresses(searcher: tantivy.Searcher, schema: tantivy.Schema, query: Query,
                   newest: bool = True, page: int = PAGE) -> Iterator[tantivy.DocAddress]:
    """Every match of ``query``: newest (or oldest) first, ties by ``id_key``, undated last."""
    order = Order.Desc if newest else Order.Asc
    dated = _and(query, Query.exists_query(S.DATE))
    bound: int | None = None  # the last date written out completely
    while True:
        q = dated
        if bound is not None:
            q = _and(dated, _date_range(schema, None, bound, True, False) if newest
                     else _date_range(schema, bound, None, False, True))
        hits = searcher.search(q, page, count=False, order_by_field=S.DATE, order=order).hits
        if not hits:
            break
        last = int(hits[-1][0])
        complete = len(hits) < page
        head = [(int(k), a) for k, a in hits if complete or int(k) != last]
        keys = searcher.fast_field_values(S.ID_KEY, [a for _, a in head])
        ranked = sorted(zip(head, keys, strict=True),
                        key=lambda hk: (-hk[0][0] if newest else hk[0][0], hk[1] or 0))
        yield from (addr for (_, addr), _ in ranked)
        if complete:
            break
        yield from _by_id_key(searcher, schema,
                              _and(dated, _date_range(schema, last, last, True, True)), page)
        bound = last
    undated = Query.boolean_query([(Occur.Must, query),
                                   (Occur.MustNot, Query.exists_query(S.DATE))])
    yield from _by_id_key(searcher, schema, undated, page)


def iter_articles(searcher: tantivy.Searcher, schema: tantivy.Schema, query: Query,
                  newest: bool = True, page: int = PAGE
                  ) -> Iterator[tuple[S.StoredArticle, str]]:
    """Each matching article's stored payload and its story id."""
    for addr in iter_addresses(searcher, schema, query, newest, page):
        doc = searcher.doc(addr).to_dict()
        yield load_payload(bytes(doc[S.PAYLOAD][0])), str((doc.get(S.STORY) or [""])[0])


# -- rows -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Row:
    """One exported article; the field names are the columns."""

    id: str
    title: str
    url: str
    source: str
    category: str
    date: str | None  # ISO 8601 in Western Indonesian Time
    persons: tuple[str, ...]
    orgs: tuple[str, ...]
    places: tuple[str, ...]
    story: str  # the story (cluster of copies) the article belongs to


def local_date(iso: str | None) -> str | None:
    """A stored UTC timestamp as ISO 8601 in the day zone (WIB)."""
    if not iso:
        return None
    try:
        return datetime.fromisoformat(iso).astimezone(DEFAULT_TZ).isoformat()
    except ValueError:
        return iso


def to_row(p: S.StoredArticle, story: str) -> Row:
    e = p.entities
    return Row(
        id=p.id, title=p.title, url=p.url, source=p.source, category=p.category,
        date=local_date(p.date), persons=tuple(e.get("PER", ())), orgs=tuple(e.get("ORG", ())),
        places=tuple(e.get("LOC", ())), story=story,
    )


def _csv_cell(value: str | tuple[str, ...] | None) -> str:
    if value is None:
        return ""
    return LIST_SEPARATOR.join(value) if isinstance(value, tuple) else value


def csv_chunks(rows: Iterable[Row], batch: int = 200) -> Iterator[bytes]:
    """UTF-8 CSV with a BOM (so spreadsheet programs read Indonesian text right) and a header,
    ``batch`` rows per chunk."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    buf.write(BOM)
    writer.writerow(COLUMNS)
    n = 0
    for row in rows:
        writer.writerow([_csv_cell(getattr(row, c)) for c in COLUMNS])
        n += 1
        if n % batch == 0:
            yield buf.getvalue().encode()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue().encode()


def ndjson_chunks(rows: Iterable[Row], batch: int = 200) -> Iterator[bytes]:
    """One JSON object per line, ``batch`` lines per chunk."""
    lines: list[bytes] = []
    for row in rows:
        lines.append(orjson.dumps(row) + b"\n")
        if len(lines) >= batch:
            yield b"".join(lines)
            lines = []
    if lines:
        yield b"".join(lines)


def chunks(fmt: str, rows: Iterable[Row]) -> Iterator[bytes]:
    return csv_chunks(rows) if fmt == "csv" else ndjson_chunks(rows)
