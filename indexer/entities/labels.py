"""The tagger's labels: BILOU per entity type, what may follow what, and the BIO view handed on.

Per type the first (B), inner (I) and last (L) word of a mention of several words and the word
of a one-word mention (U). Telling the last word and a lone word apart from the others lets the
model learn how names end.
"""

from __future__ import annotations

TYPES: tuple[str, ...] = ("PER", "ORG", "LOC")
LABELS: tuple[str, ...] = ("O", *(f"{k}-{t}" for t in TYPES for k in "BILU"))
# What the tagger hands on: B/I/O label indexes, a mention starting at each B-X.
BIO_LABELS: tuple[str, ...] = ("O", *(f"{k}-{t}" for t in TYPES for k in "BI"))


def label_kind(label: int) -> str:
    """The kind of a label index of :data:`LABELS`: "O", or "B", "I", "L" or "U"."""
    return "O" if label == 0 else "BILU"[(label - 1) % 4]


def label_allowed(prev: int, label: int) -> bool:
    """Whether ``label`` may follow ``prev`` (-1: ``label`` starts the run): inside a mention
    of several words (after B-X or I-X) only I-X or L-X, elsewhere only O, B-Y or U-Y."""
    kind = label_kind(label)
    if prev < 0 or label_kind(prev) in "OLU":
        return kind in "OBU"
    return kind in "IL" and (prev - 1) // 4 == (label - 1) // 4


def label_ends(label: int) -> bool:
    """Whether a run may end with ``label`` (a mention of several words ends with L-X)."""
    return label_kind(label) in "OLU"


def to_bio(label: int) -> int:
    """The :data:`BIO_LABELS` index of a label: B-X and U-X start a mention, I-X and L-X go on."""
    if label == 0:
        return 0
    return 1 + 2 * ((label - 1) // 4) + (label_kind(label) in "IL")


def backtrack(score: list[float], back: list[list[int]]) -> list[int]:
    """Viterbi's last step: the best final label, then the back-pointers to the start."""
    last = score.index(max(score))
    out = [last]
    for ptr in reversed(back):
        last = ptr[last]
        out.append(last)
    out.reverse()
    return out
