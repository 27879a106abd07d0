# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
# cython: initializedcheck=False
"""The tagger's scorer: the words of a run, in the context of the tokens before and after it,
to one summed score vector per word, decoded by Viterbi (its base class, ``_ner_viterbi``).

* Score vectors are C arrays of ``int64`` in fixed point (each feature weight rounded to 1/100
  once, as the model has always scored them), in one growing arena of ``NL`` lanes per vector.
* A word's vectors (position-free, per run position, as context of its run's other words) and a
  context token's vectors are summed once from the feature table and cached by word and token;
  a run's totals are sums of cached vectors.

Every score is an exact integer sum, so the labels do not depend on summation order or on
which cache entries exist. When the arena or a cache outgrows its limit, every cache is emptied
at the start of the next call (:meth:`Scorer._check_limits`).
"""

from libc.stdint cimport int32_t, int64_t, uint64_t
from libc.stdlib cimport free, malloc, realloc
from libc.string cimport memset

from indexer._ner_tables cimport (BATCH, Lookup, PyUnicode_DATA, PyUnicode_KIND,
                                  PyUnicode_READ, ft_add, ft_clear, ft_find, ft_free, ft_init,
                                  kt_add, kt_clear, kt_find_h, kt_find_many, kt_free, kt_hash,
                                  kt_init, prefetch, queue, record_list, untracked, zmap_clear,
                                  zmap_free, zmap_grow)
from indexer._ner_viterbi cimport fixed

cdef extern from "Python.h":
    bint Py_UNICODE_ISSPACE(Py_UCS4 ch)
    int PyUnicode_4BYTE_KIND
    str PyUnicode_FromKindAndData(int kind, const void* buffer, Py_ssize_t size)

cdef extern from "stdlib.h":
    void* aligned_alloc(size_t alignment, size_t size) nogil

cdef int64_t SMALL_LIMIT = (1 << 19) - 1  # a feature weight's fixed-point range
cdef Py_ssize_t ARENA_START = 1 << 16  # lanes (512 KiB: whole pages, as a zmap's size must be)
POSITIONS = "aofsme"  # features.POSITIONS (checked when a Scorer is built)
CONTEXT_KINDS = "pqnlPNr"  # features.CONTEXT_KINDS (checked likewise)
cdef str _POSITIONS = POSITIONS
cdef str _CONTEXT_KINDS = CONTEXT_KINDS
cdef tuple _CONTEXT_PREFIXES = tuple(k + "=" for k in _CONTEXT_KINDS)


def fixed_point(weights, int64_t limit=SMALL_LIMIT):
    """A weight vector in the tagger's fixed point: each weight x 100, rounded half to even,
    clamped to +-``limit``."""
    return [fixed(x, limit) for x in weights]


cdef str _shape(str word):
    """features.shape: a coarse word shape, X for capitals, x for lower case, d for digits,
    squeezed (over the first 12 characters)."""
    cdef Py_UCS4 ch, c, last = 0
    cdef Py_UCS4 out[12]
    cdef Py_ssize_t i, m = 0, n = len(word)
    cdef int kind = PyUnicode_KIND(word)
    cdef void* data = PyUnicode_DATA(word)
    for i in range(n if n < 12 else 12):
        ch = PyUnicode_READ(kind, data, i)
        if ch.isupper():
            c = "X"
        elif ch.islower():
            c = "x"
        elif ch.isdigit():
            c = "d"
        else:
            c = ch
        if i == 0 or c != last:
            out[m] = c
            m += 1
            last = c
    return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, out, m)


