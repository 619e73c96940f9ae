"""Country from context for sector-only actors, people without a date, coverage and composition (issue 12)."""

from __future__ import annotations

import pytest

from greatgame.model import Document

pytestmark = pytest.mark.issue(12)


def resolved(coder, text: str, date: str | None = "2016-05-01") -> list[tuple]:
    """(text, code, country_from) of every mention, in order."""
    res = coder.code(Document(id="t", text=text, date=date))
    assert res.error is None
    return [(m.text, m.code, m.country_from) for m in res.mentions]


def test_context_place_of_the_clause_gives_the_country(coder):
    assert resolved(coder, "The generals met opposition leaders in Caracas.") == [
        ("The generals", "VENMIL", "context"), ("opposition leaders", "VENOPP", "context")]


def test_context_dominant_country_of_the_document(coder):
    text = ("Venezuela's economy shrank again. President Nicolas Maduro blamed Venezuelan business leaders and "
            "Venezuela's neighbours. The generals met opposition leaders.")
    assert resolved(coder, text)[-2:] == [("The generals", "VENMIL", "document"),
                                          ("opposition leaders", "VENOPP", "document")]


def test_context_no_country_when_two_countries_share_the_story(coder):
    text = ("Japan and the United States agreed to talk. Japan urged the United States to act. "
            "The generals said the military would wait.")
    got = resolved(coder, text)
    assert [g for g in got if g[0] in ("The generals", "the military")] == [
        ("The generals", "---MIL", None), ("the military", "---MIL", None)]


def test_context_possessor_gives_the_country(coder):
    assert resolved(coder, "Sudan's Finance Minister Beshir Omer said his government rejected the IMF demand.") \
        == [("Sudan's Finance Minister Beshir Omer", "SDNGOV", None), ("government", "SDNGOV", "context"),
            ("the IMF", "IGOBUSIMF", None)]


def test_context_foreign_bodies_do_not_take_the_place_they_are_in(coder):
    text = "Sudan rejected the IMF demand. Western diplomats in Khartoum said Sudan hoped the IMF would agree."
    assert ("diplomats", "---GOV", None) in resolved(coder, text)


def test_context_home_country_of_a_bare_institution_name(coder):
    text = ("Turkey's parliament debated the arms deal with the United States. "
            "Turkish officials said Congress would vote on the sale.")
    assert resolved(coder, text) == [("Turkey's parliament", "TURLEG", None), ("the United States", "USA", None),
                                     ("Turkish officials", "TURGOV", None), ("Congress", "USALEG", "document")]


def test_context_appositive_gives_a_person_the_country(coder):
    text = ("The US commander in Iraq, General David Petraeus, held talks with President Michel Suleiman "
            "during a visit to Beirut.")
    assert resolved(coder, text)[:3] == [("The US commander", "USAMIL", None),
                                         ("General David Petraeus", "USAMIL", "context"),
                                         ("President Michel Suleiman", "LBNGOV", None)]


@pytest.mark.parametrize("date,expected", [
    (None, ("Mahendra Chaudhry", "FJIGOV")),  # no date: the latest office
    ("2016-05-01", ("Mahendra Chaudhry", "FJIELI")),  # after the term: an elite of his country
    ("1990-01-01", ("Mahendra Chaudhry", "FJI")),  # before it: his country, the office unknown
])
def test_context_person_resolves_to_the_country_whatever_the_date(coder, date, expected):
    assert resolved(coder, "Mahendra Chaudhry met the delegation.", date)[0][:2] == expected


