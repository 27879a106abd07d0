# cython: language_level=3, boundscheck=False, wraparound=False
"""The compiled forms of the post-processing passes of :mod:`indexer.entities` that read the
words around a mention (``sports_teams``, ``club_names``, ``official_units``,
``compass_places``, ``places_in_names``) or a name's first or last word (``club_short_names``,
``unit_seats``: these run their references only where a name has such a word): the same rules as
their plain references in :mod:`~indexer.entities.retype`, :mod:`~indexer.entities.compass` and
:mod:`~indexer.entities.regions`, which ``tests/test_compiled_passes.py`` compares them with
(Hypothesis texts and corpus texts).

Most mentions meet none of the words a pass looks for, so each pass reads the word next to a
mention from the text's characters and looks it up (a slice, lower-cased) only when it can be
one of them: a :class:`WordGate` knows the pairs of first letters and the longest length of a
pass's words. A word whose first two characters are ASCII letters, digits or marks no word of
the gate begins with cannot lower-case to one of its words (ASCII lower-cases to ASCII, and a
lower-cased word is never shorter than the word); other words are looked up as the references
do.
"""

from cpython.unicode cimport Py_UNICODE_ISALPHA, Py_UNICODE_ISDIGIT, Py_UNICODE_ISUPPER

from indexer.entities.compass import INITIALS_EITHER_CASE, compass_points_after, with_points
from indexer.entities.facts import (
    ALIASES,
    CALENDAR_WORDS,
    COMPASS,
    CLUB_FIRST,
    CLUB_LAST,
    CLUB_MATCH,
    CLUB_ROLES,
    CLUB_SUFFIXES,
    TITLES,
    UNIT_PREFIXES,
    UNIT_WORDS,
    countries,
    unit_word,
)
from indexer.entities.names import Entity, normalised
from indexer.entities.regions import first_words, unit_seats as plain_unit_seats
from indexer.entities.retype import (
    WORD_AT_RE,
    after_score,
    club_rest,
    is_title,
    reads_as_person,
    unit_parts,
    club_short_names as plain_club_short_names,
)
from indexer.words import word_before

from indexer.entities._mention cimport Fields, fields_of, m_end, m_name, m_start, m_type
from indexer._unicode cimport (
    PyUnicode_DATA,
    PyUnicode_GET_LENGTH,
    PyUnicode_KIND,
    PyUnicode_READ,
    PyUnicode_Substring,
)

# The slots of the mentions the passes walk.
cdef Fields _F = fields_of(Entity)


cdef inline unsigned int _ascii_lower(unsigned int c):
    return c + 32 if 0x41 <= c <= 0x5A else c


cdef class WordGate:
    """Which words can lower-case to one of ``words``: by their first two characters (those
    of ASCII) and their length."""

    cdef unsigned char pairs[128 * 128]
    cdef Py_ssize_t longest

    def __init__(self, words):
        cdef Py_ssize_t i
        for i in range(128 * 128):
            self.pairs[i] = 0
        self.longest = 0
        for word in words:
            if len(word) > self.longest:
                self.longest = len(word)
            if len(word) >= 2 and ord(word[0]) < 128 and ord(word[1]) < 128:
                self.pairs[ord(word[0]) * 128 + ord(word[1])] = 1
            elif len(word) == 1 and ord(word[0]) < 128:  # as a beginning: any second character
                for i in range(128):
                    self.pairs[ord(word[0]) * 128 + i] = 1
            elif not word:
                for i in range(128 * 128):
                    self.pairs[i] = 1

    cdef inline bint may_hold(self, int kind, void* data, Py_ssize_t start, Py_ssize_t end):
        """Whether ``text[start:end]`` may lower-case to one of the words (or begin one when
        ``longest`` is not the bound: prefixes)."""
        cdef unsigned int a, b
        if end - start > self.longest or end - start < 2:
            return end - start <= self.longest
        a = <unsigned int>PyUnicode_READ(kind, data, start)
        b = <unsigned int>PyUnicode_READ(kind, data, start + 1)
        if a >= 128 or b >= 128:
            return True
        return self.pairs[_ascii_lower(a) * 128 + _ascii_lower(b)] != 0


