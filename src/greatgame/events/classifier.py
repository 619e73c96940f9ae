"""A linear classifier over hashed parse features: what the source does to the target, as a PLOVER category.

Trained by `training/train_classifier.py` on the project's own synthetic sentences. The weights ship as
`events/data/classifier.npz`; without it the coder runs on the lexicon alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
from murmurhash.mrmr import hash as murmurhash3_32  # spaCy's own dependency
from spacy.tokens import Doc, Token

from .calibration import Calibrator
from .tokens import sentence_tokens

__all__ = ["N_FEATURES", "PairClassifier", "hashed_features", "lexicon_crossed", "load_calibrator",
           "load_classifier", "lowest_common_ancestor", "pair_features"]

N_FEATURES = 2**16
_SKIP_POS = {"PUNCT", "SPACE", "DET", "NUM", "SYM", "X"}


def lowest_common_ancestor(a: Token, b: Token) -> Token:
    """The lowest token that dominates both (the root if they are in different trees)."""
    seen = {a.i}
    t = a
    while t.head.i != t.i:
        t = t.head
        seen.add(t.i)
    t = b
    while t.i not in seen and t.head.i != t.i:
        t = t.head
    return t if t.i in seen else a.sent.root


def _governing_verb(tok: Token) -> Token:
    t = tok
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            return t
        t = t.head
    return t


def _path_up(tok: Token, top: Token, limit: int = 4) -> str:
    """The dependency labels from a token up to `top` (an ancestor, or where the walk stops)."""
    deps = []
    while tok.i != top.i and tok.head.i != tok.i and len(deps) < limit:
        deps.append(tok.dep_)
        tok = tok.head
    return "_".join(deps) if tok.i == top.i else "_".join(deps) + "_far"


def _structure_features(sdoc: Doc, s_head: Token, t_head: Token, trig: Token, lemma: str) -> list[str]:
    """How the pair hangs on its trigger: each side's dependency path to it with the trigger's lemma,
    how far apart the two sides are, what clause the trigger sits in, whether the pair is in a quote."""
    feats = [f"spath:{lemma}_{_path_up(s_head, trig)}", f"tpath:{lemma}_{_path_up(t_head, trig)}"]
    gap = abs(s_head.i - t_head.i)
    feats.append("dist:" + ("0-2" if gap <= 2 else "3-5" if gap <= 5 else "6-10" if gap <= 10 else "11+"))
    if trig.dep_ in ("ccomp", "advcl", "relcl", "conj", "pcomp") and trig.head.i != trig.i:
        feats.append(f"tclause:{trig.dep_}_{trig.head.lemma_.lower()}")
    first = min(s_head.idx, t_head.idx) - sdoc[0].idx
    if sdoc.text[:first].count('"') % 2 == 1:  # an odd number of quote marks before: inside a quote
        feats.append("inquote")
    return feats


def pair_features(sdoc: Doc, src: tuple[int, int], tgt: tuple[int, int], lexicon_root: str | None = None,
                  trigger: int | None = None) -> list[str]:
    """Feature strings for a (source, target) token-span pair in a parsed sentence."""
    s_head = sdoc[src[0]:src[1]].root
    t_head = sdoc[tgt[0]:tgt[1]].root
    inside = set(range(*src)) | set(range(*tgt))
    feats: list[str] = []
    trig = sdoc[trigger] if trigger is not None else _governing_verb(lowest_common_ancestor(s_head, t_head))
    lemma = trig.lemma_.lower()
    feats += [f"t:{lemma}", f"tp:{trig.pos_}"]
    for c in trig.children:
        if c.dep_ in ("dobj", "attr", "xcomp", "ccomp"):
            feats.append(f"t{c.dep_}:{lemma}_{c.lemma_.lower()}")
        elif c.dep_ in ("prep", "prt", "agent", "dative"):
            feats.append(f"tprep:{lemma}_{c.lower_}")
        elif c.dep_ == "neg":
            feats.append("neg")
    if trig.dep_ == "xcomp":
        feats.append(f"chain:{trig.head.lemma_.lower()}_{lemma}")
    feats.append(f"sdep:{s_head.dep_}")
    feats.append(f"tdep:{t_head.dep_}_{t_head.head.lower_}")
    lo, hi = (src[1], tgt[0]) if src[0] < tgt[0] else (tgt[1], src[0])
    between = [t for t in sdoc[lo:hi] if t.pos_ not in _SKIP_POS and t.i not in inside]
    prev = "<s>"
    for t in between:
        lem = t.lemma_.lower()
        feats.append(f"b:{lem}")
        feats.append(f"bb:{prev}_{lem}")
        prev = lem
    for t in sentence_tokens(sdoc).all:
        if t.i not in inside and t.pos_ not in _SKIP_POS:
            feats.append(f"w:{t.lemma_.lower()}")
    order = "st" if src[0] < tgt[0] else "ts"
    feats.append(f"order:{order}")
    # the trigger with which side comes first and how each hangs in the parse: "Iran accused Iraq" and
    # "Iraq was accused by Iran" are one act, "Iran, accused by Iraq" is its reverse
    feats.append(f"ld:{lemma}_{order}_{s_head.dep_}_{t_head.dep_}")
    feats += _structure_features(sdoc, s_head, t_head, trig, lemma)
    if lexicon_root:
        feats.append(f"lex:{lexicon_root}")
    return feats


_CROSSED = ("order:", "sdep:", "tdep:", "dist:")


def lexicon_crossed(feats: list[str], lexicon_plover: str | None) -> list[str]:
    """The lexicon's category for the trigger crossed with how the pair hangs on it (the construction, which
    side comes first, each side's dependency, their distance, negation, a quote): conjunctions a linear
    model cannot form. "Iran accused Iraq" is an accusation, "Iran, accused by Iraq" is its reverse."""
    lp = lexicon_plover or "-"
    out = []
    for f in feats:
        kind, _, value = f.partition(":")
        if f.startswith(_CROSSED) or (kind == "cons" and "_" not in value):
            out.append(f"lx{kind}:{lp}_{value}")
        elif f == "neg":
            out.append(f"lxneg:{lp}")
        elif f == "inquote":
            out.append(f"lxq:{lp}")
    return out


def hashed_features(feats: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Feature strings as sorted column indices and counts: what scikit-learn's FeatureHasher gives
    (signed 32-bit MurmurHash3, seed 0, |h| mod N_FEATURES, no alternating sign) without importing it."""
    counts: dict[int, int] = {}
    for f in feats:
        h = murmurhash3_32(f)
        # abs(-2**31) overflows int32 in scikit-learn's code; 2**31 mod 2**16 is 0 either way
        col = 0 if h == -(2**31) else abs(h) % N_FEATURES
        counts[col] = counts.get(col, 0) + 1
    cols = sorted(counts)
    return np.array(cols, dtype=np.int32), np.array([counts[c] for c in cols], dtype=np.float64)


