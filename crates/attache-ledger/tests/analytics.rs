//! Dyad series and trend.

mod common;

use attache_ledger::{Granularity, Store, TrendLabel, TrendWindow};
use common::*;

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(dir.path().join("a.db")).unwrap();
    (dir, s)
}

/// One article per (day, goldstein, cameo, quad, direction).
fn put(s: &mut Store, day: &str, g: f32, cameo: &str, quad: u8, ab: bool) {
    let text = format!("On {day} India and China had an exchange coded {cameo} ({g}). ");
    let a = article(&[&text], Some(day));
    let (src, tgt) = if ab {
        ("INDGOV", "CHNGOV")
    } else {
        ("CHNGOV", "INDGOV")
    };
    let c = coded(
        &a,
        vec![event(&a, 0, 0, src, tgt, cameo, g, quad, Some(day))],
        vec![],
        vec![],
    );
    s.insert_article(&a, &c).unwrap();
}

#[test]
fn weekly_series_counts_and_fills_gaps() {
    let (_d, mut s) = store();
    put(&mut s, "2025-03-03", 1.0, "040", 1, true); // Monday
    put(&mut s, "2025-03-09", -2.0, "112", 3, false); // Sunday, same week
    put(&mut s, "2025-03-09", 3.0, "057", 1, true);
    put(&mut s, "2025-03-24", -10.0, "190", 4, true); // three weeks later
    let v = s
        .dyad_series("IND", "CHN", Granularity::Week, None, None)
        .unwrap();
    assert_eq!(v.len(), 4, "weeks of 3, 10, 17 and 24 March");
    assert_eq!(v[0].bucket, "2025-03-03");
    assert_eq!(v[0].events, 3);
    assert_eq!((v[0].a_to_b, v[0].b_to_a), (2, 1));
    assert_eq!((v[0].verbal_cooperation, v[0].verbal_conflict), (2, 1));
    assert!((v[0].goldstein_sum - 2.0).abs() < 1e-6);
    assert!((v[0].goldstein_mean.unwrap() - 2.0 / 3.0).abs() < 1e-6);
    assert!((v[0].cooperative_share.unwrap() - 2.0 / 3.0).abs() < 1e-6);
    assert_eq!(v[0].roots.get("04"), Some(&1));
    assert_eq!(v[0].roots.get("11"), Some(&1));
    assert_eq!(v[1].events, 0);
    assert_eq!(v[1].goldstein_mean, None);
    assert_eq!(v[3].material_conflict, 1);
    // Daily and monthly views; bounds fill empty buckets at the edges.
    let d = s
        .dyad_series(
            "CHN",
            "IND",
            Granularity::Day,
            Some("2025-03-01"),
            Some("2025-03-09"),
        )
        .unwrap();
    assert_eq!(d.len(), 9);
    assert_eq!(d.iter().map(|b| b.events).sum::<u32>(), 3);
    let m = s
        .dyad_series("IND", "CHN", Granularity::Month, None, None)
        .unwrap();
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].bucket, "2025-03-01");
    assert_eq!(m[0].events, 4);
    // Other pairs see nothing.
    assert!(s
        .dyad_series("IND", "PAK", Granularity::Week, None, None)
        .unwrap()
        .is_empty());
}

#[test]
fn trend_labels() {
    let days = [
        "2025-01-06",
        "2025-01-13",
        "2025-01-20",
        "2025-01-27",
        "2025-02-03",
        "2025-02-10",
    ];
    // Warming: Goldstein rises by about 1.5 points a week.
    let (_d, mut s) = store();
    for (i, d) in days.iter().enumerate() {
        put(&mut s, d, -4.0 + 1.5 * i as f32, "040", 1, true);
    }
    let w = TrendWindow {
        granularity: Granularity::Week,
        to: None,
        buckets: 6,
    };
    let t = s.trend("IND", "CHN", &w).unwrap();
    assert_eq!(t.label, TrendLabel::Improving);
    assert!((t.slope.unwrap() - 1.5).abs() < 1e-4, "{t:?}");
    assert!((t.change_over_window.unwrap() - 7.5).abs() < 1e-3);
    assert_eq!(t.buckets_with_events, 6);
    assert_eq!(t.from.as_deref(), Some("2025-01-06"));
    assert_eq!(t.to.as_deref(), Some("2025-02-10"));
    // Cooling.
    let (_d2, mut s2) = store();
    for (i, d) in days.iter().enumerate() {
        put(&mut s2, d, 5.0 - 2.0 * i as f32, "112", 3, i & 1 == 0);
    }
    assert_eq!(
        s2.trend("IND", "CHN", &w).unwrap().label,
        TrendLabel::Deteriorating
    );
    // Flat.
    let (_d3, mut s3) = store();
    for (i, d) in days.iter().enumerate() {
        put(
            &mut s3,
            d,
            if i & 1 == 0 { 1.0 } else { 1.2 },
            "040",
            1,
            true,
        );
    }
    assert_eq!(
        s3.trend("IND", "CHN", &w).unwrap().label,
        TrendLabel::Steady
    );
    // Too little: two events; and nothing at all.
    let (_d4, mut s4) = store();
    put(&mut s4, days[0], 1.0, "040", 1, true);
    put(&mut s4, days[3], 5.0, "040", 1, true);
    assert_eq!(
        s4.trend("IND", "CHN", &w).unwrap().label,
        TrendLabel::TooLittleData
    );
    let none = s4.trend("IND", "FRA", &w).unwrap();
    assert_eq!(none.label, TrendLabel::TooLittleData);
    assert_eq!(none.events, 0);
    // A window that ends before the data sees none of it.
    let early = TrendWindow {
        to: Some("2024-12-31".into()),
        ..w
    };
    assert_eq!(s.trend("IND", "CHN", &early).unwrap().events, 0);
}
