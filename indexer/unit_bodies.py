"""A unit's name with and without its body: "Badan Legislasi" and "Badan Legislasi DPR",
"Dewan Pengawas" and "Dewan Pengawas KPK", "Timnas Indonesia" and "Timnas Indonesia U-16".

* **over the corpus** (:func:`join_units`): an organisation's name that begins with a unit's
  word (``data/unit_heads.txt``: Badan, Dewan, Biro, Komisi, ...) and that the corpus also
  writes followed by a body's name (another organisation it names: "Badan Legislasi DPR",
  "Badan Legislasi Dewan Perwakilan Rakyat") is that body's unit when
  :data:`ONE_BODY` of those names (by articles) name one body: it joins them, shown with its
  body. When they name several bodies, none so often, the name alone names no one unit and
  is no facet value ("Biro Hukum": the KPK's, a ministry's, a province's);
* **in one article** (:func:`qualified_in_article`): an organisation's value the article also
  writes with an age group after it ("Timnas Indonesia" beside "Timnas Indonesia U-16") is
  that team there, and a unit's name the article writes with one body after it that unit
  ("Badan Legislasi" beside "Badan Legislasi DPRD DKI Jakarta"): the article says which.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterator, Mapping
from functools import cache
from typing import Final

from indexer.entities.facts import ALIASES, DATA, load_names
from indexer.entity_groups import DOMINANCE, RIVAL_MIN, Groups, group_counts, merge_groups
from indexer.name_keys import most_written, name_words, variant_key

# The share (by articles) of a unit's names with a body that must name one body for the unit
# alone to be that body's.
ONE_BODY: Final = 0.9
# The names with a body are found in this share of the unit's articles at least: a one-off
# "Dewan Perwakilan Rakyat Dewan Perwakilan Daerah" says nothing of the DPR.
WITH_BODY_SHARE: Final = 0.1
# An age group after a team's name: "U-16", "U23", "U-19".
AGE_GROUP_RE: Final = re.compile(r"u-?\d{2}")




@cache
def unit_heads() -> frozenset[str]:
    return load_names(DATA / "unit_heads.txt")


def _is_unit(words: tuple[str, ...]) -> bool:
    return len(words) >= 2 and words[0] in unit_heads()


def _named(key: str, by_key: Mapping[str, str]) -> str | None:
    """The value of ``by_key`` (variant key -> value) a name's variant key names, also through
    the extractor's aliases ("dpr": Dewan Perwakilan Rakyat, which the corpus never writes as
    "DPR" for the tagger gives its full name)."""
    found = by_key.get(key)
    if found is None and (alias := ALIASES.get(key)) is not None and alias[1] == "ORG":
        found = by_key.get(variant_key(alias[0]))
    return found


def _bodies_after(ws: tuple[str, ...], by_key: Mapping[str, str], places: Collection[str]
                  ) -> Iterator[tuple[int, str]]:
    """(n, a body's value) for each body (an organisation of ``by_key``, none of ``places``)
    whose name a unit's name's words ``ws`` end with after their first n words."""
    for n in range(2, len(ws)):
        key = " ".join(ws[n:])
        body = _named(key, by_key)
        if body is not None and key not in places:
            yield n, body


def join_units(groups: Groups, places: Collection[str]) -> tuple[set[str], set[str]]:
    """Join each unit's name written alone to its one body's names with it (in ``groups``, an
    organisation's; a body is none of ``places``, variant keys); return (the names alone that
    joined, and the other names of their groups, never shown while a name with the body is;
    the names alone that name no one unit, whose groups are no facet value)."""
    words = {v: name_words(v) for v in groups.counts}
    by_key = most_written(groups.counts)
    totals = group_counts(groups)
    # unit's words -> [(a name with a body, the body's group)]
    with_body: dict[tuple[str, ...], list[tuple[str, str]]] = defaultdict(list)
    for v, ws in words.items():
        if not _is_unit(ws):
            continue
        for n, body in _bodies_after(ws, by_key, places):
            with_body[ws[:n]].append((v, groups.find(body)))
    joined: set[str] = set()
    generic: set[str] = set()
    members = groups.members()  # a group's names before the joins below: the unit's alone
    for v in sorted(groups.counts):
        found = with_body.get(words[v])
        if not found:
            continue
        root = groups.find(v)
        named = [(u, body) for u, body in found if groups.find(u) != root]
        # two names with a body name one unit when they are one group or name one body
        same = Groups({x: 0 for u, body in named for x in (groups.find(u), body)})
        for u, body in named:
            same.join(groups.find(u), body)
        bodies: Counter[str] = Counter()
        for u, _ in named:
            bodies[same.find(groups.find(u))] += groups.counts[u]
        total = sum(bodies.values())
        if total < max(RIVAL_MIN, WITH_BODY_SHARE * totals[root]):
            continue
        body, n = min(bodies.items(), key=lambda bc: (-bc[1], bc[0]))
        if n >= ONE_BODY * total:
            one = max((u for u, _ in named if same.find(groups.find(u)) == body),
                      key=lambda u: (groups.counts[u], u))
            # every name of the unit alone's group is one without the body ("Dewas")
            joined.update(u for u in members.get(root, (v,)) if groups.find(u) == root)
            merge_groups(groups, totals, groups.find(one), root)
        elif len(bodies) >= 2:
            generic.add(v)
    return joined, generic


def bodiless(groups: Groups, places: Collection[str]) -> set[str]:
    """The names of a group of units' names never shown while it holds a unit's name with its
    body after it, written in :data:`WITH_BODY_SHARE` of the group's articles (and
    :data:`~indexer.entity_groups.RIVAL_MIN` at least): the unit's name alone names that
    unit of any body ("Biro Penerangan", "Biro Penerangan Masyarakat": the group is shown as
    "Biro Penerangan Masyarakat Mabes Polri"). A group with any other name is left as it is
    shown: "KPK" is no unit's name."""
    by_key = most_written(groups.counts)
    out: set[str] = set()
    for ms in groups.members().values():
        words = {m: name_words(m) for m in ms}
        if not all(_is_unit(ws) for ws in words.values()):
            continue
        alone = {m for m, ws in words.items() if next(_bodies_after(ws, by_key, places), None)
                 is None}
        with_body = sum(groups.counts[m] for m in ms if m not in alone)
        total = sum(groups.counts[m] for m in ms)
        if alone and with_body >= max(RIVAL_MIN, WITH_BODY_SHARE * total):
            out |= alone
    return out


