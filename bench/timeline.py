"""Where a full build keeps the cores busy: CPU of the build's process tree over time.

Runs ``reindex`` of the corpus in a child process and samples, every ``--every`` seconds, the
CPU time of each of its threads and worker processes (``/proc``: what the kernel charged to
them, so other programs on a shared machine disturb the figures least). Each row is one period:
the cores the build used in all, split into the building process's main thread, its other
threads (tantivy's indexing and merging threads, the side thread clustering stories) and the
workers. A build that keeps two cores busy shows ~2.0 in the "all" column throughout; a row
well below that is a phase where a core idles.

    python -m bench.timeline [--every 1.0] [--warm]
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import CORPUS, arg_parser

_TICK = os.sysconf("SC_CLK_TCK")


def _cpu(stat_path: Path) -> float:
    """utime + stime of a /proc stat file, in seconds (0 when it is gone)."""
    try:
        text = stat_path.read_text()
    except OSError:
        return 0.0
    fields = text[text.rindex(")") + 2:].split()
    return (int(fields[11]) + int(fields[12])) / _TICK


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(x) for x in text.split()]


def sample(pid: int) -> dict[str, float]:
    """Seconds of CPU so far: the main thread, the main process's other threads, the live
    workers."""
    main = _cpu(Path(f"/proc/{pid}/task/{pid}/stat"))
    others = 0.0
    try:
        tids = [int(t) for t in os.listdir(f"/proc/{pid}/task") if int(t) != pid]
    except OSError:
        tids = []
    for tid in tids:
        others += _cpu(Path(f"/proc/{pid}/task/{tid}/stat"))
    workers = 0.0
    for child in _children(pid):
        workers += _cpu(Path(f"/proc/{child}/stat"))
    return {"main": main, "threads": others, "workers": workers}


_CHILD = """
import sys, time
from pathlib import Path
from indexer.build import reindex
t0 = time.perf_counter()
reindex([Path(sys.argv[1])], Path(sys.argv[2]))
print(f"built in {time.perf_counter() - t0:.2f} s", file=sys.stderr)
"""


def main() -> None:
    p = arg_parser(__doc__ or "")
    p.add_argument("--every", type=float, default=1.0, help="sampling period, seconds")
    p.add_argument("--warm", action="store_true", help="build twice, show the second build")
    p.add_argument("--python", default=sys.executable, help="the Python of the checkout in cwd")
    args = p.parse_args()
    src = args.shared / CORPUS
    with tempfile.TemporaryDirectory() as tmp:
        if args.warm:
            subprocess.run([args.python, "-c", _CHILD, str(src), tmp], check=True)
        proc = subprocess.Popen([args.python, "-c", _CHILD, str(src), tmp])
        t0 = time.perf_counter()
        last = {"main": 0.0, "threads": 0.0, "workers": 0.0}
        totals = dict(last)
        print(f"timeline of one {'warm' if args.warm else 'cold'} build: cores used per period")
        print(f"  {'t (s)':>6} {'all':>5} {'main':>5} {'thr':>5} {'workers':>7}")
        while proc.poll() is None:
            time.sleep(args.every)
            now = sample(proc.pid)
            # a worker that exited takes its time with it: never count a negative period
            d = {k: max(0.0, now[k] - last[k]) for k in now}
            if now["workers"] < last["workers"]:
                d["workers"] = now["workers"]
            last = now
            for k in d:
                totals[k] += d[k]
            t = time.perf_counter() - t0
            used = sum(d.values()) / args.every
            print(f"  {t:6.1f} {used:5.2f} {d['main'] / args.every:5.2f} "
                  f"{d['threads'] / args.every:5.2f} {d['workers'] / args.every:7.2f}")
        wall = time.perf_counter() - t0
        cpu = sum(totals.values())
        print(f"  wall {wall:.1f} s, CPU sampled {cpu:.1f} s (main {totals['main']:.1f}, "
              f"threads {totals['threads']:.1f}, workers {totals['workers']:.1f}): "
              f"{cpu / wall:.2f} cores on average")


if __name__ == "__main__":
    main()
