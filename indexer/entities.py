"""Named entities (PER / ORG / LOC) in Indonesian news text, fast enough for index time.

How it works:

1. One compiled regex finds *runs*: maximal sequences of capitalised words and acronyms on one
   line, joined by single spaces and, between two capitalised words, by a few connectors
   ("dan", "bin", "van", "de", "of", ...). Everything outside a run is never an entity.
2. The words of a run are tagged B/I/O per type by a small averaged-perceptron model trained by
   ``scripts/train_ner.py`` from the gold IDNER-2k and NERGrit training data. Its features depend
   on one word each (the word, its shape, its suffix, how often the word is written in lower
   case in news text, the previous, second-previous and next word around it, whether the run
   starts a sentence), so the weight sums per word are computed once and cached, and the tags of
   a whole run are cached by (context, run, context). Titles ("Presiden", "Menteri", "Pak") are
   tagged O like in the gold data, so "Presiden Joko Widodo" yields "Joko Widodo".
3. Normalisation: a leftover leading honorific is dropped, a small alias table of facts joins
   well-known short forms ("AS" -> "Amerika Serikat", "Jokowi" -> "Joko Widodo"), and a one-word
   mention of a part of a person's full name seen earlier in the same text becomes that person.

The model file is loaded lazily on first use; nothing is read at import time.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = ["Entity", "extract_entities"]

MODEL_PATH = Path(__file__).parent / "data" / "ner_model.json.gz"

LABELS: tuple[str, ...] = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC")
TYPES: tuple[str, ...] = ("PER", "ORG", "LOC")

# --- candidate runs -------------------------------------------------------------------------------
_UP = "A-ZÀ-ÖØ-Þ"
_CAP = rf"[{_UP}][^\W_]*(?:[-'’.][^\W_]+)*"
_CONNECTORS = (
    "dan", "bin", "binti", "van", "von", "der", "den", "de", "da", "del", "della", "la", "le",
    "al", "el", "of", "the", "for", "and", "y", "&", "ibn", "ben", "dos", "du",
)  # fmt: skip
_CONN = "|".join(sorted(_CONNECTORS, key=len, reverse=True))
_RUN = rf"{_CAP}(?: (?:(?:{_CONN}) )?{_CAP})*"
# Groups: 1 = word before the run, 2 = punctuation before it, 3 = the run, 4 = token after it.
_RUN_RE = re.compile(
    rf"(?:(?<![^\W_])(?![{_UP}])([^\W_]++)|([^\w\s]))?[ \t]*+(?<![^\W_])({_RUN})(?![^\W_])"
    rf"(?=[ \t]*+([^\W_]++|[^\w\s]))?"
)
_WORD_START_RE = re.compile(r"[^\W_]+")
_PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~“”‘’«»–—…•"
_NEWLINES = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_PREV_WINDOW = 48
BOS = "<S>"
EOS = "</S>"
# Tokens after which a capital letter says nothing about names.
_SENTENCE_PREV = frozenset({BOS, ".", "!", "?", '"', "“", "”", "'", ":", "—", "–", "-", "•", "*"})

_MAX_RUN_CACHE = 300_000
Found = tuple[int, int, str, str]  # relative start, relative end, name, type
_MAX_WORD_CACHE = 300_000


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


def find_runs(text: str) -> Iterator[Run]:
    """Candidate runs of ``text`` in order, with their context tokens."""
    for m in _RUN_RE.finditer(text):
        pw, pp, run, nxt = m.group(1, 2, 3, 4)
        yield Run(m.start(3), m.end(3), run, pw or pp or BOS, nxt or EOS)


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


def word_features(word: str, first: bool, sent: bool, lower_ratio: dict[str, int]) -> list[str]:
    """Features of a word inside a run (``first``: first word of the run; ``sent``: the run
    starts a sentence)."""
    low = word.lower()
    lb = lower_bucket(word, lower_ratio)
    pos = "s" if first and sent else "f" if first else "m"
    feats = [
        "b",
        "w=" + word,
        "l=" + low,
        "sh=" + shape(word),
        "s3=" + low[-3:],
        "s2=" + low[-2:],
        "p3=" + low[:3],
        "lb=" + lb,
        "pos=" + pos,
        "lbpos=" + lb + pos,
        "shpos=" + shape(word) + pos,
    ]
    if pos == "s":
        feats.append("sl=" + low)
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


# --- model ----------------------------------------------------------------------------------------
class Model:
    """Averaged-perceptron weights plus the lower-case lexicon, with per-word caches."""

    def __init__(self, weights: dict[str, list[float]], lower_ratio: dict[str, int]) -> None:
        self.weights = weights
        self.lower_ratio = lower_ratio
        self._zero = (0.0,) * len(LABELS)
        self._wcache: dict[tuple[str, bool, bool], tuple[float, ...]] = {}
        self._ccache: dict[tuple[str, str], tuple[float, ...]] = {}
        self._runs: dict[tuple[str, str, str], tuple[Found, ...]] = {}
        self._ckeys: dict[tuple[str, str], str] = {}
        self.trans = [self._sum([f"t={a}"]) for a in LABELS]

    def _sum(self, feats: Sequence[str]) -> tuple[float, ...]:
        acc = [0.0] * len(LABELS)
        w = self.weights
        for f in feats:
            v = w.get(f)
            if v is not None:
                for i, x in enumerate(v):
                    acc[i] += x
        return tuple(acc)

    def word_vec(self, word: str, first: bool, sent: bool) -> tuple[float, ...]:
        key = (word, first, sent)
        v = self._wcache.get(key)
        if v is None:
            if len(self._wcache) > _MAX_WORD_CACHE:
                self._wcache.clear()
            v = self._sum(word_features(word, first, sent, self.lower_ratio))
            self._wcache[key] = v
        return v

    def ctx_vec(self, kind: str, token: str) -> tuple[float, ...]:
        key = (kind, token)
        v = self._ccache.get(key)
        if v is None:
            if len(self._ccache) > _MAX_WORD_CACHE:
                self._ccache.clear()
            v = self._sum(context_features(kind, token))
            self._ccache[key] = v
        return v

    def tag(self, words: Sequence[str], prev: str, nxt: str) -> list[int]:
        """Greedy B/I/O decoding of the words of one run; returns label indexes."""
        sent = prev in _SENTENCE_PREV
        out: list[int] = []
        last = 0
        for i, word in enumerate(words):
            p, q, x = word_context(words, i, prev, nxt)
            scores = [
                a + b + c + d + t
                for a, b, c, d, t in zip(
                    self.word_vec(word, i == 0, sent),
                    self.ctx_vec("p", p),
                    self.ctx_vec("q", q),
                    self.ctx_vec("n", x),
                    self.trans[last],
                    strict=True,
                )
            ]
            best = 0
            best_score = scores[0]
            for j in range(1, len(LABELS)):
                if j % 2 == 0 and last not in (j - 1, j):  # I-X only after B-X / I-X
                    continue
                if scores[j] > best_score:
                    best, best_score = j, scores[j]
            out.append(best)
            last = best
        return out

    def ctx_key(self, kind: str, token: str) -> str:
        """The token itself if the model knows it as context ``kind``, else a stand-in that
        scores the same (so that runs in unknown contexts share cache entries)."""
        key = (kind, token)
        out = self._ckeys.get(key)
        if out is None:
            if len(self._ckeys) > _MAX_WORD_CACHE:
                self._ckeys.clear()
            if f"{kind}={token.lower()}" in self.weights:
                out = token
            elif kind == "p" and token in _SENTENCE_PREV:
                out = BOS
            else:
                out = "Unk" if token[:1].isupper() else "unk"
            self._ckeys[key] = out
        return out

    def run_entities(self, run: str, prev: str, nxt: str) -> tuple[Found, ...]:
        """Entities (relative start, relative end, name, type) of a run, cached."""
        key = (self.ctx_key("p", prev), run, self.ctx_key("n", nxt))
        hit = self._runs.get(key)
        if hit is not None:
            return hit
        offsets = run_tokens(run)
        words = [run[a:b] for a, b in offsets]
        labels = self.tag(words, key[0], key[2])
        spans: list[tuple[int, int, str]] = []
        open_type = ""
        for (a, b), lab in zip(offsets, labels, strict=True):
            if lab == 0:
                open_type = ""
                continue
            typ = TYPES[(lab - 1) // 2]
            if lab % 2 == 1 or typ != open_type:
                spans.append((a, b, typ))
                open_type = typ
            else:
                spans[-1] = (spans[-1][0], b, typ)
        found: list[Found] = []
        for s, e, typ in spans:
            trimmed = _trim(run, s, e, typ)
            if trimmed is not None:
                s, e = trimmed
                found.append((s, e, *normalise(run[s:e], typ)))
        result = tuple(found)
        if len(self._runs) > _MAX_RUN_CACHE:
            self._runs.clear()
        self._runs[key] = result
        return result


@cache
def load_model(path: Path = MODEL_PATH) -> Model:
    """Load the trained model (once per process)."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    return Model(data["weights"], data["lower_ratio"])


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
    "kpk": ("Komisi Pemberantasan Korupsi", "ORG"),
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


