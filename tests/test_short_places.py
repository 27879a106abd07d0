"""A short place name the corpus writes for one of the places it begins is that place unless
the article names another ("Korea" is Korea Selatan, not in a story about both Koreas), and a
place's word written as a person's first word is no place ("Turki al-Maliki"): unit cases that
must change and that must not, an article written by ``apply_map``, then the real 22k index."""

from __future__ import annotations

from pathlib import Path

import orjson
import tantivy
from corpora import prepared_article

from indexer import schema as S
from indexer import store
from indexer.document import load_payload
from indexer.entity_map import EntityMap
from indexer.entity_norm import compute_map
from indexer.map_apply import apply_map
from indexer.name_evidence import NameEvidence
from indexer.name_keys import variant_key
from indexer.name_places import PARTICLES, places_in_names
from indexer.spill import alias_person

# place -> articles, as the 22k corpus counts them
_LOC = {"Korea": 373, "Korea Selatan": 392, "Korea Utara": 43, "KOREA": 2,
        "Jawa": 227, "Jawa Barat": 628, "Jawa Timur": 460, "Jawa Tengah": 377,
        "Papua": 520, "Papua Barat": 206, "Papua Nugini": 9,
        "Tangerang": 193, "Tangerang Selatan": 153, "Maluku": 67, "Maluku Utara": 41,
        "Arab": 33, "Arab Saudi": 356, "Jakarta": 4707, "Jakarta Selatan": 1178,
        "Jakarta Pusat": 813, "Seoul": 104}


def _map(loc: dict[str, int]) -> EntityMap:
    return compute_map({"PER": {}, "ORG": {}, "LOC": loc}, {}, alias_person, NameEvidence())


def test_a_short_name_of_one_of_several_places_is_that_place_unless_another_is_named() -> None:
    m = _map(_LOC)
    # one of several longer names holds most of their articles, and the short name alone is
    # written less often than it: "Korea"; not "Jawa" (no one province dominates), "Papua" (a
    # province itself, named more than Papua Barat), "Tangerang", "Maluku", "Arab" (one longer
    # name only: a place of its own, or a word of several uses)
    assert m.shorts == {"Korea": ("Korea Selatan", "Korea Utara")}
    assert m.entities_in("LOC", ["Korea", "Seoul"]) == {"Korea": ("Korea Selatan",),
                                                        "Seoul": ("Seoul",)}
    # a variant the map joins to the short name, and an article naming the dominant place
    assert m.entities_in("LOC", ["KOREA", "Korea Selatan"]) == {
        "KOREA": ("Korea Selatan",), "Korea Selatan": ("Korea Selatan",)}
    # must not change: an article naming another of its longer names (both Koreas), the others
    assert m.entities_in("LOC", ["Korea", "Korea Utara", "Korea Selatan"])["Korea"] == ("Korea",)
    assert m.entities_in("LOC", ["Korea", "Korea Utara"])["Korea"] == ("Korea",)
    for short, longer in (("Jawa", "Jawa Barat"), ("Papua", "Papua Barat"),
                          ("Tangerang", "Tangerang Selatan"), ("Arab", "Arab Saudi"),
                          ("Jakarta", "Jakarta Selatan")):
        assert m.entities_in("LOC", [short, longer]) == {short: (short,), longer: (longer,)}
    # the short name written as often as its longer name, or the longer names evenly split
    assert _map({**_LOC, "Korea": 400}).shorts == {}
    assert _map({**_LOC, "Korea Utara": 120}).shorts == {}
    # the rule is stored with the map (``warta add`` applies it as ``reindex`` does)
    again = EntityMap.from_json(orjson.loads(orjson.dumps(m.to_json())))
    assert again.shorts == m.shorts
    assert again.entities_in("LOC", ["Korea"]) == {"Korea": ("Korea Selatan",)}


