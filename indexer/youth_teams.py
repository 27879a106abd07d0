"""A youth team's nickname ("Garuda Muda": the young Garudas) names whichever of a country's
youth teams an article is about, the U-16 in one and the U-19 in the next; the corpus holds no
one team it stands for. In one article it is the team with an age group the article names
when it names one, and no value when it names none or several (:func:`youth_nicknames`,
applied by :meth:`~indexer.entity_map.EntityMap.entities_in`, for ``reindex`` and ``add``
alike)."""

from __future__ import annotations

from typing import Final

from indexer.entities.facts import DATA, load_names
from indexer.name_keys import name_words
from indexer.unit_bodies import AGE_GROUP_RE

# Last words of a youth team's nickname (``data/youth_words.txt``).
YOUTH_WORDS: Final = load_names(DATA / "youth_words.txt")


def youth_nicknames(out: dict[str, tuple[str, ...]]) -> None:
    """Each of one article's organisations' values (``out``: raw value -> what it becomes)
    that is a youth team's nickname (its last word one of :data:`YOUTH_WORDS`) becomes the one
    team with an age group ("U-16") among what the article's values become, or none."""
    nicknames = [v for v in out if (ws := name_words(v)) and len(ws) >= 2
                 and ws[-1] in YOUTH_WORDS]
    if not nicknames:
        return
    teams = {x for into in out.values() for x in into
             if any(AGE_GROUP_RE.fullmatch(w) for w in name_words(x))}
    team = (teams.pop(),) if len(teams) == 1 else ()
    for v in nicknames:
        out[v] = team
