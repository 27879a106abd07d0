"""The boundaries of the indexer.entities package: one-way dependencies, the typed configuration
of the compiled tagger, the data files of facts, and properties of each module's contract."""

from __future__ import annotations

import ast
import re
from dataclasses import fields
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.entities import extract_entities, load_model
from indexer.entities.facts import (
    ALIASES,
    CALENDAR_WORDS,
    CLUB_MATCH,
    CLUB_ROLES,
    CLUB_SUFFIXES,
    COMMON_NAME_PARTS,
    KOREAN_SURNAMES,
    NOT_ALONE,
    TITLES,
    UNIT_PREFIXES,
    UNIT_WORDS,
    unit_word,
)
from indexer.entities.features import CONTEXT_KINDS, POSITIONS, context_features, run_features
from indexer.entities.labels import BIO_LABELS, LABELS, TYPES, label_allowed, label_ends, to_bio
from indexer.entities.model import TaggerConfig
from indexer.entities.names import normalise
from indexer.entities.runs import find_runs, run_tokens

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "indexer" / "entities"
# Each module may import only those before it.
ORDER = ("labels", "runs", "features", "facts", "names", "compass", "places", "passes", "retype",
         "regions", "model", "__init__")


def _package_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "indexer.entities":
                out.update(a.name for a in node.names)
            elif node.module.startswith("indexer.entities."):
                out.add(node.module.rsplit(".", 1)[1])
        elif isinstance(node, ast.Import):
            out.update(a.name.rsplit(".", 1)[1] for a in node.names
                       if a.name.startswith("indexer.entities."))
    return out


def test_modules_depend_one_way() -> None:
    assert sorted(p.stem for p in PACKAGE.glob("*.py")) == sorted(ORDER)
    for k, name in enumerate(ORDER):
        imported = _package_imports(PACKAGE / f"{name}.py") & set(ORDER)
        assert imported <= set(ORDER[:k]), (name, imported - set(ORDER[:k]))


def test_each_module_reads_in_one_sitting() -> None:
    for path in PACKAGE.glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) < 400, path.name
    compiled = [*(ROOT / "indexer").glob("_ner*.p*"), *PACKAGE.glob("_*.pyx")]
    assert len(compiled) >= 9
    for path in compiled:  # the compiled tagger's parts and the compiled passes
        assert len(path.read_text(encoding="utf-8").splitlines()) < 550, path.name


def test_compiled_passes_import_only_public_names() -> None:
    """The compiled passes (``indexer/entities/_*.pyx``) read the package's facts and their
    reference passes by public names only: a private name is free to change within its module,
    and a compiled module reaching for it would fail only when imported."""
    sources = sorted(PACKAGE.glob("_*.pyx"))
    assert [p.name for p in sources] == ["_links.pyx", "_passes.pyx"]
    for path in sources:
        tree = re.findall(r"^from (indexer[\w.]*) import (\([^)]*\)|.*)$",
                          path.read_text(encoding="utf-8"), flags=re.M)
        assert tree, path.name
        for module, names in tree:
            listed = [n.split(" as ")[0].strip() for n in re.split(r"[,\s()]+(?= *\w)", names)]
            private = [n for n in listed if n.startswith("_")]
            assert private == [], (path.name, module, private)


def test_compiled_tagger_reads_only_its_typed_config() -> None:
    """The compiled tagger (``_ner.pyx`` and its parts ``_ner_*.pyx``) reads exactly the fields
    of TaggerConfig, which ``_ner.pyi`` declares as what it reads, and imports no module of the
    package (only its own parts)."""
    source = "\n".join(
        path.read_text(encoding="utf-8") for path in sorted((ROOT / "indexer").glob("_ner*.pyx"))
    )
    assert "cdef class RunRecords" in source and "cdef class Tagger" in source
    read = set(re.findall(r"\bconfig\.(\w+)", source))
    assert read == {f.name for f in fields(TaggerConfig)}
    # ... and the stub declares exactly those reads, so that mypy checks TaggerConfig for them
    stub = (ROOT / "indexer" / "_ner.pyi").read_text(encoding="utf-8")
    reads = stub[stub.index("class TaggerReads(Protocol):") : stub.index("class Tagger:")]
    assert set(re.findall(r"def (\w+)\(\s*self", reads)) == read
    own_parts = r"^from indexer\._ner_\w+ c?import \(?[\w, ]*\)?(?:\n +[\w, ]*\)?)*$"
    system = r"^from (?:libc|cpython|posix)\..* cimport .*$|^cimport.*$|"
    assert "import" not in re.sub(system + own_parts, "", source, flags=re.M)
    config = load_model().config
    assert config.labels == LABELS and config.positions == POSITIONS
    assert config.context_kinds == CONTEXT_KINDS


