"""Whether a one-word person's name in one article is the person the corpus-level map gives it,
judged by the company the name keeps.

The map gives a bare "Fakhri" to Fakhri Husaini, the coach, because the corpus mostly means him
by it; but a bare first name or surname is also somebody else's: a Friday-prayer khatib, a
witness "Yanto", "Tito" Rabat in MotoGP results, "Papa" in a quote. The articles that write a
person's full name show the company he keeps: the other people, organisations and places
named beside him. An article that names him only by the bare word, and names several other
specific things (values in two articles or more, and not among the most common: "Jakarta",
"Indonesia" say nothing) none of which is an entity (as the map has it: "Luhut" is Luhut
Binsar Panjaitan) ever named beside his full name, is about somebody else: the word is no value
there.

* :func:`profiles` (when the map is computed): for each person a one-word name is given to,
  the specific values of the articles that write his full name (from
  :class:`~indexer.entity_norm.CorpusCounts`' per-article values);
* :func:`keeps_company` (when an article is written, by ``reindex`` and ``add`` alike).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Final

# A value named in this share of the articles or more is too common to tell people apart.
COMMON_SHARE: Final = 0.01
# A person's company is known from this many articles writing his full name.
PROFILE_MIN: Final = 2
# A bare word is somebody else only in an article naming this many specific other values.
OTHERS_MIN: Final = 3


Finals = Callable[[str], Iterable[str]]  # a raw value -> the values it becomes
# keeps_company or names_company: (person, context, own, profile, tells, finals) -> bool
CompanyTest = Callable[[str, Collection[str], Collection[str], Mapping[str, frozenset[str]],
                        Mapping[str, bool], Finals], bool]


def specific(counts: Mapping[str, Mapping[str, int]], articles: int) -> dict[str, bool]:
    """Raw value -> whether it tells articles apart: named in two articles or more, in fewer
    than :data:`COMMON_SHARE` of them (the largest count over its types)."""
    top: dict[str, int] = defaultdict(int)
    for vs in counts.values():
        for v, c in vs.items():
            top[v] = max(top[v], c)
    limit = COMMON_SHARE * articles
    return {v: 2 <= c < limit for v, c in top.items()}


def finals_of(values: Mapping[str, Mapping[str, tuple[str, ...]]],
              counts: Mapping[str, Mapping[str, int]]) -> Finals:
    """A raw value -> itself and the values it becomes under each type it is counted as
    (``values``: type -> raw value -> what it becomes, where that differs): "Luhut" and "Luhut
    Binsar Panjaitan" keep the same company; "Justin", no value (a first name of several
    people), is still the company a bare "Justin" keeps."""
    def finals(v: str) -> Iterable[str]:
        yield v
        for t, vs in counts.items():
            if v in vs:
                yield from values.get(t, {}).get(v, (v,))
    return finals


def profiles(values: Mapping[str, Mapping[str, tuple[str, ...]]],
             contexts: Iterable[tuple[str, ...]], counts: Mapping[str, Mapping[str, int]],
             tells: Mapping[str, bool]) -> dict[str, frozenset[str]]:
    """Each person of two words or more a one-word name is given to (``values``: type -> raw
    value -> what it becomes, where that differs) -> the values that the specific raw values
    (``tells``: :func:`specific` of ``counts``) of the articles writing his full name become
    (``contexts``: each article's raw values of every type), when there are
    :data:`PROFILE_MIN` such articles."""
    persons = values.get("PER", {})
    targets = {into[0] for v, into in persons.items()
               if len(into) == 1 and " " not in v.strip() and " " in into[0].strip()}
    if not targets:
        return {}
    finals = finals_of(values, counts)
    found: dict[str, set[str]] = defaultdict(set)
    seen: dict[str, int] = defaultdict(int)
    for context in contexts:
        fulls = {x for v in context if " " in v.strip() for x in persons.get(v, (v,))
                 if x in targets}
        if not fulls:
            continue
        company = {x for v in context if tells.get(v, False) for x in finals(v)}
        for p in fulls:
            seen[p] += 1
            found[p].update(company)
    return {p: frozenset(vs - {p}) for p, vs in found.items() if seen[p] >= PROFILE_MIN}


def keeps_company(person: str, context: Collection[str], own: Collection[str],
                  profile: Mapping[str, frozenset[str]], tells: Mapping[str, bool],
                  finals: Finals) -> bool:
    """Whether an article naming ``person`` by a bare word only may mean him: it names fewer
    than :data:`OTHERS_MIN` specific values besides him (``own``: the article's names of him),
    or one of them, or a value it becomes, named beside his full name elsewhere, or his company
    is unknown."""
    company = profile.get(person)
    if company is None:
        return True
    others = [set(finals(v)) for v in context if v not in own and tells.get(v, False)]
    others = [xs for xs in others if person not in xs]
    return len(others) < OTHERS_MIN or any(not xs.isdisjoint(company) for xs in others)


def no_company(person: str, context: Collection[str], own: Collection[str],
               profile: Mapping[str, frozenset[str]], tells: Mapping[str, bool],
               finals: Finals) -> bool:
    """A company test no article passes: the mention is no one wherever the article writes
    none of the person's full names."""
    return False


def names_company(person: str, context: Collection[str], own: Collection[str],
                  profile: Mapping[str, frozenset[str]], tells: Mapping[str, bool],
                  finals: Finals) -> bool:
    """Whether an article names one of the specific values (or a value it becomes) named
    beside ``person``'s full name elsewhere, besides its own names of him (``own``)."""
    company = profile.get(person)
    return company is not None and any(
        not set(finals(v)).isdisjoint(company) for v in context
        if v not in own and tells.get(v, False))
