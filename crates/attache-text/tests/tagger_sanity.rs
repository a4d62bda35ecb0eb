//! Tagger, feature and lemma sanity on hand-written news sentences, with the built-in
//! models.

use attache_text::{Pipeline, Upos};

fn pipeline() -> Pipeline {
    Pipeline::load_default().expect("built-in models load")
}

fn words(s: &str) -> Vec<&str> {
    s.split(' ').collect()
}

#[test]
fn diplomatic_sentence() {
    let p = pipeline();
    let w = words("Pakistan upgraded its mission in Kabul .");
    let s = p.parse_pretokenized(&w);
    assert_eq!(s.len(), 7);
    assert_eq!(s.upos(0), Upos::PROPN);
    assert_eq!(s.upos(1), Upos::VERB);
    assert_eq!(s.xpos(1), "VBD");
    assert_eq!(s.feats(1).tense, Some("Past"));
    assert_eq!(s.feats(1).verb_form, Some("Fin"));
    assert_eq!(s.upos(2), Upos::PRON);
    assert_eq!(s.upos(3), Upos::NOUN);
    assert_eq!(s.feats(3).number, Some("Sing"));
    assert_eq!(s.upos(4), Upos::ADP);
    assert_eq!(s.upos(5), Upos::PROPN);
    assert_eq!(s.upos(6), Upos::PUNCT);
    assert_eq!(s.lemma(1), "upgrade");
    assert_eq!(s.lemma(0), "Pakistan");
    // Spans refer to the words joined by single spaces.
    assert_eq!(s.token_span(1), 9..17);
}

#[test]
fn passive_voice() {
    let p = pipeline();
    let s = p.parse_pretokenized(&words("The ambassador was expelled by the government ."));
    assert_eq!(s.upos(2), Upos::AUX);
    assert_eq!(s.lemma(2), "be");
    assert_eq!(s.xpos(3), "VBN");
    assert_eq!(s.feats(3).voice, Some("Pass"));
    assert_eq!(s.lemma(3), "expel");
    let s = p.parse_pretokenized(&words("Two diplomats have been expelled from Moscow ."));
    assert_eq!(s.feats(4).voice, Some("Pass"));
    let s = p.parse_pretokenized(&words("The envoy was not immediately expelled ."));
    assert_eq!(s.feats(5).voice, Some("Pass"));
    // An active perfect is not passive.
    let s = p.parse_pretokenized(&words("Russia has expelled two diplomats ."));
    assert_eq!(s.xpos(2), "VBN");
    assert_eq!(s.feats(2).voice, None);
}

#[test]
fn lemmas_and_number() {
    let p = pipeline();
    let s = p.parse_pretokenized(&words(
        "The talks were held after the ministers met in Doha .",
    ));
    assert_eq!(s.lemma(1), "talk");
    assert_eq!(s.feats(1).number, Some("Plur"));
    assert_eq!(s.lemma(2), "be");
    assert_eq!(s.lemma(3), "hold");
    assert_eq!(s.lemma(6), "minister");
    assert_eq!(s.lemma(7), "meet");
    assert_eq!(s.feats(7).tense, Some("Past"));
    // Unseen inflected words go through the suffix rules.
    let l = p.lemmatizer();
    assert_eq!(l.lemmatize("reaffirmed", Upos::VERB, "VBD"), "reaffirm");
    assert_eq!(l.lemmatize("Sanctions", Upos::NOUN, "NNS"), "sanction");
    // Suffix-rule output repaired towards a known lemma.
    assert_eq!(l.lemmatize("shelled", Upos::VERB, "VBD"), "shell");
    assert_eq!(l.lemmatize("expelled", Upos::VERB, "VBN"), "expel");
    // Irregular forms missing from the treebank (or there only with another tag) come
    // from WordNet's exception lists; base-form tags do not use them.
    assert_eq!(l.lemmatize("fled", Upos::VERB, "VBD"), "flee");
    assert_eq!(l.lemmatize("fought", Upos::VERB, "VBD"), "fight");
    assert_eq!(l.lemmatize("overran", Upos::VERB, "VBD"), "overrun");
    assert_eq!(l.lemmatize("forbade", Upos::VERB, "VBD"), "forbid");
    assert_eq!(l.lemmatize("found", Upos::VERB, "VB"), "found");
}

