"""Request parameters -> frozen, validated requests (or a :class:`ValidationError`).

Pure functions over ``(name, value)`` pairs, so the same validation serves the JSON API, a
future HTML page and the tests. Every rule that rejects input lives here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Final, Literal

from indexer import schema as S
from search_api.i18n import N_

MAX_SIZE: Final = 100
DEFAULT_SIZE: Final = 10
MAX_RESULT_WINDOW: Final = 10_000
MAX_QUERY_CHARS: Final = 1_000
DEFAULT_FACET_SIZE: Final = 10
MAX_FACET_SIZE: Final = 100
MAX_FILTER_VALUES: Final = 50  # per facet
MAX_FILTER_VALUE_CHARS: Final = 300
MAX_PREFIX_CHARS: Final = 100
DEFAULT_ENTITY_SIZE: Final = 20
MAX_ENTITY_SIZE: Final = 100
DEFAULT_SUGGEST_SIZE: Final = 8
MAX_SUGGEST_SIZE: Final = 20
DEFAULT_RELATED_SIZE: Final = 5
MAX_RELATED_SIZE: Final = 50

DEFAULT_HALFLIFE_DAYS: Final = 30.0  # sort=recent: relevance halves every 30 days of age
MIN_HALFLIFE_DAYS: Final = 0.01
MAX_HALFLIFE_DAYS: Final = 36_500.0

Sort = Literal["relevance", "recent", "newest", "oldest"]
SORTS: Final[tuple[Sort, ...]] = ("relevance", "recent", "newest", "oldest")
Collapse = Literal["story", "none"]
COLLAPSES: Final[tuple[Collapse, ...]] = ("story", "none")  # the first is the default
# API parameter name -> index field (the parameter names are the field names).
FILTER_PARAMS: Final = S.KEYWORD_FACETS
ENTITY_TYPES: Final = S.KEYWORD_FACETS
# person_op=and: an article must have every selected person (default or: any of them).
OP_PARAMS: Final = {f"{name}_op": name for name in S.ENTITY_FACETS}
OPS: Final = ("or", "and")

_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_INT_RE = re.compile(r"[+-]?[0-9]{1,18}")
_NUMBER_RE = re.compile(r"[0-9]{1,9}(?:\.[0-9]{1,9})?")


@dataclass(frozen=True, slots=True)
class Message:
    """A text to translate late: an English msgid (marked ``N_`` so ``make messages`` extracts
    it) with ``%(name)s`` fields, and their values. A value that is itself a :class:`Message` is
    translated too."""

    template: str
    params: Mapping[str, object] = field(default_factory=dict)

    def render(self, gettext: Callable[[str], str] = str) -> str:
        """The text in the language of ``gettext`` (English, the msgid, by default)."""
        if not self.params:
            return gettext(self.template)
        values = {k: v.render(gettext) if isinstance(v, Message) else v
                  for k, v in self.params.items()}
        return gettext(self.template) % values


class ValidationError(Exception):
    """A bad request: ``error`` is a short stable code; ``message`` says what to fix, in English
    (:attr:`detail`) or in any catalog's language (``message.render(lang.gettext)``).

    ``template`` is an ``N_``-marked msgid with ``%(name)s`` fields; ``params`` fill them."""

    def __init__(self, error: str, template: str, /, status: int = 400, **params: object) -> None:
        self.error = error
        self.message = Message(template, params)
        self.status = status
        super().__init__(f"{error}: {self.detail}")

    @property
    def detail(self) -> str:
        return self.message.render()


@dataclass(frozen=True, slots=True)
class SearchRequest:
    q: str = ""
    filters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # field -> values
    date_from: date | None = None
    date_to: date | None = None
    sort: Sort = "newest"
    collapse: Collapse = "story"  # one hit per story (its best-ranked member), or every article
    page: int = 1
    size: int = DEFAULT_SIZE
    facet_size: int = DEFAULT_FACET_SIZE
    halflife: float = DEFAULT_HALFLIFE_DAYS  # days, for sort=recent
    all_of: frozenset[str] = frozenset()  # facets whose selected values must all match

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size

    def selected(self, facet: str) -> tuple[str, ...]:
        return self.filters.get(facet, ())


@dataclass(frozen=True, slots=True)
class EntitiesRequest:
    type: str
    prefix: str = ""
    size: int = DEFAULT_ENTITY_SIZE


@dataclass(frozen=True, slots=True)
class SuggestRequest:
    prefix: str
    size: int = DEFAULT_SUGGEST_SIZE


@dataclass(frozen=True, slots=True)
class EntityRef:
    """One entity: its facet field ("person", "org", "place") and its name."""

    type: str
    name: str


Pairs = Iterable[tuple[str, str]]


def _collect(pairs: Pairs) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for k, v in pairs:
        out.setdefault(k, []).append(v)
    return out


def _single(params: Mapping[str, list[str]], name: str) -> str | None:
    """The value of a single-valued parameter (the last one wins if repeated)."""
    values = params.get(name)
    return values[-1] if values else None


def parse_int(
    params: Mapping[str, list[str]], name: str, default: int, lo: int, hi: int | None
) -> int:
    raw = _single(params, name)
    if raw is None or raw.strip() == "":
        return default
    if not _INT_RE.fullmatch(raw.strip()):
        raise ValidationError("invalid_parameter", N_("%(name)s must be an integer, got %(value)r"),
                              name=name, value=raw[:50])
    value = int(raw.strip())
    if hi is not None and not lo <= value <= hi:
        raise ValidationError(
            "invalid_parameter", N_("%(name)s must be between %(lo)s and %(hi)s, got %(value)s"),
            name=name, lo=lo, hi=hi, value=value)
    if value < lo:
        raise ValidationError(
            "invalid_parameter", N_("%(name)s must be at least %(lo)s, got %(value)s"),
            name=name, lo=lo, value=value)
    return value


def parse_halflife(raw: str | None) -> float:
    if raw is None or raw.strip() == "":
        return DEFAULT_HALFLIFE_DAYS
    text = raw.strip()
    if not _NUMBER_RE.fullmatch(text):
        raise ValidationError(
            "invalid_parameter", N_("halflife must be a number of days, got %(value)r"),
            value=raw[:50])
    value = float(text)
    if not MIN_HALFLIFE_DAYS <= value <= MAX_HALFLIFE_DAYS:
        raise ValidationError(
            "invalid_parameter",
            N_("halflife must be between %(lo)s and %(hi)s days, got %(value)s"),
            lo=MIN_HALFLIFE_DAYS, hi=f"{MAX_HALFLIFE_DAYS:g}", value=text)
    return value


def parse_date_param(raw: str | None, name: str) -> date | None:
    if raw is None or raw.strip() == "":
        return None
    text = raw.strip()
    if not _DATE_RE.fullmatch(text):
        raise ValidationError(
            "invalid_date", N_("%(name)s must be a date YYYY-MM-DD, got %(value)r"),
            name=name, value=raw[:50])
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError("invalid_date", N_("%(name)s is not a valid date: %(value)r"),
                              name=name, value=text) from None


def parse_search_params(pairs: Pairs) -> SearchRequest:
    params = _collect(pairs)
    q = _single(params, "q") or ""
    if len(q) > MAX_QUERY_CHARS:
        raise ValidationError(
            "query_too_long", N_("q is %(n)s characters; at most %(max)s are allowed"),
            n=len(q), max=MAX_QUERY_CHARS)
    q = q.strip()

    filters: dict[str, tuple[str, ...]] = {}
    for name in FILTER_PARAMS:
        values = [v.strip() for v in params.get(name, []) if v.strip()]
        if not values:
            continue
        if len(values) > MAX_FILTER_VALUES:
            raise ValidationError(
                "invalid_parameter", N_("at most %(max)s values of %(name)s are allowed"),
                max=MAX_FILTER_VALUES, name=name)
        for v in values:
            if len(v) > MAX_FILTER_VALUE_CHARS:
                raise ValidationError(
                    "invalid_parameter", N_("%(name)s values are at most %(max)s characters"),
                    name=name, max=MAX_FILTER_VALUE_CHARS)
        filters[name] = tuple(dict.fromkeys(values))  # distinct, first seen first

    all_of = set()
    for param, name in OP_PARAMS.items():
        op = (_single(params, param) or "").strip().lower()
        if op and op not in OPS:
            raise ValidationError(
                "invalid_parameter", N_("%(name)s must be one of %(choices)s, got %(value)r"),
                name=param, choices=", ".join(OPS), value=op[:50])
        if op == "and":
            all_of.add(name)

    date_from = parse_date_param(_single(params, "from"), "from")
    date_to = parse_date_param(_single(params, "to"), "to")
    if date_from and date_to and date_from > date_to:
        raise ValidationError(
            "invalid_date_range", N_("from (%(start)s) is after to (%(end)s)"),
            start=date_from, end=date_to)

    raw_sort = (_single(params, "sort") or "").strip().lower()
    if raw_sort and raw_sort not in SORTS:
        raise ValidationError(
            "invalid_sort", N_("%(name)s must be one of %(choices)s, got %(value)r"),
            name="sort", choices=", ".join(SORTS), value=raw_sort[:50])
    sort: Sort
    if not q:
        # Without a query every score is equal: browsing is newest first unless asked otherwise.
        sort = "oldest" if raw_sort == "oldest" else "newest"
    else:
        sort = raw_sort or "relevance"  # type: ignore[assignment]

    raw_collapse = (_single(params, "collapse") or "").strip().lower() or COLLAPSES[0]
    if raw_collapse not in COLLAPSES:
        raise ValidationError(
            "invalid_collapse", N_("%(name)s must be one of %(choices)s, got %(value)r"),
            name="collapse", choices=", ".join(COLLAPSES), value=raw_collapse[:50])
    collapse: Collapse = raw_collapse  # type: ignore[assignment]

    size = parse_int(params, "size", DEFAULT_SIZE, 1, MAX_SIZE)
    page = parse_int(params, "page", 1, 1, None)
    if page * size > MAX_RESULT_WINDOW:
        raise ValidationError(
            "result_window_too_large",
            N_("page*size must be at most %(max)s (got page=%(page)s, size=%(size)s); "
               "narrow the query instead of paging deeper"),
            max=MAX_RESULT_WINDOW, page=page, size=size)
    facet_size = parse_int(params, "facet_size", DEFAULT_FACET_SIZE, 0, MAX_FACET_SIZE)
    halflife = parse_halflife(_single(params, "halflife"))
    return SearchRequest(
        q=q,
        filters=filters,
        date_from=date_from,
        date_to=date_to,
        sort=sort,
        collapse=collapse,
        page=page,
        size=size,
        facet_size=facet_size,
        halflife=halflife,
        all_of=frozenset(all_of),
    )


def parse_entities_params(pairs: Pairs) -> EntitiesRequest:
    params = _collect(pairs)
    etype = (_single(params, "type") or "").strip().lower()
    if not etype:
        raise ValidationError(
            "missing_parameter", N_("%(name)s is required: one of %(choices)s"),
            name="type", choices=", ".join(ENTITY_TYPES))
    if etype not in ENTITY_TYPES:
        raise ValidationError(
            "invalid_entity_type", N_("%(name)s must be one of %(choices)s, got %(value)r"),
            name="type", choices=", ".join(ENTITY_TYPES), value=etype[:50])
    prefix = (_single(params, "prefix") or "").strip()
    if len(prefix) > MAX_PREFIX_CHARS:
        raise ValidationError("invalid_parameter", N_("%(name)s is at most %(max)s characters"),
                              name="prefix", max=MAX_PREFIX_CHARS)
    size = parse_int(params, "size", DEFAULT_ENTITY_SIZE, 1, MAX_ENTITY_SIZE)
    return EntitiesRequest(type=etype, prefix=prefix, size=size)


def parse_suggest_params(pairs: Pairs) -> SuggestRequest:
    params = _collect(pairs)
    prefix = _single(params, "prefix")
    if prefix is None:
        raise ValidationError("missing_parameter", N_("%(name)s is required"), name="prefix")
    if len(prefix) > MAX_PREFIX_CHARS:
        raise ValidationError("invalid_parameter", N_("%(name)s is at most %(max)s characters"),
                              name="prefix", max=MAX_PREFIX_CHARS)
    size = parse_int(params, "size", DEFAULT_SUGGEST_SIZE, 1, MAX_SUGGEST_SIZE)
    return SuggestRequest(prefix=prefix.strip(), size=size)


def parse_entity_ref(etype: str, name: str) -> EntityRef:
    """The path of ``/entities/{type}/{name}``: a person, org or place, and a name."""
    etype = etype.strip().lower()
    if etype not in S.ENTITY_FACETS:
        raise ValidationError(
            "invalid_entity_type", N_("%(name)s must be one of %(choices)s, got %(value)r"),
            name="type", choices=", ".join(S.ENTITY_FACETS), value=etype[:50])
    name = name.strip()
    if not name or len(name) > MAX_FILTER_VALUE_CHARS:
        raise ValidationError("invalid_parameter", N_("the name must be 1 to %(max)s characters"),
                              max=MAX_FILTER_VALUE_CHARS)
    return EntityRef(etype, name)


def parse_related_params(pairs: Pairs) -> int:
    """The ``size`` of ``/articles/{id}/related``."""
    return parse_int(_collect(pairs), "size", DEFAULT_RELATED_SIZE, 1, MAX_RELATED_SIZE)
