"""What kind of thing a name stands for, told by the word written right before its mentions
(``data/kind_words.txt``), counted over the whole corpus for the corpus-level map
(:mod:`indexer.entity_norm`).

The extractor types a name from one sentence, so a band's name of two capitalised words reads as
a person's name wherever nothing near it says otherwise. Over all of a name's articles the words
before it vote (each kind's share and least articles: :data:`KINDS`): a person's name that is
written after a group word ("band", "member", "relawan") in a quarter of its articles is an
organisation's (a band, a fan club), one written after a word of a thing ("gosip", "indeks",
"memerankan") is no facet value, and one written after the head of a place or body named after a
person ("RSPAD", "Jalan", "Universitas") in half of its articles is a part of that other name,
no person of its own (an organisation's name of no acronym too: "(RSPAD) Gatot Subroto Jakarta
Pusat" is a hospital's name cut). An organisation's name of two words or more written after a
word of a product ("mobil", "ponsel") is a model's, no facet value. A person's name written
after a word of a product or of a maker ("mobil", "pabrikan", "penjualan") is a maker's when it
is one word (an organisation's), else a model's (no facet value). A person's name found mostly
in articles whose headline says they retell a story ("Sinopsis ...": a drama's, a sinetron's
episode) is a character's, no facet value; so is an organisation's name found so (a character's
or an actor's name the tagger reads as a body's: "Yoo Chan (Ahn Hyo Seop)"). A place's name
written after the head of a competition's name ("Liga", "Piala") in three of four of its
articles is only that competition's ("Liga Europa": no place "Europa"; not Asia, of "Piala
Asia" in a quarter of its articles), no facet value. An organisation's name of capitals only
written after a word of a suspect, a victim or a witness ("tersangka BTO", "berinisial HAT") in
half of its articles is a person's initials, no facet value. An organisation's name ending in a
venue's word (``data/venue_heads.txt``: "Arena", "Convention Center") written after a locative word
("di", "ke") in half of its articles is a venue's, a place ("konser di Indonesia Convention
Exhibition"); a body's or a company's name is often written so too ("di KPK", "bekerja di Google"),
so the word before alone moves none. An organisation's name written after a word of [named] that
heads a venue's name (``data/venue_heads.txt``: "bandara YIA") in a quarter of its articles is that
venue's, a place ([named] takes a name of no acronym written so in half of its articles). A name
written right after "#" in half of its articles is a hashtag's ("#SurabayaMenggugat"), no facet
value. An organisation's name written inside a regulation's title ("Nomor 29 Tahun 2019 tentang
Ketentuan Ekspor dan Impor Hewan") in half of its articles is the title's words, no facet value: a
body's name is written so in a few of its articles ("UU Nomor 30 Tahun 2002 tentang KPK"). An
organisation's name written after the head of a minister's title ("Menteri Luar Negeri Rusia Sergei
Lavrov") in half of its articles is the minister's field, no facet value: a ministry's own name is
written so now and then ("Menteri KKP"). An organisation's one-word name written after a word of a
medium ("akun X", "kanal X", "pesan X") in a quarter of its articles, three at least, is a
platform's or an app's the texts post on, watch or send with, no facet value
(:mod:`indexer.media_names` keeps it where an article writes about the company behind it). A
person's own name is written so now and then ("relawan Jokowi", "akun Instagram X"): the shares
keep those. An organisation's name headed by a maker's ("Toyota Calya") written after a word of a
product or of a model's line ("mobil", "tipe", "new") in a tenth of its articles is a model's, no
facet value (:mod:`indexer.product_names`). An organisation's one-word name written after a word of
a device's part or connector ("port X", "micro X", "colokan X") in a quarter of its articles, three
at least, is a connector's, no facet value. An organisation's name of no acronym and no body's head
word (``data/body_heads.txt``, ``data/unit_heads.txt``) written after a verb that says who spoke a
quote ('..." kata X', "ujar X") in a fifth of its articles, two at least, is a person's ("Gigi",
"De Gea"), no facet value; a mention with a person's name right after it is not counted ("ujar
Kabid Humas Polda Metro Jaya, Kombes Argo": he spoke, not the body), and a name that begins a
longer organisation's name is that body's short form ("terang Big Hit": Big Hit Entertainment's
statement). An organisation's name written between quotes in half of its articles, three at
least, is a work's title ("'Hotel Del Luna'", a drama; "''Super Clap''", a song), no facet
value: a body's name is seldom quoted. An organisation's name written right after a number (not a
year, a score or a figure) in half of its articles, three at least, is the rest of a longer name
or a count of things: a model's after its number ("iPhone 11 Pro Max"), a tour's after its edition
("EXO PLANET #5 - EXplOration"), a film's title ("27 Steps of May"), an address ("1485 Green Trees
Road"): no facet value; a body is written after a unit's number now and then ("Regional 4 PT Pos
Indonesia"). An organisation's name of four capitals written as a share's code in half of its
articles ("Bank Negara Indonesia (Persero) Tbk. (BBNI)", "saham ... BBCA, BBNI, JSMR") is a code
that stands for a company the corpus names otherwise: no facet value. An organisation's name
that articles spell out in brackets by common words in lower case in a quarter of its articles,
two at least ("kartu tanda anggota (KTA)", "harga jual eceran (HJE)"), is a thing's, a term's or
an office's, no facet value: a body's name is spelt out in capitals
(:func:`~indexer.acronym_expansions.in_common_words`; an article spelling it so loses it anyway,
:func:`~indexer.acronym_expansions.expanded_otherwise`).

Beside the kinds, the place written right after a place's mention and a comma ("kawasan
Tendean, Jakarta Selatan") is counted as ((LOC, name), "in:" + that place): where a street is
(:func:`~indexer.longer_places.person_streets`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from typing import Any, Final

from indexer.acronym_expansions import in_common_words
from indexer.entities.facts import CLUB_SUFFIXES, DATA, load_names, read_sections
from indexer.name_keys import name_words
from indexer.person_marks import article_marks
from indexer.words import WORD_RE, word_before

Name = tuple[str, str]  # (type, value)
MEDIUM: Final = "medium"
PART: Final = "part"
SITE: Final = "site"
VENUE: Final = "venue"
NAMED: Final = "named"
# An organisation's name written after "Menteri" is a minister's title's field.
MINISTER: Final = "minister"
# A name written right after "#" is a hashtag's.
HASHTAG: Final = "hashtag"
# An organisation's name written inside a regulation's title ("Permendag Nomor 29 Tahun 2019
# tentang Ketentuan Ekspor dan Impor Hewan") is the title's words.
RULE_TITLE: Final = "rule title"
# A regulation's title up to a mention: "Tahun <year> tentang" and capitalised words or the
# joining words of a title between ("tentang Peraturan Dasar Pokok-pokok Agraria").
_RULE_TITLE_RE: Final = re.compile(r"\b(?:[Tt]ahun|TAHUN)\s+\d{4}\s+(?:[Tt]entang|TENTANG)"
                                   r"(?:\s+(?:[A-Z][\w-]*|dan|atas|serta))*\s+$")
# How far before a mention a regulation's title is looked for.
_RULE_TITLE_SPAN: Final = 150
# A word of a model's line or trim, voted only with a maker's name (:mod:`indexer.product_names`).
MODEL: Final = "model"
# The kind every person's or organisation's name of an article gets whose headline has a word
# of ``[story]``.
STORY: Final = "story"
# A verb that says who spoke a quote, right before an organisation's name: a person's name.
SPEAKER: Final = "speaker"
# An organisation's name written between quotes ("'Hotel Del Luna'"): a work's title.
QUOTED: Final = "quoted"
_QUOTES: Final = frozenset("\"'“”‘’")
# An organisation's name written right after a number: the rest of a longer name.
NUMBERED: Final = "numbered"
# A number right before a name ("iPhone 11 Pro Max", "#5 - EXplOration"), not a year ("2019 PS
# Barito Putera"), a score's ("1 - 1 Getafe", "2-1 Persija") or a figure's last digits ("2.000").
_NUMBER_BEFORE_RE: Final = re.compile(
    r"(?<![\d.,:/–-])(?<![–-]\s)#?(?!(?:19|20)\d\d\D)\d+(?:\s+|\s*[–-]\s*)$")
# How far before a mention a number is looked for.
_NUMBER_SPAN: Final = 12
# An organisation's name of four capitals written as a share's code: after a listed company's
# name ("Bank Negara Indonesia (Persero) Tbk. (BBNI)") or in a list of codes ("BBCA, BBNI,
# JSMR") after a word of the stock market (section [ticker]).
TICKER: Final = "ticker"
# An acronym spelt out in brackets by common words in lower case ("kartu tanda anggota (KTA)").
COMMON: Final = "common words"
_CODE_RE: Final = re.compile(r"[A-Z]{4}")
_LISTED_BEFORE_RE: Final = re.compile(r"\bTbk\.?\s*\(\s*$")
_CODE_BEFORE_RE: Final = re.compile(r"\b[A-Z]{4}\s*(?:,|dan)\s*$")
_CODE_AFTER_RE: Final = re.compile(r"\s*(?:,|dan)\s*[A-Z]{4}\b")
# How far before a list of codes (in its sentence) a word of the stock market is looked for.
_MARKET_SPAN: Final = 300
# How far after a mention a person's name says he, not the mention, is the speaker.
_SPEAKER_GAP: Final = 3
# An organisation's name ending in a town's word written before a place's name after a comma:
# a town's ("Ho Chi Minh City, Vietnam").
TOWN: Final = "town"
# The head of a competition's name right before a place's ("Liga Thailand", "Piala Asia").
EVENT: Final = "event"
# The label of the place written after a place's mention: "in:Jakarta Selatan".
IN_PREFIX: Final = "in:"
# The fewest articles whose word before a name says its kind, for a kind that sets no other
# (:attr:`Kind.least`).
KIND_MIN: Final = 2
VENUE_HEADS: Final = frozenset(tuple(h.split()) for h in load_names(DATA / "venue_heads.txt"))
# How many words a venue's word has, each length once: a name's last words of each length are
# looked up, not compared with every venue's word.
_VENUE_LENGTHS: Final = tuple(sorted({len(h) for h in VENUE_HEADS}))
# The words of [named] that head a venue's name: an organisation's name after one is [venue]'s.
_VENUE_WORDS: Final = frozenset(h[0] for h in VENUE_HEADS if len(h) == 1)
# What a person's initials look like as an organisation's name: capitals only ("BTO").
_INITIALS_RE: Final = re.compile(r"[A-Z]{2,5}")


_TOWN_WORDS: Final = frozenset(load_names(DATA / "town_words.txt"))


def _town(typ: str, value: str) -> bool:
    words = name_words(value)
    return len(words) > 1 and words[-1] in _TOWN_WORDS


def _initials(typ: str, value: str) -> bool:
    return _INITIALS_RE.fullmatch(value) is not None


def venue_name(value: str) -> bool:
    """Whether a name ends in a venue's word (``data/venue_heads.txt``: "Allianz Arena")."""
    words = name_words(value)
    return any(words[-n:] in VENUE_HEADS for n in _VENUE_LENGTHS)


