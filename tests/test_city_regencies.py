"""A town's bare name beside "Kota X" and "Kabupaten X" is the city, joined to "Kota X", and the
regency in an article that writes of the regency alone (:mod:`indexer.city_regencies`); "X
City" is "Kota X" in English."""

from __future__ import annotations

import time
from pathlib import Path

import orjson
from corpora import prepared_article

from indexer import schema as S
from indexer.city_regencies import LIST_MAX
from indexer.document import load_payload
from indexer.entity_map import EntityMap
from indexer.entity_norm import compute_map
from indexer.map_apply import apply_map
from indexer.name_evidence import NameEvidence
from indexer.name_kinds import IN_PREFIX
from indexer.spill import alias_person

# place -> articles, as the 22k corpus counts them
_LOC = {"Bekasi": 246, "Kota Bekasi": 97, "Kabupaten Bekasi": 68,
        "Kuningan": 181, "Kabupaten Kuningan": 10, "Jember": 12, "Kabupaten Jember": 3,
        "Bandung": 276, "Kota Bandung": 92, "Kabupaten Bandung": 39,
        "Kabupaten Bandung Barat": 20, "Provinsi Gorontalo": 6, "Gorontalo": 39,
        "Kota Gorontalo": 8, "Kabupaten Gorontalo": 6, "New York": 225, "New York City": 27,
        "Kota New York": 3, "Senayan": 777, "Senayan City": 32, "Kuningan City": 7}


def _map(loc: dict[str, int]) -> EntityMap:
    return compute_map({"PER": {}, "ORG": {}, "LOC": loc}, {}, alias_person, NameEvidence())


def test_the_bare_name_is_the_city_and_the_regency_stays_apart() -> None:
    m = _map(_LOC)
    assert m.entity("LOC", "Kota Bekasi") == m.entity("LOC", "Bekasi") == ("Bekasi",)
    assert m.entity("LOC", "Kabupaten Bekasi") == ("Kabupaten Bekasi",)
    # the province of the same name is neither
    assert m.entity("LOC", "Gorontalo") == ("Gorontalo",)
    assert m.entity("LOC", "Provinsi Gorontalo") == ("Provinsi Gorontalo",)
    # must not change: a town with a regency alone; a district of Jakarta beside a regency
    assert m.entity("LOC", "Jember") == m.entity("LOC", "Kabupaten Jember")
    assert m.entity("LOC", "Kuningan") == ("Kuningan",)
    assert m.entity("LOC", "Kabupaten Bandung Barat") == ("Kabupaten Bandung Barat",)


def test_english_city_is_the_city_where_the_corpus_writes_kota() -> None:
    m = _map(_LOC)
    assert m.entity("LOC", "New York City") == m.entity("LOC", "Kota New York") == ("New York",)
    # malls named "City": no "Kota Senayan", "Kota Kuningan"
    assert m.entity("LOC", "Senayan City") == ("Senayan City",)
    assert m.entity("LOC", "Kuningan City") == ("Kuningan City",)


def test_in_an_article_of_the_regency_alone_the_bare_name_is_the_regency() -> None:
    m = _map(_LOC)

    def place(text: str, values: list[str]) -> tuple[str, ...]:
        return m.entities_in("LOC", values, text=text)["Bekasi"]

    # real sentences of the corpus: the regency's government, its regent, "Kab."
    for text in ("Besok, Pemkab Bekasi Akan Perkenalkan Mobil Kancil untuk Angkutan Umum",
                 "Bupati Bekasi Eka Supria Atmaja meninjau banjir di Bekasi.",
                 "Caroline di kantor BPLJSKB, di Cibitung, Kab. Bekasi, Jawa Barat.",
                 "AR yang tinggal di Tambun Selatan, Kabupaten Bekasi, diringkus di Bekasi."):
        assert place(text, ["Bekasi"]) == ("Kabupaten Bekasi",), text
    # must not change: no regency written; the city written too; a longer regency's name
    for text in ("Truk dilarang melintas di Bekasi pada jam sibuk.",
                 "Wali Kota Bekasi Rahmat Effendi dan Bupati Bekasi bertemu di Bekasi.",
                 "Warga Kota Bekasi dan Kabupaten Bekasi memadati Bekasi."):
        assert place(text, ["Bekasi"]) == ("Bekasi",), text
    assert m.entities_in("LOC", ["Bandung"], text="Pemkab Bandung Barat menolak. Di Bandung.") \
        == {"Bandung": ("Bandung",)}
    # no text read: the city
    assert place("", ["Bekasi"]) == ("Bekasi",)


