"""A place's name written inside an organisation's or an event's name is no value of the
article (:mod:`indexer.org_places`): "Istanbul Basaksehir", "Air Asia" of AirAsia, "China
Open", nor a club's city's bare name in sports news naming the club ("Madrid unggul 3-0" of
Real Madrid); a place's name ending an organisation's, a place's name the extractor read into an
organisation's, and the place written elsewhere in the article stay (real sentences of the 22k
corpus, mapped as a build maps them, and by the stored map as ``warta add`` applies it)."""

from __future__ import annotations

from pathlib import Path

import orjson
from corpora import prepared_article

from indexer import schema as S
from indexer.document import load_payload
from indexer.entity_map import EntityMap
from indexer.entity_norm import compute_map
from indexer.map_apply import apply_map
from indexer.name_evidence import NameEvidence
from indexer.org_places import OrgLeads, in_org_names
from indexer.spill import alias_person

# value -> articles, as the 22k corpus counts them
_ORG = {"Real Madrid": 165, "PSMS Medan": 13,
        "Istanbul Basaksehir": 1, "AirAsia": 11, "Paris Saint-Germain": 30, "AS Roma": 57,
        "Persipura Jayapura": 5, "Senayan Jakarta Pusat": 1, "Lion Air": 60,
        "Polda Jawa Timur": 20, "China Open": 3}
_LOC = {"Madrid": 47, "Medan": 240,
        "Istanbul": 21, "Asia": 451, "Paris": 100, "Jayapura": 157, "Senayan Jakarta": 4,
        "Jakarta Pusat": 300, "Senayan": 777, "Jawa Timur": 465, "Turki": 120,
        "Bandara Kertajati": 18, "China": 851, "Changzhou": 50}


def _map() -> EntityMap:
    return compute_map({"PER": {}, "ORG": _ORG, "LOC": _LOC}, {}, alias_person, NameEvidence())


def _places(tmp_path: Path, title: str, body: str, m: EntityMap,
            category: str = "news") -> tuple[str, ...]:
    return load_payload(apply_map(prepared_article(tmp_path, title, body, category), m)
                        .fields[S.PAYLOAD]).entities.get("LOC", ())


def _extracted(tmp_path: Path, title: str, body: str) -> dict[str, tuple[str, ...]]:
    """A sports article's values as the extractor reads them, before the map."""
    return load_payload(prepared_article(tmp_path, title, body, "Bola").fields[S.PAYLOAD]
                        ).entities


def test_a_place_beginning_or_glued_into_an_organisations_name_is_no_value(
        tmp_path: Path) -> None:
    m = _map()
    cases = [("Istanbul", "Hasil Liga Europa Grup A-L, Man United dan Arsenal Menang",
              "AS Roma sukses meraih tiga poin setelah mengalahkan Istanbul Basaksehir dengan "
              "skor 4-0 pada laga perdana Grup J."),
             ("Asia", "Garuda Akui Alasan Stop Layanan di Bandara Kertajati",
              "Dengan berhentinya Garuda, tersisa Lion Air dan Air Asia yang masih melayani "
              "penerbangan di Bandara Kertajati."),
             # an event's name the map keeps as no value
             ("China", "China Open 2019: Anthony Ginting vs Nishimoto, Ini Rekor Mereka",
              "Ganda putri Indonesia lolos ke perempat final China Open 2019.")]
    for place, title, body in cases:
        extracted = load_payload(prepared_article(tmp_path, title, body).fields[S.PAYLOAD])
        assert place in extracted.entities["LOC"]
        assert place not in _places(tmp_path, title, body, m)
    # ``warta add`` applies the stored map as ``reindex`` does
    again = EntityMap.from_json(orjson.loads(orjson.dumps(m.to_json())))
    assert _places(tmp_path, title, body, again) == _places(tmp_path, title, body, m)


def test_a_place_ending_a_name_or_written_elsewhere_stays(tmp_path: Path) -> None:
    m = _map()
    title = "Ginting ke Perempat Final China Open"
    body = ("Anthony Ginting menghadapi Kenta Nishimoto di babak pertama China Open 2019 di "
            "Changzhou, China.")
    assert "China" in _places(tmp_path, title, body, m)
    title = "AS Roma Vs Istanbul Basaksehir"
    body = ("AS Roma menjamu Istanbul Basaksehir. Tim asal Istanbul itu kalah 0-4 di Roma.")
    assert "Istanbul" in _places(tmp_path, title, body, m)
    # the words after the place name another place: the extractor's organisation is no name
    title = "Tangis Imam Nahrawi Pecah saat Pamit Dengan Pegawai Kemenpora"
    body = ("Imam Nahrawi langsung menuju Kantor Kemenpora di Senayan Jakarta Pusat usai "
            "memberikan surat pengunduran diri.")
    before = load_payload(prepared_article(tmp_path, title, body).fields[S.PAYLOAD])
    assert _places(tmp_path, title, body, m) == before.entities.get("LOC", ())


