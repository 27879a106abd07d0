"""Reading input that may be far larger than memory, one record at a time.

Memory is bounded by the per-record limit, not by the input: a line or a JSON array element over
the limit is skipped as it streams past (only its size is kept, for the report), never held.

* :func:`bounded_lines` — the lines of a JSON Lines file.
* :func:`array_elements` — the elements of a file holding one JSON array, parsed by ``ijson``
  (a streaming parser over yajl, the C library: the array is never read whole, and a hand
  written tokenizer would be slower and another thing to get right). yajl holds a whole string
  while it parses it, so the bytes reach it through :class:`CappedStrings`, which cuts every
  string at the limit (a string that long makes its element over the limit anyway).
* :func:`csv_rows` — the rows of a CSV file, each bounded, an unterminated quote reported.
* :func:`binary_kind` — whether a file's first bytes are text at all.

Both yield ``(number, data, size)``: ``data`` is None when the record is over the limit.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

import ijson
import orjson

BLOCK = 1 << 20  # bytes read at a time while skipping an over-limit line
# ijson's reads through CappedStrings: each is a new bytes object (a real file is read into one
# buffer), and 64 KB ones interleaved with the records kept fragment the heap (+11 MB peak on a
# 60 MB array against +3 MB at 8 KB).
READ_BYTES = 8192


class ArrayError(Exception):
    """The file is not a well-formed JSON array; ``number`` is the element it broke in."""

    def __init__(self, number: int, detail: str) -> None:
        super().__init__(detail)
        self.number = number


def bounded_lines(f: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """``(line number, line, its size in bytes)``; the line is None when it holds more than
    ``limit`` bytes before its newline."""
    lineno = 0
    while True:
        line = f.readline(limit + 1)
        if not line:
            return
        lineno += 1
        if len(line) <= limit or line.endswith(b"\n"):
            yield lineno, line, len(line)
            continue
        size = len(line)
        del line
        while True:
            block = f.readline(BLOCK)
            size += len(block)
            if not block or block.endswith(b"\n"):
                break
        yield lineno, None, size


_QUOTE_OR_ESCAPE = re.compile(rb'["\\]')


class CappedStrings:
    """A binary file as JSON text with every string cut to about ``cap`` bytes: the rest of a
    longer string is dropped as it streams past, then the string is closed as written. Cuts fall
    where the JSON stays valid: never inside an escape, a UTF-8 character or a surrogate pair.
    :attr:`cut` maps the number of each string that was cut (strings, keys included, counted
    from 0 in the order they open) to the bytes dropped."""

    def __init__(self, f: IO[bytes], cap: int) -> None:
        self._f, self._cap = f, cap
        self.cut: dict[int, int] = {}
        self._string = -1  # the number of the current (or last) string
        self._in_string = False
        self._run = 0  # bytes of the current string passed on
        self._skipping = False  # dropping the rest of the current string
        self._escape = False  # the previous byte was a backslash
        self._pending = 0  # hex digits of a \u escape still to pass on
        self._high = False  # the last escape passed on was a high surrogate
        self._hex = b""

    def read(self, size: int = -1) -> bytes:
        if size == 0:  # ijson asks for nothing to learn whether the file gives bytes
            return b""
        while True:
            chunk = self._f.read(size if size and size > 0 else BLOCK)
            if not chunk:
                return b""
            out = self._filter(chunk)
            if out:
                return out

    def _filter(self, chunk: bytes) -> bytes:
        out: list[list[int]] = []  # the ranges of ``chunk`` passed on
        i, n = 0, len(chunk)
        while i < n:
            if not self._in_string:
                j = chunk.find(b'"', i)
                if j < 0:
                    _keep(out, i, n)
                    break
                _keep(out, i, j + 1)
                self._string += 1
                self._in_string, self._run, self._skipping = True, 0, False
                self._escape, self._pending, self._high = False, 0, False
                i = j + 1
            elif self._escape or self._pending:
                k = i + 1 if self._escape else min(n, i + self._pending)
                if self._escape:
                    self._escape = False
                    self._pending = 4 if chunk[i:k] == b"u" else 0
                    self._hex = b""
                else:
                    self._pending -= k - i
                    self._hex += chunk[i:k]
                    if not self._pending:
                        self._high = self._hex[:2].lower() in (b"d8", b"d9", b"da", b"db")
                self._pass(out, chunk, i, k)
                i = k
            else:
                m = _QUOTE_OR_ESCAPE.search(chunk, i)
                j = m.start() if m else n
                self._content(out, chunk, i, j)
                if m is None:
                    break
                if chunk[j] == 0x22:  # the closing quote
                    _keep(out, j, j + 1)
                    self._in_string = False
                else:  # a backslash: cut before it once over the cap, but not inside a pair
                    if self._run >= self._cap and not self._high:
                        self._skip()
                    self._escape = True
                    self._pass(out, chunk, j, j + 1)
                i = j + 1
        if out == [[0, n]]:  # the usual chunk: nothing cut, nothing copied
            return chunk
        return b"".join(chunk[a:b] for a, b in out)

    def _skip(self) -> None:
        if not self._skipping:
            self._skipping = True
            self.cut[self._string] = 0

    def _pass(self, out: list[list[int]], chunk: bytes, a: int, b: int) -> None:
        if self._skipping:
            self.cut[self._string] += b - a
        else:
            _keep(out, a, b)
            self._run += b - a

    def _content(self, out: list[list[int]], chunk: bytes, a: int, b: int) -> None:
        """Plain string bytes ``chunk[a:b]``: passed on up to the cap, then dropped (the cut
        moved past any UTF-8 continuation bytes, to the end of a character)."""
        if a == b:
            return
        self._high = False
        if not self._skipping and self._run + (b - a) > self._cap:
            cut = a + max(self._cap - self._run, 0)
            while cut < b and 0x80 <= chunk[cut] < 0xC0:
                cut += 1
            self._pass(out, chunk, a, cut)
            if cut == b:
                return
            self._skip()
            a = cut
        self._pass(out, chunk, a, b)


def _keep(out: list[list[int]], a: int, b: int) -> None:
    if out and out[-1][1] == a:
        out[-1][1] = b
    elif a < b:
        out.append([a, b])


def _value_size(event: str, value: Any) -> int:
    if event in ("string", "map_key"):
        return len(value) + 2
    return 8


def array_elements(f: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """``(element number, element as JSON bytes, approximate size)`` of a top-level JSON array;
    the element is None when it is over ``limit`` (its parts are dropped as they are parsed).
    Raises :class:`ArrayError` when the text is not a JSON array."""
    number = 0
    depth = 0
    builder: ijson.ObjectBuilder | None = None
    size = 0
    capped = CappedStrings(f, limit)
    strings = -1
    events = ijson.parse(capped, buf_size=READ_BYTES, use_float=True)
    try:
        for _prefix, event, value in events:
            if depth == 0:
                if event != "start_array":
                    raise ArrayError(1, "top level is not a list")
                depth = 1
                continue
            if depth == 1:
                if event == "end_array":
                    depth = 0
                    continue
                number += 1
                size = 0
                builder = ijson.ObjectBuilder()
            size += _value_size(event, value)
            if event in ("string", "map_key"):
                strings += 1
                dropped = capped.cut.pop(strings, None)
                if dropped is not None:  # a string over the limit: so is its element
                    size = max(size + dropped, limit + 1)
            if builder is not None:
                builder.event(event, value)
                if size > limit:
                    builder = None  # over the limit: stop building, skip to its end
            if event in ("start_map", "start_array"):
                depth += 1
            elif event in ("end_map", "end_array"):
                depth -= 1
            if depth == 1:
                data = orjson.dumps(builder.value) if builder is not None else None
                builder = None
                yield number, data, size
    except ijson.JSONError as e:
        raise ArrayError(max(number, 1), str(e)) from None


# -- binary files -------------------------------------------------------------------------------

SNIFF_BYTES = 8192
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"\x7fELF", "ELF executable"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"),
)
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")


def binary_kind(head: bytes) -> str | None:
    """What the first bytes of a file say it is when it is not text: a known format by its magic
    number, else "binary data" when there is a NUL byte, or when over 10% of the characters are
    control characters or bytes that are not UTF-8 (text has almost none: a stray byte of another
    encoding decodes with replacement instead). None for text."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if not head:
        return None
    if b"\x00" in head:
        return "binary data"
    # A multi-byte character cut at the end of the sample is not an error.
    text = head.decode("utf-8", errors="replace").removesuffix("\ufffd")
    bad = sum(1 for ch in text if ch == "\ufffd" or (ord(ch) < 32 and ord(ch) not in
                                                        _TEXT_CONTROLS))
    return "binary data" if bad > 0.1 * max(len(text), 1) else None


