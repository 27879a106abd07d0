"""Names stay names: for every regency/city name of idn-area-data that PySastrawi changes, the
precision and recall of the query's hits against the articles whose raw record (title + body)
contains the name as a word, in any casing (the truth, by regex).

    python -m bench.names --index var/corpus-index     # an index of the CLICK-ID corpus

One-word names are queried as typed ("Kediri"), and again in lower and upper case (the three
must give the same hits); multi-word names as a quoted phrase. Articles the index skipped
(near-empty bodies) are left out of the truth. idn-area-data is read from the entity trainer's
cache (downloaded once and checked against its published digest).
"""

from __future__ import annotations

import csv
import gzip
import re
from pathlib import Path

import orjson
import tantivy

from bench.common import CORPUS, ROOT, arg_parser
from indexer import schema as S
from indexer import store
from indexer.analysis import Analyzer
from scripts.ner_gazetteers import fetch_idn_area
from search_api.query import build


def changed_names(data_dir: Path, analyzer: Analyzer) -> list[str]:
    """Regency/city names (without "Kabupaten"/"Kota"), Title Case, that Sastrawi changes."""
    out: set[str] = set()
    with (data_dir / "regencies.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            name = re.sub(r"^(KABUPATEN|KOTA)\s+(ADMINISTRASI\s+)?", "", row["name"].upper())
            words = name.lower().split()
            if any(analyzer.stem(w) != w for w in words):
                out.add(" ".join(w.capitalize() for w in words))
    return sorted(out)


def truth(shared: Path, names: list[str], indexed: set[str]) -> dict[str, set[str]]:
    patterns = {n: re.compile(r"(?<![^\W_])" + r"\s+".join(map(re.escape, n.split()))
                              + r"(?![^\W_])", re.IGNORECASE) for n in names}
    out: dict[str, set[str]] = {n: set() for n in names}
    with gzip.open(shared / CORPUS, "rb") as f:
        for line in f:
            d = orjson.loads(line)
            if d["id"] not in indexed:
                continue
            text = f"{d.get('title') or ''}\n{d.get('body') or ''}"
            for n, pat in patterns.items():
                if pat.search(text):
                    out[n].add(d["id"])
    return out


def main() -> None:
    ap = arg_parser(__doc__ or "")
    ap.add_argument("--index", type=Path, required=True)
    ap.add_argument("--cache", type=Path, default=ROOT / "var" / "train-cache")
    args = ap.parse_args()
    index = store.open_index(args.index)
    searcher = index.searcher()
    analyzer = store.load_analyzer(args.index)
    schema = index.schema
    everything = searcher.search(tantivy.Query.all_query(), searcher.num_docs)
    ids = {searcher.doc(a)[S.ID][0] for _s, a in everything.hits}
    names = changed_names(fetch_idn_area(args.cache), analyzer)
    expected = truth(args.shared, names, ids)

    def hits(q: str) -> set[str]:
        compiled = build(q, analyzer, schema)
        assert compiled.query is not None
        res = searcher.search(compiled.query, max(1, searcher.num_docs))
        return {searcher.doc(a)[S.ID][0] for _s, a in res.hits}

    print(f"{'name':<22} {'truth':>6} {'hits':>6} {'prec':>6} {'recall':>6}  casing")
    tp_all = hit_all = truth_all = 0
    worst: list[tuple[float, str]] = []
    for name in names:
        q = name if " " not in name else f'"{name}"'
        got = hits(q)
        same_casing = all(hits(v) == got for v in (q.lower(), q.upper()))
        want = expected[name]
        tp = len(got & want)
        prec = tp / len(got) if got else 1.0
        rec = tp / len(want) if want else 1.0
        tp_all, hit_all, truth_all = tp_all + tp, hit_all + len(got), truth_all + len(want)
        worst.append((min(prec, rec), name))
        if want or got:
            print(f"{name:<22} {len(want):>6} {len(got):>6} {prec:>6.3f} {rec:>6.3f}  "
                  f"{'same' if same_casing else 'DIFFERS'}")
    present = sum(1 for n in names if expected[n])
    print(f"{len(names)} names ({present} in the corpus); micro precision "
          f"{tp_all / max(1, hit_all):.4f}, recall {tp_all / max(1, truth_all):.4f}")
    print("lowest:", ", ".join(f"{n} {v:.3f}" for v, n in sorted(worst)[:5]))


if __name__ == "__main__":
    main()
