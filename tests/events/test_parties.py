"""Issue 11, precision: who is a party to an act. Project-written sentences; exact candidate and event sets.

A nationality word on goods or weapons, the target of an act someone else owns, the source of a report,
the content of a vetoed resolution and a currency are no parties; an act that did not happen is not
printed by default; talks one leaves for are still to come.
"""

from __future__ import annotations

import finder
import pytest

DATE = "1987-10-20"


def candidates(coder, text: str) -> set[tuple[str, str]]:
    """(source words, target words) of every candidate pair the finder proposes, fallback included."""
    return {(c.source.mention.text, c.target.mention.text) for c in finder.proposed(coder, text, DATE)}


def coded(coder, text: str) -> list:
    return finder.coded(coder, text, DATE)


def events(coder, text: str) -> set[tuple[str | None, str | None, str | None]]:
    return {(e.source.code, e.target.code, e.plover) for e in coded(coder, text)}


@pytest.mark.issue(11)
def test_a_nationality_word_on_goods_is_no_party(coder) -> None:
    assert candidates(coder, "Pakistan has equipped its army with modern Chinese missiles.") == set()
    assert candidates(coder, "The army has been considering buying British missiles.") == set()
    assert events(coder, "Pakistan has equipped its army with modern Chinese missiles.") == set()


@pytest.mark.issue(11)
def test_a_nationality_word_on_weapons_hit_or_on_a_ship_is_its_state(coder) -> None:
    # force against a state's jets is force against it; what is done to a ship is done to its flag state
    assert candidates(coder, "Iranian gunners shot down an Iraqi jet near the border.") == {("Iranian", "Iraqi")}
    assert candidates(coder, "The U.S. Navy escorted a Kuwaiti tanker through the strait.") == {
        ("The U.S. Navy", "Kuwaiti")}
    assert events(coder, "Iranian gunboats attacked a Kuwaiti tanker near the strait.") == {
        ("IRNMIL", "KWT", "ASSAULT")}


@pytest.mark.issue(11)
def test_a_currency_is_no_party(coder) -> None:
    got = candidates(coder, "Brazil last month suspended interest payments on its 68 billion U.S. dlr debt.")
    assert not any("U.S." in s or "U.S." in t for s, t in got)


@pytest.mark.issue(11)
def test_backing_an_act_answers_its_owner_not_its_target(coder) -> None:
    text = "The Senate backed President Reagan's retaliatory strike against Iranian targets."
    # the Senate backs Reagan; the strike is Reagan's, against Iran; Reagan did nothing to the Senate
    assert candidates(coder, text) == {("The Senate", "President Reagan"), ("President Reagan", "Iranian")}
    assert events(coder, text) == {("USALEG", "USAGOV", "SUPPORT"), ("USAGOV", "IRN", "ASSAULT")}


@pytest.mark.issue(11)
def test_condemning_an_act_accuses_its_owner_and_the_act_is_its_own(coder) -> None:
    for text in ("Syria condemned Iraq's attack on Iran.", "Iraq's attack on Iran was condemned by Syria."):
        assert candidates(coder, text) == {("Syria", "Iraq"), ("Iraq", "Iran")}, text
        assert events(coder, text) == {("SYR", "IRQ", "ACCUSE"), ("IRQ", "IRN", "ASSAULT")}, text


@pytest.mark.issue(11)
def test_the_source_of_a_report_is_no_party(coder) -> None:
    for text in ("According to Western diplomats, Iraq attacked Iranian positions.",
                 "Iraq attacked Iranian positions, according to Western diplomats in Baghdad."):
        assert candidates(coder, text) == {("Iraq", "Iranian")}, text


@pytest.mark.issue(11)
def test_the_content_of_a_vetoed_resolution_is_nobodys_act(coder) -> None:
    got = candidates(coder, "The United States and Britain vetoed a Security Council resolution to impose "
                            "sanctions against South Africa.")
    assert not any(t == "South Africa" for _, t in got)
    assert ("The United States", "Security Council") in got


@pytest.mark.issue(11)
def test_an_act_that_did_not_happen_is_negated_and_kept_only_with_all(coder, coder_all) -> None:
    for text in ("Washington did not seek a military confrontation with Moscow.",
                 "Washington sought no confrontation with Moscow."):
        assert events(coder, text) == set(), text
        kept = coded(coder_all, text)
        assert kept and all(e.modality == "negated" and e.negated for e in kept), text


@pytest.mark.issue(11)
def test_talks_one_leaves_for_are_future(coder) -> None:
    evs = coded(coder, "The Brazilian finance minister left for talks with the IMF.")
    assert {(e.source.code, e.target.code, e.plover) for e in evs} == {
        ("BRAGOV", "IGOBUSIMF", "CONSULT"), ("IGOBUSIMF", "BRAGOV", "CONSULT")}
    assert {e.modality for e in evs} == {"future"}
    # talks under way are not
    held = coded(coder, "The Brazilian finance minister held talks with the IMF.")
    assert held and {e.modality for e in held} == {"asserted"}


