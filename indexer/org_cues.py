"""An organisation's name written, at one mention, as another thing's: after a form of address
it is a person's ("saya ketemu dengan Pak [[Antam]]": Antam Novambar, not PT Antam; "Ibu
[[Negara RI]]": the first lady), and between a word of a work and a number it is the work's
title ("Rating Game [[FIFA]] 2020": the game, not the federation; "film [[BIG HERO]] 6").

Those mentions, and the article's other mentions of a name so addressed, or so titled with the
same number after it, are no organisation's: the article's mentions leave them out
(:func:`other_things`, read by :func:`~indexer.mentions.article_mentions` where the text is at
hand, for ``reindex`` and ``add`` alike; the extractor's own output is unchanged). The words
are data: ``data/person_marks.txt`` [address], ``data/kind_words.txt`` [work]. A form of
address after a capitalised word is part of a longer name ("Sinar Mas Land"), no address. A
product's word is left to the corpus's vote (:mod:`indexer.name_kinds` [product]: "mobil Ford
Mustang" makes the model no value), which the mentions it counts must reach.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from indexer.entities.facts import DATA, read_sections
from indexer.name_kinds import kind_sections
from indexer.schema import Mention
from indexer.words import word_before

# The section of ``data/kind_words.txt`` of a work's words (no kind of its own: not voted).
WORK: Final = "work"
ADDRESS: Final = read_sections(DATA / "person_marks.txt")["address"]
TITLED: Final = kind_sections()[WORK]
# A number right after a name: a work's sequel or a model's edition ("FIFA 20", "Note 9").
_NUMBER_AFTER_RE: Final = re.compile(r" \d{1,4}\b")


def _addressed(text: str, start: int) -> bool:
    at, word = word_before(text, start)
    if not word[:1].isupper() or word.lower() not in ADDRESS or text[start - 1:start] != " ":
        return False
    _, prev = word_before(text, at)
    return not prev[:1].isupper()


def other_things(title: str, body: str, mentions: Iterable[Mention]) -> set[tuple[str, int]]:
    """The (field, start) of an article's organisations' mentions written after a capitalised
    form of address, or after a word of a work and before a number; and, one
    sense in one article, the others of a name so written (as written: "Pak Antam", then
    "diundang Antam") or so titled with the same number after them ("Game FIFA 2020" in the
    headline, "pemain pada FIFA 2020" below: the game's edition)."""
    by_field = {"title": title, "body": body}
    addressed: set[str] = set()
    titled: set[tuple[str, str]] = set()
    written: list[tuple[Mention, str, str]] = []
    for m in mentions:
        if m.type != "ORG":
            continue
        text = by_field[m.field]
        name = text[m.start:m.end]
        if _addressed(text, m.start):
            addressed.add(name)
        number = _NUMBER_AFTER_RE.match(text, m.end)
        written.append((m, name, number.group() if number else ""))
        if number is not None and word_before(text, m.start)[1].lower() in TITLED:
            titled.add((name, number.group()))
    return {(m.field, m.start) for m, name, number in written
            if name in addressed or (name, number) in titled}
