"""The regexes that read where a sentence ends build their character classes from
:data:`indexer.words.SENTENCE_ENDS`; each finds what its pattern with the characters written
out found, on texts made of the characters they read."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from indexer import clean, document
from indexer.words import SENTENCE_END_CHARS, WORD_PART_RE, WORD_RE

_WRITTEN_OUT = {
    clean._TRAILING_INITIALS: re.compile(
        rf"(?<=[.!?\"”’'])\s*{clean._INITIALS_BODY}\.?\s*$"),
    clean._SENTENCE_IN_CREDIT: re.compile(r"[.!?]\s+[A-Z][a-z]+\s+[a-z]"),
    clean._INLINE_MORE: re.compile(
        r"(?:(?<=[.!?\"”])[ \t]*|[ \t]*,[ \t]*)baca\s+selengkapnya(?:\s+di)?[ \t]*:?[ \t]*"
        r"(?:,[ \t]*\.?)?", re.I),
    document._SENTENCE_END_RE: re.compile(r"(?<=[.!?])\s"),
}
_TEXTS = st.lists(st.sampled_from([".", "!", "?", ",", ":", ";", "\"", "”", "’", "'", " ", "\t",
                                   "\n", "(ant)", "[vvn]", "Baca selengkapnya", " di ", "Ab",
                                   "cd", "x", "-", "1"]), max_size=12).map("".join)


def test_the_sentence_ends_are_the_three_marks() -> None:
    assert sorted(SENTENCE_END_CHARS) == sorted(".!?")


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_each_regex_finds_what_its_written_out_pattern_found(text: str) -> None:
    for new, old in _WRITTEN_OUT.items():
        assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZ9_-'’ .é"), max_size=20))
def test_a_words_parts_are_what_the_lexicon_split_at(text: str) -> None:
    assert WORD_PART_RE.findall(text) == re.findall(r"[^\W_]+", text)
    assert WORD_RE.findall(text) == re.findall(r"[^\W_]+(?:[-'’][^\W_]+)*", text)
