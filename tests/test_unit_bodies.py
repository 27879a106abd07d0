"""A unit's name with and without its body (:mod:`indexer.unit_bodies`): a unit the corpus
writes with one body is that body's, one it writes with several is no value alone; in one
article a team's name beside its age group's, or a unit's beside its body's, is that longer
value (unit cases, then the same on the real 22k index)."""

from __future__ import annotations

from pathlib import Path

import tantivy

from indexer import schema as S
from indexer import store
from indexer.document import load_payload
from indexer.entity_map import EntityMap
from indexer.entity_norm import compute_map
from indexer.spill import alias_person
from indexer.unit_bodies import AGE_GROUP_RE, qualified_in_article

BODIES = {"Dewan Perwakilan Rakyat": 1900, "Komisi Pemberantasan Korupsi": 1700,
          "Kementerian BUMN": 30, "Pemprov DKI Jakarta": 180, "DPRD DKI Jakarta": 90}


def _map(org: dict[str, int]) -> EntityMap:
    return compute_map({"PER": {}, "ORG": {**BODIES, **org}, "LOC": {"Jakarta": 900}}, {},
                       alias_person)


def test_a_unit_the_corpus_writes_with_one_body_is_that_bodys() -> None:
    m = _map({"Badan Legislasi": 48, "Badan Legislasi DPR": 23,
              "Badan Legislasi Dewan Perwakilan Rakyat": 10, "Dewan Pengawas": 23,
              "Dewan Pengawas KPK": 7})
    # "DPR" and "KPK" are the extractor's aliases of the bodies' full names
    for name in ("Badan Legislasi", "Badan Legislasi DPR",
                 "Badan Legislasi Dewan Perwakilan Rakyat"):
        assert m.entity("ORG", name) == ("Badan Legislasi DPR",), name
    assert m.entity("ORG", "Dewan Pengawas") == ("Dewan Pengawas KPK",)
    for body in BODIES:
        assert m.entity("ORG", body) == (body,)


def test_a_units_short_form_goes_with_it_and_is_never_shown() -> None:
    # as the 22k corpus counts them: "Dewas" (data/equivalents.txt) is written more often than
    # the name with the body, and is shown as that name
    m = _map({"Dewan Pengawas": 23, "Dewan Pengawas KPK": 7, "Dewas": 13})
    for name in ("Dewan Pengawas", "Dewas", "Dewan Pengawas KPK"):
        assert m.entity("ORG", name) == ("Dewan Pengawas KPK",), name


def test_a_unit_the_corpus_writes_with_several_bodies_is_no_value_alone() -> None:
    org = {"Biro Hukum": 5, "Biro Hukum KPK": 2, "Biro Hukum Kementerian BUMN": 2,
           "Biro Hukum Pemprov DKI Jakarta": 1}
    m = _map(org)
    assert m.entity("ORG", "Biro Hukum") == ()
    for name in org.keys() - {"Biro Hukum"}:
        assert m.entity("ORG", name) == (name,)


def test_what_a_unit_rule_leaves() -> None:
    m = _map({
        # written with a body in too few articles to say whose it is
        "Badan Kehormatan": 8, "Badan Kehormatan DPR": 1, "Badan Kehormatan DPD": 1,
        # a body's own name, once followed by another body's: the body it is
        "Dewan Perwakilan Rakyat Dewan Perwakilan Daerah": 3,
        # after a place, not a body (regional names are another rule's)
        "Komisi Informasi": 6, "Komisi Informasi Jakarta": 5,
        # no unit's word first: a maker and its company
        "Toyota": 80, "Toyota Pemprov DKI Jakarta": 4})
    for name in ("Badan Kehormatan", "Dewan Perwakilan Rakyat", "Komisi Informasi", "Toyota",
                 "Toyota Pemprov DKI Jakarta"):
        assert m.entity("ORG", name) == (name,), name


def test_a_group_of_a_units_names_is_shown_with_its_body() -> None:
    # as the 22k corpus counts them: the tagger cut most mentions before "Masyarakat Mabes
    # Polri"; "Mabes Polri" is a place there, "Polri" a body
    bureau = {"Biro Penerangan": 22, "Biro Penerangan Masyarakat": 12,
              "Biro Penerangan Masyarakat Mabes Polri": 14,
              "Biro Penerangan Masyarakat Divisi Humas": 4}
    m = compute_map({"PER": {}, "ORG": {**BODIES, "Polri": 600, **bureau},
                     "LOC": {"Jakarta": 900, "Mabes Polri": 60}}, {}, alias_person)
    for name in bureau:
        assert m.entity("ORG", name) == ("Biro Penerangan Masyarakat Mabes Polri",), name
    # the name with a body written in too few articles
    m = _map({"Biro Penerangan": 40, "Biro Penerangan Masyarakat": 12,
              "Biro Penerangan Masyarakat KPK": 2})
    assert m.entity("ORG", "Biro Penerangan") == ("Biro Penerangan",)


