"""Writing a Warta index into a real OpenSearch node: alias swaps, failed and killed rebuilds,
upserts and deletes by id (stories kept as a rebuild makes them), bulk errors, the CLI."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import orjson
import pytest
from opensearchpy import OpenSearch, TransportError

from indexer import opensearch_store as OS
from indexer import opensearch_writer as W
from search_api.backends.opensearch import RECHECK_SECONDS, OpenSearchBackend
from search_api.params import SearchRequest

pytestmark = pytest.mark.opensearch

N_SMALL = 80


@pytest.fixture(scope="module")
def small_corpus(corpus_records: tuple[Path, list[dict[str, object]]],
                 tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, object]]]:
    """The first real records plus the synthetic ones (duplicates among them)."""
    _, records = corpus_records
    chosen = records[:N_SMALL] + [r for r in records if str(r.get("id", "")).startswith("synth")]
    path = tmp_path_factory.mktemp("small") / "small.jsonl"
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in chosen))
    return path, chosen


def _generations(url: str, name: str) -> list[str]:
    client = OS.connect(url)
    return sorted(client.indices.get(index=OS.generation_prefix(name) + "*",
                                     ignore_unavailable=True))


def test_rebuild_swaps_the_alias_and_drops_the_old_generation(
        opensearch_url: str, small_corpus: tuple[Path, list[dict[str, object]]]) -> None:
    path, records = small_corpus
    first = W.reindex([path], opensearch_url, "swap", workers=1)
    second = W.reindex([path], opensearch_url, "swap", workers=1)
    client = OS.connect(opensearch_url)
    assert first.generation != second.generation
    assert OS.live_index(client, "swap") == second.generation
    assert _generations(opensearch_url, "swap") == [second.generation]
    assert OS.read_state(client, "swap", first.generation) == {}
    assert OS.read_state(client, "swap", second.generation)["lower_df"]
    assert client.count(index="swap")["count"] == second.written == len(records)


def test_failed_rebuild_leaves_the_alias_on_the_old_generation(
        opensearch_url: str, small_corpus: tuple[Path, list[dict[str, object]]]) -> None:
    path, _ = small_corpus
    live = W.reindex([path], opensearch_url, "fail", workers=1).generation
    backend = OpenSearchBackend(opensearch_url, "fail")
    before = backend.search(SearchRequest(q="jakarta", sort="relevance"))

    def boom(done: int, done_bytes: int, total: int) -> None:
        raise RuntimeError("stopped mid-build")

    with pytest.raises(RuntimeError):
        W.reindex([path], opensearch_url, "fail", workers=1, progress=boom)
    assert OS.live_index(OS.connect(opensearch_url), "fail") == live
    assert _generations(opensearch_url, "fail") == [live]
    after = backend.search(SearchRequest(q="jakarta", sort="relevance"))
    assert (after.total, after.hits) == (before.total, before.hits)


def _written(client: OpenSearch, gen: str) -> int:
    """Documents in a generation being built (0 while its shard is still being allocated)."""
    try:
        return int(client.count(index=gen)["count"])
    except TransportError:
        return 0


def test_killed_rebuild_leaves_the_alias_and_the_next_one_cleans_up(
        opensearch_url: str, corpus_records: tuple[Path, list[dict[str, object]]],
        small_corpus: tuple[Path, list[dict[str, object]]]) -> None:
    small, _ = small_corpus
    big, _ = corpus_records
    live = W.reindex([small], opensearch_url, "kill", workers=1).generation
    warta = Path(sys.executable).with_name("warta")
    proc = subprocess.Popen(
        [str(warta), "reindex", str(big), "--opensearch", opensearch_url, "--index-name", "kill",
         "--workers", "1", "--no-progress"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    client = OS.connect(opensearch_url)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # kill it once it has written into its new generation
        new = [g for g in _generations(opensearch_url, "kill") if g != live]
        if new and _written(client, new[0]) > 0 or proc.poll() is not None:
            break
        client.indices.refresh(index=OS.generation_prefix("kill") + "*")
        time.sleep(0.2)
    assert proc.poll() is None, "the rebuild finished before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert OS.live_index(client, "kill") == live
    assert len(_generations(opensearch_url, "kill")) == 2  # the orphan is still there
    again = W.reindex([small], opensearch_url, "kill", workers=1)
    assert _generations(opensearch_url, "kill") == [again.generation]


def test_add_upserts_and_delete_removes_by_id(
        opensearch_url: str, small_corpus: tuple[Path, list[dict[str, object]]],
        tmp_path: Path) -> None:
    path, records = small_corpus
    W.reindex([path], opensearch_url, "upsert", workers=1)
    backend = OpenSearchBackend(opensearch_url, "upsert")
    seen = [(backend.health().last_commit, backend.version())]
    target = dict(records[3])
    target["title"] = "Judul baru Zwomblat untuk uji pembaruan"
    changed = tmp_path / "changed.jsonl"
    changed.write_bytes(orjson.dumps(target) + b"\n")
    report = W.add([changed], opensearch_url, "upsert", workers=1)
    assert (report.indexed, report.updated) == (0, 1)
    doc_id = str(target["id"])
    article = backend.get_article(doc_id)
    assert article is not None and article.title == target["title"]
    found = backend.search(SearchRequest(q="zwomblat", sort="relevance"))
    assert [h.id for h in found.hits] == [doc_id]
    count = OS.connect(opensearch_url).count(index="upsert")["count"]
    assert count == len(records)

    removed, missing = W.delete([doc_id, "no-such-id"], opensearch_url, "upsert")
    assert (removed, missing) == (1, ["no-such-id"])
    assert backend.get_article(doc_id) is None
    assert OS.connect(opensearch_url).count(index="upsert")["count"] == count - 1
    time.sleep(RECHECK_SECONDS)  # the backend looks the generation up again
    seen.append((backend.health().last_commit, backend.version()))
    # a feed's Last-Modified and ETag (the last commit, the version) follow add and delete
    before, after = (datetime.fromisoformat(str(commit)) for commit, _ in seen)
    assert after > before
    assert seen[1][1] != seen[0][1]


def _stories(backend: OpenSearchBackend, ids: list[str]) -> dict[str, tuple[str, int, str]]:
    """Each article's story: (id, size, first report)."""
    out = {}
    for doc_id in ids:
        article = backend.get_article(doc_id)
        assert article is not None, doc_id
        out[doc_id] = (article.story.id, article.story.size, article.story.first.id)
    return out


