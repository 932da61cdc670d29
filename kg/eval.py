"""Precision, recall and F1 of extraction against a hand-written gold set.

The gold format is described in tests/gold/README.md.  Every part is scored
as one-to-one matching between gold items and predicted items:

- entities: same coarse type and the predicted label is the gold label or one
  of its aliases; a second predicted node for the same gold entity (a split)
  is a false positive;
- events: asserted events only (negated, intended, future ... events are not
  facts); same article, same PLOVER event type, source and target (unordered
  for mutual types such as meet). The gold sets list every event between two
  actors but not every one-sided event ("Putin visited"), so a one-sided
  prediction can match a gold item but is never a false positive. Gold written before the PLOVER scheme uses
  kg's earlier keys: "cooperate" there is CAMEO 05, which PLOVER splits into
  AGREE, SUPPORT and COOPERATE, so it matches any of the three;
- claims: same article, speaker and stance, and one of the gold keywords in
  the claim text (a described source, "a Russian source", also matches the side
  it speaks for, its schema:memberOf or nationality). The gold sets list statements by named speakers; a belief,
  an intention or a claim by a described source ("a senior official") can
  match a gold item but is never a false positive;
- quantities: same article, value and unit.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from kg.errors import GoldError
from kg.gazetteer import name_key
from kg.model import KnowledgeGraph
from kg.resolve import family
from kg.vocab import EVENT_TYPES

__all__ = ["Score", "evaluate", "load_gold"]

_COARSE = {"person": "Person", "country": "Country", "place": "Place", "organization": "Organization"}
#: kg's earlier event keys whose meaning spans several PLOVER types
_LEGACY_PLOVER = {"cooperate": {"AGREE", "SUPPORT", "COOPERATE"}}


def _plover(key: str) -> set[str]:
    """PLOVER types a gold event key stands for."""
    return _LEGACY_PLOVER.get(key) or {EVENT_TYPES[key].plover}


@dataclass
class Score:
    """Matches and misses of one part."""

    part: str
    true_positives: int = 0
    false_positives: list = field(default_factory=list)
    false_negatives: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        predicted = self.true_positives + len(self.false_positives)
        return self.true_positives / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        gold = self.true_positives + len(self.false_negatives)
        return self.true_positives / gold if gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"part": self.part, "tp": self.true_positives, "fp": len(self.false_positives), "fn": len(self.false_negatives),
                "precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3)}


#: the fields every item of a gold part must have (tests/gold/README.md)
_GOLD_FIELDS = {"entities": ("label", "type"), "events": ("article", "source", "type"),
                "claims": ("article", "speaker", "stance"), "quantities": ("article", "value", "unit")}


def load_gold(path: Path) -> dict:
    """A gold set, checked against the format of tests/gold/README.md; :class:`GoldError` names what does not fit."""
    path = Path(path)
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise GoldError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise GoldError(f"{path}: not JSON ({exc})") from None
    if not isinstance(gold, dict):
        raise GoldError(f"{path}: a gold set is an object with the lists {', '.join(_GOLD_FIELDS)}")
    for part, required in _GOLD_FIELDS.items():
        items = gold.get(part, [])
        if not isinstance(items, list):
            raise GoldError(f"{path}: {part!r} must be a list")
        for n, item in enumerate(items, start=1):
            missing = [name for name in required if not isinstance(item, dict) or name not in item]
            if missing:
                raise GoldError(f"{path}: {part} item {n} has no {missing[0]!r}")
            if part == "entities" and item["type"] not in _COARSE.values():
                raise GoldError(f"{path}: entities item {n}: type {item['type']!r} is not one of {', '.join(_COARSE.values())}")
            if part == "events" and item["type"] not in EVENT_TYPES and item["type"] not in _LEGACY_PLOVER:
                raise GoldError(f"{path}: events item {n}: unknown event type {item['type']!r}")
    return gold


def _match(gold: list, predicted: list, same: Callable[[Any, Any], bool], part: str) -> Score:
    """One-to-one matching of gold and predicted items, as many pairs as possible (maximum bipartite matching).

    Greedy matching would let one gold item take a prediction another needed and undercount.
    """
    import networkx as nx

    graph = nx.Graph()
    gold_nodes = [("gold", i) for i in range(len(gold))]
    graph.add_nodes_from(gold_nodes)
    graph.add_nodes_from(("predicted", j) for j in range(len(predicted)))
    graph.add_edges_from((("gold", i), ("predicted", j)) for i, g in enumerate(gold) for j, p in enumerate(predicted) if same(g, p))
    matching = nx.bipartite.maximum_matching(graph, top_nodes=gold_nodes)
    matched_gold = {i for kind, i in matching if kind == "gold"}
    matched_predicted = {j for kind, j in matching if kind == "predicted"}
    score = Score(part, true_positives=len(matched_gold))
    score.false_negatives = [g for i, g in enumerate(gold) if i not in matched_gold]
    score.false_positives = [p for j, p in enumerate(predicted) if j not in matched_predicted]
    return score


def _origins(kg: KnowledgeGraph) -> dict[str, str]:
    """Article id -> the gold set's article: a further telling in the same file (``Article.origin``) is its file's."""
    return {a.id: a.origin or a.id for a in kg.articles}


class _Names:
    """Maps predicted entity keys to gold labels through the gold aliases."""

    def __init__(self, gold_entities: list[dict], kg: KnowledgeGraph):
        self.gold_by_name: dict[str, str] = {}
        for g in gold_entities:
            for name in [g["label"], *g.get("aliases", [])]:
                self.gold_by_name.setdefault(name_key(name), g["label"])
        self.label_of = {e.key: e.label for e in kg.entities}
        self.entities = {e.key: e for e in kg.entities}

    def gold_label(self, key: str | None) -> str | None:
        if key is None:
            return None
        entity = self.entities[key]
        for name in [entity.label, *entity.aliases]:
            found = self.gold_by_name.get(name_key(name))
            if found:
                return found
        return entity.label


def _score_entities(gold: list[dict], kg: KnowledgeGraph) -> Score:
    def same(g: dict, e) -> bool:
        names = {name_key(n) for n in [g["label"], *g.get("aliases", [])]}
        return _COARSE[family(e.kind)] == g["type"] and (name_key(e.label) in names or name_key(g["label"]) in {name_key(a) for a in e.aliases})
    # groups ("police") and described sources ("a senior official", "the poll") are actors but not named
    # entities, which is what the gold lists
    ranked = sorted((e for e in kg.entities if family(e.kind) in _COARSE), key=lambda e: (-e.mention_count, e.key))
    return _match(gold, ranked, same, "entities")


def _score_events(gold: dict, kg: KnowledgeGraph, names: _Names) -> Score:
    origin = _origins(kg)
    predicted = sorted({(origin.get(a, a), ev.event_type, names.gold_label(ev.source), names.gold_label(ev.target))
                        for ev in kg.events if ev.modality == "asserted" for a in ev.articles}, key=str)

    def same(g: dict, p: tuple) -> bool:
        article, event_type, source, target = p
        if article != g["article"] or EVENT_TYPES[event_type].plover not in _plover(g["type"]):
            return False
        if EVENT_TYPES[event_type].mutual or EVENT_TYPES[g["type"]].mutual:
            return {source, target} == {g["source"], g.get("target")}
        return (source, target) == (g["source"], g.get("target"))
    score = _match(gold.get("events", []), predicted, same, "events")
    score.false_positives = [p for p in score.false_positives if p[2] is not None and p[3] is not None]
    return score


def _score_claims(gold: dict, kg: KnowledgeGraph, names: _Names) -> Score:
    origin = _origins(kg)
    by_key = {e.key: e for e in kg.entities}

    def speakers(key: str) -> tuple[str, ...]:
        """The speaker's name; for a described source also the side it speaks for ("a Russian source": Russia)."""
        entity = by_key.get(key)
        sides = (*entity.affiliations, *([entity.nationality] if entity.nationality else ())) \
            if entity is not None and family(entity.kind) == "source" else ()
        return tuple(dict.fromkeys(names.gold_label(k) for k in (key, *sides)))  # type: ignore[misc]

    predicted = sorted({(origin.get(a, a), speakers(c.speaker), c.stance, c.text,
                         c.claim_type == "statement" and family(by_key[c.speaker].kind if c.speaker in by_key else "") in _COARSE)
                        for c in kg.claims for a in c.articles}, key=str)

    def same(g: dict, p: tuple) -> bool:
        article, names_, stance, text, _ = p
        keywords = [k.lower() for k in g.get("keywords", [])]
        return (article, stance) == (g["article"], g["stance"]) and g["speaker"] in names_ and (
            not keywords or any(k in text.lower() for k in keywords))
    score = _match(gold.get("claims", []), predicted, same, "claims")
    score.false_positives = [(p[0], p[1][0], *p[2:4]) for p in score.false_positives if p[4]]
    return score


def _score_quantities(gold: dict, kg: KnowledgeGraph) -> Score:
    origin = _origins(kg)
    predicted = sorted({(origin.get(a, a), q.value, q.unit) for q in kg.quantities for a in q.articles}, key=str)

    def same(g: dict, p: tuple) -> bool:
        return (p[0], p[1], p[2]) == (g["article"], Decimal(str(g["value"])), g["unit"])
    return _match(gold.get("quantities", []), predicted, same, "quantities")


def evaluate(gold: dict, kg: KnowledgeGraph) -> list[Score]:
    """Scores of every part of a built graph against a gold set."""
    names = _Names(gold.get("entities", []), kg)
    return [
        _score_entities(gold.get("entities", []), kg),
        _score_events(gold, kg, names),
        _score_claims(gold, kg, names),
        _score_quantities(gold, kg),
    ]


def format_scores(scores: Iterable[Score]) -> str:
    rows = [f"{'part':<11} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7} {'f1':>6}"]
    for s in scores:
        d = s.as_dict()
        rows.append(f"{s.part:<11} {d['tp']:>4} {d['fp']:>4} {d['fn']:>4} {d['precision']:>9.3f} {d['recall']:>7.3f} {d['f1']:>6.3f}")
    return "\n".join(rows)
