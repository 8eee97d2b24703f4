//! IFLA_LINKINFO: the link kind (IFLA_INFO_KIND) and the kind-specific attribute sets of
//! IFLA_INFO_DATA / IFLA_INFO_SLAVE_DATA (veth, bridge, bridge_slave, vlan, vxlan,
//! macvlan/macvtap, ipvlan, bond, bond_slave, gre*, vti*, vrf, tun, geneve).
//!
//! The data sets are chosen by kind, so the table keeps IFLA_INFO_DATA raw and
//! [`LinkInfo::data`] / the describer pick the set. An unknown kind keeps its data raw
//! (`InfoData::Other`) and re-encodes byte for byte. `wireguard` links carry no
//! IFLA_INFO_DATA (WireGuard is configured over generic netlink), so they come out as a
//! kind with `data() == None`.

use core::net::IpAddr;

use super::{IfInfoMsg, LinkAttrs, NestedKeep, NestedList};
use crate::genl::named_consts;
use crate::nl::attr::kind::*;
use crate::nl::describe::describe_nested;
use crate::nl::{
    Attr, AttrIter, AttrSet, Ctx, Error, ErrorKind, NLA_HDRLEN, NlaValue, NlaWriter, RawAttrs,
    Scalar, Visitor,
};
use crate::rtnl::consts::value_kind;

nla_set! {
    /// IFLA_INFO_* (nested in IFLA_LINKINFO). DATA and SLAVE_DATA are described by kind.
    /// IFLA_LINKINFO uses the [`LinkInfoKeep`] kind, whose describer picks the data sets
    /// by kind.
    pub struct LinkInfoAttrs, enum LinkInfoAttr, index LinkInfoIndex;
    /// Link kind ("veth", "bridge", ...).
    IFLA_INFO_KIND = 1 => Kind(kind): CStr,
    /// Kind-specific data (see [`InfoData`]).
    IFLA_INFO_DATA = 2 => Data(data): NestedKeep<RawAttrs>,
    /// Kind-specific extended statistics (opaque).
    IFLA_INFO_XSTATS = 3 => XStats(xstats): Bytes,
    /// Kind of the master this link is enslaved to ("bridge", "bond", "vrf").
    IFLA_INFO_SLAVE_KIND = 4 => SlaveKind(slave_kind): CStr,
    /// Port data for the master's kind (see [`SlaveData`]).
    IFLA_INFO_SLAVE_DATA = 5 => SlaveData(slave_data): NestedKeep<RawAttrs>,
}

/// Table kind of IFLA_LINKINFO: a [`NestedList`] of [`LinkInfoAttrs`] (NLA_F_NESTED kept
/// as received) described with IFLA_INFO_DATA / IFLA_INFO_SLAVE_DATA typed by kind.
#[derive(Debug, Clone, Copy)]
pub struct LinkInfoKeep;

impl<'a> crate::nl::attr::Kind<'a> for LinkInfoKeep {
    type T = NestedList<'a, LinkInfoAttrs>;
    fn decode(a: &Attr<'a>) -> Result<Self::T, Error> {
        <NestedKeep<LinkInfoAttrs> as crate::nl::attr::Kind<'a>>::decode(a)
    }
    fn encode<W: NlaWriter + ?Sized>(w: &mut W, ty: u16, v: &Self::T) -> Result<(), Error> {
        <NestedKeep<LinkInfoAttrs> as crate::nl::attr::Kind<'a>>::encode(w, ty, v)
    }
    fn describe(v: &Self::T, ctx: &Ctx, out: &mut dyn Visitor) {
        describe_nested(v.raw(), ctx, out, describe_linkinfo)
    }
}

/// Describes IFLA_LINKINFO with IFLA_INFO_DATA and IFLA_INFO_SLAVE_DATA by kind.
pub fn describe_linkinfo(iter: AttrIter<'_>, ctx: &Ctx, out: &mut dyn Visitor) {
    let kind = iter
        .find(IFLA_INFO_KIND)
        .and_then(|a| a.as_cstr().ok())
        .unwrap_or("");
    let slave_kind = iter
        .find(IFLA_INFO_SLAVE_KIND)
        .and_then(|a| a.as_cstr().ok())
        .unwrap_or("");
    out.begin_list();
    for a in iter {
        let a = match a {
            Ok(a) => a,
            Err(e) => {
                out.scalar(Scalar::Error(e));
                continue;
            }
        };
        out.begin_list();
        match LinkInfoAttrs::name(a.kind()) {
            Some(n) => out.scalar(Scalar::Name(n)),
            None => out.scalar(Scalar::U64(a.kind().into())),
        }
        match (a.kind(), ctx.deeper()) {
            (IFLA_INFO_DATA, Some(c)) => describe_data(kind, a.nested(), &c, out),
            (IFLA_INFO_SLAVE_DATA, Some(c)) => describe_slave_data(slave_kind, a.nested(), &c, out),
            (IFLA_INFO_DATA | IFLA_INFO_SLAVE_DATA, None) => {
                out.scalar(Scalar::Error(a.error(ErrorKind::TooDeep)))
            }
            _ => LinkInfoAttrs::describe_value(&a, ctx, out),
        }
        out.end_list();
    }
    out.end_list();
}

macro_rules! kinds {
    ($( $variant:ident($set:ty) = [$($name:literal),+] ),* $(,)?) => {
        /// IFLA_INFO_DATA by kind: one variant per known kind, raw for the rest.
        #[derive(Debug, Clone, Copy, PartialEq)]
        #[non_exhaustive]
        pub enum InfoData<'a> {
            $(
                #[doc = concat!("Kinds ", $("`", $name, "` ",)+ "([`", stringify!($set), "`]).")]
                $variant(NestedList<'a, $set>),
            )*
            /// A kind without a table here: the data as raw attributes.
            Other(NestedList<'a, RawAttrs>),
        }

        impl<'a> InfoData<'a> {
            /// Chooses the set by `kind`.
            pub fn new(kind: &str, data: NestedList<'a, RawAttrs>) -> Self {
                let flag = data.has_nested_flag();
                match kind {
                    $( $($name)|+ => InfoData::$variant(NestedList::new(data.raw(), flag)), )*
                    _ => InfoData::Other(data),
                }
            }
            /// The raw attribute walk, whatever the kind.
            pub fn raw(&self) -> AttrIter<'a> {
                match self {
                    $( InfoData::$variant(n) => n.raw(), )*
                    InfoData::Other(n) => n.raw(),
                }
            }
        }

        fn describe_data(kind: &str, iter: AttrIter<'_>, ctx: &Ctx, out: &mut dyn Visitor) {
            match kind {
                $( $($name)|+ => <$set as AttrSet>::describe_list(iter, ctx, out), )*
                _ => RawAttrs::describe_list(iter, ctx, out),
            }
        }
    };
}

kinds! {
    Veth(VethAttrs) = ["veth"],
    Bridge(BridgeAttrs) = ["bridge"],
    Vlan(VlanAttrs) = ["vlan"],
    Vxlan(VxlanAttrs) = ["vxlan"],
    Macvlan(MacvlanAttrs) = ["macvlan", "macvtap"],
    Ipvlan(IpvlanAttrs) = ["ipvlan", "ipvtap"],
    Bond(BondAttrs) = ["bond"],
    Gre(GreAttrs) = ["gre", "gretap", "ip6gre", "ip6gretap", "erspan", "ip6erspan"],
    Vti(VtiAttrs) = ["vti", "vti6"],
    Vrf(VrfAttrs) = ["vrf"],
    Tun(TunAttrs) = ["tun"],
    Geneve(GeneveAttrs) = ["geneve"],
}

