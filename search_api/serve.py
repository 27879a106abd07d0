"""Run the API with uvicorn: ``serve(index_dir, host, port, workers)`` (``warta serve``)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

import uvicorn
from starlette.applications import Starlette

from search_api.app import create_app

INDEX_ENV: Final = "WARTA_INDEX"


def app_from_env() -> Starlette:
    """App factory for uvicorn's worker processes: the index directory comes from the env."""
    index_dir = os.environ.get(INDEX_ENV)
    if not index_dir:
        raise RuntimeError(f"{INDEX_ENV} is not set: start the server with `warta serve`")
    return create_app(index_dir)


def serve(
    index_dir: str | Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: int = 1,
    log_level: str = "info",
) -> None:
    index_dir = Path(index_dir).resolve()
    if workers > 1:
        os.environ[INDEX_ENV] = str(index_dir)
        uvicorn.run(
            "search_api.serve:app_from_env",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level=log_level,
        )
    else:
        uvicorn.run(create_app(index_dir), host=host, port=port, log_level=log_level)
