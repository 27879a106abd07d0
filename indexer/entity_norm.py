"""Corpus-level normalisation of facet values: one value per real entity, one form per category.

Extraction sees one article at a time, so it cannot know that "Habibie" in one article is the
"Bacharuddin Jusuf Habibie" of 600 others. After extraction, over the document counts of every
(type, value) of the whole corpus, :func:`compute_map` decides:

* **variants join**: values equal up to case, apostrophes (' ’ ` ´, or none) and spacing, and
  names listed as one entity in ``data/equivalents.txt`` (China = Cina = Tiongkok), become one
  value: the form the corpus uses most;
* **party names**: an organisation "X" joins "Partai X" when the corpus has both;
* **kinds of place**: a place "X" joins "Kota X", "Pulau X", "Sirkuit X", ... (not when both
  "Kota X" and "Kabupaten X" are written: then "X" may be either); place names that differ by
  one vowel (Perancis, Prancis) join; names equal but for spaces ("Hong Kong", "Hongkong") or a
  closing "RI" ("Gedung DPR RI") join;
* **organisation names**: "X" joins the one name "X <place>", "<legal form> X" or "X <club
  word>" (Persija ~ Persija Jakarta, Transjakarta ~ PT Transjakarta, Tottenham ~ Tottenham
  Hotspur), a name of two words or more the one more frequent name it begins (a name cut
  short), and
  an acronym the one name it spells (BPK ~ Badan Pemeriksa Keuangan);
* **tickets**: a person "A-B" whose two halves are each a person becomes those two persons;
* **old spelling**: values of two words or more that are equal once the pre-1972 spelling is
  read as today's (oe -> u, dj -> j, tj -> c, ...: Gatot Soebroto = Gatot Subroto, Pandjaitan
  = Panjaitan) join, as variants do;
* **name parts** (persons, longest names first): a name *covers* another when it holds all its
  words in order, a one-letter word standing for a word it begins ("Laode M Syarif" covers
  "Laode M" and is covered by "Laode Muhammad Syarif"). A one-word name covered by one full
  name named at least as often joins it (Habibie -> Bacharuddin Jusuf Habibie), unless it is a first
  name that begins other full names too and that one does not dominate them (:data:`DOMINANCE`);
  such a bare first name is no facet value on its own (Sri, Alex); a name of several words
  covered by one other name joins it (Sri Mulyani ~ Sri Mulyani Indrawati, Anies Baswedan ~
  Anies Rasyid Baswedan). "One" is read with :data:`DOMINANCE` too: a name that covers it
  :data:`DOMINANCE` times as often as all the others together is the one (a one-off "Anies
  Rasyis Baswedan" or "Meski Van Dijk" beside it does not make it ambiguous). A group is shown
  as its most frequent name of two or more words;
* **categories** equal up to case and spacing become one, shown in their most used form.

The result, an :class:`EntityMap`, is stored with the index generation (:mod:`indexer.store`);
``warta add`` applies it to new articles (values it has not seen join by their variant key),
a full ``warta reindex`` computes it anew. Pure: the same counts always give the same map.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Final

from indexer import schema as S
from indexer.entities.facts import CLUB_LAST

EQUIVALENTS_PATH: Final = Path(__file__).parent / "data" / "equivalents.txt"
MAP_VERSION: Final = 1
PARTY_HEADS: Final = ("partai",)  # "Partai Golkar" ~ "Golkar"
# Words that say what kind of place a name is ("Kota Medan" ~ "Medan", "Pulau Sumatera" ~
# "Sumatera", "Republik Indonesia" ~ "Indonesia"), and those of them that name two places when
# both are written with the same name (Kota / Kabupaten Bandung).
PLACE_HEADS: Final = ("kota", "kabupaten", "provinsi", "pulau", "republik", "kerajaan", "negara",
                      "sirkuit", "stadion", "stadion utama", "candi", "gunung", "bandara")
REGION_HEADS: Final = frozenset({"kota", "kabupaten"})
# Words after a name that only say whose it is ("Gedung DPR RI": Republik Indonesia's).
NAME_TAILS: Final = ("ri",)
# The fewest articles the full name an acronym joins must be found in.
ACRONYM_MIN: Final = 5
# Legal forms of a company's name ("PT Transjakarta" ~ "Transjakarta").
LEGAL_FORMS: Final = frozenset({"pt", "tbk", "persero", "(persero)", "cv", "ltd", "inc", "corp"})
# A first name shared by several full names stands for the most frequent of them only when that
# one is this many times as frequent as the others together ("Imam" in a month of news about
# Imam Nahrawi; not "Sri", which a dozen people are called).
DOMINANCE: Final = 3
# A name found in fewer articles is no rival to a dominant one ("Yasonna Hamongan Laoly" in one
# article beside "Yasonna Hamonangan Laoly" in ten).
RIVAL_MIN: Final = 3
# How much more often than all other names holding it the one person a bare surname joins is
# named (Bacharuddin Jusuf Habibie beside Thareq Kemal, Ilham Akbar, Ainun Habibie, ...).
SURNAME_DOMINANCE: Final = 2
# Apostrophes are left out of the key: news writes Ma'ruf, Ma’ruf and Maruf.
_APOSTROPHES: Final = str.maketrans(dict.fromkeys("'’‘`´ʼ", None))
_HYPHEN_RE: Final = re.compile(r"\s*-\s*")
_SPACES_RE: Final = re.compile(r"\s+")
# "A-B" with a capital letter on both sides of one hyphen: a candidate ticket.
_TICKET_RE: Final = re.compile(r"^([^-]*\w)\s?-\s?([A-Z][^-]*)$")

Resolver = Callable[[str], str | None]  # a ticket half -> the person an alias makes of it


def variant_key(value: str) -> str:
    """The form two spellings of one value share: case, apostrophes and spacing ignored."""
    v = _HYPHEN_RE.sub("-", value.translate(_APOSTROPHES))
    return _SPACES_RE.sub(" ", v).strip().casefold()


def category_key(value: str) -> str:
    return _SPACES_RE.sub(" ", value).strip().casefold()


def name_words(value: str) -> tuple[str, ...]:
    return tuple(variant_key(value).split(" "))


def in_order(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """Every word of ``part`` appears in ``whole``, in the same order."""
    it = iter(whole)
    return all(w in it for w in part)


def _initial(word: str) -> str | None:
    """The letter a one-letter word of a name stands for ("m", "m."), else None."""
    w = word.rstrip(".")
    return w if len(w) == 1 and w.isalpha() else None


def covers(whole: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """``whole`` holds every word of ``part`` in order, a one-letter word of ``part`` standing
    for a word of ``whole`` that it begins ("m" for "muhammad")."""
    it = iter(whole)
    for w in part:
        letter = _initial(w)
        if not any(u == w or (letter is not None and u.startswith(letter)) for u in it):
            return False
    return True


# Pre-1972 spelling (Ejaan Republik / van Ophuijsen) as today's: names keep the old letters.
_OLD_SPELLING: Final = (("oe", "u"), ("dj", "j"), ("tj", "c"), ("sj", "sy"), ("nj", "ny"),
                        ("ch", "kh"))


def _spelt_words(value: str) -> tuple[str, ...]:
    return tuple(spelling_key(value).split(" "))


def spelling_key(value: str) -> str:
    """The variant key with the old spelling read as today's ("soeharto" -> "suharto")."""
    key = variant_key(value)
    for old, new in _OLD_SPELLING:
        key = key.replace(old, new)
    return key


