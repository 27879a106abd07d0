# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
# cython: initializedcheck=False
"""The tagger's decoder: Viterbi over a run's per-word score vectors with the learned
label-bigram moves (BILOU labels, within what ``labels.label_allowed`` and
``labels.label_ends`` allow), handed on as BIO. Scores are exact integer sums in fixed point,
so the labels do not depend on the order in which moves are scored."""

from libc.stdint cimport int64_t
from libc.stdlib cimport free, malloc

cdef int64_t LANE_LIMIT = (1 << 26) - 1  # a move's fixed-point range


cdef inline int _best_move(Decoder self, int64_t* prev, int64_t top, int j,
                           int64_t* best) noexcept:
    """The label a run's previous word best moves to label ``j`` from, the first of the best
    in label order, and (in ``best``) that move's score: ``prev`` holds each label's best
    score at the previous word, ``top`` the highest of them. Only the allowed moves are
    scored unless a barred one might reach the best (then every move is)."""
    cdef int m, k, at
    cdef int64_t x, b
    if self.npred[j]:
        at = self.pred[j][0]
        b = prev[at] + self.trans[at][j]
        for m in range(1, self.npred[j]):
            k = self.pred[j][m]
            x = prev[k] + self.trans[k][j]
            if x > b:
                b = x
                at = k
        if top + self.barred < b:  # every barred move scores below b
            best[0] = b
            return at
    at = 0
    b = prev[0] + self.trans[0][j]
    for k in range(1, NL):
        x = prev[k] + self.trans[k][j]
        if x > b:
            b = x
            at = k
    best[0] = b
    return at


cdef class Decoder:
    """The moves between labels of one model (the base of :class:`indexer._ner_scorer.Scorer`)."""

    def __init__(self, config):
        """``config``: an :class:`indexer.entities.model.TaggerConfig`; the decoder reads its
        labels, the moves' weights and which moves and ends they allow."""
        cdef Py_ssize_t j, k
        cdef list lanes
        if len(config.labels) != NL:
            raise ValueError(f"the tagger is compiled for {NL} labels")
        cdef dict weights = config.weights
        # Moves, only those config.allowed allows. Row 0 scores a run's first word (the
        # CRF's start row "t=<S>", or the row after O of a perceptron model).
        forbidden = -float(1 << 25) / SCALE
        zero = [0.0] * NL
        rows = ["t=<S>" if "t=<S>" in weights else "t=O", "t=O"]
        rows += [f"t={x}" for x in config.labels[1:]]
        for k, row in enumerate(rows):
            vec = weights.get(row, zero)
            lanes = [
                fixed(vec[j] if config.allowed[k][j] else forbidden, LANE_LIMIT)
                for j in range(NL)
            ]
            for j in range(NL):
                if k == 0:
                    self.start_row[j] = lanes[j]
                else:
                    self.trans[k - 1][j] = lanes[j]
        self.barred = fixed(forbidden, LANE_LIMIT)
        for j in range(NL):
            self.npred[j] = 0
            for k in range(NL):
                if config.allowed[k + 1][j]:
                    self.pred[j][self.npred[j]] = k
                    self.npred[j] += 1
            self.ends[j] = config.ends[j]
            self.bio[j] = config.bio[j]

    cdef void _decode_into(self, int64_t* tot, Py_ssize_t n, int64_t* hist, int* out) noexcept:
        """Viterbi over per-word totals: each label's best score per word (``hist`` keeps
        them), the best label a run may end with, then the best path read back from the kept
        scores, choosing as the forward pass does (the first best label). ``out``: the path's
        BIO label indexes (labels.to_bio)."""
        cdef Py_ssize_t i, j
        cdef int64_t best, top
        cdef int64_t* prev
        cdef int64_t* cur
        for j in range(NL):
            hist[j] = tot[j]
        for i in range(1, n):
            prev = hist + (i - 1) * NL
            cur = hist + i * NL
            top = prev[0]
            for j in range(1, NL):
                if prev[j] > top:
                    top = prev[j]
            for j in range(NL):
                _best_move(self, prev, top, j, &best)
                cur[j] = tot[i * NL + j] + best
        cdef int label = 0
        cur = hist + (n - 1) * NL
        for j in range(1, NL):
            if self.ends[j] and cur[j] > cur[label]:
                label = j
        out[n - 1] = self.bio[label]
        for i in range(n - 2, -1, -1):
            prev = hist + i * NL
            top = prev[0]
            for j in range(1, NL):
                if prev[j] > top:
                    top = prev[j]
            label = _best_move(self, prev, top, label, &best)
            out[i] = self.bio[label]

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
