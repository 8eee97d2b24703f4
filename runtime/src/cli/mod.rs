//! The `ferroute` command-line tool's pure layers: iproute2 command syntax -> typed
//! [`parse::Command`]s, and typed rows -> iproute2-compatible JSON and text ([`format`]).

pub mod filter;
pub mod format;
pub mod names;
pub mod parse;
