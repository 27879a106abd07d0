"""Two bodies written as one name with a hyphen are two organisations (:mod:`indexer.org_pairs`),
and a company's name with a legal form after it is the company's
(:data:`~indexer.org_names.LEGAL_FORMS`): the names that must change and those that must not,
through the corpus-level map and :func:`~indexer.map_apply.apply_map` (as ``reindex`` and
``warta add`` apply it, the map stored and read back), then the real 22k index."""

from __future__ import annotations

from pathlib import Path

import orjson
import tantivy
from corpora import prepared_article

from indexer import schema as S
from indexer import store
from indexer.document import load_payload
from indexer.entity_map import EntityMap
from indexer.entity_norm import compute_map
from indexer.map_apply import apply_map
from indexer.org_pairs import body_pairs
from indexer.spill import alias_person

TNI, POLRI = "Tentara Nasional Indonesia", "Kepolisian Negara Republik Indonesia"
# Organisations' raw values as the 22k corpus counts them.
ORGS = {"TNI-Polri": 12, "TNI-POLRI": 2, "TNI Polri": 6, TNI: 431, POLRI: 459,
        "MPR-DPR RI": 1, "Majelis Permusyawaratan Rakyat": 108, "Dewan Perwakilan Rakyat": 1916,
        "PS Tira-Persikabo": 10, "PS Tira": 8, "Persikabo": 1, "Tira Persikabo": 53,
        "BBTMC-BPPT": 2, "BBTMC": 1, "Badan Pengkajian dan Penerapan Teknologi": 54,
        "AMUK-KPK": 2, "AMUK": 1, "Komisi Pemberantasan Korupsi": 1781,
        "Kernel Oil": 18, "Kernel Oil Pte Ltd": 8, "SDN 19 Tugu": 1, "SDN": 4,
        "IOI Corporation": 3, "IOI Corporation Bhd": 1}


def test_two_bodies_written_as_one_name() -> None:
    pair = (TNI, POLRI)
    assert body_pairs(ORGS) == {
        "TNI-Polri": pair, "TNI-POLRI": pair, "TNI Polri": pair,  # "TNI" through the aliases
        "MPR-DPR RI": ("Majelis Permusyawaratan Rakyat", "Dewan Perwakilan Rakyat")}
    # must not: a club's name (its sides rarer than it), a unit of a body, one rare side
    for v in ("PS Tira-Persikabo", "BBTMC-BPPT", "AMUK-KPK"):
        assert v not in body_pairs(ORGS), v
    # each side found in fewer than ten times the pair's articles, all its spellings counted
    assert body_pairs({**ORGS, "TNI-Polri": 40}).keys() == {"MPR-DPR RI"}


def test_through_the_map(tmp_path: Path) -> None:
    emap = compute_map({"PER": {}, "ORG": ORGS, "LOC": {}}, {}, alias_person)
    assert emap.entity("ORG", "TNI-Polri") == (TNI, POLRI)
    assert len(emap.entity("ORG", "PS Tira-Persikabo")) == 1
    # a legal form after the name: the company's ("Pte Ltd", "Bhd"); "SDN" is a school
    assert emap.entity("ORG", "Kernel Oil Pte Ltd") == ("Kernel Oil",)
    assert emap.entity("ORG", "IOI Corporation Bhd") == ("IOI Corporation",)
    assert emap.entity("ORG", "SDN 19 Tugu") == ("SDN 19 Tugu",)
    prep = prepared_article(
        tmp_path, "Karhutla di Ogan Ilir",
        "Para warga memadamkan api kebakaran lahan dan hutan (karhutla) bersama personel "
        "TNI-Polri dan BPBD Sumsel dan Ogan Ilir.", "Nasional")
    assert "TNI-Polri" in load_payload(prep.fields[S.PAYLOAD]).entities["ORG"]
    for m in (emap, EntityMap.from_json(orjson.loads(orjson.dumps(emap.to_json())))):
        after = load_payload(apply_map(prep, m).fields[S.PAYLOAD])
        assert after.entities["ORG"][:2] == (TNI, POLRI)
        assert "TNI-Polri" not in after.entities["ORG"]
        written = {(x.name, after.body[x.start:x.end]) for x in after.mentions}
        assert {(TNI, "TNI"), (POLRI, "Polri")} <= written


def test_pairs_on_the_real_index(full_index_dir: Path) -> None:
    """The real index: no "TNI-Polri" value, and the articles writing it name both bodies (19
    articles had the pair's value before)."""
    index = store.open_index(full_index_dir)
    searcher = index.searcher()
    facet = S.ENTITY_FIELDS["ORG"]
    for v in ("TNI-Polri", "TNI Polri", "Kernel Oil Pte Ltd"):
        query = tantivy.Query.term_query(index.schema, facet, v)
        assert searcher.search(query, 1, count=True).count == 0, v
    hits = searcher.search(index.parse_query('"TNI Polri"', [S.WORDS]), 2000).hits
    payloads = [load_payload(searcher.doc(addr)[S.PAYLOAD][0]) for _, addr in hits]
    written = [a for a in payloads if "TNI-Polri" in a.body]
    both = [a for a in written if {TNI, POLRI} <= set(a.entities.get("ORG", ()))]
    assert len(both) >= 19
