//! attache-ledger: the embedded store of articles and events, and the relations ledger
//! built on it.
//!
//! Why one crate for both: the ledger is a set of *views* over what the store holds
//! (representation changes, recognition facts, events), and its guarantees — nothing
//! half-written, nothing overwritten, the same answer whatever order articles arrived
//! in — are guarantees about how rows are written and read. Keeping storage and
//! derivation together keeps those guarantees in one place; the binary only renders
//! the serde row structs returned here.
//!
//! * [`store`]: opening (refusing foreign files untouched), schema and migrations,
//!   one-transaction-per-article inserts;
//! * [`query`]: event listings;
//! * [`ledger`]: representation per directed dyad, recognition of governments,
//!   curation and retraction, the `dyad`, `relations` and `changes` reports;
//! * [`analytics`]: dyad time series and trend;
//! * [`cow`]: Correlates of War Diplomatic Exchange CSV import and export.

pub mod analytics;
pub mod cow;
pub mod dates;
pub mod error;
pub mod ledger;
pub mod query;
pub mod store;

pub use analytics::{BucketRow, Trend, TrendLabel, TrendWindow};
pub use dates::Granularity;
pub use error::StoreError;
pub use ledger::{ChangeFilter, ChangeRow, DirectionState, DyadReport, RelationRow};
pub use query::{EventBrief, EventFilter, EventRow};
pub use store::{
    BatchSummary, InsertOutcome, RecodeOutcome, Store, StoreStats, APPLICATION_ID, SCHEMA_VERSION,
};
