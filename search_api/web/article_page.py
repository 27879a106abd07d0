"""The article page's view model: :func:`build_article_page`."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

from indexer import schema as S
from search_api import service
from search_api.stories import Related
from search_api.web.entity_page import entity_url
from search_api.web.fmt import fmt_datetime, paragraphs
from search_api.web.state import ENTITY_GROUPS, FACET_BY_NAME, PageState
from search_api.web.story_views import related_views, story_line
from search_api.web.views import ArticlePage, EntityGroup, Link


def back_url(raw: str | None) -> str:
    """The results page to return to, rebuilt from the ``back`` parameter's known names only
    (never an arbitrary URL)."""
    if not raw:
        return "/"
    keep = {"q", "from", "to", "sort", "size", "page", "more", *FACET_BY_NAME}
    pairs = [(k, v) for k, v in parse_qsl(raw[:4000]) if k in keep]
    return "/?" + urlencode(pairs) if pairs else "/"



def build_article_page(article: service.Article, back: str | None,
                       related: Related | None) -> ArticlePage:
    groups = []
    for key, spec in ENTITY_GROUPS:
        names = article.entities.get(key, ())
        if names:
            links = tuple(Link(n, PageState().added(spec.name, n).url) for n in names)
            groups.append(EntityGroup(spec.label, links,
                                      tuple(entity_url(spec.name, n) for n in names)))
    return ArticlePage(
        id=article.id,
        title=article.title,
        title_derived=article.title_derived,
        paragraphs=paragraphs(article.body),
        source=article.source,
        source_url=PageState().added(S.SOURCE, article.source).url if article.source else "",
        category=article.category,
        category_url=(
            PageState().added(S.CATEGORY, article.category).url if article.category else ""
        ),
        date_label=fmt_datetime(article.date) if article.date else "Undated",
        date_iso=article.date or "",
        original_url=article.url if article.url.startswith(("http://", "https://")) else "",
        entities=tuple(groups),
        back_url=back_url(back),
        story=story_line(article.story, article.id, article.source),
        related=related_views(related),
    )
