"""The fast paths of stories proven equal to datasketch and to the incremental reference: the
numpy MinHash equals datasketch's ``update_batch``, the band buckets give ``MinHashLSH``'s
candidates, and :func:`cluster_batch` gives :func:`cluster_all`'s stories."""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import pytest
from datasketch import MinHash, MinHashLSH
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.clean import clean_body
from indexer.stories import (
    BANDS,
    NUM_PERM,
    ROWS,
    Fingerprint,
    Stories,
    cluster_all,
    cluster_batch,
    fingerprint,
    shingle_hashes,
    shingle_words,
)

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


def test_numpy_minhash_equals_datasketch_on_the_corpus(
        bodies: list[tuple[str, str, str, int | None]]) -> None:
    for _id, body, _src, _day in bodies:
        assert np.array_equal(fingerprint(body).hashvalues, _datasketch(body))
    long = " ".join(f"w{i}" for i in range(20_000))  # more shingles than one numpy block
    assert np.array_equal(fingerprint(long).hashvalues, _datasketch(long))
    assert np.array_equal(fingerprint("").hashvalues, _datasketch(""))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_numpy_minhash_equals_datasketch_on_any_text(text: str) -> None:
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


_TEXTS = ["a b c d e f g h", "a b c d e f g x", "p q r s t u v w", "p q r s t u v", "z"]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), st.sampled_from(_TEXTS), st.integers(0, 4)),
                max_size=30))
def test_batch_clustering_equals_incremental_on_any_items(
        items: list[tuple[int, str, int]]) -> None:
    prints = [(f"d{i}", fingerprint(text, "s" if i % 2 else ""), day * 86_400)
              for i, text, day in items]
    assert cluster_batch(prints).assignments() == cluster_all(prints).assignments()


def _regex_words(body: str) -> list[bytes]:
    return re.sub(r"[\W_]+", " ", body.lower()).encode().split()


def test_shingle_words_equal_the_regex_on_the_corpus(
        bodies: list[tuple[str, str, str, int | None]]) -> None:
    ascii_bodies = 0
    for _id, body, _src, _day in bodies:
        assert shingle_words(body) == _regex_words(body)
        ascii_bodies += body.isascii()
    assert ascii_bodies >= 100  # the byte-table path is taken


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=200) | st.text(max_size=50))
def test_shingle_words_equal_the_regex_on_any_text(text: str) -> None:
    assert shingle_words(text) == _regex_words(text)
