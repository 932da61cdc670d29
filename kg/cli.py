"""The `kg` command: thin wrappers that parse options and call the library."""
from __future__ import annotations

import csv
import datetime as dt
import functools
import json
import logging
import shutil
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from kg.config import CONFIG_FILE, DEFAULT_OUT, Settings, load_settings
from kg.errors import EXIT_FAILED, EXIT_INTERNAL, EXIT_SKIPPED, KgError, InputError, MissingDependency

app = typer.Typer(
    help="Build a knowledge graph of actors, events, claims and quantities from news articles.\n\n"
    "Start with `kg build` (bundled sample articles) or `kg build FOLDER`, then open exports/graph.html "
    "or ask questions with `kg query cq2_meetings`.",
    no_args_is_help=True, add_completion=False, rich_markup_mode=None,
)
console = Console(stderr=True)

def _version(value: bool) -> None:
    if value:
        from kg import __version__

        typer.echo(f"kg {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
    debug: bool = typer.Option(False, "--debug", envvar="KG_DEBUG", help="Show the traceback of an internal error."),
) -> None:
    """Build a knowledge graph of actors, events, claims and quantities from news articles."""
    global _debug
    _debug = debug


#: ``kg --debug``: an internal error shows its traceback (set for each run by the callback above)
_debug = False


def _command(*args, **kwargs):
    """``app.command`` for a command whose errors are reported, not raised.

    A :class:`kg.errors.KgError` is the user's to fix: one line and its exit
    code.  Anything else is a bug in kg: a one-line pointer and exit code 70,
    the traceback with ``kg --debug`` (or KG_DEBUG=1).
    """
    def register(command):
        @functools.wraps(command)
        def run(*call_args, **call_kwargs):
            try:
                return command(*call_args, **call_kwargs)
            except (typer.Exit, typer.Abort, typer.TyperException):  # typer's own: a usage error, an exit code
                raise
            except KgError as exc:
                console.print(f"[red]error:[/red] {escape(exc.one_line())}", soft_wrap=True)
                raise typer.Exit(exc.exit_code) from None
            except Exception as exc:
                if _debug:
                    raise
                console.print(f"[red]internal error:[/red] {escape(type(exc).__name__)}: {escape(str(exc))} "
                              "(a bug in kg: `kg --debug ...` or KG_DEBUG=1 shows the traceback)", soft_wrap=True)
                raise typer.Exit(EXIT_INTERNAL) from None
        return app.command(*args, **kwargs)(run)
    return register


def _date(value: Optional[str], option: str) -> Optional[dt.date]:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD", param_hint=option) from None


_CONFIG_OPTION = typer.Option(None, "--config", exists=True, dir_okay=False,
                              help=f"Settings file (TOML) to use instead of ./{CONFIG_FILE}.")


class _StageToBar(logging.Handler):
    """Shows the name of the stage the build is in (``kg.pipeline.STAGES``) on the progress bar."""

    def __init__(self, bar):
        super().__init__()
        self.bar = bar

    def emit(self, record: logging.LogRecord) -> None:
        if self.bar.total is not None and self.bar.n != self.bar.total:
            self.bar.total = self.bar.n  # the estimate was off (a file held several articles): the count is known now
        self.bar.set_description_str(record.getMessage())
        self.bar.refresh()


def _summary(report, out: Path, width: int) -> list[str]:
    """The build summary as lines no wider than the terminal."""
    parts = [f"{report.articles:,} articles ({report.duplicates:,} duplicates)", f"{report.entities:,} entities",
             f"{report.events:,} events", f"{report.claims:,} claims", f"{report.quantities:,} quantities",
             f"{report.triples:,} triples", f"-> {out}/"]
    lines, line = [], ""
    for part in parts:
        candidate = f"{line}, {part}" if line and not part.startswith("->") else f"{line} {part}" if line else part
        if line and len(candidate) > width:
            lines.append(line)
            line = part
        else:
            line = candidate
    return lines + [line]


