"""Stories: near-duplicate clusters on real copies, their order independence (add and delete
give what a full rebuild gives), and the clustering's own reference (:func:`cluster_all`)."""

from __future__ import annotations

import gzip
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import orjson
import pytest
import tantivy
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer import schema as S
from indexer import store
from indexer.build import add, delete, reindex
from indexer.document import load_payload
from indexer.fingerprints import fingerprint
from indexer.stories import MAX_APART, Stories, cluster_all, linked, story_id

ROOT = Path(__file__).resolve().parents[1]
KNOWN_PAIR = ("clickid-okezone-00033", "clickid-sindonews-01077")  # a 97% copy, sindonews first

Json = dict[str, Any]


def _write(path: Path, records: list[Json]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    return path


@pytest.fixture(scope="module")
def corpus(shared_dir: Path) -> dict[str, Json]:
    with gzip.open(shared_dir / "corpus" / "clickid-news" / "articles.jsonl.gz", "rb") as f:
        return {r["id"]: r for r in map(orjson.loads, f)}


def _paragraphs(body: str) -> list[str]:
    return [p for p in body.split("\n") if p.strip()]


def _copy(r: Json, new_id: str, outlet: str, date: str, time: str) -> Json:
    """A syndicated copy: own dateline and byline, a "Baca juga" line, the last paragraph
    dropped, a few words changed."""
    paras = _paragraphs(str(r["body"]))
    body = [f"JAKARTA - {paras[0]}", "Baca juga: Berita lain yang tidak terkait sama sekali",
            *paras[1:-1], "(Reporter: Fulan / Editor: Fulanah)"]
    text = "\n\n".join(body).replace(" yang ", " yg ", 3).replace(" dan ", " serta ", 2)
    return {**r, "id": new_id, "url": f"https://{outlet}.test/{new_id}", "outlet": outlet,
            "date": date, "time_raw": time, "body": text}


def _long(corpus: dict[str, Json], start: int, n: int) -> list[Json]:
    """``n`` real articles of 6+ paragraphs, from position ``start`` of the corpus."""
    out = []
    for r in list(corpus.values())[start:]:
        if len(_paragraphs(str(r["body"]))) >= 6 and len(str(r["body"]).split()) > 250:
            out.append(r)
            if len(out) == n:
                break
    return out


@pytest.fixture(scope="module")
def story_records(corpus: dict[str, Json]) -> list[Json]:
    """Real copies, synthetic copies (some dated before their original, so the first report
    moves when they arrive), a bridge (B contains A and C, which share nothing) and
    unrelated real articles."""
    base = _long(corpus, 2000, 6)
    records: list[Json] = [corpus[i] for i in KNOWN_PAIR]
    for k, r in enumerate(base[:3]):
        earlier = k % 2 == 0
        records += [r, _copy(r, f"copy-{k}-a", "wire", str(r["date"]),
                             "05:00" if earlier else "23:50"),
                    _copy(r, f"copy-{k}-b", "daerah", str(r["date"]), "23:59")]
    a, c = base[3], base[4]
    records += [
        {**a, "id": "bridge-a", "outlet": "kabar-a"},
        {**c, "id": "bridge-c", "outlet": "kabar-c"},
        {**a, "id": "bridge-b", "outlet": "kabar-b",
         "body": str(a["body"]) + "\n\n" + str(c["body"])},
    ]
    records += [r for r in list(corpus.values())[5000:5040] if r["id"] not in KNOWN_PAIR]
    return records


def stories_of(index_dir: Path) -> dict[str, str]:
    """id -> story as the index holds it; checks each story has one first report, the member
    its id is named after, and that the saved clustering state says the same."""
    index = store.open_index(index_dir)
    index.reload()
    searcher = index.searcher()
    res = searcher.search(tantivy.Query.all_query(), searcher.num_docs + 1)
    out: dict[str, str] = {}
    firsts: Counter[str] = Counter()
    for _s, addr in res.hits:
        doc = searcher.doc(addr).to_dict()
        doc_id, story = str(doc[S.ID][0]), str(doc[S.STORY][0])
        out[doc_id] = story
        flag = searcher.search(tantivy.Query.boolean_query([
            (tantivy.Occur.Must, tantivy.Query.term_query(S.build_schema(), S.ID, doc_id)),
            (tantivy.Occur.Must, tantivy.Query.term_query(S.build_schema(), S.FIRST_REPORT,
                                                          True)),
        ]), 1).count  # type: ignore[attr-defined]
        assert bool(flag) == (story_id(doc_id) == story), doc_id
        firsts[story] += bool(flag)
    assert set(firsts.values()) == {1}
    gen = store.current_generation(index_dir)
    assert gen is not None
    assert Stories.load(gen).assignments() == out
    return out


def _groups(assignment: dict[str, str]) -> set[frozenset[str]]:
    by: dict[str, set[str]] = {}
    for doc_id, story in assignment.items():
        by.setdefault(story, set()).add(doc_id)
    return {frozenset(m) for m in by.values()}


@pytest.fixture(scope="module")
def full(story_records: list[Json], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("stories") / "full"
    reindex([_write(out.parent / "all.jsonl", story_records)], out, workers=2)
    return out


def test_real_and_synthetic_copies_are_one_story_each(full: Path) -> None:
    got = stories_of(full)
    assert got[KNOWN_PAIR[0]] == got[KNOWN_PAIR[1]] == story_id(KNOWN_PAIR[1])  # 19:30 < 20:25
    for k in range(3):
        assert got[f"copy-{k}-a"] == got[f"copy-{k}-b"]
    # the bridge links two articles that share nothing
    assert got["bridge-a"] == got["bridge-b"] == got["bridge-c"]
    groups = _groups(got)
    multi = {g for g in groups if len(g) > 1}
    assert len(multi) == 5, sorted(map(sorted, multi))


def test_first_report_is_the_earliest(full: Path) -> None:
    got = stories_of(full)
    assert got["copy-0-a"] == story_id("copy-0-a")  # the wire copy at 05:00 came first
    assert got["copy-1-a"] != story_id("copy-1-a")  # at 23:50 it did not


def test_add_gives_what_a_full_rebuild_gives(
        full: Path, story_records: list[Json], tmp_path: Path) -> None:
    # the second half holds earlier copies and the bridge: stories merge and get new ids
    half = len(story_records) // 2
    out = tmp_path / "inc"
    reindex([_write(tmp_path / "a.jsonl", story_records[half:])], out, workers=1)
    add([_write(tmp_path / "b.jsonl", story_records[:half])], out, workers=1)
    assert stories_of(out) == stories_of(full)


def test_delete_gives_what_a_full_rebuild_gives(
        story_records: list[Json], tmp_path: Path) -> None:
    gone = {"bridge-b", "copy-0-a", KNOWN_PAIR[1]}  # a bridge and two first reports
    out = tmp_path / "del"
    reindex([_write(tmp_path / "all.jsonl", story_records)], out, workers=1)
    removed, missing = delete(sorted(gone), out)
    assert (removed, missing) == (3, [])
    ref = tmp_path / "ref"
    reindex([_write(tmp_path / "rest.jsonl", [r for r in story_records if r["id"] not in gone])],
            ref, workers=1)
    got = stories_of(out)
    assert got == stories_of(ref)
    assert got["bridge-a"] != got["bridge-c"]  # the bridge is gone: the story split


def test_a_rebuilt_document_keeps_its_payload(full: Path) -> None:
    """Documents rewritten with a new story are searchable like any other."""
    index = store.open_index(full)
    searcher = index.searcher()
    q = tantivy.Query.term_query(S.build_schema(), S.STORY, story_id("copy-0-a"))
    members = {load_payload(bytes(searcher.doc(a).to_dict()[S.PAYLOAD][0])).id
               for _s, a in searcher.search(q, 10).hits}
    assert len(members) == 3 and "copy-0-a" in members


# -- the clustering alone: any order of adds and removes gives the from-scratch clusters ------

_WORDS = ("banjir gempa presiden menteri jakarta bandung polisi warga pasar harga beras "
          "sekolah guru murid jalan tol kereta kapal laut hujan panas kebakaran hutan asap "
          "partai pemilu suara hakim jaksa sidang").split()


def _text(seed: int, n: int = 60) -> str:
    words, x = [], seed * 7919 + 13
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2**31
        words.append(_WORDS[x % len(_WORDS)])
    return " ".join(words)


_BASES = [_text(s) for s in range(6)]
# documents made of one or two base texts: those sharing a base are linked, so chains and
# bridges form and break as documents come and go
_DOCS = {f"d{i}-{j}": (_BASES[i] + " " + _BASES[j] if i != j else _BASES[i])
         for i in range(6) for j in range(i, min(i + 2, 6))}
_PRINTS = {k: fingerprint(v) for k, v in _DOCS.items()}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.sampled_from(sorted(_DOCS)),
                          st.integers(0, 3)), max_size=40))
