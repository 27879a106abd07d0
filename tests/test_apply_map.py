""":func:`apply_map` (the payload changed as JSON) equals the plain way: decode the payload into
a StoredArticle, ``dataclasses.replace`` each mention, encode again — on real articles under the
corpus's own map and under a map that renames, drops and splits (tickets) their values."""

from __future__ import annotations

import gzip
from collections.abc import Iterator, Mapping
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer import lexicon
from indexer import schema as S
from indexer.acronym_expansions import bracketed, expanded_otherwise
from indexer.acronym_senses import other_senses, sense_values
from indexer.analysis import Analyzer
from indexer.club_words import is_club, towns_off_field
from indexer.cut_names import cut_values
from indexer.document import Prepared, load_payload, prepare
from indexer.entity_map import EntityMap
from indexer.entity_norm import CorpusCounts, compute_map
from indexer.event_places import in_events
from indexer.feed import iter_records
from indexer.held_places import place_end
from indexer.inner_names import inner_only
from indexer.map_apply import apply_map
from indexer.name_keys import variant_key
from indexer.name_places import places_in_names, whole_places
from indexer.org_places import club_places, in_org_names
from indexer.part_places import in_longer_names, named_as
from indexer.person_marks import bare_marks, stray_word
from indexer.records import Record
from indexer.restated_places import restated
from indexer.run_ons import halves_written
from indexer.spill import alias_person
from indexer.spoken_places import spoken


