"""What a query means on a real index: every word by default, the fallback to most words when no
article has them all, NOT / OR / parentheses, and proximity in the ranking. The oracle reads each
article's indexed terms back from its stored payload (the same function that made them)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from indexer import schema as S
from indexer import store
from indexer.analysis import Analyzer, is_stopword, surface_words
from indexer.build import reindex
from indexer.document import document_fields, load_payload
from search_api import ranking as R
from search_api.app import create_app
from search_api.query import build
from search_api.selection import combine

Json = dict[str, Any]


class Env:
    """The session index opened as the API opens it, and every visible article's terms."""

    def __init__(self, index_dir: Path) -> None:
        index = store.open_index(index_dir)
        self.searcher = index.searcher()
        self.schema = index.schema
        self.analyzer: Analyzer = store.load_analyzer(index_dir)
        res = self.searcher.search(combine(self.schema, None, []), self.searcher.num_docs + 1)
        self.terms: dict[str, frozenset[str]] = {}
        self.words: dict[str, tuple[str, ...]] = {}  # the words field: each value's words
        for _, addr in res.hits:
            p = load_payload(bytes(self.searcher.doc(addr).to_dict()[S.PAYLOAD][0]))
            fields = document_fields(p, self.analyzer)
            values = [fields.get(name, []) for name in S.TEXT_FIELDS]
            self.terms[p.id] = frozenset(
                t for v in values for text in ([v] if isinstance(v, str) else v)
                for t in text.split()
            )
            self.words[p.id] = tuple(
                " ".join(surface_words(text)) for text in fields.get(S.WORDS, ()))

    def ids(self, q: str) -> set[str]:
        compiled = build(q, self.analyzer, self.schema)
        res = self.searcher.search(combine(self.schema, compiled.query, []), len(self.terms) + 1)
        return {self.searcher.doc(a).to_dict()[S.ID][0] for _, a in res.hits}

    def has(self, doc_id: str, word: str) -> bool:
        """The oracle: the article has the word (any of the query's spellings of it), or has
        it as written in its words field ("Indonesia" in "Indonesia'ne")."""
        alts = self.analyzer.query_alternatives(word)
        if all(bool(set(a) & self.terms[doc_id]) for a in alts):
            return True
        written = " ".join(surface_words(word))
        return bool(written) and any(f" {written} " in f" {v} " for v in self.words[doc_id])

    def with_all(self, words: list[str]) -> set[str]:
        return {d for d in self.terms if all(self.has(d, w) for w in words)}


@pytest.fixture(scope="module")
def env(index_dir: Path) -> Env:
    return Env(index_dir)


def get(client: TestClient, **params: Any) -> Json:
    r = client.get("/search", params=params)
    assert r.status_code == 200, r.text
    body: Json = r.json()
    return body


def all_hits(client: TestClient, **params: Any) -> list[Json]:
    hits: list[Json] = []
    page = 1
    while True:
        body = get(client, size=100, page=page, collapse="none", **params)
        hits += body["hits"]
        if page * 100 >= body["total"]:
            return hits
        page += 1


# -- all words by default ---------------------------------------------------------------------


@pytest.mark.parametrize("q", ["banjir jakarta", "serangan polisi", "presiden jokowi",
                               "pemerintah daerah menyampaikan", "sekolah"])
def test_every_word_is_required(env: Env, q: str) -> None:
    expected = env.with_all(q.split())
    assert expected, q
    assert env.ids(q) == expected
    assert env.ids(" AND ".join(q.split())) == expected


def test_totals_and_facets_follow_the_same_semantics(env: Env, client: TestClient) -> None:
    q = "banjir jakarta"
    expected = env.with_all(q.split())
    body = get(client, q=q, facet_size=100)
    assert body["matched"] == "all"
    assert body["total"] == len(expected)
    assert {h["id"] for h in all_hits(client, q=q)} == expected
    days = sum(b["count"] for b in body["facets"]["date"])
    sources = sum(v["count"] for v in body["facets"]["source"])
    assert days == sources == len(expected)  # every visible test record has a date and a source


def test_fallback_ranks_by_most_words(env: Env, client: TestClient) -> None:
    words = ["zorblax", "menyerang", "glumbrek"]  # no article has all three
    q = " ".join(words)
    assert env.ids(q) == set()
    body = get(client, q=q)
    assert body["matched"] == "some"
    hits = all_hits(client, q=q)
    some = {d for d in env.terms if any(env.has(d, w) for w in words)}
    assert {h["id"] for h in hits} == some and body["total"] == len(some)
    counts = [sum(env.has(h["id"], w) for w in words) for h in hits]
    assert counts == sorted(counts, reverse=True) and counts[0] == 2
    assert hits[0]["id"] == "synthetic-xss"


def test_fallback_keeps_required_and_excluded_words(env: Env, client: TestClient) -> None:
    body = get(client, q="+glumbrek zorblax petani")
    assert body["matched"] == "some"
    assert [h["id"] for h in body["hits"]] == ["synthetic-notitle"]
    body = get(client, q="zorblax glumbrek -petani")
    assert body["matched"] == "some"
    assert {h["id"] for h in body["hits"]} == {"synthetic-xss"}
    assert get(client, q="zorblax menyerang")["matched"] == "all"


# -- operators --------------------------------------------------------------------------------


KWETLAR = {"synthetic-dup-a", "synthetic-dup-b", "synthetic-dup-c"}  # one story, three copies


