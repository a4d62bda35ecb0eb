//! The whole NLP pipeline, loaded once and shared across threads.
//!
//! Why one object: the coder needs every stage (tokens with byte spans, sentences,
//! tags, features, lemmas, tree) for every sentence, and the models must be loaded once
//! and used read-only by many threads. The models are built into the binary with
//! `include_bytes!`, so `attache` needs no files at run time; [`Pipeline::load_dir`]
//! loads retrained ones instead.

use std::ops::Range;
use std::path::Path;

use crate::doc::{Doc, Sentence, TokenRecord, Upos};
use crate::lemmatizer::LemmatizerModel;
use crate::model_io::TextError;
use crate::parser::Parser;
use crate::tagger::{TagScratch, TaggerModel};

static TAGGER_BIN: &[u8] = include_bytes!("../../../models/tagger.bin");
static LEMMATIZER_BIN: &[u8] = include_bytes!("../../../models/lemmatizer.bin");
static PARSER_BIN: &[u8] = include_bytes!("../../../models/parser.bin");

/// Tokenizer, tagger, lemmatizer and parser with their models.
#[derive(Debug, Clone)]
pub struct Pipeline {
    tagger: TaggerModel,
    lemmatizer: LemmatizerModel,
    parser: Option<Parser>,
}

/// Reusable buffers for one sentence.
#[derive(Default)]
struct Scratch {
    tag: TagScratch,
    lc: String,
    upos: Vec<Upos>,
}

impl Pipeline {
    /// Load the models built into the binary.
    pub fn load_default() -> Result<Pipeline, TextError> {
        Ok(Pipeline {
            tagger: TaggerModel::from_bytes(TAGGER_BIN)?,
            lemmatizer: LemmatizerModel::from_bytes(LEMMATIZER_BIN)?,
            parser: Some(
                Parser::from_bytes(PARSER_BIN).map_err(|e| TextError::BadModel {
                    name: "parser (built in)".into(),
                    message: e.to_string(),
                })?,
            ),
        })
    }

    /// Load `tagger.bin`, `lemmatizer.bin` and (if present) `parser.bin` from `dir`.
    pub fn load_dir(dir: &Path) -> Result<Pipeline, TextError> {
        let parser_path = dir.join("parser.bin");
        let parser = if parser_path.exists() {
            let b = std::fs::read(&parser_path).map_err(|e| TextError::Io {
                path: parser_path.clone(),
                source: e,
            })?;
            Some(Parser::from_bytes(&b).map_err(|e| TextError::BadModel {
                name: parser_path.display().to_string(),
                message: e.to_string(),
            })?)
        } else {
            None
        };
        Ok(Pipeline {
            tagger: TaggerModel::load(&dir.join("tagger.bin"))?,
            lemmatizer: LemmatizerModel::load(&dir.join("lemmatizer.bin"))?,
            parser,
        })
    }

    /// Build a pipeline from models in memory.
    pub fn from_models(
        tagger: TaggerModel,
        lemmatizer: LemmatizerModel,
        parser: Option<Parser>,
    ) -> Pipeline {
        Pipeline {
            tagger,
            lemmatizer,
            parser,
        }
    }

    pub fn tagger(&self) -> &TaggerModel {
        &self.tagger
    }
    pub fn lemmatizer(&self) -> &LemmatizerModel {
        &self.lemmatizer
    }
    pub fn parser(&self) -> Option<&Parser> {
        self.parser.as_ref()
    }

    /// Split, tokenize, tag, lemmatize and parse a text.
    pub fn parse<'t>(&self, text: &'t str) -> Doc<'t> {
        let spans = crate::tokenize::tokenize(text);
        let mut sc = Scratch::default();
        let mut sentences = Vec::new();
        let mut forms: Vec<&str> = Vec::new();
        for r in crate::segment::split_sentences(text, &spans) {
            let toks = &spans[r];
            if toks.is_empty() {
                continue;
            }
            forms.clear();
            forms.extend(toks.iter().map(|&(s, e)| &text[s as usize..e as usize]));
            let span = toks[0].0 as usize..toks[toks.len() - 1].1 as usize;
            sentences.push(self.analyse(&forms, toks, span, &mut sc));
        }
        Doc { text, sentences }
    }

    /// Tag, lemmatize and parse one sentence given as words; the token spans refer to
    /// the words joined by single spaces.
    pub fn parse_pretokenized(&self, words: &[&str]) -> Sentence {
        let mut spans = Vec::with_capacity(words.len());
        let mut pos = 0u32;
        for w in words {
            spans.push((pos, pos + w.len() as u32));
            pos += w.len() as u32 + 1;
        }
        let end = pos.saturating_sub(1) as usize;
        self.analyse(words, &spans, 0..end, &mut Scratch::default())
    }

    /// Tag one sentence of words: (UPOS, XPOS, FEATS) per word.
    pub fn tag<'m>(&'m self, words: &[&str]) -> Vec<crate::tagger::Tagged<'m>> {
        self.tagger.tag_text(words)
    }

    fn analyse(
        &self,
        forms: &[&str],
        spans: &[(u32, u32)],
        span: Range<usize>,
        sc: &mut Scratch,
    ) -> Sentence {
        self.tagger.tag_text_with(forms, &mut sc.tag);
        let mut tokens = Vec::with_capacity(forms.len());
        sc.upos.clear();
        for (i, f) in forms.iter().enumerate() {
            let class = self.tagger.class(sc.tag.classes[i]);
            sc.upos.push(class.upos);
            let mut lemma = String::new();
            self.lemmatizer
                .lemmatize_into(f, class.upos, &class.xpos, &mut sc.lc, &mut lemma);
            tokens.push(TokenRecord {
                start: spans[i].0,
                end: spans[i].1,
                upos: class.upos,
                xpos: class.xpos.clone(),
                feats: self.tagger.feats_name(sc.tag.feats[i]).to_string(),
                lemma,
                head: 0,
                deprel: "dep".to_string(),
            });
        }
        if let Some(p) = &self.parser {
            let xpos: Vec<&str> = sc
                .tag
                .classes
                .iter()
                .map(|&c| self.tagger.class(c).xpos.as_str())
                .collect();
            for (t, (h, l)) in tokens.iter_mut().zip(p.parse(forms, &sc.upos, &xpos)) {
                t.head = h;
                t.deprel = p.deprel_name(l).to_string();
            }
        } else {
            flat_tree(&mut tokens);
        }
        Sentence { span, tokens }
    }
}

/// Without a parser: attach everything to the first verb (or the first token).
fn flat_tree(tokens: &mut [TokenRecord]) {
    let root = tokens
        .iter()
        .position(|t| t.upos == Upos::VERB)
        .unwrap_or(0);
    for (i, t) in tokens.iter_mut().enumerate() {
        if i == root {
            t.head = 0;
            t.deprel = "root".into();
        } else {
            t.head = root as u32 + 1;
        }
    }
}