def ticket_halves(value: str) -> tuple[str, str] | None:
    """The two sides of "A-B" when it has the shape of a ticket (both sides capitalised)."""
    m = _TICKET_RE.match(value.strip())
    if m is None or not m.group(1)[:1].isupper():
        return None
    return m.group(1).strip(), m.group(2).strip()


def _display(forms: Mapping[str, int], person: bool = False) -> str:
    """The form a group of names is shown in: for a person, a full name (two words or more)
    over a single word, one that does not end in an initial ("Laode M"); then the most used;
    on a tie, not all capitals, then the fewest capitals, then alphabetical. (A place or an
    organisation is shown as it is written most: "Jakarta", not "Kota Jakarta".)"""
    return min(forms, key=lambda f: (person and " " not in f,
                                     person and _initial(f.rsplit(" ", 1)[-1]) is not None,
                                     -forms[f], f.isupper(), sum(map(str.isupper, f)), f))


@cache
def equivalents() -> tuple[tuple[str, frozenset[str]], ...]:
    """(type, variant keys of the names of one entity) from ``data/equivalents.txt``."""
    out = []
    for line in EQUIVALENTS_PATH.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            typ, *names = [part.strip() for part in line.split("\t") if part.strip()]
            out.append((typ, frozenset(variant_key(n) for n in names)))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class EntityMap:
    """What the corpus-level pass decided. ``values``: type -> raw value -> the values it
    becomes (empty: no facet value; two: a ticket), only where that differs from the value
    itself; ``counts``: type -> raw value -> articles it was found in; ``categories``:
    category key -> its display form."""

    values: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)
    counts: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    categories: Mapping[str, str] = field(default_factory=dict)
    _keys: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        # Unseen values (``warta add``) join by variant key: key -> what a seen value became.
        for typ, counts in self.counts.items():
            mapped = self.values.get(typ, {})
            keys = self._keys.setdefault(typ, {})
            for value in sorted(counts, key=lambda v: (-counts[v], v)):
                keys.setdefault(variant_key(value), mapped.get(value, (value,)))

    def entity(self, typ: str, value: str) -> tuple[str, ...]:
        mapped = self.values.get(typ, {}).get(value)
        if mapped is not None:
            return mapped
        if value in self.counts.get(typ, {}):
            return (value,)
        return self._keys.get(typ, {}).get(variant_key(value), (value,))

    def category(self, value: str) -> str:
        return self.categories.get(category_key(value), value)

    def merges(self, top: int) -> list[dict[str, Any]]:
        """The largest merges: raw values that became another value, most articles first."""
        found = sorted(
            ((self.counts.get(typ, {}).get(v, 0), typ, v, into)
             for typ, mapped in self.values.items() for v, into in mapped.items()),
            key=lambda r: (-r[0], r[1], r[2]))
        return [{"type": typ, "value": v, "into": list(into), "count": c}
                for c, typ, v, into in found[:top]]

    def to_json(self) -> dict[str, Any]:
        return {"version": MAP_VERSION,
                "values": {t: {v: list(m) for v, m in vs.items()} for t, vs in self.values.items()},
                "counts": {t: dict(c) for t, c in self.counts.items()},
                "categories": dict(self.categories)}

    @classmethod
    def from_json(cls, data: Any) -> EntityMap:
        """The map stored with an index; an empty map for anything unreadable."""
        if not isinstance(data, dict) or data.get("version") != MAP_VERSION:
            return cls()
        try:
            values = {str(t): {str(v): tuple(map(str, m)) for v, m in vs.items()}
                      for t, vs in data["values"].items()}
            counts = {str(t): {str(v): int(c) for v, c in cs.items()}
                      for t, cs in data["counts"].items()}
            cats = {str(k): str(v) for k, v in data["categories"].items()}
        except (AttributeError, KeyError, TypeError, ValueError):
            return cls()
        return cls(values, counts, cats)


