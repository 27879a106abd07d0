# cython: language_level=3, boundscheck=False, wraparound=False
"""PySastrawi 1.2.1's word stemmer, compiled: the same stem for every word of lower-case letters
a-z and hyphens (the words :mod:`indexer.analysis` stems); :class:`Stemmer` hands any other word
to the stemmer it is given (``indexer.stemmer``'s Sastrawi).

A port of PySastrawi (https://github.com/har07/PySastrawi, MIT licence, by Hanif Amal Robbani),
itself a port of Sastrawi (https://github.com/sastrawi/sastrawi, by Andy Librian): the Enhanced
Confix Stripping stemmer (Nazief & Adriani; Asian, "Effective Techniques for Indonesian Text
Retrieval", 2007) with Sastrawi's rules. Its dictionary (CC BY-NC-SA 3.0) is not part of this
module: the caller passes the one PySastrawi installs.

Sastrawi's steps, kept in its order because its result depends on it (a stem is accepted only
when the dictionary has it, and the first accepted one wins):

* a word in the dictionary is its own stem; a word of at most three letters sets the *stop
  flag*, which from then on ends each pass of visitors after its first visitor;
* the suffix pass: a particle (``-*(lah|kah|tah|pun)$``), then a possessive
  (``-*(ku|mu|nya)$``), then a derivational suffix (``(is|isme|isasi|i|kan|an)$``: the
  longest that ends the word), the dictionary checked after each;
* the prefix pass (up to three): "di", "ke", "se", then Sastrawi's 40 prefix visitors in its
  order, each a list of disambiguator rules; a visitor's result is its first rule's word that
  the dictionary has, else its last rule's (which may be nothing); a pass ends at the first
  visitor that removes something (identity rules such as 37a count: they record a removal);
* precedence adjustment: words shaped be..lah, be..an, me..i, di..i, pe..i, ter..i try the
  prefixes first and, failing, start again suffix first;
* the suffix loop ("loop pengembalian akhiran"): back to the word before the first prefix
  removal, then each suffix removal, last first, undone (for "kan", first with "k" kept) and
  the prefixes tried again;
* the result: the word reached if the dictionary has it, else the word itself;
* a hyphenated word whose hyphen is not only before a particle or possessive ("buku-buku",
  "bolak-balik", "malaikat-malaikat-nya") is a plural: its two halves stem alone (the second
  with "me" before it if it stemmed to itself outside the dictionary), and the stem is theirs
  when they agree, else the word itself.

``tests/test_stemmer_compiled.py`` compares it with plain PySastrawi word for word.
"""

cdef enum Kind:
    DP = 0  # derivational prefix
    DS = 1  # derivational suffix
    PP = 2  # possessive pronoun
    P = 3   # particle

cdef enum:
    N_PREFIX_VISITORS = 41  # "di|ke|se" and Sastrawi's 40 prefix disambiguators

_PARTICLES = ("lah", "kah", "tah", "pun")
_POSSESSIVES = ("ku", "mu", "nya")
_PLURAL_ENDINGS = ("ku", "mu", "nya", "lah", "kah", "tah", "pun")


cdef inline bint _vowel(Py_UCS4 c):
    return c == u'a' or c == u'i' or c == u'u' or c == u'e' or c == u'o'


cdef inline bint _letter(Py_UCS4 c):
    return u'a' <= c <= u'z'


cdef inline bint _consonant(Py_UCS4 c):
    return u'a' <= c <= u'z' and not _vowel(c)


cdef inline bint _hard(Py_UCS4 c):
    """[bcdfghjkpqstvxz], rules 35 and 36."""
    return _consonant(c) and not (c == u'l' or c == u'm' or c == u'n' or c == u'r'
                                  or c == u'w' or c == u'y')


cdef inline bint _one_of(Py_UCS4 c, str chars):
    return c in chars


cdef bint in_domain(str word):
    """Only a-z and "-": the words this port is proven on (no "\\n" for "$" to stop before, no
    regex metacharacter in the words Sastrawi uses as patterns)."""
    cdef Py_UCS4 c
    for c in word:
        if not (u'a' <= c <= u'z' or c == u'-'):
            return False
    return True


cdef inline object _pick(dict words, object a, object b):
    """A visitor of two rules: the first's word if the dictionary has it, else the second's."""
    if a is not None and a in words:
        return a
    return b


cdef enum Nasal:
    M_BFV, M_V, N_CDJSTZ, N_V, NY_V, NG_V


