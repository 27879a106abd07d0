"""A place's name ending a news outlet's name the article cites is no place there
(:mod:`indexer.cited_places`), on the corpus's sentences."""

from __future__ import annotations

from pathlib import Path

import orjson
from corpora import prepared_article

from indexer import schema as S
from indexer.cited_places import cited
from indexer.document import load_payload
from indexer.entity_map import EntityMap
from indexer.entity_norm import compute_map
from indexer.map_apply import apply_map
from indexer.name_evidence import NameEvidence, cite_then
from indexer.spill import alias_person


def _found(text: str, written: str) -> set[tuple[str, int]]:
    start = text.index(written)
    mention = {"type": "LOC", "name": written, "field": "body", "start": start,
               "end": start + len(written)}
    return cited("", text, [mention], lambda m: True)


def test_a_place_ending_a_cited_outlets_name_is_found() -> None:
    # must change: a word of citing, the outlet's capitalised words, the place; or the outlet
    # beginning a clause and a verb of reporting after it
    for text, written in (
            ("Dilansir dari Business Insider Singapore, Sabtu (14/9/2019), berikut 8 kunci",
             "Singapore"),
            ("sambungnya, seperti dilansir Channel News Asia pada Rabu (18/9).", "Asia"),
            ("Menurut laporan Football Italia, Lukaku dan Lautaro Martinez adalah dua", "Italia"),
            ("ujar Djokovic, sebagaimana dikutip dari Tennis World USA, Jumat (13/9/2019).",
             "USA"),
            ("Pada Agustus 2019, Future Korea melaporkan bahwa Geumjeong, kampung halaman",
             "Korea")):
        assert _found(text, written) == {("body", text.index(written))}, text
    # must not change: a title or an office before the place; a sentence's end between;
    # no word of citing; a word of reporting after a place with no outlet's words
    for text, written in (
            ("Oleh karena itu, mengutip Presiden RI Joko Widodo, ekonomi kreatif", "RI"),
            ("KBRI juga melansir Menteri Luar Negeri Singapura, Vivian Balakrishnan", "Singapura"),
            ("seperti dilaporkan Reuters. Washington dan Arab Saudi sama-sama menuduh Iran",
             "Washington"),
            ("Menurut laporan Kapolda Papua Irjen Pol Rudolf A Rodja menyebutkan", "Papua"),
            ("menurut hitungan Korea. Dengan demikian, konser ini akan menjadi", "Korea"),
            ("Pada Agustus 2019, media di Korea melaporkan bahwa Geumjeong", "Korea")):
        assert _found(text, written) == set(), text


def test_the_map_drops_a_cited_outlets_place_as_reindex_and_add_apply_it(
        tmp_path: Path) -> None:
    m = compute_map({"PER": {}, "ORG": {}, "LOC": {"Singapura": 390, "Singapore": 20}}, {},
                    alias_person, NameEvidence())
    title = "8 Kunci Sukses Jadi Miliarder"
    body = ("Ada banyak hal untuk menjadi seorang miliarder. Dilansir dari Business Insider "
            "Singapore, Sabtu (14/9/2019), berikut 8 kunci suksesnya.")
    prep = prepared_article(tmp_path, title, body)
    assert "Singapore" in (prep.fields.get(S.ENTITY_FIELDS["LOC"]) or ())
    again = EntityMap.from_json(orjson.loads(orjson.dumps(m.to_json())))
    for emap in (m, again):
        stored = load_payload(apply_map(prep, emap).fields[S.PAYLOAD])
        assert "Singapura" not in stored.entities.get("LOC", ())
        assert [x for x in stored.mentions if x.type == "LOC"] == []


def test_every_word_of_citing_the_credits_list_holds_cites_an_outlet_here() -> None:
    # the words of citing are data/credit_words.txt's, read, not restated: each citing word,
    # with or without each word that may follow it, and in either case, cites the outlet
    cite, then = cite_then()
    assert cite and then
    for word in sorted(cite):
        for between in ("", *(f" {t}" for t in sorted(then))):
            for lead in (word, word.capitalize()):
                text = f"Hal itu, {lead}{between} Channel News Asia, terjadi Rabu (18/9)."
                assert _found(text, "Asia") == {("body", text.index("Asia"))}, text
    # a word that only ends like one does not cite ("terdilansir" is no word)
    text = "Hal itu terdilansir Channel News Asia, Rabu."
    assert _found(text, "Asia") == set()
