"""Coreference in the document (issue 12): names, titles, descriptions, acronyms and pronouns linked to the
fuller mention they stand for, and what must stay unlinked."""

from __future__ import annotations

import pytest

from actor_mentions import mention_rows

from greatgame.model import Document

pytestmark = pytest.mark.issue(12)


def resolved(coder, text: str, date: str | None = "1987-03-02") -> list[tuple]:
    """(text, code, linked_to, country_from) of every mention, in order."""
    return mention_rows(coder, text, date, "text", "code", "linked_to", "country_from")


FUNARO = "Brazil's Finance Minister Dilson Funaro"


def test_coref_surname_and_mr_link_to_the_last_full_mention(coder):
    text = (f"{FUNARO} met U.S. Treasury Secretary James Baker in Washington on Monday. "
            "Later, Mr. Funaro said Baker had offered support to Brazil.")
    assert resolved(coder, text) == [
        (FUNARO, "BRAGOV", None, None),
        ("U.S. Treasury Secretary James Baker", "USAGOV", None, None),
        ("Funaro", "BRAGOV", (0, 39), None),  # the leader tables name him: his own words give the country
        ("Baker", "USAGOV", (44, 79), "mention"),
        ("Brazil", "BRA", None, None),
    ]


def test_coref_a_hyphenated_given_name_stays_with_its_title_and_the_family_name_links_to_it(coder):
    # the model ends the person at "Chung" (or "Choi Kwang"); the name goes on to its given name, so the
    # title and the name are one mention, and "Chung" later is the family name of "Chung In-yong"
    chung = "South Korea's Finance Minister Chung In-yong"
    text = (f"{chung} will visit U.S. Treasury Secretary James Baker next week. They said Chung would leave "
            "on Monday. Foreign Minister Choi Kwang-soo met Japanese officials.")
    assert resolved(coder, text) == [
        (chung, "KORGOV", None, None),
        ("U.S. Treasury Secretary James Baker", "USAGOV", None, None),
        ("Chung", "KORGOV", (0, 44), "mention"),
        ("Foreign Minister Choi Kwang-soo", "---GOV", None, None),  # two countries in the story: none chosen
        ("Japanese officials", "JPNGOV", None, None),
    ]


def test_coref_a_name_whose_person_has_no_country_is_not_made_a_mention(coder):
    # an invented official the tables do not know (Francisco Gros, who stood here before, now is in them)
    text = (f"{FUNARO}, accompanied by central bank director Carlos Lemos, met French officials. "
            "Funaro and Lemos visited Washington last week.")
    assert resolved(coder, text) == [
        (FUNARO, "BRAGOV", None, None),
        ("central bank director Carlos Lemos", "---GOV", None, None),
        ("French officials", "FRAGOV", None, None),
        ("Funaro", "BRAGOV", (0, 39), None),  # found by the recogniser (leader tables), linked
        ("Washington", "USAGOV", None, None),  # "Lemos": a link to no country would code nothing
    ]


def test_coref_title_links_to_the_last_person_holding_it(coder):
    text = (f"U.K. Chancellor of the Exchequer Nigel Lawson met {FUNARO} in London. "
            "The Chancellor urged Brazil to reach an accord with its creditors.")
    got = resolved(coder, text)
    assert got[0] == ("U.K. Chancellor of the Exchequer Nigel Lawson", "GBRGOV", None, None)
    assert ("The Chancellor", "GBRGOV", (0, 45), "mention") in got


def test_coref_title_does_not_link_to_a_person_with_another_title(coder):
    # (not linked to Funaro; of Brazil only as the country of the story's lead)
    got = resolved(coder, f"{FUNARO} met bankers. The president said Brazil would pay.")
    assert ("The president", "BRAGOV", None, "document") in got


