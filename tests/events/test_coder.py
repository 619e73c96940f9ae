"""Coding documents into events: the record, offsets, constructions, negation and modality."""

from __future__ import annotations


import pytest

from finder import proposed

from greatgame.model import MODALITIES, Document, Event


def code(coder, text: str, date: str = "2014-10-21") -> list[Event]:
    res = coder.code(Document(id="t", text=text, date=date))
    assert res.error is None
    return list(res.events)


def triples(events: list[Event]) -> set[tuple[str | None, str | None, str | None]]:
    return {(e.source.country or e.source.code, e.target.country or e.target.code, e.plover) for e in events}


def test_event_record_has_every_field_with_offsets_that_slice_the_text(coder):
    text = "MOSCOW (Reuters) - Russia signed a trade deal with the North Korean Government on Tuesday."
    [ev] = [e for e in code(coder, text) if e.source.code == "RUS"]  # North Korea signed it too
    d = ev.to_dict()
    assert list(d) == ["event_id", "doc_id", "date", "date_precision", "source", "target", "cameo", "cameo_root",
                       "plover", "quad", "goldstein", "negated", "modality", "confidence", "trigger", "sentence",
                       "location"]
    assert d["date_precision"] == "day"
    assert list(d["source"]) == ["text", "start", "end", "code", "country", "sector", "name"]
    assert (d["source"]["code"], d["target"]["code"]) == ("RUS", "PRKGOV")
    for part in ("source", "target", "trigger", "sentence"):
        assert text[d[part]["start"]:d[part]["end"]] == d[part]["text"]
    assert d["target"]["text"] == "the North Korean Government"
    assert d["trigger"]["text"] == "signed"
    assert d["cameo"] == "057" and d["cameo_root"] == "05" and d["quad"] == 1 and d["goldstein"] == 8.0
    assert d["date"] == "2014-10-21"  # Tuesday before the document's Tuesday... is the same day
    assert d["modality"] in MODALITIES and d["negated"] is False
    assert 0.0 < d["confidence"] <= 1.0
    assert ev.event_id in {e.event_id for e in code(coder, text)}  # stable


@pytest.mark.parametrize("text,expected", [
    # subject-verb-object and verb-preposition-object
    # 057 maps to SUPPORT; an accord signed with a party is the act of both
    ("Russia signed a trade deal with North Korea.", {("RUS", "PRK", "SUPPORT"), ("PRK", "RUS", "SUPPORT")}),
    ("The United States imposed sanctions on Iran.", {("USA", "IRN", "COERCE")}),  # 163 maps to COERCE
    # a meeting is the act of both sides; the place of a meeting is no party to it
    ("Japanese officials met with Chinese diplomats in Beijing.",
     {("JPN", "CHN", "CONSULT"), ("CHN", "JPN", "CONSULT")}),
    # passive
    ("Kyiv was attacked by Russian forces.", {("RUS", "UKR", "ASSAULT")}),
    # nominal events
    ("Russia's invasion of Ukraine drew wide condemnation.", {("RUS", "UKR", "ASSAULT")}),
    ("Talks between India and Pakistan resumed.", {("IND", "PAK", "CONSULT"), ("PAK", "IND", "CONSULT")}),
    # coordination: both directions; two targets
    ("Japan and South Korea agreed to share military intelligence.",
     {("JPN", "KOR", "AGREE"), ("KOR", "JPN", "AGREE")}),
    ("Britain condemned Iran and Syria.", {("GBR", "IRN", "ACCUSE"), ("GBR", "SYR", "ACCUSE")}),
    # infinitive chains and participles
    ("France has begun to press Germany to send tanks.", {("FRA", "DEU", "REQUEST")}),
    # embedded reports code the reported event; a state reporting another's attack accuses it (the
    # annotators' convention for the articles gold)
    ("Iraqi officials said Iran attacked Kuwait.", {("IRN", "KWT", "ASSAULT"), ("IRQ", "IRN", "ACCUSE")}),
])
def test_constructions_are_coded(coder, text, expected):
    # exactly these: at the default threshold nothing else is printed
    assert triples(code(coder, text)) == expected


