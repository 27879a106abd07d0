"""How a query word or phrase becomes scored queries: the fields it is searched in, the reward
for query words that stand near each other, and most-words-first ranking. Written once over
:class:`Builders`, which each backend implements (tantivy queries: :class:`TantivyBuilders`;
OpenSearch DSL in :mod:`search_api.backends.opensearch_dsl`), so both build the same queries.

Fields: see :func:`_field_queries`. Proximity: for each pair of neighbouring free words of the
query, an exact phrase (the two words adjacent and in order) and a sloppy one (within
:data:`PROXIMITY_SLOP` positions, either order) are optional clauses, each worth the constant
:data:`PROXIMITY_SCORE`, so they lift articles where the words meet ("pemilihan presiden") above
articles where they are scattered, without changing what matches. The pairs share one pair's
weight, so a long query's many pairs do not outweigh the BM25 of its words; a query of three or
more words also rewards an article holding all of them together, in order, within
:data:`WHOLE_QUERY_SLOP`.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Final, Protocol, TypeVar

import tantivy
from tantivy import Occur, Query

from indexer import schema as S

Q = TypeVar("Q")

Alternatives = tuple[tuple[str, ...], ...]  # per word, the terms it may have in a document

MAX_PHRASE_VARIANTS: Final = 16
PROXIMITY_SLOP: Final = 4
PROXIMITY_PAIRS: Final = 8  # neighbouring pairs of a long query given a proximity clause
PROXIMITY_VARIANTS: Final = 4  # spellings of one pair tried
WHOLE_QUERY_SLOP: Final = 6  # room for the stopwords a query drops and a word or two between
# What one proximity clause adds: a pair in order and adjacent matches both of its clauses, 6 in
# all, about one ordinary word's BM25. A constant, not the phrase's BM25: that gives two words
# standing together the idf of a rare word, so where a query is a headline, a titled article whose
# headline shares a few of its word pairs outranked the untitled article that has its words (the
# mixed-titles set of bench.relevance); and the engines compute phrase scores differently.
PROXIMITY_SCORE: Final = 3.0
# Added once per free word an article has, on top of BM25: about one ordinary word's BM25, so
# the fallback ranks articles with more of the query's words first unless the fewer words of
# another score far higher (a soft coordination). A strict one (a constant above any BM25) let
# an article that shares one more common word with the query, often in its title, bury the one
# that has the query's rare words.
COORDINATION_SCORE: Final = 6.0


class Builders(Protocol[Q]):
    """The queries of one backend that everything here is built from."""

    def term(self, field: str, term: str) -> Q: ...

    def phrase(self, field: str, terms: Sequence[str], slop: int = 0) -> Q: ...

    def recall_only(self, q: Q) -> Q:
        """Matches as ``q`` does, adds nothing to the score."""
        ...

    def constant(self, q: Q, score: float) -> Q:
        """Matches as ``q`` does, scores ``score``."""
        ...

    def boost(self, q: Q, factor: float) -> Q:
        """Matches as ``q`` does, scores ``factor`` times its score."""
        ...

    def boolean(self, must: Sequence[Q] = (), should: Sequence[Q] = (),
                must_not: Sequence[Q] = ()) -> Q:
        """Every ``must``, none of ``must_not``; ``should`` adds to the score (and is required
        when there is nothing else)."""
        ...

    def everything(self) -> Q: ...


class TantivyBuilders:
    """:class:`Builders` of tantivy queries."""

    def __init__(self, schema: tantivy.Schema) -> None:
        self.schema = schema

    def term(self, field: str, term: str) -> Query:
        return Query.term_query(self.schema, field, term)

    def phrase(self, field: str, terms: Sequence[str], slop: int = 0) -> Query:
        return Query.phrase_query(self.schema, field, list(terms), slop=slop)

    def recall_only(self, q: Query) -> Query:
        return Query.boost_query(q, 0.0)

    def constant(self, q: Query, score: float) -> Query:
        return Query.const_score_query(q, score)

    def boost(self, q: Query, factor: float) -> Query:
        return Query.boost_query(q, factor)

    def boolean(self, must: Sequence[Query] = (), should: Sequence[Query] = (),
                must_not: Sequence[Query] = ()) -> Query:
        return Query.boolean_query([*((Occur.Must, q) for q in must),
                                    *((Occur.MustNot, q) for q in must_not),
                                    *((Occur.Should, q) for q in should)])

    def everything(self) -> Query:
        return Query.all_query()


def _field_queries(b: Builders[Q], terms: tuple[str, ...], slop: int = 0) -> list[Q]:
    """One analysed word or phrase in the text field (a real title counts there as extra
    occurrences, see :data:`indexer.schema.TITLE_REPEATS`)."""
    if len(terms) == 1:
        return [b.term(S.TEXT_TERMS, terms[0])]
    return [b.phrase(S.TEXT_TERMS, terms, slop)]


def _surface_query(b: Builders[Q], surface: tuple[str, ...]) -> Q:
    if len(surface) == 1:
        return b.term(S.WORDS, surface[0])
    return b.phrase(S.WORDS, surface)


def unit_query(b: Builders[Q], words: Alternatives, surface: tuple[str, ...] = (),
               exact: bool = False) -> Q:
    """A word (any of its alternatives) or a phrase (any variant, capped) in title or body, or
    as written (``surface``, the ``words`` field's terms); ``exact``: only as written."""
    if exact:
        return _surface_query(b, surface)
    variants = itertools.islice(itertools.product(*words), MAX_PHRASE_VARIANTS)
    subs = [q for v in variants for q in _field_queries(b, v)]
    if surface:
        # recall only (a part of a hyphenated word, a name written in lower case): the score
        # stays the stemmed fields' so the ranking is theirs
        subs.append(b.recall_only(_surface_query(b, surface)))
    return b.boolean(should=subs)


def proximity_query(b: Builders[Q], words: list[Alternatives]) -> Q | None:
    """Optional clauses rewarding neighbouring free words (each a one-word Alternatives) that
    stand close together, in order best; None when there are fewer than two words."""
    pairs = list(itertools.islice(itertools.pairwise(words), PROXIMITY_PAIRS))
    subs: list[Q] = []
    for left, right in pairs:
        spellings = itertools.islice(itertools.product(left[0], right[0]), PROXIMITY_VARIANTS)
        for a, c in spellings:
            if a == c:
                continue
            for slop in (0, PROXIMITY_SLOP):
                subs.extend(b.constant(q, PROXIMITY_SCORE) for q in _field_queries(b, (a, c), slop))
    if not subs:
        return None
    clauses = [b.boost(b.boolean(should=subs), 1 / len(pairs))]
    if len(pairs) >= 2:
        whole = [w[0][0] for w in words[: len(pairs) + 1]]
        clauses.append(b.constant(b.phrase(S.TEXT_TERMS, whole, WHOLE_QUERY_SLOP),
                                  2 * PROXIMITY_SCORE))
    return b.boolean(should=clauses)


def coordinated(b: Builders[Q], queries: list[Q]) -> list[Q]:
    """Each query, and each again with the constant :data:`COORDINATION_SCORE`: as optional
    clauses they rank articles by BM25 plus a bonus per query they match."""
    return [x for q in queries for x in (q, b.constant(q, COORDINATION_SCORE))]
