"""Negation and modality of an event from its trigger's neighbourhood in the parse."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from .lexicon import ModalityCue

__all__ = ["CueTable", "Modality", "modality_of", "threat_code"]

_ORDER = ("negated", "hypothetical", "future", "reported", "asserted")


@dataclass
class Modality:
    modality: str = "asserted"
    negated: bool = False
    hedged: bool = False
    cues: list[str] = field(default_factory=list)


class CueTable:
    """modality.tsv split by kind: auxiliaries, negators, adverbs, matrix verbs, conjunctions, phrases."""

    def __init__(self, cues: list[ModalityCue]) -> None:
        self.by_kind: dict[str, dict[str, str]] = {}
        for c in cues:
            text = c.cue.removesuffix(" to").strip()
            self.by_kind.setdefault(c.kind, {})[text] = c.modality
        phrases = sorted(self.by_kind.get("phrase", {}), key=len, reverse=True)
        # whole words only: "is set to" must not match "is settled"
        self.phrase_re = re.compile(r"\b(" + "|".join(re.escape(p) for p in phrases) + r")\b") if phrases else None

    def get(self, kind: str, word: str) -> str | None:
        return self.by_kind.get(kind, {}).get(word)


def _stronger(a: str, b: str) -> str:
    return a if _ORDER.index(a) <= _ORDER.index(b) else b


# Verbs of setting out: talks one leaves for are still to come ("left for talks with the IMF").
DEPARTING = {"leave", "depart", "fly", "travel", "head", "go", "set"}


def _clause_verb(noun: Token) -> Token | None:
    """The verb whose own object or prepositional object an event noun is: "did not hold talks", "left
    for talks with X" (not "will not issue a statement on the attack": the attack is the statement's)."""
    verb = noun.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        verb = noun.head.head
    elif noun.dep_ not in ("dobj", "attr", "nsubjpass"):
        return None
    return verb if verb.pos_ in ("VERB", "AUX") and verb.i != noun.i else None


def modality_of(trigger: Token, table: CueTable) -> Modality:
    """How the sentence presents the event at `trigger`: asserted, negated, future, hypothetical, reported.

    An event noun takes the modality of the clause it is the object of ("did not seek a confrontation with
    X" is negated, "will leave for talks with Y" future) and talks one sets out for are future."""
    res = Modality()
    tok: Token | None = trigger
    depth = 0
    if trigger.pos_ in ("NOUN", "PROPN") and (verb := _clause_verb(trigger)) is not None:
        for c in trigger.children:
            if c.dep_ in ("neg", "det") and table.get("neg", c.lower_):  # "no talks with X"
                res.negated = True
                res.cues.append(c.lower_)
        if verb.lemma_.lower() in DEPARTING and trigger.dep_ == "pobj" and trigger.head.lower_ == "for":
            res.modality = "future"
            res.cues.append(f"{verb.lemma_} for")
        tok = verb
    while tok is not None and depth < 4:
        for c in tok.children:
            word = c.lower_
            if c.dep_ == "neg" or table.get("neg", word) and c.dep_ in ("advmod", "neg", "det"):
                if depth == 0 or tok.dep_ != "ccomp":
                    res.negated = True
                    res.cues.append(word)
            elif depth == 0 and c.dep_ == "dobj" and any(  # "sought no further hostilities"
                    d.dep_ == "det" and table.get("neg", d.lower_) for d in c.children):
                res.negated = True
                res.cues.append(next(d.lower_ for d in c.children if d.dep_ == "det"))
            elif c.dep_ in ("aux", "auxpass") and (m := table.get("aux", word)):
                res.modality = _stronger(m, res.modality)
                res.cues.append(word)
            elif c.dep_ == "advmod" and (m := table.get("adv", word)):
                res.modality = _stronger(m, res.modality)
                res.hedged = True
                res.cues.append(word)
            elif c.dep_ == "mark" and (m := table.get("conj", word)):
                res.modality = _stronger(m, res.modality)
                res.cues.append(word)
        if depth > 0 and (m := table.get("verb", tok.lemma_.lower())):
            res.modality = _stronger(m, res.modality)
            res.cues.append(tok.lemma_)
        if tok.dep_ in ("xcomp", "ccomp", "advcl", "conj") and tok.head.i != tok.i:
            if tok.dep_ == "conj":
                tok = tok.head  # coordination shares its modality
                continue
            tok, depth = tok.head, depth + 1
        else:
            break
    found = table.phrase_re.search(trigger.doc.text.lower()) if table.phrase_re else None
    if found:
        m = table.by_kind["phrase"][found[1]]
        res.hedged = True
        res.cues.append(found[1])
        if m != "asserted":
            res.modality = _stronger(m, res.modality)
    if res.negated:
        res.modality = "negated"
    return res


# Verbs whose clause is a warning: "warned that the United States would impose tariffs on Japan".
THREATENING = {"warn", "threaten", "vow", "caution"}
# Verbs that announce what their subject will do: "Iraq said it would strike … if …".
ANNOUNCING = {"say", "announce", "declare", "state", "tell", "add", "insist"}
# CAMEO threat codes by the root of the act threatened (a protest, force, reduced relations, repression …).
_THREAT_BY_ROOT = {"14": "133", "15": "138", "16": "131", "17": "137", "18": "138", "19": "138", "20": "138"}


def _conditional(tok: Token) -> bool:
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
               for c in tok.children)


def threat_code(trigger: Token, cameo: str, root: str) -> str | None:
    """The CAMEO threat code for a coercive or violent act that is announced, not done: one said to come
    in a warning ("warned that the U.S. would impose tariffs on Japan") or announced on a condition
    ("Iraq said it would strike Iranian terminals if Tehran …"). The announcement is the event. None where
    the act is no threat, or where nobody announces it ("Turkey could impose sanctions if …" may be the
    writer's speculation)."""
    if root not in _THREAT_BY_ROOT:
        return None
    tok, conditional = trigger, False
    for _ in range(3):
        conditional = conditional or _conditional(tok)
        if tok.dep_ in ("ccomp", "xcomp") and (tok.head.lemma_.lower() in THREATENING or (
                conditional and tok.head.lemma_.lower() in ANNOUNCING)):
            break
        if tok.dep_ not in ("conj", "ccomp", "xcomp") or tok.head.i == tok.i:
            return None
        tok = tok.head
    else:
        return None
    if cameo.startswith(("162", "163")):
        return "1312"  # sanctions, embargo
    return _THREAT_BY_ROOT[root]