@pytest.mark.parametrize("text,expected", [
    ("President Abdelmadjid Tebboune met Prime Minister Mahendra Chaudhry.",
     [("President Abdelmadjid Tebboune", "DZAGOV", None), ("Prime Minister Mahendra Chaudhry", "FJIGOV", None)]),
    ("Federal Reserve Board Chairman Paul Volcker met Japanese officials.",
     [("Federal Reserve Board Chairman Paul Volcker", "USAGOV", None), ("Japanese officials", "JPNGOV", None)]),
    ("U.K. Chancellor of the Exchequer Nigel Lawson met Brazil's Finance Minister Dilson Funaro.",
     [("U.K. Chancellor of the Exchequer Nigel Lawson", "GBRGOV", None), ("the Exchequer", "GBRGOV", None),
      ("Brazil's Finance Minister Dilson Funaro", "BRAGOV", None)]),
    ("Robert Mugabe met the Soviet ambassador.", [("Robert Mugabe", "ZWEGOV", None),
                                                  ("the Soviet ambassador", "SUNGOV", None)]),
])
def test_context_coverage_of_heads_ministers_and_agencies(coder, text, expected):
    assert resolved(coder, text, None) == expected


def test_context_conjoined_nationalities_are_an_actor_each(coder):
    assert resolved(coder, "US and British activists staged a protest in Beijing.") == [
        ("US and British activists", "USAOPP", None), ("British activists", "GBROPP", None)]


def test_context_pro_and_anti_do_not_make_a_nationality(coder):
    assert resolved(coder, "The plane was downed by pro-Russia rebels.") == [("Russia rebels", "---REB", None)]


def test_context_names_match_across_line_breaks(coder):
    text = "Officials said on Monday that the Gulf\nCooperation Council had condemned the attack on the tanker."
    assert resolved(coder, text) == [("Officials", "---GOV", None),
                                     ("the Gulf\nCooperation Council", "IGOPGSGCC", None)]


@pytest.mark.parametrize("text,expected", [
    ("BEIRUT, March 3 - The army shelled the camp near the border, police said.",
     [("The army", "LBNMIL", "dateline"), ("police", "LBNCOP", "dateline")]),
    ("MOSCOW (Reuters) - Police detained the protesters outside the ministry.",
     [("Police", "RUSCOP", "dateline"), ("the protesters", "RUSOPP", "dateline"),
      ("the ministry", "RUSGOV", "dateline")]),
    # a byline over the dateline, as syndicated copies carry it
    ("By Staff Writers\nBEIRUT, March 3 (AP) -- The army shelled the camp, police said.",
     [("The army", "LBNMIL", "dateline"), ("police", "LBNCOP", "dateline")]),
    ("By Staff Writers\nThe army shelled the camp, police said.",
     [("The army", "---MIL", None), ("police", "---COP", None)]),
    # a gazetteer knows the city by its bare name ("Kuwait")
    ("KUWAIT CITY, March 3 - The army shelled the camp near the border, police said.",
     [("The army", "KWTMIL", "dateline"), ("police", "KWTCOP", "dateline")]),
    # the people a lead names are where it was filed ...
    ("KABUL (Reuters) - Three civilians were wounded when Taliban fighters attacked a checkpoint, police said.",
     [("civilians", "AFGCVL", "dateline"), ("Taliban fighters", "AFGREBTAL", None), ("police", "AFGCOP", "dateline")]),
    # ... unless the lead places itself elsewhere
    ("LONDON (Reuters) - Three civilians were wounded when a bomb exploded in Kandahar, Afghan police said.",
     [("civilians", "---CVL", None), ("Afghan police", "AFGCOP", None)]),
])
def test_context_dateline_gives_the_country(coder, text, expected):
    assert resolved(coder, text) == expected


def test_context_relational_bodies_are_not_the_state_that_names_them(coder):
    """ "Sudan's creditors", "its creditors" are other states' banks or governments: no country."""
    got = resolved(coder, "Sudan's creditors met in Paris. Britain said its creditors would wait.", "1987-03-10")
    assert got == [("Sudan's creditors", "---BUS", None), ("Britain", "GBR", None), ("creditors", "---BUS", None)]


def test_context_groups_of_states_are_not_actors(coder):
    """ "industrial countries", "U.S. allies" name no one party: as actors of no country they made events
    between vague groups in unlabelled news, so they stay unrecognised and the named states are the actors."""
    got = resolved(coder, "The industrial countries and U.S. allies agreed with Japan.", "1987-03-10")
    assert got == [("U.S.", "USA", None), ("Japan", "JPN", None)]


