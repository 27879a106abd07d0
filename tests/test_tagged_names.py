"""A person's name with a tag that is no part of it (indexer.tagged_names): a group's name
after it, an office's short form before it; and a long name spelt two ways
(indexer.near_names.join_spelt_names); with the cases that must not change. Counts are the
22k corpus's."""

from __future__ import annotations

from pathlib import Path

import tantivy

from indexer import schema as S
from indexer import store
from indexer.document import load_payload
from indexer.entity_map import EntityMap
from indexer.entity_norm import compute_map
from indexer.spill import alias_person
from indexer.tagged_names import office_word


def _map(per: dict[str, int], org: dict[str, int] | None = None) -> EntityMap:
    return compute_map({"PER": per, "ORG": org or {}, "LOC": {}}, {}, alias_person)


def test_an_office_short_form_the_titles_do_not_list() -> None:
    for word in ("menpupera", "menpanrb", "sesmenpora", "wamenlu", "menproa", "presidan"):
        assert office_word(word), word
    # must not: a title itself (the extractor's), a short word, names
    for word in ("menpora", "presiden", "mendy", "supati", "basuki", "hadimuljono", "sesko"):
        assert not office_word(word), word


def test_an_office_before_a_full_name_joins_the_person() -> None:
    m = _map({"Basuki Hadimuljono": 78, "Menpupera Basuki Hadimuljono": 7,
              "Gatot S Dewa Broto": 13, "Sesmenpora Gatot S Dewa Broto": 3,
              "Imam Nahrawi": 263, "Menproa Imam Nahrawi": 1,
              "Faisal Syafruddin": 25, "Syafruddin": 9, "MenpanRB Syafruddin": 1})
    assert m.entity("PER", "Menpupera Basuki Hadimuljono") == ("Basuki Hadimuljono",)
    assert m.entity("PER", "Sesmenpora Gatot S Dewa Broto") == ("Gatot S Dewa Broto",)
    assert m.entity("PER", "Menproa Imam Nahrawi") == ("Imam Nahrawi",)
    # must not change: an office before one word, which may be another person's of that name
    # (the minister Syafruddin beside Faisal Syafruddin)
    assert m.entity("PER", "MenpanRB Syafruddin") == ("MenpanRB Syafruddin",)


def test_a_group_after_a_person_s_name_joins_the_person() -> None:
    m = _map({"Jungkook": 42, "Jungkook BTS": 7, "Jeon Jungkook": 2, "Yeonjun": 4,
              "Yeonjun TXT": 2, "Eunhyuk": 10, "Eunhyuk Super Junior": 1,
              "Joaquin Phoenix": 13, "Joaquin": 3},
             {"BTS": 146, "TXT": 12, "Super Junior": 32, "Phoenix": 5})
    for tagged, person in (("Jungkook BTS", "Jungkook"), ("Yeonjun TXT", "Yeonjun"),
                           ("Eunhyuk Super Junior", "Eunhyuk")):
        assert m.entity("PER", tagged) == (person,), tagged
        assert m.entity("PER", person) == (person,), person
    # must not change: a full name whose surname is an organisation's name, which its first
    # name alone joins ("Joaquin Phoenix"); a group's name the corpus has under another type
    assert m.entity("PER", "Joaquin Phoenix") == ("Joaquin Phoenix",)
    assert m.entity("PER", "Joaquin") == ("Joaquin Phoenix",)
    alone = _map({"Jungkook": 42, "Jungkook BTS": 7}, {"BTS": 2})
    assert alone.entity("PER", "Jungkook BTS") == ("Jungkook BTS",)


def test_a_group_after_a_first_name_of_many_stays() -> None:
    # "Lisa" alone is no one's value: many are called so; "Lisa Blackpink" stays hers
    m = _map({"Lisa Blackpink": 8, "Lisa": 20, "Lisa Mariana": 9, "Lisa Natalia": 8,
              "Lisa Marlina": 7}, {"Blackpink": 67})
    assert m.entity("PER", "Lisa") == ()
    assert m.entity("PER", "Lisa Blackpink") == ("Lisa Blackpink",)


def test_a_long_name_spelt_two_ways_is_one() -> None:
    m = _map({"Joan Tomas": 15, "Joan Tomas Campasol": 6, "Joan Tomas Compasol": 4,
              "Gempita Nora Marten": 25, "Gempita Noura Marten": 4, "Gading Marten": 90,
              "Thareq Kemal Habibie": 127, "Thareq Kamal Habibie": 2,
              "Kim Hyung Soo": 1, "Kim Myung Soo": 1, "Nguyen Tien Linh": 1,
              "Nguyen Tien Minh": 1, "Lenovo Yoga C640": 1, "Lenovo Yoga C940": 1,
              "Erma Suryani Ranik": 30, "Lee Dong Wook": 9, "Lee Donv Wook": 1})
    assert m.entity("PER", "Joan Tomas Compasol") == m.entity("PER", "Joan Tomas Campasol")
    # the start of the two spellings, which the parts left apart, is theirs
    assert m.entity("PER", "Joan Tomas") == m.entity("PER", "Joan Tomas Campasol")
    assert m.entity("PER", "Gempita Noura Marten") == ("Gempita Nora Marten",)
    assert m.entity("PER", "Thareq Kamal Habibie") == ("Thareq Kemal Habibie",)
    # must not change: another first letter, a short word (Korean and Vietnamese names'
    # syllables), a model's number
    for v in ("Kim Hyung Soo", "Kim Myung Soo", "Nguyen Tien Linh", "Nguyen Tien Minh",
              "Lenovo Yoga C640", "Lenovo Yoga C940", "Lee Donv Wook"):
        assert m.entity("PER", v) == (v,), v
    # must not change: a start another name begins too
    other = _map({"Joan Tomas": 15, "Joan Tomas Campasol": 6, "Joan Tomas Compasol": 4,
                  "Joan Tomas Lopez": 4})
    assert other.entity("PER", "Joan Tomas") == ("Joan Tomas",)
    assert other.entity("PER", "Joan Tomas Compasol") == ("Joan Tomas Campasol",)


def test_no_tagged_person_value_on_the_real_index(full_index_dir: Path) -> None:
    """Brute force over every article of the real index: no person's value is a person's
    name with the group's or the office's stuck to it, and the name written with one is the
    person's in its article."""
    emap = store.load_entity_map(full_index_dir)
    assert emap.entity("PER", "Jungkook BTS") == ("Jungkook",)
    assert emap.entity("PER", "Menpupera Basuki Hadimuljono") == ("Basuki Hadimuljono",)
    assert emap.entity("PER", "Gempita Noura Marten") == ("Gempita Nora Marten",)
    assert emap.entity("PER", "Joan Tomas Compasol") == emap.entity("PER", "Joan Tomas") \
        == emap.entity("PER", "Joan Tomas Campasol")
    tagged = {"Jungkook BTS", "Yeonjun TXT", "Menpupera Basuki Hadimuljono",
              "Gempita Noura Marten"}
    searcher = store.open_index(full_index_dir).searcher()
    found = 0
    for _, addr in searcher.search(tantivy.Query.all_query(), 100_000).hits:
        art = load_payload(searcher.doc(addr)[S.PAYLOAD][0])
        persons = set((art.entities or {}).get("PER", ()))
        assert not persons & tagged, (art.title, persons & tagged)
        written = {(art.title if m.field == "title" else art.body)[m.start:m.end]
                   for m in art.mentions if m.type == "PER"}
        if "Jungkook BTS" in written:
            assert "Jungkook" in persons, art.title
            found += 1
    assert found >= 5
