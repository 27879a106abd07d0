"""Story clustering measured on a dev set built from ../shared (the script, never the data).

* 300 synthetic copies of corpus articles, each edited the way syndication edits: its own
  dateline, a byline, a "Baca juga: <another headline>" line, a paragraph dropped or one from
  another article added, a few words changed. Each (original, copy) pair must share a story.
* 300 hard negatives: pairs of different articles of the same day that share two or more
  entities (people, organisations, places) and are not copies of each other (5-word shingle
  Jaccard of their bodies under 0.1). Each pair must NOT share a story.
* The whole corpus plus the copies is clustered exactly as ``warta reindex`` does
  (:func:`indexer.fingerprints.fingerprint` on the cleaned body, :class:`indexer.stories.Stories`),
  and pair precision / recall are counted over the 600 labelled pairs.
* ``--pairs N`` prints N random pairs of real articles the clustering put in one story (the
  corpus's own near-copies), side by side, to be judged by reading them.

    python -m bench.stories [--pairs 50] [--seed 18]
"""

from __future__ import annotations

import gzip
import random
import re
import time
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

import orjson

from bench.common import CORPUS, arg_parser
from indexer.clean import clean_body
from indexer.dates import parse_date
from indexer.entities import extract_entities
from indexer.fingerprints import fingerprint
from indexer.stories import Stories

N_COPIES = 300
N_NEGATIVES = 300
_WORD_RE = re.compile(r"\w+")
DATELINES = ("JAKARTA - ", "Jakarta, KOMPAS.com - ", "JAKARTA, iNews.id - ",
             "Liputan6.com, Jakarta - ", "TEMPO.CO, Jakarta - ", "SURABAYA (Antara) - ")
SWAPS = {"yang": "yg", "dan": "serta", "tidak": "tak", "mengatakan": "menyatakan",
         "kata": "ujar", "sudah": "telah", "juga": "pun", "akan": "bakal", "saat": "ketika"}


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    title: str
    body: str  # cleaned, as indexed
    source: str
    day: str
    date: int | None  # epoch seconds


def load(shared_corpus: object) -> list[Article]:
    out = []
    with gzip.open(str(shared_corpus), "rb") as f:
        for line in f:
            r = orjson.loads(line)
            body = clean_body(r.get("body") or "")
            if len(body.split()) < 4:
                continue
            parsed = parse_date(r.get("date"), r.get("time_raw")).value
            out.append(Article(r["id"], r.get("title") or "", body, r.get("outlet") or "",
                               r.get("date") or "",
                               int(parsed.timestamp()) if parsed else None))
    return out


def paragraphs(body: str) -> list[str]:
    return [p.strip() for p in body.split("\n") if p.strip()]


def edited_copy(a: Article, other: Article, rng: random.Random, n: int) -> Article:
    """``a`` as another outlet would run it."""
    paras = paragraphs(a.body)
    if rng.random() < 0.5 and len(paras) > 3:
        del paras[rng.randrange(1, len(paras))]  # a paragraph dropped (never the lead)
    else:
        extra = paragraphs(other.body)
        paras.insert(rng.randrange(1, len(paras) + 1), rng.choice(extra))  # one added
    paras.insert(rng.randrange(1, len(paras) + 1), f"Baca juga: {other.title}")
    paras[0] = rng.choice(DATELINES) + paras[0]
    paras.append(f"(Reporter: {rng.choice(['Andi', 'Rina', 'Budi'])} / Editor: "
                 f"{rng.choice(['Sari', 'Dedi', 'Wulan'])})")
    text = "\n\n".join(paras)
    words = text.split(" ")
    for _ in range(rng.randint(3, 6)):  # a few words changed
        i = rng.randrange(len(words))
        words[i] = SWAPS.get(words[i], words[i][::-1] if len(words[i]) > 3 else words[i])
    later = a.date + rng.randint(600, 36_000) if a.date is not None else None
    return Article(f"copy-{n:03d}-of-{a.id}", a.title, " ".join(words), "copy-outlet", a.day,
                   later)


def shingles(body: str, k: int = 5) -> set[tuple[str, ...]]:
    w = _WORD_RE.findall(body.lower())
    return {tuple(w[i:i + k]) for i in range(max(len(w) - k + 1, 1))}


