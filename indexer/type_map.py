"""One entity type's part of the corpus-level map (:mod:`indexer.entity_norm` describes the
rules): :func:`type_map` joins the values of one type, counted over the corpus, into groups
and says what each raw value becomes; :func:`display_form` is the form a group is shown in."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping

from indexer.entities.compass import before_lower_compass, ends_lower_compass
from indexer.entity_groups import Groups
from indexer.expanded_names import join_expanded, letter_pairs
from indexer.extra_words import (
    join_club_names,
    join_lone_parts,
    join_title_cuts,
    join_titled,
    join_unit_heads,
)
from indexer.first_starts import join_first_starts
from indexer.front_names import front_names
from indexer.generic_values import generic_values
from indexer.longer_places import (
    STREET_HEADS,
    districts,
    join_longer_places,
    join_streets,
    person_streets,
)
from indexer.name_evidence import NameEvidence, completions, join_linked, linked_words, spelt_out
from indexer.name_keys import initial, most_written, name_words, ticket_halves, variant_key
from indexer.name_parts import join_name_parts
from indexer.near_names import (
    join_misspellings,
    join_short_words,
    join_spelt_names,
    join_vowel_swaps,
    join_z_spellings,
)
from indexer.nicknames import join_nicknames
from indexer.org_names import (
    cut_short,
    join_home_units,
    join_legal_forms,
    join_maker_companies,
    join_org_names,
)
from indexer.org_pairs import body_pairs
from indexer.person_marks import rank_sides
from indexer.place_forms import (
    join_body_buildings,
    join_estate_streets,
    join_inserted_words,
    join_venue_acronyms,
    join_ward_places,
)
from indexer.place_tails import join_acronym_sites, join_place_tails
from indexer.product_names import maker_names
from indexer.tagged_names import join_group_tails
from indexer.unit_bodies import bodiless, join_units
from indexer.variant_joins import (
    VENUE_HEADS,
    join_affixed,
    join_aliased_words,
    join_variants,
    town_keys,
)
from indexer.written_forms import join_written_forms

Resolver = Callable[[str], str | None]  # a ticket half -> the person an alias makes of it


def display_form(forms: Mapping[str, int], person: bool = False) -> str:
    """The form a group of names is shown in: for a person, a full name (two words or more)
    over a single word, one that does not end in an initial ("Laode M"); then the most used;
    on a tie, not all capitals, then the fewest capitals, then alphabetical. (A place or an
    organisation is shown as it is written most: "Jakarta", not "Kota Jakarta"; but not in a
    form cut before "dan": :func:`~indexer.org_names.cut_short`.)"""
    return min(forms, key=lambda f: (not person and cut_short(f, forms),
                                     person and " " not in f,
                                     person and initial(f.rsplit(" ", 1)[-1]) is not None,
                                     -forms[f], f.isupper(), sum(map(str.isupper, f)), f))


def _half(half: str, keyed: Mapping[str, str], counts: Mapping[str, int], ticket_count: int,
          resolve: Resolver) -> str | None:
    """The person a ticket half names: a person the corpus names at least as often as the
    ticket ("Prabowo-Sandi"; not "Alexander-Arnold", a surname), else one of the extractor's
    aliases ("Jokowi")."""
    known = keyed.get(variant_key(half))
    if known is not None and counts[known] >= ticket_count and len(half) >= 3:
        return known
    return resolve(half)


def type_map(typ: str, counts: Mapping[str, int], resolve: Resolver,
             places: frozenset[str] = frozenset(), evidence: NameEvidence | None = None,
             credited: Iterable[str] = (), org_names: Collection[str] = (),
             person_names: Collection[str] = (),
             joined: Mapping[str, tuple[str, ...]] | None = None,
             other_words: Collection[str] = (), owners: Collection[str] = (),
             org_values: Collection[str] = (),
             starts: Mapping[tuple[str, str], int] | None = None) -> dict[str, tuple[str, ...]]:
    """What each raw value of type ``typ`` (``counts``: value -> articles) becomes, where that
    differs from the value itself. ``other_words``: the words of organisations' and places'
    names, which begin no person's name (:func:`~indexer.front_names.front_names`); ``owners``:
    organisations' values, which may follow a place's name (:mod:`indexer.place_tails`);
    ``org_values``: organisations' values (variant keys), which may follow a person's name
    (:mod:`indexer.tagged_names`); ``starts``: persons' names one of which writes the other's
    first name short, with the articles writing both (:mod:`indexer.first_starts`); ``joined``:
    values that are other values written as one
    (persons' run-ons, :mod:`indexer.run_ons`; a town's name with its office-holder's,
    :mod:`indexer.held_places`)."""
    tickets: dict[str, tuple[str, ...]] = dict(joined or {})  # those first
    plain = dict(counts)
    if typ == "PER":
        keyed = most_written(counts)
        for v in counts:
            halves = ticket_halves(v)
            if halves is None or v in tickets:
                continue
            a, b = (_half(h, keyed, counts, counts[v], resolve) for h in halves)
            if a and b and a != b:
                tickets[v] = (a, b)
    if typ == "ORG":  # two bodies written as one name (:mod:`indexer.org_pairs`)
        tickets.update(body_pairs(counts))
    for v, parts in tickets.items():
        del plain[v]
        for half in parts:
            plain[half] = plain.get(half, 0) + counts[v]
    generic = generic_values(typ, plain, places) | set(credited)
    spelt = spelt_out(evidence, typ) if evidence is not None and typ != "PER" else {}
    # an acronym the corpus spells out as a thing's name is a thing's ("Marvel Cinematic
    # Universe (MCU)")
    generic |= {v for v, names in spelt.items() if v in plain and names <= generic}
    if typ == "ORG":  # and one written with its words run together ("Google Playstore")
        run = {k for v in generic if (k := "".join(name_words(v)))}
        generic |= {v for v in plain if "".join(name_words(v)) in run}
    groups = Groups({v: c for v, c in plain.items() if v not in generic})
    # an officer's name and another person's spelt alike are two people
    sides = rank_sides(evidence.kinds, plain) if typ == "PER" and evidence is not None else {}
    join_variants(groups, typ, sides, districts(plain, evidence.kinds)
                  if typ == "LOC" and evidence is not None else ())
    if typ == "PER":
        join_aliased_words(groups)
    if typ == "ORG":
        join_written_forms(groups)
        join_club_names(groups)
        join_short_words(groups)
        join_titled(groups)
    if typ == "LOC":
        join_z_spellings(groups)
        join_vowel_swaps(groups)
    # names never shown: "Informatika Rudiantara" (before the parts: it is no other person)
    cut = join_title_cuts(groups, org_names) if typ == "PER" else set()
    unitless: set[str] = set()  # a unit's name written with several bodies (:mod:`unit_bodies`)
    dropped: set[str] = set()
    if typ == "PER":
        # a word linked to one person ("Mikhael Moeis (Mika)") is no part of another's name
        linked = set() if evidence is None else linked_words(evidence, plain)
        dropped = join_name_parts(groups, linked, sides)
        join_misspellings(groups, sides=sides)
        join_first_starts(groups, starts or {}, sides)  # "Ansu Fati" ~ "Anssumane Fati"
        dropped = join_lone_parts(groups, dropped, org_names, linked)
        cut |= join_group_tails(groups, org_values, dropped)  # "Jungkook BTS"
        if evidence is not None:
            join_nicknames(groups, evidence.together, dropped)
    if typ == "ORG":
        join_org_names(groups, places, None if evidence is None else spelt)
        join_affixed(groups)
        join_legal_forms(groups)
        join_unit_heads(groups, places)
        alone, unitless = join_units(groups, places)
        cut |= alone | bodiless(groups, places)
    if evidence is not None:  # a short name joins the whole group of its name
        join_linked(groups, evidence, typ, places)
    if typ == "PER":  # last: no shorter name follows a spelling joined ("Zaenal Arifin")
        join_spelt_names(groups, sides)
    if typ != "PER":  # last: with the acronyms the joins above have found
        words = join_expanded(groups, {v: plain[v] for v in generic if v in plain})
        if typ == "ORG":  # after the acronyms' joins, which read a group's names
            join_home_units(groups)
            if evidence is not None:
                join_maker_companies(groups, maker_names(evidence.kinds, counts))
        if typ == "LOC":
            join_longer_places(groups, words)
            join_streets(groups, words, person_names)
            join_estate_streets(groups, STREET_HEADS, town_keys(places))
            join_body_buildings(groups, owners)
            cut |= join_ward_places(groups)  # "ICU Rumah Sakit Pusat Angkatan Darat"
            join_venue_acronyms(groups, {h for h in VENUE_HEADS if " " not in h})
            if evidence is not None:
                join_inserted_words(groups, evidence.kinds)
        dropped = letter_pairs(groups)
        if typ == "LOC":  # after the joins: "Sudirman" is one of the streets
            dropped |= person_streets(groups, words, person_names,
                                      evidence.kinds if evidence is not None else {})
            # after: a street's name with its city is what pins the street to the city
            join_place_tails(groups, words, STREET_HEADS, dropped, owners)
            join_acronym_sites(groups, dropped)
    # a place before a lower-case point of the compass ("Sulawesi selatan") is shown as the
    # corpus writes it capitalised, and where it never does, as the place before the point
    cut |= {v for v in plain if ends_lower_compass(v)}
    dropped |= {groups.find(v) for v in unitless}
    members = groups.members()
    lowered = {root for root, ms in members.items() if all(ends_lower_compass(m) for m in ms)}
    display = {root: display_form({m: plain[m] for m in ms if m not in cut} or
                              {m: plain[m] for m in ms}, typ == "PER")
               for root, ms in members.items()}
    if typ == "PER":  # "Van Dijk" shown as "Virgil van Dijk"
        display.update(front_names(members, plain, display, other_words))
    if typ == "PER" and evidence is not None:  # "Maliki" shown as "Turki al-Maliki"
        display.update(completions(groups, evidence, dropped))

    def final(v: str) -> tuple[str, ...]:
        if ends_lower_compass(v) and (v in generic or groups.find(v) in lowered):
            short = before_lower_compass(v)
            if short in plain:
                return final(short)
            return () if generic_values(typ, {short: plain[v]}, places) else (short,)
        if v in generic:
            return ()
        root = groups.find(v)
        return () if root in dropped else (display[root],)

    out: dict[str, tuple[str, ...]] = {}
    for v in counts:
        if v in tickets:
            into = tuple(dict.fromkeys(x for half in tickets[v] for x in final(half)))
        else:
            into = final(v)
        if into != (v,):
            out[v] = into
    return out

