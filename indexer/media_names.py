"""A platform or an app the texts post on, watch or send with ("diunggah di akun Instagram",
"kanal YouTube", "pesan WhatsApp") is a medium there, no organisation a journalist filters by.
Over the whole corpus the words before an organisation's name vote it a medium
(:func:`~indexer.name_kinds.kind_votes`, ``data/kind_words.txt`` [medium]); the map keeps those
names (:func:`media_values`) and they are no facet value, except in an article that writes one
after a word of the company behind it ([company]: "juru bicara Facebook", "pihak Instagram",
"karyawan Facebook"), where it is the company's (:func:`company_values`, by ``reindex`` and
``add`` alike, :meth:`~indexer.entity_map.EntityMap.entities_in`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from functools import cache
from typing import Any, Final

from indexer.name_keys import variant_key
from indexer.name_kinds import MEDIUM, kind_sections
from indexer.words import word_before

# The section of ``data/kind_words.txt`` of the company behind a medium: words, no kind.
COMPANY: Final = "company"


@cache
def _company_words() -> frozenset[str]:
    return kind_sections()[COMPANY]


def media_values(kinds: Mapping[tuple[str, str], str], orgs: Iterable[str]) -> frozenset[str]:
    """The organisations' raw values (of ``orgs``) voted media, with their spellings of the
    same variant key ("Whatsapp"; ``kinds``: (type, value) -> kind, as
    :func:`~indexer.name_kinds.kind_votes` gives them)."""
    voted = {variant_key(v) for (typ, v), kind in kinds.items()
             if typ == "ORG" and kind == MEDIUM}
    return frozenset(v for v in orgs if variant_key(v) in voted)


def company_values(title: str, body: str, mentions: Iterable[Mapping[str, Any]],
                   media: Collection[str]) -> frozenset[str]:
    """The organisations' values of one article (``mentions``: dicts with type, name, field,
    start) among ``media`` that a mention writes after a word of [company]."""
    return frozenset(
        m["name"] for m in mentions
        if m["type"] == "ORG" and m["name"] in media
        and word_before(title if m["field"] == "title" else body, m["start"])[1].lower()
        in _company_words())
