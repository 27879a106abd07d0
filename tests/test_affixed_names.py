"""An organisation's name and its name with a word of ``data/org_affixes.txt`` added, or its
first words written in full or short (``data/org_heads.txt``), or a joining word of
``data/name_connectors.txt`` more or less, are one value (indexer.variant_joins): through the
corpus-level map, on hand-made counts."""

from __future__ import annotations

from indexer.entity_map import EntityMap
from indexer.entity_norm import compute_map
from indexer.spill import alias_person


def _map(org: dict[str, int], per: dict[str, int] | None = None) -> EntityMap:
    return compute_map({"PER": per or {}, "ORG": org, "LOC": {}}, {}, alias_person)


def test_a_name_joins_its_name_with_a_word_of_the_same_body() -> None:
    m = _map({"PBSI": 58, "PB PBSI": 6, "Gojek": 50, "Gojek Group": 7,
              "Mission Winnow Ducati": 27, "Tim Mission Winnow Ducati": 3,
              "Nahdlatul Ulama": 61, "Pengurus Besar Nahdlatul Ulama": 28,
              "Muhammadiyah": 22, "PP Muhammadiyah": 15, "Pimpinan Pusat Muhammadiyah": 1,
              "Kemenko Perekonomian": 15, "Kementerian Koordinator Bidang Perekonomian": 16,
              "Kemenko Kemaritiman": 3, "Kemenko Bidang Kemaritiman": 1,
              "Ditjen Imigrasi": 8, "Ditjen Imigrasi Kemenkumham": 6,
              "Monster Energy Yamaha": 57, "Monster Energy Yamaha MotoGP": 8,
              "Repsol Honda": 82, "Repsol Honda Team": 3, "PB Djarum": 64,
              "Perkumpulan Bulu Tangkis Djarum": 6, "Persatuan Bulu Tangkis Djarum": 3})
    assert m.entity("ORG", "PB PBSI") == ("PBSI",)
    assert m.entity("ORG", "Gojek Group") == ("Gojek",)
    assert m.entity("ORG", "Tim Mission Winnow Ducati") == ("Mission Winnow Ducati",)
    assert m.entity("ORG", "Pengurus Besar Nahdlatul Ulama") == ("Nahdlatul Ulama",)
    for v in ("PP Muhammadiyah", "Pimpinan Pusat Muhammadiyah"):
        assert m.entity("ORG", v) == ("Muhammadiyah",), v
    assert m.entity("ORG", "Kemenko Perekonomian") == (
        "Kementerian Koordinator Bidang Perekonomian",)
    assert m.entity("ORG", "Kemenko Bidang Kemaritiman") == ("Kemenko Kemaritiman",)
    assert m.entity("ORG", "Ditjen Imigrasi Kemenkumham") == ("Ditjen Imigrasi",)
    # a racing team's series or "team" after its name; a badminton club's head in full
    assert m.entity("ORG", "Monster Energy Yamaha MotoGP") == ("Monster Energy Yamaha",)
    assert m.entity("ORG", "Repsol Honda Team") == ("Repsol Honda",)
    assert m.entity("ORG", "Perkumpulan Bulu Tangkis Djarum") == ("PB Djarum",)
    assert m.entity("ORG", "Persatuan Bulu Tangkis Djarum") == ("PB Djarum",)


def test_a_name_another_body_took_or_a_board_word_before_a_name_joins_nothing() -> None:
    m = _map({"Djarum": 45, "PB Djarum": 64, "Barito Putera": 40, "Barito": 6,
              "Barito Group": 1, "Lion Air": 87, "Lion Group": 10,
              "MNC": 4, "MNC Group": 14, "MNC Pictures": 10, "Tim Prabowo": 3},
             {"Prabowo": 300})
    assert m.entity("ORG", "PB Djarum") == ("PB Djarum",)  # a badminton club, not the company
    assert m.entity("ORG", "Djarum") == ("Djarum",)
    assert m.entity("ORG", "Barito") == ("Barito Putera",)
    assert m.entity("ORG", "Barito Group") == ("Barito Group",)
    assert m.entity("ORG", "Lion Group") == ("Lion Group",)
    assert m.entity("ORG", "MNC") == ("MNC Group",)
    assert m.entity("ORG", "MNC Pictures") == ("MNC Pictures",)
    assert m.entity("ORG", "Tim Prabowo") == ("Tim Prabowo",)
    # a team joins no maker's name it holds; another kind of club's head is no "PB"; a bureau
    # with its division's name after it (as the 22k corpus counts them)
    m = _map({"Yamaha": 94, "Monster Energy Yamaha": 57, "Persatuan Sepak Bola Djarum": 2,
              "PB Djarum": 64, "Biro Penerangan": 22, "Biro Penerangan Masyarakat": 12,
              "Biro Penerangan Masyarakat Mabes Polri": 14,
              "Biro Penerangan Masyarakat Divisi Humas": 4, "Biro Humas": 14})
    bureau = m.entity("ORG", "Biro Penerangan Masyarakat")
    assert m.entity("ORG", "Biro Penerangan Masyarakat Divisi Humas") == bureau
    assert m.entity("ORG", "Biro Humas") != bureau
    assert m.entity("ORG", "Monster Energy Yamaha") == ("Monster Energy Yamaha",)
    assert m.entity("ORG", "Persatuan Sepak Bola Djarum") == ("Persatuan Sepak Bola Djarum",)


