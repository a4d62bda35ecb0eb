//! The actor lexicon of attache: states, governments, international organisations,
//! non-state groups, agent words and people, from reviewable data files
//! (docs/lexicon-format.md) and PETRARCH/TABARI dictionaries, compiled into one fast
//! matcher; and the resolution of actor mentions in the context of a whole article.
//!
//! Why a crate of its own: the coder needs codes for the participants of events, the
//! command line needs `actors lookup/check` and `eval actors`, and the data must be
//! checkable without the coder. Built-in files are embedded in the binary, so nothing
//! is needed at run time.
//!
//! Entry points: [`Lexicon::load_default`], [`Lexicon::builder`], [`Lexicon::lookup`],
//! [`Lexicon::check`], [`resolve`], [`eval_actors`].

pub mod check;
pub mod eval;
mod gender;
pub mod lexicon;
pub mod lookup;
pub mod model;
pub mod petrarch;
pub mod regions;
pub mod resolve;
mod setting;
pub mod token;

pub use check::{Problem, ProblemKind};
pub use eval::{eval_actors, eval_actors_with, ActorError, ActorsReport, EvalError};
pub use lexicon::{Lexicon, LexiconBuilder, LexiconError, PAIR_PHRASES};
pub use lookup::{simple_doc, Resolution};
pub use model::{Actor, ActorKind, Agent, Office, Origin, Period, Person, PetrActor};
pub use resolve::{resolve, DocContext};
