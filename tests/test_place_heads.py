"""The words of a place's kind and the venues' words are one list
(:data:`indexer.variant_joins.PLACE_HEADS`, venues marked): the joins run in this order (a
name's first join picks its group's root, which later rules read), and these are the venues."""

from __future__ import annotations

from indexer.variant_joins import PLACE_HEADS, VENUE_HEADS


def test_the_heads_keep_their_order_and_the_venues_their_words() -> None:
    assert PLACE_HEADS == ("kota", "kabupaten", "provinsi", "pulau", "republik", "kerajaan",
                           "negara", "sirkuit", "stadion", "stadion utama", "stade", "estadio",
                           "stadio", "candi", "gunung", "bandara")
    assert VENUE_HEADS == {"stadion", "stadion utama", "stade", "estadio", "stadio", "sirkuit",
                           "bandara"}
    assert VENUE_HEADS <= set(PLACE_HEADS)
