"""Where a full build parks its prepared documents while the corpus's facet values are counted,
and the counts it decides the corpus's :class:`~indexer.entity_map.EntityMap` from.

A full build cannot write an article before the map exists, and the map needs every article.
So the prepared documents are parked in an unnamed temporary file beside the index as workers
return them while only their facet values are counted in memory; then they are read back one by
one, mapped (:func:`~indexer.map_apply.apply_map`) and written. Memory is bounded by the number
of distinct values, not of articles; the cost is one sequential write and read of the prepared
documents.

A worker hands a full build each document as a :class:`Parcel`: the few things the building
process reads of every document as it comes, and the whole document pickled once, in the
worker. The building process writes those bytes to the spill as they are and unpickles them
once, when it writes the document: it never decodes and re-encodes a document to park it.
"""

from __future__ import annotations

import pickle
import struct
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, fields, is_dataclass, replace
from datetime import datetime
from operator import itemgetter
from pathlib import Path
from typing import IO, Any, Protocol

import orjson

from indexer import schema as S
from indexer.document import Prepared
from indexer.entities import extract_entities
from indexer.entity_map import EntityMap
from indexer.entity_norm import CorpusCounts, compute_map
from indexer.fingerprints import Fingerprint
from indexer.name_evidence import Name, article_evidence
from indexer.name_kinds import article_kinds

_LENGTH = struct.Struct("<I")  # a parcel's byte length before its bytes in the spill


class Submitter(Protocol):
    """A process pool or a Dask client: ``submit(fn, *args)`` returns a future."""

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Any: ...


@dataclass(frozen=True, slots=True)
class Parcel:
    """A prepared document as it crosses from a worker to a full build's building process:
    its id, story fingerprint and date (for the stories), its facet values, category and name
    evidence (for the map's counts: :func:`count_parcel`), and the whole :class:`Prepared`,
    pickled."""

    id: str
    fingerprint: Fingerprint
    date: datetime | None
    facets: Mapping[str, list[str]]  # entity type -> the document's values
    category: str
    links: set[tuple[Name, Name]]  # what the words around its mentions say about their names
    cited: set[Name]
    kinds: set[tuple[Name, str]]  # what the word before a mention says its name is
    packed: bytes

    def unpack(self) -> Prepared:
        return unpack(self.packed)


def parcel(prep: Prepared, stored: S.StoredArticle | None = None) -> Parcel:
    """The parcel of ``prep``; ``stored``: the article its payload encodes, when the caller has
    it (its name evidence is then read from it, not from the payload decoded)."""
    f = prep.fields
    evidence = evidence_of(prep) if stored is None else stored_evidence(stored)
    return Parcel(prep.id, prep.fingerprint, prep.date,
                  {t: f[name] for t, name in S.ENTITY_FIELDS.items() if name in f},
                  f.get(S.CATEGORY) or "", *evidence,
                  pickle.dumps(prep, protocol=pickle.HIGHEST_PROTOCOL))


def unpack(packed: bytes) -> Prepared:
    prep: Prepared = pickle.loads(packed)
    return prep


class Spill:
    """Prepared documents parked on disk, and the counts of their facet values."""

    def __init__(self, directory: Path) -> None:
        self._file: IO[bytes] = tempfile.TemporaryFile(dir=directory, prefix=".spill-")
        self.counts = CorpusCounts()
        self.size = 0

    def add(self, item: Prepared | Parcel) -> None:
        if isinstance(item, Parcel):
            count_parcel(self.counts, item)
            packed = item.packed
        else:
            count_prepared(self.counts, item)
            packed = pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)
        self._file.write(_LENGTH.pack(len(packed)))
        self._file.write(packed)
        self.size += 1

    def entity_map(self, pool: Submitter | None) -> EntityMap:
        """The corpus's map, each type's part computed in a worker of ``pool`` when there is
        one, side by side (tickets may need the extractor's aliases: the workers have its
        model loaded). The counts are handed over in key order (:func:`in_key_order`)."""
        c = in_key_order(self.counts)
        return compute_map(c.entities, c.categories, alias_person, c.evidence,
                           None if pool is None else pool.submit, c.person_categories,
                           c.contexts, c.articles, c.abroad, c.letters)

    def replay(self) -> Iterator[Prepared]:
        """The parked documents in the order they came (then the file is gone)."""
        return map(unpack, self.packed())

    def packed(self) -> Iterator[bytes]:
        """:meth:`replay`'s documents as they are parked, pickled."""
        self._file.flush()
        self._file.seek(0)
        read = self._file.read
        try:
            for _ in range(self.size):
                (n,) = _LENGTH.unpack(read(_LENGTH.size))
                yield read(n)
        finally:
            self._file.close()

    def close(self) -> None:
        self._file.close()


