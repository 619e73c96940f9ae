"""The event lexicon: the most specific verb or noun row wins; unknown words find nothing."""

from __future__ import annotations

import pytest

from greatgame.events.lexicon import Lexicon, LexiconHit, load_lexicon
from greatgame.events.ontology import cameo_table


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def test_lexicon_bare_verb(lexicon: Lexicon) -> None:
    assert lexicon.verb("attack", "", [], []) == LexiconHit("190", "attack", 0)


def test_lexicon_object_noun_is_more_specific_than_the_bare_verb(lexicon: Lexicon) -> None:
    # attacking a policy is verbal, not armed
    assert lexicon.verb("attack", "", [], ["policy"]) == LexiconHit("111", "attack <policy>", 2)
    assert lexicon.verb("fire", "", ["at"], ["missile"]) == LexiconHit("194", "fire <missile>", 2)


def test_lexicon_particle_and_preposition(lexicon: Lexicon) -> None:
    assert lexicon.verb("meet", "up", ["with"], []) == LexiconHit("040", "meet up [with]", 3)
    assert lexicon.verb("protest", "", ["to"], []) == LexiconHit("114", "protest [to]", 1)
    assert lexicon.verb("protest", "", ["against"], []) == LexiconHit("141", "protest [against]", 1)
    # a preposition no row has falls back to the bare verb
    assert lexicon.verb("protest", "", ["beside"], []) == LexiconHit("140", "protest", 0)


def test_lexicon_intents_and_shows_of_force_are_not_the_acts_they_announce(lexicon: Lexicon) -> None:
    # courting is an overture (intent to cooperate, 03x), not cooperation done (05x); a warning shot is a show
    # of force (15x), not an attack (19x); the plain shot still is one
    assert lexicon.verb("court", "", [], []) == LexiconHit("030", "court", 0)
    assert lexicon.noun("courtship", ["with"]) == LexiconHit("030", "courtship with", 2)
    assert lexicon.verb("fire", "", ["at"], ["warning-shot", "shot"]) == LexiconHit("150", "fire <warning-shot>", 2)
    assert lexicon.verb("fire", "", ["at"], ["shot"]) == LexiconHit("193", "fire <shot>", 2)
    # a pledge of aid is an intent to give it (033), not aid given (07x)
    assert lexicon.verb("pledge", "", ["to"], ["aid"]) == LexiconHit("033", "pledge <aid>", 2)


def test_lexicon_unknown_words_find_nothing(lexicon: Lexicon) -> None:
    assert lexicon.verb("photosynthesise", "", [], []) is None
    assert lexicon.noun("breakfast", ["with"]) is None
    # lookups are by lemma: an inflected form is not a key
    assert lexicon.verb("attacked", "", [], []) is None


def test_lexicon_event_nouns(lexicon: Lexicon) -> None:
    assert lexicon.noun("talk", ["with"]) == LexiconHit("040", "talk with", 2)
    assert lexicon.noun("invasion", []) == LexiconHit("190", "invasion", 1)


def test_lexicon_rows_only_name_known_cameo_codes(lexicon: Lexicon) -> None:
    codes = cameo_table()
    assert lexicon.verbs and lexicon.nouns
    assert set(lexicon.verbs.values()) <= set(codes) and set(lexicon.nouns.values()) <= set(codes)
    assert {c.kind for c in lexicon.modality} == {"aux", "neg", "adv", "verb", "conj", "phrase"}
