"""Mentions and their names: the :class:`Entity` record, normalisation of a mention to its facet
value, and the linking of mentions across one text (defined short forms, parts of full names).

Normalisation: a title the model kept at the head of a person stays in the mention but is
dropped from the name, and the alias table joins well-known short forms ("AS" -> "Amerika
Serikat", "Jokowi" -> "Joko Widodo"). Linking: a short form the text defines in parentheses
after a name that it spells ("Komisi Penyiaran Indonesia (KPI)") is that name in the rest of
the text, also where the tagger left it out (spaced apart after the name, "( UMS )", it is a
mention of it itself), and a one-word mention of a part of a person's full name seen earlier in
the same text becomes that person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import lru_cache

from indexer._ner import is_short_form
from indexer.entities.facts import ALIASES, COMMON_NAME_PARTS, TITLE_QUALIFIERS, TITLES
from indexer.entities.runs import SHORT_DEF_RE, word_occurrences
from indexer.words import WORD_RE


@dataclass(frozen=True, slots=True)
class Entity:
    """One entity mention: ``text[start:end]`` is the mention, ``name`` its facet value."""

    name: str  # normalised facet value
    type: str  # "PER" | "ORG" | "LOC"
    start: int  # char offsets of the mention in the text
    end: int


# Setters of Entity's slots, in field order; its frozen dataclass __init__ reaches them through
# one object.__setattr__ call each, which takes twice as long.
_ENTITY_SLOTS = tuple(Entity.__dict__[f.name].__set__ for f in fields(Entity))


def make_entity(name: str, typ: str, start: int, end: int) -> Entity:
    """``Entity(name, typ, start, end)`` for the hot path (one per mention found)."""
    ent = object.__new__(Entity)
    set_name, set_type, set_start, set_end = _ENTITY_SLOTS
    set_name(ent, name)
    set_type(ent, typ)
    set_start(ent, start)
    set_end(ent, end)
    return ent


_SPACES_RE = re.compile(r"\s+")
# A short form of this many letters or fewer is written in capitals ("KAI", "MA", "BI"): the
# same letters as a capitalised word are a person's name (EXO's "Kai", Jack "Ma"), not it.
SHORT_ALIAS = 3
# Short forms the alias table joins only in a mention typed a place: "Amerika" in a person's or an
# organisation's name is no country.
PLACES_ONLY_ALIASES = frozenset({"amerika"})


def normalise(surface: str, typ: str) -> tuple[str, str]:
    """The facet value and type of a mention, before cross-mention linking."""
    name = surface
    # Printable (no whitespace but " ") and single-spaced, as runs are: nothing to squeeze.
    if not surface.isprintable() or "  " in surface or surface[:1] == " " or surface[-1:] == " ":
        name = _SPACES_RE.sub(" ", surface).strip()
    if typ == "PER":
        titled = False
        while " " in name:
            head, rest = name.split(" ", 1)
            low = head.rstrip(".").lower()
            if not (low in TITLES or (titled and low in TITLE_QUALIFIERS)):
                break
            name, titled = rest, True
    alias = ALIASES.get(name.lower())
    if alias is not None and (typ == "LOC" or name.lower() not in PLACES_ONLY_ALIASES):
        if len(name) > SHORT_ALIAS or not name.istitle():
            return alias
        return name, "PER"
    return name, typ


# normalise of the hot paths: the same mentions recur across texts.
normalised = lru_cache(maxsize=1 << 16)(normalise)


NAME_PARTS_CACHE: dict[str, tuple[str, ...]] = {}
MAX_NAME_PARTS = 1 << 16  # entries; the cache is emptied when full


def identifying_parts(name: str) -> tuple[str, ...]:
    """The lower-cased parts of a person's full name that identify that person alone (cached:
    the same names recur across texts)."""
    parts = NAME_PARTS_CACHE.get(name)
    if parts is None:
        if len(NAME_PARTS_CACHE) >= MAX_NAME_PARTS:
            NAME_PARTS_CACHE.clear()
        parts = tuple([low for low in map(str.lower, name.split(" "))
                       if len(low) > 2 and low not in COMMON_NAME_PARTS])
        NAME_PARTS_CACHE[name] = parts
    return parts


def link_people(entities: list[Entity]) -> list[Entity]:
    """Map a one-word mention that is part of an earlier full person name to that person."""
    parts: dict[str, str] = {}
    out = entities
    for k, ent in enumerate(entities):
        name = ent.name
        if " " in name:
            if ent.type == "PER":
                for low in identifying_parts(name):
                    parts[low] = name
        elif parts:
            full = parts.get(name.lower())
            if full is not None and (ent.type == "PER" or name.lower() not in ALIASES):
                if out is entities:
                    out = list(entities)
                out[k] = make_entity(full, "PER", ent.start, ent.end)
    return out


def letters(short: str) -> str:
    """The letters of a short form, lower case ("Dr.PH" -> "drph")."""
    return "".join(c for c in short.lower() if c.isalpha())


def plain_is_short_form(short: str, name: str) -> bool:
    """Whether ``short`` spells ``name`` as leading letters of its words, in order, starting
    with the first word; words may be left out ("UMS": Universitas Muhammadiyah Surakarta,
    "STKS": Sekolah Tinggi Kesejahteraan Sosial, "Caltex": California Texas, "Jokowi": Joko
    Widodo). The reference of ``is_short_form`` (``indexer._ner_names``, compiled), which
    every caller uses."""
    lets = letters(short)
    words = [w for w in name.lower().split(" ") if w[:1].isalpha()]
    if len(lets) < 2 or len(words) < 2:
        return False
    return _spells(lets, words, 0, 0, {})


def _spells(lets: str, words: list[str], i: int, j: int, seen: dict[tuple[int, int], bool]) -> bool:
    """Whether ``lets[i:]`` is a prefix of ``words[j]`` and then prefixes of later words
    (``seen``: the answers so far; a plain memo, as this runs for every name with a short form
    after it)."""
    done = seen.get((i, j))
    if done is not None:
        return done
    word = words[j]
    k = 0
    found = False
    while not found and k < len(word) and i + k < len(lets) and word[k] == lets[i + k]:
        k += 1
        found = i + k == len(lets) or any(_spells(lets, words, i + k, n, seen)
                                          for n in range(j + 1, len(words)))
    seen[i, j] = found
    return found


def _short_form_after(text: str, ent: Entity) -> tuple[str, re.Match[str] | None] | None:
    """The short form written in parentheses right after ``ent`` (a name of several words),
    with its match when it stands outside the mention, or None."""
    end = ent.end
    if text.startswith(" (", end):
        m = SHORT_DEF_RE.match(text, end)
        if m is not None:
            return m.group(1), m
    elif text.endswith(")", ent.start, end):  # "Mahkamah Konstitusi (MK)": in the mention
        surface = text[ent.start : end]
        return surface[surface.rfind("(") + 1 : -1].strip(), None
    return None


def link_short_forms(text: str, entities: list[Entity]) -> list[Entity]:
    """A short form defined in parentheses right after a name ("Komisi Penyiaran Indonesia
    (KPI)", "Universitas Muhammadiyah Surakarta ( UMS )") is that entity: its later mentions in
    the text get the name's facet value and type, and so do its later occurrences that the
    tagger left out. A short form of the alias table keeps its alias (one facet value for "KPK"
    across articles). A short form in parentheses outside the mention that no entity covers is
    itself a mention of that entity (NERGrit tags "UMS" in "Universitas Muhammadiyah Surakarta
    ( UMS )" apart, with the name's type)."""
    if "(" not in text and ")" not in text:  # most headlines: no short form can be defined
        return entities
    first = next((k for k, ent in enumerate(entities)
                  if " " in ent.name and defines_short_form(text, ent)), None)
    if first is None:  # most texts define no short form
        return entities
    return link_short_forms_from(text, entities, first)


def link_short_forms_from(text: str, entities: list[Entity], first: int) -> list[Entity]:
    """:func:`link_short_forms` of ``entities``, whose first mention that defines a short form
    (:func:`defines_short_form`, a name of several words) is ``entities[first]``."""
    defined: dict[str, tuple[str, str]] = {}
    defined_at: dict[str, int] = {}
    out: list[Entity] = entities[:first]
    starts: set[int] | None = None
    for ent in entities[first:]:
        if defined:
            known = defined.get(text[ent.start : ent.end])
            if known is not None:
                ent = Entity(known[0], known[1], ent.start, ent.end)
        out.append(ent)
        if " " not in ent.name:
            continue
        after = _short_form_after(text, ent)
        if after is None:
            continue
        short, m = after
        if short.lower() not in ALIASES and is_short_form(short, ent.name):
            defined[short] = (ent.name, ent.type)
            defined_at.setdefault(short, m.end() if m is not None else ent.end)
            if m is not None:
                if starts is None:
                    starts = {e.start for e in entities}
                if m.start(1) not in starts:
                    out.append(Entity(ent.name, ent.type, m.start(1), m.end(1)))
    if defined:
        out = _later_short_forms(text, out, defined, defined_at)
    return out


def defines_short_form(text: str, ent: Entity) -> bool:
    """Whether ``ent`` (a name of several words) defines a short form of itself."""
    after = _short_form_after(text, ent)
    return after is not None and after[0].lower() not in ALIASES \
        and is_short_form(after[0], ent.name)


def _later_short_forms(text: str, entities: list[Entity], defined: dict[str, tuple[str, str]],
                       defined_at: dict[str, int]) -> list[Entity]:
    """``entities`` with a mention added for each occurrence of a defined short form after its
    definition that no entity overlaps ("Juru bicara BSSN ..." after "Badan Siber dan Sandi
    Negara (BSSN)"), in text order."""
    added: list[Entity] = []
    for short, (name, typ) in defined.items():
        for s, e in word_occurrences(text, short, defined_at[short]):
            if not any(x.start < e and s < x.end for x in (*entities, *added)):
                added.append(Entity(name, typ, s, e))
    if not added:
        return entities
    return sorted([*entities, *added], key=lambda x: x.start)


# An acronym in parentheses after the words it stands for ("Pajak Kendaraan Bermotor (PKB)").
_DEFINED_RE = re.compile(r"\(\s?([A-Z]{2,6})\s?\)")
# Small words an expansion may hold in lower case ("Penghapusan terhadap Kekerasan Seksual").
_EXPANSION_JOINS = frozenset({"dan", "atau", "terhadap", "untuk", "di", "dari", "ke", "pada",
                              "of", "and", "for", "the", "de"})


# How far before an acronym's bracket its expansion's words are read.
EXPANSION_REACH = 160


def _expansion(text: str, at: int, short: str) -> str | None:
    """The fewest capitalised words right before ``text[at]`` that ``short`` spells, or None."""
    words = WORD_RE.findall(text, max(0, at - EXPANSION_REACH), at)[-(len(short) + 4):]
    for k in range(2, len(words) + 1):
        tail = words[-k:]
        if not tail[0][:1].isupper():
            continue
        if all(w[:1].isupper() or w in _EXPANSION_JOINS for w in tail) \
                and is_short_form(short, " ".join(tail)):
            return " ".join(tail)
    return None


def _long_words(name: str) -> set[str]:
    return {w.lower() for w in WORD_RE.findall(name) if len(w) >= 4}


# The acronyms (lower case) that a text may define as other words than their alias's name: those
# of the alias table of no person that spell their alias's name, and that _DEFINED_RE can find;
# each with the long words of that name, which a definition as other words shares none of.
DEFINABLE_ACRONYMS: dict[str, frozenset[str]] = {
    key: frozenset(_long_words(name)) for key, (name, typ) in ALIASES.items()
    if typ != "PER" and re.fullmatch("[a-z]{2,6}", key)
    and is_short_form(key, name.replace("-", " "))}


def defined_otherwise(text: str) -> dict[str, str]:
    """The acronyms of the alias table that ``text`` defines as other words than the alias's
    name, which the acronym also spells ("Rancangan Undang-Undang Penghapusan Kekerasan Seksual
    (PKS)", "Pajak Kendaraan Bermotor (PKB)"), with those words: there they name that, not
    the alias (a party). A translation of the alias's name spells no other acronym ("World
    Health Organization (WHO)"), so it is never such a definition."""
    if "(" not in text:
        return {}
    out: dict[str, str] = {}
    for m in _DEFINED_RE.finditer(text):
        short = m.group(1)
        alias_words = DEFINABLE_ACRONYMS.get(short.lower())
        if alias_words is None or short in out:
            continue
        spelled = _expansion(text, m.start(), short)
        if spelled is not None and not _long_words(spelled) & alias_words:
            out[short] = spelled
    return out


def drop_defined_otherwise(text: str, entities: list[Entity],
                           defined: dict[str, str]) -> list[Entity]:
    """``entities`` where a mention of an acronym of ``defined`` (as :func:`defined_otherwise`
    finds them) that was read as its alias is the entity its definition's words are, where the
    text names that one ("Partai Bulan Bintang (PBB)"), or else no mention (a law, a tax)."""
    if not defined:
        return entities
    named = {e.name: e.type for e in entities}
    out = []
    for e in entities:
        surface = text[e.start : e.end]
        spelled = defined.get(surface)
        if spelled is not None and ALIASES[surface.lower()][0] == e.name:
            typ = named.get(spelled)
            if typ is None:
                continue
            e = Entity(spelled, typ, e.start, e.end)
        out.append(e)
    return out
