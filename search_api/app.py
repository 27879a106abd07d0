"""The Starlette application: ``create_app(index_dir)``.

Nothing happens at import time. The lifespan creates the one long-lived object, the backend every
route answers from: :class:`~search_api.backends.TantivyBackend`, whose
:class:`~search_api.snapshot.SearcherHolder` reopens the index whenever a reindex or a commit
changes it, so the server always answers from the newest data without a restart, or the
OpenSearch backend given to ``create_app(backend=...)``.

Routes (see :mod:`search_api.openapi`): ``/search``, ``/articles/{id}``,
``/articles/{id}/related``, ``/stories/{id}`` (JSON, or the story page for a browser),
``/entities``, ``/health``, ``/openapi.json``. Every error is JSON ``{"error", "detail"}``.

HTML hook: ``create_app(index_dir, article_html=render)`` (or setting
``app.state.article_html``) makes ``GET /articles/{id}`` call ``render(request, article)`` —
``article`` being a :class:`~search_api.results.Article`, or None for an unknown id — when the
request's ``Accept`` header prefers ``text/html`` over JSON. By default that is the web page's
:func:`search_api.web.routes.render_article`. The HTML pages ``/`` and ``/static`` come from
:func:`search_api.web.routes.routes`.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypedDict

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from search_api import admission, export, feeds, i18n, results, snapshot, trends
from search_api.accept import entries
from search_api.backends import Backend, TantivyBackend
from search_api.i18n import N_
from search_api.openapi import openapi_schema
from search_api.params import (
    Message,
    ValidationError,
    parse_entities_params,
    parse_entity_ref,
    parse_related_params,
    parse_search_params,
    parse_suggest_params,
)
from search_api.responses import ORJSONResponse, error_response
from search_api.web import routes as web
from search_api.web.state import FACET_BY_NAME

log = logging.getLogger(__name__)

ArticleRenderer = Callable[[Request, "results.Article | None"], Response]


class State(TypedDict):
    backend: Backend  # what every route answers from


def _backend(request: Request) -> Backend:
    backend: Backend = request.state.backend
    return backend


def _media_quality(accept: str, media: str) -> float:
    """The q-value ``accept`` gives ``media`` (exact type, then type/*, then */*)."""
    best, best_rank = 0.0, -1
    major = media.split("/", 1)[0]
    for token, q in entries(accept):
        mtype = token.lower()
        rank = 3 if mtype == media else 2 if mtype == f"{major}/*" else 1 if mtype == "*/*" else -1
        if rank > best_rank:
            best, best_rank = q, rank
    return best if best_rank >= 0 else 0.0


def prefers_html(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    if "html" not in accept:
        return False
    return _media_quality(accept, "text/html") > _media_quality(accept, "application/json")


# -- routes -----------------------------------------------------------------------------------


def search_route(request: Request) -> Response:
    req = parse_search_params(request.query_params.multi_items())
    return ORJSONResponse(_backend(request).search(req))


def article_route(request: Request) -> Response:
    doc_id = request.path_params["doc_id"]
    article = _backend(request).get_article(doc_id)
    renderer: ArticleRenderer | None = getattr(request.app.state, "article_html", None)
    if renderer is not None and prefers_html(request):
        return renderer(request, article)
    if article is None:
        return _localized_error(request, 404, "not_found",
                                Message(N_("no article with id %(id)r"), {"id": doc_id}))
    return ORJSONResponse(article)


def trends_route(request: Request) -> Response:
    if prefers_html(request):
        return web.trends_page(request)
    req = trends.parse_trends_params(request.query_params.multi_items())
    return ORJSONResponse(trends.trends(_backend(request), req))


def related_route(request: Request) -> Response:
    doc_id = request.path_params["doc_id"]
    size = parse_related_params(request.query_params.multi_items())
    related = _backend(request).related(doc_id, size)
    if related is None:
        return _localized_error(request, 404, "not_found",
                                Message(N_("no article with id %(id)r"), {"id": doc_id}))
    return ORJSONResponse(related)


def story_route(request: Request) -> Response:
    story_id = request.path_params["story_id"]
    story = _backend(request).story(story_id)
    if prefers_html(request):
        return web.render_story(request, story)
    if story is None:
        return _localized_error(request, 404, "not_found",
                                Message(N_("no story with id %(id)r"), {"id": story_id}))
    return ORJSONResponse(story)


def entities_route(request: Request) -> Response:
    req = parse_entities_params(request.query_params.multi_items())
    return ORJSONResponse(_backend(request).entities(req))


def suggest_route(request: Request) -> Response:
    req = parse_suggest_params(request.query_params.multi_items())
    return ORJSONResponse(_backend(request).suggest(req.prefix, req.size, wait=False))


def entity_profile_route(request: Request) -> Response:
    if prefers_html(request):
        return web.entity_page(request)
    ref = parse_entity_ref(request.path_params["etype"], request.path_params["name"])
    profile = _backend(request).profile(ref.type, ref.name)
    if profile is None:
        return _localized_error(request, 404, "not_found", Message(
            N_("no %(type)s named %(name)r"),
            {"type": Message(FACET_BY_NAME[ref.type].singular), "name": ref.name[:100]}))
    return ORJSONResponse(profile)


def health_route(request: Request) -> Response:
    return ORJSONResponse(_backend(request).health())


def openapi_route(request: Request) -> Response:
    return ORJSONResponse(openapi_schema())


# -- errors -----------------------------------------------------------------------------------


def _localized_error(request: Request, status: int, error: str, message: Message) -> Response:
    """A JSON error whose ``detail`` is in the language the client names, else English
    (:func:`search_api.i18n.for_api`); ``error`` is the same code in every language."""
    lang = i18n.for_api(request.query_params.get("lang"), request.headers.get("accept-language"))
    return error_response(status, error, message.render(lang.gettext),
                          headers={"content-language": lang.code, "vary": "Accept-Language"})


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ValidationError)
    return _localized_error(request, exc.status, exc.error, exc.message)


async def _unavailable(request: Request, exc: Exception) -> Response:
    return error_response(503, "index_unavailable", str(exc))


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404 and prefers_html(request):
        return web.render_not_found(request)
    code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
    # Starlette's 405 carries the route's methods in ``Allow`` (RFC 9110 requires it).
    return error_response(exc.status_code, code, str(exc.detail), headers=exc.headers)


async def _server_error(request: Request, exc: Exception) -> Response:
    log.exception("unhandled error on %s", request.url.path, exc_info=exc)
    return error_response(500, "internal_error", "the server failed to answer this request")


# -- factory ----------------------------------------------------------------------------------


def create_app(index_dir: str | Path | None = None, *, article_html: ArticleRenderer | None = None,
               backend: Backend | None = None,
               concurrency: int = admission.DEFAULT_CONCURRENCY) -> Starlette:
    """The app over the tantivy index in ``index_dir``, or over ``backend`` (OpenSearch),
    working on at most ``concurrency`` requests at once (:mod:`search_api.admission`)."""
    if backend is None and index_dir is None:
        raise ValueError("create_app needs an index directory or a backend")
    if concurrency < 1:
        raise ValueError(f"concurrency must be at least 1, not {concurrency}")

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[State]:
        admission.admit(app.state.concurrency)
        answering = backend if backend is not None else TantivyBackend(Path(str(index_dir)))
        try:
            answering.cache()  # open early; an index built later is picked up on first use
        except snapshot.IndexUnavailable as exc:
            log.warning("no index yet (%s): %s", index_dir or "OpenSearch", exc)
        yield {"backend": answering}

    exception_handlers: dict[Any, Any] = {
        ValidationError: _validation_error,
        snapshot.IndexUnavailable: _unavailable,
        HTTPException: _http_error,
        Exception: _server_error,
    }
    routes = [
        Route("/search", search_route, methods=["GET"]),
        Route("/articles/{doc_id:path}/related", related_route, methods=["GET"]),
        Route("/articles/{doc_id:path}", article_route, methods=["GET"]),
        Route("/search.atom", feeds.feed_route, methods=["GET"]),
        Route("/search.csv", export.csv_route, methods=["GET"]),
        Route("/search.ndjson", export.ndjson_route, methods=["GET"]),
        Route("/trends", trends_route, methods=["GET"]),
        Route("/stories/{story_id}", story_route, methods=["GET"]),
        Route("/entities", entities_route, methods=["GET"]),
        Route("/entities/{etype}/{name:path}", entity_profile_route, methods=["GET"]),
        Route("/suggest", suggest_route, methods=["GET"]),
        Route("/health", health_route, methods=["GET"]),
        Route("/openapi.json", openapi_route, methods=["GET"]),
        *web.routes(),
    ]
    app = Starlette(routes=routes, exception_handlers=exception_handlers, lifespan=lifespan)
    app.state.index_dir = Path(index_dir) if index_dir is not None else None
    app.state.concurrency = concurrency  # set on the serving loop when it starts
    app.state.article_html = article_html or web.render_article
    app.state.web_templates = web.make_templates()
    return app
