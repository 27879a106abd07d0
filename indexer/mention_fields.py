"""One article's mentions (payload dicts) field by field, in the order the text writes them,
each field with its own text: what the map's per-article place rules walk."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any


def in_fields(title: str, body: str, mentions: Iterable[Mapping[str, Any]]
              ) -> Iterator[tuple[str, str, list[Mapping[str, Any]]]]:
    """(field, its text, its mentions by start) for each field that has mentions."""
    by_field: dict[str, list[Mapping[str, Any]]] = {}
    for m in mentions:
        by_field.setdefault(m["field"], []).append(m)
    for fld, ms in by_field.items():
        yield fld, title if fld == "title" else body, sorted(ms, key=lambda m: m["start"])
