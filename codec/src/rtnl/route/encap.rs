//! Lightweight tunnel encapsulations of routes (RTA_ENCAP chosen by RTA_ENCAP_TYPE):
//! MPLS label stacks, IPv4/IPv6 tunnel metadata, SRv6 (seg6) headers, BPF programs and
//! XFRM, from <linux/lwtunnel.h>, <linux/mpls_iptunnel.h>, <linux/seg6_iptunnel.h>.

use core::net::Ipv6Addr;

use crate::nl::attr::kind::*;
use crate::nl::describe::describe_nested;
use crate::nl::{
    Attr, AttrIter, AttrSet, Ctx, Error, ErrorKind, Nested, NlaValue, NlaWriter, RawAttrs, Scalar,
    Visitor,
};
use crate::rtnl::consts::{NestKind, value_kind};

/// LWTUNNEL_ENCAP_NONE.
pub const LWTUNNEL_ENCAP_NONE: u16 = 0;
/// LWTUNNEL_ENCAP_MPLS: push an MPLS label stack.
pub const LWTUNNEL_ENCAP_MPLS: u16 = 1;
/// LWTUNNEL_ENCAP_IP: IPv4 tunnel metadata (collect_md tunnels).
pub const LWTUNNEL_ENCAP_IP: u16 = 2;
/// LWTUNNEL_ENCAP_ILA: identifier-locator addressing.
pub const LWTUNNEL_ENCAP_ILA: u16 = 3;
/// LWTUNNEL_ENCAP_IP6: IPv6 tunnel metadata.
pub const LWTUNNEL_ENCAP_IP6: u16 = 4;
/// LWTUNNEL_ENCAP_SEG6: SRv6 segment routing header.
pub const LWTUNNEL_ENCAP_SEG6: u16 = 5;
/// LWTUNNEL_ENCAP_BPF: BPF programs.
pub const LWTUNNEL_ENCAP_BPF: u16 = 6;
/// LWTUNNEL_ENCAP_SEG6_LOCAL: SRv6 local behaviour.
pub const LWTUNNEL_ENCAP_SEG6_LOCAL: u16 = 7;
/// LWTUNNEL_ENCAP_RPL: RPL source routing.
pub const LWTUNNEL_ENCAP_RPL: u16 = 8;
/// LWTUNNEL_ENCAP_IOAM6: IPv6 in-situ OAM.
pub const LWTUNNEL_ENCAP_IOAM6: u16 = 9;
/// LWTUNNEL_ENCAP_XFRM: XFRM interface.
pub const LWTUNNEL_ENCAP_XFRM: u16 = 10;

/// The kernel name of an encapsulation type (RTA_ENCAP_TYPE).
pub fn lwtunnel_encap_name(t: u16) -> Option<&'static str> {
    Some(match t {
        LWTUNNEL_ENCAP_NONE => "LWTUNNEL_ENCAP_NONE",
        LWTUNNEL_ENCAP_MPLS => "LWTUNNEL_ENCAP_MPLS",
        LWTUNNEL_ENCAP_IP => "LWTUNNEL_ENCAP_IP",
        LWTUNNEL_ENCAP_ILA => "LWTUNNEL_ENCAP_ILA",
        LWTUNNEL_ENCAP_IP6 => "LWTUNNEL_ENCAP_IP6",
        LWTUNNEL_ENCAP_SEG6 => "LWTUNNEL_ENCAP_SEG6",
        LWTUNNEL_ENCAP_BPF => "LWTUNNEL_ENCAP_BPF",
        LWTUNNEL_ENCAP_SEG6_LOCAL => "LWTUNNEL_ENCAP_SEG6_LOCAL",
        LWTUNNEL_ENCAP_RPL => "LWTUNNEL_ENCAP_RPL",
        LWTUNNEL_ENCAP_IOAM6 => "LWTUNNEL_ENCAP_IOAM6",
        LWTUNNEL_ENCAP_XFRM => "LWTUNNEL_ENCAP_XFRM",
        _ => return None,
    })
}

// --- MPLS label stack entries -------------------------------------------------------

