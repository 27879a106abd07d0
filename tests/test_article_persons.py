"""What a person's one-word name is in one article (indexer.article_persons): the person the
article's own full names are, or no one in a category where only other people's full names
with the word are written; with the cases that must not change."""

from __future__ import annotations

from indexer.article_persons import article_persons, astray_categories


def test_the_categories_a_word_is_astray_in() -> None:
    persons = {"Della": ("Della Destiara Haris",), "Della Dartyan": ("Della Dartyan",),
               "Della Destiara Haris": ("Della Destiara Haris",), "Rizki": ("Rizki Amelia",)}
    found = {("Della Destiara Haris", "sport"): 20, ("Della Dartyan", "film"): 2,
             ("Della Dartyan", "sport"): 1, ("Della", "film"): 3, ("Rizki Amelia", "sport"): 4}
    assert astray_categories(persons, found) == {"Della": frozenset({"film"})}


def test_a_word_is_whom_its_article_names_in_full() -> None:
    astray = {"Della": frozenset({"film"})}
    articles = {"Habibie Besar": 300, "Ilham Habibie": 8, "Della Haris": 27, "Della Dartyan": 2}
    assert article_persons({"Della": ("Della Haris",), "Della Dartyan": ("Della Dartyan",)},
                           "sport", astray, articles)["Della"] == ("Della Dartyan",)
    assert article_persons({"Della": ("Della Haris",)}, "film", astray, articles) == {
        "Della": ()}
    # must not change: a surname of a person named far more often, another category, one name
    assert article_persons({"Habibie": ("Habibie Besar",), "Ilham Habibie": ("Ilham Habibie",)},
                           "news", {}, articles)["Habibie"] == ("Habibie Besar",)
    assert article_persons({"Della": ("Della Haris",)}, "sport", astray, articles) == {
        "Della": ("Della Haris",)}