def qualified_heads(totals: Mapping[str, int], is_body: Callable[[str], bool]
                    ) -> frozenset[str]:
    """The variant keys that :func:`qualified_in_article` may find written with more after
    them among ``totals`` (the map's organisations' values -> articles): an age group, or
    after a unit's name a body, in a value named 1/:data:`~indexer.entity_groups.DOMINANCE`
    as often as the key's at least. An article none of whose values has one of these keys is
    left at once."""
    by_key: Counter[str] = Counter()
    for name, n in totals.items():
        by_key[variant_key(name)] += n
    out = set()
    for name, n in totals.items():
        ws = name_words(name)
        for k in range(1, len(ws)):
            head = " ".join(ws[:k])
            if DOMINANCE * n >= by_key.get(head, 0) and _qualifies(ws[:k], ws[k:], is_body):
                out.add(head)
    return frozenset(out)


def qualified_in_article(out: dict[str, tuple[str, ...]], is_body: Callable[[str], bool],
                         totals: Mapping[str, int], cut: Collection[str] = (),
                         heads: Collection[str] | None = None) -> None:
    """Each of one article's organisations' values (``out``: raw value -> what it becomes)
    that the article also writes as one longer value with an age group after it, or, a unit's
    name, with a body after it (``is_body``: whether a name's variant key is an organisation
    the corpus names), becomes that longer value there, when the corpus names the longer one
    1/:data:`~indexer.entity_groups.DOMINANCE` as often at least (``totals``: value ->
    articles; a club's youth team named in passing is not what the club's name stands for in
    that article, nor is "Dewan Perwakilan Rakyat Dewan Perwakilan Daerah" the DPR); so does
    a unit's name that alone is no value ("Biro Hukum" beside "Biro Hukum KPK"), but not one
    the article shows cut from another body's name (``cut``). ``heads``:
    :func:`qualified_heads` of the corpus's names, when known."""
    if heads is not None and not any(
            variant_key(x) in heads for v, into in out.items() for x in (into or (v,))):
        return
    finals = {x: variant_key(x) for into in out.values() for x in into}
    if not finals or (len(finals) == 1 and all(out.values())):
        return  # no two names
    for v, into in out.items():
        if len(into) > 1 or v in cut:
            continue
        x = into[0] if into else v
        key = variant_key(x)
        found = {y for y, yk in finals.items() if yk.startswith(key + " ")
                 and _qualifies(tuple(key.split(" ")), tuple(yk[len(key) + 1:].split(" ")),
                                is_body)
                 and DOMINANCE * totals.get(y, 0) >= totals.get(x, 0)}
        if len(found) == 1 and (into or _is_unit(name_words(v))):
            out[v] = (found.pop(),)


