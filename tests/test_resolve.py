"""Resolution: one entity per real-world name, merged facts, stable keys. No spaCy needed."""
from __future__ import annotations

from kg.model import ArticleExtraction, Article, ClaimMention, EventMention, Evidence, Mention
from kg.resolve import resolve


def mention(name, kind="Person", article="a1", text=None):
    return Mention(text or name, name, kind, article, 0, len(name))


def extraction(article_id, mentions=(), events=(), claims=(), duplicate_of=None):
    return ArticleExtraction(Article(article_id, "text", duplicate_of=duplicate_of), tuple(mentions), tuple(events), tuple(claims))


def labels(kg):
    return {e.label: e for e in kg.entities}


def test_surname_resolves_to_the_full_name():
    kg = resolve([extraction("a1", [mention("Vladimir Putin"), mention("Putin")]), extraction("a2", [mention("Putin", article="a2")])])
    people = labels(kg)
    assert set(people) == {"Vladimir Putin"}
    assert people["Vladimir Putin"].mention_count == 3
    assert "Putin" in people["Vladimir Putin"].aliases


def test_chinese_family_name_first():
    kg = resolve([extraction("a1", [mention("Xi Jinping"), mention("Xi")])])
    assert set(labels(kg)) == {"Xi Jinping"}


def test_spelling_variants_merge():
    kg = resolve([extraction("a1", [mention("Volodymyr Zelensky"), mention("Zelensky"), mention("Volodymyr Zelenskyy"), mention("Zelensky")])])
    assert list(labels(kg)) == ["Volodymyr Zelensky"]
    assert "Volodymyr Zelenskyy" in labels(kg)["Volodymyr Zelensky"].aliases


def test_country_aliases_use_the_gazetteer():
    kg = resolve([extraction("a1", [mention("U.S.", "Country"), mention("United States", "Country", text="the United States"), mention("US", "Country")])])
    us = labels(kg)["United States"]
    assert {"U.S.", "US", "the United States"} <= set(us.aliases)
    assert us.key == "country/united-states"


def test_ambiguous_surname_is_not_merged():
    kg = resolve([extraction("a1", [mention("Joe Biden"), mention("Hunter Biden"), mention("Biden")])])
    assert {"Joe Biden", "Hunter Biden", "Biden"} == set(labels(kg))


def test_same_event_from_two_articles_is_one_node_with_both_sources():
    def meet(article):
        ev = Evidence(article, "Putin met Xi.", 0, 13)
        return EventMention("meet", "meet", mention("Xi Jinping", article=article), mention("Vladimir Putin", article=article), ev)
    kg = resolve([extraction("a1", events=[meet("a1")]), extraction("a2", events=[meet("a2")])])
    assert len(kg.events) == 1
    assert kg.events[0].articles == ("a1", "a2")
    assert kg.events[0].label == "Vladimir Putin meets Xi Jinping"


def test_accusation_and_denial_contradict():
    china, us, russia = mention("China", "Country"), mention("United States", "Country"), mention("Russia", "Country")
    accuse = ClaimMention(us, "Assert", "China supplies weapons to Russia", "indirect", "accuse", (china, russia),
                          Evidence("a1", "s", 0, 1), ("supply", "weapon"))
    deny = ClaimMention(china, "Deny", "supplying any weapons to Russia", "indirect", "deny", (russia,),
                        Evidence("a2", "s", 0, 1), ("supply", "weapon"))
    kg = resolve([extraction("a1", claims=[accuse]), extraction("a2", claims=[deny])])
    by_stance = {c.stance: c for c in kg.claims}
    assert by_stance["Deny"].contradicts == (by_stance["Assert"].key,)
    assert by_stance["Assert"].contradicts == (by_stance["Deny"].key,)


def test_order_of_articles_does_not_change_the_graph():
    xs = [extraction("a1", [mention("Vladimir Putin"), mention("Putin")]), extraction("a2", [mention("Putin", article="a2"), mention("Xi", article="a2"), mention("Xi Jinping", article="a2")])]
    assert resolve(xs) == resolve(list(reversed(xs)))


