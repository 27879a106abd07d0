"""Passes over the tagger's mentions of one text that use facts and the text around them.

* An official name that "dan" cuts in two is one organisation when the short form after it
  spells the whole name ("Badan Siber dan Sandi Negara (BSSN)"); one of the gazetteer that
  "dan" or commas cut into runs is one ORG where the text spells it out (:func:`part_name`,
  called by the tagger).
* Names listed together are of one kind ("Bayat, Cawas, Pedan dan Karangdowo").
* A person the alias table names in several words ("BJ Habibie") is a PER wherever the text
  writes the name capitalised, also inside a longer run.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from indexer.entities.facts import ALIASES
from indexer.entities.labels import TYPES
from indexer.entities.names import Entity, letters, make_entity, normalise
from indexer.entities.runs import RUN_RE, SHORT_DEF_RE, acronym_end, word_occurrences
from indexer.initials import CONNECTIVES, initials


def _spells_every_word(short: str, name: str) -> bool:
    """Whether ``short`` is the initials of every word of ``name`` but "dan", in order ("BSSN":
    Badan Siber dan Sandi Negara; not "PES" for two companies' names in a row)."""
    lets = letters(short)
    return len(lets) >= 3 and lets == initials(name.lower().split(" "), skip=CONNECTIVES)


def join_cut_names(text: str, entities: list[Entity]) -> list[Entity]:
    """An official name that "dan" cuts in two is one organisation when the short form in
    parentheses right after it is the initials of the whole name: "Badan Pajak dan Retribusi
    Daerah (BPRD)" is one ORG, where the tagger found only "Badan Pajak" (or took "Sandi
    Negara" in "Badan Siber dan Sandi Negara (BSSN)" for a person). The organisation the tagger
    found is extended over the rest of the name (and the short form, written as
    :func:`acronym_end` takes one in); mentions inside are dropped."""
    out: list[Entity] = []
    covered = -1
    for ent in entities:
        if ent.start < covered:
            continue
        out.append(ent)
        if ent.type != "ORG" or not text.startswith(" dan ", ent.end):
            continue
        rest = RUN_RE.match(text, ent.end + 5)
        short = SHORT_DEF_RE.match(text, rest.end()) if rest is not None else None
        if rest is None or short is None:
            continue
        name = text[ent.start : rest.end()]
        if short.group(1).lower() not in ALIASES and _spells_every_word(short.group(1), name):
            covered = acronym_end(text, rest.end())  # "(BPRD)" joins it, "( BPRD )" does not
            out[-1] = Entity(normalise(name, "ORG")[0], "ORG", ent.start, covered)
    return out


# What stands between the names of one list: "A, B", "A , B", "A/B"; a list ends with
# "(,) dan / atau / serta" before its last name.
_LIST_COMMA_RE = re.compile(r" ?[,/] ?")
_LIST_LAST_RE = re.compile(r"(?: ?,)? (?:dan|atau|serta) ")


def one_kind_lists(
    text: str, entities: list[Entity], facts: Mapping[str, str]
) -> list[Entity]:
    """Names listed together are of one kind: in a list of three or more mentions ("Bayat,
    Cawas, Trucuk, Pedan dan Karangdowo"; "Taeyeon, Sunny, Tiffany dan Yuri") where most
    mentions share a type, the others take it too. A list is mentions joined by commas (or
    "/"); "dan", "atau" or "serta" joins its last one, so in "Tiongkok dan Mongolia, Soegeng
    Rahardjo" the person starts no list with the places. A mention that is a fact (a
    well-known place or organisation, an alias) keeps its type."""
    out = entities
    n = len(entities)
    i = 0
    while i < n - 2:
        j = i
        last = False  # whether "dan" / "atau" / "serta" joined the list's last name
        while j + 1 < n:
            gap_start, gap_end = entities[j].end, entities[j + 1].start
            if gap_end - gap_start > 9:  # longer than " , serta ": most gaps, no regex
                break
            if not _LIST_COMMA_RE.fullmatch(text, gap_start, gap_end):
                last = _LIST_LAST_RE.fullmatch(text, gap_start, gap_end) is not None
                j += last
                break
            j += 1
        size = j - i + 1
        if size >= 3:
            kinds = [e.type for e in entities[i : j + 1]]
            typ = max(TYPES, key=kinds.count)
            if size < 2 * kinds.count(typ) < 2 * size:  # a strict majority, not all of them
                if out is entities:
                    out = list(entities)
                for x in range(i, j + 1):
                    ent = entities[x]
                    surface = text[ent.start : ent.end]
                    low = surface.lower()
                    if ent.type != typ and low not in facts and low not in ALIASES:
                        out[x] = Entity(normalise(surface, typ)[0], typ, ent.start, ent.end)
        # The last name of a list closed by "dan" may head the next one ("A dan B, C, D").
        i = j if last else j + 1
    return out


def part_name(
    text: str, run_end: int, run_low: str, parts: Sequence[tuple[str, Sequence[str]]]
) -> tuple[int, int] | None:
    """(start, end) of an official name that "dan" or commas cut into runs, when the run
    ending at ``run_end`` (lower-cased ``run_low``) ends with its first part and ``text``
    spells out the rest; ``parts``: (first part, full names longest first), lower case."""
    for head, names in parts:
        if not run_low.endswith(head):
            continue
        k = len(run_low) - len(head)
        if k and run_low[k - 1] != " ":
            continue
        start = run_end - len(head)
        for name in names:
            end = start + len(name)
            if text[start:end].lower() == name and not text[end : end + 1].isalnum():
                return start, end
    return None


# People the alias table names in more than one word ("BJ Habibie", "Gus Dur"): a fact, a
# person wherever the text writes the name capitalised ("BJ Habibie", "Bj Habibie", "BJ
# HABIBIE"), even inside a longer run ("Presiden ke-3 RI BJ Habibie"), where the tagger, short
# of gold examples of initials before a name, may not see it.
ALIAS_PEOPLE: dict[str, str] = {
    form: key
    for key, (_, typ) in ALIASES.items()
    if typ == "PER" and " " in key
    for form in (key.title(), key.upper(),
                 " ".join(w.upper() if len(w) < 3 else w.title() for w in key.split(" ")))
}

# The forms lower-cased: a text that writes a form holds it lower-cased in ``text.lower()`` (the
# forms have no "Σ", the one letter whose lower case depends on the letters around it).
_ALIAS_PEOPLE_LOW: tuple[str, ...] = tuple(dict.fromkeys(form.lower() for form in ALIAS_PEOPLE))


def alias_people(text: str, entities: list[Entity]) -> list[Entity]:
    """Each multi-word person alias the text spells (see :data:`ALIAS_PEOPLE`) as one PER
    mention in place of the mentions it overlaps."""
    # One lower-cased copy of the text and one search per person find the texts that can hold a
    # form (most hold none) faster than one search per form.
    low = text.lower()
    if not any(form in low for form in _ALIAS_PEOPLE_LOW):
        return entities
    out = entities
    for form, key in ALIAS_PEOPLE.items():
        for s, e in word_occurrences(text, form):
            out = [x for x in out if x.end <= s or x.start >= e]
            name, typ = ALIASES[key]
            out.append(make_entity(name, typ, s, e))
    if out is not entities:
        out.sort(key=lambda x: x.start)
    return out
