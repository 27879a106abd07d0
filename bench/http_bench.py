"""HTTP latency of a real uvicorn server on 127.0.0.1 over the index of the 22k corpus, beside
in-process raw tantivy search + tantivy's own snippets for the same queries, in one run.

2,000 queries: 1–4 words taken from real titles, plus facet-filtered and phrase queries. Run at
concurrency 1 and 8; prints p50/p95/p99 latency, requests/s and errors.
"""

from __future__ import annotations

import asyncio
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import tantivy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import CORPUS, arg_parser, load_articles, raw_index  # noqa: E402

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


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(p / 100 * len(values)))]


async def run_http(base: str, queries: list[dict[str, Any]], concurrency: int
                   ) -> tuple[list[float], int, float]:
    latencies: list[float] = []
    errors = 0
    sem = asyncio.Semaphore(concurrency)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        async def one(params: dict[str, Any]) -> None:
            nonlocal errors
            async with sem:
                t0 = time.perf_counter()
                try:
                    r = await client.get("/search", params=params)
                    if r.status_code != 200:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                latencies.append(time.perf_counter() - t0)

        t0 = time.perf_counter()
        await asyncio.gather(*(one(q) for q in queries))
        wall = time.perf_counter() - t0
    return latencies, errors, wall


def raw_latencies(articles: list[dict[str, str]], queries: list[dict[str, Any]]) -> list[float]:
    index, schema = raw_index(articles, fields=("title", "body"))
    searcher = index.searcher()
    out = []
    for q in queries:
        t0 = time.perf_counter()
        text = q.get("q") or "*"
        query, _ = index.parse_query_lenient(text, ["title", "body"], {"title": 2.0})
        hits = searcher.search(query, 10).hits
        gen = tantivy.SnippetGenerator.create(searcher, query, schema, "body")
        for _score, addr in hits:
            doc = searcher.doc(addr)
            gen.snippet_from_doc(doc).to_html()
        out.append(time.perf_counter() - t0)
    return out


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


def report(name: str, lat: list[float], errors: int | None = None,
           wall: float | None = None) -> None:
    ms = [x * 1000 for x in lat]
    extra = ""
    if wall is not None:
        extra = f"  {len(lat) / wall:7.0f} req/s  errors {errors}"
    print(f"  {name:<28} p50 {pct(ms, 50):6.2f} ms  p95 {pct(ms, 95):6.2f} ms  "
          f"p99 {pct(ms, 99):6.2f} ms  mean {statistics.mean(ms):6.2f} ms{extra}")


def main() -> None:
    p = arg_parser(__doc__ or "")
    p.add_argument("--queries", type=int, default=2000)
    p.add_argument("--index", type=Path, help="reuse an existing index directory")
    p.add_argument("--server-workers", type=int, default=1, help="uvicorn worker processes")
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
        queries = make_queries(articles, people, args.queries)
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "indexer.cli", "serve", "--index", str(index_dir),
             "--host", "127.0.0.1", "--port", str(port),
             "--workers", str(args.server_workers)],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.time() + 60
            while time.time() < deadline:
                try:
                    if httpx.get(base + "/health", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.2)
            asyncio.run(run_http(base, queries[:100], 4))  # warm-up
            print(f"http bench: {len(queries)} queries, {len(articles):,} articles, "
                  f"{args.server_workers} server worker(s)")
            raw = raw_latencies(articles, queries)
            report("raw tantivy in-process", raw)
            results = {}
            for c in (1, 8):
                lat, errors, wall = asyncio.run(run_http(base, queries, c))
                results[c] = lat
                report(f"warta HTTP, concurrency {c}", lat, errors, wall)
            print(f"  ratio HTTP p50 (c=1) / raw p50: {pct(results[1], 50) / pct(raw, 50):.2f}x "
                  f"(goal 3x); p99 at c=8: {pct(results[8], 99) * 1000:.1f} ms (goal 50 ms)")
            monitor_bench(base, queries)
        finally:
            server.terminate()
            server.wait(10)


if __name__ == "__main__":
    main()
