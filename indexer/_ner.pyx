# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
# cython: initializedcheck=False
"""The compiled core of :mod:`indexer.entities`: candidate runs to tagged mentions.

What the package defines in Python stays there: the features of a word and of a context token,
the facts (places, organisations, aliases, titles), normalisation and the linking of mentions
across a text. The tagger is built from one typed object,
:class:`indexer.entities.model.TaggerConfig`, and reads nothing else. This module holds only the
hot loop of extraction:

* the context token before and after a run (:func:`prev_token`, :func:`next_token`; the walk
  finds them as spans of the text, :func:`token_spans`, and builds no string for them),
* score vectors as C arrays of ``int64`` in fixed point (each feature weight rounded to
  1/100 once, as the model has always scored them), summed per word from per-word and
  per-context caches,
* Viterbi decoding of a run over the learned label-bigram transitions (BILOU labels, within
  what ``labels.label_allowed`` and ``labels.label_ends`` allow), handed on as BIO,
* the walk over a text's runs (:meth:`Tagger.extract`), cached per run and its contexts: a
  run and its context tokens are looked up by their code points in C key tables (fetched side
  by side for a text's runs), and what a run yields in its context by their record numbers;
  what a run is in every context (its words' records, whether it is a fact, its names, the
  mentions of each labelling) is kept in C records per run, so that a run met in a new
  context is only scored and decoded there.

Every score is an exact integer sum, so the labels do not depend on summation order or on
which cache entries exist; ``scripts/check_entities.py`` compares the output with a reference
version of the package and ``tests/test_entities.py`` with a plain Viterbi over the trainer's
feature lists.
"""

from libc.math cimport nearbyint
from libc.stdint cimport int32_t, int64_t, uint32_t, uint64_t
from libc.stdlib cimport free, malloc, realloc
from libc.string cimport memset
from cpython.object cimport PyObject, PyTypeObject, Py_TYPE

cdef extern from *:
    """
    #define WARTA_PREFETCH(p) __builtin_prefetch((const void*)(p))
    """
    void _prefetch "WARTA_PREFETCH"(const void* p) noexcept nogil

cdef extern from *:
    """
    #define WARTA_LIST_ITEMS(op) (((PyListObject*)(op))->ob_item)
    #define WARTA_TUPLE_ITEMS(op) (((PyTupleObject*)(op))->ob_item)
    """
    PyObject** _list_items "WARTA_LIST_ITEMS"(object op) noexcept
    PyObject** _tuple_items "WARTA_TUPLE_ITEMS"(object op) noexcept

cdef extern from "Python.h":
    int PyUnicode_KIND(object)
    void* PyUnicode_DATA(object)
    int PyUnicode_1BYTE_KIND
    Py_UCS4 PyUnicode_READ(int kind, void* data, Py_ssize_t index)
    bint Py_UNICODE_ISSPACE(Py_UCS4 ch)
    void PyObject_GC_UnTrack(void* op)

cdef enum:
    NL = 13  # labels: O, then B, I, L, U of PER, ORG and LOC (labels.LABELS)
    NPOS = 6  # run positions (_POSITIONS)
    STACK_WORDS = 64  # runs up to this many words decode without malloc
    BATCH = 24  # feature look-ups fetched side by side (_kt_find_many)
    STACK_RUNS = 128  # texts with up to this many runs are scanned without malloc
    KEY_LIMIT = 1 << 21  # record numbers packed into a found key (3 x 21 bits)


cdef struct WordRec:
    Py_ssize_t base  # offset of the word's position-free vector
    Py_ssize_t vec[NPOS]  # offset of its vector at each run position, -1 until needed
    Py_ssize_t inner  # offset of its p, q, n, l context vectors, -1 until needed

# What the tagger keeps per run of its run table (Tagger._run_id), beside its strings in
# run_info: what is the same in every context, so that a run met again in a new context is
# only scored and decoded there (Tagger._run_found_at, Tagger._single_at).
cdef struct RunRec:
    unsigned char kind  # run_info's: what extract does with it
    unsigned char space  # whether it has a space (several words)
    unsigned int flags  # R_* bits: what is known of it so far
    Py_ssize_t wid  # one word: its word record; several: where its words' records start in
    # run_wids; -1 until needed
    Py_ssize_t nwords  # several words: how many

# What the tagger's hot loop reads of a context token (Tagger._prev_id, Tagger._next_id),
# beside its strings in prev_info / next_info.
cdef struct TokRec:
    Py_ssize_t single_key  # the number of its key for a one-word run (_single_prev_key, ...)
    Py_ssize_t run_key  # the number of its key for a run of several words (_ctx_key)
    bint head  # before a run: whether it is a head word a run takes in
    # Its context vectors (Tagger.before_ctx before a run, Tagger.after_ctx after it) as the
    # context of a run of several words (its run key's) and of a one-word run (its own); -1
    # until needed.
    Py_ssize_t run_ctx, single_ctx

cdef enum:
    R_WORDS = 1  # several words: their records are in run_wids, run_memo holds the words
    R_PLACEY = 2  # several words: one is the first word of a well-known place
    R_PLACE = 4  # several words: a well-known place as a whole (labels fixed)
    R_ORG = 8  # several words: a well-known organisation as a whole (labels fixed)
    R_FACT = 16  # one word: its fact type is known (the bits from R_FACT_SHIFT)
    R_TITLE_KNOWN = 32  # one word: whether it is a title (R_TITLE) is known
    R_TITLE = 64
    R_CREDIT_KNOWN = 128  # one word: whether it is a credit (R_CREDIT) is known
    R_CREDIT = 256
    R_WEB_KNOWN = 512  # one word: whether it is a web address (R_WEB) is known
    R_WEB = 1024
    R_FACT_SHIFT = 12  # one word, R_FACT: its fact's type index + 1 (0: no fact) from here
    MAX_LABEL_WORDS = 14  # runs of up to this many words have their labels packed in a key

cdef struct KeySlot:
    uint64_t h  # the key's hash (_mixed); 0: an empty slot
    uint32_t value  # the key's number: keys are numbered 0, 1, ... as they are added
    uint32_t at  # where the key is in pool: its length, then its code points (one cache miss
    # fewer per hit than a separate offset table)

# String keys -> their numbers, found from a string's code points (or those of a prefix and a
# slice of a string) without building the key: open addressing over the keys' hashes, a hit
# checked against the key's code points.
cdef struct KeyTable:
    KeySlot* slots
    Py_ssize_t mask  # the number of slots - 1 (a power of 2 minus 1)
    Py_ssize_t count  # keys added
    Py_ssize_t cap  # keys it has room for in koff and hashes
    Py_UCS4* pool  # each key's length and code points, one key after the other
    Py_ssize_t pool_used, pool_cap
    uint32_t* koff  # key number -> its place in pool (to place the keys again as slots grow)
    uint64_t* hashes  # key number -> its hash

cdef uint64_t FNV_BASIS = 14695981039346656037ULL
cdef uint64_t FNV_PRIME = 1099511628211ULL

cdef double SCALE = 100.0
cdef int64_t SMALL_LIMIT = (1 << 19) - 1  # a feature weight's fixed-point range
cdef int64_t LANE_LIMIT = (1 << 26) - 1

BOS = "<S>"
EOS = "</S>"
cdef str _BOS = BOS
cdef str _EOS = EOS
cdef str _BREAKS = "\n\r\t\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
cdef str _PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~“”‘’«»–—…•"
cdef Py_ssize_t _PREV_WINDOW = 48
cdef tuple _TYPES = ("PER", "ORG", "LOC")
cdef str _POSITIONS = "aofsme"  # features.POSITIONS (checked when a Tagger is built)
cdef str _CONTEXT_KINDS = "pqnlPNr"  # features.CONTEXT_KINDS (checked likewise)
cdef tuple _CONTEXT_PREFIXES = tuple(k + "=" for k in _CONTEXT_KINDS)
cdef tuple _NO_ARGS = ()
cdef tuple _INNER = (0, 1, 2, 3)  # p q n l: a word inside a run as context of another
cdef tuple _BEFORE = (4, 1)  # P q: the token before a run
cdef tuple _AFTER = (5, 6)  # N r: the token after a run


def fixed_point(weights, int64_t limit=SMALL_LIMIT):
    """A weight vector in the tagger's fixed point: each weight x 100, rounded half to even,
    clamped to +-``limit``."""
    return [_fixed(x, limit) for x in weights]


cdef inline int64_t _fixed(double x, int64_t limit):
    cdef int64_t v = <int64_t>nearbyint(x * SCALE)
    if v > limit:
        return limit
    if v < -limit:
        return -limit
    return v


cdef inline bint _alnum(Py_UCS4 c):
    """``c.isalnum()`` (what the regex class ``[^\\W_]`` matches), ASCII without a call."""
    cdef unsigned int u = c
    if u < 128:
        return u - 48 < 10 or (u | 32) - 97 < 26
    return c.isalnum()


cdef str _shape(str word):
    """features.shape: a coarse word shape, X for capitals, x for lower case, d for digits,
    squeezed (over the first 12 characters)."""
    cdef Py_UCS4 ch, c, last = 0
    cdef list out = []
    cdef Py_ssize_t i, n = len(word)
    for i in range(n if n < 12 else 12):
        ch = word[i]
        if ch.isupper():
            c = "X"
        elif ch.islower():
            c = "x"
        elif ch.isdigit():
            c = "d"
        else:
            c = ch
        if i == 0 or c != last:
            out.append(c)
            last = c
    return "".join(out)


# --- context tokens ---------------------------------------------------------------------------
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
        if not _alnum(PyUnicode_READ(kind, data, i)):
            return False
    return True


cdef bint _prev_span(str text, Py_ssize_t start, Py_ssize_t* a, Py_ssize_t* b):
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
    if not _alnum(PyUnicode_READ(kind, data, j - 1)):
        a[0] = j - 1
        b[0] = j
        return True
    while _is_punct(PyUnicode_READ(kind, data, lo)):  # ends alnum: never past j - 1
        lo += 1
    a[0] = lo
    b[0] = j
    return True


cdef bint _next_span(str text, Py_ssize_t end, Py_ssize_t* a, Py_ssize_t* b):
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
    if not _alnum(PyUnicode_READ(kind, data, lo)):
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
    cdef bint has_prev = _prev_span(text, start, &a, &b)
    cdef bint has_next = _next_span(text, end, &c, &d)
    return (a, b) if has_prev else None, (c, d) if has_next else None


def char_classes():
    """The characters below U+10000 that the compiled predicates take for _BREAKS and _PUNCT
    (for tests: they are those strings' characters)."""
    cdef Py_UCS4 c
    breaks = "".join([chr(c) for c in range(0x10000) if _is_break(c)])
    punct = "".join([chr(c) for c in range(0x10000) if _is_punct(c)])
    return breaks, punct, _BREAKS, _PUNCT


# --- the feature table: feature -> its vector, looked up without building the key -----------
cdef inline uint64_t _fnv(uint64_t h, str s, Py_ssize_t a, Py_ssize_t b) noexcept:
    """FNV-1a, continued from ``h`` over the code points of ``s[a:b]``."""
    cdef int kind = PyUnicode_KIND(s)
    cdef void* data = PyUnicode_DATA(s)
    cdef Py_ssize_t i
    for i in range(a, b):
        h = (h ^ <uint64_t>PyUnicode_READ(kind, data, i)) * FNV_PRIME
    return h


cdef inline uint64_t _mixed(uint64_t h) noexcept:
    """A key's slot hash: the FNV state with its bits mixed (murmur3's finaliser); never 0."""
    h ^= h >> 33
    h *= 0xff51afd7ed558ccdULL
    h ^= h >> 33
    h *= 0xc4ceb9fe1a85ec53ULL
    h ^= h >> 33
    return h if h else 1


