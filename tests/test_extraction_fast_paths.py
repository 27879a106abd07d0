"""The extractor's fast paths give what their plain references give: its caches (word records,
per-run and per-one-word-run results, computed once and shared across texts) change no
mention, the compiled word features are those of ``features.word_features``, the compiled
scan for runs finds what ``RUN_RE.finditer`` finds, the spans it finds a run's context tokens
by are ``prev_token`` and ``next_token``, and the fast record constructors build equal
records. ``scripts/check_entities.py`` compares the whole
corpus with another revision."""

from __future__ import annotations

import gc
import gzip
import json
from itertools import islice, product
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer import schema as S
from indexer._ner import (
    BOS,
    EOS,
    char_classes,
    field_mentions,
    next_token,
    prev_token,
    token_spans,
)
from indexer.entities import (
    Entity,
    defined_otherwise,
    drop_defined_otherwise,
    extract_entities,
    load_model,
)
from indexer.entities.compass import before_lower_compass, ends_lower_compass
from indexer.entities.facts import CREDIT_RE, DATA, credit_match, read_lines
from indexer.entities.features import POSITIONS, word_features
from indexer.entities.labels import LABELS
from indexer.entities.model import model_from_payload, read_payload
from indexer.entities.names import is_short_form, letters
from indexer.entities.runs import RUN_FIRST, RUN_RE
from indexer.mentions import make_mention

CORPUS = Path("corpus") / "clickid-news" / "articles.jsonl.gz"


def _articles(shared: Path, n: int) -> list[tuple[str, str]]:
    with gzip.open(shared / CORPUS, "rt", encoding="utf-8") as fh:
        return [(str(d.get("title") or ""), str(d.get("body") or ""))
                for d in map(json.loads, islice(fh, n))]


def _plain(ents: list[Entity]) -> list[tuple[str, str, int, int]]:
    return [(e.name, e.type, e.start, e.end) for e in ents]


def test_caches_change_no_mention(shared_dir: Path) -> None:
    """The shipped model with its caches warm from other texts, in corpus order, against a model
    whose caches hold 50 entries (emptied at almost every text), in reverse order."""
    articles = _articles(shared_dir, 400)
    texts = [t for a in articles for t in a]
    warm = load_model()
    want = [_plain(extract_entities(t, warm)) for t in texts]
    tiny = model_from_payload(read_payload(), cache_limits=(50, 50))
    got = [_plain(extract_entities(t, tiny)) for t in reversed(texts)][::-1]
    assert got == want
    assert sum(map(len, want)) > 3000


def test_per_run_records_change_no_mention(shared_dir: Path) -> None:
    """What the tagger keeps per run (its words' records, fact type, names, labels to
    mentions, its contexts' vectors), used when a run meets a new context, and what it looks
    up ahead for a text's runs, against every run from its strings (``extract(plain=True)``:
    no look-ahead, no per-run records), each on a fresh model; then both again, caches warm.
    Runs of the sample meet new contexts, split_places and fixed places and organisations."""
    articles = _articles(shared_dir, 600)
    texts = [t for a in articles for t in a]
    texts += ["Presiden AS Joe Biden dan Presiden AS Joe Biden", "Kementerian Pemuda dan "
              "Olahraga", "Dari Jakarta Utara ke Jakarta Utara. Jakarta Utara banjir. " * 2]
    fast = model_from_payload(read_payload()).tagger
    plain = model_from_payload(read_payload()).tagger
    for _ in range(2):
        got = [_plain(fast.extract(t)) for t in texts]
        want = [_plain(plain.extract(t, plain=True)) for t in texts]
        assert got == want
    assert sum(map(len, want)) > 5000


def test_compiled_word_features_are_the_trainers(shared_dir: Path) -> None:
    """Every word of the runs of a corpus sample, in every form and at every run position: the
    compiled tagger's vector is the sum over ``word_features`` (in its fixed point)."""
    model = load_model()
    words = {w for _, body in _articles(shared_dir, 40) for m in RUN_RE.finditer(body)
             for w in m.group().split(" ")}
    words |= {w.upper() for w in list(words)[:50]} | {"Éric", "ÖZIL", "Qwxzvb", "İstanbul", "ǅemal"}
    assert len(words) > 500

    def fixed(x: float) -> int:
        return max(-(2**19 - 1), min(2**19 - 1, round(x * 100.0)))

    for word in sorted(words):
        extra = model.word_extra.get(word.lower(), "").split()
        for pos in POSITIONS:
            feats = word_features(word, pos, model.lower_ratio, model.places, extra)
            want = [sum(fixed(model.weights[f][j]) for f in feats if f in model.weights)
                    for j in range(len(LABELS))]
            assert model.word_vec(word, pos) == want, (word, pos)


