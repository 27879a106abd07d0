"""``words.one_of``: the regex alternation of a list of words the modules read their word lists
by (Hypothesis against a brute-force definition)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from indexer.words import one_of

_WORDS = st.lists(st.text(alphabet="ab .(|", min_size=1, max_size=5), min_size=1, max_size=6)


@given(_WORDS, st.text(alphabet="ab .(|", max_size=12))
def test_one_of_matches_the_longest_listed_word_at_the_start(words: list[str], rest: str) -> None:
    # the words are taken literally (regex characters in them too), and the longest of those
    # the text begins with is the one matched
    for w in words:
        text = w + rest
        found = re.match(one_of(words), text)
        assert found is not None
        assert found.group() == max((x for x in words if text.startswith(x)), key=len)


@given(_WORDS, st.text(alphabet="ab .(|", max_size=12))
def test_one_of_matches_no_text_that_begins_with_no_listed_word(words: list[str],
                                                                text: str) -> None:
    assert (re.match(one_of(words), text) is not None) == any(map(text.startswith, words))
