//! Legacy ip_queue (NETLINK_FIREWALL) messages: the kernel's queued-packet message and the
//! peer's mode and verdict messages, as views and builders (codec only: the family was
//! removed from the kernel in Linux 3.5, so this is tested on bytes).
//!
//! # Layout
//!
//! Source: `include/linux/netfilter_ipv4/ip_queue.h` of Linux up to 3.4 (James Morris,
//! 2000), the same text as bionic's generated copy and pyroute2's
//! `pyroute2/netlink/ipq/__init__.py`. The structs use `unsigned long`, `long` and
//! `size_t`, so their layout depends on the platform; this module fixes the **x86_64
//! (LP64) layout**: 8-byte longs and `size_t`, with the padding a C compiler inserts.
//! All fields except `hw_protocol` are in host byte order.
//!
//! ```text
//! struct ipq_packet_msg {            // IPQM_PACKET, kernel -> peer; sizeof = 96
//!   0  unsigned long packet_id;      // ID of queued packet
//!   8  unsigned long mark;           // netfilter mark
//!  16  long timestamp_sec;
//!  24  long timestamp_usec;
//!  32  unsigned int hook;            // netfilter hook
//!  36  char indev_name[16];          // IFNAMSIZ
//!  52  char outdev_name[16];
//!  68  __be16 hw_protocol;           // network order
//!  70  unsigned short hw_type;
//!  72  unsigned char hw_addrlen;
//!  73  unsigned char hw_addr[8];
//!  81  (7 bytes padding)
//!  88  size_t data_len;              // bytes of packet data that follow
//!  96  unsigned char payload[0];
//! };
//! struct ipq_mode_msg {              // IPQM_MODE, peer -> kernel; sizeof = 16
//!   0  unsigned char value;          // IPQ_COPY_*
//!   1  (7 bytes padding)
//!   8  size_t range;                 // bytes of each packet to copy
//! };
//! struct ipq_verdict_msg {           // IPQM_VERDICT, peer -> kernel; sizeof = 24
//!   0  unsigned int value;           // NF_* verdict
//!   4  (4 bytes padding)
//!   8  unsigned long id;             // packet_id of the packet judged
//!  16  size_t data_len;              // bytes of replacement packet that follow
//!  24  unsigned char payload[0];
//! };
//! struct ipq_peer_msg { union { ipq_verdict_msg verdict; ipq_mode_msg mode; } msg; }; // 24
//! ```
//!
//! The kernel (`ipq_receive_peer`) rejects a peer message shorter than
//! `sizeof(ipq_peer_msg)` = 24 and takes the replacement payload of a verdict from after
//! those 24 bytes, so [`build_mode`] pads the mode message to 24 bytes (as libipq and
//! pyroute2 do). Views accept a mode message of 16 bytes or more.

use core::net::Ipv4Addr;

use crate::nl::{
    Buffer, Ctx, Error, ErrorKind, Family, Messages, MsgBuilder, NLMSG_HDRLEN, NlMsg, NlaWriter,
    NlmF, Scalar, Visitor, describe_datagram,
};

/// IPQM_BASE: standard netlink messages are below this.
pub const IPQM_BASE: u16 = 0x10;
/// IPQM_MODE: mode request from the peer ([`IpqModeMsg`]).
pub const IPQM_MODE: u16 = IPQM_BASE + 1;
/// IPQM_VERDICT: verdict from the peer ([`IpqVerdictMsg`] + optional packet).
pub const IPQM_VERDICT: u16 = IPQM_BASE + 2;
/// IPQM_PACKET: queued packet from the kernel ([`IpqPacketMsg`] + packet data).
pub const IPQM_PACKET: u16 = IPQM_BASE + 3;
/// IPQM_MAX: one past the last message type.
pub const IPQM_MAX: u16 = IPQM_BASE + 4;

