"""A home body's name in a story filed abroad is a namesake there, no value of that article
(:mod:`indexer.foreign_namesakes`): the name's form, the story's desk and places, the corpus's
share, through :func:`~indexer.map_apply.apply_map` and the stored map, then the real 22k
index."""

from __future__ import annotations

from pathlib import Path

import orjson
import tantivy
from corpora import prepared_article

from indexer import schema as S
from indexer import store
from indexer.document import load_payload
from indexer.entity_map import EntityMap
from indexer.entity_norm import CorpusCounts, compute_map
from indexer.foreign_namesakes import abroad, home_bodies, kind_name, written_home
from indexer.map_apply import apply_map
from indexer.spill import alias_person

DEMOKRAT = "Partai Demokrat"


def test_a_name_that_says_only_the_kind_of_body() -> None:
    for name in (DEMOKRAT, "Kementerian Dalam Negeri", "Dewan Perwakilan Rakyat",
                 "Kementerian Keuangan", "Mahkamah Agung", "Kementerian Pendidikan dan Kebudayaan"):
        assert kind_name(name), name
    # must not: a name of its own, a place's or the world's word in it, no body's head, one word
    for name in ("Partai Golkar", "Bank Indonesia", "Organisasi Kesehatan Dunia", "Batik Air",
                 "Kementerian Pertahanan Inggris", "Demokrat", "Komisi Pemberantasan KPK"):
        assert not kind_name(name), name


def test_a_story_filed_abroad() -> None:
    assert abroad("dunia", ["Amerika Serikat", "Ukraina"])
    assert abroad("Internasional", ["India"])
    # must not: the home country named too; no foreign country; another desk; a film section
    assert not abroad("dunia", ["Amerika Serikat", "Indonesia"])
    assert not abroad("dunia", ["Washington"])
    assert not abroad("Nasional", ["Amerika Serikat"])
    assert not abroad("FILM INTERNASIONAL", ["Jepang"])


def test_a_home_body_is_one_written_mostly_at_home() -> None:
    counts = {DEMOKRAT: 150, "Demokrat": 30, "Partai Biru": 7, "Kementerian Pertahanan": 20,
              "Partai Golkar": 236}
    away = {DEMOKRAT: 12, "Demokrat": 4, "Partai Biru": 6, "Kementerian Pertahanan": 7,
            "Partai Golkar": 1}
    found = home_bodies(away, counts, lambda v: (DEMOKRAT,) if v == "Demokrat" else (v,))
    # 16 of 180 abroad; not a party abroad (6 of 7), nor a value half abroad, nor a proper name
    assert found == {DEMOKRAT}


def test_a_body_written_with_the_home_countrys_name_is_the_home_body() -> None:
    def home(text: str, written: str, name: str) -> set[str]:
        at = text.index(written)
        return written_home("", text, [{"type": "ORG", "name": name, "field": "body",
                                        "start": at, "end": at + len(written)}], [name])

    dpr, kemendagri = "Dewan Perwakilan Rakyat", "Kementerian Dalam Negeri"
    # real sentences of the 22k corpus
    assert home("Saat ini masyarakat terus mendesak DPR RI untuk mengesahkan", "DPR RI",
                dpr) == {dpr}
    assert home("Komnas Perempuan meminta kepada Presiden dan DPR RI, agar mempertimbangkan",
                "DPR", dpr) == {dpr}
    # must not: another country's name after it, past its short form; none
    assert home("Juru Bicara Kementerian Dalam Negeri (Kemendagri) India belum memberikan "
                "respons", "Kementerian Dalam Negeri", kemendagri) == set()
    assert home("Namun DPR AS memiliki pandangan yang berbeda.", "DPR", dpr) == set()
    assert home("Menurut Partai Demokrat, selaku mayoritas di DPR, menilai", "Partai Demokrat",
                DEMOKRAT) == set()


def _map(orgs: dict[str, int], away: dict[str, int]) -> EntityMap:
    return compute_map({"PER": {}, "ORG": orgs, "LOC": {"Ukraina": 50}}, {},
                       alias_person, away=away)


# real sentences of the 22k corpus (world desk): the US Democratic Party
_US = ("Putusan ini diambil menyusul terkuaknya skandal percakapan Trump dengan Presiden "
       "Ukraina, Volodymyr Zelenskiy, beberapa waktu lalu. Diketahui Trump menekan Zelenskiy. "
       "Selain itu, Trump juga menilai upaya pemakzulannya ini sebagai ancaman dari Partai "
       "Demokrat. Ia juga menganggap negara tengah dipertaruhkan.")


