"""Bad files cost bounded memory and are reported with file:line: over-limit lines and JSON array
elements skipped as they stream past, binary files skipped with a reason, ids over the term limit,
dates the index cannot hold, a CSV quote never closed. Readers are checked against whole-file
references; memory is measured in a real child process (its peak RSS)."""

from __future__ import annotations

import gzip
import io
import json
import random
import subprocess
import sys
from pathlib import Path
from typing import IO, cast

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.build import reindex
from indexer.build_report import BuildReport
from indexer.document import MAX_ID_BYTES
from indexer.records import MAX_RECORD_BYTES
from indexer.streams import (
    ArrayError,
    CappedStrings,
    array_elements,
    binary_kind,
    bounded_lines,
    csv_rows,
)

ROOT = Path(__file__).resolve().parents[1]
BODY = ("Pemerintah daerah menyampaikan keterangan resmi kepada wartawan pada hari itu dan "
        "meminta masyarakat tetap tenang sambil menunggu hasil pemeriksaan lebih lanjut.")
BIG = 60_000_000  # an over-limit record, twelve times the limit
# The child's peak RSS from /proc (VmHWM, kB): getrusage's ru_maxrss starts at the parent's at
# fork, so under a pytest process of a few hundred MB it would hide any growth below that.
PEAK = """
import sys
from pathlib import Path
from indexer.records import Problem, iter_chunks
def peak():
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))
before = peak()
out = [f"{i.origin} {i.reason}" if isinstance(i, Problem) else len(i.items)
       for i in iter_chunks(Path(sys.argv[1]))]
grew = peak() - before
print(grew // 1024, out)
"""


def record(i: int, **extra: object) -> dict[str, object]:
    return {"id": f"r{i}", "title": f"Berita {i}", "body": BODY, "date": "2019-09-10", **extra}


def peak_mb(path: Path) -> tuple[int, str]:
    out = subprocess.run([sys.executable, "-c", PEAK, str(path)], capture_output=True, text=True,
                         cwd=ROOT, check=True, timeout=300).stdout
    grew, _, items = out.partition(" ")
    return int(grew), items


# -- streaming ----------------------------------------------------------------------------------


@pytest.mark.parametrize("gz", [False, True])
def test_an_over_limit_line_is_skipped_without_being_held(tmp_path: Path, gz: bool) -> None:
    data = b"\n".join([orjson.dumps(record(1)), orjson.dumps(record(2, body="x" * BIG)),
                       orjson.dumps(record(3))]) + b"\n"
    path = tmp_path / ("big.jsonl.gz" if gz else "big.jsonl")
    path.write_bytes(gzip.compress(data, 1) if gz else data)
    grew, items = peak_mb(path)
    assert items.strip() == f"['{path}:2 too large', 2]"
    assert grew < 3 * MAX_RECORD_BYTES // 2**20, grew  # the old reader held the whole line


def test_a_json_array_is_streamed_record_by_record(tmp_path: Path) -> None:
    n = BIG // 6000
    path = tmp_path / "many.json"
    with open(path, "wb") as f:
        f.write(b"[")
        f.write(b",".join(orjson.dumps(record(i, body=BODY * 36)) for i in range(n)))
        f.write(b"]")
    grew, items = peak_mb(path)
    assert sum(int(x) for x in items.strip("[]\n").split(", ")) == n
    assert grew < 3 * MAX_RECORD_BYTES // 2**20, grew


def test_one_huge_string_in_an_array_is_not_held(tmp_path: Path) -> None:
    path = tmp_path / "huge-string.json"
    path.write_bytes(orjson.dumps([record(1), record(2, body="x" * BIG), record(3)]))
    grew, items = peak_mb(path)
    assert items.strip() == f"['{path}:2 too large', 2]"
    assert grew < 3 * MAX_RECORD_BYTES // 2**20, grew  # yajl held the whole string before


class Trickle(io.RawIOBase):
    """A file giving its bytes in reads of the sizes given (cycled)."""

    def __init__(self, data: bytes, sizes: list[int]) -> None:
        self.data, self.sizes, self.pos, self.k = data, sizes, 0, 0

    def read(self, n: int = -1) -> bytes:
        size = self.sizes[self.k % len(self.sizes)]
        self.k += 1
        n = size if n is None or n < 0 else min(n, size)
        out = self.data[self.pos:self.pos + n]
        self.pos += len(out)
        return out


def _raw(s: str, ascii_only: bool) -> int:
    return len(json.dumps(s, ensure_ascii=ascii_only).encode()) - 2


