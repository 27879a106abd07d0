"""Autocomplete: entity names and frequent words that start with what the user has typed.

``GET /suggest?prefix=…&size=8`` answers with :class:`Suggestions`: persons, organisations and
places whose name, or a word of it, starts with the prefix (case-insensitively, with their article
counts), then words of the indexed text that start with it, most frequent first.

Both come from per-snapshot :class:`PrefixIndex` es, built on first use from the facet values and
from tantivy's term dictionary of the ``words`` field (with document counts): a sorted list of
keys searched by bisection, with the answers for one- and two-letter prefixes (the longest ranges)
worked out in advance, so an answer never walks more than the short range of a longer prefix.
"""

from __future__ import annotations

import bisect
import heapq
import re
from dataclasses import dataclass
from typing import Final

from indexer import schema as S
from indexer.analysis import is_stopword
from search_api import params as P
from search_api import selection, snapshot
from search_api.memo import per_snapshot

MIN_WORD_LEN: Final = 3  # shorter words are no help as completions
MAX_SIZE: Final = P.MAX_SUGGEST_SIZE  # the short-prefix answers hold this many
_SPLIT_RE = re.compile(r"[\W_]+")
_INDEX_KEY = "suggest:indexes"


@dataclass(frozen=True, slots=True)
class Suggestion:
    kind: str  # "person", "org", "place" or "word"
    value: str
    count: int  # articles (entities: that mention it; words: that contain it)
    completes: str  # the end of the typed text this stands for (case-folded)


@dataclass(frozen=True, slots=True)
class Suggestions:
    prefix: str
    suggestions: tuple[Suggestion, ...]


def fold(text: str) -> str:
    """The form prefixes are compared in: case-folded, spacing collapsed."""
    return " ".join(text.casefold().split())


class PrefixIndex:
    """Values under each of their keys, sorted, so the values a prefix matches are one
    contiguous range; the best ``MAX_SIZE`` for every prefix of up to ``SHORT`` characters (the
    longest ranges) are worked out once, in one pass."""

    SHORT: Final = 3

    def __init__(self, rows: list[tuple[str, int, str, str]]) -> None:
        rows.sort()  # (key, -count, value, kind)
        self._keys = [r[0] for r in rows]
        self._rows = rows
        short: dict[str, dict[tuple[str, str], int]] = {}
        for key, neg, value, kind in rows:
            for n in range(1, min(self.SHORT, len(key)) + 1):
                bucket = short.setdefault(key[:n], {})
                if bucket.get((kind, value), 0) < -neg:
                    bucket[(kind, value)] = -neg
        self._short = {p: _best(b, MAX_SIZE) for p, b in short.items()}

    def top(self, prefix: str, size: int) -> list[Match]:
        """The ``size`` most frequent values matching ``prefix`` (ties by value, then kind)."""
        if len(prefix) <= self.SHORT:
            return self._short.get(prefix, [])[:size]
        lo = bisect.bisect_left(self._keys, prefix)
        hi = bisect.bisect_left(self._keys, prefix + "\U0010ffff")
        best: dict[tuple[str, str], int] = {}
        for _, neg, value, kind in self._rows[lo:hi]:
            best[(kind, value)] = max(best.get((kind, value), 0), -neg)
        return _best(best, size)


Match = tuple[str, str, int]  # kind, value, count


def _best(counts: dict[tuple[str, str], int], size: int) -> list[Match]:
    ranked = heapq.nsmallest(size, counts.items(), key=lambda kv: (-kv[1], kv[0][1], kv[0][0]))
    return [(kind, value, count) for (kind, value), count in ranked]


def entity_rows(values: dict[str, list[tuple[str, int]]]) -> list[tuple[str, int, str, str]]:
    """Each entity value under each of its word starts ("joko widodo" and "widodo" for
    "Joko Widodo")."""
    rows: list[tuple[str, int, str, str]] = []
    for kind, counts in values.items():
        for value, count in counts:
            folded = fold(value)
            starts = {folded}
            starts.update(folded[m.end():] for m in _SPLIT_RE.finditer(folded))
            rows.extend((start, -count, value, kind) for start in starts if start)
    return rows


def word_rows(terms: list[tuple[str, int]]) -> list[tuple[str, int, str, str]]:
    """Words worth completing to: long enough, not stopwords, letters first."""
    return [(w, -c, w, "word") for w, c in terms
            if len(w) >= MIN_WORD_LEN and not is_stopword(w) and w[0].isalpha()]


@dataclass(frozen=True, slots=True)
class Indexes:
    entities: PrefixIndex
    words: PrefixIndex


def build_indexes(values: dict[str, list[tuple[str, int]]], terms: list[tuple[str, int]]
                  ) -> Indexes:
    """The indexes of every entity value (``values``: facet -> (value, articles)) and of the
    words of the indexed text (``terms``: (word, documents)), whatever backend read them."""
    return Indexes(PrefixIndex(entity_rows(values)), PrefixIndex(word_rows(terms)))


def _build_indexes(snap: snapshot.Snapshot) -> Indexes:
    return build_indexes({f: selection.all_values(snap, f) for f in S.ENTITY_FACETS},
                         snap.searcher.terms_with_prefix(S.WORDS, ""))


def indexes(snap: snapshot.Snapshot, *, wait: bool = True) -> Indexes | None:
    """The snapshot's prefix indexes (seconds to build on the 22k corpus, once); without
    ``wait``, None until they are ready."""
    return per_snapshot(snap, _INDEX_KEY, _build_indexes, wait=wait)


def suggest(holder: snapshot.SearcherHolder, prefix: str, size: int, *,
            wait: bool = True) -> Suggestions:
    """:func:`answer` from the tantivy index's :func:`indexes`. Without ``wait`` (the HTTP
    route), nothing is suggested while the indexes are still being built."""
    if not fold(prefix):
        return Suggestions(prefix, ())
    return answer(indexes(holder.snapshot(), wait=wait), prefix, size)


def answer(found: Indexes | None, prefix: str, size: int) -> Suggestions:
    """Entities first (they filter the search), then words, ``size`` in all; words take a third
    of the places when both could fill them. Entities match the whole typed text ("joko wi")
    and then its last word; words match the last word ("banjir jak" -> "jakarta"). Nothing
    while the indexes are not ready (None)."""
    key = fold(prefix)
    if not key or found is None:
        return Suggestions(prefix, ())
    last = key.rsplit(" ", 1)[-1]
    names = [Suggestion(k, v, c, key) for k, v, c in found.entities.top(key, size)]
    if last != key and len(names) < size:
        seen = {(s.kind, s.value) for s in names}
        names += [Suggestion(k, v, c, last) for k, v, c in found.entities.top(last, size)
                  if (k, v) not in seen][: size - len(names)]
    taken = {s.value.casefold() for s in names}
    words = [Suggestion(k, v, c, last) for k, v, c in found.words.top(last, size + len(taken))
             if v not in taken]
    n_words = max(size - len(names), min(len(words), size // 3))
    return Suggestions(prefix, tuple(names[: size - n_words] + words[:n_words]))