def in_key_order(counts: CorpusCounts) -> CorpusCounts:
    """``counts`` with each of its mappings (and its name evidence's) in the order of their
    keys. Counted as articles come, a mapping holds its keys in the order an article's set of
    values gave them first, and a set of strings iterates in an order that changes from one
    process to the next (string hashes are salted); the map breaks some ties by that order,
    so without this, two builds of one corpus could decide different maps."""
    return _ordered(counts)


def _ordered(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: _ordered(getattr(value, f.name))
                                 for f in fields(value)})
    if isinstance(value, dict):
        out = value.copy()  # the same kind of mapping (a Counter stays one)
        out.clear()
        if all(type(v) is int for v in value.values()):  # counts: nothing inside to order
            dict.update(out, ((k, value[k]) for k in sorted(value)))  # a Counter's would add
            return out
        nested = any(isinstance(v, dict) for v in value.values())
        for k in (value if nested else sorted(value)):  # types keep their own order
            out[k] = _ordered(value[k])
        return out
    return value


def count_prepared(counts: CorpusCounts, prep: Prepared) -> None:
    """Count a prepared document's facet values and category, and what the words around its
    mentions say about their names (:mod:`indexer.name_evidence`)."""
    f = prep.fields
    counts.add({t: f.get(name) or () for t, name in S.ENTITY_FIELDS.items()},
               f.get(S.CATEGORY) or "")
    counts.evidence.count(*evidence_of(prep))


def count_parcel(counts: CorpusCounts, p: Parcel) -> None:
    """:func:`count_prepared` of a parcel's document, from what the parcel carries."""
    counts.add(p.facets, p.category)
    counts.evidence.count(p.links, p.cited, p.kinds)


_TEXT_ORDER = itemgetter("field", "start")  # a stored mention's place: (field, start)


Evidence = tuple[set[tuple[Name, Name]], set[Name], set[tuple[Name, str]]]


def evidence_of(prep: Prepared) -> Evidence:
    """What the words around a prepared document's mentions say about their names (read from
    its payload, in text order): links, credits and kinds."""
    stored = orjson.loads(prep.fields[S.PAYLOAD])
    return _evidence(stored.get("title") or "", stored.get("body") or "",
                     stored.get("mentions") or ())


def stored_evidence(stored: S.StoredArticle) -> Evidence:
    """:func:`evidence_of` the document whose payload is ``stored``, read from it as it is: its
    mentions as the dicts the payload decodes them to."""
    return _evidence(stored.title, stored.body,
                     [{"type": m.type, "name": m.name, "field": m.field, "start": m.start,
                       "end": m.end} for m in stored.mentions])


def _evidence(title: str, body: str, mentions: Iterable[Mapping[str, Any]]) -> Evidence:
    mentions = sorted(mentions, key=_TEXT_ORDER)
    return (*article_evidence(title, body, mentions), article_kinds(title, body, mentions))


def alias_person(half: str) -> str | None:
    """The person a ticket half names through one of the extractor's aliases ("Jokowi")."""
    found = extract_entities(half)
    if len(found) == 1:
        e = found[0]
        if e.type == "PER" and e.start == 0 and e.end == len(half) and e.name != half:
            return e.name
    return None
