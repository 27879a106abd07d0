"""The query language: a tolerant parser into a small tree, then tantivy queries.

Syntax (everything else is a plain word)::

    banjir jakarta          every word (or an inflected form of it) must be in the article
    "joko widodo"           a phrase: exactly these words in this order (no stemming)
    +gempa   +"kota palu"   required, even when the query falls back to some of its words
    -sepak   NOT sepak      excluded (also -"liga 1", -(a b))
    jokowi OR prabowo       either; OR binds tighter than AND, as in web search engines:
                            "banjir jakarta OR bandung" is banjir AND (jakarta OR bandung)
    a AND b                 the same as "a b"
    (a OR b) -(c d)         parentheses group

Only upper-case ``AND``, ``OR`` and ``NOT`` are operators; in lower case they are words.

Parsing never fails: an unbalanced quote is ignored (its words become plain words), an
unbalanced parenthesis is closed at the end or dropped, a lone ``+``/``-``/``NOT`` or a stray
``OR``/``AND`` is dropped, ``OR`` next to a signed or negated operand is dropped, nesting deeper
than :data:`MAX_DEPTH` is flattened, and a query with no words at all is the empty query (which
the service answers by browsing). Each word is analysed exactly like the documents
(:meth:`indexer.analysis.Analyzer.query_alternatives`), so "serangan" finds "menyerang"; a
word also matches itself as written in the unstemmed ``words`` field (so "Jerman" finds
"Jerman-Indonesia"). A quoted word or phrase is searched in the ``words`` field only: exactly
those words in that order, whatever their casing.
Stopwords are dropped from a group unless nothing else is left in it.

When the query is a list of free words and no article has them all, the service asks the
:attr:`CompiledQuery.fallback` query instead: any of the free words, ranked by BM25 plus a bonus
per word an article has (mostly by how many of them it has, see
:data:`search_api.ranking.COORDINATION_SCORE`). Words near each other and in order rank higher
in both (:mod:`search_api.ranking`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Generic, Literal, TypeVar

import tantivy

from indexer.analysis import Analyzer, is_stopword, surface_words
from search_api import ranking as R

Q = TypeVar("Q")
MAX_OPERANDS: Final = 64  # words/phrases looked at; a long query's tail is ignored
MAX_DEPTH: Final = 8  # parentheses nested deeper than this are ignored


@dataclass(frozen=True, slots=True)
class Word:
    text: str


@dataclass(frozen=True, slots=True)
class Phrase:
    text: str


@dataclass(frozen=True, slots=True)
class Required:
    """``+x``: the same as ``x``, but kept required when the query falls back."""

    child: Node


@dataclass(frozen=True, slots=True)
class Not:
    child: Node


@dataclass(frozen=True, slots=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    children: tuple[Node, ...]


Node = Word | Phrase | Required | Not | And | Or


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    root: Node | None

    @property
    def is_empty(self) -> bool:
        return self.root is None


@dataclass(frozen=True, slots=True)
class Compiled(Generic[Q]):
    """A backend's query (None: match everything), the query to ask instead when nothing has
    all the words (None: the query has no such fallback), and the terms a highlighter should
    mark."""

    query: Q | None
    fallback: Q | None
    terms: frozenset[str]


CompiledQuery = Compiled[tantivy.Query]


# -- tokens -----------------------------------------------------------------------------------

TokenKind = Literal["word", "phrase", "or", "and", "not", "open", "close"]
_OPERATORS: Final[dict[str, TokenKind]] = {"OR": "or", "AND": "and", "NOT": "not"}


@dataclass(frozen=True, slots=True)
class _Token:
    kind: TokenKind
    text: str
    sign: Literal["", "+", "-"]


def _tokenize(q: str) -> list[_Token]:
    tokens: list[_Token] = []
    operands = 0
    i, n = 0, len(q)
    while i < n and operands < MAX_OPERANDS:
        c = q[i]
        if c.isspace():
            i += 1
            continue
        sign: Literal["", "+", "-"] = ""
        if c in "+-":
            sign = "+" if c == "+" else "-"
            i += 1
            if i >= n or q[i].isspace():
                continue  # a lone operator means nothing
            c = q[i]
            if c in "+-":
                continue  # "--x", "+-x": the last operator wins
        if c == "(":
            tokens.append(_Token("open", c, sign))
            i += 1
            continue
        if c == ")":
            tokens.append(_Token("close", c, ""))
            i += 1
            continue
        if c == '"':
            close = q.find('"', i + 1)
            if close == -1:
                i += 1  # unbalanced quote: ignore it, the rest are plain words
                continue
            text = q[i + 1 : close]
            i = close + 1
            if text.strip():
                tokens.append(_Token("phrase", text, sign))
                operands += 1
            continue
        j = i
        while j < n and not q[j].isspace() and q[j] not in '"()':
            j += 1
        text = q[i:j]
        i = j
        op = _OPERATORS.get(text)
        if op is not None and not sign:
            tokens.append(_Token(op, text, ""))
        else:
            tokens.append(_Token("word", text, sign))
            operands += 1
    return tokens


# -- parsing ----------------------------------------------------------------------------------


class _Parser:
    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.pos = 0

    def _peek(self) -> _Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def sequence(self, depth: int) -> list[Node]:
        """Operands up to a closing parenthesis (depth > 0) or the end: an implicit AND."""
        items: list[Node] = []
        joinable: list[bool] = []  # may the item take part in an OR
        pending_or = False
        while (tok := self._peek()) is not None:
            if tok.kind == "close":
                if depth > 0:
                    return items
                self.pos += 1  # a stray ")" at the top
                continue
            if tok.kind in ("or", "and"):
                self.pos += 1
                pending_or = tok.kind == "or" and bool(joinable) and joinable[-1]
                continue
            node = self._unary(depth)
            if node is None:
                pending_or = False
                continue
            can_join = not isinstance(node, Not | Required)
            if pending_or and can_join:
                last = items[-1]
                left = last.children if isinstance(last, Or) else (last,)
                items[-1] = Or((*left, node))
            else:
                items.append(node)
                joinable.append(can_join)
            pending_or = False
        return items

    def _unary(self, depth: int) -> Node | None:
        tok = self.tokens[self.pos]
        self.pos += 1
        if tok.kind == "not":
            negations = 1
            while (nxt := self._peek()) is not None and nxt.kind == "not":
                negations += 1
                self.pos += 1
            if nxt is None or nxt.kind not in ("word", "phrase", "open"):
                return None  # NOT before nothing it could negate
            inner = self._unary(depth)
            if inner is None or negations % 2 == 0:
                return inner
            return Not(inner)
        node: Node | None
        if tok.kind == "word":
            node = Word(tok.text)
        elif tok.kind == "phrase":
            node = Phrase(tok.text)
        elif depth + 1 >= MAX_DEPTH:
            node = None  # too deep: this "(" is ignored and its words join the current level
        else:
            items = self.sequence(depth + 1)
            nxt = self._peek()
            if nxt is not None and nxt.kind == "close":
                self.pos += 1
            node = _group(items)
        if node is None:
            return None
        if tok.sign == "-":
            return Not(node)
        if tok.sign == "+":
            return Required(node)
        return node


def _group(items: list[Node]) -> Node | None:
    if not items:
        return None
    return items[0] if len(items) == 1 else And(tuple(items))


def parse(q: str) -> ParsedQuery:
    """Parse a query string. Never raises; anything unusual degrades to plain words."""
    parser = _Parser(_tokenize(q))
    return ParsedQuery(_group(parser.sequence(0)))


# -- compiling --------------------------------------------------------------------------------
# One walk of the tree for both backends, over their :class:`search_api.ranking.Builders`.


@dataclass(frozen=True, slots=True)
class _Compiled(Generic[Q]):
    query: Q
    terms: frozenset[str]  # what the highlighter marks (nothing from an excluded part)
    stopword: bool = False  # a bare free word that is a stopword (dropped when it has company)
    words: R.Alternatives | None = None  # a bare word's alternatives (for proximity)


@dataclass(frozen=True, slots=True)
class _Conjunction(Generic[Q]):
    kept: list[tuple[Node, _Compiled[Q]]]
    excluded: list[Q]

    @property
    def terms(self) -> frozenset[str]:
        return frozenset().union(*(c.terms for _, c in self.kept))


def _drop_stopwords(parts: list[_Compiled[Q] | None]) -> list[_Compiled[Q]]:
    present = [p for p in parts if p is not None]
    content = [p for p in present if not p.stopword]
    return content or present


class _Compiler(Generic[Q]):
    def __init__(self, analyzer: Analyzer, b: R.Builders[Q]) -> None:
        self.analyzer = analyzer
        self.b = b

    def node(self, node: Node) -> _Compiled[Q] | None:
        b = self.b
        if isinstance(node, Word | Phrase):
            alts = tuple(a for a in self.analyzer.query_alternatives(node.text) if a)
            surface = tuple(surface_words(node.text))
            exact = isinstance(node, Phrase)  # quoted: exactly these words, unstemmed
            if not alts or (exact and not surface):
                return None
            q = R.unit_query(b, alts, surface, exact)
            terms = frozenset(t for word in alts for t in word)
            if isinstance(node, Word) and len(alts) == 1:
                stop = all(is_stopword(t) for t in alts[0]) or is_stopword(node.text.lower())
                return _Compiled(q, terms, stop, alts)
            return _Compiled(q, terms)
        if isinstance(node, Required):
            inner = self.node(node.child)
            return _Compiled(inner.query, inner.terms) if inner else None
        if isinstance(node, Not):
            inner = self.node(node.child)
            if inner is None:
                return None
            return _Compiled(b.boolean(must=[b.everything()], must_not=[inner.query]),
                             frozenset())
        if isinstance(node, Or):
            parts = _drop_stopwords([self.node(c) for c in node.children])
            if not parts:
                return None
            if len(parts) == 1:
                return parts[0]
            return _Compiled(b.boolean(should=[p.query for p in parts]),
                             frozenset().union(*(p.terms for p in parts)))
        built = self.conjunction(node)
        return _Compiled(self.every(built), built.terms) if built else None

    def conjunction(self, node: And) -> _Conjunction[Q] | None:
        kept: list[tuple[Node, _Compiled[Q]]] = []
        excluded: list[Q] = []
        for child in node.children:
            if isinstance(child, Not):
                inner = self.node(child.child)
                if inner is not None:
                    excluded.append(inner.query)
                continue
            c = self.node(child)
            if c is not None:
                kept.append((child, c))
        survivors = set(map(id, _drop_stopwords([c for _, c in kept])))
        kept = [(n, c) for n, c in kept if id(c) in survivors]
        if not kept and not excluded:
            return None
        return _Conjunction(kept, excluded)

    def every(self, conj: _Conjunction[Q]) -> Q:
        must = [c.query for _, c in conj.kept] or [self.b.everything()]
        return self.b.boolean(must=must, must_not=conj.excluded)


def compile_tree(parsed: ParsedQuery, analyzer: Analyzer, b: R.Builders[Q]) -> Compiled[Q]:
    """The parse tree as one backend's queries (``b``): every word analysed as the documents,
    stopwords dropped from a group unless alone, the proximity clauses, and the most-words-first
    fallback of a query of two or more free words."""
    if parsed.root is None:
        return Compiled(None, None, frozenset())
    compiler = _Compiler(analyzer, b)
    root = parsed.root if isinstance(parsed.root, And) else And((parsed.root,))
    conj = compiler.conjunction(root)
    if conj is None:
        return Compiled(None, None, frozenset())
    proximity = R.proximity_query(b, [c.words for _, c in conj.kept if c.words is not None])
    optional = [proximity] if proximity is not None else []
    query = b.boolean(must=[compiler.every(conj)], should=optional)
    free = [c.query for n, c in conj.kept if not isinstance(n, Required)]
    fallback = None
    if len(free) >= 2:
        needed = [c.query for n, c in conj.kept if isinstance(n, Required)]
        fallback = b.boolean(must=needed, must_not=conj.excluded,
                             should=R.coordinated(b, free) + optional)
    return Compiled(query, fallback, conj.terms)


def compile_query(parsed: ParsedQuery, analyzer: Analyzer, schema: tantivy.Schema
                  ) -> CompiledQuery:
    return compile_tree(parsed, analyzer, R.TantivyBuilders(schema))


def build(q: str, analyzer: Analyzer, schema: tantivy.Schema) -> CompiledQuery:
    """Parse and compile a query string (the whole query-language pipeline)."""
    return compile_query(parse(q), analyzer, schema)
