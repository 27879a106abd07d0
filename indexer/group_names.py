"""A group of companies written with the name of one of its companies: "Lion Air Group" is
the group the corpus also writes "Lion Group", the holding of Lion Air, Batik Air and Wings
Air, not the airline Lion Air. :func:`~indexer.org_names.join_org_names` joins it to the
group's shorter name, and neither it nor :func:`~indexer.variant_joins.join_affixed` to the
company's."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from indexer.entity_groups import RIVAL_MIN

# The last word of a group of companies' name ("MNC Group", "Lion Grup").
GROUP_WORDS: Final = frozenset({"group", "grup"})


def company_group(company: tuple[str, ...], whole: tuple[str, ...],
                  written: Mapping[tuple[str, ...], int]) -> bool:
    """Whether ``whole`` is a group's name that holds one of its companies' names ``company``
    (words, lower case) and a word of :data:`GROUP_WORDS`, where the corpus (``written``: a
    name's words -> articles) writes the group without the company's last word in
    :data:`~indexer.entity_groups.RIVAL_MIN` articles or more: "Lion Air Group" beside "Lion
    Group" (a one-off "Garuda Group" says nothing of "Garuda Indonesia Group")."""
    return (len(company) >= 2 and len(whole) == len(company) + 1
            and whole[:-1] == company and whole[-1] in GROUP_WORDS
            and sum(written.get((*company[:-1], g), 0) for g in GROUP_WORDS) >= RIVAL_MIN)


def short_group(part: tuple[str, ...], whole: tuple[str, ...],
                written: Mapping[tuple[str, ...], int]) -> bool:
    """Whether ``part`` is the shorter name of the group ``whole`` (:func:`company_group`):
    "Lion Group" of "Lion Air Group"."""
    return (len(part) >= 2 and part[-1] in GROUP_WORDS and len(whole) == len(part) + 1
            and whole[:len(part) - 1] == part[:-1] and company_group(whole[:-1], whole, written))
