"""The indexer on real articles from ../shared: counts, updates, deletes, facets and dates
against an oracle computed from the raw records, bad input, atomic rebuilds, one writer."""

from __future__ import annotations

import gzip
import os
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

import orjson
import pytest
import tantivy

from indexer import schema as S
from indexer import store
from indexer.build import add, delete, reindex
from indexer.clean import clean_body
from indexer.dates import parse_date
from indexer.document import MIN_BODY_WORDS, load_payload
from indexer.inner_names import inner_only
from indexer.mentions import article_mentions
from indexer.person_marks import bare_marks
from indexer.stats import index_stats
from indexer.stories import story_id

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "clickid-news" / "articles.jsonl.gz"
SEED = SHARED / "seed" / "genpi-rafah.txt"
WARTA = [sys.executable, "-m", "indexer.cli"]
EVERY = 37  # a real subset across all nine outlets (the file is sorted by outlet)


def _sample(every: int = EVERY, offset: int = 0) -> list[dict[str, object]]:
    out = []
    with gzip.open(CORPUS, "rb") as f:
        for i, line in enumerate(f):
            if i % every == offset:
                d = orjson.loads(line)
                d.pop("content_raw", None)
                out.append(d)
    return out


def _write_jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    return path


def _all_payloads(index_dir: Path) -> dict[str, S.StoredArticle]:
    index = store.open_index(index_dir)
    searcher = index.searcher()
    hits = searcher.search(tantivy.Query.all_query(), 100_000).hits
    out = {}
    for _score, addr in hits:
        stored = load_payload(searcher.doc(addr)[S.PAYLOAD][0])
        out[stored.id] = stored
    return out


def _count(index_dir: Path, field: str, value: object) -> int:
    index = store.open_index(index_dir)
    q = tantivy.Query.term_query(S.build_schema(), field, value)
    return index.searcher().search(q, 1).count  # type: ignore[no-any-return]


@pytest.fixture(scope="session")
def records() -> list[dict[str, object]]:
    return _sample()


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory, records: list[dict[str, object]]
          ) -> Iterator[tuple[Path, Path]]:
    tmp = tmp_path_factory.mktemp("indexer")
    src = _write_jsonl(tmp / "sample.jsonl", records)
    index_dir = tmp / "index"
    report = reindex([src, SEED], index_dir)
    assert report.written > 0
    yield src, index_dir


def test_counts_match_input_minus_reported_skips(built: tuple[Path, Path],
                                                 records: list[dict[str, object]]) -> None:
    _src, index_dir = built
    payloads = _all_payloads(index_dir)
    expected_skips = sum(
        1 for r in records if len(clean_body(str(r.get("body") or "")).split()) < MIN_BODY_WORDS
    )
    assert expected_skips > 0  # the sample holds some of the corpus's near-empty bodies
    assert len(payloads) == len(records) - expected_skips + 1  # + the seed page
    meta = store.read_meta(store.current_generation(index_dir))  # type: ignore[arg-type]
    assert meta["skipped"] == {"empty or near-empty body": expected_skips}


def test_facets_and_dates_match_an_oracle_over_the_raw_records(
    built: tuple[Path, Path], records: list[dict[str, object]]
) -> None:
    _src, index_dir = built
    payloads = _all_payloads(index_dir)
    emap = store.load_entity_map(index_dir)
    expected_people: Counter[str] = Counter()
    expected_sources: Counter[str] = Counter()
    for r in records:
        body = clean_body(str(r.get("body") or ""))
        if len(body.split()) < MIN_BODY_WORDS:
            continue
        rid = str(r["id"])
        title = " ".join(str(r["title"]).split())
        found = article_mentions(title, body)
        marked = bare_marks(title, body, [asdict(m) for m in found])
        # the map's types first: a name the tagger read as an organisation's may be a person's
        names = emap.entities_in("PER", {m.name for m in found
                                         if emap.type_of(m.type, m.name) == "PER"},
                                 str(r.get("category") or ""), {m.name for m in found}, marked,
                                 text=f"{title}\n{body}",
                                 inner=inner_only(title, body, [asdict(m) for m in found],
                                                  emap.inner))
        people = {x for into in names.values() for x in into}
        expected_people.update(people)
        expected_sources[str(r["outlet"])] += 1
        stored = payloads[rid]
        assert set(stored.entities["PER"]) == people
        assert stored.title == " ".join(str(r["title"]).split())
        parsed = parse_date(str(r["date"]), str(r.get("time_raw") or ""))
        assert stored.date == (parsed.value.isoformat() if parsed.value else None)
        assert stored.source == r["outlet"]
    index = store.open_index(index_dir)
    agg = index.searcher().aggregate(tantivy.Query.all_query(), {
        "p": {"terms": {"field": S.PERSON, "size": 100_000}},
        "s": {"terms": {"field": S.SOURCE, "size": 100}},
    })
    got_people = {b["key"]: b["doc_count"] for b in agg["p"]["buckets"]}
    seed_people = set(payloads["page:genpi-rafah.txt"].entities["PER"])
    for name in seed_people:
        got_people[name] -= 1
    assert {k: v for k, v in got_people.items() if v} == dict(expected_people)
    got_sources = {b["key"]: b["doc_count"] for b in agg["s"]["buckets"]}
    assert got_sources.pop("GenPI.co") == 1
    assert got_sources == dict(expected_sources)
    # A date range query finds exactly the records the oracle dates inside it.
    lo, hi = "2019-09-10T00:00:00+07:00", "2019-09-11T00:00:00+07:00"
    from datetime import datetime

    q = tantivy.Query.range_query(S.build_schema(), S.DATE, tantivy.FieldType.Date,
                                  datetime.fromisoformat(lo), datetime.fromisoformat(hi))
    n = index.searcher().search(q, 1).count
    oracle = sum(1 for p in payloads.values()
                 if p.date and datetime.fromisoformat(lo) <= datetime.fromisoformat(p.date)
                 <= datetime.fromisoformat(hi))
    assert n == oracle > 0


