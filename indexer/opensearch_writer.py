"""Building and updating a Warta index in OpenSearch: ``reindex``, ``add``, ``delete``.

The documents are the very ones the tantivy build writes (:func:`indexer.document.prepare` in the
same worker pool, :func:`indexer.feed.feed_documents`); only the sink differs. ``_bulk``
requests are bounded in documents and bytes; a request or item refused with 429 or 5xx is
retried with exponential backoff, and items that still fail end the build with
:class:`BulkError` naming them.
A rebuild writes a new generation and swaps the alias in one ``_aliases`` call at the very end,
so a rebuild that is killed or fails leaves the alias on the old generation (the next rebuild
removes the orphan). Each command holds the index's writer lock while it runs
(:mod:`indexer.opensearch_lock`): a second writer stops with one line.
"""

from __future__ import annotations

import hashlib
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Final, TypedDict, Unpack

import orjson
from opensearchpy import OpenSearch, TransportError

from indexer import build, lexicon
from indexer import opensearch_store as OS
from indexer import schema as S
from indexer.analysis import Analyzer
from indexer.build_report import BuildReport
from indexer.document import Prepared, document_fields, load_payload
from indexer.entity_map import EntityMap
from indexer.feed import Progress, feed_analysis
from indexer.map_apply import apply_map
from indexer.opensearch_lock import WriterLock, writer_lock
from indexer.opensearch_names import DEFAULT_NAME
from indexer.spill import Spill
from indexer.stories import Stories, changed
from indexer.story_ledger import Parked, StoryLedger, story_fields

BATCH_DOCS: Final = 500
BATCH_BYTES: Final = 8 * 1024 * 1024
MAX_RETRIES: Final = 6
FIRST_BACKOFF: Final = 0.5  # seconds; doubled after each retry
MAX_LISTED_FAILURES: Final = 20
MAX_ID_BYTES: Final = 512


@dataclass(frozen=True, slots=True)
class FailedItem:
    id: str
    status: int
    reason: str


class BulkError(OS.OpenSearchStoreError):
    def __init__(self, failures: Sequence[FailedItem]) -> None:
        self.failures = list(failures)
        shown = "\n".join(f"  {f.id}: {f.status} {f.reason}"
                          for f in self.failures[:MAX_LISTED_FAILURES])
        more = len(self.failures) - MAX_LISTED_FAILURES
        tail = f"\n  … {more} more" if more > 0 else ""
        super().__init__(f"{len(self.failures)} documents could not be written:\n{shown}{tail}")


def doc_key(doc_id: str) -> str:
    """The ``_id`` of a record: its id, or a hash of it past OpenSearch's 512-byte limit."""
    if len(doc_id.encode("utf-8")) <= MAX_ID_BYTES:
        return doc_id
    return "blake2b:" + hashlib.blake2b(doc_id.encode("utf-8"), digest_size=20).hexdigest()


def _retryable(status: int) -> bool:
    return status == 429 or status >= 500


def opensearch_document(fields: Mapping[str, Any], story: str) -> dict[str, Any]:
    """The tantivy fields of a document (:func:`document_fields`) and its story fields
    (:func:`indexer.story_ledger.story_fields`) as OpenSearch JSON."""
    doc: dict[str, Any] = {}
    for key, value in {**fields, **story_fields(str(fields[S.ID]), story)}.items():
        if key == S.PAYLOAD:
            doc[key] = orjson.loads(value)
        elif isinstance(value, datetime):
            doc[key] = value.isoformat()
        else:
            doc[key] = value
    return doc


