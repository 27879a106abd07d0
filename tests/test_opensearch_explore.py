"""Exploration on both backends over the same corpus (the session's tantivy index and a real
OpenSearch node): entity profiles (exact co-occurrence counts, timelines, outlets, aliases),
autocomplete, "did you mean", story pages and related articles, directly and through the app."""

from __future__ import annotations

import random
import time
from collections import Counter
from dataclasses import replace
from html import escape as html_escape
from typing import Any

import pytest
from starlette.testclient import TestClient
from tantivy import Query

from indexer import schema as S
from search_api import explore, service, snapshot, spelling
from search_api import related as RL
from search_api.app import create_app
from search_api.backends import TantivyBackend
from search_api.backends import opensearch_explore as X
from search_api.backends.opensearch import OpenSearchBackend

pytestmark = pytest.mark.opensearch

OracleDoc = Any  # tests/corpora.py's OracleDoc


def _sample_entities(oracle: list[OracleDoc], facet: str, n_top: int, n_random: int
                     ) -> list[str]:
    counts = Counter(v for d in oracle for v in set(d.values(facet)))
    ranked = [v for v, _ in sorted(counts.items(), key=lambda vc: (-vc[1], vc[0]))]
    rng = random.Random(f"explore-{facet}")
    return ranked[:n_top] + rng.sample(ranked[n_top:], min(n_random, len(ranked) - n_top))


@pytest.mark.parametrize("facet", S.ENTITY_FACETS)
def test_entity_profiles_agree(tantivy_backend: TantivyBackend, os_backend: OpenSearchBackend,
                               oracle: list[OracleDoc], facet: str) -> None:
    """Every count equal (co-occurring values, outlets, timeline, total), the same aliases, the
    latest articles' dates equal (articles of the same date may come in either order)."""
    names = _sample_entities(oracle, facet, 8, 12)
    for name in names:
        a, b = tantivy_backend.profile(facet, name), os_backend.profile(facet, name)
        assert a is not None and b is not None, name
        assert (a.type, a.name, a.total, a.timeline, a.aliases) == (
            b.type, b.name, b.total, b.timeline, b.aliases), name
        for related in explore.RELATED_FACETS:
            assert getattr(a, related) == getattr(b, related), (name, related)
        assert [x.date for x in a.latest] == [x.date for x in b.latest], name
        assert {x.id for x in a.latest if x.date != a.latest[-1].date} == {
            x.id for x in b.latest if x.date != b.latest[-1].date}, name
        # The brute-force count the tantivy side is proven equal to (tests/test_explore.py).
        having = [d for d in oracle if name in d.values(facet)]
        assert b.total == len(having)
    # Names resolve ignoring case and spacing on both; an unknown one is None on both.
    messy = "  " + names[0].upper().replace(" ", "   ") + " "
    assert os_backend.profile(facet, messy) == tantivy_backend.profile(facet, messy)
    assert os_backend.profile(facet, "Tak Ada Nama Begini Zzq") is None


def test_exact_counts_past_one_composite_page(tantivy_backend: TantivyBackend,
                                              os_backend: OpenSearchBackend,
                                              oracle: list[OracleDoc]) -> None:
    """The paged walk gives every value once, whatever the page size; a profile too."""
    gen = os_backend.generation()
    whole = list(X.composite_counts(os_backend, gen, S.PERSON))
    assert whole == sorted(Counter(v for d in oracle for v in set(d.person)).items())
    place = Counter(v for d in oracle for v in set(d.place)).most_common(1)[0][0]
    saved = X.COMPOSITE_PAGE
    try:
        X.COMPOSITE_PAGE = 7
        assert list(X.composite_counts(os_backend, gen, S.PERSON)) == whole
        a, b = tantivy_backend.profile(S.PLACE, place), os_backend.profile(S.PLACE, place)
        assert a is not None and b is not None and len(b.place) == explore.TOP_RELATED
        # (latest: compared by date in test_entity_profiles_agree)
        assert replace(a, latest=()) == replace(b, latest=())
    finally:
        X.COMPOSITE_PAGE = saved


