"""Short forms, nicknames and credits shown by the words around mentions
(indexer.name_evidence), gathered from the extractor's mentions and used by the corpus-level
map; with the cases that must not change."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.entity_norm import compute_map
from indexer.facet_quality import facet_counts
from indexer.mentions import article_mentions
from indexer.name_evidence import NameEvidence, article_evidence, shortens
from indexer.spill import alias_person


def _mentions(text: str) -> list[dict[str, Any]]:
    found = orjson.loads(orjson.dumps(article_mentions("", text)))
    return sorted(found, key=lambda m: (m["field"], m["start"]))


def _evidence(text: str) -> tuple[set[Any], set[Any]]:
    return article_evidence("", text, _mentions(text))


def test_short_forms_nicknames_and_credits_in_a_text() -> None:
    links, cited = _evidence("Ketua DPR Bambang Soesatyo (Bamsoet) meminta maaf.")
    assert (("PER", "Bamsoet"), ("PER", "Bambang Soesatyo")) in links
    links, _ = _evidence("Pertandingan itu dimenangi The Reds, julukan Liverpool, dengan skor 2-1.")
    assert (("ORG", "The Reds"), ("ORG", "Liverpool")) in links
    _, cited = _evidence("Hal itu dikatakan Menteri Luar Negeri Prancis, seperti dilansir "
                         "Sputnik pada Kamis (19/9).")
    assert ("ORG", "Sputnik") in cited
    _, cited = _evidence("Ronaldo mengatakan itu, dikutip dari Goal, Rabu (18/9/2019).")
    assert [n for n in cited if n[1] == "Goal"]
    # the subject of a law is written like a name
    text = ("Ia dijerat Undang-Undang Nomor 20 Tahun 2001 tentang Pemberantasan Tindak Pidana "
            "Korupsi.")
    assert _evidence(text)[1] == {("ORG", "Pemberantasan Tindak Pidana Korupsi")}


def test_what_is_no_short_form_or_credit() -> None:
    # a club after its player, an actor after the part, a place after a place: no short forms
    for text in ("Gol dicetak Rahmanuddin (Persiraja) pada menit ke-10.",
                 "Drama itu dibintangi Go Hae Ri (Suzy) dan Nam Joo Hyuk.",
                 "Ia tinggal di Tanjung Priok (Jakarta Utara) sejak kecil."):
        links, cited = _evidence(text)
        assert links == set() and cited == set(), text
    # said to an outlet, or spoken about, is no credit
    assert _evidence("Hal itu dikatakan Anies Baswedan kepada Kompas di Jakarta.")[1] == set()
    assert _evidence("Mereka berdiskusi tentang Komisi Pemberantasan Korupsi.")[1] == set()
    assert shortens("Bamsoet", "Bambang Soesatyo") and shortens("Kepri", "Kepulauan Riau")
    assert not shortens("Suzy", "Go Hae Ri") and not shortens("Persiraja", "Rahmanuddin")
    # a legal form before the name aside, not a name that is one
    assert shortens("Antam", "PT Aneka Tambang Tbk") and not shortens("Antam", "PT")


def test_the_map_joins_short_names_and_drops_credits() -> None:
    ev = NameEvidence()
    ev.links.update({(("PER", "Bamsoet"), ("PER", "Bambang Soesatyo")): 20,
                     (("ORG", "The Reds"), ("ORG", "Liverpool")): 9,
                     (("LOC", "Macan Kemayoran"), ("ORG", "Persija")): 7,
                     (("LOC", "Flores"), ("PER", "Ma'ruf Amin")): 3,
                     (("ORG", "Persero"), ("ORG", "Pertamina")): 50,
                     (("ORG", "Persero"), ("ORG", "PT Jasa Marga")): 23,
                     (("ORG", "Persero"), ("ORG", "PT PLN")): 14,
                     (("ORG", "Setan Merah"), ("ORG", "Manchester United")): 1})
    ev.cited.update({("ORG", "Sputnik"): 27, ("ORG", "Instagram"): 14, ("ORG", "Goal"): 2})
    m = compute_map({"PER": {"Bamsoet": 73, "Bambang Soesatyo": 94, "Ma'ruf Amin": 118},
                     "ORG": {"The Reds": 49, "Liverpool": 193, "Persija": 167, "Persero": 90,
                             "Pertamina": 100, "PT Jasa Marga": 62, "PT PLN": 17, "Setan Merah": 55,
                             "Manchester United": 185, "Sputnik": 27, "Instagram": 1174,
                             "Goal": 24},
                     "LOC": {"Macan Kemayoran": 65, "Flores": 23}}, {}, alias_person, ev)
    assert m.entity("PER", "Bamsoet") == ("Bambang Soesatyo",)
    assert m.entity("ORG", "The Reds") == ("Liverpool",)
    assert m.type_of("LOC", "Macan Kemayoran") == "ORG"
    assert m.entity("ORG", "Macan Kemayoran") == ("Persija",)
    assert m.entity("ORG", "Sputnik") == ()
    # must not change: a place linked to a person, a short name linked to several names,
    # one link in 55 articles, a name cited in few of its articles, or in fewer than three
    assert m.type_of("LOC", "Flores") == "LOC" and m.entity("LOC", "Flores") == ("Flores",)
    for v in ("Persero", "Setan Merah", "Instagram", "Goal"):
        assert m.entity("ORG", v) == (v,), v
    assert compute_map({"ORG": {"Sputnik": 27}}, {}, alias_person).entity("ORG", "Sputnik") \
        == ("Sputnik",)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="AB Cd()ji,ulkan-dilansr", max_size=80))
def test_evidence_never_fails_and_names_only_mentions(text: str) -> None:
    found = _mentions(text)
    links, cited = article_evidence("", text, found)
    names = {(m["type"], m["name"]) for m in found}
    assert cited <= names
    assert {whole for _, whole in links} <= names


def test_the_corpus_facets_join_nicknames_and_drop_credits(full_index_dir: Path) -> None:
    counts = {f: dict(vs) for f, vs in facet_counts(full_index_dir).items()}
    person, org = counts["person"], counts["org"]
    for v in ("Sputnik", "Soompi", "Goal", "The Reds", "Setan Merah", "Maung Bandung"):
        assert v not in org, v
    assert "Bamsoet" not in person and person["Bambang Soesatyo"] > 94  # 94 without Bamsoet
    # a person's initials with the title, "Ustaz Abdul Somad (UAS)": no organisation
    assert "UAS" not in org and "UAS" not in person and person["Abdul Somad"] >= 14
    for v in ("Liverpool", "Manchester United", "Persib"):
        assert org.get(v, 0) >= 100, v
    # a platform written as a medium is no value (tests/test_media_names.py)


def test_a_nickname_joins_the_group_its_links_point_to() -> None:
    """Links to two spellings of one club count for the club: each alone has too few."""
    ev = NameEvidence()
    ev.links.update({(("LOC", "Macan Kemayoran"), ("ORG", "Persija")): 4,
                     (("LOC", "Macan Kemayoran"), ("ORG", "Persija Jakarta")): 3,
                     (("LOC", "Macan Kemayoran"), ("ORG", "Persib")): 1})
    counts = {"ORG": {"Persija": 167, "Persija Jakarta": 101, "Persib": 136},
              "LOC": {"Macan Kemayoran": 65, "Jakarta": 4700}}
    m = compute_map(counts, {}, alias_person, ev)
    assert m.type_of("LOC", "Macan Kemayoran") == "ORG"
    assert m.entity("ORG", "Macan Kemayoran") == m.entity("ORG", "Persija Jakarta") \
        == ("Persija",)
    # must not change: the same links spread over two clubs
    ev.links[(("LOC", "Macan Kemayoran"), ("ORG", "Persib"))] = 6
    m = compute_map(counts, {}, alias_person, ev)
    assert m.entity("ORG", "Macan Kemayoran") == ("Macan Kemayoran",)


def test_a_word_after_a_given_name_and_particle_is_shown_as_the_whole_name() -> None:
    text = "Juru bicara koalisi, Kolonel Turki al-Maliki, menyebut senjata itu dari Iran."
    mentions = [{"type": "PER", "name": "Maliki", "field": "body",
                 "start": text.index("Maliki"), "end": text.index("Maliki") + 6}]
    links, _ = article_evidence("", text, mentions)
    assert links == {(("PER", "Maliki"), ("PER", "Turki al-Maliki"))}
    ev = NameEvidence()
    ev.links.update({(("PER", "Maliki"), ("PER", "Turki al-Maliki")): 16,
                     (("PER", "Assad"), ("PER", "Bashar al-Assad")): 2,
                     (("PER", "Nuri"), ("PER", "Kamal al-Nuri")): 4})
    counts = {"PER": {"Maliki": 22, "Assad": 9, "Nuri": 20, "Nuri Maliki": 1}, "ORG": {},
              "LOC": {}}
    m = compute_map(counts, {}, alias_person, ev)
    assert m.entity("PER", "Maliki") == ("Turki al-Maliki",)
    # must not change: too few articles, too small a share of the word's
    assert m.entity("PER", "Assad") == ("Assad",)
    assert m.entity("PER", "Nuri") == ("Nuri",)
    # no link without the particle's hyphen, or from a name of two words
    for before in ("Kolonel Turki ", "Kolonel Turki al "):
        t = f"Juru bicara {before}Maliki menyebut."
        ms = [{"type": "PER", "name": "Maliki", "field": "body", "start": t.index("Maliki"),
               "end": t.index("Maliki") + 6}]
        assert article_evidence("", t, ms) == (set(), set()), before


def test_a_nickname_quoted_inside_a_name_joins_the_names_with_and_without_it() -> None:
    links, _ = _evidence("Pelatih Manchester City, Josep ‘Pep’ Guardiola, memastikan itu.")
    assert links == {(("PER", "Josep Guardiola"), ("PER", "Pep Guardiola"))}
    # must not change: a quoted word with no given name before it or no surname after it
    for text in ("Ia berkata 'Pep' kepada wartawan.", "Pelatih Josep 'Pep' memastikan itu."):
        assert _evidence(text)[0] == set(), text
    ev = NameEvidence()
    ev.links.update({(("PER", "Josep Guardiola"), ("PER", "Pep Guardiola")): 2,
                     (("PER", "Edson Nascimento"), ("PER", "Pele Nascimento")): 1})
    counts = {"PER": {"Pep Guardiola": 25, "Josep Guardiola": 14, "Edson Nascimento": 21,
                      "Pele Nascimento": 9}, "ORG": {}, "LOC": {}}
    m = compute_map(counts, {}, alias_person, ev)
    assert m.entity("PER", "Josep Guardiola") == ("Pep Guardiola",)
    # must not change: one article's evidence (a given name's short form the data names,
    # "Beto" for Alberto, joins without it: data/name_spellings.txt)
    assert m.entity("PER", "Pele Nascimento") == ("Pele Nascimento",)


def test_a_short_form_may_take_in_the_title_before_a_persons_name() -> None:
    text = "Aksi Ustadz Abdul Somad (UAS) saat mengendarai motor gede di kawasan Batam."
    assert _evidence(text)[0] == {(("PER", "UAS"), ("PER", "Abdul Somad"))}
    text = ("Salah satu dai kondang Indonesia, Ustadz Abdurrohman Djaelani (Udjae) mengatakan, "
            "para korban.")
    assert _evidence(text)[0] == {(("PER", "Udjae"), ("PER", "Abdurrohman Djaelani"))}
    # must not change: no title before the name, or a word that is none
    for text in ("Aksi Abdul Somad (UAS) saat mengendarai motor gede di kawasan Batam.",
                 "Aksi warga Abdul Somad (WAS) saat mengendarai motor gede di kawasan Batam."):
        assert _evidence(text)[0] == set(), text


def test_a_persons_short_form_read_elsewhere_as_an_organisation_is_the_persons() -> None:
    """"(UAS)" is written in a person's mention; the tagger reads "UAS" alone as an
    organisation's acronym: the links make it the person's."""
    ev = NameEvidence()
    ev.links.update({(("PER", "UAS"), ("PER", "Abdul Somad")): 3,
                     (("PER", "Bamsoet"), ("PER", "Bambang Soesatyo")): 20,
                     (("PER", "AP"), ("PER", "Adhi Purnomo")): 2})
    counts = {"PER": {"Abdul Somad": 14, "Bamsoet": 73, "Bambang Soesatyo": 94,
                      "Adhi Purnomo": 11},
              "ORG": {"UAS": 14, "Bamsoet": 2, "AP": 3}, "LOC": {}}
    m = compute_map(counts, {}, alias_person, ev)
    assert m.type_of("ORG", "UAS") == "PER"
    assert m.entity("PER", "UAS") == ("Abdul Somad",)
    # must not change: a short form the corpus also types as the name's (its own type's value
    # is the one the links move), two letters, one link in too few articles
    assert m.type_of("ORG", "Bamsoet") == "ORG"
    assert m.type_of("ORG", "AP") == "ORG"
    ev.links[(("PER", "UAS"), ("PER", "Abdul Somad"))] = 1
    m = compute_map(counts, {}, alias_person, ev)
    assert m.type_of("ORG", "UAS") == "ORG" and m.entity("ORG", "UAS") == ("UAS",)
