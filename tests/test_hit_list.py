"""The search page's hits written in Python (:mod:`search_api.web.hit_list`) against the loop
``templates/search.html`` printed them with, and its ``story_line.html`` include."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup
from page_reference import extension_env

from search_api import i18n
from search_api.backends import TantivyBackend
from search_api.web.hit_list import hits_html
from search_api.web.search_page import build_search_page
from search_api.web.state import parse_state
from search_api.web.story_views import StoryLine
from search_api.web.views import HitView

# The hit loop as templates/search.html wrote it.
HITS_LOOP = """\
    <ol>
      {% for hit in hits %}
      <li class="hit">
        <h2 class="hit-title" lang="id"><a href="{{ hit.url }}">{{ hit.title_html|safe }}</a></h2>
        <p class="hit-meta">
          <span class="hit-source">{{ hit.source }}</span>
          <span class="sep" aria-hidden="true">·</span>
          {% if hit.date_iso %}<time datetime="{{ hit.date_iso }}">{{ hit.date_label }}</time>\
{% else %}<span>{{ hit.date_label }}</span>{% endif %}
          {% if hit.category %}<span class="sep" aria-hidden="true">·</span>
          <span class="hit-category">{{ hit.category }}</span>{% endif %}
        </p>
        {% if hit.story %}{% with line = hit.story %}{% include "story_line.html" %}{% endwith %}\
{% endif %}
        <p class="hit-snippet" lang="id">{{ hit.snippet_html|safe }}</p>
      </li>
      {% endfor %}
    </ol>"""

TEXT = st.text(st.characters(codec="utf-8"), max_size=20)
MARKED = st.lists(st.one_of(TEXT.map(lambda t: str(Markup.escape(t))),
                            TEXT.map(lambda t: f"<mark>{Markup.escape(t)}</mark>")),
                  max_size=4).map("".join)
LINES = st.builds(StoryLine, TEXT, st.integers(2, 10**4), TEXT, TEXT, TEXT, TEXT, st.booleans())
HITS = st.lists(st.builds(HitView, TEXT, TEXT, MARKED, MARKED, TEXT, TEXT, TEXT, TEXT,
                          st.none() | LINES), max_size=4)


def _written(hits: list[HitView], lang: i18n.Lang) -> tuple[str, str]:
    return (f"    <ol>\n{hits_html(hits, lang)}    </ol>",
            extension_env().from_string(HITS_LOOP).render(hits=hits, i18n=lang))


@settings(max_examples=300, deadline=None)
@given(HITS, st.sampled_from(sorted(i18n.LANGS)))
def test_hits_are_the_template_loop(hits: list[HitView], code: str) -> None:
    ours, loop = _written(hits, i18n.lang(code))
    assert ours == loop


def test_hits_of_real_pages_are_the_template_loop(index_dir: Path) -> None:
    backend = TantivyBackend(index_dir)
    shown = lines = 0
    for code in sorted(i18n.LANGS):
        lang = i18n.for_request(code, None)
        for pairs in ([], [("q", "jakarta")], [("q", "banjir"), ("sort", "newest")],
                      [("q", "presiden"), ("page", "2")]):
            state, request = parse_state([*pairs, ("lang", code)], lang)
            hits = list(build_search_page(backend, state, request, lang).hits)
            shown += len(hits)
            lines += sum(1 for h in hits if h.story)
            ours, loop = _written(hits, lang)
            assert ours == loop, pairs
    assert shown >= 60
    assert lines >= 2
