"""Mentions clustered into real-world events: the rule, and the same events however the work is split."""

import itertools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from greatgame.dedup.cluster import (
    EventMention,
    MentionClusters,
    actor_key,
    cluster_mentions,
    evidence_similarity,
    event_id,
)
from greatgame.model import ActorRef, Event, Span


def mention(mid, *, src="RUSMIL", tgt="UKR", cameo="190", date="2022-03-01", precision="day",
            modality="asserted", confidence=0.7, sentence="Russian forces shelled Kharkiv.",
            publisher="reuters.com", article=None, doc=None):
    return EventMention(
        mention_id=mid, doc_id=doc or f"doc-{mid}", source_actor=src, target_actor=tgt, cameo=cameo,
        cameo_root=cameo[:2], date=date, date_precision=precision if date else None, modality=modality,
        confidence=confidence, sentence=sentence, publisher=publisher, article_id=article or f"doc-{mid}",
    )


def groups(events):
    return sorted(e.mention_ids for e in events)


def test_same_day_same_dyad_same_root_is_one_event():
    ms = [mention("m1", cameo="190"), mention("m2", cameo="195", publisher="apnews.com"), mention("m3")]
    (e,) = cluster_mentions(ms)
    assert (e.num_mentions, e.num_sources, e.num_articles) == (3, 2, 3)
    assert e.cameo == "190"  # the most frequent code
    assert e.mention_ids == ("m1", "m2", "m3") and e.anchor_id == "m1"
    assert e.event_id == event_id(("RUSMIL", "UKR", "19"), "m1")
    d = e.to_dict()
    assert (d["mention_ids"], d["num_sources"], d["date"], d["confidence"]) == \
        (["m1", "m2", "m3"], 2, "2022-03-01", pytest.approx(1 - 0.3 ** 3))


def test_different_root_is_two_events():
    assert groups(cluster_mentions([mention("m1", cameo="190"), mention("m2", cameo="180")])) == \
        [("m1",), ("m2",)]


def test_other_direction_or_other_actor_is_another_event():
    ms = [mention("m1"), mention("m2", src="UKR", tgt="RUSMIL"), mention("m3", src="RUSGOV")]
    assert len(cluster_mentions(ms)) == 3


def test_day_beyond_window_is_two_events():
    ms = [mention("m1", date="2022-03-01"), mention("m2", date="2022-03-02")]
    assert groups(cluster_mentions(ms)) == [("m1",), ("m2",)]
    # A window of 2 days links dates one day apart, and chains: 1st, 2nd, 3rd are one event.
    ms.append(mention("m3", date="2022-03-03"))
    assert groups(cluster_mentions(ms, window_days=2)) == [("m1", "m2", "m3")]
    assert groups(cluster_mentions(ms + [mention("m4", date="2022-03-05")], window_days=2)) == \
        [("m1", "m2", "m3"), ("m4",)]


def test_month_precision_widens_to_the_most_similar_event_of_that_month():
    ms = [
        mention("d1", date="2022-03-01", sentence="Russian forces shelled Kharkiv, killing four."),
        mention("d2", date="2022-03-20", sentence="Russian jets bombed a theatre in Mariupol."),
        mention("w1", date="2022-03-01", precision="month",
                sentence="Last month Russian jets bombed the Mariupol theatre."),
    ]
    assert groups(cluster_mentions(ms)) == [("d1",), ("d2", "w1")]
    (e,) = [e for e in cluster_mentions(ms) if "w1" in e.mention_ids]
    assert (e.date, e.date_precision) == ("2022-03-20", "day")  # dated by its most precise mention


def test_widened_mentions_without_a_day_event_group_by_their_month():
    ms = [mention("w1", date="2022-03-01", precision="month"), mention("w2", date="2022-03-01", precision="month"),
          mention("w3", date="2022-04-01", precision="month"), mention("y1", date="2022-01-01", precision="year")]
    assert groups(cluster_mentions(ms)) == [("w1", "w2"), ("w3",), ("y1",)]


