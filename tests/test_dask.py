"""Analysis on a Dask cluster (a real LocalCluster of 2 worker processes) gives byte-identical
documents to the local fork pool, and feeds a build like it."""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from indexer import build
from indexer.analysis import Analyzer
from indexer.build_report import BuildReport
from indexer.document import Prepared
from indexer.feed import feed_analysis

N_DOCS = 300

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from distributed import LocalCluster


@pytest.fixture(scope="module")
def dask_address() -> Iterator[str]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def corpus(corpus_records: tuple[Path, list[dict[str, object]]],
           tmp_path_factory: pytest.TempPathFactory) -> Path:
    _, records = corpus_records
    path = tmp_path_factory.mktemp("dask") / "articles.jsonl"
    chosen = records[:N_DOCS] + records[-5:]  # and the synthetic edge cases
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in chosen))
    return path


def _bytes(prep: Prepared) -> bytes:
    """A document's fields as bytes (the payload is already orjson bytes; dates as ISO)."""
    return orjson.dumps({k: v.decode() if isinstance(v, bytes) else v
                         for k, v in prep.fields.items()})


class _Collect:
    def __init__(self) -> None:
        self.docs: list[Prepared] = []

    def add(self, prep: Prepared) -> None:
        self.docs.append(prep)


def _documents(path: Path, dask_address: str | None
               ) -> tuple[list[bytes], Analyzer, dict[str, dict[str, int]]]:
    analyzer = Analyzer()  # as a rebuild starts: the shipped lexicon, nothing learnt yet
    sink, report = _Collect(), BuildReport()
    entity_docs: Counter[str] = Counter()
    feed_analysis([path], {}, analyzer, sink.add, report, None, entity_docs, workers=2,
                        dask_address=dask_address)
    docs = [p.id.encode() + b"\t" + _bytes(p) for p in sink.docs]
    return docs, analyzer, {"skipped": dict(report.skipped), "entity_docs": dict(entity_docs)}


def test_dask_documents_are_byte_identical_to_the_local_pool(corpus: Path,
                                                             dask_address: str) -> None:
    local, local_analyzer, local_counts = _documents(corpus, None)
    remote, remote_analyzer, remote_counts = _documents(corpus, dask_address)
    assert len(local) > N_DOCS - 10
    assert remote == local
    # What the workers learnt comes back alike: skips, the lexicon's evidence, the stems.
    assert remote_counts == local_counts
    assert remote_analyzer.lower_df == local_analyzer.lower_df
    assert remote_analyzer.stems == local_analyzer.stems


def test_dask_feeds_a_tantivy_build(corpus: Path, dask_address: str, tmp_path: Path) -> None:
    local = build.reindex([corpus], tmp_path / "local", workers=2)
    remote = build.reindex([corpus], tmp_path / "dask", dask_address=dask_address)
    # (How many words Sastrawi stemmed depends on which worker saw a word first.)
    same = {"seconds": 0, "generation": "", "stemmed_words": 0}
    assert remote.as_dict() | same == local.as_dict() | same
