"""Highlighting: mark the original words whose analysed term is a query term.

Pure functions over a text, its :class:`~indexer.analysis.Span` list (from
``Analyzer.spans(text, names)`` with the document's stored ``names``, so a word's term is exactly
its index term) and the set of query terms. Everything that is not a ``<mark>`` tag is escaped
with :func:`html.escape`, so article text can never inject markup.

The work per hit is bounded whatever the body's size: :func:`excerpt_spans` analyses at most
``SCAN_CHARS`` of the head plus one window around the first place a query term's letters occur,
and :func:`snippet` only ever copies the window it shows.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence, Set
from functools import lru_cache
from typing import Final

from indexer.analysis import Span

SNIPPET_CHARS: Final = 200
ELLIPSIS: Final = "…"
MARK_OPEN: Final = "<mark>"
MARK_CLOSE: Final = "</mark>"
SCAN_CHARS: Final = 20_000  # bodies up to this many characters are analysed whole
HINT_TERMS: Final = 16  # query terms looked for past the head of a longer body
_WS_RE = re.compile(r"\s+")
_NONSPACE_RE = re.compile(r"\S")
_SPACE_RE = re.compile(r"\s")
_JOIN: Final = "\x01"
_CLOSING_RE = re.compile(r"[.,;:!?\"')\]”’]{0,2}")
SpansOf = Callable[[str], list[Span]]  # a text's spans (Analyzer.spans with a document's names)


def _esc(text: str) -> str:
    return html.escape(_WS_RE.sub(" ", text), quote=True)


def render(text: str, spans: Sequence[Span], terms: Set[str], start: int = 0, end: int | None = None
           ) -> str:
    """``text[start:end]`` as HTML, with every span whose term is in ``terms`` marked."""
    end = len(text) if end is None else end
    pieces: list[str] = []  # between marks, marked, between marks, ..., between marks
    pos = start
    for sp in spans:
        if sp.start < start or sp.end > end or sp.term not in terms:
            continue
        pieces.append(text[pos : sp.start])
        pieces.append(text[sp.start : sp.end])
        pos = sp.end
    pieces.append(text[pos:end])
    if len(pieces) == 1:
        return _esc(pieces[0])
    # Escaped in one go, joined by a character that escaping and white-space folding leave
    # alone (no white-space run reaches a mark: a mark holds a word and no word holds white
    # space); piece by piece when the text has that character itself.
    if text.find(_JOIN, start, end) >= 0:
        escaped = [_esc(piece) for piece in pieces]
    else:
        escaped = _esc(_JOIN.join(pieces)).split(_JOIN)
    out = [escaped[0]]
    for k in range(1, len(escaped), 2):
        out += (MARK_OPEN, escaped[k], MARK_CLOSE, escaped[k + 1])
    return "".join(out)


def highlight(text: str, spans: Sequence[Span], terms: Set[str]) -> str:
    """The whole text (a title) as HTML with query terms marked."""
    return render(text, spans, terms).strip()


def _window_end(spans: Sequence[Span], first: int, limit: int) -> int:
    """Index (exclusive) of the last span starting at ``first`` that ends within ``limit``."""
    j = first
    while j < len(spans) and spans[j].end <= limit:
        j += 1
    return max(j, first + 1)


def best_matches(spans: Sequence[Span], terms: Set[str], width: int = SNIPPET_CHARS
                 ) -> tuple[int, int] | None:
    """The span-index range [i, j) from the first to the last match of the ~``width``-char
    window with the most distinct query terms (then the most matches, then the earliest); None
    when no word matches. Only the matching spans decide it, so ``spans`` may be just those.

    A window starts at a match and holds the matches after it that end within ``width`` of its
    start (spans are in text order, so their ends increase: those matches are the next few)."""
    matches = [k for k, sp in enumerate(spans) if sp.term in terms]
    if not matches:
        return None
    n = len(matches)
    best: tuple[int, int, int] | None = None  # (distinct, count, -start)
    best_range = (matches[0], matches[0] + 1)
    for a, k in enumerate(matches):
        limit = spans[k].start + width
        b = a + 1
        while b < n and spans[matches[b]].end <= limit:
            b += 1
        distinct = 1 if b == a + 1 else len({spans[m].term for m in matches[a:b]})
        key = (distinct, b - a, -k)
        if best is None or key > best:
            best, best_range = key, (k, matches[b - 1] + 1)
    return best_range


def best_window(spans: Sequence[Span], terms: Set[str], width: int = SNIPPET_CHARS
                ) -> tuple[int, int] | None:
    """The span-index range [i, j) of a ~``width``-char window with the most distinct query
    terms (then the most matches, then the earliest); None when no word matches."""
    best_range = best_matches(spans, terms, width)
    if best_range is None:
        return None
    # Give the matches some left context (up to half the spare room), fill the rest of the
    # window to the right, and if the text ends first, give the left what is left.
    i, j = best_range
    first = spans[i].start
    budget = (width - (spans[j - 1].end - first)) // 2
    while i > 0 and first - spans[i - 1].start <= budget:
        i -= 1
    while j < len(spans) and spans[j].end - spans[i].start <= width:
        j += 1
    while i > 0 and spans[j - 1].end - spans[i - 1].start <= width:
        i -= 1
    return i, j


def snippet(text: str, spans: Sequence[Span], terms: Set[str], width: int = SNIPPET_CHARS) -> str:
    """The best ~``width``-character window of ``text`` as HTML, cut at word boundaries with
    "…" where cut; the lead of the text when no word matches."""
    if not spans:
        return _esc(text[:width]).strip()
    window = best_window(spans, terms, width)
    if window is None:
        i = 0
        j = _window_end(spans, 0, spans[0].start + width)
    else:
        i, j = window
    start = 0 if i == 0 and spans[0].start <= 20 else spans[i].start
    end = spans[j - 1].end
    if end < len(text):
        # Keep closing punctuation glued to the last word ("kata." rather than "kata…").
        closing = _CLOSING_RE.match(text, end)
        end = closing.end() if closing else end
    body = render(text, spans, terms, start, end).strip()
    prefix = ELLIPSIS if _has_text(text, 0, start) else ""
    suffix = ELLIPSIS if _has_text(text, end) else ""
    return prefix + body + suffix


def _has_text(text: str, start: int, end: int | None = None) -> bool:
    """Whether ``text[start:end]`` has a non-space character (without copying it)."""
    return _NONSPACE_RE.search(text, start, len(text) if end is None else end) is not None


def word_boundary(text: str, pos: int) -> int:
    """``pos`` moved forward to the next whitespace (at most 100 characters), so that a region
    cut there does not start or end inside a word."""
    if pos <= 0 or pos >= len(text):
        return max(0, min(pos, len(text)))
    m = _SPACE_RE.search(text, pos, pos + 100)
    return m.start() if m else pos


def _hint_terms(terms: frozenset[str]) -> list[str]:
    # Longest first, so that of two overlapping terms the longer is found.
    return sorted(terms, key=lambda t: (-len(t), t))[:HINT_TERMS]


@lru_cache(maxsize=256)
def _hint_re(terms: frozenset[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(t) for t in _hint_terms(terms)), re.IGNORECASE)


# Letters that case-insensitive matching takes for an ASCII letter but str.lower() leaves apart
# ("ı" for "i", "ſ" for "s"): where a text has one, only the pattern finds what it finds.
_FOLDED_APART: Final = ("ı", "ſ")


def hint(text: str, start: int, terms: frozenset[str], lowered: str | None = None
         ) -> tuple[int, int] | None:
    """(start, end) of the first place in ``text[start:]`` where one of the longest
    ``HINT_TERMS`` of ``terms`` occurs case-insensitively (the longer at the same place).
    ``lowered``: ``text.lower()`` when the caller has it and it is as long as ``text``; ASCII
    terms are then looked for in it with ``str.find``, many times faster than the pattern over
    a body of megabytes, and finding the same place."""
    chosen = _hint_terms(terms)
    if (lowered is None or not all(t.isascii() for t in chosen)
            or any(c in text for c in _FOLDED_APART)):
        m = _hint_re(terms).search(text, start)
        return (m.start(), m.end()) if m else None
    best: tuple[int, int] | None = None
    for t in chosen:  # longest first: a later term replaces it only if it starts earlier
        at = lowered.find(t, start, len(lowered) if best is None else best[0] + len(t) - 1)
        if at >= 0 and (best is None or at < best[0]):
            best = (at, at + len(t))
    return best


def excerpt_spans(
    text: str,
    terms: Set[str],
    spans_of: SpansOf,
    width: int = SNIPPET_CHARS,
) -> list[Span]:
    """The spans :func:`snippet` needs, with offsets into ``text``, analysing a bounded part.

    A body of at most ``SCAN_CHARS`` is analysed whole. A longer one: its head; when no query
    term is found there, the region around the first place past the head where the letters of
    a query term occur case-insensitively (a stem is usually part of its inflected words:
    "banjir" in "kebanjiran"). A term that is found nowhere leaves the head: the lead."""
    if len(text) <= SCAN_CHARS:
        return spans_of(text)
    head_end = word_boundary(text, SCAN_CHARS)
    head = spans_of(text[:head_end])
    first = next((sp for sp in head if sp.term in terms), None)
    if first is None:
        return beyond_head(text, head, head_end, terms, spans_of, width)
    if first.end + 2 * width <= head_end:
        return head
    # A match near the end of the head: its windows reach past it.
    return spans_of(text[:word_boundary(text, first.end + 2 * width)])


def beyond_head(text: str, head: list[Span], head_end: int, terms: Set[str], spans_of: SpansOf,
                width: int = SNIPPET_CHARS, lowered: str | None = None) -> list[Span]:
    """:func:`excerpt_spans` of a long text whose head (``head``, its spans) has no query term:
    the region around the first place past the head where a query term's letters occur, when
    it has one, else the head. ``lowered``: as for :func:`hint`."""
    useful = frozenset(t for t in terms if t)
    if not useful:
        return head
    found = hint(text, head_end, useful, lowered)
    if found is None:
        return head
    # Twice the width either side: room for every window that can hold this match.
    lo = word_boundary(text, found[0] - 2 * width)
    hi = word_boundary(text, found[1] + 2 * width)
    region = spans_of(text[lo:hi])
    if not any(sp.term in terms for sp in region):
        return head
    return [Span(sp.start + lo, sp.end + lo, sp.surface, sp.term) for sp in region]
