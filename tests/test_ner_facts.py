"""The trainer's per-word features from the extractor's facts files (scripts/ner_facts.py)."""

from __future__ import annotations

from scripts.ner_facts import PREFIX, fact_features, fact_lists


def test_fact_features_say_which_list_and_where_in_the_entry() -> None:
    feats = fact_features(["kemenkes", "kemenhub", "kemenangan", "jakarta", "sepeda"])
    assert "xo=u" in feats["instagram"]  # a one-word well-known organisation
    assert {"xl=b"} <= set(feats["jawa"]) and {"xl=e"} <= set(feats["barat"])  # Jawa Barat
    assert "xw=u" in feats["okezone"]  # an outlet
    assert "xt=u" in feats["presiden"] and "xt=u" in feats["bupati"]  # titles
    assert "xu=u" in feats["polres"]  # a whole word that starts official bodies
    # A word of the vocabulary that starts with a body's prefix ("kemen*").
    assert "xu=p" in feats["kemenkes"] and feats["kemenhub"] == ["xu=p"]
    assert "sepeda" not in feats  # in no list
    assert all(f.startswith(PREFIX) for fs in feats.values() for f in fs)
    assert all(fs == sorted(set(fs)) for fs in feats.values())


def test_every_word_of_every_entry_has_its_lists_feature() -> None:
    feats = fact_features([])
    for kind, entries in fact_lists().items():
        assert entries, kind
        for words in entries:
            for i, w in enumerate(words):
                where = "u" if len(words) == 1 else "b" if i == 0 else (
                    "e" if i == len(words) - 1 else "i")
                assert f"{PREFIX}{kind}={where}" in feats[w], (kind, words)
