"""Connections spread evenly over the worker processes of ``warta serve --workers N``.

uvicorn's worker processes share one listening socket, and a new connection wakes them all; the
first one awake accepts every connection waiting, so a burst of them (a pool of clients connecting
at once) lands in one process. Kept alive, the connections stay there: one process answers all
their requests, on one core as far as Python goes (a search holds the GIL for about half its
CPU), while the other process idles.

Each process writes how many connections it holds into its slot of a small shared board: a file
in memory (``memfd``) that the serving command creates and every worker maps, opening it by the
command's ``/proc/<pid>/fd`` path. Nothing of it is on a disk: it needs no writable directory,
and it is gone with the last process holding it however the server ends (a SIGKILL too).

A process that accepts a connection while already holding more than the least busy other
process pauses its event loop :data:`PAUSE_S` for each connection of the difference (at most
:data:`MAX_PAUSES`) before serving it, so that the others, woken by the same burst, accept the
next ones; the process's other connections wait as long, which only an uneven burst of new
connections costs. A process holding no more than the others never pauses: steady traffic costs
a look at the board per accepted connection.
"""

from __future__ import annotations

import logging
import mmap
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final

BOARD_ENV: Final = "WARTA_CONNECTION_BOARD"  # the board's path, for the worker processes
SLOTS: Final = 64  # a process's slot is its pid modulo this (two sharing one only blur counts)
PAUSE_S: Final = 0.001
MAX_PAUSES: Final = 4
_SLOT_BYTES: Final = 16  # the process's pid and its connections, two int64

log = logging.getLogger(__name__)


@contextmanager
def board() -> Iterator[str | None]:
    """A new, empty board for the serving command's workers, held open while the context lasts:
    the path by which they open it (this process's ``/proc`` entry of the memfd). None where no
    memfd can be made (not Linux, or out of memory or file descriptors): the workers then serve
    unspread, as uvicorn alone does, rather than not at all."""
    try:
        fd = os.memfd_create("warta-connections")
    except (AttributeError, OSError):
        yield None
        return
    try:
        os.ftruncate(fd, SLOTS * _SLOT_BYTES)
    except OSError:
        os.close(fd)
        yield None
        return
    try:
        yield f"/proc/{os.getpid()}/fd/{fd}"
    finally:
        os.close(fd)


class Board:
    """This process's view of the board at ``path``: its own slot is ``pid % SLOTS``."""

    def __init__(self, path: str | Path, pid: int | None = None) -> None:
        with open(path, "r+b") as f:
            self._map = mmap.mmap(f.fileno(), SLOTS * _SLOT_BYTES)
        self._cells = memoryview(self._map).cast("q")
        self.pid = os.getpid() if pid is None else pid
        self._slot = 2 * (self.pid % SLOTS)
        self._cells[self._slot] = self.pid
        self._cells[self._slot + 1] = 0

    @property
    def held(self) -> int:
        """Connections this process holds."""
        return int(self._cells[self._slot + 1])

    def opened(self) -> float:
        """Count a connection accepted; the seconds to pause before serving it."""
        held = self.held + 1
        self._cells[self._slot + 1] = held
        fewest = self._fewest_elsewhere()
        if fewest is None or held - 1 <= fewest:
            return 0.0
        return PAUSE_S * min(held - 1 - fewest, MAX_PAUSES)

    def closed(self) -> None:
        """Count a connection closed."""
        self._cells[self._slot + 1] = max(self.held - 1, 0)

    def _fewest_elsewhere(self) -> int | None:
        """The fewest connections another live process of the board holds (None: no other)."""
        fewest: int | None = None
        cells = self._cells
        for slot in range(0, 2 * SLOTS, 2):
            pid = cells[slot]
            if pid == 0 or slot == self._slot:
                continue
            held = int(cells[slot + 1])
            if (fewest is None or held < fewest) and _alive(pid):
                fewest = held
        return fewest


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


_board: Board | None = None


def join() -> None:
    """Take this worker process's slot on the board named in the env (nothing without one: a
    single process), before it accepts any connection, so the others count it from the start."""
    global _board
    path = os.environ.get(BOARD_ENV)
    if path and _board is None:
        try:
            _board = Board(path)
        except OSError as exc:
            log.warning("no connection board (%s): this worker's connections are not spread", exc)


def on_open() -> None:
    """A connection accepted by this process: counted, and paused for when it holds more than
    another worker process of the board."""
    if _board is not None:
        pause = _board.opened()
        if pause:
            time.sleep(pause)


def on_close() -> None:
    """A connection of this process closed."""
    if _board is not None:
        _board.closed()