def test_context_bare_party_names(coder):
    """ "Democrats" alone is the US party where the story names the US or no country dominates; a party
    of the same name elsewhere takes its country from the text."""
    got = resolved(coder, "Democrats in Congress criticised Reagan. Christian Democrats in Bonn criticised Kohl.",
                   "1987-03-10")
    assert got[0] == ("Democrats", "USAPTY", "document")
    assert ("Christian Democrats", "DEUPTY", "context") in got
    assert not any(t == "Christian Democrats" and c.startswith("USA") for t, c, _ in got)


def test_context_us_economic_councils_are_american(coder):
    text = ("Beryl Sprinkel, chairman of the president's council of economic advisors, said Japan must act. "
            "The Council of Economic Advisers and USAID met Japanese officials.")
    got = resolved(coder, text, "1987-03-10")
    assert got[0] == ("Beryl Sprinkel", "USAGOV", None)
    assert ("The Council of Economic Advisers", "USAGOV", None) in got and ("USAID", "USAGOV", None) in got


def test_context_a_thing_the_body_modifies_says_whose(coder):
    """ "Syrian government missiles", "stormed a police headquarters in eastern Afghanistan"."""
    got = resolved(coder, "Syrian government missiles have struck a rebel-held area near the frontier.", None)
    assert ("government", "SYRGOV", "context") in got
    got = resolved(coder, "Taliban attackers stormed a regional police headquarters in eastern Afghanistan.", None)
    assert ("police", "AFGCOP", "context") in got


@pytest.mark.parametrize("text,code", [
    ("KABUL: The police arrested two men.", "AFGCOP"),
    ("Lucknow: The state police arrested two men.", "INDCOP"),
    ("Iran-allied rebels said the police arrested two men.", "---COP"),
])
def test_context_datelines_with_a_colon_or_in_title_case(coder, text, code):
    got = resolved(coder, text, None)
    assert [c for t, c, _ in got if t.lower().endswith("police")] == [code]


def test_context_a_seat_several_states_have_is_the_storys(coder):
    """ "the Chancellery" is Austria's in a story about Austria that never names Germany; Germany's where it
    does; "State House" takes the story's country."""
    text = ("Austria's government met Hungary. Austrian officials said Vienna would act. "
            "The Chancellery said the talks failed.")
    assert resolved(coder, text)[-1] == ("The Chancellery", "AUTGOV", "document")
    assert resolved(coder, "Germany's government met Hungary. The Chancellery said the talks failed.")[-1] == \
        ("The Chancellery", "DEUGOV", None)
    text = "Kenya's president met Uganda's. Kenyan officials said Nairobi would act. State House said talks failed."
    assert resolved(coder, text)[-1] == ("State House", "KENGOV", "document")


def test_context_us_departments_by_name(coder):
    got = resolved(coder, "The U.S. Department of Education sued Harvard. The Department of State protested.")
    assert ("The U.S. Department of Education", "USAGOV", None) in got
    assert ("The Department of State", "USAGOV", None) in got


def test_context_a_group_that_lists_its_states_is_not_itself_an_actor(coder):
    """ "the so-called A countries - Brazil, Argentina and Mexico": the listed states are the actors."""
    text = ('Treasury Secretary James Baker held talks with the so-called "A" countries - Brazil, Argentina '
            "and Mexico - who stand to suffer a deficit.")
    got = resolved(coder, text, "1987-03-10")
    assert [c for _, c, _ in got] == ["USAGOV", "BRA", "ARG", "MEX"]


def test_a_wire_dateline_of_another_country_does_not_place_unnamed_bodies(coder) -> None:
    # "LONDON (AP) -" is where the report was filed; the civilians of a story about Iran and Iraq are not
    # British. The same dateline over a story that names no country places them (see the Beirut test).
    doc = Document(id="d", text="LONDON (AP) - Iran attacked Iraq near Basra on Monday. "
                                "Iraq accused Iran of shelling civilians in the city.", date="1987-01-12")
    mentions = coder.mentions(doc)
    civilians = [m for m in mentions if m.text.lower() == "civilians"]
    assert civilians and all(m.country != "GBR" for m in civilians)