_SHAPE_CHARS = "AaZzÉéİıǅ09٣-.'&/😀"


@settings(max_examples=1500, deadline=None)
@given(st.one_of(st.text(_SHAPE_CHARS, min_size=1, max_size=16),
                 st.sampled_from(sorted(p for p in load_model().places if " " not in p)).map(
                     lambda p: p[:1].upper() + p[1:])))
def test_compiled_position_features_are_the_trainers(word: str) -> None:
    """A word's vector at each run position, where the compiled tagger shares the position
    features of every word of one lower bucket, shape and place flag: words of every shape
    (capitals, digits, marks, wide characters) and well-known places, against the sum over
    ``word_features``, in one tagger whose class table fills as the examples run."""
    model = load_model()
    extra = model.word_extra.get(word.lower(), "").split()
    for pos in POSITIONS:
        feats = word_features(word, pos, model.lower_ratio, model.places, extra)
        want = [sum(max(-(2**19 - 1), min(2**19 - 1, round(model.weights[f][j] * 100.0)))
                    for f in feats if f in model.weights) for j in range(len(LABELS))]
        assert model.word_vec(word, pos) == want, (word, pos)


_SPLIT_WORDS = sorted({
    *(w for h in sorted(load_model().split_heads)[::8] for w in h.title().split(" ")),
    "AS", "Jabar", "Amerika", "Korea", "Selatan", "Presiden", "Joe", "Biden", "Joko", "Widodo",
    "Menteri", "Luar", "Negeri", "Retno", "Bank", "Dunia", "FC", "di", "dan", "ABC",
})


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_SPLIT_WORDS), st.integers(0, 6)), min_size=1,
                max_size=9),
       st.sampled_from(["", ".", "mengatakan", "Jakarta", "("]))
def test_compiled_split_places_is_the_models(run: list[tuple[str, int]], nxt: str) -> None:
    """The records path splits a place off a span's head in compiled code; the plain path calls
    ``Model.split_places``: on runs of places' words, the alias table's places, titles and
    people's names, under every BIO labelling."""
    model = load_model()
    words, labs = [w for w, _ in run], [lab for _, lab in run]
    assert model.tagger.split_labels(words, labs, nxt) == model.split_places(words, labs, nxt)


def test_split_places_splits() -> None:
    """The compiled split changes labels where the reference does ("Presiden AS Joe Biden")."""
    model = load_model()
    words = ["AS", "Joe", "Biden"]
    labs = [1, 2, 2]
    assert model.split_places(words, labs, "mengatakan") == [5, 1, 2]
    assert model.tagger.split_labels(words, labs, "mengatakan") == [5, 1, 2]


def test_feature_table_finds_every_feature_and_no_other() -> None:
    """The tagger's feature table (key hashes checked against the keys' code points) gives
    every feature of the model its own vector, and nothing for a key the model lacks: each
    feature with a character changed, cut or added, and keys in every string width."""
    payload = read_payload()
    wide = {"É=ǅ": [1.0] * len(LABELS), "😀": [2.0] * len(LABELS)}
    model = model_from_payload({**payload, "weights": {**payload["weights"], **wide}})
    weights = model.weights

    def fixed(x: float) -> int:
        return max(-(2**19 - 1), min(2**19 - 1, round(x * 100.0)))

    assert len(weights) > 50_000 and wide.keys() <= weights.keys()
    for f, vec in weights.items():
        assert model.feature_sum([f]) == [fixed(x) for x in vec], f
    absent = {other for f in list(weights)[::7]
              for other in (f[:-1], f + "a", f[:-1] + chr(ord(f[-1]) ^ 1), "x" + f, f.upper())
              } - weights.keys()
    assert len(absent) > 40_000
    for other in absent:
        assert model.feature_sum([other]) == [0] * len(LABELS), other


