"""Issue 11, precision: roles a sentence does not give (events/roles.py and the finder's argument rules).

Project-written sentences in the shapes of the false positives the articles gold showed: a journey's
place beside talks with someone else, the place a journey leaves, one's own forces moved, a lender
received from, a debt owed or paid, where a weapon was made, who names an act, the act of an accused, the
content of an agreement, what complaints are about, a round of talks named for a place, a bearing from
a place, weapons bought, a body's members. Exact candidate sets (fallback included, so what the
classifier may see); event sets where the finder leaves nothing for the classifier to weigh.
"""

from __future__ import annotations

import finder
import pytest

DATE = "1987-10-20"


def candidates(coder, text: str) -> set[tuple[str, str]]:
    """(source words, target words) of every candidate pair the finder proposes, fallback included."""
    return {(c.source.mention.text, c.target.mention.text) for c in finder.proposed(coder, text, DATE)}


def events(coder, text: str) -> set[tuple[str | None, str | None, str | None]]:
    return {(e.source.code, e.target.code, e.plover) for e in finder.coded(coder, text, DATE)}


@pytest.mark.issue(11)
def test_a_journeys_place_is_no_party_to_talks_with_another(coder) -> None:
    # the talks are with the banks; France is only where they are held
    assert candidates(coder, "The minister flew to France on Monday for talks with creditor banks.") == {
        ("The minister", "banks")}
    assert candidates(coder, "The minister left for France on Monday for talks with creditor banks.") == {
        ("The minister", "banks")}
    # with no other side named, the visit is to the place (as the articles gold codes it)
    assert candidates(coder, "The minister flew to France on Monday for trade talks.") == {
        ("The minister", "France"), ("France", "The minister")}
    assert candidates(coder, "Funaro will visit Britain and France for discussions with governments.") == {
        ("Funaro", "Britain"), ("Funaro", "France"), ("Funaro", "governments"), ("Britain", "Funaro"),
        ("France", "Funaro")}


@pytest.mark.issue(11)
def test_the_place_a_journey_leaves_is_no_party(coder) -> None:
    text = ("The Kenyan finance minister left Washington on Sunday for a tour of Europe and debt talks with officials"
            " in Japan.")
    assert candidates(coder, text) == {("The Kenyan finance minister", "officials")}


@pytest.mark.issue(11)
def test_forces_one_moves_are_no_target(coder) -> None:
    assert candidates(coder, "The Pentagon has moved 18 warships into the Gulf as tension with Iran grows.") == set()
    assert events(coder, "The Pentagon has moved 18 warships into the Gulf as tension with Iran grows.") == set()
    # another state's forces are acted on
    assert candidates(coder, "Iranian gunboats attacked Iraqi troops near the border.") == {
        ("Iranian gunboats", "Iraqi troops")}


@pytest.mark.issue(11)
def test_a_lender_received_from_is_no_target(coder) -> None:
    assert candidates(coder, "Kenya received a loan from the Japanese Export-Import Bank.") == set()
    assert events(coder, "Kenya received a loan from the Japanese Export-Import Bank.") == set()


@pytest.mark.issue(11)
def test_a_debt_owed_or_paid_is_no_act(coder) -> None:
    assert candidates(coder, "Kenya owes Japanese banks about 2 billion dollars.") == set()
    assert candidates(coder, "Brazil has paid interest of 3 billion dollars to its creditor banks.") == set()
    # a payment is no aid: the lexicon codes it as none (the classifier may still weigh it)
    text = "Brazil has paid 3 billion dollars to the International Monetary Fund this year."
    assert candidates(coder, text) == {("Brazil", "the International Monetary Fund")}
    assert events(coder, text) == set()


@pytest.mark.issue(11)
def test_where_a_weapon_was_made_is_no_party(coder) -> None:
    assert candidates(coder, "Iran fired a Chinese-made missile at the tanker.") == set()
    assert candidates(coder, "Pakistan has equipped its army with powerful Chinese Silkworm missiles.") == set()
    # a state's own missiles are its own: it is the party
    assert candidates(coder, "Kuwait said the tanker was hit by an Iran Silkworm missile.") == {("Kuwait", "Iran")}


@pytest.mark.issue(11)
def test_who_names_an_act_is_no_party_to_it(coder) -> None:
    text = "Iraqi jets struck the refinery in what the Pentagon called a serious escalation."
    assert candidates(coder, text) == set()
    assert events(coder, text) == set()


@pytest.mark.issue(11)
def test_the_act_an_accused_is_charged_with_is_not_the_accusers(coder) -> None:
    text = "The United States charged Japan with violating GATT rules."
    assert candidates(coder, text) == {("The United States", "Japan")}
    assert events(coder, text) == {("USA", "JPN", "ACCUSE")}
    assert candidates(coder, "The United States accused Iraq of attacking Kuwait.") == {
        ("The United States", "Iraq")}


@pytest.mark.issue(11)
def test_what_an_agreement_is_to_do_is_no_act_of_its_signers(coder) -> None:
    text = "Britain and Nigeria signed a bilateral agreement to reschedule Nigeria's debt."
    assert candidates(coder, text) == {("Britain", "Nigeria"), ("Nigeria", "Britain")}
    assert events(coder, text) == {("GBR", "NGA", "SUPPORT"), ("NGA", "GBR", "SUPPORT")}


@pytest.mark.issue(11)
def test_what_complaints_are_about_is_no_act_of_who_hears_them(coder) -> None:
    text = "Swiss banks are holding talks with church officials to hear complaints about lending to South Africa."
    assert candidates(coder, text) == {("Swiss banks", "church officials")}


@pytest.mark.issue(11)
def test_a_round_of_talks_named_for_a_place_is_no_party(coder) -> None:
    text = "The ministers are in New Zealand to review world trade since the Uruguay round talks last September."
    assert candidates(coder, text) == {("The ministers", "New Zealand"), ("New Zealand", "The ministers")}
    text = "The ministers met in Geneva to review progress in the Uruguay round of trade talks."
    assert candidates(coder, text) == set()
    text = 'The ministers are in New Zealand to review world trade since the "Uruguay round" talks last September.'
    assert candidates(coder, text) == {("The ministers", "New Zealand"), ("New Zealand", "The ministers")}


@pytest.mark.issue(11)
def test_a_bearing_from_a_place_is_no_party(coder) -> None:
    text = "Four U.S. destroyers attacked the platform about 120 miles east of Bahrain in the central Gulf."
    assert candidates(coder, text) == set()
    assert events(coder, text) == set()
    # a fight beside a bearing still has its sides
    text = "Iranian troops captured strong defences west of the canal in bitter fighting with Iraqi troops."
    assert candidates(coder, text) == {("Iranian troops", "Iraqi troops")}


@pytest.mark.issue(11)
def test_weapons_bought_are_goods_not_forces(coder) -> None:
    text = "Under the deal signed last year, Saudi Arabia agreed to buy 132 warplanes including 72 Tornado fighters."
    assert candidates(coder, text) == set()
    # a company bought is a party to the deal
    assert candidates(coder, "Siemens has agreed to buy Plessey for 2 billion stg.") == {("Siemens", "Plessey")}


@pytest.mark.issue(11)
def test_a_body_and_its_members_are_no_event(coder) -> None:
    text = "The GCC, an alliance which has generally supported Iraq over Iran, comprises Bahrain, Kuwait and Oman."
    assert candidates(coder, text) == {("The GCC", "Iraq")}