#[test]
fn negation_and_future() {
    let p = pipeline();
    let s = p.parse_pretokenized(&words("India will not recognize the new government ."));
    assert_eq!(s.upos(1), Upos::AUX);
    assert_eq!(s.xpos(1), "MD");
    assert_eq!(s.feats(2).polarity, Some("Neg"));
    assert_eq!(s.lemma(2), "not");
    assert_eq!(s.upos(3), Upos::VERB);
    assert_eq!(s.feats(3).verb_form, Some("Inf"));
}

#[test]
fn raw_text_spans_and_threads() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Pipeline>();
    let p = pipeline();
    let text = "Japan recalled its ambassador on Monday. Talks resumed in Geneva.";
    let doc = p.parse(text);
    assert_eq!(doc.sentences.len(), 2);
    let s = &doc.sentences[0];
    assert_eq!(s.form(text, 0), "Japan");
    assert_eq!(s.upos(1), Upos::VERB);
    assert_eq!(s.lemma(1), "recall");
    for s in &doc.sentences {
        assert!(s.root().is_some());
        for i in 0..s.len() {
            assert!(!s.form(text, i).trim().is_empty());
        }
    }
    let s2 = &doc.sentences[1];
    assert_eq!(s2.form(text, 0), "Talks");
    assert_eq!(s2.lemma(0), "talk");
    // Shared across threads.
    std::thread::scope(|sc| {
        let hs: Vec<_> = (0..2)
            .map(|_| sc.spawn(|| p.parse(text).sentences.len()))
            .collect();
        for h in hs {
            assert_eq!(h.join().unwrap(), 2);
        }
    });
}

#[test]
fn empty_input() {
    let p = pipeline();
    assert!(p.parse("").sentences.is_empty());
    assert!(p.parse("   \n ").sentences.is_empty());
    assert!(p.parse_pretokenized(&[]).is_empty());
}

#[test]
fn words_unseen_in_the_treebank() {
    // None of these words occurs in EWT train (or, like `vowed`, only once); the tagger
    // has affixes, context and its WordNet table to go on. Without the table `vowed`
    // after a coordinator was tagged ADJ.
    let p = pipeline();
    let s = p.parse_pretokenized(&words("Tehran spurned the overture and vowed reprisals ."));
    assert_eq!(s.upos(1), Upos::VERB, "spurned");
    assert_eq!(s.upos(3), Upos::NOUN, "overture");
    assert_eq!(s.upos(5), Upos::VERB, "vowed");
    assert_eq!(s.upos(6), Upos::NOUN, "reprisals");
    assert_eq!(s.xpos(6), "NNS");
    let s = p.parse_pretokenized(&words("Regulators fined the bank last year ."));
    assert_eq!(s.upos(1), Upos::VERB, "fined");
    let s = p.parse_pretokenized(&words(
        "The letter reveals their esteem for the endowment .",
    ));
    assert_eq!(s.upos(2), Upos::VERB, "reveals");
    assert_eq!(s.xpos(2), "VBZ");
    assert_eq!(s.upos(4), Upos::NOUN, "esteem");
    assert_eq!(s.upos(7), Upos::NOUN, "endowment");
    let s = p.parse_pretokenized(&words(
        "Both governments denounced the rapprochement and mediated talks bilaterally .",
    ));
    assert_eq!(s.upos(2), Upos::VERB, "denounced");
    assert_eq!(s.upos(4), Upos::NOUN, "rapprochement");
    assert_eq!(s.upos(6), Upos::VERB, "mediated");
    assert_eq!(s.upos(8), Upos::ADV, "bilaterally");
}

