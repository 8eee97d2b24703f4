//! Shared helpers for ferroute integration tests.
