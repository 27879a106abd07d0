"""The search page's state as it is written in the URL, and the URLs that change it.

Every state of the page (query, filters, date range, sort, page, expanded facets, a facet value
search) lives in the query string, so every change is a navigation to a GET URL.
:class:`PageState` is that state in canonical order; its methods give the state after one change,
and ``.url`` the link to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from itertools import starmap
from typing import Any, Final

from indexer import schema as S
from search_api.facet_cache import SHARED_SIZE
from search_api.i18n import N_, Lang
from search_api.params import (
    DEFAULT_SIZE,
    MAX_PREFIX_CHARS,
    Message,
    SearchRequest,
    ValidationError,
    parse_search_params,
)
from search_api.web.quoting import quote, quote_plus

MORE_FACET_SIZE: Final = 50  # values listed by an expanded ("more") facet

FACETS: Final = S.FACETS
FACET_BY_NAME: Final = {f.name: f for f in FACETS}
# Article entity keys ("PER", ...) -> facet parameter and heading.
ENTITY_GROUPS: Final = tuple((key, FACET_BY_NAME[name]) for key, name in S.ENTITY_FIELDS.items())
# The facets' headings and chip words (schema.FACETS' English), marked for the catalog; a test
# holds them equal to the schema's.
FACET_WORDS: Final = (
    N_("People"), N_("person"), N_("Organisations"), N_("organisation"), N_("Places"),
    N_("place"), N_("Outlets"), N_("outlet"), N_("Categories"), N_("category"),
)
DATE_PARAMS: Final = ("from", "to")
# The page's date inputs are written dd/mm/yyyy whatever the browser's locale; ISO stays valid
# (the timeline's links and the JSON API use it).
_DMY_RE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_ISO_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


@lru_cache(maxsize=8_192)
def _pair(key: str, value: str) -> str:
    return f"{quote_plus(key)}={quote_plus(value)}"


def encode(pairs: Iterable[tuple[str, str]]) -> str:
    """``urllib.parse.encode(pairs)`` of string pairs. A page writes its query and filters
    into each of its ~50 links, so each pair's quoting is remembered."""
    return "&".join(starmap(_pair, pairs))


