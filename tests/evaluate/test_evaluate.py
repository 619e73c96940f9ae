"""Scoring against gold: exact figures on hand-made predictions, the matching rule, the CLI's shapes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import shared_path
from typer.testing import CliRunner

from greatgame.cli import app, eval_cmd
from greatgame.cli.common import EXIT_FATAL, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE
from greatgame.evaluate import (
    NONE,
    STATEMENT,
    GoldActor,
    GoldEvent,
    GoldRecord,
    Outcome,
    code_matches,
    evaluate,
    format_report,
    gold_labels,
    gold_quad,
    match_event,
    overlaps,
    predicted_label,
    read_gold,
    read_pair_requests,
    reliability,
    score,
)
from greatgame.events.ontology import cameo_table
from greatgame.model import ActorRef, Document, Event, Span
from greatgame.pipeline import DocResult, PairLabel

runner = CliRunner()


# --- builders ------------------------------------------------------------------------------------

def gold(plover: list[str] | None = None, cameo: str | None = None, quad: int | None = None,
         src: tuple[int, int] = (0, 5), tgt: tuple[int, int] = (10, 15)) -> GoldEvent:
    return GoldEvent(GoldActor("s", (src,)), GoldActor("t", (tgt,)), tuple(plover or ()), cameo, quad)


def outcome(ev: GoldEvent, cameo: str | None, confidence: float | None = 0.7) -> Outcome:
    """An outcome as the coder would give it: plover and quad from the CAMEO table."""
    if cameo is None:
        return Outcome("r", 0, ev, None, None, None, None)
    code = cameo_table()[cameo]
    return Outcome("r", 0, ev, cameo, code.plover, code.quad, confidence)


def actor(start: int, end: int, code: str | None = None, country: str | None = None,
          sector: str | None = None) -> ActorRef:
    return ActorRef("x" * (end - start), start, end, code, country, sector, None)


def event(src: ActorRef, tgt: ActorRef, cameo: str, confidence: float) -> Event:
    code = cameo_table()[cameo]
    return Event("ev", "r", None, src, tgt, cameo, code.root, code.plover, code.quad, code.goldstein, False,
                 "asserted", confidence, Span("t", 0, 1), Span("s", 0, 20))


class FakeCoder:
    """Gives fixed events per document id, and fixed labels per (source, target) pair."""

    def __init__(self, events: dict[str, list[Event]] | None = None,
                 pairs: dict[tuple[tuple[int, int], tuple[int, int]], PairLabel] | None = None) -> None:
        self.events = events or {}
        self.pairs = pairs or {}
        self.docs: list[Document] = []

    def code_many(self, docs):
        for doc in docs:
            self.docs.append(doc)
            yield DocResult(doc, events=tuple(self.events.get(doc.id, ())))

    def classify_pair(self, text, source, target):
        if text == "boom":
            raise RuntimeError("parser fell over")
        return self.pairs.get((tuple(source), tuple(target)), PairLabel(None, None, None, 0.0))


# --- scores --------------------------------------------------------------------------------------

def six_outcomes() -> list[Outcome]:
    return [
        outcome(gold(["AGREE"], quad=1), "036"),                   # right
        outcome(gold(["AGREE"], quad=1), None),                    # unmatched: NONE
        outcome(gold(["ASSAULT"], quad=4), "190"),                 # right
        outcome(gold(["ASSAULT"], quad=4), "173"),                 # COERCE: wrong label, right quad
        outcome(gold(["CONCEDE", "RETREAT"], quad=2), "0874"),     # RETREAT folds to YIELD: right
        outcome(gold(["RETREAT"], quad=2), "036"),                 # AGREE: wrong
    ]


def test_score_macro_f1_accuracy_and_per_category_on_hand_made_predictions() -> None:
    s = score(six_outcomes(), "plover")
    assert s.labels == ("AGREE", "YIELD", "ASSAULT")
    # AGREE: 1 right of 2 gold, 2 predicted -> P .5 R .5; ASSAULT and YIELD: P 1 R .5 -> F1 2/3.
    assert s.macro_f1 == pytest.approx((0.5 + 2 / 3 + 2 / 3) / 3)
    assert s.accuracy == pytest.approx(3 / 6)
    assert s.matched_accuracy == pytest.approx(3 / 5)
    assert {k: (v.precision, v.recall, v.support) for k, v in s.per_category.items()} == {
        "AGREE": (0.5, 0.5, 2), "YIELD": (1.0, 0.5, 2), "ASSAULT": (1.0, 0.5, 2)}
    assert s.per_category["ASSAULT"].f1 == pytest.approx(2 / 3)


def test_score_confusion_has_gold_rows_and_predicted_columns_with_none() -> None:
    s = score(six_outcomes(), "plover")
    assert s.confusion == {
        "AGREE": {"AGREE": 1, "YIELD": 0, "COERCE": 0, "ASSAULT": 0, NONE: 1},
        "YIELD": {"AGREE": 1, "YIELD": 1, "COERCE": 0, "ASSAULT": 0, NONE: 0},
        "ASSAULT": {"AGREE": 0, "YIELD": 0, "COERCE": 1, "ASSAULT": 1, NONE: 0},
    }


def test_report_pair_recall_and_quad_accuracy() -> None:
    records = [GoldRecord(f"r{i}", "Alpha met Bravo.", None, (o.gold,)) for i, o in enumerate(six_outcomes())]
    by_id = {f"r{i}": o for i, o in enumerate(six_outcomes())}
    events = {rid: [event(actor(0, 5), actor(10, 15), o.cameo, 0.7)] for rid, o in by_id.items() if o.cameo}
    report = evaluate(records, FakeCoder(events), "e2e", gold="six.jsonl")
    assert report.pair_recall == pytest.approx(5 / 6)
    assert report.quad_accuracy == pytest.approx(4 / 6)  # the unmatched one and RETREAT-as-AGREE miss
    assert report.scores["plover"].accuracy == pytest.approx(0.5)
    assert "cameo_root" not in report.scores  # PLOVER gold has no CAMEO codes


def test_score_cameo_gold_gives_plover_and_root_schemes_with_statements() -> None:
    outs = [
        outcome(gold(cameo="042"), "043"),     # CONSULT either way; root 04 both
        outcome(gold(cameo="010"), "010"),     # statement: STATEMENT and root 01
        outcome(gold(cameo="010"), None),      # missed statement
        outcome(gold(cameo="163"), "160"),     # COERCE vs SANCTION, but root 16 both
        outcome(gold(cameo="0841"), "0874"),   # RETREAT and RETREAT: YIELD; root 08
    ]
    plover, root = score(outs, "plover"), score(outs, "cameo_root")
    assert plover.labels == (STATEMENT, "CONSULT", "YIELD", "COERCE")
    assert plover.accuracy == pytest.approx(3 / 5)
    assert root.labels == ("01", "04", "08", "16")
    assert root.accuracy == pytest.approx(4 / 5)
    assert root.confusion["01"] == {"01": 1, "04": 0, "08": 0, "16": 0, NONE: 1}
    assert root.macro_f1 == pytest.approx((2 / 3 + 1 + 1 + 1) / 4)


def test_yield_folding_on_both_sides() -> None:
    assert gold_labels(gold(["CONCEDE"]), "plover") == ("YIELD",)
    assert gold_labels(gold(["CONCEDE", "RETREAT"]), "plover") == ("YIELD",)
    assert gold_labels(gold(cameo="0841"), "plover") == ("YIELD",)
    assert gold_labels(gold(cameo="015"), "plover") == (STATEMENT,)
    assert predicted_label("0874", "RETREAT", "plover") == "YIELD"
    assert predicted_label("081", "CONCEDE", "plover") == "YIELD"
    assert predicted_label("010", None, "plover") == STATEMENT
    assert predicted_label(None, None, "plover") == NONE
    assert predicted_label("0874", "RETREAT", "cameo_root") == "08"


def test_several_acceptable_labels_count_under_the_predicted_one() -> None:
    s = score([outcome(gold(["AGREE", "SUPPORT"]), "057"), outcome(gold(["AGREE", "SUPPORT"]), "190")],
              "plover")
    assert s.accuracy == 0.5
    assert s.confusion == {"AGREE": {"AGREE": 0, "SUPPORT": 0, "ASSAULT": 1, NONE: 0},
                           "SUPPORT": {"AGREE": 0, "SUPPORT": 1, "ASSAULT": 0, NONE: 0}}


def test_reliability_bins_count_and_accuracy_of_matched_predictions() -> None:
    outs = [outcome(gold(["AGREE"]), "036", 0.2), outcome(gold(["AGREE"]), "190", 0.55),
            outcome(gold(["AGREE"]), "036", 0.55), outcome(gold(["AGREE"]), "036", 1.0),
            outcome(gold(["AGREE"]), None)]
    bins = {(b.low, b.high): b for b in reliability(outs)}
    assert [b.count for b in bins.values()] == [1, 0, 2, 0, 0, 0, 1]
    assert bins[(0.5, 0.6)].accuracy == 0.5
    assert bins[(0.5, 0.6)].mean_confidence == pytest.approx(0.55)
    assert bins[(0.9, 1.0)].accuracy == 1.0  # the top bin includes 1.0
    assert bins[(0.3, 0.5)].accuracy is None
    assert (bins[(0.3, 0.5)].count_at_or_above, bins[(0.3, 0.5)].accuracy_at_or_above) == (3, pytest.approx(2 / 3))


# --- matching ------------------------------------------------------------------------------------

def test_overlap_needs_a_shared_character() -> None:
    assert overlaps((0, 5), (4, 9))
    assert overlaps((2, 3), (0, 10))
    assert not overlaps((0, 5), (5, 9))


def test_match_event_takes_the_most_confident_overlapping_event() -> None:
    g = gold(["ASSAULT"], src=(0, 6), tgt=(20, 27))
    low = event(actor(0, 6), actor(20, 27), "190", 0.6)
    high = event(actor(3, 10), actor(18, 22), "173", 0.8)
    elsewhere = event(actor(0, 6), actor(30, 35), "111", 0.99)   # target does not overlap
    reversed_ = event(actor(20, 27), actor(0, 6), "111", 0.99)   # direction matters
    assert match_event(g, [low, high, elsewhere, reversed_]) is high
    assert match_event(g, [low, elsewhere]) is low
    assert match_event(g, [elsewhere, reversed_]) is None
    assert match_event(g, []) is None


def test_unmatched_gold_event_is_none_and_extra_events_do_not_count() -> None:
    text = "Russia attacked Ukraine and Georgia praised France."
    rec = GoldRecord("r1", text, "2022-02-24", (gold(["ASSAULT"], src=(0, 6), tgt=(16, 23)),
                                                gold(["SUPPORT"], src=(28, 35), tgt=(44, 50))))
    extra = event(actor(44, 50), actor(0, 6), "112", 0.9)
    coder = FakeCoder({"r1": [event(actor(0, 6), actor(16, 23), "190", 0.7), extra]})
    report = evaluate([rec], coder, "e2e")
    assert [o.predicted("plover") for o in report.outcomes] == ["ASSAULT", NONE]
    assert report.scores["plover"].per_category["ASSAULT"].precision == 1.0
    assert coder.docs == [Document("r1", text, "2022-02-24")]


@pytest.mark.parametrize(("gold_code", "code", "country", "sector", "expected"), [
    ("USAGOV", "USAGOV", "USA", "GOV", True),      # same code
    ("USAGOV", "USAMIL", "USA", "MIL", False),     # a sector given must agree
    ("USAGOV", "USA", "USA", None, False),
    ("USA", "USAGOV", "USA", "GOV", True),         # a bare country takes any sector of it
    ("USA", "CAN", "CAN", None, False),
    ("---LEG", "UKRLEG", "UKR", "LEG", True),      # unnamed country: the sector decides
    ("---LEG", "UKRGOV", "UKR", "GOV", False),
    ("---", None, None, None, True),               # nobody named: an actor without a country
    ("---", "RUS", "RUS", None, False),
    ("IGOUNO", "IGOUNO", None, "IGO", True),
    ("IGOUNO", "IGOEUREEC", None, "IGO", False),
])
def test_code_matching_rule(gold_code: str, code, country, sector, expected: bool) -> None:
    assert code_matches(gold_code, code, country, sector) is expected


def test_code_only_gold_is_matched_by_actor_code_in_e2e() -> None:
    g = GoldEvent(GoldActor(None, (), "RUS"), GoldActor(None, (), "UKRGOV"), (), "190", None)
    rec = GoldRecord("r1", "Russian troops shelled Ukrainian government buildings.", None, (g,))
    ev = event(actor(0, 14, "RUSMIL", "RUS", "MIL"), actor(23, 53, "UKRGOV", "UKR", "GOV"), "194", 0.8)
    report = evaluate([rec], FakeCoder({"r1": [ev]}), "e2e")
    assert report.outcomes[0].predicted("cameo_root") == "19"
    assert report.scores["cameo_root"].accuracy == 1.0
    assert report.quad_accuracy == 1.0  # the gold quad comes from the cameo code


# --- pairs mode ----------------------------------------------------------------------------------

def test_pairs_mode_classifies_each_gold_pair_and_skips_code_only_events() -> None:
    with_spans = gold(["ACCUSE"], src=(0, 5), tgt=(10, 15))
    code_only = GoldEvent(GoldActor(None, (), "USA"), GoldActor(None, (), "CHN"), ("ACCUSE",))
    multi = GoldEvent(GoldActor("s", ((0, 5), (20, 25))), GoldActor("t", ((10, 15),)), ("ACCUSE",))
    coder = FakeCoder(pairs={((0, 5), (10, 15)): PairLabel("112", "ACCUSE", 3, 0.6),
                             ((20, 25), (10, 15)): PairLabel("190", "ASSAULT", 4, 0.9)})
    recs = [GoldRecord("a", "x" * 30, None, (with_spans, code_only)), GoldRecord("b", "x" * 30, None, (multi,)),
            GoldRecord("c", "x" * 30, None, (code_only,))]
    report = evaluate(recs, coder, "pairs")
    assert report.skipped_events == 2
    assert report.records == 2   # records with something to classify
    assert [o.predicted("plover") for o in report.outcomes] == ["ACCUSE", "ASSAULT"]  # most confident span pair
    assert coder.docs == []


# --- reading -------------------------------------------------------------------------------------

GOLD_LINES = [
    {"id": "a", "text": "Japan met Korea.", "date": None, "events": [
        {"source": {"text": "Japan", "spans": [[0, 5]]}, "target": {"text": "Korea", "spans": [[10, 15]]},
         "plover": ["CONSULT"], "quad": 1}]},
    {"id": "b", "text": "US hit Iraq.", "date": "2003-03-20", "events": [
        {"source": {"code": "USA"}, "target": {"code": "IRQ"}, "cameo": "190"}]},
]


def write_gold(path: Path, rows: list, extra_lines: tuple[str, ...] = ()) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows) + "".join(extra_lines), encoding="utf-8")
    return path


def test_read_gold_reports_bad_lines_and_keeps_the_rest(tmp_path: Path) -> None:
    bad_span = {"id": "c", "text": "short", "events": [{"source": {"spans": [[0, 50]]},
                                                       "target": {"spans": [[0, 2]]}, "plover": ["AID"]}]}
    bad_label = {"id": "d", "text": "short", "events": [{"source": {"spans": [[0, 2]]},
                                                        "target": {"spans": [[3, 5]]}, "plover": ["HUG"]}]}
    p = write_gold(tmp_path / "g.jsonl", [*GOLD_LINES, bad_span, bad_label], ("{not json\n",))
    records, errors = read_gold(p)
    assert [r.id for r in records] == ["a", "b"]
    assert (gold_quad(records[0].events[0]), gold_quad(records[1].events[0])) == (1, 4)  # given; from cameo
    assert [(e.line, e.message.split(" ")[0]) for e in errors] == [(3, "source"), (4, "plover"), (5, "not")]
    assert str(errors[0]).startswith(f"{p}:3: ")


def test_read_gold_keeps_iso_dates_only(tmp_path: Path) -> None:
    rows = [dict(GOLD_LINES[1], id=str(i), date=d) for i, d in enumerate(["2003-03-20", "121108", "2003-02-30"])]
    records, errors = read_gold(write_gold(tmp_path / "g.jsonl", rows))
    assert [r.date for r in records] == ["2003-03-20", None, None]


def test_read_pair_requests_names_the_line_of_each_bad_one() -> None:
    lines = ['{"id": 1, "text": "Iran met Oman.", "source": {"start": 0, "end": 4}, "target": {"start": 9, "end": 13}}',
             "", "nope",
             '{"id": 2, "text": "abc", "source": {"start": 0, "end": 9}, "target": {"start": 0, "end": 1}}',
             '{"text": "abc", "source": {"start": 0, "end": 1}, "target": {"start": 1, "end": 2}}']
    out = list(read_pair_requests(lines, "p.jsonl"))
    assert (out[0].id, out[0].source, out[0].target, out[0].line) == (1, (0, 4), (9, 13), 1)
    assert [str(e) for e in out[1:]] == [
        "p.jsonl:3: not JSON: Expecting value",
        "p.jsonl:4: source start/end 0/9 are not offsets inside the text",
        "p.jsonl:5: a line needs an id"]


def test_shared_gold_files_read_without_errors() -> None:
    plv, petr = shared_path("gold", "plv_train.jsonl"), shared_path("gold", "petr2_gsr.jsonl")
    records, errors = read_gold(plv)
    assert (len(records), sum(len(r.events) for r in records), errors) == (1020, 1026, [])
    records, errors = read_gold(petr)
    assert (len(records), sum(len(r.events) for r in records), errors) == (78, 80, [])
    assert all(e.cameo and e.source.code and not e.source.spans for r in records for e in r.events)


# --- the commands --------------------------------------------------------------------------------

@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeCoder:
    coder = FakeCoder(
        events={"a": [event(actor(0, 5), actor(10, 15), "043", 0.75)]},
        pairs={((0, 5), (10, 15)): PairLabel("042", "CONSULT", 1, 0.654321),
               ((0, 4), (9, 13)): PairLabel("0874", "RETREAT", 2, 0.8)})
    monkeypatch.setattr(eval_cmd, "get_coder", lambda settings=None: coder)
    return coder


def test_eval_json_has_exactly_these_keys(tmp_path: Path, fake: FakeCoder) -> None:
    res = runner.invoke(app, ["eval", str(write_gold(tmp_path / "g.jsonl", GOLD_LINES)), "--format", "json"])
    assert res.exit_code == EXIT_OK, res.output
    out = json.loads(res.stdout)
    assert list(out) == ["gold", "mode", "coder", "records", "events", "skipped_events", "failed_records",
                         "seconds", "sentences_per_s", "pair_recall", "quad_accuracy", "predicted_events",
                         "predicted_per_gold_event", "scores", "reliability"]
    assert (out["gold"], out["mode"], out["records"], out["events"]) == ("g.jsonl", "e2e", 2, 2)
    assert list(out["scores"]) == ["plover", "cameo_root"]
    plover = out["scores"]["plover"]
    assert list(plover) == ["labels", "macro_f1", "accuracy", "matched_accuracy", "per_category", "confusion"]
    assert plover["per_category"]["CONSULT"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 1}
    assert plover["confusion"] == {"CONSULT": {"CONSULT": 1, "ASSAULT": 0, "NONE": 0},
                                   "ASSAULT": {"CONSULT": 0, "ASSAULT": 0, "NONE": 1}}
    assert (out["pair_recall"], out["quad_accuracy"], plover["macro_f1"]) == (0.5, 0.5, 0.5)
    events = sum(len(v) for v in fake.events.values())
    assert (out["predicted_events"], out["predicted_per_gold_event"]) == (events, events / 2)
    assert list(out["reliability"][0]) == ["low", "high", "count", "accuracy", "mean_confidence",
                                           "count_at_or_above", "accuracy_at_or_above"]


def test_eval_table_for_people(tmp_path: Path, fake: FakeCoder) -> None:
    res = runner.invoke(app, ["eval", str(write_gold(tmp_path / "g.jsonl", GOLD_LINES[:1])), "--mode", "pairs",
                              "--reliability"])
    assert res.exit_code == EXIT_OK, res.output
    assert "macro-F1 1.000" in res.stdout
    assert "pair recall 1.000" in res.stdout
    assert "confusion (rows: gold, columns: predicted)" in res.stdout
    assert "reliability" in res.stdout and "0.6–0.7" in res.stdout


def test_eval_pairs_mode_on_code_only_gold_is_a_usage_error(tmp_path: Path, fake: FakeCoder) -> None:
    p = write_gold(tmp_path / "codes.jsonl", GOLD_LINES[1:])
    res = runner.invoke(app, ["eval", str(p), "--mode", "pairs"])
    assert res.exit_code == EXIT_USAGE
    assert res.stderr.count("\n") == 1 and "actor spans" in res.stderr and str(p) in res.stderr


def test_eval_pairs_mode_skips_code_only_events_and_says_so(tmp_path: Path, fake: FakeCoder) -> None:
    res = runner.invoke(app, ["eval", str(write_gold(tmp_path / "g.jsonl", GOLD_LINES)), "--mode", "pairs",
                              "--format", "json"])
    assert res.exit_code == EXIT_PARTIAL
    assert "1 gold events skipped" in res.stderr
    assert json.loads(res.stdout)["skipped_events"] == 1


def test_eval_bad_gold_lines_are_reported_and_the_rest_scored(tmp_path: Path, fake: FakeCoder) -> None:
    p = write_gold(tmp_path / "g.jsonl", GOLD_LINES, ("{oops\n",))
    res = runner.invoke(app, ["eval", str(p), "--format", "json"])
    assert res.exit_code == EXIT_PARTIAL
    assert res.stderr.startswith(f"greatgame: {p}:3: not JSON")
    assert json.loads(res.stdout)["events"] == 2


def test_eval_missing_file_is_fatal(tmp_path: Path, fake: FakeCoder) -> None:
    res = runner.invoke(app, ["eval", str(tmp_path / "nope.jsonl")])
    assert res.exit_code == EXIT_FATAL
    assert "cannot read gold file" in res.stderr


PAIR_LINES = [
    '{"id": "p1", "text": "Japan met Korea.", "source": {"start": 0, "end": 5}, "target": {"start": 10, "end": 15}}',
    '{"id": "p2", "text": "Iran let Oman go.", "source": {"start": 0, "end": 4}, "target": {"start": 9, "end": 13}}',
    '{"id": "p3", "text": "Oman and Iran.", "source": {"start": 9, "end": 13}, "target": {"start": 0, "end": 4}}',
]


def test_classify_outputs_exactly_id_cameo_plover_quad_confidence(tmp_path: Path, fake: FakeCoder) -> None:
    p = tmp_path / "pairs.jsonl"
    p.write_text("\n".join(PAIR_LINES) + "\n", encoding="utf-8")
    res = runner.invoke(app, ["classify", str(p)])
    assert res.exit_code == EXIT_OK, res.output
    assert [json.loads(line) for line in res.stdout.splitlines()] == [
        {"id": "p1", "cameo": "042", "plover": "CONSULT", "quad": 1, "confidence": 0.6543},
        {"id": "p2", "cameo": "0874", "plover": "RETREAT", "quad": 2, "confidence": 0.8},
        {"id": "p3", "cameo": None, "plover": None, "quad": None, "confidence": 0.0}]
    assert res.stderr == ""


def test_classify_bad_lines_are_named_and_the_rest_processed(tmp_path: Path, fake: FakeCoder) -> None:
    p = tmp_path / "pairs.jsonl"
    boom = '{"id": "b", "text": "boom", "source": {"start": 0, "end": 1}, "target": {"start": 2, "end": 3}}'
    p.write_text("\n".join([PAIR_LINES[0], "{broken", '{"id": "x", "text": "abc"}', boom, PAIR_LINES[1]]) + "\n",
                 encoding="utf-8")
    res = runner.invoke(app, ["classify", str(p), "--format", "jsonl"])
    assert res.exit_code == EXIT_PARTIAL
    assert [json.loads(line)["id"] for line in res.stdout.splitlines()] == ["p1", "p2"]
    assert res.stderr.splitlines() == [
        f"greatgame: {p}:2: not JSON: Expecting property name enclosed in double quotes",
        f"greatgame: {p}:3: source must be an object with start and end",
        f"greatgame: {p}:4: could not classify pair 'b': RuntimeError: parser fell over"]


def test_classify_reads_standard_input_and_fails_when_nothing_is_usable(fake: FakeCoder) -> None:
    res = runner.invoke(app, ["classify", "-"], input=PAIR_LINES[0] + "\n")
    assert res.exit_code == EXIT_OK
    assert json.loads(res.stdout)["id"] == "p1"
    res = runner.invoke(app, ["classify", "-"], input="nope\n")
    assert res.exit_code == EXIT_FATAL
    assert res.stderr == "greatgame: <stdin>:1: not JSON: Expecting value\n"


def test_format_report_mentions_skips_and_speed() -> None:
    recs = [GoldRecord("a", "x" * 20, None, (gold(["AID"]),))]
    report = evaluate(recs, FakeCoder(), "e2e", gold="g.jsonl")
    text = format_report(report)
    assert text.splitlines()[:3] == [
        "g.jsonl  mode e2e",
        f"1 sentences, 1 gold events, {report.seconds:.1f} s, {report.sentences_per_s:.1f} sentences/s",
        "pair recall 0.000   quad accuracy 0.000   predicted events per gold event 0.00"]
