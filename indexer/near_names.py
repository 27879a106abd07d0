"""Two more joins of the corpus-level map (:mod:`indexer.entity_norm`), of names near another:

* **misspelt persons' names** (:func:`join_misspellings`): a person's name of two words or more
  that differs from a name written :data:`MISSPELLING_DOMINANCE` times as often by one letter
  (left out, added or changed) in one word of seven letters or more joins it ("Baharuddin Jusuf
  Habibie" ~ Bacharuddin, "Nawawi Pamolango" ~ Pomolango, "Airlangga Hartato" ~ Hartarto).
  Shorter words are often two names ("Iman", "Imam");
* **clubs without their club word** (:func:`join_club_names`): an organisation "X" joins the
  one organisation "X <club word>" or "<club word> X" (``data/club_context.txt``: Norwich ~
  Norwich City, Barito ~ Barito Putera, Dortmund ~ Borussia Dortmund, Sociedad ~ Real
  Sociedad, Tira Persikabo ~ PS Tira Persikabo, Kalteng Putra ~ Kalteng Putra FC) named a
  third as often as it at least where "X" is one word, when no other such name has a tenth of
  its articles (Milan: AC Milan and Inter Milan);
* **short club names** (:func:`join_short_words`): a one-word organisation's name that begins
  the one one-word name three letters longer or more written three times as often joins it
  ("Barca" ~ Barcelona);
* **z for s** (:func:`join_z_spellings`): place names equal but for a "z" written for an "s"
  join the one written three times as often ("Mozes" ~ Moses; a one-letter join of places in
  general would take Kemang for Jepang);
* **a body named after an officer's title** (:func:`join_titled`): an organisation's name that
  begins with titles (``data/titles.txt``) and goes on with another organisation's name joins
  it ("Kabid Humas Polda Metro Jaya" ~ Polda Metro Jaya, "Pelatih Persib" ~ Persib), and a
  body's name without its unit word the one name with it (:func:`join_unit_heads`);
* **a person's name after an office's name cut short** (:func:`join_title_cuts`):
  "Informatika Rudiantara" ~ Rudiantara.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping
from typing import Final

from indexer.entities.facts import (
    CLUB_FIRST,
    CLUB_SUFFIXES,
    TITLE_QUALIFIERS,
    TITLES,
    unit_word,
)
from indexer.entity_groups import DOMINANCE, RIVAL_MIN, Groups, group_counts, merge_groups
from indexer.name_keys import name_words, variant_key
from indexer.name_parts import called_by
from indexer.region_kinds import LOCAL
from indexer.tagged_names import deletions, office_word
from indexer.variant_joins import SidedJoins

MISSPELLING_DOMINANCE: Final = 3
MISSPELT_WORD_MIN: Final = 7
# A place's name one vowel apart from another's (:func:`join_vowel_swaps`).
SWAP_KEY_MIN: Final = 8
SWAP_DOMINANCE: Final = 5
SWAP_MIN: Final = 10
_SWAP_VOWELS: Final = frozenset("aeiou")
# Names whose other words only they and RARE_HOLDERS - 2 more names hold: a word of RARE_WORD_MIN
# letters one letter apart joins a name written RARE_DOMINANCE times as often.
RARE_WORD_MIN: Final = 5
RARE_HOLDERS: Final = 5
RARE_DOMINANCE: Final = 2
# A rival club name has this share of the articles of the one a bare name would join.
CLUB_RIVAL_SHARE: Final = 0.1


def join_misspellings(groups: Groups, min_words: int = 2,
                      word_min: int = MISSPELT_WORD_MIN,
                      sides: Mapping[str, bool] | None = None) -> None:
    """Names of ``min_words`` words or more one letter apart in one word of ``word_min``
    letters or more join the one written most. (Not for places: short names of different
    places are often one letter apart: Kemang, Jepang; Badung, Bandung.) Not an officer's
    and another person's (``sides``: :class:`~indexer.variant_joins.SidedJoins`)."""
    totals = group_counts(groups)
    sided = SidedJoins(groups, sides or {})
    near, rare = _near_spellings(groups.counts, min_words, (word_min, RARE_WORD_MIN))
    # Shorter words too, and at a lower dominance, where the names' other words are rare ones
    # only they hold: "Abisai Rolio" ~ "Abisai Rollo" (a misread "l"), "Andik Vermansah" ~
    # "Andik Vermansyah"; not "Iman" ~ "Imam" in general.
    # (held by names of other people: the spellings one person's name is already joined from
    # hold its words once, "Aditya Daffa Al Haqi" ~ "Aditya Daffa")
    held: dict[str, set[str]] = defaultdict(set)
    for v in groups.counts:
        for w in set(name_words(v)):
            held[w].add(groups.find(v))
    holders = {w: len(roots) for w, roots in held.items()}
    for v in sorted(groups.counts, key=lambda v: (totals[groups.find(v)], v)):
        if v not in rare:  # which holds every value near holds
            continue
        root = groups.find(v)
        alike = {groups.find(u) for u in rare[v] if _rarely_shared(v, u, holders)}
        found = alike | {groups.find(u) for u in near.get(v, ())}
        found.discard(root)
        if found:
            best = min(found, key=lambda g: (-totals[g], g))
            if totals[best] >= (RARE_DOMINANCE if best in alike else
                                MISSPELLING_DOMINANCE) * totals[root]:
                sided.join(best, root, lambda a, b: merge_groups(groups, totals, a, b))


