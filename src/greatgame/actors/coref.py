"""Coreference within one document: shorter mentions linked to the fuller mention they stand for.

- A surname or "Mr. X" links to the last full mention of that person ("Dilson Funaro" ... "Funaro").
- A title or role ("the minister", "the Chancellor", "the president") links to the last mention of a
  named or placed person whose words (or office in the leader tables) hold that title.
- "the Bank", "the Fund", "the Community" link to the organisation with that head noun the document
  names most ("the community", "the fund"), "the committee" to the last committee; an acronym to its
  expansion ("EC"); a company's name to its name with a legal form ("Siemens AG"). Plural to plural.
- A pronoun subject links to the person (he, she) the parse makes likely: the speaker of the clause it
  is reported in ("Funaro said he ..."), else the subject of the nearest earlier sentence naming a
  person. "it" and "they" link only to the speaker of the clause they are reported in ("Washington said
  it would ..."), and so do "I" and "we" of a quote ('Weinberger said, "We are prepared"').
- A possessive pronoun in a sector-only phrase ("his government", "its troops") names whose it is.
- "the report" (study, survey, communique, statement) links to the author of the last one named ("a World
  Bank report"), as "the committee" does.
- "the country" links to the state last named, "his country" to the last named state of his country;
  "the kingdom", "the island" to the state the story is about (its lead's, else the dominant one) where
  its name fits ("kingdom" needs a kingdom), else to the last state named.

Linking finds and records; it copies nothing. The recogniser copies each chain's root onto the linked
mentions once context has filled the roots in.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from ..model import Mention
from .companies import short_name
from .country_nouns import COUNTRY_NOUNS, country_noun_antecedent, story_noun, story_noun_antecedent, story_state
from .dictionary import held_on
from .resolved import ResolvedMention
from .plural import they_before
from .speakers import opens_quote, quote_goes_on, quoted_first_person, speaker, speaker_after
from .surnames import HONORIFICS, PARTICLES, surname_keys
from .spans import AGENT_BODY_NOUNS, BODY_NOUNS, acronym_of, bare_body_noun, is_acronym, money_follows, report_of

if TYPE_CHECKING:
    from ..nlp import Parsed
    from .dictionary import ActorDictionary

__all__ = ["Links", "link"]

FEMALE = {"mrs", "mrs.", "ms", "ms.", "miss", "madame", "mme", "mme.", "dame", "lady", "queen", "princess",
          "spokeswoman", "chairwoman", "congresswoman", "businesswoman", "policewoman", "she", "her"}
MALE = {"mr", "mr.", "sir", "lord", "king", "prince", "spokesman", "chairman", "congressman", "he", "him", "his"}
_DETS = {"the", "this", "that"}
_SUBJ = {"nsubj", "nsubjpass"}
# Offices of the leader tables and the words that name them.
OFFICE_WORDS = {
    "head_of_state": {"president", "head", "state", "king", "queen", "emir", "amir", "sultan", "leader"},
    "head_of_government": {"prime", "minister", "premier", "chancellor", "head", "government", "leader"},
    "foreign_minister": {"foreign", "minister", "secretary", "state", "affairs", "external"},
    "defence_minister": {"defence", "defense", "minister", "secretary"},
}
_PRONOUNS = {"he", "she", "it", "they", "i", "we"}
# Verbs whose "it" subject is seldom an actor: "it is", "it seems", "it takes".
_NOT_ACTS = {"be", "seem", "appear", "remain", "become", "take", "look", "mean", "matter", "happen", "follow",
             "cost", "rain", "make", "go"}
# Pronoun subjects may reach this many sentences back for their person (person_before: sentences that
# name an actor).
PRONOUN_REACH = 3


@dataclass
class Links:
    """What linking found: every mention in document order, each linked one's antecedent, possessors."""

    mentions: list[ResolvedMention]
    antecedent: dict[int, int] = field(default_factory=dict)  # index -> index of the mention it stands for
    possessor: dict[int, int] = field(default_factory=dict)  # "his government" -> the man it is his


def _gender(rm: ResolvedMention, sdoc: Doc) -> str | None:
    toks = [t.lower_ for t in sdoc[max(rm.start - 1, 0):rm.end]]
    if any(t in FEMALE for t in toks):
        return "f"
    if any(t in MALE for t in toks):
        return "m"
    return None


