//! IFLA_AF_SPEC and IFLA_PROTINFO: address-family specific link data. In AF_UNSPEC
//! messages IFLA_AF_SPEC nests one attribute per family (AF_INET: IFLA_INET_*, AF_INET6:
//! IFLA_INET6_*); in AF_BRIDGE messages it holds IFLA_BRIDGE_* directly.
//!
//! IFLA_INET6_STATS and IFLA_INET6_ICMP6STATS are u64 arrays exposed by index (their
//! IPSTATS_MIB_* / ICMP6_MIB_* names are not tabled); IFLA_BRIDGE_MRP, _CFM and _MST are
//! kept raw.

use super::info::BrPortAttrs;
use super::{NestedKeep, NestedList};
use crate::genl::named_consts;
use crate::nl::attr::kind::*;
use crate::nl::describe::describe_nested;
use crate::nl::{
    Attr, AttrIter, AttrSet, Ctx, Error, ErrorKind, NlaValue, NlaWriter, RawAttrs, Scalar, Visitor,
};
use crate::rtnl::consts::{self, value_kind};

/// A u32 or u64 array payload (devconf, MIB counters), read element by element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumArray<'a, const W: usize> {
    bytes: &'a [u8],
}

impl<'a, const W: usize> NumArray<'a, W> {
    /// Number of elements (a trailing partial element is ignored).
    pub fn len(&self) -> usize {
        self.bytes.len() / W
    }
    /// No elements.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Element `i` (0-based), widened to u64.
    pub fn get(&self, i: usize) -> Option<u64> {
        let s = self
            .bytes
            .get(i.checked_mul(W)?..i.checked_mul(W)?.checked_add(W)?)?;
        Some(match W {
            4 => u32::from_ne_bytes(s.try_into().ok()?).into(),
            _ => u64::from_ne_bytes(s.try_into().ok()?),
        })
    }
    /// All elements in order.
    pub fn iter(&self) -> impl Iterator<Item = u64> + use<'a, W> {
        let a = *self;
        (0..a.len()).filter_map(move |i| a.get(i))
    }
    /// The raw payload.
    pub fn bytes(&self) -> &'a [u8] {
        self.bytes
    }
}

macro_rules! array_value {
    ($(#[$m:meta])* $name:ident, $w:expr, $first:expr, $names:path) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct $name<'a>(pub NumArray<'a, $w>);

        impl<'a> $name<'a> {
            /// The value of kernel id `id` (the array's first element is id `FIRST_ID`).
            pub fn get(&self, id: usize) -> Option<u64> {
                self.0.get(id.checked_sub($first)?)
            }
            /// The kernel id of the first element.
            pub const FIRST_ID: usize = $first;
        }

        impl<'a> NlaValue<'a> for $name<'a> {
            fn decode(attr: &Attr<'a>) -> Result<Self, Error> {
                let p = attr.payload();
                if p.len() % $w != 0 {
                    return Err(attr.error(ErrorKind::BadAttrLen {
                        expected: $w,
                        got: p.len() as u16,
                    }));
                }
                Ok($name(NumArray { bytes: p }))
            }
            fn encode<W: NlaWriter + ?Sized>(&self, w: &mut W, ty: u16) -> Result<(), Error> {
                w.put_bytes(ty, self.0.bytes())
            }
            /// `[[NAME or id, value], ...]`.
            fn describe(&self, _: &Ctx, out: &mut dyn Visitor) {
                out.begin_list();
                for (i, v) in self.0.iter().enumerate() {
                    out.begin_list();
                    let id = i + $first;
                    let name: Option<&'static str> = $names(id);
                    match name {
                        Some(n) => out.scalar(Scalar::Name(n)),
                        None => out.scalar(Scalar::U64(id as u64)),
                    }
                    out.scalar(Scalar::U64(v));
                    out.end_list();
                }
                out.end_list();
            }
        }
    };
}

fn no_names(_: usize) -> Option<&'static str> {
    None
}

