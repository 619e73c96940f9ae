"""Companies named with their legal form ("Siemens AG", "Lloyds Bank Plc"): a business whose form says
which states' law it was founded under, and so, most often, its country."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from spacy.tokens import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .dictionary import ActorDictionary

__all__ = ["company_names", "form_country", "short_name"]


def company_names(sdoc: Doc, taken: list[Span], dictionary: ActorDictionary) -> list[Span]:
    """The spans with each organisation the model names with a legal form taking the place of the role
    words inside it ("Lloyds Bank Plc" is one company, not "Bank")."""
    out = list(taken)
    for ent in sdoc.ents:
        if ent.label_ != "ORG" or not dictionary.company_form(ent.text):
            continue
        inside = [sp for sp in out if ent.start <= sp.start and sp.end <= ent.end]
        if any(sp.start < ent.end and ent.start < sp.end and sp not in inside for sp in out):
            continue  # a longer name the dictionary knows crosses it
        out = [sp for sp in out if sp not in inside] + [Span(sdoc, ent.start, ent.end, label="NER_ORG")]
    return out


def form_country(forms: tuple[str, ...], counts: Counter) -> str | None:
    """Of the states whose law has a company's form, the one the document names most; the likeliest when
    it names none ("Plc" in a story of Ireland is Irish, elsewhere British)."""
    named = [c for c in forms if counts.get(c)]
    if named:
        return max(named, key=lambda c: counts[c])
    return forms[0] if forms else None


# Words after a company's own name that say only that it is a company: "Rover Group Plc" is later "Rover".
_COMPANY_WORDS = {"group", "holdings", "holding", "corporation", "corp", "company", "co", "inc", "industries"}


def short_name(name: str, dictionary: ActorDictionary) -> str | None:
    """The name without its legal form and words that only say it is a company, which later stands for
    the company: "Siemens AG" -> "Siemens", "Rover Group Plc" -> "Rover"."""
    words = name.split()
    if not dictionary.company_form(name):
        return None
    while len(words) > 1 and (words[-1].replace(".", "").rstrip(",").lower() in dictionary.company_forms
                              or words[-1].replace(".", "").lower() in _COMPANY_WORDS):
        words.pop()
    return " ".join(words)