def test_the_mentions_read_inside_names() -> None:
    orgs = OrgLeads()
    orgs.fill(_ORG, _LOC, lambda v: True)
    assert set(orgs.held) == {"Istanbul", "Asia", "Paris", "Senayan", "Senayan Jakarta", "China"}
    text = ("Persipura Jayapura kalah dari Paris Saint-Germain, Air Asia, Jawa Timur dan "
            "Senayan Jakarta Pusat.")

    def at(name: str, written: str) -> dict[str, object]:
        start = text.index(written)
        return {"field": "body", "start": start, "end": start + len(written), "name": name,
                "type": "LOC"}

    mentions = [at("Jayapura", "Jayapura"), at("Paris", "Paris"), at("Asia", "Asia"),
                at("Jawa Timur", "Jawa Timur"), at("Senayan Jakarta", "Senayan Jakarta")]
    assert in_org_names("", text, mentions, orgs, lambda m: True) == {
        ("body", text.index("Paris")), ("body", text.index("Asia"))}


def test_a_place_standing_for_a_club_the_sports_news_names_is_no_value(tmp_path: Path) -> None:
    m = _map()
    title = "Real Madrid Bungkam Galatasaray"
    club = ("Real Madrid menjamu Galatasaray. Gol pada menit ke-40 berkat assist Vinicius "
            "Junior. Madrid unggul 3-0 hingga babak pertama usai.")
    extracted = load_payload(prepared_article(tmp_path, title, club, "Bola").fields[S.PAYLOAD])
    assert "Madrid" in extracted.entities["LOC"]
    assert "Madrid" not in _places(tmp_path, title, club, m, "Bola")
    again = EntityMap.from_json(orjson.loads(orjson.dumps(m.to_json())))
    assert _places(tmp_path, title, club, again, "Bola") == _places(tmp_path, title, club, m,
                                                                    "Bola")
    # outside sports news, in an article of no category, or where the article writes the
    # place as a place, it stays
    assert "Madrid" in _places(tmp_path, title, club, m)
    assert "Madrid" in _places(tmp_path, title, club, m, "")
    assert "Madrid" in _places(tmp_path, title, club + " Laga itu dimainkan di Madrid.", m,
                               "Bola")
    title = "PSMS Medan Rekrut Bek Muda"
    body = ("Ia pernah membela Bhayangkara FC dan PSMS Medan. Pemain kelahiran Medan ini "
            "diketahui mampu bermain di lebih dari satu posisi.")
    assert "Medan" in _places(tmp_path, title, body, m, "Bola")


def test_a_place_standing_for_a_club_named_otherwise_or_after_it_is_no_value(
        tmp_path: Path) -> None:
    # the 22k corpus writes "Persipura" alone and "Persipura Jayapura", "Persija" and
    # "Persija Jakarta" (one club each), "Kalteng Putra" (a club named after the province's
    # short name)
    m = compute_map({"PER": {}, "ORG": {"Persipura": 68, "Persipura Jayapura": 56,
                                        "PSS Sleman": 40, "Persija": 150, "Persija Jakarta": 120,
                                        "Kalteng Putra": 49, "Persebaya": 120},
                     "LOC": {"Jayapura": 157, "Jakarta": 4675, "Sleman": 45,
                             "Kalimantan Tengah": 235, "Palangka Raya": 24}},
                    {}, alias_person, NameEvidence())
    assert m.entity("ORG", "Persipura Jayapura") == ("Persipura",)
    cases = [  # (place, club, title, body, kept outside sports news)
        ("Jayapura", "Persipura",
         "PSS Sleman vs Persipura, Jacksen Tak Ingin Tren Kemenangan Mandek",
         "Jayapura bakal bertandang ke markas PSS Sleman pada laga pekan ke-19 Liga 1 2019. "
         "Dalam lawatan ke Sleman, Mutiara Hitam -julukan Persipura- membawa motivasi tinggi.",
         True),
        # a club named after a place's short name, the rest of its name after the mention: the
        # two make an organisation's name the corpus has, in any news (part_places)
        ("Kalimantan Tengah", "Kalteng Putra",
         "Liga 1: Kalteng Putra Vs Persebaya, OK John Yakin Redam Da Silva",
         "Bagi pria yang telah dinaturalisasi itu, pertandingan Kalteng Putra dengan Persebaya "
         "sangat penting. Di lokasi yang sama, Pelatih Kalteng Putra Gomes de Oliviera "
         "mengatakan, dalam laga besok dua pemain asing absen.", False)]
    again = EntityMap.from_json(orjson.loads(orjson.dumps(m.to_json())))
    for place, club, title, body, kept in cases:
        extracted = _extracted(tmp_path, title, body)
        assert place in extracted["LOC"]
        assert club in extracted["ORG"]
        assert place not in _places(tmp_path, title, body, m, "Bola")
        assert place not in _places(tmp_path, title, body, again, "Bola")
        assert (place in _places(tmp_path, title, body, m)) == kept  # not sports news
    # written as the place, it stays: "di Jayapura", a dateline
    place, _, title, body, _ = cases[0]
    assert place in _places(tmp_path, title, body + " Tim tiba di Jayapura kemarin.", m, "Bola")
    title = "Susunan Pemain Indonesia vs Thailand: Andalkan Beto"
    body = ("Tim nasional Indonesia menjamu Thailand di Stadion Utama Gelora Bung Karno (SUGBK)"
            "\n\nJakarta, Selasa (10/9/2019) malam. Penyerang Persija tampil sebagai starter.")
    assert "Jakarta" in _places(tmp_path, title, body, m, "Bola")