named_consts! {
    /// The kernel name of an IPv4 devconf id (IPV4_DEVCONF_*, `linux/ip.h`).
    pub fn ipv4_devconf_name(usize);
    IPV4_DEVCONF_FORWARDING = 1, IPV4_DEVCONF_MC_FORWARDING = 2, IPV4_DEVCONF_PROXY_ARP = 3, IPV4_DEVCONF_ACCEPT_REDIRECTS = 4, IPV4_DEVCONF_SECURE_REDIRECTS = 5, IPV4_DEVCONF_SEND_REDIRECTS = 6, IPV4_DEVCONF_SHARED_MEDIA = 7, IPV4_DEVCONF_RP_FILTER = 8, IPV4_DEVCONF_ACCEPT_SOURCE_ROUTE = 9, IPV4_DEVCONF_BOOTP_RELAY = 10, IPV4_DEVCONF_LOG_MARTIANS = 11, IPV4_DEVCONF_TAG = 12, IPV4_DEVCONF_ARPFILTER = 13, IPV4_DEVCONF_MEDIUM_ID = 14, IPV4_DEVCONF_NOXFRM = 15, IPV4_DEVCONF_NOPOLICY = 16, IPV4_DEVCONF_FORCE_IGMP_VERSION = 17, IPV4_DEVCONF_ARP_ANNOUNCE = 18, IPV4_DEVCONF_ARP_IGNORE = 19, IPV4_DEVCONF_PROMOTE_SECONDARIES = 20, IPV4_DEVCONF_ARP_ACCEPT = 21, IPV4_DEVCONF_ARP_NOTIFY = 22, IPV4_DEVCONF_ACCEPT_LOCAL = 23, IPV4_DEVCONF_SRC_VMARK = 24, IPV4_DEVCONF_PROXY_ARP_PVLAN = 25, IPV4_DEVCONF_ROUTE_LOCALNET = 26, IPV4_DEVCONF_IGMPV2_UNSOLICITED_REPORT_INTERVAL = 27, IPV4_DEVCONF_IGMPV3_UNSOLICITED_REPORT_INTERVAL = 28, IPV4_DEVCONF_IGNORE_ROUTES_WITH_LINKDOWN = 29, IPV4_DEVCONF_DROP_UNICAST_IN_L2_MULTICAST = 30, IPV4_DEVCONF_DROP_GRATUITOUS_ARP = 31, IPV4_DEVCONF_BC_FORWARDING = 32, IPV4_DEVCONF_ARP_EVICT_NOCARRIER = 33,
}

