"""The compiled passes (``indexer.entities._passes``, ``._links``) give what their plain
references give (the functions of the same names in ``retype``, ``compass``, ``regions``,
``names``, ``places`` and ``passes``): on the mentions each pass gets from the tagger and the
passes before it in corpus texts, and on texts made of the words the passes look for, next to
words that only look like them (other cases, letters beyond ASCII whose lower case is longer or
ASCII, digits, hyphens, brackets)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import indexer.entities as entities
from indexer.entities import (
    Entity,
    _links,
    _passes,
    compass,
    load_model,
    names,
    passes,
    places,
    regions,
    retype,
)
from indexer.entities.facts import (
    CLUB_FIRST,
    CLUB_LAST,
    CLUB_MATCH,
    CLUB_ROLES,
    CLUB_SUFFIXES,
    COMPASS,
    UNIT_PREFIXES,
    UNIT_WORDS,
)
from indexer.entities.names import normalise

CORPUS = Path("corpus") / "clickid-news" / "articles.jsonl.gz"

# pass name -> (compiled, plain reference)
PAIRS: dict[str, tuple[Callable[..., Any], Callable[..., Any]]] = {
    "sports_teams": (_passes.sports_teams, retype.sports_teams),
    "club_names": (_passes.club_names, retype.club_names),
    "official_units": (_passes.official_units, retype.official_units),
    "compass_places": (_passes.compass_places, compass.compass_places),
    "places_in_names": (_passes.places_in_names, retype.places_in_names),
    "korean_names": (_links.korean_names, retype.korean_names),
    "alias_types": (_links.alias_types, retype.alias_types),
    "foreign_bodies": (_links.foreign_bodies, retype.foreign_bodies),
    "club_short_names": (_passes.club_short_names, retype.club_short_names),
    "unit_seats": (_passes.unit_seats, regions.unit_seats),
    "link_people": (_links.link_people, names.link_people),
    "link_short_forms": (_links.link_short_forms, names.link_short_forms),
    "one_kind_lists": (_links.one_kind_lists, passes.one_kind_lists),
    "join_cut_names": (_links.join_cut_names, passes.join_cut_names),
    "join_place_names": (_links.join_place_names, places.join_place_names),
    "alias_people": (_links.alias_people, passes.alias_people),
    "defined_otherwise": (_links.defined_otherwise, names.defined_otherwise),
}


def test_the_extractor_runs_the_compiled_passes() -> None:
    for name, (fast, _) in PAIRS.items():
        assert getattr(entities, name) is fast


def test_compiled_passes_are_their_references_on_corpus_texts(
        shared_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every call ``text_entities`` makes of a compiled pass, on the bodies and headlines of
    every 8th of 12,000 corpus articles, gives its reference's answer; and so the mentions are
    those of the references."""
    with gzip.open(shared_dir / CORPUS, "rt", encoding="utf-8") as fh:
        texts = [str(d.get(f) or "") for d in map(json.loads, islice(fh, 0, 12000, 8))
                 for f in ("title", "body")]
    model = load_model()
    want = [entities.text_entities(t, model) for t in texts]
    changed = dict.fromkeys(PAIRS, 0)

    def checked(name: str) -> Callable[..., Any]:
        fast, plain = PAIRS[name]

        def run(*args: Any, **kwargs: Any) -> Any:
            got, ref = fast(*args, **kwargs), plain(*args, **kwargs)
            assert got == ref, (name, args[0][:200])
            if name == "defined_otherwise":
                changed[name] += ref != {}
            else:
                changed[name] += ref != args[0 if name in ("alias_types", "link_people") else 1]
            return ref
        return run

    for name in PAIRS:
        monkeypatch.setattr(entities, name, checked(name))
    assert [entities.text_entities(t, model) for t in texts] == want
    # the comparison covers the passes' changes, not only their ways to change nothing (no
    # person mention of these texts is named as an organisation: alias_types changes none)
    assert [k for k, v in changed.items() if not v] == ["alias_types"], changed


def test_compiled_name_parts_are_the_references(shared_dir: Path) -> None:
    """``link_people`` fills the name-parts cache the reference reads too: every entry the
    compiled pass makes over 2,000 corpus bodies is what ``names.identifying_parts`` computes
    with the cache emptied."""
    with gzip.open(shared_dir / CORPUS, "rt", encoding="utf-8") as fh:
        texts = [str(d.get("body") or "") for d in map(json.loads, islice(fh, 2000))]
    model = load_model()
    names.NAME_PARTS_CACHE.clear()
    for text in texts:
        entities.extract_entities(text, model)
    made = dict(names.NAME_PARTS_CACHE)
    names.NAME_PARTS_CACHE.clear()
    assert len(made) > 2000
    assert {name: names.identifying_parts(name) for name in made} == made
    assert sum(len(parts) < len(name.split(" ")) for name, parts in made.items()) > 100


