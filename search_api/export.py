"""``GET /search.csv`` and ``GET /search.ndjson``: the whole result set of a ``/search`` request,
streamed.

The request is parsed by :func:`~search_api.params.parse_search_params` like ``/search`` and
selects exactly its ``total``; ``page`` and ``size`` are ignored, there is no result window.
Rows come from the backend's :meth:`~search_api.backends.Backend.export` (keyset paging,
constant memory: :mod:`indexer.export` on tantivy, ``search_after`` in a point in time on
OpenSearch), newest first unless ``sort=oldest`` (a relevance order has no key to page by, so it
exports newest first). One view of the index serves the whole download.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

import click
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from indexer import export
from indexer.cli import INDEX_NAME_OPTION, INDEX_OPTION, OPENSEARCH_OPTION, use_opensearch
from search_api import snapshot
from search_api.backends import Backend, TantivyBackend
from search_api.params import SearchRequest, ValidationError, parse_search_params

Pairs = Iterable[tuple[str, str]]


def export_rows(backend: Backend, request: SearchRequest) -> Iterator[export.Row]:
    """Every article ``request`` matches, as rows."""
    for article, story in backend.export(request):
        yield export.to_row(article, story)


def _stream(request: Request, fmt: str) -> Response:
    req = parse_search_params(request.query_params.multi_items())
    backend: Backend = request.state.backend
    chunks = export.chunks(fmt, export_rows(backend, req))
    # The first chunk is made before the status is sent, so what fails on the first page (no
    # index, say) is a JSON error, not a cut-off download.
    first = next(chunks, b"")
    return StreamingResponse(
        itertools.chain([first], chunks),
        media_type=export.MEDIA_TYPES[fmt],
        headers={"content-disposition": f'attachment; filename="warta-search.{fmt}"'},
    )


def csv_route(request: Request) -> Response:
    return _stream(request, "csv")


def ndjson_route(request: Request) -> Response:
    return _stream(request, "ndjson")


def run_export(backend: Backend, pairs: Pairs, fmt: str, out: BinaryIO,
               progress: bool | None = None) -> int:
    """``warta export``: write the export of the request ``pairs`` to ``out``; returns the row
    count. A tqdm bar on stderr when it is a terminal (or ``progress`` says so)."""
    req = parse_search_params(pairs)
    written = 0

    def counted() -> Iterator[export.Row]:
        nonlocal written
        for row in export_rows(backend, req):
            written += 1
            yield row

    stream: Iterable[export.Row] = counted()
    show = sys.stderr.isatty() if progress is None else progress
    if show:
        from tqdm import tqdm

        stream = tqdm(stream, total=backend.count(req), unit=" articles", file=sys.stderr,
                      dynamic_ncols=True)
    for chunk in export.chunks(fmt, stream):
        out.write(chunk)
    return written


@click.command()
@INDEX_OPTION
@OPENSEARCH_OPTION
@INDEX_NAME_OPTION
@click.option("--q", default="", help="Query, as in /search?q=.")
@click.option("--person", multiple=True, help="Filter (repeat for OR); likewise below.")
@click.option("--org", multiple=True)
@click.option("--place", multiple=True)
@click.option("--source", multiple=True)
@click.option("--category", multiple=True)
@click.option("--from", "date_from", help="First day, YYYY-MM-DD (WIB).")
@click.option("--to", "date_to", help="Last day, YYYY-MM-DD (WIB).")
@click.option("--sort", type=click.Choice(["newest", "oldest", "relevance"]),
              help="newest (default) or oldest first; relevance exports newest first.")
@click.option("--param", "extra", multiple=True, metavar="NAME=VALUE",
              help="Any other /search parameter, e.g. person_op=and.")
@click.option("--format", "fmt", type=click.Choice(export.FORMATS), default="csv",
              show_default=True)
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on stderr (default: on a terminal).")
def main(index_dir: Path | None, opensearch_url: str | None, index_name: str, q: str,
         person: tuple[str, ...], org: tuple[str, ...], place: tuple[str, ...],
         source: tuple[str, ...], category: tuple[str, ...], date_from: str | None,
         date_to: str | None, sort: str | None, extra: tuple[str, ...], fmt: str,
         progress: bool | None) -> None:
    """Write every article a search matches to stdout, as CSV (UTF-8 with a BOM) or NDJSON."""
    pairs = [("q", q), *(("person", v) for v in person), *(("org", v) for v in org),
             *(("place", v) for v in place), *(("source", v) for v in source),
             *(("category", v) for v in category)]
    pairs += [(k, v) for k, v in (("from", date_from), ("to", date_to), ("sort", sort)) if v]
    for item in extra:
        name, sep, value = item.partition("=")
        if not sep:
            raise click.UsageError(f"--param takes NAME=VALUE, got {item!r}")
        pairs.append((name.strip(), value))
    backend: Backend
    if use_opensearch(index_dir, opensearch_url):
        from search_api.backends.opensearch import OpenSearchBackend

        backend = OpenSearchBackend(str(opensearch_url), index_name)
    else:
        backend = TantivyBackend(Path(str(index_dir)))
    try:
        n = run_export(backend, pairs, fmt, sys.stdout.buffer, progress)
    except ValidationError as e:
        raise click.UsageError(e.detail) from None
    except snapshot.IndexUnavailable as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"exported {n:,} articles", err=True)


if __name__ == "__main__":  # pragma: no cover
    main()
