//! English NLP for news, in pure Rust: tokenizer, sentence splitter, part-of-speech
//! tagger, lemmatizer and dependency parser, trained on UD English-EWT.
//!
//! Why our own: the coder needs tokens with character offsets, tags, lemmas and a UD
//! tree for every sentence, fast enough to code millions of articles on a laptop, with
//! no Python, GPU or download. No maintained Rust crate does this, so the models are
//! ours, small, and built into the binary.
//!
//! The entry point is [`Pipeline`]: load once, share across threads, and call
//! [`Pipeline::parse`] to turn a text into a [`Doc`] of parsed [`Sentence`]s whose
//! tokens are byte spans into the borrowed text.

pub mod combine;
pub mod conllu;
pub mod doc;
pub mod eval;
pub mod features;
pub mod lemmatizer;
pub mod model_io;
pub mod parser;
pub mod pipeline;
pub mod revise;
pub mod segment;
pub mod tagger;
pub mod tokenize;
pub mod train;

pub use doc::{Doc, Feats, Sentence, Upos};
pub use model_io::TextError;
pub use pipeline::Pipeline;