cdef int _kt_init(KeyTable* t, Py_ssize_t keys, Py_ssize_t chars) except -1:
    """An empty table with room for ``keys`` keys of ``chars`` code points in all."""
    cdef Py_ssize_t nslots = 16
    while nslots < keys + keys // 2:  # at most 2/3 full
        nslots *= 2
    t.slots = <KeySlot*>malloc(nslots * sizeof(KeySlot))
    t.koff = <uint32_t*>malloc(max(1, keys) * sizeof(uint32_t))
    t.hashes = <uint64_t*>malloc(max(1, keys) * sizeof(uint64_t))
    t.pool = <Py_UCS4*>malloc(max(1, chars + keys) * sizeof(Py_UCS4))
    if t.slots == NULL or t.koff == NULL or t.hashes == NULL or t.pool == NULL:
        _kt_free(t)
        raise MemoryError()
    memset(t.slots, 0, nslots * sizeof(KeySlot))
    t.mask = nslots - 1
    t.count = t.pool_used = 0
    t.cap = keys
    t.pool_cap = max(1, chars + keys)
    return 0


cdef void _kt_free(KeyTable* t) noexcept:
    free(t.slots)
    free(t.koff)
    free(t.hashes)
    free(t.pool)
    t.slots = NULL
    t.koff = NULL
    t.hashes = NULL
    t.pool = NULL


cdef inline void _kt_place(KeyTable* t, uint64_t h, Py_ssize_t value, uint32_t at) noexcept:
    cdef Py_ssize_t k = h & t.mask
    while t.slots[k].h != 0:
        k = (k + 1) & t.mask
    t.slots[k].h = h
    t.slots[k].value = <uint32_t>value
    t.slots[k].at = at


cdef inline uint64_t _kt_hash(str prefix, str s, Py_ssize_t a, Py_ssize_t b) noexcept:
    """The slot hash of key ``prefix + s[a:b]``."""
    return _mixed(_fnv(_fnv(FNV_BASIS, prefix, 0, len(prefix)), s, a, b))


cdef Py_ssize_t _kt_find(KeyTable* t, str prefix, str s, Py_ssize_t a, Py_ssize_t b) noexcept:
    """The number of key ``prefix + s[a:b]``, or -1 when the table does not hold it."""
    return _kt_find_h(t, prefix, s, a, b, _kt_hash(prefix, s, a, b))


cdef Py_ssize_t _kt_find_h(KeyTable* t, str prefix, str s, Py_ssize_t a, Py_ssize_t b,
                           uint64_t h) noexcept:
    """:func:`_kt_find` of a key whose hash ``h`` is known."""
    cdef Py_ssize_t np = len(prefix), k, j
    cdef int kind = PyUnicode_KIND(s), pkind = PyUnicode_KIND(prefix)
    cdef void* data = PyUnicode_DATA(s)
    cdef void* pdata = PyUnicode_DATA(prefix)
    cdef Py_UCS4* key
    k = h & t.mask
    while t.slots[k].h != 0:
        if t.slots[k].h == h:
            key = t.pool + t.slots[k].at
            if <Py_ssize_t>key[0] == np + b - a:
                key += 1
                for j in range(np):
                    if key[j] != PyUnicode_READ(pkind, pdata, j):
                        break
                else:
                    for j in range(b - a):
                        if key[np + j] != PyUnicode_READ(kind, data, a + j):
                            break
                    else:
                        return t.slots[k].value
        k = (k + 1) & t.mask
    return -1


cdef struct Lookup:
    PyObject* prefix  # borrowed: the caller keeps the strings alive
    PyObject* s
    Py_ssize_t a, b
    uint64_t h
    Py_ssize_t row


cdef void _kt_find_many(KeyTable* t, Lookup* q, Py_ssize_t n) noexcept:
    """``q[i].row = _kt_find(t, prefix, s, a, b)`` for each lookup, their memory fetched side
    by side: every key's slot first, then every candidate key's code points (a key looked up
    alone waits for each of them in turn)."""
    cdef Py_ssize_t i, k
    for i in range(n):
        q[i].h = _kt_hash(<str>q[i].prefix, <str>q[i].s, q[i].a, q[i].b)
        _prefetch(&t.slots[q[i].h & t.mask])
    for i in range(n):
        k = q[i].h & t.mask
        while t.slots[k].h != 0 and t.slots[k].h != q[i].h:
            k = (k + 1) & t.mask
        if t.slots[k].h != 0:
            _prefetch(t.pool + t.slots[k].at)
    for i in range(n):
        q[i].row = _kt_find_h(t, <str>q[i].prefix, <str>q[i].s, q[i].a, q[i].b, q[i].h)


cdef struct RunSpan:
    Py_ssize_t start, end  # a run of the text
    uint64_t h  # its key's hash in the run table
    # Looked up ahead for the runs of a text, side by side (Tagger._look_ahead); -1: not (yet)
    # known, looked up again (or made) when the run's turn comes.
    Py_ssize_t rid  # its run record
    Py_ssize_t pid, nid  # its context tokens' records
    Py_ssize_t at  # what it yields in this context: its index in found
    Py_ssize_t pa, pb, na, nb  # its context tokens' spans in the text (pa, na < 0: BOS, EOS)
    uint64_t ph, nh  # their key hashes
    bint ctx  # whether the run is looked up in its context (a known run of kind 3)
    uint64_t fkey  # its found table key, FOUND_MARK set (0: none)


# Packed keys -> indexes (Tagger.found_at): open addressing over uint64 keys, no Python objects.
cdef struct FoundTable:
    uint64_t* keys  # the key with FOUND_MARK set; 0: an empty slot
    Py_ssize_t* vals
    Py_ssize_t mask, count

cdef uint64_t FOUND_MARK = 1ULL << 63  # packed keys use 63 bits at most


cdef int _ft_init(FoundTable* t, Py_ssize_t nslots) except -1:
    t.keys = <uint64_t*>malloc(nslots * sizeof(uint64_t))
    t.vals = <Py_ssize_t*>malloc(nslots * sizeof(Py_ssize_t))
    if t.keys == NULL or t.vals == NULL:
        _ft_free(t)
        raise MemoryError()
    memset(t.keys, 0, nslots * sizeof(uint64_t))
    t.mask = nslots - 1
    t.count = 0
    return 0


cdef void _ft_free(FoundTable* t) noexcept:
    free(t.keys)
    free(t.vals)
    t.keys = NULL
    t.vals = NULL


cdef void _ft_clear(FoundTable* t) noexcept:
    memset(t.keys, 0, (t.mask + 1) * sizeof(uint64_t))
    t.count = 0


cdef inline Py_ssize_t _ft_find(FoundTable* t, uint64_t key) noexcept:
    """The value of ``key``, or -1."""
    cdef uint64_t want = key | FOUND_MARK
    cdef Py_ssize_t k = _mixed(key) & t.mask
    while t.keys[k] != 0:
        if t.keys[k] == want:
            return t.vals[k]
        k = (k + 1) & t.mask
    return -1


cdef int _ft_add(FoundTable* t, uint64_t key, Py_ssize_t value) except -1:
    """Add ``key`` (not in the table) with ``value``, growing the table past 2/3 full."""
    cdef Py_ssize_t k, j, n = t.mask + 1
    cdef uint64_t* old_keys
    cdef Py_ssize_t* old_vals
    if 3 * (t.count + 1) > 2 * n:
        old_keys, old_vals = t.keys, t.vals
        t.keys = <uint64_t*>malloc(2 * n * sizeof(uint64_t))
        t.vals = <Py_ssize_t*>malloc(2 * n * sizeof(Py_ssize_t))
        if t.keys == NULL or t.vals == NULL:
            free(t.keys)
            free(t.vals)
            t.keys, t.vals = old_keys, old_vals
            raise MemoryError()
        memset(t.keys, 0, 2 * n * sizeof(uint64_t))
        t.mask = 2 * n - 1
        for j in range(n):
            if old_keys[j] != 0:
                k = _mixed(old_keys[j] & ~FOUND_MARK) & t.mask
                while t.keys[k] != 0:
                    k = (k + 1) & t.mask
                t.keys[k] = old_keys[j]
                t.vals[k] = old_vals[j]
        free(old_keys)
        free(old_vals)
    k = _mixed(key) & t.mask
    while t.keys[k] != 0:
        k = (k + 1) & t.mask
    t.keys[k] = key | FOUND_MARK
    t.vals[k] = value
    t.count += 1
    return 0


cdef inline void _queue(Lookup* q, Py_ssize_t* n, str prefix, str s, Py_ssize_t a,
                       Py_ssize_t b) noexcept:
    """Add the look-up of key ``prefix + s[a:b]`` to ``q`` (room for it is the caller's)."""
    q[n[0]].prefix = <PyObject*>prefix
    q[n[0]].s = <PyObject*>s
    q[n[0]].a = a
    q[n[0]].b = b
    n[0] += 1


cdef Py_ssize_t _kt_add(KeyTable* t, str s, Py_ssize_t a, Py_ssize_t b) except -1:
    """Add key ``s[a:b]`` (not in the table) and return its number, growing the table."""
    cdef Py_ssize_t v = t.count, n = b - a, j, grown_slots
    cdef uint64_t h = _mixed(_fnv(FNV_BASIS, s, a, b))
    cdef int kind = PyUnicode_KIND(s)
    cdef void* data = PyUnicode_DATA(s)
    cdef void* p
    if v >= 0xFFFFFFFF or t.pool_used + n + 1 >= 0xFFFFFFFF:
        raise MemoryError("a key table holds fewer than 2**32 keys and code points")
    if v == t.cap:
        p = realloc(t.koff, (2 * t.cap + 1) * sizeof(uint32_t))
        if p == NULL:
            raise MemoryError()
        t.koff = <uint32_t*>p
        p = realloc(t.hashes, (2 * t.cap + 1) * sizeof(uint64_t))
        if p == NULL:
            raise MemoryError()
        t.hashes = <uint64_t*>p
        t.cap = 2 * t.cap + 1
    if t.pool_used + n + 1 > t.pool_cap:
        p = realloc(t.pool, max(t.pool_used + n + 1, 2 * t.pool_cap) * sizeof(Py_UCS4))
        if p == NULL:
            raise MemoryError()
        t.pool = <Py_UCS4*>p
        t.pool_cap = max(t.pool_used + n + 1, 2 * t.pool_cap)
    if 3 * (v + 1) > 2 * (t.mask + 1):  # past 2/3 full: twice the slots, every key placed again
        grown_slots = 2 * (t.mask + 1)
        p = malloc(grown_slots * sizeof(KeySlot))
        if p == NULL:
            raise MemoryError()
        free(t.slots)
        t.slots = <KeySlot*>p
        memset(t.slots, 0, grown_slots * sizeof(KeySlot))
        t.mask = grown_slots - 1
        for j in range(v):
            _kt_place(t, t.hashes[j], j, t.koff[j])
    cdef uint32_t at = <uint32_t>t.pool_used
    t.pool[at] = <Py_UCS4>n
    for j in range(n):
        t.pool[at + 1 + j] = PyUnicode_READ(kind, data, a + j)
    t.pool_used += n + 1
    t.koff[v] = at
    t.hashes[v] = h
    _kt_place(t, h, v, at)
    t.count = v + 1
    return v


cdef void _kt_clear(KeyTable* t) noexcept:
    memset(t.slots, 0, (t.mask + 1) * sizeof(KeySlot))
    t.count = t.pool_used = 0


cdef TokRec* _grown_toks(TokRec* recs, Py_ssize_t* cap) except NULL:
    """``recs`` with room for twice as many records (``cap`` updated)."""
    cdef Py_ssize_t n = max(1024, 2 * cap[0])
    cdef TokRec* grown = <TokRec*>realloc(recs, n * sizeof(TokRec))
    if grown == NULL:
        raise MemoryError()
    cap[0] = n
    return grown


