"""Which names a person's name takes in the corpus-level map, and which it must not: a word only
written inside one person's name (indexer.name_parts), a one-word name the words around it
link to another person (indexer.name_evidence.linked_words) and two persons' names run
together (indexer.run_ons); with the cases that must not change."""

from __future__ import annotations

from collections.abc import Iterable

from indexer.entity_map import EntityMap
from indexer.entity_norm import compute_map
from indexer.name_evidence import NameEvidence
from indexer.name_parts import spelt_initials
from indexer.run_ons import halves_written, run_ons
from indexer.spill import alias_person


def _map(per: dict[str, int], links: dict[tuple[str, str], int] | None = None,
         contexts: Iterable[tuple[str, ...]] = ()) -> EntityMap:
    evidence = NameEvidence(links={(("PER", s), ("PER", w)): n
                                   for (s, w), n in (links or {}).items()})
    return compute_map({"PER": per, "ORG": {}, "LOC": {}}, {}, alias_person, evidence,
                       contexts=contexts)


def test_a_word_only_written_inside_a_name_is_not_that_person() -> None:
    m = _map({"Anies Rasyid Baswedan": 50, "Anies Baswedan": 200, "Rasyid": 6,
              "Desmond Junaidi Mahesa": 20, "Junaidi": 4,
              "Muhammad Rian Ardianto": 40, "Rian": 8, "Robert Downey Jr": 10, "Downey": 2})
    for v in ("Rasyid", "Junaidi"):
        assert m.entity("PER", v) in ((), (v,)), v
    # must not change: first and last words, past a common part before or after the name
    for v, into in (("Rian", "Muhammad Rian Ardianto"), ("Downey", "Robert Downey Jr"),
                    ("Anies Rasyid Baswedan", "Anies Baswedan")):
        assert m.entity("PER", v) == (into,), v


def test_a_word_linked_to_one_person_does_not_take_another_persons_name_along() -> None:
    per = {"Mika": 9, "Mika Kallio": 11, "Mikhael Moeis": 12}
    m = _map(per, {("Mika", "Mikhael Moeis"): 4})
    assert m.entity("PER", "Mika Kallio") == ("Mika Kallio",)
    assert m.entity("PER", "Mika") == ("Mikhael Moeis",)
    # must not change: with no link the word is the one full name it begins; a short form
    # that is no word of another name joins the name it is linked to
    assert _map(per).entity("PER", "Mika") == ("Mika Kallio",)
    m = _map({"Bamsoet": 70, "Bambang Soesatyo": 100, "Bambang": 5},
             {("Bamsoet", "Bambang Soesatyo"): 10})
    assert m.entity("PER", "Bamsoet") == ("Bambang Soesatyo",)


def test_two_names_run_together_are_two_persons() -> None:
    per = {"Cristiano Ronaldo Meets Piers Morgan": 1, "Cristiano Ronaldo": 71,
           "Piers Morgan": 9, "Marvel Studios Kevin Feige": 3, "Marvel Studios": 9,
           "Kevin Feige": 17, "Johan Budi Sapto Pribowo": 2, "Johan Budi": 10,
           "Sapto Pribowo": 3}
    contexts = [("Cristiano Ronaldo", "Piers Morgan", "Inggris"),
                ("Kevin Feige", "Marvel Studios"),
                ("Johan Budi Sapto Pribowo", "Johan Budi", "Sapto Pribowo")]
    assert run_ons(per, contexts) == {
        "Cristiano Ronaldo Meets Piers Morgan": ("Cristiano Ronaldo", "Piers Morgan"),
        "Marvel Studios Kevin Feige": ("Marvel Studios", "Kevin Feige")}
    m = _map(per, contexts=contexts)
    assert m.entity("PER", "Cristiano Ronaldo Meets Piers Morgan") == (
        "Cristiano Ronaldo", "Piers Morgan")
    for v in ("Piers Morgan", "Marvel Studios", "Cristiano Ronaldo", "Kevin Feige"):
        assert m.entity("PER", v) == (v,), v
    # must not change: one long name, shortened in its own articles; names never written
    # apart; a run no more frequent than its names
    assert m.entity("PER", "Johan Budi Sapto Pribowo") == ("Johan Budi",)
    assert run_ons(per, contexts[2:]) == {}
    assert run_ons({"Abdul Lathif bin Abdul Aziz": 3, "Abdul Lathif": 2, "Abdul Aziz": 12},
                   [("Abdul Lathif", "Abdul Aziz")]) == {}


def test_a_one_word_mention_of_a_run_on_names_the_half_with_that_word() -> None:
    halves = ("Marvel Studios", "Kevin Feige")
    assert halves_written("Marvel", halves) == ("Marvel Studios",)
    assert halves_written("Feige", halves) == ("Kevin Feige",)
    # must not change: a mention of several words, a word of neither half
    assert halves_written("Marvel Studios Kevin Feige", halves) == halves
    assert halves_written("Disney", halves) == halves


def test_a_given_name_only_one_full_name_holds_is_that_person() -> None:
    m = _map({"Hotman": 37, "Hotman Paris Hutapea": 8, "Hotman Hutapea": 1, "Lora Hotman": 1,
              "Delon": 12, "Delon Thamrin": 3, "Thamrin": 12, "Budi": 40, "Budi Waseso": 14,
              "Budi Karya Sumadi": 10})
    assert m.entity("PER", "Hotman") == ("Hotman Paris Hutapea",)
    assert m.entity("PER", "Delon") == ("Delon Thamrin",)
    # must not change: a surname (the given name's articles do not count for it), a given
    # name of several people
    assert m.entity("PER", "Thamrin") == ("Thamrin",)
    assert m.entity("PER", "Budi") in ((), ("Budi",))


def test_a_name_with_a_word_of_initials_is_the_name_they_abbreviate() -> None:
    assert spelt_initials("Retno LP Marsudi") == "Retno L P Marsudi"
    # must not change: a first or a last word, a two-word name, a word of four capitals
    for v in ("SBY", "TB Hasanuddin", "Kim JH", "Ahmad NTBX Yani", "Retno L Marsudi"):
        assert spelt_initials(v) == v
    m = _map({"Retno Marsudi": 21, "Retno Lestari Priansari Marsudi": 4, "Retno LP Marsudi": 3,
              "Retno L Marsudi": 1, "Retno Listyarti": 5, "Glenn Muhammad Surya Yusuf": 3,
              "Glenn MS Yusuf": 2})
    for v in ("Retno Lestari Priansari Marsudi", "Retno LP Marsudi", "Retno L Marsudi"):
        assert m.entity("PER", v) == ("Retno Marsudi",), v
    assert m.entity("PER", "Glenn MS Yusuf") == m.entity("PER", "Glenn Muhammad Surya Yusuf")
    # must not change: another Retno
    assert m.entity("PER", "Retno Listyarti") == ("Retno Listyarti",)
