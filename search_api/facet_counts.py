"""The facets of a search's results: one aggregate call for the terms facets, the dates and the
story counts, one more per disjunctive facet, and recounts where a probe left the last place
undecided (:func:`search_api.facets.probe_agg`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import tantivy
from tantivy import Query

from indexer import schema as S
from search_api import facet_keys as FK
from search_api import facets as F
from search_api import stories as ST
from search_api.params import SearchRequest
from search_api.selection import combine
from search_api.snapshot import Snapshot


def compute_facets(
    snap: Snapshot,
    request: SearchRequest,
    text: Query | None,
    filters: Mapping[str, Query],
    range_filter: Query | None,
) -> tuple[F.Facets, int]:
    """The facets of the results and how many distinct stories they hold (one aggregate call
    counts both and the results themselves, plus one per disjunctive facet and one for the
    facets whose probe left their last place undecided, see :func:`_top_counts`)."""
    searcher, schema = snap.searcher, snap.schema
    keyed = FK.tables(snap)
    base = [range_filter] if range_filter is not None else []
    full = combine(schema, text, [*base, *filters.values()])
    size = request.facet_size
    spec: dict[str, Any] = {**F.date_aggs(), "stories": ST.repeats_agg(searcher.num_docs),
                            "members": ST.members_agg()}
    # Disjunctive (see facets.py) but for a facet whose values must all match: choosing one
    # more of those narrows the results, so its counts are those of the results as they are.
    disjunctive = {name for name in filters if name not in request.all_of}
    together = [name for name in S.KEYWORD_FACETS if name not in disjunctive]
    for name in together:
        spec[name] = FK.probe_agg(keyed, name, size, searcher.num_segments)
    result = searcher.aggregate(full, spec)
    counts_of = _top_counts(searcher, keyed, full, together, size, result)
    total = F.stats_count(result.get("members"))
    values: dict[str, tuple[F.FacetValue, ...]] = {}
    for name in S.KEYWORD_FACETS:
        selected = request.selected(name)
        if name in disjunctive:
            # Disjunctive: count this facet with every filter but its own.
            others = [q for other, q in filters.items() if other != name]
            counted = combine(schema, text, [*base, *others])
            counts = _top_counts(searcher, keyed, counted, [name], size)[name]
        else:
            counted, counts = full, counts_of[name]
        shown = {v for v, _ in counts}
        unshown = [v for v in selected if v not in shown]
        missing: dict[str, int] = {}
        if unshown and name in disjunctive and len(selected) == 1:
            # This facet's filter is its one selected value, so the results counted here
            # that have it are the results themselves.
            missing = {selected[0]: total}
        elif unshown:  # the selected values outside the top: one call counts them all
            agg = searcher.aggregate(counted, {name: F.terms_agg(
                name, len(unshown), searcher.num_segments, include=unshown)})
            found = dict(F.term_counts(agg.get(name)))
            missing = {v: found.get(v, 0) for v in unshown}
        values[name] = F.terms_facet(counts, selected, size, missing)
    days = F.day_counts(result.get("days"))
    undated = total - F.stats_count(result.get("dated"))
    return F.Facets(
        person=values[S.PERSON],
        org=values[S.ORG],
        place=values[S.PLACE],
        source=values[S.SOURCE],
        category=values[S.CATEGORY],
        date=F.date_facet(days, undated),
    ), ST.stories_among(total, result.get("stories"))


def _top_counts(searcher: tantivy.Searcher, keyed: FK.Tables, query: Query, names: Sequence[str],
                size: int, result: Mapping[str, Any] | None = None
                ) -> dict[str, list[tuple[str, int]]]:
    """Each facet's (value, count) pairs holding its top ``size`` for ``query``: probed
    (``result``, an aggregate call that had :func:`facet_keys.probe_agg` for each name, or a
    call of their own); the facets counted by number whose probe left the last place undecided
    probed again wider (:func:`facet_keys.wide_agg`, one call); and those still undecided (or
    naming a number ``keyed`` does not) counted again, in one call, with
    :func:`facets.terms_agg`."""
    segments = searcher.num_segments
    if result is None:
        result = searcher.aggregate(
            query, {n: FK.probe_agg(keyed, n, size, segments) for n in names})
    probed = {n: FK.term_counts(keyed, n, result.get(n)) for n in names}
    counts = {n: c for n, c in probed.items() if c is not None}
    unsettled = [n for n in names if n not in counts or not F.probe_settles(counts[n], size)]
    wide = [n for n in unsettled if n in keyed and n in counts]
    if wide:  # probed by number: first a wider probe by number
        again = searcher.aggregate(query, {n: FK.wide_agg(n, size, segments) for n in wide})
        for n in wide:
            found = FK.term_counts(keyed, n, again.get(n))
            if found is not None and F.probe_settles(found, size, FK.wide_width(size)):
                counts[n] = found
                unsettled.remove(n)
    if unsettled:
        exact = searcher.aggregate(query, {n: F.terms_agg(n, size, segments) for n in unsettled})
        counts.update((n, F.term_counts(exact.get(n))) for n in unsettled)
    return counts
