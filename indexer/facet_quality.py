"""How trustworthy an index's entity facets are: top values, fragments, variants, tickets
(printed by ``scripts/facet_report.py INDEX``).

For each entity facet, the top values by articles (duplicates included, as ``warta stats``);
then, among the top persons, the *fragments* (a person value whose words all appear, in order,
inside another person value of the list: "Habibie" beside "Bacharuddin Jusuf Habibie"); the
*exact variants* in every facet, over all its values (equal up to case, apostrophes and spacing:
``name_keys.variant_key``); and the *tickets* among persons ("A-B" of two persons).
"""

from __future__ import annotations

import random
from collections import defaultdict
from pathlib import Path
from typing import Any

import tantivy

from indexer import schema as S
from indexer import store
from indexer.name_keys import in_order, name_words, ticket_halves, variant_key


def facet_counts(index_dir: Path) -> dict[str, list[tuple[str, int]]]:
    """Every value of every keyword facet with its article count, most articles first."""
    searcher = store.open_index(index_dir).searcher()
    aggs = {f: {"terms": {"field": f, "size": S.MAX_BUCKETS, "segment_size": S.MAX_BUCKETS}}
            for f in S.KEYWORD_FACETS}
    result = searcher.aggregate(tantivy.Query.all_query(), aggs)
    return {f: sorted(((b["key"], b["doc_count"]) for b in result[f]["buckets"]),
                      key=lambda vc: (-vc[1], vc[0]))
            for f in S.KEYWORD_FACETS}


def fragments(values: list[str]) -> list[tuple[str, str]]:
    """(fragment, a longer value of the list holding all its words in order)."""
    words = {v: name_words(v) for v in values}
    out = []
    for v in values:
        for u in values:
            if len(words[u]) > len(words[v]) and in_order(words[v], words[u]):
                out.append((v, u))
                break
    return out


def variants(counts: list[tuple[str, int]]) -> list[list[tuple[str, int]]]:
    """Groups of values that differ only in case, apostrophes or spacing, biggest first."""
    groups: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for v, c in counts:
        groups[variant_key(v)].append((v, c))
    found = [g for g in groups.values() if len(g) > 1]
    return sorted(found, key=lambda g: -sum(c for _, c in g))


def tickets(counts: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Person values "A-B" whose halves are both person values of the index."""
    known = {variant_key(v) for v, _ in counts}
    return [(v, c) for v, c in counts
            if (h := ticket_halves(v)) and all(variant_key(x) in known for x in h)]


def report(index_dir: Path, top: int) -> dict[str, Any]:
    counts = facet_counts(index_dir)
    persons = [v for v, _ in counts[S.PERSON][:top]]
    return {
        "top": {f: counts[f][:top] for f in S.ENTITY_FACETS},
        "fragments": fragments(persons),
        "variants": {f: variants(counts[f]) for f in S.KEYWORD_FACETS},
        "tickets": tickets(counts[S.PERSON]),
    }


def judged_sample(counts: list[tuple[str, int]], n: int, seed: int, pool: int = 500
                  ) -> list[tuple[str, int]]:
    """``n`` values of one facet to judge by reading: drawn without replacement from its top
    ``pool`` values, each with probability in proportion to its article count (what a reader
    of the facet meets), by ``random.Random(seed)``; most articles first."""
    rng = random.Random(seed)
    top = counts[:pool]
    # Efraimidis-Spirakis: the n largest u ** (1 / weight) are a weighted sample.
    keyed = sorted(top, key=lambda vc: -(rng.random() ** (1 / vc[1])))
    return sorted(keyed[:n], key=lambda vc: (-vc[1], vc[0]))