#[test]
fn a_sentence_with_a_full_stop_gets_a_finite_verb() {
    // Plural subject + past tense: tagged alone, the verb reads as a participle (a
    // reduced relative, "troops [who were] killed"); a sentence needs a finite verb.
    let p = pipeline();
    for text in [
        "Nigerian troops killed 30 Boko Haram fighters in Borno state .",
        "Indian and Pakistani troops clashed near the border on Friday .",
    ] {
        let w = words(text);
        let s = p.parse_pretokenized(&w);
        let verb = w.iter().position(|x| x.ends_with("ed")).unwrap();
        assert_eq!(s.xpos(verb), "VBD", "{text}");
        assert_eq!(s.head(verb), None, "the verb is the root: {text}");
    }
    // A hyphenated verb whose first part is a noun ("test-fired"), read as a passive
    // participle with the subject as its passive subject.
    let w = words("North Korea test - fired a new ballistic missile on Tuesday .");
    let s = p.parse_pretokenized(&w);
    assert_eq!(s.xpos(4), "VBD");
    assert_eq!(s.head(4), None, "the verb is the root");
    // Without a full stop (a headline) nothing is repaired.
    let s = p.parse_pretokenized(&words("Passport needed for international boat cruise ?"));
    assert_eq!(s.xpos(1), "VBN");
}

#[test]
fn the_main_verb_after_an_inserted_phrase_is_finite() {
    // Subject, a phrase set off by commas, then the main verb with an object: the
    // past form is the main verb, not a participle on a noun.
    let p = pipeline();
    for (text, verb) in [
        (
            "The demonstrators , mostly young people , accused lawmakers of ignoring the cost of living .",
            7,
        ),
        (
            "Israel , which has denied the charges , accused Hamas of war crimes .",
            8,
        ),
    ] {
        let w = words(text);
        let s = p.parse_pretokenized(&w);
        assert_eq!(s.xpos(verb), "VBD", "{text}");
    }
    // A participle with an agent or a time phrase after it stays one.
    let w = words("The army , backed by tanks , shelled the town .");
    let s = p.parse_pretokenized(&w);
    assert_eq!(s.xpos(3), "VBN");
}

#[test]
fn weapon_compounds_are_nouns() {
    let p = pipeline();
    let w = words("Riot police fired tear gas and stun grenades at the crowd .");
    let s = p.parse_pretokenized(&w);
    assert_eq!(s.upos(3), attache_text::Upos::NOUN);
    assert_eq!(s.upos(6), attache_text::Upos::NOUN);
    // The weapons are then the object of "fired", not of a verb "tear".
    assert!(s.head(4) == Some(2) || s.head(7) == Some(2));
}

#[test]
fn a_past_after_and_in_a_simple_past_sentence_is_finite() {
    let p = pipeline();
    let w = words(
        "Hamas accused Israel of blocking the talks and called on the United States to act .",
    );
    let s = p.parse_pretokenized(&w);
    assert_eq!(s.xpos(8), "VBD");
    assert_eq!(s.head(8), Some(1), "coordinated with 'accused'");
    // A perfect or a passive keeps its participle.
    let w = words("The plan was drafted in May and approved by parliament in June .");
    let s = p.parse_pretokenized(&w);
    assert_eq!(s.xpos(7), "VBN");
    let w = words("Israel has accused Hamas of delays and called for pressure .");
    let s = p.parse_pretokenized(&w);
    assert_eq!(s.xpos(7), "VBN");
}

#[test]
fn a_name_before_a_relative_clause_and_coordinated_subjects() {
    let p = pipeline();
    let w = words("Burundi , which has troops in Congo , has accused Rwanda of plotting attacks .");
    let s = p.parse_pretokenized(&w);
    assert_eq!(s.upos(0), attache_text::Upos::PROPN);
    let w = words(
        "Spain and Ireland , which recognized Palestine last year , praised Malta 's decision .",
    );
    let s = p.parse_pretokenized(&w);
    assert_eq!(s.xpos(10), "VBD");
}

