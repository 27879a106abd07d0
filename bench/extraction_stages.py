"""Where entity extraction spends its time: process time per corpus article of each stage of
``indexer.entities.text_entities`` (the compiled tagger, each post-processing pass) for the
bodies and the headlines, and of the headline's confirmation (``indexer.mentions``), in one
first pass over the corpus with a fresh model (its caches start empty, as when an index is
built). The scan for candidate runs, part of the tagger, is timed apart on the same texts.

The stages are found, not listed: every function ``text_entities`` calls by name, and the
tagger's ``extract``, are wrapped in a timer (which costs a little per call, so the stages add up
to a bit more than the bench.analysis_bench figure); the mentions found are checked to be
those of the plain run."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import indexer.entities as entities
import indexer.mentions as mentions
from bench.common import arg_parser, load_articles

Clock = Callable[[], float]


class _TimedTagger:
    """The tagger of a model, its ``extract`` timed (the compiled class takes no attributes)."""

    def __init__(self, tagger: Any, timed: Callable[..., Any]) -> None:
        self._tagger = tagger
        self.extract = timed("tagger (runs, features, Viterbi)", tagger.extract)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._tagger, name)


def main() -> None:
    args = arg_parser(__doc__ or "").parse_args()
    articles = load_articles(args.shared, args.limit)
    clock: Clock = time.process_time
    spent: dict[str, float] = defaultdict(float)
    field = ["body"]

    def timed(stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def run(*a: Any, **kw: Any) -> Any:
            t0 = clock()
            try:
                return fn(*a, **kw)
            finally:
                spent[f"{field[0]}: {stage}"] += clock() - t0
        return run

    entities.load_model.cache_clear()
    plain_model = entities.load_model()
    want = [mentions.article_mentions(a["title"], a["body"]) for a in articles[:300]]
    names = entities.text_entities.__code__.co_names
    passes = {name: getattr(entities, name) for name in names
              if name != "load_model" and callable(getattr(entities, name, None))}
    scan = plain_model.tagger.run_spans
    del plain_model
    entities.load_model.cache_clear()
    model = entities.load_model()
    model.tagger = _TimedTagger(model.tagger, timed)  # type: ignore[assignment]
    for name, fn in passes.items():
        setattr(entities, name, timed(name, fn))
    extract = entities.text_entities

    def by_field(text: str, m: Any = None) -> tuple[list[entities.Entity], dict[str, str]]:
        t0 = clock()
        try:
            return extract(text, m)
        finally:
            spent[f"{field[0]}: all"] += clock() - t0
            field[0] = "headline"  # article_mentions reads the body first, then the headline

    mentions.text_entities = by_field  # type: ignore[assignment]
    mentions.extract_entities = lambda text, m=None: by_field(text, m)[0]  # type: ignore
    try:
        t0 = clock()
        got = []
        for i, a in enumerate(articles):
            field[0] = "body"
            found = mentions.article_mentions(a["title"], a["body"])
            if i < len(want):
                got.append(found)
        total = clock() - t0
    finally:
        mentions.text_entities = extract
        mentions.extract_entities = entities.extract_entities
        for name, fn in passes.items():
            setattr(entities, name, fn)
    if got != want:
        raise SystemExit("the timed stages changed the mentions found")
    t0 = clock()
    for a in articles:
        scan(a["body"])
        scan(a["title"])
    spent["(apart) run scan, bodies and headlines"] = clock() - t0

    count = len(articles)
    print(f"extraction stages: {count:,} articles, first pass, process time, µs/article")
    print(f"  {'headline + body mentions (indexer.mentions), all':<52} {total / count * 1e6:7.1f}")
    body, head = spent.pop("body: all"), spent.pop("headline: all")
    print(f"  {'confirming headline mentions':<52} {(total - body - head) / count * 1e6:7.1f}")
    for label, whole in (("body", body), ("headline", head)):
        print(f"  {label + ': all':<52} {whole / count * 1e6:7.1f}")
        for key in sorted((k for k in spent if k.startswith(label + ":")), key=lambda k: -spent[k]):
            print(f"    {key:<50} {spent[key] / count * 1e6:7.1f}")
    apart = next(k for k in spent if k.startswith("(apart)"))
    print(f"  {apart:<52} {spent[apart] / count * 1e6:7.1f}")


if __name__ == "__main__":
    main()
