"""Near names in the corpus-level map (indexer.near_names, indexer.extra_words): misspelt
persons' names and clubs written without their club word; with the cases that must not change."""

from __future__ import annotations

from indexer.entity_map import EntityMap
from indexer.entity_norm import compute_map
from indexer.spill import alias_person


def _map(per: dict[str, int] | None = None, org: dict[str, int] | None = None) -> EntityMap:
    return compute_map({"PER": per or {}, "ORG": org or {}, "LOC": {}}, {}, alias_person)


def test_a_misspelt_name_joins_the_name_written_most() -> None:
    m = _map({"Bacharuddin Jusuf Habibie": 672, "Baharuddin Jusuf Habibie": 24,
              "Bacharudin Jusuf Habibie": 7, "Nawawi Pomolango": 100, "Nawawi Pamolango": 7,
              "Imam Nahrawi": 272, "Iman Nahrawi": 8, "Dedi Prasetyo": 82, "Dedi Prasetya": 40,
              "Joko Widodo": 1643, "Joko Wododo": 1, "Joko Anwar": 35, "Joko Susilo": 3,
              "Joko Santoso": 2, "Joko Pinurbo": 2, "Dedi Mulyadi": 30, "Dedi Kusnandar": 5,
              "Dedi Supratman": 3, "Dedi Wijaya": 2})
    for v in ("Baharuddin Jusuf Habibie", "Bacharudin Jusuf Habibie"):
        assert m.entity("PER", v) == ("Bacharuddin Jusuf Habibie",), v
    assert m.entity("PER", "Nawawi Pamolango") == ("Nawawi Pomolango",)
    # must not change: a short word ("Iman", "Imam" are two names; "Wododo" beside a first
    # name many names hold), a name written less than three times as often (and a first name
    # many names hold)
    for v in ("Iman Nahrawi", "Dedi Prasetya", "Joko Wododo"):
        assert m.entity("PER", v) == (v,), v


def test_a_short_word_misspelt_joins_where_the_other_words_are_rare() -> None:
    m = _map({"Abisai Rollo": 27, "Abisai Rolio": 10, "Rohit Chand": 21, "Rohit Cand": 3,
              "Dedi Prasetyo": 82, "Dedi Prasetya": 40, "Imam Nahrawi": 272, "Iman Nahrawi": 8,
              "Wendy Cagur": 9, "Wendi Cagur": 2, "Wendi Susanto": 4, "Wendy Susanto": 2,
              "Agus Susanto": 5, "Budi Susanto": 5, "Eko Susanto": 3, "Heri Susanto": 2,
              "Dedi Mulyadi": 30, "Dedi Kusnandar": 5, "Dedi Supratman": 3, "Dedi Wijaya": 2,
              "Andik Vermansah": 16, "Andik Vermansyah": 7, "Andik Vermasah": 1,
              "Andik Setyo": 1, "Margo Yuwono": 3, "Argo Yuwono": 99})
    assert m.entity("PER", "Abisai Rolio") == ("Abisai Rollo",)
    assert m.entity("PER", "Rohit Cand") == ("Rohit Chand",)
    assert m.entity("PER", "Wendi Cagur") == ("Wendy Cagur",)
    # a long word too, at the lower dominance (16 and 7 articles)
    assert m.entity("PER", "Andik Vermansyah") == ("Andik Vermansah",)
    # must not change: a word of four letters; a first name or a surname six names hold
    # ("Dedi", "Susanto"); a word that begins otherwise ("Margo", "Argo")
    for v in ("Iman Nahrawi", "Dedi Prasetya", "Wendy Susanto", "Wendi Susanto",
              "Margo Yuwono"):
        assert m.entity("PER", v) == (v,), v


def test_a_word_one_persons_spellings_hold_is_still_a_rare_word() -> None:
    # "yasonna" is held by seven raw names (the 22k corpus's), six of them one person's
    # spellings the map joins first: two people's words, rare enough for "Laloly" to join
    spellings = {"Yasonna Laoly": 117, "Yasonna H Laoly": 15, "Yasonna Hamonangan Laoly": 10,
                 "Yasonna Hamonganan Laoly": 2, "Yasonna H": 2, "Yasonna": 23, "Laoly": 11}
    m = _map({**spellings, "Yasonna Laloly": 1, "Rohit Chand": 21})
    assert {m.entity("PER", v) for v in spellings} == {("Yasonna Laoly",)}
    assert m.entity("PER", "Yasonna Laloly") == ("Yasonna Laoly",)
    # must not change: the word held by six people's names ("Daffa")
    six = _map({"Aditya Daffa": 15, "Aditya Daffa Al Haqi": 11, "Adity Daffa": 4,
                "Abah Daffa": 1, "Aditya Daffa Al Hadi": 3, "Daffa Wardhana": 1,
                "Fikri Muhammad Daffa": 1})
    assert six.entity("PER", "Adity Daffa") == ("Adity Daffa",)


