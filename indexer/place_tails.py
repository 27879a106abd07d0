"""A place's name written with where it is or whose it is, or a street's with its lane's number,
is that place: "Stadion Madya Senayan" and "RSPAD Gatot Soebroto Jakarta" name the stadium and
the hospital the corpus mostly writes without the district or the city, "Gedung Merah Putih
Komisi Pemberantasan Korupsi" the building it mostly writes without its owner, and "Jalan Patra
Kuningan XIII" is a lane of Jalan Patra Kuningan.

When the map is computed (:func:`join_place_tails`), a place's value of the words X then Y
joins X's group where X (two words or more: "Padang Pariaman" is a regency, not Padang; no
region's kind first: "Kecamatan Grogol Petamburan") and Y are each places' values of the
corpus, Y in :data:`~indexer.entity_groups.RIVAL_MIN` articles or more, or Y an organisation's
value in as many and X of three words or more (of two, X is mostly a kind of building: "Rumah
Duka Oasis", "Bandar Udara APT Pranoto Samarinda"); and so does a street's
value (its first word a street's: ``longer_places.STREET_HEADS``; not a toll road's:
"Jalan Tol Jakarta-Cikampek II" is another road) followed by a Roman numeral. Only where X is
what its group is mostly written as (not "Taman Makam Pahlawan", written mostly with
Kalibata, beside "Taman Makam Pahlawan Tabanan"), and X alone is written
:data:`~indexer.entity_groups.DOMINANCE` times as often as all its names with a place after it
together (not "Gedung DPRD", a kind of building each province has), or X's names are written
with that one place only, each way in RIVAL_MIN articles at least ("RS Polri" and "Rumah Sakit
Polri Kramat Jati": one hospital; not "Hall B" of "Hall B Jakarta Convention Center", a part's
label, nor "Balai Besar", which other places' names go on from). It runs after the street
rules (:func:`~indexer.longer_places.person_streets`), for which a street's name with its
city after it is what pins the street to the city, joins no group they drop, and joins no
street's name with its city ("Jalan Ahmad Yani Pontianak" is one of the city's streets).

A site's acronym written alone and with its area after it is one site where the longer name
is the usual one (:func:`join_acronym_sites`): "JIEXPO" of "JIExpo Kemayoran", the name a
convention centre is mostly written by, where the corpus writes the area's name as a place's
in RIVAL_MIN articles or more and the name with it DOMINANCE times as often as the acronym
alone. Not a town's name ("Padang Pariaman"), nor a name in small letters ("Senayan City").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping
from typing import Final

from indexer.entity_groups import DOMINANCE, RIVAL_MIN, Groups, group_counts
from indexer.name_keys import most_written, variant_key
from indexer.region_kinds import DISTRICT, PROVINCE, TOWNS, URBAN_VILLAGE, VILLAGE
from indexer.variant_joins import WEAK_PLACE_HEADS, town_keys

_ROMAN_RE: Final = re.compile(r"[IVXL]+")
# A place's name this long at least joins its name with its owner's after it.
OWNED_MIN: Final = 3
# A region's name after a kind of region may go on with another place's ("Kecamatan Grogol
# Petamburan", "Kabupaten Puncak Jaya"): a longer name, not the shorter region's.
REGION_KINDS: Final = frozenset({PROVINCE, *TOWNS, DISTRICT, URBAN_VILLAGE, VILLAGE})


def join_place_tails(groups: Groups, words: Mapping[str, tuple[str, ...]],
                     street_heads: frozenset[str], dropped: Collection[str] = (),
                     owners: Collection[str] = ()) -> None:
    """Join each place's value written with a place, its owner or a lane's number after it to
    the place (see the module). ``words``: value -> its lower-cased words, as the place joins
    read them; ``dropped``: the roots of groups that are no value, which join nothing;
    ``owners``: organisations' values found in RIVAL_MIN articles or more."""
    totals = group_counts(groups)
    shown: dict[str, str] = {}  # a group's root -> the value it is mostly written as
    for v in sorted(groups.counts, key=lambda v: (-groups.counts[v], v)):
        shown.setdefault(groups.find(v), v)
    known = {v for v, c in groups.counts.items() if c >= RIVAL_MIN}
    heads: dict[str, str] = {}  # a longer value -> the place it is written with
    lanes: set[str] = set()  # those of them that are a street's lane
    wheres: defaultdict[str, set[str]] = defaultdict(set)  # a group -> what its names are with
    for v in groups.counts:
        ws = v.split()
        if len(ws) < 3:
            continue
        if words.get(v, ("",))[0] in street_heads:
            if _ROMAN_RE.fullmatch(ws[-1]) and " ".join(words[v][:2]) not in WEAK_PLACE_HEADS \
                    and (head := " ".join(ws[:-1])) in groups.counts:
                heads[v] = head
                lanes.add(v)
            continue
        for i in range(2, len(ws)):
            head, tail = " ".join(ws[:i]), " ".join(ws[i:])
            if head in groups.counts and (tail in known or (i >= OWNED_MIN and tail in owners)):
                heads[v] = head
                # a place's group, or the owner's name
                wheres[groups.find(head)].add(groups.find(tail) if tail in known else tail)
                break
    located: Counter[str] = Counter()
    for v, head in heads.items():
        located[head] += 0 if v in lanes else groups.counts[v]
    for v, head in sorted(heads.items()):
        root = groups.find(head)
        if (shown[root] == head and root != groups.find(v)
                and (groups.counts[head] >= DOMINANCE * located[head]
                     or v not in lanes and _one_place(groups, head, v, wheres[root], totals))
                and root not in dropped and groups.find(v) not in dropped
                and words.get(head, ("",))[0] not in REGION_KINDS
                and totals[root] >= totals[groups.find(v)]):
            groups.join(head, v)


