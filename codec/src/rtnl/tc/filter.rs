//! Classifier (filter) options (`linux/pkt_cls.h`): u32 (with its selector and key
//! array), bpf, matchall, flower, fw and basic attribute sets.

use super::structs::*;
use super::{ActionList, Nest, PoliceAttrs, RawAttr};
use crate::nl::attr::kind::*;
use crate::nl::{Attr, Ctx, Describe, Error, ErrorKind, NlaValue, NlaWriter, Scalar, Visitor};
use crate::rtnl::consts::value_kind;
use zerocopy::IntoBytes;

/// TCA_CLS_FLAGS_SKIP_HW: do not offload the filter.
pub const TCA_CLS_FLAGS_SKIP_HW: u32 = 1 << 0;
/// TCA_CLS_FLAGS_SKIP_SW: do not run the filter in software.
pub const TCA_CLS_FLAGS_SKIP_SW: u32 = 1 << 1;
/// TCA_CLS_FLAGS_IN_HW: the filter is offloaded.
pub const TCA_CLS_FLAGS_IN_HW: u32 = 1 << 2;
/// TCA_CLS_FLAGS_NOT_IN_HW: the filter is not offloaded.
pub const TCA_CLS_FLAGS_NOT_IN_HW: u32 = 1 << 3;
/// TCA_CLS_FLAGS_VERBOSE: verbose offload errors.
pub const TCA_CLS_FLAGS_VERBOSE: u32 = 1 << 4;
/// TC_U32_TERMINAL: the selector ends classification (`tc_u32_sel.flags`).
pub const TC_U32_TERMINAL: u8 = 1;
/// TC_U32_OFFSET: the selector moves the offset.
pub const TC_U32_OFFSET: u8 = 2;
/// TC_U32_VAROFFSET: the offset comes from the packet.
pub const TC_U32_VAROFFSET: u8 = 4;
/// TC_U32_EAT: consume the offset.
pub const TC_U32_EAT: u8 = 8;
/// TCA_BPF_FLAG_ACT_DIRECT: the program's return value is the verdict.
pub const TCA_BPF_FLAG_ACT_DIRECT: u32 = 1;

/// TCA_U32_SEL: a [`TcU32SelHdr`] followed by its `nkeys` [`TcU32Key`]s.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct U32Sel<'a> {
    /// The selector without its keys.
    pub hdr: TcU32SelHdr,
    keys: &'a [u8],
}

impl<'a> U32Sel<'a> {
    /// A selector over encoded keys (`keys.len()` a multiple of 16).
    pub fn from_parts(hdr: TcU32SelHdr, keys: &'a [u8]) -> Self {
        U32Sel { hdr, keys }
    }
    /// The keys in wire form.
    pub fn key_bytes(&self) -> &'a [u8] {
        self.keys
    }
    /// The keys, in order (whole 16-byte keys only).
    pub fn keys(&self) -> impl Iterator<Item = TcU32Key> + 'a {
        self.keys
            .chunks_exact(TcU32Key::SIZE)
            .map(crate::nl::attr::read_prefix::<TcU32Key>)
    }
    /// The number of keys present (which `hdr.nkeys` should equal).
    pub fn key_count(&self) -> usize {
        self.keys.len() / TcU32Key::SIZE
    }
    /// Writes a selector with `keys` as attribute `ty`, setting `nkeys`.
    pub fn put<W: NlaWriter + ?Sized>(
        w: &mut W,
        ty: u16,
        hdr: TcU32SelHdr,
        keys: &[TcU32Key],
    ) -> Result<(), Error> {
        let n = u8::try_from(keys.len()).map_err(|_| Error::new(ErrorKind::TooLong, 0))?;
        let hdr = TcU32SelHdr { nkeys: n, ..hdr };
        w.put_parts(ty, &[hdr.as_bytes(), keys.as_bytes()])
    }
}