def test_a_club_without_its_club_word_joins_the_one_club() -> None:
    m = _map(org={"Norwich": 28, "Norwich City": 44, "Dortmund": 41, "Borussia Dortmund": 71,
                  "Borrussia Dortmund": 3, "Milan": 40, "AC Milan": 31, "Inter Milan": 98,
                  "Chelsea": 121, "Barito": 14, "Barito Putera": 45, "Persib": 136,
                  "Persib Bandung": 20, "Tira Persikabo": 57, "PS Tira Persikabo": 22})
    assert m.entity("ORG", "Norwich") == ("Norwich City",)
    assert m.entity("ORG", "PS Tira Persikabo") == ("Tira Persikabo",)  # the bare name first
    assert m.entity("ORG", "Dortmund") == ("Borussia Dortmund",)
    assert m.entity("ORG", "Barito") == ("Barito Putera",)
    # must not change: two clubs of one city, a club named without its word more often
    assert m.entity("ORG", "Milan") == ("Milan",)
    assert m.entity("ORG", "AC Milan") == ("AC Milan",)
    assert m.entity("ORG", "Chelsea") == ("Chelsea",)


def test_a_clubs_name_of_several_words_joins_it_with_its_club_word_however_rare() -> None:
    # the corpus's counts: "Kalteng Putra" 49, "Kalteng Putra FC" 4
    m = _map(org={"Kalteng Putra": 49, "Kalteng Putra FC": 4, "Madura United": 11,
                  "Madura United FC": 1, "Norwich": 28, "Norwich FC": 2})
    assert m.entity("ORG", "Kalteng Putra FC") == ("Kalteng Putra",)
    assert m.entity("ORG", "Madura United FC") == ("Madura United",)
    # must not change: a bare name of one word (a town's) beside a club's name written rarely
    assert m.entity("ORG", "Norwich") == ("Norwich",)
    assert m.entity("ORG", "Norwich FC") == ("Norwich FC",)


def test_a_body_named_after_an_officers_title_joins_the_body() -> None:
    m = _map(org={"Polda Metro Jaya": 232, "Kabid Humas Polda Metro Jaya": 44,
                  "Pelatih Persib": 9, "Persib": 136, "Kanselir Jerman": 4,
                  "Mas Murni Indonesia Tbk": 2, "Humas": 3})
    assert m.entity("ORG", "Kabid Humas Polda Metro Jaya") == ("Polda Metro Jaya",)
    assert m.entity("ORG", "Pelatih Persib") == ("Persib",)
    # must not change: titles before no organisation's name
    for v in ("Kanselir Jerman", "Mas Murni Indonesia Tbk"):
        assert m.entity("ORG", v) == (v,), v
    # a title alone joins nothing, and is no value of its own (generic_values)
    assert m.entity("ORG", "Humas") == ()


def test_a_one_word_name_held_by_one_full_name_joins_it() -> None:
    m = compute_map({"PER": {"Kumalasari": 45, "Barbie Kumalasari": 28, "Gisel": 39,
                             "Gisella Anastasia": 21, "Radit": 12, "Raditya Dika": 40,
                             "Rudi": 22, "Rudiantara Informatika": 12, "Andi": 30,
                             "Andika Pratama": 15, "Andini Putri": 12, "Soeha": 104,
                             "Soeharto Tommy": 12},
                     "ORG": {"Kementerian Komunikasi dan Informatika": 84}, "LOC": {}},
                    {}, alias_person)
    assert m.entity("PER", "Gisel") == ("Gisella Anastasia",)
    assert m.entity("PER", "Radit") == ("Raditya Dika",)
    # a whole word of the one full name it is written in (the tagger's "Barbie [Kumalasari]")
    assert m.entity("PER", "Kumalasari") == ("Barbie Kumalasari",)
    # must not change: a full name with an organisation's word, a start held by two names, a
    # full name named much less often
    for v, full in (("Rudi", "Rudiantara Informatika"), ("Andi", "Andika Pratama"),
                    ("Soeha", "Soeharto Tommy")):
        assert m.entity("PER", v) != (full,), v


