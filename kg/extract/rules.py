"""The declarative rule tables of ``kg/data`` (events, modality, object classes, group actors, attribution
cues), loaded once.

Code elsewhere interprets these tables; it holds no trigger words of its own.
Each row carries an example sentence and the result it must give, and
``tests/test_rule_tables.py`` turns every row into a test.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, get_args

from kg.model import CLAIM_TYPES, MODALITIES, STANCES, ClaimType, EventKey, Modality, Stance
from kg.tables import TitleUse, read_table, title_words
from kg.vocab import EVENT_TYPES

__all__ = ["Pattern", "Group", "Cue", "NominalCue", "ModalityCue", "rules", "NOT_AN_EVENT"]

#: the type of a pattern that says a trigger is no event in this use ("fight the election")
NOT_AN_EVENT = "-"


def _one_of(values: tuple[Any, ...], value: str, table: str) -> Any:
    """``value`` if it is one of the closed vocabulary ``values`` (a ``kg.model`` Literal type), else an error naming the table."""
    if value not in values:
        raise ValueError(f"kg/data/{table}: {value!r} is not one of {', '.join(values)}")
    return value


@dataclass(frozen=True)
class Pattern:
    """One way an event is written: a trigger lemma, the conditions on its dependents, the type it gives."""

    lemma: str
    pos: str  #: "verb" or "noun"
    event_type: EventKey  #: or NOT_AN_EVENT
    objects: frozenset[str] = frozenset()  #: the direct object's lemma or form must be one of these (empty: any)
    object_classes: frozenset[str] = frozenset()  #: ... or belong to one of these object classes
    preps: frozenset[str] = frozenset()  #: a preposition or particle of the trigger must be one of these
    passive: bool = False  #: only in a passive clause
    intransitive: bool = False  #: only with no object and no clause
    roles: str = "-"  #: "-" (subject -> object) or "visitor" (the passive subject visits)
    example: str = ""
    expect: str = ""
    origin: str = "curated"

    @property
    def specificity(self) -> int:
        return 2 * bool(self.objects or self.object_classes) + bool(self.preps) + bool(self.passive) + bool(self.intransitive)


@dataclass(frozen=True)
class Group:
    """A noun for people who act together ("police", "protesters"), with its CAMEO agent code."""

    noun: str
    plural: str
    sector: str
    example: str = ""


@dataclass(frozen=True)
class Cue:
    """A verb that attributes content to a source ("said", "a poll showed", "believes"), from claims/cues.tsv."""

    lemma: str
    kind: ClaimType  #: ``kg:claimType``
    stance: Stance
    requires: str  #: "-", "label", "statement", "clause", "that" or "quote" (see the table's header)
    example: str = ""
    expect: str = ""


@dataclass(frozen=True)
class NominalCue:
    """A noun that names what its owner said, believes or intends ("Moscow's claim that ..."), from
    claims/nouns.tsv."""

    noun: str
    kind: ClaimType  #: ``kg:claimType``
    stance: Stance
    content: frozenset[str]  #: how the content hangs off the noun: "that" (a that-clause), "of" (an of-phrase)
    example: str = ""
    expect: str = ""


@dataclass(frozen=True)
class ModalityCue:
    cue: str
    relation: str  #: aux, neg, mark, governor or report
    modality: Modality
    example: str = ""
    expect: str = ""


class Rules:
    """Lookups compiled from the tables: trigger lemma -> patterns (most specific first), noun -> group, ..."""

    def __init__(self) -> None:
        objects = read_table("events", "objects.tsv")
        self.object_classes = {r["class"]: frozenset(r["lemmas"].split()) for r in objects}
        self._owned_targets = {r["class"] for r in objects if r["owner"] == "target"}
        curated = [p for r in read_table("events", "patterns.tsv") for p in self._curated(r)]
        derived = [self._derived(r) for r in read_table("events", "lexicon.tsv")]
        self.patterns = curated + derived
        by_lemma: dict[tuple[str, str], list[Pattern]] = {}
        curated_lemmas = {(p.lemma, p.pos) for p in curated}
        for p in self.patterns:
            if p.origin != "curated" and (p.lemma, p.pos) in curated_lemmas and not p.objects:
                continue  # a curated row decides what the bare lemma means
            by_lemma.setdefault((p.lemma, p.pos), []).append(p)
        self._by_lemma = {k: sorted(v, key=lambda p: -p.specificity) for k, v in by_lemma.items()}
        unknown = {p.event_type for p in self.patterns} - set(EVENT_TYPES) - {NOT_AN_EVENT}
        if unknown:
            raise ValueError(f"kg/data/events: unknown event types {sorted(unknown)}")
        self.groups: dict[str, Group] = {}
        for table in (("actors", "groups.tsv"), ("actors", "groups_curated.tsv")):
            for r in read_table(*table):
                group = Group(r["noun"], r["plural"], r["sector"], r["example"])
                self.groups[group.noun] = self.groups[group.plural] = group
        self.modality_cues = [ModalityCue(r["cue"], r["relation"], _one_of(MODALITIES, r["modality"], "events/modality.tsv"),
                                          r["example"], r["expect"])
                              for r in read_table("events", "modality.tsv")]
        self._cues = {(c.relation, c.cue): c.modality for c in self.modality_cues}
        self.attribution_cues = [Cue(r["lemma"], _one_of(CLAIM_TYPES, r["class"], "claims/cues.tsv"),
                                     _one_of(STANCES, r["stance"], "claims/cues.tsv"), r["requires"], r["example"], r["expect"])
                                 for r in read_table("claims", "cues.tsv")]
        self._attribution = {c.lemma: c for c in self.attribution_cues}
        self.nominal_cues = [NominalCue(r["noun"], _one_of(CLAIM_TYPES, r["class"], "claims/nouns.tsv"),
                                        _one_of(STANCES, r["stance"], "claims/nouns.tsv"), frozenset(r["content"].split("|")),
                                        r["example"], r["expect"]) for r in read_table("claims", "nouns.tsv")]
        self._nominal = {c.noun: c for c in self.nominal_cues}
        self.support_verbs = frozenset(r["verb"] for r in read_table("claims", "support.tsv"))
        self.denial_phrases = tuple(r["phrase"] for r in read_table("claims", "denials.tsv"))

    def _curated(self, row: dict[str, str]) -> list[Pattern]:
        conditions = dict(c.split(":", 1) if ":" in c else (c, "") for c in row["with"].split() if c != "-")  # type: ignore[misc]
        words = set(conditions.get("obj", "").split("|")) - {""}
        return [Pattern(lemma, row["pos"], row["type"],
                        objects=frozenset(w for w in words if not w.startswith("@")),
                        object_classes=frozenset(w[1:] for w in words if w.startswith("@")),
                        preps=frozenset(set(conditions.get("prep", "").split("|")) - {""}),
                        passive="passive" in conditions, intransitive="intransitive" in conditions, roles=row["roles"],
                        example=row["example"] if i == 0 else "", expect=row["expect"] if i == 0 else "")
                for i, lemma in enumerate(row["lemmas"].split())]

    @staticmethod
    def _derived(row: dict[str, str]) -> Pattern:
        objects = frozenset() if row["object"] == "-" else frozenset({row["object"]})
        lemma, _, particle = row["lemma"].partition(" ")
        return Pattern(lemma, row["pos"], row["type"], objects=objects,
                       preps=frozenset({particle}) if particle else frozenset(),
                       example=row["example"], expect=row["expect"], origin=row["origin"])

    def candidates(self, lemma: str, pos: str) -> list[Pattern]:
        """Patterns for a trigger lemma, the most specific first."""
        return self._by_lemma.get((lemma, pos), [])

    def in_class(self, name: str, lemma: str, lower: str) -> bool:
        """An object class of objects.tsv, or "group": any group noun of the actor tables."""
        if name == "group":
            return self.group(lemma, lower) is not None
        return lemma in self.object_classes[name] or lower in self.object_classes[name]

    def object_matches(self, pattern: Pattern, lemma: str, lower: str) -> bool:
        return lemma in pattern.objects or lower in pattern.objects or any(
            self.in_class(c, lemma, lower) for c in pattern.object_classes)

    def names_instrument(self, pattern: Pattern, lemma: str, lower: str) -> bool:
        """The object the pattern names is the event itself or what is moved ("launched an attack", "sent
        troops"), not a thing whose owner is the target ("attacked Labour's plans")."""
        if lemma in pattern.objects or lower in pattern.objects:
            return True
        return any(self.in_class(c, lemma, lower) for c in pattern.object_classes - self._owned_targets - {"group"})

    def modality(self, relation: str, cue: str) -> Modality | None:
        """The modality a cue gives in a relation ("will" as aux -> "future"), or None."""
        return self._cues.get((relation, cue))

    def cue(self, lemma: str) -> Cue | None:
        """The attribution cue a verb lemma is, if any."""
        return self._attribution.get(lemma.lower())

    def nominal_cue(self, lemma: str) -> NominalCue | None:
        """The nominal attribution cue a noun lemma is, if any."""
        return self._nominal.get(lemma.lower())

    def names_statement(self, lemma: str) -> bool:
        """The noun names a statement: rejecting it ("rejected the claims") is a denial."""
        cue = self._nominal.get(lemma.lower())
        return cue is not None and cue.kind == "statement" and cue.stance == "Assert"

    def group(self, token_lemma: str, token_lower: str) -> Group | None:
        return self.groups.get(token_lower) or self.groups.get(token_lemma)


@lru_cache(maxsize=1)
def rules() -> Rules:
    """The compiled tables (loaded once per process)."""
    return Rules()


def rules_markdown() -> str:
    """The rule documentation (docs/rules.md), generated from the tables so it never drifts from them."""
    table = rules()
    out = ["# Extraction rules", "", "Generated from the tables in `kg/data` by `python -m kg.extract.rules > docs/rules.md`;",
           "a test fails when this file and the tables disagree.", "", "## Event types (PLOVER, with CAMEO codes)", "",
           "| key | broader | PLOVER | mode | CAMEO | curated triggers | derived triggers |", "|---|---|---|---|---|---|---|"]
    for t in EVENT_TYPES.values():
        curated = sorted({p.lemma for p in table.patterns if p.event_type == t.key and p.origin == "curated"})
        derived = sum(1 for p in table.patterns if p.event_type == t.key and p.origin != "curated")
        out.append(f"| {t.key} | {t.broader or ''} | {t.plover} | {t.mode} | {' '.join(t.cameo_codes)} | "
                   f"{' '.join(curated)} | {derived} |")
    out += ["", "## Curated patterns", "", "| trigger | conditions | type | example | gives |", "|---|---|---|---|---|"]
    for r in read_table("events", "patterns.tsv"):
        out.append(f"| {r['lemmas']} ({r['pos']}) | {r['with']} | {r['type']} | {r['example']} | {r['expect']} |")
    out += ["", "## Modality cues", "", "| cue | relation | modality | example |", "|---|---|---|---|"]
    out += [f"| {c.cue} | {c.relation} | {c.modality} | {c.example} |" for c in table.modality_cues]
    out += ["", "## Attribution cues", "", "| class | stance | requires | cues |", "|---|---|---|---|"]
    by_class: dict[tuple[str, str, str], list[str]] = {}
    for c in table.attribution_cues:
        by_class.setdefault((c.kind, c.stance, c.requires), []).append(c.lemma)
    out += [f"| {k} | {s} | {r} | {' '.join(v)} |" for (k, s, r), v in sorted(by_class.items())]
    out += ["", "## Nominal attribution cues", "", "| noun | class | stance | content | example |", "|---|---|---|---|---|"]
    out += [f"| {c.noun} | {c.kind} | {c.stance} | {' '.join(sorted(c.content))} | {c.example} |" for c in table.nominal_cues]
    out += ["", f"Support verbs (their subject owns the nominal cue they take): {' '.join(sorted(table.support_verbs))}."]
    out += ["", f"Denial phrases (they make a claim a denial): {'; '.join(table.denial_phrases)}."]
    groups = sorted({(g.plural, g.sector) for g in table.groups.values()})
    out += ["", f"## Group actors ({len(groups)})", "", ", ".join(f"{p} ({s})" for p, s in groups)]
    out += ["", "## Words of in-document reference (kg/extract/reference.py)", "", "| list | words | for |", "|---|---|---|"]
    out += [f"| {r['list']} | {r['words']} | {r['for']} |" for r in read_table("actors", "reference.tsv")]
    out += ["", "## Job titles (kg/data/actors/titles.tsv: where each word counts)", "", "| use | words |", "|---|---|"]
    out += [f"| {u} | {' '.join(sorted(title_words(u)))} |" for u in get_args(TitleUse)]
    out += ["", "## Currencies (kg/data/quantities/currencies.tsv)", "", "| code | symbols | words in figures | nouns | example |",
            "|---|---|---|---|---|"]
    for r in read_table("quantities", "currencies.tsv"):
        words = r["words"].replace("|", r"\|")  # a bare | would end the markdown cell
        out.append(f"| {r['code']} | {r['symbols']} | `{words}` | {r['nouns']} | {r.get('example', '')} |")
    out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    print(rules_markdown(), end="")
