# cython: language_level=3, boundscheck=False, wraparound=False
"""The compiled word scanner of :mod:`indexer.analysis`: one pass over a text gives its words
and which of them are capitalised in the middle of a sentence; :func:`terms_of` then maps the
words to their terms (names under their protected key, :func:`name_key`), and :func:`spans_in`
gives the same words of a stretch of text with their offsets and terms (highlighting).

Its words are exactly ``re.findall(r"[^\\W_]+(?:[-'’][^\\W_]+)*", text)`` (letters and digits,
joined by internal hyphens or apostrophes: "berbulan-bulan", "Ma'ruf"), and its mid-sentence
capitals exactly the words that start with A-Z right after one space whose preceding character
is neither white space nor sentence punctuation, a quote or an opening bracket.
``tests/test_analysis.py`` checks both against those regexes (``WORD_RE``, ``MIDCAP_RE``).
"""

from cpython.unicode cimport (
    Py_UNICODE_ISALNUM,
    Py_UNICODE_ISLOWER,
    Py_UNICODE_ISSPACE,
    Py_UNICODE_ISTITLE,
    Py_UNICODE_ISUPPER,
)

from indexer._unicode cimport (
    PyUnicode_DATA,
    PyUnicode_GET_LENGTH,
    PyUnicode_KIND,
    PyUnicode_READ,
    PyUnicode_Substring,
)


cdef inline bint _joiner(Py_UCS4 c):
    return c == 0x2D or c == 0x27 or c == 0x2019  # - ' ’


cdef inline Py_ssize_t _word_end(int kind, void* data, Py_ssize_t i, Py_ssize_t n):
    """Where the word going on at ``i`` ends (``text[:n]``): letters and digits, an internal
    hyphen or apostrophe joining when a letter or digit follows it."""
    while True:
        while i < n and Py_UNICODE_ISALNUM(PyUnicode_READ(kind, data, i)):
            i += 1
        if i + 1 < n and _joiner(PyUnicode_READ(kind, data, i)) \
                and Py_UNICODE_ISALNUM(PyUnicode_READ(kind, data, i + 1)):
            i += 2
            continue
        return i


cdef inline bint _opens_sentence(Py_UCS4 c):
    """The characters after which a capital says nothing about names: . ! ? : " “ ” ' ‘ ’ ( ["""
    return (c == 0x2E or c == 0x21 or c == 0x3F or c == 0x3A or c == 0x22 or c == 0x201C
            or c == 0x201D or c == 0x27 or c == 0x2018 or c == 0x2019 or c == 0x28
            or c == 0x5B)


cdef inline bint _control(Py_UCS4 c):
    """C0 but tab, newline and carriage return; DEL; C1: ``indexer.analysis.CONTROL_RE``."""
    return (c < 0x20 and c != 0x09 and c != 0x0A and c != 0x0D) or 0x7F <= c <= 0x9F


def has_control(str text):
    """Whether ``text`` has a character of ``indexer.analysis.CONTROL_RE`` (``CONTROL_RE.search``
    reads each character through the pattern's class, ~15 times slower)."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef const unsigned char* latin
    if kind == 1:
        latin = <const unsigned char*> data
        for i in range(n):
            if _control(latin[i]):
                return True
        return False
    for i in range(n):
        if _control(PyUnicode_READ(kind, data, i)):
            return True
    return False


def scan_words(str text):
    """``(words, midcaps)``: the words of ``text`` in order, and those of them capitalised in
    the middle of a sentence, in order."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text)
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef list words = []
    cdef list midcaps = []
    cdef Py_ssize_t i = 0, start
    cdef Py_UCS4 c, b
    while i < n:
        c = PyUnicode_READ(kind, data, i)
        if not Py_UNICODE_ISALNUM(c):
            i += 1
            continue
        start = i
        i = _word_end(kind, data, i + 1, n)
        word = PyUnicode_Substring(text, start, i)
        words.append(word)
        if 0x41 <= c <= 0x5A and start >= 2 and PyUnicode_READ(kind, data, start - 1) == 0x20:
            b = PyUnicode_READ(kind, data, start - 2)
            if not Py_UNICODE_ISSPACE(b) and not _opens_sentence(b):
                midcaps.append(word)
    return words, midcaps