/// One MPLS label stack entry (RFC 3032), big-endian on the wire:
/// label (20 bits) | traffic class (3) | bottom of stack (1) | TTL (8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct MplsLabel {
    /// The 20-bit label.
    pub label: u32,
    /// Traffic class (3 bits).
    pub tc: u8,
    /// Bottom of stack.
    pub bos: bool,
    /// Time to live.
    pub ttl: u8,
}

impl MplsLabel {
    /// MPLS_LS_LABEL_SHIFT.
    pub const LABEL_SHIFT: u32 = 12;
    /// MPLS_LS_TC_SHIFT.
    pub const TC_SHIFT: u32 = 9;
    /// MPLS_LS_S_SHIFT.
    pub const S_SHIFT: u32 = 8;

    /// Decodes a host-order 32-bit entry.
    pub fn from_u32(v: u32) -> Self {
        MplsLabel {
            label: v >> Self::LABEL_SHIFT,
            tc: ((v >> Self::TC_SHIFT) & 7) as u8,
            bos: (v >> Self::S_SHIFT) & 1 == 1,
            ttl: (v & 0xff) as u8,
        }
    }
    /// The 32-bit entry (host order); fields past their width are masked.
    pub fn to_u32(&self) -> u32 {
        ((self.label & 0xf_ffff) << Self::LABEL_SHIFT)
            | (u32::from(self.tc & 7) << Self::TC_SHIFT)
            | (u32::from(self.bos) << Self::S_SHIFT)
            | u32::from(self.ttl)
    }
    /// The 4 wire bytes.
    pub fn to_be_bytes(&self) -> [u8; 4] {
        self.to_u32().to_be_bytes()
    }
}

/// A stack of MPLS label entries as found in RTA_DST/RTA_NEWDST of AF_MPLS routes and
/// MPLS_IPTUNNEL_DST (a multiple of 4 bytes, at least one entry).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MplsLabels<'a>(&'a [u8]);

impl<'a> MplsLabels<'a> {
    /// Wraps wire bytes; their length must be a non-zero multiple of 4.
    pub fn new(bytes: &'a [u8]) -> Option<Self> {
        (!bytes.is_empty() && bytes.len().is_multiple_of(4)).then_some(MplsLabels(bytes))
    }
    /// The wire bytes.
    pub fn bytes(&self) -> &'a [u8] {
        self.0
    }
    /// Number of entries.
    pub fn len(&self) -> usize {
        self.0.len() / 4
    }
    /// No entries (never true for a decoded stack).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// The entries, outermost first.
    pub fn iter(&self) -> impl Iterator<Item = MplsLabel> + use<'a> {
        self.0
            .chunks_exact(4)
            .map(|c| MplsLabel::from_u32(u32::from_be_bytes([c[0], c[1], c[2], c[3]])))
    }
    /// Writes `labels` into `out` (4 bytes each, BOS set on the last one as the kernel
    /// requires) and returns the stack, or `None` if `out` is too small or `labels` empty.
    pub fn encode(labels: &[MplsLabel], out: &'a mut [u8]) -> Option<MplsLabels<'a>> {
        let n = labels.len().checked_mul(4)?;
        let dst = out.get_mut(..n)?;
        for (i, (l, d)) in labels.iter().zip(dst.chunks_exact_mut(4)).enumerate() {
            let mut l = *l;
            l.bos = i + 1 == labels.len();
            d.copy_from_slice(&l.to_be_bytes());
        }
        MplsLabels::new(dst)
    }
    /// Describes the stack as `[{"label", "tc", "bos", "ttl"}, ...]`.
    pub fn describe_to(&self, out: &mut dyn Visitor) {
        out.begin_list();
        for l in self.iter() {
            out.begin_object();
            out.key("label");
            out.scalar(Scalar::U64(l.label.into()));
            out.key("tc");
            out.scalar(Scalar::U64(l.tc.into()));
            out.key("bos");
            out.scalar(Scalar::Bool(l.bos));
            out.key("ttl");
            out.scalar(Scalar::U64(l.ttl.into()));
            out.end_object();
        }
        out.end_list();
    }
}

