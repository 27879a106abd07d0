"""Spellings of one name in the corpus-level map: a given name's spellings and short forms
(indexer.name_keys.spelling_key, data/name_spellings.txt), German "ue", a company's name with
and without its company word (data/org_suffixes.txt), a club's short name, "z" for "s" in
places, and demonyms that are no places; with the cases that must not change."""

from __future__ import annotations

from indexer.entity_map import EntityMap
from indexer.entity_norm import compute_map
from indexer.name_keys import loose_words, spelling_key, word_variants
from indexer.spill import alias_person


def _map(per: dict[str, int] | None = None, org: dict[str, int] | None = None,
         loc: dict[str, int] | None = None) -> EntityMap:
    return compute_map({"PER": per or {}, "ORG": org or {}, "LOC": loc or {}}, {}, alias_person)


def test_a_first_names_spellings_and_german_ue_are_one_key() -> None:
    for v in ("M Fauzan Rahmat", "M. Fauzan Rahmat", "Mohamad Fauzan Rahmat",
              "Mochammad Fauzan Rahmat", "Muh Fauzan Rahmat"):
        assert spelling_key(v) == "muhammad fauzan rahmat", v
    assert spelling_key("Achmad Rifqi") == spelling_key("Ahmad Rifqi")
    assert spelling_key("Juergen Nagel") == spelling_key("Jurgen Nagel") == "jurgen nagel"
    assert spelling_key("Beto Pereira") == spelling_key("Alberto Pereira") == "alberto pereira"
    # must not change: an initial after the first word (any name's), "ue" of Chinese and
    # Acehnese names, a name of which it is only the start
    assert spelling_key("Rendra M") == "rendra m"
    assert spelling_key("Laode M Rahmat") == "laode m rahmat"
    assert spelling_key("Xue Ying") == "xue ying"
    assert spelling_key("Polres Bireuen") == "polres bireuen"
    assert spelling_key("Muhammadiyah Malang") == "muhammadiyah malang"
    assert spelling_key("Pereira Beto") == "pereira beto"
    assert spelling_key("Betoambari") == "betoambari"


def test_english_short_forms_and_a_junior_are_one_key() -> None:
    assert spelling_key("Mike Pompeo") == spelling_key("Michael Pompeo")
    assert spelling_key("Tony Ferguson") == spelling_key("Anthony Ferguson")
    for v in ("Neymar Jr", "Neymar Jr.", "Neymar Junior"):
        assert spelling_key(v) == "neymar junior", v
    # must not change: a short form of several names, "Jr" not last, a name it begins
    assert spelling_key("Jack Reed") == "jack reed"
    assert spelling_key("Jr Santos") == "jr santos"
    assert spelling_key("Neymar Jrs") == "neymar jrs"
    assert spelling_key("Tommy Suharto") == "tommy suharto"


def test_english_short_forms_and_a_junior_join() -> None:
    m = _map(per={"Mike Pompeo": 76, "Michael Pompeo": 9, "Neymar Jr": 30, "Neymar Junior": 5,
                  "Neymar": 34, "Jack Reed": 1, "John Reed": 3})
    assert m.entity("PER", "Michael Pompeo") == ("Mike Pompeo",)
    for v in ("Neymar Junior", "Neymar"):  # the bare name then part of one full name alone
        assert m.entity("PER", v) == ("Neymar Jr",), v
    assert m.entity("PER", "Jack Reed") == ("Jack Reed",)


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
    # must not join: two letters before another word, a name with two such longer names (two
    # letters that join no longer name are no value at all: expanded_names.letter_pairs)
    for v in ("FA", "XY", "PB"):
        assert m.entity("ORG", v) == (), v


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
                  "Bank Raya": 20, "Raya Bank": 3, "U-16 Lampung": 21},
             loc={"Lampung": 100})
    assert m.entity("ORG", "Timnas U-16 Lampung") == ("Timnas Lampung U-16",)
    assert m.entity("ORG", "U-16 Lampung") == ("Timnas Lampung U-16",)  # as "Partai X" ~ "X"
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


def test_loose_spellings_of_a_persons_name_join_beside_a_shared_word() -> None:
    assert loose_words("Haziz Samsuddin") == loose_words("Hasis Samsudin") == ("hasis", "samsudin")
    assert loose_words("Ramadhan Syarief") == loose_words("Ramadan Syarif")
    m = _map(per={"Haziz Samsuddin": 24, "Hasis Samsuddin": 12, "Haziz Samsudin": 10,
                  "Hasis Samsudin": 2, "Hasis Rani": 16, "Fadli Zon": 40, "Fadly Son": 3})
    for v in ("Hasis Samsuddin", "Haziz Samsudin", "Hasis Samsudin"):
        assert m.entity("PER", v) == ("Haziz Samsuddin",), v
    # must not change: another name of one shared word; names loosely alike that share no word
    # spelt alike (two names, as far as the corpus shows); one-word names
    for v in ("Hasis Rani", "Fadli Zon", "Fadly Son"):
        assert m.entity("PER", v) == (v,), v
    m = _map(per={"Hasis": 12, "Haziz": 30})
    assert m.entity("PER", "Hasis") == ("Hasis",)


def test_a_part_counts_every_spelling_of_the_names_that_may_hold_it() -> None:
    # "Syarief" may be Elza Syarief's or Laode Syarif's: no one name takes it (read strictly,
    # only Elza Syarief holds it)
    assert word_variants(["Laode Syarief", "Laode M Syarif", "Laode Syarif", "Fahri Hamzah",
                          "Fakhri Husaini", "Syarief"]) == {"syarief": "syarief",
                                                            "syarif": "syarief"}
    m = _map(per={"Elza Syarief": 48, "Laode M Syarif": 84, "Laode Syarif": 9, "Laode Syarief": 3,
                  "Syarief": 15,
                  "Hamid Rusdi": 50, "Hamid Rusdie": 2, "Rusdie": 10,
                  "Fahri Hamzah": 138, "Fakhri Husaini": 43, "Fahri": 30})
    assert m.entity("PER", "Syarief") == ()
    # a part of one name, written in the other spelling, which the corpus shows beside it
    assert m.entity("PER", "Rusdie") == ("Hamid Rusdi",)
    # must not change: spellings the corpus never shows as one name's
    assert m.entity("PER", "Fahri") == ("Fahri Hamzah",)
    m = _map(per={"Elza Syarief": 48, "Laode M Syarif": 84, "Syarief": 15})
    assert m.entity("PER", "Syarief") == ("Elza Syarief",)


def test_an_initial_is_no_spelling_of_the_word_it_begins() -> None:
    assert word_variants(["M Syarif", "Muhammad Syarif", "Muhamad Syarif"]) == {
        "muhamad": "muhamad", "muhammad": "muhamad"}
    m = _map(per={"Laode M Syarif": 84, "Laode Muhammad Syarif": 18, "Laode Muhamad Syarif": 3,
                  "M Syarif": 2, "Muhammad Syarif": 1})
    assert m.entity("PER", "Laode Muhammad Syarif") == ("Laode M Syarif",)
    assert m.entity("PER", "Laode Muhamad Syarif") == ("Laode M Syarif",)
