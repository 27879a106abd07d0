"""The analyzer's surface cache (``indexer._text.SurfaceTerms``) fills itself in compiled code:
a protected name's key gives the name, any other surface the stem of its lower-case form. It
gives exactly the terms, and leaves exactly the stem cache, the learned entries and the count
of Sastrawi's runs, of the plain loop below over ``Analyzer.stem``, which is the reference."""

from __future__ import annotations

import gzip
import itertools
import pickle
from pathlib import Path

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.analysis import _NAME_KEY, MAX_WORD_LEN, WORD_RE, Analyzer


def reference_term(analyzer: Analyzer, surface: str) -> str:
    if surface.startswith(_NAME_KEY):
        return surface[1:] if len(surface) <= MAX_WORD_LEN + 1 else ""
    return analyzer.stem(surface.lower())


def _agree(surfaces: list[str], stems: dict[str, str] | None = None) -> None:
    fast, plain = Analyzer(stems), Analyzer(stems)
    want: dict[str, str] = {}
    for s in surfaces:
        term = fast._surface[s]
        assert term == want.setdefault(s, reference_term(plain, s)), s
    assert dict(fast._surface) == want
    assert fast.stems == plain.stems
    assert fast.learned == plain.learned
    assert fast.stemmed_count == plain.stemmed_count
    copy = pickle.loads(pickle.dumps(fast))
    assert dict(copy._surface) == want and copy.stems == fast.stems
    before = dict(fast.stems)
    copy._surface["Dipukulnya"]  # fills the copy's own stem cache, not the original's
    assert copy.stems["dipukulnya"] == "pukul" and fast.stems == before


# Words Sastrawi stems and words it must not see: hyphens in every place, capitals, digits,
# letters outside a-z, words at and over the length limits, protected names' keys.
_PIECES = ["menyerang", "Menyerang", "MENYERANG", "berbulan-bulan", "-bulan", "bulan-",
           "bulan--bulan", "a-b-c", "COVID-19", "2G", "Ma'ruf", "é", "ǅ", "İstanbul", "ß",
           "x" * 30, "x" * 31, "y" * 48, "y" * 49, "a", "", _NAME_KEY, _NAME_KEY + "bali",
           _NAME_KEY + "z" * 48, _NAME_KEY + "z" * 49, "pembangunan", "Pembangunannya"]
_SURFACES = st.lists(st.sampled_from(_PIECES) | st.text(alphabet="abcz-AZé'1\x00", max_size=12)
                     | st.text(max_size=60), max_size=30)


@settings(max_examples=600, deadline=None)
@given(_SURFACES, st.booleans())
def test_compiled_surface_cache_is_the_plain_loop(surfaces: list[str], warm: bool) -> None:
    stems = {"menyerang": "serang", "bulan": "bulan", "yang": "yang"} if warm else None
    _agree(surfaces, stems)


def test_compiled_surface_cache_on_the_corpus(shared_dir: Path) -> None:
    surfaces: list[str] = []
    with gzip.open(shared_dir / "corpus/clickid-news/articles.jsonl.gz", "rb") as f:
        for line in itertools.islice(f, 0, None, 25):
            record = orjson.loads(line)
            surfaces.extend(WORD_RE.findall(str(record.get("body") or "")))
    assert len(set(surfaces)) > 20_000  # of ~23,000 distinct
    _agree(surfaces)
