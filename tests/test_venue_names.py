"""A venue's name read as an organisation's is a place's (:mod:`indexer.name_kinds` [site],
``data/venue_heads.txt``): the names the corpus votes venues and those it must not (clubs,
bodies, companies written after "di"), through the corpus-level map and
:func:`~indexer.map_apply.apply_map`, then the real 22k index."""

from __future__ import annotations

from pathlib import Path

import tantivy
from corpora import prepared_article

from indexer import schema as S
from indexer import store
from indexer.document import load_payload
from indexer.entity_map import EntityMap
from indexer.entity_norm import compute_map
from indexer.map_apply import apply_map
from indexer.name_evidence import NameEvidence
from indexer.name_kinds import article_kinds, kind_before
from indexer.spill import alias_person

# Organisations' article counts as the 22k corpus has them, and the articles that write each
# after a locative word ("di", "ke", "dari", "menuju").
ORGS = {"Indonesia Convention Exhibition": 24, "ICE": 11, "Allianz Arena": 7,
        "Sentul International Convention Center": 2, "Manchester City": 122,
        "Norwich City": 53, "Pengadilan Negeri Jakarta Pusat": 89, "Bank DKI": 28,
        "Public Safety Center": 2, "The Habibie Center": 6, "GSM Arena": 6, "Google": 81,
        "Nguyen Du Cultural Sports Club": 17, "Athletic Club": 2, "Djarum Badminton Club": 4}
SITE = {"Nguyen Du Cultural Sports Club": 17, "Indonesia Convention Exhibition": 16,
        "Allianz Arena": 7,
        "Sentul International Convention Center": 2, "Manchester City": 17, "Norwich City": 16,
        "Pengadilan Negeri Jakarta Pusat": 80, "Bank DKI": 21, "Public Safety Center": 2,
        "The Habibie Center": 1, "Google": 30}


def _map() -> EntityMap:
    evidence = NameEvidence(kinds={(("ORG", v), "site"): n for v, n in SITE.items()})
    return compute_map({"PER": {}, "ORG": ORGS, "LOC": {}}, {}, alias_person, evidence)


def test_the_word_before_a_name_says_a_site() -> None:
    for text, name in (("konser di Indonesia Convention Exhibition", "Indonesia"),
                       ("kembali ke Allianz Arena", "Allianz"),
                       ("bus menuju Allianz Arena", "Allianz")):
        assert kind_before(text, text.index(name)) == "site", text
    assert kind_before("markas Allianz Arena", 7) is None


def test_only_an_organisations_mention_counts_as_a_site() -> None:
    body = "Konser di Allianz Arena dan di Jakarta."
    mentions = [{"type": "ORG", "name": "Allianz Arena", "field": "body", "start": 10,
                 "end": 23},
                {"type": "LOC", "name": "Jakarta", "field": "body", "start": 31, "end": 38}]
    assert article_kinds("Konser", body, mentions) == {(("ORG", "Allianz Arena"), "site")}


def test_the_corpus_votes_a_venues_name_a_place() -> None:
    m = _map()
    for v in ("Indonesia Convention Exhibition", "Allianz Arena",
              "Sentul International Convention Center", "Nguyen Du Cultural Sports Club"):
        assert m.type_of("ORG", v) == "LOC", v
        assert m.entity("LOC", v) == (v,), v
        assert v not in m.counts["ORG"], v
    # its acronym goes with it, and joins it
    assert m.type_of("ORG", "ICE") == "LOC"
    assert m.entity("LOC", "ICE") == ("Indonesia Convention Exhibition",)
    assert m.counts["LOC"]["Indonesia Convention Exhibition"] == 24
    # must not change: clubs ("di Manchester City", a city's word is no venue's), bodies and
    # companies mostly written after "di" (no venue's word), a body ending in "Center", a
    # venue's word in a name seldom written as a site (clubs ending in "Club")
    for v in ("Manchester City", "Norwich City", "Pengadilan Negeri Jakarta Pusat", "Bank DKI",
              "Public Safety Center", "The Habibie Center", "GSM Arena", "Google",
              "Athletic Club", "Djarum Badminton Club"):
        assert m.type_of("ORG", v) == "ORG", v
        assert m.entity("ORG", v) == (v,), v