/// IPQ_COPY_NONE: initial mode, packets are dropped.
pub const IPQ_COPY_NONE: u8 = 0;
/// IPQ_COPY_META: copy metadata only.
pub const IPQ_COPY_META: u8 = 1;
/// IPQ_COPY_PACKET: copy metadata and up to `range` bytes of the packet.
pub const IPQ_COPY_PACKET: u8 = 2;
/// IPQ_COPY_MAX: the last mode.
pub const IPQ_COPY_MAX: u8 = IPQ_COPY_PACKET;

/// NF_DROP: drop the packet (linux/netfilter.h).
pub const NF_DROP: u32 = 0;
/// NF_ACCEPT: let the packet through.
pub const NF_ACCEPT: u32 = 1;
/// NF_STOLEN: the verdict's issuer took the packet.
pub const NF_STOLEN: u32 = 2;
/// NF_QUEUE: queue the packet again.
pub const NF_QUEUE: u32 = 3;
/// NF_REPEAT: call the hook again.
pub const NF_REPEAT: u32 = 4;
/// NF_STOP: accept, skipping the remaining hooks (deprecated).
pub const NF_STOP: u32 = 5;
/// NF_MAX_VERDICT: the last verdict.
pub const NF_MAX_VERDICT: u32 = NF_STOP;

/// IFNAMSIZ: the size of the interface name fields.
pub const IFNAMSIZ: usize = 16;
/// sizeof(struct ipq_peer_msg) on x86_64: the minimum length of a peer message.
pub const IPQ_PEER_MSG_SIZE: usize = 24;

wire_struct! {
    /// `struct ipq_packet_msg` (x86_64 layout, 96 bytes): a packet queued by the kernel;
    /// `data_len` bytes of packet data follow.
    pub struct IpqPacketMsg {
        /// ID of the queued packet (the verdict's `id`).
        packet_id: u64,
        /// Netfilter mark.
        mark: u64,
        /// Arrival time, seconds.
        timestamp_sec: i64,
        /// Arrival time, microseconds.
        timestamp_usec: i64,
        /// Netfilter hook the packet came through (NF_INET_*).
        hook: u32,
        /// Incoming interface name, NUL-padded.
        indev_name: [u8; 16],
        /// Outgoing interface name, NUL-padded.
        outdev_name: [u8; 16],
        /// Hardware protocol (ethertype), network order.
        hw_protocol: be16,
        /// Hardware type (ARPHRD_*).
        hw_type: u16,
        /// Bytes of `hw_addr` in use.
        hw_addrlen: u8,
        /// Hardware (source MAC) address.
        hw_addr: [u8; 8],
        /// Padding the compiler adds before `data_len`.
        pad: [u8; 7],
        /// Bytes of packet data following the struct.
        data_len: u64,
    }
}

wire_struct! {
    /// `struct ipq_mode_msg` (x86_64 layout, 16 bytes): the copy mode a peer asks for.
    pub struct IpqModeMsg {
        /// IPQ_COPY_*.
        value: u8,
        /// Padding the compiler adds before `range`.
        pad: [u8; 7],
        /// Bytes of each packet to copy (IPQ_COPY_PACKET).
        range: u64,
    }
}

wire_struct! {
    /// `struct ipq_verdict_msg` (x86_64 layout, 24 bytes): a peer's verdict on one packet;
    /// `data_len` bytes of replacement packet follow.
    pub struct IpqVerdictMsg {
        /// NF_* verdict.
        value: u32,
        /// Padding the compiler adds before `id`.
        pad: [u8; 4],
        /// The `packet_id` judged.
        id: u64,
        /// Bytes of replacement packet following the struct.
        data_len: u64,
    }
}

fn name_field(b: &[u8; 16]) -> &str {
    let n = b.iter().position(|&c| c == 0).unwrap_or(b.len());
    core::str::from_utf8(b.get(..n).unwrap_or(&[])).unwrap_or("")
}

