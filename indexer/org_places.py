"""A place's name written as part of an organisation's, a club's or an event's name that the
extractor read as the place alone: the first words of "Istanbul Basaksehir", "Paris
Saint-Germain", "China Open" (the rest of the name written right after it), or the end of a
name the corpus also writes as one word ("Air Asia" of AirAsia). A journalist filtering the
articles of Istanbul does not want those of a football club only.

When the map is loaded (:meth:`OrgLeads.fill`), the organisations' names are those of the
corpus's organisations' values that are no place's value and that the map keeps as an
organisation's, or that name an event ("China Open", no facet value); a place's value *leads*
one where its words begin that name, and *ends* one written as one word where that word ends
with it.

In one article (:func:`in_org_names`, by ``reindex`` and ``add`` alike), a place's mention is
part of an organisation's name where the capitalised words written right after it (one space
apart) complete such a name with it that does not end with another place's name ("Senayan
Jakarta Pusat" is no organisation's, whatever the extractor read), or where the word right
before it, written together with it, is such a name. The mention is dropped, and so is a
place every mention of which in the article is. A place's name that ends an organisation's
name ("Polda Jawa Timur") says where it is: it stays the place's (but a club's, below).

In an article filed as sports news naming a club (:func:`club_places`: "Real Madrid",
"PSM Makassar", or "Persipura", which the corpus also writes "Persipura Jayapura":
:func:`club_names`), the bare name of the place the club's name ends with stands for the club
("Madrid unggul 3-0", "Rapor Roma", "menjamu , Jayapura"), and so does the place's name a
club's name begins with where a club's last word follows ("Bali United", "Kalteng Putra": the
place's name as written, "Kalteng" of Kalimantan Tengah), unless the article once writes it as
the place: after a locative or a word of a place ("di Madrid", "warga Jayapura", "kelahiran
Medan", "pemain asli Surabaya"; ``data/club_context.txt`` [place]), as an address after a name
("Stadion Surajaya, Lamongan") or a dateline beginning a line ("Jakarta, Selasa (10/9/2019)"),
or in a longer form ("Kota Makassar"). And in sports news a place's mention that ends a club's name
of the corpus with the words written right before it ("Badak [[Lampung]]", "Persipura
[[Jayapura]] 2-0", "Macan [[Kemayoran]]": the names of an organisation one of whose names is a
club's, :func:`club_keys`) is the club's wherever else the article writes the place.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Final

from indexer.club_words import is_club, sports_news
from indexer.entities.facts import (
    CALENDAR_WORDS,
    CLUB_LAST,
    CLUB_PLACE_WORDS,
    CLUB_SUFFIXES,
)
from indexer.generic_values import is_event
from indexer.mention_fields import in_fields
from indexer.name_keys import variant_key
from indexer.name_kinds import SITE, kind_sections
from indexer.region_kinds import PROVINCE, REGENCY_SHORT, TOWNS
from indexer.words import WORD_PATTERN, WORD_RE

# The most words after a place's name that may complete an organisation's name with it.
AFTER_MAX: Final = 4
# A name written as one word this long at least may end with a place's ("AirAsia"); the
# letters before the place's at least.
GLUED_MIN: Final = 6
GLUED_HEAD_MIN: Final = 2
# The text before a mention read for the word before it.
BEFORE_MAX: Final = 40
# The most words before a place's name read for a word that writes it as the place.
PLACE_WORDS_MAX: Final = 3
# The most words of a club's name before a place's name that ends it.
CLUB_HEAD_MAX: Final = 3
# Capitalised words written one space apart right after a mention.
_AFTER_RE: Final = re.compile(rf"(?: (?=[A-Z]){WORD_PATTERN}){{1,{AFTER_MAX}}}")
# The word written right before a mention, one space before it.
_BEFORE_RE: Final = re.compile(rf"(?<![^\W_])({WORD_PATTERN}) \Z")
# Where a payload's text fields end (:class:`~indexer.schema.StoredArticle`'s fields in order:
# the source after the body; a quote inside a JSON string is escaped, so this is the key).
_TEXT_END: Final = b'"source":'
# The same in a payload's bytes, up to white space or a JSON string's end (a word of it
# is then read as in the text).
_AFTER_BYTES_RE: Final = re.compile(rb' ([^\s"\\]+)')
_BEFORE_BYTES_RE: Final = re.compile(rb'([^\s"\\]+) \Z')
# A capitalised name and a comma right before a mention: an address ("Stadion Surajaya, Lamongan").
_ADDRESS_RE: Final = re.compile(r"[A-Z][\w-]*,\s*\Z")
# The words right before a mention, the last a space or a comma apart from it ("kota
# kelahirannya, Madrid"; the corpus's "di,Sleman").
_WORDS_BEFORE_RE: Final = re.compile(
    rf"((?:{WORD_PATTERN} ){{0,{PLACE_WORDS_MAX - 1}}}{WORD_PATTERN})[ ,]\s*\Z")
# A token's last word.
_LAST_WORD_RE: Final = re.compile(rf"(?:{WORD_PATTERN})\Z")
# A comma and a word right after a mention: a dateline's day ("Jakarta, Selasa").
_WORD_AFTER_RE: Final = re.compile(rf",\s*({WORD_PATTERN})")
# A club's last words after a place's name that begins it ("Bali United", "Kalteng Putra").
_CLUB_ENDS: Final = CLUB_SUFFIXES | CLUB_LAST


@dataclass(slots=True)
class OrgLeads:
    """Organisations' names as variant keys (``names``; ``glued``: those of one word), the
    places' keys (``places``); a place's key that begins an organisation's name -> the words
    that go on after it there (``leads``), one that ends a name of one word -> the letters
    before it (``ends``); the places' raw values of those keys (``held``)."""

    names: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    held: dict[str, str] = field(default_factory=dict)  # raw value -> its key
    glued: set[str] = field(default_factory=set)
    leads: dict[str, set[str]] = field(default_factory=dict)
    ends: dict[str, set[str]] = field(default_factory=dict)

    def fill(self, org_counts: Collection[str], place_counts: Collection[str],
             kept: Callable[[str], bool]) -> None:
        """Add the organisations' raw values of ``org_counts`` that are no place's raw value
        (``place_counts``) and that ``kept`` says the map keeps as organisations', or that
        are events' names (:func:`~indexer.generic_values.is_event`: "China Open", which the
        map keeps as no value)."""
        places = self.places
        places.update(variant_key(v) for v in place_counts)
        for v in org_counts:
            k = variant_key(v)
            if k in places or not (kept(v) or is_event(v)):
                continue
            self.names.add(k)
            words = k.split(" ")
            if len(words) > 1:
                for i in range(1, len(words)):
                    if (lead := " ".join(words[:i])) in places:
                        self.leads.setdefault(lead, set()).add(words[i])
            elif len(k) >= GLUED_MIN:
                self.glued.add(k)
                for i in range(GLUED_HEAD_MIN, len(k) - 1):
                    if k[i:] in places:
                        self.ends.setdefault(k[i:], set()).add(k[:i])
        self.held.update((v, k) for v in place_counts
                         if (k := variant_key(v)) in self.leads or k in self.ends)

    def may_hold(self, payload: bytes, places: Iterable[str]) -> bool:
        """Whether one of an article's places' raw values, as its payload (JSON bytes) writes
        it, has a word after it that goes on after it in an organisation's name, or one before
        it that begins such a name of one word (then :func:`in_org_names` has something to
        read): a test of bytes, most articles' places being in some organisation's name."""
        stop = -1
        for v in places:
            key = self.held.get(v)
            if key is None:
                continue
            if stop < 0:  # the headline and the body: the payload's fields before its source
                stop = payload.find(_TEXT_END)
                stop = len(payload) if stop < 0 else stop
            written = v.encode()
            after, before = self.leads.get(key, ()), self.ends.get(key, ())
            at = payload.find(written, 0, stop)
            while at >= 0:
                end = at + len(written)
                # a capital letter after one space (the names' words read are capitalised)
                if after and payload[end:end + 1] == b" " and payload[end + 1:end + 2].isupper():
                    word = _AFTER_BYTES_RE.match(payload, end)
                    if word is not None and _word_key(word.group(1), 0) in after:
                        return True
                if before and payload[at - 1:at] == b" ":
                    head = _BEFORE_BYTES_RE.search(payload, max(0, at - BEFORE_MAX), at)
                    if head is not None and _word_key(head.group(1), -1) in before:
                        return True
                at = payload.find(written, end, stop)
        return False


