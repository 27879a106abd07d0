"""An organisation's acronym an article uses in another sense names no organisation there
(:mod:`indexer.acronym_senses`): unit cases that must change and that must not, the rule
through :func:`~indexer.map_apply.apply_map`, then the real 22k index's articles."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import tantivy
from corpora import prepared_article

from indexer import schema as S
from indexer import store
from indexer.acronym_senses import SENSE_VALUES, SENSES, may_initial, other_senses, sense_values
from indexer.document import load_payload
from indexer.entity_map import EntityMap
from indexer.map_apply import apply_map

PKB = "Partai Kebangkitan Bangsa"
PKS = "Partai Keadilan Sejahtera"
PAN = "Partai Amanat Nasional"


def _mentions(text: str, *written: tuple[str, str], field: str = "body") -> list[dict[str, Any]]:
    """Mentions of ``written`` (surface, name) at each place the text writes the surface."""
    out = []
    for surface, name in written:
        at = text.find(surface)
        while at >= 0:
            out.append({"field": field, "start": at, "end": at + len(surface), "type": "ORG",
                        "name": name})
            at = text.find(surface, at + 1)
    return out


def _gone(title: str, body: str, *written: tuple[str, str]) -> set[str]:
    ms = _mentions(title, *written, field="title") + _mentions(body, *written)
    return sense_values(ms, other_senses(title, body, ms))


def test_the_senses_data() -> None:
    assert {"PKB", "PMI", "BTS", "PKS", "PPP"} <= set(SENSES)
    # a mention written "PKB" is the party's value (the extractor's alias), "BTS" itself
    assert {PKB, PKS, "BTS", "PMI"} <= SENSE_VALUES
    assert all(s.expansion == s.expansion.lower() for ss in SENSES.values() for s in ss)


def test_an_acronym_in_another_sense_is_no_organisation() -> None:
    # the expansion written in the article: every mention of the acronym there
    body = ("Pemprov DKI menghapus denda pajak kendaraan bermotor (PKB). Pembayaran PKB "
            "bisa di Samsat.")
    assert _gone("Denda Pajak Dihapus", body, ("PKB", PKB)) == {PKB}
    # a word of the sense right before or after the acronym
    assert _gone("Aktivis Tolak RUU PKS", "Massa menolak RUU PKS di depan DPR.",
                 ("PKS", PKS)) == {PKS}
    assert _gone("", "Terindikasi dari indeks PMI manufaktur yang melambat.",
                 ("PMI", "PMI")) == {"PMI"}
    assert _gone("", "Jaringan didukung 127 ribu BTS, termasuk 53 ribu BTS 4G.",
                 ("BTS", "BTS")) == {"BTS"}
    assert _gone("", "Survei Purchasing Manager's Index (PMI) Caixin naik.",
                 ("PMI", "PMI")) == {"PMI"}
    # a pollution index, a stadium's nickname (as the 22k corpus writes them)
    assert _gone("", "Indeks Standar Pencemaran (PSI) Singapura pada hari Sabtu mencapai 103. "
                 "Angka PSI turun.", ("PSI", "PSI")) == {"PSI"}
    assert _gone("", "Skor PSI berada pada 97-110 untuk wilayah utara.", ("PSI", "PSI")) == {
        "PSI"}
    assert _gone("Lelang Stadion BMW", "Pembangunan Stadion BMW dimenangkan KSO.",
                 ("BMW", "BMW")) == {"BMW"}
    # a count between the sense's word and the acronym; a vehicle testing unit
    assert _gone("", "BAKTI juga akan menggenjot pembangunan 5.000 BTS di lima ribu desa.",
                 ("BTS", "BTS")) == {"BTS"}
    assert _gone("", "Sistem elektronik KIR resmi diluncurkan di UP PKB KIR di Pulogadung.",
                 ("PKB", PKB)) == {PKB}
    # the ministry of state apparatus, not the party (as the 22k corpus writes it)
    assert _gone("", "Selain itu, ada Kemenkumham, Men PAN RB, Pangdam hadir.",
                 ("PAN", PAN)) == {PAN}
    assert _gone("", "Kementerian PAN-RB membuka seleksi CPNS.", ("PAN", PAN)) == {PAN}


def test_capitals_written_as_a_persons_initials_are_no_body_in_that_article() -> None:
    # as the 22k corpus writes them: the tagger leaves "berinisial MA" out, not the bare "MA"
    body = ("Polisi mengetahui kasus itu setelah ibu korban berinisial MA (39) melapor ke "
            "Polsek. MA sendiri mengetahui perilaku bejat ER sejak lama.")
    at = body.index("MA sendiri")
    ms = [{"type": "ORG", "name": "Mahkamah Agung", "field": "body", "start": at,
           "end": at + 2}]
    assert other_senses("Buruh Bangunan Ditangkap", body, ms) == {("body", at)}
    assert sense_values(ms, other_senses("", body, ms)) == {"Mahkamah Agung"}
    assert may_initial(body.encode())
    # the court where no initials word is written; other capitals than the initials'
    ma = ("MA", "Mahkamah Agung")
    assert _gone("", "Menurut pihak kepolisian, MA tengah memeriksa berkas kasasi.", ma) == set()
    assert _gone("", "Tersangka berinisial ER (25) ditahan. Putusan MA sudah final.", ma) == set()
    assert not may_initial(b"Putusan MA sudah final.")
    # initials listed after the first: each a person's ("berinisial AN, RL, dan YG")
    body = ("Ketiga perusuh tersebut diketahui berinisial AN, RL, dan YG. Polisi kemudian "
            "melakukan penyelidikan. Putusan MA sudah final.")
    at = body.index("YG")
    ms = [{"type": "ORG", "name": "YG Entertainment", "field": "body", "start": at,
           "end": at + 2},
          {"type": "ORG", "name": "Mahkamah Agung", "field": "body", "start": body.index("MA"),
           "end": body.index("MA") + 2}]
    assert other_senses("", body, ms) == {("body", at)}
    body = "Kedua polisi itu masing-masing berinisial NW dan MDH, berpangkat Brigadir."
    at = body.index("MDH")
    ms = [{"type": "ORG", "name": "MDH", "field": "body", "start": at, "end": at + 3}]
    assert other_senses("", body, ms) == {("body", at)}


def test_what_the_senses_rule_leaves() -> None:
    # the body itself, and a sense's word on the wrong side of the acronym
    assert _gone("PKS Soal RUU KPK", "Presiden PKS menolak RUU KPK.", ("PKS", PKS)) == set()
    assert _gone("", "Ketua Umum PKB Muhaimin Iskandar hadir.", ("PKB", PKB)) == set()
    assert _gone("", "Relawan PMI menggelar donor darah.", ("PMI", "PMI")) == set()
    assert _gone("", "BTS merilis album baru bersama Big Hit.", ("BTS", "BTS")) == set()
    assert _gone("", "Konser 2019 BTS di Seoul ditonton 50.000 ARMY.", ("BTS", "BTS")) == set()
    assert _gone("", "Politikus PSI Dini Purwono menolak RKUHP.", ("PSI", "PSI")) == set()
    assert _gone("", "Mobil listrik BMW i8 dijual di Jakarta.", ("BMW", "BMW")) == set()
    assert _gone("", "Jatah menteri PAN di kabinet belum jelas.", ("PAN", PAN)) == set()
    body = ("Golkar, Partai Amanat Nasional (PAN) setuju. Menteri Pendayagunaan Aparatur "
            "Negara hadir. Politikus PAN menolak.")
    assert _gone("", body, ("PAN", PAN), ("Partai Amanat Nasional (PAN)", PAN)) == set()
    # the party written in full too: only the mention beside the sense's word goes
    body = ("Fraksi Partai Kebangkitan Bangsa mendukung keringanan pajak PKB. Politikus PKB "
            "hadir.")
    ms = _mentions(body, ("Partai Kebangkitan Bangsa", PKB), ("PKB", PKB))
    others = other_senses("", body, ms)
    assert others == {("body", body.index("pajak PKB") + len("pajak "))}
    assert sense_values(ms, others) == set()
    # the body written in full by a name whose initials spell the acronym
    body = ("Badan Pertanahan Nasional (BPN) di Balikpapan mengukur tanah. BPN menerbitkan "
            "sertifikat.")
    full = "Badan Pertanahan Nasional"
    assert _gone("", body, ("BPN", "BPN"), (full, full)) == set()
    assert _gone("", "Pesawat dialihkan ke Balikpapan (BPN).", ("BPN", "BPN")) == {"BPN"}
    # an acronym none of the data's, or a value no acronym of it becomes
    assert _gone("", "Bayar pajak kendaraan bermotor (PKB) di Samsat.", ("PKB", "PKB Jatim")
                 ) == set()



def test_through_the_map(tmp_path: Path) -> None:
    tax = prepared_article(tmp_path, "Keringanan Pajak Kendaraan",
                    "Gubernur Anies Baswedan menghapus denda pajak kendaraan bermotor (PKB) "
                    "di Jakarta. Warga membayar PKB di Samsat.")
    party = prepared_article(tmp_path, "Muhaimin Pimpin PKB",
                      "Muhaimin Iskandar kembali memimpin PKB setelah muktamar di Bali.")
    for prep in (tax, party):
        assert PKB in load_payload(prep.fields[S.PAYLOAD]).entities["ORG"]
    emap = EntityMap({}, {"ORG": {PKB: 2}})
    after = load_payload(apply_map(tax, emap).fields[S.PAYLOAD])
    assert PKB not in after.entities.get("ORG", ())
    assert all(m.name != PKB for m in after.mentions)
    assert apply_map(party, emap) is party


def test_no_acronym_of_another_sense_on_the_real_index(full_index_dir: Path) -> None:
    """Brute force over every article of the real index: where the article writes a listed
    sense's expansion, the acronym's organisation is none of its values unless the article
    writes that organisation otherwise than as the acronym."""
    index = store.open_index(full_index_dir)
    searcher = index.searcher()
    seen = 0
    for _, addr in searcher.search(tantivy.Query.all_query(), 100_000).hits:
        art = load_payload(searcher.doc(addr)[S.PAYLOAD][0])
        text = f" {art.title} {art.body} ".lower().replace("'", "").replace("’", "")
        for acronym, senses in SENSES.items():
            if f"({acronym})" not in art.body.replace(" ", "") or not any(
                    s.expansion.strip() in text for s in senses):
                continue
            seen += 1
            orgs = set(art.entities.get("ORG", ()))
            for m in art.mentions:
                if m.type == "ORG" and m.name in SENSE_VALUES and m.name in orgs:
                    written = (art.title if m.field == "title" else art.body)[m.start:m.end]
                    assert written != acronym or any(
                        n.name == m.name and (art.title if n.field == "title" else art.body)[
                            n.start:n.end] != acronym for n in art.mentions), (art.title, m)
    assert seen >= 10  # "pajak kendaraan bermotor (PKB)" in DKI's tax news


def test_no_organisation_written_as_initials_on_the_real_index(full_index_dir: Path) -> None:
    """Brute force over every article of the real index: no organisation's mention is written
    as capitals the article writes after a word of a person's initials."""
    searcher = store.open_index(full_index_dir).searcher()
    seen = 0
    for _, addr in searcher.search(tantivy.Query.all_query(), 100_000).hits:
        art = load_payload(searcher.doc(addr)[S.PAYLOAD][0])
        text = f"{art.title}\n{art.body}"
        caps = set(re.findall(r"\b(?i:berinisial|inisial)\s+([A-Z]{2,5})\b", text))
        seen += bool(caps)
        for m in art.mentions:
            written = (art.title if m.field == "title" else art.body)[m.start:m.end]
            assert m.type != "ORG" or written not in caps, (art.title, m)
    assert seen >= 50


