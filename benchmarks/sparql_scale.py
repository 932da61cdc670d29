"""SPARQL at scale: load about a million triples and run every competency question, pyoxigraph vs rdflib.

Synthesises a knowledge graph in the data model's exact shape (the records of
``kg.model`` written by ``kg.export.rdf.to_rdf``): articles, people, countries,
cities and organisations (with the real names the competency questions ask
about), events, claims with denials that contradict accusations, and trade
figures, some reported by several articles.  The same ``--seed`` and
``--triples`` give the same N-Triples file on every machine.

Each engine runs in its own process on the same file, so its peak memory is
its own: load the file, then run ``kg/queries/cq*.rq``.  rdflib's engine gets
``--rdflib-timeout`` seconds per step; a step that takes longer is reported as
timed out, and a fresh process loads the file again for the questions left.

    python benchmarks/sparql_scale.py [--triples 1000000] [--seed 7] [--rdflib-timeout 120]
"""
from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing as mp
import queue
import random
import resource
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from kg.export.rdf import serialize, to_rdf
from kg.model import Claim, Entity, Event, Evidence, KnowledgeGraph, Quantity, Article
from kg.query import competency_questions

#: roughly how many triples one synthetic article brings (article, mentions, facts)
_TRIPLES_PER_ARTICLE = 100
_REAL = [("country/china", "China", "Country"), ("country/russia", "Russia", "Country"),
         ("country/united-states", "United States", "Country"), ("person/vladimir-putin", "Vladimir Putin", "Person"),
         ("person/xi-jinping", "Xi Jinping", "Person"), ("place/beijing", "Beijing", "City"),
         ("organization/chinese-foreign-ministry", "Chinese Foreign Ministry", "GovernmentOrganization")]
_KINDS = ["Person", "Person", "Person", "Country", "City", "Organization", "GovernmentOrganization", "Corporation"]
_LOAD_TIMEOUT = 1800
_EVENTS = ["meet", "visit", "cooperate", "trade", "aid", "accuse", "reject", "sanction", "threaten", "attack"]


def _entities(n: int, rng: random.Random) -> list[Entity]:
    real = [Entity(key, label, kind, mention_count=rng.randint(50, 500)) for key, label, kind in _REAL]
    real[-1] = Entity(real[-1].key, real[-1].label, real[-1].kind, mention_count=40, affiliations=("country/china",))
    made = []
    for i in range(n):
        kind = _KINDS[i % len(_KINDS)]
        made.append(Entity(f"{kind.lower()}/{kind.lower()}-{i}", f"{kind} {i}", kind, aliases=(f"{kind[:3]}{i}",),
                           mention_count=rng.randint(1, 40)))
    return real + made


def _article(i: int, entities: list[Entity], rng: random.Random) -> tuple[Article, list, list, list, tuple[str, ...]]:
    """One article with its events, claims and quantity; every tenth repeats facts of the one before."""
    aid = f"synthetic/{i:07d}"
    date = dt.date(2024, 1, 1) + dt.timedelta(days=i % 700)
    article = Article(id=aid, text="", title=f"Synthetic story {i}", date=date, source_path=f"synthetic.jsonl#{i}",
                      content_hash=f"{i:064x}")
    cast = rng.sample(entities, 6)
    china, russia, us, putin, xi, beijing, ministry = entities[:7]

    def ev(n: int) -> tuple[Evidence, ...]:
        return (Evidence(aid, f"Sentence {n} of story {i}.", n * 100, n * 100 + 80),)

    events, claims = [], []
    for n in range(3):
        kind = _EVENTS[(i + n) % len(_EVENTS)]
        src, dst = (putin, xi) if (i + n) % 97 == 0 else (cast[n], cast[n + 3])
        place = {0: china.key, 1: beijing.key}.get((i + n) % 5)
        events.append(Event(f"e{i}-{n}", kind, kind, src.key, dst.key, place, date, ev(n), f"{src.label} {kind} {dst.label}"))
    accusation = Claim(f"c{i}-0", us.key, "Assert", f"China supplied item {i % 500} to Russia", "indirect", "accuse",
                       (china.key, russia.key), ev(3), contradicts=(f"c{i}-1",))
    denial = Claim(f"c{i}-1", (china if i % 2 else ministry).key, "Deny", f"supplying item {i % 500} to Russia",
                   "indirect", "deny", (russia.key,), ev(4), contradicts=(f"c{i}-0",))
    said = Claim(f"c{i}-2", (putin if i % 7 == 0 else cast[1]).key, "Assert", f"Quote number {i}.", "direct", "say", (cast[2].key,), ev(5))
    claims += [accusation, denial, said]
    trade = Quantity(f"q{i}", Decimal(rng.randint(1, 300)) * 10**9, "USD", "$ billion",
                     f"trade between China and Russia in story {i}", (china.key, russia.key), str(2000 + i % 25), ev(6))
    mentions = tuple(sorted({e.key for e in cast} | {china.key, russia.key, us.key}))
    return article, events, claims, [trade], mentions


def _merge(record, other):
    """The same fact reported again by another article."""
    return type(record)(**{**record.__dict__, "evidence": record.evidence + other.evidence})


