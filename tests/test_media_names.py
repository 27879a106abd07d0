"""A platform or an app written as a medium is no organisation (:mod:`indexer.media_names`): the
names the corpus votes media and those it must not, the rule through the corpus-level map and
:func:`~indexer.map_apply.apply_map` (as ``reindex`` and ``warta add`` apply it, the map
stored and read back), then the real 22k index."""

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
from indexer.media_names import company_values
from indexer.name_evidence import NameEvidence
from indexer.name_kinds import kind_before
from indexer.spill import alias_person

# Article counts as the 22k corpus has them (organisations' raw values), and the articles that
# write each after a word of a medium.
ORGS = {"Instagram": 1174, "Twitter": 502, "Facebook": 151, "WhatsApp": 101, "Whatsapp": 32,
        "Persib": 200,
        "The Habibie Center": 10, "Komisi Pemberantasan Korupsi": 900, "BMKG": 8}
MEDIUM = {"Instagram": 537, "Twitter": 244, "Facebook": 51, "WhatsApp": 35, "Persib": 3,
          "The Habibie Center": 3, "Komisi Pemberantasan Korupsi": 40, "BMKG": 2}


def _map(medium: dict[str, int]) -> EntityMap:
    evidence = NameEvidence(kinds={(("ORG", v), "medium"): n for v, n in medium.items()})
    return compute_map({"PER": {}, "ORG": ORGS, "LOC": {}}, {}, alias_person, evidence)


def test_the_word_before_a_name_says_a_medium() -> None:
    for text in ("diunggah di akun Instagram", "lewat kanal YouTube", "pesan WhatsApp",
                 "pengguna Twitter", "media sosial Facebook"):
        assert kind_before(text, text.rindex(" ") + 1) == "medium", text
    for text in ("menurut KPK", "juru bicara Facebook"):
        assert kind_before(text, text.rindex(" ") + 1) is None, text
    assert kind_before("di Instagram", 3) == "site"  # a place's word, no medium's


def test_the_corpus_votes_a_one_word_name_a_medium() -> None:
    m = _map(MEDIUM)
    assert m.media == {"Instagram", "Twitter", "Facebook", "WhatsApp", "Whatsapp"}
    for v in m.media:  # its spellings go with it
        assert m.entity("ORG", v) == (), v
    # a club, a body now and then written so; an owner's account, a name of two articles
    for v in ("Persib", "Komisi Pemberantasan Korupsi", "The Habibie Center", "BMKG"):
        assert m.entity("ORG", v) == (v,), v


def test_a_media_company_is_an_organisation_where_written_so() -> None:
    title = "Facebook Perketat Aturan"
    body = ("Menanggapi celah ini, pihak Facebook berkilah bahwa membagikan URL sama saja. "
            "Pengguna Twitter dan akun Instagram ramai membahasnya.")
    mentions = [{"type": "ORG", "name": n, "field": "body", "start": body.index(n)}
                for n in ("Facebook", "Twitter", "Instagram")]
    media = {"Facebook", "Twitter", "Instagram"}
    assert company_values(title, body, mentions, media) == {"Facebook"}
    assert company_values(title, body, mentions, {"Twitter"}) == frozenset()


def test_through_the_map(tmp_path: Path) -> None:
    """The corpus's map votes the names media; applied to an article (by ``reindex``, and by
    ``warta add`` from the map stored with the index), a medium is no value, the company the
    article writes of is one."""
    emap = _map(MEDIUM)
    medium = prepared_article(
        tmp_path, "Darius Sinathrya Gendong Donna Agnesia",
        "Darius Sinathrya mengunggah foto bersama Donna Agnesia. \"Happy wife, happy life,\" "
        "tulis Darius di akun Instagram darius_sinathrya baru-baru ini.", "Seleb")
    company = prepared_article(
        tmp_path, "Celah Berbagi Foto",
        "Menanggapi celah ini, pihak Facebook berkilah bahwa membagikan URL sama saja dengan "
        "membagikan foto. Pengguna Facebook diminta berhati-hati.", "Tekno")
    assert load_payload(medium.fields[S.PAYLOAD]).entities["ORG"] == ("Instagram",)
    assert load_payload(company.fields[S.PAYLOAD]).entities["ORG"] == ("Facebook",)
    stored = EntityMap.from_json(orjson.loads(orjson.dumps(emap.to_json())))
    assert stored.media == emap.media
    for m in (emap, stored):
        after = load_payload(apply_map(medium, m).fields[S.PAYLOAD])
        assert after.entities.get("ORG", ()) == ()
        assert after.entities.get("PER") == ("Darius Sinathrya", "Donna Agnesia")
        assert not any(x.type == "ORG" for x in after.mentions)
        after = load_payload(apply_map(company, m).fields[S.PAYLOAD])
        assert after.entities.get("ORG") == ("Facebook",)


def test_media_on_the_real_index(full_index_dir: Path) -> None:
    """The real index: the platforms the judges found used as media are organisations' values
    only in articles writing about their company (each such article writes one after a word of
    the company), and the bodies and clubs stay."""
    index = store.open_index(full_index_dir)
    emap = store.load_entity_map(full_index_dir)
    assert {"Instagram", "Twitter", "YouTube", "Facebook", "WhatsApp"} <= emap.media
    searcher = index.searcher()
    facet = S.ENTITY_FIELDS["ORG"]
    for name in ("Instagram", "Twitter", "YouTube", "Facebook", "WhatsApp"):
        query = tantivy.Query.term_query(index.schema, facet, name)
        hits = searcher.search(query, 1000).hits
        assert len(hits) <= 10, name
        for _, addr in hits:
            a = load_payload(searcher.doc(addr)[S.PAYLOAD][0])
            assert company_values(a.title, a.body, [
                {"type": x.type, "name": x.name, "field": x.field, "start": x.start}
                for x in a.mentions], {name}) == {name}, (name, a.title)
    for body in ("Persib", "Komisi Pemberantasan Korupsi", "Google"):
        query = tantivy.Query.term_query(index.schema, facet, body)
        assert searcher.search(query, 1, count=True).count >= 50, body
