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


cdef inline unsigned int _fmix32(unsigned int h):
    """MurmurHash3's 32-bit finalizer, which datasketch's affine schemes apply first."""
    h ^= h >> 16
    h *= 0x85EBCA6BU
    h ^= h >> 13
    h *= 0xC2B2AE35U
    return h ^ (h >> 16)


def affine_minhash(const unsigned int[::1] xs, const unsigned int[::1] a,
                   const unsigned int[::1] b, unsigned int[::1] out):
    """``out[p] = min(out[p], min over x of (a[p] * fmix32(x) + b[p]) mod 2^32)`` for each
    ``p``: datasketch's affine32 MinHash of the hashes ``xs``. The inner loop runs over ``p`` on
    local arrays (no aliasing), which the C compiler can vectorise."""
    cdef Py_ssize_t p, i, n = xs.shape[0], k = a.shape[0]
    cdef unsigned int x, v
    cdef unsigned int acc[_MAX_PERM]
    cdef unsigned int ca[_MAX_PERM]
    cdef unsigned int cb[_MAX_PERM]
    if k > _MAX_PERM or b.shape[0] != k or out.shape[0] != k:
        raise ValueError(f"at most {_MAX_PERM} permutations, as many in a, b and out")
    for p in range(k):
        acc[p], ca[p], cb[p] = out[p], a[p], b[p]
    for i in range(n):
        x = _fmix32(xs[i])
        for p in range(k):
            v = ca[p] * x + cb[p]
            acc[p] = v if v < acc[p] else acc[p]
    for p in range(k):
        out[p] = acc[p]
