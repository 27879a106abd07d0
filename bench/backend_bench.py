"""Tantivy vs OpenSearch on the 22k corpus: build, query latency, relevance against a peer.

``python -m bench.backend_bench [--shared ../shared] [--limit N] [--queries 300] [--heap 1g]
[--sets build,facqa]``

One corpus is built into each backend once: the CLICK-ID corpus as ``bench.relevance``'s
"mixed" set makes it (a fixed 20% of the titled articles lose their title; those titles are the
known-item queries), so the same two builds serve the timings and the relevance runs.

* build: :func:`indexer.build.reindex` and :func:`indexer.opensearch_writer.reindex` (the same
  analysis, 2 worker processes, the same clustering); wall time, the CPU seconds of this process
  and its workers, and of the node (``_nodes/stats``), the node's peak RSS and the index size;
* latency: the same searches (1-3 words of sampled titles, a third with an outlet filter) through
  each backend's :meth:`search`, facets and story counts included, interleaved query by query;
  p50 and p99 in ms. OpenSearch's include the HTTP round trip on 127.0.0.1;
* relevance: the "mixed" known items and the FacQA questions (``bench/relevance.py``'s sets),
  asked of the JSON API (``/search``, as ``bench.relevance`` asks it) over Warta on tantivy and
  Warta on OpenSearch, and of OpenSearch's stock ``indonesian`` analyzer over the raw text
  (title and body in one field, a ``match`` query: OR of the words, BM25): MRR@10, success@k.

The node runs embedded (``opensearch/``), one shard, no replica, ``--heap`` (1g).
"""

from __future__ import annotations

import random
import resource
import statistics
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

import orjson
from opensearchpy import OpenSearch
from starlette.applications import Starlette

from bench.common import arg_parser
from bench.relevance import K, load, metrics, mixed_titles, rank_of
from indexer import build
from indexer import opensearch_store as OS
from indexer import opensearch_writer as W
from indexer.opensearch_node import running_node
from search_api.app import create_app
from search_api.backends import Backend, TantivyBackend
from search_api.backends.opensearch import OpenSearchBackend
from search_api.params import SearchRequest

with warnings.catch_warnings():
    # Starlette suggests httpx2 for its TestClient; httpx is what the project pins.
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

Ranks = dict[str, int | None]


def _cpu() -> float:
    """CPU seconds of this process and its (finished) children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _node_cpu(client: OpenSearch) -> float:
    stats = client.nodes.stats(metric="process")["nodes"]
    return sum(n["process"]["cpu"]["total_in_millis"] for n in stats.values()) / 1000


def _node_peak_rss(client: OpenSearch) -> int:
    info = client.nodes.info(metric="process")["nodes"]
    pid = next(iter(info.values()))["process"]["id"]
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return 0


def _dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def builds(src: Path, tmp: Path, url: str) -> None:
    client = OS.connect(url)
    c0, t0 = _cpu(), time.perf_counter()
    t_report = build.reindex([src], tmp / "tantivy", workers=2)
    t_wall, t_cpu = time.perf_counter() - t0, _cpu() - c0
    n0, c0, t0 = _node_cpu(client), _cpu(), time.perf_counter()
    o_report = W.reindex([src], url, "bench", workers=2)
    o_wall, o_cpu, o_node = time.perf_counter() - t0, _cpu() - c0, _node_cpu(client) - n0
    n = t_report.written
    size = client.indices.stats(index="bench", metric="store")["_all"]["total"]["store"]
    print(f"build ({n:,} articles, {t_report.stories:,} stories, 2 analysis workers)")
    print(f"  tantivy      {t_wall:7.1f} s wall  ({n / t_wall:,.0f} articles/s)  "
          f"CPU {t_cpu:,.0f} s ({t_cpu / n * 1000:.1f} ms/article)  "
          f"index {_dir_size(tmp / 'tantivy') / 1e6:,.0f} MB")
    print(f"  opensearch   {o_wall:7.1f} s wall  ({o_report.written / o_wall:,.0f} articles/s, "
          f"x{o_wall / t_wall:.2f})  CPU {o_cpu:,.0f} s Python + {o_node:,.0f} s node  "
          f"index {size['size_in_bytes'] / 1e6:,.0f} MB  node peak RSS "
          f"{_node_peak_rss(client) / 1e6:,.0f} MB")


def _queries(backend: Backend, n: int) -> list[SearchRequest]:
    rng = random.Random(7)
    articles = [a for a, _ in backend.export(SearchRequest()) if len(a.title.split()) >= 3]
    out = []
    for _ in range(n):
        a = rng.choice(articles)
        words = a.title.split()
        k = rng.choice((1, 2, 3))
        i = rng.randrange(len(words) - k + 1)
        filters = {"source": (a.source,)} if rng.random() < 1 / 3 else {}
        out.append(SearchRequest(q=" ".join(words[i:i + k]), sort="relevance", filters=filters))
    return out


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(p * len(xs)))]


def latency(backends: dict[str, Backend], requests: list[SearchRequest]) -> None:
    times: dict[str, list[float]] = {name: [] for name in backends}
    for r in requests[:20]:  # warm caches
        for b in backends.values():
            b.search(r)
    for r in requests:
        for name, b in backends.items():
            t0 = time.perf_counter()
            b.search(r)
            times[name].append((time.perf_counter() - t0) * 1000)
    base = statistics.median(times["tantivy"])
    print(f"latency ({len(requests)} searches, facets and stories included, interleaved)")
    for name, xs in times.items():
        print(f"  {name:<12} p50 {_pct(xs, 0.5):7.1f} ms  p99 {_pct(xs, 0.99):7.1f} ms  "
              f"(median x{statistics.median(xs) / base:.2f} of tantivy)")


def app_ranks(app: Starlette, queries: list[dict[str, str]], qrels: dict[str, str]) -> Ranks:
    """``bench.relevance.warta_ranks`` over any app: the question as ``q`` to ``/search``."""
    ranks = {}
    with TestClient(app) as client:
        for q in queries:
            r = client.get("/search", params={"q": q["query"][:1000], "size": K, "facet_size": 0})
            r.raise_for_status()
            ids = [h["id"] for h in r.json()["hits"]]
            ranks[q["query_id"]] = rank_of(qrels[q["query_id"]], ids)
    return ranks


def stock_ranks(client: OpenSearch, index: str, docs: list[tuple[str, str]],
                queries: list[dict[str, str]], qrels: dict[str, str]) -> Ranks:
    """OpenSearch's own ``indonesian`` analyzer over (id, raw text): ``match`` (OR, BM25)."""
    client.indices.create(index=index, body={
        "settings": {"number_of_shards": 1, "number_of_replicas": 0},
        "mappings": {"properties": {"text": {"type": "text", "analyzer": "indonesian"}}}})
    for start in range(0, len(docs), 2000):
        lines = []
        for doc_id, text in docs[start:start + 2000]:
            lines.append(orjson.dumps({"index": {"_index": index, "_id": doc_id}}))
            lines.append(orjson.dumps({"text": text}))
        resp = client.bulk(body=b"\n".join(lines) + b"\n")
        assert not resp["errors"]
    client.indices.refresh(index=index)
    ranks: Ranks = {}
    for q in queries:
        resp = client.search(index=index, body={
            "size": K, "_source": False, "query": {"match": {"text": q["query"][:1000]}}})
        ids = [h["_id"] for h in resp["hits"]["hits"]]
        ranks[q["query_id"]] = rank_of(qrels[q["query_id"]], ids)
    client.indices.delete(index=index)
    return ranks


