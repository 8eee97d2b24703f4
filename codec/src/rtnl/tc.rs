//! rtnetlink tc messages (stub: filled in by the RTNL codec work).

use crate::nl::{Family, NlMsg, RawFamily, Visitor};

/// Describes the body of a tc message for the decode tool.
pub(crate) fn describe(msg: &NlMsg<'_>, out: &mut dyn Visitor) {
    RawFamily::describe_body(msg, out)
}