def test_missing_date_joins_a_matching_event_else_the_undated_one():
    ms = [
        mention("d1", date="2022-03-01", sentence="Russian forces shelled Kharkiv overnight, killing four."),
        mention("u1", date=None, sentence="Russian forces shelled Kharkiv overnight, killing four civilians."),
        mention("u2", date=None, sentence="Russia's army fired on a convoy near the border."),
        mention("u3", date=None, sentence="Moscow's troops attacked Ukrainian positions."),
    ]
    assert groups(cluster_mentions(ms)) == [("d1", "u1"), ("u2", "u3")]
    undated = [e for e in cluster_mentions(ms) if e.date is None]
    assert len(undated) == 1


def test_syndicated_copy_adds_a_source_not_an_article():
    original = mention("m1", publisher="reuters.com", article="doc-a", confidence=0.6)
    copy = mention("m2", publisher="yahoo.com", article="doc-a", confidence=0.7)
    (e,) = cluster_mentions([original, copy])
    assert (e.num_mentions, e.num_sources, e.num_articles) == (2, 2, 1)
    # One article counts once in the confidence, at its best mention: no boost from copies.
    assert e.confidence == 0.7
    (e2,) = cluster_mentions([original, copy, mention("m3", publisher="apnews.com", confidence=0.5)])
    assert e2.num_articles == 2
    assert e2.confidence == pytest.approx(1 - 0.3 * 0.5)


def test_codes_and_modality_follow_the_weight_of_mentions():
    ms = [mention("m1", cameo="195", modality="reported", confidence=0.9),
          mention("m2", cameo="190", modality="asserted", confidence=0.6),
          mention("m3", cameo="190", modality="asserted", confidence=0.5),
          mention("m4", cameo="195", modality="reported", confidence=0.3)]
    (e,) = cluster_mentions(ms)
    # Two each: the code with more confidence behind it (195: 1.2 against 190: 1.1) wins.
    assert e.cameo == "195"
    assert e.modality == "reported"


def test_mention_of_event_record_keys_by_actor_level():
    ref = lambda code, country: ActorRef("x", 0, 1, code, country, None, "X")  # noqa: E731
    ev = Event("ev-1", "d1", "2022-03-01", ref("RUSMIL", "RUS"), ref("UKRGOV", "UKR"), "190", "19", "FIGHT",
               4, -10.0, False, "asserted", 0.8, Span("shelled", 0, 7), Span("Russia shelled Ukraine.", 0, 23),
               date_precision=None)
    m = EventMention.of(ev, "reuters.com", "d1")
    assert (m.key, m.date_precision, m.sentence) == (("RUSMIL", "UKRGOV", "19"), "day", "Russia shelled Ukraine.")
    assert EventMention.of(ev, "reuters.com", "d1", level="country").key == ("RUS", "UKR", "19")
    assert actor_key(ActorRef("the Kremlin Spokesman", 0, 1, None, None, None, None)) == "?the kremlin spokesman"


def test_evidence_similarity_ignores_case_and_function_words():
    assert evidence_similarity("The army SHELLED Kharkiv.", "army shelled kharkiv") == 1.0
    assert evidence_similarity("Army shelled Kharkiv.", "Talks opened in Geneva.") == 0.0


MIXED = [
    mention("a1", date="2022-03-01"), mention("a2", date="2022-03-01", publisher="apnews.com"),
    mention("a3", date="2022-03-02"), mention("a4", date="2022-03-01", precision="month",
                                              sentence="Last month Russian forces shelled Kharkiv."),
    mention("a5", date=None, sentence="Russian forces shelled Kharkiv."),
    mention("b1", cameo="042", date="2022-03-01", src="RUSGOV", tgt="CHN", sentence="Putin visited Beijing."),
    mention("b2", cameo="043", date="2022-03-01", src="RUSGOV", tgt="CHN", sentence="Putin met Xi in Beijing."),
    mention("c1", date="2022-03-10", precision="month", sentence="Shelling of Kharkiv went on."),
]


def test_any_arrival_order_gives_the_same_events():
    expected = cluster_mentions(MIXED)
    assert len({tuple(cluster_mentions(p)) for p in itertools.permutations(MIXED[:6])}) == 1
    for seed in range(30):
        order = MIXED[:]
        random.Random(seed).shuffle(order)
        assert cluster_mentions(order) == expected