/// IFLA_INFO_SLAVE_DATA by the master's kind.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum SlaveData<'a> {
    /// `bridge` ports (IFLA_BRPORT_*).
    BridgeSlave(NestedList<'a, BrPortAttrs>),
    /// `bond` slaves (IFLA_BOND_SLAVE_*).
    BondSlave(NestedList<'a, BondSlaveAttrs>),
    /// `vrf` ports (IFLA_VRF_PORT_*).
    VrfSlave(NestedList<'a, VrfPortAttrs>),
    /// Another master kind: raw.
    Other(NestedList<'a, RawAttrs>),
}

impl<'a> SlaveData<'a> {
    /// Chooses the set by the slave kind.
    pub fn new(slave_kind: &str, data: NestedList<'a, RawAttrs>) -> Self {
        let f = data.has_nested_flag();
        match slave_kind {
            "bridge" => SlaveData::BridgeSlave(NestedList::new(data.raw(), f)),
            "bond" => SlaveData::BondSlave(NestedList::new(data.raw(), f)),
            "vrf" => SlaveData::VrfSlave(NestedList::new(data.raw(), f)),
            _ => SlaveData::Other(data),
        }
    }
}

fn describe_slave_data(kind: &str, iter: AttrIter<'_>, ctx: &Ctx, out: &mut dyn Visitor) {
    match kind {
        "bridge" => BrPortAttrs::describe_list(iter, ctx, out),
        "bond" => BondSlaveAttrs::describe_list(iter, ctx, out),
        "vrf" => VrfPortAttrs::describe_list(iter, ctx, out),
        _ => RawAttrs::describe_list(iter, ctx, out),
    }
}

/// A typed view of IFLA_LINKINFO: kind, data chosen by kind, slave kind and data.
#[derive(Debug, Clone)]
pub struct LinkInfo<'a> {
    idx: LinkInfoIndex<'a>,
}

impl<'a> LinkInfo<'a> {
    /// Indexes the IFLA_INFO_* list.
    #[inline]
    pub fn new(iter: AttrIter<'a>) -> Result<Self, Error> {
        Ok(LinkInfo {
            idx: LinkInfoIndex::new(iter)?,
        })
    }
    /// The index of IFLA_INFO_* attributes.
    pub fn index(&self) -> &LinkInfoIndex<'a> {
        &self.idx
    }
    /// IFLA_INFO_KIND.
    pub fn kind(&self) -> Result<Option<&'a str>, Error> {
        self.idx.kind()
    }
    /// IFLA_INFO_SLAVE_KIND.
    pub fn slave_kind(&self) -> Result<Option<&'a str>, Error> {
        self.idx.slave_kind()
    }
    /// IFLA_INFO_DATA, typed by IFLA_INFO_KIND (raw when the kind is unknown or absent).
    pub fn data(&self) -> Result<Option<InfoData<'a>>, Error> {
        let Some(d) = self.idx.data()? else {
            return Ok(None);
        };
        let kind = self.kind()?.unwrap_or("");
        Ok(Some(InfoData::new(kind, d)))
    }
    /// IFLA_INFO_SLAVE_DATA, typed by IFLA_INFO_SLAVE_KIND.
    pub fn slave_data(&self) -> Result<Option<SlaveData<'a>>, Error> {
        let Some(d) = self.idx.slave_data()? else {
            return Ok(None);
        };
        let kind = self.slave_kind()?.unwrap_or("");
        Ok(Some(SlaveData::new(kind, d)))
    }
}

/// VETH_INFO_PEER: the peer's `struct ifinfomsg` followed by its IFLA_* attributes
/// (pyroute2's `ifinfveth`). Sent in RTM_NEWLINK requests; the kernel does not dump it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct VethPeer<'a> {
    hdr: IfInfoMsg,
    attrs: &'a [u8],
    base: usize,
}

impl<'a> VethPeer<'a> {
    /// A peer made of a header and an encoded IFLA_* list (for building).
    pub fn new(hdr: IfInfoMsg, attrs: &'a [u8]) -> Self {
        VethPeer {
            hdr,
            attrs,
            base: 0,
        }
    }
    /// The peer's `struct ifinfomsg`.
    pub fn header(&self) -> &IfInfoMsg {
        &self.hdr
    }
    /// The peer's raw IFLA_* attributes.
    pub fn raw_attrs(&self) -> AttrIter<'a> {
        AttrIter::with_base(self.attrs, self.base)
    }
    /// The peer's attributes, typed.
    pub fn attrs(&self) -> impl Iterator<Item = Result<super::LinkAttr<'a>, Error>> + use<'a> {
        self.raw_attrs()
            .map(|a| a.and_then(super::LinkAttr::decode))
    }
    /// The peer's attribute index.
    pub fn index(&self) -> Result<super::LinkIndex<'a>, Error> {
        super::LinkIndex::new(self.raw_attrs())
    }
}

impl<'a> NlaValue<'a> for VethPeer<'a> {
    fn decode(attr: &Attr<'a>) -> Result<Self, Error> {
        let p = attr.payload();
        let (Some(h), Some(rest)) = (p.get(..IfInfoMsg::SIZE), p.get(IfInfoMsg::SIZE..)) else {
            return Err(attr.error(ErrorKind::BadAttrLen {
                expected: IfInfoMsg::SIZE as u16,
                got: p.len() as u16,
            }));
        };
        Ok(VethPeer {
            hdr: crate::nl::attr::read_prefix(h),
            attrs: rest,
            base: attr.offset() + NLA_HDRLEN + IfInfoMsg::SIZE,
        })
    }
    /// Written without NLA_F_NESTED (the payload starts with a struct, as iproute2 and
    /// pyroute2 write it).
    fn encode<W: NlaWriter + ?Sized>(&self, w: &mut W, ty: u16) -> Result<(), Error> {
        use zerocopy::IntoBytes;
        w.put_parts(ty, &[self.hdr.as_bytes(), self.attrs])
    }
    fn describe(&self, ctx: &Ctx, out: &mut dyn Visitor) {
        let Some(c) = ctx.deeper() else {
            return out.scalar(Scalar::Error(Error::new(ErrorKind::TooDeep, self.base)));
        };
        out.begin_object();
        out.key("ifinfomsg");
        self.hdr.describe_named(out);
        out.key("attrs");
        LinkAttrs::describe_list(self.raw_attrs(), &c, out);
        out.end_object();
    }
}

value_kind!(
    /// Table kind of VETH_INFO_PEER ([`VethPeer`]).
    VethPeerKind => VethPeer
);

nla_set! {
    /// VETH_INFO_* (`linux/veth.h`), IFLA_INFO_DATA of kind `veth`.
    pub struct VethAttrs, enum VethAttr, index VethIndex;
    /// The peer: `struct ifinfomsg` + IFLA_* attributes.
    VETH_INFO_PEER = 1 => Peer(peer): VethPeerKind,
}

/// Opens VETH_INFO_PEER in an IFLA_INFO_DATA nest and writes the peer's header; add the
/// peer's IFLA_* attributes, then close it with `nest_end`.
pub fn veth_peer_start<W: NlaWriter + ?Sized>(
    w: &mut W,
    hdr: &IfInfoMsg,
) -> Result<crate::nl::Nest, Error> {
    let n = w.nest_start_raw(VETH_INFO_PEER)?;
    match w.append_struct(hdr) {
        Ok(()) => Ok(n),
        Err(e) => {
            w.nest_cancel(n);
            Err(e)
        }
    }
}

