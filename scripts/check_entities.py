"""Check that indexer.entities finds exactly the entities a reference copy of the module finds,
and time both (process-time µs per corpus article, fresh model each, interleaved).

The reference is another version of ``indexer/entities.py`` (by default the committed one,
``git show HEAD:indexer/entities.py``), imported as a module of its own; both load the same
model and gazetteer files. Compared: every corpus body and title, every sentence of the gold
NER sets, and odd inputs (empty, huge, emoji, control characters, HTML, random strings).
Usage: ``.venv/bin/python scripts/check_entities.py --shared ../shared [--rev REV | --reference
FILE]``. A version from HEAD on uses the compiled core (``indexer/_ner.pyx``) of this checkout
too; to check a change of that core, compare with the last pure-Python extractor,
``--rev 2bb6a09``.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import importlib.util
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from eval_ner import CORPUS, load_sentences  # noqa: E402

import indexer.entities as current  # noqa: E402

GOLD_SETS = (
    "eval/ner/idner-news-2k/train.txt",
    "eval/ner/idner-news-2k/dev.txt",
    "eval/ner/nergrit/nergrit_train.txt",
    "eval/ner/nergrit/nergrit_valid.txt",
)
Extract = Callable[[str], list[tuple[str, str, int, int]]]


def load_reference(path: Path | None, rev: str = "HEAD") -> ModuleType:
    """The reference module, reading the same data files as ``indexer.entities``."""
    if path is None:
        source = subprocess.run(
            ["git", "show", f"{rev}:indexer/entities.py"], cwd=ROOT, capture_output=True,
            check=True, text=True,
        ).stdout
        with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as fh:
            fh.write(source)
        path = Path(fh.name)
    spec = importlib.util.spec_from_file_location("entities_reference", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    module.GAZETTEER_LOC_PATH = current.GAZETTEER_LOC_PATH
    module.GAZETTEER_ORG_PATH = current.GAZETTEER_ORG_PATH
    return module


def extractor(module: ModuleType) -> Extract:
    """``module.extract_entities`` with a model of its own, mentions as plain tuples."""
    model = module.load_model(current.MODEL_PATH)

    def extract(text: str) -> list[tuple[str, str, int, int]]:
        return [(e.name, e.type, e.start, e.end) for e in module.extract_entities(text, model)]

    return extract


def corpus_texts(shared: Path) -> tuple[list[str], list[str]]:
    """The bodies and titles of the corpus articles."""
    bodies: list[str] = []
    titles: list[str] = []
    with gzip.open(shared / CORPUS, "rt", encoding="utf-8") as fh:
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


def compare(label: str, texts: Iterable[str], ref: Extract, new: Extract) -> int:
    """Count texts and print the first ones whose mentions differ; returns the mismatches."""
    n = bad = mentions = 0
    for text in texts:
        n += 1
        a, b = ref(text), new(text)
        mentions += len(a)
        if a != b:
            bad += 1
            if bad <= 5:
                print(f"  DIFFERENT {text[:120]!r}:\n    reference {a[:8]}\n    current   {b[:8]}")
    print(f"{label:<34} {n:>7,} texts {mentions:>9,} mentions   {bad} differ")
    return bad


def time_cold(module: ModuleType, bodies: list[str]) -> float:
    """µs of process time per body for a fresh model, loaded before the clock starts."""
    module.load_model.cache_clear()
    model = module.load_model(current.MODEL_PATH)
    extract = module.extract_entities
    gc.collect()
    t0 = time.process_time()
    for body in bodies:
        extract(body, model)
    seconds = time.process_time() - t0
    module.load_model.cache_clear()
    return seconds / len(bodies) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--reference", type=Path, help="reference entities.py (default: --rev)")
    parser.add_argument("--rev", default="HEAD", help="git revision of the reference module")
    parser.add_argument("--random", type=int, default=20_000, help="random odd strings")
    parser.add_argument("--rounds", type=int, default=2, help="timing rounds (0: no timing)")
    args = parser.parse_args()

    reference = load_reference(args.reference, args.rev)
    stamp = current.MODEL_PATH.stat().st_mtime_ns
    ref, new = extractor(reference), extractor(current)
    bodies, titles = corpus_texts(args.shared)
    bad = compare("corpus bodies", bodies, ref, new)
    bad += compare("corpus titles", titles, ref, new)
    for name in GOLD_SETS:
        path = args.shared / name
        if path.exists():
            bad += compare(name, (s.text for s in load_sentences(path)), ref, new)
        else:
            print(f"{name}: missing, skipped")
    bad += compare("odd and random inputs", odd_texts(bodies, args.random), ref, new)
    # The caches empty themselves when full: how soon must not change a thing.
    limits = current._MAX_WORD_CACHE, current._MAX_RUN_CACHE
    current._MAX_WORD_CACHE = current._MAX_RUN_CACHE = 50
    current.load_model.cache_clear()
    bad += compare("corpus bodies, tiny caches", bodies[:3000], ref, extractor(current))
    current._MAX_WORD_CACHE, current._MAX_RUN_CACHE = limits
    current.load_model.cache_clear()
    if current.MODEL_PATH.stat().st_mtime_ns != stamp:
        print("the model file changed while checking: run again")
    del ref, new
    gc.collect()

    times: dict[str, list[float]] = {"reference": [], "current": []}
    for r in range(args.rounds):
        order = [("reference", reference), ("current", current)]
        for name, module in order if r % 2 == 0 else order[::-1]:
            times[name].append(time_cold(module, bodies))
            print(f"round {r + 1} {name:<9} {times[name][-1]:6.1f} µs/article", flush=True)
    if args.rounds:
        best_ref, best_new = min(times["reference"]), min(times["current"])
        print(f"best: reference {best_ref:.1f} µs/article, current {best_new:.1f} µs/article "
              f"({best_ref / best_new:.2f}x)")
    if bad:
        sys.exit(f"{bad} texts differ")


if __name__ == "__main__":
    main()
