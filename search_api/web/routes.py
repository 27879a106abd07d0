"""The HTML routes: ``/`` (the search page), ``/static``, and :func:`render_article`, the app's
HTML hook for ``GET /articles/{id}``.

:func:`routes` is the route list :func:`search_api.app.create_app` builds its app with; the
Jinja2 environments (autoescape on everywhere), one per language, are made by
:func:`make_templates` and kept in ``app.state.web_templates``. Nothing happens at import time.

Every page is rendered in the request's language (:mod:`search_api.i18n`): the view builders
take its :class:`~search_api.i18n.Lang`, and the page is rendered by that language's
environment, whose templates have their words translated (:mod:`search_api.web.templating`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from search_api import i18n, results, snapshot
from search_api import trends as T
from search_api.backends import Backend
from search_api.params import DEFAULT_RELATED_SIZE, ValidationError, parse_entity_ref
from search_api.stories import Story
from search_api.web import templating
from search_api.web.article_page import build_article_page
from search_api.web.entity_page import build_entity_page
from search_api.web.facet_sections import facet_sections_html
from search_api.web.search_page import build_search_page
from search_api.web.state import DROP_PARAM, FACET_BY_NAME, encode, parse_state
from search_api.web.story_views import build_story_page
from search_api.web.trends_page import build_trends_page, monitor_links

PACKAGE_DIR: Final = Path(__file__).resolve().parent.parent
TEMPLATE_DIR: Final = PACKAGE_DIR / "templates"
STATIC_DIR: Final = PACKAGE_DIR / "static"

# A path Starlette's URL writes as it is (no "?", "#", "\\", control or non-ASCII characters,
# no leading "//"), so ``request.url.path`` is the scope's own.
_PLAIN_PATH: Final = re.compile(r"(?:/(?!/)[A-Za-z0-9._~!$&'()*+,;=:@%-]*)+|/", re.ASCII)


def url_path(request: Request) -> str:
    """``request.url.path``, without building the request's whole URL for a plain path."""
    path: str = request.scope["path"]
    return path if _PLAIN_PATH.fullmatch(path) else request.url.path


def _templates(request: Request, lang: i18n.Lang) -> Jinja2Templates:
    templates: Jinja2Templates = request.app.state.web_templates[lang.code]
    return templates


def _backend(request: Request) -> Backend:
    backend: Backend = request.state.backend
    return backend


def _lang(request: Request) -> i18n.Lang:
    return i18n.for_request(request.query_params.get("lang"),
                            request.headers.get("accept-language"))


def _render(
    request: Request, name: str, context: Mapping[str, Any], status: int = 200,
    lang: i18n.Lang | None = None,
) -> Response:
    """The page ``name`` in the request's language (``lang`` when the caller has it)."""
    lang = lang or _lang(request)
    other = "en" if lang.code == "id" else "id"
    kept = [(k, v) for k, v in request.query_params.multi_items() if k != "lang" and v.strip()]
    switch = url_path(request) + "?" + encode([*kept, ("lang", other)])
    template = _templates(request, lang).env.get_template(name)
    html = template.render({**context, "request": request, "i18n": lang, "lang_switch": switch})
    response = HTMLResponse(html, status)
    # The page's words follow Accept-Language when the URL names no language.
    response.headers["vary"] = "Accept-Language"
    return response


def _message(request: Request, title: str, message: str, status: int, q: str = "") -> Response:
    """The page that says why there is nothing to show (not found, a bad request, no index)."""
    return _render(request, "message.html", {"title": title, "message": message, "q": q},
                   status=status)


def search_page(request: Request) -> Response:
    pairs = request.query_params.multi_items()
    lang = _lang(request)
    _ = lang.gettext
    try:
        state, search_request = parse_state(pairs, lang)
    except ValidationError as exc:
        return _message(request, _("Cannot search"), exc.message.render(_), exc.status,
                        q=request.query_params.get("q", "")[:200])
    drop = request.query_params.get(DROP_PARAM)
    if drop is not None:  # a chip: the same state without that filter, at its own URL
        return RedirectResponse(state.dropped(drop).url, status_code=303)
    try:
        page = build_search_page(request.state.backend, state, search_request, lang)
    except snapshot.IndexUnavailable:
        return _message(request, _("No index yet"), _("The search index is not available yet. "
                        "Build it with `warta reindex` and reload this page."), 503, q=state.q)
    monitor = monitor_links(state, page.facets, lang)
    facets = facet_sections_html(page.facets, page.hidden_all, monitor.facet_trends, lang)
    return _render(request, "search.html",
                   {"page": page, "q": state.q, "monitor": monitor, "facets_html": facets},
                   lang=lang)


