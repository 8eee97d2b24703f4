//! From codec views to the output rows of [`format`](super::format): what `ferroute
//! ... show` prints, read from the kernel's messages.
//!
//! Every field comes from a typed getter of the codec view; names of numbers come from
//! [`names`]. The whole-listing functions run one dump each (plus one link
//! dump for interface names) and keep the kernel's order.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::rc::Rc;

use ferroute_codec::rtnl::addr::AddrMsg;
use ferroute_codec::rtnl::consts::NestOf;
use ferroute_codec::rtnl::link::LinkMsg;
use ferroute_codec::rtnl::link::info as li;
use ferroute_codec::rtnl::link::info::{InfoData, MacvlanAttr, SlaveData, TunAttr, VxlanAttr};
use ferroute_codec::rtnl::neigh::NeighMsg;
use ferroute_codec::rtnl::route::{
    MetricsAttrs, Multipath, RTAX_CC_ALGO, RTAX_LOCK, RouteAttr, RouteMsg, RouteVisitor, RtAddr,
    RtVia, RtaCacheinfo,
};
use ferroute_codec::rtnl::rule::RuleMsg;
use ferroute_codec::rtnl::tc::action::{ActOptions, action_kind, action_options};
use ferroute_codec::rtnl::tc::build::tc_calc_xmitsize;
use ferroute_codec::rtnl::tc::{TcMessage, TcOptions};
use serde_json::Value;

use super::format::*;
use super::names;
use crate::error::Result;
use crate::iproute::{IPRoute, RouteFilter};

/// The links of this namespace: ifindex -> (name, is up), from one link dump. (A B-tree:
/// a listing looks a name up for every object, and small integer keys compare faster
/// than they hash.)
#[derive(Clone, Debug, Default)]
pub struct LinkNames {
    by_index: BTreeMap<u32, (Rc<str>, bool)>,
}

impl LinkNames {
    /// Reads every link of the namespace (one RTM_GETLINK dump).
    pub fn load(ipr: &mut IPRoute) -> Result<LinkNames> {
        let mut n = LinkNames::default();
        ipr.link_dump(|l| n.add(&l))?;
        Ok(n)
    }
    /// Records one link message.
    pub fn add(&mut self, l: &LinkMsg<'_>) {
        let name = l
            .index()
            .ok()
            .and_then(|i| i.ifname().ok().flatten())
            .unwrap_or("");
        let up = l.header().ifi_flags() & names::IFF_UP != 0;
        self.by_index.insert(l.ifindex() as u32, (name.into(), up));
    }
    /// Records a link by hand (for rows built from captured bytes).
    pub fn insert(&mut self, index: u32, name: &str, up: bool) {
        self.by_index.insert(index, (name.into(), up));
    }
    /// The name of link `index`.
    pub fn name(&self, index: u32) -> Option<&str> {
        self.by_index.get(&index).map(|(n, _)| &**n)
    }
    /// Whether link `index` is administratively up.
    pub fn is_up(&self, index: u32) -> Option<bool> {
        self.by_index.get(&index).map(|(_, u)| *u)
    }
    /// The ifindex of the link named `name`.
    pub fn index(&self, name: &str) -> Option<u32> {
        self.by_index
            .iter()
            .find(|(_, (n, _))| &**n == name)
            .map(|(i, _)| *i)
    }
    fn owned(&self, index: u32) -> Option<String> {
        self.shared(index).map(|n| n.to_string())
    }
    /// The name of link `index` (not 0), shared rather than copied: a route listing
    /// names a device for every route.
    fn shared(&self, index: u32) -> Option<Rc<str>> {
        (index != 0)
            .then(|| self.by_index.get(&index).map(|(n, _)| n.clone()))
            .flatten()
    }
}

fn link_stats(s: &ferroute_codec::rtnl::link::RtnlLinkStats64) -> LinkStats {
    LinkStats {
        rx_packets: s.rx_packets(),
        tx_packets: s.tx_packets(),
        rx_bytes: s.rx_bytes(),
        tx_bytes: s.tx_bytes(),
        rx_errors: s.rx_errors(),
        tx_errors: s.tx_errors(),
        rx_dropped: s.rx_dropped(),
        tx_dropped: s.tx_dropped(),
        multicast: s.multicast(),
        collisions: s.collisions(),
        rx_length_errors: s.rx_length_errors(),
        rx_over_errors: s.rx_over_errors(),
        rx_crc_errors: s.rx_crc_errors(),
        rx_frame_errors: s.rx_frame_errors(),
        rx_fifo_errors: s.rx_fifo_errors(),
        rx_missed_errors: s.rx_missed_errors(),
        tx_aborted_errors: s.tx_aborted_errors(),
        tx_carrier_errors: s.tx_carrier_errors(),
        tx_fifo_errors: s.tx_fifo_errors(),
        tx_heartbeat_errors: s.tx_heartbeat_errors(),
        tx_window_errors: s.tx_window_errors(),
        rx_compressed: s.rx_compressed(),
        tx_compressed: s.tx_compressed(),
        rx_nohandler: s.rx_nohandler(),
    }
}

/// IFLA_INET6_ADDR_GEN_MODE as `ip -d` spells it (IN6_ADDR_GEN_MODE_*).
const ADDR_GEN_MODES: names::NameTable = &[
    (0, "eui64"),
    (1, "none"),
    (2, "stable_secret"),
    (3, "random"),
];

/// IFLA_MACVLAN_MODE as `ip -d` spells it (MACVLAN_MODE_*).
const MACVLAN_MODES: names::NameTable = &[
    (1, "private"),
    (2, "vepa"),
    (4, "bridge"),
    (8, "passthru"),
    (16, "source"),
];

