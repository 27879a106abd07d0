"""``bench.http_bench --c8-settings``: settings are ``WORKERSxCONCURRENCY``, and a comparison
over the session's real server prints each setting's medians with no failed request, the
floor's own c=8 beside them, and a setting served by a baseline against this checkout's."""

from __future__ import annotations

import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

from bench.c8_settings import Setting, compare, lower_in, parse_setting
from bench.floor import floor_search


def test_settings_are_workers_by_concurrency() -> None:
    assert parse_setting("2x3") == Setting(2, 3)
    assert parse_setting("2x3").name == "2x3"
    for bad in ("2", "x3", "2x", "ax2", "0x2", "1x0", "1x2x3"):
        with pytest.raises(ValueError):
            parse_setting(bad)


def test_a_comparison_prints_every_setting(
        index_dir: Path, serving: Callable[[Path], AbstractContextManager[tuple[str, int]]],
        capsys: pytest.CaptureFixture[str]) -> None:
    blocks = [[{"q": "banjir"}, {"q": "jakarta"}, {"q": "presiden"}]] * 2
    with serving(index_dir) as (base, pid):
        # In a thread of its own: the client runs its own asyncio loop (see test_bench_client).
        with ThreadPoolExecutor(1) as pool:
            pool.submit(compare, {"1x2": (pid, base)}, blocks, 0.001).result()
    out = capsys.readouterr().out
    assert "2 rounds of 3 queries" in out
    line = re.search(r"^ +1x2 +p50 .* errors (\d+) +p99 of all .*x the floor's c=1 p50", out, re.M)
    assert line is not None, out
    assert line.group(1) == "0"
    assert "p99 of each round (ms): 1x2 " in out


def test_a_comparison_prints_the_floor_at_c8_and_the_baseline(
        index_dir: Path, serving: Callable[[Path], AbstractContextManager[tuple[str, int]]],
        capsys: pytest.CaptureFixture[str]) -> None:
    blocks = [[{"q": "banjir"}, {"q": "jakarta"}, {"q": "presiden"}, {"q": "gempa"}]] * 3
    with serving(index_dir) as (base, pid), serving(index_dir) as (old, old_pid):
        with ThreadPoolExecutor(1) as pool:
            pool.submit(compare, {"1x2": (pid, base), "base 1x2": (old_pid, old)}, blocks,
                        0.001, floor_search(index_dir)).result()
    out = capsys.readouterr().out
    floor = re.search(r"^ +floor +p50 .* errors 0 +p99 of all +([\d.]+) ms", out, re.M)
    assert floor is not None, out
    for name in ("1x2", "base 1x2"):
        line = re.search(rf"^ +{name} +p50 .* errors 0 +p99 of all +([\d.]+) ms = .*x the "
                         r"floor's c=1 p50 \(goal <= 8x\), +([\d.]+)x its c=8 p99$", out, re.M)
        assert line is not None, out
        # Both times are printed to 0.1 ms and the ratio to 0.1: the ratio of the unrounded
        # times lies between those of the printed ones moved half a unit apart.
        tail, floor8 = float(line.group(1)), float(floor.group(1))
        low, high = (tail - 0.05) / (floor8 + 0.05), (tail + 0.05) / max(floor8 - 0.05, 1e-9)
        assert low - 0.05 <= float(line.group(2)) <= high + 0.05, out
    assert re.search(r"^  1x2 this/base: p99 of all [\d.]+x, median p50 [\d.]+x, mean "
                     r"[\d.]+x, CPU per request \(all rounds\) [\d.]+x$", out, re.M), out
    assert "; floor " in out
    won = re.search(r"^  1x2 this below base in p99 (\d+), mean (\d+), CPU per request (\d+) "
                    r"of 3 rounds", out, re.M)
    assert won is not None, out
    assert all(0 <= int(k) <= 3 for k in won.groups())


def test_rounds_are_counted_where_this_is_below_base() -> None:
    new = [(1.0, 5.0, 2.0, 9.0, 0.004), (1.0, 3.0, 2.0, 9.0, 0.004), (1.0, 4.0, 3.0, 9.0, 0.003)]
    old = [(1.0, 4.0, 2.5, 9.0, 0.004), (1.0, 4.0, 2.5, 9.0, 0.005), (1.0, 4.0, 2.5, 9.0, 0.004)]
    assert [lower_in(new, old, k) for k in (0, 1, 2, 4)] == [0, 1, 2, 2]
    with pytest.raises(ValueError):
        lower_in(new, old[:2], 1)
