//! Targets that the sentence names only indirectly, end to end through the built-in
//! models, lexicon and dictionary (sentences written for these tests): the addressee
//! of a coordinated hostile act (extract/shared_target.rs), the owner of "its leader"
//! in violence (extract.rs `targets_of`), no domestic guess for an evaluated act
//! whose foreign owner the lexicon does not know (extract/evaluation.rs), and an act
//! told again as the subject of its details (extract/followup.rs).

use attache_core::Article;

fn key(a: &Option<attache_core::ActorRef>) -> String {
    a.as_ref()
        .map(|a| a.country.clone().unwrap_or(a.code.clone()))
        .unwrap_or_else(|| "-".into())
}

/// Triples of every sentence, or of sentence `only`.
fn triples_in(text: &str, only: Option<u32>) -> Vec<String> {
    let coder = attache_coder::Coder::load_default().expect("built-in coder");
    let mut art = Article::new("t", text);
    art.published = Some("2025-03-04".into());
    let c = coder.code(&art);
    c.events
        .iter()
        .filter(|e| !e.negated && only.is_none_or(|si| e.sentence == si))
        .map(|e| format!("{}>{}:{}", key(&e.source), key(&e.target), e.cameo_root))
        .collect()
}

fn triples(text: &str) -> Vec<String> {
    triples_in(text, None)
}

#[test]
fn coordinated_threat_takes_the_accused_as_target() {
    let t = triples("Germany accused Russia of spreading disinformation and vowed to respond.");
    assert!(t.contains(&"DEU>RUS:11".to_string()), "{t:?}");
    assert!(t.contains(&"DEU>RUS:13".to_string()), "{t:?}");
}

#[test]
fn violence_against_its_leader_is_aimed_at_the_other_side() {
    let t = triples(
        "Hamas was badly weakened in last year's war, in which Israel killed its top commander.",
    );
    assert!(t.contains(&"ISR>PSE:19".to_string()), "{t:?}");
    assert!(!t.iter().any(|x| x.starts_with("ISR>ISR")), "{t:?}");
}

#[test]
fn unknown_foreign_owner_gives_no_domestic_criticism() {
    let t =
        triples("Iranian Foreign Minister Abbas Araghchi called the European move unjustified.");
    assert!(!t.iter().any(|x| x.starts_with("IRN>IRN")), "{t:?}");
    // The domestic reading stays for an act with no named owner.
    let t = triples("The Kenyan opposition leader called the decision illegal.");
    assert!(t.contains(&"KEN>KEN:11".to_string()), "{t:?}");
}

#[test]
fn warning_after_a_cooperative_act_borrows_no_target() {
    // A warning of consequences after aid is a forecast, not a threat to the recipient.
    let t = triples(
        "UNICEF said it had delivered tents to more than 2,000 families in Syria but warned that its money for Syria was running out.",
    );
    assert!(!t.iter().any(|x| x.ends_with(":13")), "{t:?}");
}

#[test]
fn verb_after_an_appositive_subject_is_the_main_verb() {
    // The tagger reads "called" after "…, the main mediators," as a participle; the
    // sentence then has no finite verb (extract/doer.rs, repair 1c).
    let t = triples(
        "Armenia and Azerbaijan signed a truce on Friday. Russia and Turkey, the main mediators, called on both sides to respect its terms.",
    );
    for want in ["RUS>ARM:02", "RUS>AZE:02", "TUR>ARM:02", "TUR>AZE:02"] {
        assert!(t.contains(&want.to_string()), "{want} not in {t:?}");
    }
}

/// Triples of sentence `si` only.
fn triples_of_sentence(text: &str, si: u32) -> Vec<String> {
    triples_in(text, Some(si))
}

#[test]
fn the_act_as_subject_of_its_details_is_coded_again() {
    // extract/followup.rs: "The strikes killed …" after "… struck …".
    let t = triples_of_sentence(
        "Indian warplanes struck three militant camps in Pakistan on Wednesday. The strikes killed at least 12 people, Pakistani officials said.",
        1,
    );
    assert_eq!(t, vec!["IND>PAK:19".to_string()]);
    // A domestic raid stays domestic (the militants are Nigeria's).
    let t = triples_of_sentence(
        "Nigerian troops raided a Boko Haram camp on Sunday. The raid killed 15 militants, the army said.",
        1,
    );
    assert_eq!(t, vec!["NGA>NGA:19".to_string()]);
}