wire_struct! {
    /// `struct ifla_bridge_id`: bridge priority and address.
    pub struct IflaBridgeId {
        /// `prio`.
        prio: [u8; 2],
        /// `addr`.
        addr: [u8; 6],
    }
}

wire_struct! {
    /// `struct br_boolopt_multi` (IFLA_BR_MULTI_BOOLOPT): BR_BOOLOPT_* values and mask.
    pub struct BrBoolOptMulti {
        /// `optval`.
        optval: u32,
        /// `optmask`.
        optmask: u32,
    }
}

nla_set! {
    /// BRIDGE_QUERIER_* (nested in IFLA_BR_MCAST_QUERIER_STATE).
    pub struct BridgeQuerierAttrs, enum BridgeQuerierAttr, index BridgeQuerierIndex;
    /// IPv4 querier address.
    BRIDGE_QUERIER_IP_ADDRESS = 1 => IpAddress(ip_address): Ipv4,
    /// IPv4 querier port ifindex.
    BRIDGE_QUERIER_IP_PORT = 2 => IpPort(ip_port): U32,
    /// IPv4 other-querier timer.
    BRIDGE_QUERIER_IP_OTHER_TIMER = 3 => IpOtherTimer(ip_other_timer): U64,
    /// Padding.
    BRIDGE_QUERIER_PAD = 4 => Pad(pad): Bytes,
    /// IPv6 querier address.
    BRIDGE_QUERIER_IPV6_ADDRESS = 5 => Ipv6Address(ipv6_address): Ipv6,
    /// IPv6 querier port ifindex.
    BRIDGE_QUERIER_IPV6_PORT = 6 => Ipv6Port(ipv6_port): U32,
    /// IPv6 other-querier timer.
    BRIDGE_QUERIER_IPV6_OTHER_TIMER = 7 => Ipv6OtherTimer(ipv6_other_timer): U64,
}

nla_set! {
    /// IFLA_BR_* (IFLA_INFO_DATA of kind `bridge`). Times are in centiseconds (clock_t).
    pub struct BridgeAttrs, enum BridgeAttr, index BridgeIndex;
    /// Forward delay.
    IFLA_BR_FORWARD_DELAY = 1 => ForwardDelay(forward_delay): U32,
    /// Hello time.
    IFLA_BR_HELLO_TIME = 2 => HelloTime(hello_time): U32,
    /// Max age.
    IFLA_BR_MAX_AGE = 3 => MaxAge(max_age): U32,
    /// FDB ageing time.
    IFLA_BR_AGEING_TIME = 4 => AgeingTime(ageing_time): U32,
    /// STP state (0 off, 1 kernel, 2 user).
    IFLA_BR_STP_STATE = 5 => StpState(stp_state): U32,
    /// Bridge priority.
    IFLA_BR_PRIORITY = 6 => Priority(priority): U16,
    /// VLAN filtering on.
    IFLA_BR_VLAN_FILTERING = 7 => VlanFiltering(vlan_filtering): U8,
    /// VLAN protocol (ethertype, network order).
    IFLA_BR_VLAN_PROTOCOL = 8 => VlanProtocol(vlan_protocol): Be16,
    /// Group forward mask.
    IFLA_BR_GROUP_FWD_MASK = 9 => GroupFwdMask(group_fwd_mask): U16,
    /// Root bridge id.
    IFLA_BR_ROOT_ID = 10 => RootId(root_id): Wire<IflaBridgeId>,
    /// This bridge's id.
    IFLA_BR_BRIDGE_ID = 11 => BridgeId(bridge_id): Wire<IflaBridgeId>,
    /// Root port.
    IFLA_BR_ROOT_PORT = 12 => RootPort(root_port): U16,
    /// Root path cost.
    IFLA_BR_ROOT_PATH_COST = 13 => RootPathCost(root_path_cost): U32,
    /// Topology change.
    IFLA_BR_TOPOLOGY_CHANGE = 14 => TopologyChange(topology_change): U8,
    /// Topology change detected.
    IFLA_BR_TOPOLOGY_CHANGE_DETECTED = 15 => TopologyChangeDetected(topology_change_detected): U8,
    /// Hello timer.
    IFLA_BR_HELLO_TIMER = 16 => HelloTimer(hello_timer): U64,
    /// TCN timer.
    IFLA_BR_TCN_TIMER = 17 => TcnTimer(tcn_timer): U64,
    /// Topology change timer.
    IFLA_BR_TOPOLOGY_CHANGE_TIMER = 18 => TopologyChangeTimer(topology_change_timer): U64,
    /// GC timer.
    IFLA_BR_GC_TIMER = 19 => GcTimer(gc_timer): U64,
    /// STP group address.
    IFLA_BR_GROUP_ADDR = 20 => GroupAddr(group_addr): LlAddr,
    /// Flush the FDB (request).
    IFLA_BR_FDB_FLUSH = 21 => FdbFlush(fdb_flush): Flag,
    /// Multicast router mode.
    IFLA_BR_MCAST_ROUTER = 22 => McastRouter(mcast_router): U8,
    /// Multicast snooping.
    IFLA_BR_MCAST_SNOOPING = 23 => McastSnooping(mcast_snooping): U8,
    /// Use interface address for queries.
    IFLA_BR_MCAST_QUERY_USE_IFADDR = 24 => McastQueryUseIfaddr(mcast_query_use_ifaddr): U8,
    /// Multicast querier.
    IFLA_BR_MCAST_QUERIER = 25 => McastQuerier(mcast_querier): U8,
    /// Hash elasticity (obsolete).
    IFLA_BR_MCAST_HASH_ELASTICITY = 26 => McastHashElasticity(mcast_hash_elasticity): U32,
    /// Hash max.
    IFLA_BR_MCAST_HASH_MAX = 27 => McastHashMax(mcast_hash_max): U32,
    /// Last member count.
    IFLA_BR_MCAST_LAST_MEMBER_CNT = 28 => McastLastMemberCnt(mcast_last_member_cnt): U32,
    /// Startup query count.
    IFLA_BR_MCAST_STARTUP_QUERY_CNT = 29 => McastStartupQueryCnt(mcast_startup_query_cnt): U32,
    /// Last member interval.
    IFLA_BR_MCAST_LAST_MEMBER_INTVL = 30 => McastLastMemberIntvl(mcast_last_member_intvl): U64,
    /// Membership interval.
    IFLA_BR_MCAST_MEMBERSHIP_INTVL = 31 => McastMembershipIntvl(mcast_membership_intvl): U64,
    /// Querier interval.
    IFLA_BR_MCAST_QUERIER_INTVL = 32 => McastQuerierIntvl(mcast_querier_intvl): U64,
    /// Query interval.
    IFLA_BR_MCAST_QUERY_INTVL = 33 => McastQueryIntvl(mcast_query_intvl): U64,
    /// Query response interval.
    IFLA_BR_MCAST_QUERY_RESPONSE_INTVL = 34 => McastQueryResponseIntvl(mcast_query_response_intvl): U64,
    /// Startup query interval.
    IFLA_BR_MCAST_STARTUP_QUERY_INTVL = 35 => McastStartupQueryIntvl(mcast_startup_query_intvl): U64,
    /// Call iptables.
    IFLA_BR_NF_CALL_IPTABLES = 36 => NfCallIptables(nf_call_iptables): U8,
    /// Call ip6tables.
    IFLA_BR_NF_CALL_IP6TABLES = 37 => NfCallIp6tables(nf_call_ip6tables): U8,
    /// Call arptables.
    IFLA_BR_NF_CALL_ARPTABLES = 38 => NfCallArptables(nf_call_arptables): U8,
    /// Default PVID.
    IFLA_BR_VLAN_DEFAULT_PVID = 39 => VlanDefaultPvid(vlan_default_pvid): U16,
    /// Padding.
    IFLA_BR_PAD = 40 => Pad(pad): Bytes,
    /// Per-VLAN stats.
    IFLA_BR_VLAN_STATS_ENABLED = 41 => VlanStatsEnabled(vlan_stats_enabled): U8,
    /// Multicast stats.
    IFLA_BR_MCAST_STATS_ENABLED = 42 => McastStatsEnabled(mcast_stats_enabled): U8,
    /// IGMP version.
    IFLA_BR_MCAST_IGMP_VERSION = 43 => McastIgmpVersion(mcast_igmp_version): U8,
    /// MLD version.
    IFLA_BR_MCAST_MLD_VERSION = 44 => McastMldVersion(mcast_mld_version): U8,
    /// Per-port VLAN stats.
    IFLA_BR_VLAN_STATS_PER_PORT = 45 => VlanStatsPerPort(vlan_stats_per_port): U8,
    /// Boolean options (`struct br_boolopt_multi`).
    IFLA_BR_MULTI_BOOLOPT = 46 => MultiBoolopt(multi_boolopt): Wire<BrBoolOptMulti>,
    /// Querier state (BRIDGE_QUERIER_*).
    IFLA_BR_MCAST_QUERIER_STATE = 47 => McastQuerierState(mcast_querier_state): NestedKeep<BridgeQuerierAttrs>,
    /// Learned FDB entries (newer than the installed header).
    IFLA_BR_FDB_N_LEARNED = 48 => FdbNLearned(fdb_n_learned): U32,
    /// Max learned FDB entries (newer than the installed header).
    IFLA_BR_FDB_MAX_LEARNED = 49 => FdbMaxLearned(fdb_max_learned): U32,
}

