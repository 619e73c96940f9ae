"""spaCy's entity recogniser, its greedy decoding done in numpy: the same entities, in a third of the time.

The recogniser's network runs as spaCy runs it (its own tok2vec, then the precomputed input layer);
what is redone here is the loop after it, one BILUO action a token. spaCy's compiled loop (3.8) takes
and drops the GIL for each validity check of each of the 74 actions at each token (a Cython exception
check), which made it two thirds of the recogniser's time: 4 of its 6.5 CPU seconds on the UN speeches'
2,400 sentences that need it. Every sentence of a batch is at the same token at the same step (each
action reads one token), so the step is a few array operations for the whole batch. The validity rules
are spaCy's (`spacy/pipeline/_parser_internals/ner.pyx`) for documents without preset entities; any
other case (preset entities, a beam, another model layout) goes to spaCy's own `pipe`.
tests/nlp/test_entity_decoder.py compares the two on real text.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy
from spacy.attrs import ENT_IOB, IS_SPACE, SENT_START
from spacy.pipeline._parser_internals.ner import BiluoPushDown
from spacy.pipeline.ner import EntityRecognizer
from spacy.tokens import Doc, Span
from spacy.util import minibatch
from thinc.api import NumpyOps

__all__ = ["recognise_entities", "supported"]

_BEGIN, _IN, _LAST, _UNIT, _OUT = "BILUO"


def supported(ner: object) -> bool:
    """Whether the decoding here can stand in for this component's (greedy, BILUO, spaCy v3's layout)."""
    if not isinstance(ner, EntityRecognizer) or not isinstance(ner.moves, BiluoPushDown):
        return False
    model = ner.model
    if ner.cfg.get("beam_width", 1) != 1 or getattr(ner, "postprocesses", None) or not model.attrs.get("has_upper"):
        return False
    if len(model.layers) != 3 or model.layers[1].name != "precomputable_affine":
        return False
    lower = model.layers[1]
    return lower.get_dim("nF") == 3 and lower.get_dim("nP") >= 2 and isinstance(model.ops, NumpyOps)


class _Moves:
    """The component's actions as arrays: the kind of each (B, I, L, U, O) and its label's index."""

    def __init__(self, ner: EntityRecognizer) -> None:
        names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
        kinds = [n.split("-", 1)[0] if n != "O" else _OUT for n in names]
        labels = [n.split("-", 1)[1] if "-" in n else "" for n in names]
        self.labels = sorted({x for x in labels if x})
        index = {x: i + 1 for i, x in enumerate(self.labels)}  # 0: no label
        self.label = numpy.array([index.get(x, 0) for x in labels])
        has = self.label > 0
        self.begin = numpy.array([k == _BEGIN for k in kinds]) & has
        self.inside = numpy.array([k == _IN for k in kinds]) & has
        self.last = numpy.array([k == _LAST for k in kinds]) & has
        self.unit = numpy.array([k == _UNIT for k in kinds]) & has  # "U-" (no label) only for preset entities
        self.out = numpy.array([k == _OUT for k in kinds])


def recognise_entities(ner: EntityRecognizer, docs: Sequence[Doc], batch_size: int) -> None:
    """Set the entities of these docs as `ner.pipe(docs, batch_size=batch_size)` would."""
    if not supported(ner):
        for _ in ner.pipe(docs, batch_size=batch_size):
            pass
        return
    moves = _Moves(ner)
    for batch in minibatch(docs, size=batch_size):
        # as spaCy batches them: by length, in quarters of the batch
        for sub in minibatch(sorted(batch, key=len), size=max(batch_size // 4, 2)):
            if not any(len(d) for d in sub):
                continue
            if any(d.has_annotation("ENT_IOB") for d in sub):  # preset entities: spaCy's own rules
                ner.set_annotations(sub, ner.predict(sub))
                continue
            _decode(ner, moves, sub)


def _decode(ner: EntityRecognizer, moves: _Moves, docs: list[Doc]) -> None:
    ner._ensure_labels_are_added(docs)
    tok2vec, lower, upper = ner.model.layers
    cached = lower.predict(tok2vec.predict(docs))  # (tokens + 1, 3, hidden, pieces); row 0 the padding
    bias = lower.get_param("b")
    weights, upper_bias = upper.get_param("W"), upper.get_param("b")
    unseen = sorted(ner.model.attrs.get("unseen_classes", ()))
    lengths = numpy.array([len(d) for d in docs])
    starts = numpy.concatenate([[0], numpy.cumsum(lengths)[:-1]])
    attrs = numpy.concatenate([d.to_array([SENT_START, IS_SPACE, ENT_IOB]) for d in docs]).reshape(-1, 3)
    # the token after each (a sentence may not run across a boundary the parser set), and whitespace
    sent_next = numpy.append(attrs[1:, 0] == 1, False)
    space = attrs[:, 1] != 0
    n = len(docs)
    is_open = numpy.zeros(n, dtype=bool)
    ent_start = numpy.zeros(n, dtype=numpy.int64)
    ent_label = numpy.zeros(n, dtype=numpy.int64)
    found: list[list[tuple[int, int, int]]] = [[] for _ in docs]
    for t in range(int(lengths.max())):
        act = numpy.flatnonzero(lengths > t)
        tok = starts[act] + t  # B(0) for each active state
        op = is_open[act]
        row1 = numpy.where(op, starts[act] + ent_start[act] + 1, 0)
        row2 = numpy.where(op, tok, 0)  # B(0) - 1, shifted by the padding row
        unmaxed = cached[tok + 1, 0] + cached[row1, 1]
        unmaxed += cached[row2, 2]
        unmaxed += bias
        scores = unmaxed.max(axis=2) @ weights.T
        scores += upper_bias
        if unseen:
            scores[:, unseen] = scores.min()
        two_left = (lengths[act] - t >= 2)[:, None]
        open_, closed = op[:, None], ~op[:, None]
        same = ent_label[act][:, None] == moves.label[None, :]
        free_next = ~sent_next[tok][:, None]
        word = ~space[tok][:, None]
        valid = (moves.begin & closed & two_left & free_next & word) \
            | (moves.inside & open_ & two_left & same & free_next) \
            | (moves.last & open_ & same) | (moves.unit & closed & word) | (moves.out & closed)
        best = numpy.where(valid, scores, -numpy.inf).argmax(axis=1)
        if not valid[numpy.arange(len(act)), best].all():
            raise RuntimeError("no valid entity action")  # spaCy's rules always leave one (L or O)
        for i, b in zip(act.tolist(), best.tolist(), strict=True):
            if moves.begin[b]:
                is_open[i], ent_start[i], ent_label[i] = True, t, moves.label[b]
            elif moves.last[b]:
                found[i].append((int(ent_start[i]), t + 1, int(ent_label[i])))
                is_open[i] = False
            elif moves.unit[b]:
                found[i].append((t, t + 1, int(moves.label[b])))
    for doc, ents in zip(docs, found, strict=True):
        doc.set_ents([Span(doc, s, e, label=moves.labels[lab - 1]) for s, e, lab in ents], default="outside")
