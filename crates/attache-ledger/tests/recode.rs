//! Re-coding stored articles (`Store::recode_article`): the new coding replaces the old
//! one only when it differs, the old rows are kept in `superseded_codings`, curated
//! facts are untouched, and a retraction stays with the claim it retracted.

mod common;

use attache_core::RepLevel as L;
use attache_ledger::{ChangeFilter, RecodeOutcome, Store};
use common::*;

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path().join("recode.db")).unwrap();
    s.set_coder("coder-1");
    (dir, s)
}

/// Norway appoints an ambassador to Chile (written for this test), as an older coder
/// read it (one event, one representation change) and as a newer one might.
fn story() -> attache_core::Article {
    article(
        &[
            "Norway named a new ambassador to Chile on Monday. ",
            "The Chilean foreign minister welcomed the appointment. ",
        ],
        Some("2024-03-04"),
    )
}

fn old_coding(a: &attache_core::Article) -> attache_core::CodedArticle {
    coded(
        a,
        vec![event(
            a,
            0,
            0,
            "NORGOV",
            "CHLGOV",
            "064",
            3.5,
            2,
            Some("2024-03-04"),
        )],
        vec![rep(
            a,
            0,
            "NOR",
            "CHL",
            None,
            L::Ambassador,
            "appoint",
            Some("2024-03-04"),
            0.9,
        )],
        vec![],
    )
}

fn new_coding(a: &attache_core::Article) -> attache_core::CodedArticle {
    coded(
        a,
        vec![
            event(
                a,
                0,
                0,
                "NORGOV",
                "CHLGOV",
                "064",
                3.5,
                2,
                Some("2024-03-04"),
            ),
            event(
                a,
                1,
                0,
                "CHLGOV",
                "NORGOV",
                "051",
                3.4,
                1,
                Some("2024-03-04"),
            ),
        ],
        vec![rep(
            a,
            0,
            "NOR",
            "CHL",
            None,
            L::Minister,
            "appoint",
            Some("2024-03-04"),
            0.9,
        )],
        vec![],
    )
}

fn count(s: &Store, sql: &str) -> i64 {
    let path = s.path().to_path_buf();
    let c = rusqlite::Connection::open(path).unwrap();
    c.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn the_same_coding_changes_nothing() {
    let (_d, mut s) = store();
    let a = story();
    s.insert_article(&a, &old_coding(&a)).unwrap();
    let before = s.article_events(&a.id).unwrap();
    assert_eq!(
        s.recode_article(&a, &old_coding(&a)).unwrap(),
        RecodeOutcome::Unchanged
    );
    assert_eq!(s.article_events(&a.id).unwrap(), before);
    assert_eq!(count(&s, "SELECT count(*) FROM superseded_codings"), 0);
}

#[test]
fn a_new_coding_replaces_the_old_which_is_kept() {
    let (_d, mut s) = store();
    let a = story();
    s.insert_article(&a, &old_coding(&a)).unwrap();
    s.set_coder("coder-2");
    assert_eq!(
        s.recode_article(&a, &new_coding(&a)).unwrap(),
        RecodeOutcome::Recoded
    );
    // The new rows are in place; the article itself is unchanged.
    let events = s.article_events(&a.id).unwrap();
    assert_eq!(events.len(), 2);
    assert_eq!(events[1].cameo, "051");
    assert_eq!(s.get_article(&a.id).unwrap().unwrap().text, a.text);
    let dyad = s.dyad("NOR", "CHL").unwrap();
    assert_eq!(dyad.directions[0].level, Some("minister"));
    // The old rows are kept, as they were, with both coders named.
    let c = rusqlite::Connection::open(s.path()).unwrap();
    let (coder, by, rows): (Option<String>, String, String) = c
        .query_row(
            "SELECT coder, superseded_by, rows FROM superseded_codings WHERE article_id = ?1",
            [&a.id.0],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(coder.as_deref(), Some("coder-1"));
    assert_eq!(by, "coder-2");
    let rows: serde_json::Value = serde_json::from_str(&rows).unwrap();
    assert_eq!(rows["events"].as_array().unwrap().len(), 1);
    assert_eq!(rows["representation_changes"][0]["to_level"], "ambassador");
    let coder_now: String = c
        .query_row("SELECT coder FROM articles WHERE id = ?1", [&a.id.0], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(coder_now, "coder-2");
    // Re-coding again with the same coding is a no-op.
    assert_eq!(
        s.recode_article(&a, &new_coding(&a)).unwrap(),
        RecodeOutcome::Unchanged
    );
    assert_eq!(count(&s, "SELECT count(*) FROM superseded_codings"), 1);
}

#[test]
fn curated_facts_are_untouched_and_retractions_stay_with_their_claim() {
    let (_d, mut s) = store();
    let a = story();
    s.insert_article(&a, &old_coding(&a)).unwrap();
    let old_id = s.changes(&ChangeFilter::default()).unwrap()[0].id.clone();
    s.retract(&old_id, "misread").unwrap();
    s.set_fact(
        "NOR",
        "CHL",
        L::ChargeDAffaires,
        attache_core::FuzzyDate::day(2023, 1, 1),
        "https://example.org/gazette",
        None,
    )
    .unwrap();

    // Same claim: the fact keeps its id and stays retracted.
    let mut same_claim = old_coding(&a);
    same_claim.events.clear();
    assert_eq!(
        s.recode_article(&a, &same_claim).unwrap(),
        RecodeOutcome::Recoded
    );
    let rows = s.changes(&ChangeFilter::default()).unwrap();
    let news: Vec<_> = rows.iter().filter(|r| r.id.starts_with(&a.id.0)).collect();
    assert_eq!(news.len(), 1);
    assert_eq!(news[0].id, old_id);
    assert_eq!(news[0].status, "retracted");

    // A different claim at the same place gets a fresh id and is not retracted.
    assert_eq!(
        s.recode_article(&a, &new_coding(&a)).unwrap(),
        RecodeOutcome::Recoded
    );
    let rows = s.changes(&ChangeFilter::default()).unwrap();
    let news: Vec<_> = rows.iter().filter(|r| r.id.starts_with(&a.id.0)).collect();
    assert_eq!(news.len(), 1);
    assert_ne!(news[0].id, old_id);
    assert_ne!(news[0].status, "retracted");
    assert_eq!(news[0].level.as_deref(), Some("minister"));
    // The curated fact and the retraction are still there.
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM representation_changes WHERE origin = 'curated'"
        ),
        1
    );
    assert_eq!(count(&s, "SELECT count(*) FROM retractions"), 1);
}

#[test]
fn unknown_articles_and_foreign_codings_are_refused() {
    let (_d, mut s) = store();
    let a = story();
    assert_eq!(
        s.recode_article(&a, &old_coding(&a)).unwrap(),
        RecodeOutcome::Missing
    );
    s.insert_article(&a, &old_coding(&a)).unwrap();
    let other = article(&["Peru and Chile signed a fisheries accord. "], None);
    assert!(s.recode_article(&a, &old_coding(&other)).is_err());
    assert_eq!(s.article_events(&a.id).unwrap().len(), 1);
}
