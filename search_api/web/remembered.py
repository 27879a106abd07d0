"""A dict that makes each missing value when it is first asked for (:class:`Remembered`)."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Remembered(dict[K, V]):
    """``make(key)`` of each key asked for, kept until ``size`` keys are, then all forgotten.

    A page's loops look up each value's markup with ``table[key]`` at a dict's cost, where an
    ``lru_cache``'d function costs a call, a key tuple and its hash per look-up."""

    __slots__ = ("_make", "_size")

    def __init__(self, make: Callable[[K], V], size: int) -> None:
        super().__init__()
        self._make = make
        self._size = size

    def __missing__(self, key: K) -> V:
        if len(self) >= self._size:
            self.clear()
        value = self[key] = self._make(key)
        return value
