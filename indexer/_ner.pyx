# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
# cython: initializedcheck=False
"""The compiled core of :mod:`indexer.entities`: candidate runs to tagged mentions.

What the package defines in Python stays there: the features of a word and of a context token,
the facts (places, organisations, aliases, titles), normalisation and the linking of mentions
across a text. The tagger is built from one typed object,
:class:`indexer.entities.model.TaggerConfig`, and reads nothing else. The compiled core is in
parts, one job each, a class building on the one before:

* ``_ner_tables``: C key tables (string keys found from code points, no string built), the
  found table, record lists the garbage collector does not walk;
* ``_ner_tokens``: the context token before and after a run (:func:`prev_token`,
  :func:`next_token`, and as spans of the text);
* ``_ner_scan``: a text's candidate runs (:class:`RunScanner`);
* ``_ner_viterbi``: the moves between labels and the Viterbi decoding (:class:`Decoder`);
* ``_ner_scorer``: per-word and per-context score vectors in fixed point, summed per run
  (:class:`Scorer`);
* ``_ner_names``: a mention's facet value and the credit test, compiled from the package's
  facts (:class:`Normaliser`, :class:`Credits`), and whether a short form spells a name
  (:func:`is_short_form`);
* ``_ner_mentions``: a run's mentions in its context from its strings, the plain reference
  (:class:`RunMentions`);
* ``_ner_records``: the same from C records per run and context token (:class:`RunRecords`);
* this module: the walk over a text's runs (:meth:`Tagger.extract`), its look-ups made ahead
  side by side, and the mention records.

Every score is an exact integer sum, so the labels do not depend on summation order or on
which cache entries exist; ``scripts/check_entities.py`` compares the output with a reference
version of the package and ``tests/test_entities.py`` with a plain Viterbi over the trainer's
feature lists.
"""

from cpython.object cimport PyObject, PyTypeObject, Py_TYPE
from libc.stdint cimport uint64_t
from libc.stdlib cimport free

from indexer._ner_records cimport RunRecords
from indexer._ner_scan cimport RunScanner, RunSpan
from indexer._ner_tables cimport (FOUND_MARK, ft_add, ft_find, kt_find_h, kt_hash,
                                  kt_prefetch_key, list_items, mixed, prefetch, tuple_items,
                                  untracked)
from indexer._ner_tokens cimport next_span, prev_span

from indexer._ner_names import Credits, Normaliser, is_short_form
from indexer._ner_scorer import fixed_point
from indexer._ner_tokens import BOS, EOS, char_classes, next_token, prev_token, token_spans

__all__ = ["BOS", "Credits", "EOS", "Normaliser", "Tagger", "char_classes", "field_mentions", "fixed_point",
           "is_short_form", "next_token", "prev_token", "token_spans"]

cdef enum:
    STACK_RUNS = 128  # texts with up to this many runs are scanned without malloc
    KEY_LIMIT = 1 << 21  # record numbers packed into a found key (3 x 21 bits)

