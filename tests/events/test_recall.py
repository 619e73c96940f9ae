"""Issue 11, recall: pairs the verb patterns never proposed although both actors were recognised.

Each test gives the finder's exact candidate set for a sentence written for the test (what must be
proposed and what must not); the classifier that judges the candidates is retrained apart from them.
"""

from __future__ import annotations

import pytest

from finder import candidates, coded


@pytest.mark.issue(11)
def test_finder_a_relative_pronoun_subject_is_the_noun_it_hangs_on(coder) -> None:
    text = ("The Kenyan foreign minister, who met Ugandan officials and representatives from the World Bank "
            "on Friday, returned home.")
    assert candidates(coder, text) == {("The Kenyan foreign minister", "Ugandan officials", "relative"),
                                       ("The Kenyan foreign minister", "the World Bank", "relative")}


@pytest.mark.issue(11)
def test_finder_a_relative_pronoun_object_is_the_noun_it_hangs_on(coder) -> None:
    assert candidates(coder, "The Kenyan minister, whom Ugandan officials praised, returned home.") == {
        ("Ugandan officials", "The Kenyan minister", "relative")}


@pytest.mark.issue(11)
def test_finder_a_relative_clause_on_an_apposition_is_the_named_actors(coder) -> None:
    assert candidates(coder, "The OAU, a body which has generally supported Chad, met on Monday.") == {
        ("The OAU", "Chad", "relative")}


@pytest.mark.issue(11)
def test_finder_the_agent_of_a_participle_acts_on_the_noun_it_describes(coder) -> None:
    assert candidates(coder, "Greece protested over Turkish flights blamed by Athens for the incident.") == {
        ("Greece", "Turkish", "svo"), ("Athens", "Turkish", "participle")}


@pytest.mark.parametrize("text,expected", [
    # a journey's owner, or the speaker whose journey it is, towards where it goes; and the place visited
    # hosting the visitor (clausal.py)
    ("The Chilean president said his visit to Beijing had strengthened ties.",
     {("The Chilean president", "Beijing", "journey"), ("Beijing", "The Chilean president", "hosted")}),
    # (a named owner's trip and a flight to a state were the verb patterns' already; kept as they were)
    ("The Mexican envoy's trip to Havana was cancelled.",
     {("The Mexican envoy", "Havana", "nominal"), ("Havana", "The Mexican envoy", "hosted")}),
    # being or travelling somewhere for talks is a visit; the talks name their other side
    ("The Polish delegation was in Moscow for trade talks.",
     {("The Polish delegation", "Moscow", "journey"), ("Moscow", "The Polish delegation", "hosted")}),
    ("The Dutch foreign minister flew to Jakarta for talks with Indonesian leaders.",
     {("The Dutch foreign minister", "Jakarta", "svo"), ("Jakarta", "The Dutch foreign minister", "hosted"),
      ("The Dutch foreign minister", "Indonesian leaders", "nominal")}),
    ("The Japanese trade minister travelled to Seoul and Beijing last week.",
     {("The Japanese trade minister", "Seoul", "svo"), ("The Japanese trade minister", "Beijing", "svo"),
      ("Seoul", "The Japanese trade minister", "hosted"), ("Beijing", "The Japanese trade minister", "hosted")}),
    # being somewhere is no visit to anyone
    ("The Polish delegation was in Moscow on Friday.", set()),
    ("Refugees travelled in Thailand for weeks.", set()),
])
@pytest.mark.issue(11)
def test_finder_a_journey_pairs_the_traveller_with_where_it_goes(coder, text: str, expected: set) -> None:
    assert candidates(coder, text) == expected


@pytest.mark.issue(11)
def test_finder_talks_above_a_preposition_parsed_as_a_verb_are_the_clause_subjects(coder) -> None:
    assert candidates(coder, "Peru reached a deal following six weeks of negotiations with the IMF.") == {
        ("Peru", "the IMF", "nominal")}


@pytest.mark.parametrize("text,expected", [
    # the speaker and the one who would act, towards the party of the condition (the troops Cambodia moves
    # are its own: no target of the moving, events/roles.py)
    ("The Thai prime minister said if Cambodia moved troops to the border, Thailand would respond with force.",
     {("Thailand", "Cambodia", "condition"),
      ("The Thai prime minister", "Cambodia", "condition"), ("The Thai prime minister", "troops", "said_in")}),
    # the one who threatens, towards whoever must act to avert it; the act threatened keeps its target
    ("Venezuela has threatened to cut oil supplies to Guyana unless the Guyanese government withdraws its claim.",
     {("Venezuela", "Guyana", "chain"), ("Venezuela", "the Guyanese government", "condition")}),
    # a condition naming no actor: who announces the act, towards whom it would hit
    ("The envoy echoed the Danish minister, who said if the law passed, Denmark would retaliate by imposing "
     "tariffs on Swedish exports.",
     {("The envoy", "the Danish minister", "svo"), ("Denmark", "Swedish", "svo"),
      ("the Danish minister", "Swedish", "condition")}),
])
@pytest.mark.issue(11)
def test_finder_a_condition_pairs_who_announces_it_with_its_party(coder, text: str, expected: set) -> None:
    assert candidates(coder, text) == expected


