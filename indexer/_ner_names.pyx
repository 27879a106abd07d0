# cython: language_level=3, boundscheck=False, wraparound=False
"""What the tagger calls for each new mention, compiled: its facet value and type
(:class:`Normaliser`, ``indexer.entities.names.normalise``) and whether it is a credit or a
byline (:class:`Credits`, ``indexer.entities.facts.credit_match``). Both are built from the
package's facts (the tagger's ``TaggerConfig`` holds them); ``tests/test_extraction_fast_paths.py``
proves each equal to its Python reference on corpus mentions and generated strings.
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
