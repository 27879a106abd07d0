from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.clean import CleanPage, clean_body, clean_page

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "genpi-rafah.txt"

SEED_OPENINGS = (
    "Para pejabat tinggi Amerika dan Israel mengadakan pembicaraan virtual pada Senin",
    "Dilansir AP News, hal itu sebuah tindakan",
    "Presiden Joe Biden dan pemerintahannya",
    "Perdana Menteri Israel Benjamin Netanyahu bersikeras",
    "Pertemuan selama lebih dari dua setengah jam",
    "Washington mendorong Israel untuk menghindari",
    "Gedung Putih malah mendorong Israel",
    "Potensi operasi di kota tersebut",
)


@pytest.fixture(scope="module")
def seed(require: Callable[[bool, str], None]) -> CleanPage:
    require(SEED.exists(), f"shared seed page not found at {SEED}")
    return clean_page(SEED.read_text(encoding="utf-8"))


def test_seed_title_and_source(seed: CleanPage) -> None:
    title = "Bahas Perang Hamas dengan Israel, AS Dorong Alternatif Selain Invasi Rafah"
    assert seed.title == title
    assert seed.source == "GenPI.co"


def test_seed_keeps_all_eight_paragraphs_in_order(seed: CleanPage) -> None:
    paragraphs = seed.body.split("\n\n")
    assert len(paragraphs) == 8
    for paragraph, opening in zip(paragraphs, SEED_OPENINGS, strict=True):
        assert paragraph.startswith(opening)


def test_seed_drops_read_also_headlines(seed: CleanPage) -> None:
    for gone in ("BACA JUGA", "Qatar", "Ramadan", "Krisis Penyanderaan"):
        assert gone not in seed.body


def test_seed_drops_caption_dateline_and_furniture(seed: CleanPage) -> None:
    for gone in (
        "Leo Correa",
        "Foto:",
        "GenPI.co",
        "Google News",
        "Silakan baca",
        "Berita Sebelumnya",
        "Berita Selanjutnya",
    ):
        assert gone not in seed.body
    assert seed.title not in seed.body


@pytest.mark.parametrize(
    ("dateline", "source"),
    [
        ("JAKARTA, KOMPAS.com - ", "KOMPAS.com"),
        ("Jakarta, CNN Indonesia -- ", "CNN Indonesia"),
        ("TEMPO.CO, Jakarta - ", "TEMPO.CO"),
        ("Liputan6.com, Jakarta - ", "Liputan6.com"),
        ("SINDOnews.com - ", "SINDOnews.com"),
        ("Okezone.com - ", "Okezone.com"),
        ("JAKARTA - ", None),
    ],
)
def test_datelines_are_stripped(dateline: str, source: str | None) -> None:
    page = clean_page(
        "Judul Berita\n\n" + dateline + "Presiden meresmikan jalan tol baru.\n\nParagraf kedua."
    )
    assert page.body == "Presiden meresmikan jalan tol baru.\n\nParagraf kedua."
    assert page.source == source
    assert clean_body(dateline + "Presiden meresmikan jalan tol baru.") == (
        "Presiden meresmikan jalan tol baru."
    )


SYNTHETIC = """Harga Beras Naik Jelang Lebaran
Harga Beras Naik Jelang Lebaran | Liputan6.com
Ilustrasi pedagang beras. Foto: Antara/Hafidz Mubarak A
Advertisement
Liputan6.com, Jakarta - Harga beras di pasar tradisional naik sepekan terakhir.
Baca juga: Stok Beras Bulog Aman hingga Akhir Tahun
Baca Juga : Pemerintah Impor Beras dari Thailand
Scroll to continue
Pedagang mengaku pasokan dari Karawang berkurang sejak awal bulan.
(Foto: Instagram @pasarinduk)
Menurut pedagang, kenaikan terjadi karena panen mundur. (Baca juga: Panen Raya Mundur)
Halaman 1 2 3
Selanjutnya
Pemerintah berjanji menggelar operasi pasar pekan depan. (ant/wan)
Editor: Rina Mardiana
Penulis: Budi Santoso
Reporter: Andi
Sumber: Antara
Simak berita lainnya di Google News
Dapatkan update berita pilihan setiap hari di kanal kami
Ikuti kami di Instagram dan Twitter
Follow Liputan6.com di Instagram
Bagikan
Share: Facebook | Twitter | WhatsApp
Berita Terkait
"""


def test_other_outlets_furniture() -> None:
    page = clean_page(SYNTHETIC)
    assert page.title == "Harga Beras Naik Jelang Lebaran"
    assert page.source == "Liputan6.com"
    assert page.body.split("\n\n") == [
        "Harga beras di pasar tradisional naik sepekan terakhir.",
        "Pedagang mengaku pasokan dari Karawang berkurang sejak awal bulan.",
        "Menurut pedagang, kenaikan terjadi karena panen mundur.",
        "Pemerintah berjanji menggelar operasi pasar pekan depan.",
    ]


@pytest.mark.parametrize("initials", ["(ant)", "(*)", "(wan)", "(ant/ Rina)", "[vvn]", "(sb/JPR)"])
def test_trailing_initials(initials: str) -> None:
    body = f"Paragraf pertama.\n\nKatanya semua berjalan lancar. {initials}"
    assert clean_body(body) == "Paragraf pertama.\n\nKatanya semua berjalan lancar."


