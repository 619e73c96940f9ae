"""The event finder on hand-built parses: who is source and target, passives, places, clause boundaries."""

from __future__ import annotations

from parses import mention, parse

from greatgame.events.extra import fallback_candidates
from greatgame.events.extract import find_candidates, mutual, verb_frame


def triples(cands) -> list[tuple[str, str, str, str]]:
    """(source code, trigger lemma, target code, construction) for each candidate, in order."""
    return [(c.source.mention.code, c.frame.lemma, c.target.mention.code, c.construction) for c in cands]


def test_extract_subject_and_object_are_source_and_target() -> None:
    doc = parse("""
        Russia 1 nsubj PROPN
        attacked 1 ROOT VERB attack
        Ukraine 1 dobj PROPN
        . 1 punct PUNCT
    """)
    rus, ukr = mention(doc, 0, 1, "RUS", "RUS"), mention(doc, 2, 3, "UKR", "UKR")
    cands = find_candidates(doc, 0, [rus, ukr])
    assert triples(cands) == [("RUS", "attack", "UKR", "svo")]
    assert cands[0].trigger == 1 and cands[0].source is rus and cands[0].target is ukr


def test_extract_passive_agent_is_the_source() -> None:
    doc = parse("""
        Kyiv 2 nsubjpass PROPN
        was 2 auxpass AUX be
        attacked 2 ROOT VERB attack
        by 2 agent ADP
        Russian 5 amod ADJ
        forces 3 pobj NOUN force
        . 2 punct PUNCT
    """)
    kyiv = mention(doc, 0, 1, "UKRGOV", "UKR", "GOV")
    forces = mention(doc, 4, 6, "RUSMIL", "RUS", "MIL")
    cands = find_candidates(doc, 0, [kyiv, forces])
    # the attacker is in the "by" phrase; the grammatical subject is the one attacked, never the attacker
    assert triples(cands) == [("RUSMIL", "attack", "UKRGOV", "passive")]
    assert verb_frame(doc[2]).preps == ["by"]


def test_extract_prepositional_target_enters_the_frame() -> None:
    doc = parse("""
        Iran 1 nsubj PROPN
        protested 1 ROOT VERB protest
        to 1 prep ADP
        Iraq 2 pobj PROPN
        . 1 punct PUNCT
    """)
    cands = find_candidates(doc, 0, [mention(doc, 0, 1, "IRN", "IRN"), mention(doc, 3, 4, "IRQ", "IRQ")])
    assert triples(cands) == [("IRN", "protest", "IRQ", "svo")]
    assert cands[0].frame.preps == ["to"]


def _deployed_in_syria():
    doc = parse("""
        Russia 1 nsubj PROPN
        deployed 1 ROOT VERB deploy
        troops 1 dobj NOUN troop
        in 1 prep ADP
        Syria 3 pobj PROPN
        . 1 punct PUNCT
    """)
    return doc, [mention(doc, 0, 1, "RUS", "RUS"), mention(doc, 4, 5, "SYR", "SYR")]


def test_extract_a_state_named_as_a_place_is_not_a_target() -> None:
    doc, mentions = _deployed_in_syria()
    assert find_candidates(doc, 0, mentions) == []
    # nor when the verb does not take its target "in" a place
    assert find_candidates(doc, 0, mentions, place_target_ok=lambda f: f.lemma == "intervene") == []


def test_extract_a_place_is_the_target_where_the_verb_takes_it_so() -> None:
    doc = parse("""
        Russia 1 nsubj PROPN
        intervened 1 ROOT VERB intervene
        in 1 prep ADP
        Syria 2 pobj PROPN
        . 1 punct PUNCT
    """)
    mentions = [mention(doc, 0, 1, "RUS", "RUS"), mention(doc, 3, 4, "SYR", "SYR")]
    assert find_candidates(doc, 0, mentions) == []
    cands = find_candidates(doc, 0, mentions, place_target_ok=lambda f: f.lemma == "intervene")
    assert triples(cands) == [("RUS", "intervene", "SYR", "svo")]


