"""The c=8 phase of :mod:`bench.http_bench` at several server settings, interleaved: one server
per setting (``WORKERSxCONCURRENCY``: ``serve --workers``, ``--concurrency``), all started at
once on the same index; each round asks every server the same fresh block of queries from 8
clients, one server after another, the order rotating from round to round, so a busy moment of
the machine falls on every setting alike and each setting answers every query once. The floor
(:mod:`bench.floor`, in-process tantivy doing the same faceted search) takes its turn in the
rotation too, from 8 threads taking the next query as each finishes, as the 8 clients do.

Prints each setting's (and the floor's) median over the rounds of p50, p99, mean latency,
requests/s and CPU per request (the server's; the floor's is this process's, which runs nothing
else meanwhile), medians so that a busy moment in one round does not decide a comparison; the
p99 of all its requests over the floor's c=1 p50 (the issue's goal, as the c=8 phase measures
it) and over the floor's own c=8 p99 (what the engine alone gives at that load); and, for
settings served by a baseline checkout too (``base WxC``), this checkout's over the baseline's
and in how many rounds this checkout's p99, mean and CPU per request are below the baseline's
(on a busy machine two servers of the same code can differ by a third in one run's medians).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from bench.common import pct
from bench.floor import concurrent_times
from bench.http_client import run_sync
from bench.profile import server_cpu

FLOOR: Final = "floor"  # the row of the floor at c=8


@dataclass(frozen=True, slots=True)
class Setting:
    workers: int
    concurrency: int

    @property
    def name(self) -> str:
        return f"{self.workers}x{self.concurrency}"


def parse_setting(text: str) -> Setting:
    """``"2x3"``: 2 worker processes, 3 requests at once in each."""
    workers, sep, concurrency = text.partition("x")
    if not sep or not workers.isdigit() or not concurrency.isdigit():
        raise ValueError(f"a setting is WORKERSxCONCURRENCY (e.g. 1x2), not {text!r}")
    if int(workers) < 1 or int(concurrency) < 1:
        raise ValueError(f"workers and concurrency are at least 1: {text!r}")
    return Setting(int(workers), int(concurrency))


Runner = Callable[[list[dict[str, Any]]], tuple[list[float], int, float, float]]
"""Answers a block of queries at c=8: (latencies, errors, wall seconds, CPU seconds)."""
BASE: Final = "base "  # the name prefix of a setting served by the baseline checkout


def _server(pid: int, base: str) -> Runner:
    def run(queries: list[dict[str, Any]]) -> tuple[list[float], int, float, float]:
        cpu0 = server_cpu(pid)
        lat, failed, wall = run_sync(base, queries, 8)
        return lat, failed, wall, server_cpu(pid) - cpu0
    return run


def _floor(search: Callable[[dict[str, Any]], None]) -> Runner:
    def run(queries: list[dict[str, Any]]) -> tuple[list[float], int, float, float]:
        cpu0 = time.process_time()
        lat, wall = concurrent_times(search, queries, 8)
        return lat, 0, wall, time.process_time() - cpu0
    return run


def lower_in(new: Sequence[tuple[float, ...]], old: Sequence[tuple[float, ...]], column: int
             ) -> int:
    """In how many rounds ``new``'s ``column`` (of the rows :func:`compare` keeps: p50, p99,
    mean, requests/s, CPU per request) is below ``old``'s: a busy moment of the machine can
    move a median over the rounds, and the rounds say whether one setting is ahead in most of
    them or in a few."""
    return sum(a[column] < b[column] for a, b in zip(new, old, strict=True))


def compare(servers: dict[str, tuple[int, str]], blocks: list[list[dict[str, Any]]],
            floor50: float, floor: Callable[[dict[str, Any]], None] | None = None) -> None:
    """``servers``: setting name → (pid, base URL); ``blocks``: each round's queries;
    ``floor50``: the floor's c=1 p50; ``floor``: the floor's search of one query, run at c=8
    in the rotation when given."""
    runners = {name: _server(pid, base) for name, (pid, base) in servers.items()}
    if floor is not None:
        runners[FLOOR] = _floor(floor)
    names = list(runners)
    rows: dict[str, list[tuple[float, float, float, float, float]]] = {n: [] for n in names}
    errors = dict.fromkeys(names, 0)
    pooled: dict[str, list[float]] = {n: [] for n in names}
    cpu_all = dict.fromkeys(names, 0.0)
    for r, queries in enumerate(blocks):
        turn = r % len(names)
        for name in names[turn:] + names[:turn]:
            lat, failed, wall, cpu = runners[name](queries)
            errors[name] += failed
            pooled[name] += lat
            cpu_all[name] += cpu
            rows[name].append((pct(lat, 50), pct(lat, 99), statistics.mean(lat),
                               len(lat) / wall, cpu / len(queries)))
    print(f"c=8 by setting (WORKERSxCONCURRENCY), {len(blocks)} rounds of {len(blocks[0])} "
          "queries, interleaved; medians over the rounds, and the p99 of all the setting's "
          "requests (the c=8 phase's own measure, which the goal's ratio uses):")
    floor8 = pct(pooled[FLOOR], 99) if FLOOR in pooled else None
    medians: dict[str, tuple[float, ...]] = {}
    for name in names:
        medians[name] = tuple(statistics.median(col) for col in zip(*rows[name], strict=True))
        p50, p99, mean, rate, cpu = medians[name]
        tail = pct(pooled[name], 99)
        versus = "" if floor8 is None or name == FLOOR else f", {tail / floor8:4.1f}x its c=8 p99"
        print(f"  {name:>10}  p50 {p50 * 1e3:6.1f} ms  p99 {p99 * 1e3:6.1f} ms  mean "
              f"{mean * 1e3:6.1f} ms  {rate:5.0f} req/s  CPU {cpu * 1e3:5.2f} ms/req  "
              f"errors {errors[name]}  p99 of all {tail * 1e3:6.1f} ms = "
              f"{tail / floor50:5.1f}x the floor's c=1 p50 (goal <= 8x){versus}")
    print("  p99 of each round (ms): " + "; ".join(
        f"{name} " + " ".join(f"{row[1] * 1e3:.0f}" for row in rows[name]) for name in names))
    for name in names:
        if BASE + name in medians:
            new, old = medians[name], medians[BASE + name]
            spent = (f"{cpu_all[name] / cpu_all[BASE + name]:.2f}x" if cpu_all[BASE + name]
                     else "n/a")
            print(f"  {name} this/base: p99 of all "
                  f"{pct(pooled[name], 99) / pct(pooled[BASE + name], 99):.2f}x, median p50 "
                  f"{new[0] / old[0]:.2f}x, mean {new[2] / old[2]:.2f}x, "
                  f"CPU per request (all rounds) {spent}")
            p99, mean, cpu = (lower_in(rows[name], rows[BASE + name], k) for k in (1, 2, 4))
            print(f"  {name} this below base in p99 {p99}, mean {mean}, CPU per request {cpu} "
                  f"of {len(blocks)} rounds (alike servers: about half, and rarely all)")