def test_in_one_article_the_value_is_the_one_its_age_group_or_body_says() -> None:
    m = _map({"Timnas Indonesia": 153, "Timnas Indonesia U-16": 139, "Persija": 169,
              "Persija U-20": 5, "Biro Hukum": 5, "Biro Hukum KPK": 2,
              "Biro Hukum Kementerian BUMN": 2, "Toyota": 80, "Toyota Calya": 20,
              "Dewan Perwakilan Rakyat Dewan Perwakilan Daerah": 3,
              "Dewan Perwakilan Daerah": 60})
    found = m.entities_in("ORG", ["Timnas Indonesia", "Timnas Indonesia U-16"])
    assert found == {"Timnas Indonesia": ("Timnas Indonesia U-16",),
                     "Timnas Indonesia U-16": ("Timnas Indonesia U-16",)}
    # the senior team where no age group is written
    assert m.entities_in("ORG", ["Timnas Indonesia"]) == {
        "Timnas Indonesia": ("Timnas Indonesia",)}
    # a club's youth team the corpus seldom names: the club's name stays the club
    assert m.entities_in("ORG", ["Persija", "Persija U-20"])["Persija"] == ("Persija",)
    # a unit alone no value, with its body in the article that body's
    assert m.entities_in("ORG", ["Biro Hukum", "Biro Hukum KPK"])["Biro Hukum"] == (
        "Biro Hukum KPK",)
    assert m.entities_in("ORG", ["Biro Hukum"]) == {"Biro Hukum": ()}
    # with two of its bodies in the article, which is not said
    assert m.entities_in("ORG", ["Biro Hukum", "Biro Hukum KPK", "Biro Hukum Kementerian BUMN"]
                         )["Biro Hukum"] == ()
    # a body's name once written before another's stays the body
    dpr = "Dewan Perwakilan Rakyat"
    assert m.entities_in("ORG", [dpr, f"{dpr} Dewan Perwakilan Daerah"])[dpr] == (dpr,)
    # a product's name after a maker's is no body
    assert m.entities_in("ORG", ["Toyota", "Toyota Calya"])["Toyota"] == ("Toyota",)


def test_a_unit_alone_is_its_bodys_only_where_the_article_names_the_body() -> None:
    m = _map({"Badan Anggaran": 13, "Badan Anggaran DPR": 3, "Badan Anggaran DPR RI": 23,
              "Dewan Pengawas": 23, "Dewan Pengawas KPK": 7, "Badan Kehormatan": 9})
    budget, board = "Badan Anggaran DPR RI", "Dewan Pengawas KPK"
    assert m.entity("ORG", "Badan Anggaran") == (budget,)
    assert m.entity("ORG", "Dewan Pengawas") == (board,)
    # must change: the article names another body ("Badan Anggaran (Banggar) DPRD DKI
    # Jakarta", cut before the DPRD), or none
    assert m.entities_in("ORG", ["Badan Anggaran", "DPRD DKI Jakarta"])["Badan Anggaran"] == ()
    assert m.entities_in("ORG", ["Badan Anggaran", "Badan Kehormatan"])["Badan Anggaran"] == ()
    assert m.entities_in("ORG", ["Dewan Pengawas"]) == {"Dewan Pengawas": ()}
    # must not: the article names the body, by its name or the extractor's alias of it, or
    # writes the unit with its body
    for also in ("Dewan Perwakilan Rakyat", "Badan Anggaran DPR", budget):
        assert m.entities_in("ORG", ["Badan Anggaran", also])["Badan Anggaran"] == (budget,)
    assert m.entities_in("ORG", ["Dewan Pengawas", "Komisi Pemberantasan Korupsi"])[
        "Dewan Pengawas"] == (board,)
    # the names with the body are never dropped
    assert m.entities_in("ORG", ["Badan Anggaran DPR"]) == {"Badan Anggaran DPR": (budget,)}


def test_the_corpus_units_and_teams(full_index_dir: Path) -> None:
    m = store.load_entity_map(full_index_dir)
    assert m.entity("ORG", "Badan Legislasi") == m.entity("ORG", "Badan Legislasi DPR")
    assert m.entity("ORG", "Badan Legislasi DPR") == ("Badan Legislasi DPR",)
    assert m.entity("ORG", "Dewan Pengawas") == ("Dewan Pengawas KPK",)
    assert m.entity("ORG", "Dewas") == ("Dewan Pengawas KPK",)
    assert m.entity("ORG", "Biro Hukum") == ()
    assert m.entity("ORG", "Dewan Perwakilan Rakyat") == ("Dewan Perwakilan Rakyat",)
    assert m.entity("ORG", "Biro Penerangan") == ("Biro Penerangan Masyarakat Mabes Polri",)
    # over every article: a national team's name is never beside its age group's, while a
    # club's name beside its youth team's stays the club
    index = store.open_index(full_index_dir)
    searcher = index.searcher()
    both = clubs = budget = 0
    is_body = m._bodies.__contains__
    for _, addr in searcher.search(tantivy.Query.all_query(), 100_000).hits:
        art = load_payload(searcher.doc(addr)[S.PAYLOAD][0], mentions=False)
        orgs = set(art.entities.get("ORG", ()))
        # the shortcut by the corpus's heads finds what the whole reading finds
        fast = {v: m.entity("ORG", v) for v in orgs}
        slow = dict(fast)
        qualified_in_article(fast, is_body, m._orgs, (), m._heads)
        qualified_in_article(slow, is_body, m._orgs)
        assert fast == slow, art.title
        # the DPR's budget board is in articles that name the DPR
        if "Badan Anggaran DPR RI" in orgs:
            text = f"{art.title} {art.body}"
            assert "DPR" in text or "Dewan Perwakilan Rakyat" in text, art.title
            budget += 1
        for v in orgs:
            if any(u.startswith(v + " ") and AGE_GROUP_RE.fullmatch(u[len(v) + 1:].lower())
                   for u in orgs):
                both += v.startswith("Timnas")
                clubs += v in ("Persija", "Persib")
    assert both == 0
    assert clubs >= 5
    assert budget >= 10
