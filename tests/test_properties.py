"""Property-based tests (hypothesis) over ingest, cleaning, resolution and export, with generated text and graphs."""
from __future__ import annotations

import datetime as dt
import random


import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.clean import clean_text
from kg.export.rdf import serialize, to_rdf
from kg.errors import InputError
from kg.ingest import decode, read_file, sanitise
from kg.model import Article, ArticleExtraction, ClaimMention, EventMention, Evidence, Mention, Skipped
from kg.resolve import resolve

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
#: text without surrogates (which no decoded file contains)
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
LINES = st.lists(st.one_of(
    st.sampled_from(["Share on Facebook", "Putin met Xi in Moscow.", "-----", "", "   ", "Comments (3)", "By Jane Doe",
                     "Leaders Meet In Geneva", "Great article!", "Trade rose 5%."]),
    TEXT.map(lambda t: t.replace("\n", " ")),
), max_size=20)
LINE_END = st.sampled_from(["\n", "\r\n", "\r"])


# --- ingest ---------------------------------------------------------------------------------------

@FAST
@given(st.binary(max_size=2000))
def test_decode_returns_text_or_a_reason_never_crashes(data):
    try:
        text, codec = decode(data)
    except InputError as exc:
        assert str(exc)
    else:
        assert isinstance(text, str) and codec


@FAST
@given(TEXT, st.sampled_from(["utf-8", "utf-16", "utf-32", "utf-8-sig"]))
def test_decode_round_trips_unicode_encodings_with_a_bom_or_utf8(text, codec):
    # NUL bytes in BOM-less UTF-8 look like UTF-16 ("0\x00" is also UTF-16-LE "0"): genuinely ambiguous
    assume(codec != "utf-8" or "\x00" not in text)
    data = text.encode(codec)
    try:
        decoded, _ = decode(data)
    except InputError:
        return  # empty, or mostly control characters: refused with a reason
    expected = text[1:] if codec == "utf-8" and text.startswith("\ufeff") else text
    assert decoded == expected


@FAST
@given(st.text(max_size=300))
def test_sanitise_keeps_length_and_leaves_only_encodable_text(text):
    clean = sanitise(text)
    assert len(clean) == len(text)
    clean.encode("utf-8")
    assert all(c == o for c, o in zip(clean, text) if c != " ")


@FAST
@given(st.binary(max_size=3000), st.sampled_from(["a.txt", "a.jsonl", "a.json", "a.html"]))
def test_any_file_gives_articles_or_skipped_items(tmp_path_factory, data, name):
    path = tmp_path_factory.mktemp("fuzz") / name
    path.write_bytes(data)
    items = list(read_file(path, name))
    assert items and all(isinstance(i, (Article, Skipped)) for i in items)


@FAST
@given(LINES, LINE_END, st.integers(0, 1000))
def test_clean_text_offsets_point_into_the_raw_text(lines, end, base):
    raw = sanitise(end.join(lines))
    cleaned = clean_text(raw, base_offset=base)
    assert cleaned.text == "\n".join(cleaned.text.split("\n"))
    covered = 0
    for clean_start, raw_start, length in cleaned.offsets:
        assert cleaned.text[clean_start:clean_start + length] == raw[raw_start - base:raw_start - base + length]
        covered += length + 1
    assert covered - 1 == len(cleaned.text) or not cleaned.offsets


# --- resolution -----------------------------------------------------------------------------------

NAMES = st.sampled_from([
    "Vladimir Putin", "Putin", "President Putin", "Xi Jinping", "Xi", "Emmanuel Macron", "Macron", "Olaf Scholz",
    "Russia", "China", "Moscow", "Beijing", "NATO", "the European Union", "European Union", "Kremlin", "Geneva",
])
KINDS = st.sampled_from(["Person", "Country", "City", "Organization", "GovernmentOrganization", "Place"])


@st.composite
def extractions(draw, hostile: bool = False):
    out = []
    names = st.one_of(NAMES, TEXT.map(sanitise).filter(str.strip)) if hostile else NAMES
    for i in range(draw(st.integers(1, 5))):
        aid = f"a{i}"
        mentions = tuple(
            Mention(text=n, name=n, kind=draw(KINDS), article_id=aid, start=j, end=j + len(n))
            for j, n in enumerate(draw(st.lists(names, min_size=1, max_size=6))))
        events, claims = [], []
        if len(mentions) >= 2:
            sentence = draw(names)
            evidence = Evidence(aid, sentence, 0, len(sentence))
            events.append(EventMention("meet", "meet", mentions[0], mentions[1], evidence, date=dt.date(2024, 1, 1 + i)))
            claims.append(ClaimMention(mentions[0], draw(st.sampled_from(["Assert", "Deny"])), sentence, "direct", "say",
                                       (mentions[1],), evidence, ("trade",)))
        title = draw(names)
        out.append(ArticleExtraction(Article(id=aid, text=title, title=title, content_hash=str(i)), mentions,
                                     tuple(events), tuple(claims), (), 1))
    return out


def shuffled(xs: list[ArticleExtraction], seed: int) -> list[ArticleExtraction]:
    rng = random.Random(seed)
    out = []
    for x in xs:
        mentions = list(x.mentions)
        rng.shuffle(mentions)
        out.append(ArticleExtraction(x.article, tuple(mentions), x.events, x.claims, x.quantities, x.word_count))
    rng.shuffle(out)
    return out


@FAST
@given(extractions(), st.integers(0, 10**6))
def test_resolution_is_order_independent(xs, seed):
    a, b = resolve(xs), resolve(shuffled(xs, seed))
    assert a == b and a.mentions == b.mentions


@FAST
@given(extractions())
def test_resolution_never_loses_a_mention(xs):
    kg = resolve(xs)
    mentions = [m for x in xs for m in x.mentions]
    assert sum(e.mention_count for e in kg.entities) == len(mentions)
    for m in mentions:  # each mention is a name of an entity that lists its article
        assert any(m.name in (e.label, *e.aliases) and m.article_id in e.articles for e in kg.entities), m
    assert {m.article_id for m in mentions} <= set(kg.mentions)


@FAST
@given(extractions())
def test_resolution_gives_the_same_keys_every_time(xs):
    assert [e.key for e in resolve(xs).entities] == [e.key for e in resolve(xs).entities]


@pytest.mark.xfail(reason="known limit: one name used for two kinds (a person called 'China') goes to one family by "
                          "majority vote, and re-resolving only the labels can tip a tie the other way", strict=False)
@FAST
@given(extractions())
def test_resolution_is_idempotent(xs):
    first = resolve(xs)
    # resolving the canonical names again changes nothing: each maps to its own entity
    again = [ArticleExtraction(Article(id=f"e{i}", text=e.label, content_hash=str(i)),
                               (Mention(text=e.label, name=e.label, kind=e.kind, article_id=f"e{i}", start=0, end=1),))
             for i, e in enumerate(first.entities)]
    assert [(e.key, e.label) for e in resolve(again).entities] == [(e.key, e.label) for e in first.entities]


# --- export ---------------------------------------------------------------------------------------

@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(extractions(hostile=True))
def test_every_rdf_format_of_a_generated_graph_parses_back(xs):
    g = to_rdf(resolve(xs))
    for fmt, rdflib_format in (("turtle", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")):
        back = Graph().parse(data=serialize(g, fmt), format=rdflib_format)
        assert isomorphic(back, g), fmt
    trig = Dataset().parse(data=serialize(g, "trig"), format="trig")
    assert len({t for t in trig.quads((None, None, None, None))}) >= len(g) > 0
