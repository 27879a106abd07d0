"""Autocomplete, "did you mean" and entity profiles in process on the corpus index: p50 / p99
per call, wall clock and CPU time (CPU time is what the call itself costs when the machine is
shared), beside one /search of the same index in the same run.

    python -m bench.explore_bench [--index DIR]   # without --index, builds the corpus first
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from bench.common import CORPUS, arg_parser
from indexer import schema as S
from indexer.build import reindex
from search_api import explore, selection, service, snapshot, spelling, suggest
from search_api.params import parse_search_params


def measure(name: str, calls: list[Callable[[], object]]) -> tuple[float, float]:
    walls, cpus = [], []
    for call in calls:
        w0, c0 = time.perf_counter(), time.process_time()
        call()
        walls.append(time.perf_counter() - w0)
        cpus.append(time.process_time() - c0)
    walls.sort()
    cpus.sort()
    p50 = statistics.median(walls) * 1000
    p99 = walls[int(len(walls) * 0.99) - 1] * 1000
    cpu99 = cpus[int(len(cpus) * 0.99) - 1] * 1000
    print(f"{name:<24} n={len(calls):>5}  p50 {p50:7.3f} ms  p99 {p99:7.3f} ms  "
          f"(CPU p99 {cpu99:7.3f} ms)")
    return p50, p99


def main() -> None:
    parser = arg_parser(__doc__ or "")
    parser.add_argument("--index", type=Path, default=None)
    args = parser.parse_args()
    index = args.index
    if index is None:
        index = Path(tempfile.mkdtemp(prefix="warta-explore-")) / "index"
        reindex([args.shared / CORPUS], index)
    holder = snapshot.SearcherHolder(index)
    snap = holder.snapshot()
    rng = random.Random(7)
    words = [w for w, c in snap.searcher.terms_with_prefix(S.WORDS, "") if w.isalpha() and c > 1]
    t0 = time.perf_counter()
    suggest.indexes(snap)
    print(f"suggest indexes built in {time.perf_counter() - t0:.2f} s (once per snapshot)")
    prefixes = [w[: rng.randint(1, min(6, len(w)))] for w in rng.sample(words, 3000)]
    sugg = measure("suggest", [partial(suggest.suggest, holder, p, 8) for p in prefixes])
    t0 = time.perf_counter()
    spelling.correct_word(snap, "banjr")
    print(f"spelling dictionary built in {time.perf_counter() - t0:.2f} s (once per snapshot)")
    typos = [w[:i] + w[i + 1:] for w in rng.sample([w for w in words if len(w) > 5], 1000)
             for i in [rng.randrange(len(w))]]
    measure("did-you-mean (query)", [partial(spelling.suggestion, snap, t) for t in typos])
    people = [v for v, _ in selection.all_values(snap, S.PERSON)[:200]]
    measure("entity profile", [partial(explore.profile, holder, S.PERSON, n) for n in people])
    queries = rng.sample(words, 500)
    search = measure("/search (same index)", [
        partial(service.search, holder, parse_search_params([("q", q)])) for q in queries])
    print(f"suggest p99 / search p50: {sugg[1] / search[0]:.2f}x")


if __name__ == "__main__":
    main()