fn payload_after<'a>(msg: &NlMsg<'a>, hdr: usize, data_len: u64) -> Result<&'a [u8], Error> {
    let rest = msg.payload().get(hdr..).unwrap_or(&[]);
    let n = usize::try_from(data_len).unwrap_or(usize::MAX);
    rest.get(..n).ok_or_else(|| {
        Error::new(
            ErrorKind::Truncated {
                need: u32::try_from(data_len).unwrap_or(u32::MAX),
                have: rest.len() as u32,
            },
            msg.offset() + NLMSG_HDRLEN + hdr,
        )
        .with_msg_type(msg.nlmsg_type())
    })
}

fn check_type(msg: &NlMsg<'_>, ty: u16) -> Result<(), Error> {
    if msg.nlmsg_type() == ty {
        Ok(())
    } else {
        Err(Error::new(ErrorKind::WrongType, msg.offset()).with_msg_type(msg.nlmsg_type()))
    }
}

/// A view of an IPQM_PACKET message: the fixed struct and the packet data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IpqPacket<'a> {
    hdr: &'a IpqPacketMsg,
    payload: &'a [u8],
}

impl<'a> IpqPacket<'a> {
    /// Parses `msg`: it must be IPQM_PACKET, hold the 96-byte struct and `data_len` bytes
    /// after it (more bytes are ignored, as the kernel pads to 4).
    pub fn parse(msg: &NlMsg<'a>) -> Result<Self, Error> {
        check_type(msg, IPQM_PACKET)?;
        let hdr = msg.fixed::<IpqPacketMsg>()?;
        let payload = payload_after(msg, IpqPacketMsg::SIZE, hdr.data_len())?;
        Ok(IpqPacket { hdr, payload })
    }
    /// The fixed struct.
    pub fn header(&self) -> &'a IpqPacketMsg {
        self.hdr
    }
    /// The packet data (`data_len` bytes).
    pub fn payload(&self) -> &'a [u8] {
        self.payload
    }
    /// `indev_name` up to its NUL ("" when not UTF-8).
    pub fn indev_name(&self) -> &'a str {
        name_field(&self.hdr.indev_name)
    }
    /// `outdev_name` up to its NUL ("" when not UTF-8).
    pub fn outdev_name(&self) -> &'a str {
        name_field(&self.hdr.outdev_name)
    }
    /// The used part of `hw_addr` (`hw_addrlen` bytes, at most 8).
    pub fn hw_addr(&self) -> &'a [u8] {
        let n = usize::from(self.hdr.hw_addrlen).min(8);
        self.hdr.hw_addr.get(..n).unwrap_or(&[])
    }
}

/// A view of an IPQM_MODE message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IpqMode {
    hdr: IpqModeMsg,
}

impl IpqMode {
    /// Parses `msg`: it must be IPQM_MODE and hold the 16-byte struct.
    pub fn parse(msg: &NlMsg<'_>) -> Result<Self, Error> {
        check_type(msg, IPQM_MODE)?;
        Ok(IpqMode {
            hdr: *msg.fixed::<IpqModeMsg>()?,
        })
    }
    /// The requested mode (IPQ_COPY_*).
    pub fn value(&self) -> u8 {
        self.hdr.value
    }
    /// The copy range.
    pub fn range(&self) -> u64 {
        self.hdr.range()
    }
}

/// A view of an IPQM_VERDICT message: the fixed struct and the optional replacement packet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IpqVerdict<'a> {
    hdr: &'a IpqVerdictMsg,
    payload: &'a [u8],
}