def _prefixes(oracle: list[OracleDoc]) -> list[str]:
    rng = random.Random(2026)
    docs = rng.sample(oracle, 60)
    out = []
    for d in docs:
        words = [w for w in d.title.split() if w.isalpha()]
        if words:
            w = rng.choice(words)
            out.append(w[: rng.randint(1, min(6, len(w)))])
        names = list(d.person + d.org + d.place)
        if names:
            name = rng.choice(names)
            out.append(name[: rng.randint(2, min(12, len(name)))])
    return [*out, "jakarta ba", "joko wi", "Ja", "x", "zzqq", "  Ban  "]


def test_suggestions_agree(tantivy_backend: TantivyBackend, os_backend: OpenSearchBackend,
                           oracle: list[OracleDoc]) -> None:
    prefixes = _prefixes(oracle)
    assert len(prefixes) > 100
    for size in (8, 20):
        for prefix in prefixes:
            a = tantivy_backend.suggest(prefix, size)
            b = os_backend.suggest(prefix, size)
            assert a == b, prefix
    # The vocabulary itself: every word of the words field with its document count.
    snap = tantivy_backend.holder.snapshot()
    assert X._words(os_backend, os_backend.generation()) == list(
        snap.searcher.terms_with_prefix(S.WORDS, ""))


def test_corrections_agree(tantivy_backend: TantivyBackend, os_backend: OpenSearchBackend
                           ) -> None:
    snap = tantivy_backend.holder.snapshot()
    vocab = [w for w, c in snap.searcher.terms_with_prefix(S.WORDS, "")
             if w.isalpha() and len(w) >= 5 and c >= 3]
    rng = random.Random(17)
    typos = []
    for word in rng.sample(vocab, 150):
        i = rng.randrange(len(word))
        typos.append(word[:i] + word[i + 1:])  # one letter dropped
    corrected = 0
    for typo in typos:
        a = spelling.correct_word(snap, typo)
        assert X.correct_word(os_backend, typo) == a, typo
        corrected += a is not None
        q = f"{typo.capitalize()} +jakarta"
        assert X.did_you_mean(os_backend, q) == spelling.suggestion(snap, q), q
    assert corrected > 100
    assert X.did_you_mean(os_backend, "banjir") is None
    # The dictionary is built (correct_word waited for it): words it holds cost no node call.
    gen = os_backend.generation()
    asked = sorted(k for k in gen.cache if k.startswith("df:"))
    known = [w for w in vocab if f"df:{w}" not in asked][:20]
    assert len(known) == 20
    assert X.did_you_mean(os_backend, " ".join(known)) is None
    assert sorted(k for k in gen.cache if k.startswith("df:")) == asked


def _multi_member_stories(oracle: list[OracleDoc]) -> list[str]:
    sizes = Counter(d.story for d in oracle)
    return sorted(s for s, n in sizes.items() if n > 1)


def test_story_pages_agree(tantivy_backend: TantivyBackend, os_backend: OpenSearchBackend,
                           oracle: list[OracleDoc]) -> None:
    stories = _multi_member_stories(oracle)
    assert stories
    singles = sorted({d.story for d in oracle} - set(stories))
    for sid in stories + random.Random(3).sample(singles, 10):
        a, b = tantivy_backend.story(sid), os_backend.story(sid)
        assert a is not None and a == b, sid
        assert sorted(m.id for m in b.members) == sorted(d.id for d in oracle if d.story == sid)
    assert os_backend.story("no-such-story") is None


# BM25 scores of one document differ by ~1e-4 relative between the engines (float rounding of
# idf and of the average field length), so scores this close count as tied.
SCORE_TOLERANCE = 1e-3


def _near(x: float, y: float) -> bool:
    return abs(x - y) <= SCORE_TOLERANCE * max(abs(x), abs(y))