#[test]
fn a_trailing_attribution_is_not_the_sentences_finite_verb() {
    let p = pipeline();
    let w = words(
        "Indian and Pakistani troops exchanged heavy fire along the border overnight , officials on both sides said .",
    );
    let s = p.parse_pretokenized(&w);
    assert_eq!(s.xpos(4), "VBD");
}

#[test]
fn a_verb_in_s_after_which_or_who_is_the_relative_clauses_verb() {
    let p = pipeline();
    let w =
        words("Bangladesh , which hosts more than a million refugees , welcomed the decision .");
    let s = p.parse_pretokenized(&w);
    assert_eq!(s.xpos(3), "VBZ");
    // A plural noun after "which" as a determiner stays a noun.
    let w = words("He asked , which countries voted against the resolution ?");
    let s = p.parse_pretokenized(&w);
    assert_eq!(s.xpos(4), "NNS");
}

#[test]
fn a_verb_after_a_name_is_no_word_part_or_plural() {
    let p = pipeline();
    // "met" after a hyphenated name had been tagged GW (a split word).
    let w = words("Foreign Minister Asaad al - Shaibani met Iraqi Prime Minister Mohammed al - Sudani in Baghdad .");
    let s = p.parse_pretokenized(&w);
    assert_eq!(s.xpos(6), "VBD");
    // "plans" right after a name and before "to" + verb is the verb.
    let w = words("Armenian Prime Minister Nikol Pashinyan plans to meet Azerbaijani President Ilham Aliyev .");
    let s = p.parse_pretokenized(&w);
    assert_eq!(s.xpos(5), "VBZ");
    // After a possessive it stays a noun.
    let w = words("The government 's plans to build a dam angered Egypt .");
    let s = p.parse_pretokenized(&w);
    assert_eq!(s.xpos(3), "NNS");
}

#[test]
fn an_irregular_past_after_its_subject_is_the_past_tense() {
    let p = pipeline();
    // Read as a base verb ("shook" VB, lemma "shook") and as a noun ("overran").
    let w = words("Trump shook hands with Putin in Helsinki .");
    let s = p.parse_pretokenized(&w);
    assert_eq!(s.xpos(1), "VBD");
    assert_eq!(s.lemma(1), "shake");
    let w = words("The town , which the RSF overran in May , was shelled .");
    let s = p.parse_pretokenized(&w);
    assert_eq!(s.xpos(6), "VBD");
    assert_eq!(s.lemma(6), "overrun");
    // A past that is also a noun, in a sentence with no other finite verb.
    let w = words("Pakistan shot down two Indian drones on Tuesday .");
    let s = p.parse_pretokenized(&w);
    assert_eq!(s.xpos(1), "VBD");
    assert_eq!(s.lemma(1), "shoot");
    // A noun after a determiner stays a noun.
    let w = words("The shot rang out across the square .");
    let s = p.parse_pretokenized(&w);
    assert_eq!(s.xpos(1), "NN");
}

#[test]
fn an_unknown_irregular_past_or_one_after_a_common_noun_is_the_past_tense() {
    let p = pipeline();
    // Read as an address ("ADD") before session 17.
    let w = words("China lent Djibouti $ 1.4 billion .");
    let s = p.parse_pretokenized(&w);
    assert_eq!(s.xpos(1), "VBD");
    assert_eq!(s.lemma(1), "lend");
    // After a common noun, in a sentence with no other finite verb.
    let w = words("The Algerian army shot down a Malian drone near the border .");
    let s = p.parse_pretokenized(&w);
    assert_eq!(s.xpos(3), "VBD");
    // A compound noun in a sentence that has its verb stays a noun.
    let w = words("A gun shot rang out across the square .");
    let s = p.parse_pretokenized(&w);
    assert_eq!(s.xpos(2), "NN");
}