def _mentions(text: str, spans: list[tuple[str, str]]) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for typ, written in spans:
        start = text.index(written, int(str(out[-1]["end"])) if out else 0)
        out.append({"type": typ, "name": written, "field": "body", "start": start,
                    "end": start + len(written)})
    return out


def test_a_places_word_that_begins_a_persons_name_is_no_place() -> None:
    persons = {"Maliki": "Turki al-Maliki", "Beckham": "Victoria Beckham",
               "Ganjar Pranowo": "Ganjar Pranowo", "Al Hasan": "Al Hasan",
               "Recep Tayyip Erdogan": "Recep Tayyip Erdogan", "Hasan": "Hasan"}

    def inside(text: str, spans: list[tuple[str, str]]) -> list[str]:
        ms = _mentions(text, spans)
        found = places_in_names("", text, ms, lambda m: persons.get(str(m["name"]))
                                if m["type"] == "PER" else None, lambda m: m["type"] == "LOC")
        return [str(m["name"]) for m in ms if (m["field"], m["start"]) in found]

    # a particle between them, or the two spelling the person's value the map gives
    assert inside("kata juru bicara Turki al-Maliki.",
                  [("LOC", "Turki"), ("PER", "Maliki")]) == ["Turki"]
    assert inside("Istri David, Victoria Beckham, hadir.",
                  [("LOC", "Victoria"), ("PER", "Beckham")]) == ["Victoria"]
    assert "bin" in PARTICLES and inside("Tokoh Yaman bin Hasan datang.",
                                         [("LOC", "Yaman"), ("PER", "Hasan")]) == ["Yaman"]
    # must not change: an office's place before its holder, a particle the person's own
    # mention begins with, a person further on, a comma between
    for text, spans in (
            ("Gubernur Jawa Tengah Ganjar Pranowo hadir.",
             [("LOC", "Jawa Tengah"), ("PER", "Ganjar Pranowo")]),
            ("delegasi Indonesia Al Hasan bangga.", [("LOC", "Indonesia"), ("PER", "Al Hasan")]),
            ("Presiden Turki Recep Tayyip Erdogan mengecam.",
             [("LOC", "Turki"), ("PER", "Recep Tayyip Erdogan")]),
            ("Ke Turki, Maliki pergi.", [("LOC", "Turki"), ("PER", "Maliki")]),
            ("Dari Turki dan Maliki.", [("LOC", "Turki"), ("PER", "Maliki")])):
        assert inside(text, spans) == [], text



def test_apply_map_writes_both_rules(tmp_path: Path) -> None:
    body = ("Juru bicara Koalisi Arab, Turki al-Maliki mengatakan koalisi menyerang Yaman. "
            "Presiden Turki Recep Tayyip Erdogan mengecam. Penyanyi Korea ikut berduka.")
    prep = prepared_article(tmp_path, "Serangan Kilang Minyak", body)
    before = load_payload(prep.fields[S.PAYLOAD])
    assert [m.name for m in before.mentions if m.type == "LOC"] == \
        ["Turki", "Yaman", "Turki", "Korea"]
    emap = EntityMap({"PER": {"Maliki": ("Turki al-Maliki",)}},
                     {"LOC": {"Korea": 373, "Turki": 81}, "PER": {"Maliki": 9}},
                     shorts={"Korea": ("Korea Selatan", "Korea Utara")})
    after = load_payload(apply_map(prep, emap).fields[S.PAYLOAD])
    places = [(m.name, after.body[m.start:m.end]) for m in after.mentions if m.type == "LOC"]
    # the spokesman's given name goes, the country before its president stays
    assert places == [("Yaman", "Yaman"), ("Turki", "Turki"), ("Korea Selatan", "Korea")]
    assert set(after.entities["LOC"]) == {"Turki", "Yaman", "Korea Selatan"}
    # with the president's sentence gone, the article names no Turkey at all
    prep = prepared_article(tmp_path, "Serangan Kilang Minyak",
                            body.replace("Presiden Turki Recep Tayyip Erdogan mengecam. ", ""))
    after = load_payload(apply_map(prep, emap).fields[S.PAYLOAD])
    assert "Turki" not in after.entities.get("LOC", ())
    assert "Turki al-Maliki" in after.entities["PER"]


