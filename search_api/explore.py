"""Entity profiles: everything the archive knows about one person, organisation or place.

``GET /entities/{type}/{name}`` answers with an :class:`EntityProfile`: the articles mentioning
the entity per day or month (the same buckets as the results page's histogram), the persons,
organisations and places that appear with it most, the outlets that mention it most and its
latest articles. Counts are of articles (every copy of a story counts).

Co-occurrence counts are exact: the terms aggregations here ask for every distinct value of the
field among the entity's articles (``size`` and ``segment_size`` at
:data:`indexer.schema.MAX_BUCKETS`: :func:`search_api.facets.every_value_agg`, so no segment
cuts its candidates), and the top ones are chosen in Python. ``tests/test_explore.py``
compares them with a brute-force count over the stored documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

from tantivy import Order, Query

from indexer import schema as S
from indexer import store
from indexer.entity_map import EntityMap
from search_api import facets as F
from search_api import results, selection, service, snapshot

TOP_RELATED: Final = 20
TOP_SOURCES: Final = 10
LATEST: Final = 10
RELATED_FACETS: Final = (*S.ENTITY_FACETS, S.SOURCE)
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


def _top(counts: list[tuple[str, int]], n: int, leave_out: str = "") -> tuple[Related, ...]:
    ranked = sorted((vc for vc in counts if vc[0] != leave_out), key=lambda vc: (-vc[1], vc[0]))
    return tuple(Related(v, c) for v, c in ranked[:n])


@dataclass(frozen=True, slots=True)
class EntityCounts:
    """What one aggregation over an entity's articles gives, whatever the backend: every
    distinct value of each related facet with its count (so the top ones are exact)."""

    total: int
    days: list[tuple[date, int]]  # articles per WIB day
    dated: int
    related: dict[str, list[tuple[str, int]]]  # person, org, place, source -> every value


def aliases_of(emap: EntityMap) -> dict[tuple[str, str], tuple[str, ...]]:
    """(facet, value) -> the other spellings the index-time entity map merged into it
    (``Habibie`` into ``Bacharuddin Jusuf Habibie``), most frequent first."""
    merged: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for etype, mapped in emap.values.items():
        field = S.ENTITY_FIELDS.get(etype)
        counts = emap.counts.get(etype, {})
        for raw, into in mapped.items():
            for value in into:
                if field is not None and value != raw:
                    merged.setdefault((field, value), []).append((-counts.get(raw, 0), raw))
    return {k: tuple(raw for _, raw in sorted(v)) for k, v in merged.items()}


def aliases(holder: snapshot.SearcherHolder, snap: snapshot.Snapshot
            ) -> dict[tuple[str, str], tuple[str, ...]]:
    """:func:`aliases_of` the map stored with the index, read once per snapshot."""
    found = snap.cache.get(_ALIASES_KEY)
    if found is None:
        found = aliases_of(store.load_entity_map(holder.index_dir))
        snap.cache[_ALIASES_KEY] = found
    assert isinstance(found, dict)
    return found


def resolve_in(values: list[tuple[str, int]], name: str) -> str | None:
    """The value of ``values`` (most frequent first) ``name`` stands for: itself when there,
    else the one equal to it ignoring case and spacing (the most frequent, if several)."""
    if any(v == name for v, _ in values):
        return name
    key = " ".join(name.casefold().split())
    for value, _ in values:
        if " ".join(value.casefold().split()) == key:
            return value
    return None


def resolve(snap: snapshot.Snapshot, etype: str, name: str) -> str | None:
    """The indexed value ``name`` stands for, or None (:func:`resolve_in`)."""
    return resolve_in(selection.all_values(snap, etype), name)


def assemble(etype: str, value: str, counts: EntityCounts, latest: tuple[Latest, ...],
             spellings: tuple[str, ...]) -> EntityProfile:
    """The profile from what a backend counted and found (the same for every backend)."""
    related = counts.related
    return EntityProfile(
        type=etype,
        name=value,
        total=counts.total,
        timeline=F.date_facet(counts.days, counts.total - counts.dated),
        person=_top(related[S.PERSON], TOP_RELATED, value if etype == S.PERSON else ""),
        org=_top(related[S.ORG], TOP_RELATED, value if etype == S.ORG else ""),
        place=_top(related[S.PLACE], TOP_RELATED, value if etype == S.PLACE else ""),
        source=_top(related[S.SOURCE], TOP_SOURCES),
        latest=latest,
        aliases=spellings,
    )


def profile(holder: snapshot.SearcherHolder, etype: str, name: str) -> EntityProfile | None:
    """The profile of the entity ``name`` of facet ``etype`` (None when no article has it)."""
    snap = holder.snapshot()
    value = resolve(snap, etype, name)
    if value is None:
        return None
    searcher, schema = snap.searcher, snap.schema
    query = selection.combine(schema, None, [Query.term_query(schema, etype, value)])
    spec = {**F.date_aggs(), **{f: F.every_value_agg(f) for f in RELATED_FACETS}}
    agg = searcher.aggregate(query, spec)
    result = searcher.search(query, LATEST, count=True, order_by_field=S.DATE, order=Order.Desc)
    latest = []
    for _, addr in result.hits:
        p = service.payload(searcher, addr)
        latest.append(Latest(p.id, p.title, p.source, results.local_time(p.date)))
    counts = EntityCounts(
        total=int(result.count or 0),  # type: ignore[attr-defined]
        days=F.day_counts(agg.get("days")),
        dated=F.stats_count(agg.get("dated")),
        related={f: F.term_counts(agg.get(f)) for f in RELATED_FACETS},
    )
    return assemble(etype, value, counts, tuple(latest),
                    aliases(holder, snap).get((etype, value), ()))
