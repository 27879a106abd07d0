"""An organisation's name written at one mention as a person's (after a form of address) or a
work's or a model's (between its word and a number) names no organisation in that article
(:mod:`indexer.org_cues`): the corpus's sentences that must change and that must not, and the
rule in an article's mentions as a build prepares them."""

from __future__ import annotations

from pathlib import Path

from corpora import prepared_article

from indexer import schema as S
from indexer.document import load_payload
from indexer.org_cues import other_things


def _mentions(text: str, *names: str) -> list[S.Mention]:
    """The mentions of ``names`` wherever the text writes them, a longer name first ("PT Antam"
    holds no mention "Antam")."""
    out: list[S.Mention] = []
    for name in sorted(names, key=len, reverse=True):
        at = text.find(name)
        while at >= 0:
            if not any(m.start <= at < m.end for m in out):
                out.append(S.Mention("ORG", name, "body", at, at + len(name)))
            at = text.find(name, at + 1)
    return out


def _taken(body: str, *names: str) -> list[str]:
    """The words after each mention the rule takes, in order."""
    return [body[s:s + 12] for _, s in sorted(other_things("", body, _mentions(body, *names)))]


def test_a_name_after_a_form_of_address_is_a_persons() -> None:
    # every mention written so in the article: the person's (Antam Novambar, not PT Antam)
    body = ('"Saya ketemu dengan Pak Antam betul," kata Firli. Firli mengklaim dia diundang '
            "Antam dalam rangka koordinasi. PT Antam Tbk mencatat laba.")
    assert _taken(body, "Antam", "PT Antam") == ["Antam betul,", "Antam dalam "]
    assert _taken("Ibu Negara RI, Iriana Joko Widodo memberikan penyuluhan.", "Negara RI") == [
        "Negara RI, I"]
    # must not change: a form of address inside a longer name, one in lower case, none
    assert _taken("Potensi itu membuat Sinar Mas Land Group kepincut.", "Land Group") == []
    assert _taken('"Terima kasih bapak TNI sudah melindungi kami," ujarnya.', "TNI") == []
    assert _taken("Direktur Antam 2019 mengatakan laba naik.", "Antam") == []


def test_a_name_between_a_works_word_and_a_number_is_its_title() -> None:
    body = ("Lionel Messi Ungguli Ronaldo dalam Rating Game FIFA 2020. Jajaran 10 besar pemain "
            "pada FIFA 2020 ini. Gelar Pemain Terbaik FIFA 2019 diumumkan. Presiden FIFA hadir.")
    assert _taken(body, "FIFA") == ["FIFA 2020. J", "FIFA 2020 in"]
    assert _taken("Sangat mirip karakter Tadashi Hamada dari film BIG HERO 6. Mulai dari",
                  "BIG HERO") == ["BIG HERO 6. "]
    # must not change: a number after a name with no such word before it, nor a word with no
    # number after the name; a product's word (the corpus's vote reads those mentions)
    assert _taken("Suap Rp 400 juta dan satu ponsel Samsung Galaxy Note 9. Suap itu",
                  "Samsung Galaxy Note") == []
    assert _taken("Timnas U-19 melawan Iran, Timnas 2 gol.", "Timnas") == []
    assert _taken("Ia bermain game PUBG setiap malam.", "PUBG") == []


def test_the_rule_in_an_articles_mentions(tmp_path: Path) -> None:
    game = prepared_article(
        tmp_path, "Lionel Messi Ungguli Cristiano Ronaldo dalam Rating Game FIFA 2020",
        "Jajaran 10 besar pemain pada FIFA 2020 ini memang didominasi pemain Eropa.",
        category="Bola")
    assert "FIFA" not in load_payload(game.fields[S.PAYLOAD]).entities.get("ORG", ())
    body = prepared_article(tmp_path, "FIFA Jatuhkan Sanksi", "Presiden FIFA Gianni Infantino "
                            "mengumumkan sanksi untuk PSSI.", category="Bola")
    assert "FIFA" in load_payload(body.fields[S.PAYLOAD]).entities.get("ORG", ())
    person = prepared_article(
        tmp_path, "Firli Akui Bertemu", '"Saya ketemu dengan Pak Antam betul," kata Firli. '
        "Firli mengklaim dia diundang Antam dalam rangka koordinasi.")
    assert "Antam" not in load_payload(person.fields[S.PAYLOAD]).entities.get("ORG", ())