def _trim(text: str, start: int, end: int, typ: str) -> tuple[int, int] | None:
    """Drop leading titles/honorifics and trailing connectors from a span within a run."""
    while True:
        m = re.match(r"([^ ]+) ", text[start:end])
        if m is None:
            break
        head = m.group(1).rstrip(".").lower()
        if (typ == "PER" and head in TITLES) or head in _CONNECTORS:
            start += m.end()
        else:
            break
    while True:
        k = text.rfind(" ", start, end)
        if k < 0 or text[k + 1 : end].lower() not in _CONNECTORS:
            break
        end = k
    if start >= end:
        return None
    if typ == "PER" and text[start:end].rstrip(".").lower() in TITLES:
        return None
    return start, end


def normalise(surface: str, typ: str) -> tuple[str, str]:
    """The facet value and type of a mention, before cross-mention linking."""
    name = _SPACES_RE.sub(" ", surface).strip()
    alias = ALIASES.get(name.lower())
    if alias is not None and (name.lower() != "amerika" or typ == "LOC"):
        return alias
    return name, typ


def _link_people(entities: list[Entity]) -> list[Entity]:
    """Map a one-word mention that is part of an earlier full person name to that person."""
    parts: dict[str, str] = {}
    out: list[Entity] = []
    for ent in entities:
        name = ent.name
        if ent.type == "PER" and " " in name:
            for part in name.split(" "):
                low = part.lower()
                if len(low) > 2 and low not in _COMMON_NAME_PARTS:
                    parts[low] = name
        elif " " not in name and parts:
            full = parts.get(name.lower())
            if full is not None and (ent.type == "PER" or name.lower() not in ALIASES):
                ent = Entity(full, "PER", ent.start, ent.end)
        out.append(ent)
    return out


def extract_entities(text: str) -> list[Entity]:
    """Named entities of ``text`` in text order. Never raises on odd input."""
    if not text:
        return []
    run_entities = load_model().run_entities
    out: list[Entity] = []
    append = out.append
    for m in _RUN_RE.finditer(text):
        pw, pp, run, nxt = m.group(1, 2, 3, 4)
        found = run_entities(run, pw or pp or BOS, nxt or EOS)
        if found:
            base = m.start(3)
            for s, e, name, typ in found:
                append(Entity(name, typ, base + s, base + e))
    return _link_people(out) if out else out