def _word_key(token: bytes, which: int) -> str:
    """The variant key of the first (``which`` 0) or last (-1) word of a payload's token."""
    words = WORD_RE.findall(token.decode(errors="ignore"))
    return variant_key(words[which]) if words else ""


def in_org_names(title: str, body: str, mentions: Iterable[Mapping[str, Any]], orgs: OrgLeads,
                 is_place: Callable[[Mapping[str, Any]], bool]) -> set[tuple[str, int]]:
    """The (field, start) of one article's place mentions (``is_place``) written as part of an
    organisation's name (see the module)."""
    out: set[tuple[str, int]] = set()
    for fld, text, ms in in_fields(title, body, mentions):
        for m in ms:
            written = text[m["start"]:m["end"]]
            # as :meth:`OrgLeads.may_hold` finds it in the payload
            if m["name"] not in orgs.held or written != m["name"] or not is_place(m):
                continue
            key = variant_key(written)
            if key in orgs.leads:
                after = _AFTER_RE.match(text, m["end"])
                words = after.group().split(" ")[1:] if after else []
                if any(_completes(written.split(), words[:n], orgs)
                       for n in range(1, len(words) + 1)):
                    out.add((fld, m["start"]))
            if key in orgs.ends:
                before = _BEFORE_RE.search(text[max(0, m["start"] - BEFORE_MAX):m["start"]])
                if before and variant_key(before.group(1) + written) in orgs.glued:
                    out.add((fld, m["start"]))
    return out


