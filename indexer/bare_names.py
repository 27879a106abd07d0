"""Whether one article's bare one-word person's name is the person the corpus-level map gives
the word to, where the corpus shows that word to be other people's too.

The map gives a bare "Joko" to Joko Widodo, the person the corpus mostly means by a name with
that word; but the corpus calls him "Jokowi", and a bare "Joko" is the film director Joko
Anwar in film news ("kata Joko"), a lorry driver, a man arrested; a bare "Widodo" is a
provincial education chief; "Djoko" (the old spelling of the word) an official of the energy
ministry. A word is *unsure* (:func:`unsure_words`, when the map is computed) when

* it is a spelling of a word of the person's name that none of his full names writes so
  ("Djoko" for Joko Widodo), or
* another person's full name, written in :data:`~indexer.entity_groups.RIVAL_MIN` articles
  or more, holds it ("Joko Anwar"), and the corpus writes the word alone in fewer than
  :data:`USAGE_MIN` as many articles as it writes the person's full name: it does not call
  him so ("Joko" alone in 18 articles, "Joko Widodo" in 1,618; but "Habibie" alone in 222 and
  "Bacharuddin Jusuf Habibie" in 705, so a bare "Habibie" stays his though his son's name
  holds the word too), or
* it is the last word of his full names, a surname the corpus writes as the last word of
  :data:`SURNAME_RIVALS` other persons' full names or more (:func:`_surname_rivals`), and
  the corpus writes it alone in fewer than :data:`SURNAME_USAGE` as many articles as his
  full name: a family's name, or the one name of many a man ("Hamzah" of Fahri Hamzah is
  also Chandra M. Hamzah, a hotel clerk, a diver).

An aliased nickname is never unsure: the map ties it to one person ("Jokowi", "Bamsoet").
When an article is written (:func:`supported`, by ``reindex`` and ``add`` alike), an unsure
word is the person only where the article writes one of his full names or an alias of his, or
another word of his name that is no unsure word ("Anies" in the headline, "Baswedan" in the
body); else it is the one person whose full name the article writes with the word, or no one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Final

from indexer.entity_groups import RIVAL_MIN
from indexer.name_keys import covers, loose_words, name_words

# A bare word other people's names hold is still the person's own where the corpus writes it
# alone (an article writing his full name has the extractor read it as him already) in at
# least this share as many articles as it writes his full name.
USAGE_MIN: Final = 0.05
# A surname is a family's or many men's one name where this many other persons' full names end
# in it; it is still the person's own where the corpus writes it alone in at least this share
# as many articles as his full name ("Habibie").
SURNAME_RIVALS: Final = 3
SURNAME_USAGE: Final = 0.1


def _one_word(v: str) -> bool:
    return " " not in v.strip()


def _surname_rivals(p: str, ending: set[tuple[str, tuple[str, ...]]]) -> int:
    """How many other persons' full names end in a last word of ``p``'s (``ending``: each
    person whose full name ends in it, with that name's loose words), told apart by their first
    words: none, where ``p``'s full names do not end in it; not names that hold his whole name
    ("Mufidah Jusuf Kalla", his wife; "Anies Rasyid Baswedan", himself)."""
    if not any(x == p for x, _ in ending):
        return 0
    own = loose_words(p)
    return len({ws[0] for x, ws in ending if x != p and not covers(ws, own)})


def unsure_words(persons: Mapping[str, tuple[str, ...]], counts: Mapping[str, int],
                 contexts: Iterable[Iterable[str]]) -> frozenset[str]:
    """The one-word persons' names (``persons``: raw value -> what the map makes of it, where
    that differs; ``counts``: raw value -> articles) that need the article's support to be the
    person the map gives them to. ``contexts``: the raw values of each article naming a person
    in full."""
    def into(v: str) -> tuple[str, ...]:
        return persons.get(v, (v,))

    loose: dict[str, set[str]] = defaultdict(set)  # person -> loose words of his full names
    exact: dict[str, set[str]] = defaultdict(set)  # person -> words of his full names
    # loose word -> person -> articles of his full names that hold it
    holding: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    # word -> the persons whose full names end in it, with those names' loose words (the word
    # as written: "Sarri" is no "Sari")
    last: dict[str, set[tuple[str, tuple[str, ...]]]] = defaultdict(set)
    for u, c in counts.items():
        found = into(u)
        if _one_word(u) or len(found) != 1:  # no ticket: its halves are named apart
            continue
        words = loose_words(u)
        loose[found[0]].update(words)
        exact[found[0]].update(name_words(u))
        last[name_words(u)[-1]].add((found[0], words))
        for w in set(words):
            holding[w][found[0]] += c
    out: set[str] = set()
    checked: dict[str, str] = {}  # word -> its person, to be weighed by usage
    surnames: set[str] = set()  # those of them weighed as surnames
    for v in counts:
        found = into(v)
        if not _one_word(v) or len(found) != 1 or found[0] == v or _one_word(found[0]):
            continue
        p, word = found[0], loose_words(v)[0]
        if word not in loose[p]:
            continue  # an alias
        if name_words(v)[0] not in exact[p]:
            out.add(v)
            continue
        if any(x != p and c >= RIVAL_MIN for x, c in holding.get(word, {}).items()):
            checked[v] = p
        if _surname_rivals(p, last.get(name_words(v)[0], set())) >= SURNAME_RIVALS:
            checked[v] = p
            surnames.add(v)
    if checked:
        written: dict[str, int] = defaultdict(int)  # person -> articles writing him in full
        wanted = set(checked.values())
        # each full name -> the wanted persons it is (most are none: looked up once each)
        full = {v: ps for v in counts if not _one_word(v) if (ps := wanted.intersection(into(v)))}
        for context in contexts:
            for p in {p for v in context if v in full for p in full[v]}:
                written[p] += 1
        out.update(v for v, p in checked.items() if counts[v] < (
            SURNAME_USAGE if v in surnames else USAGE_MIN) * written[p])
    return frozenset(out)


def supported(found: dict[str, tuple[str, ...]], mapped: Mapping[str, tuple[str, ...]],
              unsure: frozenset[str], text: str = "") -> None:
    """Make each unsure word of one article (``found``: its persons' names -> what they are
    there so far; ``mapped``: what the map makes of them) no one, or the one person whose full
    name the article writes with the word, unless the article writes a full name or an alias
    of the person the map gives it to: among its persons' names, or in its ``text`` (headline
    and body: "Wapres Jusuf Kalla" in a headline the tagger read as no person). Changes
    ``found``."""
    folded = ""
    for v in unsure.intersection(found):
        into = found[v]
        if len(into) != 1 or into != mapped.get(v):
            continue  # the article's own names decided already
        p = into[0]
        own = loose_words(p)
        # another bare word of his name supports a surname, not a given name ("Joko", "Widodo")
        surname = loose_words(v)[0] == own[-1]
        if any(u != v and p in x and (not _one_word(u) or (u not in unsure and (
                surname or loose_words(u)[0] not in own))) for u, x in found.items()):
            continue
        folded = folded or text.casefold()
        if p.casefold() in folded:
            continue
        part = loose_words(v)
        holders = {x for u, xs in found.items()
                   if not _one_word(u) and covers(loose_words(u), part) for x in xs}
        found[v] = tuple(holders) if len(holders) == 1 else ()
