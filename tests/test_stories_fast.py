"""The fast paths of stories proven equal to datasketch and to the incremental reference: the
compiled shingle hashes equal their plain-Python definition, the compiled MinHash equals
datasketch's ``update_batch``, the band buckets give ``MinHashLSH``'s
candidates, and :func:`cluster_batch` gives :func:`cluster_all`'s stories, as do a full build's
parked documents linked in a forked process."""

from __future__ import annotations

import gzip
import multiprocessing
import pickle
import re
import zlib
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import pytest
from datasketch import MinHash, MinHashLSH
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.clean import clean_body
from indexer.fingerprints import (
    NUM_PERM,
    Fingerprint,
    affine32_permutations,
    fingerprint,
    shingle_hashes,
)
from indexer.spill import Spill
from indexer.stories import BANDS, ROWS, Stories, cluster_all, cluster_batch
from indexer.story_ledger import Parked
from indexer.story_worker import story_linker

_P = MinHash(NUM_PERM, seed=1, scheme="affine32").permutations


def _datasketch(body: str) -> np.ndarray:
    m = MinHash(NUM_PERM, seed=1, hashfunc=lambda v: v, permutations=_P, scheme="affine32")
    m.update_batch(shingle_hashes(body).tolist())
    return np.asarray(m.hashvalues, dtype=np.uint32)


@pytest.fixture(scope="module")
def bodies(shared_dir: Path) -> list[tuple[str, str, str, int | None]]:
    """(id, cleaned body, outlet, day) of 600 corpus articles, each with an edited copy."""
    out: list[tuple[str, str, str, int | None]] = []
    with gzip.open(shared_dir / "corpus" / "clickid-news" / "articles.jsonl.gz", "rb") as f:
        for i, line in enumerate(f):
            if i >= 300:
                break
            r: dict[str, Any] = orjson.loads(line)
            body = clean_body(str(r.get("body") or ""))
            day = (i % 5) * 86_400 if i % 7 else None
            out.append((str(r["id"]), body, str(r.get("outlet") or ""), day))
            paras = body.split("\n")
            copy = "\n".join(["JAKARTA - " + paras[0], *paras[1:-1]]).replace(" yang ", " yg ", 2)
            out.append((f"{r['id']}-copy", copy, "copy.test", day))
    return out


def test_compiled_minhash_equals_datasketch_on_the_corpus(
        bodies: list[tuple[str, str, str, int | None]]) -> None:
    for _id, body, _src, _day in bodies:
        assert np.array_equal(fingerprint(body).hashvalues, _datasketch(body))
    long = " ".join(f"w{i}" for i in range(20_000))
    assert np.array_equal(fingerprint(long).hashvalues, _datasketch(long))
    assert np.array_equal(fingerprint("").hashvalues, _datasketch(""))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_compiled_minhash_equals_datasketch_on_any_text(text: str) -> None:
    assert np.array_equal(fingerprint(text).hashvalues, _datasketch(text))


def test_band_buckets_give_datasketch_candidates(
        bodies: list[tuple[str, str, str, int | None]]) -> None:
    lsh = MinHashLSH(num_perm=NUM_PERM, params=(BANDS, ROWS))
    stories = Stories()
    prints = {doc_id: fingerprint(body, src) for doc_id, body, src, _day in bodies}
    for doc_id, fp in prints.items():
        lsh.insert(doc_id, _minhash(fp))
        stories.add(doc_id, fp, None)
    shared = 0
    for fp in prints.values():
        expected = set(lsh.query(_minhash(fp)))
        assert stories.candidates(fp) == expected
        shared += len(expected) > 1
    assert shared >= 300  # every copy meets its original at least


def _minhash(fp: Fingerprint) -> MinHash:
    return MinHash(seed=1, hashvalues=fp.hashvalues, permutations=_P, scheme="affine32")


def test_batch_clustering_equals_incremental_on_real_copies(
        bodies: list[tuple[str, str, str, int | None]]) -> None:
    items = [(doc_id, fingerprint(body, src), day) for doc_id, body, src, day in bodies]
    # a repeated id replaces the earlier record, as in a build
    items += [(items[0][0], items[5][1], items[5][2]), (items[9][0], items[9][1], None)]
    batch, ref = cluster_batch(items), cluster_all(items)
    assert batch.assignments() == ref.assignments()
    assert sum(len(c) > 1 for c in batch.clusters()) >= 250
    # what a batch-built state does next equals the reference's
    for stories in (batch, ref):
        stories.remove(items[1][0])
        stories.add("new", items[2][1], items[2][2])
    assert batch.assignments() == ref.assignments()


