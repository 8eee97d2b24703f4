//! Netlink wire structs (`nlmsghdr`, `nlattr`, `nlmsgerr`, `genlmsghdr`, `nfgenmsg`),
//! message-type constants and the NLM_F_* flag words, one type per context.

use bitflags::bitflags;

wire_struct! {
    /// `struct nlmsghdr`: the 16-byte header in front of every netlink message.
    pub struct NlMsgHdr {
        /// Length of the message including this header, without trailing padding.
        nlmsg_len: u32,
        /// Message type (NLMSG_* below 16, family types above).
        nlmsg_type: u16,
        /// NLM_F_* flags.
        nlmsg_flags: u16,
        /// Sequence number.
        nlmsg_seq: u32,
        /// Sending port id (0 = the kernel).
        nlmsg_pid: u32,
    }
}

wire_struct! {
    /// `struct nlattr`: the 4-byte attribute header (length includes the header).
    pub struct NlAttrHdr {
        /// Length of header plus payload, without padding.
        nla_len: u16,
        /// Type, with NLA_F_NESTED and NLA_F_NET_BYTEORDER in the top bits.
        nla_type: u16,
    }
}

wire_struct! {
    /// `struct nlmsgerr`: the payload of NLMSG_ERROR (error code and the echoed header).
    pub struct NlMsgErr {
        /// 0 for an ACK, a negative errno otherwise.
        error: i32,
        /// The request's header, echoed.
        msg_len: u32,
        /// The request's type.
        msg_type: u16,
        /// The request's flags.
        msg_flags: u16,
        /// The request's sequence number.
        msg_seq: u32,
        /// The request's port id.
        msg_pid: u32,
    }
}

wire_struct! {
    /// `struct genlmsghdr`: the generic netlink family header.
    pub struct GenlMsgHdr {
        /// Command.
        cmd: u8,
        /// Family version.
        version: u8,
        /// Reserved, zero.
        reserved: u16,
    }
}

wire_struct! {
    /// `struct nfgenmsg`: the nfnetlink family header.
    pub struct NfGenMsg {
        /// AF_* family.
        nfgen_family: u8,
        /// NFNETLINK_V0.
        version: u8,
        /// Resource id, big endian.
        res_id: be16,
    }
}

impl NlMsgHdr {
    /// A header with the given fields and `nlmsg_len` 16 (patched by the builder).
    pub fn new(ty: u16, flags: u16, seq: u32, pid: u32) -> Self {
        NlMsgHdr {
            nlmsg_len: (NLMSG_HDRLEN_U32).into(),
            nlmsg_type: ty.into(),
            nlmsg_flags: flags.into(),
            nlmsg_seq: seq.into(),
            nlmsg_pid: pid.into(),
        }
    }
    /// The request/common flag bits of `nlmsg_flags`.
    pub fn flags(&self) -> NlmF {
        NlmF::from_bits_retain(self.nlmsg_flags.get())
    }
}

const NLMSG_HDRLEN_U32: u32 = 16;

/// NLMSG_NOOP: nothing, ignore.
pub const NLMSG_NOOP: u16 = 1;
/// NLMSG_ERROR: an error or (error 0) an acknowledgement.
pub const NLMSG_ERROR: u16 = 2;
/// NLMSG_DONE: end of a multipart message.
pub const NLMSG_DONE: u16 = 3;
/// NLMSG_OVERRUN: data lost.
pub const NLMSG_OVERRUN: u16 = 4;
/// NLMSG_MIN_TYPE: types below this are reserved for control messages.
pub const NLMSG_MIN_TYPE: u16 = 0x10;

/// The name of a control message type (NLMSG_*), if `ty` is one.
pub fn nlmsg_type_name(ty: u16) -> Option<&'static str> {
    Some(match ty {
        NLMSG_NOOP => "NLMSG_NOOP",
        NLMSG_ERROR => "NLMSG_ERROR",
        NLMSG_DONE => "NLMSG_DONE",
        NLMSG_OVERRUN => "NLMSG_OVERRUN",
        _ => return None,
    })
}

bitflags! {
    /// NLM_F_* flags valid on every message (the low byte).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct NlmF: u16 {
        /// NLM_F_REQUEST: a request.
        const REQUEST = 0x01;
        /// NLM_F_MULTI: part of a multipart message ended by NLMSG_DONE.
        const MULTI = 0x02;
        /// NLM_F_ACK: reply with an acknowledgement.
        const ACK = 0x04;
        /// NLM_F_ECHO: echo this request.
        const ECHO = 0x08;
        /// NLM_F_DUMP_INTR: the dump was inconsistent (changed while dumping).
        const DUMP_INTR = 0x10;
        /// NLM_F_DUMP_FILTERED: the dump was filtered as requested.
        const DUMP_FILTERED = 0x20;
    }
}

bitflags! {
    /// NLM_F_* modifiers of GET requests.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct NlmFGet: u16 {
        /// NLM_F_ROOT: the whole table, not one entry.
        const ROOT = 0x100;
        /// NLM_F_MATCH: all entries matching the criteria.
        const MATCH = 0x200;
        /// NLM_F_ATOMIC: an atomic snapshot.
        const ATOMIC = 0x400;
        /// NLM_F_DUMP: ROOT | MATCH.
        const DUMP = 0x300;
    }
}

bitflags! {
    /// NLM_F_* modifiers of NEW requests.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct NlmFNew: u16 {
        /// NLM_F_REPLACE: replace an existing object.
        const REPLACE = 0x100;
        /// NLM_F_EXCL: do not touch an existing object.
        const EXCL = 0x200;
        /// NLM_F_CREATE: create if it does not exist.
        const CREATE = 0x400;
        /// NLM_F_APPEND: add to the end of the list.
        const APPEND = 0x800;
    }
}

