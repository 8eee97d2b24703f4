//! NLMSG_ERROR (errors and acknowledgements) and NLMSG_DONE with an error code: the
//! error number, the echoed request, and the extended-ack TLVs.

use zerocopy::FromBytes;

use super::attr::{Attr, AttrIter};
use super::error::{Error, ErrorKind};
use super::header::{NLMSG_DONE, NLMSG_ERROR, NlMsgErr, NlMsgHdr, NlmFAck};
use super::msg::{NLMSG_HDRLEN, NlMsg, nlmsg_align};

/// NLMSGERR_ATTR_MSG: error message string.
pub const NLMSGERR_ATTR_MSG: u16 = 1;
/// NLMSGERR_ATTR_OFFS: offset of the bad attribute in the original request.
pub const NLMSGERR_ATTR_OFFS: u16 = 2;
/// NLMSGERR_ATTR_COOKIE: arbitrary subsystem-specific cookie.
pub const NLMSGERR_ATTR_COOKIE: u16 = 3;
/// NLMSGERR_ATTR_POLICY: policy of the rejected attribute (nested).
pub const NLMSGERR_ATTR_POLICY: u16 = 4;
/// NLMSGERR_ATTR_MISS_TYPE: type of a missing required attribute.
pub const NLMSGERR_ATTR_MISS_TYPE: u16 = 5;
/// NLMSGERR_ATTR_MISS_NEST: offset of the nest where an attribute is missing.
pub const NLMSGERR_ATTR_MISS_NEST: u16 = 6;

/// The name of an NLMSGERR_ATTR_* type.
pub fn nlmsgerr_attr_name(ty: u16) -> Option<&'static str> {
    Some(match ty {
        NLMSGERR_ATTR_MSG => "NLMSGERR_ATTR_MSG",
        NLMSGERR_ATTR_OFFS => "NLMSGERR_ATTR_OFFS",
        NLMSGERR_ATTR_COOKIE => "NLMSGERR_ATTR_COOKIE",
        NLMSGERR_ATTR_POLICY => "NLMSGERR_ATTR_POLICY",
        NLMSGERR_ATTR_MISS_TYPE => "NLMSGERR_ATTR_MISS_TYPE",
        NLMSGERR_ATTR_MISS_NEST => "NLMSGERR_ATTR_MISS_NEST",
        _ => return None,
    })
}

/// A view of NLMSG_ERROR (or of NLMSG_DONE, which carries an error code and may carry
/// extended-ack TLVs).
#[derive(Debug, Clone)]
pub struct AckMsg<'a> {
    msg: NlMsg<'a>,
    error: i32,
    request: Option<&'a NlMsgHdr>,
    request_payload: &'a [u8],
    tlvs: AttrIter<'a>,
}

impl<'a> AckMsg<'a> {
    /// Reads an NLMSG_ERROR or NLMSG_DONE message. Other types give `WrongType`.
    pub fn parse(msg: NlMsg<'a>) -> Result<Self, Error> {
        let ty = msg.nlmsg_type();
        let p = msg.payload();
        let at = msg.offset() + NLMSG_HDRLEN;
        let tlv_flag = NlmFAck::from_bits_retain(msg.nlmsg_flags()).contains(NlmFAck::ACK_TLVS);
        match ty {
            NLMSG_ERROR => {
                let (err, _) = NlMsgErr::ref_from_prefix(p).map_err(|_| {
                    Error::new(
                        ErrorKind::Truncated {
                            need: NlMsgErr::SIZE as u32,
                            have: p.len() as u32,
                        },
                        at,
                    )
                    .with_msg_type(ty)
                })?;
                let (req, _) =
                    NlMsgHdr::ref_from_prefix(p.get(4..).unwrap_or(&[])).map_err(|_| {
                        Error::new(
                            ErrorKind::Truncated {
                                need: 20,
                                have: p.len() as u32,
                            },
                            at,
                        )
                    })?;
                let capped = NlmFAck::from_bits_retain(msg.nlmsg_flags()).contains(NlmFAck::CAPPED);
                let echoed = if capped {
                    0
                } else {
                    (req.nlmsg_len() as usize).saturating_sub(NLMSG_HDRLEN)
                };
                let body = p.get(NlMsgErr::SIZE..).unwrap_or(&[]);
                let request_payload = body.get(..echoed.min(body.len())).unwrap_or(&[]);
                let tlv_start = NlMsgErr::SIZE + nlmsg_align(echoed);
                let tlvs = if tlv_flag {
                    AttrIter::with_base(
                        p.get(tlv_start..).unwrap_or(&[]),
                        at + tlv_start.min(p.len()),
                    )
                } else {
                    AttrIter::new(&[])
                };
                Ok(AckMsg {
                    msg,
                    error: err.error(),
                    request: Some(req),
                    request_payload,
                    tlvs: tlvs.with_msg_type(ty),
                })
            }
            NLMSG_DONE => {
                // Some families send DONE with an empty payload; the error is then 0.
                let error = p
                    .get(..4)
                    .and_then(|b| <[u8; 4]>::try_from(b).ok())
                    .map(i32::from_ne_bytes)
                    .unwrap_or(0);
                let tlvs = if tlv_flag {
                    AttrIter::with_base(p.get(4..).unwrap_or(&[]), at + 4)
                } else {
                    AttrIter::new(&[])
                };
                Ok(AckMsg {
                    msg,
                    error,
                    request: None,
                    request_payload: &[],
                    tlvs: tlvs.with_msg_type(ty),
                })
            }
            _ => Err(Error::new(ErrorKind::WrongType, msg.offset()).with_msg_type(ty)),
        }
    }