def _qualifies(ws: tuple[str, ...], extra: tuple[str, ...],
               is_body: Callable[[str], bool]) -> bool:
    """Whether ``extra`` after a value's words ``ws`` is an age group, or a body after a
    unit's name (``is_body`` takes the variant key of a name)."""
    if len(extra) == 1 and AGE_GROUP_RE.fullmatch(extra[0]):
        return True
    return _is_unit(ws) and is_body(" ".join(extra))


def body_keys(counts: Mapping[str, int], values: Mapping[str, tuple[str, ...]],
              places: Collection[str]) -> frozenset[str]:
    """The variant keys of the organisations' values of a map (``counts``, ``values``) that
    stay values and are no place's (``places``: the places' values)."""
    keys = {variant_key(v) for v in counts if values.get(v, (v,))}
    keys |= {k for k, (name, typ) in ALIASES.items() if typ == "ORG" and variant_key(name) in keys}
    return frozenset(keys - set(map(variant_key, places)))


def joined_units(values: Mapping[str, tuple[str, ...]], is_body: Callable[[str], bool],
                 becomes: Mapping[str, tuple[str, ...]]
                 ) -> dict[str, tuple[str, frozenset[str]]]:
    """The raw organisations' values that are a unit's name the map joined to that unit with
    a body after it ("Badan Anggaran" -> "Badan Anggaran DPR RI"; ``values``: raw value ->
    what it becomes), each with that value and the variant keys its body goes by: its words
    there, what the extractor's aliases make them ("dpr": "dewan perwakilan rakyat") and what
    the map makes of those (``becomes``: variant key -> values; "kemenhub": "kementerian
    perhubungan")."""
    out: dict[str, tuple[str, frozenset[str]]] = {}
    for v, into in values.items():
        ws = name_words(v)
        if len(into) != 1 or not _is_unit(ws):
            continue
        whole = name_words(into[0])
        rest = whole[len(ws):]
        if whole[:len(ws)] != ws or not rest:
            continue
        keys = set()
        for k in range(len(rest), 0, -1):
            key = " ".join(rest[:k])
            if is_body(key):
                keys.add(key)
                if (alias := ALIASES.get(key)) is not None and alias[1] == "ORG":
                    keys.add(variant_key(alias[0]))
        keys |= {variant_key(x) for k in tuple(keys) for x in becomes.get(k, ())}
        if keys:
            out[v] = (into[0], frozenset(keys))
    return out


def without_body(out: dict[str, tuple[str, ...]],
                 joined: Mapping[str, tuple[str, frozenset[str]]]) -> None:
    """Each of one article's organisations' values (``out``: raw value -> what it becomes)
    that is a unit's name alone joined to one body's unit (``joined``:
    :func:`joined_units`) names no one unit there when the article names neither that body
    nor that unit otherwise: "Badan Anggaran (Banggar) DPRD DKI Jakarta", which the tagger
    cut before the DPRD, is not the DPR's budget board."""
    units = [v for v in out if v in joined and out[v] == (joined[v][0],)]
    if not units:
        return
    keys = {variant_key(x) for into in out.values() for x in into}
    for v in units:
        unit, bodies = joined[v]
        if bodies.isdisjoint(keys) and not any(
                u not in joined and out[u] == (unit,) for u in out):
            out[v] = ()
