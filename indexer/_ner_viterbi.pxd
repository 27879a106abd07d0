# cython: language_level=3
"""The tagger's decoder (implemented in ``_ner_viterbi.pyx``): the moves between labels and
the Viterbi decoding of a run's per-word scores."""

from libc.math cimport nearbyint
from libc.stdint cimport int64_t

cdef enum:
    NL = 13  # labels: O, then B, I, L, U of PER, ORG and LOC (labels.LABELS)
    STACK_WORDS = 64  # runs up to this many words decode without malloc
    SCALE = 100  # fixed point: a weight x 100, rounded half to even


cdef class Decoder:
    cdef int64_t trans[NL][NL]  # trans[a][j]: moving from label a to label j inside a run
    cdef int64_t start_row[NL]  # a run's first word's label
    cdef bint ends[NL]  # whether a run may end with the label
    cdef int bio[NL]  # the label's index in labels.BIO_LABELS
    # The labels a move to label j is allowed from (npred[j] of them, ascending in pred[j]);
    # every other move scores barred, so a step's best over the allowed moves is its best over
    # all of them whenever it beats the best previous score plus barred.
    cdef int npred[NL]
    cdef int pred[NL][NL]
    cdef int64_t barred

    cdef void _decode_into(self, int64_t* tot, Py_ssize_t n, int64_t* hist, int* out) noexcept
    cdef list _decode(self, int64_t* tot, Py_ssize_t n, int64_t* hist)


cdef inline int64_t fixed(double x, int64_t limit) noexcept:
    """``x`` in fixed point (x 100, rounded half to even), clamped to +-``limit``."""
    cdef int64_t v = <int64_t>nearbyint(x * SCALE)
    if v > limit:
        return limit
    if v < -limit:
        return -limit
    return v