def test_on_the_corpus_no_short_place_beside_its_one_place_nor_a_place_inside_a_name(
        full_index_dir: Path) -> None:
    """Brute force over the 22k index: an article with a short place name of the map names
    another of its longer names; no place mention is followed right away by a person's whose
    value the two spell or after a name particle."""
    emap = store.load_entity_map(full_index_dir)
    assert "Korea" in emap.shorts
    searcher = store.open_index(full_index_dir).searcher()
    alone, inside, moved = [], [], 0
    for _, addr in searcher.search(tantivy.Query.all_query(), searcher.num_docs).hits:
        art = load_payload(searcher.doc(addr)[S.PAYLOAD][0])
        places = set(art.entities.get("LOC", ()))
        for short in places & set(emap.shorts):
            if not places & set(emap.shorts[short][1:]):
                alone.append((art.title, short))
        for a in art.mentions:
            text = art.title if a.field == "title" else art.body
            if a.type == "LOC" and text[a.start:a.end] in emap.shorts and a.name != text[
                    a.start:a.end]:
                moved += 1
            for b in art.mentions:
                if a.type != "LOC" or b.type != "PER" or b.field != a.field \
                        or not a.end < b.start <= a.end + 6:
                    continue
                gap = text[a.end:b.start].replace("-", " ").split()
                if (gap and gap[0].lower() in PARTICLES and len(gap) == 1) or (
                        b.start == a.end + 1
                        and variant_key(text[a.start:b.end]) == variant_key(b.name)):
                    inside.append(text[a.start:b.end])
    assert alone == [], alone[:10]
    assert inside == [], inside[:10]
    assert moved >= 300  # "Korea" written for South Korea


def test_a_place_written_with_where_it_is_or_a_lanes_number_is_that_place() -> None:
    m = _map({"Stadion Madya": 101, "Stadion Madya Gelora Bung Karno": 16,
              "Stadion Madya Senayan": 15, "Gelora Bung Karno": 60, "Senayan": 777,
              "RSPAD Gatot Soebroto": 395, "RSPAD Gatot Soebroto Jakarta": 21, "Jakarta": 4707,
              "Jalan Patra Kuningan": 38, "Jalan Patra Kuningan XIII": 14,
              "Parc des Princes": 46, "Stade Parc des Princes": 6, "Paris": 90,
              # must not change
              "Gedung DPRD": 8, "Gedung DPRD DKI Jakarta": 10, "Gedung DPRD Jawa Timur": 7,
              "DKI Jakarta": 300, "Jawa Timur": 460, "Kecamatan Grogol": 20,
              "Kecamatan Grogol Petamburan": 2, "Petamburan": 9, "Padang": 95,
              "Padang Pariaman": 5, "Pariaman": 6, "Taman Makam Pahlawan Kalibata": 184,
              "Taman Makam Pahlawan": 40, "Taman Makam Pahlawan Tabanan": 3, "Tabanan": 12,
              "Senayan XXI": 3})
    for longer, place in (("Stadion Madya Gelora Bung Karno", "Stadion Madya"),
                          ("Stadion Madya Senayan", "Stadion Madya"),
                          ("RSPAD Gatot Soebroto Jakarta", "RSPAD Gatot Soebroto"),
                          ("Jalan Patra Kuningan XIII", "Jalan Patra Kuningan"),
                          ("Stade Parc des Princes", "Parc des Princes")):
        assert m.entity("LOC", longer) == (place,), longer
    # a kind of building each province has, a region's longer name, a compound name, a place
    # written mostly with another name, a cinema's brand after a district
    for value in ("Gedung DPRD DKI Jakarta", "Gedung DPRD Jawa Timur",
                  "Kecamatan Grogol Petamburan", "Padang Pariaman",
                  "Taman Makam Pahlawan Tabanan", "Senayan XXI"):
        assert m.entity("LOC", value) == (value,), value
    # a toll road's number names another road
    m = _map({"Jalan Tol Jakarta-Cikampek": 8, "Jalan Tol Jakarta-Cikampek II": 2})
    assert m.entity("LOC", "Jalan Tol Jakarta-Cikampek II") == ("Jalan Tol Jakarta-Cikampek II",)