/// IFLA_LINKINFO as `ip -d` names it (typed kinds: vxlan, tun, macvlan/macvtap; others
/// keep only their kind).
fn link_info(info: &ferroute_codec::rtnl::link::info::LinkInfo<'_>, names: &LinkNames) -> LinkInfo {
    let kind = info.kind().ok().flatten().unwrap_or("").to_string();
    let slave_kind = info.slave_kind().ok().flatten().map(str::to_string);
    let mut out = match info.data().ok().flatten() {
        Some(InfoData::Vxlan(d)) => {
            let mut v = VxlanInfo::default();
            for a in d.iter().flatten() {
                match a {
                    VxlanAttr::Id(x) => v.id = x,
                    VxlanAttr::Group(x) => set_group(&mut v, x.into()),
                    VxlanAttr::Group6(x) => set_group(&mut v, x.into()),
                    VxlanAttr::Local(x) => v.local = Some(x.into()),
                    VxlanAttr::Local6(x) => v.local = Some(x.into()),
                    VxlanAttr::Link(x) => v.link = names.owned(x),
                    VxlanAttr::PortRange(r) => v.port_range = (r.low(), r.high()),
                    VxlanAttr::Port(p) => v.port = p,
                    VxlanAttr::Learning(x) => v.learning = x != 0,
                    VxlanAttr::Ttl(x) => v.ttl = x,
                    VxlanAttr::Df(x) => v.df = x,
                    VxlanAttr::Ageing(x) => v.ageing = x,
                    VxlanAttr::UdpCsum(x) => v.udp_csum = x != 0,
                    VxlanAttr::UdpZeroCsum6Tx(x) => v.udp_zero_csum6_tx = x != 0,
                    VxlanAttr::UdpZeroCsum6Rx(x) => v.udp_zero_csum6_rx = x != 0,
                    _ => {}
                }
            }
            LinkInfo::vxlan(&v)
        }
        Some(InfoData::Tun(d)) => {
            let mut v = TunInfo::default();
            for a in d.iter().flatten() {
                match a {
                    TunAttr::Type(t) => v.tap = t == 2,
                    TunAttr::Pi(x) => v.pi = x != 0,
                    TunAttr::VnetHdr(x) => v.vnet_hdr = x != 0,
                    TunAttr::MultiQueue(x) => v.multi_queue = x != 0,
                    TunAttr::Persist(x) => v.persist = x != 0,
                    TunAttr::Owner(x) => v.user = Some(x),
                    TunAttr::Group(x) => v.group = Some(x),
                    _ => {}
                }
            }
            LinkInfo::tun(&v)
        }
        Some(InfoData::Macvlan(d)) => {
            let mut data: Vec<(String, Value)> = Vec::new();
            for a in d.iter().flatten() {
                match a {
                    MacvlanAttr::Mode(m) => data.push((
                        "mode".into(),
                        names::name_or_number(MACVLAN_MODES, m).into(),
                    )),
                    MacvlanAttr::BcQueueLen(x) => data.push(("bcqueuelen".into(), x.into())),
                    MacvlanAttr::BcQueueLenUsed(x) => {
                        data.push(("usedbcqueuelen".into(), x.into()))
                    }
                    _ => {}
                }
            }
            LinkInfo {
                data,
                ..Default::default()
            }
        }
        Some(InfoData::Bridge(d)) => {
            let (data, text) = keyed(d.raw(), BRIDGE_KEYS, names);
            LinkInfo {
                data,
                text: Some(text),
                ..Default::default()
            }
        }
        _ => LinkInfo::default(),
    };
    if let Some(SlaveData::BridgeSlave(d)) = info.slave_data().ok().flatten() {
        let (data, text) = keyed(d.raw(), BRPORT_KEYS, names);
        out.slave_data = data;
        out.slave_text = Some(text);
    }
    out.kind = kind;
    out.slave_kind = slave_kind;
    out
}

/// How `ip -d -j` prints one bridge or bridge-port attribute.
#[derive(Clone, Copy)]
enum Fmt {
    /// The number.
    Num,
    /// true/false.
    Bool,
    /// A timer in 1/100 s, printed as seconds.
    Timer,
    /// `%#x` (0 prints as "0").
    Hex,
    /// `%#x` and the `*_str` twin as `0x%x` (port group_fwd_mask).
    HexStr,
    /// struct ifla_bridge_id: `%.2x%.2x.%x:%x:%x:%x:%x:%x`.
    BridgeId,
    /// A MAC address.
    Mac,
    /// BR_STATE_* name.
    PortState,
    /// An ifindex printed as its name.
    Dev,
    /// IFLA_BR_MULTI_BOOLOPT: no_linklocal_learn and mcast_vlan_snooping bits.
    BoolOpts,
    /// IFLA_BR_VLAN_PROTOCOL (be16): 802.1Q / 802.1ad.
    VlanProto,
    /// on/off in the text form only (no JSON key): the port's `mcast_fast_leave`.
    TextBool,
}

/// IFLA_BR_* in the order and with the names of iproute2 6.1's `bridge_print_opt`: the
/// JSON key, then the word of the text form.
const BRIDGE_KEYS: &[(u16, &str, &str, Fmt)] = &[
    (
        li::IFLA_BR_FORWARD_DELAY,
        "forward_delay",
        "forward_delay",
        Fmt::Num,
    ),
    (li::IFLA_BR_HELLO_TIME, "hello_time", "hello_time", Fmt::Num),
    (li::IFLA_BR_MAX_AGE, "max_age", "max_age", Fmt::Num),
    (
        li::IFLA_BR_AGEING_TIME,
        "ageing_time",
        "ageing_time",
        Fmt::Num,
    ),
    (li::IFLA_BR_STP_STATE, "stp_state", "stp_state", Fmt::Num),
    (li::IFLA_BR_PRIORITY, "priority", "priority", Fmt::Num),
    (
        li::IFLA_BR_VLAN_FILTERING,
        "vlan_filtering",
        "vlan_filtering",
        Fmt::Num,
    ),
    (
        li::IFLA_BR_VLAN_PROTOCOL,
        "vlan_protocol",
        "vlan_protocol",
        Fmt::VlanProto,
    ),
    (
        li::IFLA_BR_BRIDGE_ID,
        "bridge_id",
        "bridge_id",
        Fmt::BridgeId,
    ),
    (
        li::IFLA_BR_ROOT_ID,
        "root_id",
        "designated_root",
        Fmt::BridgeId,
    ),
    (li::IFLA_BR_ROOT_PORT, "root_port", "root_port", Fmt::Num),
    (
        li::IFLA_BR_ROOT_PATH_COST,
        "root_path_cost",
        "root_path_cost",
        Fmt::Num,
    ),
    (
        li::IFLA_BR_TOPOLOGY_CHANGE,
        "topology_change",
        "topology_change",
        Fmt::Num,
    ),
    (
        li::IFLA_BR_TOPOLOGY_CHANGE_DETECTED,
        "topology_change_detected",
        "topology_change_detected",
        Fmt::Num,
    ),
    (
        li::IFLA_BR_HELLO_TIMER,
        "hello_timer",
        "hello_timer",
        Fmt::Timer,
    ),
    (li::IFLA_BR_TCN_TIMER, "tcn_timer", "tcn_timer", Fmt::Timer),
    (
        li::IFLA_BR_TOPOLOGY_CHANGE_TIMER,
        "topology_change_timer",
        "topology_change_timer",
        Fmt::Timer,
    ),
    (li::IFLA_BR_GC_TIMER, "gc_timer", "gc_timer", Fmt::Timer),
    (
        li::IFLA_BR_VLAN_DEFAULT_PVID,
        "vlan_default_pvid",
        "vlan_default_pvid",
        Fmt::Num,
    ),
    (
        li::IFLA_BR_VLAN_STATS_ENABLED,
        "vlan_stats_enabled",
        "vlan_stats_enabled",
        Fmt::Num,
    ),
    (
        li::IFLA_BR_VLAN_STATS_PER_PORT,
        "vlan_stats_per_port",
        "vlan_stats_per_port",
        Fmt::Num,
    ),
    (
        li::IFLA_BR_GROUP_FWD_MASK,
        "group_fwd_mask",
        "group_fwd_mask",
        Fmt::Hex,
    ),
    (
        li::IFLA_BR_GROUP_ADDR,
        "group_addr",
        "group_address",
        Fmt::Mac,
    ),
    (
        li::IFLA_BR_MCAST_SNOOPING,
        "mcast_snooping",
        "mcast_snooping",
        Fmt::Num,
    ),
    (li::IFLA_BR_MULTI_BOOLOPT, "", "", Fmt::BoolOpts),
    (
        li::IFLA_BR_MCAST_ROUTER,
        "mcast_router",
        "mcast_router",
        Fmt::Num,
    ),
    (
        li::IFLA_BR_MCAST_QUERY_USE_IFADDR,
        "mcast_query_use_ifaddr",
        "mcast_query_use_ifaddr",
        Fmt::Num,
    ),
    (
        li::IFLA_BR_MCAST_QUERIER,
        "mcast_querier",
        "mcast_querier",
        Fmt::Num,
    ),
    (
        li::IFLA_BR_MCAST_HASH_ELASTICITY,
        "mcast_hash_elasticity",
        "mcast_hash_elasticity",
        Fmt::Num,
    ),
    (
        li::IFLA_BR_MCAST_HASH_MAX,
        "mcast_hash_max",
        "mcast_hash_max",
        Fmt::Num,
    ),
    (
        li::IFLA_BR_MCAST_LAST_MEMBER_CNT,
        "mcast_last_member_cnt",
        "mcast_last_member_count",
        Fmt::Num,
    ),
    (
        li::IFLA_BR_MCAST_STARTUP_QUERY_CNT,
        "mcast_startup_query_cnt",
        "mcast_startup_query_count",
        Fmt::Num,
    ),
    (
        li::IFLA_BR_MCAST_LAST_MEMBER_INTVL,
        "mcast_last_member_intvl",
        "mcast_last_member_interval",
        Fmt::Num,
    ),
    (
        li::IFLA_BR_MCAST_MEMBERSHIP_INTVL,
        "mcast_membership_intvl",
        "mcast_membership_interval",
        Fmt::Num,
    ),
    (
        li::IFLA_BR_MCAST_QUERIER_INTVL,
        "mcast_querier_intvl",
        "mcast_querier_interval",
        Fmt::Num,
    ),
    (
        li::IFLA_BR_MCAST_QUERY_INTVL,
        "mcast_query_intvl",
        "mcast_query_interval",
        Fmt::Num,
    ),
    (
        li::IFLA_BR_MCAST_QUERY_RESPONSE_INTVL,
        "mcast_query_response_intvl",
        "mcast_query_response_interval",
        Fmt::Num,
    ),
    (
        li::IFLA_BR_MCAST_STARTUP_QUERY_INTVL,
        "mcast_startup_query_intvl",
        "mcast_startup_query_interval",
        Fmt::Num,
    ),
    (
        li::IFLA_BR_MCAST_STATS_ENABLED,
        "mcast_stats_enabled",
        "mcast_stats_enabled",
        Fmt::Num,
    ),
    (
        li::IFLA_BR_MCAST_IGMP_VERSION,
        "mcast_igmp_version",
        "mcast_igmp_version",
        Fmt::Num,
    ),
    (
        li::IFLA_BR_MCAST_MLD_VERSION,
        "mcast_mld_version",
        "mcast_mld_version",
        Fmt::Num,
    ),
    (
        li::IFLA_BR_NF_CALL_IPTABLES,
        "nf_call_iptables",
        "nf_call_iptables",
        Fmt::Num,
    ),
    (
        li::IFLA_BR_NF_CALL_IP6TABLES,
        "nf_call_ip6tables",
        "nf_call_ip6tables",
        Fmt::Num,
    ),
    (
        li::IFLA_BR_NF_CALL_ARPTABLES,
        "nf_call_arptables",
        "nf_call_arptables",
        Fmt::Num,
    ),
];

