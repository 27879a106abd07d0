"""Persons' names the tagger reads as organisations' ("Sukanto Tanoto", "Osas Saha"), found
over the whole corpus for the corpus-level map (:mod:`indexer.entity_norm`).

The tagger types a name from one sentence: "perusahaan Sukanto Tanoto", "penalti Osas Saha"
read as a body's name. Over the corpus the same name is written as a person's too. An
organisation's value is a person's when:

* **the corpus types it as a person's** in :data:`PERSON_MIN` articles or more and in at least
  :data:`PERSON_SHARE` of as many articles as it types it an organisation's; the articles
  counted are those of its spelling variants as a person's name (one at least), and of its
  first or last word alone as a person's name where no other person's name of the corpus
  holds that word ("Tanoto" of Sukanto Tanoto);
* **it is shaped as a person's name**: two to four words, each a capitalised word or a particle
  of a name (``de``, ``van``, ``bin``: ``data/name_particles.txt``), no acronym, no digit;
* **no word of it is an organisation's word**: a legal form or a company's word
  (``data/org_suffixes.txt``), or a word the corpus writes in :data:`ORG_WORD_MIN` other
  organisations' names or more and in more organisations' names than persons' ("Perum",
  "Milan", "Toyota");
* **no word of it is a place's name** the corpus writes in :data:`ORG_WORD_MIN` articles or
  more, and more often than as a person's ("Istanbul Basaksehir", a club);
* **it is no other type's name** that ``data/equivalents.txt`` lists ("Singo Edan", Arema's
  nickname) and the words around its mentions link it to no organisation's name (``linked``:
  "Juku Eja" of PSM Makassar, :mod:`indexer.name_evidence`);
* **no longer organisation's name holds it**: a brand heads its models' names ("Aston Martin
  DBX"), a club's name is written after its legal form ("FK Crvena Zvezda"), a person's name
  seldom is; **nor is it the end of a longer person's name** ("De Bruyne" of Kevin De Bruyne:
  moved, its articles could make it the name his group is shown by).

A name's spellings (its variant key's) are voted on together and go together. Pure: the same
counts always give the same names.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Mapping
from fractions import Fraction
from typing import Final

from indexer.entities.facts import DATA, load_names
from indexer.name_keys import name_words, variant_key
from indexer.org_names import LEGAL_FORMS, ORG_SUFFIXES
from indexer.variant_joins import equivalents

PERSON_MIN: Final = 2
PERSON_SHARE: Final = Fraction(1, 4)
ORG_WORD_MIN: Final = 2
WORDS: Final = (2, 4)  # the fewest and most words of a person's name read so
PARTICLES: Final = load_names(DATA / "name_particles.txt")
_WORD_RE: Final = re.compile(r"[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*")


def _shaped(value: str) -> bool:
    words = value.split()
    return WORDS[0] <= len(words) <= WORDS[1] and all(
        w in PARTICLES or _WORD_RE.fullmatch(w) for w in words)


def _holding(names: Mapping[str, int]) -> Counter[str]:
    """word -> the names of ``names`` holding it."""
    return Counter(w for v in names for w in set(name_words(v)))


def persons_as_orgs(counts: Mapping[str, Mapping[str, int]],
                    linked: Collection[str] = ()) -> set[str]:
    """The organisations' values of ``counts`` (type -> value -> articles) that are persons'
    names (see the module); ``linked``: the values the words around them link to an
    organisation's name."""
    orgs, persons = counts.get("ORG", {}), counts.get("PER", {})
    listed = {key for etype, keys in equivalents() if etype != "PER" for key in keys}
    shaped = {v: name_words(v) for v in orgs
              if _shaped(v) and v not in linked and variant_key(v) not in listed}
    if not shaped:
        return set()
    as_person: Counter[str] = Counter()  # variant key -> articles typing it a person's
    for v, c in persons.items():
        as_person[variant_key(v)] += c
    as_place: Counter[str] = Counter()
    for v, c in counts.get("LOC", {}).items():
        as_place[variant_key(v)] += c
    org_holding, person_holding = _holding(orgs), _holding(persons)
    # variant key -> its spellings among the organisations' values, and the persons'
    org_keys, person_keys = (Counter(map(variant_key, names)) for names in (orgs, persons))
    as_org: Counter[str] = Counter()  # variant key -> articles typing it an organisation's
    for v, c in orgs.items():
        as_org[variant_key(v)] += c
    # the surnames of longer persons' names: "De Bruyne" of Kevin De Bruyne is his, and not
    # the name his group is shown by
    tails = {words[-n:] for v in persons if len(words := name_words(v)) > WORDS[0]
             for n in range(WORDS[0], len(words))}
    spans: set[tuple[str, ...]] = set()  # the runs of words inside longer organisations' names
    for v in orgs:
        words = name_words(v)
        for n in range(WORDS[0], min(WORDS[1], len(words) - 1) + 1):
            spans.update(words[i:i + n] for i in range(len(words) - n + 1))
    out = set()
    for v, words in shaped.items():
        key = variant_key(v)
        found = as_person[key] and as_person[key] + sum(
            as_person[w] for w in {words[0], words[-1]}
            if w not in PARTICLES and person_holding[w] == person_keys[key] + 1)
        if found < PERSON_MIN or found < PERSON_SHARE * as_org[key]:
            continue
        if (any(w in LEGAL_FORMS or w in ORG_SUFFIXES for w in words) or words in spans
                or words in tails):
            continue
        if any(as_place[w] >= ORG_WORD_MIN and as_place[w] > as_person[w] for w in words):
            continue
        if any(w not in PARTICLES and (others := org_holding[w] - org_keys[key]) >= ORG_WORD_MIN
               and others > person_holding[w] - person_keys[key] for w in words):
            continue
        out.add(key)
    # every spelling of a name goes with it ("Eder MIlitao" with Eder Militao)
    return {v for v in orgs if variant_key(v) in out}
