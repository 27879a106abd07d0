"""Shared helpers for the benchmarks (not tests: they print, they never assert timings)."""

from __future__ import annotations

import argparse
import gzip
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import orjson
import tantivy

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT.parent / "shared"
CORPUS = Path("corpus/clickid-news/articles.jsonl.gz")


def arg_parser(description: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="path to ../shared")
    p.add_argument("--limit", type=int, default=0, help="use only the first N articles")
    return p


def pct(values: list[float], p: float) -> float:
    """The ``p``-th percentile of ``values`` (the value at that rank, no interpolation)."""
    values = sorted(values)
    return values[min(len(values) - 1, int(p / 100 * len(values)))]


def load_articles(shared: Path, limit: int = 0) -> list[dict[str, str]]:
    out = []
    with gzip.open(shared / CORPUS, "rb") as f:
        for line in f:
            d = orjson.loads(line)
            out.append({"id": d["id"], "title": d.get("title") or "", "body": d.get("body") or ""})
            if limit and len(out) >= limit:
                break
    return out


@contextmanager
def timed() -> Iterator[list[float]]:
    box = [0.0]
    t0 = time.perf_counter()
    try:
        yield box
    finally:
        box[0] = time.perf_counter() - t0


def raw_index(docs: Iterable[dict[str, str]], fields: tuple[str, ...] = ("id", "title", "body"),
              path: Path | None = None, threads: int = 2, stored: bool = True
              ) -> tuple[tantivy.Index, tantivy.Schema]:
    """The baseline: ``fields`` indexed with tantivy's default tokenizer ("id" as a raw term),
    no analysis of ours, committed. In RAM unless ``path`` is given."""
    sb = tantivy.SchemaBuilder()
    for name in fields:
        if name == "id":
            sb.add_text_field("id", stored=True, tokenizer_name="raw")
        else:
            sb.add_text_field(name, stored=stored)
    schema = sb.build()
    index = tantivy.Index(schema, path=str(path)) if path else tantivy.Index(schema)
    writer = index.writer(heap_size=256 * 1024 * 1024, num_threads=threads)
    for d in docs:
        writer.add_document(tantivy.Document(**{f: str(d.get(f) or "") for f in fields}))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    return index, schema


def raw_tantivy_index(articles: list[dict[str, str]], threads: int = 2) -> float:
    """Seconds to index title+body of ``articles`` on disk with :func:`raw_index`."""
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        raw_index(articles, path=Path(tmp), threads=threads)
        return time.perf_counter() - t0