def _check_cut(orig: object, got: object, cap: int, ascii_only: bool) -> None:
    if isinstance(orig, str):
        assert isinstance(got, str) and orig.startswith(got)
        if _raw(orig, ascii_only) <= cap:
            assert got == orig
        else:  # cut at the cap, moved at most to the end of an escape or a character
            assert cap - 12 <= _raw(got, ascii_only) <= cap + 12
    elif isinstance(orig, dict):
        assert isinstance(got, dict) and list(got) == list(orig)
        for k in orig:
            _check_cut(orig[k], got[k], cap, ascii_only)
    elif isinstance(orig, list):
        assert isinstance(got, list) and len(got) == len(orig)
        for a, b in zip(orig, got, strict=True):
            _check_cut(a, b, cap, ascii_only)
    else:
        assert got == orig


STRINGY = st.recursive(
    st.none() | st.integers(-10, 10) | st.text(max_size=60),
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(
        st.sampled_from(["id", "body", "k"]), kids, max_size=3),
    max_leaves=10,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(STRINGY, max_size=6), st.integers(4, 40), st.booleans(),
       st.lists(st.integers(1, 50), min_size=1, max_size=5))
def test_capped_strings_cut_only_long_strings_and_keep_the_json_valid(
        items: list[object], cap: int, ascii_only: bool, reads: list[int]) -> None:
    """Strings (escapes, surrogate pairs, UTF-8 of every width, reads cut anywhere) longer than
    the cap come out as a prefix of about the cap; shorter ones, and everything else, intact."""
    data = json.dumps(items, ensure_ascii=ascii_only).encode()
    capped = CappedStrings(cast(IO[bytes], Trickle(data, reads)), cap)
    out = b"".join(iter(lambda: capped.read(64), b""))
    _check_cut(items, json.loads(out), cap, ascii_only)


@settings(max_examples=150, deadline=None)
@given(st.lists(STRINGY, max_size=6), st.integers(5, 40), st.booleans())
def test_an_array_element_with_a_string_over_the_limit_is_over_the_limit(
        items: list[object], limit: int, ascii_only: bool) -> None:
    data = json.dumps(items, ensure_ascii=ascii_only).encode()
    got = list(array_elements(io.BytesIO(data), limit))
    assert [n for n, _, _ in got] == list(range(1, len(items) + 1))
    for item, (_, element, size) in zip(items, got, strict=True):
        longest = max((_raw(s, ascii_only) for s in _strings(item)), default=0)
        if longest > limit + 12:
            assert element is None and size > limit
        elif element is not None:
            assert orjson.loads(element) == item


def _strings(x: object) -> list[str]:
    if isinstance(x, str):
        return [x]
    if isinstance(x, dict):
        return [s for k, v in x.items() for s in (k, *_strings(v))]
    if isinstance(x, list):
        return [s for v in x for s in _strings(v)]
    return []


def test_an_over_limit_array_element_is_reported_and_the_rest_read(tmp_path: Path) -> None:
    items = [record(1), record(2, body=[BODY] * (MAX_RECORD_BYTES // len(BODY) + 10)), record(3)]
    f = io.BytesIO(orjson.dumps(items))
    got = list(array_elements(f, MAX_RECORD_BYTES))
    assert [(n, None if d is None else orjson.loads(d)) for n, d, _ in got] == [
        (1, items[0]), (2, None), (3, items[2])]
    assert got[1][2] > MAX_RECORD_BYTES
    with pytest.raises(ArrayError):
        list(array_elements(io.BytesIO(b'[{"a": 1}, {"b": '), 1000))
    with pytest.raises(ArrayError):
        list(array_elements(io.BytesIO(b'{"a": 1}'), 1000))


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.text(max_size=20),
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=5), kids,
                                                              max_size=4),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(st.lists(JSON, max_size=8))
def test_array_elements_equal_loading_the_whole_array(items: list[object]) -> None:
    got = list(array_elements(io.BytesIO(orjson.dumps(items)), 10_000))
    assert [orjson.loads(d) for _, d, _ in got if d is not None] == items
    assert [n for n, _, _ in got] == list(range(1, len(items) + 1))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.binary(max_size=40).map(lambda b: b.replace(b"\n", b"")), max_size=10),
       st.integers(1, 30), st.booleans())
def test_bounded_lines_equal_splitting_the_whole_file(lines: list[bytes], limit: int,
                                                      final_newline: bool) -> None:
    data = b"\n".join(lines) + (b"\n" if final_newline and lines else b"")
    got = list(bounded_lines(io.BufferedReader(io.BytesIO(data), 8), limit))
    expected = [(i + 1, None if len(line) > limit else line + (b"\n" if i < len(lines) - 1 or
                                                                 final_newline else b""))
                for i, line in enumerate(lines) if line or i < len(lines) - 1 or final_newline]
    assert [(n, d) for n, d, _ in got] == expected
    assert sum(size for _, _, size in got) == len(data)


# -- CSV ----------------------------------------------------------------------------------------