impl<'a> NlaValue<'a> for U32Sel<'a> {
    fn decode(a: &Attr<'a>) -> Result<Self, Error> {
        let p = a.payload();
        let (Some(h), Some(rest)) = (p.get(..TcU32SelHdr::SIZE), p.get(TcU32SelHdr::SIZE..)) else {
            return Err(a.error(ErrorKind::BadAttrLen {
                expected: TcU32SelHdr::SIZE as u16,
                got: p.len() as u16,
            }));
        };
        let hdr: TcU32SelHdr = crate::nl::attr::read_prefix(h);
        // The kernel checks nkeys against the length; a mismatch is a bad attribute.
        if rest.len() != usize::from(hdr.nkeys()) * TcU32Key::SIZE {
            return Err(a.error(ErrorKind::BadAttrLen {
                expected: (TcU32SelHdr::SIZE + usize::from(hdr.nkeys()) * TcU32Key::SIZE) as u16,
                got: p.len() as u16,
            }));
        }
        Ok(U32Sel { hdr, keys: rest })
    }
    fn encode<W: NlaWriter + ?Sized>(&self, w: &mut W, ty: u16) -> Result<(), Error> {
        w.put_parts(ty, &[self.hdr.as_bytes(), self.keys])
    }
    fn describe(&self, _: &Ctx, out: &mut dyn Visitor) {
        out.begin_object();
        out.key("sel");
        self.hdr.describe(out);
        out.key("keys");
        out.begin_list();
        for k in self.keys() {
            k.describe(out);
        }
        out.end_list();
        out.end_object();
    }
}

/// TCA_U32_PCNT: `tc_u32_pcnt`, two counters and one hit count per key.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct U32Pcnt<'a> {
    /// Packets that reached the filter.
    pub rcnt: u64,
    /// Packets that matched.
    pub rhit: u64,
    kcnts: &'a [u8],
}

impl<'a> U32Pcnt<'a> {
    /// Hits per key.
    pub fn kcnts(&self) -> impl Iterator<Item = u64> + 'a {
        self.kcnts
            .chunks_exact(8)
            .map(|c| u64::from_ne_bytes(crate::nl::attr::read_prefix(c)))
    }
}

impl<'a> NlaValue<'a> for U32Pcnt<'a> {
    fn decode(a: &Attr<'a>) -> Result<Self, Error> {
        let p = a.payload();
        match (p.get(..8), p.get(8..16), p.get(16..)) {
            (Some(r), Some(h), Some(k)) if k.len().is_multiple_of(8) => Ok(U32Pcnt {
                rcnt: u64::from_ne_bytes(crate::nl::attr::read_prefix(r)),
                rhit: u64::from_ne_bytes(crate::nl::attr::read_prefix(h)),
                kcnts: k,
            }),
            _ => Err(a.error(ErrorKind::BadAttrLen {
                expected: 16,
                got: p.len() as u16,
            })),
        }
    }
    fn encode<W: NlaWriter + ?Sized>(&self, w: &mut W, ty: u16) -> Result<(), Error> {
        w.put_parts(
            ty,
            &[
                &self.rcnt.to_ne_bytes(),
                &self.rhit.to_ne_bytes(),
                self.kcnts,
            ],
        )
    }
    fn describe(&self, _: &Ctx, out: &mut dyn Visitor) {
        out.begin_object();
        out.key("rcnt");
        out.scalar(Scalar::U64(self.rcnt));
        out.key("rhit");
        out.scalar(Scalar::U64(self.rhit));
        out.key("kcnts");
        out.begin_list();
        for k in self.kcnts() {
            out.scalar(Scalar::U64(k));
        }
        out.end_list();
        out.end_object();
    }
}

/// A classic BPF program: an array of [`SockFilter`] (TCA_BPF_OPS, TCA_ACT_BPF_OPS).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BpfOps<'a>(&'a [u8]);

impl<'a> BpfOps<'a> {
    /// A program over encoded instructions.
    pub fn new(bytes: &'a [u8]) -> Self {
        BpfOps(bytes)
    }
    /// The instructions.
    pub fn insns(&self) -> impl Iterator<Item = SockFilter> + 'a {
        self.0
            .chunks_exact(SockFilter::SIZE)
            .map(crate::nl::attr::read_prefix::<SockFilter>)
    }
    /// Number of instructions (what TCA_BPF_OPS_LEN should say).
    pub fn len(&self) -> usize {
        self.0.len() / SockFilter::SIZE
    }
    /// No instructions.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'a> NlaValue<'a> for BpfOps<'a> {
    fn decode(a: &Attr<'a>) -> Result<Self, Error> {
        if !a.payload().len().is_multiple_of(SockFilter::SIZE) {
            return Err(a.error(ErrorKind::BadAttrLen {
                expected: SockFilter::SIZE as u16,
                got: a.payload().len() as u16,
            }));
        }
        Ok(BpfOps(a.payload()))
    }
    fn encode<W: NlaWriter + ?Sized>(&self, w: &mut W, ty: u16) -> Result<(), Error> {
        w.put_bytes(ty, self.0)
    }
    fn describe(&self, _: &Ctx, out: &mut dyn Visitor) {
        out.begin_list();
        for i in self.insns() {
            i.describe(out);
        }
        out.end_list();
    }
}

