"""Accept-style request headers (``Accept``, ``Accept-Language``): their entries and q-values."""

from __future__ import annotations


def entries(header: str) -> list[tuple[str, float]]:
    """Each comma-separated entry's token (stripped, case kept) and its q-value: 1.0 when it
    has none, 0.0 when it is unreadable."""
    out: list[tuple[str, float]] = []
    for part in header.split(","):
        token, _, params = part.partition(";")
        q = 1.0
        for param in params.split(";"):
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        out.append((token.strip(), q))
    return out
