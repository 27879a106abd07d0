"""One body's short name is not another body's: an acronym the corpus spells out as one name
is not joined by its initials to another, a group already another body's is not pulled to a
body by a link, and an acronym reads as its own group's full name (unit cases, then the same
on the real 22k index)."""

from __future__ import annotations

from pathlib import Path

from indexer import store
from indexer.entity_map import EntityMap
from indexer.entity_norm import compute_map
from indexer.name_evidence import NameEvidence
from indexer.name_kinds import article_kinds, kind_votes
from indexer.spill import alias_person


def _map(org: dict[str, int], links: dict[tuple[str, str], int],
         loc: dict[str, int] | None = None) -> EntityMap:
    evidence = NameEvidence(links={(("ORG", s), ("ORG", w)): n for (s, w), n in links.items()})
    return compute_map({"PER": {}, "ORG": org, "LOC": loc or {}}, {}, alias_person, evidence)


def test_an_acronym_spelt_out_as_one_body_is_not_another_by_its_initials() -> None:
    org = {"Partai Golkar": 250, "Golkar": 400, "Partai Golongan Karya": 2, "PGK": 3,
           "PT Palmindo Gemilang Kencana": 14}
    m = _map(org, {("PGK", "PT Palmindo Gemilang Kencana"): 6})
    assert m.entity("ORG", "PT Palmindo Gemilang Kencana") == ("PT Palmindo Gemilang Kencana",)
    assert m.entity("ORG", "PGK") == ("PT Palmindo Gemilang Kencana",)
    assert m.entity("ORG", "Partai Golongan Karya") == ("Golkar",)
    # without the corpus spelling it out, the acronym joins the one name its initials spell
    m = _map(org, {})
    assert m.entity("ORG", "PGK") == ("Golkar",)
    # spelt out as the name its initials spell, it joins that one
    m = _map({"Badan Pemeriksa Keuangan": 72, "BPK": 47},
             {("BPK", "Badan Pemeriksa Keuangan"): 30})
    assert m.entity("ORG", "BPK") == ("Badan Pemeriksa Keuangan",)


def test_a_link_does_not_pull_another_bodys_group() -> None:
    # "Persis" joined the club by its seat; "Persatuan Islam (Persis)" is another body
    org = {"Persis Solo": 12, "Persis": 5, "Persatuan Islam": 4}
    m = _map(org, {("Persis", "Persatuan Islam"): 3}, loc={"Solo": 300})
    assert m.entity("ORG", "Persatuan Islam") == ("Persatuan Islam",)
    assert m.entity("ORG", "Persis") == ("Persis Solo",)
    # a group of the short name with more words, and an acronym spelt out by its initials,
    # join the name the links point to
    org = {"Transjakarta": 60, "Humas Transjakarta": 5, "PT Transportasi Jakarta": 18}
    m = _map(org, {("Transjakarta", "PT Transportasi Jakarta"): 7})
    assert m.entity("ORG", "PT Transportasi Jakarta") == ("Transjakarta",)
    org = {"DVI": 10, "DVI Mabes Polri": 3, "Disaster Victim Identification": 6}
    m = _map(org, {("DVI", "Disaster Victim Identification"): 3}, loc={"Mabes Polri": 40})
    assert m.entity("ORG", "DVI") == m.entity("ORG", "Disaster Victim Identification")
    # a nickname alone joins its club
    m = _map({"The Reds": 60, "Liverpool": 195}, {("The Reds", "Liverpool"): 20})
    assert m.entity("ORG", "The Reds") == ("Liverpool",)