cdef class Scorer(Decoder):
    """Scores and decodes the runs of one model (see its ``TaggerConfig``); holds the word and
    context vector caches (the base of :class:`indexer._ner.Tagger`)."""

    def __cinit__(self):
        memset(&self.features, 0, sizeof(KeyTable))
        memset(&self.word_keys, 0, sizeof(KeyTable))
        memset(&self.class_keys, 0, sizeof(KeyTable))
        memset(&self.class_at, 0, sizeof(FoundTable))
        self.ftab = NULL
        self.arena = NULL
        self.recs = NULL

    def __dealloc__(self):
        kt_free(&self.features)
        kt_free(&self.word_keys)
        kt_free(&self.class_keys)
        ft_free(&self.class_at)
        free(self.ftab)
        zmap_free(self.arena, self.cap * sizeof(int64_t))
        free(self.recs)

    def __init__(self, config):
        """``config``: an :class:`indexer.entities.model.TaggerConfig`; the scorer reads its
        weights, label rules and the word features it calls back."""
        cdef Py_ssize_t i, k
        Decoder.__init__(self, config)
        if config.positions != _POSITIONS or config.context_kinds != _CONTEXT_KINDS:
            raise ValueError("the tagger is compiled for positions "
                             f"{_POSITIONS!r} and context kinds {_CONTEXT_KINDS!r}")
        cdef dict weights = config.weights
        self._feature_table(weights)
        self.bias_row = self._row("", "b", 0, 1)
        self.arena = NULL
        self.used = self.cap = 0
        self.max_entries = config.max_word_cache
        memset(self.q0, 0, sizeof(self.q0))
        self._add_feats(self.q0, config.empty_second_previous)
        for i, cap in enumerate("cC"):
            for k, kind in enumerate(_CONTEXT_KINDS):
                memset(self.capv[i][k], 0, NL * sizeof(int64_t))
                self._add_feats(self.capv[i][k], [f"{kind}c={cap}"])
        self.lower_ratio = config.lower_ratio
        self.word_extra = config.word_extra
        self.vector_prefix = config.vector_prefix
        self.places = config.places
        self.sentence_prev = config.sentence_prev
        kt_init(&self.word_keys, 1024, 8192)
        kt_init(&self.class_keys, 256, 2048)
        ft_init(&self.class_at, 1024)

    cdef void _feature_table(self, dict weights) except *:
        """ftab (each feature's vector in fixed point, in the order of ``weights``) and the
        table that finds a feature's number (its row) from its key."""
        cdef Py_ssize_t n = len(weights), i = 0, j, chars = 0
        for f in weights:
            chars += len(<str>f)
        kt_init(&self.features, n, chars)
        self.ftab = <int32_t*>aligned_alloc(ROW * sizeof(int32_t),
                                            max(1, n) * ROW * sizeof(int32_t))
        if self.ftab == NULL:
            raise MemoryError()
        memset(self.ftab, 0, max(1, n) * ROW * sizeof(int32_t))
        for f, vec in weights.items():
            if len(vec) != NL:
                raise ValueError(f"feature {f!r} has {len(vec)} weights, not {NL}")
            for j in range(NL):
                self.ftab[i * ROW + j] = <int32_t>fixed(vec[j], SMALL_LIMIT)
            kt_add(&self.features, <str>f, 0, len(<str>f))
            i += 1

    cdef void _reset(self):
        """Empty the word and context vector caches (a subclass empties its own too)."""
        kt_clear(&self.word_keys)
        self.wmeta = record_list()
        self.nrecs = 0
        kt_clear(&self.class_keys)
        ft_clear(&self.class_at)
        self.before = {}
        self.after = {}
        zmap_clear(self.arena, self.used * sizeof(int64_t))
        self.used = 0

    cdef bint _full(self):
        """Whether a cache is full (a subclass adds its own)."""
        return self.used > self.max_entries * 8 * NL or self.nrecs > self.max_entries \
            or len(self.before) > self.max_entries or len(self.after) > self.max_entries

    cdef void _check_limits(self):
        """Empty every cache when one is full (only between calls: offsets stay valid)."""
        if self._full():
            self._reset()

    cdef Py_ssize_t _alloc(self, Py_ssize_t nvec) except -1:
        """Offset of ``nvec`` fresh zeroed vectors in the arena (which may move). The arena is
        a zmap: what lies past ``used`` is zero, so nothing is written here."""
        cdef Py_ssize_t need = self.used + nvec * NL
        cdef Py_ssize_t newcap
        cdef int64_t* grown
        if need > self.cap:
            newcap = max(self.cap * 2, ARENA_START)
            while newcap < need:
                newcap *= 2
            grown = <int64_t*>zmap_grow(self.arena, self.cap * sizeof(int64_t),
                                        newcap * sizeof(int64_t))
            if grown == NULL:
                raise MemoryError()
            self.arena = grown
            self.cap = newcap
        cdef Py_ssize_t off = self.used
        self.used = need
        return off

    cdef void _add_feats(self, int64_t* dst, object feats):
        """Add the fixed-point vectors of ``feats`` to ``dst`` (unknown features add 0)."""
        for f in feats:
            self._add_feat(dst, f)

    cdef Py_ssize_t word_id_h(self, str word, uint64_t h) except -1:
        """:meth:`word_id` of a word whose key hash ``h`` is known."""
        cdef Py_ssize_t n = len(word)
        cdef Py_ssize_t v = kt_find_h(&self.word_keys, "", word, 0, n, h)
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
        cdef Py_ssize_t base = self._alloc(1), parts
        self.wmeta.append(untracked(self._word_base(word, base, &parts)))
        self.recs[i].base = base
        self.recs[i].parts = parts
        for j in range(NPOS):
            self.recs[i].vec[j] = -1
        self.recs[i].inner = -1
        self.nrecs = i + 1
        kt_add(&self.word_keys, word, 0, n)
        return i

    cdef tuple _word_base(self, str word, Py_ssize_t off, Py_ssize_t* parts):
        """Adds ``word``'s position-free features (features.form_features, its corpus features,
        its vector) to the arena vector at ``off``; sets ``parts`` to the offset of its class's
        position vectors (:meth:`_class_parts`); returns (lower case, lower bucket)."""
        cdef str low = word.lower()
        cdef Py_ssize_t n = len(low)
        b = self.lower_ratio.get(low)
        cdef str lb = "u" if b is None else str(b)
        cdef str sh = _shape(word)
        parts[0] = self._class_parts(lb, sh, low in self.places)  # may move the arena
        cdef int64_t* dst = self.arena + off
        cdef Py_ssize_t i, a, m, nq = 0
        cdef str ex = ""
        cdef int kind
        cdef void* data
        cdef Lookup q[BATCH]
        # The features are looked up side by side (kt_find_many), then their rows added.
        queue(q, &nq, "w=", word, 0, len(word))
        queue(q, &nq, "l=", low, 0, n)
        queue(q, &nq, "sh=", sh, 0, len(sh))
        queue(q, &nq, "s4=", low, n - 4 if n > 4 else 0, n)
        queue(q, &nq, "s3=", low, n - 3 if n > 3 else 0, n)
        queue(q, &nq, "s2=", low, n - 2 if n > 2 else 0, n)
        queue(q, &nq, "p4=", low, 0, n if n < 4 else 4)
        queue(q, &nq, "p3=", low, 0, n if n < 3 else 3)
        queue(q, &nq, "lb=", lb, 0, len(lb))
        queue(q, &nq, self.vector_prefix, low, 0, n)
        self._add_row(dst, self.bias_row)
        extra = self.word_extra.get(low)
        if extra is not None:  # its words as str.split() finds them
            ex = <str>extra
            m = len(ex)
            kind = PyUnicode_KIND(ex)
            data = PyUnicode_DATA(ex)
            i = 0
            while i < m:
                while i < m and Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)):
                    i += 1
                a = i
                while i < m and not Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)):
                    i += 1
                if i > a:
                    if nq == BATCH:
                        self._add_rows(dst, q, nq)
                        nq = 0
                    queue(q, &nq, "", ex, a, i)
        self._add_rows(dst, q, nq)
        return (low, lb)

    cdef Py_ssize_t _class_parts(self, str lb, str sh, bint gz) except -1:
        """Offset of the NPOS vectors, one per run position, of the features
        (features.position_features) of a word of lower bucket ``lb`` and shape ``sh`` that is
        a well-known place (``gz``) or not, but for the word itself at a sentence start (see
        :meth:`pos_vec`); made when the class is new."""
        cdef uint64_t key = (<uint64_t>self._class_number("s", sh) << 32
                             | <uint64_t>self._class_number("b", lb) << 1 | gz)
        cdef Py_ssize_t off = ft_find(&self.class_at, key), pos
        cdef int64_t* dst
        if off >= 0:
            return off
        off = self._alloc(NPOS)
        for pos in range(NPOS):
            p = _POSITIONS[pos]
            dst = self.arena + off + pos * NL
            self._add_feat(dst, "pos=" + p)
            self._add_feat(dst, "lbpos=" + lb + p)
            self._add_feat(dst, "shpos=" + sh + p)
            if gz:
                self._add_feat(dst, "gz")
                self._add_feat(dst, "gzpos=" + p)
        ft_add(&self.class_at, key, off)
        return off

    cdef Py_ssize_t _class_number(self, str kind, str key) except -1:
        """The number of ``key`` (a lower bucket, kind "b", or a shape, kind "s") in
        class_keys."""
        cdef Py_ssize_t v = kt_find(&self.class_keys, kind, key, 0, len(key))
        if v >= 0:
            return v
        return kt_add(&self.class_keys, kind + key, 0, len(key) + 1)

    cdef void _add_rows(self, int64_t* dst, Lookup* q, Py_ssize_t n) noexcept:
        """Add to ``dst`` the vector of each feature ``q`` looks up (0 for an unknown one)."""
        cdef Py_ssize_t i
        kt_find_many(&self.features, q, n)
        for i in range(n):
            if q[i].row >= 0:
                prefetch(self.ftab + q[i].row * ROW)
        for i in range(n):
            self._add_row(dst, q[i].row * ROW if q[i].row >= 0 else -1)

    cdef Py_ssize_t pos_vec(self, Py_ssize_t i, int pos) except -1:
        """Offset of the vector of the features of word record ``i`` at run position ``pos``:
        its position-free vector plus its class's vector at ``pos`` and, at a sentence start,
        the feature of the word itself (features.position_features)."""
        cdef Py_ssize_t off = self.recs[i].vec[pos]
        if off >= 0:
            return off
        cdef Py_ssize_t row = -1, j
        cdef str low
        if pos == 0 or pos == 3:  # a, s: the word itself at a sentence start ("sl=")
            low = <str>(<tuple>self.wmeta[i])[0]
            row = self._row("sl=", low, 0, len(low))
        off = self._alloc(1)
        cdef Py_ssize_t base = self.recs[i].base, part = self.recs[i].parts + pos * NL
        for j in range(NL):
            self.arena[off + j] = self.arena[base + j] + self.arena[part + j]
        self._add_row(self.arena + off, row)
        self.recs[i].vec[pos] = off
        return off

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

    cdef Py_ssize_t before_ctx(self, str token) except -1:
        """2 x the offset of 2 vectors, plus 1 when a sentence starts after ``token``: the token
        before a run as its first word's previous token (with the empty second previous token
        and the start row), and as its second word's second previous token (P, q)."""
        v = self.before.get(token)
        if v is not None:
            return <Py_ssize_t>v
        cdef Py_ssize_t off = self._context(None, token, (4, 1))  # P q, j
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
                hs[i] = kt_hash("", w, 0, len(w))
                prefetch(&self.word_keys.slots[hs[i] & self.word_keys.mask])
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
                prefetch(A + vec[i])
                prefetch(A + vec[i] + NL - 1)
                for j in range(0, 4 * NL, 8):
                    prefetch(A + ctx[i] + j)
                prefetch(A + ctx[i] + 4 * NL - 1)
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
