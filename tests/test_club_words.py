"""A word of a club's name alone outside sports news names no club
(:mod:`indexer.club_words`): unit cases, then the real 22k index's articles."""

from __future__ import annotations

from pathlib import Path

import tantivy

from indexer import schema as S
from indexer import store
from indexer.club_words import off_field, sports_news, towns_off_field
from indexer.document import load_payload
from indexer.entity_norm import compute_map
from indexer.spill import alias_person


def test_sports_news_by_a_word_of_its_category() -> None:
    for cat in ("Bola", "Sports", "sport", "Super Skor", "Liga Inggris", ""):
        assert sports_news(cat), cat
    for cat in ("News", "Nasional", "Internasional", "Otomotif", "Economy", "Selebriti"):
        assert not sports_news(cat), cat


def test_a_clubs_word_alone_outside_sports_news_is_no_club() -> None:
    out: dict[str, tuple[str, ...]] = {
        "Bhayangkara": ("Bhayangkara FC",), "Dortmund": ("Borussia Dortmund",),
        "City": ("Manchester City",), "KPK": ("Komisi Pemberantasan Korupsi",),
        "Golkar": ("Partai Golkar",), "Barcelona": ("Barcelona",),
        "ULMWP": ("United Liberation Movement for West Papua",)}
    off_field(out, "Nasional")
    assert out == {"Bhayangkara": (), "Dortmund": (), "City": (),
                   "KPK": ("Komisi Pemberantasan Korupsi",), "Golkar": ("Partai Golkar",),
                   "Barcelona": ("Barcelona",),
                   "ULMWP": ("United Liberation Movement for West Papua",)}


def test_a_word_of_a_club_the_corpus_writes_with_a_clubs_word_is_no_club_outside_sports() -> None:
    # "negara bagian Bayern" (Internasional); the corpus writes "FC Bayern Munchen", which the
    # map joins to Bayern Muenchen, and "Bayern" there as well
    m = compute_map({"PER": {}, "LOC": {}, "ORG": {
        "Bayern Muenchen": 21, "Bayern Munchen": 7, "FC Bayern Munchen": 1}}, {}, alias_person)
    assert m.entity("ORG", "FC Bayern Munchen") == ("Bayern Muenchen",)
    named = set(m.clubs(["Bayern Muenchen"])) - {"Bayern Muenchen"}
    assert named == {"FC Bayern Munchen"}
    out: dict[str, tuple[str, ...]] = {"Bayern": ("Bayern Muenchen",),
                                       "Berlin": ("Hertha Berlin",)}
    off_field(out, "Internasional", {"Bayern Muenchen"})
    # must not change: a club the corpus never writes with a club's word
    assert out == {"Bayern": (), "Berlin": ("Hertha Berlin",)}
    # nor in sports news
    out = {"Bayern": ("Bayern Muenchen",)}
    off_field(out, "Bola", {"Bayern Muenchen"})
    assert out == {"Bayern": ("Bayern Muenchen",)}


def test_what_the_club_rule_leaves() -> None:
    # in sports news, or where the article writes the club's name in full
    out: dict[str, tuple[str, ...]] = {"Dortmund": ("Borussia Dortmund",)}
    off_field(out, "Bola")
    assert out == {"Dortmund": ("Borussia Dortmund",)}
    out = {"Dortmund": ("Borussia Dortmund",), "Borussia Dortmund": ("Borussia Dortmund",)}
    off_field(out, "News")
    assert out["Dortmund"] == ("Borussia Dortmund",)
    # through the map, as an article's values
    m = compute_map({"PER": {}, "ORG": {"Bhayangkara FC": 60, "Bhayangkara": 40}, "LOC": {}},
                    {}, alias_person)
    assert m.entity("ORG", "Bhayangkara") == ("Bhayangkara FC",)
    assert m.entities_in("ORG", ["Bhayangkara"], "Nasional") == {"Bhayangkara": ()}
    assert m.entities_in("ORG", ["Bhayangkara"], "Super Skor") == {
        "Bhayangkara": ("Bhayangkara FC",)}


def test_no_club_from_its_word_alone_outside_sports_news(full_index_dir: Path) -> None:
    """Brute force over every article of the real index: a mention of a club's value written
    as one word of its name is in sports news, or in an article writing the name in full."""
    index = store.open_index(full_index_dir)
    searcher = index.searcher()
    kept = 0
    for _, addr in searcher.search(tantivy.Query.all_query(), 100_000).hits:
        art = load_payload(searcher.doc(addr)[S.PAYLOAD][0])
        for m in art.mentions:
            text = (art.title if m.field == "title" else art.body)[m.start:m.end]
            if m.type != "ORG" or " " in text.strip() or " " not in m.name:
                continue
            if text.strip().lower() in m.name.lower().split() and m.name.split()[0] in (
                    "Borussia", "Real", "Bhayangkara", "Manchester"):
                full = any(n.name == m.name and " " in (
                    art.title if n.field == "title" else art.body)[n.start:n.end].strip()
                    for n in art.mentions)
                assert sports_news(art.category) or full, (art.title, text, m.name)
                kept += 1
    assert kept > 100  # "Madrid", "Dortmund" in match reports stay the clubs


