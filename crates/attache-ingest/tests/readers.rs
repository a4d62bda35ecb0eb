//! Each reader on fixtures written for these tests.

use attache_core::Article;
use attache_ingest::{
    read_bytes, read_path, InputFormat, Problem, ReadEvent, ReadOptions, Severity,
};
use std::path::Path;

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn collect(path: &Path, opts: &ReadOptions) -> (Vec<Article>, Vec<Problem>) {
    let (mut arts, mut probs) = (Vec::new(), Vec::new());
    read_path(path, opts, &mut |ev| match ev {
        ReadEvent::Article(a) => arts.push(*a),
        ReadEvent::Problem(p) => probs.push(p),
    });
    (arts, probs)
}

#[test]
fn jsonl_reads_good_lines_and_reports_bad_ones_with_line_numbers() {
    let (arts, probs) = collect(&fixture("articles.jsonl"), &ReadOptions::default());
    assert_eq!(arts.len(), 2);
    let a = &arts[0];
    assert_eq!(a.external_id.as_deref(), Some("a1"));
    assert_eq!(a.title.as_deref(), Some("Fiji and Samoa hold talks"));
    assert_eq!(a.published.as_deref(), Some("2024-02-01"));
    assert_eq!(a.dateline.as_deref(), Some("SUVA"));
    assert_eq!(
        a.text,
        "Fiji and Samoa held talks on fisheries on Thursday."
    );
    assert_eq!(
        a.metadata.get("section").map(String::as_str),
        Some("Pacific")
    );
    assert!(a.origin.ends_with("articles.jsonl:1"));
    // Unrecognised date: warned, kept as metadata, article undated.
    assert_eq!(arts[1].published, None);
    let lines: Vec<(Option<usize>, Severity)> =
        probs.iter().map(|p| (p.line, p.severity)).collect();
    assert_eq!(
        lines,
        vec![
            (Some(2), Severity::Error),
            (Some(4), Severity::Warning),
            (Some(5), Severity::Error),
            (Some(6), Severity::Error)
        ]
    );
    assert!(
        probs[0].message.contains("truncated"),
        "{}",
        probs[0].message
    );
    assert!(probs[0].to_string().contains("articles.jsonl:2:"));
}

#[test]
fn default_date_applies_only_when_metadata_has_none() {
    let opts = ReadOptions {
        default_date: Some("2024-03-03".into()),
        ..Default::default()
    };
    let (arts, _) = collect(&fixture("articles.jsonl"), &opts);
    assert_eq!(arts[0].published.as_deref(), Some("2024-02-01"));
    assert_eq!(arts[1].published.as_deref(), Some("2024-03-03"));
}

#[test]
fn html_extracts_the_article_without_boilerplate() {
    let (arts, probs) = collect(&fixture("page.html"), &ReadOptions::default());
    assert!(probs.is_empty(), "{probs:?}");
    let a = &arts[0];
    assert_eq!(a.published.as_deref(), Some("2024-11-04"));
    assert!(a
        .title
        .as_deref()
        .unwrap()
        .starts_with("Laos and Chile agree"));
    assert_eq!(a.dateline.as_deref(), Some("VIENTIANE"));
    assert!(
        a.text.starts_with("Laos and Chile agreed on Monday"),
        "{}",
        a.text
    );
    assert!(a.text.contains("accredited in Santiago"));
    for junk in ["Sign in", "Ten recipes", "Cookie settings", "Most read"] {
        assert!(!a.text.contains(junk), "boilerplate {junk:?} kept");
    }
}

#[test]
fn rss_items_become_articles() {
    let (arts, probs) = collect(&fixture("feed.rss"), &ReadOptions::default());
    assert_eq!(arts.len(), 2);
    assert_eq!(
        arts[0].title.as_deref(),
        Some("Norway reopens embassy in Caracas")
    );
    assert_eq!(arts[0].published.as_deref(), Some("2024-03-12"));
    assert_eq!(arts[0].dateline.as_deref(), Some("OSLO"));
    assert!(arts[0].text.starts_with("Norway reopened its embassy"));
    assert_eq!(arts[1].url.as_deref(), Some("https://wire.example/world/2"));
    assert_eq!(arts[1].source.as_deref(), Some("Example Wire: World"));
    assert_eq!(probs.len(), 1);
    assert_eq!(probs[0].severity, Severity::Note);
}

