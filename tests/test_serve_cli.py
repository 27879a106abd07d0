"""``warta serve``: the server's command line lives in ``search_api.serve`` and ``warta serve``
runs it in its own place (same process), so the ``indexer`` package never imports ``search_api``."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from search_api.admission import DEFAULT_CONCURRENCY

BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def test_indexer_never_imports_search_api() -> None:
    code = (
        "import sys, indexer.cli, indexer.build, indexer.stats; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'search_api'))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"


def test_serve_without_an_index_says_so_and_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "idx"
    for cmd in ([str(BIN / "warta"), "serve"], [str(BIN / "warta-serve")]):
        res = subprocess.run([*cmd, "--index", str(missing)], capture_output=True, text=True,
                             timeout=60)
        assert res.returncode == 1
        assert res.stderr.strip() == (
            f"Error: no index at {missing}: run `warta reindex PATH --index {missing}` first")
        assert list(tmp_path.iterdir()) == []


def test_serve_help_lists_the_server_options() -> None:
    res = subprocess.run([str(BIN / "warta"), "serve", "--help"], capture_output=True, text=True,
                         timeout=60, check=True)
    assert res.stdout.startswith("Usage: warta serve [OPTIONS]")
    for option in ("--index", "--host", "--port", "--workers", "--concurrency"):
        assert option in res.stdout
    workers = re.search(r"--workers[^\[]*\[default: (\d+)", res.stdout)
    assert workers is not None, res.stdout
    assert int(workers.group(1)) == len(os.sched_getaffinity(0))  # one worker per usable core
    concurrency = re.search(r"--concurrency[^\[]*\[default: (\d+)", res.stdout)
    assert concurrency is not None, res.stdout
    assert int(concurrency.group(1)) == DEFAULT_CONCURRENCY


def test_warta_serve_serves_in_its_own_process(index_dir: Path, oracle: list[object]) -> None:
    port = _free_port()
    # One worker: the server is this process (several would be children of a supervisor).
    proc = subprocess.Popen([str(BIN / "warta"), "serve", "--index", str(index_dir),
                             "--port", str(port), "--workers", "1"], stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        health = None
        while health is None and time.monotonic() < deadline:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).json()
            except httpx.HTTPError:
                time.sleep(0.1)
        assert health is not None, "the server never answered"
        assert health["documents"] == len(oracle)
        # The same process became the server (exec, not a child), so signals reach it.
        cmdline = Path(f"/proc/{proc.pid}/cmdline").read_bytes().split(b"\0")
        assert cmdline[1:3] == [b"-m", b"search_api.serve"]
    finally:
        proc.terminate()
        assert proc.wait(timeout=20) == -signal.SIGTERM  # uvicorn stops on it, then re-raises it


def test_the_access_log_is_written_only_when_asked(index_dir: Path) -> None:
    logged = {}
    for flag in ([], ["--access-log"]):
        port = _free_port()
        proc = subprocess.Popen([str(BIN / "warta"), "serve", "--index", str(index_dir),
                                 "--port", str(port), "--workers", "1", *flag],
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.1)
            else:
                raise AssertionError("the server never answered")
            assert httpx.get(f"http://127.0.0.1:{port}/search?q=jakarta").status_code == 200
        finally:
            proc.terminate()
            out, _ = proc.communicate(timeout=20)
        logged[bool(flag)] = [line for line in out.splitlines() if '"GET /' in line]
    assert logged[False] == []
    assert [line.split('"')[1] for line in logged[True]] == [
        "GET /health HTTP/1.1", "GET /search?q=jakarta HTTP/1.1"]
