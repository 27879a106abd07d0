"""The search page's hits as HTML written by one function (:func:`hits_html`), with each hit's
story line (:func:`story_line_html`).

A page lists ten hits, each ~20 values a template loop would look up and escape one by one, and
each story line an ``{% include %}`` (a template look-up and a new context copied from the
page's). The markup is byte for byte what that loop (kept in tests/test_hit_list.py, which
renders both) and ``templates/story_line.html`` (the article page's) print. Titles and
snippets are the service's escaped HTML; every other value is escaped here.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from markupsafe import Markup

from search_api.i18n import Lang
from search_api.web.story_views import StoryLine
from search_api.web.templating import escape_output, format_markup
from search_api.web.views import HitView

_SEP = '<span class="sep" aria-hidden="true">·</span>'


@lru_cache(maxsize=8)
def _texts(lang: Lang) -> tuple[str, str, str, str]:
    """The story line's translated texts in ``lang``: "Also in: …", "First report", "First
    reported by …," and "All … copies"."""
    _ = lang.gettext
    return (_("Also in: %(outlets)s"), format_markup(_("First report"), {}),
            _("First reported by %(outlet)s,"), _("All %(num)s copies"))


def story_line_html(line: StoryLine, lang: Lang) -> str:
    """``templates/story_line.html`` of ``line``."""
    also_in, first_report, first_by, all_copies = _texts(lang)
    also = (f'<span class="also-in">{format_markup(also_in, {"outlets": line.also_in})}</span>\n'
            f"  {_SEP}\n") if line.also_in else ""
    if line.first_is_hit:
        first = first_report
    else:
        when = (f'<time datetime="{escape_output(line.first_iso)}">'
                f"{escape_output(line.first_time)}</time>") if line.first_iso else escape_output(
                    line.first_time)
        first = f"{format_markup(first_by, {'outlet': line.first_source})} {when}"
    return (f'<p class="story-line" lang="{escape_output(lang.code)}">\n{also}'
            f'  <span class="first-report">{first}</span>\n  {_SEP}\n'
            f'  <a class="story-link" href="{escape_output(line.url)}">'
            f"{format_markup(all_copies, {'num': line.size})}</a>\n</p>")


def hits_html(hits: Sequence[HitView], lang: Lang) -> Markup:
    """Each hit's ``<li>``, a line each."""
    out = []
    for hit in hits:
        when = (f'<time datetime="{escape_output(hit.date_iso)}">'
                f"{escape_output(hit.date_label)}</time>" if hit.date_iso
                else f"<span>{escape_output(hit.date_label)}</span>")
        category = (f'{_SEP}\n          <span class="hit-category">{escape_output(hit.category)}'
                    "</span>" if hit.category else "")
        story = story_line_html(hit.story, lang) if hit.story else ""
        out.append(
            f'      <li class="hit">\n        <h2 class="hit-title" lang="id"><a href="'
            f'{escape_output(hit.url)}">{hit.title_html}</a></h2>\n        <p class="hit-meta">\n'
            f'          <span class="hit-source">{escape_output(hit.source)}</span>\n'
            f"          {_SEP}\n{when}{category}        </p>\n{story}"
            f'        <p class="hit-snippet" lang="id">{hit.snippet_html}</p>\n      </li>\n')
    return Markup("".join(out))
