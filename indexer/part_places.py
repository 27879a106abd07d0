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
* the first words of a name its acronym in brackets spells with the capitalised words written
  right after the place, two or more ("[[Solo]] International Performing Art (SIPA)", an
  event; "[[Singapura]] Tourism Board (STB)", "[[Jakarta]] International Container Terminal
  (JICT)"): fewer would take the place's own name cut short ("Amerika Seriakt (AS)");
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
  ("pemberontak Yaman Houthi", Yemen's Houthi rebels);
* the first words of an organisation's or a person's name the corpus has (``named``), cut before
  its capitalised words ("[[AS]] Roma", "[[Victoria]] Beckham"; a company's name counts
  without its legal forms: "[[Solo]] Manufaktur Kreasi" of "PT Solo Manufaktur Kreasi",
  "[[Kuala Lumpur]] Kepong" of "Kuala Lumpur Kepong Bhd"), or the last words of a person's name
  cut after its first ("Naomi [[Osaka]]", "Izmy [[Yaman]] Hatuwe"; its first words count: "Nur
  [[Asia]]" of "Nur Asia Uno"), unless the word after makes another region's, a point of the
  compass or a town's kind ("Senayan Jakarta Pusat", "Metro Bekasi Kota"), the word before is a
  region's kind, or, cut before, the mention is a country's name ("Presiden [[Madagaskar]]
  Andry Rajoelani": a head of state's title and his name).

In one article (:func:`in_longer_names`, by ``reindex`` and ``add`` alike), such a mention is
dropped, and so is a place every mention of which in the article is.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final

from indexer.entities.facts import COMPASS, DATA, countries, read_sections
from indexer.initials import initials
from indexer.org_names import LEGAL_FORMS
from indexer.region_kinds import LOCAL, PROVINCE, TOWNS
from indexer.words import WORD_PATTERN, WORD_RE

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
OWN_WORDS: Final = frozenset({PROVINCE, *TOWNS, *LOCAL, *_WORDS["the place's own"]})
# Words after a region's name that make another region's.
_PARTS: Final = _WORDS["after a place"]
_CLAUSE_RE: Final = re.compile(r"[^\w\s'’-]")
_PART_AFTER_RE: Final = re.compile(rf" ({WORD_PATTERN})")
# Two capitalised words or more after a place's mention (links between them), then an acronym
# in brackets: the rest of a name the acronym spells with the place's words.
_SPELT_AFTER_RE: Final = re.compile(
    r"((?: (?:[A-Z][\w'’-]*|di|dan|untuk|of|the|and|for|de)){2,8}) \(([A-Z]{3,10})\)")
# The capitalised words after a place's mention read as the rest of a longer name.
_NAMED_AFTER_RE: Final = re.compile(r"(?: [A-Z][\w'’.-]*){1,3}")
# The word before a place's mention read as the first of a person's name.
_NAMED_BEFORE_RE: Final = re.compile(r"(?<![\w'’.-])[A-Z][\w'’-]* \Z")
# The text before a mention read for that word.
_BEFORE_REACH: Final = 30
# The articles an organisation's or a person's raw value is found in for a place's mention cut
# from it to be read so (one is a slip of the extractor as often as a name).
NAMED_MIN: Final = 2
# Words after which a place's name is still a region's or a point of one.
_REGION_AFTER: Final = COMPASS | _PARTS | TOWNS | {"pusat"}


def in_longer_names(title: str, body: str, mentions: Iterable[Mapping[str, Any]],
                    is_place: Callable[[Mapping[str, Any]], bool],
                    other: Callable[[Mapping[str, Any], str], bool] = lambda m, v: False,
                    named: Callable[[str], str | None] = lambda v: None
                    ) -> set[tuple[str, int]]:
    """The (field, start) of one article's place mentions (the extractor's, ``is_place(m)``:
    whether the map keeps ``m`` a place's) written as a part of a longer name (see the module;
    ``other(m, v)``: whether the corpus has ``v`` as a place's raw value the map makes another
    place than ``m``'s; ``named(v)``: "ORG" or "PER" where the corpus has ``v`` as an
    organisation's or a person's raw value often enough, or a company's name without its legal
    forms, "START" where as the first words of a person's, else None: :func:`named_as`)."""
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
                m["field"] == "body" and _cut_name(text, m, other)) or _named(text, m, named) \
                or _spelt_after(text, start, end)
        else:
            found = False
        if not found and start > 1 and text[start - 1] == " " and text[start - 2].isalpha() \
                and text[text.rfind(" ", max(0, start - _BEFORE_REACH), start - 1) + 1].isupper():
            found = _named(text, m, named, True)
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
    tail = initials(w for w in WORD_RE.findall(place) if w[0].isupper()).upper()
    if not tail or len(acronym) <= len(tail) or not acronym.endswith(tail):
        return False
    head = acronym[:-len(tail)]
    if text[start - 1:start] != " ":
        return False
    # the words of the clause before the place, up to a punctuation mark
    words = WORD_RE.findall(_CLAUSE_RE.split(text[max(0, start - _REACH):start])[-1])
    spelt: list[str] = []
    for w in reversed(words):
        if w[0].isupper():
            spelt.append(w)
        elif w not in _LINKS:
            break
        if len(spelt) == len(head):
            return initials(reversed(spelt)).upper() == head and (
                spelt[-1].lower().rsplit("-", 1)[-1] not in OWN_WORDS)
    return False


def _spelt_after(text: str, start: int, end: int) -> bool:
    """Whether two capitalised words or more after the place's words at ``[start, end)`` and an
    acronym in brackets after them make a name the acronym spells (links left out)."""
    after = _SPELT_AFTER_RE.match(text, end)
    if after is None:
        return False
    rest = [w for w in after.group(1).split() if w not in _LINKS]
    words = [*WORD_RE.findall(text[start:end]), *rest]
    return len(rest) >= 2 and rest[0].lower() not in _REGION_AFTER and \
        initials(words).upper() == after.group(2)


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


def named_as(counts: Mapping[str, Mapping[str, int]], parts: Mapping[str, str],
             value: str) -> str | None:
    """"ORG" or "PER" where the corpus has ``value`` as an organisation's or a person's raw value
    in ``NAMED_MIN`` articles or more (``counts``: type -> raw value -> articles), else what
    ``parts`` (:func:`name_parts`) makes it, or None."""
    for typ in ("ORG", "PER"):
        if counts.get(typ, {}).get(value, 0) >= NAMED_MIN:
            return typ
    return parts.get(value)


def name_parts(counts: Mapping[str, Mapping[str, int]]) -> dict[str, str]:
    """Parts of the corpus's names (``counts``: type -> raw value -> articles): "START" for the
    first two words or more, short of the whole, of a person's raw value of ``NAMED_MIN``
    articles or more ("Nur Asia" of "Nur Asia Uno"); "ORG" for a company's name without its
    legal forms, its raw values of any type with them found in ``NAMED_MIN`` articles or more
    in all ("Solo Manufaktur Kreasi" of "PT Solo Manufaktur Kreasi", "Kuala Lumpur Kepong" of
    "Kuala Lumpur Kepong Bhd")."""
    out: dict[str, str] = {}
    for v, n in counts.get("PER", {}).items():
        if n >= NAMED_MIN and v.count(" ") > 1:
            words = v.split(" ")
            out.update((" ".join(words[:k]), "START") for k in range(2, len(words)))
    stems: Counter[str] = Counter()
    for found in counts.values():
        for v, n in found.items():
            words = v.split(" ")
            first, last = 0, len(words)
            while first < last and words[first].lower() in LEGAL_FORMS:
                first += 1
            while last > first and words[last - 1].lower() in LEGAL_FORMS:
                last -= 1
            if 0 < last - first < len(words):
                stems[" ".join(words[first:last])] += n
    out.update((stem, "ORG") for stem, n in stems.items() if n >= NAMED_MIN)
    return out


def _named(text: str, m: Mapping[str, Any], named: Callable[[str], str | None],
           before: bool = False) -> bool:
    """Whether the mention ``m`` and up to three capitalised words right after it (``before``:
    with the capitalised word right before it, and none to three after) make an organisation's
    or a person's name the corpus has (``named``; with a word before, a person's only)."""
    written = text[m["start"]:m["end"]]
    head = ""
    if before:
        found = _NAMED_BEFORE_RE.search(text, max(0, m["start"] - _BEFORE_REACH), m["start"])
        if found is None or found.group()[:-1].lower() in OWN_WORDS:
            return False
        head = found.group()
    elif written.lower() in countries():
        return False
    after = _NAMED_AFTER_RE.match(text, m["end"])
    rest = after.group().split(" ")[1:] if after else []
    if rest and rest[0].lower() in _REGION_AFTER:
        return False
    for k in range(len(rest), -1 if before else 0, -1):
        name = " ".join([head + written, *rest[:k]])
        typ = named(name)
        if typ == "PER" or (typ == "START" and before) or (typ == "ORG" and not before):
            return True
    return False