# Words of any length for prefixes ("kemen" of "Kemenkes"): the length never rules a word out.
cdef Py_ssize_t _ANY_LENGTH = 1 << 30

cdef WordGate _NEXT_TO_TEAM = WordGate(CLUB_MATCH | CLUB_ROLES)
cdef WordGate _AFTER_TEAM = WordGate(CLUB_MATCH)
cdef WordGate _FIRST_OF_CLUB = WordGate(CLUB_FIRST)
cdef WordGate _LAST_OF_CLUB = WordGate(CLUB_LAST)
cdef WordGate _CLUB_SUFFIX = WordGate(CLUB_SUFFIXES)
cdef WordGate _REGIONAL_FIRST = WordGate(first_words()[0] | frozenset(first_words()[1]))
_REGIONAL_FIRST.longest = _ANY_LENGTH
cdef WordGate _COMPASS_WORDS = WordGate(COMPASS)
cdef WordGate _UNIT_HEADS = WordGate(UNIT_WORDS | TITLES | frozenset(UNIT_PREFIXES))
_UNIT_HEADS.longest = _ANY_LENGTH
# What facts.unit_word needs of a word: to be one of the words or to begin with a prefix.
cdef frozenset _UNIT_WORDS = UNIT_WORDS
cdef tuple _UNIT_PREFIXES = UNIT_PREFIXES
cdef frozenset _TITLES = TITLES


cdef bint _shown_as_team(str text, Py_ssize_t start, Py_ssize_t end, bint person):
    """``retype._shown_as_team``: a word of a match right before or after the mention, a
    team's role word before it (not for a person), or a score between it and another name."""
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), p, q
    cdef bint prev_digit = False, next_digit = False
    cdef str word
    if start > 1 and PyUnicode_READ(kind, data, start - 1) == u' ':
        p = start - 2
        while p >= 0 and PyUnicode_READ(kind, data, p) != u' ':
            p -= 1
        p += 1
        if _NEXT_TO_TEAM.may_hold(kind, data, p, start - 1):
            word = PyUnicode_Substring(text, p, start - 1).lower()
            if word in CLUB_MATCH or (not person and word in CLUB_ROLES):
                return True
        prev_digit = p < start - 1 and Py_UNICODE_ISDIGIT(PyUnicode_READ(kind, data, p))
    if end < n and PyUnicode_READ(kind, data, end) == u' ':
        q = end + 1
        while q < n and PyUnicode_READ(kind, data, q) != u' ':
            q += 1
        if _AFTER_TEAM.may_hold(kind, data, end + 1, q):
            if PyUnicode_Substring(text, end + 1, q).lower() in CLUB_MATCH:
                return True
        next_digit = q > end + 1 and Py_UNICODE_ISDIGIT(PyUnicode_READ(kind, data, end + 1))
    for other in (after_score(text[end : end + 30].split()) if next_digit else None,
                  after_score(text[max(0, start - 30) : start].split()[::-1])
                  if prev_digit else None):
        if other is not None and other[:1].isupper() and other.lower() not in CALENDAR_WORDS:
            return True
    return False


cdef inline str _lower_at(str text, Py_ssize_t start, Py_ssize_t end):
    return PyUnicode_Substring(text, start, end).lower()


