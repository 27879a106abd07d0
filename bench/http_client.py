"""A lean HTTP/1.1 keep-alive client for the benchmarks: one GET at a time per connection over
asyncio streams, the response parsed by httptools (the C parser uvicorn itself uses).

Why not httpx for the latencies: a request through ``httpx.AsyncClient`` costs the client about
0.7–0.8 ms of its own Python (URL and header objects, h11's pure-Python parsing) on this machine,
a quarter of a whole ``/search`` answer, and at concurrency 8 that CPU is taken from the same two
cores the server runs on. The bench measures the server, and prints beside it what this client
and HTTP cost on their own (``/health``, an answer with no search in it).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode, urlsplit

import httptools


class HTTPFailure(Exception):
    """The server closed the connection or sent something that is no HTTP/1.1 answer."""


class _Answer:
    """httptools' callbacks collect one response. Whether the server keeps the connection open
    is asked in the last callback: once the parser has returned from a complete message it
    has reset and says no for every answer."""

    __slots__ = ("body", "done", "keep_alive", "parser")

    def __init__(self) -> None:
        self.body: list[bytes] = []
        self.done = False
        self.keep_alive = False
        self.parser = httptools.HttpResponseParser(self)

    def on_body(self, body: bytes) -> None:
        self.body.append(body)

    def on_message_complete(self) -> None:
        self.done = True
        self.keep_alive = self.parser.should_keep_alive()


class Connection:
    """One keep-alive connection to ``base`` (``http://host:port``)."""

    def __init__(self, base: str) -> None:
        parts = urlsplit(base)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self._streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
        self.opened = 0  # TCP connections opened so far (1 while the server keeps it alive)

    async def get(self, path: str, params: Mapping[str, Any] | None = None,
                  headers: Mapping[str, str] | None = None) -> tuple[int, bytes]:
        """(status, body) of ``GET path?params``."""
        if self._streams is None:
            self._streams = await asyncio.open_connection(self.host, self.port)
            self.opened += 1
        reader, writer = self._streams
        target = f"{path}?{urlencode(params, doseq=True)}" if params else path
        extra = "".join(f"{k}: {v}\r\n" for k, v in (headers or {}).items())
        writer.write(f"GET {target} HTTP/1.1\r\nHost: {self.host}\r\n{extra}\r\n".encode())
        answer = _Answer()
        parser = answer.parser
        while not answer.done:
            data = await reader.read(1 << 16)
            if not data:
                await self.close()
                raise HTTPFailure(f"connection closed during GET {path}")
            parser.feed_data(data)
        if not answer.keep_alive:
            await self.close()
        return parser.get_status_code(), b"".join(answer.body)

    async def close(self) -> None:
        if self._streams is not None:
            writer = self._streams[1]
            self._streams = None
            writer.close()
            try:
                await writer.wait_closed()
            except OSError:
                pass


async def run(base: str, queries: list[dict[str, Any]], concurrency: int, path: str = "/search"
              ) -> tuple[list[float], int, float]:
    """Every query's latency (seconds, in the order answered), how many were not 200, and the
    wall time: ``concurrency`` connections, each asking the next query as soon as it is
    answered."""
    latencies: list[float] = []
    errors = 0
    todo = iter(queries)

    async def client() -> None:
        nonlocal errors
        conn = Connection(base)
        try:
            for params in todo:
                t0 = time.perf_counter()
                try:
                    status, _ = await conn.get(path, params)
                    errors += status != 200
                except (OSError, HTTPFailure, httptools.HttpParserError):
                    errors += 1
                latencies.append(time.perf_counter() - t0)
        finally:
            await conn.close()

    t0 = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(concurrency)))
    return latencies, errors, time.perf_counter() - t0


def run_sync(base: str, queries: list[dict[str, Any]], concurrency: int, path: str = "/search"
             ) -> tuple[list[float], int, float]:
    """:func:`run` from synchronous code."""
    return asyncio.run(run(base, queries, concurrency, path))


class SyncClient:
    """One connection driven from synchronous code (the interleaved runs): each ``get`` runs on
    this client's own event loop, so a fixed order of requests across servers is kept."""

    def __init__(self, base: str) -> None:
        self._loop = asyncio.new_event_loop()
        self._conn = Connection(base)

    def get(self, path: str, params: Mapping[str, Any] | None = None) -> bytes:
        """The body of a 200 answer; anything else raises :class:`HTTPFailure`."""
        status, body = self._loop.run_until_complete(self._conn.get(path, params))
        if status != 200:
            raise HTTPFailure(f"GET {path} {dict(params or {})}: {status}")
        return body

    @property
    def opened(self) -> int:
        """TCP connections opened so far."""
        return self._conn.opened

    def close(self) -> None:
        self._loop.run_until_complete(self._conn.close())
        self._loop.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
