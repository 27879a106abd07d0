"""Stories as documents are written, for either backend: a full build parks its documents and
clusters their fingerprints all at once (:class:`Parked`), so each is written with its final
story; an update adds each document to the stories it joins, and :class:`StoryLedger` finds the
documents written before their story changed (it was reported earlier, or it links two
stories), to be rewritten. :func:`story_fields` are the fields a story puts in a document."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from indexer import schema as S
from indexer.build_report import BuildReport
from indexer.document import Prepared
from indexer.fingerprints import Fingerprint
from indexer.spill import Parcel, Spill
from indexer.stories import (
    Stories,
    changed,
    clustered,
    gathered,
    linked_roots,
    story_id,
    story_key,
)


def epoch(prep: Prepared | Parcel) -> int | None:
    return int(prep.date.timestamp()) if prep.date is not None else None


def add_to_stories(stories: Stories, prep: Prepared) -> str:
    return stories.add(prep.id, prep.fingerprint, epoch(prep))


class Parked:
    """A full build's documents waiting in ``spill`` for the corpus's entity map, and their
    fingerprints, clustered all at once when every one is in (:meth:`stories`). Both backends'
    rebuilds park this way, so they give the same stories."""

    def __init__(self, spill: Spill) -> None:
        self.spill = spill
        self.prints: list[tuple[str, Fingerprint, int | None]] = []

    def __call__(self, item: Prepared | Parcel) -> None:
        self.prints.append((item.id, item.fingerprint, epoch(item)))
        self.spill.add(item)

    def stories(self, roots: Sequence[int] | None = None) -> Stories:
        """The parked documents' stories; ``roots``: their :func:`linked_roots`, when another
        process worked them out (:mod:`indexer.story_worker`)."""
        stories = gathered(self.prints)
        self.prints.clear()
        return clustered(stories, linked_roots(stories) if roots is None else roots)


def story_fields(doc_id: str, story: str) -> dict[str, Any]:
    return {S.STORY: story, S.STORY_KEY: story_key(story),
            S.FIRST_REPORT: story_id(doc_id) == story}


class StoryLedger:
    """What a writer of either backend keeps while it writes: the ids it has written, its
    report's counts, and the story written into each document, so that its commit can find the
    documents whose story changed after they were written."""

    def __init__(self, report: BuildReport, stories: Stories, clustered: bool) -> None:
        self.report = report
        self.stories = stories
        # clustered: every document to come is already in ``stories`` (a full build clusters
        # while the documents are parked, so each is written with its final story)
        self.clustered = clustered
        self.ids: set[str] = set()
        self.before = {} if clustered else stories.assignments()  # of the documents indexed
        self.written: dict[str, str] = {}  # id -> the story written into its document

    def place(self, prep: Prepared, existed: bool) -> str:
        """Count ``prep`` as indexed or updated and give the story to write into it."""
        if existed:
            self.report.updated += 1
        else:
            self.report.indexed += 1
        self.ids.add(prep.id)
        self.report.undated += prep.date is None
        if self.clustered:
            story = self.stories.story_of(prep.id)
        else:
            story = add_to_stories(self.stories, prep)
        self.written[prep.id] = story
        return story

    def settle(self) -> dict[str, str]:
        """The documents (id -> story) to rewrite because their story changed after they were
        written; the report gets their number and the stories'."""
        after = self.stories.assignments()
        changes = changed({**self.before, **self.written}, after)
        self.report.restoried = len(changes)
        self.report.stories = len(set(after.values()))
        return changes


