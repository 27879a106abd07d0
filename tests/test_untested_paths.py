"""Paths no other test took: ``stats --json`` (checked against the payloads), ``--field-map``
on the command line, a corrupt ``warta.json``, a searcher that keeps its snapshot when a reopen
fails, and the per-facet value limits of a request."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import orjson
import pytest
from starlette.testclient import TestClient

from indexer import store
from search_api import service, snapshot
from search_api.app import create_app
from search_api.params import MAX_FILTER_VALUE_CHARS, MAX_FILTER_VALUES, SearchRequest

WARTA = str(Path(sys.executable).parent / "warta")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([WARTA, *args], capture_output=True, text=True, timeout=600)


def test_stats_json_against_the_raw_records(index_dir: Path, oracle: list[Any]) -> None:
    res = run("stats", "--json", "--top", "3", "--index", str(index_dir))
    assert res.returncode == 0, res.stderr
    s = orjson.loads(res.stdout)
    assert s["documents"] == len(oracle)
    assert s["generation"] == store.current_generation(index_dir).name  # type: ignore[union-attr]
    outlets = Counter(d.source for d in oracle if d.source)  # stats counts every document
    assert [(r["value"], r["count"]) for r in s["top"]["source"]] == [
        (v, n) for v, n in sorted(outlets.items(), key=lambda vn: (-vn[1], vn[0]))[:3]]


def test_field_map_on_the_command_line(tmp_path: Path) -> None:
    body = ("Pemerintah kota membangun jembatan baru di atas sungai untuk mengurangi kemacetan "
            "yang selama ini dikeluhkan warga sekitar pasar.")
    src = tmp_path / "a.jsonl"
    src.write_bytes(orjson.dumps({"kode": "k-1", "konten": body, "judul_berita": "Jembatan"})
                    + b"\n")
    idx = tmp_path / "idx"
    res = run("reindex", str(src), "--index", str(idx),
              "--field-map", "id=kode,body=konten,title=judul_berita")
    assert res.returncode == 0, res.stderr
    with TestClient(create_app(idx)) as client:
        article = client.get("/articles/k-1").json()
    assert (article["title"], article["body"]) == ("Jembatan", body)
    res = run("reindex", str(src), "--index", str(tmp_path / "other"), "--field-map", "isi=konten")
    assert res.returncode == 2
    assert "bad --field-map entry 'isi=konten'" in res.stderr
    assert not (tmp_path / "other").exists()


def test_a_corrupt_warta_json_is_a_clear_error(index_dir: Path, tmp_path: Path) -> None:
    idx = tmp_path / "idx"
    shutil.copytree(index_dir, idx, symlinks=True)
    gen = store.current_generation(idx)
    assert gen is not None
    (gen / store.META).write_bytes(b"{not json")
    res = run("stats", "--index", str(idx))
    assert res.returncode == 1
    assert res.stderr.strip() == (
        f"Error: the index at {idx} has schema version None, this Warta needs "
        f"{store.SCHEMA_VERSION}: run `warta reindex PATH --index {idx}`")
    with TestClient(create_app(idx)) as client:
        res = client.get("/health")
        assert res.status_code == 503 and res.json()["error"] == "index_unavailable"


def test_a_failed_reopen_keeps_the_old_snapshot(index_dir: Path, tmp_path: Path) -> None:
    idx = tmp_path / "idx"
    shutil.copytree(index_dir, idx, symlinks=True)
    holder = snapshot.SearcherHolder(idx)
    before = holder.snapshot()
    total = service.search(holder, SearchRequest()).total
    # A newer generation that cannot be opened (empty: no tantivy meta) becomes CURRENT.
    broken = idx / "gen-999999"
    broken.mkdir()
    os.replace(idx / store.CURRENT, idx / "old-current")
    (idx / store.CURRENT).symlink_to(broken.name)
    assert store.index_version(idx) != before.version
    after = holder.snapshot()
    assert after is before
    assert service.search(holder, SearchRequest()).total == total > 0
    # A holder that never had a snapshot says the index is unavailable.
    with pytest.raises(snapshot.IndexUnavailable):
        snapshot.SearcherHolder(idx).snapshot()


def test_per_facet_value_limits(client: TestClient) -> None:
    ok = [("person", f"Nama {i}") for i in range(MAX_FILTER_VALUES)]
    assert client.get("/search", params=ok).status_code == 200
    res = client.get("/search", params=[*ok, ("person", "Satu lagi")])
    assert res.status_code == 400
    assert res.json() == {"error": "invalid_parameter",
                          "detail": f"at most {MAX_FILTER_VALUES} values of person are allowed"}
    # The limit is per facet: as many again of another facet is fine.
    other = [("org", f"Org {i}") for i in range(MAX_FILTER_VALUES)]
    assert client.get("/search", params=[*ok, *other]).status_code == 200
    res = client.get("/search", params={"place": "x" * (MAX_FILTER_VALUE_CHARS + 1)})
    assert res.status_code == 400 and res.json()["error"] == "invalid_parameter"
    assert client.get("/search", params={"place": "x" * MAX_FILTER_VALUE_CHARS}).status_code == 200