def test_a_national_unit_joins_its_name_with_polri_after_it_and_no_regional_unit_does() -> None:
    # as the 22k corpus counts them: "Reserse Kriminal Umum" is cut from "Direktorat Reserse
    # Kriminal Umum" of a Polda (Jambi, DIY, Sumbar), a unit every Polda has
    m = _map({"Bareskrim": 34, "Bareskrim Polri": 11, "Bareskrim Mabes Polri": 6,
              "Badan Reserse Kriminal": 4, "Reserse Kriminal Umum": 4,
              "Direktorat Reserse Kriminal Umum": 8,
              "Direktorat Reserse Kriminal Umum Polda Jambi": 1,
              "Direktorat Reserse Kriminal Umum Polda Metro Jaya": 2, "Polda Jambi": 20,
              "Polda Metro Jaya": 266, "Korlantas": 20, "Korlantas Polri": 2})
    for v in ("Bareskrim Polri", "Bareskrim Mabes Polri"):
        assert m.entity("ORG", v) == ("Bareskrim",), v
    assert m.entity("ORG", "Korlantas Polri") == ("Korlantas",)
    for v in ("Reserse Kriminal Umum", "Direktorat Reserse Kriminal Umum"):
        assert m.entity("ORG", v) == (), v
    # must not change: a regional unit with its Polda, the Polda
    assert m.entity("ORG", "Direktorat Reserse Kriminal Umum Polda Jambi") == (
        "Direktorat Reserse Kriminal Umum Polda Jambi",)
    assert m.entity("ORG", "Polda Metro Jaya") == ("Polda Metro Jaya",)


def test_a_name_with_a_joining_word_more_or_less_is_one_body() -> None:
    # as the 22k corpus counts them
    m = _map({"Institute for Criminal Justice Reform": 15,
              "Institute for Criminal and Justice Reform": 5,
              "Badan Pengkajian dan Penerapan Teknologi": 54,
              "Badan Pengkajian Penerapan Teknologi": 4,
              "Badan Meteorologi, Klimatologi, dan Geofisika": 254,
              "Badan Meteorologi Klimatologi Geofisika": 3, "Ernst & Young Indonesia": 1,
              "Ernst and Young Indonesia": 1,
              # must not change: two words left once the joining word goes, other names
              "Bank of America": 3, "Bank America": 1, "Komisi Pemilihan Umum": 57,
              "Komisi Pemilihan": 1})
    assert m.entity("ORG", "Institute for Criminal and Justice Reform") == (
        "Institute for Criminal Justice Reform",)
    assert m.entity("ORG", "Badan Pengkajian Penerapan Teknologi") == (
        "Badan Pengkajian dan Penerapan Teknologi",)
    assert m.entity("ORG", "Badan Meteorologi Klimatologi Geofisika") == (
        "Badan Meteorologi, Klimatologi, dan Geofisika",)
    assert m.entity("ORG", "Ernst and Young Indonesia") == m.entity(
        "ORG", "Ernst & Young Indonesia")
    for v in ("Bank of America", "Bank America", "Komisi Pemilihan Umum"):
        assert m.entity("ORG", v) == (v,), v


def test_names_equal_but_for_their_legal_forms_are_one_company() -> None:
    # as the 22k corpus counts them
    m = _map({"Antam": 34, "PT Antam": 3, "PT ANTAM Tbk": 3, "PT Antam Tbk": 2, "Apple": 69,
              "Apple Inc": 3, "Microsoft": 16, "Microsoft Corp": 3, "Bulog": 19,
              "Perum Bulog": 2, "Pertamina": 100, "PT Pertamina Persero": 2,
              # must not change: a bare acronym always written in capitals, other companies
              "DAS": 7, "PT DAS": 1, "Antam Novambar": 3, "PT Astra International Tbk": 22})
    for v in ("PT Antam", "PT ANTAM Tbk", "PT Antam Tbk"):
        assert m.entity("ORG", v) == ("Antam",), v
    assert m.entity("ORG", "Apple Inc") == ("Apple",)
    assert m.entity("ORG", "Microsoft Corp") == ("Microsoft",)
    assert m.entity("ORG", "Perum Bulog") == ("Bulog",)
    assert m.entity("ORG", "PT Pertamina Persero") == ("Pertamina",)
    for v in ("DAS", "PT DAS", "Antam Novambar", "PT Astra International Tbk"):
        assert m.entity("ORG", v) == (v,), v


def test_a_bodys_name_with_the_home_countrys_after_it_is_the_body_written_more_often() -> None:
    # as the 22k corpus counts them
    m = _map({"Grab": 27, "Grab Indonesia": 9, "Kementerian Luar Negeri": 36,
              "Kementerian Luar Negeri Indonesia": 6, "Kejaksaan Agung": 56,
              "Kejaksaan Agung Republik Indonesia": 1, "Toyota": 78, "Toyota Indonesia": 4,
              # must not change: the longer name written more, a name of two letters, a name
              # of the home country's unit with more words
              "Partai Komunis": 4, "Partai Komunis Indonesia": 6, "DW": 2, "DW Indonesia": 1,
              "Toyota Indonesia Academy": 2})
    assert m.entity("ORG", "Grab Indonesia") == ("Grab",)
    assert m.entity("ORG", "Kementerian Luar Negeri Indonesia") == ("Kementerian Luar Negeri",)
    assert m.entity("ORG", "Kejaksaan Agung Republik Indonesia") == ("Kejaksaan Agung",)
    assert m.entity("ORG", "Toyota Indonesia") == ("Toyota",)
    for v in ("Partai Komunis Indonesia", "DW Indonesia",
              "Toyota Indonesia Academy"):
        assert m.entity("ORG", v) == (v,), v
