"""Issue 11: code what happened, once. The event finder's candidates, and the coder's exact events."""

from __future__ import annotations

import pytest

from finder import candidates, coded
from finder import event_codes as events


@pytest.mark.issue(11)
def test_finder_a_place_is_not_a_target_and_each_clause_keeps_its_actors(coder) -> None:
    text = ("The Iranian navy seized a tanker off the coast of Oman on Sunday, and the Pentagon accused "
            "Tehran of harassing commercial shipping.")
    assert candidates(coder, text) == {("the Pentagon", "Tehran", "svo")}


@pytest.mark.issue(11)
def test_finder_the_place_of_a_meeting_is_no_party_to_it(coder) -> None:
    assert candidates(coder, "The generals met opposition leaders in Caracas on Tuesday.") == {
        ("The generals", "opposition leaders", "svo")}


@pytest.mark.issue(11)
def test_finder_the_place_of_acts_denounced_is_whose_acts_they_are(coder) -> None:
    got = candidates(coder, "The NGO has denounced journalist detentions in Venezuela.")
    assert ("The NGO", "Venezuela", "svo") in got


@pytest.mark.issue(11)
def test_finder_the_city_talks_are_held_in_is_no_party_to_them(coder) -> None:
    got = candidates(coder, "The Russian foreign minister held talks in Jerusalem with the Israeli prime minister on "
                            "Monday.")
    assert got == {("The Russian foreign minister", "the Israeli prime minister", "svo")}


@pytest.mark.issue(11)
def test_finder_an_accord_reached_by_several_parties_pairs_each_with_each(coder) -> None:
    got = candidates(coder, "The talks came a month after the accord reached by the United States, Japan and Canada.")
    names = ("the United States", "Japan", "Canada")
    assert got == {(a, b, "coordination") for a in names for b in names if a != b}


@pytest.mark.issue(11)
def test_finder_a_demand_addresses_the_subject_of_its_clause(coder) -> None:
    got = candidates(coder, "The European Union demanded on Monday that Israel ease restrictions on Palestinian "
                            "workers.")
    assert ("The European Union", "Israel", "svo") in got
    assert ("The European Union", "Palestinian workers", "svo") not in got


@pytest.mark.parametrize("text,expected", [
    # the place of a meeting is no party; a meeting is the act of both sides
    ("The generals met opposition leaders in Caracas on Tuesday.",
     {("VENMIL", "VENOPP", "CONSULT"), ("VENOPP", "VENMIL", "CONSULT")}),
    # the agency that reported an act is no party to it
    ("Iranian forces smashed four Iraqi brigades, the Iranian news agency IRNA said.",
     {("IRNMIL", "IRQMIL", "ASSAULT")}),
    # the content of a demand is not an act that happened
    ("The European Union demanded on Monday that Israel ease restrictions on Palestinian workers.",
     {("IGOEUREEC", "ISR", "REQUEST")}),
])
@pytest.mark.issue(11)
def test_coder_codes_each_act_once_and_nothing_else(coder, text: str, expected: set) -> None:
    assert events(coder, text) == expected


@pytest.mark.issue(11)
def test_coder_gives_each_clause_its_own_actors_at_any_confidence(coder_all) -> None:
    # South Korea pledges nothing to Manila, whatever the threshold; mending ties is both sides' act
    # (demo_articles.jsonl marks it; the classifier rates the pair near 0.5, so the default may print one side);
    # Tokyo's pledge is an intent to give aid (CAMEO 033, AGREE), not aid given
    assert events(coder_all, "Japan and South Korea mend ties as Tokyo pledges aid to Manila.") == {
        ("JPNGOV", "PHLGOV", "AGREE"), ("JPN", "KOR", "SUPPORT"), ("KOR", "JPN", "SUPPORT")}


@pytest.mark.parametrize("text,expected", [
    # a pledge of aid is an intent to give it (CAMEO 033, AGREE), also where the parse takes a headline's
    # verb for a noun ("Washington promises aid" as one noun phrase); aid sent is aid given
    ("Washington promises aid to Kabul", {("USAGOV", "AFGGOV", "AGREE")}),
    ("Germany sent aid to Ukraine.", {("DEU", "UKR", "AID")}),
    # courting a party is an overture, an intent to cooperate (03x), not cooperation done (05x)
    ("Ankara courts Cairo after years of rivalry", {("TURGOV", "EGYGOV", "AGREE")}),
    ("Turkey is courting Egypt with promises of investment.", {("TUR", "EGY", "AGREE")}),
    # warning shots are a show of force (15x, MOBILIZE), not an attack; shots fired at soldiers are one
    ("Indian troops fired warning shots at Chinese soldiers on the disputed border.",
     {("INDMIL", "CHNMIL", "MOBILIZE")}),
    ("Indian troops fired shots at Chinese soldiers on the disputed border.", {("INDMIL", "CHNMIL", "ASSAULT")}),
    # an accord signed with a party is signed by both, also when it comes in a set or a package
    ("Kazakhstan signed a set of energy agreements with Turkey on Friday.",
     {("KAZ", "TUR", "SUPPORT"), ("TUR", "KAZ", "SUPPORT")}),
])
@pytest.mark.issue(11)
def test_coder_codes_intents_shows_of_force_and_signings_as_a_careful_reader_would(coder, text: str,
                                                                                   expected: set) -> None:
    assert events(coder, text) == expected


