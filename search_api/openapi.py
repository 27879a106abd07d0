"""The OpenAPI 3.1 description of the API, served at ``/openapi.json``."""

from __future__ import annotations

from copy import deepcopy
from typing import Any, Final

from indexer import schema as S
from search_api import openapi_stories as ST
from search_api import params as P
from search_api.openapi_monitor import MONITOR_SCHEMAS, monitor_paths

_ERROR = {"$ref": "#/components/schemas/Error"}


# An empty date parameter is the same as a missing one (a form's empty date input sends it).
_OPTIONAL_DATE: Final = {
    "anyOf": [{"type": "string", "format": "date"}, {"type": "string", "maxLength": 0}]
}


def _error_responses(*codes: int) -> dict[str, Any]:
    text = {400: "Invalid parameter", 404: "Not found", 503: "No index to answer from"}
    return {
        str(c): {
            "description": text.get(c, "Error"),
            "content": {"application/json": {"schema": _ERROR}},
        }
        for c in codes
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


_FACET_VALUES = {"type": "array", "items": {"$ref": "#/components/schemas/FacetValue"}}
_STRINGS = {"type": "array", "items": {"type": "string"}}

_SCHEMA: Final[dict[str, Any]] = {
    "openapi": "3.1.0",
    "info": {
        "title": "Warta search API",
        "version": "1.0.0",
        "description": (
            "Full-text search over Indonesian news: Sastrawi-stemmed BM25 (a title's words "
            "count twice), entity/source/category/date facets, highlighting, results collapsed "
            "by story (near-duplicate articles), story pages, related articles."
        ),
    },
    "paths": {
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
    },
    "components": {
        "schemas": {
            "Error": {
                "type": "object",
                "required": ["error", "detail"],
                "properties": {
                    "error": {"type": "string",
                              "description": "Short stable code, the same in every language"},
                    "detail": {"type": "string", "description": (
                        "What went wrong, in English unless the request names a language: "
                        "?lang=id or Accept-Language: id gives Indonesian (Content-Language "
                        "says which)")},
                },
            },
            "Entities": {
                "type": "object",
                "required": ["PER", "ORG", "LOC"],
                "properties": {"PER": _STRINGS, "ORG": _STRINGS, "LOC": _STRINGS},
            },
            "Hit": {
                "type": "object",
                "required": [
                    "id", "title", "url", "source", "category", "date", "score",
                    "title_html", "snippet_html", "entities", "story",
                ],
                "properties": {
                    "id": {"type": "string"},
                    "title": {"type": "string"},
                    "url": {"type": "string"},
                    "source": {"type": "string"},
                    "category": {"type": "string"},
                    "date": {
                        "type": ["string", "null"],
                        "description": "Publication time, ISO 8601 in WIB (+07:00); null "
                        "when undated",
                    },
                    "score": {
                        "type": ["number", "null"],
                        "description": "BM25 score (sort=recent: times the age decay); null "
                        "when sorted by date",
                    },
                    "title_html": {
                        "type": "string",
                        "description": "Escaped title, query words in <mark>",
                    },
                    "snippet_html": {
                        "type": "string",
                        "description": "Escaped ~200-character best passage, query words in "
                        "<mark>, … where cut; the lead when nothing matches",
                    },
                    "entities": {"$ref": "#/components/schemas/Entities"},
                    "story": {"$ref": "#/components/schemas/StorySummary"},
                },
            },
            "FacetValue": {
                "type": "object",
                "required": ["value", "count", "selected"],
                "properties": {
                    "value": {"type": "string"},
                    "count": {"type": "integer"},
                    "selected": {"type": "boolean"},
                },
            },
            "DateBucket": {
                "type": "object",
                "required": ["key", "count"],
                "properties": {
                    "key": {
                        "type": "string",
                        "description": "YYYY-MM-DD (span <= 62 days), YYYY-MM, or 'undated' "
                        "(always last)",
                    },
                    "count": {"type": "integer"},
                },
            },
            "Facets": {
                "type": "object",
                "description": "Counts over the results; a facet you filter on is counted "
                "without its own filter (disjunctive), unless its _op is 'and'.",
                "properties": {
                    **{f.name: _FACET_VALUES for f in S.FACETS},
                    "date": {
                        "type": "array",
                        "items": {"$ref": "#/components/schemas/DateBucket"},
                    },
                },
            },
            "SearchResponse": {
                "type": "object",
                "required": ["query", "sort", "matched", "suggestion", "collapse", "total",
                             "stories", "took_ms", "page", "size", "hits", "facets"],
                "properties": {
                    "query": {"type": "string"},
                    "sort": {"type": "string", "enum": list(P.SORTS)},
                    "matched": {
                        "type": "string",
                        "enum": ["all", "some"],
                        "description": "all: the hits have every word of the query; some: no "
                        "article had them all, so the hits have some of the free words, most "
                        "first (totals and facets count the same hits).",
                    },
                    "suggestion": {
                        "type": ["string", "null"],
                        "description": "Did you mean: the query with each word that no "
                        "indexed article contains replaced by the closest known word, or null",
                    },
                    "collapse": {"type": "string", "enum": list(P.COLLAPSES)},
                    "total": {"type": "integer", "description": "Matching articles"},
                    "stories": {"type": "integer", "description": "Distinct stories among them"},
                    "took_ms": {"type": "number"},
                    "page": {"type": "integer"},
                    "size": {"type": "integer"},
                    "hits": {"type": "array", "items": {"$ref": "#/components/schemas/Hit"}},
                    "facets": {"$ref": "#/components/schemas/Facets"},
                },
            },
            "Article": {
                "type": "object",
                "required": ["id", "title", "title_derived", "url", "source", "category", "date",
                             "body", "entities", "story"],
                "properties": {
                    "id": {"type": "string"},
                    "title": {"type": "string"},
                    "title_derived": {"type": "boolean"},
                    "url": {"type": "string"},
                    "source": {"type": "string"},
                    "category": {"type": "string"},
                    "date": {"type": ["string", "null"]},
                    "body": {"type": "string"},
                    "entities": {"$ref": "#/components/schemas/Entities"},
                    "story": {"$ref": "#/components/schemas/StorySummary"},
                },
            },
            "Counted": {
                "type": "object",
                "required": ["value", "count"],
                "additionalProperties": False,
                "properties": {"value": {"type": "string"}, "count": {"type": "integer"}},
            },
            "EntityProfile": {
                "type": "object",
                "required": ["type", "name", "total", "timeline", "person", "org", "place",
                             "source", "latest", "aliases"],
                "properties": {
                    "type": {"type": "string", "enum": list(S.ENTITY_FACETS)},
                    "name": {"type": "string"},
                    "total": {"type": "integer"},
                    "timeline": {
                        "type": "array",
                        "items": {"$ref": "#/components/schemas/DateBucket"},
                        "description": "Articles per day or month, then undated",
                    },
                    **{f: {"type": "array", "maxItems": 20,
                           "items": {"$ref": "#/components/schemas/Counted"},
                           "description": "Top co-occurring values, exact counts"}
                       for f in S.ENTITY_FACETS},
                    "source": {"type": "array",
                               "items": {"$ref": "#/components/schemas/Counted"}},
                    "latest": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["id", "title", "source", "date"],
                            "properties": {
                                "id": {"type": "string"}, "title": {"type": "string"},
                                "source": {"type": "string"},
                                "date": {"type": ["string", "null"]},
                            },
                        },
                    },
                    "aliases": {"type": "array", "items": {"type": "string"}},
                },
            },
            "Suggestions": {
                "type": "object",
                "required": ["prefix", "suggestions"],
                "properties": {
                    "prefix": {"type": "string"},
                    "suggestions": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["kind", "value", "count", "completes"],
                            "properties": {
                                "kind": {"type": "string",
                                         "enum": [*S.ENTITY_FACETS, "word"]},
                                "value": {"type": "string"},
                                "count": {"type": "integer"},
                                "completes": {"type": "string"},
                            },
                        },
                    },
                },
            },
            "EntitiesResponse": {
                "type": "object",
                "required": ["type", "prefix", "values"],
                "properties": {
                    "type": {"type": "string"},
                    "prefix": {"type": "string"},
                    "values": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["value", "count"],
                            "additionalProperties": False,
                            "properties": {
                                "value": {"type": "string"},
                                "count": {"type": "integer"},
                            },
                        },
                    },
                },
            },
            **ST.SCHEMAS,
            "Health": {
                "type": "object",
                "required": ["status", "documents", "generation", "last_commit"],
                "properties": {
                    "status": {"type": "string"},
                    "documents": {"type": "integer"},
                    "generation": {"type": "string"},
                    "last_commit": {"type": ["string", "null"]},
                },
            },
        }
    },
}


# Every object the API returns has exactly the keys its schema lists.
for _component in _SCHEMA["components"]["schemas"].values():
    _component["additionalProperties"] = False


def openapi_schema() -> dict[str, Any]:
    """A copy of the schema (callers may not change the module's own)."""
    spec = deepcopy(_SCHEMA)
    spec["paths"].update(monitor_paths(spec["paths"]["/search"]["get"]["parameters"]))
    spec["components"]["schemas"].update(deepcopy(MONITOR_SCHEMAS))
    return spec