cdef str _BOS = BOS
cdef str _EOS = EOS
cdef tuple _NO_ARGS = ()


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
cdef class Tagger(RunRecords):
    """Scores and decodes the runs of one model (see its ``TaggerConfig``); holds its caches.

    Score vectors live in one growing arena of ``int64`` lanes (``NL`` per vector); the caches
    map a word (or context token) to the offset of its vectors there. When the arena or a
    cache outgrows its limit, every cache is emptied at the start of the next call.
    """

    cdef RunScanner scanner
    cdef type entity  # the mention record (config.entity)
    cdef tuple entity_slots  # its slots' descriptors: name, type, start, end
    cdef object part_name, acronym_end

    def __init__(self, config):
        """``config``: an :class:`indexer.entities.model.TaggerConfig`, everything the tagger
        reads (weights, label rules, facts and the Python functions it calls back)."""
        RunRecords.__init__(self, config)
        self.scanner = RunScanner(config)
        self.entity = config.entity
        self.entity_slots = tuple(config.entity.__dict__[f] for f in ("name", "type", "start", "end"))
        self.part_name = config.part_name
        self.acronym_end = config.acronym_end

    def run_spans(self, str text):
        """(start, end) of each candidate run of ``text``, as :meth:`extract` finds them: the
        spans of ``runs.RUN_RE.finditer`` (runs are never empty)."""
        return self.scanner.run_spans(text)

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

    cdef void _look_ahead(self, str text, RunSpan* spans, Py_ssize_t nr, bint plain) noexcept:
        """What the runs of a text found in the caches yield, looked up for all of them side by
        side before their turns (each step of a run waits on memory that the step before
        found: its run record, its context tokens' records, the found table's slot, the
        mentions), each step's memory fetched for every run before the next step reads it.
        Only looks: a run or token that is new is made in its turn, as is the found entry."""
        cdef Py_ssize_t r, k, pkey, nkey, at
        cdef RunSpan* sp
        cdef uint64_t key, want
        cdef PyObject* found
        for r in range(nr):
            sp = &spans[r]
            sp.pid = sp.nid = sp.at = -1
            sp.ctx = False
            sp.fkey = 0
            sp.rid = -1 if plain else kt_find_h(&self.run_keys, "", text, sp.start, sp.end,
                                                 sp.h)
            if sp.rid >= 0:
                prefetch(&self.rrecs[sp.rid])
        if plain:
            return
        # the context tokens of the runs that are looked up in context (kind 3)
        for r in range(nr):
            sp = &spans[r]
            if sp.rid < 0 or self.rrecs[sp.rid].kind != 3:
                continue
            sp.ctx = True
            if prev_span(text, sp.start, &sp.pa, &sp.pb):
                sp.ph = kt_hash("", text, sp.pa, sp.pb)
            else:
                sp.pa = -1
                sp.ph = kt_hash("", _BOS, 0, len(_BOS))
            prefetch(&self.prev_keys.slots[sp.ph & self.prev_keys.mask])
            if next_span(text, sp.end, &sp.na, &sp.nb):
                sp.nh = kt_hash("", text, sp.na, sp.nb)
            else:
                sp.na = -1
                sp.nh = kt_hash("", _EOS, 0, len(_EOS))
            prefetch(&self.next_keys.slots[sp.nh & self.next_keys.mask])
        for r in range(nr):  # the keys' code points where a slot holds their hash
            sp = &spans[r]
            if sp.ctx:
                kt_prefetch_key(&self.prev_keys, sp.ph)
                kt_prefetch_key(&self.next_keys, sp.nh)
        for r in range(nr):
            sp = &spans[r]
            if not sp.ctx:
                continue
            sp.pid = (kt_find_h(&self.prev_keys, "", text, sp.pa, sp.pb, sp.ph) if sp.pa >= 0
                      else kt_find_h(&self.prev_keys, "", _BOS, 0, len(_BOS), sp.ph))
            sp.nid = (kt_find_h(&self.next_keys, "", text, sp.na, sp.nb, sp.nh) if sp.na >= 0
                      else kt_find_h(&self.next_keys, "", _EOS, 0, len(_EOS), sp.nh))
            if sp.pid >= 0:
                prefetch(&self.prev_recs[sp.pid])
            if sp.nid >= 0:
                prefetch(&self.next_recs[sp.nid])
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
            k = mixed(key) & self.found_at.mask
            prefetch(&self.found_at.keys[k])
        for r in range(nr):
            sp = &spans[r]
            if sp.fkey == 0:
                continue
            want = sp.fkey
            k = mixed(want & ~FOUND_MARK) & self.found_at.mask
            while self.found_at.keys[k] != 0:
                if self.found_at.keys[k] == want:
                    sp.at = self.found_at.vals[k]
                    prefetch(&list_items(self.found)[sp.at])
                    break
                k = (k + 1) & self.found_at.mask
        for r in range(nr):  # the mentions, and the first one's record
            sp = &spans[r]
            if sp.at >= 0:
                found = list_items(self.found)[sp.at]
                prefetch(found)
                if (<tuple>found):
                    prefetch(tuple_items(<tuple>found)[0])

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
            nr = self.scanner.scan(text, &spans, STACK_RUNS, &self.run_keys)
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
        cdef tuple found, info, pinfo, ninfo, item
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
                    at = sp.at if sp.at >= 0 else ft_find(&self.found_at, key)
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
                        ft_add(&self.found_at, key, len(self.found))
                        self.found.append(untracked(found))
                    if found and not space and (<tuple>found[0])[4] \
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
            name, typ = self.normaliser.normalise(text[org[0] : org[1]], "ORG")
            out.append(self._entity(name, typ, org[0], covered))
        covered_at[0] = covered
        return 0
