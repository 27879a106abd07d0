"""What the words around one article's mentions say about its names, gathered for the
corpus-level map (:mod:`indexer.entity_norm`) as the articles are written:

* **other names**: a name and its short form or nickname side by side, the short one in
  parentheses ("Bambang Soesatyo (Bamsoet)", "Ustaz Abdul Somad (UAS)") or a nickname before
  "julukan" and the name it stands for ("The Reds, julukan Liverpool", "Maung Bandung --
  julukan Persib", "The Blues –julukan Chelsea–"): a *link* (type, short) -> (type, name);
  a given name and surname with the nickname quoted between them ("Josep ‘Pep’ Guardiola":
  Josep Guardiola -> Pep Guardiola, joined where the corpus writes both names);
  and a person's one-word name after a given name and an Arabic particle the mention left out
  ("Turki al-Maliki"): a link to the whole name, which the map may show the word as
  (:func:`completions`);
* **credits**: a name written as the source of a report ("seperti dilansir Sputnik", "dikutip
  dari Goal") or as the subject of a law ("Undang-Undang Nomor 30 Tahun 2002 tentang
  Pemberantasan Tindak Pidana Korupsi"; ``data/credit_words.txt``).

Each is counted once per article. The map joins a short name with the one name its links
point to, and drops a name the corpus mostly writes as a credit.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Final

from indexer._text import credit_before
from indexer.entities.facts import DATA, TITLES, read_sections
from indexer.entity_groups import Groups, group_counts, merge_groups
from indexer.name_keys import name_words
from indexer.name_kinds import article_kinds
from indexer.org_names import LEGAL_FORMS, acronym_of

Name = tuple[str, str]  # (type, value)
# What stands between a nickname and the name it stands for.
_NICKNAME_GAP_RE: Final = re.compile(r"\s*(?:,|-{1,2}|–|—)?\s*julukan\s+")
_WORD_RE: Final = re.compile(r"[\w-]+")
# A mention that takes in the short form after it ("Bambang Soesatyo (Bamsoet)").
_INNER_SHORT_RE: Final = re.compile(r".*\S \( ?([^()\s][^()]*?) ?\)")
# A given name and an Arabic name's particle right before a mention that left them out
# ("Turki al-[Maliki]"): the whole name, which the mention's one word stands for.
_PARTICLE_BEFORE_RE: Final = re.compile(r"\b([A-Z][a-z]+ (?:al|Al|el|El)-)$")
# A nickname quoted between a given name and a surname ("Josep ‘Pep’ Guardiola"): the
# nickname with the surname is the name with it.
_QUOTE_OPEN: Final = "‘'\"“"
_GIVEN_BEFORE_RE: Final = re.compile(r"\b([A-Z][\w-]+) [‘'\"“]$")
_SURNAME_AFTER_RE: Final = re.compile(r"[’'\"”] ([A-Z][\w-]+)\b")
# The word right before a mention (a title the mention left out: "Ustaz [Abdul Somad (UAS)]").
_WORD_BEFORE_RE: Final = re.compile(r"([\w-]+) $")


@cache
def _credit_words() -> dict[str, frozenset[str]]:
    return read_sections(DATA / "credit_words.txt")


# The last word of a text and the word before it, matched on the text reversed (anchored at its
# start, so no position is tried but the first): words as ``_WORD_RE`` finds them, reversed.
_LAST_TWO_REVERSED_RE: Final = re.compile(r"[^\w-]*([\w-]+)(?:[^\w-]+([\w-]+))?")


@cache
def cite_then() -> tuple[frozenset[str], frozenset[str]]:
    """The words of citing a source before its name and the words that may stand between the
    two ("dilansir dari X", "mengutip laman X"), lower case: ``data/credit_words.txt``."""
    lists = _credit_words()
    return lists["cite"], lists["then"]


def cited(text: str, start: int) -> bool:
    """:func:`_cited`, decided by the compiled scan where the characters before ``start`` are
    ASCII (``tests/test_evidence_fast_paths.py`` holds the two equal)."""
    found = credit_before(text, start, *cite_then())
    return found > 0 if found >= 0 else _cited(text, start)


@cache
def _reversed_credit_words() -> tuple[frozenset[str], frozenset[str]]:
    """The citing words and the "then" words of :func:`_credit_words`, each reversed."""
    lists = _credit_words()
    return (frozenset(w[::-1] for w in lists["cite"]),
            frozenset(w[::-1] for w in lists["then"]))


def _cited(text: str, start: int) -> bool:
    """Whether the words right before ``start`` cite what follows as a source of a report or
    name it as the subject of a law: the last word of the 30 characters before it (words as
    ``_WORD_RE`` finds them, lowercased) is a citing word, or a "then" word after a citing word,
    or "tentang" after a law's word among the dozen before it in the 80 characters before."""
    if text[start - 1 : start] not in (" ", "\n"):
        return False
    # This runs for every mention of every article: the last two words of the lowercased 30
    # characters are matched once from their end (``tests/test_evidence_fast_paths.py`` checks
    # it against splitting them all into words).
    last_two = _LAST_TWO_REVERSED_RE.match(text[max(0, start - 30) : start].lower()[::-1])
    if last_two is None:
        return False
    last, before = last_two.groups()
    if last == "gnatnet":  # "tentang"
        words = _WORD_RE.findall(text[max(0, start - 80) : start].lower())
        law = _credit_words()["law"]
        return any(w in law for w in words[-12:-1])
    cite, then = _reversed_credit_words()
    return last in cite or (before is not None and last in then and before in cite)