def test_context_a_word_of_a_longer_name_is_not_the_bare_institution(coder):
    # "Administration" of "Customs Administration Department" is not the US administration, so nobody in
    # the phrase becomes American; "the Treasury brief" is still the Treasury's
    text = ("Taiwan will cut tariffs before talks with Washington. Lee Ming, Deputy Director of the Finance "
            "Ministry's Customs Administration Department, told reporters the list included items asked by "
            "Washington.")
    got = resolved(coder, text, "1987-04-13")
    assert [g for g in got if g[1] and g[1].startswith("USA")] == [("Washington", "USAGOV", None)] * 2
    got = resolved(coder, "The Treasury brief proposed letting South African goods into the U.S.", "1987-04-13")
    assert ("Treasury", "USAGOV", "document") in got, got


def test_context_a_banking_commission_takes_the_datelines_country(coder):
    # a state regulator named by its role; "ZURICH" is the city list's "Zürich"
    text = ("ZURICH, March 23 - Swiss bankers announced new rules on banking secrecy. The Banking Commission, "
            "responsible for overseeing the banks, said it wanted a drastic reduction in anonymity.")
    got = resolved(coder, text, "1987-03-23")
    assert ("The Banking Commission", "CHEGOV", "dateline") in got, got


def test_context_congressional_is_the_us_congress(coder):
    got = resolved(coder, "Japanese Foreign Minister Shintaro Abe met congressional leaders on Tuesday.", "1987-04-29")
    assert got == [("Japanese Foreign Minister Shintaro Abe", "JPNGOV", None),
                   ("congressional leaders", "USALEG", "document")]


def test_context_a_person_described_by_a_body_of_no_country_does_not_take_the_storys(coder):
    # issue 12: a foreign banker in a story about Brazil; his appositive says whose he is, and
    # "president of the Bank" is the bank's president, not a government's (an invented bank: the Bank of
    # Montreal, which stood here before, is one the tables know, and Canada's)
    text = ("Brazil suspended interest payments. William Mulholland, president of the Bank of Elmvale, said "
            "Brazil should seek growth. Brazil's government defended the decision. Brazil met its creditors.")
    got = resolved(coder, text, "1987-03-13")
    assert ("William Mulholland", None, None) in got and ("president of the Bank", "---BUS", None) in got, got
    # a person named with no description still takes the story's dominant country
    text = ("Brazil suspended interest payments. Brazil's government defended the decision. Brazil met its "
            "creditors. Joao Pereira said the talks would go on.")
    assert ("Joao Pereira", "BRA", "document") in resolved(coder, text, "1987-03-13")


def test_context_our_of_a_quote_is_its_speakers(coder):
    # issue 12: "our" in a quote is the speaker's, when the speaker is named before it; outside a quote
    # it says nothing
    got = resolved(coder, 'Iraq said: "Our forces are continuing their advance against the Iranians."', "1987-04-08")
    assert ("forces", "IRQMIL", "context") in got, got
    got = resolved(coder, "Our government wants better ties with Japan, the paper said.", "1987-04-08")
    assert ("government", "---GOV", None) in got, got


@pytest.mark.parametrize("text,code", [
    # the US department as news written in British spelling names it
    ("The Defence Department said on Tuesday that Soviet submarines had entered the Gulf.", "USAGOV"),
    ("Australia's government said the Defence Department would buy frigates for Australia's navy, Australian "
     "officials said.", "AUSGOV"),
])
def test_context_the_defence_department_is_the_us_one_unless_another_state_dominates(coder, text, code):
    got = resolved(coder, text, "1987-03-10")
    assert [c for t, c, _ in got if t.endswith("Defence Department")] == [code], got


