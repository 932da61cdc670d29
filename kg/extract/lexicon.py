"""Word lists for who a noun phrase stands for and what a claim says (event triggers, modality cues and
attribution cues are tables in ``kg/data``, read by :mod:`kg.extract.rules`; so are the words of reference).
"""
from __future__ import annotations

from kg.tables import read_table, title_words

#: verbs whose negation by the actor itself is a denial ("China does not supply weapons")
ACCUSABLE_VERBS = {"provide", "supply", "send", "sell", "give", "deliver", "arm", "help", "support", "aid", "assist",
                   "fund", "finance", "transfer", "export", "participate", "involve", "plan", "intend", "weigh",
                   "interfere", "attack", "target", "spy", "violate", "breach", "use", "possess", "develop", "be",
                   "fight", "deploy", "operate", "station", "kill"}
#: subjects that stand for whoever made them ("a report by U.S. intelligence", "data from Chinese customs")
REPORT_NOUNS = {"report", "data", "datum", "figure", "figures", "statistics", "survey", "study", "analysis", "estimate",
                "record", "records", "document", "assessment", "statement", "readout", "source", "sources"}
#: speakers a text keeps anonymous: a source of a nationality is no country speaking ("a Russian source said")
ANONYMOUS_NOUNS = {"source", "insider"}

# --- who a noun phrase stands for (kg.extract.reference), from kg/data/actors/reference.tsv and titles.tsv ----
_REFERENCE = {row["list"]: frozenset(row["words"].split()) for row in read_table("actors", "reference.tsv")}
#: pronouns that refer back to a person ("he said")
PERSON_PRONOUNS = _REFERENCE["person pronouns"]
#: pronouns that refer back to the last speaker ("they said")
PLURAL_PRONOUNS = _REFERENCE["plural pronouns"]
#: pronouns that, as a subject, refer back to what the text is about ("it buys its oil")
SUBJECT_PRONOUNS = _REFERENCE["subject pronouns"]
#: determiners of a definite description ("the court")
DEFINITE_ARTICLES = _REFERENCE["definite articles"]
#: determiners that point back to a thing named before ("these proposals")
DEMONSTRATIVES = _REFERENCE["demonstratives"]
#: nouns that act for the entity modifying them ("Chinese officials", "sources close to the Russian government")
ACTOR_NOUNS = _REFERENCE["actor nouns"]
#: nouns whose "of X" may be a person ("the office of Benjamin Netanyahu")
PERSONAL_NOUNS = _REFERENCE["personal nouns"]
#: nouns that name one person by office ("the Russian president", "his Chinese counterpart")
OFFICE_NOUNS = title_words("office")
#: nouns for a person the text does not name ("his counterpart"): no actor
UNNAMED_NOUNS = _REFERENCE["unnamed nouns"]
#: last words of a speaker phrase that mean a person ("a Russian source", "the official")
PERSON_NOUNS = title_words("speaker")
#: nouns that, with a pair word, refer back to a pair named before ("the two leaders", "both countries")
PAIR_NOUNS = _REFERENCE["pair nouns"]
#: words that make a pair noun refer to a pair ("two", "both"); a pair pronoun does so alone ("Both said")
PAIR_WORDS, PAIR_PRONOUNS = _REFERENCE["pair words"], _REFERENCE["pair pronouns"]
#: pair nouns that ask for people ("the two leaders") or for countries ("the two countries")
PAIRS_OF_PEOPLE, PAIRS_OF_COUNTRIES = _REFERENCE["pairs of people"], _REFERENCE["pairs of countries"]
#: definite descriptions and the kind of entity they pick up ("the newspaper" -> the last news outlet)
DESCRIPTIONS = {word: name.split()[1] for name, words in _REFERENCE.items() if name.startswith("description ")
                for word in words}