def test_a_list_after_the_regency_word_or_a_district_before_the_name_says_the_regency() -> None:
    m = _map({**_LOC, "Bogor": 217, "Kota Bogor": 46, "Kabupaten Bogor": 74,
              "Banjarbaru": 20, "Kota Banjarbaru": 5, "Kabupaten Banjarbaru": 1})

    def place(text: str, town: str = "Bekasi") -> tuple[str, ...]:
        return m.entities_in("LOC", [town], text=text)[town]

    # real sentences of the corpus: a list after "Kabupaten"; a district or village of the
    # regency written before the name as in an address
    assert place("penutupan perusahaan padat karya tertinggi terjadi di Kabupaten Karawang "
                 "dan Bekasi.") == ("Kabupaten Bekasi",)
    for text in ("Dijamu PS Tira Persikabo di Stadion Pakansari, Bogor, Sabtu 14 September 2019",
                 "pidato kontemplasi di Pendopo Puri Cikeas, Bogor, Jawa Barat, Senin malam",
                 "di Jalan Tol , Km 36, Desa Cipambuan, Kecamatan Babakan Madang, Bogor, Jawa",
                 "berlokasi di Grha Widya Wisuda, Kampus IPB Dramaga, Bogor, hari ini.",
                 "sebelum Gerbang Tol Sentul, Bogor. Akibat kejadian itu, kaca bus pecah",
                 "dimakamkan di pesantren Azzakri, Gunung Sindur, Bogor. (mg3/jpnn)",
                 "di Sentul International Circuit, Bogor, Jawa Barat.",
                 "Stadion Wibawa Mukti (Cikarang)  Pakan Sari (Bogor)  Patriot (Bekasi)",
                 # the regency's police command
                 "Kasat Lantas Polres Bogor AKP M Fadli Amri mengatakan, peristiwa itu"):
        assert place(text, "Bogor") == ("Kabupaten Bogor",), text
    assert place("ditangkap di Jakarta Utara, Tambun, Bekasi, dan Bogor, Jawa Barat.") \
        == ("Kabupaten Bekasi",)
    # must not change: a city's district (and a village of the regency named as its last
    # word); both halves' districts; a longer place's name; a lower-case word spelt as a
    # village; the city's words beside a regency's district, the city's police command; no
    # town's word before the name
    for text in ("Cibubur dengan Baranangsiang, Bogor. Setelah itu, dari Baranangsiang",
                 "warga Bogor Tengah, Bogor, mengungsi.",
                 "di Tanah Sareal, Bogor dan di Cikeas, Bogor.",
                 "warga Cikeas, Bogor Barat, mengungsi.",
                 "langit biru, Bogor cerah.",
                 "Wali Kota Bogor Bima Arya meninjau Stadion Pakansari, Bogor.",
                 "Kapolres Bogor Kota dan Kapolresta Bogor di Sentul, Bogor.",
                 "Warga Kabupaten Karawang dan Jakarta, juga Bogor."):
        assert place(text, "Bogor") == ("Bogor",), text
    # must not change: a town that is a city alone, whose one police command is the city's
    assert place("Kapolres Banjarbaru AKBP Doni Hadi Santoso", "Banjarbaru") == ("Banjarbaru",)
    # the regency's words outweigh a district of the city: the regent's story
    assert place("dari Baranangsiang, Bogor. Bupati Bogor Ade Yasin menyambut", "Bogor") \
        == ("Kabupaten Bogor",)
    # a list of LIST_MAX names before the town's still says the regency; one more does not
    names = [f"Tempat{chr(65 + i)}" for i in range(LIST_MAX + 2)]
    assert place(f"di Kabupaten {', '.join(names[:LIST_MAX + 1])} dan Bogor.", "Bogor") \
        == ("Kabupaten Bogor",)
    assert place(f"di Kabupaten {', '.join(names)} dan Bogor.", "Bogor") == ("Bogor",)