def test_csv_unterminated_quote_is_reported_as_such() -> None:
    text = ('id,title,body\n1,Satu,"isi satu dua tiga"\n2,"Dua tanpa tutup,isi\n'
            '3,Tiga,isi tiga\n')
    rows = list(csv_rows(io.StringIO(text, newline=""), ",", 1000))
    assert rows[0] == (2, {"id": "1", "title": "Satu", "body": "isi satu dua tiga"})
    line, bad = rows[1]
    assert line == 3 and len(rows) == 2
    assert not isinstance(bad, dict) and bad.reason == "malformed CSV"
    assert bad.detail.startswith("unterminated quote")


def test_csv_rows_bounded_and_multi_line_fields_kept() -> None:
    text = ('id,body\n1,"baris satu\nbaris dua"\n2,' + "x" * 5000 + '\n3,tiga\n4\n')
    rows = list(csv_rows(io.StringIO(text, newline=""), ",", 1000))
    assert rows[0] == (2, {"id": "1", "body": "baris satu\nbaris dua"})
    assert rows[1][0] == 4 and not isinstance(rows[1][1], dict)
    assert rows[1][1].reason == "too large"
    assert rows[2:] == [(5, {"id": "3", "body": "tiga"}), (6, {"id": "4", "body": None})]


# -- binary files -------------------------------------------------------------------------------


def test_binary_kinds() -> None:
    rng = random.Random(16)
    assert binary_kind(b"\x89PNG\r\n\x1a\n" + rng.randbytes(100)) == "PNG image"
    assert binary_kind(b"%PDF-1.7\n" + rng.randbytes(100)) == "PDF document"
    assert binary_kind(Path(sys.executable).resolve().read_bytes()[:8192]) == "ELF executable"
    assert binary_kind(rng.randbytes(8192)) == "binary data"
    assert binary_kind(b"teks\x00biner") == "binary data"
    assert binary_kind(BODY.encode()) is None
    assert binary_kind("Berita ‘kutipan’ — é".encode()) is None
    assert binary_kind(BODY.encode() + " café".encode("cp1252")) is None  # one stray byte
    assert binary_kind("ü".encode()[:1]) is None  # a character cut at the end of the sample
    assert binary_kind(b"") is None


# -- end to end: one build over every bad input -------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildReport]:
    d = tmp_path_factory.mktemp("bad")
    rng = random.Random(16)
    (d / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + rng.randbytes(5000))
    (d / "doc.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + rng.randbytes(5000))
    (d / "program").write_bytes(Path(sys.executable).resolve().read_bytes()[:20000])
    (d / "noise.txt").write_bytes(rng.randbytes(5000))
    (d / "halaman.txt").write_text(f"Judul halaman\n\n{BODY}\n")
    lines = [
        record(1),
        record(2, id="x" * (MAX_ID_BYTES + 1)),
        record(3, id="é" * (MAX_ID_BYTES // 2)),  # exactly MAX_ID_BYTES bytes: accepted
        record(4, date="0001-01-01"),
        record(5, date="9999-12-31"),
        record(6, date="kemarin sore"),  # not a date: undated, as before
    ]
    (d / "a.jsonl").write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in lines))
    (d / "b.csv").write_text(f'id,title,body\nc1,Satu,"{BODY}"\nc2,"Dua,{BODY}\nc3,Tiga,{BODY}\n')
    paths = sorted(d.iterdir())
    report = reindex(paths, d / "idx", workers=1)
    return d, report


def test_bad_inputs_are_reported_with_file_line_and_the_rest_indexed(
    built: tuple[Path, BuildReport],
) -> None:
    d, report = built
    problems = {(p.origin, p.reason) for p in report.problems}
    assert problems == {
        (f"{d / 'image.png'}:1", "binary file"),
        (f"{d / 'doc.pdf'}:1", "binary file"),
        (f"{d / 'program'}:1", "binary file"),
        (f"{d / 'noise.txt'}:1", "binary file"),
        (f"{d / 'a.jsonl'}:2", "id too long"),
        (f"{d / 'a.jsonl'}:4", "date out of range"),
        (f"{d / 'a.jsonl'}:5", "date out of range"),
        (f"{d / 'b.csv'}:3", "malformed CSV"),
    }
    details = {p.origin.rsplit("/", 1)[1]: p.detail for p in report.problems}
    assert details["image.png:1"] == "PNG image, not text"
    assert details["doc.pdf:1"] == "PDF document, not text"
    assert details["program:1"] == "ELF executable, not text"
    assert details["noise.txt:1"] == "binary data, not text"
    assert "year 1 outside" in details["a.jsonl:4"] and "year 9999" in details["a.jsonl:5"]
    assert details["b.csv:3"].startswith("unterminated quote")
    # r1, r3 (512-byte id), r6 (undated), the raw page and c1 (both without a date): written.
    assert report.written == 5 and report.undated == 3