/// IFLA_BRPORT_* in the order and with the names of iproute2 6.1's
/// `bridge_slave_print_opt`: the JSON key, then the word of the text form.
const BRPORT_KEYS: &[(u16, &str, &str, Fmt)] = &[
    (li::IFLA_BRPORT_STATE, "state", "state", Fmt::PortState),
    (li::IFLA_BRPORT_PRIORITY, "priority", "priority", Fmt::Num),
    (li::IFLA_BRPORT_COST, "cost", "cost", Fmt::Num),
    (li::IFLA_BRPORT_MODE, "hairpin", "hairpin", Fmt::Bool),
    (li::IFLA_BRPORT_GUARD, "guard", "guard", Fmt::Bool),
    (
        li::IFLA_BRPORT_PROTECT,
        "root_block",
        "root_block",
        Fmt::Bool,
    ),
    (
        li::IFLA_BRPORT_FAST_LEAVE,
        "fastleave",
        "fastleave",
        Fmt::Bool,
    ),
    (li::IFLA_BRPORT_LEARNING, "learning", "learning", Fmt::Bool),
    (li::IFLA_BRPORT_UNICAST_FLOOD, "flood", "flood", Fmt::Bool),
    (li::IFLA_BRPORT_ID, "id", "port_id", Fmt::Hex),
    (li::IFLA_BRPORT_NO, "no", "port_no", Fmt::Hex),
    (
        li::IFLA_BRPORT_DESIGNATED_PORT,
        "designated_port",
        "designated_port",
        Fmt::Num,
    ),
    (
        li::IFLA_BRPORT_DESIGNATED_COST,
        "designated_cost",
        "designated_cost",
        Fmt::Num,
    ),
    (
        li::IFLA_BRPORT_BRIDGE_ID,
        "bridge_id",
        "designated_bridge",
        Fmt::BridgeId,
    ),
    (
        li::IFLA_BRPORT_ROOT_ID,
        "root_id",
        "designated_root",
        Fmt::BridgeId,
    ),
    (
        li::IFLA_BRPORT_HOLD_TIMER,
        "hold_timer",
        "hold_timer",
        Fmt::Timer,
    ),
    (
        li::IFLA_BRPORT_MESSAGE_AGE_TIMER,
        "message_age_timer",
        "message_age_timer",
        Fmt::Timer,
    ),
    (
        li::IFLA_BRPORT_FORWARD_DELAY_TIMER,
        "forward_delay_timer",
        "forward_delay_timer",
        Fmt::Timer,
    ),
    (
        li::IFLA_BRPORT_TOPOLOGY_CHANGE_ACK,
        "topology_change_ack",
        "topology_change_ack",
        Fmt::Num,
    ),
    (
        li::IFLA_BRPORT_CONFIG_PENDING,
        "config_pending",
        "config_pending",
        Fmt::Num,
    ),
    (
        li::IFLA_BRPORT_PROXYARP,
        "proxy_arp",
        "proxy_arp",
        Fmt::Bool,
    ),
    (
        li::IFLA_BRPORT_PROXYARP_WIFI,
        "proxy_arp_wifi",
        "proxy_arp_wifi",
        Fmt::Bool,
    ),
    (
        li::IFLA_BRPORT_MULTICAST_ROUTER,
        "multicast_router",
        "mcast_router",
        Fmt::Num,
    ),
    (
        li::IFLA_BRPORT_FAST_LEAVE,
        "",
        "mcast_fast_leave",
        Fmt::TextBool,
    ),
    (
        li::IFLA_BRPORT_MCAST_FLOOD,
        "mcast_flood",
        "mcast_flood",
        Fmt::Bool,
    ),
    (
        li::IFLA_BRPORT_BCAST_FLOOD,
        "bcast_flood",
        "bcast_flood",
        Fmt::Bool,
    ),
    (
        li::IFLA_BRPORT_MCAST_TO_UCAST,
        "mcast_to_unicast",
        "mcast_to_unicast",
        Fmt::Bool,
    ),
    (
        li::IFLA_BRPORT_NEIGH_SUPPRESS,
        "neigh_suppress",
        "neigh_suppress",
        Fmt::Bool,
    ),
    (
        li::IFLA_BRPORT_GROUP_FWD_MASK,
        "group_fwd_mask",
        "group_fwd_mask",
        Fmt::HexStr,
    ),
    (
        li::IFLA_BRPORT_VLAN_TUNNEL,
        "vlan_tunnel",
        "vlan_tunnel",
        Fmt::Bool,
    ),
    (li::IFLA_BRPORT_ISOLATED, "isolated", "isolated", Fmt::Bool),
    (
        li::IFLA_BRPORT_BACKUP_PORT,
        "backup_port",
        "backup_port",
        Fmt::Dev,
    ),
    (li::IFLA_BRPORT_LOCKED, "locked", "locked", Fmt::Bool),
];

/// BR_STATE_* names as ip prints a port state.
const BR_STATES: names::NameTable = &[
    (0, "disabled"),
    (1, "listening"),
    (2, "learning"),
    (3, "forwarding"),
    (4, "blocking"),
];