@pytest.mark.parametrize("text,expected", [
    # the title in apposition says which office the named person holds
    ("Hiroshi Tanaka, vice minister of Japan's Finance Ministry, met U.S. officials.", ("Hiroshi Tanaka", "JPNGOV")),
    ("Taiwan cut tariffs again. Taiwan's surplus grew. The delegation's leader, Chen Ming-tong, said Taiwan would "
     "give more.", ("Chen Ming-tong", "TWNGOV")),
    # ... a union's president is the union's (LAB), not a government's
    ("Peter Hall, president of the Canadian Union of Postal Workers, called on Canada to act.",
     ("Peter Hall", "CANLAB")),
])
def test_context_a_named_person_takes_the_sector_of_the_title_beside_the_name(coder, text, expected):
    got = resolved(coder, text, "1987-03-10")
    assert expected in [(t, c) for t, c, _ in got], got


def test_context_a_participle_clause_happens_where_its_clause_does(coder):
    # "talking to government officials" happens in Washington, where the days were spent
    got = resolved(coder, "Funaro and Gros spent two days at the end of last week in Washington talking to "
                          "government officials.", "1987-03-02")
    assert ("government officials", "USAGOV", "context") in got, got


def test_context_two_sides_of_a_story():
    from collections import Counter

    from greatgame.actors.story import two_sides

    assert two_sides(Counter({"IRQ": 9, "IRN": 9})) == ("IRQ", "IRN")
    assert two_sides(Counter({"USA": 17, "TWN": 9, "JPN": 1})) == ("USA", "TWN")
    assert two_sides(Counter({"GBR": 9, "BRA": 8, "USA": 4})) is None  # a third country in the story
    assert two_sides(Counter({"BRA": 10, "USA": 4})) is None  # one country dominates
    assert two_sides(Counter({"JPN": 2, "USA": 2})) is None  # too few mentions to say


def test_context_side_in_a_story_of_two_countries(coder):
    # a side named above the body's clause is its own; one named only in its clause is the other side;
    # 'unidentified' bodies are nobody's
    text = ("Iran said its troops repulsed Iraqi attacks. Iraq denied the Iranian report and said Iraqi planes "
            "hit Iran. The Iranian news agency said the troops advanced. Iraqi tanks were under attack from "
            "warplanes. Unidentified jets attacked Iranian rigs.")
    assert resolved(coder, text, "1987-05-01")[7:] == [
        ("The Iranian news agency", "IRNMED", None), ("the troops", "IRNMIL", "context"),
        ("Iraqi tanks", "IRQMIL", None), ("warplanes", "IRNMIL", "context"),
        ("jets", "---MIL", None), ("Iranian", "IRN", None)]


@pytest.mark.parametrize("text,expected", [
    # a state's office named by the model: its government's, and so is its acronym
    ("Canada's Export Development Agency (EDA) is holding talks with Kenya. The EDA suspended cover in 1984.",
     [("Canada's Export Development Agency", "CANGOV", None), ("EDA", "CANGOV", "mention"), ("Kenya", "KEN", None),
      ("The EDA", "CANGOV", "mention")]),
    # a company stays the country's, with no sector; an office of no state has no country
    ("Britain's Rover Group said it would sell trucks to Kenya.",
     [("Britain's Rover Group", "GBR", None), ("it", "GBR", "mention"), ("Kenya", "KEN", None)]),
    ("Sony's Sales Department said it would sell radios to Kenya.",
     [("Sony's Sales Department", None, None), ("Kenya", "KEN", None)]),
])
def test_context_office_of_a_state_named_by_its_possessive(coder, text, expected):
    assert resolved(coder, text, "1987-05-01") == expected


@pytest.mark.parametrize("text,expected", [
    ("The European Commission said it approved a 680 mln stg British government aid package to Rover.",
     [("The European Commission", "IGOEUREEC", None), ("it", "IGOEUREEC", None), ("British", "GBR", None),
      ("government", "GBRGOV", "context")]),
    ("Kenya rejected a French government export credit offer.",
     [("Kenya", "KEN", None), ("French", "FRA", None), ("government", "FRAGOV", "context")]),
])
def test_context_body_modifying_a_chain_of_nouns_takes_their_nationality(coder, text, expected):
    assert resolved(coder, text, "1987-05-01") == expected


