"""Where a Warta index lives in OpenSearch: the mapping, the alias, the analysis state.

::

    <name>              an alias -> the live index (what searches read)
    <name>-gen-<ns>     one complete build; a rebuild writes a new one, then swaps the alias
    <name>-state        one document per generation (id = its index name): what
                        ``indexer.store`` keeps beside a tantivy index (stem cache, lower-case
                        counts, name lists, entity map) and the build's report; and the
                        generation's story clusters (:class:`indexer.stories.Stories`, its
                        saved file in parts ``<gen>:stories:<version>:<k>``)

The stories state is keyed by the generation, like the rest of the state, so the alias swap that
makes a generation live makes its clusters the ones ``add`` and ``delete`` continue from, and a
killed rebuild's clusters go with its generation. An update writes a new version of the parts
before the state document names it, so a crash in between leaves the previous clusters whole.

The mapping mirrors :mod:`indexer.schema`: the pre-analysed terms go in ``whitespace``-analysed
text fields with positions (phrases), the originals (``payload``, a :class:`StoredArticle`) in
``_source`` and not indexed, the facets in keyword fields, ``date`` in a date field. The terms are
left out of ``_source``: they are rebuilt from the payload when needed, like the tantivy index.
``words`` (the text as written) is analysed like tantivy's ``default`` tokenizer: runs of
letters and digits, lower-cased, tokens of 40 bytes or more dropped (:data:`WORDS_ANALYZER`).
"""

from __future__ import annotations

import base64
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from opensearchpy import NotFoundError, OpenSearch

from indexer import schema as S
from indexer.analysis import Analyzer
from indexer.entity_map import EntityMap
from indexer.lexicon import static_names
from indexer.store import NameLists
from indexer.stories import STATE_FILE, Stories

TERMS_ANALYZER: Final = "warta_terms"
WORDS_ANALYZER: Final = "warta_words"
REQUEST_TIMEOUT: Final = 60
STORIES_PART_BYTES: Final = 4 * 1024 * 1024  # of the saved clusters, per state document
STORIES_KEY: Final = "stories_state"  # in the state document: {"version", "parts"}


class OpenSearchStoreError(Exception):
    """A user-facing error about the OpenSearch index (message shown as is)."""


def connect(url: str) -> OpenSearch:
    return OpenSearch(hosts=[url], timeout=REQUEST_TIMEOUT, http_compress=False)


def generation_prefix(name: str) -> str:
    return f"{name}-gen-"


def state_index(name: str) -> str:
    return f"{name}-state"


def index_body(shards: int = 1, replicas: int = 0) -> dict[str, Any]:
    """Settings and mapping of one generation. ``refresh_interval`` -1 while it is built."""
    keyword = {"type": "keyword"}
    terms = {"type": "text", "analyzer": TERMS_ANALYZER, "norms": True,
             "index_options": "positions"}
    properties: dict[str, Any] = {
        S.ID: keyword,
        S.ID_KEY: {"type": "unsigned_long"},
        S.URL: keyword,
        S.TEXT_TERMS: terms,
        # fielddata: autocomplete and "did you mean" read the field's vocabulary with document
        # counts (tantivy's term dictionary), by a composite aggregation once per generation.
        S.WORDS: {"type": "text", "analyzer": WORDS_ANALYZER, "index_options": "positions",
                  "fielddata": True},
        S.DATE: {"type": "date", "format": "strict_date_optional_time"},
        S.STORY: keyword,
        S.STORY_KEY: {"type": "unsigned_long"},
        S.FIRST_REPORT: {"type": "boolean"},
        S.PAYLOAD: {"type": "object", "enabled": False},
    }
    for name in (S.SOURCE, S.CATEGORY, *S.ENTITY_FIELDS.values()):
        properties[name] = keyword
    return {
        "settings": {
            "index": {
                "number_of_shards": shards,
                "number_of_replicas": replicas,
                "refresh_interval": "-1",
                "max_result_window": 10_000,
            },
            "analysis": {
                "tokenizer": {"warta_alnum": {
                    "type": "pattern", "pattern": "[^\\p{IsAlphabetic}\\p{N}]+"}},
                "filter": {"warta_short": {"type": "length", "max": 39}},
                "analyzer": {
                    TERMS_ANALYZER: {"type": "custom", "tokenizer": "whitespace"},
                    WORDS_ANALYZER: {"type": "custom", "tokenizer": "warta_alnum",
                                     "filter": ["warta_short", "lowercase"]},
                },
            },
        },
        "mappings": {
            "dynamic": "strict",
            "_source": {"excludes": [*S.TEXT_FIELDS, S.WORDS]},
            "properties": properties,
        },
    }


