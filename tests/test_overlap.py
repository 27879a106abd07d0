"""Facets counted beside the hits (:mod:`search_api.overlap`): the work runs in a spare thread
when one is free and its request is the only one at work, else in the caller's thread, gives the
same answer either way, and hands back what it raised."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

import pytest

from search_api import overlap, results, service, snapshot
from search_api.params import parse_search_params

T = TypeVar("T")

REQUESTS: list[list[tuple[str, str]]] = [
    [("q", "jakarta")], [("q", "banjir jakarta"), ("sort", "newest")],
    [("q", "pemerintah"), ("source", "detik.com"), ("source", "kompas.com")],
    [("q", "presiden"), ("from", "2019-01-01"), ("to", "2019-06-30")],
    [("q", "zzzyqx presiden")], [("category", "Politik"), ("facet_size", "3")], [],
]


class Inline:
    """Every function run by the caller (what the server did before facets overlapped)."""

    def start(self, fn: Callable[[], T]) -> Callable[[], T]:
        return fn

    def working(self) -> AbstractContextManager[None]:
        return nullcontext()


def test_work_runs_beside_when_a_thread_is_free_and_inline_when_none_is() -> None:
    beside = overlap.Overlap(1)
    release = threading.Event()
    where: list[str] = []

    def slow() -> str:
        where.append(threading.current_thread().name)
        release.wait(10)
        return "slow"

    first = beside.start(slow)
    second = beside.start(lambda: threading.current_thread().name)  # no thread free: inline
    assert second() == threading.current_thread().name
    release.set()
    assert first() == "slow"
    assert len(where) == 1 and where[0] != threading.current_thread().name
    assert where[0].startswith("warta-overlap")
    third = beside.start(lambda: threading.current_thread().name)  # freed again
    assert third().startswith("warta-overlap")


def test_work_runs_inline_while_another_request_is_at_work() -> None:
    beside = overlap.Overlap(1)

    def name() -> str:
        return threading.current_thread().name

    with beside.working():
        assert beside.start(name)().startswith("warta-overlap")  # the one request at work
        with beside.working():  # a second one: the cores have work enough
            assert beside.start(name)() == threading.current_thread().name
        assert beside.start(name)().startswith("warta-overlap")  # alone again


def test_an_error_reaches_the_caller_and_frees_the_thread() -> None:
    beside = overlap.Overlap(1)

    def fails() -> int:
        raise ValueError("boom")

    with pytest.raises(ValueError, match="boom"):
        beside.start(fails)()
    assert beside.start(lambda: threading.current_thread().name)().startswith("warta-overlap")


def _without_time(response: results.SearchResponse) -> results.SearchResponse:
    return replace(response, took_ms=0.0)


def test_search_with_facets_beside_equals_search_inline(
        index_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    requests = [parse_search_params(p) for p in REQUESTS]
    monkeypatch.setattr(service, "BESIDE", Inline())
    inline = [_without_time(service.search(snapshot.SearcherHolder(index_dir), r))
              for r in requests]
    # The facets count the results themselves (the aggregate's story-key stats): every result
    # is in one date bucket or the undated one.
    assert [sum(b.count for b in r.facets.date) for r in inline] == [r.total for r in inline]
    assert min(r.total for r in inline) == 0 < max(r.total for r in inline)
    monkeypatch.setattr(service, "BESIDE", overlap.Overlap(1))
    holder = snapshot.SearcherHolder(index_dir)  # fresh: nothing from the facet cache
    assert [_without_time(service.search(holder, r)) for r in requests] == inline
    # Eight at a time on one shared holder: some overlap, some run inline, all agree.
    holder = snapshot.SearcherHolder(index_dir)
    with ThreadPoolExecutor(8) as pool:
        together = list(pool.map(lambda r: _without_time(service.search(holder, r)),
                                 requests * 4))
    assert together == inline * 4
