"""Whether an article writes a town after its region's word (``city_regencies._written``) is
first asked of the text in lower case: without one of the region's words no pattern can match.
It gives exactly what the two case-insensitive searches alone give."""

from __future__ import annotations

import gzip
import itertools
import re
import string
import sys
from pathlib import Path

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.city_regencies import (
    _FOLDED_TO_ASCII,
    _listed,
    _mark_words,
    _marked,
    _written,
)
from indexer.region_kinds import CITY, PROVINCE, REGENCY

_KINDS = (CITY, REGENCY, PROVINCE)
_TOWNS = ("Bekasi", "Bogor", "Bandung", "Gorontalo", "Kuningan", "Bandung Barat")


def _plain(name: str, kind: str, text: str) -> bool:
    return bool(_marked(name, kind).search(text) or _listed(name, kind).search(text))


def test_every_character_ignorecase_takes_for_an_ascii_letter_is_known() -> None:
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    letters = {c for w in (w for k in _KINDS for w in _mark_words(k)) for c in w}
    assert letters <= set(string.ascii_lowercase)
    for letter in letters:
        others = {c for c in re.findall(letter, every, re.IGNORECASE) if c.lower() != letter}
        assert others <= set(_FOLDED_TO_ASCII), letter


_PIECES = ["Kabupaten", "KABUPATEN", "kab.", "Kab", "Bupati", "Pemkab", "Polres", "Kapolres",
           "Kota", "KOTA", "Wali Kota", "walikota", "Pemkot", "Polresta", "Provinsi", "prov.",
           "Gubernur", "Wagub", "Polda", *_TOWNS, "Karawang", "dan", "serta", ",", " ", "\n",
           "  ", "Barat", "Utara", "İ", "ı", "ſ", "\u212a", "KAB\u0130", "Bupat\u0131",
           "Kabupaten Karawang dan", "Kota Bekasi", "Bekasi Kota"]
_TEXTS = st.lists(st.sampled_from(_PIECES) | st.text(max_size=6), max_size=30).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(_TEXTS, st.sampled_from(_TOWNS), st.sampled_from(_KINDS))
def test_the_lower_case_check_is_the_two_searches(text: str, name: str, kind: str) -> None:
    assert _written(name, kind, text) == _plain(name, kind, text)


def test_a_region_word_written_with_a_letter_only_ignorecase_folds_is_still_read() -> None:
    folds = {"i": ("\u0130", "\u0131"), "s": ("\u017f",)}
    read = 0
    for kind in _KINDS:
        for word in _mark_words(kind):
            for at, letter in enumerate(word):
                for other in folds.get(letter, ()):
                    text = f"Kata {word[:at]}{other}{word[at + 1:]} Bogor, Jawa Barat"
                    assert _written("Bogor", kind, text) == _plain("Bogor", kind, text)
                    read += _written("Bogor", kind, text)
    assert read > 0


def test_the_lower_case_check_is_the_two_searches_on_the_corpus(shared_dir: Path) -> None:
    found = 0
    with gzip.open(shared_dir / "corpus/clickid-news/articles.jsonl.gz", "rb") as f:
        for line in itertools.islice(f, 0, None, 5):
            record = orjson.loads(line)
            text = f"{record.get('title') or ''}\n{record.get('body') or ''}"
            for name in _TOWNS:
                if name in text:
                    for kind in _KINDS:
                        written = _written(name, kind, text)
                        assert written == _plain(name, kind, text)
                        found += written
    assert found > 80  # of 108
