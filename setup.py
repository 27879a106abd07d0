"""Builds the compiled modules (Cython): ``indexer._ner``, the entity extractor's hot loop,
``indexer._text``, the analysis's word scanner, and ``indexer._shingle``, the stories' MinHash.
Everything else is in pyproject.toml."""

from Cython.Build import cythonize
from setuptools import Extension, setup

setup(
    ext_modules=cythonize(
        [
            Extension(f"indexer.{name}", [f"indexer/{name}.pyx"], extra_compile_args=["-O2"])
            for name in ("_ner", "_text", "_shingle")
        ],
        compiler_directives={"language_level": "3"},
    )
)
