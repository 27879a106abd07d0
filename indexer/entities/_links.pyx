# cython: language_level=3, boundscheck=False, wraparound=False
"""The compiled forms of the passes of :mod:`indexer.entities.names`,
:mod:`~indexer.entities.places`, :mod:`~indexer.entities.passes` and (those that read no words
around a mention) :mod:`~indexer.entities.retype`, which walk every mention of every text:
``link_people``, ``join_place_names``, ``korean_names`` and ``alias_types`` compiled as they
are; ``link_short_forms``, ``one_kind_lists``, ``join_cut_names`` and ``foreign_bodies`` run
their references only where a mention meets what each of their changes needs, and
``alias_people`` and ``defined_otherwise`` only where the text's characters do (most texts have
none). ``tests/test_compiled_passes.py`` compares each with its reference."""

from cpython.unicode cimport Py_UNICODE_ISSPACE, PyUnicode_FindChar, PyUnicode_Tailmatch

from indexer.entities.facts import (
    AGE_AFTER_RE,
    ALIASES,
    COMMON_NAME_PARTS,
    INITIALS_MAX,
    KOREAN_SURNAMES,
)
from indexer.entities.labels import TYPES
from indexer.entities.names import (
    DEFINABLE_ACRONYMS,
    EXPANSION_REACH,
    MAX_NAME_PARTS,
    NAME_PARTS_CACHE,
    Entity,
    defines_short_form,
    normalise,
)
from indexer.entities.names import defined_otherwise as plain_defined_otherwise
from indexer.entities.names import link_short_forms_from as plain_link_short_forms_from
from indexer.entities.passes import ALIAS_PEOPLE
from indexer.entities.passes import alias_people as plain_alias_people
from indexer.entities.passes import join_cut_names as plain_join_cut_names
from indexer.entities.passes import one_kind_lists as plain_one_kind_lists
from indexer.entities.places import (
    INITIALS_WORDS,
    going_on,
    site_name,
)
from indexer.entities.retype import ALIAS_TYPES, SYLLABLE_RE
from indexer.entities.retype import foreign_bodies as plain_foreign_bodies
from indexer.words import WORD_RE, word_before

from indexer.entities._mention cimport Fields, fields_of, m_end, m_name, m_new, m_start, m_type
from indexer._unicode cimport (
    PyUnicode_DATA,
    PyUnicode_GET_LENGTH,
    PyUnicode_KIND,
    PyUnicode_READ,
    PyUnicode_Substring,
)

# The slots of the mentions the passes walk.
cdef Fields _F = fields_of(Entity)
# The tables the walks look mentions up in, as dicts (a lookup without a method call).
cdef dict _NAME_PARTS = NAME_PARTS_CACHE
cdef dict _ALIAS_TYPES = ALIAS_TYPES
cdef dict _DEFINABLE = DEFINABLE_ACRONYMS
cdef frozenset _COMMON_PARTS = COMMON_NAME_PARTS


cdef tuple _identifying_parts(str name):
    """``names.identifying_parts`` of a name its cache does not hold, put in the cache."""
    if len(_NAME_PARTS) >= MAX_NAME_PARTS:
        _NAME_PARTS.clear()
    cdef str low
    cdef list parts = []
    for part in name.split(" "):
        low = (<str>part).lower()
        if len(low) > 2 and low not in _COMMON_PARTS:
            parts.append(low)
    cdef tuple out = tuple(parts)
    _NAME_PARTS[name] = out
    return out


def link_people(list entities):
    """``names.link_people``: a one-word mention that is part of an earlier full person name
    is that person."""
    cdef dict parts = {}
    cdef list out = entities
    cdef Py_ssize_t count = len(entities), k
    cdef str name, low
    for k in range(count):
        ent = entities[k]
        name = m_name(&_F, ent)
        if " " in name:
            if m_type(&_F, ent) == "PER":
                of_name = _NAME_PARTS.get(name)
                for low in (_identifying_parts(name) if of_name is None else of_name):
                    parts[low] = name
        elif parts:
            low = name.lower()
            full = parts.get(low)
            if full is not None and (m_type(&_F, ent) == "PER" or low not in ALIASES):
                if out is entities:
                    out = list(entities)
                out[k] = m_new(&_F, full, "PER", ent.start, ent.end)
    return out


