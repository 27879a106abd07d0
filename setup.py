"""Builds the compiled modules (Cython): ``indexer._ner`` and its parts ``indexer._ner_*`` (they
cimport each other through their .pxd files), the entity extractor's hot loop;
``indexer.entities._passes`` and ``._links``, its post-processing passes; ``indexer._text``, the
analysis's word scanner; ``indexer._shingle``, the stories' MinHash; and ``indexer._stem``,
Sastrawi's stemmer. Everything else is in pyproject.toml."""

from Cython.Build import cythonize
from setuptools import Extension, setup

# The MinHash's loop vectorises at -O3 (half the time of -O2's, with SSE2 alone).
OPT = {"_shingle": "-O3"}
NAMES = ("_ner_tables", "_ner_tokens", "_ner_scan", "_ner_viterbi", "_ner_scorer", "_ner_names",
         "_ner_mentions", "_ner_records", "_ner", "entities._passes", "entities._links", "_text",
         "_shingle", "_stem")

setup(
    ext_modules=cythonize(
        [
            Extension(f"indexer.{name}", [f"indexer/{name.replace('.', '/')}.pyx"],
                      extra_compile_args=[OPT.get(name, "-O2")])
            for name in NAMES
        ],
        compiler_directives={"language_level": "3"},
    )
)
