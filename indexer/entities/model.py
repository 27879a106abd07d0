"""The trained model: its weights and lexicon from the model file, the facts it is combined with,
and the typed configuration (:class:`TaggerConfig`) the compiled tagger (``indexer/_ner.pyx``)
is built from. The model file is loaded lazily on first use (:func:`load_model`).
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import orjson

from indexer import _ner
from indexer.entities import features, labels, passes, runs
from indexer.entities.facts import (
    ALIASES,
    CALENDAR_WORDS,
    CITE_WORDS,
    CREDIT_HEAD,
    CREDIT_HEADS,
    CREDIT_RE,
    NOT_ALONE,
    TITLE_QUALIFIERS,
    TITLES,
    WEB_ADDRESS_RE,
    load_orgs,
    load_places,
)
from indexer.entities.names import PLACES_ONLY_ALIASES, SHORT_ALIAS, Entity

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "ner_model.json.gz"

# When a cache of the tagger grows past this many entries, it is emptied.
MAX_WORD_CACHE = 300_000
MAX_RUN_CACHE = 300_000
_SKIP_BUCKET = 3
_CONTEXT_PREFIXES = ("p=", "q=", "n=", "P=", "N=")
_MIN_CONTEXT_SPREAD = 1.0
_PART_BREAK_RE = re.compile(r",? dan |, ")  # where official names break into runs
# A one-word run that starts a sentence and is a word usually written in lower case (its lower
# bucket: at least half of its mid-sentence occurrences) is a name only where the text also
# writes it capitalised mid-sentence or where the model is sure: its label outscores every
# other by this much (fixed point, x100). A lone word's own features (its vector, gazetteers)
# make the CRF's scores overconfident, so "sure" is set far above a calibrated 99%.
_DOUBTFUL_BUCKETS = frozenset({"2", "3", "4"})
SURE_MARGIN = 2000

OrgParts = dict[str, list[tuple[str, tuple[str, ...]]]]


@dataclass(frozen=True, slots=True)
class TaggerConfig:
    """Everything the compiled tagger reads, built by :class:`Model`; the tagger reads no
    module's names. ``indexer/_ner.pyi`` declares these reads (``TaggerReads``): renaming or
    retyping a field fails mypy where the tagger is built."""

    weights: dict[str, tuple[float, ...]]  # feature -> score vector, one weight per label
    labels: tuple[str, ...]  # labels.LABELS
    allowed: tuple[tuple[bool, ...], ...]  # [previous label + 1][label]; row 0: a run's start
    ends: tuple[bool, ...]  # per label: whether a run may end with it
    bio: tuple[int, ...]  # per label: its labels.BIO_LABELS index
    positions: str  # features.POSITIONS, in the tagger's order
    context_kinds: str  # features.CONTEXT_KINDS, in the tagger's order
    empty_second_previous: tuple[str, ...]  # features of the empty 2nd previous token
    max_word_cache: int
    max_run_cache: int
    lower_ratio: dict[str, int]  # lower-cased word -> its lower bucket (features.lower_bucket)
    word_extra: dict[str, str]  # lower-cased word -> its corpus features, space-separated
    vector_prefix: str  # features.VECTOR_PREFIX
    normaliser: _ner.Normaliser  # names.normalise, compiled
    entity: type[Entity]  # the mention record; the tagger sets its slots as make_entity does
    split_places: Callable[[list[str], list[int], str], list[int]]  # the plain path's
    split_heads: frozenset[str]  # the places split_places splits off, lower case
    part_name: Callable[[str, int, str, Sequence[tuple[str, Sequence[str]]]],
                        tuple[int, int] | None]
    acronym_end: Callable[[str, int], int]
    run_first: str  # runs.RUN_FIRST: the characters a run can start with
    skip: frozenset[str]  # runs never tagged
    skip_plain: frozenset[str]  # those that no cut official name ends with
    heads: frozenset[str]  # lower-case head words a run takes in
    places: frozenset[str]
    orgs: frozenset[str]
    place_first: frozenset[str]  # first words of well-known places
    facts: dict[str, str]  # lower-cased name -> type, for names that are facts
    org_parts: OrgParts
    sentence_prev: frozenset[str]  # runs.SENTENCE_PREV
    titles: frozenset[str]
    title_words: frozenset[str]  # titles and the words that continue them ("pol")
    not_alone: frozenset[str]
    connectors: frozenset[str]
    credits: _ner.Credits  # facts.credit_match, compiled: a mention that is a credit (lower)
    web_address_match: Callable[[str], re.Match[str] | None]  # a credit after a cite word
    cite_words: frozenset[str]
    doubtful_buckets: frozenset[str]  # lower buckets of words that start sentences, not names
    sure_margin: int  # how much a doubtful word's label must outscore the others (x100)


class Model:
    """The trained weights, the lower-case lexicon and the facts of the extractor; its compiled
    tagger (:attr:`tagger`) scores runs with them and holds the caches."""

    def __init__(
        self,
        weights: Mapping[str, Sequence[float]],
        lower_ratio: dict[str, int],
        entity_words: frozenset[str] = frozenset(),
        places: frozenset[str] = frozenset(),
        heads: Sequence[str] = (),
        word_extra: dict[str, str] | None = None,
        orgs: frozenset[str] = frozenset(),
        cache_limits: tuple[int, int] = (MAX_WORD_CACHE, MAX_RUN_CACHE),
        sure_margin: int = SURE_MARGIN,
    ) -> None:
        self.heads = frozenset(heads)
        self.orgs = orgs  # well-known organisations (data/gazetteer_org.txt), lower case
        # Those that "dan" or commas cut into several runs, by their first part:
        # "kementerian pemuda" -> ("kementerian pemuda dan olahraga",), longest first.
        by_head: dict[str, list[str]] = {}
        for name in sorted(orgs):
            head = _PART_BREAK_RE.split(name, 1)[0]
            if head != name:
                by_head.setdefault(head, []).append(name)
        # Keyed by the last word of the first part, the word a run that holds it ends with.
        self.org_parts: OrgParts = {}
        for head, names in sorted(by_head.items()):
            self.org_parts.setdefault(head.rsplit(" ", 1)[-1], []).append(
                (head, tuple(sorted(names, key=len, reverse=True)))
            )
        # Space-separated strings, split only when a word's vector is first computed: one
        # string object per word keeps the model's memory and load time small.
        self.word_extra: dict[str, str] = word_extra or {}
        # Context words with little say are dropped: runs in their contexts then share cache
        # entries (see the tagger's _ctx_key), which is what makes the per-run cache pay.
        # Tuples of floats, which the garbage collector stops tracking: lists would be ~75k
        # containers that every full collection during extraction walks, float by float.
        self.weights: dict[str, tuple[float, ...]] = {
            f: tuple(v)
            for f, v in weights.items()
            if f[:2] not in _CONTEXT_PREFIXES or max(v) - min(v) >= _MIN_CONTEXT_SPREAD
        }
        self.lower_ratio = lower_ratio
        # Well-known places, and the short forms of places in the alias table ("AS", "Jabar").
        self.places = places | {
            k for k, (_, t) in ALIASES.items() if t == "LOC" and k not in PLACES_ONLY_ALIASES
        }
        # What split_places splits off a span's head: those and every place of the alias table.
        self.split_heads = self.places | {k for k, (_, t) in ALIASES.items() if t == "LOC"}
        # The type of a name that is a fact, lower case: LOC for a well-known place (first),
        # ORG for a well-known organisation (the tagger types one-word runs by it; a listed
        # name keeps it, see passes.one_kind_lists).
        self.facts = {**{o: "ORG" for o in orgs}, **{p: "LOC" for p in self.places}}
        # One-word runs never tagged: words mostly written in lower case that never occur
        # inside a gold entity, and calendar words. Checked before any other work.
        skip = (
            frozenset(
                w
                for w, b in lower_ratio.items()
                if b >= _SKIP_BUCKET and w not in entity_words and w not in ALIASES
            )
            | CALENDAR_WORDS
            | NOT_ALONE
        )
        n = len(labels.LABELS)
        self.config = TaggerConfig(
            weights=self.weights,
            labels=labels.LABELS,
            allowed=tuple(
                tuple(labels.label_allowed(prev, j) for j in range(n)) for prev in range(-1, n)
            ),
            ends=tuple(labels.label_ends(j) for j in range(n)),
            bio=tuple(labels.to_bio(j) for j in range(n)),
            positions=features.POSITIONS,
            context_kinds=features.CONTEXT_KINDS,
            empty_second_previous=tuple(features.context_features("q", "")),
            max_word_cache=cache_limits[0],
            max_run_cache=cache_limits[1],
            lower_ratio=self.lower_ratio,
            word_extra=self.word_extra,
            vector_prefix=features.VECTOR_PREFIX,
            normaliser=_ner.Normaliser(TITLES, TITLE_QUALIFIERS, ALIASES, PLACES_ONLY_ALIASES,
                                       SHORT_ALIAS),
            entity=Entity,
            split_places=self.split_places,
            split_heads=self.split_heads,
            part_name=passes.part_name,
            acronym_end=runs.acronym_end,
            run_first=runs.RUN_FIRST,
            skip=skip,
            # A run that is one of these words needs no other look-up.
            skip_plain=frozenset(w for w in skip if " " not in w and w not in self.org_parts),
            heads=self.heads,
            places=self.places,
            orgs=orgs,
            place_first=frozenset(p.split(" ", 1)[0] for p in self.places),
            facts=self.facts,
            org_parts=self.org_parts,
            sentence_prev=runs.SENTENCE_PREV,
            titles=TITLES,
            title_words=TITLES | TITLE_QUALIFIERS,
            not_alone=NOT_ALONE,
            connectors=frozenset(runs.CONNECTORS),
            credits=_ner.Credits(CREDIT_HEAD, CREDIT_HEADS, CREDIT_RE.fullmatch),
            web_address_match=WEB_ADDRESS_RE.fullmatch,
            cite_words=CITE_WORDS,
            doubtful_buckets=_DOUBTFUL_BUCKETS,
            sure_margin=sure_margin,
        )
        # The compiled tagger scores and decodes runs in fixed point and holds the caches.
        self.tagger = _ner.Tagger(self.config)

    def word_vec(self, word: str, pos: str) -> list[int]:
        """The tagger's fixed-point score vector of ``word`` at ``pos`` (see
        :func:`features.word_pos`)."""
        return self.tagger.word_lanes(word, pos)

    def feature_sum(self, feats: Sequence[str]) -> list[int]:
        """The tagger's fixed-point sum of the score vectors of ``feats``."""
        return self.tagger.feature_lanes(feats)

    def tag(self, words: Sequence[str], prev: str, nxt: str) -> list[int]:
        """Viterbi decoding of the words of one run over the learned label-bigram transition
        scores (:data:`labels.LABELS`, within :func:`labels.label_allowed` and
        :func:`labels.label_ends`); returns the :data:`labels.BIO_LABELS` indexes."""
        return self.tagger.tag(words, prev, nxt)

    def split_places(self, words: list[str], labs: list[int], nxt: str) -> list[int]:
        """ "Presiden AS Joe Biden" often comes out as one entity: split a well-known place at
        the head of an entity off when the words after it read as a person on their own."""
        out = list(labs)
        i = 0
        n = len(words)
        while i < n:
            if out[i] % 2 == 0 or out[i] == 0:  # not a B-X
                i += 1
                continue
            k = i + 1
            while k < n and out[k] == out[i] + 1:
                k += 1
            for j in range(min(k - 1, i + 3), i, -1):  # longest place prefix first
                if " ".join(words[i:j]).lower() in self.split_heads:
                    rest = self.tag(words[j:k], words[j - 1], words[k] if k < n else nxt)
                    if rest[0] == 1:  # B-PER
                        out[i:j] = [5] + [6] * (j - i - 1)
                        out[j:k] = rest
                    break
            i = k
        return out


def model_from_payload(
    data: Mapping[str, Any], cache_limits: tuple[int, int] = (MAX_WORD_CACHE, MAX_RUN_CACHE)
) -> Model:
    """A model from the content of a model file (as ``scripts/train_ner.py`` writes it)."""
    if tuple(data.get("labels", ())) != labels.LABELS:
        raise ValueError(
            f"the entity model's labels {data.get('labels')} are not {labels.LABELS}: "
            "retrain it with scripts/train_ner.py"
        )
    return Model(
        data["weights"],
        data["lower_ratio"],
        frozenset(data.get("entity_words", ())),
        load_places(),
        data.get("heads", ()),
        data.get("word_extra"),
        load_orgs(),
        cache_limits,
    )


def read_payload(path: Path = MODEL_PATH) -> dict[str, Any]:
    """The content of a model file."""
    with gzip.open(path, "rb") as fh:
        payload: dict[str, Any] = orjson.loads(fh.read())  # half json's time, at each start
    return payload


@cache
def load_model(path: Path = MODEL_PATH) -> Model:
    """Load the trained model (once per process)."""
    return model_from_payload(read_payload(path))
