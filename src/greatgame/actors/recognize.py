"""Find actor mentions: a phrase matcher before parsing, composition and resolution after it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..geo import gazetteer
from ..model import Document, Mention
from .capitals import Capitals
from .companies import company_names
from .context import fill_countries
from .coref import link
from .country_nouns import STATE_NOUNS
from .dictionary import ActorDictionary, Entry, load_dictionary, pick_term
from .dyads import dyad_members
from .lowercase import lowercase_text
from .patterns import build_patterns, load_patterns
from .resolved import Resolved, ResolvedMention, actor_code, linked
from .spans import (OFFICE_HEADS, REPORT_NOUNS, Compact, against_or_for, body_nouns, currency_name,
                    flag_of, flag_of_another, given_name_end, information, kind_of_body, location_role,
                    names_other_state, of_head, owned_name, pronoun_before, state_entry, state_nouns, titled_name,
                    words, WIRE_SERVICES)

if TYPE_CHECKING:
    from ..nlp import Parsed, ParsedSentence

__all__ = ["ActorRecognizer", "Resolved", "ResolvedMention"]


# Titles of people sent to another state: "ambassador to X" serves in X.
_ENVOYS = {"ambassador", "envoy", "ambassador-designate", "emissary"}
# Role words that, before another title, only modify it ("deputy Treasury Secretary").
_MODIFIER_TITLES = {"deputy"}
# Sectors of bodies that are no state's: their chairman or president is theirs ("president of the bank",
# "president of the union").
_BODY_SECTORS = {"BUS", "MED", "EDU", "NGO", "LAB"}
_NONSTATE_ARMED = {"REB", "UAF", "INS"}  # armed groups no state's: their commanders are theirs, not a military
_NP_DEPS = {"compound", "amod", "flat", "nmod", "nummod"}
# Adjectives that stand for one body and are its act's party though not nouns: "congressional opposition"
# is Congress opposing, "without congressional action" Congress not acting (agents.tsv).
_BODY_ADJECTIVES = {"congressional"}
_NER_ACTOR = {"PERSON": "person", "ORG": "group", "NORP": "group"}


@dataclass(frozen=True)
class Composed:
    """What the dictionary entries inside one noun phrase make of it."""

    country: str | None
    sector: str | None
    code: str | None
    name: str | None
    kind: str
    office_from: str | None = None  # "latest": a leader's office taken without a date (Mention.office_from)


class ActorRecognizer:
    """Recognise actor mentions and resolve them to country, sector and code."""

    def __init__(self, nlp: Language, dictionary: ActorDictionary | None = None) -> None:
        self.gazetteer = gazetteer()
        if dictionary is None:
            self.dictionary = load_dictionary()
            patterns = load_patterns(nlp, self.dictionary, self.gazetteer)
        else:
            self.dictionary = dictionary
            patterns = build_patterns(nlp, dictionary, self.gazetteer)
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.places = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lowered = PhraseMatcher(nlp.vocab, attr="LOWER")
        # token-id sequences: PhraseMatcher.add takes them as it takes Docs (its unpickling does the same)
        self.exact.add("ACTOR", list(patterns.exact))
        self.folded.add("ACTOR", list(patterns.folded))
        self.places.add("PLACE", list(patterns.places))
        self.lowered.add("ACTOR", list(patterns.lowered))
        self.person_roles = patterns.person_roles
        self.capitals = Capitals(nlp, patterns.capitals, self.dictionary)  # for text in capitals (casing.py)

    # --- before parsing ----------------------------------------------------------------------

    def candidate_tokens(self, doc: Doc) -> list[tuple[int, int]]:
        """Token ranges that may name an actor other than a bare role word: the parse pre-filter."""
        compact = Compact(doc)
        out = compact.match(self.exact)
        if lowercase_text(doc.text):  # "a world bank report on the peruvian economy"
            out += compact.match(self.lowered)
        folded = compact.match(self.folded)
        out += body_nouns(doc, out + folded, self.dictionary)
        out += state_nouns(doc, out, STATE_NOUNS | REPORT_NOUNS)
        for s, e in folded:
            entries = self.dictionary.lookup(doc[s:e].text)
            if any(en.type == "pair" or en.sector in ("MIL", "REB", "COP", "OPP") for en in entries) \
                    or pronoun_before(doc, s):
                out.append((s, e))
        return out

    # --- after parsing -----------------------------------------------------------------------

    def _entries(self, span: Span) -> list[Entry]:
        # a name matched in a lowercase text (only there do the lowered patterns match)
        return self.dictionary.lookup(span.text) or (
            self.dictionary.lookup_lowercase(span.text) if span.text.islower() else [])

    def _matches(self, sdoc: Doc, lowercase: bool = False) -> tuple[list[Span], list[Span]]:
        compact = Compact(sdoc)
        found = [Span(sdoc, s, e, label="ACTOR") for s, e in compact.match(self.exact)]
        if lowercase:
            found += [Span(sdoc, s, e, label="ACTOR") for s, e in compact.match(self.lowered)]
        # role words count as nouns only ("courts" the verb and "military" the adjective are not actors)
        # ... and not as a measure: "the 17-man Commission", "a five-member team" (a name that goes on
        # past the measure word does: "a 14-bank advisory committee")
        found += [Span(sdoc, s, e, label="ACTOR") for s, e in compact.match(self.folded)
                  if (sdoc[e - 1].pos_ in ("NOUN", "PROPN") or self._is_pair(sdoc[s:e])
                      or sdoc[s:e].text.lower() in _BODY_ADJECTIVES)
                  and not (e - s == 1 and s >= 2 and sdoc[s - 1].text == "-" and sdoc[s - 2].like_num)]
        found = [sp for sp in found if not information(sp) and not kind_of_body(sp) and not currency_name(sp)]
        actor_spans = filter_spans(found)
        place_spans = filter_spans([Span(sdoc, s, e, label="PLACE") for s, e in compact.match(self.places)])
        # "Nigel Lawson" is a person, not the town of Nigel; "New York" is not York: a longer name wins
        names = [ent for ent in sdoc.ents if ent.label_ in ("PERSON", "GPE", "LOC", "FAC", "ORG")]
        place_spans = [p for p in place_spans
                       if not any(e.start <= p.start and p.end <= e.end and words(e) > words(p) for e in names)]
        taken = list(actor_spans)
        for p in place_spans:
            inner = [a for a in taken if p.start <= a.start and a.end <= p.end]
            crossing = [a for a in taken if a.start < p.end and p.start < a.end and a not in inner]
            if crossing or any(len(a) == len(p) for a in inner):
                continue  # the actor reading wins a tie
            if inner and p.root.dep_ in ("compound", "amod", "nmod") and not names_other_state(
                    p, inner, self.gazetteer, lambda a: state_entry(self._entries(a), a, sdoc.text, self.dictionary)):
                continue  # "Russian Far East Development Minister": the place only modifies an actor
            taken = [a for a in taken if a not in inner] + [p]
        taken = company_names(sdoc, taken, self.dictionary)
        covered = {i for sp in taken for i in range(sp.start, sp.end)}
        for ent in sdoc.ents:
            if ent.text in WIRE_SERVICES or currency_name(ent):
                continue
            if ent.label_ in _NER_ACTOR or ent.label_ in ("GPE", "LOC", "FAC"):
                end = given_name_end(sdoc, ent.end) if ent.label_ == "PERSON" else ent.end
                if not any(i in covered for i in range(ent.start, end)):
                    label = "NER_" + ent.label_
                    taken.append(Span(sdoc, ent.start, end, label=label))
        taken.sort(key=lambda s: s.start)
        actors = [s for s in taken if s.label_ == "ACTOR" or s.label_[4:] in _NER_ACTOR]
        places = [s for s in taken if s.label_ == "PLACE" or s.label_ in ("NER_GPE", "NER_LOC", "NER_FAC")]
        return actors, places

    def _beside_body(self, sp: Span, actors: list[Span], document: Document) -> bool:
        """Whether a state's name and an international body's are joined by a hyphen ("U.S.-EC", "EC-U.S.")."""
        doc = sp.doc
        near = [a for a in actors if a.start == sp.end + 1 and doc[sp.end].text == "-"
                or a.end == sp.start - 1 and doc[a.end].text == "-"]
        kinds = [(self._state_entry(self._entries(a), a, document) is not None,
                  any(e.type == "igo" for e in self._entries(a))) for a in [sp, *near]]
        return any(kinds[0][0] and body or kinds[0][1] and state for state, body in kinds[1:])

    def _is_pair(self, span: Span) -> bool:
        return any(e.type == "pair" for e in self.dictionary.lookup(span.text))

    def _head(self, span: Span, actorish: set[int]) -> Token:
        """The head of the noun phrase the matched words belong to, if that phrase names an actor."""
        tok = span.root
        best = tok
        while tok.dep_ in _NP_DEPS | {"poss"} and tok.head.i != tok.i and tok.head.pos_ in ("NOUN", "PROPN"):
            if tok.dep_ == "poss" and tok.head.i not in actorish:
                break
            tok = tok.head
            if tok.i in actorish:
                best = tok
        return best

    def _state_entry(self, entries: list[Entry], span: Span, doc: Document) -> Entry | None:
        return state_entry(entries, span, doc.text, self.dictionary)

    def _lowercase_leader(self, sp: Span) -> list[Entry]:
        """A person the model finds in lowercase ("President obama"): the leader of that name, if any."""
        if sp.label_ != "NER_PERSON" or not sp.text.islower():
            return []
        return [e for e in self.dictionary.lookup(sp.text.title()) if e.type == "leader"]

    def _compose(self, group: list[Span], head: Token, doc: Document) -> Composed | None:
        """Country, sector, code, name and kind of one noun phrase from the entries inside it."""
        country = sector = code = name = None
        kind = "state"
        person = False
        head_sector = None
        org: Entry | None = None
        person_name = None
        undated = False
        ruler = False
        company = False  # an organisation named with its legal form: a business ("Siemens AG")
        office_body = None  # the body a sitting international official speaks for (Term.code)
        modifier = False  # the sector so far is of a word that may only modify the next title ("deputy")
        body_sector = None  # the sector of a body the head belongs to ("president of the bank", "bank officials")
        office = False  # an organisation's name ends in a word for a state's office ("... Guarantee Department")
        adjective_sector = None  # of a body's adjective: "congressional opposition" is Congress's, not an opposition
        for sp in group:
            entries = self._entries(sp) if sp.label_ == "ACTOR" else self._lowercase_leader(sp)
            if sp.label_.startswith("NER_") and not entries:
                company = company or bool(sp.label_ == "NER_ORG" and self.dictionary.company_form(sp.text))
                office = office or (sp.label_ == "NER_ORG" and sp[-1].lower_ in OFFICE_HEADS)
                person = person or sp.label_ == "NER_PERSON"
                if sp.label_ == "NER_PERSON":
                    person_name = sp.text
                if sp.label_ != "NER_PERSON":
                    kind = "group"
                    name = name or sp.text
                continue
            for e in entries:
                if e.type == "leader" and e.terms:
                    term, when = pick_term(e.terms, doc.date)
                    undated = doc.date is None
                    # a sitting head of state or government is their state's, whatever body is named beside
                    # them ("the National Security Council aide President Reagan")
                    ruler = ruler or (when == "current" and term.role in ("head_of_state", "head_of_government"))
                    country = country or term.country
                    office_body = office_body or (term.code if when == "current" else None)
                    # after the term an elite; before it, the office is unknown (the title may say it)
                    sector = {"current": term.sector, "former": "ELI"}.get(when)
                    name, person = term.name, True
                elif e.type in ("igo", "ngo", "group") and org is None and (
                        e.until is None or doc.date is not None and doc.date <= e.until):
                    org = e  # a form that named the body only until a day ("EC") needs a date before it
                elif e.type == "agent":
                    # "deputy Treasury Secretary": a deputy of the office after it, not a legislator
                    if sp.root.i == head.i or head_sector is None or modifier:
                        head_sector = e.sector
                        modifier = sp.root.i != head.i and sp.text.lower() in _MODIFIER_TITLES
                    person = person or e.kind == "person"
                    if sp.text.lower() in _BODY_ADJECTIVES:
                        adjective_sector = e.sector
                    if e.sector in _BODY_SECTORS and sp.root.i != head.i and of_head(sp, head):
                        body_sector = e.sector
            st = self._state_entry(entries, sp, doc)
            if st is not None and (against_or_for(sp) or flag_of(sp) and len(group) > 1):
                continue  # "pro-Russia rebels", "U.S.-flagged Kuwaiti tankers" are not that country's
            if st is not None and titled_name(sp, group, head, self._entries):
                person, person_name = True, person_name or sp.text
                continue  # "Queen Sofia", "President Jordan": a person's name, not the place
            if st is not None and country is None:  # "Moscow" in 1987 is the Soviet Union's seat of power
                country = self.dictionary.seat_holder(st.country, doc.date) if st.sector else st.country
                name = name or self.dictionary.state_names.get(country or "", st.name)
                if st.sector:
                    sector = sector or st.sector
        head_sector = adjective_sector or head_sector
        # "president of the Bank of Montreal", "bank officials", "Citibank's president": the bank's (not a minister)
        body_sector = body_sector or (org.sector if org is not None and org.sector in _BODY_SECTORS else None)
        if body_sector and head_sector == "GOV" and head.lower_ not in ("minister", "ministers"):
            head_sector = body_sector
        if org is not None and org.sector in _NONSTATE_ARMED and head_sector == "MIL":
            head_sector = org.sector  # "a Boko Haram commander" is the rebels', not a state's military
        if org is not None and not (ruler and org.country is None):
            code = actor_code(org.country, head_sector if head_sector != org.sector else None, org.code)
            return Composed(org.country or country, head_sector or org.sector, code,
                            (person_name or name or org.name) if person else org.name,
                            org.kind if not person else "person")
        if office_body is not None and country is None:  # "Michel Camdessus" in 1987: the IMF's
            return Composed(None, "IGO", office_body, person_name or name, "person",
                            "latest" if undated else None)
        if office and country is not None and not person and head_sector is None and org is None:
            # "Britain's Export Credits Guarantee Department": a state's own office is its government's
            return Composed(country, "GOV", actor_code(country, "GOV"), name, "group")
        if company and not person:  # "West Germany's Siemens AG": a business, of the country its phrase names
            return Composed(country, "BUS", actor_code(country, "BUS"), name, "group")
        # an international official's body is not a state's sector: "EC Commission President Jacques Delors"
        sector = sector if sector == "IGO" else head_sector or sector
        if country is None and sector is None and not person and kind != "group":
            return None
        if person:
            kind = "person"
            name = person_name or name
        elif head_sector:
            kind = "agent"
        # the office came from the person's latest term unless a title in the phrase says it
        office_from = "latest" if undated and head_sector is None and sector else None
        return Composed(country, sector, code or actor_code(country, sector), name, kind, office_from)

    def _sentence_mentions(self, ps: ParsedSentence, si: int, doc: Document,
                           actors: list[Span]) -> list[ResolvedMention]:
        sdoc = ps.doc
        actorish = {i for sp in actors for i in range(sp.start, sp.end)}
        groups: dict[int, list[Span]] = {}
        heads: dict[int, Token] = {}
        for sp in actors:
            entries = self._entries(sp) if sp.label_ == "ACTOR" else []
            if any(e.type == "pair" for e in entries):
                groups[-1 - sp.start] = [sp]
                continue
            if flag_of_another(sp, actors, lambda a: self._state_entry(self._entries(a), a, doc)):
                continue  # "the U.S.-flagged Kuwaiti tanker" is Kuwait's
            h = self._head(sp, actorish)
            owned = owned_name(sp, actors)
            if owned is not None and self._state_entry(self._entries(sp), sp, doc):
                h = self._head(owned, actorish)
            if h.i != sp.root.i and self._beside_body(sp, actors, doc):
                h = sp.root  # "U.S.-EC cooperation": the state and the body are two parties
            groups.setdefault(h.i, []).append(sp)
            heads[h.i] = h
        self._join_conjoined(groups, actors)
        self._join_envoys(groups, heads)
        out = []
        for hi, group in groups.items():
            if hi < 0:
                out.append(self._pair(group[0], si, ps, doc))
                continue
            head = heads[hi]
            # "the president of Russia", "Chancellor of the Exchequer Nigel Lawson": the country hangs off
            # the head or a title in the phrase as "of" + state
            owners = [head, *(sp.root for sp in group if sp.root.i != head.i)]
            for prep in (c for o in owners for c in o.children if c.dep_ == "prep" and c.lower_ == "of"):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    group += [sp for sp in actors if sp.start <= pobj.i < sp.end and sp not in group]
            info = self._compose(group, head, doc)
            if info is None:
                continue
            if info.kind == "agent" and info.country is None and any(
                    c.dep_ == "appos" and c.i in actorish for c in head.children):
                continue  # "the A countries - Brazil, Argentina and Mexico": the states it lists are the actors
            toks = [i for sp in group for i in range(sp.start, sp.end)] + [hi]
            start, end = min(toks), max(toks) + 1
            if start > 0 and sdoc[start - 1].dep_ == "det" and sdoc[start - 1].head.i == hi:
                start -= 1
            if sdoc[end - 1].text in ("'s", "’s", "'") and end - 1 > start:
                end -= 1
            is_loc = info.kind == "state" and len(group) == 1 and group[0].label_ == "ACTOR" and \
                location_role(group[0], self._entries(group[0]))
            a, b = ps.offset + sdoc[start].idx, ps.offset + sdoc[end - 1].idx + len(sdoc[end - 1].text)
            m = Mention(doc.id, a, b, doc.text[a:b], info.code, info.country, info.sector, info.name, info.kind,
                        office_from=info.office_from)
            src = "model" if all(sp.label_.startswith("NER_") for sp in group) else "dictionary"
            both = self._conjoined_countries(group, info, doc)
            if both:  # "US and British activists": one phrase, an actor of each country
                members = tuple(
                    replace(m, start=(a if k == 0 else ps.offset + sp.start_char),
                            text=doc.text[(a if k == 0 else ps.offset + sp.start_char):b], country=c,
                            code=actor_code(c, info.sector), name=self.dictionary.state_names.get(c, c))
                    for k, (sp, c) in enumerate(both))
                out.append(ResolvedMention(m, si, start, end, hi, members=members, source="pair"))
                continue
            out.append(ResolvedMention(m, si, start, end, hi, is_loc, source=src))
        out.sort(key=lambda r: r.start)
        return out

    def _join_conjoined(self, groups: dict[int, list[Span]], actors: list[Span]) -> None:
        """Move "British" of "US and British activists" into the phrase of the nationality it is joined to."""
        for hi in list(groups):
            group = groups[hi]
            if hi < 0 or len(group) != 1 or group[0].label_ != "ACTOR" or group[0].root.dep_ != "conj":
                continue
            anchor = group[0].root.head.i
            if not any(e.type == "demonym" or e.type in ("name", "abbrev") for e in self._entries(group[0])):
                continue
            for hj, other in groups.items():
                if hj != hi and hj >= 0 and any(sp.start <= anchor < sp.end and sp.root.i != hj for sp in other):
                    other.append(group[0])
                    del groups[hi]
                    break

    def _join_envoys(self, groups: dict[int, list[Span]], heads: dict[int, Token]) -> None:
        """ "U.S. Ambassador to Thailand William Brown": the person after "ambassador to X" is the
        ambassador, of the ambassador's country; X is where they serve."""
        for hi in [h for h in groups if h >= 0]:
            tok, group = heads[hi], groups[hi]
            prep = tok.head
            if tok.dep_ != "pobj" or prep.lower_ != "to" or prep.head.lower_ not in _ENVOYS \
                    or prep.head.i not in groups:
                continue
            if not any(sp.label_ == "NER_PERSON" or any(e.type == "leader" for e in self._entries(sp))
                       for sp in group):
                continue
            host = [sp for sp in group if sp.label_ == "ACTOR" and any(
                e.type not in ("agent", "leader", "pair", "igo", "ngo", "group") for e in self._entries(sp))]
            groups[prep.head.i] += [sp for sp in group if sp not in host]
            del groups[hi]

    def _conjoined_countries(self, group: list[Span], info: Composed, doc: Document) -> list[tuple[Span, str]]:
        """The countries of "US and British activists": two or more nationalities joined by "and" that
        modify one body; empty for anything else (a person, one country, "Russia and its allies")."""
        if info.kind not in ("agent", "state") or info.code is None or info.code.startswith("IGO"):
            return []
        states = [(sp, self._state_entry(self._entries(sp), sp, doc)) for sp in group if sp.label_ == "ACTOR"]
        states = sorted(((sp, e) for sp, e in states if e is not None and e.sector is None and e.country),
                        key=lambda x: x[0].start)
        # "U.S.-Soviet talks", "the Canadian-U.S. pact", "a U.S./Soviet summit": states joined by a hyphen
        # or a slash are both parties
        pairs = zip(states, states[1:], strict=False)
        hyphen = any(b.start == a.end + 1 and a.doc[a.end].text in ("-", "/") for (a, _), (b, _) in pairs)
        conj = info.sector is not None and any(sp.root.dep_ == "conj" for sp, _ in states)
        if len(states) < 2 or not (hyphen or conj):
            return []
        first: dict[str, Span] = {}
        for sp, e in states:
            first.setdefault(e.country, sp)
        return [(sp, c) for c, sp in first.items()] if len(first) >= 2 else []

    def _pair(self, sp: Span, si: int, ps: ParsedSentence, doc: Document) -> ResolvedMention:
        a, b = ps.offset + sp.start_char, ps.offset + sp.end_char
        m = Mention(doc.id, a, b, doc.text[a:b], None, None, None, None, "state")
        return ResolvedMention(m, si, sp.start, sp.end, sp.root.i, source="pair")

    def resolve(self, parsed: Parsed, doc: Document) -> Resolved:
        """All mentions of a parsed document, in order, resolved with the whole document in view.

        Each sentence's noun phrases first; then coreference (names, titles, acronyms, pronouns) and
        country from context; each linked mention then takes its antecedent's codes; "the two sides"
        last, as the dyad just mentioned.
        """
        lowercase = lowercase_text(doc.text)
        matches = [self._matches(ps.doc, lowercase) for ps in parsed.sentences]
        places = tuple(tuple(p) for _, p in matches)
        found = [rm for si, (ps, (actors, _)) in enumerate(zip(parsed.sentences, matches, strict=True))
                 for rm in self._sentence_mentions(ps, si, doc, actors)]
        links = link(parsed, found, self.dictionary, self.person_roles)
        links = fill_countries(parsed, places, links, self.gazetteer, self.dictionary)
        out: list[ResolvedMention] = []
        for k, rm in enumerate(links.mentions):
            ante = links.antecedent.get(k)
            if ante is not None:
                rm = linked(rm, links.mentions[ante])
                if rm is None:
                    continue
            if rm.source == "pair" and not rm.members:
                rm = dyad_members(rm, out, parsed.sentences[rm.sentence].doc, self.dictionary.state_names)
                if rm is None:
                    continue
            out.append(rm)
        out.sort(key=lambda r: (r.sentence, r.start))  # (a quoted "we" is linked after its sentence's speaker)
        return Resolved(tuple(out), places)

    def mentions(self, resolved: Resolved) -> list[Mention]:
        """The mention records users see: one per mention, a dyad phrase as its two members."""
        out: list[Mention] = []
        for rm in resolved.mentions:
            if rm.is_location:
                continue
            out.extend(rm.members if rm.source == "pair" else [rm.mention])
        return out
