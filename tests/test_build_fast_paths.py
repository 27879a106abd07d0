"""A full build's fast paths equal the plain ones.

The entity map's types are computed side by side in a process pool: the map equals the one
computed in one process, type after type. Workers give a full build each document as a
:class:`~indexer.spill.Parcel` (the document pickled once, in the worker, plus the few
things the building process reads of it), and the spill parks those bytes as they are. The
reference is the plain path: the prepared documents themselves, counted from their fields and
pickled by the building process. Both must give the same documents, in the same order, and the
same counts for the entity map. The counts reach the map in key order, so the map does not
depend on the order they were counted in.
"""

from __future__ import annotations

import gzip
import multiprocessing
import pickle
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import pytest

from indexer import lexicon, store
from indexer import schema as S
from indexer.analysis import Analyzer
from indexer.chunk_worker import prepare_all, process_chunk
from indexer.document import Prepared, prepare_article
from indexer.entity_map import EntityMap
from indexer.entity_norm import CorpusCounts, compute_map
from indexer.map_apply import apply_map
from indexer.map_workers import map_pool, mapped
from indexer.records import Chunk, DecodeStats, Problem, Record, iter_chunks, records_of
from indexer.spill import Parcel, Spill, alias_person, count_prepared, evidence_of, in_key_order