cdef list _record_list():
    """An empty list for the tagger's records, not tracked by the garbage collector: it only
    ever holds untracked tuples (see :func:`_untracked`) and None, so no cycle can run through
    it, and no collection walks its hundreds of thousands of items."""
    cdef list out = []
    PyObject_GC_UnTrack(<PyObject*>out)
    return out


cdef inline tuple _untracked(tuple t):
    """``t`` (and the tuples it holds), which hold only strings, numbers and such tuples, no
    longer tracked by the garbage collector: in a cache dict they keep the dict untracked, so
    that no collection walks its hundreds of thousands of entries (no cycle can run through
    them: freeing them is the reference counts' work)."""
    for x in t:
        if type(x) is tuple:
            PyObject_GC_UnTrack(<PyObject*>x)
    PyObject_GC_UnTrack(<PyObject*>t)
    return t


# --- mention records --------------------------------------------------------------------------
def field_mentions(type mention, list entities, str field):
    """``[mention(e.type, e.name, field, e.start, e.end) for e in entities]`` for the slotted
    record class ``mention`` (schema.Mention), each made as ``mentions.make_mention`` makes it
    (a new record, its slots set one by one), without a call through Python per record."""
    slots = mention.__dict__
    cdef object set_type = slots["type"], set_name = slots["name"], set_field = slots["field"]
    cdef object set_start = slots["start"], set_end = slots["end"]
    cdef PyTypeObject* tp = <PyTypeObject*>mention
    cdef list out = []
    for e in entities:
        m = tp.tp_new(mention, <PyObject*>_NO_ARGS, NULL)
        Py_TYPE(set_type).tp_descr_set(set_type, m, e.type)
        Py_TYPE(set_name).tp_descr_set(set_name, m, e.name)
        Py_TYPE(set_field).tp_descr_set(set_field, m, field)
        Py_TYPE(set_start).tp_descr_set(set_start, m, e.start)
        Py_TYPE(set_end).tp_descr_set(set_end, m, e.end)
        out.append(m)
    return out


