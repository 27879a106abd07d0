"""Reading news corpora: JSON Lines, CSV and raw page-text files, each optionally gzipped.

Reading is split in two so the expensive part can run in worker processes:

* :func:`iter_chunks` (main process) walks the inputs and yields :class:`Chunk` objects: the
  raw bytes of up to N lines of a JSONL file with their line numbers, already-split CSV rows,
  or the text of one raw page. Only I/O and gzip happen here.
* :func:`records_of` (worker) turns a chunk into :class:`Record` objects or :class:`Problem`
  reports carrying ``file:line`` — malformed JSON, wrong types, oversized records, bad UTF-8
  (decoded with replacement and counted) — so one bad line never stops a file.

Field names are mapped without configuration (see :data:`ALIASES`); ``--field-map`` adds more.
"""

from __future__ import annotations

import csv
import gzip
import io
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal, NamedTuple

import orjson

from indexer.streams import (
    SNIFF_BYTES,
    ArrayError,
    BadRow,
    array_elements,
    binary_kind,
    bounded_lines,
    csv_rows,
)

# canonical field -> accepted source names, in order of preference (compared lowercased).
ALIASES: Mapping[str, tuple[str, ...]] = {
    "id": ("id", "_id", "doc_id", "article_id", "guid", "uuid"),
    "url": ("url", "link", "permalink", "canonical_url", "href"),
    "title": ("title", "judul", "headline", "heading", "name"),
    "body": ("body", "content", "text", "isi", "article", "artikel", "berita", "konten"),
    "date": (
        "date", "published", "published_at", "publish_date", "pubdate", "date_published",
        "tanggal", "datetime", "timestamp", "created_at", "waktu_terbit",
    ),
    "time": ("time", "time_raw", "jam", "waktu", "pukul"),
    "source": ("source", "outlet", "media", "site", "publisher", "sumber", "portal"),
    "category": ("category", "kategori", "rubrik", "section", "kanal", "topic"),
}
CANONICAL = tuple(ALIASES)
MAX_RECORD_BYTES = 5 * 1024 * 1024
CHUNK_LINES = 200
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
CSV_SUFFIXES = {".csv", ".tsv"}
RAW_SUFFIXES = {".txt", ".text", ".page"}
# Files in a corpus directory that are about the corpus, not part of it.
_NOT_ARTICLES = ("readme", "license", "licence", "notice", "source", "changelog")
Format = Literal["jsonl", "csv", "raw"]


@dataclass(frozen=True, slots=True)
class Record:
    """One input record with canonical field names (values are strings or None)."""

    origin: str  # "path:line"
    fields: Mapping[str, str | None]
    raw_page: bool = False  # True when the body is a whole scraped page to be cleaned
    page_key: str = ""  # a raw page's path under the input directory named: its identity


@dataclass(frozen=True, slots=True)
class Problem:
    origin: str
    reason: str  # short, stable: used to count skips by reason
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Chunk:
    fmt: Format
    path: str
    items: tuple[tuple[int, Any], ...]  # (line number, bytes | dict | str)
    field_map: Mapping[str, str] = field(default_factory=dict)
    nbytes: int = 0  # uncompressed input bytes this chunk covers (for progress and ETA)
    key: str = ""  # the file's path relative to the input directory named (see InputFile)


class InputFile(NamedTuple):
    """An input file and its key: its path under the directory that was named on the command
    line, or its name when the file itself was named ("pages/banjir.txt", "genpi-rafah.txt").
    Unlike the full path, the key stays the same wherever the corpus is mounted."""

    path: Path
    key: str


def parse_field_map(spec: str | None) -> dict[str, str]:
    """``"body=konten,title=judul_berita"`` -> {"body": "konten", "title": "judul_berita"}."""
    out: dict[str, str] = {}
    if not spec:
        return out
    for part in spec.split(","):
        if not part.strip():
            continue
        key, sep, value = part.partition("=")
        key, value = key.strip().lower(), value.strip()
        if not sep or key not in ALIASES or not value:
            raise ValueError(
                f"bad --field-map entry {part!r}: expected FIELD=SOURCE_NAME with FIELD one of "
                + ", ".join(CANONICAL)
            )
        out[key] = value
    return out


