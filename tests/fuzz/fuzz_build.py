"""Fuzz the whole build (ingest, cleaning, NLP + extraction, resolution, export) with generated corpora.

Each example is a folder of generated files -- news-like sentences built from
names, places, quotes, figures and dates, mixed with hostile fragments (markup,
RDF and SPARQL metacharacters, control, zero-width and right-to-left
characters, long tokens, separators), written as text in several encodings,
JSONL/JSON records with missing or odd fields, HTML pages and binary noise --
built by ``kg.pipeline.build`` into every RDF format.  An example fails if:

* the build raises (a crash);
* an export does not parse back: Turtle, N-Triples, JSON-LD and TriG with
  pyoxigraph (strict IRIs and literals), GraphML and node-link JSON;
* an article is lost: every input file (and every record of a JSONL file) is
  either an article of the export (``kg:sourcePath``) or a skipped item with a
  reason, and the export holds exactly the articles of the graph.

Run it for a set time (new random examples each run; a failure is shrunk to a
small corpus and saved under tests/regression/fuzz/, which tests/test_fuzz.py replays)::

    python tests/fuzz/fuzz_build.py --seconds 600 [--save]
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import json
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

REGRESSION = Path(__file__).resolve().parent.parent / "regression" / "fuzz"

PEOPLE = ["Vladimir Putin", "Xi Jinping", "Olaf Scholz", "Emmanuel Macron", "Narendra Modi", "Mary O'Brien",
          "José Álvarez", "Ng Eng Hen", "Volodymyr Zelenskyy", "Lula da Silva"]
COUNTRIES = ["China", "Russia", "the United States", "Ukraine", "India", "Côte d'Ivoire", "the EU"]
PLACES = ["Moscow", "Beijing", "Geneva", "São Paulo", "Kyiv", "New York", "Reykjavík"]
QUOTES = ["We will never accept this", "The talks were constructive", "It is a lie", "No comment"]
TEMPLATES = [
    "{p} met {p2} in {c} on {day}.", '{p} said: "{q}."', "{k} denied supplying weapons to {k2}, {p} said.",
    "Trade between {k} and {k2} rose {n}% to ${n} billion in {year}.", "{p} visited {c} last week, according to officials.",
    "{k} accused {k2} of violating the ceasefire.", '"{q}," {p} told reporters in {c}.', "{p} did not meet {p2}.",
    "{c}, {month} {n}, {year} — {p} arrived for talks.", "-----", "Share on Facebook", "By {p}", "Comments ({n})",
]
HOSTILE = ["<script>alert(1)</script>", '"""', "\\", "\u202e", "\u200b", "\x00", "\x1b[31m", "&amp;", "]]>", "{{", "%s",
           "x" * 300, "\U0001F600", "ﬁ", "\r", "\t", "<http://x>", "_:b0", '"@en', "^^xsd:int", "'''", "#", "@prefix",
           "\u2028", "\ufeff", "�", "'; DROP TABLE", "\ud800"]
DAYS = ["Monday", "Thursday", "May 8, 2025", "2024-02-30", "last year", "08/05/2025", "yesterday"]
MONTHS = ["Jan", "Aug", "Sept", "Mai"]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "cp1252", "latin-1"]


def _fill(template: str, rnd: random.Random) -> str:
    return template.format(
        p=rnd.choice(PEOPLE), p2=rnd.choice(PEOPLE), k=rnd.choice(COUNTRIES), k2=rnd.choice(COUNTRIES),
        c=rnd.choice(PLACES), q=rnd.choice(QUOTES), day=rnd.choice(DAYS), month=rnd.choice(MONTHS),
        n=rnd.choice(["5", "240", "0.5", "1,000", "-3", "1e9"]), year=rnd.choice(["2023", "1999", "3024"]))


@st.composite
def sentences(draw) -> str:
    """One sentence: a filled template or arbitrary text, maybe with a hostile fragment inside."""
    if draw(st.integers(0, 4)) == 0:
        text = draw(st.text(max_size=80))
    else:
        text = _fill(draw(st.sampled_from(TEMPLATES)), random.Random(draw(st.integers(0, 2**32))))
    if draw(st.booleans()):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(HOSTILE)) + text[at:]
    return text


