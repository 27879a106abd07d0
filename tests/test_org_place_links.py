"""Organisations' and places' values a reader can trust: an acronym is not joined to another
body through a cut name, kinds and offices are no values, one site's names are one value (unit
cases, then the same on the real 22k index)."""

from __future__ import annotations

from pathlib import Path

import tantivy
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer import schema as S
from indexer import store
from indexer.document import load_payload
from indexer.entities import extract_entities, load_model
from indexer.entities.names import Entity, defined_otherwise
from indexer.entities.retype import club_names, foreign_bodies, places_in_names
from indexer.entity_map import EntityMap
from indexer.entity_norm import compute_map
from indexer.facet_quality import facet_counts
from indexer.mentions import article_mentions
from indexer.name_kinds import kind_before, kind_votes
from indexer.spill import alias_person


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


def test_a_place_written_mostly_inside_a_competitions_name_is_no_value() -> None:
    text = "Arsenal menang di Liga Europa, dan Indonesia ikut Piala Asia."
    assert kind_before(text, text.index("Europa")) == "event"
    assert kind_before(text, text.index("Asia")) == "event"
    assert kind_before(text, text.index("Indonesia")) is None
    votes = {(("LOC", "Europa"), "event"): 18, (("LOC", "Asia"), "event"): 110,
             (("ORG", "AFF"), "event"): 20}
    counts = {"LOC": {"Europa": 18, "Asia": 456}, "ORG": {"AFF": 22}}
    # Asia is written so in a quarter of its articles; an organisation keeps its name
    assert kind_votes(votes, counts) == {("LOC", "Europa"): "event"}


def test_a_toll_road_is_one_place_by_its_names_and_points() -> None:
    m = _map(loc={"Tol Cipularang": 18, "Jalan Tol Cipularang": 6, "Cipularang": 4,
                  "jalan Tol Cipularang Km 92": 3, "Jakarta": 4700, "Jalan Tol Jakarta": 3,
                  "Cakung": 11, "Jalan Tol Cakung": 1})
    for v in ("Jalan Tol Cipularang", "Cipularang", "jalan Tol Cipularang Km 92"):
        assert m.entity("LOC", v) == ("Tol Cipularang",), v
    # a place written more often than its toll road is not the road
    assert m.entity("LOC", "Jakarta") == ("Jakarta",)
    assert m.entity("LOC", "Jalan Tol Jakarta") == ("Jalan Tol Jakarta",)
    assert m.entity("LOC", "Cakung") == ("Cakung",)


def _found(text: str) -> list[tuple[str, str, str]]:
    return [(text[e.start:e.end], e.type, e.name) for e in extract_entities(text)]


def test_a_place_cut_from_a_clubs_name_is_the_club() -> None:
    # the tagger reads a well-known place and leaves the club's last word out
    text = "Meski eks pemain Bali United itu masih ke sana."
    assert _found(text) == [("Bali United", "ORG", "Bali United")]
    text = "Barcelona bermain 1-1 kontra AS Roma di Stadion Olimpico."
    assert ("AS Roma", "ORG", "AS Roma") in _found(text)
    assert all(surface != "AS" for surface, _, _ in _found(text))
    ents = [Entity("Amerika Serikat", "LOC", 0, 2), Entity("Roma", "LOC", 3, 7)]
    assert club_names("AS Roma menang.", ents) == [Entity("AS Roma", "ORG", 0, 7)]
    # must not change: a place before a sentence's end or another name; "AS" before a person
    for text, kept in (("Ia pergi ke Bali. United Airlines terbang.", ("Bali", "LOC", "Bali")),
                       ("Menteri Luar Negeri AS Mike Pompeo datang.",
                        ("AS", "LOC", "Amerika Serikat")),
                       ("Wisatawan ke Bali meningkat pesat.", ("Bali", "LOC", "Bali"))):
        assert kept in _found(text), _found(text)
    ents = [Entity("Bali", "LOC", 0, 4)]
    assert club_names("Bali united", ents) == ents  # a lower-case word is no club's


def test_an_acronym_the_article_defines_as_other_words_is_not_its_alias() -> None:
    assert defined_otherwise("Pajak Kendaraan Bermotor (PKB) naik.") == \
        {"PKB": "Pajak Kendaraan Bermotor"}
    assert defined_otherwise("RUU Penghapusan terhadap Kekerasan Seksual (PKS) ditunda.") == \
        {"PKS": "Penghapusan terhadap Kekerasan Seksual"}
    # must not change: the alias's own name (also with another word before it), a translation
    # of it, words that do not spell the acronym
    for text in ("Politikus Partai Keadilan Sejahtera (PKS) berkata.",
                 "Perserikatan Bangsa Bangsa (PBB) bersidang.",
                 "World Health Organization (WHO) mencatat.",
                 "Andreescu Kanada 4727 5 Serena Williams (AS) menang.",
                 "Partai Kebangkitan Bangsa (PKB) menang."):
        assert defined_otherwise(text) == {}, text
    title = "DPR Tunda RUU PKS"
    body = ("DPR menunda pengesahan RUU Penghapusan Kekerasan Seksual (PKS). Menurut anggota "
            "Komisi VIII, RUU PKS perlu dikaji lagi.")
    names = [(m.field, m.name) for m in article_mentions(title, body)]
    assert "Partai Keadilan Sejahtera" not in {n for _, n in names}, names
    assert ("title", "Dewan Perwakilan Rakyat") in names
    # the party where the article defines the acronym as the party's name
    body = "Partai Keadilan Sejahtera (PKS) menolak. Kata PKS, RUU itu perlu."
    names = [(m.field, m.name) for m in article_mentions("PKS Menolak", body)]
    assert names.count(("body", "Partai Keadilan Sejahtera")) >= 2
    assert ("title", "Partai Keadilan Sejahtera") in names
    # an acronym defined as another body that the article names is that body
    text = "Ketua Umum Partai Bulan Bintang (PBB) Yusril berkata PBB siap."
    pbb = [e.name for e in extract_entities(text) if text[e.start:e.end] == "PBB"]
    assert pbb and set(pbb) <= {"Partai Bulan Bintang"}, pbb


