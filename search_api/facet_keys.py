"""Entity facets counted by number: the ``person_key``/``org_key``/``place_key`` columns (each
value's 64-bit :func:`indexer.document.text_key`) and, per snapshot, a table naming each number.

A terms aggregation over a text column names each of its candidates by a lookup in the column's
term dictionary (~20 µs each, most of an entity facet's cost on a small result set); over a
numeric column it has nothing to look up, and the table names the few values shown.

The table is used only where it is exact, which each snapshot checks when it builds it (in the
background, :func:`search_api.memo.per_snapshot`; until then, and wherever the check fails, the
facets are counted by text as before):

* the index has the columns (an index built before them has not);
* every value's number is its own (no two values of a field hash alike);
* over the whole index each number is counted as often as its value (a document written
  without the numbers, by an older writer, breaks this), and no number is left unnamed.

A probe by number (:func:`probe_agg`) takes the same candidates as by text on an index of one
segment (what a full build writes). On several (after ``warta add``) it takes every value of each
segment, which by text would cost a lookup each: its counts are exact where those by text, capped
per segment, may not be. A probe that leaves the last place undecided is counted again by text.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from tantivy import Query

from indexer import schema as S
from indexer.document import text_key
from search_api import facets as F
from search_api.memo import per_snapshot
from search_api.snapshot import Snapshot

Tables = Mapping[str, Mapping[int, str]]  # facet field -> number -> value
_MEMO: Final = "facet_keys"
WIDE_PROBE: Final = 256  # values of a second probe by number, at least (:func:`wide_width`)


def tables(snap: Snapshot) -> Tables:
    """The fields of ``snap`` counted by number, each with its table (empty until built)."""
    found: Tables | None = per_snapshot(snap, _MEMO, build_tables, wait=False)
    return found or {}


def build_tables(snap: Snapshot) -> Tables:
    """Each entity field's table, for the fields whose numbers check out (module docstring)."""
    out: dict[str, dict[int, str]] = {}
    for name, key_field in S.ENTITY_KEYS.items():
        table = _table(snap, name, key_field)
        if table is not None:
            out[name] = table
    return out


def _table(snap: Snapshot, name: str, key_field: str) -> dict[int, str] | None:
    try:
        Query.term_query(snap.schema, key_field, 0)
    except ValueError:  # an index built without the numbered columns
        return None
    everything = Query.all_query()
    spec = {"text": F.every_value_agg(name), "key": F.every_value_agg(key_field)}
    result = snap.searcher.aggregate(everything, spec)
    text = _buckets(result.get("text"))
    keys = _buckets(result.get("key"))
    if len(text) >= S.MAX_BUCKETS or len(keys) != len(text):
        return None
    table = {text_key(value): value for value in text}
    if len(table) != len(text):  # two values of this field hash alike
        return None
    if any(keys.get(k) != text[v] for k, v in table.items()):
        return None
    return table


def _buckets(agg: Mapping[str, Any] | None) -> dict[Any, int]:
    return {b["key"]: b["doc_count"] for b in (agg or {}).get("buckets") or ()}


def probe_agg(keyed: Tables, name: str, size: int, segments: int) -> dict[str, Any]:
    """:func:`search_api.facets.probe_agg` of ``name``, over its numbers when ``keyed`` names
    them: the top ``size + PROBE_EXTRA`` values. With one segment its candidates are the text
    probe's; with several, every value of each segment is a candidate (a number costs no
    lookup), so the counts are exact and :func:`search_api.facets.probe_settles` decides as
    with one segment."""
    if name not in keyed:
        return F.probe_agg(name, size, segments)
    n = max(size, 1) + F.PROBE_EXTRA
    candidates = n if segments == 1 else S.MAX_BUCKETS
    return {"terms": {"field": S.ENTITY_KEYS[name], "size": n, "segment_size": candidates}}


def wide_width(size: int) -> int:
    """The values a second probe by number asks for, for a facet of ``size`` values: at least
    :data:`WIDE_PROBE`, and always more than the first probe's."""
    return max(WIDE_PROBE, max(size, 1) + F.PROBE_EXTRA + 1)


def wide_agg(name: str, size: int, segments: int) -> dict[str, Any]:
    """A second probe by number of a facet ``name`` of ``size`` values whose first probe left
    its last place undecided: the top :func:`wide_width` values, every value of each segment a
    candidate (a number costs no lookup, so its counts are exact on any number of segments).
    Ties at the last place shown come from small counts over few values, which it usually
    holds whole, where a count by text would look each of its candidates up."""
    n = wide_width(size)
    candidates = n if segments == 1 else max(n, S.MAX_BUCKETS)
    return {"terms": {"field": S.ENTITY_KEYS[name], "size": n, "segment_size": candidates}}


def term_counts(keyed: Tables, name: str, agg: Mapping[str, Any] | None
                ) -> list[tuple[str, int]] | None:
    """:func:`search_api.facets.term_counts` of a :func:`probe_agg` result, its numbers named;
    None if a number has no name (the caller counts that facet again by text)."""
    table = keyed.get(name)
    if table is None or not agg:
        return F.term_counts(agg)
    out = []
    for b in agg.get("buckets") or ():
        key, count = b.get("key"), b.get("doc_count")
        if isinstance(key, str):  # counted by text
            return F.term_counts(agg)
        value = table.get(key) if isinstance(key, int) else None
        if value is None:
            return None
        if isinstance(count, int) and count > 0:
            out.append((value, count))
    return out
