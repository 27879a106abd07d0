"""A youth team's nickname is the one team with an age group its article names, or none
(:mod:`indexer.youth_teams`): on one article's values, through the map's reading of an
article, and on the real 22k index."""

from __future__ import annotations

from pathlib import Path

import tantivy

from indexer import schema as S
from indexer import store
from indexer.document import load_payload
from indexer.youth_teams import youth_nicknames


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