nla_set! {
    /// IFLA_BRPORT_* (IFLA_INFO_SLAVE_DATA of slave kind `bridge`, and IFLA_PROTINFO of
    /// AF_BRIDGE link messages).
    pub struct BrPortAttrs, enum BrPortAttr, index BrPortIndex;
    /// STP port state (BR_STATE_*).
    IFLA_BRPORT_STATE = 1 => State(state): U8,
    /// Port priority.
    IFLA_BRPORT_PRIORITY = 2 => Priority(priority): U16,
    /// Path cost.
    IFLA_BRPORT_COST = 3 => Cost(cost): U32,
    /// Hairpin mode.
    IFLA_BRPORT_MODE = 4 => Mode(mode): U8,
    /// BPDU guard.
    IFLA_BRPORT_GUARD = 5 => Guard(guard): U8,
    /// Root port protection.
    IFLA_BRPORT_PROTECT = 6 => Protect(protect): U8,
    /// Multicast fast leave.
    IFLA_BRPORT_FAST_LEAVE = 7 => FastLeave(fast_leave): U8,
    /// MAC learning.
    IFLA_BRPORT_LEARNING = 8 => Learning(learning): U8,
    /// Unicast flooding.
    IFLA_BRPORT_UNICAST_FLOOD = 9 => UnicastFlood(unicast_flood): U8,
    /// Proxy ARP.
    IFLA_BRPORT_PROXYARP = 10 => ProxyArp(proxyarp): U8,
    /// Learning sync.
    IFLA_BRPORT_LEARNING_SYNC = 11 => LearningSync(learning_sync): U8,
    /// Proxy ARP for Wi-Fi.
    IFLA_BRPORT_PROXYARP_WIFI = 12 => ProxyArpWifi(proxyarp_wifi): U8,
    /// Root id.
    IFLA_BRPORT_ROOT_ID = 13 => RootId(root_id): Wire<IflaBridgeId>,
    /// Bridge id.
    IFLA_BRPORT_BRIDGE_ID = 14 => BridgeId(bridge_id): Wire<IflaBridgeId>,
    /// Designated port.
    IFLA_BRPORT_DESIGNATED_PORT = 15 => DesignatedPort(designated_port): U16,
    /// Designated cost.
    IFLA_BRPORT_DESIGNATED_COST = 16 => DesignatedCost(designated_cost): U16,
    /// Port id.
    IFLA_BRPORT_ID = 17 => Id(id): U16,
    /// Port number.
    IFLA_BRPORT_NO = 18 => No(no): U16,
    /// Topology change ack.
    IFLA_BRPORT_TOPOLOGY_CHANGE_ACK = 19 => TopologyChangeAck(topology_change_ack): U8,
    /// Config pending.
    IFLA_BRPORT_CONFIG_PENDING = 20 => ConfigPending(config_pending): U8,
    /// Message age timer.
    IFLA_BRPORT_MESSAGE_AGE_TIMER = 21 => MessageAgeTimer(message_age_timer): U64,
    /// Forward delay timer.
    IFLA_BRPORT_FORWARD_DELAY_TIMER = 22 => ForwardDelayTimer(forward_delay_timer): U64,
    /// Hold timer.
    IFLA_BRPORT_HOLD_TIMER = 23 => HoldTimer(hold_timer): U64,
    /// Flush the port's FDB (request).
    IFLA_BRPORT_FLUSH = 24 => Flush(flush): Flag,
    /// Multicast router mode.
    IFLA_BRPORT_MULTICAST_ROUTER = 25 => MulticastRouter(multicast_router): U8,
    /// Padding.
    IFLA_BRPORT_PAD = 26 => Pad(pad): Bytes,
    /// Multicast flooding.
    IFLA_BRPORT_MCAST_FLOOD = 27 => McastFlood(mcast_flood): U8,
    /// Multicast to unicast.
    IFLA_BRPORT_MCAST_TO_UCAST = 28 => McastToUcast(mcast_to_ucast): U8,
    /// VLAN tunnel.
    IFLA_BRPORT_VLAN_TUNNEL = 29 => VlanTunnel(vlan_tunnel): U8,
    /// Broadcast flooding.
    IFLA_BRPORT_BCAST_FLOOD = 30 => BcastFlood(bcast_flood): U8,
    /// Group forward mask.
    IFLA_BRPORT_GROUP_FWD_MASK = 31 => GroupFwdMask(group_fwd_mask): U16,
    /// Neighbour suppression.
    IFLA_BRPORT_NEIGH_SUPPRESS = 32 => NeighSuppress(neigh_suppress): U8,
    /// Isolated.
    IFLA_BRPORT_ISOLATED = 33 => Isolated(isolated): U8,
    /// Backup port ifindex.
    IFLA_BRPORT_BACKUP_PORT = 34 => BackupPort(backup_port): U32,
    /// MRP ring open.
    IFLA_BRPORT_MRP_RING_OPEN = 35 => MrpRingOpen(mrp_ring_open): U8,
    /// MRP interconnect open.
    IFLA_BRPORT_MRP_IN_OPEN = 36 => MrpInOpen(mrp_in_open): U8,
    /// EHT hosts limit.
    IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT = 37 => McastEhtHostsLimit(mcast_eht_hosts_limit): U32,
    /// EHT hosts count.
    IFLA_BRPORT_MCAST_EHT_HOSTS_CNT = 38 => McastEhtHostsCnt(mcast_eht_hosts_cnt): U32,
    /// Locked port.
    IFLA_BRPORT_LOCKED = 39 => Locked(locked): U8,
    /// MAC authentication bypass (newer than the installed header).
    IFLA_BRPORT_MAB = 40 => Mab(mab): U8,
    /// Multicast groups (newer than the installed header).
    IFLA_BRPORT_MCAST_N_GROUPS = 41 => McastNGroups(mcast_n_groups): U32,
    /// Max multicast groups (newer than the installed header).
    IFLA_BRPORT_MCAST_MAX_GROUPS = 42 => McastMaxGroups(mcast_max_groups): U32,
    /// Per-VLAN neighbour suppression (newer than the installed header).
    IFLA_BRPORT_NEIGH_VLAN_SUPPRESS = 43 => NeighVlanSuppress(neigh_vlan_suppress): U8,
    /// Backup nexthop id (newer than the installed header).
    IFLA_BRPORT_BACKUP_NHID = 44 => BackupNhid(backup_nhid): U32,
}

