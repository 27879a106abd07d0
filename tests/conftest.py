"""One real index per test session: the first articles of the CLICK-ID corpus plus a few
synthetic records that exercise the edge cases (HTML in the text, an exact duplicate body and
an edited copy from another outlet: one story of three articles, a missing title, a missing
date), built by the real indexer (``indexer.build.reindex``)."""

from __future__ import annotations

import gzip
import itertools
import os
import socket
import subprocess
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn

import httpx
import orjson
import pytest
from tantivy import Query

from indexer import opensearch_writer, store
from indexer import schema as S
from indexer.build import reindex
from indexer.clean import clean_body
from indexer.dates import WIB
from indexer.document import MIN_BODY_WORDS, load_payload
from indexer.opensearch_node import NodeError, running_node
from search_api.app import create_app
from search_api.backends import TantivyBackend
from search_api.backends.opensearch import OpenSearchBackend

with warnings.catch_warnings():
    # Starlette 1.10 suggests httpx2 for its TestClient; httpx is what the project pins.
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus" / "clickid-news" / "articles.jsonl.gz"
N_REAL = 1500

# Each record's own closing text: records that shared most of their words would be copies of
# one another, one story (the two "dup" records are meant to be: their bodies are identical).
_FILLER = {
    "xss": "Polisi siber masih menelusuri alamat pelaku dan meminta warga tidak membuka tautan "
           "yang dikirim oleh nomor tidak dikenal selama penyelidikan berlangsung.",
    "dup": "Pemerintah daerah menyampaikan keterangan resmi kepada wartawan pada hari itu dan "
           "meminta masyarakat tetap tenang sambil menunggu hasil pemeriksaan lebih lanjut.",
    "notitle": "Harga gabah di tingkat petani naik karena permintaan penggilingan meningkat "
               "sementara musim kemarau membuat sebagian sawah gagal ditanami.",
    "undated": "Panitia menyiapkan lapangan parkir tambahan dan pedagang kaki lima menempati "
               "jalan di sekitar pantai sejak pagi buta hingga larut malam.",
}

SYNTHETIC: list[dict[str, object]] = [
    {
        "id": "synthetic-xss",
        "url": "https://example.test/berita/xss",
        "title": "Peringatan <script>alert(1)</script> untuk warga Zorblax",
        "body": (
            "Peretas menyisipkan kode <script>alert(1)</script> ke laman warga Zorblax. "
            "Kelompok itu menyerang server kelurahan pada malam hari. " + _FILLER["xss"]
        ),
        "date": "2019-09-15",
        "outlet": "warta-uji",
        "category": "Teknologi",
    },
    {
        "id": "synthetic-dup-a",
        "url": "https://example.test/berita/kembar-a",
        "title": "Banjir bandang melanda desa Kwetlar",
        "body": "Banjir bandang melanda desa Kwetlar setelah hujan deras semalaman. "
        + _FILLER["dup"],
        "date": "2019-09-16",
        "outlet": "warta-uji",
        "category": "Peristiwa",
    },
    {
        "id": "synthetic-dup-b",
        "url": "https://example.test/berita/kembar-b",
        "title": "Desa Kwetlar dilanda banjir",
        "body": "Banjir bandang melanda desa Kwetlar setelah hujan deras semalaman. "
        + _FILLER["dup"],
        "date": "2019-09-17",
        "outlet": "warta-uji",
        "category": "Peristiwa",
    },
    {
        "id": "synthetic-notitle",
        "url": "https://example.test/berita/tanpa-judul",
        "title": "",
        "body": "Petani Glumbrek memanen padi lebih awal tahun ini. "
        + _FILLER["notitle"],
        "date": "2019-09-18",
        "outlet": "warta-uji",
        "category": "Ekonomi",
    },
    {
        "id": "synthetic-undated",
        "url": "https://example.test/berita/tanpa-tanggal",
        "title": "Festival layang-layang Trombik tanpa tanggal",
        "body": "Festival layang-layang Trombik menarik ribuan pengunjung dari luar kota. "
        + _FILLER["undated"],
        "outlet": "warta-uji",
        "category": "Budaya",
    },
    {
        # a copy from another outlet: its own dateline and a "Baca juga" line, dated later
        "id": "synthetic-dup-c",
        "url": "https://kabar.test/kwetlar-banjir",
        "title": "Banjir bandang di Kwetlar",
        "body": "KWETLAR - Banjir bandang melanda desa Kwetlar setelah hujan deras semalaman. "
        "Baca juga: Jembatan desa tetangga putus. " + _FILLER["dup"],
        "date": "2019-09-18",
        "outlet": "kabar-uji",
        "category": "Daerah",
    },
]


