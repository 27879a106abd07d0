"""Whether a one-word person's name in one article is the person the corpus-level map gives it,
judged by the company the name keeps.

The map gives a bare "Fakhri" to Fakhri Husaini, the coach, because the corpus mostly means him
by it; but a bare first name or surname is also somebody else's: a Friday-prayer khatib, a
witness "Yanto", "Tito" Rabat in MotoGP results, "Papa" in a quote. The articles that write a
person's full name show the company he keeps: the other people, organisations and places
named beside him. An article that names him only by the bare word, and names several other
specific things (values in two articles or more, and not among the most common: "Jakarta",
"Indonesia" say nothing) none of which was ever named beside his full name, is about somebody
else: the word is no value there.

* :func:`profiles` (when the map is computed): for each person a one-word name is given to,
  the specific values of the articles that write his full name (from
  :class:`~indexer.entity_norm.CorpusCounts`' per-article values);
* :func:`keeps_company` (when an article is written, by ``reindex`` and ``add`` alike).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from typing import Final

# A value named in this share of the articles or more is too common to tell people apart.
COMMON_SHARE: Final = 0.01
# A person's company is known from this many articles writing his full name.
PROFILE_MIN: Final = 2
# A bare word is somebody else only in an article naming this many specific other values.
OTHERS_MIN: Final = 3


def specific(counts: Mapping[str, Mapping[str, int]], articles: int) -> dict[str, bool]:
    """Value -> whether it tells articles apart: named in two articles or more, in fewer than
    :data:`COMMON_SHARE` of them (the largest count over its types)."""
    top: dict[str, int] = defaultdict(int)
    for vs in counts.values():
        for v, c in vs.items():
            top[v] = max(top[v], c)
    limit = COMMON_SHARE * articles
    return {v: 2 <= c < limit for v, c in top.items()}


def profiles(persons: Mapping[str, tuple[str, ...]], contexts: Iterable[tuple[str, ...]],
             counts: Mapping[str, Mapping[str, int]], articles: int
             ) -> dict[str, frozenset[str]]:
    """Each person of two words or more a one-word name is given to (``persons``: raw
    person's value -> what it
    becomes) -> the specific values (:func:`specific`) named in the articles that write his
    full name (``contexts``: each article's raw values of every type, persons' first), when
    there are :data:`PROFILE_MIN` such articles."""
    targets = {into[0] for v, into in persons.items()
               if len(into) == 1 and " " not in v.strip() and " " in into[0].strip()}
    if not targets:
        return {}
    tells = specific(counts, articles)
    found: dict[str, set[str]] = defaultdict(set)
    seen: dict[str, int] = defaultdict(int)
    for values in contexts:
        fulls = {x for v in values if " " in v.strip() for x in persons.get(v, (v,))
                 if x in targets}
        if not fulls:
            continue
        company = {v for v in values if tells.get(v, False)}
        for p in fulls:
            seen[p] += 1
            found[p].update(company)
    return {p: frozenset(vs) for p, vs in found.items() if seen[p] >= PROFILE_MIN}


def keeps_company(person: str, context: Collection[str], own: Collection[str],
                  profile: Mapping[str, frozenset[str]], tells: Mapping[str, bool]) -> bool:
    """Whether an article naming ``person`` by a bare word only may mean him: it names fewer
    than :data:`OTHERS_MIN` specific values besides ``own`` (the article's names of him), or
    one of them beside his full name elsewhere, or his company is unknown."""
    company = profile.get(person)
    if company is None:
        return True
    others = [v for v in context if v not in own and tells.get(v, False)]
    return len(others) < OTHERS_MIN or any(v in company for v in others)