def shortens(short: str, name: str) -> bool:
    """Whether ``short`` may be a short form of ``name``: shorter, beginning with the same
    letter and made of its letters in order ("Bamsoet": Bambang Soesatyo; "Kepri": Kepulauan
    Riau; "KBRI"; "Antam": PT Aneka Tambang Tbk, a legal form before the name aside; not
    "Suzy" for the part "Go Hae Ri" she plays, nor "Persiraja" for a player of the club,
    written "Rahmanuddin (Persiraja)")."""
    first, _, rest = name.partition(" ")
    if rest and first.lower() in LEGAL_FORMS:
        name = rest
    a = [ch for ch in short.lower() if ch.isalnum()]
    b = [ch for ch in name.lower() if ch.isalnum()]
    if not a or len(a) >= len(b) or a[0] != b[0]:
        return False
    it = iter(b)
    return all(ch in it for ch in a)


def _titled(text: str, m: Mapping[str, Any]) -> str:
    """A person's mention's name with the title written right before the mention, which its
    short form may take in ("Ustaz Abdul Somad (UAS)"); else the name."""
    before = _WORD_BEFORE_RE.search(text, max(0, m["start"] - 20), m["start"]) \
        if m["type"] == "PER" else None
    if before is None or before.group(1).lower() not in TITLES:
        return str(m["name"])
    return f"{before.group(1)} {m['name']}"


