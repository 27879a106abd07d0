"""A bare one-word person's name that other people's names hold too is the person the map gives
it to only where the article supports it (indexer.bare_names): the unsure words of a corpus,
one article's values under the map, and the 22k corpus index; with the cases that must not
change."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import tantivy

from indexer import schema as S
from indexer import store
from indexer.bare_names import SURNAME_RIVALS, SURNAME_USAGE, USAGE_MIN, unsure_words
from indexer.document import load_payload
from indexer.entities.facts import TITLES
from indexer.entity_map import EntityMap
from indexer.entity_norm import compute_map
from indexer.spill import alias_person

_COUNTS = {"Joko Widodo": 900, "Jokowi": 1000, "Joko": 14, "Djoko": 5, "Joko Anwar": 20,
           "Bacharuddin Jusuf Habibie": 500, "Habibie": 300,
           "Ilham Akbar Habibie": 40, "Anies Baswedan": 300, "Anies": 150,
           "Novel Baswedan": 30, "Baswedan": 10, "Ronaldo": 70, "Cristiano Ronaldo": 100,
           "Ronaldo Wijaya": 2}
# Articles writing a full name (the extractor reads a bare word beside it as the full name).
_CONTEXTS = ([("Joko Widodo",)] * 300 + [("Bacharuddin Jusuf Habibie",)] * 500
             + [("Anies Baswedan",)] * 300 + [("Cristiano Ronaldo",)] * 100)


def _map() -> EntityMap:
    return compute_map({"PER": _COUNTS, "ORG": {}, "LOC": {}}, {}, alias_person,
                       contexts=_CONTEXTS, articles=20_000)


def test_the_unsure_words_of_a_corpus() -> None:
    persons = {"Joko": ("Joko Widodo",), "Djoko": ("Joko Widodo",), "Jokowi": ("Joko Widodo",),
               "Habibie": ("Bacharuddin Jusuf Habibie",), "Anies": ("Anies Baswedan",),
               "Baswedan": ("Anies Baswedan",), "Ronaldo": ("Cristiano Ronaldo",)}
    # changed: a word another's name holds, written alone in fewer than a twentieth as many
    # articles as the full name (Joko 14 and 300, Baswedan 10 and 300); an old spelling no full
    # name writes (Djoko)
    # not changed: an alias (Jokowi); a word held by one person's names alone (Anies); one
    # written alone often (Habibie 300 of 500, though his son's name holds it); a rival named
    # in fewer than RIVAL_MIN articles (Ronaldo Wijaya)
    assert unsure_words(persons, _COUNTS, _CONTEXTS) == {"Joko", "Djoko", "Baswedan"}
    # the share is the boundary: Joko alone in a twentieth as many articles as Joko Widodo
    rest = _CONTEXTS[300:]
    assert USAGE_MIN * 280 == 14
    assert "Joko" not in unsure_words(persons, _COUNTS, [("Joko Widodo",)] * 280 + rest)
    assert "Joko" in unsure_words(persons, _COUNTS, [("Joko Widodo",)] * 281 + rest)


def test_a_surname_many_full_names_end_in_is_unsure_where_seldom_written_alone() -> None:
    counts = {"Fahri Hamzah": 100, "Fahri": 30, "Hamzah": 6, "Hamka Hamzah": 4,
              "Imron Hamzah": 3, "Amir Hamzah": 2, "Chandra Hamzah": 1,
              "Bacharuddin Jusuf Habibie": 500, "Habibie": 300, "Ainun Habibie": 90,
              "Ilham Akbar Habibie": 60, "Thareq Kemal Habibie": 60,
              "Lionel Messi": 80, "Messi": 3, "Leo Messi": 1,
              "Hamzah Haz": 5}
    persons = {"Hamzah": ("Fahri Hamzah",), "Habibie": ("Bacharuddin Jusuf Habibie",),
               "Messi": ("Lionel Messi",), "Fahri": ("Fahri Hamzah",),
               "Leo Messi": ("Lionel Messi",)}
    contexts = ([("Fahri Hamzah",)] * 100 + [("Bacharuddin Jusuf Habibie",)] * 500
                + [("Lionel Messi",)] * 80)
    assert SURNAME_RIVALS == 3 and SURNAME_USAGE * 100 == 10
    # changed: the last word of four other persons' full names, alone in 6 articles to 100
    # not changed: a given name (Fahri); a surname written alone often (Habibie, 300 to 500,
    # though three of his family's names end in it); a surname no three others share (Messi,
    # though written alone in under a twentieth as many articles)
    assert unsure_words(persons, counts, contexts) == {"Hamzah"}
    # the boundary: alone in a tenth as many articles as the full name is his own
    assert "Hamzah" not in unsure_words(persons, counts, [("Fahri Hamzah",)] * 60)
    assert "Hamzah" in unsure_words(persons, counts, [("Fahri Hamzah",)] * 61)
    # ... and three rivals: with two, it stays his
    fewer = {k: v for k, v in counts.items() if k not in ("Chandra Hamzah", "Amir Hamzah")}
    assert unsure_words(persons, fewer, contexts) == frozenset()
    # in an article, another word of his name that is sure supports a surname ("Fahri" in the
    # headline, "Hamzah" in the body); a full name of another with the word takes it
    m = EntityMap({"PER": persons}, {"PER": counts}, unsure=frozenset({"Hamzah"}))
    assert m.entities_in("PER", ["Hamzah"], "", ["Hamzah"]) == {"Hamzah": ()}
    assert m.entities_in("PER", ["Hamzah", "Fahri"], "", ["Hamzah", "Fahri"])["Hamzah"] == (
        "Fahri Hamzah",)
    assert m.entities_in("PER", ["Hamzah", "Hamka Hamzah"], "",
                         ["Hamzah", "Hamka Hamzah"])["Hamzah"] == ("Hamka Hamzah",)


def test_an_unsure_word_is_the_person_only_where_the_article_supports_it() -> None:
    computed = _map()
    assert computed.entity("PER", "Joko") == ("Joko Widodo",) and computed.unsure == {
        "Joko", "Djoko", "Baswedan"}
    # as computed, with the nickname the corpus ties to the president (name_evidence)
    values = {**computed.values["PER"], "Jokowi": ("Joko Widodo",)}
    m = EntityMap({"PER": values}, computed.counts, unsure=computed.unsure)

    def per(*values: str) -> dict[str, tuple[str, ...]]:
        return m.entities_in("PER", values, "", values)

    # changed: written alone ("kata Joko" of the film director, cut from his name)
    assert per("Joko") == {"Joko": ()}
    assert per("Djoko", "Christine Hakim")["Djoko"] == ()
    # ... or the one other full name with the word the article writes
    assert per("Joko", "Joko Anwar")["Joko"] == ("Joko Anwar",)
    assert per("Baswedan", "Novel Baswedan")["Baswedan"] == ("Novel Baswedan",)
    # not changed: the article writes his full name or an alias of his; a word that is not
    # unsure; an alias alone
    assert per("Joko", "Jokowi")["Joko"] == ("Joko Widodo",)
    assert per("Djoko", "Joko Widodo")["Djoko"] == ("Joko Widodo",)
    assert per("Baswedan", "Anies Baswedan")["Baswedan"] == ("Anies Baswedan",)
    assert per("Habibie") == {"Habibie": ("Bacharuddin Jusuf Habibie",)}
    assert per("Anies") == {"Anies": ("Anies Baswedan",)}
    assert per("Jokowi") == {"Jokowi": ("Joko Widodo",)}
    # ... or a text that writes his full name where the tagger read no person
    assert m.entities_in("PER", ["Joko"], "", ["Joko"], None,
                         text="Presiden JOKO WIDODO tiba\nkata Joko")["Joko"] == ("Joko Widodo",)
    assert m.entities_in("PER", ["Joko"], "", ["Joko"], None,
                         text="Cerita Joko Anwar\nkata Joko")["Joko"] == ()
    # a map of an older index knows no unsure words
    old = EntityMap.from_json({k: v for k, v in m.to_json().items() if k != "unsure"})
    assert old.entities_in("PER", ["Joko"], "", ["Joko"]) == {"Joko": ("Joko Widodo",)}
    assert EntityMap.from_json(m.to_json()) == m


def _words(surface: str) -> list[str]:
    return [w for w in surface.split() if w.strip(".").lower() not in TITLES]


def test_the_corpus_links_no_unsure_word_alone(full_index_dir: Path) -> None:
    """Brute force over every stored person's mention of the 22k index: no article that does
    not write a person's name gives him a value whose only mentions there are one unsure
    word each."""
    emap = store.load_entity_map(full_index_dir)
    index = store.open_index(full_index_dir)
    searcher = index.searcher()
    bare_only = []
    kept: dict[str, int] = defaultdict(int)  # a person -> articles naming him by a word alone
    for _, addr in searcher.search(tantivy.Query.all_query(), 30_000).hits:
        art = load_payload(searcher.doc(addr)[S.PAYLOAD][0])
        forms: dict[str, set[str]] = defaultdict(set)
        for m in art.mentions:
            if m.type == "PER":
                text = art.title if m.field == "title" else art.body
                forms[m.name].add(" ".join(_words(text[m.start:m.end])))
        for name, written in forms.items():
            if " " in name and all(" " not in w for w in written):
                kept[name] += 1
                if written <= emap.unsure and name.casefold() not in (
                        f"{art.title}\n{art.body}".casefold()):
                    bare_only.append((art.id, name, sorted(written)))
    assert {"Joko", "Widodo", "Djoko"} <= emap.unsure
    assert bare_only == []
    # not changed: the president by his alias alone, Habibie and Anies by one word alone
    assert kept["Joko Widodo"] > 300
    assert kept["Bacharuddin Jusuf Habibie"] > 50 and kept["Anies Baswedan"] > 50


def test_a_name_with_an_alias_in_it_joins_the_name_with_the_full_name_in_its_place() -> None:
    per = {"Iriana Joko Widodo": 12, "Iriana Jokowi": 10,
           "Gibran Jokowi": 3, "Basuki Tjahaja Purnama": 50, "Ahok Fans": 4}
    m = compute_map({"PER": per, "ORG": {}, "LOC": {}}, {}, alias_person, articles=1000)
    # changed: "Jokowi" is Joko Widodo in the alias table
    assert m.entity("PER", "Iriana Jokowi") == ("Iriana Joko Widodo",)
    # not changed: no name with the full name in the alias's place is written
    assert m.entity("PER", "Gibran Jokowi") == ("Gibran Jokowi",)
    assert m.entity("PER", "Ahok Fans") == ("Ahok Fans",)
    assert m.entity("PER", "Iriana Joko Widodo") == ("Iriana Joko Widodo",)
