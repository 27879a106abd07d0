"""Where a full build's time goes: µs per article for each stage of the pipeline, in one process.

Each stage runs over every article of the corpus with the project's own functions, in the
order the build runs them, and is timed on its own (wall and process time). The worker's
stages are those of :func:`indexer.document.prepare`, a chunk of articles at a time as
:func:`indexer.chunk_worker.prepare_all` runs them; the building process's are the transfer
of a prepared document (a parcel, pickled once in the worker, as the pool carries it), the
corpus pass (the entity-map counts, the spill, the map and applying it), story clustering
(LSH) and tantivy's add_document and commit. The "where" column says which process runs each.

    python -m bench.stages [--limit N]
"""

from __future__ import annotations

import pickle
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from bench.common import CORPUS, arg_parser, raw_index
from indexer import schema as S
from indexer import store
from indexer.analysis import Analyzer, DocumentTerms
from indexer.build import tantivy_document
from indexer.clean import clean_body
from indexer.dates import parse_date
from indexer.document import (
    Prepared,
    canonical_url,
    document_fields,
    load_payload,
    prepare_article,
)
from indexer.entities import load_model
from indexer.entity_norm import compute_map
from indexer.feed import iter_records
from indexer.fingerprints import fingerprint
from indexer.map_apply import apply_map
from indexer.mentions import article_mentions, entity_values
from indexer.records import CHUNK_LINES, Problem, Record
from indexer.spill import Spill, alias_person, parcel, stored_evidence
from indexer.stories import Stories, cluster_batch
from indexer.story_ledger import epoch

T = TypeVar("T")