def test_parked_documents_linked_in_a_forked_process_give_the_batch_stories(
        bodies: list[tuple[str, str, str, int | None]], tmp_path: Path) -> None:
    items = [(doc_id, fingerprint(body, src), day) for doc_id, body, src, day in bodies]
    items += [(items[0][0], items[5][1], items[5][2])]  # a repeated id replaces the earlier
    ref = cluster_batch(items)
    here, forked = Parked(Spill(tmp_path)), Parked(Spill(tmp_path))
    here.prints, forked.prints = list(items), list(items)
    with story_linker(tmp_path) as linker:
        got = linker.link(forked)()
    for stories in (here.stories(), got):
        assert stories.assignments() == ref.assignments()
        assert stories.clusters() == ref.clusters()  # the same clusters, made in one order
    assert sum(len(c) > 1 for c in got.clusters()) >= 250
    assert not forked.prints  # the building process's copy is let go


def test_a_linking_process_left_before_its_prints_come_is_stopped(tmp_path: Path) -> None:
    before = set(multiprocessing.active_children())
    with pytest.raises(KeyError), story_linker(tmp_path):
        started = set(multiprocessing.active_children()) - before
        raise KeyError("the feed failed")
    assert len(started) == 1
    assert started.isdisjoint(multiprocessing.active_children())


_TEXTS = ["a b c d e f g h", "a b c d e f g x", "p q r s t u v w", "p q r s t u v", "z"]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), st.sampled_from(_TEXTS), st.integers(0, 4)),
                max_size=30))
def test_batch_clustering_equals_incremental_on_any_items(
        items: list[tuple[int, str, int]]) -> None:
    prints = [(f"d{i}", fingerprint(text, "s" if i % 2 else ""), day * 86_400)
              for i, text, day in items]
    assert cluster_batch(prints).assignments() == cluster_all(prints).assignments()


def _reference_shingle_hashes(body: str) -> list[int]:
    """The shingle hashes by their definition, in plain Python: the regex's words, zlib's CRC-32
    of each, three in a row mixed mod 2^32, the distinct values ascending."""
    words = re.sub(r"[\W_]+", " ", body.lower()).encode().split()
    h = [zlib.crc32(w) for w in words]
    if not h:
        return []
    if len(h) < 3:
        x = 0
        for v in h:
            x ^= v * 0x9E3779B1
        return [x & 0xFFFFFFFF]
    return sorted({((h[i] * 0x9E3779B1 + h[i + 1]) * 0x85EBCA77 + h[i + 2]) & 0xFFFFFFFF
                   for i in range(len(h) - 2)})


def test_shingle_hashes_equal_the_reference_on_the_corpus(
        bodies: list[tuple[str, str, str, int | None]]) -> None:
    ascii_bodies = 0
    for _id, body, _src, _day in bodies:
        assert shingle_hashes(body).tolist() == _reference_shingle_hashes(body)
        ascii_bodies += body.isascii()
    assert 100 <= ascii_bodies <= len(bodies) - 20  # both the ASCII and the Unicode path


_UNICODE = st.characters(codec="utf-8")  # any code point but lone surrogates, which UTF-8 lacks


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=200)
       | st.text(alphabet=_UNICODE, max_size=60)
       | st.text(alphabet=st.sampled_from("aZ9_ -İıßéẞ²٣ǅ\u0301😀\U00010400\t\n"), max_size=40))
def test_shingle_hashes_equal_the_reference_on_any_text(text: str) -> None:
    assert shingle_hashes(text).tolist() == _reference_shingle_hashes(text)


def test_a_fingerprint_pickles_to_itself(
        bodies: list[tuple[str, str, str, int | None]]) -> None:
    for _id, body, src, _day in bodies[:50]:
        fp = fingerprint(body, src)
        back = pickle.loads(pickle.dumps(fp, pickle.HIGHEST_PROTOCOL))
        assert (back.size, back.source) == (fp.size, fp.source)
        assert back.hashvalues.dtype == np.uint32
        assert np.array_equal(back.hashvalues, fp.hashvalues)


def test_the_permutations_are_datasketchs() -> None:
    a, b = affine32_permutations(NUM_PERM, 1)
    expected = MinHash(NUM_PERM, seed=1, scheme="affine32").permutations
    assert a.dtype == b.dtype == np.uint32
    assert np.array_equal(a, expected[0]) and np.array_equal(b, expected[1])
    for seed in (0, 7, 12345):
        a, b = affine32_permutations(64, seed)
        expected = MinHash(64, seed=seed, scheme="affine32").permutations
        assert np.array_equal(a, expected[0]) and np.array_equal(b, expected[1])
