# cython: language_level=3, boundscheck=False, wraparound=False
"""The compiled hot loops of a story fingerprint (:mod:`indexer.stories`): the CRC-32 of each
word of a body (what ``zlib.crc32`` gives for the word's UTF-8), found and hashed in one pass
with no object per word, and datasketch's affine MinHash over the shingle hashes.
``tests/test_stories_fast.py`` proves both equal to the pure-Python reference and to datasketch.

The CRC is the table-driven reflected CRC-32 (polynomial 0xEDB88320) that zlib computes, written
here so that the build links no library."""

from cpython.unicode cimport Py_UNICODE_ISALNUM

from indexer._unicode cimport (
    PyUnicode_DATA,
    PyUnicode_GET_LENGTH,
    PyUnicode_KIND,
    PyUnicode_READ,
)

DEF _MAX_PERM = 1024

cdef unsigned int _TABLE[256]
cdef unsigned char _FOLD[256]  # ASCII: a letter lowercased, a digit itself, anything else 0


cdef void _fill_tables():
    cdef unsigned int c
    cdef int n, k
    for n in range(256):
        c = n
        for k in range(8):
            c = (c >> 1) ^ 0xEDB88320U if c & 1 else c >> 1
        _TABLE[n] = c
        _FOLD[n] = n + 32 if 65 <= n <= 90 else (n if 97 <= n <= 122 or 48 <= n <= 57 else 0)


_fill_tables()


cdef inline unsigned int _crc_byte(unsigned int crc, unsigned char b):
    return _TABLE[(crc ^ b) & 0xFF] ^ (crc >> 8)


def ascii_word_crcs(const unsigned char[::1] data, unsigned int[::1] out):
    """Write the CRC-32 of each word of the ASCII text ``data`` into ``out`` (``len(data) // 2
    + 1`` is always room enough) and return how many words there are. The words are the runs of
    ASCII letters and digits, lowercased: those of ``re.sub(r"[\\W_]+", " ", text.lower())``."""
    cdef Py_ssize_t i = 0, n = data.shape[0], words = 0
    cdef unsigned int crc
    cdef unsigned char c
    while i < n:
        while i < n and _FOLD[data[i]] == 0:
            i += 1
        if i >= n:
            break
        crc = 0xFFFFFFFFU
        while i < n:
            c = _FOLD[data[i]]
            if c == 0:
                break
            crc = _crc_byte(crc, c)
            i += 1
        out[words] = crc ^ 0xFFFFFFFFU
        words += 1
    return words


def text_word_crcs(str text, unsigned int[::1] out):
    """:func:`ascii_word_crcs` of any (already lowercased) text: the words are the runs of
    letters and digits (``str.isalnum``, which is the ``re`` module's ``\\w`` less "_"), each
    hashed as its UTF-8 bytes."""
    cdef Py_ssize_t i = 0, n = PyUnicode_GET_LENGTH(text), words = 0
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef unsigned int crc, c
    while i < n:
        while i < n and not Py_UNICODE_ISALNUM(PyUnicode_READ(kind, data, i)):
            i += 1
        if i >= n:
            break
        crc = 0xFFFFFFFFU
        while i < n:
            c = <unsigned int>PyUnicode_READ(kind, data, i)
            if not Py_UNICODE_ISALNUM(<Py_UCS4>c):
                break
            if c < 0x80:
                crc = _crc_byte(crc, <unsigned char>c)
            elif c < 0x800:
                crc = _crc_byte(crc, <unsigned char>(0xC0 | (c >> 6)))
                crc = _crc_byte(crc, <unsigned char>(0x80 | (c & 0x3F)))
            elif c < 0x10000:  # never a surrogate: those are not letters or digits
                crc = _crc_byte(crc, <unsigned char>(0xE0 | (c >> 12)))
                crc = _crc_byte(crc, <unsigned char>(0x80 | ((c >> 6) & 0x3F)))
                crc = _crc_byte(crc, <unsigned char>(0x80 | (c & 0x3F)))
            else:
                crc = _crc_byte(crc, <unsigned char>(0xF0 | (c >> 18)))
                crc = _crc_byte(crc, <unsigned char>(0x80 | ((c >> 12) & 0x3F)))
                crc = _crc_byte(crc, <unsigned char>(0x80 | ((c >> 6) & 0x3F)))
                crc = _crc_byte(crc, <unsigned char>(0x80 | (c & 0x3F)))
            i += 1
        out[words] = crc ^ 0xFFFFFFFFU
        words += 1
    return words


