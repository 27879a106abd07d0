"""Per-snapshot structures that take seconds to build (autocomplete's prefix indexes, the
spelling dictionary), built once per index snapshot (a tantivy snapshot or an OpenSearch
generation: anything with a ``cache`` that lives as long as the data it was built from).

A request that only wants the structure if it is there (``wait=False``) never waits for the
build: the first such request starts it in a background thread and gets None, so a keystroke
or a search is never held up for seconds by a structure that merely makes its answer better.

A built structure is frozen out of the cyclic garbage collector's way (:func:`gc.freeze`): the
spelling dictionary alone is ~230,000 tracked objects, and every full collection walked them all,
holding the GIL for tens to hundreds of milliseconds while a busy server's requests waited. A
frozen object is still freed by reference counting when its snapshot goes; what freezing costs
is that a reference cycle that is garbage at that moment (anywhere in the process) is never
collected, once per build.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import Any, Protocol, TypeVar


class Cached(Protocol):
    @property
    def cache(self) -> dict[str, Any]: ...


T = TypeVar("T")
Snapshot = TypeVar("Snapshot", bound=Cached)
_lock = threading.Lock()


def _build(snap: Snapshot, key: str, build: Callable[[Snapshot], Any]) -> Any:
    with _lock:  # one build at a time: two would only share the two cores
        found = snap.cache.get(key)
        if found is None:
            found = build(snap)
            gc.freeze()
            snap.cache[key] = found
        return found


def per_snapshot(snap: Snapshot, key: str, build: Callable[[Snapshot], T], *,
                 wait: bool) -> T | None:
    """``build(snap)``, memoised in the snapshot under ``key``; without ``wait``, None (and the
    build started in the background) until it is ready."""
    found = snap.cache.get(key)
    if found is not None:
        return found
    if wait:
        return _build(snap, key, build)
    started = key + ":started"
    with _lock:
        if snap.cache.get(started):
            return None
        snap.cache[started] = True
    threading.Thread(target=_build, args=(snap, key, build), daemon=True,
                     name=f"warta-{key}").start()
    return None