def test_related_articles_agree(tantivy_backend: TantivyBackend, os_backend: OpenSearchBackend,
                                oracle: list[OracleDoc]) -> None:
    """One algorithm on both (:mod:`search_api.related`): the same query, planned from the same
    document counts, scored by BM25 on both. So the neighbours are the same stories in the same
    order: compared by story, in order, where a run of scores within ``SCORE_TOLERANCE`` counts
    as tied and is compared as a set (which member represents a story, and which of a tie cut
    by the page end made it, is the engine's pick); the same hit scores the same on both."""
    snap, gen = tantivy_backend.holder.snapshot(), os_backend.generation()
    every = snap.searcher.search(Query.all_query(), snap.searcher.num_docs).hits
    articles = {p.id: p for p in (service.payload(snap.searcher, a) for _s, a in every)}
    short = [d for d in oracle if len(d.body.split()) < 80]
    assert len(short) >= 10
    docs = {d.id: d for d in short + random.Random(5).sample(oracle, 40)}
    compared, total = 0, 0
    for d in docs.values():
        p = articles[d.id]
        assert RL.plan(gen.analyzer, p, d.story, X.doc_freqs(os_backend, gen)) == RL.plan(
            snap.analyzer, p, d.story, RL.tantivy_doc_freqs(snap.searcher)), d.id
        a, b = tantivy_backend.related(d.id, 5), os_backend.related(d.id, 5)
        assert a is not None and b is not None
        assert a.story == b.story == d.story
        assert len(a.hits) == len(b.hits), d.id
        scores_b = {h.id: h.score for h in b.hits}
        for h in a.hits:
            if h.id in scores_b:
                assert _near(h.score, scores_b[h.id]), (d.id, h.id)
        start = 0
        for i in range(1, len(a.hits) + 1):
            if i < len(a.hits) and _near(a.hits[i - 1].score, a.hits[i].score):
                continue
            if i == len(a.hits) == 5:
                break  # the last run may tie with a 6th hit: which of them made it is arbitrary
            assert ({h.story for h in a.hits[start:i]}
                    == {h.story for h in b.hits[start:i]}), (d.id, start)
            compared += i - start
            start = i
        total += len(a.hits)
        assert [h.score for h in b.hits] == sorted((h.score for h in b.hits), reverse=True)
    assert compared >= 0.7 * total, (compared, total)
    assert os_backend.related("no-such-id", 5) is None


def test_the_app_explores_from_opensearch(client: TestClient, os_backend: OpenSearchBackend,
                                          oracle: list[OracleDoc]) -> None:
    """The same JSON from both apps: entity pages, suggestions, story pages, the search's
    suggestion; the related articles and the pages answer."""
    person = Counter(v for d in oracle for v in set(d.person)).most_common(1)[0][0]
    story = _multi_member_stories(oracle)[0]
    with TestClient(create_app(backend=os_backend),
                    headers={"Accept-Language": "en"}) as remote:
        for url in (f"/entities/person/{person}", f"/stories/{story}",
                    "/entities/org/Zzq Tak Ada"):
            a, b = client.get(url), remote.get(url)
            assert a.status_code == b.status_code and a.json() == b.json(), url
        for app in (client, remote):  # the first request starts the build; then it answers
            deadline = time.monotonic() + 60
            while not app.get("/suggest", params={"prefix": "ja"}).json()["suggestions"]:
                assert time.monotonic() < deadline
                time.sleep(0.2)
            deadline = time.monotonic() + 60
            while app.get("/search", params={"q": "banjr"}).json()["suggestion"] is None:
                assert time.monotonic() < deadline
                time.sleep(0.2)
        html = {"Accept": "text/html"}
        for prefix in ("ja", "Joko w", "ban"):
            assert (client.get("/suggest", params={"prefix": prefix}).json()
                    == remote.get("/suggest", params={"prefix": prefix}).json())
        assert remote.get("/search", params={"q": "banjr"}).json()["suggestion"] == "banjir"
        # The article page: the same marks of the query's words, the same related articles.
        doc = next(d for d in oracle if "banjir" in d.body.lower())
        url = f"/articles/{doc.id}?q=banjir"
        a_page, b_page = client.get(url, headers=html), remote.get(url, headers=html)
        assert a_page.status_code == b_page.status_code == 200
        body = [p.text.split('class="article-body"')[1].split("</div>")[0]
                for p in (a_page, b_page)]
        assert "<mark>" in body[0] and body[0] == body[1]
        related = remote.get(f"/articles/{oracle[0].id}/related").json()
        assert related["id"] == oracle[0].id and related["hits"]
        page = remote.get(f"/entities/person/{person}", headers=html)
        assert page.status_code == 200 and "Latest articles" in page.text
        page = remote.get(f"/stories/{story}", headers=html)
        assert page.status_code == 200
        members = service.get_story(snapshot.SearcherHolder(client.app.state.index_dir), story)
        assert members is not None
        assert all(html_escape(m.title) in page.text for m in members.members)