def render_article(request: Request, article: results.Article | None) -> Response:
    """The app's HTML hook for ``GET /articles/{id}`` (called when the browser prefers HTML).
    A browser following a dead link gets an HTML "not found" page; API clients keep JSON."""
    lang = _lang(request)
    if article is None:
        return _message(request, lang.gettext("Article not found"),
                        lang.gettext("There is no article with id %(id)r in the index.")
                        % {"id": request.path_params.get("doc_id", "")}, 404)
    backend = _backend(request)
    marking = backend.marking(article.id, request.query_params.get("q", ""))
    related = backend.related(article.id, DEFAULT_RELATED_SIZE)
    page = build_article_page(marking, article, request.query_params.get("back"), related, lang)
    return _render(request, "article.html", {"article": page, "q": ""})


def trends_page(request: Request) -> Response:
    """The trends page (``/trends`` when the browser prefers HTML); without a series it is the
    form alone, and a bad parameter is said above the form (status 400)."""
    pairs = request.query_params.multi_items()
    lang = _lang(request)
    given = [v for k, v in pairs if k == "series" and v.strip()][: T.MAX_SERIES]
    interval = request.query_params.get("interval", "day")
    context = {"page": None, "error": "", "q": "", "intervals": T.INTERVALS,
               "interval": interval if interval in T.INTERVALS else "day",
               "inputs": (*given, *("",) * (T.MAX_SERIES - len(given)))}
    if not given:
        return _render(request, "trends.html", context)
    try:
        req = T.parse_trends_params(pairs)
        page = build_trends_page(req, T.trends(_backend(request), req), lang)
    except ValidationError as exc:
        return _render(request, "trends.html",
                       {**context, "error": exc.message.render(lang.gettext)}, status=exc.status)
    except snapshot.IndexUnavailable:
        return _render(request, "trends.html", {**context, "error": lang.gettext(
                       "The search index is not available yet.")}, status=503)
    return _render(request, "trends.html", {**context, "page": page, "inputs": page.inputs})


def entity_page(request: Request) -> Response:
    """The entity page (``/entities/{type}/{name}`` when the browser prefers HTML)."""
    lang = _lang(request)
    _ = lang.gettext
    try:
        ref = parse_entity_ref(request.path_params["etype"], request.path_params["name"])
        profile = _backend(request).profile(ref.type, ref.name)
    except ValidationError as exc:
        return _message(request, _("Cannot show this entity"), exc.message.render(_),
                        exc.status)
    except snapshot.IndexUnavailable:
        return _message(request, _("No index yet"), _("The search index is not available yet."),
                        503)
    if profile is None:
        return _message(request, _("Not found"),
                        _("No %(type)s named %(name)r is in the index.")
                        % {"type": _(FACET_BY_NAME[ref.type].singular), "name": ref.name}, 404)
    return _render(request, "entity.html",
                   {"entity": build_entity_page(profile, lang), "q": ""})


def render_not_found(request: Request) -> Response:
    """A browser at an address no route has gets a page in its language, not JSON."""
    _ = _lang(request).gettext
    return _message(request, _("Page not found"), _("There is no page at this address."), 404)


def render_story(request: Request, story: Story | None) -> Response:
    """``GET /stories/{id}`` for a browser: every copy, the first report marked."""
    lang = _lang(request)
    if story is None:
        return _message(request, lang.gettext("Story not found"),
                        lang.gettext("There is no story with id %(id)r in the index.")
                        % {"id": request.path_params.get("story_id", "")}, 404)
    return _render(request, "story.html", {"story": build_story_page(story, lang), "q": ""})


def make_templates() -> dict[str, Jinja2Templates]:
    """Each page language's templates (:mod:`search_api.web.templating`), by language code."""
    return templating.make_templates(str(TEMPLATE_DIR))


def routes() -> list[Route | Mount]:
    return [
        Route("/", search_page, methods=["GET"], name="search_page"),
        Mount("/static", app=StaticFiles(directory=STATIC_DIR), name="static"),
    ]
