"""Check that indexer.entities finds exactly the entities a reference version of the extractor
finds, and time both (process-time µs per corpus article, fresh model each, interleaved, each
in a worker process).

The reference is the extractor of another git revision (by default HEAD): its ``indexer``
package is taken from ``git archive REV``, its compiled modules are built in a temporary
directory, and it runs in a subprocess of its own (so any two versions compare, whatever their
modules and compiled cores look like). Both read this checkout's model and gazetteer files.
Compared: every corpus body and title, every sentence of the gold NER sets, and odd inputs
(empty, huge, emoji, control characters, HTML, random strings); and the current version with
tiny caches (emptied all the time) against the reference.
Usage: ``.venv/bin/python -m scripts.check_entities --shared ../shared [--rev REV]``.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import pickle
import random
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD_SETS = (
    "eval/ner/idner-news-2k/train.txt",
    "eval/ner/idner-news-2k/dev.txt",
    "eval/ner/nergrit/nergrit_train.txt",
    "eval/ner/nergrit/nergrit_valid.txt",
)
Mentions = list[tuple[str, str, int, int]]


# --- the reference: another revision, built apart, run in a worker process ------------------------
def build_reference(rev: str, into: Path) -> Path:
    """A directory holding the ``indexer`` package of ``rev`` with its compiled modules built
    (a wheel of that revision's project files, unpacked)."""
    src = into / "src"
    src.mkdir()
    archive = subprocess.run(["git", "archive", rev], cwd=ROOT, capture_output=True, check=True)
    tar = into / "src.tar"
    tar.write_bytes(archive.stdout)
    with tarfile.open(tar) as tf:
        tf.extractall(src, filter="data")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(into / "wheel"),
         str(src)], check=True,
    )
    (wheel,) = (into / "wheel").glob("*.whl")
    lib = into / "lib"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(lib)
    return lib


class Worker:
    """The extractor of a directory holding an ``indexer`` package, in a process of its own."""

    def __init__(self, lib: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "--worker", str(lib)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        )

    def call(self, op: str, texts: Sequence[str]) -> Any:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        pickle.dump((op, list(texts)), self.proc.stdin)
        self.proc.stdin.flush()
        return pickle.load(self.proc.stdout)

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait()


def serve(lib: Path) -> None:
    """The worker's loop: requests (op, texts) on stdin, pickled answers on stdout."""
    # the ``indexer`` package of ``lib`` (another revision's, built apart), ahead of the one
    # this interpreter has installed: what the worker is for
    sys.path.insert(0, str(lib))
    import indexer.entities as module

    model = module.load_model()
    while True:
        try:
            op, texts = pickle.load(sys.stdin.buffer)
        except EOFError:
            return
        if op == "extract":
            out: Any = [[(e.name, e.type, e.start, e.end)
                         for e in module.extract_entities(t, model)] for t in texts]
        elif op == "mentions":
            out = article_mentions(texts)
        else:
            out = time_cold(module, texts)
        pickle.dump(out, sys.stdout.buffer)
        sys.stdout.buffer.flush()


def time_cold(module: Any, bodies: Sequence[str]) -> float:
    """µs of process time per body for a fresh model, loaded before the clock starts."""
    module.load_model.cache_clear()
    model = module.load_model()
    extract = module.extract_entities
    gc.collect()
    t0 = time.process_time()
    for body in bodies:
        extract(body, model)
    seconds = time.process_time() - t0
    module.load_model.cache_clear()
    return seconds / len(bodies) * 1e6


def article_mentions(articles: Sequence[tuple[str, str]]) -> list[list[tuple[Any, ...]]]:
    """The mentions of each (headline, body) as ``indexer.mentions`` finds them, as tuples."""
    from indexer.mentions import article_mentions as found

    return [[(m.type, m.name, m.field, m.start, m.end) for m in found(title, body)]
            for title, body in articles]


# --- inputs -------------------------------------------------------------------------------------
def corpus_texts(path: Path) -> tuple[list[str], list[str]]:
    """The bodies and titles of the corpus articles (``path``: the corpus file)."""
    bodies: list[str] = []
    titles: list[str] = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            record: dict[str, Any] = json.loads(line)
            bodies.append(str(record.get("body") or ""))
            titles.append(str(record.get("title") or ""))
    return bodies, titles


