"""HTTP latency of a real uvicorn server on 127.0.0.1 over the index of the 22k corpus, beside
the floor (:mod:`bench.floor`: in-process tantivy doing the same faceted search on the same
index, one query after another and from 8 threads at once), in one run.

2,000 queries: 1–4 words taken from real titles, plus facet-filtered and phrase queries. Run at
concurrency 1 and 8; prints p50/p95/p99 latency, requests/s, errors and the server's CPU time
per request (the number that holds on a shared machine), then the ratios to the floor and of the
page ``/`` to ``/search`` (of their p50s, and the p50 of each query's own two answers' ratio),
and beside them the round trip of ``/health`` (what the client, HTTP and the app cost with no
search; :mod:`bench.http_client` says why the client is not httpx). ``--profile DIR`` samples
the server with py-spy (``.[bench]``) during the c=8 run and prints where its time goes.

``--c8-settings 1x40 1x2 2x2 ...`` runs, instead of all that, only the c=8 phase at several
server settings (``serve --workers W --concurrency C``), interleaved round by round with the
floor's own c=8 (:mod:`bench.c8_settings`), beside the floor's c=1 p50; with ``--baseline``
each setting is served by both checkouts.

After the warm-up the bench waits for the server's background builds to finish (:func:`settle`).
Every phase (warm-up, c=1, c=8, the page run's latencies and its CPU part, each path of the
baseline run) asks queries of its own, drawn from one list, so none is answered from the facet
results a previous phase left in the server's per-snapshot cache; the cache still serves what
real traffic repeats within a phase.
"""

from __future__ import annotations

import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlencode

import httpx

from bench import c8_settings
from bench.common import CORPUS, ROOT, arg_parser, load_articles, pct
from bench.floor import floor_concurrent, floor_search, floor_times
from bench.http_client import SyncClient, run_sync
from bench.profile import Profiler, server_cpu, summarise

WORD = re.compile(r"[^\W\d_]{3,}")


