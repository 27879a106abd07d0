"""What the API answers, the same for every backend: frozen dataclasses whose field names are
the JSON keys (the JSON routes serialise them as they are, orjson handles dataclasses, and the
HTML pages render the same objects), and how a stored article becomes one (highlighted hits,
dates in the API's day zone, an entity list's prefix match).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from indexer import schema as S
from indexer.analysis import Analyzer
from search_api import facets as F
from search_api import highlight as H
from search_api import snippet_windows as SW
from search_api import stories as ST


@dataclass(frozen=True, slots=True)
class Hit:
    id: str
    title: str
    url: str
    source: str
    category: str
    date: str | None
    score: float | None  # BM25 (sort=relevance), BM25 x age decay (recent); None by date
    title_html: str
    snippet_html: str
    entities: Mapping[str, tuple[str, ...]]
    story: ST.StorySummary


@dataclass(frozen=True, slots=True)
class SearchResponse:
    query: str
    sort: str
    matched: str  # "all": every hit has all the query's words; "some": none had, most-words first
    suggestion: str | None  # the query with unknown words corrected ("did you mean"), or None
    collapse: str
    total: int  # matching articles
    stories: int  # distinct stories among them
    took_ms: float
    page: int
    size: int
    hits: tuple[Hit, ...]
    facets: F.Facets


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    title: str
    title_derived: bool
    url: str
    source: str
    category: str
    date: str | None
    body: str
    entities: Mapping[str, tuple[str, ...]]
    story: ST.StorySummary


@dataclass(frozen=True, slots=True)
class EntityCount:
    value: str
    count: int


@dataclass(frozen=True, slots=True)
class EntitiesResponse:
    type: str
    prefix: str
    values: tuple[EntityCount, ...]


@dataclass(frozen=True, slots=True)
class Health:
    status: str
    documents: int
    generation: str
    last_commit: str | None  # ISO 8601 UTC of the live generation's last commit


def local_time(iso: str | None) -> str | None:
    """A stored UTC timestamp as ISO 8601 in the API's day zone (WIB, +07:00), so its date
    part is the day that ``from``/``to`` and the date facet count it under."""
    if not iso:
        return None
    try:
        return datetime.fromisoformat(iso).astimezone(F.DAY_TZ).isoformat()
    except ValueError:
        return iso


def entity_lists(p: S.StoredArticle) -> dict[str, tuple[str, ...]]:
    """The article's entities by type, every type present (empty when it names none)."""
    return {k: tuple(p.entities.get(k, ())) for k in S.ENTITY_TYPES}


def make_hit(
    analyzer: Analyzer, p: S.StoredArticle, score: float | None, terms: frozenset[str],
    story: ST.StorySummary,
) -> Hit:
    """A result as the API shows it, highlighted over the original text (every backend)."""
    names = frozenset(p.names)
    title_spans = analyzer.spans(p.title, names)
    body_spans = SW.body_spans(analyzer, p.body, names, terms)
    return Hit(
        id=p.id,
        title=p.title,
        url=p.url,
        source=p.source,
        category=p.category,
        date=local_time(p.date),
        score=score,
        title_html=H.highlight(p.title, title_spans, terms),
        snippet_html=H.snippet(p.body, body_spans, terms),
        entities=entity_lists(p),
        story=story,
    )


_WORD_SPLIT_RE = re.compile(r"[\W_]+")


def prefix_matches(value: str, prefix: str) -> bool:
    """Case-insensitive: the value, or any word of it, starts with ``prefix``."""
    if not prefix:
        return True
    v, p = value.casefold(), prefix.casefold()
    return v.startswith(p) or any(w.startswith(p) for w in _WORD_SPLIT_RE.split(v) if w)
