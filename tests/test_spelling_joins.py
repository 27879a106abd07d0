"""Spellings of one name in the corpus-level map: a given name's spellings and short forms
(indexer.name_keys.spelling_key, data/name_spellings.txt), German "ue", a company's name with
and without its company word (data/org_suffixes.txt), a club's short name, "z" for "s" in
places, and demonyms that are no places; with the cases that must not change."""

from __future__ import annotations

from indexer.corpus_pass import alias_person
from indexer.entity_norm import EntityMap, compute_map
from indexer.name_keys import spelling_key


def _map(per: dict[str, int] | None = None, org: dict[str, int] | None = None,
         loc: dict[str, int] | None = None) -> EntityMap:
    return compute_map({"PER": per or {}, "ORG": org or {}, "LOC": loc or {}}, {}, alias_person)


def test_a_first_names_spellings_and_german_ue_are_one_key() -> None:
    for v in ("M Fauzan Rahmat", "M. Fauzan Rahmat", "Mohamad Fauzan Rahmat",
              "Mochammad Fauzan Rahmat", "Muh Fauzan Rahmat"):
        assert spelling_key(v) == "muhammad fauzan rahmat", v
    assert spelling_key("Achmad Rifqi") == spelling_key("Ahmad Rifqi")
    assert spelling_key("Juergen Nagel") == spelling_key("Jurgen Nagel") == "jurgen nagel"
    # must not change: an initial after the first word (any name's), "ue" of Chinese and
    # Acehnese names, a name of which it is only the start
    assert spelling_key("Rendra M") == "rendra m"
    assert spelling_key("Laode M Rahmat") == "laode m rahmat"
    assert spelling_key("Xue Ying") == "xue ying"
    assert spelling_key("Polres Bireuen") == "polres bireuen"
    assert spelling_key("Muhammadiyah Malang") == "muhammadiyah malang"


def test_spellings_of_one_name_join() -> None:
    m = _map(per={"Muhammad Fauzan": 41, "M Fauzan": 17, "Mohamad Fauzan": 15,
                  "Fauzan Djamil": 30, "Juergen Nagel": 18, "Jurgen Nagel": 39, "Nagel": 10,
                  "Rendra M": 3, "Rendra Maulana": 20, "Xu": 2, "Feng Xue Ying": 3})
    for v in ("M Fauzan", "Mohamad Fauzan"):
        assert m.entity("PER", v) == ("Muhammad Fauzan",), v
    for v in ("Juergen Nagel", "Nagel"):
        assert m.entity("PER", v) == ("Jurgen Nagel",), v
    # must not change: another person of the surname, a name ending in an initial, a syllable
    assert m.entity("PER", "Fauzan Djamil") == ("Fauzan Djamil",)
    assert m.entity("PER", "Rendra M") == ("Rendra Maulana",)
    assert m.entity("PER", "Xu") != ("Feng Xue Ying",)


def test_a_company_without_its_company_word_joins_it() -> None:
    m = _map(org={"KQ Entertainment": 58, "KQ": 19, "Teras Group": 40, "Teras": 90,
                  "Kelantan FA": 10, "FA": 30, "XY Jaya": 50, "XY": 10, "PB": 40,
                  "PB Group": 3, "PB Entertainment": 3})
    assert m.entity("ORG", "KQ") == ("KQ Entertainment",)
    assert m.entity("ORG", "Teras Group") == ("Teras",)
    # must not change: two letters before another word, a name with two such longer names
    for v in ("FA", "XY", "PB"):
        assert m.entity("ORG", v) == (v,), v


def test_a_name_cut_before_dan_joins_the_whole_name() -> None:
    m = _map(org={"Kementerian Tanah": 42, "Kementerian Tanah dan Tata Ruang": 34,
                  "Dewan Adat": 50, "Dewan Adat Papua": 10, "Dewan Adat Dayak": 9})
    # shown whole, though the cut form is written more often
    for v in ("Kementerian Tanah", "Kementerian Tanah dan Tata Ruang"):
        assert m.entity("ORG", v) == ("Kementerian Tanah dan Tata Ruang",), v
    # must not change: a name that goes on with other words in less frequent names
    assert m.entity("ORG", "Dewan Adat") == ("Dewan Adat",)


def test_an_organisations_words_in_another_order_are_one_name() -> None:
    m = _map(org={"Timnas Lampung U-16": 72, "Timnas U-16 Lampung": 34, "Timnas U-16": 47,
                  "Badan Bencana Nasional": 200, "Badan Nasional Bencana": 4,
                  "Bank Raya": 20, "Raya Bank": 3},
             loc={"Lampung": 100})
    assert m.entity("ORG", "Timnas U-16 Lampung") == ("Timnas Lampung U-16",)
    # and a name without its place then joins the one name with it ("X" ~ "X <place>")
    assert m.entity("ORG", "Timnas U-16") == ("Timnas Lampung U-16",)
    assert m.entity("ORG", "Badan Nasional Bencana") == ("Badan Bencana Nasional",)
    # must not change: names of two words
    assert m.entity("ORG", "Raya Bank") == ("Raya Bank",)


def test_a_clubs_short_name_joins_the_one_name_it_begins() -> None:
    m = _map(org={"Fiorentina": 60, "Fior": 15, "Bayer": 10, "Bayern": 60, "Persatu": 3,
                  "Persatuan": 40, "Samp": 9, "Sampdoria": 12, "Sampit": 12})
    assert m.entity("ORG", "Fior") == ("Fiorentina",)
    # must not change: a word a letter or two longer is another word; two names it begins
    for v in ("Bayer", "Persatu", "Samp"):
        assert m.entity("ORG", v) == (v,), v


def test_z_for_s_in_places_and_demonyms() -> None:
    m = _map(loc={"Mosambik": 30, "Mozambik": 5, "Tunis": 10, "Tuniz": 5, "Kolumbia": 100,
                  "Kolumbian": 10, "Labuha": 50, "Labuhan": 10, "Kaledonia": 20,
                  "Kaledonian": 10})
    assert m.entity("LOC", "Mozambik") == ("Mosambik",)
    assert m.entity("LOC", "Kolumbian") == ()
    # must not change: a spelling under three times as often; a place ending in "-an" beside
    # one without it, a demonym of a place under three times as often
    for v in ("Tunis", "Tuniz", "Labuhan", "Labuha", "Kaledonian"):
        assert m.entity("LOC", v) == (v,), v
