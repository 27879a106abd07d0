"""``GET /search.atom``: a ``/search`` request as an Atom 1.0 feed (RFC 4287).

The newest :data:`FEED_SIZE` matching articles, whatever ``sort``, ``page`` and ``size`` say (a
feed reader wants what is new). Each entry's ``id`` is a ``urn:`` made from the article id, so
it stays the same across reindexes; ``updated`` is the article's date (the index's last commit
for an undated article, which ``updated`` cannot leave out). Entries link to the article page
(``alternate``) and to the original (``related``); the summary is the highlighted snippet as
escaped HTML.

The feed's title is in the request's language, chosen as for the pages (:mod:`search_api.i18n`),
as people read it; feed readers send no Accept-Language, so the pages link the feed with ``lang``
when theirs is not the default.

Conditional GET: the ``ETag`` is a hash of the index version, the query string and the language,
and ``Last-Modified`` the index's last commit, so a reader polling an unchanged index gets a 304
before any search runs.
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from typing import Final
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import Response

from search_api import i18n, results
from search_api.backends import Backend
from search_api.params import SearchRequest, parse_search_params
from search_api.trends import describe

FEED_SIZE: Final = 50
ATOM_NS: Final = "http://www.w3.org/2005/Atom"
MEDIA_TYPE: Final = "application/atom+xml; charset=utf-8"
URN_PREFIX: Final = "urn:warta:article:"


def entry_id(doc_id: str) -> str:
    """The stable ``urn:`` of an article: its id, percent-encoded where a URN may not hold it."""
    return URN_PREFIX + quote(doc_id, safe="-._~!$&'()*+,;=:@/")


def feed_request(request: SearchRequest) -> SearchRequest:
    return replace(request, sort="newest", page=1, size=FEED_SIZE, facet_size=0)


def feed_title(request: SearchRequest, lang: i18n.Lang) -> str:
    return "Warta: " + describe(request, lang.gettext)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, attrs)
    if text is not None:
        el.text = text
    return el


def render(request: Request, req: SearchRequest, result: results.SearchResponse,
           changed: datetime, lang: i18n.Lang) -> bytes:
    base = str(request.base_url).rstrip("/")
    query = request.url.query
    feed = ET.Element("feed", {"xmlns": ATOM_NS, "xml:lang": lang.code})
    _sub(feed, "id", "urn:warta:search:" + hashlib.sha256(query.encode()).hexdigest()[:32])
    _sub(feed, "title", feed_title(req, lang))
    newest = next((h.date for h in result.hits if h.date), None)
    _sub(feed, "updated", newest or changed.isoformat())
    author = _sub(feed, "author")
    _sub(author, "name", "Warta")
    _sub(feed, "link", rel="self", type="application/atom+xml",
         href=f"{base}/search.atom" + (f"?{query}" if query else ""))
    _sub(feed, "link", rel="alternate", type="text/html",
         href=f"{base}/" + (f"?{query}" if query else ""))
    _sub(feed, "generator", "Warta")
    for hit in result.hits:
        entry = _sub(feed, "entry")
        _sub(entry, "id", entry_id(hit.id))
        _sub(entry, "title", hit.title)
        _sub(entry, "updated", hit.date or changed.isoformat())
        if hit.date:
            _sub(entry, "published", hit.date)
        _sub(entry, "link", rel="alternate", type="text/html",
             href=f"{base}/articles/{quote(hit.id, safe='')}")
        if hit.url:
            _sub(entry, "link", rel="related", href=hit.url)
        if hit.source:
            src_author = _sub(entry, "author")
            _sub(src_author, "name", hit.source)
        if hit.category:
            _sub(entry, "category", term=hit.category)
        _sub(entry, "summary", hit.snippet_html, type="html")
    out: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return out


def _etag(version: str, query: str, lang: str) -> str:
    digest = hashlib.sha256(repr((version, query, lang)).encode()).hexdigest()[:32]
    return f'"{digest}"'


def _not_modified(request: Request, etag: str, changed: datetime) -> bool:
    """RFC 9110 13.1: If-None-Match decides when present, else If-Modified-Since."""
    inm = request.headers.get("if-none-match")
    if inm is not None:
        tags = {t.strip().removeprefix("W/") for t in inm.split(",")}
        return "*" in tags or etag in tags
    ims = request.headers.get("if-modified-since")
    if ims:
        try:
            since = parsedate_to_datetime(ims)
        except (TypeError, ValueError):
            return False
        if since.tzinfo is None:
            since = since.replace(tzinfo=UTC)
        return changed.replace(microsecond=0) <= since
    return False


def _last_commit(backend: Backend) -> datetime:
    iso = backend.health().last_commit
    return datetime.fromisoformat(iso) if iso else datetime.now(UTC)


def feed_route(request: Request) -> Response:
    req = parse_search_params(request.query_params.multi_items())
    backend: Backend = request.state.backend
    lang = i18n.for_request(request.query_params.get("lang"),
                            request.headers.get("accept-language"))
    etag = _etag(backend.version(), request.url.query, lang.code)
    changed = _last_commit(backend)
    headers = {
        "etag": etag,
        "last-modified": format_datetime(changed.astimezone(UTC), usegmt=True),
        "cache-control": "no-cache",
        "content-language": lang.code,
        "vary": "Accept-Language",
    }
    if _not_modified(request, etag, changed):
        return Response(status_code=304, headers=headers)
    result = backend.search(feed_request(req))
    return Response(render(request, req, result, changed, lang), media_type=MEDIA_TYPE,
                    headers=headers)