@pytest.mark.parametrize("text,expected", [
    # the one quoted speaks; what Turkey did is its own pair
    ("The Greek minister was quoted as saying Turkey had violated Greek airspace.",
     {("Turkey", "Greek", "svo"), ("The Greek minister", "Turkey", "said")}),
    # the agent of a passive in what was said is whom it is about
    ("The Indian government said the attack had been planned by Pakistan.",
     {("The Indian government", "Pakistan", "said")}),
    # the actors a reported subject names through a preposition or a passive participle
    ("The Swedish minister said the pressures for Norway to act were hard to resist.",
     {("The Swedish minister", "Norway", "said")}),
    ("A Dutch official said that bills being considered by the Belgian parliament could trigger retaliation.",
     {("A Dutch official", "the Belgian parliament", "said")}),
    # anyone else named in what was said, for the classifier to judge (a threat, an accusation)
    ("\"We will be prepared to meet any escalation of military action by Libya with stronger countermeasures,\" "
     "the Egyptian minister said.", {("the Egyptian minister", "Libya", "said_in"),
                                     ("We", "Libya", "pair")}),  # the quoted "We" is the minister (issue 12)
])
@pytest.mark.issue(11)
def test_finder_a_speaker_is_paired_with_whom_the_saying_is_about(coder, text: str, expected: set) -> None:
    assert candidates(coder, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Egypt said it would not sign the accord, a position described by Israel as unhelpful.",
     {("Israel", "Egypt", "judged")}),
    ("Spain has proposed cutting the quota to ten pct, a move strongly opposed by Portugal.",
     {("Portugal", "Spain", "judged")}),
])
@pytest.mark.issue(11)
def test_finder_who_judges_a_stance_set_beside_a_clause_judges_its_subject(coder, text: str, expected: set) -> None:
    assert candidates(coder, text) == expected


@pytest.mark.parametrize("text,expected", [
    # the finder's own nominal pattern reads "attack by X" under a subject first; one candidate is kept
    ("Kenya, whose border posts have come under repeated attack by Somali militias, appealed for help.",
     {("Somali militias", "Kenya", "nominal")}),
    # the finder's own pattern reads "from" as the target (the classifier judges it); reach adds the act
    ("Colombian troops were under fire from FARC rebels and ELN guerrillas.",
     {("Colombian troops", "FARC rebels", "svo"), ("Colombian troops", "ELN guerrillas", "svo"),
      ("FARC rebels", "Colombian troops", "undergone"), ("ELN guerrillas", "Colombian troops", "undergone")}),
    ("Qatar's ships have increasingly been the target of Saudi attacks.",
     {("Qatar", "Saudi", "svo"), ("Saudi", "Qatar", "undergone")}),
    # an act undergone from no actor pairs nobody
    ("The plan came under fire from critics.", set()),
])
@pytest.mark.issue(11)
def test_finder_an_act_undergone_is_the_attackers_on_the_subject(coder, text: str, expected: set) -> None:
    assert candidates(coder, text) == expected


def events(coder, text: str) -> set[tuple[str, str, str | None]]:
    return {(" ".join(e.source.text.split()), " ".join(e.target.text.split()), e.plover) for e in coded(coder, text)}


@pytest.mark.issue(11)
def test_coder_keeps_coordinated_actors_of_one_country_apart(coder) -> None:
    # two British ministers met are two parties to two meetings, not two mentions of one act
    text = ("The Chilean president met British Foreign Secretary Geoffrey Howe and Chancellor of the Exchequer "
            "Nigel Lawson in London.")
    ministers = ("British Foreign Secretary Geoffrey Howe", "Chancellor of the Exchequer Nigel Lawson")
    assert events(coder, text) == ({("The Chilean president", m, "CONSULT") for m in ministers}
                                   | {(m, "The Chilean president", "CONSULT") for m in ministers})


@pytest.mark.parametrize("text,expected", [
    # admitting, denying and confirming are saying: the speaker towards the reported clause's subject
    ("Iraq said it had repelled the attack but admitted that Iranian forces had taken the island.",
     {("Iraq", "Iranian forces", "said")}),
    ("Iraq repelled the attack but admitted that Iranian forces had taken the island.",
     {("Iraq", "Iranian forces", "said")}),
    # fearing is no speech: the subject it shares with a clause that is pairs nobody
    ("Iraq repelled the attack but feared that Iranian forces had taken the island.", set()),
])
@pytest.mark.issue(11)
def test_finder_admitting_and_denying_are_speech(coder, text: str, expected: set) -> None:
    assert candidates(coder, text) == expected
