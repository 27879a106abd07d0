# A mention's fields (an Entity's slots) read where the compiled passes walk every mention: through
# the member definition of each slot's descriptor, which is what reading the attribute runs after
# looking the name up on the type; an object of another type is read by attribute name.

from cpython.object cimport Py_TYPE, PyObject, PyTypeObject

cdef extern from "structmember.h":
    ctypedef struct PyMemberDef:
        pass
    object PyMember_GetOne(const char* obj, PyMemberDef* member)
    int PyMember_SetOne(char* obj, PyMemberDef* member, object value) except -1

cdef extern from "Python.h":
    ctypedef struct PyMemberDescrObject:
        PyMemberDef* d_member


ctypedef struct Fields:
    PyTypeObject* cls
    PyMemberDef* name
    PyMemberDef* type
    PyMemberDef* start
    PyMemberDef* end


cdef inline PyMemberDef* _member(type cls, str field) except NULL:
    return (<PyMemberDescrObject*><PyObject*>cls.__dict__[field]).d_member


cdef inline Fields fields_of(type cls) except *:
    """The member definitions of ``cls``'s slots "name", "type", "start" and "end" (``cls``
    must live as long as they are used: the mention class of the package does)."""
    cdef Fields f
    for field in ("name", "type", "start", "end"):
        if type(cls.__dict__[field]).__name__ != "member_descriptor":
            raise TypeError(f"{cls.__name__}.{field} is no slot")
    f.cls = <PyTypeObject*>cls
    f.name = _member(cls, "name")
    f.type = _member(cls, "type")
    f.start = _member(cls, "start")
    f.end = _member(cls, "end")
    return f


cdef inline str m_name(Fields* f, object ent):
    if Py_TYPE(ent) == f.cls:
        return <str>PyMember_GetOne(<const char*><PyObject*>ent, f.name)
    return ent.name


cdef inline object m_type(Fields* f, object ent):
    if Py_TYPE(ent) == f.cls:
        return PyMember_GetOne(<const char*><PyObject*>ent, f.type)
    return ent.type


cdef inline Py_ssize_t m_start(Fields* f, object ent) except? -1:
    if Py_TYPE(ent) == f.cls:
        return PyMember_GetOne(<const char*><PyObject*>ent, f.start)
    return ent.start


cdef inline Py_ssize_t m_end(Fields* f, object ent) except? -1:
    if Py_TYPE(ent) == f.cls:
        return PyMember_GetOne(<const char*><PyObject*>ent, f.end)
    return ent.end


cdef inline object m_new(Fields* f, object name, object typ, object start, object end):
    """A new mention of ``f``'s class with these fields, made as ``names.make_entity`` makes
    one (no __init__: its slots set one by one), without a call through Python."""
    cdef type cls = <type>f.cls
    ent = cls.__new__(cls)
    cdef char* at = <char*><PyObject*>ent
    PyMember_SetOne(at, f.name, name)
    PyMember_SetOne(at, f.type, typ)
    PyMember_SetOne(at, f.start, start)
    PyMember_SetOne(at, f.end, end)
    return ent
