"""The one analysis path: Indonesian text -> index terms.

Documents and queries both go through :class:`Analyzer`. A word becomes a term by

1. NFKC normalisation and lowercasing,
2. name protection: a word of the name lexicon (:mod:`indexer.lexicon`) is kept as it is
   wherever it is written capitalised or in capitals, sentence starts and headlines included
   ("Kediri" stays "kediri", it does not become Sastrawi's "diri"; "@bekasi" is "bekas"); so
   is a word written capitalised in the middle of a sentence and never in lower case in the
   same text, and an all-capitals acronym ("PKB", "AS"),
3. otherwise PySastrawi's stem, computed once per distinct word per process and kept in a cache
   that can be saved beside the index so the next build of the same corpus starts warm.

Words with digits, non-Latin words and very long words are kept as they are (lowercased).
Stopwords stay in the index (so phrases keep their positions); the query builder drops them from
free-text queries unless the query has nothing else (:func:`is_stopword`).

A query's casing is no evidence (users type "kediri", "KEDIRI"): :meth:`Analyzer.query_alternatives`
gives a word of the index's query names (:func:`indexer.lexicon.query_names`) its own form only,
and any other word both its stem and its protected form, so it meets the document word whichever
way the document's own text decided. :func:`surface_words` gives the unstemmed lower-case words
of the ``words`` field (tantivy's ``default`` tokenizer: hyphenated forms in parts), which exact
(quoted) queries and names search.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Set
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

import orjson
import tantivy

from indexer._text import (
    SurfaceTerms,
    acronyms,
    capitalised_in,
    count_lower,
    has_control,
    in_lexicon,
    matches_around,
    name_key,
    scan_words,
    spans_in,
    terms_of,
)
from indexer.lexicon import static_names

# indexer._text.scan_words finds the same words (WORD_RE) in one compiled pass, with the
# capitalised ones in the middle of a sentence (the evidence for names).
from indexer.words import WORD_RE

# Words Sastrawi may stem: plain lowercase Latin letters, optionally hyphenated.
STEMMABLE_RE = re.compile(r"[a-z]+(?:-[a-z]+)*")
_NAME_KEY = "\x00"  # surface-cache keys starting with this are protected names, not stemmed
MAX_WORD_LEN = 48
MAX_STEM_LEN = 30
# Control characters other than tab, newline and carriage return are treated as spaces
# (found by the compiled ``has_control``, tested equal to this pattern's search).
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True, slots=True)
class DocumentTerms:
    names: frozenset[str]
    title: list[str]
    body: list[str]


class Span(NamedTuple):
    """One word of the original text: character offsets into the text as given, and its term.
    (A named tuple: highlighting makes one per word of every hit, and these are cheap.)"""

    start: int
    end: int
    surface: str
    term: str


# Span(...) runs a Python-level __new__; highlighting makes one per word of every hit.
_new_span: Any = tuple.__new__


def normalize(text: str) -> str:
    """NFKC with control characters blanked (cheap when the text is already clean)."""
    if has_control(text):
        text = CONTROL_RE.sub(" ", text)
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return text


@cache
def _sastrawi_stemmer() -> Any:
    """Build PySastrawi's stemmer once per process (loading its dictionary takes ~0.1 s): the
    compiled port, :func:`indexer.stemmer.create_compiled_stemmer`: exactly PySastrawi's stems."""
    from indexer.stemmer import create_compiled_stemmer

    return create_compiled_stemmer()


# Function words and question words: dropped from free-text queries (never from the index, so
# phrases keep their positions). Deliberately small: PySastrawi's 800-word stop list also holds
# content words ("bulan", "mata", "kasus", "kerja") that a news query needs.
_STOPWORDS = frozenset("""
yang di ke dari dan atau serta ini itu tersebut dengan untuk bagi pada dalam oleh kepada terhadap
adalah ialah yaitu yakni merupakan akan telah sudah sedang masih juga saja pun lah kah tah nya
para sang si sebuah seorang suatu sebagai karena sebab jika kalau bila apabila bahwa agar supaya
namun tetapi tapi melainkan hingga sampai sejak setelah sesudah sebelum ketika sementara maka lalu
kemudian pula lagi hanya tak tidak bukan belum ada antara atas daripada demi tentang secara
apa apakah siapa siapakah berapa berapakah kapan kapankah mana manakah dimana bagaimana
bagaimanakah mengapa kenapa
""".split())


def is_stopword(term: str) -> bool:
    return term in _STOPWORDS


@cache
def _surface_analyzer() -> tantivy.TextAnalyzer:
    """The same chain as tantivy's built-in ``default`` tokenizer (the ``words`` field's)."""
    return (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
            .filter(tantivy.Filter.remove_long(40)).filter(tantivy.Filter.lowercase()).build())


def surface_words(text: str) -> list[str]:
    """The terms of ``text`` in the ``words`` field: lower-case, unstemmed, split at every
    character that is not a letter or digit ("Jerman-Indonesia" -> "jerman", "indonesia")."""
    return list(_surface_analyzer().analyze(normalize(text)))


