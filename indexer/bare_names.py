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
  holds the word too).

An aliased nickname is never unsure: the map ties it to one person ("Jokowi", "Bamsoet").
When an article is written (:func:`supported`, by ``reindex`` and ``add`` alike), an unsure
word is the person only where the article writes one of his full names or an alias of his;
else it is the one person whose full name the article writes with the word, or no one.
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


def _one_word(v: str) -> bool:
    return " " not in v.strip()


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
    for u, c in counts.items():
        found = into(u)
        if _one_word(u) or len(found) != 1:  # no ticket: its halves are named apart
            continue
        loose[found[0]].update(loose_words(u))
        exact[found[0]].update(name_words(u))
        for w in set(loose_words(u)):
            holding[w][found[0]] += c
    out: set[str] = set()
    checked: dict[str, str] = {}  # word -> its person, to be weighed by usage
    for v in counts:
        found = into(v)
        if not _one_word(v) or len(found) != 1 or found[0] == v or _one_word(found[0]):
            continue
        p, word = found[0], loose_words(v)[0]
        if word not in loose[p]:
            continue  # an alias
        if name_words(v)[0] not in exact[p]:
            out.add(v)
        elif any(x != p and c >= RIVAL_MIN for x, c in holding.get(word, {}).items()):
            checked[v] = p
    if checked:
        written: dict[str, int] = defaultdict(int)  # person -> articles writing him in full
        wanted = set(checked.values())
        # each full name -> the wanted persons it is (most are none: looked up once each)
        full = {v: ps for v in counts if not _one_word(v) if (ps := wanted.intersection(into(v)))}
        for context in contexts:
            for p in {p for v in context if v in full for p in full[v]}:
                written[p] += 1
        out.update(v for v, p in checked.items() if counts[v] < USAGE_MIN * written[p])
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
        if any(u != v and p in x and (not _one_word(u) or (
                u not in unsure and loose_words(u)[0] not in own)) for u, x in found.items()):
            continue
        folded = folded or text.casefold()
        if p.casefold() in folded:
            continue
        part = loose_words(v)
        holders = {x for u, xs in found.items()
                   if not _one_word(u) and covers(loose_words(u), part) for x in xs}
        found[v] = tuple(holders) if len(holders) == 1 else ()