value_kind!(
    /// Table kind of TCA_U32_SEL: a [`U32Sel`].
    U32SelKind => U32Sel
);
value_kind!(
    /// Table kind of TCA_U32_PCNT: a [`U32Pcnt`].
    U32PcntKind => U32Pcnt
);
value_kind!(
    /// Table kind of TCA_BPF_OPS and TCA_ACT_BPF_OPS: a [`BpfOps`].
    BpfOpsKind => BpfOps
);

nla_set! {
    /// u32 classifier options (TCA_U32_*).
    pub struct U32Attrs, enum U32Attr, index U32Index;
    /// Target class.
    TCA_U32_CLASSID = 1 => Classid(classid): U32,
    /// Hash table the filter lives in.
    TCA_U32_HASH = 2 => Hash(hash): U32,
    /// Hash table to continue in.
    TCA_U32_LINK = 3 => Link(link): U32,
    /// Hash table size.
    TCA_U32_DIVISOR = 4 => Divisor(divisor): U32,
    /// The selector and its keys.
    TCA_U32_SEL = 5 => Sel(sel): U32SelKind,
    /// Legacy policer.
    TCA_U32_POLICE = 6 => Police(police): Nest<PoliceAttrs>,
    /// Actions.
    TCA_U32_ACT = 7 => Act(act): Nest<ActionList>,
    /// Input device name.
    TCA_U32_INDEV = 8 => Indev(indev): CStr,
    /// Hit counters.
    TCA_U32_PCNT = 9 => Pcnt(pcnt): U32PcntKind,
    /// Firewall mark match.
    TCA_U32_MARK = 10 => Mark(mark): Wire<TcU32Mark>,
    /// TCA_CLS_FLAGS_*.
    TCA_U32_FLAGS = 11 => Flags(flags): U32,
    /// Alignment padding.
    TCA_U32_PAD = 12 => Pad(pad): Bytes,
}

nla_set! {
    /// BPF classifier options (TCA_BPF_*).
    pub struct BpfAttrs, enum BpfAttr, index BpfIndex;
    /// Actions.
    TCA_BPF_ACT = 1 => Act(act): Nest<ActionList>,
    /// Legacy policer.
    TCA_BPF_POLICE = 2 => Police(police): Nest<PoliceAttrs>,
    /// Target class.
    TCA_BPF_CLASSID = 3 => Classid(classid): U32,
    /// Number of classic BPF instructions.
    TCA_BPF_OPS_LEN = 4 => OpsLen(ops_len): U16,
    /// Classic BPF instructions.
    TCA_BPF_OPS = 5 => Ops(ops): BpfOpsKind,
    /// eBPF program fd (requests).
    TCA_BPF_FD = 6 => Fd(fd): U32,
    /// Program name.
    TCA_BPF_NAME = 7 => Name(name): CStr,
    /// TCA_BPF_FLAG_*.
    TCA_BPF_FLAGS = 8 => Flags(flags): U32,
    /// TCA_CLS_FLAGS_*.
    TCA_BPF_FLAGS_GEN = 9 => FlagsGen(flags_gen): U32,
    /// Program tag (8 bytes).
    TCA_BPF_TAG = 10 => Tag(tag): Bytes,
    /// Program id.
    TCA_BPF_ID = 11 => Id(id): U32,
}

wire_struct! {
    /// `struct tc_matchall_pcnt` (TCA_MATCHALL_PCNT).
    pub struct TcMatchallPcnt {
        /// `rhit` of `tc_matchall_pcnt`.
        rhit: u64,
    }
}

