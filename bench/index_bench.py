"""Full indexing pipeline vs raw tantivy on the same articles, measured side by side in one run.

Each build runs in its own subprocess so that its wall time and peak RSS are its own:

* raw:   read the gzip JSONL, index title+body with tantivy's default tokenizer, commit.
* cold:  ``warta reindex`` into an empty directory (no persisted stem cache).
* warm:  ``warta reindex`` again into the same directory (stem cache from the cold run).
* 10x:   the same articles repeated ten times under new ids (``--scale 10``), warm cache.

This machine's timings wander by tens of percent from run to run: ``--repeat N`` measures the
three builds N times back to back and reports the median ratios and their range.

``--compare NAME=DIR[:PYTHON]`` (repeatable) builds with another checkout of Warta too (its
``reindex``, run by its own Python, default ``DIR/.venv/bin/python``), interleaved with ours in
each round: raw, every checkout cold, every checkout warm. Each line gives wall time, CPU time
(the build's process and its workers: what a loaded machine disturbs least), peak RSS of the
main process and of the largest worker, and the index size.
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
from dataclasses import dataclass
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


def _usage() -> dict[str, float]:
    me, kids = (resource.getrusage(who) for who in (resource.RUSAGE_SELF,
                                                    resource.RUSAGE_CHILDREN))
    return {"rss_main_mb": me.ru_maxrss / 1024, "rss_worker_mb": kids.ru_maxrss / 1024,
            "cpu": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime}


def child(kind: str, src: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    result = _child_raw(src, out) if kind == "raw" else _child_ours(src, out)
    print(json.dumps({**result, **_usage()}))


# What another checkout runs: its own ``reindex`` (the signature every version has kept).
_OTHER_CHILD = """
import json, resource, sys, time
from pathlib import Path
from indexer.build import reindex
t0 = time.perf_counter()
report = reindex([Path(sys.argv[1])], Path(sys.argv[2]))
seconds = time.perf_counter() - t0
me, kids = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
print(json.dumps({"seconds": seconds, "docs": report.written,
                  "rss_main_mb": me.ru_maxrss / 1024, "rss_worker_mb": kids.ru_maxrss / 1024,
                  "cpu": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime}))
"""


@dataclass(frozen=True, slots=True)
class Checkout:
    name: str
    root: Path
    python: str


def parse_compare(spec: str) -> Checkout:
    name, _, rest = spec.partition("=")
    root, _, python = rest.partition(":")
    return Checkout(name, Path(root), python or str(Path(root) / ".venv" / "bin" / "python"))


def run(kind: str, src: Path, out: Path, other: Checkout | None = None) -> dict[str, float]:
    if other is None:
        cmd = [sys.executable, "-m", "bench.index_bench", "--child", kind, "--src", str(src),
               "--out", str(out)]
    else:
        out.mkdir(parents=True, exist_ok=True)
        cmd = [other.python, "-c", _OTHER_CHILD, str(src), str(out)]
    proc = subprocess.run(cmd, check=True, capture_output=True, text=True,
                          cwd=other.root if other else ROOT)
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
    ratio = (f"{r['seconds'] / raw['seconds']:5.2f}x raw, CPU {r['cpu'] / raw['cpu']:5.2f}x"
             if raw else "")
    print(f"  {name:<24} {r['seconds']:7.2f} s  CPU {r['cpu']:6.2f} s  "
          f"{r['docs'] / r['seconds']:>7,.0f} art/s  peak RSS main {r['rss_main_mb']:5.0f} MB, "
          f"worker {r['rss_worker_mb']:5.0f} MB  {ratio}")


def main() -> None:
    p = arg_parser(__doc__ or "")
    p.add_argument("--child", choices=["raw", "ours"])
    p.add_argument("--src", type=Path)
    p.add_argument("--out", type=Path)
    p.add_argument("--scale", type=int, default=10, help="also time an N-times corpus (0: skip)")
    p.add_argument("--repeat", type=int, default=1,
                   help="measure raw, cold and warm N times, back to back; report the medians")
    p.add_argument("--compare", type=parse_compare, action="append", default=[],
                   metavar="NAME=DIR[:PYTHON]", help="also build with this checkout, interleaved")
    args = p.parse_args()
    if args.child:
        child(args.child, args.src, args.out)
        return
    src = args.shared / CORPUS
    builds: list[tuple[str, Checkout | None]] = [(c.name, c) for c in args.compare]
    builds.append(("warta" if not args.compare else "this checkout", None))
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        print(f"index bench: {src}")
        ratios: dict[str, list[float]] = {}
        for rep in range(args.repeat):
            if args.repeat > 1:
                print(f" round {rep + 1}/{args.repeat}")
            shutil.rmtree(t / "raw", ignore_errors=True)
            raw = run("raw", src, t / "raw")
            show("raw tantivy", raw, None)
            for i in range(len(builds)):
                shutil.rmtree(t / f"ours{i}", ignore_errors=True)
            for warmth in ("cold", "warm"):
                for i, (name, other) in enumerate(builds):
                    r = run("ours", src, t / f"ours{i}", other)
                    show(f"{name}, {warmth}", r, raw)
                    if other is None:
                        warm = r
                    for unit in ("seconds", "cpu"):
                        ratios.setdefault(f"{name} {warmth} {unit}", []).append(
                            r[unit] / raw[unit])
        raw_size = size_of(t / "raw")
        for i, (name, _other) in enumerate(builds):
            size = index_size(t / f"ours{i}")
            print(f"  index size: {name} {size / 1e6:.1f} MB ({size / raw_size:.2f}x raw "
                  f"{raw_size / 1e6:.1f} MB)")
        for key, values in ratios.items():
            spread = "" if args.repeat == 1 else f" ({min(values):.2f}-{max(values):.2f}x)"
            print(f"  ratio to raw{' (median)' if args.repeat > 1 else ''}, {key}: "
                  f"{statistics.median(values):.2f}x{spread}")
        print("  goals: 3x raw cold, 2x raw warm")
        if args.scale > 1:
            big = t / f"x{args.scale}.jsonl.gz"
            make_scaled(src, big, args.scale)
            raw_big = run("raw", big, t / "raw-big")
            show(f"raw tantivy {args.scale}x", raw_big, None)
            ours_big = run("ours", big, t / f"ours{len(builds) - 1}")  # warm from the above
            show(f"warta {args.scale}x, warm", ours_big, raw_big)
            print(f"  growth {args.scale}x corpus: raw {raw_big['seconds'] / raw['seconds']:.1f}x "
                  f"time, warta {ours_big['seconds'] / warm['seconds']:.1f}x time")


if __name__ == "__main__":
    main()
