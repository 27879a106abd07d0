"""One writer at a time on a Warta index in OpenSearch: a lock document with a lease.

``reindex``, ``add`` and ``delete`` each read the live generation and its story clusters, then
write documents and a new state: two at once would interleave (one's clusters overwriting the
other's, a rebuild dropping a generation another rebuild is writing). So each holds the lock
document :data:`LOCK_ID` in ``<name>-state`` while it runs:

* taken by creating the document (``op_type=create``): of two writers exactly one succeeds; the
  other reads who holds it and stops with one line (:class:`WriterLocked`);
* it names its owner (host, pid, the process's start time, a random token) and a lease: the
  holder renews it every third of :data:`LEASE_SECONDS` from a thread, so a writer that is
  killed leaves a lock that lapses. A lock whose owner is a process of this host is taken over
  as soon as that process no longer runs (and not before, even past its lease: it is known to be
  alive); one from another host when its lease has lapsed (the hosts' clocks are trusted to
  agree within a lease);
* every take-over, renewal and release is conditional on the lock's ``_seq_no`` and
  ``_primary_term`` as its owner last saw them, so of two writers taking over a stale lock one
  wins, and a writer whose lock was taken over (it stalled past its lease) learns it at its
  next renewal and stops before it makes its writes live (:meth:`WriterLock.check`).
"""

from __future__ import annotations

import os
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from opensearchpy import ConflictError, NotFoundError, OpenSearch
from opensearchpy.exceptions import OpenSearchException

from indexer import opensearch_store as OS

LOCK_ID: Final = "writer-lock"
LEASE_SECONDS: Final = 60.0
ATTEMPTS: Final = 3  # a lock released between our create and our read: try again


class WriterLocked(OS.OpenSearchStoreError):
    """Another writer holds the index, or took it over from this one."""


def process_start(pid: int) -> int | None:
    """The start time of process ``pid`` (clock ticks after boot), None if it does not run."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    return int(stat.rpartition(")")[2].split()[19])


def _iso(t: Any) -> str:
    try:
        return datetime.fromtimestamp(float(t), UTC).isoformat(timespec="seconds")
    except (TypeError, ValueError):
        return "?"


def describe(held: dict[str, Any]) -> str:
    return (f"{held.get('command', '?')} (pid {held.get('pid', '?')} on {held.get('host', '?')}, "
            f"since {_iso(held.get('acquired'))}; its lease ends {_iso(held.get('expires'))})")


def stale(held: dict[str, Any], now: float) -> bool:
    """Whether a lock may be taken over. Its owner on this host: when that process is gone (a
    pid now used by another process has another start time), whatever the lease says, since a
    process of this host that runs, however slowly, is known to hold it. An owner on another
    host: when its lease has lapsed."""
    if held.get("host") == socket.gethostname():
        pid = held.get("pid")
        return not isinstance(pid, int) or process_start(pid) != held.get("started")
    return float(held.get("expires") or 0) < now


class WriterLock:
    """The lock as its owner holds it (see the module's doc)."""

    def __init__(self, client: OpenSearch, name: str, command: str, lease: float) -> None:
        self.client, self.name, self.lease = client, name, lease
        self.index = OS.ensure_state_index(client, name)
        pid = os.getpid()
        self.doc: dict[str, Any] = {"kind": "writer-lock", "command": command, "pid": pid,
                                    "host": socket.gethostname(), "started": process_start(pid),
                                    "token": uuid.uuid4().hex}
        self._seq: dict[str, int] = {}
        self._lost: str | None = None
        self._stop = threading.Event()
        self._guard = threading.Lock()
        self._thread: threading.Thread | None = None

    def _body(self) -> dict[str, Any]:
        now = time.time()
        return {**self.doc, "acquired": self.doc.get("acquired", now), "expires": now + self.lease}

    def _keep(self, resp: dict[str, Any]) -> None:
        self._seq = {"if_seq_no": int(resp["_seq_no"]),
                     "if_primary_term": int(resp["_primary_term"])}

    def acquire(self) -> None:
        for _ in range(ATTEMPTS):
            body = self._body()
            try:
                self._keep(self.client.create(index=self.index, id=LOCK_ID, body=body,
                                              refresh=True))
                self.doc["acquired"] = body["acquired"]
                break
            except ConflictError:
                pass
            try:
                found = self.client.get(index=self.index, id=LOCK_ID)
            except NotFoundError:
                continue  # released meanwhile
            held = found.get("_source") or {}
            if not stale(held, time.time()):
                raise WriterLocked(f"the OpenSearch index {self.name!r} is being written by "
                                   f"another writer: {describe(held)}; try again when it ends")
            try:
                self._keep(self.client.index(
                    index=self.index, id=LOCK_ID, body=body, refresh=True,
                    if_seq_no=found["_seq_no"], if_primary_term=found["_primary_term"]))
                self.doc["acquired"] = body["acquired"]
                break
            except ConflictError:
                continue  # another writer took the stale lock first: see who holds it now
        else:
            raise WriterLocked(f"could not take the writer lock of {self.name!r}; try again")
        self._thread = threading.Thread(target=self._renew, name="warta-writer-lock",
                                        daemon=True)
        self._thread.start()

    def _renew(self) -> None:
        while not self._stop.wait(self.lease / 3):
            with self._guard:
                if self._lost is not None:
                    return
                try:
                    self._keep(self.client.index(index=self.index, id=LOCK_ID,
                                                 body=self._body(), **self._seq))
                except (ConflictError, NotFoundError):
                    self._lost = "another writer took over its lock (this one stalled)"
                    return
                except OpenSearchException:
                    continue  # unreachable for now: the lease covers the next try

    def check(self) -> None:
        """Raise :class:`WriterLocked` if the lock was taken over: called before a writer makes
        its writes live."""
        with self._guard:
            lost = self._lost
        if lost is not None:
            raise WriterLocked(f"the OpenSearch index {self.name!r}: {lost}; nothing was "
                               "switched, run the command again")

    def release(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        if self._lost is None and self._seq:
            try:
                self.client.delete(index=self.index, id=LOCK_ID, refresh=True, **self._seq)
            except (ConflictError, NotFoundError):
                pass


@contextmanager
def writer_lock(client: OpenSearch, name: str, command: str, lease: float = LEASE_SECONDS
                ) -> Iterator[WriterLock]:
    """Hold the writer lock of ``name`` for the block (see the module's doc)."""
    lock = WriterLock(client, name, command, lease)
    lock.acquire()
    try:
        yield lock
    finally:
        lock.release()