wire_struct! {
    /// `struct ifla_vlan_flags` (IFLA_VLAN_FLAGS).
    pub struct IflaVlanFlags {
        /// `flags`.
        flags: u32,
        /// `mask`.
        mask: u32,
    }
}

wire_struct! {
    /// `struct ifla_vlan_qos_mapping` (IFLA_VLAN_QOS_MAPPING).
    pub struct IflaVlanQosMapping {
        /// `from`.
        from: u32,
        /// `to`.
        to: u32,
    }
}

nla_set! {
    /// IFLA_VLAN_QOS_* (nested in IFLA_VLAN_EGRESS_QOS / IFLA_VLAN_INGRESS_QOS).
    pub struct VlanQosAttrs, enum VlanQosAttr, index VlanQosIndex;
    /// One priority mapping.
    IFLA_VLAN_QOS_MAPPING = 1 => Mapping(mapping): Wire<IflaVlanQosMapping>,
}

nla_set! {
    /// IFLA_VLAN_* (IFLA_INFO_DATA of kind `vlan`).
    pub struct VlanAttrs, enum VlanAttr, index VlanIndex;
    /// VLAN id.
    IFLA_VLAN_ID = 1 => Id(id): U16,
    /// VLAN_FLAG_* flags and mask.
    IFLA_VLAN_FLAGS = 2 => Flags(flags): Wire<IflaVlanFlags>,
    /// Egress skb priority -> 802.1p mappings.
    IFLA_VLAN_EGRESS_QOS = 3 => EgressQos(egress_qos): NestedKeep<VlanQosAttrs>,
    /// Ingress 802.1p -> skb priority mappings.
    IFLA_VLAN_INGRESS_QOS = 4 => IngressQos(ingress_qos): NestedKeep<VlanQosAttrs>,
    /// VLAN protocol (ETH_P_8021Q / ETH_P_8021AD, network order).
    IFLA_VLAN_PROTOCOL = 5 => Protocol(protocol): Be16,
}

wire_struct! {
    /// `struct ifla_vxlan_port_range` (IFLA_VXLAN_PORT_RANGE), network order.
    pub struct IflaVxlanPortRange {
        /// `low`.
        low: be16,
        /// `high`.
        high: be16,
    }
}

nla_set! {
    /// IFLA_VXLAN_* (IFLA_INFO_DATA of kind `vxlan`).
    ///
    /// IFLA_VXLAN_TTL_INHERIT is a flag in requests but the kernel dumps it as a u8; it
    /// is typed as the dump has it.
    pub struct VxlanAttrs, enum VxlanAttr, index VxlanIndex;
    /// VNI.
    IFLA_VXLAN_ID = 1 => Id(id): U32,
    /// IPv4 multicast group or remote.
    IFLA_VXLAN_GROUP = 2 => Group(group): Ipv4,
    /// Underlay device ifindex.
    IFLA_VXLAN_LINK = 3 => Link(link): U32,
    /// IPv4 local address.
    IFLA_VXLAN_LOCAL = 4 => Local(local): Ipv4,
    /// TTL.
    IFLA_VXLAN_TTL = 5 => Ttl(ttl): U8,
    /// TOS.
    IFLA_VXLAN_TOS = 6 => Tos(tos): U8,
    /// Learning.
    IFLA_VXLAN_LEARNING = 7 => Learning(learning): U8,
    /// FDB ageing, seconds.
    IFLA_VXLAN_AGEING = 8 => Ageing(ageing): U32,
    /// FDB limit.
    IFLA_VXLAN_LIMIT = 9 => Limit(limit): U32,
    /// Source port range.
    IFLA_VXLAN_PORT_RANGE = 10 => PortRange(port_range): Wire<IflaVxlanPortRange>,
    /// ARP/ND proxy.
    IFLA_VXLAN_PROXY = 11 => Proxy(proxy): U8,
    /// Route short circuit.
    IFLA_VXLAN_RSC = 12 => Rsc(rsc): U8,
    /// L2 miss notifications.
    IFLA_VXLAN_L2MISS = 13 => L2Miss(l2miss): U8,
    /// L3 miss notifications.
    IFLA_VXLAN_L3MISS = 14 => L3Miss(l3miss): U8,
    /// Destination UDP port (network order).
    IFLA_VXLAN_PORT = 15 => Port(port): Be16,
    /// IPv6 group or remote.
    IFLA_VXLAN_GROUP6 = 16 => Group6(group6): Ipv6,
    /// IPv6 local address.
    IFLA_VXLAN_LOCAL6 = 17 => Local6(local6): Ipv6,
    /// UDP checksum.
    IFLA_VXLAN_UDP_CSUM = 18 => UdpCsum(udp_csum): U8,
    /// Zero UDP checksum on IPv6 transmit.
    IFLA_VXLAN_UDP_ZERO_CSUM6_TX = 19 => UdpZeroCsum6Tx(udp_zero_csum6_tx): U8,
    /// Accept zero UDP checksum on IPv6 receive.
    IFLA_VXLAN_UDP_ZERO_CSUM6_RX = 20 => UdpZeroCsum6Rx(udp_zero_csum6_rx): U8,
    /// Remote checksum offload transmit.
    IFLA_VXLAN_REMCSUM_TX = 21 => RemcsumTx(remcsum_tx): U8,
    /// Remote checksum offload receive.
    IFLA_VXLAN_REMCSUM_RX = 22 => RemcsumRx(remcsum_rx): U8,
    /// Group policy extension.
    IFLA_VXLAN_GBP = 23 => Gbp(gbp): Flag,
    /// No partial remote checksum.
    IFLA_VXLAN_REMCSUM_NOPARTIAL = 24 => RemcsumNopartial(remcsum_nopartial): Flag,
    /// Collect metadata (external).
    IFLA_VXLAN_COLLECT_METADATA = 25 => CollectMetadata(collect_metadata): U8,
    /// Flow label (network order).
    IFLA_VXLAN_LABEL = 26 => Label(label): Be32,
    /// Generic protocol extension.
    IFLA_VXLAN_GPE = 27 => Gpe(gpe): Flag,
    /// Inherit TTL (u8 in dumps).
    IFLA_VXLAN_TTL_INHERIT = 28 => TtlInherit(ttl_inherit): U8,
    /// Don't-fragment policy (VXLAN_DF_*).
    IFLA_VXLAN_DF = 29 => Df(df): U8,
    /// VNI filtering.
    IFLA_VXLAN_VNIFILTER = 30 => VniFilter(vnifilter): U8,
    /// Local bypass (newer than the installed header).
    IFLA_VXLAN_LOCALBYPASS = 31 => LocalBypass(localbypass): U8,
    /// Flow label policy (newer than the installed header).
    IFLA_VXLAN_LABEL_POLICY = 32 => LabelPolicy(label_policy): U32,
    /// Reserved header bits allowed (newer than the installed header).
    IFLA_VXLAN_RESERVED_BITS = 33 => ReservedBits(reserved_bits): Bytes,
}

