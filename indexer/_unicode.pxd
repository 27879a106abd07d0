# The CPython calls the compiled scanners use to read a str's characters in place, declared once
# for every module that cimports them (``from indexer._unicode cimport ...``).

cdef extern from "Python.h":
    Py_ssize_t PyUnicode_GET_LENGTH(object u)
    int PyUnicode_KIND(object u)
    void* PyUnicode_DATA(object u)
    Py_UCS4 PyUnicode_READ(int kind, void* data, Py_ssize_t index)
    object PyUnicode_Substring(object u, Py_ssize_t start, Py_ssize_t end)
