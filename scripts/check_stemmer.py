"""Check that indexer.stemmer's fast Sastrawi stems every stemmable corpus word exactly as plain
PySastrawi does, and time both (µs per call, each word stemmed once, fresh stemmer).

Plain Sastrawi runs in a child process (``--plain``), since patching changes Sastrawi's modules
for the rest of the process. Usage: ``.venv/bin/python -m scripts.check_stemmer --shared ../shared``
"""

from __future__ import annotations

import argparse
import gzip
import subprocess
import sys
import time
from pathlib import Path

import orjson

from indexer.analysis import MAX_STEM_LEN, STEMMABLE_RE, WORD_RE

CORPUS = Path("corpus") / "clickid-news" / "articles.jsonl.gz"


def stemmable_words(corpus: Path) -> list[str]:
    """Every distinct lowercase word of the corpus's titles and bodies that Sastrawi stems."""
    words: set[str] = set()
    with gzip.open(corpus, "rb") as f:
        for line in f:
            record = orjson.loads(line)
            for field in ("title", "body"):
                words.update(WORD_RE.findall(str(record.get(field) or "").lower()))
    return sorted(w for w in words if len(w) <= MAX_STEM_LEN and STEMMABLE_RE.fullmatch(w))


def stem_all(words: list[str], fast: bool) -> tuple[list[str], float]:
    """Stems of ``words`` and the seconds it took (stemmer built before the clock starts)."""
    if fast:
        from indexer.stemmer import create_stemmer

        stemmer = create_stemmer()
    else:
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

        stemmer = StemmerFactory().create_stemmer().delegatedStemmer
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
        stems, seconds = stem_all(words, fast=False)
        sys.stdout.buffer.write(orjson.dumps({"stems": stems, "seconds": seconds}))
        return

    words = stemmable_words(args.shared / CORPUS)
    print(f"{len(words):,} distinct stemmable words")
    child = subprocess.run([sys.executable, "-m", "scripts.check_stemmer", "--plain"],
                           input=orjson.dumps(words), capture_output=True, check=True,
                           cwd=Path(__file__).resolve().parents[1])
    plain = orjson.loads(child.stdout)
    fast_stems, fast_seconds = stem_all(words, fast=True)
    differ = [(w, p, f) for w, p, f in zip(words, plain["stems"], fast_stems, strict=True)
              if p != f]
    changed = sum(1 for w, s in zip(words, fast_stems, strict=True) if s != w)
    n = len(words)
    print(f"plain Sastrawi {plain['seconds'] / n * 1e6:6.1f} µs/word   "
          f"fast {fast_seconds / n * 1e6:6.1f} µs/word   "
          f"({plain['seconds'] / fast_seconds:.2f}x; {changed:,} words change when stemmed)")
    if differ:
        for w, p, f in differ[:20]:
            print(f"  DIFFERENT {w!r}: plain {p!r} fast {f!r}")
        sys.exit(f"{len(differ):,} of {n:,} words stem differently")
    print(f"identical: all {n:,} stems equal")


if __name__ == "__main__":
    main()