impl<'a> IpqVerdict<'a> {
    /// Parses `msg`: it must be IPQM_VERDICT, hold the 24-byte struct and `data_len`
    /// bytes after it.
    pub fn parse(msg: &NlMsg<'a>) -> Result<Self, Error> {
        check_type(msg, IPQM_VERDICT)?;
        let hdr = msg.fixed::<IpqVerdictMsg>()?;
        let payload = payload_after(msg, IpqVerdictMsg::SIZE, hdr.data_len())?;
        Ok(IpqVerdict { hdr, payload })
    }
    /// The fixed struct.
    pub fn header(&self) -> &'a IpqVerdictMsg {
        self.hdr
    }
    /// The verdict (NF_*).
    pub fn value(&self) -> u32 {
        self.hdr.value()
    }
    /// The packet judged.
    pub fn id(&self) -> u64 {
        self.hdr.id()
    }
    /// The replacement packet (empty when none).
    pub fn payload(&self) -> &'a [u8] {
        self.payload
    }
}

/// Builds an IPQM_MODE request (NLM_F_REQUEST) padded to `sizeof(ipq_peer_msg)`.
pub fn build_mode<B: Buffer>(buf: B, seq: u32, pid: u32, mode: u8, range: u64) -> Result<B, Error> {
    let mut b = MsgBuilder::new(buf, IPQM_MODE, NlmF::REQUEST.bits(), seq, pid)?;
    let m = IpqModeMsg {
        value: mode,
        range: range.into(),
        ..Default::default()
    };
    let mut peer = [0u8; IPQ_PEER_MSG_SIZE];
    if let Some(d) = peer.get_mut(..IpqModeMsg::SIZE) {
        d.copy_from_slice(zerocopy::IntoBytes::as_bytes(&m));
    }
    if let Err(e) = b.append_bytes(&peer) {
        b.cancel();
        return Err(e);
    }
    b.finish()
}

/// Builds an IPQM_VERDICT request (NLM_F_REQUEST) on packet `id`, with an optional
/// replacement packet (`data_len` is set from it; the message is padded to 4).
pub fn build_verdict<B: Buffer>(
    buf: B,
    seq: u32,
    pid: u32,
    verdict: u32,
    id: u64,
    replacement: &[u8],
) -> Result<B, Error> {
    let mut b = MsgBuilder::new(buf, IPQM_VERDICT, NlmF::REQUEST.bits(), seq, pid)?;
    let v = IpqVerdictMsg {
        value: verdict.into(),
        id: id.into(),
        data_len: (replacement.len() as u64).into(),
        ..Default::default()
    };
    let r = b
        .append_struct(&v)
        .and_then(|_| b.append_bytes(replacement));
    if let Err(e) = r {
        b.cancel();
        return Err(e);
    }
    b.finish()
}

/// Builds an IPQM_PACKET message as the kernel would (for tests and simulations):
/// `hdr` with `data_len` set from `data`, then the data padded to 4.
pub fn build_packet<B: Buffer>(
    buf: B,
    seq: u32,
    hdr: &IpqPacketMsg,
    data: &[u8],
) -> Result<B, Error> {
    let mut b = MsgBuilder::new(buf, IPQM_PACKET, 0, seq, 0)?;
    let mut h = *hdr;
    h.data_len = (data.len() as u64).into();
    let r = b.append_struct(&h).and_then(|_| b.append_bytes(data));
    if let Err(e) = r {
        b.cancel();
        return Err(e);
    }
    b.finish()
}

/// The name of a verdict (`NF_ACCEPT` ...), if known.
pub fn verdict_name(v: u32) -> Option<&'static str> {
    Some(match v {
        NF_DROP => "NF_DROP",
        NF_ACCEPT => "NF_ACCEPT",
        NF_STOLEN => "NF_STOLEN",
        NF_QUEUE => "NF_QUEUE",
        NF_REPEAT => "NF_REPEAT",
        NF_STOP => "NF_STOP",
        _ => return None,
    })
}

/// The name of a copy mode (`IPQ_COPY_PACKET` ...), if known.
pub fn mode_name(v: u8) -> Option<&'static str> {
    Some(match v {
        IPQ_COPY_NONE => "IPQ_COPY_NONE",
        IPQ_COPY_META => "IPQ_COPY_META",
        IPQ_COPY_PACKET => "IPQ_COPY_PACKET",
        _ => return None,
    })
}

