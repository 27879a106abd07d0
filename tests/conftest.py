"""One real index per test session: the first articles of the CLICK-ID corpus plus a few
synthetic records that exercise the edge cases (HTML in the text, an exact duplicate body and
an edited copy from another outlet: one story of three articles, a missing title, a missing
date), built by the real indexer (``indexer.build.reindex``)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, NoReturn

import httpx
import pytest
from corpora import CORPUS, SHARED, OracleDoc, read_oracle, write_corpus

from indexer import opensearch_writer
from indexer.build import reindex
from indexer.clean import clean_body
from indexer.document import MIN_BODY_WORDS
from indexer.opensearch_node import NodeError, running_node
from search_api.app import create_app
from search_api.backends import TantivyBackend
from search_api.backends.opensearch import OpenSearchBackend

with warnings.catch_warnings():
    # Starlette 1.10 suggests httpx2 for its TestClient; httpx is what the project pins.
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient


def missing(message: str) -> NoReturn:
    """A test's prerequisite is absent: skip, except under CI=true, where it fails (a green CI
    must mean that every test ran)."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"prerequisite missing under CI=true: {message}", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def require() -> Callable[[bool, str], None]:
    """``require(condition, message)``: :func:`missing` when ``condition`` is false."""
    def check(condition: bool, message: str) -> None:
        if not condition:
            missing(message)
    return check


@pytest.fixture(scope="session")
def opensearch_node(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """One real OpenSearch node (opensearch/, embedded in a JVM) for the whole session: its URL
    and its log file."""
    log = tmp_path_factory.mktemp("opensearch") / "node.log"
    try:
        node = running_node(log_path=log)
        url = node.__enter__()
    except NodeError as e:
        missing(f"no OpenSearch node: {e}")
    try:
        yield url, log
    finally:
        node.__exit__(None, None, None)


@pytest.fixture(scope="session")
def opensearch_url(opensearch_node: tuple[str, Path]) -> str:
    return opensearch_node[0]


@pytest.fixture(scope="session")
def os_backend(opensearch_url: str, corpus_records: tuple[Path, list[dict[str, object]]]
               ) -> OpenSearchBackend:
    """The session's corpus in OpenSearch (the same records as ``index_dir``)."""
    path, _ = corpus_records
    report = opensearch_writer.reindex([path], opensearch_url, "parity", workers=2)
    assert report.written > 1000, report.as_dict()
    return OpenSearchBackend(opensearch_url, "parity")


@pytest.fixture(scope="session")
def tantivy_backend(index_dir: Path) -> TantivyBackend:
    return TantivyBackend(index_dir)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not CORPUS.exists():
        missing(f"shared corpus missing at {CORPUS}")
    return SHARED


@pytest.fixture(scope="session")
def corpus_records(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory
                   ) -> tuple[Path, list[dict[str, object]]]:
    path = tmp_path_factory.mktemp("corpus") / "articles.jsonl"
    return path, write_corpus(path)


@pytest.fixture(scope="session")
def index_dir(corpus_records: tuple[Path, list[dict[str, object]]],
              tmp_path_factory: pytest.TempPathFactory) -> Path:
    path, records = corpus_records
    out = tmp_path_factory.mktemp("index")
    report = reindex([path], out, workers=2)
    # Every record is written but those whose cleaned body is too short to be an article.
    short = [r for r in records
             if len(clean_body(str(r.get("body") or "")).split()) < MIN_BODY_WORDS]
    assert report.skipped == {"empty or near-empty body": len(short)}, report.as_dict()
    assert report.written == len(records) - len(short)
    return out


@pytest.fixture(scope="session")
def full_index_dir(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole CLICK-ID corpus (22k articles), built once per session by the real indexer."""
    out = tmp_path_factory.mktemp("full-index")
    report = reindex([CORPUS], out, workers=2)
    assert report.written > 20_000, report.as_dict()
    return out


@pytest.fixture(scope="session")
def oracle(index_dir: Path) -> list[OracleDoc]:
    return read_oracle(index_dir)


@pytest.fixture(scope="session")
def client(index_dir: Path) -> Iterator[TestClient]:
    # The English pages: tests/test_i18n.py checks the Indonesian default.
    with TestClient(create_app(index_dir), headers={"Accept-Language": "en"}) as c:
        yield c


# -- a real server and a real browser -----------------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("WARTA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


@contextmanager
def _serving(index_dir: Path) -> Iterator[tuple[str, int]]:
    """``search_api.serve.serve`` (one worker: the server is this process id) on a free port of
    127.0.0.1; yields its base URL and process id."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    code = ("import sys; from search_api.serve import serve; "
            "serve(sys.argv[1], '127.0.0.1', int(sys.argv[2]), 1, 'warning')")
    proc = subprocess.Popen([sys.executable, "-c", code, str(index_dir), str(port)], cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                raise AssertionError("the server did not start")
            time.sleep(0.1)
        yield base, proc.pid
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.fixture(scope="session")
def serving() -> Callable[[Path], AbstractContextManager[tuple[str, int]]]:
    """Start a server of one's own over any index: ``with serving(dir) as (base, pid)``."""
    return _serving


@pytest.fixture(scope="session")
def server(index_dir: Path) -> Iterator[str]:
    """The session's server over the session's index."""
    with _serving(index_dir) as (base, _pid):
        yield base


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium through Playwright (a missing one fails under CI=true)."""
    try:
        from playwright import sync_api
    except ImportError:
        missing("playwright is not installed (make install)")
    if not Path(CHROMIUM).exists():  # the same path is launched below
        missing(f"no Chromium at {CHROMIUM} (make browser installs Debian's)")
    (ROOT / "test-artifacts" / "screenshots").mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()
