"""Highlighting: mark the original words whose analysed term is a query term.

Pure functions over a text, its :class:`~indexer.analysis.Span` list (from
``Analyzer.spans(text, names)`` with the document's stored ``names``, so a word's term is exactly
its index term) and the set of query terms. Everything that is not a ``<mark>`` tag is escaped
with :func:`html.escape`, so article text can never inject markup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence, Set
from typing import Final

from indexer.analysis import Span

SNIPPET_CHARS: Final = 200
ELLIPSIS: Final = "…"
MARK_OPEN: Final = "<mark>"
MARK_CLOSE: Final = "</mark>"
_WS_RE = re.compile(r"\s+")


def _esc(text: str) -> str:
    return html.escape(_WS_RE.sub(" ", text), quote=True)


def render(text: str, spans: Sequence[Span], terms: Set[str], start: int = 0, end: int | None = None
           ) -> str:
    """``text[start:end]`` as HTML, with every span whose term is in ``terms`` marked."""
    end = len(text) if end is None else end
    out: list[str] = []
    pos = start
    for sp in spans:
        if sp.start < start or sp.end > end or sp.term not in terms:
            continue
        out.append(_esc(text[pos : sp.start]))
        out.append(MARK_OPEN + _esc(text[sp.start : sp.end]) + MARK_CLOSE)
        pos = sp.end
    out.append(_esc(text[pos:end]))
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


def best_window(spans: Sequence[Span], terms: Set[str], width: int = SNIPPET_CHARS
                ) -> tuple[int, int] | None:
    """The span-index range [i, j) of a ~``width``-char window with the most distinct query
    terms (then the most matches, then the earliest); None when no word matches."""
    matches = [k for k, sp in enumerate(spans) if sp.term in terms]
    if not matches:
        return None
    best: tuple[int, int, int] | None = None  # (distinct, count, -start)
    best_range = (matches[0], matches[0] + 1)
    for k in matches:
        j = _window_end(spans, k, spans[k].start + width)
        inside = [m for m in range(k, j) if spans[m].term in terms]
        key = (len({spans[m].term for m in inside}), len(inside), -k)
        if best is None or key > best:
            best, best_range = key, (k, inside[-1] + 1)
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
        tail = len(text[end:]) - len(text[end:].lstrip(".,;:!?\"')]”’"))
        end += min(tail, 2)
    body = render(text, spans, terms, start, end).strip()
    prefix = ELLIPSIS if text[:start].strip() else ""
    suffix = ELLIPSIS if text[end:].strip() else ""
    return prefix + body + suffix
