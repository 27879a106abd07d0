"""Work started beside the caller's own: a search's facets counted while its hits are read and
highlighted.

tantivy releases the GIL while it searches and aggregates, so the facets' aggregate calls run on
one core while the request's own thread, on the other, reads the stored documents and highlights
them in Python: a lone request answers in about the longer of the two instead of their sum.
Spare threads are few (the cores but one) and never queued for: when none is free, or another
request of the process is at work (the server is busy, and the requests' own work keeps the
cores full), the work runs in the caller's thread when its result is asked for, as it would
without this module: a thread beside a busy process only adds hand-offs (with two requests at
work in one process, ~4% of their CPU).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from typing import Final, TypeVar

T = TypeVar("T")


def spare_threads() -> int:
    """Threads beside a request's own: the cores this process may use, but one (at least one)."""
    return max(1, len(os.sched_getaffinity(0)) - 1)


class Overlap:
    """Starts functions in a spare thread when one is free and the caller is the process's only
    request at work, else leaves them to the caller."""

    def __init__(self, threads: int) -> None:
        self._free = threading.BoundedSemaphore(threads)
        self._pool = ThreadPoolExecutor(threads, thread_name_prefix="warta-overlap")
        self._lock = threading.Lock()
        self._working = 0

    @contextmanager
    def working(self) -> Iterator[None]:
        """A request at work: while another is too, the cores have work enough, and a thread
        beside either would only add hand-offs."""
        with self._lock:
            self._working += 1
        try:
            yield
        finally:
            with self._lock:
                self._working -= 1

    def start(self, fn: Callable[[], T]) -> Callable[[], T]:
        """A function giving ``fn()``: started now in a spare thread if one is free and no other
        request is at work (then the function waits for it and re-raises what it raised), else
        run by the caller when it asks."""
        if self._working > 1 or not self._free.acquire(blocking=False):
            return fn
        future: Future[T] = self._pool.submit(fn)
        future.add_done_callback(lambda _done: self._free.release())
        return future.result


BESIDE: Final = Overlap(spare_threads())