cdef inline bint _gap(Py_UCS4 c):
    """What may stand between a word and the name after it: space " ' “ ‘ (``words._GAP``)."""
    return c == 0x20 or c == 0x22 or c == 0x27 or c == 0x201C or c == 0x2018


def word_before(str text, Py_ssize_t start):
    """``indexer.words.word_before``: the word right before a name at ``text[start]`` and its
    offset, or ``(start, "")``, scanned back from ``start`` (``tests/test_extraction_fast_paths.py``
    checks it against the regex its docstring gives)."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i = start, end, b
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_UCS4 c
    if start > n:
        raise IndexError("string index out of range")
    while i > 0 and start - i < 2 and _gap(PyUnicode_READ(kind, data, i - 1)):
        i -= 1
    if i == start:
        return start, ""
    if i > 0 and PyUnicode_READ(kind, data, i - 1) == 0x29:  # ")"
        i -= 1
    end = i
    b = end
    while b > 0:
        c = PyUnicode_READ(kind, data, b - 1)
        if Py_UNICODE_ISALNUM(c):
            b -= 1
        elif _joiner(c) and b < end and b >= 2 \
                and Py_UNICODE_ISALNUM(PyUnicode_READ(kind, data, b - 2)):
            b -= 1
        else:
            break
    if b < end:
        return b, PyUnicode_Substring(text, b, end)
    return start, ""


cdef inline bint _ascii_word(Py_UCS4 c):
    """``[\\w-]`` of an ASCII character."""
    return (0x61 <= c <= 0x7A or 0x41 <= c <= 0x5A or 0x30 <= c <= 0x39 or c == 0x5F
            or c == 0x2D)


cdef inline Py_ssize_t _back(int kind, void* data, Py_ssize_t i, Py_ssize_t lo, bint word):
    """Where the run of word characters (``word``) or of others ending at ``i`` begins, no
    further back than ``lo``."""
    while i > lo and _ascii_word(PyUnicode_READ(kind, data, i - 1)) == word:
        i -= 1
    return i


def credit_before(str text, Py_ssize_t start, frozenset cite, frozenset then):
    """``indexer.name_evidence._cited`` where it reads only ASCII: whether the last word of the
    30 characters before ``start`` (runs of ``[\\w-]``, lower-cased; the first may be cut by
    the window) is in ``cite``, or in ``then`` after a word in ``cite``, when a space or a line
    break is right before ``start``: 1 or 0. -1 where the plain search decides: a character
    beyond ASCII among those 30 (its lower case may be another length or no word character),
    the last word "tentang" (which reads 80 characters back), ``start`` out of ``1..len``."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), lo, i, end
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_UCS4 c
    if start < 1 or start > n:
        return -1
    c = PyUnicode_READ(kind, data, start - 1)
    if c != 0x20 and c != 0x0A:
        return 0
    lo = start - 30 if start > 30 else 0
    for i in range(lo, start):
        if PyUnicode_READ(kind, data, i) >= 0x80:
            return -1
    end = _back(kind, data, start - 1, lo, False)
    if end == lo:
        return 0
    i = _back(kind, data, end, lo, True)
    last = (<str>PyUnicode_Substring(text, i, end)).lower()
    if last == "tentang":
        return -1
    if last in cite:
        return 1
    if last not in then:
        return 0
    end = _back(kind, data, i, lo, False)
    if end == lo:
        return 0
    i = _back(kind, data, end, lo, True)
    return 1 if (<str>PyUnicode_Substring(text, i, end)).lower() in cite else 0


cdef extern from "Python.h":
    ctypedef struct PyObject
    ctypedef struct PyTypeObject:
        PyObject* (*tp_alloc)(PyTypeObject* t, Py_ssize_t n)
    PyObject* PyDict_GetItem(object d, object key)
    int PyDict_SetItem(object d, object key, object value) except -1
    void PyTuple_SET_ITEM(PyObject* p, Py_ssize_t pos, PyObject* o)
    void Py_INCREF(PyObject* o)
    void Py_DECREF(PyObject* o)
    void PyObject_GC_UnTrack(PyObject* o)


# The casing of a text's distinct words, for its name evidence: which are written in lower case
# (the lexicon's counts) and which in capitals (acronyms). ``str.islower`` and ``str.isupper``
# exactly: a cased character, and none of the other case or in title case (a one-character
# word: its character's case alone); ``tests/test_analysis.py`` checks both against them.

