"""Per-snapshot structures (:mod:`search_api.memo`) are built once and kept out of the cyclic
collector's walks, so a full collection in a busy server does not traverse them."""

from __future__ import annotations

import gc
import time
from dataclasses import dataclass, field
from typing import Any

from search_api.memo import per_snapshot


@dataclass
class Snap:
    cache: dict[str, Any] = field(default_factory=dict)


def _structure(_snap: Snap) -> dict[str, list[str]]:
    return {f"w{i}": [f"w{i}"] for i in range(1000)}  # lists: objects the collector tracks


def _walked(obj: object) -> bool:
    """Whether the collector's generations (not the frozen one) hold ``obj``."""
    return any(o is obj for o in gc.get_objects())


def test_built_structure_is_frozen_out_of_collections() -> None:
    snap = Snap()
    built = per_snapshot(snap, "k", _structure, wait=True)
    assert built is not None and built is snap.cache["k"]
    assert gc.is_tracked(built)
    assert not _walked(built)
    assert not any(_walked(v) for v in list(built.values())[:50])
    assert per_snapshot(snap, "k", lambda s: {}, wait=True) is built  # built once


def test_background_build_is_frozen_too() -> None:
    snap = Snap()
    assert per_snapshot(snap, "k", _structure, wait=False) is None
    deadline = time.monotonic() + 30
    while "k" not in snap.cache and time.monotonic() < deadline:
        time.sleep(0.01)
    built = per_snapshot(snap, "k", _structure, wait=False)
    assert built is not None
    assert not _walked(built)


def test_a_new_object_is_walked() -> None:
    """The check above can fail: an object made after the build is in a generation."""
    per_snapshot(Snap(), "k", _structure, wait=True)
    fresh: list[object] = [object()]
    assert _walked(fresh)
