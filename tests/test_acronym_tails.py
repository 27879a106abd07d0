"""A body's name, its acronym in brackets and words after them are the acronym's name with
those words where the corpus writes it (:mod:`indexer.acronym_tails`): cases that must change
and that must not on the 22k corpus's sentences, the rule through
:func:`~indexer.map_apply.apply_map`, then the real 22k index's articles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import tantivy
from corpora import prepared_article
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer import schema as S
from indexer import store
from indexer.acronym_tails import acronym_tails, may_tail, spells, tail_heads, tailed_names
from indexer.document import load_payload
from indexer.entity_map import EntityMap
from indexer.initials import initials
from indexer.map_apply import apply_map

BPJS = "Badan Penyelenggara Jaminan Sosial"
# as the 22k corpus counts them (raw organisations' values -> articles)
COUNTS = {"BPJS Kesehatan": 75, "BPJS Ketenagakerjaan": 12, "PB Djarum": 64, "PKN STAN": 3,
          "KPK Novel Baswedan": 3, "PMI Pusat": 2, "PMI Provinsi Banten": 1, "Persero Tbk": 1,
          BPJS: 22, "Djarum": 45, "PMI": 21}


def _mentions(text: str, *written: tuple[str, str, str]) -> list[dict[str, Any]]:
    """Body mentions of ``written`` (surface, name, type), each where the text first writes it
    after the one before."""
    out, at = [], 0
    for surface, name, typ in written:
        at = text.index(surface, at)
        out.append({"field": "body", "start": at, "end": at + len(surface), "type": typ,
                    "name": name})
    return out


def _read(body: str, *written: tuple[str, str, str]) -> list[tuple[str, str]] | None:
    """(written, name) of the body's mentions as the rule reads them; None where none changes."""
    found = acronym_tails(body, _mentions(body, *written), tailed_names(COUNTS), lambda v: True)
    return None if found is None else [(body[m["start"]:m["end"]], m["name"]) for m in found]


def test_an_acronym_spells_its_names_initials() -> None:
    assert spells("BPJS", BPJS)
    assert spells("PB", "Perkumpulan Bulu Tangkis")
    assert spells("PKN", "Politeknik Keuangan Negara")
    assert not spells("PT", "Perkumpulan Bulu Tangkis")
    assert not spells("BPJS", "Badan Pusat Statistik")
    assert not spells("P", "Perkumpulan")


def _may_tail_reference(value: str, tailed: dict[str, dict[str, str]]) -> bool:
    """:func:`may_tail` read from every acronym: those whose first two characters are the
    value's first two initials, spelling it."""
    first = initials(value.upper().split(), hyphens=True, letters_only=True)[:2]
    return " " in value.strip() and any(spells(a, value) for a in tailed if a[:2] == first)


_WORD = st.sampled_from(["Badan", "Bulu", "Perkumpulan", "Jaminan", "Sosial", "Penyelenggara",
                         "pusat", "Ke-Sehatan", "dan", "(Persero)", "17", "Palang", "merah", "B"])
_ACRONYM = st.from_regex(r"[A-Z][A-Z0-9]{1,5}", fullmatch=True) \
    | st.sampled_from(["BPJS", "PB", "PKN", "PMI", "BP", "B2", "P3K", "PBT", "BPS"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_WORD, min_size=1, max_size=5).map(" ".join), max_size=8),
       st.lists(_ACRONYM, max_size=12))
def test_may_tail_by_heads_is_may_tail_over_every_acronym(values: list[str],
                                                          acronyms: list[str]) -> None:
    tailed = tailed_names({**COUNTS, **{f"{a} Pusat": 2 for a in acronyms}})
    heads = tail_heads(tailed)
    for v in [*values, *COUNTS, BPJS, "Perkumpulan Bulu Tangkis", " Palang  Merah "]:
        assert may_tail(v, heads) == _may_tail_reference(v, tailed), v


def test_a_name_and_its_acronym_go_on_as_the_acronyms_name() -> None:
    body = ("Menteri Keuangan menegaskan kenaikan iuran Badan Penyelenggara Jaminan Sosial (BPJS) "
            "Kesehatan dan cukai rokok. Seperti diketahui, iuran BPJS kelas 1 akan naik 100%.")
    assert _read(body, (f"{BPJS} (BPJS)", BPJS, "ORG"), ("BPJS", BPJS, "ORG")) == [
        (f"{BPJS} (BPJS) Kesehatan", "BPJS Kesehatan"), ("BPJS", "BPJS Kesehatan")]
    # the club's name after the bracket, tagged as the company's, goes into it
    body = ("Mediasi antara Komisi Perlindungan Anak Indonesia (KPAI) dan Perkumpulan Bulu Tangkis "
            "(PB) Djarum akhirnya membuahkan hasil.")
    assert _read(body, ("Perkumpulan Bulu Tangkis (PB)", "Perkumpulan Bulu Tangkis", "ORG"),
                 ("Djarum", "Djarum", "ORG")) == [
        ("Perkumpulan Bulu Tangkis (PB) Djarum", "PB Djarum")]
    body = "Di depan 4.436 wisudawan Politeknik Keuangan Negara (PKN) STAN, Menteri berpesan."
    assert _read(body, ("Politeknik Keuangan Negara (PKN)", "Politeknik Keuangan Negara",
                        "ORG")) == [("Politeknik Keuangan Negara (PKN) STAN", "PKN STAN")]


