"""Selected filter values outside a facet's top are counted by one aggregation restricted to
exactly those values; checked against counts from the raw records for many values at once,
including values that would match others if they were read as patterns."""

from __future__ import annotations

from collections import Counter
from typing import Any

from starlette.testclient import TestClient

from indexer import schema as S


def test_every_selected_value_gets_its_own_exact_count(client: TestClient,
                                                       oracle: list[Any]) -> None:
    visible = list(oracle)
    counts = Counter(v for d in visible for v in d.person)
    rare = sorted(v for v, c in counts.items() if c <= 2)[:40]
    top = next(v for v, _ in counts.most_common() if " " in v)
    # "Joko.Widodo" as a regular expression would match "Joko Widodo"; it must count 0.
    pattern_like = [top.replace(" ", ".", 1), top[:3] + ".*", "(" + top + ")"]
    selected = [*rare, *pattern_like]
    res = client.get("/search", params=[("facet_size", "2"), *((S.PERSON, v) for v in selected)])
    assert res.status_code == 200, res.text
    got = {v["value"]: v["count"] for v in res.json()["facets"][S.PERSON] if v["selected"]}
    assert got == {v: counts.get(v, 0) for v in selected}
    assert all(got[v] == 0 for v in pattern_like)
    assert len(rare) == 40
