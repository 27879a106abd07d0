"""A person's name on the other side of sports news than his own, in an article that names none
of his company: somebody else.

Sport and the rest of the news are two worlds with few people in both. A person the corpus
names in sports news nearly always (a badminton player, a football club's coach) and a namesake
in a bribery case, or a bare "Jesus" (Christ, in a film's cast) linked to the striker Gabriel
Jesus, are told apart by where each is written and with whom.

* :func:`person_homes` (when the map is computed): each person named in :data:`HOME_MIN`
  articles or more, :data:`HOME_SHARE` of them on one side (sports news or not) -> whether
  that side is sports news; and :func:`common_names`: the persons' full names whose first and
  last words are each those of :data:`COMMON_MIN` other names or more ("Hendra Setiawan",
  "Zaenal Abidin": many men's names; not "Airlangga Hartarto").
* :func:`off_side` (when an article is written, by ``reindex`` and ``add`` alike): in an
  article on the other side, a name that stands for such a person is no one there when the
  article names none of the company his full name keeps elsewhere (``company``) and the name
  is a bare word of his longer name ("Jesus", "Bima") or a common full name. A rarer full name
  written in full keeps him ("Airlangga Hartarto" heading a wushu federation, "Max
  Verstappen" at a film's premiere), and so does his own one name ("Wiranto").
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Final

from indexer.club_words import sports_news
from indexer.name_keys import name_words
from indexer.person_context import Finals, finals_of

# A person has a side where this many of his articles are, this share of them on it.
HOME_MIN: Final = 5
HOME_SHARE: Final = 0.9
# A full name is a common one when its first and its last word are each the first or last
# word of this many persons' names.
COMMON_MIN: Final = 8


def person_homes(persons: Mapping[str, tuple[str, ...]],
                 found: Mapping[tuple[str, str], int]) -> dict[str, bool]:
    """Each person with a side -> whether it is sports news. ``persons``: raw value -> what it
    becomes (where that differs); ``found``: (raw value, category key) -> articles."""
    sports: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for (v, key), n in found.items():
        into = persons.get(v, (v,))
        if len(into) == 1:
            total[into[0]] += n
            if sports_news(key):
                sports[into[0]] += n
    out = {}
    for p, n in total.items():
        if n >= HOME_MIN:
            if sports[p] >= HOME_SHARE * n:
                out[p] = True
            elif n - sports[p] >= HOME_SHARE * n:
                out[p] = False
    return out


def common_names(counts: Mapping[str, int], persons: Mapping[str, tuple[str, ...]],
                 homes: Collection[str]) -> frozenset[str]:
    """The raw full names (of persons in ``homes``) whose first and last words are each the
    first or the last word of :data:`COMMON_MIN` other names of ``counts`` or more."""
    firsts: Counter[str] = Counter()
    lasts: Counter[str] = Counter()
    for v in counts:
        words = name_words(v)
        if len(words) >= 2:
            firsts[words[0]] += 1
            lasts[words[-1]] += 1
    out = set()
    for v in counts:
        words = name_words(v)
        into = persons.get(v, (v,))
        if len(words) >= 2 and len(into) == 1 and into[0] in homes and \
                firsts[words[0]] > COMMON_MIN and lasts[words[-1]] > COMMON_MIN:
            out.add(v)
    return frozenset(out)


def kept_company(common: Collection[str], persons: Mapping[str, tuple[str, ...]],
                 contexts: Iterable[tuple[str, ...]], tells: Mapping[str, bool],
                 finals: Finals) -> dict[str, frozenset[str]]:
    """The persons of the ``common`` full names -> the values the specific raw values
    (``tells``) of two or more of their articles become (``contexts``: each article's raw
    values of every type): the company an article shares with another of his."""
    who = {persons.get(v, (v,))[0] for v in common}
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for context in contexts:
        here = {x for v in context if v in common or " " in v.strip()
                for x in persons.get(v, (v,)) if x in who}
        if here:
            company = {x for v in context if tells.get(v, False) for x in finals(v)}
            for p in here:
                seen[p].update(company - {p})
    return {p: frozenset(x for x, n in c.items() if n >= 2) for p, c in seen.items()}


def side_facts(values: Mapping[str, Mapping[str, tuple[str, ...]]],
               counts: Mapping[str, Mapping[str, int]], found: Mapping[tuple[str, str], int],
               contexts: Iterable[tuple[str, ...]], tells: Mapping[str, bool]
               ) -> tuple[dict[str, bool], frozenset[str], dict[str, frozenset[str]]]:
    """What the map keeps for :func:`off_side`: :func:`person_homes`, :func:`common_names` and
    their :func:`kept_company` (``values``: type -> raw value -> what it becomes, where that
    differs; ``counts``: type -> raw value -> articles; ``found``: (person's raw value,
    category key) -> articles; ``contexts``: each article's raw values of every type;
    ``tells``: :func:`~indexer.person_context.specific` of ``counts``)."""
    persons = values.get("PER", {})
    homes = person_homes(persons, found)
    common = common_names(counts.get("PER", {}), persons, homes)
    kept = kept_company(common, persons, contexts, tells, finals_of(values, counts))
    return homes, common, kept


def off_side(found: dict[str, tuple[str, ...]], category: str, homes: Mapping[str, bool],
             common: Collection[str], company: Callable[[str, list[str]], bool]) -> None:
    """Each of an article's persons' names (``found``: name -> what it becomes there, changed
    in place) that stands for a person with a side (``homes``) other than the article's
    (``category``), as a bare word of his longer name or as a ``common`` full name, is no one
    there unless ``company(person, his names in the article)`` says the article keeps his."""
    if not category.strip():
        return
    side = sports_news(category)
    for v, into in found.items():
        if len(into) != 1 or homes.get(into[0], side) == side:
            continue
        person = into[0]
        bare = " " not in v.strip() and v != person and " " in person
        if (bare or v in common) and not company(
                person, [u for u, x in found.items() if x == into]):
            found[v] = ()