def _print(title: str, runs: dict[str, Ranks]) -> None:
    print(title)
    for name, r in runs.items():
        print(f"  {name:<30} " + "  ".join(f"{k} {v:.3f}" for k, v in metrics(r).items()))


def main() -> None:
    p = arg_parser(__doc__ or "")
    p.add_argument("--queries", type=int, default=300)
    p.add_argument("--heap", default="1g")
    p.add_argument("--sets", default="build,facqa",
                   help="build (the corpus: builds, latency, mixed titles), facqa, or both")
    args = p.parse_args()
    sets = set(args.sets.split(","))
    print("shared machine: timings are contended; compare the ratios")
    with tempfile.TemporaryDirectory() as d, running_node(heap=args.heap) as url:
        tmp = Path(d)
        if "build" in sets:
            corpus(args, tmp, url)
        if "facqa" in sets:
            facqa(args, tmp, url)


def corpus(args: Any, tmp: Path, url: str) -> None:
    corpora, known, known_qrels = mixed_titles(args.shared, args.limit)
    articles: list[dict[str, Any]] = corpora["mixed"]
    src = tmp / "mixed.jsonl"
    src.write_bytes(b"".join(orjson.dumps(a) + b"\n" for a in articles))
    builds(src, tmp, url)
    client = OS.connect(url)
    backends: dict[str, Backend] = {"tantivy": TantivyBackend(tmp / "tantivy"),
                                    "opensearch": OpenSearchBackend(url, "bench")}
    latency(backends, _queries(backends["tantivy"], args.queries))
    raw = [(a["id"], f"{a.get('title') or ''}\n{a['body']}") for a in articles]
    _print(f"mixed titles: {len(known)} stripped titles as queries, {len(articles):,} "
           "articles, 20% untitled", {
               "Warta on tantivy": app_ranks(create_app(tmp / "tantivy"), known, known_qrels),
               "Warta on OpenSearch": app_ranks(
                   create_app(backend=OpenSearchBackend(url, "bench")), known, known_qrels),
               "OpenSearch stock indonesian": stock_ranks(client, "stock-mixed", raw, known,
                                                          known_qrels)})
    OS.drop_indices(client, "bench", [OS.require_live(client, "bench")])  # heap for FacQA


def facqa(args: Any, tmp: Path, url: str) -> None:
    client = OS.connect(url)
    passages, questions, qrels = load(args.shared, "all")
    if args.limit:
        questions = questions[:args.limit]
    qa = tmp / "passages.jsonl"
    qa.write_bytes(b"".join(orjson.dumps({"id": x["doc_id"], "body": x["text"]}) + b"\n"
                            for x in passages))
    build.reindex([qa], tmp / "qa-tantivy", workers=2)
    W.reindex([qa], url, "qa", workers=2)
    _print(f"FacQA: {len(questions)} questions, {len(passages)} passages", {
        "Warta on tantivy": app_ranks(create_app(tmp / "qa-tantivy"), questions, qrels),
        "Warta on OpenSearch": app_ranks(create_app(backend=OpenSearchBackend(url, "qa")),
                                         questions, qrels),
        "OpenSearch stock indonesian": stock_ranks(
            client, "stock-qa", [(x["doc_id"], x["text"]) for x in passages], questions,
            qrels)})


if __name__ == "__main__":
    main()