def test_negation_sets_negated_and_modality(coder_all):
    evs = code(coder_all, "Russia did not sign the agreement with Japan.")  # neither side signed it
    assert [(ev.negated, ev.modality) for ev in evs] == [(True, "negated")] * 2


@pytest.mark.issue(11)
def test_events_that_did_not_happen_are_kept_only_with_all(coder, coder_all):
    # what did not happen, or may, is never an event a careful annotator requires: kept only with --all,
    # whatever its confidence, and marked as what it is
    for text, modality in (("Russia did not sign the agreement with Japan.", "negated"),
                           ("Turkey could impose sanctions on Syria if the attacks continue.", "hypothetical")):
        assert code(coder, text) == []
        assert {ev.modality for ev in code(coder_all, text)} == {modality}


@pytest.mark.parametrize("text,modality", [
    ("China will sign a trade agreement with Brazil next month.", "future"),
    ("Turkey could impose sanctions on Syria if the attacks continue.", "hypothetical"),
    ("Russia signed a trade agreement with India.", "asserted"),
])
def test_modality_of_events(coder_all, text, modality):
    evs = code(coder_all, text)
    assert evs and evs[0].modality == modality


def test_analysis_prose_is_coded_with_lower_confidence(coder_all):
    plain = code(coder_all, "Russia criticised China.")[0]
    hedged = code(coder_all, "Russia's criticism of China is probably aimed at winning concessions, analysts say.")
    assert hedged and hedged[0].confidence < plain.confidence


@pytest.mark.issue(11)
@pytest.mark.parametrize("text,date,precision", [
    # a month and day ahead of a story, in a future or hypothetical clause, is the coming date
    ("Japan will meet the United States on March 31.", "1987-03-31", "day"),
    ("The United States would raise tariffs on Japan on April 17.", "1987-04-17", "day"),
    # told as past, the same day is last year's
    ("Iran attacked Iraq on April 17.", "1986-04-17", "day"),
    # "last year" is a year, "last month" a month, "in 1985" a year
    ("Japan signed an accord with China last year.", "1986-01-01", "year"),
    ("Japan met China last month.", "1987-02-01", "month"),
    ("Reagan imposed sanctions on Japan in 1985.", "1985-01-01", "year"),
])
def test_event_dates_have_the_precision_the_text_gives(coder_all, text, date, precision):
    evs = code(coder_all, text, date="1987-03-20")
    assert evs and {(e.date, e.date_precision) for e in evs} == {(date, precision)}


def test_event_dates_resolve_against_the_document_date(coder):
    evs = code(coder, "Iran attacked Iraq yesterday.", date="1987-03-10")
    assert (evs[0].date, evs[0].date_precision) == ("1987-03-09", "day")
    evs = code(coder, "Iran attacked Iraq on March 2.", date="1987-03-10")
    assert (evs[0].date, evs[0].date_precision) == ("1987-03-02", "day")
    # "last week" is known to the month, not the day
    evs = code(coder, "Iran attacked Iraq last week.", date="1987-03-10")
    assert (evs[0].date, evs[0].date_precision) == ("1987-03-01", "month")


SCRAPED = """About Us Masthead Submissions Advertise
Russia Japan China Korea
Russia signed a trade deal with North Korea on Tuesday.
© 2016 Example Review. Iran condemned Israel. All rights reserved.
show comments
"""


def test_code_never_codes_navigation_or_footer_lines(coder):
    evs = code(coder, SCRAPED)
    assert [(e.source.code, e.target.code) for e in evs] == [("RUS", "PRK"), ("PRK", "RUS")]


@pytest.mark.issue(11)
def test_coder_candidates_skip_a_one_party_sentence_but_not_a_dyad_word(coder) -> None:
    # the finder passes over a sentence with one party (speed), but "the two sides" stands for two
    got = {(c.sentence, c.source.mention.code, c.target.mention.code, c.construction) for c in proposed(
        coder, "Russia signed a deal with North Korea. The two sides will meet again. Russia agreed to meet again.")}
    assert got == {(0, "RUS", "PRK", "svo"), (1, "RUS", "PRK", "coordination"), (1, "PRK", "RUS", "coordination"),
                   (1, "RUS", "PRK", "pair"), (1, "PRK", "RUS", "pair")}
