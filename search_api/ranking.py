"""How a query word or phrase becomes scored tantivy queries: the fields it is searched in,
the reward for query words that stand near each other, and most-words-first ranking.

Fields: see :func:`_field_queries`. Proximity: for each pair of neighbouring free words of the
query, an exact phrase (the two words adjacent and in order) and a sloppy one (within
:data:`PROXIMITY_SLOP` positions, either order) are optional clauses, so their BM25 phrase
scores lift articles where the words meet ("pemilihan presiden") above articles where they are
scattered, without changing what matches.
"""

from __future__ import annotations

import itertools
from typing import Final

import tantivy
from tantivy import Occur, Query

from indexer import schema as S

Alternatives = tuple[tuple[str, ...], ...]  # per word, the terms it may have in a document

MAX_PHRASE_VARIANTS: Final = 16
PROXIMITY_SLOP: Final = 4
PROXIMITY_PAIRS: Final = 8  # neighbouring pairs of a long query given a proximity clause
PROXIMITY_VARIANTS: Final = 4  # spellings of one pair tried
# Added once per free word an article has, so the fallback ranks by how many of the query's
# words an article has before BM25 (one word's BM25 over title and body stays far below it).
COORDINATION_SCORE: Final = 1000.0


def _field_queries(schema: tantivy.Schema, terms: tuple[str, ...], slop: int = 0
                   ) -> list[Query]:
    """One analysed word or phrase in the text field (a real title counts there as extra
    occurrences, see :data:`indexer.schema.TITLE_REPEATS`)."""
    if len(terms) == 1:
        return [Query.term_query(schema, S.TEXT_TERMS, terms[0])]
    return [Query.phrase_query(schema, S.TEXT_TERMS, list(terms), slop=slop)]


def _surface_query(schema: tantivy.Schema, surface: tuple[str, ...]) -> Query:
    if len(surface) == 1:
        return Query.term_query(schema, S.WORDS, surface[0])
    return Query.phrase_query(schema, S.WORDS, list(surface))


def unit_query(schema: tantivy.Schema, words: Alternatives, surface: tuple[str, ...] = (),
               exact: bool = False) -> Query:
    """A word (any of its alternatives) or a phrase (any variant, capped) in title or body, or
    as written (``surface``, the ``words`` field's terms); ``exact``: only as written."""
    if exact:
        return _surface_query(schema, surface)
    variants = itertools.islice(itertools.product(*words), MAX_PHRASE_VARIANTS)
    subs = [q for v in variants for q in _field_queries(schema, v)]
    if surface:
        # recall only (a part of a hyphenated word, a name written in lower case): the score
        # stays the stemmed fields' so the ranking is theirs
        subs.append(Query.boost_query(_surface_query(schema, surface), 0.0))
    return Query.boolean_query([(Occur.Should, q) for q in subs])


def proximity_query(schema: tantivy.Schema, words: list[Alternatives]) -> Query | None:
    """Optional clauses rewarding neighbouring free words (each a one-word Alternatives) that
    stand close together, in order best; None when there are fewer than two words."""
    subs: list[tuple[Occur, Query]] = []
    for left, right in itertools.islice(itertools.pairwise(words), PROXIMITY_PAIRS):
        pairs = itertools.islice(itertools.product(left[0], right[0]), PROXIMITY_VARIANTS)
        for a, b in pairs:
            if a == b:
                continue
            for slop in (0, PROXIMITY_SLOP):
                subs.extend((Occur.Should, q) for q in _field_queries(schema, (a, b), slop))
    return Query.boolean_query(subs) if subs else None


def coordinated(queries: list[Query]) -> list[Query]:
    """Each query, and each again with the constant :data:`COORDINATION_SCORE`: as optional
    clauses they rank articles by how many of the queries they match, then by BM25."""
    return [x for q in queries for x in (q, Query.const_score_query(q, COORDINATION_SCORE))]
