//! COW Diplomatic Exchange import and export.

mod common;

use attache_core::RepLevel as L;
use attache_ledger::Store;
use common::*;

const CSV: &str = "ccode1,ccode2,year,DR_at_1,DR_at_2,DE,version
2,200,2000,3,3,1,2006.1
2,200,2005,3,3,1,2006.1
700,770,2000,1,3,1,2006.1
700,770,2005,0,1,0,2006.1
365,700,2005,3,-9,0,2006.1
260,770,1980,2,2,1,2006.1
";

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(dir.path().join("c.db")).unwrap();
    (dir, s)
}

fn rows(csv: &str) -> Vec<Vec<String>> {
    csv.lines()
        .skip(1)
        .map(|l| l.split(',').take(6).map(str::to_string).collect())
        .collect()
}

#[test]
fn import_reads_the_codebook_directions() {
    let (_d, mut s) = store();
    let sum = s.import_cow(CSV.as_bytes(), "de.csv").unwrap();
    assert_eq!(sum.rows, 6);
    assert_eq!(sum.facts_new, 9);
    assert_eq!(sum.missing, 1);
    assert_eq!(sum.rows_unknown_state, 1);
    assert_eq!(sum.unknown_ccodes, vec![260]);
    // 700 = AFG (side 1), 770 = PAK (side 2). DR_at_1 = PAK at AFG.
    let pak_in_afg = s.direction("PAK", "AFG").unwrap();
    assert_eq!(pak_in_afg.level, Some("none"));
    assert_eq!(pak_in_afg.since.as_deref(), Some("2005"));
    assert_eq!(pak_in_afg.history[0].level, "charge_d_affaires");
    let afg_in_pak = s.direction("AFG", "PAK").unwrap();
    assert_eq!(afg_in_pak.level, Some("charge_d_affaires"));
    assert_eq!(
        afg_in_pak.evidence[0].source.as_deref(),
        Some("COW DE v2006.1")
    );
    assert_eq!(afg_in_pak.evidence[0].origin, "cow");
    // Re-import changes nothing.
    let again = s.import_cow(CSV.as_bytes(), "de.csv").unwrap();
    assert_eq!((again.facts_new, again.facts_present), (0, 9));
}

#[test]
fn round_trip_exports_the_imported_dyad_years() {
    let (_d, mut s) = store();
    s.import_cow(CSV.as_bytes(), "de.csv").unwrap();
    let mut out = Vec::new();
    let n = s.export_cow(&mut out, None).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(out.starts_with("ccode1,ccode2,year,DR_at_1,DR_at_2,DE,version\n"));
    let mut expected: Vec<Vec<String>> = rows(CSV).into_iter().filter(|r| r[0] != "260").collect();
    expected.sort();
    let mut got = rows(&out);
    got.sort();
    assert_eq!(got, expected, "{out}");
    assert_eq!(n, 5);
    assert!(out
        .lines()
        .nth(1)
        .unwrap()
        .ends_with(concat!(",attache-", env!("CARGO_PKG_VERSION"))));
}

#[test]
fn newer_news_outranks_the_baseline() {
    let (_d, mut s) = store();
    s.import_cow(CSV.as_bytes(), "de.csv").unwrap();
    let a = article(
        &["Pakistan posted an ambassador in Kabul. "],
        Some("2025-05-30"),
    );
    let c = coded(
        &a,
        vec![],
        vec![rep(
            &a,
            0,
            "PAK",
            "AFG",
            None,
            L::Ambassador,
            "appoint",
            Some("2025-05-30"),
            0.9,
        )],
        vec![],
    );
    s.insert_article(&a, &c).unwrap();
    let d = s.direction("PAK", "AFG").unwrap();
    assert_eq!(d.level, Some("ambassador"));
    assert_eq!(d.history[0].level, "none");
    assert_eq!(d.history[0].until.as_deref(), Some("2025-05-30"));
    // Same-year conflict: news wins over COW.
    let b = article(
        &["In 2005 Kabul hosted a Pakistani minister. "],
        Some("2005-06-01"),
    );
    let c = coded(
        &b,
        vec![],
        vec![rep(
            &b,
            0,
            "PAK",
            "AFG",
            None,
            L::Minister,
            "appoint",
            Some("2005"),
            0.9,
        )],
        vec![],
    );
    s.insert_article(&b, &c).unwrap();
    let d = s.direction("PAK", "AFG").unwrap();
    assert_eq!(d.conflicts.len(), 1);
    assert_eq!(d.conflicts[0].level, "none");
    // Export by years: 2005 now shows the news level, 2025 the upgrade.
    let mut out = Vec::new();
    s.export_cow(&mut out, Some((2005, 2025))).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("\n700,770,2005,2,1,1,"), "{out}");
    assert!(out.contains("\n700,770,2025,3,1,1,"), "{out}");
}

#[test]
fn bad_rows_are_reported_with_file_and_line() {
    let (_d, mut s) = store();
    let bad =
        "ccode1,ccode2,year,DR_at_1,DR_at_2,DE,version\n2,200,2000,3,3,1,x\n2,200,2001,7,3,1,x\n";
    let err = s
        .import_cow(bad.as_bytes(), "bad.csv")
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("bad.csv:3:"), "{err}");
    // The failed import left nothing behind.
    assert_eq!(s.direction("USA", "GBR").unwrap().changes.len(), 0);
    let err = s
        .import_cow("a,b\n1,2\n".as_bytes(), "x.csv")
        .unwrap_err()
        .to_string();
    assert!(err.contains("ccode1"), "{err}");
    assert!(s.import_cow("".as_bytes(), "empty.csv").is_err());
}
