"""A country's name written as its language's ("bahasa Inggris", "berbahasa Jepang", a list of
languages after "bahasa") is no place of the article (:mod:`indexer.spoken_places`); an
article that also names the country as a place keeps it."""

from __future__ import annotations

from pathlib import Path

from corpora import places_after, prepared_article

from indexer import schema as S
from indexer.document import load_payload
from indexer.entity_map import EntityMap
from indexer.map_apply import apply_map
from indexer.spoken_places import may_speak, spoken


def _mentions(text: str, places: list[str]) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for written in places:
        start = text.index(written, int(str(out[-1]["end"])) if out else 0)
        out.append({"type": "LOC", "name": written, "field": "body", "start": start,
                    "end": start + len(written)})
    return out


def _spoken(text: str, places: list[str]) -> list[str]:
    ms = _mentions(text, places)
    found = spoken("", text, ms, lambda m: True)
    return [str(m["name"]) for m in ms if ("body", m["start"]) in found]


def test_a_place_after_a_word_of_language_or_on_its_list_names_a_language() -> None:
    for text, places, languages in (
            ("Surat singkat dalam bahasa Inggris ini sederhana.", ["Inggris"], ["Inggris"]),
            ("Kono yang fasih berbahasa Inggris sangat terkenal di Jepang.",
             ["Inggris", "Jepang"], ["Inggris"]),
            ("Jerebu dalam Bahasa Melayu berarti debu.", ["Melayu"], ["Melayu"]),
            # a list of languages, with one that is no place ("Mandarin") on it
            ("tulis Lee Seung Gi dalam bahasa Korea, Mandarin dan Inggris.",
             ["Korea", "Inggris"], ["Korea", "Inggris"]),
            ("Tristan, 7 tahun, diajari berbahasa Indonesia, Inggris, dan Belanda. Susan "
             "meminta ke Belanda.", ["Indonesia", "Inggris", "Belanda", "Belanda"],
             ["Indonesia", "Inggris", "Belanda"]),
            # a people, an ethnic group, a descent
            ("Ayahnya adalah etnis Korea tapi tumbuh di Taiwan", ["Korea", "Taiwan"], ["Korea"]),
            ("google translate telah merendakan suku Aceh dan Melayu.", ["Aceh", "Melayu"],
             ["Aceh", "Melayu"]),
            ("Gadis keturunan Belanda dan Korea ini juga menjadi peringkat", ["Belanda", "Korea"],
             ["Belanda", "Korea"]),
            # a word between ([between])
            ("juga menyajikan kosakata bahasa daerah Bali yang disalin", ["Bali"], ["Bali"]),
            ("Ayahnya adalah pria keturunan asli Sulawesi dan ibunya seorang bangsawan Jawa",
             ["Sulawesi", "Jawa"], ["Sulawesi"]),
            ("Lagu tersebut memiliki dua bahasa yaitu Korea dan Spanyol pada liriknya",
             ["Korea", "Spanyol"], ["Korea", "Spanyol"])):
        assert _spoken(text, places) == languages, text
    # must not change: a country, a country after a language's name ended, "bahasa" far before
    for text, places in (
            ("keluarnya Inggris dari Uni Eropa tanpa kesepakatan", ["Inggris"]),
            ("Ia belajar bahasa di Jepang.", ["Jepang"]),
            ("Ia menulis dalam bahasa Inggris. Lalu terbang ke Jepang dan Korea.",
             ["Jepang", "Korea"]),
            ("Bahasanya sopan, kata warga Bali.", ["Bali"]),
            # a place after a people's name is no people of a list
            ("para wanita dari suku Yao, Desa Huangluo, China. Kandungan berbagai vitamin",
             ["Desa Huangluo", "China"]),
            ("Ada buku tentang Aceh.", ["Aceh"]),
            # a word between that is not one: the main language of Malaysia; a place after "di"
            ("a bahasa Melayu, bahasa utama Malaysia.", ["Malaysia"]),
            ("masyarakat lintas etnis di Tangerang, bukan", ["Tangerang"])):
        assert _spoken(text, places) == [], text
    assert may_speak(b'{"body": "Berbahasa Jepang"}') and not may_speak(b'{"body": "Jepang"}')


def test_apply_map_drops_the_language_unless_the_article_names_the_country(
        tmp_path: Path) -> None:
    body = ("Video itu diunggah dengan keterangan dalam bahasa Inggris. Penyanyi itu lalu "
            "terbang ke Inggris untuk konser di London.")
    prep = prepared_article(tmp_path, "Penyanyi Korea Unggah Video", body)
    emap = EntityMap({}, {"LOC": {"Inggris": 855, "London": 90}})
    before = load_payload(prep.fields[S.PAYLOAD])
    assert [before.body[m.start:m.end] for m in before.mentions if m.type == "LOC"] == \
        ["Inggris", "Inggris", "London"]
    after = load_payload(apply_map(prep, emap).fields[S.PAYLOAD])
    # the language's mention goes, the country's stays, and so does the value
    assert [(m.name, m.start) for m in after.mentions if m.type == "LOC"] == [
        (m.name, m.start) for m in before.mentions if m.type == "LOC"][1:]
    assert set(after.entities["LOC"]) == {"Inggris", "London"}
    # only the language: no England in the article
    prep = prepared_article(tmp_path, "Penyanyi Korea Unggah Video",
                            "Video itu diunggah dengan keterangan dalam bahasa Inggris. "
                            "Ia lalu konser di London.")
    after = load_payload(apply_map(prep, emap).fields[S.PAYLOAD])
    assert set(after.entities["LOC"]) == {"London"}
    # ``warta add`` applies the stored map as ``reindex`` does
    again = EntityMap.from_json(emap.to_json())
    assert load_payload(apply_map(prep, again).fields[S.PAYLOAD]).entities == after.entities


def test_on_the_corpus_no_place_written_only_as_a_language(full_index_dir: Path) -> None:
    """Brute force over the 22k index: no place mention right after "bahasa"/"berbahasa",
    and England is still the country of hundreds of articles."""
    left, england = places_after(
        full_index_dir, lambda t: t.rstrip().lower().endswith((" bahasa", " berbahasa")), "Inggris")
    assert left == []
    assert 450 < england < 650
