"""Full and read-only disks, for real: a small tmpfs that fills up, a tmpfs remounted read-only
(mounting needs root; under CI=true its absence fails the test instead of skipping it). Also the
writers that must leave nothing behind: delete on a missing index, delete of missing ids, a stem
cache temp file left by a killed writer."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from indexer import store
from search_api.app import create_app

WARTA = [str(Path(sys.executable).parent / "warta")]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*WARTA, *args], capture_output=True, text=True, timeout=600)


def tree(path: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``path`` with its size and mtime (ns)."""
    return {str(p.relative_to(path)): (p.lstat().st_size, p.lstat().st_mtime_ns)
            for p in sorted(path.rglob("*"))}


@pytest.fixture
def mount_point(tmp_path: Path) -> Iterator[Path]:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        message = "mounting a tmpfs needs root and mount(8)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    point = tmp_path / "mnt"
    point.mkdir()
    yield point
    subprocess.run(["umount", "--lazy", str(point)], check=True)  # lazy: mmaps may remain


def mount_tmpfs(point: Path, size_bytes: int) -> None:
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_bytes}", "tmpfs", str(point)],
                   check=True)


def copy_index(index_dir: Path, dest: Path) -> Path:
    shutil.copytree(index_dir, dest, symlinks=True)
    return dest


@pytest.mark.slow  # a reindex of the session corpus until the disk is full
def test_a_full_disk_gives_one_line_and_keeps_the_live_index(
    index_dir: Path, corpus_records: tuple[Path, list[Any]], oracle: list[Any],
    mount_point: Path,
) -> None:
    used = sum(p.stat().st_size for p in index_dir.rglob("*") if p.is_file())
    mount_tmpfs(mount_point, used + 3 * 2**20)  # room for the copy, not for a new generation
    idx = copy_index(index_dir, mount_point / "idx")
    live = store.current_generation(idx)
    res = run("reindex", str(corpus_records[0]), "--index", str(idx))
    assert res.returncode == 1
    errors = [line for line in res.stderr.splitlines() if line.startswith("Error")]
    assert errors == [f"Error: cannot write the index at {idx}: no space left on device"]
    assert "Traceback" not in res.stderr
    assert store.current_generation(idx) == live
    newer = [g.path.name for g in store.generations(idx) if g.path.name > live.name]
    assert newer == []  # the partial generation was removed
    with TestClient(create_app(idx)) as client:
        assert client.get("/health").json()["documents"] == len(oracle)


def test_a_read_only_index_is_served_and_its_writers_say_why(
    index_dir: Path, oracle: list[Any], mount_point: Path,
) -> None:
    mount_tmpfs(mount_point, 200 * 2**20)
    idx = copy_index(index_dir, mount_point / "idx")
    subprocess.run(["mount", "-o", "remount,ro", str(mount_point)], check=True)
    with TestClient(create_app(idx)) as client:
        assert client.get("/health").json()["documents"] == len(oracle)
        body = client.get("/search", params={"q": "banjir"}).json()
        assert body["total"] > 0
        assert client.get("/", headers={"accept": "text/html"}).status_code == 200
    res = run("stats", "--index", str(idx))
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith(f"documents      {len(oracle):,}")
    for args in (["delete", "x"], ["add", str(idx / "CURRENT")], ["reindex", str(idx)]):
        res = run(*args, "--index", str(idx))
        assert res.returncode == 1, args
        assert res.stderr.strip() == (
            f"Error: cannot write the index at {idx}: read-only file system"), args


def test_delete_on_a_missing_index_creates_nothing(tmp_path: Path) -> None:
    res = run("delete", "x", "--index", str(tmp_path / "nonexistent" / "deep" / "idx"))
    assert res.returncode == 1
    assert res.stderr.strip() == f"Error: no index at {tmp_path / 'nonexistent' / 'deep' / 'idx'}"
    assert list(tmp_path.iterdir()) == []


def test_deleting_only_missing_ids_commits_nothing_and_stem_temps_are_cleaned(
    index_dir: Path, tmp_path: Path,
) -> None:
    idx = copy_index(index_dir, tmp_path / "idx")
    leftover = idx / ".stems-killed1"
    leftover.write_bytes(b"{half")
    before = tree(idx)
    res = run("delete", "no-such-id-1", "no-such-id-2", "--index", str(idx))
    assert res.returncode == 1
    assert res.stdout.strip() == "deleted 0"
    after = tree(idx)
    assert not leftover.exists()  # the next writer removed the killed writer's temp file
    del before[leftover.name]
    changed = {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
    assert changed == {".lock"}  # only the writer lock was touched: no commit, no new files