def input_format(path: Path) -> Format | None:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    if last in JSONL_SUFFIXES:
        return "jsonl"
    if last in CSV_SUFFIXES:
        return "csv"
    if last in RAW_SUFFIXES or last == "":
        return "raw"
    return None


def iter_input_files(paths: Iterable[Path]) -> Iterator[InputFile]:
    """Files named, and files under directories named (recursive, sorted, hidden skipped)."""
    for p in paths:
        p = Path(p)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p)
                if f.is_file() and not any(part.startswith(".") for part in rel.parts):
                    if input_format(f) is not None and not _is_corpus_doc(f):
                        yield InputFile(f, rel.as_posix())
        elif p.exists():
            yield InputFile(p, p.name)


def _is_corpus_doc(path: Path) -> bool:
    return path.name.lower().split(".", 1)[0] in _NOT_ARTICLES


def _open_binary(path: Path) -> IO[bytes]:
    with open(path, "rb") as probe:
        magic = probe.read(2)
    if magic == b"\x1f\x8b":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def iter_chunks(
    path: Path,
    field_map: Mapping[str, str] | None = None,
    chunk_lines: int = CHUNK_LINES,
    key: str = "",
) -> Iterator[Chunk | Problem]:
    """Split one input file into chunks (I/O only). Unreadable files give a Problem.
    ``key`` identifies a raw page (see :class:`InputFile`; default: the file name)."""
    fmt = input_format(path) or "raw"
    fm = dict(field_map or {})
    name = str(path)
    try:
        with _open_binary(path) as f:
            kind = binary_kind(f.peek(SNIFF_BYTES)[:SNIFF_BYTES])  # type: ignore[attr-defined]
            if kind is not None:
                yield Problem(f"{name}:1", "binary file", f"{kind}, not text")
                return
            if fmt == "jsonl":
                yield from _jsonl_chunks(f, name, fm, chunk_lines)
            elif fmt == "csv":
                yield from _csv_chunks(f, name, fm, chunk_lines, path)
            else:
                data = f.read(MAX_RECORD_BYTES + 1)
                if len(data) > MAX_RECORD_BYTES:
                    yield Problem(f"{name}:1", "too large", f"over {MAX_RECORD_BYTES} bytes")
                else:
                    yield Chunk("raw", name, ((1, data),), fm, len(data), key or path.name)
    except (OSError, EOFError, gzip.BadGzipFile, csv.Error) as e:
        yield Problem(f"{name}:0", "unreadable file", str(e))


def _jsonl_chunks(
    f: IO[bytes], name: str, fm: dict[str, str], chunk_lines: int
) -> Iterator[Chunk | Problem]:
    head = f.peek(64)[:64] if hasattr(f, "peek") else b""
    if head.lstrip()[:1] == b"[":
        # A JSON array file: one record per element; line numbers are element numbers.
        elements = array_elements(f, MAX_RECORD_BYTES)
    else:
        elements = bounded_lines(f, MAX_RECORD_BYTES)
    batch: list[tuple[int, Any]] = []
    nbytes = 0
    try:
        for lineno, data, size in elements:
            nbytes += size
            if data is None:
                yield Problem(f"{name}:{lineno}", "too large",
                              f"{size} bytes; at most {MAX_RECORD_BYTES} per record")
                continue
            if not data.strip():
                continue
            batch.append((lineno, data))
            if len(batch) >= chunk_lines:
                yield Chunk("jsonl", name, tuple(batch), fm, nbytes)
                batch, nbytes = [], 0
    except ArrayError as e:
        yield Problem(f"{name}:{e.number}", "malformed JSON", str(e))
    if batch or nbytes:
        yield Chunk("jsonl", name, tuple(batch), fm, nbytes)


