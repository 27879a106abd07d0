"""The ``warta`` command: reindex, add, delete, stats, serve."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click
import orjson

from indexer import build, store
from indexer.build_report import BuildReport
from indexer.lexicon import read_names_file
from indexer.opensearch_names import DEFAULT_NAME, URL_ENV
from indexer.records import parse_field_map
from indexer.stats import index_stats

INDEX_OPTION = click.option(
    "--index", "index_dir", type=click.Path(file_okay=False, path_type=Path),
    help="Index directory (the embedded tantivy index).",
)
OPENSEARCH_OPTION = click.option(
    "--opensearch", "opensearch_url", envvar=URL_ENV, metavar="URL",
    help="Use the Warta index in this OpenSearch cluster instead of --index "
         f"(default: ${URL_ENV}).",
)
NO_INDEX = f"give --index DIR, or --opensearch URL (or ${URL_ENV})"
INDEX_NAME_OPTION = click.option(
    "--index-name", default=DEFAULT_NAME, show_default=True,
    help="The alias of the Warta index in OpenSearch.",
)


def _index_options(f: Callable[..., None]) -> Callable[..., None]:
    return INDEX_OPTION(OPENSEARCH_OPTION(INDEX_NAME_OPTION(f)))


def use_opensearch(index_dir: Path | None, url: str | None) -> bool:
    """True to use OpenSearch: --index wins over ``--opensearch`` (or its environment variable,
    :data:`~indexer.opensearch_names.URL_ENV`); one is required."""
    if index_dir is not None:
        return False
    if url:
        return True
    raise click.UsageError(NO_INDEX)


@contextmanager
def _opensearch_errors() -> Iterator[None]:
    from opensearchpy.exceptions import OpenSearchException

    from indexer.opensearch_store import OpenSearchStoreError

    try:
        yield
    except OpenSearchStoreError as e:
        raise click.ClickException(str(e)) from None
    except OpenSearchException as e:
        raise click.ClickException(f"OpenSearch: {e}") from None


@click.group()
def main() -> None:
    """Warta: full-text search for Indonesian news."""


@contextmanager
def _progress(enabled: bool | None) -> Iterator[Callable[[int, int, int], None]]:
    """A tqdm bar (input bytes, so it has an ETA; articles/s beside it) on a terminal; plain
    log lines every 2 s otherwise."""
    tty = sys.stderr.isatty() if enabled is None else enabled
    start = time.perf_counter()
    if tty:
        from tqdm import tqdm

        bar = tqdm(unit="B", unit_scale=True, dynamic_ncols=True, file=sys.stderr,
                   bar_format="{l_bar}{bar}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}]{postfix}")
        last = [0]

        def update(done: int, done_bytes: int, total_bytes: int) -> None:
            if bar.total != total_bytes:
                bar.total = total_bytes
            bar.update(done_bytes - last[0])
            last[0] = done_bytes
            rate = done / max(time.perf_counter() - start, 1e-9)
            bar.set_postfix_str(f"{done:,} records, {rate:,.0f} articles/s", refresh=False)

        try:
            yield update
        finally:
            bar.close()
    else:
        next_log = [start + 2.0]

        def log(done: int, done_bytes: int, total_bytes: int) -> None:
            now = time.perf_counter()
            if now >= next_log[0]:
                elapsed = now - start
                rate = done / max(elapsed, 1e-9)
                eta = ""
                if total_bytes and done_bytes:
                    eta = f", ETA {elapsed * (total_bytes - done_bytes) / done_bytes:,.0f} s"
                click.echo(f"read {done:,} records ({rate:,.0f} articles/s{eta})", err=True)
                next_log[0] = now + 2.0

        yield log


def _summary(report: BuildReport, verbose: bool) -> None:
    click.echo(
        f"indexed {report.indexed}, updated {report.updated}, "
        f"skipped {sum(report.skipped.values())} in {report.seconds:.1f}s "
        f"({report.written / max(report.seconds, 1e-9):,.0f} articles/s)"
    )
    for reason, n in report.skipped.most_common():
        click.echo(f"  skipped {n}: {reason}")
    if report.written:
        click.echo(f"  {report.stories:,} stories in the index "
                   f"({report.restoried:,} documents moved to another story)")
    if report.undated:
        click.echo(f"  {report.undated} undated")
    if report.bad_utf8_lines:
        click.echo(f"  {report.bad_utf8_lines} lines had bad UTF-8 (decoded with replacement)")
    shown = report.problems if verbose else report.problems[:20]
    for p in shown:
        click.echo(f"  {p.origin}: {p.reason}" + (f" ({p.detail})" if p.detail else ""), err=True)
    if len(report.problems) > len(shown):
        click.echo(f"  … {len(report.problems) - len(shown)} more (use --verbose)", err=True)


def _run_build(kind: str, paths: tuple[Path, ...], index_dir: Path | None,
               opensearch_url: str | None, index_name: str, field_map: str | None,
               workers: int | None, dask: str | None, progress: bool | None, verbose: bool,
               **extra: object) -> None:
    try:
        fm = parse_field_map(field_map)
    except ValueError as e:
        raise click.UsageError(str(e)) from None
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise click.UsageError("no such file or directory: " + ", ".join(missing))
    try:
        with _progress(progress) as cb:
            options = {"field_map": fm, "workers": workers, "progress": cb,
                       "dask_address": dask, **extra}
            if use_opensearch(index_dir, opensearch_url):
                from indexer import opensearch_writer

                with _opensearch_errors():
                    fn = getattr(opensearch_writer, kind)
                    report = fn(list(paths), opensearch_url, index_name, **options)
            else:
                report = getattr(build, kind)(list(paths), index_dir, **options)
    except store.StoreError as e:
        raise click.ClickException(str(e)) from None
    _summary(report, verbose)
    if report.written == 0:
        raise click.ClickException("nothing could be indexed; the live index is unchanged")


_BUILD_OPTIONS = [
    click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path)),
    INDEX_OPTION,
    OPENSEARCH_OPTION,
    INDEX_NAME_OPTION,
    click.option("--field-map", help="Extra field names, e.g. 'body=konten,title=judul_berita'."),
    click.option("--workers", type=click.IntRange(1, 64),
                 help="Worker processes (default: cores)."),
    click.option("--dask", metavar="ADDRESS",
                 help="Analyse on this Dask cluster (scheduler address) instead of --workers."),
    click.option("--progress/--no-progress", default=None,
                 help="Progress bar (default: on a TTY)."),
    click.option("--verbose", "-v", is_flag=True, help="List every skipped record."),
]


def _build_options(f: Callable[..., None]) -> Callable[..., None]:
    for option in reversed(_BUILD_OPTIONS):
        f = option(f)
    return f


@main.command()
@_build_options
@click.option("--names", "names_file", type=click.Path(path_type=Path, dir_okay=False),
              help="A text file of proper names (one a line) never stemmed, in the index and "
                   "in queries, besides the shipped lexicon.")
def reindex(paths: tuple[Path, ...], index_dir: Path | None, opensearch_url: str | None,
            index_name: str, field_map: str | None, workers: int | None, dask: str | None,
            progress: bool | None, verbose: bool, names_file: Path | None) -> None:
    """Rebuild the index from PATHS (files or directories) and switch to it atomically."""
    names: list[str] = []
    if names_file is not None:
        try:
            names = read_names_file(names_file)
        except (OSError, UnicodeDecodeError) as e:
            raise click.UsageError(f"--names {names_file}: {e}") from None
    _run_build("reindex", paths, index_dir, opensearch_url, index_name, field_map, workers, dask,
               progress, verbose, names=names)


@main.command()
@_build_options
def add(paths: tuple[Path, ...], index_dir: Path | None, opensearch_url: str | None,
        index_name: str, field_map: str | None, workers: int | None, dask: str | None,
        progress: bool | None, verbose: bool) -> None:
    """Add or update the records of PATHS in the live index."""
    _run_build("add", paths, index_dir, opensearch_url, index_name, field_map, workers, dask,
               progress, verbose)


@main.command()
@click.argument("ids", nargs=-1, required=True)
@_index_options
def delete(ids: tuple[str, ...], index_dir: Path | None, opensearch_url: str | None,
           index_name: str) -> None:
    """Remove documents by id."""
    try:
        if use_opensearch(index_dir, opensearch_url):
            from indexer import opensearch_writer

            with _opensearch_errors():
                removed, missing = opensearch_writer.delete(ids, str(opensearch_url), index_name)
        else:
            removed, missing = build.delete(ids, Path(str(index_dir)))
    except store.StoreError as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"deleted {removed}")
    for m in missing:
        click.echo(f"  not found: {m}", err=True)
    if missing and not removed:
        sys.exit(1)


@main.command()
@_index_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--top", default=10, show_default=True, type=click.IntRange(1, 1000))
def stats(index_dir: Path | None, opensearch_url: str | None, index_name: str, as_json: bool,
          top: int) -> None:
    """Document count, date range, top sources and entities, skips, size on disk."""
    try:
        if use_opensearch(index_dir, opensearch_url):
            from indexer import opensearch_store

            with _opensearch_errors():
                client = opensearch_store.connect(str(opensearch_url))
                s = opensearch_store.index_stats(client, index_name, top=top)
        else:
            s = index_stats(Path(str(index_dir)), top=top)
    except store.StoreError as e:
        raise click.ClickException(str(e)) from None
    if as_json:
        click.echo(orjson.dumps(s, option=orjson.OPT_INDENT_2).decode())
        return
    click.echo(f"documents      {s['documents']:,} ({s['stories']:,} stories)")
    click.echo(f"date range     {s['date_min'] or '-'} .. {s['date_max'] or '-'}")
    click.echo(f"undated        {s['undated']:,}")
    click.echo(f"skipped        {sum(s['skipped'].values()):,} {s['skipped'] or ''}")
    click.echo(f"size on disk   {s['size_bytes'] / 1e6:,.1f} MB ({s['generation']})")
    for facet, rows in s["top"].items():
        click.echo(f"top {facet}:")
        for row in rows:
            click.echo(f"  {row['count']:>7,}  {row['value']}")
    click.echo("largest entity merges (articles: value -> facet value):")
    for m in s["merges"]:
        into = " + ".join(m["into"]) or "(no facet value)"
        click.echo(f"  {m['count']:>7,}  {m['type']} {m['value']} -> {into}")


@main.command(
    context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
    add_help_option=False,
)
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def serve(args: tuple[str, ...]) -> None:
    """Serve the search API and the web page (``warta serve --help`` for the options).

    The server lives in ``search_api`` and ``indexer`` does not import it: this command becomes
    ``python -m search_api.serve ARGS`` (the same process id, so signals reach the server)."""
    os.execv(sys.executable, [sys.executable, "-m", "search_api.serve", *args])

@main.command(
    name="export",
    context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
    add_help_option=False,
)
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def export_command(args: tuple[str, ...]) -> None:
    """Write every article a search matches to stdout as CSV or NDJSON (``warta export --help``).

    Like ``serve``, this becomes ``python -m search_api.export ARGS``: the request language
    (parameters, query parser) is the API's."""
    os.execv(sys.executable, [sys.executable, "-m", "search_api.export", *args])


if __name__ == "__main__":  # pragma: no cover
    main()
