# cython: language_level=3
"""The context tokens of a run (implemented in ``_ner_tokens.pyx``): the token before and after
it, as strings and as spans of the text (no string built)."""

cpdef str prev_token(str text, Py_ssize_t start)
cpdef str next_token(str text, Py_ssize_t end)
cdef bint prev_span(str text, Py_ssize_t start, Py_ssize_t* a, Py_ssize_t* b)
cdef bint next_span(str text, Py_ssize_t end, Py_ssize_t* a, Py_ssize_t* b)


cdef inline bint alnum(Py_UCS4 c) noexcept:
    """``c.isalnum()`` (what the regex class ``[^\\W_]`` matches), ASCII without a call."""
    cdef unsigned int u = c
    if u < 128:
        return u - 48 < 10 or (u | 32) - 97 < 26
    return c.isalnum()