named_consts! {
    /// The kernel name of an IPv6 devconf index (DEVCONF_*, `linux/ipv6.h`).
    pub fn ipv6_devconf_name(usize);
    DEVCONF_FORWARDING = 0, DEVCONF_HOPLIMIT = 1, DEVCONF_MTU6 = 2, DEVCONF_ACCEPT_RA = 3, DEVCONF_ACCEPT_REDIRECTS = 4, DEVCONF_AUTOCONF = 5, DEVCONF_DAD_TRANSMITS = 6, DEVCONF_RTR_SOLICITS = 7, DEVCONF_RTR_SOLICIT_INTERVAL = 8, DEVCONF_RTR_SOLICIT_DELAY = 9, DEVCONF_USE_TEMPADDR = 10, DEVCONF_TEMP_VALID_LFT = 11, DEVCONF_TEMP_PREFERED_LFT = 12, DEVCONF_REGEN_MAX_RETRY = 13, DEVCONF_MAX_DESYNC_FACTOR = 14, DEVCONF_MAX_ADDRESSES = 15, DEVCONF_FORCE_MLD_VERSION = 16, DEVCONF_ACCEPT_RA_DEFRTR = 17, DEVCONF_ACCEPT_RA_PINFO = 18, DEVCONF_ACCEPT_RA_RTR_PREF = 19, DEVCONF_RTR_PROBE_INTERVAL = 20, DEVCONF_ACCEPT_RA_RT_INFO_MAX_PLEN = 21, DEVCONF_PROXY_NDP = 22, DEVCONF_OPTIMISTIC_DAD = 23, DEVCONF_ACCEPT_SOURCE_ROUTE = 24, DEVCONF_MC_FORWARDING = 25, DEVCONF_DISABLE_IPV6 = 26, DEVCONF_ACCEPT_DAD = 27, DEVCONF_FORCE_TLLAO = 28, DEVCONF_NDISC_NOTIFY = 29, DEVCONF_MLDV1_UNSOLICITED_REPORT_INTERVAL = 30, DEVCONF_MLDV2_UNSOLICITED_REPORT_INTERVAL = 31, DEVCONF_SUPPRESS_FRAG_NDISC = 32, DEVCONF_ACCEPT_RA_FROM_LOCAL = 33, DEVCONF_USE_OPTIMISTIC = 34, DEVCONF_ACCEPT_RA_MTU = 35, DEVCONF_STABLE_SECRET = 36, DEVCONF_USE_OIF_ADDRS_ONLY = 37, DEVCONF_ACCEPT_RA_MIN_HOP_LIMIT = 38, DEVCONF_IGNORE_ROUTES_WITH_LINKDOWN = 39, DEVCONF_DROP_UNICAST_IN_L2_MULTICAST = 40, DEVCONF_DROP_UNSOLICITED_NA = 41, DEVCONF_KEEP_ADDR_ON_DOWN = 42, DEVCONF_RTR_SOLICIT_MAX_INTERVAL = 43, DEVCONF_SEG6_ENABLED = 44, DEVCONF_SEG6_REQUIRE_HMAC = 45, DEVCONF_ENHANCED_DAD = 46, DEVCONF_ADDR_GEN_MODE = 47, DEVCONF_DISABLE_POLICY = 48, DEVCONF_ACCEPT_RA_RT_INFO_MIN_PLEN = 49, DEVCONF_NDISC_TCLASS = 50, DEVCONF_RPL_SEG_ENABLED = 51, DEVCONF_RA_DEFRTR_METRIC = 52, DEVCONF_IOAM6_ENABLED = 53, DEVCONF_IOAM6_ID = 54, DEVCONF_IOAM6_ID_WIDE = 55, DEVCONF_NDISC_EVICT_NOCARRIER = 56, DEVCONF_ACCEPT_UNTRACKED_NA = 57, DEVCONF_ACCEPT_RA_MIN_LFT = 58,
}

array_value!(
    /// IFLA_INET_CONF: the IPv4 devconf array; element 0 is IPV4_DEVCONF_FORWARDING (1).
    Ipv4DevConf, 4, 1, ipv4_devconf_name
);
array_value!(
    /// IFLA_INET6_CONF: the IPv6 devconf array, indexed by DEVCONF_* (from 0).
    Ipv6DevConf, 4, 0, ipv6_devconf_name
);
array_value!(
    /// IFLA_INET6_STATS / IFLA_INET6_ICMP6STATS: u64 MIB counters; element 0 is the count.
    Mib64, 8, 0, no_names
);

value_kind!(
    /// Table kind of [`Ipv4DevConf`].
    Ipv4DevConfKind => Ipv4DevConf
);
value_kind!(
    /// Table kind of [`Ipv6DevConf`].
    Ipv6DevConfKind => Ipv6DevConf
);
value_kind!(
    /// Table kind of [`Mib64`].
    Mib64Kind => Mib64
);
value_kind!(
    /// Table kind of [`AfSpec`].
    AfSpecKind => AfSpec
);
value_kind!(
    /// Table kind of [`ProtInfo`].
    ProtInfoKind => ProtInfo
);

nla_set! {
    /// IFLA_INET_* (under AF_INET in IFLA_AF_SPEC).
    pub struct InetAttrs, enum InetAttr, index InetIndex;
    /// The IPv4 devconf array.
    IFLA_INET_CONF = 1 => Conf(conf): Ipv4DevConfKind,
}

wire_struct! {
    /// `struct ifla_cacheinfo` (IFLA_INET6_CACHEINFO).
    pub struct IflaCacheinfo {
        /// `max_reasm_len`.
        max_reasm_len: u32,
        /// `tstamp`.
        tstamp: u32,
        /// `reachable_time`.
        reachable_time: u32,
        /// `retrans_time`.
        retrans_time: u32,
    }
}