# Persons' names of this many words or more, equal but for one word of SPELT_WORD_MIN letters
# or more (the longer) one letter apart, are one name spelt two ways: :func:`join_spelt_names`.
SPELT_NAME_WORDS: Final = 3
SPELT_WORD_MIN: Final = 5


def join_spelt_names(groups: Groups, sides: Mapping[str, bool] | None = None) -> None:
    """Names of :data:`SPELT_NAME_WORDS` words or more, equal but for one word that is one
    letter apart, both of letters only and beginning alike, join whichever is the more written
    ("Joan Tomas Campasol" ~ "Joan Tomas Compasol", "Gempita Nora Marten" ~ "Gempita Noura
    Marten"): two words written alike tell the one person where a name of two words would not
    ("Kim Hyung Soo" is not "Kim Myung Soo"; nor "Lenovo Yoga C640" "C940"). Then the name of
    their words before a last word so spelt, which the parts left apart as the start of two
    names, joins them where every name it starts is now theirs ("Joan Tomas"). After the other
    joins of persons' names, which weigh each spelling as a full name of its own. Not an
    officer's and another person's (``sides``)."""
    totals = group_counts(groups)
    sided = SidedJoins(groups, sides or {})
    near = _near_spellings(groups.counts, SPELT_NAME_WORDS, (SPELT_WORD_MIN, SPELT_WORD_MIN))[0]

    def merge(a: str, b: str) -> None:
        merge_groups(groups, totals, a, b)

    starts: set[tuple[str, ...]] = set()
    for v in sorted(near):
        words = name_words(v)
        for u in sorted(near[v]):
            i, a, b = next(((i, x, y) for i, (x, y) in enumerate(zip(words, name_words(u),
                                                                      strict=True))
                            if x != y), (0, "", ""))  # ("" where the two are variants)
            if a[:1] == b[:1] != "" and a.isalpha() and b.isalpha():
                sided.join(groups.find(v), groups.find(u), merge)
                if i == len(words) - 1:
                    starts.add(words[:i])
    by_words = {name_words(v): v for v in sorted(groups.counts, key=lambda v: -groups.counts[v])}
    for start in sorted(starts):
        part = by_words.get(start)
        if part is None:
            continue
        holders = {groups.find(v) for ws, v in by_words.items()
                   if len(ws) > len(start) and ws[:len(start)] == start}
        if len(holders) == 1:
            sided.join(holders.pop(), groups.find(part), merge)


def _rarely_shared(v: str, u: str, holders: Mapping[str, int]) -> bool:
    """The words ``v`` and ``u`` share are held by at most :data:`RARE_HOLDERS` names, and
    their words begin alike ("Margo Yuwono" is not "Argo Yuwono")."""
    a, b = name_words(v), name_words(u)
    shared = set(a) & set(b)
    return bool(shared) and all(holders[w] <= RARE_HOLDERS for w in shared) and \
        [x[:1] for x in a] == [y[:1] for y in b]


def _near_spellings(values: Collection[str], min_words: int, word_mins: tuple[int, int]
                    ) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """For each of ``word_mins``: each value with the others one letter apart from it in one
    word (both names of ``min_words`` words or more, the longer of the two words of that many
    letters or more). Which values are near does not change as groups merge, so it is found
    once, for both lengths in one pass: only values equal but for the one word can be, and
    those are few."""
    names = {v: name_words(v) for v in values}
    least = min(word_mins) - 1  # the shortest word of a pair near at either length
    rest: dict[tuple[int, tuple[str, ...], tuple[str, ...]], list[str]] = defaultdict(list)
    for v, words in names.items():
        if len(words) < min_words:
            continue
        for i, w in enumerate(words):
            if len(w) >= least:
                rest[(i, words[:i], words[i + 1 :])].append(v)
    near: tuple[dict[str, set[str]], dict[str, set[str]]] = (defaultdict(set), defaultdict(set))
    for (i, _before, _after), vs in rest.items():
        if len(vs) < 2:
            continue
        cut = {v: deletions(names[v][i]) for v in vs}
        for v in vs:
            for u in vs:
                if u == v or cut[v].isdisjoint(cut[u]):
                    continue
                shorter, longer = sorted((len(names[v][i]), len(names[u][i])))
                for found, word_min in zip(near, word_mins, strict=True):
                    if shorter >= word_min - 1 and longer >= word_min:
                        found[v].add(u)
    return near


