"""Tests generated from the rule tables in kg/data: every row's example sentence must give the row's result.

A row states its expectation as ``TYPE SOURCE -> TARGET [modality]`` (``_`` for no actor). A name matches a
mention when it is the mention's name, its name without the group's affiliation ("police" for
"police (Russia)"), or a word of its surface text.
"""
from __future__ import annotations

import re

import pytest

from kg.extract import extract_article
from kg.extract.rules import NOT_AN_EVENT, rules
from kg.tables import read_table
from kg.model import Article
from kg.model import MODALITIES
from kg.vocab import EVENT_TYPES

_EXPECT = re.compile(r"^(?P<type>[\w-]+) (?P<source>.+?) -> (?P<target>.+?)(?: \[(?P<modality>\w+)\])?$")
PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def _rows(*table: str, example: str = "example", expect: str = "expect") -> list:
    return [pytest.param(r[example], r[expect], id=f"{table[-1]}:{r[example][:50]}")
            for r in read_table(*table) if r.get(example)]


EVENT_ROWS = [*_rows("events", "patterns.tsv"), *_rows("events", "modality.tsv"), *_rows("events", "lexicon.tsv")]


@pytest.fixture(scope="module")
def parsed(nlp):
    """Every example of the event tables, parsed once (nlp.pipe is much faster than one call per row)."""
    texts = sorted({p.values[0] for p in EVENT_ROWS})
    return {text: extract_article(Article("row", text), doc) for text, doc in zip(texts, nlp.pipe(texts))}


def _same(expected: str, mention) -> bool:
    if expected == "_":
        return mention is None
    if mention is None:
        return False
    wanted, name = expected.casefold(), mention.name.casefold()
    return wanted == name or name.startswith(wanted + " (") or wanted in mention.text.casefold().split()


@pytest.mark.parametrize("example, expect", EVENT_ROWS)
def test_event_table_row(parsed, example, expect):
    if expect == "-":  # a row that says the trigger is no event in this use
        assert not parsed[example].events, parsed[example].events
        return
    want = _EXPECT.match(expect)
    assert want, f"malformed expectation {expect!r}"
    modality = want["modality"] or "asserted"
    found = [(e.event_type, e.source.name if e.source else "_", e.target.name if e.target else "_", e.modality)
             for e in parsed[example].events]
    assert any(e.event_type == want["type"] and e.modality == modality and _same(want["source"], e.source)
               and _same(want["target"], e.target) for e in parsed[example].events), found


@pytest.mark.parametrize("example, plural", [
    pytest.param(r["example"], r["plural"], id=f"{r['noun']}")
    for table in ("groups.tsv", "groups_curated.tsv") for r in read_table("actors", table)])
def test_group_table_row(nlp, example, plural):
    """'The police protested on Monday.' gives a protest whose source is the group."""
    x = extract_article(Article("row", example), nlp(example))
    sources = [(e.source.name, e.source.kind) for e in x.events if e.source is not None]
    assert (plural, "Group") in sources, sources


_CLAIM = re.compile(r"^(?P<speaker>.+?) (?P<stance>Assert|Deny) (?P<kind>\w+): (?P<word>.+)$")


@pytest.mark.parametrize("example, expect", [*_rows("claims", "cues.tsv"), *_rows("claims", "nouns.tsv"),
                                             *_rows("claims", "support.tsv"), *_rows("claims", "denials.tsv")])
def test_cue_table_row(nlp, example, expect):
    """Every attribution cue's example (verbs, nouns, support verbs) gives a claim with its speaker, stance, class
    and content."""
    want = _CLAIM.match(expect)
    assert want, f"malformed expectation {expect!r}"
    x = extract_article(Article("row", example), nlp(example))
    found = [(c.speaker.name, c.stance, c.claim_type, c.text) for c in x.claims]
    assert any(_same(want["speaker"], c.speaker) and c.stance == want["stance"] and c.claim_type == want["kind"]
               and want["word"].casefold() in c.text.casefold() for c in x.claims), found


def test_the_scheme_has_plovers_sixteen_types_and_cameo_codes():
    tops = {t.plover for t in EVENT_TYPES.values() if t.broader is None}
    assert tops == PLOVER_TYPES
    for t in EVENT_TYPES.values():
        assert t.cameo_codes and all(re.fullmatch(r"\d{2,4}", c) for c in t.cameo_codes), t.key
        assert t.broader is None or EVENT_TYPES[t.broader].plover == t.plover, t.key


def test_every_table_names_known_types_and_classes():
    table = rules()
    assert {p.event_type for p in table.patterns} <= set(EVENT_TYPES) | {NOT_AN_EVENT}
    assert {c for p in table.patterns for c in p.object_classes} <= set(table.object_classes) | {"group"}
    assert {c.modality for c in table.modality_cues} <= set(MODALITIES)


def test_the_lexicon_is_broad():
    """Thousands of trigger patterns, and every PLOVER type reachable from a verb."""
    table = rules()
    assert len(table.patterns) >= 1400 and len({p.lemma for p in table.patterns}) >= 800
    reachable = {EVENT_TYPES[p.event_type].plover for p in table.patterns if p.pos == "verb" and p.event_type != NOT_AN_EVENT}
    assert reachable == PLOVER_TYPES


def test_the_rule_documentation_is_generated_from_the_tables():
    from pathlib import Path

    from kg.extract.rules import rules_markdown
    docs = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
    assert docs.read_text(encoding="utf-8") == rules_markdown(), "run: python -m kg.extract.rules > docs/rules.md"


@pytest.mark.parametrize("example, expect", _rows("quantities", "currencies.tsv"))
def test_currency_table_row(example, expect):
    from decimal import Decimal

    from kg.extract.quantities import parse_quantity

    value, unit = expect.split()
    assert parse_quantity(example) == (Decimal(value), unit)


def test_the_closed_vocabularies_refuse_a_term_they_do_not_define():
    from kg.vocab import KG, SCHEMA, SEM, Instances

    assert Instances.event_type("reduce-relations") == KG.ReduceRelations and KG.Deny in KG and KG.Negated in KG
    for namespace, typo in ((KG, "tigger"), (SCHEMA, "Persn"), (SEM, "hasPlase")):
        with pytest.raises(AttributeError, match="not in namespace"):
            namespace[typo]
    with pytest.raises(AttributeError):
        Instances.event_type("meat")
