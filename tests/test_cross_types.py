"""One type per name across the organisation and place facets (indexer.cross_types), on
hand-made counts, through the entity map, applied to a prepared article, and as properties."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from indexer import lexicon
from indexer import schema as S
from indexer.analysis import Analyzer
from indexer.cross_types import moved_counts, retype_across
from indexer.document import Prepared, load_payload, prepare
from indexer.entities import extract_entities
from indexer.entity_map import EntityMap
from indexer.entity_norm import compute_map
from indexer.map_apply import apply_map
from indexer.name_keys import variant_key
from indexer.records import Record
from indexer.spill import alias_person

PLACES = frozenset({"jakarta", "madrid"})


def test_a_name_in_both_facets_gets_one_type() -> None:
    counts = {"ORG": {"Juventus": 31, "Barcelona": 195, "Madrid": 6, "ASEAN": 61,
                      "King Fahd International Stadium": 24, "Jakarta": 40, "Persija": 90,
                      "Roma": 13},
              "LOC": {"Juventus": 36, "Barcelona": 46, "Madrid": 71, "ASEAN": 37, "Asean": 19,
                      "King Fahd International Stadium": 11, "Jakarta": 45, "Bandung": 70,
                      "Roma": 60},
              "PER": {"Juventus": 2}}
    types = retype_across(counts, PLACES)
    # a club read as the scene ("di Juventus") in more than half of its articles is still one
    assert types["LOC"]["Juventus"] == "ORG" and types["LOC"]["Barcelona"] == "ORG"
    assert types["LOC"]["ASEAN"] == types["LOC"]["Asean"] == "ORG"  # by variant key
    # a place two times in three, a known place, a name of a kind of place: a place
    assert types["ORG"]["Roma"] == "LOC" and types["ORG"]["Madrid"] == "LOC"
    assert types["ORG"]["Jakarta"] == "LOC"
    assert types["ORG"]["King Fahd International Stadium"] == "LOC"
    # names in one facet only, and persons, stay
    assert "Persija" not in types["ORG"] and "Bandung" not in types["LOC"]
    assert "PER" not in types and "Juventus" not in types["ORG"]
    moved = moved_counts(counts, types)
    assert moved["ORG"]["Juventus"] == 67 and "Juventus" not in moved["LOC"]
    assert moved["LOC"]["Jakarta"] == 85 and moved["PER"] == counts["PER"]


def test_a_feature_of_nature_and_a_company_word_give_the_type() -> None:
    counts = {"ORG": {"Mariana Utara": 30, "Valencia": 80, "Madura United": 40},
              "LOC": {"Mariana Utara": 4, "Kepulauan Mariana Utara": 86, "Valencia": 12,
                      "Kota Valencia": 3, "Madura": 37, "Pulau Madura": 5,
                      "Marvel Studios": 27, "Lion Air Group": 3, "Stadion Studios": 2,
                      "Studios": 4, "Bandara Soekarno-Hatta": 50}}
    types = retype_across(counts, PLACES)
    # the end of a place's name that begins with an island or a mountain: a place
    assert types["ORG"]["Mariana Utara"] == "LOC"
    # a place's name ending in a company's word, holding no kind of place: an organisation
    assert types["LOC"]["Marvel Studios"] == types["LOC"]["Lion Air Group"] == "ORG"
    # must not change: a city that is also a club (not a natural feature), a name in one facet
    # only, a company word after a kind of place, a company word alone
    assert types["LOC"]["Valencia"] == "ORG" and "Madura United" not in types["ORG"]
    for v in ("Madura", "Stadion Studios", "Studios", "Bandara Soekarno-Hatta"):
        assert v not in types["LOC"], v
    # and the place joins the archipelago's name, where that is written more ("Kepulauan Riau"
    # is not Riau)
    m = compute_map({"PER": {}, **counts, "LOC": {**counts["LOC"], "Riau": 496,
                                                  "Kepulauan Riau": 94}}, {}, alias_person)
    assert m.type_of("ORG", "Mariana Utara") == "LOC"
    assert m.entity("LOC", "Mariana Utara") == ("Kepulauan Mariana Utara",)
    assert m.entity("LOC", "Riau") == ("Riau",)


def test_a_name_of_the_equivalents_file_takes_its_lines_type() -> None:
    counts = {"PER": {}, "ORG": {"Real Madrid": 164, "Negara Kesatuan Republik Indonesia": 29,
                                 "Barca": 50, "Barcelona": 240, "Persebaya": 52},
              "LOC": {"Los Blancos": 25, "Indonesia": 5754, "Bajul Ijo": 14, "Barcelona": 46,
                      "Kota Barcelona": 3}}
    types = retype_across(counts, PLACES)
    assert types["LOC"]["Los Blancos"] == types["LOC"]["Bajul Ijo"] == "ORG"
    assert types["ORG"]["Negara Kesatuan Republik Indonesia"] == "LOC"
    m = compute_map(counts, {}, alias_person)
    for typ, v, into in (("LOC", "Los Blancos", "Real Madrid"), ("ORG", "Barca", "Barcelona"),
                         ("LOC", "Bajul Ijo", "Persebaya"),
                         ("ORG", "Negara Kesatuan Republik Indonesia", "Indonesia")):
        assert m.entity(m.type_of(typ, v), v) == (into,), v
    # must not change: a name of the file written in its line's type only; a club's name the
    # file does not list keeps the type the counts give (a place read as a club's name)
    assert "Barca" not in types["ORG"] and types["LOC"]["Barcelona"] == "ORG"
    assert m.entity("LOC", "Kota Barcelona") == ("Kota Barcelona",)


def test_the_map_retypes_before_it_joins_and_keeps_it_in_json() -> None:
    m = compute_map({"PER": {}, "ORG": {"Juventus": 31, "Juventus FC": 40},
                     "LOC": {"Juventus": 36, "Turin": 20}}, {}, alias_person)
    assert m.type_of("LOC", "Juventus") == "ORG" and m.type_of("LOC", "Turin") == "LOC"
    assert m.type_of("ORG", "Juventus") == "ORG"
    # joined as one club, shown as written most once its place readings count (67 > 40)
    assert m.entity("ORG", "Juventus FC") == ("Juventus",)
    assert m.entity("ORG", "Juventus") == ("Juventus",)
    again = EntityMap.from_json(m.to_json())
    assert again == m
    for mm in (m, again):
        assert mm.type_of("LOC", "JUVENTUS") == "ORG"  # an unseen spelling, by variant key
        assert mm.type_of("LOC", "Milan") == "LOC"
    # a map stored without types (an older index) reads as one that moves nothing
    old = {k: v for k, v in m.to_json().items() if k != "types"}
    assert EntityMap.from_json(old).type_of("LOC", "Juventus") == "LOC"


def test_apply_map_moves_values_and_mentions_to_their_type() -> None:
    body = ("Pelatih Maurizio Sarri membawa Juventus menang atas Napoli di Turin, Italia. "
            "Juventus kini memimpin klasemen.")
    rec = Record("t:1", {"id": "x1", "title": "Juventus menang", "body": body})
    prep = prepare(rec, Analyzer(lexicon=lexicon.static_names(), protect_names=True))
    assert isinstance(prep, Prepared)
    stored = load_payload(prep.fields[S.PAYLOAD])
    (had,) = [t for t in ("ORG", "LOC") if "Juventus" in stored.entities.get(t, ())]
    other = "LOC" if had == "ORG" else "ORG"
    counts = {"PER": {}, had: {"Juventus": 1}, other: {"Juventus": 10}}
    m = compute_map(counts, {}, alias_person)
    assert m.type_of(had, "Juventus") == other
    out = load_payload(apply_map(prep, m).fields[S.PAYLOAD])
    assert "Juventus" in out.entities[other] and "Juventus" not in out.entities[had]
    assert {x.type for x in out.mentions if x.name == "Juventus"} == {other}
    assert [x for x in out.mentions if x.name != "Juventus"] == \
        [x for x in stored.mentions if x.name != "Juventus"]
    fields = apply_map(prep, m).fields
    assert "Juventus" in fields[S.ENTITY_FIELDS[other]]
    assert "Juventus" not in (fields.get(S.ENTITY_FIELDS[had]) or ())


def test_ri_after_a_hyphen_and_spellings_of_one_place_join() -> None:
    m = compute_map({"PER": {}, "ORG": {"DPR": 300, "DPR-RI": 17, "MPR": 90},
                     "LOC": {"Solo": 120, "Surakarta": 31}}, {}, alias_person)
    assert m.entity("ORG", "DPR-RI") == ("DPR",)
    assert m.entity("ORG", "MPR") == ("MPR",)
    assert m.entity("LOC", "Surakarta") == ("Solo",)
    # an acronym with "RI" after it is the acronym: it joins the full name it spells
    m = compute_map({"PER": {}, "ORG": {"Dewan Perwakilan Rakyat": 1900, "DPR-RI": 17,
                                        "Dewan Perwakilan Daerah": 42, "DPD RI": 32,
                                        "BPOM RI": 5, "Bank Rakyat Indonesia": 80, "RI": 4},
                     "LOC": {}}, {}, alias_person)
    assert m.entity("ORG", "DPR-RI") == ("Dewan Perwakilan Rakyat",)
    assert m.entity("ORG", "DPD RI") == ("Dewan Perwakilan Daerah",)
    assert m.entity("ORG", "BPOM RI") == ("BPOM RI",)  # no name it spells
    assert m.entity("ORG", "RI") == ()  # two letters that join no longer name: no value


def test_a_generic_head_alone_is_no_organisation() -> None:
    names = {(e.type, e.name) for e in extract_entities(
        "Korban dibawa ke Rumah Sakit untuk dirawat. Ia lalu dipindah ke Rumah Sakit Cipto "
        "Mangunkusumo di Jakarta.")}
    assert not any(n == "Rumah Sakit" for _, n in names)
    assert any(n.startswith("Rumah Sakit Cipto") for _, n in names)


_NAMES = st.sampled_from(["Juventus", "JUVENTUS", "Jakarta", "Napoli", "Gedung Sate", "Roma",
                          "Persija", "Madrid"])


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(_NAMES, st.integers(1, 100), max_size=8),
       st.dictionaries(_NAMES, st.integers(1, 100), max_size=8))
def test_every_name_ends_in_one_type_whatever_the_order(org: dict[str, int],
                                                        loc: dict[str, int]) -> None:
    counts = {"PER": {}, "ORG": org, "LOC": loc}
    types = retype_across(counts, PLACES)
    moved = moved_counts(counts, types)
    keys = {t: {variant_key(v) for v in moved[t]} for t in ("ORG", "LOC")}
    assert not keys["ORG"] & keys["LOC"]
    assert sum(map(sum, (c.values() for c in moved.values()))) == sum(org.values()) + sum(
        loc.values())
    flipped = {"PER": {}, "ORG": dict(reversed(list(org.items()))),
               "LOC": dict(reversed(list(loc.items())))}
    assert retype_across(flipped, PLACES) == types


def test_a_ministrys_short_name_joins_the_one_ministry_it_abbreviates() -> None:
    org = {"Kementerian Pertanian": 112, "Kementan": 60, "Kementerian Perdagangan": 45,
           "Kemendag": 27, "Kementerian Pendayagunaan Aparatur Negara": 20, "Kemenpan": 4,
           "Kementerian Agama": 30, "Kemenag": 12, "Kemenag RI": 4, "Kementerian": 9,
           "Kemenhan": 4, "Kementerian Pertahanan": 30}
    m = compute_map({"PER": {}, "ORG": org, "LOC": {}}, {}, alias_person)
    assert m.entity("ORG", "Kementan") == ("Kementerian Pertanian",)
    assert m.entity("ORG", "Kemendag") == ("Kementerian Perdagangan",)
    assert m.entity("ORG", "Kemenpan") == ("Kementerian Pendayagunaan Aparatur Negara",)
    assert m.entity("ORG", "Kemenag RI") == ("Kementerian Agama",)
    assert m.entity("ORG", "Kementerian") == ("Kementerian",)
    assert m.entity("ORG", "Kemenhan") == ("Kemenhan",)  # "han" starts no word of Pertahanan
    # two ministries it may abbreviate, neither three times the other: it stays
    m = compute_map({"PER": {}, "ORG": {"Kementerian Pertanian": 100, "Kementan": 60,
                                        "Kementerian Pertanahan": 90}, "LOC": {}}, {},
                    alias_person)
    assert m.entity("ORG", "Kementan") == ("Kementan",)
    # the field's syllables after the full head word
    m = compute_map({"PER": {}, "ORG": {"Kementerian Komunikasi dan Informatika": 84,
                                        "Kementerian Kominfo": 17, "Kementerian Keuangan": 182,
                                        "Kementerian Kehutanan": 10,
                                        "Kementerian Lingkungan Hidup dan Kehutanan": 188},
                     "LOC": {}}, {}, alias_person)
    assert m.entity("ORG", "Kementerian Kominfo") == ("Kementerian Komunikasi dan Informatika",)
    # must not change: a field that is no start of another's, a field of its own
    for v in ("Kementerian Keuangan", "Kementerian Kehutanan"):
        assert m.entity("ORG", v) == (v,), v