def test_any_order_of_adds_and_removes_equals_clustering_from_scratch(
        ops: list[tuple[bool, str, int]]) -> None:
    stories = Stories()
    live: dict[str, int] = {}
    for is_add, doc_id, day in ops:
        if is_add:
            stories.add(doc_id, _PRINTS[doc_id], day * 86400)
            live[doc_id] = day * 86400
        else:
            stories.remove(doc_id)
            live.pop(doc_id, None)
    ref = cluster_all((d, _PRINTS[d], live[d]) for d in sorted(live))
    assert stories.assignments() == ref.assignments()


def test_link_rule_on_edited_and_independent_texts() -> None:
    a = _BASES[0] + " " + _BASES[1]
    assert linked(fingerprint(a), fingerprint(a.replace("banjir", "gempa", 2)))
    assert linked(fingerprint(_BASES[0]), fingerprint(a))  # contained: a paragraph added
    assert not linked(fingerprint(_BASES[0]), fingerprint(_BASES[2]))
    # the same text a week later is an outlet reusing its own words, not a copy of the story
    same = fingerprint(a)
    assert linked(same, same, 0, MAX_APART) and not linked(same, same, 0, MAX_APART + 1)
    assert linked(same, same, 0, None)  # an undated article can be a copy of any
    # one outlet reusing its own words: contained is not enough, more must be shared
    whole, part = fingerprint(a, "kabar"), fingerprint(_BASES[0], "kabar")
    assert not linked(whole, part) and linked(fingerprint(a, "lain"), part)