class _Groups:
    """Union-find over values; a group's value is the display form of its members."""

    def __init__(self, counts: Mapping[str, int]) -> None:
        self.counts = counts
        self.parent: dict[str, str] = {v: v for v in counts}

    def find(self, v: str) -> str:
        root = v
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[v] != root:
            self.parent[v], v = root, self.parent[v]
        return root

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra

    def members(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for v in self.parent:
            out[self.find(v)].append(v)
        return out


def _join_variants(groups: _Groups, typ: str) -> None:
    by_key: dict[str, str] = {}
    for v in groups.counts:
        key = variant_key(v)
        if key in by_key:
            groups.join(by_key[key], v)
        else:
            by_key[key] = v
    by_spelling: dict[str, str] = {}
    for v in groups.counts:
        if " " not in v.strip():  # one word in two spellings may be two ("Doel", "Dul")
            continue
        key = spelling_key(v)
        if key in by_spelling:
            groups.join(by_spelling[key], v)
        else:
            by_spelling[key] = v
    for etype, keys in equivalents():
        if etype == typ:
            present = [by_key[k] for k in sorted(keys) if k in by_key]
            for other in present[1:]:
                groups.join(present[0], other)
    if typ == "ORG":
        for key, v in by_key.items():
            for head in PARTY_HEADS:
                full = by_key.get(f"{head} {key}")
                if full is not None:
                    groups.join(full, v)
    if typ == "LOC":
        for key, v in by_key.items():
            heads = [h for h in PLACE_HEADS if f"{h} {key}" in by_key]
            # "Kota Bandung" and "Kabupaten Bandung" are two places: "Bandung" is neither.
            if len(set(heads) & REGION_HEADS) < 2:
                for head in heads:
                    groups.join(by_key[f"{head} {key}"], v)
    if typ == "LOC":
        _join_vowel_spellings(groups, by_key)
    # Spaced or not ("Hong Kong", "Hongkong"; "Jung Kook", "Jungkook"), and "RI" after a name
    # ("Gedung DPR RI"): one name.
    by_compact: dict[str, str] = {}
    for key, v in sorted(by_key.items()):
        compact = key.replace(" ", "")
        if compact in by_compact:
            groups.join(by_compact[compact], v)
        else:
            by_compact[compact] = v
        for tail in NAME_TAILS:
            short = by_key.get(key.removesuffix(f" {tail}")) if key.endswith(f" {tail}") else None
            if short is not None:
                groups.join(short, v)


_VOWELS: Final = frozenset("aeiou")


def _join_vowel_spellings(groups: _Groups, by_key: Mapping[str, str]) -> None:
    """Place names of six letters or more that differ by one vowel written or not join
    ("Perancis" ~ "Prancis", "Sumatera" ~ "Sumatra"): Indonesian writes foreign names both ways."""
    for key, v in by_key.items():
        if len(key) < 7:
            continue
        for i, ch in enumerate(key):
            if ch in _VOWELS and 0 < i < len(key) - 1 and key[i - 1] not in _VOWELS \
                    and key[i + 1] not in _VOWELS and key[i + 1] != " " and key[i - 1] != " ":
                other = by_key.get(key[:i] + key[i + 1 :])
                if other is not None:
                    groups.join(other, v)


def _group_counts(groups: _Groups) -> dict[str, int]:
    total: Counter[str] = Counter()
    for v, c in groups.counts.items():
        total[groups.find(v)] += c
    return total


def _join_name_parts(groups: _Groups) -> set[str]:
    """Join person names to the one longer name they are part of; return the groups of bare
    first names shared by several full names (no facet values on their own)."""
    roots = {groups.find(v) for v in groups.counts}
    # Words as today's spelling writes them: a group's spellings share them, whichever is root.
    words = {r: _spelt_words(r) for r in roots}
    for v in groups.counts:  # every spelling of a group can contain a part
        words.setdefault(v, _spelt_words(v))
    by_word: dict[str, set[str]] = defaultdict(set)
    for v, ws in words.items():
        for w in ws:
            by_word[w].add(v)
    totals = _group_counts(groups)
    dropped: set[str] = set()
    # Names with initials before the same names spelt out, so "Yasonna H Laoly" joins
    # "Yasonna Hamonangan Laoly" before "Yasonna Laoly" looks for the name that covers it.
    for root in sorted(roots, key=lambda r: (-len(words[r]), -_initials(words[r]),
                                             -totals[r], r)):
        part = words[root]
        spelt = [w for w in part if _initial(w) is None]
        if not spelt:
            continue
        holders = set.intersection(*(by_word[w] for w in spelt))
        containers = {groups.find(u) for u in holders
                      if len(words[u]) >= len(part) and words[u] != part
                      and covers(words[u], part)}
        containers.discard(groups.find(root))
        if not containers:
            continue
        if len(part) > 1:
            one = _dominant(containers, totals)
            # A much rarer name that begins otherwise may only name the part in passing
            # ("Iriana Joko Widodo" beside "Joko Widodo", not his name; but "Woo Jin" is Gong
            # Woo Jin's, and "Menpupera Basuki Hadimuljono" the only such name is no rival):
            # it takes the part when it is the only name covering it.
            if one is not None and (words[one][0] == part[0]
                                    or DOMINANCE * totals[one] >= totals[root]
                                    or len(containers) == 1):
                _merge(groups, totals, one, root)
            continue
        bigger = {c for c in containers if totals[c] >= totals[root]}
        begun = {c for c in containers
                 if any(words[u][0] == part[0] for u in holders if groups.find(u) == c)}
        one = _dominant(bigger, totals)
        rivals = sum(totals[c] for c in containers if c != one and totals[c] >= RIVAL_MIN)
        if one is not None and (
            # a surname, as news refers to people, of one person more than of all others
            # ("Habibie"; not "Anwar": Joko Anwar, Anwar Usman, Anwar Ibrahim, ...)
            (one not in begun and totals[one] >= SURNAME_DOMINANCE * rivals)
            or totals[one] >= DOMINANCE * sum(totals[c] for c in begun - {one})
        ):
            _merge(groups, totals, one, root)
        elif len(begun) >= 2:
            dropped.add(root)
    return {groups.find(d) for d in dropped}


def _initials(words: tuple[str, ...]) -> int:
    return sum(_initial(w) is not None for w in words)


def _dominant(candidates: set[str], totals: Mapping[str, int]) -> str | None:
    """The candidate named :data:`DOMINANCE` times as often as all the others together that
    are found in :data:`RIVAL_MIN` articles or more (one-offs are mostly misspellings)."""
    if not candidates:
        return None
    best = min(candidates, key=lambda c: (-totals[c], c))
    rest = sum(totals[c] for c in candidates if c != best and totals[c] >= RIVAL_MIN)
    return best if totals[best] >= DOMINANCE * rest else None


def _acronym(name: tuple[str, ...]) -> str:
    """The initials of a name's words but "dan" and legal forms ("bpk": Badan Pemeriksa
    Keuangan; "bca": PT Bank Central Asia Tbk)."""
    return "".join(w[0] for w in name if w != "dan" and w not in LEGAL_FORMS)


def _org_extra_ok(extra: tuple[str, ...], places: frozenset[str]) -> bool:
    """Whether the words a longer name adds to an organisation's name only say where it is,
    what legal form it has or that it is a club ("Persija Jakarta", "PT Transjakarta", "Pemprov
    DKI Jakarta", "Semen Padang FC", "Tottenham Hotspur")."""
    return " ".join(extra) in places or all(w in LEGAL_FORMS or w in CLUB_LAST for w in extra)


def _join_org_names(groups: _Groups, places: frozenset[str]) -> None:
    """An organisation's name joins the one longer name of it that adds its seat or legal form
    (Persija ~ Persija Jakarta, Transjakarta ~ PT Transjakarta: not Honda ~ Repsol Honda), and
    an acronym joins the one name of three words or more it is the initials of (BPK ~ Badan
    Pemeriksa Keuangan), used at least half as often as it; "one" as :func:`_dominant` reads
    it, and named at least 1/:data:`DOMINANCE` as often as the shorter form (no one-off name
    takes a frequent one)."""
    words = {v: tuple(w.strip(",.") for w in name_words(v)) for v in groups.counts}
    by_word: dict[str, set[str]] = defaultdict(set)
    by_initials: dict[str, set[str]] = defaultdict(set)
    for v, ws in words.items():
        for w in ws:
            by_word[w].add(v)
        if len(ws) >= 3 and all(w[:1].isalpha() for w in ws):
            by_initials[_acronym(ws)].add(v)
    totals = _group_counts(groups)
    # Every spelling of a group may be the short form ("TransJakarta", "Trans Jakarta").
    for value in sorted(groups.counts, key=lambda v: (-len(words[v]), -groups.counts[v], v)):
        part = words[value]
        root = groups.find(value)
        holders = set.intersection(*(by_word[w] for w in part))
        found = set()
        for u in holders if len(value) >= 3 else ():  # not "FA" in "Kelantan FA"
            whole = words[u]
            n = len(part)
            # A name of two words or more that begins a more frequent one was cut from it
            # ("Badan Meteorologi Klimatologi" of "Badan Meteorologi, Klimatologi, dan
            # Geofisika"; not "Timnas Indonesia" of "Timnas Indonesia U-16").
            cut = n >= 2 and totals[groups.find(u)] > totals[root]
            if len(whole) > n and (
                (whole[:n] == part and (cut or _org_extra_ok(whole[n:], places)))
                or (whole[-n:] == part and _org_extra_ok(whole[:-n], places))
            ):
                found.add(groups.find(u))
        # An acronym's full name must be used at least half as often, and in a few articles:
        # rare names that happen to spell it ("Badan Pemeriksa Keuangan Barullah" for BPKB,
        # "Ny Herina Kinal" for NHK) are not its name.
        if len(part) == 1 and value.isupper() and 3 <= len(part[0]) <= 6 and part[0].isalpha():
            for u in by_initials.get(part[0], ()):
                g = groups.find(u)
                if totals[g] >= ACRONYM_MIN and 2 * totals[g] >= totals[root]:
                    found.add(g)
        found.discard(groups.find(root))
        one = _dominant(found, totals)
        if one is not None and DOMINANCE * totals[one] >= totals[root]:
            _merge(groups, totals, one, root)


def _merge(groups: _Groups, totals: Counter[str] | dict[str, int], into: str, part: str) -> None:
    groups.join(into, part)
    totals[groups.find(into)] = totals.get(into, 0) + totals.get(part, 0)


def _half(half: str, keyed: Mapping[str, str], counts: Mapping[str, int], ticket_count: int,
          resolve: Resolver) -> str | None:
    """The person a ticket half names: a person the corpus names at least as often as the
    ticket ("Prabowo-Sandi"; not "Alexander-Arnold", a surname), else one of the extractor's
    aliases ("Jokowi")."""
    known = keyed.get(variant_key(half))
    if known is not None and counts[known] >= ticket_count and len(half) >= 3:
        return known
    return resolve(half)


def _type_map(typ: str, counts: Mapping[str, int], resolve: Resolver,
              places: frozenset[str] = frozenset()) -> dict[str, tuple[str, ...]]:
    tickets: dict[str, tuple[str, str]] = {}
    plain = dict(counts)
    if typ == "PER":
        keyed: dict[str, str] = {}  # variant key -> its most frequent spelling
        for v in sorted(counts, key=lambda v: (-counts[v], v)):
            keyed.setdefault(variant_key(v), v)
        for v in counts:
            halves = ticket_halves(v)
            if halves is None:
                continue
            a, b = (_half(h, keyed, counts, counts[v], resolve) for h in halves)
            if a and b and a != b:
                tickets[v] = (a, b)
        for v, (a, b) in tickets.items():
            del plain[v]
            for half in (a, b):
                plain[half] = plain.get(half, 0) + counts[v]
    groups = _Groups(plain)
    _join_variants(groups, typ)
    dropped = _join_name_parts(groups) if typ == "PER" else set()
    if typ == "ORG":
        _join_org_names(groups, places)
    display = {root: _display({m: plain[m] for m in ms}, typ == "PER")
               for root, ms in groups.members().items()}

    def final(v: str) -> tuple[str, ...]:
        root = groups.find(v)
        return () if root in dropped else (display[root],)

    out: dict[str, tuple[str, ...]] = {}
    for v in counts:
        if v in tickets:
            into = tuple(dict.fromkeys(x for half in tickets[v] for x in final(half)))
        else:
            into = final(v)
        if into != (v,):
            out[v] = into
    return out


def compute_map(entity_counts: Mapping[str, Mapping[str, int]],
                category_counts: Mapping[str, int], resolve: Resolver) -> EntityMap:
    """The map of a corpus from its document counts: ``entity_counts`` type -> value ->
    articles, ``category_counts`` category -> articles. ``resolve`` names the person a ticket
    half refers to when the corpus has no such value itself (the extractor's aliases)."""
    places = frozenset(variant_key(v) for v in entity_counts.get("LOC", {}))
    values = {typ: _type_map(typ, entity_counts.get(typ, {}), resolve, places)
              for typ in S.ENTITY_TYPES}
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for cat, c in category_counts.items():
        forms[category_key(cat)][cat] += c
    categories = {k: _display(f) for k, f in forms.items()}
    return EntityMap({t: m for t, m in values.items() if m},
                     {t: dict(entity_counts.get(t, {})) for t in S.ENTITY_TYPES},
                     categories)


@dataclass(slots=True)
class CorpusCounts:
    """Document counts of entity values and categories, gathered as articles go by."""

    entities: dict[str, Counter[str]] = field(
        default_factory=lambda: {t: Counter() for t in S.ENTITY_TYPES})
    categories: Counter[str] = field(default_factory=Counter)

    def add(self, entities: Mapping[str, Iterable[str]], category: str) -> None:
        for typ, values in entities.items():
            self.entities[typ].update(set(values))
        if category:
            self.categories[category] += 1