fn hex0(v: u64) -> String {
    super::format::c_alt_hex(v)
}

/// The `info_data` / `info_slave_data` pairs of `attrs` for the keys of `table`, and the
/// text `ip -d` prints for them (`word value ` each).
fn keyed(
    attrs: ferroute_codec::nl::AttrIter<'_>,
    table: &[(u16, &str, &str, Fmt)],
    names: &LinkNames,
) -> (Vec<(String, Value)>, String) {
    let Ok(idx) = ferroute_codec::nl::AttrIndex::<64>::new(attrs) else {
        return (Vec::new(), String::new());
    };
    let mut out: Vec<(String, Value)> = Vec::new();
    let mut text = String::new();
    for &(ty, key, word, fmt) in table {
        let Some(a) = idx.get(ty) else { continue };
        let num = a.as_uint().ok();
        let (v, t): (Value, String) = match fmt {
            Fmt::Num => match num {
                Some(n) => (n.into(), n.to_string()),
                None => continue,
            },
            Fmt::Bool => match num {
                Some(n) => ((n != 0).into(), on_off(n != 0).into()),
                None => continue,
            },
            Fmt::TextBool => {
                if let Some(n) = num {
                    let _ = write!(text, "{word} {} ", on_off(n != 0));
                }
                continue;
            }
            // clock_t hundredths: JSON "%i.%.2i" (ip_json writes floats with two
            // decimals), text "%4i.%.2i"
            Fmt::Timer => match num {
                Some(n) => (
                    (n as f64 / 100.0).into(),
                    format!("{:4}.{:02}", n / 100, n % 100),
                ),
                None => continue,
            },
            Fmt::Hex => match num {
                Some(n) => (hex0(n).into(), hex0(n)),
                None => continue,
            },
            Fmt::HexStr => {
                let Some(n) = num else { continue };
                out.push((key.into(), hex0(n).into()));
                out.push((format!("{key}_str"), format!("{n:#x}").into()));
                let _ = write!(text, "{word} {} {word}_str {n:#x} ", hex0(n));
                continue;
            }
            Fmt::BridgeId => match a.as_ref::<li::IflaBridgeId>() {
                Ok(id) => {
                    let (p, m) = (id.prio(), id.addr());
                    let s = format!(
                        "{:02x}{:02x}.{:x}:{:x}:{:x}:{:x}:{:x}:{:x}",
                        p[0], p[1], m[0], m[1], m[2], m[3], m[4], m[5]
                    );
                    (s.clone().into(), s)
                }
                Err(_) => continue,
            },
            Fmt::Mac => {
                let s = lladdr(a.payload(), 1);
                (s.clone().into(), s)
            }
            Fmt::PortState => match num {
                Some(n) => {
                    let s = names::name_or_number(BR_STATES, n as u32);
                    (s.clone().into(), s)
                }
                None => continue,
            },
            Fmt::Dev => match num.and_then(|n| names.owned(n as u32)) {
                Some(n) => (n.clone().into(), n),
                None => continue,
            },
            Fmt::VlanProto => {
                let s = match a.as_be16() {
                    Ok(0x8100) => "802.1Q".to_string(),
                    Ok(0x88a8) => "802.1ad".to_string(),
                    Ok(p) => format!("{p:#x}"),
                    Err(_) => continue,
                };
                (s.clone().into(), s)
            }
            Fmt::BoolOpts => {
                if let Ok(b) = a.as_ref::<li::BrBoolOptMulti>() {
                    let on = |bit: u32| u64::from(b.optval() & (1 << bit) != 0);
                    for (k, bit) in [("no_linklocal_learn", 0), ("mcast_vlan_snooping", 1)] {
                        out.push((k.into(), on(bit).into()));
                        let _ = write!(text, "{k} {} ", on(bit));
                    }
                }
                continue;
            }
        };
        out.push((key.into(), v));
        let _ = write!(text, "{word} {t} ");
    }
    (out, text)
}

fn on_off(b: bool) -> &'static str {
    if b { "on" } else { "off" }
}

fn set_group(v: &mut VxlanInfo, ip: std::net::IpAddr) {
    if ip.is_multicast() {
        v.group = Some(ip);
    } else {
        v.remote = Some(ip);
    }
}

/// IPSTATS_MIB_* indexes of IFLA_INET6_STATS (linux/snmp.h as iproute2 6.1 has it).
const IPSTATS_MIB_INPKTS: usize = 1;
/// InOctets.
const IPSTATS_MIB_INOCTETS: usize = 2;
/// OutRequests.
const IPSTATS_MIB_OUTPKTS: usize = 5;
/// OutOctets.
const IPSTATS_MIB_OUTOCTETS: usize = 6;
/// InDiscards.
const IPSTATS_MIB_INDISCARDS: usize = 13;
/// OutDiscards.
const IPSTATS_MIB_OUTDISCARDS: usize = 14;
/// InMcastPkts.
const IPSTATS_MIB_INMCASTPKTS: usize = 23;
/// InCsumErrors.
const IPSTATS_MIB_CSUMERRORS: usize = 31;

/// One link message as a row (with `-d` details and `-s` statistics when present).
pub fn link_row(l: &LinkMsg<'_>, names: &LinkNames) -> LinkRow {
    let h = l.header();
    let mut r = LinkRow {
        ifindex: l.ifindex(),
        flags: h.ifi_flags(),
        link_type: h.ifi_type(),
        ..Default::default()
    };
    let Ok(i) = l.index() else { return r };
    r.ifname = i.ifname().ok().flatten().unwrap_or("").to_string();
    r.mtu = i.mtu().ok().flatten();
    r.qdisc = i.qdisc().ok().flatten().map(str::to_string);
    r.master = i.master().ok().flatten().and_then(|m| names.owned(m));
    r.operstate = i.operstate().ok().flatten().map(|o| o.0);
    r.linkmode = i.linkmode().ok().flatten().map(|o| o.0);
    r.group = i.group().ok().flatten();
    r.txqlen = i.txqlen().ok().flatten();
    r.address = i.address().ok().flatten().map(|a| a.to_vec());
    r.broadcast = i.broadcast().ok().flatten().map(|a| a.to_vec());
    r.link_netnsid = i.link_netnsid().ok().flatten();
    r.link = i.link().ok().flatten().map(|index| LinkRef {
        index,
        name: r
            .link_netnsid
            .is_none()
            .then(|| names.owned(index))
            .flatten(),
        up: names.is_up(index),
    });
    r.ifalias = i.ifalias().ok().flatten().map(str::to_string);
    r.stats = i
        .stats64()
        .ok()
        .flatten()
        .map(|s| link_stats(&s))
        .or_else(|| {
            // an AF_INET6 link dump has no IFLA_STATS64: ip then reads the IPv6 MIB
            // counters of IFLA_PROTINFO (lib/utils.c get_snmp_counters)
            let mib = i
                .protinfo()
                .ok()
                .flatten()?
                .inet6()
                .ok()?
                .stats()
                .ok()
                .flatten()?;
            let m = |k: usize| mib.get(k).unwrap_or(0);
            Some(LinkStats {
                rx_packets: m(IPSTATS_MIB_INPKTS),
                rx_bytes: m(IPSTATS_MIB_INOCTETS),
                tx_packets: m(IPSTATS_MIB_OUTPKTS),
                tx_bytes: m(IPSTATS_MIB_OUTOCTETS),
                rx_errors: m(IPSTATS_MIB_INDISCARDS),
                tx_errors: m(IPSTATS_MIB_OUTDISCARDS),
                multicast: m(IPSTATS_MIB_INMCASTPKTS),
                rx_frame_errors: m(IPSTATS_MIB_CSUMERRORS),
                ..Default::default()
            })
        });
    r.carrier_changes = i.carrier_changes().ok().flatten();
    r.details = Some(LinkDetails {
        promiscuity: i.promiscuity().ok().flatten(),
        allmulti: i.allmulti().ok().flatten(),
        min_mtu: i.min_mtu().ok().flatten(),
        max_mtu: i.max_mtu().ok().flatten(),
        linkinfo: i
            .link_info()
            .ok()
            .flatten()
            .map(|info| link_info(&info, names)),
        inet6_addr_gen_mode: i
            .af_spec()
            .ok()
            .flatten()
            .and_then(|a| a.inet6().ok().flatten())
            .and_then(|i6| i6.addr_gen_mode().ok().flatten())
            .map(|m| names::name_or_number(ADDR_GEN_MODES, m.into())),
        num_tx_queues: i.num_tx_queues().ok().flatten(),
        num_rx_queues: i.num_rx_queues().ok().flatten(),
        gso_max_size: i.gso_max_size().ok().flatten(),
        gso_max_segs: i.gso_max_segs().ok().flatten(),
        tso_max_size: i.tso_max_size().ok().flatten(),
        tso_max_segs: i.tso_max_segs().ok().flatten(),
        gro_max_size: i.gro_max_size().ok().flatten(),
    });
    r
}

