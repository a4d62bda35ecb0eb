//! The PETRARCH verb-dictionary reader on snippets we wrote, and on the real
//! dictionaries from ../shared when present.

use attache_coder::petrarch::{Elem, VerbCode, VerbDict};
use std::path::Path;

const SNIPPET: &str = "\
<!-- a comment block
     over two lines -->
&TIES_KIND   # synset
+TRADE
+DEFENCE CO-OPERATION
&NEG
+DID N'T
+WILL NOT
&BOTH
+&TIES_KIND
+CULTURAL
--- MEND  [064]  ---
MEND {MENDS MENDED MENDING}   # comment
+PATCH_UP {+PATCHES_UP +PATCHED_UP}
NEAR_+HEAL [065]
- * &TIES_KIND TIES [0641]
- &NEG * [110]
- $ FINALLY_* + [066:067]
- % * [031]
- * ^ WITH + [---]
--- SNUB [---] ---
SNUB
";

#[test]
fn reads_synsets_blocks_verbs_and_patterns() {
    let (d, probs) = VerbDict::parse("snippet", SNIPPET);
    assert!(probs.is_empty(), "{probs:?}");
    assert_eq!(
        d.synsets["TIES_KIND"],
        vec![
            vec!["TRADE".to_string()],
            vec!["DEFENCE".into(), "CO-OPERATION".into()]
        ]
    );
    assert_eq!(d.synsets["BOTH"][0], vec!["&TIES_KIND".to_string()]);
    assert_eq!(d.blocks.len(), 2);
    let b = &d.blocks[0];
    assert_eq!(b.name, "MEND");
    assert_eq!(b.code, VerbCode::Code("064".into(), None));
    assert_eq!(b.patterns.len(), 5);
    // Verbs: base, irregular forms, compound verbs with the verb word marked by `+`.
    assert_eq!(d.verbs.len(), 4);
    assert!(d.by_word["MENDED"].contains(&0));
    let patch = &d.verbs[1];
    assert_eq!(
        (patch.word.as_str(), patch.post.clone()),
        ("PATCH", vec!["UP".to_string()])
    );
    assert!(d.by_word["PATCHED"].contains(&1));
    let heal = &d.verbs[2];
    assert_eq!(heal.pre, vec!["NEAR".to_string()]);
    assert_eq!(heal.word, "HEAL");
    assert_eq!(heal.code, Some(VerbCode::Code("065".into(), None)));
    // Regular forms are generated.
    assert!(d.by_word.contains_key("HEALS") && d.by_word.contains_key("HEALING"));
    // Patterns: source/target markers, joined words, code pairs, null codes.
    let p = b.patterns.iter().find(|p| p.line == 18).unwrap();
    assert_eq!(p.code, VerbCode::Code("066".into(), Some("067".into())));
    assert_eq!(p.pre.len(), 2);
    assert_eq!(p.pre[0].elem, Elem::Source);
    assert!(!p.pre[0].joined_next);
    assert_eq!(p.pre[1].elem, Elem::Word("FINALLY".into()));
    assert!(p.pre_joined_verb && p.pre[1].joined_next);
    assert_eq!(p.post[0].elem, Elem::Target);
    let null = b.patterns.iter().find(|p| p.line == 20).unwrap();
    assert_eq!(null.code, VerbCode::Null);
    assert_eq!(null.post[0].elem, Elem::Skip);
    assert_eq!(d.blocks[1].code, VerbCode::Null);
    // Longest patterns first.
    assert_eq!(b.patterns[0].line, 16);
}

#[test]
fn malformed_lines_are_reported_not_fatal() {
    let text = "\
- * ORPHAN [010]
--- GOOD [042] ---
GOOD
- NO STAR HERE [010]
- * NO CODE
- * * TWO STARS [010]
STRAY {UNCLOSED
&
- * FINE [043]
";
    let (d, probs) = VerbDict::parse("bad.txt", text);
    let lines: Vec<usize> = probs.iter().map(|p| p.line).collect();
    assert_eq!(lines, vec![1, 4, 5, 6, 7, 8]);
    assert!(probs[0].to_string().starts_with("bad.txt:1:"));
    assert_eq!(d.blocks[0].patterns.len(), 1);
    assert_eq!(
        d.blocks[0].patterns[0].code,
        VerbCode::Code("043".into(), None)
    );
}

#[test]
fn shared_dictionaries_load_without_error() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/petrarch");
    if !dir.exists() {
        println!("skipping: ../shared/eval/petrarch not found");
        return;
    }
    for f in ["CAMEO.2.0.txt", "PETR.Validate.verbs.txt"] {
        let (d, probs) = VerbDict::load(&dir.join(f)).expect("readable");
        for p in &probs {
            println!("{p}");
        }
        assert!(probs.is_empty(), "{f}: {} problems", probs.len());
        assert!(
            d.blocks.len() > 50 && d.pattern_count() > 100,
            "{f}: too little read"
        );
        println!(
            "{f}: {} blocks, {} verbs, {} patterns, {} synsets",
            d.blocks.len(),
            d.verbs.len(),
            d.pattern_count(),
            d.synsets.len()
        );
    }
}