def test_seed_page_is_cleaned_and_faceted(built: tuple[Path, Path]) -> None:
    _src, index_dir = built
    page = _all_payloads(index_dir)["page:genpi-rafah.txt"]
    assert page.title.startswith("Bahas Perang Hamas dengan Israel")
    assert "BACA JUGA" not in page.body and "Qatar" not in page.body
    assert page.date is None  # the page prints no date: indexed as undated
    assert set(page.entities["PER"]) == {"Joe Biden", "Benjamin Netanyahu"}
    assert {"Israel", "Amerika Serikat", "Rafah", "Gaza"} <= set(page.entities["LOC"])
    assert "Hamas" in page.entities["ORG"]


def test_readd_updates_in_place_and_delete_removes(tmp_path: Path,
                                                   records: list[dict[str, object]]) -> None:
    index_dir = tmp_path / "idx"
    first = records[:40]
    src = _write_jsonl(tmp_path / "a.jsonl", first)
    report = reindex([src], index_dir, workers=1)
    n = report.indexed
    changed = dict(first[0], title="Judul baru yang diperbarui")
    report = add([_write_jsonl(tmp_path / "b.jsonl", [changed])], index_dir, workers=1)
    assert (report.indexed, report.updated) == (0, 1)
    payloads = _all_payloads(index_dir)
    assert len(payloads) == n
    assert payloads[str(first[0]["id"])].title == "Judul baru yang diperbarui"
    # Same record without an id: identity falls back to its canonical URL.
    no_id = {k: v for k, v in first[1].items() if k != "id"}
    add([_write_jsonl(tmp_path / "c.jsonl", [no_id])], index_dir, workers=1)
    add([_write_jsonl(tmp_path / "d.jsonl", [dict(no_id, title="Lagi")])], index_dir, workers=1)
    assert len(_all_payloads(index_dir)) == n + 1
    removed, missing = delete([str(first[2]["id"]), "no-such-id"], index_dir)
    assert (removed, missing) == (1, ["no-such-id"])
    assert str(first[2]["id"]) not in _all_payloads(index_dir)
    assert _count(index_dir, S.ID, str(first[2]["id"])) == 0


def test_exact_duplicates_are_one_story_and_delete_moves_its_first_report(
    tmp_path: Path, records: list[dict[str, object]]
) -> None:
    base = records[5]
    twins = [dict(base, id="twin-a", url="https://x.test/a"),
             dict(base, id="twin-b", url="https://x.test/b", title="Judul lain")]
    index_dir = tmp_path / "idx"
    report = reindex([_write_jsonl(tmp_path / "t.jsonl", twins)], index_dir, workers=1)
    assert (report.indexed, report.stories) == (2, 1)
    # Same date: the first report is the lower id, and the story is named after it.
    assert _count(index_dir, S.STORY, story_id("twin-a")) == 2
    assert _count(index_dir, S.FIRST_REPORT, True) == 1
    delete(["twin-a"], index_dir)
    assert _count(index_dir, S.STORY, story_id("twin-a")) == 0
    assert _count(index_dir, S.STORY, story_id("twin-b")) == 1
    assert _count(index_dir, S.FIRST_REPORT, True) == 1
    assert set(_all_payloads(index_dir)) == {"twin-b"}


