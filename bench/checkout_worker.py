"""A worker process running code against another checkout of Warta, for the benches that compare
two checkouts in one run (``--baseline DIR``): each side is a process with this interpreter and
its packages but the ``indexer`` and ``search_api`` of its checkout (its working directory,
which ``python -c`` puts first on ``sys.path``), fed
pickled jobs on stdin and answering pickled ``(seconds, result)`` on stdout. The two sides take
turns on the same jobs, so both see the same load on a shared machine."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

# The worker's script: ``setup`` (which reads ``sys.argv[1:]``: the checkout first, then the
# worker's arguments) once, then for each job ``job`` (names the result ``result``), timed by
# ``clock`` (a function of ``time``), then ``send`` (untimed: what of ``result`` to send back).
_SCRIPT = """
import pickle, sys, time
{setup}
def _job(job):
{job}
    return result
inp, out = sys.stdin.buffer, sys.stdout.buffer
while True:
    try:
        job = pickle.load(inp)
    except EOFError:
        break
    t0 = time.{clock}()
    result = _job(job)
    took = time.{clock}() - t0
    pickle.dump((took, {send}), out)
    out.flush()
"""


def worker_script(setup: str, job: str, clock: str = "process_time", send: str = "result"
                  ) -> str:
    """The script of a :class:`CheckoutWorker`: ``setup`` run once, ``job`` (a function body's
    statements over ``job``, setting ``result``, indented 4) per job; its ``clock`` time is sent
    back with the expression ``send`` (over ``result``, not timed)."""
    return _SCRIPT.format(setup=setup, job=job, clock=clock, send=send)


class CheckoutWorker:
    """``code`` (a :func:`worker_script`) run in checkout ``root`` with ``args``; :meth:`run`
    sends one job and adds the seconds it reports."""

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
