//! Typed request descriptions (what to create, change or delete), shared by [`IPRoute`],
//! [`RawIPRoute`] and [`IPBatch`](super::IPBatch). They are plain owned data; turning them
//! into bytes is `req`'s job, done in one place for all three.
//!
//! [`IPRoute`]: super::IPRoute
//! [`RawIPRoute`]: super::RawIPRoute

use std::net::IpAddr;

/// A namespace to move a link into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NetnsRef {
    /// By the pid of a process inside it (IFLA_NET_NS_PID).
    Pid(u32),
    /// By an open namespace file descriptor (IFLA_NET_NS_FD), e.g. /run/netns/NAME.
    Fd(i32),
}

/// MACVLAN/MACVTAP modes (MACVLAN_MODE_*).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MacvlanMode {
    /// MACVLAN_MODE_PRIVATE.
    Private = 1,
    /// MACVLAN_MODE_VEPA.
    Vepa = 2,
    /// MACVLAN_MODE_BRIDGE.
    Bridge = 4,
    /// MACVLAN_MODE_PASSTHRU.
    Passthru = 8,
    /// MACVLAN_MODE_SOURCE.
    Source = 16,
}

/// IPVLAN modes (IPVLAN_MODE_*).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IpvlanMode {
    /// IPVLAN_MODE_L2.
    L2 = 0,
    /// IPVLAN_MODE_L3.
    L3 = 1,
    /// IPVLAN_MODE_L3S.
    L3s = 2,
}

/// What kind of link to create, with its kind-specific data (IFLA_INFO_DATA).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum LinkKind {
    /// A veth pair: the peer's name, and optionally the namespace the peer goes to.
    Veth {
        /// Name of the other end.
        peer: String,
        /// Put the peer into this namespace.
        peer_netns: Option<NetnsRef>,
    },
    /// A bridge.
    Bridge {
        /// IFLA_BR_STP_STATE.
        stp_state: Option<u32>,
        /// IFLA_BR_FORWARD_DELAY (in centiseconds, as the kernel takes it).
        forward_delay: Option<u32>,
        /// IFLA_BR_VLAN_FILTERING.
        vlan_filtering: Option<bool>,
    },
    /// A VXLAN device.
    Vxlan {
        /// VNI (IFLA_VXLAN_ID).
        id: u32,
        /// UDP destination port (IFLA_VXLAN_PORT), 4789 when `None` is not assumed: the kernel default applies.
        dstport: Option<u16>,
        /// Underlying device index (IFLA_VXLAN_LINK).
        dev: Option<u32>,
        /// Local address (IFLA_VXLAN_LOCAL / LOCAL6).
        local: Option<IpAddr>,
        /// Remote or multicast group (IFLA_VXLAN_GROUP / GROUP6).
        remote: Option<IpAddr>,
        /// TTL (IFLA_VXLAN_TTL).
        ttl: Option<u8>,
        /// Learning (IFLA_VXLAN_LEARNING).
        learning: Option<bool>,
    },
    /// MACVLAN on `link` (the parent's index goes in IFLA_LINK).
    Macvlan {
        /// Parent index.
        link: u32,
        /// Mode.
        mode: Option<MacvlanMode>,
    },
    /// MACVTAP on `link`.
    Macvtap {
        /// Parent index.
        link: u32,
        /// Mode.
        mode: Option<MacvlanMode>,
    },
    /// IPVLAN on `link`.
    Ipvlan {
        /// Parent index.
        link: u32,
        /// Mode.
        mode: Option<IpvlanMode>,
    },
    /// 802.1Q VLAN on `link`.
    Vlan {
        /// Parent index.
        link: u32,
        /// VLAN id.
        id: u16,
    },
    /// An ifb device.
    Ifb,
    /// A TUN/TAP device, created through /dev/net/tun by the tuntap proxy (IPRoute only).
    TunTap {
        /// true for tap, false for tun.
        tap: bool,
        /// Owner uid.
        owner: Option<u32>,
        /// Owner gid.
        group: Option<u32>,
        /// IFF_NO_PI.
        no_pi: bool,
        /// IFF_MULTI_QUEUE.
        multi_queue: bool,
        /// IFF_VNET_HDR.
        vnet_hdr: bool,
    },
    /// Any kind by name, with raw IFLA_INFO_DATA attribute bytes (may be empty).
    Other {
        /// IFLA_INFO_KIND.
        kind: String,
        /// The IFLA_INFO_DATA payload, already encoded.
        data: Vec<u8>,
    },
}

impl LinkKind {
    /// The IFLA_INFO_KIND string.
    pub fn kind_name(&self) -> &str {
        match self {
            LinkKind::Veth { .. } => "veth",
            LinkKind::Bridge { .. } => "bridge",
            LinkKind::Vxlan { .. } => "vxlan",
            LinkKind::Macvlan { .. } => "macvlan",
            LinkKind::Macvtap { .. } => "macvtap",
            LinkKind::Ipvlan { .. } => "ipvlan",
            LinkKind::Vlan { .. } => "vlan",
            LinkKind::Ifb => "ifb",
            LinkKind::TunTap { .. } => "tuntap",
            LinkKind::Other { kind, .. } => kind,
        }
    }
}

