"""In-document reference: the pipeline records mentions and speakers on the Doc; extraction only reads them."""
from __future__ import annotations

import subprocess
import sys

import pytest
from spacy.tokens import Doc

from kg.config import ExtractionSettings
from kg.extract import extract_article
from kg.extract.claims import paragraph_quotes, sentence_claims
from kg.extract.events import evidence_for
from kg.extract.reference import ACTOR_RULES, References
from kg.model import Article
from kg.nlp import build_nlp

#: a claim whose speaker the next sentence refers back to ("He added")
SPOKEN = "A Russian source said the talks had failed. He added that Moscow would wait. Putin arrived on Monday."


def _marked(nlp, example: str):
    """The Doc of an example and the token its [brackets] mark."""
    start = example.index("[")
    end = example.index("]") - 1
    doc = nlp(example.replace("[", "").replace("]", ""))
    return doc, doc.char_span(start, end).root


@pytest.mark.parametrize("rule", ACTOR_RULES, ids=[r.name for r in ACTOR_RULES])
def test_actor_rule_example(nlp, rule):
    doc, token = _marked(nlp, rule.example)
    decided, found = References.of(doc, "x").at(token.sent).decide(token)
    assert decided is rule, decided.name if decided else None
    assert (found.name if found is not None else "_") == rule.expect


def test_reference_runs_in_the_pipeline_in_order(nlp):
    names = nlp.pipe_names
    assert names.index("kg_fix_entities") < names.index("kg_mentions") < names.index("kg_speakers")
    doc = nlp(SPOKEN)
    turns = doc._.kg_speakers["turns"]
    sentences = list(doc.sents)
    # both claims are the source's: the second sentence's "He" was resolved from the first's speaker
    assert [(t[0], t[3]) for t in turns] == [(sentences[0].start, "Russian source"), (sentences[1].start, "Russian source")]


def _claims(doc: Doc, order) -> dict[int, list]:
    refs = References.of(doc, "x")
    quotes = paragraph_quotes(refs.text)
    return {s.start: sentence_claims(s, refs.at(s), evidence_for(s, "x", lambda i: i), quotes) for s in order}


def test_sentences_extract_alike_in_any_order(nlp):
    doc = nlp(SPOKEN)
    forward = _claims(doc, list(doc.sents))
    backward = _claims(doc, list(doc.sents)[::-1])
    assert forward == backward
    assert [c.speaker.name for s in sorted(forward) for c in forward[s]] == ["Russian source", "Russian source"]


def test_annotations_survive_serialisation(nlp):
    """spaCy sends Docs from worker processes as bytes (n_process > 1): the reference annotations go with them."""
    doc = nlp(SPOKEN)
    copy = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    article = Article("x", SPOKEN)
    assert extract_article(article, copy) == extract_article(article, doc)


def test_speaker_reach_is_factory_config(nlp):
    near = build_nlp.__wrapped__(extraction=ExtractionSettings(speaker_reach_chars=0))
    assert near.get_pipe_config("kg_speakers")["reach"] == 0
    default = extract_article(Article("x", SPOKEN), nlp(SPOKEN))
    limited = extract_article(Article("x", SPOKEN), near(SPOKEN))
    assert len(default.claims) == 2
    assert len(limited.claims) == 1  # "He added" no longer reaches back to the source


def test_doc_from_another_pipeline_is_refused(nlp):
    doc = nlp.make_doc("Putin spoke.")
    with pytest.raises(ValueError, match="parse it with kg.nlp.build_nlp"):
        References.of(doc, "x")


_SPAWNED = """
import multiprocessing, sys
multiprocessing.set_start_method("spawn")  # workers import kg afresh: the extensions must register on import
from kg.extract import extract_article
from kg.model import Article
from kg.nlp import build_nlp
texts = sys.argv[1:]
nlp = build_nlp()
one = [extract_article(Article(str(i), t), d) for i, (t, d) in enumerate(zip(texts, nlp.pipe(texts)))]
two = [extract_article(Article(str(i), t), d) for i, (t, d) in enumerate(zip(texts, nlp.pipe(texts, n_process=2, batch_size=1)))]
print(one == two, sum(len(x.claims) for x in two))
"""


@pytest.mark.slow
def test_worker_processes_record_the_same_references():
    """spaCy's worker processes (n_process > 1, here started by spawn) run the reference components and send
    their annotations back with the Docs."""
    texts = [SPOKEN, "U.S. officials told Reuters the talks failed. The officials said the deal was off."]
    done = subprocess.run([sys.executable, "-c", _SPAWNED, *texts], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["True", "4"]
