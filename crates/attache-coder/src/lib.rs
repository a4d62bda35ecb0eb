//! attache-coder (in progress)
