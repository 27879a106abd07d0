"""Parse the dates Indonesian outlets print into timezone-aware UTC datetimes.

Handled: "Senin, 25 Maret 2024 14:30 WIB", "25/03/2024 14.30" (day first), "Mar 25, 2024",
"25 Mar 2024", "10-Sep-19", ISO 8601 ("2019-09-10", "2024-03-25T14:30:00+07:00"),
"Selasa (10/9/2019)", Indonesian and English month names and abbreviations, Indonesian and
English day names (ignored), the zones WIB (+07:00), WITA (+08:00), WIT (+09:00), "GMT+7" /
"UTC+07:00" and explicit offsets.

Conventions:

* A time without a zone is Western Indonesian Time (WIB, UTC+7): the outlets are Indonesian.
* A date without a time is midnight WIB of that day (``has_time`` is False).
* A separate ``time`` field ("13:30 WIB", "16:27:00") replaces the time of day of ``text``;
  "-" or an empty string means there is no time. A ``time`` that is not a valid time of day
  rejects the whole value, as does a date without day, month or year.
* Years outside 1900..2100 are rejected.

Parsing is python-dateutil's, told about Indonesian month/day names and zones; the regexes
below only normalise what dateutil reads differently ("14.30", "GMT+7", brackets, day names).
Nothing raises on any ``str`` input: failures come back as ``value=None`` with a ``reason``.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from functools import lru_cache
from typing import Final

from dateutil import parser as du_parser


@dataclass(frozen=True, slots=True)
class ParsedDate:
    value: datetime | None  # tz-aware UTC, or None
    reason: str | None  # why not parsed (None when parsed)
    has_time: bool


WIB: Final = timezone(timedelta(hours=7), "WIB")
WITA: Final = timezone(timedelta(hours=8), "WITA")
WIT: Final = timezone(timedelta(hours=9), "WIT")
DEFAULT_TZ: Final = WIB

MIN_YEAR: Final = 1900
MAX_YEAR: Final = 2100
MAX_LENGTH: Final = 200
OUT_OF_RANGE: Final = "out of range"  # the reason's prefix for a date read but not storable

_TZINFOS: Final = {
    "WIB": 7 * 3600,
    "WITA": 8 * 3600,
    "WIT": 9 * 3600,
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
}
_ZONES: Final = {"WIB": WIB, "WITA": WITA, "WIT": WIT, "UTC": UTC, "GMT": UTC, "Z": UTC}


class _IndonesianParserInfo(du_parser.parserinfo):
    """dateutil's vocabulary plus Indonesian month and day names."""

    JUMP = [*du_parser.parserinfo.JUMP, "pukul", "pkl", "jam", "tanggal", "tgl", "waktu"]
    WEEKDAYS = [
        ("Mon", "Monday", "Senin"),
        ("Tue", "Tuesday", "Selasa"),
        ("Wed", "Wednesday", "Rabu"),
        ("Thu", "Thursday", "Kamis"),
        ("Fri", "Friday", "Jumat"),
        ("Sat", "Saturday", "Sabtu"),
        ("Sun", "Sunday", "Minggu", "Ahad"),
    ]
    MONTHS = [
        ("Jan", "January", "Januari"),
        ("Feb", "February", "Februari", "Peb", "Pebruari"),
        ("Mar", "March", "Maret"),
        ("Apr", "April"),
        ("May", "Mei"),
        ("Jun", "June", "Juni"),
        ("Jul", "July", "Juli"),
        ("Aug", "August", "Agu", "Agt", "Ags", "Agust", "Agustus"),
        ("Sep", "Sept", "September"),
        ("Oct", "October", "Okt", "Oktober"),
        ("Nov", "November", "Nop", "Nopember"),
        ("Dec", "December", "Des", "Desember"),
    ]
    PERTAIN = ["of"]


_PARSER: Final = du_parser.parser(_IndonesianParserInfo(dayfirst=True))

_DAY_NAMES: Final = re.compile(
    r"\b(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b,?",
    re.IGNORECASE,
)
_BRACKETS: Final = re.compile(r"[()\[\]]")
_DOTTED_TIME: Final = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{2})(?:\.(\d{2}))?(?![\d.])")
_GMT_OFFSET: Final = re.compile(
    r"\b(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?(?!\d)", re.IGNORECASE
)
_ISO: Final = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?"
)
_HAS_TIME: Final = re.compile(r"\d{1,2}:\d{2}")
_HAS_DIGIT: Final = re.compile(r"\d")
_SPACES: Final = re.compile(r"\s+")
_TIME_FIELD: Final = re.compile(
    r"(?:pukul\s+|pkl\.?\s+|jam\s+)?(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*"
    r"(?:(WIB|WITA|WIT|UTC|GMT|Z)|(?:GMT|UTC)?\s*([+-])(\d{1,2})(?::?(\d{2}))?)?",
    re.IGNORECASE,
)
_NO_TIME: Final = frozenset({"", "-", "--", "—", "–", "n/a", "na", "null", "none"})

