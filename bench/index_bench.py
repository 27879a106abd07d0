"""Full indexing pipeline vs raw tantivy on the same articles, measured side by side in one run.

Each build runs in its own subprocess so that its wall time and peak RSS are its own:

* raw:   read the gzip JSONL, index title+body with tantivy's default tokenizer, commit.
* cold:  ``warta reindex`` into an empty directory (no persisted stem cache).
* warm:  ``warta reindex`` again into the same directory (stem cache from the cold run).
* 10x:   the same articles repeated ten times under new ids (``--scale 10``), warm cache.

This machine's timings wander by tens of percent from run to run: ``--repeat N`` measures the
three builds N times back to back and reports the median ratios and their range.
"""

from __future__ import annotations

import gzip
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import orjson

from bench.common import CORPUS, arg_parser, raw_index

ROOT = Path(__file__).resolve().parents[1]
def _child_raw(src: Path, out: Path) -> dict[str, float]:
    def docs() -> Iterator[dict[str, str]]:
        with gzip.open(src, "rb") as f:
            for line in f:
                yield orjson.loads(line)

    t0 = time.perf_counter()
    index, _schema = raw_index(docs(), path=out)
    return {"seconds": time.perf_counter() - t0, "docs": index.searcher().num_docs}


def _child_ours(src: Path, out: Path) -> dict[str, float]:
    from indexer.build import reindex

    t0 = time.perf_counter()
    report = reindex([src], out)
    return {"seconds": time.perf_counter() - t0, "docs": report.written,
            "stemmed": report.stemmed_words}


def child(kind: str, src: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    result = _child_raw(src, out) if kind == "raw" else _child_ours(src, out)
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({**result, "rss_main_mb": me, "rss_worker_mb": kids}))


def run(kind: str, src: Path, out: Path) -> dict[str, float]:
    proc = subprocess.run(
        [sys.executable, "-m", "bench.index_bench", "--child", kind, "--src", str(src),
         "--out", str(out)],
        check=True, capture_output=True, text=True, cwd=ROOT,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def size_of(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def index_size(index_dir: Path) -> int:
    from indexer.store import current_generation

    gen = current_generation(index_dir)
    return size_of(gen) if gen else 0


def make_scaled(src: Path, dst: Path, scale: int) -> None:
    with gzip.open(src, "rb") as f:
        lines = [orjson.loads(line) for line in f]
    with gzip.open(dst, "wb", compresslevel=1) as out:
        for copy in range(scale):
            for d in lines:
                d2 = dict(d, id=f"{d['id']}-x{copy}", url=f"{d.get('url')}?copy={copy}")
                out.write(orjson.dumps(d2) + b"\n")


def show(name: str, r: dict[str, float], raw: dict[str, float] | None) -> None:
    ratio = f"{r['seconds'] / raw['seconds']:5.2f}x raw" if raw else ""
    print(f"  {name:<22} {r['seconds']:7.2f} s  {r['docs'] / r['seconds']:>9,.0f} articles/s  "
          f"peak RSS main {r['rss_main_mb']:6.0f} MB, worker {r['rss_worker_mb']:5.0f} MB  {ratio}")


def main() -> None:
    p = arg_parser(__doc__ or "")
    p.add_argument("--child", choices=["raw", "ours"])
    p.add_argument("--src", type=Path)
    p.add_argument("--out", type=Path)
    p.add_argument("--scale", type=int, default=10, help="also time an N-times corpus (0: skip)")
    p.add_argument("--repeat", type=int, default=1,
                   help="measure raw, cold and warm N times, back to back; report the medians")
    args = p.parse_args()
    if args.child:
        child(args.child, args.src, args.out)
        return
    src = args.shared / CORPUS
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        print(f"index bench: {src}")
        ratios: dict[str, list[float]] = {"cold": [], "warm": []}
        for rep in range(args.repeat):
            if args.repeat > 1:
                print(f" round {rep + 1}/{args.repeat}")
            shutil.rmtree(t / "ours", ignore_errors=True)
            shutil.rmtree(t / "raw", ignore_errors=True)
            raw = run("raw", src, t / "raw")
            show("raw tantivy", raw, None)
            cold = run("ours", src, t / "ours")
            show("warta, cold stem cache", cold, raw)
            warm = run("ours", src, t / "ours")
            show("warta, warm stem cache", warm, raw)
            ratios["cold"].append(cold["seconds"] / raw["seconds"])
            ratios["warm"].append(warm["seconds"] / raw["seconds"])
        raw_size, our_size = size_of(t / "raw"), index_size(t / "ours")
        print(f"  index size: raw {raw_size / 1e6:.1f} MB, warta {our_size / 1e6:.1f} MB "
              f"({our_size / raw_size:.2f}x raw)")
        med = {k: statistics.median(v) for k, v in ratios.items()}
        spread = "" if args.repeat == 1 else " ".join(
            f"({k} {min(v):.2f}-{max(v):.2f}x)" for k, v in ratios.items())
        print(f"  ratios{' (median)' if args.repeat > 1 else ''}: cold {med['cold']:.2f}x, "
              f"warm {med['warm']:.2f}x (goals: 3x cold, 2x warm) {spread}".rstrip())
        if args.scale > 1:
            big = t / f"x{args.scale}.jsonl.gz"
            make_scaled(src, big, args.scale)
            raw_big = run("raw", big, t / "raw-big")
            show(f"raw tantivy {args.scale}x", raw_big, None)
            ours_big = run("ours", big, t / "ours")  # warm cache from the runs above
            show(f"warta {args.scale}x, warm", ours_big, raw_big)
            print(f"  growth {args.scale}x corpus: raw {raw_big['seconds'] / raw['seconds']:.1f}x "
                  f"time, warta {ours_big['seconds'] / warm['seconds']:.1f}x time")


if __name__ == "__main__":
    main()