def _names(midcaps: list[str], present: set[str]) -> frozenset[str]:
    """A text's mid-sentence capitals and acronyms not written in lower case in it (its own
    name evidence, :meth:`Analyzer.name_words` adds the lexicon's)."""
    names = {w.lower() for w in midcaps}
    names = {n for n in names if n not in present}
    names.update(acronyms(present))
    return frozenset(names)


def _name_keys(names: frozenset[str]) -> dict[str, str]:
    """Lower-case names -> their protected surface-cache key. A word is taken as the name when
    its lower-case form is one of these and it is written capitalised, in capitals or in title
    case (:func:`indexer._text.name_key`)."""
    return {n: _NAME_KEY + n for n in names}


def _is_title_case(title_words: list[str]) -> bool:
    """Headlines in Title Case say nothing about which of their words are names."""
    words = [w for w in title_words if w[0].isalpha()]
    if len(words) < 3:
        return True
    capped = sum(1 for w in words if w[0].isupper())
    return capped / len(words) > 0.6


class Analyzer:
    """Turns text into index terms. Holds the stem cache; cheap to create, lazy to fill."""

    def __init__(self, stems: dict[str, str] | None = None, *,
                 lexicon: Iterable[str] | None = None, query_names: Iterable[str] | None = None,
                 lower_df: dict[str, int] | None = None, protect_names: bool = True) -> None:
        self.stems: dict[str, str] = dict(stems or {})
        # Names documents protect wherever they are capitalised (default: the shipped lexicon),
        # and the names queries take as names (default: the same; an index stores its own).
        self.lexicon: frozenset[str] = (
            static_names() if lexicon is None else frozenset(lexicon))
        self.query_names: frozenset[str] = (
            self.lexicon if query_names is None else frozenset(query_names))
        # word -> how many analysed articles write it in lower case (the lexicon's evidence).
        self.lower_df: Counter[str] = Counter(lower_df or {})
        self.protect_names = protect_names
        self.stemmed_count = 0  # how many times Sastrawi itself ran in this process
        self.learned: list[tuple[str, str]] = []  # entries added since last drained
        self.lower_seen: Counter[str] = Counter()  # lower_df counts since last drained
        # surface form (original case) -> term when the word is not a name; fills itself
        # (compiled: a new word's stem comes from :attr:`stems` or, as :meth:`stem` does it,
        # from Sastrawi)
        self._surface = SurfaceTerms(self, _sastrawi_stemmer, _NAME_KEY, MAX_WORD_LEN,
                                     MAX_STEM_LEN)

    # -- words -------------------------------------------------------------------------------
    def stem(self, word: str) -> str:
        """The term of a lowercase word that is not a name (cached)."""
        term = self.stems.get(word)
        if term is not None:
            return term
        if len(word) > MAX_WORD_LEN:
            term = ""
        elif len(word) > MAX_STEM_LEN or not STEMMABLE_RE.fullmatch(word):
            term = word
        else:
            term = _sastrawi_stemmer().stem_word(word) or word
            self.stemmed_count += 1
        self.stems[word] = term
        self.learned.append((word, term))
        return term

    # -- texts -------------------------------------------------------------------------------
    def analyze(self, text: str, names: frozenset[str] | None = None) -> list[str]:
        """Index terms of a text, in order. ``names`` overrides the text's own name evidence."""
        words, midcaps = scan_words(normalize(text))
        if names is None:
            names = self._text_names(words, midcaps)
        return self._terms(words, names)

    def _text_names(self, words: list[str], midcaps: list[str]) -> frozenset[str]:
        """The words a text treats as names: its mid-sentence capitals and acronyms not also
        written in lower case, and the lexicon's words it capitalises."""
        if not self.protect_names:
            return frozenset()
        present = set(words)
        return _names(midcaps, present) | capitalised_in(present, self.lexicon)

    def name_words(self, text: str) -> frozenset[str]:
        """Lowercased words that this text treats as names (:meth:`_text_names`)."""
        words, midcaps = scan_words(normalize(text))
        return self._text_names(words, midcaps)

    def _terms(self, words: list[str], names: frozenset[str],
               name_keys: dict[str, str] | None = None) -> list[str]:
        # Compiled: names are swapped for their protected key, then every key goes through the
        # self-filling surface cache (names never reach Sastrawi).
        if name_keys is None:
            name_keys = _name_keys(names)
        return terms_of(words, name_keys, self._surface)

    def analyze_document(self, title: str, body: str) -> DocumentTerms:
        """Names, title terms and body terms of an article. The body decides which words are
        names; a headline in Title Case contributes only its acronyms."""
        body_words, body_midcaps = scan_words(normalize(body))
        title_words, title_midcaps = scan_words(normalize(title))
        names: frozenset[str] = frozenset()
        if self.protect_names:
            present = set(body_words)
            names = _names(body_midcaps, present)
            count_lower(self.lower_seen, present)
            title_present = set(title_words)
            if _is_title_case(title_words):
                extra = acronyms(title_present)
            else:
                extra = set(_names(title_midcaps, title_present))
            extra |= capitalised_in(present, self.lexicon)
            extra |= capitalised_in(title_present, self.lexicon)  # headlines: the lexicon decides
            if extra - names:
                names = names | extra
        name_keys = _name_keys(names)
        return DocumentTerms(names, self._terms(title_words, names, name_keys),
                             self._terms(body_words, names, name_keys))

    def spans(self, text: str, names: frozenset[str] | None = None, start: int = 0,
              end: int | None = None, *, clean: bool = False) -> list[Span]:
        """Words of ``text`` (of ``text[start:end]`` when given: the same words, without the
        copy) with their offsets in ``text`` and their terms. ``clean``: the caller has seen
        that ``normalize(text) == text`` (a long text read stretch by stretch is checked once)."""
        if names is None:
            names = self.name_words(text)
        end = len(text) if end is None else end
        if clean or normalize(text) == text:  # the usual case: compiled
            spans: list[Span] = spans_in(text, start, end, names, _NAME_KEY, self._surface, Span)
            return spans
        name_keys = _name_keys(names)
        surface = self._surface
        out: list[Span] = []
        for m in WORD_RE.finditer(text, start, end):
            w = m.group()
            # NFKC can split one word into several ("ﬁ" ligatures, fullwidth forms).
            parts = WORD_RE.findall(normalize(w))
            if len(parts) == 1:
                term = surface[name_key(parts[0], name_keys)]
            else:
                term = "".join(parts).lower()[:MAX_WORD_LEN]
            if term:
                out.append(_new_span(Span, (m.start(), m.end(), w, term)))
        return out

    def matches_around(self, text: str, end: int, places: list[int], reach: int,
                       terms: Set[str], names: frozenset[str]) -> list[Span] | None:
        """The spans of ``text[:end]`` (a text in NFKC) whose term is in ``terms``, among the
        words of the stretches between spaces or newlines around ``places``; None when one runs
        on more than ``reach`` characters (:func:`indexer._text.matches_around`)."""
        found: list[Span] | None = matches_around(text, end, places, reach, terms, names,
                                                  _NAME_KEY, self._surface, Span)
        return found

    def query_alternatives(self, text: str) -> list[tuple[str, ...]]:
        """For each word of a query, the terms it may have in a document: its stem and, where
        it differs, its protected (name) form; a word of :attr:`query_names` only its own form.
        The query's casing plays no part."""
        words, _midcaps = scan_words(normalize(text))
        out: list[tuple[str, ...]] = []
        for w in words:
            lw = w.lower()
            if len(lw) > MAX_WORD_LEN:
                continue
            if self.protect_names and in_lexicon(lw, self.query_names):
                out.append((lw,))
                continue
            stem = self.stem(lw)
            if not self.protect_names or stem == lw:
                out.append((stem,))
            else:
                out.append((stem, lw))
        return out

    # -- persistence -------------------------------------------------------------------------
    def drain_learned(self) -> list[tuple[str, str]]:
        """Cache entries added since the last call (workers send these to the main process)."""
        out, self.learned = self.learned, []
        return out

    def drain_lower_seen(self) -> Counter[str]:
        out, self.lower_seen = self.lower_seen, Counter()
        return out

    def learn(self, entries: Iterable[tuple[str, str]],
              lower_seen: dict[str, int] | None = None) -> None:
        for word, term in entries:
            self.stems.setdefault(word, term)
        if lower_seen:
            self.lower_df.update(lower_seen)

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the stem cache atomically (temp file + rename)."""
        save_stems(self.stems, path)


def load_stems(path: str | os.PathLike[str]) -> dict[str, str]:
    """Read a saved stem cache; a missing or unreadable file gives an empty cache."""
    try:
        data = orjson.loads(Path(path).read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}


def save_stems(stems: dict[str, str], path: str | os.PathLike[str]) -> None:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".stems-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(orjson.dumps(stems, option=orjson.OPT_SORT_KEYS))
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@cache
def default_analyzer() -> Analyzer:
    """The process-wide analyzer used by the module-level helpers."""
    return Analyzer()


def analyze(text: str) -> list[str]:
    """The index terms of ``text`` — the same function for documents and queries."""
    return default_analyzer().analyze(text)


def spans(text: str) -> list[Span]:
    return default_analyzer().spans(text)


def name_words(text: str) -> frozenset[str]:
    return default_analyzer().name_words(text)


def iter_words(text: str) -> Iterator[str]:
    return (m.group() for m in WORD_RE.finditer(text))


def join_terms(terms: Iterable[str]) -> str:
    """Terms as the whitespace-separated string indexed by tantivy's ``whitespace`` tokenizer."""
    return " ".join(terms)