cdef object _nasal(Nasal rule, str w, dict words):
    """The rules "me" and "pe" share, on what follows them: m{b|f|v} (11, 25); mV as m- or p-
    (13, 26); n{c|d|j|s|t|z} (14, 27); nV as n- or t- (15, 28); nyV as ny- or s- (18, 31); ngV
    as itself or k- (17a-b, 30a-b: None here when the dictionary has neither)."""
    cdef Py_ssize_t n = len(w)
    cdef Py_UCS4 c
    cdef object a
    if rule == NG_V or rule == NY_V:
        if not (n > 4 and w[2] == u'n' and _vowel(w[4])):
            return None
        if rule == NY_V:
            return _pick(words, u'ny' + w[4:], u's' + w[4:]) if w[3] == u'y' else None
        if w[3] != u'g':
            return None
        a = w[4:]
        if a in words:
            return a
        a = u'k' + a
        return a if a in words else None
    if n <= 3:
        return None
    c = w[3]
    if w[2] == u'm':
        if rule == M_BFV and (c == u'b' or c == u'f' or c == u'v'):
            return w[3:]
        if rule == M_V and _vowel(c):
            return _pick(words, u'm' + w[3:], u'p' + w[3:])
    elif w[2] == u'n':
        if rule == N_CDJSTZ and _one_of(c, u'cdjstz'):
            return w[3:]
        if rule == N_V and _vowel(c):
            return _pick(words, u'n' + w[3:], u't' + w[3:])
    return None


cdef object _disambiguate(Py_ssize_t v, str w, dict words):
    """What Sastrawi's prefix visitor ``v`` (1..40) gives for ``w``: a word, or None."""
    cdef Py_ssize_t n = len(w)
    cdef object a
    if v <= 9:
        if v == 1:  # 1a, 1b: ber-V
            if n > 3 and w.startswith(u'ber') and _vowel(w[3]):
                return _pick(words, w[3:], u'r' + w[3:])
        elif v == 2:  # berCAP, P != "er"
            if n > 4 and w.startswith(u'ber') and _consonant(w[3]) and _letter(w[4]):
                if w.startswith(u'er', 5):
                    return None
                return w[3:]
        elif v == 3:  # berCAerV, C != "r"
            if (n > 7 and w.startswith(u'ber') and _consonant(w[3]) and _letter(w[4])
                    and w[5] == u'e' and w[6] == u'r' and _vowel(w[7])):
                if w[3] == u'r':
                    return None
                return w[3:]
        elif v == 4:
            if w == u'belajar':
                return u'ajar'
        elif v == 5:  # beC1erC2, C1 != "r"
            if (n > 5 and w.startswith(u'be') and _consonant(w[2]) and w[2] != u'r'
                    and w[3] == u'e' and w[4] == u'r' and _consonant(w[5])):
                return w[2:]
        elif v == 6:  # 6a, 6b: ter-V
            if n > 3 and w.startswith(u'ter') and _vowel(w[3]):
                return _pick(words, w[3:], u'r' + w[3:])
        elif v == 7:  # terCerV, C != "r"
            if (n > 6 and w.startswith(u'ter') and _consonant(w[3]) and w[4] == u'e'
                    and w[5] == u'r' and _vowel(w[6])):
                if w[3] == u'r':
                    return None
                return w[3:]
        elif v == 8:  # terCP, C != "r", P != "er"
            if n > 3 and w.startswith(u'ter') and _consonant(w[3]):
                if w[3] == u'r' or w.startswith(u'er', 4):
                    return None
                return w[3:]
        else:  # 9: teC1erC2, C1 != "r"
            if (n > 5 and w.startswith(u'te') and _consonant(w[2]) and w[3] == u'e'
                    and w[4] == u'r' and _consonant(w[5])):
                if w[2] == u'r':
                    return None
                return w[2:]
        return None
    if v <= 19:
        if not w.startswith(u'me'):
            return None
        if v == 10:  # me{l|r|w|y}V
            if n > 3 and _one_of(w[2], u'lrwy') and _vowel(w[3]):
                return w[2:]
        elif v == 11:
            return _nasal(M_BFV, w, words)
        elif v == 12:
            if w.startswith(u'mempe'):
                return u'pe' + w[5:]
        elif v == 13:
            return _nasal(M_V, w, words)
        elif v == 14:
            return _nasal(N_CDJSTZ, w, words)
        elif v == 15:
            return _nasal(N_V, w, words)
        elif v == 16:  # meng{g|h|q|k}
            if n > 4 and w.startswith(u'meng') and _one_of(w[4], u'ghqk'):
                return w[4:]
        elif v == 17:  # 17a, 17b, 17c (menge), 17d: mengV
            a = _nasal(NG_V, w, words)
            if a is not None:
                return a
            if n > 4 and w.startswith(u'meng') and _vowel(w[4]):
                if w[4] == u'e':
                    a = w[5:]
                    if a in words:
                        return a
                return u'ng' + w[4:]
        elif v == 18:
            return _nasal(NY_V, w, words)
        else:  # 19: memp{a|b|c|d|f|...}, not "e" or "n"
            if (n > 4 and w.startswith(u'memp') and _letter(w[4]) and w[4] != u'e'
                    and w[4] != u'n'):
                return u'p' + w[4:]
        return None
    if v <= 34:
        if not w.startswith(u'pe'):
            if v == 33:  # 35: ter{hard}erC
                if (n > 6 and w.startswith(u'ter') and _hard(w[3]) and w[4] == u'e'
                        and w[5] == u'r' and _consonant(w[6])):
                    return w[3:]
            return None
        if v == 20:  # pe{w|y}V
            if n > 3 and _one_of(w[2], u'wy') and _vowel(w[3]):
                return w[2:]
        elif v == 21:  # 21a, 21b: perV
            if n > 3 and w[2] == u'r' and _vowel(w[3]):
                return _pick(words, w[3:], w[2:])
        elif v == 22:  # 23: perCAP, P != "er"
            if n > 4 and w[2] == u'r' and _consonant(w[3]) and _letter(w[4]):
                if w.startswith(u'er', 5):
                    return None
                return w[3:]
        elif v == 23:  # 24: perCAerV, C != "r"
            if (n > 7 and w[2] == u'r' and _consonant(w[3]) and _letter(w[4])
                    and w[5] == u'e' and w[6] == u'r' and _vowel(w[7])):
                if w[3] == u'r':
                    return None
                return w[3:]
        elif v == 24:  # 25
            return _nasal(M_BFV, w, words)
        elif v == 25:  # 26a, 26b
            return _nasal(M_V, w, words)
        elif v == 26:  # 27
            return _nasal(N_CDJSTZ, w, words)
        elif v == 27:  # 28a, 28b
            return _nasal(N_V, w, words)
        elif v == 28:  # 29: pengC
            if n > 4 and w.startswith(u'peng') and _consonant(w[4]):
                return w[4:]
        elif v == 29:  # 30a, 30b, 30c: pengV; the last rule (penge) gives nothing otherwise
            a = _nasal(NG_V, w, words)
            if a is not None:
                return a
            if w.startswith(u'penge'):
                return w[5:]
        elif v == 30:  # 31a, 31b
            return _nasal(NY_V, w, words)
        elif v == 31:  # 32: pelV, pelajar
            if w == u'pelajar':
                return u'ajar'
            if n > 3 and w[2] == u'l' and _vowel(w[3]):
                return w[2:]
        elif v == 32:  # 34: peCP, P != "er"
            if n > 2 and _consonant(w[2]):
                if w.startswith(u'er', 3):
                    return None
                return w[2:]
        elif v == 33:  # 35 needs "ter"
            return None
        else:  # 36: pe{hard}erC
            if (n > 5 and _hard(w[2]) and w[3] == u'e' and w[4] == u'r'
                    and _consonant(w[5])):
                return w[2:]
        return None
    if v <= 38:  # 37-40 (a, b): C{er|el|em|in}V, the word as it is or without the infix
        if n > 3 and _consonant(w[0]) and _vowel(w[3]) and (
                (v == 35 and w[1] == u'e' and w[2] == u'r')
                or (v == 36 and w[1] == u'e' and w[2] == u'l')
                or (v == 37 and w[1] == u'e' and w[2] == u'm')
                or (v == 38 and w[1] == u'i' and w[2] == u'n')):
            return _pick(words, w, w[0] + w[3:])
        return None
    if v == 39:  # 41: ku
        if w.startswith(u'ku'):
            return w[2:]
        return None
    if w.startswith(u'kau'):  # 42
        return w[3:]
    return None


