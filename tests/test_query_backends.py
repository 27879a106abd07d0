"""One walk of the query tree for both backends (:func:`search_api.query.compile_tree`): for any
query of the language (Hypothesis: words of the corpus's titles and stopwords, with ``+``,
``-``, ``NOT``, ``OR``, quotes and parentheses), tantivy and OpenSearch (the session's real
node) select the same number of articles (the most-words-first fallback included) and mark the
same terms."""

from __future__ import annotations

import random
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer.analysis import iter_words
from search_api.backends import TantivyBackend
from search_api.backends.opensearch import OpenSearchBackend
from search_api.params import SearchRequest
from search_api.query import build

pytestmark = pytest.mark.opensearch

OracleDoc = Any  # tests/corpora.py's OracleDoc


def _vocabulary(oracle: list[OracleDoc]) -> list[str]:
    words = sorted({w for d in oracle for w in iter_words(d.title) if w.isalpha() and len(w) > 3})
    return random.Random(23).sample(words, 40) + ["yang", "dan", "di", "kwetlar", "zorblax"]


@st.composite
def _queries(draw: st.DrawFn, vocab: list[str]) -> str:
    word = st.sampled_from(vocab)
    operand = st.one_of(
        word,
        st.builds(lambda a, b: f'"{a} {b}"', word, word),
        st.builds(lambda a, b: f"({a} OR {b})", word, word),
        st.builds(lambda a, b: f"({a} {b})", word, word),
    )
    signed = st.builds(lambda sign, x: sign + x, st.sampled_from(["", "", "+", "-", "NOT "]),
                       operand)
    parts = draw(st.lists(signed, min_size=1, max_size=5))
    glue = draw(st.lists(st.sampled_from([" ", " ", " OR ", " AND "]), min_size=len(parts),
                         max_size=len(parts)))
    return "".join(g + p for g, p in zip(glue, parts, strict=True)).strip()


def test_any_query_selects_the_same_in_both(tantivy_backend: TantivyBackend,
                                            os_backend: OpenSearchBackend,
                                            oracle: list[OracleDoc]) -> None:
    vocab = _vocabulary(oracle)
    snap = tantivy_backend.holder.snapshot()
    seen: list[int] = []

    @settings(max_examples=60, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow])
    @given(_queries(vocab))
    def check(q: str) -> None:
        request = SearchRequest(q=q)
        n = tantivy_backend.count(request)
        assert n == os_backend.count(request), q
        assert build(q, snap.analyzer, snap.schema).terms == os_backend.compile(q).terms, q
        seen.append(n)

    check()
    assert sum(1 for n in seen if n > 0) >= 10  # the queries really select articles
