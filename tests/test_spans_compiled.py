"""``Analyzer.spans`` runs its usual case (text already in NFKC) in compiled code
(``indexer._text.spans_in``); it gives exactly the spans, and fills the surface cache exactly as,
the plain loop below, which is the reference."""

from __future__ import annotations

import gzip
import itertools
from pathlib import Path

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.analysis import (
    _NAME_KEY,
    MAX_WORD_LEN,
    WORD_RE,
    Analyzer,
    Span,
    _name_keys,
    name_key,
    normalize,
)


def reference_spans(analyzer: Analyzer, text: str, names: frozenset[str] | None = None,
                    start: int = 0, end: int | None = None) -> list[Span]:
    """The plain Python ``Analyzer.spans``: every word of ``WORD_RE``, each normalised on its
    own when the text is not in NFKC."""
    if names is None:
        names = analyzer.name_words(text)
    name_keys = _name_keys(names)
    surface = analyzer._surface
    out: list[Span] = []
    end = len(text) if end is None else end
    clean = normalize(text) == text
    for m in WORD_RE.finditer(text, start, end):
        w = m.group()
        parts = [w] if clean else WORD_RE.findall(normalize(w))
        if len(parts) == 1:
            term = surface[name_key(parts[0], name_keys)]
        else:
            term = "".join(parts).lower()[:MAX_WORD_LEN]
        if term:
            out.append(Span(m.start(), m.end(), w, term))
    return out


def _agree(text: str, names: frozenset[str] | None, start: int, end: int | None) -> None:
    fast, plain = Analyzer(), Analyzer()
    got = fast.spans(text, names, start, end)
    want = reference_spans(plain, text, names, start, end)
    assert got == want
    assert all(type(sp) is Span for sp in got)
    assert dict(fast._surface) == dict(plain._surface)
    assert fast.stems == plain.stems and fast.learned == plain.learned
    assert fast.spans(text, names, start, end) == want  # again, from the filled cache
    if normalize(text) == text:
        assert fast.spans(text, names, start, end, clean=True) == want


# Words, names in their written forms, joiners, separators, and text NFKC changes: ligatures,
# fullwidth letters, a decomposed accent, superscripts, control characters.
_PIECES = ["Bali", "BALI", "bali", "BaLi", "Al-Azhar", "al-azhar", "AL-AZHAR", "menyerang",
           "Ma'ruf", "Ma’ruf", "2G", "COVID-19", "x" * 50, "Kediri", " ", ", ", ". ", "-", "'",
           "\n", "\xa0", "“", "ﬁnal", "Ｂａｌｉ", "e\u0301", "é", "x²", "\x00", "\x07", "_", "٣",
           "北京", "Σ", "ǅx", "İ"]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join) | st.text(max_size=80)
_NAMES = st.none() | st.frozensets(st.sampled_from(
    ["bali", "al-azhar", "kediri", "ma'ruf", "2g", "covid-19", "ｂａｌｉ", "x" * 50, "ǆx"]))
_OFFSET = st.none() | st.integers(min_value=-3, max_value=120)


@settings(max_examples=600, deadline=None)
@given(_TEXTS, _NAMES, _OFFSET, _OFFSET)
def test_compiled_spans_are_the_plain_loop(text: str, names: frozenset[str] | None,
                                           start: int | None, end: int | None) -> None:
    _agree(text, names, start or 0, end)


def test_compiled_spans_on_the_corpus(shared_dir: Path) -> None:
    analyzer, plain = Analyzer(), Analyzer()
    n = 0
    with gzip.open(shared_dir / "corpus/clickid-news/articles.jsonl.gz", "rb") as f:
        for line in itertools.islice(f, 0, None, 40):
            record = orjson.loads(line)
            for key in ("title", "body"):
                text = str(record.get(key) or "")
                names = analyzer.name_words(text)
                assert analyzer.spans(text, names) == reference_spans(plain, text, names)
                n += 1
    assert n > 1000
    assert dict(analyzer._surface) == dict(plain._surface)
    assert any(k.startswith(_NAME_KEY) for k in analyzer._surface)
