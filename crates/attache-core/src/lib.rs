//! Plain data types shared by every attache crate.
//!
//! Why a crate of its own: the coder produces events, the ledger stores them, the binary
//! prints them. If these types lived in the coder, the ledger would depend on the whole
//! NLP stack just to name an `Event`. Keeping them here — plain data, serde, no logic
//! beyond small helpers — lets every stage be built and tested alone while dependencies
//! still flow one way: `attache` → `ledger`/`coder` → `lexicon`/`text` → `core`.

pub mod article;
pub mod country;
pub mod date;
pub mod event;
pub mod relation;

pub use article::{Article, ArticleId};
pub use date::{DatePrecision, FuzzyDate};
pub use event::{
    ActorRef, CodedArticle, Event, Evidence, Location, Mention, MentionKind, Modality, ResolvedBy,
    SentenceRecord, Span,
};
pub use relation::{RecognitionFact, RecognitionKind, RepLevel, RepresentationChange};