cdef bint _precedence(str w):
    """Sastrawi's PrecedenceAdjustmentSpecification: be..lah, be..an, me..i, di..i, pe..i,
    ter..i (the affixes not overlapping)."""
    cdef Py_ssize_t n = len(w)
    if w.startswith(u'be'):
        return (n >= 5 and w.endswith(u'lah')) or (n >= 4 and w.endswith(u'an'))
    if w.startswith((u'me', u'di', u'pe')):
        return n >= 3 and w.endswith(u'i')
    return n >= 4 and w.startswith(u'ter') and w.endswith(u'i')


cdef class _Context:
    """Sastrawi's Context for one singular word."""
    cdef dict words
    cdef str original
    cdef str current
    cdef bint stopped
    cdef list removals  # (kind, word before, word after, the removed part was "kan")

    def __cinit__(self, str word, dict words):
        self.words = words
        self.original = word
        self.current = word
        self.stopped = False
        self.removals = []

    cdef inline bint found(self):
        return self.current in self.words

    cdef str result(self):
        self.start()
        return self.current if self.found() else self.original

    cdef void start(self):
        if self.found():
            return
        if len(self.current) <= 3:  # DontStemShortWord
            self.stopped = True
        if _precedence(self.original):
            self.remove_prefixes()
            if self.found():
                return
            self.remove_suffixes()
            if self.found():
                return
            self.current = self.original
            self.removals = []
        self.remove_suffixes()
        if self.found():
            return
        self.remove_prefixes()
        if self.found():
            return
        self.suffix_loop()

    cdef void remove(self, Kind kind, str result, bint kan):
        self.removals.append((kind, self.current, result, kan))
        self.current = result

    cdef void remove_ending(self, Kind kind, Py_ssize_t length):
        """Remove the last ``length`` letters and the hyphens before them (``-*(...)$``)."""
        cdef str w = self.current
        cdef Py_ssize_t j = len(w) - length
        while j > 0 and w[j - 1] == u'-':
            j -= 1
        self.remove(kind, w[:j], False)

    cdef void remove_suffixes(self):
        cdef str w = self.current
        cdef Py_ssize_t n, cut
        if w.endswith(_PARTICLES):
            self.remove_ending(P, 3)
        if self.found() or self.stopped:
            return
        w = self.current
        if w.endswith(_POSSESSIVES):
            self.remove_ending(PP, 3 if w.endswith(u'nya') else 2)
        if self.found() or self.stopped:
            return
        w = self.current
        n = len(w)
        cut = 0
        if w.endswith(u'isasi'):
            cut = 5
        elif w.endswith(u'isme'):
            cut = 4
        elif w.endswith(u'kan'):
            cut = 3
        elif w.endswith((u'is', u'an')):
            cut = 2
        elif w.endswith(u'i'):
            cut = 1
        if cut:
            self.remove(DS, w[:n - cut], cut == 3)

    cdef void prefix_pass(self):
        """Sastrawi's accept_prefix_visitors. A visitor that removes nothing leaves word,
        removals and stop flag as they were, so the checks after it (but the first's) would
        repeat the previous visitor's, which did not end the pass."""
        cdef Py_ssize_t count = len(self.removals), v
        cdef str w
        cdef object result
        for v in range(N_PREFIX_VISITORS):
            w = self.current
            if v == 0:
                if w.startswith((u'di', u'ke', u'se')):
                    self.remove(DP, w[2:], False)
            else:
                result = _disambiguate(v, w, self.words)
                if result is None:
                    continue
                self.remove(DP, result, False)
            if self.found() or self.stopped or len(self.removals) > count:
                return

    cdef void remove_prefixes(self):
        cdef int i
        for i in range(3):
            self.prefix_pass()
            if self.found():
                return

    cdef void suffix_loop(self):
        cdef tuple removal
        cdef list removals
        cdef str saved
        if self.removals:
            self.current = self.removals[0][1]
        self.removals = [r for r in self.removals if r[0] != DP]
        removals = list(self.removals)
        saved = self.current
        for removal in reversed(tuple(removals)):
            if removal[3]:  # "kan": first try the word with its "k"
                self.current = removal[2] + u'k'
                self.remove_prefixes()
                if self.found():
                    return
                self.current = removal[2] + u'kan'
            else:
                self.current = removal[1]
            self.remove_prefixes()
            if self.found():
                return
            self.removals = removals
            self.current = saved


