//! nfnetlink: the nfgenmsg family header, subsystems, and ipset
//! (stub: filled in by the nfnetlink codec work).

use crate::nl::{Family, NlMsg, RawFamily, Visitor};

/// The nfnetlink family for the decode tool (`decode --family netfilter`).
#[derive(Debug, Clone, Copy)]
pub struct Nfnl;

impl Family for Nfnl {
    const NAME: &'static str = "netfilter";
    fn type_name(_: u16) -> Option<&'static str> {
        None
    }
    fn describe_body(msg: &NlMsg<'_>, out: &mut dyn Visitor) {
        RawFamily::describe_body(msg, out)
    }
}