class BulkSender:
    """Buffers ``_bulk`` actions and sends them in bounded batches, retrying 429/5xx."""

    def __init__(self, client: OpenSearch, index: str, sleep: Any = time.sleep) -> None:
        self.client = client
        self.index = index
        self.sleep = sleep
        self._lines: list[tuple[str, bytes]] = []  # (doc id, action [+ source] NDJSON)
        self._bytes = 0

    def index_doc(self, doc_id: str, doc: Mapping[str, Any]) -> None:
        head = orjson.dumps({"index": {"_index": self.index, "_id": doc_id}})
        self._push(doc_id, head + b"\n" + orjson.dumps(doc) + b"\n")

    def delete_doc(self, doc_id: str) -> None:
        self._push(doc_id, orjson.dumps({"delete": {"_index": self.index, "_id": doc_id}}) + b"\n")

    def _push(self, doc_id: str, line: bytes) -> None:
        self._lines.append((doc_id, line))
        self._bytes += len(line)
        if len(self._lines) >= BATCH_DOCS or self._bytes >= BATCH_BYTES:
            self.flush()

    def flush(self) -> None:
        pending, self._lines, self._bytes = self._lines, [], 0
        backoff = FIRST_BACKOFF
        failures: list[FailedItem] = []
        for attempt in range(MAX_RETRIES + 1):
            if not pending:
                return
            last = attempt == MAX_RETRIES
            try:
                resp = self.client.bulk(body=b"".join(line for _, line in pending))
            except TransportError as e:
                status = e.status_code if isinstance(e.status_code, int) else 599
                if not _retryable(status) or last:
                    raise BulkError([FailedItem(i, status, str(e.error)) for i, _ in pending]
                                    ) from e
                self.sleep(backoff)
                backoff *= 2
                continue
            retry: list[tuple[str, bytes]] = []
            for (doc_id, line), item in zip(pending, resp["items"], strict=True):
                result = next(iter(item.values()))
                status = int(result.get("status", 500))
                if status < 300 or (status == 404 and "delete" in item):
                    continue
                if _retryable(status) and not last:
                    retry.append((doc_id, line))
                else:
                    reason = result.get("error") or result.get("result") or ""
                    if isinstance(reason, dict):
                        reason = f"{reason.get('type')}: {reason.get('reason')}"
                    failures.append(FailedItem(doc_id, status, str(reason)))
            if failures:
                raise BulkError(failures)
            pending = retry
            if pending:
                self.sleep(backoff)
                backoff *= 2


class OpenSearchWriter:
    """The OpenSearch twin of ``build._Writer``: decides updates and stories the same way."""

    def __init__(self, client: OpenSearch, index: str, report: BuildReport, *, live: bool,
                 stories: Stories, clustered: bool = False) -> None:
        self.client = client
        self.index = index
        self.live = live
        self.sender = BulkSender(client, index)
        self.ledger = StoryLedger(report, stories, clustered)
        self.stories = stories

    def _exists(self, doc_id: str) -> bool:
        if not self.live:
            return False
        return bool(self.client.exists(index=self.index, id=doc_key(doc_id)))

    def add(self, prep: Prepared) -> None:
        existed = prep.id in self.ledger.ids or self._exists(prep.id)
        story = self.ledger.place(prep, existed)
        self.sender.index_doc(doc_key(prep.id), opensearch_document(prep.fields, story))

    def commit(self, analyzer: Analyzer) -> None:
        """Send everything, then rewrite the documents whose story changed after they were
        written."""
        self.sender.flush()
        changes = self.ledger.settle()
        restory(self.client, self.index, self.sender, analyzer, changes)
        self.sender.flush()
        self.client.indices.refresh(index=self.index)


def restory(client: OpenSearch, index: str, sender: BulkSender, analyzer: Analyzer,
            changes: Mapping[str, str]) -> None:
    """Rewrite each document of ``changes`` (id -> story) with its new story. The whole
    document, rebuilt from its stored payload as ``build._restory`` does: an ``update`` would
    re-index it from ``_source``, which leaves out the analysed text."""
    ids = list(changes)
    for start in range(0, len(ids), BATCH_DOCS):
        batch = ids[start:start + BATCH_DOCS]
        found = client.mget(index=index, body={"ids": [doc_key(i) for i in batch]},
                            _source=[S.PAYLOAD])["docs"]
        for doc_id, doc in zip(batch, found, strict=True):
            if not doc.get("found"):
                continue
            stored = load_payload(orjson.dumps(doc["_source"][S.PAYLOAD]))
            sender.index_doc(doc_key(doc_id), opensearch_document(
                document_fields(stored, analyzer), changes[doc_id]))