@dataclass(frozen=True, slots=True)
class PageState:
    """Everything the search page shows, as it is written in the URL (canonical order)."""

    q: str = ""
    filters: tuple[tuple[str, tuple[str, ...]], ...] = ()  # FACETS order, non-empty only
    date_from: date | None = None
    date_to: date | None = None
    sort: str | None = None  # only when it differs from the default for ``q``
    size: int | None = None  # only when it differs from DEFAULT_SIZE
    page: int = 1
    more: tuple[str, ...] = ()  # expanded facets
    fq_type: str | None = None  # facet value search (without JavaScript)
    fq: str = ""
    all_of: tuple[str, ...] = ()  # entity facets whose ticked values must all match (FACETS order)
    lang: tuple[tuple[str, str], ...] = ()  # the page language's parameter (none for the default)

    def selected(self, facet: str) -> tuple[str, ...]:
        return dict(self.filters).get(facet, ())

    def sections(self) -> dict[str, list[tuple[str, str]]]:
        """The query string's parts in canonical order, by name: the one place that order is
        written, for :meth:`pairs` and :class:`Links`."""
        return {
            "q": [("q", self.q)] if self.q else [],
            "filters": [(name, v) for name, values in self.filters for v in values],
            "ops": [(f"{name}_op", "and") for name in self.all_of],
            "dates": _date_pairs(self.date_from, self.date_to),
            "sort": [("sort", self.sort)] if self.sort else [],
            "size": [("size", str(self.size))] if self.size else [],
            "more": [("more", m) for m in self.more],
            "fq": [("fq_type", self.fq_type), ("fq", self.fq)] if self.fq_type else [],
            "page": [("page", str(self.page))] if self.page > 1 else [],
            "lang": list(self.lang),
        }

    def pairs(self) -> list[tuple[str, str]]:
        return [pair for part in self.sections().values() for pair in part]

    @property
    def url(self) -> str:
        pairs = self.pairs()
        return "/?" + encode(pairs) if pairs else "/"

    # Every navigation below returns to page 1 and closes the facet value search, except
    # ``at_page`` (keeps everything) and ``expanded`` (keeps the page).

    def _nav(self, **changes: Any) -> PageState:
        return replace(self, page=1, fq_type=None, fq="", **changes)

    def _with_values(self, facet: str, values: Sequence[str]) -> PageState:
        current = dict(self.filters)
        current[facet] = tuple(values)
        filters = tuple(
            (f.name, current[f.name]) for f in FACETS if current.get(f.name)
        )
        return self._nav(filters=filters)

    def toggled(self, facet: str, value: str) -> PageState:
        values = self.selected(facet)
        if value in values:
            return self._with_values(facet, [v for v in values if v != value])
        return self._with_values(facet, [*values, value])

    def added(self, facet: str, value: str) -> PageState:
        values = self.selected(facet)
        return self._with_values(facet, [*values] if value in values else [*values, value])

    def without_facet(self, facet: str) -> PageState:
        return self._with_values(facet, [])

    def with_all_of(self, facet: str, on: bool) -> PageState:
        """Articles with all of ``facet``'s ticked values (``on``), or with any of them."""
        chosen = (set(self.all_of) | {facet}) if on else (set(self.all_of) - {facet})
        return self._nav(all_of=tuple(f.name for f in FACETS if f.name in chosen))

    def with_dates(self, lo: date | None, hi: date | None) -> PageState:
        return self._nav(date_from=lo, date_to=hi)

    def dropped(self, token: str) -> PageState:
        """Without the filter a chip's :func:`drop_token` names (unchanged for any other)."""
        if token == DATE_DROP:
            return self.with_dates(None, None)
        facet, _, value = token.partition(":")
        if facet in FACET_BY_NAME and value in self.selected(facet):
            return self.toggled(facet, value)
        return self._nav()

    def with_sort(self, sort: str | None) -> PageState:
        return self._nav(sort=sort)

    def without_query(self) -> PageState:
        return self._nav(q="", sort=None)

    def cleared(self) -> PageState:
        """Every filter and the date range removed; the query, sort and size kept."""
        return PageState(q=self.q, sort=self.sort, size=self.size, more=self.more, lang=self.lang)

    def at_page(self, page: int) -> PageState:
        return replace(self, page=page)

    def expanded(self, facet: str, on: bool) -> PageState:
        return replace(self, more=_expanded(self.more, facet, on), fq_type=None, fq="")


def _expanded(more: tuple[str, ...], facet: str, on: bool) -> tuple[str, ...]:
    chosen = (set(more) | {facet}) if on else (set(more) - {facet})
    return tuple(f.name for f in FACETS if f.name in chosen)


def default_sort(q: str) -> str:
    return "relevance" if q else "newest"


def _page_date(name: str, raw: str) -> str:
    """A date input's value as ISO: dd/mm/yyyy or YYYY-MM-DD, else a clear error."""
    text = raw.strip()
    m = _DMY_RE.fullmatch(text)
    if m:
        try:
            return date(int(m[3]), int(m[2]), int(m[1])).isoformat()
        except ValueError:
            pass
    elif not text or _ISO_RE.fullmatch(text):
        return text
    raise ValidationError(
        "invalid_date",
        N_("%(field)s: %(value)r is not a date written dd/mm/yyyy (for example 26/10/2019)"),
        field=Message(N_("From") if name == "from" else N_("To")), value=text[:50])


# A chip removes its filter by submitting the page's state once plus ``drop=<token>`` (the
# server answers with a redirect to the state without it), instead of carrying a whole URL:
# with 250 selected values, 250 links of the whole state made a 3 MB page.
DROP_PARAM: Final = "drop"
DATE_DROP: Final = "date"


def drop_token(facet: str, value: str) -> str:
    return f"{facet}:{value}"


