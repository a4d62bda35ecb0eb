//! Training entry points for the models of this crate, used by `attache train` and by
//! `cargo run --release -p attache-text --example train_all`.
//!
//! Why a separate module: the CLI and the example need one small, stable API; the
//! learning code stays next to the model it trains. Training is deterministic: the
//! only randomness is the sentence order, drawn from a seeded generator, and no hash
//! map iteration order reaches the model, so the same inputs and seed give
//! byte-identical model files.

use crate::conllu::ConlluSentence;
use crate::lemmatizer::LemmatizerModel;
use crate::model_io::TextError;
use crate::tagger::TaggerModel;

/// Options shared by the trainers.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the training data (the best pass on dev is kept).
    pub iterations: usize,
    /// Seed of the sentence-order shuffle.
    pub seed: u64,
    /// Averaged weights smaller than this in magnitude are dropped from the model.
    pub min_weight: f32,
    /// Probability of training on a once-seen word as if it were unknown (tagger).
    pub word_dropout: f32,
    /// Folds for jackknifing the tagger's first pass (below 2: one pass only).
    pub folds: usize,
    /// Do not print progress to stderr.
    pub quiet: bool,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            iterations: 9,
            seed: 1,
            min_weight: 0.75,
            word_dropout: 0.0,
            folds: 0,
            quiet: false,
        }
    }
}

/// Train the part-of-speech tagger, printing per-iteration accuracy on `dev`.
pub fn train_tagger(
    train: &[ConlluSentence],
    dev: &[ConlluSentence],
    opts: &TrainOptions,
) -> Result<TaggerModel, TextError> {
    crate::tagger::train(train, dev, opts)
}

/// Train the lemmatizer (dictionary plus suffix rules), printing its accuracy on `dev`
/// with gold tags.
pub fn train_lemmatizer(
    train: &[ConlluSentence],
    dev: &[ConlluSentence],
    opts: &TrainOptions,
) -> Result<LemmatizerModel, TextError> {
    crate::lemmatizer::train(train, dev, opts)
}
