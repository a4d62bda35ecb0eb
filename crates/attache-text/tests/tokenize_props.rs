//! Properties of the tokenizer and the sentence splitter on arbitrary input: no panic,
//! spans in order, non-overlapping, on char boundaries, covering every non-space char;
//! sentences cover all tokens in order.

use attache_text::segment::split_sentences;
use attache_text::tokenize::tokenize;
use proptest::prelude::*;

fn check(text: &str) {
    let toks = tokenize(text);
    let mut covered = vec![false; text.len()];
    let mut last = 0usize;
    for &(a, b) in &toks {
        let (a, b) = (a as usize, b as usize);
        assert!(a < b, "empty token at {a}");
        assert!(a >= last, "tokens overlap or are out of order at {a}");
        assert!(
            text.is_char_boundary(a) && text.is_char_boundary(b),
            "span {a}..{b} not on char boundaries"
        );
        assert!(
            !text[a..b].chars().any(char::is_whitespace),
            "token {:?} contains whitespace",
            &text[a..b]
        );
        covered[a..b].iter_mut().for_each(|c| *c = true);
        last = b;
    }
    for (i, c) in text.char_indices() {
        if !c.is_whitespace() {
            assert!(covered[i], "char {c:?} at {i} not covered in {text:?}");
        }
    }
    let sents = split_sentences(text, &toks);
    let mut next = 0;
    for r in &sents {
        assert_eq!(r.start, next, "sentences must be contiguous");
        assert!(r.end > r.start, "empty sentence");
        next = r.end;
    }
    assert_eq!(next, toks.len(), "sentences must cover all tokens");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_unicode(s in "\\PC*") {
        check(&s);
    }

    #[test]
    fn newsy_alphabet(s in "[a-zA-Z0-9 .,;:!?'’\"“”()\\[\\]$%@#&/\\-–—…\n_*=<>+~`]{0,80}") {
        check(&s);
    }

    #[test]
    fn mixed_scripts_and_marks(s in "[a-z .'\\-éü\u{0301}\u{200d}\u{00a0}\u{2019}\u{2026}日本語العربية]{0,60}") {
        check(&s);
    }
}

#[test]
fn edge_cases() {
    for s in [
        "",
        " ",
        "\n\n",
        ".",
        "'",
        "’",
        "-",
        "--",
        "...",
        "U.S.",
        "U.S",
        "a.",
        "A.",
        "No.",
        "no.",
        "'s",
        "n't",
        "can't",
        "x'",
        "'90s",
        "’73",
        "http://",
        "www.",
        "a@b",
        "@",
        "#",
        "@@",
        "1,",
        "1,2",
        "1,234,",
        "1.",
        "1-2-",
        "e-",
        "-e",
        "Mr.\n\nThe",
        "U.S.\u{00a0}The",
        "é.",
        "\u{0301}",
        "a\u{0301}'s",
        ":-)",
        ":-",
        "gonna",
        "CANNOT",
    ] {
        check(s);
    }
}

#[test]
fn long_chunks_without_spaces() {
    // Inputs that would make a naive scanner quadratic; they must simply work.
    let digits = "1-".repeat(50_000);
    let local = "a-".repeat(50_000) + "@";
    let dots = "a.".repeat(50_000);
    let quotes = "a'".repeat(50_000);
    let url = "http://x.org/".to_string() + &"(".repeat(50_000);
    for s in [&digits, &local, &dots, &quotes, &url] {
        check(s);
    }
    assert!(
        tokenize(&digits).len() < 10,
        "a phone-like digit chain stays (almost) whole"
    );
}