@dataclass
class PairClassifier:
    """Multinomial logistic regression over hashed features, stored as a weight matrix."""

    labels: list[str]
    weights: np.ndarray  # (n_labels, N_FEATURES)
    bias: np.ndarray
    default_cameo: dict[str, str]

    def _vector(self, feats: list[str]) -> tuple[np.ndarray, np.ndarray]:
        return hashed_features(feats)

    def predict_proba(self, feats: list[str]) -> dict[str, float]:
        idx, val = self._vector(feats)
        scores = self.weights[:, idx].astype(np.float32) @ val.astype(np.float32) + self.bias
        scores = scores - scores.max()
        p = np.exp(scores)
        p /= p.sum()
        return dict(zip(self.labels, p.tolist(), strict=True))


@lru_cache(maxsize=1)
def _shipped() -> tuple[dict, dict[str, np.ndarray]] | None:
    """The shipped weight file's metadata and arrays, read once; None where the package has none."""
    path = resources.files("greatgame.events") / "data" / "classifier.npz"
    if not path.is_file():
        return None
    with path.open("rb") as f:
        data = np.load(f, allow_pickle=False)
        return json.loads(str(data["meta"])), {k: data[k] for k in ("weights", "bias")}


def load_classifier() -> PairClassifier | None:
    """The shipped classifier, or None where the package has none."""
    shipped = _shipped()
    if shipped is None:
        return None
    meta, arrays = shipped
    return PairClassifier(meta["labels"], arrays["weights"], arrays["bias"], meta["default_cameo"])


def load_calibrator() -> Calibrator | None:
    """The confidence calibrator shipped with the classifier, or None where there is none."""
    shipped = _shipped()
    if shipped is None or not shipped[0].get("calibration"):
        return None
    return Calibrator.from_dict(shipped[0]["calibration"])
