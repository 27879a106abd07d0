# cython: language_level=3
"""The tagger's C tables (implemented in ``_ner_tables.pyx``): string keys -> numbers found
from a string's code points without building the key (KeyTable), packed uint64 keys -> indexes
(FoundTable), and the record lists the garbage collector does not walk. The look-ups the hot
loop makes are inline here, so that every module that cimports them compiles them in."""

from cpython.object cimport PyObject
from libc.stdint cimport uint32_t, uint64_t

cdef extern from *:
    """
    #define WARTA_PREFETCH(p) __builtin_prefetch((const void*)(p))
    #define WARTA_LIST_ITEMS(op) (((PyListObject*)(op))->ob_item)
    #define WARTA_TUPLE_ITEMS(op) (((PyTupleObject*)(op))->ob_item)
    #define WARTA_FNV_BASIS 14695981039346656037ULL
    #define WARTA_FNV_PRIME 1099511628211ULL
    #define WARTA_FOUND_MARK (1ULL << 63)
    """
    void prefetch "WARTA_PREFETCH"(const void* p) noexcept nogil
    PyObject** list_items "WARTA_LIST_ITEMS"(object op) noexcept
    PyObject** tuple_items "WARTA_TUPLE_ITEMS"(object op) noexcept
    const uint64_t FNV_BASIS "WARTA_FNV_BASIS"
    const uint64_t FNV_PRIME "WARTA_FNV_PRIME"
    const uint64_t FOUND_MARK "WARTA_FOUND_MARK"  # packed keys use 63 bits at most

cdef extern from "Python.h":
    int PyUnicode_KIND(object)
    void* PyUnicode_DATA(object)
    int PyUnicode_1BYTE_KIND
    Py_UCS4 PyUnicode_READ(int kind, void* data, Py_ssize_t index)
    void PyObject_GC_UnTrack(void* op)

cdef enum:
    BATCH = 24  # feature look-ups fetched side by side (kt_find_many)

cdef struct KeySlot:
    uint64_t h  # the key's hash (mixed); 0: an empty slot
    uint32_t value  # the key's number: keys are numbered 0, 1, ... as they are added
    uint32_t at  # where the key is in pool: its length, then its code points (one cache miss
    # fewer per hit than a separate offset table)

# String keys -> their numbers, found from a string's code points (or those of a prefix and a
# slice of a string) without building the key: open addressing over the keys' hashes, a hit
# checked against the key's code points.
cdef struct KeyTable:
    KeySlot* slots
    Py_ssize_t mask  # the number of slots - 1 (a power of 2 minus 1)
    Py_ssize_t count  # keys added
    Py_ssize_t cap  # keys it has room for in koff and hashes
    Py_UCS4* pool  # each key's length and code points, one key after the other
    Py_ssize_t pool_used, pool_cap
    uint32_t* koff  # key number -> its place in pool (to place the keys again as slots grow)
    uint64_t* hashes  # key number -> its hash

# One look-up of key ``prefix + s[a:b]`` among several fetched side by side (kt_find_many).
cdef struct Lookup:
    PyObject* prefix  # borrowed: the caller keeps the strings alive
    PyObject* s
    Py_ssize_t a, b
    uint64_t h
    Py_ssize_t row

# Packed keys -> indexes: open addressing over uint64 keys, no Python objects.
cdef struct FoundTable:
    uint64_t* keys  # the key with FOUND_MARK set; 0: an empty slot
    Py_ssize_t* vals
    Py_ssize_t mask, count

cdef int kt_init(KeyTable* t, Py_ssize_t keys, Py_ssize_t chars) except -1
cdef void kt_free(KeyTable* t) noexcept
cdef void kt_clear(KeyTable* t) noexcept
cdef Py_ssize_t kt_add(KeyTable* t, str s, Py_ssize_t a, Py_ssize_t b) except -1
cdef void kt_find_many(KeyTable* t, Lookup* q, Py_ssize_t n) noexcept
cdef int ft_init(FoundTable* t, Py_ssize_t nslots) except -1
cdef void ft_free(FoundTable* t) noexcept
cdef void ft_clear(FoundTable* t) noexcept
cdef int ft_add(FoundTable* t, uint64_t key, Py_ssize_t value) except -1
cdef list record_list()
# Zeroed memory that grows without copying and is zeroed again without writing to it (see
# zmap_grow); sizes in bytes, multiples of the page size.
cdef void* zmap_grow(void* p, size_t size, size_t new_size) noexcept
cdef void zmap_clear(void* p, size_t size) noexcept
cdef void zmap_free(void* p, size_t size) noexcept


