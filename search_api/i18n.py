"""The page's language: which one a request gets, and its message catalog.

The pages are written in English msgids and translated through gettext catalogs
(``locale/<lang>/LC_MESSAGES/messages.po``, extracted with ``make messages``). Indonesian is the
default; English is the msgids themselves. The ``.po`` files are read at startup and compiled in
memory (:func:`translations`), so no binary ``.mo`` file is built or committed.

The rule, without cookies: ``?lang=`` wins when it names a language the pages have; else the
``Accept-Language`` entry with the highest q-value that does; else Indonesian. Pages keep a
language chosen by ``?lang=`` in their own links, only when it is not the default
(:attr:`Lang.param`); one chosen by the header needs no parameter. JSON error details follow
the same rule except that with neither they are English (:func:`for_api`).
"""

from __future__ import annotations

import gettext as _gettext
from dataclasses import dataclass
from functools import cache, lru_cache
from io import BytesIO
from pathlib import Path
from typing import Final

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from search_api.accept import entries

LOCALE_DIR: Final = Path(__file__).resolve().parent / "locale"
DEFAULT: Final = "id"
LANGS: Final = ("id", "en")  # en is the msgids: no catalog
MAX_ACCEPT_CHARS: Final = 1000  # an Accept-Language header is read this far, no further
MAX_ACCEPT_ENTRIES: Final = 30


def N_(message: str) -> str:
    """Marks a msgid for extraction where it is translated later (``lang.gettext(name)``)."""
    return message


@dataclass(frozen=True, slots=True)
class Lang:
    """A request's language: its code and its translations."""

    code: str
    translations: _gettext.NullTranslations
    in_url: bool = False  # chosen by ?lang= (links must carry it), not by Accept-Language

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.translations.ngettext(singular, plural, n)

    @property
    def param(self) -> tuple[tuple[str, str], ...]:
        """The ``lang`` query parameter the page's own links carry (none for the default)."""
        return (("lang", self.code),) if self.in_url and self.code != DEFAULT else ()


@cache
def translations(code: str) -> _gettext.NullTranslations:
    """The catalog of ``code``, compiled in memory from its ``.po`` file (English: identity)."""
    if code == "en":
        return NullTranslations()
    with (LOCALE_DIR / code / "LC_MESSAGES" / "messages.po").open("rb") as f:
        catalog = read_po(f, locale=code)
    buf = BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    return Translations(fp=buf)


def lang(code: str, in_url: bool = False) -> Lang:
    return Lang(code, translations(code), in_url)


def _primary(tag: str) -> str:
    return tag.strip().lower().replace("_", "-").split("-")[0]


def _accepted(header: str) -> str | None:
    """The language of ``LANGS`` an Accept-Language header prefers (highest q, then first)."""
    best: tuple[float, int, str] | None = None
    for i, (tag, q) in enumerate(entries(header[:MAX_ACCEPT_CHARS])[:MAX_ACCEPT_ENTRIES]):
        code = _primary(tag)
        if code in LANGS and q > 0 and (best is None or (q, -i) > (best[0], best[1])):
            best = (q, -i, code)
    return best[2] if best else None


def negotiate(query_lang: str | None, accept_language: str | None, default: str = DEFAULT) -> str:
    """The language code of a request (never raises): ``?lang=``, Accept-Language, default."""
    if query_lang is not None and _primary(query_lang) in LANGS:
        return _primary(query_lang)
    return _accepted(accept_language or "") or default


@lru_cache(maxsize=1_024)  # a few header values recur; each Lang is immutable
def for_request(query_lang: str | None, accept_language: str | None) -> Lang:
    code = negotiate(query_lang, accept_language)
    return lang(code, in_url=query_lang is not None and _primary(query_lang) == code)


def for_api(query_lang: str | None, accept_language: str | None) -> Lang:
    """The language of a JSON error's ``detail``: as for a page when the client names one
    (``?lang=`` or Accept-Language), else English: the API's documentation and the stable
    error codes are English, and a client that states no language is usually a program."""
    return lang(negotiate(query_lang, accept_language, default="en"))
