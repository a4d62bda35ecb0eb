//! attache-ledger (in progress)
