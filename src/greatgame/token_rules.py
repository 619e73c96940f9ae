"""The English pipeline's attribute ruler and lemmatizer, answered from caches: the same output, faster.

spaCy's AttributeRuler runs a Matcher of some 180 patterns over every token, and its rule lemmatizer
keeps no answer for a base form (most tokens); after the tagger and the parser, the two cost as much as
the parser. What the ruler sets on a token depends only on the token's own text, tag and dependency
label (and, for a few patterns of two tokens, its neighbour's); a lemma only on the text, the part of
speech and the morphology. So both are worked out once for each of those and looked up after.
`use_cached_rules` swaps them into a loaded pipeline; tests/nlp/test_token_rules.py compares them
with spaCy's own on real text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import normalize_token_attrs, set_token_attrs  # the ruler's own setter
from spacy.vocab import Vocab

__all__ = ["AttributeRules", "CachedLemmatizer", "supported", "use_cached_rules"]

# Token attributes a pattern may test here, all fixed by the token's text, tag and label; a pattern
# testing anything else (or using an operator such as "OP") keeps spaCy's ruler.
_READS = {"ORTH": "orth_", "LOWER": "lower_", "TAG": "tag_", "DEP": "dep_", "IS_SPACE": "is_space"}
_PREDICATES = {"IN", "NOT_IN", "REGEX"}


def supported(patterns: Sequence[dict[str, Any]]) -> bool:
    """Whether AttributeRules can stand in for a ruler with these patterns."""
    for p in patterns:
        for alt in p["patterns"]:
            index = p.get("index", 0)
            if not alt or not -len(alt) <= index < len(alt):
                return False
            for spec in alt:
                for attr, want in spec.items():
                    if attr not in _READS or isinstance(want, dict) and not set(want) <= _PREDICATES:
                        return False
    return True


def _values(tok: Token) -> dict[str, Any]:
    """What the patterns may read of a token, read once: a rule tested against it reads this instead."""
    return {attr: getattr(tok, name) for attr, name in _READS.items()}


def _holds(spec: dict[str, Any], values: dict[str, Any]) -> bool:
    for attr, want in spec.items():
        value = values[attr]
        if not isinstance(want, dict):
            if value != want:
                return False
            continue
        for op, arg in want.items():
            if op == "IN" and value not in arg or op == "NOT_IN" and value in arg \
                    or op == "REGEX" and re.search(arg, value) is None:
                return False
    return True


@dataclass(frozen=True)
class _Rule:
    order: int  # the pattern's place in the ruler: a later pattern overrides an earlier one
    tokens: tuple[dict[str, Any], ...]
    attrs: dict[int, Any]
    target: int  # which token of the match takes the attributes


def _merge(found: list[tuple[int, dict[int, Any]]]) -> dict[int, Any]:
    out: dict[int, Any] = {}
    for _, attrs in sorted(found, key=lambda x: x[0]):
        out.update(attrs)
    return out


class AttributeRules:
    """spaCy's AttributeRuler for the same patterns: what a token takes is cached by its text, tag and label."""

    def __init__(self, vocab: Vocab, patterns: Sequence[dict[str, Any]] = ()) -> None:
        self.vocab = vocab
        # rules by the exact lowercase text and tag their (first) token asks for (None: any), so that a
        # token new to the cache is tried against a handful of rules, not all of them
        self.single: dict[tuple[str | None, str | None], list[_Rule]] = {}
        self.multi: dict[tuple[str | None, str | None], list[_Rule]] = {}
        self.count = 0
        # (orth, tag, dep) -> (attributes of the one-token rules, those rules, the longer rules starting here)
        self._cache: dict[tuple[int, int, int], tuple[dict, list, list[_Rule]]] = {}
        self.add_patterns(patterns)

    def add_patterns(self, patterns: Sequence[dict[str, Any]]) -> None:
        """Add patterns as AttributeRuler.add_patterns does: later ones override earlier ones."""
        if not supported(patterns):
            raise ValueError("these attribute ruler patterns test what AttributeRules does not read")
        self._cache.clear()
        for order, p in enumerate(patterns, self.count):
            self.count += 1
            attrs = normalize_token_attrs(self.vocab, p["attrs"])
            for alt in p["patterns"]:
                index = p.get("index", 0)
                rule = _Rule(order, tuple(alt), attrs, index if index >= 0 else len(alt) + index)
                lower, tag = alt[0].get("LOWER"), alt[0].get("TAG")
                key = (lower if isinstance(lower, str) else None, tag if isinstance(tag, str) else None)
                (self.multi if len(alt) > 1 else self.single).setdefault(key, []).append(rule)

    def _entry(self, tok: Token) -> tuple[dict, list, list[_Rule]]:
        """A token's cache entry, worked out (the cache has none for its text, tag and label)."""
        values = _values(tok)
        lower, tag = values["LOWER"], values["TAG"]
        keys = ((None, None), (None, tag), (lower, None), (lower, tag))
        found = [(r.order, r.attrs) for k in keys for r in self.single.get(k, ()) if _holds(r.tokens[0], values)]
        starts = [r for k in keys for r in self.multi.get(k, ()) if _holds(r.tokens[0], values)]
        entry = self._cache[(tok.orth, tok.tag, tok.dep)] = (_merge(found), found, starts)
        return entry

    def __call__(self, doc: Doc) -> Doc:
        toks = list(doc)
        cache = self._cache
        # every rule reads the tokens before any is changed (an entry, a tuple of three, is never false)
        entries = [cache.get((t.orth, t.tag, t.dep)) or self._entry(t) for t in toks]
        more: dict[int, list[tuple[int, dict[int, Any]]]] = {}
        for i, (_, _, starts) in enumerate(entries):
            for r in starts:
                if i + len(r.tokens) <= len(toks) and all(
                        _holds(spec, _values(toks[i + k])) for k, spec in enumerate(r.tokens[1:], 1)):
                    more.setdefault(i + r.target, []).append((r.order, r.attrs))
        for i, tok in enumerate(toks):
            attrs, found, _ = entries[i]
            if i in more:
                attrs = _merge(found + more[i])
            if attrs:
                set_token_attrs(tok, attrs)
        return doc