def _state_extra(report: BuildReport, stories: dict[str, int]) -> dict[str, Any]:
    now = time.time()
    return {"built": now, "committed": now, "last_run": report.as_dict(),
            "skipped": dict(report.skipped),
            "stories": report.stories, OS.STORIES_KEY: stories}


class AddOptions(TypedDict, total=False):
    """The options of :func:`add` (absent: the default)."""

    field_map: Mapping[str, str] | None  # input field -> record field
    workers: int | None  # analysis processes (None: the machine's cores)
    progress: Progress | None
    dask_address: str | None  # analyse on this Dask scheduler instead of local processes


class BuildOptions(AddOptions, total=False):
    """The options of :func:`reindex`: :class:`AddOptions` and the new generation's."""

    names: Sequence[str]  # the user's protected names
    shards: int  # default 1
    replicas: int  # default 0


def reindex(paths: Sequence[Path], url: str, name: str = DEFAULT_NAME,
            **options: Unpack[BuildOptions]) -> BuildReport:
    """Build a new generation from ``paths`` and swap the alias to it; delete the old one.
    The analysis and the clusters are made exactly as :func:`indexer.build.reindex` makes them."""
    client = OS.connect(url)
    with writer_lock(client, name, "reindex") as lock:
        return _reindex(client, lock, paths, name, options)


def _reindex(client: OpenSearch, lock: WriterLock, paths: Sequence[Path], name: str,
             options: BuildOptions) -> BuildReport:
    report = BuildReport()
    t0 = time.perf_counter()
    OS.drop_indices(client, name, OS.stale_generations(client, name))  # killed rebuilds
    analyzer = OS.load_analyzer(client, name, OS.live_index(client, name))
    user = tuple(sorted({w for w in options.get("names", ()) if analyzer.stem(w) != w}))
    analyzer.lexicon = lexicon.static_names() | set(user)
    analyzer.lower_df = Counter()  # learnt anew from this corpus (the stems stay warm)
    entity_docs: Counter[str] = Counter()
    # The corpus-level entity map needs every article (indexer/spill.py): they wait in a
    # spill file until it is known, then are written with it applied, as in build.reindex;
    # their fingerprints are clustered all at once meanwhile, so each is written with its final
    # story.
    spill = Spill(Path(tempfile.gettempdir()))
    park = Parked(spill)
    try:
        entity_map = feed_analysis(
            paths, options.get("field_map") or {}, analyzer, park, report,
            options.get("progress"), entity_docs, workers=options.get("workers"),
            dask_address=options.get("dask_address"), spill=spill, park=park)
        assert entity_map is not None
        stories = park.stories()
        gen = OS.new_generation(client, name, OS.index_body(options.get("shards", 1),
                                                            options.get("replicas", 0)))
        try:
            writer = OpenSearchWriter(client, gen, report, live=False, stories=stories,
                                      clustered=True)
            for prep in spill.replay():
                writer.add(apply_map(prep, entity_map))
            if report.written == 0:
                OS.drop_indices(client, name, [gen])
                report.seconds = time.perf_counter() - t0
                return report
            writer.commit(analyzer)
            OS.finish_generation(client, gen)
            saved = OS.save_stories(client, name, gen, stories)
        except BaseException:
            OS.drop_indices(client, name, [gen])
            raise
    finally:
        spill.close()
    report.generation = gen
    report.seconds = time.perf_counter() - t0
    lists = build.name_lists(analyzer, user, entity_docs, OS.doc_freq(client, gen))
    OS.save_state(client, name, gen, analyzer, lists,
                  {**_state_extra(report, saved), "entity_map": entity_map.to_json()})
    lock.check()
    old = OS.switch_alias(client, name, gen)
    OS.drop_indices(client, name, old)
    return report


