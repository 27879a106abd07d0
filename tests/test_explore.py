"""Entity profiles, autocomplete and "did you mean" on the session's real index, each against a
brute-force answer: co-occurrence counted over every stored document, prefix answers over every
value, corrections of misspellings made from the index's own words."""

from __future__ import annotations

import random
import string
import time
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from indexer import schema as S
from indexer import store
from indexer.analysis import is_stopword
from search_api import explore, selection, snapshot, spelling, suggest
from search_api.i18n import lang
from search_api.web.entity_page import build_entity_page

Holder = snapshot.SearcherHolder


@pytest.fixture(scope="module")
def holder(index_dir: Path) -> snapshot.SearcherHolder:
    return snapshot.SearcherHolder(index_dir)


def top_values(docs: list[Any], facet: str, n: int) -> list[str]:
    counts = Counter(v for d in docs for v in set(d.values(facet)))
    return [v for v, _ in sorted(counts.items(), key=lambda vc: (-vc[1], vc[0]))[:n]]


def brute_related(docs: list[Any], facet: str, name: str, other: str, n: int
                  ) -> list[tuple[str, int]]:
    having = [d for d in docs if name in d.values(facet)]
    counts = Counter(v for d in having for v in set(d.values(other)))
    if other == facet:
        counts.pop(name, None)
    return sorted(counts.items(), key=lambda vc: (-vc[1], vc[0]))[:n]


# -- entity profiles ----------------------------------------------------------------------------


@pytest.mark.parametrize("facet", S.ENTITY_FACETS)
def test_profile_counts_equal_a_brute_force_count(holder: Holder, oracle: list[Any],
                                                  facet: str) -> None:
    docs = oracle
    for name in top_values(docs, facet, 4):
        profile = explore.profile(holder, facet, name)
        assert profile is not None and profile.name == name
        having = [d for d in docs if name in d.values(facet)]
        assert profile.total == len(having)
        for other in S.ENTITY_FACETS:
            got = [(r.value, r.count) for r in getattr(profile, other)]
            assert got == brute_related(docs, facet, name, other, explore.TOP_RELATED)
        assert [(r.value, r.count) for r in profile.source] == brute_related(
            docs, facet, name, S.SOURCE, explore.TOP_SOURCES)
        assert sum(b.count for b in profile.timeline) == profile.total
        undated = [b.count for b in profile.timeline if b.key == "undated"]
        assert undated == [sum(1 for d in having if d.date is None)]
        newest = sorted((d.date for d in having if d.date), reverse=True)[:explore.LATEST]
        got_days = [a.date[:10] for a in profile.latest if a.date]
        assert got_days == newest[: len(got_days)] and len(profile.latest) == min(
            explore.LATEST, len(having))
        assert {a.id for a in profile.latest} <= {d.id for d in having}


def test_profile_names_resolve_ignoring_case_and_spacing(holder: Holder,
                                                         oracle: list[Any]) -> None:
    name = top_values(oracle, S.PERSON, 1)[0]
    messy = "  " + name.upper().replace(" ", "   ") + " "
    found = explore.profile(holder, S.PERSON, messy)
    assert found is not None and found.name == name
    assert explore.profile(holder, S.PERSON, "Tak Ada Orang Bernama Begini") is None


def test_aliases_are_the_values_the_index_map_merged(holder: Holder,
                                                     index_dir: Path) -> None:
    emap = store.load_entity_map(index_dir)
    merged = [(etype, raw, into) for etype, m in emap.values.items()
              for raw, intos in m.items() for into in intos if into != raw]
    assert merged, "the session index has merged spellings"
    snap = holder.snapshot()
    aliases = explore.aliases(holder, snap)
    for etype, raw, into in merged[:50]:
        assert raw in aliases[(S.ENTITY_FIELDS[etype], into)]


def test_profile_over_http_and_its_links_count_what_it_says(client: TestClient,
                                                            oracle: list[Any]) -> None:
    name = top_values(oracle, S.PERSON, 1)[0]
    body = client.get(f"/entities/person/{name}").json()
    assert body["name"] == name and body["type"] == "person"
    page = build_entity_page(explore.profile(snapshot.SearcherHolder(client.app.state.index_dir),
                                             S.PERSON, name), lang("en"))
    checked = 0
    for group in page.related:
        for r in group.values[:3]:
            pairs = parse_qsl(urlsplit(r.both_url).query)
            assert client.get("/search", params=pairs).json()["total"] == r.n
            checked += 1
    assert checked >= 6
    assert client.get("/entities/person/Tak%20Ada").status_code == 404
    bad = client.get("/entities/people/x")
    assert bad.status_code == 400 and bad.json()["error"] == "invalid_entity_type"
    html = client.get(f"/entities/person/{name}", headers={"Accept": "text/html"})
    assert html.status_code == 200 and "<h1 class=\"entity-name\" lang=\"id\">" in html.text


# -- autocomplete -------------------------------------------------------------------------------


