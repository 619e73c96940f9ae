"""List the event lexicon's one-word verbs whose regular forms the English pipeline lemmatises to another word.

    .venv/bin/python scripts/check_lemmas.py

Each verb is put as past, gerund and third person (made by plain rules, so "raped" for "rap" is tried
too) into "Officials FORM the plan on Monday." (a form the tagger does not read as that verb form is left
out); a form whose lemma is not the verb is printed. The ones that are real verbs cut to another word
belong in token_rules.MISCUT_VERBS.
"""

from __future__ import annotations

from greatgame.events.lexicon import load_lexicon
from greatgame.nlp import load_pipeline

_TAGS = {"VBD", "VBN", "VBG", "VBZ"}


def regular_forms(verb: str) -> list[str]:
    if verb.endswith("e"):
        return [verb + "d", verb[:-1] + "ing", verb + "s"]
    if verb.endswith("y") and verb[-2:-1] not in ("a", "e", "i", "o", "u"):
        return [verb[:-1] + "ied", verb + "ing", verb[:-1] + "ies"]
    return [verb + "ed", verb + "ing", verb + ("es" if verb.endswith(("s", "sh", "ch", "x")) else "s")]


def main() -> None:
    nlp = load_pipeline()
    verbs = sorted(v for v in load_lexicon().verb_lemmas if v.isalpha())
    cases = [(v, f) for v in verbs for f in regular_forms(v)]
    docs = nlp.pipe((f"Officials {f} the plan on Monday." for _, f in cases), batch_size=256)
    for (verb, form), doc in zip(cases, docs, strict=True):
        tok = doc[1]
        if tok.lower_ == form and tok.tag_ in _TAGS and tok.lemma_.lower() != verb:
            print(f"{verb}\t{form}\t{tok.lemma_}\t{tok.tag_}")


if __name__ == "__main__":
    main()
