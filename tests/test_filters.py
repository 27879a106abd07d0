"""Facet filters on the session's real index: case-insensitive values count exactly what the
indexed value counts, and ``person_op=and`` (org_op, place_op) equals the intersection of the
single-value results, brute force."""

from __future__ import annotations

import itertools
from collections import Counter
from typing import Any

from starlette.testclient import TestClient

from indexer import schema as S
from search_api import params as P

Json = dict[str, Any]


def _get(client: TestClient, **params: Any) -> Json:
    r = client.get("/search", params=params)
    assert r.status_code == 200, r.text
    body: Json = r.json()
    return body


def _ids(client: TestClient, **params: Any) -> set[str]:
    """Every hit's id, all pages."""
    out: set[str] = set()
    for page in itertools.count(1):
        body = _get(client, size=P.MAX_SIZE, page=page, collapse="none", **params)
        out.update(h["id"] for h in body["hits"])
        if page * P.MAX_SIZE >= body["total"]:
            return out
    raise AssertionError("unreachable")


def _top(oracle: list[Any], facet: str, n: int) -> list[tuple[str, int]]:
    counts: Counter[str] = Counter()
    for d in oracle:
        counts.update(set(d.values(facet)))
    return counts.most_common(n)


def test_filters_ignore_case_spacing_and_apostrophes(client: TestClient, oracle: list[Any]
                                                     ) -> None:
    for facet in S.KEYWORD_FACETS:
        top = _top(oracle, facet, 4)
        assert top, facet
        for value, count in top:
            assert _get(client, size=1, **{facet: value})["total"] == count
            for asked in (value.lower(), value.upper(), f"  {value.swapcase()} ",
                          value.replace("'", "’")):
                body = _get(client, size=1, facet_size=100, **{facet: asked})
                assert body["total"] == count, (facet, asked)
                listed = {v["value"]: v for v in body["facets"][facet]}
                assert listed[value]["selected"] and listed[value]["count"] == count


def test_unknown_value_in_any_case_gives_nothing(client: TestClient) -> None:
    assert _get(client, person="ZZ no such person")["total"] == 0


def test_and_is_the_intersection_of_single_value_results(client: TestClient,
                                                         oracle: list[Any]) -> None:
    for facet in S.ENTITY_FACETS:
        values = [v for v, _ in _top(oracle, facet, 5)]
        singles = {v: _ids(client, **{facet: v}) for v in values}
        for k in (2, 3):
            for chosen in itertools.combinations(values, k):
                expected = set.intersection(*(singles[v] for v in chosen))
                params = {facet: list(chosen), f"{facet}_op": "and"}
                assert _ids(client, **params) == expected, (facet, chosen)
                either = _ids(client, **{facet: list(chosen)})
                assert either == set.union(*(singles[v] for v in chosen))
        assert any(len(singles[a] & singles[b]) not in (0, len(singles[a]))
                   for a, b in itertools.combinations(values, 2)), facet  # a real test


def test_and_facet_counts_what_one_more_value_would_leave(client: TestClient,
                                                          oracle: list[Any]) -> None:
    docs = list(oracle)
    pairs: Counter[tuple[str, str]] = Counter()
    for d in docs:
        pairs.update(itertools.combinations(sorted(set(d.person)), 2))
    (a, b), _n = pairs.most_common(1)[0]
    body = _get(client, size=1, facet_size=20, person=[a, b], person_op="AND")
    matching = [d for d in docs if {a, b} <= set(d.person)]
    assert body["total"] == len(matching) > 0
    expected: Counter[str] = Counter()
    for d in matching:
        expected.update(set(d.person))
    for v in body["facets"][S.PERSON]:
        assert v["count"] == expected[v["value"]], v
        assert v["selected"] == (v["value"] in (a, b))


def test_bad_op_is_a_400(client: TestClient) -> None:
    for param in P.OP_PARAMS:
        r = client.get("/search", params={param: "xor", "person": "x"})
        assert r.status_code == 400
        assert r.json()["error"] == "invalid_parameter" and param in r.json()["detail"]
    assert client.get("/search", params={"source_op": "and"}).status_code == 200  # not a param