def test_a_body_named_before_a_foreign_country_is_that_countrys() -> None:
    text = "Juru bicara Kementerian Luar Negeri Pakistan berkata."
    ents = [Entity("Kementerian Luar Negeri", "ORG", 12, 35), Entity("Pakistan", "LOC", 36, 44)]
    assert foreign_bodies(text, ents) == \
        [Entity("Kementerian Luar Negeri Pakistan", "ORG", 12, 44)]
    text = "Anggota DPR AS menolak."
    assert [(e.type, e.name) for e in extract_entities(text)] == [("ORG", "DPR AS")]
    # must not change: Indonesia's own, a place that is no country, a comma between them
    for text, ents in (
            ("Kementerian Luar Negeri Indonesia berkata.",
             [Entity("Kementerian Luar Negeri", "ORG", 0, 23), Entity("Indonesia", "LOC", 24, 33)]),
            ("Pejabat Kementerian Keuangan Jakarta.",
             [Entity("Kementerian Keuangan", "ORG", 8, 28), Entity("Jakarta", "LOC", 29, 36)]),
            ("Kata BNPB, Malaysia juga.",
             [Entity("BNPB", "ORG", 5, 9), Entity("Malaysia", "LOC", 11, 19)])):
        assert foreign_bodies(text, ents) == ents, text


def test_a_place_word_inside_a_persons_name_is_no_place() -> None:
    # the tagger drops "Hotman" and keeps "Paris" as the city
    for text in ("Pengacara Hotman Paris mengaku bertemu.", "Penangkapan Indra Jepang kemarin."):
        assert [e for e in extract_entities(text) if e.type == "LOC"] == [], text
    # must not change: after a title, a place word, a preposition, or another mention
    for text, place in (("Gubernur Jakarta Anies datang.", "Jakarta"),
                        ("Liga Inggris dimulai pekan ini.", "Inggris"),
                        ("Ia pergi ke Paris kemarin.", "Paris"),
                        ("Di Jakarta hujan deras.", "Jakarta"),
                        ("Presiden AS Donald Trump datang.", "Amerika Serikat")):
        assert place in [e.name for e in extract_entities(text) if e.type == "LOC"], text
    model = load_model()
    text = "Pengacara Hotman Paris mengaku."
    ents = [Entity("Paris", "LOC", 17, 22)]
    assert places_in_names(text, ents, model.tagger.extract) == []
    ents = [Entity("Hotman", "PER", 10, 16), Entity("Paris", "LOC", 17, 22)]
    assert places_in_names(text, ents, model.tagger.extract) == ents


_PIECES = st.sampled_from(["Bali", "United", "AS", "Roma", "FC", "Aceh", "Mike Pompeo", "di",
                           "vs", ".", ",", "Persija", "Jakarta", "SC", "Braga", "united"])


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=12).map(" ".join))
def test_club_names_keep_mentions_in_order_and_change_nothing_twice(text: str) -> None:
    given_ents = load_model().tagger.extract(text)
    out = club_names(text, given_ents)
    assert all(a.end <= b.start for a, b in zip(out, out[1:], strict=False)), out
    assert all(0 <= e.start < e.end <= len(text) for e in out)
    assert club_names(text, out) == out


def test_the_corpus_org_and_place_values(full_index_dir: Path) -> None:
    counts = {f: dict(vs) for f, vs in facet_counts(full_index_dir).items()}
    org, place = counts["org"], counts["place"]
    for v in ("Indonesia Raya", "Duta Besar RI", "Direktorat Reserse Kriminal Umum"):
        assert v not in org, v
    # the continent stays a value; its articles that write it only in "Piala Asia" do not hold it
    assert "Europa" not in place and place["Asia"] >= 250
    assert "Gedung DPR" not in place and place["Kompleks Parlemen"] >= 450
    assert "Jalan Tol Cipularang" not in place and place["Tol Cipularang"] >= 20
    # LPS (the deposit insurer) is not the witness protection agency LPSK
    assert org["LPS"] >= 10 and org["Lembaga Perlindungan Saksi dan Korban"] <= 20
    # the club is not the island; a club's last word alone is no value
    assert org["Bali United"] >= 80 and org["AS Roma"] >= 20 and "United" not in org
    # nor is the club's, and the lawyer Hotman Paris is not the city (but where the tagger
    # read "Lora Hotman" as a person of its own: "Gus Lora Hotman Paris")
    index = store.open_index(full_index_dir)
    searcher = index.searcher()
    for value, before, after, most in (("Bali", "", " United", 0), ("Paris", "Hotman ", "", 1)):
        query = tantivy.Query.term_query(index.schema, "place", value)
        hits = searcher.search(query, 1000).hits
        assert len(hits) == place[value]
        found = []
        for _, addr in hits:
            art = load_payload(searcher.doc(addr)[S.PAYLOAD][0])
            for m in art.mentions:
                text = art.title if m.field == "title" else art.body
                if m.name == value and ((after and text.startswith(after, m.end))
                                        or (before and text.endswith(before, 0, m.start))):
                    found.append(text[max(0, m.start - 20):m.end + 10])
        assert len(found) <= most, found
