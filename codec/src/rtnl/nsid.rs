//! rtnetlink namespace ids (RTM_NEWNSID / RTM_DELNSID / RTM_GETNSID): the 1-byte
//! `struct rtgenmsg` header (attributes at offset 4) and the NETNSA_* set of
//! <linux/net_namespace.h>.

use super::consts::{RTM_GETNSID, RTM_NEWNSID, describe_hdr_attrs};
use crate::nl::attr::kind::*;
use crate::nl::{AttrIter, AttrSet, Buffer, Ctx, Error, MsgBuilder, NlMsg, Visitor};

wire_struct! {
    /// `struct rtgenmsg`: one family byte (attributes follow at the 4-byte boundary).
    pub struct RtGenMsg {
        /// Address family (AF_UNSPEC for nsid messages).
        rtgen_family: u8,
    }
}

/// NETNSA_NSID_NOT_ASSIGNED: the namespace has no id in the asker's namespace.
pub const NETNSA_NSID_NOT_ASSIGNED: i32 = -1;

nla_set! {
    /// Namespace id attributes (NETNSA_*).
    pub struct NsidAttrs, enum NsidAttr, index NsidIndex;
    /// The id (NETNSA_NSID_NOT_ASSIGNED if none).
    NETNSA_NSID = 1 => Nsid(nsid): I32,
    /// A process in the namespace.
    NETNSA_PID = 2 => Pid(pid): U32,
    /// A file descriptor of the namespace.
    NETNSA_FD = 3 => Fd(fd): U32,
    /// Namespace in which to report ids (requests).
    NETNSA_TARGET_NSID = 4 => TargetNsid(target_nsid): I32,
    /// The id of the asker's namespace in the target namespace.
    NETNSA_CURRENT_NSID = 5 => CurrentNsid(current_nsid): I32,
}

msg_view! {
    /// A view of one nsid message.
    pub struct NsidMsg {
        header: RtGenMsg,
        attr: NsidAttr,
        index: NsidAttrs => NsidIndex,
        types: RTM_NEWNSID..=RTM_GETNSID,
    }
}

/// Starts an nsid message (header padded to 4 bytes); add attributes, then `finish()`.
pub fn build<B: Buffer>(
    buf: B,
    nlmsg_type: u16,
    flags: u16,
    seq: u32,
    hdr: &RtGenMsg,
) -> Result<MsgBuilder<B>, Error> {
    MsgBuilder::with_header(buf, nlmsg_type, flags, seq, hdr)
}

/// Describes the body of an nsid message for the decode tool.
pub(crate) fn describe(msg: &NlMsg<'_>, out: &mut dyn Visitor) {
    describe_hdr_attrs::<RtGenMsg, NsidAttrs>(msg, "rtgenmsg", out)
}

/// Fuzzing entry point: decodes `data` as a datagram through every view of this
/// module. It must never panic, whatever the bytes.
pub fn fuzz_one(data: &[u8]) {
    let mut v = crate::nl::NullVisitor::default();
    let _ = crate::nl::describe_datagram::<super::Rtnl>(data, &mut v);
    for m in crate::nl::Messages::new(data).flatten() {
        if let Ok(n) = NsidMsg::parse(m) {
            n.iter().for_each(drop);
            if let Ok(i) = n.index() {
                let _ = (i.nsid(), i.pid(), i.fd(), i.target_nsid(), i.current_nsid());
            }
        }
    }
    NsidAttrs::describe_list(AttrIter::new(data), &Ctx::default(), &mut v);
}