nla_set! {
    /// IFLA_MACVLAN_* (IFLA_INFO_DATA of kinds `macvlan` and `macvtap`). The list in
    /// IFLA_MACVLAN_MACADDR_DATA holds IFLA_MACVLAN_MACADDR entries of this same set.
    pub struct MacvlanAttrs, enum MacvlanAttr, index MacvlanIndex;
    /// MACVLAN_MODE_*.
    IFLA_MACVLAN_MODE = 1 => Mode(mode): U32,
    /// MACVLAN_FLAG_*.
    IFLA_MACVLAN_FLAGS = 2 => Flags(flags): U16,
    /// MACVLAN_MACADDR_* operation (requests).
    IFLA_MACVLAN_MACADDR_MODE = 3 => MacaddrMode(macaddr_mode): U32,
    /// One source MAC address.
    IFLA_MACVLAN_MACADDR = 4 => Macaddr(macaddr): Mac,
    /// List of IFLA_MACVLAN_MACADDR.
    IFLA_MACVLAN_MACADDR_DATA = 5 => MacaddrData(macaddr_data): NestedKeep<MacvlanAttrs>,
    /// Number of source MAC addresses.
    IFLA_MACVLAN_MACADDR_COUNT = 6 => MacaddrCount(macaddr_count): U32,
    /// Broadcast queue length.
    IFLA_MACVLAN_BC_QUEUE_LEN = 7 => BcQueueLen(bc_queue_len): U32,
    /// Broadcast queue length in use.
    IFLA_MACVLAN_BC_QUEUE_LEN_USED = 8 => BcQueueLenUsed(bc_queue_len_used): U32,
    /// Broadcast cutoff (newer than the installed header).
    IFLA_MACVLAN_BC_CUTOFF = 9 => BcCutoff(bc_cutoff): I32,
}

named_consts! {
    /// The kernel name of a MACVLAN_MODE_* value.
    pub fn macvlan_mode_name(u32);
    MACVLAN_MODE_PRIVATE = 1, MACVLAN_MODE_VEPA = 2, MACVLAN_MODE_BRIDGE = 4,
    MACVLAN_MODE_PASSTHRU = 8, MACVLAN_MODE_SOURCE = 16,
}

nla_set! {
    /// IFLA_IPVLAN_* (IFLA_INFO_DATA of kinds `ipvlan` and `ipvtap`).
    pub struct IpvlanAttrs, enum IpvlanAttr, index IpvlanIndex;
    /// IPVLAN_MODE_* (L2 0, L3 1, L3S 2).
    IFLA_IPVLAN_MODE = 1 => Mode(mode): U16,
    /// IPVLAN_F_* flags.
    IFLA_IPVLAN_FLAGS = 2 => Flags(flags): U16,
}

/// A list of addresses nested under index-numbered attributes (IFLA_BOND_ARP_IP_TARGET,
/// IFLA_BOND_NS_IP6_TARGET): each entry's payload is an IPv4 or IPv6 address.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AddrList<'a> {
    list: NestedList<'a, RawAttrs>,
}

impl<'a> AddrList<'a> {
    /// The addresses in order (an entry of a wrong size is an error for itself).
    pub fn iter(&self) -> impl Iterator<Item = Result<IpAddr, Error>> + use<'a> {
        self.list.raw().map(|a| a.and_then(|a| a.as_ip()))
    }
}

impl<'a> NlaValue<'a> for AddrList<'a> {
    fn decode(attr: &Attr<'a>) -> Result<Self, Error> {
        Ok(AddrList {
            list: NestedList::new(attr.nested(), attr.is_nested()),
        })
    }
    fn encode<W: NlaWriter + ?Sized>(&self, w: &mut W, ty: u16) -> Result<(), Error> {
        <NestedKeep<RawAttrs> as crate::nl::attr::Kind<'a>>::encode(w, ty, &self.list)
    }
    fn describe(&self, _: &Ctx, out: &mut dyn Visitor) {
        out.begin_list();
        for a in self.iter() {
            match a {
                Ok(ip) => out.scalar(Scalar::Ip(ip)),
                Err(e) => out.scalar(Scalar::Error(e)),
            }
        }
        out.end_list();
    }
}

value_kind!(
    /// Table kind of [`AddrList`].
    AddrListKind => AddrList
);

nla_set! {
    /// IFLA_BOND_AD_INFO_* (nested in IFLA_BOND_AD_INFO).
    pub struct BondAdInfoAttrs, enum BondAdInfoAttr, index BondAdInfoIndex;
    /// Aggregator id.
    IFLA_BOND_AD_INFO_AGGREGATOR = 1 => Aggregator(aggregator): U16,
    /// Number of ports.
    IFLA_BOND_AD_INFO_NUM_PORTS = 2 => NumPorts(num_ports): U16,
    /// Actor key.
    IFLA_BOND_AD_INFO_ACTOR_KEY = 3 => ActorKey(actor_key): U16,
    /// Partner key.
    IFLA_BOND_AD_INFO_PARTNER_KEY = 4 => PartnerKey(partner_key): U16,
    /// Partner MAC.
    IFLA_BOND_AD_INFO_PARTNER_MAC = 5 => PartnerMac(partner_mac): Mac,
}