/// One address message as `addr_info` element.
pub fn addr_info(a: &AddrMsg<'_>) -> AddrInfo {
    let h = a.header();
    let mut r = AddrInfo {
        family: h.ifa_family(),
        prefixlen: h.ifa_prefixlen(),
        scope: h.ifa_scope(),
        flags: a.flags().bits(),
        ..Default::default()
    };
    let Ok(i) = a.index() else { return r };
    r.address = i.address().ok().flatten();
    r.local = i.local().ok().flatten();
    r.metric = i.rt_priority().ok().flatten();
    r.broadcast = i.broadcast().ok().flatten();
    r.anycast = i.anycast().ok().flatten();
    r.label = i.label().ok().flatten().map(str::to_string);
    if let Some(c) = i.cacheinfo().ok().flatten() {
        r.valid_life_time = Some(c.ifa_valid());
        r.preferred_life_time = Some(c.ifa_prefered());
    }
    r
}

/// One route message as a row.
pub fn route_row(m: &RouteMsg<'_>, names: &LinkNames) -> RouteRow {
    let h = m.header();
    let mut r = RouteRow {
        family: h.rtm_family(),
        kind: h.rtm_type(),
        dst_len: h.rtm_dst_len(),
        src_len: h.rtm_src_len(),
        tos: h.rtm_tos(),
        // RTA_TABLE, when present, replaces it in the walk below
        table: h.rtm_table().into(),
        protocol: h.rtm_protocol(),
        scope: h.rtm_scope(),
        flags: h.rtm_flags(),
        ..Default::default()
    };
    m.visit(&mut RouteRowVisitor { r: &mut r, names });
    r
}

/// Fills a [`RouteRow`] from the typed attributes of [`RouteMsg::visit`].
struct RouteRowVisitor<'r> {
    r: &'r mut RouteRow,
    names: &'r LinkNames,
}

impl<'a> RouteVisitor<'a> for RouteRowVisitor<'_> {
    fn dst(&mut self, v: RtAddr<'a>) {
        self.r.dst = v.ip();
    }
    fn src(&mut self, v: RtAddr<'a>) {
        self.r.src = v.ip();
    }
    fn gateway(&mut self, v: RtAddr<'a>) {
        self.r.gateway = v.ip();
    }
    fn prefsrc(&mut self, v: RtAddr<'a>) {
        self.r.prefsrc = v.ip();
    }
    fn via(&mut self, v: RtVia<'a>) {
        self.r.via = v.ip();
    }
    fn oif(&mut self, v: u32) {
        self.r.dev = self.names.shared(v);
    }
    fn iif(&mut self, v: u32) {
        self.r.iif = self.names.owned(v);
    }
    fn table(&mut self, v: u32) {
        self.r.table = v;
    }
    fn priority(&mut self, v: u32) {
        self.r.metric = Some(v);
    }
    fn mark(&mut self, v: u32) {
        self.r.mark = Some(v);
    }
    fn flow(&mut self, v: u32) {
        self.r.flow = Some(v);
    }
    fn uid(&mut self, v: u32) {
        self.r.uid = Some(v);
    }
    fn pref(&mut self, v: u8) {
        self.r.pref = Some(v);
    }
    fn cacheinfo(&mut self, c: RtaCacheinfo) {
        self.r.cacheinfo = Some(RouteCacheinfo {
            clntref: c.rta_clntref(),
            lastuse: c.rta_lastuse(),
            expires: c.rta_expires(),
            error: c.rta_error(),
            used: c.rta_used(),
            id: c.rta_id(),
            ts: c.rta_ts(),
            tsage: c.rta_tsage(),
        })
    }
    fn metrics(&mut self, ms: NestOf<'a, MetricsAttrs>) {
        let r = &mut *self.r;
        for a in ms.raw().flatten() {
            match a.kind() {
                RTAX_LOCK => r.lock = a.as_u32().unwrap_or(0),
                RTAX_CC_ALGO => {
                    if let Ok(s) = a.as_cstr() {
                        r.metrics.push((a.kind(), MetricValue::Str(s.into())));
                    }
                }
                k => {
                    if let Ok(v) = a.as_u32() {
                        r.metrics.push((k, MetricValue::U32(v)));
                    }
                }
            }
        }
    }
    fn multipath(&mut self, mp: Multipath<'a>) {
        for nh in mp.iter().flatten() {
            let nh_h = nh.header();
            let mut row = NexthopRow {
                gateway: nh.gateway(),
                dev: self.names.owned(nh_h.rtnh_ifindex() as u32),
                hops: nh_h.rtnh_hops(),
                flags: nh_h.rtnh_flags().into(),
                ..Default::default()
            };
            for a in nh.iter().flatten() {
                match a {
                    RouteAttr::Via(v) => row.via = v.ip(),
                    RouteAttr::Flow(f) => row.flow = Some(f),
                    _ => {}
                }
            }
            self.r.nexthops.push(row);
        }
    }
}

/// One neighbour message as a row.
pub fn neigh_row(n: &NeighMsg<'_>, names: &LinkNames) -> NeighRow {
    let h = n.header();
    let mut r = NeighRow {
        family: h.ndm_family(),
        dev: names.owned(h.ndm_ifindex() as u32),
        state: h.ndm_state(),
        flags: h.ndm_flags(),
        ..Default::default()
    };
    if let Ok(i) = n.index() {
        r.dst = i.dst().ok().flatten();
        r.lladdr = i.lladdr().ok().flatten().map(|a| a.to_vec());
        r.cacheinfo = i.cacheinfo().ok().flatten().map(|c| NeighCacheinfo {
            confirmed: c.ndm_confirmed(),
            used: c.ndm_used(),
            updated: c.ndm_updated(),
            refcnt: c.ndm_refcnt(),
        });
        r.probes = i.probes().ok().flatten();
    }
    r
}

