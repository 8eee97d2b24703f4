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

/// Fuzzing entry point: decodes `data` as a datagram through every view of this
/// family. It must never panic, whatever the bytes.
pub fn fuzz_one(data: &[u8]) {
    let _ = crate::nl::describe_datagram::<Nfnl>(data, &mut crate::nl::NullVisitor::default());
}
