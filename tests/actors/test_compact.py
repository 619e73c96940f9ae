"""Issue 11: a doc without its whitespace tokens (actors/spans.py Compact), so that phrases match across
line breaks; built only where the doc has some."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from greatgame.actors.spans import Compact


@pytest.mark.issue(11)
def test_compact_drops_line_breaks_and_keeps_token_indices(coder) -> None:
    doc = coder.nlp.make_doc("The European\nCommunity  met Japan.")
    c = Compact(doc)
    assert [t.text for t in c.doc] == ["The", "European", "Community", "met", "Japan", "."]
    assert c.keep == [i for i, t in enumerate(doc) if not t.is_space] and len(c.keep) < len(doc)


@pytest.mark.issue(11)
def test_compact_is_the_doc_itself_without_whitespace_tokens(coder) -> None:
    doc = coder.nlp.make_doc("The European Community met Japan.")
    c = Compact(doc)
    assert c.doc is doc and c.keep is None


@pytest.mark.issue(11)
def test_compact_keeps_a_doc_whose_only_space_is_no_break_or_tab(coder) -> None:
    # a no-break space token is whitespace, but the text has no line break, tab or double space: kept whole
    doc = Doc(coder.nlp.vocab, words=["Japan", "\u00a0", "met", "China"], spaces=[False, False, True, False])
    assert [t.is_space for t in doc] == [False, True, False, False]
    c = Compact(doc)
    assert c.doc is doc and c.keep is None
    tabbed = Doc(coder.nlp.vocab, words=["Japan", "\t", "met", "China"], spaces=[False, False, True, False])
    assert Compact(tabbed).keep == [0, 2, 3]


@pytest.mark.issue(11)
def test_state_nouns_are_the_bare_nouns_after_the_first_name(coder) -> None:
    from greatgame.actors.spans import state_nouns

    doc = coder.nlp.make_doc("The country voted. Then Iran said the kingdom and a country and the country agreed.")
    # only after the first hit (Iran, token 5), and only after "the"
    assert state_nouns(doc, [(5, 6)], {"country", "kingdom"}) == [(8, 9), (14, 15)]
    assert state_nouns(doc, [], {"country", "kingdom"}) == []
    assert state_nouns(coder.nlp.make_doc(""), [], {"country"}) == []