def odd_texts(bodies: list[str], n_random: int, seed: int = 7) -> list[str]:
    """Edge cases, and random strings made of what runs are made of."""
    huge = "\n".join(bodies[:400])
    texts = [
        "", " ", "\n", "A", "a", ".", "(", "( KPK )", "Presiden", "PT", "Desa", "desa Kramas",
        huge, huge.replace("\n", " "), huge.upper(), huge.lower(), huge.title(),
        " ".join(["Joko"] * 5000), " ".join(f"Kata{i}" for i in range(3000)),
        "Kementerian Pemuda dan Olahraga (Kemenpora) dan Komisi Penyiaran Indonesia ( KPI ) .",
        "🇮🇩 Jokowi 😀 bertemu Prabowo 👍 di Istana Merdeka 🏛️ Jakarta",
        "Joko\x00Widodo \x07Jakarta\x1b[31m Bandung\x0bSurabaya\x1cMedan\x85Bali\u2028Aceh\u2029X",
        "<p>Presiden <b>Joko Widodo</b> di <a href='x'>Jakarta</a></p>&nbsp;Bank&amp;Indonesia",
        "ΑΘΗΝΑΣ Σ ΟΔΟΣ Σίσυφος İstanbul İZMİR ǅemal ẞTRASSE Ǉubljana ﬁnance Ⅻ Ⓐb",
        "Stephen R . Covey , Catherine Zeta - Jones , O ' Neil dan Abu Bakar bin Umar Al-Fatih",
        "AS Joe Biden , Presiden AS Donald Trump , SBY , Pak Jokowi , Bu Sri Mulyani",
        "\t".join(bodies[:3]), "\r\n".join(bodies[3:6]),
    ]
    rng = random.Random(seed)
    pieces = [
        "Joko", "Widodo", "Jakarta", "Bank", "Indonesia", "KPK", "AS", "PT", "Tbk", "Presiden",
        "Menteri", "Kementerian", "Pemuda", "dan", "Olahraga", "desa", "Desa", "bin", "van",
        "de", "of", "the", "Al", "R", ".", ",", "-", "'", "’", "(", ")", "( UMS )", "(KPI)",
        "1", "2019", "\n", "\t", '"', "“", ":", "Senin", "yang", "di", "ke", "Jokowi", "Sri",
        "Mulyani", "Universitas", "Muhammadiyah", "Surakarta", "UMS", "Éric", "ÖZIL", "x",
        "Komisi", "Penyiaran", "KPI", "Kota", "kota", "Badan", "Meteorologi", "Klimatologi",
        "Geofisika", "😀", "\x00", "_", "Abc_Def", "İ", "ΣΑΣ", "\xa0", "\u200b", "\u2028", "\r",
    ]
    for _ in range(n_random):
        k = rng.randint(1, 40)
        texts.append("".join(rng.choice(pieces) + rng.choice(("", " ", " ", " ", "  "))
                             for _ in range(k)))
    return texts


def extractor(module: Any, model: Any) -> Callable[[str], Mentions]:
    """``module.extract_entities`` with ``model``, mentions as plain tuples."""

    def extract(text: str) -> Mentions:
        return [(e.name, e.type, e.start, e.end) for e in module.extract_entities(text, model)]

    return extract


def compare(label: str, texts: Sequence[Any], ref: Worker, new: Callable[[Any], list[Any]],
            op: str = "extract") -> int:
    """Count texts and print the first ones whose mentions differ; returns the mismatches."""
    want = ref.call(op, texts)
    bad = mentions = 0
    for text, a in zip(texts, want, strict=True):
        b = new(text)
        mentions += len(a)
        if a != b:
            bad += 1
            if bad <= 5:
                print(f"  DIFFERENT {text[:120]!r}:\n    reference {a[:8]}\n    current   {b[:8]}")
    print(f"{label:<34} {len(texts):>7,} texts {mentions:>9,} mentions   {bad} differ")
    return bad


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--rev", default="HEAD", help="git revision of the reference")
    parser.add_argument("--random", type=int, default=20_000, help="random odd strings")
    parser.add_argument("--rounds", type=int, default=2, help="timing rounds (0: no timing)")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker is not None:
        serve(args.worker)
        return

    import indexer.entities as current
    from indexer.entities.model import model_from_payload, read_payload
    from scripts.eval_ner import CORPUS, load_sentences

    with tempfile.TemporaryDirectory() as tmp:
        print(f"building the reference ({args.rev}) ...", flush=True)
        ref = Worker(build_reference(args.rev, Path(tmp)))
        new = extractor(current, current.load_model())
        bodies, titles = corpus_texts(args.shared / CORPUS)
        bad = compare("corpus bodies", bodies, ref, new)
        bad += compare("corpus titles", titles, ref, new)
        articles = list(zip(titles, bodies, strict=True))
        bad += compare("corpus articles (headline + body)", articles, ref,
                       lambda a: article_mentions([a])[0], op="mentions")
        for name in GOLD_SETS:
            path = args.shared / name
            if path.exists():
                bad += compare(name, [s.text for s in load_sentences(path)], ref, new)
            else:
                print(f"{name}: missing, skipped")
        bad += compare("odd and random inputs", odd_texts(bodies, args.random), ref, new)
        # The caches empty themselves when full: how soon must not change a thing.
        tiny = extractor(current, model_from_payload(read_payload(), cache_limits=(50, 50)))
        bad += compare("corpus bodies, tiny caches", bodies[:3000], ref, tiny)
        del new, tiny
        gc.collect()

        # Both timed in worker processes of the same make: this process's heap (the corpus,
        # every output) would slow its garbage collector down.
        workers = {"reference": ref, "current": Worker(ROOT)}
        times: dict[str, list[float]] = {"reference": [], "current": []}
        for r in range(args.rounds):
            for name in ("reference", "current") if r % 2 == 0 else ("current", "reference"):
                took = workers[name].call("time", bodies)
                times[name].append(took)
                print(f"round {r + 1} {name:<9} {took:6.1f} µs/article", flush=True)
        for worker in workers.values():
            worker.close()
    if args.rounds:
        best_ref, best_new = min(times["reference"]), min(times["current"])
        print(f"best: reference {best_ref:.1f} µs/article, current {best_new:.1f} µs/article "
              f"({best_ref / best_new:.2f}x)")
    if bad:
        sys.exit(f"{bad} texts differ")


if __name__ == "__main__":
    main()
