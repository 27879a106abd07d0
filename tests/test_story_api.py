"""Stories over the API: collapsed paging against a brute-force oracle (every article's ranking
with later members of a story dropped), story counts, facet counts unchanged by collapsing,
``/stories/{id}`` and ``/articles/{id}/related`` (in-process and on a real uvicorn)."""

from __future__ import annotations

from collections import Counter
from typing import Any

import httpx
import pytest
from starlette.testclient import TestClient

from indexer.stories import story_id
from search_api.stories import differing

Json = dict[str, Any]
QUERIES = [{"q": "kwetlar OR banjir"}, {"q": "jakarta", "sort": "newest"},
           {"sort": "oldest"}, {}, {"q": "pemerintah", "sort": "recent"},
           {"q": "artis OR film", "source": "kapanlagi.com"}]


def get(client: TestClient, path: str, **params: Any) -> Json:
    res = client.get(path, params=params)
    assert res.status_code == 200, res.text
    body: Json = res.json()
    return body


def every_hit(client: TestClient, **params: Any) -> list[Json]:
    hits: list[Json] = []
    page = 1
    while True:
        body = get(client, "/search", size=100, page=page, collapse="none", **params)
        hits += body["hits"]
        if page * 100 >= body["total"]:
            return hits
        page += 1


@pytest.mark.parametrize("params", QUERIES)
def test_collapsed_pages_are_the_ranking_with_later_copies_dropped(
        client: TestClient, oracle: list[Any], params: Json) -> None:
    story = {d.id: d.story for d in oracle}
    ranking = every_hit(client, **params)
    expected, seen = [], set()
    for h in ranking:
        if story[h["id"]] not in seen:
            seen.add(story[h["id"]])
            expected.append(h["id"])
    got: list[str] = []
    size, page = 7, 1
    while True:
        body = get(client, "/search", size=size, page=page, **params)
        assert body["collapse"] == "story"
        assert body["total"] == len(ranking) and body["stories"] == len(expected)
        got += [h["id"] for h in body["hits"]]
        if not body["hits"]:
            break
        page += 1
        if page > 40:
            break
    # no story twice, no hole between pages: exactly the oracle's prefix
    assert got == expected[: len(got)]
    assert len(got) == min(len(expected), 39 * size + size)


@pytest.mark.parametrize("params", QUERIES)
def test_collapsing_changes_no_facet_count(client: TestClient, params: Json) -> None:
    collapsed = get(client, "/search", facet_size=50, **params)
    every = get(client, "/search", facet_size=50, collapse="none", **params)
    assert collapsed["facets"] == every["facets"]
    assert collapsed["total"] == every["total"]


def test_collapse_parameter_is_validated(client: TestClient) -> None:
    res = client.get("/search", params={"collapse": "source"})
    assert res.status_code == 400 and res.json()["error"] == "invalid_collapse"


def test_story_json_lists_every_member_first_report_first(
        client: TestClient, oracle: list[Any]) -> None:
    by_id = {d.id: d for d in oracle}
    sizes = Counter(d.story for d in oracle)
    multi = [s for s, n in sizes.items() if n > 1]
    assert len(multi) >= 2  # the synthetic copies and at least one real story
    for sid in multi:
        body = get(client, f"/stories/{sid}")
        members = body["members"]
        assert body["size"] == sizes[sid] == len(members)
        assert {m["id"] for m in members} == {d.id for d in oracle if d.story == sid}
        assert [m["first"] for m in members] == [True] + [False] * (len(members) - 1)
        first = members[0]
        assert story_id(first["id"]) == sid == body["id"]
        assert body["first"]["id"] == first["id"] and body["first"]["source"] == first["source"]
        assert set(body["sources"]) == {by_id[m["id"]].source for m in members}
        for m in members[1:]:
            assert m["differs"] == list(differing(by_id[m["id"]].body, by_id[first["id"]].body))
            # the first report is the earliest dated (days: the oracle keeps the WIB day)
            assert (by_id[m["id"]].date or "9999") >= (by_id[first["id"]].date or "9999")


def test_story_shows_what_a_copy_added(client: TestClient) -> None:
    body = get(client, f"/stories/{story_id('synthetic-dup-a')}")
    differs = {m["id"]: m["differs"] for m in body["members"]}
    assert differs["synthetic-dup-b"] == []  # the same text
    assert differs["synthetic-dup-c"]  # its dateline and "Baca juga" line
    assert all("Baca juga" in p or "KWETLAR" in p for p in differs["synthetic-dup-c"])


def test_unknown_story_and_article_are_404(client: TestClient) -> None:
    for path in ("/stories/0000000000000000", "/articles/no-such-id/related"):
        res = client.get(path)
        assert res.status_code == 404 and res.json()["error"] == "not_found"
    for size in ("0", "51", "x"):
        res = client.get("/articles/synthetic-xss/related", params={"size": size})
        assert res.status_code == 400 and res.json()["error"] == "invalid_parameter"


def test_related_is_outside_the_own_story_one_per_story(
        client: TestClient, oracle: list[Any]) -> None:
    story = {d.id: d.story for d in oracle}
    checked = 0
    for doc in [d for d in oracle if d.person and d.place][:15]:
        body = get(client, f"/articles/{doc.id}/related", size=5)
        assert body["id"] == doc.id and body["story"] == doc.story
        hits = body["hits"]
        assert len(hits) <= 5
        assert all(story[h["id"]] != doc.story and h["story"] == story[h["id"]] for h in hits)
        assert len({h["story"] for h in hits}) == len(hits)
        scores = [h["score"] for h in hits]
        assert scores == sorted(scores, reverse=True)
        checked += bool(hits)
    assert checked >= 12


def test_related_shares_words_or_entities(client: TestClient, oracle: list[Any]) -> None:
    by_id = {d.id: d for d in oracle}
    doc = next(d for d in oracle if len(d.person) >= 2)
    hits = get(client, f"/articles/{doc.id}/related", size=5)["hits"]
    assert hits
    mine = set(doc.person) | set(doc.org) | set(doc.place)
    shared = [set(by_id[h["id"]].person) | set(by_id[h["id"]].org) | set(by_id[h["id"]].place)
              for h in hits]
    assert any(s & mine for s in shared)


def test_stories_and_related_on_a_real_server(server: str) -> None:
    base = server
    sid = story_id("synthetic-dup-a")
    res = httpx.get(f"{base}/stories/{sid}")
    assert res.status_code == 200 and res.headers["content-type"] == "application/json"
    assert [m["id"] for m in res.json()["members"]][0] == "synthetic-dup-a"
    page = httpx.get(f"{base}/stories/{sid}",
                     headers={"accept": "text/html", "accept-language": "en"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "First reported by warta-uji" in page.text
    rel = httpx.get(f"{base}/articles/synthetic-xss/related", params={"size": 3})
    assert rel.status_code == 200 and len(rel.json()["hits"]) <= 3
    hit = httpx.get(f"{base}/search", params={"q": "kwetlar"}).json()["hits"][0]
    assert hit["story"]["size"] == 3