cdef bint _names_team(str text, ent, str typ, int kind, void* data):
    """Whether mention ``ent`` (of type ``typ``) shows its name to be a team's, as
    ``retype.sports_teams`` decides for the first mention of a name: a club's first or last
    word in a name of several words, or (a place's, or a person-looking name that ends like a
    club) shown as a team by the words around it and no country's. The lower-cased name is
    made only where a gate lets one of the words through."""
    cdef Py_ssize_t s = m_start(&_F, ent), e = m_end(&_F, ent), first = -1, last = -1, i
    cdef str low
    for i in range(s, e):
        if PyUnicode_READ(kind, data, i) == u' ':
            if first < 0:
                first = i
            last = i
    if first > s and (_FIRST_OF_CLUB.may_hold(kind, data, s, first)
                      or _LAST_OF_CLUB.may_hold(kind, data, last + 1, e)):
        low = _lower_at(text, s, e)
        space = low.find(" ")
        if space > 0 and (low[:space] in CLUB_FIRST or low[low.rfind(" ") + 1 :] in CLUB_LAST):
            return True
    if typ == "PER":
        if not _CLUB_SUFFIX.may_hold(kind, data, last + 1 if last >= 0 else s, e):
            return False
        low = _lower_at(text, s, e)
        if low[low.rfind(" ") + 1 :] not in CLUB_SUFFIXES:
            return False
    return _shown_as_team(text, s, e, typ == "PER") and _lower_at(text, s, e) not in countries()


def sports_teams(str text, list entities, facts):
    """``retype.sports_teams``: every mention of a name that one of its mentions shows as a
    team, as an organisation. A name is a team's where a mention of it shows it as one
    (:func:`_names_team`) and a place or person mention (not a fact, no alias) names it; most
    texts have no mention that shows a team, and end after one walk over the characters."""
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t n = len(entities), k
    cdef str low, typ
    cdef set shown = set()
    for k in range(n):
        ent = entities[k]
        typ = m_type(&_F, ent)
        if _names_team(text, ent, typ, kind, data):
            shown.add(_lower_at(text, m_start(&_F, ent), m_end(&_F, ent)))
    if not shown:
        return entities
    cdef list lows = [_lower_at(text, m_start(&_F, ent), m_end(&_F, ent)) for ent in entities]
    cdef set teams = set()
    for k in range(n):
        low = lows[k]
        typ = m_type(&_F, entities[k])
        if low in shown and typ != "ORG" and low not in facts and low not in ALIASES:
            teams.add(low)
    if not teams:
        return entities
    cdef list out = []
    for k in range(n):
        ent = entities[k]
        if m_type(&_F, ent) != "ORG" and lows[k] in teams:
            ent = Entity(normalised(text[ent.start : ent.end], "ORG")[0], "ORG", ent.start,
                         ent.end)
        out.append(ent)
    return out


cdef tuple _head_before(str text, Py_ssize_t start, int kind, void* data, WordGate gate):
    """``retype._head_before``, as (offset, word or None): None where the word cannot be the
    one a pass looks for (no capital first, or, with a ``gate``, none of its words)."""
    cdef Py_ssize_t p, lo, i
    if start < 2 or PyUnicode_READ(kind, data, start - 1) != u' ' \
            or not Py_UNICODE_ISALPHA(PyUnicode_READ(kind, data, start - 2)):
        return start, None
    lo = start - 40 if start > 40 else 0
    p = start - 2
    while p >= lo and PyUnicode_READ(kind, data, p) != u' ':
        p -= 1
    if p >= lo:  # a space: the word after it, if all letters
        for i in range(p + 1, start - 1):
            if not Py_UNICODE_ISALPHA(PyUnicode_READ(kind, data, i)):
                break
        else:
            if not Py_UNICODE_ISUPPER(PyUnicode_READ(kind, data, p + 1)) or (
                    gate is not None and not gate.may_hold(kind, data, p + 1, start - 1)):
                return p + 1, None
            return p + 1, PyUnicode_Substring(text, p + 1, start - 1)
    before, word = word_before(text, start)
    if before + len(word) + 1 != start or not word.isalpha() or not word[:1].isupper():
        return start, None
    return before, word