def make_queries(articles: list[dict[str, str]], people: list[str], n: int,
                 seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    out: list[dict[str, Any]] = []
    while len(out) < n:
        words = WORD.findall(rng.choice(articles)["title"])
        if not words:
            continue
        kind = rng.random()
        k = rng.randint(1, min(4, len(words)))
        start = rng.randrange(0, len(words) - k + 1)
        text = " ".join(words[start:start + k])
        if kind < 0.15 and k >= 2:
            out.append({"q": f'"{text}"'})
        elif kind < 0.30 and people:
            out.append({"q": text, "person": rng.choice(people)})
        elif kind < 0.35:
            out.append({"person": rng.choice(people)} if people else {"q": text})
        else:
            out.append({"q": text})
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def monitor_bench(base: str, queries: list[dict[str, Any]], n: int = 300) -> None:
    """Feed (/search.atom) and trends (one series) against /search of the same query, one
    after the other for each query so a busy moment slows all three alike; then the time of
    exporting the whole corpus (/search.ndjson)."""
    names = ("search", "feed", "trends")
    lat: dict[str, list[float]] = {name: [] for name in names}
    errors = 0
    with httpx.Client(base_url=base, timeout=60) as client:
        for q in queries[:n]:
            calls = (("/search", q), ("/search.atom", q), ("/trends", {"series": urlencode(q)}))
            for name, (path, params) in zip(names, calls, strict=True):
                t0 = time.perf_counter()
                if client.get(path, params=params).status_code != 200:
                    errors += 1
                lat[name].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        with client.stream("GET", "/search.ndjson") as res:
            rows = sum(1 for line in res.iter_lines() if line)
        export_s = time.perf_counter() - t0
    print(f"monitoring routes: {min(n, len(queries))} queries, interleaved, errors {errors}")
    for name in names:
        report(name, lat[name])
    for name in ("feed", "trends"):
        print(f"  ratio {name}/search: p50 {pct(lat[name], 50) / pct(lat['search'], 50):.2f}x, "
              f"mean {statistics.mean(lat[name]) / statistics.mean(lat['search']):.2f}x "
              "(goal <= 2x)")
    print(f"  export of the whole index: {rows:,} rows in {export_s:.2f} s "
          f"({rows / export_s:,.0f} rows/s)")


# A warm-up query with a word no article has: it starts the spelling dictionary's build (once
# per index snapshot, in the background, from the first such search).
MISSPELT: Final = {"q": "banjirr"}
CPU_BLOCK: Final = 50  # queries per block of the / vs /search CPU run (a /proc tick is 10 ms)


def settle(pid: int, quiet_s: float = 1.0, timeout_s: float = 120.0) -> None:
    """Wait until the server at ``pid`` has done its background work (the structures the first
    searches start building once per index snapshot: the spelling dictionary, the story lists),
    i.e. its CPU time stays still for ``quiet_s``: a phase measured while they are built shares
    the cores and the GIL with them."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        before = server_cpu(pid)
        time.sleep(quiet_s)
        if server_cpu(pid) - before < 0.02 * quiet_s:
            return
    raise SystemExit(f"the server (pid {pid}) was still busy after {timeout_s:.0f} s")


def start_server(root: Path, index_dir: Path, workers: int, concurrency: int | None = None
                 ) -> tuple[subprocess.Popen[bytes], str]:
    """``warta serve`` of the checkout at ``root`` on a free port (``--concurrency`` if given,
    else the checkout's default), once every worker has started (a worker still starting when a
    phase's clients connect gets none of their keep-alive connections, and the phase runs on
    fewer cores)."""
    port = free_port()
    log = tempfile.TemporaryFile()
    server = subprocess.Popen(
        [sys.executable, "-m", "indexer.cli", "serve", "--index", str(index_dir),
         "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
         *(["--concurrency", str(concurrency)] if concurrency is not None else [])],
        cwd=root, stdout=subprocess.DEVNULL, stderr=log)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 180
    while True:
        try:
            log.seek(0)
            started = log.read().count(b"Application startup complete")
            if httpx.get(base + "/health", timeout=1).status_code == 200 and started >= workers:
                log.close()
                return server, base
        except httpx.HTTPError:
            pass
        if server.poll() is not None or time.time() > deadline:
            server.kill()
            raise SystemExit(f"the server of {root} did not start")
        time.sleep(0.2)


def versus_baseline(new: tuple[int, str], old: tuple[int, str],
                    fresh: dict[str, list[dict[str, Any]]]) -> None:
    """This checkout's server against a baseline checkout's on the same index, each query to
    both in turn (c=1) for ``/search`` and ``/`` (``fresh``: each path's own queries): latency
    and each server's CPU per request."""
    print(f"this checkout vs --baseline, {len(fresh['/'])} queries per path, interleaved:")
    with SyncClient(new[1]) as new_client, SyncClient(old[1]) as old_client:
        clients = {"new": new_client, "old": old_client}
        for path, queries in fresh.items():
            lat: dict[str, list[float]] = {"new": [], "old": []}
            cpu0 = {name: server_cpu(pid) for name, (pid, _) in (("new", new), ("old", old))}
            for q in queries:
                for name in ("new", "old"):
                    t0 = time.perf_counter()
                    clients[name].get(path, q)
                    lat[name].append(time.perf_counter() - t0)
            cpu = {name: (server_cpu(pid) - cpu0[name]) / len(queries)
                   for name, (pid, _) in (("new", new), ("old", old))}
            for name in ("old", "new"):
                report(f"{path} {name}", lat[name], cpu=cpu[name])
            print(f"  {path} new/old: p50 {pct(lat['new'], 50) / pct(lat['old'], 50):.2f}x, "
                  f"server CPU {cpu['new'] / cpu['old']:.2f}x")


def page_vs_search(name: str, base: str, pid: int, queries: list[dict[str, Any]],
                   fresh: list[dict[str, Any]]
                   ) -> tuple[dict[str, list[float]], dict[str, float]]:
    """The page ``/`` and ``/search`` at c=1: latencies interleaved over ``queries`` (each
    query on both, one after the other, which goes first alternating, as each may reuse the
    facets the other computed), then each path's server CPU seconds per request over the same
    ``fresh`` queries, none answered from the facet cache (``/search`` with ``facet_size=12``,
    which no page asks: the same work as the API's 10 give or take two facet values). The CPU
    part runs in blocks of :data:`CPU_BLOCK` queries, each block on both paths one after the
    other, which goes first alternating: a machine whose load changes during the run, and
    whatever the second request of a query finds warm, weigh on both paths alike."""
    lat: dict[str, list[float]] = {"/search": [], "/": []}
    cpu: dict[str, float] = {"/": 0.0, "/search": 0.0}
    extra: dict[str, dict[str, str]] = {"/": {}, "/search": {"facet_size": "12"}}
    with SyncClient(base) as client:
        for i, q in enumerate(queries):
            for path in (("/search", "/") if i % 2 else ("/", "/search")):
                t0 = time.perf_counter()
                client.get(path, q)
                lat[path].append(time.perf_counter() - t0)
        for b, start in enumerate(range(0, len(fresh), CPU_BLOCK)):
            for path in (("/search", "/") if b % 2 else ("/", "/search")):
                cpu0 = server_cpu(pid)
                for q in fresh[start:start + CPU_BLOCK]:
                    client.get(path, {**q, **extra[path]})
                cpu[path] += server_cpu(pid) - cpu0
    cpu = {path: seconds / len(fresh) for path, seconds in cpu.items()}
    for path, values in lat.items():
        report(f"{name}: {path} (c=1, interleaved)", values, cpu=cpu[path])
    return lat, cpu


def paired_ratio(slow: list[float], fast: list[float]) -> float:
    """The median of each query's ``slow[i] / fast[i]`` (two answers to one query, taken one
    right after the other). The ratio of the two paths' p50s compares two medians that other
    queries may set, each as the machine's load was when it was answered; each pair here saw
    the same moment's load, so a busy second weighs on both of its answers."""
    return statistics.median(s / f for s, f in zip(slow, fast, strict=True))


def report(name: str, lat: list[float], errors: int | None = None,
           wall: float | None = None, cpu: float | None = None) -> None:
    ms = [x * 1000 for x in lat]
    extra = ""
    if wall is not None:
        extra = f"  {len(lat) / wall:7.0f} req/s  errors {errors}"
    if cpu is not None:
        extra += f"  CPU {cpu * 1000:.2f} ms/req"
    print(f"  {name:<34} p50 {pct(ms, 50):6.2f} ms  p95 {pct(ms, 95):6.2f} ms  "
          f"p99 {pct(ms, 99):6.2f} ms  mean {statistics.mean(ms):6.2f} ms{extra}")


def warm_up(server: subprocess.Popen[bytes], base: str, warm: list[dict[str, Any]],
            connections: int) -> None:
    """Warm queries and the misspelt one (once per connection: the connections, kept alive,
    are spread over the worker processes as each accepts one, and every process builds its own
    spelling dictionary), the page, then :func:`settle`."""
    run_sync(base, [*warm, *[MISSPELT] * connections], connections)
    run_sync(base, [*warm[:20], MISSPELT], 2, path="/")
    settle(server.pid)


def settings_run(args: Any, index_dir: Path, pool: list[dict[str, Any]]) -> None:
    """``--c8-settings``: the floor's c=1 p50, then :func:`bench.c8_settings.compare` with the
    floor at c=8 in the rotation, and each setting served by ``--baseline`` too when given."""
    settings: list[c8_settings.Setting] = args.c8_settings
    warm, floor_queries = pool[:100], pool[100:100 + args.queries]
    rest = pool[100 + args.queries:]
    blocks = [rest[r * args.block:(r + 1) * args.block] for r in range(args.rounds)]
    roots = {"": ROOT, **({c8_settings.BASE: args.baseline} if args.baseline else {})}
    servers: dict[str, tuple[subprocess.Popen[bytes], str]] = {}
    try:
        for setting in settings:
            for prefix, root in roots.items():
                servers[prefix + setting.name] = start_server(
                    root, index_dir, setting.workers, setting.concurrency)
        for server, base in servers.values():
            warm_up(server, base, warm, 32)
        floor_wall, _ = floor_times(index_dir, floor_queries)
        report("floor (tantivy in-process)", floor_wall)
        c8_settings.compare({name: (server.pid, base) for name, (server, base) in servers.items()},
                            blocks, pct(floor_wall, 50), floor_search(index_dir))
    finally:
        for server, _ in servers.values():
            server.terminate()
            server.wait(10)


def main() -> None:
    p = arg_parser(__doc__ or "")
    p.add_argument("--queries", type=int, default=2000)
    p.add_argument("--index", type=Path, help="reuse an existing index directory")
    p.add_argument("--server-workers", type=int, default=1, help="uvicorn worker processes")
    p.add_argument("--page-queries", type=int, default=400, help="queries of the / vs /search run")
    p.add_argument("--profile", type=Path, help="py-spy the server's c=8 run into this directory")
    p.add_argument("--baseline", type=Path,
                   help="another checkout (built in place) to serve beside this one and compare")
    p.add_argument("--no-monitor", action="store_true", help="skip the feed/trends/export run")
    p.add_argument("--c8-settings", nargs="+", metavar="WxC", type=c8_settings.parse_setting,
                   help="instead of the phases above: the c=8 phase at these settings "
                        "(WORKERSxCONCURRENCY, e.g. 1x2 2x2), interleaved (bench.c8_settings), "
                        "beside the floor's c=1 p50 over --queries queries and the floor "
                        "at c=8 in the rotation; with --baseline, both checkouts' servers")
    p.add_argument("--rounds", type=int, default=10, help="rounds of --c8-settings")
    p.add_argument("--block", type=int, default=200, help="queries per round of --c8-settings")
    args = p.parse_args()
    articles = load_articles(args.shared, args.limit)
    with tempfile.TemporaryDirectory() as tmp:
        index_dir = args.index or Path(tmp) / "index"
        if not args.index:
            subprocess.run([sys.executable, "-m", "indexer.cli", "reindex",
                            str(args.shared / CORPUS), "--index", str(index_dir),
                            "--no-progress"], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        from indexer.stats import index_stats

        people = [r["value"] for r in index_stats(index_dir, top=50)["top"]["person"]]
        if args.c8_settings:
            settings_run(args, index_dir, make_queries(
                articles, people, 100 + args.queries + args.rounds * args.block))
            return
        n, m = args.queries, args.page_queries
        pool = make_queries(articles, people, 100 + 2 * n + 4 * m)
        warm, queries, c8_queries = pool[:100], pool[100:100 + n], pool[100 + n:100 + 2 * n]
        rest = pool[100 + 2 * n:]
        page_queries = rest[:m]
        page_fresh = rest[m:2 * m]
        baseline_fresh = {"/search": rest[2 * m:3 * m], "/": rest[3 * m:4 * m]}
        servers = {"this": start_server(ROOT, index_dir, args.server_workers)}
        if args.baseline:
            servers["baseline"] = start_server(args.baseline, index_dir, args.server_workers)
        try:
            for server, base in servers.values():
                warm_up(server, base, warm, 4)
            print(f"http bench: {len(queries)} queries, {len(articles):,} articles, "
                  f"{args.server_workers} server worker(s)"
                  + (f"; baseline {args.baseline} measured phase by phase alongside"
                     if args.baseline else ""))
            floor_wall, floor_cpu = floor_times(index_dir, queries)
            report("floor (tantivy in-process)", floor_wall, cpu=statistics.mean(floor_cpu))
            floor8, floor8_s = floor_concurrent(index_dir, c8_queries, 8)
            report("floor, 8 threads (c=8 queries)", floor8, 0, floor8_s)
            for name, (_server, base) in servers.items():
                lat, errors, wall = run_sync(base, [{}] * 500, 1, path="/health")
                report(f"{name}: round trip (/health, c=1)", lat, errors, wall)
            results: dict[tuple[str, int], list[float]] = {}
            for c, phase in ((1, queries), (8, c8_queries)):
                for name, (server, base) in servers.items():
                    cpu0 = server_cpu(server.pid)
                    if c == 8 and args.profile and name == "this":
                        args.profile.mkdir(parents=True, exist_ok=True)
                        with Profiler(server.pid, args.profile / "search-c8.txt"):
                            lat, errors, wall = run_sync(base, phase, c)
                    else:
                        lat, errors, wall = run_sync(base, phase, c)
                    cpu = (server_cpu(server.pid) - cpu0) / len(phase)
                    results[name, c] = lat
                    report(f"{name}: HTTP, concurrency {c}", lat, errors, wall, cpu)
            pages = {name: page_vs_search(name, base, server.pid, page_queries, page_fresh)
                     for name, (server, base) in servers.items()}
            floor50 = pct(floor_wall, 50)
            for name, (page_lat, page_cpu) in pages.items():
                print(f"  {name}: ratio c=1 p50 / floor p50: "
                      f"{pct(results[name, 1], 50) / floor50:.2f}x (goal <= 1.5x); c=8 p99 / "
                      f"floor p50: {pct(results[name, 8], 99) / floor50:.2f}x (goal <= 8x); "
                      f"c=8 p99 / the floor's own c=8 p99: "
                      f"{pct(results[name, 8], 99) / pct(floor8, 99):.2f}x")
                print(f"  {name}: ratio server CPU per /search / floor CPU: "
                      f"{page_cpu['/search'] / statistics.mean(floor_cpu):.2f}x")
                print(f"  {name}: ratio / to /search, interleaved: p50 "
                      f"{pct(page_lat['/'], 50) / pct(page_lat['/search'], 50):.2f}x, server "
                      f"CPU {page_cpu['/'] / page_cpu['/search']:.2f}x (goal <= 1.3x); "
                      f"per query: p50 {paired_ratio(page_lat['/'], page_lat['/search']):.2f}x")
            if args.profile:
                print(f"profile of the server during the c=8 run "
                      f"({args.profile / 'search-c8.txt'}):")
                print(summarise(args.profile / "search-c8.txt"))
            if "baseline" in servers:
                (new, new_base), (old, old_base) = servers["this"], servers["baseline"]
                versus_baseline((new.pid, new_base), (old.pid, old_base), baseline_fresh)
            if not args.no_monitor:
                monitor_bench(servers["this"][1], queries)
        finally:
            for server, _ in servers.values():
                server.terminate()
                server.wait(10)


if __name__ == "__main__":
    main()