def test_add_and_delete_keep_the_stories_a_rebuild_makes(
        opensearch_url: str, small_corpus: tuple[Path, list[dict[str, object]]],
        tmp_path: Path) -> None:
    """``synthetic-dup-a`` is the first report of a story of three. Built without it, then
    added, then deleted again, the index holds the stories a full rebuild of the same articles
    holds: adding it moves the other two into its story (new first report, new story id),
    deleting it moves them back; the clusters are read back from the state index each time."""
    path, records = small_corpus
    without = [r for r in records if r["id"] != "synthetic-dup-a"]
    rest = tmp_path / "without.jsonl"
    rest.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in without))
    one = tmp_path / "one.jsonl"
    one.write_bytes(orjson.dumps(next(r for r in records if r["id"] == "synthetic-dup-a")) + b"\n")
    copies = ["synthetic-dup-a", "synthetic-dup-b", "synthetic-dup-c"]
    rest_ids = [str(r["id"]) for r in without]

    W.reindex([path], opensearch_url, "stories-ref", workers=1)
    reference = _stories(OpenSearchBackend(opensearch_url, "stories-ref"), copies)
    assert {v for v in reference.values()} == {(reference[copies[0]][0], 3, copies[0])}

    W.reindex([rest], opensearch_url, "stories", workers=1)
    backend = OpenSearchBackend(opensearch_url, "stories")
    before = _stories(backend, rest_ids)
    assert before["synthetic-dup-b"][1:] == (2, "synthetic-dup-b")

    report = W.add([one], opensearch_url, "stories", workers=1)
    assert (report.indexed, report.restoried) == (1, 2)
    assert _stories(backend, copies) == reference
    fresh = OpenSearchBackend(opensearch_url, "stories")  # no memo of before the add
    collapsed = fresh.search(SearchRequest(q="kwetlar"))
    assert (collapsed.total, collapsed.stories, [h.id for h in collapsed.hits]) == (
        3, 1, [collapsed.hits[0].id])

    removed, _ = W.delete(["synthetic-dup-a"], opensearch_url, "stories")
    assert removed == 1
    assert _stories(backend, rest_ids) == before
    client = OS.connect(opensearch_url)
    gen = OS.require_live(client, "stories")
    state = OS.read_state(client, "stories", gen)
    assert state["stories"] == len({s for s, _, _ in before.values()})
    assert OS.load_stories(client, "stories", gen, state).assignments() == {
        doc_id: s for doc_id, (s, _, _) in before.items()}
    # one version of the clusters' parts is kept: the one the state names
    every = client.search(index=OS.state_index("stories"), body={"size": 1000, "_source": False})
    parts = [h["_id"] for h in every["hits"]["hits"] if h["_id"].startswith(f"{gen}:stories:")]
    assert {p.split(":")[2] for p in parts} == {str(state[OS.STORIES_KEY]["version"])}