@pytest.mark.issue(11)
def test_coder_codes_a_pledge_the_parse_reads_as_a_noun_as_an_intent_to_give_aid(coder_all) -> None:
    # "Berlin pledges aid to Kyiv" parsed as "pledges" (a noun) aiding Kyiv: the lexicon's pledge of aid (033)
    # and the project's headline sentences (training/synthetic/agree.jsonl) make it an intent, never aid given
    assert events(coder_all, "Berlin pledges aid to Kyiv as winter nears") == {("DEUGOV", "UKRGOV", "AGREE")}


@pytest.mark.issue(11)
def test_finder_coordinated_subjects_of_any_verb_are_paired_for_the_classifier(coder) -> None:
    got = candidates(coder, "The United States and Japan remain at odds over rice imports.")
    assert {("The United States", "Japan", "pair"), ("Japan", "The United States", "pair")} <= got


@pytest.mark.issue(11)
def test_finder_a_scene_preposition_names_no_party_of_an_accord(coder) -> None:
    got = candidates(coder, "Under the Paris accords, the United States, Britain and Japan agreed to stabilize "
                            "exchange rates.")
    names = ("the United States", "Britain", "Japan")
    assert got == {(a, b, "coordination") for a in names for b in names if a != b}


@pytest.mark.issue(11)
def test_finder_a_demand_answered_pairs_its_owner_with_who_answers_it(coder) -> None:
    got = candidates(coder, "Sudan has rejected a demand by the International Monetary Fund for a devaluation.")
    assert ("the International Monetary Fund", "Sudan", "nominal") in got
    # rejecting the IMF's demand answers the IMF: the demand's owner is the verb's own target
    assert ("Sudan", "the International Monetary Fund", "svo") in got


@pytest.mark.issue(11)
def test_finder_talks_at_which_something_is_offered_were_held(coder) -> None:
    got = candidates(coder, "The United States offered a draft treaty at talks with the Soviet Union in Geneva.")
    assert ("The United States", "the Soviet Union", "nominal") in got
    assert not any(t == "Geneva" for _, t, _ in got)


@pytest.mark.issue(11)
def test_finder_an_occasion_under_a_locative_preposition_is_not_a_place(coder) -> None:
    got = candidates(coder, "Brazil suspended payments in retaliation for Argentina's import curbs.")
    assert ("Brazil", "Argentina", "pair") in got
    assert ("Brazil", "Argentina", "pair") not in candidates(
        coder, "Brazil suspended payments in the capital of Argentina.")


@pytest.mark.issue(11)
def test_threat_code_force_or_sanctions_in_a_warning_or_on_a_condition(coder) -> None:
    from greatgame.events.modality import threat_code

    def code(text: str, verb: str, cameo: str) -> str | None:
        sdoc = coder.nlp(text)
        trig = next(t for t in sdoc if t.text == verb)
        return threat_code(trig, cameo, cameo[:2])

    assert code("Yeutter warned that the United States would impose tariffs on Japan.", "impose", "163") == "1312"
    assert code("Iraq said it would strike Iranian terminals if Tehran kept up its offensive.", "strike",
                "190") == "138"
    assert code("The United States will impose tariffs on Japan next month.", "impose", "163") is None
    assert code("Turkey could impose sanctions on Syria if the attacks continue.", "impose", "163") is None
    assert code("Yeutter warned that the United States would meet Japan.", "meet", "040") is None


@pytest.mark.issue(11)
def test_coder_talks_agreed_for_a_date_are_agreed_now_and_held_then(coder_all) -> None:
    # conventions.md: talks planned with a date or a concrete trip are CONSULT, future, both ways (required);
    # agreeing to them is AGREE (036), asserted, both ways (one side's talks sit near the default threshold,
    # so the set is asserted at every confidence)
    got = {(e.source.code, e.target.code, e.plover, e.modality)
           for e in coded(coder_all, "Iran and Oman agreed to hold another round of talks in Muscat next month.")}
    assert got == {("IRN", "OMN", "AGREE", "asserted"), ("OMN", "IRN", "AGREE", "asserted"),
                   ("IRN", "OMN", "CONSULT", "future"), ("OMN", "IRN", "CONSULT", "future")}
