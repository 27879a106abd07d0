"""``bench.http_bench``'s page-to-``/search`` ratio taken per query: each query's two answers,
asked one right after the other, compared with each other."""

from __future__ import annotations

import pytest

from bench.common import pct
from bench.http_bench import paired_ratio


def test_the_ratio_per_query_is_the_median_of_each_querys_ratio() -> None:
    # The page took 1.1x, 1.2x and 2x its search's time for the three queries.
    assert paired_ratio([1.1, 2.4, 8.0], [1.0, 2.0, 4.0]) == pytest.approx(1.2)


def test_one_slow_answer_moves_the_ratio_by_one_query_at_most() -> None:
    # Every page costs 1.1x its search; one page was answered at a busy moment (3x). The two
    # paths' p50s then belong to different queries (3.3 / 2.0); per query, the slow one is
    # one of three ratios and the median stays 1.1.
    search = [1.0, 2.0, 3.0]
    page = [1.1, 2.2 * 3, 3.3]
    assert pct(page, 50) / pct(search, 50) == pytest.approx(1.65)
    assert paired_ratio(page, search) == pytest.approx(1.1)


def test_the_two_lists_are_the_same_queries() -> None:
    with pytest.raises(ValueError):
        paired_ratio([1.0, 2.0], [1.0])
