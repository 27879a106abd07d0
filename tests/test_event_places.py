"""A place's name written inside an event's name ("Vietnam Open", "Piala Asia", "Liga Inggris")
is no place of the article (:mod:`indexer.event_places`); an article that also names the place
outside the event keeps it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from corpora import places_after, prepared_article

from indexer import schema as S
from indexer.document import load_payload
from indexer.entity_map import EntityMap
from indexer.event_places import in_events
from indexer.map_apply import apply_map


def _in_events(text: str, places: list[str], title: str = "") -> list[str]:
    out: list[dict[str, object]] = []
    for written in places:
        start = text.index(written, int(str(out[-1]["end"])) if out else 0)
        out.append({"type": "LOC", "name": written, "field": "body", "start": start,
                    "end": start + len(written)})
    found = in_events(title, text, out, lambda m: True)
    return [str(m["name"]) for m in out if ("body", m["start"]) in found]


def test_a_place_inside_an_events_name_is_found() -> None:
    """Sentences of the corpus: the event's last words after the place, or its first words
    (or a league's whole name) before it."""
    for text, places, inside in (
            ("Della / Rizki Jalani Ujian di Vietnam Open", ["Vietnam"], ["Vietnam"]),
            ("Ada mobil imut di ujung booth Honda di Tokyo Motor Show 2019.", ["Tokyo"],
             ["Tokyo"]),
            ("kata Lenni Tedja Direktur Jakarta Fashion Week, Rabu (11/9/2019).", ["Jakarta"],
             ["Jakarta"]),
            ("setelah mengalahkan Serena Williams di final AS Terbuka pada 7 September di "
             "New York.", ["AS", "New York"], ["AS"]),
            ("Kemenangan itu didapat dari ajang Malaysia Masters 2017 dan Selandia Baru.",
             ["Malaysia", "Selandia Baru"], ["Malaysia"]),
            ("di laga Grup G Kualifikasi Piala Asia U-16 2020 yang berlangsung di Jakarta.",
             ["Asia", "Jakarta"], ["Asia"]),
            ("Kejutan terjadi di pekan kelima Liga Primer Inggris setelah Norwich City menang.",
             ["Inggris"], ["Inggris"]),
            ("Hasil Liga Inggris: Ditahan Watford 2-2, Arsenal", ["Inggris"], ["Inggris"]),
            ("dalam lanjutan Liga 1 Indonesia di Stadion Patriot Candrabhaga.",
             ["Indonesia", "Stadion Patriot Candrabhaga"], ["Indonesia"]),
            ("saat tampil di tes pascabalap MotoGP Republik Ceko 2019.", ["Ceko"], ["Ceko"]),
            ("mempertahankan medali emasnya di Olimpiade Tokyo 2020.", ["Tokyo"], ["Tokyo"]),
            ("ajang Festival Film Bandung 2015 lewat film Comic 8", ["Bandung"], ["Bandung"]),
            # a televised contest's name before its country, not the town two words on
            ("Untuk Claudia, Peserta The Voice Jerman Asal Cirebon", ["Jerman", "Cirebon"],
             ["Jerman"]),
            # a competition's head in lower case, or after a comma with no space
            ("sebelum pindah ke klub liga Arab Saudi tersebut", ["Arab Saudi"], ["Arab Saudi"]),
            ("Jadwal bola,Liga Spanyol, dan Liga Italia", ["Spanyol", "Italia"],
             ["Spanyol", "Italia"])):
        assert _in_events(text, places) == inside, text
    # must not change: a place's name with a word that only ends an event's after a place, a
    # body's or a gathering's head before it, an event's word
    # not right after the place, a venue ("Expo")
    for text, places in (
            ("Pangsa Pasar Ekspor Ketan Hitam Indonesia Terbuka Lebar", ["Indonesia"]),
            ("Dihadapan Kongres AS, Bos Facebook Bersikeras Libra Aman", ["AS"]),
            ("kata Romo Heri dari KWI (Konferensi Waligereja Indonesia) kepada wartawan.",
             ["Indonesia"]),
            ("Ketakutan Digoda 'Cewek Jadi-Jadian' di Konser Bangkok", ["Bangkok"]),
            ("Ia terbang ke Vietnam untuk Open House di kantornya.", ["Vietnam"]),
            ("pameran itu digelar di Jakarta International Expo, Kemayoran.",
             ["Jakarta International Expo", "Kemayoran"]),
            ("keluarnya Inggris dari Uni Eropa tanpa kesepakatan", ["Inggris", "Eropa"])):
        assert _in_events(text, places) == [], text


def test_a_headlines_capitals_make_no_event_the_body_does_not_write() -> None:
    """In a headline every word is capitalised: a name of more than one word after the place
    is an event's only where the body writes it too (headlines and bodies of the corpus)."""
    def found(title: str, place: str, body: str) -> bool:
        start = title.index(place)
        m = {"type": "LOC", "name": place, "field": "title", "start": start,
             "end": start + len(place)}
        return ("title", start) in in_events(title, body, [m], lambda m: True)

    body = "Kabupaten Gorontalo menggelar festival kelapa internasional tahun depan."
    assert not found("Kabupaten Gorontalo Siap Gelar Festival Kelapa Internasional 2020",
                     "Kabupaten Gorontalo", body)
    assert not found("Perdana, Australia Gelar Festival Film Muslim", "Australia", body)
    body = "Desainer itu tampil di Jakarta Fashion Week 2020 pekan lalu."
    assert found("Colors Uncensored, Tren Make Up Terkini di Jakarta Fashion Week 2020",
                 "Jakarta", body)
    assert found("Jadwal Final Vietnam Open 2019, Della/Rizki Satu-satunya Harapan", "Vietnam",
                 "Della/Rizki tampil di final.")


def test_apply_map_drops_the_event_unless_the_article_names_the_place(tmp_path: Path) -> None:
    emap = EntityMap({}, {"LOC": {"Vietnam": 213, "Jakarta": 4687}})
    stored = EntityMap.from_json(emap.to_json())  # ``warta add`` applies it as ``reindex``
    for body, places in (
            # the country named outside the event too: it stays, and only the event goes
            ("Della/Rizki lolos ke final Vietnam Open 2019. Mereka tiba di Vietnam pekan lalu "
             "setelah bertanding di Jakarta.", {"Vietnam": 1, "Jakarta": 1}),
            ("Della/Rizki lolos ke final Vietnam Open 2019 setelah bertanding di Jakarta.",
             {"Jakarta": 1})):
        prep = prepared_article(tmp_path, "Della/Rizki ke Final", body)
        assert {m.name for m in load_payload(prep.fields[S.PAYLOAD]).mentions
                if m.type == "LOC"} == {"Vietnam", "Jakarta"}
        for m in (emap, stored):
            after = load_payload(apply_map(prep, m).fields[S.PAYLOAD])
            assert set(after.entities["LOC"]) == set(places), body
            assert Counter(x.name for x in after.mentions if x.type == "LOC") == places, body


def test_on_the_corpus_no_place_written_only_inside_a_league(full_index_dir: Path) -> None:
    """Brute force over the 22k index: no place mention right after "Liga"/"Piala", and Asia
    is still the continent of a few hundred articles."""
    left, asia = places_after(full_index_dir, lambda t: t.endswith((" Liga ", " Piala ")), "Asia")
    assert left == []
    assert 250 < asia < 400
