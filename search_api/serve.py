"""Run the API with uvicorn: ``serve(index_dir, host, port, workers)``.

The command line is :func:`main`: the ``warta-serve`` script, ``python -m search_api.serve``, and
``warta serve``, which runs this module in its place so that ``indexer`` never imports
``search_api``."""

from __future__ import annotations

import asyncio
import os
import socket
from contextlib import suppress
from pathlib import Path
from typing import Any, Final

import click
import uvicorn
from starlette.applications import Starlette
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from indexer import store
from indexer.cli import INDEX_NAME_OPTION, INDEX_OPTION, NO_INDEX
from indexer.opensearch_names import DEFAULT_NAME, URL_ENV
from search_api import spread
from search_api.admission import CONCURRENCY_ENV, DEFAULT_CONCURRENCY, REMOTE_CONCURRENCY
from search_api.app import create_app

INDEX_ENV: Final = "WARTA_INDEX"
INDEX_NAME_ENV: Final = "WARTA_INDEX_NAME"
# One worker process per core this process may run on: a request is CPU work (tantivy, then
# Python holding the GIL), so one process per core keeps every core busy and no more contend.
DEFAULT_WORKERS: Final = max(1, len(os.sched_getaffinity(0)))


def _no_delay(transport: asyncio.BaseTransport) -> None:
    """Switch Nagle's algorithm off on ``transport``'s TCP socket.

    With ``--workers N`` uvicorn binds the listening socket itself with ``proto`` 0; accepted
    sockets inherit it and asyncio then skips TCP_NODELAY (it checks for IPPROTO_TCP), so each
    keep-alive response waited ~40 ms for the client's delayed ACK (uvicorn issue #3149)."""
    sock = transport.get_extra_info("socket")
    if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
        with suppress(OSError):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class NoDelayHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol (the C parser of its "standard" install) with TCP_NODELAY
    on every connection, and its connections counted on the worker processes' board
    (:mod:`search_api.spread`)."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        _no_delay(transport)
        spread.on_open()
        super().connection_made(transport)

    def connection_lost(self, exc: Exception | None) -> None:
        spread.on_close()
        super().connection_lost(exc)


# The C event loop and HTTP parser: the server around the app takes about a fifth less CPU per
# request than on asyncio's loop with h11.
HTTP_PROTOCOL: Final = "search_api.serve:NoDelayHttpToolsProtocol"
EVENT_LOOP: Final = "uvloop"


def _opensearch_app(url: str, name: str, concurrency: int) -> Starlette:
    from search_api.backends.opensearch import OpenSearchBackend

    return create_app(backend=OpenSearchBackend(url, name), concurrency=concurrency)


def app_from_env() -> Starlette:
    """App factory for uvicorn's worker processes: the index directory (or the OpenSearch URL
    and index name) and the concurrency come from the env. The process takes its slot on the
    connections' board (:func:`search_api.spread.join`)."""
    spread.join()
    index_dir = os.environ.get(INDEX_ENV)
    concurrency = os.environ.get(CONCURRENCY_ENV)
    if index_dir:
        return create_app(index_dir, concurrency=int(concurrency or DEFAULT_CONCURRENCY))
    url = os.environ.get(URL_ENV)
    if url:
        return _opensearch_app(url, os.environ.get(INDEX_NAME_ENV) or DEFAULT_NAME,
                               int(concurrency or REMOTE_CONCURRENCY))
    raise RuntimeError(f"{INDEX_ENV} is not set: start the server with `warta serve`")


def serve(
    index_dir: str | Path | None,
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: int = 1,
    log_level: str = "info",
    opensearch: tuple[str, str] | None = None,
    access_log: bool = False,
    concurrency: int | None = None,
) -> None:
    """Serve the tantivy index in ``index_dir``, or ``opensearch`` = (URL, index name), each
    worker process working on ``concurrency`` requests at once (:mod:`search_api.admission`;
    by default :data:`~search_api.admission.DEFAULT_CONCURRENCY`, over OpenSearch
    :data:`~search_api.admission.REMOTE_CONCURRENCY`).

    One log line per request costs ~6% of a search's server CPU (py-spy: uvicorn's formatter
    and the logging module), so the access log is written only when asked for."""
    options: dict[str, Any] = {"host": host, "port": port, "log_level": log_level,
                               "http": HTTP_PROTOCOL, "loop": EVENT_LOOP,
                               "access_log": access_log}
    if concurrency is None:
        concurrency = REMOTE_CONCURRENCY if opensearch is not None else DEFAULT_CONCURRENCY
    os.environ[CONCURRENCY_ENV] = str(concurrency)
    if opensearch is not None:
        url, name = opensearch
        if workers > 1:
            os.environ.pop(INDEX_ENV, None)
            os.environ[URL_ENV], os.environ[INDEX_NAME_ENV] = url, name
            _run_workers("search_api.serve:app_from_env", workers, options)
        else:
            uvicorn.run(_opensearch_app(url, name, concurrency), **options)
        return
    assert index_dir is not None
    index_dir = Path(index_dir).resolve()
    if workers > 1:
        os.environ[INDEX_ENV] = str(index_dir)
        _run_workers("search_api.serve:app_from_env", workers, options)
    else:
        uvicorn.run(create_app(index_dir, concurrency=concurrency), **options)


def _run_workers(factory: str, workers: int, options: dict[str, Any]) -> None:
    """uvicorn's ``workers`` processes of the app ``factory``, their connections spread evenly
    over them through a board (:mod:`search_api.spread`) that goes with the server."""
    with spread.board() as board:
        if board is None:
            click.echo("warta serve: no connection board could be made (no memfd): connections "
                       "are not spread over the workers", err=True)
        else:
            os.environ[spread.BOARD_ENV] = board
        try:
            uvicorn.run(factory, factory=True, workers=workers, **options)
        finally:
            os.environ.pop(spread.BOARD_ENV, None)


@click.command()
@INDEX_OPTION
@click.option("--opensearch", "opensearch_url", envvar=URL_ENV, metavar="URL",
              help="Serve the Warta index in this OpenSearch cluster "
                   f"(default: ${URL_ENV}).")
@INDEX_NAME_OPTION
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--workers", default=DEFAULT_WORKERS, show_default=True,
              type=click.IntRange(1, 64), help="Worker processes (default: the usable cores).")
@click.option("--concurrency", type=click.IntRange(1, 1024),
              help="Requests each worker process works on at once; more wait their turn, "
                   f"first come first served.  [default: {DEFAULT_CONCURRENCY}; "
                   f"{REMOTE_CONCURRENCY} with --opensearch, whose engine works elsewhere]")
@click.option("--access-log", is_flag=True,
              help="Log every request (to stdout; a proxy in front usually does it).")
def main(index_dir: Path | None, opensearch_url: str | None, index_name: str, host: str,
         port: int, workers: int, concurrency: int | None, access_log: bool) -> None:
    """Serve the search API and the web page."""
    if index_dir is None:
        if not opensearch_url:
            raise click.UsageError(NO_INDEX)
        serve(None, host=host, port=port, workers=workers,
              opensearch=(opensearch_url, index_name), access_log=access_log,
              concurrency=concurrency)
        return
    if store.current_generation(index_dir) is None:
        raise click.ClickException(
            f"no index at {index_dir}: run `warta reindex PATH --index {index_dir}` first")
    serve(index_dir, host=host, port=port, workers=workers, access_log=access_log,
          concurrency=concurrency)


if __name__ == "__main__":
    main(prog_name="warta serve")