# -- a writer killed between its index commit and saving the stories changes nothing ---------

_DIE_BEFORE_SAVING = """
import os, signal, sys
from pathlib import Path
import tantivy
from indexer.build import add, delete
from indexer.stories import Stories

kind, arg, index_dir, marker = sys.argv[1:]

def die(self, gen):
    # the index commit has landed in ``gen``: say how many documents it holds, then die as a
    # crash right before the stories state is saved would
    Path(marker).write_text(str(tantivy.Index.open(str(gen)).searcher().num_docs))
    os.kill(os.getpid(), signal.SIGKILL)

Stories.save = die
if kind == "add":
    add([Path(arg)], Path(index_dir), workers=1)
else:
    delete(arg.split(","), Path(index_dir))
"""


@pytest.mark.parametrize("kind", ["add", "delete"])
def test_a_writer_killed_after_its_commit_leaves_index_and_stories_as_they_were(
        kind: str, story_records: list[Json], tmp_path: Path) -> None:
    index_dir = tmp_path / "idx"
    first, rest = story_records[::2], story_records[1::2]
    reindex([_write(tmp_path / "a.jsonl", first)], index_dir, workers=1)
    live = store.current_generation(index_dir)
    before = stories_of(index_dir)  # also: the saved state agrees with the index
    src = _write(tmp_path / "b.jsonl", rest)
    # delete: the first report of a multi-member story (the story gets a new id)
    multi = Counter(before.values())
    victim = next(d for d, s in before.items() if multi[s] > 1 and story_id(d) == s)
    arg = str(src) if kind == "add" else victim
    marker = tmp_path / "committed"
    proc = subprocess.run([sys.executable, "-c", _DIE_BEFORE_SAVING, kind, arg,
                           str(index_dir), str(marker)], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    # the kill landed after the commit: the committed index held the change
    assert int(marker.read_text()) == len(before) + (len(rest) if kind == "add" else -1)
    assert store.current_generation(index_dir) == live
    assert stories_of(index_dir) == before
    # the next writer cleans up and does the work; the result equals a full rebuild
    if kind == "add":
        add([src], index_dir, workers=1)
        expected = first + rest
    else:
        delete([victim], index_dir)
        expected = [r for r in first if r["id"] != victim]
    ref = tmp_path / "ref"
    reindex([_write(tmp_path / "all.jsonl", expected)], ref, workers=1)
    assert stories_of(index_dir) == stories_of(ref)
    assert len(store.generations(index_dir)) == 2  # the killed branch was removed
