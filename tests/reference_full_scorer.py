"""Independent reference implementation of the exhaustive-gold "full" scoring rules.

Written from ../shared/gold/ANNOTATION.md alone ("Record", "Modality and `required`",
"Scoring (`--mode full`)"), without looking at the project's scorer, so a test can cross-check it.
Standard library only.

Interpretation choices (the rules leave these open):

* Span overlap: character ranges are half-open [start, end); a predicted actor overlaps a gold actor
  when its range shares at least one character with any of the gold actor's `spans`
  (max(starts) < min(ends)). A missing/None offset never overlaps.
* Same sentence: the predicted event's `sentence` {start, end} and the gold event's `sentence`
  [start, end] are both read as half-open ranges and count as the same sentence when they share at
  least one character. (Sentence splitters disagree about trailing whitespace, quotes and the like;
  exact equality would be too brittle.)
* Country: a gold `code` gives its country by its first three letters (upper-cased); "---" means
  an unknown country, which matches nobody by country (only by span overlap). An IGO code (starting
  "IGO") has no country; its whole code stands in its place, so an IGO matches by "country" only the
  same IGO code exactly. A predicted actor's country is its `country` field where set; otherwise it
  is read from its `code` by the same rule as gold (so an IGO prediction keys on its IGO code).
* An actor matches when it overlaps by span, OR when it has the same (non-empty) country key and the
  two events are in the same sentence. An event pair matches when source matches source and target
  matches target (direction matters).
* Matching is one to one per record, greedy: predictions sorted by confidence, highest first, ties in
  input order (stable sort; None confidence counts as 0). Each prediction takes one still-free
  matching gold event, preferring (1) more actors matched by span overlap (2 > 1 > 0: the closer
  identity), then (2) a required event, then (3) the earlier gold event.
* Labelled and pair scores use separate matchings. Pair: source and target match. Labelled: source
  and target match AND the predicted `plover` is one of the gold event's `plover` labels (a None
  label never matches). So a pair-correct prediction with the wrong category is a labelled false
  positive and leaves the gold event a labelled false negative.
* `required`: only required gold events count for recall (tp + fn = number of required gold events).
  A prediction matched to a non-required gold event is neither tp nor fp (it is dropped from
  precision); a prediction matched to nothing is a false positive.
* "ar_" scores: the same matching re-run with only predictions whose modality is "asserted" or
  "reported"; gold is unchanged (all required events, whatever their modality, count for recall).
* Predictions for record ids absent from gold are ignored (that article was not annotated). A gold
  record with no predictions contributes its required events as false negatives.
* Any 0/0 is 0.0. tp/fp/fn counts are returned for the full (not "ar_") labelled and pair scores.
"""

from __future__ import annotations

AR_MODALITIES = {"asserted", "reported"}


def _overlap(a0, a1, b0, b1) -> bool:
    if None in (a0, a1, b0, b1):
        return False
    return max(a0, b0) < min(a1, b1)


def _code_key(code) -> str | None:
    """Country key of a CAMEO-style code: ISO alpha-3 prefix, the whole code for IGOs, None if unknown."""
    if not code:
        return None
    code = str(code).upper()
    if code.startswith("IGO"):
        return code
    head = code[:3]
    return None if head == "---" or len(head) < 3 else head


def _pred_key(actor: dict) -> str | None:
    country = actor.get("country")
    return str(country).upper() if country else _code_key(actor.get("code"))


def _sentence_range(sent):
    if isinstance(sent, dict):
        return sent.get("start"), sent.get("end")
    if isinstance(sent, (list, tuple)) and len(sent) == 2:
        return sent[0], sent[1]
    return None, None


def _actor_match(p: dict, g: dict, same_sentence: bool):
    """None if no match, else True when matched by span overlap, False when by sentence + country."""
    if any(_overlap(p.get("start"), p.get("end"), s, e) for s, e in g.get("spans") or []):
        return True
    key = _pred_key(p)
    if same_sentence and key is not None and key == _code_key(g.get("code")):
        return False
    return None


def _event_match(p: dict, g: dict, labelled: bool):
    """None if the predicted event does not match the gold event, else the number of span-overlap actors."""
    if labelled and (p.get("plover") is None or p.get("plover") not in (g.get("plover") or [])):
        return None
    same = _overlap(*_sentence_range(p.get("sentence")), *_sentence_range(g.get("sentence")))
    src = _actor_match(p.get("source") or {}, g.get("source") or {}, same)
    tgt = _actor_match(p.get("target") or {}, g.get("target") or {}, same)
    if src is None or tgt is None:
        return None
    return int(src) + int(tgt)


def _count(gold_events: list[dict], preds: list[dict], labelled: bool) -> tuple[int, int, int]:
    """(tp, fp, fn) for one record under greedy one-to-one matching."""
    order = sorted(range(len(preds)), key=lambda i: -float(preds[i].get("confidence") or 0.0))
    taken: set[int] = set()
    tp = fp = 0
    for i in order:
        best = None
        for j, g in enumerate(gold_events):
            if j in taken:
                continue
            m = _event_match(preds[i], g, labelled)
            if m is None:
                continue
            rank = (-m, 0 if g.get("required") else 1, j)
            if best is None or rank < best[0]:
                best = (rank, j)
        if best is None:
            fp += 1
            continue
        j = best[1]
        taken.add(j)
        if gold_events[j].get("required"):
            tp += 1
    n_required = sum(1 for g in gold_events if g.get("required"))
    return tp, fp, n_required - tp


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _totals(gold: list[dict], predictions: dict, labelled: bool, ar_only: bool) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for rec in gold:
        preds = list(predictions.get(rec["id"]) or [])
        if ar_only:
            preds = [p for p in preds if p.get("modality") in AR_MODALITIES]
        a, b, c = _count(list(rec.get("events") or []), preds, labelled)
        tp, fp, fn = tp + a, fp + b, fn + c
    return tp, fp, fn


def score(gold: list[dict], predictions: dict[str, list[dict]]) -> dict:
    """Labelled and pair precision/recall/F1, overall and for asserted+reported predictions ("ar_")."""
    out: dict = {}
    for prefix, ar_only in (("", False), ("ar_", True)):
        for name, labelled in (("", True), ("pair_", False)):
            tp, fp, fn = _totals(gold, predictions, labelled, ar_only)
            p, r, f = _prf(tp, fp, fn)
            out[f"{prefix}{name}precision"] = p
            out[f"{prefix}{name}recall"] = r
            out[f"{prefix}{name}f1"] = f
            if not ar_only:
                out[f"{name}tp"], out[f"{name}fp"], out[f"{name}fn"] = tp, fp, fn
    return out
