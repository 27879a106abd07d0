"""Related articles, one algorithm for every backend: the query is chosen here, in Python, from
the article's own analysed text and entities and the index's document frequencies, and each
backend only compiles it (:func:`tantivy_query`, :func:`dsl`) and runs it. Both engines score
its term clauses with BM25 (the same k1, b and idf), so they rank the same neighbours, up to
float rounding (~1e-4 relative).

* **Terms:** the analysed title (counted :data:`TITLE_WEIGHT` times) and body, less stop words,
  one- and two-letter terms and numbers; a term must occur in another article (document
  frequency >= 2) and in at most :data:`MAX_DF_SHARE` of them. Each weighs
  ``(1 + ln tf) * idf`` (BM25's idf); the top ``k`` are kept, ``k`` a quarter of the candidates
  but never fewer than :data:`MIN_TERMS` (the floor that keeps a short text's few words,
  each said once, in the query: a minimum term frequency of 2, as more-like-this defaults
  to, would leave it none) nor more than :data:`MAX_TERMS`. A clause's boost is its weight
  over the top weight.
* **Entities:** every person, organisation and place of the article is a clause of constant
  score :data:`ENTITY_BOOST` x its idf, so a shared rare name counts about as much as a shared
  rare word at full boost (and names are terms of the text too).
* The article's own story is excluded, and the hits are collapsed by story.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final

import tantivy
from tantivy import Occur, Query

from indexer import schema as S
from indexer.analysis import Analyzer, is_stopword

TITLE_WEIGHT: Final = 2  # a title word says more of what an article is about than a body word
MIN_TERMS: Final = 10
MAX_TERMS: Final = 25
TERMS_SHARE: Final = 0.25  # of the candidate terms, between the floor and the cap
MAX_DF_SHARE: Final = 0.2  # a term in more of the articles tells little of which are related
ENTITY_BOOST: Final = 1.0
MIN_TERM_CHARS: Final = 3

# (field, value) pairs -> the index's article count, and each pair's document frequency
DocFreqs = Callable[[list[tuple[str, str]]], tuple[int, Mapping[tuple[str, str], int]]]


@dataclass(frozen=True, slots=True)
class RelatedPlan:
    """What an article's related articles must match: weighted ``text_terms`` terms (BM25 x
    boost) and entity (field, value, constant score) clauses; none of ``story``."""

    terms: tuple[tuple[str, float], ...]
    entities: tuple[tuple[str, str, float], ...]
    story: str


def candidate_terms(analyzer: Analyzer, p: S.StoredArticle) -> Counter[str]:
    """The article's terms that may go into its query, with their (title-weighted) counts."""
    names = frozenset(p.names)
    counts: Counter[str] = Counter()
    if not p.title_derived:
        for t in analyzer.analyze(p.title, names):
            counts[t] += TITLE_WEIGHT
    counts.update(analyzer.analyze(p.body, names))
    return Counter({t: n for t, n in counts.items()
                    if len(t) >= MIN_TERM_CHARS and not t.isdigit() and not is_stopword(t)})


def entities_of(p: S.StoredArticle) -> list[tuple[str, str]]:
    """The article's entities as (facet field, value)."""
    return [(field_name, name) for etype, field_name in S.ENTITY_FIELDS.items()
            for name in p.entities.get(etype, ())]


def idf(df: int, n_docs: int) -> float:
    """BM25's inverse document frequency (Lucene's and tantivy's)."""
    return math.log(1.0 + (n_docs - df + 0.5) / (df + 0.5))


def plan(analyzer: Analyzer, p: S.StoredArticle, story: str, doc_freqs: DocFreqs
         ) -> RelatedPlan:
    """The related-articles query of article ``p`` (in story ``story``), given a reader of the
    index's document frequencies."""
    counts = candidate_terms(analyzer, p)
    entities = entities_of(p)
    n_docs, df = doc_freqs([(S.TEXT_TERMS, t) for t in counts] + entities)
    weights = {t: (1.0 + math.log(n)) * idf(df[(S.TEXT_TERMS, t)], n_docs)
               for t, n in counts.items()
               if 2 <= df[(S.TEXT_TERMS, t)] <= MAX_DF_SHARE * n_docs}
    k = min(MAX_TERMS, max(MIN_TERMS, round(TERMS_SHARE * len(weights))))
    top = sorted(weights.items(), key=lambda tw: (-tw[1], tw[0]))[:k]
    best = top[0][1] if top else 1.0
    return RelatedPlan(
        terms=tuple((t, w / best) for t, w in top),
        entities=tuple((f, v, ENTITY_BOOST * idf(df[(f, v)], n_docs)) for f, v in entities
                       if df[(f, v)] >= 2),
        story=story,
    )


def tantivy_doc_freqs(searcher: tantivy.Searcher) -> DocFreqs:
    return lambda pairs: (searcher.num_docs, {(f, v): searcher.doc_freq(f, v) for f, v in pairs})


def tantivy_query(rp: RelatedPlan, schema: tantivy.Schema) -> Query:
    should: list[tuple[Occur, Query]] = [
        (Occur.Should, Query.boost_query(Query.term_query(schema, S.TEXT_TERMS, t), boost))
        for t, boost in rp.terms]
    should += [(Occur.Should, Query.const_score_query(Query.term_query(schema, f, v), score))
               for f, v, score in rp.entities]
    if not should:
        return Query.empty_query()
    return Query.boolean_query([
        (Occur.Must, Query.boolean_query(should)),
        (Occur.MustNot, Query.term_query(schema, S.STORY, rp.story)),
    ])


def dsl(rp: RelatedPlan) -> dict[str, Any]:
    """The same query in OpenSearch's DSL."""
    should: list[dict[str, Any]] = [{"term": {S.TEXT_TERMS: {"value": t, "boost": boost}}}
                                    for t, boost in rp.terms]
    should += [{"constant_score": {"filter": {"term": {f: v}}, "boost": score}}
               for f, v, score in rp.entities]
    if not should:
        return {"match_none": {}}
    return {"bool": {"should": should, "minimum_should_match": 1,
                     "must_not": [{"term": {S.STORY: rp.story}}]}}
