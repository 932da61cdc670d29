"""Word lists that map English verbs and nouns to event types and speech acts.

Kept apart from the rules so a new trigger is a one-line change.
"""
from __future__ import annotations

#: verb lemma -> event type key (see ``kg.vocab.EVENT_TYPES``)
EVENT_VERBS = {
    **dict.fromkeys(["meet", "host", "receive", "talk", "confer", "negotiate", "consult"], "meet"),
    **dict.fromkeys(["visit", "travel", "tour", "arrive", "fly"], "visit"),
    **dict.fromkeys(["sign", "agree", "cooperate", "partner", "ally", "reaffirm", "deepen", "strengthen", "back",
                     "endorse", "uphold", "mediate", "formalize", "formalise"], "cooperate"),
    **dict.fromkeys(["thank", "praise", "appreciate", "congratulate", "hail", "commend", "welcome"], "praise"),
    **dict.fromkeys(["trade", "export", "import", "buy", "sell", "purchase"], "trade"),
    **dict.fromkeys(["provide", "supply", "help", "assist", "aid", "send", "deliver", "arm", "fund", "finance",
                     "support", "equip", "share"], "aid"),
    **dict.fromkeys(["urge", "demand", "pressure", "press", "ask", "call"], "demand"),
    **dict.fromkeys(["accuse", "criticize", "criticise", "condemn", "blame", "denounce", "slam", "warn"], "accuse"),
    **dict.fromkeys(["reject", "refuse", "rebuff", "veto", "dismiss"], "reject"),
    **dict.fromkeys(["threaten"], "threaten"),
    **dict.fromkeys(["sanction", "embargo", "blacklist"], "sanction"),
    **dict.fromkeys(["attack", "invade", "strike", "bomb", "shell", "fight", "launch", "occupy", "shoot"], "attack"),
}
#: verbs that only count with a particular object ("launch an attack", "impose sanctions")
VERB_OBJECTS = {
    "launch": {"attack", "airstrike", "strike", "offensive", "invasion", "missile", "assault", "war"},
    "impose": {"sanction", "sanctions", "embargo", "tariff", "tariffs"},
    "hold": {"talk", "talks", "meeting", "summit", "discussion", "negotiation"},
    "call": {"ceasefire"},
}
LIGHT_VERB_TYPES = {"launch": "attack", "impose": "sanction", "hold": "meet", "call": "demand"}
#: noun lemma -> event type, for nominal events ("Putin's visit to China")
EVENT_NOUNS = {
    "visit": "visit", "trip": "visit", "invasion": "attack", "attack": "attack", "offensive": "attack",
    "airstrike": "attack", "talk": "meet", "meeting": "meet", "summit": "meet", "sanction": "sanction",
    "aid": "aid", "support": "aid", "supply": "aid", "trade": "trade", "accusation": "accuse",
}
#: event types where the order of the two actors carries no meaning
SYMMETRIC = {"meet", "trade", "cooperate"}
#: reporting verbs that introduce a claim; value is the stance they carry
SPEECH_VERBS = {
    **dict.fromkeys(["say", "state", "tell", "add", "note", "stress", "declare", "remark", "explain", "claim",
                     "announce", "insist", "argue", "report", "disclose", "acknowledge", "admit", "confirm",
                     "assert", "emphasize", "emphasise", "reiterate", "complain", "write", "suggest", "indicate",
                     "warn", "accuse", "allege", "point", "believe", "vow", "pledge", "describe", "mention",
                     "predict", "estimate", "conclude", "reveal", "highlight", "caution"], "Assert"),
    **dict.fromkeys(["deny", "reject", "dismiss", "refute", "rebuff", "disavow", "contest", "dispute"], "Deny"),
}
#: phrases in a claim's content that make it a denial of the positive statement
DENIAL_PHRASES = ("not consistent with reality", "groundless", "baseless", "untrue", "not true", "false",
                  "fabricat", "no basis", "nothing to do with", "smear", "disinformation")