def club_names(str text, list entities):
    """``retype.club_names``: a place or person mention the tagger cut from a club's name
    ("Bali United", "AS Roma") as the club's one organisation mention."""
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), count = len(entities), k
    cdef Py_ssize_t start, stop, before
    cdef list out = None
    cdef set inside = set()
    cdef str typ
    for k in range(count):
        ent = entities[k]
        typ = m_type(&_F, ent)
        if typ == "ORG":
            continue
        start = m_start(&_F, ent)
        stop = m_end(&_F, ent)
        if stop + 1 < n and PyUnicode_READ(kind, data, stop) == u' ' \
                and Py_UNICODE_ISUPPER(PyUnicode_READ(kind, data, stop + 1)):
            found = WORD_AT_RE.match(text, stop + 1)
            if found is not None and found.group()[:1].isupper() \
                    and found.group().lower() in CLUB_LAST \
                    and (k + 1 == count or m_start(&_F, entities[k + 1]) >= found.end()):
                stop = found.end()
        if typ == "LOC":
            before, head = _head_before(text, start, kind, data, _FIRST_OF_CLUB)
            if head is not None and head.lower() in CLUB_FIRST:
                prev = (entities if out is None else out)[k - 1] if k > 0 else None
                if prev is None or prev.end <= before or (
                        prev.start == before and prev.end == start - 1 and prev.type == "LOC"):
                    if prev is not None and prev.start == before:
                        inside.add(k - 1)
                    start = before
        if start == m_start(&_F, ent) and stop == m_end(&_F, ent):
            continue
        if out is None:
            out = list(entities)
        out[k] = Entity(normalised(text[start:stop], "ORG")[0], "ORG", start, stop)
    if out is None:
        return entities
    if not inside:
        return out
    return [e for k, e in enumerate(out) if k not in inside]


def official_units(str text, list entities):
    """``retype.official_units``: mentions that begin with a unit word as the organisation (and
    person) they name."""
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t count = len(entities), k, s, e, space
    cdef list out = None
    cdef str typ, first
    for k in range(count):
        ent = entities[k]
        parts = None
        typ = m_type(&_F, ent)
        if typ != "ORG":
            s = m_start(&_F, ent)
            e = m_end(&_F, ent)
            space = s
            while space < e and PyUnicode_READ(kind, data, space) != u' ':
                space += 1
            if _UNIT_HEADS.may_hold(kind, data, s, space):
                first = PyUnicode_Substring(text, s, space).lower()
                if first in _UNIT_WORDS or (typ == "PER" and first in _TITLES) or (
                        first.startswith(_UNIT_PREFIXES) and unit_word(first)):
                    parts = unit_parts(text, ent)
        if parts is None:
            if out is not None:
                out.append(ent)
            continue
        if out is None:
            out = entities[:k]
        out.extend(parts)
    return entities if out is None else out


# The first letters of the points of the compass, either case (ASCII letters).
cdef bint _INITIAL[128]
for _code in range(128):
    _INITIAL[_code] = chr(_code) in INITIALS_EITHER_CASE
if any(ord(c) >= 128 for c in INITIALS_EITHER_CASE):
    raise ImportError("a point of the compass begins with a letter beyond ASCII")


cdef inline bint _compass_initial(Py_UCS4 c):
    return c < 128 and _INITIAL[c]


cdef inline bint _ascii_letter(Py_UCS4 c):
    return 0x61 <= c <= 0x7A or 0x41 <= c <= 0x5A


cdef bint _may_have_point(str text, Py_ssize_t end, int kind, void* data, Py_ssize_t n):
    """Whether the word after ``text[end]`` (a space) may be a point of the compass: not where
    it is ASCII letters up to an ASCII character that is none (which ``compass._NEXT_WORD_RE``
    reads as that whole word, or as no word before a digit, "_" or "-") and no point."""
    cdef Py_ssize_t q = end + 1
    cdef Py_UCS4 c
    while q < n:
        c = PyUnicode_READ(kind, data, q)
        if c >= 128:
            return True
        if not _ascii_letter(c):
            break
        q += 1
    if not _COMPASS_WORDS.may_hold(kind, data, end + 1, q):
        return False
    return PyUnicode_Substring(text, end + 1, q).lower() in COMPASS