def test_the_collector_walks_no_cache_of_the_tagger(shared_dir: Path) -> None:
    """The tagger's caches keyed by tuples, packed numbers or spans' texts (runs, one-word
    runs, what is found per run and context, what a span makes) hold only
    untracked tuples, so the dicts stay untracked: no collection walks them; its lists of
    word, run and token records, of what is found and of what is kept per run hold untracked
    tuples and are untracked themselves."""
    tagger = model_from_payload(read_payload()).tagger
    for _, body in _articles(shared_dir, 300):
        tagger.extract(body)
    referents = gc.get_referents(tagger)
    caches = [d for d in referents if type(d) is dict and d
              and (all(type(k) is tuple for k in d) or all(type(k) is int for k in d))]
    assert len(caches) == 2 and sum(map(len, caches)) > 10
    assert not any(gc.is_tracked(d) for d in caches)
    # what a span of a run makes, per type: keyed by the span's text
    spans = [d for x in referents if type(x) is tuple and x and all(type(d) is dict for d in x)
             for d in x]
    assert len(spans) == 3 and all(len(d) > 100 for d in spans)
    assert not any(gc.is_tracked(d) for d in spans)
    lists = [xs for xs in referents if type(xs) is list]
    records = [x for xs in lists for x in xs if type(x) is tuple]
    assert len(records) > 3000
    assert not any(gc.is_tracked(x) for x in records)
    assert len(lists) == 7 and not any(gc.is_tracked(xs) for xs in lists)


def test_tagger_records_are_plain_entities(shared_dir: Path) -> None:
    """The records the compiled tagger makes (slots set from C) are the dataclass's own."""
    tagger = load_model().tagger
    ents = [e for _, body in _articles(shared_dir, 50) for e in tagger.extract(body)]
    assert len(ents) > 300
    for e in ents:
        plain = Entity(e.name, e.type, e.start, e.end)
        assert type(e) is Entity and e == plain and hash(e) == hash(plain)
        assert repr(e) == repr(plain)


def test_fast_mention_constructor() -> None:
    made = make_mention("PER", "Joko Widodo", "title", 3, 14)
    plain = S.Mention("PER", "Joko Widodo", "title", 3, 14)
    assert made == plain and hash(made) == hash(plain) and repr(made) == repr(plain)


def test_compiled_field_mentions_are_plain_mentions(shared_dir: Path) -> None:
    """The records ``field_mentions`` builds from a corpus sample's entities equal the plain
    constructor's."""
    ents = [e for _, body in _articles(shared_dir, 50) for e in extract_entities(body)]
    assert len(ents) > 300
    made = field_mentions(S.Mention, ents, "body")
    plain = [S.Mention(e.type, e.name, "body", e.start, e.end) for e in ents]
    assert made == plain and [hash(m) for m in made] == [hash(m) for m in plain]
    assert [repr(m) for m in made] == [repr(m) for m in plain]


@settings(max_examples=3000, deadline=None)
@given(st.one_of(st.text(max_size=12), st.lists(st.sampled_from(
    ["Joko", "WIDODO", "a", " ", "  ", "-", " - ", "'", "’", "`", "´", "ʼ", "\t", "\n", "\x1c",
     "\xa0", "\u2009", "ß", "İ", "É", ".", "(", "1", "\x7f", "ǅ", "\x00"]),
    max_size=8).map("".join)))
def test_variant_key_fast_path_is_variant_key(value: str) -> None:
    """``mentions._variant_key`` (a shortcut for plain ASCII values, else a memo) equals
    ``name_keys.variant_key``."""
    import indexer.mentions as mentions
    from indexer.name_keys import variant_key

    assert mentions._variant_key(value) == variant_key(value)


def _clean(surface: str) -> bool:
    """What ``names.normalise`` takes as needing no squeeze of its spaces."""
    return surface.isprintable() and "  " not in surface and surface[:1] != " " \
        and surface[-1:] != " "


@settings(max_examples=3000, deadline=None)
@given(st.one_of(st.text(max_size=12), st.lists(st.sampled_from(
    ["Joko", "a", " ", "  ", "\t", "\n", "\x1c", "\x85", "\xa0", "\u2009", "\u2028", "\u3000",
     "\u180e", "\u200b", "\ufeff", "é", "."]), max_size=8).map("".join)).filter(_clean))
def test_normalise_skips_squeezing_only_clean_surfaces(surface: str) -> None:
    """``names.normalise`` squeezes the spaces of a surface only when it is unprintable, holds
    two spaces in a row or begins or ends with one: every other surface is its own squeeze."""
    from indexer.entities.names import _SPACES_RE

    assert _SPACES_RE.sub(" ", surface).strip() == surface


