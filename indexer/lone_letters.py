"""Two capitals the map joins to an organisation's name by its initials ("PD": Partai Demokrat)
that the corpus writes alone more often than beside that name stand for many things: a
regional company ("PD PPJ", "PD. BPR"), a board ("Ketua PD Bhayangkari"), a Korean TV producer
("disutradarai oleh PD Jeon"). The party's own articles name it otherwise too ("Fraksi Partai
Demokrat ... PD").

:func:`lone_letters` (when the map is computed) finds such values from the articles that write
two capitals and what else those articles name (``CorpusCounts.letters``); in an article that
names the organisation by them alone they name no organisation (:func:`alone_in_article`,
applied by :func:`~indexer.map_apply.apply_map`, for ``reindex`` and ``add`` alike). Two
capitals an article writes beside the name, or that the corpus mostly writes so (YG beside YG
Entertainment), keep the organisation.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping

from indexer.entity_groups import RIVAL_MIN


def two_letters(value: str) -> bool:
    return len(value) == 2 and value.isalpha() and value.isupper()


def count_letters(pairs: Counter[tuple[str, str]], orgs: Iterable[str]) -> None:
    """Count, for an article's organisations' raw values ``orgs``, each value of two capitals
    with each other value of the article."""
    found = set(orgs)
    for a in found:
        if two_letters(a):
            pairs.update((a, b) for b in found if b != a)


def lone_letters(pairs: Mapping[tuple[str, str], int], counts: Mapping[str, int],
                 entity: Callable[[str], tuple[str, ...]]) -> frozenset[str]:
    """The raw values of two capitals the map makes one longer organisation's that the corpus
    writes without another of that organisation's values in more of their articles than with
    one, and in :data:`~indexer.entity_groups.RIVAL_MIN` articles at least. ``pairs``: (two
    capitals, another raw value) -> articles naming both; ``counts``: raw value -> articles;
    ``entity``: what the map makes a raw value."""
    beside: Counter[str] = Counter()
    for (a, b), n in pairs.items():
        if not set(entity(a)).isdisjoint(entity(b)):
            beside[a] += n  # an article naming two of its other values counts twice: fewer alone
    out = set()
    for a, n in counts.items():
        into = entity(a)
        if two_letters(a) and len(into) == 1 and len(into[0]) > 2:
            alone = n - beside[a]
            if alone >= RIVAL_MIN and alone > beside[a]:
                out.add(a)
    return frozenset(out)


def alone_in_article(values: Iterable[str], lone: frozenset[str],
                     entity: Callable[[str], tuple[str, ...]]) -> set[str]:
    """The raw organisations' ``values`` of an article that are of ``lone`` and whose
    organisation no other of the article's values names."""
    values = set(values)
    return {a for a in values & lone
            if not any(b != a and not set(entity(b)).isdisjoint(entity(a)) for b in values)}