#[test]
fn a_followup_needs_one_doer_and_the_same_word() {
    // Two sides struck: which strikes killed is not said.
    let t = triples_of_sentence(
        "Israel struck Iran on Friday. Iran struck Israel on Saturday. The strikes killed dozens of people.",
        2,
    );
    assert!(t.is_empty(), "{t:?}");
    // A reaction to the strikes is no second strike.
    let t = triples_of_sentence(
        "Israel struck Iran on Friday. Russia condemned the strikes.",
        1,
    );
    assert!(!t.iter().any(|x| x.ends_with(":19")), "{t:?}");
    // A description naming its own doer is read by the sentence itself.
    let t = triples_of_sentence(
        "Israel struck Iran on Friday. Hezbollah's attacks killed two soldiers in northern Israel.",
        1,
    );
    assert!(!t.contains(&"ISR>IRN:19".to_string()), "{t:?}");
}

#[test]
fn their_in_a_mutual_act_of_coordinated_doers_is_theirs() {
    // "their" is not the previous sentence's subject (the EU) but the two doers.
    let t = triples_of_sentence(
        "The European Union praised the two governments for their courage. Kyrgyzstan and Uzbekistan settled their own border dispute in 2023.",
        1,
    );
    assert!(t.contains(&"KGZ>UZB:05".to_string()), "{t:?}");
    assert!(t.contains(&"UZB>KGZ:05".to_string()), "{t:?}");
    assert!(!t.iter().any(|x| x.contains(">EU")), "{t:?}");
}

/// "praised X for its …", "sanctioned X over its …": the possessive in the reason is
/// the object's, not the subject's.
#[test]
fn possessive_in_the_reason_is_the_objects() {
    let t = triples("The United States sanctioned Russia over its invasion of Ukraine.");
    assert!(t.contains(&"USA>RUS:16".to_string()), "{t:?}");
    assert!(t.contains(&"RUS>UKR:19".to_string()), "{t:?}");
    assert!(!t.contains(&"USA>UKR:19".to_string()), "{t:?}");
    let t = triples("Tanzania praised Mozambique for its efforts to fight the insurgents.");
    assert!(t.contains(&"TZA>MOZ:05".to_string()), "{t:?}");
    assert!(
        t.iter()
            .all(|x| !x.starts_with("TZA>") || x.ends_with(":05")),
        "{t:?}"
    );
}

/// What someone is thanked or praised for is the reason of the gratitude, not an
/// event the sentence reports.
#[test]
fn the_act_thanked_for_is_background() {
    let t = triples("Taiwan thanked Japan for its support.");
    assert_eq!(t, ["TWN>JPN:05"]);
    let t = triples("Ghana congratulated Senegal on its peaceful election.");
    assert!(t.contains(&"GHA>SEN:05".to_string()), "{t:?}");
}

/// "closed its border crossing with Mozambique", with "crossing" read as a participle
/// on "border": the "with" phrase is still the object's, whoever the previous sentence
/// was about.
#[test]
fn border_crossing_with_a_state_names_the_target() {
    let t = triples_in(
        "The European Union urged calm. South Africa closed its main border crossing with Mozambique on Tuesday.",
        Some(1),
    );
    assert_eq!(t, ["ZAF>MOZ:17"]);
}

/// A judgement made with an appeal word ("called the move unfounded") is an actual
/// statement, not a request; an appeal made with it stays a request.
#[test]
fn a_judgement_with_an_appeal_word_is_no_request() {
    let coder = attache_coder::Coder::load_default().expect("built-in coder");
    let modality = |text: &str| {
        let mut art = Article::new("t", text);
        art.published = Some("2025-03-18".into());
        let c = coder.code(&art);
        c.events
            .iter()
            .map(|e| (e.cameo.clone(), e.modality))
            .collect::<Vec<_>>()
    };
    let m = modality("Croatia called the Serbian accusations unfounded.");
    assert!(
        m.iter()
            .any(|(c, x)| c.starts_with("01") && *x == attache_core::Modality::Actual),
        "{m:?}"
    );
    let m = modality("Croatia called on Serbia to release the detained journalists.");
    assert!(
        m.iter()
            .any(|(c, x)| c.starts_with("02") && *x == attache_core::Modality::Request),
        "{m:?}"
    );
}

/// A source asking not to be named appeals to nobody: no event, negated or not.
#[test]
fn asking_not_to_be_named_is_no_appeal() {
    let coder = attache_coder::Coder::load_default().expect("built-in coder");
    for text in [
        "\"They took our money,\" said Amadou, a trader who asked that his surname not be used.",
        "A Kenyan official, who asked not to be named, said the talks had stalled.",
        "A diplomat who asked not to be identified said the meeting was tense.",
    ] {
        let mut art = Article::new("t", text);
        art.published = Some("2025-03-04".into());
        let c = coder.code(&art);
        assert!(
            c.events.iter().all(|e| !e.cameo.starts_with("02")),
            "{text}: {:?}",
            c.events.iter().map(|e| &e.cameo).collect::<Vec<_>>()
        );
    }
    // Asking someone to act is still an appeal.
    assert!(
        triples("Kenya asked Somalia to release the detained fishermen.")
            .iter()
            .any(|t| t.starts_with("KEN>SOM:02"))
    );
}