def test_many_regency_words_each_before_a_long_list_are_read_in_linear_time() -> None:
    """Each regency word starts a list that runs to the text's end: read from each of them to
    the end, 16,000 of them took minutes; the bounded list reads them in well under a second."""
    m = _map({**_LOC, "Bogor": 217, "Kota Bogor": 46, "Kabupaten Bogor": 74})
    text = "Kabupaten Karawang, " * 16_000 + "Bogor."
    started = time.perf_counter()
    assert m.entities_in("LOC", ["Bogor"], text=text)["Bogor"] == ("Bogor",)
    assert time.perf_counter() - started < 10


def _applied(tmp_path: Path, title: str, body: str, town: str) -> S.StoredArticle:
    """One article (which the extractor gives the place ``town``) after ``apply_map`` with a
    map of the corpus's counts; ``warta add`` applies the stored map as ``reindex`` does."""
    prep = prepared_article(tmp_path, title, body)
    before = load_payload(prep.fields[S.PAYLOAD])
    assert town in before.entities["LOC"]
    m = _map({**dict.fromkeys(before.entities["LOC"], 5), **_LOC, "Bogor": 217,
              "Kota Bogor": 46, "Kabupaten Bogor": 74})
    after = load_payload(apply_map(prep, m).fields[S.PAYLOAD])
    again = EntityMap.from_json(orjson.loads(orjson.dumps(m.to_json())))
    assert load_payload(apply_map(prep, again).fields[S.PAYLOAD]).entities == after.entities
    return after


def test_apply_map_reads_the_article_and_the_stored_map_does_the_same(tmp_path: Path) -> None:
    after = _applied(tmp_path, "Perluasan TPA Burangkeng, Walhi: Bekasi Harus Bangun Infrastuktur",
                     "Walhi menyarankan Pemerintah Kabupaten Bekasi segera membangun "
                     "infrastuktur. Warga Bekasi mengeluhkan bau sampah.", "Bekasi")
    assert "Bekasi" not in after.entities["LOC"] and "Kabupaten Bekasi" in after.entities["LOC"]
    assert {m.name for m in after.mentions if m.type == "LOC"
            and after.body[m.start:m.end] == "Bekasi"} <= {"Kabupaten Bekasi"}


def test_a_bare_name_after_the_regencys_police_is_the_regency_there(tmp_path: Path) -> None:
    # the corpus's story of the Jagorawi accident: the regency's police, a victim of the city
    body = ("Minibus itu melaju dari arah Bogor menuju Jakarta. Kasat Lantas Polres Bogor AKP "
            "Fadli Amri mengatakan tiga orang tewas. Korban adalah warga Griya Katulampa Kota "
            "Bogor.")
    after = _applied(tmp_path, "Kecelakaan di Tol Jagorawi", body, "Bogor")
    named = {body[m.start:m.end] + "@" + str(m.start): m.name for m in after.mentions
             if m.type == "LOC" and m.field == "body"}
    police = body.index("Bogor AKP")
    assert named[f"Bogor@{police}"] == "Kabupaten Bogor"
    # must not change: the bare name elsewhere in the story, and the city
    assert named[f"Bogor@{body.index('Bogor menuju')}"] == "Bogor"
    assert {"Bogor", "Kabupaten Bogor"} <= set(after.entities["LOC"])


