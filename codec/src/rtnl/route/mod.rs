//! rtnetlink route messages (RTM_NEWROUTE / RTM_DELROUTE / RTM_GETROUTE): `struct
//! rtmsg`, the RTA_* set with metrics (RTAX_*), multipath nexthops and lightweight
//! tunnel encapsulations, family-dependent addresses (IPv4, IPv6, MPLS labels), a view,
//! and builder helpers.

pub mod encap;
pub mod nexthop;

use core::net::IpAddr;

pub use encap::{Encap, MplsLabel, MplsLabels};
pub use nexthop::{Multipath, NextHop, NexthopStart, RtNextHop, nexthop_end, nexthop_start};

use super::consts::{
    AF_INET, AF_INET6, AF_MPLS, NestKind, RTM_GETROUTE, RTM_NEWROUTE, RtmF, VarUint, flags_value,
    value_kind,
};
use crate::nl::attr::kind::*;
use crate::nl::{
    Attr, AttrIter, AttrSet, Buffer, Ctx, Error, ErrorKind, MsgBuilder, NlMsg, NlaValue, NlaWriter,
    RawAttrs, Scalar, Visitor,
};
use encap::MplsLabelsKind;
use nexthop::MultipathKind;

wire_struct! {
    /// `struct rtmsg`: the family header of route messages.
    pub struct RtMsg {
        /// Address family (AF_INET, AF_INET6, AF_MPLS).
        rtm_family: u8,
        /// Destination prefix length.
        rtm_dst_len: u8,
        /// Source prefix length.
        rtm_src_len: u8,
        /// TOS filter.
        rtm_tos: u8,
        /// Routing table id (RT_TABLE_COMPAT when above 255: see RTA_TABLE).
        rtm_table: u8,
        /// Routing protocol (RTPROT_*).
        rtm_protocol: u8,
        /// Scope (RT_SCOPE_*).
        rtm_scope: u8,
        /// Route type (RTN_*).
        rtm_type: u8,
        /// RTM_F_* flags (and RTNH_F_* in the low byte).
        rtm_flags: u32,
    }
}

wire_struct! {
    /// `struct rta_cacheinfo` (RTA_CACHEINFO).
    pub struct RtaCacheinfo {
        /// Reference count of clients.
        rta_clntref: u32,
        /// Last use, in jiffies (clock_t).
        rta_lastuse: u32,
        /// Expiry time, clock_t (0: never).
        rta_expires: i32,
        /// Last error.
        rta_error: u32,
        /// Times used.
        rta_used: u32,
        /// IP id (peer info).
        rta_id: u32,
        /// TCP timestamp (peer info).
        rta_ts: u32,
        /// Timestamp age (peer info).
        rta_tsage: u32,
    }
}

wire_struct! {
    /// `struct rta_session` (RTA_SESSION, no longer used): protocol and a 4-byte union
    /// (ports, ICMP type/code/ident, or SPI) kept as bytes.
    pub struct RtaSession {
        /// IP protocol.
        proto: u8,
        /// Padding.
        pad1: u8,
        /// Padding.
        pad2: u16,
        /// The union `u`.
        u: [u8; 4],
    }
}

wire_struct! {
    /// `struct rta_mfc_stats` (RTA_MFC_STATS): multicast forwarding counters.
    pub struct RtaMfcStats {
        /// Packets forwarded.
        mfcs_packets: u64,
        /// Bytes forwarded.
        mfcs_bytes: u64,
        /// Packets that arrived on the wrong interface.
        mfcs_wrong_if: u64,
    }
}

bitflags::bitflags! {
    /// RTAX_FEATURE_* bits of RTAX_FEATURES.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct RtaxFeatures: u32 {
        /// RTAX_FEATURE_ECN.
        const ECN = 1 << 0;
        /// RTAX_FEATURE_SACK.
        const SACK = 1 << 1;
        /// RTAX_FEATURE_TIMESTAMP.
        const TIMESTAMP = 1 << 2;
        /// RTAX_FEATURE_ALLFRAG.
        const ALLFRAG = 1 << 3;
        /// Bits this table does not name survive.
        const _ = !0;
    }
}
flags_value!(RtaxFeatures, as_u32, put_u32);
flags_value!(RtmF, as_u32, put_u32);

