# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
# cython: initializedcheck=False
"""The run scanner: a text's candidate runs of capitalised words (what ``runs.RUN_RE`` finds),
without the regex engine, with each run's key hash for the run table."""

from libc.stdint cimport uint64_t
from libc.stdlib cimport free, malloc
from libc.string cimport memcpy, memset

from indexer._ner_tables cimport (PyUnicode_1BYTE_KIND, PyUnicode_DATA, PyUnicode_KIND,
                                  PyUnicode_READ, kt_hash, kt_prefetch_key, prefetch)
from indexer._ner_tokens cimport alnum


cdef uint64_t ONES = 0x0101010101010101ULL  # one in each byte


cdef inline bint _maybe_start(uint64_t w, uint64_t after, uint64_t before) noexcept:
    """Whether a byte of ``w`` is at least 0x80 or strictly between ``after`` and ``before``
    (at most 127 and 128): "hasbetween" of Bit Twiddling Hacks on its ASCII bytes."""
    cdef uint64_t low7 = w & (ONES * 127)
    return ((w & (ONES * 128))
            | ((ONES * (127 + before) - low7) & ~w & (low7 + ONES * (127 - after))
               & (ONES * 128))) != 0


cdef class RunScanner:
    """Finds the runs of a text: a character of ``config.run_first`` starts one, the
    connectors (``config.connectors``) may join its words."""

    def __init__(self, config):
        """``config``: an :class:`indexer.entities.model.TaggerConfig`."""
        memset(self.run_first, 0, sizeof(self.run_first))
        for ch in config.run_first:
            if ord(ch) > 255:
                raise ValueError("the tagger scans for run starts below U+0100")
            self.run_first[ord(ch)] = 1
        self.connectors = config.connectors
        self.max_connector = max([1] + [len(c) for c in self.connectors])
        ascii = [c for c in range(128) if self.run_first[c]]
        self.ascii_after = min(ascii) - 1 if ascii else 0
        self.ascii_before = max(ascii) + 1 if ascii else 1

    cdef Py_ssize_t _run_start(self, str text, Py_ssize_t pos):
        """The index of the first character at or after ``pos`` that can start a run, or -1."""
        cdef Py_ssize_t n = len(text)
        cdef Py_UCS4 c
        cdef const unsigned char* latin
        cdef uint64_t w
        cdef Py_ssize_t stop
        if PyUnicode_KIND(text) == PyUnicode_1BYTE_KIND:  # most texts: no look-up per kind
            latin = <const unsigned char*>PyUnicode_DATA(text)
            while pos < n:
                stop = pos + 8 if pos + 8 <= n else n
                if stop == pos + 8:  # 8 characters at once that are mostly no run start
                    memcpy(&w, latin + pos, 8)
                    if not _maybe_start(w, self.ascii_after, self.ascii_before):
                        pos = stop
                        continue
                while pos < stop:
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

    cdef Py_ssize_t _cap_end(self, int kind, void* data, Py_ssize_t i, Py_ssize_t n) noexcept:
        """The end of the rest of a capitalised word from ``i`` on (runs._CAP_REST, greedy:
        letters and digits, then any [-'’.] each followed by letters or digits) in a text of
        ``n`` code points (its ``kind`` and ``data``)."""
        cdef Py_UCS4 c
        while i < n and alnum(PyUnicode_READ(kind, data, i)):
            i += 1
        while i + 1 < n and alnum(PyUnicode_READ(kind, data, i + 1)):
            c = PyUnicode_READ(kind, data, i)
            if c != 45 and c != 39 and c != 0x2019 and c != 46:  # - ' ’ .
                break
            i += 2
            while i < n and alnum(PyUnicode_READ(kind, data, i)):
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
        if start > 0 and alnum(PyUnicode_READ(kind, data, start - 1)):
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
            if k == p + 1 or k - p - 1 > 4 or (k < n and alnum(PyUnicode_READ(kind, data, k))):
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

    cdef Py_ssize_t scan(self, str text, RunSpan** spans, Py_ssize_t cap,
                         KeyTable* t) except -1:
        """The runs of ``text`` as run_spans finds them into ``spans[0]`` (room for ``cap``;
        a bigger buffer is malloc'd when they need one, the caller frees it if it is not the
        one it gave), each with its key's hash; each run's slot in key table ``t``, and then
        the code points of the key found there, are fetched side by side while the text is
        scanned (looking each run up in turn waits for both, one run after another)."""
        cdef Py_ssize_t nr = 0, pos = 0, start, end, i
        cdef RunSpan* buf = spans[0]
        cdef RunSpan* grown
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
            buf[nr].h = kt_hash("", text, start, end)
            prefetch(&t.slots[buf[nr].h & t.mask])
            nr += 1
        for i in range(nr):
            kt_prefetch_key(t, buf[i].h)
        spans[0] = buf
        return nr