def test_what_the_acronym_tails_rule_leaves() -> None:
    # a person's name after the bracket; a bracket that is no acronym of the name
    body = "Penyidik Komisi Pemberantasan Korupsi (KPK) Novel Baswedan diperiksa."
    assert _read(body, ("Komisi Pemberantasan Korupsi (KPK)", "Komisi Pemberantasan Korupsi",
                        "ORG"), ("Novel Baswedan", "Novel Baswedan", "PER")) is None
    body = "Saham PT Jasa Marga (Persero) Tbk naik."
    assert _read(body, ("PT Jasa Marga (Persero)", "PT Jasa Marga", "ORG")) is None
    # words the corpus does not write after the acronym (as an organisation twice at least)
    body = "Badan Penyelenggara Jaminan Sosial (BPJS) Watch menilai iuran terlalu tinggi."
    assert _read(body, (f"{BPJS} (BPJS)", BPJS, "ORG")) is None
    # another body of the acronym in the article: only the mention with the words changes
    body = ("Iuran Badan Penyelenggara Jaminan Sosial (BPJS) Kesehatan naik, sedangkan BPJS "
            "Ketenagakerjaan tidak. Iuran BPJS kelas 3 tetap.")
    assert _read(body, (f"{BPJS} (BPJS)", BPJS, "ORG"),
                 ("BPJS Ketenagakerjaan", "BPJS Ketenagakerjaan", "ORG"),
                 ("BPJS", BPJS, "ORG")) == [
        (f"{BPJS} (BPJS) Kesehatan", "BPJS Kesehatan"),
        ("BPJS Ketenagakerjaan", "BPJS Ketenagakerjaan"), ("BPJS", BPJS)]
    # the name and its acronym also going on otherwise ("... (PMI) Provinsi Banten", a place)
    body = ("Palang Merah Indonesia (PMI) Provinsi Banten menggelar donor darah bersama PMI "
            "kabupaten. Ketua Palang Merah Indonesia (PMI) Pusat Muhammad Muaz hadir.")
    pmi = "Palang Merah Indonesia"
    assert _read(body, (f"{pmi} (PMI)", pmi, "ORG"), ("Provinsi Banten", "Banten", "LOC"),
                 ("PMI", pmi, "ORG"), (f"{pmi} (PMI)", pmi, "ORG"),
                 ("Muhammad Muaz", "Muhammad Muaz", "PER")) == [
        (f"{pmi} (PMI)", pmi), ("Provinsi Banten", "Banten"), ("PMI", pmi),
        (f"{pmi} (PMI) Pusat", "PMI Pusat"), ("Muhammad Muaz", "Muhammad Muaz")]


def test_through_the_map(tmp_path: Path) -> None:
    prep = prepared_article(tmp_path, "Pemerintah Mau Naikkan Iuran",
                            "Ombudsman menilai kenaikan iuran Badan Penyelenggara Jaminan Sosial "
                            "(BPJS) Kesehatan memberatkan peserta. Defisit BPJS terus membesar.")
    assert BPJS in load_payload(prep.fields[S.PAYLOAD]).entities["ORG"]
    emap = EntityMap({}, {"ORG": COUNTS})
    after = apply_map(prep, emap)
    stored = load_payload(after.fields[S.PAYLOAD])
    assert "BPJS Kesehatan" in stored.entities["ORG"]
    assert BPJS not in stored.entities["ORG"]
    assert BPJS not in after.fields[S.ENTITY_FIELDS["ORG"]]
    assert {m.name for m in stored.mentions if m.type == "ORG"} >= {"BPJS Kesehatan"}
    # an article with no such name is the same object
    other = prepared_article(tmp_path, "Iuran BPJS", "Defisit BPJS Kesehatan terus membesar.")
    assert apply_map(other, emap) is other


def test_no_name_cut_at_its_acronym_on_the_real_index(full_index_dir: Path) -> None:
    """Every article of the real index: "Badan Penyelenggara Jaminan Sosial (BPJS) Kesehatan"
    is BPJS Kesehatan's mention, never the bare body's."""
    searcher = store.open_index(full_index_dir).searcher()
    cut, joined = [], 0
    for _, addr in searcher.search(tantivy.Query.all_query(), 100_000).hits:
        art = load_payload(searcher.doc(addr)[S.PAYLOAD][0])
        for m in art.mentions:
            written = art.body[m.start:m.end] if m.field == "body" else ""
            if written.endswith("Jaminan Sosial (BPJS)") \
                    and art.body.startswith(" Kesehatan", m.end):
                cut.append((art.title, m))
            if written.endswith("Jaminan Sosial (BPJS) Kesehatan"):
                assert m.name == "BPJS Kesehatan", (art.title, m)
                joined += 1
    assert cut == []
    assert joined >= 15
