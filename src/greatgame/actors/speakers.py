"""Who a reported pronoun stands for: the speaker of the clause it is reported in ("X said it would ..."),
or, in a quote that goes on into the next sentence, the one quoted in the sentence before."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..nlp import Parsed
    from .resolved import ResolvedMention

__all__ = ["SPEECH", "opens_quote", "quote_goes_on", "quoted_first_person", "speaker", "speaker_after"]

_SUBJ = {"nsubj", "nsubjpass"}
# Verbs whose clausal complement reports what their subject said or thinks: "X said it would ...".
SPEECH = {"say", "tell", "add", "announce", "state", "declare", "warn", "insist", "argue", "claim", "deny",
          "reply", "confirm", "believe", "think", "hope", "threaten", "promise", "pledge", "vow", "indicate",
          "stress", "emphasise", "emphasize", "explain", "note", "report", "acknowledge", "suggest", "urge"}


def _verb_of(tok: Token) -> Token:
    while tok.dep_ not in _SUBJ | {"ROOT"} and tok.head.i != tok.i:
        tok = tok.head
    return tok.head if tok.dep_ in _SUBJ else tok


def speaker(pron: Token, items: list[tuple[ResolvedMention, int]]) -> int | None:
    """In "X said it/he would ...", the mention X the pronoun is reported from (an index into `items`)."""
    verb = _verb_of(pron)
    while verb.dep_ in ("ccomp", "conj", "xcomp") and verb.head.i != verb.i:
        verb = verb.head
        if verb.lemma_.lower() in SPEECH:
            subj = [c for c in verb.children if c.dep_ in _SUBJ]
            for k, (rm, _) in reversed(list(enumerate(items))):
                if subj and rm.start <= subj[0].i < rm.end:
                    return k
            return None
    return None


def opens_quote(parsed: Parsed, si: int) -> bool:
    """Whether parsed sentence `si` opens with a quote mark, or right after one that the sentence splitter
    left at the end of the sentence before ('... in Hong Kong. "I hope ...')."""
    ps = parsed.sentences[si]
    first = next((t for t in ps.doc if not t.is_space), None)
    if first is not None and first.text in ('"', "“", "``"):
        return True
    before = parsed.doc.text[max(ps.offset - 10, 0):ps.offset].rstrip()
    # (a straight quote mark opens a quote where a space comes before it, and closes one elsewhere)
    return before.endswith("“") or before.endswith('"') and before[-2:-1].isspace()


def quoted_first_person(tok: Token, parsed: Parsed, si: int) -> bool:
    """Whether a token is "I" or "we" as a subject in a sentence (`si`) that quotes, whose speaker it may name
    after it: '"We are ready," Weinberger said', '... We want a deal," Lyng said' (a quote opened before)."""
    return tok.lower_ in ("i", "we") and tok.dep_ in _SUBJ and (
        any(t.text in ('"', "“", "”", "``", "''") for t in tok.doc) or opens_quote(parsed, si))


def quote_goes_on(parsed: Parsed, out: list[ResolvedMention], si: int, low: str) -> int | None:
    """ '"... our trade problems," he told a news conference. "I hope ..."': in a quote that opens its
    sentence right after a sentence quoting someone, "I" (a person) or "we" (`low`) is the one quoted there
    (an index into `out`, the mentions so far)."""
    if si == 0 or not opens_quote(parsed, si):
        return None
    prev = parsed.sentences[si - 1]
    if prev.index != parsed.sentences[si].index - 1:
        return None
    for k, rm in enumerate(out):
        head = prev.doc[rm.head] if rm.sentence == si - 1 else None
        if head is None or head.dep_ not in _SUBJ or head.head.lemma_.lower() not in SPEECH:
            continue
        if low == "i" and rm.mention.kind != "person":
            return None
        return k
    return None


def speaker_after(parsed: Parsed, out: list[ResolvedMention], si: int) -> int | None:
    """ '"We have had three years of this. ... We want a deal," Lyng said.': for a quote sentence `si` leaves
    open, the one the sentence that closes it names as its speaker (an index into `out`), if it is one of
    the next three and the quote goes on unbroken until it."""
    marks = [t.text for t in parsed.sentences[si].doc if t.text in ('"', "“", "”")]
    # (a quote mark left at the end of the sentence before opens one that no mark of this sentence closes)
    if not (marks.count('"') % 2 or marks[-1:] == ["“"] or not marks and opens_quote(parsed, si)):
        return None  # no quote goes on past this sentence
    for s2 in range(si + 1, min(si + 4, len(parsed.sentences))):
        ps = parsed.sentences[s2]
        if ps.index != parsed.sentences[s2 - 1].index + 1:
            return None
        close = [t.i for t in ps.doc if t.text in ('"', "”", "''")]
        if not close:
            continue
        for k, rm in enumerate(out):
            head = ps.doc[rm.head] if rm.sentence == s2 else None
            if head is not None and rm.start > close[0] and head.dep_ in _SUBJ \
                    and head.head.lemma_.lower() in SPEECH:
                return k
        return None
    return None