def _one_place(groups: Groups, head: str, v: str, wheres: Collection[str],
               totals: Mapping[str, int]) -> bool:
    """Whether ``head``, whose names the corpus writes with one place after them only (``wheres``)
    and ``v`` is one of, names one building there ("RS Polri" of "Rumah Sakit Polri Kramat
    Jati"): each is written in RIVAL_MIN articles or more, its last word is no part's label
    ("Hall B"), and no other places' names going on from it are (not "Balai Besar" of "Balai
    Besar Karantina Pertanian Surabaya", a kind of office)."""
    mine = {groups.find(head), groups.find(v)}
    return (len(wheres) == 1 and min(groups.counts[head], totals[groups.find(v)]) >= RIVAL_MIN
            and len(head.rsplit(" ", 1)[-1]) > 1 and not head.rsplit(" ", 1)[-1].isdigit()
            and sum(c for u, c in groups.counts.items()
                    if u.startswith(head + " ") and groups.find(u) not in mine) < RIVAL_MIN)


def join_acronym_sites(groups: Groups, dropped: Collection[str] = ()) -> None:
    """Join a site's acronym written alone to its name with its area after it (see the
    module); ``dropped``: the roots of groups that are no value, which join nothing."""
    by_key = most_written(groups.counts)
    towns = town_keys(by_key)
    totals = group_counts(groups)
    members = groups.members()
    for root, names in sorted(members.items()):
        head, _, area = min(names, key=lambda v: (-groups.counts[v], v)).partition(" ")
        acronym = by_key.get(variant_key(head))
        if (acronym is None or groups.counts.get(area, 0) < RIVAL_MIN
                or variant_key(head) in towns):
            continue
        alone = groups.find(acronym)
        if (alone != root and RIVAL_MIN <= totals[alone] and root not in dropped
                and alone not in dropped
                and totals[root] >= DOMINANCE * totals[alone]
                and any(v.isupper() for v in members[alone])):
            groups.join(root, alone)
