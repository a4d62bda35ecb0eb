//! The store: creation, refusal of foreign and corrupt files (left byte-for-byte
//! unchanged), idempotent inserts, and a writer killed mid-batch.

mod common;

use attache_ledger::{InsertOutcome, Store, StoreError};
use common::*;
use std::io::{BufRead, BufReader};
use std::path::Path;

fn sidecars_absent(p: &Path) {
    for ext in ["-wal", "-shm", "-journal"] {
        let mut s = p.as_os_str().to_owned();
        s.push(ext);
        assert!(
            !Path::new(&s).exists(),
            "{} was created next to a refused file",
            Path::new(&s).display()
        );
    }
}

fn sample(i: usize) -> (attache_core::Article, attache_core::CodedArticle) {
    let s0 = format!("Story {i}: Pakistan and Afghanistan held talks in Kabul on trade. ");
    let s1 = "Islamabad said it would name an ambassador to Kabul soon. ".repeat(1 + i % 3);
    let a = article(&[&s0, &s1], Some("2025-05-30"));
    let c = coded(
        &a,
        vec![
            event(
                &a,
                0,
                0,
                "PAKGOV",
                "AFGGOVTAL",
                "040",
                1.0,
                1,
                Some("2025-05-29"),
            ),
            event(
                &a,
                0,
                1,
                "AFGGOVTAL",
                "PAKGOV",
                "040",
                1.0,
                1,
                Some("2025-05-29"),
            ),
            event(&a, 1, 0, "PAKGOV", "AFGGOVTAL", "036", 4.0, 1, None),
        ],
        vec![rep(
            &a,
            1,
            "PAK",
            "AFG",
            None,
            attache_core::RepLevel::Ambassador,
            "appoint",
            None,
            0.7,
        )],
        vec![],
    );
    (a, c)
}

#[test]
fn new_store_from_missing_or_empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("new.db");
    let s = Store::open(&p).unwrap();
    assert_eq!(s.schema_version().unwrap(), attache_ledger::SCHEMA_VERSION);
    assert_eq!(s.article_count().unwrap(), 0);
    drop(s);
    let e = dir.path().join("empty.db");
    std::fs::write(&e, b"").unwrap();
    let s = Store::open(&e).unwrap();
    assert_eq!(s.article_count().unwrap(), 0);
    drop(s);
    // Reopening an existing store works and keeps it.
    let s = Store::open(&p).unwrap();
    assert_eq!(s.schema_version().unwrap(), attache_ledger::SCHEMA_VERSION);
}

#[test]
fn insert_is_idempotent_and_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path().join("s.db")).unwrap();
    let (a, c) = sample(1);
    assert_eq!(s.insert_article(&a, &c).unwrap(), InsertOutcome::New);
    assert_eq!(
        s.insert_article(&a, &c).unwrap(),
        InsertOutcome::AlreadyPresent
    );
    assert!(s.has_article(&a.id).unwrap());
    assert_eq!(s.article_count().unwrap(), 1);
    assert_eq!(s.event_count().unwrap(), 3);
    assert_eq!(s.get_article(&a.id).unwrap().unwrap(), a);
    assert_eq!(s.article_events(&a.id).unwrap(), c.events);
    let (b, d) = sample(2);
    let sum = s.insert_batch([(&a, &c), (&b, &d)]).unwrap();
    assert_eq!((sum.new, sum.present, sum.events), (1, 1, 3));
    assert_eq!(s.article_count().unwrap(), 2);
    // A coded article of another text is refused.
    let (x, _) = sample(3);
    assert!(matches!(
        s.insert_article(&x, &d),
        Err(StoreError::BadArticle { .. })
    ));
    assert!(!s.has_article(&x.id).unwrap());
}

#[test]
fn text_file_is_refused_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("notes.txt");
    let body = b"These are my notes, not a database.\n".repeat(10);
    std::fs::write(&p, &body).unwrap();
    let err = Store::open(&p).unwrap_err();
    assert!(matches!(err, StoreError::NotSqlite { .. }), "{err}");
    let msg = err.to_string();
    assert!(
        msg.contains("notes.txt") && msg.contains("unchanged"),
        "{msg}"
    );
    assert_eq!(std::fs::read(&p).unwrap(), body);
    sidecars_absent(&p);
    // A short file too.
    std::fs::write(&p, b"x").unwrap();
    assert!(matches!(Store::open(&p), Err(StoreError::NotSqlite { .. })));
    assert_eq!(std::fs::read(&p).unwrap(), b"x");
}

#[test]
fn other_applications_database_is_refused_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("other.sqlite");
    {
        let c = rusqlite::Connection::open(&p).unwrap();
        c.execute_batch(
            "CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT);
             INSERT INTO customers(name) VALUES ('Ada'), ('Grace');",
        )
        .unwrap();
    }
    let before = std::fs::read(&p).unwrap();
    let err = Store::open(&p).unwrap_err();
    assert!(matches!(err, StoreError::Foreign { .. }), "{err}");
    assert!(err.to_string().contains("other.sqlite"));
    assert_eq!(std::fs::read(&p).unwrap(), before);
    sidecars_absent(&p);
    // Also in WAL mode, and with another application id.
    {
        let c = rusqlite::Connection::open(&p).unwrap();
        c.pragma_update(None, "application_id", 12345).unwrap();
        c.pragma_update(None, "journal_mode", "WAL").unwrap();
    }
    let before = std::fs::read(&p).unwrap();
    assert!(matches!(
        Store::open(&p),
        Err(StoreError::Foreign {
            application_id: 12345,
            ..
        })
    ));
    assert_eq!(std::fs::read(&p).unwrap(), before);
    sidecars_absent(&p);
}

