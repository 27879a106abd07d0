from __future__ import annotations

import gzip
from datetime import UTC, datetime
from pathlib import Path

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.dates import ParsedDate, _parse, parse_date


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "expected", "has_time"),
    [
        ("Senin, 25 Maret 2024 14:30 WIB", utc(2024, 3, 25, 7, 30), True),
        ("25/03/2024 14.30", utc(2024, 3, 25, 7, 30), True),
        ("10/09/2019", utc(2019, 9, 9, 17, 0), False),  # day first: 10 September
        ("Mar 25, 2024", utc(2024, 3, 24, 17, 0), False),
        ("25 Mar 2024", utc(2024, 3, 24, 17, 0), False),
        ("2019-09-10", utc(2019, 9, 9, 17, 0), False),
        ("2019-10-09", utc(2019, 10, 8, 17, 0), False),  # ISO is never day first
        ("2024-03-25T14:30:00+07:00", utc(2024, 3, 25, 7, 30), True),
        ("2024-03-25T14:30:00Z", utc(2024, 3, 25, 14, 30), True),
        ("2024-03-25 14:30 +0800", utc(2024, 3, 25, 6, 30), True),
        ("Selasa (10/9/2019)", utc(2019, 9, 9, 17, 0), False),
        ("Jum'at, 13 September 2019", utc(2019, 9, 12, 17, 0), False),
        ("10-Sep-19", utc(2019, 9, 9, 17, 0), False),
        ("Juli 31, 2019", utc(2019, 7, 30, 17, 0), False),
        ("Oktober 07, 2019", utc(2019, 10, 6, 17, 0), False),
        ("1 Januari 2024", utc(2023, 12, 31, 17, 0), False),
        ("3 Mei 2019", utc(2019, 5, 2, 17, 0), False),
        ("17 Agustus 2019 10:00 WIB", utc(2019, 8, 17, 3, 0), True),
        ("17 Agu 2019", utc(2019, 8, 16, 17, 0), False),
        ("17 Agt 2019", utc(2019, 8, 16, 17, 0), False),
        ("17 Ags 2019", utc(2019, 8, 16, 17, 0), False),
        ("17 Agust 2019", utc(2019, 8, 16, 17, 0), False),
        ("5 Sept 2019", utc(2019, 9, 4, 17, 0), False),
        ("5 Okt 2019", utc(2019, 10, 4, 17, 0), False),
        ("5 Des 2019", utc(2019, 12, 4, 17, 0), False),
        ("5 Februari 2020", utc(2020, 2, 4, 17, 0), False),
        ("Kamis, 5 December 2019", utc(2019, 12, 4, 17, 0), False),
        ("Rabu, 11 September 2019 08.00 WITA", utc(2019, 9, 11, 0, 0), True),
        ("Rabu, 11 September 2019 08.00 WIT", utc(2019, 9, 10, 23, 0), True),
        ("25 Maret 2024 14:30 GMT+7", utc(2024, 3, 25, 7, 30), True),
        ("25 Maret 2024 14:30 UTC+08:00", utc(2024, 3, 25, 6, 30), True),
        ("25 Maret 2024 pukul 14.30 WIB", utc(2024, 3, 25, 7, 30), True),
    ],
)
def test_formats(text: str, expected: datetime, has_time: bool) -> None:
    parsed = parse_date(text)
    assert parsed == ParsedDate(value=expected, reason=None, has_time=has_time)
    assert parsed.value is not None and parsed.value.tzinfo is UTC


@pytest.mark.parametrize(
    ("text", "time", "expected"),
    [
        ("2019-09-10", "13:30 WIB", utc(2019, 9, 10, 6, 30)),
        ("2019-09-10", "13:30 WITA", utc(2019, 9, 10, 5, 30)),
        ("2019-09-10 00:00:00", "16:27:00", utc(2019, 9, 10, 9, 27)),
        ("10-Sep-19", "21:28", utc(2019, 9, 10, 14, 28)),
        ("2019-09-10", "13.30", utc(2019, 9, 10, 6, 30)),
        ("2019-09-10", "13:30 GMT+8", utc(2019, 9, 10, 5, 30)),
    ],
)
def test_separate_time_field(text: str, time: str, expected: datetime) -> None:
    assert parse_date(text, time) == ParsedDate(value=expected, reason=None, has_time=True)


@pytest.mark.parametrize("time", [None, "", "-", "  "])
def test_missing_time_is_midnight_wib(time: str | None) -> None:
    assert parse_date("2019-09-10", time) == ParsedDate(
        value=utc(2019, 9, 9, 17, 0), reason=None, has_time=False
    )


@pytest.mark.parametrize(
    ("text", "time"),
    [
        (None, None),
        ("", None),
        ("   ", None),
        ("kemarin", None),
        ("32/13/2024", None),
        ("99:99", None),
        ("14:30", None),  # no date
        ("Maret 2024", None),  # no day
        ("25 Maret", None),  # no year
        ("x" * 1_000_000, None),
        ("😀😀", None),
        ("1899-12-31", None),
        ("1 Januari 2101", None),
        ("25 Maret 2024 14:30 EST", None),
        ("2019-09-10", "99:99"),
        ("2019-09-10", "kemarin"),
        ("2019-09-10", "1" * 1_000_000),
    ],
)
def test_garbage_is_rejected_with_reason(text: str | None, time: str | None) -> None:
    parsed = parse_date(text, time)
    assert parsed.value is None
    assert parsed.reason
    assert parsed.has_time is False


def test_non_string_is_rejected() -> None:
    assert parse_date(20190910).value is None  # type: ignore[arg-type]


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=300), st.one_of(st.none(), st.text(max_size=40)))
def test_never_raises(text: str, time: str | None) -> None:
    parsed = parse_date(text, time)
    assert (parsed.value is None) != (parsed.reason is None)
    if parsed.value is not None:
        assert parsed.value.tzinfo is UTC
        assert 1899 <= parsed.value.year <= 2101


DATEISH = st.lists(
    st.one_of(
        st.sampled_from(["Senin", ",", "(", ")", "/", "-", ".", ":", " ", "WIB", "WITA", "GMT+7"]),
        st.sampled_from(["Maret", "Agt", "Sept", "Des", "Mei", "T", "Z", "+07:00", "pukul"]),
        st.integers(min_value=0, max_value=99999).map(str),
    ),
    max_size=12,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(DATEISH, st.one_of(st.none(), DATEISH))
def test_never_raises_on_dateish_soup(text: str, time: str | None) -> None:
    parsed = parse_date(text, time)
    assert (parsed.value is None) != (parsed.reason is None)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(DATEISH, st.one_of(st.none(), DATEISH)), min_size=1, max_size=8))
def test_a_remembered_parse_equals_a_fresh_one(pairs: list[tuple[str, str | None]]) -> None:
    """Repeated dates are answered from a bounded memo: asked in any order and again, each
    answer equals the one worked out afresh (:func:`indexer.dates._parse`)."""
    for text, time in pairs + pairs[::-1]:
        assert parse_date(text, time) == _parse(text, time)


def test_every_corpus_date_is_remembered_as_it_parses(shared_dir: Path) -> None:
    with gzip.open(shared_dir / "corpus" / "clickid-news" / "articles.jsonl.gz", "rb") as f:
        pairs = {(r["date"], r.get("time_raw")) for r in map(orjson.loads, f)
                 if isinstance(r.get("date"), str)}
    assert len(pairs) > 200
    for text, time in sorted(pairs, key=str) * 2:
        assert parse_date(text, time) == _parse(text, time)
