//! The whole NLP pipeline, loaded once and shared across threads.
//!
//! PLACEHOLDER (to be replaced by the trained models): splits on whitespace and
//! sentence-final punctuation, tags nothing. Only here so that the crates built on top
//! compile while the models are trained.

use crate::doc::{Doc, Sentence, TokenRecord, Upos};

/// Tokenizer, tagger, lemmatizer and parser with their models.
pub struct Pipeline {}

impl Pipeline {
    /// Load the models built into the binary.
    pub fn load_default() -> Pipeline {
        Pipeline {}
    }

    /// Split, tokenize, tag, lemmatize and parse a text.
    pub fn parse<'t>(&self, text: &'t str) -> Doc<'t> {
        let mut sentences = Vec::new();
        let mut toks = Vec::new();
        let mut sent_start = None;
        let mut pos = 0;
        for piece in text.split_inclusive(char::is_whitespace) {
            let w = piece.trim_end();
            if !w.is_empty() {
                let (s, e) = (pos as u32, (pos + w.len()) as u32);
                sent_start.get_or_insert(pos);
                toks.push(TokenRecord {
                    start: s,
                    end: e,
                    upos: Upos::X,
                    xpos: "_".into(),
                    feats: "_".into(),
                    lemma: w.to_lowercase(),
                    head: 0,
                    deprel: "dep".into(),
                });
                if w.ends_with(['.', '!', '?']) {
                    let st = sent_start.take().unwrap_or(pos);
                    sentences.push(Sentence { span: st..pos + w.len(), tokens: std::mem::take(&mut toks) });
                }
            }
            pos += piece.len();
        }
        if !toks.is_empty() {
            let st = sent_start.unwrap_or(0);
            let end = toks.last().map(|t| t.end as usize).unwrap_or(st);
            sentences.push(Sentence { span: st..end, tokens: toks });
        }
        Doc { text, sentences }
    }
}
