"""A real single-node OpenSearch on 127.0.0.1, embedded in a JVM (``opensearch/``).

``python -m indexer.opensearch_node`` (``make opensearch``) builds the launcher if needed and runs
a node in the foreground, printing its URL; ``--build-only`` just builds it (what ``make test``
installs). :func:`running_node` starts one for a test session or a benchmark and stops it.
Maven fetches the jars from Maven Central into ``~/.m2`` on the first build.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final

NODE_DIR: Final = Path(__file__).resolve().parents[1] / "opensearch"
JAR: Final = NODE_DIR / "target" / "warta-opensearch-node-1.jar"
LIB: Final = NODE_DIR / "target" / "lib"
MAIN_CLASS: Final = "warta.OpenSearchNode"
URL_PREFIX: Final = "OPENSEARCH_URL "
DEFAULT_HEAP: Final = "512m"  # a 22k-article index needs far less; see docs/scale.md
START_TIMEOUT: Final = 180.0


class NodeError(Exception):
    """The launcher could not be built or the node did not start."""


def _sources() -> list[Path]:
    return [NODE_DIR / "pom.xml", *sorted((NODE_DIR / "src").rglob("*.java"))]


def build_launcher() -> None:
    """``mvn package`` unless the jar is newer than the pom and the Java sources."""
    if JAR.exists() and LIB.is_dir() and all(
        JAR.stat().st_mtime >= p.stat().st_mtime for p in _sources()
    ):
        return
    mvn = shutil.which("mvn")
    if mvn is None:
        raise NodeError("Maven (mvn) is not installed: it builds the OpenSearch launcher")
    proc = subprocess.run([mvn, "-q", "-B", "package"], cwd=NODE_DIR, capture_output=True,
                          text=True, check=False)
    if proc.returncode != 0:
        raise NodeError(f"mvn package failed in {NODE_DIR}:\n{proc.stdout}\n{proc.stderr}")


def command(heap: str = DEFAULT_HEAP, port: int = 0) -> list[str]:
    java = shutil.which("java")
    if java is None:
        raise NodeError("java is not installed: the OpenSearch node runs on Java 17")
    classpath = f"{JAR}{os.pathsep}{LIB}/*"
    return [java, f"-Xms{heap}", f"-Xmx{heap}", "-cp", classpath, MAIN_CLASS, str(port)]


@contextmanager
def running_node(heap: str = DEFAULT_HEAP, log_path: Path | None = None) -> Iterator[str]:
    """Start a node with a fresh temp data dir; yield its URL; stop it (its data is removed).

    The node also stops when this process dies: it exits when its stdin closes."""
    build_launcher()
    log = open(log_path, "wb") if log_path else subprocess.DEVNULL  # noqa: SIM115
    proc = subprocess.Popen(
        command(heap), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log,
        env={**os.environ, "WARTA_NODE_STDIN": "1"},
    )
    try:
        url = _wait_for_url(proc)
        # Keep reading whatever else the node prints, so a full pipe never blocks it.
        threading.Thread(target=proc.stdout.read, daemon=True).start()  # type: ignore[union-attr]
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdin:
            proc.stdin.close()
        if proc.stdout:
            proc.stdout.close()
        if log is not subprocess.DEVNULL:
            log.close()  # type: ignore[union-attr]


def _wait_for_url(proc: subprocess.Popen[bytes]) -> str:
    assert proc.stdout is not None
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            raise NodeError(f"the OpenSearch node exited with code {proc.wait()} before starting")
        text = line.decode("utf-8", "replace").strip()
        if text.startswith(URL_PREFIX):
            return text[len(URL_PREFIX):]
    raise NodeError(f"the OpenSearch node did not start within {START_TIMEOUT:.0f} s")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--build-only", action="store_true")
    ap.add_argument("--port", type=int, default=0, help="HTTP port (0: a free one)")
    ap.add_argument("--heap", default=DEFAULT_HEAP)
    args = ap.parse_args(argv)
    try:
        build_launcher()
        if args.build_only:
            return 0
        return subprocess.call(command(args.heap, args.port))
    except NodeError as e:
        print(e, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())