def brute_top(rows: list[tuple[str, int, str, str]], prefix: str, size: int
              ) -> list[tuple[str, str, int]]:
    best: dict[tuple[str, str], int] = {}
    for key, neg, value, kind in rows:
        if key.startswith(prefix):
            best[(kind, value)] = max(best.get((kind, value), 0), -neg)
    ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0][1], kv[0][0]))[:size]
    return [(kind, value, count) for (kind, value), count in ranked]


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_prefix_index_equals_a_scan_of_every_row(holder: Holder,
                                                 data: st.DataObject) -> None:
    snap = holder.snapshot()
    rows = suggest.entity_rows({f: selection.all_values(snap, f) for f in S.ENTITY_FACETS})
    index = suggest.PrefixIndex(list(rows))
    key = data.draw(st.sampled_from(sorted({r[0] for r in rows})))
    prefix = key[: data.draw(st.integers(1, min(6, len(key))))]
    size = data.draw(st.integers(1, suggest.MAX_SIZE))
    assert index.top(prefix, size) == brute_top(rows, prefix, size)


def test_suggest_names_then_words(holder: Holder, oracle: list[Any]) -> None:
    docs = oracle
    name = top_values(docs, S.PERSON, 1)[0]
    prefix = name.split()[-1][:3]
    got = suggest.suggest(holder, prefix.upper(), 8).suggestions
    assert len(got) == 8
    names = [s for s in got if s.kind != "word"]
    words = [s for s in got if s.kind == "word"]
    assert names and words and got[: len(names)] == tuple(names)
    counts = {f: Counter(v for d in docs for v in set(d.values(f))) for f in S.ENTITY_FACETS}
    for s in names:
        assert s.count == counts[s.kind][s.value]
    snap = holder.snapshot()
    taken = {x.value.casefold() for x in names}
    direct = [w for w, _ in snap.searcher.terms_with_prefix(S.WORDS, prefix.lower())
              if len(w) >= suggest.MIN_WORD_LEN and w[0].isalpha() and not is_stopword(w)
              and w not in taken]
    assert [s.value for s in words] == direct[: len(words)]
    for s in words:
        assert s.count == snap.searcher.doc_freq(S.WORDS, s.value)


def test_suggest_over_http(client: TestClient) -> None:
    deadline = time.monotonic() + 60  # the first request starts the indexes' build
    while not client.get("/suggest", params={"prefix": "ja"}).json()["suggestions"]:
        assert time.monotonic() < deadline
        time.sleep(0.2)
    assert client.get("/suggest", params={"prefix": ""}).json()["suggestions"] == []
    assert client.get("/suggest").status_code == 400
    assert client.get("/suggest", params={"prefix": "ja", "size": 99}).status_code == 400
    body = client.get("/suggest", params={"prefix": "ja", "size": 5}).json()
    assert len(body["suggestions"]) == 5


# -- did you mean -------------------------------------------------------------------------------


def one_edit(word: str, rng: random.Random) -> str:
    i = rng.randrange(len(word))
    kind = rng.choice(["delete", "insert", "substitute", "swap"])
    letters = string.ascii_lowercase
    if kind == "delete":
        return word[:i] + word[i + 1:]
    if kind == "insert":
        return word[:i] + rng.choice(letters) + word[i:]
    if kind == "substitute":
        return word[:i] + rng.choice(letters.replace(word[i], "")) + word[i + 1:]
    j = min(i + 1, len(word) - 1)
    return word[:i] + word[j] + word[i] + word[j + 1:] if j != i else word[:-1]


def test_two_hundred_misspellings_are_mostly_corrected_first(holder: Holder) -> None:
    snap = holder.snapshot()
    vocab = [(w, c) for w, c in snap.searcher.terms_with_prefix(S.WORDS, "")
             if w.isalpha() and len(w) >= 5 and c >= 10]
    rng = random.Random(20261206)
    cases: list[tuple[str, str]] = []
    while len(cases) < 200:
        word, _ = rng.choice(vocab)
        typo = one_edit(word, rng)
        if typo != word and not spelling.is_known(snap, typo):
            cases.append((typo, word))
    right = sum(spelling.correct_word(snap, typo) == word for typo, word in cases)
    assert right >= 180, right


def test_a_word_the_dictionary_holds_is_known_without_asking_the_index(holder: Holder) -> None:
    snap = holder.snapshot()
    built = spelling.dictionary(snap)
    words = [w for w, _ in snap.searcher.terms_with_prefix(S.WORDS, "")]
    rng = random.Random(16)
    sample = rng.sample(words, 400) + [one_edit(w, rng) for w in rng.sample(words, 400)]
    sample += [w.capitalize() for w in sample[:100]] + ["Jokowi", "Zzqx", "dan", "DKI"]
    asked: list[str] = []

    def doc_freq(word: str) -> int:
        asked.append(word)
        return snap.searcher.doc_freq(S.WORDS, word)

    for word in sample:
        assert spelling.known_in(built, doc_freq, word) == spelling.is_known(snap, word), word
    # the index is asked only about words the dictionary lacks, and it holds many of the sample
    assert asked and not any(w in built.words for w in asked)
    assert sum(w.lower() in built.words for w in sample) > 200

def test_search_carries_the_suggestion(client: TestClient) -> None:
    assert client.get("/search", params={"q": "banjir"}).json()["suggestion"] is None
    # The first unknown word starts the dictionary's build; searches meanwhile carry none.
    deadline = time.monotonic() + 60
    while (body := client.get("/search", params={"q": "Banjr +pemerintha"}).json())[
            "suggestion"] is None and time.monotonic() < deadline:
        time.sleep(0.2)
    assert body["suggestion"] == "Banjir +pemerintah"
    html = client.get("/", params={"q": "banjr"}, headers={"Accept": "text/html"}).text
    assert 'class="did-you-mean"' in html and "/?q=banjir" in html
