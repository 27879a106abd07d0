"""Names the tagger cut short, and the article's own words after them.

The corpus-level map joins an organisation's name to the longer name of its group that goes
on from it ("Institut Teknologi" ~ "Institut Teknologi Bandung", "Uni" ~ "Uni Eropa"): in most
articles the tagger cut the longer name. But where the article's text goes on after the
mention with other words than any longer name of that group ("Institut Teknologi dan Bisnis
Ahmad Dahlan", "Badan Perencanaan dan Pembangunan Daerah (Bappeda)", "Uni Afrika"), it was
cut from another body's name: that mention is none of the value's
(:func:`going_on_otherwise`), and where all of an article's mentions of a value are so, the
value is none of the article's (:func:`cut_values`; applied by
:func:`~indexer.map_apply.apply_map`).

Only the body is read: a headline capitalises every word. A person's name right after the
mention does not go on with it ("pelatih Persija Julio Banuelos").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from typing import Any, Final

from indexer.cross_types import PLACE_KINDS
from indexer.entities.facts import unit_word
from indexer.name_keys import name_words

# What follows a mention after one space (and, after a name of two words or more, a comma
# standing alone, where the cleaned text lost a linked word: "Badan Perencanaan , Daerah
# (Bappeda)"): a capitalised word of letters, or "dan" and one or two.
_CAPITALISED: Final = r"[A-Z][^\W\d_]*(?![\w'’-])"
_AFTER_RE: Final = re.compile(rf" (?P<comma>, )?(?:(?P<conj>dan|&) "
                              rf"(?P<then>{_CAPITALISED}(?: {_CAPITALISED})?)"
                              rf"|(?P<word>{_CAPITALISED}))")


def _words(value: str) -> tuple[str, ...]:
    return tuple(w.strip(",.") for w in name_words(value))


def cut_tails(values: Mapping[str, tuple[str, ...]], counts: Mapping[str, int]
              ) -> dict[str, frozenset[str]]:
    """Raw value -> the words (lower case) that go on after it in the longer raw values that
    become the same value (``values``: what a raw value becomes where it is not itself;
    ``counts``: raw value -> articles), for the values that become another, have no word in
    capitals and are written less often than those longer ones together: names cut short
    ("KPK", written far more often than "KPK RI", is not)."""
    members: dict[str, list[tuple[tuple[str, ...], int]]] = defaultdict(list)
    for v, c in counts.items():
        into = values.get(v, (v,))
        if len(into) == 1:
            members[into[0]].append((_words(v), c))
    out: dict[str, frozenset[str]] = {}
    for v, c in counts.items():
        into = values.get(v, (v,))
        if len(into) != 1 or into[0] == v or any(w.isupper() for w in v.split()):
            continue
        ws = _words(v)
        n = len(ws)
        longer = [(u, k) for u, k in members[into[0]] if len(u) > n and u[:n] == ws]
        if longer and sum(k for _, k in longer) > c:
            out[v] = frozenset(w for u, _ in longer for w in u[n:])
    return out


def going_on_otherwise(body: str, mentions: Iterable[Mapping[str, Any]],
                       tails: Mapping[str, frozenset[str]]) -> set[int]:
    """Where the body's mentions (JSON, as the payload stores them) of organisations' names
    cut short (``tails``; names with no word in capitals: not "DPRD DKI", "OPPO") go on as
    another body's name: followed by a capitalised word of letters (not a model's "A9") that
    is no word of the value's longer names, begins no other mention ("pelatih Persija Julio
    Banuelos", "Walhi Riau") and is no word of a body or a place ("Divisi Humas Polri",
    "Provinsi DKI Jakarta"); or, for a name of two words or more, by "dan" and one or two
    capitalised words of which one is no word of those names ("Institut Teknologi dan
    Bisnis", "Badan Perencanaan dan Pembangunan Daerah"; not "Badan Meteorologi dan
    Geofisika"), the first beginning no mention. Returns those mentions' starts."""
    ms = [m for m in mentions if m["field"] == "body"]
    starts = {m["start"] for m in ms}
    out: set[int] = set()
    for m in ms:
        words = tails.get(m["name"]) if m["type"] == "ORG" else None
        if words is None:
            continue
        after = _AFTER_RE.match(body, m["end"])
        if after is None or (after.group("comma") and " " not in m["name"].strip()):
            continue  # (a one-word name before a comma may end a sentence: "Persela , Sukses")
        word, then = after.group("word"), after.group("then")
        if word is not None:
            low = word.lower()
            if low not in words and after.start("word") not in starts \
                    and not unit_word(low) and low not in PLACE_KINDS:
                out.add(m["start"])
        elif then is not None and after.group("conj") not in words \
                and after.start("then") not in starts and " " in m["name"].strip() \
                and any(w.lower() not in words for w in then.split()):
            out.add(m["start"])
    return out


def cut_values(mentions: Iterable[Mapping[str, Any]], gone: Collection[int]) -> set[str]:
    """The organisations' values all of whose mentions are of ``gone`` (body mentions'
    starts: :func:`going_on_otherwise`)."""
    kept: set[str] = set()
    cut: set[str] = set()
    for m in mentions:
        if m["type"] == "ORG":
            if m["field"] == "body" and m["start"] in gone:
                cut.add(m["name"])
            else:
                kept.add(m["name"])
    return cut - kept