def parse_state(
    pairs: Sequence[tuple[str, str]], lang: Lang
) -> tuple[PageState, SearchRequest]:
    """The page state and the service request of a query string (:class:`ValidationError`)."""
    pairs = [(k, _page_date(k, v) if k in DATE_PARAMS else v) for k, v in pairs]
    request = parse_search_params(pairs)
    params: dict[str, list[str]] = {}
    for k, v in pairs:
        params.setdefault(k, []).append(v)
    more = tuple(f.name for f in FACETS if f.name in params.get("more", ()))
    fq_type = (params.get("fq_type") or [""])[-1].strip().lower()
    fq = (params.get("fq") or [""])[-1].strip()[:MAX_PREFIX_CHARS]
    state = PageState(
        q=request.q,
        filters=tuple((f.name, request.selected(f.name)) for f in FACETS
                      if request.selected(f.name)),
        date_from=request.date_from,
        date_to=request.date_to,
        sort=request.sort if request.sort != default_sort(request.q) else None,
        size=request.size if request.size != DEFAULT_SIZE else None,
        page=request.page,
        more=more,
        fq_type=fq_type if fq_type in FACET_BY_NAME else None,
        fq=fq if fq_type in FACET_BY_NAME else "",
        all_of=tuple(f.name for f in FACETS if f.name in request.all_of),
        lang=lang.param,
    )
    # One more value than shown tells whether a "more" link is needed.
    facet_size = MORE_FACET_SIZE if more else SHARED_SIZE
    return state, replace(request, facet_size=facet_size)


def state_request(state: PageState, base: SearchRequest) -> SearchRequest:
    """The service request for ``state`` (used to count what removing a filter would give)."""
    return replace(
        base,
        q=state.q,
        filters=dict(state.filters),
        date_from=state.date_from,
        date_to=state.date_to,
        sort=state.sort or default_sort(state.q),  # type: ignore[arg-type]
        page=1,
        all_of=frozenset(state.all_of),
    )


def article_url(doc_id: str, back: PageState | None = None) -> str:
    """The article page, reached from ``back``'s results: it marks their query words (``q``),
    links back to them and keeps their language."""
    return article_path(doc_id) + article_query(back)


@lru_cache(maxsize=16_384)
def article_path(doc_id: str) -> str:
    return "/articles/" + quote(doc_id)


def article_query(back: PageState | None) -> str:
    """:func:`article_url`'s query string (with its ``?``), the same for every hit of a page."""
    pairs: list[tuple[str, str]] = []
    if back is not None:
        results = [p for p in back.pairs() if p[0] != "lang"]
        if back.q:
            pairs.append(("q", back.q))
        if results:
            pairs.append(("back", encode(results)))
        pairs.extend(back.lang)
    return "?" + encode(pairs) if pairs else ""


def _joined(*parts: str) -> str:
    query = "&".join(filter(None, parts))
    return "/?" + query if query else "/"


def _date_pairs(lo: date | None, hi: date | None) -> list[tuple[str, str]]:
    return [*([("from", lo.isoformat())] if lo else []), *([("to", hi.isoformat())] if hi else [])]


@lru_cache(maxsize=8_192)
def _dates(lo: date | None, hi: date | None) -> str:
    return encode(_date_pairs(lo, hi))


class Links:
    """The URLs of the states one change away from ``state`` (a page writes ~50 links), with
    each section of the state's query string (:meth:`PageState.sections`) quoted once. Each
    method is the ``.url`` of the :class:`PageState` method of its name."""

    __slots__ = ("_parts", "_more_names")

    def __init__(self, state: PageState) -> None:
        self._more_names = state.more
        self._parts = {name: encode(pairs) for name, pairs in state.sections().items()}

    def _url(self, **changed: str) -> str:
        """The URL with the named sections' encoded text replaced ("" drops one)."""
        return _joined(*{**self._parts, **changed}.values())

    def with_dates(self, lo: date | None, hi: date | None) -> str:
        return self._url(dates=_dates(lo, hi), fq="", page="")

    def with_sort(self, sort: str | None) -> str:
        return self._url(sort=_pair("sort", sort) if sort else "", fq="", page="")

    def at_page(self, page: int) -> str:
        return self._url(page=_pair("page", str(page)) if page > 1 else "")

    def expanded(self, facet: str, on: bool) -> str:
        more = _expanded(self._more_names, facet, on)
        return self._url(more=encode(("more", m) for m in more), fq="")

    def closed(self) -> str:
        """The facet value search closed (``replace(state, fq_type=None, fq="")``)."""
        return self._url(fq="")


def with_lang(url: str, lang: Lang) -> str:
    """``url`` (a page of this app) carrying the page's language when it is not the default."""
    return with_lang_param(url, lang.param)


def with_lang_param(url: str, param: tuple[tuple[str, str], ...]) -> str:
    if not param:
        return url
    return url + ("&" if "?" in url else "?") + encode(param)
