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

WORD_PATTERN = r"[^\W_]+(?:[-'’][^\W_]+)*"
WORD_RE = re.compile(WORD_PATTERN)
# Characters after which (and a space) a capital letter may start a sentence, a quotation or an
# aside: it says nothing about names there.
SENTENCE_OPENERS = frozenset(".!?:\"“”'‘’([")


def mid_sentence(text: str, start: int) -> bool:
    """Whether a word starting at ``start`` stands in the middle of a sentence: one space before
    it, and before that a character that is neither white space nor a sentence opener."""
    return (start >= 2 and text[start - 1] == " " and not text[start - 2].isspace()
            and text[start - 2] not in SENTENCE_OPENERS)


# What may stand between a word and the name right after it: one or two spaces or opening quotes
# ('bernama "Lovely'), after a closing parenthesis that ends the word ("Komisaris Polisi
# (Kompol) Darmo"); not a dot, which mostly ends a sentence ("ke mobil. Fathin"). A word's
# letters may be joined by one hyphen or apostrophe, as in WORD_RE.
_GAP = frozenset(" \"'“‘")
_JOINS = frozenset("-'’")


def word_before(text: str, start: int) -> tuple[int, str]:
    """The word right before a name at ``text[start]`` and its offset, or ``(start, "")``: what
    ``(?<![^\\W_])(WORD_PATTERN)\\)?[ "'“‘]{1,2}\\Z`` finds in ``text[:start]``, scanned back
    from ``start`` (the words before names are looked up for every mention)."""
    i = start
    while i > 0 and start - i < 2 and text[i - 1] in _GAP:
        i -= 1
    if i == start:
        return start, ""
    if i > 0 and text[i - 1] == ")":
        i -= 1
    end = i
    # Most words are letters and digits alone after a space: one look back for the space.
    space = text.rfind(" ", max(0, end - 40), end)
    if space >= 0 and space + 1 < end and text[space + 1 : end].isalnum():
        return space + 1, text[space + 1 : end]
    b = end
    while b > 0:
        c = text[b - 1]
        if c.isalnum():
            b -= 1
        elif c in _JOINS and b < end and b >= 2 and text[b - 2].isalnum():
            b -= 1
        else:
            break
    return (b, text[b:end]) if b < end else (start, "")
