"""Organisations' names (:func:`join_org_names`): a name joins the one longer name of it that
adds its seat, legal form, club or company word, or goes on after where it was cut ("dan"); an
acronym joins the one name it spells, a ministry's short name the ministry it abbreviates; a
body's name with the home country's after it joins the body's name written more often
(:func:`join_home_units`), and a company's with a maker's in it the maker's
(:func:`join_maker_companies`). Also what a group is not shown as: a form cut before "dan"
(:func:`cut_short`)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Mapping
from typing import Final

from indexer.entities.facts import CLUB_LAST, DATA, load_names
from indexer.entity_groups import DOMINANCE, Groups, dominant, group_counts, merge_groups
from indexer.group_names import company_group, short_group
from indexer.initials import CONNECTIVES, initials
from indexer.name_keys import name_words
from indexer.variant_joins import NAME_TAILS

# The home country's names as a place value, lower case (``data/home_places.txt``).
HOME_PLACES: Final = load_names(DATA / "home_places.txt")
# The fewest articles the full name an acronym joins must be found in.
ACRONYM_MIN: Final = 5
# Legal forms of a company's name ("PT Transjakarta" ~ "Transjakarta", "Kernel Oil Pte Ltd" ~
# "Kernel Oil"). Not "sdn" of a Malaysian "Sdn Bhd": "SDN" is a state primary school.
LEGAL_FORMS: Final = frozenset({"pt", "tbk", "persero", "(persero)", "perum", "cv", "ltd", "inc",
                                "corp", "pte", "bhd", "llc", "plc", "gmbh"})
# Words of a name its acronym spells no letter of.
_NOT_SPELT: Final = CONNECTIVES | LEGAL_FORMS
# Words that join the parts of a body's name ("Kementerian Pendidikan dan Kebudayaan"), with
# which a name cut before them goes on ("Kementerian Hukum dan ..."): no name of their own.
CONJUNCTIONS: Final = CONNECTIVES | {"&"}
# Words after a company's name that say what kind of company it is ("JYP Entertainment").
ORG_SUFFIXES: Final = load_names(DATA / "org_suffixes.txt")


def cut_short(form: str, forms: Collection[str]) -> bool:
    """Whether ``form`` is another of ``forms`` cut before its "dan" ("Kementerian Hukum" of
    "Kementerian Hukum dan Hak Asasi Manusia"): a group is not shown in a cut form, however
    often the corpus writes it."""
    words = name_words(form)
    n = len(words)
    return any(len(ws) > n + 1 and ws[:n] == words and ws[n] in CONJUNCTIONS
               for ws in map(name_words, forms))


def acronym_of(name: tuple[str, ...]) -> str:
    """The initials of a name's words but "dan" and legal forms ("bpk": Badan Pemeriksa
    Keuangan; "bca": PT Bank Central Asia Tbk)."""
    return initials(name, skip=_NOT_SPELT)


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
    if words[0] in CONNECTIVES:
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


def _club(words: tuple[str, ...]) -> bool:
    """Whether a name ends with a club's last word ("Perseru Badak Lampung FC", "West Ham
    United"; a club's word alone too). Not "City": a town's name ends so ("BSD City")."""
    return bool(words) and words[-1] in CLUB_LAST


def _seated(words: tuple[str, ...], places: frozenset[str],
            word_counts: Mapping[tuple[str, ...], int]) -> bool:
    """Whether a name is another name of the corpus followed by its seat, a place, and that
    name is written twice as often at least: its initials then spell no acronym of the body
    ("Universitas Airlangga Surabaya" is no "UAS"; "Tentara Nasional Indonesia" is TNI)."""
    return any(" ".join(words[n:]) in places
               and word_counts.get(words[:n], 0) >= 2 * word_counts[words]
               for n in range(1, len(words)))