def join_club_names(groups: Groups) -> None:
    """A club's name without its club word joins the one name with it."""
    totals = group_counts(groups)
    by_key: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for v in groups.counts:
        words = name_words(v)
        if len(words) >= 2 and words[-1] in CLUB_SUFFIXES:
            by_key[words[:-1]].add(v)
        if len(words) >= 2 and words[0] in CLUB_FIRST:
            by_key[words[1:]].add(v)
    for v in sorted(groups.counts, key=lambda v: (totals[groups.find(v)], v)):
        root = groups.find(v)
        found = {groups.find(u) for u in by_key.get(name_words(v), ())} - {root}
        if not found:
            continue
        best = min(found, key=lambda g: (-totals[g], g))
        rivals = [g for g in found if g != best
                  and totals[g] >= max(RIVAL_MIN, CLUB_RIVAL_SHARE * totals[best])]
        # The bare name may be the more frequent ("Tira Persikabo", "PS Tira Persikabo"); a
        # bare name of one word needs the club's name a third as often (a town's name:
        # "Norwich"), one of several is the club's however rarely the suffix is written
        # ("Kalteng Putra", "Kalteng Putra FC").
        if not rivals and (len(name_words(v)) > 1 or DOMINANCE * totals[best] >= totals[root]):
            merge_groups(groups, totals, best, root)


def join_titled(groups: Groups) -> None:
    """An organisation's name made of titles and another organisation's name joins it."""
    totals = group_counts(groups)
    by_words: dict[tuple[str, ...], str] = {}
    for v in sorted(groups.counts, key=lambda v: (-groups.counts[v], v)):
        by_words.setdefault(name_words(v), v)
    for v in sorted(groups.counts):
        words = name_words(v)
        i = 0
        while i < len(words) - 1 and (words[i] in TITLES or words[i] in TITLE_QUALIFIERS):
            i += 1
        rest = by_words.get(words[i:]) if i else None
        if rest is not None and groups.find(rest) != groups.find(v):
            merge_groups(groups, totals, groups.find(rest), groups.find(v))


# The shortest word an office's name cut short may leave before a person's name.
CUT_WORD_MIN: Final = 3


def join_title_cuts(groups: Groups, org_words: Collection[str]) -> set[str]:
    """A person's name of two words or more that begins with a word of organisations' names
    (``org_words``) or an office's short form (:func:`~indexer.tagged_names.office_word`), and
    of no person's own name, and goes on with another person's name, written at least as
    often, joins it: the first word is the end of an office's name cut short ("Menteri
    Komunikasi dan Informatika Rudiantara": "Informatika Rudiantara" ~ Rudiantara) or the
    office's before a full name ("Menpupera Basuki Hadimuljono"). Returns the names that
    joined, which are never shown as their group's name."""
    totals = group_counts(groups)
    by_words: dict[tuple[str, ...], str] = {}
    for v in sorted(groups.counts, key=lambda v: (-groups.counts[v], v)):
        by_words.setdefault(name_words(v), v)
    # Not an office's before a name of one word: the office may be another's of that name
    # ("MenpanRB Syafruddin", the minister, beside Faisal Syafruddin).
    cut = {ws: by_words.get(ws[1:]) for ws in by_words
           if len(ws) >= 2 and len(ws[0]) >= CUT_WORD_MIN
           and (ws[0] in org_words or len(ws) >= 3 and office_word(ws[0]))}
    # The words of persons' names other than such a first word: a word of some person's own
    # name ("Agung", "Muhammad") begins no office's name.
    own = {w for ws in by_words for w in (ws[1:] if cut.get(ws) else ws)}
    joined = set()
    for v in sorted(groups.counts):
        words = name_words(v)
        rest = cut.get(words)
        if rest is None or words[0] in own:
            continue
        root, other = groups.find(v), groups.find(rest)
        if root != other and totals[other] >= totals[root]:
            merge_groups(groups, totals, other, root)
            joined.add(v)
    return joined