def _spelt_plainly(short: str, name: str) -> bool:
    """Every way to spell with leading letters of words of ``name``, in order, from its first
    word on: does one give ``short``'s letters?"""
    lets = letters(short)
    words = [w for w in name.lower().split(" ") if w[:1].isalpha()]
    if len(lets) < 2 or len(words) < 2:
        return False
    for picked in product((False, True), repeat=len(words) - 1):
        chosen = [words[0]] + [w for w, p in zip(words[1:], picked, strict=True) if p]
        for cuts in product(*(range(1, len(w) + 1) for w in chosen)):
            if "".join(w[:k] for w, k in zip(chosen, cuts, strict=True)) == lets:
                return True
    return False


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="abAB.", min_size=1, max_size=5),
       st.lists(st.text(alphabet="abB", min_size=1, max_size=3), min_size=1, max_size=5)
       .map(" ".join))
def test_is_short_form_is_every_spelling_tried(short: str, name: str) -> None:
    """``names.is_short_form`` (a memoised search) against trying every spelling."""
    assert is_short_form(short, name) is _spelt_plainly(short, name)


def test_run_first_is_the_run_regex_first_class() -> None:
    """Over every code point, a run starts at a character exactly when it is in RUN_FIRST."""
    starts = {c for c in map(chr, range(0x110000)) if RUN_RE.match(c) is not None}
    assert starts == set(RUN_FIRST)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["Joko", "Widodo", "iPhone", "KPK", "bin", "van", " ", "  ", "-",
                                 ".", "R", "'", "’", "1", "2019", "Éric", "ÖZIL", "İ", "x", "_",
                                 "\n", "(", "De", "de", "A.", "Ⅻ", "ǅ", "aB", "😀", "dan",
                                 "binti", "della", "&", "12345", "٣٤", "²", "ß", "×", "Þ", "9a"]),
                max_size=40).map("".join))
def test_compiled_run_scan_is_the_regex_finditer(text: str) -> None:
    assert load_model().tagger.run_spans(text) == [m.span() for m in RUN_RE.finditer(text)]


def test_compiled_run_scan_finds_every_one_byte_start() -> None:
    """The scan skips 8 one-byte characters at a time that hold no run start: every character
    below U+0100, at each place in such a word, after lower case or a space, is found as the
    regex finds it."""
    tagger = load_model().tagger
    for c in map(chr, range(256)):
        for k in range(8):
            for filler in ("x", " "):
                text = filler * (8 + k) + c + "Ab" + filler * (7 - k)
                assert tagger.run_spans(text) == [m.span() for m in RUN_RE.finditer(text)]


def test_compiled_run_scan_on_the_corpus(shared_dir: Path) -> None:
    tagger = load_model().tagger
    for title, body in _articles(shared_dir, 300):
        for text in (title, body, body.upper(), body.title()):
            assert tagger.run_spans(text) == [m.span() for m in RUN_RE.finditer(text)]


def _span_tokens(text: str, at: int) -> tuple[str, str]:
    """The context tokens before and after ``at`` as the tagger's spans give them."""
    before, after = token_spans(text, at, at)
    return (BOS if before is None else text[before[0] : before[1]],
            EOS if after is None else text[after[0] : after[1]])


def test_compiled_character_classes_are_the_strings() -> None:
    breaks, punct, want_breaks, want_punct = char_classes()
    assert sorted(breaks) == sorted(want_breaks) and sorted(punct) == sorted(want_punct)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["Joko", "KPK", "x", "1", " ", "  ", "-", ".", ",", "(", ")", "“",
                                 "”", "’", "…", "•", "—", "\n", "\r", "\t", "\x85", "\u2028",
                                 "\x0c", "_", "Éric", "😀", "٣", "<S>", "a" * 50, "¡", "§"]),
                max_size=30).map("".join), st.integers(0, 200))
def test_compiled_token_spans_are_the_context_tokens(text: str, at: int) -> None:
    """The spans the tagger looks its context tokens up by (no string built) are
    ``prev_token`` and ``next_token`` at every place of a text."""
    at = min(at, len(text))
    assert _span_tokens(text, at) == (prev_token(text, at), next_token(text, at))


