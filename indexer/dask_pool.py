"""Analysis on a Dask cluster: ``warta reindex --dask ADDRESS``.

:func:`dask_pool` gives :func:`indexer.feed._results` what a local process pool gives it
(``submit(fn, chunk)`` returning futures with ``result()``): the same chunks, processed by the
same :func:`indexer.chunk_worker.process_chunk`, on the cluster's workers. Each worker gets the
analyzer's state (stem cache, settings) once, through a worker plugin, so a worker that joins
later is initialised too. Results come back in input order, as from the local pool.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from distributed import Client, Future, WorkerPlugin

from indexer.analysis import Analyzer
from indexer.chunk_worker import install_worker_analyzer

_PLUGIN_NAME = "warta-analyzer"


class AnalyzerPlugin(WorkerPlugin):
    """Installs the build's analyzer in every worker process."""

    def __init__(self, stems: dict[str, str], lexicon: frozenset[str],
                 protect_names: bool) -> None:
        self.stems = stems
        self.lexicon = lexicon
        self.protect_names = protect_names

    def setup(self, worker: Any) -> None:
        # What chunk_worker.init_worker gives a local worker, and nothing else.
        install_worker_analyzer(
            Analyzer(self.stems, lexicon=self.lexicon, protect_names=self.protect_names))


class DaskPool:
    """The ``submit`` side of a process pool, on a Dask client."""

    def __init__(self, client: Client) -> None:
        self.client = client

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future:
        # pure=False: the same chunk submitted twice (a re-run) is processed again.
        return self.client.submit(fn, *args, pure=False)


@contextmanager
def dask_pool(address: str | Client, analyzer: Analyzer) -> Iterator[DaskPool]:
    """A pool on the cluster at ``address`` (or an open client) with ``analyzer`` installed."""
    own = not isinstance(address, Client)
    client = address if isinstance(address, Client) else Client(address)
    try:
        plugin = AnalyzerPlugin(analyzer.stems, analyzer.lexicon, analyzer.protect_names)
        client.register_plugin(plugin, name=_PLUGIN_NAME)
        yield DaskPool(client)
    finally:
        client.unregister_worker_plugin(_PLUGIN_NAME)
        if own:
            client.close()
