"""Organisations' and places' values a reader can trust: an acronym is not joined to another
body through a cut name, kinds and offices are no values, one site's names are one value (unit
cases, then the same on the real 22k index)."""

from __future__ import annotations

from pathlib import Path

from indexer.corpus_pass import alias_person
from indexer.entity_map import EntityMap
from indexer.entity_norm import compute_map
from indexer.facet_quality import facet_counts


def _map(org: dict[str, int] | None = None, loc: dict[str, int] | None = None) -> EntityMap:
    return compute_map({"PER": {}, "ORG": org or {}, "LOC": loc or {}}, {}, alias_person)


def test_an_acronym_does_not_join_a_body_through_a_name_cut_from_it() -> None:
    # "Lembaga Perlindungan Saksi" is LPSK cut before "dan Korban": its initials spell LPS, the
    # deposit insurer's acronym, which is no name of LPSK.
    m = _map(org={"Lembaga Perlindungan Saksi dan Korban": 27, "Lembaga Perlindungan Saksi": 2,
                  "LPSK": 20, "LPS": 9})
    assert m.entity("ORG", "Lembaga Perlindungan Saksi") == \
        ("Lembaga Perlindungan Saksi dan Korban",)
    assert m.entity("ORG", "LPSK") == ("Lembaga Perlindungan Saksi dan Korban",)
    assert m.entity("ORG", "LPS") == ("LPS",)
    # A longer, rarer name of the group does not make its main name a cut one.
    m = _map(org={"Dewan Perwakilan Rakyat": 1900, "DPR-RI": 17, "Badan Pemeriksa Keuangan": 72,
                  "Dewan Perwakilan Rakyat Republik Indonesia": 5, "BPK": 47})
    assert m.entity("ORG", "DPR-RI") == ("Dewan Perwakilan Rakyat",)
    assert m.entity("ORG", "BPK") == ("Badan Pemeriksa Keuangan",)


def test_an_anthem_an_office_and_a_police_directorate_alone_are_no_values() -> None:
    m = _map(org={"Indonesia Raya": 13, "Partai Gerakan Indonesia Raya": 40, "Duta Besar RI": 11,
                  "Dubes RI": 2, "Direktorat Reserse Kriminal Umum": 12,
                  "Direktorat Reserse Kriminal Umum Polda Metro Jaya": 2})
    for generic in ("Indonesia Raya", "Duta Besar RI", "Dubes RI",
                    "Direktorat Reserse Kriminal Umum"):
        assert m.entity("ORG", generic) == (), generic
    for name in ("Partai Gerakan Indonesia Raya",
                 "Direktorat Reserse Kriminal Umum Polda Metro Jaya"):
        assert m.entity("ORG", name) == (name,)


def test_the_parliament_complex_is_one_place_by_any_of_its_buildings() -> None:
    m = _map(loc={"Kompleks Parlemen": 276, "Gedung DPR": 211, "Gedung DPR RI": 29,
                  "Gedung MPR": 16, "Gedung Parlemen": 9, "Gedung DPRD": 8})
    for v in ("Gedung DPR", "Gedung DPR RI", "Gedung MPR", "Gedung Parlemen"):
        assert m.entity("LOC", v) == ("Kompleks Parlemen",), v
    assert m.entity("LOC", "Gedung DPRD") != ("Kompleks Parlemen",)


def test_the_corpus_org_and_place_values(full_index_dir: Path) -> None:
    counts = {f: dict(vs) for f, vs in facet_counts(full_index_dir).items()}
    org, place = counts["org"], counts["place"]
    for v in ("Indonesia Raya", "Duta Besar RI", "Direktorat Reserse Kriminal Umum"):
        assert v not in org, v
    assert "Gedung DPR" not in place and place["Kompleks Parlemen"] >= 450
    # LPS (the deposit insurer) is not the witness protection agency LPSK
    assert org["LPS"] >= 10 and org["Lembaga Perlindungan Saksi dan Korban"] <= 20
