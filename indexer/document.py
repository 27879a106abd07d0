"""One record -> one index document (pure: the same record always gives the same document)."""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

import orjson

from indexer import schema as S
from indexer.analysis import Analyzer, DocumentTerms, join_terms, normalize
from indexer.clean import clean_body, clean_page
from indexer.dates import OUT_OF_RANGE, parse_date
from indexer.fingerprints import Fingerprint, fingerprint
from indexer.mentions import article_mentions, entity_values
from indexer.records import Problem, Record
from indexer.words import SENTENCE_END_CHARS

MIN_BODY_WORDS = 4  # the corpus's 173 bodies of 0-3 words are link residue, not articles
MAX_TITLE_CHARS = 160
# tantivy drops terms over 65,530 bytes from its term dictionary, so a longer id would be
# indexed but unreachable (and re-adding it would duplicate it); ids are far shorter than this.
MAX_ID_BYTES = 512
_WS_RE = re.compile(r"\s+")
_SENTENCE_END_RE = re.compile(rf"(?<=[{SENTENCE_END_CHARS}])\s")
_TRACKING_PARAMS = re.compile(r"^(utm_|fbclid$|gclid$|ref$|source$|page$)", re.I)
_SLUG_NOISE_RE = re.compile(r"^\d+$|\.(html?|php|aspx?)$", re.I)


@dataclass(frozen=True, slots=True)
class Prepared:
    """A document ready for tantivy plus what the writer needs to know about it."""

    id: str
    fingerprint: Fingerprint
    date: datetime | None
    fields: dict[str, Any]  # for tantivy.Document.from_dict (without the story fields)
    origin: str


def canonical_url(url: str | None) -> str:
    """Lowercase scheme and host, no fragment, no tracking parameters, no trailing slash."""
    if not url:
        return ""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if not parts.scheme or not parts.netloc:
        return url
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if not _TRACKING_PARAMS.match(k)])
    path = parts.path.rstrip("/") or "/"
    host = parts.netloc.lower()
    if host.startswith("www."):
        host = host[4:]
    return urlunsplit((parts.scheme.lower(), host, path, query, ""))


def body_hash(body: str) -> str:
    if not unicodedata.is_normalized("NFKC", body):
        body = unicodedata.normalize("NFKC", body)
    norm = " ".join(body.split()).lower()
    return hashlib.blake2b(norm.encode("utf-8", "replace"), digest_size=10).hexdigest()


def derive_title(body: str, url: str) -> str:
    """A title for a record that has none: the first sentence, else the URL's slug."""
    first = body.strip().split("\n", 1)[0]
    first = _SENTENCE_END_RE.split(first, 1)[0].strip()
    if first:
        if len(first) > MAX_TITLE_CHARS:
            first = first[:MAX_TITLE_CHARS].rsplit(" ", 1)[0] + "…"
        return first
    return slug_title(url)


def slug_title(url: str) -> str:
    try:
        path = urlsplit(url).path
    except ValueError:
        return ""
    for part in reversed(PurePosixPath(unquote(path)).parts):
        part = _SLUG_NOISE_RE.sub("", part)
        if part and part != "/" and not part.isdigit():
            return part.replace("-", " ").replace("_", " ").strip().capitalize()
    return ""


def source_of(record_source: str | None, url: str) -> str:
    if record_source and record_source.strip():
        return record_source.strip()
    try:
        host = urlsplit(url).netloc.lower()
    except ValueError:
        return ""
    return host[4:] if host.startswith("www.") else host


def prepare(record: Record, analyzer: Analyzer) -> Prepared | Problem:
    out = prepare_article(record, analyzer)
    return out if isinstance(out, Problem) else out[0]


def prepare_article(record: Record, analyzer: Analyzer
                    ) -> tuple[Prepared, S.StoredArticle] | Problem:
    """:func:`prepare`, with the stored article its payload encodes (what a worker reads of
    it needs no decoding)."""
    article = read_article(record)
    if isinstance(article, Problem):
        return article
    mentions = article_mentions(*article.mentioned)
    return finish_article(article, analyzer, mentions, analyse_article(article, analyzer))


@dataclass(frozen=True, slots=True)
class Article:
    """A record read as an article (cleaned, its id, url, date, source), before its words and
    its mentions are found."""

    origin: str
    id: str
    url: str
    title: str
    title_derived: bool
    body: str
    date: datetime | None
    source: str
    category: str

    @property
    def mentioned(self) -> tuple[str, str]:
        """The headline (none when derived from the body) and the body, as the extractor and
        the analyzer read them."""
        return "" if self.title_derived else self.title, self.body


def read_article(record: Record) -> Article | Problem:
    """The article of ``record``, or why it is none."""
    f = record.fields
    raw_body = f.get("body") or ""
    title = (f.get("title") or "").strip()
    page_source = None
    if record.raw_page:
        page = clean_page(raw_body)
        title, body, page_source = page.title.strip(), page.body, page.source
    else:
        body = clean_body(raw_body)
    if len(body.split(maxsplit=MIN_BODY_WORDS)) < MIN_BODY_WORDS:  # stops after a few words
        return Problem(record.origin, "empty or near-empty body", f"{len(body.split())} words")

    url = canonical_url(f.get("url"))
    title_derived = not title
    if title_derived:
        title = derive_title(body, url)
    title = _WS_RE.sub(" ", title)
    if f.get("id"):
        doc_id = f["id"].strip()  # type: ignore[union-attr]
    elif url:
        doc_id = url
    elif record.raw_page:
        doc_id = "page:" + record.page_key.removesuffix(".gz")
    else:
        doc_id = "hash:" + body_hash(body)
    if len(doc_id.encode("utf-8", "replace")) > MAX_ID_BYTES:
        return Problem(record.origin, "id too long",
                       f"{len(doc_id.encode('utf-8', 'replace'))} bytes; at most {MAX_ID_BYTES}")
    parsed = parse_date(f.get("date"), f.get("time"))
    if parsed.reason is not None and parsed.reason.startswith(OUT_OF_RANGE):
        return Problem(record.origin, "date out of range",
                       f"{(f.get('date') or '')[:40]!r}: {parsed.reason}")
    return Article(record.origin, doc_id, url, title, title_derived, body, parsed.value,
                   source_of(f.get("source") or page_source, url),
                   (f.get("category") or "").strip())


