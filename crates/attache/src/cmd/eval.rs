//! `attache eval nlp|actors|events`: accuracy against gold data, in the field's terms.

use crate::cli::EvalCommand;
use crate::output::{self, Format};
use anyhow::{Context, Result};
use attache_coder::eval::{
    article_offset, predicted_from_gold, read_gold, score, shared_sentences, Predicted,
};
use attache_ingest::{read_path, ReadEvent, ReadOptions};
use std::collections::{BTreeSet, HashMap};
use std::io::Write;
use std::path::Path;

fn need(path: &Path, what: &str) -> Result<()> {
    if !path.exists() {
        anyhow::bail!(
            "{what} {} not found: give its path (see `attache eval --help`)",
            path.display()
        );
    }
    Ok(())
}

pub fn run(what: EvalCommand) -> Result<()> {
    match what {
        EvalCommand::Nlp { gold, format } => {
            need(&gold, "gold treebank")?;
            let sents = attache_text::conllu::read_conllu_file(&gold)?;
            let pipeline = attache_text::Pipeline::load_default()?;
            let r = attache_text::eval::evaluate_pipeline(&pipeline, &sents);
            let mut out = std::io::stdout().lock();
            match output::resolve(format.format) {
                Format::Table => {
                    writeln!(
                        out,
                        "{} ({} sentences, {} words)",
                        gold.display(),
                        r.sentences,
                        r.words
                    )?;
                    writeln!(
                        out,
                        "from raw text:      tokens F1 {:.2}  sentences F1 {:.2}  words F1 {:.2}",
                        r.tokens_f1, r.sentences_f1, r.words_f1
                    )?;
                    writeln!(out, "gold tokenization:  UPOS {:.2}  XPOS {:.2}  lemma {:.2}  UAS {:.2}  LAS {:.2}", r.upos, r.xpos, r.lemma, r.uas, r.las)?;
                    writeln!(
                        out,
                        "end to end:         UPOS {:.2}  UAS {:.2}  LAS {:.2}",
                        r.e2e_upos, r.e2e_uas, r.e2e_las
                    )?;
                }
                f => output::print_object(&mut out, &output::to_value(&r), f)?,
            }
            Ok(())
        }
        EvalCommand::Actors { gold, format } => {
            need(&gold, "gold mentions file")?;
            let lex = attache_lexicon::Lexicon::load_default()?;
            let pipeline = attache_text::Pipeline::load_default()?;
            let r = attache_lexicon::eval_actors(&lex, &pipeline, &gold)?;
            let mut out = std::io::stdout().lock();
            match output::resolve(format.format) {
                Format::Table => write!(out, "{r}")?,
                f => output::print_object(&mut out, &output::to_value(&r), f)?,
            }
            Ok(())
        }
        EvalCommand::Events {
            gold,
            corpus,
            split,
            errors,
            second,
            sentences_of,
            format,
        } => {
            need(&gold, "gold events file")?;
            if let Some(s) = &split {
                if s != "dev" && s != "test" {
                    return Err(super::UsageError(format!("--split {s:?}: use dev or test")).into());
                }
            }
            let mut gold_sents = read_gold(&gold)?;
            let mut second_annotation = None;
            if let Some(path) = sentences_of.as_ref().or(second.as_ref()) {
                need(path, "annotation file")?;
                let other = read_gold(path)?;
                gold_sents = shared_sentences(&gold_sents, &other);
                if gold_sents.is_empty() {
                    anyhow::bail!(
                        "{} annotates none of the sentences of {} (same story id, start and end): \
                         is it an annotation of this gold set?",
                        path.display(),
                        gold.display()
                    );
                }
                if second.is_some() {
                    second_annotation = Some(other);
                }
            }
            if let (Some(other), false) = (&second_annotation, errors) {
                // Agreement needs no story text: the spans are the gold's own.
                let scores = score(&gold_sents, &predicted_from_gold(other), split.as_deref());
                return print_scores(&scores, format);
            }
            need(&corpus, "story corpus")?;
            // Read the stories as ingestion does (datelines removed), keeping their raw text
            // to place the article text in the story for the gold offsets.
            let raw: HashMap<String, String> = read_raw_stories(&corpus)?;
            let predicted = match &second_annotation {
                // Agreement: the second annotation stands in for the coder.
                Some(other) => predicted_from_gold(other),
                None => code_stories(&corpus, &gold_sents, split.as_deref(), &raw)?,
            };
            if errors {
                return print_sentence_errors(
                    &gold_sents,
                    &predicted,
                    split.as_deref(),
                    &raw,
                    format,
                );
            }
            let scores = score(&gold_sents, &predicted, split.as_deref());
            print_scores(&scores, format)
        }
        EvalCommand::Petrarch { records, format } => {
            need(&records, "PETRARCH unit-test records")?;
            let report = attache_coder::petrarch::eval_records(&records).with_context(|| {
                format!("cannot run the PETRARCH records {}", records.display())
            })?;
            let mut out = std::io::stdout().lock();
            match output::resolve(format.format) {
                Format::Table => write!(out, "{report}")?,
                f => output::print_object(&mut out, &output::to_value(&report), f)?,
            }
            Ok(())
        }
    }
}

