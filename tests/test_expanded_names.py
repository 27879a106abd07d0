"""Acronyms spelt out, a looser spelling and a place's longer name (indexer.expanded_names,
indexer.longer_places):
on hand-made counts with the cases that must not change, and end to end on the whole corpus's
index."""

from __future__ import annotations

from pathlib import Path

from indexer.entity_map import EntityMap
from indexer.entity_norm import compute_map
from indexer.expanded_names import expanded, loose_key
from indexer.facet_quality import facet_counts
from indexer.name_evidence import NameEvidence
from indexer.spill import alias_person


def _map(org: dict[str, int] | None = None, loc: dict[str, int] | None = None) -> EntityMap:
    return compute_map({"PER": {}, "ORG": org or {}, "LOC": loc or {}}, {}, alias_person)


def test_an_acronym_is_read_spelt_out_inside_longer_names() -> None:
    spelt = {"rspad": ("rumah", "sakit", "pusat", "angkatan", "darat"),
             "bri": ("bank", "rakyat", "indonesia")}
    assert expanded("RSPAD Gatot Soebroto", spelt) == (
        "rumah", "sakit", "pusat", "angkatan", "darat", "gatot", "soebroto")
    assert expanded("PT Bank BRI Tbk", spelt, frozenset({"bri"})) == ("bank", "rakyat",
                                                                      "indonesia")
    # after a legal form only a company's acronym; a word in lower case is no acronym
    assert expanded("PT BRI", spelt) == ("bri",)
    assert expanded("Rspad Baru", spelt) == ("rspad", "baru")


def test_names_equal_spelt_out_join() -> None:
    m = _map(org={"BRI": 28, "Bank BRI": 24, "PT Bank Rakyat Indonesia": 8,
                  "Bank Rakyat Indonesia": 6, "PT Bank Rakyat Indonesia Tbk": 2,
                  "Bank Indonesia": 224, "PT PBB": 2, "Perserikatan Bangsa-Bangsa": 226,
                  "PT KAI": 16, "PT Kereta Api Indonesia": 56},
             loc={"RSPAD Gatot Soebroto": 172, "RSPAD Gatot Subroto": 129, "RSPAD": 70,
                  "Rumah Sakit Pusat Angkatan Darat": 137,
                  "Rumah Sakit Pusat Angkatan Darat Gatot Subroto": 12})
    for v in ("Bank BRI", "PT Bank Rakyat Indonesia", "Bank Rakyat Indonesia",
              "PT Bank Rakyat Indonesia Tbk"):
        assert m.entity("ORG", v) == ("BRI",), v
    assert m.entity("ORG", "PT KAI") == ("PT Kereta Api Indonesia",)
    assert m.entity("LOC", "Rumah Sakit Pusat Angkatan Darat Gatot Subroto") == (
        "RSPAD Gatot Soebroto",)
    # must not change: another bank, an acronym after a legal form that is no company's
    for v in ("Bank Indonesia", "PT PBB"):
        assert m.entity("ORG", v) == (v,), v


def test_a_looser_spelling_joins_names_of_two_words_or_more() -> None:
    assert loose_key(("chandrabhaga",)) == loose_key(("candrabhaga",)) == loose_key(
        ("chandrabaga",))
    assert loose_key(("angkasa", "pura", "ii")) != loose_key(("angkasa", "pura", "i"))
    assert loose_key(("lion", "grup")) == loose_key(("lion", "group"))
    assert loose_key(("grupo", "bimbo")) != loose_key(("group", "bimbo"))
    m = _map(org={"PT Angkasa Pura I": 14, "PT Angkasa Pura II": 49, "Toyota Inova": 2,
                  "Toyota Innova": 23},
             loc={"Stadion Patriot Candrabhaga": 50, "Stadion Patriot Chandrabhaga": 23,
                  "Badung": 27, "Bandung": 278, "Jakarta Selatan": 1185})
    assert m.entity("LOC", "Stadion Patriot Chandrabhaga") == ("Stadion Patriot Candrabhaga",)
    assert m.entity("ORG", "Toyota Inova") == ("Toyota Innova",)
    # must not change: Roman numerals, one-word places
    for typ, v in (("ORG", "PT Angkasa Pura I"), ("LOC", "Badung")):
        assert m.entity(typ, v) == (v,), v