nla_set! {
    /// Route metrics (RTAX_*), nested in RTA_METRICS.
    pub struct MetricsAttrs, enum MetricsAttr, index MetricsIndex;
    /// Bit mask of locked metrics (1 << RTAX_*).
    RTAX_LOCK = 1 => Lock(lock): U32,
    /// Path MTU.
    RTAX_MTU = 2 => Mtu(mtu): U32,
    /// TCP window clamp.
    RTAX_WINDOW = 3 => Window(window): U32,
    /// Initial RTT estimate.
    RTAX_RTT = 4 => Rtt(rtt): U32,
    /// Initial RTT variance.
    RTAX_RTTVAR = 5 => Rttvar(rttvar): U32,
    /// Initial slow-start threshold.
    RTAX_SSTHRESH = 6 => Ssthresh(ssthresh): U32,
    /// Congestion window clamp.
    RTAX_CWND = 7 => Cwnd(cwnd): U32,
    /// Advertised MSS.
    RTAX_ADVMSS = 8 => Advmss(advmss): U32,
    /// Maximal reordering.
    RTAX_REORDERING = 9 => Reordering(reordering): U32,
    /// Hop limit (TTL).
    RTAX_HOPLIMIT = 10 => Hoplimit(hoplimit): U32,
    /// Initial congestion window.
    RTAX_INITCWND = 11 => Initcwnd(initcwnd): U32,
    /// RTAX_FEATURE_* bits.
    RTAX_FEATURES = 12 => Features(features): Value<RtaxFeatures>,
    /// Minimal retransmission timeout.
    RTAX_RTO_MIN = 13 => RtoMin(rto_min): U32,
    /// Initial receive window.
    RTAX_INITRWND = 14 => Initrwnd(initrwnd): U32,
    /// Quick ACK.
    RTAX_QUICKACK = 15 => Quickack(quickack): U32,
    /// Congestion control algorithm name.
    RTAX_CC_ALGO = 16 => CcAlgo(cc_algo): CStr,
    /// TCP fast open without cookie.
    RTAX_FASTOPEN_NO_COOKIE = 17 => FastopenNoCookie(fastopen_no_cookie): U32,
}

/// A route address (RTA_DST, RTA_SRC, RTA_GATEWAY, RTA_PREFSRC) whose meaning depends
/// on `rtm_family`: 4 bytes IPv4, 16 bytes IPv6, or an MPLS label stack for AF_MPLS.
/// Its length must be a non-zero multiple of 4.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RtAddr<'a>(&'a [u8]);

impl<'a> RtAddr<'a> {
    /// Wraps wire bytes (no check).
    pub fn from_bytes(b: &'a [u8]) -> Self {
        RtAddr(b)
    }
    /// The wire bytes.
    pub fn bytes(&self) -> &'a [u8] {
        self.0
    }
    /// The address as IP, by length (4 or 16 bytes).
    #[inline]
    pub fn ip(&self) -> Option<IpAddr> {
        match self.0.len() {
            4 => <[u8; 4]>::try_from(self.0).ok().map(IpAddr::from),
            16 => <[u8; 16]>::try_from(self.0).ok().map(IpAddr::from),
            _ => None,
        }
    }
    /// The bytes as an MPLS label stack (meaningful for AF_MPLS routes).
    pub fn mpls(&self) -> Option<MplsLabels<'a>> {
        MplsLabels::new(self.0)
    }
    /// Describes the address as the family `family` reads it.
    pub fn describe_as(&self, family: u8, out: &mut dyn Visitor) {
        match (family, self.mpls(), self.ip()) {
            (AF_MPLS, Some(l), _) => l.describe_to(out),
            (_, _, Some(ip)) => out.scalar(Scalar::Ip(ip)),
            _ => out.scalar(Scalar::Hex(self.0)),
        }
    }
}

impl<'a> NlaValue<'a> for RtAddr<'a> {
    #[inline]
    fn decode(attr: &Attr<'a>) -> Result<Self, Error> {
        let p = attr.payload();
        match p.len() {
            // IPv4 and IPv6 first: the common cases cost one comparison each
            4 | 16 => Ok(RtAddr(p)),
            n if n != 0 && n.is_multiple_of(4) => Ok(RtAddr(p)),
            n => Err(attr.error(ErrorKind::BadAttrLen {
                expected: 4,
                got: n as u16,
            })),
        }
    }
    fn encode<W: NlaWriter + ?Sized>(&self, w: &mut W, ty: u16) -> Result<(), Error> {
        w.put_bytes(ty, self.0)
    }
    fn describe(&self, ctx: &Ctx, out: &mut dyn Visitor) {
        self.describe_as(ctx.family, out)
    }
}

value_kind!(
    /// Table kind of a family-dependent route address ([`RtAddr`]).
    RtAddrKind => RtAddr
);

/// `struct rtvia` (RTA_VIA): a gateway of another family (`__kernel_sa_family_t`, a
/// native u16) and its address bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RtVia<'a> {
    /// `rtvia_family` (AF_*).
    pub family: u16,
    /// `rtvia_addr`.
    pub addr: &'a [u8],
}

