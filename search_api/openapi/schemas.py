"""The OpenAPI schemas of what the search routes answer (the story and monitoring schemas are
in :mod:`search_api.openapi.stories` and :mod:`search_api.openapi.monitor`)."""

from __future__ import annotations

from typing import Any, Final

from indexer import schema as S
from search_api import params as P
from search_api.openapi import stories as ST
from search_api.openapi.common import STRINGS as _STRINGS

_FACET_VALUES = {"type": "array", "items": {"$ref": "#/components/schemas/FacetValue"}}

SCHEMAS: Final[dict[str, Any]] = {
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
