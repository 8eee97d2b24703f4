//! Shared helpers for ferroute benchmarks.