def test_through_the_map(tmp_path: Path) -> None:
    """Applied to an article, the venue's organisation value is its place value."""
    art = prepared_article(
        tmp_path, "Bayern Menang",
        "Bayern Muenchen menang 3-0 atas Red Star di Allianz Arena, Rabu malam.", "Bola")
    orgs = load_payload(art.fields[S.PAYLOAD]).entities.get("ORG", ())
    assert "Allianz Arena" in orgs
    after = load_payload(apply_map(art, _map()).fields[S.PAYLOAD])
    assert "Allianz Arena" not in after.entities.get("ORG", ())
    assert "Allianz Arena" in after.entities["LOC"]


def test_venues_on_the_real_index(full_index_dir: Path) -> None:
    """The real index: the venues the judges found as organisations are places, and clubs and
    bodies written after "di" stay organisations."""
    index = store.open_index(full_index_dir)
    searcher = index.searcher()

    def count(typ: str, value: str) -> int:
        query = tantivy.Query.term_query(index.schema, S.ENTITY_FIELDS[typ], value)
        return int(searcher.search(query, 1, count=True).count)

    assert count("LOC", "Indonesia Convention Exhibition") >= 20
    assert count("ORG", "Indonesia Convention Exhibition") == 0
    assert count("LOC", "Allianz Arena") >= 5
    assert count("ORG", "Allianz Arena") == 0
    assert count("LOC", "YIA") >= 15  # "bandara YIA"
    assert count("ORG", "YIA") == 0
    for body in ("Manchester City", "Pengadilan Negeri Jakarta Pusat", "Bank DKI"):
        assert count("ORG", body) >= 20, body
        assert count("LOC", body) == 0, body


def test_an_organisations_name_after_a_venues_head_is_the_venues() -> None:
    # the word before, as the 22k corpus writes it: "bandara" heads a venue's name ([named])
    body = ("Aksesibilitas bandara YIA ditingkatkan. Penumpang di Bandara YIA naik. "
            "Stadion BMW dibangun di Jakarta Utara.")
    mentions = [{"type": "ORG", "name": n, "field": "body", "start": body.index(n, k),
                 "end": body.index(n, k) + len(n)} for n, k in (("YIA", 0), ("YIA", 40),
                                                                 ("BMW", 0))]
    assert article_kinds("", body, mentions) == {
        (("ORG", "YIA"), "named"), (("ORG", "YIA"), "venue"), (("ORG", "BMW"), "named"),
        (("ORG", "BMW"), "venue")}
    # "Yogyakarta International Airport (YIA)": an acronym written after a venue's head in a
    # quarter of its articles is a place, and the name it stands for goes with it; not the
    # company written so in a seventh of its articles ("Stadion BMW", Jakarta's stadium), nor a
    # name of no acronym written so in half of its articles (a part of the venue's name)
    orgs = {"YIA": 17, "Yogyakarta International Airport": 1, "BMW": 35,
            "Syamsuddin Noor": 4, "Yayasan Indonesia Adil": 2}
    kinds = {(("ORG", "YIA"), "venue"): 6, (("ORG", "BMW"), "venue"): 5,
             (("ORG", "BMW"), "named"): 5, (("ORG", "Syamsuddin Noor"), "venue"): 4,
             (("ORG", "Syamsuddin Noor"), "named"): 4}
    m = compute_map({"PER": {}, "ORG": orgs, "LOC": {}}, {}, alias_person,
                    NameEvidence(kinds=kinds))
    assert m.type_of("ORG", "YIA") == "LOC"
    assert m.type_of("ORG", "Yogyakarta International Airport") == "LOC"
    assert m.type_of("ORG", "BMW") == "ORG"
    assert m.entity("ORG", "Syamsuddin Noor") == ()
    assert m.type_of("ORG", "Yayasan Indonesia Adil") == "ORG"  # "YIA" of no venue's word
