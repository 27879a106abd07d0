"""Facet counts checked against the raw input records, not the index's stored payloads: the
outlets, categories and publication months of every record the build accepted, counted straight
from the JSON the corpus ships (field names as the corpus writes them)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from starlette.testclient import TestClient

from indexer.clean import clean_body
from indexer.document import MIN_BODY_WORDS


def accepted(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in records
            if len(clean_body(str(r.get("body") or "")).split()) >= MIN_BODY_WORDS]


def test_outlet_category_and_month_counts_equal_the_raw_records(
    client: TestClient, corpus_records: tuple[Path, list[dict[str, Any]]],
) -> None:
    records = accepted(corpus_records[1])
    body = client.get("/search", params={"facet_size": 100}).json()
    assert body["total"] == len(records)
    outlets = Counter(str(r["outlet"]) for r in records if r.get("outlet"))
    assert {v["value"]: v["count"] for v in body["facets"]["source"]} == dict(outlets)
    categories = Counter(str(r["category"]).strip() for r in records
                         if str(r.get("category") or "").strip())
    assert {v["value"]: v["count"] for v in body["facets"]["category"]} == dict(categories)
    # The corpus writes the WIB day as "date" (YYYY-MM-DD): months from its first 7 characters.
    months = Counter(str(r["date"])[:7] for r in records if r.get("date"))
    buckets = {b["key"]: b["count"] for b in body["facets"]["date"]}
    assert buckets.pop("undated") == sum(1 for r in records if not r.get("date"))
    assert buckets == dict(months)
