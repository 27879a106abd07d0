"""The name evidence's fast paths (indexer.name_evidence) against the plain code they stand
for: whether the words before a mention credit it (one anchored search of the lowercased
characters before it, and the compiled scan of ASCII text, against splitting them into words),
on made-up texts (Hypothesis) and at every mention of the real 22k corpus (and every word of a
tenth of its articles)."""

from __future__ import annotations

import re
from pathlib import Path

import tantivy
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer import schema as S
from indexer import store
from indexer.document import load_payload
from indexer.name_evidence import _cited, _credit_words, cited
from indexer.words import WORD_RE

_WORD_RE = re.compile(r"[\w-]+")


def _cited_by_words(text: str, start: int) -> bool:
    """The reference: the words before ``start`` split out, then looked up."""
    if text[start - 1 : start] not in (" ", "\n"):
        return False
    words = _WORD_RE.findall(text[max(0, start - 30) : start].lower())
    if not words:
        return False
    lists = _credit_words()
    if words[-1] == "tentang":
        words = _WORD_RE.findall(text[max(0, start - 80) : start].lower())
        return any(w in lists["law"] for w in words[-12:-1])
    return words[-1] in lists["cite"] or (
        len(words) >= 2 and words[-1] in lists["then"] and words[-2] in lists["cite"])


def _pieces() -> st.SearchStrategy[str]:
    lists = _credit_words()
    words = sorted({*lists["cite"], *lists["then"], *lists["law"], "tentang"})
    cased = [v for w in words for v in (w, w.upper(), w.title(), "x" + w, w + "_", w + "-")]
    return st.one_of(st.sampled_from(cased), st.sampled_from(
        [" ", "  ", "\n", ", ", " (", "-", "_", "—", "İ", "K", "ß", "Σ", "ς", "1", "Goal"]),
        st.text(max_size=4))


@settings(max_examples=3000, deadline=None)
@given(st.lists(_pieces(), max_size=24), st.integers(min_value=0, max_value=200))
def test_the_credit_search_is_the_word_lookup(parts: list[str], at: int) -> None:
    text = "".join(parts) + " Sputnik"
    for start in {min(at, len(text)), len(text) - len("Sputnik"), len(text)}:
        want = _cited_by_words(text, start)
        assert _cited(text, start) == want, (text, start)
        assert cited(text, start) == want, (text, start)


def _ascii_pieces() -> st.SearchStrategy[str]:
    lists = _credit_words()
    words = sorted({*lists["cite"], *lists["then"], *lists["law"], "tentang"})
    cased = [v for w in words for v in (w, w.upper(), w.title(), "x" + w, w + "_", w + "-")]
    return st.one_of(st.sampled_from(cased), st.sampled_from(
        [" ", "  ", "\n", ", ", " (", "-", "_", "--", "K", "1", "Goal"]),
        st.text(st.characters(max_codepoint=0x7F), max_size=4))


@settings(max_examples=3000, deadline=None)
@given(st.lists(_ascii_pieces(), max_size=24), st.integers(min_value=0, max_value=200))
def test_the_compiled_credit_scan_of_ascii_text_is_the_word_lookup(parts: list[str], at: int
                                                                  ) -> None:
    text = "".join(parts) + " Sputnik"
    for start in {min(at, len(text)), len(text) - len("Sputnik"), len(text)}:
        assert cited(text, start) == _cited_by_words(text, start), (text, start)


def test_the_window_cuts_a_word_where_the_word_lookup_cuts_it() -> None:
    # a citing word (alone, or before a "then" word) ending at every distance from the name,
    # the 30 characters' window cutting it or the word before it anywhere
    for words in ("xdilansir", "dilansir", "Dilansir dari", "xdilansir dari", "dilansir x dari"):
        for gap in range(1, 32):
            for pad in ("", "q", "q q", "—q"):
                text = f"{pad}{words}{' ' * gap}Goal"
                start = len(text) - len("Goal")
                assert cited(text, start) == _cited_by_words(text, start), text


def test_credits_in_texts() -> None:
    for text, want in (("seperti dilansir Sputnik", True), ("dikutip dari Goal", True),
                       ("Dilansir  laman Goal", True), ("Undang-Undang Nomor 30 Tahun 2002 "
                                                         "tentang Pemberantasan", True),
                       ("kata dari Goal", False), ("dilansir-dari Goal", False),
                       ("xdilansir Goal", False), ("dilansir dari dari Goal", False),
                       ("tentang Pemberantasan", False)):
        start = text.rindex(" ") + 1
        assert _cited(text, start) is want is _cited_by_words(text, start) is cited(text, start), \
            text


def test_the_credit_search_over_the_corpus(full_index_dir: Path) -> None:
    # every stored mention's start in the 22k articles, and every word's start in a tenth
    index = store.open_index(full_index_dir)
    searcher = index.searcher()
    hits = searcher.search(tantivy.Query.all_query(), searcher.num_docs).hits
    checked = credited = 0
    for n, (_, addr) in enumerate(hits):
        art = load_payload(searcher.doc(addr)[S.PAYLOAD][0])
        for field, text in (("title", art.title), ("body", art.body)):
            starts = {m.start for m in art.mentions if m.field == field}
            if n % 10 == 0:
                starts.update(m.start() for m in WORD_RE.finditer(text))
            for start in starts:
                fast = _cited(text, start)
                assert fast == _cited_by_words(text, start) == cited(text, start), \
                    text[:start][-80:]
                checked += 1
                credited += fast
    assert checked > 500_000 and credited > 1_000, (checked, credited)
