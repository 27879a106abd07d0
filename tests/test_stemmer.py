"""PySastrawi's stemmer three ways, word for word the same: plain PySastrawi 1.2.1 (the
reference), :mod:`indexer.stemmer`'s patched Sastrawi, and its compiled port :mod:`indexer._stem`
(what the analyzer stems with)."""

from __future__ import annotations

import importlib
import pkgutil
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import orjson
from corpora import CORPUS
from hypothesis import given, settings
from hypothesis import strategies as st
from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
from Sastrawi.Stemmer.Stemmer import Stemmer as SastrawiStemmer
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

from indexer import analysis, stemmer
from indexer._stem import Stemmer as CompiledStemmer
from scripts.check_stemmer import stemmable_words

ROOT = Path(__file__).resolve().parents[1]

# Words whose removed part appears again in what is left ("ke" in "kekeluargaan", "an" in
# "penyerangan"; in "kakan" the rest, "ka", appears twice, and only re.sub's count=1 gives the
# removed suffix "kan" that makes the stem "kak"), reduplications, particles and possessives,
# rule exceptions, words the disambiguators chain on, and input no analyzer sends (Sastrawi's
# errors must stay its errors).
TRICKY_WORDS = """
kekeluargaan penyerangan mempermainkan diperdengarkan sesekali keberatan pemerintahan
perekonomian kepemimpinan kemerdekaannya kebersamaan pengetahuan pengeboman mengebom
berbulan-bulan besar-besaran bersama-sama anak-anak meniru-nirukan berbalas-balasan
malaikat-malaikatnya malaikat-malaikat-nya nikmat-ku bukunya-lah non-kader layang-layang
sekalipun bacalah apakah demikianlah tahukah bukankah rumahmu milikku bukunya
belajar pelajar mempelajari pembelajaran ketahui diketahui mengetahui memperbaiki perbaikan
menyanyi penyanyi menyapu penyapu mengkaji pengkajian menerjemahkan penerjemah
kau kaum kaupun kuasa kupu-kupu kuku kekuasaan ku kan an i nya lah di ke se me pe ber ter
penge menge mempe ikan akan kuakan dikan diki kekan sese dada
kankan dikankan mengkankan pekankan berkankan nyanya lahlah kekekan anan ii
kakan kakannya kakanlah dikakan
buku-buku bolak-balik sayur-mayur mondar-mandir kebarat-baratan tolong-menolong
a b x aa - -- a-- --a a--b ke- -nya ber-
a.b a.bi x*yi c++kan (kan)an dia$kan me+rusak mem(kan bel[an
""".split()

# Sastrawi's affixes, alone and stacked ("di-per-", "-kan-nya"), to put on its dictionary's words.
AFFIX_PREFIXES = ("", "di", "ke", "se", "ber", "be", "bel", "ter", "te", "me", "mem", "men",
                  "meng", "menge", "meny", "mempe", "memper", "pe", "per", "pem", "pen", "peng",
                  "penge", "peny", "pel", "ku", "kau", "diper", "keber", "kese", "ter", "diber")
AFFIX_SUFFIXES = ("", "i", "kan", "an", "is", "isme", "isasi", "lah", "kah", "tah", "pun", "ku",
                  "mu", "nya", "-nya", "-lah", "-ku", "-pun", "kannya", "annya", "inya",
                  "kanlah", "nyalah", "kanku", "ilah")


@cache
def _dictionary() -> tuple[str, ...]:
    return tuple(sorted(w for w in StemmerFactory().get_words() if w.strip()))


@cache
def _stemmers() -> tuple[SastrawiStemmer, CompiledStemmer]:
    """Sastrawi's own Stemmer class on its dictionary, and the port on the same dictionary."""
    dictionary = ArrayDictionary(_dictionary())
    reference = SastrawiStemmer(dictionary)
    return reference, CompiledStemmer(dictionary.words, reference.stem_word)