nla_set! {
    /// IFLA_BOND_* (IFLA_INFO_DATA of kind `bond`).
    pub struct BondAttrs, enum BondAttr, index BondIndex;
    /// Bonding mode (BOND_MODE_*).
    IFLA_BOND_MODE = 1 => Mode(mode): U8,
    /// Active slave ifindex.
    IFLA_BOND_ACTIVE_SLAVE = 2 => ActiveSlave(active_slave): U32,
    /// MII monitor interval, ms.
    IFLA_BOND_MIIMON = 3 => Miimon(miimon): U32,
    /// Up delay, ms.
    IFLA_BOND_UPDELAY = 4 => Updelay(updelay): U32,
    /// Down delay, ms.
    IFLA_BOND_DOWNDELAY = 5 => Downdelay(downdelay): U32,
    /// Use carrier.
    IFLA_BOND_USE_CARRIER = 6 => UseCarrier(use_carrier): U8,
    /// ARP interval, ms.
    IFLA_BOND_ARP_INTERVAL = 7 => ArpInterval(arp_interval): U32,
    /// ARP targets (IPv4 addresses).
    IFLA_BOND_ARP_IP_TARGET = 8 => ArpIpTarget(arp_ip_target): AddrListKind,
    /// ARP validate.
    IFLA_BOND_ARP_VALIDATE = 9 => ArpValidate(arp_validate): U32,
    /// ARP all targets.
    IFLA_BOND_ARP_ALL_TARGETS = 10 => ArpAllTargets(arp_all_targets): U32,
    /// Primary slave ifindex.
    IFLA_BOND_PRIMARY = 11 => Primary(primary): U32,
    /// Primary reselect.
    IFLA_BOND_PRIMARY_RESELECT = 12 => PrimaryReselect(primary_reselect): U8,
    /// Fail over MAC policy.
    IFLA_BOND_FAIL_OVER_MAC = 13 => FailOverMac(fail_over_mac): U8,
    /// Transmit hash policy.
    IFLA_BOND_XMIT_HASH_POLICY = 14 => XmitHashPolicy(xmit_hash_policy): U8,
    /// Resend IGMP.
    IFLA_BOND_RESEND_IGMP = 15 => ResendIgmp(resend_igmp): U32,
    /// Peer notifications.
    IFLA_BOND_NUM_PEER_NOTIF = 16 => NumPeerNotif(num_peer_notif): U8,
    /// All slaves active.
    IFLA_BOND_ALL_SLAVES_ACTIVE = 17 => AllSlavesActive(all_slaves_active): U8,
    /// Min links.
    IFLA_BOND_MIN_LINKS = 18 => MinLinks(min_links): U32,
    /// LP interval.
    IFLA_BOND_LP_INTERVAL = 19 => LpInterval(lp_interval): U32,
    /// Packets per slave.
    IFLA_BOND_PACKETS_PER_SLAVE = 20 => PacketsPerSlave(packets_per_slave): U32,
    /// LACP rate.
    IFLA_BOND_AD_LACP_RATE = 21 => AdLacpRate(ad_lacp_rate): U8,
    /// Aggregator selection.
    IFLA_BOND_AD_SELECT = 22 => AdSelect(ad_select): U8,
    /// 802.3ad info.
    IFLA_BOND_AD_INFO = 23 => AdInfo(ad_info): NestedKeep<BondAdInfoAttrs>,
    /// Actor system priority.
    IFLA_BOND_AD_ACTOR_SYS_PRIO = 24 => AdActorSysPrio(ad_actor_sys_prio): U16,
    /// User port key.
    IFLA_BOND_AD_USER_PORT_KEY = 25 => AdUserPortKey(ad_user_port_key): U16,
    /// Actor system MAC.
    IFLA_BOND_AD_ACTOR_SYSTEM = 26 => AdActorSystem(ad_actor_system): Mac,
    /// TLB dynamic LB.
    IFLA_BOND_TLB_DYNAMIC_LB = 27 => TlbDynamicLb(tlb_dynamic_lb): U8,
    /// Peer notification delay.
    IFLA_BOND_PEER_NOTIF_DELAY = 28 => PeerNotifDelay(peer_notif_delay): U32,
    /// LACP active.
    IFLA_BOND_AD_LACP_ACTIVE = 29 => AdLacpActive(ad_lacp_active): U8,
    /// Missed max.
    IFLA_BOND_MISSED_MAX = 30 => MissedMax(missed_max): U8,
    /// NS targets (IPv6 addresses).
    IFLA_BOND_NS_IP6_TARGET = 31 => NsIp6Target(ns_ip6_target): AddrListKind,
    /// Coupled control.
    IFLA_BOND_COUPLED_CONTROL = 32 => CoupledControl(coupled_control): U8,
}

nla_set! {
    /// IFLA_BOND_SLAVE_* (IFLA_INFO_SLAVE_DATA of slave kind `bond`).
    pub struct BondSlaveAttrs, enum BondSlaveAttr, index BondSlaveIndex;
    /// Slave state.
    IFLA_BOND_SLAVE_STATE = 1 => State(state): U8,
    /// MII status.
    IFLA_BOND_SLAVE_MII_STATUS = 2 => MiiStatus(mii_status): U8,
    /// Link failure count.
    IFLA_BOND_SLAVE_LINK_FAILURE_COUNT = 3 => LinkFailureCount(link_failure_count): U32,
    /// Permanent hardware address.
    IFLA_BOND_SLAVE_PERM_HWADDR = 4 => PermHwaddr(perm_hwaddr): LlAddr,
    /// Queue id.
    IFLA_BOND_SLAVE_QUEUE_ID = 5 => QueueId(queue_id): U16,
    /// Aggregator id.
    IFLA_BOND_SLAVE_AD_AGGREGATOR_ID = 6 => AdAggregatorId(ad_aggregator_id): U16,
    /// Actor oper port state.
    IFLA_BOND_SLAVE_AD_ACTOR_OPER_PORT_STATE = 7 => AdActorOperPortState(ad_actor_oper_port_state): U8,
    /// Partner oper port state.
    IFLA_BOND_SLAVE_AD_PARTNER_OPER_PORT_STATE = 8 => AdPartnerOperPortState(ad_partner_oper_port_state): U16,
    /// Slave priority.
    IFLA_BOND_SLAVE_PRIO = 9 => Prio(prio): I32,
    /// Actor port priority.
    IFLA_BOND_SLAVE_ACTOR_PORT_PRIO = 10 => ActorPortPrio(actor_port_prio): U16,
    /// Actor churn state.
    IFLA_BOND_SLAVE_AD_CHURN_ACTOR_STATE = 11 => AdChurnActorState(ad_churn_actor_state): U8,
    /// Partner churn state.
    IFLA_BOND_SLAVE_AD_CHURN_PARTNER_STATE = 12 => AdChurnPartnerState(ad_churn_partner_state): U8,
}

nla_set! {
    /// IFLA_GRE_* (`linux/if_tunnel.h`; IFLA_INFO_DATA of gre, gretap, ip6gre, ip6gretap,
    /// erspan, ip6erspan). Addresses are 4 or 16 bytes by kind.
    pub struct GreAttrs, enum GreAttr, index GreIndex;
    /// Underlay ifindex.
    IFLA_GRE_LINK = 1 => Link(link): U32,
    /// Input GRE flags (network order).
    IFLA_GRE_IFLAGS = 2 => IFlags(iflags): Be16,
    /// Output GRE flags (network order).
    IFLA_GRE_OFLAGS = 3 => OFlags(oflags): Be16,
    /// Input key.
    IFLA_GRE_IKEY = 4 => IKey(ikey): Be32,
    /// Output key.
    IFLA_GRE_OKEY = 5 => OKey(okey): Be32,
    /// Local address.
    IFLA_GRE_LOCAL = 6 => Local(local): Ip,
    /// Remote address.
    IFLA_GRE_REMOTE = 7 => Remote(remote): Ip,
    /// TTL.
    IFLA_GRE_TTL = 8 => Ttl(ttl): U8,
    /// TOS.
    IFLA_GRE_TOS = 9 => Tos(tos): U8,
    /// Path MTU discovery.
    IFLA_GRE_PMTUDISC = 10 => Pmtudisc(pmtudisc): U8,
    /// Encapsulation limit (ip6gre).
    IFLA_GRE_ENCAP_LIMIT = 11 => EncapLimit(encap_limit): U8,
    /// Flow info (ip6gre, network order).
    IFLA_GRE_FLOWINFO = 12 => FlowInfo(flowinfo): Be32,
    /// IP6_TNL_F_* flags (ip6gre).
    IFLA_GRE_FLAGS = 13 => Flags(flags): U32,
    /// TUNNEL_ENCAP_* type.
    IFLA_GRE_ENCAP_TYPE = 14 => EncapType(encap_type): U16,
    /// TUNNEL_ENCAP_FLAG_*.
    IFLA_GRE_ENCAP_FLAGS = 15 => EncapFlags(encap_flags): U16,
    /// Encapsulation source port (network order).
    IFLA_GRE_ENCAP_SPORT = 16 => EncapSport(encap_sport): Be16,
    /// Encapsulation destination port (network order).
    IFLA_GRE_ENCAP_DPORT = 17 => EncapDport(encap_dport): Be16,
    /// Collect metadata (external).
    IFLA_GRE_COLLECT_METADATA = 18 => CollectMetadata(collect_metadata): Flag,
    /// Ignore DF.
    IFLA_GRE_IGNORE_DF = 19 => IgnoreDf(ignore_df): U8,
    /// fwmark.
    IFLA_GRE_FWMARK = 20 => Fwmark(fwmark): U32,
    /// ERSPAN index.
    IFLA_GRE_ERSPAN_INDEX = 21 => ErspanIndex(erspan_index): U32,
    /// ERSPAN version.
    IFLA_GRE_ERSPAN_VER = 22 => ErspanVer(erspan_ver): U8,
    /// ERSPAN direction.
    IFLA_GRE_ERSPAN_DIR = 23 => ErspanDir(erspan_dir): U8,
    /// ERSPAN hardware id.
    IFLA_GRE_ERSPAN_HWID = 24 => ErspanHwid(erspan_hwid): U16,
}

