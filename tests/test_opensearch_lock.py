"""One writer at a time on an OpenSearch index (:mod:`indexer.opensearch_lock`), with real
``warta`` processes against the session's real node: a second writer stops with one line and a
non-zero exit while the first runs, and goes through after it; a killed writer's lock is taken
over; a lock of another host lapses with its lease; a writer whose lock was taken over stops
before it makes its writes live."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest
from opensearchpy import NotFoundError, OpenSearch

from indexer import opensearch_lock as L
from indexer import opensearch_store as OS
from indexer import opensearch_writer as W

pytestmark = pytest.mark.opensearch

WARTA = str(Path(sys.executable).with_name("warta"))


@pytest.fixture(scope="module")
def small(corpus_records: tuple[Path, list[dict[str, object]]],
          tmp_path_factory: pytest.TempPathFactory) -> Path:
    _, records = corpus_records
    path = tmp_path_factory.mktemp("lock") / "small.jsonl"
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records[:40]))
    return path


def _held(client: OpenSearch, name: str) -> dict[str, object] | None:
    try:
        found = client.get(index=OS.state_index(name), id=L.LOCK_ID)
    except NotFoundError:
        return None
    source: dict[str, object] = found["_source"]
    return source


def _writer(url: str, name: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [WARTA, *args, "--opensearch", url, "--index-name", name],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def _holding(client: OpenSearch, name: str, proc: subprocess.Popen[str]) -> dict[str, object]:
    """The lock once ``proc`` holds it."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        held = _held(client, name)
        if held is not None and held.get("pid") == proc.pid:
            return held
        time.sleep(0.02)
    raise AssertionError(f"the writer never held the lock (exit {proc.poll()})")


def _run(url: str, name: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([WARTA, *args, "--opensearch", url, "--index-name", name],
                          capture_output=True, text=True, timeout=300)


def _adding_writer(url: str, name: str, big: Path, small: Path
                   ) -> tuple[OpenSearch, subprocess.Popen[str], dict[str, object]]:
    """Index ``name`` built from ``small``, and a writer adding ``big`` to it, once it holds
    the lock (the client, the writer, the lock document)."""
    client = OS.connect(url)
    W.reindex([small], url, name, workers=1)
    first = _writer(url, name, "add", str(big), "--workers", "1", "--no-progress")
    return client, first, _holding(client, name, first)


def test_a_second_writer_stops_while_the_first_runs(
        opensearch_url: str, corpus_records: tuple[Path, list[dict[str, object]]],
        small: Path) -> None:
    big, _ = corpus_records
    client, first, held = _adding_writer(opensearch_url, "lock", big, small)
    try:
        assert held["command"] == "add"
        os.killpg(first.pid, signal.SIGSTOP)  # it holds the lock, whatever its speed
        for args in (["add", str(small), "--workers", "1"], ["delete", "some-id"],
                     ["reindex", str(small), "--workers", "1"]):
            second = _run(opensearch_url, "lock", *args)
            assert second.returncode != 0, args
            lines = second.stderr.strip().splitlines()
            assert len(lines) == 1, second.stderr
            assert "being written by another writer" in lines[0]
            assert f"add (pid {first.pid} on " in lines[0]
        os.killpg(first.pid, signal.SIGCONT)
        _, err = first.communicate(timeout=600)
        assert first.returncode == 0, err
    finally:
        if first.poll() is None:
            os.killpg(first.pid, signal.SIGKILL)
            first.wait()
    assert _held(client, "lock") is None  # released
    first_id = str(orjson.loads(small.read_bytes().splitlines()[0])["id"])
    after = _run(opensearch_url, "lock", "delete", first_id)
    assert (after.returncode, after.stdout) == (0, "deleted 1\n"), after.stderr


def test_a_killed_writers_lock_is_taken_over(
        opensearch_url: str, corpus_records: tuple[Path, list[dict[str, object]]],
        small: Path) -> None:
    big, _ = corpus_records
    client, first, _ = _adding_writer(opensearch_url, "lock-kill", big, small)
    os.killpg(first.pid, signal.SIGKILL)
    first.wait()
    assert _held(client, "lock-kill") is not None  # left behind, lease running
    after = _run(opensearch_url, "lock-kill", "add", str(small), "--workers", "1")
    assert after.returncode == 0, after.stderr  # its owner is gone: taken over at once
    assert _held(client, "lock-kill") is None


def test_another_hosts_lock_lapses_with_its_lease(opensearch_url: str) -> None:
    client = OS.connect(opensearch_url)
    OS.ensure_state_index(client, "lock-host")
    now = time.time()
    client.index(index=OS.state_index("lock-host"), id=L.LOCK_ID, refresh=True, body={
        "command": "add", "host": "elsewhere.example", "pid": 1, "started": 1,
        "acquired": now, "expires": now + 2.0})
    with pytest.raises(L.WriterLocked, match="pid 1 on elsewhere.example"):
        with L.writer_lock(client, "lock-host", "delete"):
            pass
    time.sleep(2.5)
    with L.writer_lock(client, "lock-host", "delete") as lock:
        assert _held(client, "lock-host")["token"] == lock.doc["token"]  # type: ignore[index]
    assert _held(client, "lock-host") is None


def test_a_writer_whose_lock_was_taken_over_stops(opensearch_url: str) -> None:
    client = OS.connect(opensearch_url)
    with L.writer_lock(client, "lock-lost", "add", lease=0.6) as lock:
        lock.check()
        time.sleep(0.5)  # renewed once at least
        assert float(_held(client, "lock-lost")["expires"]) > time.time()  # type: ignore[index, arg-type]
        # another writer takes it over (as one would once this one stalled past its lease)
        client.index(index=OS.state_index("lock-lost"), id=L.LOCK_ID, refresh=True,
                     body={"command": "add", "host": "elsewhere.example", "pid": 2,
                           "expires": time.time() + 60})
        time.sleep(0.6)
        with pytest.raises(L.WriterLocked, match="another writer took over"):
            lock.check()
    assert _held(client, "lock-lost")["pid"] == 2  # type: ignore[index]  # not released by us


def test_a_live_owner_on_this_host_keeps_its_lock_past_the_lease(opensearch_url: str) -> None:
    """The owner's process runs here (this test's): its lapsed lease does not free the lock;
    once the owner is a process that has ended, it does."""
    client = OS.connect(opensearch_url)
    OS.ensure_state_index(client, "lock-live")
    me = os.getpid()
    lapsed = {"command": "add", "host": socket.gethostname(), "acquired": time.time() - 120,
              "expires": time.time() - 60}
    client.index(index=OS.state_index("lock-live"), id=L.LOCK_ID, refresh=True,
                 body={**lapsed, "pid": me, "started": L.process_start(me)})
    with pytest.raises(L.WriterLocked, match=f"pid {me} on "):
        with L.writer_lock(client, "lock-live", "delete"):
            pass
    gone = subprocess.Popen(["true"])
    gone.wait()
    assert L.process_start(gone.pid) is None
    client.index(index=OS.state_index("lock-live"), id=L.LOCK_ID, refresh=True,
                 body={**lapsed, "pid": gone.pid, "started": 12345})
    with L.writer_lock(client, "lock-live", "delete") as lock:
        assert _held(client, "lock-live")["token"] == lock.doc["token"]  # type: ignore[index]
