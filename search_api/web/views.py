"""The view models: dataclasses that already carry every label and URL a page prints.

The templates in ``templates/`` only loop over these and print them. The search page's views
(~50 objects a page: its hits, facets, bars and links) are built once and only read after, and
are not frozen: a frozen dataclass sets each field through ``object.__setattr__``, about four
times a plain assignment, which made building them ~7% of the page's own work. The others are
frozen.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from search_api.facets import FacetValue
from search_api.web.state import PageState
from search_api.web.story_views import RelatedView, StoryLine


@dataclass(slots=True)
class Link:
    label: str
    url: str
    active: bool = False


@dataclass(slots=True)
class SuggestionView:
    value: str
    count: str
    selected: bool
    url: str  # the page with this value added


@dataclass(frozen=True, slots=True)
class FacetWords:
    """A facet's sentences in the sidebar, translated and escaped (the same on every page)."""

    of_the_ticked: Markup  # "of the ticked people", after the any/all switch
    filter_by: Markup  # the value list's legend
    trend_top: Markup
    show_more: Markup
    find: Markup  # the value search's label
    find_prompt: Markup  # and its placeholder


@dataclass(slots=True)
class FacetView:
    name: str
    label: str
    singular: str
    words: FacetWords
    values: tuple[FacetValue, ...]  # those shown (the first ones and every ticked one)
    values_html: Markup  # their checkboxes (search_api.web.facet_values)
    selected_count: int
    all_of: bool  # the ticked values must all match (else any of them)
    op_url: str | None  # switches between any and all (an entity facet, two or more ticked)
    more_url: str | None  # show more values
    less_url: str | None  # show fewer
    truncated: bool  # the expanded list hit its limit: searching finds the rest
    search_prefix: str
    search_open: bool
    search_results: tuple[SuggestionView, ...]
    search_close_url: str


@dataclass(slots=True)
class Chip:
    kind: str  # "person", "date"
    value: str
    drop: str  # the token that drops it (state.drop_token)


@dataclass(slots=True)
class Relaxation:
    """Zero results: what dropping one filter would give."""

    label: str
    url: str
    count: int
    count_label: str


@dataclass(slots=True)
class Bar:
    label: str  # "15 Sep 2019" / "Sep 2019"
    tick: str  # axis label under the bar ("" for most bars)
    count: int
    count_label: str
    height: float  # percent of the tallest bar
    url: str | None  # None for an empty bar
    date_from: str
    date_to: str


@dataclass(slots=True)
class Histogram:
    granularity: str  # "day" | "month"
    bars: tuple[Bar, ...]
    bars_html: Markup  # the bars' elements (search_api.web.histogram.bars_html)
    axis_html: Markup  # their labels
    undated: int
    undated_label: str
    presets: tuple[Link, ...]
    range_url: str  # the page without any date range (the JS adds from/to to it)
    date_from: str
    date_to: str
    input_from: str  # the date inputs' values, dd/mm/yyyy
    input_to: str
    newest: str  # newest day of the corpus


@dataclass(slots=True)
class HitView:
    id: str
    url: str
    title_html: str  # escaped by the service, only <mark> unescaped
    snippet_html: str  # idem
    source: str
    category: str
    date_label: str
    date_iso: str
    story: StoryLine | None  # None for an article no other article copies


@dataclass(slots=True)
class Pager:
    prev_url: str | None
    next_url: str | None
    pages: tuple[Link | None, ...]  # None is a gap
    current: int
    last: int


@dataclass(slots=True)
class SearchPage:
    state: PageState
    hidden_filters: tuple[tuple[str, str], ...]  # for the search form: keep filters and dates
    hidden_all: tuple[tuple[str, str], ...]  # for the other forms: keep everything but page
    hidden_dates: tuple[tuple[str, str], ...]  # for the date range form: all but from/to
    total: int
    total_label: str
    matched_all: bool  # False: no article had every word; the hits have the most of them
    stories: int  # distinct stories among the results (the pages count these)
    stories_label: str
    took_ms: str
    hits: tuple[HitView, ...]
    hits_html: Markup  # their list items (search_api.web.hit_list)
    first_index: int
    last_index: int
    sorts: tuple[Link, ...]
    chips: tuple[Chip, ...]
    clear_url: str | None
    relaxations: tuple[Relaxation, ...]
    facets: tuple[FacetView, ...]
    histogram: Histogram
    pager: Pager
    first_page_url: str
    apply_hidden: tuple[tuple[str, str], ...]  # the facet checkbox form: all but the facets
    suggestion: Link | None  # "did you mean": the same page for the corrected query



@dataclass(frozen=True, slots=True)
class EntityGroup:
    label: str
    links: tuple[Link, ...]  # the results filtered on each entity
    profiles: tuple[str, ...]  # each entity's own page, in the same order


@dataclass(frozen=True, slots=True)
class ArticlePage:
    id: str
    title: str
    title_html: str  # escaped, only the query's <mark>s unescaped
    title_derived: bool
    paragraphs: tuple[str, ...]  # idem
    source: str
    source_url: str  # the outlet's filter
    category: str
    category_url: str
    date_label: str
    date_iso: str
    original_url: str
    entities: tuple[EntityGroup, ...]
    back_url: str
    story: StoryLine | None
    related: tuple[RelatedView, ...]
