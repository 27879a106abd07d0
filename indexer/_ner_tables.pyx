# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
# cython: initializedcheck=False
"""The tagger's C tables, what ``_ner_tables.pxd`` declares: making, growing and emptying a
key table (string keys -> numbers) and a found table (packed keys -> indexes), looking several
keys up side by side, and record lists the garbage collector does not walk. The single
look-ups are inline in the .pxd."""

from cpython.object cimport PyObject
from libc.stdint cimport uint32_t, uint64_t
from libc.stdlib cimport free, malloc, realloc
from libc.string cimport memset
from posix.mman cimport MADV_DONTNEED, MAP_ANONYMOUS, MAP_FAILED, MAP_PRIVATE, PROT_READ
from posix.mman cimport PROT_WRITE, madvise, mmap, mremap, munmap

cdef extern from "<sys/mman.h>" nogil:
    enum: MREMAP_MAYMOVE

# Key numbers and pool offsets are uint32; a C constant, so that the check is no Python compare.
cdef Py_ssize_t KEY_NUMBERS = 0xFFFFFFFF


cdef int kt_init(KeyTable* t, Py_ssize_t keys, Py_ssize_t chars) except -1:
    """An empty table with room for ``keys`` keys of ``chars`` code points in all."""
    cdef Py_ssize_t nslots = 16
    while nslots < keys + keys // 2:  # at most 2/3 full
        nslots *= 2
    t.slots = <KeySlot*>malloc(nslots * sizeof(KeySlot))
    t.koff = <uint32_t*>malloc(max(1, keys) * sizeof(uint32_t))
    t.hashes = <uint64_t*>malloc(max(1, keys) * sizeof(uint64_t))
    t.pool = <Py_UCS4*>malloc(max(1, chars + keys) * sizeof(Py_UCS4))
    if t.slots == NULL or t.koff == NULL or t.hashes == NULL or t.pool == NULL:
        kt_free(t)
        raise MemoryError()
    memset(t.slots, 0, nslots * sizeof(KeySlot))
    t.mask = nslots - 1
    t.count = t.pool_used = 0
    t.cap = keys
    t.pool_cap = max(1, chars + keys)
    return 0


cdef void kt_free(KeyTable* t) noexcept:
    free(t.slots)
    free(t.koff)
    free(t.hashes)
    free(t.pool)
    t.slots = NULL
    t.koff = NULL
    t.hashes = NULL
    t.pool = NULL


cdef void kt_clear(KeyTable* t) noexcept:
    memset(t.slots, 0, (t.mask + 1) * sizeof(KeySlot))
    t.count = t.pool_used = 0


cdef inline void _kt_place(KeyTable* t, uint64_t h, Py_ssize_t value, uint32_t at) noexcept:
    cdef Py_ssize_t k = h & t.mask
    while t.slots[k].h != 0:
        k = (k + 1) & t.mask
    t.slots[k].h = h
    t.slots[k].value = <uint32_t>value
    t.slots[k].at = at


cdef Py_ssize_t kt_add(KeyTable* t, str s, Py_ssize_t a, Py_ssize_t b) except -1:
    """Add key ``s[a:b]`` (not in the table) and return its number, growing the table."""
    cdef Py_ssize_t v = t.count, n = b - a, j, grown_slots
    cdef uint64_t h = mixed(fnv(FNV_BASIS, s, a, b))
    cdef int kind = PyUnicode_KIND(s)
    cdef void* data = PyUnicode_DATA(s)
    cdef void* p
    if v >= KEY_NUMBERS or t.pool_used + n + 1 >= KEY_NUMBERS:
        raise MemoryError("a key table holds fewer than 2**32 keys and code points")
    if v == t.cap:
        p = realloc(t.koff, (2 * t.cap + 1) * sizeof(uint32_t))
        if p == NULL:
            raise MemoryError()
        t.koff = <uint32_t*>p
        p = realloc(t.hashes, (2 * t.cap + 1) * sizeof(uint64_t))
        if p == NULL:
            raise MemoryError()
        t.hashes = <uint64_t*>p
        t.cap = 2 * t.cap + 1
    if t.pool_used + n + 1 > t.pool_cap:
        p = realloc(t.pool, max(t.pool_used + n + 1, 2 * t.pool_cap) * sizeof(Py_UCS4))
        if p == NULL:
            raise MemoryError()
        t.pool = <Py_UCS4*>p
        t.pool_cap = max(t.pool_used + n + 1, 2 * t.pool_cap)
    if 3 * (v + 1) > 2 * (t.mask + 1):  # past 2/3 full: twice the slots, every key placed again
        grown_slots = 2 * (t.mask + 1)
        p = malloc(grown_slots * sizeof(KeySlot))
        if p == NULL:
            raise MemoryError()
        free(t.slots)
        t.slots = <KeySlot*>p
        memset(t.slots, 0, grown_slots * sizeof(KeySlot))
        t.mask = grown_slots - 1
        for j in range(v):
            _kt_place(t, t.hashes[j], j, t.koff[j])
    cdef uint32_t at = <uint32_t>t.pool_used
    t.pool[at] = <Py_UCS4>n
    for j in range(n):
        t.pool[at + 1 + j] = PyUnicode_READ(kind, data, a + j)
    t.pool_used += n + 1
    t.koff[v] = at
    t.hashes[v] = h
    _kt_place(t, h, v, at)
    t.count = v + 1
    return v