def add(paths: Sequence[Path], url: str, name: str = DEFAULT_NAME,
        **options: Unpack[AddOptions]) -> BuildReport:
    """Upsert records by ``_id`` into the live generation (a full build when there is none)."""
    client = OS.connect(url)
    with writer_lock(client, name, "add") as lock:
        gen = OS.live_index(client, name)
        if gen is None:
            return _reindex(client, lock, paths, name, BuildOptions(**options))
        return _add(client, lock, gen, paths, name, options)


def _add(client: OpenSearch, lock: WriterLock, gen: str, paths: Sequence[Path], name: str,
         options: AddOptions) -> BuildReport:
    report = BuildReport()
    t0 = time.perf_counter()
    state = OS.read_state(client, name, gen)
    analyzer = OS.load_analyzer(client, name, gen)
    before = OS.read_names(state)
    entity_docs = Counter(before.entity_docs)
    entity_map = EntityMap.from_json(state.get("entity_map"))
    writer = OpenSearchWriter(client, gen, report, live=True,
                              stories=OS.load_stories(client, name, gen, state))
    feed_analysis(paths, options.get("field_map") or {}, analyzer,
                        lambda prep: writer.add(apply_map(prep, entity_map)), report,
                        options.get("progress"), entity_docs, workers=options.get("workers"),
                        dask_address=options.get("dask_address"))
    saved = state.get(OS.STORIES_KEY) or {}
    if report.written:
        writer.commit(analyzer)
        saved = OS.save_stories(client, name, gen, writer.stories)
    else:
        report.stories = int(state.get("stories") or 0)
    report.generation = gen
    report.seconds = time.perf_counter() - t0
    skipped: dict[str, int] = dict(state.get("skipped") or {})
    for reason, n in report.skipped.items():
        skipped[reason] = skipped.get(reason, 0) + n
    lists = build.name_lists(analyzer, before.user, entity_docs, OS.doc_freq(client, gen))
    lock.check()
    OS.save_state(client, name, gen, analyzer, lists,
                  {**_state_extra(report, saved), "built": state.get("built"),
                   "skipped": skipped, "entity_map": state.get("entity_map")})
    OS.replace_stories(client, name, gen, state.get(OS.STORIES_KEY), saved)
    return report


def delete(ids: Iterable[str], url: str, name: str = DEFAULT_NAME) -> tuple[int, list[str]]:
    """Remove documents by ``_id``. As in the tantivy index, a story that loses its first
    report gets a new one (and id), and one whose only link is removed splits: the documents
    whose story changed are updated."""
    client = OS.connect(url)
    with writer_lock(client, name, "delete") as lock:
        return _delete(client, lock, ids, name)


def _delete(client: OpenSearch, lock: WriterLock, ids: Iterable[str], name: str
            ) -> tuple[int, list[str]]:
    gen = OS.require_live(client, name)
    state = OS.read_state(client, name, gen)
    stories = OS.load_stories(client, name, gen, state)
    before = stories.assignments()
    sender = BulkSender(client, gen)
    removed, missing = 0, []
    for doc_id in ids:
        if not client.exists(index=gen, id=doc_key(doc_id)):
            missing.append(doc_id)
            continue
        sender.delete_doc(doc_key(doc_id))
        stories.remove(doc_id)
        removed += 1
    if not removed:
        return removed, missing  # nothing changed
    restory(client, gen, sender, OS.load_analyzer(client, name, gen),
            changed(before, stories.assignments()))
    sender.flush()
    client.indices.refresh(index=gen)
    saved = OS.save_stories(client, name, gen, stories)
    n_stories = len(set(stories.assignments().values()))
    lock.check()
    client.update(index=OS.state_index(name), id=gen, refresh=True,
                  body={"doc": {"stories": n_stories, OS.STORIES_KEY: saved,
                                "committed": time.time()}})
    OS.replace_stories(client, name, gen, state.get(OS.STORIES_KEY), saved)
    return removed, missing
