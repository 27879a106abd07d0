"""A name cut short that the article's own words show cut from another body's name is not the
value its corpus-level group is (``indexer.cut_names``): unit cases that must change and must
not, and a real-index test."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

import tantivy

from indexer import schema as S
from indexer import store
from indexer.cut_names import cut_tails, cut_values, going_on_otherwise
from indexer.document import load_payload

VALUES = {"Institut Teknologi": ("Institut Teknologi Bandung",),
          "ITB": ("Institut Teknologi Bandung",),
          "Uni": ("Uni Eropa",),
          "Badan Perencanaan": ("Bappenas",),
          "Badan Perencanaan Pembangunan Nasional": ("Bappenas",),
          "Kementerian Hukum": ("Kementerian Hukum dan Hak Asasi Manusia",),
          "Persija Jakarta": ("Persija",),
          "DPRD DKI": ("DPRD DKI Jakarta",),
          "KPK": ("Komisi Pemberantasan Korupsi",),
          "KPK RI": ("Komisi Pemberantasan Korupsi",)}
COUNTS = {"Institut Teknologi": 1, "Institut Teknologi Bandung": 30, "ITB": 24, "Uni": 2,
          "Uni Eropa": 60, "Badan Perencanaan": 5, "Bappenas": 34,
          "Badan Perencanaan Pembangunan Nasional": 32, "Kementerian Hukum": 40,
          "Kementerian Hukum dan Hak Asasi Manusia": 60, "Persija": 100,
          "Persija Jakarta": 150, "DPRD DKI": 90, "DPRD DKI Jakarta": 95,
          "KPK": 1700, "KPK RI": 4, "Komisi Pemberantasan Korupsi": 700}


def _mentions(body: str, *found: tuple[str, str, str]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for typ, name, text in found:
        i = body.index(text)
        out.append({"type": typ, "name": name, "field": "body", "start": i, "end": i + len(text)})
    return out


def test_only_names_cut_short_have_tails() -> None:
    tails = cut_tails(VALUES, COUNTS)
    assert tails == {"Institut Teknologi": {"bandung"}, "Uni": {"eropa"},
                     "Badan Perencanaan": {"pembangunan", "nasional"},
                     "Kementerian Hukum": {"dan", "hak", "asasi", "manusia"}}
    # (Persija is shown as itself; "DPRD DKI" has a word in capitals; "KPK" is written far more
    # often than "KPK RI")


def test_a_cut_name_going_on_as_another_bodys_is_not_its_value() -> None:
    tails = cut_tails(VALUES, COUNTS)
    body = ("Rektor Institut Teknologi dan Bisnis Ahmad Dahlan hadir. Uni Sovyet runtuh. "
            "Kepala Badan Perencanaan dan Pembangunan Daerah (Bappeda) Sumut datang. Kepala "
            "Badan Perencanaan , Daerah (Bappeda) Kota Bekasi.")
    ms = _mentions(body, ("ORG", "Institut Teknologi", "Institut Teknologi"),
                   ("ORG", "Uni", "Uni"), ("ORG", "Badan Perencanaan", "Badan Perencanaan"),
                   ("ORG", "Badan Perencanaan", "Badan Perencanaan ,"))
    ms[-1]["end"] -= 2
    gone = going_on_otherwise(body, ms, tails)
    assert gone == {m["start"] for m in ms}
    assert cut_values(ms, gone) == {"Institut Teknologi", "Uni", "Badan Perencanaan"}
    # a title mention, or another body mention that does not go on otherwise, keeps the value
    keep = [*ms, {**ms[1], "field": "title"}]
    assert cut_values(keep, gone) == {"Institut Teknologi", "Badan Perencanaan"}


def test_a_cut_name_going_on_as_its_own_or_before_a_mention_stays() -> None:
    tails = cut_tails(VALUES, COUNTS)
    body = ("Menteri Kementerian Hukum dan HAM hadir. Rektor Institut Teknologi Bandung "
            "datang. Kata Institut Teknologi Kadarsah Suryadi. Lalu Institut Teknologi dan "
            "Badan Pusat Statistik. Uni A9 dijual. Badan Perencanaan, kata dia. Badan "
            "Perencanaan dan Pembangunan Nasional. Uni Afrika. Uni Provinsi. Uni , Sukses. "
            "Kementerian Hukum dan Hak Asasi Manusia. Kementerian Hukum Divisi Humas.")
    ms = _mentions(body, ("ORG", "Kementerian Hukum", "Kementerian Hukum dan HAM"),
                   ("ORG", "Institut Teknologi", "Institut Teknologi Bandung"),
                   ("ORG", "Institut Teknologi", "Institut Teknologi Kadarsah"),
                   ("PER", "Kadarsah Suryadi", "Kadarsah Suryadi"),
                   ("ORG", "Institut Teknologi", "Institut Teknologi dan"),
                   ("ORG", "Badan Pusat Statistik", "Badan Pusat Statistik"),
                   ("ORG", "Uni", "Uni A9"), ("ORG", "Badan Perencanaan", "Badan Perencanaan,"),
                   ("ORG", "Badan Perencanaan", "Badan Perencanaan dan Pembangunan Nasional"),
                   ("ORG", "Uni", "Uni Afrika"), ("LOC", "Afrika", "Afrika"),
                   ("ORG", "Uni", "Uni Provinsi"), ("ORG", "Uni", "Uni , Sukses"),
                   ("ORG", "Kementerian Hukum", "Kementerian Hukum dan Hak"),
                   ("ORG", "Kementerian Hukum", "Kementerian Hukum Divisi"))
    for m in ms:  # the spans are the names, not the words after them
        m["end"] = int(m["start"]) + len(str(m["name"]))
    assert going_on_otherwise(body, ms, tails) == set()


def test_the_corpus_cut_names(full_index_dir: Path) -> None:
    # brute force over every stored mention: no organisation's mention written as a name cut
    # short goes on as another body's name (the map's own tails, the mention's own words)
    emap = store.load_entity_map(full_index_dir)
    tails = cut_tails(emap.values["ORG"], emap.counts["ORG"])
    assert tails["Institut Teknologi"] == {"bandung"}
    index = store.open_index(full_index_dir)
    searcher = index.searcher()
    hits = searcher.search(tantivy.Query.all_query(), index.searcher().num_docs).hits
    written = left = 0
    for _, addr in hits:
        art = load_payload(searcher.doc(addr)[S.PAYLOAD][0])
        ms = [{**asdict(m), "name": art.body[m.start:m.end]} for m in art.mentions
              if m.field == "body"]
        cut = [m for m in ms if m["type"] == "ORG" and m["name"] in tails]
        written += len(cut)
        left += len(going_on_otherwise(art.body, cut + [m for m in ms if m not in cut], tails))
    assert written >= 200 and left == 0, (written, left)
