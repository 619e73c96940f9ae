"""Several states named as a group ("European countries", "the Gulf states", "Western allies") are one actor
with no country, a government sector (`---GOV`, as the exhaustive gold codes them), never the story's
country. Only a region names the group: bare "countries" or "industrial countries" stay no actor
(tests/actors/test_context.py)."""

from __future__ import annotations

from greatgame.model import Document
from tests.actor_mentions import mention_rows


def _events(coder, text: str) -> set[tuple[str, str, str | None, str | None]]:
    res = coder.code(Document(id="t", text=text, date="2015-03-02"))
    assert res.error is None
    return {(e.source.text, e.target.text, e.target.code, e.plover) for e in res.events}


def test_state_groups_are_government_actors_of_no_country(coder):
    text = ("Several European countries condemned Iran for the attack. "
            "The Gulf states agreed to lend Iraq two billion dollars. "
            "Japan held talks with East Asian countries on trade.")
    assert mention_rows(coder, text, "2015-03-02", "text", "code", "country", "sector") == [
        ("European countries", "---GOV", None, "GOV"), ("Iran", "IRN", "IRN", None),
        ("The Gulf states", "---GOV", None, "GOV"), ("Iraq", "IRQ", "IRQ", None),
        ("Japan", "JPN", "JPN", None), ("East Asian countries", "---GOV", None, "GOV")]


def test_state_group_is_a_party_to_what_it_does_and_what_is_done_to_it(coder):
    got = _events(coder, "Several European countries condemned Iran for the attack.")
    assert got == {("European countries", "Iran", "IRN", "ACCUSE")}
    got = _events(coder, "Washington urged its Western allies to impose sanctions on Libya.")
    assert ("Washington", "Western allies", "---GOV", "REQUEST") in got


def test_state_group_in_a_story_about_one_state_takes_no_country_from_it(coder):
    text = ("Iraq said on Monday its forces had shelled Iranian positions. "
            "European capitals criticised Iraq over the shelling.")
    rows = mention_rows(coder, text, "2015-03-02", "text", "code")
    assert ("European capitals", "---GOV") in rows
    assert not any(code.startswith("IRQ") for text, code in rows if "capitals" in text)


def test_countries_only_where_something_happens_are_no_party(coder):
    got = _events(coder, "Prices rose in many countries after Iran attacked Iraq.")
    assert got == {("Iran", "Iraq", "IRQ", "ASSAULT")}
