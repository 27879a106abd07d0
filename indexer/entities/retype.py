"""Passes that correct a mention's type from its words and the text around it, with facts of
``indexer/data/`` rather than the tagger's weights (the gold data has few such names):

* **official units**: a person or place mention that begins with a unit word
  (``org_units.txt``: "Polres Tangsel", "Dinkes Provinsi Riau") is an organisation (what the
  tagger found an organisation stays as it is); a rank or title inside it starts the person it
  names ("Kasat Reskrim Polres Garut AKP Maradona" -> ORG
  "Polres Garut", PER "Maradona"); a unit word alone names no one body and is dropped;
* **sports teams**: a place named as a team ("menjamu Levante", "Sevilla menjamu", "Sevilla
  vs Barcelona", "Valencia 2-0", "pemain Valencia"; ``club_context.txt``) is an organisation
  everywhere in that text, unless it is a country (a national team); so is a person-looking
  name that ends like a club ("Kalteng Putra vs Persebaya"), and wherever it is written, a
  name with a club's first or last word ("Real Madrid", "Borussia Dortmund", "Bali United");
  and in a text that names such a club ("Real Madrid"), the rest of its name alone ("Madrid")
  is the club (:func:`club_short_names`);
* **alias types**: a person mention whose name the alias table gives as an organisation or a
  place ("Kadis Kominfo": Kementerian Komunikasi dan Informatika) takes that type;
* **Korean names**: three one-syllable words beginning with a Korean family name
  (``korean_surnames.txt``: "Go Hae Ri", "Song Joong Ki") are a person, whatever the tagger
  made of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from indexer.entities.facts import (
    ALIASES,
    CALENDAR_WORDS,
    CLUB_FIRST,
    CLUB_LAST,
    CLUB_MATCH,
    CLUB_ROLES,
    CLUB_SUFFIXES,
    KOREAN_SURNAMES,
    TITLE_QUALIFIERS,
    TITLES,
    countries,
    unit_word,
)
from indexer.entities.names import Entity, normalised
from indexer.words import word_before

_WORD_RE = re.compile(r"\S+")


def _low(word: str) -> str:
    return word.rstrip(".,").lower()


def is_unit_word(word: str) -> bool:
    """Whether ``word`` begins the name of an official body ("Polres", "Kemenkes")."""
    return unit_word(_low(word))


def is_title(word: str) -> bool:
    low = _low(word)
    return low in TITLES or low in TITLE_QUALIFIERS


def unit_parts(text: str, ent: Entity) -> list[Entity] | None:
    """What a person or place mention is when it begins with a unit word (after the titles of
    a person mention: "Kasat Reskrim Polres Garut AKP Maradona"), or None to keep it."""
    surface = text[ent.start : ent.end]
    words = [(m.start(), m.end()) for m in _WORD_RE.finditer(surface)]
    h = 0
    if ent.type == "PER":
        while h < len(words) - 1 and is_title(surface[words[h][0] : words[h][1]]):
            h += 1
    head = surface[words[h][0] : words[h][1]] if words else ""
    if not is_unit_word(head):
        return None
    if len(words) - h == 1:
        return None if surface.lower() in ALIASES else []
    # A title after the unit's name starts the person it names ("Polres Garut AKP Maradona",
    # "Polri Brigjen Dedi"); the unit's name is two words at least, unless its one word is a
    # name of its own ("Polri"): "Dinas Humas", "Polda Metro Jaya" are names.
    first_cut = h + 1 if _low(head) in ALIASES else h + 2
    cut = next((i for i in range(first_cut, len(words))
                if _low(surface[words[i][0] : words[i][1]]) in TITLES), None)
    start, org_end = words[h][0], words[cut - 1][1] if cut is not None else words[-1][1]
    name, typ = normalised(surface[start:org_end], "ORG")
    out = [Entity(name, typ, ent.start + start, ent.start + org_end)]
    if cut is not None:
        j = cut
        while j < len(words) and is_title(surface[words[j][0] : words[j][1]]):
            j += 1
        if j < len(words) and surface[words[j][0]].isupper():
            rest = surface[words[j][0] :]
            # what follows a unit's titles may be another unit ("... Narkoba Polda Metro Jaya")
            kind = "ORG" if is_unit_word(surface[words[j][0] : words[j][1]]) else "PER"
            name, typ = normalised(rest, kind)
            out.append(Entity(name, typ, ent.start + words[j][0], ent.end))
    return out


def official_units(text: str, entities: list[Entity]) -> list[Entity]:
    """Mentions that begin with a unit word as the organisation (and person) they name."""
    out: list[Entity] | None = None
    for k, ent in enumerate(entities):
        parts = None
        # Most mentions begin with no unit word and no title: one look at the first word.
        if ent.type != "ORG":
            space = text.find(" ", ent.start, ent.end)
            first = text[ent.start : space if space >= 0 else ent.end].lower()
            if unit_word(first) or (ent.type == "PER" and first in TITLES):
                parts = unit_parts(text, ent)
        if parts is None:
            if out is not None:
                out.append(ent)
            continue
        if out is None:
            out = entities[:k]
        out.extend(parts)
    return entities if out is None else out


_SCORE_RE = re.compile(r"\d{1,2}-\d{1,2}")


def after_score(words: list[str]) -> str | None:
    """The word after a score that ``words`` begin with ("2-1 Valencia", "2 - 1 Valencia")."""
    if len(words) > 1 and _SCORE_RE.fullmatch(words[0]):
        return words[1]
    if len(words) > 3 and words[0].isdigit() and words[1] == "-" and words[2].isdigit():
        return words[3]
    return None


def _shown_as_team(text: str, ent: Entity) -> bool:
    """Whether the words next to ``ent`` show it as a team: a word of a match right before or
    after it, a team's role word before it (not for a person-looking name), or a score between
    it and another name ("Barcelona 5-2 Valencia"; not "Jalan Sugiono 19-21", "Hanoi 4-8
    Juni": the word on the other side must be a name and no calendar word)."""
    start, end = ent.start, ent.end
    prev = nxt = ""
    if start > 1 and text[start - 1] == " ":
        prev = text[text.rfind(" ", 0, start - 1) + 1 : start - 1].lower()
    if text[end : end + 1] == " ":
        stop = text.find(" ", end + 1)
        nxt = text[end + 1 : stop if stop >= 0 else len(text)].lower()
    if prev in CLUB_MATCH or nxt in CLUB_MATCH or (ent.type != "PER" and prev in CLUB_ROLES):
        return True
    for other in (after_score(text[end : end + 30].split()) if nxt[:1].isdigit() else None,
                  after_score(text[max(0, start - 30) : start].split()[::-1])
                  if prev[:1].isdigit() else None):
        if other is not None and other[:1].isupper() and other.lower() not in CALENDAR_WORDS:
            return True
    return False


def sports_teams(text: str, entities: list[Entity], facts: Mapping[str, str]) -> list[Entity]:
    """Places (and club-like person names) that the text shows as teams, as organisations:
    every mention of a name that one of its mentions (of any type) shows as a team."""
    lows = [text[e.start : e.end].lower() for e in entities]
    # Only names that some place or person mention has can change: most texts end here.
    names = {low for e, low in zip(entities, lows, strict=True)
             if e.type != "ORG" and low not in facts and low not in ALIASES}
    if not names:
        return entities
    teams: set[str] = set()
    for ent, low in zip(entities, lows, strict=True):
        if low not in names or low in teams:
            continue
        space = low.find(" ")
        if space > 0 and (low[:space] in CLUB_FIRST or low[low.rfind(" ") + 1 :] in CLUB_LAST):
            teams.add(low)  # "Real Madrid", "Norwich City FC": a club's name wherever written
        elif (ent.type != "PER" or low[low.rfind(" ") + 1 :] in CLUB_SUFFIXES) \
                and _shown_as_team(text, ent) and low not in countries():
            teams.add(low)
    if not teams:
        return entities
    return [Entity(normalised(text[e.start : e.end], "ORG")[0], "ORG", e.start, e.end)
            if e.type != "ORG" and low in teams else e
            for e, low in zip(entities, lows, strict=True)]


WORD_AT_RE = re.compile(r"[^\W\d_]+")


def _head_before(text: str, start: int) -> tuple[int, str]:
    """The word of letters right before ``text[start]`` and one space (:func:`~indexer.words.
    word_before`), with its offset; ``(start, "")`` where there is none: a club's first word
    or a person's first name is written so ("AS Roma", "Hotman Paris")."""
    if start < 2 or text[start - 1] != " " or not text[start - 2].isalpha():
        return start, ""  # most mentions: no letter and one space before them
    # Most words before a name are letters after a space: word_before's answer, one look back.
    space = text.rfind(" ", max(0, start - 40), start - 1)
    if space >= 0 and text[space + 1 : start - 1].isalpha():
        return space + 1, text[space + 1 : start - 1]
    before, word = word_before(text, start)
    if before + len(word) + 1 != start or not word.isalpha():
        return start, ""
    return before, word


def club_names(text: str, entities: list[Entity]) -> list[Entity]:
    """A place or person mention the tagger cut from a club's name is the club: with the
    club's last word written right after it ("Bali United", "Aceh United", where the tagger
    reads a well-known place and drops the word), or after a club's first word that is no
    other mention than a place's ("AS Roma": "AS" is also the United States' short form).
    The whole name becomes one organisation's mention."""
    out: list[Entity] | None = None
    inside: set[int] = set()  # mentions of a first word now inside the club's ("AS")
    for k, ent in enumerate(entities):
        if ent.type == "ORG":
            continue
        start, stop = ent.start, ent.end
        if text[stop : stop + 1] == " " and text[stop + 1 : stop + 2].isupper():
            found = WORD_AT_RE.match(text, stop + 1)
            if found is not None and found.group()[:1].isupper() \
                    and found.group().lower() in CLUB_LAST \
                    and (k + 1 == len(entities) or entities[k + 1].start >= found.end()):
                stop = found.end()
        if ent.type == "LOC":
            before, head = _head_before(text, start)
            # as the pass has it: a last word it gave the mention before is not this one's
            prev = (entities if out is None else out)[k - 1] if k > 0 else None
            if head[:1].isupper() and head.lower() in CLUB_FIRST and (
                    prev is None or prev.end <= before
                    or (prev.start == before and prev.end == start - 1 and prev.type == "LOC")):
                if prev is not None and prev.start == before:
                    inside.add(k - 1)
                start = before
        if (start, stop) == (ent.start, ent.end):
            continue
        if out is None:
            out = list(entities)
        out[k] = Entity(normalised(text[start:stop], "ORG")[0], "ORG", start, stop)
    if out is None:
        return entities
    return [e for k, e in enumerate(out) if k not in inside]


_SHORT_FORM_RE = re.compile(r" ?\([^()]*\)")


def foreign_bodies(text: str, entities: list[Entity]) -> list[Entity]:
    """An organisation named right before a foreign country ("Departemen Keuangan AS",
    "Kementerian Luar Negeri Pakistan") is that country's body, not the one its name alone
    stands for in Indonesian news (Indonesia's): one organisation's mention of the whole
    name."""
    out: list[Entity] | None = None
    inside: set[int] = set()
    for k in range(len(entities) - 1):
        org, place = entities[k], entities[k + 1]
        if (org.type == "ORG" and place.type == "LOC" and place.start == org.end + 1
                and text[org.end] == " " and k not in inside and place.name != "Indonesia"
                and "(" not in text[place.start : place.end]
                and place.name.lower() in countries()):
            if out is None:
                out = list(entities)
            # The body's short form in parentheses is no part of the foreign body's name
            # ("Kementerian Luar Negeri (Kemlu) Pakistan").
            name = _SHORT_FORM_RE.sub("", text[org.start : place.end])
            out[k + 1] = Entity(normalised(name, "ORG")[0], "ORG", org.start, place.end)
            inside.add(k)
    if out is None:
        return entities
    return [e for k, e in enumerate(out) if k not in inside]


_WORD_READINGS: dict[str, bool] = {}
_MAX_WORD_READINGS = 1 << 14


def reads_as_person(word: str, extract: Callable[[str], list[Entity]]) -> bool:
    """Whether the tagger reads ``word`` alone as a person's name (remembered by word)."""
    found = _WORD_READINGS.get(word)
    if found is None:
        if len(_WORD_READINGS) >= _MAX_WORD_READINGS:
            _WORD_READINGS.clear()
        ents = extract(word)
        found = _WORD_READINGS[word] = (
            len(ents) == 1 and ents[0].type == "PER" and ents[0].end - ents[0].start == len(word))
    return found


def places_in_names(text: str, entities: list[Entity],
                    extract: Callable[[str], list[Entity]]) -> list[Entity]:
    """A place mention right after a capitalised word that no mention holds, no title, which
    the tagger reads alone as a person's name, is a word of that person's name, where the
    tagger dropped the other word: "Hotman Paris" (the lawyer Hotman Paris Hutapea, not the
    city), "Indra Jepang"; no mention (``extract``: the tagger's, for one word)."""
    dropped: set[int] = set()
    for k, ent in enumerate(entities):
        if ent.type != "LOC":
            continue
        before, word = _head_before(text, ent.start)
        if word[:1].isupper() and not is_title(word) \
                and (k == 0 or entities[k - 1].end <= before) \
                and reads_as_person(word, extract):
            dropped.add(k)
    if not dropped:
        return entities
    return [e for k, e in enumerate(entities) if k not in dropped]


# A place word right before a name: there it is the city, not its club ("kota Madrid"); a
# capitalised word: there it is part of a longer name ("Atletico Madrid").
_CITY_BEFORE_RE = re.compile(r"(?:\b(?:[Kk]ota|[Dd]i|[Kk]e|[Dd]ari)|[A-Z][\w.-]*)\s+\Z")


def club_rest(name: str) -> str | None:
    """A club's name without its club word ("Real Madrid" -> "madrid", "Bali United" ->
    "bali"), lower case; None for a name that has none first or last."""
    words = name.lower().split(" ")
    if len(words) >= 2 and words[0] in CLUB_FIRST:
        return " ".join(words[1:])
    if len(words) >= 2 and words[-1] in CLUB_LAST:
        return " ".join(words[:-1])
    return None


def club_short_names(text: str, entities: list[Entity]) -> list[Entity]:
    """In a text that names a club with its club word first or last ("Real Madrid", "AC Milan",
    "Bali United"), the rest of that name written alone ("Madrid dikabarkan mengincar ...",
    "Bali unggul 2-0") is that club, where no other organisation of the text begins or ends
    with the same rest ("Real Madrid" and "Atletico Madrid"; "Manchester United" and
    "Manchester City") and neither a place word ("di Madrid", "kota Madrid") nor a capitalised
    word (another club's name the tagger missed) stands right before it."""
    clubs: dict[str, set[str]] = {}
    for ent in entities:
        rest = club_rest(ent.name) if ent.type == "ORG" else None
        if rest is not None:
            clubs.setdefault(rest, set()).add(ent.name)
    if not clubs:
        return entities
    for ent in entities:  # other organisations named with the same rest share it
        low = ent.name.lower()
        if ent.type == "ORG" and " " in low:
            for rest in (low[: low.rfind(" ")], low[low.find(" ") + 1 :]):
                if rest in clubs:
                    clubs[rest].add(ent.name)
    out = []
    for ent in entities:
        named = clubs.get(ent.name.lower())
        if (named is not None and len(named) == 1 and ent.name.lower() not in countries()
                and _CITY_BEFORE_RE.search(text, max(0, ent.start - 30), ent.start) is None):
            ent = Entity(next(iter(named)), "ORG", ent.start, ent.end)
        out.append(ent)
    return out


# One syllable of Korean as romanised: an initial consonant (or none), a vowel, a final.
SYLLABLE_RE = re.compile(
    r"(?:kk|tt|pp|ss|jj|ch|[bcdghjkmnprstwy])?h?[yw]?(?:ae|eo|eu|oe|ui|oo|ee|ou|[aeiou])"
    r"(?:ng|[klmnpt])?"
)


def korean_names(text: str, entities: list[Entity], facts: Mapping[str, str]) -> list[Entity]:
    """Places and organisations that are Korean names ("Go Hae Ri"), as persons."""
    out: list[Entity] | None = None
    for k, ent in enumerate(entities):
        if ent.type != "PER" and ent.name.count(" ") == 2:
            words = ent.name.lower().split(" ")
            if (words[0] in KOREAN_SURNAMES
                    and all(SYLLABLE_RE.fullmatch(w) for w in words)
                    and ent.name.lower() not in facts):
                if out is None:
                    out = list(entities)
                out[k] = Entity(ent.name, "PER", ent.start, ent.end)
    return entities if out is None else out


# The type the alias table gives each of its names ("Kementerian Komunikasi dan Informatika":
# ORG), for the names that are no person's.
ALIAS_TYPES: dict[str, str] = {name: typ for name, typ in ALIASES.values() if typ != "PER"}


def alias_types(entities: list[Entity]) -> list[Entity]:
    """Person mentions whose name is an organisation's or place's in the alias table, typed so
    (a title before a short form, "Kadis Kominfo", made the tagger see a person)."""
    out: list[Entity] | None = None
    for k, ent in enumerate(entities):
        typ = ALIAS_TYPES.get(ent.name)
        if typ is not None and ent.type == "PER":
            if out is None:
                out = list(entities)
            out[k] = Entity(ent.name, typ, ent.start, ent.end)
    return entities if out is None else out
