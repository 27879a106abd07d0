"""Highlighting: marks on original words by analysed term, escaping, snippet windows."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.analysis import Analyzer
from search_api.highlight import ELLIPSIS, SNIPPET_CHARS, best_window, highlight, snippet

AN = Analyzer()


def terms_of(q: str) -> frozenset[str]:
    return frozenset(t for alts in AN.query_alternatives(q) for t in alts)


def unmark(s: str) -> str:
    return html.unescape(s.replace("<mark>", "").replace("</mark>", ""))


def marked(s: str) -> list[str]:
    return re.findall(r"<mark>(.*?)</mark>", s)


def test_inflected_form_is_marked() -> None:
    text = "Kelompok bersenjata menyerang pos polisi. Serangan itu terjadi malam hari."
    out = highlight(text, AN.spans(text), terms_of("serangan"))
    assert marked(out) == ["menyerang", "Serangan"]
    assert unmark(out) == text


def test_html_is_escaped_and_marks_are_the_only_tags() -> None:
    text = "Peretas menyisipkan <script>alert(1)</script> lalu menyerang server."
    out = highlight(text, AN.spans(text), terms_of("serangan script"))
    assert "<script>" not in out
    assert "&lt;" in out and "&gt;" in out
    assert re.sub(r"</?mark>", "", out).count("<") == 0
    assert "<mark>menyerang</mark>" in out
    snip = snippet(text, AN.spans(text), terms_of("serangan"))
    assert "<script>" not in snip and "&lt;script&gt;" in snip


def test_names_decide_terms_like_the_index() -> None:
    # With "bali" protected as a name, the index term is "bali", not Sastrawi's stem.
    text = "Wisatawan datang ke Bali setiap tahun."
    names = frozenset({"bali"})
    assert "<mark>Bali</mark>" in highlight(text, AN.spans(text, names), frozenset({"bali"}))


def test_snippet_prefers_the_densest_window() -> None:
    lead = "Kalimat pembuka tanpa kata yang dicari sama sekali. " * 8
    middle = "Banjir bandang melanda desa Kwetlar pada malam hari. "
    tail = "Penutup berita yang panjang sekali tanpa kata kunci apapun. " * 8
    text = lead + middle + "Banjir lagi di tempat lain. " + tail
    terms = terms_of("banjir kwetlar")
    out = snippet(text, AN.spans(text), terms)
    assert "<mark>Kwetlar</mark>" in out
    assert "<mark>Banjir</mark>" in out
    assert out.startswith(ELLIPSIS) and out.endswith(ELLIPSIS)
    assert len(unmark(out)) <= SNIPPET_CHARS + 2 * len(ELLIPSIS) + 2


def test_snippet_without_match_is_the_lead() -> None:
    text = "Kalimat pertama berita ini. " * 20
    out = snippet(text, AN.spans(text), terms_of("gempa"))
    assert out.startswith("Kalimat pertama")
    assert "<mark>" not in out
    assert out.endswith(ELLIPSIS)
    assert best_window(AN.spans(text), terms_of("gempa")) is None


def test_short_text_is_whole_without_ellipsis() -> None:
    text = "Gempa mengguncang Palu."
    out = snippet(text, AN.spans(text), terms_of("gempa"))
    assert out == "<mark>Gempa</mark> mengguncang Palu."


def test_cut_at_word_boundaries() -> None:
    words = [f"kata{i}" for i in range(200)]
    text = " ".join(words)
    out = snippet(text, AN.spans(text), frozenset({"kata100"}))
    inner = unmark(out).strip(ELLIPSIS)
    for w in inner.split():
        assert w in words


def test_empty_and_wordless_texts() -> None:
    assert snippet("", [], frozenset({"x"})) == ""
    assert highlight("", [], frozenset()) == ""
    assert snippet("<<>>", AN.spans("<<>>"), frozenset()) == "&lt;&lt;&gt;&gt;"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=600), st.text(max_size=40))
def test_any_text_is_inert_and_faithful(text: str, q: str) -> None:
    terms = terms_of(q)
    spans = AN.spans(text)
    title = highlight(text, spans, terms)
    assert re.sub(r"</?mark>", "", title).count("<") == 0
    assert " ".join(unmark(title).split()) == " ".join(text.split())
    snip = snippet(text, spans, terms)
    assert re.sub(r"</?mark>", "", snip).count("<") == 0
    assert len(unmark(snip)) <= SNIPPET_CHARS + 60


def test_trailing_junk_is_cut() -> None:
    text = "Gempa mengguncang Palu" + "!" * 500
    out = snippet(text, AN.spans(text), terms_of("gempa"))
    assert len(out) < 80 and out.endswith(ELLIPSIS)
