# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
# cython: initializedcheck=False
"""A run's mentions from its strings: what the tagger's labels make of a run in its context
(relative start, relative end, name, type; and for one word whether it is doubtful), with the
facts that overrule the model (well-known places and organisations, a fact type of one word,
titles, credits, web addresses) and the connectors trimmed off a mention's ends.

This is the plain reference: :class:`indexer._ner_records.RunRecords` finds the same from C
records per run, and ``Tagger.extract(plain=True)`` walks a text with these methods alone. The
results are cached by the run and a key of each context token that scores the same as the
token (:meth:`RunMentions._ctx_key`, ...).
"""

from libc.stdint cimport int64_t

from indexer._ner_viterbi cimport NL
from indexer._ner_tables cimport kt_find, untracked
from indexer._ner_tokens cimport next_token, prev_token

from indexer._ner_tokens import BOS

TYPES = ("PER", "ORG", "LOC")  # the mention types, in the order of labels.LABELS
cdef tuple _TYPES = TYPES
cdef str _BOS = BOS


cdef class RunMentions(Scorer):
    """The scorer with what a run's labels mean: mentions of runs from their strings."""

    def __init__(self, config):
        """``config``: an :class:`indexer.entities.model.TaggerConfig`; besides the scorer's,
        its facts, the compiled normaliser and credit test (``_ner_names``) and the Python
        function that splits places (the plain reference of :meth:`_split_places`)."""
        Scorer.__init__(self, config)
        self.max_runs = config.max_run_cache
        self.normaliser = config.normaliser
        self.split_places = config.split_places
        self.heads = config.heads
        self.orgs = config.orgs
        self.place_first = config.place_first
        self.split_heads = config.split_heads
        self.facts = config.facts
        self.titles = config.titles
        self.title_words = config.title_words
        self.not_alone = config.not_alone
        self.connectors = config.connectors
        self.credits = config.credits
        self.web_address_match = config.web_address_match
        self.cite_words = config.cite_words
        self.doubtful_buckets = config.doubtful_buckets
        self.sure_margin = config.sure_margin

    cdef void _reset(self):
        Scorer._reset(self)
        self.pkeys = {}
        self.nkeys = {}
        self.runs = {}
        self.singles = {}
        self.spkeys = {}
        self.snkeys = {}
        self.span_found = ({}, {}, {})

    cdef bint _full(self):
        return Scorer._full(self) or len(self.pkeys) > self.max_entries \
            or len(self.nkeys) > self.max_entries or len(self.spkeys) > self.max_entries \
            or len(self.snkeys) > self.max_entries

    cdef void _check_limits(self):
        Scorer._check_limits(self)
        if len(self.runs) > self.max_runs:
            self.runs = {}
        if len(self.singles) > self.max_runs:
            self.singles = {}
        for cache in self.span_found:
            if len(<dict>cache) > self.max_runs:
                self.span_found = ({}, {}, {})
                break

    cdef tuple _single(self, str word, str low, str prev, str nxt):
        """Mentions of a one-word run (``low``: its lower case), as (start, end, name, type,
        doubtful): doubtful when the word starts a sentence, is usually written in lower case
        and its label does not outscore every other by the sure margin, a fact ("Serang", a
        city; "serang": attack) as much as a word the model tags (see
        :meth:`_named_elsewhere`)."""
        cdef int64_t tot[NL]
        cdef int lab = 0, j
        cdef bint sent = prev in self.sentence_prev
        cdef str typ
        fact = self.facts.get(low)
        if fact is not None:
            typ = <str>fact
            if not sent:
                return ((0, len(word), *self.normaliser.normalise(word, typ), False),)
            self._totals([word], prev, nxt, tot)
            lab = 4 + 4 * _TYPES.index(typ)  # U-<type>
            return ((0, len(word), *self.normaliser.normalise(word, typ),
                     self._doubtful(word, tot, lab)),)
        self._totals([word], prev, nxt, tot)
        for j in range(1, NL):  # a one-word run: O or U-X (the start row forbids I-X, L-X)
            if self.ends[j] and tot[j] > tot[lab]:
                lab = j
        if lab == 0:  # O
            return ()
        typ = _TYPES[(lab - 1) // 4]
        if typ == "PER" and word.rstrip(".").lower() in self.titles:
            return ()
        if self.credits.match(low) is not None or (
                prev.lower() in self.cite_words and self.web_address_match(low) is not None):
            return ()  # a credit: "(Antara)", "kepada Okezone", "dilansir dari Self.com"
        cdef bint doubtful = sent and self._doubtful(word, tot, lab)
        return ((0, len(word), *self.normaliser.normalise(word, typ), doubtful),)

    cdef bint _doubtful(self, str word, int64_t* tot, int lab):
        """Whether a one-word run at a sentence start whose scores are ``tot`` is a doubtful
        ``lab`` (see :meth:`_doubtful_at`; the word's vector is cached: :meth:`_totals`
        ran)."""
        return self._doubtful_at(kt_find(&self.word_keys, "", word, 0, len(word)), tot, lab)

    cdef bint _doubtful_at(self, Py_ssize_t i, int64_t* tot, int lab):
        """Whether a one-word run at a sentence start of word record ``i`` whose scores are
        ``tot`` is a doubtful ``lab``: the word is usually written in lower case and ``lab``
        does not outscore every other label by the sure margin."""
        if (<tuple>self.wmeta[i])[1] not in self.doubtful_buckets:
            return False
        cdef int64_t other = tot[0]  # O (``lab`` is never O)
        cdef int j
        for j in range(1, NL):
            if j != lab and self.ends[j] and tot[j] > other:
                other = tot[j]
        return tot[lab] - other < self.sure_margin

    cdef bint _named_elsewhere(self, str text, str word, Py_ssize_t at):
        """Whether ``text`` writes ``word`` (found at ``at``) capitalised somewhere that is not
        the start of a sentence: a word that only starts sentences may be an ordinary word
        ("Serang proyektil ...": attack), one also written so mid-sentence is a name."""
        cdef Py_ssize_t i = text.find(word), n = len(word), end
        while i >= 0:
            end = i + n
            if i != at and not (i and text[i - 1].isalnum()) \
                    and not (end < len(text) and text[end].isalnum()) \
                    and prev_token(text, i) not in self.sentence_prev:
                return True
            i = text.find(word, i + 1)
        return False

    cdef str _ctx_key(self, dict keys, str kind, str token):
        """The token itself if the model knows it as context ``kind`` (p: before a run, n:
        after it), else a stand-in that scores the same, so that runs in unknown contexts
        share cache entries."""
        out = keys.get(token)
        if out is not None:
            return <str>out
        cdef str low = token.lower()
        cdef Py_ssize_t n = len(low)
        if (kind == "p" and (self._row("P=", low, 0, n) >= 0 or self._row("q=", low, 0, n) >= 0)) \
                or (kind == "n" and (self._row("N=", low, 0, n) >= 0
                                     or self._row("r=", low, 0, n) >= 0)):
            out = token
        elif kind == "p" and token in self.sentence_prev:
            out = _BOS
        else:
            out = "Unk" if token[:1].isupper() else "unk"
        keys[token] = out
        return <str>out

    cdef object _single_prev_key(self, str token):
        """What a one-word run's mentions depend on of the token before it (see
        :meth:`_single`): the token itself if the model knows it as the previous token ("P="),
        else only whether it is capitalised, starts a sentence and is a cite word (an int: no
        token equals it)."""
        out = self.spkeys.get(token)
        if out is None:
            low = token.lower()
            if self._row("P=", low, 0, len(low)) >= 0:
                out = token
            else:
                out = ((1 if token[:1].isupper() else 0) | (2 if token in self.sentence_prev else 0)
                       | (4 if low in self.cite_words else 0))
            self.spkeys[token] = out
        return out

    cdef object _single_next_key(self, str token):
        """What a one-word run's mentions depend on of the token after it: the token itself if
        the model knows it as the next token ("N="), else only whether it is capitalised."""
        out = self.snkeys.get(token)
        if out is None:
            low = token.lower()
            out = token if self._row("N=", low, 0, len(low)) >= 0 else (
                1 if token[:1].isupper() else 0)
            self.snkeys[token] = out
        return out

    cdef tuple _run_entities(self, str run, str prev, str nxt):
        """Mentions (relative start, relative end, name, type) of a run of several words,
        cached by the run and the keys of its context tokens."""
        cdef str pk = self._ctx_key(self.pkeys, "p", prev)
        cdef str nk = self._ctx_key(self.nkeys, "n", nxt)
        key = (pk, run, nk)
        found = self.runs.get(key)
        if found is None:
            found = self._run_found(run, pk, nk)
            self.runs[untracked(key)] = untracked(found)
        return <tuple>found

    cdef tuple _run_found(self, str run, str prev, str nxt):
        """Mentions (relative start, relative end, name, type) of a run of several words after
        the token (or context key) ``prev`` and before ``nxt``, from its strings: the plain
        reference of :meth:`_run_found_at`."""
        cdef list words = run.split(" ")  # runs are joined by single spaces
        cdef str low = run.lower()
        cdef Py_ssize_t n = len(words), i
        cdef list labels
        if low in self.places:  # a well-known place on its own is a place
            labels = [5] + [6] * (n - 1)
        elif low in self.orgs:
            labels = [3] + [4] * (n - 1)
        else:
            labels = self._tag(words, prev, nxt)
            # split_places changes only a B-X followed by its I-X: most runs need no call.
            for i in range(n - 1):
                if <int>labels[i] % 2 == 1 and <int>labels[i + 1] == <int>labels[i] + 1:
                    for w in words:
                        if (<str>w).lower() in self.place_first:
                            labels = self.split_places(words, labels, nxt)
                            break
                    break
        return self._labels_found(run, words, labels)

    cdef list _split_places(self, list words, list labs, str nxt):
        """``Model.split_places`` (``split_places`` of the config) compiled: a well-known place
        (one of split_heads, lower case) at the head of a span split off where the span's
        words after it, tagged on their own, begin a person ("Presiden AS Joe Biden")."""
        cdef list out = list(labs), rest
        cdef Py_ssize_t n = len(words), i = 0, j, k
        cdef int lab
        while i < n:
            lab = out[i]
            if lab % 2 == 0:  # not a B-X
                i += 1
                continue
            k = i + 1
            while k < n and <int>out[k] == lab + 1:
                k += 1
            for j in range(min(k - 1, i + 3), i, -1):  # longest place prefix first
                if u" ".join(words[i:j]).lower() in self.split_heads:
                    rest = self._tag(words[j:k], <str>words[j - 1],
                                     <str>words[k] if k < n else nxt)
                    if <int>rest[0] == 1:  # B-PER
                        out[i:j] = [5] + [6] * (j - i - 1)
                        out[j:k] = rest
                    break
            i = k
        return out

    def split_labels(self, words, labs, str nxt):
        """:meth:`_split_places` of a run's ``words`` and BIO labels (for tests)."""
        return self._split_places(list(words), list(labs), nxt)

    cdef tuple _labels_found(self, str run, object words, list labels):
        """The mentions of a run of several words (``words``) whose BIO labels are
        ``labels``: each span of one type, as :meth:`_span_found` makes it."""
        cdef Py_ssize_t n = len(words), i, a = 0, b, sa = 0, sb = 0
        cdef int lab, t, open_type = -1  # the type of the span open at word i (-1: none)
        cdef list found = []
        for i in range(n):
            b = a + len(<str>words[i])
            lab = labels[i]
            t = (lab - 1) // 2 if lab else -1
            if lab == 0 or lab % 2 == 1 or t != open_type:  # the open span ends before word i
                if open_type >= 0:
                    self._span_found(run, sa, sb, open_type, found)
                sa = a
                open_type = t
            sb = b
            a = b + 1
        if open_type >= 0:
            self._span_found(run, sa, sb, open_type, found)
        return tuple(found)

    cdef int _span_found(self, str run, Py_ssize_t sa, Py_ssize_t sb, int t,
                         list found) except -1:
        """Append to ``found`` the mention that ``run[sa:sb]`` labelled type ``t`` makes, if
        it makes one: trimmed (:meth:`_trim`) and normalised, which read that span alone, so
        that what a span makes is found once per span and type (span_found)."""
        cdef str span = run[sa:sb]
        cdef dict cache = <dict>self.span_found[t]
        cdef Py_ssize_t s = 0, e = sb - sa
        cdef str typ
        made = cache.get(span)
        if made is None:
            typ = <str>_TYPES[t]
            if self._trim(span, &s, &e, typ):
                name = self.normaliser.normalise(span[s:e], typ)
                made = untracked((s, e, (<tuple>name)[0], (<tuple>name)[1]))
            else:
                made = ()
            cache[span] = made
        if made:
            found.append((sa + <Py_ssize_t>made[0], sa + <Py_ssize_t>made[1], made[2], made[3]))
        return 0

    cdef bint _trim(self, str text, Py_ssize_t* start, Py_ssize_t* end, str typ):
        """Drop leading and trailing lower-case connectors from a span within a run; False for
        what is never a mention alone (a generic head, a credit or byline, a person that is
        only titles). A title at the head of a person stays in the mention; normalisation drops
        it from the name."""
        cdef Py_ssize_t k
        while True:
            k = text.find(" ", start[0], end[0])
            if k < 0 or text[start[0] : k] not in self.connectors:
                break
            start[0] = k + 1
        while True:
            k = text.rfind(" ", start[0], end[0])
            if k < 0 or text[k + 1 : end[0]] not in self.connectors:
                break
            end[0] = k
        if start[0] >= end[0]:
            return False
        cdef str low = text[start[0] : end[0]].rstrip(".").lower()
        if low in self.not_alone or self.credits.match(low) is not None:
            return False
        if typ == "PER" and (low in self.titles or self._only_titles(low)):
            return False  # only titles: "Kasat Reskrim", "Plt Menpora"
        return True

    cdef bint _only_titles(self, str low):
        """Whether every word of ``low`` is a title or continues one (a full stop dropped)."""
        for w in low.split(" "):
            if (<str>w).rstrip(".") not in self.title_words:
                return False
        return True

    cdef tuple _found_slow(self, str text, Py_ssize_t* start, Py_ssize_t end, str run, str low):
        """The mentions of a run from its strings (a run that a head word lengthens, or that an
        official name cut by "dan" shortened)."""
        cdef str prev = prev_token(text, start[0]), nxt
        cdef tuple found
        if prev in self.heads:  # "desa Kramas": a head word the gold data counts in
            start[0] -= len(prev) + 1
            run = text[start[0]:end]
            prev = prev_token(text, start[0])
        if " " in run:
            found = self._run_entities(run, prev, next_token(text, end))
        else:  # one word, and low its lower case (a head word makes two)
            nxt = next_token(text, end)
            key = (self._single_prev_key(prev), run, self._single_next_key(nxt))
            cached = self.singles.get(key)
            if cached is None:
                cached = self._single(run, low, prev, nxt)
                self.singles[untracked(key)] = untracked(cached)
            found = <tuple>cached
            if found and found[0][4] and not self._named_elsewhere(text, run, start[0]):
                found = ()
        return found