/// One rule message as a row.
pub fn rule_row(m: &RuleMsg<'_>) -> RuleRow {
    let h = m.header();
    let mut r = RuleRow {
        family: h.family(),
        flags: h.flags(),
        src_len: h.src_len(),
        dst_len: h.dst_len(),
        tos: h.tos(),
        table: m.table(),
        action: h.action(),
        ..Default::default()
    };
    let Ok(i) = m.index() else { return r };
    // the kernel leaves FRA_PRIORITY out for priority 0; ip prints 0 then
    r.priority = Some(i.priority().ok().flatten().unwrap_or(0));
    r.src = i.src().ok().flatten();
    r.dst = i.dst().ok().flatten();
    r.fwmark = i.fwmark().ok().flatten();
    r.fwmask = i.fwmask().ok().flatten();
    r.iif = i.iifname().ok().flatten().map(str::to_string);
    r.oif = i.oifname().ok().flatten().map(str::to_string);
    r.l3mdev = i.l3mdev().ok().flatten().is_some_and(|x| x != 0);
    r.uidrange = i.uid_range().ok().flatten().map(|u| (u.start(), u.end()));
    r.ipproto = i.ip_proto().ok().flatten();
    r.sport = i.sport_range().ok().flatten().map(|p| (p.start(), p.end()));
    r.dport = i.dport_range().ok().flatten().map(|p| (p.start(), p.end()));
    r.suppress_prefixlen = i.suppress_prefixlen().ok().flatten().map(|x| x as i32);
    r.suppress_ifgroup = i.suppress_ifgroup().ok().flatten().map(|x| x as i32);
    r.goto = i.goto().ok().flatten();
    r.flow = i.flow().ok().flatten();
    r.protocol = i.protocol().ok().flatten();
    r
}

fn tc_dev(m: &TcMessage<'_>, names: &LinkNames) -> Option<String> {
    names.owned(m.ifindex() as u32)
}

/// tc's latency of a tbf: the queue limit's time at `rate` minus the bucket's time.
fn tbf_latency(limit: u32, rate: u64, buffer_ticks: u32) -> f64 {
    let bucket_us =
        (f64::from(buffer_ticks) / ferroute_codec::rtnl::tc::build::PSCHED_TICKS_PER_USEC) as u32;
    1_000_000.0 * (f64::from(limit) / rate as f64) - f64::from(bucket_us)
}

fn qdisc_options(m: &TcMessage<'_>) -> QdiscOptions {
    match m.options().ok().flatten() {
        Some(TcOptions::Tbf(n)) => {
            let Ok(i) = ferroute_codec::rtnl::tc::qdisc::TbfIndex::new(n.raw()) else {
                return QdiscOptions::None;
            };
            let Some(p) = i.parms().ok().flatten() else {
                return QdiscOptions::None;
            };
            let rate = i
                .rate64()
                .ok()
                .flatten()
                .unwrap_or(u64::from(p.rate.rate()));
            let prate = i
                .prate64()
                .ok()
                .flatten()
                .unwrap_or(u64::from(p.peakrate.rate()));
            let mut lat = tbf_latency(p.limit.get(), rate, p.buffer.get());
            if prate != 0 {
                lat = lat.max(tbf_latency(p.limit.get(), prate, p.mtu.get()));
            }
            QdiscOptions::Tbf {
                rate,
                burst: tc_calc_xmitsize(rate, p.buffer.get()),
                peakrate: (prate != 0).then_some(prate),
                minburst: (prate != 0).then(|| tc_calc_xmitsize(prate, p.mtu.get())),
                lat: lat.max(0.0) as u32,
            }
        }
        Some(TcOptions::Htb(n)) => {
            let Ok(i) = ferroute_codec::rtnl::tc::qdisc::HtbIndex::new(n.raw()) else {
                return QdiscOptions::None;
            };
            match i.init().ok().flatten() {
                Some(g) => QdiscOptions::Htb {
                    r2q: g.rate2quantum(),
                    default: g.defcls(),
                    direct_packets_stat: g.direct_pkts(),
                    direct_qlen: i.direct_qlen().ok().flatten(),
                },
                None => QdiscOptions::None,
            }
        }
        Some(TcOptions::Pfifo(q)) => QdiscOptions::Pfifo { limit: q.limit() },
        Some(TcOptions::Bfifo(q)) => QdiscOptions::Bfifo { limit: q.limit() },
        Some(TcOptions::Prio(q) | TcOptions::PfifoFast(q)) => QdiscOptions::Prio {
            bands: q.bands() as u32,
            priomap: q.priomap().to_vec(),
            multiqueue: false,
        },
        Some(TcOptions::Ingress) => QdiscOptions::Ingress,
        _ if m.kind() == "ingress" => QdiscOptions::Ingress,
        _ => QdiscOptions::None,
    }
}

/// One qdisc message as a row.
pub fn qdisc_row(m: &TcMessage<'_>, names: &LinkNames) -> QdiscRow {
    QdiscRow {
        kind: m.kind().to_string(),
        handle: m.handle().0,
        dev: tc_dev(m, names),
        parent: m.parent().0,
        refcnt: m.header().tcm_info(),
        options: qdisc_options(m),
        stats: tc_stats(m),
        details: qdisc_details(m),
    }
}

/// A ratespec's cell and mpu.
fn rate_cell(r: &ferroute_codec::rtnl::tc::structs::TcRatespec) -> RateCell {
    RateCell {
        cell_log: r.cell_log(),
        mpu: r.mpu(),
    }
}

/// What `tc -d` adds to a qdisc's options (htb's version, tbf's cells and link layer).
fn qdisc_details(m: &TcMessage<'_>) -> Option<QdiscDetails> {
    match m.options().ok().flatten()? {
        TcOptions::Htb(n) => {
            let g = ferroute_codec::rtnl::tc::qdisc::HtbIndex::new(n.raw())
                .ok()?
                .init()
                .ok()
                .flatten()?;
            Some(QdiscDetails::Htb {
                version: g.version(),
            })
        }
        TcOptions::Tbf(n) => {
            let p = ferroute_codec::rtnl::tc::qdisc::TbfIndex::new(n.raw())
                .ok()?
                .parms()
                .ok()
                .flatten()?;
            Some(QdiscDetails::Tbf {
                rate: rate_cell(&p.rate),
                peak: rate_cell(&p.peakrate),
                linklayer: p.rate.linklayer() & 0x0f,
            })
        }
        _ => None,
    }
}

/// TCA_STATS2 of a qdisc or class.
fn tc_stats(m: &TcMessage<'_>) -> Option<TcStatsRow> {
    stats_row(m.index().ok()?.stats2().ok().flatten()?.raw())
}

/// A TCA_STATS_* list (TCA_STATS2, TCA_ACT_STATS) as a row.
fn stats_row(attrs: ferroute_codec::nl::AttrIter<'_>) -> Option<TcStatsRow> {
    use ferroute_codec::rtnl::tc::TcStatsIndex;
    let i = TcStatsIndex::new(attrs).ok()?;
    let pkt64 = i.pkt64().ok().flatten().filter(|&p| p != 0);
    let rate32 = i.rate_est().ok().flatten();
    Some(TcStatsRow {
        basic: i
            .basic()
            .ok()
            .flatten()
            .map(|b| (b.bytes(), pkt64.unwrap_or(u64::from(b.packets())))),
        queue: i.queue().ok().flatten().map(|q| TcQueueStats {
            qlen: q.qlen(),
            backlog: q.backlog(),
            drops: q.drops(),
            requeues: q.requeues(),
            overlimits: q.overlimits(),
        }),
        rate_est: match i.rate_est64().ok().flatten() {
            Some(r) => Some((r.bps(), r.pps())),
            None => rate32
                .as_ref()
                .map(|r| (u64::from(r.bps()), u64::from(r.pps()))),
        },
        rate_est32: rate32.is_some(),
    })
}

