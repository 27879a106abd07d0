"""The test corpus and its oracle, imported by ``conftest.py`` and by tests (a module of its own:
a test imports no conftest): the first articles of the CLICK-ID corpus plus synthetic records
for the edge cases, and what each indexed record is, read back from its stored payload."""

from __future__ import annotations

import gzip
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import orjson
from tantivy import Query

from indexer import lexicon, store
from indexer import schema as S
from indexer.analysis import Analyzer
from indexer.dates import WIB
from indexer.document import Prepared, load_payload, prepare
from indexer.feed import iter_records
from indexer.records import Record

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


def prepared_article(tmp_path: Path, title: str, body: str, category: str = "news") -> Prepared:
    """One article prepared as a build prepares it (extracted, its values not yet mapped)."""
    row = {"id": "x", "url": "https://example.com/x", "title": title, "body": body,
           "date": "2019-10-01", "source": "x", "category": category}
    path = tmp_path / "x.jsonl"
    path.write_bytes(orjson.dumps(row) + b"\n")
    analyzer = Analyzer(lexicon=lexicon.static_names(), protect_names=True)
    (prep,) = [prepare(r, analyzer) for r in iter_records([path]) if isinstance(r, Record)]
    assert isinstance(prep, Prepared)
    return prep


def places_after(index_dir: Path, before: Callable[[str], bool], value: str
                 ) -> tuple[list[tuple[str, str]], int]:
    """Brute force over an index: the (article, words) of the place mentions whose text before
    them ``before`` accepts, and the number of articles holding the place ``value``."""
    searcher = store.open_index(index_dir).searcher()
    left, holding = [], 0
    for _, addr in searcher.search(Query.all_query(), searcher.num_docs).hits:
        art = load_payload(searcher.doc(addr)[S.PAYLOAD][0])
        holding += value in art.entities.get("LOC", ())
        for m in art.mentions:
            text = art.title if m.field == "title" else art.body
            if m.type == "LOC" and before(text[:m.start]):
                left.append((art.id, text[m.start - 20:m.end]))
    return left, holding