_DEFAULT_A: Final = datetime(1, 1, 1)
_DEFAULT_B: Final = datetime(2, 2, 2)


def _fail(reason: str) -> ParsedDate:
    return ParsedDate(value=None, reason=reason, has_time=False)


def _normalise(text: str) -> str:
    s = _BRACKETS.sub(" ", text)
    s = _DAY_NAMES.sub(" ", s)
    s = _GMT_OFFSET.sub(lambda m: f" {m[1]}{int(m[2]):02d}:{m[3] or '00'}", s)
    s = _DOTTED_TIME.sub(lambda m: f"{m[1]}:{m[2]}" + (f":{m[3]}" if m[3] else ""), s)
    return _SPACES.sub(" ", s).strip(" ,")


def _dateutil(s: str, default: datetime) -> datetime:
    with warnings.catch_warnings():
        warnings.simplefilter("error", du_parser.UnknownTimezoneWarning)
        return _PARSER.parse(s, default=default, tzinfos=_TZINFOS)


def _parse_text(text: str) -> datetime | str:
    """The local datetime (aware if ``text`` names a zone), or the reason it is not one."""
    s = _normalise(text)
    if not s:
        return "empty"
    if not _HAS_DIGIT.search(s):
        return "no date in text"
    try:
        if _ISO.fullmatch(s):
            return du_parser.isoparse(s)
        a = _dateutil(s, _DEFAULT_A)
        if a.year == _DEFAULT_A.year:
            return "no year"
        if a.month == _DEFAULT_A.month or a.day == _DEFAULT_A.day:
            b = _dateutil(s, _DEFAULT_B)
            if b.month != a.month:
                return "no month"
            if b.day != a.day:
                return "no day"
        return a
    except du_parser.UnknownTimezoneWarning:
        return "unknown time zone"
    except (ValueError, OverflowError, TypeError, LookupError) as exc:
        return f"unparseable date: {type(exc).__name__}"


def _parse_time(text: str) -> tuple[int, int, int, timezone | None] | str:
    m = _TIME_FIELD.fullmatch(text.strip())
    if m is None:
        return "unparseable time"
    hour, minute, second = int(m[1]), int(m[2]), int(m[3] or 0)
    if hour > 23 or minute > 59 or second > 59:
        return "invalid time of day"
    zone: timezone | None = None
    if m[4]:
        zone = _ZONES[m[4].upper()]
    elif m[5]:
        offset = timedelta(hours=int(m[6]), minutes=int(m[7] or 0))
        if offset >= timedelta(hours=15):
            return "invalid time zone offset"
        zone = timezone(-offset if m[5] == "-" else offset)
    return hour, minute, second, zone


def parse_date(text: str | None, time: str | None = None) -> ParsedDate:
    """``text`` (plus an optional separate ``time`` of day) as a UTC datetime; see the module."""
    if text is None:
        return _fail("no date")
    if not isinstance(text, str) or (time is not None and not isinstance(time, str)):
        return _fail("not a string")
    return _parse(text, time, _remembered_text)


def _read_text(text: str) -> tuple[datetime | str, bool]:
    """What :func:`_parse_text` makes of ``text``, and whether it writes a time of day."""
    return _parse_text(text), bool(_HAS_TIME.search(_normalise(text)))


# A corpus repeats its date texts (the 22k-article one has 212, with the time of day in a
# field of its own) and dateutil takes ~10 µs a parse; what it reads is immutable, so a repeat
# is answered from here.
_remembered_text: Final = lru_cache(maxsize=4096)(_read_text)


def _parse(text: str, time: str | None,
           read: Callable[[str], tuple[datetime | str, bool]] = _read_text) -> ParsedDate:
    """:func:`parse_date` of strings (by default worked out each time)."""
    if len(text) > MAX_LENGTH or (time is not None and len(time) > MAX_LENGTH):
        return _fail("too long")
    parsed, has_time = read(text)
    if isinstance(parsed, str):
        return _fail(parsed)
    if time is not None and time.strip().lower() not in _NO_TIME:
        clock = _parse_time(time)
        if isinstance(clock, str):
            return _fail(clock)
        hour, minute, second, zone = clock
        parsed = parsed.replace(hour=hour, minute=minute, second=second, microsecond=0)
        if zone is not None:
            parsed = parsed.replace(tzinfo=zone)
        has_time = True
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:
        return _fail(f"{OUT_OF_RANGE}: year {parsed.year} outside {MIN_YEAR}..{MAX_YEAR}")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=DEFAULT_TZ)
    try:
        value = parsed.astimezone(UTC)
    except (OverflowError, ValueError) as exc:
        return _fail(f"{OUT_OF_RANGE}: {type(exc).__name__}")
    return ParsedDate(value=value, reason=None, has_time=has_time)