# The one full name a one-word name joins though named less often: in this many articles, and
# a third as many as the one word at least.
LONE_FULL_MIN: Final = 10
LONE_SHARE: Final = 1 / 3
# A one-word name this long may be the start of a full name's first word ("Gisel": Gisella).
NICK_MIN: Final = 4


def join_lone_parts(groups: Groups, dropped: set[str], org_words: Collection[str],
                    linked: Collection[str] = ()) -> set[str]:
    """A one-word person's name that is the start of a word of one full name only,
    written less often than it (the parts rule asks for at least as often) but still often,
    joins it: "Gisel" (39) ~ Gisella Anastasia (21), "Radit" ~ Raditya Dika; so does one that
    is a whole word of one full name only, found in :data:`RIVAL_MIN` articles and a third as
    many as the word ("Mulan" ~ Mulan Jameela; not "Ronaldo" beside Cristiano Ronaldo and
    Ronaldo Nazario: the parts rule weighs those), however many when it is the first word of
    that name and no other name written twice holds it ("Hotman" ~ Hotman Paris Hutapea). A
    full name with a word of ``org_words``
    (words of frequent organisations' names) is no one's: "Informatika Rudiantara" is a title
    cut short. ``linked``: one-word names the words around them link to a person
    (:func:`~indexer.name_evidence.linked_words`), his. Returns ``dropped`` with the groups
    that joined left out."""
    totals = group_counts(groups)
    by_start: dict[str, set[str]] = defaultdict(set)
    by_word: dict[str, set[str]] = defaultdict(set)
    for v in groups.counts:
        words = name_words(v)
        if len(words) >= 2 and not any(w in org_words for w in words):
            for w in words:
                by_word[w].add(v)
                for k in range(NICK_MIN, len(w)):  # "Kumala": Barbie Kumalasari
                    by_start[w[:k]].add(v)
    waived: dict[str, int] = defaultdict(int)  # group -> articles of given names joined alone
    for v in sorted(groups.counts, key=lambda v: (totals[groups.find(v)], v)):
        words = name_words(v)
        root = groups.find(v)
        if len(words) != 1 or root in dropped or len(name_words(root)) != 1 or v in linked:
            continue
        held = {g for g in map(groups.find, by_start.get(words[0], ()))
                if g != root and totals[g] >= RIVAL_MIN}
        whole = {g for g in map(groups.find, by_word.get(words[0], ()))
                 if g != root and totals[g] >= RIVAL_MIN}
        if len(held) == 1 and not whole - held:
            (one,) = held
            least = LONE_FULL_MIN
        elif len(whole) == 1 and not held - whole:
            # the one name of several words the corpus writes the word in ("Mulan": Mulan
            # Jameela, "Kumalasari": Barbie Kumalasari)
            (one,) = whole
            least = RIVAL_MIN
        else:
            continue
        # A given name no other name written twice holds is that person's however often it
        # is written alone ("Hotman": Hotman Paris Hutapea).
        share = 0.0 if one in whole and not any(
            groups.find(u) != one and totals[groups.find(u)] >= 2
            for u in by_word.get(words[0], ())) and any(
            name_words(u)[0] == words[0] for u in by_word.get(words[0], ())
            if groups.find(u) == one) else LONE_SHARE
        # not a word only written inside the name (:func:`~indexer.name_parts.called_by`);
        # the articles of a given name joined so do not count for another word ("Thamrin",
        # a street, is not Delon Thamrin's because "Delon" is)
        if totals[one] - waived[one] >= max(least, share * totals[root]) and any(
                called_by(words[0], name_words(u), one in held)
                for u in by_start.get(words[0], set()) | by_word.get(words[0], set())
                if groups.find(u) == one):
            added = 0 if share else totals[root]
            moved = waived.pop(one, 0) + waived.pop(root, 0) + added
            merge_groups(groups, totals, one, root)
            waived[groups.find(one)] = moved
    return {groups.find(d) for d in dropped}


def org_words(counts: Mapping[str, int], least: int = 20) -> frozenset[str]:
    """The words of organisations' names found in ``least`` articles or more together."""
    found: dict[str, int] = defaultdict(int)
    for v, c in counts.items():
        for w in set(name_words(v)):
            found[w] += c
    return frozenset(w for w, c in found.items() if c >= least)


