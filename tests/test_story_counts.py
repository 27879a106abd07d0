"""``stories`` (distinct stories among a search's results), counted inside the facets' aggregate
call, against a brute-force oracle (the distinct story ids of every matching document) on a real
index of several segments: a build, then two ``add`` runs whose copies join earlier stories."""

from __future__ import annotations

import gzip
import itertools
from pathlib import Path
from typing import Any

import orjson
import pytest
from tantivy import Query

from indexer import schema as S
from indexer.build import add, reindex
from search_api import results, service, snapshot
from search_api import stories as ST
from search_api.params import parse_search_params

QUERIES: list[list[tuple[str, str]]] = [
    [], [("q", "banjir")], [("q", "jakarta")], [("q", "pemerintah OR presiden")],
    [("q", "polisi"), ("sort", "newest")], [("q", "indonesia"), ("collapse", "none")],
    [("q", "jakarta"), ("from", "2019-01-01")],
]


def _records(corpus: Path, n: int) -> list[dict[str, Any]]:
    with gzip.open(corpus, "rb") as f:
        return [orjson.loads(line) for line in itertools.islice(f, n)]


def _copy(r: dict[str, Any], k: int) -> dict[str, Any]:
    """The same article carried by another outlet: it joins the original's story."""
    return dict(r, id=f"copy-{k}-{r['id']}", url=f"https://salinan{k}.test/{r['id']}",
                outlet=f"salinan{k}.test")


def _write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    return path


@pytest.fixture(scope="module")
def segmented(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    records = _records(shared_dir / "corpus" / "clickid-news" / "articles.jsonl.gz", 400)
    tmp = tmp_path_factory.mktemp("segmented")
    index_dir = tmp / "index"
    reindex([_write(tmp / "a.jsonl", records[:300] + [_copy(r, 1) for r in records[:40]])],
            index_dir, workers=1)
    add([_write(tmp / "b.jsonl", records[300:350] + [_copy(r, 2) for r in records[20:80]])],
        index_dir, workers=1)
    add([_write(tmp / "c.jsonl", records[350:] + [_copy(r, 3) for r in records[60:90]])],
        index_dir, workers=1)
    return index_dir


def _brute_force(holder: snapshot.SearcherHolder, params: list[tuple[str, str]]) -> tuple[int, int]:
    """(matching documents, their distinct story ids), reading every matching document."""
    snap = holder.snapshot()
    query = service.matching_query(snap, parse_search_params(params))
    hits = snap.searcher.search(query, int(snap.searcher.num_docs) + 1).hits
    stories = {str(snap.searcher.doc(addr).get_first(S.STORY)) for _, addr in hits}
    return len(hits), len(stories)


def test_story_counts_equal_the_distinct_stories_of_every_match(segmented: Path) -> None:
    holder = snapshot.SearcherHolder(segmented)
    searcher = holder.snapshot().searcher
    assert searcher.num_segments > 1  # the counts must merge across segments
    # the copies made stories of several members, some spread over segments
    every = searcher.search(Query.all_query(), int(searcher.num_docs) + 1).hits
    members = [str(searcher.doc(a).get_first(S.STORY)) for _, a in every]
    assert len(set(members)) < len(members) - 100
    seen = 0
    for params in QUERIES:
        res = service.search(holder, parse_search_params(params))
        total, stories = _brute_force(holder, params)
        assert (res.total, res.stories) == (total, stories), params
        seen += total - stories
    assert seen > 50  # the queries did meet repeated stories


def test_story_summaries_from_the_hits_equal_looking_every_first_report_up(
        segmented: Path) -> None:
    """A search takes a hit that is its story's first report as that story's first report; the
    summaries equal those that look every first report up in the index."""
    holder = snapshot.SearcherHolder(segmented)
    snap = holder.snapshot()
    taken = looked_up = 0
    for params in QUERIES:
        res = service.search(holder, parse_search_params([*params, ("size", "50")]))
        ids = [h.story.id for h in res.hits]
        reference = ST.summaries(snap.searcher, snap.schema, ids, results.local_time)
        assert {h.story.id: h.story for h in res.hits} == reference, params
        taken += sum(h.story.first.id == h.id for h in res.hits)
        looked_up += sum(h.story.first.id != h.id for h in res.hits)
    assert taken > 100 and looked_up > 0  # both ways were taken
