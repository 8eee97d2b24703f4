//! The `ferroute` command-line tool's pure layers: iproute2 command syntax -> typed
//! [`parse::Command`]s, and typed rows -> iproute2-compatible JSON and text ([`format`](mod@format)).
//!
//! None of it touches a socket. The flow the tool wires together:
//!
//! 1. words: `std::env::args` after the program name, or [`parse::split_batch`] /
//!    [`parse::split_line`] for `-batch` files (`#` comments, quotes, `\` continuations);
//! 2. [`parse::parse_line`] -> ([`parse::GlobalOpts`], [`parse::Command`]) with iproute2's
//!    prefix matching (`ip l s dev x up`), typed values and iproute2-worded errors;
//! 3. requests: [`parse::Action::nlm_flags`] and the `header()` methods of
//!    [`parse::RouteSpec`], [`parse::AddrSpec`], [`parse::RuleSpec`] give the NLM_F_* flags
//!    and family-header fields iproute2 would send (defaults included);
//! 4. dumps: codec views -> rows ([`format::LinkRow`], [`format::AddrRow`],
//!    [`format::RouteRow`], [`format::NeighRow`], [`format::RuleRow`], [`format::QdiscRow`],
//!    [`format::ClassRow`], [`format::FilterRow`]), selected like iproute2 with
//!    [`filter`] (route selectors, the neighbour state mask, address filters);
//! 5. output: `*_json` + [`format::json_array`] (byte-compatible with `ip -j [-p]`) or
//!    `*_text`; monitor events with [`format::link_event_text`] & co.
//!
//! [`names`] holds the number <-> name tables (kernel UAPI facts) in one place each.

pub mod exec;
pub mod filter;
pub mod format;
pub mod names;
pub mod parse;
pub mod rows;
