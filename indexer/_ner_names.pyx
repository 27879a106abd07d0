# cython: language_level=3, boundscheck=False, wraparound=False
"""What the tagger calls for each new mention, compiled: its facet value and type
(:class:`Normaliser`, ``indexer.entities.names.normalise``) and whether it is a credit or a
byline (:class:`Credits`, ``indexer.entities.facts.credit_match``). Both are built from the
package's facts (the tagger's ``TaggerConfig`` holds them). And whether a short form spells a
name (:func:`is_short_form`, ``names.plain_is_short_form``), which the passes that link short
forms ask of most names before "(". ``tests/test_extraction_fast_paths.py`` and
``tests/test_compiled_names.py`` prove each equal to its Python reference on corpus text and
generated strings.
"""


cdef class Normaliser:
    """``names.normalise`` from its facts: the titles a person's name drops from its head, the
    words that continue a title, the alias table, the short forms it joins only for a place,
    and the length up to which a capitalised short form is a person's name."""

    def __init__(self, frozenset titles, frozenset qualifiers, dict aliases,
                 frozenset places_only, Py_ssize_t short_alias):
        self.titles = titles
        self.qualifiers = qualifiers
        self.aliases = aliases
        self.places_only = places_only
        self.short_alias = short_alias

    cpdef tuple normalise(self, str surface, str typ):
        """The facet value and type of a mention ``surface`` the tagger typed ``typ``."""
        cdef str name = surface, low
        cdef Py_ssize_t n = len(surface), k
        cdef bint titled = False
        if n and (surface[0] == u" " or surface[n - 1] == u" " or u"  " in surface
                  or not surface.isprintable()):
            name = u" ".join(surface.split())  # runs of whitespace as one space, none at ends
        if typ == u"PER":
            k = name.find(u" ")
            while k >= 0:
                low = name[:k].rstrip(u".").lower()
                if not (low in self.titles or (titled and low in self.qualifiers)):
                    break
                name = name[k + 1:]
                titled = True
                k = name.find(u" ")
        low = name.lower()
        alias = self.aliases.get(low)
        if alias is not None and (typ == u"LOC" or low not in self.places_only):
            if len(name) > self.short_alias or not name.istitle():
                return <tuple>alias
            return (name, u"PER")
        return (name, typ)


cdef class Credits:
    """``facts.credit_match``: ``fullmatch`` (the credit pattern's) of a lower-cased mention
    that holds a full stop or begins with one of ``heads`` (the first ``head`` characters of
    each outlet's name); no other can match."""

    def __init__(self, Py_ssize_t head, frozenset heads, fullmatch):
        self.head = head
        self.heads = heads
        self.fullmatch = fullmatch

    cpdef object match(self, str low):
        """The credit pattern's full match of ``low``, or None."""
        if low.find(u".") >= 0 or low[:self.head] in self.heads:
            return self.fullmatch(low)
        return None


def is_short_form(str short, str name):
    """``names.plain_is_short_form``: whether ``short`` spells ``name`` as leading letters of
    its words, in order, starting with the first word (words may be left out). A table over
    (letters spelt, word) filled from the end, where the reference memoises a recursion."""
    cdef str lets = u"".join([c for c in short.lower() if c.isalpha()])
    cdef list words = [w for w in name.lower().split(u" ") if w[:1].isalpha()]
    cdef Py_ssize_t n = len(lets), m = len(words), i, j, k, top
    if n < 2 or m < 2:
        return False
    # rest[i * (m + 1) + j]: whether lets[i:] is spelt from words[j:] on, its first piece from
    # any of them (rest[n * (m + 1) + j]: all spelt; rest[i * (m + 1) + m]: no word left)
    cdef bytearray table = bytearray((n + 1) * (m + 1))
    cdef unsigned char* rest = table
    cdef unsigned char spelt
    cdef str w
    for j in range(m + 1):
        rest[n * (m + 1) + j] = 1
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            w = <str>words[j]
            top = min(len(w), n - i)
            spelt = 0
            k = 0
            while not spelt and k < top and w[k] == lets[i + k]:
                k += 1
                spelt = rest[(i + k) * (m + 1) + j + 1]
            rest[i * (m + 1) + j] = spelt or rest[i * (m + 1) + j + 1]
    return spelt == 1  # the last one filled: lets from the first word