def test_extract_scene_prepositions_name_no_target() -> None:
    doc = parse("""
        Israel 1 nsubj PROPN
        struck 1 ROOT VERB strike
        after 1 prep ADP
        Hamas 4 nsubj PROPN
        fired 2 pcomp VERB fire
        . 1 punct PUNCT
    """)
    israel, hamas = mention(doc, 0, 1, "ISR", "ISR"), mention(doc, 3, 4, "PSEREB", "PSE", "REB", kind="group")
    # "after" sets the scene: Hamas acts in its own clause, it is not what Israel struck
    assert find_candidates(doc, 0, [israel, hamas]) == []


def test_extract_reported_clause_is_its_own_clause() -> None:
    doc = parse("""
        Russia 1 nsubj PROPN
        said 1 ROOT VERB say
        Ukraine 3 nsubj PROPN
        attacked 1 ccomp VERB attack
        Poland 3 dobj PROPN
        . 1 punct PUNCT
    """)
    rus, ukr, pol = (mention(doc, i, i + 1, c, c) for i, c in ((0, "RUS"), (2, "UKR"), (4, "POL")))
    cands = find_candidates(doc, 0, [rus, ukr, pol])
    # the speaker neither attacks Poland nor says anything to Ukraine
    assert triples(cands) == [("UKR", "attack", "POL", "svo")]
    assert fallback_candidates(doc, 0, [rus, ukr, pol], cands) == []


def test_extract_demand_names_who_is_asked_in_the_that_clause() -> None:
    doc = parse("""
        Egypt 1 nsubj PROPN
        demanded 1 ROOT VERB demand
        that 5 mark SCONJ
        Israel 5 nsubj PROPN
        should 5 aux AUX
        ease 1 ccomp VERB
        restrictions 5 dobj NOUN restriction
        . 1 punct PUNCT
    """)
    egy, isr = mention(doc, 0, 1, "EGY", "EGY"), mention(doc, 3, 4, "ISR", "ISR")
    assert triples(find_candidates(doc, 0, [egy, isr])) == [("EGY", "demand", "ISR", "svo")]


def test_extract_coordinated_subjects_of_a_reciprocal_verb_act_on_each_other() -> None:
    doc = parse("""
        Russia 3 nsubj PROPN
        and 0 cc CCONJ
        China 0 conj PROPN
        agreed 3 ROOT VERB agree
        . 3 punct PUNCT
    """)
    rus, chn = mention(doc, 0, 1, "RUS", "RUS"), mention(doc, 2, 3, "CHN", "CHN")
    assert triples(find_candidates(doc, 0, [rus, chn])) == [
        ("RUS", "agree", "CHN", "coordination"), ("CHN", "agree", "RUS", "coordination")]


def test_extract_coordinated_subjects_of_other_verbs_do_not_pair() -> None:
    doc = parse("""
        Russia 3 nsubj PROPN
        and 0 cc CCONJ
        China 0 conj PROPN
        protested 3 ROOT VERB protest
        . 3 punct PUNCT
    """)
    assert find_candidates(doc, 0, [mention(doc, 0, 1, "RUS", "RUS"), mention(doc, 2, 3, "CHN", "CHN")]) == []


def test_extract_infinitive_inherits_the_subject_above_it() -> None:
    doc = parse("""
        Iran 1 nsubj PROPN
        agreed 1 ROOT VERB agree
        to 3 aux PART
        meet 1 xcomp VERB
        Iraq 3 dobj PROPN
        . 1 punct PUNCT
    """)
    cands = find_candidates(doc, 0, [mention(doc, 0, 1, "IRN", "IRN"), mention(doc, 4, 5, "IRQ", "IRQ")])
    assert triples(cands) == [("IRN", "meet", "IRQ", "chain")]
    assert mutual(cands[0].frame)