# Words the passes look for, and words that only look like them.
_WORDS = sorted(
    {*CLUB_MATCH, *CLUB_ROLES, *CLUB_FIRST, *CLUB_LAST, *CLUB_SUFFIXES, *COMPASS, *UNIT_WORDS,
     *UNIT_PREFIXES, "kapolres", "akp", "kasat", "reskrim", "brigjen"}
    | {w.title() for w in (*CLUB_FIRST, *CLUB_LAST, *CLUB_SUFFIXES, *COMPASS, *UNIT_WORDS)}
    | {w.upper() for w in (*CLUB_FIRST, *COMPASS, "fc")}
    | {"Real", "Madrid", "Persija", "Bali", "Jakarta", "Papua", "Spanyol", "Indonesia", "Joko",
       "Mei", "Juni", "2-1", "2", "-", "1", "19-21", "Utara-nya", "utara2", "Selatan_",
       "İnter", "\u212aemenkes", "Σelatan", "Ütara", "Bék", "vs", "Vs", "ke", "di", ",", "(",
       ")", "(PSSI)", "Sabtu", "Senin", "Kemenangan", "Kemenkes", "Polres", "Polda", "dan",
       "Badan", "Siber", "Sandi", "Negara", "(BSSN)", "BSSN", "Komisi", "Penyiaran", "(KPI)",
       "KPI", "( KPI )", "Go", "Hae", "Ri", "Song", "Joong", "Ki", "Parc", "des", "Princes",
       "van", "of", "Taman", "Makam", "Pahlawan", "(TMP)", "Kalibata", "berinisial", "AS",
       "MA", "(15)", "Dinas", "Kesehatan", "Kota", "Depok", "DKI", "Hotman", "Paris", "Arab",
       "Saudi", "Kerajaan", "Widodo", "Jokowi", "Kadis", "Kominfo", "Amerika",
       "Serikat", "Kementerian", "Luar", "Negeri", "Pakistan", "/", "atau", "serta", "INISIAL",
       "Berinisial", "\"", "(38)", "(38 tahun)", "RN", "X", "ab", "BJ", "Bj", "bj", "Habibie",
       "HABIBIE", "Gus", "GUS", "Dur", "DUR", "Pajak", "Kendaraan", "Bermotor", "(PKB)", "( PKB )",
       "(PKB", "(pkb)", "(PKBX)", "(ABCDEFG)", "(\u2003PKS)", "Rancangan", "Undang-Undang",
       "Penghapusan", "Kekerasan", "Seksual", "(PKS)", "Partai", "Kebangkitan", "Bangsa",
       "Keadilan", "Sejahtera", "BANGSA", "Bangsa-bangsa"})


@st.composite
def _text_and_mentions(draw: st.DrawFn) -> tuple[str, list[Entity]]:
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=14))
    seps = draw(st.lists(st.sampled_from([" ", " ", " ", "  ", "", ", ", ". "]),
                         min_size=len(words), max_size=len(words)))
    spans, text = [], ""
    for word, sep in zip(words, seps, strict=True):
        spans.append((len(text), len(text) + len(word)))
        text += word + sep
    ents: list[Entity] = []
    k = 0
    while k < len(spans):
        size = draw(st.integers(0, 3))
        if size == 0 or k + size > len(spans):
            k += 1
            continue
        start, end = spans[k][0], spans[k + size - 1][1]
        surface = text[start:end]
        if surface.strip() == surface and surface:
            typ = draw(st.sampled_from(["PER", "ORG", "LOC"]))
            ents.append(Entity(normalise(surface, typ)[0], typ, start, end))
        k += size
    return text, ents


def test_the_age_after_initials_begins_with_a_bracket() -> None:
    """``_links.join_place_names`` looks for ``AGE_AFTER_RE`` only where "(" follows a mention,
    at once or after one space."""
    from indexer.entities.facts import AGE_AFTER_RE

    assert AGE_AFTER_RE.pattern.startswith(" ?\\(")


def _both(name: str, text: str, ents: list[Entity]) -> tuple[Any, Any]:
    """What the compiled pass and its reference make of ``ents``, each called as
    ``text_entities`` calls it."""
    model = load_model()
    args: tuple[Any, ...] = (text, ents)
    if name in ("sports_teams", "korean_names", "one_kind_lists"):
        args = (text, ents, model.facts)
    elif name == "places_in_names":
        args = (text, ents, model.tagger.extract)
    elif name in ("alias_types", "link_people"):
        args = (ents,)
    elif name == "defined_otherwise":
        args = (text,)
    fast, plain = PAIRS[name]
    return fast(*args), plain(*args)


@settings(max_examples=3000, deadline=None)
@given(_text_and_mentions())
def test_compiled_passes_are_their_references_on_made_texts(
        case: tuple[str, list[Entity]]) -> None:
    text, ents = case
    for name in PAIRS:
        got, want = _both(name, text, ents)
        assert got == want, name
    for lower in (False, True):
        assert _passes.compass_places(text, ents, lower) \
            == compass.compass_places(text, ents, lower)


@dataclass(frozen=True, slots=True)
class _Mention(Entity):
    """A mention of another class than Entity, whose slots the compiled passes read directly
    (``indexer/entities/_mention.pxd``): its fields are read by name."""


@settings(max_examples=300, deadline=None)
@given(_text_and_mentions())
def test_compiled_passes_read_other_mentions_by_name(case: tuple[str, list[Entity]]) -> None:
    text, ents = case
    others: list[Entity] = [_Mention(e.name, e.type, e.start, e.end) for e in ents]
    for name in PAIRS:
        got, want = _both(name, text, others)
        assert got == want, name