def live_index(client: OpenSearch, name: str) -> str | None:
    """The generation the alias points at, or None when there is none."""
    try:
        found = client.indices.get_alias(name=name)
    except NotFoundError:
        return None
    names = sorted(found)
    return names[0] if names else None


def require_live(client: OpenSearch, name: str) -> str:
    live = live_index(client, name)
    if live is None:
        raise OpenSearchStoreError(
            f"no Warta index {name!r} in OpenSearch: run `warta reindex PATH --opensearch URL`")
    return live


def new_generation(client: OpenSearch, name: str, body: dict[str, Any]) -> str:
    if client.indices.exists(index=name) and live_index(client, name) is None:
        raise OpenSearchStoreError(f"{name!r} is an index, not an alias: choose another name")
    gen = f"{generation_prefix(name)}{time.time_ns()}"
    client.indices.create(index=gen, body=body)
    client.cluster.health(index=gen, wait_for_status="green")
    return gen


def finish_generation(client: OpenSearch, gen: str) -> None:
    """Searchable from now on: the usual refresh interval, refreshed once, merged segments."""
    client.indices.put_settings(index=gen, body={"index": {"refresh_interval": "1s"}})
    client.indices.refresh(index=gen)


def switch_alias(client: OpenSearch, name: str, gen: str) -> list[str]:
    """Point the alias at ``gen`` in one atomic ``_aliases`` call; return the old generations."""
    old = [i for i in _alias_targets(client, name) if i != gen]
    actions: list[dict[str, Any]] = [{"remove": {"index": i, "alias": name}} for i in old]
    actions.append({"add": {"index": gen, "alias": name}})
    client.indices.update_aliases(body={"actions": actions})
    return old


def _alias_targets(client: OpenSearch, name: str) -> list[str]:
    try:
        return sorted(client.indices.get_alias(name=name))
    except NotFoundError:
        return []


def stale_generations(client: OpenSearch, name: str) -> list[str]:
    """Generations no alias points at (old ones, or a rebuild that was killed)."""
    live = set(_alias_targets(client, name))
    found = client.indices.get(index=generation_prefix(name) + "*", ignore_unavailable=True)
    return sorted(i for i in found if i not in live)


def drop_indices(client: OpenSearch, name: str, gens: list[str]) -> None:
    for gen in gens:
        client.indices.delete(index=gen, ignore_unavailable=True)
        _drop_story_parts(client, name, gen, read_state(client, name, gen).get(STORIES_KEY))
        try:
            client.delete(index=state_index(name), id=gen, refresh=True)
        except NotFoundError:
            pass


# -- analysis state ---------------------------------------------------------------------------


def ensure_state_index(client: OpenSearch, name: str) -> str:
    idx = state_index(name)
    if not client.indices.exists(index=idx):
        client.indices.create(index=idx, body={
            "settings": {"index": {"number_of_shards": 1, "number_of_replicas": 0}},
            "mappings": {"dynamic": False, "properties": {}},
        })
    return idx


def save_state(client: OpenSearch, name: str, gen: str, analyzer: Analyzer,
               names: NameLists, extra: dict[str, Any]) -> None:
    """What :func:`indexer.store.save_analyzer` writes beside a tantivy index, for ``gen``."""
    idx = ensure_state_index(client, name)
    doc = {
        "generation": gen,
        "protect_names": analyzer.protect_names,
        "stems": sorted(analyzer.stems.items()),
        "lower_df": sorted(analyzer.lower_df.items()),
        "names": {"user": list(names.user), "learned": list(names.learned),
                  "query": list(names.query), "entity_docs": sorted(names.entity_docs.items())},
        **extra,
    }
    client.index(index=idx, id=gen, body=doc, refresh=True)


def _part_id(gen: str, version: int, k: int) -> str:
    return f"{gen}:stories:{version}:{k}"


def save_stories(client: OpenSearch, name: str, gen: str, stories: Stories) -> dict[str, int]:
    """Write ``gen``'s clusters as a new version of parts; returns what the state document
    must name (:data:`STORIES_KEY`) for :func:`load_stories` to read them."""
    idx = ensure_state_index(client, name)
    with tempfile.TemporaryDirectory() as tmp:
        stories.save(Path(tmp))
        data = (Path(tmp) / STATE_FILE).read_bytes()
    version = time.time_ns()
    parts = [data[i:i + STORIES_PART_BYTES] for i in range(0, len(data), STORIES_PART_BYTES)]
    for k, part in enumerate(parts):
        client.index(index=idx, id=_part_id(gen, version, k),
                     body={"generation": gen, "data": base64.b64encode(part).decode()})
    client.indices.refresh(index=idx)
    return {"version": version, "parts": len(parts)}