def test_compiled_token_spans_on_the_corpus(shared_dir: Path) -> None:
    tagger = load_model().tagger
    for title, body in _articles(shared_dir, 300):
        for text in (title, body):
            places = {x for span in tagger.run_spans(text) for x in span}
            for at in sorted(places | set(range(0, len(text), 7))):
                assert _span_tokens(text, at) == (prev_token(text, at), next_token(text, at))


_CREDITS = load_model().config.credits
_OUTLET_PARTS = sorted({p for ln in read_lines(DATA / "outlets.txt")
                        for p in (ln.lower().rstrip("*"), ln.lower().rstrip("*")[:2])})


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from([*_OUTLET_PARTS, " ", ".", ".com", ".co.id", ".tv", "x", "jakarta",
                                 "ab", "a", "\n", "é", "-"]), max_size=6).map("".join))
def test_credit_match_is_the_credit_regex(low: str) -> None:
    """The cheap test before the regex rules out only what the regex never matches, in
    ``facts.credit_match`` and in its compiled form, which the tagger calls."""
    got, want = credit_match(low), CREDIT_RE.fullmatch(low)
    assert (got and got.span()) == (want and want.span())
    compiled = _CREDITS.match(low)
    assert (compiled and compiled.span()) == (want and want.span())


def test_credit_match_on_the_corpus(shared_dir: Path) -> None:
    runs = {m.group().lower() for t, b in _articles(shared_dir, 300)
            for m in RUN_RE.finditer(f"{t} {b}")}
    assert len(runs) > 3000
    credits = {r for r in runs if CREDIT_RE.fullmatch(r)}
    assert credits
    assert {r for r in runs if credit_match(r)} == credits
    assert {r for r in runs if _CREDITS.match(r)} == credits


def _reference_mentions(title: str, body: str) -> list[tuple[str, str, str, int, int]]:
    """``article_mentions`` as plainly as it can be said: the headline's acronyms that the body
    defines as other words dropped; every body mention's value and surface (and a place's
    value without its lower-case point of the compass) keyed by ``variant_key``, first one
    first, then the words of the body's full person names that only one of them has; no memo,
    no skipping of values already seen."""
    from indexer.mentions import _confirmed  # the confirmation is shared; the keys are not
    from indexer.name_keys import variant_key

    body_mentions = [S.Mention(e.type, e.name, "body", e.start, e.end)
                     for e in extract_entities(body)]
    in_title = extract_entities(title) if title else []
    if not in_title:
        return [(m.type, m.name, m.field, m.start, m.end) for m in body_mentions]
    in_title = drop_defined_otherwise(title, in_title, defined_otherwise(body))
    known: dict[str, tuple[str, str]] = {}
    for m in body_mentions:
        known.setdefault(variant_key(m.name), (m.type, m.name))
        if ends_lower_compass(m.name):  # "Norwegia utara" confirms "Norwegia"
            short = before_lower_compass(m.name)
            known.setdefault(variant_key(short), (m.type, short))
        known.setdefault(variant_key(body[m.start:m.end]), (m.type, m.name))
    owner: dict[str, str | None] = {}
    for m in body_mentions:
        if m.type == "PER" and " " in m.name:
            for w in variant_key(m.name).split(" "):
                if len(w) >= 3:
                    owner[w] = m.name if owner.get(w, m.name) == m.name else None
    for w, person in owner.items():
        if person is not None:
            known.setdefault(w, ("PER", person))
    heads = [_confirmed(title, e.type, e.name, e.start, e.end, known) for e in in_title]
    return [(m.type, m.name, m.field, m.start, m.end)
            for m in [h for h in heads if h is not None] + body_mentions]


# Articles whose headlines take the steps the corpus's first 600 do not: an acronym the body
# defines as other words, a place the body writes with a lower-case point of the compass.
_HEADLINE_CASES = [
    ("RUU PKS Disahkan DPR",
     "DPR akhirnya mengesahkan Rancangan Undang-Undang Penghapusan Kekerasan Seksual (PKS) "
     "dalam rapat paripurna di Jakarta."),
    ("Norwegia Diguncang Gempa",
     "Gempa mengguncang Norwegia utara pada Senin pagi, kata badan geologi Norwegia utara."),
]