cdef inline uint64_t fnv(uint64_t h, str s, Py_ssize_t a, Py_ssize_t b) noexcept:
    """FNV-1a, continued from ``h`` over the code points of ``s[a:b]`` (a string of one byte
    per code point, most of them, read without a branch on its kind per code point)."""
    cdef int kind = PyUnicode_KIND(s)
    cdef void* data = PyUnicode_DATA(s)
    cdef const unsigned char* latin
    cdef Py_ssize_t i
    if kind == PyUnicode_1BYTE_KIND:
        latin = <const unsigned char*>data
        for i in range(a, b):
            h = (h ^ <uint64_t>latin[i]) * FNV_PRIME
        return h
    for i in range(a, b):
        h = (h ^ <uint64_t>PyUnicode_READ(kind, data, i)) * FNV_PRIME
    return h


cdef inline bint _same(const Py_UCS4* key, str s, Py_ssize_t a, Py_ssize_t n) noexcept:
    """Whether the ``n`` code points at ``key`` are those of ``s[a:a + n]``."""
    cdef int kind = PyUnicode_KIND(s)
    cdef void* data = PyUnicode_DATA(s)
    cdef const unsigned char* latin
    cdef Py_ssize_t j
    if kind == PyUnicode_1BYTE_KIND:
        latin = <const unsigned char*>data + a
        for j in range(n):
            if key[j] != latin[j]:
                return False
        return True
    for j in range(n):
        if key[j] != PyUnicode_READ(kind, data, a + j):
            return False
    return True


cdef inline uint64_t mixed(uint64_t h) noexcept:
    """A key's slot hash: the FNV state with its bits mixed (murmur3's finaliser); never 0."""
    h ^= h >> 33
    h *= 0xff51afd7ed558ccdULL
    h ^= h >> 33
    h *= 0xc4ceb9fe1a85ec53ULL
    h ^= h >> 33
    return h if h else 1


cdef inline uint64_t kt_hash(str prefix, str s, Py_ssize_t a, Py_ssize_t b) noexcept:
    """The slot hash of key ``prefix + s[a:b]``."""
    return mixed(fnv(fnv(FNV_BASIS, prefix, 0, len(prefix)), s, a, b))


cdef inline Py_ssize_t kt_find_h(KeyTable* t, str prefix, str s, Py_ssize_t a, Py_ssize_t b,
                                 uint64_t h) noexcept:
    """:func:`kt_find` of a key whose hash ``h`` is known."""
    cdef Py_ssize_t np = len(prefix), k
    cdef Py_UCS4* key
    k = h & t.mask
    while t.slots[k].h != 0:
        if t.slots[k].h == h:
            key = t.pool + t.slots[k].at
            if <Py_ssize_t>key[0] == np + b - a and _same(key + 1, prefix, 0, np) \
                    and _same(key + 1 + np, s, a, b - a):
                return t.slots[k].value
        k = (k + 1) & t.mask
    return -1


cdef inline Py_ssize_t kt_find(KeyTable* t, str prefix, str s, Py_ssize_t a,
                               Py_ssize_t b) noexcept:
    """The number of key ``prefix + s[a:b]``, or -1 when the table does not hold it."""
    return kt_find_h(t, prefix, s, a, b, kt_hash(prefix, s, a, b))


cdef inline void kt_prefetch_key(KeyTable* t, uint64_t h) noexcept:
    """Fetch the code points of the key whose slot holds hash ``h`` (once its slot is
    fetched), if one does."""
    cdef Py_ssize_t k = h & t.mask
    while t.slots[k].h != 0 and t.slots[k].h != h:
        k = (k + 1) & t.mask
    if t.slots[k].h != 0:
        prefetch(t.pool + t.slots[k].at)


cdef inline Py_ssize_t ft_find(FoundTable* t, uint64_t key) noexcept:
    """The value of ``key``, or -1."""
    cdef uint64_t want = key | FOUND_MARK
    cdef Py_ssize_t k = mixed(key) & t.mask
    while t.keys[k] != 0:
        if t.keys[k] == want:
            return t.vals[k]
        k = (k + 1) & t.mask
    return -1


cdef inline void queue(Lookup* q, Py_ssize_t* n, str prefix, str s, Py_ssize_t a,
                       Py_ssize_t b) noexcept:
    """Add the look-up of key ``prefix + s[a:b]`` to ``q`` (room for it is the caller's)."""
    q[n[0]].prefix = <PyObject*>prefix
    q[n[0]].s = <PyObject*>s
    q[n[0]].a = a
    q[n[0]].b = b
    n[0] += 1


cdef inline tuple untracked(tuple t):
    """``t`` (and the tuples it holds), which hold only strings, numbers and such tuples, no
    longer tracked by the garbage collector: in a cache dict they keep the dict untracked, so
    that no collection walks its hundreds of thousands of entries (no cycle can run through
    them: freeing them is the reference counts' work)."""
    for x in t:
        if type(x) is tuple:
            PyObject_GC_UnTrack(<PyObject*>x)
    PyObject_GC_UnTrack(<PyObject*>t)
    return t
