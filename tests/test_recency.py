"""``sort=recent`` against a brute-force oracle on the session index: every match's BM25 from a
plain search, its date read back from its stored payload, the decay written out here, sorted."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from indexer import schema as S
from indexer import store
from indexer.document import load_payload
from search_api.query import build
from search_api.selection import combine

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def ns(iso: str) -> int:
    delta = datetime.fromisoformat(iso) - EPOCH
    return ((delta.days * 86_400 + delta.seconds) * 10**6 + delta.microseconds) * 1000


class Oracle:
    def __init__(self, index_dir: Path) -> None:
        index = store.open_index(index_dir)
        self.searcher = index.searcher()
        self.schema = index.schema
        self.analyzer = store.load_analyzer(index_dir)
        visible = self.searcher.search(combine(self.schema, None, []), self.searcher.num_docs)
        self.dates: dict[str, int | None] = {}
        for _, addr in visible.hits:
            p = load_payload(bytes(self.searcher.doc(addr).to_dict()[S.PAYLOAD][0]))
            self.dates[p.id] = ns(p.date) if p.date else None
        known = [d for d in self.dates.values() if d is not None]
        self.newest, self.oldest = max(known), min(known)

    def ranking(self, q: str, halflife: float) -> list[tuple[str, float]]:
        query = combine(self.schema, build(q, self.analyzer, self.schema).query, [])
        rows = []
        for bm25, addr in self.searcher.search(query, self.searcher.num_docs).hits:
            doc_id = self.searcher.doc(addr).to_dict()[S.ID][0]
            date = self.dates[doc_id]
            age_days = (self.newest - (self.oldest if date is None else date)) / (86_400 * 10**9)
            score = bm25 * 0.5 ** (age_days / halflife)
            rows.append((-score, (addr.segment_ord, addr.doc), doc_id))
        rows.sort(key=lambda r: (r[0], r[1]))
        return [(doc_id, -neg) for neg, _, doc_id in rows]


@pytest.fixture(scope="module")
def oracle_r(index_dir: Path) -> Oracle:
    return Oracle(index_dir)


def page(client: TestClient, **params: Any) -> dict[str, Any]:
    r = client.get("/search", params={"sort": "recent", "collapse": "none", **params})
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


@pytest.mark.parametrize("halflife", [0.5, 7, 30, 365])
@pytest.mark.parametrize("q", ["jakarta", "pemerintah", "banjir", "trombik OR zorblax OR kwetlar"])
def test_recent_order_is_the_oracles(client: TestClient, oracle_r: Oracle, q: str,
                                     halflife: float) -> None:
    expected = oracle_r.ranking(q, halflife)
    assert len(expected) >= 3, q
    got: list[tuple[str, float]] = []
    for n in (1, 2, 3):
        body = page(client, q=q, halflife=halflife, size=40, page=n)
        assert body["sort"] == "recent" and body["total"] == len(expected)
        got += [(h["id"], h["score"]) for h in body["hits"]]
    assert [i for i, _ in got] == [i for i, _ in expected[: len(got)]]
    assert [s for _, s in got] == pytest.approx([s for _, s in expected[: len(got)]], rel=1e-6)


def test_decay_changes_the_order_and_undated_counts_as_old(client: TestClient,
                                                           oracle_r: Oracle) -> None:
    q = "pemerintah"
    relevance = [h["id"] for h in client.get("/search", params={"q": q, "size": 20}).json()["hits"]]
    recent = [h["id"] for h in page(client, q=q, size=20, halflife=1)["hits"]]
    assert relevance != recent
    ranked = dict(oracle_r.ranking("trombik OR zorblax OR kwetlar", 1))
    hits = page(client, q="trombik OR zorblax OR kwetlar", halflife=1)["hits"]
    undated = next(h for h in hits if h["id"] == "synthetic-undated")
    assert undated["date"] is None and undated["score"] == pytest.approx(ranked[undated["id"]])


def test_recent_without_a_query_browses_newest_first(client: TestClient) -> None:
    body = page(client)
    assert body["sort"] == "newest"
