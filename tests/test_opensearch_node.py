"""The embedded OpenSearch node (opensearch/): a real node starts on 127.0.0.1, has the HTTP
layer and the common analysis plugin, indexes and searches, and stops with its data removed."""

from __future__ import annotations

import urllib.request
from pathlib import Path
from typing import Any

import orjson
import pytest

pytestmark = pytest.mark.opensearch


@pytest.fixture(scope="module")
def node(opensearch_node: tuple[str, Path]) -> tuple[str, Path]:
    """The session's node (tests/conftest.py)."""
    return opensearch_node


def call(url: str, method: str, path: str, body: Any = None, ndjson: bytes | None = None
         ) -> Any:
    data = ndjson if ndjson is not None else (orjson.dumps(body) if body is not None else None)
    ctype = "application/x-ndjson" if ndjson is not None else "application/json"
    req = urllib.request.Request(url + path, data=data, method=method,
                                 headers={"Content-Type": ctype})
    with urllib.request.urlopen(req, timeout=60) as resp:
        return orjson.loads(resp.read())


def test_the_node_is_opensearch_2_19_6_on_localhost(node: tuple[str, Path]) -> None:
    url, _ = node
    assert url.startswith("http://127.0.0.1:")
    info = call(url, "GET", "/")
    assert info["version"]["distribution"] == "opensearch"
    assert info["version"]["number"] == "2.19.6"
    assert call(url, "GET", "/_cluster/health")["status"] == "green"


def test_whitespace_terms_index_with_positions_and_search(node: tuple[str, Path]) -> None:
    url, _ = node
    call(url, "PUT", "/terms", {
        "settings": {"number_of_shards": 1, "number_of_replicas": 0,
                     "analysis": {"analyzer": {"terms": {"type": "custom",
                                                         "tokenizer": "whitespace"}}}},
        "mappings": {"properties": {"body": {"type": "text", "analyzer": "terms"},
                                    "source": {"type": "keyword"}}}})
    assert call(url, "GET", "/_cluster/health/terms?wait_for_status=green")["status"] == "green"
    docs = [("a", "serang kota jakarta", "x"), ("b", "kota serang", "y"), ("c", "banjir", "x")]
    lines = b"".join(orjson.dumps({"index": {"_index": "terms", "_id": i}}) + b"\n"
                     + orjson.dumps({"body": t, "source": s}) + b"\n" for i, t, s in docs)
    assert not call(url, "POST", "/_bulk?refresh=true", ndjson=lines)["errors"]
    phrase = call(url, "POST", "/terms/_search", {
        "query": {"match_phrase": {"body": "serang kota"}},
        "aggs": {"s": {"terms": {"field": "source"}}}})
    assert [h["_id"] for h in phrase["hits"]["hits"]] == ["a"]
    assert [b["key"] for b in phrase["aggregations"]["s"]["buckets"]] == ["x"]
    # The common analysis plugin is there (its stock analyzers serve as a peer anchor).
    stock = call(url, "POST", "/_analyze", {"analyzer": "indonesian", "text": "menyerang"})
    assert [t["token"] for t in stock["tokens"]] == ["serang"]