cdef bint _may_define_after(int kind, void* data, Py_ssize_t n, Py_ssize_t end, str name):
    """Whether the short form ``runs.SHORT_DEF_RE`` may read after " (" at ``end`` can spell
    ``name`` (``names.is_short_form``): not where its first character (after one space at most;
    the pattern needs a capital there) is ASCII and the name begins with an ASCII letter, and
    the two do not lower-case to the same letter, which the short form's letters and the name's
    first word then begin with."""
    cdef Py_ssize_t p = end + 2
    cdef Py_UCS4 c, first
    if p < n and PyUnicode_READ(kind, data, p) == u' ':
        p += 1
    if p >= n:
        return False
    c = PyUnicode_READ(kind, data, p)
    if c >= 128 or PyUnicode_GET_LENGTH(name) == 0:
        return True
    if not u'A' <= c <= u'Z':
        return False
    first = PyUnicode_READ(PyUnicode_KIND(name), PyUnicode_DATA(name), 0)
    if u'A' <= first <= u'Z':
        return first == c
    if u'a' <= first <= u'z':
        return <unsigned int>first == <unsigned int>c + 32
    return True


def link_short_forms(str text, list entities):
    """``names.link_short_forms``, run only where a mention of several words defines a short
    form of itself (``names.defines_short_form``: looked at only where a space and "(" follow
    the mention, with a short form that may spell it, or it ends in ")"), from that mention."""
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), start, end, k
    cdef Py_ssize_t count = len(entities)
    cdef str name
    for k in range(count):
        ent = entities[k]
        start = m_start(&_F, ent)
        end = m_end(&_F, ent)
        if end + 1 < n and PyUnicode_READ(kind, data, end) == u' ' \
                and PyUnicode_READ(kind, data, end + 1) == u'(':
            name = m_name(&_F, ent)
            if " " not in name or not _may_define_after(kind, data, n, end, name):
                continue
        elif not (start < end <= n and PyUnicode_READ(kind, data, end - 1) == u')'):
            continue
        elif " " not in m_name(&_F, ent):
            continue
        if defines_short_form(text, ent):
            return plain_link_short_forms_from(text, entities, k)
    return entities


cdef inline bint _list_comma(int kind, void* data, Py_ssize_t start, Py_ssize_t end):
    """Whether ``text[start:end]`` is ``passes._LIST_COMMA_RE`` (" ?[,/] ?")."""
    cdef Py_ssize_t i = start
    cdef Py_UCS4 c
    if i < end and PyUnicode_READ(kind, data, i) == u' ':
        i += 1
    if i >= end:
        return False
    c = PyUnicode_READ(kind, data, i)
    if c != u',' and c != u'/':
        return False
    i += 1
    if i < end and PyUnicode_READ(kind, data, i) == u' ':
        i += 1
    return i == end


cdef inline bint _list_last(int kind, void* data, Py_ssize_t start, Py_ssize_t end):
    """Whether ``text[start:end]`` is ``passes._LIST_LAST_RE`` ("(?: ?,)? (?:dan|atau|serta) ")."""
    cdef Py_ssize_t i = start, size
    cdef Py_UCS4 c
    if end - i >= 2 and PyUnicode_READ(kind, data, i) == u' ' \
            and PyUnicode_READ(kind, data, i + 1) == u',':
        i += 2
    elif i < end and PyUnicode_READ(kind, data, i) == u',':
        i += 1
    if i >= end or PyUnicode_READ(kind, data, i) != u' ' \
            or PyUnicode_READ(kind, data, end - 1) != u' ':
        return False
    size = end - i - 2  # the word between the two spaces
    c = PyUnicode_READ(kind, data, i + 1)
    if size == 3:
        return c == u'd' and PyUnicode_READ(kind, data, i + 2) == u'a' \
            and PyUnicode_READ(kind, data, i + 3) == u'n'
    if size == 4:
        return c == u'a' and PyUnicode_READ(kind, data, i + 2) == u't' \
            and PyUnicode_READ(kind, data, i + 3) == u'a' \
            and PyUnicode_READ(kind, data, i + 4) == u'u'
    if size == 5:
        return c == u's' and PyUnicode_READ(kind, data, i + 2) == u'e' \
            and PyUnicode_READ(kind, data, i + 3) == u'r' \
            and PyUnicode_READ(kind, data, i + 4) == u't' \
            and PyUnicode_READ(kind, data, i + 5) == u'a'
    return False


