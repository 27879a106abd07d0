"""Where a server's time goes: its CPU seconds from /proc, and py-spy samples summarised."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import TracebackType

_TICKS = os.sysconf("SC_CLK_TCK")
_FRAME_RE = re.compile(r"^(?P<func>.*?) \((?P<file>[^:()]*)(?::\d+)?\)$")


def _tree(pid: int) -> list[int]:
    """``pid`` and every descendant (uvicorn's worker processes)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        for task in Path(f"/proc/{p}/task").glob("*/children"):
            todo.extend(int(c) for c in task.read_text().split())
    return out


def server_cpu(pid: int) -> float:
    """CPU seconds (user + system) so far of ``pid`` and its descendants."""
    total = 0
    for p in _tree(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14, 15)
    return total / _TICKS


def _frame(frame: str) -> str:
    m = _FRAME_RE.match(frame)
    if not m:
        return frame
    file = m["file"]
    for marker in ("/site-packages/", "/search_api/", "/indexer/", "/lib/python3"):
        if marker in file:
            file = marker.strip("/") + "/" + file.split(marker, 1)[1]
            break
    return f"{m['func']} ({file})"


def summarise(raw: Path, top: int = 18) -> str:
    """Self and inclusive shares of the samples in py-spy's ``raw`` (collapsed) output."""
    self_time: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    total = 0
    for line in raw.read_text().splitlines():
        stack, _, n = line.rpartition(" ")
        if not stack or not n.isdigit():
            continue
        count = int(n)
        frames = [_frame(f) for f in stack.split(";")]
        total += count
        self_time[frames[-1]] += count
        for f in set(frames):
            inclusive[f] += count
    if not total:
        return "  (no samples)"
    lines = [f"  {total} samples; inclusive:"]
    lines += [f"    {100 * c / total:5.1f}%  {f}" for f, c in inclusive.most_common(top)]
    lines.append("  self:")
    lines += [f"    {100 * c / total:5.1f}%  {f}" for f, c in self_time.most_common(top)]
    return "\n".join(lines)


class Profiler:
    """``with Profiler(pid, out):`` samples ``pid`` (and its worker processes) with py-spy."""

    def __init__(self, pid: int, out: Path) -> None:
        self.pid, self.out = pid, out
        self.proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Profiler:
        exe = (shutil.which("py-spy", path=str(Path(sys.executable).parent))
               or shutil.which("py-spy"))
        if exe is None:
            raise SystemExit("py-spy is not installed: pip install -e '.[bench]'")
        self.proc = subprocess.Popen(
            [exe, "record", "--pid", str(self.pid), "--subprocesses", "--rate", "250",
             "--format", "raw", "--output", str(self.out)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGINT)
        self.proc.wait(60)