@_command()
def build(
    paths: list[Path] = typer.Argument(None, help="Files or folders of articles (.txt, .jsonl/.json, .html). Default: the bundled sample articles."),
    out: Path = typer.Option(DEFAULT_OUT, "--out", "-o", help="Folder for the exports."),
    formats: list[str] = typer.Option(["turtle", "jsonld"], "--format", "-f", help="Formats to write (repeat the option): RDF turtle, nt, jsonld, trig; csv or parquet fact tables (tables/); neo4j import files (neo4j/); gexf for Gephi (graph.gexf)."),
    since: Optional[str] = typer.Option(None, help="Keep only facts from this date on (YYYY-MM-DD): events by their date, claims, figures and undated events by their articles' publication date."),
    until: Optional[str] = typer.Option(None, help="Keep only facts up to this date (YYYY-MM-DD), as --since."),
    model: Optional[str] = typer.Option(None, help=f"The spaCy model package that parses the articles (installed, never downloaded). Default: {Settings.model}."),
    base_iri: Optional[str] = typer.Option(None, help=f"Base IRI for instance IRIs. Default: {Settings.base_iri}."),
    batch_size: Optional[int] = typer.Option(None, help=f"Texts per spaCy batch. Default: {Settings.batch_size}."),
    n_process: Optional[int] = typer.Option(None, help="Processes that parse and extract (default 0: one per core kg may run on; 1: all in this process)."),
    workers: Optional[int] = typer.Option(None, help="Run ingest, NLP and extraction on a local Dask cluster of N worker processes (needs kg[dask])."),
    scheduler: Optional[str] = typer.Option(None, help="Run them on the running Dask cluster at this address, e.g. tcp://host:8786 (needs kg[dask])."),
    cache: Optional[bool] = typer.Option(None, "--cache/--no-cache", help="Reuse per-article results cached in OUT/.cache (default: yes)."),
    config: Optional[Path] = _CONFIG_OPTION,
    wait: float = typer.Option(0, help="Seconds to wait for another build writing into OUT (default: refuse at once)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
) -> None:
    """Build the graph and write graph.ttl, graph.jsonld, graph.graphml, graph.json, graph.html and report.json.

    Settings: defaults < kg.toml (or --config FILE) < KG_* environment variables < these options.
    Exit code 0: everything built; 3: built, but some inputs were skipped (listed in report.json); 1: nothing built;
    2: a usage or settings mistake.
    """
    from tqdm import tqdm

    from kg.config import SAMPLES_DIR
    from kg.export import OTHER_FORMATS
    from kg.export.rdf import FORMATS
    from kg.ingest import count_articles
    from kg.pipeline import STAGES, build as run_build

    known = [*FORMATS, *OTHER_FORMATS]
    unknown = [f for f in formats if f not in known]
    if unknown:
        raise typer.BadParameter(f"unknown format {unknown[0]!r}; choose from {', '.join(known)}", param_hint="--format")
    if "parquet" in formats:
        from kg.export.tables import require_pyarrow

        try:
            require_pyarrow()
        except MissingDependency as exc:
            raise typer.BadParameter(str(exc), param_hint="--format") from None
    settings = load_settings(config or True, model=model, base_iri=base_iri, batch_size=batch_size, n_process=n_process,
                             cache=cache, workers=workers, scheduler=scheduler, since=_date(since, "--since"),
                             until=_date(until, "--until"))
    total = None if quiet else count_articles(paths or [SAMPLES_DIR])
    import signal

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(EXIT_FAILED))  # `kill` cleans up like Ctrl-C: OUT stays as it was
    with tqdm(desc="read + parse", unit="art", total=total, disable=quiet, file=sys.stderr, dynamic_ncols=True) as bar:
        handler = _StageToBar(bar)
        STAGES.addHandler(handler)
        STAGES.setLevel(logging.INFO)
        STAGES.propagate = False
        try:
            _, report = run_build(paths or None, out, settings, formats=formats, progress=bar.update, wait=wait)
        finally:
            STAGES.removeHandler(handler)
    for notice in report.notices:
        console.print(f"[yellow]warning:[/yellow] {escape(notice)}", highlight=False, soft_wrap=True)
    for item in report.skipped:
        # one line per item, and a file name is text, never console markup
        console.print(f"[yellow]skipped[/yellow] {escape(item['path'])}: {escape(item['reason'])}", highlight=False, soft_wrap=True)
    if not quiet:
        for line in _summary(report, out, shutil.get_terminal_size((100, 24)).columns):
            console.print(line, highlight=False, soft_wrap=True)
    if report.articles == 0:
        console.print(f"[red]error:[/red] no article could be read; {escape(str(out))} was left as it was", soft_wrap=True)
        raise typer.Exit(EXIT_FAILED)
    if report.skipped:
        raise typer.Exit(EXIT_SKIPPED)


