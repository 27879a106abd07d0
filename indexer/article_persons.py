"""What a person's one-word name is in one article, where the corpus-level map
(:mod:`indexer.entity_norm`) alone may be wrong: the map gives a bare "Syarief" to the person
the corpus mostly means by it, but an article that writes "Laode M. Syarif" means him, and one
in a category where only other people's full names with the word are written means no one the
map knows.

* :func:`astray_categories` (when the map is computed): for each one-word name the map gives a
  person, the categories where other people's names of two words or more with that word are
  written and none of that person's ("Della" in film news: Della Dartyan's, not the badminton
  player's).
* :func:`article_persons` (when an article is written, by ``reindex`` and ``add`` alike): a
  one-word name that the article's own full names hold (read loosely,
  :func:`~indexer.name_keys.loose_words`) is the one person they are; else it is no one in an
  astray category.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from indexer.entity_groups import DOMINANCE
from indexer.name_keys import covers, loose_words, name_words, variant_key


def astray_categories(persons: Mapping[str, tuple[str, ...]],
                      found: Mapping[tuple[str, str], int]) -> dict[str, frozenset[str]]:
    """One-word persons' names the map gives a person (``persons``: raw value -> what it
    becomes) -> the categories (keys) where other people's names of two words or more with that
    word are written and none of that person's (``found``: (person's raw value, category key)
    -> articles)."""
    homes: dict[str, set[str]] = defaultdict(set)  # a person -> categories of his full names
    by_word: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for v, key in found:
        into = persons.get(v, (v,))
        if " " not in v.strip() or len(into) != 1:
            continue
        homes[into[0]].add(key)
        for w in name_words(v):
            by_word[w][into[0]].add(key)
    out = {}
    for v, into in persons.items():
        if len(into) == 1 and into[0] != v and " " not in v.strip():
            others = {k for p, keys in by_word.get(variant_key(v), {}).items() if p != into[0]
                      for k in keys}
            if others - homes[into[0]]:
                out[v] = frozenset(others - homes[into[0]])
    return out


def article_persons(mapped: Mapping[str, tuple[str, ...]], category_key: str,
                    astray: Mapping[str, frozenset[str]], articles: Mapping[str, int]
                    ) -> dict[str, tuple[str, ...]]:
    """What each of one article's persons' names becomes there. ``mapped``: each name -> what
    the map makes of it; ``category_key``: the article's category (key); ``astray``: from
    :func:`astray_categories`; ``articles``: a person -> the articles the map gives him.

    A one-word name that other names of the article hold becomes what they become, when they
    all become one person and the map does not make the word another person the article names
    (a first name always; a surname unless the map gives it a person named :data:`DOMINANCE`
    times as often: "Habibie" beside his son's full name stays his). Else a one-word name is
    no one in a category ``astray`` lists for it."""
    found = {v: () if category_key in astray.get(v, ()) else into
             for v, into in mapped.items()}
    if len(mapped) < 2:
        return found
    words = {v: loose_words(v) for v in mapped}
    for v, part in words.items():
        if len(part) != 1:
            continue
        wholes = [u for u, whole in words.items() if len(whole) > 1 and covers(whole, part)]
        holders = {x for u in wholes for x in mapped[u]}
        # the person the map makes of the word, when the article names him too
        holders.update(x for x in mapped[v] if any(x in mapped[u] for u in mapped if u != v))
        if len(holders) != 1:
            continue
        if mapped[v] == tuple(holders):
            found[v] = mapped[v]
            continue
        (one,) = holders
        first = any(words[u][0] == part[0] for u in wholes)
        if first or not any(articles.get(x, 0) >= DOMINANCE * articles.get(one, 0)
                            for x in mapped[v]):
            found[v] = (one,)
    return found
