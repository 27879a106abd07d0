"""A youth team's nickname ("Garuda Muda": the young Garudas) names whichever of a country's
youth teams an article is about, the U-16 in one and the U-19 in the next; the corpus holds no
one team it stands for. In one article it is the team with an age group the article names
when it names one, and no value when it names none or several (:func:`youth_nicknames`).

So does a team's name without its age group in an article whose headline is about the team
with one ("Timnas Indonesia dan Iran" under "Iran Sebut Timnas U-19 Indonesia Layak Menang"):
:func:`headline_teams`, from the teams with an age group the corpus names (:func:`aged_teams`).
Both are applied by :meth:`~indexer.entity_map.EntityMap.entities_in`, for ``reindex`` and
``add`` alike."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

from indexer.entities.facts import DATA, load_names
from indexer.name_keys import name_words
from indexer.unit_bodies import AGE_GROUP_RE
from indexer.words import WORD_RE

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


def _age(word: str) -> str:
    """An age group's word as one spelling ("u19", "u-19": "u-19")."""
    return f"u-{word[-2:]}"


def aged_teams(values: Iterable[str]) -> dict[tuple[str, ...], dict[str, str]]:
    """The organisations' ``values`` that are a team's name with one age group in it whose
    name without it is a value too, by the words of that name -> age group -> the team:
    ("timnas", "indonesia") -> {"u-19": "Timnas U-19 Indonesia", "u-16": "Timnas Indonesia
    U-16"}. Two such teams of one age group: neither ("")."""
    values = set(values)
    plain = {name_words(v) for v in values}
    out: dict[tuple[str, ...], dict[str, str]] = {}
    for v in sorted(values):
        words = name_words(v)
        ages = [w for w in words if AGE_GROUP_RE.fullmatch(w)]
        rest = tuple(w for w in words if not AGE_GROUP_RE.fullmatch(w))
        if len(ages) == 1 and rest in plain:
            teams = out.setdefault(rest, {})
            teams[_age(ages[0])] = "" if _age(ages[0]) in teams else v
    return out


def headline_teams(out: dict[str, tuple[str, ...]], headline: str,
                   aged: Mapping[tuple[str, ...], Mapping[str, str]]) -> None:
    """Each of one article's organisations' values (``out``: raw value -> what it becomes)
    that is a team's name without an age group (``aged``: :func:`aged_teams`) becomes its
    team with an age group where the ``headline`` writes the team's name with that age group
    in it or right after it ("Timnas U-19 Indonesia", "Timnas Indonesia U-19"). Not another
    team of the article: a club whose youngster plays for the U-16 team ("Persebaya" under "...
    Lima Gol Timnas U-16"), a club beside another team's age group ("Barcelona, Timnas U-19
    Spanyol")."""
    teams = [(v, words) for v, into in out.items()
             if len(into) == 1 and (words := name_words(into[0])) in aged]
    if not teams:
        return
    written = " ".join(_age(w) if AGE_GROUP_RE.fullmatch(w) else w
                       for w in name_words(" ".join(WORD_RE.findall(headline))))
    for v, words in teams:
        for age, team in aged[words].items():
            if team and any(f" {' '.join((*words[:i], age, *words[i:]))} " in f" {written} "
                            for i in range(1, len(words) + 1)):
                out[v] = (team,)
                break
