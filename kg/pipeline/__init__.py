"""Wires the stages: ingest -> nlp -> extract -> resolve -> graph -> export / viewer.

The only package that knows every stage.

* :mod:`kg.pipeline.stages`: each stage as a function of the records of the one before;
* :mod:`kg.pipeline.runners`: where parsing and extraction run (this process, a pool of
  worker processes; :mod:`kg.pipeline.dask`: a Dask cluster), behind one interface;
* :mod:`kg.pipeline.builder`: a whole build, written into its export folder all or nothing;
* :mod:`kg.pipeline.report`: what a build did.
"""
from kg.pipeline.builder import build, extract_corpus
from kg.pipeline.report import BuildReport
from kg.pipeline.stages import STAGES, export

__all__ = ["BuildReport", "extract_corpus", "build", "export", "STAGES"]