# --- the tagger -------------------------------------------------------------------------------
cdef class Tagger:
    """Scores and decodes the runs of one model (see its ``TaggerConfig``); holds its caches.

    Score vectors live in one growing arena of ``int64`` lanes (``NL`` per vector); the caches
    map a word (or context token) to the offset of its vectors there. When the arena or a
    cache outgrows its limit, every cache is emptied at the start of the next call.
    """

    # Features -> their numbers, the rows of ftab: a feature "prefix=" + part of a word is
    # found without building its string (see :meth:`_row`).
    cdef KeyTable features
    cdef Py_ssize_t bias_row  # the row of feature "b", or -1
    cdef int64_t* ftab
    cdef int64_t* arena
    cdef Py_ssize_t used, cap, max_entries, max_runs
    cdef int64_t trans[NL][NL]  # trans[a][j]: moving from label a to label j inside a run
    cdef bint ends[NL]  # whether a run may end with the label
    cdef int bio[NL]  # the label's index in labels.BIO_LABELS
    cdef int64_t start_row[NL]
    cdef int64_t q0[NL]  # the empty second-previous token of a run's first word
    cdef int64_t capv[2][7][NL]  # [capitalised][kind in "pqnlPNr"]: the capitalisation feature
    # A word of a run -> its index in recs (its vectors) and wmeta (low, lower bucket, shape,
    # is a place): one look-up per word finds every vector of it.
    cdef KeyTable word_keys  # a word of a run -> its record number (recs, wmeta)
    cdef list wmeta
    cdef WordRec* recs
    cdef Py_ssize_t nrecs, reccap
    cdef dict pos_parts  # (pos, lower bucket, shape, place, word at a sentence start) -> offset
    cdef dict before  # token before a run -> 2 * offset of (P + q0 + start, q) + sentence start
    cdef dict after  # token after a run -> offset of its N, r context vectors
    cdef dict runs  # (prev key, run, next key) -> found
    cdef dict singles  # (single prev key, word, single next key) -> found (see _single_key)
    # The same caches without building strings for a run or its context tokens: a run's text
    # -> its record number (run_info: run, lower case, what extract does with it, org parts,
    # whether it has a space); a context token's text -> its record number (prev_info: token,
    # whether it is a head word, numbers of its single and run keys, its run key; next_info:
    # token, numbers of its single and run keys, its run key); the key objects -> their numbers
    # (key_ids); and the numbers of a run and its two keys, packed into one int -> found.
    cdef KeyTable run_keys, prev_keys, next_keys
    cdef list run_info, prev_info, next_info
    # Per run record, what is the same in every context (RunRec; run_memo: its words, or its
    # normalised names per type), its words' records (run_wids), and a run's mentions by its
    # packed labels (label_at -> label_found), so that a run met in a new context is scored
    # and decoded there and what follows from its labels is not built again.
    cdef RunRec* rrecs
    cdef Py_ssize_t rrec_cap
    cdef TokRec* prev_recs
    cdef TokRec* next_recs
    cdef Py_ssize_t prev_cap, next_cap
    cdef list run_memo
    cdef Py_ssize_t* run_wids
    cdef Py_ssize_t nwids, wids_cap
    cdef FoundTable label_at
    cdef list label_found
    cdef bint busy  # inside extract: a call back into tag() empties no cache
    cdef dict key_ids
    cdef FoundTable found_at  # packed numbers of a run and its two keys -> index in found
    cdef list found
    cdef str cur_run  # the run of the last _found_slow (a head word may have lengthened it)
    cdef dict pkeys, nkeys, spkeys, snkeys
    cdef dict lower_ratio, word_extra
    cdef str vector_prefix
    cdef object position_features, normalised, split_places
    cdef type entity  # the mention record (config.entity)
    cdef tuple entity_slots  # its slots' descriptors: name, type, start, end
    cdef object part_name, acronym_end
    cdef unsigned char run_first[256]  # whether a character (below U+0100) can start a run
    cdef Py_ssize_t max_connector  # the length of the longest connector
    cdef frozenset skip, skip_plain, skip_rest, heads, places, orgs, place_first, sentence_prev
    cdef frozenset titles, title_words, not_alone, connectors, doubtful_buckets, cite_words
    cdef object credit_match, web_address_match
    cdef int64_t sure_margin
    cdef dict facts, org_parts

    def __cinit__(self):
        memset(&self.features, 0, sizeof(KeyTable))
        memset(&self.word_keys, 0, sizeof(KeyTable))
        memset(&self.run_keys, 0, sizeof(KeyTable))
        memset(&self.prev_keys, 0, sizeof(KeyTable))
        memset(&self.next_keys, 0, sizeof(KeyTable))
        memset(&self.found_at, 0, sizeof(FoundTable))
        memset(&self.label_at, 0, sizeof(FoundTable))
        self.rrecs = NULL
        self.prev_recs = NULL
        self.next_recs = NULL
        self.run_wids = NULL
        self.ftab = NULL
        self.arena = NULL
        self.recs = NULL

    def __dealloc__(self):
        _kt_free(&self.features)
        _kt_free(&self.word_keys)
        _kt_free(&self.run_keys)
        _kt_free(&self.prev_keys)
        _kt_free(&self.next_keys)
        _ft_free(&self.found_at)
        _ft_free(&self.label_at)
        free(self.rrecs)
        free(self.prev_recs)
        free(self.next_recs)
        free(self.run_wids)
        free(self.ftab)
        free(self.arena)
        free(self.recs)

    def __init__(self, config):
        """``config``: an :class:`indexer.entities.model.TaggerConfig`, everything the tagger
        reads (weights, label rules, facts and the Python functions it calls back)."""
        cdef Py_ssize_t i, j, k
        cdef list lanes
        if len(config.labels) != NL:
            raise ValueError(f"the tagger is compiled for {NL} labels")
        if config.positions != _POSITIONS or config.context_kinds != _CONTEXT_KINDS:
            raise ValueError("the tagger is compiled for positions "
                             f"{_POSITIONS!r} and context kinds {_CONTEXT_KINDS!r}")
        cdef dict weights = config.weights
        self._feature_table(weights)
        self.bias_row = self._row("", "b", 0, 1)
        # Transitions, only those config.allowed allows. Row 0 scores a run's first word (the
        # CRF's start row "t=<S>", or the row after O of a perceptron model).
        forbidden = -float(1 << 25) / SCALE
        zero = [0.0] * NL
        rows = ["t=<S>" if "t=<S>" in weights else "t=O", "t=O"]
        rows += [f"t={x}" for x in config.labels[1:]]
        for k, row in enumerate(rows):
            vec = weights.get(row, zero)
            lanes = [
                _fixed(vec[j] if config.allowed[k][j] else forbidden, LANE_LIMIT)
                for j in range(NL)
            ]
            for j in range(NL):
                if k == 0:
                    self.start_row[j] = lanes[j]
                else:
                    self.trans[k - 1][j] = lanes[j]
        for j in range(NL):
            self.ends[j] = config.ends[j]
            self.bio[j] = config.bio[j]
        self.arena = NULL
        self.used = self.cap = 0
        self.max_entries = config.max_word_cache
        self.max_runs = config.max_run_cache
        memset(self.q0, 0, sizeof(self.q0))
        self._add_feats(self.q0, config.empty_second_previous)
        for i, cap in enumerate("cC"):
            for k, kind in enumerate(_CONTEXT_KINDS):
                memset(self.capv[i][k], 0, NL * sizeof(int64_t))
                self._add_feats(self.capv[i][k], [f"{kind}c={cap}"])
        self.lower_ratio = config.lower_ratio
        self.word_extra = config.word_extra
        self.vector_prefix = config.vector_prefix
        self.position_features = config.position_features
        self.normalised = config.normalised
        self.entity = config.entity
        self.entity_slots = tuple(config.entity.__dict__[f] for f in ("name", "type", "start", "end"))
        self.split_places = config.split_places
        self.part_name = config.part_name
        self.acronym_end = config.acronym_end
        memset(self.run_first, 0, sizeof(self.run_first))
        for ch in config.run_first:
            if ord(ch) > 255:
                raise ValueError("the tagger scans for run starts below U+0100")
            self.run_first[ord(ch)] = 1
        self.skip = config.skip
        self.skip_plain = config.skip_plain
        self.skip_rest = self.skip - self.skip_plain  # a few: one big set is looked up per run
        self.heads = config.heads
        self.places = config.places
        self.orgs = config.orgs
        self.place_first = config.place_first
        self.facts = config.facts
        self.org_parts = config.org_parts
        self.sentence_prev = config.sentence_prev
        self.titles = config.titles
        self.title_words = config.title_words
        self.not_alone = config.not_alone
        self.connectors = config.connectors
        self.max_connector = max([1] + [len(c) for c in self.connectors])
        self.credit_match = config.credit_match
        self.web_address_match = config.web_address_match
        self.cite_words = config.cite_words
        self.doubtful_buckets = config.doubtful_buckets
        self.sure_margin = config.sure_margin
        _kt_init(&self.word_keys, 1024, 8192)
        _kt_init(&self.run_keys, 1024, 16384)
        _kt_init(&self.prev_keys, 1024, 8192)
        _kt_init(&self.next_keys, 1024, 8192)
        _ft_init(&self.found_at, 4096)
        _ft_init(&self.label_at, 4096)
        self._reset()

    cdef void _feature_table(self, dict weights) except *:
        """ftab (each feature's vector in fixed point, in the order of ``weights``) and the
        table that finds a feature's number (its row) from its key."""
        cdef Py_ssize_t n = len(weights), i = 0, j, chars = 0
        for f in weights:
            chars += len(<str>f)
        _kt_init(&self.features, n, chars)
        self.ftab = <int64_t*>malloc(max(1, n) * NL * sizeof(int64_t))
        if self.ftab == NULL:
            raise MemoryError()
        for f, vec in weights.items():
            if len(vec) != NL:
                raise ValueError(f"feature {f!r} has {len(vec)} weights, not {NL}")
            for j in range(NL):
                self.ftab[i * NL + j] = _fixed(vec[j], SMALL_LIMIT)
            _kt_add(&self.features, <str>f, 0, len(<str>f))
            i += 1

    cdef inline Py_ssize_t _row(self, str prefix, str s, Py_ssize_t a, Py_ssize_t b) noexcept:
        """Offset in ftab of the vector of feature ``prefix + s[a:b]``, or -1 when the model
        has no such feature."""
        cdef Py_ssize_t f = _kt_find(&self.features, prefix, s, a, b)
        return f * NL if f >= 0 else -1

    cdef inline void _add_row(self, int64_t* dst, Py_ssize_t off) noexcept:
        """Add the ftab vector at ``off`` to ``dst`` (nothing for -1: an unknown feature)."""
        cdef Py_ssize_t j
        cdef int64_t* row
        if off >= 0:
            row = self.ftab + off
            for j in range(NL):
                dst[j] += row[j]

    cdef void _reset(self):
        _kt_clear(&self.word_keys)
        self.wmeta = _record_list()
        self.nrecs = 0
        self.pos_parts = {}
        self.before = {}
        self.after = {}
        self.pkeys = {}
        self.nkeys = {}
        self.runs = {}
        self.singles = {}
        self.spkeys = {}
        self.snkeys = {}
        _kt_clear(&self.prev_keys)
        _kt_clear(&self.next_keys)
        self.prev_info = _record_list()
        self.next_info = _record_list()
        self.key_ids = {}
        self._clear_runs()
        self.used = 0

    cdef inline void _check_limits(self):
        """Empty every cache when one is full (only between calls: offsets stay valid)."""
        if self.used > self.max_entries * 8 * NL or self.nrecs > self.max_entries \
                or len(self.before) > self.max_entries \
                or len(self.after) > self.max_entries or len(self.pos_parts) > self.max_entries \
                or len(self.pkeys) > self.max_entries or len(self.nkeys) > self.max_entries \
                or len(self.spkeys) > self.max_entries or len(self.snkeys) > self.max_entries \
                or len(self.key_ids) > self.max_entries or len(self.prev_info) > self.max_entries \
                or len(self.next_info) > self.max_entries:
            self._reset()
            return
        if len(self.runs) > self.max_runs:
            self.runs = {}
        if len(self.singles) > self.max_runs:
            self.singles = {}
        # found holds what the runs and singles caches hold for most runs: room for both
        if len(self.found) > 2 * self.max_runs or len(self.run_info) > self.max_runs \
                or len(self.label_found) > self.max_runs:
            self._clear_runs()

    cdef void _clear_runs(self):
        """Empty the run records and what is found per run (its keys hold run numbers)."""
        _kt_clear(&self.run_keys)
        self.run_info = _record_list()
        _ft_clear(&self.found_at)
        self.found = _record_list()
        self.run_memo = _record_list()
        self.nwids = 0
        _ft_clear(&self.label_at)
        self.label_found = _record_list()

    cdef Py_ssize_t _alloc(self, Py_ssize_t nvec) except -1:
        """Offset of ``nvec`` fresh zeroed vectors in the arena (which may move)."""
        cdef Py_ssize_t need = self.used + nvec * NL
        cdef Py_ssize_t newcap
        cdef int64_t* grown
        if need > self.cap:
            newcap = max(need, self.cap * 2, 4096)
            grown = <int64_t*>realloc(self.arena, newcap * sizeof(int64_t))
            if grown == NULL:
                raise MemoryError()
            self.arena = grown
            self.cap = newcap
        memset(self.arena + self.used, 0, nvec * NL * sizeof(int64_t))
        cdef Py_ssize_t off = self.used
        self.used = need
        return off

    cdef void _add_feats(self, int64_t* dst, object feats):
        """Add the fixed-point vectors of ``feats`` to ``dst`` (unknown features add 0)."""
        for f in feats:
            self._add_feat(dst, f)

    cdef inline void _add_feat(self, int64_t* dst, str f):
        self._add_row(dst, self._row("", f, 0, len(f)))

    # -- per-word and per-context vectors ----------------------------------------------------
    cdef inline Py_ssize_t word_id(self, str word) except -1:
        """Index of ``word``'s record (recs, wmeta), made with its position-free vector when
        the word is new."""
        return self.word_id_h(word, _kt_hash("", word, 0, len(word)))

    cdef Py_ssize_t word_id_h(self, str word, uint64_t h) except -1:
        """:meth:`word_id` of a word whose key hash ``h`` is known."""
        cdef Py_ssize_t n = len(word)
        cdef Py_ssize_t v = _kt_find_h(&self.word_keys, "", word, 0, n, h)
        if v >= 0:
            return v
        cdef Py_ssize_t i = self.nrecs, j
        cdef WordRec* grown
        if i == self.reccap:
            grown = <WordRec*>realloc(self.recs, max(1024, 2 * self.reccap) * sizeof(WordRec))
            if grown == NULL:
                raise MemoryError()
            self.recs = grown
            self.reccap = max(1024, 2 * self.reccap)
        cdef Py_ssize_t base = self._alloc(1)
        self.wmeta.append(_untracked(self._word_base(word, base)))
        self.recs[i].base = base
        for j in range(NPOS):
            self.recs[i].vec[j] = -1
        self.recs[i].inner = -1
        self.nrecs = i + 1
        _kt_add(&self.word_keys, word, 0, n)
        return i

    cdef tuple _word_base(self, str word, Py_ssize_t off):
        """Adds ``word``'s position-free features (features.form_features, its corpus features,
        its vector) to the arena vector at ``off``; returns what its position features need:
        (lower case, lower bucket, shape, whether it is a well-known place)."""
        cdef str low = word.lower()
        cdef Py_ssize_t n = len(low)
        b = self.lower_ratio.get(low)
        cdef str lb = "u" if b is None else str(b)
        cdef str sh = _shape(word)
        cdef int64_t* dst = self.arena + off
        cdef Py_ssize_t i, a, m, nq = 0
        cdef str ex = ""
        cdef Lookup q[BATCH]
        # The features are looked up side by side (_kt_find_many), then their rows added.
        _queue(q, &nq, "w=", word, 0, len(word))
        _queue(q, &nq, "l=", low, 0, n)
        _queue(q, &nq, "sh=", sh, 0, len(sh))
        _queue(q, &nq, "s4=", low, n - 4 if n > 4 else 0, n)
        _queue(q, &nq, "s3=", low, n - 3 if n > 3 else 0, n)
        _queue(q, &nq, "s2=", low, n - 2 if n > 2 else 0, n)
        _queue(q, &nq, "p4=", low, 0, n if n < 4 else 4)
        _queue(q, &nq, "p3=", low, 0, n if n < 3 else 3)
        _queue(q, &nq, "lb=", lb, 0, len(lb))
        _queue(q, &nq, self.vector_prefix, low, 0, n)
        self._add_row(dst, self.bias_row)
        extra = self.word_extra.get(low)
        if extra is not None:  # its words as str.split() finds them
            ex = <str>extra
            m = len(ex)
            i = 0
            while i < m:
                while i < m and Py_UNICODE_ISSPACE(ex[i]):
                    i += 1
                a = i
                while i < m and not Py_UNICODE_ISSPACE(ex[i]):
                    i += 1
                if i > a:
                    if nq == BATCH:
                        self._add_rows(dst, q, nq)
                        nq = 0
                    _queue(q, &nq, "", ex, a, i)
        self._add_rows(dst, q, nq)
        return (low, lb, sh, low in self.places)

    cdef void _add_rows(self, int64_t* dst, Lookup* q, Py_ssize_t n) noexcept:
        """Add to ``dst`` the vector of each feature ``q`` looks up (0 for an unknown one)."""
        cdef Py_ssize_t i
        _kt_find_many(&self.features, q, n)
        for i in range(n):
            if q[i].row >= 0:
                _prefetch(self.ftab + q[i].row * NL)
                _prefetch(self.ftab + q[i].row * NL + NL - 1)
        for i in range(n):
            self._add_row(dst, q[i].row * NL if q[i].row >= 0 else -1)

    cdef Py_ssize_t pos_vec(self, Py_ssize_t i, int pos) except -1:
        """Offset of the vector of the features of word record ``i`` at run position ``pos``:
        its position-free vector plus the position part."""
        cdef Py_ssize_t off = self.recs[i].vec[pos]
        if off >= 0:
            return off
        cdef tuple m = <tuple>self.wmeta[i]
        cdef Py_ssize_t part, j
        p = _POSITIONS[pos]
        # Position features depend on the word itself only at a sentence start (a, s).
        key = (p, m[1], m[2], m[3], m[0] if pos == 0 or pos == 3 else "")
        o = self.pos_parts.get(key)
        if o is None:
            part = self._alloc(1)
            self._add_feats(self.arena + part, self.position_features(p, m[0], m[1], m[2], m[3]))
            self.pos_parts[_untracked(key)] = part
        else:
            part = o
        off = self._alloc(1)
        cdef Py_ssize_t base = self.recs[i].base
        for j in range(NL):
            self.arena[off + j] = self.arena[base + j] + self.arena[part + j]
        self.recs[i].vec[pos] = off
        return off

    cdef inline Py_ssize_t word_vec(self, str word, int pos) except -1:
        """Offset of the vector of ``word``'s features at run position ``pos``."""
        return self.pos_vec(self.word_id(word), pos)

    cdef Py_ssize_t _context(self, dict cache, str token, tuple kinds) except -1:
        """Offset of one vector per context kind in ``kinds`` (indexes into "pqnlPNr"), cached
        in ``cache`` unless it is None: ``token``'s context feature of that kind plus its
        capitalisation feature (features.context_features)."""
        if cache is not None:
            v = cache.get(token)
            if v is not None:
                return <Py_ssize_t>v
        cdef str low = token.lower()
        cdef int c = 1 if token[:1].isupper() else 0
        cdef Py_ssize_t off = self._alloc(len(kinds)), m, k, j
        cdef int64_t* a
        for m in range(len(kinds)):
            k = kinds[m]
            a = self.arena + off + m * NL
            self._add_row(a, self._row(<str>_CONTEXT_PREFIXES[k], low, 0, len(low)))
            for j in range(NL):
                a[j] += self.capv[c][k][j]
        if cache is not None:
            cache[token] = off
        return off

    cdef inline Py_ssize_t inner_ctx(self, Py_ssize_t i, object words, Py_ssize_t k) except -1:
        """Offset of 4 vectors: word record ``i`` (``words[k]``) as the previous, second
        previous and next token of another word of its run, and as the run's last word (p, q,
        n, l)."""
        cdef Py_ssize_t off = self.recs[i].inner
        if off < 0:
            off = self._context(None, <str>words[k], _INNER)
            self.recs[i].inner = off
        return off

    cdef inline Py_ssize_t after_ctx(self, str token) except -1:
        """Offset of 2 vectors: the token after a run as its last word's next token and as the
        token after the whole run (N, r)."""
        return self._context(self.after, token, _AFTER)

    cdef Py_ssize_t before_ctx(self, str token) except -1:
        """2 x the offset of 2 vectors, plus 1 when a sentence starts after ``token``: the token
        before a run as its first word's previous token (with the empty second previous token
        and the start row), and as its second word's second previous token (P, q)."""
        v = self.before.get(token)
        if v is not None:
            return <Py_ssize_t>v
        cdef Py_ssize_t off = self._context(None, token, _BEFORE), j
        for j in range(NL):
            self.arena[off + j] += self.q0[j] + self.start_row[j]
        cdef Py_ssize_t out = 2 * off + (1 if token in self.sentence_prev else 0)
        self.before[token] = out
        return out

    # -- tagging -----------------------------------------------------------------------------
    cdef int _totals(self, list words, str prev, str nxt, int64_t* tot) except -1:
        """Per word of a run, its summed score vector (the first word's with the start row)."""
        cdef Py_ssize_t n = len(words), i
        cdef uint64_t hs[STACK_WORDS]
        cdef Py_ssize_t stack_ids[STACK_WORDS]
        cdef Py_ssize_t* ids = stack_ids
        cdef str w
        if 1 < n <= STACK_WORDS:  # the words' slots fetched side by side, then looked up
            for i in range(n):
                w = <str>words[i]
                hs[i] = _kt_hash("", w, 0, len(w))
                _prefetch(&self.word_keys.slots[hs[i] & self.word_keys.mask])
        cdef Py_ssize_t b = self.before_ctx(prev)
        cdef Py_ssize_t af = self.after_ctx(nxt)
        if n > STACK_WORDS:
            ids = <Py_ssize_t*>malloc(n * sizeof(Py_ssize_t))
            if ids == NULL:
                raise MemoryError()
        try:
            for i in range(n):
                ids[i] = (self.word_id_h(<str>words[i], hs[i]) if 1 < n <= STACK_WORDS
                          else self.word_id(<str>words[i]))
            return self._sum_totals(ids, words, n, b, af, tot)
        finally:
            if ids != stack_ids:
                free(ids)

    cdef int _sum_totals(self, Py_ssize_t* ids, object words, Py_ssize_t n, Py_ssize_t b,
                         Py_ssize_t af, int64_t* tot) except -1:
        """:meth:`_totals` of the ``n`` words of a run whose word records are ``ids``, after
        ``b`` (:meth:`before_ctx`) and before ``af`` (:meth:`after_ctx`)."""
        cdef Py_ssize_t i, j
        cdef bint sent = b & 1
        b >>= 1
        cdef Py_ssize_t first = self.pos_vec(ids[0], 0 if n == 1 and sent else
                                             1 if n == 1 else 3 if sent else 2)
        cdef int64_t* A
        if n == 1:
            A = self.arena
            for j in range(NL):
                tot[j] = A[first + j] + A[b + j] + A[af + j]
            return 0
        # Every word of a longer run also sees the token after the run and the run's last
        # word ("whole"), so that the type chosen at its first word can depend on how the run
        # ends.
        cdef Py_ssize_t stack_ctx[STACK_WORDS]
        cdef Py_ssize_t stack_vec[STACK_WORDS]
        cdef Py_ssize_t* ctx = stack_ctx
        cdef Py_ssize_t* vec = stack_vec
        cdef int64_t whole
        if n > STACK_WORDS:
            ctx = <Py_ssize_t*>malloc(2 * n * sizeof(Py_ssize_t))
            if ctx == NULL:
                raise MemoryError()
            vec = ctx + n
        try:
            vec[0] = first
            ctx[0] = self.inner_ctx(ids[0], words, 0)
            for i in range(1, n):
                vec[i] = self.pos_vec(ids[i], 4 if i < n - 1 else 5)
                ctx[i] = self.inner_ctx(ids[i], words, i)
            A = self.arena  # no allocation below: offsets are final
            for i in range(n):  # the rows summed below, fetched side by side
                _prefetch(A + vec[i])
                _prefetch(A + vec[i] + NL - 1)
                for j in range(0, 4 * NL, 8):
                    _prefetch(A + ctx[i] + j)
                _prefetch(A + ctx[i] + 4 * NL - 1)
            for j in range(NL):
                whole = A[af + NL + j] + A[ctx[n - 1] + 3 * NL + j]
                # first word: its previous token and the empty one before (in b), the next word
                tot[j] = A[first + j] + A[b + j] + A[ctx[1] + 2 * NL + j] + whole
                for i in range(1, n):
                    tot[i * NL + j] = (
                        A[vec[i] + j]
                        + A[ctx[i - 1] + j]  # previous word (p)
                        + (A[ctx[i - 2] + NL + j] if i > 1 else A[b + NL + j])  # q
                        + (A[ctx[i + 1] + 2 * NL + j] if i + 1 < n else A[af + j])  # n / N
                        + whole
                    )
        finally:
            if ctx != stack_ctx:
                free(ctx)
        return 0

    cdef list _decode(self, int64_t* tot, Py_ssize_t n, int64_t* hist):
        """:meth:`_decode_into` as a list."""
        cdef int stack_out[STACK_WORDS]
        cdef int* out = stack_out
        cdef Py_ssize_t i
        if n > STACK_WORDS:
            out = <int*>malloc(n * sizeof(int))
            if out == NULL:
                raise MemoryError()
        try:
            self._decode_into(tot, n, hist, out)
            return [out[i] for i in range(n)]
        finally:
            if out != stack_out:
                free(out)

    cdef void _decode_into(self, int64_t* tot, Py_ssize_t n, int64_t* hist, int* out) noexcept:
        """Viterbi over per-word totals: each label's best score per word (``hist`` keeps
        them), the best label a run may end with, then the best path read back from the kept
        scores, choosing as the forward pass does (the first best label). ``out``: the path's
        BIO label indexes (labels.to_bio)."""
        cdef Py_ssize_t i, j, k
        cdef int64_t best, x
        cdef int64_t* prev
        cdef int64_t* cur
        for j in range(NL):
            hist[j] = tot[j]
        for i in range(1, n):
            prev = hist + (i - 1) * NL
            cur = hist + i * NL
            for j in range(NL):
                best = prev[0] + self.trans[0][j]
                for k in range(1, NL):
                    x = prev[k] + self.trans[k][j]
                    if x > best:
                        best = x
                cur[j] = tot[i * NL + j] + best
        cdef int label = 0
        cur = hist + (n - 1) * NL
        for j in range(1, NL):
            if self.ends[j] and cur[j] > cur[label]:
                label = j
        out[n - 1] = self.bio[label]
        for i in range(n - 2, -1, -1):
            prev = hist + i * NL
            k = 0
            best = prev[0] + self.trans[0][label]
            for j in range(1, NL):
                x = prev[j] + self.trans[j][label]
                if x > best:
                    best = x
                    k = j
            label = k
            out[i] = self.bio[label]

    def tag(self, words, str prev, str nxt):
        """Viterbi labels of the words of one run, as BIO label indexes (labels.BIO_LABELS)."""
        cdef list ws = list(words)
        cdef Py_ssize_t n = len(ws)
        if n == 0:
            return []
        if not self.busy:  # split_places calls back from inside extract
            self._check_limits()
        return self._tag(ws, prev, nxt)

    cdef list _tag(self, list words, str prev, str nxt):
        cdef Py_ssize_t n = len(words)
        cdef int64_t stack[2 * STACK_WORDS * NL]
        cdef int64_t* buf = stack
        if n > STACK_WORDS:
            buf = <int64_t*>malloc(2 * n * NL * sizeof(int64_t))
            if buf == NULL:
                raise MemoryError()
        try:
            self._totals(words, prev, nxt, buf)
            return self._decode(buf, n, buf + n * NL)
        finally:
            if buf != stack:
                free(buf)

    def word_lanes(self, str word, str pos):
        """The fixed-point vector of ``word``'s features at ``pos`` (for tests)."""
        self._check_limits()
        cdef Py_ssize_t off = self.word_vec(word, _POSITIONS.index(pos))
        return [self.arena[off + j] for j in range(NL)]

    def feature_lanes(self, feats):
        """The fixed-point sum of the vectors of ``feats`` (for tests)."""
        cdef int64_t acc[NL]
        memset(acc, 0, sizeof(acc))
        self._add_feats(acc, feats)
        return [acc[j] for j in range(NL)]

    # -- runs to mentions --------------------------------------------------------------------
    cdef tuple _single(self, str word, str low, str prev, str nxt):
        """Mentions of a one-word run (``low``: its lower case), as (start, end, name, type,
        doubtful): doubtful when the word starts a sentence, is usually written in lower case
        and its label does not outscore every other by the sure margin, a fact ("Serang", a
        city; "serang": attack) as much as a word the model tags (see
        :meth:`_named_elsewhere`)."""
        cdef int64_t tot[NL]
        cdef int lab = 0, j
        cdef bint sent = prev in self.sentence_prev
        cdef str typ
        fact = self.facts.get(low)
        if fact is not None:
            typ = <str>fact
            if not sent:
                return ((0, len(word), *self.normalised(word, typ), False),)
            self._totals([word], prev, nxt, tot)
            lab = 4 + 4 * _TYPES.index(typ)  # U-<type>
            return ((0, len(word), *self.normalised(word, typ),
                     self._doubtful(word, tot, lab)),)
        self._totals([word], prev, nxt, tot)
        for j in range(1, NL):  # a one-word run: O or U-X (the start row forbids I-X, L-X)
            if self.ends[j] and tot[j] > tot[lab]:
                lab = j
        if lab == 0:  # O
            return ()
        typ = _TYPES[(lab - 1) // 4]
        if typ == "PER" and word.rstrip(".").lower() in self.titles:
            return ()
        if self.credit_match(low) is not None or (
                prev.lower() in self.cite_words and self.web_address_match(low) is not None):
            return ()  # a credit: "(Antara)", "kepada Okezone", "dilansir dari Self.com"
        cdef bint doubtful = sent and self._doubtful(word, tot, lab)
        return ((0, len(word), *self.normalised(word, typ), doubtful),)

    cdef tuple _single_at(self, Py_ssize_t rid, str word, str low, str prev, str nxt,
                          Py_ssize_t pid, Py_ssize_t nid):
        """:meth:`_single` of run record ``rid`` (one word, ``word``) between the context
        tokens ``prev`` and ``nxt`` (their records ``pid``, ``nid``): its fact type, word
        record, normalised names and whether it is a title, a credit or a web address are found
        once per run; in a new context it is only scored there."""
        cdef RunRec* rec = &self.rrecs[rid]
        cdef int64_t tot[NL]
        cdef int lab = 0, j, t
        cdef bint sent = prev in self.sentence_prev
        if not rec.flags & R_FACT:
            fact = self.facts.get(low)
            rec.flags |= R_FACT | (
                (0 if fact is None else 1 + _TYPES.index(fact)) << R_FACT_SHIFT)
        t = (rec.flags >> R_FACT_SHIFT) & 3
        if t:
            t -= 1
            if not sent:
                return ((0, len(word), *self._name_at(rid, word, t), False),)
            self._single_totals(rid, word, prev, nxt, pid, nid, tot)
            lab = 4 + 4 * t  # U-<type>
            return ((0, len(word), *self._name_at(rid, word, t),
                     self._doubtful_at(self.rrecs[rid].wid, tot, lab)),)
        self._single_totals(rid, word, prev, nxt, pid, nid, tot)
        for j in range(1, NL):  # a one-word run: O or U-X (the start row forbids I-X, L-X)
            if self.ends[j] and tot[j] > tot[lab]:
                lab = j
        if lab == 0:  # O
            return ()
        t = (lab - 1) // 4
        rec = &self.rrecs[rid]
        if t == 0:  # PER
            if not rec.flags & R_TITLE_KNOWN:
                rec.flags |= R_TITLE_KNOWN | (
                    R_TITLE if word.rstrip(".").lower() in self.titles else 0)
            if rec.flags & R_TITLE:
                return ()
        if not rec.flags & R_CREDIT_KNOWN:
            rec.flags |= R_CREDIT_KNOWN | (R_CREDIT if self.credit_match(low) is not None else 0)
        if rec.flags & R_CREDIT:
            return ()  # a credit: "(Antara)", "kepada Okezone"
        if prev.lower() in self.cite_words:
            if not rec.flags & R_WEB_KNOWN:
                rec.flags |= R_WEB_KNOWN | (
                    R_WEB if self.web_address_match(low) is not None else 0)
            if rec.flags & R_WEB:
                return ()  # a credit: "dilansir dari Self.com"
        cdef bint doubtful = sent and self._doubtful_at(rec.wid, tot, lab)
        return ((0, len(word), *self._name_at(rid, word, t), doubtful),)

    cdef int _single_totals(self, Py_ssize_t rid, str word, str prev, str nxt, Py_ssize_t pid,
                            Py_ssize_t nid, int64_t* tot) except -1:
        """:meth:`_totals` of the one word ``word`` of run record ``rid`` between ``prev`` and
        ``nxt`` (their records ``pid``, ``nid``)."""
        if self.prev_recs[pid].single_ctx < 0:
            self.prev_recs[pid].single_ctx = self.before_ctx(prev)
        if self.next_recs[nid].single_ctx < 0:
            self.next_recs[nid].single_ctx = self.after_ctx(nxt)
        cdef Py_ssize_t b = self.prev_recs[pid].single_ctx
        cdef Py_ssize_t af = self.next_recs[nid].single_ctx
        if self.rrecs[rid].wid < 0:
            self.rrecs[rid].wid = self.word_id(word)
        return self._sum_totals(&self.rrecs[rid].wid, None, 1, b, af, tot)

    cdef tuple _name_at(self, Py_ssize_t rid, str word, int t):
        """``normalised(word, type t)`` of one-word run record ``rid``, made once."""
        memo = self.run_memo[rid]
        if memo is None:
            memo = (None, None, None)
        name = (<tuple>memo)[t]
        if name is None:
            name = tuple(self.normalised(word, <str>_TYPES[t]))
            memo = tuple([name if k == t else (<tuple>memo)[k] for k in range(3)])
            self.run_memo[rid] = _untracked(memo)
        return <tuple>name

    cdef bint _doubtful(self, str word, int64_t* tot, int lab):
        """Whether a one-word run at a sentence start whose scores are ``tot`` is a doubtful
        ``lab`` (see :meth:`_doubtful_at`; the word's vector is cached: :meth:`_totals`
        ran)."""
        return self._doubtful_at(_kt_find(&self.word_keys, "", word, 0, len(word)), tot, lab)

    cdef bint _doubtful_at(self, Py_ssize_t i, int64_t* tot, int lab):
        """Whether a one-word run at a sentence start of word record ``i`` whose scores are
        ``tot`` is a doubtful ``lab``: the word is usually written in lower case and ``lab``
        does not outscore every other label by the sure margin."""
        if (<tuple>self.wmeta[i])[1] not in self.doubtful_buckets:
            return False
        cdef int64_t other = tot[0]  # O (``lab`` is never O)
        cdef int j
        for j in range(1, NL):
            if j != lab and self.ends[j] and tot[j] > other:
                other = tot[j]
        return tot[lab] - other < self.sure_margin

    cdef bint _named_elsewhere(self, str text, str word, Py_ssize_t at):
        """Whether ``text`` writes ``word`` (found at ``at``) capitalised somewhere that is not
        the start of a sentence: a word that only starts sentences may be an ordinary word
        ("Serang proyektil ...": attack), one also written so mid-sentence is a name."""
        cdef Py_ssize_t i = text.find(word), n = len(word), end
        while i >= 0:
            end = i + n
            if i != at and not (i and text[i - 1].isalnum()) \
                    and not (end < len(text) and text[end].isalnum()) \
                    and prev_token(text, i) not in self.sentence_prev:
                return True
            i = text.find(word, i + 1)
        return False

    cdef str _ctx_key(self, dict keys, str kind, str token):
        """The token itself if the model knows it as context ``kind`` (p: before a run, n:
        after it), else a stand-in that scores the same, so that runs in unknown contexts
        share cache entries."""
        out = keys.get(token)
        if out is not None:
            return <str>out
        cdef str low = token.lower()
        cdef Py_ssize_t n = len(low)
        if (kind == "p" and (self._row("P=", low, 0, n) >= 0 or self._row("q=", low, 0, n) >= 0)) \
                or (kind == "n" and (self._row("N=", low, 0, n) >= 0
                                     or self._row("r=", low, 0, n) >= 0)):
            out = token
        elif kind == "p" and token in self.sentence_prev:
            out = _BOS
        else:
            out = "Unk" if token[:1].isupper() else "unk"
        keys[token] = out
        return <str>out

    cdef object _single_prev_key(self, str token):
        """What a one-word run's mentions depend on of the token before it (see
        :meth:`_single`): the token itself if the model knows it as the previous token ("P="),
        else only whether it is capitalised, starts a sentence and is a cite word (an int: no
        token equals it)."""
        out = self.spkeys.get(token)
        if out is None:
            low = token.lower()
            if self._row("P=", low, 0, len(low)) >= 0:
                out = token
            else:
                out = ((1 if token[:1].isupper() else 0) | (2 if token in self.sentence_prev else 0)
                       | (4 if low in self.cite_words else 0))
            self.spkeys[token] = out
        return out

    cdef object _single_next_key(self, str token):
        """What a one-word run's mentions depend on of the token after it: the token itself if
        the model knows it as the next token ("N="), else only whether it is capitalised."""
        out = self.snkeys.get(token)
        if out is None:
            low = token.lower()
            out = token if self._row("N=", low, 0, len(low)) >= 0 else (
                1 if token[:1].isupper() else 0)
            self.snkeys[token] = out
        return out

    cdef tuple _run_entities(self, str run, str prev, str nxt):
        """Mentions (relative start, relative end, name, type) of a run of several words,
        cached by the run and the keys of its context tokens."""
        cdef str pk = self._ctx_key(self.pkeys, "p", prev)
        cdef str nk = self._ctx_key(self.nkeys, "n", nxt)
        key = (pk, run, nk)
        found = self.runs.get(key)
        if found is None:
            found = self._run_found(run, pk, nk)
            self.runs[_untracked(key)] = _untracked(found)
        return <tuple>found

    cdef tuple _run_found(self, str run, str prev, str nxt):
        """Mentions (relative start, relative end, name, type) of a run of several words after
        the token (or context key) ``prev`` and before ``nxt``, from its strings: the plain
        reference of :meth:`_run_found_at`."""
        cdef list words = run.split(" ")  # runs are joined by single spaces
        cdef str low = run.lower()
        cdef Py_ssize_t n = len(words), i
        cdef list labels
        if low in self.places:  # a well-known place on its own is a place
            labels = [5] + [6] * (n - 1)
        elif low in self.orgs:
            labels = [3] + [4] * (n - 1)
        else:
            labels = self._tag(words, prev, nxt)
            # split_places changes only a B-X followed by its I-X: most runs need no call.
            for i in range(n - 1):
                if <int>labels[i] % 2 == 1 and <int>labels[i + 1] == <int>labels[i] + 1:
                    for w in words:
                        if (<str>w).lower() in self.place_first:
                            labels = self.split_places(words, labels, nxt)
                            break
                    break
        return self._labels_found(run, words, labels)

    cdef tuple _run_found_at(self, Py_ssize_t rid, str run, str low, str prev, str nxt,
                             Py_ssize_t pid, Py_ssize_t nid):
        """:meth:`_run_found` of run record ``rid`` (``run``, lower case ``low``) between the
        context token records ``pid`` and ``nid`` (their run keys ``prev``, ``nxt``): its words,
        their records and whether it is a well-known place or organisation are found once per
        run; in a new context it is only scored and decoded, and its mentions are those of the
        same labels before (unless split_places, which reads the context, changes them)."""
        cdef RunRec* rec = &self.rrecs[rid]
        cdef Py_ssize_t n, i
        cdef unsigned int flags
        cdef Py_ssize_t* grown
        cdef tuple words
        if not rec.flags & R_WORDS:
            words = tuple(run.split(" "))  # runs are joined by single spaces
            n = len(words)
            if n > MAX_LABEL_WORDS:
                return self._run_found(run, prev, nxt)
            flags = R_WORDS
            if low in self.places:
                flags |= R_PLACE
            elif low in self.orgs:
                flags |= R_ORG
            else:
                for w in words:
                    if (<str>w).lower() in self.place_first:
                        flags |= R_PLACEY
                        break
                if self.nwids + n > self.wids_cap:
                    grown = <Py_ssize_t*>realloc(
                        self.run_wids, max(4096, 2 * self.wids_cap, self.nwids + n)
                        * sizeof(Py_ssize_t))
                    if grown == NULL:
                        raise MemoryError()
                    self.run_wids = grown
                    self.wids_cap = max(4096, 2 * self.wids_cap, self.nwids + n)
                for i in range(n):
                    self.run_wids[self.nwids + i] = self.word_id(<str>words[i])
                rec.wid = self.nwids
                self.nwids += n
            rec.nwords = n
            rec.flags = flags
            self.run_memo[rid] = _untracked(words)
        else:
            words = <tuple>self.run_memo[rid]
        n = rec.nwords
        cdef int labs[MAX_LABEL_WORDS]
        cdef int64_t buf[2 * MAX_LABEL_WORDS * NL]
        cdef Py_ssize_t b, af
        cdef uint64_t key
        if rec.flags & (R_PLACE | R_ORG):  # a well-known place or organisation as a whole
            labs[0] = 5 if rec.flags & R_PLACE else 3
            for i in range(1, n):
                labs[i] = labs[0] + 1
        else:
            if self.prev_recs[pid].run_ctx < 0:
                self.prev_recs[pid].run_ctx = self.before_ctx(prev)
            if self.next_recs[nid].run_ctx < 0:
                self.next_recs[nid].run_ctx = self.after_ctx(nxt)
            b = self.prev_recs[pid].run_ctx
            af = self.next_recs[nid].run_ctx
            self._sum_totals(self.run_wids + rec.wid, words, n, b, af, buf)
            self._decode_into(buf, n, buf + n * NL, labs)
            if rec.flags & R_PLACEY:  # as _run_found: split_places reads the context
                for i in range(n - 1):
                    if labs[i] % 2 == 1 and labs[i + 1] == labs[i] + 1:
                        return self._labels_found(
                            run, words,
                            self.split_places(list(words), [labs[i] for i in range(n)], nxt))
        key = <uint64_t>rid << (3 * MAX_LABEL_WORDS)
        for i in range(n):
            key |= <uint64_t>labs[i] << (3 * i)
        cdef Py_ssize_t at = _ft_find(&self.label_at, key)
        if at >= 0:
            return <tuple>self.label_found[at]
        cdef tuple found = self._labels_found(run, words, [labs[i] for i in range(n)])
        _ft_add(&self.label_at, key, len(self.label_found))
        self.label_found.append(_untracked(found))
        return found

    cdef tuple _labels_found(self, str run, object words, list labels):
        """The mentions of a run of several words (``words``) whose BIO labels are
        ``labels``."""
        cdef Py_ssize_t n = len(words), i, a, b, s, e
        cdef list spans = []
        cdef str open_type = "", typ
        cdef int lab
        a = 0
        for i in range(n):
            b = a + len(<str>words[i])
            lab = labels[i]
            if lab == 0:
                open_type = ""
            else:
                typ = _TYPES[(lab - 1) // 2]
                if lab % 2 == 1 or typ != open_type:
                    spans.append([a, b, typ])
                    open_type = typ
                else:
                    spans[len(spans) - 1][1] = b
            a = b + 1
        cdef list found = []
        for span in spans:
            s, e = span[0], span[1]
            typ = span[2]
            if self._trim(run, &s, &e, typ):
                found.append((s, e, *self.normalised(run[s:e], typ)))
        return tuple(found)

    cdef bint _trim(self, str text, Py_ssize_t* start, Py_ssize_t* end, str typ):
        """Drop leading and trailing lower-case connectors from a span within a run; False for
        what is never a mention alone (a generic head, a credit or byline, a person that is
        only titles). A title at the head of a person stays in the mention; normalisation drops
        it from the name."""
        cdef Py_ssize_t k
        while True:
            k = text.find(" ", start[0], end[0])
            if k < 0 or text[start[0] : k] not in self.connectors:
                break
            start[0] = k + 1
        while True:
            k = text.rfind(" ", start[0], end[0])
            if k < 0 or text[k + 1 : end[0]] not in self.connectors:
                break
            end[0] = k
        if start[0] >= end[0]:
            return False
        cdef str low = text[start[0] : end[0]].rstrip(".").lower()
        if low in self.not_alone or self.credit_match(low) is not None:
            return False
        if typ == "PER" and (low in self.titles or self._only_titles(low)):
            return False  # only titles: "Kasat Reskrim", "Plt Menpora"
        return True

    cdef bint _only_titles(self, str low):
        """Whether every word of ``low`` is a title or continues one (a full stop dropped)."""
        for w in low.split(" "):
            if (<str>w).rstrip(".") not in self.title_words:
                return False
        return True

    cdef Py_ssize_t _run_start(self, str text, Py_ssize_t pos):
        """The index of the first character at or after ``pos`` that can start a run, or -1."""
        cdef Py_ssize_t n = len(text)
        cdef Py_UCS4 c
        cdef const unsigned char* latin
        if PyUnicode_KIND(text) == PyUnicode_1BYTE_KIND:  # most texts: no look-up per kind
            latin = <const unsigned char*>PyUnicode_DATA(text)
            while pos < n:
                if self.run_first[latin[pos]]:
                    return pos
                pos += 1
            return -1
        cdef int kind = PyUnicode_KIND(text)
        cdef void* data = PyUnicode_DATA(text)
        while pos < n:
            c = PyUnicode_READ(kind, data, pos)
            if c < 256 and self.run_first[c]:
                return pos
            pos += 1
        return -1

    cdef inline bint _up(self, Py_UCS4 c):
        """Whether ``c`` is a capital a run's word can start with (runs.RUN_FIRST)."""
        return c < 256 and self.run_first[c]

    cdef Py_ssize_t _cap_end(self, int kind, void* data, Py_ssize_t i, Py_ssize_t n) noexcept:
        """The end of the rest of a capitalised word from ``i`` on (runs._CAP_REST, greedy:
        letters and digits, then any [-'’.] each followed by letters or digits) in a text of
        ``n`` code points (its ``kind`` and ``data``)."""
        cdef Py_UCS4 c
        while i < n and _alnum(PyUnicode_READ(kind, data, i)):
            i += 1
        while i + 1 < n and _alnum(PyUnicode_READ(kind, data, i + 1)):
            c = PyUnicode_READ(kind, data, i)
            if c != 45 and c != 39 and c != 0x2019 and c != 46:  # - ' ’ .
                break
            i += 2
            while i < n and _alnum(PyUnicode_READ(kind, data, i)):
                i += 1
        return i

    cdef Py_ssize_t _run_end(self, str text, Py_ssize_t start):
        """The end of the run that starts at ``start`` (a character of RUN_FIRST), or -1 if
        none does: where ``runs.RUN_RE.match(text, start)`` ends (``tests/
        test_extraction_fast_paths.py`` proves them equal), without the regex engine. Each step
        of the regex's tail is taken the first way it can be (a connector, a lone hyphen or
        apostrophe, or a full stop after an initial, then a capitalised word; else a
        capitalised word; else a number of 1 to 4 digits), and no later step can fail, so the
        greedy match never backtracks across steps."""
        cdef Py_ssize_t n = len(text), e, p, q, k, lim
        cdef int kind = PyUnicode_KIND(text)
        cdef void* data = PyUnicode_DATA(text)
        cdef Py_UCS4 c
        if start > 0 and _alnum(PyUnicode_READ(kind, data, start - 1)):
            return -1  # (?<![^\W_][UP]): a capital inside a word starts no run
        e = self._cap_end(kind, data, start + 1, n)
        while e + 1 < n and PyUnicode_READ(kind, data, e) == 32:
            p = e
            # q: text.find(" ", p + 1, p + 2 + max_connector)
            lim = p + 2 + self.max_connector
            if lim > n:
                lim = n
            q = p + 1
            while q < lim and PyUnicode_READ(kind, data, q) != 32:
                q += 1
            if q > p + 1 and q < lim and q + 1 < n and self._up(PyUnicode_READ(kind, data, q + 1)):
                tok = text[p + 1 : q]
                if tok in self.connectors or tok == "-" or tok == "'" or tok == "’" or (
                        tok == "." and p >= 2 and PyUnicode_READ(kind, data, p - 2) == 32
                        and self._up(PyUnicode_READ(kind, data, p - 1))):
                    e = self._cap_end(kind, data, q + 2, n)
                    continue
            if self._up(PyUnicode_READ(kind, data, p + 1)):
                e = self._cap_end(kind, data, p + 2, n)
                continue
            k = p + 1
            while k < n:
                c = PyUnicode_READ(kind, data, k)
                if not c.isdecimal():
                    break
                k += 1
            if k == p + 1 or k - p - 1 > 4 or (k < n and _alnum(PyUnicode_READ(kind, data, k))):
                break
            e = k
        return e

    def run_spans(self, str text):
        """(start, end) of each candidate run of ``text``, as :meth:`extract` finds them: the
        spans of ``runs.RUN_RE.finditer`` (runs are never empty)."""
        cdef list out = []
        cdef Py_ssize_t pos = 0, start, end
        while True:
            start = self._run_start(text, pos)
            if start < 0:
                return out
            end = self._run_end(text, start)
            if end < 0:
                pos = start + 1
            else:
                pos = end
                out.append((start, pos))

    cdef object _entity(self, object name, object typ, Py_ssize_t start, Py_ssize_t end):
        """``entity(name, typ, start, end)`` as ``names.make_entity`` makes it (a new record,
        its slots set one by one), without calls through Python."""
        ent = (<PyTypeObject*>self.entity).tp_new(self.entity, <PyObject*>_NO_ARGS, NULL)
        cdef tuple slots = self.entity_slots
        Py_TYPE(slots[0]).tp_descr_set(slots[0], ent, name)
        Py_TYPE(slots[1]).tp_descr_set(slots[1], ent, typ)
        Py_TYPE(slots[2]).tp_descr_set(slots[2], ent, start)
        Py_TYPE(slots[3]).tp_descr_set(slots[3], ent, end)
        return ent

    # -- runs and context tokens as record numbers ---------------------------------------------
    cdef Py_ssize_t _key_id(self, object key) except -1:
        """The number of a context key (a token, a stand-in, or an int; see _ctx_key and
        _single_prev_key): equal keys, one number."""
        v = self.key_ids.get(key)
        if v is None:
            v = len(self.key_ids)
            self.key_ids[key] = v
        return <Py_ssize_t>v

    cdef Py_ssize_t _run_id(self, str text, Py_ssize_t start, Py_ssize_t end,
                            uint64_t h) except -1:
        """The record number of the run ``text[start:end]`` (run_info; ``h``: its key's hash),
        made when it is new: (run, its lower case, 0: skipped (skip_plain) / 1: may end an
        official name cut by "dan" (org_parts) / 2: skipped unless it does (skip_rest) / 3:
        tagged, its org parts, whether it has a space)."""
        cdef Py_ssize_t v = _kt_find_h(&self.run_keys, "", text, start, end, h)
        if v >= 0:
            return v
        cdef str run = text[start:end]
        cdef str low = run.lower()
        cdef int kind
        parts = None
        if low in self.skip_plain:
            kind = 0
        else:
            parts = self.org_parts.get(low.rpartition(" ")[2])
            kind = 1 if parts is not None else 2 if low in self.skip_rest else 3
        cdef bint space = " " in run
        cdef RunRec* grown
        v = self.run_keys.count
        if v == self.rrec_cap:
            grown = <RunRec*>realloc(self.rrecs, max(1024, 2 * self.rrec_cap) * sizeof(RunRec))
            if grown == NULL:
                raise MemoryError()
            self.rrecs = grown
            self.rrec_cap = max(1024, 2 * self.rrec_cap)
        self.rrecs[v].kind = kind
        self.rrecs[v].space = space
        self.rrecs[v].flags = 0
        self.rrecs[v].wid = -1
        self.rrecs[v].nwords = 0
        self.run_info.append(_untracked((run, low, kind, parts, space)))
        self.run_memo.append(None)
        return _kt_add(&self.run_keys, text, start, end)

    cdef Py_ssize_t _prev_id(self, str text, Py_ssize_t start) except -1:
        """The record number of the token before ``start`` (prev_info), made when it is new."""
        cdef Py_ssize_t a = 0, b = len(_BOS), v
        cdef str src = text
        if not _prev_span(text, start, &a, &b):
            src, a, b = _BOS, 0, len(_BOS)
        v = _kt_find(&self.prev_keys, "", src, a, b)
        if v >= 0:
            return v
        cdef str token = src[a:b]
        cdef str pk = self._ctx_key(self.pkeys, "p", token)
        cdef bint head = token in self.heads
        cdef Py_ssize_t skey = self._key_id(self._single_prev_key(token))
        cdef Py_ssize_t rkey = self._key_id(pk)
        self.prev_info.append(_untracked((token, head, skey, rkey, pk)))
        v = self.prev_keys.count
        if v == self.prev_cap:
            self.prev_recs = _grown_toks(self.prev_recs, &self.prev_cap)
        self.prev_recs[v].head = head
        self.prev_recs[v].single_key = skey
        self.prev_recs[v].run_key = rkey
        self.prev_recs[v].run_ctx = self.prev_recs[v].single_ctx = -1
        return _kt_add(&self.prev_keys, src, a, b)

    cdef Py_ssize_t _next_id(self, str text, Py_ssize_t end) except -1:
        """The record number of the token after ``end`` (next_info), made when it is new."""
        cdef Py_ssize_t a = 0, b = len(_EOS), v
        cdef str src = text
        if not _next_span(text, end, &a, &b):
            src, a, b = _EOS, 0, len(_EOS)
        v = _kt_find(&self.next_keys, "", src, a, b)
        if v >= 0:
            return v
        cdef str token = src[a:b]
        cdef str nk = self._ctx_key(self.nkeys, "n", token)
        cdef Py_ssize_t skey = self._key_id(self._single_next_key(token))
        cdef Py_ssize_t rkey = self._key_id(nk)
        self.next_info.append(_untracked((token, skey, rkey, nk)))
        v = self.next_keys.count
        if v == self.next_cap:
            self.next_recs = _grown_toks(self.next_recs, &self.next_cap)
        self.next_recs[v].head = False
        self.next_recs[v].single_key = skey
        self.next_recs[v].run_key = rkey
        self.next_recs[v].run_ctx = self.next_recs[v].single_ctx = -1
        return _kt_add(&self.next_keys, src, a, b)

    cdef tuple _found_slow(self, str text, Py_ssize_t* start, Py_ssize_t end, str run, str low):
        """The mentions of a run from its strings (a run that a head word lengthens, or that an
        official name cut by "dan" shortened); sets cur_run."""
        cdef str prev = prev_token(text, start[0]), nxt
        cdef tuple found
        if prev in self.heads:  # "desa Kramas": a head word the gold data counts in
            start[0] -= len(prev) + 1
            run = text[start[0]:end]
            prev = prev_token(text, start[0])
        if " " in run:
            found = self._run_entities(run, prev, next_token(text, end))
        else:  # one word, and low its lower case (a head word makes two)
            nxt = next_token(text, end)
            key = (self._single_prev_key(prev), run, self._single_next_key(nxt))
            cached = self.singles.get(key)
            if cached is None:
                cached = self._single(run, low, prev, nxt)
                self.singles[_untracked(key)] = _untracked(cached)
            found = <tuple>cached
            if found and found[0][4] and not self._named_elsewhere(text, run, start[0]):
                found = ()
        self.cur_run = run
        return found

    cdef Py_ssize_t _scan(self, str text, RunSpan** spans, Py_ssize_t cap) except -1:
        """The runs of ``text`` as run_spans finds them into ``spans[0]`` (room for ``cap``;
        a bigger buffer is malloc'd when they need one, the caller frees it if it is not the
        one it gave), each with its key's hash; the key table's slot of each run, and then the
        code points of the key found there, are fetched side by side while the text is
        scanned (looking each run up in turn waits for both, one run after another)."""
        cdef Py_ssize_t nr = 0, pos = 0, start, end, k, i
        cdef RunSpan* buf = spans[0]
        cdef RunSpan* grown
        cdef KeyTable* t = &self.run_keys
        while True:
            start = self._run_start(text, pos)
            if start < 0:
                break
            end = self._run_end(text, start)
            if end < 0:
                pos = start + 1
                continue
            pos = end
            if nr == cap:
                grown = <RunSpan*>malloc(2 * cap * sizeof(RunSpan))
                if grown == NULL:
                    raise MemoryError()
                for i in range(nr):
                    grown[i] = buf[i]
                if buf != spans[0]:
                    free(buf)
                buf = grown
                cap *= 2
            buf[nr].start = start
            buf[nr].end = end
            buf[nr].h = _kt_hash("", text, start, end)
            _prefetch(&t.slots[buf[nr].h & t.mask])
            nr += 1
        for i in range(nr):
            k = buf[i].h & t.mask
            while t.slots[k].h != 0 and t.slots[k].h != buf[i].h:
                k = (k + 1) & t.mask
            if t.slots[k].h != 0:
                _prefetch(t.pool + t.slots[k].at)
        spans[0] = buf
        return nr

    cdef void _look_ahead(self, str text, RunSpan* spans, Py_ssize_t nr, bint plain) noexcept:
        """What the runs of a text found in the caches yield, looked up for all of them side by
        side before their turns (each step of a run waits on memory that the step before
        found: its run record, its context tokens' records, the found table's slot, the
        mentions), each step's memory fetched for every run before the next step reads it.
        Only looks: a run or token that is new is made in its turn, as is the found entry."""
        cdef Py_ssize_t r, k, pkey, nkey, at
        cdef RunSpan* sp
        cdef KeyTable* t
        cdef uint64_t key, want
        cdef PyObject* found
        for r in range(nr):
            sp = &spans[r]
            sp.pid = sp.nid = sp.at = -1
            sp.ctx = False
            sp.fkey = 0
            sp.rid = -1 if plain else _kt_find_h(&self.run_keys, "", text, sp.start, sp.end,
                                                 sp.h)
            if sp.rid >= 0:
                _prefetch(&self.rrecs[sp.rid])
        if plain:
            return
        # the context tokens of the runs that are looked up in context (kind 3)
        for r in range(nr):
            sp = &spans[r]
            if sp.rid < 0 or self.rrecs[sp.rid].kind != 3:
                continue
            sp.ctx = True
            if _prev_span(text, sp.start, &sp.pa, &sp.pb):
                sp.ph = _kt_hash("", text, sp.pa, sp.pb)
            else:
                sp.pa = -1
                sp.ph = _kt_hash("", _BOS, 0, len(_BOS))
            _prefetch(&self.prev_keys.slots[sp.ph & self.prev_keys.mask])
            if _next_span(text, sp.end, &sp.na, &sp.nb):
                sp.nh = _kt_hash("", text, sp.na, sp.nb)
            else:
                sp.na = -1
                sp.nh = _kt_hash("", _EOS, 0, len(_EOS))
            _prefetch(&self.next_keys.slots[sp.nh & self.next_keys.mask])
        for r in range(nr):  # the keys' code points where a slot holds their hash
            sp = &spans[r]
            if not sp.ctx:
                continue
            t = &self.prev_keys
            k = sp.ph & t.mask
            while t.slots[k].h != 0 and t.slots[k].h != sp.ph:
                k = (k + 1) & t.mask
            if t.slots[k].h != 0:
                _prefetch(t.pool + t.slots[k].at)
            t = &self.next_keys
            k = sp.nh & t.mask
            while t.slots[k].h != 0 and t.slots[k].h != sp.nh:
                k = (k + 1) & t.mask
            if t.slots[k].h != 0:
                _prefetch(t.pool + t.slots[k].at)
        for r in range(nr):
            sp = &spans[r]
            if not sp.ctx:
                continue
            sp.pid = (_kt_find_h(&self.prev_keys, "", text, sp.pa, sp.pb, sp.ph) if sp.pa >= 0
                      else _kt_find_h(&self.prev_keys, "", _BOS, 0, len(_BOS), sp.ph))
            sp.nid = (_kt_find_h(&self.next_keys, "", text, sp.na, sp.nb, sp.nh) if sp.na >= 0
                      else _kt_find_h(&self.next_keys, "", _EOS, 0, len(_EOS), sp.nh))
            if sp.pid >= 0:
                _prefetch(&self.prev_recs[sp.pid])
            if sp.nid >= 0:
                _prefetch(&self.next_recs[sp.nid])
        # the found table's slot of each run in its context
        for r in range(nr):
            sp = &spans[r]
            if sp.pid < 0 or sp.nid < 0 or self.prev_recs[sp.pid].head:
                continue
            if self.rrecs[sp.rid].space:
                pkey, nkey = self.prev_recs[sp.pid].run_key, self.next_recs[sp.nid].run_key
            else:
                pkey, nkey = self.prev_recs[sp.pid].single_key, self.next_recs[sp.nid].single_key
            if sp.rid >= KEY_LIMIT or pkey >= KEY_LIMIT or nkey >= KEY_LIMIT:
                continue
            key = (<uint64_t>sp.rid << 42) | (<uint64_t>pkey << 21) | <uint64_t>nkey
            sp.fkey = key | FOUND_MARK
            k = _mixed(key) & self.found_at.mask
            _prefetch(&self.found_at.keys[k])
        for r in range(nr):
            sp = &spans[r]
            if sp.fkey == 0:
                continue
            want = sp.fkey
            k = _mixed(want & ~FOUND_MARK) & self.found_at.mask
            while self.found_at.keys[k] != 0:
                if self.found_at.keys[k] == want:
                    sp.at = self.found_at.vals[k]
                    _prefetch(&_list_items(self.found)[sp.at])
                    break
                k = (k + 1) & self.found_at.mask
        for r in range(nr):  # the mentions, and the first one's record
            sp = &spans[r]
            if sp.at >= 0:
                found = _list_items(self.found)[sp.at]
                _prefetch(found)
                if (<tuple>found):
                    _prefetch(_tuple_items(<tuple>found)[0])

    def extract(self, str text, bint plain=False):
        """The mentions of ``text`` in text order, before linking across mentions. ``plain``
        (for tests): every run from its strings (:meth:`_found_slow`), the reference of the
        per-run records and of what is found per run and context."""
        cdef list out = []
        cdef Py_ssize_t covered = 0, nr, r
        cdef RunSpan stack_spans[STACK_RUNS]
        cdef RunSpan* spans = stack_spans
        self._check_limits()
        self.busy = True
        try:
            nr = self._scan(text, &spans, STACK_RUNS)
            self._look_ahead(text, spans, nr, plain)
            for r in range(nr):
                self._extract_run(text, &spans[r], out, &covered, plain)
        finally:
            self.busy = False
            if spans != stack_spans:
                free(spans)
        return out

    cdef int _extract_run(self, str text, RunSpan* sp, list out, Py_ssize_t* covered_at,
                          bint plain) except -1:
        """Append the mentions of the run ``sp`` to ``out`` (what :meth:`_look_ahead` found of
        it is used; what it did not is looked up or made now); ``covered_at``: where the
        mentions so far end (a run that starts before is inside a mention found already, with
        its short form, and skipped)."""
        cdef Py_ssize_t start = sp.start, end = sp.end
        cdef Py_ssize_t s, e, e_abs, rlen, covered = covered_at[0]
        cdef Py_ssize_t rid, pid, nid, pkey, nkey, at
        cdef uint64_t key
        cdef str run, low
        cdef tuple found, info, pinfo, ninfo
        cdef int kind
        cdef bint space
        if start < covered:
            return 0
        rid = sp.rid if sp.rid >= 0 else self._run_id(text, start, end, sp.h)
        kind = self.rrecs[rid].kind
        if kind == 0 or kind == 2:  # a skipped run (the usual one: no official name ends it)
            return 0
        org = None
        if kind == 3 and not plain:
            # Only the C records are read unless the run is new in this context (the run and
            # its context tokens are text[start:end] and those next to it).
            pid = sp.pid if sp.pid >= 0 else self._prev_id(text, start)
            space = self.rrecs[rid].space
            if self.prev_recs[pid].head:  # a head word before the run
                info = <tuple>self.run_info[rid]
                found = self._found_slow(text, &start, end, <str>info[0], <str>info[1])
            else:
                nid = sp.nid if sp.nid >= 0 else self._next_id(text, end)
                if space:
                    pkey, nkey = self.prev_recs[pid].run_key, self.next_recs[nid].run_key
                else:
                    pkey, nkey = self.prev_recs[pid].single_key, self.next_recs[nid].single_key
                if rid >= KEY_LIMIT or pkey >= KEY_LIMIT or nkey >= KEY_LIMIT:
                    info = <tuple>self.run_info[rid]
                    found = self._found_slow(text, &start, end, <str>info[0], <str>info[1])
                else:
                    key = (<uint64_t>rid << 42) | (<uint64_t>pkey << 21) | <uint64_t>nkey
                    at = sp.at if sp.at >= 0 else _ft_find(&self.found_at, key)
                    if at >= 0:
                        found = <tuple>self.found[at]
                    else:
                        info = <tuple>self.run_info[rid]
                        pinfo = <tuple>self.prev_info[pid]
                        ninfo = <tuple>self.next_info[nid]
                        if space:
                            found = self._run_found_at(rid, <str>info[0], <str>info[1],
                                                       <str>pinfo[4], <str>ninfo[3], pid, nid)
                        else:
                            found = self._single_at(rid, <str>info[0], <str>info[1],
                                                    <str>pinfo[0], <str>ninfo[0], pid, nid)
                        _ft_add(&self.found_at, key, len(self.found))
                        self.found.append(_untracked(found))
                    if found and not space and found[0][4] \
                            and not self._named_elsewhere(
                                text, <str>(<tuple>self.run_info[rid])[0], start):
                        found = ()
        else:
            info = <tuple>self.run_info[rid]
            run = <str>info[0]
            low = <str>info[1]
            if kind == 1:  # "(Menurut) Kementerian Pemuda" + "dan Olahraga"
                org = self.part_name(text, end, low, info[3])
                if org is not None:
                    end = max(start, <Py_ssize_t>org[0] - 1)
                    run = text[start:end]
                    low = run.lower()
                if run and low not in (self.skip_rest if org is None else self.skip):
                    found = self._found_slow(text, &start, end, run, low)
                else:
                    found = ()
            else:  # plain
                found = self._found_slow(text, &start, end, run, low)
        # the run is text[start:end] (_found_slow may have moved its start to a head word)
        rlen = end - start
        for item in found:
            s, e = item[0], item[1]
            e_abs = start + e
            if e == rlen and text.find(" ", start + s, start + e) >= 0:
                if text.startswith(" (", e_abs):
                    e_abs = self.acronym_end(text, e_abs)
                if e_abs > covered:
                    covered = e_abs
            out.append(self._entity(item[2], item[3], start + s, e_abs))
        if org is not None:
            covered = self.acronym_end(text, org[1])
            name, typ = self.normalised(text[org[0] : org[1]], "ORG")
            out.append(self._entity(name, typ, org[0], covered))
        covered_at[0] = covered
        return 0
