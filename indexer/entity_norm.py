"""Corpus-level normalisation of facet values: one value per real entity, one form per category.

Extraction sees one article at a time, so it cannot know that "Habibie" in one article is the
"Bacharuddin Jusuf Habibie" of 600 others. After extraction, over the document counts of every
(type, value) of the whole corpus, :func:`compute_map` decides:

* **variants join**: values equal up to case, apostrophes (' ’ ` ´, or none) and spacing, and
  names listed as one entity in ``data/equivalents.txt`` (China = Cina = Tiongkok), become one
  value: the form the corpus uses most;
* **party names**: an organisation "X" joins "Partai X" when the corpus has both;
* **kinds of place**: a place "X" joins "Kota X", "Pulau X", "Sirkuit X", ... (when both
  "Kota X" and "Kabupaten X" are written, "Kota X" alone: the bare name is mostly the city,
  and in one article of the regency alone the regency, :mod:`indexer.city_regencies`), "X
  City" joins X where "Kota X" is written ("New York City"); place names that differ by
  one vowel (Perancis, Prancis) join; names equal but for spaces ("Hong Kong", "Hongkong") or a
  closing "RI" ("Gedung DPR RI") join;
* **organisation names**: names of three words or more made of the same words in another
  order are one; "X" joins the one name "X <place>", "<legal form> X", "X <club
  word>" or "X <company word>" (Persija ~ Persija Jakarta, Transjakarta ~ PT Transjakarta,
  Tottenham ~ Tottenham Hotspur, JYP ~ JYP Entertainment: ``data/org_suffixes.txt``), its
  name with a word of the same body added (PBSI ~ PB PBSI, Gojek ~ Gojek Group:
  ``data/org_affixes.txt``) where neither is shown as another body's name, a name
  of two words or more the one more frequent name it begins or the one it begins before "dan"
  (a name cut short), an acronym
  the one name it spells (BPK ~ Badan Pemeriksa Keuangan; also with "RI" after it: DPD RI),
  and a ministry's short name the one ministry it abbreviates (Kementan ~
  Kementerian Pertanian);
* **tickets**: a person "A-B" whose two halves are each a person becomes those two persons;
  so does a run of two persons' names the corpus writes apart ("Cristiano Ronaldo Meets Piers
  Morgan": :mod:`indexer.run_ons`);
* **old spelling**: values of two words or more that are equal once the pre-1972 spelling is
  read as today's (oe -> u, dj -> j, tj -> c, ...: Gatot Soebroto = Gatot Subroto, Pandjaitan
  = Panjaitan), German's "ue" as "u" (Muenchen = Munchen), and the spellings of one given name
  as one (``data/name_spellings.txt``: M, Mohamad, Muhammad) join, as variants do; so does a
  person's name with an alias of another's in it and the name with his full name in its place
  ("Iriana Jokowi" = "Iriana Joko Widodo");
* **name parts** (persons, longest names first): a name *covers* another when it holds all its
  words in order, a one-letter word standing for a word it begins ("Laode M Syarif" covers
  "Laode M" and is covered by "Laode Muhammad Syarif"). A name of several words covered by one
  other name joins it (Sri Mulyani ~ Sri Mulyani Indrawati, Anies Baswedan ~ Anies Rasyid
  Baswedan); a one-word name joins the one full name named at least as often that covers it, a
  surname only when that person is named twice as often as all others with it (Habibie ->
  Bacharuddin Jusuf Habibie; not Anwar), a first name only when that person dominates the
  others it begins (Imam -> Imam Nahrawi); a bare first name shared by several people, or a
  word of several people's names none of whom it mostly stands for, is no facet value on its
  own (Sri, Alex, Luna); a word only written inside a name, never first or last, is not that
  person's (Rasyid of Anies Rasyid Baswedan), nor is a word the words around it link to
  another person ("Mikhael Moeis (Mika)" beside Mika Kallio). "One" name means one named
  DOMINANCE times as often as all rivals found in a few articles (a one-off "Anies Rasyis
  Baswedan" is no rival), weighed by how often it is written in full; a word counts the
  names of every spelling of it the corpus shows beside the same other words
  (``name_keys.word_variants``: "Syarief" is Elza Syarief's and Laode M Syarif's). Names
  of two words or more that are one read loosely ("Aziz"/"Azis", "Syamsuddin"/"Syamsudin")
  and share a word spelt alike join. A person's group is shown as its most frequent full
  name not ending in an initial, with a word more in front where the corpus writes that
  longer name often and the word is a given name or stands before a particle
  (:mod:`indexer.front_names`: "Van Dijk" shown as "Virgil van Dijk");
* **in one article** (:mod:`indexer.article_persons`): a one-word person's name is the person
  whose full name the article writes with it; and no one in a category where only other
  people's full names with that word are written; a word other people's names hold and the
  corpus seldom writes alone for the person, or an old spelling of his name, is him only
  where the article writes his name or an alias of his (:mod:`indexer.bare_names`: "Joko" is
  not Joko Widodo, whom the corpus calls Jokowi);
* **categories** equal up to case and spacing become one, shown in their most used form;
* **a unit and its body** (:mod:`indexer.unit_bodies`): a unit's name the corpus writes with
  one body after it joins that body's unit ("Badan Legislasi" ~ "Badan Legislasi DPR"), one
  it writes with several is no facet value alone ("Biro Hukum"); in one article, the name
  the article writes with its body or its age group is that ("Timnas Indonesia" beside
  "Timnas Indonesia U-16"), and a word of a club's name alone outside sports news names no
  club (:mod:`indexer.club_words`: "Korps Bhayangkara");
* **no one entity**: a value of one letter, an event's name, a regional body's name without
  its region ("Dinas Kesehatan" beside "Dinas Kesehatan Kota Depok") is no facet value
  (:mod:`indexer.generic_values`);
* **near names** (:mod:`indexer.near_names`, :mod:`indexer.extra_words`): a person's name
  misspelt by one letter in a long word joins the one written three times as often (Baharuddin
  ~ Bacharuddin Jusuf Habibie), a club's name without its club word the one name with it
  (Norwich ~ Norwich City), a body named after an officer's title the body ("Kabid Humas Polda
  Metro Jaya"), a person's name after an office cut short the person ("Informatika
  Rudiantara"), a bare word of the one full name written with it that full name (Kumalasari ~
  Barbie Kumalasari);
* **nicknames** made of a full name's pieces (:mod:`indexer.nicknames`): a one-word name built
  from the starts (or ends) of a full name's words joins it where the two are mostly written
  in the same articles ("Jedar" ~ Jessica Iskandar, "Gempi" ~ Gempita Nora Marten);
* **short forms, nicknames and credits** that the words around the mentions show
  (:mod:`indexer.name_evidence`: "Bambang Soesatyo (Bamsoet)", "The Reds, julukan
  Liverpool", "seperti dilansir Sputnik"): a short name joins the one name it stands for, a
  nickname read as another type takes its name's type, and a name mostly written as the
  source of a report is no facet value;
* **acronyms spelt out, a looser spelling, a place's longer name**
  (:mod:`indexer.expanded_names`, :mod:`indexer.longer_places`, last): organisations' and
  places' names equal once their
  acronyms are read as the one full name the corpus writes, their legal forms left out and
  "ch"/"c", "dh"/"d", doubled letters read as one join ("RSPAD Gatot Soebroto" = "Rumah Sakit
  Pusat Angkatan Darat Gatot Subroto", "Bank BRI" = BRI); a place's name joins the one
  longer name of it ("Stadion Patriot" ~ "Stadion Patriot Candrabhaga", "Istana Bogor" ~
  "Istana Kepresidenan Bogor"), a place written with where it is or a street with its lane's
  number the place (:mod:`indexer.place_tails`: "Stadion Madya Senayan", "Jalan Patra
  Kuningan XIII"), and a place named as a person is the one street named so
  ("Tendean" ~ "Jalan Kapten Tendean"); then an estate's numbered streets are the estate, one
  body's buildings one place, and a venue's name with an acronym of its own inside it the venue
  (:mod:`indexer.place_forms`: "Jalan Patra Kuningan XIII" ~ "Patra Kuningan", "Gedung
  Kemenpora" ~ "Wisma Kemenpora", "Bandara BIJB Kertajati" ~ "Bandara Kertajati"); a town's
  name with its office-holder's after it is the town (:mod:`indexer.held_places`: "Jakarta
  Utara Sigit Wijatmoko");
* **short place names** (:mod:`indexer.short_places`, in one article): a place's name the
  corpus writes as a short form of one of the several places it begins is that place where the
  article names none of the others ("Korea": Korea Selatan); a place's word written as a
  person's first word is no place there (:mod:`indexer.name_places`: "Turki al-Maliki"),
  nor is a country's name written as its language's (:mod:`indexer.spoken_places`: "bahasa
  Inggris");
* **one type**: a name written both as an organisation and as a place becomes one of them
  everywhere (:mod:`indexer.cross_types`; Juventus), before the joins above;
* **kinds of names** (:mod:`indexer.name_kinds`): a person's name mostly written after a word
  of a group ("band", "member", "relawan") becomes an organisation's, one written after a word
  of a thing ("gosip", "indeks") or as part of a place or body named after a person ("RSPAD
  X", "Jalan X") is no facet value, and so is an organisation's name of two words or more
  mostly written after a word of a product ("mobil X": a model's); an organisation's name
  ending in a venue's word mostly written after "di" or "ke" is a place's ("di Allianz
  Arena"); a person's one-word name after a maker's word ("penjualan X"), or heading five
  organisations' names, is a maker's or a club's (Suzuki, Persib), and one found mostly in
  retold stories ("Sinopsis ...") a character's, no facet value; an organisation's name shaped
  as a person's that the corpus also types a person's, in a quarter of as many articles, is a
  person's (:mod:`indexer.org_persons`: "Sukanto Tanoto", "Osas Saha"); an organisation's name
  mostly written after a word of a medium ("akun X", "kanal X") is a platform's, no facet
  value but where an article writes it as the company's (:mod:`indexer.media_names`); a
  name headed by a maker's, written after a word of a product or a model's line in a tenth
  of its articles, is a model's, no facet value (:mod:`indexer.product_names`: "Toyota Calya").

Each type's joins are made by :mod:`indexer.type_map`; the rules are in
:mod:`indexer.variant_joins`, :mod:`indexer.name_parts`,
:mod:`indexer.org_names` (the union-find, DOMINANCE and RIVAL_MIN in
:mod:`indexer.entity_groups`) and the modules named above, the keys in :mod:`indexer.name_keys`.
The result, an :class:`~indexer.entity_map.EntityMap`, is stored with the index generation
(:mod:`indexer.store`); ``warta add`` applies it to new articles (values it has not seen join by
their variant key), a full ``warta reindex`` computes it anew. Pure: the same counts always give
the same map.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any, Final

from indexer import schema as S
from indexer.article_persons import astray_categories
from indexer.bare_names import unsure_words
from indexer.complex_sites import complex_venues
from indexer.cross_types import moved_counts, org_heads, retype_across
from indexer.entity_groups import RIVAL_MIN
from indexer.entity_map import EntityMap
from indexer.extra_words import org_words
from indexer.first_starts import first_starts
from indexer.foreign_namesakes import abroad, home_bodies
from indexer.held_places import held_places
from indexer.inner_names import inner_values
from indexer.lone_letters import count_letters, lone_letters
from indexer.longer_places import STREET_NAME_MIN
from indexer.media_names import media_values
from indexer.name_evidence import NameEvidence, credits, nickname_types, retyped
from indexer.name_keys import category_key, name_words, variant_key
from indexer.name_kinds import (
    SITE,
    TOWN,
    VENUE,
    brand_heads,
    kind_votes,
    venue_name,
    written_as_organisations,
)
from indexer.nicknames import article_pairs
from indexer.org_names import acronym_of
from indexer.org_persons import persons_as_orgs
from indexer.person_context import profiles, specific
from indexer.person_marks import full_name_marks, officers
from indexer.person_sides import side_facts
from indexer.product_names import model_values
from indexer.run_ons import run_ons
from indexer.short_names import short_forms
from indexer.short_places import short_places
from indexer.type_map import Resolver, display_form, type_map
from indexer.variant_joins import VENUE_HEADS, town_keys

# A word of organisations' or places' names in this many articles begins no person's name.
FRONT_WORD_MIN: Final = 3
# A venue's acronym of fewer letters is too often another name's ("TA", "BA").
ACRONYM_MIN: Final = 3

# A process pool's (or a Dask client's) submit: ``submit(fn, *args).result()``.
Submit = Callable[..., Any]


def _retype_nicknames(entity_counts: Mapping[str, Mapping[str, int]],
                      types: dict[str, dict[str, str]], evidence: NameEvidence) -> NameEvidence:
    """``evidence`` with its names under their types after ``types``, which takes the moves of
    the nicknames of another type than their names."""
    def type_of(typ: str, value: str) -> str:
        return types.get(typ, {}).get(value, typ)

    found = retyped(evidence, type_of)
    for (st, sv), to in nickname_types(found, moved_counts(entity_counts, types)).items():
        for raw, counts in entity_counts.items():
            if sv in counts and type_of(raw, sv) == st:
                if raw == to:
                    types.get(raw, {}).pop(sv, None)
                else:
                    types.setdefault(raw, {})[sv] = to
    return retyped(evidence, type_of)


def _now(fn: Callable[..., Any], *args: Any) -> Future[Any]:
    """A job done at once, as a pool's completed future."""
    done: Future[Any] = Future()
    done.set_result(fn(*args))
    return done


