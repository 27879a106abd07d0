"""A maker's model written as an organisation ("Toyota Calya", "Mitsubishi Xpander") is no
organisation a journalist filters by. The makers are the corpus's own: an organisation's
one-word name written after a word of a maker ("pabrikan X", "penjualan X", "diler X";
``data/kind_words.txt`` [maker]) in :data:`~indexer.name_kinds.KIND_MIN` articles. A name
headed by a maker's is its model's where the corpus writes it after a word of a product or of
a model's line ("mobil X", "tipe X", "new X"; [product], [model]) in :data:`MODEL_SHARE` of its
articles, :data:`~indexer.name_kinds.KIND_MIN` at least: a maker's company, team or foundation
("Toyota Indonesia", "Suzuki Ecstar", "Djarum Foundation") is seldom written so. The model's
name without the maker's ("Xpander") is the same model's; so is the organisation's name of a
model the corpus writes with its maker's as a person's name that is voted a model's ("Daihatsu
Sigra" read as a person's, written after "mobil": :func:`~indexer.name_kinds.kind_votes`; the
bare "Sigra" read as an organisation's).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from fractions import Fraction
from typing import Final

from indexer.name_keys import variant_key
from indexer.name_kinds import KIND_MIN, MODEL, Name

# A name headed by a maker's is a model's when written as a model in this share of its
# articles: a model is named bare, after its maker's name, more often than after such a word.
MODEL_SHARE: Final = Fraction(1, 10)


def maker_names(kinds: Mapping[tuple[Name, str], int], orgs: Collection[str]) -> frozenset[str]:
    """The corpus's makers: the organisations' one-word raw values (of ``orgs``) written after a
    word of a maker in :data:`~indexer.name_kinds.KIND_MIN` articles (``kinds``: (name, kind)
    -> articles, as :func:`~indexer.name_kinds.article_kinds` counts them)."""
    return frozenset(v for v in orgs if " " not in v.strip()
                     and kinds.get((("ORG", v), "maker"), 0) >= KIND_MIN)


def model_values(kinds: Mapping[tuple[Name, str], int], orgs: Mapping[str, int],
                 person_models: Collection[str] = ()) -> frozenset[str]:
    """The organisations' raw values (of ``orgs``, value -> articles) that are a maker's
    models (``kinds``: (name, kind) -> articles, as
    :func:`~indexer.name_kinds.article_kinds` counts them), with their names without the
    maker's where ``orgs`` has them and their spellings of the same variant key ("Mitsubishi
    XPANDER"); and the names without the maker's of ``person_models``, persons' names voted a
    model's ("Daihatsu Sigra")."""
    makers = maker_names(kinds, orgs)
    models: set[str] = set()

    def bare(v: str) -> None:  # the model's name without its maker's
        maker, _, model = v.strip().partition(" ")
        if maker in makers and model in orgs and model not in makers:
            models.add(model)

    for v, found in orgs.items():
        # an article writing it after both kinds of word is counted twice: at most
        written = kinds.get((("ORG", v), "product"), 0) + kinds.get((("ORG", v), MODEL), 0)
        if " " in v.strip() and v.strip().partition(" ")[0] in makers \
                and written >= KIND_MIN and written >= MODEL_SHARE * found:
            models.add(v)
            bare(v)
    for v in person_models:
        bare(v)
    keys = {variant_key(v) for v in models}
    return frozenset(v for v in orgs if variant_key(v) in keys)
