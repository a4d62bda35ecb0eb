//! attache-ingest (in progress)