@dataclass(frozen=True)
class OracleDoc:
    """What the oracle knows about one indexed record (from its stored payload)."""

    id: str
    title: str
    body: str
    source: str
    category: str
    date: str | None  # YYYY-MM-DD (WIB day) or None
    person: tuple[str, ...]
    org: tuple[str, ...]
    place: tuple[str, ...]
    story: str

    def values(self, facet: str) -> tuple[str, ...]:
        if facet in (S.SOURCE, S.CATEGORY):
            v: str = getattr(self, facet)
            return (v,) if v else ()
        vals: tuple[str, ...] = getattr(self, facet)
        return vals


def wib_day(iso: str | None) -> str | None:
    """The calendar day (Western Indonesian Time) of a stored UTC timestamp."""
    if not iso:
        return None
    return datetime.fromisoformat(iso).astimezone(WIB).date().isoformat()


def write_corpus(path: Path, n_real: int = N_REAL, extra: list[dict[str, object]] | None = None
                 ) -> list[dict[str, object]]:
    """The first ``n_real`` corpus records plus ``extra`` as JSONL; returns the records."""
    records: list[dict[str, object]] = []
    with gzip.open(CORPUS, "rb") as f:
        for line in itertools.islice(f, n_real):
            records.append(orjson.loads(line))
    records.extend(SYNTHETIC if extra is None else extra)
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    return records


def read_oracle(index_dir: Path) -> list[OracleDoc]:
    """Every record of the index, read back from its payload and its story."""
    index = store.open_index(index_dir)
    searcher = index.searcher()
    res = searcher.search(Query.all_query(), searcher.num_docs + 1)
    addrs = [a for _, a in res.hits]
    out = []
    for addr in addrs:
        doc = searcher.doc(addr).to_dict()
        p = load_payload(bytes(doc[S.PAYLOAD][0]))
        out.append(
            OracleDoc(
                id=p.id, title=p.title, body=p.body, source=p.source, category=p.category,
                date=wib_day(p.date),
                person=tuple(p.entities.get("PER", ())), org=tuple(p.entities.get("ORG", ())),
                place=tuple(p.entities.get("LOC", ())), story=str(doc[S.STORY][0]),
            )
        )
    return out


def missing(message: str) -> NoReturn:
    """A test's prerequisite is absent: skip, except under CI=true, where it fails (a green CI
    must mean that every test ran)."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"prerequisite missing under CI=true: {message}", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def require() -> Callable[[bool, str], None]:
    """``require(condition, message)``: :func:`missing` when ``condition`` is false."""
    def check(condition: bool, message: str) -> None:
        if not condition:
            missing(message)
    return check


@pytest.fixture(scope="session")
def opensearch_node(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """One real OpenSearch node (opensearch/, embedded in a JVM) for the whole session: its URL
    and its log file."""
    log = tmp_path_factory.mktemp("opensearch") / "node.log"
    try:
        node = running_node(log_path=log)
        url = node.__enter__()
    except NodeError as e:
        missing(f"no OpenSearch node: {e}")
    try:
        yield url, log
    finally:
        node.__exit__(None, None, None)


@pytest.fixture(scope="session")
def opensearch_url(opensearch_node: tuple[str, Path]) -> str:
    return opensearch_node[0]


@pytest.fixture(scope="session")
def os_backend(opensearch_url: str, corpus_records: tuple[Path, list[dict[str, object]]]
               ) -> OpenSearchBackend:
    """The session's corpus in OpenSearch (the same records as ``index_dir``)."""
    path, _ = corpus_records
    report = opensearch_writer.reindex([path], opensearch_url, "parity", workers=2)
    assert report.written > 1000, report.as_dict()
    return OpenSearchBackend(opensearch_url, "parity")