nla_set! {
    /// matchall classifier options (TCA_MATCHALL_*).
    pub struct MatchallAttrs, enum MatchallAttr, index MatchallIndex;
    /// Target class.
    TCA_MATCHALL_CLASSID = 1 => Classid(classid): U32,
    /// Actions.
    TCA_MATCHALL_ACT = 2 => Act(act): Nest<ActionList>,
    /// TCA_CLS_FLAGS_*.
    TCA_MATCHALL_FLAGS = 3 => Flags(flags): U32,
    /// Hit counter.
    TCA_MATCHALL_PCNT = 4 => Pcnt(pcnt): Wire<TcMatchallPcnt>,
    /// Alignment padding.
    TCA_MATCHALL_PAD = 5 => Pad(pad): Bytes,
}

nla_set! {
    /// fw (firewall mark) classifier options (TCA_FW_*).
    pub struct FwAttrs, enum FwAttr, index FwIndex;
    /// Target class.
    TCA_FW_CLASSID = 1 => Classid(classid): U32,
    /// Legacy policer.
    TCA_FW_POLICE = 2 => Police(police): Nest<PoliceAttrs>,
    /// Input device name.
    TCA_FW_INDEV = 3 => Indev(indev): CStr,
    /// Actions.
    TCA_FW_ACT = 4 => Act(act): Nest<ActionList>,
    /// Mark mask.
    TCA_FW_MASK = 5 => Mask(mask): U32,
}

wire_struct! {
    /// `struct tc_basic_pcnt` (TCA_BASIC_PCNT).
    pub struct TcBasicPcnt {
        /// `rcnt` of `tc_basic_pcnt`.
        rcnt: u64,
        /// `rhit` of `tc_basic_pcnt`.
        rhit: u64,
    }
}

nla_set! {
    /// basic (ematch) classifier options (TCA_BASIC_*).
    pub struct BasicAttrs, enum BasicAttr, index BasicIndex;
    /// Target class.
    TCA_BASIC_CLASSID = 1 => Classid(classid): U32,
    /// The ematch tree (TCA_EMATCH_TREE_*), kept raw.
    TCA_BASIC_EMATCHES = 2 => Ematches(ematches): RawAttr,
    /// Actions.
    TCA_BASIC_ACT = 3 => Act(act): Nest<ActionList>,
    /// Legacy policer.
    TCA_BASIC_POLICE = 4 => Police(police): Nest<PoliceAttrs>,
    /// Hit counters.
    TCA_BASIC_PCNT = 5 => Pcnt(pcnt): Wire<TcBasicPcnt>,
    /// Alignment padding.
    TCA_BASIC_PAD = 6 => Pad(pad): Bytes,
}

