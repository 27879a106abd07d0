"""A person's one-word short name that an article shows to be the start of a longer name it
writes: "Salma" in an article that writes "Salmafina Sunan", "Kris" in one that writes
"Krisjiana Baharudin" (Siti Badriah's husband, not the actor Kriss Hatta the map gives a bare
"Kris" to), "Alex" beside "Alexander Marwata", "Sibad" beside "Siti Badriah".

Indonesian news calls people by the start of their first name ("Salma", "Niki", "Alex") or by a
nickname built of pieces of their name (:func:`~indexer.nicknames.nickname_of`). The corpus-level
rules join such a name only where it is one person's across the corpus; a short start like
"Kris" or "Salma" is many people's ("Happy Salma", "Krisdayanti"), and the headline that names
the person in full is often read without the name (a title's capitals). So the article decides:

* :func:`short_forms` (when the map is computed): each one-word person's name of
  :data:`SHORT_MIN` letters or more -> the longer persons' names it may be short for: those
  whose first word it begins, :data:`EXTRA_MIN` letters short of it or more, written in
  :data:`FULL_MIN` articles or more; and the full names the corpus writes beside it that it is
  a nickname of (``together``: :attr:`~indexer.name_evidence.NameEvidence.together`).
* :func:`short_names` (when an article is written, by ``reindex`` and ``add`` alike): a
  one-word name the article does not already give to a person it names in full is the one
  person those longer names are, where the article writes them (among its names, or in its
  headline and body, word for word); several persons, or none, leave it as it was.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from typing import Final

from indexer.name_keys import name_words

# A short name has this many letters at least, and the word it begins this many more.
SHORT_MIN: Final = 4
EXTRA_MIN: Final = 2
# A longer name the corpus writes in this many articles at least is looked for in the text.
FULL_MIN: Final = 1


def _short(v: str) -> bool:
    return len(v) >= SHORT_MIN and v.isalpha() and not v.isupper()


def _plain(name: str) -> bool:
    """``name`` is written in words of letters, none an acronym ("Waasops Kasad Brigjen TNI
    Rifki" holds a rank and a body's name, no one's own words)."""
    words = name.split()
    return bool(words) and all(w.isalpha() and not (len(w) > 1 and w.isupper()) for w in words)


def begins(short: str, name: str) -> bool:
    """``short`` begins the first word of the :func:`_plain` name ``name``, :data:`EXTRA_MIN`
    letters short of it or more ("Salma", "Salmafina Sunan"; not "Kris", "Kriss Hatta": a
    spelling of the word, the spelling rules' case)."""
    words = name_words(name)
    s = short.casefold()
    return bool(words) and _plain(name) and words[0].startswith(s) and \
        len(words[0]) >= len(s) + EXTRA_MIN


def short_forms(persons: Mapping[str, int], together: Mapping[tuple[str, str], int]
                ) -> dict[str, tuple[str, ...]]:
    """Each one-word person's name (``persons``: value -> articles) -> the longer persons'
    names it may stand for, :func:`begins` (written in :data:`FULL_MIN` articles or more) or
    a full name written beside it that it is a nickname of (``together``: (nickname, full
    name) -> articles)."""
    by_start: dict[str, list[str]] = defaultdict(list)
    for v, c in persons.items():
        words = name_words(v)
        if c >= FULL_MIN and words and _plain(v):
            first = words[0]
            for k in range(SHORT_MIN, len(first) - EXTRA_MIN + 1):
                by_start[first[:k]].append(v)
    out: dict[str, set[str]] = defaultdict(set)
    for v in persons:
        if " " not in v.strip() and _short(v) and v.casefold() in by_start:
            out[v].update(by_start[v.casefold()])
    for short, whole in together:
        if short in persons and _short(short) and _plain(whole) and not begins(short, whole):
            out[short].add(whole)
    return {v: tuple(sorted(names)) for v, names in sorted(out.items())}


def _written(text: str, name: str) -> bool:
    """``name`` is in ``text`` as words of its own (no letter or digit right before or after)."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or
                                                        not text[end].isalnum()):
            return True
        at = text.find(name, at + 1)
    return False


def short_names(found: dict[str, tuple[str, ...]], forms: Mapping[str, tuple[str, ...]],
                text: str, entity: Callable[[str], tuple[str, ...]]) -> set[str]:
    """Each one-word person's name of an article (``found``: its persons' names -> what each
    becomes there, changed in place) that the article gives no one, itself, or a person it
    does not name in full becomes the one person the longer names it may stand for are
    where the article writes them: its own names :func:`begins`, and ``forms``'s
    (:func:`short_forms`) among its names or in ``text`` (headline and body). ``entity``: what
    the map makes of a name the article does not have. Returns the persons so found, whose
    longer names the article writes."""
    written: set[str] = set()
    for v in [v for v in found if " " not in v.strip() and _short(v)]:
        into = found[v]
        if len(into) > 1 or (into and into[0] != v and any(
                found[u] == into for u in found if u != v and " " in u.strip())):
            continue
        names = {u for u in found if u != v and begins(v, u)}
        names.update(u for u in forms.get(v, ()) if u in found or _written(text, u))
        people = {x for u in names for x in (found[u] if u in found else entity(u))}
        if len(people) == 1:
            found[v] = (people.pop(),)
            written.update(found[v])
    return written
