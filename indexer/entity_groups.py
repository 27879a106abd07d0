"""The rules of the corpus-level map (:mod:`indexer.entity_norm` describes them): groups of
facet values that name one entity, joined over a union-find (:class:`Groups`) by variant and
spelling keys, equivalents, party and place heads (:func:`join_variants`), parts of persons'
names (:func:`join_name_parts`) and of organisations' names (:func:`join_org_names`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Mapping
from functools import cache
from pathlib import Path
from typing import Final

from indexer.entities.facts import CLUB_LAST, DATA, load_names
from indexer.name_keys import (
    covers,
    initial,
    loose_words,
    name_words,
    spelling_key,
    spelt_words,
    variant_key,
    word_variants,
)

EQUIVALENTS_PATH: Final = Path(__file__).parent / "data" / "equivalents.txt"
# "Partai Golkar" ~ "Golkar"; "Timnas U-16 Indonesia" ~ "U-16 Indonesia".
PARTY_HEADS: Final = ("partai", "timnas")
# Words that say what kind of place a name is ("Kota Medan" ~ "Medan", "Pulau Sumatera" ~
# "Sumatera", "Republik Indonesia" ~ "Indonesia"), and those of them that name two places when
# both are written with the same name (Kota / Kabupaten Bandung).
PLACE_HEADS: Final = ("kota", "kabupaten", "provinsi", "pulau", "republik", "kerajaan", "negara",
                      "sirkuit", "stadion", "stadion utama", "candi", "gunung", "bandara")
REGION_HEADS: Final = frozenset({"kota", "kabupaten"})
# A kind of place whose name's rest may be another place ("Kepulauan Riau" is not Riau): "X"
# joins "Kepulauan X" only where that is named at least as often ("Mariana Utara").
WEAK_PLACE_HEADS: Final = ("kepulauan",)
# Words after a name that only say whose it is ("Gedung DPR RI": Republik Indonesia's).
NAME_TAILS: Final = ("ri",)
# English words after a place's name that only say its kind ("Anfield Stadium" ~ "Anfield").
PLACE_TAILS: Final = ("stadium",)
# The fewest articles the full name an acronym joins must be found in.
ACRONYM_MIN: Final = 5
# Legal forms of a company's name ("PT Transjakarta" ~ "Transjakarta").
LEGAL_FORMS: Final = frozenset({"pt", "tbk", "persero", "(persero)", "cv", "ltd", "inc", "corp"})
# An organisation's name of this many words or more is one name in any order of its words.
PERMUTED_MIN: Final = 3
# Words that go on with a name that was cut before them ("Kementerian Hukum dan ...").
CONJUNCTIONS: Final = frozenset({"dan", "&"})
# Words after a company's name that say what kind of company it is ("JYP Entertainment").
ORG_SUFFIXES: Final = load_names(DATA / "org_suffixes.txt")
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



class Groups:
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


def join_variants(groups: Groups, typ: str) -> None:
    # Each variant key stands for its most written spelling and counts all of them: a rule
    # comparing how often two names are written compares every spelling of each, whatever
    # order the values came in ("RIAU" 2 is Riau 460, which "Kepulauan Riau" 81 is not).
    by_key: dict[str, str] = {}
    key_counts: Counter[str] = Counter()
    for v in sorted(groups.counts, key=lambda v: (-groups.counts[v], v)):
        key = variant_key(v)
        key_counts[key] += groups.counts[v]
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
    if typ == "PER":
        _join_loose_spellings(groups)
    for etype, keys in equivalents():
        if etype == typ:
            present = [by_key[k] for k in sorted(keys) if k in by_key]
            for other in present[1:]:
                groups.join(present[0], other)
    if typ == "ORG":
        # The same words in another order name one body ("Timnas U-16 Indonesia", "Timnas
        # Indonesia U-16"; "Badan Penanggulangan Bencana Nasional"): three words at least.
        by_words: dict[tuple[str, ...], str] = {}
        for key, v in by_key.items():
            words = key.split(" ")
            if len(words) >= PERMUTED_MIN:
                first = by_words.setdefault(tuple(sorted(words)), v)
                if first != v:
                    groups.join(first, v)
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
            for tail in PLACE_TAILS:
                full = by_key.get(f"{key} {tail}")
                if full is not None:
                    groups.join(full, v)
            for head in WEAK_PLACE_HEADS:
                full = by_key.get(f"{head} {key}")
                if full is not None and key_counts[f"{head} {key}"] >= key_counts[key]:
                    groups.join(full, v)
    if typ == "LOC":
        _join_vowel_spellings(groups, by_key)
    # Spaced or not ("Hong Kong", "Hongkong"; "Jung Kook", "Jungkook"), and "RI" after a name
    # ("Gedung DPR RI", "DPR-RI"): one name.
    by_compact: dict[str, str] = {}
    for key, v in sorted(by_key.items()):
        compact = key.replace(" ", "").replace("-", "")  # "Soekarno-Hatta", "Soekarno Hatta"
        if compact in by_compact:
            groups.join(by_compact[compact], v)
        else:
            by_compact[compact] = v
        for tail in NAME_TAILS:
            for sep in (" ", "-"):  # "Gedung DPR RI", "DPR-RI"
                if key.endswith(f"{sep}{tail}"):
                    short = by_key.get(key.removesuffix(f"{sep}{tail}"))
                    if short is not None:
                        groups.join(short, v)


def _join_loose_spellings(groups: Groups) -> None:
    """Persons' names of two words or more that are one name read loosely
    (:func:`~indexer.name_keys.loose_words`: Aziz / Azis, Syamsuddin / Syamsudin) join when they
    also share a word spelt alike: the corpus shows the other spelling beside the same name."""
    by_loose: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for v in groups.counts:
        words = loose_words(v)
        if len(words) >= 2:
            by_loose[words].append(v)
    for names in by_loose.values():
        spelt = {v: set(spelt_words(v)) for v in names}
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                if spelt[a] & spelt[b]:
                    groups.join(a, b)


_VOWELS: Final = frozenset("aeiou")


def _join_vowel_spellings(groups: Groups, by_key: Mapping[str, str]) -> None:
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


def cut_short(form: str, forms: Collection[str]) -> bool:
    """Whether ``form`` is another of ``forms`` cut before its "dan" ("Kementerian Hukum" of
    "Kementerian Hukum dan Hak Asasi Manusia"): a group is not shown in a cut form, however
    often the corpus writes it."""
    words = name_words(form)
    n = len(words)
    return any(len(ws) > n + 1 and ws[:n] == words and ws[n] in CONJUNCTIONS
               for ws in map(name_words, forms))


def group_counts(groups: Groups) -> dict[str, int]:
    """Each group's root with the summed count of its members."""
    total: Counter[str] = Counter()
    for v, c in groups.counts.items():
        total[groups.find(v)] += c
    return total