/// Codes the stories that have gold sentences (in `split`, if given) and returns the
/// coder's events as predictions placed in the story text.
fn code_stories(
    corpus: &Path,
    gold_sents: &[attache_coder::eval::GoldSentence],
    split: Option<&str>,
    raw: &HashMap<String, String>,
) -> Result<Vec<Predicted>> {
    let wanted: BTreeSet<&str> = gold_sents
        .iter()
        .filter(|g| split.is_none_or(|s| g.split == s))
        .map(|g| g.story.as_str())
        .collect();
    let mut articles = Vec::new();
    read_path(corpus, &ReadOptions::default(), &mut |ev| {
        if let ReadEvent::Article(a) = ev {
            if a.external_id
                .as_deref()
                .is_some_and(|id| wanted.contains(id))
            {
                articles.push(*a);
            }
        }
    });
    let coder = super::load_coder()?;
    let coded = coder.code_batch(&articles);
    let mut predicted = Vec::new();
    for (a, c) in articles.iter().zip(&coded) {
        let story = a.external_id.clone().unwrap_or_default();
        let story_text = raw.get(&story).map(String::as_str).unwrap_or("");
        let off = article_offset(story_text, &a.text).unwrap_or(0);
        predicted.extend(Predicted::from_coded_article(&story, off, c));
    }
    Ok(predicted)
}

fn print_scores(
    scores: &attache_coder::eval::EventScores,
    format: crate::cli::FormatArg,
) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match output::resolve(format.format) {
        Format::Table => write!(out, "{}", scores.to_text())?,
        f => output::print_object(&mut out, &output::to_value(scores), f)?,
    }
    Ok(())
}

/// `eval events --errors`: one row per disagreeing sentence, with its text.
fn print_sentence_errors(
    gold: &[attache_coder::eval::GoldSentence],
    predicted: &[Predicted],
    split: Option<&str>,
    raw: &HashMap<String, String>,
    format: crate::cli::FormatArg,
) -> Result<()> {
    let rows: Vec<serde_json::Value> = attache_coder::eval::sentence_errors(gold, predicted, split)
        .into_iter()
        .map(|e| {
            let text: String = raw
                .get(&e.story)
                .map(|t| {
                    t.chars()
                        .skip(e.start as usize)
                        .take((e.end - e.start) as usize)
                        .collect()
                })
                .unwrap_or_default();
            serde_json::json!({
                "story": e.story,
                "start": e.start,
                "end": e.end,
                "split": e.split,
                "missed": e.missed.join(" "),
                "extra": e.extra.join(" "),
                "matched": e.matched.join(" "),
                "text": text.split_whitespace().collect::<Vec<_>>().join(" "),
            })
        })
        .collect();
    let mut out = std::io::stdout().lock();
    match output::resolve(format.format) {
        Format::Table => {
            for r in &rows {
                writeln!(
                    out,
                    "{} {}..{} [{}]\n  {}\n  missed: {}\n  extra:  {}\n  ok:     {}\n",
                    r["story"].as_str().unwrap_or(""),
                    r["start"],
                    r["end"],
                    r["split"].as_str().unwrap_or(""),
                    r["text"].as_str().unwrap_or(""),
                    r["missed"].as_str().unwrap_or(""),
                    r["extra"].as_str().unwrap_or(""),
                    r["matched"].as_str().unwrap_or(""),
                )?;
            }
        }
        f => output::print_rows(&mut out, &rows, &[], f)?,
    }
    Ok(())
}

fn read_raw_stories(path: &Path) -> Result<HashMap<String, String>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut map = HashMap::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
            if let (Some(id), Some(t)) = (
                v.get("id").and_then(|x| x.as_str()),
                v.get("text").and_then(|x| x.as_str()),
            ) {
                map.insert(id.to_string(), t.to_string());
            }
        }
    }
    Ok(map)
}
