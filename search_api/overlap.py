"""Work started beside the caller's own: a search's facets counted while its hits are read and
highlighted.

tantivy releases the GIL while it searches and aggregates, so the facets' aggregate calls run on
one core while the request's own thread, on the other, reads the stored documents and highlights
them in Python: a lone request answers in about the longer of the two instead of their sum.
Spare threads are few (the cores but one) and never queued for: when none is free (the server is
busy with other requests, whose own work keeps the cores full anyway) the work runs in the
caller's thread when its result is asked for, as it would without this module.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Final, TypeVar

T = TypeVar("T")


def spare_threads() -> int:
    """Threads beside a request's own: the cores this process may use, but one (at least one)."""
    return max(1, len(os.sched_getaffinity(0)) - 1)


class Overlap:
    """Starts functions in a spare thread when one is free, else leaves them to the caller."""

    def __init__(self, threads: int) -> None:
        self._free = threading.BoundedSemaphore(threads)
        self._pool = ThreadPoolExecutor(threads, thread_name_prefix="warta-overlap")

    def start(self, fn: Callable[[], T]) -> Callable[[], T]:
        """A function giving ``fn()``: started now in a spare thread if one is free (then the
        function waits for it and re-raises what it raised), else run by the caller when it
        asks."""
        if not self._free.acquire(blocking=False):
            return fn
        future: Future[T] = self._pool.submit(fn)
        future.add_done_callback(lambda _done: self._free.release())
        return future.result


BESIDE: Final = Overlap(spare_threads())