def join_name_parts(groups: Groups) -> set[str]:
    """Join person names to the one longer name they are part of; return the groups of bare
    first names shared by several full names (no facet values on their own)."""
    roots = {groups.find(v) for v in groups.counts}
    # Words as today's spelling writes them, and as one where the corpus writes a word of a
    # name both ways (:func:`~indexer.name_keys.word_variants`): a group's spellings share
    # them, whichever is root, and a part counts the names of every spelling that may hold it
    # ("Syarief": Elza Syarief, and Laode M Syarif too).
    variants = word_variants(groups.counts)

    def read(v: str) -> tuple[str, ...]:
        return tuple(variants.get(w, w) for w in spelt_words(v))

    words = {r: read(r) for r in roots}
    for v in groups.counts:  # every spelling of a group can contain a part
        words.setdefault(v, read(v))
    by_word: dict[str, set[str]] = defaultdict(set)
    for v, ws in words.items():
        for w in ws:
            by_word[w].add(v)
    totals = group_counts(groups)
    full: Counter[str] | None = None
    dropped: set[str] = set()
    # Names with initials before the same names spelt out, so "Yasonna H Laoly" joins
    # "Yasonna Hamonangan Laoly" before "Yasonna Laoly" looks for the name that covers it.
    for root in sorted(roots, key=lambda r: (-len(words[r]), -_initials(words[r]),
                                             -totals[r], r)):
        part = words[root]
        spelt = [w for w in part if initial(w) is None]
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
                merge_groups(groups, totals, one, root)
            continue
        if full is None:
            # A full name is weighed by how often it is written in full (with its spellings):
            # the bare parts that joined it say nothing about the next part ("Kris" joining
            # Kriss Hatta does not make "Hatta" his rather than Mohammad Hatta's).
            full = Counter(totals)
        bigger = {c for c in containers if full[c] >= totals[root]}
        begun = {c for c in containers
                 if any(words[u][0] == part[0] for u in holders if groups.find(u) == c)}
        one = _dominant(bigger, full)
        rivals = sum(full[c] for c in containers if c != one and full[c] >= RIVAL_MIN)
        if one is not None and (
            # a surname, as news refers to people, of one person more than of all others
            # ("Habibie"; not "Anwar": Joko Anwar, Anwar Usman, Anwar Ibrahim, ...)
            (one not in begun and full[one] >= SURNAME_DOMINANCE * rivals)
            or full[one] >= DOMINANCE * sum(full[c] for c in begun - {one})
        ):
            merge_groups(groups, totals, one, root)
        elif len(begun) >= 2 or sum(full[c] >= RIVAL_MIN for c in containers) >= 2:
            # a word of several people's names, none of whom it mostly stands for ("Luna":
            # Luna Maya, Lucinta Luna): no one entity
            dropped.add(root)
    return {groups.find(d) for d in dropped}


