"""Draw a judged sample of entity facet values and print where each was found, to judge by
reading (issue 15's "50 values per type, 47 correct").

    .venv/bin/python -m scripts.judge_sample INDEX --seed 15 [--per-type 50] [--contexts 3]

For each of person, org and place: ``--per-type`` values drawn from the top 500 by article
count, weighted by it (:func:`indexer.facet_quality.judged_sample`), each with the headline and
the words around its mentions in up to ``--contexts`` of its articles (also seeded), and the
other values of the facet that may name the same entity (sharing a word of four letters or
more, or spelling its initials), to judge splits by.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import tantivy

from indexer import schema as S
from indexer import store
from indexer.document import load_payload
from indexer.facet_quality import facet_counts, judged_sample

WIDTH = 70


def contexts(searcher: tantivy.Searcher, schema: tantivy.Schema, facet: str, value: str,
             k: int, rng: random.Random) -> list[str]:
    hits = searcher.search(tantivy.Query.term_query(schema, facet, value), 1000).hits
    picks = rng.sample(hits, min(k, len(hits)))
    out = []
    for _, addr in picks:
        art = load_payload(searcher.doc(addr)[S.PAYLOAD][0])
        ms = [m for m in art.mentions if m.name == value] or list(art.mentions[:1])
        m = ms[0]
        text = art.title if m.field == "title" else art.body
        left = text[max(0, m.start - WIDTH):m.start].replace("\n", " ")
        right = text[m.end:m.end + WIDTH].replace("\n", " ")
        out.append(f"[{art.source}/{art.category}] {art.title[:80]}\n"
                   f"        …{left}[[{text[m.start:m.end]}]]{right}…")
    return out


def _initials(value: str) -> str:
    return "".join(w[0] for w in value.lower().split() if w[:1].isalpha() and w != "dan")


def kin(value: str, counts: list[tuple[str, int]], limit: int = 8) -> list[tuple[str, int]]:
    """Other values that may name the entity ``value`` names, most articles first."""
    words = {w for w in value.lower().split() if len(w) >= 4}
    low = value.lower()
    found = [(v, c) for v, c in counts if v != value and (
        words & set(v.lower().split()) or (low.isalpha() and _initials(v) == low)
        or (v.isupper() and _initials(value) == v.lower()))]
    return found[:limit]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("index", type=Path)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--per-type", type=int, default=50)
    ap.add_argument("--contexts", type=int, default=3)
    args = ap.parse_args()
    index = store.open_index(args.index)
    searcher, schema = index.searcher(), index.schema
    counts = facet_counts(args.index)
    rng = random.Random(args.seed)
    for facet in S.ENTITY_FACETS:
        print(f"== {facet}: {args.per_type} of the top 500, seed {args.seed}")
        for i, (value, c) in enumerate(judged_sample(counts[facet], args.per_type, args.seed), 1):
            print(f"{i:3} {c:5}  {value}")
            for line in contexts(searcher, schema, facet, value, args.contexts, rng):
                print("      " + line)
            print("      kin: " + "; ".join(f"{v} {c}" for v, c in kin(value, counts[facet])))


if __name__ == "__main__":
    main()
