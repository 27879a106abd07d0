"""Related articles remembered per snapshot (:mod:`search_api.related_cache`): the remembered
answer is the one computed afresh, a view asks the index once, and a commit is seen at once."""

from __future__ import annotations

from pathlib import Path

import orjson
from tantivy import Query

from indexer.build import add, reindex
from search_api import related_cache as RC
from search_api import results, service, snapshot
from search_api import stories as ST
from search_api.facet_cache import LRU
from search_api.stories import Related


def fresh(holder: snapshot.SearcherHolder, doc_id: str, size: int) -> Related | None:
    snap = holder.snapshot()
    return ST.related(snap.searcher, snap.schema, snap.analyzer, doc_id, size,
                      results.local_time)


def test_remembered_answers_are_the_fresh_ones(index_dir: Path) -> None:
    holder = snapshot.SearcherHolder(index_dir)
    snap = holder.snapshot()
    ids = [service.payload(snap.searcher, addr).id
           for _, addr in snap.searcher.search(Query.all_query(), 30).hits]
    for doc_id in ids:
        first = service.related(holder, doc_id, 5)
        assert first is not None and first == fresh(holder, doc_id, 5)
        assert first.hits
        assert service.related(holder, doc_id, 5) is first  # remembered
        assert service.related(holder, doc_id, 2) == fresh(holder, doc_id, 2)
    lru: LRU[Related] = snap.cache["related"]
    assert (len(lru), lru.misses, lru.hits) == (2 * len(ids), 2 * len(ids), len(ids))
    assert service.related(holder, "no such article", 5) is None
    assert len(lru) == 2 * len(ids) and lru.bytes > 0


def test_a_commit_is_seen_at_once(tmp_path: Path) -> None:
    def record(i: int, words: str) -> bytes:
        return orjson.dumps({"id": f"doc-{i}", "title": f"Kabar {i}", "source": "uji",
                             "body": words, "date": f"2021-03-{1 + i % 28:02d}"}) + b"\n"

    vocab = ("harga cabai naik pasar tim bola menang stadion guru sekolah dasar honorer jalan tol "
             "macet mudik kereta api stasiun hujan deras sungai meluap sawah panen padi petani "
             "nelayan laut ikan kapal pelabuhan bandara pesawat tiket").split()
    others = [" ".join(vocab[(i * 5 + k) % len(vocab)] for k in range(12)) for i in range(20)]
    quake = "gempa bumi mengguncang wilayah pesisir selatan warga panik berlarian keluar rumah"
    first = tmp_path / "first.jsonl"
    first.write_bytes(record(0, quake) + b"".join(record(i + 1, w) for i, w in enumerate(others)))
    index = tmp_path / "index"
    reindex([first], index, workers=1)
    holder = snapshot.SearcherHolder(index)
    before = service.related(holder, "doc-0", 5)
    assert before is not None and service.related(holder, "doc-0", 5) is before
    assert "doc-30" not in [h.id for h in before.hits]
    second = tmp_path / "second.jsonl"
    second.write_bytes(record(30, "relawan mendirikan tenda darurat setelah gempa bumi "
                                  "mengguncang pesisir selatan semalam dan logistik dikirim"))
    add([second], index, workers=1)
    after = service.related(holder, "doc-0", 5)
    assert after is not None and after == fresh(holder, "doc-0", 5)
    assert "doc-30" in [h.id for h in after.hits]


def test_answer_bytes_grow_with_the_answer() -> None:
    hit = ST.RelatedArticle("a" * 10, "t" * 50, "u" * 40, "s", None, 1.0, "story")
    small, big = Related("x", "story", (hit,)), Related("x", "story", (hit, hit, hit))
    assert RC.answer_bytes(big) - RC.answer_bytes(small) == 2 * RC.answer_bytes(small) - 2 * (
        RC._ANSWER_BYTES + 1)