def test_extract_event_noun_with_symmetric_preposition_goes_both_ways() -> None:
    doc = parse("""
        Talks 5 nsubj NOUN talk
        between 0 prep ADP
        Iran 1 pobj PROPN
        and 2 cc CCONJ
        Iraq 2 conj PROPN
        resumed 5 ROOT VERB resume
        . 5 punct PUNCT
    """)
    irn, irq = mention(doc, 2, 3, "IRN", "IRN"), mention(doc, 4, 5, "IRQ", "IRQ")
    assert triples(find_candidates(doc, 0, [irn, irq])) == [
        ("IRN", "talk", "IRQ", "nominal"), ("IRQ", "talk", "IRN", "nominal")]


def test_extract_state_nouns_are_no_events() -> None:
    doc = parse("""
        The 1 det DET
        war 6 nsubj NOUN
        between 1 prep ADP
        Iran 2 pobj PROPN
        and 3 cc CCONJ
        Iraq 3 conj PROPN
        ended 6 ROOT VERB end
        . 6 punct PUNCT
    """)
    assert find_candidates(doc, 0, [mention(doc, 3, 4, "IRN", "IRN"), mention(doc, 5, 6, "IRQ", "IRQ")]) == []


def test_verb_frame_collects_particle_prepositions_and_objects() -> None:
    doc = parse("""
        Iran 1 nsubj PROPN
        called 1 ROOT VERB call
        off 1 prt ADP
        talks 1 dobj NOUN talk
        with 3 prep ADP
        Iraq 4 pobj PROPN
    """)
    frame = verb_frame(doc[1])
    assert (frame.lemma, frame.particle, frame.preps, frame.objects) == ("call", "off", ["with"], ["talk"])


def test_verb_frame_an_object_with_a_noun_compound_is_looked_up_joined_first() -> None:
    # "warning shots" are a show of force before they are shots: the joined key comes first, so it wins a tie
    doc = parse("""
        Troops 1 nsubj NOUN troop
        fired 1 ROOT VERB fire
        warning 3 compound NOUN
        shots 1 dobj NOUN shot
    """)
    assert verb_frame(doc[1]).objects == ["warning-shot", "shot"]


def test_verb_frame_what_a_package_holds_keeps_its_preposition() -> None:
    # "signed a package of deals with Korea": the deals were signed with Korea, by both
    doc = parse("""
        Russia 1 nsubj PROPN
        signed 1 ROOT VERB sign
        a 3 det DET
        package 1 dobj NOUN
        of 3 prep ADP
        deals 4 pobj NOUN deal
        with 5 prep ADP
        Korea 6 pobj PROPN
    """)
    frame = verb_frame(doc[1])
    assert (frame.preps, frame.objects) == (["of", "with"], ["package", "deal"])
    assert mutual(frame)


def test_extract_a_headline_verb_the_parse_took_for_a_noun_stays_on_the_nominal_frame() -> None:
    # "Tokyo pledges aid to Manila" parsed as one noun phrase: the pledge is what was done with the aid
    doc = parse("""
        Tokyo 2 compound PROPN
        pledges 2 compound NOUN pledge
        aid 2 ROOT NOUN
        to 2 prep ADP
        Manila 3 pobj PROPN
    """)
    doc[1].tag_ = "NNS"
    tokyo, manila = mention(doc, 0, 1, "JPNGOV", "JPN", "GOV"), mention(doc, 4, 5, "PHLGOV", "PHL", "GOV")
    [cand] = find_candidates(doc, 0, [tokyo, manila])
    assert (cand.source, cand.target, cand.construction) == (tokyo, manila, "nominal")
    assert (cand.frame.lemma, cand.frame.preps, cand.frame.verb) == ("aid", ["to"], "pledge")
    # a plural noun before the event noun that is not the headline's verb names no verb ("arms sales")
    doc[1].tag_ = "NN"
    [cand] = find_candidates(doc, 0, [tokyo, manila])
    assert cand.frame.verb == ""
