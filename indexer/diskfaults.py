"""What the store does when the disk says no: a read-only filesystem or a full one.

* Readers need no write access. tantivy still creates a lock file beside the segments whenever
  it opens a searcher, which fails on a read-only mount ("Failed to acquire Lockfile"); so a
  generation that cannot be written is opened through :func:`reader_view`, a private directory
  of symbolic links to its files where that lock file can live. Nothing is ever written through
  it: every writer takes the writer lock first, which needs the index directory writable.
* Writers that cannot write say so in one line (:func:`write_error`) naming the path, instead of
  a traceback; a full disk is recognised by :func:`is_no_space` (``store.disk_full_guard``
  removes the unfinished generation).
"""

from __future__ import annotations

import atexit
import errno
import os
import shutil
import tempfile
from pathlib import Path

_VIEWS: dict[Path, Path] = {}  # generation -> its reader view (one per process)

NO_SPACE_TEXT = ("No space left on device", "Disk quota exceeded")
FULL_BYTES = 16 * 1024 * 1024  # free space under which a dead tantivy writer means a full disk


def writable(path: Path) -> bool:
    return os.access(path, os.W_OK)


def reader_view(gen: Path) -> Path:
    """A writable directory that shows ``gen``'s files (symbolic links), made once per process
    and removed at exit."""
    gen = gen.resolve()
    view = _VIEWS.get(gen)
    if view is None:
        view = Path(tempfile.mkdtemp(prefix=f"warta-ro-{gen.name}-"))
        for f in gen.iterdir():
            if f.is_file() and not f.name.endswith(".lock"):
                (view / f.name).symlink_to(f)
        _VIEWS[gen] = view
        atexit.register(shutil.rmtree, view, True)
    return view


def is_no_space(exc: BaseException, path: Path) -> bool:
    """The disk (or the user's quota) filled up: an OSError saying so, or tantivy's error for a
    writer thread that died (its cause is not passed on) while ``path``'s filesystem is full."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    text = str(exc)
    if any(t in text for t in NO_SPACE_TEXT):
        return True
    if "writer was killed" in text:
        try:
            return shutil.disk_usage(path).free < FULL_BYTES
        except OSError:
            return False
    return False


def write_error(exc: OSError, path: Path) -> str:
    """One line for a writer that cannot write at ``path``."""
    if exc.errno == errno.EROFS:
        why = "read-only file system"
    elif exc.errno in (errno.ENOSPC, errno.EDQUOT):
        why = "no space left on device"
    elif exc.errno in (errno.EACCES, errno.EPERM):
        why = "permission denied"
    else:
        why = exc.strerror or str(exc)
    return f"cannot write the index at {path}: {why}"
