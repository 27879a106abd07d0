"""The districts and villages that say which of a town's city and regency a text means
(``data/town_districts.txt``, written by :mod:`scripts.town_districts` from the government's
table of regions)."""

from __future__ import annotations

from collections import Counter

from indexer.city_regencies import CITY, DISTRICTS, REGENCY
from scripts.town_districts import town_districts

# rows of db/wilayah.sql (cahyadsn/wilayah), a few of each kind
_SQL = """INSERT INTO wilayah (kode, nama) VALUES
('31','DKI Jakarta'),('31.74','Kota Adm. Jakarta Selatan'),('31.74.06','Mampang Prapatan'),
('31.74.06.1001','Kemang'),
('32','Jawa Barat'),('32.01','Kabupaten Bogor'),('32.01.01','Cibinong'),
('32.01.01.1007','Pakansari'),('32.01.01.1006','Cibinong'),('32.01.21','Kemang'),
('32.01.21.1001','Bojong'),('32.01.22','Ciawi'),('32.01.22.1001','Citapen'),
('32.71','Kota Bogor'),('32.71.06','Tanah Sareal'),('32.71.06.1001','Kebon Pedes'),
('32.71.06.1002','Bojong'),
('32.06','Kabupaten Tasikmalaya'),('32.06.07','Ciawi'),
('33','Jawa Tengah'),('33.01','Kabupaten Cilacap'),('33.01.01','Dayeuhluhur');
"""


def test_a_name_is_kept_where_it_says_one_half_of_one_town() -> None:
    rows = {(kind, town): names for kind, town, names in town_districts(_SQL)}
    # only towns with a city and a regency; "Kota Adm." is no city of a town's name
    assert set(rows) == {(CITY, "Bogor"), (REGENCY, "Bogor")}
    # must not be kept: Bojong (in both halves), Ciawi (also a district of Tasikmalaya); kept,
    # as read only before the town's name: Kemang (also a village of Jakarta)
    assert rows[REGENCY, "Bogor"] == ["Cibinong", "Citapen", "Kemang", "Pakansari"]
    assert rows[CITY, "Bogor"] == ["Kebon Pedes", "Tanah Sareal"]


def test_the_data_file_has_both_halves_of_each_town() -> None:
    towns = Counter(town for _, town in DISTRICTS)
    assert len(towns) >= 20 and set(towns.values()) == {2}
    assert "Pakansari" in DISTRICTS[REGENCY, "bogor"]
    assert "Tanah Sareal" in DISTRICTS[CITY, "bogor"]
    assert "Sentul" in DISTRICTS[REGENCY, "bogor"]
    assert not {"Ciawi", "Tawang"} & set(DISTRICTS[REGENCY, "bogor"] + DISTRICTS[REGENCY,
                                                                                   "semarang"])
    assert not set(DISTRICTS[REGENCY, "bogor"]) & set(DISTRICTS[CITY, "bogor"])
