"""Story summaries of single-article stories without an aggregate: :func:`stories.multi_member`
against a brute-force count of every stored story id, and the summaries taking it equal to the
aggregated ones for every story a search shows."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from tantivy import Query

from indexer import schema as S
from search_api import results, service, snapshot
from search_api import stories as ST
from search_api.params import parse_search_params


def test_multi_member_stories_are_those_with_two_or_more_articles(index_dir: Path) -> None:
    snap = snapshot.SearcherHolder(index_dir).snapshot()
    n = int(snap.searcher.num_docs)
    counts = Counter(str(snap.searcher.doc(addr)[S.STORY][0])
                     for _, addr in snap.searcher.search(Query.all_query(), n).hits)
    multi = ST.multi_member(snap.searcher)
    assert multi == {sid for sid, c in counts.items() if c >= 2}
    assert 0 < len(multi) < len(counts)


def test_summaries_without_the_aggregate_equal_the_aggregated(index_dir: Path) -> None:
    holder = snapshot.SearcherHolder(index_dir)
    snap = holder.snapshot()
    multi = ST.multi_member(snap.searcher)
    shown = 0
    for q in ("jakarta", "presiden", "banjir", "pemerintah", "sepak bola", ""):
        for page in ("1", "2", "3"):
            response = service.search(holder, parse_search_params(
                [("q", q), ("page", page), ("size", "30"), ("collapse", "none")]))
            ids = [h.story.id for h in response.hits]
            firsts = {h.story.id: h.story.first for h in response.hits
                      if h.story.first.id == h.id}
            fast = ST.summaries(snap.searcher, snap.schema, ids, results.local_time, firsts,
                                multi)
            assert fast == ST.summaries(snap.searcher, snap.schema, ids, results.local_time,
                                        firsts), (q, page)
            assert {h.story for h in response.hits} == set(fast.values())
            shown += sum(1 for i in ids if i in multi)
    assert shown > 0  # stories of several articles were among them
