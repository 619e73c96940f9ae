"""Issue 17: an organisation's or person's name is never an event's place (real spaCy parses)."""

from __future__ import annotations

import pytest
from spacy.matcher import PhraseMatcher
from spacy.util import filter_spans

from greatgame.geo import PlaceCandidate, choose_location, gazetteer, is_place
from greatgame.model import Document


@pytest.fixture(scope="module")
def nlp():
    from greatgame.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="module")
def matcher(nlp):
    m = PhraseMatcher(nlp.vocab, attr="ORTH")
    m.add("PLACE", list(nlp.tokenizer.pipe(gazetteer().forms())))
    return m


def _places(nlp, matcher, text: str) -> dict[str, bool]:
    """Each gazetteer name in the sentence (longest match) and whether it can be a place there."""
    doc = nlp(text)
    return {sp.text: is_place(sp) for sp in filter_spans([doc[s:e] for _, s, e in matcher(doc)])}


@pytest.mark.issue(17)
@pytest.mark.parametrize(("text", "expected"), [
    ("Security Pacific Corp said it would sell the unit to Japan.", {"Pacific": False, "Japan": True}),
    ("Bank of America lent money to Brazil.", {"Brazil": True}),
    ("The Gulf Cooperation Council met in Riyadh.", {"Gulf": False, "Riyadh": True}),
    ("Pacific Telesis said it would buy a stake in a Japanese firm.", {"Pacific": False}),
    ("He spoke at the University of Chicago.", {"Chicago": False}),
    ("Iran attacked a tanker in the Gulf.", {"Iran": True, "the Gulf": True}),
    ("Reagan met Gorbachev in Washington.", {"Washington": True}),
    ("Turkey rejected the 1956 Geneva Convention.", {"Turkey": True, "Geneva": False}),
    ("Iran attacked Iraq on the Gulf War southern front.", {"Iran": True, "Iraq": True, "the Gulf": False}),
    # a people's name beside a place, or a sea tagged as a people, leaves the place a place
    ("Iran said its troops advanced through the rugged mountains of Iraqi Kurdistan.",
     {"Iran": True, "Iraqi Kurdistan": True}),
    ("Papandreou said Turkey must recognise Greek rights in the Aegean.", {"Turkey": True, "the Aegean": True}),
])
def test_geo_a_name_inside_another_name_is_no_place(nlp, matcher, text: str, expected: dict[str, bool]) -> None:
    assert _places(nlp, matcher, text) == expected


@pytest.mark.issue(17)
def test_geo_bank_of_america_is_not_america(nlp) -> None:
    doc = nlp("Bank of America lent money to Brazil.")
    america = next(doc[t.i:t.i + 1] for t in doc if t.text == "America")
    assert not is_place(america)


@pytest.mark.issue(17)
def test_geo_choose_location_skips_the_gulf_of_the_council(nlp, matcher) -> None:
    doc = nlp("The Gulf Cooperation Council met in Riyadh.")
    spans = filter_spans([doc[s:e] for _, s, e in matcher(doc)])
    trigger = next(t.i for t in doc if t.text == "met")
    loc = choose_location([PlaceCandidate(sp, 0) for sp in spans], trigger, [])
    assert loc is not None and (loc.name, loc.country) == ("Riyadh", "SAU")
    # the council's name alone gives no place at all
    gulf = [PlaceCandidate(sp, 0) for sp in spans if sp.text == "Gulf"]
    assert choose_location(gulf, trigger, []) is None


@pytest.mark.issue(17)
def test_geo_coded_event_is_not_located_in_a_company_name(coder) -> None:
    res = coder.code(Document(id="t", date="1987-03-02", text=(
        "Security Pacific Corp accused the Japanese government of blocking its bid. "
        "The Gulf Cooperation Council condemned Iran at a meeting in Riyadh.")))
    names = {ev.location.name for ev in res.events if ev.location is not None}
    assert "Pacific" not in names and "Gulf" not in names
    council = [ev for ev in res.events if ev.source.text.endswith("Gulf Cooperation Council")]
    assert council and all(ev.location is not None and ev.location.name == "Riyadh" for ev in council)