def article_evidence(title: str, body: str, mentions: Iterable[Mapping[str, Any]]
                     ) -> tuple[set[tuple[Name, Name]], set[Name]]:
    """The links and the credited names of one article, from its stored mentions (dicts with
    type, name, field, start, end, in text order within each field)."""
    links: set[tuple[Name, Name]] = set()
    credited: set[Name] = set()
    prev: Mapping[str, Any] | None = None
    for m in mentions:
        text = title if m["field"] == "title" else body
        here: Name = (m["type"], m["name"])
        if cited(text, m["start"]):
            credited.add(here)
        if m["type"] == "PER" and text[m["start"] - 1 : m["start"]] == "-":
            whole = _PARTICLE_BEFORE_RE.search(text, max(0, m["start"] - 30), m["start"])
            if whole is not None and " " not in m["name"]:
                links.add((here, ("PER", whole.group(1) + m["name"])))  # "Turki al-Maliki"
        if m["type"] == "PER" and text[m["start"] - 1 : m["start"]] in _QUOTE_OPEN:
            given = _GIVEN_BEFORE_RE.search(text, max(0, m["start"] - 30), m["start"])
            last = _SURNAME_AFTER_RE.match(text, m["end"])
            if given is not None and last is not None and " " not in m["name"]:
                nick = text[m["start"] : m["end"]]  # "Josep ‘Pep’ Guardiola"
                links.add((("PER", f"{given.group(1)} {last.group(1)}"),
                           ("PER", f"{nick} {last.group(1)}")))
        # (the pattern ends with ")")
        inner = _INNER_SHORT_RE.fullmatch(text, m["start"], m["end"]) \
            if text[m["end"] - 1 : m["end"]] == ")" else None
        if inner is not None and (shortens(inner.group(1), m["name"])
                                  or shortens(inner.group(1), _titled(text, m))):
            links.add(((m["type"], inner.group(1)), here))  # "Bambang Soesatyo (Bamsoet)"
        if prev is not None and prev["field"] == m["field"] and prev["name"] != m["name"]:
            there: Name = (prev["type"], prev["name"])
            gap = text[prev["end"] : m["start"]]
            if (gap == " (" and text[m["end"] : m["end"] + 1] == ")"
                    and m["type"] == prev["type"] and shortens(m["name"], prev["name"])):
                links.add((here, there))
            elif "julukan" in gap and _NICKNAME_GAP_RE.fullmatch(gap):
                links.add((there, here))
        prev = m
    return links, credited


@dataclass(slots=True)
class NameEvidence:
    """Article counts of links, of credited names, of the kinds the words before names show
    (:mod:`indexer.name_kinds`) and of persons' nicknames beside their full names
    (:mod:`indexer.nicknames`) over a corpus."""

    links: dict[tuple[Name, Name], int] = field(default_factory=dict)
    cited: dict[Name, int] = field(default_factory=dict)
    kinds: dict[tuple[Name, str], int] = field(default_factory=dict)
    # (nickname, full name) of persons -> articles naming both (:mod:`indexer.nicknames`)
    together: dict[tuple[str, str], int] = field(default_factory=dict)

    def add(self, title: str, body: str, mentions: Iterable[Mapping[str, Any]]) -> None:
        mentions = list(mentions)
        self.count(*article_evidence(title, body, mentions),
                   article_kinds(title, body, mentions))

    def count(self, links: Iterable[tuple[Name, Name]], cited: Iterable[Name],
              kinds: Iterable[tuple[Name, str]] = ()) -> None:
        """Count one article's :func:`article_evidence` and
        :func:`~indexer.name_kinds.article_kinds` (found where the article was prepared)."""
        for k in links:
            self.links[k] = self.links.get(k, 0) + 1
        for n in cited:
            self.cited[n] = self.cited.get(n, 0) + 1
        for nk in kinds:
            self.kinds[nk] = self.kinds.get(nk, 0) + 1


# A short name joins the name its links point to when they are found in this many articles,
# in this share of the short name's articles at least, and that name has this share of its
# links: "The Reds, julukan Liverpool" in 9 of the 49 articles of "The Reds".
LINKS_MIN: Final = 2
LINK_SHARE: Final = 0.1
LINK_DOMINANCE: Final = 2 / 3
# A person's short form of fewer letters is too often another name's ("Adhi Purnomo (AP)";
# "AP", the news agency, elsewhere): it takes no other type.
RETYPED_SHORT_MIN: Final = 3
# A name written as a credit in this many articles, and in half of its articles at least, is
# a news outlet (or a law's subject), no entity.
CREDITS_MIN: Final = 3


def _accepted(n: int, total: int, found: int) -> bool:
    return n >= LINKS_MIN and n >= LINK_SHARE * found and n >= LINK_DOMINANCE * total


