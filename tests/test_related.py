"""Related articles (:mod:`search_api.related`) on the session's tantivy index, against brute
force over every stored article:

* the query an article gets is the one the same plan gives with document frequencies counted
  by brute force (each article's analysed title and body, and its entities);
* the engine's matches are exactly the articles outside the article's own story that hold one
  of the query's terms or entities, one hit per story, best first;
* short articles (under 80 words, where more-like-this with a minimum term frequency finds
  nothing to ask for) get the neighbours an oracle ranks first: it ranks every other story by
  the query's own weights of what it shares with the article (sum over the shared terms of
  boost x idf, plus the shared entities' scores; a story by its best member), i.e. BM25 less
  its term-frequency and length parts. So the engine may differ from it a little: at least
  90% of the short articles' first related stories are among the oracle's first five, and at
  least 85% of all their related stories among its first ten (on the session corpus: 96% and
  92%; an article whose related stories were picked by chance would score near 0%).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from tantivy import Query

from indexer import schema as S
from search_api import related as RL
from search_api import service
from search_api import stories as ST
from search_api.backends import TantivyBackend

SHORT_WORDS = 80


@pytest.fixture(scope="module")
def corpus(tantivy_backend: TantivyBackend) -> list[tuple[S.StoredArticle, str, frozenset[str]]]:
    """(article, story, its text_terms terms) of every stored article."""
    snap = tantivy_backend.holder.snapshot()
    out = []
    every = snap.searcher.search(Query.all_query(), snap.searcher.num_docs)
    for _score, addr in every.hits:
        p, story = service.payload(snap.searcher, addr), ST.story_of(snap.searcher, addr)
        names = frozenset(p.names)
        terms = set(snap.analyzer.analyze(p.body, names))
        if not p.title_derived:
            terms |= set(snap.analyzer.analyze(p.title, names))
        out.append((p, story, frozenset(terms)))
    return out


def _entities(p: S.StoredArticle) -> set[tuple[str, str]]:
    return set(RL.entities_of(p))


def _brute_doc_freqs(corpus: list[tuple[S.StoredArticle, str, frozenset[str]]]
                     ) -> RL.DocFreqs:
    counts: Counter[tuple[str, str]] = Counter()
    for p, _story, terms in corpus:
        counts.update((S.TEXT_TERMS, t) for t in terms)
        counts.update(_entities(p))
    return lambda pairs: (len(corpus), {k: counts[k] for k in pairs})


def _sample(corpus: list[tuple[S.StoredArticle, str, frozenset[str]]]
            ) -> Iterator[tuple[S.StoredArticle, str, frozenset[str]]]:
    short = [c for c in corpus if len(c[0].body.split()) < SHORT_WORDS]
    assert len(short) >= 10
    yield from {c[0].id: c for c in short + corpus[::60]}.values()


def test_the_query_is_planned_from_exact_document_counts(
        tantivy_backend: TantivyBackend,
        corpus: list[tuple[S.StoredArticle, str, frozenset[str]]]) -> None:
    snap = tantivy_backend.holder.snapshot()
    brute = _brute_doc_freqs(corpus)
    floors = 0
    for p, story, _terms in _sample(corpus):
        rp = RL.plan(snap.analyzer, p, story, RL.tantivy_doc_freqs(snap.searcher))
        assert rp == RL.plan(snap.analyzer, p, story, brute), p.id
        assert len(rp.terms) <= RL.MAX_TERMS
        assert [b for _t, b in rp.terms] == sorted((b for _t, b in rp.terms), reverse=True)
        floors += len(rp.terms) == RL.MIN_TERMS
    assert floors > 0  # the floor is reached


def test_matches_and_order_equal_brute_force(
        tantivy_backend: TantivyBackend,
        corpus: list[tuple[S.StoredArticle, str, frozenset[str]]]) -> None:
    snap = tantivy_backend.holder.snapshot()
    by_id = {p.id: (p, story, terms) for p, story, terms in corpus}
    first_in_5, short_hits, hits_in_10 = 0, 0, 0.0
    for p, story, _terms in _sample(corpus):
        rp = RL.plan(snap.analyzer, p, story, RL.tantivy_doc_freqs(snap.searcher))
        boosts = dict(rp.terms)
        ents = {(f, v): s for f, v, s in rp.entities}
        n_docs, df = RL.tantivy_doc_freqs(snap.searcher)(list(ents) + [
            (S.TEXT_TERMS, t) for t in boosts])
        oracle: dict[str, float] = {}  # story -> its best member's shared weight
        matching = 0
        for q, q_story, q_terms in corpus:
            if q_story == story:
                continue
            shared = [t for t in boosts if t in q_terms]
            shared_ents = [k for k in ents if k in _entities(q)]
            if not shared and not shared_ents:
                continue
            matching += 1
            weight = sum(boosts[t] * RL.idf(df[(S.TEXT_TERMS, t)], n_docs) for t in shared)
            weight += sum(ents[k] for k in shared_ents)
            oracle[q_story] = max(oracle.get(q_story, 0.0), weight)
        query = RL.tantivy_query(rp, snap.schema)
        found = snap.searcher.search(query, 1, count=True)
        assert found.count == matching, p.id  # type: ignore[attr-defined]
        related = tantivy_backend.related(p.id, 5)
        assert related is not None and related.story == story
        stories = [h.story for h in related.hits]
        assert len(stories) == min(5, len(oracle)) and len(set(stories)) == len(stories)
        assert set(stories) <= set(oracle)
        assert [h.score for h in related.hits] == sorted(
            (h.score for h in related.hits), reverse=True)
        for h in related.hits:
            assert by_id[h.id][1] == h.story
        if len(p.body.split()) < SHORT_WORDS and stories:
            order = sorted(oracle, key=lambda s: (-oracle[s], s))
            first_in_5 += stories[0] in order[:5]
            short_hits += 1
            hits_in_10 += sum(s in order[:10] for s in stories) / len(stories)
    assert short_hits >= 10
    assert first_in_5 >= 0.9 * short_hits, (first_in_5, short_hits)
    assert hits_in_10 >= 0.85 * short_hits, (hits_in_10, short_hits)


def test_no_such_article(tantivy_backend: TantivyBackend) -> None:
    assert tantivy_backend.related("no-such-id", 5) is None