@pytest.fixture(scope="session")
def tantivy_backend(index_dir: Path) -> TantivyBackend:
    return TantivyBackend(index_dir)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not CORPUS.exists():
        missing(f"shared corpus missing at {CORPUS}")
    return SHARED


@pytest.fixture(scope="session")
def corpus_records(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory
                   ) -> tuple[Path, list[dict[str, object]]]:
    path = tmp_path_factory.mktemp("corpus") / "articles.jsonl"
    return path, write_corpus(path)


@pytest.fixture(scope="session")
def index_dir(corpus_records: tuple[Path, list[dict[str, object]]],
              tmp_path_factory: pytest.TempPathFactory) -> Path:
    path, records = corpus_records
    out = tmp_path_factory.mktemp("index")
    report = reindex([path], out, workers=2)
    # Every record is written but those whose cleaned body is too short to be an article.
    short = [r for r in records
             if len(clean_body(str(r.get("body") or "")).split()) < MIN_BODY_WORDS]
    assert report.skipped == {"empty or near-empty body": len(short)}, report.as_dict()
    assert report.written == len(records) - len(short)
    return out


@pytest.fixture(scope="session")
def full_index_dir(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole CLICK-ID corpus (22k articles), built once per session by the real indexer."""
    out = tmp_path_factory.mktemp("full-index")
    report = reindex([CORPUS], out, workers=2)
    assert report.written > 20_000, report.as_dict()
    return out


@pytest.fixture(scope="session")
def oracle(index_dir: Path) -> list[OracleDoc]:
    return read_oracle(index_dir)


@pytest.fixture(scope="session")
def client(index_dir: Path) -> Iterator[TestClient]:
    # The English pages: tests/test_i18n.py checks the Indonesian default.
    with TestClient(create_app(index_dir), headers={"Accept-Language": "en"}) as c:
        yield c


# -- a real server and a real browser -----------------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("WARTA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


@contextmanager
def _serving(index_dir: Path) -> Iterator[tuple[str, int]]:
    """``search_api.serve.serve`` (one worker: the server is this process id) on a free port of
    127.0.0.1; yields its base URL and process id."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    code = ("import sys; from search_api.serve import serve; "
            "serve(sys.argv[1], '127.0.0.1', int(sys.argv[2]), 1, 'warning')")
    proc = subprocess.Popen([sys.executable, "-c", code, str(index_dir), str(port)], cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                raise AssertionError("the server did not start")
            time.sleep(0.1)
        yield base, proc.pid
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.fixture(scope="session")
def serving() -> Callable[[Path], AbstractContextManager[tuple[str, int]]]:
    """Start a server of one's own over any index: ``with serving(dir) as (base, pid)``."""
    return _serving


@pytest.fixture(scope="session")
def server(index_dir: Path) -> Iterator[str]:
    """The session's server over the session's index."""
    with _serving(index_dir) as (base, _pid):
        yield base


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium through Playwright (a missing one fails under CI=true)."""
    try:
        from playwright import sync_api
    except ImportError:
        missing("playwright is not installed (make install)")
    if not Path(CHROMIUM).exists():  # the same path is launched below
        missing(f"no Chromium at {CHROMIUM} (make browser installs Debian's)")
    (ROOT / "test-artifacts" / "screenshots").mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()