impl<'a> NlaValue<'a> for MplsLabels<'a> {
    fn decode(attr: &Attr<'a>) -> Result<Self, Error> {
        MplsLabels::new(attr.payload()).ok_or_else(|| {
            attr.error(ErrorKind::BadAttrLen {
                expected: 4,
                got: attr.payload().len() as u16,
            })
        })
    }
    fn encode<W: NlaWriter + ?Sized>(&self, w: &mut W, ty: u16) -> Result<(), Error> {
        w.put_bytes(ty, self.0)
    }
    fn describe(&self, _: &Ctx, out: &mut dyn Visitor) {
        self.describe_to(out)
    }
}

value_kind!(
    /// Table kind of an MPLS label stack ([`MplsLabels`]).
    MplsLabelsKind => MplsLabels
);

nla_set! {
    /// MPLS encapsulation (MPLS_IPTUNNEL_*, LWTUNNEL_ENCAP_MPLS).
    pub struct MplsIptunnelAttrs, enum MplsIptunnelAttr, index MplsIptunnelIndex;
    /// The label stack to push.
    MPLS_IPTUNNEL_DST = 1 => Dst(dst): MplsLabelsKind,
    /// TTL of the pushed labels (0: propagate from IP).
    MPLS_IPTUNNEL_TTL = 2 => Ttl(ttl): U8,
}

// --- IP / IPv6 tunnel metadata ------------------------------------------------------

nla_set! {
    /// Geneve options of LWTUNNEL_IP_OPTS (LWTUNNEL_IP_OPT_GENEVE_*).
    pub struct LwtGeneveOptAttrs, enum LwtGeneveOptAttr, index LwtGeneveOptIndex;
    /// Option class.
    LWTUNNEL_IP_OPT_GENEVE_CLASS = 1 => Class(class): Be16,
    /// Option type.
    LWTUNNEL_IP_OPT_GENEVE_TYPE = 2 => Type(opt_type): U8,
    /// Option data.
    LWTUNNEL_IP_OPT_GENEVE_DATA = 3 => Data(data): Bytes,
}

nla_set! {
    /// VXLAN options of LWTUNNEL_IP_OPTS (LWTUNNEL_IP_OPT_VXLAN_*).
    pub struct LwtVxlanOptAttrs, enum LwtVxlanOptAttr, index LwtVxlanOptIndex;
    /// Group policy id.
    LWTUNNEL_IP_OPT_VXLAN_GBP = 1 => Gbp(gbp): U32,
}

nla_set! {
    /// ERSPAN options of LWTUNNEL_IP_OPTS (LWTUNNEL_IP_OPT_ERSPAN_*).
    pub struct LwtErspanOptAttrs, enum LwtErspanOptAttr, index LwtErspanOptIndex;
    /// ERSPAN version.
    LWTUNNEL_IP_OPT_ERSPAN_VER = 1 => Ver(ver): U8,
    /// Index (version 1).
    LWTUNNEL_IP_OPT_ERSPAN_INDEX = 2 => Index(index): Be32,
    /// Direction (version 2).
    LWTUNNEL_IP_OPT_ERSPAN_DIR = 3 => Dir(dir): U8,
    /// Hardware id (version 2).
    LWTUNNEL_IP_OPT_ERSPAN_HWID = 4 => Hwid(hwid): U8,
}

nla_set! {
    /// Tunnel options (LWTUNNEL_IP_OPTS_*).
    pub struct LwtIpOptsAttrs, enum LwtIpOptsAttr, index LwtIpOptsIndex;
    /// Geneve options.
    LWTUNNEL_IP_OPTS_GENEVE = 1 => Geneve(geneve): NestKind<LwtGeneveOptAttrs>,
    /// VXLAN options.
    LWTUNNEL_IP_OPTS_VXLAN = 2 => Vxlan(vxlan): NestKind<LwtVxlanOptAttrs>,
    /// ERSPAN options.
    LWTUNNEL_IP_OPTS_ERSPAN = 3 => Erspan(erspan): NestKind<LwtErspanOptAttrs>,
}