def jaccard(a: set[tuple[str, ...]], b: set[tuple[str, ...]]) -> float:
    return len(a & b) / max(len(a | b), 1)


def hard_negatives(articles: list[Article], rng: random.Random) -> list[tuple[str, str]]:
    """Same-day pairs sharing >= 2 entities that are not copies (exact 5-shingle Jaccard)."""
    by_day: dict[str, list[Article]] = defaultdict(list)
    for a in articles:
        if a.day and len(a.body.split()) >= 80:
            by_day[a.day].append(a)
    days = sorted(by_day, key=lambda d: -len(by_day[d]))[:4]
    pool: list[tuple[str, str]] = []
    for day in days:
        group = by_day[day]
        ents = {a.id: {e.name for e in extract_entities(a.body)} for a in group}
        for x, y in combinations(group, 2):
            if len(ents[x.id] & ents[y.id]) >= 2:
                pool.append((x.id, y.id))
    rng.shuffle(pool)
    body = {a.id: a.body for a in articles}
    out: list[tuple[str, str]] = []
    for x_id, y_id in pool:
        if jaccard(shingles(body[x_id]), shingles(body[y_id])) < 0.1:
            out.append((x_id, y_id))
            if len(out) == N_NEGATIVES:
                break
    return out


def cluster(articles: list[Article]) -> tuple[dict[str, str], float]:
    t0 = time.perf_counter()
    stories = Stories()
    for a in articles:
        stories.add(a.id, fingerprint(a.body, a.source), a.date)
    return stories.assignments(), time.perf_counter() - t0


def main() -> None:
    p = arg_parser(__doc__ or "")
    p.add_argument("--pairs", type=int, default=50, help="real pairs to print for judging")
    p.add_argument("--seed", type=int, default=18)
    args = p.parse_args()
    rng = random.Random(args.seed)
    corpus = load(args.shared / CORPUS)
    long = [a for a in corpus if len(paragraphs(a.body)) >= 3 and len(a.body.split()) >= 150]
    originals = rng.sample(long, N_COPIES)
    copies = [edited_copy(a, rng.choice(corpus), rng, n) for n, a in enumerate(originals)]
    positives = [(a.id, c.id) for a, c in zip(originals, copies, strict=True)]
    negatives = hard_negatives(corpus, rng)
    story, seconds = cluster(corpus + copies)

    tp = sum(story[a] == story[b] for a, b in positives)
    fp = sum(story[a] == story[b] for a, b in negatives)
    precision = tp / max(tp + fp, 1)
    recall = tp / len(positives)
    print(f"dev set: {len(positives)} copies, {len(negatives)} hard negatives "
          f"(seed {args.seed}); clustered {len(corpus) + len(copies):,} articles in "
          f"{seconds:.1f} s (fingerprints + LSH, one process)")
    print(f"pair precision {precision:.3f}  recall {recall:.3f}  (tp {tp}, fp {fp}, "
          f"fn {len(positives) - tp})")
    for a, b in positives:
        if story[a] != story[b]:
            print(f"  missed copy: {a} / {b}")
    for a, b in negatives:
        if story[a] == story[b]:
            print(f"  wrongly joined: {a} / {b}")

    real = {a.id: a for a in corpus}
    members: dict[str, list[str]] = defaultdict(list)
    for doc_id, s in story.items():
        if doc_id in real:
            members[s].append(doc_id)
    groups = [sorted(m) for m in members.values() if len(m) > 1]
    pairs = [pair for g in groups for pair in combinations(g, 2)]
    outlets = sum(len({i.split("-")[1] for i in g}) > 1 for g in groups)
    print(f"\nreal stories of 2+ articles: {len(groups)} ({sum(map(len, groups))} articles, "
          f"{outlets} across outlets), {len(pairs)} pairs")
    for a, b in rng.sample(pairs, min(args.pairs, len(pairs))):
        x, y = real[a], real[b]
        j = jaccard(shingles(x.body), shingles(y.body))
        print(f"\n=== {a} | {b}   5-shingle Jaccard {j:.2f}")
        print(f"  A {x.day} {x.title[:90]}\n    {x.body[:260]!r}")
        print(f"  B {y.day} {y.title[:90]}\n    {y.body[:260]!r}")


if __name__ == "__main__":
    main()
