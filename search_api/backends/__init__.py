"""One search interface, two backends.

:class:`Backend` is what the app and the web page talk to: search (with facets), an article by
id, entity listing, health, the articles a search selects in date order (exports), counts per
day (trends), a version (feeds' ETags), and exploration:
entity profiles, autocomplete, story pages and related articles. Two implement it:
:class:`TantivyBackend` (the embedded index, :mod:`search_api.service`) and
:class:`search_api.backends.opensearch.OpenSearchBackend`. Both compile the query language from
the same analysed tree and highlight in Python over the original text they return.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from tantivy import Query

from indexer import export as E
from indexer import schema as S
from indexer.analysis import Analyzer
from search_api import explore, results, service, snapshot, suggest, trends
from search_api import stories as ST
from search_api.params import MAX_QUERY_CHARS, EntitiesRequest, SearchRequest
from search_api.query import build


class Backend(Protocol):
    def search(self, request: SearchRequest) -> results.SearchResponse: ...

    def get_article(self, doc_id: str) -> results.Article | None: ...

    def entities(self, request: EntitiesRequest) -> results.EntitiesResponse: ...

    def health(self) -> results.Health: ...

    def count(self, request: SearchRequest) -> int:
        """:meth:`search`'s ``total`` for ``request``, without hits or facets."""
        ...

    def page_search(self, request: SearchRequest) -> PageSearch:
        """:meth:`search`, with what the search page reads beside its answer taken from the
        same view of the index."""
        ...

    def export(self, request: SearchRequest) -> Iterator[tuple[S.StoredArticle, str]]:
        """Every article ``request`` selects (:meth:`search`'s ``total``) with its story id:
        newest first (oldest first for ``sort=oldest``), equal dates by ``id_key``, undated last
        by ``id_key`` (:mod:`indexer.export`); read in bounded pages from one view of the
        index."""
        ...

    def day_counts(self, request: SearchRequest) -> trends.DayCounts:
        """What trends count of ``request``'s selection."""
        ...

    def version(self) -> str:
        """Changes whenever what this backend answers may have changed (feeds' ETags)."""
        ...

    def cache(self) -> dict[str, Any]:
        """A memo that lives as long as the index generation being read."""
        ...

    def profile(self, etype: str, name: str) -> explore.EntityProfile | None:
        """The entity page's data (:mod:`search_api.explore`)."""
        ...

    def suggest(self, prefix: str, size: int, *, wait: bool = True) -> suggest.Suggestions:
        """Autocomplete (:mod:`search_api.suggest`); without ``wait``, nothing until the
        prefix indexes are built."""
        ...

    def story(self, story_id: str) -> ST.Story | None: ...

    def related(self, doc_id: str, size: int) -> ST.Related | None: ...

    def marking(self, doc_id: str, q: str) -> Marking:
        """What the article page needs to mark ``q``'s words in the article ``doc_id``."""
        ...


@dataclass(frozen=True, slots=True)
class PageSearch:
    """A search's answer, its request with the filter values as the index writes them, and
    the memo of the view of the index that answered (:meth:`Backend.cache`)."""

    response: results.SearchResponse
    indexed: SearchRequest
    cache: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Marking:
    """The index's analyzer, the terms a query's words are analysed to (none for no query), and
    the article's names (which the analyzer keeps whole)."""

    analyzer: Analyzer
    terms: frozenset[str]
    names: frozenset[str]


class TantivyBackend:
    """The embedded tantivy index in ``index_dir`` (reopened when a build switches it)."""

    def __init__(self, index_dir: str | Path) -> None:
        self.holder = snapshot.SearcherHolder(index_dir)

    def search(self, request: SearchRequest) -> results.SearchResponse:
        return service.search(self.holder, request)

    def get_article(self, doc_id: str) -> results.Article | None:
        return service.get_article(self.holder, doc_id)

    def entities(self, request: EntitiesRequest) -> results.EntitiesResponse:
        return service.entities(self.holder, request)

    def health(self) -> results.Health:
        return service.health(self.holder)

    def count(self, request: SearchRequest) -> int:
        return service.count(self.holder, request)

    def page_search(self, request: SearchRequest) -> PageSearch:
        snap = self.holder.snapshot()
        return PageSearch(*service.search_in(snap, request), snap.cache)

    def export(self, request: SearchRequest) -> Iterator[tuple[S.StoredArticle, str]]:
        snap = self.holder.snapshot()
        query = service.matching_query(snap, request)
        yield from E.iter_articles(snap.searcher, snap.schema, query, request.sort != "oldest")

    def day_counts(self, request: SearchRequest) -> trends.DayCounts:
        return trends.count_by_day(self.holder.snapshot(), request)

    def version(self) -> str:
        return repr(self.holder.snapshot().version)

    def cache(self) -> dict[str, Any]:
        return self.holder.snapshot().cache

    def profile(self, etype: str, name: str) -> explore.EntityProfile | None:
        return explore.profile(self.holder, etype, name)

    def suggest(self, prefix: str, size: int, *, wait: bool = True) -> suggest.Suggestions:
        return suggest.suggest(self.holder, prefix, size, wait=wait)

    def story(self, story_id: str) -> ST.Story | None:
        return service.get_story(self.holder, story_id)

    def related(self, doc_id: str, size: int) -> ST.Related | None:
        return service.related(self.holder, doc_id, size)

    def marking(self, doc_id: str, q: str) -> Marking:
        snap = self.holder.snapshot()
        terms = build(q[:MAX_QUERY_CHARS], snap.analyzer, snap.schema).terms if q.strip() else None
        if not terms:
            return Marking(snap.analyzer, frozenset(), frozenset())
        res = snap.searcher.search(Query.term_query(snap.schema, S.ID, doc_id), 1, count=False)
        names = (frozenset(service.payload(snap.searcher, res.hits[0][1]).names) if res.hits
                 else frozenset())
        return Marking(snap.analyzer, terms, names)
