"""The features the tagger scores: the one contract between ``scripts/train_ner.py``, which
learns a score vector per feature, and the extractor, which sums them.

A word's features depend on that word alone (its form, shape, affixes, how often it is written
in lower case in news text, whether it is a well-known place, where it sits in the run, whether
the run starts a sentence, and its corpus features from the model file: usual neighbour words,
distributional word classes, the projection of its word vector, gazetteer memberships) plus the
previous, second-previous and next token (tokens outside the run weigh apart from words inside
it), and for longer runs the run's last word and the token after the run. :func:`run_features`
lists them all as the trainer sees them; the compiled tagger sums the same vectors from caches
per word, per position and per context token (``tests/test_entities.py`` proves it equal).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from indexer.entities.runs import starts_sentence

# The score vector a word's dense distributional vector adds, one per word in the model file
# ("ev=jakarta"): the trainer learns per-dimension weights and projects each vector onto them.
VECTOR_PREFIX = "ev="
# Run positions (see word_pos) and context kinds (see context_features), in the order the
# compiled tagger indexes them.
POSITIONS = "aofsme"
CONTEXT_KINDS = "pqnlPNr"


def shape(word: str) -> str:
    """A coarse word shape: X for capitals, x for lower case, d for digits, squeezed."""
    out: list[str] = []
    for ch in word[:12]:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def lower_bucket(word: str, lower_ratio: Mapping[str, int]) -> str:
    """How often the word is written in lower case in news text: 0..4, or ``u`` (unknown)."""
    b = lower_ratio.get(word.lower())
    return "u" if b is None else str(b)


def word_pos(i: int, n: int, sent: bool) -> str:
    """Where word ``i`` of an ``n``-word run sits: a lone word (o, or a at a sentence start),
    first (f, or s at a sentence start), middle (m) or last (e)."""
    if n == 1:
        return "a" if sent else "o"
    if i == 0:
        return "s" if sent else "f"
    return "e" if i == n - 1 else "m"


def word_features(
    word: str,
    pos: str,
    lower_ratio: Mapping[str, int],
    places: frozenset[str] = frozenset(),
    extra: Sequence[str] = (),
) -> list[str]:
    """Features of a word inside a run (``pos``: see :func:`word_pos`); ``extra`` are the
    word's corpus features from the model file (see ``scripts/train_ner.py``)."""
    low = word.lower()
    lb = lower_bucket(word, lower_ratio)
    sh = shape(word)
    return [
        *form_features(word, low, lb, sh),
        *position_features(pos, low, lb, sh, low in places),
        *extra,
        VECTOR_PREFIX + low,  # the word's distributional vector, projected on labels
    ]


def form_features(word: str, low: str, lb: str, sh: str) -> list[str]:
    """The features of a word that do not depend on where it sits in the run (``low``, ``lb``,
    ``sh``: its lower case, :func:`lower_bucket` and :func:`shape`)."""
    return [
        "b",
        "w=" + word,
        "l=" + low,
        "sh=" + sh,
        "s4=" + low[-4:],
        "s3=" + low[-3:],
        "s2=" + low[-2:],
        "p4=" + low[:4],
        "p3=" + low[:3],
        "lb=" + lb,
    ]


def position_features(pos: str, low: str, lb: str, sh: str, gz: bool) -> list[str]:
    """The features of a word that depend on where it sits in the run (``pos``), including the
    pair that marks a well-known place (``gz``); the word itself (``low``) counts only at a
    sentence start."""
    feats = ["pos=" + pos, "lbpos=" + lb + pos, "shpos=" + sh + pos]
    if pos in "as":
        feats.append("sl=" + low)
    if gz:
        feats.append("gz")
        feats.append("gzpos=" + pos)
    return feats


def context_features(kind: str, token: str) -> list[str]:
    """Features of a token around a word (``kind``, one of :data:`CONTEXT_KINDS`: p = previous,
    q = second previous, n = next inside the run; P, N the same outside it; l = the run's last
    word, r = the token after the run)."""
    low = token.lower()
    cap = "C" if token[:1].isupper() else "c"
    return [f"{kind}={low}", f"{kind}c={cap}"]


def word_context(words: Sequence[str], i: int, prev: str, nxt: str) -> tuple[str, str, str]:
    """(previous, second previous, next) token of word ``i`` of a run ("" if unknown)."""
    p = words[i - 1] if i else prev
    q = words[i - 2] if i > 1 else (prev if i == 1 else "")
    x = words[i + 1] if i + 1 < len(words) else nxt
    return p, q, x


def run_features(
    words: Sequence[str],
    prev: str,
    nxt: str,
    lower_ratio: Mapping[str, int],
    places: frozenset[str] = frozenset(),
    word_extra: Mapping[str, str] | None = None,
) -> list[list[str]]:
    """Per word of a run, every feature the tagger scores (the trainer's view; the extractor
    sums the same features from per-word and per-context caches).
    ``word_extra``: lower-cased word -> its corpus features, space-separated."""
    sent = starts_sentence(prev)
    extra = word_extra or {}
    n = len(words)
    out: list[list[str]] = []
    for i, w in enumerate(words):
        p, q, x = word_context(words, i, prev, nxt)
        out.append(
            word_features(
                w, word_pos(i, n, sent), lower_ratio, places, extra.get(w.lower(), "").split()
            )
            + context_features("p" if i else "P", p)
            + context_features("q", q)
            + context_features("n" if i + 1 < n else "N", x)
            + (context_features("r", nxt) + context_features("l", words[-1]) if n > 1 else [])
        )
    return out