    /// The message this view reads.
    pub fn msg(&self) -> NlMsg<'a> {
        self.msg
    }
    /// The raw error field: 0 for an ACK, a negative errno otherwise.
    pub fn error(&self) -> i32 {
        self.error
    }
    /// An acknowledgement (error 0).
    pub fn is_ack(&self) -> bool {
        self.error == 0
    }
    /// The positive errno, if this is an error.
    pub fn errno(&self) -> Option<i32> {
        (self.error != 0).then(|| self.error.saturating_neg())
    }
    /// The echoed request header (NLMSG_ERROR only).
    pub fn request_header(&self) -> Option<&'a NlMsgHdr> {
        self.request
    }
    /// The echoed request payload (empty when NLM_F_CAPPED or for NLMSG_DONE).
    pub fn request_payload(&self) -> &'a [u8] {
        self.request_payload
    }
    /// The raw extended-ack TLVs.
    pub fn tlvs(&self) -> AttrIter<'a> {
        self.tlvs.clone()
    }
    /// The extended-ack fields, decoded.
    pub fn ext_ack(&self) -> ExtAck<'a> {
        let mut x = ExtAck::default();
        for a in self.tlvs.clone().flatten() {
            match a.kind() {
                NLMSGERR_ATTR_MSG => x.msg = a.as_cstr().ok(),
                NLMSGERR_ATTR_OFFS => x.offs = a.as_u32().ok(),
                NLMSGERR_ATTR_COOKIE => x.cookie = Some(a.payload()),
                NLMSGERR_ATTR_POLICY => x.policy = Some(a),
                NLMSGERR_ATTR_MISS_TYPE => x.miss_type = a.as_u32().ok(),
                NLMSGERR_ATTR_MISS_NEST => x.miss_nest = a.as_u32().ok(),
                _ => {}
            }
        }
        x
    }
}

/// The extended-ack fields of an error or ACK.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExtAck<'a> {
    /// NLMSGERR_ATTR_MSG: the kernel's text ("Unknown device type").
    pub msg: Option<&'a str>,
    /// NLMSGERR_ATTR_OFFS: offset of the offending attribute in the request.
    pub offs: Option<u32>,
    /// NLMSGERR_ATTR_COOKIE.
    pub cookie: Option<&'a [u8]>,
    /// NLMSGERR_ATTR_POLICY: the policy of the offending attribute (NL_POLICY_TYPE_ATTR_*).
    pub policy: Option<Attr<'a>>,
    /// NLMSGERR_ATTR_MISS_TYPE: the missing attribute's type.
    pub miss_type: Option<u32>,
    /// NLMSGERR_ATTR_MISS_NEST: offset of the nest that misses it.
    pub miss_nest: Option<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nl::{Buffer, MsgBuilder, NlaWriter, SliceBuf};
    use zerocopy::IntoBytes;

    fn error_msg(store: &mut [u8], capped: bool) -> usize {
        let flags = 0x200 | if capped { 0x100 } else { 0 };
        let mut b = MsgBuilder::new(SliceBuf::new(store), NLMSG_ERROR, flags, 9, 0).unwrap();
        let req = NlMsgHdr::new(16, 0x605, 9, 1234);
        let mut req = req;
        req.nlmsg_len = (if capped { 16u32 } else { 24 }).into();
        let mut err = [0u8; 20];
        err[..4].copy_from_slice(&(-95i32).to_ne_bytes());
        err[4..].copy_from_slice(req.as_bytes());
        b.append_bytes(&err).unwrap();
        if !capped {
            b.append_bytes(&[8, 0, 3, 0, b'x', b'y', 0, 0]).unwrap();
        }
        b.put_str(NLMSGERR_ATTR_MSG, "Unknown device type").unwrap();
        b.put_u32(NLMSGERR_ATTR_OFFS, 36).unwrap();
        b.finish().unwrap().len()
    }

    #[test]
    fn reads_errno_echo_and_ext_ack_with_and_without_cap() {
        for capped in [false, true] {
            let mut store = [0u8; 128];
            let n = error_msg(&mut store, capped);
            let m = NlMsg::parse(&store[..n]).unwrap();
            let a = AckMsg::parse(m).unwrap();
            assert_eq!(a.errno(), Some(95));
            assert!(!a.is_ack());
            assert_eq!(a.request_header().unwrap().nlmsg_pid(), 1234);
            assert_eq!(a.request_payload().len(), if capped { 0 } else { 8 });
            let x = a.ext_ack();
            assert_eq!(x.msg, Some("Unknown device type"));
            assert_eq!(x.offs, Some(36));
        }
    }
}
