"""A name's initials: the first letters of its words, in order ("BPK" of Badan Pemeriksa
Keuangan). Every check of an acronym against a name reads them from :func:`initials`; the checks
differ only in what they pass over, which are its arguments:

* ``skip``: words that spell no letter: the connective "dan" (:data:`CONNECTIVES`: Badan Siber
  dan Sandi Negara is "BSSN"), an organisation's legal forms (PT Bank Central Asia Tbk is "BCA");
* ``hyphens``: each part of a hyphenated word spells its own letter ("Jawa-Bali": "JB");
* ``letters_only``: a word that does not begin with a letter spells nothing ("(Persero)", "17").

The words themselves, and their case, are the caller's (split at spaces, or the words of
:data:`~indexer.words.WORD_RE`). A short form spelt by the first letters *or more* of some of a
name's words ("Jokowi": Joko Widodo) is a looser fact:
:func:`~indexer.entities.names.plain_is_short_form`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Final

# Words that join the parts of an official name and spell no letter of its acronym.
CONNECTIVES: Final = frozenset({"dan"})


def initials(words: Iterable[str], *, skip: Collection[str] = frozenset(),
             hyphens: bool = False, letters_only: bool = False) -> str:
    """The first character of each of ``words``, in order, but of the empty ones and those in
    ``skip``; with ``hyphens``, of each part of a hyphenated word; with ``letters_only``, only
    of the words that begin with a letter."""
    if hyphens:
        words = [part for w in words for part in w.split("-")]
    return "".join(w[0] for w in words
                   if w and w not in skip and (not letters_only or w[0].isalpha()))