def test_bad_records_are_reported_and_skipped_the_rest_indexed(tmp_path: Path,
                                                               records: list[dict[str, object]]
                                                               ) -> None:
    good = records[10:20]
    lines = [orjson.dumps(r) for r in good[:5]]
    lines.append(b'{"id": "broken", "title": "no closing brace"')
    lines.append(orjson.dumps({"id": "wrongtype", "title": ["a"], "body": "x " * 50}))
    lines.append(orjson.dumps({"id": "huge", "body": "kata " * 2_200_000}))  # ~11 MB
    bad_utf8 = orjson.dumps(dict(good[5], body=str(good[5]["body"]) + " XYZ")).replace(
        b"XYZ", b"\xff\xfe")
    lines.append(bad_utf8)
    lines.append(orjson.dumps({"id": "empty", "title": "Kosong", "body": "  "}))
    lines += [orjson.dumps(r) for r in good[6:]]
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "mixed.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    with gzip.open(d / "sub" / "more.jsonl.gz", "wb") as f:
        f.write(b"".join(orjson.dumps(dict(r, id=f"gz-{r['id']}")) + b"\n" for r in good[:3]))
    (d / "corrupt.jsonl.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    index_dir = tmp_path / "idx"
    proc = subprocess.run([*WARTA, "reindex", str(d), "--index", str(index_dir)],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout + proc.stderr
    assert f"{d / 'mixed.jsonl'}:6: malformed JSON" in out
    assert f"{d / 'mixed.jsonl'}:7: wrong type" in out
    assert f"{d / 'mixed.jsonl'}:8: too large" in out
    assert f"{d / 'mixed.jsonl'}:10: empty or near-empty body" in out
    assert "corrupt.jsonl.gz:0: unreadable file" in out
    assert "1 lines had bad UTF-8" in out
    payloads = _all_payloads(index_dir)
    assert len(payloads) == 10 + 3
    assert "\ufffd" in payloads[str(good[5]["id"])].body


def test_csv_raw_pages_field_map_derived_titles_and_undated(tmp_path: Path) -> None:
    body = ("Pemerintah Kota Bandung membangun jembatan baru di atas Sungai Cikapundung "
            "untuk mengurangi kemacetan yang selama ini dikeluhkan warga sekitar pasar.")
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.csv").write_text(
        "judul,isi,tanggal,media,rubrik,link\n"
        f'"Jembatan baru","{body}","Senin, 15 April 2024 10:30 WIB",Kabar,Daerah,'
        "https://kabar.test/daerah/jembatan-baru\n"
        f',"{body} Kedua.",bukan tanggal,Kabar,Daerah,https://kabar.test/daerah/jembatan-kedua\n',
        encoding="utf-8")
    (d / "b.jsonl").write_text(orjson.dumps(
        {"kode": "k-1", "konten": body + " Ketiga.", "waktu_rilis": "2024-04-16"}).decode() + "\n")
    index_dir = tmp_path / "idx"
    report = reindex([d, SEED], index_dir, workers=1,
                     field_map={"id": "kode", "body": "konten", "date": "waktu_rilis"})
    assert report.indexed == 4 and report.undated == 2
    p = _all_payloads(index_dir)
    first = p["https://kabar.test/daerah/jembatan-baru"]
    assert (first.title, first.source, first.category) == ("Jembatan baru", "Kabar", "Daerah")
    assert first.date == "2024-04-15T03:30:00+00:00"
    derived = p["https://kabar.test/daerah/jembatan-kedua"]
    assert derived.title_derived and derived.title.startswith("Pemerintah Kota Bandung")
    assert derived.date is None
    assert p["k-1"].date == "2024-04-15T17:00:00+00:00"


def test_raw_pages_with_one_name_in_two_folders_are_two_articles(tmp_path: Path) -> None:
    """A raw page is identified by its path under the directory named, so "jakarta/berita.txt"
    and "bandung/berita.txt" are two articles, and re-adding one of them updates it."""
    pages = tmp_path / "pages"
    texts = {
        "jakarta": "Banjir Jakarta\n\nHujan deras sejak pagi membuat banjir di Kemang dan "
                   "warga mengungsi ke masjid terdekat.",
        "bandung": "Macet Bandung\n\nJalan Dago macet total karena wisatawan datang bersamaan "
                   "pada akhir pekan panjang ini.",
    }
    for folder, text in texts.items():
        (pages / folder).mkdir(parents=True)
        (pages / folder / "berita.txt").write_text(text, encoding="utf-8")
    index_dir = tmp_path / "idx"
    assert reindex([pages], index_dir, workers=1).indexed == 2
    p = _all_payloads(index_dir)
    assert set(p) == {"page:jakarta/berita.txt", "page:bandung/berita.txt"}
    assert p["page:bandung/berita.txt"].title == "Macet Bandung"
    (pages / "bandung" / "berita.txt").write_text(
        texts["bandung"].replace("total", "parah"), encoding="utf-8")
    add([pages], index_dir, workers=1)
    p = _all_payloads(index_dir)
    assert len(p) == 2 and "parah" in p["page:bandung/berita.txt"].body


def test_reindex_switches_atomically_while_a_reader_is_open(tmp_path: Path,
                                                            records: list[dict[str, object]]
                                                            ) -> None:
    index_dir = tmp_path / "idx"
    reindex([_write_jsonl(tmp_path / "a.jsonl", records[:30])], index_dir, workers=1)
    reader = store.open_index(index_dir)
    old_searcher = reader.searcher()
    old_count = old_searcher.num_docs
    before = store.index_version(index_dir)
    reindex([_write_jsonl(tmp_path / "b.jsonl", records[30:80])], index_dir, workers=1)
    assert store.index_version(index_dir) != before
    # the reader that was open keeps answering from the old generation ...
    assert old_searcher.search(tantivy.Query.all_query(), 1).count == old_count
    # ... and a reopened one sees the new data.
    assert store.open_index(index_dir).searcher().num_docs != old_count
    reindex([_write_jsonl(tmp_path / "c.jsonl", records[80:90])], index_dir, workers=1)
    assert len(store.generations(index_dir)) == 2  # the live one and the previous one


def test_a_killed_build_leaves_the_live_index_serving(tmp_path: Path,
                                                      records: list[dict[str, object]]) -> None:
    index_dir = tmp_path / "idx"
    reindex([_write_jsonl(tmp_path / "a.jsonl", records[:20])], index_dir, workers=1)
    live = store.current_generation(index_dir)
    n_before = store.open_index(index_dir).searcher().num_docs
    # Enough input for the build to outlive its first progress line (printed after 2 s).
    many = [dict(r, id=f"{r.get('id')}-{i}") for i in range(20) for r in records]
    big = _write_jsonl(tmp_path / "big.jsonl", many)
    proc = subprocess.Popen([*WARTA, "reindex", str(big), "--index", str(index_dir)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)
    assert proc.stderr is not None
    # The event: the first progress line, which the build prints while it is still reading.
    first = proc.stderr.readline()
    assert first.startswith("read "), first
    newest = store.generations(index_dir)[-1].path
    assert newest.name > live.name  # its new generation exists, unfinished
    os.kill(proc.pid, signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL  # the kill landed: the build had not finished
    proc.stderr.close()
    assert store.current_generation(index_dir) == live
    assert store.open_index(index_dir).searcher().num_docs == n_before
    report = reindex([_write_jsonl(tmp_path / "c.jsonl", records[:25])], index_dir, workers=1)
    assert report.written == 25 - sum(1 for r in records[:25]
                                      if len(clean_body(str(r["body"])).split()) < MIN_BODY_WORDS)
    assert store.current_generation(index_dir) != live


def test_a_second_writer_gets_a_clear_error(tmp_path: Path,
                                            records: list[dict[str, object]]) -> None:
    index_dir = tmp_path / "idx"
    src = _write_jsonl(tmp_path / "a.jsonl", records[:5])
    reindex([src], index_dir, workers=1)
    with store.writer_lock(index_dir):
        proc = subprocess.run([*WARTA, "add", str(src), "--index", str(index_dir)],
                              capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode != 0
    assert f"is being written by pid {os.getpid()}" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_nothing_indexable_exits_nonzero_and_keeps_the_live_index(tmp_path: Path) -> None:
    index_dir = tmp_path / "idx"
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{nope\n[1,2]\n")
    proc = subprocess.run([*WARTA, "reindex", str(bad), "--index", str(index_dir)],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 1
    assert "nothing could be indexed" in proc.stderr
    assert store.current_generation(index_dir) is None
    assert store.generations(index_dir) == []


def test_stats(built: tuple[Path, Path]) -> None:
    _src, index_dir = built
    s = index_stats(index_dir)
    payloads = _all_payloads(index_dir)
    assert s["documents"] == len(payloads)
    assert s["undated"] == sum(1 for p in payloads.values() if p.date is None)
    dates = sorted(p.date for p in payloads.values() if p.date)
    assert s["date_min"][:19] == dates[0][:19] and s["date_max"][:19] == dates[-1][:19]
    top_source = Counter(p.source for p in payloads.values()).most_common(1)[0]
    assert (s["top"]["source"][0]["value"], s["top"]["source"][0]["count"]) == top_source
    assert s["size_bytes"] > 0
    proc = subprocess.run([*WARTA, "stats", "--index", str(index_dir)], capture_output=True,
                          text=True, cwd=ROOT)
    assert proc.returncode == 0 and f"{len(payloads):,}" in proc.stdout