impl RtVia<'_> {
    /// The address as IP, when the family is AF_INET/AF_INET6 and the length fits.
    pub fn ip(&self) -> Option<IpAddr> {
        match (self.family, self.addr.len()) {
            (f, 4) if f == u16::from(AF_INET) => RtAddr(self.addr).ip(),
            (f, 16) if f == u16::from(AF_INET6) => RtAddr(self.addr).ip(),
            _ => None,
        }
    }
}

impl<'a> NlaValue<'a> for RtVia<'a> {
    fn decode(attr: &Attr<'a>) -> Result<Self, Error> {
        let p = attr.payload();
        match (p.get(..2), p.get(2..)) {
            (Some(f), Some(addr)) => Ok(RtVia {
                family: u16::from_ne_bytes([f[0], f[1]]),
                addr,
            }),
            _ => Err(attr.error(ErrorKind::BadAttrLen {
                expected: 2,
                got: p.len() as u16,
            })),
        }
    }
    fn encode<W: NlaWriter + ?Sized>(&self, w: &mut W, ty: u16) -> Result<(), Error> {
        w.put_parts(ty, &[&self.family.to_ne_bytes(), self.addr])
    }
    fn describe(&self, _: &Ctx, out: &mut dyn Visitor) {
        out.begin_object();
        out.key("rtvia_family");
        match u8::try_from(self.family)
            .ok()
            .and_then(super::consts::af_name)
        {
            Some(n) => out.scalar(Scalar::Name(n)),
            None => out.scalar(Scalar::U64(self.family.into())),
        }
        out.key("rtvia_addr");
        match self.ip() {
            Some(ip) => out.scalar(Scalar::Ip(ip)),
            None => out.scalar(Scalar::Hex(self.addr)),
        }
        out.end_object();
    }
}

value_kind!(
    /// Table kind of RTA_VIA ([`RtVia`]).
    RtViaKind => RtVia
);

nla_set! {
    /// Route attributes (RTA_*), the whole enum of <linux/rtnetlink.h>. Also the
    /// attributes of each multipath nexthop.
    pub struct RouteAttrs, enum RouteAttr, index RouteIndex, visitor RouteVisitor;
    /// Destination prefix (address by family; labels for AF_MPLS).
    RTA_DST = 1 => Dst(dst): RtAddrKind,
    /// Source prefix.
    RTA_SRC = 2 => Src(src): RtAddrKind,
    /// Input interface index.
    RTA_IIF = 3 => Iif(iif): U32,
    /// Output interface index.
    RTA_OIF = 4 => Oif(oif): U32,
    /// Gateway (same family as the route).
    RTA_GATEWAY = 5 => Gateway(gateway): RtAddrKind,
    /// Priority (metric).
    RTA_PRIORITY = 6 => Priority(priority): U32,
    /// Preferred source address.
    RTA_PREFSRC = 7 => Prefsrc(prefsrc): RtAddrKind,
    /// Metrics (RTAX_*).
    RTA_METRICS = 8 => Metrics(metrics): NestKind<MetricsAttrs>,
    /// Multipath nexthops (`struct rtnexthop` + RTA_* each).
    RTA_MULTIPATH = 9 => Multipath(multipath): MultipathKind,
    /// Protocol info (no longer used).
    RTA_PROTOINFO = 10 => Protoinfo(protoinfo): Bytes,
    /// Realm (flow class).
    RTA_FLOW = 11 => Flow(flow): U32,
    /// Cache information.
    RTA_CACHEINFO = 12 => Cacheinfo(cacheinfo): Wire<RtaCacheinfo>,
    /// Session (no longer used).
    RTA_SESSION = 13 => Session(session): Wire<RtaSession>,
    /// Multipath algorithm (no longer used).
    RTA_MP_ALGO = 14 => MpAlgo(mp_algo): U32,
    /// Routing table id (all 32 bits).
    RTA_TABLE = 15 => Table(table): U32,
    /// Firewall mark (route lookup requests).
    RTA_MARK = 16 => Mark(mark): U32,
    /// Multicast forwarding counters.
    RTA_MFC_STATS = 17 => MfcStats(mfc_stats): Wire<RtaMfcStats>,
    /// Gateway of another family (`struct rtvia`).
    RTA_VIA = 18 => Via(via): RtViaKind,
    /// New destination label stack (MPLS swap).
    RTA_NEWDST = 19 => Newdst(newdst): MplsLabelsKind,
    /// IPv6 router preference (ICMPV6_ROUTER_PREF_*).
    RTA_PREF = 20 => Pref(pref): U8,
    /// Encapsulation type (LWTUNNEL_ENCAP_*).
    RTA_ENCAP_TYPE = 21 => EncapType(encap_type): U16,
    /// Encapsulation attributes, read by RTA_ENCAP_TYPE (see [`encap::Encap`]).
    RTA_ENCAP = 22 => Encap(encap): NestKind<RawAttrs>,
    /// Expiry (u32 from userspace, u64 clock_t from the kernel).
    RTA_EXPIRES = 23 => Expires(expires): Value<VarUint>,
    /// Padding for 64-bit alignment.
    RTA_PAD = 24 => Pad(pad): Bytes,
    /// UID for a route lookup.
    RTA_UID = 25 => Uid(uid): U32,
    /// MPLS TTL propagation (0 disabled, 1 enabled).
    RTA_TTL_PROPAGATE = 26 => TtlPropagate(ttl_propagate): U8,
    /// IP protocol for a route lookup.
    RTA_IP_PROTO = 27 => IpProto(ip_proto): U8,
    /// Source port for a route lookup.
    RTA_SPORT = 28 => Sport(sport): Be16,
    /// Destination port for a route lookup.
    RTA_DPORT = 29 => Dport(dport): Be16,
    /// Nexthop object id.
    RTA_NH_ID = 30 => NhId(nh_id): U32,
    /// IPv6 flow label for a route lookup, network order (Linux 6.15+; newer than the
    /// installed header).
    RTA_FLOWLABEL = 31 => Flowlabel(flowlabel): Be32,
}