def reference(prep: Prepared, emap: EntityMap) -> Prepared:
    """The article decoded, every mention and value mapped, encoded again; ``prep`` itself when
    the mapped article equals the decoded one (judged on the result, not on the fields)."""
    f = prep.fields
    decoded = before = load_payload(f[S.PAYLOAD])
    # a name, its acronym in brackets and words after them: the acronym's name with them
    tailed = emap.tailed_mentions(before.body, [asdict(m) for m in before.mentions])
    if tailed is not None:
        orgs = [m["name"] for m in tailed if m["type"] == "ORG"]
        written = {m.name for m in before.mentions if m.type == "ORG"}
        before = replace(before, mentions=tuple(S.Mention(**m) for m in tailed), entities={
            **before.entities, "ORG": tuple(v for v in dict.fromkeys(
                [*before.entities.get("ORG", ()), *orgs]) if v in orgs or v not in written)})
    retyped = [(emap.type_of(t, v), v) for t in S.ENTITY_TYPES for v in before.entities.get(t, ())]
    marked = bare_marks(before.title, before.body, [asdict(m) for m in before.mentions])
    inner = inner_only(before.title, before.body, [asdict(m) for m in before.mentions],
                       emap.inner)
    gone = emap.cut_otherwise(before.body, [asdict(m) for m in before.mentions])
    cut = cut_values([asdict(m) for m in before.mentions], gone)
    others = other_senses(before.title, before.body, [asdict(m) for m in before.mentions])
    others |= expanded_otherwise(before.title, before.body, [asdict(m) for m in before.mentions],
                                 bracketed(f[S.PAYLOAD], before.entities.get("ORG", ())),
                                 lambda v: emap.entity("ORG", v))
    cut |= sense_values([asdict(m) for m in before.mentions], others)
    # a club's town written as the place outside sports news, the article naming no such club
    # (a place's name the map makes a club's, whichever type the extractor gave it)
    towns = {v for t in ("LOC", "ORG") for v in before.entities.get(t, ())
             if emap.type_of(t, v) == "ORG" and emap.type_of("LOC", v) == "ORG"}
    written = {x for v in before.entities.get("ORG", ()) if v not in towns or is_club(v)
               for x in emap.entity("ORG", v)}
    cut |= towns_off_field(before.title, before.body, before.category,
                           [asdict(m) for m in before.mentions],
                           {v for v in towns if written.isdisjoint(emap.entity("ORG", v))
                            and any(map(is_club, emap.clubs(emap.entity("ORG", v))))})
    names = {t: emap.entities_in(t, [v for to, v in retyped if to == t], before.category,
                                 [v for _, v in retyped], marked if t == "PER" else None,
                                 cut if t == "ORG" else (), text=f"{before.title}\n{before.body}",
                                 inner=inner if t == "PER" else ())
             for t in S.ENTITY_TYPES}
    # every article, not only one whose persons begin with a place's word (apply_map's test)
    as_dicts = [asdict(m) for m in before.mentions]

    def person(m: Mapping[str, Any]) -> str | None:
        if emap.type_of(m["type"], m["name"]) != "PER":
            return None
        into = names["PER"][m["name"]]
        return into[0] if len(into) == 1 else None

    def place(m: Mapping[str, Any]) -> str | None:
        return m["name"] if emap.type_of(m["type"], m["name"]) == "LOC" else None

    inside = places_in_names(before.title, before.body, as_dicts, person,
                             lambda m: place(m) is not None)

    def place_value(m: Mapping[str, Any]) -> str | None:
        into = names["LOC"][m["name"]] if place(m) is not None else ()
        return into[0] if len(into) == 1 else None

    inside |= restated(before.title, before.body, as_dicts, place_value)
    inside |= spoken(before.title, before.body, as_dicts, lambda m: place(m) is not None)
    inside |= in_events(before.title, before.body, as_dicts, lambda m: place(m) is not None)
    inside |= in_longer_names(before.title, before.body, as_dicts,
                              lambda m: place(m) is not None,
                              lambda m, v: v in emap.counts.get("LOC", {})
                              and emap.entity("LOC", v) != emap.entity("LOC", m["name"]),
                              lambda v: named_as(emap.counts, emap.name_parts(), v))
    inside |= in_org_names(before.title, before.body, as_dicts, emap.org_names(),
                           lambda m: place(m) is not None)
    inside |= club_places(before.title, before.body, before.category, as_dicts,
                          emap.clubs({x for into in names["ORG"].values() for x in into}),
                          place_value, emap.club_keys(), emap.club_towns())
    inside |= others
    for v in whole_places(as_dicts, inside, place):
        names["LOC"][v] = ()
    # a town's bare name after its regency's words where the article names the city too
    whole, regional = emap.regency_mentions(names["LOC"], {
        "title": before.title, "body": before.body, "mentions": as_dicts})
    names["LOC"].update((v, (regency,)) for v, regency in whole.items())
    regional = {at: regency for at, regency in regional.items() if at not in inside}
    entities = {
        t: tuple(dict.fromkeys(x for to, v in retyped if to == t for x in names[t][v]))
        for t in S.ENTITY_TYPES
    }
    entities["LOC"] = tuple(dict.fromkeys([*entities["LOC"], *regional.values()]))
    mentions = tuple(replace(m, name=regional.get((m.field, m.start), m.name))
                     for old in before.mentions
                     if not (old.field == "body" and old.start in gone and old.type == "ORG")
                     and (old.field, old.start) not in inside
                     for m in _mapped(old, before, emap, names))
    stored = replace(before, entities=entities, mentions=mentions,
                     category=emap.category(before.category) if before.category else "")
    if stored == replace(decoded, entities={t: decoded.entities.get(t, ()) for t in entities}):
        return prep
    fields = {k: v for k, v in f.items() if k not in S.ENTITY_FACETS}
    fields[S.PAYLOAD] = orjson.dumps(stored)
    if stored.category:
        fields[S.CATEGORY] = stored.category
    for t, name in S.ENTITY_FIELDS.items():
        if entities[t]:
            fields[name] = list(entities[t])
    return replace(prep, fields=fields)


