"""The map applied to one prepared document on its way into the index: its entity values,
mentions and category as the corpus's :class:`~indexer.entity_map.EntityMap` has them, with the
article-level checks that decide where a value the map joins names something else in this
article. A full build applies it to each document read back from the
:class:`~indexer.spill.Spill`; ``warta add`` to each new one with the stored map.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

import orjson

from indexer import schema as S
from indexer.acronym_expansions import bracketed, expanded_otherwise
from indexer.acronym_senses import SENSE_VALUES, may_initial, other_senses, sense_values
from indexer.cited_places import cited
from indexer.club_words import is_club, sports_news, towns_off_field
from indexer.cut_names import cut_values
from indexer.document import Prepared
from indexer.entity_map import EntityMap
from indexer.event_places import in_events
from indexer.foreign_namesakes import abroad, written_home
from indexer.held_places import place_end
from indexer.inner_names import inner_only
from indexer.lone_letters import alone_in_article
from indexer.media_names import company_values
from indexer.name_places import may_hold, places_in_names, whole_places
from indexer.org_places import OrgLeads, club_places, in_org_names
from indexer.part_places import in_longer_names, named_as
from indexer.person_marks import bare_marks, stray_word
from indexer.restated_places import may_restate, restated
from indexer.run_ons import halves_written
from indexer.spoken_places import may_speak, spoken

Json = dict[str, Any]


def apply_map(prep: Prepared, emap: EntityMap) -> Prepared:
    """``prep`` with its entity values and category as the map has them (the same object when
    nothing changes, which is the usual case). The payload is changed as JSON: decoding it into
    :class:`~indexer.schema.StoredArticle` and its mentions, and ``dataclasses.replace`` on each
    mention, made this the building process's largest cost while writing (a test proves the
    bytes equal to that way's)."""
    prep, decoded = _tailed(prep, emap)
    f = prep.fields
    found = [(t, emap.type_of(t, v), v) for t, name in S.ENTITY_FIELDS.items()
             for v in f.get(name) or ()]
    # What each value becomes in this article: a part of a person's name the article also
    # writes in full is that person's (:meth:`EntityMap.entities_in`).
    context = [v for _, _, v in found]
    # The words around a bare name mapped to another's may mark somebody else
    # (:mod:`indexer.person_marks`): read only where the payload is decoded anyway.
    stored: Json | None = decoded
    marked = None
    text = ""
    if emap.marks and any(to == "PER" and " " not in v.strip()
                          and emap.entity("PER", v) not in ((v,), ()) for _, to, v in found):
        stored = stored or orjson.loads(f[S.PAYLOAD])
        marked = bare_marks(stored["title"], stored["body"], stored["mentions"] or ())
    # An organisation's name cut short that the body shows cut from another body's
    # (:mod:`indexer.cut_names`): read only where the article has one.
    gone: set[int] = set()
    cut: set[str] = set()
    if emap.cuts_any(v for _, to, v in found if to == "ORG"):
        if stored is None:
            stored = orjson.loads(f[S.PAYLOAD])
        gone = emap.cut_otherwise(stored["body"], stored["mentions"] or ())
        cut = cut_values(stored["mentions"] or (), gone)
    # an acronym the article uses in another sense than the body's, or as a person's initials
    # (:mod:`acronym_senses`)
    others: set[tuple[str, int]] = set()
    sensed: set[str] = set()
    if any(t == "ORG" and v in SENSE_VALUES for t, _, v in found) or (
            any(t == "ORG" for t, _, _ in found) and may_initial(f[S.PAYLOAD])):
        stored = stored or orjson.loads(f[S.PAYLOAD])
        others = other_senses(stored["title"], stored["body"], stored["mentions"] or ())
        sensed = sense_values(stored["mentions"] or (), others)
        cut = cut | sensed
    # an acronym the article spells out as something its value is not
    # (:mod:`indexer.acronym_expansions`)
    spelt = bracketed(f[S.PAYLOAD], {v for t, _, v in found if t == "ORG"}) \
        if any(t == "ORG" for t, _, _ in found) else frozenset()
    if spelt:
        stored = stored or orjson.loads(f[S.PAYLOAD])
        otherwise = expanded_otherwise(stored["title"], stored["body"], stored["mentions"] or (),
                                       spelt, lambda v: emap.entity("ORG", v))
        if otherwise:
            others = others | otherwise
            cut = cut | sense_values(stored["mentions"] or (), others)
    # a club's town written as the place outside sports news, where the article names no
    # organisation it is (:func:`~indexer.club_words.towns_off_field`): a place's name the map
    # makes a club's, whichever type the extractor gave it there; the extractor's organisation
    # with a club's word ("... Gandaria City") is one
    towns = set() if sports_news(f.get(S.CATEGORY) or "") else {
        v for t, to, v in found if to == "ORG" and (t == "LOC" or emap.type_of("LOC", v) == "ORG")}
    if towns:
        bare = {v for v in towns if not is_club(v)}
        written = {x for t, _, v in found if t == "ORG" and v not in bare
                   for x in emap.entity("ORG", v)}
        towns = {v for v in towns if written.isdisjoint(into := emap.entity("ORG", v))
                 and any(map(is_club, emap.clubs(into)))}
        if towns:
            stored = stored or orjson.loads(f[S.PAYLOAD])
            cut = cut | towns_off_field(stored["title"], stored["body"],
                                        stored["category"] or "", stored["mentions"] or (),
                                        towns)
    # two capitals alone that stand for many things (:mod:`indexer.lone_letters`)
    if emap.lone_letters and any(v in emap.lone_letters for _, _, v in found):
        cut = cut | alone_in_article((v for _, to, v in found if to == "ORG"), emap.lone_letters,
                                     lambda v: emap.entity("ORG", v))
    # a home body's name in a story filed abroad names a namesake there
    # (:mod:`indexer.foreign_namesakes`)
    if emap.home_bodies and abroad(f.get(S.CATEGORY) or "",
                                   (v for _, to, v in found if to == "LOC")):
        namesakes = {v for _, to, v in found
                     if to == "ORG" and not emap.home_bodies.isdisjoint(emap.entity("ORG", v))}
        if namesakes:
            stored = stored or orjson.loads(f[S.PAYLOAD])
            cut = cut | (namesakes - written_home(stored["title"], stored["body"],
                                                  stored["mentions"] or (), namesakes))
    # an unsure bare name is the person where the article writes his name (:mod:`bare_names`),
    # a short one the person whose longer name it writes (:mod:`short_names`)
    # and a town's bare name its regency where the article writes of the regency alone
    # (:mod:`indexer.city_regencies`); an officer's name is his where it writes of a force
    # (:func:`~indexer.person_marks.off_duty`); a team's name the team with the age group its
    # headline writes (:func:`~indexer.youth_teams.headline_teams`)
    if any(to == "PER" and (v in emap.unsure or v in emap.short_forms) for _, to, v in found) \
            or emap.towns_in(v for _, to, v in found if to == "LOC") \
            or emap.officers_in(v for _, to, v in found if to == "PER") \
            or emap.aged_in(v for _, to, v in found if to == "ORG"):
        stored = stored or orjson.loads(f[S.PAYLOAD])
        text = f"{stored['title']}\n{stored['body']}"
    # a person's name written only inside a street's or a work's name (:mod:`inner_names`)
    inner: frozenset[str] = frozenset()
    if any(to == "PER" and v in emap.inner for _, to, v in found):
        stored = stored or orjson.loads(f[S.PAYLOAD])
        # not a mention the map drops as a stray word of another name (:func:`_mapped`)
        inner = inner_only(stored["title"], stored["body"],
                           [m for m in stored["mentions"] or ()
                            if not _stray(m, m["type"], stored, emap,
                                          emap.entity(m["type"], m["name"]))],
                           emap.inner)
    # a medium the article writes as its company (:mod:`indexer.media_names`)
    companies: frozenset[str] = frozenset()
    if any(to == "ORG" and v in emap.media for _, to, v in found):
        stored = stored or orjson.loads(f[S.PAYLOAD])
        companies = company_values(stored["title"], stored["body"], stored["mentions"] or (),
                                   emap.media)
    names = {t: emap.entities_in(t, [v for _, to, v in found if to == t],
                                 f.get(S.CATEGORY) or "", context,
                                 marked if t == "PER" else None, cut if t == "ORG" else (),
                                 text=text, inner=inner if t == "PER" else (),
                                 companies=companies if t == "ORG" else ())
             for t in S.ENTITY_TYPES}
    # a venue's acronym the map makes a place ("ICE") is none where used in another sense
    names["LOC"].update((v, ()) for v in sensed if v in names["LOC"])
    # a place's name written as a person's first word (:mod:`indexer.name_places`),
    # restating the name of the place before it (:mod:`indexer.restated_places`), a
    # language's (:mod:`indexer.spoken_places`) or inside an event's (:mod:`event_places`)
    inside: set[tuple[str, int]] = set()
    places = {x for into in names["LOC"].values() for x in into}
    speaks = bool(places) and may_speak(f[S.PAYLOAD])
    orgs = emap.org_names()
    in_orgs = orgs.may_hold(f[S.PAYLOAD], [v for _, to, v in found if to == "LOC"])
    named = may_restate(places) \
        or may_hold(places, (x for into in names["PER"].values() for x in into))
    if places:
        stored = stored or orjson.loads(f[S.PAYLOAD])
        inside = _places_in_names(stored, emap, names, named, speaks, orgs if in_orgs else None)
    inside |= others
    # a town's bare name after its regency's words, in an article naming its city too
    whole, regional = emap.regency_mentions(names["LOC"], stored) if stored and text \
        else ({}, {})
    names["LOC"].update((v, (regency,)) for v, regency in whole.items())
    # a place's name after an acronym of a longer place's words (:mod:`acronym_places`)
    if emap.acronyms_in(v for _, to, v in found if to == "LOC"):
        stored = stored or orjson.loads(f[S.PAYLOAD])
        whole, longer = emap.acronym_mentions(stored)
        names["LOC"].update((v, (x,)) for v, x in whole.items() if v in names["LOC"])
        regional = {**longer, **regional}
    regional = {at: regency for at, regency in regional.items() if at not in inside}
    changed = bool(gone or inside or regional) or any(
        to != t or names[to][v] != (v,) for t, to, v in found) or (
        bool(f.get(S.CATEGORY)) and emap.category(f[S.CATEGORY]) != f[S.CATEGORY])
    if not changed:
        return prep
    if stored is None:
        stored = orjson.loads(f[S.PAYLOAD])
    old_entities = stored["entities"] or {}
    retyped = [(emap.type_of(t, v), v) for t in S.ENTITY_TYPES for v in old_entities.get(t, ())]
    entities = {t: list(dict.fromkeys(x for to, v in retyped if to == t
                                      for x in _into(names, emap, t, v)))
                for t in S.ENTITY_TYPES}
    entities["LOC"] = list(dict.fromkeys([*entities["LOC"], *regional.values()]))
    stored["entities"] = entities
    stored["mentions"] = [{**m, "name": regional[(m["field"], m["start"])]}
                          if (m["field"], m["start"]) in regional else m
                          for old in stored["mentions"] or ()
                          if not (old["field"] == "body" and old["start"] in gone
                                  and old["type"] == "ORG")
                          and (old["field"], old["start"]) not in inside
                          for m in _mapped(old, stored, emap, names)]
    category = emap.category(stored["category"]) if stored["category"] else ""
    stored["category"] = category
    fields = {k: v for k, v in f.items() if k not in S.ENTITY_FACETS}
    fields[S.PAYLOAD] = orjson.dumps(stored)
    if category:
        fields[S.CATEGORY] = category
    for t, name in S.ENTITY_FIELDS.items():
        if entities[t]:
            fields[name] = entities[t]
    return replace(prep, fields=fields)


