"""Two bodies written as one name with a hyphen ("TNI-Polri", "MPR-DPR RI"): the tagger reads a
pair as one organisation's name as it reads a ticket as one person's. Over the corpus
(:func:`body_pairs`), an organisation's value of the shape "A-B" whose two sides each name
another organisation (as the corpus writes it, or through the extractor's aliases: "TNI" is
Tentara Nasional Indonesia) that the corpus names in :data:`PAIR_SHARE` times as many articles
at least is those two values, and so is the pair written with a space ("TNI Polri"). A club's
name written with a hyphen ("PS Tira-Persikabo") is no pair: its sides are rarer than it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Final

from indexer.entities.facts import ALIASES
from indexer.name_keys import most_written, ticket_halves, variant_key

# Each side names a body found in this many times the pair's articles at least.
PAIR_SHARE: Final = 10


def body_pairs(counts: Mapping[str, int]) -> dict[str, tuple[str, str]]:
    """Organisations' raw values (``counts``: value -> articles) that are two bodies -> those
    two bodies' values."""
    keyed = most_written(counts)

    def body(side: str) -> str | None:
        found = keyed.get(variant_key(side))
        if found is None and (alias := ALIASES.get(variant_key(side))) is not None \
                and alias[1] == "ORG" and alias[0] in counts:
            found = alias[0]
        return found

    # the pair's articles: all its spellings', with a space too ("TNI Polri")
    total: Counter[str] = Counter()
    for v, n in counts.items():
        total[_spaced(v)] += n
    out: dict[str, tuple[str, str]] = {}
    for v in counts:
        halves = ticket_halves(v)
        if halves is None:
            continue
        a, b = body(halves[0]), body(halves[1])
        if a is not None and b is not None and a != b \
                and min(counts[a], counts[b]) >= PAIR_SHARE * total[_spaced(v)]:
            out[v] = (a, b)
    # and written with a space
    spaced = {_spaced(v): pair for v, pair in out.items()}
    out.update((v, spaced[_spaced(v)]) for v in counts if _spaced(v) in spaced)
    return out


def _spaced(value: str) -> str:
    return variant_key(value).replace("-", " ")