def compass_places(str text, list entities, bint lower=False):
    """``compass.compass_places``: each place mention followed by one or two capitalised
    points of the compass (with ``lower``, in any case) as the place they name together."""
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), count = len(entities), k = 0, end, nxt
    cdef list out = None
    while k < count:
        ent = entities[k]
        end = m_end(&_F, ent)
        if m_type(&_F, ent) != "LOC" or end + 1 >= n or PyUnicode_READ(kind, data, end) != u' ' \
                or not _compass_initial(PyUnicode_READ(kind, data, end + 1)) \
                or not _may_have_point(text, end, kind, data, n):
            if out is not None:
                out.append(ent)
            k += 1
            continue
        end, nxt = compass_points_after(text, ent, entities, k, lower)
        if end == m_end(&_F, ent):
            if out is not None:
                out.append(ent)
        else:
            if out is None:
                out = entities[:k]
            out.append(with_points(text, ent, end))
        k = max(nxt, k + 1)
    return entities if out is None else out


def places_in_names(str text, list entities, extract):
    """``retype.places_in_names``: a place mention right after a capitalised word that no
    mention holds, no title, which the tagger reads alone as a person's name, is no place."""
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t count = len(entities), k, before
    cdef set dropped = None
    for k in range(count):
        ent = entities[k]
        if m_type(&_F, ent) != "LOC":
            continue
        before, word = _head_before(text, m_start(&_F, ent), kind, data, None)
        if word is not None and not is_title(word) \
                and (k == 0 or m_end(&_F, entities[k - 1]) <= before) \
                and reads_as_person(word, extract):
            if dropped is None:
                dropped = set()
            dropped.add(k)
    if dropped is None:
        return entities
    return [e for k, e in enumerate(entities) if k not in dropped]


def club_short_names(str text, list entities):
    """``retype.club_short_names``, run only where an organisation's name has a club's first or
    last word (what its every change needs)."""
    cdef str name
    cdef Py_ssize_t first, last, i, n
    for ent in entities:
        if m_type(&_F, ent) != "ORG":
            continue
        name = m_name(&_F, ent)
        n = PyUnicode_GET_LENGTH(name)
        first = name.find(" ")
        if first < 0:
            continue
        last = name.rfind(" ")
        if (_FIRST_OF_CLUB.may_hold(PyUnicode_KIND(name), PyUnicode_DATA(name), 0, first)
                or _LAST_OF_CLUB.may_hold(PyUnicode_KIND(name), PyUnicode_DATA(name), last + 1, n)) \
                and club_rest(name) is not None:
            return plain_club_short_names(text, entities)
    return entities


def unit_seats(str text, list entities):
    """``regions.unit_seats``, run only where an organisation's name (not the last mention's)
    may begin with a regional body's head (the reference's own first look), and an
    organisation's mention is followed by another, no person's, after one space or after a space
    and "(" (what the reference's first join needs: its later joins follow a first)."""
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), count = len(entities), k, space, end
    cdef bint may_head = False, followed = False
    cdef str name
    for k in range(count - 1):
        ent = entities[k]
        if m_type(&_F, ent) != "ORG":
            continue
        if not followed:
            end = m_end(&_F, ent)
            if 0 <= end < n and PyUnicode_READ(kind, data, end) == u' ':
                nxt = entities[k + 1]
                followed = (m_start(&_F, nxt) == end + 1 or (
                    end + 1 < n and PyUnicode_READ(kind, data, end + 1) == u'(')) \
                    and m_type(&_F, nxt) != "PER"
        if not may_head:
            name = m_name(&_F, ent)
            space = name.find(" ")
            if space < 0:
                space = PyUnicode_GET_LENGTH(name)
            may_head = _REGIONAL_FIRST.may_hold(PyUnicode_KIND(name), PyUnicode_DATA(name), 0,
                                                space)
        if may_head and followed:
            return plain_unit_seats(text, entities)
    return entities