def load_stories(client: OpenSearch, name: str, gen: str, state: dict[str, Any]) -> Stories:
    """The clusters ``state`` (``gen``'s state document) names; empty when it names none."""
    info = state.get(STORIES_KEY)
    if not info or not info.get("parts"):
        return Stories()
    ids = [_part_id(gen, int(info["version"]), k) for k in range(int(info["parts"]))]
    found = client.mget(index=state_index(name), body={"ids": ids})["docs"]
    if not all(d.get("found") for d in found):
        raise OpenSearchStoreError(f"the story clusters of {gen} are incomplete: run reindex")
    data = b"".join(base64.b64decode(d["_source"]["data"]) for d in found)
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / STATE_FILE).write_bytes(data)
        return Stories.load(Path(tmp))


def _drop_story_parts(client: OpenSearch, name: str, gen: str, info: Any) -> None:
    """Remove a version of ``gen``'s cluster parts (``info`` as :func:`save_stories` gave)."""
    if not info:
        return
    for k in range(int(info.get("parts") or 0)):
        try:
            client.delete(index=state_index(name), id=_part_id(gen, int(info["version"]), k))
        except NotFoundError:
            pass


def replace_stories(client: OpenSearch, name: str, gen: str, old: Any, new: dict[str, int]
                    ) -> None:
    """After the state document names ``new``: the ``old`` version's parts go."""
    if old and old != new:
        _drop_story_parts(client, name, gen, old)


def read_state(client: OpenSearch, name: str, gen: str) -> dict[str, Any]:
    try:
        found = client.get(index=state_index(name), id=gen)
    except NotFoundError:
        return {}
    source = found.get("_source")
    return source if isinstance(source, dict) else {}


def state_version(client: OpenSearch, name: str, gen: str) -> int | None:
    """The version of ``gen``'s state document (each write makes a new one), None if none."""
    try:
        found = client.get(index=state_index(name), id=gen, _source=False)
    except NotFoundError:
        return None
    version = found.get("_version")
    return int(version) if version is not None else None


def read_names(state: dict[str, Any]) -> NameLists:
    data = state.get("names") or {}
    return NameLists(tuple(data.get("user") or ()), tuple(data.get("learned") or ()),
                     tuple(data.get("query") or ()), dict(data.get("entity_docs") or ()))


def load_analyzer(client: OpenSearch, name: str, gen: str | None) -> Analyzer:
    """The analyzer that built ``gen``, as :func:`indexer.store.load_analyzer` makes it."""
    state = read_state(client, name, gen) if gen else {}
    names = read_names(state)
    return Analyzer(dict(state.get("stems") or ()),
                    lexicon=static_names() | set(names.user),
                    query_names=names.query if gen and names.query else None,
                    lower_df=dict(state.get("lower_df") or ()),
                    protect_names=bool(state.get("protect_names", True)))


def doc_freq(client: OpenSearch, gen: str) -> Callable[[str], int]:
    """Articles of ``gen`` with a word in ``words`` (what tantivy's ``doc_freq`` answers)."""
    cache: dict[str, int] = {}

    def count(word: str) -> int:
        n = cache.get(word)
        if n is None:
            n = int(client.count(index=gen, body={"query": {"term": {S.WORDS: word}}})["count"])
            cache[word] = n
        return n

    return count


def _ms_to_iso(value: float | None) -> str | None:
    return None if value is None else datetime.fromtimestamp(value / 1000, tz=UTC).isoformat()


def index_stats(client: OpenSearch, name: str, top: int = 10) -> dict[str, Any]:
    """``warta stats`` for an OpenSearch index: the keys of :func:`indexer.stats.index_stats`."""
    from indexer.stats import MERGES_SHOWN

    gen = require_live(client, name)
    aggs: dict[str, Any] = {
        key: {"terms": {"field": key, "size": top}} for key in S.KEYWORD_FACETS
    }
    aggs["dates"] = {"stats": {"field": S.DATE}}
    resp = client.search(index=gen, body={"size": 0, "track_total_hits": True, "aggs": aggs})
    result = resp["aggregations"]
    documents = int(resp["hits"]["total"]["value"])
    dates = result["dates"]
    dated = int(dates.get("count") or 0)
    size = client.indices.stats(index=gen, metric="store")["_all"]["total"]["store"]
    state = read_state(client, name, gen)
    return {
        "documents": documents,
        "stories": int(state.get("stories") or 0),
        "date_min": _ms_to_iso(dates.get("min")) if dated else None,
        "date_max": _ms_to_iso(dates.get("max")) if dated else None,
        "undated": documents - dated,
        "skipped": state.get("skipped") or {},
        "size_bytes": int(size["size_in_bytes"]),
        "generation": gen,
        "top": {
            key: [{"value": b["key"], "count": b["doc_count"]} for b in result[key]["buckets"]]
            for key in S.KEYWORD_FACETS
        },
        "merges": EntityMap.from_json(state.get("entity_map")).merges(MERGES_SHOWN),
    }
