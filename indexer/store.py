"""Where an index lives on disk, how it is switched atomically, and who may write it.

::

    INDEX_DIR/
      CURRENT          symlink -> gen-000007 (replaced atomically by rename)
      gen-000007/      a complete tantivy index + warta.json (build metadata) + entities.json
                       (the corpus-level entity map it was built with, see entity_map.py)
      gen-000006/      the previous generation, kept so a reader that has not yet noticed the
                       switch keeps working; older ones are removed
      stems.json       the persisted stem cache (warm start for the next build)
      lower_df.json    word -> how many articles write it in lower case (the lexicon's evidence)
      names.json       the name lexicon's user and learned words and the words queries take as
                       names (indexer.lexicon)
      .lock            flock'ed by the one writer; holds its pid

A full rebuild writes a new ``gen-*`` beside the live one and only then renames the symlink,
so a reader never sees a half-built index and a build killed at any point leaves ``CURRENT``
pointing at the last complete generation. Leftover generations are removed by the next writer.
"""

from __future__ import annotations

import errno
import fcntl
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import tantivy

from indexer import diskfaults
from indexer.analysis import Analyzer, load_stems, save_stems
from indexer.entity_map import EntityMap
from indexer.lexicon import static_names
from indexer.schema import SCHEMA_VERSION, build_schema

CURRENT = "CURRENT"
STEMS = "stems.json"
LOWER_DF = "lower_df.json"
NAMES = "names.json"
LOCK = ".lock"
META = "warta.json"
ENTITY_MAP = "entities.json"
_GEN_RE = re.compile(r"^gen-(\d{6})$")
_HELD_LOCK_FDS: set[int] = set()  # so forked workers can let go of the lock they inherit


class StoreError(Exception):
    """Base class of the store's user-facing errors (message is shown as is)."""


class IndexBusy(StoreError):
    pass


class NoIndex(StoreError):
    pass


@dataclass(frozen=True, slots=True)
class Generation:
    number: int
    path: Path


def generations(index_dir: Path) -> list[Generation]:
    if not index_dir.is_dir():
        return []
    out = []
    for entry in index_dir.iterdir():
        m = _GEN_RE.match(entry.name)
        if m and entry.is_dir() and not entry.is_symlink():
            out.append(Generation(int(m.group(1)), entry))
    return sorted(out, key=lambda g: g.number)


def current_generation(index_dir: Path) -> Path | None:
    """The live generation's directory, or None when there is no complete index yet."""
    link = Path(index_dir) / CURRENT
    try:
        target = os.readlink(link)
    except OSError:
        return None
    path = Path(index_dir) / target
    return path if (path / "meta.json").exists() else None


def index_version(index_dir: Path) -> tuple[str, int]:
    """Changes whenever a rebuild switches generations or a writer commits: the live
    generation's name and its meta.json's mtime (("", 0) with no complete index). The server
    asks this on every request, so it is one readlink and one stat on plain strings (pathlib
    took ~5x as long)."""
    root = os.fspath(index_dir)
    try:
        target = os.readlink(os.path.join(root, CURRENT))
        mtime = os.stat(os.path.join(root, target, "meta.json")).st_mtime_ns
    except OSError:
        return ("", 0)
    return (os.path.basename(os.path.normpath(target)), mtime)


def open_index(index_dir: Path) -> tantivy.Index:
    gen = current_generation(Path(index_dir))
    if gen is None:
        raise NoIndex(f"no index at {index_dir}: run `warta reindex PATH --index {index_dir}`")
    check_schema(index_dir, gen)
    if not diskfaults.writable(gen):  # a read-only mount: see diskfaults.reader_view
        return tantivy.Index.open(str(diskfaults.reader_view(gen)))
    return tantivy.Index.open(str(gen))


def check_schema(index_dir: Path, gen: Path) -> None:
    """An index built with another schema cannot be searched or added to: say so."""
    version = read_meta(gen).get("schema_version")
    if version != SCHEMA_VERSION:
        raise NoIndex(f"the index at {index_dir} has schema version {version}, this Warta needs "
                      f"{SCHEMA_VERSION}: run `warta reindex PATH --index {index_dir}`")


