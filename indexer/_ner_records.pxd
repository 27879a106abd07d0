# cython: language_level=3
"""A run's mentions from C records per run (implemented in ``_ner_records.pyx``)."""

from libc.stdint cimport int64_t, uint64_t

from indexer._ner_mentions cimport RunMentions
from indexer._ner_tables cimport FoundTable, KeyTable

# What the tagger keeps per run of its run table (RunRecords._run_id), beside its strings in
# run_info: what is the same in every context, so that a run met again in a new context is
# only scored and decoded there (RunRecords._run_found_at, RunRecords._single_at).
cdef struct RunRec:
    unsigned char kind  # run_info's: what extract does with it
    unsigned char space  # whether it has a space (several words)
    unsigned int flags  # R_* bits: what is known of it so far
    Py_ssize_t wid  # one word: its word record; several: where its words' records start in
    # run_wids; -1 until needed
    Py_ssize_t nwords  # several words: how many
    # several words: the packed labels of its last decoding and their index in label_found (-1:
    # none yet); a run decoded again in a new context mostly gets the same labels, found here
    # without a look-up in label_at (a cache miss in a large table)
    uint64_t last_labels
    Py_ssize_t last_found

# What the tagger's hot loop reads of a context token (RunRecords._prev_id, RunRecords._next_id),
# beside its strings in prev_info / next_info.
cdef struct TokRec:
    Py_ssize_t single_key  # the number of its key for a one-word run (_single_prev_key, ...)
    Py_ssize_t run_key  # the number of its key for a run of several words (_ctx_key)
    bint head  # before a run: whether it is a head word a run takes in
    # Its context vectors (Scorer.before_ctx before a run, Scorer.after_ctx after it) as the
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


cdef class RunRecords(RunMentions):
    # A run's text -> its record number (run_info: run, lower case, what extract does with it,
    # org parts, whether it has a space); a context token's text -> its record number
    # (prev_info: token, whether it is a head word, numbers of its single and run keys, its
    # run key; next_info: token, numbers of its single and run keys, its run key); the key
    # objects -> their numbers (key_ids); and the numbers of a run and its two keys, packed
    # into one int -> what it yields there (found_at -> found).
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
    cdef dict key_ids
    cdef FoundTable found_at  # packed numbers of a run and its two keys -> index in found
    cdef list found
    cdef frozenset skip, skip_plain, skip_rest
    cdef dict org_parts

    cdef void _clear_runs(self)
    cdef Py_ssize_t _key_id(self, object key) except -1
    cdef Py_ssize_t _run_id(self, str text, Py_ssize_t start, Py_ssize_t end,
                            uint64_t h) except -1
    cdef Py_ssize_t _prev_id(self, str text, Py_ssize_t start) except -1
    cdef Py_ssize_t _next_id(self, str text, Py_ssize_t end) except -1
    cdef tuple _single_at(self, Py_ssize_t rid, str word, str low, str prev, str nxt,
                          Py_ssize_t pid, Py_ssize_t nid)
    cdef int _single_totals(self, Py_ssize_t rid, str word, str prev, str nxt, Py_ssize_t pid,
                            Py_ssize_t nid, int64_t* tot) except -1
    cdef tuple _name_at(self, Py_ssize_t rid, str word, int t)
    cdef tuple _run_found_at(self, Py_ssize_t rid, str run, str low, str prev, str nxt,
                             Py_ssize_t pid, Py_ssize_t nid)