def test_coref_acronym_and_description_link_to_the_body(coder):
    text = ("The Inter-American Development Bank (IADB) lent Mexico 100 mln dlrs. Brazil criticised the IADB. "
            "Venezuela said the Bank had been generous.")
    assert resolved(coder, text) == [
        ("The Inter-American Development Bank", "IGOLAMDEVIDB", None, None),
        ("IADB", "IGOLAMDEVIDB", None, None),
        ("Mexico", "MEX", None, None),
        ("Brazil", "BRA", None, None),
        ("the IADB", "IGOLAMDEVIDB", None, None),
        ("Venezuela", "VEN", None, None),
        ("the Bank", "IGOLAMDEVIDB", (87, 95), None),
    ]


def test_coref_bracketed_acronym_across_a_line_break(coder):
    text = ("Plans for a new European\nCommunity (EC) budget were criticised by Britain. "
            "France urged EC ministers to act, and Britain asked EC to wait.")
    # undated: "EC" alone names the European Community only before the EU (igos.tsv), so here it is linked
    got = resolved(coder, text, date=None)
    ec = [g for g in got if g[0] == "EC"]
    assert ec and all(g[1] == "IGOEUREEC" and g[2] is not None for g in ec), got


def test_coref_pronoun_subject_links_to_the_last_person(coder):
    text = f"{FUNARO} arrived in Paris on Monday. He met French Finance Minister Edouard Balladur."
    assert resolved(coder, text) == [
        (FUNARO, "BRAGOV", None, None),
        ("He", "BRAGOV", (0, 39), "mention"),
        ("French Finance Minister Edouard Balladur", "FRAGOV", None, None),
    ]


def test_coref_pronoun_gender_skips_a_person_of_the_other(coder):
    text = f"Mrs. Thatcher met {FUNARO} in London. She praised Brazil. He thanked Britain."
    got = resolved(coder, text)
    assert ("She", "GBRGOV", (5, 13), "mention") in got
    assert ("He", "BRAGOV", (18, 57), "mention") in got


@pytest.mark.parametrize("text", [
    "He met French Finance Minister Edouard Balladur.",  # nobody before it
    "It is likely that Japan will protest.",  # "it" of no actor
    "Japan's trade surplus grew. It rose by 12 pct, Japanese officials said.",  # "it" of a surplus
])
def test_coref_pronouns_without_a_clear_actor_stay_unlinked(coder, text):
    got = resolved(coder, text)
    assert all(g[0].lower() not in ("he", "it") for g in got), got


def test_coref_reported_it_links_to_the_speaker(coder):
    text = "Washington has previously said it would not agree to a nine billion dlr increase."
    assert resolved(coder, text) == [("Washington", "USAGOV", None, None), ("it", "USAGOV", (0, 10), "mention")]


def test_coref_linked_pronoun_is_the_source_of_an_event_and_says_so(coder):
    text = f"{FUNARO} arrived in Paris on Monday. He met French Finance Minister Edouard Balladur."
    res = coder.code(Document(id="t", text=text, date="1987-03-02"))
    sources = [e.source.to_dict() for e in res.events if e.source.text == "He"]
    assert sources and sources[0] == {"text": "He", "start": 68, "end": 70, "code": "BRAGOV", "country": "BRA",
                                      "sector": "GOV", "name": "Dilson Funaro", "linked_to": [0, 39],
                                      "country_from": "mention"}
    plain = [e.target.to_dict() for e in res.events if e.target.text.startswith("French")]
    assert plain and "linked_to" not in plain[0] and "country_from" not in plain[0]


def test_coref_acronym_of_a_name():
    from greatgame.actors.spans import acronym_of

    assert [acronym_of(n) for n in ("Inter-American Development Bank", "European Community", "Sudan")] == [
        "IADB", "EC", None]


def test_context_dominant_country_needs_a_clear_lead():
    from collections import Counter

    from greatgame.actors.story import dominant_country

    assert dominant_country(Counter({"BRA": 10, "USA": 5, "FRA": 1})) == "BRA"
    assert dominant_country(Counter({"JPN": 10, "USA": 9})) is None  # two countries share the story
    assert dominant_country(Counter({"SUN": 2})) is None  # too few mentions to say


