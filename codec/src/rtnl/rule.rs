//! rtnetlink rule messages (stub: filled in by the RTNL codec work).

use crate::nl::{Family, NlMsg, RawFamily, Visitor};

/// Describes the body of a rule message for the decode tool.
pub(crate) fn describe(msg: &NlMsg<'_>, out: &mut dyn Visitor) {
    RawFamily::describe_body(msg, out)
}

/// Fuzzing entry point: decodes `data` as a datagram through every view of this
/// module. It must never panic, whatever the bytes.
pub fn fuzz_one(data: &[u8]) {
    let _ =
        crate::nl::describe_datagram::<super::Rtnl>(data, &mut crate::nl::NullVisitor::default());
}