cdef void kt_find_many(KeyTable* t, Lookup* q, Py_ssize_t n) noexcept:
    """``q[i].row = kt_find(t, prefix, s, a, b)`` for each lookup, their memory fetched side
    by side: every key's slot first, then every candidate key's code points (a key looked up
    alone waits for each of them in turn)."""
    cdef Py_ssize_t i
    for i in range(n):
        q[i].h = kt_hash(<str>q[i].prefix, <str>q[i].s, q[i].a, q[i].b)
        prefetch(&t.slots[q[i].h & t.mask])
    for i in range(n):
        kt_prefetch_key(t, q[i].h)
    for i in range(n):
        q[i].row = kt_find_h(t, <str>q[i].prefix, <str>q[i].s, q[i].a, q[i].b, q[i].h)


cdef int ft_init(FoundTable* t, Py_ssize_t nslots) except -1:
    t.keys = <uint64_t*>malloc(nslots * sizeof(uint64_t))
    t.vals = <Py_ssize_t*>malloc(nslots * sizeof(Py_ssize_t))
    if t.keys == NULL or t.vals == NULL:
        ft_free(t)
        raise MemoryError()
    memset(t.keys, 0, nslots * sizeof(uint64_t))
    t.mask = nslots - 1
    t.count = 0
    return 0


cdef void ft_free(FoundTable* t) noexcept:
    free(t.keys)
    free(t.vals)
    t.keys = NULL
    t.vals = NULL


cdef void ft_clear(FoundTable* t) noexcept:
    memset(t.keys, 0, (t.mask + 1) * sizeof(uint64_t))
    t.count = 0


cdef int ft_add(FoundTable* t, uint64_t key, Py_ssize_t value) except -1:
    """Add ``key`` (not in the table) with ``value``, growing the table past 2/3 full."""
    cdef Py_ssize_t k, j, n = t.mask + 1
    cdef uint64_t* old_keys
    cdef Py_ssize_t* old_vals
    if 3 * (t.count + 1) > 2 * n:
        old_keys, old_vals = t.keys, t.vals
        t.keys = <uint64_t*>malloc(2 * n * sizeof(uint64_t))
        t.vals = <Py_ssize_t*>malloc(2 * n * sizeof(Py_ssize_t))
        if t.keys == NULL or t.vals == NULL:
            free(t.keys)
            free(t.vals)
            t.keys, t.vals = old_keys, old_vals
            raise MemoryError()
        memset(t.keys, 0, 2 * n * sizeof(uint64_t))
        t.mask = 2 * n - 1
        for j in range(n):
            if old_keys[j] != 0:
                k = mixed(old_keys[j] & ~FOUND_MARK) & t.mask
                while t.keys[k] != 0:
                    k = (k + 1) & t.mask
                t.keys[k] = old_keys[j]
                t.vals[k] = old_vals[j]
        free(old_keys)
        free(old_vals)
    k = mixed(key) & t.mask
    while t.keys[k] != 0:
        k = (k + 1) & t.mask
    t.keys[k] = key | FOUND_MARK
    t.vals[k] = value
    t.count += 1
    return 0


cdef list record_list():
    """An empty list for the tagger's records, not tracked by the garbage collector: it only
    ever holds untracked tuples (see :func:`untracked`) and None, so no cycle can run through
    it, and no collection walks its hundreds of thousands of items."""
    cdef list out = []
    PyObject_GC_UnTrack(<PyObject*>out)
    return out


cdef void* zmap_grow(void* p, size_t size, size_t new_size) noexcept:
    """``p`` (``size`` bytes of an anonymous mapping, or NULL) grown to ``new_size`` bytes, the
    new ones zero, or NULL when memory runs out. The kernel moves the pages (mremap) where
    realloc would copy them, and fresh pages are zero without a memset: a first pass over a
    corpus fills such memory once, and copies and memsets were most of its cache misses."""
    cdef void* q
    if p == NULL:
        q = mmap(NULL, new_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
    else:
        q = mremap(p, size, new_size, MREMAP_MAYMOVE)
    return NULL if q == MAP_FAILED else q


cdef void zmap_clear(void* p, size_t size) noexcept:
    """Zero the first ``size`` bytes of a zmap: the kernel drops their pages, and a page read
    or written again is a fresh zero page."""
    if p != NULL and size:
        madvise(p, size, MADV_DONTNEED)


cdef void zmap_free(void* p, size_t size) noexcept:
    if p != NULL:
        munmap(p, size)