def load_analyzer(index_dir: Path) -> Analyzer:
    """The analyzer that built the live index: its settings and its persisted stem cache."""
    gen = current_generation(Path(index_dir))
    settings = read_meta(gen).get("analysis", {}) if gen else {}
    names = load_names(Path(index_dir)) if gen else NameLists()
    lower_df = _load_json(Path(index_dir) / LOWER_DF) if gen else {}
    return Analyzer(load_stems(Path(index_dir) / STEMS),
                    lexicon=static_names() | set(names.user),
                    query_names=names.query if gen and names.query else None,
                    lower_df={k: v for k, v in lower_df.items() if isinstance(v, int)},
                    protect_names=bool(settings.get("protect_names", True)))


@dataclass(frozen=True, slots=True)
class NameLists:
    """What ``names.json`` holds (:mod:`indexer.lexicon`): the user's words, the learned
    ones, the words queries take as names, and per entity-name word its article count."""

    user: tuple[str, ...] = ()
    learned: tuple[str, ...] = ()
    query: tuple[str, ...] = ()
    entity_docs: dict[str, int] = field(default_factory=dict)


def load_names(index_dir: Path) -> NameLists:
    data = _load_json(Path(index_dir) / NAMES)

    def words(key: str) -> tuple[str, ...]:
        v = data.get(key)
        return tuple(w for w in v if isinstance(w, str)) if isinstance(v, list) else ()

    docs = data.get("entity_docs")
    return NameLists(words("user"), words("learned"), words("query"),
                     {k: v for k, v in docs.items() if isinstance(v, int)}
                     if isinstance(docs, dict) else {})


def save_analyzer(index_dir: Path, analyzer: Analyzer, names: NameLists) -> None:
    save_stems(analyzer.stems, Path(index_dir) / STEMS)
    _save_json(Path(index_dir) / LOWER_DF, dict(analyzer.lower_df))
    _save_json(Path(index_dir) / NAMES, {
        "user": list(names.user), "learned": list(names.learned), "query": list(names.query),
        "entity_docs": names.entity_docs})


def load_entity_map(index_dir: Path) -> EntityMap:
    """The live generation's entity map (an empty map when it has none)."""
    gen = current_generation(Path(index_dir))
    try:
        data = orjson.loads((gen / ENTITY_MAP).read_bytes()) if gen else None
    except (OSError, orjson.JSONDecodeError):
        data = None
    return EntityMap.from_json(data)


def save_entity_map(gen: Path, emap: EntityMap) -> None:
    tmp = gen / (ENTITY_MAP + ".tmp")
    # keys sorted: the map's dicts are built in orders that differ from run to run (sets of
    # strings), and one map should be one file
    tmp.write_bytes(orjson.dumps(emap.to_json(), option=orjson.OPT_SORT_KEYS))
    os.replace(tmp, gen / ENTITY_MAP)


def _load_json(path: Path) -> dict[str, Any]:
    try:
        data = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def _save_json(path: Path, data: dict[str, Any]) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    tmp.write_bytes(orjson.dumps(data, option=orjson.OPT_SORT_KEYS))
    os.replace(tmp, path)


def read_meta(gen: Path) -> dict[str, Any]:
    return _load_json(gen / META)


def write_meta(gen: Path, meta: dict[str, Any]) -> None:
    tmp = gen / (META + ".tmp")
    tmp.write_bytes(orjson.dumps({"schema_version": SCHEMA_VERSION, **meta}))
    os.replace(tmp, gen / META)