def test_a_places_name_joins_the_one_longer_name_of_it() -> None:
    m = _map(loc={"Stadion Patriot Candrabhaga": 50, "Stadion Patriot": 24,
                  "Stadion Patriot Bekasi": 2, "TMP Kalibata": 98, "Taman Makam Pahlawan": 87,
                  "Taman Makam Pahlawan Kalibata": 55, "Taman Makam Pahlawan Tabanan": 2,
                  "Istana Bogor": 37, "Istana Kepresidenan Bogor": 21,
                  "Istana Kepresidenan": 78, "Istana Kepresidenan Jakarta": 5,
                  "Jalan Sudirman": 11, "Jalan Jenderal Sudirman": 24,
                  "Kota Tangerang": 29, "Kota Tangerang Selatan": 160,
                  "Kantor Presiden": 19, "Kantor Wakil Presiden": 16,
                  "Jakarta": 4733, "Jakarta Selatan": 1185, "Jalan Tol": 31,
                  "Jalan Tol Jagorawi": 23, "Jalan Tol Cipularang": 18,
                  "Yogyakarta": 330, "Bandara Yogyakarta": 18,
                  "Bandara Internasional Yogyakarta": 5})
    for v, into in (("Stadion Patriot", "Stadion Patriot Candrabhaga"),
                    ("Taman Makam Pahlawan", "TMP Kalibata"),
                    ("Taman Makam Pahlawan Kalibata", "TMP Kalibata"),
                    ("Istana Kepresidenan Bogor", "Istana Bogor"),
                    ("Jalan Sudirman", "Jalan Jenderal Sudirman"),
                    # the airport is not the town it is named after (variant_joins.VENUE_HEADS)
                    ("Bandara Internasional Yogyakarta", "Bandara Yogyakarta")):
        assert m.entity("LOC", v) == (into,), v
    # must not change: a longer name named less often, a point of the compass after it, a
    # title that makes another body, one word, a name of several longer ones
    for v in ("Kota Tangerang", "Kantor Presiden", "Kantor Wakil Presiden",
              "Jakarta", "Yogyakarta", "Bandara Yogyakarta"):
        assert m.entity("LOC", v) == (v,), v
    # kinds of road and building (data/kind_names.txt), while the longer names stay
    assert m.entity("LOC", "Jalan Tol") == m.entity("LOC", "Istana Kepresidenan") == ()
    assert m.entity("LOC", "Istana Kepresidenan Jakarta") == ("Istana Kepresidenan Jakarta",)


def test_a_place_joins_its_name_with_stadium_after_it() -> None:
    m = _map(loc={"Anfield": 28, "Anfield Stadium": 14, "Stadium": 3, "Etihad": 2,
                  "Jakarta International Stadium": 11})
    assert m.entity("LOC", "Anfield Stadium") == m.entity("LOC", "Anfield") == ("Anfield",)
    for v in ("Stadium", "Etihad", "Jakarta International Stadium"):
        assert m.entity("LOC", v) == (v,), v


def test_an_acronym_among_other_words_joins_the_name_with_its_words_spelt_out() -> None:
    m = _map(org={"PN Jakarta Selatan": 15, "Pengadilan Negeri Jakarta Selatan": 53,
                  "Pengadilan Negeri Jakarta Pusat": 86, "PN Jakarta Pusat": 9,
                  "Kementerian LHK": 20, "Kementerian Lingkungan Hidup dan Kehutanan": 188,
                  "TNI AU": 40, "TNI Angkatan Udara": 6,
                  "PN Surabaya": 4, "Pengadilan Negeri Surabaya": 2,
                  "Pn Jakarta Utara": 3, "Pengadilan Negeri Jakarta Utara": 20,
                  "Bank BJ Jakarta": 5, "Bank Bumi Jaya Jakarta": 4, "Bank Bina Jasa Jakarta": 3,
                  "KPK": 1700, "Komisi Pemberantasan Korupsi": 1782},
             loc={"Jalan MH Thamrin": 23, "Jalan Mohammad Husni Thamrin": 5,
                  "Gedung BI": 16, "Gedung Bank Indonesia": 9})
    for typ, v, into in (("ORG", "PN Jakarta Selatan", "Pengadilan Negeri Jakarta Selatan"),
                         ("ORG", "PN Jakarta Pusat", "Pengadilan Negeri Jakarta Pusat"),
                         ("ORG", "Kementerian LHK", "Kementerian Lingkungan Hidup dan Kehutanan"),
                         ("ORG", "TNI Angkatan Udara", "TNI AU"),
                         ("LOC", "Jalan Mohammad Husni Thamrin", "Jalan MH Thamrin"),
                         ("LOC", "Gedung Bank Indonesia", "Gedung BI")):
        assert m.entity(typ, v) == (into,), v
        assert m.entity(typ, into) == (into,), into
    # must not change: a spelt-out name found in too few articles, a word not in capitals, two
    # names it may spell (rivals)
    for v in ("PN Surabaya", "Pengadilan Negeri Surabaya", "Pn Jakarta Utara",
              "Bank BJ Jakarta", "Bank Bumi Jaya Jakarta", "Bank Bina Jasa Jakarta"):
        assert m.entity("ORG", v) == (v,), v


