"""What the parts of the OpenAPI description share: the error responses and a list of
strings."""

from __future__ import annotations

from typing import Any, Final

ERROR: Final = {"$ref": "#/components/schemas/Error"}
STRINGS: Final = {"type": "array", "items": {"type": "string"}}
_ERROR_TEXT: Final = {400: "Invalid parameter", 404: "Not found", 503: "No index to answer from"}


def error_responses(*codes: int) -> dict[str, Any]:
    """The responses of error ``codes``, each an :class:`search_api.errors` JSON body."""
    return {
        str(c): {
            "description": _ERROR_TEXT.get(c, "Error"),
            "content": {"application/json": {"schema": ERROR}},
        }
        for c in codes
    }
