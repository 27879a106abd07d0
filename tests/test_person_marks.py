"""A bare one-word person's name marked as somebody else by the words around it (a rank, "bernama",
an age: indexer.person_marks): the marks of a mention, the marks the corpus writes full names
with, the article's value under the map, and the 22k corpus index; with the cases that must
not change."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import tantivy

from indexer import schema as S
from indexer import store
from indexer.document import load_payload
from indexer.entity_map import EntityMap
from indexer.entity_norm import compute_map
from indexer.name_evidence import NameEvidence
from indexer.person_marks import (
    AGE,
    OFFICER_MIN,
    PRIVATE,
    RANK,
    ROLE,
    UTTERANCE,
    article_marks,
    bare_marks,
    mention_marks,
    off_duty,
    officers,
    stray_word,
)
from indexer.spill import alias_person


def _marks(text: str, name: str) -> frozenset[str]:
    start = text.index(name)
    return mention_marks(text, start, start + len(name))


def test_the_marks_of_a_mention() -> None:
    assert _marks("Iptu Dedi melalui KBO Reskrim Iptu Arman mengatakan", "Iptu Arman") == {RANK}
    assert _marks("kata Kapolsek Kraton, Kompol Etty kepada wartawan", "Etty") == {RANK}
    assert _marks("Seorang pria bernama Yugo (33) ditemukan", "Yugo") == {PRIVATE, AGE}
    assert _marks("Pria berinisial JK (43) asal Kota Bima", "JK") == {PRIVATE, AGE}
    assert _marks("Kekasihnya yang bernama Rini (nama samaran) ini", "Rini") == {PRIVATE}
    assert _marks("korban, Herwin (54 tahun) ditusuk", "Herwin") == {AGE, ROLE}
    # must not change: an office, a title, a parenthesis that is no age, a goal's count
    for text, name in (("kata Presiden Jokowi di Istana", "Jokowi"),
                       ("Gubernur Anies (kanan) menyapa", "Anies"),
                       ("Liverpool: R. Firmino (2) M. Salah (2)", "Firmino"),
                       ("ujar Bamsoet (Ketua DPR) kepada", "Bamsoet"),
                       ("bernama", "bernama")):
        assert _marks(text, name) == frozenset(), text


def test_a_word_said_as_a_sentence_of_its_own_is_marked() -> None:
    # changed: a one-word sentence in quotes, after a sentence's end or an opening quote
    assert _marks('semoga diberikan kesembuhan. Amin," kata Dedi.', "Amin") == {UTTERANCE}
    assert _marks('masih mimpi. Amin." Roy ternyata', "Amin") == {UTTERANCE}
    assert _marks('ucap dia: "Amin!" lalu pergi', "Amin") == {UTTERANCE}
    assert _marks("Amin”, tulis dia", "Amin") == {UTTERANCE}
    assert _marks('kata Dedi, "Amin." Lalu', "Amin") == {UTTERANCE}
    assert _marks('doa.\n"Amin," tulis dia', "Amin") == {UTTERANCE}
    # changed: a word of prayer as a clause of its own, opening a quote or closing one
    assert _marks('"Amin, amin," ucap Anies', "Amin") == {UTTERANCE}
    assert _marks('lagi. "Amin, mudah-mudahan memang pilihan Allah," jawab', "Amin") == {UTTERANCE}
    assert _marks('Semoga pak Habibie diberikan kesembuhan, Amin," lanjutnya.', "Amin") \
        == {UTTERANCE}
    # must not change: a name that ends a quoted sentence after other words, or begins one
    # and goes on; one that ends a sentence out of quotes
    for text, name in (('"Kami mendukung Anies," kata dia', "Anies"),
                       ('"Terima kasih, Anies," kata dia', "Anies"),
                       ('"Anies, kamu harus," ucap dia', "Anies"),
                       ("Kloter 6 yang terdiri dari Amin (Flores)", "Amin"),
                       ("kata Amin, ketua RT", "Amin"),
                       ('"Jokowi harus mundur," teriak massa', "Jokowi"),
                       ("kata Maliki. Namun", "Maliki"),
                       ('Pelatih Bali United Stefano "Teco" Cugurra', "Teco"),
                       ('dijuluki "Teco" oleh', "Teco"),
                       ("Pidato Jokowi.", "Jokowi")):
        assert _marks(text, name) == frozenset(), text


def test_an_ordinary_persons_role_in_apposition_is_marked() -> None:
    # changed: the phrase before the name's comma begins with a role's word (after a speaking
    # verb and "salah satu"); ", seorang" or ", salah satu" and a role's or a person's word after
    assert _marks("Sementara itu, salah satu warga Jayapura, Selviana mengatakan",
                  "Selviana") == {ROLE}
    assert _marks('sebar uang," kata salah satu wartawan media nasional, Ilham.', "Ilham") \
        == {ROLE}
    assert _marks("Korban asap yang mengungsi lainnya, Dania (27), juga", "Dania") \
        == {ROLE, AGE}
    assert _marks("Imam, seorang anak yatim penjual gorengan di trotoar", "Imam") == {ROLE}
    assert _marks('berkurang," kata Aisah, salah satu warga Kota Pontianak.', "Aisah") == {ROLE}
    assert _marks('"Ada yang sebar uang," kata Ilham salah satu pewarta yang bertugas',
                  "Ilham") == {ROLE}
    # must not change: a role's word after a preposition or a verb (the phrase says when or to
    # whom, not who), in a phrase that does not begin with it, an office, "seorang" and a word
    # that is none of them
    for text, name in (("Kepada wartawan, Imam menyinggung saat baru menjabat", "Imam"),
                       ("Saat berhadapan dengan wartawan, Mulan langsung", "Mulan"),
                       ("Sempat menjadi korban,netizen, Ricis berusaha", "Ricis"),
                       ("Menurut seorang warga, Sekar Ayu Eka, Habibie adalah", "Habibie"),
                       ("kata Wakil Ketua DPR, Fahri di Kompleks Parlemen", "Fahri"),
                       ("Anies, seorang akademisi, lalu", "Anies"),
                       ("kata Amin, ketua RT", "Amin")):
        assert _marks(text, name) == frozenset(), text


def test_an_ordinary_persons_role_is_no_one_whatever_company_the_article_keeps() -> None:
    counts = {"Ilham": 19, "Ilham Akbar Habibie": 80, "Kuningan": 60}
    m = EntityMap({"PER": {"Ilham": ("Ilham Akbar Habibie",)}}, {"PER": counts},
                  profiles={"Ilham Akbar Habibie": frozenset({"Kuningan"})}, articles=20_000,
                  marks={"Ilham Akbar Habibie": frozenset()})
    context = ["Ilham", "Kuningan"]
    role = {"Ilham": frozenset({ROLE})}
    # changed: in apposition with a role's word, in an article naming his company
    assert m.entities_in("PER", ["Ilham"], "", context, role) == {"Ilham": ()}
    # not changed: the article writing his full name; a person whose full name is written so
    both = ["Ilham", "Ilham Akbar Habibie"]
    assert m.entities_in("PER", both, "", both, role)["Ilham"] == ("Ilham Akbar Habibie",)
    so = EntityMap(m.values, m.counts, marks={"Ilham Akbar Habibie": frozenset({ROLE})})
    assert so.entities_in("PER", ["Ilham"], "", context, role) == {
        "Ilham": ("Ilham Akbar Habibie",)}


def test_a_word_said_is_no_one_whatever_company_the_article_keeps() -> None:
    counts = {"Amin": 20, "Ma'ruf Amin": 100, "Jusuf Kalla": 50}
    m = EntityMap({"PER": {"Amin": ("Ma'ruf Amin",)}}, {"PER": counts},
                  profiles={"Ma'ruf Amin": frozenset({"Jusuf Kalla"})}, articles=20_000,
                  marks={"Ma'ruf Amin": frozenset()})
    context = ["Amin", "Jusuf Kalla"]
    # changed: said as a sentence of its own, in an article naming his company
    assert m.entities_in("PER", ["Amin"], "", context, {"Amin": frozenset({UTTERANCE})}) == {
        "Amin": ()}
    # not changed: another mark where the article names his company; the article writing his
    # full name; a person whose full name is written so; no marks
    assert m.entities_in("PER", ["Amin"], "", context, {"Amin": frozenset({AGE})}) == {
        "Amin": ("Ma'ruf Amin",)}
    both = ["Amin", "Ma'ruf Amin"]
    assert m.entities_in("PER", both, "", both, {"Amin": frozenset({UTTERANCE})})["Amin"] == (
        "Ma'ruf Amin",)
    said = EntityMap(m.values, m.counts, marks={"Ma'ruf Amin": frozenset({UTTERANCE})})
    assert said.entities_in("PER", ["Amin"], "", context, {"Amin": frozenset({UTTERANCE})}) == {
        "Amin": ("Ma'ruf Amin",)}
    assert m.entities_in("PER", ["Amin"], "", context, {}) == {"Amin": ("Ma'ruf Amin",)}


def _m(name: str, start: int, end: int, typ: str = "PER") -> dict[str, Any]:
    return {"type": typ, "name": name, "field": "body", "start": start, "end": end}


def test_full_names_and_bare_names_are_marked_apart() -> None:
    body = "Irjen Firli Bahuri dan Iptu Arman (40) bertemu Armand Maulana."
    mentions = [_m("Firli Bahuri", 0, 18), _m("Arman", 23, 33), _m("Armand Maulana", 47, 61)]
    assert article_marks("", body, mentions) == {(("PER", "Firli Bahuri"), "mark:rank")}
    assert bare_marks("", body, mentions) == {"Arman": {RANK, AGE}}
    # must not change: other types are never marked
    assert bare_marks("", body, [_m("Arman", 23, 33, "ORG")]) == {}
    # a role is read of bare names only: not of a full name's mention, nor of a one word the
    # article links to a full name ("Warga Rangkul Anak BJ Habibie, Ilham")
    title = "Warga Rangkul Anak BJ Habibie, Ilham: Silakan"
    body = "salah satu warga Jayapura, Sandra Selviana mengatakan"
    mentions = [_m("Ilham Akbar Habibie", 31, 36) | {"field": "title"},
                _m("Sandra Selviana", 27, 42)]
    assert article_marks(title, body, mentions) == set()
    assert bare_marks("salah satu warga Jayapura, Selviana mengatakan", "",
                      [_m("Selviana", 27, 35) | {"field": "title"}]) == {"Selviana": {ROLE}}


def _map() -> EntityMap:
    per = {"Yugo Kobayashi": 14, "Yugo": 4, "Takuro Hoki": 9, "Firli Bahuri": 100,
           "Firli": 30, "Armand Maulana": 20, "Armand": 12}
    evidence = NameEvidence(kinds={(("PER", "Firli Bahuri"), "mark:rank"): 5})
    contexts = [("Yugo Kobayashi", "Takuro Hoki", "BWF")] * 3
    return compute_map({"PER": per, "ORG": {"BWF": 5}, "LOC": {"Srengseng Sawah": 2}}, {},
                       alias_person, evidence, contexts=contexts, articles=1000)


def test_a_marked_bare_name_is_no_one_where_the_person_is_never_written_so() -> None:
    m = _map()
    assert m.marks["Yugo Kobayashi"] == frozenset() and m.marks["Firli Bahuri"] == {RANK}
    private = {"Yugo": frozenset({PRIVATE, AGE})}
    assert m.entities_in("PER", ["Yugo"], "", ["Yugo", "Srengseng Sawah"], private) == {
        "Yugo": ()}
    # must not change: a mark the person's full name is written with; no mark; the article
    # writing his full name; the article naming his company; a map that knows no marks
    assert m.entities_in("PER", ["Firli"], "", ["Firli"], {"Firli": frozenset({RANK})}) == {
        "Firli": ("Firli Bahuri",)}
    assert m.entities_in("PER", ["Yugo"], "", ["Yugo", "Srengseng Sawah"], {}) == {
        "Yugo": ("Yugo Kobayashi",)}
    assert m.entities_in("PER", ["Yugo", "Yugo Kobayashi"], "", ["Yugo", "Yugo Kobayashi"],
                         private)["Yugo"] == ("Yugo Kobayashi",)
    assert m.entities_in("PER", ["Yugo", "Takuro Hoki"], "", ["Yugo", "Takuro Hoki"],
                         private)["Yugo"] == ("Yugo Kobayashi",)
    old = EntityMap.from_json({**m.to_json(), "marks": {}})
    assert old.entities_in("PER", ["Yugo"], "", ["Yugo"], private) == {
        "Yugo": ("Yugo Kobayashi",)}
    assert EntityMap.from_json(m.to_json()) == m


def test_the_corpus_leaves_officers_and_private_people_out(full_index_dir: Path) -> None:
    index = store.open_index(full_index_dir)
    searcher = index.searcher()

    def articles(person: str) -> list[Any]:
        query = tantivy.Query.term_query(index.schema, S.PERSON, person)
        return [load_payload(searcher.doc(addr)[S.PAYLOAD][0])
                for _, addr in searcher.search(query, 2000).hits]

    assert articles("Armand Maulana") and not any(
        "Iptu Arman " in a.body for a in articles("Armand Maulana"))
    assert articles("Yugo Kobayashi") and not any(
        "bernama Yugo (33)" in a.body for a in articles("Yugo Kobayashi"))
    feige = articles("Kevin Feige")
    assert feige and not any(m.name == "Kevin Feige" and a.body[m.start:m.end] == "Marvel"
                             for a in feige for m in a.mentions if m.field == "body")
    # an ordinary person in apposition with his role: a journalist, a street vendor
    assert articles("Ilham Akbar Habibie") and not any(
        "wartawan media nasional, Ilham" in a.body for a in articles("Ilham Akbar Habibie"))
    assert articles("Imam Nahrawi") and not any(
        "Imam, seorang anak yatim" in a.body for a in articles("Imam Nahrawi"))
    # must not change: a police general called by his rank and one name; a minister the
    # article names by his first name after a phrase with a role's word that says to whom
    assert any("Irjen Firli " in a.body and "Firli Bahuri" not in a.body
               for a in articles("Firli Bahuri"))
    assert any("Kepada wartawan, Imam menyinggung" in a.body and "Imam Nahrawi" not in a.body
               for a in articles("Imam Nahrawi"))
    # an officer's namesake where no force is written: Garuda's cargo director
    iqbal = articles("Muhammad Iqbal")
    assert iqbal and not any("Garuda Indonesia Mohammad Iqbal" in a.body for a in iqbal)
    # must not change: the police's spokesman
    assert any("Humas Polri Irjen Muhammad Iqbal" in a.body for a in iqbal)


def test_a_word_of_a_longer_name_written_as_another_types_name_is_no_person() -> None:
    orgs = {"Marvel": 18, "Liverpool": 193, "Bukalapak": 41, "Habibie Center": 3}.get

    def elsewhere(v: str) -> int:
        return orgs(v) or 0

    assert stray_word("Marvel", "Marvel Studios Kevin Feige", "Kevin Feige", elsewhere)
    assert stray_word("Pelatih Liverpool", "Liverpool Jurgen Klopp", "Jurgen Klopp", elsewhere)
    # must not change: a word of the person's own name (read loosely), a word never written
    # as another type's name, a name of one word, a mention of two words
    for surface, name, into in (("Klopp", "Liverpool Jurgen Klopp", "Jurgen Klopp"),
                                ("Raffles", "Raffles B Panjaitan", "Rafles B Panjaitan"),
                                ("Intan", "Bukalapak Intan Wibisono", "Intan Wibisono"),
                                ("Marvel", "Marvel", "Kevin Feige"),
                                ("Bukalapak Intan", "Bukalapak Intan Wibisono",
                                 "Intan Wibisono")):
        assert not stray_word(surface, name, into, elsewhere), surface


def test_an_officers_name_and_anothers_spelt_alike_are_two_people() -> None:
    per = {"Muhammad Nasir": 41, "M Nasir": 17, "Mohamad Nasir": 15, "Mohammad Nasir": 6,
           "Argo Yuwono": 89, "Prabowo Argo Yuwono": 7, "Muhammad Iqbal": 23,
           "Mochamad Iqbal": 3}
    ranked = {"Muhammad Nasir": 38, "M Nasir": 15, "Argo Yuwono": 60, "Muhammad Iqbal": 13}
    evidence = NameEvidence(kinds={(("PER", v), "mark:rank"): n for v, n in ranked.items()})
    m = compute_map({"PER": per, "ORG": {}, "LOC": {}}, {}, alias_person, evidence)
    for v in ("Muhammad Nasir", "M Nasir"):
        assert m.entity("PER", v) == ("Muhammad Nasir",), v
    for v in ("Mohamad Nasir", "Mohammad Nasir"):
        assert m.entity("PER", v) == ("Mohamad Nasir",), v
    # must not change: with no marks one name; a longer name of an officer never written
    # after a rank in a few articles; a spelling of an officer's name written a few times
    plain = compute_map({"PER": per, "ORG": {}, "LOC": {}}, {}, alias_person, NameEvidence())
    assert len({plain.entity("PER", v) for v in ("Muhammad Nasir", "Mohamad Nasir")}) == 1
    assert m.entity("PER", "Prabowo Argo Yuwono") == ("Argo Yuwono",)
    assert m.entity("PER", "Mochamad Iqbal") == ("Muhammad Iqbal",)


def test_an_officers_name_where_no_force_is_written_is_his_namesakes() -> None:
    per = {"Muhammad Iqbal": 9, "Mohammad Iqbal": 7, "M Iqbal": 6, "Hadi Tjahjanto": 83,
           "Argo Yuwono": 99, "Argo": 20, "Anies Baswedan": 300, "Budi Karya": 4}
    persons = {"Mohammad Iqbal": ("Muhammad Iqbal",), "M Iqbal": ("Muhammad Iqbal",),
               "Argo": ("Argo Yuwono",)}
    ranked = {"Muhammad Iqbal": 6, "Mohammad Iqbal": 4, "M Iqbal": 5, "Hadi Tjahjanto": 71,
              "Argo Yuwono": 40, "Budi Karya": 3}
    kinds = {(("PER", v), "mark:rank"): n for v, n in ranked.items()}
    # officers: written after a rank in half their articles; not a person named in fewer
    # articles than OFFICER_MIN, nor one never ranked; a one-word name counts as his
    assert officers(kinds, per, persons) == {"Muhammad Iqbal", "Hadi Tjahjanto"}
    assert OFFICER_MIN == 5
    found = {"Mohammad Iqbal": ("Muhammad Iqbal",), "Anies Baswedan": ("Anies Baswedan",)}
    # changed: no word of a force anywhere in the article
    off_duty(found, {"Muhammad Iqbal"},
             "Direktur Kargo dan Pengembangan Usaha Garuda Indonesia Mohammad Iqbal mengatakan")
    assert found == {"Mohammad Iqbal": (), "Anies Baswedan": ("Anies Baswedan",)}
    # changed: a rank's word only in a civil office's title
    civil = {"Muhammad Iqbal": ("Muhammad Iqbal",)}
    off_duty(civil, {"Muhammad Iqbal"}, "kata Direktur Jenderal Hortikultura. Salah satu "
             "eksportir, Muhammad Iqbal menyebutkan, ujar Sekretaris Jenderal Kementan")
    assert civil == {"Muhammad Iqbal": ()}
    # must not change: a rank, a body of the force or an office of it anywhere in the text
    for text in ("kata Kadiv Humas Polri Irjen Mohammad Iqbal",
                 "Inspektur Jenderal Mohammad Iqbal membenarkan",
                 "Mohammad Iqbal di Mabes Polri, Jakarta",
                 "Panglima TNI Marsekal Hadi Tjahjanto"):
        kept = {"Mohammad Iqbal": ("Muhammad Iqbal",)}
        off_duty(kept, {"Muhammad Iqbal"}, text)
        assert kept == {"Mohammad Iqbal": ("Muhammad Iqbal",)}, text


def test_the_map_keeps_its_officers_and_reads_the_text_for_them() -> None:
    per = {"Muhammad Iqbal": 9, "Mohammad Iqbal": 7, "Jusuf Kalla": 50}
    evidence = NameEvidence(kinds={(("PER", "Muhammad Iqbal"), "mark:rank"): 8})
    m = compute_map({"PER": per, "ORG": {}, "LOC": {}}, {}, alias_person, evidence)
    assert m.officers == {"Muhammad Iqbal"}
    assert EntityMap.from_json(m.to_json()) == m
    assert m.officers_in(["Mohammad Iqbal"]) and not m.officers_in(["Jusuf Kalla"])
    garuda = "Direktur Kargo Garuda Indonesia Mohammad Iqbal mengatakan"
    assert m.entities_in("PER", ["Mohammad Iqbal", "Jusuf Kalla"], text=garuda) == {
        "Mohammad Iqbal": (), "Jusuf Kalla": ("Jusuf Kalla",)}
    # must not change: the police's words in the text; no text read
    assert m.entities_in("PER", ["Mohammad Iqbal"], text="Kadiv Humas Polri " + garuda) == {
        "Mohammad Iqbal": ("Muhammad Iqbal",)}
    assert m.entities_in("PER", ["Mohammad Iqbal"]) == {"Mohammad Iqbal": ("Muhammad Iqbal",)}
