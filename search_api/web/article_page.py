"""The article page's view model: :func:`build_article_page`.

Reached from results, the page marks the words of their query (``q``) in the title and body
with the highlighter the results use: the same analysed terms, the same escaping.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Final
from urllib.parse import parse_qsl, urlencode

from indexer import schema as S
from search_api import highlight as H
from search_api import results
from search_api.backends import Marking
from search_api.i18n import Lang
from search_api.stories import Related
from search_api.web.entity_page import entity_url
from search_api.web.fmt import fmt_datetime, paragraphs
from search_api.web.state import ENTITY_GROUPS, FACET_BY_NAME, PageState, with_lang
from search_api.web.story_views import related_views, story_line
from search_api.web.views import ArticlePage, EntityGroup, Link

MARK_CHARS: Final = 200_000  # body characters analysed for marks; the rest is shown unmarked


def back_url(raw: str | None, lang: Lang) -> str:
    """The results page to return to, rebuilt from the ``back`` parameter's known names only
    (never an arbitrary URL)."""
    if not raw:
        return with_lang("/", lang)
    keep = {"q", "from", "to", "sort", "size", "page", "more", *FACET_BY_NAME}
    pairs = [(k, v) for k, v in parse_qsl(raw[:4000]) if k in keep]
    return with_lang("/?" + urlencode(pairs) if pairs else "/", lang)


def marked(marking: Marking, article: results.Article) -> tuple[str, tuple[str, ...]]:
    """The title and the paragraphs as HTML (escaped), with the query's terms marked."""
    texts = paragraphs(article.body)
    terms, analyzer, names = marking.terms, marking.analyzer, marking.names
    if not terms:
        return html.escape(article.title), tuple(html.escape(t) for t in texts)
    title = H.highlight(article.title, analyzer.spans(article.title, names), terms)
    out: list[str] = []
    budget = MARK_CHARS
    for text in texts:
        budget -= len(text)
        out.append(H.render(text, analyzer.spans(text, names), terms) if budget >= 0
                   else html.escape(text))
    return title, tuple(out)


def _groups(article: results.Article, lang: Lang) -> Sequence[EntityGroup]:
    groups = []
    start = PageState(lang=lang.param)
    for key, spec in ENTITY_GROUPS:
        names = article.entities.get(key, ())
        if names:
            links = tuple(Link(n, start.added(spec.name, n).url) for n in names)
            groups.append(EntityGroup(lang.gettext(spec.label), links,
                                      tuple(with_lang(entity_url(spec.name, n), lang)
                                            for n in names)))
    return groups


def build_article_page(
    marking: Marking, article: results.Article, back: str | None, related: Related | None,
    lang: Lang,
) -> ArticlePage:
    title_html, paragraphs_html = marked(marking, article)
    start = PageState(lang=lang.param)
    return ArticlePage(
        id=article.id,
        title=article.title,
        title_html=title_html,
        title_derived=article.title_derived,
        paragraphs=paragraphs_html,
        source=article.source,
        source_url=start.added(S.SOURCE, article.source).url if article.source else "",
        category=article.category,
        category_url=(
            start.added(S.CATEGORY, article.category).url if article.category else ""
        ),
        date_label=fmt_datetime(article.date, lang),
        date_iso=article.date or "",
        original_url=article.url if article.url.startswith(("http://", "https://")) else "",
        entities=tuple(_groups(article, lang)),
        back_url=back_url(back, lang),
        story=story_line(article.story, article.id, article.source, lang),
        related=related_views(related, lang),
    )