class _Linker:
    def __init__(self, parsed: Parsed, found: list[ResolvedMention], dictionary: ActorDictionary,
                 person_roles: frozenset[str]) -> None:
        self.parsed = parsed
        self.dictionary = dictionary
        self.person_roles = person_roles
        self.by_sentence: dict[int, list[ResolvedMention]] = {}
        for rm in found:
            self.by_sentence.setdefault(rm.sentence, []).append(rm)
        self.out: list[ResolvedMention] = []
        self.links = Links(self.out)
        self.surnames: dict[str, int] = {}
        self.acronyms: dict[str, int] = {}
        self.names_seen: dict[str, int] = {}  # organisation name -> mentions so far
        self.bodies: dict[str, int] = {}  # "community" -> the last body named with it ("the European Community")
        # the state the story is about: its lead's, else the one it names most by far
        self.story = story_state(found, parsed)

    # --- what a mention offers later ones ----------------------------------------------------

    def _root(self, k: int) -> int:
        while k in self.links.antecedent:
            k = self.links.antecedent[k]
        return k

    def _register(self, k: int, sdoc: Doc) -> None:
        rm = self.out[k]
        for key in surname_keys(rm):
            self.surnames[key] = k
        m = rm.mention
        if m.kind == "agent" and m.sector and sdoc[rm.head].lower_ in AGENT_BODY_NOUNS:  # "the committee"
            self.bodies[sdoc[rm.head].lower_] = k
        if m.kind == "group" and m.sector == "BUS" and (short := short_name(m.text, self.dictionary)):
            self.surnames[short] = k  # "Siemens" after "Siemens AG"
        if m.kind in ("igo", "ngo", "group") and m.code and m.name:
            self.names_seen[m.name] = self.names_seen.get(m.name, 0) + 1
        if m.kind != "person" and m.code and not m.code.startswith("---"):
            words = [t.text for t in sdoc[rm.start:rm.end] if not t.is_space]
            if "(" in words:  # "European Community (EC": the name's own acronym came along
                words = words[:words.index("(")]
            if m.kind in ("igo", "ngo"):  # "the community" after "the European Community", "the fund" after "IMF"
                for noun in {words[-1].lower(), *(m.name or "").lower().split()[-1:]} & BODY_NOUNS:
                    self.bodies[noun] = k
            for acr in (acronym_of(m.name or ""), acronym_of(" ".join(words))):
                if acr:
                    self.acronyms.setdefault(acr, k)
            # "the European Community (EC)": the bracketed acronym names it from here on
            toks = [t for t in sdoc[rm.start:min(rm.end + 3, len(sdoc))] if not t.is_space]
            for a, b, c in zip(toks, toks[1:], toks[2:], strict=False):
                if a.text == "(" and c.text == ")" and is_acronym(b.text):
                    self.acronyms[b.text.replace(".", "")] = k

    # --- links of mentions the recogniser found ------------------------------------------------

    def _bare_name(self, rm: ResolvedMention, sdoc: Doc) -> int | None:
        m = rm.mention
        if m.kind not in ("person", "group") or m.country is not None and m.kind != "person":
            return None
        words = [t.text for t in sdoc[rm.start:rm.end] if not t.is_space and t.lower_ not in HONORIFICS
                 and t.text not in ("'s", "’s")]
        key = " ".join(words)
        k = self.surnames.get(key)
        if k is None or len(words) > 2 or " ".join((self.out[k].mention.name or "").split()) == key:
            return None
        return k

    def _role(self, rm: ResolvedMention, sdoc: Doc) -> int | None:
        """ "the Chancellor" -> the last person whose words or office hold that title."""
        m = rm.mention
        toks = [t for t in sdoc[rm.start:rm.end] if not t.is_space]
        if m.kind != "person" or m.name or m.country or len(toks) < 2 or toks[0].lower_ not in _DETS:
            return None
        role = {t.lower_ for t in toks[1:]}
        if not role & self.person_roles:
            return None
        for k in range(len(self.out) - 1, -1, -1):
            cand = self.out[self._root(k)]
            c = cand.mention
            if c.kind != "person" or not (c.name or c.country) or cand is rm:
                continue
            words = {w.lower() for w in c.text.split()} | self._office_words(c)
            if role <= words:
                return self._root(k)
        return None

    def _office_words(self, m: Mention) -> set[str]:
        if m.sector != "GOV" or not m.name:
            return set()
        out: set[str] = set()
        date = self.parsed.doc.date
        for e in self.dictionary.lookup(m.name):
            for t in e.terms:
                # a dated story holds a person to the offices of its day: Chirac, prime minister in 1987, is
                # not "the president" of it
                if date is None or held_on(t, date):
                    out |= OFFICE_WORDS.get(t.role, set())
        return out

    def _description(self, rm: ResolvedMention, sdoc: Doc) -> int | None:
        """ "the Bank" -> the organisation with that head noun the document has named most; "the
        officials" -> the last officials whose own words named their country."""
        toks = [t for t in sdoc[rm.start:rm.end] if not t.is_space]
        if len(toks) == 1 and toks[0].tag_ == "NNS" and rm.mention.kind == "agent" and not rm.mention.country:
            # "Officials said ..." after "U.S. officials said ...", but not "creditor banks" after "Argentine banks"
            if any(c.dep_ in ("compound", "amod") for c in toks[0].children):
                return None
            return self._same_head(rm, sdoc)
        if len(toks) != 2 or toks[0].lower_ != "the" or rm.mention.country:
            return None
        if not toks[1].text[:1].isupper():
            return self._same_head(rm, sdoc) if rm.mention.kind == "agent" else None
        noun = toks[1].text.lower()
        best: tuple[int, int] | None = None
        for k, cand in enumerate(self.out):
            c = cand.mention
            if c.kind not in ("igo", "ngo", "group") or not c.code or not c.name or k in self.links.antecedent:
                continue
            if c.name.split()[-1].lower() != noun:
                continue
            score = (self.names_seen.get(c.name, 0), k)
            if best is None or score > best:
                best = score
        if best is None and rm.mention.kind == "agent":
            return self._same_head(rm, sdoc)
        return best[1] if best else None

    def _same_head(self, rm: ResolvedMention, sdoc: Doc) -> int | None:
        word = sdoc[rm.head].lower_  # the same form: "the banks" are not "the central bank"
        here = self.parsed.sentences[rm.sentence].index
        for k in range(len(self.out) - 2, -1, -1):
            cand = self.out[k]
            cdoc = self.parsed.sentences[cand.sentence].doc
            if here - self.parsed.sentences[cand.sentence].index > PRONOUN_REACH:
                return None
            root = self.out[self._root(k)].mention
            if root.country and root.kind == "agent" and cdoc[cand.head].lower_ == word:
                return k
        return None

    def _acronym(self, rm: ResolvedMention, sdoc: Doc) -> int | None:
        text = rm.mention.text.replace(".", "").removeprefix("the ").removeprefix("The ")
        return None if rm.mention.code is not None or not is_acronym(text) else self.acronyms.get(text)

    # --- mentions of their own: pronouns, surnames, acronyms the recogniser did not find ------

    def _pronoun(self, tok: Token, si: int, items: list[tuple[ResolvedMention, int]]) -> int | None:
        """The person a pronoun subject stands for (he, she), the speaker it reports (it, they, I, we), or
        the plural subject just before (they)."""
        low = tok.lower_
        if low in ("i", "we") and not any(t.text in ('"', "“", "``") for t in tok.doc[:tok.i]) \
                and not opens_quote(self.parsed, si):
            return None  # first person outside a quote is the writer's
        k = speaker(tok, items)
        if k is not None:
            cand = self.out[items[k][1]].mention
            if low in ("he", "she") and cand.kind != "person":
                return None
            if low in ("it", "they") and cand.kind == "person" or low == "i" and cand.kind != "person":
                return None
            return items[k][1]
        if low in ("i", "we"):  # the speaker named with the quote: 'Weinberger said, "We are ready"'
            return quote_goes_on(self.parsed, self.out, si, low)
        if low == "it":
            return self._it_before(tok, si)
        if low == "they":
            return they_before(tok, si, self.parsed, self.out)
        if low not in ("he", "she"):
            return None
        return self.person_before(tok, si, "f" if low == "she" else "m")

    def _it_before(self, tok: Token, si: int) -> int | None:
        """ "Sudan announced X. Since then, it has resisted ...": the state or body that was the subject
        of the sentence just before, for "it" as the subject of a main verb that is not a copula."""
        verb = tok.head
        if verb.dep_ != "ROOT" or verb.pos_ != "VERB" or verb.lemma_ in _NOT_ACTS or si == 0:
            return None
        prev = self.parsed.sentences[si - 1]
        if prev.index != self.parsed.sentences[si].index - 1:
            return None
        for k, rm in enumerate(self.out):
            if rm.sentence != si - 1 or rm.mention.kind not in ("state", "igo", "group") or rm.is_location \
                    or rm.source == "pair":
                continue
            head = prev.doc[rm.head]
            if head.dep_ in _SUBJ and head.head.dep_ == "ROOT":
                return k
        return None

    def person_before(self, tok: Token, si: int, gender: str) -> int | None:
        """The subject person (else the first person) of the nearest earlier sentence that names one, within
        PRONOUN_REACH sentences that name an actor (a quote that names no one does not part "he" from
        Yeutter: 'Yeutter told reporters. "It would be impossible," he said. ... He said the sanctions')."""
        named = sorted({rm.sentence for rm in self.out})  # counted between a person and here by bisection
        before = bisect_left(named, si)
        candidates: dict[int, list[int]] = {}
        for k, rm in enumerate(self.out):
            m = rm.mention
            if m.kind != "person" or rm.source == "pair":
                continue
            if rm.sentence == si and rm.start >= tok.i:
                continue
            if 1 + before - bisect_right(named, rm.sentence) > PRONOUN_REACH:
                continue
            sdoc = self.parsed.sentences[rm.sentence].doc
            g = _gender(self.out[self._root(k)], self.parsed.sentences[self.out[self._root(k)].sentence].doc)
            if g is not None and g != gender:
                continue
            if rm.sentence == si and sdoc[rm.head].dep_ not in _SUBJ:
                continue
            candidates.setdefault(rm.sentence, []).append(k)
        if not candidates:
            return None
        nearest = candidates[max(candidates)]
        sdoc = self.parsed.sentences[max(candidates)].doc
        subjects = [k for k in nearest if sdoc[self.out[k].head].dep_ in _SUBJ]
        return (subjects or nearest)[-1 if max(candidates) == si else 0]

    def _possessor(self, rm: ResolvedMention, sdoc: Doc, si: int,
                   items: list[tuple[ResolvedMention, int]]) -> int | None:
        """ "his government", "its troops": whose they are, for a phrase with a sector and no country."""
        m = rm.mention
        if m.country is not None or m.sector is None or m.kind == "person" and m.name:
            return None
        head = sdoc[rm.head]  # "his government colleagues": the pronoun may own the noun the body modifies
        pron = next((c for o in ((head, head.head) if head.dep_ == "compound" else (head,)) for c in o.children
                     if c.dep_ == "poss" and c.lower_ in ("his", "her", "its", "our")), None)
        if pron is None:
            return None
        if pron.lower_ == "our":  # 'Iraq said: "Our forces are advancing"': the quote's speaker's
            quoted = any(t.text in ('"', "“", "``") for t in sdoc[:pron.i])
            k = speaker(pron, items) if quoted else None
            return items[k][1] if k is not None else None
        if pron.lower_ == "its":
            return self._thing_before(rm, si, items)
        return self.person_before(pron, si, "f" if pron.lower_ == "her" else "m")

    def _thing_before(self, rm: ResolvedMention, si: int, items: list[tuple[ResolvedMention, int]]) -> int | None:
        """For "its": the state or body that is the subject of this sentence before it, else of the last."""
        sdoc = self.parsed.sentences[si].doc
        for cand, k in reversed(items):
            c = cand.mention
            if cand.start < rm.start and c.kind != "person" and c.country and not cand.is_location \
                    and sdoc[cand.head].dep_ in _SUBJ:
                return k
        return None

    def _new(self, sdoc: Doc, si: int, start: int, end: int, antecedent: int) -> int:
        ps = self.parsed.sentences[si]
        a = ps.offset + sdoc[start].idx
        b = ps.offset + sdoc[end - 1].idx + len(sdoc[end - 1].text)
        src = self.out[antecedent].mention
        m = Mention(src.doc_id, a, b, self.parsed.doc.text[a:b], src.code, src.country, src.sector, src.name, src.kind)
        self.out.append(ResolvedMention(m, si, start, end, end - 1, source="coref"))
        k = len(self.out) - 1
        self.links.antecedent[k] = antecedent
        return k

    def _uncovered(self, tok: Token, si: int, items: list[tuple[ResolvedMention, int]]) -> None:
        sdoc = tok.doc
        text = tok.text
        if tok.lower_ in self.bodies:
            if (det := bare_body_noun(tok)) is not None:  # "the community" after "the European Community"
                self._new(sdoc, si, det, tok.i + 1, self._root(self.bodies[tok.lower_]))
            return
        if tok.lower_ in COUNTRY_NOUNS:  # "the country", "his country": the state last named
            k = country_noun_antecedent(tok, si, items, self.out, self.parsed, self._root, PRONOUN_REACH)
            if k is not None:
                self._new(sdoc, si, tok.i - 1, tok.i + 1, self._root(k))
            return
        if (bare := story_noun(tok)) is not None:  # "the kingdom": the story's state, if it is one
            k = story_noun_antecedent(bare[1], si, self.out, self.parsed, self.story, self.dictionary,
                                      PRONOUN_REACH)
            if k is not None:
                self._new(sdoc, si, bare[0], tok.i + 1, self._root(k))
            return
        if text not in self.surnames and text.replace(".", "") not in self.acronyms and tok.lower_ not in _PRONOUNS:
            return
        if tok.dep_ in _SUBJ and tok.lower_ in _PRONOUNS:
            k = self._pronoun(tok, si, items)
            if k is not None:
                self._new(sdoc, si, tok.i, tok.i + 1, self._root(k))
            return
        # (a name that opens a sentence may be tagged a common noun: "Verhofstadt, who chaired the meeting")
        # ... or, inside a sentence, any part of speech: "Reagan stressed to Moi" (tagged a verb)
        name = tok.pos_ == "PROPN" or tok.text.istitle() and (tok.pos_ == "NOUN" or tok.i > 0)
        if name and tok.text in self.surnames and tok.dep_ not in ("compound", "flat"):
            # (with its title or lowercase particle: "Mr. Funaro", "de Keersmaeker")
            start = tok.i - 1 if tok.i > 0 and (sdoc[tok.i - 1].lower_ in HONORIFICS
                                                or sdoc[tok.i - 1].text in PARTICLES) else tok.i
            if tok.i > 0 and sdoc[tok.i - 1].pos_ == "PROPN" and start == tok.i:
                return  # part of another name
            self._new(sdoc, si, start, tok.i + 1, self.surnames[tok.text])
        elif is_acronym(tok.text) and tok.text.replace(".", "") in self.acronyms and not money_follows(sdoc, tok.i + 1):
            self._new(sdoc, si, tok.i, tok.i + 1, self.acronyms[tok.text.replace(".", "")])

    # --- the pass ------------------------------------------------------------------------------

    def run(self) -> Links:
        later_quote: list[tuple[Token, int, int | None]] = []
        for si, ps in enumerate(self.parsed.sentences):
            sdoc = ps.doc
            found = sorted(self.by_sentence.get(si, []), key=lambda r: r.start)
            covered = {i for rm in found for i in range(rm.start, rm.end)}
            items: list[tuple[ResolvedMention, int]] = []  # this sentence's mentions so far
            later: list[Token] = []  # "I", "we" quoted before their speaker: '"We are ready," Weinberger said'
            j = 0
            for tok in sdoc:
                while j < len(found) and found[j].start == tok.i:
                    self._take(found[j], sdoc, si, items)
                    j += 1
                if tok.i not in covered and not tok.is_space:
                    before = len(self.out)
                    self._uncovered(tok, si, items)
                    if len(self.out) > before:
                        items.append((self.out[-1], len(self.out) - 1))
                    elif quoted_first_person(tok, self.parsed, si):
                        later.append(tok)
            for rm in found[j:]:
                self._take(rm, sdoc, si, items)
            for tok in later:  # the speaker after the quote, now that the whole sentence's mentions are taken
                k = speaker(tok, items)
                k = items[k][1] if k is not None and items[k][0].start > tok.i else None
                later_quote.append((tok, si, k))
        for tok, si, k in later_quote:  # ... or after a quote that goes on into the sentences after
            k = speaker_after(self.parsed, self.out, si) if k is None else k
            if k is not None and (tok.lower_ == "we" or self.out[k].mention.kind == "person"):
                self._new(tok.doc, si, tok.i, tok.i + 1, self._root(k))
        return self.links

    def _take(self, rm: ResolvedMention, sdoc: Doc, si: int, items: list[tuple[ResolvedMention, int]]) -> None:
        self.out.append(rm)
        k = len(self.out) - 1
        items.append((rm, k))
        if rm.source == "pair" or rm.is_location:
            return
        ante = None
        for find in (self._bare_name, self._role, self._description, self._acronym):
            ante = find(rm, sdoc)
            if ante is not None:  # (index 0 is an antecedent too)
                break
        # "a World Bank report": "the report" is the bank (the story's first report: later ones are named
        # again, as "the Peru Report", an economic monthly that published it)
        if (report := report_of(sdoc[rm.head])) is not None and report.dep_ != "appos":
            self.bodies.setdefault(report.lower_, self._root(ante if ante is not None else k))
        if ante is not None:
            self.links.antecedent[k] = self._root(ante)
            return
        owner = self._possessor(rm, sdoc, si, items[:-1])
        if owner is not None:
            self.links.possessor[k] = self._root(owner)
        self._register(k, sdoc)


def link(parsed: Parsed, found: list[ResolvedMention], dictionary: ActorDictionary,
         person_roles: frozenset[str]) -> Links:
    """Link the mentions of a document (in order) to the fuller mentions they stand for.

    `person_roles` are the words of the titles people hold ("minister", "chancellor")."""
    return _Linker(parsed, found, dictionary, person_roles).run()
