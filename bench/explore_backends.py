"""Exploration on both backends, interleaved call by call: entity profiles, autocomplete, "did
you mean", story pages and related articles through each backend's methods (OpenSearch's include
the HTTP round trips on 127.0.0.1), p50 / p99 per call and the OpenSearch / tantivy ratio; and
the once-per-generation builds (autocomplete's indexes, the spelling dictionary).

    python -m bench.explore_backends [--limit N] [--heap 1g]   # N: the corpus's first N records

The same records are built into a tantivy index and an embedded OpenSearch node (one shard).
"""

from __future__ import annotations

import gzip
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from operator import methodcaller
from pathlib import Path

from bench.common import CORPUS, arg_parser
from indexer import opensearch_writer as W
from indexer import schema as S
from indexer.build import reindex
from indexer.opensearch_node import running_node
from search_api import selection, spelling
from search_api.backends import Backend, TantivyBackend
from search_api.backends import opensearch_explore as X
from search_api.backends.opensearch import OpenSearchBackend
from search_api.params import parse_search_params


def _ms(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[max(int(len(values) * q) - 1, 0)] * 1000


def interleaved(name: str, calls: list[Callable[[Backend], object]], tantivy: Backend,
                opensearch: Backend) -> None:
    times: dict[str, list[float]] = {"t": [], "o": []}
    for call in calls:
        for key, backend in (("t", tantivy), ("o", opensearch)):
            t0 = time.perf_counter()
            call(backend)
            times[key].append(time.perf_counter() - t0)
    t50, o50 = statistics.median(times["t"]) * 1000, statistics.median(times["o"]) * 1000
    t99, o99 = _ms(times["t"], 0.99), _ms(times["o"], 0.99)
    print(f"{name:<16} n={len(calls):>4}  tantivy p50 {t50:7.2f} p99 {t99:7.2f} ms  "
          f"opensearch p50 {o50:7.2f} p99 {o99:7.2f} ms  ratio p50 {o50 / t50:5.1f}x")


def main() -> None:
    parser = arg_parser(__doc__ or "")
    parser.add_argument("--heap", default="1g")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as d, running_node(heap=args.heap) as url:
        src = Path(d) / "articles.jsonl"
        with gzip.open(args.shared / CORPUS, "rb") as f, src.open("wb") as out:
            for i, line in enumerate(f):
                if args.limit and i >= args.limit:
                    break
                out.write(line)
        reindex([src], Path(d) / "index", workers=2)
        W.reindex([src], url, "explore", workers=2)
        tantivy, opensearch = TantivyBackend(Path(d) / "index"), OpenSearchBackend(url, "explore")
        snap = tantivy.holder.snapshot()
        print(f"{snap.searcher.num_docs} articles in each backend")

        def did_you_mean(b: Backend, q: str) -> object:
            if isinstance(b, OpenSearchBackend):
                return X.did_you_mean(b, q)
            return spelling.suggestion(snap, q)

        for label, backend in (("tantivy", tantivy), ("opensearch", opensearch)):
            t0 = time.perf_counter()
            backend.suggest("ja", 8)
            t1 = time.perf_counter()
            did_you_mean(backend, "banjr")
            t2 = time.perf_counter()
            print(f"{label:<10} suggest indexes {t1 - t0:6.2f} s, spelling dictionary "
                  f"{t2 - t1:6.2f} s (once per generation)")
        rng = random.Random(7)
        words = [w for w, c in snap.searcher.terms_with_prefix(S.WORDS, "")
                 if w.isalpha() and c > 1]
        people = [v for v, _ in selection.all_values(snap, S.PERSON)[:100]]
        interleaved("entity profile", [methodcaller("profile", S.PERSON, n) for n in people],
                    tantivy, opensearch)
        prefixes = [w[: rng.randint(1, min(6, len(w)))] for w in rng.sample(words, 500)]
        interleaved("suggest", [methodcaller("suggest", p, 8) for p in prefixes],
                    tantivy, opensearch)
        typos = [w[:i] + w[i + 1:] for w in rng.sample([w for w in words if len(w) > 5], 200)
                 for i in [rng.randrange(len(w))]]
        interleaved("did you mean", [partial(did_you_mean, q=t) for t in typos],
                    tantivy, opensearch)
        browse = parse_search_params([("size", "100"), ("collapse", "none")])
        ids = [h.id for h in tantivy.search(browse).hits]
        stories = [h.story.id for h in tantivy.search(browse).hits]
        interleaved("story page", [methodcaller("story", s) for s in stories],
                    tantivy, opensearch)
        interleaved("related", [methodcaller("related", i, 5) for i in ids],
                    tantivy, opensearch)


if __name__ == "__main__":
    main()