@pytest.fixture(scope="module")
def chunks(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Chunk]:
    """Every 150th corpus article (with its empty bodies, which are skipped), in small chunks."""
    with gzip.open(shared_dir / "corpus" / "clickid-news" / "articles.jsonl.gz", "rb") as f:
        rows = [orjson.loads(x) for i, x in enumerate(f) if i % 150 == 0]
    rows.append({"id": "empty", "body": "", "title": "Kosong"})
    path = tmp_path_factory.mktemp("parcels") / "sample.jsonl"
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    out = [c for c in iter_chunks(path, chunk_lines=40) if isinstance(c, Chunk)]
    assert len(out) == -(-len(rows) // 40)
    return out


def _analyzer() -> Analyzer:
    return Analyzer(lexicon=lexicon.static_names(), protect_names=True)


def _same(a: Prepared, b: Prepared) -> None:
    assert (a.id, a.date, a.origin, a.fields) == (b.id, b.date, b.origin, b.fields)
    assert np.array_equal(a.fingerprint.hashvalues, b.fingerprint.hashvalues)
    assert (a.fingerprint.size, a.fingerprint.source) == (b.fingerprint.size, b.fingerprint.source)


def _counts(preps: list[Prepared]) -> CorpusCounts:
    counts = CorpusCounts()
    for p in preps:
        count_prepared(counts, p)
    return counts


def test_parcels_carry_the_prepared_documents(chunks: list[Chunk]) -> None:
    plain = [process_chunk(c, _analyzer()) for c in chunks]
    packed = [process_chunk(c, _analyzer(), parcels=True) for c in chunks]
    preps = [p for r in plain for p in r.prepared]
    parcels = [p for r in packed for p in r.parcels]
    assert all(not r.parcels for r in plain) and all(not r.prepared for r in packed)
    assert len(parcels) == len(preps) > 100
    assert [r.problems for r in plain] == [r.problems for r in packed]
    for prep, par in zip(preps, parcels, strict=True):
        _same(par.unpack(), prep)
        assert (par.id, par.date) == (prep.id, prep.date)
        assert np.array_equal(par.fingerprint.hashvalues, prep.fingerprint.hashvalues)
        assert dict(par.facets) == {t: prep.fields[name] for t, name in S.ENTITY_FIELDS.items()
                                    if name in prep.fields}
        assert par.category == (prep.fields.get(S.CATEGORY) or "")
        assert (par.links, par.cited, par.kinds) == evidence_of(prep)
    # what the building process learns from a chunk is the same either way
    for a, b in zip(plain, packed, strict=True):
        assert (a.learned, a.lower_seen, a.entity_docs) == (b.learned, b.lower_seen,
                                                            b.entity_docs)


def _in_turn(items: list[Record | Problem], analyzer: Analyzer
             ) -> list[tuple[Prepared, S.StoredArticle] | Problem]:
    """The reference: each record prepared whole before the next."""
    out: list[tuple[Prepared, S.StoredArticle] | Problem] = []
    for item in items:
        if isinstance(item, Problem):
            out.append(item)
            continue
        try:
            out.append(prepare_article(item, analyzer))
        except Exception as e:
            out.append(Problem(item.origin, "internal error", f"{type(e).__name__}: {e}"))
    return out


def test_a_chunk_prepared_step_by_step_is_its_records_prepared_in_turn(chunks: list[Chunk]
                                                                       ) -> None:
    # a record the reader fails on (its body no text) among the others: one problem, in place
    bad = Record("bad:1", {"id": "bad", "title": "Judul", "body": 5})  # type: ignore[dict-item]
    plain, stepped = _analyzer(), _analyzer()
    for n, chunk in enumerate(chunks):
        items = list(records_of(chunk, DecodeStats()))
        if n == 1:
            items.insert(3, bad)
            # and one without a headline: the lead sentence stands in for it
            first = next(r for r in items if isinstance(r, Record) and r.fields.get("body"))
            untitled = Record("untitled:1", {**first.fields, "id": "untitled", "title": ""})
            items.insert(5, untitled)
        want, got = _in_turn(items, plain), prepare_all(items, stepped)
        assert len(got) == len(want) == len(items)
        for w, g in zip(want, got, strict=True):
            if isinstance(w, Problem):
                assert g == w
            else:
                assert isinstance(g, tuple) and g[1] == w[1]
                _same(g[0], w[0])
        assert (stepped.drain_learned(), stepped.drain_lower_seen(), stepped.stemmed_count) \
            == (plain.drain_learned(), plain.drain_lower_seen(), plain.stemmed_count)
    assert any(isinstance(p, Problem) and p.reason == "internal error" and p.origin == "bad:1"
               for p in prepare_all([bad], _analyzer()))
    derived = [o for o in prepare_all([untitled], _analyzer()) if isinstance(o, tuple)]
    assert [s.title_derived for _, s in derived] == [True]


def _old_spill(preps: list[Prepared], tmp: Path) -> tuple[CorpusCounts, list[Prepared]]:
    """The reference: each document pickled by the building process and read back."""
    with (tmp / "ref").open("w+b") as f:
        for p in preps:
            pickle.dump(p, f, protocol=pickle.HIGHEST_PROTOCOL)
        f.seek(0)
        back = [pickle.load(f) for _ in preps]
    return _counts(preps), back


@pytest.mark.parametrize("given", ["parcels", "prepared", "mixed"])
def test_the_spill_gives_back_what_the_plain_path_gives(chunks: list[Chunk], tmp_path: Path,
                                                        given: str) -> None:
    preps = [p for c in chunks for p in process_chunk(c, _analyzer()).prepared]
    parcels = [p for c in chunks for p in process_chunk(c, _analyzer(), parcels=True).parcels]
    ref_counts, ref_docs = _old_spill(preps, tmp_path)
    spill = Spill(tmp_path)
    items: list[Any] = {"parcels": parcels, "prepared": preps,
                        "mixed": [x if i % 2 else y for i, (x, y) in
                                  enumerate(zip(parcels, preps, strict=True))]}[given]
    for item in items:
        assert isinstance(item, Parcel | Prepared)
        spill.add(item)
    assert spill.counts == ref_counts
    assert spill.counts.evidence.links  # the sample has short forms to count
    assert sum(len(c) for c in ref_counts.entities.values()) > 50
    back = list(spill.replay())
    assert len(back) == len(ref_docs)
    for got, want in zip(back, ref_docs, strict=True):
        _same(got, want)


def test_the_map_computed_side_by_side_equals_the_map_computed_in_turn(
        chunks: list[Chunk]) -> None:
    counts = _counts([p for c in chunks for p in process_chunk(c, _analyzer()).prepared])
    # a ticket whose halves are values of their own, and a name written as an ORG and a LOC
    counts.entities["PER"].update({"Prabowo-Sandi": 3, "Prabowo": 40, "Sandi": 20})
    counts.entities["ORG"].update({"Juventus": 5})
    counts.entities["LOC"].update({"Juventus": 4})
    plain = compute_map(counts.entities, counts.categories, alias_person, counts.evidence)
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork")) as pool:
        side_by_side = compute_map(counts.entities, counts.categories, alias_person,
                                   counts.evidence, pool.submit)
    assert side_by_side == plain
    assert side_by_side.to_json() == plain.to_json()
    assert plain.values.get("PER", {}).get("Prabowo-Sandi") == ("Prabowo", "Sandi")
    assert all(plain.values.get(t) for t in S.ENTITY_TYPES)  # every type's part is used



def test_the_counts_go_to_the_map_in_key_order(chunks: list[Chunk], tmp_path: Path) -> None:
    spill = Spill(tmp_path)
    for p in (p for c in chunks for p in process_chunk(c, _analyzer(), parcels=True).parcels):
        spill.add(p)
    c = spill.counts
    ordered = in_key_order(c)
    assert ordered == c
    mappings = (*ordered.entities.values(), ordered.categories, ordered.person_categories,
                ordered.evidence.links, ordered.evidence.cited, ordered.evidence.kinds)
    assert all(list(m) == sorted(m) for m in mappings)
    assert sum(map(len, mappings)) > 100 and ordered.evidence.links
    assert type(ordered.entities["PER"]) is Counter and list(ordered.entities) == list(c.entities)


def test_the_map_does_not_depend_on_the_order_values_were_counted_in(tmp_path: Path) -> None:
    """Counted in one order or the other (string hashes, salted per process, order an
    article's set of values), one corpus's counts give one map: where the map breaks a tie by
    the order of the counts (these regnal numbers), it sees them in key order."""
    persons = {"Hamengku Buwono I": 1, "Sri Sultan Hamengku Buwono I": 1,
               "Sri Sultan Hamengku Buwono III": 1, "Sri Sultan Hamengku Buwono IX": 1,
               "Sri Sultan Hamengku Buwono X": 1, "Hamengku Buwono X": 5}
    maps = []
    for order in (sorted(persons), sorted(persons, reverse=True)):
        spill = Spill(tmp_path)
        spill.counts.entities["PER"].update({k: persons[k] for k in order})
        maps.append(spill.entity_map(None))
    assert maps[0].values["PER"]  # the names are joined: there is a tie to break
    assert maps[0] == maps[1]


def test_one_map_is_saved_as_one_file(tmp_path: Path) -> None:
    counts = {"Joko Widodo": 9, "Jokowi": 5, "Widodo": 2, "Prabowo": 7}
    values = {"Jokowi": ("Joko Widodo",), "Widodo": ("Joko Widodo",)}
    files = []
    for n, order in enumerate((sorted(counts), sorted(counts, reverse=True))):
        emap = EntityMap(values={"PER": {v: values[v] for v in order if v in values}},
                         counts={"PER": {v: counts[v] for v in order}})
        (tmp_path / str(n)).mkdir()
        store.save_entity_map(tmp_path / str(n), emap)
        files.append((tmp_path / str(n) / store.ENTITY_MAP).read_bytes())
    assert files[0] == files[1]
    assert EntityMap.from_json(orjson.loads(files[0])) == emap


@pytest.mark.parametrize("workers", [1, 2])
def test_the_map_applied_in_workers_gives_what_it_gives_here(chunks: list[Chunk],
                                                             tmp_path: Path, workers: int) -> None:
    """The write-out's documents, mapped in a pool forked with the map (which sends back what
    it changed), in batches that do not divide the spill evenly: the documents ``apply_map``
    gives in the building process, in the same order."""
    parcels = [p for c in chunks for p in process_chunk(c, _analyzer(), parcels=True).parcels]
    spill, again = Spill(tmp_path), Spill(tmp_path)
    for p in parcels:
        spill.add(p)
        again.add(p)
    emap = spill.entity_map(None)
    want = [apply_map(p, emap) for p in again.replay()]
    with map_pool(workers, emap) as pool:
        assert (pool is None) == (workers == 1)
        got = list(mapped(spill, emap, pool, batch_size=7))
    assert len(got) == len(want) == len(parcels) > 7 * 5
    for a, b in zip(got, want, strict=True):
        _same(a, b)
        assert list(a.fields) == list(b.fields)  # tantivy is given the fields in one order
    changed = sum(a.fields != p.unpack().fields for a, p in zip(got, parcels, strict=True))
    assert changed > 10  # the map changes documents: the comparison is of mapped ones