def test_context_possessor_of_the_noun_a_body_modifies(coder):
    text = "Britain's Research Minister Geoffrey Pattie faced a tough fight to convince his government colleagues."
    assert resolved(coder, text, "1987-05-01") == [
        ("Britain's Research Minister Geoffrey Pattie", "GBRGOV", None), ("government", "GBRGOV", "context")]


def test_context_province_gives_its_minister_canada(coder):
    assert resolved(coder, "Alberta's energy minister met Japanese officials.", "1987-05-01") == [
        ("energy minister", "CANGOV", "context"), ("Japanese officials", "JPNGOV", None)]


def test_context_minister_of_a_sector_is_the_governments(coder):
    text = "Ontario's minister of financial institutions Monte Kwinter said the plan was confusing."
    assert resolved(coder, text, "1987-05-01") == [
        ("minister of financial institutions", "CANGOV", "context"), ("financial institutions", "CANBUS", "context"),
        ("Monte Kwinter", "CANGOV", "context")]


@pytest.mark.parametrize("text,expected", [
    ("Britain's Prince Charles and Princess Diana visited Riyadh in November.",
     [("Britain", "GBR", None), ("Prince", "GBRELI", "context"), ("Princess Diana", "GBRELI", "context"),
      ("Riyadh", "SAUGOV", None)]),
    ("Japan's banks and insurance firms bought U.S. bonds.",
     [("Japan's banks", "JPNBUS", None), ("firms", "JPNBUS", "context"), ("U.S.", "USA", None)]),
])
def test_context_possessor_of_the_first_of_two_joined_names_owns_both(coder, text, expected):
    assert resolved(coder, text, "1987-05-01") == expected


@pytest.mark.parametrize("date,expected", [
    ("1987-03-22", [("The Saudi leader", "SAUGOV", None), ("Queen Elizabeth", "GBRGOV", None),
                    ("Prince", "---ELI", None)]),  # no table or text says whose prince he is
    ("2023-01-01", [("The Saudi leader", "SAUGOV", None), ("Queen Elizabeth", "GBRELI", None),
                    ("Prince", "---ELI", None)]),
])
def test_context_queen_by_the_leaders_table(coder, date, expected):
    text = "The Saudi leader will meet Queen Elizabeth and Prince Philip during the visit."
    assert resolved(coder, text, date) == expected


@pytest.mark.parametrize("text,expected", [
    ("Britain clashed with Japan over access to the Tokyo Stock Exchange. "
     "Howard said he was unhappy with the exchange's response.",
     [("Britain", "GBR", None), ("Japan", "JPN", None), ("the Tokyo Stock Exchange", "JPNBUS", None),
      ("the exchange", "JPNBUS", "mention")]),
    # an exchange "of" something is an act, not the body
    ("Iran and Iraq agreed to an exchange of prisoners at the Tokyo Stock Exchange. The exchange of prisoners began.",
     [("Iran", "IRN", None), ("Iraq", "IRQ", None), ("prisoners", "---CVL", None),
      ("the Tokyo Stock Exchange", "JPNBUS", None), ("prisoners", "---CVL", None)]),
])
def test_context_the_exchange_after_a_stock_exchange(coder, text, expected):
    assert resolved(coder, text, "1987-05-01") == expected


def test_context_place_the_parse_takes_for_a_participles_subject(coder):
    # the parse hangs 'talking' off 'in' with Washington as its subject; the officials are still there
    text = ("Funaro and Gros spent two days at the end of last week in\nWashington talking to government officials "
            "and international\nagencies.")
    assert resolved(coder, text, "1987-03-02") == [
        ("Funaro", "BRAGOV", None), ("Gros", "BRAGOV", None), ("Washington", "USAGOV", None),
        ("government officials", "USAGOV", "context")]


