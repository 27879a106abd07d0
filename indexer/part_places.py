"""A place's name written as a part of a longer name of something else, which the extractor read
as the place alone:

* the name of a military area command after its Roman number ("Kodam XVII/[[Cenderawasih]]",
  "Pangdam I/[[Bukit Barisan]]"): a command is numbered in Roman numerals and named after a
  hero, a kingdom or an emblem, not the place it covers (a district command, numbered in
  digits, is named after its town: "Kodim 1702/Jayawijaya" keeps its place);
* the last words of a name its acronym in brackets spells with the capitalised words written
  right before the place ("Aliansi Mahasiswa [[Papua]] (AMP)", "Komite Nasional [[Papua Barat
  (KNPB)]]", "Konsulat Jenderal [[Republik Indonesia (KJRI)]]"), unless the first of those
  words makes a name of the place itself or of a site named after it ("Daerah Istimewa
  Yogyakarta (DIY)", "Republik Indonesia (RI)", "Taman Nasional Gunung Rinjani (TNGR)":
  a kind of region or ``data/place_parts.txt`` [the place's own]);
* the first words of a region's name the extractor cut before the word that tells which part
  of a region it is ("Kabupaten [[Rokan]] Hulu", "Universitas [[Riau]] Kepulauan"), a word of
  ``data/place_parts.txt`` [after a place] written right after it;
* in a body, the first words of another place's name the corpus has, cut before its last word
  ("[[Padang]] Sidimpuan", "[[Kota Padang]] Sidempuan", "[[Jakarta]] Pusat", "[[Tegal]] Alur",
  "[[Papua]] Nugini"; ``other``: the corpus's places' raw values but those the map makes the
  mention's own place, with a town's kind before the name or not), unless that word is a place's
  name itself ("Senayan Jakarta", "Kota Tua Jakarta": a place and the town it is in), a town's
  kind ("Bekasi Kota": the city) or written in capitals ("Presiden RI BJ Habibie": initials),
  or the mention is a country's name, which a people's or a group's name may follow
  ("pemberontak Yaman Houthi", Yemen's Houthi rebels).

In one article (:func:`in_longer_names`, by ``reindex`` and ``add`` alike), such a mention is
dropped, and so is a place every mention of which in the article is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final

from indexer.entities.facts import DATA, countries, read_sections
from indexer.region_kinds import LOCAL, PROVINCE, TOWNS
from indexer.words import WORD_PATTERN

# A Roman number and a slash right before a mention ("XVII/"; "Blok M/Senayan" is none).
_COMMAND_RE: Final = re.compile(r"(?<![^\W_])[IVX]+ ?/\Z")
# The text before a mention read for a Roman number.
_COMMAND_REACH: Final = 12
# An acronym in brackets: right after the place's words, inside the mention or after it.
_ACRONYM_RE: Final = re.compile(r" \(([A-Z]{2,10})\)")
# The place's words before an acronym written inside its mention.
_INSIDE_RE: Final = re.compile(r"(.+) \(([A-Z]{2,10})\)\Z")
# The text before a mention read for the words an acronym spells.
_REACH: Final = 120
# Lower-case words an acronym leaves out ("Persekutuan Gereja-gereja di Indonesia (PGI)").
_LINKS: Final = frozenset({"di", "dan", "untuk", "se", "of", "the", "and", "for", "de"})
_WORDS: Final = read_sections(DATA / "place_parts.txt")
# The first words of a longer name that is the place's own or a site's named after it.
_OWN: Final = frozenset({PROVINCE, *TOWNS, *LOCAL, *_WORDS["the place's own"]})
# Words after a region's name that make another region's.
_PARTS: Final = _WORDS["after a place"]
_WORD_RE: Final = re.compile(WORD_PATTERN)
_CLAUSE_RE: Final = re.compile(r"[^\w\s'’-]")
_PART_AFTER_RE: Final = re.compile(rf" ({WORD_PATTERN})")


def in_longer_names(title: str, body: str, mentions: Iterable[Mapping[str, Any]],
                    is_place: Callable[[Mapping[str, Any]], bool],
                    other: Callable[[Mapping[str, Any], str], bool] = lambda m, v: False
                    ) -> set[tuple[str, int]]:
    """The (field, start) of one article's place mentions (the extractor's, ``is_place(m)``:
    whether the map keeps ``m`` a place's) written as a part of a longer name (see the module;
    ``other(m, v)``: whether the corpus has ``v`` as a place's raw value the map makes another
    place than ``m``'s)."""
    out: set[tuple[str, int]] = set()
    for m in mentions:
        if m["type"] != "LOC":  # one the map retypes a place is a building's or a venue's name
            continue
        end = m["end"]
        text = body if m["field"] == "body" else title
        # most places stand after no slash, before no bracket and no capitalised word
        after = text[end:end + 2]
        start = m["start"]
        if after == " (" or text[end - 1] == ")":
            found = _spelt(text, start, end)
        elif after[1:].isupper() and after[0] == " ":
            found = _cut_region(text, end) or (
                m["field"] == "body" and _cut_name(text, m, other))
        else:
            found = False
        if not found and start and text[start - 1] == "/":
            found = _COMMAND_RE.search(text, max(0, start - _COMMAND_REACH), start) is not None
        if found and is_place(m):
            out.add((m["field"], start))
    return out


