"""Entity-level evaluation of indexer.entities on the gold NER dev sets, and a speed check.

    python -m scripts.eval_ner --shared ../shared            # P/R/F1 on the dev sets
    python -m scripts.eval_ner --shared ../shared --speed    # also µs/article on the corpus
    python -m scripts.eval_ner --shared ../shared --model FILE   # another model file

Each gold sentence becomes text by joining its tokens with single spaces; an extracted entity
counts as correct when its (start, end, type) equals a gold entity's exactly.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from indexer.entities import MODEL_PATH, Model, extract_entities, load_model

ROOT = Path(__file__).resolve().parent.parent
TYPES = ("PER", "ORG", "LOC")
_TAG_MAP = {"PERSON": "PER", "PLACE": "LOC", "ORGANISATION": "ORG", "ORGANIZATION": "ORG"}
DEV_SETS = ("eval/ner/idner-news-2k/dev.txt", "eval/ner/nergrit/nergrit_valid.txt")
CORPUS = "corpus/clickid-news/articles.jsonl.gz"


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    gold: frozenset[tuple[int, int, str]]  # (start, end, type)


def read_conll(path: Path) -> Iterator[list[tuple[str, str]]]:
    """Sentences of a token-per-line file as (token, tag) pairs, tags mapped to PER/ORG/LOC."""
    cur: list[tuple[str, str]] = []
    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\r\n")
            if not line.strip():
                if cur:
                    yield cur
                cur = []
                continue
            parts = line.split("\t") if "\t" in line else line.split(" ")
            tag = parts[-1].strip()
            if tag != "O" and "-" in tag:
                bio, typ = tag.split("-", 1)
                tag = f"{bio}-{_TAG_MAP.get(typ, typ)}"
            cur.append((parts[0], tag))
    if cur:
        yield cur


def to_sentence(tokens: list[tuple[str, str]]) -> Sentence:
    """Join tokens with single spaces and turn IOB tags into character spans."""
    text_parts: list[str] = []
    spans: list[tuple[int, int, str]] = []
    pos = 0
    cur: list[int | str] | None = None  # [start, end, type]
    for tok, tag in tokens:
        start, end = pos, pos + len(tok)
        text_parts.append(tok)
        pos = end + 1
        if tag.startswith("B-") or (tag.startswith("I-") and (cur is None or cur[2] != tag[2:])):
            if cur is not None:
                spans.append((int(cur[0]), int(cur[1]), str(cur[2])))
            cur = [start, end, tag[2:]]
        elif tag.startswith("I-") and cur is not None:
            cur[1] = end
        else:
            if cur is not None:
                spans.append((int(cur[0]), int(cur[1]), str(cur[2])))
            cur = None
    if cur is not None:
        spans.append((int(cur[0]), int(cur[1]), str(cur[2])))
    return Sentence(" ".join(text_parts), frozenset(spans))


def load_sentences(path: Path) -> list[Sentence]:
    return [to_sentence(toks) for toks in read_conll(path)]


@dataclass(frozen=True, slots=True)
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(
    sentences: list[Sentence],
    extract: Callable[[str], list[tuple[int, int, str]]] | None = None,
    model: Model | None = None,
) -> dict[str, Score]:
    """Per-type and micro ("ALL") scores of an extractor (by default extract_entities with
    ``model``, the shipped one unless given) over gold sentences."""
    if extract is None:

        def extract(text: str) -> list[tuple[int, int, str]]:
            return [(e.start, e.end, e.type) for e in extract_entities(text, model)]

    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for sent in sentences:
        pred = set(extract(sent.text))
        for s in pred:
            (tp if s in sent.gold else fp)[s[2]] += 1
        for s in sent.gold - pred:
            fn[s[2]] += 1
    scores = {t: Score(tp[t], fp[t], fn[t]) for t in TYPES}
    scores["ALL"] = Score(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return scores


def format_scores(name: str, scores: dict[str, Score]) -> str:
    lines = [f"{name}", f"  {'type':<5} {'P':>6} {'R':>6} {'F1':>6}  {'tp':>5} {'fp':>5} {'fn':>5}"]
    for t, s in scores.items():
        label = "micro" if t == "ALL" else t
        lines.append(
            f"  {label:<5} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}"
            f"  {s.tp:5d} {s.fp:5d} {s.fn:5d}"
        )
    return "\n".join(lines)


def corpus_bodies(shared: Path) -> list[str]:
    with gzip.open(shared / CORPUS, "rt", encoding="utf-8") as fh:
        return [json.loads(line).get("body") or "" for line in fh]


def time_corpus(bodies: list[str], model: Model | None = None) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of this process, entity count) to extract entities from all
    bodies once, the model loaded beforehand. CPU time is the fairer number on a busy machine."""
    extract_entities("Presiden Joko Widodo di Jakarta.", model)  # load outside the timing
    t0, c0 = time.perf_counter(), time.process_time()
    n = 0
    for body in bodies:
        n += len(extract_entities(body, model))
    return time.perf_counter() - t0, time.process_time() - c0, n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--speed", action="store_true", help="also time extraction on the corpus")
    ap.add_argument("--model", type=Path, default=MODEL_PATH, help="the model file to measure")
    args = ap.parse_args(argv)
    model = load_model(args.model)
    for rel in DEV_SETS:
        sents = load_sentences(args.shared / rel)
        print(format_scores(f"{rel} ({len(sents)} sentences)", evaluate(sents, model=model)))
    if args.speed:
        bodies = corpus_bodies(args.shared)
        wall, cpu, n = time_corpus(bodies, model)
        per = 1e6 / max(1, len(bodies))
        print(
            f"corpus: {len(bodies)} articles, {n} entities, wall {wall:.2f} s "
            f"({wall * per:.0f} µs/article), cpu {cpu:.2f} s ({cpu * per:.0f} µs/article)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
