"""A maker's model written as an organisation is no organisation (:mod:`indexer.product_names`):
the words before a model's name on real text, the models the corpus-level map finds, and the
makers, teams, foundations and bands it must leave alone; a device's connector ("port USB") is
none either (:mod:`indexer.name_kinds`); a company's name with a legal form and a maker's is the
maker's (:func:`indexer.org_names.join_maker_companies`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import tantivy

from indexer import schema as S
from indexer import store
from indexer.entity_norm import compute_map
from indexer.name_evidence import NameEvidence
from indexer.name_kinds import MODEL, PART, article_kinds, kind_before
from indexer.spill import alias_person

# Organisations' article counts as the 22k corpus has them, and the articles that write each
# after a word of a maker, of a product or of a model's line.
ORGS = {"Toyota": 79, "Mitsubishi": 34, "Suzuki": 50, "BMW": 30, "Djarum": 45, "Persib": 137,
        "Toyota Calya": 20, "Mitsubishi Xpander": 13, "Xpander": 13, "Suzuki Ecstar": 27,
        "Toyota Indonesia": 4, "Djarum Foundation": 45, "BMW X1": 2, "X1": 27,
        "Persib Persipura": 2, "Mitsubishi XPANDER": 3, "XPANDER": 2}
MAKER = {"Toyota": 7, "Mitsubishi": 5, "Suzuki": 6, "BMW": 2, "Djarum": 11,
         "Mitsubishi Xpander": 3}
PRODUCT = {"Toyota": 5, "Suzuki": 5, "BMW": 7, "Toyota Calya": 3}
LINE = {"Toyota Calya": 1, "Mitsubishi Xpander": 3, "Xpander": 4}


def _kinds() -> dict[tuple[tuple[str, str], str], int]:
    return {(("ORG", v), kind): n for kind, counts in (("maker", MAKER), ("product", PRODUCT),
                                                       (MODEL, LINE))
            for v, n in counts.items()}


def test_a_word_of_a_models_line_is_counted_before_an_organisations_name_only() -> None:
    body = ("Deputy Group Head mengatakan, model Xpander kini diproduksi. Ia datang bersama "
            "model Gigi Hadid ke peluncuran tipe Toyota Calya.")
    mentions: list[dict[str, Any]] = [
        {"type": t, "name": n, "field": "body", "start": body.index(n),
         "end": body.index(n) + len(n)}
        for t, n in (("ORG", "Xpander"), ("PER", "Gigi Hadid"), ("ORG", "Toyota Calya"))]
    assert article_kinds("", body, mentions) == {(("ORG", "Xpander"), MODEL),
                                                 (("ORG", "Toyota Calya"), MODEL)}
    text = "sebuah mobil Toyota Calya plat nomor F 1524 VD rusak"
    assert kind_before(text, text.index("Toyota")) == "product"
    # a device's part (as the 22k corpus writes them)
    for text, name in (("dilengkapi dengan prosesor Qualcomm Snapdragon 665", "Qualcomm"),
                       ("ditenagai Qualcomm Snapdragon 665 SoC", "Qualcomm"),
                       ("chipset Qualcomm Snapdragon 855", "Qualcomm"),
                       ("Apple membekali iPhone dengan chip A13 Bionic", "A13")):
        assert kind_before(text, text.index(name)) == "product", text
    for text, name in (("harga New Sigra", "Sigra"), ("varian Xpander", "Xpander"),
                       ("seri Pajero Sport", "Pajero")):
        assert kind_before(text, text.index(name)) == MODEL, text


def test_a_name_headed_by_a_makers_written_as_a_model_is_no_organisation() -> None:
    m = compute_map({"PER": {}, "ORG": ORGS, "LOC": {}}, {}, alias_person,
                    NameEvidence(kinds=_kinds()))
    # a model with its maker's name, without it, and their other spellings
    for v in ("Toyota Calya", "Mitsubishi Xpander", "Xpander", "Mitsubishi XPANDER", "XPANDER"):
        assert m.entity("ORG", v) == (), v
    # must not change: the makers; a maker's team, company, foundation, and a model never
    # written as one, whose name is also a band's; a club heading a match's name
    for v in ("Toyota", "Mitsubishi", "Suzuki", "BMW", "Djarum", "Suzuki Ecstar",
              "Djarum Foundation", "BMW X1", "X1", "Persib", "Persib Persipura"):
        assert m.entity("ORG", v) == (v,), v
    # the maker's home unit is the maker (:func:`~indexer.org_names.join_home_units`)
    assert m.entity("ORG", "Toyota Indonesia") == ("Toyota",)


def test_a_companys_name_with_a_legal_form_and_a_makers_is_the_makers() -> None:
    # the 22k corpus's counts: a maker's company at home, which the press names by the maker
    orgs = ORGS | {"PT Toyota Astra Motor": 33, "Toyota Astra Motor": 14, "TAM": 13,
                   "PT Mitsubishi Motors Krama Yudha Sales Indonesia": 4,
                   "PT Djarum Kudus": 1, "PT Suzuki Indomobil Sales": 9,
                   "PT Astra International Tbk": 22, "PB Djarum": 64}
    m = compute_map({"PER": {}, "ORG": orgs, "LOC": {}}, {}, alias_person,
                    NameEvidence(kinds=_kinds()))
    for v in ("PT Toyota Astra Motor", "Toyota Astra Motor", "TAM"):
        assert m.entity("ORG", v) == ("Toyota",), v
    assert m.entity("ORG", "PT Mitsubishi Motors Krama Yudha Sales Indonesia") == ("Mitsubishi",)
    assert m.entity("ORG", "PT Djarum Kudus") == ("Djarum",)
    # must not change: a maker's team, foundation or club (no legal form), a company of no
    # maker's name
    for v in ("Suzuki Ecstar", "Djarum Foundation", "PB Djarum", "PT Astra International Tbk"):
        assert m.entity("ORG", v) == (v,), v
    # the same company where its maker's name is written less than it
    few = compute_map({"PER": {}, "ORG": orgs | {"Suzuki": 8}, "LOC": {}}, {}, alias_person,
                      NameEvidence(kinds=_kinds()))
    assert few.entity("ORG", "PT Suzuki Indomobil Sales") == ("PT Suzuki Indomobil Sales",)
    assert m.entity("ORG", "PT Suzuki Indomobil Sales") == ("Suzuki",)


def test_a_models_bare_name_goes_with_its_name_read_as_a_persons() -> None:
    # the 22k corpus: "mobil Daihatsu Sigra" read as a person's name (voted a model's), the
    # bare "Sigra" as an organisation's
    kinds = _kinds() | {(("ORG", "Daihatsu"), "maker"): 4,
                        (("PER", "Daihatsu Sigra"), "maker"): 9,
                        (("PER", "Toyota Wijaya"), "maker"): 1}
    orgs = ORGS | {"Daihatsu": 44, "Sigra": 55, "Wijaya": 12}
    m = compute_map({"PER": {"Daihatsu Sigra": 18, "Toyota Wijaya": 8}, "ORG": orgs, "LOC": {}},
                    {}, alias_person, NameEvidence(kinds=kinds))
    assert m.entity("PER", "Daihatsu Sigra") == ()
    assert m.entity("ORG", "Sigra") == ()
    # must not change: the maker; a bare name whose name with the maker's was never voted a
    # model's
    assert m.entity("ORG", "Daihatsu") == ("Daihatsu",)
    assert m.entity("ORG", "Wijaya") == ("Wijaya",)


def test_a_model_needs_its_makers_name_and_the_corpus_writing_it_so() -> None:
    kinds = _kinds()
    del kinds[(("ORG", "Toyota"), "maker")]  # Toyota no maker: Calya stays
    kinds[(("ORG", "Mitsubishi Xpander"), MODEL)] = 2  # written so in 2 of 13: a tenth still
    m = compute_map({"PER": {}, "ORG": ORGS, "LOC": {}}, {}, alias_person,
                    NameEvidence(kinds=kinds))
    assert m.entity("ORG", "Toyota Calya") == ("Toyota Calya",)
    assert m.entity("ORG", "Mitsubishi Xpander") == ()
    kinds[(("ORG", "Mitsubishi Xpander"), MODEL)] = 0
    kinds[(("ORG", "Mitsubishi Xpander"), "product")] = 1  # once: too few
    m = compute_map({"PER": {}, "ORG": ORGS, "LOC": {}}, {}, alias_person,
                    NameEvidence(kinds=kinds))
    assert m.entity("ORG", "Mitsubishi Xpander") == ("Mitsubishi Xpander",)
    assert m.entity("ORG", "Xpander") == ("Xpander",)


def test_a_connector_written_after_a_parts_word_is_no_organisation() -> None:
    for text in ("diisi melalui port USB type C", "Realme 5 menggunakan micro USB.",
                 "empat slot USB yang bisa digunakan", "Dengan bobot ringan, dengan USB type-C"):
        assert kind_before(text, text.index("USB")) == (PART if "dengan" not in text else None)
    # counts as the 22k corpus has them: USB after a part's word in 10 of its 15 articles
    orgs = {"USB": 15, "Telkomsel": 11, "Micro Focus": 4, "Asosiasi Penyelenggara": 26}
    kinds = {(("ORG", "USB"), PART): 10, (("ORG", "Telkomsel"), PART): 2,
             (("ORG", "Micro Focus"), PART): 4, (("ORG", "Asosiasi Penyelenggara"), PART): 7}
    m = compute_map({"PER": {}, "ORG": orgs, "LOC": {}}, {}, alias_person,
                    NameEvidence(kinds=kinds))
    assert m.entity("ORG", "USB") == ()
    # must not change: a name written so in too few articles, one of two words
    for v in ("Telkomsel", "Micro Focus", "Asosiasi Penyelenggara"):
        assert m.entity("ORG", v) == (v,), v


def _articles(index: tantivy.Index, name: str) -> int:
    query = tantivy.Query.term_query(index.schema, S.ENTITY_FIELDS["ORG"], name)
    return int(index.searcher().search(query, 1, count=True).count)


def test_models_on_the_real_index(full_index_dir: Path) -> None:
    """The real index: the models the corpus writes with their makers' names are no
    organisations' values; the makers, a maker's team and foundation, a band and a club keep
    their articles."""
    index = store.open_index(full_index_dir)
    for name in ("Toyota Calya", "Mitsubishi Xpander", "Xpander", "Daihatsu Ayla",
                 "Toyota Fortuner", "USB"):
        assert _articles(index, name) == 0, name
    for name, least in (("Toyota", 70), ("Honda", 70), ("Mitsubishi", 30), ("Daihatsu", 40),
                        ("Suzuki Ecstar", 25), ("Djarum Foundation", 40), ("X1", 25),
                        ("Persib", 130)):
        assert _articles(index, name) >= least, name
