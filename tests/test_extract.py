"""Extraction rules, one sentence each: sentence -> expected records."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from kg.extract.dates import resolve_date, resolve_period
from kg.extract import extract_article
from kg.extract.quantities import parse_quantity
from kg.model import Article


def events(x):
    """The facts: asserted events (negated, intended, future ... events are kept, but are not facts)."""
    return {(e.event_type, e.source.name, e.target.name if e.target else None) for e in x.events
            if e.modality == "asserted" and e.source is not None}


def told(x):
    return {(e.event_type, e.source.name if e.source else None, e.target.name if e.target else None, e.modality)
            for e in x.events}


def claims(x):
    return {(c.speaker.name, c.stance) for c in x.claims}


@pytest.mark.parametrize("text, expected", [
    ("Vladimir Putin met Xi Jinping in Beijing on Thursday.", ("meet", "Vladimir Putin", "Xi Jinping")),
    ("Putin and Xi Jinping met in Beijing.", ("meet", "Putin", "Xi Jinping")),
    ("Vladimir Putin thanked Xi Jinping for his peace efforts.", ("praise", "Vladimir Putin", "Xi Jinping")),
    ("Xi Jinping was thanked by Vladimir Putin for his efforts.", ("praise", "Vladimir Putin", "Xi Jinping")),
    ("The United States imposed sanctions on Iran.", ("embargo", "United States", "Iran")),
    ("Russia invaded Ukraine in February 2022.", ("attack", "Russia", "Ukraine")),
    ("Putin's visit to China lasted two days.", ("visit", "Putin", "China")),
    ("Beijing supplied Russia with machine tools.", ("aid", "China", "Russia")),
])
def test_events(extract, text, expected):
    assert expected in events(extract(text))


@pytest.mark.parametrize("text", [
    "China denied that it supplied weapons to Russia.",
    "China did not supply weapons to Russia.",
])
def test_denied_or_negated_events_are_not_facts(extract, text):
    x = extract(text)
    assert ("aid", "China", "Russia") not in events(x)
    assert ("aid", "China", "Russia", "negated") in told(x)


def test_event_place_and_relative_date(extract):
    x = extract("Vladimir Putin met Xi Jinping in Beijing on Thursday.", date=dt.date(2024, 5, 17))
    meeting = next(e for e in x.events if e.event_type == "meet")
    assert meeting.place.name == "Beijing"
    assert meeting.date == dt.date(2024, 5, 16)


@pytest.mark.parametrize("text, expected", [
    ("China denies supplying any weapons to Russia.", ("China", "Deny")),
    ("“We appreciate the initiative,” Putin said.", ("Putin", "Assert")),
    ("U.S. officials said China was helping Russia rebuild its army.", ("United States", "Assert")),
    ("According to Reuters, trade fell by 8% in the first half.", ("Reuters", "Assert")),
    ("Guo Jiakun said that “these reports are not consistent with reality”.", ("Guo Jiakun", "Deny")),
    ("The Kremlin said the talks were useful and constructive.", ("Russia", "Assert")),
])
def test_claims(extract, text, expected):
    assert expected in claims(extract(text))


def test_pronoun_speaker_is_the_last_person_named(extract):
    x = extract("Volodymyr Zelensky spoke in Kyiv. He said that Ukraine needs more air defence systems.")
    assert ("Volodymyr Zelensky", "Assert") in claims(x)


def test_claim_content_and_about(extract):
    x = extract("China denies supplying any weapons to Russia.")
    claim = x.claims[0]
    assert "weapons" in claim.text
    assert [m.name for m in claim.about] == ["Russia"]


@pytest.mark.parametrize("text, value, unit", [
    ("$240 billion", Decimal("240000000000"), "USD"),
    ("over $245 billion", Decimal("245000000000"), "USD"),
    ("8.1%", Decimal("8.1"), "percent"),
    ("more than 26 percent", Decimal("26"), "percent"),
    ("€1.5 trillion", Decimal("1500000000000"), "EUR"),
    ("half a million", Decimal("500000"), "count"),
    ("3,400", Decimal("3400"), "count"),
])
def test_parse_quantity(text, value, unit):
    assert parse_quantity(text) == (value, unit)


def test_quantity_description_about_and_period(extract):
    x = extract("Trade between China and Russia reached $240 billion last year.", date=dt.date(2024, 5, 17))
    q = next(q for q in x.quantities if q.unit == "USD")
    assert q.value == Decimal("240000000000")
    assert "Trade between China and Russia" in q.description
    assert {m.name for m in q.about} == {"China", "Russia"}
    assert q.period == "2023"


@pytest.mark.parametrize("text, anchor, expected", [
    ("on Thursday", dt.date(2024, 5, 17), dt.date(2024, 5, 16)),
    ("May 16, 2024", None, dt.date(2024, 5, 16)),
    ("August 28", dt.date(2025, 9, 1), dt.date(2025, 8, 28)),
    ("last year", dt.date(2024, 5, 17), None),
])
def test_resolve_date(text, anchor, expected):
    assert resolve_date(text, anchor) == expected


@pytest.mark.parametrize("text, anchor, expected", [
    ("last year", dt.date(2024, 5, 17), "2023"),
    ("in 2023", None, "2023"),
    ("from January to July this year", dt.date(2025, 8, 28), "2025-01/2025-07"),
    ("the first half of the year", dt.date(2025, 8, 28), ""),
    ("in the first half of 2025", None, "2025-01/2025-06"),
    ("last year", None, ""),
])
def test_resolve_period(text, anchor, expected):
    assert resolve_period(text, anchor) == expected


@pytest.mark.parametrize("text, name, kind, role, affiliation", [
    ("Russian President Vladimir Putin arrived.", "Vladimir Putin", "Person", "President", "Russia"),
    ("China's Foreign Minister Wang Yi spoke.", "Wang Yi", "Person", "Foreign Minister", "China"),
    ("Hoo Tiang Boon, a professor at Nanyang Technological University, said so.", "Hoo Tiang Boon", "Person", "professor", "Nanyang Technological University"),
    ("Officials in the U.S. reacted.", "United States", "Country", "", ""),
    ("Fighting continued near Kharkiv.", "Kharkiv", "City", "", ""),
])
def test_entity_mentions(extract, text, name, kind, role, affiliation):
    mention = next(m for m in extract(text).mentions if m.name == name)
    assert (mention.kind, mention.role, mention.affiliation) == (kind, role, affiliation)


@pytest.mark.parametrize("text, speaker, stance, statement", [
    ("China denies supplying any weapons to Russia.", "China", "Deny", ("aid", "China", "Russia")),
    ("The United States accused China of helping Russia rebuild its army.", "United States", "Assert", ("aid", "China", "Russia")),
    ("U.S. officials warned Beijing against aiding Russia.", "United States", "Assert", ("aid", "China", "Russia")),
])
def test_a_claim_carries_the_statement_it_makes_but_the_graph_does_not(extract, text, speaker, stance, statement):
    x = extract(text)
    claim = next(c for c in x.claims if c.speaker.name == speaker)
    assert claim.stance == stance
    stated = claim.statement
    assert (stated.event_type, stated.source.name, stated.target.name) == statement
    assert statement not in events(x)


@pytest.mark.parametrize("text, expected", [
    ("Vladimir Putin and Xi Jinping met in Beijing. Both criticized U.S. military alliances in Asia.",
     {("accuse", "Vladimir Putin", "United States"), ("accuse", "Xi Jinping", "United States")}),
    ("Russian President Vladimir Putin and Chinese leader Xi Jinping met in Beijing. Trade between the two countries grew.",
     {("trade", "China", "Russia")}),
    ("France, Serbia and Hungary hosted Xi Jinping. Trade between the two countries grew.", set()),
])
def test_group_references_point_back_to_the_pair_named_before(extract, text, expected):
    found = {e for e in events(extract(text)) if e[0] in ("accuse", "trade")}
    assert found == expected


@pytest.mark.parametrize("text, expected", [
    ("Moscow sent troops into Ukraine in 2022.", ("attack", "Russia", "Ukraine")),
    ("China sent drones to Russia.", ("aid", "China", "Russia")),
    ("The European Union banned Russian oil imports.", ("embargo", "European Union", "Russia")),
    ("Joe Biden discussed the issue with Xi Jinping.", ("meet", "Joe Biden", "Xi Jinping")),
])
def test_light_verbs_and_owners(extract, text, expected):
    assert expected in events(extract(text))



@pytest.mark.parametrize("text, expected", [
    ("Talks may cover Russian wheat exports, which Beijing has refused to allow into its market.", ("reject", "China", "Russia")),
    ("Putin thanked Xi for China's proposals to end the war. These proposals were rejected by Ukraine.", ("reject", "Ukraine", "China")),
    ("U.S. officials warned Beijing against aiding Russia.", ("demand", "United States", "China")),
])
def test_what_a_pronoun_or_demonstrative_refers_to_carries_its_owner(extract, text, expected):
    assert expected in events(extract(text))


def test_rejecting_the_accusation_targets_whoever_just_made_it(extract):
    x = extract("Congolese President Felix Tshisekedi has accused Rwanda of backing the rebels. Rwanda rejected the accusation.")
    assert ("reject", "Rwanda", "Felix Tshisekedi") in events(x)


@pytest.mark.parametrize("text, speaker, words", [
    ('Iran condemned the new U.S. sanctions as "economic terrorism."', "Iran", 'the new U.S. sanctions as "economic terrorism."'),
    ('Javier Milei has called Lula "corrupt" in the past.', "Javier Milei", 'Lula "corrupt"'),
    ('Donald Trump criticised Madrid as "terrible" and threatened to make Spain "pay twice as much".', "Donald Trump",
     'Madrid as "terrible"'),
])
def test_evaluations_say_what_they_label_and_quote_the_label(extract, text, speaker, words):
    claim = next(c for c in extract(text).claims if c.speaker.name == speaker)
    assert (claim.text, claim.quote_type, claim.stance) == (words, "direct", "Assert")


def test_an_issued_document_speaks_for_its_issuer(extract):
    x = extract("The International Criminal Court issued a warrant accusing Vladimir Putin of the unlawful deportation of children.")
    assert ("accuse", "International Criminal Court", "Vladimir Putin") in events(x)
    assert ("International Criminal Court", "Assert") in claims(x)


def test_the_two_countries_after_a_clause_with_two_countries(extract):
    x = extract("Moscow has increasingly relied on China. Trade between the two countries reached $240 billion.")
    assert ("trade", "China", "Russia") in events(x)


@pytest.mark.parametrize("text, speaker, expected", [
    # one quotation split by its reporting clause is one claim
    ('Putin met Xi.\n"The talks were useful," said Dmitry Peskov, the Kremlin spokesman. "Both sides want more trade."',
     "Dmitry Peskov", "The talks were useful, Both sides want more trade."),
    # a quotation running over several sentences
    ('Putin met Xi.\n"The talks were useful. Both sides want more trade," Dmitry Peskov said.',
     "Dmitry Peskov", "The talks were useful. Both sides want more trade,"),
    # newspaper double single quotes
    ("Putin met Xi.\n''The talks weren't easy,'' Dmitry Peskov said. ''But both sides want more trade.''",
     "Dmitry Peskov", "The talks weren't easy, But both sides want more trade."),
    # a cue ending its paragraph with a colon introduces the next paragraph's quotation
    ('Putin met Xi.\nDmitry Peskov said:\n"The talks were useful and both sides want more trade."',
     "Dmitry Peskov", "The talks were useful and both sides want more trade."),
])
def test_a_quotation_is_claimed_whole(extract, text, speaker, expected):
    claims = [c for c in extract(text).claims if c.speaker.name == speaker]
    assert [(c.text, c.quote_type) for c in claims] == [(expected, "direct")]


def test_a_second_quotation_with_its_own_cue_is_its_own_claim(extract):
    x = extract('Putin met Xi.\n"The talks were useful," Dmitry Peskov said. "We disagree with that," Mike Pence replied.')
    assert sorted((c.speaker.name, c.text) for c in x.claims) == [
        ("Dmitry Peskov", "The talks were useful,"), ("Mike Pence", "We disagree with that,")]


def test_a_quoted_fragment_inside_a_reported_clause_gives_the_clause(extract):
    x = extract('Donald Trump said that Clinton\'s "only experience in cybersecurity" was a failed attempt to hide emails.')
    claim = next(c for c in x.claims if c.speaker.name == "Donald Trump")
    assert (claim.text, claim.quote_type) == (
        'that Clinton\'s "only experience in cybersecurity" was a failed attempt to hide emails', "mixed")


@pytest.mark.parametrize("text, speaker, expected, quote_type", [
    # a reporting clause set into the sentence it reports gives the rest of the sentence
    ("Even if the venture proves short-lived, John Morgan said, the company has already cleaned the mines.",
     "John Morgan", "Even if the venture proves short-lived the company has already cleaned the mines", "indirect"),
    # ... and a quoted fragment inside that sentence gives the sentence, its closing comma outside the clause
    ("Details aside, the plan sends a clear message that a top priority ''is raising taxes at the top,'' John Kamin said.",
     "John Kamin", "Details aside, the plan sends a clear message that a top priority ''is raising taxes at the top", "mixed"),
])
def test_a_reporting_clause_reports_the_sentence_around_it(extract, text, speaker, expected, quote_type):
    claims = [c for c in extract(text).claims if c.speaker.name == speaker]
    assert [(c.text, c.quote_type) for c in claims] == [(expected, quote_type)]


def test_a_quoted_name_in_a_phrase_of_medium_is_not_what_was_said(extract):
    x = extract('Paul Ryan said on "Face the Nation" that Americans must listen more.')
    assert [c.text for c in x.claims] == ["that Americans must listen more"]


@pytest.mark.parametrize("text", ["The company declared bankruptcy in 2015.", "The plan would add $84 billion over ten years.",
                                  "Mike Pence wrote a book about his faith."])
def test_a_speech_verb_with_only_an_object_is_an_act_not_a_claim(extract, text):
    assert extract(text).claims == ()


def test_words_inside_a_quotation_are_the_speakers_not_claims_of_their_own(extract):
    x = extract('Putin met Xi.\n"Everybody knew that the talks would be hard," Dmitry Peskov said.')
    assert [(c.speaker.name, c.text) for c in x.claims] == [("Dmitry Peskov", "Everybody knew that the talks would be hard,")]


def test_a_belief_told_inside_a_statement_is_its_content(extract):
    x = extract("Stephen Lynch said he doubted that any court would enforce the resolution.")
    assert [(c.speaker.name, c.claim_type) for c in x.claims] == [("Stephen Lynch", "statement")]


@pytest.mark.parametrize("title, speaker, cue, words", [
    ("Trump Could Address Clean Energy, Lindsey Graham Says.", "Lindsey Graham", "say", "Clean Energy"),
    ("Sanders: Clinton Needs to Talk About Jobs.", "Bernie Sanders", "headline", "Talk About Jobs"),
    ("Poll: Wealthy Voters Abandon the Republicans.", "poll", "headline", "Wealthy Voters"),
])
def test_a_headline_gives_claims_of_speakers_the_text_names(nlp, title, speaker, cue, words):
    body = "Bernie Sanders and Lindsey Graham spoke on Monday. A new poll was published."
    x = extract_article(Article("a", body, title=title), nlp(body), nlp(title))
    found = [(c.speaker.name, c.cue, c.evidence.sentence) for c in x.claims if words in c.text]
    assert found == [(speaker, cue, title)]


def test_a_headline_speaker_the_text_never_names_gives_no_claim(nlp):
    body = "Voters went to the polls on Monday."
    title = "The Latest: Trump Urges Supporters to Monitor Polling Places"
    assert extract_article(Article("a", body, title=title), nlp(body), nlp(title)).claims == ()


def test_according_to_gives_the_sentence_without_its_source(extract):
    x = extract("The economy, according to the International Monetary Fund, will shrink by three percent this year.")
    assert [c.text for c in x.claims] == ["The economy will shrink by three percent this year"]


def test_a_cue_inside_a_quotation_is_not_its_reporting_verb(extract):
    x = extract('Putin met Xi.\nDmitry Peskov said:\n"Nobody can explain why the West keeps adding sanctions."')
    quoted = "Nobody can explain why the West keeps adding sanctions."
    assert [c.cue for c in x.claims if c.text == quoted] == ["say"]


def test_a_quotation_signed_with_a_dash_is_its_signers_claim(extract):
    x = extract('Voters speak.\n"Schools need more money and better teachers." ― Maria Lopez, a teacher in Phoenix')
    assert [(c.speaker.name, c.text) for c in x.claims] == [("Maria Lopez", "Schools need more money and better teachers.")]


def test_a_transcript_line_is_claimed_by_the_person_it_names(extract):
    x = extract("Chris Wallace interviewed Mike Pence.\nPENCE: Well, the debate will be about jobs. It is serious business.")
    assert [(c.speaker.name, c.text) for c in x.claims] == [
        ("Mike Pence", "Well, the debate will be about jobs. It is serious business.")]


def test_a_capitalised_label_naming_nobody_is_no_speaker(extract):
    assert extract("Putin met Xi.\nUPDATE: The talks ended on Friday without a statement.").claims == ()


@pytest.mark.parametrize("text, speaker, kind, affiliation", [
    ("A spokesman for the Labour Party said the party would win the seat easily.",
     "spokesman for the Labour Party", "Source", "Labour Party"),
    ("A senior Russian source said that the talks had failed completely.", "senior Russian source", "Source", "Russia"),
    ("Sources close to the Kremlin said the visit would go ahead as planned.", "sources close to the Kremlin", "Source",
     "Russia"),
])
def test_a_described_source_keeps_its_phrase_and_who_it_speaks_for(extract, text, speaker, kind, affiliation):
    [claim] = extract(text).claims
    assert (claim.speaker.name, claim.speaker.kind, claim.speaker.affiliation) == (speaker, kind, affiliation)


def test_a_description_in_apposition_to_a_name_is_that_person(extract):
    x = extract("Clinton's communications director, Jennifer Palmieri, said the campaign was confident about the result.")
    assert [c.speaker.name for c in x.claims] == ["Jennifer Palmieri"]
