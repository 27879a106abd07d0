"""The full build's documents equal those of a slow, simple reference path.

``reindex`` reads in chunks, prepares in worker processes, parks the documents for the corpus
pass, clusters stories in one batch and writes with the entity map applied. The reference does
each step plainly in this process, one record at a time: :func:`prepare`, the counts and
:func:`compute_map`, :func:`apply_map`, stories clustered one article at a time
(:func:`cluster_all`), the last record of an id winning. Every stored document (id, payload
bytes, story) and every indexed term of the analysed text and keyword fields must agree.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import orjson
import pytest
import tantivy

from indexer import lexicon, store
from indexer import schema as S
from indexer.analysis import Analyzer
from indexer.build import reindex
from indexer.document import Prepared, prepare
from indexer.entity_norm import CorpusCounts, compute_map
from indexer.feed import iter_records
from indexer.map_apply import apply_map
from indexer.records import Record
from indexer.spill import alias_person, count_prepared
from indexer.stories import cluster_all
from indexer.story_ledger import epoch, story_fields

KEYWORDS = (S.ID, S.URL, S.SOURCE, S.CATEGORY, *S.ENTITY_FACETS, S.STORY)


@pytest.fixture(scope="module")
def sample(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every 90th corpus article, a copy of some under a new id (stories of several members)
    and a repeated id whose later record must win."""
    with gzip.open(shared_dir / "corpus" / "clickid-news" / "articles.jsonl.gz", "rb") as f:
        rows: list[dict[str, Any]] = [orjson.loads(x) for i, x in enumerate(f) if i % 90 == 0]
    rows += [{**r, "id": f"{r['id']}-copy", "url": f"https://copy.test/{i}",
              "body": "JAKARTA - " + str(r.get("body") or "")} for i, r in enumerate(rows[:25])]
    rows.append({**rows[3], "body": str(rows[3].get("body") or "") + "\n\nTambahan."})
    path = tmp_path_factory.mktemp("equality") / "sample.jsonl"
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    return path


def reference(path: Path) -> dict[str, dict[str, Any]]:
    analyzer = Analyzer(lexicon=lexicon.static_names(), protect_names=True)
    preps = [p for r in iter_records([path]) if isinstance(r, Record)
             for p in [prepare(r, analyzer)] if isinstance(p, Prepared)]
    counts = CorpusCounts()
    for p in preps:
        count_prepared(counts, p)
    emap = compute_map(counts.entities, counts.categories, alias_person, counts.evidence,
                       person_categories=counts.person_categories, contexts=counts.contexts,
                       articles=counts.articles)
    last = {p.id: apply_map(p, emap) for p in preps}
    stories = cluster_all((p.id, p.fingerprint, epoch(p)) for p in last.values())
    return {doc_id: {**p.fields, **story_fields(doc_id, stories.story_of(doc_id))}
            for doc_id, p in last.items()}


def _terms(doc: dict[str, Any], field_name: str) -> set[str]:
    value = doc.get(field_name)
    values = value if isinstance(value, list) else [] if value is None else [value]
    if field_name == S.TEXT_TERMS:
        return {t for v in values for t in str(v).split()}
    return {str(v) for v in values}


def test_the_build_writes_what_the_reference_path_gives(sample: Path, tmp_path: Path) -> None:
    expected = reference(sample)
    index_dir = tmp_path / "idx"
    reindex([sample], index_dir, workers=2)
    index = store.open_index(index_dir)
    searcher = index.searcher()
    schema = S.build_schema()
    assert searcher.num_docs == len(expected)
    got: dict[str, int] = {}
    for _score, addr in searcher.search(tantivy.Query.all_query(), len(expected) + 1).hits:
        doc = searcher.doc(addr).to_dict()
        doc_id = str(doc[S.ID][0])
        want = expected[doc_id]
        assert bytes(doc[S.PAYLOAD][0]) == want[S.PAYLOAD], doc_id
        assert doc[S.STORY] == [want[S.STORY]], doc_id
        got[doc_id] = addr.doc
    assert set(got) == set(expected)
    assert len({d[S.STORY] for d in expected.values()}) <= len(expected) - 25  # the copies
    # every indexed term of the analysed text and the keyword fields, both ways: the documents
    # a term finds are exactly the documents the reference gives it
    for field_name in (S.TEXT_TERMS, *KEYWORDS):
        holders: dict[str, set[str]] = {}
        for doc_id, doc in expected.items():
            for term in _terms(doc, field_name):
                holders.setdefault(term, set()).add(doc_id)
        for term, ids in holders.items():
            q = tantivy.Query.term_query(schema, field_name, term)
            hits = searcher.search(q, len(expected) + 1).hits
            found = {str(searcher.doc(a).to_dict()[S.ID][0]) for _s, a in hits}
            assert found == ids, (field_name, term)
    for doc_id, doc in expected.items():  # dates and first reports
        for field_name in (S.DATE, S.FIRST_REPORT):
            if field_name in doc:
                q = tantivy.Query.boolean_query([
                    (tantivy.Occur.Must, tantivy.Query.term_query(schema, S.ID, doc_id)),
                    (tantivy.Occur.Must, tantivy.Query.term_query(schema, field_name,
                                                                  doc[field_name]))])
                assert searcher.search(q, 1).count == 1, (doc_id, field_name)  # type: ignore[attr-defined]
