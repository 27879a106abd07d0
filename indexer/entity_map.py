"""The corpus-level entity map as stored with an index generation, and applied to articles:
:class:`EntityMap` says what each raw facet value (and its type) becomes, the values it has not
seen by their variant key, a person's one-word name as the article's own full names and company
say; it round-trips through JSON. :mod:`indexer.entity_norm` computes it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from indexer.acronym_places import acronym_mentions, acronym_places, tails_of
from indexer.acronym_tails import acronym_tails, may_tail, tail_heads, tailed_names
from indexer.article_persons import article_persons
from indexer.bare_names import supported
from indexer.city_regencies import (
    article_provinces,
    article_regencies,
    namesakes,
    provinces,
    regencies,
    regency_mentions,
)
from indexer.club_words import off_field
from indexer.complex_sites import article_venues
from indexer.cut_names import cut_tails, going_on_otherwise
from indexer.entities.compass import before_lower_compass, ends_lower_compass
from indexer.name_keys import category_key, name_words, variant_key
from indexer.org_places import OrgLeads, club_keys, club_names, club_towns
from indexer.part_places import name_parts
from indexer.person_context import (
    CompanyTest,
    Finals,
    finals_of,
    keeps_company,
    names_company,
    no_company,
    specific,
)
from indexer.person_marks import off_duty, said_only, somebody_else
from indexer.person_sides import off_side
from indexer.short_names import short_names
from indexer.short_places import article_shorts
from indexer.unit_bodies import (
    body_keys,
    joined_units,
    qualified_heads,
    qualified_in_article,
    without_body,
)
from indexer.variant_joins import town_keys
from indexer.youth_teams import aged_teams, headline_teams, youth_nicknames

MAP_VERSION: Final = 1
_NO_TYPES: Final[Mapping[str, str]] = {}


@dataclass(frozen=True, slots=True)
class EntityMap:
    """What the corpus-level pass decided. ``values``: type -> raw value -> the values it
    becomes (empty: no facet value; two: a ticket), only where that differs from the value
    itself; ``counts``: type -> raw value -> articles it was found in (under the type it
    becomes); ``categories``: category key -> its display form; ``types``: type -> raw value
    -> the type it becomes, where that differs."""

    values: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)
    counts: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    categories: Mapping[str, str] = field(default_factory=dict)
    types: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    astray: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # person -> the specific values named beside his full name (:mod:`indexer.person_context`)
    profiles: Mapping[str, frozenset[str]] = field(default_factory=dict)
    articles: int = 0  # articles counted
    # person -> the marks his full names are written with (:mod:`indexer.person_marks`)
    marks: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # one-word names that are the person given them only with the article's support
    # (:mod:`indexer.bare_names`)
    unsure: frozenset[str] = frozenset()
    # persons' names the corpus writes inside a place's or a work's name (:mod:`inner_names`)
    inner: frozenset[str] = frozenset()
    # a short place name -> the longer place it stands for, then its other longer names
    # (:mod:`indexer.short_places`)
    shorts: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # a person's one-word name -> the longer names it may be short for (:mod:`short_names`)
    short_forms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # a person -> whether his side is sports news; common full names (:mod:`person_sides`)
    homes: Mapping[str, bool] = field(default_factory=dict)
    common: frozenset[str] = frozenset()
    # their persons -> the values named beside them in two articles or more
    kept: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # organisations' values that are media, the company's only where so written (:mod:`media_names`)
    media: frozenset[str] = frozenset()
    # organisations named as every country may name a body, the home country's in its stories
    # (:mod:`indexer.foreign_namesakes`)
    home_bodies: frozenset[str] = frozenset()
    # organisations' values of two capitals that alone name none (:mod:`indexer.lone_letters`)
    lone_letters: frozenset[str] = frozenset()
    # a complex's value -> its venue's, which is the complex's in every article
    # (:mod:`indexer.complex_sites`)
    venues: Mapping[str, str] = field(default_factory=dict)
    # a town's name with its office-holder's after it -> the town's raw value, where a
    # mention of it ends (:mod:`indexer.held_places`)
    held: Mapping[str, str] = field(default_factory=dict)
    # persons who are officers of the police or the armed forces (:func:`~indexer.person_marks.
    # officers`): a namesake where the article writes no word of a force (:func:`off_duty`)
    officers: frozenset[str] = frozenset()
    _keys: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict, compare=False)
    _type_keys: dict[str, dict[str, str]] = field(default_factory=dict, compare=False)
    # type -> raw value -> the type it is, for every value counted or moved: :meth:`type_of`
    # in one look-up (asked of every mention by every per-article place rule)
    _type_at: dict[str, dict[str, str]] = field(default_factory=dict, compare=False)
    _persons: Counter[str] = field(default_factory=Counter, compare=False)  # value -> articles
    _tells: dict[str, bool] = field(default_factory=dict, compare=False)
    # organisation's raw value -> the words its longer names go on with (:mod:`cut_names`)
    _tails: dict[str, frozenset[str]] = field(default_factory=dict, compare=False)
    # variant keys of the organisations' values that are bodies (:mod:`indexer.unit_bodies`)
    _bodies: set[str] = field(default_factory=set, compare=False)
    _orgs: Counter[str] = field(default_factory=Counter, compare=False)  # value -> articles
    _heads: set[str] = field(default_factory=set, compare=False)  # :func:`qualified_heads`
    # a unit's name alone -> its unit with a body, the body's keys (:func:`joined_units`)
    _units: dict[str, tuple[str, frozenset[str]]] = field(default_factory=dict, compare=False)
    # a team's name -> age group -> its team with the age group (:func:`youth_teams.aged_teams`)
    _aged: dict[tuple[str, ...], dict[str, str]] = field(default_factory=dict, compare=False)
    # a town's bare name the map makes its city -> its regency (:mod:`indexer.city_regencies`)
    _towns: dict[str, str] = field(default_factory=dict, compare=False)
    # those of them a district elsewhere is named too, and the towns' variant keys
    _namesakes: set[str] = field(default_factory=set, compare=False)
    _town_names: set[str] = field(default_factory=set, compare=False)
    # a town's bare name the map keeps apart from its province -> the province
    _provinces: dict[str, str] = field(default_factory=dict, compare=False)
    # an acronym -> the words after it -> its name with them (:mod:`indexer.acronym_tails`),
    # and whether a raw value may be written before one of them in brackets, as read
    _tailed: dict[str, dict[str, str]] = field(default_factory=dict, compare=False)
    _tail_heads: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)
    _may_tail: dict[str, bool] = field(default_factory=dict, compare=False)
    # organisations' names a place's name may be written in (:mod:`indexer.org_places`)
    _org_names: OrgLeads = field(default_factory=OrgLeads, compare=False)
    # an organisation's value -> the other names of it that are a club's ("Persipura" ->
    # "Persipura Jayapura": :func:`~indexer.org_places.club_names`)
    _clubs: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)
    # a place's key -> the words before it that make a club's name with it
    # (:func:`~indexer.org_places.club_keys`)
    _club_keys: dict[str, frozenset[str]] = field(default_factory=dict, compare=False)
    # the places named mostly for their clubs (:func:`~indexer.org_places.club_towns`)
    _club_towns: set[str] = field(default_factory=set, compare=False)
    # the first words of persons' names, companies' without their legal forms
    # (:func:`~indexer.part_places.name_parts`)
    _name_parts: dict[str, str] = field(default_factory=dict, compare=False)
    # (an acronym, a place's name) -> the longer place they name, and those names
    # (:mod:`indexer.acronym_places`)
    _acronym_places: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict,
                                                                    compare=False)
    _acronym_tails: set[str] = field(default_factory=set, compare=False)

    def __post_init__(self) -> None:
        for typ in {*self.counts, *self.types}:
            self._type_at[typ] = {**dict.fromkeys(self.counts.get(typ, {}), typ),
                                  **self.types.get(typ, {})}
        # Unseen values (``warta add``) join by variant key: key -> what a seen value became.
        for typ, counts in self.counts.items():
            mapped = self.values.get(typ, {})
            keys = self._keys.setdefault(typ, {})
            for value in sorted(counts, key=lambda v: (-counts[v], v)):
                keys.setdefault(variant_key(value), mapped.get(value, (value,)))
        for typ, found in (("PER", self._persons), ("ORG", self._orgs)):
            for v, c in self.counts.get(typ, {}).items():
                for x in self.values.get(typ, {}).get(v, (v,)):
                    found[x] += c
        if self.profiles and not self._tells:  # not given by the map's computation
            self._tells.update(specific(self.counts, self.articles))
        self._tails.update(cut_tails(self.values.get("ORG", {}), self.counts.get("ORG", {})))
        self._bodies.update(body_keys(self.counts.get("ORG", {}), self.values.get("ORG", {}),
                                      self.counts.get("LOC", {})))
        self._heads.update(qualified_heads(self._orgs, self._bodies.__contains__))
        self._aged.update(aged_teams(self._orgs))
        self._units.update(joined_units(self.values.get("ORG", {}), self._bodies.__contains__,
                                        self._keys.get("ORG", {})))
        self._towns.update(regencies(self.counts.get("LOC", {}),
                                     lambda v: self.entity("LOC", v)))
        self._namesakes.update(namesakes(self.counts.get("LOC", {}),
                                         lambda v: self.entity("LOC", v)))
        if self._namesakes:
            self._town_names.update(town_keys({variant_key(v) for v in self.counts.get("LOC", {})}))
        self._provinces.update(provinces(self.counts.get("LOC", {}),
                                         lambda v: self.entity("LOC", v)))
        self._tailed.update(tailed_names(self.counts.get("ORG", {})))
        self._tail_heads.update(tail_heads(self._tailed))
        self._org_names.fill(self.counts.get("ORG", {}), self.counts.get("LOC", {}),
                             lambda v: self.type_of("ORG", v) == "ORG"
                             and self.entity("ORG", v) != ())
        self._clubs.update(club_names(self.counts.get("ORG", {}), self.values.get("ORG", {})))
        self._club_keys.update(club_keys(self.counts.get("ORG", {}), self.values.get("ORG", {})))
        self._club_towns.update(club_towns(self.counts.get("ORG", {}), self.counts.get("LOC", {}),
                                           lambda v: self.entity("LOC", v)))
        self._name_parts.update(name_parts(self.counts))
        self._acronym_places.update(acronym_places(self.counts.get("LOC", {}),
                                                   lambda v: self.entity("LOC", v)))
        self._acronym_tails.update(tails_of(self._acronym_places))
        for typ, moves in self.types.items():
            type_keys = self._type_keys.setdefault(typ, {})
            for value, to in sorted(moves.items()):
                type_keys.setdefault(variant_key(value), to)

    def type_of(self, typ: str, value: str) -> str:
        """The type a value of type ``typ`` is (unseen values by their variant key)."""
        found = self._type_at.get(typ, _NO_TYPES).get(value)
        if found is not None:
            return found
        return self._type_keys.get(typ, _NO_TYPES).get(variant_key(value), typ)

    def entity(self, typ: str, value: str) -> tuple[str, ...]:
        mapped = self.values.get(typ, {}).get(value)
        if mapped is not None:
            return mapped
        if value in self.counts.get(typ, {}):
            return (value,)
        known = self._keys.get(typ, {}).get(variant_key(value))
        if known is not None:
            return known
        # as a build maps it: no capitalised spelling of it ("Indonesia tengah")
        return self.entity(typ, before_lower_compass(value)) if ends_lower_compass(value) \
            else (value,)

    def entities_in(self, typ: str, values: Iterable[str], category: str = "",
                    context: Collection[str] = (),
                    marked: Mapping[str, frozenset[str]] | None = None,
                    cut: Collection[str] = (), text: str = "", inner: Collection[str] = (),
                    companies: Collection[str] = ()) -> dict[str, tuple[str, ...]]:
        """What each of one article's values of type ``typ`` becomes: as :meth:`entity`, but a
        person's one-word name as the article's own full names and category say
        (:func:`~indexer.article_persons.article_persons`), and no one where the article names none
        of the company his full name keeps (``context``: the article's values of every type;
        :func:`~indexer.person_context.keeps_company`), or where the words around it mark somebody
        else and the article names none of his company, or mark a word said (``marked``: the
        article's :func:`~indexer.person_marks.bare_marks`), and a word the corpus shows other
        people's too as the article's names and ``text`` (headline and body) support
        (:func:`~indexer.bare_names.supported`); an organisation's value the article shows another
        body's is none (``cut``: :func:`~indexer.cut_names.cut_values`), and so is a person's name
        the article writes only inside a place's or a work's name (``inner``:
        :func:`~indexer.inner_names.inner_only`), and a medium's the article writes as its
        company's (``companies``: :func:`~indexer.media_names.company_values`) is that company;
        a team's name is its team with the age group the headline (``text``'s first line)
        writes (:func:`~indexer.youth_teams.headline_teams`); an organisation's value the
        article also writes
        with an age group or a unit's with a body after it is that longer value
        (:func:`~indexer.unit_bodies.qualified_in_article`), a youth team's nickname the one
        team with an age group the article names, or none
        (:func:`~indexer.youth_teams.youth_nicknames`), a unit's name alone the map joined to
        one body's unit is none where the article names neither
        (:func:`~indexer.unit_bodies.without_body`), and a word of a club's name alone
        outside sports news is none (:func:`~indexer.club_words.off_field`); a short place name is
        the longer place it stands for unless the article names another
        (:mod:`indexer.short_places`), and a venue's its complex's where the corpus names the
        venue as often (:mod:`indexer.complex_sites`)."""
        out = {v: () if v in cut or v in inner else (v,) if v in companies
               else self.entity(typ, v) for v in values}
        if typ == "ORG":
            if text and self._aged:
                headline_teams(out, text.partition("\n")[0], self._aged)
            qualified_in_article(out, self._bodies.__contains__, self._orgs, cut, self._heads)
            youth_nicknames(out)
            without_body(out, self._units)
            off_field(out, category, self._clubs)
        if typ == "LOC" and self.shorts:
            out.update(article_shorts(out, self.shorts))
        if typ == "LOC" and self.venues:
            out.update(article_venues(out, self.venues))
        if typ == "LOC" and text:
            out.update(article_regencies(out, self._towns, text, self._namesakes,
                                         self._town_names))
            out.update(article_provinces(out, self._provinces, text))
        if typ != "PER":
            return out
        found = article_persons(out, category_key(category), self.astray, self._persons)
        supported(found, out, self.unsure, text)
        if self.officers and text:
            off_duty(found, self.officers, text)
        # persons whose longer name the article writes for a short one (:mod:`short_names`)
        full = short_names(found, self.short_forms, text, lambda v: self.entity("PER", v))
        finals = finals_of(self.values, self.counts)
        # a word said as a sentence of its own, or an ordinary person's name in apposition with
        # his role, is no one whatever company the article keeps
        self._unless_company(found, (
            v for v, seen in (marked or {}).items()
            if len(into := found.get(v, ())) == 1 and into[0] != v
            and said_only(seen, self.marks.get(into[0]))), no_company, context, finals, ())
        self._unless_company(found, (
            v for v, seen in (marked or {}).items()
            if len(into := found.get(v, ())) == 1 and into[0] != v
            and somebody_else(seen, self.marks.get(into[0]))), names_company, context, finals,
            full)
        if not self.profiles or not context:
            return found
        self._unless_company(found, (
            v for v, into in found.items() if len(into) == 1 and " " not in v.strip()),
            keeps_company, context, finals, full)
        # a name on the other side of sports news than his, without his company
        off_side(found, category, self.homes, self.common, lambda p, own: (
            p in full or (p not in self.profiles and p not in self.kept)
            or names_company(p, context, own, self.profiles, self._tells, finals)
            or names_company(p, context, own, self.kept, self._tells, finals)))
        return found

    def _unless_company(self, found: dict[str, tuple[str, ...]], bare: Iterable[str],
                        company: CompanyTest, context: Collection[str], finals: Finals,
                        full: Collection[str]) -> None:
        """Each value of ``bare`` (one person in ``found``, taken in turn as ``found`` changes)
        becomes no one where the article writes none of his full names (among its names, or
        in ``full``) and ``company`` says the article lacks the company his full name keeps."""
        for v in bare:
            person = found[v][0]
            own = [u for u, x in found.items() if person in x]
            if person not in full and not any(" " in u.strip() for u in own) and not company(
                    person, context, own, self.profiles, self._tells, finals):
                found[v] = ()

    def officers_in(self, values: Iterable[str]) -> bool:
        """Whether one of an article's persons' raw ``values`` is an officer's (then
        :meth:`entities_in` reads the article's text: :func:`~indexer.person_marks.off_duty`)."""
        return bool(self.officers) and any(
            not self.officers.isdisjoint(self.entity("PER", v)) for v in values)

    def aged_in(self, values: Iterable[str]) -> bool:
        """Whether one of an article's organisations' raw ``values`` is a team's name the corpus
        also names with an age group (then :meth:`entities_in` reads the article's headline)."""
        return bool(self._aged) and any(
            name_words(x) in self._aged for v in values for x in self.entity("ORG", v))

    def towns_in(self, values: Iterable[str]) -> bool:
        """Whether one of an article's places' raw ``values`` is a town's bare name beside a
        city and a regency, or beside its province (then :meth:`entities_in` reads the
        article's ``text``)."""
        return any(v in self._towns or v in self._provinces for v in values)

    def regency_mentions(self, found: Mapping[str, tuple[str, ...]], stored: Mapping[str, Any]
                         ) -> tuple[dict[str, str], dict[tuple[str, int], str]]:
        """A town's bare name written right after its regency's words in an article (``stored``:
        its payload as JSON) where it stays another place
        (:func:`~indexer.city_regencies.regency_mentions`)."""
        return regency_mentions(found, self._towns, stored["title"], stored["body"],
                                stored["mentions"] or (),
                                lambda m: self.type_of(m["type"], m["name"]) == "LOC")

    def acronyms_in(self, values: Iterable[str]) -> bool:
        """Whether an article's places' raw values hold a name an acronym may be written
        before as a longer place's (:mod:`indexer.acronym_places`)."""
        return any(v in self._acronym_tails for v in values)

    def acronym_mentions(self, stored: Mapping[str, Any]
                         ) -> tuple[dict[str, str], dict[tuple[str, int], str]]:
        """An article's place mentions written after an acronym of a longer place's words
        (:func:`~indexer.acronym_places.acronym_mentions`; ``stored``: its payload as JSON)."""
        return acronym_mentions(stored["title"], stored["body"], stored["mentions"] or (),
                                self._acronym_places, self._acronym_tails,
                                lambda m: self.type_of(m["type"], m["name"]) == "LOC")

    def org_names(self) -> OrgLeads:
        """The organisations' names a place's name may be written in (:mod:`org_places`)."""
        return self._org_names

    def clubs(self, orgs: Collection[str]) -> Iterator[str]:
        """An article's organisations' values (``orgs``) and the other names of those that
        the corpus writes as a club's (:func:`~indexer.org_places.club_names`), read only
        where they are needed."""
        yield from orgs
        for v in orgs:
            yield from self._clubs.get(v, ())

    def club_keys(self) -> Mapping[str, frozenset[str]]:
        """The corpus's clubs' names by the place's name they may end with
        (:func:`~indexer.org_places.club_keys`)."""
        return self._club_keys

    def club_towns(self) -> Collection[str]:
        """The places named mostly for their clubs (:func:`~indexer.org_places.club_towns`)."""
        return self._club_towns

    def name_parts(self) -> Mapping[str, str]:
        """The first words of the corpus's persons' names, its companies' without their legal
        forms (:func:`~indexer.part_places.name_parts`)."""
        return self._name_parts

    def cut_otherwise(self, body: str, mentions: Iterable[Mapping[str, Any]]) -> set[int]:
        """The starts of an article's body mentions of organisations' names cut from another
        body's (:func:`~indexer.cut_names.going_on_otherwise`)."""
        return going_on_otherwise(body, mentions, self._tails)

    def cuts_any(self, values: Iterable[str]) -> bool:
        """Whether one of an article's organisations' raw ``values`` is a name cut short
        (then :meth:`cut_otherwise` has something to read)."""
        return any(v in self._tails for v in values)

    def tails_any(self, values: Iterable[str]) -> bool:
        """Whether one of an article's organisations' raw ``values`` may be written before an
        acronym in brackets with words after it (then :meth:`tailed_mentions` has something
        to read)."""
        for v in values:
            found = self._may_tail.get(v)
            if found is None:
                found = self._may_tail[v] = may_tail(v, self._tail_heads)
            if found:
                return True
        return False

    def tailed_mentions(self, body: str, mentions: Iterable[Mapping[str, Any]]
                        ) -> list[dict[str, Any]] | None:
        """An article's mentions with a name, its acronym in brackets and words after them
        read as the acronym's name with them (:func:`~indexer.acronym_tails.acronym_tails`);
        None where none is."""
        return acronym_tails(body, (dict(m) for m in mentions), self._tailed, lambda v: (
            self.type_of("ORG", v) == "ORG" and self.entity("ORG", v) != ()))

    def other_types(self, value: str) -> int:
        """The articles naming ``value`` as an organisation or a place (as counted)."""
        return sum(self.counts.get(t, {}).get(value, 0) for t in ("ORG", "LOC"))

    def category(self, value: str) -> str:
        return self.categories.get(category_key(value), value)

    def merges(self, top: int) -> list[dict[str, Any]]:
        """The largest merges: raw values that became another value, most articles first."""
        found = sorted(
            ((self.counts.get(typ, {}).get(v, 0), typ, v, into)
             for typ, mapped in self.values.items() for v, into in mapped.items()),
            key=lambda r: (-r[0], r[1], r[2]))
        return [{"type": typ, "value": v, "into": list(into), "count": c}
                for c, typ, v, into in found[:top]]

    def to_json(self) -> dict[str, Any]:
        return {"version": MAP_VERSION,
                "values": {t: {v: list(m) for v, m in vs.items()} for t, vs in self.values.items()},
                "counts": {t: dict(c) for t, c in self.counts.items()},
                "categories": dict(self.categories),
                "types": {t: dict(m) for t, m in self.types.items()},
                "astray": {v: sorted(cs) for v, cs in self.astray.items()},
                "profiles": {p: sorted(vs) for p, vs in self.profiles.items()},
                "articles": self.articles,
                "marks": {p: sorted(ms) for p, ms in self.marks.items()},
                "unsure": sorted(self.unsure),
                "inner": sorted(self.inner),
                "shorts": {v: list(into) for v, into in self.shorts.items()},
                "short_forms": {v: list(into) for v, into in self.short_forms.items()},
                "homes": dict(self.homes), "common": sorted(self.common),
                "kept": {p: sorted(vs) for p, vs in self.kept.items()},
                "media": sorted(self.media), "home_bodies": sorted(self.home_bodies),
                "lone_letters": sorted(self.lone_letters), "venues": dict(self.venues),
                "held": dict(self.held), "officers": sorted(self.officers)}

    @classmethod
    def from_json(cls, data: Any) -> EntityMap:
        """The map stored with an index; an empty map for anything unreadable."""
        if not isinstance(data, dict) or data.get("version") != MAP_VERSION:
            return cls()
        try:
            values = {str(t): {str(v): tuple(map(str, m)) for v, m in vs.items()}
                      for t, vs in data["values"].items()}
            counts = {str(t): {str(v): int(c) for v, c in cs.items()}
                      for t, cs in data["counts"].items()}
            cats = {str(k): str(v) for k, v in data["categories"].items()}
            types = {str(t): {str(v): str(to) for v, to in ms.items()}
                     for t, ms in data.get("types", {}).items()}
            astray = {str(v): frozenset(map(str, cs))
                      for v, cs in data.get("astray", {}).items()}
            found = {str(p): frozenset(map(str, vs))
                     for p, vs in data.get("profiles", {}).items()}
            articles = int(data.get("articles", 0))
            marks = {str(p): frozenset(map(str, ms)) for p, ms in data.get("marks", {}).items()}
            unsure = frozenset(map(str, data.get("unsure", ())))
            inner = frozenset(map(str, data.get("inner", ())))
            shorts = {str(v): tuple(map(str, into)) for v, into in data.get("shorts", {}).items()}
            forms = {str(v): tuple(map(str, into))
                     for v, into in data.get("short_forms", {}).items()}
            homes = {str(p): bool(h) for p, h in data.get("homes", {}).items()}
            common = frozenset(map(str, data.get("common", ())))
            kept = {str(p): frozenset(map(str, vs)) for p, vs in data.get("kept", {}).items()}
            media = frozenset(map(str, data.get("media", ())))
            home = frozenset(map(str, data.get("home_bodies", ())))
            lone = frozenset(map(str, data.get("lone_letters", ())))
            venues = {str(c): str(v) for c, v in data.get("venues", {}).items()}
            held = {str(v): str(p) for v, p in data.get("held", {}).items()}
            officers = frozenset(map(str, data.get("officers", ())))
        except (AttributeError, KeyError, TypeError, ValueError):
            return cls()
        return cls(values, counts, cats, types, astray, found, articles, marks, unsure, inner,
                   shorts, forms, homes, common, kept, media, home, lone, venues, held, officers)