def _venue(typ: str, value: str) -> bool:
    return venue_name(value)


# First words of a body's or a unit's name: a name so begun is a body's, never a speaker's.
_BODY_WORDS: Final = load_names(DATA / "body_heads.txt") | load_names(DATA / "unit_heads.txt")


def _speaker(typ: str, value: str) -> bool:
    words = name_words(value)
    return bool(words) and words[0] not in _BODY_WORDS and _no_acronym(typ, value)


def _no_acronym(typ: str, value: str) -> bool:
    # an organisation's name with a body's acronym: "Gedung DPRD Jatim" is the DPRD's building
    return typ != "ORG" or not any(w.isupper() for w in value.split())


@dataclass(frozen=True, slots=True)
class Kind:
    """One kind of name, whose words are the section ``[name]`` of ``data/kind_words.txt``."""

    name: str
    # The types of the names voted of this kind (:func:`kind_votes`), and the share of a
    # name's articles, ``least`` at least, that must say so; none: counted, never voted.
    types: tuple[str, ...] = ()
    share: Fraction | None = None
    least: int = KIND_MIN
    # How many words a name voted of this kind has.
    min_words: int = 1
    max_words: int | None = None
    # Counted for organisations' mentions only.
    org_only: bool = False
    # Its words are a headline's (:func:`tells_story`), not the one right before a name.
    headline: bool = False
    # The kind a person's name written after one of its words is counted as.
    as_person: str | None = None
    # What else a name voted of this kind is: (type, value) -> whether it fits.
    fits: Callable[[str, str], bool] | None = None
    # Its words are its own section of ``data/kind_words.txt`` (else it is counted otherwise).
    of_words: bool = True

    def __post_init__(self) -> None:
        if bool(self.types) != (self.share is not None):
            raise ValueError(f"kind {self.name!r}: a voted kind has types and a share")