def test_an_acronym_reads_as_its_own_groups_full_name() -> None:
    # "BPP" is the board of Hipmi here ("Badan Pengurus Pusat (BPP)"), not the planning
    # agency the corpus mostly spells "Badan Perencanaan Pembangunan" out as
    org = {"Badan Perencanaan Pembangunan Nasional": 32, "Bappenas": 34,
           "Badan Perencanaan Pembangunan": 20, "BPP": 5, "Badan Pengurus Pusat": 3,
           "BPP Hipmi": 10}
    links = {("BPP", "Badan Pengurus Pusat"): 2,
             ("Bappenas", "Badan Perencanaan Pembangunan Nasional"): 16}
    m = _map(org, links)
    assert m.entity("ORG", "Bappenas") == ("Bappenas",)
    assert m.entity("ORG", "BPP") == m.entity("ORG", "Badan Pengurus Pusat") != ("Bappenas",)
    assert m.entity("ORG", "BPP Hipmi") == ("BPP Hipmi",)
    # with no full name of its own, an acronym inside a name reads as the corpus's one
    m = _map({"Bank Rakyat Indonesia": 20, "BRI": 60, "Bank BRI": 40}, {})
    assert m.entity("ORG", "Bank BRI") == m.entity("ORG", "Bank Rakyat Indonesia")


def test_a_governments_name_is_one_by_its_head_in_full_or_short() -> None:
    m = _map({"Pemprov Jabar": 25, "Pemdaprov Jabar": 18, "Pemprov Jatim": 3,
              "Pemerintah Kota Bogor": 4, "Pemkot Bogor": 6, "Pemkab Bogor": 5,
              "Pemerintah Provinsi Jawa Barat": 2}, {})
    assert m.entity("ORG", "Pemdaprov Jabar") == ("Pemprov Jabar",)
    assert m.entity("ORG", "Pemerintah Kota Bogor") == ("Pemkot Bogor",)
    # another province, the regency, and the province's name spelt out are not joined so
    assert m.entity("ORG", "Pemprov Jatim") == ("Pemprov Jatim",)
    assert m.entity("ORG", "Pemkab Bogor") == ("Pemkab Bogor",)
    assert m.entity("ORG", "Pemerintah Provinsi Jawa Barat") == ("Pemerintah Provinsi Jawa Barat",)


def test_a_suspects_initials_are_no_organisation() -> None:
    body = "Penyidik memeriksa tersangka BTO. Menurut KPK, BTO menerima suap."
    ms = [{"type": "ORG", "name": n, "field": "body", "start": body.index(n, k),
           "end": body.index(n, k) + len(n)} for n, k in (("BTO", 0), ("KPK", 0))]
    assert article_kinds("", body, ms) == {(("ORG", "BTO"), "initials")}
    counts = {"ORG": {"BTO": 11, "KPK": 1781, "PT Palmindo Gemilang Kencana": 14, "PKB": 173}}
    kinds = {(("ORG", "BTO"), "initials"): 9, (("ORG", "KPK"), "initials"): 36,
             (("ORG", "PT Palmindo Gemilang Kencana"), "initials"): 10,
             (("ORG", "PKB"), "initials"): 2}
    # a name of capitals mostly written so; not KPK (now and then), nor a company's name
    assert kind_votes(kinds, counts) == {("ORG", "BTO"): "initials"}
    m = compute_map({"PER": {}, "ORG": counts["ORG"], "LOC": {}}, {}, alias_person,
                    NameEvidence(kinds=kinds))
    assert m.entity("ORG", "BTO") == ()
    assert m.entity("ORG", "PKB") == ("PKB",)


