"""Word lists that map English verbs and nouns to event types and speech acts.

Kept apart from the rules so a new trigger is a one-line change.
"""
from __future__ import annotations

#: verb lemma -> event type key (see ``kg.vocab.EVENT_TYPES``)
EVENT_VERBS = {
    **dict.fromkeys(["meet", "host", "receive", "welcome", "talk", "confer", "negotiate", "consult", "speak", "discuss"], "meet"),
    **dict.fromkeys(["visit", "travel", "tour", "arrive", "fly"], "visit"),
    **dict.fromkeys(["sign", "agree", "cooperate", "partner", "ally", "reaffirm", "deepen", "strengthen", "back",
                     "endorse", "uphold", "mediate", "formalize", "formalise"], "cooperate"),
    **dict.fromkeys(["thank", "praise", "appreciate", "congratulate", "hail", "commend"], "praise"),
    **dict.fromkeys(["trade", "export", "import", "buy", "sell", "purchase"], "trade"),
    **dict.fromkeys(["provide", "supply", "help", "assist", "aid", "send", "deliver", "arm", "fund", "finance",
                     "support", "equip", "share"], "aid"),
    **dict.fromkeys(["urge", "demand", "pressure", "press", "ask", "call", "push"], "demand"),
    **dict.fromkeys(["accuse", "criticize", "criticise", "condemn", "blame", "denounce", "slam", "warn"], "accuse"),
    **dict.fromkeys(["reject", "refuse", "rebuff", "veto", "dismiss"], "reject"),
    **dict.fromkeys(["threaten"], "threaten"),
    **dict.fromkeys(["sanction", "embargo", "blacklist", "ban"], "sanction"),
    **dict.fromkeys(["attack", "invade", "strike", "bomb", "shell", "fight", "launch", "occupy", "shoot", "seize",
                     "capture", "storm", "overrun", "raid", "besiege", "annex", "kill", "hit"], "attack"),
}
#: light verbs: the event type comes from the object ("launch an attack", "express gratitude to")
VERB_OBJECTS = {
    "launch": dict.fromkeys(["attack", "airstrike", "strike", "offensive", "invasion", "missile", "assault", "war"], "attack"),
    "impose": dict.fromkeys(["sanction", "sanctions", "embargo", "tariff", "tariffs", "restriction", "restrictions"], "sanction"),
    "hold": dict.fromkeys(["talk", "talks", "meeting", "summit", "discussion", "negotiation", "call"], "meet"),
    "express": {**dict.fromkeys(["gratitude", "thanks", "appreciation", "admiration"], "praise"),
                **dict.fromkeys(["support", "solidarity"], "cooperate"),
                **dict.fromkeys(["concern", "criticism", "condemnation", "outrage", "anger"], "accuse")},
    "voice": {**dict.fromkeys(["support", "solidarity"], "cooperate"),
              **dict.fromkeys(["concern", "criticism", "condemnation", "outrage", "anger"], "accuse")},
    "pay": {"visit": "visit", "tribute": "praise"},
    "make": {"visit": "visit", "trip": "visit"},
    "sign": dict.fromkeys(["agreement", "deal", "statement", "treaty", "pact", "accord", "memorandum"], "cooperate"),
    "call": {"ceasefire": "demand", "on": "demand"},
    "warn": {"against": "demand"},  # "warned Beijing against aiding Russia"; a plain warning is an accusation
    "put": dict.fromkeys(["blacklist", "sanction", "sanctions", "list", "embargo"], "sanction"),
    "conclude": dict.fromkeys(["agreement", "deal", "treaty", "pact", "accord"], "cooperate"),
    # "announced the formation of a partnership", "confirmed their partnership", "forged an alliance"
    **{verb: dict.fromkeys(["partnership", "formation", "alliance", "friendship", "ties", "relations", "agreement",
                            "deal", "cooperation", "commitment"], "cooperate")
       for verb in ("announce", "confirm", "celebrate", "form", "forge", "establish", "seal", "renew")},
    "send": dict.fromkeys(["troops", "forces", "soldiers", "army"], "attack"),  # weapons sent are aid
    "deploy": dict.fromkeys(["troops", "forces", "soldiers"], "attack"),
}
#: noun lemma -> event type, for nominal events ("Putin's visit to China")
EVENT_NOUNS = {
    "visit": "visit", "trip": "visit", "invasion": "attack", "attack": "attack", "offensive": "attack",
    "airstrike": "attack", "talk": "meet", "meeting": "meet", "summit": "meet", "sanction": "sanction",
    "aid": "aid", "support": "aid", "supply": "aid", "trade": "trade", "accusation": "accuse", "tour": "visit",
    "turnover": "trade", "export": "trade", "import": "trade", "purchase": "trade", "condemnation": "accuse",
    "criticism": "accuse", "strike": "attack", "bombing": "attack",
}
#: event types where the order of the two actors carries no meaning
SYMMETRIC = {"meet", "trade", "cooperate"}
#: reporting verbs that introduce a claim; value is the stance they carry
SPEECH_VERBS = {
    **dict.fromkeys(["say", "state", "tell", "add", "note", "stress", "declare", "remark", "explain", "claim",
                     "announce", "insist", "argue", "report", "disclose", "acknowledge", "admit", "confirm",
                     "assert", "emphasize", "emphasise", "reiterate", "complain", "write", "suggest", "indicate",
                     "warn", "accuse", "allege", "point", "believe", "vow", "pledge", "describe", "mention",
                     "predict", "estimate", "reveal", "highlight", "caution", "criticize", "criticise", "condemn",
                     "slam", "blame", "praise", "call", "label", "brand", "defend", "show"], "Assert"),
    **dict.fromkeys(["deny", "reject", "dismiss", "refute", "rebuff", "disavow", "contest", "dispute"], "Deny"),
}
#: phrases in a claim's content that make it a denial of the positive statement
DENIAL_PHRASES = ("not consistent with reality", "groundless", "baseless", "untrue", "not true", "false",
                  "fabricat", "no basis", "nothing to do with", "disinformation", "inaccurate", "incorrect",
                  "misleading", "null and void", "unfounded")
