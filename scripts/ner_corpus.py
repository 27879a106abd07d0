"""What unlabelled news text says about words, for the entity trainer
(:mod:`scripts.train_ner`): how often each word is written in lower case mid-sentence
(:func:`lower_lexicon`), the words next to each capitalised word (:func:`corpus_contexts`), and
distributional word classes and vectors (:func:`word_clusters`: PPMI + SVD + k-means, numpy and
scipy, training only)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from indexer.words import WORD_PATTERN, WORD_RE, mid_sentence


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
    returned as dense features (see :func:`scripts.ner_trainers.crf_weights`). Needs numpy and
    scipy (training only)."""
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
