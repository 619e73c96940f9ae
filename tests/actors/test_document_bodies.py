"""Actors resolved by what the whole document says of offices and bodies (issue 12): offices a state does not
have, a named official's title in another state's story, officials counted ("several officials"), the
offices a leader held on the story's day, international bodies named by less than their name, and a
legislature named by one word."""

from __future__ import annotations

import pytest

from greatgame.actors.dictionary import held_on, titlecase_acronym
from greatgame.actors.dictionary import Term
from greatgame.actors.state_offices import absent_offices
from tests.actor_mentions import mention_rows

pytestmark = pytest.mark.issue(12)


def resolved(coder, text: str, date: str) -> list[tuple]:
    return mention_rows(coder, text, date, "text", "code", "country_from")


# --- offices a state does not have ----------------------------------------------------------------


def test_absent_offices_table_has_no_ministers_for_the_united_states():
    table = absent_offices()
    assert {"minister", "ministry"} <= table[("USA", "")]
    assert "president" in table[("CAN", "GOV")]
    assert ("FRA", "GOV") not in table  # France has a president


def test_ministry_official_is_not_of_a_state_without_ministries(coder):
    text = ("U.S. Commerce Secretary Malcolm Baldrige asked Japan to buy more American chips, an Industry Ministry "
            "official said. Japan said it would study the request. Japan and the United States will meet again "
            "in May, and Japan hopes the United States will lift its tariffs.")
    got = resolved(coder, text, "1987-04-02")
    assert got[3] == ("an Industry Ministry official", "JPNGOV", "document")
    assert got[0] == ("U.S. Commerce Secretary Malcolm Baldrige", "USAGOV", None)


def test_the_president_is_not_of_a_state_without_one(coder):
    text = ("Senator Lloyd Bentsen said Canada must drop its film quota. Canada and the United States are talking "
            "about free trade, and Canada wants an accord. When the President visits Ottawa he will raise the "
            "issue with Prime Minister Brian Mulroney, Bentsen said. The United States wants the accord too.")
    got = resolved(coder, text, "1987-03-25")
    assert ("the President", "USAGOV", "document") in got
    assert ("Prime Minister Brian Mulroney", "CANGOV", None) in got
    assert not any(t == "the President" and code != "USAGOV" for t, code, _ in got)


# --- a named official's home-country title in another state's story ---------------------------------


def test_treasury_secretary_of_the_story_state_not_the_united_states(coder):
    text = ("Brazil's creditor banks are split, central bank governor Fernao Bracher said. Brazil wants lower rates "
            "and Brazil will not pay more. Finance ministry sources said the bank committee would answer a plan put "
            "forward by Treasury Secretary Joao Batista Abreu. The United States said it would back a loan for "
            "Brazil.")
    got = resolved(coder, text, "1987-03-04")
    assert ("Treasury Secretary Joao Batista Abreu", "BRAGOV", "document") in got


def test_bare_treasury_still_means_the_united_states_where_it_is_named(coder):
    text = ("Turkey's parliament debated the arms deal with the United States. "
            "Turkish officials said the Treasury would vote on the sale.")
    assert ("the Treasury", "USAGOV", "document") in resolved(coder, text, "1987-03-04")


# --- officials counted --------------------------------------------------------------------------------


def test_several_officials_are_of_one_government_several_governments_are_not(coder):
    text = ("West Germany's government backs the U.S. position on the oils tax. West Germany said so in Bonn. "
            "Several senior government officials met the visitors, West Germany said.")
    assert ("government officials", "DEUGOV", "document") in resolved(coder, text, "1987-03-20")
    assert resolved(coder, "Several governments protested to Iraq about the attack.", "1987-03-20") == [
        ("governments", "---GOV", None), ("Iraq", "IRQ", None)]


# --- offices held on the story's day -------------------------------------------------------------------


def test_held_on_takes_the_terms_running_that_day():
    pm = Term("Jacques Chirac", "FRA", "GOV", "head_of_government", "1986-03-20", "1988-05-10")
    president = Term("Jacques Chirac", "FRA", "GOV", "head_of_state", "1995-05-17", "2007-05-16")
    assert held_on(pm, "1987-03-31") and not held_on(president, "1987-03-31")
    assert held_on(president, "2000-01-01")
    assert not held_on(Term("X", "FRA", "GOV", "head_of_state", "", None), "2000-01-01")


