"""``warta stats``: what is in an index, computed from the index itself."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import tantivy

from indexer import schema as S
from indexer import store

MERGES_SHOWN = 10


def _ns_to_iso(value: float | None) -> str | None:
    if value is None:
        return None
    return datetime.fromtimestamp(value / 1e9, tz=UTC).isoformat()


def index_stats(index_dir: Path, top: int = 10) -> dict[str, Any]:
    index_dir = Path(index_dir)
    gen = store.current_generation(index_dir)
    index = store.open_index(index_dir)
    index.reload()
    searcher = index.searcher()
    everything = tantivy.Query.all_query()
    aggs: dict[str, Any] = {
        name: {"terms": {"field": name, "size": top}} for name in S.KEYWORD_FACETS
    }
    aggs["dates"] = {"stats": {"field": S.DATE}}
    result = searcher.aggregate(everything, aggs)
    stories = searcher.aggregate(everything, {"s": {"terms": {"field": S.STORY,
                                                           "size": searcher.num_docs + 1}}})
    date_stats = result.get("dates") or {}
    dated = int(date_stats.get("count") or 0)
    meta = store.read_meta(gen) if gen else {}
    return {
        "documents": searcher.num_docs,
        "stories": len((stories.get("s") or {}).get("buckets", [])),
        "date_min": _ns_to_iso(date_stats.get("min")) if dated else None,
        "date_max": _ns_to_iso(date_stats.get("max")) if dated else None,
        "undated": searcher.num_docs - dated,
        "skipped": meta.get("skipped") or {},
        "size_bytes": store.dir_size(gen) if gen else 0,
        "generation": gen.name if gen else "",
        "top": {
            name: [{"value": b["key"], "count": b["doc_count"]}
                   for b in (result.get(name) or {}).get("buckets", [])]
            for name in S.KEYWORD_FACETS
        },
        "merges": store.load_entity_map(index_dir).merges(MERGES_SHOWN),
    }
