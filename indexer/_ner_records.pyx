# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
# cython: initializedcheck=False
"""A run's mentions from C records per run: the fast path of :mod:`indexer._ner_mentions`.

A run and its context tokens are numbered by their code points in C key tables (no string is
built for a run met before); what a run is in every context (its words' records, whether it
is a fact, its normalised names, the mentions of each labelling) is kept in C records per run
(``RunRec``) and per context token (``TokRec``), so that a run met in a new context is only
scored and decoded there. What a run yields in a context is found by the packed numbers of the
run and its two context keys. ``Tagger.extract(plain=True)`` is the reference these records
are compared with (``tests/test_entities.py``).
"""

from libc.stdint cimport int64_t, uint64_t
from libc.stdlib cimport free, realloc
from libc.string cimport memset

from indexer._ner_viterbi cimport NL
from indexer._ner_tables cimport (ft_clear, ft_find, ft_free, ft_init, ft_add, kt_add,
                                  kt_clear, kt_find, kt_find_h, kt_free, kt_init, record_list,
                                  untracked)
from indexer._ner_tokens cimport next_span, prev_span

from indexer._ner_mentions import TYPES
from indexer._ner_tokens import BOS, EOS

cdef tuple _TYPES = TYPES
cdef str _BOS = BOS
cdef str _EOS = EOS


cdef TokRec* _grown_toks(TokRec* recs, Py_ssize_t* cap) except NULL:
    """``recs`` with room for twice as many records (``cap`` updated)."""
    cdef Py_ssize_t n = max(1024, 2 * cap[0])
    cdef TokRec* grown = <TokRec*>realloc(recs, n * sizeof(TokRec))
    if grown == NULL:
        raise MemoryError()
    cap[0] = n
    return grown