def _as_counted(short: Name, counts: Mapping[str, Mapping[str, int]]) -> Name:
    """A person's short form under the type the corpus gives it: its own where it has a
    person's value, else the type that counts it in the most articles ("(UAS)" written in a
    person's mention, read alone as an organisation's acronym). (An organisation's or a
    place's short form keeps its type: the tagger mistakes one for the other in the whole
    names too, "Kuala Lumpur Kepong Bhd (KLK)" read as a place.)"""
    if short[0] != "PER" or len(short[1]) < RETYPED_SHORT_MIN \
            or short[1] in counts.get(short[0], {}):
        return short
    found = [(n, t) for t, c in counts.items() if (n := c.get(short[1], 0))]
    return (max(found)[1], short[1]) if found else short


def nickname_types(evidence: NameEvidence, counts: Mapping[str, Mapping[str, int]]
                   ) -> dict[Name, str]:
    """Short names (values of ``counts``, type -> value -> articles) whose links point to names
    of one other type: the type they take ("The Baby Alien": Marc Marquez's; "Macan
    Kemayoran", read as a place: Persija's). A place becomes only an organisation."""
    by_short: dict[Name, dict[str, int]] = {}
    for (short, whole), n in evidence.links.items():
        if whole[1] in counts.get(whole[0], {}):
            to = by_short.setdefault(_as_counted(short, counts), {})
            to[whole[0]] = to.get(whole[0], 0) + n
    out: dict[Name, str] = {}
    for short, to in by_short.items():
        found = counts.get(short[0], {}).get(short[1])
        typ, n = max(to.items(), key=lambda kv: (kv[1], kv[0]))
        if (found and typ != short[0] and (typ == "ORG" or short[0] != "LOC")
                and _accepted(n, sum(to.values()), found)):
            out[short] = typ
    return out


def join_linked(groups: Groups, evidence: NameEvidence, typ: str,
                places: Collection[str] = ()) -> None:
    """Join each short name of type ``typ`` with the one group its links point to (the
    groups of ``groups``: "Man City" and "Manchester City" are one); not an organisation's or
    a place's whose group is already another body's (:func:`_other_body`; ``places``: the
    variant keys of places' names)."""
    by_short: dict[str, dict[str, int]] = {}
    for (short, whole), n in evidence.links.items():
        if short[0] == whole[0] == typ and short[1] in groups.parent \
                and whole[1] in groups.parent:
            to = by_short.setdefault(short[1], {})
            root = groups.find(whole[1])
            to[root] = to.get(root, 0) + n
    totals = group_counts(groups)
    members = groups.members() if typ != "PER" else {}
    for value, to in sorted(by_short.items()):
        root = groups.find(value)
        to.pop(root, None)
        if to:
            into, n = max(to.items(), key=lambda kv: (kv[1], kv[0]))
            target = groups.find(into)
            if target != root and _accepted(n, sum(to.values()), groups.counts[value]) and not (
                    members and _other_body(value, members[root], members[target], places)):
                merge_groups(groups, totals, into, root)
                if members:
                    both = members.pop(root) + members.pop(target)
                    members[groups.find(into)] = both


def _other_body(short: str, own: Collection[str], linked: Collection[str],
                places: Collection[str]) -> bool:
    """Whether the group of ``short`` (its members ``own``) is already another body's than
    the group its links point to (``linked``): it holds a name of two words or more besides
    ``short`` that shares no word with that group's names and has no word of ``short``
    ("Humas Transjakarta" has), or is ``short`` with its seat, a place (``places``, variant
    keys; not where the links spell ``short`` out by its initials: "DVI Mabes Polri" is
    Disaster Victim Identification's). An earlier join
    read ``short`` as that other body ("PGK" by its initials as Partai Golongan Karya,
    "Persis" with its seat as Persis Solo), a link as this one ("PT Palmindo Gemilang Kencana
    (PGK)", "Persatuan Islam (Persis)"): the two bodies stay apart."""
    part = name_words(short)
    theirs = {w for v in linked for w in name_words(v)}
    spells = any(acronym_of(name_words(v)) == short.strip().lower() for v in linked)
    for v in own:
        words = name_words(v)
        if v == short or len(words) < 2 or not theirs.isdisjoint(words):
            continue
        n = len(part)
        if not set(part) <= set(words) or (words[:n] == part and not spells
                                           and " ".join(words[n:]) in places):
            return True
    return False