def test_headline_confirmation_equals_its_plain_reference(
        shared_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``article_mentions`` makes the body's keys once per distinct value or surface, only as
    far into the body as each lookup needs, through a memo of ``variant_key`` that empties
    itself when full: the same mentions as the plain reference on corpus articles, with the
    memo's usual size and with a size of 5."""
    import indexer.mentions as mentions

    articles = _articles(shared_dir, 600) + _HEADLINE_CASES
    want = [_reference_mentions(t, b) for t, b in articles]

    def got() -> list[list[tuple[str, str, str, int, int]]]:
        return [[(m.type, m.name, m.field, m.start, m.end)
                 for m in mentions.article_mentions(t, b)] for t, b in articles]

    assert got() == want
    monkeypatch.setattr(mentions, "_MAX_VARIANT_KEYS", 5)
    mentions._VARIANT_KEYS.clear()
    assert got() == want
    assert len(mentions._VARIANT_KEYS) <= 5
    assert sum(1 for ms in want for m in ms if m[2] == "title") > 200


_POINT_WORDS = ["utara", "Utara", "UTARA", "uTara", "barat", "Barat", "daya", "Daya", "laut",
                "tengah", "Tenggara", "Timur", "selatan", "dan", "Dur", "", "utara-nya", "utara2"]


@settings(max_examples=2000, deadline=None)
@given(st.one_of(st.text(max_size=14), st.lists(st.sampled_from(
    [*_POINT_WORDS, " ", "  ", "Jawa", "Maluku", "x", "\n"]), max_size=5).map(" ".join)))
def test_ends_lower_compass_is_its_plain_definition(value: str) -> None:
    """``compass.ends_lower_compass`` (one ``endswith``) is the last word, after a space, being
    a point of the compass in lower case."""
    from indexer.entities.facts import COMPASS

    last = value.rsplit(" ", 1)[-1]
    assert ends_lower_compass(value) == (" " in value and last.islower() and last in COMPASS)


def _plain_compass_places(text: str, entities: list[Entity], lower: bool) -> list[Entity]:
    """``compass.compass_places`` looking after every place followed by a space, whatever word
    follows (the pass skips those whose next word begins with no point's first letter)."""
    from indexer.entities.compass import compass_points_after
    from indexer.entities.names import normalised

    out: list[Entity] = []
    k = 0
    while k < len(entities):
        ent = entities[k]
        if ent.type != "LOC" or text[ent.end : ent.end + 1] != " ":
            out.append(ent)
            k += 1
            continue
        end, nxt = compass_points_after(text, ent, entities, k, lower)
        if end == ent.end:
            out.append(ent)
        elif text[ent.end + 1 : end].islower():
            out.append(Entity(f"{ent.name}{text[ent.end : end]}", "LOC", ent.start, end))
        else:
            name, typ = normalised(text[ent.start : end], "LOC")
            out.append(Entity(name, typ, ent.start, end))
        k = max(nxt, k + 1)
    return out


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from([*_POINT_WORDS, "Jawa", "Maluku", "Papua"]), min_size=1,
                max_size=5), st.booleans())
def test_compass_places_skips_only_places_no_point_follows(words: list[str], lower: bool) -> None:
    """A place followed by any words: ``compass_places`` is its plain reference."""
    from indexer.entities.compass import compass_places

    text = "Di Papua " + " ".join(words) + " ."
    ents = [Entity("Papua", "LOC", 3, 8)]
    at = 9
    for w in words:  # the capitalised words are mentions too, as the tagger may find them
        if w[:1].isupper():
            ents.append(Entity(w, "LOC", at, at + len(w)))
        at += len(w) + 1
    assert compass_places(text, ents, lower) == _plain_compass_places(text, ents, lower)


def test_text_entities_are_extract_entities_and_the_definitions(shared_dir: Path) -> None:
    """``text_entities`` (the body's acronyms defined as other words, computed once for the
    headline too) gives ``extract_entities`` and ``defined_otherwise`` of the same text; and
    ``compass_places`` on the tagger's mentions of corpus texts is its plain reference."""
    from indexer.entities import text_entities
    from indexer.entities.compass import compass_places

    model = load_model()
    texts = [t for a in _articles(shared_dir, 300) for t in a] + [b for _, b in _HEADLINE_CASES]
    defined = 0
    for text in texts:
        found, otherwise = text_entities(text)
        assert _plain(found) == _plain(extract_entities(text))
        assert otherwise == defined_otherwise(text)
        defined += bool(otherwise)
        ents = model.tagger.extract(text)
        for lower in (False, True):
            assert compass_places(text, ents, lower) == _plain_compass_places(text, ents, lower)
    assert defined >= 1


