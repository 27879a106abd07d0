"""How many requests one server process works on at once: the rest wait their turn, first come
first served.

Starlette runs every route of this app (plain functions) in a thread taken from the event loop's
anyio limiter, 40 threads unless set. A search is CPU work that holds the GIL but for its tantivy
calls, so forty requests at once do not finish sooner than a few: they take turns on the GIL and
the cores, and a request that arrives while the server is busy has its own few milliseconds of
work stretched by everyone else's until it is done. With a few tokens a request waits in the
limiter's queue (anyio wakes waiters in the order they came), then runs with the cores nearly to
itself; one token is too few, as it leaves a core idle while tantivy works outside the GIL.
The setting is per process: ``serve --workers`` multiplies it. The limiter also bounds the other
work Starlette hands to threads (the steps of a streamed export, static files): each waits its
turn in the same queue.

Over OpenSearch the engine works in other processes, mostly on other machines, and a request
spends most of its time waiting for it on the network, not holding this process's cores: there
the default is anyio's own pool (:data:`REMOTE_CONCURRENCY`).
"""

from __future__ import annotations

from typing import Final

import anyio.to_thread

DEFAULT_CONCURRENCY: Final = 2
REMOTE_CONCURRENCY: Final = 40
CONCURRENCY_ENV: Final = "WARTA_CONCURRENCY"


def admit(requests: int) -> None:
    """Let ``requests`` routes of the running event loop work at once (the others queue);
    called in the app's lifespan, on the loop that serves it."""
    anyio.to_thread.current_default_thread_limiter().total_tokens = requests
