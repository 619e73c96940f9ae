"""Country from context for actors whose words name only a sector ("the Treasury", "police", "rebels").

A sector-only mention takes, in order: whose the phrase says it is ("his government", "its troops": the
possessor coreference found); a nationality or place in its phrase ("New York bankers", "police in
Kabul", an appositive's country); a place its clause happens in ("the generals met opposition leaders
in Caracas"); then, for a state's own bodies only (government, army, police, rebels, parties) and not
for plural or foreign ones ("governments", "Western diplomats"), the dateline's place, the home country
of a bare institution name ("Congress", "the Treasury": institutions.tsv) where the text names that
country, and the document's dominant country where one clearly dominates. A person named without a
country takes it from the phrase, else the dominant country. None when it stays unclear. Each filled
mention says where its country came from (`country_from`: context, dateline or document).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ..geo import place_country
from .armed import arm, fighters
from .companies import form_country
from .speakers import SPEECH
from .resolved import ResolvedMention, actor_code, sector_only
from .whole_document import after_fill, before_fill
from .story import country_counts, dateline_country, dominant_country, lead_country, two_sides
from .titles import titled_elsewhere, titled_people

if TYPE_CHECKING:
    from ..geo import Gazetteer
    from ..nlp import Parsed
    from .coref import Links
    from .dictionary import ActorDictionary

__all__ = ["fill_countries"]

# Dependencies that keep a word inside its noun phrase.
_PHRASE_DEPS = {"compound", "amod", "nmod", "poss", "prep", "pobj", "appos", "npadvmod"}
_PERSON_DEPS = _PHRASE_DEPS | {"acl", "dobj"}
# Prepositions whose object, inside the phrase, says whose or where it is: "police in Kabul", "troops
# from Syria". For a person, where they are is not whose they are ("Sen. John Glenn, in Kuwait"), but
# what they sit on is ("Jake Garn, ranking Republican on the Senate Banking Committee"); for a body, "on"
# is a topic ("an Agriculture Department authority on the USSR").
_PHRASE_PREPS = {"of", "in", "from", "at"}
_PERSON_PREPS = {"of", "from", "on"}
# Prepositions that put a clause in a place.
_CLAUSE_PREPS = {"in", "at", "inside", "near", "outside"}
# Sectors of bodies a state has (its own government, army, police, rebels); others (banks, media,
# companies) are as often foreign as not, so they take a country only from their own phrase.
# Civilians ("children", "villagers") are counted with them: people killed or arrested in a place are
# mostly its own; so are churches and clergy ("the churches" in a Swiss story are the Swiss churches).
STATE_SECTORS = {"GOV", "MIL", "COP", "REB", "OPP", "LEG", "JUD", "SPY", "INS", "PTY", "LAB", "CVL", "REL"}
# Sectors of armed bodies, which in a story of two countries fight the other one.
_ARMED = {"MIL", "REB"}
_SUBJ = {"nsubj", "nsubjpass"}
# Plural or generic heads that name several states' governments: never the document's country.
_MANY = {"governments", "countries", "nations", "states", "democracies", "capitals", "diplomats", "allies", "creditors",
         "donors", "heads", "members", "powers", "ministers", "leaders", "partners", "neighbours", "neighbors",
         "friends"}
# Words that make several governments parts of one state: "provincial governments", "local authorities".
_SUBNATIONAL = {"provincial", "regional", "municipal", "local", "state", "county", "cantonal"}
# Heads that name other states by their relation to the one that modifies them: "U.S. allies", "Japan's
# trading partners" are not the United States or Japan.
RELATIONAL = {"allies", "ally", "partners", "neighbours", "neighbors", "friends", "creditors", "adversaries",
              "rivals", "foes", "enemies"}
_COMMITTEES = {"committee", "group", "panel"}
# Words that make a body any state's, or another's than the document's: "foreign banks", "their government".
_UNSPECIFIC = {"unidentified", "unknown", "foreign", "western", "international", "other", "overseas", "allied",
               "world", "multinational", "their", "your", "both", "several", "many", "some", "all", "each"}
_QUANTIFIERS = {"both", "several", "many", "some", "all", "each"}  # ... of those, the ones counting people


def _verb_of(tok: Token) -> Token | None:
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok if tok.pos_ in ("VERB", "AUX") else None


def _phrase_tokens(head: Token, deps: set[str] = _PHRASE_DEPS, preps: set[str] = _PHRASE_PREPS) -> list[Token]:
    out, todo = [], [head]
    while todo:
        tok = todo.pop()
        for c in tok.children:
            if c.dep_ in deps and (c.dep_ != "prep" or c.lower_ in preps):
                out.append(c)
                todo.append(c)
    return out


def _clause_places(head: Token) -> list[Token]:
    verb = head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    places = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in _CLAUSE_PREPS
              for p in c.children if p.dep_ == "pobj"]
    # "spent two days in Washington talking to government officials": a participle's clause happens
    # where the clause it hangs off does
    # ("spent two days at the end of last week in Washington ...": its place may hang off its time phrase)
    if not places and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp") and verb.head.pos_ == "VERB":
        todo = [c for c in verb.head.children if c.dep_ in ("prep", "dobj", "npadvmod")]
        while todo:
            tok = todo.pop()
            if tok.dep_ == "prep" and tok.lower_ in _CLAUSE_PREPS:
                places += [p for p in tok.children if p.dep_ == "pobj"]
            todo += [c for c in tok.children if c.dep_ in ("prep", "pobj")]
    # "spent two days in Washington talking to officials": the parse may make the place a participle's subject
    if not places and verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ in _CLAUSE_PREPS:
        places += [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"]
    return places


class _Context:
    def __init__(self, parsed: Parsed, places: tuple[tuple[Span, ...], ...], links: Links, gazetteer: Gazetteer,
                 dictionary: ActorDictionary) -> None:
        self.parsed = parsed
        self.places = places
        self.dictionary = dictionary
        self.found = links.mentions  # filled by fill_countries as it goes
        self.gazetteer = gazetteer
        self.antecedent = links.antecedent
        self.by_sentence: dict[int, list[int]] = {}
        for k, rm in enumerate(self.found):
            self.by_sentence.setdefault(rm.sentence, []).append(k)

    def country_of(self, k: int) -> str | None:
        """A mention's country, or, for one linked to a fuller mention ("TSE", "the exchange"), that one's:
        linked mentions take their codes only after this stage."""
        while self.found[k].country is None and k in self.antecedent:
            k = self.antecedent[k]
        return self.found[k].country if self.found[k].source != "pair" else None

    def _country_at(self, tok: Token, si: int, skip: int) -> str | None:
        """The country a token names: a mention of its own (not mention `skip`), or a place."""
        for k in self.by_sentence.get(si, []):
            other = self.found[k]
            if k != skip and other.start <= tok.i < other.end and self.country_of(k):
                return self.country_of(k)
        for sp in self.places[si]:
            if sp.start <= tok.i < sp.end:
                return self._place_country(sp)
        return None

    def _place_country(self, sp: Span) -> str | None:
        place = self.gazetteer.lookup(" ".join(sp.text.split()))
        return place_country(place, self.parsed.doc.date) if place else None

    def placed_only_in(self, si: int, country: str) -> bool:
        """Whether every place sentence `si` names whose country is known is in `country` (or it names none)."""
        return all(self._place_country(sp) in (None, country) for sp in self.places[si])

    def own_country(self, k: int) -> str | None:
        """A nationality among the mention's own words and modifiers, not a place it is in."""
        rm = self.found[k]
        sdoc = self.parsed.sentences[rm.sentence].doc
        head = sdoc[rm.head]
        toks = [sdoc[i] for i in range(rm.start, rm.end) if i != rm.head]
        toks += [c for c in head.children if c.dep_ in ("amod", "compound", "nmod", "poss")]
        for tok in toks:
            for j in self.by_sentence.get(rm.sentence, []):
                other = self.found[j]
                if j != k and other.start <= tok.i < other.end and other.country and not other.is_location:
                    return other.country
        return None

    def phrase_country(self, k: int, person: bool = False) -> str | None:
        """A country named in the mention's noun phrase; for a person also in a clause describing them
        ("Jake Garn, ranking Republican on the Senate Banking Committee")."""
        rm = self.found[k]
        sdoc = self.parsed.sentences[rm.sentence].doc
        head = sdoc[rm.head]
        inside = [sdoc[i] for i in range(rm.start, rm.end) if i != rm.head]
        # "The US commander in Iraq, General David Petraeus": an appositive is whom it stands beside
        beside = [head.head] if head.dep_ == "appos" else []
        # "Britain's Prince Charles and Princess Diana": a possessor of the first of two joined names owns both
        if head.dep_ == "conj" and head.head.i < head.i:
            beside += [c for c in head.head.children if c.dep_ == "poss" and c.i < head.head.i]
        # "Syrian government missiles", "a police headquarters in eastern Afghanistan": the mention only
        # modifies a thing; that thing's other modifiers and places say whose
        # ("a British government aid package": of the last noun of a chain of them)
        top = head
        while top.dep_ == "compound" and top.head.pos_ in ("NOUN", "PROPN") and top.head.i != top.i:
            top = top.head
        if top.i != head.i and not person:
            beside += [t for t in _phrase_tokens(top) if not rm.start <= t.i < rm.end]
        around = _phrase_tokens(head, _PERSON_DEPS, _PERSON_PREPS) if person else _phrase_tokens(head)
        for tok in inside + beside + around:
            c = self._country_at(tok, rm.sentence, k)
            if c:
                return c
        return None

    def described(self, k: int) -> bool:
        """Whether a person's name has an appositive of a body with no country ("X, president of the Bank
        of Montreal"), which says whose they are better than the story's country does."""
        rm = self.found[k]
        sdoc = self.parsed.sentences[rm.sentence].doc
        appos = [c for c in sdoc[rm.head].children if c.dep_ == "appos"]
        inside = {t.i for a in appos for t in a.subtree}
        return any(j != k and self.found[j].start in inside or self.found[j].head in inside
                   for j in self.by_sentence.get(rm.sentence, []) if self.found[j].mention.country is None)

    def clause_country(self, k: int) -> str | None:
        rm = self.found[k]
        sdoc = self.parsed.sentences[rm.sentence].doc
        head = sdoc[rm.head]
        while head.dep_ == "compound" and head.head.i != head.i:  # "stormed a police headquarters in X"
            head = head.head
        if head.dep_ not in ("nsubj", "nsubjpass", "dobj", "agent", "pobj"):
            return None
        for tok in _clause_places(head):
            for sp in self.places[rm.sentence]:
                if sp.start <= tok.i < sp.end:
                    return self._place_country(sp)
            for j in self.by_sentence.get(rm.sentence, []):
                other = self.found[j]
                if (other.is_location or tok.dep_ == "nsubj" and other.mention.kind == "state") \
                        and other.start <= tok.i < other.end:
                    return other.country
        return None

    def side_country(self, k: int, sides: tuple[str, str]) -> tuple[str | None, set[str]]:
        """In a story about two countries, the side a body is on by what its sentence names of the two: a
        side named above its clause is its own ("The Iranian news agency said the troops advanced", "America's
        force in the Gulf, where the Navy began escorting"); one named only in its clause, beside or below
        it, an armed body's enemy ("the Guards were under assault from warplanes"). Also the countries its
        sentence names around it by mentions' own words (in its clause, as its speaker)."""
        rm = self.found[k]
        sdoc = self.parsed.sentences[rm.sentence].doc
        head = sdoc[rm.head]
        verb = _verb_of(head)
        if verb is None:
            return None, set()
        own = {t.i for t in head.subtree}
        # (what the clause reports does not set its speaker against the states it names)
        said = {t.i for c in verb.children if c.dep_ == "ccomp" for t in c.subtree}
        below = {t.i for t in verb.subtree} - said
        # a body not its clause's subject takes only its speaker's side, not "Canada's refusal to accept any envoy"
        speech = next((a for a in head.ancestors if a.lemma_.lower() in SPEECH), None)
        speaker = {t.i for c in (speech.children if speech else []) if c.dep_ in _SUBJ for t in c.subtree}
        subject = head.dep_ in _SUBJ
        tree = {t.i for t in list(head.ancestors)[-1].subtree} if head.dep_ != "ROOT" else own  # (one parse tree)
        above_named, below_named = set(), set()
        named = set()  # countries named by mentions' own words, not filled from context
        for j in self.by_sentence.get(rm.sentence, []):
            other = self.found[j]
            if other.source == "pair" and other.head in own:
                return None, set(sides)  # "officials from the two countries": both sides'
            if j == k or other.country is None or other.source == "pair" or other.is_location \
                    or other.head in own or other.head in said or other.head not in tree:
                continue
            if other.head in below:
                below_named.add(other.country)
            elif subject or other.head in speaker:
                above_named.add(other.country)
            else:
                continue
            if other.mention.country_from is None:
                named.add(other.country)
        if len(above_named) == 1 and above_named <= set(sides):
            return above_named.pop(), named
        # only armed bodies and a speaker's own ("our government") face the other side in their clause, not
        # "Sims told a Marine", "Brown is an ex-Marine"; a third state in it makes no exchange of two
        ours = any(c.lower_ == "our" for c in [*head.children, *head.head.children])  # "our government efforts"
        if not above_named and len(below_named) == 1 and below_named <= set(sides) and (
                rm.mention.sector in _ARMED or ours) and verb.lemma_.lower() not in SPEECH and head.dep_ != "attr":
            return next(c for c in sides if c not in below_named), named
        return None, named

    def unspecific(self, k: int) -> bool:
        """ "foreign governments", "their government", "Western diplomats": not one state's own body.

        Words of a body's own name ("the foreign ministry") do not count."""
        rm = self.found[k]
        sdoc = self.parsed.sentences[rm.sentence].doc
        head = sdoc[rm.head]
        # the words around the mention: its head's modifiers, and those of the noun it modifies
        # ("western government export credit agencies")
        around = [*head.children, *(head.head.children if head.dep_ == "compound" else [])]
        words = [t.lower_ for t in around if not rm.start <= t.i < rm.end]
        if not self.dictionary.lookup(_core(rm, sdoc)):
            words += [t.lower_ for t in sdoc[rm.start:rm.end]]
        # ... but "provincial governments", "federal and provincial governments" are one state's own
        below = {w.lower_ for t in around for w in (t, *(c for c in t.children if c.dep_ == "conj"))}
        many = head.lower_ in _MANY and rm.mention.sector == "GOV" and not _SUBNATIONAL & below
        # "several top government officials" are of one government; "several governments" are not
        return many or any(w in _UNSPECIFIC and (w not in _QUANTIFIERS or head.lower_ in _MANY) for w in words)


