"""How numbers, days, timestamps, element ids and paragraphs are written on the pages."""

from __future__ import annotations

import re
import zlib
from datetime import date, datetime
from typing import Final

MONTHS: Final = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_PARAGRAPH_RE = re.compile(r"\n\s*\n|\r\n\s*\r\n")
_ID_RE = re.compile(r"[^a-z0-9]+")

def fmt_count(n: int) -> str:
    return f"{n:,}"


def parse_iso(iso: str | None) -> datetime | None:
    if not iso:
        return None
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        return None


def fmt_day(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def fmt_datetime(iso: str | None) -> str:
    """"15 Sep 2019, 08:05" (WIB, as the service gives it); the date alone at midnight."""
    dt = parse_iso(iso)
    if dt is None:
        return "Undated" if not iso else iso
    day = fmt_day(dt.date())
    if dt.hour == 0 and dt.minute == 0:
        return day
    return f"{day}, {dt.hour:02d}:{dt.minute:02d}"


def html_id(*parts: str) -> str:
    """A readable, unique-enough element id for a facet value."""
    text = "-".join(_ID_RE.sub("-", p.lower()).strip("-") for p in parts)
    digest = zlib.crc32("\x00".join(parts).encode()) % 100_000
    return f"{text[:40]}-{digest}"


def paragraphs(body: str) -> tuple[str, ...]:
    parts = (p.strip() for p in _PARAGRAPH_RE.split(body))
    return tuple(" ".join(p.split()) for p in parts if p)
