"""The benchmarks' lean HTTP client (:mod:`bench.http_client`) against the session's real
uvicorn server: the bodies it reads are httpx's, byte for byte but for the time each answer
reports, over one keep-alive connection (JSON, the HTML page, JSON again), an answer that is
not a 200 raises, and a run counts every answer that is not a 200.

Each test runs the client in a thread of its own: the client runs its own asyncio loop, and the
browser tests' Playwright (a session fixture) leaves its loop running in the main thread for the
rest of the session, where no other loop may run."""

from __future__ import annotations

import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

import httpx
import pytest

from bench.http_client import HTTPFailure, SyncClient, run_sync

QUERIES = [{"q": "banjir"}, {"q": "jakarta", "person": "Joko Widodo"}, {"q": "presiden"},
           {"person": "Joko Widodo", "size": "3"}]
# The time an answer took, in the JSON and on the page: the one part two answers differ in.
TOOK = re.compile(rb'"took_ms":[0-9.]+|<span class="took">\([^)]*\)</span>')
T = TypeVar("T")


def _in_own_thread(fn: Callable[[], T]) -> T:
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(fn).result()


def test_bodies_are_httpxs(server: str) -> None:
    _in_own_thread(lambda: _bodies_are_httpxs(server))


def _bodies_are_httpxs(server: str) -> None:
    with SyncClient(server) as lean, httpx.Client(base_url=server, timeout=30) as reference:
        for path in ("/search", "/", "/search"):
            for q in QUERIES:
                expected = reference.get(path, params=q)
                assert expected.status_code == 200
                assert TOOK.sub(b"", lean.get(path, q)) == TOOK.sub(b"", expected.content)
        assert lean.opened == 1  # every answer on the one keep-alive connection
        with pytest.raises(HTTPFailure):
            lean.get("/articles/no-such-id")


def test_a_run_counts_answers_and_failures(server: str) -> None:
    latencies, errors, wall = _in_own_thread(
        lambda: run_sync(server, [*QUERIES, {"size": "0"}], 2))
    assert (len(latencies), errors) == (5, 1)  # size=0 is a 400
    assert wall > 0 and min(latencies) > 0
