"""What a build or an update reports (:class:`BuildReport`): documents written, records
skipped and why (the first problems kept with file:line), stories, timings. Both backends'
writers, the feed and the command line share it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from indexer.records import Problem

MAX_PROBLEMS_KEPT = 1000


@dataclass(slots=True)
class BuildReport:
    indexed: int = 0  # new documents
    updated: int = 0  # documents that replaced one with the same identity
    skipped: Counter[str] = field(default_factory=Counter)  # reason -> count
    problems: list[Problem] = field(default_factory=list)  # the first MAX_PROBLEMS_KEPT
    bad_utf8_lines: int = 0
    stories: int = 0  # distinct stories in the index after this run
    restoried: int = 0  # documents rewritten because their story changed
    undated: int = 0
    files: int = 0
    seconds: float = 0.0
    stemmed_words: int = 0  # Sastrawi calls made in this run (0 when the cache was warm)
    generation: str = ""

    @property
    def written(self) -> int:
        return self.indexed + self.updated

    def note(self, problem: Problem) -> None:
        self.skipped[problem.reason] += 1
        if len(self.problems) < MAX_PROBLEMS_KEPT:
            self.problems.append(problem)

    def as_dict(self) -> dict[str, Any]:
        return {
            "indexed": self.indexed,
            "updated": self.updated,
            "skipped": dict(self.skipped),
            "bad_utf8_lines": self.bad_utf8_lines,
            "stories": self.stories,
            "restoried": self.restoried,
            "undated": self.undated,
            "files": self.files,
            "seconds": round(self.seconds, 3),
            "stemmed_words": self.stemmed_words,
            "generation": self.generation,
        }