fn name_or_num(out: &mut dyn Visitor, name: Option<&'static str>, v: u64) {
    match name {
        Some(n) => out.scalar(Scalar::Name(n)),
        None => out.scalar(Scalar::U64(v)),
    }
}

/// The ip_queue family for the decode tool.
#[derive(Debug, Clone, Copy)]
pub struct Ipq;

impl Family for Ipq {
    const NAME: &'static str = "ipq";
    fn type_name(ty: u16) -> Option<&'static str> {
        Some(match ty {
            IPQM_MODE => "IPQM_MODE",
            IPQM_VERDICT => "IPQM_VERDICT",
            IPQM_PACKET => "IPQM_PACKET",
            _ => return None,
        })
    }
    fn describe_body(msg: &NlMsg<'_>, out: &mut dyn Visitor) {
        match msg.nlmsg_type() {
            IPQM_PACKET => match IpqPacket::parse(msg) {
                Ok(p) => {
                    let h = p.header();
                    out.key("ipq_packet_msg");
                    out.begin_object();
                    for (k, v) in [
                        ("packet_id", h.packet_id()),
                        ("mark", h.mark()),
                        ("timestamp_sec", h.timestamp_sec() as u64),
                        ("timestamp_usec", h.timestamp_usec() as u64),
                        ("hook", h.hook().into()),
                    ] {
                        out.key(k);
                        if k.starts_with("timestamp") {
                            out.scalar(Scalar::I64(v as i64));
                        } else {
                            out.scalar(Scalar::U64(v));
                        }
                    }
                    out.key("indev_name");
                    out.scalar(Scalar::Str(p.indev_name()));
                    out.key("outdev_name");
                    out.scalar(Scalar::Str(p.outdev_name()));
                    out.key("hw_protocol");
                    out.scalar(Scalar::U64(h.hw_protocol().into()));
                    out.key("hw_type");
                    out.scalar(Scalar::U64(h.hw_type().into()));
                    out.key("hw_addrlen");
                    out.scalar(Scalar::U64(h.hw_addrlen.into()));
                    out.key("hw_addr");
                    out.scalar(Scalar::Mac(p.hw_addr()));
                    out.key("data_len");
                    out.scalar(Scalar::U64(h.data_len()));
                    out.end_object();
                    out.key("payload");
                    out.scalar(Scalar::Hex(p.payload()));
                }
                Err(e) => {
                    out.key("error");
                    out.scalar(Scalar::Error(e));
                }
            },
            IPQM_MODE => match IpqMode::parse(msg) {
                Ok(m) => {
                    out.key("ipq_mode_msg");
                    out.begin_object();
                    out.key("value");
                    name_or_num(out, mode_name(m.value()), m.value().into());
                    out.key("range");
                    out.scalar(Scalar::U64(m.range()));
                    out.end_object();
                }
                Err(e) => {
                    out.key("error");
                    out.scalar(Scalar::Error(e));
                }
            },
            IPQM_VERDICT => match IpqVerdict::parse(msg) {
                Ok(v) => {
                    out.key("ipq_verdict_msg");
                    out.begin_object();
                    out.key("value");
                    name_or_num(out, verdict_name(v.value()), v.value().into());
                    out.key("id");
                    out.scalar(Scalar::U64(v.id()));
                    out.key("data_len");
                    out.scalar(Scalar::U64(v.header().data_len()));
                    out.end_object();
                    out.key("payload");
                    out.scalar(Scalar::Hex(v.payload()));
                }
                Err(e) => {
                    out.key("error");
                    out.scalar(Scalar::Error(e));
                }
            },
            _ => {
                out.key("payload");
                out.scalar(Scalar::Hex(msg.payload()));
            }
        }
    }
}

/// The source address of the IPv4 packet carried by an IPQM_PACKET, if it is one.
pub fn packet_ipv4_src(p: &IpqPacket<'_>) -> Option<Ipv4Addr> {
    crate::inet::ipv4::Ipv4Packet::parse(p.payload())
        .ok()
        .map(|ip| ip.src_addr())
}