cdef bint _mixed_list(list entities, Py_ssize_t i, Py_ssize_t j):
    """Whether most mentions of ``entities[i : j + 1]`` share a type that the others lack."""
    cdef Py_ssize_t size = j - i + 1, count, x
    for typ in TYPES:
        count = 0
        for x in range(i, j + 1):
            if m_type(&_F, entities[x]) == typ:
                count += 1
        if size < 2 * count < 2 * size:
            return True
    return False


def one_kind_lists(str text, list entities, facts):
    """``passes.one_kind_lists``, run only where it finds a list of three or more mentions (as
    the reference walks them) whose types make a strict majority but not all."""
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t count = len(entities), i = 0, j, gap_start, gap_end
    cdef bint last
    while i < count - 2:
        j = i
        last = False
        while j + 1 < count:
            gap_start = m_end(&_F, entities[j])
            gap_end = m_start(&_F, entities[j + 1])
            if gap_end - gap_start > 9:
                break
            if not _list_comma(kind, data, gap_start, gap_end):
                last = _list_last(kind, data, gap_start, gap_end)
                j += last
                break
            j += 1
        if j - i >= 2 and _mixed_list(entities, i, j):
            return plain_one_kind_lists(text, entities, facts)
        i = j if last else j + 1
    return entities


def join_cut_names(str text, list entities):
    """``passes.join_cut_names``, run only where an organisation's mention is followed by
    " dan " (what its every change needs)."""
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), end
    for ent in entities:
        end = m_end(&_F, ent)
        if end + 5 <= n and PyUnicode_READ(kind, data, end) == u' ' \
                and PyUnicode_READ(kind, data, end + 1) == u'd' \
                and PyUnicode_READ(kind, data, end + 2) == u'a' \
                and PyUnicode_READ(kind, data, end + 3) == u'n' \
                and PyUnicode_READ(kind, data, end + 4) == u' ' and m_type(&_F, ent) == "ORG":
            return plain_join_cut_names(text, entities)
    return entities


# The longest word that marks initials, and how far before a mention it can end (one or two
# quotes or spaces and a ")" between, as words.word_before reads them).
cdef Py_ssize_t _MARK_REACH = max(map(len, INITIALS_WORDS), default=0) + 3


cdef frozenset _marked_initials(str text, list entities):
    """``places._marked_initials``; the age after a mention (``AGE_AFTER_RE``, which begins
    with " ?(") is looked for only where "(" follows, and the word before only where the text
    right before the mention holds one of the marking words in lower case."""
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), start, end
    cdef set out = set()
    cdef str written, near
    for ent in entities:
        start = m_start(&_F, ent)
        end = m_end(&_F, ent)
        if end - start > INITIALS_MAX:
            continue
        written = PyUnicode_Substring(text, start, end)
        if not written.isupper() or written in out:
            continue
        if (end < n and PyUnicode_READ(kind, data, end) == u'(') or (
                end + 1 < n and PyUnicode_READ(kind, data, end) == u' '
                and PyUnicode_READ(kind, data, end + 1) == u'('):
            if AGE_AFTER_RE.match(text, end):
                out.add(written)
                continue
        near = PyUnicode_Substring(text, start - _MARK_REACH if start > _MARK_REACH else 0,
                                   start).lower()
        for word in INITIALS_WORDS:
            if word in near:
                if word_before(text, start)[1].lower() in INITIALS_WORDS:
                    out.add(written)
                break
    return frozenset(out)


def join_place_names(str text, list entities):
    """``places.join_place_names``: places' names cut short made whole."""
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), covered = -1, start, end, at, going
    cdef list out = []
    cdef Py_UCS4 c
    cdef frozenset initials = _marked_initials(text, entities)
    for ent in entities:
        start = m_start(&_F, ent)
        end = m_end(&_F, ent)
        if start < covered or (
                initials and end - start <= INITIALS_MAX
                and PyUnicode_Substring(text, start, end) in initials):
            continue
        if out:
            prev = out[len(out) - 1]
            if start == m_end(&_F, prev) + 1 and m_type(&_F, prev) == "LOC":
                at = start - 2 if start >= 2 else start - 2 + n  # as text[start - 2] reads
                if PyUnicode_READ(kind, data, at) == u')':
                    site = site_name(text, prev, ent)
                    if site is not None:
                        out.pop()
                        ent = site
        if m_type(&_F, ent) != "LOC":
            out.append(ent)
            continue
        # a particle (d-, v-, o-) or a capital A-Z after a space: what going_on's patterns
        # begin with
        if end + 1 < n and PyUnicode_READ(kind, data, end) == u' ':
            c = PyUnicode_READ(kind, data, end + 1)
            if c == u'd' or c == u'v' or c == u'o' or u'A' <= c <= u'Z':
                going = going_on(text, ent)
                if going > 0:
                    covered = going
                    ent = Entity(normalise(text[ent.start : going], "LOC")[0], "LOC",
                                 ent.start, going)
        out.append(ent)
    return out