cdef inline bint _cased_as(str w, bint upper):
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(w), i
    cdef int kind = PyUnicode_KIND(w)
    cdef void* data = PyUnicode_DATA(w)
    cdef bint cased = False
    cdef Py_UCS4 c
    if n == 1:
        c = PyUnicode_READ(kind, data, 0)
        return Py_UNICODE_ISUPPER(c) if upper else Py_UNICODE_ISLOWER(c)
    for i in range(n):
        c = PyUnicode_READ(kind, data, i)
        if c < 0x80:  # ASCII: only A-Z and a-z are cased
            if 0x41 <= c <= 0x5A:
                if not upper:
                    return False
                cased = True
            elif 0x61 <= c <= 0x7A:
                if upper:
                    return False
                cased = True
        elif Py_UNICODE_ISTITLE(c) or (Py_UNICODE_ISLOWER(c) if upper
                                        else Py_UNICODE_ISUPPER(c)):
            return False
        elif not cased and (Py_UNICODE_ISUPPER(c) if upper else Py_UNICODE_ISLOWER(c)):
            cased = True
    return cased


def count_lower(object counts, object words):
    """``counts.update(filter(str.islower, words))`` for a ``Counter``: one more for each word
    written in lower case."""
    cdef str w
    cdef PyObject* hit
    if not isinstance(counts, dict):
        raise TypeError(f"counts must be a dict, not {type(counts).__name__}")
    for w in words:
        if _cased_as(w, False):
            hit = PyDict_GetItem(counts, w)
            PyDict_SetItem(counts, w, 1 if hit is NULL else <object>hit + 1)


def acronyms(object words):
    """``{w.lower() for w in words if len(w) > 1 and w.isupper()}``."""
    cdef str w
    cdef set out = set()
    for w in words:
        if PyUnicode_GET_LENGTH(w) > 1 and _cased_as(w, True):
            out.add(w.lower())
    return out


cdef inline bint _written_as_name(str word, str low):
    """``word`` is the lower-case name ``low`` capitalised, in capitals or in title case."""
    return word == low[:1].upper() + low[1:] or word == low.upper() or word == low.title()


cpdef str name_key(str word, dict name_keys):
    """The surface-cache key of ``word``: its protected key when its lower-case form is a key
    of ``name_keys`` (lower-case name -> protected key) and it is written as that name:
    capitalised ("Bali"), in capitals ("BALI") or in title case ("Al-Azhar"); else the word."""
    cdef str low
    cdef PyObject* hit
    if not name_keys or PyUnicode_GET_LENGTH(word) == 0 \
            or Py_UNICODE_ISLOWER(PyUnicode_READ(PyUnicode_KIND(word), PyUnicode_DATA(word), 0)):
        return word
    low = word.lower()
    hit = PyDict_GetItem(name_keys, low)
    if hit is not NULL and _written_as_name(word, low):
        return <str>hit
    return word