def test_a_claim_links_the_figures_it_states():
    from decimal import Decimal

    from kg.model import QuantityMention

    ev = Evidence("a1", "Officials said trade fell 8% this year.", 0, 40)
    officials = mention("United States", "Country")
    claim = ClaimMention(officials, "Assert", "trade fell 8% this year", "indirect", "say", (), ev, ("fall", "trade"))
    figure = QuantityMention(Decimal(8), "percent", "8%", "trade", (), ev)
    x = ArticleExtraction(Article("a1", "text"), (), (), (claim,), (figure,))
    kg = resolve([x])
    assert kg.claims[0].quantities == (kg.quantities[0].key,)


def test_an_undated_report_joins_only_the_date_its_own_article_gives():
    import datetime as dt

    def meet(article, date=None):
        ev = Evidence(article, f"Putin met Xi ({article}).", 0, 20)
        return EventMention("meet", "meet", mention("Vladimir Putin", article=article), mention("Xi Jinping", article=article), ev, date=date)
    kg = resolve([
        extraction("a1", events=[meet("a1", dt.date(2025, 5, 8)), meet("a1")]),
        extraction("a2", events=[meet("a2")]),
    ])
    assert sorted((str(e.date), e.articles) for e in kg.events) == [("2025-05-08", ("a1",)), ("None", ("a2",))]


def test_a_figure_without_its_period_joins_the_one_dated_report_of_it():
    from decimal import Decimal

    from kg.model import QuantityMention

    china, russia = mention("China", "Country"), mention("Russia", "Country")

    def figure(article, period):
        ev = Evidence(article, "Trade reached $240 billion.", 0, 30)
        return QuantityMention(Decimal(240_000_000_000), "USD", "$240 billion", "trade", (china, russia), ev, period)
    kg = resolve([
        ArticleExtraction(Article("a1", "t"), quantities=(figure("a1", "2023"),)),
        ArticleExtraction(Article("a2", "t"), quantities=(figure("a2", ""),)),
    ])
    assert [(q.period, q.articles) for q in kg.quantities] == [("2023", ("a1", "a2"))]


def test_figures_of_one_value_about_different_things_keep_their_own_iris():
    from decimal import Decimal

    from kg.model import QuantityMention

    def figure(text, description, start):
        ev = Evidence("a1", f"Police sent {text}.", start, start + 20)
        return QuantityMention(Decimal(10), "count", text, description, (), ev)
    kg = resolve([ArticleExtraction(Article("a1", "t"), quantities=(figure("10 officers", "officers", 0),
                                                                    figure("10 houses", "houses", 40)))])
    assert len({q.key for q in kg.quantities}) == 2


def test_a_surname_is_the_full_name_its_own_article_gives():
    kg = resolve([
        extraction("a1", [mention("Tony Blair"), mention("Blair")]),
        extraction("a2", [mention("Cherie Blair", article="a2"), mention("Blair", article="a2")]),
        extraction("a3", [mention("Ian Blair", article="a3")]),
    ])
    people = labels(kg)
    assert set(people) == {"Tony Blair", "Cherie Blair", "Ian Blair"}
    assert people["Tony Blair"].mention_count == people["Cherie Blair"].mention_count == 2


def test_a_surname_alone_goes_to_the_corpus_most_used_full_name():
    kg = resolve([
        extraction("a1", [mention("Tony Blair"), mention("Blair")]),
        extraction("a2", [mention("Tony Blair", article="a2")]),
        extraction("a3", [mention("Ian Blair", article="a3")]),
        extraction("a4", [mention("Blair", article="a4")]),
    ])
    assert labels(kg)["Tony Blair"].mention_count == 4


def test_honorifics_of_another_gender_never_merge():
    kg = resolve([
        extraction("a1", [mention("Tony Blair"), mention("Blair", text="Mr Blair"), mention("Blair", text="Mr Blair"),
                          mention("Blair", text="Mrs Blair")]),
        extraction("a2", [mention("Blair", article="a2", text="Mrs Blair")]),
    ])
    people = labels(kg)
    assert people["Tony Blair"].mention_count == 3
    assert people["Mrs Blair"].mention_count == 2


