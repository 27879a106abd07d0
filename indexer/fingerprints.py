"""Fingerprints of article bodies for the stories (:mod:`indexer.stories`), computed in the
build's worker processes: :func:`fingerprint` is the MinHash of the body's word 3-shingle set
(datasketch's ``affine32`` scheme and permutations, :data:`NUM_PERM` of them, computed by the
compiled loops of :mod:`indexer._shingle`: datasketch's ``update_batch`` hashes through a Python
call per shingle and took ~15x as long; the tests prove the values equal) and the set's size.
It is what a build adds to each article's work in the workers, so it is kept to a few tens of
µs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import numpy as np

from indexer._shingle import (
    affine_minhash,
    ascii_word_crcs,
    drop_repeats,
    mix_shingles,
    text_word_crcs,
)

NUM_PERM: Final = 128
SHINGLE: Final = 3  # words per shingle
_SEED: Final = 1
_MIX: Final = (np.uint32(0x9E3779B1), np.uint32(0x85EBCA77))


def affine32_permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's ``MinHash(num_perm, seed, scheme="affine32").permutations`` (a test proves
    them equal): odd multipliers and offsets mod 2^32 from numpy's seeded ``RandomState``.
    Written out because importing datasketch imports scipy, ~0.4-0.5 s CPU at the start of
    every command and server that reads stories, for these two arrays."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


_PERM_A, _PERM_B = affine32_permutations(NUM_PERM, _SEED)
_EMPTY: Final = np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)  # datasketch's empty MinHash


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """A body's MinHash values (uint32, :data:`NUM_PERM`), its shingle-set size, and the
    outlet that published it (casefolded; "" when unknown)."""

    hashvalues: np.ndarray
    size: int
    source: str = ""

    def __reduce__(self) -> tuple[object, tuple[bytes, int, str]]:
        # Prepared documents cross a process boundary and go through the spill file: the
        # values as bytes pickle in ~0.3 µs, an ndarray in ~7 µs (and ~5 µs back)
        return (_from_bytes, (self.hashvalues.astype(np.uint32, copy=False).tobytes(),
                              self.size, self.source))


def _from_bytes(values: bytes, size: int, source: str) -> Fingerprint:
    return Fingerprint(np.frombuffer(values, dtype=np.uint32), size, source)


def shingle_hashes(body: str) -> np.ndarray:
    """The distinct 32-bit hashes of the body's lowercased word 3-shingles (a body of fewer
    words is one shingle), ascending. Words are the runs of letters and digits (``[^\\W_]+``),
    hashed by ``zlib.crc32`` of their UTF-8 (:mod:`indexer._shingle`). The arithmetic is mod
    2^32 throughout (uint32): the low 32 bits of a sum or product depend only on the low 32
    bits of its operands."""
    if body.isascii():  # the usual case: lowercased, split and hashed in one pass over bytes
        crcs = np.empty(len(body) // 2 + 1, dtype=np.uint32)  # room for every word
        h = crcs[:ascii_word_crcs(body.encode(), crcs)]
    else:
        lower = body.lower()  # may be longer than the body ("İ" -> "i̇")
        crcs = np.empty(len(lower) // 2 + 1, dtype=np.uint32)
        h = crcs[:text_word_crcs(lower, crcs)]
    if not len(h):
        return np.zeros(0, dtype=np.uint32)
    if len(h) < SHINGLE:
        return np.array([np.bitwise_xor.reduce(h * _MIX[0])], dtype=np.uint32)
    h = h[:mix_shingles(h, len(h), *_MIX)]  # in place: each three words' hash
    h.sort()  # then drop repeats (np.unique does the same at ~5x the cost on bodies this size)
    return h[:drop_repeats(h, len(h))].copy()


def minhash_values(shingles: np.ndarray) -> np.ndarray:
    """datasketch's affine32 MinHash values (seed :data:`_SEED`) of these 32-bit hashes."""
    out = _EMPTY.copy()
    affine_minhash(np.ascontiguousarray(shingles, dtype=np.uint32), _PERM_A, _PERM_B, out)
    return out


def fingerprint(body: str, source: str = "") -> Fingerprint:
    shingles = shingle_hashes(body)
    return Fingerprint(minhash_values(shingles), len(shingles), source.strip().casefold())

