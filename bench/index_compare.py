"""Whether two index directories built from the same corpus hold the same index: for a change
to the build that must not change its output.

Compared: the tantivy segments' files, extension by extension (terms, postings, positions,
fast fields, field norms and the document store: equal bytes mean equal terms in every field
and equal stored documents), each document's stored fields by id (which says which documents
differ when the files do), the saved entity map, stories, stem cache, casing counts and name
lists, and the generation's meta without its times.

    PYTHONHASHSEED=0 warta reindex CORPUS --index DIR_A   # the reference checkout
    PYTHONHASHSEED=0 warta reindex CORPUS --index DIR_B   # the changed one
    python -m bench.index_compare DIR_A DIR_B

Build both with the same PYTHONHASHSEED: the map a build decides depends on it (two builds of
one checkout with different seeds can differ). Exits 1 when anything differs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np
import tantivy

from indexer import schema as S
from indexer import store

SEGMENT_FILES = ("term", "idx", "pos", "fast", "fieldnorm", "store")
STATE_FILES = ("stems.json", "lower_df.json", "names.json")
GENERATION_FILES = ("entities.json",)
# In warta.json, how a build ran, not what it built: when, how fast, and how many words
# Sastrawi stemmed (each worker stems the words it meets first, so that varies with which
# worker took which chunk).
_TIMES = ("built", "seconds", "generation", "stemmed_words")


def _segment_digests(gen: Path) -> dict[str, list[str]]:
    """Extension -> the sorted digests of that extension's files (one per segment)."""
    out: dict[str, list[str]] = defaultdict(list)
    for f in gen.iterdir():
        ext = f.suffix.lstrip(".")
        if ext in SEGMENT_FILES:
            out[ext].append(hashlib.sha256(f.read_bytes()).hexdigest())
    return {k: sorted(v) for k, v in out.items()}


def _stored(gen: Path) -> dict[str, dict[str, Any]]:
    """Document id -> its stored fields."""
    index = tantivy.Index.open(str(gen))
    searcher = index.searcher()
    out: dict[str, dict[str, Any]] = {}
    for _score, address in searcher.search(tantivy.Query.all_query(), searcher.num_docs).hits:
        doc = searcher.doc(address).to_dict()
        out[doc[S.ID][0]] = doc
    return out


def _without_times(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_times(v) for k, v in value.items() if k not in _TIMES}
    return value


def _stories(gen: Path) -> dict[str, np.ndarray]:
    with np.load(gen / "stories.npz", allow_pickle=False) as z:
        return {k: z[k] for k in z.files}


def compare(a: Path, b: Path) -> list[str]:
    """What differs between index directories ``a`` and ``b`` (empty when nothing does)."""
    gen_a, gen_b = store.current_generation(a), store.current_generation(b)
    if gen_a is None or gen_b is None:
        return [f"no index in {a if gen_a is None else b}"]
    diffs: list[str] = []
    seg_a, seg_b = _segment_digests(gen_a), _segment_digests(gen_b)
    for ext in SEGMENT_FILES:
        if seg_a.get(ext) != seg_b.get(ext):
            diffs.append(f"segment files .{ext}")
    docs_a, docs_b = _stored(gen_a), _stored(gen_b)
    if docs_a.keys() != docs_b.keys():
        diffs.append(f"document ids: {len(docs_a.keys() ^ docs_b.keys())} in one index only")
    unequal = [i for i in docs_a.keys() & docs_b.keys() if docs_a[i] != docs_b[i]]
    if unequal:
        diffs.append(f"stored fields of {len(unequal)} documents, e.g. {sorted(unequal)[:3]}")
    for name in STATE_FILES:
        if (a / name).read_bytes() != (b / name).read_bytes():
            diffs.append(name)
    for name in GENERATION_FILES:
        if (gen_a / name).read_bytes() != (gen_b / name).read_bytes():
            diffs.append(f"generation's {name}")
    meta_a = _without_times(json.loads((gen_a / "warta.json").read_text()))
    meta_b = _without_times(json.loads((gen_b / "warta.json").read_text()))
    if meta_a != meta_b:
        diffs.append("generation's warta.json (times left out)")
    st_a, st_b = _stories(gen_a), _stories(gen_b)
    if st_a.keys() != st_b.keys() or any(not np.array_equal(st_a[k], st_b[k]) for k in st_a):
        diffs.append("stories.npz")
    return diffs


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("a", type=Path)
    p.add_argument("b", type=Path)
    args = p.parse_args()
    diffs = compare(args.a, args.b)
    for d in diffs:
        print(f"DIFFERENT: {d}")
    if not diffs:
        print(f"same index: {args.a} and {args.b}")
    sys.exit(1 if diffs else 0)


if __name__ == "__main__":
    main()