def test_type_comes_from_the_article_not_a_corpus_vote():
    kg = resolve([
        extraction("a1", [mention("West Indies", "Organization"), mention("West Indies", "Organization")]),
        extraction("a2", [mention("West Indies", "Place", article="a2")]),
        extraction("a3", [mention("West Indies", "Place", article="a3")]),
        extraction("a4", [mention("West Indies", "Place", article="a4")]),
    ])
    assert {e.key for e in kg.entities} == {"organization/west-indies", "place/west-indies"}


def test_a_single_stray_label_yields_to_a_clear_corpus_type():
    kg = resolve([extraction(f"a{i}", [mention("Von der Leyen", article=f"a{i}")]) for i in range(4)]
                 + [extraction("a9", [mention("Von der Leyen", "Organization", article="a9")])])
    assert {e.key for e in kg.entities} == {"person/von-der-leyen"}


def test_every_merge_is_recorded_with_its_reason():
    kg = resolve([extraction("a1", [mention("Vladimir Putin"), mention("Putin"), mention("U.S.", "Country"),
                                    mention("Volodymyr Zelensky"), mention("Volodymyr Zelenskyy"), mention("Volodymyr Zelenskyy")])])
    reasons = {(name, label): why for _, name, label, why in kg.merges}
    assert "short form" in reasons[("Putin", "Vladimir Putin")]
    assert "gazetteer" in reasons[("U.S.", "United States")]
    assert "spelling" in reasons[("Volodymyr Zelensky", "Volodymyr Zelenskyy")]
    assert all(key in {e.key for e in kg.entities} for key, *_ in kg.merges)


def test_honorifics_are_not_job_titles():
    kg = resolve([extraction("a1", [Mention("Mr Hague", "Hague", "Person", "a1", 0, 8, "Mr"),
                                    Mention("William Hague", "William Hague", "Person", "a1", 10, 23, "Foreign Secretary")])])
    assert labels(kg)["William Hague"].job_titles == ("Foreign Secretary",)


def test_a_name_after_a_title_is_a_surname_not_a_given_name():
    kg = resolve([extraction("a1", [mention("Charles Kennedy"), mention("Charles", text="Prince Charles"), mention("Kennedy", text="Mr Kennedy")])])
    assert labels(kg)["Charles Kennedy"].mention_count == 2
    assert "Prince Charles" not in labels(kg)["Charles Kennedy"].aliases


def test_a_bare_given_name_beside_the_same_name_with_a_title_stays_apart_from_the_full_name():
    kg = resolve([extraction("a1", [mention("Charles Kennedy"), mention("Charles", text="Prince Charles"), mention("Charles")])])
    assert labels(kg)["Charles Kennedy"].mention_count == 1
    assert labels(kg)["Charles"].mention_count == 2


def test_groups_are_not_merged_by_spelling():
    kg = resolve([extraction("a1", [mention("police (United Kingdom)", "Group"), mention("people (United Kingdom)", "Group")])])
    assert len([e for e in kg.entities if e.kind == "Group"]) == 2


def test_outside_its_article_a_mrs_needs_a_full_name_known_to_be_a_womans():
    kg = resolve([
        extraction("a1", [mention("Michael Howard"), mention("Howard", text="Mr Howard")]),
        extraction("a2", [mention("John Howard", article="a2")]),
        extraction("a3", [mention("Howard", article="a3", text="Mrs Howard")]),
    ])
    assert labels(kg)["John Howard"].mention_count == 1
    assert "Mrs Howard" in labels(kg)


def test_sir_takes_a_given_name():
    kg = resolve([extraction("a1", [mention("Menzies Campbell"), mention("Menzies", text="Sir Menzies")])])
    assert labels(kg)["Menzies Campbell"].mention_count == 2


def test_a_title_the_full_name_is_written_with_comes_before_a_given_name():
    kg = resolve([extraction("a1", [mention("Mohammed bin Abdulrahman Al Thani", text="Sheikh Mohammed bin Abdulrahman Al Thani"),
                                    mention("Mohammed", text="Sheikh Mohammed")])])
    assert set(labels(kg)) == {"Mohammed bin Abdulrahman Al Thani"}
