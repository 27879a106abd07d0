"""A name's initials have one definition (:func:`indexer.initials.initials`): each check that
spells an acronym from a name gives the answer it gave with its own copy of the rule (the
copies, kept here as references), on every raw value of the real 22k index and on generated
names."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from indexer import store
from indexer.acronym_tails import spells
from indexer.entities.names import letters
from indexer.entities.passes import _spells_every_word
from indexer.initials import initials
from indexer.name_keys import name_words
from indexer.org_names import LEGAL_FORMS, acronym_of
from indexer.words import WORD_RE


def _tails_reference(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", name.upper()) if w[:1].isalpha())


def _spells_reference(acronym: str, name: str) -> bool:
    """The first two letters of ``acronym`` begin the name's initials, the rest follow in
    order (a subsequence, found by a regular expression)."""
    first = _tails_reference(name)
    lets = "".join(c for c in acronym if c.isalpha())
    pattern = ".*?".join(re.escape(c) for c in lets[2:])
    return len(lets) >= 2 and first.startswith(lets[:2]) \
        and re.search(pattern, first[2:]) is not None


def _senses_reference(name: str) -> str:
    return "".join(w[0] for w in WORD_RE.findall(name.lower()) if w != "dan")


def _org_reference(words: tuple[str, ...]) -> str:
    return "".join(w[0] for w in words if w != "dan" and w not in LEGAL_FORMS)


def _every_word_reference(short: str, name: str) -> bool:
    lets = letters(short)
    first = "".join(w[0] for w in name.lower().split(" ") if w and w != "dan")
    return len(lets) >= 3 and lets == first


def _senses_initials(name: str) -> str:
    """What :func:`~indexer.acronym_senses.other_senses` compares with an acronym."""
    return initials(WORD_RE.findall(name.lower()), skip={"dan"})


def _same_answers(name: str) -> None:
    acronym = _tails_reference(name)
    for short in {acronym, acronym[:2], acronym[::-1], _senses_reference(name).upper()}:
        assert spells(short, name) == _spells_reference(short, name), (short, name)
        assert _spells_every_word(short, name) == _every_word_reference(short, name), (short, name)
    assert _senses_initials(name) == _senses_reference(name), name
    words = name_words(name)
    if all(words):  # the reference fails on an empty word; no value has one
        assert acronym_of(words) == _org_reference(words), name


def test_every_callers_initials_are_unchanged_on_the_real_index(full_index_dir: Path) -> None:
    counts = store.load_entity_map(full_index_dir).counts
    names = {v for values in counts.values() for v in values}
    assert len(names) > 10_000
    spelt = 0
    for name in sorted(names):
        _same_answers(name)
        spelt += len(name.split()) >= 3 and spells(_tails_reference(name), name)
    assert spelt > 1_000


_WORDS = st.sampled_from(["Badan", "dan", "Pemeriksa", "PT", "Tbk", "(Persero)", "17", "Jawa-Bali",
                          "U-16", "-", "Ma'ruf", "Kesehatan", "&", "ñandú", "ß", "", "  ", "\t"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_WORDS, st.text(max_size=6)), max_size=8),
       st.sampled_from([" ", "-", "  ", " - "]))
def test_every_callers_initials_are_unchanged_on_generated_names(words: list[str], sep: str
                                                                  ) -> None:
    _same_answers(sep.join(words))


def test_each_parameter_changes_only_what_it_names() -> None:
    name = "PT Bank Jawa-Bali dan (Persero) 17 Tbk".split()
    assert initials(name) == "PBJd(1T"
    assert initials(name, skip={"dan"}) == "PBJ(1T"
    assert initials(name, skip={"dan", "PT", "Tbk"}) == "BJ(1"
    assert initials(name, letters_only=True) == "PBJdT"
    assert initials(name, hyphens=True, letters_only=True) == "PBJBdT"
    assert initials(["", "a", ""]) == "a"
