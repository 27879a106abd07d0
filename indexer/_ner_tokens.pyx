# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
# cython: initializedcheck=False
"""The context tokens of a run, what the tagger scores a run in: the token just before it and
just after it on the same line (a word, or one punctuation character; BOS / EOS at a line's
start / end). :func:`prev_token` and :func:`next_token` build the token; the tagger's walk finds
it as a span of the text (:func:`prev_span`, :func:`next_span`; :func:`token_spans` for tests)
and builds no string for it."""

from indexer._ner_tables cimport PyUnicode_DATA, PyUnicode_KIND, PyUnicode_READ

BOS = "<S>"
EOS = "</S>"
cdef str _BOS = BOS
cdef str _EOS = EOS
cdef str _BREAKS = "\n\r\t\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
cdef str _PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~“”‘’«»–—…•"
cdef Py_ssize_t _PREV_WINDOW = 48


cpdef str prev_token(str text, Py_ssize_t start):
    """The token just before ``start`` on the same line: a word, or one punctuation character
    (BOS at the start of a line)."""
    cdef Py_ssize_t j, k
    cdef str c, chunk, br, word
    if start == 0:
        return _BOS
    c = text[start - 1]
    if c != " ":
        return _BOS if c in _BREAKS else c
    j = start - 1
    k = text.rfind(" ", j - _PREV_WINDOW if j > _PREV_WINDOW else 0, j)
    chunk = text[k + 1 : j]
    if chunk.isalnum():  # the usual word: printable, no punctuation to strip
        return chunk
    if not chunk:
        return _BOS
    if not chunk.isprintable():  # every line break is unprintable
        for br in _BREAKS:
            if br in chunk:
                chunk = chunk[chunk.rfind(br) + 1 :]
    if not chunk:
        return _BOS
    c = chunk[len(chunk) - 1]
    if not c.isalnum():
        return c
    word = chunk.lstrip(_PUNCT)
    return word or chunk


cpdef str next_token(str text, Py_ssize_t end):
    """The token just after ``end`` on the same line (EOS at the end of a line)."""
    cdef Py_ssize_t k
    cdef str c, chunk, br
    if end >= len(text):
        return _EOS
    c = text[end]
    if c != " ":
        return _EOS if c in _BREAKS else c
    k = text.find(" ", end + 1, end + 1 + _PREV_WINDOW)
    chunk = text[end + 1 : k] if k >= 0 else text[end + 1 : end + 1 + _PREV_WINDOW]
    if chunk.isalnum():
        return chunk
    if not chunk.isprintable():
        for br in _BREAKS:
            if br in chunk:
                chunk = chunk[: chunk.find(br)]
    if not chunk:
        return _EOS
    c = chunk[0]
    if not c.isalnum():
        return c
    return chunk.rstrip(_PUNCT) or chunk


cdef inline bint _is_break(Py_UCS4 c) noexcept:
    """Whether ``c`` is one of _BREAKS (the line breaks that end a context token's line)."""
    return c == 10 or c == 13 or c == 9 or c == 11 or c == 12 or c == 0x1c or c == 0x1d \
        or c == 0x1e or c == 0x85 or c == 0x2028 or c == 0x2029


cdef inline bint _is_punct(Py_UCS4 c) noexcept:
    """Whether ``c`` is one of _PUNCT."""
    cdef unsigned int u = c
    if u < 128:
        return (33 <= u <= 47) or (58 <= u <= 64) or (91 <= u <= 96) or (123 <= u <= 126)
    return c == 0x201c or c == 0x201d or c == 0x2018 or c == 0x2019 or c == 0xab \
        or c == 0xbb or c == 0x2013 or c == 0x2014 or c == 0x2026 or c == 0x2022


cdef bint _all_alnum(int kind, void* data, Py_ssize_t a, Py_ssize_t b) noexcept:
    """``text[a:b].isalnum()``."""
    cdef Py_ssize_t i
    if a >= b:
        return False
    for i in range(a, b):
        if not alnum(PyUnicode_READ(kind, data, i)):
            return False
    return True