def test_a_whole_word_of_two_full_names_joins_neither() -> None:
    m = compute_map({"PER": {"Kumalasari": 45, "Barbie Kumalasari": 28, "Nur Kumalasari": 4,
                             "Mulan": 25, "Mulan Jameela": 14, "Hua Mulan": 1, "Tommy Sugiarto": 30,
                             "Soeharto": 104, "Tommy Soeharto": 12},
                     "ORG": {}, "LOC": {}}, {}, alias_person)
    assert m.entity("PER", "Mulan") == ("Mulan Jameela",)  # a one-off is no other name
    # must not change: two full names hold it; a full name named much less often
    assert m.entity("PER", "Kumalasari") != ("Barbie Kumalasari",)
    assert m.entity("PER", "Soeharto") == ("Soeharto",)


def test_names_equal_but_for_hyphens_join() -> None:
    m = compute_map({"PER": {}, "ORG": {},
                     "LOC": {"Bandara Soekarno-Hatta": 31, "Bandara Soekarno Hatta": 17,
                             "Kemang": 47, "Jepang": 586}}, {}, alias_person)
    assert m.entity("LOC", "Bandara Soekarno Hatta") == ("Bandara Soekarno-Hatta",)
    assert m.entity("LOC", "Kemang") == ("Kemang",)  # one letter apart: two places


def test_a_body_without_its_unit_word_joins_the_one_name_with_it() -> None:
    m = compute_map({"PER": {}, "ORG": {"Metro Jaya": 21, "Polda Metro Jaya": 228,
                                        "Jatim": 12, "Polda Jatim": 36, "Pemprov Jatim": 20,
                                        "Bekasi": 5, "Polres Bekasi": 9, "BUMN": 89,
                                        "Kementerian BUMN": 26},
                     "LOC": {"Bekasi": 246}}, {}, alias_person)
    assert m.entity("ORG", "Metro Jaya") == ("Polda Metro Jaya",)
    # must not change: two bodies with the name, a place's name, a longer name named less often,
    # one word that names a country alone
    m2 = compute_map({"PER": {}, "ORG": {"RI": 4, "DPD RI": 32}, "LOC": {}}, {}, alias_person)
    assert m2.entity("ORG", "RI") != ("DPD RI",)  # (two letters alone: no value at all)
    for v in ("Jatim", "Bekasi"):
        assert m.entity(m.type_of("ORG", v), v) == (v,), v
    assert m.entity("ORG", "BUMN") == ()  # not the ministry's: a kind (data/kind_names.txt)


def test_a_persons_name_after_an_office_cut_short_joins_the_person() -> None:
    org = {"Kementerian Komunikasi dan Informatika": 40, "Universitas Agung Jaya": 30,
           "Fakultas Informatika": 5}
    m = _map({"Rudianto": 22, "Informatika Rudianto": 11, "Kementerian Wulan": 3,
              "Sari Wulandari": 9, "Agung Santoso": 7, "Santoso": 20, "Hendra Rudianto": 4,
              "Agung Laksono": 30},
             org)
    assert m.entity("PER", "Informatika Rudianto") == ("Rudianto",)
    # must not change: a first word that is also a person's own name's ("Agung"); the rest no
    # person of the corpus; a first word of no organisation's name
    assert m.entity("PER", "Agung Santoso") == ("Agung Santoso",)
    assert m.entity("PER", "Kementerian Wulan") == ("Kementerian Wulan",)
    assert m.entity("PER", "Hendra Rudianto") == ("Hendra Rudianto",)


def test_a_start_of_any_word_of_one_full_name_joins_it() -> None:
    m = _map({"Kumala": 33, "Barbie Kumalasari": 66, "Harto": 12, "Budi Harto": 5,
              "Hartono Wijaya": 9, "Sri Hartono": 8})
    assert m.entity("PER", "Kumala") == ("Barbie Kumalasari",)
    # must not change: a start of words of several full names (and a whole word of another)
    assert m.entity("PER", "Harto") == ("Harto",)