# Every kind, one record each. A name written inside another name is of that kind in half of its
# articles (a hero's name is the name of many streets and hospitals, and still his). A medium is
# one in three articles at least, its name one word: a body's own account is written so now and
# then ("akun resmi", "melalui akun X" of a foundation in two of its articles), a longer name
# after "akun" is its owner's ("akun The Habibie Center kembali mengonfirmasi"); a connector's too
# ("port USB", "micro USB"). An organisation's name written as a product's is a brand's and a
# model's: two words at least; a person's name after a product's word is a brand's, voted as one
# after a maker's word.
KINDS: Final = (
    Kind("group", ("PER",), Fraction(1, 4)),
    Kind("thing", ("PER",), Fraction(1, 4)),
    Kind(NAMED, ("PER", "ORG"), Fraction(1, 2), fits=_no_acronym),
    Kind("school"),
    Kind("role"),
    Kind("product", ("ORG",), Fraction(1, 4), min_words=2, as_person="maker"),
    Kind("maker", ("PER",), Fraction(1, 4)),
    Kind(EVENT, ("LOC",), Fraction(3, 4)),
    Kind("initials", ("ORG",), Fraction(1, 2), org_only=True, fits=_initials),
    Kind(MEDIUM, ("ORG",), Fraction(1, 4), least=3, max_words=1),
    Kind(SITE, ("ORG",), Fraction(1, 2), org_only=True, fits=_venue),
    Kind(VENUE, ("ORG",), Fraction(1, 4), org_only=True, of_words=False),
    Kind(TOWN, ("ORG",), Fraction(1, 2), org_only=True, fits=_town, of_words=False),
    Kind(HASHTAG, ("PER", "ORG", "LOC"), Fraction(1, 2), of_words=False),
    Kind(RULE_TITLE, ("ORG",), Fraction(1, 2), org_only=True, of_words=False),
    Kind(MODEL, org_only=True),
    Kind(PART, ("ORG",), Fraction(1, 4), least=3, max_words=1, org_only=True),
    Kind(STORY, ("PER", "ORG"), Fraction(1, 2), headline=True),
    Kind(MINISTER, ("ORG",), Fraction(1, 2), org_only=True),
    Kind(SPEAKER, ("ORG",), Fraction(1, 5), org_only=True, fits=_speaker),
    Kind(QUOTED, ("ORG",), Fraction(1, 2), least=3, org_only=True, of_words=False),
    Kind(NUMBERED, ("ORG",), Fraction(1, 2), least=3, org_only=True, of_words=False),
    Kind(TICKER, ("ORG",), Fraction(1, 2), org_only=True, of_words=False),
    Kind(COMMON, ("ORG",), Fraction(1, 4), org_only=True, of_words=False),
)
KIND_OF: Final = {k.name: k for k in KINDS}


