"""Issue 13's aim on the real coder: syndicated copies add sources to events, not events or articles."""

import datetime as dt

import pytest

from greatgame.dedup import ArticleIndex, EventMention, cluster_mentions, document_source
from greatgame.model import Document

STORIES = [
    ("r1", "2022-02-24", "MOSCOW (Reuters) - ",
     "Russia attacked Ukraine on Thursday, striking cities and military bases with missiles and artillery. "
     "Germany condemned the invasion and called for an emergency meeting of NATO allies. "
     "The Ukrainian government said it had cut diplomatic ties with Moscow. "
     "Residents of the capital sheltered in metro stations as air raid sirens sounded through the night."),
    ("r2", "2021-06-16", "GENEVA (Reuters) - ",
     "Russia and the United States agreed on Wednesday to hold talks on strategic stability in Geneva. "
     "The two presidents met for nearly four hours in a lakeside villa. "
     "China welcomed the agreement and urged both sides to reduce their nuclear arsenals. "
     "Officials said the talks would begin within weeks and cover arms control and cyber security."),
    ("r3", "2019-04-25", "VLADIVOSTOK (Reuters) - ",
     "Russia hosted North Korea's leader in Vladivostok on Thursday for his first summit with the Kremlin. "
     "The United States condemned the latest missile launch by North Korea. "
     "Japan protested to Pyongyang through diplomatic channels in Beijing. "
     "The talks lasted several hours and ended without a joint statement, officials said."),
]


def _documents():
    originals, copies = [], []
    for doc_id, date, dateline, body in STORIES:
        originals.append(Document(doc_id, dateline + body + "\nREUTER", date, source="Reuters"))
        place = dateline.split(" (")[0]
        day = dt.date.fromisoformat(date)
        copy = f"By Staff Writers\n{place}, {day:%B} {day.day} (AP) -- {body}"
        copies.append(Document(f"copy-of-{doc_id}", copy, date, source="Yahoo News"))
    return originals, copies


def _events(coder, docs, index):
    mentions = []
    for doc in docs:
        for ev in coder.code(doc).events:
            mentions.append(EventMention.of(ev, document_source(doc), index.article_id(doc.id)))
    return mentions, cluster_mentions(mentions)


def test_syndicated_copies_leave_events_and_articles_and_double_sources(coder):
    originals, copies = _documents()
    index = ArticleIndex()
    for doc in originals + copies:
        index.add(doc.id, doc.text)
    assert index.articles() == {"copy-of-r1": ["copy-of-r1", "r1"], "copy-of-r2": ["copy-of-r2", "r2"],
                                "copy-of-r3": ["copy-of-r3", "r3"]}
    first_mentions, first = _events(coder, originals, index)
    both_mentions, both = _events(coder, originals + copies, index)
    assert len(first) >= 5
    assert len(both_mentions) == 2 * len(first_mentions)
    # The same events, keyed and dated the same; each now reported by two sources in one article.
    def by_key(events):
        return {(e.source_actor, e.target_actor, e.cameo_root, e.date): e for e in events}

    before, after = by_key(first), by_key(both)
    assert len(before) == len(first) and sorted(after) == sorted(before)
    for key, e in before.items():
        assert (after[key].num_mentions, after[key].num_sources, after[key].num_articles) == \
            (2 * e.num_mentions, 2 * e.num_sources, e.num_articles)
        # A copy is no independent evidence: the event is as sure as its surest telling in the one
        # article (a copy's own dateline may move its coding a little), not combined as two reports.
        conf = {m.mention_id: m.confidence for m in both_mentions}
        assert after[key].confidence == pytest.approx(max(conf[i] for i in after[key].mention_ids))
        assert abs(after[key].confidence - e.confidence) < 0.05
