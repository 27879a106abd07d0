"""Corpus-level normalisation of facet values: one value per real entity, one form per category.

Extraction sees one article at a time, so it cannot know that "Habibie" in one article is the
"Bacharuddin Jusuf Habibie" of 600 others. After extraction, over the document counts of every
(type, value) of the whole corpus, :func:`compute_map` decides:

* **variants join**: values equal up to case, apostrophes (' ’ ` ´, or none) and spacing, and
  names listed as one entity in ``data/equivalents.txt`` (China = Cina = Tiongkok), become one
  value: the form the corpus uses most;
* **party names**: an organisation "X" joins "Partai X" when the corpus has both;
* **tickets**: a person "A-B" whose two halves are each a person becomes those two persons;
* **name parts** (persons, longest names first): a one-word name that is part of exactly one
  more frequent full name joins it (Habibie -> Bacharuddin Jusuf Habibie), unless it is a first
  name that begins other full names too and that one does not dominate them (:data:`DOMINANCE`);
  such a bare first name is no facet value on its own (Sri, Alex); a name of several words that
  lies inside exactly one longer name joins it (Sri Mulyani ~ Sri Mulyani Indrawati); a group is
  shown as its most frequent name of two or more words;
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

EQUIVALENTS_PATH: Final = Path(__file__).parent / "data" / "equivalents.txt"
MAP_VERSION: Final = 1
PARTY_HEADS: Final = ("partai",)  # "Partai Golkar" ~ "Golkar"
# A first name shared by several full names stands for the most frequent of them only when that
# one is this many times as frequent as the others together ("Imam" in a month of news about
# Imam Nahrawi; not "Sri", which a dozen people are called).
DOMINANCE: Final = 3
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


def ticket_halves(value: str) -> tuple[str, str] | None:
    """The two sides of "A-B" when it has the shape of a ticket (both sides capitalised)."""
    m = _TICKET_RE.match(value.strip())
    if m is None or not m.group(1)[:1].isupper():
        return None
    return m.group(1).strip(), m.group(2).strip()


def _display(forms: Mapping[str, int]) -> str:
    """The form a group of names is shown in: a full name (two words or more) over a single
    word, then the most used; on a tie, not all capitals, then the fewest capitals, then
    alphabetical."""
    return min(forms, key=lambda f: (" " not in f, -forms[f], f.isupper(),
                                     sum(map(str.isupper, f)), f))


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


def _group_counts(groups: _Groups) -> dict[str, int]:
    total: Counter[str] = Counter()
    for v, c in groups.counts.items():
        total[groups.find(v)] += c
    return total


def _join_name_parts(groups: _Groups) -> set[str]:
    """Join person names to the one longer name they are part of; return the groups of bare
    first names shared by several full names (no facet values on their own)."""
    roots = {groups.find(v) for v in groups.counts}
    words = {r: name_words(r) for r in roots}
    for v in groups.counts:  # every spelling of a group can contain a part
        words.setdefault(v, name_words(v))
    by_word: dict[str, set[str]] = defaultdict(set)
    for v, ws in words.items():
        for w in ws:
            by_word[w].add(v)
    totals = _group_counts(groups)
    dropped: set[str] = set()
    for root in sorted(roots, key=lambda r: (-len(words[r]), -totals[r], r)):
        part = words[root]
        holders = set.intersection(*(by_word[w] for w in part))
        containers = {groups.find(u) for u in holders
                      if len(words[u]) > len(part) and in_order(part, words[u])}
        containers.discard(groups.find(root))
        if not containers:
            continue
        if len(part) > 1:
            if len(containers) == 1:
                _merge(groups, totals, containers.pop(), root)
            continue
        bigger = [c for c in containers if totals[c] > totals[root]]
        begun = {c for c in containers
                 if any(words[u][0] == part[0] for u in holders if groups.find(u) == c)}
        if len(bigger) == 1 and (
            bigger[0] not in begun  # a surname, as news refers to people
            or totals[bigger[0]] >= DOMINANCE * sum(totals[c] for c in begun - {bigger[0]})
        ):
            _merge(groups, totals, bigger[0], root)
        elif len(begun) >= 2:
            dropped.add(root)
    return {groups.find(d) for d in dropped}


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


def _type_map(typ: str, counts: Mapping[str, int], resolve: Resolver
              ) -> dict[str, tuple[str, ...]]:
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
    display = {root: _display({m: plain[m] for m in ms}) for root, ms in groups.members().items()}

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
    values = {typ: _type_map(typ, entity_counts.get(typ, {}), resolve)
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