@st.composite
def bodies(draw) -> str:
    parts = draw(st.lists(sentences(), min_size=0, max_size=12))
    glue = draw(st.sampled_from([" ", "\n", "\n\n", "\r\n", " \n\n"]))
    return glue.join(parts)


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace") if not encoding.startswith("utf") else \
        text.encode(encoding, errors="surrogatepass")


@st.composite
def files(draw, index: int) -> tuple[str, bytes]:
    """One input file: (name, bytes)."""
    kind = draw(st.sampled_from(["txt", "txt", "jsonl", "json", "html", "bin", "md"]))
    name = f"f{index}{draw(st.sampled_from(['', ' é', '[x]', '-part2']))}.{kind}"
    if kind in ("txt", "md"):
        title = draw(sentences())
        return name, _encode(f"{title}\n\n{draw(bodies())}", draw(st.sampled_from(ENCODINGS)))
    if kind == "bin":
        return name, draw(st.binary(max_size=600))
    if kind == "html":
        body = "".join(f"<p>{s}</p>" for s in draw(bodies()).split("\n") if s)
        page = (f"<html><head><title>{draw(sentences())}</title><script>var x = '{draw(sentences())}';</script></head>"
                f"<body><nav>Home | World</nav><article>{body}</article></body></html>")
        return name, _encode(page, draw(st.sampled_from(["utf-8", "cp1252"])))
    records = draw(st.lists(st.one_of(
        st.fixed_dictionaries({"text": bodies()}, optional={
            "title": sentences(), "date": st.sampled_from(DAYS + ["", "2025-05-08T10:00:00Z", "0000-00-00"]),
            "url": st.sampled_from(["https://example.com/2025/05/08/a", "not a url", "javascript:alert(1)", ""]),
            "author": sentences()}),
        st.fixed_dictionaries({"title": sentences()}),
        st.sampled_from([None, 5, "text", [], {"text": 7}]),
    ), max_size=5))
    if kind == "json":
        return name, json.dumps(records, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")
    lines = [json.dumps(r) for r in records]
    if lines and draw(st.booleans()):
        lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(["{not json", "", "   ", "[1,"])))
    return name, "\n".join(lines).encode("utf-8", "surrogatepass")


@st.composite
def corpora(draw) -> dict[str, bytes]:
    """A few files; sometimes a copy of the first under another name (an exact duplicate)."""
    corpus = dict(draw(files(i)) for i in range(draw(st.integers(1, 5))))
    if draw(st.booleans()):
        first = next(iter(corpus))
        corpus[f"copy of {first}"] = corpus[first]
    return corpus


# --- the check ----------------------------------------------------------------------------------