def _retype(raw_counts: Mapping[str, Mapping[str, int]], types: dict[str, dict[str, str]],
            values: Collection[str], typ: str, to: str) -> None:
    """``types`` with each of ``values`` that is of type ``typ`` now of type ``to``, from
    whichever raw type it came."""
    for raw, counts in raw_counts.items():
        for v in values:
            if v in counts and types.get(raw, {}).get(v, raw) == typ:
                types.setdefault(raw, {})[v] = to


def compute_map(entity_counts: Mapping[str, Mapping[str, int]],
                category_counts: Mapping[str, int], resolve: Resolver,
                evidence: NameEvidence | None = None, submit: Submit | None = None,
                person_categories: Mapping[tuple[str, str], int] | None = None,
                contexts: Iterable[tuple[str, ...]] = (), articles: int = 0,
                away: Mapping[str, int] | None = None,
                letters: Mapping[tuple[str, str], int] | None = None) -> EntityMap:
    """The map of a corpus from its document counts: ``entity_counts`` type -> value ->
    articles, ``category_counts`` category -> articles. ``resolve`` names the person a ticket
    half refers to when the corpus has no such value itself (the extractor's aliases);
    ``evidence``: what the words around the mentions said (short forms, nicknames, credits).
    With ``submit``, each type's map is computed in that pool, the types side by side (each
    type's map depends only on what is worked out here before it). ``contexts``: the values
    of each article naming a person in full, of ``articles`` counted (the company persons
    keep). ``away``: organisation's value -> stories filed abroad naming it (the home bodies a
    namesake abroad shares a name with); ``letters``: (organisation's value of two capitals,
    another of the article's) -> articles naming both (:mod:`indexer.lone_letters`)."""
    raw_counts = entity_counts
    types = retype_across(entity_counts)
    found = _retype_nicknames(entity_counts, types, evidence or NameEvidence())
    types = {t: m for t, m in types.items() if m}
    entity_counts = moved_counts(entity_counts, types)
    kinds = kind_votes(found.kinds, entity_counts)
    # a venue's or a town's name read as an organisation's: a place (:mod:`indexer.name_kinds`;
    # a town's: "Ho Chi Minh City, Vietnam"), with the
    # acronym of its name ("ICE": Indonesia Convention Exhibition), which is joined to it, and
    # the venue's name an acronym voted a venue's stands for ("Yogyakarta International
    # Airport": YIA)
    sites = {v for (t, v), kind in kinds.items() if kind in (SITE, TOWN)}
    venues = {v for (t, v), kind in kinds.items() if kind == VENUE}
    if sites or venues:
        initials = {acronym_of(name_words(v)) for v in sites}
        acronyms = {v.lower() for v in venues if len(v) >= ACRONYM_MIN and v.isupper()}
        sites |= venues | {
            v for v in entity_counts.get("ORG", {})
            if len(v) >= ACRONYM_MIN and v.isupper() and v.lower() in initials
            or acronyms and venue_name(v) and acronym_of(name_words(v)) in acronyms}
        kinds = {n: kind for n, kind in kinds.items() if kind not in (SITE, TOWN, VENUE)}
        _retype(raw_counts, types, sites, "ORG", "LOC")
        entity_counts = moved_counts(entity_counts, {"ORG": dict.fromkeys(sites, "LOC")})
    # A band's name, and a maker's or a club's written as a person's one-word name (after a
    # maker's word, heading many organisations' names, or as often typed an organisation's):
    # organisations'.
    bands = {v: "ORG" for (t, v), kind in kinds.items() if t == "PER" and (
        kind == "group" or (kind == "maker" and " " not in v.strip()))}
    persons, orgs = entity_counts.get("PER", {}), entity_counts.get("ORG", {})
    bands.update(dict.fromkeys(brand_heads(persons, orgs)
                               | written_as_organisations(persons, orgs), "ORG"))
    if bands:
        types.setdefault("PER", {}).update(bands)
        entity_counts = moved_counts(entity_counts, {"PER": bands})
    # a person's name read as an organisation's (:mod:`indexer.org_persons`)
    persons_named = persons_as_orgs(entity_counts, {
        b[1] for pair in found.links for a, b in (pair, pair[::-1]) if a[0] == "ORG"} | set(bands))
    if persons_named:
        _retype(raw_counts, types, persons_named, "ORG", "PER")
        entity_counts = moved_counts(entity_counts, {"ORG": dict.fromkeys(persons_named, "PER")})
    media = media_values(kinds, entity_counts.get("ORG", {}))
    models = model_values(found.kinds, entity_counts.get("ORG", {}), {
        v for (t, v), kind in kinds.items() if t == "PER" and kind == "maker" and " " in v.strip()})
    credited = credits(found, entity_counts) | {
        n for n, kind in kinds.items() if n[0] != "PER" or n[1] not in bands} | {
        ("LOC", v) for v in org_heads(entity_counts)} | {("ORG", v) for v in media | models}
    org_names = org_words(entity_counts.get("ORG", {}))
    person_names = org_words(entity_counts.get("PER", {}), STREET_NAME_MIN)
    places = frozenset(variant_key(v) for v in entity_counts.get("LOC", {}))
    # words of organisations' and places' names that are no person's name too
    named = entity_counts.get("PER", {})
    other_words = org_words({v: c for t in ("ORG", "LOC")
                             for v, c in entity_counts.get(t, {}).items() if v not in named},
                            FRONT_WORD_MIN)
    # organisations' names that may follow a place's: its owner's (:mod:`indexer.place_tails`)
    owners = frozenset(v for v, c in entity_counts.get("ORG", {}).items() if c >= RIVAL_MIN)
    # organisations' names that may follow a person's: his group's (:mod:`indexer.tagged_names`)
    groups_of = frozenset(variant_key(v) for v in owners)
    contexts = list(contexts)
    joined = run_ons(entity_counts.get("PER", {}), contexts)
    starts = first_starts(entity_counts.get("PER", {}), contexts)
    # a town's name with its office-holder's after it: the town's (:mod:`indexer.held_places`)
    held = held_places(entity_counts.get("LOC", {}), entity_counts.get("PER", {}),
                       entity_counts.get("ORG", {}),
                       town_keys(places))
    jobs = {typ: (typ, entity_counts.get(typ, {}), resolve, places, found,
                  [v for t, v in credited if t == typ], org_names,
                  person_names if typ == "LOC" else frozenset(),
                  joined if typ == "PER" else held if typ == "LOC" else None,
                  other_words if typ == "PER" else frozenset(),
                  owners if typ == "LOC" else frozenset(),
                  groups_of if typ == "PER" else frozenset(),
                  starts if typ == "PER" else None)
            for typ in S.ENTITY_TYPES}
    futures = {typ: (submit or _now)(type_map, *args) for typ, args in jobs.items()}
    # What needs no type's map, then what needs the persons' alone, is worked out here while
    # the pool still computes the other types' maps.
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for cat, c in category_counts.items():
        forms[category_key(cat)][cat] += c
    categories = {k: display_form(f) for k, f in forms.items()}
    inner = inner_values(found.kinds)
    short = short_forms(entity_counts.get("PER", {}),
                        {} if evidence is None else evidence.together)
    persons = futures["PER"].result()
    astray = astray_categories(persons, person_categories or {})
    marks = full_name_marks(found.kinds, persons)
    unsure = unsure_words(persons, entity_counts.get("PER", {}), contexts)
    values = {typ: future.result() for typ, future in futures.items()}
    # which values tell articles apart: read by the persons' company, here and in the map
    tells = specific(entity_counts, articles)
    homes, common, kept = side_facts(values, entity_counts, person_categories or {}, contexts,
                                     tells)

    def org(v: str) -> tuple[str, ...]:
        return values.get("ORG", {}).get(v, (v,))

    return EntityMap({t: m for t, m in values.items() if m},
                     {t: dict(entity_counts.get(t, {})) for t in S.ENTITY_TYPES},
                     categories, types, astray,
                     profiles(values, contexts, entity_counts, tells), articles,
                     marks, unsure, inner,
                     short_places(values.get("LOC", {}), entity_counts.get("LOC", {})),
                     short, homes, common, kept, media,
                     home_bodies(away or {}, entity_counts.get("ORG", {}), org),
                     lone_letters(letters or {}, entity_counts.get("ORG", {}), org),
                     complex_venues(entity_counts.get("LOC", {}), values.get("LOC", {}),
                                    VENUE_HEADS, town_keys),
                     {v: place for v, (place,) in held.items()},
                     officers(found.kinds, entity_counts.get("PER", {}), persons), _tells=tells)