def analyse_article(article: Article, analyzer: Analyzer) -> DocumentTerms:
    """The terms of ``article`` as :func:`document_fields` indexes them: a headline derived
    from the body has the lead sentence's."""
    terms = analyzer.analyze_document(*article.mentioned)
    if not article.title_derived:
        return terms
    lead = analyzer.analyze(derive_title(article.body, ""), terms.names)
    return DocumentTerms(terms.names, lead, terms.body)


def finish_article(article: Article, analyzer: Analyzer, mentions: list[S.Mention],
                   terms: DocumentTerms) -> tuple[Prepared, S.StoredArticle]:
    """The prepared document of ``article``, whose mentions (:func:`~indexer.mentions.
    article_mentions` of :attr:`Article.mentioned`) are ``mentions`` and whose terms
    (:func:`analyse_article`) are ``terms``."""
    date = article.date
    stored = S.StoredArticle(
        id=article.id,
        url=article.url,
        title=article.title,
        title_derived=article.title_derived,
        body=article.body,
        source=article.source,
        category=article.category,
        date=date.isoformat() if date else None,
        names=tuple(sorted(terms.names)),
        entities=entity_values(mentions),
        mentions=tuple(mentions),
        origin=article.origin,
    )
    fields = document_fields(stored, analyzer, terms)
    return (Prepared(article.id, fingerprint(article.body, article.source), date, fields,
                     article.origin), stored)


def text_key(text: str) -> int:
    """The first 8 bytes of BLAKE2b of ``text``, unsigned."""
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


def id_key(doc_id: str) -> int:
    """The ``id_key`` field: :func:`text_key` of the id."""
    return text_key(doc_id)


def entity_keys(fields: Mapping[str, Any]) -> dict[str, list[int]]:
    """The numbered entity fields (``person_key``...) of a document's tantivy ``fields``: the
    :func:`text_key` of each of its entity values, in their order."""
    return {S.ENTITY_KEYS[name]: [text_key(v) for v in fields[name]]
            for name in S.ENTITY_FACETS if fields.get(name)}


def document_fields(
    stored: S.StoredArticle, analyzer: Analyzer, terms: DocumentTerms | None = None
) -> dict[str, Any]:
    """The tantivy fields of a stored article (without the story fields, set by the writer).
    ``terms`` is the article's analysis when the caller already has it (with the lead
    sentence's terms as a derived headline's, or none: they are found here)."""
    if terms is None:
        names = frozenset(stored.names)
        terms = DocumentTerms(
            names,
            [] if stored.title_derived else analyzer.analyze(stored.title, names),
            analyzer.analyze(stored.body, names),
        )
    title = terms.title
    if stored.title_derived and not title:  # the lead sentence stands in for the headline
        title = analyzer.analyze(derive_title(stored.body, ""), terms.names)
    fields: dict[str, Any] = {
        S.ID: stored.id,
        S.ID_KEY: id_key(stored.id),
        S.TEXT_TERMS: [join_terms(title)] * S.TITLE_REPEATS + [join_terms(terms.body)],
        S.WORDS: [normalize(stored.body)] if stored.title_derived
        else [normalize(stored.title), normalize(stored.body)],
        S.PAYLOAD: orjson.dumps(stored),
    }
    if stored.url:
        fields[S.URL] = stored.url
    if stored.date is not None:
        fields[S.DATE] = datetime.fromisoformat(stored.date)
    if stored.source:
        fields[S.SOURCE] = stored.source
    if stored.category:
        fields[S.CATEGORY] = stored.category
    for etype, field_name in S.ENTITY_FIELDS.items():
        values = stored.entities.get(etype) or ()
        if values:
            fields[field_name] = list(values)
    return fields


# A stored article holds ~20 mentions; a frozen dataclass's __init__ sets each field through
# object.__setattr__, so they are made by setting the slots directly (equal: tests/test_payload.py).
_MENTION_SLOTS = tuple((f.name, getattr(S.Mention, f.name).__set__)
                       for f in dataclasses.fields(S.Mention))
_MENTION_KEYS = frozenset(name for name, _ in _MENTION_SLOTS)


def _mention(m: dict[str, Any]) -> S.Mention:
    """``S.Mention(**m)``."""
    if not isinstance(m, dict) or m.keys() != _MENTION_KEYS:
        return S.Mention(**m)  # its own error
    out = object.__new__(S.Mention)
    for name, set_slot in _MENTION_SLOTS:
        set_slot(out, m[name])
    return out


def load_payload(data: bytes, *, mentions: bool = True) -> S.StoredArticle:
    """The stored article. ``mentions=False`` leaves its mentions out (an empty tuple; making
    them is half the decoding): for the readers that show articles (search hits, the article,
    story and related routes), which never read them (``tests/test_payload.py`` checks)."""
    d = orjson.loads(data)
    d["names"] = tuple(d.get("names") or ())
    d["entities"] = {k: tuple(v) for k, v in (d.get("entities") or {}).items()}
    d["mentions"] = tuple(map(_mention, d.get("mentions") or ())) if mentions else ()
    return S.StoredArticle(**d)
