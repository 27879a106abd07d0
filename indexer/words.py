"""What a word is and where a sentence starts: the two facts of written text that analysis, the
entity extractor and its trainer share (one definition, imported by each).

A word is letters and digits, joined by internal hyphens or apostrophes ("berbulan-bulan",
"Ma'ruf"); ``indexer/_text.pyx`` scans the same words in compiled code (``tests/test_analysis.py``
proves it equal to :data:`WORD_RE`). A capital letter right after a space says something about
names only in the middle of a sentence: not after sentence punctuation, a quote or an opening
bracket (:data:`SENTENCE_OPENERS`, the set ``_text.pyx`` compiles in and the tests check).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# The word right before a name and its offset, or ``(start, "")``: what
# ``(?<![^\W_])(WORD_PATTERN)\)?[ "'“‘]{1,2}\Z`` finds in ``text[:start]``. What may stand
# between a word and the name: one or two spaces or opening quotes ('bernama "Lovely'), after a
# closing parenthesis that ends the word ("Komisaris Polisi (Kompol) Darmo"); not a dot, which
# mostly ends a sentence ("ke mobil. Fathin"). Scanned back from ``start`` in compiled code (the
# words before names are looked up for every mention of every article):
# ``tests/test_extraction_fast_paths.py`` checks it against that regex.
from indexer._text import word_before

# A word's part: the letters and digits between its hyphens and apostrophes. The name lexicon
# (:mod:`indexer.lexicon`) lists names by their parts, not by :data:`WORD_RE`'s whole words: a
# hyphenated word is a name when each of its parts is ("toli-toli": ``_text.in_lexicon``).
WORD_PART_PATTERN = r"[^\W_]+"
WORD_PART_RE = re.compile(WORD_PART_PATTERN)
WORD_PATTERN = rf"{WORD_PART_PATTERN}(?:[-'’]{WORD_PART_PATTERN})*"
WORD_RE = re.compile(WORD_PATTERN)
# Characters that end a sentence; ``SENTENCE_END_CHARS`` writes them for a regex's character
# class (none of them is special there).
SENTENCE_ENDS = frozenset(".!?")
SENTENCE_END_CHARS = "".join(sorted(SENTENCE_ENDS))
# Characters after which (and a space) a capital letter may start a sentence, a quotation or an
# aside: it says nothing about names there.
SENTENCE_OPENERS = SENTENCE_ENDS | frozenset(":\"“”'‘’([")


def mid_sentence(text: str, start: int) -> bool:
    """Whether a word starting at ``start`` stands in the middle of a sentence: one space before
    it, and before that a character that is neither white space nor a sentence opener."""
    return (start >= 2 and text[start - 1] == " " and not text[start - 2].isspace()
            and text[start - 2] not in SENTENCE_OPENERS)


def one_of(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` taken literally, the longest first (so that a word
    never loses to a shorter one it begins with), for the callers to anchor and flag."""
    return "|".join(sorted(map(re.escape, words), key=lambda w: (-len(w), w)))


__all__ = ["SENTENCE_ENDS", "SENTENCE_END_CHARS", "SENTENCE_OPENERS", "WORD_PART_PATTERN",
           "WORD_PART_RE", "WORD_PATTERN", "WORD_RE", "mid_sentence", "one_of", "word_before"]