@settings(max_examples=4000, deadline=None)
@given(st.lists(st.sampled_from(["a", "B", "7", "é", "-", "'", "’", "_", " ", "  ", ")", "(",
                                 "\"", "“", "‘", ".", ",", "\n", "Kompol", "AS", "ж", "٣",
                                 "𝟙", "😀", "\u00a0"]),
                max_size=10).map("".join))
def test_word_before_is_its_regex(text: str) -> None:
    """``words.word_before`` (compiled, scanned back from the name) is what its regex finds,
    for the person marks, the kind words and the retype passes alike; in texts of one, two and
    four bytes a character."""
    import re

    from indexer.words import WORD_PATTERN, word_before

    m = re.search(rf"(?<![^\W_])({WORD_PATTERN})\)?[ \"'“‘]{{1,2}}\Z", text)
    want = (m.start(1), m.group(1)) if m is not None else (len(text), "")
    assert word_before(text + "X", len(text)) == want


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["a", "Bc", "AS", "7", "-", "'", " ", "  ", ")", ",", "\n", "“",
                                 "x" * 39]), max_size=8).map("".join))
def test_head_before_is_word_before_of_letters_after_one_space(text: str) -> None:
    """``retype._head_before`` (one look back for the space first) is ``words.word_before``
    where that word is letters and one space stands between it and the name, else nothing."""
    from indexer.entities.retype import _head_before
    from indexer.words import word_before

    start = len(text)
    before, word = word_before(text + "X", start)
    ok = start >= 2 and text[start - 1] == " " and before + len(word) + 1 == start \
        and word.isalpha()
    assert _head_before(text + "X", start) == ((before, word) if ok else (start, ""))


def test_compass_initials_are_every_character_lower_casing_to_one() -> None:
    """``compass_places`` looks at a place's next character in a set of both cases, where it
    lower-cased it before: every character, the same answer."""
    from indexer.entities.compass import INITIALS_EITHER_CASE
    from indexer.entities.facts import COMPASS

    firsts = {w[0] for w in COMPASS}
    assert {c for c in map(chr, range(0x110000)) if c.lower()[:1] in firsts} \
        == INITIALS_EITHER_CASE


def _plain_alias_people(text: str, entities: list[Entity]) -> list[Entity]:
    """``passes.alias_people`` searching the text for every form, with no look at the
    lower-cased text first."""
    from indexer.entities.facts import ALIASES
    from indexer.entities.names import make_entity
    from indexer.entities.passes import ALIAS_PEOPLE
    from indexer.entities.runs import word_occurrences

    out = entities
    for form, key in ALIAS_PEOPLE.items():
        for s, e in word_occurrences(text, form):
            out = [x for x in out if x.end <= s or x.start >= e]
            name, typ = ALIASES[key]
            out.append(make_entity(name, typ, s, e))
    return sorted(out, key=lambda x: x.start)


_ALIAS_PIECES = ["Gus Dur", "GUS DUR", "gus dur", "Gus dur", "BJ Habibie", "Bj Habibie",
                 "BJ HABIBIE", "bj habibie", "B.J. Habibie", "Habibie", "Gus", "x", " ", "\n",
                 "İ", "Σ", "ẞ", "K", "-", "(", ")"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_ALIAS_PIECES), max_size=8).map("".join))
def test_alias_people_looks_first_at_the_lower_cased_text(text: str) -> None:
    """A text holds a person alias's form only where its lower-cased copy holds the form
    lower-cased: ``alias_people`` is its plain reference."""
    from indexer.entities.passes import alias_people

    ents = [Entity("x", "LOC", m, m + 1) for m in range(len(text)) if text[m] == "x"]
    assert _plain(alias_people(text, ents)) == _plain(_plain_alias_people(text, ents))


def test_alias_people_on_the_corpus(shared_dir: Path) -> None:
    from indexer.entities.passes import alias_people

    tagger = load_model().tagger
    texts = [t for a in _articles(shared_dir, 1500) for t in a if t]
    changed = 0
    for text in texts:
        ents = tagger.extract(text)
        got = alias_people(text, ents)
        assert _plain(got) == _plain(_plain_alias_people(text, ents))
        changed += got is not ents
    assert changed >= 5
