"""A youth team's nickname is the one team with an age group its article names, or none, and a
team's name is its team with the age group its article's headline writes
(:mod:`indexer.youth_teams`): on one article's values, through the map's reading of an
article, and on the real 22k index."""

from __future__ import annotations

from pathlib import Path

import tantivy

from indexer import schema as S
from indexer import store
from indexer.document import load_payload
from indexer.youth_teams import aged_teams, headline_teams, youth_nicknames


def _read(values: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    out = dict(values)
    youth_nicknames(out)
    return out


def test_a_nickname_is_the_one_youth_team_its_article_names() -> None:
    # "Garuda Muda kalah 0-1 dari Iran" beside "Timnas U-19 Indonesia" (22k corpus values)
    out = _read({"Garuda Muda": ("Garuda Muda",), "PSSI": ("PSSI",),
                 "Timnas Indonesia U-19": ("Timnas U-19 Indonesia",)})
    assert out == {"Garuda Muda": ("Timnas U-19 Indonesia",), "PSSI": ("PSSI",),
                   "Timnas Indonesia U-19": ("Timnas U-19 Indonesia",)}
    assert _read({"Garuda Muda": ("Garuda Muda",), "Timnas Indonesia U-16": (
        "Timnas Indonesia U-16",)})["Garuda Muda"] == ("Timnas Indonesia U-16",)


def test_a_nickname_beside_no_or_two_youth_teams_is_no_value() -> None:
    assert _read({"Garuda Muda": ("Garuda Muda",), "PSSI": ("PSSI",)})["Garuda Muda"] == ()
    two = _read({"Garuda Muda": ("Garuda Muda",), "Timnas U-19 Iran": ("Timnas U-19 Iran",),
                 "Timnas U-19 Indonesia": ("Timnas U-19 Indonesia",)})
    assert two["Garuda Muda"] == ()


def test_what_is_no_youth_nickname() -> None:
    # a band's "Junior", a youth office ("Dinas Pemuda"), a one-word name: left as they are
    values = {"Super Junior": ("Super Junior",), "Dinas Pemuda": ("Dinas Pemuda",),
              "Muda": ("Muda",), "Timnas Indonesia U-16": ("Timnas Indonesia U-16",)}
    assert _read(values) == values


# the 22k corpus's values of teams with and without an age group
_AGED = aged_teams(["Timnas Indonesia", "Timnas U-19 Indonesia", "Timnas Indonesia U-16",
                    "Persebaya", "Persebaya U-16", "Timnas Cina", "Timnas U-16 Cina", "PSSI"])


def _headline(headline: str, values: dict[str, str]) -> dict[str, tuple[str, ...]]:
    out = {v: (into,) for v, into in values.items()}
    headline_teams(out, headline, _AGED)
    return out


def test_a_teams_name_is_its_team_with_the_age_group_its_headline_writes() -> None:
    assert _AGED[("timnas", "indonesia")] == {"u-19": "Timnas U-19 Indonesia",
                                              "u-16": "Timnas Indonesia U-16"}
    # the corpus's headlines over "Timnas Indonesia dan Iran saling jual beli serangan", "kepada
    # Timnas Indonesia karena bisa memberikan pelajaran"
    for headline, team in (("Iran Sebut Timnas U-19 Indonesia Layak Menang",
                             "Timnas U-19 Indonesia"),
                           ("Menang, Ini Pesan Fakhri kepada Pemain Timnas Indonesia U-19 Sebelum "
                            "Hadapi Iran", "Timnas U-19 Indonesia"),
                           ("Kalah Telak, Mariana Utara Petik Pelajaran dari Timnas Indonesia U-16",
                            "Timnas Indonesia U-16")):
        out = _headline(headline, {"Timnas Indonesia": "Timnas Indonesia", "PSSI": "PSSI"})
        assert out == {"Timnas Indonesia": (team,), "PSSI": ("PSSI",)}, headline


def test_what_a_headline_leaves_as_it_is() -> None:
    values = {"Timnas Indonesia": "Timnas Indonesia", "Persebaya": "Persebaya",
              "Timnas Cina": "Timnas Cina"}
    same = {v: (into,) for v, into in values.items()}
    for headline in (
            # the age group beside no team the article names: an event's, a player's club's
            "Piala AFC U-16 di Stadion Madya dan GBK, Jadwal Pertandingannya",
            "Tampil Apik, Ini Komentar Pencetak Lima Gol Timnas U-16",
            # no age group, one apart from the team's name
            "Timnas Indonesia Jamu Thailand, Manahati Minta Dukungan Suporter",
            "Persebaya Lepas Dua Pemain ke Timnas U-16",
            "Timnas Indonesia Senior dan U-19 Berlatih Bersama"):
        assert _headline(headline, values) == same, headline
    # the other team of a headline about one youth team ("Lawan Cina": the country's name)
    out = _headline("Bantai Brunei, Timnas U-16 Indonesia Incar Kemenangan Lawan Cina", values)
    assert out["Timnas Indonesia"] == ("Timnas Indonesia U-16",)
    assert out["Timnas Cina"] == ("Timnas Cina",) and out["Persebaya"] == ("Persebaya",)


def test_the_corpus_youth_nicknames(full_index_dir: Path) -> None:
    searcher = store.open_index(full_index_dir).searcher()
    mapped = 0
    for _, addr in searcher.search(tantivy.Query.all_query(), 100_000).hits:
        art = load_payload(searcher.doc(addr)[S.PAYLOAD][0])
        orgs = art.entities.get("ORG", ())
        assert "Garuda Muda" not in orgs, art.title
        mapped += any(m.type == "ORG" and art.body[m.start:m.end] == "Garuda Muda"
                      and m.field == "body" for m in art.mentions)
    assert mapped >= 20
