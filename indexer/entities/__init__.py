"""Named entities (PER / ORG / LOC) in Indonesian news text, fast enough for index time.

The public entry point is :func:`extract_entities` (and :class:`Entity`, what it returns).
The package's modules depend one way, each on those before it:

1. :mod:`~indexer.entities.labels`: the tagger's BILOU labels and what may follow what.
2. :mod:`~indexer.entities.runs`: candidate runs of capitalised words, the only stretches of
   text that can be entities, and the tokens around them.
3. :mod:`~indexer.entities.features`: the features of a word in a run, the one contract
   between the trainer (``scripts/train_ner.py``) and the extractor.
4. :mod:`~indexer.entities.facts`: what is known, not learnt (``indexer/data/``: gazetteers,
   aliases, titles, ...).
5. :mod:`~indexer.entities.names`: :class:`Entity`, normalisation, linking within a text.
6. :mod:`~indexer.entities.passes`: passes over a text's mentions that use facts;
   :mod:`~indexer.entities.retype`: passes that correct a mention's type (official units,
   sports teams, Korean names, alias types); :mod:`~indexer.entities.regions`: regional
   bodies (Dinas, DPRD, Polres) and the seat written after them; :mod:`~indexer.entities.
   compass`: a place and the point of the compass after it ("Irlandia Utara") as one place;
   :mod:`~indexer.entities.places`: places' names the tagger cut short ("Parc des Princes").
7. :mod:`~indexer.entities.model`: the model file, and the typed configuration of the compiled
   tagger (``indexer/_ner.pyx``), which walks the runs, scores each word by summing the score
   vectors of its features (a linear-chain CRF trained on IDNER-2k and NERGrit) and decodes a
   run with Viterbi. Titles ("Presiden", "Pak") are mostly tagged O as in the gold data, so
   "Presiden Joko Widodo" yields "Joko Widodo"; a run that is exactly a well-known place or
   organisation is one.
8. :mod:`~indexer.entities._passes` and :mod:`~indexer.entities._links`: the passes compiled,
   which :func:`text_entities` runs (their plain references are those of the modules above).
"""

from __future__ import annotations

from indexer.entities._links import (
    alias_people,
    alias_types,
    defined_otherwise,
    foreign_bodies,
    join_cut_names,
    join_place_names,
    korean_names,
    link_people,
    link_short_forms,
    one_kind_lists,
)
from indexer.entities._passes import (
    club_names,
    club_short_names,
    compass_places,
    official_units,
    places_in_names,
    sports_teams,
    unit_seats,
)
from indexer.entities.model import MODEL_PATH, Model, load_model, model_from_payload
from indexer.entities.names import Entity, drop_defined_otherwise

__all__ = ["MODEL_PATH", "Entity", "Model", "defined_otherwise", "drop_defined_otherwise",
           "extract_entities", "load_model", "model_from_payload", "text_entities"]


def extract_entities(text: str, model: Model | None = None) -> list[Entity]:
    """Named entities of ``text`` in text order. Never raises on odd input. ``model``: the
    shipped model unless given (the trainer's cross-validation passes its own)."""
    return text_entities(text, model)[0]


def text_entities(text: str, model: Model | None = None) -> tuple[list[Entity], dict[str, str]]:
    """:func:`extract_entities` of ``text``, and the acronyms ``text`` defines as other words
    (:func:`defined_otherwise`), which an article's headline reads from its body too."""
    if not text:
        return [], {}
    if model is None:
        model = load_model()
    defined = defined_otherwise(text)
    out: list[Entity] = compass_places(text, alias_people(text, model.tagger.extract(text)))
    if not out:
        return out, defined
    out = one_kind_lists(text, join_cut_names(text, out), model.facts)
    out = unit_seats(text, alias_types(official_units(text, out)))
    out = foreign_bodies(text, club_names(text, out))
    out = sports_teams(text, places_in_names(text, out, model.tagger.extract), model.facts)
    out = korean_names(text, club_short_names(text, out), model.facts)
    out = drop_defined_otherwise(text, join_place_names(text, link_short_forms(text, out)),
                                 defined)
    return compass_places(text, link_people(out), lower=True), defined