def test_coref_bare_plural_links_to_the_last_body_of_that_kind(coder):
    """ "Officials said ..." after "U.S. officials said ..." are those officials; a story about two countries
    does not make them the other country's."""
    res = coder.code(Document(id="t", text="U.S. officials said Japan must cut its surplus. Officials said Japan "
                              "had promised to act. The officials said Tokyo must move.", date="1987-03-10"))
    got = [(m.text, m.code, m.linked_to) for m in res.mentions]
    assert got == [("U.S. officials", "USAGOV", None), ("Japan", "JPN", None), ("Officials", "USAGOV", (0, 14)),
                   ("Japan", "JPN", None), ("The officials", "USAGOV", (0, 14)), ("Tokyo", "JPNGOV", None)]


def test_coref_it_of_a_sentence_naming_only_a_role_word_links_to_the_state_before(coder):
    # issue 12: the second sentence names no actor of the tables; its "it" still stands for Sudan
    text = ("In February 1985, Sudan announced a devaluation of its pound. "
            "Since then, it has resisted pressure from creditors for more adjustments.")
    got = resolved(coder, text)
    assert ("it", "SDN", (18, 23), "mention") in got, got


def test_coref_a_modified_plural_does_not_link_to_the_last_of_its_head(coder):
    # issue 12: "creditor banks" are not the "Argentine banks" named before
    text = ("Argentine banks lent more to exporters. Argentina met the creditor banks in New York on Monday.")
    got = resolved(coder, text)
    assert [g for g in got if g[0] == "banks" or g[0].endswith("creditor banks")][0][1] == "---BUS", got


@pytest.mark.parametrize("text,expected", [
    # issue 12: "I" and "we" of a quote are its speaker, when the speaker is named before it
    ('Prime Minister Yasuhiro Nakasone told reporters: "I will ask Reagan to lift the sanctions."',
     ("I", "JPNGOV", (0, 32), "mention")),
    ('U.S. Defense Secretary Caspar Weinberger said, "We are prepared for whatever comes from Iran."',
     ("We", "USAGOV", (0, 40), "mention")),
])
def test_coref_first_person_of_a_quote_links_to_its_speaker(coder, text, expected):
    assert expected in resolved(coder, text)


def test_coref_first_person_outside_a_quote_stays_unlinked(coder):
    assert all(g[0] != "we" for g in resolved(coder, "Japan said we should trade more with China."))


def test_coref_a_plural_description_does_not_link_to_a_singular_body(coder):
    # issue 12: "the banks" a delegate told are the creditors, not "the Mexican central bank" named before
    text = ("Angel Gurria, an official of the Mexican central bank, met creditors in New York. "
            "Gurria told the banks that the government was preparing a new offer.")
    got = resolved(coder, text)
    banks = [g for g in got if g[0] == "the banks"]
    assert banks == [("the banks", "---BUS", None, None)], got


def test_coref_a_creditor_banks_committee_is_no_state_s_and_the_committee_is_it(coder):
    # issue 12: a state's bank advisory committee is made of the banks it owes, of many countries; "the
    # committee" later is that committee
    text = ("Peru's 12-bank advisory committee rejected the proposal on Tuesday. "
            "Finance Minister Luis Alva Castro said Peru would meet the committee again next week.")
    got = resolved(coder, text)
    assert got[0] == ("Peru's 12-bank advisory committee", "---BUS", None, None), got
    assert ("the committee", "---BUS", (0, 33), None) in got, got


def test_coref_a_body_noun_before_a_line_break_still_links(coder):
    # issue 12: wire copy breaks lines anywhere; "the committee\n" is still the bare body noun
    text = ("Peru's 12-bank advisory committee rejected the proposal on Tuesday. U.S. banks hold half the seats "
            "on the committee\nwhile holding a third of Peru's debt.")
    got = resolved(coder, text)
    assert ("the committee", "---BUS", (0, 33), None) in got, got


