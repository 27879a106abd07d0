"""``bench.http_bench --c8-settings``: settings are ``WORKERSxCONCURRENCY``, and a comparison
over the session's real server prints each setting's medians with no failed request."""

from __future__ import annotations

import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

from bench.c8_settings import Setting, compare, parse_setting


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
    line = re.search(r"^ +1x2 +p50 .* errors (\d+) +p99 of all .*x the floor's p50", out, re.M)
    assert line is not None, out
    assert line.group(1) == "0"
    assert "p99 of each round (ms): 1x2 " in out
