"""The compiled normaliser the tagger calls for each new mention (``indexer._ner_names``) gives
what its Python reference ``indexer.entities.names.normalise`` gives: on the spans of corpus
runs with each type, and on surfaces made of titles, the words that continue them, short forms
of the alias table in several cases, and the whitespace that the reference squeezes. The
compiled short-form test (``is_short_form``) answers as ``names.plain_is_short_form`` on the
short forms a corpus defines with the names before them and with other names, and on
generated strings."""

from __future__ import annotations

import gzip
import json
from itertools import islice
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.entities import load_model
from indexer.entities.facts import ALIASES, TITLE_QUALIFIERS, TITLES
from indexer.entities.names import (
    PLACES_ONLY_ALIASES,
    is_short_form,
    normalise,
    plain_is_short_form,
)
from indexer.entities.runs import RUN_RE, SHORT_DEF_RE

CORPUS = Path("corpus") / "clickid-news" / "articles.jsonl.gz"
TYPES = ("PER", "ORG", "LOC")
_NORMALISER = load_model().config.normaliser


def _cases(word: str) -> list[str]:
    return [word, word.lower(), word.title(), word.upper()]


_SHORT = sorted(k for k in ALIASES if len(k) <= 4)[:40]
_WORDS = sorted({
    *(c for t in sorted(TITLES)[:25] for c in (t, f"{t}.", t.title())),
    *(c for q in sorted(TITLE_QUALIFIERS)[:10] for c in (q, q.title())),
    *(c for k in [*_SHORT, *PLACES_ONLY_ALIASES, *sorted(ALIASES)[-10:]] for c in _cases(k)),
    "Joko", "Widodo", "a", "É", "İ", ".", "",
})
_SPACES = [" ", " ", " ", "  ", "\t", "\n", "\x1c", "\x85", "\xa0", "\u2009", "\u3000", "\u200b",
           "\ufeff", "\x00"]


@settings(max_examples=4000, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_WORDS), st.sampled_from(_SPACES),
                          st.text(max_size=3)), max_size=8).map("".join),
       st.sampled_from(TYPES))
def test_compiled_normalise_is_normalise(surface: str, typ: str) -> None:
    assert _NORMALISER.normalise(surface, typ) == normalise(surface, typ)


def test_compiled_normalise_on_the_corpus(shared_dir: Path) -> None:
    """Every run of 300 articles, and each of its tails, with each type (a run's tail is what
    a title at its head leaves)."""
    with gzip.open(shared_dir / CORPUS, "rt", encoding="utf-8") as fh:
        texts = [f"{d.get('title') or ''}\n{d.get('body') or ''}"
                 for d in map(json.loads, islice(fh, 300))]
    spans = {m.group() for text in texts for m in RUN_RE.finditer(text)}
    spans |= {span.split(" ", k)[-1] for span in list(spans) for k in range(1, span.count(" ") + 1)}
    assert len(spans) > 5000
    changed = 0
    for span in sorted(spans):
        for typ in TYPES:
            want = normalise(span, typ)
            assert _NORMALISER.normalise(span, typ) == want, (span, typ)
            changed += want != (span, typ)
    assert changed > 50  # titles dropped and aliases joined, not only names kept as they are


# Letters in both cases, ones whose lower case is longer (İ) or that have none (ß, ǅ), marks,
# digits and spaces: what a short form or a name may hold.
_SPELL_CHARS = "AaBbKkİiÉéßǅ.-&1 "


@settings(max_examples=4000, deadline=None)
@given(st.text(_SPELL_CHARS, max_size=8),
       st.lists(st.text(_SPELL_CHARS, max_size=5), max_size=7).map(" ".join))
def test_compiled_short_form_is_the_reference(short: str, name: str) -> None:
    assert is_short_form(short, name) is plain_is_short_form(short, name)


def test_compiled_short_form_on_the_corpus(shared_dir: Path) -> None:
    """Each short form 3,000 articles define in parentheses, with the run before it and with
    other runs of several words."""
    with gzip.open(shared_dir / CORPUS, "rt", encoding="utf-8") as fh:
        texts = [d.get("body") or "" for d in map(json.loads, islice(fh, 3000))]
    runs = sorted({m.group() for text in texts for m in RUN_RE.finditer(text)
                   if " " in m.group()})
    defined = {(d.group(1), r.group()) for text in texts for r in RUN_RE.finditer(text)
               for d in [SHORT_DEF_RE.match(text, r.end())] if d is not None}
    shorts = sorted({short for short, _ in defined})
    pairs = defined | {(short, run) for short in shorts[::10] for run in runs[::20]}
    assert len(defined) > 500 and len(pairs) > 20_000
    spelt = 0
    for short, run in sorted(pairs):
        want = plain_is_short_form(short, run)
        assert is_short_form(short, run) is want, (short, run)
        spelt += want
    assert spelt > 200
