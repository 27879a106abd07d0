"""A place's name with a word that only qualifies it is that place: "Kecamatan X" the district X
(:func:`~indexer.variant_joins.join_variants`), "Bandar Udara X" the airport "Bandara X", a site's
name with its owner's after it the site (:mod:`indexer.place_tails`), a former or short name
the place (``data/equivalents.txt``)."""

from __future__ import annotations

from indexer.entity_map import EntityMap
from indexer.entity_norm import compute_map
from indexer.name_evidence import NameEvidence
from indexer.spill import alias_person


def _map(loc: dict[str, int], org: dict[str, int] | None = None) -> EntityMap:
    return compute_map({"PER": {}, "ORG": org or {}, "LOC": loc}, {}, alias_person,
                       NameEvidence())


def test_a_district_written_with_its_kind_is_the_district() -> None:
    # as the 22k corpus counts them
    m = _map({"Cilincing": 94, "Kecamatan Cilincing": 9, "Kalideres": 31,
              "Kecamatan Kalideres": 9, "Kecamatan Bekasi Selatan": 8, "Bekasi Selatan": 14,
              # must not change: a town's name; a name listed as another place's; a name of
              # two districts; a village's
              "Depok": 147, "Kecamatan Depok": 1, "Kota Depok": 60, "Cina": 263,
              "Kecamatan Cina": 1, "China": 900, "Sukorejo": 4, "Kecamatan Sukorejo": 4,
              "Jatinegara": 30, "Kecamatan Jatinegara": 6, "Kelurahan Jatinegara": 1,
              "Bali": 303, "Kelurahan Bali": 5, "Merbau": 2, "Desa Merbau": 13})
    for district, name in (("Kecamatan Cilincing", "Cilincing"),
                           ("Kecamatan Kalideres", "Kalideres"),
                           ("Kecamatan Bekasi Selatan", "Bekasi Selatan")):
        assert m.entity("LOC", district) == m.entity("LOC", name) == (name,), district
    for value in ("Kecamatan Depok", "Kecamatan Cina", "Kecamatan Sukorejo",
                  "Kecamatan Jatinegara", "Kelurahan Jatinegara", "Kelurahan Bali",
                  "Desa Merbau"):
        assert m.entity("LOC", value) == (value,), value


def test_an_airports_kind_in_full_is_its_short_kind() -> None:
    m = _map({"Bandara Soekarno-Hatta": 31, "Bandar Udara Internasional Soekarno-Hatta": 5,
              "Bandara Internasional Soekarno-Hatta": 6, "Bandara APT Pranoto": 6,
              "Bandar Udara APT Pranoto": 2, "Bandara Soetta": 12, "Timor Leste": 60,
              "Timor Timur": 17, "Timor-Timur": 2, "Timor Lorosae": 1})
    for value in ("Bandar Udara Internasional Soekarno-Hatta", "Bandara Soetta"):
        assert m.entity("LOC", value) == ("Bandara Soekarno-Hatta",), value
    assert m.entity("LOC", "Bandar Udara APT Pranoto") == ("Bandara APT Pranoto",)
    # a former name (data/equivalents.txt)
    for value in ("Timor Timur", "Timor-Timur", "Timor Lorosae"):
        assert m.entity("LOC", value) == ("Timor Leste",), value


def test_a_sites_name_with_its_owners_after_it_is_the_site() -> None:
    # as the 22k corpus counts them
    m = _map({"Gedung Merah Putih": 112, "Gedung Merah Putih Komisi Pemberantasan Korupsi": 15,
              "Mako Satbrimob Srondol": 5, "Mako Satbrimob Srondol Polda Jateng": 1,
              # must not change: a kind of building before an organisation's name
              "Bandar Udara": 18, "Bandar Udara APT Pranoto Samarinda": 5, "Rumah Duka": 3,
              "Rumah Duka Oasis": 1, "Gedung Putih": 150},
             {"Komisi Pemberantasan Korupsi": 1781, "Polda Jateng": 40,
              "APT Pranoto Samarinda": 3, "Oasis": 4})
    assert m.entity("LOC", "Gedung Merah Putih Komisi Pemberantasan Korupsi") \
        == ("Gedung Merah Putih",)
    assert m.entity("LOC", "Mako Satbrimob Srondol Polda Jateng") == ("Mako Satbrimob Srondol",)
    for value in ("Bandar Udara APT Pranoto Samarinda", "Rumah Duka Oasis", "Gedung Putih"):
        assert m.entity("LOC", value) == (value,), value
