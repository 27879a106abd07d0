"""A full build's stories linked in a process of their own, forked before any thread starts.

The corpus's entity map is worked out once the feed is done, much of it by the building process
alone (its steps before and after the types' maps, which the feed's pool computes), and a core
idles meanwhile. The linking process is forked at the start of the build, before the feed's pool
starts its threads: a fork copies only the forking thread, and a lock another thread holds at
that moment stays held in the child for good. Once the feed is done the building process writes
the parked fingerprints, pickled, to an unnamed file the child inherited, and tells it their
length over a pipe (the building process does not wait for the child to read them, as it would
through the pipe); the child links them (:func:`~indexer.stories.linked_roots`) on that core and
sends back only each article's root; the building process puts the articles in their stories
(:meth:`~indexer.story_ledger.Parked.stories`), as it does when it links them itself.
"""

from __future__ import annotations

import gc
import mmap
import multiprocessing
import pickle
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from pathlib import Path

from indexer import store
from indexer.chunk_worker import die_with_parent
from indexer.stories import Stories, gathered, linked_roots
from indexer.story_ledger import Parked


def _link(conn: Connection, parents: Connection, prints: int) -> None:
    parents.close()  # the building process's end, as this fork copied it
    store.release_inherited_locks()
    die_with_parent()
    gc.freeze()  # the inherited heap stays put: the collector need not walk (and copy) it
    try:
        size = conn.recv()
    except EOFError:  # the build stopped before its feed was done
        return
    with mmap.mmap(prints, size, access=mmap.ACCESS_READ) as parked:
        conn.send(linked_roots(gathered(pickle.loads(parked))))


class StoryLinker:
    """The linking process, forked when made: :meth:`link` hands it a build's parked
    fingerprints."""

    def __init__(self, directory: Path) -> None:
        ctx = multiprocessing.get_context("fork")
        self._prints = tempfile.TemporaryFile(dir=directory, prefix=".prints-")
        self._conn, child = ctx.Pipe()
        self._process = ctx.Process(target=_link, args=(child, self._conn, self._prints.fileno()),
                                    daemon=True)
        self._process.start()
        child.close()
        self._linked = False

    def link(self, park: Parked) -> Callable[[], Stories]:
        """Hand ``park``'s fingerprints over to be linked; the callable given waits for their
        roots and returns the stories."""
        self._prints.write(pickle.dumps(park.prints, protocol=pickle.HIGHEST_PROTOCOL))
        self._prints.flush()
        self._conn.send(self._prints.tell())

        def stories() -> Stories:
            roots = self._conn.recv()
            self._linked = True
            return park.stories(roots)

        return stories

    def close(self) -> None:
        if not self._linked:  # the build stopped early: nothing more is wanted of it
            self._process.terminate()
        self._process.join()
        self._conn.close()
        self._prints.close()


@contextmanager
def story_linker(directory: Path) -> Iterator[StoryLinker]:
    """A :class:`StoryLinker`, forked on entry, its fingerprints' file in ``directory``: enter it
    before any thread starts (the feed's pool, tantivy's)."""
    linker = StoryLinker(directory)
    try:
        yield linker
    finally:
        linker.close()