/// An htb class's xstats (TCA_STATS_APP, else TCA_XSTATS).
fn htb_xstats(m: &TcMessage<'_>) -> Option<HtbXstats> {
    use ferroute_codec::rtnl::tc::{TCA_STATS_APP, qdisc::TcXstats};
    let app = m
        .index()
        .ok()
        .and_then(|i| i.stats2().ok().flatten())
        .and_then(|n| n.raw().find(TCA_STATS_APP));
    let x = match app {
        Some(a) => TcXstats::decode(m.kind(), a),
        None => m.xstats()?,
    };
    match x {
        TcXstats::Htb(h) => Some(HtbXstats {
            lends: h.lends(),
            borrows: h.borrows(),
            giants: h.giants(),
            tokens: h.tokens(),
            ctokens: h.ctokens(),
        }),
        _ => None,
    }
}

/// One class message as a row.
pub fn class_row(m: &TcMessage<'_>, names: &LinkNames) -> ClassRow {
    let mut details = None;
    let options = match m.options().ok().flatten() {
        Some(TcOptions::Htb(n)) => ferroute_codec::rtnl::tc::qdisc::HtbIndex::new(n.raw())
            .ok()
            .and_then(|i| {
                let p = i.parms().ok().flatten()?;
                details = Some(HtbClassDetails {
                    quantum: p.quantum.get(),
                    level: p.level.get(),
                    rate: rate_cell(&p.rate),
                    ceil: rate_cell(&p.ceil),
                    linklayer: p.rate.linklayer() & 0x0f,
                });
                let rate = i
                    .rate64()
                    .ok()
                    .flatten()
                    .unwrap_or(u64::from(p.rate.rate()));
                let ceil = i
                    .ceil64()
                    .ok()
                    .flatten()
                    .unwrap_or(u64::from(p.ceil.rate()));
                Some(ClassOptions::Htb {
                    prio: (p.level.get() == 0).then_some(p.prio.get()),
                    rate,
                    ceil,
                    burst: tc_calc_xmitsize(rate, p.buffer.get()),
                    cburst: tc_calc_xmitsize(ceil, p.cbuffer.get()),
                })
            })
            .unwrap_or(ClassOptions::None),
        _ => ClassOptions::None,
    };
    ClassRow {
        kind: m.kind().to_string(),
        handle: m.handle().0,
        dev: tc_dev(m, names),
        parent: m.parent().0,
        leaf: m.header().tcm_info(),
        options,
        stats: tc_stats(m),
        htb_xstats: htb_xstats(m),
        details,
    }
}

fn actions(
    list: ferroute_codec::rtnl::tc::TcNest<'_, ferroute_codec::rtnl::tc::action::ActionList>,
    names: &LinkNames,
) -> Vec<TcActionRow> {
    let mut out = Vec::new();
    for a in list.raw().flatten() {
        let entry = ferroute_codec::rtnl::tc::TcNest::from_attr(&a);
        let mut row = TcActionRow {
            order: a.kind().into(),
            kind: action_kind(&entry).to_string(),
            mirred: None,
            control: 0,
            index: 0,
            refcnt: 0,
            bindcnt: 0,
            tm: None,
            stats: ferroute_codec::rtnl::tc::action::ActIndex::new(entry.raw())
                .ok()
                .and_then(|i| i.stats().ok().flatten())
                .and_then(|n| stats_row(n.raw())),
        };
        let times = |t: ferroute_codec::rtnl::tc::structs::TcfT| ActionTimes {
            install: t.install(),
            lastuse: t.lastuse(),
            firstuse: t.firstuse(),
            expires: t.expires(),
        };
        match action_options(&entry) {
            Some(ActOptions::Mirred(n)) => {
                let i = ferroute_codec::rtnl::tc::action::MirredIndex::new(n.raw()).ok();
                row.tm = i.as_ref().and_then(|i| i.tm().ok().flatten()).map(times);
                if let Some(p) = i.and_then(|i| i.parms().ok().flatten()) {
                    row.mirred = Some((p.eaction(), names.owned(p.ifindex()).unwrap_or_default()));
                    row.control = p.action();
                    row.index = p.index();
                    row.refcnt = p.refcnt();
                    row.bindcnt = p.bindcnt();
                }
            }
            Some(ActOptions::Gact(n)) => {
                let i = ferroute_codec::rtnl::tc::action::GactIndex::new(n.raw()).ok();
                row.tm = i.as_ref().and_then(|i| i.tm().ok().flatten()).map(times);
                if let Some(p) = i.and_then(|i| i.parms().ok().flatten()) {
                    row.control = p.action();
                    row.index = p.index();
                    row.refcnt = p.refcnt();
                    row.bindcnt = p.bindcnt();
                }
            }
            _ => {}
        }
        out.push(row);
    }
    out
}