@cache
def kind_sections() -> dict[str, frozenset[str]]:
    """The sections of ``data/kind_words.txt``: a kind's name -> its words (read once, for the
    kinds voted here and for the modules that read one section: events, media, sites)."""
    return read_sections(DATA / "kind_words.txt")


@cache
def _kind_words() -> dict[str, str]:
    """word -> the kind it says the next name is."""
    sections = kind_sections()
    return {w: k.name for k in KINDS if k.of_words and not k.headline for w in sections[k.name]}


@cache
def _story_words() -> frozenset[str]:
    return kind_sections()[STORY]


def tells_story(title: str) -> bool:
    """Whether a headline says its article retells a story ("Sinopsis Drama X Episode 8")."""
    return any(w in _story_words() for w in WORD_RE.findall(title.lower()))


@cache
def _phrase_ends() -> frozenset[str]:
    """The last words of the two-word lines of ``data/kind_words.txt`` ("berperan sebagai")."""
    return frozenset(w.rpartition(" ")[2] for w in _kind_words() if " " in w)


def kind_before(text: str, start: int) -> str | None:
    """The kind the word right before ``start`` says the name there is, or None; a word that
    says nothing alone ("sebagai") says it after the word a two-word line begins with
    ("berperan sebagai X": a part played)."""
    at, word = word_before(text, start)
    word = word.lower()
    if not word:
        return None
    half, dash, rest = word.partition("-")
    kind = _kind_words().get(half if dash and half == rest else word)  # "mobil-mobil"
    if kind is None and word in _phrase_ends():
        kind = _kind_words().get(f"{word_before(text, at)[1].lower()} {word}")
    return kind


def in_rule_title(text: str, start: int) -> bool:
    """Whether the name at ``start`` is written inside a regulation's title ("Nomor 86 Tahun
    2018 tentang Reforma Agraria")."""
    before = text[max(0, start - _RULE_TITLE_SPAN):start]
    return ("entang" in before or "ENTANG" in before) and _RULE_TITLE_RE.search(before) is not None