def _initials(words: tuple[str, ...]) -> int:
    return sum(initial(w) is not None for w in words)


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


def _bare_acronym(value: str) -> str | None:
    """The acronym (lower case) a value is, also with "RI" after it ("DPD RI", "DPR-RI": the
    Republic's, as in "Gedung DPR RI"), or None."""
    v = value.strip()
    for tail in NAME_TAILS:
        for sep in (" ", "-"):
            v = v.removesuffix(f"{sep}{tail.upper()}")
    return v.lower() if v.isupper() and v.isalpha() and 3 <= len(v) <= 6 else None


# A ministry's short name: "Kemen" and the start of its field, maybe past an affix
# (Kementan: Kementerian Pertanian; Kemendag: Perdagangan; Kemenpan: Pendayagunaan Aparatur
# Negara).
MINISTRY: Final = ("kemen", "kementerian")
FIELD_AFFIXES: Final = ("per", "pen", "pem", "pe", "ke")


def _abbreviates(tail: str, words: tuple[str, ...]) -> bool:
    """Whether ``tail`` is made of the starts of ``words`` in order, from the first word on,
    each maybe past an affix ("tan": "pertanian"; "pan": "pendayagunaan aparatur negara")."""
    if not tail:
        return True
    if not words:
        return False
    if words[0] == "dan":
        return _abbreviates(tail, words[1:])
    stems = [words[0]] + [words[0][len(a):] for a in FIELD_AFFIXES if words[0].startswith(a)]
    return any(stem.startswith(tail[:k]) and _abbreviates(tail[k:], words[1:])
               for stem in stems for k in range(min(len(tail), len(stem)), 0, -1))


def _ministry_tail(value: str) -> str | None:
    """The field part of a ministry's short name ("tan" of "Kementan"; "kominfo" of
    "Kementerian Kominfo", its field's syllables after the full head word), or None."""
    v = value.strip().lower()
    short, full = MINISTRY
    head, _, rest = v.partition(" ")
    if head == full and rest.isalpha():
        return rest
    if " " in v or not v.startswith(short) or v.startswith(full) or not v.isalpha():
        return None
    tail = v[len(short):]
    return tail if len(tail) >= 2 else None


def _org_extra_ok(extra: tuple[str, ...], places: frozenset[str]) -> bool:
    """Whether the words a longer name adds to an organisation's name only say where it is,
    what legal form it has or that it is a club ("Persija Jakarta", "PT Transjakarta", "Pemprov
    DKI Jakarta", "Semen Padang FC", "Tottenham Hotspur")."""
    return " ".join(extra) in places or all(
        w in LEGAL_FORMS or w in CLUB_LAST or w in ORG_SUFFIXES for w in extra)


def _seated(words: tuple[str, ...], places: frozenset[str],
            word_counts: Mapping[tuple[str, ...], int]) -> bool:
    """Whether a name is another name of the corpus followed by its seat, a place, and that
    name is written twice as often at least: its initials then spell no acronym of the body
    ("Universitas Airlangga Surabaya" is no "UAS"; "Tentara Nasional Indonesia" is TNI)."""
    return any(" ".join(words[n:]) in places
               and word_counts.get(words[:n], 0) >= 2 * word_counts[words]
               for n in range(1, len(words)))


