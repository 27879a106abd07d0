# cython: language_level=3
"""The run scanner (implemented in ``_ner_scan.pyx``): a text's candidate runs."""

from libc.stdint cimport uint64_t

from indexer._ner_tables cimport KeyTable

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



cdef class RunScanner:
    cdef unsigned char run_first[256]  # whether a character (below U+0100) can start a run
    cdef Py_ssize_t max_connector  # the length of the longest connector
    # A word of 8 one-byte characters holds no run start unless one of them is at least 0x80 or
    # strictly between ascii_after and ascii_before (bounds around the ASCII run starts)
    cdef uint64_t ascii_after, ascii_before
    cdef frozenset connectors

    cdef Py_ssize_t _run_start(self, str text, Py_ssize_t pos)
    cdef Py_ssize_t _cap_end(self, int kind, void* data, Py_ssize_t i, Py_ssize_t n) noexcept
    cdef Py_ssize_t _run_end(self, str text, Py_ssize_t start)
    cdef Py_ssize_t scan(self, str text, RunSpan** spans, Py_ssize_t cap,
                         KeyTable* t) except -1

    cdef inline bint _up(self, Py_UCS4 c):
        """Whether ``c`` is a capital a run's word can start with (runs.RUN_FIRST)."""
        return c < 256 and self.run_first[c]