def korean_names(str text, list entities, facts):
    """``retype.korean_names``: places and organisations that are Korean names, as persons."""
    cdef Py_ssize_t count = len(entities), k
    cdef list out = None
    cdef str name
    for k in range(count):
        ent = entities[k]
        if m_type(&_F, ent) == "PER":
            continue
        name = m_name(&_F, ent)
        if name.count(" ") == 2:
            words = name.lower().split(" ")
            if (words[0] in KOREAN_SURNAMES
                    and all(SYLLABLE_RE.fullmatch(w) for w in words)
                    and name.lower() not in facts):
                if out is None:
                    out = list(entities)
                out[k] = Entity(name, "PER", ent.start, ent.end)
    return entities if out is None else out


def alias_types(list entities):
    """``retype.alias_types``: person mentions whose name is an organisation's or a place's in
    the alias table, typed so."""
    cdef Py_ssize_t count = len(entities), k
    cdef list out = None
    for k in range(count):
        ent = entities[k]
        if m_type(&_F, ent) != "PER":
            continue
        typ = _ALIAS_TYPES.get(m_name(&_F, ent))
        if typ is not None:
            if out is None:
                out = list(entities)
            out[k] = Entity(ent.name, typ, ent.start, ent.end)
    return entities if out is None else out


def foreign_bodies(str text, list entities):
    """``retype.foreign_bodies``, run only where an organisation's mention is followed by a
    space and a place's mention (what its every change needs)."""
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t count = len(entities), k, end
    for k in range(count - 1):
        org = entities[k]
        if m_type(&_F, org) != "ORG":
            continue
        place = entities[k + 1]
        end = m_end(&_F, org)
        if m_type(&_F, place) == "LOC" and m_start(&_F, place) == end + 1 \
                and PyUnicode_READ(kind, data, end) == u' ':
            return plain_foreign_bodies(text, entities)
    return entities


# The person aliases' forms by their first character.
cdef list _FORMS_BY_FIRST = [
    (ord(first), tuple(form for form in ALIAS_PEOPLE if form[0] == first))
    for first in dict.fromkeys(form[0] for form in ALIAS_PEOPLE)]


def alias_people(str text, list entities):
    """``passes.alias_people``, run only where the text holds one of its forms as written (what
    its every change needs): each form's first character found as ``str.find`` finds it, and
    the rest compared there."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), at
    cdef Py_UCS4 first
    for first, forms in _FORMS_BY_FIRST:
        at = PyUnicode_FindChar(text, first, 0, n, 1)
        while at >= 0:
            for form in forms:
                if PyUnicode_Tailmatch(text, form, at, n, -1):
                    return plain_alias_people(text, entities)
            at = PyUnicode_FindChar(text, first, at + 1, n, 1)
    return entities


def defined_otherwise(str text):
    """``names.defined_otherwise``, run only where "(", at most one space and a run of two to
    six capitals A-Z (what ``names._DEFINED_RE`` needs) write an acronym that a text may define
    otherwise (``names.DEFINABLE_ACRONYMS``), after a word that is not one of its alias's long
    words (which the expansion, ending with that word, would share): most texts have none."""
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), at, i, j
    cdef Py_UCS4 c
    cdef list words
    cdef str last
    at = PyUnicode_FindChar(text, u'(', 0, n, 1)
    while at >= 0:
        i = at + 1
        if i < n and Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)):
            i += 1
        j = i
        while j < n and j - i < 7:
            c = PyUnicode_READ(kind, data, j)
            if not u'A' <= c <= u'Z':
                break
            j += 1
        if 2 <= j - i <= 6:
            alias_words = _DEFINABLE.get(PyUnicode_Substring(text, i, j).lower())
            if alias_words is not None:
                words = WORD_RE.findall(text, at - EXPANSION_REACH if at > EXPANSION_REACH else 0,
                                        at)
                if not words:
                    return plain_defined_otherwise(text)
                last = words[len(words) - 1]
                if len(last) < 4 or last.lower() not in alias_words:
                    return plain_defined_otherwise(text)
        at = PyUnicode_FindChar(text, u'(', at + 1, n, 1)
    return {}
