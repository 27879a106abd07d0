"""The kinds of Indonesia's administrative regions: the word written before a region's name
that says which kind of region it is ("Provinsi Riau", "Kabupaten Bogor", "Kota Depok",
"Kecamatan Cilincing", "Kelurahan Jatinegara", "Desa Sukamaju", "Dusun Krajan"). One registry:
each module that reads a region's kind takes the kinds it needs from here.

A province is made of towns, each a city or a regency; a town of districts; a district of
villages (a kelurahan in a city, a desa in a regency); a village of hamlets.
"""

from __future__ import annotations

from typing import Final

PROVINCE: Final = "provinsi"
CITY: Final = "kota"
REGENCY: Final = "kabupaten"
DISTRICT: Final = "kecamatan"
URBAN_VILLAGE: Final = "kelurahan"
VILLAGE: Final = "desa"
HAMLET: Final = "dusun"

# The two kinds of town, a province's parts.
TOWNS: Final = frozenset({CITY, REGENCY})
# A regency's word written short before its name ("Kab. Bogor").
REGENCY_SHORT: Final = ("kab", "kab.")
# The kinds below a town: a district, its villages and their hamlets.
LOCAL: Final = frozenset({DISTRICT, URBAN_VILLAGE, VILLAGE, HAMLET})