/// A link to add, or the changes to make to one (`link set`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkSpec {
    /// Target index (for set/del); 0 = by name.
    pub index: u32,
    /// IFLA_IFNAME: the name (add), the target (set/del by name) or the new name (set by index).
    pub name: Option<String>,
    /// Kind and kind data (add only).
    pub kind: Option<LinkKind>,
    /// Administrative state: IFF_UP set or cleared.
    pub up: Option<bool>,
    /// IFLA_MTU.
    pub mtu: Option<u32>,
    /// IFLA_ADDRESS.
    pub address: Option<Vec<u8>>,
    /// IFLA_MASTER (0 = nomaster).
    pub master: Option<u32>,
    /// IFLA_TXQLEN.
    pub txqlen: Option<u32>,
    /// IFLA_IFALIAS.
    pub alias: Option<String>,
    /// Move to another namespace.
    pub netns: Option<NetnsRef>,
    /// IFLA_GROUP.
    pub group: Option<u32>,
    /// Other IFF_* flags to set (within `flags_mask`): `arp off` sets IFF_NOARP, ...
    pub flags: u32,
    /// Which IFF_* flags `flags` changes (besides IFF_UP, which `up` controls).
    pub flags_mask: u32,
}

impl LinkSpec {
    /// A new link named `name` of `kind`.
    pub fn new(name: &str, kind: LinkKind) -> Self {
        LinkSpec {
            name: Some(name.to_owned()),
            kind: Some(kind),
            ..Default::default()
        }
    }
    /// Changes to the link with index `index`.
    pub fn index(index: u32) -> Self {
        LinkSpec {
            index,
            ..Default::default()
        }
    }
    /// Changes to the link named `name`.
    pub fn named(name: &str) -> Self {
        LinkSpec {
            name: Some(name.to_owned()),
            ..Default::default()
        }
    }
}

/// Broadcast address of an IPv4 address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Broadcast {
    /// Computed from the prefix (`ip addr add ... brd +`).
    Auto,
    /// Given.
    Addr(std::net::Ipv4Addr),
}

/// An address to add, replace or delete.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddrSpec {
    /// Interface index.
    pub index: u32,
    /// The address (IFA_LOCAL; for IPv4 IFA_ADDRESS too unless `peer` is set).
    pub address: IpAddr,
    /// Prefix length.
    pub prefixlen: u8,
    /// Point-to-point peer (IFA_ADDRESS).
    pub peer: Option<IpAddr>,
    /// IPv4 broadcast.
    pub broadcast: Option<Broadcast>,
    /// IFA_LABEL.
    pub label: Option<String>,
    /// Scope (RT_SCOPE_*); `None` = universe.
    pub scope: Option<u8>,
    /// IFA_F_* flags (nodad 0x02, noprefixroute 0x200 ...).
    pub flags: u32,
    /// Valid and preferred lifetimes in seconds (IFA_CACHEINFO); `None` = forever.
    pub lifetimes: Option<(u32, u32)>,
}

impl AddrSpec {
    /// `address/prefixlen` on interface `index`.
    pub fn new(index: u32, address: IpAddr, prefixlen: u8) -> Self {
        AddrSpec {
            index,
            address,
            prefixlen,
            peer: None,
            broadcast: None,
            label: None,
            scope: None,
            flags: 0,
            lifetimes: None,
        }
    }
}

/// One nexthop of a multipath route.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NextHop {
    /// Gateway.
    pub gateway: Option<IpAddr>,
    /// Output interface index.
    pub oif: u32,
    /// Weight, 1..=256 (`rtnh_hops` is weight - 1).
    pub weight: u16,
    /// RTNH_F_ONLINK.
    pub onlink: bool,
}

/// A route to add/replace/change/append/delete, or to look up (`route get`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteSpec {
    /// AF_INET or AF_INET6 (taken from `dst`/`gateway` when 0).
    pub family: u8,
    /// Destination and prefix length; `None` = default route.
    pub dst: Option<(IpAddr, u8)>,
    /// Gateway (RTA_GATEWAY).
    pub gateway: Option<IpAddr>,
    /// Output interface (RTA_OIF).
    pub oif: Option<u32>,
    /// Preferred source (RTA_PREFSRC).
    pub prefsrc: Option<IpAddr>,
    /// Metric (RTA_PRIORITY).
    pub metric: Option<u32>,
    /// Table; above 255 it goes in RTA_TABLE. `None` = main.
    pub table: Option<u32>,
    /// Protocol (RTPROT_*); `None` = RTPROT_BOOT, as `ip route` does.
    pub protocol: Option<u8>,
    /// Scope; `None` = chosen like `ip route` (host for local, link for direct unicast, universe otherwise).
    pub scope: Option<u8>,
    /// Route type (RTN_*); `None` = unicast.
    pub rtype: Option<u8>,
    /// RTAX_* metrics (mtu = 2, advmss = 8, hoplimit = 10 ...).
    pub metrics: Vec<(u16, u32)>,
    /// Multipath nexthops.
    pub nexthops: Vec<NextHop>,
    /// RTNH_F_ONLINK on the route.
    pub onlink: bool,
}