/// Fuzzing entry point: decodes `data` as ip_queue messages through every view and
/// re-encodes what parses. Never panics.
pub fn fuzz_one(data: &[u8]) {
    let _ = describe_datagram::<Ipq>(data, &mut crate::nl::NullVisitor::default());
    let _ = Ctx::default();
    for m in Messages::new(data) {
        let Ok(m) = m else { break };
        if let Ok(p) = IpqPacket::parse(&m) {
            let _ = (
                p.indev_name(),
                p.outdev_name(),
                p.hw_addr(),
                packet_ipv4_src(&p),
            );
            let mut store = [0u8; 512];
            if let Ok(b) = build_packet(
                crate::nl::SliceBuf::new(&mut store),
                m.nlmsg_seq(),
                p.header(),
                p.payload(),
            ) {
                let again = Messages::new(b.as_slice()).next();
                if let Some(Ok(again)) = again {
                    assert_eq!(
                        IpqPacket::parse(&again).map(|q| q.payload()),
                        Ok(p.payload())
                    );
                }
            }
        }
        if let Ok(v) = IpqVerdict::parse(&m) {
            let mut store = [0u8; 512];
            if let Ok(b) = build_verdict(
                crate::nl::SliceBuf::new(&mut store),
                m.nlmsg_seq(),
                m.nlmsg_pid(),
                v.value(),
                v.id(),
                v.payload(),
            ) && let Some(Ok(again)) = Messages::new(b.as_slice()).next()
            {
                let w = IpqVerdict::parse(&again);
                assert_eq!(
                    w.map(|w| (w.value(), w.id(), w.payload())),
                    Ok((v.value(), v.id(), v.payload()))
                );
            }
        }
        if let Ok(md) = IpqMode::parse(&m) {
            let _ = (md.value(), md.range());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nl::SliceBuf;

    #[test]
    fn struct_sizes_follow_the_x86_64_layout() {
        assert_eq!(IpqPacketMsg::SIZE, 96);
        assert_eq!(IpqModeMsg::SIZE, 16);
        assert_eq!(IpqVerdictMsg::SIZE, 24);
        assert_eq!(core::mem::offset_of!(IpqPacketMsg, hw_protocol), 68);
        assert_eq!(core::mem::offset_of!(IpqPacketMsg, hw_addr), 73);
        assert_eq!(core::mem::offset_of!(IpqPacketMsg, data_len), 88);
    }

    #[test]
    fn mode_is_padded_to_the_peer_union() {
        let mut s = [0u8; 64];
        let b = build_mode(SliceBuf::new(&mut s), 1, 0, IPQ_COPY_PACKET, 0x800).unwrap();
        assert_eq!(b.as_slice().len(), 16 + 24);
        let m = Messages::new(b.as_slice()).next().unwrap().unwrap();
        let md = IpqMode::parse(&m).unwrap();
        assert_eq!((md.value(), md.range()), (2, 0x800));
        assert_eq!(
            IpqVerdict::parse(&m).unwrap_err().kind,
            ErrorKind::WrongType
        );
    }

    #[test]
    fn short_payload_is_an_error() {
        let mut s = [0u8; 128];
        let b = build_verdict(SliceBuf::new(&mut s), 1, 0, NF_ACCEPT, 7, &[1, 2, 3]).unwrap();
        let mut bytes = [0u8; 128];
        let n = b.as_slice().len();
        bytes[..n].copy_from_slice(b.as_slice());
        bytes[16 + 16] = 9; // data_len 9 > 4 bytes left
        let m = Messages::new(&bytes[..n]).next().unwrap().unwrap();
        let e = IpqVerdict::parse(&m).unwrap_err();
        assert_eq!(e.offset, 16 + 24);
        assert!(matches!(e.kind, ErrorKind::Truncated { need: 9, have: 4 }));
    }
}
