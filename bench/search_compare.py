"""``service.search`` of this checkout against another one (``--baseline DIR``, a checkout with
its compiled modules built in place), in process, interleaved: each side is a worker process on
the same index (:class:`bench.checkout_worker.CheckoutWorker`); they take turns on blocks of
fresh queries (``bench.http_bench``'s mix: words of headlines, phrases, person filters), each
block asked once of each side, so no answer comes from a cache filled by an earlier block.
Thread CPU time per search; no HTTP, so it isolates the search from the server around it.

Usage: ``python -m bench.search_compare --index IDX --baseline /work/base [--blocks 17]``.
"""

from __future__ import annotations

from pathlib import Path

from bench.checkout_worker import CheckoutWorker, worker_script
from bench.common import ROOT, arg_parser, load_articles
from bench.http_bench import make_queries

# Run in each side's checkout (sys.path[0]): it may hold any version of search_api.
_WORKER = worker_script(
    setup="""
from pathlib import Path
from search_api import service
from search_api.params import parse_search_params
# Looked up in the checkout's files: the editable install would find another's module.
if (Path(sys.argv[1]) / "search_api" / "snapshot.py").exists():
    from search_api.snapshot import SearcherHolder
else:  # a checkout from before search_api.snapshot
    from search_api.service import SearcherHolder
holder = SearcherHolder(Path(sys.argv[2]))
""",
    job="""
    result = [service.search(holder, parse_search_params(list(q.items()))).total for q in job]
""",
    clock="thread_time",
)

PEOPLE = ("Joko Widodo", "Anies Baswedan", "Prabowo Subianto", "Sri Mulyani Indrawati")


def main() -> None:
    p = arg_parser(__doc__ or "")
    p.add_argument("--index", type=Path, required=True, help="an index both checkouts can read")
    p.add_argument("--baseline", type=Path, required=True, help="the other checkout")
    p.add_argument("--blocks", type=int, default=17, help="blocks of --block fresh queries")
    p.add_argument("--block", type=int, default=100)
    p.add_argument("--seed", type=int, default=11)
    args = p.parse_args()
    articles = load_articles(args.shared, args.limit)
    warm = 50
    pool = make_queries(articles, list(PEOPLE), warm + args.blocks * args.block, seed=args.seed)
    old = CheckoutWorker(_WORKER, args.baseline, str(args.index))
    new = CheckoutWorker(_WORKER, ROOT, str(args.index))
    for side in (old, new):
        side.run(pool[:warm])
        side.seconds = 0.0
    differ = 0
    for k in range(args.blocks):
        block = pool[warm + k * args.block: warm + (k + 1) * args.block]
        first, second = (old, new) if k % 2 == 0 else (new, old)
        a, b = first.run(block), second.run(block)
        differ += sum(x != y for x, y in zip(a, b, strict=True))
    old.close()
    new.close()
    n = args.blocks * args.block
    print(f"service.search, {n:,} fresh queries each, thread CPU, blocks of {args.block}, "
          f"interleaved: baseline {args.baseline} vs {ROOT}")
    print(f"  baseline {old.seconds / n * 1e3:.3f} ms/search   this {new.seconds / n * 1e3:.3f}"
          f" ms/search   ratio {new.seconds / old.seconds:.3f}")
    print(f"  queries whose totals differ: {differ}")


if __name__ == "__main__":
    main()
