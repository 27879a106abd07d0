"""A place's name written after an acronym of a longer place's words is that longer place
(:mod:`indexer.acronym_places`), on the corpus's sentences."""

from __future__ import annotations

from pathlib import Path

import orjson
from corpora import prepared_article

from indexer import schema as S
from indexer.acronym_places import acronym_mentions, acronym_places, tails_of
from indexer.document import load_payload
from indexer.entity_map import EntityMap
from indexer.entity_norm import compute_map
from indexer.map_apply import apply_map
from indexer.name_evidence import NameEvidence
from indexer.spill import alias_person

CEMETERY = "Taman Makam Pahlawan Kalibata"
COUNTS = {CEMETERY: 187, "Kalibata": 20, "Taman Makam Pahlawan": 40,
          "Pengadilan Tipikor Jakarta": 30, "Jakarta": 5000, "DKI Jakarta": 300,
          "Republik Indonesia": 50, "Indonesia": 3000, "Republik Indonesia Jakarta Raya": 3,
          "Jakarta Raya": 10, "Asrama Mahasiswa Papua Surabaya": 5, "Surabaya": 400,
          "Rumah Sakit Umum Daerah Sumedang": 2, "Sumedang": 30}


def _map() -> EntityMap:
    return compute_map({"PER": {}, "ORG": {}, "LOC": COUNTS}, {}, alias_person, NameEvidence())


def _mentions(text: str, value: str) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    at = text.find(value)
    while at >= 0:
        out.append({"type": "LOC", "name": value, "field": "body", "start": at,
                    "end": at + len(value)})
        at = text.find(value, at + 1)
    return out


def _entity(value: str) -> tuple[str, ...]:
    return ("Indonesia",) if value == "Republik Indonesia" else (value,)


def test_the_acronyms_of_the_corpus_longer_places() -> None:
    found = acronym_places(COUNTS, _entity)
    assert found[("TMP", "Kalibata")] == (CEMETERY, "pahlawan")
    assert found[("PT", "Jakarta")] == ("Pengadilan Tipikor Jakarta", "tipikor")
    # a country's name before a place's is an address; a raw value of too few articles
    # spells nothing
    assert ("RI", "Jakarta Raya") not in found
    assert ("RSUD", "Sumedang") not in found
    assert "Kalibata" in tails_of(found)


def _read(text: str, value: str) -> tuple[dict[str, str], dict[tuple[str, int], str]]:
    found = acronym_places(COUNTS, _entity)
    return acronym_mentions("", text, _mentions(text, value), found, tails_of(found),
                            lambda m: True)


def test_a_place_after_the_acronym_of_a_longer_places_words_is_that_place() -> None:
    # must change: the acronym before the name, in brackets after the words it spells, or
    # before the name in brackets
    for text in ("BJ Habibie Akan Dimakamkan Besok di TMP Kalibata",
                 "Petugas Taman Makam Pahlawan (TMP) Kalibata, Jakarta Selatan, mengatakan",
                 '"Upacara di TMP (Kalibata) akan dipimpin oleh Bapak Presiden," kata Pratikno'):
        assert _read(text, "Kalibata") == ({"Kalibata": CEMETERY}, {}), text
    # one mention so, one not: that mention alone
    text = "Jalan di depan TMP Kalibata ditutup dari arah lampu merah Kalibata."
    assert _read(text, "Kalibata") == ({}, {("body", text.find("Kalibata")): CEMETERY})
    # must not change: no acronym; an address after a comma; an acronym in brackets after
    # words it does not spell so; a country's acronym
    for text, value in (("arus lalu lintas dari arah lampu merah Kalibata", "Kalibata"),
                        ("ujar Hasanuddin di TMP, Kalibata, Jakarta", "Kalibata"),
                        ("majelis hakim tinggi Pengadilan Tinggi (PT) DKI Jakarta", "Jakarta"),
                        ("Anggota Aliansi , (AMP) Surabaya Dorlince Iyowau", "Surabaya"),
                        ("Kepala Perwakilan Ombudsman RI Jakarta Raya, Teguh Nugroho",
                         "Jakarta Raya")):
        assert _read(text, value) == ({}, {}), text


def test_the_map_reads_the_acronym_as_reindex_and_add_apply_it(tmp_path: Path) -> None:
    m = _map()
    title = "Lalin Depan TMP Kalibata Kembali Normal"
    body = ("Petugas Taman Makam Pahlawan (TMP) Kalibata, Jakarta Selatan, Saudi memiliki "
            "kenangan tersendiri.")
    prep = prepared_article(tmp_path, title, body)
    assert prep.fields[S.ENTITY_FIELDS["LOC"]] == ["Kalibata", "Jakarta Selatan"]
    again = EntityMap.from_json(orjson.loads(orjson.dumps(m.to_json())))
    for emap in (m, again):
        stored = load_payload(apply_map(prep, emap).fields[S.PAYLOAD])
        assert stored.entities["LOC"] == (CEMETERY, "Jakarta Selatan")
        assert [x.name for x in stored.mentions if x.type == "LOC"] == \
            [CEMETERY, CEMETERY, "Jakarta Selatan"]
    # a mention with no acronym before it stays the district
    title = "Upacara Pemakaman BJ Habibie Selesai, Lalin Depan TMP Kalibata Kembali Normal"
    body = ("Pantauan di lokasi, arus lalu lintas dari arah lampu merah Kalibata menuju Jalan "
            "Dewi Sartika sudah kembali dibuka.")
    stored = load_payload(apply_map(prepared_article(tmp_path, title, body), m)
                          .fields[S.PAYLOAD])
    assert set(stored.entities["LOC"]) == {CEMETERY, "Kalibata"}
    assert [(x.field, x.name) for x in stored.mentions if x.type == "LOC"] == \
        [("title", CEMETERY), ("body", "Kalibata")]
