"""Related articles remembered per index snapshot.

An article's related articles cost about 1.2 ms of CPU (the article's analysis, a search of its
~25 weighted terms and its entities collapsed by story, and the hits' stored documents), and
every view of the article (its page, ``/articles/{id}/related``) asks the same again until the
index changes. The answer for (id, size) is kept in a bounded LRU in the snapshot's memo, so it
is dropped with the snapshot: a reindex or an ``add`` starts a new one, and an answer of the old
generation is never served from the new one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from search_api.facet_cache import LRU
from search_api.stories import Related

MAX_ENTRIES: Final = 4_096
MAX_BYTES: Final = 8 << 20
_HIT_BYTES: Final = 300  # a RelatedArticle with its tuple slot, besides its text
_ANSWER_BYTES: Final = 200


def answer_bytes(related: Related) -> int:
    """About what an answer takes in memory."""
    return _ANSWER_BYTES + len(related.id) + sum(
        _HIT_BYTES + len(h.id) + len(h.title) + len(h.url) + len(h.story) for h in related.hits)


def cached(memo: dict[str, Any], doc_id: str, size: int,
           compute: Callable[[], Related | None]) -> Related | None:
    """``compute()``, or what it gave for (``doc_id``, ``size``) before in this snapshot
    (``memo``); an unknown id (None) is not remembered."""
    lru: LRU[Related] = memo.setdefault("related", LRU(MAX_ENTRIES, MAX_BYTES))
    found = lru.get((doc_id, size))
    if found is None:
        found = compute()
        if found is not None:
            lru.put((doc_id, size), found, answer_bytes(found))
    return found
