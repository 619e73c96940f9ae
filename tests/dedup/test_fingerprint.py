"""Near-duplicate articles: a syndicated copy is the same article, a different story is not (issue 13)."""

import itertools
import subprocess
import sys

import pytest

from greatgame.dedup.fingerprint import (
    BANDS,
    NUM_PERM,
    ArticleIndex,
    bands,
    jaccard,
    normalise,
    same_article,
    signature,
)

STORY = (
    "Russian artillery shelled the eastern Ukrainian town of Avdiivka overnight, killing four civilians "
    "and wounding at least a dozen, the regional governor said on Tuesday. The governor said the shelling "
    "began shortly after midnight and lasted nearly three hours, destroying a school and two apartment "
    "blocks near the railway station. Ukraine's foreign ministry summoned the envoy of a neutral state to "
    "protest what it called a deliberate attack on residential areas and asked international monitors to "
    "visit the town. The Russian defence ministry did not comment on the report but said its forces had "
    "struck military targets in the region during the night. Residents said they sheltered in basements "
    "as the explosions shook the town, and emergency crews worked through the morning to clear rubble."
)

# The same story syndicated: another dateline and byline, one sentence edited, a sign-off added.
COPY = (
    "By Olena Kovalenko and Mark Trevelyan\n"
    "KYIV, March 3 (Reuters) - "
    + STORY.replace("killing four civilians", "killing five civilians")
    .replace("a school and two apartment blocks", "a school and three apartment blocks")
    + "\nREUTER"
)

# Same actors, same topic, a different event.
OTHER = (
    "Ukrainian forces struck a Russian ammunition depot near the occupied city of Donetsk on Thursday, "
    "setting off a series of explosions that could be heard across the city, Russian-installed officials "
    "said. The officials said the strike wounded three people and damaged a power line, leaving several "
    "districts without electricity. Ukraine's military said it had destroyed the depot with long-range "
    "missiles and that the attack would weaken Russian artillery in the east. The Russian defence ministry "
    "said its air defences had shot down most of the missiles and accused Kyiv of targeting civilians. "
    "Residents posted videos of the blasts, and emergency crews worked through the night to put out fires."
)


def test_normalise_cuts_dateline_byline_and_signoff():
    assert normalise("WASHINGTON, March 3 (Reuters) - The U.S. said it would act.\nREUTER") == \
        ["the", "u.s", "said", "it", "would", "act"]
    assert normalise("By Jane Smith\nLONDON (AP) -- Troops moved.") == ["troops", "moved"]
    assert normalise("KIEV, Ukraine, Feb. 2 — Troops moved.") == ["troops", "moved"]
    # A sentence with a dash is not a dateline: it is not in capitals.
    assert normalise("Iran said - again - that it won.") == ["iran", "said", "again", "that", "it", "won"]


@pytest.mark.slow  # starts another process: `make test` runs it, `make test-fast` not
def test_signature_is_deterministic_across_processes():
    code = "from greatgame.dedup.fingerprint import signature; import sys; print(signature(sys.argv[1]))"
    out = subprocess.run([sys.executable, "-c", code, STORY], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == str(signature(STORY))
    assert len(signature(STORY)) == NUM_PERM


def test_identical_text_is_the_same_article():
    assert jaccard(signature(STORY), signature(STORY)) == 1.0
    assert same_article(signature(STORY), signature(STORY))


def test_syndicated_copy_is_the_same_article():
    assert same_article(signature(STORY), signature(COPY))


def test_same_topic_different_event_is_not_the_same_article():
    assert jaccard(signature(STORY), signature(OTHER)) < 0.2
    assert not same_article(signature(STORY), signature(OTHER))


def test_bands_are_short_keys_numbered_by_band():
    keys = bands(signature(STORY))
    assert len(keys) == BANDS
    assert [k[:3] for k in keys] == [f"{b:02d}:" for b in range(BANDS)]
    # A copy shares at least one band (so it becomes a candidate); the other story shares none.
    assert set(keys) & set(bands(signature(COPY)))
    assert not set(keys) & set(bands(signature(OTHER)))


def test_article_index_groups_copies_for_any_arrival_order():
    docs = {"a": STORY, "b": COPY, "c": OTHER, "d": COPY.replace("KYIV", "LONDON"), "e": "Short note."}
    results = set()
    for order in itertools.permutations(docs):
        index = ArticleIndex()
        for doc_id in order:
            index.add(doc_id, docs[doc_id])
        results.add(tuple(sorted((k, tuple(v)) for k, v in index.articles().items())))
    assert results == {(("a", ("a", "b", "d")), ("c", ("c",)), ("e", ("e",)))}


def test_article_index_rebuilds_from_persisted_signatures():
    index = ArticleIndex()
    for doc_id, text in (("x2", COPY), ("x1", STORY), ("y", OTHER)):
        index.add(doc_id, text)
    rows = list(index.rows())
    assert len(rows) == 3 * BANDS and rows[0][0] == "x1"
    again = ArticleIndex.from_rows(index.signatures())
    assert again.articles() == index.articles() == {"x1": ["x1", "x2"], "y": ["y"]}
    assert again.add("x3", STORY) == "x1"