def _affixed_words(step: int) -> list[str]:
    """Every ``step``-th dictionary word with a prefix and a suffix (the pairs cycle through all
    combinations), bare, and reduplicated in the ways Indonesian does: "buku-buku",
    "berbulan-bulan", "meniru-nirukan", "bolak-balik"."""
    roots = _dictionary()[::step]
    n_pre, n_suf = len(AFFIX_PREFIXES), len(AFFIX_SUFFIXES)
    words = []
    for i, root in enumerate(roots):
        pre, suf = AFFIX_PREFIXES[i % n_pre], AFFIX_SUFFIXES[(i // n_pre) % n_suf]
        words += [root, pre + root + suf]
        if i % 4 == 0:
            other = roots[(i + 1) % len(roots)]
            words += [root + "-" + root, pre + root + "-" + root + suf,
                      root + "-" + pre + root + suf, root + "-" + other + suf]
    return words


# Runs in a fresh interpreter: all plain Sastrawi stems first, then the patched and the compiled
# stemmer (the patch changes Sastrawi's modules, so it must not run before them, nor leak into
# this process).
_COMPARE = """
import sys, orjson
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
from indexer import stemmer

def stem_all(stem_word, words):
    out = []
    for w in words:
        try:
            out.append(stem_word(w))
        except Exception as e:
            out.append("!" + type(e).__name__)
    return out

words = orjson.loads(sys.stdin.buffer.read())
assert not stemmer.is_patched()
plain = stem_all(StemmerFactory().create_stemmer().delegatedStemmer.stem_word, words)
fast_stemmer = stemmer.create_stemmer()
shim = stemmer.patch_sastrawi()
patched = [name for name in stemmer.SASTRAWI_RE_MODULES if sys.modules[name].re is shim]
fast = stem_all(fast_stemmer.stem_word, words)
compiled = stem_all(stemmer.create_compiled_stemmer().stem_word, words)
sys.stdout.buffer.write(orjson.dumps(
    {"plain": plain, "fast": fast, "compiled": compiled, "patched": patched}))
"""


def test_fast_and_compiled_sastrawi_stem_exactly_like_plain_sastrawi(shared_dir: Path) -> None:
    """Every stemmable word of the corpus's first 1,500 articles, Sastrawi's dictionary words with
    its affixes and reduplicated, and tricky input: the three stemmers agree word for word."""
    words = stemmable_words(CORPUS, 1500) + _affixed_words(3) + TRICKY_WORDS
    assert len(words) > 40000
    out = subprocess.run([sys.executable, "-c", _COMPARE], input=orjson.dumps(words),
                         capture_output=True, check=True, cwd=ROOT, timeout=300)
    result = orjson.loads(out.stdout)
    assert result["patched"] == list(stemmer.SASTRAWI_RE_MODULES)  # the shim really was in use
    for kind in ("fast", "compiled"):
        differ = [(w, p, f) for w, p, f in zip(words, result["plain"], result[kind], strict=True)
                  if p != f]
        assert differ == [], kind
    # the words stem: the comparison is not of words left alone
    assert sum(p != w for w, p in zip(words, result["plain"], strict=True)) > len(words) // 3
    tricky = dict(zip(words, result["compiled"], strict=True))
    assert tricky["kekeluargaan"] == "keluarga" and tricky["penyerangan"] == "serang"
    assert tricky["kakan"] == tricky["kakannya"] == "kak"
    assert tricky["buku-buku"] == "buku" and tricky["meniru-nirukan"] == "tiru"
    assert tricky["mem(kan"] == tricky["bel[an"] == "!error"  # Sastrawi's own re.error, kept


_ALPHABET = "abcdefghijklmnopqrstuvwxyz-"
_NOISE = st.text(alphabet="aiueobcdfghjklmnprstwyz-", max_size=14)


@st.composite
def _sastrawi_words(draw: st.DrawFn) -> str:
    root = draw(st.sampled_from(_dictionary()) | _NOISE)
    word = (draw(st.sampled_from(AFFIX_PREFIXES)) + draw(st.sampled_from(["", "er", "el", "in"]))
            + root + draw(st.sampled_from(AFFIX_SUFFIXES)))
    if draw(st.booleans()):  # reduplicated: the same root, another one, or noise
        other = draw(st.sampled_from([root, word]) | st.sampled_from(_dictionary()) | _NOISE)
        word = draw(st.sampled_from([word + "-" + other, other + "-" + word]))
    return word


@settings(max_examples=300, deadline=None)
@given(st.lists(_sastrawi_words() | _NOISE | st.text(alphabet=_ALPHABET, max_size=24),
                max_size=12))
def test_compiled_sastrawi_is_sastrawi(words: list[str]) -> None:
    """Words over Sastrawi's alphabet (a-z and "-"): its dictionary's words with prefixes,
    infixes, suffixes and hyphens, and noise; Sastrawi's own Stemmer class is the reference."""
    reference, compiled = _stemmers()
    for word in words:
        assert compiled.handles(word)
        assert compiled.stem_word(word) == reference.stem_word(word), word


_OTHER_TEXT = st.text(max_size=8) | st.text(alphabet=_ALPHABET + "A.(\n\u00e9", max_size=8)


@settings(max_examples=200, deadline=None)
@given(_OTHER_TEXT)
def test_compiled_sastrawi_handles_a_to_z_and_hyphens(word: str) -> None:
    """The port stems words of a-z and "-" itself: every word the analyzer stems."""
    compiled = CompiledStemmer({}, str.upper)
    assert compiled.handles(word) == bool(re.fullmatch(r"[a-z-]*", word))
    assert analysis.STEMMABLE_RE.fullmatch(word) is None or compiled.handles(word)


@settings(max_examples=200, deadline=None)
@given(_OTHER_TEXT.filter(lambda w: re.fullmatch(r"[a-z-]*", w) is None))
def test_compiled_sastrawi_leaves_other_words_to_its_reference(word: str) -> None:
    compiled = CompiledStemmer({}, lambda w: "other:" + w)
    assert compiled.stem_word(word) == "other:" + word


def test_the_analyzer_stems_with_the_compiled_port() -> None:
    assert type(analysis._sastrawi_stemmer()) is CompiledStemmer


def test_every_sastrawi_module_using_re_is_patched() -> None:
    import Sastrawi

    using_re = sorted(m.name for m in pkgutil.walk_packages(Sastrawi.__path__, "Sastrawi.")
                      if hasattr(importlib.import_module(m.name), "re"))
    assert using_re == sorted(stemmer.SASTRAWI_RE_MODULES)


def test_rule_prefixes_are_needed_by_their_rules(shared_dir: Path) -> None:
    """A disambiguator returns something only for words with one of its listed starts (what
    lets the fast stemmer skip it): on corpus words, on every start of up to two letters and on
    every listed start with its last letter changed or one added, each followed by endings."""
    from Sastrawi.Stemmer.Context.Visitor.VisitorProvider import VisitorProvider

    letters = "abcdefghijklmnopqrstuvwxyz"
    listed = {p for ps in stemmer.RULE_PREFIXES.values() for p in ps if len(p) > 2}
    heads = {a + b for a in ("", *letters) for b in ("", *letters)}
    heads |= {p[:-1] + x for p in listed for x in letters}
    heads |= {p + x for p in listed for x in letters}
    tails = ["", "a", "e", "r", "era", "erb", "ela", "ema", "ina", "ajar", "nga", "daerah"]
    words = (stemmable_words(CORPUS, 100) + TRICKY_WORDS
             + [h + t for h in sorted(heads) for t in tails] + ["belajar", "pelajar"])
    disambiguators = [d for v in VisitorProvider().prefix_visitors
                      for d in getattr(v, "disambiguators", ())]
    assert len(disambiguators) == len(stemmer.RULE_PREFIXES) == 58
    for d in disambiguators:
        prefixes = stemmer.RULE_PREFIXES[type(d).__name__]
        acted = [w for w in words if d.disambiguate(w) is not None]
        assert acted, type(d).__name__
        assert [w for w in acted if not w.startswith(prefixes)] == [], type(d).__name__


_LITERALS = st.text(alphabet="ab-k", max_size=6)


@settings(max_examples=300, deadline=None)
@given(_LITERALS, st.text(alphabet="ab-kx", max_size=12), st.sampled_from(["", "X", "ab", "-"]),
       st.integers(min_value=-1, max_value=3))
def test_shim_sub_is_re_sub(pattern: str, string: str, repl: str, count: int) -> None:
    shim = stemmer._CompiledRe()
    assert shim.sub(pattern, repl, string, count=count) == re.sub(
        pattern, repl, string, count=count)
    for p in (pattern, "(" + pattern + ")$", "^" + re.escape(pattern)):
        assert shim.sub(p, repl, string, count=count) == re.sub(p, repl, string, count=count)
        assert bool(shim.match(p, string)) == bool(re.match(p, string))
