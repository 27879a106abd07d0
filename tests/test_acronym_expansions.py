"""An acronym an article spells out as something its organisation is not names no organisation
there (:mod:`indexer.acronym_expansions`): the corpus's sentences that must change and that
must not, the rule through :func:`~indexer.map_apply.apply_map`, then the real 22k index."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import tantivy
from corpora import prepared_article

from indexer import schema as S
from indexer import store
from indexer.acronym_expansions import bracketed, expanded_otherwise, spelt_out
from indexer.document import load_payload
from indexer.entity_map import EntityMap
from indexer.map_apply import apply_map

HKI = "PT Hutan Ketapang Industri"
WHO = "Organisasi Kesehatan Dunia"
MAP = {"HKI": (HKI,), "PT HKI": (HKI,), HKI: (HKI,), "KTA": ("KTA",), "KPA": ("KPA",),
       "KPK": ("Komisi Pemberantasan Korupsi",), "MRT": ("PT MRT Jakarta",),
       "WHO": (WHO,), "World Health Organization": (WHO,), "KIA": ("Kia Motors",),
       "PAT": ("Pramoedya Ananta Toer",)}


def _entity(raw: str) -> tuple[str, ...]:
    return MAP.get(raw, ())


def _mentions(text: str, *written: str) -> list[dict[str, Any]]:
    """The body's ORG mentions of ``written`` (raw values as written) wherever it writes them."""
    return [{"field": "body", "start": m.start(), "end": m.end(), "type": "ORG", "name": w}
            for w in written for m in re.finditer(rf"\b{re.escape(w)}\b", text)]


def _gone(body: str, *written: str) -> list[str]:
    """The text of the mentions the rule takes, in order."""
    ms = _mentions(body, *written)
    acronyms = bracketed(body.encode(), written)
    out = expanded_otherwise("", body, ms, acronyms, _entity)
    return [body[s:s + 3] for _, s in sorted(out)]


def test_the_words_an_acronym_spells_out() -> None:
    body = ("Salah satunya dengan penguatan regulasi tentang Hak Kekayaan Intelektual (HKI). "
            "Memiliki kartu tanda anggota (KTA) PDIP dan Badan Pusat Statistik (BPS).")
    found = spelt_out(body)
    assert {a: ws for a, (_, ws) in found.items()} == {
        "HKI": ("Hak", "Kekayaan", "Intelektual"), "KTA": ("kartu", "tanda", "anggota"),
        "BPS": ("Badan", "Pusat", "Statistik")}
    # "dan" spells no letter; the words must begin with the acronym's first letter
    assert spelt_out("Kementerian Lingkungan Hidup dan Kehutanan (KLHK)")["KLHK"][1][-1] == \
        "Kehutanan"
    assert spelt_out("rapat dengan (DPR) kemarin") == {}


def test_an_acronym_spelt_out_as_another_thing_is_no_organisation() -> None:
    # the corpus's company of the acronym, spelt out as intellectual property
    body = ("Salah satunya dengan penguatan regulasi tentang Hak Kekayaan Intelektual (HKI). "
            "Indonesia masuk 10 besar negara dengan pelanggaran HKI tertinggi.")
    assert _gone(body, "HKI") == ["HKI", "HKI"]
    # a card's common words in lower case: no body named KTA
    body = ("Di antaranya adalah kewajiban untuk memiliki kartu tanda anggota (KTA) PDIP. "
            "Selain KTA, ada tes dan syarat lain.")
    assert _gone(body, "KTA") == ["KTA", "KTA"]
    body = "Enam sumber pajak itu adalah pajak air tanah (PAT) sebesar Rp 106,4 miliar."
    assert _gone(body, "PAT") == ["PAT"]
    body = ("Pemkot Bandung meluncurkan anjungan cetak Kartu Identitas Anak (KIA). Warga "
            "mencetak KIA.")
    assert _gone(body, "KIA") == ["KIA", "KIA"]


def test_what_the_expansions_rule_leaves() -> None:
    # a misspelt full name of the body itself
    assert _gone("Ketua Komisi Pemberatansan Korupsi (KPK) Agus Rahardjo. KPK siap.", "KPK") == []
    # a value holding the acronym beside other words: the company of the system spelt out
    assert _gone("Proyek moda raya terpadu (MRT) fase dua. MRT akan tersambung.", "MRT") == []
    # the map makes the words spelt out the value itself (a translation)
    assert _gone("Menurut World Health Organization (WHO), WHO mencatat kasus.", "WHO") == []
    # a name in capitals for the bare acronym: that body
    assert _gone("Sekjen Konsorsium Pembaruan Agraria (KPA) Dewi Kartika. KPA mencatat.",
                 "KPA") == []
    # no bracket, or a bracket the words before it do not spell
    assert _gone("Pelanggaran HKI tertinggi di Asia.", "HKI") == []
    assert _gone("Rapat dengan pihak terkait (HKI) digelar.", "HKI") == []
    # the pre-check: an acronym in brackets that is no raw value of the article's
    assert bracketed(b"kartu tanda anggota (KTA) dan (BPS)", {"KTA"}) == {"KTA"}
    assert bracketed(b"kartu tanda anggota (KTA)", {"BPS"}) == frozenset()
    assert bracketed(b"tanggal (10/9/2019)", {"BPS"}) == frozenset()


def test_the_rule_through_apply_map(tmp_path: Path) -> None:
    emap = EntityMap({"ORG": {"HKI": (HKI,), "PT HKI": (HKI,)}},
                     {"ORG": {"HKI": 12, HKI: 5, "PT HKI": 1}})
    rights = prepared_article(
        tmp_path, "Pemerintah Perkuat Regulasi", "Salah satunya dengan penguatan regulasi "
        "tentang Hak Kekayaan Intelektual (HKI). Indonesia masuk 10 besar negara dengan "
        "pelanggaran HKI tertinggi.")
    before = load_payload(rights.fields[S.PAYLOAD])
    assert "HKI" in before.entities.get("ORG", ())
    after = load_payload(apply_map(rights, emap).fields[S.PAYLOAD])
    assert HKI not in after.entities.get("ORG", ())
    assert all(m.name != HKI for m in after.mentions)
    company = prepared_article(
        tmp_path, "Izin Sawit Disegel", "Perusahaan itu di antaranya PT HKI milik Singapura. "
        "Lahan HKI disegel penyidik.")
    after = load_payload(apply_map(company, emap).fields[S.PAYLOAD])
    assert HKI in after.entities.get("ORG", ())


def test_no_acronym_spelt_out_in_common_words_is_an_organisation_on_the_real_index(
        full_index_dir: Path) -> None:
    """Brute force over every article of the real index: no organisation's value is an acronym
    the article spells out in brackets after words in lower case whose initials it is."""
    searcher = store.open_index(full_index_dir).searcher()
    seen = 0
    for _, addr in searcher.search(tantivy.Query.all_query(), 100_000).hits:
        art = load_payload(searcher.doc(addr)[S.PAYLOAD][0])
        for text in (art.title, art.body):
            for m in re.finditer(r"((?:[a-z]+ ){2,6})\(([A-Z]{2,6})\)", text):
                words = [w for w in m.group(1).split() if w != "dan"]
                acronym = m.group(2)
                if "".join(w[0] for w in words[-len(acronym):]).upper() != acronym:
                    continue
                seen += 1
                assert acronym not in art.entities.get("ORG", ()), (art.title, acronym)
    assert seen >= 50