# -- CSV ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BadRow:
    reason: str
    detail: str


class _RowTooLarge(Exception):
    pass


class _Lines:
    """The lines ``csv`` reads, counted per row: where the row began, its size (bounded: a row
    over ``limit`` raises), how many quote characters it had, and whether it ran to the end."""

    def __init__(self, text: IO[str], limit: int) -> None:
        self.text, self.limit = text, limit
        self.lineno = 0
        self.start = 1
        self.size = 0
        self.quotes = 0
        self.eof = False
        self.cut = False  # the last line read was cut at the limit

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = self.text.readline(self.limit + 1)
        if not line:
            self.eof = True
            raise StopIteration
        self.lineno += 1
        if self.size == 0:
            self.start = self.lineno
        self.size += len(line)
        self.cut = not line.endswith("\n") and len(line) > self.limit
        if self.size > self.limit:
            raise _RowTooLarge
        self.quotes += line.count('"')
        return line

    def next_row(self) -> None:
        self.size = self.quotes = 0

    def skip_rest_of_line(self) -> None:
        while self.cut:
            block = self.text.readline(BLOCK)
            self.cut = bool(block) and not block.endswith("\n")


def csv_rows(text: IO[str], delimiter: str, limit: int
             ) -> Iterator[tuple[int, dict[str, str | None] | BadRow]]:
    """``(line number, row)`` of a CSV file with a header, ``row`` a :class:`BadRow` for a row
    over ``limit`` characters (skipped up to its line's end without holding it), a malformed
    row, or a quoted field never closed (it would take the rest of the file as its text)."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    lines = _Lines(text, limit)
    header: list[str] | None = None
    while True:
        try:
            for fields in csv.reader(lines, delimiter=delimiter):
                start, quotes = lines.start, lines.quotes
                lines.next_row()
                if not fields:
                    continue  # a blank line
                if quotes % 2 and lines.eof:
                    yield start, BadRow("malformed CSV", "unterminated quote: a quoted field "
                                        "opened here is never closed")
                elif header is None:
                    header = fields
                else:  # as csv.DictReader: missing fields None, extra fields dropped
                    yield start, {h: fields[i] if i < len(fields) else None
                                  for i, h in enumerate(header)}
            return
        except _RowTooLarge:
            yield lines.start, BadRow("too large", f"row over {limit} characters")
        except csv.Error as e:
            yield lines.start, BadRow("malformed CSV", str(e))
        lines.skip_rest_of_line()
        lines.next_row()
