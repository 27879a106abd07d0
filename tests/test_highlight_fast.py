"""The snippet's window choice and rendering (search_api.highlight) equal their plain references
below: the same windows and the same HTML, on any text and the spans the analyzer gives it."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence, Set

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from indexer.analysis import Analyzer, Span
from search_api.highlight import (
    HINT_TERMS,
    MARK_CLOSE,
    MARK_OPEN,
    SNIPPET_CHARS,
    best_matches,
    hint,
    render,
)

AN = Analyzer()
_WS_RE = re.compile(r"\s+")


def reference_best_matches(spans: Sequence[Span], terms: Set[str], width: int = SNIPPET_CHARS
                           ) -> tuple[int, int] | None:
    """Every window read span by span from each match."""
    matches = [k for k, sp in enumerate(spans) if sp.term in terms]
    if not matches:
        return None
    best: tuple[int, int, int] | None = None
    best_range = (matches[0], matches[0] + 1)
    for k in matches:
        j = k
        while j < len(spans) and spans[j].end <= spans[k].start + width:
            j += 1
        j = max(j, k + 1)
        inside = [m for m in range(k, j) if spans[m].term in terms]
        key = (len({spans[m].term for m in inside}), len(inside), -k)
        if best is None or key > best:
            best, best_range = key, (k, inside[-1] + 1)
    return best_range


def reference_render(text: str, spans: Sequence[Span], terms: Set[str], start: int = 0,
                     end: int | None = None) -> str:
    """Each stretch between marks escaped on its own."""

    def esc(part: str) -> str:
        return html.escape(_WS_RE.sub(" ", part), quote=True)

    end = len(text) if end is None else end
    out: list[str] = []
    pos = start
    for sp in spans:
        if sp.start < start or sp.end > end or sp.term not in terms:
            continue
        out.append(esc(text[pos:sp.start]))
        out.append(MARK_OPEN + esc(text[sp.start:sp.end]) + MARK_CLOSE)
        pos = sp.end
    out.append(esc(text[pos:end]))
    return "".join(out)


_WORDS = ["banjir", "Banjir", "kebanjiran", "Jakarta", "hujan", "deras", "di", "warga", "x" * 60,
          "a&b", "<b>", "\"q\"", "'", "\x01", "\x02", "\x00"]
_SEPS = [" ", "  ", "\n", "\t \n", ", ", ". ", "\xa0", "\u2028", "-"]
_TEXTS = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPS)), max_size=60).map(
    lambda pairs: "".join(w + s for w, s in pairs)) | st.text(max_size=300)
_TERMS = st.frozensets(st.sampled_from(["banjir", "jakarta", "hujan", "deras", "di", "warga",
                                        "x" * 48, "b", "q"]), max_size=4)


@settings(max_examples=800, deadline=None)
@given(_TEXTS, _TERMS, st.data(), st.booleans())
def test_best_matches_is_the_plain_search(text: str, terms: frozenset[str], data: st.DataObject,
                                          matches_only: bool) -> None:
    spans = AN.spans(text)
    # Widths that end a window exactly at a word's end, one short of it, and any.
    exact = [b.end - a.start + d for a in spans for b in spans for d in (0, -1)
             if a.start < b.end]
    width = data.draw(st.sampled_from(exact) if exact else st.integers(0, 400))
    if matches_only:
        spans = [sp for sp in spans if sp.term in terms]
    assert best_matches(spans, terms, width) == reference_best_matches(spans, terms, width)


@settings(max_examples=600, deadline=None)
@given(_TEXTS, _TERMS, st.integers(-5, 320), st.none() | st.integers(-5, 320))
def test_render_is_the_plain_rendering(text: str, terms: frozenset[str], start: int,
                                       end: int | None) -> None:
    spans = AN.spans(text)
    start = max(0, start)
    assert render(text, spans, terms, start, end) == reference_render(text, spans, terms, start,
                                                                      end)



def reference_hint(text: str, start: int, terms: frozenset[str]) -> tuple[int, int] | None:
    """The first place past ``start`` where one of the longest terms occurs, ignoring case."""
    chosen = sorted(terms, key=lambda t: (-len(t), t))[:HINT_TERMS]
    m = re.compile("|".join(re.escape(t) for t in chosen), re.IGNORECASE).search(text, start)
    return (m.start(), m.end()) if m else None


_HINT_WORDS = ["banjir", "BANJIR", "Banjır", "banſir", "ban", "jir", "Kota", "kotak", "kot", "Σ",
               "ς", "\u212a", "\u212aota", "sapu", "ſapu", "ılık", "e\u0301", "東京", "ǅ", "ﬁ", "İ"]
_HINT_TERMS = st.frozensets(st.sampled_from(["banjir", "kota", "kot", "sapu", "ban", "jir", "ılık",
                                             "σ", "ﬁ", "i"]), min_size=1, max_size=4)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_HINT_WORDS), st.sampled_from(_SEPS)), max_size=40).map(
    lambda pairs: "".join(w + s for w, s in pairs)), _HINT_TERMS, st.integers(0, 50))
def test_hint_in_the_lowered_text_is_the_pattern_search(text: str, terms: frozenset[str],
                                                         start: int) -> None:
    """Looking for the terms in the lower-cased text (str.find) finds the place the
    case-insensitive pattern finds, for every text whose lower case keeps its length (the
    only texts callers give it for)."""
    lowered = text.lower()
    assume(len(lowered) == len(text))
    assert hint(text, start, terms, lowered) == reference_hint(text, start, terms)
    assert hint(text, start, terms) == reference_hint(text, start, terms)
