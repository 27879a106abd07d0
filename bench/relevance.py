"""Known-item retrieval quality: MRR@10 and success@k, on two sets.

FacQA (../shared/eval/qa-retrieval): the passages are indexed as articles through
``warta reindex`` (they have no titles); each question is sent as ``q`` to the real API
(Starlette app through TestClient). Side by side, in the same run:

* warta                  — stemming + name protection (the product)
* warta, no name protect — the same analysis with capitalised words stemmed like others
* raw tantivy            — default tokenizer, no stemming, the question parsed leniently

Per-query wins and losses of stemming and of name protection are listed at the end.

Mixed titles (CLICK-ID): a fixed random 20% of the corpus's articles lose their title, and each
lost title is the query for its article, asked of four indexes of the whole corpus:

* all titled   — every article keeps its title (how easy the queries are with titles)
* mixed        — the 20% are untitled (the corpus the ranking must not be fooled by)
* mixed, lead  — the 20% get their lead sentence as a real title (the other way to repair it)
* all untitled — no article has a title, so no titled competitor: "mixed" below it measures
  titled articles burying untitled ones; it below "all titled" measures headlines using words
  their body lacks, which no ranking of the body can repair

A ranking robust to untitled articles scores "mixed" close to "all untitled".

Every set is scored twice. ``story``: the default page (``collapse=story``, one hit per story),
where a known item counts as found at the rank of its story's hit (itself, or a copy of the same
story standing for it). ``none``: ``collapse=none``, every article ranked, found by its id.
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from urllib.parse import quote

import orjson

from bench.common import ROOT, arg_parser, load_articles, raw_index

EVAL = Path("eval/qa-retrieval")
K = 10
STRIPPED_SHARE = 0.2
SEED = 14  # fixes which articles lose their title


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


def rank_of(target: str, ids: Sequence[str | None]) -> int | None:
    return ids.index(target) + 1 if target in ids else None


def metrics(ranks: dict[str, int | None]) -> dict[str, float]:
    n = len(ranks)
    return {
        "MRR@10": sum(1 / r for r in ranks.values() if r) / n,
        "success@1": sum(1 for r in ranks.values() if r == 1) / n,
        "success@10": sum(1 for r in ranks.values() if r) / n,
    }


Runs = dict[str, dict[str, int | None]]
VIEWS = ("story", "none")  # collapse=story (the default) and collapse=none


def warta_ranks(index_dir: Path, queries: list[dict[str, str]], qrels: dict[str, str]) -> Runs:
    """Ranks of each known item, per collapse mode. ``collapse=story`` (the default page) shows
    one hit per story, so there the item counts as found at the rank of the hit of its own story
    (itself or a copy standing for it); ``collapse=none`` ranks every article, by id."""
    from starlette.testclient import TestClient

    from search_api.app import create_app

    runs: Runs = {view: {} for view in VIEWS}
    with TestClient(create_app(index_dir)) as client:
        for q in queries:
            target = qrels[q["query_id"]]
            article = client.get(f"/articles/{quote(target, safe='')}")
            story = (article.json().get("story") or {}).get("id") if article.is_success else None
            for view in VIEWS:
                r = client.get("/search", params={"q": q["query"][:1000], "size": K,
                                                  "facet_size": 0, "collapse": view})
                r.raise_for_status()
                hits = r.json()["hits"]
                if view == "story" and story is not None:
                    keys = [(h.get("story") or {}).get("id") for h in hits]
                    runs[view][q["query_id"]] = rank_of(story, keys)
                else:
                    runs[view][q["query_id"]] = rank_of(target, [h["id"] for h in hits])
    return runs


def _row(name: str, runs: Runs) -> str:
    cells = []
    for view, ranks in runs.items():
        m = metrics(ranks)
        cells.append(f"{view}: " + " ".join(f"{k} {v:.3f}" for k, v in m.items()))
    return f"  {name:<28} " + "  |  ".join(cells)


def mixed_titles(shared: Path, limit: int) -> tuple[dict[str, list[dict[str, str]]],
                                                    list[dict[str, str]], dict[str, str]]:
    """The four corpora (all titled, mixed, mixed with lead titles, all untitled), queries and
    qrels."""
    from indexer.document import MIN_BODY_WORDS, body_hash, derive_title

    articles = load_articles(shared, limit)
    hashes: dict[str, int] = {}
    for a in articles:
        h = body_hash(a["body"])
        hashes[h] = hashes.get(h, 0) + 1
    # A title can only find an article that is indexed and not hidden as a duplicate.
    eligible = [a["id"] for a in articles if a["title"].strip()
                and len(a["body"].split()) >= MIN_BODY_WORDS and hashes[body_hash(a["body"])] == 1]
    stripped = set(random.Random(SEED).sample(eligible, round(STRIPPED_SHARE * len(eligible))))
    corpora: dict[str, list[dict[str, str]]] = {
        "all titled": articles, "mixed": [], "mixed, lead": [], "all untitled": []}
    for a in articles:
        lost = a["id"] in stripped
        corpora["mixed"].append({**a, "title": ""} if lost else a)
        corpora["mixed, lead"].append({**a, "title": derive_title(a["body"], "")} if lost else a)
        corpora["all untitled"].append({**a, "title": ""})
    queries = [{"query_id": a["id"], "query": a["title"]} for a in articles if a["id"] in stripped]
    return corpora, queries, {q["query_id"]: q["query_id"] for q in queries}


def known_item(shared: Path, limit: int, tmp: Path) -> None:
    corpora, queries, qrels = mixed_titles(shared, limit)
    results = {}
    for name, records in corpora.items():
        src = tmp / "corpus.jsonl"
        src.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
        index_dir = tmp / name.replace(",", "").replace(" ", "-")
        build(src, index_dir, True)
        results[name] = warta_ranks(index_dir, queries, qrels)
    print(f"mixed titles: {len(queries)} stripped titles as queries, {len(corpora['mixed'])} "
          f"articles, {STRIPPED_SHARE:.0%} untitled")
    for name, runs in results.items():
        print(_row(name, runs))


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
    p.add_argument("--sets", default="facqa,mixed", help="which sets: facqa, mixed or both")
    args = p.parse_args()
    sets = set(args.sets.split(","))
    if "mixed" in sets:
        with tempfile.TemporaryDirectory() as tmp:
            known_item(args.shared, args.limit, Path(tmp))
    if "facqa" in sets:
        facqa(args)


def facqa(args: argparse.Namespace) -> None:
    passages, queries, qrels = load(args.shared, args.split)
    if args.limit:
        queries = queries[: args.limit]
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        src = t / "passages.jsonl"
        src.write_bytes(b"".join(orjson.dumps({"id": x["doc_id"], "body": x["text"]}) + b"\n"
                                 for x in passages))
        runs: dict[str, Callable[[], Runs]] = {}
        build(src, t / "warta", True)
        build(src, t / "plain", False)
        runs["warta"] = lambda: warta_ranks(t / "warta", queries, qrels)
        runs["warta, no name protection"] = lambda: warta_ranks(t / "plain", queries, qrels)
        runs["raw tantivy (no stemming)"] = lambda: {"none": raw_ranks(passages, queries, qrels)}
        results = {name: fn() for name, fn in runs.items()}
    print(f"relevance: {len(queries)} questions ({args.split}), {len(passages)} passages")
    for name, ranked in results.items():
        print(_row(name, ranked))
    text = {q["query_id"]: q["query"] for q in queries}
    show_diff("stemming (warta vs raw tantivy), collapse=none", results["warta"]["none"],
              results["raw tantivy (no stemming)"]["none"], text, args.show)
    show_diff("name protection (warta vs warta without it), collapse=none",
              results["warta"]["none"], results["warta, no name protection"]["none"], text,
              args.show)


if __name__ == "__main__":
    main()