def _csv_chunks(
    f: IO[bytes], name: str, fm: dict[str, str], chunk_lines: int, path: Path
) -> Iterator[Chunk | Problem]:
    text = io.TextIOWrapper(f, encoding="utf-8", errors="replace", newline="")
    delimiter = "\t" if ".tsv" in [s.lower() for s in path.suffixes] else ","
    batch: list[tuple[int, Any]] = []
    for lineno, row in csv_rows(text, delimiter, MAX_RECORD_BYTES):
        if isinstance(row, BadRow):
            yield Problem(f"{name}:{lineno}", row.reason, row.detail)
            continue
        batch.append((lineno, row))
        if len(batch) >= chunk_lines:
            yield Chunk("csv", name, tuple(batch), fm, _row_bytes(batch))
            batch = []
    if batch:
        yield Chunk("csv", name, tuple(batch), fm, _row_bytes(batch))


def _row_bytes(rows: list[tuple[int, Any]]) -> int:
    return sum(len(v) + 1 for _n, row in rows for v in row.values() if isinstance(v, str))


def uncompressed_size(path: Path) -> int:
    """Input bytes of a file: its size, or for gzip the size its trailer records (mod 4 GiB)."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as f:
            if f.read(2) != b"\x1f\x8b" or size < 18:
                return size
            f.seek(-4, os.SEEK_END)
            return int.from_bytes(f.read(4), "little")
    except OSError:
        return 0


@dataclass(slots=True)
class DecodeStats:
    bad_utf8_lines: int = 0


def _decode(data: bytes, stats: DecodeStats) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        stats.bad_utf8_lines += 1
        return data.decode("utf-8", errors="replace")


def map_fields(obj: Mapping[str, Any], field_map: Mapping[str, str]) -> dict[str, Any]:
    """Pick canonical fields out of a source record (case-insensitive names)."""
    lowered = {str(k).lower(): v for k, v in obj.items()}
    out: dict[str, Any] = {}
    for canon, names in ALIASES.items():
        explicit = field_map.get(canon)
        candidates = ((explicit.lower(),) if explicit else ()) + names
        for n in candidates:
            if n in lowered and lowered[n] not in (None, ""):
                out[canon] = lowered[n]
                break
    return out


def _check_types(origin: str, mapped: Mapping[str, Any]) -> Record | Problem:
    fields: dict[str, str | None] = {}
    for key in CANONICAL:
        value = mapped.get(key)
        if value is None:
            fields[key] = None
        elif isinstance(value, str):
            fields[key] = value
        elif isinstance(value, bool) or not isinstance(value, int | float):
            return Problem(origin, "wrong type", f"field {key!r} is {type(value).__name__}")
        elif key in ("id", "date", "time", "category", "source"):
            fields[key] = str(value)  # numeric ids, epoch timestamps, numeric categories
        else:
            return Problem(origin, "wrong type", f"field {key!r} is {type(value).__name__}")
    return Record(origin, fields)


def records_of(chunk: Chunk, stats: DecodeStats) -> Iterator[Record | Problem]:
    """Parse a chunk into records (runs in worker processes)."""
    for lineno, item in chunk.items:
        origin = f"{chunk.path}:{lineno}"
        if chunk.fmt == "jsonl":
            text = _decode(item, stats)
            try:
                obj = orjson.loads(text)
            except orjson.JSONDecodeError as e:
                yield Problem(origin, "malformed JSON", str(e))
                continue
            if not isinstance(obj, dict):
                yield Problem(origin, "malformed JSON", "line is not a JSON object")
                continue
            yield _check_types(origin, map_fields(obj, chunk.field_map))
        elif chunk.fmt == "csv":
            yield _check_types(origin, map_fields(item, chunk.field_map))
        else:
            text = _decode(item, stats)
            yield Record(origin, {"body": text}, raw_page=True, page_key=chunk.key)