def test_bulk_errors_name_the_failed_items(opensearch_url: str,
                                           small_corpus: tuple[Path, list[dict[str, object]]]
                                           ) -> None:
    path, _ = small_corpus
    gen = W.reindex([path], opensearch_url, "bulk", workers=1).generation
    sender = W.BulkSender(OS.connect(opensearch_url), gen)
    sender.index_doc("fine-1", {"id": "fine-1", "payload": {}})
    sender.index_doc("bad-1", {"id": "bad-1", "no_such_field": 1})  # the mapping is strict
    with pytest.raises(W.BulkError) as err:
        sender.flush()
    assert [f.id for f in err.value.failures] == ["bad-1"]
    assert err.value.failures[0].status == 400
    assert "bad-1: 400 strict_dynamic_mapping_exception" in str(err.value)


def test_long_ids_get_a_hashed_key() -> None:
    assert W.doc_key("short") == "short"
    long_id = "https://example.test/" + "x" * 600
    key = W.doc_key(long_id)
    assert key.startswith("blake2b:") and len(key.encode()) <= W.MAX_ID_BYTES
    assert key == W.doc_key(long_id) != W.doc_key(long_id + "y")


def test_cli_reindex_stats_delete(opensearch_url: str,
                                  small_corpus: tuple[Path, list[dict[str, object]]]) -> None:
    path, records = small_corpus
    warta = str(Path(sys.executable).with_name("warta"))
    env = {**os.environ, "WARTA_OPENSEARCH_URL": opensearch_url}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([warta, *args, "--index-name", "cli"], env=env, text=True,
                              capture_output=True, check=False)

    built = run("reindex", str(path), "--workers", "1", "--no-progress")
    assert built.returncode == 0, built.stderr
    stats = run("stats", "--json")
    assert orjson.loads(stats.stdout)["documents"] == len(records)
    gone = run("delete", str(records[0]["id"]))
    assert gone.returncode == 0 and gone.stdout.strip() == "deleted 1"
    nothing = subprocess.run([warta, "stats"], env={k: v for k, v in env.items()
                                                    if k != "WARTA_OPENSEARCH_URL"},
                             text=True, capture_output=True, check=False)
    assert nothing.returncode == 2 and "--opensearch URL" in nothing.stderr
