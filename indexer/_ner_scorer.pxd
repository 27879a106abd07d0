# cython: language_level=3
"""The tagger's scorer (implemented in ``_ner_scorer.pyx``): a run's words to summed score
vectors, decoded by Viterbi."""

from libc.stdint cimport int32_t, int64_t, uint64_t

from indexer._ner_tables cimport FoundTable, KeyTable, Lookup, kt_find, kt_hash
from indexer._ner_viterbi cimport NL, STACK_WORDS, Decoder

cdef enum:
    NPOS = 6  # run positions (POSITIONS)
    ROW = 16  # a feature's row in ftab: NL int32 weights padded to one 64-byte cache line

cdef struct WordRec:
    Py_ssize_t base  # offset of the word's position-free vector
    Py_ssize_t vec[NPOS]  # offset of its vector at each run position, -1 until needed
    Py_ssize_t inner  # offset of its p, q, n, l context vectors, -1 until needed
    Py_ssize_t parts  # offset of its class's position vectors, one per run position (NPOS)


cdef class Scorer(Decoder):
    # Features -> their numbers, the rows of ftab: a feature "prefix=" + part of a word is
    # found without building its string (see :meth:`_row`).
    cdef KeyTable features
    cdef Py_ssize_t bias_row  # the offset of feature "b"'s row, or -1
    # Each feature's weights in fixed point (within +-SMALL_LIMIT: int32), a row of ROW lanes
    # aligned to a cache line, so that a feature met for the first time costs one line fetched
    cdef int32_t* ftab
    cdef int64_t* arena
    cdef Py_ssize_t used, cap, max_entries
    cdef int64_t q0[NL]  # the empty second-previous token of a run's first word
    cdef int64_t capv[2][7][NL]  # [capitalised][kind in "pqnlPNr"]: the capitalisation feature
    # A word of a run -> its index in recs (its vectors) and wmeta (low, lower bucket): one
    # look-up per word finds every vector of it.
    cdef KeyTable word_keys  # a word of a run -> its record number (recs, wmeta)
    cdef list wmeta
    cdef WordRec* recs
    cdef Py_ssize_t nrecs, reccap
    # A word's position features, but for its own word at a sentence start, are those of its
    # class: its lower bucket, shape and whether it is a well-known place. Lower buckets and
    # shapes are numbered in class_keys ("b" + bucket, "s" + shape); a class's packed numbers
    # -> the offset of its position vectors (class_at).
    cdef KeyTable class_keys
    cdef FoundTable class_at
    cdef dict before  # token before a run -> 2 * offset of (P + q0 + start, q) + sentence start
    cdef dict after  # token after a run -> offset of its N, r context vectors
    cdef dict lower_ratio, word_extra
    cdef str vector_prefix
    cdef frozenset places, sentence_prev
    cdef bint busy  # inside extract: a call back into tag() empties no cache

    cdef void _feature_table(self, dict weights) except *
    cdef void _reset(self)
    cdef bint _full(self)
    cdef void _check_limits(self)
    cdef Py_ssize_t _alloc(self, Py_ssize_t nvec) except -1
    cdef void _add_feats(self, int64_t* dst, object feats)
    cdef Py_ssize_t word_id_h(self, str word, uint64_t h) except -1
    cdef tuple _word_base(self, str word, Py_ssize_t off, Py_ssize_t* parts)
    cdef Py_ssize_t _class_parts(self, str lb, str sh, bint gz) except -1
    cdef Py_ssize_t _class_number(self, str kind, str key) except -1
    cdef void _add_rows(self, int64_t* dst, Lookup* q, Py_ssize_t n) noexcept
    cdef Py_ssize_t pos_vec(self, Py_ssize_t i, int pos) except -1
    cdef Py_ssize_t _context(self, dict cache, str token, tuple kinds) except -1
    cdef Py_ssize_t before_ctx(self, str token) except -1
    cdef int _totals(self, list words, str prev, str nxt, int64_t* tot) except -1
    cdef int _sum_totals(self, Py_ssize_t* ids, object words, Py_ssize_t n, Py_ssize_t b,
                         Py_ssize_t af, int64_t* tot) except -1
    cdef list _tag(self, list words, str prev, str nxt)

    cdef inline Py_ssize_t _row(self, str prefix, str s, Py_ssize_t a, Py_ssize_t b) noexcept:
        """Offset in ftab of the vector of feature ``prefix + s[a:b]``, or -1 when the model
        has no such feature."""
        cdef Py_ssize_t f = kt_find(&self.features, prefix, s, a, b)
        return f * ROW if f >= 0 else -1

    cdef inline void _add_row(self, int64_t* dst, Py_ssize_t off) noexcept:
        """Add the ftab vector at ``off`` to ``dst`` (nothing for -1: an unknown feature)."""
        cdef Py_ssize_t j
        cdef int32_t* row
        if off >= 0:
            row = self.ftab + off
            for j in range(NL):
                dst[j] += row[j]

    cdef inline void _add_feat(self, int64_t* dst, str f):
        self._add_row(dst, self._row("", f, 0, len(f)))

    cdef inline Py_ssize_t word_id(self, str word) except -1:
        """Index of ``word``'s record (recs, wmeta), made with its position-free vector when
        the word is new."""
        return self.word_id_h(word, kt_hash("", word, 0, len(word)))

    cdef inline Py_ssize_t word_vec(self, str word, int pos) except -1:
        """Offset of the vector of ``word``'s features at run position ``pos``."""
        return self.pos_vec(self.word_id(word), pos)

    cdef inline Py_ssize_t inner_ctx(self, Py_ssize_t i, object words, Py_ssize_t k) except -1:
        """Offset of 4 vectors: word record ``i`` (``words[k]``) as the previous, second
        previous and next token of another word of its run, and as the run's last word (p, q,
        n, l)."""
        cdef Py_ssize_t off = self.recs[i].inner
        if off < 0:
            off = self._context(None, <str>words[k], (0, 1, 2, 3))  # p q n l
            self.recs[i].inner = off
        return off

    cdef inline Py_ssize_t after_ctx(self, str token) except -1:
        """Offset of 2 vectors: the token after a run as its last word's next token and as the
        token after the whole run (N, r)."""
        return self._context(self.after, token, (5, 6))  # N r
