"""One place written in two forms (:mod:`indexer.place_forms`): an estate's numbered streets and
the estate, one body's buildings, a hospital's ward, a venue's acronym inside its name, a
venue's name with a word put in; and a place's name with its office-holder's after it
(:mod:`indexer.held_places`). Counts as the 22k corpus has them."""

from __future__ import annotations

from pathlib import Path

import orjson
from corpora import prepared_article

from indexer import schema as S
from indexer.document import load_payload
from indexer.entity_map import EntityMap
from indexer.entity_norm import compute_map
from indexer.facet_quality import facet_counts
from indexer.map_apply import apply_map
from indexer.name_evidence import NameEvidence
from indexer.spill import alias_person


def _map(loc: dict[str, int], org: dict[str, int] | None = None,
         per: dict[str, int] | None = None) -> EntityMap:
    return compute_map({"PER": per or {}, "ORG": org or {}, "LOC": loc}, {}, alias_person,
                       NameEvidence())


def _places(tmp_path: Path, title: str, body: str, m: EntityMap | None) -> tuple[str, ...]:
    """The article's places as extracted, or under the map ``m``."""
    prep = prepared_article(tmp_path, title, body)
    return load_payload((prep if m is None else apply_map(prep, m)).fields[S.PAYLOAD]) \
        .entities.get("LOC", ())


def test_an_estates_numbered_streets_are_the_estate() -> None:
    m = _map({"Patra Kuningan": 50, "Jalan Patra Kuningan": 38, "Jalan Patra Kuningan XIII": 14,
              "Jalan Patra Kuningan VIII": 1, "Jalan Patra Kuningan XIII Blok L15": 2,
              # must not change: a street with no number; a number once beside the street
              # written in many articles; a town's numbered street; a numbered street whose
              # estate is no place of the corpus
              "Kebon Sirih": 40, "Jalan Kebon Sirih": 30, "Kemang": 47, "Jalan Kemang": 20,
              "Jalan Kemang 1": 1, "Surabaya": 300, "Jalan Surabaya": 4, "Jalan Surabaya II": 3,
              "Jalan Lontar VIII": 3, "Lontar": 2})
    for street in ("Jalan Patra Kuningan", "Jalan Patra Kuningan XIII",
                   "Jalan Patra Kuningan VIII", "Jalan Patra Kuningan XIII Blok L15"):
        assert m.entity("LOC", street) == ("Patra Kuningan",), street
    for value in ("Jalan Kebon Sirih", "Kebon Sirih", "Kemang", "Jalan Kemang", "Jalan Kemang 1",
                  "Surabaya", "Jalan Surabaya", "Jalan Lontar VIII", "Lontar"):
        assert m.entity("LOC", value) == (value,), value
    # a town's numbered street is its street's
    assert m.entity("LOC", "Jalan Surabaya II") == ("Jalan Surabaya",)


def test_one_bodys_buildings_are_one_place() -> None:
    m = _map({"Kantor Kemenpora": 20, "Gedung Kemenpora": 7, "Wisma Kemenpora": 6,
              "Kantor Bawaslu": 1, "Gedung Bawaslu": 7,
              # must not change: buildings of no body's name; a tower let to many
              "Gedung Nusantara": 9, "Wisma Nusantara": 1, "Gedung Negara": 2,
              "Wisma Negara": 1, "Menara BCA": 3, "Gedung BCA": 2},
             {"Bawaslu": 120, "BCA": 60})
    for value in ("Gedung Kemenpora", "Wisma Kemenpora"):
        assert m.entity("LOC", value) == ("Kantor Kemenpora",), value
    assert m.entity("LOC", "Kantor Bawaslu") == ("Gedung Bawaslu",)
    for value in ("Gedung Nusantara", "Wisma Nusantara", "Gedung Negara", "Wisma Negara",
                  "Menara BCA", "Gedung BCA"):
        assert m.entity("LOC", value) == (value,), value


