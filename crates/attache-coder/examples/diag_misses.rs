//! Aggregate causes of missed gold events, as counts only (no sentence is printed, so it
//! may be run on the test half without reading its errors):
//! `cargo run --release -p attache-coder --example diag_misses -- [GOLD] [--split dev|test]`.
//!
//! For each gold event not matched by a predicted (source, target, root) triple of its
//! sentence, it counts whether the sentence got any prediction, whether the gold source
//! and target keys are among the actor mentions resolved in the sentence (or earlier in
//! the story), and whether a prediction of the sentence has the right root or the right
//! pair.

use attache_coder::eval::{read_gold, Predicted};
use attache_core::Article;
use std::collections::{BTreeMap, BTreeSet};

/// Characters `start..end` of `text` (gold offsets count characters).
fn chars(text: &str, start: u32, end: u32) -> String {
    text.chars()
        .skip(start as usize)
        .take(end.saturating_sub(start) as usize)
        .collect()
}

/// A token of a story: char start, char end, UPOS, known verb, known noun, explanation.
type TokenInfo = (u32, u32, String, bool, bool, &'static str);

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // The value after `--name`, else `default`.
    let opt = |name: &str, default: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
            .unwrap_or_else(|| default.to_string())
    };
    // The gold file: the first argument that is neither an option nor an option's value.
    let gold_path = args
        .iter()
        .enumerate()
        .find(|&(i, a)| {
            !a.starts_with("--")
                && (i == 0 || !matches!(args[i - 1].as_str(), "--corpus" | "--split"))
        })
        .map(|(_, a)| a.clone())
        .unwrap_or_else(|| "data/gold/events-voa.jsonl".to_string());
    let corpus = opt("--corpus", "../shared/corpus/voa/voa_stories.jsonl");
    let split = opt("--split", "dev");
    if !std::path::Path::new(&corpus).exists() {
        println!("skipping: {corpus} not found");
        return;
    }
    // Sentences are printed for the dev half only (test errors are not read).
    let show = args.iter().any(|a| a == "--show") && split == "dev";
    let gold = read_gold(std::path::Path::new(&gold_path)).expect("gold");
    let wanted: BTreeSet<&str> = gold
        .iter()
        .filter(|g| g.split == split)
        .map(|g| g.story.as_str())
        .collect();
    let mut arts = Vec::new();
    let text = std::fs::read_to_string(&corpus).unwrap_or_default();
    for line in text.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let id = v["id"].as_str().unwrap_or("").to_string();
        if !wanted.contains(id.as_str()) {
            continue;
        }
        let mut a = Article::new(id.clone(), v["text"].as_str().unwrap_or(""));
        a.external_id = Some(id);
        a.published = v["published"]
            .as_str()
            .map(|p| p.chars().take(10).collect());
        a.title = v["title"].as_str().map(str::to_string);
        arts.push(a);
    }
    let coder = attache_coder::Coder::load_default().expect("coder");
    let mut coded = Vec::new();
    // story -> byte start -> explanation
    let mut why: BTreeMap<String, BTreeMap<u32, &'static str>> = BTreeMap::new();
    for a in &arts {
        let (c, ex) = attache_coder::extract::explain_triggers(|| coder.code(a));
        coded.push(c);
        let w = why
            .entry(a.external_id.clone().unwrap_or_default())
            .or_default();
        for s in ex {
            for (b, r) in s {
                w.insert(b, r);
            }
        }
    }
    let pipeline = attache_text::Pipeline::load_default().expect("pipeline");
    // story -> (char start, char end, upos, known verb, known noun) per token
    let mut toks: BTreeMap<String, Vec<TokenInfo>> = BTreeMap::new();
    for a in &arts {
        let doc = pipeline.parse(&a.text);
        let cb: Vec<u32> = {
            let mut v = vec![0u32; a.text.len() + 1];
            let mut n = 0u32;
            for (i, ch) in a.text.char_indices() {
                v[i..i + ch.len_utf8()].fill(n);
                n += 1;
            }
            v[a.text.len()] = n;
            v
        };
        let t = toks
            .entry(a.external_id.clone().unwrap_or_default())
            .or_default();
        for s in &doc.sentences {
            for (i, tk) in s.tokens.iter().enumerate() {
                let lemma = s.lemma(i).to_lowercase();
                t.push((
                    cb[tk.start as usize],
                    cb[tk.end as usize],
                    s.upos(i).as_str().to_string(),
                    !coder.patterns().verb(&lemma).is_empty(),
                    !coder.patterns().noun(&lemma).is_empty(),
                    why.get(a.external_id.as_deref().unwrap_or(""))
                        .and_then(|w| w.get(&tk.start))
                        .copied()
                        .unwrap_or("not explained"),
                ));
            }
        }
    }
    let mut preds: Vec<Predicted> = Vec::new();
    // Self-pairs (story, sentence start, key, root) -> how source and target resolved.
    let mut self_how: BTreeMap<(String, u32, String, String), String> = BTreeMap::new();
    // story -> (char start, key) of every resolved mention
    let mut mentions: BTreeMap<String, Vec<(u32, String)>> = BTreeMap::new();
    for (a, c) in arts.iter().zip(&coded) {
        let story = a.external_id.clone().unwrap_or_default();
        preds.extend(Predicted::from_coded_article(&story, 0, c));
        for e in c.events.iter().filter(|e| !e.negated) {
            let (Some(src), Some(tgt)) = (&e.source, &e.target) else {
                continue;
            };
            let (sk, tk) = (
                attache_coder::eval::actor_key(src),
                attache_coder::eval::actor_key(tgt),
            );
            if sk.is_some() && sk == tk {
                let span = c
                    .sentences
                    .iter()
                    .find(|s| s.index == e.sentence)
                    .map(|s| s.span.start)
                    .unwrap_or(0);
                let how = |r: &attache_core::event::ActorRef| {
                    format!("{:?}", r.resolved_by).to_lowercase()
                };
                self_how.insert(
                    (
                        story.clone(),
                        span,
                        sk.unwrap_or_default(),
                        e.cameo_root.clone(),
                    ),
                    format!("source {} target {}", how(src), how(tgt)),
                );
            }
        }
        let m = mentions.entry(story).or_default();
        for x in &c.mentions {
            let key = x
                .country
                .clone()
                .filter(|c| !c.is_empty())
                .or_else(|| (!x.code.is_empty()).then(|| x.code.clone()));
            if let Some(k) = key {
                m.push((x.span.start, k));
            }
        }
    }
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut bump = |k: String| *counts.entry(k).or_default() += 1;
    for g in gold.iter().filter(|g| g.split == split) {
        let ps: Vec<&Predicted> = preds
            .iter()
            .filter(|p| p.story == g.story && p.start >= g.start && p.start < g.end)
            .collect();
        let ms = mentions.get(&g.story).cloned().unwrap_or_default();
        let in_sent: BTreeSet<&str> = ms
            .iter()
            .filter(|(s, _)| *s >= g.start && *s < g.end)
            .map(|(_, k)| k.as_str())
            .collect();
        let before: BTreeSet<&str> = ms
            .iter()
            .filter(|(s, _)| *s < g.start)
            .map(|(_, k)| k.as_str())
            .collect();
        for e in &g.events {
            bump("gold events".into());
            let root = e.root();
            let hit = ps.iter().any(|p| {
                p.source_key.as_deref() == Some(e.source.as_str())
                    && p.target_key.as_deref() == e.target.as_deref()
                    && attache_coder::eval::cameo_root(&p.cameo) == root
            });
            if hit {
                bump("matched".into());
                continue;
            }
            bump("missed".into());
            bump(format!("missed root {root}"));
            if ps.is_empty() {
                bump("missed: sentence has no prediction".into());
                let tk = e.trigger.and_then(|(ts, _)| {
                    toks.get(&g.story)
                        .and_then(|v| v.iter().find(|t| t.0 <= ts && ts < t.1))
                });
                match tk {
                    None => bump("missed, no prediction: trigger token not found".into()),
                    Some(t) => {
                        bump(format!(
                            "missed, no prediction: trigger {} known verb {} known noun {}",
                            t.2, t.3, t.4
                        ));
                        bump(format!("missed, no prediction, why: {}", t.5));
                        bump(format!("missed, no prediction, root {root} why: {}", t.5));
                        if show {
                            let a = arts
                                .iter()
                                .find(|a| a.external_id.as_deref() == Some(g.story.as_str()));
                            let text = a
                                .map(|a| chars(&a.text, g.start, g.end))
                                .unwrap_or_default();
                            let trig = a.map(|a| chars(&a.text, t.0, t.1)).unwrap_or_default();
                            println!(
                                "[{}] {} | {}>{:?}:{} | {trig} | {}",
                                t.5, text, e.source, e.target, e.cameo, g.story
                            );
                        }
                    }
                }
            } else {
                let same_pair = ps.iter().any(|p| {
                    p.source_key.as_deref() == Some(e.source.as_str())
                        && p.target_key.as_deref() == e.target.as_deref()
                });
                let same_root = ps
                    .iter()
                    .any(|p| attache_coder::eval::cameo_root(&p.cameo) == root);
                let same_src = ps
                    .iter()
                    .any(|p| p.source_key.as_deref() == Some(e.source.as_str()));
                bump(format!(
                    "missed: sentence has predictions; pair right {same_pair}, root right {same_root}, source right {same_src}"
                ));
                if show && ((same_pair && !same_root) || (!same_pair && same_root && same_src)) {
                    let text = arts
                        .iter()
                        .find(|a| a.external_id.as_deref() == Some(g.story.as_str()))
                        .map(|a| chars(&a.text, g.start, g.end))
                        .unwrap_or_default();
                    let pred: Vec<String> = ps
                        .iter()
                        .map(|p| format!("{:?}>{:?}:{}", p.source_key, p.target_key, p.cameo))
                        .collect();
                    println!(
                        "[{}] {} | gold {}>{:?}:{} | pred {} | {}",
                        if same_pair {
                            "wrong root"
                        } else {
                            "wrong target"
                        },
                        text,
                        e.source,
                        e.target,
                        e.cameo,
                        pred.join(" "),
                        g.story
                    );
                }
            }
            let src_here = in_sent.contains(e.source.as_str());
            let src_before = before.contains(e.source.as_str());
            bump(format!(
                "missed: source mention in sentence {src_here}, earlier in story {src_before}"
            ));
            match e.target.as_deref() {
                None => bump("missed: no target".into()),
                Some(t) => {
                    let here = in_sent.contains(t);
                    let bef = before.contains(t);
                    if show && (!here || !src_here) {
                        let a = arts
                            .iter()
                            .find(|a| a.external_id.as_deref() == Some(g.story.as_str()));
                        let text = a
                            .map(|a| chars(&a.text, g.start, g.end))
                            .unwrap_or_default();
                        let pred: Vec<String> = ps
                            .iter()
                            .map(|p| format!("{:?}>{:?}:{}", p.source_key, p.target_key, p.cameo))
                            .collect();
                        println!(
                            "[actor elsewhere] {} | gold {}>{}:{} | pred {} | {}",
                            text,
                            e.source,
                            t,
                            e.cameo,
                            pred.join(" "),
                            g.story
                        );
                    }
                    bump(format!(
                        "missed: target mention in sentence {here}, earlier in story {bef}"
                    ));
                    if t == e.source {
                        bump("missed: target == source".into());
                    }
                }
            }
        }
    }
    // Predictions not matched by a gold triple of their sentence.
    for g in gold.iter().filter(|g| g.split == split) {
        for p in preds
            .iter()
            .filter(|p| p.story == g.story && p.start >= g.start && p.start < g.end)
        {
            let root = attache_coder::eval::cameo_root(&p.cameo);
            let hit = g.events.iter().any(|e| {
                p.source_key.as_deref() == Some(e.source.as_str())
                    && p.target_key.as_deref() == e.target.as_deref()
                    && e.root() == root
            });
            bump("predicted".into());
            let selfp = p.source_key.is_some() && p.source_key == p.target_key;
            if selfp {
                bump(format!("predicted self, matched {hit}"));
                let how = self_how
                    .get(&(
                        p.story.clone(),
                        p.start,
                        p.source_key.clone().unwrap_or_default(),
                        root.to_string(),
                    ))
                    .cloned()
                    .unwrap_or_else(|| "?".into());
                bump(format!("predicted self, matched {hit}, {how}"));
            }
            if hit {
                continue;
            }
            bump("extra".into());
            bump(format!("extra root {root}"));
            if g.events.is_empty() {
                bump("extra: gold sentence has no event".into());
                continue;
            }
            let pair = g.events.iter().any(|e| {
                p.source_key.as_deref() == Some(e.source.as_str())
                    && p.target_key.as_deref() == e.target.as_deref()
            });
            let rev = g.events.iter().any(|e| {
                p.target_key.as_deref() == Some(e.source.as_str())
                    && p.source_key.as_deref() == e.target.as_deref()
            });
            let same_root = g.events.iter().any(|e| e.root() == root);
            let src = g
                .events
                .iter()
                .any(|e| p.source_key.as_deref() == Some(e.source.as_str()));
            bump(format!(
                "extra in event sentence: pair right {pair}, reversed {rev}, root in gold {same_root}, source in gold {src}, self {selfp}"
            ));
        }
    }
    for (k, v) in counts {
        println!("{v:5}  {k}");
    }
}
