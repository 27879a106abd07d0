"""The OpenAPI description of the search routes: ``/search``, ``/articles/{id}``,
``/entities``, ``/entities/{type}/{name}``, ``/suggest``, ``/health`` and ``/openapi.json``."""

from __future__ import annotations

from typing import Any, Final

from indexer import schema as S
from search_api import params as P
from search_api.openapi import stories as ST
from search_api.openapi.common import error_responses as _error_responses

# An empty date parameter is the same as a missing one (a form's empty date input sends it).
_OPTIONAL_DATE: Final = {
    "anyOf": [{"type": "string", "format": "date"}, {"type": "string", "maxLength": 0}]
}


def _op_param(param: str, facet: str) -> dict[str, Any]:
    return {
        "name": param,
        "in": "query",
        "required": False,
        "description": f"'or' (default): an article with any of the selected {facet} values "
        f"matches; 'and': only one with all of them (the {facet} facet is then counted with "
        "its own filter).",
        "schema": {"type": "string", "enum": list(P.OPS), "default": "or"},
    }


def _facet_param(name: str, what: str) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": f"Filter on {what}. Case-insensitive (as are apostrophes and spacing: "
        "'joko widodo' is 'Joko Widodo'); repeat for several values (any of them, or all of "
        "them with the facet's _op=and); different facets are AND'ed.",
        "schema": {"type": "array", "items": {"type": "string"}},
        "style": "form",
        "explode": True,
    }


