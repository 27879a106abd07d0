# cython: language_level=3
"""A mention's facet value and the credit test, compiled (implemented in ``_ner_names.pyx``)."""


cdef class Normaliser:
    cdef frozenset titles, qualifiers, places_only
    cdef dict aliases
    cdef Py_ssize_t short_alias

    cpdef tuple normalise(self, str surface, str typ)


cdef class Credits:
    cdef Py_ssize_t head
    cdef frozenset heads
    cdef object fullmatch

    cpdef object match(self, str low)
