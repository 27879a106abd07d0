"""A person's group shown by a name with its first word left out (:func:`front_names`).

A group of persons' names is shown as its most written full name; but the corpus may write a
person mostly by his surname and its particle ("Van Dijk", beside "Virgil van Dijk"), or by a
given name without the family name ("Beom Jin", beside "Yoo Beom Jin"): a part of the name,
which a reader does not take for one person. Such a group is shown as its name with the one
word more in front, where the corpus writes that name often enough and the word is a person's:
a given name other persons' full names begin with, each written in a few articles ("Sus", of
"Kolonel Sus Beben Nurpadilah", begins only names written with that rank; "Kwon" only one
other), or any word before a name that begins with a particle. Not a word of an
organisation's or a place's name ("Bukalapak Intan Wibisono", "Samsung Galaxy Fold") and no
title ("Kapolda").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping
from typing import Final

from indexer.entities.facts import TITLES
from indexer.entities.runs import CONNECTORS
from indexer.entity_groups import RIVAL_MIN
from indexer.name_keys import loose_words, name_words

# The name with the word in front is shown where the corpus writes it in this many articles,
# and in this share as many as the name shown otherwise.
FRONT_MIN: Final = 2
FRONT_SHARE: Final = 1 / 3
# A word begins persons' names where it is the first word of this many other persons', each
# written so in :data:`~indexer.entity_groups.RIVAL_MIN` articles or more.
GIVEN_MIN: Final = 2


def front_names(members: Mapping[str, Collection[str]], counts: Mapping[str, int],
                display: Mapping[str, str], other_words: Collection[str]) -> dict[str, str]:
    """Roots of persons' groups (``members``: root -> its names; ``counts``: name -> articles;
    ``display``: root -> the name shown) -> the name to show instead: one of the group's names
    that is the shown name with one word more in front, in :data:`FRONT_MIN` articles and
    :data:`FRONT_SHARE` as many as the shown name at least (its spellings counted together),
    whose first word is a person's. ``other_words``: words of organisations' and places'
    names."""
    # a first word -> the groups it begins -> their articles written with it
    begun: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for root, names in members.items():
        for v in names:
            words = name_words(v)
            if len(words) > 1:
                begun[words[0]][root] += counts[v]
    out: dict[str, str] = {}
    for root, names in members.items():
        shown = display[root]
        short = loose_words(shown)
        if len(short) < 2 or shown not in counts:
            continue
        found: dict[tuple[str, ...], int] = defaultdict(int)
        form: dict[tuple[str, ...], str] = {}
        for v in names:
            words = loose_words(v)
            if words[1:] == short:
                found[words] += counts[v]
                if counts[v] > counts.get(form.get(words, ""), 0):
                    form[words] = v
        if not found:
            continue
        key = max(found, key=lambda k: (found[k], form[k]))
        if found[key] < FRONT_MIN or found[key] < FRONT_SHARE * counts[shown]:
            continue
        first = name_words(form[key])[0]
        if first in TITLES or first in other_words:
            continue
        given = sum(c >= RIVAL_MIN for r, c in begun.get(first, {}).items() if r != root)
        if given >= GIVEN_MIN or name_words(shown)[0] in CONNECTORS:
            out[root] = form[key]
    return out