def _reseat(found: list[ResolvedMention], dictionary: ActorDictionary, counts: Counter,
            dateline: str | None) -> None:
    """ "the Chancellery", "the Majlis": a seat of power several states have is the one of the story's
    country (its dateline, else the country it names most) where the text never names the table's."""
    for k, rm in enumerate(found):
        m = rm.mention
        if m.kind != "state" or m.sector is None or rm.source != "dictionary" or m.country is None:
            continue
        entries = dictionary.lookup(m.text) + dictionary.lookup(m.text.removeprefix("The ").removeprefix("the "))
        if not any(e.type in ("seat", "nickname") and e.ambiguity == "multi" for e in entries):
            continue
        own = counts.get(m.country, 0) - sum(1 for r in found if r.mention.text == m.text)
        ranked = [c for c, _ in counts.most_common() if c != m.country]
        other = dateline or (ranked[0] if ranked else None)
        if other and other != m.country and own <= 0:
            found[k] = replace(rm, mention=replace(m, country=other, code=actor_code(other, m.sector),
                                                   name=dictionary.state_names.get(other, other),
                                                   country_from="dateline" if dateline else "document"))


def _relational(rm: ResolvedMention, parsed: Parsed) -> bool:
    """ "U.S. allies", "Japan's trading partners": a body of states named by a state they are not."""
    m = rm.mention
    if m.kind != "agent" or m.country is None or rm.source != "dictionary" or rm.is_location:
        return False
    sdoc = parsed.sentences[rm.sentence].doc
    head = sdoc[rm.head]
    # "Brazil's 14-bank advisory committee": the committee of the banks it owes, of many countries
    creditors = m.sector == "BUS" and head.lower_ in _COMMITTEES and any(
        t.lemma_.lower() in ("bank", "creditor") for t in sdoc[rm.start:rm.end])
    return head.lower_ in RELATIONAL or creditors