bitflags! {
    /// NLM_F_* modifiers of DELETE requests.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct NlmFDelete: u16 {
        /// NLM_F_NONREC: do not delete recursively.
        const NONREC = 0x100;
        /// NLM_F_BULK: delete several objects.
        const BULK = 0x200;
    }
}

bitflags! {
    /// NLM_F_* flags of acknowledgements (NLMSG_ERROR replies).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct NlmFAck: u16 {
        /// NLM_F_CAPPED: the request payload was not echoed.
        const CAPPED = 0x100;
        /// NLM_F_ACK_TLVS: extended-ack TLVs follow.
        const ACK_TLVS = 0x200;
    }
}

/// Which meaning the upper flag byte has: the same bits are ROOT, REPLACE, NONREC or
/// CAPPED depending on the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum FlagContext {
    /// Only the common flags are named.
    Plain,
    /// A GET request (dump modifiers).
    Get,
    /// A NEW request (create modifiers).
    New,
    /// A DELETE request.
    Delete,
    /// An NLMSG_ERROR / ACK.
    Ack,
}

const COMMON_NAMES: [(u16, &str); 6] = [
    (0x01, "NLM_F_REQUEST"),
    (0x02, "NLM_F_MULTI"),
    (0x04, "NLM_F_ACK"),
    (0x08, "NLM_F_ECHO"),
    (0x10, "NLM_F_DUMP_INTR"),
    (0x20, "NLM_F_DUMP_FILTERED"),
];
const GET_NAMES: [(u16, &str); 3] = [
    (0x100, "NLM_F_ROOT"),
    (0x200, "NLM_F_MATCH"),
    (0x400, "NLM_F_ATOMIC"),
];
const NEW_NAMES: [(u16, &str); 4] = [
    (0x100, "NLM_F_REPLACE"),
    (0x200, "NLM_F_EXCL"),
    (0x400, "NLM_F_CREATE"),
    (0x800, "NLM_F_APPEND"),
];
const DELETE_NAMES: [(u16, &str); 2] = [(0x100, "NLM_F_NONREC"), (0x200, "NLM_F_BULK")];
const ACK_NAMES: [(u16, &str); 2] = [(0x100, "NLM_F_CAPPED"), (0x200, "NLM_F_ACK_TLVS")];

/// Names the bits of `flags` in `ctx`: yields `Ok(name)` for each known bit and
/// `Err(bit)` for a set bit with no name in that context.
pub fn flag_names(flags: u16, ctx: FlagContext) -> impl Iterator<Item = Result<&'static str, u16>> {
    let upper: &'static [(u16, &'static str)] = match ctx {
        FlagContext::Plain => &[],
        FlagContext::Get => &GET_NAMES,
        FlagContext::New => &NEW_NAMES,
        FlagContext::Delete => &DELETE_NAMES,
        FlagContext::Ack => &ACK_NAMES,
    };
    (0..16u32).filter_map(move |i| {
        let bit = 1u16 << i;
        if flags & bit == 0 {
            return None;
        }
        let name = COMMON_NAMES
            .iter()
            .chain(upper.iter())
            .find(|(b, _)| *b == bit)
            .map(|(_, n)| *n);
        Some(name.ok_or(bit))
    })
}

#[cfg(feature = "defmt")]
macro_rules! defmt_bits {
    ($($t:ty),*) => {$(
        impl defmt::Format for $t {
            fn format(&self, f: defmt::Formatter<'_>) {
                defmt::write!(f, "{=str}({=u16:#x})", stringify!($t), self.bits())
            }
        }
    )*};
}
#[cfg(feature = "defmt")]
defmt_bits!(NlmF, NlmFGet, NlmFNew, NlmFDelete, NlmFAck);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_match_the_kernel() {
        assert_eq!(NlMsgHdr::SIZE, 16);
        assert_eq!(NlAttrHdr::SIZE, 4);
        assert_eq!(NlMsgErr::SIZE, 20);
        assert_eq!(GenlMsgHdr::SIZE, 4);
        assert_eq!(NfGenMsg::SIZE, 4);
    }

    #[test]
    fn same_bits_get_the_name_of_their_context() {
        let f = 0x100 | 0x01;
        let names = |c| {
            flag_names(f, c)
                .map(|r| r.unwrap_or("?"))
                .collect::<heapless::Vec<_, 4>>()
        };
        assert_eq!(
            names(FlagContext::Get).as_slice(),
            ["NLM_F_REQUEST", "NLM_F_ROOT"]
        );
        assert_eq!(
            names(FlagContext::New).as_slice(),
            ["NLM_F_REQUEST", "NLM_F_REPLACE"]
        );
        assert_eq!(
            names(FlagContext::Delete).as_slice(),
            ["NLM_F_REQUEST", "NLM_F_NONREC"]
        );
        assert_eq!(
            names(FlagContext::Ack).as_slice(),
            ["NLM_F_REQUEST", "NLM_F_CAPPED"]
        );
        assert_eq!(
            flag_names(0x100, FlagContext::Plain).next(),
            Some(Err(0x100))
        );
    }

    #[test]
    fn nfgenmsg_res_id_is_big_endian() {
        use zerocopy::IntoBytes;
        let m = NfGenMsg {
            nfgen_family: 2,
            version: 0,
            res_id: 0x1234.into(),
        };
        assert_eq!(m.as_bytes(), &[2, 0, 0x12, 0x34]);
        assert_eq!(m.res_id(), 0x1234);
    }
}