def _tailed(prep: Prepared, emap: EntityMap) -> tuple[Prepared, Json | None]:
    """``prep`` with a body's name, its acronym in brackets and words after them read as the
    acronym's name with those words, as its raw organisations' values and mentions
    (:mod:`indexer.acronym_tails`; the same object where there is none), and its payload as
    JSON where it was decoded for them (None where not)."""
    f = prep.fields
    field = S.ENTITY_FIELDS["ORG"]
    orgs = f.get(field) or ()
    if not emap.tails_any(orgs):
        return prep, None
    stored = orjson.loads(f[S.PAYLOAD])
    mentions = emap.tailed_mentions(stored["body"], stored["mentions"] or ())
    if mentions is None:
        return prep, stored
    before = {m["name"] for m in stored["mentions"] if m["type"] == "ORG"}
    names = [m["name"] for m in mentions if m["type"] == "ORG"]
    now = set(names)
    values = [v for v in dict.fromkeys([*orgs, *names]) if v in now or v not in before]
    stored["mentions"] = mentions
    stored["entities"] = {**(stored["entities"] or {}), "ORG": values}
    return replace(prep, fields={**f, field: values, S.PAYLOAD: orjson.dumps(stored)}), stored


def _places_in_names(stored: Json, emap: EntityMap,
                     names: dict[str, dict[str, tuple[str, ...]]], named: bool,
                     speaks: bool, orgs: OrgLeads | None = None) -> set[tuple[str, int]]:
    """The (field, start) of the article's place mentions that, where it may have ``named``
    them so, begin a person's name (:func:`~indexer.name_places.places_in_names`) or restate
    the place's before them (:func:`~indexer.restated_places.restated`), where it ``speaks``
    of languages, name a language (:func:`~indexer.spoken_places.spoken`), are written inside
    an event's name (:func:`~indexer.event_places.in_events`), an outlet's it cites
    (:func:`~indexer.cited_places.cited`) or another longer name
    (:func:`~indexer.part_places.in_longer_names`), with ``orgs``, inside an
    organisation's (:func:`~indexer.org_places.in_org_names`), or stand for a club the article
    names (:func:`~indexer.org_places.club_places`); a place every mention of which
    does is no value of the article (``names`` changed in place)."""
    mentions = stored["mentions"] or ()

    def typed(m: Mapping[str, Any]) -> str:
        return emap.type_of(m["type"], m["name"])

    def person(m: Mapping[str, Any]) -> str | None:
        into = _into(names, emap, "PER", m["name"]) if typed(m) == "PER" else ()
        return into[0] if len(into) == 1 else None

    def place(m: Mapping[str, Any]) -> str | None:
        into = _into(names, emap, "LOC", m["name"]) if typed(m) == "LOC" else ()
        return into[0] if len(into) == 1 else None

    inside: set[tuple[str, int]] = set()
    if named:
        inside |= places_in_names(stored["title"], stored["body"], mentions, person,
                                  lambda m: typed(m) == "LOC")
        inside |= restated(stored["title"], stored["body"], mentions, place)
    # The rules below find place mentions only and read no other mention: they are handed the
    # place mentions alone, in the article's order, so that each need not type every mention.
    at = [m for m in mentions if typed(m) == "LOC"]
    if speaks:
        inside |= spoken(stored["title"], stored["body"], at, lambda m: typed(m) == "LOC")
    inside |= in_events(stored["title"], stored["body"], at, lambda m: typed(m) == "LOC")
    inside |= cited(stored["title"], stored["body"], at, lambda m: typed(m) == "LOC")
    places = emap.counts.get("LOC", {})
    inside |= in_longer_names(
        stored["title"], stored["body"], at, lambda m: typed(m) == "LOC",
        lambda m, v: v in places and emap.entity("LOC", v) != emap.entity("LOC", m["name"]),
        lambda v: named_as(emap.counts, emap.name_parts(), v))
    if orgs is not None:
        inside |= in_org_names(stored["title"], stored["body"], at, orgs,
                               lambda m: typed(m) == "LOC")
    inside |= club_places(stored["title"], stored["body"], stored["category"] or "", at,
                          emap.clubs({x for into in names["ORG"].values() for x in into}), place,
                          emap.club_keys(), emap.club_towns())
    if inside:  # no place can have every mention inside otherwise
        for v in whole_places(at, inside,
                              lambda m: m["name"] if typed(m) == "LOC" else None):
            names["LOC"][v] = ()
    return inside