def _completes(written: list[str], after: list[str], orgs: OrgLeads) -> bool:
    """Whether a place's mention of the words ``written`` and the words ``after`` it make an
    organisation's name that does not end with a place's name going on from the mention's
    words or after them ("RSPAD Gatot Subroto Jakarta" + "Pusat": the extractor's organisation,
    a place's name)."""
    words = [*written, *after]
    return variant_key(" ".join(words)) in orgs.names and not any(
        variant_key(" ".join(words[i:])) in orgs.places for i in range(1, len(words)))


def club_names(counts: Iterable[str],
               values: Mapping[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """An organisation's value -> the other raw values of it (``counts``: the raw values;
    ``values``: raw value -> what it becomes, where that differs) that are a club's name
    (:func:`~indexer.club_words.is_club`): "Persipura" -> "Persipura Jayapura"."""
    out: dict[str, list[str]] = {}
    for raw in counts:
        into = values.get(raw)
        if into is not None and len(into) == 1 and into[0] != raw and is_club(raw):
            out.setdefault(into[0], []).append(raw)
    return {v: tuple(sorted(names)) for v, names in out.items()}


def club_places(title: str, body: str, category: str, mentions: Iterable[Mapping[str, Any]],
                clubs: Iterable[str], place: Callable[[Mapping[str, Any]], str | None],
                named: Mapping[str, Collection[str]] | None = None,
                towns: Collection[str] = ()
                ) -> set[tuple[str, int]]:
    """The (field, start) of one article's mentions of a place (``place(m)``: its value, None
    if it is no place's) that stand for a club of the article's organisations' names
    (``clubs``) whose name ends with the place's or begins with it, or of a town named mostly
    for its clubs (``towns``: :func:`club_towns`), or that end a club's name of the corpus
    (``named``: :func:`club_keys`) with the words right before them (see the module)."""
    if not category.strip() or not sports_news(category):  # no category: nothing is known
        return set()
    names = [variant_key(c) for c in clubs if is_club(c)]
    if not names and not named and not towns:
        return set()
    found: dict[str, list[tuple[str, int]]] = {}
    as_place: set[str] = set()
    cut: set[tuple[str, int]] = set()  # the end of a club's name written in full
    for fld, text, ms in in_fields(title, body, mentions):
        for m in ms:
            value = place(m)
            if value is None:
                continue
            start, end = m["start"], m["end"]
            written = variant_key(text[start:end])
            if named and _ends_club(text, start, written, named):
                cut.add((fld, start))
                continue
            either = dict.fromkeys((variant_key(value), written))
            keys = [k for k in either if any(_club_of(name, k) for name in names)]
            # a town of clubs the article does not name: a word of a place further before
            # it writes it as the place too ("kota kelahirannya, Madrid")
            wide = not keys
            keys = keys or [k for k in either if k in towns]
            if not keys:
                continue
            found.setdefault(value, []).append((fld, start))
            before = _WORDS_BEFORE_RE.search(text, max(0, start - BEFORE_MAX), start)
            read = before.group(1).lower().split()[0 if wide else -1:] if before else []
            after = _WORD_AFTER_RE.match(text, end) if _line_start(text, start) else None
            if written not in keys or not _place_words().isdisjoint(read) \
                    or _ADDRESS_RE.search(text, max(0, start - BEFORE_MAX), start) \
                    or (after is not None and after.group(1).lower() in CALENDAR_WORDS):
                as_place.add(value)
    return cut | {at for value, ats in found.items() if value not in as_place for at in ats}


def _ends_club(text: str, start: int, written: str,
               named: Mapping[str, Collection[str]]) -> bool:
    """Whether the words right before a place's mention at ``start`` (``written``: its variant
    key) make a club's name of the corpus with it ("Badak [[Lampung]]", "Persipura
    [[Jayapura]] 2-0"; ``named``: :func:`club_keys`)."""
    heads = named.get(written)
    if not heads or text[start - 1:start] != " ":
        return False
    words: list[str] = []
    for token in reversed(text[max(0, start - BEFORE_MAX):start - 1].split(" ")[-CLUB_HEAD_MAX:]):
        word = _LAST_WORD_RE.search(token)  # the word of ",Badak", "'Macan"
        if word is None:
            break
        words.insert(0, word.group())
        if variant_key(" ".join(words)) in heads:
            return True
        if word.start() > 0:
            break
    return False


def club_towns(orgs: Mapping[str, int], places: Mapping[str, int],
               place: Callable[[str], tuple[str, ...]]) -> frozenset[str]:
    """The variant keys of the places whose clubs the corpus names in as many articles as the
    place itself or more ("madrid": Real Madrid, Atletico Madrid): ``orgs`` and ``places``, the
    organisations' and the places' raw values -> articles; ``place``: what a place's raw
    value becomes. A club's articles count for each place its name ends with."""
    clubs: Counter[str] = Counter()
    for v, n in orgs.items():
        if is_club(v):
            words = variant_key(v).split(" ")
            for i in range(1, len(words)):
                clubs[" ".join(words[i:])] += n
    found: Counter[str] = Counter()
    for v, n in places.items():
        for x in place(v):
            if (k := variant_key(x)) in clubs:
                found[k] += n
    return frozenset(k for k, n in found.items() if clubs[k] >= n)


def club_keys(counts: Iterable[str],
              values: Mapping[str, tuple[str, ...]]) -> dict[str, frozenset[str]]:
    """The names of the organisations one of whose names is a club's
    (:func:`~indexer.club_words.is_club`; ``counts``: the raw values; ``values``: raw value ->
    what it becomes, where that differs), as a place's variant key that may end one -> the
    words before it there: "lampung" -> "badak", "perseru badak" (Perseru Badak Lampung FC)."""
    groups: dict[str, list[str]] = {}
    for raw in counts:
        into = values.get(raw, (raw,))
        if len(into) == 1:
            groups.setdefault(into[0], []).append(raw)
    out: dict[str, set[str]] = {}
    for names in groups.values():
        if any(map(is_club, names)):
            for n in names:
                words = variant_key(n).split(" ")
                for i in range(1, len(words)):
                    out.setdefault(" ".join(words[i:]), set()).add(" ".join(words[:i]))
    return {k: frozenset(heads) for k, heads in out.items()}


def _line_start(text: str, start: int) -> bool:
    """Whether a mention at ``start`` begins a line (where a dateline is written)."""
    return start == 0 or text[:start].rstrip(" ").endswith("\n")


def _club_of(name: str, key: str) -> bool:
    """Whether a club's name (a variant key) is named after a place's (``key``): it ends with
    it, or begins with it and ends with a club's word ("bali united")."""
    return name.endswith(" " + key) or (
        name.startswith(key + " ") and name.rsplit(" ", 1)[-1] in _CLUB_ENDS)


@cache
def _place_words() -> frozenset[str]:
    """The words before a place's name that write it as the place: the locatives ("di"), the
    kinds of region ("kota", "kab") and ``data/club_context.txt`` [place]."""
    return (kind_sections()[SITE] | CLUB_PLACE_WORDS
            | {PROVINCE, *TOWNS, *REGENCY_SHORT})
