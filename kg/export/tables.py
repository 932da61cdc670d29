"""Fact tables: one row per fact, with IRIs *and* labels, as pandas DataFrames, CSV or Parquet.

Main tables: ``articles``, ``entities``, ``events``, ``claims``, ``quantities``,
``mentions`` (article x entity) and ``evidence`` (fact x sentence).  What is a
list in the graph is a child table with one row per value (``entity_aliases``,
``claim_about``, ...), never a joined string, so every cell is one value and
``merge`` on the IRI columns joins them back.  A fact row names its first
article (the earliest published, then by id): its headline, URL and date.

Parquet needs pyarrow (``pip install 'kg[parquet]'``); CSV and DataFrames do not.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from kg.atomic import atomic_open, write_with
from kg.errors import ExportError, MissingDependency
from kg.model import Article, KnowledgeGraph
from kg.vocab import EVENT_TYPES, Instances

__all__ = ["TABLES", "TABLE_FORMATS", "fact_tables", "write_tables", "require_pyarrow", "TABLES_DIR"]

#: folder inside the export folder that holds the tables
TABLES_DIR = "tables"
TABLE_FORMATS = {"csv": ".csv", "parquet": ".parquet"}
#: table name -> its columns, in order; the first column is the row's IRI (or the parent's, in a child table)
TABLES: dict[str, tuple[str, ...]] = {
    "articles": ("article_iri", "article_id", "label", "headline", "url", "canonical_url", "published", "author",
                 "publisher", "section", "source_path", "duplicate_of_iri", "content_hash", "entity_count"),
    "entities": ("entity_iri", "label", "kind", "type_iri", "mention_count", "article_count", "nationality_iri",
                 "nationality_label"),
    "events": ("event_iri", "label", "event_type", "event_type_label", "event_type_iri", "cameo", "plover", "trigger",
               "modality", "date", "date_basis", "source_iri", "source_label", "source_kind", "target_iri", "target_label",
               "target_kind", "place_iri", "place_label", "source_count", "article_count", "first_article_iri",
               "first_headline", "first_url", "first_published", "evidence"),
    "claims": ("claim_iri", "speaker_iri", "speaker_label", "speaker_kind", "stance", "text", "quote_type", "cue",
               "statement_type", "statement_subject_iri", "statement_subject_label", "statement_object_iri",
               "statement_object_label", "source_count", "article_count", "first_article_iri", "first_headline",
               "first_url", "first_published", "evidence"),
    "quantities": ("quantity_iri", "label", "value", "unit", "description", "period", "source_count", "article_count",
                   "first_article_iri", "first_headline", "first_url", "first_published", "evidence"),
    "mentions": ("article_iri", "headline", "entity_iri", "entity_label", "kind"),
    "evidence": ("fact_iri", "fact_kind", "article_iri", "headline", "url", "published", "sentence", "start", "end"),
    "entity_aliases": ("entity_iri", "label", "alias"),
    "entity_job_titles": ("entity_iri", "label", "job_title"),
    "entity_affiliations": ("entity_iri", "label", "affiliation_iri", "affiliation_label"),
    "entity_same_as": ("entity_iri", "label", "same_as_iri"),
    "event_reporters": ("event_iri", "entity_iri", "entity_label"),
    "claim_about": ("claim_iri", "entity_iri", "entity_label"),
    "claim_contradicts": ("claim_iri", "contradicts_iri"),
    "claim_quantities": ("claim_iri", "quantity_iri"),
    "quantity_about": ("quantity_iri", "entity_iri", "entity_label"),
}
_DATE_COLUMNS = ("published", "date", "first_published")
_INT_COLUMNS = ("mention_count", "article_count", "source_count", "entity_count", "start", "end")


class _Rows:
    """Builds the rows of every table from one knowledge graph."""

    def __init__(self, kg: KnowledgeGraph, base_iri: str | None):
        self.kg, self.iri = kg, Instances(base_iri) if base_iri else Instances()
        self.entities = {e.key: e for e in kg.entities}
        self.articles = {a.id: a for a in kg.articles}
        self.tables: dict[str, list[dict]] = {name: [] for name in TABLES}

    def entity(self, key: str | None, prefix: str) -> dict:
        """``prefix_iri``, ``prefix_label`` and ``prefix_kind`` of an entity (empty when there is none)."""
        e = self.entities.get(key) if key else None
        return {f"{prefix}_iri": str(self.iri.entity(key)) if e else None, f"{prefix}_label": e.label if e else None,  # type: ignore[arg-type]
                f"{prefix}_kind": e.kind if e else None}

    def about(self, column: str, iri: str, keys: tuple[str, ...]) -> list[dict]:
        """Rows of a child table naming the entities a fact is about."""
        rows = []
        for key in keys:
            entity = self.entity(key, "entity")
            rows.append({column: iri, "entity_iri": entity["entity_iri"], "entity_label": entity["entity_label"]})
        return rows

    def first_article(self, record) -> Article | None:
        known = [self.articles[a] for a in record.articles if a in self.articles]
        return min(known, key=lambda a: (a.date is None, a.date or 0, a.id), default=None)

    def sources(self, record, iri: str, kind: str) -> dict:
        """The columns every fact has: counts, its first article, its first evidence sentence; fills ``evidence``."""
        first = self.first_article(record)
        for ev in record.evidence:
            article = self.articles.get(ev.article_id)
            self.tables["evidence"].append({
                "fact_iri": iri, "fact_kind": kind, "article_iri": str(self.iri.article(ev.article_id)),
                "headline": article.title if article else None, "url": (article.url or None) if article else None,
                "published": article.date if article else None, "sentence": ev.sentence, "start": ev.start, "end": ev.end})
        evidence = sorted(record.evidence, key=lambda e: (e.article_id != (first.id if first else ""), e.article_id, e.start))
        return {"source_count": self.kg.source_count(record), "article_count": len(record.articles),
                "first_article_iri": str(self.iri.article(first.id)) if first else None,
                "first_headline": (first.title or None) if first else None, "first_url": (first.url or None) if first else None,
                "first_published": first.date if first else None, "evidence": evidence[0].sentence if evidence else None}

    def build(self) -> dict[str, list[dict]]:
        for name, add in (("articles", self.add_article), ("entities", self.add_entity), ("events", self.add_event),
                          ("claims", self.add_claim), ("quantities", self.add_quantity)):
            for record in getattr(self.kg, name):
                add(record)
        return self.tables

    def add_article(self, a: Article) -> None:
        iri = str(self.iri.article(a.id))
        mentioned = self.kg.mentions.get(a.id, ())
        self.tables["articles"].append({
            "article_iri": iri, "article_id": a.id, "label": a.title or a.text.split("\n", 1)[0][:80],
            "headline": a.title or None, "url": a.url or None, "canonical_url": a.canonical_url or None,
            "published": a.date, "author": a.author or None, "publisher": a.publisher or None, "section": a.section or None,
            "source_path": a.source_path, "duplicate_of_iri": str(self.iri.article(a.duplicate_of)) if a.duplicate_of else None,
            "content_hash": a.content_hash, "entity_count": len(mentioned)})
        for key in mentioned:
            e = self.entities.get(key)
            if e is not None:
                self.tables["mentions"].append({"article_iri": iri, "headline": a.title or None,
                                                "entity_iri": str(self.iri.entity(key)), "entity_label": e.label, "kind": e.kind})

    def add_entity(self, e) -> None:
        iri = str(self.iri.entity(e.key))
        nationality = self.entity(e.nationality, "nationality")
        self.tables["entities"].append({
            "entity_iri": iri, "label": e.label, "kind": e.kind, "type_iri": str(self.iri.entity_class(e.kind)),
            "mention_count": e.mention_count, "article_count": len(e.articles),
            "nationality_iri": nationality["nationality_iri"], "nationality_label": nationality["nationality_label"]})
        self.tables["entity_aliases"] += [{"entity_iri": iri, "label": e.label, "alias": alias} for alias in e.aliases]
        self.tables["entity_job_titles"] += [{"entity_iri": iri, "label": e.label, "job_title": t} for t in e.job_titles]
        for key in e.affiliations:
            other = self.entity(key, "affiliation")
            self.tables["entity_affiliations"].append({"entity_iri": iri, "label": e.label, "affiliation_iri": other["affiliation_iri"],
                                                       "affiliation_label": other["affiliation_label"]})
        self.tables["entity_same_as"] += [{"entity_iri": iri, "label": e.label, "same_as_iri": str(self.iri.wikidata(q))}
                                          for q in e.same_as]

    def add_event(self, ev) -> None:
        iri = str(self.iri.event(ev.key))
        kind = EVENT_TYPES.get(ev.event_type)
        place = self.entity(ev.place, "place")
        self.tables["events"].append({
            "event_iri": iri, "label": ev.label, "event_type": ev.event_type, "event_type_label": kind.label if kind else None,
            "event_type_iri": str(self.iri.event_type(ev.event_type)), "cameo": kind.cameo if kind else None,
            "plover": kind.plover if kind else None, "trigger": ev.trigger, "modality": ev.modality, "date": ev.date, "date_basis": ev.date_basis or None,
            **self.entity(ev.source, "source"), **self.entity(ev.target, "target"),
            "place_iri": place["place_iri"], "place_label": place["place_label"], **self.sources(ev, iri, "event")})
        self.tables["event_reporters"] += self.about("event_iri", iri, ev.reported_by)

    def add_claim(self, c) -> None:
        iri = str(self.iri.claim(c.key))
        statement_type, subject, obj = c.statement or (None, None, None)
        s, o = self.entity(subject, "statement_subject"), self.entity(obj, "statement_object")
        self.tables["claims"].append({
            "claim_iri": iri, **self.entity(c.speaker, "speaker"), "stance": c.stance, "text": c.text,
            "quote_type": c.quote_type, "cue": c.cue, "statement_type": statement_type,
            "statement_subject_iri": s["statement_subject_iri"], "statement_subject_label": s["statement_subject_label"],
            "statement_object_iri": o["statement_object_iri"], "statement_object_label": o["statement_object_label"],
            **self.sources(c, iri, "claim")})
        self.tables["claim_about"] += self.about("claim_iri", iri, c.about)
        self.tables["claim_contradicts"] += [{"claim_iri": iri, "contradicts_iri": str(self.iri.claim(k))} for k in c.contradicts]
        self.tables["claim_quantities"] += [{"claim_iri": iri, "quantity_iri": str(self.iri.quantity(k))} for k in c.quantities]

    def add_quantity(self, q) -> None:
        iri = str(self.iri.quantity(q.key))
        self.tables["quantities"].append({
            "quantity_iri": iri, "label": q.text, "value": float(q.value), "unit": q.unit,
            "description": q.description or None, "period": q.period or None, **self.sources(q, iri, "quantity")})
        self.tables["quantity_about"] += self.about("quantity_iri", iri, q.about)


def _frame(rows: list[dict], columns: tuple[str, ...]) -> pd.DataFrame:
    """Rows as a DataFrame with fixed columns and types, sorted so the same graph gives the same table."""
    df = pd.DataFrame(rows, columns=list(columns))
    for column in columns:
        if column in _DATE_COLUMNS:
            df[column] = pd.to_datetime(df[column])
        elif column in _INT_COLUMNS:
            df[column] = df[column].astype("Int64")
        elif column != "value":
            df[column] = df[column].astype("string")
    order = [c for c in columns if c not in _DATE_COLUMNS][:3]
    return df.sort_values(order, kind="stable", na_position="first").reset_index(drop=True)


def fact_tables(kg: KnowledgeGraph, base_iri: str | None = None) -> dict[str, pd.DataFrame]:
    """Every table (see ``TABLES``) as a pandas DataFrame: dates as datetimes, counts as integers, missing as NA."""
    rows = _Rows(kg, base_iri).build()
    return {name: _frame(rows[name], columns) for name, columns in TABLES.items()}


def _write_csv(df: pd.DataFrame, path: Path) -> None:
    with atomic_open(path, "w", encoding="utf-8", newline="") as handle:
        df.to_csv(handle, index=False, lineterminator="\n", date_format="%Y-%m-%d")


def _write_parquet(df: pd.DataFrame, path: Path) -> None:
    write_with(path, lambda tmp: df.to_parquet(tmp, index=False, engine="pyarrow"))


def require_pyarrow() -> None:
    """Raise a MissingDependency that says how to install pyarrow when it is missing (Parquet needs it)."""
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise MissingDependency("--format parquet needs pyarrow: pip install 'kg[parquet]' (or use --format csv)") from None


def write_tables(kg: KnowledgeGraph, folder: Path, fmt: str = "csv", base_iri: str | None = None) -> list[Path]:
    """Write every table as ``folder/<name>.csv`` (or ``.parquet``); returns the paths written."""
    if fmt not in TABLE_FORMATS:
        raise ExportError(f"unknown table format {fmt!r}; choose from {', '.join(TABLE_FORMATS)}")
    if fmt == "parquet":
        require_pyarrow()  # before any file is written
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    write = _write_csv if fmt == "csv" else _write_parquet
    paths = []
    for name, df in fact_tables(kg, base_iri).items():
        path = folder / f"{name}{TABLE_FORMATS[fmt]}"
        write(df, path)
        paths.append(path)
    return paths