class Clock:
    """Seconds (wall, process) per stage, summed over calls."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = defaultdict(float)
        self.cpu: dict[str, float] = defaultdict(float)
        self.order: list[str] = []
        self.where: dict[str, str] = {}

    def run(self, stage: str, where: str, fn: Callable[..., T], *args: Any) -> T:
        if stage not in self.where:
            self.order.append(stage)
            self.where[stage] = where
        w, c = time.perf_counter(), time.process_time()
        out = fn(*args)
        self.wall[stage] += time.perf_counter() - w
        self.cpu[stage] += time.process_time() - c
        return out

def _records(src: Path, limit: int) -> Iterator[Record]:
    n = 0
    for r in iter_records([src]):
        if isinstance(r, Record):
            yield r
            n += 1
            if limit and n >= limit:
                return

def measure(src: Path, limit: int) -> tuple[Clock, int, dict[str, float]]:
    clock = Clock()
    load_model()  # once per worker process, not per article
    t0 = time.perf_counter()
    records = clock.run("read + decode + parse (JSON)", "main+worker",
                        lambda: list(_records(src, limit)))
    n = len(records)
    analyzer = Analyzer()
    prepared: list[Prepared] = []
    stored_articles: list[S.StoredArticle] = []  # what each one's payload encodes
    sizes: dict[str, float] = defaultdict(float)
    bodies: list[tuple[str, str]] = []
    # a worker's chunk at a time, in its steps (indexer.chunk_worker.prepare_all): the chunk's
    # articles read, their mentions, their analyses, then the rest of each
    for at in range(0, n, CHUNK_LINES):
        chunk = records[at:at + CHUNK_LINES]
        texts: list[tuple[str, str]] = []
        for rec in chunk:
            f = rec.fields
            body = clock.run("cleaning", "worker", clean_body, f.get("body") or "")
            texts.append(((f.get("title") or "").strip(), body))
            clock.run("url, ids", "worker", canonical_url, f.get("url"))
            clock.run("dates", "worker", parse_date, f.get("date"), f.get("time"))
        found = [clock.run("entity extraction (body + headline)", "worker", article_mentions,
                           title, body) for title, body in texts]
        for title, body in texts:
            clock.run("stemming / analysis, cold stem cache", "worker",
                      analyzer.analyze_document, title, body)
        bodies.extend(texts)
        for rec, (_, body), mentions in zip(chunk, texts, found, strict=True):
            clock.run("entity values", "worker", entity_values, mentions)
            clock.run("story MinHash", "worker", fingerprint, body,
                      rec.fields.get("source") or "")
        for rec in chunk:
            # prepare() whole, caches now warm: the documents the later stages need
            out = clock.run("_prepare", "", prepare_article, rec, analyzer)
            if not isinstance(out, Problem):
                prep = out[0]
                prepared.append(prep)
                stored_articles.append(out[1])
                sizes["payload bytes"] += len(prep.fields[S.PAYLOAD])
    warm = Analyzer(dict(analyzer.stems))
    for title, body in bodies:
        clock.run("stemming / analysis, warm stem cache", "worker", warm.analyze_document,
                  title, body)
    # payload encoding + document fields, isolated

    for prep in prepared:
        stored = load_payload(prep.fields[S.PAYLOAD])
        names = frozenset(stored.names)
        terms = DocumentTerms(names, [] if stored.title_derived else
                              analyzer.analyze(stored.title, names),
                              analyzer.analyze(stored.body, names))
        clock.run("payload + fields (orjson, words, join)", "worker",
                  document_fields, stored, analyzer, terms)
    parcels = []
    for prep, stored in zip(prepared, stored_articles, strict=True):
        # a parcel is the document's name evidence (read from the stored article the worker
        # has just encoded) and the document pickled: each timed here (the parcel itself is
        # made untimed)
        clock.run("name evidence (for the map)", "worker", stored_evidence, stored)
        clock.run("IPC: pickle the document in worker", "worker", pickle.dumps, prep,
                  pickle.HIGHEST_PROTOCOL)
        par = clock.run("_parcel", "worker", parcel, prep, stored)
        blob = clock.run("IPC: pickle the parcel (result) in worker", "worker", pickle.dumps, par,
                         pickle.HIGHEST_PROTOCOL)
        sizes["pickled bytes"] += len(blob)
        parcels.append(clock.run("IPC: unpickle the parcel in main", "main", pickle.loads,
                                 blob))
    with tempfile.TemporaryDirectory() as tmp:
        spill = Spill(Path(tmp))
        for par in parcels:
            clock.run("corpus pass: count values + spill write", "main", spill.add, par)
        replay = spill.replay()
        for _ in parcels:
            clock.run("corpus pass: spill read (unpickle)", "main", next, replay)
        spill.close()
    emap = clock.run("corpus pass: compute map (serial; by type in the pool)", "worker",
                     compute_map, spill.counts.entities, spill.counts.categories, alias_person,
                     spill.counts.evidence)
    mapped = [clock.run("corpus pass: apply map", "main", apply_map, p, emap) for p in prepared]
    sizes["mapped (changed) articles"] = sum(
        a is not b for a, b in zip(mapped, prepared, strict=True))
    prints = [(p.id, p.fingerprint, epoch(p)) for p in prepared]
    stories = clock.run("stories: cluster all at once (full build)", "main", cluster_batch,
                        prints)
    incremental = Stories()
    for doc_id, fp, date in prints:
        clock.run("stories: LSH query + insert (warta add)", "main", incremental.add, doc_id,
                  fp, date)
    schema = S.build_schema()
    with tempfile.TemporaryDirectory() as tmp:
        index = store.create_empty(Path(tmp))
        writer = index.writer(heap_size=256 * 1024 * 1024, num_threads=1)
        docs = []
        for prep in mapped:
            sid = stories.story_of(prep.id)
            docs.append(clock.run("tantivy Document.from_dict", "main",
                                  tantivy_document, prep.fields, prep.id, sid, schema))
        for d in docs:
            clock.run("tantivy add_document (hand-off)", "main", writer.add_document, d)
        clock.run("tantivy commit (indexing thread)", "tantivy", writer.commit)
        clock.run("tantivy wait merges", "tantivy", writer.wait_merging_threads)
    with tempfile.TemporaryDirectory() as tmp:
        w = time.perf_counter()
        raw_index(({"id": r.fields.get("id") or "", "title": r.fields.get("title") or "",
                    "body": r.fields.get("body") or ""} for r in records),
                  path=Path(tmp), threads=1)
        sizes["raw tantivy (1 thread), s"] = time.perf_counter() - w
    sizes["all stages, s"] = time.perf_counter() - t0
    return clock, n, sizes

def main() -> None:
    args = arg_parser(__doc__ or "").parse_args()
    clock, n, sizes = measure(args.shared / CORPUS, args.limit)
    prep_warm = clock.wall.pop("_prepare")
    for hidden in ("_prepare", "_parcel"):
        clock.wall.pop(hidden, None)
        clock.cpu.pop(hidden)
        clock.order.remove(hidden)
    print(f"stage bench: {n:,} articles, one process")
    print(f"  {'stage':<42} {'where':<12} {'µs/article':>10} {'cpu µs':>8}")
    total = 0.0
    for stage in clock.order:
        us, cpu = clock.wall[stage] / n * 1e6, clock.cpu[stage] / n * 1e6
        total += us
        print(f"  {stage:<42} {clock.where[stage]:<12} {us:>10,.0f} {cpu:>8,.0f}")
    print(f"  {'(prepare() whole again, caches warm)':<42} {'worker':<12} "
          f"{prep_warm / n * 1e6:>10,.0f}")
    raw = sizes["raw tantivy (1 thread), s"]
    print(f"  {'sum of stages':<42} {'':<12} {total:>10,.0f}")
    print(f"  {'raw tantivy, 1 thread (title+body, stored)':<42} {'':<12} {raw / n * 1e6:>10,.0f}")
    print(f"  payload {sizes['payload bytes'] / n:,.0f} B/article, pickled prepared document "
          f"{sizes['pickled bytes'] / n:,.0f} B/article; the map changes "
          f"{sizes['mapped (changed) articles']:,.0f} of {n:,} articles")

if __name__ == "__main__":
    main()