nla_set! {
    /// IPv4 tunnel metadata (LWTUNNEL_IP_*, LWTUNNEL_ENCAP_IP).
    pub struct LwtIpAttrs, enum LwtIpAttr, index LwtIpIndex;
    /// Tunnel id (VNI, key), network order.
    LWTUNNEL_IP_ID = 1 => Id(id): Be64,
    /// Remote address.
    LWTUNNEL_IP_DST = 2 => Dst(dst): Ipv4,
    /// Local address.
    LWTUNNEL_IP_SRC = 3 => Src(src): Ipv4,
    /// TTL.
    LWTUNNEL_IP_TTL = 4 => Ttl(ttl): U8,
    /// TOS.
    LWTUNNEL_IP_TOS = 5 => Tos(tos): U8,
    /// TUNNEL_* flags, network order.
    LWTUNNEL_IP_FLAGS = 6 => Flags(flags): Be16,
    /// Padding for 64-bit alignment.
    LWTUNNEL_IP_PAD = 7 => Pad(pad): Bytes,
    /// Tunnel options.
    LWTUNNEL_IP_OPTS = 8 => Opts(opts): NestKind<LwtIpOptsAttrs>,
}

nla_set! {
    /// IPv6 tunnel metadata (LWTUNNEL_IP6_*, LWTUNNEL_ENCAP_IP6).
    pub struct LwtIp6Attrs, enum LwtIp6Attr, index LwtIp6Index;
    /// Tunnel id, network order.
    LWTUNNEL_IP6_ID = 1 => Id(id): Be64,
    /// Remote address.
    LWTUNNEL_IP6_DST = 2 => Dst(dst): Ipv6,
    /// Local address.
    LWTUNNEL_IP6_SRC = 3 => Src(src): Ipv6,
    /// Hop limit.
    LWTUNNEL_IP6_HOPLIMIT = 4 => Hoplimit(hoplimit): U8,
    /// Traffic class.
    LWTUNNEL_IP6_TC = 5 => Tc(tc): U8,
    /// TUNNEL_* flags, network order.
    LWTUNNEL_IP6_FLAGS = 6 => Flags(flags): Be16,
    /// Padding for 64-bit alignment.
    LWTUNNEL_IP6_PAD = 7 => Pad(pad): Bytes,
    /// Tunnel options.
    LWTUNNEL_IP6_OPTS = 8 => Opts(opts): NestKind<LwtIpOptsAttrs>,
}

// --- BPF, XFRM -------------------------------------------------------------------------

nla_set! {
    /// One BPF program (LWT_BPF_PROG_*).
    pub struct LwtBpfProgAttrs, enum LwtBpfProgAttr, index LwtBpfProgIndex;
    /// Program file descriptor (requests).
    LWT_BPF_PROG_FD = 1 => Fd(fd): U32,
    /// Program name.
    LWT_BPF_PROG_NAME = 2 => Name(name): CStr,
}

nla_set! {
    /// BPF encapsulation (LWT_BPF_*, LWTUNNEL_ENCAP_BPF).
    pub struct LwtBpfAttrs, enum LwtBpfAttr, index LwtBpfIndex;
    /// Program run on input.
    LWT_BPF_IN = 1 => In(input): NestKind<LwtBpfProgAttrs>,
    /// Program run on output.
    LWT_BPF_OUT = 2 => Out(output): NestKind<LwtBpfProgAttrs>,
    /// Program run on transmit.
    LWT_BPF_XMIT = 3 => Xmit(xmit): NestKind<LwtBpfProgAttrs>,
    /// Headroom the transmit program needs.
    LWT_BPF_XMIT_HEADROOM = 4 => XmitHeadroom(xmit_headroom): U32,
}

nla_set! {
    /// XFRM encapsulation (LWT_XFRM_*, LWTUNNEL_ENCAP_XFRM).
    pub struct LwtXfrmAttrs, enum LwtXfrmAttr, index LwtXfrmIndex;
    /// XFRM interface id.
    LWT_XFRM_IF_ID = 1 => IfId(if_id): U32,
    /// Underlying link.
    LWT_XFRM_LINK = 2 => Link(link): U32,
}

// --- SRv6 ----------------------------------------------------------------------------

