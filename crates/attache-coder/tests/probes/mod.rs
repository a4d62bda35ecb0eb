//! Shared by the probe test files (session12_probes.rs, session13_probes.rs,
//! session14_probes.rs, session15_probes.rs, session16_probes.rs,
//! session17_probes.rs): code one
//! short article end to end with the built-in coder and list its non-negated events as
//! `SRC>TGT:CODE` strings, SRC and TGT the scoring keys (country, else the code).

use attache_core::Article;

fn key(a: &Option<attache_core::ActorRef>) -> String {
    a.as_ref()
        .map(|a| a.country.clone().unwrap_or(a.code.clone()))
        .unwrap_or_else(|| "-".into())
}

fn events(text: &str, full_code: bool) -> Vec<String> {
    let coder = attache_coder::Coder::load_default().expect("built-in coder");
    let mut art = Article::new("t", text);
    art.published = Some("2025-04-14".into());
    let c = coder.code(&art);
    c.events
        .iter()
        .filter(|e| !e.negated)
        .map(|e| {
            let code = if full_code { &e.cameo } else { &e.cameo_root };
            format!("{}>{}:{}", key(&e.source), key(&e.target), code)
        })
        .collect()
}

/// `SRC>TGT:RR` with the two-digit CAMEO root.
#[allow(dead_code)]
pub fn triples(text: &str) -> Vec<String> {
    events(text, false)
}

/// `SRC>TGT:CODE` with the full CAMEO code.
#[allow(dead_code)]
pub fn codes(text: &str) -> Vec<String> {
    events(text, true)
}
