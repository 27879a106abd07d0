"""The query language compiled to OpenSearch DSL: the same parse tree
(:func:`search_api.query.parse`), analysed by the same analyzer, node for node what
:mod:`search_api.query` and :mod:`search_api.ranking` build for tantivy — the fields, boosts,
phrases, stopword dropping, proximity clauses and the most-words-first fallback — so both
backends match the same articles and rank them by the same BM25 sums.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from indexer import schema as S
from indexer.analysis import Analyzer, is_stopword, surface_words
from search_api import ranking as R
from search_api.query import And, Node, Not, Or, Phrase, Required, Word, parse

Dsl = dict[str, Any]
MATCH_ALL: Dsl = {"match_all": {}}


@dataclass(frozen=True, slots=True)
class CompiledDsl:
    """The query (None: match everything), the fallback when nothing has every word (None:
    none), and the terms a highlighter should mark — as :class:`search_api.query.CompiledQuery`."""

    query: Dsl | None
    fallback: Dsl | None
    terms: frozenset[str]


def _bool(**clauses: list[Dsl]) -> Dsl:
    return {"bool": {k: v for k, v in clauses.items() if v}}


def _const(q: Dsl, score: float) -> Dsl:
    return {"constant_score": {"filter": q, "boost": score}}


def _field_queries(terms: tuple[str, ...], slop: int = 0) -> list[Dsl]:
    """:func:`search_api.ranking._field_queries`: the analysed text field."""
    if len(terms) == 1:
        return [{"term": {S.TEXT_TERMS: {"value": terms[0]}}}]
    return [{"match_phrase": {S.TEXT_TERMS: {"query": " ".join(terms), "slop": slop}}}]


def _surface_query(surface: tuple[str, ...]) -> Dsl:
    if len(surface) == 1:
        return {"term": {S.WORDS: surface[0]}}
    return {"match_phrase": {S.WORDS: " ".join(surface)}}


def unit_dsl(words: R.Alternatives, surface: tuple[str, ...] = (), exact: bool = False) -> Dsl:
    """:func:`search_api.ranking.unit_query` in DSL."""
    if exact:
        return _surface_query(surface)
    variants = itertools.islice(itertools.product(*words), R.MAX_PHRASE_VARIANTS)
    subs = [q for v in variants for q in _field_queries(v)]
    if surface:
        subs.append(_const(_surface_query(surface), 0.0))  # recall only, as in tantivy
    return _bool(should=subs)


def proximity_dsl(words: list[R.Alternatives]) -> Dsl | None:
    """:func:`search_api.ranking.proximity_query` in DSL."""
    subs: list[Dsl] = []
    for left, right in itertools.islice(itertools.pairwise(words), R.PROXIMITY_PAIRS):
        pairs = itertools.islice(itertools.product(left[0], right[0]), R.PROXIMITY_VARIANTS)
        for a, b in pairs:
            if a == b:
                continue
            for slop in (0, R.PROXIMITY_SLOP):
                subs.extend(_field_queries((a, b), slop))
    return _bool(should=subs) if subs else None


@dataclass(frozen=True, slots=True)
class _Compiled:
    query: Dsl
    terms: frozenset[str]
    stopword: bool = False
    words: R.Alternatives | None = None


@dataclass(frozen=True, slots=True)
class _Conjunction:
    kept: list[tuple[Node, _Compiled]]
    excluded: list[Dsl]

    @property
    def terms(self) -> frozenset[str]:
        return frozenset().union(*(c.terms for _, c in self.kept))

    @property
    def query(self) -> Dsl:
        must = [c.query for _, c in self.kept] or [MATCH_ALL]
        return _bool(must=must, must_not=self.excluded)


def _drop_stopwords(parts: list[_Compiled | None]) -> list[_Compiled]:
    present = [p for p in parts if p is not None]
    content = [p for p in present if not p.stopword]
    return content or present


class _Compiler:
    def __init__(self, analyzer: Analyzer) -> None:
        self.analyzer = analyzer

    def node(self, node: Node) -> _Compiled | None:
        if isinstance(node, Word | Phrase):
            alts = tuple(a for a in self.analyzer.query_alternatives(node.text) if a)
            surface = tuple(surface_words(node.text))
            exact = isinstance(node, Phrase)
            if not alts or (exact and not surface):
                return None
            q = unit_dsl(alts, surface, exact)
            terms = frozenset(t for word in alts for t in word)
            if isinstance(node, Word) and len(alts) == 1:
                stop = all(is_stopword(t) for t in alts[0]) or is_stopword(node.text.lower())
                return _Compiled(q, terms, stop, alts)
            return _Compiled(q, terms)
        if isinstance(node, Required):
            inner = self.node(node.child)
            return _Compiled(inner.query, inner.terms) if inner else None
        if isinstance(node, Not):
            inner = self.node(node.child)
            if inner is None:
                return None
            return _Compiled(_bool(must=[MATCH_ALL], must_not=[inner.query]), frozenset())
        if isinstance(node, Or):
            parts = _drop_stopwords([self.node(c) for c in node.children])
            if not parts:
                return None
            if len(parts) == 1:
                return parts[0]
            return _Compiled(_bool(should=[p.query for p in parts]),
                             frozenset().union(*(p.terms for p in parts)))
        built = self.conjunction(node)
        return _Compiled(built.query, built.terms) if built else None

    def conjunction(self, node: And) -> _Conjunction | None:
        kept: list[tuple[Node, _Compiled]] = []
        excluded: list[Dsl] = []
        for child in node.children:
            if isinstance(child, Not):
                inner = self.node(child.child)
                if inner is not None:
                    excluded.append(inner.query)
                continue
            c = self.node(child)
            if c is not None:
                kept.append((child, c))
        survivors = set(map(id, _drop_stopwords([c for _, c in kept])))
        kept = [(n, c) for n, c in kept if id(c) in survivors]
        if not kept and not excluded:
            return None
        return _Conjunction(kept, excluded)


def compile_dsl(q: str, analyzer: Analyzer) -> CompiledDsl:
    """:func:`search_api.query.build` for OpenSearch."""
    parsed = parse(q)
    if parsed.root is None:
        return CompiledDsl(None, None, frozenset())
    root = parsed.root if isinstance(parsed.root, And) else And((parsed.root,))
    conj = _Compiler(analyzer).conjunction(root)
    if conj is None:
        return CompiledDsl(None, None, frozenset())
    proximity = proximity_dsl([c.words for _, c in conj.kept if c.words is not None])
    optional = [proximity] if proximity is not None else []
    query = _bool(must=[conj.query], should=optional)
    free = [c.query for n, c in conj.kept if not isinstance(n, Required)]
    fallback = None
    if len(free) >= 2:
        needed = [c.query for n, c in conj.kept if isinstance(n, Required)]
        coordinated = [x for f in free for x in (f, _const(f, R.COORDINATION_SCORE))]
        fallback = _bool(must=needed, must_not=conj.excluded, should=coordinated + optional)
    return CompiledDsl(query, fallback, conj.terms)