def test_a_hospitals_ward_is_the_hospital(tmp_path: Path) -> None:
    rspad = "RSPAD Gatot Soebroto"
    m = _map({rspad: 395, "RSPAD Gatot Subroto": 129, "Rumah Sakit Pusat Angkatan Darat": 11,
              "Rumah Sakit Pusat Angkatan Darat (RSPAD) Gatot Soebroto": 73,
              "ICU Rumah Sakit Pusat Angkatan Darat": 29, "ICU RSPAD Gatot Subroto": 1,
              "RSUD Sumedang": 2, "IGD RSUD Sumedang": 3,
              # must not change: a pavilion's own name, a ward's word before no place's name
              "Paviliun Kartika": 30, "Paviliun Kartika RSPAD Gatot Subroto": 3,
              "IGD": 1, "ICU Rumah Sakit Pelabuhan Jakarta": 1})
    for value in ("ICU Rumah Sakit Pusat Angkatan Darat", "ICU RSPAD Gatot Subroto"):
        assert m.entity("LOC", value) == (rspad,), value
    # the ward's name never shows the hospital, though written in more articles
    assert m.entity("LOC", "IGD RSUD Sumedang") == m.entity("LOC", "RSUD Sumedang") \
        == ("RSUD Sumedang",)
    for value in ("Paviliun Kartika", "IGD", "ICU Rumah Sakit Pelabuhan Jakarta"):
        assert m.entity("LOC", value) == (value,), value
    # the corpus's sentence, through the map as ``reindex`` applies it and as ``warta add``
    # loads it
    title = "BJ Habibie Meninggal Dunia"
    body = ("Habibie wafat setelah menjalani perawatan di ruang ICU Rumah Sakit Pusat Angkatan "
            "Darat (RSPAD) Gatot Subroto Jakarta Pusat sejak Senin lalu.")
    assert "ICU Rumah Sakit Pusat Angkatan Darat" in _places(tmp_path, title, body, None)
    again = EntityMap.from_json(orjson.loads(orjson.dumps(m.to_json())))
    for emap in (m, again):
        places = _places(tmp_path, title, body, emap)
        assert rspad in places and "ICU Rumah Sakit Pusat Angkatan Darat" not in places


def test_a_venues_acronym_of_its_own_inside_its_name_is_the_venue() -> None:
    m = _map({"Kertajati": 30, "Bandara Kertajati": 18, "BIJB Kertajati": 4,
              "Bandara BIJB Kertajati": 3,
              # must not change: capitals of another letter ("Aji Pangeran Tumenggung")
              "Bandara Pranoto": 3, "Bandara APT Pranoto": 6})
    for value in ("BIJB Kertajati", "Bandara BIJB Kertajati", "Bandara Kertajati"):
        assert m.entity("LOC", value) == ("Kertajati",), value
    assert m.entity("LOC", "Bandara APT Pranoto") == ("Bandara APT Pranoto",)


def test_a_venues_name_with_a_word_put_in_written_in_its_town_is_the_venue() -> None:
    loc = {"Olympic Sports Center Gymnasium": 52, "Olympic Sports Center Xincheng Gymnasium": 14,
           "Stadion Utama Gelora Bung Karno": 185, "Stadion Gelora Bung Karno": 20,
           "Stadion Madya": 100, "Stadion Madya Gelora Bung Karno": 16,
           "Stadion Mandala": 15, "Stadion Mandala Krida": 39}
    kinds = {(("LOC", "Olympic Sports Center Gymnasium"), "in:Changzhou"): 25,
             (("LOC", "Olympic Sports Center Xincheng Gymnasium"), "in:Changzhou"): 14,
             (("LOC", "Stadion Gelora Bung Karno"), "in:Jakarta"): 5,
             (("LOC", "Stadion Madya Gelora Bung Karno"), "in:Jakarta"): 5,
             (("LOC", "Stadion Mandala"), "in:Jayapura"): 5,
             (("LOC", "Stadion Mandala Krida"), "in:Yogyakarta"): 9}
    m = compute_map({"PER": {}, "ORG": {}, "LOC": loc}, {}, alias_person,
                    NameEvidence(kinds=kinds))
    assert m.entity("LOC", "Olympic Sports Center Xincheng Gymnasium") \
        == ("Olympic Sports Center Gymnasium",)
    # must not change: a word that begins another place's name with those before it; a word
    # put last
    assert m.entity("LOC", "Stadion Madya Gelora Bung Karno") != \
        m.entity("LOC", "Stadion Utama Gelora Bung Karno")
    assert m.entity("LOC", "Stadion Mandala Krida") == ("Stadion Mandala Krida",)