def _cut_in_group(value: str, root: str, groups: Groups,
                  words: Mapping[str, tuple[str, ...]],
                  by_word: Mapping[str, set[str]]) -> bool:
    """Whether ``value``'s words begin a longer name of the group rooted at ``root`` that the
    corpus writes more often than it: ``value`` is that name cut short."""
    ws = words[value]
    n = groups.counts[value]
    return any(len(words[u]) > len(ws) and words[u][:len(ws)] == ws
               and groups.counts[u] > n and groups.find(u) == root
               for u in set.intersection(*(by_word[w] for w in ws)))


def join_org_names(groups: Groups, places: frozenset[str],
                   spelt: Mapping[str, Collection[str]] | None = None) -> None:
    """An organisation's name joins the one longer name of it that adds its seat or legal form
    (Persija ~ Persija Jakarta, Transjakarta ~ PT Transjakarta: not Honda ~ Repsol Honda) or
    the one more frequent club's name it begins or ends, a club's name written short
    (Perseru, Badak Lampung FC ~ Perseru Badak Lampung FC), and
    an acronym joins the one name of three words or more it is the initials of (BPK ~ Badan
    Pemeriksa Keuangan), used at least half as often as it; "one" as
    :func:`~indexer.entity_groups.dominant` reads it, and named at least 1/:data:`DOMINANCE` as
    often as the shorter form (no one-off name takes a frequent one). An acronym the corpus
    spells out beside it (``spelt``: acronym -> those names) joins by its initials only a
    name it is spelt out as ("PGK" written "PT Palmindo Gemilang Kencana (PGK)" is not
    "Partai Golongan Karya"). A group's name with one of its companies' in it joins the
    group's shorter name, not the company's (Lion Group ~ Lion Air Group, not Lion Air:
    :mod:`indexer.group_names`)."""
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
            by_initials[acronym_of(ws)].add(v)
    totals = group_counts(groups)
    # Every spelling of a group may be the short form ("TransJakarta", "Trans Jakarta").
    for value in sorted(groups.counts, key=lambda v: (-len(words[v]), -groups.counts[v], v)):
        part = words[value]
        root = groups.find(value)
        holders = set.intersection(*(by_word[w] for w in part))
        found = set()
        # the groups of the longer names ``value`` begins or ends: a club's name written short
        # joins the club's name that holds nearly all of their articles (not "Manchester":
        # United's or City's)
        around = {groups.find(u) for u in holders if len(words[u]) > len(part)
                  and part in (words[u][:len(part)], words[u][-len(part):])}
        around_total = sum(totals[g] for g in around)
        for u in holders:
            whole = words[u]
            n = len(part)
            # a group's name with its company's in it is the group's, not the company's
            if company_group(part, whole, word_counts):
                continue
            if short_group(part, whole, word_counts):
                found.add(groups.find(u))
                continue
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
                or (_club(whole) and (whole[:n] == part or whole[-n:] == part)
                    and not (n == 1 and _club(part)) and totals[groups.find(u)] > totals[root]
                    and DOMINANCE * (around_total - totals[groups.find(u)])
                    <= totals[groups.find(u)])
            ):
                found.add(groups.find(u))
        # An acronym's full name must be used at least half as often, and in a few articles:
        # rare names that happen to spell it ("Badan Pemeriksa Keuangan Barullah" for BPKB,
        # "Ny Herina Kinal" for NHK) are not its name.
        # Nor is a name cut from a longer one of its group, written more often: its initials
        # are not the body's ("Lembaga Perlindungan Saksi" of "... Saksi dan Korban", LPSK,
        # does not spell LPS).
        acronym = _bare_acronym(value)
        if acronym is not None:
            named = (spelt or {}).get(value)
            for u in by_initials.get(acronym, ()):
                g = groups.find(u)
                if (named is None or u in named) and totals[g] >= ACRONYM_MIN \
                        and 2 * totals[g] >= totals[root] \
                        and not _cut_in_group(u, g, groups, words, by_word):
                    found.add(g)
        tail = _ministry_tail(value)
        if tail is not None:
            for u in by_word.get(MINISTRY[1], ()):
                if words[u][0] == MINISTRY[1] and _abbreviates(tail, words[u][1:]):
                    g = groups.find(u)
                    if totals[g] >= ACRONYM_MIN and 2 * totals[g] >= totals[root]:
                        found.add(g)
        found.discard(groups.find(root))
        one = dominant(found, totals)
        if one is not None and DOMINANCE * totals[one] >= totals[root]:
            merge_groups(groups, totals, one, root)