def test_a_building_the_corpus_writes_with_one_place_after_it_only_is_one_place() -> None:
    # the 22k corpus's counts: the hospital is written as often with its district as without
    m = _map({"RS Polri": 8, "Rumah Sakit Polri": 7, "Rumah Sakit Polri Kramat Jati": 6,
              "RS Polri Kramat Jati": 3, "RS Polri Kramatjati": 2, "Kramat Jati": 7,
              "Kramatjati": 6, "Rumah Sakit Polri Sartika Asih": 1,
              "Rumah Sakit Ketergantungan Obat": 15, "Rumah Sakit Ketergantungan Obat Cibubur": 6,
              "Cibubur": 23,
              # must not change: a part's label, a kind of office, one written in two places
              "Hall B": 7, "Hall B Jakarta Convention Center": 3, "Jakarta Convention Center": 43,
              "Balai Besar": 5, "Balai Besar Taman Nasional Bromo Tengger Semeru": 3,
              "Taman Nasional Bromo Tengger Semeru": 4, "Balai Besar Karantina Pertanian": 3,
              "Balai Besar Karantina Pertanian Surabaya": 3, "Surabaya": 397,
              "Stadion Gajayana": 12, "Stadion Gajayana Malang": 4, "Stadion Gajayana Jakarta": 3,
              "Malang": 142, "Jakarta": 4675})
    for longer in ("Rumah Sakit Polri Kramat Jati", "RS Polri Kramatjati"):
        assert m.entity("LOC", longer) == m.entity("LOC", "RS Polri"), longer
    assert m.entity("LOC", "Rumah Sakit Ketergantungan Obat Cibubur") == (
        "Rumah Sakit Ketergantungan Obat",)
    for value in ("Hall B Jakarta Convention Center",
                  "Balai Besar Taman Nasional Bromo Tengger Semeru",
                  "Stadion Gajayana Malang", "Stadion Gajayana Jakarta"):
        assert m.entity("LOC", value) == (value,), value