def test_incremental_batches_and_partitions_give_the_same_events():
    expected = cluster_mentions(MIXED)
    for seed in range(20):
        rng = random.Random(seed)
        order = MIXED[:]
        rng.shuffle(order)
        cuts = sorted(rng.sample(range(1, len(order)), 3))
        parts = [order[i:j] for i, j in zip([0, *cuts], [*cuts, len(order)], strict=True)]
        one = MentionClusters()
        for part in parts:
            one.add(part)
        assert one.events() == expected
        # Each partition clustered on its own, then merged.
        workers = []
        for part in parts:
            w = MentionClusters()
            w.add(part)
            workers.append(w)
        merged = MentionClusters()
        for w in reversed(workers):
            merged.merge(w)
        assert merged.events() == expected


def test_a_bridging_mention_retires_one_id_into_the_other():
    clusters = MentionClusters(window_days=2)
    first = clusters.add([mention("m1", date="2022-03-01"), mention("m3", date="2022-03-03")])
    assert len(first.events) == 2 and first.retired == {}
    ids = {e.anchor_id: e.event_id for e in first.events}
    update = clusters.add([mention("m2", date="2022-03-02")])
    (merged,) = update.events
    assert merged.event_id == ids["m1"]  # the earliest anchor keeps its id
    assert dict(update.retired) == {ids["m3"]: ids["m1"]}
    # Adding the same mention again changes nothing.
    again = clusters.add([mention("m2", date="2022-03-02")])
    assert again.events == (merged,) and again.retired == {}


def test_an_earlier_mention_takes_over_the_id():
    clusters = MentionClusters()
    (old,) = clusters.add([mention("m5", date="2022-03-01")]).events
    update = clusters.add([mention("m0", date="2022-03-01")])
    (new,) = update.events
    assert new.anchor_id == "m0" and dict(update.retired) == {old.event_id: new.event_id}


def test_window_must_be_a_day_or_more():
    with pytest.raises(ValueError, match="dedup_window_days"):
        cluster_mentions([], window_days=0)
    assert cluster_mentions([]) == []


_SENTENCES = ["Russian forces shelled Kharkiv.", "Russia shelled Kharkiv overnight.", "Putin met Xi.",
              "Troops attacked positions near Izium.", "Russia bombed Mariupol."]


@st.composite
def mention_sets(draw):
    n = draw(st.integers(1, 14))
    out = []
    for i in range(n):
        precision = draw(st.sampled_from(["day", "day", "month", "year", None]))
        day = draw(st.integers(1, 6))
        out.append(mention(
            f"m{i:02d}", src=draw(st.sampled_from(["RUSMIL", "RUS"])),
            cameo=draw(st.sampled_from(["190", "195", "042"])),
            date=None if precision is None else f"2022-0{draw(st.integers(1, 3))}-0{day}", precision=precision,
            sentence=draw(st.sampled_from(_SENTENCES)), article=f"art-{draw(st.integers(0, 3))}",
            confidence=draw(st.sampled_from([0.3, 0.5, 0.9]))))
    return out


@settings(max_examples=150, deadline=None)
@given(ms=mention_sets(), window=st.integers(1, 3), data=st.data())
def test_clusters_do_not_depend_on_order_or_batches(ms, window, data):
    expected = cluster_mentions(ms, window_days=window)
    order = data.draw(st.permutations(ms))
    assert cluster_mentions(order, window_days=window) == expected
    cut = data.draw(st.integers(0, len(order)))
    clusters = MentionClusters(window_days=window)
    clusters.add(order[:cut])
    clusters.add(order[cut:])
    assert clusters.events() == expected
    assert sorted(m for e in expected for m in e.mention_ids) == sorted(m.mention_id for m in ms)


def test_settings_refuse_a_bad_window_or_level():
    from greatgame.settings import SettingsError, load_settings

    assert load_settings(dedup_window_days=3).dedup_window_days == 3
    with pytest.raises(SettingsError, match="dedup_window_days"):
        load_settings(dedup_window_days=0)
    with pytest.raises(SettingsError, match="dedup_actor_level"):
        load_settings(dedup_actor_level="agent")