cdef class Stemmer:
    """``stem_word(word)``: PySastrawi's stem of ``word``, computed here for words of a-z and
    "-" and by ``other(word)`` for any other word."""
    cdef dict words
    cdef object other

    def __init__(self, dict words, other):
        """``words``: Sastrawi's dictionary (``ArrayDictionary.words``); ``other``: the stemmer
        for words outside a-z and "-"."""
        self.words = words
        self.other = other

    cdef str singular(self, str word):
        return _Context(word, self.words).result()

    cdef str plural(self, str word):
        cdef Py_ssize_t i = word.rfind(u'-'), j
        cdef str first = word[:i], second = word[i + 1:], stem1, stem2
        if second in _PLURAL_ENDINGS:
            j = first.rfind(u'-')
            if j >= 0:
                second = first[j + 1:] + u'-' + second
                first = first[:j]
        stem1 = self.singular(first)
        stem2 = self.singular(second)
        if stem2 == second and second not in self.words:
            stem2 = self.singular(u'me' + second)
        return stem1 if stem1 == stem2 else word

    def stem_word(self, str word):
        cdef Py_ssize_t i
        if not in_domain(word):
            return self.other(word)
        i = word.rfind(u'-')
        if i < 0:
            return self.singular(word)
        if word[i + 1:] in _PLURAL_ENDINGS and u'-' not in word[:i]:
            return self.singular(word)  # only a particle or possessive after the hyphen
        return self.plural(word)

    def handles(self, str word):
        """Whether :meth:`stem_word` stems ``word`` itself."""
        return in_domain(word)
