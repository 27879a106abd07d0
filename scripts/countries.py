"""Writes ``indexer/data/countries.txt``: the names of countries and territories, lower case, in
Indonesian and English, from the Unicode CLDR as Babel ships it (the version pinned in
``pyproject.toml``). The extractor reads the file (``facts.countries``) rather than Babel's
locale data, which took ~30 ms of each process's first team check;
``tests/test_entity_retype.py`` checks that the file is what Babel gives.

Usage: ``python -m scripts.countries`` (after upgrading Babel).
"""

from __future__ import annotations

from babel import Locale

from indexer.entities.facts import COUNTRIES_PATH

HEADER = """# Names of countries and territories, lower case, in Indonesian and English: the Unicode
# CLDR's, as Babel ships them. Written by `python -m scripts.countries`; do not edit.
"""


def babel_countries() -> frozenset[str]:
    """The names, from Babel's locale data."""
    return frozenset(
        name.lower() for lang in ("id", "en") for name in Locale(lang).territories.values()
    )


def main() -> None:
    COUNTRIES_PATH.write_text(HEADER + "".join(f"{name}\n" for name in sorted(babel_countries())),
                              encoding="utf-8")


if __name__ == "__main__":
    main()
