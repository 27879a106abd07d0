"""How numbers, days, timestamps, element ids and paragraphs are written on the pages.

Numbers and dates follow the page's language through Babel's CLDR data: Indonesian writes
"7.359" and "26 Okt 2019, 21.23 WIB", English "7,359" and "26 Oct 2019, 21:23 WIB". Times are
shown in WIB (UTC+7), the zone the index stores days in.
"""

from __future__ import annotations

import re
import zlib
from datetime import date, datetime, time
from functools import cache, lru_cache
from typing import Final

from babel import Locale
from babel.dates import format_date as _babel_date
from babel.dates import format_time, get_time_format
from babel.numbers import format_decimal as _babel_decimal
from babel.numbers import get_group_symbol

from indexer.dates import WIB
from search_api.i18n import Lang

# English times on a 24-hour clock, as the Indonesian ones are.
_TIME_LOCALE: Final = {"en": "en_GB"}
DAY_PATTERN: Final = "d MMM y"
_PARAGRAPH_RE = re.compile(r"\n\s*\n|\r\n\s*\r\n")
_ID_RE = re.compile(r"[^a-z0-9]+")
_CLOCK_RE = re.compile(r"HH(\W)mm")
# Date pattern fields as Babel writes them: the day and the year in plain digits, the month by
# its abbreviated name.
_DATE_FIELDS: Final = frozenset({"d", "MMM", "y"})


@cache
def _locale(name: str) -> Locale:
    """Babel's locale ``name``, parsed once (given a name, Babel parses it on every call)."""
    return Locale.parse(name)


@cache
def _group_symbol(locale: str) -> str | None:
    """The separator between groups of three digits when ``locale`` writes whole numbers with
    them from the first thousand on; None when it groups otherwise."""
    found = _locale(locale)
    group = get_group_symbol(locale=found)
    if found.decimal_formats[None].grouping != (3, 3) or \
            _babel_decimal(1000, locale=found) != f"1{group}000":
        return None
    return group


# Babel takes ~0.1 ms a call, and a page writes a hundred counts and timeline labels: the
# same few thousand (value, locale) pairs, remembered; a first sighting is written without
# Babel where the locale's rule is plain.
@lru_cache(maxsize=16_384)
def _decimal(n: int, locale: str) -> str:
    group = _group_symbol(locale)
    if group is not None and n >= 0:  # Python groups by three (Babel: ~20 µs a number)
        return f"{n:,}".replace(",", group)
    return str(_babel_decimal(n, locale=_locale(locale)))


@lru_cache(maxsize=16_384)
def _date(d: date, pattern: str, locale: str) -> str:
    fields = pattern.split(" ")
    if all(f in _DATE_FIELDS for f in fields):  # the pages' patterns (Babel: ~50 µs a date)
        months = _locale(locale).months["format"]["abbreviated"]
        return " ".join(str(d.day) if f == "d" else str(d.year) if f == "y" else months[d.month]
                        for f in fields)
    return str(_babel_date(d, pattern, locale=_locale(locale)))


def fmt_count(n: int, lang: Lang) -> str:
    return _decimal(n, lang.code)


def parse_iso(iso: str | None) -> datetime | None:
    if not iso:
        return None
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        return None


def fmt_day(d: date, lang: Lang) -> str:
    """"26 Okt 2019" / "26 Oct 2019"."""
    return _date(d, DAY_PATTERN, lang.code)


def fmt_month(d: date, lang: Lang, year: bool = True) -> str:
    """"Okt 2019" / "Oct 2019" (or the month alone)."""
    return _date(d, "MMM y" if year else "MMM", lang.code)


def fmt_day_month(d: date, lang: Lang) -> str:
    return _date(d, "d MMM", lang.code)


def fmt_day_range(start: date, end: date, lang: Lang) -> str:
    """"16–22 Sep 2019", "30 Sep – 6 Okt 2019", "30 Des 2019 – 5 Jan 2020": what the two days
    share is written once. (Babel's format_interval writes English as "Sep 16 – 22, 2019".)"""
    if start.year != end.year:
        return f"{fmt_day(start, lang)} – {fmt_day(end, lang)}"
    if start.month != end.month:
        return f"{fmt_day_month(start, lang)} – {fmt_day(end, lang)}"
    return f"{start.day}–{fmt_day(end, lang)}"


def fmt_datetime(iso: str | None, lang: Lang) -> str:
    """"26 Okt 2019, 21.23 WIB"; the date alone at midnight; "Tanpa tanggal" when undated."""
    return _datetime(iso, lang.code) if iso else lang.gettext("Undated")


@lru_cache(maxsize=16_384)
def _datetime(iso: str, code: str) -> str:
    """A result's or story's time, remembered: pages show the same articles again and again."""
    dt = parse_iso(iso)
    if dt is None:
        return iso
    dt = dt.astimezone(WIB) if dt.tzinfo else dt.replace(tzinfo=WIB)
    day = _date(dt.date(), DAY_PATTERN, code)
    if dt.hour == 0 and dt.minute == 0:
        return day
    return f"{day}, {_clock(dt.hour, dt.minute, code)} WIB"


@cache
def _clock_separator(locale: str) -> str | None:
    """What stands between the hours and the minutes when ``locale``'s short time is both as
    two digits ("HH.mm", "HH:mm"); None for another pattern."""
    found = _CLOCK_RE.fullmatch(get_time_format("short", locale=_locale(locale)).pattern)
    return found[1] if found else None


@lru_cache(maxsize=4_096)
def _clock(hour: int, minute: int, code: str) -> str:
    """Babel's short time (hours and minutes only), remembered per minute of the day."""
    locale = _TIME_LOCALE.get(code, code)
    separator = _clock_separator(locale)
    if separator is not None:  # Babel: ~50 µs a time
        return f"{hour:02d}{separator}{minute:02d}"
    return str(format_time(time(hour, minute), "short", locale=_locale(locale)))


@lru_cache(maxsize=16_384)
def html_id(*parts: str) -> str:
    """A readable, unique-enough element id for a facet value."""
    text = "-".join(_ID_RE.sub("-", p.lower()).strip("-") for p in parts)
    digest = zlib.crc32("\x00".join(parts).encode()) % 100_000
    return f"{text[:40]}-{digest}"


def paragraphs(body: str) -> tuple[str, ...]:
    parts = (p.strip() for p in _PARAGRAPH_RE.split(body))
    return tuple(" ".join(p.split()) for p in parts if p)