@dataclass(slots=True)
class CorpusCounts:
    """Document counts of entity values and categories, gathered as articles go by."""

    entities: dict[str, Counter[str]] = field(
        default_factory=lambda: {t: Counter() for t in S.ENTITY_TYPES})
    categories: Counter[str] = field(default_factory=Counter)
    evidence: NameEvidence = field(default_factory=NameEvidence)
    # (person's value, category key) -> articles: where a person's full name is written
    person_categories: Counter[tuple[str, str]] = field(default_factory=Counter)
    # the values of each article naming a person in full, persons' first; and articles counted
    contexts: list[tuple[str, ...]] = field(default_factory=list)
    articles: int = 0
    # organisation's value -> stories filed abroad naming it (:mod:`indexer.foreign_namesakes`)
    abroad: Counter[str] = field(default_factory=Counter)
    # (organisation's value of two capitals, another of the article's) -> articles naming both
    # (:mod:`indexer.lone_letters`)
    letters: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, entities: Mapping[str, Iterable[str]], category: str) -> None:
        for typ, values in entities.items():
            self.entities[typ].update(set(values))
        count_letters(self.letters, entities.get("ORG", ()))
        if category:
            self.categories[category] += 1
            key = category_key(category)
            self.person_categories.update({(v, key) for v in entities.get("PER", ())})
            if abroad(category, entities.get("LOC", ())):
                self.abroad.update(set(entities.get("ORG", ())))
        persons = entities.get("PER", ())
        for pair in article_pairs(persons):
            self.evidence.together[pair] = self.evidence.together.get(pair, 0) + 1
        self.articles += 1
        if any(" " in v.strip() for v in persons):
            self.contexts.append(tuple(dict.fromkeys(
                v for typ in ("PER", *(t for t in entities if t != "PER"))
                for v in entities.get(typ, ()))))