def join_org_names(groups: Groups, places: frozenset[str]) -> None:
    """An organisation's name joins the one longer name of it that adds its seat or legal form
    (Persija ~ Persija Jakarta, Transjakarta ~ PT Transjakarta: not Honda ~ Repsol Honda), and
    an acronym joins the one name of three words or more it is the initials of (BPK ~ Badan
    Pemeriksa Keuangan), used at least half as often as it; "one" as :func:`_dominant` reads
    it, and named at least 1/:data:`DOMINANCE` as often as the shorter form (no one-off name
    takes a frequent one)."""
    words = {v: tuple(w.strip(",.") for w in name_words(v)) for v in groups.counts}
    by_word: dict[str, set[str]] = defaultdict(set)
    by_initials: dict[str, set[str]] = defaultdict(set)
    word_counts: Counter[tuple[str, ...]] = Counter()
    for v, ws in words.items():
        for w in ws:
            by_word[w].add(v)
        word_counts[ws] += groups.counts[v]
    for v, ws in words.items():
        if len(ws) >= 3 and all(w[:1].isalpha() for w in ws) and not _seated(ws, places,
                                                                               word_counts):
            by_initials[_acronym(ws)].add(v)
    totals = group_counts(groups)
    # Every spelling of a group may be the short form ("TransJakarta", "Trans Jakarta").
    for value in sorted(groups.counts, key=lambda v: (-len(words[v]), -groups.counts[v], v)):
        part = words[value]
        root = groups.find(value)
        holders = set.intersection(*(by_word[w] for w in part))
        found = set()
        for u in holders:
            whole = words[u]
            n = len(part)
            if len(value) < 3:  # not "FA" in "Kelantan FA"; but before a company word
                if len(whole) > n and whole[:n] == part and all(
                        w in ORG_SUFFIXES for w in whole[n:]):
                    found.add(groups.find(u))
                continue
            # A name of two words or more that begins a more frequent one, or one that goes on
            # with "dan", was cut from it ("Badan Meteorologi Klimatologi" of "Badan
            # Meteorologi, Klimatologi, dan Geofisika", "Kementerian Hukum" of "Kementerian
            # Hukum dan Hak Asasi Manusia"; not "Timnas Indonesia" of "Timnas Indonesia U-16").
            cut = n >= 2 and (totals[groups.find(u)] > totals[root]
                              or (len(whole) > n and whole[n] in CONJUNCTIONS))
            if len(whole) > n and (
                (whole[:n] == part and (cut or _org_extra_ok(whole[n:], places)))
                or (whole[-n:] == part and _org_extra_ok(whole[:-n], places))
            ):
                found.add(groups.find(u))
        # An acronym's full name must be used at least half as often, and in a few articles:
        # rare names that happen to spell it ("Badan Pemeriksa Keuangan Barullah" for BPKB,
        # "Ny Herina Kinal" for NHK) are not its name.
        acronym = _bare_acronym(value)
        if acronym is not None:
            for u in by_initials.get(acronym, ()):
                g = groups.find(u)
                if totals[g] >= ACRONYM_MIN and 2 * totals[g] >= totals[root]:
                    found.add(g)
        tail = _ministry_tail(value)
        if tail is not None:
            for u in by_word.get(MINISTRY[1], ()):
                if words[u][0] == MINISTRY[1] and _abbreviates(tail, words[u][1:]):
                    g = groups.find(u)
                    if totals[g] >= ACRONYM_MIN and 2 * totals[g] >= totals[root]:
                        found.add(g)
        found.discard(groups.find(root))
        one = _dominant(found, totals)
        if one is not None and DOMINANCE * totals[one] >= totals[root]:
            merge_groups(groups, totals, one, root)


def merge_groups(groups: Groups, totals: Counter[str] | dict[str, int], into: str,
                 part: str) -> None:
    """Join ``part``'s group to ``into``'s, keeping ``totals`` (by root) up to date."""
    groups.join(into, part)
    totals[groups.find(into)] = totals.get(into, 0) + totals.get(part, 0)