def _into(names: Mapping[str, Mapping[str, tuple[str, ...]]], emap: EntityMap, typ: str,
          value: str) -> tuple[str, ...]:
    found = names[typ].get(value)
    return emap.entity(typ, value) if found is None else found


def _stray(m: Json, typ: str, stored: Json, emap: EntityMap, into: tuple[str, ...]) -> bool:
    """Whether a mention (as JSON) of a person's name (``typ``) that becomes ``into`` is written
    as a word that is no part of the one person it becomes
    (:func:`~indexer.person_marks.stray_word`)."""
    if len(into) != 1 or typ != "PER" or into[0] == m["name"]:
        return False
    written = stored["title"] if m["field"] == "title" else stored["body"]
    return stray_word(written[m["start"]:m["end"]], m["name"], into[0], emap.other_types)


def _mapped(m: Json, stored: Json, emap: EntityMap,
            names: Mapping[str, Mapping[str, tuple[str, ...]]]) -> Iterator[Json]:
    """A mention (as JSON) under the map: retyped, renamed, dropped, or a ticket's two halves.
    ``names``: type -> what each of the article's values becomes in it."""
    typ = emap.type_of(m["type"], m["name"])
    if typ != m["type"]:
        m = {**m, "type": typ}
    into = _into(names, emap, typ, m["name"])
    if _stray(m, typ, stored, emap, into):
        return  # "Marvel" after "Marvel Studios Kevin Feige"
    if len(into) == 1 and typ == "LOC" and m["name"] in emap.held:
        # a town's name with its office-holder's after it: the mention is the town's words
        written = stored["title"] if m["field"] == "title" else stored["body"]
        end = place_end(written[m["start"]:m["end"]], emap.held[m["name"]])
        yield {**m, "name": into[0]} if end is None else \
            {**m, "name": into[0], "end": m["start"] + end}
    elif len(into) == 1:
        yield m if into[0] == m["name"] else {**m, "name": into[0]}
    elif len(into) == 2:  # a ticket: each half where it is written, if the hyphen is found
        text: str = stored["title"] if m["field"] == "title" else stored["body"]
        cut = text.find("-", m["start"], m["end"])
        if cut < 0:
            yield from ({**m, "name": n} for n in halves_written(text[m["start"]:m["end"]], into))
        else:
            yield {**m, "name": into[0], "end": len(text[:cut].rstrip())}
            yield {**m, "name": into[1], "start": cut + 1 + _lead(text[cut + 1:m["end"]])}


def _lead(s: str) -> int:
    return len(s) - len(s.lstrip())
