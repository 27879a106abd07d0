"""The query language compiled to OpenSearch DSL: the same parse tree
(:func:`search_api.query.parse`), analysed by the same analyzer and walked by the same code
(:func:`search_api.query.compile_tree` and :mod:`search_api.ranking`) as for tantivy, over
builders of DSL instead of tantivy queries — the fields, boosts, phrases, stopword dropping,
proximity clauses and the most-words-first fallback — so both backends match the same
articles and rank them by the same BM25 sums.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from indexer.analysis import Analyzer
from search_api.query import Compiled, compile_tree, parse

Dsl = dict[str, Any]
CompiledDsl = Compiled[Dsl]


def _bool(**clauses: Sequence[Dsl]) -> Dsl:
    return {"bool": {k: list(v) for k, v in clauses.items() if v}}


class DslBuilders:
    """:class:`search_api.ranking.Builders` of OpenSearch DSL."""

    def term(self, field: str, term: str) -> Dsl:
        return {"term": {field: {"value": term}}}

    def phrase(self, field: str, terms: Sequence[str], slop: int = 0) -> Dsl:
        return {"match_phrase": {field: {"query": " ".join(terms), "slop": slop}}}

    def recall_only(self, q: Dsl) -> Dsl:
        return self.constant(q, 0.0)

    def constant(self, q: Dsl, score: float) -> Dsl:
        return {"constant_score": {"filter": q, "boost": score}}

    def boost(self, q: Dsl, factor: float) -> Dsl:
        return {"bool": {"must": [q], "boost": factor}}

    def boolean(self, must: Sequence[Dsl] = (), should: Sequence[Dsl] = (),
                must_not: Sequence[Dsl] = ()) -> Dsl:
        return _bool(must=must, must_not=must_not, should=should)

    def everything(self) -> Dsl:
        return {"match_all": {}}


def compile_dsl(q: str, analyzer: Analyzer) -> CompiledDsl:
    """:func:`search_api.query.build` for OpenSearch."""
    return compile_tree(parse(q), analyzer, DslBuilders())