/// Describes a list of RTA_* attributes, reading RTA_ENCAP by its sibling
/// RTA_ENCAP_TYPE (used for messages and for each multipath nexthop).
pub fn describe_route_list(iter: AttrIter<'_>, ctx: &Ctx, out: &mut dyn Visitor) {
    let encap_type = iter.find(RTA_ENCAP_TYPE).and_then(|a| a.as_u16().ok());
    out.begin_list();
    for a in iter {
        match a {
            Ok(a) => {
                out.begin_list();
                match RouteAttrs::name(a.kind()) {
                    Some(n) => out.scalar(Scalar::Name(n)),
                    None => out.scalar(Scalar::U64(a.kind().into())),
                }
                match a.kind() {
                    RTA_ENCAP => encap::describe_encap(encap_type, a.nested(), ctx, out),
                    RTA_ENCAP_TYPE => match a.as_u16() {
                        Ok(t) => match encap::lwtunnel_encap_name(t) {
                            Some(n) => out.scalar(Scalar::Name(n)),
                            None => out.scalar(Scalar::U64(t.into())),
                        },
                        Err(e) => out.scalar(Scalar::Error(e)),
                    },
                    _ => RouteAttrs::describe_value(&a, ctx, out),
                }
                out.end_list();
            }
            Err(e) => out.scalar(Scalar::Error(e)),
        }
    }
    out.end_list();
}

msg_view! {
    /// A view of one route message: header in place, attributes walked on demand.
    pub struct RouteMsg {
        header: RtMsg,
        attr: RouteAttr,
        index: RouteAttrs => RouteIndex,
        visitor: RouteAttrs => RouteVisitor,
        types: RTM_NEWROUTE..=RTM_GETROUTE,
    }
}
impl<'a> RouteMsg<'a> {
    /// `rtm_flags` as flags.
    pub fn flags(&self) -> RtmF {
        RtmF::from_bits_retain(self.hdr.rtm_flags())
    }
    /// The table id: RTA_TABLE when present, else `rtm_table`.
    pub fn table(&self) -> u32 {
        match self.attrs().find(RTA_TABLE).map(|a| a.as_u32()) {
            Some(Ok(t)) => t,
            _ => self.hdr.rtm_table().into(),
        }
    }
    /// The encapsulation (RTA_ENCAP read by RTA_ENCAP_TYPE), if any.
    pub fn encap(&self) -> Result<Option<Encap<'a>>, Error> {
        encap_of(self.attrs())
    }
    /// The multipath nexthops, if any.
    pub fn multipath(&self) -> Result<Option<Multipath<'a>>, Error> {
        self.attrs()
            .find(RTA_MULTIPATH)
            .map(|a| Multipath::decode(&a))
            .transpose()
    }
}

