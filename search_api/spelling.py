""""Did you mean": a query word that no indexed document contains gets the closest known word.

Known words are the words of the indexed text (tantivy's term dictionary of the ``words`` field,
lower case, with their document counts) that at least :data:`MIN_DOCS` documents contain, plus
the lexicon's proper names. Candidates come from ``symspellpy`` (SymSpell: a precomputed
dictionary of deletions, so a lookup is a few hash probes rather than a scan of the vocabulary —
chosen over a hand-written edit-distance search because it is a maintained library, MIT, and
answers in well under a millisecond): the known words one edit away (Damerau: insert, delete,
substitute or swap), the most frequent first. Only one edit is looked for: a dictionary for two
takes ~3x longer to build and memory to hold, and a word two edits off is as likely another
word as a typo of this one.

The dictionary is built once per index snapshot, in the background, from the first search that
has an unknown word (a few seconds on the 22k-article corpus); searches until it is ready carry
no suggestion.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Final

from symspellpy import SymSpell, Verbosity

from indexer import lexicon
from indexer import schema as S
from search_api.memo import per_snapshot
from search_api.snapshot import Snapshot

MIN_DOCS: Final = 2  # a word in one document only is as likely a typo as a word
MAX_EDITS: Final = 1
PREFIX_LENGTH: Final = 7
MIN_WORD_LEN: Final = 4  # a shorter word has too many one-edit neighbours to guess from
MAX_WORD_LEN: Final = 40
_KEY = "spelling:symspell"
# A plain query word: letters only, not part of a hyphenated or apostrophe word (signs, quotes,
# parentheses and numbers around it are left as they are).
_WORD_RE = re.compile(r"(?<![\w'’])(?<!\w-)[^\W\d_]+(?![\w'’-])")
_OPERATORS: Final = frozenset({"AND", "OR", "NOT"})


def build_dictionary(terms: Iterable[tuple[str, int]]) -> SymSpell:
    """The SymSpell dictionary of the words of the indexed text (``terms``: (word, documents)),
    whatever backend read them, and the lexicon's names."""
    found = SymSpell(max_dictionary_edit_distance=MAX_EDITS, prefix_length=PREFIX_LENGTH)
    for word, count in terms:
        if count >= MIN_DOCS and word.isalpha():
            found.create_dictionary_entry(word, count)
    for name in lexicon.static_names():
        found.create_dictionary_entry(name, 1)
    return found


def _build(snap: Snapshot) -> SymSpell:
    return build_dictionary(snap.searcher.terms_with_prefix(S.WORDS, ""))


def dictionary(snap: Snapshot, *, wait: bool = True) -> SymSpell | None:
    """The snapshot's SymSpell dictionary (a few seconds to build on the 22k corpus, once);
    without ``wait``, None until it is ready."""
    return per_snapshot(snap, _KEY, _build, wait=wait)


def is_known(snap: Snapshot, word: str) -> bool:
    """Some indexed document has the word, or it is a name of the lexicon."""
    return known(lambda w: snap.searcher.doc_freq(S.WORDS, w), word)


def known(doc_freq: Callable[[str], int], word: str) -> bool:
    """Some indexed document has the word (``doc_freq`` of the lower-cased word), or it is a
    name of the lexicon."""
    w = word.lower()
    return w in lexicon.static_names() or doc_freq(w) > 0


def correct_word(snap: Snapshot, word: str, *, wait: bool = True) -> str | None:
    """The known word one edit from an unknown ``word``, most frequent first (None: none, or
    the dictionary is not ready and ``wait`` is false)."""
    w = word.lower()
    if not MIN_WORD_LEN <= len(w) <= MAX_WORD_LEN:
        return None
    return correct_in(dictionary(snap, wait=wait), w)


def correct_in(symspell: SymSpell | None, word: str) -> str | None:
    """:func:`correct_word` in a given dictionary (None while it is not ready)."""
    w = word.lower()
    if symspell is None or not MIN_WORD_LEN <= len(w) <= MAX_WORD_LEN:
        return None
    found = symspell.lookup(w, Verbosity.CLOSEST, max_edit_distance=MAX_EDITS)
    best = [s for s in found if s.distance > 0]
    return best[0].term if best else None


def known_in(symspell: SymSpell | None, doc_freq: Callable[[str], int], word: str) -> bool:
    """:func:`known`, asking ``doc_freq`` only for a word the dictionary (when built) lacks:
    its words are known ones (indexed in :data:`MIN_DOCS` documents or more, or names of the
    lexicon), so most query words need no call into the index."""
    return (symspell is not None and word.lower() in symspell.words) or known(doc_freq, word)


def suggestion(snap: Snapshot, q: str, *, wait: bool = True) -> str | None:
    """:func:`rewrite` over the tantivy index. Without ``wait`` (a search), nothing is
    suggested while the dictionary is still being built."""
    built: SymSpell | None = snap.cache.get(_KEY)  # looking does not start the build
    return rewrite(q, lambda w: known_in(built, lambda x: snap.searcher.doc_freq(S.WORDS, x), w),
                   lambda w: correct_word(snap, w, wait=wait))


def rewrite(q: str, is_known_word: Callable[[str], bool],
            correct: Callable[[str], str | None]) -> str | None:
    """The query with each unknown plain word replaced by its correction, or None when no word
    is unknown or none has one. Operators, phrases' quotes, signs and spacing are kept."""
    changed = False

    def fix(m: re.Match[str]) -> str:
        nonlocal changed
        word = m.group()
        if word in _OPERATORS or is_known_word(word):
            return word
        better = correct(word)
        if better is None:
            return word
        changed = True
        if word.isupper() and len(word) > 1:
            return better.upper()
        return better.capitalize() if word[0].isupper() else better

    fixed = _WORD_RE.sub(fix, q)
    return fixed if changed else None