def test_a_place_named_as_a_person_joins_the_one_street_named_so() -> None:
    m = compute_map({"PER": {"Pierre Tendean": 4, "Jenderal Sudirman": 30, "Soekarno": 90,
                             "Mohammad Hatta": 20, "Juanda": 5},
                     "ORG": {},
                     "LOC": {"Tendean": 126, "Jalan Kapten Tendean": 8, "Jl Kapten Tendean": 1,
                             "Sudirman": 42, "Jalan Jenderal Sudirman": 23, "Jalan Sudirman": 11,
                             "Pasar Minggu": 28, "Jalan Pasar Minggu": 8,
                             "Soekarno-Hatta": 20, "Bandara Soekarno-Hatta": 46,
                             "Jalan Soekarno Hatta": 10, "Jakarta": 4700, "Jalan Jakarta": 9}},
                    {}, alias_person,
                    # the street written with its city (else it is no value: test_place_values)
                    NameEvidence(kinds={(("LOC", "Tendean"), "in:Jakarta Selatan"): 100}))
    assert m.entity("LOC", "Jalan Kapten Tendean") == ("Tendean",)
    assert m.entity("LOC", "Jalan Sudirman") == m.entity("LOC", "Sudirman")
    # must not change: no person's name (a district), a group with another name (an
    # airport), a well-known place
    for v in ("Pasar Minggu", "Jalan Pasar Minggu", "Jakarta", "Jalan Jakarta"):
        assert m.entity("LOC", v) == (v,), v
    assert m.entity("LOC", "Jalan Soekarno Hatta") == ()  # a street of many cities
    assert m.entity("LOC", "Soekarno-Hatta") == ("Bandara Soekarno-Hatta",)


def test_two_letters_that_join_no_longer_name_are_no_value() -> None:
    m = _map(org={"LP": 21, "FH": 16, "Ps": 3, "PS": 13, "MU": 40, "Manchester United": 186,
                  "X1": 27, "Dewa 19": 19},
             loc={"DC": 5, "Washington DC": 17})
    for typ, v in (("ORG", "LP"), ("ORG", "FH"), ("ORG", "Ps"), ("ORG", "PS"), ("LOC", "DC")):
        assert m.entity(typ, v) == (), v
    # must not change: two letters joined with a longer name, a letter and a digit
    assert m.entity("ORG", "MU") == ("Manchester United",)
    for typ, v in (("ORG", "X1"), ("LOC", "Washington DC")):
        assert m.entity(typ, v) == (v,), v


def test_the_corpus_facets_join_acronyms_and_longer_places(full_index_dir: Path) -> None:
    counts = {f: dict(vs) for f, vs in facet_counts(full_index_dir).items()}
    org, place = counts["org"], counts["place"]
    for v in ("Bank BRI", "PT Bank Rakyat Indonesia", "LP", "FH",
              "PT Aneka Tambang Tbk", "U-16 Indonesia"):
        assert v not in org, v
    kai = [v for v in ("PT KAI", "Kereta Api Indonesia", "PT Kereta Api Indonesia") if v in org]
    assert len(kai) == 1 and org[kai[0]] >= 20, kai
    assert "PN Jakarta Selatan" not in org and "Kementerian LHK" not in org
    assert "Kementerian Kominfo" not in org and "Anfield Stadium" not in place
    assert org["Pengadilan Negeri Jakarta Selatan"] >= 55
    for v in ("Rumah Sakit Pusat Angkatan Darat", "Stadion Patriot", "Jalan Kapten Tendean",
              "Stadion Patriot Chandrabhaga", "Istana Kepresidenan Bogor"):
        assert v not in place, v
    # the cemetery under one of its names, with "Taman Makam Pahlawan (TMP) Kalibata"
    tmp = [v for v in ("TMP Kalibata", "Taman Makam Pahlawan Kalibata") if v in place]
    assert len(tmp) == 1 and place[tmp[0]] >= 150, tmp
    assert org["BRI"] >= 40 and org["Bank Indonesia"] >= 200 and org["Antam"] >= 35
    assert place["RSPAD Gatot Soebroto"] >= 350 and place["Stadion Patriot Candrabhaga"] >= 80
    for v in ("Tangerang", "Tangerang Selatan", "Istana Bogor", "Yogyakarta"):
        assert place.get(v, 0) >= 20, v
    # the city is shown by its bare name, beside its regency (test_city_regencies)
    assert "Kota Tangerang" not in place and place["Kabupaten Tangerang"] >= 20
