"""A full build's stories linked in a process forked once the feed is done.

The corpus's entity map is worked out next, much of it by the building process alone (its
steps before and after the types' maps, which the feed's pool computes), and a core idles
meanwhile. A process forked then inherits the parked fingerprints (nothing is pickled on the
way there) and links them (:func:`~indexer.stories.linked_roots`) on that core; only each
article's root comes back, and the building process puts the articles in their stories
(:meth:`~indexer.story_ledger.Parked.stories`), as it does when it links them itself.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

from indexer import store
from indexer.chunk_worker import die_with_parent
from indexer.stories import Stories, gathered, linked_roots
from indexer.story_ledger import Parked

_PARKED: Parked | None = None


def _init_worker(park: Parked) -> None:
    global _PARKED
    store.release_inherited_locks()
    die_with_parent()
    gc.freeze()  # the inherited heap stays put: the collector need not walk (and copy) it
    _PARKED = park


def _roots() -> list[int]:
    if _PARKED is None:  # pragma: no cover - only when called outside the pool by mistake
        raise RuntimeError("worker not initialised")
    return linked_roots(gathered(_PARKED.prints))


@contextmanager
def stories_forked(park: Parked) -> Iterator[Callable[[], Stories]]:
    """Start linking ``park``'s fingerprints in a forked process; the callable given waits for
    it and returns the stories. Enter it before tantivy starts threads (a fork copies only the
    forking thread)."""
    ctx = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(1, mp_context=ctx, initializer=_init_worker,
                             initargs=(park,)) as pool:
        roots = pool.submit(_roots)
        yield lambda: park.stories(roots.result())