def write_graph(path: Path, triples: int, seed: int = 7, chunk: int = 500) -> int:
    """Write a synthetic graph of about ``triples`` triples as N-Triples; returns the number of lines."""
    rng = random.Random(seed)
    n_articles = max(2, triples // _TRIPLES_PER_ARTICLE)
    entities = _entities(max(20, n_articles // 5), rng)
    shared = {line for line in serialize(to_rdf(KnowledgeGraph((), tuple(entities), (), (), ())), "nt").decode().splitlines()}
    lines = len(shared)
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(sorted(shared)) + "\n")
        for start in range(0, n_articles, chunk):
            articles, events, claims, quantities, mentions = [], [], [], [], {}
            previous = None
            for i in range(start, min(start + chunk, n_articles)):
                article, evs, cls, qs, mentioned = _article(i, entities, rng)
                if previous is not None and i % 10 == 0:  # a second article reports the previous article's facts
                    evs = [_merge(previous[0], evs[0]), *evs[1:]]
                    qs = [_merge(previous[1], qs[0])]
                    events.pop()
                    quantities.pop()
                articles.append(article)
                events += evs
                claims += cls
                quantities += qs
                mentions[article.id] = mentioned
                previous = (evs[2], qs[0])
            kg = KnowledgeGraph(tuple(articles), tuple(entities), tuple(events), tuple(claims), tuple(quantities), mentions)
            new = [line for line in serialize(to_rdf(kg), "nt").decode().splitlines() if line and line not in shared]
            out.write("\n".join(new) + "\n")
            lines += len(new)
    return lines


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _run_engine(engine: str, path: str, questions: dict[str, str], report: mp.Queue) -> None:
    """Child process: load the file, run each question, put (step, seconds, rows) on ``report``."""
    start = time.perf_counter()
    if engine == "pyoxigraph":
        import pyoxigraph as ox

        store = ox.Store()
        store.bulk_load(path=path, format=ox.RdfFormat.N_TRIPLES)
        size = len(store)

        def run(sparql: str) -> int:
            return len(list(store.query(sparql)))
    else:
        from rdflib import Graph

        graph = Graph()
        graph.parse(path, format="nt")
        size = len(graph)

        def run(sparql: str) -> int:
            return len(list(graph.query(sparql)))
    report.put(("load", time.perf_counter() - start, size))
    report.put(("peak_mb", _peak_mb(), 0))
    for name, sparql in questions.items():
        start = time.perf_counter()
        rows = run(sparql)
        report.put((name, time.perf_counter() - start, rows))
        report.put(("peak_mb", _peak_mb(), 0))


def measure(engine: str, path: Path, questions: dict[str, str], timeout: float) -> dict[str, tuple[float | None, int]]:
    """Step -> (seconds, or None if it timed out, and rows) for one engine, in fresh processes.

    A question that takes longer than ``timeout`` is marked as timed out; the
    process is killed and a new one loads the file again for the questions left.
    Loading may take up to ``_LOAD_TIMEOUT`` seconds.
    """
    ctx = mp.get_context("spawn")
    results: dict[str, tuple[float | None, int]] = {"peak_mb": (0.0, 0)}
    left = dict(questions)
    while True:
        report = ctx.Queue()
        child = ctx.Process(target=_run_engine, args=(engine, str(path), left, report), daemon=True)
        child.start()
        loaded = False
        try:
            while left or not loaded:
                step, seconds, rows = report.get(timeout=timeout if loaded else _LOAD_TIMEOUT)
                if step == "peak_mb":
                    results["peak_mb"] = (max(results["peak_mb"][0], seconds), 0)
                elif step == "load":
                    loaded = True
                    results.setdefault("load", (seconds, rows))
                else:
                    results[step] = (seconds, rows)
                    left.pop(step)
        except queue.Empty:
            pending = "load" if "load" not in results else next(iter(left))
            results[pending] = (None, 0)
            left.pop(pending, None)
            if pending == "load":
                left.clear()
        finally:
            child.terminate()
            child.join()
        if not left:
            break
    for step in ["load", *questions]:
        results.setdefault(step, (None, 0))
    return results


def _fmt(seconds: float | None, timeout: float) -> str:
    return f">{timeout:.0f} (timed out)" if seconds is None else f"{seconds:.3f}"


def benchmark(triples: int, seed: int = 7, rdflib_timeout: float = 120, out=sys.stdout) -> dict:
    """Generate, load and query; print a table and return every figure."""
    questions = competency_questions()
    with tempfile.TemporaryDirectory(prefix="kg-sparql-") as tmp:
        path = Path(tmp) / "graph.nt"
        start = time.perf_counter()
        lines = write_graph(path, triples, seed)
        generate = time.perf_counter() - start
        print(f"generated {lines:,} triples ({path.stat().st_size / 1e6:.0f} MB N-Triples) in {generate:.1f} s; "
              f"generator peak RSS {_peak_mb():.0f} MB", file=out)
        ox = measure("pyoxigraph", path, questions, timeout=max(600, rdflib_timeout))
        rd = measure("rdflib", path, questions, timeout=rdflib_timeout)
    print(f"{'step':<22} {'pyoxigraph s':>13} {'rdflib s':>18} {'rdflib/oxigraph':>16} {'rows ox / rdflib':>17}", file=out)
    for step in ["load", *questions]:
        (a, rows_a), (b, rows_b) = ox[step], rd[step]
        ratio = f"{b / a:.0f}x" if a and b else "-"
        rows = f"{rows_a} / {rows_b}" if step != "load" else f"{rows_a:,} / {rows_b:,}"
        print(f"{step:<22} {_fmt(a, 600):>13} {_fmt(b, rdflib_timeout):>18} {ratio:>16} {rows:>17}", file=out)
    print(f"peak RSS: pyoxigraph {ox['peak_mb'][0]:.0f} MB, rdflib {rd['peak_mb'][0]:.0f} MB", file=out)
    return {"triples": lines, "generate_s": generate, "pyoxigraph": ox, "rdflib": rd}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="about how many triples to generate")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rdflib-timeout", type=float, default=120, help="seconds rdflib may take per step")
    args = parser.parse_args(argv)
    return benchmark(args.triples, args.seed, args.rdflib_timeout)


if __name__ == "__main__":
    main()