nla_set! {
    /// IFLA_VTI_* (`linux/if_tunnel.h`; IFLA_INFO_DATA of vti and vti6).
    pub struct VtiAttrs, enum VtiAttr, index VtiIndex;
    /// Underlay ifindex.
    IFLA_VTI_LINK = 1 => Link(link): U32,
    /// Input key (network order).
    IFLA_VTI_IKEY = 2 => IKey(ikey): Be32,
    /// Output key (network order).
    IFLA_VTI_OKEY = 3 => OKey(okey): Be32,
    /// Local address (4 or 16 bytes).
    IFLA_VTI_LOCAL = 4 => Local(local): Ip,
    /// Remote address (4 or 16 bytes).
    IFLA_VTI_REMOTE = 5 => Remote(remote): Ip,
    /// fwmark.
    IFLA_VTI_FWMARK = 6 => Fwmark(fwmark): U32,
}

nla_set! {
    /// IFLA_VRF_* (IFLA_INFO_DATA of kind `vrf`).
    pub struct VrfAttrs, enum VrfAttr, index VrfIndex;
    /// Routing table id.
    IFLA_VRF_TABLE = 1 => Table(table): U32,
}

nla_set! {
    /// IFLA_VRF_PORT_* (IFLA_INFO_SLAVE_DATA of slave kind `vrf`).
    pub struct VrfPortAttrs, enum VrfPortAttr, index VrfPortIndex;
    /// Routing table id.
    IFLA_VRF_PORT_TABLE = 1 => Table(table): U32,
}

nla_set! {
    /// IFLA_TUN_* (IFLA_INFO_DATA of kind `tun`, for both tun and tap devices).
    pub struct TunAttrs, enum TunAttr, index TunIndex;
    /// Owner uid.
    IFLA_TUN_OWNER = 1 => Owner(owner): U32,
    /// Owner gid.
    IFLA_TUN_GROUP = 2 => Group(group): U32,
    /// IFF_TUN (1) or IFF_TAP (2).
    IFLA_TUN_TYPE = 3 => Type(tun_type): U8,
    /// Packet information header.
    IFLA_TUN_PI = 4 => Pi(pi): U8,
    /// vnet header.
    IFLA_TUN_VNET_HDR = 5 => VnetHdr(vnet_hdr): U8,
    /// Persistent.
    IFLA_TUN_PERSIST = 6 => Persist(persist): U8,
    /// Multi-queue.
    IFLA_TUN_MULTI_QUEUE = 7 => MultiQueue(multi_queue): U8,
    /// Number of queues.
    IFLA_TUN_NUM_QUEUES = 8 => NumQueues(num_queues): U32,
    /// Number of disabled queues.
    IFLA_TUN_NUM_DISABLED_QUEUES = 9 => NumDisabledQueues(num_disabled_queues): U32,
}

nla_set! {
    /// IFLA_GENEVE_* (IFLA_INFO_DATA of kind `geneve`).
    pub struct GeneveAttrs, enum GeneveAttr, index GeneveIndex;
    /// VNI.
    IFLA_GENEVE_ID = 1 => Id(id): U32,
    /// IPv4 remote.
    IFLA_GENEVE_REMOTE = 2 => Remote(remote): Ipv4,
    /// TTL.
    IFLA_GENEVE_TTL = 3 => Ttl(ttl): U8,
    /// TOS.
    IFLA_GENEVE_TOS = 4 => Tos(tos): U8,
    /// Destination UDP port (network order).
    IFLA_GENEVE_PORT = 5 => Port(port): Be16,
    /// Collect metadata (external).
    IFLA_GENEVE_COLLECT_METADATA = 6 => CollectMetadata(collect_metadata): Flag,
    /// IPv6 remote.
    IFLA_GENEVE_REMOTE6 = 7 => Remote6(remote6): Ipv6,
    /// UDP checksum.
    IFLA_GENEVE_UDP_CSUM = 8 => UdpCsum(udp_csum): U8,
    /// Zero UDP checksum on IPv6 transmit.
    IFLA_GENEVE_UDP_ZERO_CSUM6_TX = 9 => UdpZeroCsum6Tx(udp_zero_csum6_tx): U8,
    /// Accept zero UDP checksum on IPv6 receive.
    IFLA_GENEVE_UDP_ZERO_CSUM6_RX = 10 => UdpZeroCsum6Rx(udp_zero_csum6_rx): U8,
    /// Flow label (network order).
    IFLA_GENEVE_LABEL = 11 => Label(label): Be32,
    /// Inherit TTL.
    IFLA_GENEVE_TTL_INHERIT = 12 => TtlInherit(ttl_inherit): U8,
    /// Don't-fragment policy (GENEVE_DF_*).
    IFLA_GENEVE_DF = 13 => Df(df): U8,
    /// Inherit inner protocol.
    IFLA_GENEVE_INNER_PROTO_INHERIT = 14 => InnerProtoInherit(inner_proto_inherit): Flag,
}

/// Calls every typed accessor of a linkinfo view (fuzzing).
pub(crate) fn exercise(li: &LinkInfo<'_>) {
    let i = li.index();
    let _ = (i.kind(), i.xstats(), i.slave_kind());
    macro_rules! walk {
        ($n:expr) => {
            for a in $n.iter() {
                let _ = a;
            }
        };
    }
    if let Ok(Some(d)) = li.data() {
        match d {
            InfoData::Veth(n) => {
                for a in n.iter() {
                    if let Ok(VethAttr::Peer(p)) = a {
                        let _ = p.header();
                        if let Ok(idx) = p.index() {
                            let _ = (idx.ifname(), idx.mtu(), idx.address());
                        }
                        for a in p.attrs() {
                            let _ = a;
                        }
                    }
                }
            }
            InfoData::Bridge(n) => walk!(n),
            InfoData::Vlan(n) => {
                for a in n.iter() {
                    if let Ok(VlanAttr::EgressQos(q) | VlanAttr::IngressQos(q)) = a {
                        walk!(q);
                    }
                }
            }
            InfoData::Vxlan(n) => walk!(n),
            InfoData::Macvlan(n) => {
                for a in n.iter() {
                    if let Ok(MacvlanAttr::MacaddrData(q)) = a {
                        walk!(q);
                    }
                }
            }
            InfoData::Ipvlan(n) => walk!(n),
            InfoData::Bond(n) => {
                for a in n.iter() {
                    match a {
                        Ok(BondAttr::ArpIpTarget(l) | BondAttr::NsIp6Target(l)) => walk!(l),
                        Ok(BondAttr::AdInfo(q)) => walk!(q),
                        _ => {}
                    }
                }
            }
            InfoData::Gre(n) => walk!(n),
            InfoData::Vti(n) => walk!(n),
            InfoData::Vrf(n) => walk!(n),
            InfoData::Tun(n) => walk!(n),
            InfoData::Geneve(n) => walk!(n),
            InfoData::Other(n) => walk!(n),
        }
    }
    if let Ok(Some(s)) = li.slave_data() {
        match s {
            SlaveData::BridgeSlave(n) => walk!(n),
            SlaveData::BondSlave(n) => walk!(n),
            SlaveData::VrfSlave(n) => walk!(n),
            SlaveData::Other(n) => walk!(n),
        }
    }
}
