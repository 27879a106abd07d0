"""Pieces of OpenSearch requests and responses that the OpenSearch backend's modules share: the
API's day zone as OpenSearch writes it, a range of days, the date aggregations, and a hit's
stored original."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any, Final

import orjson

from indexer import schema as S
from indexer.document import load_payload

TZ: Final = "+07:00"  # F.DAY_TZ as OpenSearch writes a zone


def payload(source: Mapping[str, Any]) -> S.StoredArticle:
    """The original article a hit's ``_source`` holds."""
    return load_payload(orjson.dumps(source[S.PAYLOAD]))


def date_aggs() -> dict[str, Any]:
    """Articles per day in the API's zone, and how many are dated."""
    return {
        "days": {"date_histogram": {"field": S.DATE, "calendar_interval": "day",
                                    "time_zone": TZ, "min_doc_count": 1}},
        "dated": {"value_count": {"field": S.DATE}},
    }


def dated(aggs: Mapping[str, Any]) -> int:
    """The dated articles :func:`date_aggs` counted."""
    return int((aggs.get("dated") or {}).get("value") or 0)


def date_range(lo: date | None, hi: date | None) -> dict[str, Any] | None:
    """Inclusive WIB days [lo, hi] as [lo 00:00, hi+1 00:00) in the API's day zone."""
    if lo is None and hi is None:
        return None
    rng: dict[str, Any] = {"time_zone": TZ, "format": "strict_date"}
    if lo is not None:
        rng["gte"] = lo.isoformat()
    if hi is not None and hi < date.max:
        rng["lt"] = (hi + timedelta(days=1)).isoformat()
    return {"range": {S.DATE: rng}}
