"""A place's name written as a part of a longer name of something else ("Kodam
XVII/Cenderawasih", "Komite Nasional Papua Barat (KNPB)", "Kabupaten Rokan Hulu" cut before
"Hulu") is no place of the article there (:mod:`indexer.part_places`); an article that also
names the place elsewhere keeps it."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from corpora import places_after, prepared_article
from tantivy import Query

from indexer import schema as S
from indexer import store
from indexer.document import load_payload
from indexer.entities.facts import countries
from indexer.entity_map import EntityMap
from indexer.map_apply import apply_map
from indexer.part_places import in_longer_names, name_parts, named_as


def _inside(text: str, places: list[str], known: frozenset[str] = frozenset()) -> list[str]:
    out: list[dict[str, object]] = []
    for written in places:
        start = text.index(written, int(str(out[-1]["end"])) if out else 0)
        out.append({"type": "LOC", "name": written, "field": "body", "start": start,
                    "end": start + len(written)})
    found = in_longer_names("", text, out, lambda m: True,
                            lambda m, v: v in known and v != m["name"])
    return [str(m["name"]) for m in out if ("body", m["start"]) in found]


def test_a_place_inside_a_longer_name_is_found() -> None:
    """Sentences of the corpus: a command's name after its Roman number, a name its acronym
    spells with the place's words, a region's name cut before the word of its part."""
    for text, places, inside in (
            ('ujar Kapendam XVII/Cenderawasih, Letkol CPL Eko Daryanto dalam keterangan',
             ["Cenderawasih"], ["Cenderawasih"]),
            ("Riau Drs. H. Syamsuar, Dirjen Gakkum LHK, Pangdam I/Bukit Barisan, Asops Panglima",
             ["Riau", "Bukit Barisan"], ["Bukit Barisan"]),
            ("Polisi menangkap Ketua Komisi Nasional Papua Barat (KNPB) Agus Kossay untuk "
             "tuduhan makar.", ["Papua Barat (KNPB)"], ["Papua Barat (KNPB)"]),
            ("Aksi demo Aliansi Mahasiswa Papua (AMP) di daerah Expo Waena, Jayapura, Papua",
             ["Papua", "Jayapura", "Papua"], ["Papua"]),
            ("Persekutuan Gereja-gereja di Indonesia (PGI) menyampaikan keprihatinan",
             ["Indonesia"], ["Indonesia"]),
            ("melaporkan kasus ini kepada Konsulat Jenderal Republik Indonesia (KJRI) Chicago.",
             ["Republik Indonesia (KJRI)"], ["Republik Indonesia (KJRI)"]),
            ("penerbangan di Bandara Internasional Jawa Barat (BIJB) Kertajati, Majalengka",
             ["Jawa Barat (BIJB)", "Majalengka"], ["Jawa Barat (BIJB)"]),
            ("lokasinya persis di Kecamatan Tambusai, Kabupaten Rokan Hulu (Rohul). Tempat",
             ["Kecamatan Tambusai", "Kabupaten Rokan"], ["Kabupaten Rokan"]),
            ("Rektor Universitas Riau Kepulauan Edwin Agung Wibowo", ["Riau"], ["Riau"])):
        assert _inside(text, places) == inside, text
    # must not change: a district command named after its town (digits), an acronym of the
    # place's own words or of lower-case words, a state's or a region's own long name, a
    # site named after the place, a region's name followed by another word
    for text, places in (
            ('kata Komandan Kodim 1702/Jayawijaya, Letkol Inf Candra Dianto', ["Jayawijaya"]),
            ("Jakarta Selatan (Blok M/Senayan)", ["Jakarta Selatan", "Blok M", "Senayan"]),
            ("Amerika Serikat (AS) dan China", ["Amerika Serikat (AS)", "China"]),
            ("diawaki oleh lima orang warga negara Indonesia (WNI) itu", ["Indonesia"]),
            ("antara pemerintahan Republik Indonesia (RI) dan Kerajaan Inggris", ["Indonesia",
                                                                                 "Inggris"]),
            ("Perbatasan RI-Republik Demokratik Timor Leste (RDTL).", ["Timor Leste (RDTL)"]),
            ("Asisten Perekonomian DI Yogyakarta (DIY) Trisaktiyana", ["Yogyakarta"]),
            ("Desa itu masuk Kawasan Taman Nasional Gunung Halimun Salak (TNGHS).",
             ["Gunung Halimun Salak (TNGHS)"]),
            ("Lion Air Penerbangan JT-310 Surabaya (SUB) – Banjarmasin (BDJ).",
             ["Surabaya", "Banjarmasin"]),
            ("kebebasan tidak dinikmati di Cina Daratan.", ["Cina"]),
            ("Dihadapan para pejabat di Jakarta Senin lalu", ["Jakarta"])):
        assert _inside(text, places) == [], text


def test_a_place_beginning_a_name_its_acronym_spells_is_found() -> None:
    """Sentences of the corpus: a place's name, two capitalised words or more and an acronym in
    brackets that spells them all name another thing (an event, a body, a road)."""
    for text, places in (
            ("menjadi Marathon terbaik di Indonesia, Solo International Performing Art (SIPA)  "
             "Dieng Cultural Festival", ["Indonesia", "Solo"]),
            ("berkat undangan Singapore Tourism Board (STB). Bahkan, dalam sesi latihan",
             ["Singapore"]),
            ("ekspor impor yakni: Jakarta International Container Terminal (JICT)  Terminal",
             ["Jakarta"]),
            ("Ketua Umum Indonesia Iron and Steel Industry Association (IISIA) Silmy Karim",
             ["Indonesia"])):
        assert _inside(text, places) == places[-1:], text
    # must not change: one word after (the place's own name, cut or misspelt), an acronym of
    # other words, no acronym
    for text, places in (
            ("Sedangkan Amerika Seriakt (AS) menuduh Iran", ["Amerika"]),
            ("di Jakarta Convention Center (ICE) pekan lalu", ["Jakarta"]),
            ("ujar Gubernur Jawa Barat Ridwan Kamil (RK) di Bandung", ["Jawa Barat", "Bandung"])):
        assert _inside(text, places) == [], text


def test_a_place_cut_before_the_rest_of_another_places_name_is_found() -> None:
    """Sentences of the corpus, with places' names the corpus has: a place's mention and the
    capitalised word after it make another place's name, with a town's kind or not."""
    known = frozenset({"Kota Padang Sidempuan", "Padang Sidimpuan", "Jakarta Pusat", "Jakarta",
                       "Tegal Alur", "Senayan Jakarta", "Bekasi Kota", "Bandara Soekarno Hatta",
                       "RI BJ", "Yaman Houthi"})
    for text, places, inside in (
            ("bibit awan di daerah Dumai, Rohil, dan Padang Sidempuan, Sumatera Utara",
             ["Dumai", "Rohil", "Padang", "Sumatera Utara"], ["Padang"]),
            ("personel Satresnarkoba Polres Padang Sidimpuan mendapat informasi", ["Padang"],
             ["Padang"]),
            ("Sementara itu, Kapolres Jakarta Pusat Kombes Harry Kurniawan, mencoba", ["Jakarta"],
             ["Jakarta"]),
            ("wilayah Kelurahan Pegadungan, Kamal, Kamal Muara dan Tegal Alur.",
             ["Kelurahan Pegadungan", "Kamal", "Kamal Muara", "Tegal"], ["Tegal"])):
        assert _inside(text, places, known) == inside, text
    # must not change: the word after is a place itself, a town's kind, initials; the longer
    # name is the mention's own place; a headline
    for text, places in (
            ("menuju Kantor Kemenpora di Senayan Jakarta untuk", ["Senayan"]),
            ("kata Kapolres Metro Bekasi Kota Kombes Indarto", ["Bekasi"]),
            ("Presiden ketiga RI BJ Habibie masih dirawat", ["RI"]),
            ("entah itu dilakukan pemberontak Yaman Houthi atau oleh Iran", ["Yaman", "Iran"]),
            ("terpaksa mendarat di Bandara Soekarno Hatta karena kabut asap",
             ["Bandara Soekarno Hatta"])):
        assert _inside(text, places, known) == [], text
    title = "Banjir di Jakarta Pusat Surut"
    start = title.index("Jakarta")
    m = {"type": "LOC", "name": "Jakarta", "field": "title", "start": start, "end": start + 7}
    assert in_longer_names(title, "", [m], lambda m: True, lambda m, v: v in known) == set()


def test_apply_map_drops_the_longer_name_unless_the_article_names_the_place(
        tmp_path: Path) -> None:
    emap = EntityMap({}, {"LOC": {"Papua": 900, "Jayapura": 300, "Cenderawasih": 20,
                                  "Padang": 95, "Kota Padang Sidempuan": 1, "Dumai": 40}})
    stored = EntityMap.from_json(emap.to_json())  # ``warta add`` applies it as ``reindex``
    for body, places in (
            ("Kepala Penerangan Kodam XVII/Cenderawasih, Letkol CPL Eko Daryanto, mengatakan "
             "pasukan tiba di Jayapura, Papua.", {"Jayapura": 1, "Papua": 1}),
            ("Aksi demo Aliansi Mahasiswa Papua (AMP) di daerah Expo Waena, Jayapura, Papua, "
             "pada hari ini.", {"Expo Waena": 1, "Jayapura": 1, "Papua": 1}),
            ("Aksi demo Aliansi Mahasiswa Papua (AMP) digelar di depan kampus hari ini.", {}),
            # the corpus has "Kota Padang Sidempuan": the town cut to "Padang" is not Padang
            ("BMKG mendeteksi adanya bibit awan di daerah Dumai, Rokan Hilir, dan Padang "
             "Sidempuan. Hujan turun di Padang pada malam hari.",
             {"Dumai": 1, "Rokan Hilir": 1, "Padang": 1}),
            ("BMKG mendeteksi adanya bibit awan di daerah Dumai, Rokan Hilir, dan Padang "
             "Sidempuan, Sumatera Utara.", {"Dumai": 1, "Rokan Hilir": 1, "Sumatera Utara": 1})):
        prep = prepared_article(tmp_path, "Berita", body)
        before = [m for m in load_payload(prep.fields[S.PAYLOAD]).mentions if m.type == "LOC"]
        assert len(before) == sum(places.values()) + 1, body
        for m in (emap, stored):
            after = load_payload(apply_map(prep, m).fields[S.PAYLOAD])
            assert set(after.entities.get("LOC", ())) == set(places), body
            assert Counter(x.name for x in after.mentions if x.type == "LOC") == places, body


def test_on_the_corpus_no_place_is_a_commands_name(full_index_dir: Path) -> None:
    """Brute force over the 22k index: no place mention right after a Roman number and a
    slash ("Kodam XVII/Cenderawasih"), and Papua is still the province of many articles."""
    left, papua = places_after(full_index_dir,
                               lambda t: re.search(r"(?<![^\W_])[IVX]+ ?/\Z", t) is not None,
                               "Papua")
    assert left == []
    assert 300 < papua < 1000


def _cut_from(text: str, places: list[str], counts: dict[str, dict[str, int]]) -> list[str]:
    out: list[dict[str, object]] = []
    for written in places:
        start = text.index(written, int(str(out[-1]["end"])) if out else 0)
        out.append({"type": "LOC", "name": written, "field": "body", "start": start,
                    "end": start + len(written)})
    parts = name_parts(counts)
    found = in_longer_names("", text, out, lambda m: True,
                            named=lambda v: named_as(counts, parts, v))
    return [str(m["name"]) for m in out if ("body", m["start"]) in found]


def test_a_place_cut_from_an_organisations_or_a_persons_name_is_found() -> None:
    """Sentences of the corpus, with organisations' and persons' names the corpus has: a place's
    mention and the capitalised words after it (or a first name before it) make one."""
    counts = {"ORG": {"PT Solo Manufaktur Kreasi": 21, "AS Roma": 30, "PT Jakarta Propertindo": 9,
                      "Senayan Jakarta Pusat": 2, "Asia Grup G": 3, "Polda Riau": 50,
                      "Zona Asia Grup G": 2, "Universitas Jember": 20, "Bank Papua Barat": 1,
                      "Medan Jaya Tbk": 1},
              "LOC": {"Kuala Lumpur Kepong Bhd": 2},
              "PER": {"Izmy Yaman Hatuwe": 3, "Naomi Osaka": 12, "Madagaskar Andry Rajoelani": 2,
                      "Mason Greenwood": 8, "Cha Dal Gun": 5, "Kabupaten Jember": 2,
                      "Nur Asia Uno": 2, "Metro Bekasi Kota Kombes Indarto": 2,
                      "Hotman Paris Hutapea": 1}}
    for text, places, inside in (
            ("Rencananya, Solo Manufaktur Kreasi bakal menjual Bima in", ["Solo"], ["Solo"]),
            ("AS Roma Hajar Sassuolo 4-2", ["AS"], ["AS"]),
            ("Itu belum termasuk Jakarta Propertindo juga mengajukan", ["Jakarta"], ["Jakarta"]),
            ("Keluar: Izmy Yaman Hatuwe (Persela Lamongan)", ["Yaman", "Lamongan"], ["Yaman"]),
            ("Prestasi Menurun, Naomi Osaka Putuskan Ganti Pelatih", ["Osaka"], ["Osaka"]),
            ("Penentu Kemenangan Man United, Mason Greenwood Dipuji Solskajer", ["Greenwood"],
             ["Greenwood"]),
            ("mengisahkan tentang Cha Dal Gun, pria yang", ["Dal Gun"], ["Dal Gun"]),
            ("istri mantan Wakil Gubernur DKI Jakarta Sandiaga Uno, Nur Asia.", ["Jakarta", "Asia"],
             ["Asia"]),
            # a company's name with its legal form, read as a place's in 2 articles
            ("anak-anak perusahaan Simedarby-Minamas, Kuala Lumpur Kepong dan Batu Kawan",
             ["Kuala Lumpur"], ["Kuala Lumpur"])):
        assert _cut_from(text, places, counts) == inside, text
    # must not change: a region's part after the place, a country's name before a head of
    # state's, a continent in a zone's name, an organisation's name the place ends, a name the
    # corpus has once, a region's kind before the place or after it
    for text, places in (
            ("Kantor Kemenpora di Senayan Jakarta Pusat usai memberikan", ["Senayan Jakarta"]),
            ("pertemuan dengan Presiden Madagaskar Andry Rajoelani di Antananarivo",
             ["Madagaskar", "Antananarivo"]),
            ("kualifikasi Piala Dunia 2022 Zona Asia Grup G di Stadion", ["Asia"]),
            ("Kepala Bidang Humas Polda Riau Komisaris Besar Sunarto", ["Riau"]),
            ("Dekan Fakultas Hukum Universitas Jember Nurul Ghufron", ["Jember"]),
            ("nasabah Bank Papua Barat di Manokwari", ["Papua Barat", "Manokwari"]),
            ("warga Kabupaten Jember mengeluh", ["Jember"]),
            ("Kapolres Metro Bekasi Kota Kombes Indarto mengatakan", ["Bekasi"]),
            ("menyebutnya dengan 'Gus Lora Hotman Paris'.", ["Paris"]),
            ("pabrik baja Medan Jaya di Belawan", ["Medan", "Belawan"])):
        assert _cut_from(text, places, counts) == [], text


def test_on_the_corpus_no_place_begins_a_name_the_article_has(full_index_dir: Path) -> None:
    """Brute force over the 22k index: a place mention written at the start of a person's or an
    organisation's name of the same article (the whole name from the mention's start: "[[AS]]
    Roma", "[[Uya]] Kuya") is left only where the corpus has that name in one article or the
    mention is a country's name."""
    emap = store.load_entity_map(full_index_dir)
    searcher = store.open_index(full_index_dir).searcher()
    left, named = [], 0
    for _, addr in searcher.search(Query.all_query(), searcher.num_docs).hits:
        art = load_payload(searcher.doc(addr)[S.PAYLOAD][0])
        names = [v for typ in ("PER", "ORG") for v in art.entities.get(typ, ()) if " " in v]
        for m in art.mentions:
            text = art.title if m.field == "title" else art.body
            written = text[m.start:m.end]
            for name in names:
                end = m.start + len(name)
                if m.type == "LOC" and name.startswith(written + " ") \
                        and text.startswith(name, m.start) and not text[end:end + 1].isalnum():
                    named += 1
                    if named_as(emap.counts, {}, name) is not None \
                            and written.lower() not in countries():
                        left.append((art.id, name))
    assert left == []
    assert named < 20