def test_the_president_is_not_a_leader_who_was_president_only_later(coder):
    text = ("President Reagan told Prime Minister Jacques Chirac that the United States wanted no trade war. "
            "Chirac said France feared protectionism. The spokesman said the president was forced to act "
            "against Japan.")
    got = resolved(coder, text, "1987-03-31")
    assert [g for g in got if g[0] == "the president"] == [("the president", "USAGOV", "mention")]


# --- international bodies named by less than their name --------------------------------------------


def test_titlecase_acronym():
    assert titlecase_acronym("ASEAN") == "Asean"
    assert titlecase_acronym("OPEC") == "Opec"
    assert titlecase_acronym("PLAN") is None  # a common word
    assert titlecase_acronym("EC") is None  # too short to be said as a word
    assert titlecase_acronym("European Community") is None


def test_titlecase_acronym_names_the_body(coder):
    assert resolved(coder, "Asean urged Japan to open its markets.", "1987-06-16") == [
        ("Asean", "IGOSEAASN", None), ("Japan", "JPN", None)]


def test_ministers_of_a_body_and_the_ministers_after_them(coder):
    text = ("Foreign ministers of the Association of Southeast Asian Nations (ASEAN) met in Singapore. "
            "The ministers urged Japan to open its markets.")
    got = resolved(coder, text, "1987-06-16")
    assert got[0] == ("ministers of the Association of Southeast Asian Nations", "IGOSEAASNGOV", None)
    assert ("The ministers", "IGOSEAASNGOV", None) in got


def test_the_ministers_of_states_stay_without_a_body(coder):
    text = "Ministers of France and Italy met in Rome. The ministers urged Japan to open its markets."
    got = resolved(coder, text, "1987-06-16")
    assert not any(code and code.startswith("IGO") for _, code, _ in got)


def test_a_body_named_by_the_last_word_of_its_name(coder):
    text = ("The European Community will cut farm prices. West Germany opposed the plan. "
            "The 17-member Commission met in Bonn to discuss it.")
    assert resolved(coder, text, "1987-03-31") == [
        ("The European Community", "IGOEUREEC", None), ("West Germany", "DEU", None),
        ("Commission", "IGOEUREEC", None)]


def test_a_body_named_by_its_acronym_inside_a_longer_name(coder):
    text = "The European Community complained about the chip pact. Japan said the E.C. Charges were unfounded."
    assert resolved(coder, text, "1987-03-04") == [
        ("The European Community", "IGOEUREEC", None), ("Japan", "JPN", None),
        ("the E.C. Charges", "IGOEUREEC", None)]


def test_a_last_word_of_no_body_the_document_names_stays_uncoded(coder):
    text = "Japan cut its tariffs. The 17-member Commission met in Tokyo to discuss it."
    got = resolved(coder, text, "1987-03-31")
    assert not any(code and code.startswith("IGO") for _, code, _ in got)


# --- a legislature named by one word -----------------------------------------------------------------


def test_the_house_alone_is_a_legislature(coder):
    text = "The House will vote on the trade bill next month, and the Senate will follow. Japan protested."
    assert resolved(coder, text, "1987-04-01") == [
        ("The House", "USALEG", "document"), ("the Senate", "USALEG", "document"), ("Japan", "JPN", None)]


def test_the_house_of_lords_is_not_the_united_states(coder):
    assert resolved(coder, "The House of Lords rejected the bill.", "1987-04-01") == [
        ("The House of Lords", "---LEG", None)]


def test_congressional_alone_is_a_legislature(coder):
    text = "Japan said Congressional anger over chips was rising. Japan and the United States will talk."
    assert resolved(coder, text, "1987-04-01") == [
        ("Japan", "JPN", None), ("Congressional", "USALEG", "document"), ("Japan", "JPN", None),
        ("the United States", "USA", None)]


def test_a_committee_of_a_chamber_is_the_chamber(coder):
    text = ("Smart told a Senate Labor Committee hearing that the tariffs on Japan would help. "
            "Japan protested against the United States.")
    assert ("Senate", "USALEG", "document") in resolved(coder, text, "1987-04-01")


# --- bodies met on a visit -----------------------------------------------------------------------------

_KOREA = " South Korea wants more exports, and South Korea will cut tariffs."


def test_officials_met_on_a_visit_are_the_visited_state(coder):
    text = ("South Korea's trade minister Rha Woong-bae visited Paris to explain Seoul's import rules to government "
            "officials." + _KOREA)
    assert ("government officials", "FRAGOV", "context") in resolved(coder, text, "1987-05-02")
    text = ("South Korea's trade minister Rha Woong-bae will travel to Bonn for talks with government "
            "officials." + _KOREA)
    assert ("government officials", "DEUGOV", "context") in resolved(coder, text, "1987-05-02")