def test_context_role_word_that_only_qualifies_a_body_is_no_actor(coder):
    # 'executive' names a business executive, but not in "the executive board": the board is the body's
    text = ("The IMF said the fund's executive board approved the loan. The EC's executive Commission proposed cuts. "
            "Citibank executive William Rhodes met Brazil's negotiators.")
    assert resolved(coder, text, "1987-05-01") == [
        ("The IMF", "IGOBUSIMF", None), ("the fund", "IGOBUSIMF", None),
        ("EC's executive Commission", "IGOEUREEC", None), ("Citibank executive William Rhodes", "USABUS", None),
        ("Brazil's negotiators", "BRAGOV", None)]


def test_context_linked_mention_in_the_phrase_gives_its_antecedents_country(coder):
    # 'the TSE' takes the exchange's codes only after context, but already says whose the officials are
    text = ("Britain clashed with Japan over the Tokyo Stock Exchange (TSE). "
            "Officials of the TSE said the exchange had done its utmost.")
    assert resolved(coder, text, "1987-05-01") == [
        ("Britain", "GBR", None), ("Japan", "JPN", None), ("the Tokyo Stock Exchange", "JPNBUS", None),
        ("TSE", "JPNBUS", "mention"), ("Officials of the TSE", "JPNGOV", "context"), ("the TSE", "JPNBUS", "mention"),
        ("the exchange", "JPNBUS", "mention")]


@pytest.mark.parametrize("text,expected", [
    # the tables' Michael Smith is Ireland's; the title beside the name says this one is another
    ("Japanese officials will meet the Deputy U.S. Trade Representative, Michael Smith, and the Under Secretary "
     "of Commerce.",
     [("Japanese officials", "JPNGOV", None), ("the Deputy U.S. Trade Representative", "USAGOV", None),
      ("Michael Smith", "USAGOV", "context"), ("the Under Secretary of Commerce", "---GOV", None),
      ("Commerce", None, None)]),
    ("Irish Defence Minister Michael Smith met U.S. officials.",
     [("Irish Defence Minister Michael Smith", "IRLGOV", None), ("U.S. officials", "USAGOV", None)]),
    # a title running into the name, which the parse makes a conjunct beside it (as in a dev article)
    ("Talks between Kuroda and Deputy U.S. Trade Representative Michael Smith began.",
     [("Deputy U.S. Trade Representative", "USAGOV", None), ("Michael Smith", "USAGOV", "context")]),
])
def test_context_title_beside_a_tables_name_naming_another_state(coder, text, expected):
    assert resolved(coder, text, "1987-05-01") == expected


@pytest.mark.parametrize("text,expected", [
    ("Britain must withdraw its opposition to the plan.", [("Britain", "GBR", None)]),
    ("The program was delayed by opposition from Britain and West Germany.",
     [("Britain", "GBR", None), ("West Germany", "DEU", None)]),
    ("The opposition boycotted the vote in Caracas.", [("The opposition", "VENOPP", "context")]),
])
def test_context_opposition_as_an_objection_is_no_actor(coder, text, expected):
    assert resolved(coder, text, "1987-05-01") == expected


def test_context_side_of_the_other_party_only_for_armed_bodies_and_our_own(coder):
    # a ministry hit by Iraqi planes may be anyone's; "our government" beside Iraq is the other side's; the
    # envoy, whose clause names neither side (what he says does not count), is of the lead's country
    text = ("Iran said its troops repulsed Iraqi attacks. Iraq denied the Iranian report and said Iraqi planes "
            "hit Iran. Iraqi planes hit the ministry. \"Our government wants peace with Iraq,\" the envoy said.")
    assert resolved(coder, text, "1987-05-01")[7:] == [
        ("Iraqi planes", "IRQMIL", None), ("the ministry", "---GOV", None), ("government", "IRNGOV", "context"),
        ("Iraq", "IRQ", None), ("the envoy", "IRNGOV", "document")]