named_consts! {
    /// The kernel name of an IFLA_INET6_ADDR_GEN_MODE value.
    pub fn in6_addr_gen_mode_name(u8);
    IN6_ADDR_GEN_MODE_EUI64 = 0, IN6_ADDR_GEN_MODE_NONE = 1,
    IN6_ADDR_GEN_MODE_STABLE_PRIVACY = 2, IN6_ADDR_GEN_MODE_RANDOM = 3,
}

nla_set! {
    /// IFLA_INET6_* (under AF_INET6 in IFLA_AF_SPEC, and IFLA_PROTINFO of AF_INET6 dumps).
    pub struct Inet6Attrs, enum Inet6Attr, index Inet6Index;
    /// IF_RA_* / IF_READY flags.
    IFLA_INET6_FLAGS = 1 => Flags(flags): U32,
    /// The IPv6 devconf array.
    IFLA_INET6_CONF = 2 => Conf(conf): Ipv6DevConfKind,
    /// IPSTATS_MIB_* counters.
    IFLA_INET6_STATS = 3 => Stats(stats): Mib64Kind,
    /// Multicast data (unused by the kernel).
    IFLA_INET6_MCAST = 4 => Mcast(mcast): Bytes,
    /// Cache info.
    IFLA_INET6_CACHEINFO = 5 => CacheInfo(cacheinfo): Wire<IflaCacheinfo>,
    /// ICMP6_MIB_* counters.
    IFLA_INET6_ICMP6STATS = 6 => Icmp6Stats(icmp6stats): Mib64Kind,
    /// Interface identifier token.
    IFLA_INET6_TOKEN = 7 => Token(token): Ipv6,
    /// IN6_ADDR_GEN_MODE_*.
    IFLA_INET6_ADDR_GEN_MODE = 8 => AddrGenMode(addr_gen_mode): U8,
    /// MTU from router advertisements.
    IFLA_INET6_RA_MTU = 9 => RaMtu(ra_mtu): U32,
}

wire_struct! {
    /// `struct bridge_vlan_info` (IFLA_BRIDGE_VLAN_INFO): BRIDGE_VLAN_INFO_* flags and vid.
    pub struct BridgeVlanInfo {
        /// `flags`.
        flags: u16,
        /// `vid`.
        vid: u16,
    }
}

/// BRIDGE_VLAN_INFO_MASTER.
pub const BRIDGE_VLAN_INFO_MASTER: u16 = 1 << 0;
/// BRIDGE_VLAN_INFO_PVID.
pub const BRIDGE_VLAN_INFO_PVID: u16 = 1 << 1;
/// BRIDGE_VLAN_INFO_UNTAGGED.
pub const BRIDGE_VLAN_INFO_UNTAGGED: u16 = 1 << 2;
/// BRIDGE_VLAN_INFO_RANGE_BEGIN.
pub const BRIDGE_VLAN_INFO_RANGE_BEGIN: u16 = 1 << 3;
/// BRIDGE_VLAN_INFO_RANGE_END.
pub const BRIDGE_VLAN_INFO_RANGE_END: u16 = 1 << 4;
/// BRIDGE_VLAN_INFO_BRENTRY.
pub const BRIDGE_VLAN_INFO_BRENTRY: u16 = 1 << 5;
/// BRIDGE_VLAN_INFO_ONLY_OPTS.
pub const BRIDGE_VLAN_INFO_ONLY_OPTS: u16 = 1 << 6;
/// BRIDGE_FLAGS_MASTER.
pub const BRIDGE_FLAGS_MASTER: u16 = 1;
/// BRIDGE_FLAGS_SELF.
pub const BRIDGE_FLAGS_SELF: u16 = 2;

nla_set! {
    /// IFLA_BRIDGE_VLAN_TUNNEL_* (nested in IFLA_BRIDGE_VLAN_TUNNEL_INFO).
    pub struct BridgeVlanTunnelAttrs, enum BridgeVlanTunnelAttr, index BridgeVlanTunnelIndex;
    /// Tunnel id.
    IFLA_BRIDGE_VLAN_TUNNEL_ID = 1 => Id(id): U32,
    /// VLAN id.
    IFLA_BRIDGE_VLAN_TUNNEL_VID = 2 => Vid(vid): U16,
    /// BRIDGE_VLAN_INFO_* flags.
    IFLA_BRIDGE_VLAN_TUNNEL_FLAGS = 3 => Flags(flags): U16,
}