def test_a_district_elsewhere_is_the_regency_where_the_article_says_so() -> None:
    # "Kuningan, Jakarta Selatan" in most of its articles: a district of Jakarta the map keeps
    # apart from Kabupaten Kuningan of West Java (no "Kota Kuningan")
    evidence = NameEvidence(kinds={(("LOC", "Kuningan"), f"{IN_PREFIX}Jakarta Selatan"): 146})
    m = compute_map({"PER": {}, "ORG": {}, "LOC": {**_LOC, "Jakarta Selatan": 1200,
                                                   "Kabupaten Indramayu": 9,
                                                   "Kabupaten Kebumen": 4, "Menteng": 60,
                                                   "Setiabudi": 30}}, {},
                    alias_person, evidence)
    assert m.entity("LOC", "Kuningan") == ("Kuningan",)
    assert m.entity("LOC", "Kabupaten Kuningan") == ("Kabupaten Kuningan",)

    def place(text: str) -> tuple[str, ...]:
        return m.entities_in("LOC", ["Kuningan"], text=text)["Kuningan"]

    # real sentences of the corpus: the regency's words in the article
    for text in ("Banyak ikan ada Bawal dan ikan lain khas Kuningan. Ridwan Kamil optimis "
                 "pengembangan Telaga Biru di Kabupaten Kuningan akan berdampak.",
                 "Kepala BPBD Kabupaten Kuningan Agus Mauludin di Kuningan, Kamis (24/10/2019).",
                 "citra pariwisata khususnya bagi Kabupaten Kuningan. Masyarakat Kuningan "
                 "sangat antusias.",
                 # listed between towns: the towns of a province, not Jakarta's district
                 "seluruh jemaah berasal dari Jakarta, Bogor, Indramayu, Kuningan, Kebumen.",
                 "Jakarta, Bogor, Tangerang, Bekasi, Depok, Padang, Palembang, Indramayu, "
                 "Kuningan, Kebumen, Ciamis, Brebes, Surabaya, Lampung dan Medan."):
        assert place(text) == ("Kabupaten Kuningan",), text
    # must not change: the district's address, no regency written; listed between districts
    # of Jakarta, or beside one town only
    for text in ("kata Yasonna di kantornya, Jalan HR Rasuna Said, Kuningan, Jakarta Selatan.",
                 "macet di Menteng, Kuningan, dan Setiabudi pagi ini.",
                 "perkantoran di Setiabudi, Kuningan dan Jakarta."):
        assert place(text) == ("Kuningan",), text
    # must not change: a town with a regency alone is joined to it, whatever the article says
    assert m.entity("LOC", "Jember") == m.entity("LOC", "Kabupaten Jember")


def test_in_an_article_of_the_province_alone_the_bare_name_is_the_province(tmp_path: Path
                                                                            ) -> None:
    m = _map(_LOC)

    def place(text: str) -> tuple[str, ...]:
        return m.entities_in("LOC", ["Gorontalo"], text=text)["Gorontalo"]

    # real sentences of the corpus: the governor, the province's office
    for text in ("Gubernur Gorontalo Rusli Habibie mengaku keluarga sudah mendapat sinyal.",
                 "serah terima jabatan kepala BPK RI Perwakilan Provinsi Gorontalo Muhaimin. "
                 "Acara digelar di Gorontalo."):
        assert place(text) == ("Provinsi Gorontalo",), text
    # must not change: the city's words too, the regency's, no region's words
    for text in ("Gubernur Gorontalo dan Wali Kota Gorontalo Marten Taha hadir di Gorontalo.",
                 "Bupati Gorontalo dan Gubernur Gorontalo meninjau Gorontalo.",
                 "Dia berasal dari Gorontalo, Sulawesi."):
        assert place(text) != ("Provinsi Gorontalo",), text
    # a province's name the corpus writes as no city's is left to the map ("Jawa Barat")
    m2 = _map({"Jawa Barat": 900, "Provinsi Jawa Barat": 40})
    assert m2.entities_in("LOC", ["Jawa Barat"], text="Gubernur Jawa Barat Ridwan Kamil.") \
        == {"Jawa Barat": m2.entity("LOC", "Jawa Barat")}
    after = _applied(tmp_path, "Gubernur Gorontalo Minta Doa untuk Habibie",
                     "Gubernur Gorontalo Rusli Habibie yang juga keponakan Habibie meminta "
                     "masyarakat Gorontalo mendoakan kesembuhan pamannya.", "Gorontalo")
    assert "Gorontalo" not in after.entities["LOC"]
    assert "Provinsi Gorontalo" in after.entities["LOC"]
