"""Entity extraction of this checkout against another one (``--baseline DIR``, a checkout with
its compiled modules built in place), interleaved. Each side runs in a worker process (this
interpreter and its packages, the ``indexer`` of its checkout) with a fresh model: caches
empty, as when an index is built; the model load is not timed. The two take turns on the same
chunks of the corpus, so that both see the same load on a shared machine. Process time per
article, for what an index build runs (headline + body mentions,
``indexer.mentions.article_mentions``), the bodies alone (``extract_entities``) and the compiled
tagger alone; each a separate first pass (``--passes 2``: and a second pass over the corpus
with the caches warm, timed apart). The mentions of both sides are compared too.

Usage: ``python -m bench.extraction_compare --baseline /work/base [--chunk 250] [--passes 2]``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench.checkout_worker import CheckoutWorker, worker_script
from bench.common import ROOT, arg_parser, load_articles

# Run in each side's checkout (sys.path[0]): it may hold any version of indexer.
_WORKER = worker_script(
    setup="""
import gc
from indexer.entities import extract_entities, load_model
from indexer.mentions import article_mentions
stage = sys.argv[2]
model = load_model()
tagger = model.tagger
gc.collect()
""",
    job="""
    if stage == "mentions":
        result = [article_mentions(t, b) for t, b in job]
    elif stage == "bodies":
        result = [extract_entities(b, model) for _, b in job]
    else:
        result = [tagger.extract(b) for _, b in job]
""",
    send="[[tuple(getattr(m, f) for f in m.__slots__) for m in ms] for ms in result]",
)

STAGES = ("mentions", "bodies", "tagger")


def main() -> None:
    p = arg_parser(__doc__ or "")
    p.add_argument("--baseline", type=Path, required=True, help="the other checkout")
    p.add_argument("--chunk", type=int, default=250, help="articles per turn")
    p.add_argument("--stages", default=",".join(STAGES), help="which of " + ",".join(STAGES))
    p.add_argument("--passes", type=int, default=1, help="passes over the corpus (2: warm too)")
    args = p.parse_args()
    articles = [(a["title"], a["body"]) for a in load_articles(args.shared, args.limit)]
    n = len(articles)
    print(f"extraction, {n:,} articles, first pass each, process time, chunks of {args.chunk}, "
          f"interleaved: baseline {args.baseline} vs {ROOT}")
    differ = 0
    for stage in args.stages.split(","):
        old = CheckoutWorker(_WORKER, args.baseline, stage)
        new = CheckoutWorker(_WORKER, ROOT, stage)
        for run in range(args.passes):
            old.seconds = new.seconds = 0.0
            for k, i in enumerate(range(0, n, args.chunk)):
                chunk = articles[i : i + args.chunk]
                first, second = (old, new) if k % 2 == 0 else (new, old)
                a, b = first.run(chunk), second.run(chunk)
                differ += sum(x != y for x, y in zip(a, b, strict=True))
            label = stage if run == 0 else f"  pass {run + 1}"
            print(f"  {label:<9} baseline {old.seconds / n * 1e6:6.1f} µs/article   "
                  f"this {new.seconds / n * 1e6:6.1f} µs/article   "
                  f"ratio {new.seconds / old.seconds:.3f}", flush=True)
        old.close()
        new.close()
    print(f"  articles whose mentions differ: {differ}")
    if differ:
        sys.exit(1)


if __name__ == "__main__":
    main()
