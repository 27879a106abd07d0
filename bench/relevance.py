"""Known-item retrieval quality on ../shared/eval/qa-retrieval: MRR@10 and success@k.

The passages are indexed as articles through ``warta reindex`` (they have no titles, so every
title is derived and, by design, not boosted); each question is sent as ``q`` to the real API
(Starlette app through TestClient). Side by side, in the same run:

* warta                  — stemming + name protection (the product)
* warta, no name protect — the same analysis with capitalised words stemmed like others
* raw tantivy            — default tokenizer, no stemming, the question parsed leniently

Per-query wins and losses of stemming and of name protection are listed at the end.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import arg_parser, raw_index  # noqa: E402

EVAL = Path("eval/qa-retrieval")
K = 10


def load(shared: Path, split: str) -> tuple[list[dict[str, str]], list[dict[str, str]],
                                            dict[str, str]]:
    base = shared / EVAL
    passages = [orjson.loads(x) for x in (base / "passages.jsonl").read_bytes().splitlines()]
    queries = [orjson.loads(x) for x in (base / "queries.jsonl").read_bytes().splitlines()]
    if split != "all":
        queries = [q for q in queries if q["split"] == split]
    qrels = {}
    for line in (base / "qrels.txt").read_text().splitlines():
        qid, _zero, docid, rel = line.split()
        if rel != "0":
            qrels[qid] = docid
    return passages, queries, qrels


def rank_of(target: str, ids: list[str]) -> int | None:
    return ids.index(target) + 1 if target in ids else None


def metrics(ranks: dict[str, int | None]) -> dict[str, float]:
    n = len(ranks)
    return {
        "MRR@10": sum(1 / r for r in ranks.values() if r) / n,
        "success@1": sum(1 for r in ranks.values() if r == 1) / n,
        "success@10": sum(1 for r in ranks.values() if r) / n,
    }


def warta_ranks(index_dir: Path, queries: list[dict[str, str]], qrels: dict[str, str]
                ) -> dict[str, int | None]:
    from starlette.testclient import TestClient

    from search_api.app import create_app

    ranks = {}
    with TestClient(create_app(index_dir)) as client:
        for q in queries:
            r = client.get("/search", params={"q": q["query"][:1000], "size": K})
            r.raise_for_status()
            ids = [h["id"] for h in r.json()["hits"]]
            ranks[q["query_id"]] = rank_of(qrels[q["query_id"]], ids)
    return ranks


_SPECIAL = re.compile(r'[+\-&|!(){}\[\]^"~*?:\\/]')


def raw_ranks(passages: list[dict[str, str]], queries: list[dict[str, str]],
              qrels: dict[str, str]) -> dict[str, int | None]:
    docs = ({"id": p["doc_id"], "body": p["text"]} for p in passages)
    index, _schema = raw_index(docs, fields=("id", "body"), threads=1, stored=False)
    searcher = index.searcher()
    ranks = {}
    for q in queries:
        text = _SPECIAL.sub(" ", q["query"]).strip() or "*"
        query, _errors = index.parse_query_lenient(text, ["body"])
        hits = searcher.search(query, K).hits
        ids = [searcher.doc(a)["id"][0] for _s, a in hits]
        ranks[q["query_id"]] = rank_of(qrels[q["query_id"]], ids)
    return ranks


def build(passages_file: Path, index_dir: Path, protect_names: bool) -> None:
    if protect_names:
        subprocess.run([sys.executable, "-m", "indexer.cli", "reindex", str(passages_file),
                        "--index", str(index_dir), "--no-progress"], check=True, cwd=ROOT,
                       stdout=subprocess.DEVNULL)
    else:  # the CLI has no switch for this measurement-only setting
        from indexer.build import reindex

        reindex([passages_file], index_dir, protect_names=False)


def show_diff(name: str, a: dict[str, int | None], b: dict[str, int | None],
              queries: dict[str, str], limit: int) -> None:
    def score(r: int | None) -> float:
        return 1 / r if r else 0.0

    wins = [(qid, a[qid], b[qid]) for qid in a if score(a[qid]) > score(b[qid])]
    losses = [(qid, a[qid], b[qid]) for qid in a if score(a[qid]) < score(b[qid])]
    print(f"\n{name}: better on {len(wins)} queries, worse on {len(losses)}")
    for label, rows in (("better", wins), ("worse", losses)):
        for qid, ra, rb in rows[:limit]:
            print(f"  {label:6} rank {ra or '-':>2} vs {rb or '-':>2}  {queries[qid][:90]}")


def main() -> None:
    p = arg_parser(__doc__ or "")
    p.add_argument("--split", default="all", choices=["all", "train", "valid"])
    p.add_argument("--show", type=int, default=8, help="per-query examples to print")
    args = p.parse_args()
    passages, queries, qrels = load(args.shared, args.split)
    if args.limit:
        queries = queries[: args.limit]
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        src = t / "passages.jsonl"
        src.write_bytes(b"".join(orjson.dumps({"id": x["doc_id"], "body": x["text"]}) + b"\n"
                                 for x in passages))
        runs: dict[str, Callable[[], dict[str, int | None]]] = {}
        build(src, t / "warta", True)
        build(src, t / "plain", False)
        runs["warta"] = lambda: warta_ranks(t / "warta", queries, qrels)
        runs["warta, no name protection"] = lambda: warta_ranks(t / "plain", queries, qrels)
        runs["raw tantivy (no stemming)"] = lambda: raw_ranks(passages, queries, qrels)
        results = {name: fn() for name, fn in runs.items()}
    print(f"relevance: {len(queries)} questions ({args.split}), {len(passages)} passages")
    for name, ranks in results.items():
        m = metrics(ranks)
        print(f"  {name:<28} " + "  ".join(f"{k} {v:.3f}" for k, v in m.items()))
    text = {q["query_id"]: q["query"] for q in queries}
    show_diff("stemming (warta vs raw tantivy)", results["warta"],
              results["raw tantivy (no stemming)"], text, args.show)
    show_diff("name protection (warta vs warta without it)", results["warta"],
              results["warta, no name protection"], text, args.show)


if __name__ == "__main__":
    main()
