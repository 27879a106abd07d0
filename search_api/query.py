"""The query language: a tolerant parser into a small AST, then tantivy queries.

Syntax (everything else is a plain word)::

    banjir jakarta          free words: BM25 OR (any may match, more is better)
    "joko widodo"           a phrase: its words in this order
    +gempa   +"kota palu"   required
    -sepak   -"liga 1"      excluded
    jokowi OR prabowo       either (OR in capitals, between two unsigned operands)

Parsing never fails: an unbalanced quote is ignored (its words become plain words), a lone
``+``/``-`` or a stray ``OR`` is dropped, and a query with no words at all is the empty query
(which the service answers by browsing). Each word is analysed exactly like the documents
(:meth:`indexer.analysis.Analyzer.query_alternatives`), so "serangan" finds "menyerang".
Stopwords are dropped from free words unless nothing else is left.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Final, Literal

import tantivy
from tantivy import Occur, Query

from indexer import schema as S
from indexer.analysis import Analyzer, is_stopword

TITLE_BOOST: Final = 2.0
MAX_PHRASE_VARIANTS: Final = 16
MAX_OPERANDS: Final = 64  # words/phrases looked at; a long query's tail is ignored

OccurName = Literal["should", "must", "must_not"]


@dataclass(frozen=True, slots=True)
class Word:
    text: str


@dataclass(frozen=True, slots=True)
class Phrase:
    text: str


Operand = Word | Phrase


@dataclass(frozen=True, slots=True)
class Clause:
    """One clause of the query: its operands are OR'ed together."""

    occur: OccurName
    operands: tuple[Operand, ...]


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    clauses: tuple[Clause, ...]

    @property
    def is_empty(self) -> bool:
        return not self.clauses


@dataclass(frozen=True, slots=True)
class CompiledQuery:
    """A tantivy query (None: match everything) and the terms a highlighter should mark."""

    query: tantivy.Query | None
    terms: frozenset[str]


# -- parsing ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Token:
    kind: Literal["word", "phrase", "or"]
    text: str
    sign: Literal["", "+", "-"]


def _tokenize(q: str) -> list[_Token]:
    tokens: list[_Token] = []
    i, n = 0, len(q)
    while i < n:
        c = q[i]
        if c.isspace():
            i += 1
            continue
        sign: Literal["", "+", "-"] = ""
        if c in "+-":
            sign = "+" if c == "+" else "-"
            i += 1
            if i >= n or q[i].isspace():
                continue  # a lone operator means nothing
            c = q[i]
            if c in "+-":
                continue  # "--x", "+-x": the last operator wins
        if c == '"':
            close = q.find('"', i + 1)
            if close == -1:
                i += 1  # unbalanced quote: ignore it, the rest are plain words
                continue
            text = q[i + 1 : close]
            i = close + 1
            if text.strip():
                tokens.append(_Token("phrase", text, sign))
            continue
        j = i
        while j < n and not q[j].isspace() and q[j] != '"':
            j += 1
        text = q[i:j]
        i = j
        if text == "OR" and not sign:
            tokens.append(_Token("or", text, ""))
        else:
            tokens.append(_Token("word", text, sign))
    return tokens


def parse(q: str) -> ParsedQuery:
    """Parse a query string. Never raises; anything unusual degrades to plain words."""
    tokens = _tokenize(q)
    clauses: list[Clause] = []
    pending_or = False
    for tok in tokens[: 2 * MAX_OPERANDS]:  # operands and the ORs between them
        if tok.kind == "or":
            pending_or = bool(clauses) and clauses[-1].occur == "should"
            continue
        operand: Operand = Phrase(tok.text) if tok.kind == "phrase" else Word(tok.text)
        if tok.sign == "+":
            clauses.append(Clause("must", (operand,)))
        elif tok.sign == "-":
            clauses.append(Clause("must_not", (operand,)))
        elif pending_or:
            last = clauses[-1]
            clauses[-1] = Clause("should", (*last.operands, operand))
        else:
            clauses.append(Clause("should", (operand,)))
        pending_or = False
    return ParsedQuery(tuple(clauses))


