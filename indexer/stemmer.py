"""PySastrawi's stemmer, made faster without changing a single result.

PySastrawi 1.2.1 calls the module-level functions of ``re`` with pattern *strings* on every step
of every word (``re.match(r'^meng([aiueo])(.*)$', word)``, ...), so each call pays for ``re``'s
cache lookup. Worse, its visitors work out the removed affix with
``re.sub(result, '', context.current_word, count=1)``, where ``result`` is the remaining *word*
used as a pattern: a fresh regex compile for nearly every word, and those one-off patterns push
Sastrawi's own rule patterns out of ``re``'s 512-entry cache, so they are compiled again too.

:func:`create_stemmer` (the patching happens there, once per process, not at import) gives the
Sastrawi modules that ``import re`` (and only those; the global ``re`` module is never touched) a
stand-in, :class:`_CompiledRe`, whose

* ``match`` and ``sub`` (all Sastrawi calls) compile each string pattern once into their own
  dict (the rule patterns are a fixed set of a few dozen), and
* ``sub(pattern, repl, string, count)`` with a *literal* pattern (no regex metacharacter, as the
  words Sastrawi uses as patterns are) and a backslash-free ``repl`` is ``string.replace(pattern,
  repl, count or -1)``: a literal pattern matches exactly its own text, leftmost first and without
  overlap, which is what ``str.replace`` replaces; ``re.sub``'s count 0 ("all") is
  ``str.replace``'s -1, and a positive count means the same in both (the empty pattern included:
  both put ``repl`` before each character and at the end).

Anything else (flags, compiled patterns, bytes, a negative count, a backslash in ``repl``) goes to
the real ``re`` unchanged.

The stemmer itself is Sastrawi's, with two exact changes on its own instance and subclasses (no
Sastrawi class is modified):

* each of up to three prefix-removal passes per word used to try all 41 prefix visitors, each
  running its disambiguators' regexes, although every disambiguator rule is anchored at the start
  of the word ("ber...", "meng...", a consonant then "er"...). :data:`RULE_PREFIXES` lists, per
  rule, the starts without which it returns nothing; a visitor none of whose rules can apply
  leaves the word, the removals and the stop flag untouched, so the pass skips it (the argument
  is spelled out in :meth:`_Context.accept_prefix_visitors`);
* the dictionary answers ``contains`` with its dict's own ``__contains__`` (the method it stands
  in for is ``return word in self.words``).

:func:`create_compiled_stemmer` gives the compiled port (:mod:`indexer._stem`) the analyzer
uses; this module's stemmer stays its reference and stems the words the port leaves to it.
``tests/test_stemmer.py`` compares plain, patched and compiled Sastrawi word for word (and
checks :data:`RULE_PREFIXES` against the rules); ``scripts/check_stemmer.py`` does the
comparison for every stemmable word of the corpus.
"""

from __future__ import annotations

import importlib
import re
import threading
from collections.abc import Callable
from typing import Any

from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
from Sastrawi.Stemmer.Context.Context import Context
from Sastrawi.Stemmer.Context.Visitor.PrefixDisambiguator import PrefixDisambiguator
from Sastrawi.Stemmer.Context.Visitor.RemovePlainPrefix import RemovePlainPrefix
from Sastrawi.Stemmer.Context.Visitor.VisitorProvider import VisitorProvider
from Sastrawi.Stemmer.Stemmer import Stemmer
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

# Characters that make a pattern more than its own text. ("-", "#", whitespace and the rest are
# literal outside a character class and without VERBOSE; a class needs "[" and inline flags need
# "(", both listed.)
_METACHARACTERS = frozenset("\\.^$*+?{}[]|()")
# Rule patterns are a fixed set of a few dozen; this bound only guards against a caller feeding
# Sastrawi words that contain metacharacters (such patterns then use re's own cache).
_MAX_COMPILED = 4096