def _mentions(text: str, name: str) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    at = text.find(name)
    while at >= 0:
        out.append({"field": "body", "start": at, "end": at + len(name), "type": "LOC",
                    "name": name})
        at = text.find(name, at + 1)
    return out


def test_a_clubs_town_written_as_the_place_outside_sports_news_is_no_club() -> None:
    # the 22k corpus's sentences
    for cat, body in (
            ("Seleb", "Meski ditinggal jauh ke Barcelona, Spanyol,mengaku tak takut."),
            ("Otomotif", "Perusahaan yang berbasis di Barcelona, Spanyol ini dikenal sebagai "
                         "pembuat supercar."),
            ("News", "penerbangan yang berangkat dari Malaga menuju Barcelona pada Jumat "
                     "(13/9/2019) pekan lalu. Saat pesawat mendarat di Barcelona, cuaca "
                     "sangat berangin."),
            ("gaya", "Mulai dari Barcelona, Madrid, Sevilla, hingga Ibiza, bulan madu")):
        assert towns_off_field("", body, cat, _mentions(body, "Barcelona"),
                               {"Barcelona"}) == {"Barcelona"}, body
    # must not change: sports news, no category, a mention written otherwise in the article,
    # a town the map makes no club's
    body = "Pemain Barcelona itu tinggal di Barcelona, Spanyol."
    assert towns_off_field("", body, "Seleb", _mentions(body, "Barcelona"), {"Barcelona"}) == set()
    body = "Messi kembali ke Barcelona, Spanyol, untuk berlatih."
    for cat in ("Bola", ""):
        assert towns_off_field("", body, cat, _mentions(body, "Barcelona"),
                               {"Barcelona"}) == set(), cat
    assert towns_off_field("", body, "Seleb", _mentions(body, "Barcelona"), set()) == set()


def _typed(text: str, *names: tuple[str, str]) -> list[dict[str, object]]:
    """Each (name, type)'s mentions in ``text``, by start."""
    return sorted((m | {"type": typ} for name, typ in names for m in _mentions(text, name)),
                  key=lambda m: m["start"])


def test_a_clubs_town_the_extractor_read_as_an_organisation_or_listed_with_places() -> None:
    # the 22k corpus's sentences: the extractor read the town as an organisation there
    for cat, town, body, names in (
            ("International", "Barcelona", "Corachan dan istrinya yang tinggal di Barcelona, "
                                           "Spanyol, memang dekat dengan laut.",
             (("Barcelona", "ORG"),)),
            ("Internasional", "Leipzig", "Bratislava, Chengdu, Leipzig, dan Dresden.",
             (("Bratislava", "LOC"), ("Chengdu", "LOC"), ("Leipzig", "ORG"),
              ("Dresden", "LOC"))),
            ("Travel", "Barcelona", "Dari kota itu, Anda bisa bertolak ke Madrid, Barcelona, "
                                    "dan pusat transportasi lainnya.",
             (("Madrid", "LOC"), ("Barcelona", "ORG")))):
        assert towns_off_field("", body, cat, _typed(body, *names), {town}) == {town}, body
    # must not change: a town listed with clubs' or other clubs' towns, or with a place in
    # sports news; a mention of the town with no place's cue
    for cat, body, names in (
            ("Seleb", "Pertandingan Real Madrid dan Barcelona ditonton jutaan orang.",
             (("Real Madrid", "ORG"), ("Barcelona", "ORG"))),
            ("Seleb", "Laga Leipzig dan Barcelona ditonton jutaan orang.",
             (("Leipzig", "ORG"), ("Barcelona", "ORG"))),
            ("Bola", "Bratislava, Chengdu, Leipzig, dan Dresden.",
             (("Chengdu", "LOC"), ("Leipzig", "ORG"), ("Dresden", "LOC"))),
            ("Seleb", "Ia tinggal di Barcelona, Spanyol. Barcelona menawarinya kontrak.",
             (("Barcelona", "ORG"),))):
        towns = {"Barcelona", "Leipzig"}
        assert towns_off_field("", body, cat, _typed(body, *names), towns) == set(), body
