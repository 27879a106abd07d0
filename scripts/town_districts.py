"""Write ``indexer/data/town_districts.txt`` and ``indexer/data/shared_districts.txt`` from
Indonesia's table of regions: for each town with a city and a regency of one name (Kota Bogor,
Kabupaten Bogor), the names of the city's and the regency's districts and villages that say
which of the two a text means (and the first word two of its districts' names share: Cikarang
of Cikarang Barat, Cikarang Timur); and the names two districts (kecamatan) or more share.

    .venv/bin/python -m scripts.town_districts wilayah.sql indexer/data

``wilayah.sql``: ``db/wilayah.sql`` of https://github.com/cahyadsn/wilayah (MIT licence; the
codes and names of Kepmendagri No 300.2.2-2138 Tahun 2025), rows ``('32.01.01','Cibinong')``:
a province's code has no dot, a city's or a regency's one, a district's two, a village's three.

A name is kept only where it says one half of the pair: four letters or more, no province's,
city's or regency's name, not written in the other half, and no district's name elsewhere
(Stasiun Tawang of Kota Semarang is named after the district Tawang of Kota Tasikmalaya, not
after the village Tawang of Kabupaten Semarang). It is read only right before the town's name,
as an address is written ("Sentul, Bogor"), so a village's namesake elsewhere does not matter.
Names are compared without case, spaces, hyphens and apostrophes ("Gunungsindur", "Gunung
Sindur").
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path

_ROW_RE = re.compile(r"\('([\d.]+)','((?:[^'\\]|\\.|'')*)'\)")
_REGION_RE = re.compile(r"(Kota|Kabupaten)\s+(.+)")
CITY, REGENCY = "kota", "kabupaten"


def _key(name: str) -> str:
    return re.sub(r"[\s'-]", "", name.casefold())


def town_districts(sql: str) -> list[tuple[str, str, list[str]]]:
    """(kind, town, its names) for each half of each town with a city and a regency."""
    rows = [(code, name.replace("\\'", "'").replace("''", "'"))
            for code, name in _ROW_RE.findall(sql)]
    regions: dict[str, tuple[str, str]] = {}
    for code, name in rows:
        m = _REGION_RE.fullmatch(name) if code.count(".") == 1 else None
        if m is not None:
            regions[code] = (m.group(1).lower(), m.group(2).strip())
    tops = {_key(n) for c, n in rows if "." not in c} | {_key(t) for _, t in regions.values()}
    where: dict[str, set[str]] = defaultdict(set)  # name -> regions
    districts: dict[str, set[str]] = defaultdict(set)  # name -> regions with a district so named
    initial_words: dict[str, set[str]] = defaultdict(set)  # word -> regions of districts it begins
    for code, name in rows:
        if code.count(".") in (2, 3):
            where[_key(name)].add(code[:5])
        if code.count(".") == 2:
            districts[_key(name)].add(code[:5])
            initial_words[_key(name.split()[0])].add(code[:5])
    halves: dict[str, dict[str, str]] = defaultdict(dict)
    for code, (kind, town) in regions.items():
        halves[town][kind] = code
    out = []
    for town, codes in sorted(halves.items()):
        if set(codes) != {CITY, REGENCY}:
            continue
        for kind in (CITY, REGENCY):
            code, other = codes[kind], codes[REGENCY if kind == CITY else CITY]
            kept: dict[str, str] = {}
            # the first word of two districts' names or more, of no other region's: the area
            # they share ("Cikarang" of Cikarang Barat, Cikarang Timur; not "Gunung")
            firsts: dict[str, list[str]] = defaultdict(list)
            for c, name in rows:
                if c.count(".") == 2 and " " in name.strip() and c.startswith(f"{code}."):
                    firsts[name.split()[0]].append(name)
            shared = [(f"{code}.00", first) for first, names in firsts.items()
                      if len(names) > 1 and initial_words[_key(first)] == {code}]
            for c, name in [*rows, *shared]:
                key = _key(name)
                if c.count(".") not in (2, 3) or not c.startswith(f"{code}.") \
                        or len(key) < 4 or key in tops:
                    continue
                if other in where[key] or districts[key] - {code}:
                    continue
                kept.setdefault(key, name)
            out.append((kind, town, sorted(kept.values())))
    return out


def shared_districts(sql: str) -> list[str]:
    """The names of two districts or more, as first written."""
    names: dict[str, list[str]] = defaultdict(list)
    for code, name in _ROW_RE.findall(sql):
        if code.count(".") == 2:
            names[_key(name)].append(name)
    return sorted(ns[0] for ns in names.values() if len(ns) > 1)


_SOURCE = ("# Written by scripts/town_districts.py from db/wilayah.sql of\n"
           "# https://github.com/cahyadsn/wilayah at b7ad440a1322e7be3189a16a8cac35f7d4c3d7f7\n"
           "# (MIT licence, (c) Cahya DSN; Kepmendagri No 300.2.2-2138 Tahun 2025).\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sql", type=Path)
    ap.add_argument("out", type=Path, help="the data directory")
    args = ap.parse_args()
    sql = args.sql.read_text(encoding="utf-8")
    rows = ["\t".join((kind, town, *names)) for kind, town, names in town_districts(sql)]
    (args.out / "town_districts.txt").write_text(
        "# The districts and villages of a city and of a regency of one name that say which\n"
        "# of the two a text means (indexer.city_regencies): kind<TAB>town<TAB>names.\n"
        + _SOURCE + "\n".join(rows) + "\n", encoding="utf-8")
    (args.out / "shared_districts.txt").write_text(
        "# Names of two districts (kecamatan) or more of Indonesia: \"Kecamatan X\" may be\n"
        "# another place than the corpus's X (indexer.variant_joins).\n"
        + _SOURCE + "\n".join(shared_districts(sql)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
