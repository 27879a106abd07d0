"""Connections spread over ``warta serve --workers N``'s processes (:mod:`search_api.spread`):
the board's pauses, and a real two-process server splitting bursts of kept-alive connections."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from pathlib import Path

import httpx

from bench.http_client import Connection
from search_api import spread
from search_api.spread import MAX_PAUSES, PAUSE_S, SLOTS, Board


@contextmanager
def _processes(n: int) -> Iterator[list[subprocess.Popen[bytes]]]:
    """``n`` live processes whose pids fall in distinct slots of a board."""
    procs: list[subprocess.Popen[bytes]] = []
    try:
        while len({p.pid % SLOTS for p in procs}) < n:
            procs.append(subprocess.Popen(["sleep", "60"]))
            if len({p.pid % SLOTS for p in procs}) < len(procs):
                procs.pop().kill()
        yield procs
    finally:
        for p in procs:
            p.kill()
            p.wait()


@contextmanager
def _new_board() -> Iterator[str]:
    with spread.board() as path:
        assert path is not None and Path(path).stat().st_size == SLOTS * 16
        yield path


def test_a_worker_that_cannot_open_the_board_serves_unspread(tmp_path: Path) -> None:
    env = {**os.environ, spread.BOARD_ENV: str(tmp_path / "missing")}
    done = subprocess.run(
        [sys.executable, "-c", "from search_api import spread\n"
         "spread.join()\nspread.on_open()\nspread.on_close()\nprint('served')"],
        env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "served\n"
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("no connection board ("), lines


def test_a_process_holding_more_than_another_pauses() -> None:
    with _new_board() as path, _processes(2) as (p, q):
        a, b = Board(path, p.pid), Board(path, q.pid)
        assert a.opened() == 0  # 1 against 0: as even as two processes get
        assert a.opened() == PAUSE_S  # 2 against 0
        assert [b.opened() for _ in range(4)] == [0, 0, 0, PAUSE_S]  # 1..4 against 2
        for _ in range(3):
            b.closed()
        assert (a.held, b.held) == (2, 1)
        for _ in range(20):
            a.opened()
        assert a.opened() == PAUSE_S * MAX_PAUSES  # bounded however uneven
        for _ in range(10):
            b.closed()
        assert b.held == 0  # never below none


def test_a_process_alone_or_beside_dead_ones_never_pauses() -> None:
    with _new_board() as path, _processes(2) as (p, q):
        a = Board(path, p.pid)
        assert [a.opened() for _ in range(3)] == [0, 0, 0]
        Board(path, q.pid)
        q.kill()
        q.wait()
        assert a.opened() == 0  # the other process is gone, its slot is not counted


def _established(pid: int, port: int) -> int:
    """Connections to ``port`` that process ``pid`` holds open (its sockets' inodes among
    /proc/net/tcp's established rows with that local port)."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        m = re.fullmatch(r"socket:\[(\d+)\]", str(fd.readlink()) if fd.is_symlink() else "")
        if m:
            inodes.add(m.group(1))
    count = 0
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local, state, inode = fields[1], fields[3], fields[9]
        if state == "01" and int(local.split(":")[1], 16) == port and inode in inodes:
            count += 1
    return count


def _workers(pid: int) -> list[int]:
    """uvicorn's worker processes under the server ``pid`` (spawned children)."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        for child in task.read_text().split():
            if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
                found.append(int(child))
    return found


def _board_of(pid: int) -> Path:
    """The board file named in process ``pid``'s environment."""
    for entry in Path(f"/proc/{pid}/environ").read_bytes().split(b"\0"):
        name, _, value = entry.partition(b"=")
        if name.decode() == spread.BOARD_ENV:
            return Path(value.decode())
    raise AssertionError(f"no {spread.BOARD_ENV} in the worker's environment")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


async def _burst(base: str, n: int) -> list[Connection]:
    conns = [Connection(base) for _ in range(n)]
    for status, _ in await asyncio.gather(*(c.get("/health") for c in conns)):
        assert status == 200
    return conns


def test_two_worker_processes_split_bursts_of_kept_alive_connections(
        index_dir: Path, tmp_path: Path) -> None:
    port = _free_port()
    log = tmp_path / "serve.log"
    temp = tmp_path / "temp"  # the server's temporary directory
    temp.mkdir()
    with log.open("wb") as out:
        # The serving module itself (what `warta serve` runs), from this checkout.
        proc = subprocess.Popen([sys.executable, "-m", "search_api.serve",
                                 "--index", str(index_dir), "--port", str(port),
                                 "--workers", "2", "--concurrency", "2"],
                                stdout=subprocess.DEVNULL, stderr=out,
                                env={**os.environ, "TMPDIR": str(temp)})
    base = f"http://127.0.0.1:{port}"
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:  # until both workers have started
            workers = _workers(proc.pid)
            # At least two: uvicorn replaces a worker slow to answer its health check.
            started = log.read_bytes().count(b"Application startup complete")
            if started >= 2 and len(workers) == 2:
                break
            time.sleep(0.2)
        else:
            raise AssertionError("the server's two workers never started")
        assert len(workers) == 2
        assert httpx.get(base + "/health", timeout=10).status_code == 200
        board = _board_of(workers[0])
        assert board.parent == Path(f"/proc/{proc.pid}/fd") and board.exists()
        assert _board_of(workers[1]) == board
        splits: list[tuple[int, ...]] = []

        async def bursts() -> None:
            for _ in range(10):
                conns = await _burst(base, 8)
                splits.append(tuple(sorted((_established(p, port) for p in workers),
                                           reverse=True)))
                for c in conns:
                    await c.close()
                await asyncio.sleep(0.2)

        # In a thread of its own: the session's Playwright keeps an event loop running in this one.
        with ThreadPoolExecutor(1) as pool:
            pool.submit(asyncio.run, bursts()).result()
        assert all(sum(s) == 8 for s in splits), splits
        # Without the board the first process awake takes a burst whole (8/0 or 7/1 about
        # every other burst); with it, no burst is split worse than 6/2.
        assert all(s[0] <= 6 for s in splits), splits
    finally:
        # Killed the hard way, the server leaves nothing behind: its board is in memory alone.
        for pid in (proc.pid, *workers):
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        proc.wait(timeout=30)
    assert list(temp.iterdir()) == []

