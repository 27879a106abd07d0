"""The query language: the tolerant parser, the compiler, and what the queries match in a real
index (built from the corpus by the session fixture)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tantivy import Query

from indexer import schema as S
from indexer import store
from indexer.analysis import Analyzer
from search_api.query import Clause, ParsedQuery, Phrase, Word, build, parse
from search_api.service import combine

AN = Analyzer()
SCHEMA = S.build_schema()


# -- parsing ----------------------------------------------------------------------------------


def test_free_words() -> None:
    assert parse("banjir  jakarta") == ParsedQuery(
        (Clause("should", (Word("banjir"),)), Clause("should", (Word("jakarta"),)))
    )


def test_phrase_required_and_excluded() -> None:
    assert parse('"joko widodo" +gempa -"liga 1" -sepak').clauses == (
        Clause("should", (Phrase("joko widodo"),)),
        Clause("must", (Word("gempa"),)),
        Clause("must_not", (Phrase("liga 1"),)),
        Clause("must_not", (Word("sepak"),)),
    )


def test_or_groups_adjacent_unsigned_operands() -> None:
    assert parse("jokowi OR prabowo OR anies gempa").clauses == (
        Clause("should", (Word("jokowi"), Word("prabowo"), Word("anies"))),
        Clause("should", (Word("gempa"),)),
    )
    # lowercase "or" is a word; OR next to a signed operand is ignored
    assert parse("a or b").clauses[1] == Clause("should", (Word("or"),))
    assert parse("+a OR b").clauses == (
        Clause("must", (Word("a"),)),
        Clause("should", (Word("b"),)),
    )


@pytest.mark.parametrize(
    "q, expected",
    [
        ('"joko widodo', ("joko", "widodo")),  # unbalanced quote: plain words
        ("- banjir", ("banjir",)),  # lone operator dropped
        ("OR OR banjir OR", ("banjir",)),
        ("berbulan-bulan", ("berbulan-bulan",)),  # inner hyphen stays in the word
        ('banjir"bandang"', ("banjir",)),  # the quote splits, the phrase follows
    ],
)
def test_tolerant_parsing(q: str, expected: tuple[str, ...]) -> None:
    words = [op.text for c in parse(q).clauses for op in c.operands if isinstance(op, Word)]
    assert tuple(words) == expected


def test_degenerate_queries_are_empty() -> None:
    for q in ["", "   ", "-", "+", "OR", "OR OR", '""', '" "']:
        assert parse(q).is_empty, q
    for q in ["!!!", "...", "-", '"', "+-"]:
        assert build(q, AN, SCHEMA).query is None, q


def test_double_operator_last_wins() -> None:
    assert parse("--banjir").clauses == (Clause("must_not", (Word("banjir"),)),)
    assert parse("-+banjir").clauses == (Clause("must", (Word("banjir"),)),)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_string_parses_and_compiles(q: str) -> None:
    compiled = build(q, AN, SCHEMA)
    assert compiled.query is None or isinstance(compiled.query, Query)


# -- compiling --------------------------------------------------------------------------------


def test_words_expand_to_their_alternatives() -> None:
    terms = build("serangan Bali", AN, SCHEMA).terms
    assert "serang" in terms  # the stem: meets "menyerang" in documents
    assert "bali" in terms  # the protected name form


def test_stopwords_dropped_unless_alone() -> None:
    assert "yang" not in build("banjir yang besar", AN, SCHEMA).terms
    assert "banjir" in build("banjir yang besar", AN, SCHEMA).terms
    only = build("yang dan di", AN, SCHEMA)
    assert only.query is not None and {"yang", "dan", "di"} <= only.terms
    # a required stopword is kept
    assert "yang" in build("banjir +yang", AN, SCHEMA).terms


def test_only_exclusions_match_everything_else() -> None:
    compiled = build("-banjir", AN, SCHEMA)
    assert compiled.query is not None
    assert compiled.terms == frozenset()


# -- against the index ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def searcher(index_dir: Path):  # type: ignore[no-untyped-def]
    return store.open_index(index_dir).searcher()


def ids(searcher, q: str, limit: int = 2000) -> set[str]:  # type: ignore[no-untyped-def]
    compiled = build(q, AN, SCHEMA)
    res = searcher.search(combine(SCHEMA, compiled.query, []), limit)
    return {searcher.doc(a).to_dict()[S.ID][0] for _, a in res.hits}


def body_words(doc_body: str) -> set[str]:
    return {sp.term for sp in AN.spans(doc_body)}


def test_inflections_match(searcher, oracle) -> None:  # type: ignore[no-untyped-def]
    found = ids(searcher, "serangan")
    by_id = {d.id: d for d in oracle}
    assert "synthetic-xss" in found  # its body says "menyerang", never "serangan"
    assert "serangan" not in by_id["synthetic-xss"].body.lower()
    # every visible record whose analysed text has the stem is found
    expected = {
        d.id for d in oracle
        if not d.duplicate and "serang" in body_words(d.body) | body_words(d.title)
    }
    assert expected <= found


def test_phrase_matches_in_order(searcher) -> None:  # type: ignore[no-untyped-def]
    assert "synthetic-dup-a" in ids(searcher, '"banjir bandang melanda"')
    assert "synthetic-dup-a" not in ids(searcher, '"melanda bandang banjir"')


def test_exclusion_and_requirement(searcher) -> None:  # type: ignore[no-untyped-def]
    both = ids(searcher, "kwetlar glumbrek")
    assert {"synthetic-dup-a", "synthetic-notitle"} <= both
    assert "synthetic-dup-a" not in ids(searcher, "glumbrek kwetlar -banjir")
    assert ids(searcher, "+glumbrek kwetlar") == {"synthetic-notitle"}
    assert ids(searcher, "kwetlar OR glumbrek") == both


def test_free_words_are_or(searcher) -> None:  # type: ignore[no-untyped-def]
    assert ids(searcher, "zorblax trombik") == {"synthetic-xss", "synthetic-undated"}


def test_duplicates_are_hidden(searcher) -> None:  # type: ignore[no-untyped-def]
    # synthetic-dup-b repeats synthetic-dup-a's body: only the first is visible
    assert ids(searcher, "kwetlar") == {"synthetic-dup-a"}


def test_real_titles_are_boosted_derived_ones_are_not(searcher) -> None:  # type: ignore[no-untyped-def]
    def scores(q: str) -> tuple[dict[str, float], dict[str, float]]:
        compiled = build(q, AN, SCHEMA).query
        body_only = Query.term_query(SCHEMA, S.BODY_TERMS, q)
        out = []
        for query in (compiled, body_only):
            res = searcher.search(query, 10)
            out.append({searcher.doc(a).to_dict()[S.ID][0]: s for s, a in res.hits})
        return out[0], out[1]

    full, body = scores("zorblax")  # in the real title and the body
    assert full["synthetic-xss"] > body["synthetic-xss"] * 1.5
    full, body = scores("glumbrek")  # only in the body; the title was derived from it
    assert full["synthetic-notitle"] == pytest.approx(body["synthetic-notitle"])