#[test]
fn atom_entries_use_published_else_updated() {
    let (arts, _) = collect(&fixture("feed.atom"), &ReadOptions::default());
    assert_eq!(arts.len(), 2);
    assert_eq!(arts[0].published.as_deref(), Some("2024-06-01"));
    assert_eq!(arts[0].dateline.as_deref(), Some("ACCRA"));
    assert!(arts[0].text.starts_with("Ghana and Togo signed"));
    assert_eq!(arts[1].published.as_deref(), Some("2024-06-02"));
}

#[test]
fn plain_text_headline_and_dateline_varieties() {
    let cases = [
        (
            "Chad expels envoy\n\nN'DJAMENA (Example) - Chad expelled the envoy.",
            Some("Chad expels envoy"),
            Some("N'DJAMENA"),
            "Chad expelled the envoy.",
        ),
        (
            "WASHINGTON — The talks began.",
            None,
            Some("WASHINGTON"),
            "The talks began.",
        ),
        (
            "Hanoi, Jan. 5 (Example) -- Vietnam said.",
            None,
            Some("Hanoi"),
            "Vietnam said.",
        ),
        (
            "Vietnam said on Monday it would reply.",
            None,
            None,
            "Vietnam said on Monday it would reply.",
        ),
    ];
    for (text, title, dateline, body) in cases {
        let mut got = Vec::new();
        read_bytes(
            "t.txt",
            text.as_bytes(),
            InputFormat::Text,
            &ReadOptions::default(),
            &mut |e| got.push(e),
        );
        let ReadEvent::Article(a) = &got[0] else {
            panic!("no article for {text:?}")
        };
        assert_eq!(a.title.as_deref(), title, "{text}");
        assert_eq!(a.dateline.as_deref(), dateline, "{text}");
        assert_eq!(a.text, body, "{text}");
    }
}

#[test]
fn non_utf8_is_decoded_with_a_warning_and_empty_input_is_noted() {
    let mut got = Vec::new();
    read_bytes(
        "bad.txt",
        b"Chile and Peru \xff met.",
        InputFormat::Text,
        &ReadOptions::default(),
        &mut |e| got.push(e),
    );
    assert!(
        matches!(&got[0], ReadEvent::Problem(p) if p.severity == Severity::Warning && p.origin == "bad.txt")
    );
    assert!(matches!(&got[1], ReadEvent::Article(a) if a.text.contains('\u{fffd}')));
    let mut got = Vec::new();
    read_bytes(
        "empty.txt",
        b"  \n ",
        InputFormat::Text,
        &ReadOptions::default(),
        &mut |e| got.push(e),
    );
    assert!(matches!(&got[..], [ReadEvent::Problem(p)] if p.severity == Severity::Note));
}

#[test]
fn directories_are_read_recursively_in_order() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("b.txt"), "Peru met Chile.").unwrap();
    std::fs::write(dir.path().join("sub/a.txt"), "Chile met Peru.").unwrap();
    std::fs::write(dir.path().join("ignored.bin"), [0u8, 1, 2]).unwrap();
    let (arts, probs) = collect(dir.path(), &ReadOptions::default());
    assert!(probs.is_empty());
    let texts: Vec<&str> = arts.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(texts, ["Peru met Chile.", "Chile met Peru."]);
}

#[test]
fn missing_file_is_a_problem_not_a_panic() {
    let (arts, probs) = collect(
        Path::new("/nonexistent/attache.txt"),
        &ReadOptions::default(),
    );
    assert!(arts.is_empty());
    assert!(probs[0].message.contains("cannot open"));
}

#[test]
fn same_text_same_id_across_formats() {
    let mut a = Vec::new();
    read_bytes(
        "x.txt",
        b"Fiji and Samoa held talks on fisheries on Thursday.",
        InputFormat::Text,
        &ReadOptions::default(),
        &mut |e| a.push(e),
    );
    let (arts, _) = collect(&fixture("articles.jsonl"), &ReadOptions::default());
    let ReadEvent::Article(x) = &a[0] else {
        panic!()
    };
    assert_eq!(x.id, arts[0].id);
}
