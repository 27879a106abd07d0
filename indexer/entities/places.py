"""Places' names the tagger cut short, made whole again in one pass over a text's mentions
(:func:`join_place_names`):

* a site's name that ends with its short form in parentheses, and the place (or the person it
  is named after) right after it, are one place: "Taman Makam Pahlawan (TMP) Kalibata" is the
  cemetery, not the district; "Rumah Sakit Pusat Angkatan Darat (RSPAD) Gatot Soebroto" the
  hospital, not the general. Only a site's name (``data/site_heads.txt``: not "Ogan Komering
  Ulu (OKU) Sumatera Selatan", a region and its province) whose short form spells it;
* a place's name goes on over a foreign particle and the capitalised words after it ("Parc des
  Princes" is the stadium, not a place "Parc"; "London School of Economics"), or over the one
  capitalised word that makes it, or its last word, a well-known place
  (``data/gazetteer_loc.txt``: "Kerajaan Arab Saudi", not "Arab"). A mention inside the words
  taken is dropped;
* two or three capitals that the words around them mark as a private person's initials
  ("berinisial AS", "AS (38)": the ``[initials]`` words of ``data/person_marks.txt`` and an age)
  name no place, body or known person anywhere in that text: a suspect "MA (15)", and "MA" on
  its own later in the story, is not Mahkamah Agung; "AS" not the United States.
"""

from __future__ import annotations

import re
from typing import Final

from indexer.entities.facts import (
    AGE_AFTER_RE,
    DATA,
    INITIALS_MAX,
    load_names,
    load_places,
    read_sections,
)
from indexer.entities.names import Entity, is_short_form, normalise
from indexer.words import WORD_PATTERN, word_before

SITE_HEADS: Final = load_names(DATA / "site_heads.txt")
# A word (indexer.words) that starts with a capital letter.
_CAPITAL_WORD: Final = rf"(?=[A-Z]){WORD_PATTERN}"
# The short form a mention ends with: "Taman Makam Pahlawan (TMP)".
_SHORT_END_RE: Final = re.compile(r"\( ?([^\W\d_][\w.&-]{1,11}) ?\)\Z")
# A foreign particle inside a place's name and the capitalised words after it ("Parc des
# Princes", "Santa Maria della Scala", "Paris van Java": Bandung's nickname, not Paris). Not
# "di" (Indonesian "in"), nor "on" ("Europe on Screen", a festival).
_PARTICLE_RE: Final = re.compile(
    rf" (?:des|de|del|della|du|dos|das|van|of) {_CAPITAL_WORD}(?: {_CAPITAL_WORD})*")
_PARTICLE_STARTS: Final = frozenset("dvo")
_NEXT_WORD_RE: Final = re.compile(rf" ({_CAPITAL_WORD})")
_KNOWN_PLACES: Final = load_places()
# The words right before a private person's initials ("berinisial MA": person_marks.txt).
INITIALS_WORDS: Final = read_sections(DATA / "person_marks.txt")["initials"]


def _marked_initials(text: str, entities: list[Entity]) -> frozenset[str]:
    """The capitals that the words around one of their mentions in ``text`` mark as a private
    person's initials (see the module)."""
    out: set[str] = set()
    for ent in entities:
        if ent.end - ent.start > INITIALS_MAX:
            continue
        written = text[ent.start : ent.end]
        if written.isupper() and written not in out and (
                AGE_AFTER_RE.match(text, ent.end)
                or word_before(text, ent.start)[1].lower() in INITIALS_WORDS):
            out.add(written)
    return frozenset(out)


def site_name(text: str, prev: Entity, ent: Entity) -> Entity | None:
    """The one place a site's name ending in its short form and the name right after it are,
    or None."""
    if (ent.start != prev.end + 1 or ent.type not in ("LOC", "PER") or prev.type != "LOC"
            or text[prev.end - 1 : prev.end] != ")" or text[prev.end] != " "
            or prev.name.split(" ", 1)[0].lower() not in SITE_HEADS):
        return None
    short = _SHORT_END_RE.search(text, prev.start, prev.end)
    if short is None or not is_short_form(short.group(1), prev.name):
        return None
    return Entity(normalise(f"{prev.name} {ent.name}", "LOC")[0], "LOC", prev.start, ent.end)


def going_on(text: str, ent: Entity) -> int:
    """Where a place's name cut short ends, or -1 where it was not cut."""
    more = _PARTICLE_RE.match(text, ent.end)
    if more is not None:
        return more.end()
    word = _NEXT_WORD_RE.match(text, ent.end)
    if word is not None:
        last = ent.name.rsplit(" ", 1)[-1]
        if f"{last} {word.group(1)}".lower() in _KNOWN_PLACES:
            return word.end()
    return -1


def join_place_names(text: str, entities: list[Entity]) -> list[Entity]:
    """The mentions of ``text`` (in text order) with places' names cut short made whole (see
    the module). The cheap tests come first: this runs for every mention of every text."""
    out: list[Entity] = []
    covered = -1
    initials = _marked_initials(text, entities)
    for ent in entities:
        if ent.start < covered or (
                initials and ent.end - ent.start <= INITIALS_MAX
                and text[ent.start : ent.end] in initials):
            continue
        if out and ent.start == out[-1].end + 1 and out[-1].type == "LOC" \
                and text[ent.start - 2] == ")":
            site = site_name(text, out[-1], ent)
            if site is not None:
                out.pop()
                ent = site
        if ent.type != "LOC":
            out.append(ent)
            continue
        # a particle (d-, v-, o-) or a capitalised word after a space
        nxt = text[ent.end + 1 : ent.end + 2]
        if (nxt in _PARTICLE_STARTS or nxt.isupper()) and text[ent.end : ent.end + 1] == " ":
            end = going_on(text, ent)
            if end > 0:
                covered = end
                ent = Entity(normalise(text[ent.start : end], "LOC")[0], "LOC", ent.start, end)
        out.append(ent)
    return out