def test_through_the_map_and_the_stored_map(tmp_path: Path) -> None:
    prep = prepared_article(tmp_path, "Warga AS Dukung Upaya Pencopotan Trump", _US,
                            category="dunia")
    before = load_payload(prep.fields[S.PAYLOAD])
    assert DEMOKRAT in before.entities["ORG"] and "Ukraina" in before.entities["LOC"]
    m = _map({**dict.fromkeys(before.entities["ORG"], 3), DEMOKRAT: 160}, {DEMOKRAT: 14})
    assert m.home_bodies == {DEMOKRAT}
    after = load_payload(apply_map(prep, m).fields[S.PAYLOAD])
    assert DEMOKRAT not in after.entities["ORG"]
    assert not [x for x in after.mentions if x.name == DEMOKRAT]
    assert after.entities["LOC"] == before.entities["LOC"]
    # ``warta add`` applies the stored map as ``reindex`` does
    again = EntityMap.from_json(orjson.loads(orjson.dumps(m.to_json())))
    assert again.home_bodies == m.home_bodies
    assert load_payload(apply_map(prep, again).fields[S.PAYLOAD]).entities == after.entities
    # must not change: the same words on the home desk; the story naming Indonesia too
    home = prepared_article(tmp_path, "Warga AS Dukung Upaya Pencopotan Trump", _US,
                            category="Nasional")
    assert DEMOKRAT in load_payload(apply_map(home, m).fields[S.PAYLOAD]).entities["ORG"]
    # a home body written with the home country's name stays (the real corpus's "mendesak DPR
    # RI"), the namesake goes
    dpr = "Dewan Perwakilan Rakyat"
    visit = prepared_article(tmp_path, "Warga AS Dukung Upaya Pencopotan Trump",
                             _US + " Saat ini masyarakat terus mendesak DPR RI untuk bersikap.",
                             category="dunia")
    orgs = load_payload(visit.fields[S.PAYLOAD]).entities["ORG"]
    assert dpr in orgs
    m2 = _map({**dict.fromkeys(orgs, 3), DEMOKRAT: 160, dpr: 1900}, {DEMOKRAT: 14, dpr: 6})
    assert m2.home_bodies == {DEMOKRAT, dpr}
    orgs = load_payload(apply_map(visit, m2).fields[S.PAYLOAD]).entities["ORG"]
    assert dpr in orgs and DEMOKRAT not in orgs
    both = prepared_article(tmp_path, "Warga AS Dukung Upaya Pencopotan Trump",
                            _US + " Indonesia mengikuti perkembangan itu.", category="dunia")
    assert DEMOKRAT in load_payload(apply_map(both, m).fields[S.PAYLOAD]).entities["ORG"]


def test_corpus_counts_count_the_stories_filed_abroad() -> None:
    c = CorpusCounts()
    c.add({"ORG": [DEMOKRAT, DEMOKRAT], "LOC": ["Amerika Serikat"]}, "dunia")
    c.add({"ORG": [DEMOKRAT], "LOC": ["Amerika Serikat", "Indonesia"]}, "dunia")
    c.add({"ORG": [DEMOKRAT], "LOC": ["Amerika Serikat"]}, "Nasional")
    assert c.abroad == {DEMOKRAT: 1}


def test_no_home_body_in_a_story_filed_abroad_on_the_real_index(full_index_dir: Path) -> None:
    """Brute force over every article of the real index: a home body of the stored map is no
    value of a story filed abroad, and stays in the others."""
    emap = store.load_entity_map(full_index_dir)
    assert DEMOKRAT in emap.home_bodies and "Dewan Perwakilan Rakyat" in emap.home_bodies
    searcher = store.open_index(full_index_dir).searcher()
    away = kept = 0
    for _, addr in searcher.search(tantivy.Query.all_query(), 100_000).hits:
        art = load_payload(searcher.doc(addr)[S.PAYLOAD][0])
        orgs = set(art.entities.get("ORG", ()))
        if abroad(art.category, art.entities.get("LOC", ())):
            away += 1
            assert not orgs & emap.home_bodies, (art.title, orgs & emap.home_bodies)
        elif DEMOKRAT in orgs:
            kept += 1
    assert away >= 300 and kept >= 130
