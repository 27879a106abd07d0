"""The per-article place rules that :func:`~indexer.map_apply.apply_map` hands only an article's
place mentions (in_events, spoken, in_longer_names, in_org_names, club_places, whole_places) read
no other mention: each finds the same with every mention as with the place mentions alone."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.event_places import in_events
from indexer.name_places import whole_places
from indexer.org_places import OrgLeads, club_keys, club_places, in_org_names
from indexer.part_places import in_longer_names
from indexer.spoken_places import spoken

# Words that make the rules fire around a place: events' words, languages', clubs', bodies',
# brackets, lists, and places.
_WORDS = ("Jakarta", "Inggris", "Korea", "Bali", "Madrid", "Bekasi", "Open", "Piala", "Liga",
          "Fashion", "Week", "2019", "bahasa", "suku", "dan", ",", "/", "(", ")", "di", "Real",
          "Persija", "FC", "Bank", "Universitas", "Timur", "kata", "Mandarin", "Kota")
_CLUBS = {"Real Madrid": 40, "Persija Jakarta": 30, "Bank Jakarta": 12,
          "Universitas Korea": 9, "Korea Open": 5}
_PLACES = {"Jakarta": 90, "Inggris": 50, "Korea": 40, "Bali": 30, "Madrid": 20, "Bekasi": 10}


def _orgs() -> OrgLeads:
    leads = OrgLeads()
    leads.fill(_CLUBS, _PLACES, lambda v: True)
    return leads


@st.composite
def _article(draw: st.DrawFn) -> tuple[str, list[dict[str, Any]], set[int]]:
    """A body of the words above, its mentions (some tokens, of any type) and which of them
    the map makes places (by index)."""
    tokens = draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=30))
    body = " ".join(tokens)
    mentions: list[dict[str, Any]] = []
    at = 0
    for i, t in enumerate(tokens):
        start = body.index(t, at)
        at = start + len(t)
        if t[:1].isupper() and draw(st.booleans()):
            n = draw(st.integers(1, 2))
            end = start + len(" ".join(tokens[i:i + n]))
            mentions.append({"type": draw(st.sampled_from(("LOC", "ORG", "PER"))),
                             "name": body[start:end], "field": "body", "start": start,
                             "end": end})
    places = draw(st.sets(st.integers(0, max(0, len(mentions) - 1))))
    return body, mentions, places


@settings(max_examples=400, deadline=None)
@given(_article(), st.sampled_from(("Sepak Bola", "Ekonomi", "")))
def test_each_rule_reads_place_mentions_only(article: tuple[str, list[dict[str, Any]], set[int]],
                                             category: str) -> None:
    body, mentions, chosen = article
    ids = {id(m) for i, m in enumerate(mentions) if i in chosen}

    def is_place(m: Mapping[str, Any]) -> bool:
        return id(m) in ids

    def place(m: Mapping[str, Any]) -> str | None:
        return str(m["name"]) if is_place(m) else None

    at = [m for m in mentions if is_place(m)]
    title = "Piala Korea"
    orgs = _orgs()
    named = club_keys(_CLUBS, {})
    for rule in (
            lambda ms: spoken(title, body, ms, is_place),
            lambda ms: in_events(title, body, ms, is_place),
            lambda ms: in_longer_names(title, body, ms, is_place, lambda m, v: v in _PLACES,
                                       lambda v: "ORG" if v in _CLUBS else None),
            lambda ms: in_org_names(title, body, ms, orgs, is_place),
            lambda ms: club_places(title, body, category, ms, _CLUBS, place, named,
                                   {"madrid"})):
        assert rule(mentions) == rule(at)
    inside = {(m["field"], m["start"]) for i, m in enumerate(mentions) if i % 2 == 0}
    assert whole_places(mentions, inside, place) == whole_places(at, inside, place)