def _spelt(text: str, start: int, end: int) -> bool:
    """Whether the acronym in brackets after the place's words at ``[start, end)`` spells the
    capitalised words right before it (links left out) and the place's words."""
    inside = _INSIDE_RE.match(text, start, end)
    if inside:
        place, acronym = inside.group(1), inside.group(2)
    else:
        after = _ACRONYM_RE.match(text, end)
        if after is None:
            return False
        place, acronym = text[start:end], after.group(1)
    tail = "".join(w[0] for w in _WORD_RE.findall(place) if w[0].isupper()).upper()
    if not tail or len(acronym) <= len(tail) or not acronym.endswith(tail):
        return False
    head = acronym[:-len(tail)]
    if text[start - 1:start] != " ":
        return False
    # the words of the clause before the place, up to a punctuation mark
    words = _WORD_RE.findall(_CLAUSE_RE.split(text[max(0, start - _REACH):start])[-1])
    spelt: list[str] = []
    for w in reversed(words):
        if w[0].isupper():
            spelt.append(w)
        elif w not in _LINKS:
            break
        if len(spelt) == len(head):
            return "".join(x[0] for x in reversed(spelt)).upper() == head and (
                spelt[-1].lower().rsplit("-", 1)[-1] not in _OWN)
    return False


def _cut_region(text: str, end: int) -> bool:
    """Whether the word right after a mention ending at ``end`` names a part of a region."""
    after = _PART_AFTER_RE.match(text, end)
    return after is not None and after.group(1)[0].isupper() and after.group(1).lower() in _PARTS


def _cut_name(text: str, m: Mapping[str, Any],
              other: Callable[[Mapping[str, Any], str], bool]) -> bool:
    """Whether the mention ``m`` and the capitalised word right after it make the name of
    another place the corpus has (``other``), that word being no place's name, no town's kind
    and not written in capitals, the mention no country's name."""
    after = _PART_AFTER_RE.match(text, m["end"])
    if after is None:
        return False
    word = after.group(1)
    written = text[m["start"]:m["end"]]
    if word.isupper() or word.lower() in TOWNS or written.lower() in countries() \
            or other(m, word):
        return False
    first, _, rest = written.partition(" ")
    name = f"{rest if first.lower() in TOWNS and rest else written} {word}"
    return other(m, f"{written} {word}") or other(m, name) or any(
        other(m, f"{kind.capitalize()} {name}") for kind in TOWNS)