cdef bint prev_span(str text, Py_ssize_t start, Py_ssize_t* a, Py_ssize_t* b):
    """:func:`prev_token` as a span ``text[a[0]:b[0]]``; False for BOS (no string is built)."""
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t j, k, lo
    cdef Py_UCS4 c
    if start == 0:
        return False
    c = PyUnicode_READ(kind, data, start - 1)
    if c != 32:
        if _is_break(c):
            return False
        a[0] = start - 1
        b[0] = start
        return True
    j = start - 1
    k = j - 1
    lo = j - _PREV_WINDOW if j > _PREV_WINDOW else 0
    while k >= lo and PyUnicode_READ(kind, data, k) != 32:
        k -= 1
    lo = k + 1 if k >= lo else 0  # text.rfind(" ", lo, j) + 1: 0 when there is none
    if _all_alnum(kind, data, lo, j):
        a[0] = lo
        b[0] = j
        return True
    k = j - 1
    while k >= lo and not _is_break(PyUnicode_READ(kind, data, k)):
        k -= 1
    lo = k + 1  # after the last line break
    if lo >= j:
        return False
    if not alnum(PyUnicode_READ(kind, data, j - 1)):
        a[0] = j - 1
        b[0] = j
        return True
    while _is_punct(PyUnicode_READ(kind, data, lo)):  # ends alnum: never past j - 1
        lo += 1
    a[0] = lo
    b[0] = j
    return True


cdef bint next_span(str text, Py_ssize_t end, Py_ssize_t* a, Py_ssize_t* b):
    """:func:`next_token` as a span ``text[a[0]:b[0]]``; False for EOS."""
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t n = len(text), k, hi, lo = end + 1
    cdef Py_UCS4 c
    if end >= n:
        return False
    c = PyUnicode_READ(kind, data, end)
    if c != 32:
        if _is_break(c):
            return False
        a[0] = end
        b[0] = end + 1
        return True
    hi = lo + _PREV_WINDOW if lo + _PREV_WINDOW < n else n
    k = lo
    while k < hi and PyUnicode_READ(kind, data, k) != 32:
        k += 1
    hi = k  # text.find(" ", lo, lo + window), else the window's end
    if _all_alnum(kind, data, lo, hi):
        a[0] = lo
        b[0] = hi
        return True
    k = lo
    while k < hi and not _is_break(PyUnicode_READ(kind, data, k)):
        k += 1
    hi = k  # before the first line break
    if lo >= hi:
        return False
    if not alnum(PyUnicode_READ(kind, data, lo)):
        a[0] = lo
        b[0] = lo + 1
        return True
    while _is_punct(PyUnicode_READ(kind, data, hi - 1)):
        hi -= 1
    a[0] = lo
    b[0] = hi
    return True


def token_spans(str text, Py_ssize_t start, Py_ssize_t end):
    """(prev span, next span) of a run ``text[start:end]`` as the tagger finds them without
    building strings, each (a, b) or None for BOS / EOS (for tests: ``text[a:b]`` is
    :func:`prev_token` / :func:`next_token`)."""
    cdef Py_ssize_t a = 0, b = 0, c = 0, d = 0
    cdef bint has_prev = prev_span(text, start, &a, &b)
    cdef bint has_next = next_span(text, end, &c, &d)
    return (a, b) if has_prev else None, (c, d) if has_next else None


def char_classes():
    """The characters below U+10000 that the compiled predicates take for _BREAKS and _PUNCT
    (for tests: they are those strings' characters)."""
    cdef Py_UCS4 c
    breaks = "".join([chr(c) for c in range(0x10000) if _is_break(c)])
    punct = "".join([chr(c) for c in range(0x10000) if _is_punct(c)])
    return breaks, punct, _BREAKS, _PUNCT