PATHS: Final[dict[str, Any]] = {
    "/search": {
        "get": {
            "summary": "Search articles (or browse with filters only, newest first)",
            "parameters": [
                {
                    "name": "q",
                    "in": "query",
                    "required": False,
                    "description": (
                        "Free text. Every word must be in the article (matched=all); "
                        "when no article has them all, articles with the most of them "
                        "(matched=some). Words match their inflected forms (serangan finds "
                        'menyerang). "quoted phrase" matches in order; -word or NOT word '
                        "excludes; +word stays required when falling back (encode + as "
                        "%2B in a URL); a OR b (binds tighter than AND); a AND b; "
                        "(parentheses) group. Words near each other rank higher. Stopwords "
                        "are ignored unless the query has nothing else. Never a syntax "
                        "error. "
                        f"At most {P.MAX_QUERY_CHARS} characters."
                    ),
                    "schema": {"type": "string", "maxLength": P.MAX_QUERY_CHARS},
                },
                *(_facet_param(f.name, f.description) for f in S.FACETS),
                *(_op_param(param, name) for param, name in P.OP_PARAMS.items()),
                {
                    "name": "from",
                    "in": "query",
                    "description": (
                        "First day (inclusive; days are WIB, UTC+7), YYYY-MM-DD; empty is "
                        "the same as leaving it out."
                    ),
                    "schema": _OPTIONAL_DATE,
                },
                {
                    "name": "to",
                    "in": "query",
                    "description": (
                        "Last day (inclusive, WIB), YYYY-MM-DD; not before from; empty is "
                        "the same as leaving it out."
                    ),
                    "schema": _OPTIONAL_DATE,
                },
                {
                    "name": "sort",
                    "in": "query",
                    "description": (
                        "relevance (default with q), recent (relevance x 0.5^(age/halflife), "
                        "age in days from the index's newest article; undated count as old "
                        "as the oldest), newest (default without q), oldest. Undated "
                        "articles sort last by date. Without q, recent is newest."
                    ),
                    "schema": {"type": "string", "enum": list(P.SORTS)},
                },
                ST.COLLAPSE_PARAM,
                {
                    "name": "halflife",
                    "in": "query",
                    "description": "For sort=recent: the age in days at which relevance "
                    "counts half.",
                    "schema": {
                        "type": "number",
                        "minimum": P.MIN_HALFLIFE_DAYS,
                        "maximum": P.MAX_HALFLIFE_DAYS,
                        "default": P.DEFAULT_HALFLIFE_DAYS,
                    },
                },
                {
                    "name": "page",
                    "in": "query",
                    "description": f"From 1; page*size at most {P.MAX_RESULT_WINDOW} "
                    "(400 result_window_too_large otherwise).",
                    "schema": {
                        "type": "integer",
                        "minimum": 1,
                        "maximum": P.MAX_RESULT_WINDOW,  # with size=1
                        "default": 1,
                    },
                },
                {
                    "name": "size",
                    "in": "query",
                    "description": f"Hits per page; page*size at most {P.MAX_RESULT_WINDOW}.",
                    "schema": {
                        "type": "integer",
                        "minimum": 1,
                        "maximum": P.MAX_SIZE,
                        "default": P.DEFAULT_SIZE,
                    },
                },
                {
                    "name": "facet_size",
                    "in": "query",
                    "description": "Values per facet (selected values are always listed).",
                    "schema": {
                        "type": "integer",
                        "minimum": 0,
                        "maximum": P.MAX_FACET_SIZE,
                        "default": P.DEFAULT_FACET_SIZE,
                    },
                },
            ],
            "responses": {
                "200": {
                    "description": "Results",
                    "content": {
                        "application/json": {
                            "schema": {"$ref": "#/components/schemas/SearchResponse"}
                        }
                    },
                },
                **_error_responses(400, 503),
            },
        }
    },
    "/articles/{id}": {
        "get": {
            "summary": "One whole article with its entities",
            "parameters": [
                {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
            ],
            "responses": {
                "200": {
                    "description": "The article",
                    "content": {
                        "application/json": {
                            "schema": {"$ref": "#/components/schemas/Article"}
                        }
                    },
                },
                **_error_responses(404, 503),
            },
        }
    },
    "/entities": {
        "get": {
            "summary": "Facet values with counts, by case-insensitive prefix",
            "description": (
                "Values of one facet whose start, or the start of any of whose words, "
                "matches prefix; most frequent first. Counts are article counts."
            ),
            "parameters": [
                {
                    "name": "type",
                    "in": "query",
                    "required": True,
                    "schema": {"type": "string", "enum": list(P.ENTITY_TYPES)},
                },
                {
                    "name": "prefix",
                    "in": "query",
                    "schema": {"type": "string", "maxLength": P.MAX_PREFIX_CHARS},
                },
                {
                    "name": "size",
                    "in": "query",
                    "schema": {
                        "type": "integer",
                        "minimum": 1,
                        "maximum": P.MAX_ENTITY_SIZE,
                        "default": P.DEFAULT_ENTITY_SIZE,
                    },
                },
            ],
            "responses": {
                "200": {
                    "description": "Matching values",
                    "content": {
                        "application/json": {
                            "schema": {"$ref": "#/components/schemas/EntitiesResponse"}
                        }
                    },
                },
                **_error_responses(400, 503),
            },
        }
    },
    "/entities/{type}/{name}": {
        "get": {
            "summary": "One entity: timeline, co-occurring entities, outlets, latest articles",
            "description": (
                "The name is matched exactly, else ignoring case and spacing. Counts are "
                "exact (every copy of a story counts). A browser preferring HTML gets the "
                "entity page."
            ),
            "parameters": [
                {"name": "type", "in": "path", "required": True,
                 "schema": {"type": "string", "enum": list(S.ENTITY_FACETS)}},
                {"name": "name", "in": "path", "required": True,
                 "schema": {"type": "string", "maxLength": P.MAX_FILTER_VALUE_CHARS}},
            ],
            "responses": {
                "200": {
                    "description": "The entity's profile",
                    "content": {
                        "application/json": {
                            "schema": {"$ref": "#/components/schemas/EntityProfile"}
                        }
                    },
                },
                **_error_responses(400, 404, 503),
            },
        }
    },
    "/suggest": {
        "get": {
            "summary": "Autocomplete: entities and words starting with what was typed",
            "description": (
                "Persons, organisations and places whose name or a word of it starts with "
                "prefix (case-insensitive; then with its last word), most mentioned first, "
                "then frequent words of the indexed text starting with its last word."
            ),
            "parameters": [
                {"name": "prefix", "in": "query", "required": True,
                 "schema": {"type": "string", "maxLength": P.MAX_PREFIX_CHARS}},
                {"name": "size", "in": "query",
                 "schema": {"type": "integer", "minimum": 1,
                            "maximum": P.MAX_SUGGEST_SIZE,
                            "default": P.DEFAULT_SUGGEST_SIZE}},
            ],
            "responses": {
                "200": {
                    "description": "Suggestions",
                    "content": {
                        "application/json": {
                            "schema": {"$ref": "#/components/schemas/Suggestions"}
                        }
                    },
                },
                **_error_responses(400, 503),
            },
        }
    },
    "/health": {
        "get": {
            "summary": "Index status",
            "responses": {
                "200": {
                    "description": "The live index",
                    "content": {
                        "application/json": {
                            "schema": {"$ref": "#/components/schemas/Health"}
                        }
                    },
                },
                **_error_responses(503),
            },
        }
    },
    **ST.PATHS,
    "/openapi.json": {
        "get": {
            "summary": "This document",
            "responses": {"200": {"description": "OpenAPI 3.1 schema"}},
        }
    },
}