/// SEG6_IPTUN_MODE_INLINE: insert the SRH in the packet.
pub const SEG6_IPTUN_MODE_INLINE: i32 = 0;
/// SEG6_IPTUN_MODE_ENCAP: encapsulate in an outer IPv6 header with the SRH.
pub const SEG6_IPTUN_MODE_ENCAP: i32 = 1;
/// SEG6_IPTUN_MODE_L2ENCAP: encapsulate the L2 frame.
pub const SEG6_IPTUN_MODE_L2ENCAP: i32 = 2;
/// SEG6_IPTUN_MODE_ENCAP_RED: reduced encapsulation.
pub const SEG6_IPTUN_MODE_ENCAP_RED: i32 = 3;
/// SEG6_IPTUN_MODE_L2ENCAP_RED: reduced L2 encapsulation.
pub const SEG6_IPTUN_MODE_L2ENCAP_RED: i32 = 4;

wire_struct! {
    /// `struct ipv6_sr_hdr` without its segments (the fixed 8 bytes of an SRH).
    pub struct Ipv6SrHdr {
        /// Next header.
        nexthdr: u8,
        /// Length after the first 8 bytes, in 8-byte units.
        hdrlen: u8,
        /// Routing type (4 for SRH); the kernel field `type`.
        type_: u8,
        /// Segments left.
        segments_left: u8,
        /// Index of the last entry of the segment list.
        first_segment: u8,
        /// SR6_FLAG1_* flags.
        flags: u8,
        /// Tag (packet data: network order).
        tag: be16,
    }
}

/// `struct seg6_iptunnel_encap` (SEG6_IPTUNNEL_SRH): the mode, the SRH, and its segment
/// list (and TLVs) as bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seg6Encap<'a> {
    /// SEG6_IPTUN_MODE_*.
    pub mode: i32,
    /// The fixed SRH fields.
    pub srh: Ipv6SrHdr,
    /// The `hdrlen * 8` bytes after the fixed SRH: segments, then TLVs.
    pub rest: &'a [u8],
}

impl<'a> Seg6Encap<'a> {
    /// The segments, `first_segment + 1` of them (as many as fit in `rest`).
    pub fn segments(&self) -> impl Iterator<Item = Ipv6Addr> + use<'a> {
        let n = usize::from(self.srh.first_segment()) + 1;
        self.rest.chunks_exact(16).take(n).map(|c| {
            let mut b = [0u8; 16];
            b.copy_from_slice(c);
            Ipv6Addr::from(b)
        })
    }
}

impl<'a> NlaValue<'a> for Seg6Encap<'a> {
    fn decode(attr: &Attr<'a>) -> Result<Self, Error> {
        let p = attr.payload();
        let bad = |expected: usize| {
            attr.error(ErrorKind::BadAttrLen {
                expected: expected as u16,
                got: p.len() as u16,
            })
        };
        let (Some(m), Some(h)) = (p.get(0..4), p.get(4..12)) else {
            return Err(bad(12));
        };
        let srh: Ipv6SrHdr = crate::nl::attr::read_prefix(h);
        let need = 12 + usize::from(srh.hdrlen()) * 8;
        let rest = p.get(12..need).ok_or_else(|| bad(need))?;
        Ok(Seg6Encap {
            mode: i32::from_ne_bytes([m[0], m[1], m[2], m[3]]),
            srh,
            rest,
        })
    }
    fn encode<W: NlaWriter + ?Sized>(&self, w: &mut W, ty: u16) -> Result<(), Error> {
        use zerocopy::IntoBytes;
        w.put_parts(
            ty,
            &[&self.mode.to_ne_bytes(), self.srh.as_bytes(), self.rest],
        )
    }
    fn describe(&self, _: &Ctx, out: &mut dyn Visitor) {
        use crate::nl::Describe;
        out.begin_object();
        out.key("mode");
        out.scalar(Scalar::I64(self.mode.into()));
        out.key("srh");
        self.srh.describe(out);
        out.key("segments");
        out.begin_list();
        for s in self.segments() {
            out.scalar(Scalar::Ip(s.into()));
        }
        out.end_list();
        out.end_object();
    }
}

value_kind!(
    /// Table kind of SEG6_IPTUNNEL_SRH ([`Seg6Encap`]).
    Seg6EncapKind => Seg6Encap
);

nla_set! {
    /// SRv6 encapsulation (SEG6_IPTUNNEL_*, LWTUNNEL_ENCAP_SEG6).
    pub struct Seg6IptunnelAttrs, enum Seg6IptunnelAttr, index Seg6IptunnelIndex;
    /// Mode and segment routing header.
    SEG6_IPTUNNEL_SRH = 1 => Srh(srh): Seg6EncapKind,
}