cdef inline bint _stemmable(str word):
    """``indexer.analysis.STEMMABLE_RE.fullmatch(word)``: runs of a-z joined by single
    hyphens."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(word), i
    cdef int kind = PyUnicode_KIND(word)
    cdef void* data = PyUnicode_DATA(word)
    cdef Py_UCS4 c
    cdef bint after_letter = False
    for i in range(n):
        c = PyUnicode_READ(kind, data, i)
        if 0x61 <= c <= 0x7A:
            after_letter = True
        elif c == 0x2D and after_letter:
            after_letter = False
        else:
            return False
    return after_letter


cdef class SurfaceTerms(dict):
    """The self-filling surface cache of an :class:`indexer.analysis.Analyzer`: surface form
    (original case) -> term, a protected name's key (``name_mark`` + the name) -> the name.
    A word met for the first time is looked up in the analyzer's stem cache by its lower-case
    form and, when missing there, stemmed as ``Analyzer.stem`` does it (empty over ``max_word``
    characters, itself over ``max_stem`` or when not stemmable, else the stemmer's
    ``stem_word``), the entry kept in ``analyzer.stems`` and ``analyzer.learned`` and
    ``analyzer.stemmed_count`` counted: each new word of a text costs no Python frame
    (``tests/test_surface_compiled.py`` holds it equal to ``Analyzer.stem``)."""

    cdef object _analyzer
    cdef object _stemmer  # () -> the stemmer, called the first time a word needs it
    cdef object _stem_word
    cdef str _mark
    cdef Py_ssize_t _max_word, _max_stem

    def __init__(self, analyzer, stemmer, str name_mark, Py_ssize_t max_word,
                 Py_ssize_t max_stem):
        dict.__init__(self)
        self._analyzer = analyzer
        self._stemmer = stemmer
        self._stem_word = None
        self._mark = name_mark
        self._max_word = max_word
        self._max_stem = max_stem

    def __reduce__(self):
        """Pickled with its entries, as a plain dict subclass would be."""
        return (SurfaceTerms, (self._analyzer, self._stemmer, self._mark, self._max_word,
                               self._max_stem), None, None, iter(self.items()))

    def __missing__(self, str surface):
        cdef str term, word
        cdef dict stems
        cdef PyObject* hit
        cdef Py_ssize_t n, marked = PyUnicode_GET_LENGTH(self._mark)
        cdef object analyzer = self._analyzer
        if surface.startswith(self._mark):
            term = surface[marked:] if PyUnicode_GET_LENGTH(surface) <= self._max_word + marked \
                else ""
        else:
            word = surface.lower()
            stems = analyzer.stems
            hit = PyDict_GetItem(stems, word)
            if hit is not NULL:
                term = <str>hit
            else:
                n = PyUnicode_GET_LENGTH(word)
                if n > self._max_word:
                    term = ""
                elif n > self._max_stem or not _stemmable(word):
                    term = word
                else:
                    if self._stem_word is None:
                        self._stem_word = self._stemmer().stem_word
                    term = self._stem_word(word) or word
                    analyzer.stemmed_count += 1
                PyDict_SetItem(stems, word, term)
                analyzer.learned.append((word, term))
        PyDict_SetItem(self, surface, term)
        return term


def terms_of(list words, dict name_keys, object surface):
    """The terms of ``words`` in order, empty terms left out: each word's entry in the
    self-filling ``surface`` cache under its :func:`name_key`."""
    cdef list out = []
    cdef PyObject* hit
    cdef str w
    cdef object key, term
    for w in words:
        key = name_key(w, name_keys)
        hit = PyDict_GetItem(surface, key)
        if hit is not NULL:
            term = <object>hit
        else:
            term = surface[key]  # the cache's __missing__ computes and keeps it
        if term:
            out.append(term)
    return out


cpdef bint in_lexicon(str low, frozenset lexicon):
    """``low`` is in ``lexicon``, or is hyphenated and each of its parts is ("toli-toli")."""
    if low in lexicon:
        return True
    if "-" not in low:
        return False
    for part in low.split("-"):
        if part not in lexicon:
            return False
    return True


def capitalised_in(object words, frozenset lexicon):
    """The lower-case forms of those ``words`` that start with an upper-case letter and are in
    ``lexicon`` (:func:`in_lexicon`)."""
    cdef set out = set()
    cdef str w, low
    if not lexicon:
        return out
    for w in words:
        if PyUnicode_GET_LENGTH(w) == 0 \
                or not Py_UNICODE_ISUPPER(PyUnicode_READ(PyUnicode_KIND(w), PyUnicode_DATA(w), 0)):
            continue
        low = w.lower()
        if in_lexicon(low, lexicon):
            out.add(low)
    return out


cdef inline object _span(PyTypeObject* span_type, Py_ssize_t start, Py_ssize_t end, object word,
                         object term):
    """``span_type((start, end, word, term))`` for a tuple subclass, made as ``tuple.__new__``
    makes it (the type's own allocator, then the four items) without its call overhead."""
    cdef object a = start, b = end
    cdef PyObject* t = span_type.tp_alloc(span_type, 4)
    if t is NULL:
        raise MemoryError()
    Py_INCREF(<PyObject*>a)
    PyTuple_SET_ITEM(t, 0, <PyObject*>a)
    Py_INCREF(<PyObject*>b)
    PyTuple_SET_ITEM(t, 1, <PyObject*>b)
    Py_INCREF(<PyObject*>word)
    PyTuple_SET_ITEM(t, 2, <PyObject*>word)
    Py_INCREF(<PyObject*>term)
    PyTuple_SET_ITEM(t, 3, <PyObject*>term)
    PyObject_GC_UnTrack(t)  # two ints and two strings: it can be in no cycle
    span = <object>t  # a second reference: the allocation's own is dropped
    Py_DECREF(t)
    return span


cdef inline object _key_of(str word, frozenset names, str name_mark):
    """:func:`name_key` with the names as a set: ``name_mark + low`` for the protected key."""
    cdef str low
    if not names or PyUnicode_GET_LENGTH(word) == 0 \
            or Py_UNICODE_ISLOWER(PyUnicode_READ(PyUnicode_KIND(word), PyUnicode_DATA(word), 0)):
        return word
    low = word.lower()
    if low in names and _written_as_name(word, low):
        return name_mark + low
    return word


cdef int _scan_spans(list out, str text, Py_ssize_t start, Py_ssize_t end, frozenset names,
                     str name_mark, object surface, PyTypeObject* tp, object terms) except -1:
    """Appends to ``out`` the spans of the words of ``text[start:end]`` (see :func:`spans_in`),
    only those whose term is in ``terms`` unless it is None."""
    cdef Py_ssize_t n = min(end, PyUnicode_GET_LENGTH(text))
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t i = max(start, 0), w0
    cdef PyObject* hit
    cdef object word, key, term
    while i < n:
        if not Py_UNICODE_ISALNUM(PyUnicode_READ(kind, data, i)):
            i += 1
            continue
        w0 = i
        i = _word_end(kind, data, i + 1, n)
        word = PyUnicode_Substring(text, w0, i)
        key = _key_of(word, names, name_mark)
        hit = PyDict_GetItem(surface, key)
        term = <object>hit if hit is not NULL else surface[key]
        if term and (terms is None or term in terms):
            out.append(_span(tp, w0, i, word, term))
    return 0


def spans_in(str text, Py_ssize_t start, Py_ssize_t end, frozenset names, str name_mark,
             object surface, type span_type):
    """The words of ``text[start:end]`` (offsets into ``text``, no copy) as
    ``span_type((start, end, word, term))``, words whose term is empty left out: the words
    :func:`scan_words` finds there, each's term its entry in the self-filling ``surface`` cache
    under its :func:`name_key` (``name_mark`` + the name for a word written as one of the
    lower-case ``names``). ``text`` must need no normalisation (its words are their own NFKC
    form)."""
    cdef list out = []
    if not issubclass(span_type, tuple):
        raise TypeError("span_type must be a tuple subclass")
    _scan_spans(out, text, start, end, names, name_mark, surface, <PyTypeObject*>span_type, None)
    return out


cdef inline bint _cut(Py_UCS4 c):
    return c == 0x20 or c == 0x0A  # a space or a newline: no word holds one


def matches_around(str text, Py_ssize_t end, list places, Py_ssize_t reach, object terms,
                   frozenset names, str name_mark, object surface, type span_type):
    """The spans (as :func:`spans_in`'s) of ``text[:end]`` whose term is in ``terms``, of the
    stretches around ``places`` (in order) between a space or newline and the next: each
    reaches back to just after the last one within ``reach`` before its place (else to 0) and
    on to the first one within ``reach`` after it (else to ``end``). None when a stretch meets
    0 or ``end`` more than ``reach`` from its place (a stretch that long is no word's)."""
    cdef list out = []
    cdef Py_ssize_t n = min(end, PyUnicode_GET_LENGTH(text))
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t covered = -1, p, lo, k, stop
    if not issubclass(span_type, tuple):
        raise TypeError("span_type must be a tuple subclass")
    for place in places:
        p = place
        if p < covered:
            continue
        lo = 0
        if p > 0:
            k = p - 1
            stop = max(0, p - reach)
            while k >= stop and not _cut(PyUnicode_READ(kind, data, k)):
                k -= 1
            lo = k + 1 if k >= stop else 0
        covered = end
        if p < end:
            k = p
            stop = min(n, p + reach)
            while k < stop and not _cut(PyUnicode_READ(kind, data, k)):
                k += 1
            covered = k if k < stop else end
        if (lo == 0 and p > reach) or (covered == end and end - p > reach):
            return None
        _scan_spans(out, text, lo, covered, names, name_mark, surface,
                    <PyTypeObject*>span_type, terms)
    return out