def _mapped(m: S.Mention, stored: S.StoredArticle, emap: EntityMap,
            names: dict[str, dict[str, tuple[str, ...]]]) -> Iterator[S.Mention]:
    m = replace(m, type=emap.type_of(m.type, m.name))
    into = names[m.type][m.name]
    text = stored.title if m.field == "title" else stored.body
    if len(into) == 1 and m.type == "PER" and into[0] != m.name and stray_word(
            text[m.start:m.end], m.name, into[0], emap.other_types):
        return
    if len(into) == 1:
        place = emap.held.get(m.name) if m.type == "LOC" else None
        end = None if place is None else place_end(text[m.start:m.end], place)
        yield replace(m, name=into[0], end=m.end if end is None else m.start + end)
    elif len(into) == 2:
        cut = text.find("-", m.start, m.end)
        if cut < 0:
            yield from (replace(m, name=n) for n in halves_written(text[m.start:m.end], into))
        else:
            yield replace(m, name=into[0], end=len(text[:cut].rstrip()))
            rest = text[cut + 1:m.end]
            yield replace(m, name=into[1], start=cut + 1 + len(rest) - len(rest.lstrip()))


@pytest.fixture(scope="module")
def prepared(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Prepared]:
    with gzip.open(shared_dir / "corpus" / "clickid-news" / "articles.jsonl.gz", "rb") as f:
        rows: list[dict[str, Any]] = [orjson.loads(x) for i, x in enumerate(f) if i % 60 == 0]
    rows.append({**rows[0], "id": "ticket", "title": "Jokowi-Ma'ruf Amin Menang",
                 "body": "Pasangan Joko Widodo - Ma'ruf Amin menang. Prabowo-Sandi kalah. "
                         "Kata Jokowi-Ma'ruf di Jakarta."})
    path = tmp_path_factory.mktemp("apply_map") / "sample.jsonl"
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    analyzer = Analyzer(lexicon=lexicon.static_names(), protect_names=True)
    return [p for r in iter_records([path]) if isinstance(r, Record)
            for p in [prepare(r, analyzer)] if isinstance(p, Prepared)]


def _same(a: Prepared, b: Prepared) -> None:
    assert a.fields == b.fields, a.id
    assert (a.id, a.date, a.origin) == (b.id, b.date, b.origin)


def test_under_the_corpus_map(prepared: list[Prepared]) -> None:
    counts = CorpusCounts()
    for p in prepared:
        counts.add({t: p.fields.get(name) or () for t, name in S.ENTITY_FIELDS.items()},
                   p.fields.get(S.CATEGORY) or "")
    emap = compute_map(counts.entities, counts.categories, alias_person,
                       contexts=counts.contexts, articles=counts.articles)
    changed = 0
    for p in prepared:
        fast, ref = apply_map(p, emap), reference(p, emap)
        _same(fast, ref)
        assert (fast is p) == (ref is p), p.id
        changed += fast is not p
    assert changed >= 50


def test_under_a_map_that_renames_drops_splits_and_retypes(prepared: list[Prepared]) -> None:
    values: dict[str, dict[str, tuple[str, ...]]] = {t: {} for t in S.ENTITY_TYPES}
    for i, p in enumerate(prepared):
        for t, name in S.ENTITY_FIELDS.items():
            for j, v in enumerate(p.fields.get(name) or ()):
                kind = (i + j) % 4
                into = ((v.upper(),), (), (f"{v} A", f"{v} B"), (v,))[kind]
                values[t].setdefault(v, into)
    for v in ("Jokowi-Ma'ruf", "Joko Widodo - Ma'ruf Amin", "Prabowo-Sandi"):
        values["PER"][v] = ("Joko Widodo", "Ma'ruf Amin")
    # and moves every third organisation or place to the other of the two types
    types = {t: {v: other for k, v in enumerate(sorted(values[t])) if k % 3 == 0}
             for t, other in (("ORG", "LOC"), ("LOC", "ORG"))}
    emap = EntityMap(values, {t: {} for t in S.ENTITY_TYPES}, {}, types)
    tickets = moved = 0
    for p in prepared:
        fast, ref = apply_map(p, emap), reference(p, emap)
        _same(fast, ref)
        assert (fast is p) == (ref is p), p.id
        stored = load_payload(fast.fields[S.PAYLOAD])
        tickets += sum(m.name == "Ma'ruf Amin" or m.name.endswith(" B") for m in stored.mentions)
        moved += sum(m.name in types["LOC"] and m.type == "ORG" for m in stored.mentions)
    assert tickets >= 20  # second halves of tickets written
    assert moved >= 20


