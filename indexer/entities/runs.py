"""Candidate runs: the only stretches of text that can be entities, and the tokens around them.

A run is a maximal sequence of capitalised words and acronyms on one line, joined by single
spaces and, between two capitalised words, by a few connectors ("bin", "van", "de", "of",
"br", ...), a lone hyphen or apostrophe, or a full stop after an initial ("Stephen R . Covey");
a number may follow a word ("SMA Negeri 1"). A run also takes in one lower-case head word right
before it when the trainer found that the gold data counts that word as part of names ("desa",
"kecamatan", "kota": stored in the model file). Everything outside a run is never an entity.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from indexer import _ner
from indexer.words import SENTENCE_OPENERS

_UP = "A-ZÀ-ÖØ-Þ"
_CAP_REST = r"[^\W_]*(?:[-'’.][^\W_]+)*"
_CAP = rf"[{_UP}]{_CAP_REST}"
CONNECTORS: tuple[str, ...] = (
    "bin", "binti", "van", "von", "der", "den", "de", "da", "del", "della", "la", "le",
    "al", "el", "of", "the", "for", "and", "y", "&", "ibn", "ben", "dos", "du",
    "br", "boru", "ni", "no",  # Batak "Elia Rosa br Bangun", Gayo "Bur ni Telong", "Minamoto no"
)  # fmt: skip
_CONN = "|".join(sorted(CONNECTORS, key=len, reverse=True))
_NUM = r"\d{1,4}(?![^\W_])"
# Between capitalised words a run also takes a lone hyphen or apostrophe and, after an initial,
# a lone full stop: tokenised text spells "Zeta - Jones", "O ' Neil", "Stephen R . Covey".
_RUN_TAIL = rf"(?: (?:(?:{_CONN}|[-'’]|(?<= [{_UP}] )\.) )?{_CAP}| {_NUM})*"
# The first capital is matched before the look-behind so that the regex engine can scan for
# the first character fast.
RUN_RE = re.compile(rf"[{_UP}](?<![^\W_][{_UP}]){_CAP_REST}{_RUN_TAIL}(?![^\W_])")
# The characters a run can start with (RUN_RE's first class, all below U+0100). The compiled
# tagger finds runs without the regex engine (``_ner.Tagger.run_spans``, which reads this class
# and CONNECTORS and is proven equal to RUN_RE.finditer by tests/test_extraction_fast_paths.py).
RUN_FIRST = "".join(c for c in map(chr, range(256)) if re.fullmatch(f"[{_UP}]", c))
_ACRONYM_AFTER_RE = re.compile(rf" \([{_UP}][{_UP}a-z0-9&.-]{{1,11}}\)")
# A short form defined in parentheses right after a name, spaced the way tokenised text spells
# it ("Universitas Muhammadiyah Surakarta ( UMS )") or not ("Joko Widodo (Jokowi)").
SHORT_DEF_RE = re.compile(rf" \( ?([{_UP}][{_UP}a-z0-9&.-]{{1,11}}) ?\)")

# The context tokens of a run (compiled: they run for every run of every text).
BOS: str = _ner.BOS
EOS: str = _ner.EOS
prev_token = _ner.prev_token
next_token = _ner.next_token
# Tokens after which a run starts a sentence (a capital letter says nothing about names): the
# start of a line and the sentence openers of indexer.words, as the model was trained: also
# after a dash or bullet (datelines "Jakarta - Presiden", list items), not after an opening
# bracket or a single curly quote (changing this set changes the features: retrain with it).
SENTENCE_PREV = frozenset({BOS, *(SENTENCE_OPENERS - set("‘’([")), "—", "–", "-", "•", "*"})


def starts_sentence(prev: str) -> bool:
    """Whether a run after the token ``prev`` starts a sentence (see :data:`SENTENCE_PREV`)."""
    return prev in SENTENCE_PREV


@dataclass(frozen=True, slots=True)
class Run:
    """A candidate run of capitalised words with the tokens around it."""

    start: int
    end: int
    text: str
    prev: str
    next: str


def find_runs(text: str, heads: frozenset[str] = frozenset()) -> Iterator[Run]:
    """Candidate runs of ``text`` in order, with their context tokens. A run also takes in a
    lower-case head word right before it ("desa", "kecamatan": the trainer learns which heads
    the gold data counts as part of a name)."""
    for m in RUN_RE.finditer(text):
        start, end = m.span()
        prev = prev_token(text, start)
        if prev in heads:
            start -= len(prev) + 1
            prev = prev_token(text, start)
        yield Run(start, end, text[start:end], prev, next_token(text, end))


def run_tokens(run_text: str) -> list[tuple[int, int]]:
    """Offsets of the space-separated tokens of a run, relative to the run."""
    out: list[tuple[int, int]] = []
    pos = 0
    for word in run_text.split(" "):
        if word:
            out.append((pos, pos + len(word)))
        pos += len(word) + 1
    return out


def acronym_end(text: str, end: int) -> int:
    """The end of an "(ACRONYM)" right after a mention ending at ``end`` ("Komisi
    Pemberantasan Korupsi (KPK)"), else ``end``."""
    if text.startswith(" (", end):
        acr = _ACRONYM_AFTER_RE.match(text, end)
        if acr is not None:
            return acr.end()
    return end


def word_occurrences(text: str, word: str, start: int = 0) -> Iterator[tuple[int, int]]:
    """(start, end) of each occurrence of ``word`` in ``text`` from ``start`` on that is not
    part of a longer word (a plain substring search: this runs on every text)."""
    at = text.find(word, start)
    while at >= 0:
        end = at + len(word)
        if not (at and text[at - 1].isalnum()) and not (end < len(text) and text[end].isalnum()):
            yield at, end
        at = text.find(word, at + 1)
