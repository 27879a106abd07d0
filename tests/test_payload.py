"""A stored article's payload decodes (indexer.document.load_payload) to exactly what the plain
dataclass constructors give: every payload of the test index, and any mentions; without its
mentions, to the same article but them, which no module of the server reads."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path
from typing import Any

import orjson
import pytest
import tantivy
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer import schema as S
from indexer import store
from indexer.document import load_payload


def reference_load(data: bytes) -> S.StoredArticle:
    d = orjson.loads(data)
    d["names"] = tuple(d.get("names") or ())
    d["entities"] = {k: tuple(v) for k, v in (d.get("entities") or {}).items()}
    d["mentions"] = tuple(S.Mention(**m) for m in d.get("mentions") or ())
    return S.StoredArticle(**d)


def test_every_payload_of_the_index(index_dir: Path) -> None:
    searcher = store.open_index(index_dir).searcher()
    hits = searcher.search(tantivy.Query.all_query(), 100_000).hits
    mentions = 0
    for _, addr in hits:
        data = bytes(searcher.doc(addr).get_first(S.PAYLOAD) or b"")
        got = load_payload(data)
        assert got == reference_load(data)
        assert all(type(m) is S.Mention for m in got.mentions)
        assert load_payload(data, mentions=False) == dataclasses.replace(got, mentions=())
        mentions += len(got.mentions)
    assert len(hits) > 30 and mentions > 100


_ARTICLE: dict[str, Any] = {
    "id": "a", "url": "https://x/a", "title": "T", "title_derived": False, "body": "B",
    "source": "s", "category": "", "date": None, "names": [], "entities": {}, "origin": "f:1"}
_MENTION = st.fixed_dictionaries({
    "type": st.sampled_from(["PER", "ORG", "LOC"]), "name": st.text(max_size=20),
    "field": st.sampled_from(["title", "body"]), "start": st.integers(0, 10**6),
    "end": st.integers(0, 10**6)})


@settings(max_examples=200, deadline=None)
@given(st.lists(_MENTION, max_size=30))
def test_any_mentions(mentions: list[dict[str, Any]]) -> None:
    data = orjson.dumps({**_ARTICLE, "mentions": mentions})
    got = load_payload(data)
    assert got == reference_load(data)
    assert [hash(m) for m in got.mentions] == [hash(m) for m in reference_load(data).mentions]


@pytest.mark.parametrize("bad", [{"type": "PER"}, {**dict.fromkeys(["type", "name", "field"], ""),
                                                   "start": 0, "end": 1, "extra": 2}, ["PER"]])
def test_a_malformed_mention_fails_as_the_constructor_does(bad: object) -> None:
    data = orjson.dumps({**_ARTICLE, "mentions": [bad]})
    with pytest.raises(TypeError):
        reference_load(data)
    with pytest.raises(TypeError):
        load_payload(data)


def test_the_server_never_reads_mentions() -> None:
    """search_api decodes payloads without their mentions: none of its modules may read them."""
    root = Path(__file__).resolve().parents[1] / "search_api"
    readers = [f"{path.relative_to(root)}:{node.lineno}"
               for path in sorted(root.rglob("*.py"))
               for node in ast.walk(ast.parse(path.read_text()))
               if isinstance(node, ast.Attribute) and node.attr == "mentions"]
    assert len(list(root.rglob("*.py"))) > 20
    assert readers == []