def test_a_venues_acronym_the_map_makes_a_place(tmp_path: Path) -> None:
    """The map makes "ICE", Indonesia Convention Exhibition's acronym, a place; the US agency's
    and an engine's "ICE" (real sentences of the 22k corpus) are no place."""
    venue = "Indonesia Convention Exhibition"
    emap = EntityMap({"LOC": {"ICE": (venue,)}}, {"LOC": {"ICE": 12, venue: 15}},
                     types={"ORG": {"ICE": "LOC"}})
    agency = prepared_article(
        tmp_path, "Bahas Sinergi, US ICE Bertemu Bea Cukai Bali",
        "Kanwil Bea Cukai Bali menerima kunjungan United States Immigration and Customs "
        "Enforcement (US ICE). Pertemuan dengan Marco Champion yang baru menjabat sebagai "
        "Country Attace US ICE di Indonesia.")
    engine = prepared_article(
        tmp_path, "Modifikasi Mobil", "Otak dibalik ubahan mesin ICE dengan motor listrik "
        "dilakukan oleh rumah modifikasi di Tangerang.")
    concert = prepared_article(
        tmp_path, "EXO Gelar Konser", "EXO akan menjalani konser di ICE, BSD City, Tangerang "
        "pada 23 November mendatang.")
    for prep in (agency, engine, concert):
        assert "ICE" in load_payload(prep.fields[S.PAYLOAD]).entities["ORG"]
    for prep in (agency, engine):
        after = load_payload(apply_map(prep, emap).fields[S.PAYLOAD])
        assert venue not in after.entities.get("LOC", ()) and "ICE" not in after.entities.get(
            "ORG", ())
        assert all(m.name not in {venue, "ICE"} for m in after.mentions)
    # must not change: the venue
    assert venue in load_payload(apply_map(concert, emap).fields[S.PAYLOAD]).entities["LOC"]
