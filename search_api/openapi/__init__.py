"""The OpenAPI 3.1 description of the API, served at ``/openapi.json``, assembled from its
parts: the search routes (:mod:`.search`, :mod:`.schemas`), the story routes (:mod:`.stories`)
and the routes that follow a search (:mod:`.monitor`)."""

from __future__ import annotations

from copy import deepcopy
from typing import Any, Final

from search_api.openapi import monitor, schemas, search

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
    "paths": search.PATHS,
    "components": {"schemas": schemas.SCHEMAS},
}


# Every object the API returns has exactly the keys its schema lists.
for _component in _SCHEMA["components"]["schemas"].values():
    _component["additionalProperties"] = False


def openapi_schema() -> dict[str, Any]:
    """A copy of the schema (callers may not change the module's own)."""
    spec = deepcopy(_SCHEMA)
    spec["paths"].update(monitor.monitor_paths(spec["paths"]["/search"]["get"]["parameters"]))
    spec["components"]["schemas"].update(deepcopy(monitor.MONITOR_SCHEMAS))
    return spec
