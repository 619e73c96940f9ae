"""The actor dictionary: what each surface form may refer to, and which term of office a date falls in.

The recogniser's phrase matching runs on spaCy's blank English pipeline: no trained model is loaded.
"""

from __future__ import annotations

import pytest
import spacy

from greatgame.actors.dictionary import ActorDictionary, Term, load_dictionary, pick_term
from greatgame.actors.recognize import ActorRecognizer


@pytest.fixture(scope="module")
def dictionary() -> ActorDictionary:
    return load_dictionary()


@pytest.fixture(scope="module")
def recognizer(dictionary: ActorDictionary) -> ActorRecognizer:
    return ActorRecognizer(spacy.blank("en"), dictionary)


def refers(dictionary: ActorDictionary, text: str) -> list[tuple]:
    return [(e.type, e.country, e.sector, e.code, e.kind) for e in dictionary.lookup(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia", [("name", "RUS", None, "RUS", "state")]),
    ("Russian", [("demonym", "RUS", None, "RUS", "state")]),
    ("Moscow", [("capital", "RUS", "GOV", "RUSGOV", "state")]),
    # a seat of government with or without "the"; the Pentagon is the military's
    ("the Kremlin", [("seat", "RUS", "GOV", "RUSGOV", "state")]),
    ("Kremlin", [("seat", "RUS", "GOV", "RUSGOV", "state")]),
    ("the Pentagon", [("seat", "USA", "MIL", "USAMIL", "state")]),
    ("NATO", [("igo", None, "IGO", "IGOWSTNAT", "igo")]),
    # role words have a sector and no country, in any case
    ("foreign minister", [("agent", None, "GOV", None, "person")]),
    ("Foreign Minister", [("agent", None, "GOV", None, "person")]),
    ("the two sides", [("pair", None, None, None, "state")]),
    ("Narnia", []),
])
def test_dictionary_lookup(dictionary: ActorDictionary, text: str, expected: list[tuple]) -> None:
    assert refers(dictionary, text) == expected


def test_dictionary_lookup_folds_line_breaks_and_apostrophes(dictionary: ActorDictionary) -> None:
    assert refers(dictionary, "the\nKremlin") == refers(dictionary, "the  Kremlin") == refers(dictionary, "the Kremlin")
    # news sets apostrophes curly as often as straight: a form written straight is found either way
    straight = [k for k in dictionary.forms if "'" in k]
    def ids(text: str) -> set[int]:
        return {id(e) for e in dictionary.lookup(text)}

    assert straight and all(ids(k) <= ids(k.replace("'", "\u2019")) for k in straight)
    # a country's name is case-sensitive: "turkey" is a bird
    assert dictionary.lookup("turkey") == []


def test_dictionary_leader_terms(dictionary: ActorDictionary) -> None:
    [putin] = dictionary.lookup("Putin")
    [full] = dictionary.lookup("Vladimir Putin")
    assert putin.type == full.type == "leader" and putin.terms == full.terms
    assert {(t.country, t.role, t.start, t.end) for t in putin.terms} >= {
        ("RUS", "head_of_state", "1999-12-31", "2008-05-07"), ("RUS", "head_of_government", "2008-05-08", "2012-05-07"),
        ("RUS", "head_of_state", "2012-05-07", None)}


@pytest.mark.parametrize(("date", "role", "when"), [
    ("2005-06-01", "head_of_state", "current"),
    ("2010-06-01", "head_of_government", "current"),
    ("2020-01-01", "head_of_state", "current"),
    ("1995-01-01", "head_of_government", "before"),  # before every term: the person, not yet the office
    (None, "head_of_state", "current"),  # no date: the latest term
])
def test_leader_term_by_date(dictionary: ActorDictionary, date, role, when) -> None:
    [putin] = dictionary.lookup("Putin")
    term, status = pick_term(putin.terms, date)
    assert (term.role, status) == (role, when)


def test_leader_term_after_the_last_is_former() -> None:
    terms = [Term("A", "RUS", "GOV", "head_of_state", "1991-07-10", "1999-12-31")]
    assert pick_term(terms, "2005-01-01") == (terms[0], "former")
    assert pick_term(terms, "1999-12-31") == (terms[0], "current")


def test_recognizer_candidates_on_a_blank_pipeline(recognizer: ActorRecognizer) -> None:
    doc = spacy.blank("en")("The Kremlin said Russian troops and the foreign minister met NATO in Geneva.")
    found = [doc[s:e].text for s, e in recognizer.candidate_tokens(doc)]
    # a bare role word is no reason to parse a sentence; armed forces are; Geneva is a place, not an actor
    assert sorted(found) == ["Kremlin", "NATO", "Russian", "troops"]


def test_recognizer_candidates_a_role_word_after_a_subject_pronoun(recognizer: ActorRecognizer) -> None:
    # issue 12: "it" may stand for a state named before, and the creditors are its counterpart; a role word
    # with no pronoun before it in its sentence is still no reason to parse
    doc = spacy.blank("en")("Since then, it has resisted pressure from creditors. Banks lent more to exporters.")
    found = [doc[s:e].text for s, e in recognizer.candidate_tokens(doc)]
    assert found == ["creditors"]


@pytest.mark.issue(12)
def test_leader_term_without_a_start_is_not_held_on_any_earlier_date() -> None:
    # a snapshot row that gives only the day a term ended: taken to have begun five years before it
    terms = [Term("A", "ETH", "GOV", "defence_minister", "", "2005-10-31")]
    assert pick_term(terms, "1987-03-01") == (terms[0], "before")
    assert pick_term(terms, "2003-01-01") == (terms[0], "current")
    assert pick_term(terms, "2006-01-01") == (terms[0], "former")
    # with neither date, the term is never held on a date, only taken when the text has none
    undated = [Term("B", "ABW", "GOV", "central_bank_governor", "", None)]
    assert pick_term(undated, "1987-03-01") == (undated[0], "before")
    assert pick_term(undated, None) == (undated[0], "current")
