"""Percent-encoding of URL parts as ``urllib.parse.quote(text, safe="")`` and
``quote_plus(text)`` write it, one ``str.translate`` over a table of each character's text.

urllib encodes a string with any character to escape and writes it one byte at a time in a
Python loop; a page quotes a few hundred values it has not written before (article and story
ids, facet values, the search's pairs in each link). tests/test_page_fast_paths.py holds both
equal to urllib's.
"""

from __future__ import annotations

from typing import Final

_UNRESERVED: Final = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~")


class _Table(dict[int, str]):
    """Each character's text, filled in as characters are met: the character itself when
    unreserved, else its UTF-8 bytes as %XX (a space as ``+`` in the plus table). A surrogate
    raises UnicodeEncodeError, as urllib's encoding does."""

    def __init__(self, space: str) -> None:
        super().__init__()
        self._space = space

    def __missing__(self, code: int) -> str:
        char = chr(code)
        text = (char if char in _UNRESERVED else self._space if char == " "
                else "".join(f"%{b:02X}" for b in char.encode()))
        self[code] = text
        return text


_QUOTE: Final = _Table("%20")
_PLUS: Final = _Table("+")


def quote(text: str) -> str:
    """``urllib.parse.quote(text, safe="")``."""
    return text.translate(_QUOTE)


def quote_plus(text: str) -> str:
    """``urllib.parse.quote_plus(text)``: a space as ``+``."""
    return text.translate(_PLUS)