def test_coref_the_committee_in_a_sentence_naming_no_other_actor_is_parsed_and_linked(coder):
    # issue 12: the pre-filter keeps the sentence of "the committee" once a committee has been named
    text = "Peru's 12-bank advisory committee rejected the proposal on Tuesday. Later the committee agreed to meet."
    got = resolved(coder, text)
    assert ("the committee", "---BUS", (0, 33), None) in got, got


def test_coref_surname_opening_a_sentence_tagged_a_noun(coder):
    # the tagger takes a sentence-initial 'Verhofstadt' for a common noun; it is still his surname
    text = ("Belgian Research Minister Guy Verhofstadt met British officials.\n"
            "Verhofstadt, who chaired the lengthy meeting, said he had given Britain a week.")
    res = coder.code(Document(id="t", text=text, date="1987-05-01"))
    assert [(m.text, m.code, m.country_from) for m in res.mentions] == [
        ("Belgian Research Minister Guy Verhofstadt", "BELGOV", None), ("British officials", "GBRGOV", None),
        ("Verhofstadt", "BELGOV", "mention"), ("he", "BELGOV", "mention"), ("Britain", "GBR", None)]


@pytest.mark.parametrize("text,expected", [
    ("Argentina froze wages and prices. Argentine officials said the country needed a serene climate.",
     [("Argentina", "ARG", None), ("Argentine officials", "ARGGOV", None), ("the country", "ARG", "mention")]),
    # "his country": the last named state of the person's country, not the last state named
    ("Bankers met Argentina and Brazil. Argentine Treasury Secretary Mario Brodersohn presented his country's "
     "request for new loans.",
     [("Bankers", "---BUS", None), ("Argentina", "ARG", None), ("Brazil", "BRA", None),
      ("Argentine Treasury Secretary Mario Brodersohn", "ARGGOV", None), ("his country", "ARG", "mention")]),
    # a place, and any country, are no state's mention
    ("Libya built an airfield in Chad. Libyan troops guard the airfield in the country.",
     [("Libya", "LBY", None), ("Libyan troops", "LBYMIL", None)]),
    ("Kuwait asked Britain to escort its tankers. The transfers would allow the country of registration to "
     "escort them.", [("Kuwait", "KWT", None), ("Britain", "GBR", None)]),
])
def test_coref_the_country_is_the_state_last_named(coder, text, expected):
    res = coder.code(Document(id="t", text=text, date="1987-05-01"))
    assert [(m.text, m.code, m.country_from) for m in res.mentions] == expected


@pytest.mark.issue(12)
def test_coref_he_reaches_past_quotes_that_name_no_one(coder):
    # three sentences of quotes name no actor: "He" still stands for Yeutter, named four sentences back
    text = ("Trade Representative Clayton Yeutter said Japan would face tariffs. Yeutter told reporters the talks "
            "had failed. \"It would be hard to prove compliance,\" he said. \"We must listen to our partners,\" he "
            "added. \"Nothing is certain,\" he said. He said Japan would decide how long the sanctions last.")
    assert resolved(coder, text, "1987-04-02") == [
        ("Trade Representative Clayton Yeutter", "USAGOV", None, None), ("Japan", "JPN", None, None),
        ("He", "USAGOV", (0, 36), "mention"), ("Japan", "JPN", None, None)]


@pytest.mark.issue(12)
@pytest.mark.parametrize("text,expected", [
    # a quote that goes on in the next sentence: its "I" is the one quoted just before
    ('Commerce Secretary Malcolm Baldrige arrived in Tokyo on Monday. "We have been clear about our trade '
     'problems," he told a news conference in Hong Kong. "I hope Nakasone brings answers."',
     [("Commerce Secretary Malcolm Baldrige", "USAGOV", None, None),
      ("We", "USAGOV", (0, 35), "mention"),  # the speaker named after the quote
      ("he", "USAGOV", (0, 35), "mention"),
      ("I", "USAGOV", (0, 35), "mention"), ("Nakasone", "JPNGOV", None, None)]),
    # outside a quote, "I" is the writer's
    ("Commerce Secretary Malcolm Baldrige arrived in Tokyo on Monday. He spoke in Hong Kong. I hope Nakasone "
     "brings answers.",
     [("Commerce Secretary Malcolm Baldrige", "USAGOV", None, None), ("He", "USAGOV", (0, 35), "mention"),
      ("Nakasone", "JPNGOV", None, None)]),
])
def test_coref_first_person_of_a_quote_that_goes_on(coder, text, expected):
    assert resolved(coder, text, "1987-04-20") == expected