/// One filter message as a row (`parent` is always set: clear it when the listing was
/// filtered by parent, as tc does).
pub fn filter_row(m: &TcMessage<'_>, names: &LinkNames) -> FilterRow {
    let chain = m.index().ok().and_then(|i| i.chain().ok().flatten());
    let options = match m.options().ok().flatten() {
        Some(TcOptions::U32(n)) => {
            let i = ferroute_codec::rtnl::tc::filter::U32Index::new(n.raw()).ok();
            let g = |f: &dyn Fn(&ferroute_codec::rtnl::tc::filter::U32Index<'_>) -> Option<u32>| {
                i.as_ref().and_then(f)
            };
            let sel = i.as_ref().and_then(|i| i.sel().ok().flatten());
            let classid = g(&|i| i.classid().ok().flatten());
            // tc 6.1 prints `*flowid` even for a terminal selector (it reads the selector
            // after printing the class id), so the flag only shows without a class id.
            let terminal =
                classid.is_none() && sel.as_ref().is_some_and(|s| s.hdr.flags() & 1 != 0);
            Some(FilterOptions::U32 {
                fh: (m.handle().0 != 0).then_some(m.handle().0),
                divisor: g(&|i| i.divisor().ok().flatten()),
                hash: g(&|i| i.hash().ok().flatten()),
                classid,
                terminal,
                flags: g(&|i| i.flags().ok().flatten()),
                keys: sel
                    .as_ref()
                    .map(|s| {
                        s.keys()
                            .map(|k| U32KeyRow {
                                val: k.val(),
                                mask: k.mask(),
                                off: k.off(),
                                offmask: k.offmask(),
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
                actions: i
                    .as_ref()
                    .and_then(|i| i.act().ok().flatten())
                    .map(|l| actions(l, names))
                    .unwrap_or_default(),
            })
        }
        Some(_) => Some(FilterOptions::Other(Vec::new())),
        None => None,
    };
    FilterRow {
        dev: tc_dev(m, names),
        parent: Some(m.parent().0),
        protocol: m.filter_protocol(),
        pref: m.filter_prio(),
        kind: m.kind().to_string(),
        chain,
        options,
    }
}

/// Every link, as `ip link show` lists them.
pub fn links(ipr: &mut IPRoute) -> Result<Vec<LinkRow>> {
    links_of(ipr, 0)
}

/// Every link from a link dump of `family`, as `ip -f FAMILY address` reads them: the
/// kernel answers AF_INET6 with its IPv6 view of each link (name, address, mtu, link,
/// operstate, txqlen: no qdisc, master or group); other families get the full dump.
pub fn links_of(ipr: &mut IPRoute, family: u8) -> Result<Vec<LinkRow>> {
    let mut names = LinkNames::default();
    let mut raw: Vec<Vec<u8>> = Vec::new();
    let mut keep = |l: LinkMsg<'_>| {
        names.add(&l);
        raw.push(l.msg().bytes().to_vec());
    };
    if family == names::AF_INET6 {
        // as iproute2's rtnl_linkdump_req: a bare ifinfomsg (a strict-checking kernel
        // refuses attributes after it for AF_INET6)
        let mut err = None;
        ipr.dump_with(
            |buf| {
                use ferroute_codec::nl::NlaWriter as _;
                let mut b = ferroute_codec::nl::MsgBuilder::new(
                    &mut *buf,
                    ferroute_codec::rtnl::consts::RTM_GETLINK,
                    0,
                    0,
                    0,
                )?;
                b.append_struct(&ferroute_codec::rtnl::link::IfInfoMsg {
                    ifi_family: family,
                    ..Default::default()
                })?;
                b.finish()?;
                Ok(())
            },
            |m| match LinkMsg::parse(m) {
                Ok(l) => keep(l),
                Err(e) => err = err.or(Some(e)),
            },
        )?;
        if let Some(e) = err {
            return Err(e.into());
        }
    } else {
        ipr.link_dump(keep)?;
    }
    let mut out = Vec::with_capacity(raw.len());
    for b in &raw {
        let m = ferroute_codec::nl::NlMsg::parse(b)?;
        out.push(link_row(&LinkMsg::parse(m)?, &names));
    }
    if family == names::AF_INET6 && out.iter().any(|r| r.txqlen.is_none()) {
        // the AF_INET6 view has no IFLA_TXQLEN: ip asks SIOCGIFTXQLEN for it, which is
        // the device's tx_queue_len, the value the full dump carries
        let mut qlen = HashMap::new();
        ipr.link_dump(|l| {
            if let Ok(Some(q)) = l.index().and_then(|i| i.txqlen()) {
                qlen.insert(l.header().ifi_index(), q);
            }
        })?;
        for r in out.iter_mut().filter(|r| r.txqlen.is_none()) {
            r.txqlen = qlen.get(&r.ifindex).copied();
        }
    }
    Ok(out)
}

/// Links with their addresses of `family` (0 = all links; with a family only the links
/// that have such addresses), as `ip address show` lists them.
pub fn addrs(ipr: &mut IPRoute, family: u8) -> Result<Vec<AddrRow>> {
    addrs_of(ipr, family, family)
}

/// [`addrs`] with the links read by a link dump of `link_family` ([`links_of`]): ip
/// dumps links with its `-4`/`-6` family and addresses with the family `-4`/`-6` or
/// `to PREFIX` chose.
pub fn addrs_of(ipr: &mut IPRoute, link_family: u8, family: u8) -> Result<Vec<AddrRow>> {
    let links = links_of(ipr, link_family)?;
    let mut by_link: HashMap<i32, Vec<AddrInfo>> = HashMap::new();
    ipr.addr_dump(family, 0, |a| {
        by_link
            .entry(a.header().ifa_index() as i32)
            .or_default()
            .push(addr_info(&a))
    })?;
    // with a family, ip lists only the links that have addresses of it
    Ok(links
        .into_iter()
        .map(|link| AddrRow {
            addr_info: by_link.remove(&link.ifindex).unwrap_or_default(),
            link,
        })
        .filter(|r| family == 0 || !r.addr_info.is_empty())
        .collect())
}

/// Routes of `family` (0 = all) in `table` (0 = all tables).
pub fn routes(ipr: &mut IPRoute, family: u8, table: u32) -> Result<Vec<RouteRow>> {
    let names = LinkNames::load(ipr)?;
    let mut out = Vec::new();
    let f = RouteFilter {
        family,
        table,
        ..Default::default()
    };
    ipr.route_dump(&f, |r| {
        if table == 0 || r.table() == table {
            out.push(route_row(&r, &names))
        }
    })?;
    Ok(out)
}

/// Neighbours of `family` (0 = all).
pub fn neighs(ipr: &mut IPRoute, family: u8) -> Result<Vec<NeighRow>> {
    let names = LinkNames::load(ipr)?;
    let mut out = Vec::new();
    ipr.neigh_dump(family, 0, |n| out.push(neigh_row(&n, &names)))?;
    Ok(out)
}

/// Proxy neighbour entries of `family` (0 = all), as `ip neigh show proxy` dumps them: the
/// kernel lists its proxy table only for a dump request whose ndm_flags carry NTF_PROXY.
pub fn proxy_neighs(ipr: &mut IPRoute, family: u8) -> Result<Vec<NeighRow>> {
    use ferroute_codec::rtnl::neigh;
    let names = LinkNames::load(ipr)?;
    let mut out = Vec::new();
    ipr.dump_with(
        |buf| {
            let hdr = neigh::NdMsg {
                ndm_family: family,
                ndm_flags: names::NTF_PROXY,
                ..Default::default()
            };
            neigh::build(
                &mut *buf,
                ferroute_codec::rtnl::consts::RTM_GETNEIGH,
                0,
                0,
                &hdr,
            )?
            .finish()?;
            Ok(())
        },
        |m| {
            if let Ok(n) = NeighMsg::parse(m) {
                out.push(neigh_row(&n, &names))
            }
        },
    )?;
    Ok(out)
}

/// Rules of `family` (0 = all).
pub fn rules(ipr: &mut IPRoute, family: u8) -> Result<Vec<RuleRow>> {
    let mut out = Vec::new();
    ipr.rule_dump(family, |r| out.push(rule_row(&r)))?;
    Ok(out)
}

/// Qdiscs of link `ifindex` (0 = all links; with a link the rows carry no `dev`, as tc
/// prints them; so do classes and filters).
pub fn qdiscs(ipr: &mut IPRoute, ifindex: u32) -> Result<Vec<QdiscRow>> {
    let names = LinkNames::load(ipr)?;
    let mut out = Vec::new();
    ipr.qdisc_dump(ifindex, |m| {
        let mut r = qdisc_row(&m, &names);
        if ifindex != 0 {
            r.dev = None;
        }
        out.push(r)
    })?;
    Ok(out)
}

/// Classes of link `ifindex` (0 = all links).
pub fn classes(ipr: &mut IPRoute, ifindex: u32) -> Result<Vec<ClassRow>> {
    let names = LinkNames::load(ipr)?;
    let mut out = Vec::new();
    ipr.class_dump(ifindex, |m| {
        let mut r = class_row(&m, &names);
        if ifindex != 0 {
            r.dev = None;
        }
        out.push(r)
    })?;
    Ok(out)
}

/// Filters of link `ifindex` under `parent` (0 = every parent; with a parent, rows whose
/// parent is that one carry no `parent`, as tc prints them). The kernel dumps filters
/// per link: `ifindex` 0 runs one dump per link, in ifindex order, keeping `dev`.
pub fn filters(ipr: &mut IPRoute, ifindex: u32, parent: u32) -> Result<Vec<FilterRow>> {
    let names = LinkNames::load(ipr)?;
    let links: Vec<u32> = if ifindex == 0 {
        let mut v: Vec<u32> = names.by_index.keys().copied().collect();
        v.sort_unstable();
        v
    } else {
        vec![ifindex]
    };
    let mut out = Vec::new();
    for link in links {
        ipr.filter_dump(link, parent, |m| {
            let mut r = filter_row(&m, &names);
            if parent != 0 && r.parent == Some(parent) {
                r.parent = None;
            }
            if ifindex != 0 {
                r.dev = None;
            }
            out.push(r)
        })?;
    }
    Ok(out)
}