# Every Sastrawi module with ``import re`` whose functions the stemmer calls (TextNormalizer, used
# only by the text-level ``stem``, gets the stand-in as well: it passes flags, so it goes to re).
SASTRAWI_RE_MODULES: tuple[str, ...] = (
    "Sastrawi.Stemmer.Stemmer",
    "Sastrawi.Stemmer.Filter.TextNormalizer",
    "Sastrawi.Stemmer.ConfixStripping.PrecedenceAdjustmentSpecification",
    "Sastrawi.Stemmer.Context.Visitor.AbstractDisambiguatePrefixRule",
    "Sastrawi.Stemmer.Context.Visitor.RemoveInflectionalParticle",
    "Sastrawi.Stemmer.Context.Visitor.RemoveInflectionalPossessivePronoun",
    "Sastrawi.Stemmer.Context.Visitor.RemovePlainPrefix",
    "Sastrawi.Stemmer.Context.Visitor.RemoveDerivationalSuffix",
    "Sastrawi.Morphology.InvalidAffixPairSpecification",
    *(f"Sastrawi.Morphology.Disambiguator.DisambiguatorPrefixRule{n}"
      for n in (1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 23, 24,
                25, 26, 27, 28, 29, 30, 31, 32, 34, 35, 36, 37, 38, 39, 40, 41, 42)),
)


class _CompiledRe:
    """A stand-in for the ``re`` module inside Sastrawi's modules (see the module docstring).
    Sastrawi calls only ``match`` and ``sub``; every other attribute (``IGNORECASE``, ``compile``,
    ``search``, ...) is ``re``'s own."""

    def __init__(self) -> None:
        compiled: dict[str, re.Pattern[str]] = {}

        def compile_once(pattern: str) -> re.Pattern[str]:
            p = re.compile(pattern)
            if len(compiled) < _MAX_COMPILED:
                compiled[pattern] = p
            return p

        def match(pattern: Any, string: Any, flags: Any = 0) -> Any:
            if flags or type(pattern) is not str:
                return re.match(pattern, string, flags)
            return (compiled.get(pattern) or compile_once(pattern)).match(string)

        def sub(pattern: Any, repl: Any, string: Any, count: Any = 0, flags: Any = 0) -> Any:
            if (flags or type(pattern) is not str or type(repl) is not str
                    or type(count) is not int or count < 0):
                return re.sub(pattern, repl, string, count=count, flags=flags)
            p = compiled.get(pattern)
            if p is None:
                if (type(string) is str and "\\" not in repl
                        and _METACHARACTERS.isdisjoint(pattern)):
                    return string.replace(pattern, repl, count or -1)
                p = compile_once(pattern)
            return p.sub(repl, string, count)

        # Plain functions as instance attributes: ``shim.match`` is one dict lookup, no binding.
        self.match: Callable[..., Any] = match
        self.sub: Callable[..., Any] = sub
        self.compiled = compiled

    def __getattr__(self, name: str) -> Any:
        return getattr(re, name)


_lock = threading.Lock()
_shim: _CompiledRe | None = None


def patch_sastrawi() -> _CompiledRe:
    """Give Sastrawi's regex-using modules the stand-in: once per process, idempotent, and only
    where a module's ``re`` is still the real ``re`` module."""
    global _shim
    with _lock:
        if _shim is None:
            shim = _CompiledRe()
            for name in SASTRAWI_RE_MODULES:
                module = importlib.import_module(name)
                if getattr(module, "re", None) is re:
                    module.re = shim  # type: ignore[attr-defined]
            _shim = shim
        return _shim


def is_patched() -> bool:
    return _shim is not None


