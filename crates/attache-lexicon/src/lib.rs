//! attache-lexicon (in progress)