class _Output(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


@_command()
def query(
    sparql: str = typer.Argument(..., help="SPARQL text, a .rq file, or a competency question name (see `kg questions`)."),
    data: list[Path] = typer.Option([DEFAULT_OUT], "--data", "-d", help="RDF files or export folders to query."),
    output: _Output = typer.Option(_Output.table, "--output", help="table (with a label column beside IRIs that have one), csv or json."),
    params: list[str] = typer.Option([], "--param", "-p", help="NAME=VALUE for a question's parameter, e.g. -p speaker=\"Xi Jinping\" (repeat the option)."),
) -> None:
    """Run a SPARQL query over exported RDF (fast, with pyoxigraph).

    An export folder loads graph.ttl, graph.trig (one named graph per article) and ontology.ttl.
    """
    from kg.query import bind_values, load_store, named_graph_hint, read_query, run_query, with_labels

    values = dict(item.split("=", 1) for item in params if "=" in item)
    if len(values) != len(params):
        raise typer.BadParameter("takes NAME=VALUE", param_hint="--param")
    text = bind_values(read_query(sparql), values)
    store = load_store(data)
    names, rows = run_query(store, text)
    hint = named_graph_hint(store, text)
    if hint:
        console.print(f"[yellow]note:[/yellow] {escape(hint)}", highlight=False, soft_wrap=True)
    if output == _Output.json:
        typer.echo(json.dumps([dict(zip(names, r)) for r in rows], ensure_ascii=False, indent=1, default=str))
    elif output == _Output.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(names)
        writer.writerows(rows)
    else:
        names, rows = with_labels(store, names, rows)
        table = Table(*names)
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        Console().print(table)


@_command()
def questions() -> None:
    """List the competency questions shipped with kg (use the name with `kg query`)."""
    from kg.query import competency_questions

    for name, text in competency_questions().items():
        typer.echo(f"{name}: {text.splitlines()[0].lstrip('# ')}")


@_command()
def validate(
    file: Path = typer.Argument(..., exists=True, help="An RDF file (.ttl, .nt, .jsonld, .trig) or an export folder."),
    shapes: Optional[Path] = typer.Option(None, exists=True, dir_okay=False, help="SHACL shapes to use instead of kg's own."),
) -> None:
    """Check RDF against the data model's SHACL shapes and list every violation.

    Exit code 0: the graph conforms; 1: it does not (or cannot be read).
    """
    from kg.validate import validate_file

    report = validate_file(file, shapes)
    typer.echo(f"{file}: {report}")
    if not report.conforms:
        raise typer.Exit(EXIT_FAILED)


@_command()
def serve(
    data: list[Path] = typer.Option([DEFAULT_OUT], "--data", "-d", help="RDF files or export folders to serve."),
    bind: str = typer.Option("127.0.0.1:7878", help="HOST:PORT to listen on (127.0.0.1: this machine only)."),
    store: Optional[Path] = typer.Option(None, help="Folder for the Oxigraph store (default: a temporary folder, deleted on exit)."),
    timeout: int = typer.Option(60, help="Seconds a query may run; a longer one is stopped (HTTP 503)."),
    workers: int = typer.Option(2, help="Worker processes answering queries at once."),
) -> None:
    """Serve the exports as a read-only SPARQL 1.1 endpoint (pyoxigraph) at http://HOST:PORT/query.

    Example: curl http://127.0.0.1:7878/query --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5'
    """
    import signal
    import tempfile

    from kg.serve import prepare_store, start_server

    with tempfile.TemporaryDirectory(prefix="kg-store-") as tmp:
        location = prepare_store(data, store or Path(tmp) / "store")
        server = start_server(location, bind, timeout_s=timeout, workers=workers)
        console.print(f"SPARQL endpoint: http://{bind}/query (Ctrl-C stops it)", highlight=False)
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stop the server on `kill` too
        try:
            server.wait()
        except KeyboardInterrupt:
            pass
        finally:
            server.terminate()
            server.wait()


@_command(name="eval")
def evaluate(
    gold: Path = typer.Argument(..., exists=True, dir_okay=False, help="Gold set JSON (format: tests/gold/README.md)."),
    corpus: list[Path] = typer.Argument(..., help="The articles the gold set annotates."),
    details: bool = typer.Option(False, help="Also list every false positive and false negative."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    model: Optional[str] = typer.Option(None, help=f"The spaCy model package. Default: {Settings.model}."),
    config: Optional[Path] = _CONFIG_OPTION,
) -> None:
    """Score extraction against a hand-written gold set: precision, recall and F1 per part.

    Example: kg eval tests/gold/seeds.json ${KG_SHARED:-../shared}/seeds
    """
    from kg.eval import evaluate as run_eval, format_scores, load_gold
    from kg.pipeline import build as run_build

    gold_set = load_gold(gold)
    kg, report = run_build(corpus, None, load_settings(config or True, model=model, cache=False))
    if not report.articles:
        reasons = "; ".join(f"{s['path']}: {s['reason']}" for s in report.skipped[:3])
        raise InputError(f"no article could be read in {', '.join(map(str, corpus))}" + (f" ({reasons})" if reasons else ""))
    scores = run_eval(gold_set, kg)
    if as_json:
        typer.echo(json.dumps([s.as_dict() for s in scores], indent=1))
    else:
        typer.echo(format_scores(scores))
    if details:
        for s in scores:
            for item in s.false_negatives:
                typer.echo(f"missed {s.part}: {item}")
            for item in s.false_positives:
                typer.echo(f"extra  {s.part}: {item if not hasattr(item, 'label') else (item.label, item.kind, item.aliases)}")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