# -- analysis ---------------------------------------------------------------------------------

Alternatives = tuple[tuple[str, ...], ...]  # per word, the terms it may have in a document


@dataclass(frozen=True, slots=True)
class _Unit:
    """An operand after analysis: one word (len 1) or a phrase of words."""

    words: Alternatives
    stopword: bool  # a single free word that is a stopword


def _analyse(operand: Operand, analyzer: Analyzer) -> _Unit | None:
    alts = tuple(a for a in analyzer.query_alternatives(operand.text) if a)
    if not alts:
        return None
    stop = False
    if isinstance(operand, Word) and len(alts) == 1:
        stop = all(is_stopword(t) for t in alts[0]) or is_stopword(operand.text.lower())
    return _Unit(alts, stop)


# -- building ---------------------------------------------------------------------------------


def _field_queries(schema: tantivy.Schema, terms: tuple[str, ...]) -> list[Query]:
    if len(terms) == 1:
        title = Query.term_query(schema, S.TITLE_TERMS, terms[0])
        body = Query.term_query(schema, S.BODY_TERMS, terms[0])
    else:
        title = Query.phrase_query(schema, S.TITLE_TERMS, list(terms))
        body = Query.phrase_query(schema, S.BODY_TERMS, list(terms))
    return [Query.boost_query(title, TITLE_BOOST), body]


def unit_query(schema: tantivy.Schema, words: Alternatives) -> Query:
    """A word (any of its alternatives) or a phrase (any variant, capped) in title or body."""
    variants = itertools.islice(itertools.product(*words), MAX_PHRASE_VARIANTS)
    subs = [q for v in variants for q in _field_queries(schema, v)]
    return Query.boolean_query([(Occur.Should, q) for q in subs])


_OCCUR = {"should": Occur.Should, "must": Occur.Must, "must_not": Occur.MustNot}


def compile_query(parsed: ParsedQuery, analyzer: Analyzer, schema: tantivy.Schema) -> CompiledQuery:
    analysed: list[tuple[OccurName, list[_Unit]]] = []
    for clause in parsed.clauses:
        units = [u for u in (_analyse(op, analyzer) for op in clause.operands) if u is not None]
        if units:
            analysed.append((clause.occur, units))

    def positive(drop_stopwords: bool) -> list[tuple[OccurName, list[_Unit]]]:
        out = []
        for occur, units in analysed:
            if occur == "should" and drop_stopwords:
                units = [u for u in units if not u.stopword]
            if units:
                out.append((occur, units))
        return out

    kept = positive(drop_stopwords=True)
    if not any(occur != "must_not" for occur, _ in kept):
        kept = positive(drop_stopwords=False)  # only stopwords: keep them
    if not kept:
        return CompiledQuery(None, frozenset())

    subqueries: list[tuple[Occur, Query]] = []
    terms: set[str] = set()
    for occur, units in kept:
        queries = [unit_query(schema, u.words) for u in units]
        q = queries[0] if len(queries) == 1 else Query.boolean_query(
            [(Occur.Should, x) for x in queries]
        )
        subqueries.append((_OCCUR[occur], q))
        if occur != "must_not":
            for u in units:
                for alts in u.words:
                    terms.update(alts)
    if all(occur == Occur.MustNot for occur, _ in subqueries):
        subqueries.insert(0, (Occur.Must, Query.all_query()))
    return CompiledQuery(Query.boolean_query(subqueries), frozenset(terms))


def build(q: str, analyzer: Analyzer, schema: tantivy.Schema) -> CompiledQuery:
    """Parse and compile a query string (the whole query-language pipeline)."""
    return compile_query(parse(q), analyzer, schema)
