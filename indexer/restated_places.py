"""A place's name the map completes with the name written right after it: "Taman Makam
Pahlawan, Kalibata" is the cemetery the map shows as "Taman Makam Pahlawan Kalibata", and the
"Kalibata" after the comma only says its name again; "Kalibata" elsewhere is the district.

In one article (:func:`restated`, by ``reindex`` and ``add`` alike), a place's mention is such
a restatement when it follows another place's mention with only a comma or a line break
between them and the value the map gives that one is its words as written (but a short form
in parentheses) and then this one's value: the map, not the text, completed its name. A
region's name is not completed so ("Kecamatan Samboja, Kabupaten Kutai Kartanegara" names
the regency too), nor a name the map reads otherwise ("Muba, Banyuasin": Musi Banyuasin and
the regency beside it).
The restating mention is dropped, and so is a place every mention of which in the article is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping
from itertools import pairwise
from typing import Any, Final

from indexer.mention_fields import in_fields
from indexer.place_tails import REGION_KINDS

# What may stand between a site's name and its name restated ("X, Kalibata", "X (TMP)\n\nK").
_BETWEEN: Final = frozenset({",", ""})
# A short form in parentheses inside a written name ("Taman Makam Pahlawan (TMP)").
_PARENS_RE: Final = re.compile(r"\([^()]*\)")


def may_restate(places: Collection[str]) -> bool:
    """Whether an article naming ``places`` (as the map makes them) has one that ends with the
    words of another."""
    return any(a[i + 1:] in places for a in places for i, c in enumerate(a) if c == " ")


def restated(title: str, body: str, mentions: Iterable[Mapping[str, Any]],
             place: Callable[[Mapping[str, Any]], str | None]) -> set[tuple[str, int]]:
    """The (field, start) of one article's place mentions that restate the name of the place
    written right before them (``place(m)``: the value the map gives the place of ``m`` in
    this article, None if ``m`` names no place)."""
    out: set[tuple[str, int]] = set()
    for fld, text, ms in in_fields(title, body, mentions):
        for a, b in pairwise(ms):
            va, vb = place(a), place(b)
            if va is None or vb is None or va == vb or not va.endswith(" " + vb):
                continue
            written = _PARENS_RE.sub(" ", text[a["start"]:a["end"]]).split()
            if text[a["end"]:b["start"]].strip() in _BETWEEN and written \
                    and written[0].lower() not in REGION_KINDS \
                    and [*written, *vb.split()] == va.split():
                out.add((fld, b["start"]))
    return out