def test_not_or_and_parentheses(env: Env) -> None:
    visible = set(env.terms)
    assert env.ids("kwetlar glumbrek") == set()
    assert env.ids("kwetlar OR glumbrek") == {*KWETLAR, "synthetic-notitle"}
    assert env.ids("glumbrek NOT petani") == set()
    assert env.ids("glumbrek -kwetlar") == {"synthetic-notitle"}
    assert env.ids("(kwetlar OR glumbrek) petani") == {"synthetic-notitle"}
    assert env.ids("(zorblax OR trombik) -(festival layang)") == {"synthetic-xss"}
    assert env.ids("(zorblax OR trombik) NOT (festival layang)") == {"synthetic-xss"}
    assert env.ids("NOT kwetlar") == visible - KWETLAR
    assert env.ids("NOT NOT kwetlar") == KWETLAR
    assert env.ids("(glumbrek petani) OR zorblax") == {"synthetic-notitle", "synthetic-xss"}


VOCABULARY = ["banjir", "jakarta", "presiden", "jokowi", "serangan", "pemerintah", "gempa",
              "warga", "polisi", "Bali", "zorblax", "menyerang", "Indonesia", "sepak", "bola"]


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=4))
def test_and_is_every_word_and_a_subset_of_or(env: Env, words: list[str]) -> None:
    got = env.ids(" ".join(words))
    assert got == env.with_all(words)
    assert got <= env.ids(" OR ".join(words))


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(st.sampled_from([*VOCABULARY, "yang", "dan", "-bola", "+gempa", '"sepak bola"',
                                 "NOT", "(", ")", "AND", "OR", "--", '"']), max_size=8))
def test_any_query_answers_and_its_and_is_within_its_or(
    env: Env, client: TestClient, words: list[str]
) -> None:
    q = " ".join(words)
    assert get(client, q=q)["matched"] in ("all", "some")
    plain = [w for w in words if w.isalpha() and w not in ("NOT", "AND", "OR")]
    if plain:  # an OR query needs two operands; a list of only operators has none
        assert env.ids(" ".join(plain)) <= env.ids(" OR ".join(plain))


def test_stopwords_are_dropped_only_beside_content(env: Env) -> None:
    assert is_stopword("yang")
    assert env.ids("banjir yang jakarta") == env.with_all(["banjir", "jakarta"])
    assert env.ids("yang dan") == env.with_all(["yang", "dan"])


# -- proximity --------------------------------------------------------------------------------

_FILL = ("Warga berkumpul di balai desa sejak pagi untuk mendengar pengumuman dari panitia "
         "setempat mengenai jadwal kegiatan pekan depan. ")
PROXIMITY_RECORDS = [
    {"id": "near", "title": "Debat terakhir menjelang hari pencoblosan",
     "body": _FILL + "Pemilihan presiden digelar bulan April. " + _FILL, "date": "2019-09-01"},
    {"id": "scattered", "title": "Pemilihan Wali Kota Tangsel",
     "body": "Pemilihan wali kota diikuti tiga pasangan. " + _FILL + "Pemilihan berjalan "
     "tertib. " + _FILL + "Presiden partai hadir. Presiden juga berpidato.",
     "date": "2019-09-01"},
    {"id": "reversed", "title": "Kabar dari istana",
     "body": _FILL + "Presiden membahas pemilihan kepala daerah. " + _FILL,
     "date": "2019-09-01"},
]


@pytest.fixture(scope="module")
def proximity_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    src = tmp_path_factory.mktemp("prox") / "records.jsonl"
    # other articles, so that the two words are as rare as they are in real news
    others = [{"id": f"other-{i}", "title": f"Kabar kampung nomor {i}",
               "body": _FILL * 2 + f"Catatan ke-{i}.", "date": "2019-09-02"} for i in range(30)]
    src.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in PROXIMITY_RECORDS + others))
    out = tmp_path_factory.mktemp("prox-index")
    reindex([src], out, workers=1)
    with TestClient(create_app(out)) as c:
        yield c


def test_words_near_each_other_rank_first(proximity_client: TestClient) -> None:
    # the three articles share most of their text (one story): every article is listed
    def order(q: str) -> list[str]:
        return [h["id"] for h in get(proximity_client, q=q, collapse="none")["hits"]]

    # required words get no proximity clause: BM25 alone puts the scattered article first
    assert order("+pemilihan +presiden")[0] == "scattered"
    assert order("pemilihan presiden")[0] == "near"

    def score(q: str, doc_id: str) -> float:
        hits = get(proximity_client, q=q, collapse="none")["hits"]
        return float(next(h["score"] for h in hits if h["id"] == doc_id))

    # near each other but out of order: lifted, by less than in order
    lift = score("pemilihan presiden", "reversed") - score("+pemilihan +presiden", "reversed")
    near_lift = score("pemilihan presiden", "near") - score("+pemilihan +presiden", "near")
    assert 0 < lift < near_lift
    assert score("pemilihan presiden", "scattered") == score("+pemilihan +presiden", "scattered")
    # the lifts are constants, whatever the words' rarity: in order and adjacent, both clauses
    # of the pair; reversed, the sloppy one; a three-word query's two pairs share one pair's
    # weight, and all three in order add the whole-query clause
    assert near_lift == pytest.approx(2 * R.PROXIMITY_SCORE)
    assert lift == pytest.approx(R.PROXIMITY_SCORE)
    three = "pemilihan presiden digelar"
    assert score(three, "near") - score("+" + three.replace(" ", " +"), "near") == pytest.approx(
        4 * R.PROXIMITY_SCORE)
