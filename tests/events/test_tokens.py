"""Issue 11, speed: the event finders share one pass over a sentence's tokens (events/tokens.py)."""

from __future__ import annotations

import pytest

from greatgame.events.tokens import sentence_tokens


@pytest.mark.issue(11)
def test_sentence_tokens_groups_by_part_of_speech_in_text_order(coder) -> None:
    doc = coder.nlp("Iran attacked the tanker and Iraq condemned the attacks on its ships.")
    st = sentence_tokens(doc)
    assert [t.i for t in st.all] == list(range(len(doc)))
    assert [t.text for t in st.nouns] == [t.text for t in doc if t.pos_ == "NOUN"]
    assert [t.text for t in st.nouns_propn] == [t.text for t in doc if t.pos_ in ("NOUN", "PROPN")]
    assert [t.text for t in st.verbs] == [t.text for t in doc if t.pos_ == "VERB"]
    assert [t.text for t in st.verbs_aux] == [t.text for t in doc if t.pos_ in ("VERB", "AUX")]
    assert "attacks" in [t.text for t in st.nouns] and "attacked" in [t.text for t in st.verbs]
    assert "Iran" not in [t.text for t in st.nouns] and "Iran" in [t.text for t in st.nouns_propn]


@pytest.mark.issue(11)
def test_sentence_tokens_are_built_once_per_sentence(coder) -> None:
    first, second = coder.nlp("Iran attacked Iraq."), coder.nlp("Japan met China.")
    st = sentence_tokens(first)
    assert sentence_tokens(first) is st  # the same sentence again: no second pass
    other = sentence_tokens(second)
    assert other is not st and [t.text for t in other.all] == ["Japan", "met", "China", "."]
    assert [t.text for t in sentence_tokens(first).all] == ["Iran", "attacked", "Iraq", "."]
