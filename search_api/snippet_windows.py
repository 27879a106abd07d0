"""The spans a snippet needs, analysing only the words that may match and one window.

:func:`search_api.highlight.excerpt_spans` analyses a body's head (up to 20,000 characters)
word by word, though a snippet shows 200 of them. :func:`body_spans` first finds, searching
the lower-cased text for each query term but its first letter, every place where a word whose
term is a query term can stand, and analyses only the words there (one stretch between spaces
around each): the snippet's window choice depends on the matches
alone (:func:`~search_api.highlight.best_matches`). Then it analyses the one window of text
around the chosen matches (or the lead when nothing matches), and returns those spans, the
matches and the text's first word. :func:`~search_api.highlight.snippet` makes of them the same
snippet as of the whole head's spans (``tests/test_snippet_windows.py`` proves it with
Hypothesis and on the real index), because:

* a word's term depends on the word alone (and the document's names), and text is cut only at a
  space, which no word contains, so the spans of a piece are the head's spans there;
* a protected name's term is the word in lower case; any other's is its Sastrawi stem, which
  changes at most the first letter of the root ("memukul" -> "pukul"), so the word in lower
  case contains the term but its first letter. The cached stems for which that does not hold
  (none among the 22k corpus's 91k words, but the analyzer's cache is checked, not trusted)
  are looked for as whole words. So every matching word is among those analysed;
* the snippet's words start at most ``width`` before the first chosen match and end at most
  ``width`` after it (its window is ``width`` long and holds that match), and a window is cut
  outward to a space, so it holds every span the snippet reads; one it leaves out would fail
  the snippet's tests of reach as the next span out does.

Texts where lower-casing is not one character for one (or depends on the neighbours: a capital
sigma), texts not already in NFKC and query terms shorter than three letters are analysed the
whole-head way.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Set
from typing import Final

from indexer.analysis import MAX_WORD_LEN, Analyzer, Span, normalize
from indexer.words import WORD_RE
from search_api import highlight as H

Within = Callable[[int, int], list[Span]]  # spans of text[lo:hi], offsets into the text
Matching = Callable[[int, list[int]], "list[Span] | None"]  # matches around places before end
_CUT_SEARCH: Final = 300  # how far a window's edge moves to find a space


class _StemExceptions:
    """Cached stems whose word, lower-cased, does not contain the stem but its first letter,
    by stem. Kept up to date with the analyzer's cache, which only grows (new words are appended
    to ``Analyzer.learned`` after they enter ``Analyzer.stems``)."""

    def __init__(self, analyzer: Analyzer) -> None:
        self._analyzer = analyzer
        self._lock = threading.Lock()
        self._learned = len(analyzer.learned)
        self.by_stem: dict[str, list[str]] = {}
        for word, stem in list(analyzer.stems.items()):
            self._add(word, stem)

    def _add(self, word: str, stem: str) -> None:
        if stem and stem[1:] not in word:
            self.by_stem.setdefault(stem, []).append(word)

    def words(self, terms: Set[str]) -> list[str]:
        learned = self._analyzer.learned
        if len(learned) > self._learned:
            with self._lock:
                for word, stem in learned[self._learned:]:
                    self._add(word, stem)
                self._learned = len(learned)
        return [w for t in terms for w in self.by_stem.get(t, ())]


_exceptions: weakref.WeakKeyDictionary[Analyzer, _StemExceptions] = weakref.WeakKeyDictionary()
_exceptions_lock = threading.Lock()


def _stem_exceptions(analyzer: Analyzer) -> _StemExceptions:
    found = _exceptions.get(analyzer)
    if found is None:
        with _exceptions_lock:
            found = _exceptions.get(analyzer)
            if found is None:
                found = _exceptions[analyzer] = _StemExceptions(analyzer)
    return found


def _places(lowered: str, pieces: Set[str], end: int) -> list[int]:
    """Where in ``lowered[:end]`` any of ``pieces`` starts, in order (every occurrence: those a
    longer one overlaps lie in its space-delimited piece, which :func:`_matches` analyses
    once)."""
    found: set[int] = set()
    for piece in pieces:
        k = lowered.find(piece, 0, end)
        while k >= 0:
            found.add(k)
            k = lowered.find(piece, k + 1, end)
    return sorted(found)


def _cut_before(text: str, pos: int) -> int:
    """A position at or before ``pos`` right after a space (or 0): no word crosses it."""
    if pos <= 0:
        return 0
    k = max(text.rfind(" ", max(0, pos - _CUT_SEARCH), pos),
            text.rfind("\n", max(0, pos - _CUT_SEARCH), pos))
    return k + 1 if k >= 0 else 0


def _cut_after(text: str, pos: int, end: int) -> int:
    """A position at or after ``pos`` holding a space (or ``end``): no word crosses it."""
    if pos >= end:
        return end
    ks = [k for k in (text.find(" ", pos, min(end, pos + _CUT_SEARCH)),
                      text.find("\n", pos, min(end, pos + _CUT_SEARCH))) if k >= 0]
    return min(ks) if ks else end


def _first_word(text: str, end: int) -> int | None:
    """Where the first word that has a term (is not over-long) starts."""
    for m in WORD_RE.finditer(text, 0, end):
        if m.end() - m.start() <= MAX_WORD_LEN:
            return m.start()
    return None


def _window(text: str, lo: int, hi: int, end: int, within: Within) -> list[Span]:
    return within(_cut_before(text, lo), _cut_after(text, hi, end))


def _spans(text: str, end: int, places: list[int], terms: Set[str], width: int,
           within: Within, matching: Matching) -> list[Span]:
    """Spans of ``text[:end]`` from which :func:`~search_api.highlight.snippet` makes the
    snippet it makes from all of them: every match, the first word, and the window the snippet
    reads around the best matches (the lead when none)."""
    first = _first_word(text, end)
    if first is None:
        return []
    # The spans whose term is a query term, analysing only the stretches between spaces that
    # hold ``places``; None when one runs on too far without a space.
    matches = matching(end, places)
    if matches is None:
        return within(0, end)
    best = H.best_matches(matches, terms, width)
    if best is None:
        return _window(text, 0, first + width, end, within)
    at = matches[best[0]].start
    window = _window(text, at - width, at + width, end, within)
    lead = [] if window[0].start <= first else _window(text, 0, first + 1, end, within)[:1]
    # The window (never empty: it holds the match at ``at``) is every span of its stretch, so
    # the matches there are its own.
    before = [sp for sp in matches if sp.start < window[0].start]
    after = [sp for sp in matches if sp.start > window[-1].start]
    if lead and (not before or before[0].start != lead[0].start):
        before.insert(0, lead[0])
    return before + window + after


def body_spans(analyzer: Analyzer, text: str, names: frozenset[str], terms: Set[str],
               width: int = H.SNIPPET_CHARS) -> list[Span]:
    """Spans of ``text`` from which :func:`~search_api.highlight.snippet` makes the same
    snippet as from :func:`~search_api.highlight.excerpt_spans`'s."""

    def spans_of(part: str) -> list[Span]:
        return analyzer.spans(part, names)

    # within and matching are used only once the text is seen clean
    def within(lo: int, hi: int) -> list[Span]:
        return analyzer.spans(text, names, lo, hi, clean=True)

    def matching(end: int, places: list[int]) -> list[Span] | None:
        return analyzer.matches_around(text, end, places, _CUT_SEARCH, terms, names)

    live = [t for t in terms if t]
    lowered = text.lower()
    if (width > H.SNIPPET_CHARS or any(len(t) < 3 for t in live) or len(lowered) != len(text)
            or "Σ" in text or normalize(text) != text):
        return H.excerpt_spans(text, terms, spans_of, width)
    pieces = {t[1:] for t in live}
    pieces.update(_stem_exceptions(analyzer).words(frozenset(live)))

    def places(end: int) -> list[int]:
        return _places(lowered, pieces, end)

    if len(text) <= H.SCAN_CHARS:
        return _spans(text, len(text), places(len(text)), terms, width, within, matching)
    head_end = H.word_boundary(text, H.SCAN_CHARS)
    head = _spans(text, head_end, places(head_end), terms, width, within, matching)
    first = next((sp for sp in head if sp.term in terms), None)
    if first is None:
        return H.beyond_head(text, head, head_end, terms, spans_of, width, lowered)
    if first.end + 2 * width <= head_end:
        return head
    end = H.word_boundary(text, first.end + 2 * width)
    return _spans(text, end, places(end), terms, width, within, matching)