nla_set! {
    /// IFLA_BRIDGE_* (`linux/if_bridge.h`): IFLA_AF_SPEC of AF_BRIDGE link messages.
    pub struct BridgeAfAttrs, enum BridgeAfAttr, index BridgeAfIndex;
    /// BRIDGE_FLAGS_MASTER / BRIDGE_FLAGS_SELF.
    IFLA_BRIDGE_FLAGS = 0 => Flags(flags): U16,
    /// BRIDGE_MODE_VEB / BRIDGE_MODE_VEPA.
    IFLA_BRIDGE_MODE = 1 => Mode(mode): U16,
    /// One VLAN (`struct bridge_vlan_info`).
    IFLA_BRIDGE_VLAN_INFO = 2 => VlanInfo(vlan_info): Wire<BridgeVlanInfo>,
    /// VLAN to tunnel mapping.
    IFLA_BRIDGE_VLAN_TUNNEL_INFO = 3 => VlanTunnelInfo(vlan_tunnel_info): NestedKeep<BridgeVlanTunnelAttrs>,
    /// MRP configuration (kept raw).
    IFLA_BRIDGE_MRP = 4 => Mrp(mrp): NestedKeep<RawAttrs>,
    /// CFM configuration (kept raw).
    IFLA_BRIDGE_CFM = 5 => Cfm(cfm): NestedKeep<RawAttrs>,
    /// MST states (kept raw).
    IFLA_BRIDGE_MST = 6 => Mst(mst): NestedKeep<RawAttrs>,
}

nla_set! {
    /// The per-family entries of IFLA_AF_SPEC in non-bridge link messages: the attribute
    /// type is the address family. (The constants are `u16` ids of this set; the `u8`
    /// family constants live in `rtnl::consts`.)
    pub struct AfSpecAttrs, enum AfSpecAttr, index AfSpecIndex;
    /// IPv4 (IFLA_INET_*).
    AF_INET = 2 => Inet(inet): NestedKeep<InetAttrs>,
    /// IPv6 (IFLA_INET6_*).
    AF_INET6 = 10 => Inet6(inet6): NestedKeep<Inet6Attrs>,
}

/// IFLA_AF_SPEC: by family entries, or IFLA_BRIDGE_* when the message is AF_BRIDGE
/// (the payload alone cannot tell; the message's `ifi_family` does).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AfSpec<'a> {
    list: NestedList<'a, RawAttrs>,
}

impl<'a> AfSpec<'a> {
    /// Wraps a raw list (for building).
    pub fn new(list: NestedList<'a, RawAttrs>) -> Self {
        AfSpec { list }
    }
    /// The raw attribute walk.
    pub fn raw(&self) -> AttrIter<'a> {
        self.list.raw()
    }
    /// The entries as per-family nests (AF_UNSPEC / AF_INET / AF_INET6 messages).
    pub fn families(&self) -> Result<AfSpecIndex<'a>, Error> {
        AfSpecIndex::new(self.raw())
    }
    /// The AF_INET entry.
    pub fn inet(&self) -> Result<Option<InetIndex<'a>>, Error> {
        match self.families()?.inet()? {
            Some(n) => InetIndex::new(n.raw()).map(Some),
            None => Ok(None),
        }
    }
    /// The AF_INET6 entry.
    pub fn inet6(&self) -> Result<Option<Inet6Index<'a>>, Error> {
        match self.families()?.inet6()? {
            Some(n) => Inet6Index::new(n.raw()).map(Some),
            None => Ok(None),
        }
    }
    /// The payload as IFLA_BRIDGE_* (AF_BRIDGE messages), typed members in order (a
    /// bridge port lists one IFLA_BRIDGE_VLAN_INFO per VLAN).
    pub fn bridge(&self) -> NestedList<'a, BridgeAfAttrs> {
        NestedList::new(self.raw(), self.list.has_nested_flag())
    }
}

