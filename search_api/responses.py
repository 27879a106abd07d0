"""JSON responses (orjson) and the error body every 4xx/5xx shares."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import orjson
from starlette.responses import Response


class ORJSONResponse(Response):
    """A JSON response serialised by orjson (dataclasses, tuples and dicts as they are)."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content, option=orjson.OPT_NON_STR_KEYS)


def error_response(
    status: int, error: str, detail: str, headers: Mapping[str, str] | None = None
) -> ORJSONResponse:
    """``{"error": <short code>, "detail": <what went wrong / what to do>}``."""
    return ORJSONResponse({"error": error, "detail": detail}, status_code=status,
                          headers=headers)
