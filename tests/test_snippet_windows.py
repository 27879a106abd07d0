"""Snippets made from the windowed spans (:mod:`search_api.snippet_windows`) equal those made from
the whole head's spans (:func:`search_api.highlight.excerpt_spans`): Hypothesis over texts of
inflected words, names, punctuation, over-long words and awkward Unicode, over long bodies with
matches anywhere, and every hit of real queries on the real index."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from indexer import store
from indexer.analysis import Analyzer, Span
from search_api import service, snapshot
from search_api import snippet_windows as W
from search_api.highlight import SCAN_CHARS, excerpt_spans, snippet
from search_api.params import parse_search_params
from search_api.query import build

AN = Analyzer()
NAMES = frozenset({"jokowi", "banjir", "kota"})  # "Banjir" capitalised is then a name
WORDS = ["banjir", "Banjir", "BANJIR", "kebanjiran", "membanjiri", "memukul", "pukul", "dipukul",
         "menyapu", "sapu", "Jokowi", "jokowi", "presiden", "Presiden", "kepresidenan", "kota",
         "Kota", "perkotaan", "kerja-sama", "anak-anak", "Ma'ruf", "2019", "di", "ke", "yang",
         "a" * 60, "mem" + "b" * 50, "ﬁlm", "ΣΟΦΙΑ", "İstanbul", "e\u0301", "naïve", "東京",
         "pemerintah", "perintah", "tahu", "pengetahuan", "Kırıkkale", "ılık", "Istana", "SAPU"]
SEPARATORS = [" ", " ", " ", "  ", "\n", "\n\n", ", ", ". ", "-", "'", "(", ")", "\t", "\u00a0",
              "…", "\x07", "_"]
QUERIES = ["banjir", "pukul", "sapu jokowi", "presiden kota", "perintah", "tahu", "kerja-sama",
           "anak", "film", "sofia", "2019", "di", "ke kota", "zzzz", ""]


def terms_of(q: str) -> frozenset[str]:
    return frozenset(t for alts in AN.query_alternatives(q) for t in alts)


def both(text: str, names: frozenset[str], terms: frozenset[str]) -> tuple[str, str]:
    def spans_of(part: str) -> list[Span]:
        return AN.spans(part, names)

    whole = snippet(text, excerpt_spans(text, terms, spans_of), terms)
    return whole, snippet(text, W.body_spans(AN, text, names, terms), terms)


texts = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)),
                 max_size=400).map(lambda ws: "".join(w + s for w, s in ws))


@settings(max_examples=400, deadline=None)
@given(text=texts, q=st.sampled_from(QUERIES), named=st.booleans())
def test_windowed_snippet_equals_the_whole_text_snippet(text: str, q: str, named: bool) -> None:
    whole, windowed = both(text, NAMES if named else frozenset(), terms_of(q))
    assert windowed == whole


@settings(max_examples=60, deadline=None)
@given(text=texts, filler=st.integers(0, 3 * SCAN_CHARS), at=st.integers(0, 3 * SCAN_CHARS),
       q=st.sampled_from(QUERIES))
def test_long_bodies_too(text: str, filler: int, at: int, q: str) -> None:
    """Bodies past the head: matches before it, across its end, after it, or nowhere."""
    base = ("Warga kota menunggu keterangan resmi dari pihak berwenang. " * (filler // 60 + 1))
    body = base[:at] + " " + text + " " + base[at:]
    whole, windowed = both(body, NAMES, terms_of(q))
    assert windowed == whole


def test_every_hit_of_real_queries(index_dir: Path) -> None:
    holder = snapshot.SearcherHolder(index_dir)
    snap = holder.snapshot()
    analyzer = store.load_analyzer(index_dir)
    checked = marked = 0
    for q in ["banjir", "jakarta", "presiden jokowi", "pemerintah daerah", "harga", "polisi",
              "menteri keuangan", "gempa bumi", "pertandingan", "korupsi"]:
        compiled = build(q, analyzer, snap.schema)
        assert compiled.query is not None
        request = parse_search_params([("q", q), ("size", "50")])
        for _, addr in snap.searcher.search(compiled.query, request.size).hits:
            p = service.payload(snap.searcher, addr)
            names = frozenset(p.names)

            def spans_of(part: str, names: frozenset[str] = names) -> list[Span]:
                return analyzer.spans(part, names)

            whole = snippet(p.body, excerpt_spans(p.body, compiled.terms, spans_of),
                            compiled.terms)
            windowed = snippet(p.body, W.body_spans(analyzer, p.body, names, compiled.terms),
                               compiled.terms)
            assert windowed == whole, (q, p.id)
            checked += 1
            marked += "<mark>" in whole
    assert checked >= 150 and marked >= 100, (checked, marked)


def test_stems_that_do_not_contain_their_tail_are_looked_for_whole() -> None:
    """A cached stem whose word does not hold it but its first letter is still found."""
    analyzer = Analyzer({"kolkata": "calcutta"})
    terms = frozenset({"calcutta"})
    text = "Kabar dari kota " + "lain " * 200 + "Kolkata hari ini."
    out = snippet(text, W.body_spans(analyzer, text, frozenset(), terms), terms)
    assert "<mark>Kolkata</mark>" in out
    analyzer.stem("unikata")  # a new word learned later is seen too
    analyzer.stems["unikata"] = "xyzabc"
    analyzer.learned.append(("unikata", "xyzabc"))
    text2 = "Awal " + "lain " * 200 + "Unikata hari ini."
    out2 = snippet(text2, W.body_spans(analyzer, text2, frozenset(), frozenset({"xyzabc"})),
                   frozenset({"xyzabc"}))
    assert "<mark>Unikata</mark>" in out2