def test_context_a_civil_body_in_a_story_of_two_countries_is_the_leads(coder):
    # each country named often, neither dominant: the ministry and the cabinet, whose clause names neither,
    # are of the country whose story it is (the lead's subject); a clause that names one of the two leaves
    # a civil body to its own words (test above)
    text = ("Taiwan announced tariff cuts on foreign goods before talks with the United States. Taiwan said the "
            "cuts would help trade with the United States. The United States welcomed the cuts, but Taiwan "
            "expects more pressure from the United States. The ministry sent a proposal to the cabinet, Wang "
            "Der-hwa told reporters.")
    assert resolved(coder, text, "1987-04-13")[-4:] == [
        ("The ministry", "TWNGOV", "document"), ("the cabinet", "TWNGOV", "document"), ("Wang Der-hwa", None, None),
        ("reporters", "---MED", None)]


def test_context_a_short_story_is_its_leads_country(coder):
    # Canada named twice, no other country: too few mentions to dominate, but the lead's subject says whose
    # story it is (also when the lead reports what someone said)
    text = ("The Canadian government is backing down on its plans to regulate banks, a provincial minister said. "
            "Canada has ten provinces. The federal government wanted a single regulator for banks in Toronto.")
    assert resolved(coder, text, "1987-04-01") == [
        ("The Canadian government", "CANGOV", None), ("banks", "---BUS", None), ("minister", "CANGOV", "document"),
        ("Canada", "CAN", None), ("The federal government", "CANGOV", "document"), ("banks", "---BUS", None)]


def test_context_a_lone_sentence_has_no_lead(coder):
    # one sentence is no story: its own subject does not give the rebels a country
    assert resolved(coder, "Russia accused rebels of shelling the town.") == [
        ("Russia", "RUS", None), ("rebels", "---REB", None)]


def test_context_churches_are_the_story_country_s(coder):
    # a religious body is a state's own as its government is ("the churches" in a Swiss story)
    text = ("Swiss banks are holding talks with church officials about lending to South Africa, the bankers' "
            "association said. The banks told the churches that lending to South Africa had fallen. Swiss banks "
            "said South Africa must end apartheid.")
    assert [g for g in resolved(coder, text, "1987-03-20") if "church" in g[0]] == [
        ("church officials", "CHEGOV", "document"), ("the churches", "CHEREL", "document")]


def test_context_provincial_governments_are_the_states_own(coder):
    # "governments" are several states' unless a word makes them parts of one ("provincial governments");
    # "foreign governments" stay no one's
    text = ("The Canadian government is backing down on its plans to regulate banks, a provincial minister said. "
            "Canada has ten provinces. Federal and provincial governments disagree on banks in "
            "Toronto. Canada said foreign governments should help.")
    assert [g for g in resolved(coder, text, "1987-04-01") if g[0] == "governments"] == [
        ("governments", "CANGOV", "document"), ("governments", "---GOV", None)]


@pytest.mark.issue(12)
@pytest.mark.parametrize("text,expected", [
    # a state that owns armed craft, units or positions is its forces
    ("Iraq said an Iraqi jet was shot down. Iranian boats attacked a Kuwaiti tanker. Iraqi troops shelled Iranian "
     "positions.",
     [("Iraq", "IRQ", None), ("Iraqi", "IRQMIL", None), ("Iranian", "IRNMIL", None), ("Kuwaiti", "KWT", None),
      ("Iraqi troops", "IRQMIL", None), ("Iranian", "IRNMIL", None)]),
    # "military" with what forces are or do; not what a government gives, a stance, a tanker fleet or an attack
    ("Iran said the U.S. military presence in the Gulf was a threat. Japan's positions on trade angered Congress. "
     "Kuwait's tanker fleet was attacked. Iran condemned the Iraqi missile attack and U.S. military aid.",
     [("Iran", "IRN", None), ("the U.S.", "USAMIL", None), ("Japan", "JPN", None), ("Congress", "USALEG", "document"),
      ("Kuwait", "KWT", None), ("Iran", "IRN", None), ("Iraqi", "IRQ", None), ("U.S.", "USA", None)]),
])
def test_context_a_state_owning_armed_things_is_its_forces(coder, text, expected):
    assert resolved(coder, text, "1987-05-01") == expected