def check_corpus(corpus: dict[str, bytes], workdir: Path) -> None:
    """Build ``corpus`` (file name -> bytes) and assert the promises above; AssertionError says which broke."""
    import pyoxigraph as ox
    import networkx as nx

    from kg.config import Settings
    from kg.pipeline import build

    folder, out = workdir / "in", workdir / "out"
    folder.mkdir(parents=True)
    for name, data in corpus.items():
        (folder / name).write_bytes(data)
    kg, report = build([folder], out, Settings(cache=False), formats=("turtle", "nt", "jsonld", "trig"))

    skipped = [s["path"] for s in report.skipped]
    sources = [a.source_path for a in kg.articles]

    def accounted(built_as: str, skipped_as: str) -> bool:
        whole_file = str(folder / built_as.split("#")[0])
        return any(p == built_as or p.startswith(f"{built_as}#") for p in sources) or \
            any(s in (skipped_as, whole_file) or s.startswith(f"{skipped_as}#") for s in skipped)

    for name, data in corpus.items():
        path = str(folder / name)
        assert accounted(name, path) or any(s.startswith(f"{path}:") for s in skipped), f"{name}: neither built nor skipped"
        if name.endswith(".jsonl") and data:
            for n, line in enumerate(data.decode("utf-8", "replace").splitlines(), start=1):
                if line.strip():
                    assert accounted(f"{name}#{n}", f"{path}:{n}"), f"{name} line {n}: neither built nor skipped"
    if not kg.articles:
        assert not (out / "graph.ttl").exists(), "an export was written for a build with no article"
        return

    formats = {"graph.ttl": ox.RdfFormat.TURTLE, "graph.nt": ox.RdfFormat.N_TRIPLES,
               "graph.jsonld": ox.RdfFormat.JSON_LD, "graph.trig": ox.RdfFormat.TRIG}
    counts = {}
    for name, fmt in formats.items():
        try:
            quads = list(ox.parse(path=str(out / name), format=fmt))
        except (SyntaxError, ValueError) as exc:
            raise AssertionError(f"{name} is not valid RDF: {exc}") from None
        counts[name] = len({(q.subject, q.predicate, q.object) for q in quads})
    assert counts["graph.ttl"] == counts["graph.nt"] == counts["graph.jsonld"], f"formats disagree: {counts}"
    nx.read_graphml(out / "graph.graphml")
    json.loads((out / "graph.json").read_text(encoding="utf-8"))

    store = ox.Store()
    store.load(path=str(out / "graph.nt"), format=ox.RdfFormat.N_TRIPLES)
    paths = sorted(str(s["p"].value) for s in store.query("SELECT ?p WHERE { ?a <https://kg-news.github.io/ns#sourcePath> ?p }"))
    assert paths == sorted(a.source_path for a in kg.articles), "the export does not hold exactly the graph's articles"


# --- regression files ---------------------------------------------------------------------------

def save_regression(corpus: dict[str, bytes], error: str) -> Path:
    data = {"error": error, "files": {name: base64.b64encode(b).decode() for name, b in sorted(corpus.items())}}
    text = json.dumps(data, indent=1, ensure_ascii=True) + "\n"
    REGRESSION.mkdir(parents=True, exist_ok=True)
    path = REGRESSION / f"{hashlib.sha256(text.encode()).hexdigest()[:12]}.json"
    path.write_text(text, encoding="utf-8")
    return path


def load_regression(path: Path) -> dict[str, bytes]:
    return {name: base64.b64decode(b) for name, b in json.loads(path.read_text(encoding="utf-8"))["files"].items()}


def run_for(seconds: float, save: bool, examples_per_round: int = 10) -> int:
    """Fuzz in rounds of fresh random examples until ``seconds`` have passed; returns the number of failures."""
    deadline, failures, rounds, examples = time.monotonic() + seconds, 0, 0, 0
    while time.monotonic() < deadline:
        found: list[dict[str, bytes]] = []

        @settings(deadline=None, suppress_health_check=list(HealthCheck), database=None,
                  max_examples=examples_per_round, derandomize=False)
        @given(corpora())
        def round_(corpus):
            nonlocal examples
            examples += 1
            found[:] = [corpus]
            with tempfile.TemporaryDirectory(prefix="kg-fuzz-") as tmp:
                check_corpus(corpus, Path(tmp))

        rounds += 1
        try:
            round_()
        except Exception as exc:  # noqa: BLE001 - a crash or a broken promise: both are findings
            failures += 1
            error = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            print(f"FAILURE {failures}: {error}", flush=True)
            if save and found:
                print(f"  saved the shrunk corpus as {save_regression(found[0], error)}", flush=True)
    print(f"{examples} examples in {rounds} rounds, {seconds:g} s: {failures} failures")
    return failures


def main() -> None:
    parser = argparse.ArgumentParser(description="Fuzz kg's build for a set time.")
    parser.add_argument("--seconds", type=float, default=300)
    parser.add_argument("--save", action="store_true", help="save every failure under tests/regression/fuzz/")
    args = parser.parse_args()
    sys.exit(1 if run_for(args.seconds, args.save) else 0)


if __name__ == "__main__":
    main()
