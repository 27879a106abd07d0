"""A place and the point of the compass written right after it, in any case, are one place
("Irlandia Utara", "Sulawesi selatan"), never the short one; the corpus-level map shows the
whole name as the corpus writes it capitalised, and where the corpus never does, the place before
the point (a direction inside it, or "tengah" = "now")."""

from __future__ import annotations

import re
from pathlib import Path

import tantivy
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer import schema as S
from indexer import store
from indexer.document import load_payload
from indexer.entities import extract_entities, load_model
from indexer.entities.compass import compass_places, ends_lower_compass
from indexer.entity_map import EntityMap
from indexer.entity_norm import compute_map
from indexer.mentions import article_mentions
from indexer.spill import alias_person

# the points that can follow a place alone (not "laut", "daya": the sea, power)
POINTS = frozenset({"utara", "selatan", "timur", "barat", "tengah", "tenggara"})
_WORD = re.compile(r" ([^\W\d_]+)(?![\w-])")


def _places(text: str) -> list[str]:
    return [text[e.start : e.end] for e in extract_entities(text) if e.type == "LOC"]


def test_a_place_takes_the_point_of_the_compass_written_after_it() -> None:
    assert _places("Pemerintah Irlandia Utara menyatakan hal itu.") == ["Irlandia Utara"]
    assert _places("Warga Sulawesi selatan memprotes keputusan itu.") == ["Sulawesi selatan"]
    assert _places("Ia lahir di Solo, Jawa tengah, pada 1961.") == ["Solo", "Jawa tengah"]
    assert _places("Gubernur Papua Barat Dominggus Mandacan hadir.") == ["Papua Barat"]
    # a point between two ("Barat Daya") is one name with the place
    assert _places("Ia bertugas di Maluku Barat Daya sejak 2019.") == ["Maluku Barat Daya"]
    names = [e.name for e in extract_entities("Warga Sulawesi selatan memprotes.")]
    assert names == ["Sulawesi selatan"]


def test_a_point_not_written_right_after_the_place_is_not_its_name() -> None:
    # after a comma, inside a longer word, or "laut"/"daya" alone (the sea, power)
    assert _places("Ia tinggal di Jakarta, utara kota itu.") == ["Jakarta"]
    assert _places("Ia tinggal di Jakarta utaranya.") == ["Jakarta"]
    assert _places("Harga naik di Maluku daya beli turun.") == ["Maluku"]
    assert _places("Kapal itu berlayar dari Surabaya laut lepas.") == ["Surabaya"]
    # already whole: unchanged
    assert _places("Banjir melanda Jakarta Utara pada Senin.") == ["Jakarta Utara"]
    assert _places("Ia ke Sulawesi Selatan dan Kalimantan Timur.") == \
        ["Sulawesi Selatan", "Kalimantan Timur"]


def _map(org: dict[str, int] | None = None, loc: dict[str, int] | None = None) -> EntityMap:
    return compute_map({"PER": {}, "ORG": org or {}, "LOC": loc or {}}, {}, alias_person)


def test_a_lower_case_point_is_shown_as_the_corpus_writes_the_place() -> None:
    m = _map(loc={"Sulawesi selatan": 1, "Sulawesi Selatan": 5, "Sulawesi": 9,
                  "Indonesia tengah": 2, "Indonesia": 30, "Papua barat": 3})
    assert m.entity("LOC", "Sulawesi selatan") == ("Sulawesi Selatan",)
    assert m.entity("LOC", "Sulawesi Selatan") == ("Sulawesi Selatan",)
    assert m.entity("LOC", "Sulawesi") == ("Sulawesi",)
    # never written capitalised ("tengah" is also "now"): the place before the point, also
    # where the corpus names it nowhere else
    assert m.entity("LOC", "Indonesia tengah") == ("Indonesia",)
    assert m.entity("LOC", "Papua barat") == ("Papua",)
    assert m.entity("LOC", "Indonesia") == ("Indonesia",)
    m = _map(loc={"Jakarta Selatan tengah": 1, "Jakarta Selatan": 5, "Kota Jakarta Selatan": 1})
    assert m.entity("LOC", "Jakarta Selatan tengah") == ("Jakarta Selatan",)
    # written more often lower case than capitalised, it is still shown capitalised
    m = _map(loc={"Jawa tengah": 7, "Jawa Tengah": 2})
    assert m.entity("LOC", "Jawa tengah") == m.entity("LOC", "Jawa Tengah") == ("Jawa Tengah",)
    # a kind of place before the point is no value either way
    assert _map(loc={"Provinsi tengah": 2}).entity("LOC", "Provinsi tengah") == ()