// --- the encapsulation chosen by type ------------------------------------------------

/// RTA_ENCAP read by its RTA_ENCAP_TYPE.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Encap<'a> {
    /// LWTUNNEL_ENCAP_MPLS.
    Mpls(Nested<'a, MplsIptunnelAttrs>),
    /// LWTUNNEL_ENCAP_IP.
    Ip(Nested<'a, LwtIpAttrs>),
    /// LWTUNNEL_ENCAP_IP6.
    Ip6(Nested<'a, LwtIp6Attrs>),
    /// LWTUNNEL_ENCAP_SEG6.
    Seg6(Nested<'a, Seg6IptunnelAttrs>),
    /// LWTUNNEL_ENCAP_BPF.
    Bpf(Nested<'a, LwtBpfAttrs>),
    /// LWTUNNEL_ENCAP_XFRM.
    Xfrm(Nested<'a, LwtXfrmAttrs>),
    /// Another type: the type and the raw list.
    Other(u16, Nested<'a, RawAttrs>),
}

impl<'a> Encap<'a> {
    /// Interprets the RTA_ENCAP list `list` as encapsulation type `encap_type`.
    pub fn new(encap_type: u16, list: AttrIter<'a>) -> Self {
        match encap_type {
            LWTUNNEL_ENCAP_MPLS => Encap::Mpls(Nested::new(list)),
            LWTUNNEL_ENCAP_IP => Encap::Ip(Nested::new(list)),
            LWTUNNEL_ENCAP_IP6 => Encap::Ip6(Nested::new(list)),
            LWTUNNEL_ENCAP_SEG6 => Encap::Seg6(Nested::new(list)),
            LWTUNNEL_ENCAP_BPF => Encap::Bpf(Nested::new(list)),
            LWTUNNEL_ENCAP_XFRM => Encap::Xfrm(Nested::new(list)),
            t => Encap::Other(t, Nested::new(list)),
        }
    }
}

/// Describes an RTA_ENCAP list by its encapsulation type (raw when unknown or absent).
pub(crate) fn describe_encap(
    encap_type: Option<u16>,
    list: AttrIter<'_>,
    ctx: &Ctx,
    out: &mut dyn Visitor,
) {
    let describe = match encap_type {
        Some(LWTUNNEL_ENCAP_MPLS) => MplsIptunnelAttrs::describe_list,
        Some(LWTUNNEL_ENCAP_IP) => LwtIpAttrs::describe_list,
        Some(LWTUNNEL_ENCAP_IP6) => LwtIp6Attrs::describe_list,
        Some(LWTUNNEL_ENCAP_SEG6) => Seg6IptunnelAttrs::describe_list,
        Some(LWTUNNEL_ENCAP_BPF) => LwtBpfAttrs::describe_list,
        Some(LWTUNNEL_ENCAP_XFRM) => LwtXfrmAttrs::describe_list,
        _ => RawAttrs::describe_list,
    };
    describe_nested(list, ctx, out, describe)
}

/// Walks every set of this module over `data` (fuzzing).
pub(crate) fn fuzz_encaps(data: &[u8]) {
    let mut v = crate::nl::NullVisitor::default();
    for t in 0..=11u16 {
        describe_encap(Some(t), AttrIter::new(data), &Ctx::default(), &mut v);
        match Encap::new(t, AttrIter::new(data)) {
            Encap::Mpls(n) => {
                for a in n.iter().flatten() {
                    if let MplsIptunnelAttr::Dst(l) = a {
                        let _ = l.iter().count();
                    }
                }
            }
            Encap::Seg6(n) => {
                for a in n.iter().flatten() {
                    if let Seg6IptunnelAttr::Srh(s) = a {
                        let _ = s.segments().count();
                    }
                }
            }
            Encap::Ip(n) => n.iter().for_each(drop),
            Encap::Ip6(n) => n.iter().for_each(drop),
            Encap::Bpf(n) => n.iter().for_each(drop),
            Encap::Xfrm(n) => n.iter().for_each(drop),
            Encap::Other(_, n) => n.iter().for_each(drop),
        }
    }
}