@contextmanager
def writer_lock(index_dir: Path) -> Iterator[None]:
    """Hold the index's single-writer lock (released by the kernel if the process dies)."""
    index_dir = Path(index_dir)
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(index_dir / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as e:
        raise StoreError(diskfaults.write_error(e, index_dir)) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            raise IndexBusy(f"index {index_dir} is being written by pid {pid}") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        _HELD_LOCK_FDS.add(fd)
        for leftover in index_dir.glob(".stems-*"):  # a killed writer's unfinished stem cache
            leftover.unlink(missing_ok=True)
        try:
            yield
        finally:
            _HELD_LOCK_FDS.discard(fd)
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


@contextmanager
def disk_full_guard(index_dir: Path) -> Iterator[None]:
    """Inside the writer lock: when the disk fills up, remove the unfinished generation and say
    so in one line (the live generation is untouched: CURRENT still points at it)."""
    try:
        yield
    except (OSError, ValueError) as e:
        if not diskfaults.is_no_space(e, Path(index_dir)):
            raise
        cleanup_interrupted(Path(index_dir))
        raise StoreError(diskfaults.write_error(OSError(errno.ENOSPC, ""), Path(index_dir))
                         ) from None


def release_inherited_locks() -> None:
    """In a forked child: close the lock fds inherited from the writer (the lock stays with
    the parent), so a child that outlives a killed parent cannot keep the index locked."""
    for fd in list(_HELD_LOCK_FDS):
        try:
            os.close(fd)
        except OSError:
            pass
    _HELD_LOCK_FDS.clear()


def new_generation(index_dir: Path) -> Path:
    """Create an empty directory for the next generation (caller holds the writer lock)."""
    gens = generations(index_dir)
    number = gens[-1].number + 1 if gens else 1
    path = Path(index_dir) / f"gen-{number:06d}"
    path.mkdir()
    return path


def branch_generation(index_dir: Path, live: Path) -> Path:
    """A new generation holding what ``live`` holds, for a writer that changes it in place of
    ``live`` and then switches to it (caller holds the writer lock). Files that are only ever
    replaced whole, never rewritten (tantivy's segment files, our saved states), are hard
    links, so this costs no copy of the index; the small JSON files are copied; tantivy's lock
    files are left behind. A writer killed before the switch leaves ``live`` and all of its
    state as they were."""
    gen = new_generation(index_dir)
    for entry in live.iterdir():
        if not entry.is_file() or (entry.name.startswith(".tantivy-") and entry.suffix == ".lock"):
            continue
        if entry.suffix == ".json":
            shutil.copy2(entry, gen / entry.name)
        else:
            os.link(entry, gen / entry.name)
    return gen


def create_empty(path: Path) -> tantivy.Index:
    return tantivy.Index(build_schema(), path=str(path))


def switch_to(index_dir: Path, gen: Path) -> None:
    """Point CURRENT at ``gen`` atomically, then remove all but the previous generation."""
    index_dir = Path(index_dir)
    previous = current_generation(index_dir)
    tmp = index_dir / f".{CURRENT}.{os.getpid()}"
    tmp.unlink(missing_ok=True)
    os.symlink(gen.name, tmp)
    os.replace(tmp, index_dir / CURRENT)
    _fsync_dir(index_dir)
    keep = {gen.resolve()} | ({previous.resolve()} if previous else set())
    remove_stale(index_dir, keep)


def remove_stale(index_dir: Path, keep: set[Path]) -> None:
    for g in generations(index_dir):
        if g.path.resolve() not in keep:
            shutil.rmtree(g.path, ignore_errors=True)
    for leftover in Path(index_dir).glob(f".{CURRENT}.*"):
        leftover.unlink(missing_ok=True)


def cleanup_interrupted(index_dir: Path) -> None:
    """Remove what a killed build left: generations newer than the live one, temp links."""
    live = current_generation(index_dir)
    gens = generations(index_dir)
    keep: set[Path] = set()
    if live is not None:
        live_number = int(live.name.split("-")[1])
        keep = {g.path.resolve() for g in gens if g.number <= live_number}
    remove_stale(index_dir, keep)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def dir_size(path: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(path):
        for f in files:
            try:
                total += os.path.getsize(os.path.join(root, f))
            except OSError:
                pass
    return total
