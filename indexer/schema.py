"""The one schema module: every field of the Warta index is named here and nowhere else.

Layout of one document:

* ``id`` — the record's identity (its id, else its canonical URL), raw, stored, fast.
* ``id_key`` — a 64-bit hash of ``id``, indexed + fast: the tie-break of keyset paging (an
  export walks (date, id_key) ranges; tantivy can order by a text field but not range over it).
* ``url`` — canonical URL, raw term (lets ``add`` find a record again by URL).
* ``text_terms`` — the analysed (stemmed, name-protected) text, space-joined and split by
  tantivy's built-in ``whitespace`` tokenizer, with positions for phrases: the real title
  :data:`TITLE_REPEATS` times, then the body, as separate values (a phrase never runs from one
  into the next). One BM25 field in which a title word counts as extra occurrences (BM25F-style):
  an untitled article (wire copy, a scraped page that lost its title) competes on its body with
  titled ones; a separately boosted title field would put every title sharing a word with the
  query above it, and so does a title counted twice, if less. An untitled article's lead
  sentence stands in for its title (the lead says what a news article is about, as a headline
  does; its words are the body's, so what matches is unchanged); a URL slug is never indexed.
* ``words`` — the real title and the body as written, in tantivy's built-in ``default``
  tokenizer (lower-case, unstemmed, split at every non-letter-or-digit, so "Jerman-Indonesia"
  is "jerman", "indonesia"): exact (quoted) words and phrases, and names, are searched here.
* ``date`` — publication time (UTC), indexed + fast: range filters, sorting, histograms.
  Undated records have no ``date`` value.
* ``source``, ``category`` — exact terms, fast (facet counts).
* ``person``, ``org``, ``place`` — normalised entity names, exact, multi-valued, fast.
  ``person_key``, ``org_key``, ``place_key`` — the same values as 64-bit hashes
  (:func:`indexer.document.text_key`), a numeric fast column each: the server counts facets by
  number, which spares a term-dictionary lookup per candidate value, and names the winners from
  a table it builds and checks against the text columns per snapshot. Only the tantivy writer
  adds them; an index without them is counted by text.
* ``story`` — the id of the story (cluster of near-duplicate articles, see
  :mod:`indexer.stories`) the article belongs to; raw, stored, fast. ``story_key`` — the same id
  as the u64 it spells, a numeric fast column (tantivy-py reads only numeric fast fields in bulk,
  which collapsing results by story needs). ``first_report`` — true on the story's first report
  (its earliest dated member, whose id the story id is derived from), indexed, fast.
* ``payload`` — stored bytes: orjson of :class:`StoredArticle` (the original title/body/url,
  entities and where each mention is (field and offsets), the name set that reproduces the
  index terms for highlighting).

The built-in ``whitespace``, ``default`` and ``raw`` tokenizers are the only ones used, so any
process can open the index without registering anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Final

import tantivy

ID: Final = "id"
ID_KEY: Final = "id_key"
URL: Final = "url"
TEXT_TERMS: Final = "text_terms"
WORDS: Final = "words"
DATE: Final = "date"
SOURCE: Final = "source"
CATEGORY: Final = "category"
PERSON: Final = "person"
ORG: Final = "org"
PLACE: Final = "place"
STORY: Final = "story"
STORY_KEY: Final = "story_key"
FIRST_REPORT: Final = "first_report"
PAYLOAD: Final = "payload"
ENTITY_KEYS: Final = {PERSON: "person_key", ORG: "org_key", PLACE: "place_key"}

TEXT_FIELDS: Final = (TEXT_TERMS,)
TITLE_REPEATS: Final = 1  # a real title's words count this many times in text_terms


@dataclass(frozen=True, slots=True)
class Facet:
    """A keyword facet: its index field, which is also its API parameter and JSON key."""

    name: str
    entity_type: str | None  # the extractor's type of an entity facet ("PER"), else None
    description: str  # what a value of it is, for the API's documentation
    label: str  # the page's heading: "People"
    singular: str  # the page's filter chip: "person"


# The one registry of facets, in the order the API and the page list them.
FACETS: Final = (
    Facet(PERSON, "PER", "a person named in the article (headline or body)", "People", "person"),
    Facet(ORG, "ORG", "an organisation named in the article (headline or body)",
          "Organisations", "organisation"),
    Facet(PLACE, "LOC", "a place named in the article (headline or body)", "Places", "place"),
    Facet(SOURCE, None, "the outlet", "Outlets", "outlet"),
    Facet(CATEGORY, None, "the outlet's category label", "Categories", "category"),
)
ENTITY_FIELDS: Final = {f.entity_type: f.name for f in FACETS if f.entity_type is not None}
ENTITY_TYPES: Final = tuple(ENTITY_FIELDS)  # "PER", "ORG", "LOC"
ENTITY_FACETS: Final = tuple(ENTITY_FIELDS.values())  # their fields: person, org, place
KEYWORD_FACETS: Final = tuple(f.name for f in FACETS)

SCHEMA_VERSION: Final = 4
# The most distinct values one terms aggregation is asked for, as its size and its per-segment
# candidates: every value of a facet, in practice (the API's /entities and explore counts,
# scripts.facet_report's).
MAX_BUCKETS: Final = 65_000


@cache
def build_schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_text_field(ID, stored=True, fast=True, tokenizer_name="raw", index_option="basic")
    sb.add_unsigned_field(ID_KEY, stored=False, indexed=True, fast=True)
    sb.add_text_field(URL, stored=False, fast=False, tokenizer_name="raw", index_option="basic")
    sb.add_text_field(TEXT_TERMS, stored=False, tokenizer_name="whitespace")
    sb.add_text_field(WORDS, stored=False, tokenizer_name="default")
    sb.add_date_field(DATE, stored=False, indexed=True, fast=True)
    for name in (SOURCE, CATEGORY, PERSON, ORG, PLACE):
        sb.add_text_field(name, stored=False, fast=True, tokenizer_name="raw", index_option="basic")
    sb.add_text_field(STORY, stored=True, fast=True, tokenizer_name="raw", index_option="basic")
    sb.add_unsigned_field(STORY_KEY, stored=False, indexed=False, fast=True)
    sb.add_boolean_field(FIRST_REPORT, stored=False, indexed=True, fast=True)
    sb.add_bytes_field(PAYLOAD, stored=True, indexed=False, fast=False)
    for key_field in ENTITY_KEYS.values():  # last: an index built without them keeps its ids
        sb.add_unsigned_field(key_field, stored=False, indexed=False, fast=True)
    return sb.build()


@dataclass(frozen=True, slots=True)
class Mention:
    """One entity mention: ``title`` or ``body`` of the article, ``[start, end)`` in it."""

    type: str  # "PER" | "ORG" | "LOC"
    name: str  # the facet value it counts under
    field: str  # "title" | "body"
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """What the index stores of an article (the ``payload`` field)."""

    id: str
    url: str
    title: str
    title_derived: bool
    body: str
    source: str
    category: str
    date: str | None  # ISO 8601 UTC, or None when undated
    names: tuple[str, ...]  # lowercased protected words: reproduces the index terms
    entities: dict[str, tuple[str, ...]]  # "PER"/"ORG"/"LOC" -> distinct names, first seen first
    mentions: tuple[Mention, ...]  # where each was found, headline first
    origin: str  # "file:line" of the record this came from