def join_legal_forms(groups: Groups) -> None:
    """Names equal but for their legal forms are one company ("PT Antam" ~ "Antam", "Microsoft
    Corp" ~ "Microsoft"), each the name its group is shown as (a name the joins before took
    into another body's group is not that body); not where every such name is written in
    capitals ("DAS", "PT DAS"): an acronym many things share."""
    by_bare: dict[tuple[str, ...], list[str]] = defaultdict(list)
    written: dict[tuple[str, ...], bool] = defaultdict(bool)  # ... ever in small letters
    for root, vs in sorted(groups.members().items()):
        shown = min(vs, key=lambda v: (-groups.counts[v], v))
        bare = tuple(w for w in name_words(shown) if w not in LEGAL_FORMS)
        if bare:
            by_bare[bare].append(root)
            written[bare] |= not " ".join(w for w in shown.split()
                                          if w.lower() not in LEGAL_FORMS).isupper()
    for bare, roots in by_bare.items():
        if len(roots) > 1 and written[bare]:
            for other in roots[1:]:
                groups.join(roots[0], other)


def join_home_units(groups: Groups) -> None:
    """A body's name with the home country's name after it joins the body's name where the
    corpus writes that as often at least, each the name its group is shown as: the home press
    names a company's or a body's home unit by the body's name ("Grab Indonesia" ~ "Grab",
    "Kementerian Luar Negeri Indonesia" ~ "Kementerian Luar Negeri"). Not where the longer name
    is written more ("Partai Komunis Indonesia": "Partai Komunis" is a cut form of many
    parties), nor a name of two letters ("DW": alone it names none)."""
    totals = group_counts(groups)
    by_words: dict[tuple[str, ...], str] = {}
    shown: dict[str, tuple[str, ...]] = {}
    for root, vs in sorted(groups.members().items()):
        words = name_words(min(vs, key=lambda v: (-groups.counts[v], v)))
        shown[root] = words
        by_words.setdefault(words, root)
    tails = [tuple(h.split()) for h in HOME_PLACES]
    for root, words in shown.items():
        for tail in tails:
            n = len(words) - len(tail)
            bare = by_words.get(words[:n]) if n > 0 and words[n:] == tail else None
            if bare is not None and totals[bare] >= totals[root] and len("".join(words[:n])) > 2:
                groups.join(bare, root)


def join_maker_companies(groups: Groups, makers: Collection[str]) -> None:
    """A company's name of a legal form and more words, one of which is a maker's name
    (``makers``: the corpus's, :func:`~indexer.product_names.maker_names`), is the maker's
    company at home, which the home press names by the maker's name: its group joins the
    maker's where the corpus writes that as often at least ("PT Astra Daihatsu Motor" ~
    "Daihatsu", "PT Toyota Astra Motor" ~ "Toyota", "PT Astra Honda Motor" ~ "Honda"). Not a
    name of two makers' names, nor one without a legal form: a maker's team or foundation
    ("Suzuki Ecstar", "Djarum Foundation") is another body."""
    totals = group_counts(groups)
    by_word = {ws[0]: m for m in makers if m in groups.counts and len(ws := name_words(m)) == 1}
    for v in sorted(groups.counts):
        words = name_words(v)
        if len(words) < 3 or words[0] not in LEGAL_FORMS:
            continue
        found = {groups.find(by_word[w]) for w in words[1:] if w in by_word}
        root = groups.find(v)
        if len(found) == 1 and (maker := found.pop()) != root and totals[maker] >= totals[root]:
            merge_groups(groups, totals, maker, root)
