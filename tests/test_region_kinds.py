"""The kinds of region have one registry (:mod:`indexer.region_kinds`): no other module of
``indexer`` writes a kind's word as a string of its own (docstrings aside), and the sets the
joins read hold the kinds they held when each module listed its own."""

from __future__ import annotations

import ast
from pathlib import Path

import indexer
from indexer import region_kinds as R
from indexer.generic_values import _KINDS
from indexer.place_tails import REGION_KINDS
from indexer.variant_joins import PLACE_HEADS

KIND_WORDS = {R.PROVINCE, R.CITY, R.REGENCY, R.DISTRICT, R.URBAN_VILLAGE, R.VILLAGE, R.HAMLET,
              *R.REGENCY_SHORT}


def _strings(path: Path) -> list[tuple[int, str]]:
    """The string constants of a module but its docstrings, with their lines."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and node.body and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docs]


def test_no_module_but_the_registry_writes_a_kind_of_region() -> None:
    root = Path(indexer.__file__).parent
    registry = Path(R.__file__)
    restated = [f"{path.relative_to(root)}:{line}: {value!r}"
                for path in sorted(root.rglob("*.py")) if path != registry
                for line, value in _strings(path) if value.lower() in KIND_WORDS]
    assert restated == []


def test_each_reader_holds_the_kinds_it_held() -> None:
    assert PLACE_HEADS[:3] == ("kota", "kabupaten", "provinsi")
    assert not KIND_WORDS & set(PLACE_HEADS[3:])
    assert _KINDS == {"provinsi", "kota", "kabupaten", "kab", "kab.", "kecamatan"}
    assert REGION_KINDS == {"kota", "kabupaten", "kecamatan", "kelurahan", "desa", "provinsi"}
    assert R.LOCAL == {"kecamatan", "kelurahan", "desa", "dusun"}
    assert R.TOWNS == {"kota", "kabupaten"}
