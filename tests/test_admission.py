"""A real uvicorn server on 127.0.0.1 (this app, the serve command's protocol, its own event
loop in a thread) works on at most ``concurrency`` requests at once (:mod:`search_api.admission`):
a burst of concurrent requests queues, each is answered 200 with what it answers alone, and the
event loop's limiter, watched from that loop while the burst runs, never lends more tokens."""

from __future__ import annotations

import asyncio
import re
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import anyio.to_thread
import httpx
import pytest
import uvicorn
import uvloop
from corpora import OracleDoc
from starlette.applications import Starlette

from indexer.opensearch_names import URL_ENV
from indexer.words import WORD_RE
from search_api.admission import CONCURRENCY_ENV, DEFAULT_CONCURRENCY, REMOTE_CONCURRENCY
from search_api.app import create_app
from search_api.serve import HTTP_PROTOCOL, app_from_env

# The time an answer took, in the JSON and on the page: the one part two answers differ in.
TOOK = re.compile(rb'"took_ms":[0-9.]+|<span class="took">\([^)]*\)</span>')


def _burst(oracle: list[OracleDoc]) -> list[tuple[str, dict[str, str]]]:
    """``/search`` and ``/`` of a word from each of 12 titles: each finds its article (a word no
    article has would be answered with a spelling suggestion once the server's background build
    of the dictionary is done, and not before)."""
    words = [max(WORD_RE.findall(doc.title), key=len) for doc in oracle[:12]]
    return [(path, {"q": word}) for word in words for path in ("/search", "/")]


@contextmanager
def _uvicorn(app: Starlette) -> Iterator[tuple[str, asyncio.AbstractEventLoop]]:
    """``app`` served on a free port by uvicorn in a thread of this process, on an event loop
    the test can reach: (base URL, loop)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    config = uvicorn.Config(app, host="127.0.0.1", port=port, http=HTTP_PROTOCOL,
                            log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    loop = uvloop.new_event_loop()
    thread = threading.Thread(target=loop.run_until_complete, args=(server.serve(),))
    thread.start()
    try:
        deadline = time.monotonic() + 60
        while not server.started:
            assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}", loop
    finally:
        server.should_exit = True
        thread.join(30)
        loop.close()


async def _watch(done: threading.Event) -> tuple[int, int, int]:
    """(the most tokens lent at once, the most requests waiting at once, the tokens) of the
    running loop's limiter, sampled until ``done``."""
    limiter = anyio.to_thread.current_default_thread_limiter()
    lent = waiting = 0
    while not done.is_set():
        stats = limiter.statistics()
        lent, waiting = max(lent, stats.borrowed_tokens), max(waiting, stats.tasks_waiting)
        await asyncio.sleep(0.0002)
    return lent, waiting, int(limiter.total_tokens)


async def _tokens() -> int:
    return int(anyio.to_thread.current_default_thread_limiter().total_tokens)


def _body(client: httpx.Client, path: str, params: dict[str, str]) -> bytes:
    res = client.get(path, params=params)
    assert res.status_code == 200, (path, params, res.status_code)
    return TOOK.sub(b"", res.content)


@pytest.mark.parametrize("concurrency", [1, 3])
def test_a_burst_queues_and_every_request_is_answered(index_dir: Path, oracle: list[OracleDoc],
                                                      concurrency: int) -> None:
    burst_requests = _burst(oracle)
    with _uvicorn(create_app(index_dir, concurrency=concurrency)) as (base, loop):
        done = threading.Event()
        watching = asyncio.run_coroutine_threadsafe(_watch(done), loop)
        start = threading.Barrier(len(burst_requests))

        def ask(i: int) -> bytes:
            with httpx.Client(base_url=base, timeout=60) as client:
                start.wait()
                return _body(client, *burst_requests[i])

        with ThreadPoolExecutor(len(burst_requests)) as pool:
            burst = list(pool.map(ask, range(len(burst_requests))))
        done.set()
        lent, waiting, tokens = watching.result(timeout=30)
        with httpx.Client(base_url=base, timeout=60) as client:
            alone = [_body(client, path, params) for path, params in burst_requests]
    assert tokens == concurrency
    assert waiting > 0  # the burst did queue
    assert lent == concurrency
    assert burst == alone


def test_the_concurrency_reaches_the_worker_processes(index_dir: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """``serve --workers N`` starts its workers from :func:`app_from_env`."""
    monkeypatch.setenv("WARTA_INDEX", str(index_dir))
    tokens = {}
    for setting in ("5", None):
        if setting is None:
            monkeypatch.delenv(CONCURRENCY_ENV)
        else:
            monkeypatch.setenv(CONCURRENCY_ENV, setting)
        with _uvicorn(app_from_env()) as (_base, loop):
            tokens[setting] = asyncio.run_coroutine_threadsafe(_tokens(), loop).result(30)
    assert tokens == {"5": 5, None: DEFAULT_CONCURRENCY}


def test_over_opensearch_the_workers_default_to_anyios_pool(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The engine works elsewhere: requests wait on the network, not on this process's cores
    (no node is contacted before the app starts)."""
    monkeypatch.delenv("WARTA_INDEX", raising=False)
    monkeypatch.delenv(CONCURRENCY_ENV, raising=False)
    monkeypatch.setenv(URL_ENV, "http://127.0.0.1:9")
    assert app_from_env().state.concurrency == REMOTE_CONCURRENCY
    monkeypatch.setenv(CONCURRENCY_ENV, "3")
    assert app_from_env().state.concurrency == 3


def test_a_concurrency_below_one_is_refused(index_dir: Path) -> None:
    with pytest.raises(ValueError, match="concurrency must be at least 1, not 0"):
        create_app(index_dir, concurrency=0)
