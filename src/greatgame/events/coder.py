"""Code candidate triples: lexicon first, the classifier where the lexicon is silent or unsure."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc

from ..geo import PlaceCandidate, choose_location
from ..model import ActorRef, Document, Event, Mention, Span
from ..settings import Settings
from .calibration import calibration_features
from .clausal import clausal_candidates
from .classifier import lexicon_crossed, load_calibrator, load_classifier, pair_features
from .dates import event_date
from .extra import extra_candidates, fallback_candidates, origin_of
from .joint import joint_candidates
from .extract import Candidate, Frame, find_candidates, mentions_by_token, mutual, verb_frame
from .lexicon import LexiconHit, load_lexicon
from .modality import CueTable, modality_of, threat_code
from .nominal import nominal_candidates
from .ontology import cameo_table, plover_root
from .reach import coordinated_spans, reach_candidates
from .roles import bought_goods, debt_figure, lender_of, membership, own_forces, venue_of_talks
from .sides import beside_own_dyad, from_origin, one_party, own_dyads, trade_figure
from .tokens import sentence_tokens

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from ..actors.resolved import Resolved, ResolvedMention
    from ..nlp import Parsed, ParsedSentence

__all__ = ["Decision", "EventCoder"]

# Base confidence of a lexicon decision by how specific the matched row is (0 bare lemma … 5).
_RULE_CONF = {0: 0.55, 1: 0.62, 2: 0.72, 3: 0.78, 4: 0.82, 5: 0.86}
_CONSTRUCTION_FACTOR = {"svo": 1.0, "passive": 0.97, "coordination": 0.93, "chain": 0.92, "nominal": 0.88,
                        "pair": 0.85}
# The classifier finds an event where NONE has less than half the mass (1 - P(NONE) >= EVENT_MIN_PROB) and
# the best category holds at least MODEL_MIN_PROB of it: the mass of an event is often split between two
# near categories (ACCUSE and REJECT), which the old test (NONE not first, the category >= 0.4) turned away.
EVENT_MIN_PROB = 0.5
MODEL_MIN_PROB = 0.2
# A lexicon row this specific (verb with object or particle) decides against the model's category where the
# model gives the row's category at least LEXICON_SURE_SHARE of its best one's probability: a close call.
# Overruling the model wherever it left the row 0.02 was wrong 23 times in 42 on the PLV split (5-fold,
# out of fold): "refused to lift the ban" is REJECT, not the lifting; "pledged support" SUPPORT, not AGREE.
LEXICON_SURE = 2
LEXICON_SURE_MIN_PROB = 0.02
LEXICON_SURE_SHARE = 0.5


@dataclass
class Decision:
    """The code chosen for a candidate, and what was weighed."""

    cameo: str
    confidence: float
    method: str
    rule: str | None
    alternatives: list[dict[str, Any]]
    # the classifier's 1 - P(NONE) and its best category's lead over the next (the calibrator's inputs)
    event_prob: float | None = None
    margin: float | None = None


def event_id(doc_id: str, src: Mention, tgt: Mention, trigger: int, cameo: str) -> str:
    """A stable id from what the event is, so any split of the work gives the same ids."""
    key = f"{doc_id}|{src.start}:{src.end}:{src.code}|{tgt.start}:{tgt.end}:{tgt.code}|{trigger}|{cameo}"
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


def _same_actor(a: Mention, b: Mention) -> bool:
    """Two mentions of one actor (Japan and Tokyo), not two sides of a domestic event (GOV and OPP)."""
    if a.code is not None and a.code == b.code:
        return True
    return bool(a.country) and a.country == b.country and (a.sector is None or b.sector is None
                                                            or a.sector == b.sector)


def _party_key(m: Mention | ActorRef) -> str | None:
    """Which party a mention stands for, for telling two mentions of one actor apart from two actors."""
    return m.country or m.code


def _by_sentence(mentions: tuple[ResolvedMention, ...]) -> dict[int, list[ResolvedMention]]:
    """Mentions grouped by the parsed sentence they sit in."""
    out: dict[int, list[ResolvedMention]] = {}
    for rm in mentions:
        out.setdefault(rm.sentence, []).append(rm)
    return out


def one_event_per_act(events: list[Event], distinct: Sequence[tuple[int, int]] = ()) -> list[Event]:
    """Keep one event per sentence, directed pair of parties and category: the most confident.

    "Iranian forces smashed four Iraqi brigades" names Iran and Iraq once each, but the finder may pair
    several mentions of each (the forces, the agency that reported it, the country); they are one act.
    Mentions in `distinct` (character spans of coordinated actors: "met Lawson, Howe and Leigh-Pemberton")
    are parties of their own, with any mention inside them.
    """
    def side(ref: ActorRef, key: str | None) -> tuple | str | None:
        span = next((sp for sp in distinct if ref.start < sp[1] and sp[0] < ref.end), None)
        return key if span is None else (key, span)

    best: dict[tuple, Event] = {}
    order: list[tuple] = []
    for ev in events:
        src, tgt = _party_key(ev.source), _party_key(ev.target)
        if src == tgt:  # a domestic event: the generals and the opposition are two parties
            src, tgt = ev.source.code, ev.target.code
        src, tgt = side(ev.source, src), side(ev.target, tgt)
        key = (ev.sentence.start, src, tgt, ev.plover or ev.cameo_root)
        if key not in best:
            order.append(key)
            best[key] = ev
        elif ev.confidence > best[key].confidence:
            best[key] = ev
    return [best[k] for k in order]


# Media are never parties to what they report; they may be the target of a coercive act (a closed paper).
_MEDIA = "MED"


def _media_barred(src: Mention, tgt: Mention, cameo_root: str, construction: str, tgt_dep: str) -> bool:
    """Media are no party to what they report; a paper or a journalist named as what the act is done to
    ("troops stormed the radio station", "a court freed the blogger", "sued the newspaper", "denied entry
    to an Austrian journalist") is its target for acts beyond words of cooperation (CAMEO 08 and up), but
    not as the compound or owner of another noun ("denied a Reuters report")."""
    direct = construction in ("svo", "passive") and tgt_dep not in ("compound", "poss", "nmod")
    return src.sector == _MEDIA or (tgt.sector == _MEDIA and (cameo_root < "08" or not direct))


class EventCoder:
    """From parsed sentences and their mentions to coded events."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.lexicon = load_lexicon()
        self.cues = CueTable(self.lexicon.modality)
        self.codes = cameo_table()
        self.model = load_classifier() if self.settings.use_model else None
        self.calibrator = load_calibrator() if self.model is not None else None
        # nouns the lexicon codes as acts ("detention", "attack"), whatever their preposition
        self._event_nouns = frozenset(lemma for lemma, _ in self.lexicon.nouns)
        self._sentence_lex: tuple[Doc | None, list[str]] = (None, [])

    # --- classification -----------------------------------------------------------------------

    def _lexicon_hit(self, frame: Frame) -> LexiconHit | None:
        # "Tokyo pledges aid to Manila" misparsed: the headline's verb says what was done with the aid (a
        # pledge), where the lexicon has that verb with that object
        hit = self.lexicon.verb(frame.verb, "", frame.preps, [frame.lemma]) if frame.verb else None
        if hit is not None and hit.specificity >= 2:
            return hit
        if frame.nominal:
            return self.lexicon.noun(frame.lemma, frame.preps)
        return self.lexicon.verb(frame.lemma, frame.particle, frame.preps, frame.objects)

    def features(self, sdoc: Doc, src: tuple[int, int], tgt: tuple[int, int], trigger: int | None,
                 frame: Frame | None, construction: str | None = None) -> list[str]:
        """The classifier's features for a pair: the parse around it, how the finder linked the two (a
        speaker and what was said is seldom an event, coordinated subjects of "agreed" are) and what the
        lexicon says of it."""
        hit = self._lexicon_hit(frame) if frame else None
        root = self.codes[hit.cameo].root if hit else None
        feats = pair_features(sdoc, src, tgt, root, trigger)
        if construction:
            feats.append(f"cons:{construction}")
            if frame is not None:
                feats.append(f"cons:{construction}_{frame.lemma}")
        if hit is not None:
            feats += [f"lexp:{self.codes[hit.cameo].plover}", f"lexc:{hit.cameo}"]
        feats += lexicon_crossed(feats, self.codes[hit.cameo].plover if hit else None)
        # what the lexicon makes of every verb and noun of the sentence, wherever the parse put them (the
        # same for every pair of the sentence: worked out once)
        if self._sentence_lex[0] is not sdoc:
            self._sentence_lex = (sdoc, self._sentence_lexicon(sdoc))
        feats += self._sentence_lex[1]
        feats += self._acts_over(sdoc, src, "s") + self._acts_over(sdoc, tgt, "t")
        return feats

    def _category(self, hit: LexiconHit) -> str:
        """A lexicon row's PLOVER category, or its CAMEO root where it has none (01 statements)."""
        code = self.codes[hit.cameo]
        return code.plover or f"root{code.root}"

    def _acts_over(self, sdoc: Doc, span: tuple[int, int], side: str) -> list[str]:
        """What the lexicon makes of the act nearest above one side: a verb, or a noun it codes ("said
        Iraqi planes destroyed oil installations at Iran's field": the destroying, not the saying, is
        what befell Iran; "condemned the attack on Iran": the attack)."""
        tok = sdoc[span[0]:span[1]].root
        for _ in range(8):
            if tok.head.i == tok.i:
                return []
            tok = tok.head
            if span[0] <= tok.i < span[1]:
                continue
            if tok.pos_ == "NOUN" and (hit := self.lexicon.noun(tok.lemma_.lower(), [])) is not None:
                return [f"{side}act:{self._category(hit)}"]
            if tok.pos_ == "VERB":
                hit = self._lexicon_hit(verb_frame(tok))
                return [f"{side}act:{self._category(hit) if hit else 'none'}", f"{side}actv:{tok.lemma_.lower()}"]
        return []

    def _sentence_lexicon(self, sdoc: Doc) -> list[str]:
        out = []
        for t in sentence_tokens(sdoc).all:
            if t.pos_ == "VERB":
                h = self.lexicon.verb(t.lemma_.lower(), "", [], [])
                if h:
                    out.append(f"alllex:{self.codes[h.cameo].plover}")
            elif t.pos_ == "NOUN":
                h = self.lexicon.noun(t.lemma_.lower(), [])
                if h:
                    out.append(f"allnoun:{self.codes[h.cameo].plover}")
        return out

    def decide(self, sdoc: Doc, src: tuple[int, int], tgt: tuple[int, int], trigger: int | None,
               frame: Frame | None, construction: str, require_event: bool = True) -> Decision | None:
        """The CAMEO code for source→target in this sentence, or None where nothing supports one.

        With the classifier, its category decides where it finds an event (EVENT_MIN_PROB; the lexicon's
        verdict is one of its features, and gives the finer CAMEO code where the two agree); without it,
        the lexicon alone. With `require_event` false (a pair someone says is related) the best category
        other than NONE wins.
        """
        hit = self._lexicon_hit(frame) if frame else None
        factor = _CONSTRUCTION_FACTOR.get(construction, 0.9)
        if self.model is None:
            if hit is None:
                return None
            conf = _RULE_CONF.get(hit.specificity, 0.6) * factor
            return Decision(hit.cameo, round(conf, 3), "lexicon", hit.pattern, [])
        probs = self.model.predict_proba(self.features(sdoc, src, tgt, trigger, frame, construction))
        ranked = sorted(probs.items(), key=lambda kv: -kv[1])
        alternatives: list[dict[str, Any]] = [{"plover": k, "p": round(v, 3)} for k, v in ranked[:4]]
        events = [(k, v) for k, v in ranked if k != "NONE"]
        label, p = events[0]
        verdict = {"event_prob": round(1.0 - probs.get("NONE", 0.0), 4),
                   "margin": round(p - (events[1][1] if len(events) > 1 else 0.0), 4)}
        if require_event and (1.0 - probs.get("NONE", 0.0) < EVENT_MIN_PROB or p < MODEL_MIN_PROB):
            return None
        lex_plover = self.codes[hit.cameo].plover if hit else None
        if hit is not None and lex_plover == label:
            conf = min(0.97, (0.5 + 0.5 * p) * factor)
            return Decision(hit.cameo, round(conf, 3), "lexicon+model", hit.pattern, alternatives, **verdict)
        if hit is not None and lex_plover and plover_root(lex_plover) == plover_root(label):
            # CONCEDE and RETREAT, the two halves of YIELD, split the model's mass (sentence gold marks
            # either): the lexicon's finer code says which, on the mass of both
            conf = min(0.97, (0.5 + 0.5 * (p + probs.get(lex_plover, 0.0))) * factor)
            return Decision(hit.cameo, round(conf, 3), "lexicon+model", hit.pattern, alternatives, **verdict)
        if (hit is not None and lex_plover and hit.specificity >= LEXICON_SURE
                and probs.get(lex_plover, 0.0) >= max(LEXICON_SURE_MIN_PROB, LEXICON_SURE_SHARE * p)):
            # a verb with its object or particle ("reached an accord") says more than the sentence's words
            conf = min(0.95, (0.5 + 0.5 * probs[lex_plover]) * factor)
            return Decision(hit.cameo, round(conf, 3), "lexicon", hit.pattern, alternatives, **verdict)
        if hit is not None:
            alternatives.insert(0, {"cameo": hit.cameo, "rule": hit.pattern, "ruled_out": f"model says {label}"})
        conf = min(0.95, p * 0.9 * factor)
        return Decision(self.model.default_cameo[label], round(conf, 3), "model", None, alternatives, **verdict)

    def _event_noun(self, lemma: str) -> bool:
        """Whether a noun names an act the lexicon codes ("detentions", "attack", "sanctions")."""
        return lemma in self._event_nouns

    def _place_target_ok(self, frame: Frame) -> bool:
        """Whether the verb acts on the place it names: force used or posed in it ("intervened in Syria",
        "troops deployed in Kuwait"), not a venue ("met in Geneva", "talks in Vienna")."""
        codes = (self.lexicon.verbs.get((frame.lemma, frame.particle, p, "")) for p in frame.preps
                 if p in ("in", "into", "inside"))
        return any(code is not None and self.codes[code].root >= "15" for code in codes)

    def _forceful(self, frame: Frame) -> bool:
        """Whether the lexicon codes the act as force, coercion or reduced relations (CAMEO 15-20)."""
        hit = self._lexicon_hit(frame)
        return hit is not None and self.codes[hit.cameo].root >= "15"

    def _violent(self, frame: Frame) -> bool:
        """Whether the lexicon codes the act as coercion or violence (CAMEO 17-20)."""
        hit = self._lexicon_hit(frame)
        return hit is not None and self.codes[hit.cameo].root >= "17"

    # --- events -------------------------------------------------------------------------------

    def _event(self, doc: Document, sdoc: Doc, offset: int, cand: Candidate, dec: Decision,
               places: list, explain: bool) -> Event | None:
        code = self.codes[dec.cameo]
        trig = sdoc[cand.trigger]
        mod = modality_of(trig, self.cues)
        if mod.modality in ("future", "hypothetical") and (threat := threat_code(trig, dec.cameo, code.root)):
            # force or sanctions announced on a condition or in a warning: the threat is what happened
            dec, code = replace(dec, cameo=threat), self.codes[threat]
            mod = replace(mod, modality="asserted", cues=[*mod.cues, "threat"])
        if mod.modality not in self.settings.include_modalities:
            return None
        if (mod.negated or mod.modality == "hypothetical") and self.settings.min_confidence > 0:
            # "did not seek a confrontation with X" did not happen, "could impose sanctions" may not:
            # no annotator requires either, so both are kept only with --all (min_confidence 0)
            return None
        conf = dec.confidence
        if mod.hedged:
            conf *= 0.75
        if mod.modality in ("future", "hypothetical"):
            conf *= 0.85
        raw = conf
        if self.calibrator is not None:
            conf = self.calibrator(calibration_features(raw, cand.construction, dec.method, mod.modality,
                                                        cand.source.mention.code, cand.target.mention.code,
                                                        dec.event_prob, dec.margin))
        if conf < self.settings.min_confidence:
            return None
        def year_ok(char: int) -> bool:
            prep = next((t for t in sdoc if t.idx == char), None)
            return prep is not None and prep.head.i == cand.trigger

        date, date_words, date_precision = event_date(sdoc.text, doc.date, year_ok,
                                                      forward=mod.modality in ("future", "hypothetical"))
        src, tgt = cand.source.mention, cand.target.mention
        t0 = offset + trig.idx
        location = None
        if self.settings.locations:
            location = choose_location(places, cand.trigger, (src.country, tgt.country), doc.date)
        info: dict[str, Any] = {}
        if explain:
            info = {"method": dec.method, "rule": dec.rule, "construction": cand.construction,
                    "frame": {"lemma": cand.frame.lemma, "particle": cand.frame.particle,
                              "preps": cand.frame.preps, "objects": cand.frame.objects},
                    "modality_cues": mod.cues, "date_words": date_words, "alternatives": dec.alternatives,
                    "raw_confidence": round(raw, 3), "calibrated": self.calibrator is not None,
                    "event_prob": dec.event_prob, "margin": dec.margin,
                    "min_confidence": self.settings.min_confidence}
        return Event(
            event_id=event_id(doc.id, src, tgt, t0, dec.cameo),
            doc_id=doc.id, date=date, source=ActorRef.of(src), target=ActorRef.of(tgt),
            cameo=dec.cameo, cameo_root=code.root, plover=code.plover, quad=code.quad,
            goldstein=code.goldstein, negated=mod.negated, modality=mod.modality,
            confidence=round(conf, 3), trigger=Span(trig.text, t0, t0 + len(trig.text)),
            sentence=Span(sdoc.text, offset, offset + len(sdoc.text)), location=location,
            date_precision=date_precision, explain=info,
        )

    def candidates(self, parsed: Parsed, resolved: Resolved,
                   with_fallback: bool | None = None) -> Iterator[tuple[ParsedSentence, Candidate]]:
        """Every (sentence, candidate) pair of two different actors the parse supports, in text order.

        The fallback pairs (an actor in a verb's subject and another in its clause) are left to the
        classifier, so by default they come only where there is one.
        """
        if with_fallback is None:
            with_fallback = self.model is not None
        by_sentence = _by_sentence(resolved.mentions)
        for si, ps in enumerate(parsed.sentences):
            ms = by_sentence.get(si, [])
            if not ms or (len(ms) == 1 and not ms[0].members):
                continue  # one party, standing for no dyad ("the two sides"): no pair of two to find
            cands = find_candidates(ps.doc, si, ms, self._place_target_ok, self._event_noun)
            if with_fallback:
                cands += fallback_candidates(ps.doc, si, ms, cands, self._event_noun)
                cands += extra_candidates(ps.doc, si, ms, cands, self._event_noun, self._violent)
                cands += nominal_candidates(ps.doc, si, ms, cands, self._event_noun)
                cands += reach_candidates(ps.doc, si, ms, cands, self._event_noun)
                cands += joint_candidates(ps.doc, si, ms, cands, self._event_noun)
                cands += clausal_candidates(ps.doc, si, ms, cands)
            person, dyads, by_token = one_party(ps.doc, ms), own_dyads(ms), mentions_by_token(ms)
            proposed: set[tuple[int, int, int]] = set()
            for cand in cands:
                src, tgt = cand.source.mention, cand.target.mention
                if _same_actor(src, tgt) or ((src.start, src.end) == (tgt.start, tgt.end) and src.code == tgt.code):
                    continue
                rep_s, rep_t = person.get(id(cand.source), cand.source), person.get(id(cand.target), cand.target)
                if (rep_s is not cand.source or rep_t is not cand.target) and rep_s is not rep_t:
                    cand = replace(cand, source=rep_s, target=rep_t)
                    src, tgt = cand.source.mention, cand.target.mention
                sides = (id(rep_s), id(rep_t), cand.trigger)
                if sides[0] == sides[1] or sides in proposed:
                    continue  # a title and a name of one person are one party, proposed once
                if beside_own_dyad(cand.source, cand.target, dyads) and not mutual(cand.frame):
                    continue  # "Israel said the two countries would ...": Israel is one of them
                if from_origin(ps.doc, cand.source, cand.target):
                    continue  # "discussed by the ministers from Bahrain": where they come from
                trigger = ps.doc[cand.trigger]
                if trade_figure(trigger) or debt_figure(trigger) or membership(trigger):
                    continue  # "Japan's trade surplus with the U.S. rose", "Brazil owes U.K. banks", "comprises"
                if (venue_of_talks(ps.doc, cand.target, cand.trigger, by_token)
                        or own_forces(ps.doc, cand.source, cand.target, cand.trigger)
                        or lender_of(ps.doc, cand.target, cand.trigger)
                        or bought_goods(ps.doc, cand.target, cand.trigger)):
                    continue  # "flew to Paris for talks with the banks", "moved its warships", "a loan from Y"
                origin = origin_of(ps.doc, cand.target)
                if {"unit", "media", "maker", "name"} & {origin, origin_of(ps.doc, cand.source)} or (
                        origin == "material" and not self._forceful(cand.frame)):
                    continue  # "equipped itself with Chinese missiles": China is no party to it
                proposed.add(sides)
                yield ps, cand

    def extract(self, parsed: Parsed, resolved: Resolved, doc: Document, explain: bool = False) -> list[Event]:
        """Every event of a parsed document, in text order."""
        events: list[Event] = []
        seen: set[str] = set()
        by_sentence = _by_sentence(resolved.mentions)
        places_of: dict[int, list] = {}
        for ps, cand in self.candidates(parsed, resolved):
            src, tgt = cand.source.mention, cand.target.mention
            if src.code is None or tgt.code is None:
                continue  # a party nobody can name moves no dyad: no event
            if cand.sentence not in places_of:
                places_of[cand.sentence] = [PlaceCandidate(sp, ps.offset) for sp in resolved.places[cand.sentence]] + [
                    PlaceCandidate(ps.doc[m.start:m.end], ps.offset) for m in by_sentence[cand.sentence]
                    if m.is_location]
            places = places_of[cand.sentence]
            dec = self.decide(ps.doc, (cand.source.start, cand.source.end), (cand.target.start, cand.target.end),
                              cand.trigger, cand.frame, cand.construction)
            if dec is None or _media_barred(src, tgt, self.codes[dec.cameo].root, cand.construction,
                                            ps.doc[cand.target.head].dep_):
                continue
            both = [cand]
            plover = self.codes[dec.cameo].plover
            if cand.construction != "coordination" and (
                    ((plover in ("CONSULT", "AGREE") or dec.cameo == "057") and mutual(cand.frame))
                    or (plover == "CONSULT" and "with" in cand.frame.preps)):
                # a meeting, an accord or the signing of one is the act of both sides
                both.append(replace(cand, source=cand.target, target=cand.source, construction="mutual"))
            for c in both:
                ev = self._event(doc, ps.doc, ps.offset, c, dec, places, explain)
                if ev is not None and ev.event_id not in seen:
                    seen.add(ev.event_id)
                    events.append(ev)
        distinct = [sp for si, ms in by_sentence.items() for sp in coordinated_spans(parsed.sentences[si].doc, ms)]
        return one_event_per_act(events, distinct)