def test_a_place_ending_a_clubs_name_written_in_full_is_no_place_there(tmp_path: Path) -> None:
    # the 22k corpus writes "Badak Lampung FC" and "Badak Lampung" (one club); the extractor
    # reads "Badak" apart from "Lampung"
    m = compute_map({"PER": {}, "ORG": {"Badak Lampung FC": 7, "Badak Lampung": 6,
                                        "Kalteng Putra": 49, "Persebaya": 120},
                     "LOC": {"Lampung": 120, "Kalimantan Tengah": 235}},
                    {}, alias_person, NameEvidence())
    title = "Hasil Liga 1: Badak Lampung Tekuk Tim Tamunya, Kalteng Putra 2-1"
    body = ("Kemenangan ini, membuat Badak Lampung naik satu peringkat ke posisi 12 klasemen "
            "sementara Liga 1.")
    _the_clubs_in_sports_news(tmp_path, m, "Lampung", title, body)
    # the place written as a place stays
    assert "Lampung" in _places(tmp_path, title, body + " Laga digelar di Lampung.", m, "Bola")


def test_a_town_named_mostly_for_its_clubs_is_the_clubs_in_sports_news(tmp_path: Path) -> None:
    # the 22k corpus names Real Madrid in 165 articles, Madrid the place in 41; Persija Jakarta
    # in far fewer than Jakarta
    m = compute_map({"PER": {}, "ORG": {"Real Madrid": 165, "Atletico Madrid": 20,
                                        "Persija Jakarta": 120, "Levante": 30},
                     "LOC": {"Madrid": 41, "Jakarta": 4675}}, {}, alias_person, NameEvidence())
    title = "Zidane Harap Tak Ada Lagi Pemain yang Cedera"
    body = ("Zidane berharap tidak ada lagi pemain yang mengalami cedera. Sebagaimana diketahui, "
            "Madrid memang memulai kampanye mereka di musim 2019-2020 tanpa diperkuat Hazard.")
    _the_clubs_in_sports_news(tmp_path, m, "Madrid", title, body)
    # written as the place ("kota kelahirannya, Madrid"); a town its clubs do not outnumber
    body = ("De Gea kerap dikaitkan dengan transfer kembali ke kota kelahirannya, Madrid. "
            "Kiper itu bermain untuk Manchester United.")
    assert "Madrid" in _places(tmp_path, "Kontrak Baru De Gea", body, m, "Bola")
    body = "Jakarta akan melakoni laga tunda pekan ke-11 kompetisi sepak bola Liga 1."
    assert "Jakarta" in _places(tmp_path, "Jadwal Laga Tunda", body, m, "Bola")


def test_a_german_clubs_first_word_makes_its_town_the_clubs() -> None:
    # the 22k corpus: Eintracht Frankfurt in 28 articles, Frankfurt the place in 22 (a motor
    # show, flights); "eintracht" is a club's first word (``data/club_context.txt`` [first]),
    # so the town is named mostly for its club and read as it in sports news (as Madrid above)
    m = compute_map({"PER": {}, "ORG": {"Eintracht Frankfurt": 28, "Werder Bremen": 3,
                                        "Arsenal": 300},
                     "LOC": {"Frankfurt": 22, "Bremen": 2, "Berlin": 60}},
                    {}, alias_person, NameEvidence())
    assert set(m.club_towns()) == {"frankfurt", "bremen"}  # variant keys
    again = EntityMap.from_json(orjson.loads(orjson.dumps(m.to_json())))
    assert set(again.club_towns()) == {"frankfurt", "bremen"}


def _the_clubs_in_sports_news(tmp_path: Path, m: EntityMap, place: str, title: str,
                              body: str) -> None:
    """The extractor's place of a sports article is no value of it under the map ``m`` and
    under ``m`` as ``warta add`` reads it stored; of the article filed as other news, it is."""
    assert place in _extracted(tmp_path, title, body)["LOC"]
    assert place not in _places(tmp_path, title, body, m, "Bola")
    again = EntityMap.from_json(orjson.loads(orjson.dumps(m.to_json())))
    assert place not in _places(tmp_path, title, body, again, "Bola")
    assert place in _places(tmp_path, title, body, m)