def test_a_club_of_a_longer_name_with_qualifiers_inside_is_that_club() -> None:
    m = _map({"Nguyen Du Cultural Sports Club": 17, "Nguyen Du Club": 8, "Nguyen du Club": 2})
    assert m.entity("LOC", "Nguyen Du Club") == ("Nguyen Du Cultural Sports Club",)


def test_a_towns_name_with_its_office_holders_after_it_is_the_town() -> None:
    m = _map({"Jakarta Utara": 220, "Jakarta Utara Sigit Wijatmoko": 10,
              "Jakarta Utara Sigit Widjatmoko": 4, "Kota Bekasi": 60, "Bekasi": 260,
              "Kota Bekasi Ahmad Syaikhu": 4, "Tanjung": 6, "Tanjung Priok": 24,
              "Italia": 300, "Italia Napoli": 1, "Batam": 40, "Batam Center": 2,
              "RSPAD Gatot Soebroto": 161, "RSPAD": 3},
             {"Napoli": 86},
             {"Sigit Wijatmoko": 3, "Sigit Widjatmoko": 1, "Ahmad Syaikhu": 12, "Priok": 4,
              "Napoli": 2, "Center": 1, "Gatot Soebroto": 40})
    for value in ("Jakarta Utara Sigit Wijatmoko", "Jakarta Utara Sigit Widjatmoko"):
        assert m.entity("LOC", value) == ("Jakarta Utara",), value
    assert m.entity("LOC", "Kota Bekasi Ahmad Syaikhu") == ("Bekasi",)
    # must not change: a place named after a person; a word of no town before a name; the
    # rest another type's name more often, or in too few articles
    for value in ("Tanjung Priok", "Italia Napoli", "Batam Center", "RSPAD Gatot Soebroto"):
        assert m.entity("LOC", value) == (value,), value


def test_the_mention_of_a_town_with_its_holder_is_the_towns_words(tmp_path: Path) -> None:
    body = ("Wali Kota Jakarta Utara Sigit Wijatmoko mengatakan polisi bakal menyegel 18 "
            "industri arang di Cilincing.")
    prep = prepared_article(tmp_path, "Polisi Segel Industri Arang", body)
    before = load_payload(prep.fields[S.PAYLOAD])
    assert "Jakarta Utara Sigit Wijatmoko" in before.entities["LOC"]
    m = _map({**dict.fromkeys(before.entities["LOC"], 5), "Jakarta Utara": 220,
              "Jakarta Utara Sigit Wijatmoko": 10}, per={"Sigit Wijatmoko": 3})
    again = EntityMap.from_json(orjson.loads(orjson.dumps(m.to_json())))
    for emap in (m, again):  # ``warta add`` applies the stored map
        after = load_payload(apply_map(prep, emap).fields[S.PAYLOAD])
        assert "Jakarta Utara" in after.entities["LOC"]
        assert "Jakarta Utara Sigit Wijatmoko" not in after.entities["LOC"]
        (town,) = [x for x in after.mentions if x.name == "Jakarta Utara"]
        assert body[town.start:town.end] == "Jakarta Utara"


def test_the_corpus_places_are_one_value_each(full_index_dir: Path) -> None:
    places = dict(facet_counts(full_index_dir)["place"])
    for gone in ("Jalan Patra Kuningan", "Gedung Kemenpora", "Wisma Kemenpora", "BIJB Kertajati",
                 "Nguyen Du Club", "Jakarta Utara Sigit Wijatmoko",
                 "Olympic Sports Center Xincheng Gymnasium"):
        assert gone not in places, gone
    assert places["Patra Kuningan"] >= 100
    assert places["Kantor Kemenpora"] >= 25
