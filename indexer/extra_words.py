"""Joins of the corpus-level map (:mod:`indexer.entity_norm`) of a name to the one name the corpus
writes with words more:

* **clubs without their club word** (:func:`join_club_names`): an organisation "X" joins the
  one organisation "X <club word>" or "<club word> X" (``data/club_context.txt``: Norwich ~
  Norwich City, Barito ~ Barito Putera, Dortmund ~ Borussia Dortmund, Sociedad ~ Real
  Sociedad, Tira Persikabo ~ PS Tira Persikabo, Kalteng Putra ~ Kalteng Putra FC) named a
  third as often as it at least where "X" is one word, when no other such name has a tenth of
  its articles (Milan: AC Milan and Inter Milan);
* **a body named after an officer's title** (:func:`join_titled`): an organisation's name that
  begins with titles (``data/titles.txt``) and goes on with another organisation's name joins
  it ("Kabid Humas Polda Metro Jaya" ~ Polda Metro Jaya, "Pelatih Persib" ~ Persib), and a
  body's name without its unit word the one name with it (:func:`join_unit_heads`);
* **a person's name after an office's name cut short** (:func:`join_title_cuts`):
  "Informatika Rudiantara" ~ Rudiantara;
* **a person's one word** (:func:`join_lone_parts`): a one-word person's name that begins a
  word of one full name only, or is a whole word of one only, joins it.
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
from indexer.name_keys import name_words
from indexer.name_parts import called_by
from indexer.tagged_names import office_word

# A rival club name has this share of the articles of the one a bare name would join.
CLUB_RIVAL_SHARE: Final = 0.1


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
