"""Entity profiles: everything the archive knows about one person, organisation or place.

``GET /entities/{type}/{name}`` answers with an :class:`EntityProfile`: the articles mentioning
the entity per day or month (the same buckets as the results page's histogram), the persons,
organisations and places that appear with it most, the outlets that mention it most and its
latest articles. Counts are of articles (every copy of a story counts).

Co-occurrence counts are exact: the terms aggregations here ask for every distinct value of the
field among the entity's articles (``size`` and ``segment_size`` at :data:`SCAN_SIZE`, so no
segment cuts its candidates), and the top ones are chosen in Python. ``tests/test_explore.py``
compares them with a brute-force count over the stored documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from tantivy import Order, Query

from indexer import schema as S
from indexer import store
from search_api import facets as F
from search_api import service

TOP_RELATED: Final = 20
TOP_SOURCES: Final = 10
LATEST: Final = 10
SCAN_SIZE: Final = 65_000  # distinct values one aggregation may return (every one, in practice)
_ALIASES_KEY: Final = "explore:aliases"


@dataclass(frozen=True, slots=True)
class Related:
    value: str
    count: int


@dataclass(frozen=True, slots=True)
class Latest:
    id: str
    title: str
    source: str
    date: str | None


@dataclass(frozen=True, slots=True)
class EntityProfile:
    type: str  # the facet field: "person", "org" or "place"
    name: str  # the value as indexed
    total: int  # articles that mention it
    timeline: tuple[F.DateBucket, ...]
    person: tuple[Related, ...]
    org: tuple[Related, ...]
    place: tuple[Related, ...]
    source: tuple[Related, ...]
    latest: tuple[Latest, ...]
    aliases: tuple[str, ...]  # other spellings merged into this value at index time


def _scan(field: str) -> dict[str, dict[str, object]]:
    return {"terms": {"field": field, "size": SCAN_SIZE, "segment_size": SCAN_SIZE}}


def _top(counts: list[tuple[str, int]], n: int, leave_out: str = "") -> tuple[Related, ...]:
    ranked = sorted((vc for vc in counts if vc[0] != leave_out), key=lambda vc: (-vc[1], vc[0]))
    return tuple(Related(v, c) for v, c in ranked[:n])


def aliases(holder: service.SearcherHolder, snap: service.Snapshot
            ) -> dict[tuple[str, str], tuple[str, ...]]:
    """(facet, value) -> the other spellings the index-time entity map merged into it
    (``Habibie`` into ``Bacharuddin Jusuf Habibie``), most frequent first; read once per
    snapshot from the map stored with the index."""
    found = snap.cache.get(_ALIASES_KEY)
    if found is None:
        emap = store.load_entity_map(holder.index_dir)
        merged: dict[tuple[str, str], list[tuple[int, str]]] = {}
        for etype, mapped in emap.values.items():
            field = S.ENTITY_FIELDS.get(etype)
            counts = emap.counts.get(etype, {})
            for raw, into in mapped.items():
                for value in into:
                    if field is not None and value != raw:
                        merged.setdefault((field, value), []).append((-counts.get(raw, 0), raw))
        found = {k: tuple(raw for _, raw in sorted(v)) for k, v in merged.items()}
        snap.cache[_ALIASES_KEY] = found
    assert isinstance(found, dict)
    return found


def resolve(snap: service.Snapshot, etype: str, name: str) -> str | None:
    """The indexed value ``name`` stands for: itself when indexed, else the one value equal to
    it ignoring case and spacing (the most frequent, if several), else None."""
    values = service.all_values(snap, etype)
    exact = {v for v, _ in values}
    if name in exact:
        return name
    key = " ".join(name.casefold().split())
    for value, _ in values:  # most frequent first
        if " ".join(value.casefold().split()) == key:
            return value
    return None


def profile(holder: service.SearcherHolder, etype: str, name: str) -> EntityProfile | None:
    """The profile of the entity ``name`` of facet ``etype`` (None when no article has it)."""
    snap = holder.snapshot()
    value = resolve(snap, etype, name)
    if value is None:
        return None
    searcher, schema = snap.searcher, snap.schema
    query = service.combine(schema, None, [Query.term_query(schema, etype, value)])
    spec = {**F.date_aggs(), **{f: _scan(f) for f in (*S.ENTITY_FACETS, S.SOURCE)}}
    agg = searcher.aggregate(query, spec)
    result = searcher.search(query, LATEST, count=True, order_by_field=S.DATE, order=Order.Desc)
    total = int(result.count or 0)  # type: ignore[attr-defined]
    latest = []
    for _, addr in result.hits:
        p = service.payload(searcher, addr)
        latest.append(Latest(p.id, p.title, p.source, service.local_time(p.date)))
    related = {f: F.term_counts(agg.get(f)) for f in S.ENTITY_FACETS}
    undated = total - F.dated_count(agg.get("dated"))
    return EntityProfile(
        type=etype,
        name=value,
        total=total,
        timeline=F.date_facet(F.day_counts(agg.get("days")), undated),
        person=_top(related[S.PERSON], TOP_RELATED, value if etype == S.PERSON else ""),
        org=_top(related[S.ORG], TOP_RELATED, value if etype == S.ORG else ""),
        place=_top(related[S.PLACE], TOP_RELATED, value if etype == S.PLACE else ""),
        source=_top(F.term_counts(agg.get(S.SOURCE)), TOP_SOURCES),
        latest=tuple(latest),
        aliases=aliases(holder, snap).get((etype, value), ()),
    )