cdef class RunRecords(RunMentions):
    """Run mentions with C records per run and context token (the base of
    :class:`indexer._ner.Tagger`)."""

    def __cinit__(self):
        memset(&self.run_keys, 0, sizeof(KeyTable))
        memset(&self.prev_keys, 0, sizeof(KeyTable))
        memset(&self.next_keys, 0, sizeof(KeyTable))
        memset(&self.found_at, 0, sizeof(FoundTable))
        memset(&self.label_at, 0, sizeof(FoundTable))
        self.rrecs = NULL
        self.prev_recs = NULL
        self.next_recs = NULL
        self.run_wids = NULL

    def __dealloc__(self):
        kt_free(&self.run_keys)
        kt_free(&self.prev_keys)
        kt_free(&self.next_keys)
        ft_free(&self.found_at)
        ft_free(&self.label_at)
        free(self.rrecs)
        free(self.prev_recs)
        free(self.next_recs)
        free(self.run_wids)

    def __init__(self, config):
        """``config``: an :class:`indexer.entities.model.TaggerConfig`; besides the mentions',
        what the walk skips and the official names cut by "dan"."""
        RunMentions.__init__(self, config)
        self.skip = config.skip
        self.skip_plain = config.skip_plain
        self.skip_rest = self.skip - self.skip_plain  # a few: one big set is looked up per run
        self.org_parts = config.org_parts
        kt_init(&self.run_keys, 1024, 16384)
        kt_init(&self.prev_keys, 1024, 8192)
        kt_init(&self.next_keys, 1024, 8192)
        ft_init(&self.found_at, 4096)
        ft_init(&self.label_at, 4096)
        self._reset()

    cdef void _reset(self):
        RunMentions._reset(self)
        kt_clear(&self.prev_keys)
        kt_clear(&self.next_keys)
        self.prev_info = record_list()
        self.next_info = record_list()
        self.key_ids = {}
        self._clear_runs()

    cdef bint _full(self):
        return RunMentions._full(self) or len(self.key_ids) > self.max_entries \
            or len(self.prev_info) > self.max_entries or len(self.next_info) > self.max_entries

    cdef void _check_limits(self):
        RunMentions._check_limits(self)
        # found holds what the runs and singles caches hold for most runs: room for both
        if len(self.found) > 2 * self.max_runs or len(self.run_info) > self.max_runs \
                or len(self.label_found) > self.max_runs:
            self._clear_runs()

    cdef void _clear_runs(self):
        """Empty the run records and what is found per run (its keys hold run numbers)."""
        kt_clear(&self.run_keys)
        self.run_info = record_list()
        ft_clear(&self.found_at)
        self.found = record_list()
        self.run_memo = record_list()
        self.nwids = 0
        ft_clear(&self.label_at)
        self.label_found = record_list()

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
        cdef Py_ssize_t v = kt_find_h(&self.run_keys, "", text, start, end, h)
        if v >= 0:
            return v
        cdef str run = text[start:end]
        cdef str low = run.lower()
        cdef int kind
        parts = None
        if low in self.skip_plain:
            kind = 0
        else:
            parts = self.org_parts.get(low[low.rfind(" ") + 1 :])  # its last word
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
        self.rrecs[v].last_found = -1
        self.run_info.append(untracked((run, low, kind, parts, space)))
        self.run_memo.append(None)
        return kt_add(&self.run_keys, text, start, end)

    cdef Py_ssize_t _prev_id(self, str text, Py_ssize_t start) except -1:
        """The record number of the token before ``start`` (prev_info), made when it is new."""
        cdef Py_ssize_t a = 0, b = len(_BOS), v
        cdef str src = text
        if not prev_span(text, start, &a, &b):
            src, a, b = _BOS, 0, len(_BOS)
        v = kt_find(&self.prev_keys, "", src, a, b)
        if v >= 0:
            return v
        cdef str token = src[a:b]
        cdef str pk = self._ctx_key(self.pkeys, "p", token)
        cdef bint head = token in self.heads
        cdef Py_ssize_t skey = self._key_id(self._single_prev_key(token))
        cdef Py_ssize_t rkey = self._key_id(pk)
        self.prev_info.append(untracked((token, head, skey, rkey, pk)))
        v = self.prev_keys.count
        if v == self.prev_cap:
            self.prev_recs = _grown_toks(self.prev_recs, &self.prev_cap)
        self.prev_recs[v].head = head
        self.prev_recs[v].single_key = skey
        self.prev_recs[v].run_key = rkey
        self.prev_recs[v].run_ctx = self.prev_recs[v].single_ctx = -1
        return kt_add(&self.prev_keys, src, a, b)

    cdef Py_ssize_t _next_id(self, str text, Py_ssize_t end) except -1:
        """The record number of the token after ``end`` (next_info), made when it is new."""
        cdef Py_ssize_t a = 0, b = len(_EOS), v
        cdef str src = text
        if not next_span(text, end, &a, &b):
            src, a, b = _EOS, 0, len(_EOS)
        v = kt_find(&self.next_keys, "", src, a, b)
        if v >= 0:
            return v
        cdef str token = src[a:b]
        cdef str nk = self._ctx_key(self.nkeys, "n", token)
        cdef Py_ssize_t skey = self._key_id(self._single_next_key(token))
        cdef Py_ssize_t rkey = self._key_id(nk)
        self.next_info.append(untracked((token, skey, rkey, nk)))
        v = self.next_keys.count
        if v == self.next_cap:
            self.next_recs = _grown_toks(self.next_recs, &self.next_cap)
        self.next_recs[v].head = False
        self.next_recs[v].single_key = skey
        self.next_recs[v].run_key = rkey
        self.next_recs[v].run_ctx = self.next_recs[v].single_ctx = -1
        return kt_add(&self.next_keys, src, a, b)

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
        cdef tuple name
        if not rec.flags & R_FACT:
            fact = self.facts.get(low)
            rec.flags |= R_FACT | (
                (0 if fact is None else 1 + _TYPES.index(fact)) << R_FACT_SHIFT)
        t = (rec.flags >> R_FACT_SHIFT) & 3
        if t:
            t -= 1
            name = self._name_at(rid, word, t)
            if not sent:
                return ((0, len(word), name[0], name[1], False),)
            self._single_totals(rid, word, prev, nxt, pid, nid, tot)
            lab = 4 + 4 * t  # U-<type>
            return ((0, len(word), name[0], name[1],
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
            rec.flags |= R_CREDIT_KNOWN | (R_CREDIT if self.credits.match(low) is not None else 0)
        if rec.flags & R_CREDIT:
            return ()  # a credit: "(Antara)", "kepada Okezone"
        if prev.lower() in self.cite_words:
            if not rec.flags & R_WEB_KNOWN:
                rec.flags |= R_WEB_KNOWN | (
                    R_WEB if self.web_address_match(low) is not None else 0)
            if rec.flags & R_WEB:
                return ()  # a credit: "dilansir dari Self.com"
        cdef bint doubtful = sent and self._doubtful_at(rec.wid, tot, lab)
        name = self._name_at(rid, word, t)
        return ((0, len(word), name[0], name[1], doubtful),)

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
        """``normalise(word, type t)`` of one-word run record ``rid``, made once."""
        memo = self.run_memo[rid]
        if memo is None:
            memo = (None, None, None)
        name = (<tuple>memo)[t]
        if name is None:
            name = self.normaliser.normalise(word, <str>_TYPES[t])
            memo = tuple([name if k == t else (<tuple>memo)[k] for k in range(3)])
            self.run_memo[rid] = untracked(memo)
        return <tuple>name

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
                # low's words are the words' lower cases: no space is lower-cased or made
                for w in low.split(" "):
                    if w in self.place_first:
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
            self.run_memo[rid] = untracked(words)
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
                            self._split_places(list(words), [labs[i] for i in range(n)], nxt))
        key = <uint64_t>rid << (3 * MAX_LABEL_WORDS)
        for i in range(n):
            key |= <uint64_t>labs[i] << (3 * i)
        rec = &self.rrecs[rid]
        if rec.last_found >= 0 and rec.last_labels == key:
            return <tuple>self.label_found[rec.last_found]
        cdef Py_ssize_t at = ft_find(&self.label_at, key)
        cdef tuple found
        if at >= 0:
            found = <tuple>self.label_found[at]
        else:
            found = self._labels_found(run, words, [labs[i] for i in range(n)])
            at = len(self.label_found)
            ft_add(&self.label_at, key, at)
            self.label_found.append(untracked(found))
        rec = &self.rrecs[rid]
        rec.last_labels = key
        rec.last_found = at
        return found