# Verbs whose regular forms spaCy's rules cut to another word of its index ("staged" -> "stag", "waged" ->
# "wag", "fined" -> "fin"; an exception table entry does not help, the rules' answer comes first). Events
# are found by lemma; scripts/check_lemmas.py lists the event lexicon's verbs the rules get wrong. ("hoped" ->
# "hop" is left: as "hope" it would make every hoped-for act hypothetical (events/data/modality.tsv), where the
# annotators code a hoped-for visit or talks on a planned trip as future; dev lost 3 such gold events.)
MISCUT_VERBS = ("cordon", "dine", "fine", "lambaste", "rape", "snipe", "stage", "wage")
_MISCUT_FORMS = {form: verb for verb in MISCUT_VERBS
                 for stem in (verb[:-1] if verb.endswith("e") else verb,)
                 for form in (stem + "ed", stem + "ing", verb + "s")}


class CachedLemmatizer(EnglishLemmatizer):
    """spaCy's English rule lemmatizer, remembering every answer by text, part of speech and morphology;
    the forms of MISCUT_VERBS, as verbs, are lemmatised to them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lemmas: dict[tuple[int, int, int], int] = {}  # -> the lemma's string id

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables()
        cache = self._lemmas
        strings = self.vocab.strings
        # (the tokens read and written as arrays: a Token object a token, and a morphology object to read
        # its key, cost more than the lookups)
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()):
            if self.overwrite or lemma == 0:
                key = (orth, pos, morph)
                lemma = cache.get(key)
                if lemma is None:
                    lemma = cache[key] = strings.add(self.lemmatize(doc[i])[0])
            lemmas.append(lemma)
        doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64))
        return doc

    def rule_lemmatize(self, token: Token) -> list[str]:
        if token.pos_ == "VERB" and (verb := _MISCUT_FORMS.get(token.lower_)):
            return [verb]
        return super().rule_lemmatize(token)


@Language.factory("greatgame_attribute_rules")
def make_attribute_rules(nlp: Language, name: str) -> AttributeRules:
    return AttributeRules(nlp.vocab)


@Language.factory("greatgame_lemmatizer", default_config={"mode": "rule", "overwrite": False})
def make_cached_lemmatizer(nlp: Language, name: str, mode: str, overwrite: bool) -> CachedLemmatizer:
    return CachedLemmatizer(nlp.vocab, None, name, mode=mode, overwrite=overwrite)


def _indexed(lookups: Lookups) -> Lookups:
    """The lemmatizer's tables with each part of speech's known lemmas as a set: spaCy tests a candidate
    lemma against a list (57,528 nouns) one by one."""
    out = Lookups()
    for name in lookups.tables:
        table = lookups.get_table(name)
        out.add_table(name, {k: frozenset(v) if name == "lemma_index" else v for k, v in table.items()})
    return out


def use_cached_rules(nlp: Language) -> Language:
    """The pipeline with its attribute ruler and English rule lemmatizer swapped for the cached ones."""
    if "attribute_ruler" in nlp.pipe_names:
        patterns = nlp.get_pipe("attribute_ruler").patterns
        if supported(patterns):
            # (patterns given after: in the component's config, spaCy would validate them, a tenth of a second)
            nlp.replace_pipe("attribute_ruler", "greatgame_attribute_rules")
            nlp.get_pipe("attribute_ruler").add_patterns(patterns)
    old = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if type(old) is EnglishLemmatizer and old.mode == "rule":
        nlp.replace_pipe("lemmatizer", "greatgame_lemmatizer", config={"mode": old.mode, "overwrite": old.overwrite})
        nlp.get_pipe("lemmatizer").initialize(lookups=_indexed(old.lookups))
    return nlp
