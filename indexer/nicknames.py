"""Nicknames made of a full name's pieces, joined with it where the corpus names the two
together: "Jedar" (Jessica Iskandar), "Buwas" (Budi Waseso), "Ibel" (Irish Bella), "Gempi"
(Gempita Nora Marten).

Indonesian news calls many people by a name built from the start of their first name and the
start or end of a later one ("Bu-was", "Je-dar", "I-bel"), or the start of the first name alone
("Gempi"). Such a name is no word of the full name, so the name-part rules
(:func:`~indexer.name_parts.join_name_parts`, :func:`~indexer.extra_words.join_lone_parts`)
never see it. Its shape alone says little ("Arsy" is written with "Anang Hermansyah", his
father): a one-word name joins the full name it is made of only when the two are written in
the same articles often enough, :func:`join_nicknames`. The counts are gathered per article
(:func:`article_pairs`) with the facet values' own counts
(:class:`~indexer.entity_norm.CorpusCounts`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Final

from indexer.entity_groups import Groups, group_counts, merge_groups
from indexer.name_keys import name_words

# A nickname has this many letters at least; each piece after the first this many.
NICK_LETTERS: Final = 3
PIECE_MIN: Final = 2
# A nickname joins the full name written with it in this many articles, in this share of the
# nickname's articles at least, and named in this share of the nickname's articles with any
# full name it is made of.
TOGETHER_MIN: Final = 2
TOGETHER_SHARE: Final = 1 / 4
TOGETHER_DOMINANCE: Final = 2 / 3
# A one-word name that is a word of another full name written in this many articles may be
# that person's too ("Mikha": Mikha Tambayong's, and Mikhael Moeis's nickname): the name-part
# rules' case, not a nickname's.
NAME_WORD_MIN: Final = 2


def _pieces(short: str, words: tuple[str, ...], after: int) -> bool:
    """``short`` is the start or the end (of :data:`PIECE_MIN` letters or more) of one word
    of ``words`` after index ``after``, then of another after that, and so on."""
    if not short:
        return True
    for j in range(after + 1, len(words)):
        w = words[j]
        for k in range(min(len(w), len(short)), PIECE_MIN - 1, -1):
            piece = short[:k]
            if (w.startswith(piece) or w.endswith(piece)) and _pieces(short[k:], words, j):
                return True
    return False


@lru_cache(maxsize=1 << 16)
def nickname_of(short: str, name: str) -> bool:
    """Whether the one-word name ``short`` is made of pieces of the full name ``name``: the
    start of its first word, then the start or end of later words, in order ("Jedar":
    JEssica iskanDAR; "Ibel": Irish BELla; "Gempi": GEMPIta Nora Marten); not a whole word of
    it (a name part: the name-part rules' case), not an acronym ("RD")."""
    if " " in short.strip() or short.isupper() or not short.isalpha():
        return False
    s = short.casefold()
    words = tuple(w for w in name_words(name) if w.isalpha())
    if len(s) < NICK_LETTERS or len(words) < 2 or s in words:
        return False
    first = words[0]
    return any(first.startswith(s[:k]) and _pieces(s[k:], words, 0)
               for k in range(min(len(first), len(s)), 0, -1))


def article_pairs(persons: Iterable[str]) -> set[tuple[str, str]]:
    """One article's persons' names as (nickname, full name) pairs, :func:`nickname_of`."""
    names = set(persons)
    shorts = [v for v in names if " " not in v.strip()]
    if not shorts:
        return set()
    fulls = [v for v in names if " " in v.strip()]
    return {(s, f) for s in shorts for f in fulls if nickname_of(s, f)}


def join_nicknames(groups: Groups, together: Mapping[tuple[str, str], int],
                   dropped: set[str]) -> None:
    """Join each one-word name whose group holds no full name (and is not ``dropped``) with
    the group of the full name ``together`` (pair -> articles) shows it beside most: in
    :data:`TOGETHER_MIN` articles, :data:`TOGETHER_SHARE` of the name's own and
    :data:`TOGETHER_DOMINANCE` of those with any full name it is made of; not a word of another
    full name (:data:`NAME_WORD_MIN`)."""
    name_parts = {w for v, c in groups.counts.items() if c >= NAME_WORD_MIN and " " in v.strip()
                  for w in name_words(v)}
    by_short: dict[str, dict[str, int]] = {}
    for (short, whole), n in together.items():
        if short in groups.parent and whole in groups.parent:
            to = by_short.setdefault(short, {})
            root = groups.find(whole)
            to[root] = to.get(root, 0) + n
    totals = group_counts(groups)
    for short, to in sorted(by_short.items()):
        root = groups.find(short)
        if root in dropped or len(name_words(root)) != 1 or name_words(short)[0] in name_parts:
            continue
        to.pop(root, None)
        if not to:
            continue
        into, n = max(to.items(), key=lambda kv: (kv[1], kv[0]))
        if (n >= TOGETHER_MIN and n >= TOGETHER_SHARE * groups.counts[short]
                and n >= TOGETHER_DOMINANCE * sum(to.values())):
            merge_groups(groups, totals, into, root)
