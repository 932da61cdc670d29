"""The tables of ``kg/data``: tab-separated rows under a commented header, read the same way everywhere.

Rules are data: word lists and patterns live in these tables (with example
rows that ``tests/test_rule_tables.py`` turns into tests), and code reads
them through this module.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Literal

__all__ = ["read_table", "TitleUse", "title_words"]

#: the columns of kg/data/actors/titles.tsv: where a job-title word counts (see the table's header)
TitleUse = Literal["prefix", "person", "job_head", "office", "speaker"]


def read_table(*path: str) -> list[dict[str, str]]:
    """Rows of a tab-separated table in ``kg/data``; the last ``# name<TAB>name`` comment line is the header."""
    text = resources.files("kg").joinpath("data", *path).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip()]
    header = [line for line in lines if line.startswith("# ") and "\t" in line][-1][2:].split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines if not line.startswith("#")]


@lru_cache(maxsize=None)
def title_words(use: TitleUse) -> frozenset[str]:
    """The words of kg/data/actors/titles.tsv marked for ``use``.

    >>> "minister" in title_words("prefix") and "source" in title_words("speaker")
    True
    """
    return frozenset(r["word"] for r in read_table("actors", "titles.tsv") if r[use] == "yes")