def test_a_name_cut_from_another_bodys_loses_that_mention(tmp_path: Path) -> None:
    row = {"id": "cut", "url": "https://example.com/cut", "title": "Rektor Baru",
           "body": "Rektor Institut Teknologi dan Bisnis Ahmad Dahlan dilantik. Alumni "
                   "Institut Teknologi Bandung hadir. Uni Afrika dan Uni Eropa bertemu.",
           "date": "2019-10-01", "source": "x", "category": "news"}
    path = tmp_path / "cut.jsonl"
    path.write_bytes(orjson.dumps(row) + b"\n")
    analyzer = Analyzer(lexicon=lexicon.static_names(), protect_names=True)
    (prep,) = [prepare(r, analyzer) for r in iter_records([path]) if isinstance(r, Record)]
    assert isinstance(prep, Prepared)
    before = load_payload(prep.fields[S.PAYLOAD])
    orgs = {m.name for m in before.mentions if m.type == "ORG"}
    # as the tagger cut them: "Institut Teknologi" (cut before "dan"), "Uni" (before a place)
    cut = {v for v in ("Institut Teknologi", "Uni") if v in orgs}
    assert cut, before.mentions
    values = {"ORG": {"Institut Teknologi": ("Institut Teknologi Bandung",),
                      "Uni": ("Uni Eropa",)}}
    counts = {"ORG": {"Institut Teknologi": 1, "Institut Teknologi Bandung": 30, "Uni": 2,
                      "Uni Eropa": 60}}
    emap = EntityMap(values, counts)
    fast, ref = apply_map(prep, emap), reference(prep, emap)
    _same(fast, ref)
    after = load_payload(fast.fields[S.PAYLOAD])
    written = [(m.name, after.body[m.start:m.end]) for m in after.mentions if m.type == "ORG"]
    for v in cut:
        assert all(text != v for _, text in written), written
    assert "Institut Teknologi Bandung" in after.entities["ORG"]


def _type_of_reference(emap: EntityMap, typ: str, value: str) -> str:
    """:meth:`EntityMap.type_of` as its definition reads: a moved value's new type, a counted
    value's own, an unseen one's by its variant key (the type of a moved value sharing it)."""
    moved = emap.types.get(typ, {}).get(value)
    if moved is not None:
        return moved
    if value in emap.counts.get(typ, {}):
        return typ
    for v, to in sorted(emap.types.get(typ, {}).items()):
        if variant_key(v) == variant_key(value):
            return to
    return typ


_VALUE = st.sampled_from(["Juventus", "JUVENTUS", "juventus", "Bali", "Bali United", "BALI",
                          "Real  Madrid", "Real Madrid", "Ma'ruf", "Maruf", "X"])
_TYPE = st.sampled_from(["ORG", "LOC", "PER"])


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_TYPE, st.dictionaries(_VALUE, st.integers(1, 9), max_size=6)),
       st.dictionaries(_TYPE, st.dictionaries(_VALUE, _TYPE, max_size=4)),
       st.lists(st.tuples(_TYPE, _VALUE), max_size=20))
def test_type_of_is_its_definition(counts: dict[str, dict[str, int]],
                                   types: dict[str, dict[str, str]],
                                   asked: list[tuple[str, str]]) -> None:
    emap = EntityMap({}, counts, {}, types)
    for typ, value in [*asked, *((t, v) for t, vs in [*counts.items(), *types.items()]
                                 for v in vs)]:
        assert emap.type_of(typ, value) == _type_of_reference(emap, typ, value), (typ, value)
