"""The OpenAPI description of the routes that follow a search: ``/search.atom``,
``/search.csv``, ``/search.ndjson`` and ``/trends``; merged into ``/openapi.json`` by
:func:`search_api.openapi.openapi_schema`. The three ``/search.*`` routes take exactly the
parameters of ``/search`` (passed in as ``search_parameters``)."""

from __future__ import annotations

from typing import Any, Final

from indexer import export
from search_api import feeds
from search_api import trends as T
from search_api.openapi.common import STRINGS as _STRINGS
from search_api.openapi.common import error_responses

_ERRORS: Final = error_responses(400, 503)


def _get(summary: str, description: str, parameters: list[dict[str, Any]],
         content: dict[str, Any], extra: dict[str, Any] | None = None) -> dict[str, Any]:
    responses: dict[str, Any] = {"200": {"description": "OK", "content": content}, **_ERRORS}
    responses.update(extra or {})
    return {"get": {"summary": summary, "description": description, "parameters": parameters,
                    "responses": responses}}


def monitor_paths(search_parameters: list[dict[str, Any]]) -> dict[str, Any]:
    text = {"schema": {"type": "string"}}
    return {
        "/search.atom": _get(
            "The newest articles of a search as an Atom 1.0 feed (RFC 4287)",
            f"The {feeds.FEED_SIZE} newest matches, whatever sort/page/size say. Entry ids are "
            f"'{feeds.URN_PREFIX}<id>'. ETag and Last-Modified are sent; If-None-Match or "
            "If-Modified-Since answer 304 while the index has not changed.",
            search_parameters, {"application/atom+xml": text},
            {"304": {"description": "Not modified since the ETag / date given"}},
        ),
        "/search.csv": _get(
            "Every article of a search as CSV (UTF-8 with a BOM)",
            "The whole result set, streamed: no result window; page and size are ignored. "
            "Newest first (oldest first with sort=oldest). Columns: "
            f"{', '.join(export.COLUMNS)}; entity names joined by "
            f"'{export.LIST_SEPARATOR}'; date ISO 8601 in WIB (UTC+7).",
            search_parameters, {"text/csv": text},
        ),
        "/search.ndjson": _get(
            "Every article of a search as NDJSON (one ExportRow per line)",
            "As /search.csv, one JSON object per line.",
            search_parameters,
            {"application/x-ndjson": {"schema": {"$ref": "#/components/schemas/ExportRow"}}},
        ),
        "/trends": _get(
            "Articles per day, week or month, and per outlet, for up to 5 searches",
            "Each series counts what /search counts as total for its query string; a bucket's "
            "count equals that total with from/to set to the bucket's days. A browser "
            "(Accept: text/html) gets the trends page.",
            [
                {"name": "series", "in": "query", "required": True,
                 "description": f"A URL-encoded /search query string, e.g. q%3Dbanjir%26"
                 f"source%3Dtempo.co; repeat for up to {T.MAX_SERIES} series.",
                 "schema": {"type": "array", "items": {"type": "string"},
                            "minItems": 1, "maxItems": T.MAX_SERIES},
                 "style": "form", "explode": True},
                {"name": "interval", "in": "query",
                 "description": "Calendar days (WIB), ISO weeks (Monday first) or months; at "
                 f"most {T.MAX_BUCKETS} buckets.",
                 "schema": {"type": "string", "enum": list(T.INTERVALS), "default": "day"}},
            ],
            {"application/json": {"schema": {"$ref": "#/components/schemas/TrendsResponse"}}},
        ),
    }


MONITOR_SCHEMAS: Final[dict[str, Any]] = {
    "ExportRow": {
        "type": "object",
        "required": list(export.COLUMNS),
        "properties": {
            "id": {"type": "string"}, "title": {"type": "string"}, "url": {"type": "string"},
            "source": {"type": "string"}, "category": {"type": "string"},
            "date": {"type": ["string", "null"], "description": "ISO 8601, WIB"},
            "persons": _STRINGS, "orgs": _STRINGS, "places": _STRINGS,
        },
    },
    "Bucket": {
        "type": "object",
        "required": ["key", "start", "end"],
        "properties": {
            "key": {"type": "string", "description": "2019-09-15, 2019-W38 or 2019-09"},
            "start": {"type": "string", "format": "date"},
            "end": {"type": "string", "format": "date", "description": "inclusive"},
        },
    },
    "Series": {
        "type": "object",
        "required": ["query", "label", "total", "undated", "counts", "sources"],
        "properties": {
            "query": {"type": "string"},
            "label": {"type": "string"},
            "total": {"type": "integer"},
            "undated": {"type": "integer"},
            "counts": {"type": "array", "items": {"type": "integer"},
                       "description": "one per bucket"},
            "sources": {
                "type": "array",
                "description": f"biggest first, at most {T.MAX_SOURCES}, then "
                f"'{T.OTHER_SOURCE}' for the rest",
                "items": {"type": "object", "required": ["source", "count"],
                          "properties": {"source": {"type": "string"},
                                         "count": {"type": "integer"}}},
            },
        },
    },
    "TrendsResponse": {
        "type": "object",
        "required": ["interval", "buckets", "series"],
        "properties": {
            "interval": {"type": "string", "enum": list(T.INTERVALS)},
            "buckets": {"type": "array", "items": {"$ref": "#/components/schemas/Bucket"}},
            "series": {"type": "array", "items": {"$ref": "#/components/schemas/Series"}},
        },
    },
}