def test_a_sites_name_restated_after_a_comma_is_that_site(tmp_path: Path) -> None:
    body = ("Jenazah dimakamkan di Taman Makam Pahlawan, Kalibata, Jakarta Selatan, Kamis. "
            "Warga Kalibata berdatangan.")
    prep = prepared_article(tmp_path, "Serangan Kilang Minyak", body)
    before = load_payload(prep.fields[S.PAYLOAD])
    written = [before.body[m.start:m.end] for m in before.mentions if m.type == "LOC"]
    assert written == ["Taman Makam Pahlawan", "Kalibata", "Jakarta Selatan", "Kalibata"]
    emap = EntityMap({"LOC": {"Taman Makam Pahlawan": ("Taman Makam Pahlawan Kalibata",)}},
                     {"LOC": {"Taman Makam Pahlawan": 40, "Kalibata": 34,
                              "Taman Makam Pahlawan Kalibata": 184, "Jakarta Selatan": 1178}})
    after = load_payload(apply_map(prep, emap).fields[S.PAYLOAD])
    # the name after the comma goes; the district named later in the text stays
    assert [(m.name, after.body[m.start:m.end]) for m in after.mentions if m.type == "LOC"] == [
        ("Taman Makam Pahlawan Kalibata", "Taman Makam Pahlawan"),
        ("Jakarta Selatan", "Jakarta Selatan"), ("Kalibata", "Kalibata")]
    # only the restatement there: no district in the article
    prep = prepared_article(tmp_path, "Serangan Kilang Minyak",
                            body.replace(" Warga Kalibata berdatangan.", ""))
    after = load_payload(apply_map(prep, emap).fields[S.PAYLOAD])
    assert set(after.entities["LOC"]) == {"Taman Makam Pahlawan Kalibata", "Jakarta Selatan"}
    # must not change: a place whose written name holds the words, a place before a region
    for text, places in (
            ("Rapat di Balai Kota DKI Jakarta, Jakarta Pusat, Senin.",
             {"Balai Kota DKI Jakarta", "Jakarta Pusat"}),
            ("Ia tinggal di Kuningan, Jakarta Selatan.", {"Kuningan", "Jakarta Selatan"})):
        prep = prepared_article(tmp_path, "Serangan Kilang Minyak", text)
        ms = load_payload(prep.fields[S.PAYLOAD]).entities["LOC"]
        emap = EntityMap({}, {"LOC": dict.fromkeys(ms, 5)})
        assert set(load_payload(apply_map(prep, emap).fields[S.PAYLOAD]).entities["LOC"]) == \
            set(ms) == places, text
    # a short form in parentheses inside the written name, a line break between
    prep = prepared_article(tmp_path, "Serangan Kilang Minyak",
                            "Ia dimakamkan di Taman Makam Pahlawan (TMP)\n\nKalibata, Jakarta.")
    emap = EntityMap({"LOC": {"Taman Makam Pahlawan (TMP)": ("Taman Makam Pahlawan Kalibata",),
                              "Taman Makam Pahlawan": ("Taman Makam Pahlawan Kalibata",)}},
                     {"LOC": {"Kalibata": 34, "Jakarta": 4707}})
    before = load_payload(prep.fields[S.PAYLOAD])
    after = load_payload(apply_map(prep, emap).fields[S.PAYLOAD])
    assert "Kalibata" in before.entities["LOC"] and "Kalibata" not in after.entities["LOC"]
    # a region's name the map joined to the region after it; a name the map reads otherwise
    for text, values in (
            ("Lokasinya di Kecamatan Samboja, Kabupaten Kutai Kartanegara.",
             {"Kecamatan Samboja": ("Kecamatan Samboja Kabupaten Kutai Kartanegara",)}),
            ("Asap menyebar ke wilayah Muba, Banyuasin, dan OKI.",
             {"Muba": ("Musi Banyuasin",)})):
        prep = prepared_article(tmp_path, "Serangan Kilang Minyak", text)
        before = load_payload(prep.fields[S.PAYLOAD])
        emap = EntityMap({"LOC": values}, {"LOC": dict.fromkeys(before.entities["LOC"], 5)})
        after = load_payload(apply_map(prep, emap).fields[S.PAYLOAD])
        assert len([m for m in after.mentions if m.type == "LOC"]) == \
            len([m for m in before.mentions if m.type == "LOC"]) >= 2, text


def test_a_sites_acronym_alone_is_its_name_with_its_area() -> None:
    # as the 22k corpus counts them
    m = _map({"JIExpo Kemayoran": 21, "Jiexpo Kemayoran": 9, "JIEXPO Kemayoran": 4,
              "JIEXPO": 6, "JIExpo": 3, "Kemayoran": 18,
              # must not change: an acronym written alone about as often as with its area, a
              # town's name, a name in small letters
              "SCBD": 3, "SCBD Sudirman": 2, "Sudirman": 40, "Padang": 95,
              "Padang Pariaman": 5, "Pariaman": 6, "Bintaro": 26, "Bintaro Jaya": 7, "Jaya": 3})
    for value in ("JIEXPO", "JIExpo", "JIEXPO Kemayoran"):
        assert m.entity("LOC", value) == ("JIExpo Kemayoran",), value
    for value in ("SCBD", "SCBD Sudirman", "Padang", "Padang Pariaman", "Bintaro"):
        assert m.entity("LOC", value) == (value,), value
