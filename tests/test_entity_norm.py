"""The corpus-level entity map (indexer.entity_norm): its rules on hand-made counts, properties
on generated ones, its round trip through JSON, and places' names in the whole corpus's index."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.entity_map import EntityMap
from indexer.entity_norm import compute_map
from indexer.facet_quality import facet_counts
from indexer.name_keys import (
    covers,
    in_order,
    most_written,
    spelling_key,
    ticket_halves,
    variant_key,
)
from indexer.spill import alias_person


def _map(per: dict[str, int] | None = None, org: dict[str, int] | None = None,
         loc: dict[str, int] | None = None, categories: dict[str, int] | None = None
         ) -> EntityMap:
    return compute_map({"PER": per or {}, "ORG": org or {}, "LOC": loc or {}},
                       categories or {}, alias_person)


def test_a_part_of_one_more_frequent_full_name_joins_it() -> None:
    m = _map({"Habibie": 222, "Bacharuddin Jusuf Habibie": 672, "Ilham Akbar Habibie": 5,
              "Trump": 52, "Donald Trump": 178, "Bacharuddin Jusuf": 70})
    assert m.entity("PER", "Habibie") == ("Bacharuddin Jusuf Habibie",)
    assert m.entity("PER", "Bacharuddin Jusuf") == ("Bacharuddin Jusuf Habibie",)
    assert m.entity("PER", "Trump") == ("Donald Trump",)
    assert m.entity("PER", "Ilham Akbar Habibie") == ("Ilham Akbar Habibie",)
    assert m.entity("PER", "Donald Trump") == ("Donald Trump",)


def test_a_part_is_the_person_its_own_article_names_in_full() -> None:
    m = _map({"Elza Syarief": 48, "Syarief": 15, "Laode M Syarif": 30, "Laode Syarif": 3,
              "Laode Syarief": 2, "Budi Santoso": 30,
              "Sri": 40, "Sri Mulyani": 90, "Sri Wahyuni": 60, "Habibie": 20,
              "Bacharuddin Jusuf Habibie": 300, "Ilham Akbar Habibie": 8})
    assert m.entity("PER", "Syarief") == ()  # two people: the corpus cannot tell
    assert m.entity("PER", "Sri") == ()  # a first name of several: no value of its own
    assert m.entity("PER", "Habibie") == ("Bacharuddin Jusuf Habibie",)
    # the article writes the full name that holds the part (in any spelling): that person's,
    # a first name also when the corpus makes it someone else
    assert m.entities_in("PER", ["Laode M Syarif", "Syarief"]) == {
        "Laode M Syarif": ("Laode M Syarif",), "Syarief": ("Laode M Syarif",)}
    assert m.entities_in("PER", ["Sri", "Sri Wahyuni"])["Sri"] == ("Sri Wahyuni",)
    # must not change: no full name in the article, or two that hold the part, another type,
    # a surname the corpus gives a person named far more often (the father of the article's)
    assert m.entities_in("PER", ["Syarief", "Budi Santoso"])["Syarief"] == ()
    assert m.entities_in("PER", ["Syarief", "Laode M Syarif", "Elza Syarief"])["Syarief"] == ()
    assert m.entities_in("PER", ["Sri", "Sri Mulyani", "Sri Wahyuni"])["Sri"] == ()
    assert m.entities_in("ORG", ["Syarief", "Laode M Syarif"])["Syarief"] == ("Syarief",)
    assert m.entities_in("PER", ["Habibie", "Ilham Akbar Habibie"])["Habibie"] == (
        "Bacharuddin Jusuf Habibie",)
    assert m.entities_in("PER", ["Habibie", "Bacharuddin Jusuf Habibie", "Ilham Akbar Habibie"]
                         )["Habibie"] == ("Bacharuddin Jusuf Habibie",)


def test_a_full_name_is_weighed_by_how_often_it_is_written_in_full() -> None:
    m = _map({"Kriss Hatta": 25, "Kris Hatta": 8, "Kris": 17, "Kris Jenner": 7, "Hatta": 10,
              "Hatta Ali": 12, "Mohammad Hatta": 5, "Soekarno Hatta": 4})
    assert m.entity("PER", "Kris") == ("Kriss Hatta",)
    # "Kris" joining Kriss Hatta does not make a bare "Hatta" his (33 < 2 * (12 + 5 + 4); with
    # Kris's 17, 50 would not be)
    assert m.entity("PER", "Hatta") == ()


def test_a_less_frequent_full_name_does_not_take_a_part() -> None:
    m = _map({"Ronaldo": 90, "Cristiano Ronaldo": 25})
    assert m.entity("PER", "Ronaldo") == ("Ronaldo",)
    # the one full name written with it, a third as often at least, does
    m = _map({"Ronaldo": 90, "Cristiano Ronaldo": 40})
    assert m.entity("PER", "Ronaldo") == ("Cristiano Ronaldo",)


def test_names_of_several_words_join_the_one_longer_name_shown_most() -> None:
    m = _map({"Sri Mulyani": 130, "Sri Mulyani Indrawati": 59})
    assert m.entity("PER", "Sri Mulyani Indrawati") == ("Sri Mulyani",)
    assert m.entity("PER", "Sri Mulyani") == ("Sri Mulyani",)


def test_shared_bare_first_names_are_no_value_unless_one_dominates() -> None:
    per = {"Sri": 52, "Sri Mulyani": 189, "Sri Bintang Pamungkas": 40, "Sri Sumarni": 30,
           "Imam": 83, "Imam Nahrawi": 217, "Imam Besar": 6, "Anies": 89, "Anies Baswedan": 208}
    m = _map(per)
    assert m.entity("PER", "Sri") == ()
    assert m.entity("PER", "Imam") == ("Imam Nahrawi",)
    assert m.entity("PER", "Anies") == ("Anies Baswedan",)
    assert m.entity("PER", "Sri Sumarni") == ("Sri Sumarni",)


def test_a_name_covered_by_one_dominant_name_joins_it() -> None:
    """One-off misspellings beside the full name do not make a part ambiguous; an initial
    stands for a word it begins; a rare name that only mentions a frequent one does not take
    it; a group is not shown by a name that ends in an initial."""
    m = _map({"Anies Baswedan": 208, "Anies Rasyid Baswedan": 21, "Anies Rasyis Baswedan": 1,
              "Laode M": 25, "Laode M Syarif": 84, "Laode Muhammad Syarif": 18,
              "Yasonna Laoly": 117, "Yasonna H Laoly": 15, "Yasonna Hamonangan Laoly": 10,
              "Yasonna Hamonganan Laoly": 2, "Joko Widodo": 1600, "Iriana Joko Widodo": 10,
              "Kabinet Joko Widodo": 2, "Desmond J": 15, "Desmond J Mahesa": 6,
              "Woo Jin": 28, "Gong Woo Jin": 21, "Seo Woo Jin": 1, "Bebby": 69, "Bebby Fey": 69,
              "Hutapea": 5, "Hotman Paris Hutapea": 8, "Tigor Hutapea": 5})
    # the one-off misspelling too: its other words are rare ones only three names hold
    # (near_names.join_misspellings)
    for v in ("Anies Rasyid Baswedan", "Anies Baswedan", "Anies Rasyis Baswedan"):
        assert m.entity("PER", v) == ("Anies Baswedan",)
    for v in ("Laode M", "Laode Muhammad Syarif"):
        assert m.entity("PER", v) == ("Laode M Syarif",)
    for v in ("Yasonna H Laoly", "Yasonna Hamonangan Laoly"):
        assert m.entity("PER", v) == ("Yasonna Laoly",)
    assert m.entity("PER", "Joko Widodo") == ("Joko Widodo",)
    assert m.entity("PER", "Iriana Joko Widodo") == ("Iriana Joko Widodo",)
    assert m.entity("PER", "Desmond J") == ("Desmond J Mahesa",)
    assert m.entity("PER", "Gong Woo Jin") == ("Woo Jin",)
    assert m.entity("PER", "Bebby") == ("Bebby Fey",)
    assert m.entity("PER", "Hutapea") == ()  # two people as often: no one entity


def test_organisation_names_join_their_seat_legal_form_and_acronym() -> None:
    m = _map(org={"Persija": 126, "Persija Jakarta": 101, "Transjakarta": 57,
                  "PT Transjakarta": 27, "Honda": 90, "Repsol Honda": 82, "BPK": 47,
                  "Badan Pemeriksa Keuangan": 72, "BPKB": 6, "Badan Pemeriksa Keuangan Barullah": 2,
                  "PDI": 6, "PT Dirgantara Indonesia": 9, "LBH": 18, "LBH Jakarta": 20,
                  "LBH Surabaya": 8, "FA": 11, "Kelantan FA": 3},
             loc={"Jakarta": 4761, "Kelantan": 3, "Surabaya": 392})
    # shown as written most
    assert {m.entity("ORG", v) for v in ("Persija", "Persija Jakarta")} == {("Persija",)}
    assert {m.entity("ORG", v) for v in ("Transjakarta", "PT Transjakarta")} == {("Transjakarta",)}
    assert m.entity("ORG", "BPK") == ("Badan Pemeriksa Keuangan",)
    assert m.entity("ORG", "Honda") == ("Honda",)  # Repsol is no seat: a team, not the maker
    assert m.entity("ORG", "BPKB") == ("BPKB",)  # a rare name that spells it is not its name
    assert m.entity("ORG", "PDI") == ("PDI",)  # legal forms spell nothing
    # in several cities: no one of them, and a kind (data/kind_names.txt)
    assert m.entity("ORG", "LBH") == () and m.entity("ORG", "LBH Jakarta") == ("LBH Jakarta",)
    assert m.entity("ORG", "FA") != ("Kelantan FA",)  # two letters: too short to be sure
    m = _map(org={"Badan Meteorologi, Klimatologi, dan Geofisika": 254,
                  "Badan Meteorologi Klimatologi": 59, "Badan Meteorologi": 37,
                  "Timnas Indonesia": 153, "Timnas Indonesia U-16": 72,
                  "Tottenham": 34, "Tottenham Hotspur": 57})
    for cut in ("Badan Meteorologi Klimatologi", "Badan Meteorologi"):
        assert m.entity("ORG", cut) == ("Badan Meteorologi, Klimatologi, dan Geofisika",)
    assert m.entity("ORG", "Timnas Indonesia U-16") == ("Timnas Indonesia U-16",)
    assert m.entity("ORG", "Tottenham") == ("Tottenham Hotspur",)
    # whichever spelling of a group is its root, each may be the short form
    m = _map(org={"Trans Jakarta": 1, "TransJakarta": 11, "Transjakarta": 52,
                  "PT Transjakarta": 25})
    assert {m.entity("ORG", v) for v in ("Trans Jakarta", "PT Transjakarta")} \
        == {("Transjakarta",)}


def test_kinds_of_place_spacing_and_ri_join() -> None:
    m = _map(loc={"Medan": 213, "Kota Medan": 66, "Bandung": 278, "Kota Bandung": 92,
                  "Kabupaten Bandung": 41, "Indonesia": 5607, "Republik Indonesia": 354,
                  "Hong Kong": 157, "Hongkong": 23, "Gedung DPR": 211, "Gedung DPR RI": 29})
    assert m.entity("LOC", "Kota Medan") == ("Medan",)
    assert m.entity("LOC", "Republik Indonesia") == ("Indonesia",)
    assert m.entity("LOC", "Hongkong") == ("Hong Kong",)
    assert m.entity("LOC", "Gedung DPR RI") == ("Gedung DPR",)
    # a city and a regency of one name: "Bandung" is the city (in one article of the regency
    # alone, the regency: test_city_regencies), the regency stays apart
    assert [m.entity("LOC", v) for v in ("Bandung", "Kota Bandung", "Kabupaten Bandung")] \
        == [("Bandung",), ("Bandung",), ("Kabupaten Bandung",)]
    # a town that is a regency alone (no city of its name in the government's table): "kota
    # Rembang" is the regency's seat, and the town, its city's words and the regency's one place
    m = _map(loc={"Rembang": 7, "Kabupaten Rembang": 7, "Kota Rembang": 6})
    assert [m.entity("LOC", v) for v in ("Rembang", "Kabupaten Rembang", "Kota Rembang")] \
        == [("Rembang",)] * 3
    m = _map(loc={"Prancis": 263, "Perancis": 71, "Sumatera": 319, "Sumatra": 33,
                  "Sirkuit Misano": 132, "Misano": 56, "Malang": 125, "Malaang": 1, "Bali": 9,
                  "Bala": 2})
    assert m.entity("LOC", "Perancis") == ("Prancis",)
    assert m.entity("LOC", "Sumatra") == ("Sumatera",)
    assert m.entity("LOC", "Misano") == ("Sirkuit Misano",)
    assert m.entity("LOC", "Bala") == ("Bala",)  # short names: one vowel makes another place


@pytest.mark.parametrize("order", [1, -1])
def test_an_archipelago_is_weighed_against_every_spelling_of_its_rest(order: int) -> None:
    """"Kepulauan X" takes X only where it is written at least as often as X in all its
    spellings, in whatever order the values were counted ("RIAU" 2 is Riau's)."""
    for loc, joined in (({"RIAU": 2, "Riau": 460, "Kepulauan Riau": 81}, False),
                        ({"Mariana utara": 1, "Mariana Utara": 4,
                          "Kepulauan Mariana Utara": 86}, True)):
        m = _map(loc=dict(sorted(loc.items(), reverse=order < 0)))
        short, full = sorted(loc, key=len)[-2], sorted(loc, key=len)[-1]
        assert (m.entity("LOC", short) == m.entity("LOC", full)) is joined, loc


def test_old_spellings_of_names_of_several_words_join() -> None:
    m = _map({"Luhut Binsar Pandjaitan": 24, "Luhut Binsar Panjaitan": 29, "Doel": 5, "Dul": 10},
             loc={"RSPAD Gatot Soebroto": 161, "RSPAD Gatot Subroto": 125})
    assert m.entity("PER", "Luhut Binsar Pandjaitan") == ("Luhut Binsar Panjaitan",)
    assert m.entity("LOC", "RSPAD Gatot Subroto") == ("RSPAD Gatot Soebroto",)
    assert m.entity("PER", "Doel") == ("Doel",)  # one word in two spellings may be two
    assert spelling_key("Soeharto Tjokro Djojo") == "suharto cokro jojo"


def test_tickets_become_two_persons() -> None:
    per = {"Joko Widodo-Ma'ruf Amin": 11, "Joko Widodo-Ma’ruf Amin": 4, "Joko Widodo": 1586,
           "Ma'ruf Amin": 61, "Jokowi-Ma'ruf Amin": 5, "Prabowo-Sandi": 6, "Prabowo": 19,
           "Sandi": 19, "Alexander-Arnold": 11, "Alexander": 4, "Arnold": 4, "Al-Maliki": 7,
           "Al": 10, "Maliki": 22, "Joko Widodo-Maruf Amin": 2, "Maruf Amin": 3}
    m = _map(per)
    for ticket in ("Joko Widodo-Ma'ruf Amin", "Joko Widodo-Ma’ruf Amin", "Jokowi-Ma'ruf Amin",
                   "Joko Widodo-Maruf Amin"):
        assert m.entity("PER", ticket) == ("Joko Widodo", "Ma'ruf Amin"), ticket
    assert m.entity("PER", "Prabowo-Sandi") == ("Prabowo", "Sandi")
    assert m.entity("PER", "Alexander-Arnold") == ("Alexander-Arnold",)  # a surname
    assert m.entity("PER", "Al-Maliki") == ("Al-Maliki",)


def test_variants_equivalents_and_party_names_join() -> None:
    m = _map({"Simon McMenemy": 95, "Simon Mcmenemy": 1, "MIke Pompeo": 2, "Mike Pompeo": 71},
             {"Golkar": 133, "Partai Golkar": 184, "Partai Nasdem": 30, "Partai NasDem": 25,
              "Gerindra": 118, "Partai Gerindra": 128, "Partai Buruh": 3},
             {"China": 553, "Cina": 264, "Tiongkok": 89, "gedung DPR": 46, "Gedung DPR": 60})
    assert m.entity("PER", "Simon Mcmenemy") == ("Simon McMenemy",)
    assert m.entity("PER", "MIke Pompeo") == ("Mike Pompeo",)
    assert m.entity("ORG", "Golkar") == ("Partai Golkar",)
    assert m.entity("ORG", "Gerindra") == ("Partai Gerindra",)
    assert m.entity("ORG", "Partai NasDem") == ("Partai Nasdem",)
    assert m.entity("ORG", "Partai Buruh") == ("Partai Buruh",)
    assert {m.entity("LOC", v) for v in ("China", "Cina", "Tiongkok")} == {("China",)}
    assert m.entity("LOC", "gedung DPR") == ("Gedung DPR",)


def test_categories_join_by_case_and_spacing() -> None:
    m = _map(categories={"Bola": 1019, "bola": 515, "SELEBRITI": 873, "Selebriti": 1562,
                         "Super  Skor": 1, "Super Skor": 186})
    assert {m.category(c) for c in ("Bola", "bola", " BOLA ")} == {"Bola"}
    assert m.category("SELEBRITI") == "Selebriti"
    assert m.category("Super  Skor") == "Super Skor"
    assert m.category("Kuliner") == "Kuliner"  # unseen: as it is


def test_unseen_values_join_by_variant_key_and_json_round_trips() -> None:
    m = _map({"Habibie": 222, "Bacharuddin Jusuf Habibie": 672, "Sri": 52, "Sri Mulyani": 189,
              "Sri Bintang": 40, "Sri Sumarni": 30})
    again = EntityMap.from_json(m.to_json())
    assert again == m
    for mm in (m, again):
        assert mm.entity("PER", "HABIBIE") == ("Bacharuddin Jusuf Habibie",)
        assert mm.entity("PER", "bacharuddin jusuf  habibie") == ("Bacharuddin Jusuf Habibie",)
        assert mm.entity("PER", "SRI") == ()
        assert mm.entity("PER", "Budi Santoso") == ("Budi Santoso",)
    assert m.merges(1) == [{"type": "PER", "value": "Habibie",
                            "into": ["Bacharuddin Jusuf Habibie"], "count": 222}]
    for bad in (None, [], {"version": 99}, {"version": 1, "values": 3}):
        assert EntityMap.from_json(bad) == EntityMap()


def test_helpers() -> None:
    assert variant_key("Joko  Widodo - Ma’ruf Amin") == "joko widodo-maruf amin"
    assert in_order(("sri", "indrawati"), ("sri", "mulyani", "indrawati"))
    assert not in_order(("indrawati", "sri"), ("sri", "mulyani", "indrawati"))
    assert covers(("laode", "muhammad", "syarif"), ("laode", "m.", "syarif"))
    assert not covers(("laode", "m", "syarif"), ("laode", "muhammad", "syarif"))
    assert ticket_halves("Prabowo Subianto-Sandiaga Uno") == ("Prabowo Subianto", "Sandiaga Uno")
    assert ticket_halves("Kim Jong-un") is None and ticket_halves("J-Hope") == ("J", "Hope")


_WORDS = st.sampled_from(["Ahmad", "Budi", "Sri", "Joko", "Widodo", "Mulyani", "Santoso",
                          "Dewi", "Kim", "Lee", "budi", "SRI", "Ma'ruf", "Ma’ruf", "Amin",
                          "M", "B.", "Soeharto", "Suharto", "Djoko"])
_NAMES = st.lists(_WORDS, min_size=1, max_size=3).map(" ".join)
_TICKETS = st.tuples(_NAMES, _NAMES).map("-".join)


@given(st.dictionaries(_NAMES, st.integers(1, 5), max_size=25))
def test_most_written_is_each_keys_value_of_most_articles(counts: dict[str, int]) -> None:
    expected = {k: min((v for v in counts if variant_key(v) == k), key=lambda v: (-counts[v], v))
                for k in {variant_key(v) for v in counts}}
    assert most_written(counts) == expected


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.one_of(_NAMES, _TICKETS), st.integers(1, 500), max_size=25))
def test_the_map_is_final_and_total(per: dict[str, int]) -> None:
    """Every value maps to values that map to themselves (no chains), variants of one value
    map alike, and the map is the same whatever order the counts come in."""
    m = _map(per)
    targets = {x for v in per for x in m.entity("PER", v)}
    for v in per:
        into = m.entity("PER", v)
        assert len(into) <= 2 and len(set(into)) == len(into)
        for x in into:
            assert m.entity("PER", x) == (x,), (v, into, x)
    for x in targets:
        assert m.entity("PER", x) == (x,)
    by_key: dict[str, set[tuple[str, ...]]] = {}
    for v in per:
        if ticket_halves(v) is None:
            by_key.setdefault(variant_key(v), set()).add(m.entity("PER", v))
    assert all(len(s) == 1 for s in by_key.values()), by_key
    assert _map(dict(reversed(list(per.items())))) == m


