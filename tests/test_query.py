"""The query language: the tolerant parser, the compiler, and what the queries match in a real
index (built from the corpus by the session fixture)."""

from __future__ import annotations

from pathlib import Path

import pytest
import tantivy
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer import schema as S
from indexer import store
from indexer.analysis import Analyzer
from indexer.document import document_fields
from search_api.query import And, Node, Not, Or, Phrase, Required, Word, build, parse
from search_api.selection import combine

AN = Analyzer()
SCHEMA = S.build_schema()
EMPTY = tantivy.Index(SCHEMA)  # in memory


# -- parsing ----------------------------------------------------------------------------------


def test_free_words_are_an_and() -> None:
    assert parse("banjir  jakarta").root == And((Word("banjir"), Word("jakarta")))
    assert parse("banjir AND jakarta") == parse("banjir jakarta")
    assert parse("banjir").root == Word("banjir")


def test_phrase_required_and_excluded() -> None:
    assert parse('"joko widodo" +gempa -"liga 1" -sepak NOT bola').root == And((
        Phrase("joko widodo"),
        Required(Word("gempa")),
        Not(Phrase("liga 1")),
        Not(Word("sepak")),
        Not(Word("bola")),
    ))


def test_or_binds_tighter_than_and() -> None:
    assert parse("jokowi OR prabowo OR anies gempa").root == And(
        (Or((Word("jokowi"), Word("prabowo"), Word("anies"))), Word("gempa"))
    )
    assert parse("banjir jakarta OR bandung").root == And(
        (Word("banjir"), Or((Word("jakarta"), Word("bandung"))))
    )
    # lowercase operators are words; OR next to a signed or negated operand is ignored
    assert parse("a or b and c not d").root == And(
        tuple(Word(w) for w in "a or b and c not d".split())
    )
    assert parse("+a OR b").root == And((Required(Word("a")), Word("b")))
    assert parse("a OR NOT b").root == And((Word("a"), Not(Word("b"))))


def test_parentheses_group() -> None:
    assert parse("(banjir OR longsor) -(sepak bola) jakarta").root == And((
        Or((Word("banjir"), Word("longsor"))),
        Not(And((Word("sepak"), Word("bola")))),
        Word("jakarta"),
    ))
    assert parse("(a b) OR c").root == Or((And((Word("a"), Word("b"))), Word("c")))
    assert parse("NOT (a b)").root == Not(And((Word("a"), Word("b"))))


@pytest.mark.parametrize(
    "q, expected",
    [
        ('"joko widodo', ("joko", "widodo")),  # unbalanced quote: plain words
        ("- banjir", ("banjir",)),  # lone operator dropped
        ("OR OR banjir OR", ("banjir",)),
        ("AND banjir NOT", ("banjir",)),
        ("berbulan-bulan", ("berbulan-bulan",)),  # inner hyphen stays in the word
        ('banjir"bandang"', ("banjir",)),  # the quote splits, the phrase follows
        ("(banjir (bandang", ("banjir", "bandang")),  # unclosed groups close at the end
        (")) banjir )", ("banjir",)),  # stray closing parentheses are dropped
        ("(" * 50 + "banjir" + ")" * 50, ("banjir",)),  # deep nesting is flattened
    ],
)
def test_tolerant_parsing(q: str, expected: tuple[str, ...]) -> None:
    assert tuple(words(parse(q).root)) == expected


def words(node: Node | None) -> list[str]:
    if node is None:
        return []
    if isinstance(node, Word):
        return [node.text]
    if isinstance(node, Phrase):
        return []
    if isinstance(node, Required | Not):
        return words(node.child)
    return [w for c in node.children for w in words(c)]


def test_degenerate_queries_are_empty() -> None:
    for q in ["", "   ", "-", "+", "OR", "OR OR", '""', '" "', "()", "NOT", "AND OR ( )"]:
        assert parse(q).is_empty, q
    for q in ["!!!", "...", "-", '"', "+-", "(!!!)"]:
        assert build(q, AN, SCHEMA).query is None, q


def test_double_operator_last_wins() -> None:
    assert parse("--banjir").root == Not(Word("banjir"))
    assert parse("-+banjir").root == Required(Word("banjir"))
    assert parse("NOT NOT banjir").root == Word("banjir")


@settings(max_examples=300, deadline=None)
@given(st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(["a", "b", "OR", "AND", "NOT", "(", ")", '"', "-", "+", "yang"]),
             max_size=40).map(" ".join),
))
def test_any_string_parses_and_compiles(q: str) -> None:
    compiled = build(q, AN, SCHEMA)
    # Nothing to search is nothing to highlight either.
    assert compiled.query is not None or compiled.terms == frozenset()
    # What it compiles to is a query tantivy runs (on an empty index: no hits).
    assert EMPTY.searcher().search(combine(SCHEMA, compiled.query, []), 1).hits == []


# -- compiling --------------------------------------------------------------------------------


def test_words_expand_to_their_alternatives() -> None:
    terms = build("serangan Bali", AN, SCHEMA).terms
    assert "serang" in terms  # the stem: meets "menyerang" in documents
    assert "bali" in terms  # the protected name form


def test_stopwords_dropped_unless_alone() -> None:
    assert "yang" not in build("banjir yang besar", AN, SCHEMA).terms
    assert "banjir" in build("banjir yang besar", AN, SCHEMA).terms
    only = build("yang dan di", AN, SCHEMA)
    assert only.query is not None and only.terms == {"yang", "dan", "di"}
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
    # every record whose analysed text has the stem is found
    expected = {
        d.id for d in oracle if "serang" in body_words(d.body) | body_words(d.title)
    }
    assert expected == found


def test_phrase_matches_in_order(searcher) -> None:  # type: ignore[no-untyped-def]
    assert "synthetic-dup-a" in ids(searcher, '"banjir bandang melanda"')
    assert "synthetic-dup-a" not in ids(searcher, '"melanda bandang banjir"')


def test_copies_are_matched_too(searcher) -> None:  # type: ignore[no-untyped-def]
    # dup-b repeats dup-a's body, dup-c is an edited copy: all match (the API collapses them)
    assert ids(searcher, "kwetlar") == {"synthetic-dup-a", "synthetic-dup-b", "synthetic-dup-c"}


def test_real_titles_and_an_untitled_articles_lead_count_as_extra_occurrences() -> None:
    stored = {
        "id": "x", "url": "", "title": "Zorblax diserang", "body": "Warga Zorblax berkumpul.",
        "source": "", "category": "", "date": None, "names": ("zorblax",), "entities": {},
        "origin": "t:1", "mentions": (),
    }
    titled = document_fields(S.StoredArticle(title_derived=False, **stored), AN)
    assert titled[S.TEXT_TERMS] == ["zorblax serang"] * S.TITLE_REPEATS + ["warga zorblax kumpul"]
    untitled = document_fields(S.StoredArticle(title_derived=True, **stored), AN)
    assert untitled[S.TEXT_TERMS] == ["warga zorblax kumpul"] * (S.TITLE_REPEATS + 1)
    long_body = "Warga Zorblax berkumpul. Mereka pulang."
    lead = document_fields(S.StoredArticle(title_derived=True, **{**stored, "body": long_body}), AN)
    assert lead[S.TEXT_TERMS] == ["warga zorblax kumpul"] * S.TITLE_REPEATS + [
        "warga zorblax kumpul mereka pulang"]