def test_acronym_at_end_survives() -> None:
    body = "Ia menjabat sebagai ketua Komisi Pemberantasan Korupsi (KPK)"
    assert clean_body(body) is body


@pytest.mark.parametrize(
    "paragraph",
    [
        "Siswa diminta membaca buku dan baca juga koran setiap pagi.",
        "Baca juga petunjuk penggunaan sebelum minum obat ini.",
        "Sumber di kepolisian menyebut pelaku sudah ditangkap.",
        "Sumber itu menambahkan, rapat digelar tertutup: tidak ada wartawan yang boleh masuk.",
        "Selanjutnya, Menteri Keuangan menjelaskan rencana anggaran tahun depan.",
        "Ilustrasi pop energik dari Richard Bernstein membentuk aksen ketika dipadukan.",
        "Penulis buku biografi, Greg Barton, menceritakan pengalaman lucu Gus Dur.",
        "Ikuti nilai-nilai yang ingin diberikan pada anak sejak dini.",
        "Berita duka itu tersebar melalui grup WhatsApp di kalangan awak media.",
    ],
)
def test_real_paragraphs_survive(paragraph: str) -> None:
    body = f"Paragraf pembuka.\n\n{paragraph}\n\nParagraf penutup."
    assert clean_body(body) is body
    assert paragraph in clean_page("Judul\n" + body).body


def test_corpus_comma_joins() -> None:
    body = (
        "Paragraf pertama.\n\n"
        "Baca juga:,Baca juga:,Menteri menyampaikan hal itu di Jakarta.\n\n"
        "Baca juga: Judul Lain yang Hilang, Bagian Dua,Pejabat itu lalu pergi.\n\n"
        "Foto: Peter Yeung - dok BBC,Namun masjid itu terbuat dari lumpur.\n\n"
        "Selamat mencoba!,#GrowFearless with FIMELA\n\n"
        "Penulis: Annesa K. Ramadhany"
    )
    assert clean_body(body).split("\n\n") == [
        "Paragraf pertama.",
        "Menteri menyampaikan hal itu di Jakarta.",
        "Pejabat itu lalu pergi.",
        "Namun masjid itu terbuat dari lumpur.",
        "Selamat mencoba!",
    ]


def test_corpus_tails() -> None:
    assert clean_body("Isi berita.\n\nANDITA RAHMA | BUDIARTI UTAMI PUTRI") == "Isi berita."
    assert clean_body('Isi berita," ujarnya. (trb),loading...') == 'Isi berita," ujarnya.'
    assert clean_body("Isi.\n\nArtikel ini telah tayang di Kompas.com dengan judul") == "Isi."
    assert clean_body("Isi.\n\nBerita lain tentang,bisa Anda baca di Tempo.co.") == "Isi."


def test_inline_read_more_splits_paragraphs() -> None:
    body = "Apa sebabnya? Baca selengkapnya di ,Jika Anda lulusan baru, simak tipsnya."
    assert clean_body(body) == "Apa sebabnya?\n\nJika Anda lulusan baru, simak tipsnya."


def test_clean_body_returns_same_object_when_clean() -> None:
    body = "Paragraf satu.\n\nParagraf dua dengan kata baca dan sumber."
    assert clean_body(body) is body
    assert clean_body("") == ""


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "\n\n\n",
        "x" * 1_000_000,
        ("Kalimat panjang. " * 70_000),
        "😀🔥 Judul 🇮🇩\n\n😀 - isi",
        "<div><p>Judul</p></div>\n<script>alert(1)</script>\n<p>BACA JUGA: <a>x</a></p>",
        "Judul\x00\x01\x02\n\x1b[31mIsi\x7f\u200b",
        "Заголовок\n\n北京 - 新闻 عربى\n\nBaca juga: 日本語",
        "Baca juga:" * 1000,
        "(" * 10_000 + ")" * 10_000,
    ],
)
def test_bad_input_does_not_raise(raw: str) -> None:
    page = clean_page(raw)
    body = clean_body(raw)
    # Cleaning removes (a page's paragraphs are rejoined with blank lines): no character the
    # input did not have, and a body no longer than it.
    assert len(body) <= len(raw)
    for kept in (page.title, page.body, body):
        assert set(kept) - set(raw) <= {" ", "\n"}, kept[:80]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=2000))
def test_never_raises(raw: str) -> None:
    page = clean_page(raw)
    assert isinstance(page, CleanPage)
    out = clean_body(raw)
    assert isinstance(out, str)
    assert len(out) <= len(raw)


FURNITURE_WORDS = st.sampled_from(
    ["Baca juga:", "BACA JUGA: ", "Editor:", "(ant)", "Foto:", "Selanjutnya", " - ", ",", "\n"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(FURNITURE_WORDS, st.text(max_size=30)), max_size=40))
def test_never_raises_on_furniture_soup(parts: list[str]) -> None:
    raw = "".join(parts)
    page, body = clean_page(raw), clean_body(raw)
    assert len(body) <= len(raw)
    for kept in (page.title, page.body, body):
        assert set(kept) - set(raw) <= {" ", "\n"}, kept[:80]
