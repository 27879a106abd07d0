# cython: language_level=3
"""A run's mentions from its strings (implemented in ``_ner_mentions.pyx``)."""

from libc.stdint cimport int64_t

from indexer._ner_names cimport Credits, Normaliser
from indexer._ner_scorer cimport Scorer


cdef class RunMentions(Scorer):
    cdef Py_ssize_t max_runs
    cdef dict runs  # (prev key, run, next key) -> found
    cdef dict singles  # (single prev key, word, single next key) -> found (see _single_prev_key)
    cdef dict pkeys, nkeys, spkeys, snkeys  # context token -> its key (see _ctx_key, ...)
    cdef tuple span_found  # per type, a span of a run -> what it makes (see _span_found)
    cdef Normaliser normaliser
    cdef Credits credits
    cdef object split_places, web_address_match
    cdef frozenset heads, orgs, place_first, split_heads, titles, title_words, not_alone
    cdef frozenset connectors
    cdef frozenset doubtful_buckets, cite_words
    cdef int64_t sure_margin
    cdef dict facts

    cdef tuple _single(self, str word, str low, str prev, str nxt)
    cdef bint _doubtful(self, str word, int64_t* tot, int lab)
    cdef bint _doubtful_at(self, Py_ssize_t i, int64_t* tot, int lab)
    cdef bint _named_elsewhere(self, str text, str word, Py_ssize_t at)
    cdef str _ctx_key(self, dict keys, str kind, str token)
    cdef object _single_prev_key(self, str token)
    cdef object _single_next_key(self, str token)
    cdef tuple _run_entities(self, str run, str prev, str nxt)
    cdef tuple _run_found(self, str run, str prev, str nxt)
    cdef tuple _labels_found(self, str run, object words, list labels)
    cdef list _split_places(self, list words, list labs, str nxt)
    cdef int _span_found(self, str run, Py_ssize_t sa, Py_ssize_t sb, int t,
                         list found) except -1
    cdef bint _trim(self, str text, Py_ssize_t* start, Py_ssize_t* end, str typ)
    cdef bint _only_titles(self, str low)
    cdef tuple _found_slow(self, str text, Py_ssize_t* start, Py_ssize_t end, str run, str low)