_CONSONANTS = "bcdfghjklmnpqrstvwxyz"
# What a word must start with for each disambiguator to return anything at all: read off its
# rule (every rule is anchored at the start of the word: ``re.match`` with a leading literal, or
# ``word == 'belajar'`` / ``'pelajar'``). A disambiguator not listed here is always tried.
_RULE_PREFIXES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(["1a", "1b", "2", "3"], ("ber",)),
    "4": ("belajar",),
    "5": ("be",),
    **dict.fromkeys(["6a", "6b", "7", "8", "35"], ("ter",)),
    "9": ("te",),
    "10": ("me",),
    **dict.fromkeys(["11", "13a", "13b"], ("mem",)),
    "12": ("mempe",),
    "19": ("memp",),
    **dict.fromkeys(["14", "15a", "15b"], ("men",)),
    **dict.fromkeys(["16", "17a", "17b", "17d"], ("meng",)),
    "17c": ("menge",),
    **dict.fromkeys(["18a", "18b"], ("meny",)),
    **dict.fromkeys(["20", "34", "36"], ("pe",)),
    **dict.fromkeys(["21a", "21b", "23", "24"], ("per",)),
    **dict.fromkeys(["25", "26a", "26b"], ("pem",)),
    **dict.fromkeys(["27", "28a", "28b"], ("pen",)),
    **dict.fromkeys(["29", "30a", "30b"], ("peng",)),
    "30c": ("penge",),
    **dict.fromkeys(["31a", "31b"], ("peny",)),
    "32": ("pel",),  # "pelajar" or ^pe(l[aiueo])
    # ^([bcdfghjklmnpqrstvwxyz])(er|el|em)... and ^([bcdfghjklmnpqrstvwxyz])in...
    **dict.fromkeys(["37a", "37b", "38a", "38b", "39a", "39b"],
                    tuple(c + "e" for c in _CONSONANTS)),
    **dict.fromkeys(["40a", "40b"], tuple(c + "i" for c in _CONSONANTS)),
    "41": ("ku",),
    "42": ("kau",),
}
RULE_PREFIXES: dict[str, tuple[str, ...]] = {
    f"DisambiguatorPrefixRule{rule}": prefixes for rule, prefixes in _RULE_PREFIXES.items()}
# Plans are looked up by a word's first two letters (a few hundred plans); each rule's full
# prefix is then checked in the loop.
_KEY_LEN = 2
_MAX_PLANS = 4096
_ALWAYS: tuple[str, ...] = ("",)  # a visitor nothing is known about: every word starts with ""


class _VisitorProvider(VisitorProvider):
    """Sastrawi's visitors, plus, for a word, which prefix visitors can act on it at all: a
    PrefixDisambiguator whose every disambiguator needs a start the word does not have removes
    nothing and changes nothing (its ``visit`` only records a removal when some disambiguator
    returned a word)."""

    def __init__(self) -> None:
        super().__init__()
        first, *rest = self.prefix_visitors
        # The skipping below relies on how these two visitor types behave (see _Context).
        self.known_prefix_visitors = type(first) is RemovePlainPrefix and all(
            type(v) is PrefixDisambiguator for v in rest)
        self._rules: list[tuple[Any, tuple[str, ...]]] = [(first, _ALWAYS)]
        for visitor in rest:
            found = [RULE_PREFIXES.get(type(d).__name__) for d in visitor.disambiguators]
            prefixes = _ALWAYS
            if all(p is not None for p in found):
                prefixes = tuple(p for ps in found if ps is not None for p in ps)
            self._rules.append((visitor, prefixes))
        self._plans: dict[str, tuple[tuple[Any, tuple[str, ...]], ...]] = {}

    def prefix_plan(self, word: str) -> tuple[tuple[Any, tuple[str, ...]], ...]:
        """(visitor, the starts one of which a word needs for it to act), in Sastrawi's order,
        for the prefix visitors that may act on a word starting as ``word`` does (the first, which
        needs no start, always included)."""
        key = word[:_KEY_LEN]
        plan = self._plans.get(key)
        if plan is None:
            # A word starting with key can only start with p if one of the two starts the other.
            plan = tuple((v, prefixes) for v, prefixes in self._rules
                         if any(p.startswith(key) or key.startswith(p) for p in prefixes))
            if len(self._plans) < _MAX_PLANS:
                self._plans[key] = plan
        return plan