@pytest.mark.issue(12)
@pytest.mark.parametrize("text,expected", [
    # the story's own state (its lead's), though another state is named in the same sentence
    ("King Fahd of Saudi Arabia began a visit to Britain on Tuesday. Britain sold arms to the kingdom last year.",
     [("King Fahd of Saudi Arabia", "SAUGOV", None, None), ("Saudi Arabia", "SAU", None, None),
      ("Britain", "GBR", None, None), ("Britain", "GBR", None, None), ("the kingdom", "SAU", (13, 25), "mention")]),
    # a lead state that is no kingdom: the last kingdom named
    ("France signed a trade pact with Morocco on Monday. French officials said the kingdom would buy ten airliners.",
     [("France", "FRA", None, None), ("Morocco", "MAR", None, None), ("French officials", "FRAGOV", None, None),
      ("the kingdom", "MAR", (32, 39), "mention")]),
    # "the island nation"; "a kingdom", "in the kingdom" (a place) are no state's mention
    ("President Corazon Aquino of the Philippines met Japanese officials. Japan will lend the island nation 100 "
     "mln dlrs. Japan has a kingdom of trade. Japanese banks in the republic will lend more.",
     [("President Corazon Aquino of the Philippines", "PHLGOV", None, None), ("the Philippines", "PHL", None, None),
      ("Japanese officials", "JPNGOV", None, None), ("Japan", "JPN", None, None),
      ("the island nation", "PHL", (28, 43), "mention"), ("Japan", "JPN", None, None),
      ("Japanese banks", "JPNBUS", None, None)]),
])
def test_coref_the_kingdom_is_the_state_the_story_is_about(coder, text, expected):
    assert resolved(coder, text, "1987-05-01") == expected


@pytest.mark.issue(12)
@pytest.mark.parametrize("text,expected", [
    # "the report" speaks for the author of the story's first report, not for a publication named after it
    ("A confidential World Bank report on the Peruvian economy criticised the government. The report, published "
     "by a monthly, the Peru Report, said inflation would rise. Officials did not comment on the report.",
     [("World Bank", "IGOUNODEVWBK", None, None), ("Peruvian", "PER", None, None),
      ("the government", "---GOV", None, None), ("The report", "IGOUNODEVWBK", (15, 25), None),
      ("Peru", "PER", None, None), ("Officials", "---GOV", None, None),
      ("the report", "IGOUNODEVWBK", (15, 25), None)]),
    # "a statement by" names its author too; a report no actor wrote stands for no one
    ("A statement by the Iranian Army said Iraq had been defeated. The statement said Iran would fight on. "
     "Analysts wrote a report on Iraq. The study was criticised by Iraq.",
     [("the Iranian Army", "IRNMIL", None, None), ("Iraq", "IRQ", None, None),
      ("The statement", "IRNMIL", (15, 31), "mention"), ("Iran", "IRN", None, None), ("Iraq", "IRQ", None, None),
      ("Iraq", "IRQ", None, None)]),
])
def test_coref_the_report_is_its_author(coder, text, expected):
    assert resolved(coder, text, "1987-05-01") == expected


@pytest.mark.issue(12)
def test_coref_the_island_is_a_place_unless_it_owns(coder):
    text = ("Taiwan cut tariffs on U.S. goods. The United States is the island's largest market. Iranian forces "
            "had taken the island.")
    assert resolved(coder, text, "1987-05-01") == [
        ("Taiwan", "TWN", None, None), ("U.S.", "USA", None, None), ("The United States", "USA", None, None),
        ("the island", "TWN", (0, 6), "mention"), ("Iranian forces", "IRNMIL", None, None)]
