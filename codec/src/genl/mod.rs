//! Generic netlink: the genlmsghdr family header, nlctrl, taskstats and nl80211
//! (stub: filled in by the generic-netlink codec work).

use crate::nl::{Family, NlMsg, RawFamily, Visitor};

/// The generic netlink family for the decode tool (`decode --family generic`).
#[derive(Debug, Clone, Copy)]
pub struct Genl;

impl Family for Genl {
    const NAME: &'static str = "generic";
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
    let _ = crate::nl::describe_datagram::<Genl>(data, &mut crate::nl::NullVisitor::default());
}