#[test]
fn corrupt_store_is_refused_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("store.db");
    {
        let mut s = Store::open(&p).unwrap();
        let (a, c) = sample(1);
        s.insert_article(&a, &c).unwrap();
    }
    let mut bytes = std::fs::read(&p).unwrap();
    // Keep the 100-byte header (so it still claims to be ours), destroy the schema page.
    for b in &mut bytes[100..4096] {
        *b = 0xA5;
    }
    std::fs::write(&p, &bytes).unwrap();
    let err = Store::open(&p).unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    assert!(err.to_string().contains("store.db"));
    assert_eq!(std::fs::read(&p).unwrap(), bytes);
    sidecars_absent(&p);
}

#[test]
fn open_existing_never_creates() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("absent.db");
    let err = Store::open_existing(&p).unwrap_err();
    assert!(matches!(err, StoreError::Missing { .. }), "{err}");
    assert!(err.to_string().contains("absent.db"));
    assert!(!p.exists());
    std::fs::write(&p, b"").unwrap();
    assert!(matches!(
        Store::open_existing(&p),
        Err(StoreError::Missing { .. })
    ));
    assert_eq!(std::fs::metadata(&p).unwrap().len(), 0);
    drop(Store::open(&p).unwrap());
    let mut s = Store::open_existing(&p).unwrap();
    let (a, c) = sample(4);
    s.insert_article(&a, &c).unwrap();
    let st = s.stats().unwrap();
    assert_eq!(
        (st.articles, st.events, st.representation_changes),
        (1, 3, 1)
    );
}

#[test]
fn concurrent_creators_agree() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("race.db");
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let p = p.clone();
            std::thread::spawn(move || {
                let mut s = Store::open(&p).unwrap();
                let (a, c) = sample(100 + i);
                s.insert_article(&a, &c).unwrap();
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let s = Store::open(&p).unwrap();
    assert_eq!(s.article_count().unwrap(), 4);
    assert_eq!(s.schema_version().unwrap(), attache_ledger::SCHEMA_VERSION);
}

#[test]
fn missing_folder_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let err = Store::open(dir.path().join("no/such/dir/x.db")).unwrap_err();
    assert!(matches!(err, StoreError::Io { .. }), "{err}");
    assert!(err.to_string().contains("does not exist"), "{err}");
}

#[test]
fn a_directory_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    assert!(matches!(
        Store::open(dir.path()),
        Err(StoreError::Io { .. })
    ));
}

const CHILD_ENV: &str = "ATTACHE_LEDGER_CRASH_CHILD";
const CRASH_N: usize = 3000;

/// The child role of `killed_mid_batch_leaves_whole_articles`: does nothing unless the
/// environment variable names a store.
#[test]
fn crash_child() {
    let Ok(path) = std::env::var(CHILD_ENV) else {
        return;
    };
    let mut s = Store::open(&path).unwrap();
    for i in 0..CRASH_N {
        let (a, c) = sample(i);
        s.insert_article(&a, &c).unwrap();
        println!("committed {i}");
    }
}

#[test]
fn killed_mid_batch_leaves_whole_articles() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("crash.db");
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["crash_child", "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, &p)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let out = child.stdout.take().unwrap();
    let mut seen = 0usize;
    for line in BufReader::new(out).lines() {
        let line = line.unwrap();
        if let Some(n) = line.strip_prefix("committed ") {
            seen = n.trim().parse::<usize>().unwrap() + 1;
            if seen >= 60 {
                break;
            }
        }
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert!(seen >= 60, "the child stopped early");

    let mut s = Store::open(&p).unwrap();
    let present = s.article_count().unwrap() as usize;
    assert!(
        present >= seen,
        "committed articles were lost: {present} < {seen}"
    );
    assert!(
        present < CRASH_N,
        "the child finished before it was killed; nothing was tested"
    );
    // Every stored article is whole: its events and its ledger row are all there.
    let conn = rusqlite::Connection::open(&p).unwrap();
    let partial: i64 = conn
        .query_row(
            "SELECT count(*) FROM articles a WHERE
               (SELECT count(*) FROM events e WHERE e.article_id = a.id) != 3
            OR (SELECT count(*) FROM sentences x WHERE x.article_id = a.id) < 2
            OR (SELECT count(*) FROM representation_changes r WHERE r.article_id = a.id) != 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(partial, 0);
    let orphans: i64 = conn
        .query_row(
            "SELECT count(*) FROM events WHERE article_id NOT IN (SELECT id FROM articles)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0);
    drop(conn);
    // Continuing completes the rest.
    let all: Vec<_> = (0..CRASH_N).map(sample).collect();
    let sum = s.insert_batch(all.iter().map(|(a, c)| (a, c))).unwrap();
    assert_eq!(sum.present, present);
    assert_eq!(sum.new, CRASH_N - present);
    assert_eq!(s.article_count().unwrap() as usize, CRASH_N);
    assert_eq!(s.event_count().unwrap() as usize, 3 * CRASH_N);
}