@pytest.mark.issue(11)
def test_an_act_named_with_its_doer_is_an_event_of_its_own(coder) -> None:
    text = "The communique reported an attack by Iraqi jets on an Iranian oil terminal."
    assert candidates(coder, text) == {("Iraqi jets", "Iranian")}
    assert events(coder, text) == {("IRQMIL", "IRN", "ASSAULT")}
    # condemning it accuses its doer, not its target
    text = "Iran condemned an attack by Iraqi jets on its oil terminal."
    assert candidates(coder, text) == {("Iran", "Iraqi jets")}
    assert events(coder, text) == {("IRN", "IRQMIL", "ACCUSE")}


@pytest.mark.issue(11)
def test_a_subject_under_attack_is_its_target(coder) -> None:
    assert candidates(coder, "The Iranian positions were under assault from Iraqi warplanes.") == {
        ("Iraqi warplanes", "Iranian")}
    text = "Kuwait, whose shipping has come under repeated attack by Iran, has the support of Saudi Arabia."
    # Iran, inside the relative clause, has nothing to do with Saudi Arabia
    assert candidates(coder, text) == {("Iran", "Kuwait"), ("Kuwait", "Saudi Arabia"), ("Saudi Arabia", "Kuwait")}
    assert ("IRN", "KWT", "ASSAULT") in events(coder, text)


@pytest.mark.issue(11)
def test_the_war_a_party_is_backed_in_is_the_scene(coder) -> None:
    assert candidates(coder, "Kuwait has backed Iraq in the seven-year war against Iran.") == {("Kuwait", "Iraq")}


@pytest.mark.issue(11)
def test_a_meeting_prepared_for_is_not_answered(coder) -> None:
    got = candidates(coder, "The officials met at the offices of the IMF to discuss monetary policy in preparation "
                            "for the IMF's committee meeting.")
    assert got == set()


@pytest.mark.issue(11)
def test_the_two_sides_named_on_talks_meet(coder) -> None:
    text = "U.S.-Soviet arms talks resumed in Geneva on Monday."
    assert candidates(coder, text) == {("U.S.", "Soviet"), ("Soviet", "U.S.")}
    assert events(coder, text) == {("USA", "SUN", "CONSULT"), ("SUN", "USA", "CONSULT")}


@pytest.mark.issue(11)
def test_an_act_a_statement_is_about_keeps_its_own_modality(coder_all) -> None:
    evs = coded(coder_all, "The European Community will not issue a statement on the U.S. attack on Iran.")
    attack = [e for e in evs if (e.source.code, e.target.code) == ("USA", "IRN")]
    assert attack and all(e.modality == "asserted" for e in attack)



@pytest.mark.issue(11)
def test_subjects_acting_together_on_a_third_are_not_paired(coder) -> None:
    got = candidates(coder, "The United States and Britain vetoed a Security Council resolution on Namibia.")
    assert ("The United States", "Britain") not in got and ("Britain", "The United States") not in got
    assert ("The United States", "Security Council") in got and ("Britain", "Security Council") in got


@pytest.mark.issue(11)
def test_a_state_reporting_anothers_attack_accuses_it(coder) -> None:
    # the annotators' convention: the claim accuses the attacker; the attack itself is reported
    assert events(coder, "Iraq said Iranian gunboats attacked a Kuwaiti tanker on Sunday.") == {
        ("IRNMIL", "KWT", "ASSAULT"), ("IRQ", "IRNMIL", "ACCUSE")}
    # a side reporting its own act accuses nobody
    assert events(coder, "The Pentagon said that U.S. warships shelled an Iranian oil platform.") == {
        ("USAMIL", "IRN", "ASSAULT")}


@pytest.mark.issue(11)
def test_a_radio_named_after_a_capital_is_no_party(coder) -> None:
    text = "Tehran radio said Iraqi warplanes had bombed the Iranian city of Dezful."
    assert candidates(coder, text) == {("Iraqi warplanes", "Iranian")}
    assert events(coder, text) == {("IRQMIL", "IRN", "ASSAULT")}


@pytest.mark.issue(11)
def test_a_journalist_or_paper_acted_on_is_a_target_but_no_reporter_is_a_party(coder) -> None:
    assert events(coder, "A Turkish court freed the German journalist on Monday.") == {("TURJUD", "DEUMED", "RETREAT")}
    assert events(coder, "Ukraine denied entry to an Austrian journalist on Friday.") == {("UKR", "AUTMED", "REJECT")}
    # the paper only owns what is denied, and the agency told of what others did
    assert events(coder, "Iran denied a Reuters report that it had attacked a Kuwaiti tanker.") == set()
    assert events(coder, "An Iraqi official told Reuters that Iranian gunboats attacked a Kuwaiti tanker.") == {
        ("IRNMIL", "KWT", "ASSAULT"), ("IRQGOV", "IRNMIL", "ACCUSE")}
