"""Word lists for who a noun phrase stands for and what a claim says (event triggers, modality cues and
attribution cues are tables in ``kg/data``, read by :mod:`kg.extract.rules`)."""
from __future__ import annotations

from kg.tables import title_words

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

# --- who a noun phrase stands for (used by kg.extract.entities.MentionIndex) ---------------------
#: nouns that act for the entity modifying them ("Chinese officials", "sources close to the Russian government")
ACTOR_NOUNS = {
    "official", "officials", "government", "authorities", "forces", "military", "army", "troops", "leader",
    "leaders", "leadership", "side", "diplomat", "diplomats", "ministry", "companies", "firms", "customs",
    "sources", "source", "intelligence", "administration", "delegation", "negotiators", "media", "state",
    "president", "minister", "spokesperson", "spokesman", "regime", "navy", "embassy", "counterparts",
    "office", "counterpart", "members", "services", "agency", "agencies", "ministries", "departments",
    "manufacturers", "suppliers", "exporters", "producers", "banks", "rebels", "fighters", "militants",
    "insurgents", "militia", "envoys", "envoy", "team", "aides",
}
#: nouns whose "of X" may be a person ("the office of Benjamin Netanyahu")
PERSONAL_NOUNS = {"office", "team", "aides", "spokesperson", "spokesman", "government", "administration"}
#: pronouns that refer back to a person ("he said")
PERSON_PRONOUNS = {"he", "she", "him", "her"}
#: nouns that name one person by office ("the Russian president", "his Chinese counterpart")
OFFICE_NOUNS = title_words("office")
#: nouns that, with "two" or "both", refer back to a pair named before ("the two leaders", "both countries")
GROUP_NOUNS = {"leader", "head", "side", "country", "nation", "president", "partner", "neighbour", "neighbor",
               "government", "party", "state", "ally", "power"}
#: definite descriptions and the kind of entity they pick up ("the newspaper" -> the last news outlet)
DESCRIPTIONS = {"newspaper": "NewsMediaOrganization", "paper": "NewsMediaOrganization", "agency": "NewsMediaOrganization",
                "broadcaster": "NewsMediaOrganization", "outlet": "NewsMediaOrganization", "company": "Corporation",
                "firm": "Corporation", "group": "Corporation", "university": "EducationalOrganization",
                "school": "EducationalOrganization", "bloc": "GovernmentOrganization", "alliance": "GovernmentOrganization",
                "nation": "Country", "country": "Country"}
#: last words of a speaker phrase that mean a person ("a Russian source", "the official")
PERSON_NOUNS = title_words("speaker")
