"""The entity trainer's learners (:mod:`scripts.train_ner`): a linear-chain CRF over the
candidate runs (python-crfsuite, training only; :func:`crf_weights`), feature-bagged
(:data:`FEATURE_BAGS`, :func:`feature_bagged_crf`), whose state and transition weights are
exported into the per-feature score vectors ``indexer.entities`` decodes with Viterbi; and
bagged averaged structured perceptrons (:class:`Perceptron`, :func:`bagged`)."""

from __future__ import annotations

import random
from collections.abc import Iterable

from indexer.entities.features import VECTOR_PREFIX
from indexer.entities.labels import LABELS, backtrack, label_allowed, label_ends
from scripts.ner_corpus import Vectors
from scripts.ner_facts import PREFIX as FACTS_PREFIX

Example = tuple[list[list[str]], list[int]]  # per word: feature lists; gold labels


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
# model with every feature, added to the mean, lets the word's identity dominate again and
# cross-validates no better (--cv re-measures it).
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
