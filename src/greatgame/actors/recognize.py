"""Find actor mentions: a phrase matcher before parsing, composition and resolution after it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..model import Document, Mention
from .dictionary import ActorDictionary, Entry, Term, load_dictionary

if TYPE_CHECKING:
    from ..nlp import Parsed, ParsedSentence

__all__ = ["ActorRecognizer", "ResolvedMention"]

# Prepositions after which a place name says where something happened, not who acted.
LOCATION_PREPS = {"in", "at", "near", "into", "across", "outside", "off", "around", "throughout", "inside",
                  "along", "within", "over"}
_NP_DEPS = {"compound", "amod", "flat", "nmod", "nummod"}
_NER_ACTOR = {"PERSON": "person", "ORG": "group", "NORP": "group"}
# Wire services named in datelines ("MOSCOW (Reuters) -") report events; they are not actors in them.
_WIRE_SERVICES = {"Reuters", "AP", "AFP", "Associated Press", "Agence France-Presse", "Agence France Presse", "UPI",
                  "dpa", "Bloomberg", "ANSA", "EFE"}
_US_STATE_CUES = {"Atlanta", "Savannah", "Seattle", "Spokane", "Olympia", "governor", "Governor", "county",
                  "County", "Gov.", "Sen.", "Rep.", "legislature"}
_GEORGIA_CUES = {"Tbilisi", "Georgian", "Georgians", "Saakashvili", "Ossetia", "Abkhazia", "Caucasus",
                 "Ivanishvili", "Kobakhidze", "Zourabichvili", "Batumi"}


@dataclass
class ResolvedMention:
    """A mention with where it sits in its parsed sentence, for the event finder."""

    mention: Mention
    sentence: int  # index into Parsed.sentences
    start: int  # token range in the sentence doc
    end: int
    head: int  # token index of the noun phrase's head in the sentence doc
    is_location: bool = False
    members: tuple[Mention, ...] = ()  # for "the two sides": the dyad it stands for
    source: str = "dictionary"

    @property
    def country(self) -> str | None:
        return self.mention.country


def _code(country: str | None, sector: str | None, base: str | None = None) -> str | None:
    if base:
        return base + (sector if sector and not base.endswith(sector) else "")
    if country:
        return country + (sector or "")
    return ("---" + sector) if sector else None


class ActorRecognizer:
    """Recognise actor mentions and resolve them to country, sector and code."""

    def __init__(self, nlp: Language, dictionary: ActorDictionary | None = None) -> None:
        self.dictionary = dictionary or load_dictionary()
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.places = PhraseMatcher(nlp.vocab, attr="ORTH")
        exact, folded = [], []
        for key, entries in self.dictionary.forms.items():
            (folded if entries[0].case_insensitive else exact).append(key)
        self.exact.add("ACTOR", list(nlp.tokenizer.pipe(exact)))
        self.folded.add("ACTOR", list(nlp.tokenizer.pipe(folded)))
        from ..geo import gazetteer

        self.gazetteer = gazetteer()
        self.places.add("PLACE", list(nlp.tokenizer.pipe(self.gazetteer.forms())))

    # --- before parsing ----------------------------------------------------------------------

    def candidate_tokens(self, doc: Doc) -> list[tuple[int, int]]:
        """Token ranges that may name an actor other than a bare role word: the parse pre-filter."""
        out = [(s, e) for _, s, e in self.exact(doc)]
        for _, s, e in self.folded(doc):
            entries = self.dictionary.lookup(doc[s:e].text)
            if any(en.type == "pair" or en.sector in ("MIL", "REB", "COP", "OPP") for en in entries):
                out.append((s, e))
        return out

    # --- after parsing -----------------------------------------------------------------------

    def _entries(self, span: Span) -> list[Entry]:
        return self.dictionary.lookup(span.text)

    def _matches(self, sdoc: Doc) -> tuple[list[Span], list[Span]]:
        found = [Span(sdoc, s, e, label="ACTOR") for _, s, e in self.exact(sdoc)]
        # role words count as nouns only ("courts" the verb and "military" the adjective are not actors)
        found += [Span(sdoc, s, e, label="ACTOR") for _, s, e in self.folded(sdoc)
                  if sdoc[e - 1].pos_ in ("NOUN", "PROPN") or self._is_pair(sdoc[s:e])]
        actor_spans = filter_spans(found)
        place_spans = filter_spans([Span(sdoc, s, e, label="PLACE") for _, s, e in self.places(sdoc)])
        taken = list(actor_spans)
        for p in place_spans:
            inner = [a for a in taken if p.start <= a.start and a.end <= p.end]
            crossing = [a for a in taken if a.start < p.end and p.start < a.end and a not in inner]
            if crossing or any(len(a) == len(p) for a in inner):
                continue  # the actor reading wins a tie
            if inner and p.root.dep_ in ("compound", "amod", "nmod"):
                continue  # "Russian Far East Development Minister": the place only modifies an actor
            taken = [a for a in taken if a not in inner] + [p]
        covered = {i for sp in taken for i in range(sp.start, sp.end)}
        for ent in sdoc.ents:
            if ent.text in _WIRE_SERVICES:
                continue
            if ent.label_ in _NER_ACTOR or ent.label_ in ("GPE", "LOC", "FAC"):
                if not any(i in covered for i in range(ent.start, ent.end)):
                    label = "NER_" + ent.label_
                    taken.append(Span(sdoc, ent.start, ent.end, label=label))
        taken.sort(key=lambda s: s.start)
        actors = [s for s in taken if s.label_ == "ACTOR" or s.label_[4:] in _NER_ACTOR]
        places = [s for s in taken if s.label_ == "PLACE" or s.label_ in ("NER_GPE", "NER_LOC", "NER_FAC")]
        return actors, places

    def _is_pair(self, span: Span) -> bool:
        return any(e.type == "pair" for e in self.dictionary.lookup(span.text))

    def _location_role(self, span: Span) -> bool:
        """A place name that says where ("in Syria", "at the Kremlin"), not a demonym or an actor."""
        tok = span.root
        if any(e.type == "demonym" for e in self._entries(span)):
            return False
        while tok.dep_ in ("compound", "conj") and tok.head.i != tok.i:
            tok = tok.head
        return tok.dep_ == "pobj" and tok.head.lower_ in LOCATION_PREPS

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

    def _pick_term(self, terms: list[Term], date: str | None) -> tuple[Term, bool]:
        """The term the document's date falls in; else the latest one before it (a former holder)."""
        terms = sorted(terms, key=lambda t: t.start)
        if date is None:
            return terms[-1], True
        for t in terms:
            if t.start <= date and (t.end is None or date <= t.end):
                return t, True
        before = [t for t in terms if t.start <= date]
        return (before[-1], False) if before else (terms[0], False)

    def _state_entry(self, entries: list[Entry], span: Span, doc: Document) -> Entry | None:
        states = [e for e in entries if e.type not in ("agent", "leader", "pair", "igo", "ngo", "group")]
        if not states:
            return None
        e = states[0]
        if e.ambiguity == "person_name":
            # "Michael Jordan", "Chad Smith": part of a longer personal name
            root = span.root
            ent = next((x for x in root.doc.ents if x.start <= root.i < x.end), None)
            if (ent is not None and ent.label_ == "PERSON" and len(ent) > len(span)) or any(
                t.pos_ == "PROPN" and t.dep_ in ("compound", "flat") and not self._entries(t.doc[t.i:t.i + 1])
                for t in [*root.children, root.head] if t is not root
            ):
                return None
        if e.ambiguity == "us_state":
            nxt = span.doc[span.end].text if span.end < len(span.doc) else ""
            if nxt in ("state", "State") or any(w in doc.text for w in _US_STATE_CUES) and not any(
                w in doc.text for w in _GEORGIA_CUES | {"D.C.", "Beijing", "Moscow"}
            ):
                return None
        return e

    def _compose(self, group: list[Span], head: Token, doc: Document) -> dict | None:
        """Country, sector, code, name and kind of one noun phrase from the entries inside it."""
        country = sector = code = name = None
        kind = "state"
        person = False
        head_sector = None
        org: Entry | None = None
        person_name = None
        for sp in group:
            if sp.label_.startswith("NER_"):
                person = person or sp.label_ == "NER_PERSON"
                if sp.label_ == "NER_PERSON":
                    person_name = sp.text
                if sp.label_ != "NER_PERSON":
                    kind = "group"
                    name = name or sp.text
                continue
            entries = self._entries(sp)
            for e in entries:
                if e.type == "leader" and e.terms:
                    term, current = self._pick_term(e.terms, doc.date)
                    country = country or term.country
                    sector = term.sector if current else "ELI"
                    name, person = term.name, True
                elif e.type in ("igo", "ngo", "group") and org is None:
                    org = e
                elif e.type == "agent":
                    if sp.root.i == head.i or head_sector is None:
                        head_sector = e.sector
                    person = person or e.kind == "person"
            st = self._state_entry(entries, sp, doc)
            if st is not None and country is None:
                country, name = st.country, name or st.name
                if st.sector:
                    sector = sector or st.sector
        if org is not None:
            code = _code(org.country, head_sector if head_sector != org.sector else None, org.code)
            return {"country": org.country or country, "sector": head_sector or org.sector, "code": code,
                    "name": org.name, "kind": org.kind if not person else "person"}
        sector = head_sector or sector
        if country is None and sector is None and not person and kind != "group":
            return None
        if person:
            kind = "person"
            name = person_name or name
        elif head_sector:
            kind = "agent"
        return {"country": country, "sector": sector, "code": code or _code(country, sector), "name": name,
                "kind": kind}

    def _sentence_mentions(self, ps: ParsedSentence, si: int, doc: Document) -> list[ResolvedMention]:
        sdoc = ps.doc
        actors, places = self._matches(sdoc)
        ps.places = places
        actorish = {i for sp in actors for i in range(sp.start, sp.end)}
        groups: dict[int, list[Span]] = {}
        heads: dict[int, Token] = {}
        for sp in actors:
            entries = self._entries(sp) if sp.label_ == "ACTOR" else []
            if any(e.type == "pair" for e in entries):
                groups[-1 - sp.start] = [sp]
                continue
            h = self._head(sp, actorish)
            groups.setdefault(h.i, []).append(sp)
            heads[h.i] = h
        out = []
        for hi, group in groups.items():
            if hi < 0:
                out.append(self._pair(group[0], si, ps, doc))
                continue
            head = heads[hi]
            # "the president of Russia": the country hangs off the head as "of" + state
            for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    group += [sp for sp in actors if sp.start <= pobj.i < sp.end and sp not in group]
            info = self._compose(group, head, doc)
            if info is None:
                continue
            toks = [i for sp in group for i in range(sp.start, sp.end)] + [hi]
            start, end = min(toks), max(toks) + 1
            if start > 0 and sdoc[start - 1].dep_ == "det" and sdoc[start - 1].head.i == hi:
                start -= 1
            if sdoc[end - 1].text in ("'s", "’s", "'") and end - 1 > start:
                end -= 1
            is_loc = info["kind"] == "state" and len(group) == 1 and group[0].label_ == "ACTOR" and \
                self._location_role(group[0])
            a, b = ps.offset + sdoc[start].idx, ps.offset + sdoc[end - 1].idx + len(sdoc[end - 1].text)
            m = Mention(doc.id, a, b, doc.text[a:b], info["code"], info["country"], info["sector"],
                        info["name"], info["kind"])
            src = "model" if all(sp.label_.startswith("NER_") for sp in group) else "dictionary"
            out.append(ResolvedMention(m, si, start, end, hi, is_loc, source=src))
        out.sort(key=lambda r: r.start)
        return out

    def _pair(self, sp: Span, si: int, ps: ParsedSentence, doc: Document) -> ResolvedMention:
        a, b = ps.offset + sp.start_char, ps.offset + sp.end_char
        m = Mention(doc.id, a, b, doc.text[a:b], None, None, None, None, "state")
        return ResolvedMention(m, si, sp.start, sp.end, sp.root.i, source="pair")

    def resolve(self, parsed: Parsed, doc: Document) -> list[ResolvedMention]:
        """All mentions of a parsed document, in order; "the two sides" resolve to the last dyad."""
        out: list[ResolvedMention] = []
        for si, ps in enumerate(parsed.sentences):
            for rm in self._sentence_mentions(ps, si, doc):
                if rm.source == "pair":
                    dyad = self._last_dyad(out)
                    if dyad is None:
                        continue
                    rm.members = tuple(
                        Mention(doc.id, rm.mention.start, rm.mention.end, rm.mention.text, m.code, m.country,
                                m.sector, m.name, m.kind) for m in dyad
                    )
                out.append(rm)
        return out

    @staticmethod
    def _last_dyad(previous: list[ResolvedMention]) -> tuple[Mention, Mention] | None:
        seen: list[Mention] = []
        for rm in reversed(previous[-30:]):
            if rm.source == "pair" or rm.country is None or rm.is_location:
                continue
            if all(m.country != rm.country for m in seen):
                seen.append(rm.mention)
            if len(seen) == 2:
                return seen[1], seen[0]
        return None

    def mentions(self, resolved: list[ResolvedMention]) -> list[Mention]:
        """The mention records users see: one per mention, a dyad phrase as its two members."""
        out: list[Mention] = []
        for rm in resolved:
            if rm.is_location:
                continue
            out.extend(rm.members if rm.source == "pair" else [rm.mention])
        return out