def spelt_out(evidence: NameEvidence, typ: str) -> dict[str, set[str]]:
    """Acronyms of type ``typ`` -> the names of three words or more whose initials they are
    that the corpus writes them beside, in parentheses, in :data:`LINKS_MIN` articles or
    more ("PT Palmindo Gemilang Kencana (PGK)"): what the corpus itself says they stand
    for."""
    out: dict[str, set[str]] = {}
    for (short, whole), n in evidence.links.items():
        v = short[1].strip()
        if short[0] == whole[0] == typ and n >= LINKS_MIN and v.isupper() and v.isalpha():
            if len(name_words(whole[1])) >= 3 and acronym_of(name_words(whole[1])) == v.lower():
                out.setdefault(short[1], set()).add(whole[1])
    return out


def linked_words(evidence: NameEvidence, counts: Mapping[str, int]) -> set[str]:
    """The one-word persons' names (values of ``counts``) whose links point to one person's
    name of several words, as :func:`join_linked` accepts them ("Mikhael Moeis (Mika)"): that
    person's, though the word begins another's name too (Mika Kallio)."""
    by_short: dict[str, dict[str, int]] = {}
    for (short, whole), n in evidence.links.items():
        if (short[0] == whole[0] == "PER" and " " not in short[1].strip()
                and " " in whole[1].strip() and short[1] in counts and whole[1] in counts):
            to = by_short.setdefault(short[1], {})
            to[whole[1]] = to.get(whole[1], 0) + n
    return {short for short, to in by_short.items()
            if _accepted(max(to.values()), sum(to.values()), counts[short])}


# A one-word person's name is shown as the whole name its links point to that the corpus never
# writes as a name (the mention left the given name and particle out: "Turki al-Maliki"),
# when they are found in this many articles, and in half of the word's articles at least.
COMPLETE_MIN: Final = 3
COMPLETE_SHARE: Final = 1 / 2


def completions(groups: Groups, evidence: NameEvidence, dropped: Collection[str]
                ) -> dict[str, str]:
    """Roots of groups of one-word persons' names -> the whole name to show them as: the one
    whole name their links point to that is no value, in :data:`COMPLETE_MIN` articles and
    :data:`COMPLETE_SHARE` of the group's."""
    by_root: dict[str, dict[str, int]] = {}
    for (short, whole), n in evidence.links.items():
        if (short[0] == whole[0] == "PER" and short[1] in groups.parent
                and whole[1] not in groups.parent):
            to = by_root.setdefault(groups.find(short[1]), {})
            to[whole[1]] = to.get(whole[1], 0) + n
    totals = group_counts(groups)
    out: dict[str, str] = {}
    for root, to in by_root.items():
        if root in dropped or " " in root.strip():
            continue
        name, n = max(to.items(), key=lambda kv: (kv[1], kv[0]))
        if n >= COMPLETE_MIN and n >= COMPLETE_SHARE * totals[root]:
            out[root] = name
    return out


def credits(evidence: NameEvidence, counts: Mapping[str, Mapping[str, int]]) -> set[Name]:
    """The names the corpus mostly writes as the source of a report."""
    return {n for n, c in evidence.cited.items()
            if c >= CREDITS_MIN and 2 * c >= counts.get(n[0], {}).get(n[1], 0)}


def retyped(evidence: NameEvidence, type_of: Callable[[str, str], str]) -> NameEvidence:
    """``evidence`` with each name under the type ``type_of(type, value)`` gives it."""
    def move(n: Name) -> Name:
        return (type_of(*n), n[1])

    out = NameEvidence(together=dict(evidence.together))
    for (short, whole), c in evidence.links.items():
        key = (move(short), move(whole))
        out.links[key] = out.links.get(key, 0) + c
    for n, c in evidence.cited.items():
        out.cited[move(n)] = out.cited.get(move(n), 0) + c
    for (n, kind), c in evidence.kinds.items():
        out.kinds[(move(n), kind)] = out.kinds.get((move(n), kind), 0) + c
    return out