nla_set! {
    /// flower classifier options (TCA_FLOWER_*): the whole key table of `pkt_cls.h`.
    pub struct FlowerAttrs, enum FlowerAttr, index FlowerIndex;
    /// Target class.
    TCA_FLOWER_CLASSID = 1 => Classid(classid): U32,
    /// Input device name.
    TCA_FLOWER_INDEV = 2 => Indev(indev): CStr,
    /// Actions.
    TCA_FLOWER_ACT = 3 => Act(act): Nest<ActionList>,
    /// Destination MAC.
    TCA_FLOWER_KEY_ETH_DST = 4 => KeyEthDst(key_eth_dst): Mac,
    /// Destination MAC mask.
    TCA_FLOWER_KEY_ETH_DST_MASK = 5 => KeyEthDstMask(key_eth_dst_mask): Mac,
    /// Source MAC.
    TCA_FLOWER_KEY_ETH_SRC = 6 => KeyEthSrc(key_eth_src): Mac,
    /// Source MAC mask.
    TCA_FLOWER_KEY_ETH_SRC_MASK = 7 => KeyEthSrcMask(key_eth_src_mask): Mac,
    /// Ethertype.
    TCA_FLOWER_KEY_ETH_TYPE = 8 => KeyEthType(key_eth_type): Be16,
    /// IP protocol.
    TCA_FLOWER_KEY_IP_PROTO = 9 => KeyIpProto(key_ip_proto): U8,
    /// IPv4 source.
    TCA_FLOWER_KEY_IPV4_SRC = 10 => KeyIpv4Src(key_ipv4_src): Ipv4,
    /// IPv4 source mask.
    TCA_FLOWER_KEY_IPV4_SRC_MASK = 11 => KeyIpv4SrcMask(key_ipv4_src_mask): Ipv4,
    /// IPv4 destination.
    TCA_FLOWER_KEY_IPV4_DST = 12 => KeyIpv4Dst(key_ipv4_dst): Ipv4,
    /// IPv4 destination mask.
    TCA_FLOWER_KEY_IPV4_DST_MASK = 13 => KeyIpv4DstMask(key_ipv4_dst_mask): Ipv4,
    /// IPv6 source.
    TCA_FLOWER_KEY_IPV6_SRC = 14 => KeyIpv6Src(key_ipv6_src): Ipv6,
    /// IPv6 source mask.
    TCA_FLOWER_KEY_IPV6_SRC_MASK = 15 => KeyIpv6SrcMask(key_ipv6_src_mask): Ipv6,
    /// IPv6 destination.
    TCA_FLOWER_KEY_IPV6_DST = 16 => KeyIpv6Dst(key_ipv6_dst): Ipv6,
    /// IPv6 destination mask.
    TCA_FLOWER_KEY_IPV6_DST_MASK = 17 => KeyIpv6DstMask(key_ipv6_dst_mask): Ipv6,
    /// TCP source port.
    TCA_FLOWER_KEY_TCP_SRC = 18 => KeyTcpSrc(key_tcp_src): Be16,
    /// TCP destination port.
    TCA_FLOWER_KEY_TCP_DST = 19 => KeyTcpDst(key_tcp_dst): Be16,
    /// UDP source port.
    TCA_FLOWER_KEY_UDP_SRC = 20 => KeyUdpSrc(key_udp_src): Be16,
    /// UDP destination port.
    TCA_FLOWER_KEY_UDP_DST = 21 => KeyUdpDst(key_udp_dst): Be16,
    /// TCA_CLS_FLAGS_*.
    TCA_FLOWER_FLAGS = 22 => Flags(flags): U32,
    /// VLAN id.
    TCA_FLOWER_KEY_VLAN_ID = 23 => KeyVlanId(key_vlan_id): U16,
    /// VLAN priority.
    TCA_FLOWER_KEY_VLAN_PRIO = 24 => KeyVlanPrio(key_vlan_prio): U8,
    /// Ethertype inside the VLAN tag.
    TCA_FLOWER_KEY_VLAN_ETH_TYPE = 25 => KeyVlanEthType(key_vlan_eth_type): Be16,
    /// Tunnel key id.
    TCA_FLOWER_KEY_ENC_KEY_ID = 26 => KeyEncKeyId(key_enc_key_id): Be32,
    /// Tunnel IPv4 source.
    TCA_FLOWER_KEY_ENC_IPV4_SRC = 27 => KeyEncIpv4Src(key_enc_ipv4_src): Ipv4,
    /// Tunnel IPv4 source mask.
    TCA_FLOWER_KEY_ENC_IPV4_SRC_MASK = 28 => KeyEncIpv4SrcMask(key_enc_ipv4_src_mask): Ipv4,
    /// Tunnel IPv4 destination.
    TCA_FLOWER_KEY_ENC_IPV4_DST = 29 => KeyEncIpv4Dst(key_enc_ipv4_dst): Ipv4,
    /// Tunnel IPv4 destination mask.
    TCA_FLOWER_KEY_ENC_IPV4_DST_MASK = 30 => KeyEncIpv4DstMask(key_enc_ipv4_dst_mask): Ipv4,
    /// Tunnel IPv6 source.
    TCA_FLOWER_KEY_ENC_IPV6_SRC = 31 => KeyEncIpv6Src(key_enc_ipv6_src): Ipv6,
    /// Tunnel IPv6 source mask.
    TCA_FLOWER_KEY_ENC_IPV6_SRC_MASK = 32 => KeyEncIpv6SrcMask(key_enc_ipv6_src_mask): Ipv6,
    /// Tunnel IPv6 destination.
    TCA_FLOWER_KEY_ENC_IPV6_DST = 33 => KeyEncIpv6Dst(key_enc_ipv6_dst): Ipv6,
    /// Tunnel IPv6 destination mask.
    TCA_FLOWER_KEY_ENC_IPV6_DST_MASK = 34 => KeyEncIpv6DstMask(key_enc_ipv6_dst_mask): Ipv6,
    /// TCP source port mask.
    TCA_FLOWER_KEY_TCP_SRC_MASK = 35 => KeyTcpSrcMask(key_tcp_src_mask): Be16,
    /// TCP destination port mask.
    TCA_FLOWER_KEY_TCP_DST_MASK = 36 => KeyTcpDstMask(key_tcp_dst_mask): Be16,
    /// UDP source port mask.
    TCA_FLOWER_KEY_UDP_SRC_MASK = 37 => KeyUdpSrcMask(key_udp_src_mask): Be16,
    /// UDP destination port mask.
    TCA_FLOWER_KEY_UDP_DST_MASK = 38 => KeyUdpDstMask(key_udp_dst_mask): Be16,
    /// SCTP source port mask.
    TCA_FLOWER_KEY_SCTP_SRC_MASK = 39 => KeySctpSrcMask(key_sctp_src_mask): Be16,
    /// SCTP destination port mask.
    TCA_FLOWER_KEY_SCTP_DST_MASK = 40 => KeySctpDstMask(key_sctp_dst_mask): Be16,
    /// SCTP source port.
    TCA_FLOWER_KEY_SCTP_SRC = 41 => KeySctpSrc(key_sctp_src): Be16,
    /// SCTP destination port.
    TCA_FLOWER_KEY_SCTP_DST = 42 => KeySctpDst(key_sctp_dst): Be16,
    /// Tunnel UDP source port.
    TCA_FLOWER_KEY_ENC_UDP_SRC_PORT = 43 => KeyEncUdpSrcPort(key_enc_udp_src_port): Be16,
    /// Tunnel UDP source port mask.
    TCA_FLOWER_KEY_ENC_UDP_SRC_PORT_MASK = 44 => KeyEncUdpSrcPortMask(key_enc_udp_src_port_mask): Be16,
    /// Tunnel UDP destination port.
    TCA_FLOWER_KEY_ENC_UDP_DST_PORT = 45 => KeyEncUdpDstPort(key_enc_udp_dst_port): Be16,
    /// Tunnel UDP destination port mask.
    TCA_FLOWER_KEY_ENC_UDP_DST_PORT_MASK = 46 => KeyEncUdpDstPortMask(key_enc_udp_dst_port_mask): Be16,
    /// Key flags (TCA_FLOWER_KEY_FLAGS_*).
    TCA_FLOWER_KEY_FLAGS = 47 => KeyFlags(key_flags): Be32,
    /// Key flags mask.
    TCA_FLOWER_KEY_FLAGS_MASK = 48 => KeyFlagsMask(key_flags_mask): Be32,
    /// ICMPv4 code.
    TCA_FLOWER_KEY_ICMPV4_CODE = 49 => KeyIcmpv4Code(key_icmpv4_code): U8,
    /// ICMPv4 code mask.
    TCA_FLOWER_KEY_ICMPV4_CODE_MASK = 50 => KeyIcmpv4CodeMask(key_icmpv4_code_mask): U8,
    /// ICMPv4 type.
    TCA_FLOWER_KEY_ICMPV4_TYPE = 51 => KeyIcmpv4Type(key_icmpv4_type): U8,
    /// ICMPv4 type mask.
    TCA_FLOWER_KEY_ICMPV4_TYPE_MASK = 52 => KeyIcmpv4TypeMask(key_icmpv4_type_mask): U8,
    /// ICMPv6 code.
    TCA_FLOWER_KEY_ICMPV6_CODE = 53 => KeyIcmpv6Code(key_icmpv6_code): U8,
    /// ICMPv6 code mask.
    TCA_FLOWER_KEY_ICMPV6_CODE_MASK = 54 => KeyIcmpv6CodeMask(key_icmpv6_code_mask): U8,
    /// ICMPv6 type.
    TCA_FLOWER_KEY_ICMPV6_TYPE = 55 => KeyIcmpv6Type(key_icmpv6_type): U8,
    /// ICMPv6 type mask.
    TCA_FLOWER_KEY_ICMPV6_TYPE_MASK = 56 => KeyIcmpv6TypeMask(key_icmpv6_type_mask): U8,
    /// ARP sender IP.
    TCA_FLOWER_KEY_ARP_SIP = 57 => KeyArpSip(key_arp_sip): Ipv4,
    /// ARP sender IP mask.
    TCA_FLOWER_KEY_ARP_SIP_MASK = 58 => KeyArpSipMask(key_arp_sip_mask): Ipv4,
    /// ARP target IP.
    TCA_FLOWER_KEY_ARP_TIP = 59 => KeyArpTip(key_arp_tip): Ipv4,
    /// ARP target IP mask.
    TCA_FLOWER_KEY_ARP_TIP_MASK = 60 => KeyArpTipMask(key_arp_tip_mask): Ipv4,
    /// ARP opcode.
    TCA_FLOWER_KEY_ARP_OP = 61 => KeyArpOp(key_arp_op): U8,
    /// ARP opcode mask.
    TCA_FLOWER_KEY_ARP_OP_MASK = 62 => KeyArpOpMask(key_arp_op_mask): U8,
    /// ARP sender MAC.
    TCA_FLOWER_KEY_ARP_SHA = 63 => KeyArpSha(key_arp_sha): Mac,
    /// ARP sender MAC mask.
    TCA_FLOWER_KEY_ARP_SHA_MASK = 64 => KeyArpShaMask(key_arp_sha_mask): Mac,
    /// ARP target MAC.
    TCA_FLOWER_KEY_ARP_THA = 65 => KeyArpTha(key_arp_tha): Mac,
    /// ARP target MAC mask.
    TCA_FLOWER_KEY_ARP_THA_MASK = 66 => KeyArpThaMask(key_arp_tha_mask): Mac,
    /// MPLS TTL.
    TCA_FLOWER_KEY_MPLS_TTL = 67 => KeyMplsTtl(key_mpls_ttl): U8,
    /// MPLS bottom of stack.
    TCA_FLOWER_KEY_MPLS_BOS = 68 => KeyMplsBos(key_mpls_bos): U8,
    /// MPLS traffic class.
    TCA_FLOWER_KEY_MPLS_TC = 69 => KeyMplsTc(key_mpls_tc): U8,
    /// MPLS label.
    TCA_FLOWER_KEY_MPLS_LABEL = 70 => KeyMplsLabel(key_mpls_label): U32,
    /// TCP flags.
    TCA_FLOWER_KEY_TCP_FLAGS = 71 => KeyTcpFlags(key_tcp_flags): Be16,
    /// TCP flags mask.
    TCA_FLOWER_KEY_TCP_FLAGS_MASK = 72 => KeyTcpFlagsMask(key_tcp_flags_mask): Be16,
    /// IP TOS.
    TCA_FLOWER_KEY_IP_TOS = 73 => KeyIpTos(key_ip_tos): U8,
    /// IP TOS mask.
    TCA_FLOWER_KEY_IP_TOS_MASK = 74 => KeyIpTosMask(key_ip_tos_mask): U8,
    /// IP TTL.
    TCA_FLOWER_KEY_IP_TTL = 75 => KeyIpTtl(key_ip_ttl): U8,
    /// IP TTL mask.
    TCA_FLOWER_KEY_IP_TTL_MASK = 76 => KeyIpTtlMask(key_ip_ttl_mask): U8,
    /// Customer VLAN id.
    TCA_FLOWER_KEY_CVLAN_ID = 77 => KeyCvlanId(key_cvlan_id): U16,
    /// Customer VLAN priority.
    TCA_FLOWER_KEY_CVLAN_PRIO = 78 => KeyCvlanPrio(key_cvlan_prio): U8,
    /// Ethertype inside the customer VLAN tag.
    TCA_FLOWER_KEY_CVLAN_ETH_TYPE = 79 => KeyCvlanEthType(key_cvlan_eth_type): Be16,
    /// Tunnel IP TOS.
    TCA_FLOWER_KEY_ENC_IP_TOS = 80 => KeyEncIpTos(key_enc_ip_tos): U8,
    /// Tunnel IP TOS mask.
    TCA_FLOWER_KEY_ENC_IP_TOS_MASK = 81 => KeyEncIpTosMask(key_enc_ip_tos_mask): U8,
    /// Tunnel IP TTL.
    TCA_FLOWER_KEY_ENC_IP_TTL = 82 => KeyEncIpTtl(key_enc_ip_ttl): U8,
    /// Tunnel IP TTL mask.
    TCA_FLOWER_KEY_ENC_IP_TTL_MASK = 83 => KeyEncIpTtlMask(key_enc_ip_ttl_mask): U8,
    /// Tunnel options (geneve, vxlan, erspan, gtp), kept raw.
    TCA_FLOWER_KEY_ENC_OPTS = 84 => KeyEncOpts(key_enc_opts): RawAttr,
    /// Tunnel options mask, kept raw.
    TCA_FLOWER_KEY_ENC_OPTS_MASK = 85 => KeyEncOptsMask(key_enc_opts_mask): RawAttr,
    /// Number of hardware offloads.
    TCA_FLOWER_IN_HW_COUNT = 86 => InHwCount(in_hw_count): U32,
    /// Source port range minimum.
    TCA_FLOWER_KEY_PORT_SRC_MIN = 87 => KeyPortSrcMin(key_port_src_min): Be16,
    /// Source port range maximum.
    TCA_FLOWER_KEY_PORT_SRC_MAX = 88 => KeyPortSrcMax(key_port_src_max): Be16,
    /// Destination port range minimum.
    TCA_FLOWER_KEY_PORT_DST_MIN = 89 => KeyPortDstMin(key_port_dst_min): Be16,
    /// Destination port range maximum.
    TCA_FLOWER_KEY_PORT_DST_MAX = 90 => KeyPortDstMax(key_port_dst_max): Be16,
    /// Conntrack state (TCA_FLOWER_KEY_CT_FLAGS_*).
    TCA_FLOWER_KEY_CT_STATE = 91 => KeyCtState(key_ct_state): U16,
    /// Conntrack state mask.
    TCA_FLOWER_KEY_CT_STATE_MASK = 92 => KeyCtStateMask(key_ct_state_mask): U16,
    /// Conntrack zone.
    TCA_FLOWER_KEY_CT_ZONE = 93 => KeyCtZone(key_ct_zone): U16,
    /// Conntrack zone mask.
    TCA_FLOWER_KEY_CT_ZONE_MASK = 94 => KeyCtZoneMask(key_ct_zone_mask): U16,
    /// Conntrack mark.
    TCA_FLOWER_KEY_CT_MARK = 95 => KeyCtMark(key_ct_mark): U32,
    /// Conntrack mark mask.
    TCA_FLOWER_KEY_CT_MARK_MASK = 96 => KeyCtMarkMask(key_ct_mark_mask): U32,
    /// Conntrack labels (128 bits).
    TCA_FLOWER_KEY_CT_LABELS = 97 => KeyCtLabels(key_ct_labels): Bytes,
    /// Conntrack labels mask.
    TCA_FLOWER_KEY_CT_LABELS_MASK = 98 => KeyCtLabelsMask(key_ct_labels_mask): Bytes,
    /// MPLS label stack entries, kept raw.
    TCA_FLOWER_KEY_MPLS_OPTS = 99 => KeyMplsOpts(key_mpls_opts): RawAttr,
    /// Skb hash.
    TCA_FLOWER_KEY_HASH = 100 => KeyHash(key_hash): U32,
    /// Skb hash mask.
    TCA_FLOWER_KEY_HASH_MASK = 101 => KeyHashMask(key_hash_mask): U32,
    /// Number of VLAN tags.
    TCA_FLOWER_KEY_NUM_OF_VLANS = 102 => KeyNumOfVlans(key_num_of_vlans): U8,
    /// PPPoE session id.
    TCA_FLOWER_KEY_PPPOE_SID = 103 => KeyPppoeSid(key_pppoe_sid): Be16,
    /// PPP protocol.
    TCA_FLOWER_KEY_PPP_PROTO = 104 => KeyPppProto(key_ppp_proto): Be16,
    /// L2TPv3 session id.
    TCA_FLOWER_KEY_L2TPV3_SID = 105 => KeyL2tpv3Sid(key_l2tpv3_sid): Be32,
}

/// TCA_FLOWER_KEY_FLAGS_IS_FRAGMENT.
pub const TCA_FLOWER_KEY_FLAGS_IS_FRAGMENT: u32 = 1;
/// TCA_FLOWER_KEY_FLAGS_FRAG_IS_FIRST.
pub const TCA_FLOWER_KEY_FLAGS_FRAG_IS_FIRST: u32 = 2;
