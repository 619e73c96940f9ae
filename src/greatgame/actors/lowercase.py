"""Text set all in lower case ("a confidential world bank report on the peruvian economy ..."): which
documents are, and which of the dictionary's case-sensitive forms may still be read in them.

Some wire copy and pasted text comes without capitals; matched by their exact case, none of its actors
would be found. In such a text the names the dictionary holds are matched whatever their case, except
where the lowercase form is also a common English word ("aid", "major", "the council", "us").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.lang.en.stop_words import STOP_WORDS

if TYPE_CHECKING:
    from spacy.language import Language

    from .dictionary import Entry

__all__ = ["LOWERCASE_SHARE", "MIN_LETTERS", "common_word", "common_words", "foldable", "lowercase_text"]

# A lowercase text has fewer capitals than this share of its letters (a name or two may keep theirs)...
LOWERCASE_SHARE = 0.01
# ... among at least this many letters (a headline or a sentence says too little)
MIN_LETTERS = 200
# (counted by what is left of the text's UTF-8 bytes when all others are taken out: bytes.translate does in
# a millisecond what a regular expression took fifteen for; every other character's bytes are over 127)
_NOT_UPPER = bytes(b for b in range(256) if not 65 <= b <= 90)
_NOT_LETTER = bytes(b for b in range(256) if not (65 <= b <= 90 or 97 <= b <= 122))
# Table values that say a name is also a common word in lower case ("china", "jordan").
_WORDLIKE = {"common_word", "person_name"}
_NAME_TYPES = {"name", "official", "demonym", "abbrev", "capital", "seat", "nickname"}


def lowercase_text(text: str) -> bool:
    """Whether a text is set all in lower case."""
    data = text.encode("utf-8", "surrogatepass")
    letters = len(data.translate(None, _NOT_LETTER))
    return letters >= MIN_LETTERS and len(data.translate(None, _NOT_UPPER)) < LOWERCASE_SHARE * letters


def common_words(nlp: Language) -> dict[str, frozenset[str]]:
    """English verbs, adjectives and adverbs the pipeline's lemmatizer knows ("aid", "major", "bush"), by
    part of speech (empty where the pipeline has no such table)."""
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None) if "lemmatizer" in nlp.pipe_names else None
    if lookups is None or not lookups.has_table("lemma_index"):
        return {}
    index = lookups.get_table("lemma_index")
    return {pos: frozenset(index.get(pos, [])) for pos in ("verb", "adj", "adv")}


def common_word(form: str, entries: list[Entry], common: dict[str, frozenset[str]]) -> bool:
    """Whether a form of one word is, in lower case, a stop word or an English verb, adjective or adverb that
    names no state ("us", "aid", "major"; not "china", "iraqi", "reagan"): in a text in capitals it is read
    as that word."""
    words = form.split()
    if len(words) != 1:
        return False
    low = words[0].lower()
    if low in STOP_WORDS or len(low) < 2:
        return True
    if any(e.type in _NAME_TYPES and e.kind == "state" for e in entries):
        return False
    return any(low in common.get(pos, ()) for pos in ("verb", "adj", "adv"))


def foldable(form: str, entries: list[Entry], common: dict[str, frozenset[str]]) -> bool:
    """Whether a case-sensitive form may be matched in any case in a lowercase text (`common`: the
    common_words of the pipeline).

    A name of several words may ("world bank", "alan garcia"); a name of one word (after "the") only if
    it is no common word: a state's name or a demonym ("peru", "peruvian"; not "china", "polish"), a
    body's acronym ("opec"; not "aid", "the council"), never a bare surname ("major", "bush").
    """
    if any(e.ambiguity in _WORDLIKE for e in entries):
        return False
    words = form.split()
    if words and words[0] in ("the", "The"):
        words = words[1:]
    if len(words) != 1:
        return len(words) > 1
    word = words[0]
    low = word.lower()
    if low in STOP_WORDS or len(low) < 3:
        return False
    if low in common.get("verb", ()) or low in common.get("adv", ()):
        return False
    if all(e.type == "demonym" for e in entries):  # a demonym is an adjective anyway
        return True
    if any(e.type not in _NAME_TYPES for e in entries) and not word.isupper():
        return False  # one word of a body or person in lower case ("commonwealth", "garcia")
    return low not in common.get("adj", ())