def test_a_name_of_no_acronym_written_after_a_named_places_head_is_that_names_cut() -> None:
    text = ("Habibie dirawat di Rumah Sakit Pusat Angkatan Darat (RSPAD) Gatot Subroto Jakarta "
            "Pusat. Massa berdemo di Gedung DPRD Jatim.")
    ms = [{"type": "ORG", "name": n, "field": "body", "start": text.index(n),
           "end": text.index(n) + len(n)} for n in ("Gatot Subroto Jakarta Pusat", "DPRD Jatim")]
    assert article_kinds("", text, ms) == {(("ORG", "Gatot Subroto Jakarta Pusat"), "named"),
                                           (("ORG", "DPRD Jatim"), "named")}
    counts = {"ORG": {"Gatot Subroto Jakarta Pusat": 33, "DPRD Jatim": 12, "Polri": 473}}
    kinds = {(("ORG", "Gatot Subroto Jakarta Pusat"), "named"): 28,
             (("ORG", "DPRD Jatim"), "named"): 6, (("ORG", "Polri"), "named"): 20}
    # a hospital's name cut; not a body's acronym after "Gedung", nor a body now and then
    assert kind_votes(kinds, counts) == {("ORG", "Gatot Subroto Jakarta Pusat"): "named"}
    m = compute_map({"PER": {}, "ORG": counts["ORG"], "LOC": {}}, {}, alias_person,
                    NameEvidence(kinds=kinds))
    assert m.entity("ORG", "Gatot Subroto Jakarta Pusat") == ()
    assert m.entity("ORG", "DPRD Jatim") == ("DPRD Jatim",)
    assert m.entity("ORG", "Polri") == ("Polri",)


def test_a_clubs_name_written_short_joins_the_one_longer_club_name() -> None:
    m = _map({"Perseru Badak Lampung FC": 17, "Perseru Badak Lampung": 15, "Perseru": 14,
              "Badak Lampung FC": 7, "Barito Putera": 42, "Putera": 2, "Madura United": 12,
              "Madura FC": 14, "AEON Mall BSD City": 5, "AEON": 1,
              "Madura": 3, "Persija": 160, "Persija Jakarta": 100, "Kalteng Putra": 47},
             {}, {"Lampung": 300, "Jakarta": 4700})
    club = ("Perseru Badak Lampung FC",)
    for v in ("Perseru", "Badak Lampung FC", "Perseru Badak Lampung"):
        assert m.entity("ORG", v) == club, v
    # must not: a club's word alone, a word of two clubs' names, a more frequent name, a
    # name ending in "City" (a town's too)
    for v in ("Putera", "Madura", "Barito Putera", "Kalteng Putra", "AEON"):
        assert m.entity("ORG", v) == (v,), v
    assert m.entity("ORG", "Persija Jakarta") == ("Persija",)


def test_a_title_alone_is_no_body() -> None:
    m = _map({"Ratu": 17, "Wali": 10, "Ratu Plaza": 3, "Wali Band": 2, "KPK": 50}, {})
    assert m.entity("ORG", "Ratu") == m.entity("ORG", "Wali") == ()
    for name in ("Ratu Plaza", "Wali Band", "KPK"):
        assert m.entity("ORG", name) == (name,)


def test_the_corpus_bodies_stay_apart(full_index_dir: Path) -> None:
    m = store.load_entity_map(full_index_dir)
    assert m.entity("ORG", "Partai Golkar") == m.entity("ORG", "Golkar") == ("Partai Golkar",)
    assert m.entity("ORG", "PT Palmindo Gemilang Kencana") == ("PT Palmindo Gemilang Kencana",)
    assert m.entity("ORG", "Persatuan Islam") == ("Persatuan Islam",)
    assert m.entity("ORG", "Persis") == ("Persis Solo",)
    bappenas = m.entity("ORG", "Badan Perencanaan Pembangunan Nasional")
    assert bappenas == ("Bappenas",)
    for hipmi in ("BPP Hipmi", "Badan Pengurus Pusat", "BPP",
                  "Badan Pengurus Pusat Himpunan Pengusaha Muda Indonesia"):
        assert m.entity("ORG", hipmi) == ("BPP Hipmi",), hipmi
    assert m.entity("ORG", "DVI") == m.entity("ORG", "Disaster Victim Identification")
    assert m.entity("ORG", "Pemdaprov Jabar") == ("Pemprov Jabar",)
    # a suspect's initials the corpus spells out as a person's ("Bambang Irianto (BTO)")
    assert m.type_of("ORG", "BTO") == "PER" and m.entity("PER", "BTO") == ("Bambang Irianto",)
    assert m.entity("ORG", "Ratu") == ()
