"""Stories on the pages: the story line under a hit ("Also in: detik, okezone (+3)", "First
reported by antara, 26 Okt 2019, 09.10 WIB"), the story page, the related list of the article
page. Times are written in the page's language (:func:`search_api.web.fmt.fmt_datetime`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from search_api.i18n import Lang
from search_api.stories import Related, Story, StorySummary
from search_api.web.fmt import fmt_datetime
from search_api.web.quoting import quote
from search_api.web.state import article_path, with_lang

ALSO_IN_SHOWN: Final = 2  # outlets named in "Also in"; the rest are counted


@lru_cache(maxsize=16_384)
def story_url(story_id: str) -> str:
    return "/stories/" + quote(story_id)


@dataclass(slots=True)
class StoryLine:  # a search page's view (search_api.web.views)
    url: str
    size: int
    also_in: str  # "detik, okezone (+3)", or "" when every copy is from the hit's own outlet
    first_source: str
    first_time: str
    first_iso: str
    first_is_hit: bool


def story_line(
    summary: StorySummary, hit_id: str, hit_source: str, lang: Lang
) -> StoryLine | None:
    """The line under a hit whose story has other members (None for a lone article)."""
    if summary.size <= 1:
        return None
    others = [s for s in summary.sources if s != hit_source]
    also = ", ".join(others[:ALSO_IN_SHOWN])
    if len(others) > ALSO_IN_SHOWN:
        also += f" (+{len(others) - ALSO_IN_SHOWN})"
    return StoryLine(
        url=with_lang(story_url(summary.id), lang), size=summary.size, also_in=also,
        first_source=summary.first.source, first_time=fmt_datetime(summary.first.date, lang),
        first_iso=summary.first.date or "", first_is_hit=summary.first.id == hit_id,
    )


@dataclass(frozen=True, slots=True)
class MemberView:
    id: str
    url: str  # the article page
    original_url: str
    title: str
    source: str
    date_label: str
    date_iso: str
    first: bool
    differs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StoryPage:
    id: str
    title: str
    size: int
    sources: tuple[str, ...]
    first_source: str
    first_time: str
    members: tuple[MemberView, ...]


def build_story_page(story: Story, lang: Lang) -> StoryPage:
    members = tuple(
        MemberView(
            id=m.id, url=with_lang(article_path(m.id), lang),
            original_url=m.url if m.url.startswith(("http://", "https://")) else "",
            title=m.title, source=m.source, date_label=fmt_datetime(m.date, lang),
            date_iso=m.date or "", first=m.first, differs=m.differs,
        )
        for m in story.members
    )
    return StoryPage(
        id=story.id, title=members[0].title if members else story.id, size=story.size,
        sources=story.sources, first_source=story.first.source,
        first_time=fmt_datetime(story.first.date, lang), members=members,
    )


@dataclass(frozen=True, slots=True)
class RelatedView:
    url: str
    title: str
    source: str
    date_label: str


def related_views(related: Related | None, lang: Lang) -> tuple[RelatedView, ...]:
    if related is None:
        return ()
    return tuple(RelatedView(with_lang(article_path(h.id), lang), h.title, h.source,
                             fmt_datetime(h.date, lang))
                 for h in related.hits)