def test_an_added_article_gets_what_a_build_gives() -> None:
    m = _map(loc={"Sulawesi Selatan": 5, "Sulawesi": 9})
    assert m.entity("LOC", "Sulawesi selatan") == ("Sulawesi Selatan",)  # unseen: by its key
    assert m.entity("LOC", "Sulawesi tengah") == ("Sulawesi",)
    assert m.entity("LOC", "Aceh Tengah") == ("Aceh Tengah",)
    assert ends_lower_compass("Aceh tengah") and not ends_lower_compass("tengah")
    assert not ends_lower_compass("Aceh Tengah")


_PIECES = st.sampled_from(["Jawa", "Barat", "barat", "Daya", "daya", "laut", "Utara", ",",
                           "Irlandia", "Joko Widodo", "di", "Tengah", "tengah", "Persija",
                           "utaranya", "Papua", "Timur Laut", "."])


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=12).map(" ".join))
def test_compass_places_keeps_mentions_in_order_and_changes_nothing_twice(text: str) -> None:
    given_ents = load_model().tagger.extract(text)
    out = compass_places(text, given_ents, lower=True)
    assert all(a.end <= b.start for a, b in zip(out, out[1:], strict=False)), out
    assert all(0 <= e.start < e.end <= len(text) for e in out)
    assert compass_places(text, out, lower=True) == out
    assert compass_places(text, out) == out
    upper = compass_places(text, given_ents)
    assert compass_places(text, upper, lower=True) == out
    # a mention only grows, and only over points of the compass
    for e in out:
        if e not in given_ents:
            assert e.type == "LOC" or e.name != text[e.start : e.end]
            assert text[e.start : e.end].rsplit(" ", 1)[-1].lower() in \
                {"utara", "selatan", "timur", "barat", "tengah", "tenggara", "laut", "daya"}


def test_a_headline_place_is_not_confirmed_cut_before_its_point() -> None:
    body = "Gempa mengguncang Maluku pada Senin."
    assert article_mentions("Gempa di Maluku Tengah", body) == article_mentions("", body)
    assert [m.name for m in article_mentions("Gempa di Maluku", body)] == ["Maluku", "Maluku"]
    # a lower-case "tengah" in a headline is "now": the place is confirmed
    assert [(m.name, m.field) for m in article_mentions("Maluku tengah berduka", body)] == \
        [("Maluku", "title"), ("Maluku", "body")]


def test_no_place_of_the_corpus_is_cut_before_its_point(full_index_dir: Path) -> None:
    """Brute force over every stored mention of the 22k corpus: no place mention ends right
    before a point of the compass (capitalised, or in the body in any case) that no other
    mention begins with, and no facet value ends in a lower-case point. (A name the extractor
    found as another type and the corpus-level map made a place is not a place mention.)"""
    moved = {v for to in store.load_entity_map(full_index_dir).types.values()
             for v, typ in to.items() if typ == "LOC"}
    index = store.open_index(full_index_dir)
    searcher = index.searcher()
    cut, lower = [], []
    for _, addr in searcher.search(tantivy.Query.all_query(), searcher.num_docs).hits:
        art = load_payload(searcher.doc(addr)[S.PAYLOAD][0])
        lower += [v for vs in art.entities.values() for v in vs if ends_lower_compass(v)]
        starts = {(m.field, m.start) for m in art.mentions}
        for m in art.mentions:
            text = art.title if m.field == "title" else art.body
            nxt = _WORD.match(text, m.end)
            if m.type != "LOC" or m.name in moved or nxt is None \
                    or (m.field, m.end + 1) in starts:
                continue
            word = nxt.group(1)
            if word.lower() in POINTS and (word[0].isupper() or m.field == "body"):
                cut.append(text[max(0, m.start - 20) : nxt.end() + 20])
    assert cut == [] and lower == []