_ORG_WORDS = st.sampled_from(["PT", "Bank", "Pemeriksa", "Keuangan", "Badan", "Persija",
                              "Jakarta", "BPK", "BPKJ", "Tbk", "Sleman", "PSS", "pt"])
_ORGS = st.lists(_ORG_WORDS, min_size=1, max_size=4).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(_ORGS, st.integers(1, 300), max_size=20),
       st.dictionaries(st.sampled_from(["Jakarta", "Sleman", "Jakarta Sleman"]),
                       st.integers(1, 50), max_size=3))
def test_the_organisation_map_is_final_and_order_free(org: dict[str, int],
                                                      loc: dict[str, int]) -> None:
    m = _map(org=org, loc=loc)
    for v in org:
        into = m.entity("ORG", v)  # none: two letters alone ("PT")
        assert len(into) == 1 or (len(into) == 0 and len(v) == 2), (v, into)
        for x in into:
            assert m.entity("ORG", x) == (x,), (v, x)
    assert _map(org=dict(reversed(list(org.items()))), loc=loc) == m


def test_a_part_is_no_one_in_categories_where_only_others_full_names_are_written() -> None:
    m = compute_map({"PER": {"Della Destiara Haris": 27, "Della": 8, "Della Dartyan": 2,
                             "Rizki Amelia": 20, "Rizki": 5}, "ORG": {}, "LOC": {}}, {},
                    alias_person, person_categories={
                        ("Della Destiara Haris", "sport"): 20, ("Della Destiara Haris", "bola"): 7,
                        ("Della Dartyan", "film"): 2, ("Della Dartyan", "sport"): 1,
                        ("Della", "film"): 3, ("Della", "sport"): 5, ("Rizki Amelia", "sport"): 20,
                        ("Rizki", "news"): 5})
    assert m.entity("PER", "Della") == ("Della Destiara Haris",)
    assert m.entity("PER", "Rizki") == ("Rizki Amelia",)
    assert m.astray == {"Della": frozenset({"film"})}
    assert m.entities_in("PER", ["Della"], "Film") == {"Della": ()}
    # must not change: a category where her name is written (any case), where no one's is
    # ("news": nothing says it is another), no category, an article that names her, a name of
    # two words
    assert m.entities_in("PER", ["Della"], " SPORT") == {"Della": ("Della Destiara Haris",)}
    assert m.entities_in("PER", ["Della"], "news") == {"Della": ("Della Destiara Haris",)}
    assert m.entities_in("PER", ["Della"]) == {"Della": ("Della Destiara Haris",)}
    assert m.entities_in("PER", ["Della", "Della Destiara Haris"], "Film")["Della"] == (
        "Della Destiara Haris",)
    assert m.entities_in("PER", ["Della Dartyan"], "Film") == {"Della Dartyan": ("Della Dartyan",)}
    assert EntityMap.from_json(m.to_json()) == m


