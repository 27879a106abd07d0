"""Named entities (PER / ORG / LOC) in Indonesian news text, fast enough for index time.

How it works:

1. One compiled regex finds *runs*: maximal sequences of capitalised words and acronyms on one
   line, joined by single spaces and, between two capitalised words, by a few connectors
   ("bin", "van", "de", "of", "br", ...), a lone hyphen or apostrophe, or a full stop after an
   initial ("Stephen R . Covey"); a number may follow a word ("SMA Negeri 1"). A run also takes
   in one lower-case head word right before it when the trainer found that the gold data
   counts that word as part of names ("desa", "kecamatan", "kota": stored in the model file).
   Everything outside a run is never an entity.
2. The words of a run are tagged per type as the first, an inner or the last word of a
   mention of several words, the word of a one-word mention, or none (BILOU), by a small
   linear model trained by ``scripts/train_ner.py`` from the gold IDNER-2k and NERGrit
   training data (linear-chain CRFs, feature-bagged, their averaged weights exported as
   per-feature score vectors),
   decoded with Viterbi over the run using learned label-bigram transition scores (and a
   start row).
   Its features depend on one word each (the word, its shape, its affixes, how often the word
   is written in lower case in news text, whether it is a well-known place, where it sits in
   the run, whether the run starts a sentence, and the word's corpus features stored in the
   model file: its usual neighbour words, distributional word classes and the score vector of
   its distributional word vector in the CLICK-ID news corpus, and whether GeoNames knows a
   place of that name, Indonesia's list of administrative areas a province, regency, district,
   village or island of that name, or the US Census a person's name) plus the previous,
   second-previous and next token (tokens outside the run weigh apart from words inside it),
   and for longer runs the run's last word and the token after the run (:func:`run_features`
   lists them all, as the trainer sees them). The walk over the runs, the scoring and the
   decoding are compiled (``indexer/_ner.pyx``, Cython): score vectors are C arrays in fixed
   point (each weight x 100, rounded), summed from caches per word and position (a word's
   position-free part once per word) and per context token and the role it plays (inside the
   run, just before it, just after it); the mentions of a run of several words are cached by
   (context, run, context). This module keeps what defines the model: the features, the facts,
   the normalisation and the linking across mentions. Titles ("Presiden", "Menteri", "Pak") are
   mostly tagged O like in the gold data, so "Presiden Joko Widodo" yields "Joko Widodo".
3. Facts: a run that is exactly a well-known place (``data/gazetteer_loc.txt``, plus the place
   short forms of the alias table) is a LOC, one that is exactly a well-known organisation
   (``data/gazetteer_org.txt``: platforms, media, official names) an ORG; an official name
   of that list that "dan" or commas cut into several runs is one ORG where the text spells it
   out ("Kementerian Pemuda dan Olahraga"), and so is any organisation name "dan" cuts in two
   that a short form of its initials follows ("Badan Siber dan Sandi Negara (BSSN)");
   generic heads ("Kementerian", "Pemprov") and legal forms are never an entity alone; a
   place heading an entity that continues as a person is split off ("AS Joe Biden"); a
   parenthesised acronym right after a name joins the mention ("Mahkamah Konstitusi (MK)");
   names listed together are of one kind: in a list of three or more ("Bayat, Cawas, Pedan
   dan Karangdowo") the type most of them have is the type of all that are no fact; a person
   the alias table names in several words ("BJ Habibie") is a PER wherever the text writes
   the name capitalised, also inside a longer run.
4. Normalisation: a title the model kept at the head of a person stays in the mention but is
   dropped from the name, a small alias table of facts joins well-known short forms ("AS" ->
   "Amerika Serikat", "Jokowi" -> "Joko Widodo"), a short form the text defines in
   parentheses after a name that it spells ("Komisi Penyiaran Indonesia (KPI)") is that name in
   the rest of the text, also where the tagger left it out (spaced apart after the name,
   "( UMS )", it is a mention of it itself), and a one-word mention of a part of a person's
   full name seen earlier in the same text becomes that person.

The model file is loaded lazily on first use; nothing is read at import time.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

try:
    from indexer import _ner
except ImportError as exc:  # pragma: no cover - a checkout whose extension was never built
    raise ImportError(
        "indexer._ner, the compiled core of the entity extractor, is not built: "
        "run `make install` (or `pip install -e .`)"
    ) from exc

__all__ = ["Entity", "extract_entities"]

MODEL_PATH = Path(__file__).parent / "data" / "ner_model.json.gz"
GAZETTEER_LOC_PATH = Path(__file__).parent / "data" / "gazetteer_loc.txt"
GAZETTEER_ORG_PATH = Path(__file__).parent / "data" / "gazetteer_org.txt"

TYPES: tuple[str, ...] = ("PER", "ORG", "LOC")
# The tagger's labels (BILOU): per type the first (B), inner (I) and last (L) word of a mention
# of several words and the word of a one-word mention (U). Telling the last word and a lone word
# apart from the others lets the model learn how names end: 5-fold CV of one CRF with and
# without it, IDNER 0.787 -> 0.792, NERGrit 0.715 -> 0.726.
LABELS: tuple[str, ...] = ("O", *(f"{k}-{t}" for t in TYPES for k in "BILU"))
# What the tagger hands on: B/I/O label indexes, a mention starting at each B-X.
BIO_LABELS: tuple[str, ...] = ("O", *(f"{k}-{t}" for t in TYPES for k in "BI"))


def label_kind(label: int) -> str:
    """The kind of a label index of :data:`LABELS`: "O", or "B", "I", "L" or "U"."""
    return "O" if label == 0 else "BILU"[(label - 1) % 4]


def label_allowed(prev: int, label: int) -> bool:
    """Whether ``label`` may follow ``prev`` (-1: ``label`` starts the run): inside a mention
    of several words (after B-X or I-X) only I-X or L-X, elsewhere only O, B-Y or U-Y."""
    kind = label_kind(label)
    if prev < 0 or label_kind(prev) in "OLU":
        return kind in "OBU"
    return kind in "IL" and (prev - 1) // 4 == (label - 1) // 4


def label_ends(label: int) -> bool:
    """Whether a run may end with ``label`` (a mention of several words ends with L-X)."""
    return label_kind(label) in "OLU"


def to_bio(label: int) -> int:
    """The :data:`BIO_LABELS` index of a label: B-X and U-X start a mention, I-X and L-X go on."""
    if label == 0:
        return 0
    return 1 + 2 * ((label - 1) // 4) + (label_kind(label) in "IL")

# --- candidate runs -------------------------------------------------------------------------------
_UP = "A-ZÀ-ÖØ-Þ"
_CAP_REST = r"[^\W_]*(?:[-'’.][^\W_]+)*"
_CAP = rf"[{_UP}]{_CAP_REST}"
_CONNECTORS = (
    "bin", "binti", "van", "von", "der", "den", "de", "da", "del", "della", "la", "le",
    "al", "el", "of", "the", "for", "and", "y", "&", "ibn", "ben", "dos", "du",
    "br", "boru", "ni", "no",  # Batak "Elia Rosa br Bangun", Gayo "Bur ni Telong", "Minamoto no"
)  # fmt: skip
_CONNECTOR_SET = frozenset(_CONNECTORS)
_CONN = "|".join(sorted(_CONNECTORS, key=len, reverse=True))
_NUM = r"\d{1,4}(?![^\W_])"
# Between capitalised words a run also takes a lone hyphen or apostrophe and, after an initial,
# a lone full stop: tokenised text spells "Zeta - Jones", "O ' Neil", "Stephen R . Covey".
_RUN_TAIL = rf"(?: (?:(?:{_CONN}|[-'’]|(?<= [{_UP}] )\.) )?{_CAP}| {_NUM})*"


# The first capital is matched before the look-behind so that the regex engine can scan for
# the first character fast.
_RUN_RE = re.compile(rf"[{_UP}](?<![^\W_][{_UP}]){_CAP_REST}{_RUN_TAIL}(?![^\W_])")
_WORD_START_RE = re.compile(r"[^\W_]+")
_ACRONYM_AFTER_RE = re.compile(rf" \([{_UP}][{_UP}a-z0-9&.-]{{1,11}}\)")
# A short form defined in parentheses right after a name, spaced the way tokenised text spells
# it ("Universitas Muhammadiyah Surakarta ( UMS )") or not ("Joko Widodo (Jokowi)").
_SHORT_DEF_RE = re.compile(rf" \( ?([{_UP}][{_UP}a-z0-9&.-]{{1,11}}) ?\)")
_PART_BREAK_RE = re.compile(r",? dan |, ")  # where official names break into runs
# The context tokens of a run (compiled: they run for every run of every text).
BOS: str = _ner.BOS
EOS: str = _ner.EOS
prev_token = _ner.prev_token
next_token = _ner.next_token
# Tokens after which a capital letter says nothing about names.
_SENTENCE_PREV = frozenset({BOS, ".", "!", "?", '"', "“", "”", "'", ":", "—", "–", "-", "•", "*"})

_MAX_RUN_CACHE = 300_000
_MAX_WORD_CACHE = 300_000


def backtrack(score: list[float], back: list[list[int]]) -> list[int]:
    """Viterbi's last step: the best final label, then the back-pointers to the start."""
    last = score.index(max(score))
    out = [last]
    for ptr in reversed(back):
        last = ptr[last]
        out.append(last)
    out.reverse()
    return out