impl<'a> NlaValue<'a> for AfSpec<'a> {
    fn decode(attr: &Attr<'a>) -> Result<Self, Error> {
        Ok(AfSpec {
            list: NestedList::new(attr.nested(), attr.is_nested()),
        })
    }
    fn encode<W: NlaWriter + ?Sized>(&self, w: &mut W, ty: u16) -> Result<(), Error> {
        <NestedKeep<RawAttrs> as crate::nl::attr::Kind<'a>>::encode(w, ty, &self.list)
    }
    fn describe(&self, ctx: &Ctx, out: &mut dyn Visitor) {
        if ctx.family == consts::AF_BRIDGE {
            describe_nested(self.raw(), ctx, out, BridgeAfAttrs::describe_list)
        } else {
            describe_nested(self.raw(), ctx, out, AfSpecAttrs::describe_list)
        }
    }
}

/// IFLA_PROTINFO: IFLA_BRPORT_* in AF_BRIDGE messages, IFLA_INET6_* in AF_INET6 ones.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ProtInfo<'a> {
    list: NestedList<'a, RawAttrs>,
}

impl<'a> ProtInfo<'a> {
    /// The raw attribute walk.
    pub fn raw(&self) -> AttrIter<'a> {
        self.list.raw()
    }
    /// As a bridge port's IFLA_BRPORT_* (AF_BRIDGE messages).
    pub fn bridge_port(&self) -> Result<super::info::BrPortIndex<'a>, Error> {
        super::info::BrPortIndex::new(self.raw())
    }
    /// As IFLA_INET6_* (AF_INET6 messages).
    pub fn inet6(&self) -> Result<Inet6Index<'a>, Error> {
        Inet6Index::new(self.raw())
    }
}

impl<'a> NlaValue<'a> for ProtInfo<'a> {
    fn decode(attr: &Attr<'a>) -> Result<Self, Error> {
        Ok(ProtInfo {
            list: NestedList::new(attr.nested(), attr.is_nested()),
        })
    }
    fn encode<W: NlaWriter + ?Sized>(&self, w: &mut W, ty: u16) -> Result<(), Error> {
        <NestedKeep<RawAttrs> as crate::nl::attr::Kind<'a>>::encode(w, ty, &self.list)
    }
    fn describe(&self, ctx: &Ctx, out: &mut dyn Visitor) {
        match ctx.family {
            consts::AF_BRIDGE => describe_nested(self.raw(), ctx, out, BrPortAttrs::describe_list),
            consts::AF_INET6 => describe_nested(self.raw(), ctx, out, Inet6Attrs::describe_list),
            _ => describe_nested(self.raw(), ctx, out, RawAttrs::describe_list),
        }
    }
}

/// Calls every accessor of an IFLA_AF_SPEC view (fuzzing).
pub(crate) fn exercise(s: &AfSpec<'_>) {
    if let Ok(Some(i)) = s.inet()
        && let Ok(Some(c)) = i.conf()
    {
        let _ = (c.get(1), c.0.iter().count(), c.0.is_empty());
    }
    if let Ok(Some(i)) = s.inet6() {
        let _ = (
            i.flags(),
            i.mcast(),
            i.cacheinfo(),
            i.token(),
            i.addr_gen_mode(),
        );
        let _ = (i.ra_mtu(), i.conf().map(|c| c.map(|c| c.get(0))));
        let _ = i.stats().map(|c| c.map(|c| c.0.iter().count()));
        let _ = i.icmp6stats().map(|c| c.map(|c| c.0.iter().count()));
    }
    for a in s.bridge().iter() {
        if let Ok(BridgeAfAttr::VlanTunnelInfo(t)) = a {
            for x in t.iter() {
                let _ = x;
            }
        }
    }
}

/// Calls every accessor of an IFLA_PROTINFO view (fuzzing).
pub(crate) fn exercise_protinfo(p: &ProtInfo<'_>) {
    if let Ok(b) = p.bridge_port() {
        let _ = (
            b.state(),
            b.priority(),
            b.cost(),
            b.root_id(),
            b.message_age_timer(),
        );
    }
    if let Ok(i) = p.inet6() {
        let _ = (i.flags(), i.conf(), i.cacheinfo());
    }
}