def test_fact_files_are_well_formed() -> None:
    for words in (TITLES, NOT_ALONE, CALENDAR_WORDS, COMMON_NAME_PARTS, UNIT_WORDS,
                  UNIT_PREFIXES, CLUB_MATCH, CLUB_ROLES, CLUB_SUFFIXES, KOREAN_SURNAMES):
        assert words and all(w == w.lower().strip() and w for w in words)
    for surface, (name, typ) in ALIASES.items():
        assert surface == surface.lower() and name and typ in TYPES
        # an alias's value is no other alias's surface: normalising twice changes nothing
        assert ALIASES.get(name.lower(), (name, typ)) == (name, typ), surface


def test_unit_words_and_the_words_that_only_begin_like_one() -> None:
    assert [w for w in ("polres", "kemenkes", "kemenhub", "kemenkopolhukam", "kementerian",
                        "kemenangan", "kemenangannya", "kemenakan", "kemenyan", "kemen-an",
                        "presiden") if unit_word(w)] == [
        "polres", "kemenkes", "kemenhub", "kemenkopolhukam", "kementerian"]
    assert not any(w.startswith("!") for w in (*UNIT_WORDS, *UNIT_PREFIXES))


def test_labels_and_bio_agree() -> None:
    for j, lab in enumerate(LABELS):
        bio = BIO_LABELS[to_bio(j)]
        assert bio == ("O" if lab == "O" else ("B" if lab[0] in "BU" else "I") + lab[1:])
        assert label_ends(j) == (lab[0] in "OLU")
        for k in range(-1, len(LABELS)):
            if label_allowed(k, j) and lab[0] in "IL":
                assert k >= 0 and LABELS[k][2:] == lab[2:] and LABELS[k][0] in "BI"


_WORDS = st.sampled_from(
    ["Joko", "Widodo", "Jakarta", "dan", "bin", "van", "-", "'", ".", ",", "(KPK)", "R", "desa",
     "Presiden", "PT", "2019", "1", "\n", "di", "Kota", "Bank", "Indonesia", "É", "ÖZIL", "x"]
)
_TEXTS = st.lists(_WORDS, max_size=30).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_runs_are_ordered_disjoint_spans_of_the_text(text: str) -> None:
    last = 0
    for run in find_runs(text, frozenset({"desa"})):
        assert last <= run.start < run.end <= len(text)
        assert run.text == text[run.start : run.end]
        assert [run.text[a:b] for a, b in run_tokens(run.text)] == run.text.split()
        last = run.end


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
def test_features_are_one_list_per_word(text: str) -> None:
    model = load_model()
    for run in find_runs(text):
        words = run.text.split(" ")
        feats = run_features(words, run.prev, run.next, model.lower_ratio, model.places)
        assert len(feats) == len(words)
        for i, fs in enumerate(feats):
            assert ("P" if i == 0 else "p") + "=" + (run.prev if i == 0 else words[i - 1]).lower() \
                in fs
        assert context_features("q", "") == ["q=", "qc=c"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*sorted(TITLES)[:20], *sorted(ALIASES)[:20], "Joko", "Budi"]),
                min_size=1, max_size=4).map(" ".join), st.sampled_from(TYPES))
def test_normalising_twice_changes_nothing(surface: str, typ: str) -> None:
    name, kind = normalise(surface, typ)
    assert normalise(name, kind) == (name, kind)


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
def test_mentions_are_typed_spans_in_text_order(text: str) -> None:
    ents = extract_entities(text)
    assert [e.start for e in ents] == sorted(e.start for e in ents)
    for e in ents:
        assert 0 <= e.start < e.end <= len(text) and e.type in TYPES and e.name.strip()