/// RTA_ENCAP of an RTA_* list read by its RTA_ENCAP_TYPE (a message's or a nexthop's).
pub fn encap_of(list: AttrIter<'_>) -> Result<Option<Encap<'_>>, Error> {
    let Some(e) = list.find(RTA_ENCAP) else {
        return Ok(None);
    };
    let t = match list.find(RTA_ENCAP_TYPE) {
        Some(t) => t.as_u16()?,
        None => return Err(e.error(ErrorKind::InvalidValue)),
    };
    Ok(Some(Encap::new(t, e.nested())))
}

/// Starts a route message: the netlink header and `hdr`; add attributes with the
/// [`NlaWriter`] methods or [`RouteAttr::emit`] (multipath with [`nexthop_start`]),
/// then `finish()`.
pub fn build<B: Buffer>(
    buf: B,
    nlmsg_type: u16,
    flags: u16,
    seq: u32,
    hdr: &RtMsg,
) -> Result<MsgBuilder<B>, Error> {
    MsgBuilder::with_header(buf, nlmsg_type, flags, seq, hdr)
}

/// Describes the body of a route message for the decode tool.
pub(crate) fn describe(msg: &NlMsg<'_>, out: &mut dyn Visitor) {
    out.key("rtmsg");
    match msg.fixed::<RtMsg>() {
        Ok(h) => crate::nl::Describe::describe(h, out),
        Err(e) => return out.scalar(Scalar::Error(e)),
    }
    out.key("attrs");
    let family = msg.payload().first().copied().unwrap_or(0);
    describe_route_list(
        msg.attrs::<RtMsg>(),
        &Ctx::new(msg.nlmsg_type(), family),
        out,
    );
}

fn fuzz_list(list: AttrIter<'_>, depth: u8) {
    for a in list.clone().flatten() {
        if let Ok(RouteAttr::Multipath(m)) = RouteAttr::decode(a) {
            for nh in m.iter().flatten() {
                let _ = (nh.weight(), nh.header().rtnh_ifindex());
                if depth < 4 {
                    fuzz_list(nh.attrs(), depth + 1);
                }
            }
        }
    }
    let _ = encap_of(list.clone());
    if let Ok(i) = RouteIndex::new(list) {
        let _ = (
            i.dst(),
            i.src(),
            i.iif(),
            i.oif(),
            i.gateway(),
            i.priority(),
        );
        let _ = (
            i.prefsrc(),
            i.protoinfo(),
            i.flow(),
            i.cacheinfo(),
            i.session(),
        );
        let _ = (
            i.mp_algo(),
            i.table(),
            i.mark(),
            i.mfc_stats(),
            i.via(),
            i.newdst(),
        );
        let _ = (
            i.pref(),
            i.encap_type(),
            i.encap(),
            i.expires(),
            i.pad(),
            i.uid(),
        );
        let _ = (
            i.ttl_propagate(),
            i.ip_proto(),
            i.sport(),
            i.dport(),
            i.nh_id(),
        );
        if let Ok(Some(d)) = i.dst() {
            let _ = (d.ip(), d.mpls().map(|l| l.iter().count()));
        }
        if let Ok(Some(m)) = i.metrics() {
            for x in m.list.iter().flatten() {
                let _ = x.attr_type();
            }
        }
    }
}

/// Fuzzing entry point: decodes `data` as a datagram through every view of this
/// module. It must never panic, whatever the bytes.
pub fn fuzz_one(data: &[u8]) {
    let mut v = crate::nl::NullVisitor::default();
    let _ = crate::nl::describe_datagram::<super::Rtnl>(data, &mut v);
    let mut cache = crate::nl::LayoutCache::new();
    for m in crate::nl::Messages::new(data).flatten() {
        if let Ok(r) = RouteMsg::parse(m) {
            let _ = (r.flags(), r.table(), r.encap(), r.multipath());
            for x in r.iter().flatten() {
                let _ = x.attr_type();
            }
            fuzz_list(r.attrs(), 0);
            // oracle: through the layout cache (kept across the messages) a list indexes
            // exactly as a walk indexes it
            match (r.index(), r.index_cached(&mut cache)) {
                (Ok(w), Ok(c)) => {
                    for ty in 0..=RouteAttrs::TB_LEN as u16 {
                        assert_eq!(w.get(ty), c.get(ty), "layout cache, type {ty}");
                    }
                }
                (w, c) => assert_eq!(w.err(), c.err(), "layout cache"),
            }
        }
    }
    for family in [AF_INET, AF_INET6, AF_MPLS] {
        let ctx = Ctx::new(RTM_NEWROUTE, family);
        describe_route_list(AttrIter::new(data), &ctx, &mut v);
    }
    fuzz_list(AttrIter::new(data), 0);
    encap::fuzz_encaps(data);
}

#[cfg(feature = "defmt")]
crate::rtnl::consts::defmt_flags!(RtaxFeatures);