def _unplaced_person(rm: ResolvedMention) -> bool:
    m = rm.mention
    return m.kind == "person" and m.country is None and m.code is None and rm.source != "pair"


def _core(rm: ResolvedMention, sdoc: Doc) -> str:
    """A mention's words without determiners and possessors: "the Treasury" -> "treasury"."""
    toks = [t for t in sdoc[rm.start:rm.end] if not t.is_space and t.dep_ not in ("det", "poss", "case")]
    return " ".join(t.lower_ for t in toks)


def _home(core: str, home: dict[str, str]) -> str | None:
    """The home country of a body named in a phrase: "trade representative clayton yeutter" -> USA."""
    words = f" {core} "
    found = [c for name, c in home.items() if f" {name} " in words and f" {name} of " not in words]
    return found[0] if len(set(found)) == 1 else None


def fill_countries(parsed: Parsed, places: tuple[tuple[Span, ...], ...], links: Links, gazetteer: Gazetteer,
                   dictionary: ActorDictionary) -> Links:
    """The links with sector-only mentions, and people named without one, given the country their context
    makes clear (the links given are left as they were).

    The dictionary's `home_country` maps bodies' bare names to the country they mean unless the text
    says otherwise ("congress" -> USA).
    """
    links = replace(links, mentions=list(links.mentions))
    found = links.mentions  # filled as the rounds go: the second round sees what the first filled
    before_fill(found, parsed, dictionary)
    home = dictionary.home_country
    ctx = _Context(parsed, places, links, gazetteer, dictionary)
    counts = country_counts(found, links)
    dominant = dominant_country(counts)
    dateline = dateline_country(parsed.doc.text, gazetteer, parsed.doc.date)
    lead = lead_country(found, parsed)
    _reseat(found, dictionary, counts, dateline)
    for k, rm in enumerate(found):
        if _relational(rm, parsed):
            m = rm.mention
            found[k] = replace(rm, mention=replace(m, country=None, code=actor_code(None, m.sector), name=None))
    for _ in range(2):  # a second round for phrases whose country was only filled in the first
        for k, rm in enumerate(found):
            if rm.mention.country is not None:
                continue
            if sector_only(rm):
                country, source = _sector_country(ctx, k, links, counts, (dominant, lead), dateline, home)
            elif _unplaced_person(rm):
                country, source = ctx.phrase_country(k, person=True), "context"
                # "William Mulholland, president of the Bank of Montreal": a person whose appositive says
                # who they are is of that body's country, not the story's
                if country is None and dominant and not ctx.described(k):
                    country, source = dominant, "document"
            else:
                continue
            if country is None:
                continue
            m = rm.mention
            found[k] = replace(rm, mention=replace(m, country=country, code=actor_code(country, m.sector),
                                                   country_from=source))
    arm(found, parsed)  # "an Iraqi jet": Iraq's forces
    fighters(found, parsed, lambda w: any(e.type == "demonym" for e in dictionary.lookup(w)))  # "the Iranians"
    after_fill(links, parsed, counts, dictionary)
    titled_people(found, parsed)
    titled_elsewhere(found, parsed)
    return links


