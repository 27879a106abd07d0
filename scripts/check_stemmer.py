"""Check that indexer.stemmer's fast Sastrawi and its compiled port (indexer._stem) stem every
stemmable corpus word exactly as plain PySastrawi does, and time all three (µs per call, each
word stemmed once, fresh stemmer).

Plain Sastrawi runs in a child process (``--plain``), since patching changes Sastrawi's modules
for the rest of the process. Usage: ``.venv/bin/python -m scripts.check_stemmer --shared ../shared``
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import subprocess
import sys
import time
from pathlib import Path

import orjson

from indexer.analysis import MAX_STEM_LEN, STEMMABLE_RE, WORD_RE

CORPUS = Path("corpus") / "clickid-news" / "articles.jsonl.gz"
KINDS = ("patched", "compiled")


def stemmable_words(corpus: Path, limit: int | None = None) -> list[str]:
    """Every distinct lowercase word of the titles and bodies that Sastrawi stems, in the
    corpus's first ``limit`` articles (all by default)."""
    words: set[str] = set()
    with gzip.open(corpus, "rb") as f:
        for line in itertools.islice(f, limit):
            record = orjson.loads(line)
            for field in ("title", "body"):
                words.update(WORD_RE.findall(str(record.get(field) or "").lower()))
    return sorted(w for w in words if len(w) <= MAX_STEM_LEN and STEMMABLE_RE.fullmatch(w))


def stem_all(words: list[str], kind: str) -> tuple[list[str], float]:
    """Stems of ``words`` by the ``kind`` of stemmer ("plain", "patched", "compiled") and the
    seconds it took (stemmer built before the clock starts)."""
    if kind == "plain":
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

        stemmer = StemmerFactory().create_stemmer().delegatedStemmer
    else:
        from indexer.stemmer import create_compiled_stemmer, create_stemmer

        stemmer = create_stemmer() if kind == "patched" else create_compiled_stemmer()
    stem_word = stemmer.stem_word
    t0 = time.perf_counter()
    stems = [stem_word(w) for w in words]
    return stems, time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--plain", action="store_true", help="(child) stem stdin's words plainly")
    args = parser.parse_args()

    if args.plain:
        words = orjson.loads(sys.stdin.buffer.read())
        stems, seconds = stem_all(words, "plain")
        sys.stdout.buffer.write(orjson.dumps({"stems": stems, "seconds": seconds}))
        return

    words = stemmable_words(args.shared / CORPUS)
    print(f"{len(words):,} distinct stemmable words")
    child = subprocess.run([sys.executable, "-m", "scripts.check_stemmer", "--plain"],
                           input=orjson.dumps(words), capture_output=True, check=True,
                           cwd=Path(__file__).resolve().parents[1])
    plain = orjson.loads(child.stdout)
    n = len(words)
    changed = sum(1 for w, s in zip(words, plain["stems"], strict=True) if s != w)
    print(f"plain Sastrawi {plain['seconds'] / n * 1e6:6.1f} µs/word "
          f"({changed:,} words change when stemmed)")
    failed = []
    for kind in KINDS:
        stems, seconds = stem_all(words, kind)
        differ = [(w, p, s) for w, p, s in zip(words, plain["stems"], stems, strict=True)
                  if p != s]
        print(f"{kind:8} {seconds / n * 1e6:8.2f} µs/word ({plain['seconds'] / seconds:.1f}x): "
              + (f"{len(differ):,} of {n:,} words stem differently" if differ
                 else f"identical: all {n:,} stems equal"))
        for w, p, s in differ[:20]:
            print(f"  DIFFERENT {w!r}: plain {p!r} {kind} {s!r}")
        if differ:
            failed.append(kind)
    if failed:
        sys.exit(f"stems differ from plain Sastrawi: {', '.join(failed)}")


if __name__ == "__main__":
    main()