def test_english_names_and_nicknames_of_places_join_their_indonesian_names() -> None:
    """``data/equivalents.txt``'s exonyms and nicknames: each joins the name the corpus writes
    most; a name the file does not pair stays."""
    m = compute_map({"PER": {}, "ORG": {},
                     "LOC": {"Singapura": 389, "Singapore": 34, "Japan": 27, "Jepang": 586,
                             "Yogya": 27, "Yogyakarta": 330, "Pulau Dewata": 20, "Bali": 410,
                             "Afghanistan": 44, "Afganistan": 23, "Singapore River": 2,
                             "Daerah Istimewa Yogyakarta": 44}},
                    {}, alias_person)
    for v, into in (("Singapore", "Singapura"), ("Japan", "Jepang"), ("Yogya", "Yogyakarta"),
                    ("Pulau Dewata", "Bali"), ("Afganistan", "Afghanistan"),
                    ("Daerah Istimewa Yogyakarta", "Yogyakarta")):
        assert m.entity("LOC", v) == m.entity("LOC", into) == (into,), v
    assert m.entity("LOC", "Singapore River") == ("Singapore River",)


def test_the_corpus_facets_show_places_by_their_indonesian_names(full_index_dir: Path) -> None:
    place = dict(facet_counts(full_index_dir)["place"])
    for v in ("Singapore", "Japan", "Yogya", "Pulau Dewata", "New Zealand"):
        assert v not in place, v
    for v in ("Singapura", "Jepang", "Yogyakarta", "Bali", "Selandia Baru"):
        assert place.get(v, 0) >= 50, v
