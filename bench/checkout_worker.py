"""A worker process running code against another checkout of Warta, for the benches that compare
two checkouts in one run (``--baseline DIR``): each side is a process with this interpreter and
its packages but the ``indexer`` and ``search_api`` of its checkout (``sys.path[0]``), fed
pickled jobs on stdin and answering pickled ``(seconds, result)`` on stdout. The two sides take
turns on the same jobs, so both see the same load on a shared machine."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any


class CheckoutWorker:
    """``code`` (a script reading ``sys.argv[1:]``: the checkout first, then ``args``) run in
    checkout ``root``; :meth:`run` sends one job and adds the seconds it reports."""

    def __init__(self, code: str, root: Path, *args: str) -> None:
        self.root = root
        self.proc = subprocess.Popen(
            [sys.executable, "-c", code, str(root), *args],
            cwd=root, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        )
        self.seconds = 0.0

    def run(self, job: Any) -> Any:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        pickle.dump(job, self.proc.stdin)
        self.proc.stdin.flush()
        took, result = pickle.load(self.proc.stdout)
        self.seconds += took
        return result

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        if self.proc.wait():
            raise RuntimeError(f"worker in {self.root} exited {self.proc.returncode}")