@dataclass(frozen=True, slots=True)
class Entity:
    """One entity mention: ``text[start:end]`` is the mention, ``name`` its facet value."""

    name: str  # normalised facet value
    type: str  # "PER" | "ORG" | "LOC"
    start: int  # char offsets of the mention in the text
    end: int


@dataclass(frozen=True, slots=True)
class Run:
    """A candidate run of capitalised words with the tokens around it."""

    start: int
    end: int
    text: str
    prev: str
    next: str


# Setters of Entity's slots, in field order; its frozen dataclass __init__ reaches them through
# one object.__setattr__ call each, which takes twice as long.
_ENTITY_SLOTS = tuple(Entity.__dict__[f.name].__set__ for f in fields(Entity))


def _entity(name: str, typ: str, start: int, end: int) -> Entity:
    """``Entity(name, typ, start, end)`` for the hot path (one per mention found)."""
    ent = object.__new__(Entity)
    set_name, set_type, set_start, set_end = _ENTITY_SLOTS
    set_name(ent, name)
    set_type(ent, typ)
    set_start(ent, start)
    set_end(ent, end)
    return ent


def find_runs(text: str, heads: frozenset[str] = frozenset()) -> Iterator[Run]:
    """Candidate runs of ``text`` in order, with their context tokens. A run also takes in a
    lower-case head word right before it ("desa", "kecamatan": the trainer learns which heads
    the gold data counts as part of a name)."""
    for m in _RUN_RE.finditer(text):
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


# --- features -------------------------------------------------------------------------------------
def shape(word: str) -> str:
    """A coarse word shape: X for capitals, x for lower case, d for digits, squeezed."""
    out: list[str] = []
    for ch in word[:12]:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def lower_bucket(word: str, lower_ratio: dict[str, int]) -> str:
    """How often the word is written in lower case in news text: 0..4, or ``u`` (unknown)."""
    b = lower_ratio.get(word.lower())
    return "u" if b is None else str(b)


