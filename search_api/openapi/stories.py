"""The OpenAPI description of the story parts of the API: ``/stories/{id}``,
``/articles/{id}/related``, the ``collapse`` parameter and the story schemas
(merged into :mod:`search_api.openapi`)."""

from __future__ import annotations

from typing import Any, Final

from search_api import params as P
from search_api.openapi.common import STRINGS as _STRINGS
from search_api.openapi.common import error_responses

_ID_PARAM = {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}


def _responses(schema: str, description: str, *errors: int) -> dict[str, Any]:
    return {
        "200": {"description": description,
                "content": {"application/json": {"schema": {
                    "$ref": f"#/components/schemas/{schema}"}}}},
        **error_responses(*errors),
    }


COLLAPSE_PARAM: Final[dict[str, Any]] = {
    "name": "collapse",
    "in": "query",
    "description": (
        "story (default): one hit per story — its best-ranked member — and pages count "
        "stories; none: every article. total counts articles either way, stories the distinct "
        "stories; facet counts are article counts."
    ),
    "schema": {"type": "string", "enum": list(P.COLLAPSES), "default": P.COLLAPSES[0]},
}

PATHS: Final[dict[str, Any]] = {
    "/stories/{id}": {
        "get": {
            "summary": "One story: every article of it, the first report marked, and the "
            "paragraphs each adds to the first report (an HTML page for a browser)",
            "parameters": [_ID_PARAM],
            "responses": _responses("Story", "The story", 404, 503),
        }
    },
    "/articles/{id}/related": {
        "get": {
            "summary": "Articles like this one (its top terms by tf-idf, BM25, plus shared "
            "entities), outside its own story, one per story",
            "parameters": [
                _ID_PARAM,
                {"name": "size", "in": "query", "schema": {
                    "type": "integer", "minimum": 1, "maximum": P.MAX_RELATED_SIZE,
                    "default": P.DEFAULT_RELATED_SIZE}},
            ],
            "responses": _responses("Related", "Related articles", 400, 404, 503),
        }
    },
}

_FIRST = {
    "type": "object",
    "required": ["id", "source", "date"],
    "properties": {"id": {"type": "string"}, "source": {"type": "string"},
                   "date": {"type": ["string", "null"]}},
}

SCHEMAS: Final[dict[str, Any]] = {
    "StorySummary": {
        "type": "object",
        "description": "The story (cluster of near-duplicate articles) an article belongs to.",
        "required": ["id", "size", "sources", "first"],
        "properties": {
            "id": {"type": "string"},
            "size": {"type": "integer", "description": "Articles in the story (whole index)"},
            "sources": {**_STRINGS, "description": "Outlets that carried it, most copies first"},
            "first": {**_FIRST, "description": "The earliest dated member"},
        },
    },
    "Story": {
        "type": "object",
        "required": ["id", "size", "sources", "first", "members"],
        "properties": {
            "id": {"type": "string"},
            "size": {"type": "integer"},
            "sources": _STRINGS,
            "first": _FIRST,
            "members": {"type": "array", "items": {
                "type": "object",
                "required": ["id", "title", "url", "source", "date", "first", "differs"],
                "properties": {
                    "id": {"type": "string"}, "title": {"type": "string"},
                    "url": {"type": "string"}, "source": {"type": "string"},
                    "date": {"type": ["string", "null"]}, "first": {"type": "boolean"},
                    "differs": {**_STRINGS, "description": "Paragraphs not in the first report"},
                },
            }},
        },
    },
    "Related": {
        "type": "object",
        "required": ["id", "story", "hits"],
        "properties": {
            "id": {"type": "string"},
            "story": {"type": "string"},
            "hits": {"type": "array", "items": {
                "type": "object",
                "required": ["id", "title", "url", "source", "date", "score", "story"],
                "properties": {
                    "id": {"type": "string"}, "title": {"type": "string"},
                    "url": {"type": "string"}, "source": {"type": "string"},
                    "date": {"type": ["string", "null"]}, "score": {"type": "number"},
                    "story": {"type": "string"},
                },
            }},
        },
    },
}