class _Context(Context):
    def accept_prefix_visitors(self, visitors: Any) -> Any:
        """Context.accept_prefix_visitors, with the visitors that cannot act on the word left out.

        Exact: RemovePlainPrefix and PrefixDisambiguator change the word only together with
        recording a removal, which ends this loop; so every visitor in it sees the word the loop
        started with, and a skipped one would have left word, removals and stop flag unchanged.
        The checks after it would then have repeated the checks after the visitor before it
        (the first visitor is never skipped), which did not end the loop."""
        provider = self.visitor_provider
        if visitors is not provider.prefix_visitors or not provider.known_prefix_visitors:
            return super().accept_prefix_visitors(visitors)
        word = self.current_word
        removal_count = len(self.removals)
        for visitor, prefixes in provider.prefix_plan(word):
            if not word.startswith(prefixes):
                continue
            self.accept(visitor)
            if self.dictionary.contains(self.current_word):
                return self.current_word
            if self.process_is_stopped:
                return self.current_word
            if len(self.removals) > removal_count:
                return None
        return None


# What Sastrawi's suffix visitors remove (RemoveInflectionalParticle, ...PossessivePronoun,
# RemoveDerivationalSuffix: each an ``re.sub`` of these anchored at the word's end).
SUFFIXES: tuple[str, ...] = ("lah", "kah", "tah", "pun", "ku", "mu", "nya",
                             "is", "isme", "isasi", "i", "kan", "an")
# What RemovePlainPrefix removes, and the starts every disambiguator needs (:data:`RULE_PREFIXES`).
PREFIXES: tuple[str, ...] = tuple(sorted(
    {"di", "ke", "se", *(p for ps in RULE_PREFIXES.values() for p in ps)}))


class _Stemmer(Stemmer):
    def __init__(self, dictionary: Any) -> None:
        super().__init__(dictionary)
        self.visitor_provider = _VisitorProvider()

    def stem_word(self, word: str) -> str:
        """Sastrawi's stem of ``word``; a word of plain letters that is a root word, or that
        has none of the prefixes and suffixes Sastrawi removes, is its own stem without running
        Sastrawi. Exact: such a word is no plural (no hyphen), and Sastrawi's Context gives the
        word it ends with if that is in the dictionary, else the word it began with; a root
        word ends the process at once, and in a word no visitor can act on (the suffixes are
        matched before the end, the prefixes at the start, and a word of letters has no line
        break for ``$`` to match before) every visitor leaves it as it is. ~40% of a corpus's
        distinct words (``tests/test_analysis.py`` compares this stemmer with plain
        Sastrawi)."""
        if word.isascii() and word.isalpha() and (
                self.dictionary.contains(word)
                or not (word.endswith(SUFFIXES) or word.startswith(PREFIXES))):
            return word
        stem: str = super().stem_word(word)
        return stem

    def stem_singular_word(self, word: str) -> str:
        context = _Context(word, self.dictionary, self.visitor_provider)
        context.execute()
        result: str = context.result
        return result


def create_stemmer() -> Any:
    """Sastrawi's (uncached) word stemmer with the speed-ups applied: an object whose
    ``stem_word(word)`` gives exactly what PySastrawi's own stemmer gives."""
    patch_sastrawi()
    dictionary = ArrayDictionary(StemmerFactory().get_words())
    dictionary.contains = dictionary.words.__contains__  # == ArrayDictionary.contains, unbound
    return _Stemmer(dictionary)


def create_compiled_stemmer() -> Any:
    """The compiled port of Sastrawi (:mod:`indexer._stem`) on Sastrawi's own dictionary: the
    same ``stem_word``, ~50x faster; a word with anything but a-z and "-" goes to
    :func:`create_stemmer`'s stemmer (``tests/test_stemmer.py`` proves all three equal)."""
    from indexer._stem import Stemmer as CompiledStemmer

    reference = create_stemmer()
    return CompiledStemmer(reference.dictionary.words, reference.stem_word)