def word_pos(i: int, n: int, sent: bool) -> str:
    """Where word ``i`` of an ``n``-word run sits: a lone word (o, or a at a sentence start),
    first (f, or s at a sentence start), middle (m) or last (e)."""
    if n == 1:
        return "a" if sent else "o"
    if i == 0:
        return "s" if sent else "f"
    return "e" if i == n - 1 else "m"


# The score vector a word's dense distributional vector adds, one per word in the model file
# ("ev=jakarta"): the trainer learns per-dimension weights and projects each vector onto them.
VECTOR_PREFIX = "ev="


def word_features(
    word: str,
    pos: str,
    lower_ratio: dict[str, int],
    places: frozenset[str] = frozenset(),
    extra: Sequence[str] = (),
) -> list[str]:
    """Features of a word inside a run (``pos``: see :func:`word_pos`); ``extra`` are the
    word's corpus features from the model file (see ``scripts/train_ner.py``)."""
    low = word.lower()
    lb = lower_bucket(word, lower_ratio)
    sh = shape(word)
    return [
        *form_features(word, low, lb, sh),
        *position_features(pos, low, lb, sh, low in places),
        *extra,
        VECTOR_PREFIX + low,  # the word's distributional vector, projected on labels
    ]


def form_features(word: str, low: str, lb: str, sh: str) -> list[str]:
    """The features of a word that do not depend on where it sits in the run (``low``, ``lb``,
    ``sh``: its lower case, :func:`lower_bucket` and :func:`shape`)."""
    return [
        "b",
        "w=" + word,
        "l=" + low,
        "sh=" + sh,
        "s4=" + low[-4:],
        "s3=" + low[-3:],
        "s2=" + low[-2:],
        "p4=" + low[:4],
        "p3=" + low[:3],
        "lb=" + lb,
    ]


def position_features(pos: str, low: str, lb: str, sh: str, gz: bool) -> list[str]:
    """The features of a word that depend on where it sits in the run (``pos``), including the
    pair that marks a well-known place (``gz``); the word itself (``low``) counts only at a
    sentence start."""
    feats = ["pos=" + pos, "lbpos=" + lb + pos, "shpos=" + sh + pos]
    if pos in "as":
        feats.append("sl=" + low)
    if gz:
        feats.append("gz")
        feats.append("gzpos=" + pos)
    return feats


def context_features(kind: str, token: str) -> list[str]:
    """Features of a token around a word (``kind``: p = previous, q = second previous,
    n = next)."""
    low = token.lower()
    cap = "C" if token[:1].isupper() else "c"
    return [f"{kind}={low}", f"{kind}c={cap}"]


def word_context(words: Sequence[str], i: int, prev: str, nxt: str) -> tuple[str, str, str]:
    """(previous, second previous, next) token of word ``i`` of a run ("" if unknown)."""
    p = words[i - 1] if i else prev
    q = words[i - 2] if i > 1 else (prev if i == 1 else "")
    x = words[i + 1] if i + 1 < len(words) else nxt
    return p, q, x


def starts_sentence(prev: str) -> bool:
    return prev in _SENTENCE_PREV


def run_features(
    words: Sequence[str],
    prev: str,
    nxt: str,
    lower_ratio: dict[str, int],
    places: frozenset[str] = frozenset(),
    word_extra: Mapping[str, str] | None = None,
) -> list[list[str]]:
    """Per word of a run, every feature the tagger scores (the trainer's view; the extractor
    sums the same features from per-word and per-context caches, see :meth:`Model.tag`).
    ``word_extra``: lower-cased word -> its corpus features, space-separated."""
    sent = starts_sentence(prev)
    extra = word_extra or {}
    n = len(words)
    out: list[list[str]] = []
    for i, w in enumerate(words):
        p, q, x = word_context(words, i, prev, nxt)
        out.append(
            word_features(
                w, word_pos(i, n, sent), lower_ratio, places, extra.get(w.lower(), "").split()
            )
            + context_features("p" if i else "P", p)
            + context_features("q", q)
            + context_features("n" if i + 1 < n else "N", x)
            + (context_features("r", nxt) + context_features("l", words[-1]) if n > 1 else [])
        )
    return out


_SKIP_BUCKET = 3
_CONTEXT_PREFIXES = ("p=", "q=", "n=", "P=", "N=")
_MIN_CONTEXT_SPREAD = 1.0
# Never an entity on their own: legal forms ("PT Garuda Indonesia (Persero) Tbk"), the parts
# of BMKG's full name that its commas cut off ("Badan Meteorologi, Klimatologi, dan
# Geofisika"), and the generic heads of official names ("Kementerian", "Pemprov"), which name
# no one body when they stand alone.
NOT_ALONE = frozenset(
    {
        "tbk", "persero", "pt", "cv", "klimatologi", "geofisika", "kementerian", "kemenko",
        "pemprov", "pemkot", "pemkab", "pemda", "pemerintah", "dinas", "badan", "lembaga",
        "komisi", "dewan", "majelis", "partai", "universitas", "yayasan", "provinsi",
        "kabupaten", "kota",
    }
)  # fmt: skip
CALENDAR_WORDS = frozenset(
    {
        "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad",
        "januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
        "oktober", "november", "desember", "jan", "feb", "mar", "apr", "jun", "jul", "agu",
        "agt", "sep", "sept", "okt", "nov", "des", "wib", "wita", "wit",
    }
)  # fmt: skip


