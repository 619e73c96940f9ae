"""Issue 11, precision: candidate pairs that name one party twice are dropped before the classifier.

Each test gives the finder's exact candidate set for a sentence written for the test (what must be
proposed and what must not), or the coder's exact events.
"""

from __future__ import annotations

import pytest

from greatgame.model import Document
from greatgame.nlp import parse_candidates


def candidates(coder, text: str) -> set[tuple[str, str, str]]:
    """(source words, target words, construction) of every candidate pair the finder proposes."""
    doc = Document("t", text, "1987-04-15")
    parsed = parse_candidates(coder.nlp, coder.actors, doc, coder.settings)
    resolved = coder.actors.resolve(parsed, doc)
    return {(" ".join(c.source.mention.text.split()), " ".join(c.target.mention.text.split()), c.construction)
            for _, c in coder.events.candidates(parsed, resolved, with_fallback=True)}


def events(coder, text: str) -> set[tuple[str | None, str | None, str | None]]:
    res = coder.code(Document("t", text, "1987-04-15"))
    assert res.error is None
    return {(e.source.code, e.target.code, e.plover) for e in res.events}


@pytest.mark.parametrize("text,expected", [
    # "Japan" in the minister's phrase is no party of its own
    ("Soviet leader Mikhail Gorbachev met Prime Minister Nakasone of Japan in Moscow.",
     {("Soviet leader Mikhail Gorbachev", "Prime Minister Nakasone of Japan", "svo")}),
    # a title and the name in apposition to it: one party each side, proposed once
    ("The Soviet leader, Mikhail Gorbachev, met Japan's prime minister, Yasuhiro Nakasone, in Moscow.",
     {("The Soviet leader", "Japan's prime minister", "svo")}),
    # the title resolved to another code than the name ("the president" IGOEUREECGOV) is still Delors
    ("West Germany sent a letter to Jacques Delors, the president of the European Commission.",
     {("West Germany", "Jacques Delors", "pair")}),
    # names in a list are people of their own, however the parse hangs them
    ("The Brazilian minister is meeting British Chancellor of the Exchequer Nigel Lawson, Foreign Secretary "
     "Geoffrey Howe and Governor of the Bank of England Robin Leigh-Pemberton.",
     {("The Brazilian minister", p, "svo") for p in (
         "British Chancellor of the Exchequer Nigel Lawson", "Foreign Secretary Geoffrey Howe",
         "Governor of the Bank of England Robin Leigh-Pemberton")}),
])
@pytest.mark.issue(11)
def test_finder_a_title_and_a_name_of_one_person_are_one_party(coder, text: str, expected: set) -> None:
    assert candidates(coder, text) == expected


@pytest.mark.issue(11)
def test_coder_a_meeting_of_two_titled_leaders_is_one_event_each_way(coder) -> None:
    assert events(coder, "Soviet leader Mikhail Gorbachev met Prime Minister Nakasone of Japan in Moscow.") == {
        ("SUNGOV", "JPNGOV", "CONSULT"), ("JPNGOV", "SUNGOV", "CONSULT")}


def coded(coder, text: str) -> set[tuple[str, str | None, str, str | None, str]]:
    """(source words, code, target words, code, construction) of every candidate pair: "the two countries"
    is one phrase for two states, told apart by their codes."""
    doc = Document("t", text, "1987-04-15")
    parsed = parse_candidates(coder.nlp, coder.actors, doc, coder.settings)
    resolved = coder.actors.resolve(parsed, doc)
    return {(c.source.mention.text, c.source.mention.code, c.target.mention.text, c.target.mention.code,
             c.construction) for _, c in coder.events.candidates(parsed, resolved, with_fallback=True)}


@pytest.mark.parametrize("text,expected", [
    # the speaker is one of the two countries: no event of Canada's towards the United States in them
    ("Canada and the United States are at odds over trade. Canadian Foreign Minister Joe Clark said the two "
     "countries must find better ways to settle disputes.",
     {("Canada", "CAN", "the United States", "USA", "pair"), ("the United States", "USA", "Canada", "CAN", "pair"),
      ("the two countries", "CAN", "the two countries", "USA", "pair"),
      ("the two countries", "USA", "the two countries", "CAN", "pair")}),
    # a meeting of the two countries' officials is still the act of both, whichever word names each side
    ("Britain and Japan are at odds over trade. Japan has until the next meeting of senior officials from the "
     "two countries to respond.",
     {("Britain", "GBR", "Japan", "JPN", "pair"), ("Japan", "JPN", "Britain", "GBR", "pair"),
      ("senior officials", "---GOV", "Japan", "JPN", "nominal"),
      ("the two countries", "GBR", "Japan", "JPN", "nominal")}),
])
@pytest.mark.issue(11)
def test_finder_the_two_countries_is_no_party_beside_one_of_them(coder, text: str, expected: set) -> None:
    assert coded(coder, text) == expected


@pytest.mark.issue(11)
def test_actors_who_addresses_the_two_sides_is_not_one_of_them(coder) -> None:
    text = "Iran and Iraq have fought since 1980. Saudi Arabia urged the two sides to end the war."
    assert coded(coder, text) == {
        ("Iran", "IRN", "Iraq", "IRQ", "coordination"), ("Iraq", "IRQ", "Iran", "IRN", "coordination"),
        ("Saudi Arabia", "SAU", "the two sides", "IRN", "svo"), ("Saudi Arabia", "SAU", "the two sides", "IRQ", "svo")}