def article_kinds(title: str, body: str, mentions: Iterable[Mapping[str, Any]]
                  ) -> set[tuple[Name, str]]:
    """The (name, kind) pairs one article's mentions show (dicts with type, name, field,
    start, end); with the marks of persons' full names (:func:`~indexer.person_marks.
    article_marks`)."""
    out: set[tuple[Name, str]] = set()
    story = tells_story(title)
    prev: Mapping[str, Any] | None = None
    mentions = list(mentions)
    for i, m in enumerate(mentions):
        text = title if m["field"] == "title" else body
        kind = kind_before(text, m["start"])
        if kind == SPEAKER and _person_after(mentions, i):
            kind = None
        if kind is not None and (not KIND_OF[kind].org_only or m["type"] == "ORG"):
            if m["type"] == "PER":
                kind = KIND_OF[kind].as_person or kind
            out.add(((m["type"], m["name"]), kind))
            if kind == NAMED and m["type"] == "ORG" \
                    and word_before(text, m["start"])[1].lower() in _VENUE_WORDS:
                out.add(((m["type"], m["name"]), VENUE))
        if text[m["start"] - 1:m["start"]] == "#":
            out.add(((m["type"], m["name"]), HASHTAG))
        if m["type"] == "ORG":
            out.update((("ORG", m["name"]), k) for k in _org_kinds(text, m))
        if story and m["type"] in KIND_OF[STORY].types:
            out.add(((m["type"], m["name"]), STORY))
        if (m["type"] == "LOC" and prev is not None and prev["type"] in ("LOC", "ORG")
                and prev["field"] == m["field"] and m["start"] == prev["end"] + 2
                and (title if m["field"] == "title" else body)[prev["end"]] == ","):
            if prev["type"] == "LOC":
                out.add((("LOC", prev["name"]), IN_PREFIX + m["name"]))
            if _town(prev["type"], prev["name"]):  # voted where the map makes it an organisation's
                out.add(((prev["type"], prev["name"]), TOWN))
        prev = m
    return out | article_marks(title, body, mentions)


def _org_kinds(text: str, m: Mapping[str, Any]) -> list[str]:
    """The kinds an organisation's mention shows by the text around it, not by a word."""
    start, end, name = m["start"], m["end"], m["name"]
    out = []
    if in_rule_title(text, start):
        out.append(RULE_TITLE)
    before = text[start - 1] if start else ""
    if before in _QUOTES and text[end:end + 1] in _QUOTES:
        out.append(QUOTED)
    if after_number(text, start):
        out.append(NUMBERED)
    if len(name) == 4 and name.isupper() and _CODE_RE.fullmatch(name) and share_code(text, m):
        out.append(TICKER)
    if text[start - 1:start] == "(" and in_common_words(text, start, end):
        out.append(COMMON)
    return out


def after_number(text: str, start: int) -> bool:
    """Whether the name at ``start`` is written right after a number that is no year, score
    or figure ("iPhone 11 Pro Max", "EXO PLANET #5 - EXplOration", "27 Steps of May")."""
    return (text[max(0, start - 4):start].rstrip(" -–")[-1:].isdigit()
            and _NUMBER_BEFORE_RE.search(text, max(0, start - _NUMBER_SPAN), start) is not None)


def share_code(text: str, m: Mapping[str, Any]) -> bool:
    """Whether the mention ``m`` (of four capitals) is written as a share's code: after a listed
    company's name ("... Tbk. (BBNI)") or in a list of codes after a word of the stock market
    in its sentence ("saham yang bisa dicermati adalah BBCA, BBNI, JSMR")."""
    start, end = m["start"], m["end"]
    if _LISTED_BEFORE_RE.search(text, max(0, start - 10), start):
        return True
    if not (_CODE_BEFORE_RE.search(text, max(0, start - 10), start)
            or _CODE_AFTER_RE.match(text, end, end + 10)):
        return False
    market = kind_sections()[TICKER]
    sentence = text[max(0, start - _MARKET_SPAN):start].rsplit(". ", 1)[-1]
    return any(w.partition("-")[0] in market for w in WORD_RE.findall(sentence.lower()))


def _person_after(mentions: list[Mapping[str, Any]], i: int) -> bool:
    """Whether a person's name is written right after mention ``i`` ("ujar Kabid Humas Polda
    Metro Jaya, Kombes Argo"): the speaker a verb before the mention names."""
    if i + 1 >= len(mentions):
        return False
    m, after = mentions[i], mentions[i + 1]
    return (after["type"] == "PER" and after["field"] == m["field"]
            and after["start"] - m["end"] <= _SPEAKER_GAP)


