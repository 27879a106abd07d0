"""The per-snapshot LRU of facet results (:mod:`search_api.facet_cache`): bounded in entries and in
bytes, a hit equal to computing afresh, and never a count of an older generation after a
reindex, an ``add`` or a ``delete`` switches the index."""

from __future__ import annotations

import gzip
import itertools
from pathlib import Path
from typing import Any

import orjson
import pytest

from indexer.build import add, delete, reindex
from search_api import facet_cache as FC
from search_api import facets as F
from search_api import service, snapshot
from search_api.params import parse_search_params

REQUESTS: list[list[tuple[str, str]]] = [
    [("q", "jakarta")], [("q", "jakarta"), ("sort", "newest"), ("page", "2")],
    [("q", "pemerintah"), ("source", "detik.com")],
    [("q", "pemerintah"), ("source", "detik.com"), ("source", "kompas.com")],
    [("q", "presiden"), ("from", "2019-01-01"), ("to", "2019-06-30")],
    [("category", "Politik"), ("facet_size", "3")], [],
]


def _entry(n: int) -> FC.Entry:
    return F.Facets(person=(F.FacetValue("x" * n, 1, False),)), 1


def test_lru_is_bounded_in_entries_and_bytes() -> None:
    lru = FC.LRU(max_entries=3, max_bytes=1_000)
    for i in range(5):
        lru.put((i,), _entry(1), 100)
    assert len(lru) == 3 and lru.get((0,)) is None and lru.get((4,)) == _entry(1)
    assert lru.get((2,)) is not None  # now most recent: (3,) goes first
    lru.put((5,), _entry(1), 100)
    assert lru.get((3,)) is None and lru.get((2,)) is not None
    lru.put((6,), _entry(1), 900)  # over the byte bound with the others: they go
    assert lru.bytes == 1_000 and len(lru) == 2
    assert lru.get((4,)) is None and lru.get((5,)) is None and lru.get((6,)) is not None
    lru.put((7,), _entry(1), 5_000)  # larger than the whole bound: not kept
    assert lru.get((7,)) is None and lru.bytes == 1_000
    size = FC.entry_bytes(("k",), _entry(1000))
    assert size >= 1_000 + FC._VALUE_BYTES


def test_a_hit_equals_computing_afresh(index_dir: Path) -> None:
    holder = snapshot.SearcherHolder(index_dir)
    for params in REQUESTS:
        first = service.search(holder, parse_search_params(params))
        again = service.search(holder, parse_search_params(params))
        fresh = service.search(snapshot.SearcherHolder(index_dir), parse_search_params(params))
        assert (again.facets, again.stories) == (first.facets, first.stories) \
            == (fresh.facets, fresh.stories), params
    lru: FC.LRU = holder.snapshot().cache["facet_cache"]
    assert lru.hits >= len(REQUESTS) + 1  # every repeat, and page 2 of the first query
    assert len(lru) == len(REQUESTS) - 1


def _records(shared_dir: Path, n: int) -> list[dict[str, Any]]:
    with gzip.open(shared_dir / "corpus" / "clickid-news" / "articles.jsonl.gz", "rb") as f:
        return [orjson.loads(line) for line in itertools.islice(f, n)]


def _write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    return path


@pytest.mark.parametrize("change", ["add", "reindex", "delete"])
def test_a_switched_generation_never_serves_old_counts(
        shared_dir: Path, tmp_path: Path, change: str) -> None:
    records = _records(shared_dir, 200)
    index_dir = tmp_path / "index"
    reindex([_write(tmp_path / "a.jsonl", records[:150])], index_dir, workers=1)
    holder = snapshot.SearcherHolder(index_dir)
    requests = [parse_search_params(p) for p in ([], [("q", "jakarta")],
                                                 [("q", "indonesia"), ("category", "Politik")])]
    before = [service.search(holder, r) for r in requests]
    assert [service.search(holder, r).facets for r in requests] == [b.facets for b in before]
    assert holder.snapshot().cache["facet_cache"].hits == len(requests)  # served from the cache
    if change == "add":
        add([_write(tmp_path / "b.jsonl", [dict(r, outlet="baru.test") for r in records[150:]])],
            index_dir, workers=1)
    elif change == "reindex":
        reindex([_write(tmp_path / "c.jsonl", records[20:])], index_dir, workers=1)
    else:
        assert delete([str(r["id"]) for r in records[:60]], index_dir)[0] > 0
    after = [service.search(holder, r) for r in requests]
    fresh = [service.search(snapshot.SearcherHolder(index_dir), r) for r in requests]
    for a, f in zip(after, fresh, strict=True):
        assert (a.total, a.stories, a.facets) == (f.total, f.stories, f.facets)
    assert [a.facets for a in after] != [b.facets for b in before]
    assert after[0].total != before[0].total
