"""The c=8 phase of :mod:`bench.http_bench` at several server settings, interleaved: one server
per setting (``WORKERSxCONCURRENCY``: ``serve --workers``, ``--concurrency``), all started at
once on the same index; each round asks every server the same fresh block of queries from 8
clients, one server after another, the order rotating from round to round, so a busy moment of
the machine falls on every setting alike and each setting answers every query once. Prints each
setting's median over the rounds of p50, p99, mean latency, requests/s and server CPU per
request (medians, so that a busy moment in one round does not decide a comparison), and the p99
of all its requests over the floor's c=1 p50 (the issue's goal, as the c=8 phase measures it)."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Any

from bench.common import pct
from bench.http_client import run_sync
from bench.profile import server_cpu


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


def compare(servers: dict[str, tuple[int, str]], blocks: list[list[dict[str, Any]]],
            floor50: float) -> None:
    """``servers``: setting name → (pid, base URL); ``blocks``: each round's queries."""
    names = list(servers)
    rows: dict[str, list[tuple[float, float, float, float, float]]] = {n: [] for n in names}
    errors = dict.fromkeys(names, 0)
    pooled: dict[str, list[float]] = {n: [] for n in names}
    for r, queries in enumerate(blocks):
        turn = r % len(names)
        for name in names[turn:] + names[:turn]:
            pid, base = servers[name]
            cpu0 = server_cpu(pid)
            lat, failed, wall = run_sync(base, queries, 8)
            cpu = (server_cpu(pid) - cpu0) / len(queries)
            errors[name] += failed
            pooled[name] += lat
            rows[name].append((pct(lat, 50), pct(lat, 99), statistics.mean(lat),
                               len(lat) / wall, cpu))
    print(f"c=8 by setting (WORKERSxCONCURRENCY), {len(blocks)} rounds of {len(blocks[0])} "
          "queries, interleaved; medians over the rounds, and the p99 of all the setting's "
          "requests (the c=8 phase's own measure, which the goal's ratio uses):")
    for name in names:
        p50, p99, mean, rate, cpu = (statistics.median(col) for col in zip(*rows[name],
                                                                           strict=True))
        tail = pct(pooled[name], 99)
        print(f"  {name:>6}  p50 {p50 * 1e3:6.1f} ms  p99 {p99 * 1e3:6.1f} ms  mean "
              f"{mean * 1e3:6.1f} ms  {rate:5.0f} req/s  CPU {cpu * 1e3:5.2f} ms/req  "
              f"errors {errors[name]}  p99 of all {tail * 1e3:6.1f} ms = "
              f"{tail / floor50:5.1f}x the floor's p50 (goal <= 8x)")
    print("  p99 of each round (ms): " + "; ".join(
        f"{name} " + " ".join(f"{row[1] * 1e3:.0f}" for row in rows[name]) for name in names))
