"""The day of a date histogram's key by arithmetic equals the day by time-zone conversion."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from search_api import facets as F

# keys from year 2 to year 9998 (milliseconds since the epoch, UTC)
KEYS = st.integers(-62_100_000_000_000, 253_300_000_000_000)


def _reference(key: float) -> object:
    return (datetime(1970, 1, 1, tzinfo=UTC) + timedelta(milliseconds=key)).astimezone(
        F.DAY_TZ).date()


@settings(max_examples=2_000, deadline=None)
@given(KEYS, st.sampled_from([0, 1, -1, 7 * 3_600_000, -7 * 3_600_000, 17 * 3_600_000]))
def test_the_day_of_a_key_is_its_day_in_the_day_zone(key: int, near: int) -> None:
    for k in (key, key + near, float(key + near)):  # integral floats too (tantivy's keys)
        assert F.day_of(k) == _reference(k)


def test_a_bucket_of_a_day_starts_at_midnight_in_the_day_zone() -> None:
    midnight = datetime(2019, 9, 15, tzinfo=F.DAY_TZ)
    key = (midnight - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(milliseconds=1)
    assert str(F.day_of(key)) == "2019-09-15" and str(F.day_of(key - 1)) == "2019-09-14"