def _sector_country(ctx: _Context, k: int, links: Links, counts: Counter, story: tuple[str | None, str | None],
                    dateline: str | None, home: dict[str, str]) -> tuple[str | None, str | None]:
    found = links.mentions
    dominant, lead = story
    rm = found[k]
    if ctx.parsed.sentences[rm.sentence].doc[rm.head].lower_ in RELATIONAL:
        return None, None  # "its allies", "Western creditors": other states, whoever they are
    owner = links.possessor.get(k)
    if owner is not None and found[owner].country:
        return found[owner].country, "context"
    forms = ctx.dictionary.company_form(rm.mention.text) if rm.mention.kind == "group" else ()
    if forms:  # "Siemens AG": of the states whose law has its legal form, the one the story names
        return form_country(forms, counts), "context"
    if ctx.unspecific(k):  # "Western diplomats in Khartoum" are not Sudan's
        return ctx.own_country(k), "context"
    # (a titled person's phrase, as a named person's: "Sen. John Glenn, in Kuwait on a tour")
    country = ctx.phrase_country(k, person=rm.mention.kind == "person" and rm.mention.name is not None)
    if country is not None:
        return country, "context"
    if rm.mention.sector not in STATE_SECTORS:
        # "GAZA CITY, Palestinian Territories: Four children ... were killed": the people a lead names are
        # where it was filed, unless the lead places itself elsewhere
        if dateline and ctx.parsed.sentences[rm.sentence].index == 0 and ctx.placed_only_in(rm.sentence, dateline):
            return dateline, "dateline"
        return None, None
    country = ctx.clause_country(k)
    if country is not None:
        return country, "context"
    # A wire dateline is where the report was filed ("LONDON (AP) -" over a story about Iraq): it places
    # an unnamed body unless the story names other countries and never the dateline's own.
    if dateline and (counts.get(dateline) or not counts):
        return dateline, "dateline"
    sdoc = ctx.parsed.sentences[rm.sentence].doc
    # a word of a longer name ("the Customs Administration Department") is not the bare institution; one
    # that modifies a thing is ("the Treasury brief", "Commerce Department monitors")
    head = sdoc[rm.head]
    # (but its committee is it: "a Senate Labor Committee hearing")
    in_name = head.dep_ == "compound" and head.head.pos_ == "PROPN" and head.head.lower_ != "committee"
    own = None if in_name else _home(_core(rm, sdoc), home)
    # "Treasury Secretary Mario Brodersohn" in a story dominated by Argentina is Argentina's
    foreign = rm.mention.kind == "person" and dominant not in (None, own)
    if own is not None and (counts.get(own) or dominant is None) and not foreign:
        return own, "document"
    sides = two_sides(counts)
    if sides is not None:
        side, named = ctx.side_country(k, sides)
        # "Taiwan announced tariff cuts before talks with Washington ... the ministry sent a proposal to the
        # cabinet": a civil body whose clause names no other country than the lead's is the lead's (not one
        # linked to a fuller mention, whose country that mention gives)
        if side is None and named <= {lead} and lead in sides and rm.mention.sector not in _ARMED \
                and k not in links.antecedent:
            return lead, "document"
        return side, "context"
    if dominant is None and lead is not None and counts.get(lead, 0) >= 2 and k not in links.antecedent:
        return lead, "document"  # a short story that names its lead's country again, and no other as often
    return dominant, "document"
