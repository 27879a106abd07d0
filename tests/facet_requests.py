"""What the facet tests ask of the real index: one list of request shapes, and each request
prepared as :func:`search_api.service.search` prepares it (words compiled, filters, the
indexed selection, the date range) for counting with :mod:`search_api.facet_counts` directly,
with no cache and no service in between."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from tantivy import Query

from search_api import facet_counts, selection
from search_api import facets as F
from search_api.params import SearchRequest
from search_api.query import build
from search_api.snapshot import Snapshot

REQUESTS: list[list[tuple[str, str]]] = [
    [], [("q", "jakarta")], [("q", "presiden")], [("q", "presiden"), ("sort", "newest")],
    [("q", "banjir")], [("q", "bola")], [("q", "sepak bola")],
    [("q", "pemerintah"), ("source", "detik.com")],
    [("q", "banjir"), ("place", "Jakarta"), ("person", "Joko Widodo")],
    [("q", "indonesia"), ("person", "Joko Widodo"), ("person", "Prabowo Subianto"),
     ("person_op", "and")],
    [("q", "korupsi"), ("org", "KPK")], [("org", "KPK")],
    [("q", "gempa"), ("from", "2019-01-01")],
    [("q", "sepak bola"), ("category", "Olahraga"), ("from", "2019-01-01")],
    [("org", "KPK"), ("org", "Polri"), ("org", "a value not in the index")],
]


@dataclass(frozen=True, slots=True)
class Prepared:
    request: SearchRequest  # with the selection as the index writes it
    text: Query | None
    filters: Mapping[str, Query]
    dates: Query | None

    def facets(self, snap: Snapshot) -> tuple[F.Facets, int]:
        return facet_counts.compute_facets(snap, self.request, self.text, self.filters,
                                           self.dates)


def prepared(snap: Snapshot, request: SearchRequest, *, fallback: bool = False) -> Prepared:
    """``request`` ready to count; ``fallback``: its words matched some, not all."""
    compiled = build(request.q, snap.analyzer, snap.schema)
    indexed = selection.indexed_selection(snap, request)
    return Prepared(indexed, compiled.fallback if fallback else compiled.query,
                    selection.facet_filters(snap, request),
                    selection.date_filter(snap.schema, indexed.date_from, indexed.date_to))