def join_unit_heads(groups: Groups, places: Collection[str]) -> None:
    """An organisation "X" of two words or more that is no place joins the one "<unit word> X"
    named more often than it (``data/org_units.txt``: "Metro Jaya", from "Kepolisian Daerah
    Metro Jaya", ~ Polda Metro Jaya), as "X" joins "Partai X". A one-word X ("RI", "Jatim")
    is left: alone it names a country or region more often than the one body written with it."""
    totals = group_counts(groups)
    by_rest: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for v in groups.counts:
        words = name_words(v)
        if len(words) >= 2 and unit_word(words[0]):
            by_rest[words[1:]].add(v)
    for v in sorted(groups.counts):
        words = name_words(v)
        if len(words) < 2 or " ".join(words) in places:
            continue
        root = groups.find(v)
        found = {groups.find(u) for u in by_rest.get(words, ())} - {root}
        if len(found) == 1:
            (one,) = found
            if totals[one] > totals[root]:
                merge_groups(groups, totals, one, root)


# A one-word organisation's name this long may be the start of another's ("Barca": Barcelona),
# one this many letters longer: a word a letter or two longer is mostly another word
# ("Persatu", "Persatuan"; "Bayer", "Bayern").
SHORT_WORD_MIN: Final = 4
SHORT_WORD_CUT: Final = 3


def join_short_words(groups: Groups) -> None:
    """A one-word organisation's name of :data:`SHORT_WORD_MIN` letters or more that begins
    the one other one-word name :data:`SHORT_WORD_CUT` letters longer or more (of those in
    :data:`RIVAL_MIN` articles or more) named :data:`MISSPELLING_DOMINANCE` times as often
    joins it."""
    totals = group_counts(groups)
    words = {v: name_words(v) for v in groups.counts}
    single = [v for v, ws in words.items() if len(ws) == 1 and ws[0].isalpha()]
    by_start: dict[str, set[str]] = defaultdict(set)
    for v in single:
        w = words[v][0]
        for k in range(SHORT_WORD_MIN, len(w) - SHORT_WORD_CUT + 1):
            by_start[w[:k]].add(v)
    for v in sorted(single, key=lambda v: (totals[groups.find(v)], v)):
        root = groups.find(v)
        held = {g for g in map(groups.find, by_start.get(words[v][0], ()))
                if g != root and totals[g] >= RIVAL_MIN}
        if len(held) == 1:
            (one,) = held
            if totals[one] >= MISSPELLING_DOMINANCE * totals[root]:
                merge_groups(groups, totals, one, root)


def join_vowel_swaps(groups: Groups) -> None:
    """Places' names of :data:`SWAP_KEY_MIN` letters or more equal but for one vowel written as
    another ("Kutai Kertanegara" ~ "Kutai Kartanegara", "Laboan Bajo" ~ "Labuan Bajo") join the
    one named :data:`SWAP_DOMINANCE` times as often, in :data:`SWAP_MIN` articles or more:
    two places so named are each written often ("Bintaro Jaya", "Bintara Jaya"; "Ciputat",
    "Cipatat"); a misspelling is rare beside its name. Not a district's or a village's
    (:data:`~indexer.region_kinds.LOCAL`): they are many, and their names near alike
    ("Kecamatan Babalan" of Langkat, Babelan of Bekasi)."""
    totals = group_counts(groups)
    by_gap: dict[str, set[str]] = defaultdict(set)
    for v in groups.counts:
        key = variant_key(v)
        if len(key) >= SWAP_KEY_MIN and key.split(" ", 1)[0] not in LOCAL:
            for i, ch in enumerate(key):
                if ch in _SWAP_VOWELS:
                    by_gap[f"{key[:i]}*{key[i + 1:]}"].add(v)
    # most gaps hold one name only: nothing to join there
    for _, values in sorted((gap, vs) for gap, vs in by_gap.items() if len(vs) > 1):
        roots = sorted({groups.find(v) for v in values}, key=lambda g: (-totals[g], g))
        for other in roots[1:]:
            if totals[roots[0]] >= max(SWAP_MIN, SWAP_DOMINANCE * totals[other]):
                merge_groups(groups, totals, roots[0], other)


def join_z_spellings(groups: Groups) -> None:
    """Names equal but for "z" where the other writes "s" join the one named
    :data:`MISSPELLING_DOMINANCE` times as often."""
    totals = group_counts(groups)
    by_key: dict[str, set[str]] = defaultdict(set)
    for v in groups.counts:
        by_key[" ".join(name_words(v)).replace("z", "s")].add(v)
    for _, values in sorted(by_key.items()):
        if len(values) < 2:
            continue
        roots = sorted({groups.find(v) for v in values}, key=lambda g: (-totals[g], g))
        for other in roots[1:]:
            if totals[roots[0]] >= MISSPELLING_DOMINANCE * totals[other]:
                merge_groups(groups, totals, roots[0], other)
