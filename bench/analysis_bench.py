"""Analysis + entity extraction over the whole corpus, cold and warm stem cache, single process,
side by side with tantivy's own tokenisation-and-indexing of the same text in the same run.
Entity extraction is one first pass over the corpus (its caches start empty, as when an index
is built), after the model is loaded (timed apart: once per process); wall and process time.
Then the same for the bodies' and headlines' mentions as an index build finds them
(indexer.mentions: headline mentions are confirmed by the body), with a fresh model; and once
more as a feed worker runs them (indexer.chunk_worker.prepare_all): a chunk's mentions in a
row, between the chunk's analyses and fingerprints (only the mentions timed). Run between each
article's analysis and fingerprint instead, the extraction takes a quarter to a half more CPU:
the other stages push the model's tables out of the CPU's caches."""

from __future__ import annotations

import time

from bench.common import arg_parser, load_articles, raw_tantivy_index, timed
from indexer.analysis import Analyzer
from indexer.entities import Model, extract_entities, load_model
from indexer.fingerprints import fingerprint
from indexer.mentions import article_mentions
from indexer.records import CHUNK_LINES


def run_analysis(articles: list[dict[str, str]], analyzer: Analyzer) -> int:
    tokens = 0
    for a in articles:
        terms = analyzer.analyze_document(a["title"], a["body"])
        tokens += len(terms.title) + len(terms.body)
    return tokens


def run_entities(articles: list[dict[str, str]], model: Model) -> int:
    return sum(len(extract_entities(a["body"], model)) for a in articles)


def run_mentions(articles: list[dict[str, str]]) -> int:
    return sum(len(article_mentions(a["title"], a["body"])) for a in articles)


def run_mentions_in_chunks(articles: list[dict[str, str]]) -> tuple[int, float]:
    """:func:`run_mentions` in a feed worker's order (a fresh analyzer): the mentions found and
    the process time of finding them."""
    analyzer = Analyzer()
    n, cpu = 0, 0.0
    for at in range(0, len(articles), CHUNK_LINES):
        chunk = articles[at:at + CHUNK_LINES]
        c = time.process_time()
        n += sum(len(article_mentions(a["title"], a["body"])) for a in chunk)
        cpu += time.process_time() - c
        for a in chunk:
            analyzer.analyze_document(a["title"], a["body"])
        for a in chunk:
            fingerprint(a["body"], "")
    return n, cpu


def main() -> None:
    args = arg_parser(__doc__ or "").parse_args()
    articles = load_articles(args.shared, args.limit)
    print(f"analysis bench: {len(articles):,} articles")
    raw = raw_tantivy_index(articles, threads=1)
    print(f"  raw tantivy tokenise+index (1 thread)   {raw:6.2f} s")

    cold = Analyzer()
    with timed() as t_cold:
        tokens = run_analysis(articles, cold)
    print(f"  analysis, cold stem cache   {t_cold[0]:6.2f} s  {tokens / t_cold[0]:>10,.0f} tokens/s"
          f"  ({cold.stemmed_count:,} Sastrawi calls, {len(cold.stems):,} cached words)")
    warm = Analyzer(dict(cold.stems))
    with timed() as t_warm:
        run_analysis(articles, warm)
    print(f"  analysis, warm stem cache   {t_warm[0]:6.2f} s  {tokens / t_warm[0]:>10,.0f} tokens/s"
          f"  ({warm.stemmed_count:,} Sastrawi calls)")
    with timed() as t_load:
        model = load_model()
    print(f"  entity model load           {t_load[0]:6.2f} s  (once per process)")
    cpu = time.process_time()
    with timed() as t_ent:
        n = run_entities(articles, model)
    cpu = time.process_time() - cpu
    print(f"  entity extraction           {t_ent[0]:6.2f} s  "
          f"{t_ent[0] / len(articles) * 1e6:,.0f} µs/article wall, "
          f"{cpu / len(articles) * 1e6:,.0f} µs/article process time, {n:,} mentions")
    # What an index build runs per article: the headline's mentions too, confirmed by the body.
    load_model.cache_clear()
    load_model()
    cpu = time.process_time()
    with timed() as t_art:
        n = run_mentions(articles)
    cpu = time.process_time() - cpu
    print(f"  headline + body mentions    {t_art[0]:6.2f} s  "
          f"{t_art[0] / len(articles) * 1e6:,.0f} µs/article wall, "
          f"{cpu / len(articles) * 1e6:,.0f} µs/article process time, {n:,} mentions")
    load_model.cache_clear()
    load_model()
    n, cpu = run_mentions_in_chunks(articles)
    print(f"  headline + body mentions, a worker's chunks    "
          f"{cpu / len(articles) * 1e6:,.0f} µs/article process time, {n:,} mentions")
    print(f"  ratio entities / raw tantivy:                 {t_ent[0] / raw:5.2f}x")
    print(f"  ratio headline + body mentions / raw tantivy: {t_art[0] / raw:5.2f}x")
    print(f"  ratio cold (analysis+entities) / raw tantivy: {(t_cold[0] + t_ent[0]) / raw:5.2f}x")
    print(f"  ratio warm (analysis+entities) / raw tantivy: {(t_warm[0] + t_ent[0]) / raw:5.2f}x")
    print(f"  ratio warm analysis only / raw tantivy:       {t_warm[0] / raw:5.2f}x")


if __name__ == "__main__":
    main()