def test_officials_travelling_with_the_visitor_are_the_visitor_state(coder):
    text = "South Korea's trade minister Rha Woong-bae visited Paris with government officials." + _KOREA
    assert ("government officials", "KORGOV", "document") in resolved(coder, text, "1987-05-02")


# --- acronyms the document defines --------------------------------------------------------------------


def test_an_acronym_the_document_spells_out_as_another_body(coder):
    text = ("Ceylon Plantation Corp (CPC) said it would sell more tea to Egypt. CPC officials said the cabinet had "
            "approved the sale. Sri Lanka exports most of its tea.")
    assert resolved(coder, text, "1987-05-02") == [
        ("Ceylon", "LKA", None), ("CPC", "LKABUS", None), ("Egypt", "EGY", None), ("CPC officials", "LKABUS", None),
        ("the cabinet", "LKAGOV", "document"), ("Sri Lanka", "LKA", None)]


def test_an_acronym_spelled_out_as_the_dictionary_body_keeps_it(coder):
    text = "The Communist Party of China (CPC) met in Beijing. The CPC said it would open the economy further."
    assert resolved(coder, text, "1987-05-02") == [
        ("The Communist Party of China", "CHNPTYCPC", None), ("CPC", "CHNPTYCPC", None),
        ("The CPC", "CHNPTYCPC", None), ("it", "CHNPTYCPC", "mention")]


# --- organisations described beside their name -------------------------------------------------------


def test_organisations_said_to_be_a_body_with_a_country_take_it(coder):
    text = ("The bill would hit two Japanese banks. The two Japanese banks are Sumitomo Trust Co. and Yasuda Trust "
            "Co., which trade in New York. Yasuda Trust Co. declined to comment.")
    assert resolved(coder, text, "1987-05-02") == [
        ("Japanese banks", "JPNBUS", None), ("Japanese banks", "JPNBUS", None),
        ("Sumitomo Trust Co.", "JPNBUS", "context"), ("Yasuda Trust Co.", "JPNBUS", "context"),
        ("Yasuda Trust Co.", "JPNBUS", "context")]


def test_an_undescribed_organisation_stays_uncoded(coder):
    text = "Sumitomo Trust Co. and Yasuda Trust Co. trade in New York. Japan said so."
    got = resolved(coder, text, "1987-05-02")
    assert [g for g in got if "Trust" in g[0]] == [("Sumitomo Trust Co.", None, None), ("Yasuda Trust Co.", None, None)]


def test_a_congressman_is_of_the_united_states_congress(coder):
    text = "Congressman Richard Gephardt said Japan must open its markets. Japan and the United States are talking."
    assert resolved(coder, text, "1987-05-02") == [
        ("Congressman Richard Gephardt", "USALEG", "document"), ("Japan", "JPN", None), ("Japan", "JPN", None),
        ("the United States", "USA", None)]


def test_an_acronym_spelled_another_way_keeps_the_dictionary_body(coder):
    text = "The Organisation of Petroleum Exporting Countries (OPEC) met in Vienna. OPEC said Iran would cut output."
    assert [g for g in resolved(coder, text, "1987-05-02") if g[0] == "OPEC"] == [
        ("OPEC", "IGOBUSOPC", None), ("OPEC", "IGOBUSOPC", None)]
    text = "The General Agreement on Tariffs and Trade (GATT) met in Geneva. GATT said Japan broke the rules."
    assert [g for g in resolved(coder, text, "1987-05-02") if g[0] == "GATT"] == [
        ("GATT", "IGOBUSGAT", None), ("GATT", "IGOBUSGAT", None)]


def test_a_visit_to_several_states_gives_its_officials_none(coder):
    text = ("South Korea's trade minister Rha Woong-bae will visit Britain, France and Italy for talks with government "
            "officials." + _KOREA)
    assert ("government officials", "KORGOV", "document") in resolved(coder, text, "1987-05-02")


def test_a_longer_name_ending_in_a_body_word_is_not_that_body(coder):
    text = ("The World Bank lent Brazil more. The Organization of Economic Cooperation and Development said Brazil "
            "would grow.")
    got = resolved(coder, text, "1987-05-02")
    assert not any(code == "IGOUNODEVWBK" and "Organization" in t for t, code, _ in got)