def mix_shingles(unsigned int[::1] h, Py_ssize_t n, unsigned int m0, unsigned int m1):
    """Overwrite ``h[i]`` with ``(h[i] * m0 + h[i + 1]) * m1 + h[i + 2]`` (mod 2^32) for each
    ``i`` below ``n - 2`` (the hashes of ``n`` words, ``n`` at least 3), in order, and return
    how many: each three words' shingle hash."""
    cdef Py_ssize_t i, k = n - 2
    if n < 3 or n > h.shape[0]:
        raise ValueError("three words or more, as many as the array holds")
    for i in range(k):
        h[i] = (h[i] * m0 + h[i + 1]) * m1 + h[i + 2]
    return k


def drop_repeats(unsigned int[::1] h, Py_ssize_t n):
    """Keep the first of each run of equal values of ``h[:n]`` (sorted: its distinct values),
    moved to the front in order, and return how many."""
    cdef Py_ssize_t i, k = 0
    if n > h.shape[0]:
        raise ValueError("more values than the array holds")
    for i in range(n):
        if k == 0 or h[i] != h[k - 1]:
            h[k] = h[i]
            k += 1
    return k


cdef extern from *:
    """
    /* The affine MinHash's loop, in C so that it can be built twice: for AVX2 (eight 32-bit
       products and minima at a time, on the CPUs that have it: chosen once when the module
       loads) and for any x86-64 or other CPU. GCC with glibc only (the choice is an ifunc);
       elsewhere the one build. */
    #if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__GLIBC__)
    __attribute__((target_clones("avx2", "default")))
    #endif
    static void warta_affine_min(const unsigned int* __restrict xs, Py_ssize_t n,
                                 const unsigned int* __restrict a,
                                 const unsigned int* __restrict b,
                                 unsigned int* __restrict acc, Py_ssize_t k) {
        for (Py_ssize_t i = 0; i < n; i++) {
            /* MurmurHash3's 32-bit finalizer, which datasketch's affine schemes apply first */
            unsigned int x = xs[i];
            x ^= x >> 16;
            x *= 0x85EBCA6BU;
            x ^= x >> 13;
            x *= 0xC2B2AE35U;
            x ^= x >> 16;
            for (Py_ssize_t p = 0; p < k; p++) {
                unsigned int v = a[p] * x + b[p];
                acc[p] = v < acc[p] ? v : acc[p];
            }
        }
    }
    """
    void warta_affine_min(const unsigned int* xs, Py_ssize_t n, const unsigned int* a,
                          const unsigned int* b, unsigned int* acc, Py_ssize_t k) nogil


def affine_minhash(const unsigned int[::1] xs, const unsigned int[::1] a,
                   const unsigned int[::1] b, unsigned int[::1] out):
    """``out[p] = min(out[p], min over x of (a[p] * fmix32(x) + b[p]) mod 2^32)`` for each
    ``p``: datasketch's affine32 MinHash of the hashes ``xs``. The inner loop runs over ``p``
    into a local array (no aliasing), which the C compiler vectorises (setup.py builds this
    module with -O3)."""
    cdef Py_ssize_t p, n = xs.shape[0], k = a.shape[0]
    cdef unsigned int acc[_MAX_PERM]
    if k > _MAX_PERM or b.shape[0] != k or out.shape[0] != k:
        raise ValueError(f"at most {_MAX_PERM} permutations, as many in a, b and out")
    if n == 0 or k == 0:
        return
    for p in range(k):
        acc[p] = out[p]
    warta_affine_min(&xs[0], n, &a[0], &b[0], acc, k)
    for p in range(k):
        out[p] = acc[p]