# --- model ----------------------------------------------------------------------------------------
class Model:
    """The trained weights, the lower-case lexicon and the facts of the extractor; its compiled
    tagger (:attr:`tagger`) scores runs with them and holds the caches."""

    def __init__(
        self,
        weights: dict[str, list[float]],
        lower_ratio: dict[str, int],
        entity_words: frozenset[str] = frozenset(),
        places: frozenset[str] = frozenset(),
        heads: Sequence[str] = (),
        word_extra: Mapping[str, str] | None = None,
        orgs: frozenset[str] = frozenset(),
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
        self.org_parts: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for head, names in sorted(by_head.items()):
            self.org_parts.setdefault(head.rsplit(" ", 1)[-1], []).append(
                (head, tuple(sorted(names, key=len, reverse=True)))
            )
        # Space-separated strings, split only when a word's vector is first computed: one
        # string object per word keeps the model's memory and load time small.
        self.word_extra = word_extra or {}
        # Context words with little say are dropped: runs in their contexts then share cache
        # entries (see the tagger's _ctx_key), which is what makes the per-run cache pay.
        self.weights = {
            f: v
            for f, v in weights.items()
            if f[:2] not in _CONTEXT_PREFIXES or max(v) - min(v) >= _MIN_CONTEXT_SPREAD
        }
        self.lower_ratio = lower_ratio
        # Well-known places, and the short forms of places in the alias table ("AS", "Jabar").
        self.places = places | {k for k, (_, t) in ALIASES.items() if t == "LOC" and k != "amerika"}
        self._place_first = frozenset(p.split(" ", 1)[0] for p in self.places)
        # The type of a name that is a fact, lower case: LOC for a well-known place (first),
        # ORG for a well-known organisation (the tagger types one-word runs by it; a listed
        # name keeps it, see _one_kind_lists).
        self.facts = {**{o: "ORG" for o in orgs}, **{p: "LOC" for p in self.places}}
        # One-word runs never tagged: words mostly written in lower case that never occur
        # inside a gold entity, and calendar words. Checked before any other work.
        self.skip = (
            frozenset(
                w
                for w, b in lower_ratio.items()
                if b >= _SKIP_BUCKET and w not in entity_words and w not in ALIASES
            )
            | CALENDAR_WORDS
            | NOT_ALONE
        )
        # Those that no official name cut by "dan" or commas ends with (see org_parts): a run
        # that is one of these words needs no other look-up.
        self.skip_plain = frozenset(
            w for w in self.skip if " " not in w and w not in self.org_parts
        )
        # The compiled tagger (indexer._ner) scores and decodes runs in fixed point and holds
        # the caches; built here so that it sees the model's final tables.
        self.tagger = _ner.Tagger(self, sys.modules[__name__])

    def word_base(self, word: str) -> tuple[list[str], str, str, str, bool]:
        """A word's position-free features (:func:`form_features`, its corpus features, its
        vector) and what its position features need: lower case, lower bucket, shape, and
        whether it is a well-known place."""
        low = word.lower()
        lb = lower_bucket(word, self.lower_ratio)
        sh = shape(word)
        extra = self.word_extra.get(low, "").split()
        return [*form_features(word, low, lb, sh), *extra, VECTOR_PREFIX + low], low, lb, sh, (
            low in self.places
        )

    def word_vec(self, word: str, pos: str) -> list[int]:
        """The tagger's fixed-point score vector of ``word`` at ``pos`` (see :func:`word_pos`)."""
        return self.tagger.word_lanes(word, pos)

    def feature_sum(self, feats: Sequence[str]) -> list[int]:
        """The tagger's fixed-point sum of the score vectors of ``feats``."""
        return self.tagger.feature_lanes(feats)

    def tag(self, words: Sequence[str], prev: str, nxt: str) -> list[int]:
        """Viterbi decoding of the words of one run over the learned label-bigram transition
        scores (:data:`LABELS`, within :func:`label_allowed` and :func:`label_ends`); returns
        the :data:`BIO_LABELS` indexes of the labels (:func:`to_bio`)."""
        return self.tagger.tag(words, prev, nxt)

    def split_places(self, words: list[str], labels: list[int], nxt: str) -> list[int]:
        """ "Presiden AS Joe Biden" often comes out as one entity: split a well-known place at
        the head of an entity off when the words after it read as a person on their own."""
        out = list(labels)
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
                head = " ".join(words[i:j]).lower()
                alias = ALIASES.get(head)
                if head in self.places or (alias is not None and alias[1] == "LOC"):
                    rest = self.tag(words[j:k], words[j - 1], words[k] if k < n else nxt)
                    if rest[0] == 1:  # B-PER
                        out[i:j] = [5] + [6] * (j - i - 1)
                        out[j:k] = rest
                    break
            i = k
        return out


@cache
def load_names(path: Path) -> frozenset[str]:
    """Well-known names (lower case) from a gazetteer file: one per line, ``#`` comments."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(ln.strip().lower() for ln in lines if ln.strip() and not ln.startswith("#"))


def load_places() -> frozenset[str]:
    """Well-known place names (``data/gazetteer_loc.txt``)."""
    return load_names(GAZETTEER_LOC_PATH)


def model_from_payload(data: Mapping[str, Any]) -> Model:
    """A model from the content of a model file (as ``scripts/train_ner.py`` writes it)."""
    if tuple(data.get("labels", ())) != LABELS:
        raise ValueError(
            f"the entity model's labels {data.get('labels')} are not {LABELS}: "
            "retrain it with scripts/train_ner.py"
        )
    return Model(
        data["weights"],
        data["lower_ratio"],
        frozenset(data.get("entity_words", ())),
        load_places(),
        data.get("heads", ()),
        data.get("word_extra"),
        load_names(GAZETTEER_ORG_PATH),
    )


@cache
def load_model(path: Path = MODEL_PATH) -> Model:
    """Load the trained model (once per process)."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return model_from_payload(json.load(fh))


# --- normalisation --------------------------------------------------------------------------------
# Titles and honorifics that precede a person's name and are not part of it.
TITLES = frozenset(
    {
        "presiden", "wapres", "menteri", "menko", "mendagri", "menkeu", "gubernur", "wagub",
        "bupati", "wali", "walikota", "kapolri", "kapolda", "kapolres", "panglima", "jenderal",
        "letjen", "mayjen", "brigjen", "kolonel", "kombes", "irjen", "komjen", "ajun", "kompol",
        "akbp", "ipda", "aiptu", "bripka", "briptu", "ketua", "wakil", "sekjen", "direktur",
        "dirut", "kepala", "kapuspen", "jaksa", "hakim", "pak", "bu", "ibu", "bapak", "mas",
        "mbak", "bang", "kak", "om", "tante", "haji", "hajah", "h", "hj", "dr", "drs", "dra",
        "ir", "prof", "kh", "ustaz", "ustadz", "habib", "syekh", "raja", "ratu", "pangeran",
        "sultan", "paus", "santo", "st", "tuan", "nyonya", "nona", "sdr", "saudara", "senator",
        "perdana", "kanselir", "pm", "capres", "cawapres", "caleg", "kiai", "kyai", "gus",
        "mr", "mrs", "ms", "sir", "lord", "dokter", "pelatih", "kapten", "striker",
        # ministers and officials by their usual short titles ("Menpora Imam Nahrawi")
        "menpora", "menkumham", "menlu", "menhan", "mensos", "menkes", "mendikbud", "menag",
        "menhub", "mentan", "mendag", "menperin", "menkominfo", "menaker", "menpar",
        "menristekdikti", "menristek", "menpupr", "menkopolhukam",
        "menpan-rb", "menpan", "mensesneg", "seskab", "kasad", "kasal", "kasau", "kabareskrim",
        "kapolsek", "kajati", "kajari", "kadiv", "karopenmas", "jubir", "wamen",
    }
)  # fmt: skip

# Well-known short forms: lower-cased surface -> (facet value, type). Facts, kept small.
ALIASES: dict[str, tuple[str, str]] = {
    "as": ("Amerika Serikat", "LOC"),
    "amerika": ("Amerika Serikat", "LOC"),
    "usa": ("Amerika Serikat", "LOC"),
    "ri": ("Indonesia", "LOC"),
    "nkri": ("Indonesia", "LOC"),
    "inggris raya": ("Inggris", "LOC"),
    "uk": ("Inggris", "LOC"),
    "korsel": ("Korea Selatan", "LOC"),
    "korut": ("Korea Utara", "LOC"),
    "jabar": ("Jawa Barat", "LOC"),
    "jateng": ("Jawa Tengah", "LOC"),
    "jatim": ("Jawa Timur", "LOC"),
    "sumut": ("Sumatera Utara", "LOC"),
    "sumbar": ("Sumatera Barat", "LOC"),
    "sumsel": ("Sumatera Selatan", "LOC"),
    "kalbar": ("Kalimantan Barat", "LOC"),
    "kaltim": ("Kalimantan Timur", "LOC"),
    "kalteng": ("Kalimantan Tengah", "LOC"),
    "kalsel": ("Kalimantan Selatan", "LOC"),
    "sulsel": ("Sulawesi Selatan", "LOC"),
    "sulut": ("Sulawesi Utara", "LOC"),
    "sulteng": ("Sulawesi Tengah", "LOC"),
    "ntt": ("Nusa Tenggara Timur", "LOC"),
    "ntb": ("Nusa Tenggara Barat", "LOC"),
    "diy": ("Daerah Istimewa Yogyakarta", "LOC"),
    "jogja": ("Yogyakarta", "LOC"),
    "jogjakarta": ("Yogyakarta", "LOC"),
    "dki": ("Jakarta", "LOC"),
    "dki jakarta": ("Jakarta", "LOC"),
    "jakarta raya": ("Jakarta", "LOC"),
    "jokowi": ("Joko Widodo", "PER"),
    "sby": ("Susilo Bambang Yudhoyono", "PER"),
    "jk": ("Jusuf Kalla", "PER"),
    "ahok": ("Basuki Tjahaja Purnama", "PER"),
    "gus dur": ("Abdurrahman Wahid", "PER"),
    "bj habibie": ("Bacharuddin Jusuf Habibie", "PER"),  # "B.J." is a run of its own
    "kpk": ("Komisi Pemberantasan Korupsi", "ORG"),
    # its name in law (UU 30/2002), which news also prints in full
    "komisi pemberantasan tindak pidana korupsi": ("Komisi Pemberantasan Korupsi", "ORG"),
    "kpu": ("Komisi Pemilihan Umum", "ORG"),
    "bawaslu": ("Badan Pengawas Pemilihan Umum", "ORG"),
    "dpr": ("Dewan Perwakilan Rakyat", "ORG"),
    "dpr ri": ("Dewan Perwakilan Rakyat", "ORG"),
    "mpr": ("Majelis Permusyawaratan Rakyat", "ORG"),
    "dpd": ("Dewan Perwakilan Daerah", "ORG"),
    "mk": ("Mahkamah Konstitusi", "ORG"),
    "ma": ("Mahkamah Agung", "ORG"),
    "tni": ("Tentara Nasional Indonesia", "ORG"),
    "polri": ("Kepolisian Negara Republik Indonesia", "ORG"),
    "bnn": ("Badan Narkotika Nasional", "ORG"),
    "bnpb": ("Badan Nasional Penanggulangan Bencana", "ORG"),
    "bmkg": ("Badan Meteorologi, Klimatologi, dan Geofisika", "ORG"),
    "bps": ("Badan Pusat Statistik", "ORG"),
    "bi": ("Bank Indonesia", "ORG"),
    "ojk": ("Otoritas Jasa Keuangan", "ORG"),
    "pbb": ("Perserikatan Bangsa-Bangsa", "ORG"),
    "un": ("Perserikatan Bangsa-Bangsa", "ORG"),
    "who": ("Organisasi Kesehatan Dunia", "ORG"),
    "pssi": ("Persatuan Sepak Bola Seluruh Indonesia", "ORG"),
    "pdip": ("Partai Demokrasi Indonesia Perjuangan", "ORG"),
    "pdi-p": ("Partai Demokrasi Indonesia Perjuangan", "ORG"),
    "pdi perjuangan": ("Partai Demokrasi Indonesia Perjuangan", "ORG"),
    "pkb": ("Partai Kebangkitan Bangsa", "ORG"),
    "pks": ("Partai Keadilan Sejahtera", "ORG"),
    "ppp": ("Partai Persatuan Pembangunan", "ORG"),
    "pan": ("Partai Amanat Nasional", "ORG"),
    "nu": ("Nahdlatul Ulama", "ORG"),
    "pbnu": ("Pengurus Besar Nahdlatul Ulama", "ORG"),
    "mui": ("Majelis Ulama Indonesia", "ORG"),
    "kemenkeu": ("Kementerian Keuangan", "ORG"),
    "kemendagri": ("Kementerian Dalam Negeri", "ORG"),
    "kemenlu": ("Kementerian Luar Negeri", "ORG"),
    "kemenkes": ("Kementerian Kesehatan", "ORG"),
    "kemenpora": ("Kementerian Pemuda dan Olahraga", "ORG"),
    "klhk": ("Kementerian Lingkungan Hidup dan Kehutanan", "ORG"),
    "kominfo": ("Kementerian Komunikasi dan Informatika", "ORG"),
    "kemenkominfo": ("Kementerian Komunikasi dan Informatika", "ORG"),
    "kemkominfo": ("Kementerian Komunikasi dan Informatika", "ORG"),
    "kementerian pupr": ("Kementerian Pekerjaan Umum dan Perumahan Rakyat", "ORG"),
    "kemenpupr": ("Kementerian Pekerjaan Umum dan Perumahan Rakyat", "ORG"),
    "kemenkumham": ("Kementerian Hukum dan Hak Asasi Manusia", "ORG"),
    "kementerian esdm": ("Kementerian Energi dan Sumber Daya Mineral", "ORG"),
    "kkp": ("Kementerian Kelautan dan Perikanan", "ORG"),
    "kemendikbud": ("Kementerian Pendidikan dan Kebudayaan", "ORG"),
    "kemenristekdikti": ("Kementerian Riset, Teknologi, dan Pendidikan Tinggi", "ORG"),
    "kemenparekraf": ("Kementerian Pariwisata dan Ekonomi Kreatif", "ORG"),
    "kemenpan-rb": ("Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", "ORG"),
    "kemenpanrb": ("Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", "ORG"),
    "kemenpppa": ("Kementerian Pemberdayaan Perempuan dan Perlindungan Anak", "ORG"),
    "kemenko polhukam": ("Kementerian Koordinator Bidang Politik, Hukum, dan Keamanan", "ORG"),
    "kemenkopolhukam": ("Kementerian Koordinator Bidang Politik, Hukum, dan Keamanan", "ORG"),
    "kemenko pmk": (
        "Kementerian Koordinator Bidang Pembangunan Manusia dan Kebudayaan", "ORG"
    ),
    "bpom": ("Badan Pengawas Obat dan Makanan", "ORG"),
    "bppt": ("Badan Pengkajian dan Penerapan Teknologi", "ORG"),
    "ppatk": ("Pusat Pelaporan dan Analisis Transaksi Keuangan", "ORG"),
    "lpsk": ("Lembaga Perlindungan Saksi dan Korban", "ORG"),
    "pln": ("Perusahaan Listrik Negara", "ORG"),
    "kai": ("Kereta Api Indonesia", "ORG"),
}
# Given names too common to identify a person when used alone.
_COMMON_NAME_PARTS = frozenset(
    {
        "muhammad", "mohammad", "mohamad", "muhamad", "moh", "mohd", "m", "abdul", "ahmad",
        "achmad", "siti", "nur", "dewi", "sri", "putri", "putra", "bin", "binti", "van", "de",
        "al", "dan", "i", "ii", "iii", "jr", "sr", "abu", "el", "la", "le",
    }
)  # fmt: skip
_SPACES_RE = re.compile(r"\s+")


def normalise(surface: str, typ: str) -> tuple[str, str]:
    """The facet value and type of a mention, before cross-mention linking."""
    name = _SPACES_RE.sub(" ", surface).strip()
    if typ == "PER":
        while " " in name and name.split(" ", 1)[0].rstrip(".").lower() in TITLES:
            name = name.split(" ", 1)[1]
    alias = ALIASES.get(name.lower())
    if alias is not None and (name.lower() != "amerika" or typ == "LOC"):
        return alias
    return name, typ


# normalise of the hot paths: the same mentions recur across texts.
_normalised = lru_cache(maxsize=1 << 16)(normalise)


@lru_cache(maxsize=1 << 16)
def _name_parts(name: str) -> tuple[str, ...]:
    """The lower-cased parts of a person's full name that identify that person alone."""
    lows = (part.lower() for part in name.split(" "))
    return tuple(low for low in lows if len(low) > 2 and low not in _COMMON_NAME_PARTS)


def _link_people(entities: list[Entity]) -> list[Entity]:
    """Map a one-word mention that is part of an earlier full person name to that person."""
    parts: dict[str, str] = {}
    out: list[Entity] = []
    for ent in entities:
        name = ent.name
        if ent.type == "PER" and " " in name:
            for low in _name_parts(name):
                parts[low] = name
        elif parts and " " not in name:
            full = parts.get(name.lower())
            if full is not None and (ent.type == "PER" or name.lower() not in ALIASES):
                ent = Entity(full, "PER", ent.start, ent.end)
        out.append(ent)
    return out


def _letters(short: str) -> str:
    """The letters of a short form, lower case ("Dr.PH" -> "drph")."""
    return "".join(c for c in short.lower() if c.isalpha())


def is_short_form(short: str, name: str) -> bool:
    """Whether ``short`` spells ``name`` as leading letters of its words, in order, starting
    with the first word; words may be left out ("UMS": Universitas Muhammadiyah Surakarta,
    "STKS": Sekolah Tinggi Kesejahteraan Sosial, "Caltex": California Texas, "Jokowi": Joko
    Widodo)."""
    letters = _letters(short)
    words = [w for w in name.lower().split(" ") if w[:1].isalpha()]
    if len(letters) < 2 or len(words) < 2:
        return False

    @cache
    def spells(i: int, j: int) -> bool:  # letters[i:] from a prefix of words[j], then later words
        word = words[j]
        k = 0
        while k < len(word) and i + k < len(letters) and word[k] == letters[i + k]:
            k += 1
            if i + k == len(letters) or any(spells(i + k, n) for n in range(j + 1, len(words))):
                return True
        return False

    return spells(0, 0)


def _link_short_forms(text: str, entities: list[Entity]) -> list[Entity]:
    """A short form defined in parentheses right after a name ("Komisi Penyiaran Indonesia
    (KPI)", "Universitas Muhammadiyah Surakarta ( UMS )") is that entity: its later mentions in
    the text get the name's facet value and type, and so do its later occurrences that the
    tagger left out. A short form of the alias table keeps its alias (one facet value for "KPK"
    across articles). A short form in parentheses outside the mention that no entity covers is
    itself a mention of that entity (NERGrit tags "UMS" in "Universitas Muhammadiyah Surakarta
    ( UMS )" apart, with the name's type)."""
    defined: dict[str, tuple[str, str]] = {}
    defined_at: dict[str, int] = {}
    out: list[Entity] = []
    starts: set[int] | None = None
    for ent in entities:
        if defined:
            known = defined.get(text[ent.start : ent.end])
            if known is not None:
                ent = Entity(known[0], known[1], ent.start, ent.end)
        out.append(ent)
        if " " not in ent.name:
            continue
        end = ent.end
        m = _SHORT_DEF_RE.match(text, end) if text.startswith(" (", end) else None
        if m is not None:
            short = m.group(1)
        elif text.endswith(")", ent.start, end):  # "Mahkamah Konstitusi (MK)": in the mention
            surface = text[ent.start : end]
            short = surface[surface.rfind("(") + 1 : -1].strip()
        else:
            continue
        if short.lower() not in ALIASES and is_short_form(short, ent.name):
            defined[short] = (ent.name, ent.type)
            defined_at.setdefault(short, m.end() if m is not None else end)
            if m is not None:
                if starts is None:
                    starts = {e.start for e in entities}
                if m.start(1) not in starts:
                    out.append(Entity(ent.name, ent.type, m.start(1), m.end(1)))
    if defined:
        out = _later_short_forms(text, out, defined, defined_at)
    return out


def _later_short_forms(text: str, entities: list[Entity], defined: dict[str, tuple[str, str]],
                       defined_at: dict[str, int]) -> list[Entity]:
    """``entities`` with a mention added for each occurrence of a defined short form after its
    definition that no entity overlaps ("Juru bicara BSSN ..." after "Badan Siber dan Sandi
    Negara (BSSN)"), in text order."""
    added: list[Entity] = []
    for short, (name, typ) in defined.items():
        for s, e in _word_occurrences(text, short, defined_at[short]):
            if not any(x.start < e and s < x.end for x in (*entities, *added)):
                added.append(Entity(name, typ, s, e))
    if not added:
        return entities
    return sorted([*entities, *added], key=lambda x: x.start)


def _spells_every_word(short: str, name: str) -> bool:
    """Whether ``short`` is the initials of every word of ``name`` but "dan", in order ("BSSN":
    Badan Siber dan Sandi Negara; not "PES" for two companies' names in a row)."""
    letters = _letters(short)
    initials = "".join(w[0] for w in name.lower().split(" ") if w and w != "dan")
    return len(letters) >= 3 and letters == initials


def _join_cut_names(text: str, entities: list[Entity]) -> list[Entity]:
    """An official name that "dan" cuts in two is one organisation when the short form in
    parentheses right after it is the initials of the whole name: "Badan Pajak dan Retribusi
    Daerah (BPRD)" is one ORG, where the tagger found only "Badan Pajak" (or took "Sandi
    Negara" in "Badan Siber dan Sandi Negara (BSSN)" for a person). The organisation the tagger
    found is extended over the rest of the name (and the short form, written as
    :func:`_acronym_end` takes one in); mentions inside are dropped."""
    out: list[Entity] = []
    covered = -1
    for ent in entities:
        if ent.start < covered:
            continue
        out.append(ent)
        if ent.type != "ORG" or not text.startswith(" dan ", ent.end):
            continue
        rest = _RUN_RE.match(text, ent.end + 5)
        short = _SHORT_DEF_RE.match(text, rest.end()) if rest is not None else None
        if rest is None or short is None:
            continue
        name = text[ent.start : rest.end()]
        if short.group(1).lower() not in ALIASES and _spells_every_word(short.group(1), name):
            covered = _acronym_end(text, rest.end())  # "(BPRD)" joins it, "( BPRD )" does not
            out[-1] = Entity(normalise(name, "ORG")[0], "ORG", ent.start, covered)
    return out


# What stands between the names of one list: "A, B", "A , B", "A/B"; a list ends with
# "(,) dan / atau / serta" before its last name.
_LIST_COMMA_RE = re.compile(r" ?[,/] ?")
_LIST_LAST_RE = re.compile(r"(?: ?,)? (?:dan|atau|serta) ")


def _one_kind_lists(
    text: str, entities: list[Entity], facts: Mapping[str, str]
) -> list[Entity]:
    """Names listed together are of one kind: in a list of three or more mentions ("Bayat,
    Cawas, Trucuk, Pedan dan Karangdowo"; "Taeyeon, Sunny, Tiffany dan Yuri") where most
    mentions share a type, the others take it too. A list is mentions joined by commas (or
    "/"); "dan", "atau" or "serta" joins its last one, so in "Tiongkok dan Mongolia, Soegeng
    Rahardjo" the person starts no list with the places. A mention that is a fact (a
    well-known place or organisation, an alias) keeps its type."""
    out = entities
    n = len(entities)
    i = 0
    while i < n - 2:
        j = i
        last = False  # whether "dan" / "atau" / "serta" joined the list's last name
        while j + 1 < n:
            gap_start, gap_end = entities[j].end, entities[j + 1].start
            if gap_end - gap_start > 9:  # longer than " , serta ": most gaps, no regex
                break
            if not _LIST_COMMA_RE.fullmatch(text, gap_start, gap_end):
                last = _LIST_LAST_RE.fullmatch(text, gap_start, gap_end) is not None
                j += last
                break
            j += 1
        size = j - i + 1
        if size >= 3:
            kinds = [e.type for e in entities[i : j + 1]]
            typ = max(TYPES, key=kinds.count)
            if size < 2 * kinds.count(typ) < 2 * size:  # a strict majority, not all of them
                if out is entities:
                    out = list(entities)
                for x in range(i, j + 1):
                    ent = entities[x]
                    surface = text[ent.start : ent.end]
                    low = surface.lower()
                    if ent.type != typ and low not in facts and low not in ALIASES:
                        out[x] = Entity(normalise(surface, typ)[0], typ, ent.start, ent.end)
        # The last name of a list closed by "dan" may head the next one ("A dan B, C, D").
        i = j if last else j + 1
    return out


def _acronym_end(text: str, end: int) -> int:
    """The end of an "(ACRONYM)" right after a mention ending at ``end`` ("Komisi
    Pemberantasan Korupsi (KPK)"), else ``end``."""
    if text.startswith(" (", end):
        acr = _ACRONYM_AFTER_RE.match(text, end)
        if acr is not None:
            return acr.end()
    return end


def _part_name(
    text: str, run_end: int, run_low: str, parts: Sequence[tuple[str, Sequence[str]]]
) -> tuple[int, int] | None:
    """(start, end) of an official name that "dan" or commas cut into runs, when the run
    ending at ``run_end`` (lower-cased ``run_low``) ends with its first part and ``text``
    spells out the rest; ``parts``: (first part, full names longest first), lower case."""
    for head, names in parts:
        if not run_low.endswith(head):
            continue
        k = len(run_low) - len(head)
        if k and run_low[k - 1] != " ":
            continue
        start = run_end - len(head)
        for name in names:
            end = start + len(name)
            if text[start:end].lower() == name and not text[end : end + 1].isalnum():
                return start, end
    return None


# People the alias table names in more than one word ("BJ Habibie", "Gus Dur"): a fact, a
# person wherever the text writes the name capitalised ("BJ Habibie", "Bj Habibie", "BJ
# HABIBIE"), even inside a longer run ("Presiden ke-3 RI BJ Habibie"), where the tagger, short
# of gold examples of initials before a name, may not see it.
_ALIAS_PEOPLE: dict[str, str] = {
    form: key
    for key, (_, typ) in ALIASES.items()
    if typ == "PER" and " " in key
    for form in (key.title(), key.upper(),
                 " ".join(w.upper() if len(w) < 3 else w.title() for w in key.split(" ")))
}


def _alias_people(text: str, entities: list[Entity]) -> list[Entity]:
    """Each multi-word person alias the text spells (see :data:`_ALIAS_PEOPLE`) as one PER
    mention in place of the mentions it overlaps."""
    out = entities
    for form, key in _ALIAS_PEOPLE.items():
        for s, e in _word_occurrences(text, form):
            out = [x for x in out if x.end <= s or x.start >= e]
            name, typ = ALIASES[key]
            out.append(_entity(name, typ, s, e))
    if out is not entities:
        out.sort(key=lambda x: x.start)
    return out


def _word_occurrences(text: str, word: str, start: int = 0) -> Iterator[tuple[int, int]]:
    """(start, end) of each occurrence of ``word`` in ``text`` from ``start`` on that is not
    part of a longer word (a plain substring search: this runs on every text)."""
    at = text.find(word, start)
    while at >= 0:
        end = at + len(word)
        if not (at and text[at - 1].isalnum()) and not (end < len(text) and text[end].isalnum()):
            yield at, end
        at = text.find(word, at + 1)


def extract_entities(text: str, model: Model | None = None) -> list[Entity]:
    """Named entities of ``text`` in text order. Never raises on odd input. ``model``: the
    shipped model unless given (the trainer's cross-validation passes its own)."""
    if not text:
        return []
    if model is None:
        model = load_model()
    out: list[Entity] = _alias_people(text, model.tagger.extract(text))
    if not out:
        return out
    out = _one_kind_lists(text, _join_cut_names(text, out), model.facts)
    return _link_people(_link_short_forms(text, out))
