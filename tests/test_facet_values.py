"""Facet values end to end on a real index of CLICK-ID articles picked for the cases of issue 15:
headline entities, split names, tickets, variants, categories by case; the stored map applied
by ``warta add`` exactly as by ``warta reindex``; ``warta stats`` shows the largest merges."""

from __future__ import annotations

import gzip
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
import tantivy

from indexer import schema as S
from indexer import store
from indexer.build import add, reindex
from indexer.document import load_payload
from indexer.facet_quality import facet_counts, fragments, tickets, variants
from indexer.stats import index_stats

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "clickid-news" / "articles.jsonl.gz"
HEADLINE = "Jokowi Tunjuk Hanif Dhakiri sebagai Plt Menpora"
# Words of the cases; every record naming one is taken (capped), plus the first of two outlets
# whose categories differ only in case.
CASE_WORDS = ("Habibie", "Trump", "Golkar", "Cina", "Tiongkok", "Ma'ruf", "Ma’ruf",
              "Sandiaga", "Sri Mulyani", HEADLINE)
PER_WORD = 60


def _pick() -> list[dict[str, object]]:
    taken: dict[str, int] = {}
    categories: dict[str, int] = {}
    out = []
    with gzip.open(CORPUS, "rb") as f:
        for line in f:
            d = orjson.loads(line)
            d.pop("content_raw", None)
            text = f"{d['title']} {d['body']}"
            word = next((w for w in CASE_WORDS if w in text and taken.get(w, 0) < PER_WORD), None)
            cat = str(d.get("category") or "")
            if word is None and cat.lower() == "bola" and categories.get(cat, 0) < 15:
                word = cat
                categories[cat] = categories.get(cat, 0) + 1
            if word is not None or HEADLINE in text:
                taken[word or HEADLINE] = taken.get(word or HEADLINE, 0) + 1
                out.append(d)
    return out


@pytest.fixture(scope="module")
def picked(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory
           ) -> tuple[Path, list[dict[str, object]]]:
    records = _pick()
    assert {"Bola", "bola"} <= {r.get("category") for r in records}
    path = tmp_path_factory.mktemp("picked") / "picked.jsonl"
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    return path, records


@pytest.fixture(scope="module")
def picked_index(picked: tuple[Path, list[dict[str, object]]],
                 tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("picked-index")
    report = reindex([picked[0]], out, workers=2)
    assert report.written > 300, report.as_dict()
    return out


def _payloads(index_dir: Path) -> Iterator[S.StoredArticle]:
    searcher = store.open_index(index_dir).searcher()
    for _score, addr in searcher.search(tantivy.Query.all_query(), 100_000).hits:
        yield load_payload(bytes(searcher.doc(addr).to_dict()[S.PAYLOAD][0]))


def test_headline_entities_with_their_field(picked_index: Path) -> None:
    found = [p for p in _payloads(picked_index) if p.title == HEADLINE]
    assert found
    for p in found:
        assert "Joko Widodo" in p.entities["PER"]
        heads = [m for m in p.mentions if m.field == "title"]
        assert ("Joko Widodo", "Jokowi") in {(m.name, p.title[m.start:m.end]) for m in heads}
    for p in _payloads(picked_index):
        for m in p.mentions:
            text = p.title if m.field == "title" else p.body
            assert m.field in ("title", "body") and 0 <= m.start < m.end <= len(text)
            assert m.name in p.entities[m.type]
        assert set(p.entities) == set(S.ENTITY_TYPES)
        assert {(m.type, m.name) for m in p.mentions} == {
            (t, v) for t, vs in p.entities.items() for v in vs}


def test_one_value_per_entity(picked_index: Path) -> None:
    counts = facet_counts(picked_index)
    persons = dict(counts[S.PERSON])
    assert "Bacharuddin Jusuf Habibie" in persons and "Habibie" not in persons
    assert "Donald Trump" in persons and "Trump" not in persons
    assert "Joko Widodo" in persons and "Ma'ruf Amin" in persons
    assert not tickets(counts[S.PERSON])
    for ticket in ("Joko Widodo-Ma'ruf Amin", "Joko Widodo-Ma’ruf Amin", "Jokowi-Ma'ruf Amin"):
        assert ticket not in persons
    places, orgs = dict(counts[S.PLACE]), dict(counts[S.ORG])
    assert len({"China", "Cina", "Tiongkok"} & set(places)) == 1  # the most used of them
    assert "Golkar" not in orgs and "Partai Golkar" in orgs
    for facet in S.KEYWORD_FACETS:
        assert variants(counts[facet]) == [], facet
    assert len(fragments([v for v, _ in counts[S.PERSON][:100]])) <= 3
    cats = [c for c, _n in counts[S.CATEGORY] if c.lower() == "bola"]
    assert len(cats) == 1  # the picked records have both "Bola" and "bola"


def test_index_fields_and_payload_agree(picked_index: Path) -> None:
    expected: dict[str, Counter[str]] = {f: Counter() for f in S.KEYWORD_FACETS}
    for p in _payloads(picked_index):
        for t, facet in S.ENTITY_FIELDS.items():
            expected[facet].update(p.entities[t])
        expected[S.CATEGORY].update([p.category] if p.category else [])
        expected[S.SOURCE].update([p.source])
    counts = facet_counts(picked_index)
    for facet in S.KEYWORD_FACETS:
        assert dict(counts[facet]) == dict(expected[facet]), facet


def test_add_applies_the_map_as_reindex_does(picked: tuple[Path, list[dict[str, object]]],
                                             tmp_path: Path) -> None:
    index_dir = tmp_path / "idx"
    reindex([picked[0]], index_dir, workers=2)
    before = {p.id: p for p in _payloads(index_dir)}
    counts = facet_counts(index_dir)
    emap = store.load_entity_map(index_dir)
    assert emap.merges(1), "the picked corpus has merges"
    # Re-adding records updates them in place: each must come out as the full build made it.
    again = tmp_path / "again.jsonl"
    records = picked[1]
    again.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    report = add([again], index_dir, workers=2)
    assert report.updated == len(before) and report.indexed == 0
    after = {p.id: p for p in _payloads(index_dir)}
    assert after.keys() == before.keys()
    for doc_id, p in before.items():
        q = after[doc_id]
        assert (q.entities, q.mentions, q.category) == (p.entities, p.mentions, p.category)
    assert facet_counts(index_dir) == counts
    assert store.load_entity_map(index_dir) == emap  # add keeps the map; reindex recomputes


def test_stats_show_the_largest_merges(picked_index: Path) -> None:
    merges = index_stats(picked_index)["merges"]
    assert merges and merges == store.load_entity_map(picked_index).merges(len(merges))
    assert merges[0]["count"] >= merges[-1]["count"]
    out = subprocess.run([sys.executable, "-m", "indexer.cli", "stats", "--index",
                          str(picked_index)], capture_output=True, text=True, check=True).stdout
    assert "largest entity merges" in out
    first = merges[0]
    assert f"{first['type']} {first['value']} -> " in out