impl RouteSpec {
    /// A route to `dst` (`None` = default).
    pub fn to(dst: Option<(IpAddr, u8)>) -> Self {
        RouteSpec {
            family: 0,
            dst,
            gateway: None,
            oif: None,
            prefsrc: None,
            metric: None,
            table: None,
            protocol: None,
            scope: None,
            rtype: None,
            metrics: Vec::new(),
            nexthops: Vec::new(),
            onlink: false,
        }
    }
}

/// A neighbour (ARP/NDP entry, or bridge fdb entry with family AF_BRIDGE).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeighSpec {
    /// Interface index.
    pub index: u32,
    /// AF_INET, AF_INET6 or AF_BRIDGE; 0 = from `dst`.
    pub family: u8,
    /// Protocol address (NDA_DST); none for fdb entries.
    pub dst: Option<IpAddr>,
    /// Link-layer address (NDA_LLADDR).
    pub lladdr: Option<Vec<u8>>,
    /// NUD_* state; `None` = NUD_PERMANENT.
    pub state: Option<u16>,
    /// NTF_* flags (router 0x80, proxy 0x08, self 0x02, master 0x04).
    pub flags: u8,
    /// NDA_VLAN (fdb).
    pub vlan: Option<u16>,
    /// NDA_MASTER (fdb).
    pub master: Option<u32>,
}

/// A policy routing rule.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RuleSpec {
    /// AF_INET or AF_INET6 (required).
    pub family: u8,
    /// FRA_PRIORITY.
    pub priority: Option<u32>,
    /// Table (FRA_TABLE, and the header when it fits a byte).
    pub table: Option<u32>,
    /// FRA_FWMARK.
    pub fwmark: Option<u32>,
    /// FRA_FWMASK.
    pub fwmask: Option<u32>,
    /// FRA_IIFNAME.
    pub iif: Option<String>,
    /// FRA_OIFNAME.
    pub oif: Option<String>,
    /// Source prefix (FRA_SRC).
    pub src: Option<(IpAddr, u8)>,
    /// Destination prefix (FRA_DST).
    pub dst: Option<(IpAddr, u8)>,
    /// FR_ACT_GOTO target (FRA_GOTO).
    pub goto: Option<u32>,
    /// FRA_SUPPRESS_PREFIXLEN.
    pub suppress_prefixlen: Option<u32>,
    /// FRA_UID_RANGE (start, end).
    pub uid_range: Option<(u32, u32)>,
    /// FRA_L3MDEV.
    pub l3mdev: bool,
    /// FR_ACT_* (default FR_ACT_TO_TBL, or FR_ACT_GOTO with `goto`).
    pub action: Option<u8>,
    /// FIB_RULE_INVERT.
    pub invert: bool,
}

/// Bridge port options (`bridge link set`): IFLA_BRPORT_* in IFLA_PROTINFO of an
/// AF_BRIDGE RTM_SETLINK. Unset fields are left as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BrPortSpec {
    /// The port's interface index.
    pub index: u32,
    /// IFLA_BRPORT_STATE (BR_STATE_*).
    pub state: Option<u8>,
    /// IFLA_BRPORT_PRIORITY.
    pub priority: Option<u16>,
    /// IFLA_BRPORT_COST.
    pub cost: Option<u32>,
    /// IFLA_BRPORT_GUARD (BPDU guard).
    pub guard: Option<bool>,
    /// IFLA_BRPORT_FAST_LEAVE.
    pub fast_leave: Option<bool>,
    /// IFLA_BRPORT_LEARNING.
    pub learning: Option<bool>,
    /// IFLA_BRPORT_UNICAST_FLOOD.
    pub flood: Option<bool>,
}

/// One VLAN on a bridge port (or, with `self_`, on the bridge device itself).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BridgeVlan {
    /// The port's (or bridge's) interface index.
    pub index: u32,
    /// VLAN id, 1..=4094.
    pub vid: u16,
    /// BRIDGE_VLAN_INFO_PVID: untagged ingress goes to this VLAN.
    pub pvid: bool,
    /// BRIDGE_VLAN_INFO_UNTAGGED: egress untagged.
    pub untagged: bool,
    /// BRIDGE_FLAGS_SELF: the bridge device's own VLAN (`bridge vlan add ... self`).
    pub self_: bool,
}
