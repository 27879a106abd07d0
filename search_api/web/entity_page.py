"""The entity page's view model: :func:`build_entity_page` turns an
:class:`~search_api.explore.EntityProfile` into labels and links.

Every co-occurring value links to the results page filtered on both entities (for two values of
one facet with ``{facet}_op=and``, so the page counts the articles that have both, the number
shown here); every value links to its own entity page as well.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from indexer import schema as S
from search_api import explore
from search_api.i18n import Lang
from search_api.web.fmt import fmt_count, fmt_datetime, fmt_day, fmt_month
from search_api.web.quoting import quote
from search_api.web.state import FACET_BY_NAME, PageState, article_path, with_lang
from search_api.web.trends_page import trend_url


@dataclass(frozen=True, slots=True)
class RelatedView:
    value: str
    count: str
    n: int
    both_url: str  # results having both entities
    entity_url: str  # the related entity's own page


@dataclass(frozen=True, slots=True)
class RelatedGroup:
    name: str
    label: str
    values: tuple[RelatedView, ...]


@dataclass(frozen=True, slots=True)
class BarView:
    key: str
    label: str
    n: int
    count: str
    height: int  # percent of the tallest bar


@dataclass(frozen=True, slots=True)
class LatestView:
    title: str
    url: str
    source: str
    date: str


@dataclass(frozen=True, slots=True)
class EntityPage:
    type: str
    type_label: str
    name: str
    total: str
    search_url: str  # results filtered on this entity
    trend_url: str
    aliases: tuple[str, ...]
    timeline: tuple[BarView, ...]
    undated: str
    related: tuple[RelatedGroup, ...]
    sources: tuple[RelatedView, ...]
    latest: tuple[LatestView, ...]


def entity_url(etype: str, name: str) -> str:
    """The entity page of ``name`` (a facet value) of facet ``etype``."""
    return f"/entities/{quote(etype)}/{quote(name)}"


def both_url(etype: str, name: str, other_type: str, other: str, lang: Lang) -> str:
    pairs = [(etype, name), (other_type, other)]
    if other_type == etype:
        pairs.append((f"{etype}_op", "and"))
    return "/?" + urlencode([*pairs, *lang.param])


def _period(key: str, lang: Lang) -> str:
    """A timeline bucket ("2019-09-17" or "2019-09") as the page's language writes it."""
    if len(key) == len("2019-09"):
        return fmt_month(date.fromisoformat(key + "-01"), lang)
    return fmt_day(date.fromisoformat(key), lang)


def _bars(profile: explore.EntityProfile, lang: Lang) -> tuple[tuple[BarView, ...], int]:
    dated = [b for b in profile.timeline if b.key != "undated"]
    undated = sum(b.count for b in profile.timeline if b.key == "undated")
    top = max((b.count for b in dated), default=1)
    return tuple(BarView(b.key, _period(b.key, lang), b.count, fmt_count(b.count, lang),
                         max(1, round(100 * b.count / top))) for b in dated), undated


def build_entity_page(profile: explore.EntityProfile, lang: Lang) -> EntityPage:
    etype, name = profile.type, profile.name
    related = tuple(
        RelatedGroup(facet, lang.gettext(FACET_BY_NAME[facet].label), tuple(
            RelatedView(r.value, fmt_count(r.count, lang), r.count,
                        both_url(etype, name, facet, r.value, lang),
                        with_lang(entity_url(facet, r.value), lang))
            for r in getattr(profile, facet)))
        for facet in S.ENTITY_FACETS
    )
    sources = tuple(
        RelatedView(r.value, fmt_count(r.count, lang), r.count,
                    both_url(etype, name, S.SOURCE, r.value, lang), "")
        for r in profile.source
    )
    bars, undated = _bars(profile, lang)
    return EntityPage(
        type=etype,
        type_label=lang.gettext(FACET_BY_NAME[etype].singular),
        name=name,
        total=fmt_count(profile.total, lang),
        search_url=PageState(lang=lang.param).added(etype, name).url,
        trend_url=with_lang(trend_url([urlencode([(etype, name)])]), lang),
        aliases=profile.aliases,
        timeline=bars,
        undated=fmt_count(undated, lang),
        related=related,
        sources=sources,
        latest=tuple(LatestView(a.title, with_lang(article_path(a.id), lang),
                                a.source, fmt_datetime(a.date, lang)) for a in profile.latest),
    )