#: verbs whose negation by the actor itself is a denial ("China does not supply weapons")
ACCUSABLE_VERBS = {"provide", "supply", "send", "sell", "give", "deliver", "arm", "help", "support", "aid", "assist",
                   "fund", "finance", "transfer", "export", "participate", "involve", "plan", "intend", "weigh",
                   "interfere", "attack", "target", "spy", "violate", "breach", "use", "possess", "develop", "be",
                   "fight", "deploy", "operate", "station", "kill"}
#: nouns that name a statement ("rejected the claims", "Moscow's assertions that ...")
CLAIM_NOUNS = {"claim", "assertion", "allegation", "accusation", "report", "statement", "suggestion", "charge",
               "notion", "idea", "criticism", "argument", "narrative", "view", "position", "speculation", "rumor",
               "rumour", "insinuation", "remark", "comment"}
#: subjects that stand for whoever made them ("a report by U.S. intelligence", "data from Chinese customs")
REPORT_NOUNS = {"report", "data", "datum", "figure", "figures", "statistics", "survey", "study", "analysis", "estimate",
                "record", "records", "document", "assessment", "statement", "readout", "source", "sources"}
#: verbs whose passive subject is a visitor ("Putin was welcomed at the Kremlin")
HOSTING_VERBS = {"welcome", "receive", "host", "greet"}
#: verbs that are claims only when they carry a quotation or a clause ("criticised Madrid as 'terrible'")
EVALUATIVE_CUES = {"criticize", "criticise", "condemn", "slam", "blame", "praise", "call", "label", "brand", "describe"}
#: verbs whose complement is wanted, not done ("pressured China to ask Russia", "refused to allow")
INTENT_VERBS = {"ask", "urge", "pressure", "press", "call", "push", "want", "hope", "refuse", "demand",
                "encourage", "intend", "wish", "aim", "offer", "propose", "threaten", "vow", "pledge", "promise"}
#: nouns that name a denial ("Beijing's denials of providing military aid")
DENIAL_NOUNS = {"denial", "rejection", "refutation", "dismissal"}

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
OFFICE_NOUNS = {"president", "leader", "minister", "counterpart", "premier", "chancellor", "spokesperson",
                "spokesman", "spokeswoman", "king", "envoy", "ambassador", "head", "prime"}
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
PERSON_NOUNS = {"source", "official", "spokesperson", "spokesman", "spokeswoman", "diplomat", "minister",
                "president", "leader", "envoy", "ambassador", "adviser", "advisor", "analyst", "expert"}