def kind_votes(kinds: Mapping[tuple[Name, str], int], counts: Mapping[str, Mapping[str, int]]
               ) -> dict[Name, str]:
    """The names (of ``counts``, type -> value -> articles) the words before them show to be
    of another kind: (type, value) -> the name of a voted kind of :data:`KINDS` ("group",
    "thing", "named", "maker" of persons' names; "product", "medium", "site", "venue", "town",
    "speaker", "quoted" of organisations'; "story" of both; "hashtag" of any). ``kinds``:
    (name, kind) -> articles."""
    out: dict[Name, str] = {}
    for ((typ, value), kind), n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])):
        k = KIND_OF.get(kind)  # none: a person's marks (:mod:`indexer.person_marks`), "in:"
        if k is None or k.share is None or typ not in k.types or (typ, value) in out:
            continue
        words = len(value.split())
        if (words < k.min_words or (k.max_words is not None and words > k.max_words)
                or (k.fits is not None and not k.fits(typ, value))):
            continue
        found = counts.get(typ, {}).get(value, 0)
        if found and n >= k.least and n >= k.share * found and not (
                kind == SPEAKER and _heads_longer(value, counts.get(typ, {}))) and not (
                kind == TICKER and _run_together(value, counts.get(typ, {}))):
            out[(typ, value)] = kind
    return out


def _run_together(value: str, names: Mapping[str, int]) -> bool:
    """Whether another name of ``names`` is ``value`` with its words run together: a share's
    code that is its company's own short name ("PTPP" of "PT PP"), which stays a value (a
    no-value name's letters run together take that name too, :mod:`indexer.type_map`)."""
    key = "".join(name_words(value))
    return any(v != value and "".join(name_words(v)) == key for v in names)


# A longer name found in this many articles that begins with a name makes it a short form.
_LONGER_MIN: Final = 3


def _heads_longer(value: str, names: Mapping[str, int]) -> bool:
    """Whether ``value`` is the first words of a longer name of ``names`` (value -> articles)
    found in :data:`_LONGER_MIN` articles or more: a body's short form ("terang Big Hit":
    Big Hit Entertainment), which speaks as the body does."""
    words = name_words(value)
    return any(c >= _LONGER_MIN and len(other := name_words(v)) > len(words)
               and other[:len(words)] == words for v, c in names.items())


# A one-word person's name that begins this many organisations' names (each found in
# BRAND_NAME_MIN articles or more) is a brand's or a club's: "X Ecstar", "X APV", "X Carry".
BRAND_NAMES: Final = 5
BRAND_NAME_MIN: Final = 2


def brand_heads(persons: Iterable[str], orgs: Mapping[str, int]) -> set[str]:
    """The one-word persons' names that head :data:`BRAND_NAMES` organisations' names or more:
    a maker's or a club's name read as a person's (the models and teams are named after it)."""
    heads: dict[str, int] = {}
    for name, n in orgs.items():
        first, sep, _ = name.strip().partition(" ")
        if sep and n >= BRAND_NAME_MIN:
            key = first.casefold()
            heads[key] = heads.get(key, 0) + 1
    return {v for v in persons if " " not in v.strip()
            and heads.get(v.strip().casefold(), 0) >= BRAND_NAMES}


# A one-word person's name found in this many articles at least and written as an
# organisation's in more is an organisation's (fewer say little: "Obama" once each way).
TYPED_MIN: Final = 3


def written_as_organisations(persons: Mapping[str, int], orgs: Mapping[str, int]) -> set[str]:
    """The one-word persons' names the tagger writes as an organisation's in more articles (a
    model, a party, a studio: "Sigra", "NasDem", "Disney"), and the longer ones ending in a
    club's word (``data/club_context.txt`` [suffix]) that it writes as an organisation's in
    :data:`TYPED_MIN` articles or more: a club's name that looks like a man's ("Kalteng
    Putra"), read as a person's wherever no match is written beside it; a man's name ending
    so ("Jandia Eka Putra") is never typed an organisation's."""
    return {v for v, n in persons.items()
            if (" " not in v.strip() and n >= TYPED_MIN and orgs.get(v, 0) > n)
            or (orgs.get(v, 0) >= TYPED_MIN and len(words := name_words(v)) >= 2
                and words[-1] in CLUB_SUFFIXES)}
