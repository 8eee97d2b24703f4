//! rtnetlink link messages (RTM_NEWLINK/DELLINK/GETLINK/SETLINK): `struct ifinfomsg`, the
//! IFLA_* attribute set of `linux/if_link.h`, the typed [`LinkMsg`] view and its builder.
//!
//! Sub-modules: [`info`] (IFLA_LINKINFO and the per-kind IFLA_INFO_DATA sets), [`af_spec`]
//! (IFLA_AF_SPEC / IFLA_PROTINFO by address family).
//!
//! The installed UAPI header (linux-libc-dev 6.1) ends the IFLA_* enum at IFLA_ALLMULTI
//! (61); the kernel these fixtures were captured on (6.18) also sends IFLA_DEVLINK_PORT
//! (62) .. IFLA_TAILROOM (69), which are declared here with their upstream numbers.

pub mod af_spec;
pub mod info;

use core::marker::PhantomData;

use bitflags::bitflags;

use crate::genl::named_consts;
use crate::nl::attr::Kind;
use crate::nl::attr::kind::*;
use crate::nl::describe::describe_nested;
use crate::nl::{
    Attr, AttrIter, AttrSet, Buffer, Ctx, Error, ErrorKind, MsgBuilder, NLA_F_NESTED,
    NLA_TYPE_MASK, Nested, NlMsg, NlaValue, NlaWriter, RawAttrs, Scalar, Visitor,
};

pub use af_spec::{AfSpec, ProtInfo};
pub use info::{InfoData, LinkInfo, SlaveData};

/// RTM_NEWLINK.
pub const RTM_NEWLINK: u16 = 16;
/// RTM_DELLINK.
pub const RTM_DELLINK: u16 = 17;
/// RTM_GETLINK.
pub const RTM_GETLINK: u16 = 18;
/// RTM_SETLINK.
pub const RTM_SETLINK: u16 = 19;

wire_struct! {
    /// `struct ifinfomsg` (linux/rtnetlink.h): the fixed header of every link message.
    pub struct IfInfoMsg {
        /// `ifi_family`.
        ifi_family: u8,
        /// `ifi_pad`.
        ifi_pad: u8,
        /// `ifi_type`.
        ifi_type: u16,
        /// `ifi_index`.
        ifi_index: i32,
        /// `ifi_flags`.
        ifi_flags: u32,
        /// `ifi_change`.
        ifi_change: u32,
    }
}

impl IfInfoMsg {
    /// A header for `family` and interface `index`, everything else zero.
    pub fn new(family: u8, index: i32) -> Self {
        IfInfoMsg {
            ifi_family: family,
            ifi_index: index.into(),
            ..Default::default()
        }
    }
    /// `ifi_flags` as [`Iff`] (unknown bits kept).
    pub fn flags(&self) -> Iff {
        Iff::from_bits_retain(self.ifi_flags())
    }
    /// Describes the header with names: family, ARPHRD_* type and IFF_* flags.
    pub fn describe_named(&self, out: &mut dyn Visitor) {
        out.begin_object();
        out.key("ifi_family");
        match crate::rtnl::consts::af_name(self.ifi_family) {
            Some(n) => out.scalar(Scalar::Name(n)),
            None => out.scalar(Scalar::U64(self.ifi_family.into())),
        }
        out.key("ifi_pad");
        out.scalar(Scalar::U64(self.ifi_pad.into()));
        out.key("ifi_type");
        match arphrd_name(self.ifi_type()) {
            Some(n) => out.scalar(Scalar::Name(n)),
            None => out.scalar(Scalar::U64(self.ifi_type().into())),
        }
        out.key("ifi_index");
        out.scalar(Scalar::I64(self.ifi_index().into()));
        out.key("ifi_flags");
        describe_iff(self.ifi_flags(), out);
        out.key("ifi_change");
        out.scalar(Scalar::U64(self.ifi_change().into()));
        out.end_object();
    }
}

bitflags! {
    /// IFF_* device flags (`net/if.h`, `linux/if.h`), as in `ifi_flags`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct Iff: u32 {
        /// IFF_UP: interface is up.
        const UP = 1 << 0;
        /// IFF_BROADCAST: broadcast address valid.
        const BROADCAST = 1 << 1;
        /// IFF_DEBUG: debugging on.
        const DEBUG = 1 << 2;
        /// IFF_LOOPBACK: a loopback net.
        const LOOPBACK = 1 << 3;
        /// IFF_POINTOPOINT: a point-to-point link.
        const POINTOPOINT = 1 << 4;
        /// IFF_NOTRAILERS: avoid use of trailers.
        const NOTRAILERS = 1 << 5;
        /// IFF_RUNNING: RFC 2863 OPER_UP.
        const RUNNING = 1 << 6;
        /// IFF_NOARP: no ARP protocol.
        const NOARP = 1 << 7;
        /// IFF_PROMISC: receive all packets.
        const PROMISC = 1 << 8;
        /// IFF_ALLMULTI: receive all multicast packets.
        const ALLMULTI = 1 << 9;
        /// IFF_MASTER: master of a load balancer.
        const MASTER = 1 << 10;
        /// IFF_SLAVE: slave of a load balancer.
        const SLAVE = 1 << 11;
        /// IFF_MULTICAST: supports multicast.
        const MULTICAST = 1 << 12;
        /// IFF_PORTSEL: can set media type.
        const PORTSEL = 1 << 13;
        /// IFF_AUTOMEDIA: auto media select active.
        const AUTOMEDIA = 1 << 14;
        /// IFF_DYNAMIC: dialup device with changing addresses.
        const DYNAMIC = 1 << 15;
        /// IFF_LOWER_UP: driver signals L1 up.
        const LOWER_UP = 1 << 16;
        /// IFF_DORMANT: driver signals dormant.
        const DORMANT = 1 << 17;
        /// IFF_ECHO: echo sent packets.
        const ECHO = 1 << 18;
    }
}

/// The kernel names of IFF_* bits, by bit number.
const IFF_NAMES: [&str; 19] = [
    "IFF_UP",
    "IFF_BROADCAST",
    "IFF_DEBUG",
    "IFF_LOOPBACK",
    "IFF_POINTOPOINT",
    "IFF_NOTRAILERS",
    "IFF_RUNNING",
    "IFF_NOARP",
    "IFF_PROMISC",
    "IFF_ALLMULTI",
    "IFF_MASTER",
    "IFF_SLAVE",
    "IFF_MULTICAST",
    "IFF_PORTSEL",
    "IFF_AUTOMEDIA",
    "IFF_DYNAMIC",
    "IFF_LOWER_UP",
    "IFF_DORMANT",
    "IFF_ECHO",
];

/// Describes an IFF_* word as a list of names (unknown bits as numbers).
fn describe_iff(flags: u32, out: &mut dyn Visitor) {
    out.begin_list();
    for bit in 0..32u32 {
        if flags & (1 << bit) != 0 {
            match IFF_NAMES.get(bit as usize) {
                Some(n) => out.scalar(Scalar::Name(n)),
                None => out.scalar(Scalar::U64(1u64 << bit)),
            }
        }
    }
    out.end_list();
}

named_consts! {
    /// The kernel name of an `ifi_type` (ARPHRD_*, `linux/if_arp.h`).
    pub fn arphrd_name(u16);
    ARPHRD_NETROM = 0, ARPHRD_ETHER = 1, ARPHRD_EETHER = 2, ARPHRD_AX25 = 3,
    ARPHRD_PRONET = 4, ARPHRD_CHAOS = 5, ARPHRD_IEEE802 = 6, ARPHRD_ARCNET = 7,
    ARPHRD_APPLETLK = 8, ARPHRD_DLCI = 15, ARPHRD_ATM = 19, ARPHRD_METRICOM = 23,
    ARPHRD_IEEE1394 = 24, ARPHRD_EUI64 = 27, ARPHRD_INFINIBAND = 32, ARPHRD_SLIP = 256,
    ARPHRD_CSLIP = 257, ARPHRD_SLIP6 = 258, ARPHRD_CSLIP6 = 259, ARPHRD_RSRVD = 260,
    ARPHRD_ADAPT = 264, ARPHRD_ROSE = 270, ARPHRD_X25 = 271, ARPHRD_HWX25 = 272,
    ARPHRD_CAN = 280, ARPHRD_MCTP = 290, ARPHRD_PPP = 512, ARPHRD_CISCO = 513,
    ARPHRD_LAPB = 516, ARPHRD_DDCMP = 517, ARPHRD_RAWHDLC = 518, ARPHRD_RAWIP = 519,
    ARPHRD_TUNNEL = 768, ARPHRD_TUNNEL6 = 769, ARPHRD_FRAD = 770, ARPHRD_SKIP = 771,
    ARPHRD_LOOPBACK = 772, ARPHRD_LOCALTLK = 773, ARPHRD_FDDI = 774, ARPHRD_BIF = 775,
    ARPHRD_SIT = 776, ARPHRD_IPDDP = 777, ARPHRD_IPGRE = 778, ARPHRD_PIMREG = 779,
    ARPHRD_HIPPI = 780, ARPHRD_ASH = 781, ARPHRD_ECONET = 782, ARPHRD_IRDA = 783,
    ARPHRD_FCPP = 784, ARPHRD_FCAL = 785, ARPHRD_FCPL = 786, ARPHRD_FCFABRIC = 787,
    ARPHRD_IEEE802_TR = 800, ARPHRD_IEEE80211 = 801, ARPHRD_IEEE80211_PRISM = 802,
    ARPHRD_IEEE80211_RADIOTAP = 803, ARPHRD_IEEE802154 = 804,
    ARPHRD_IEEE802154_MONITOR = 805, ARPHRD_PHONET = 820, ARPHRD_PHONET_PIPE = 821,
    ARPHRD_CAIF = 822, ARPHRD_IP6GRE = 823, ARPHRD_NETLINK = 824, ARPHRD_6LOWPAN = 825,
    ARPHRD_VSOCKMON = 826, ARPHRD_VOID = 0xFFFF, ARPHRD_NONE = 0xFFFE,
}

named_consts! {
    /// The kernel name of an IFLA_OPERSTATE value (IF_OPER_*, RFC 2863).
    pub fn if_oper_name(u8);
    IF_OPER_UNKNOWN = 0, IF_OPER_NOTPRESENT = 1, IF_OPER_DOWN = 2,
    IF_OPER_LOWERLAYERDOWN = 3, IF_OPER_TESTING = 4, IF_OPER_DORMANT = 5, IF_OPER_UP = 6,
}

named_consts! {
    /// The kernel name of an IFLA_LINKMODE value (IF_LINK_MODE_*).
    pub fn if_link_mode_name(u8);
    IF_LINK_MODE_DEFAULT = 0, IF_LINK_MODE_DORMANT = 1, IF_LINK_MODE_TESTING = 2,
}

/// An IFLA_OPERSTATE value (a u8 named IF_OPER_* when described).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct OperState(pub u8);

impl OperState {
    /// The IF_OPER_* name, if known.
    pub fn name(&self) -> Option<&'static str> {
        if_oper_name(self.0)
    }
}

/// An IFLA_LINKMODE value (a u8 named IF_LINK_MODE_* when described).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct LinkMode(pub u8);

impl LinkMode {
    /// The IF_LINK_MODE_* name, if known.
    pub fn name(&self) -> Option<&'static str> {
        if_link_mode_name(self.0)
    }
}

macro_rules! named_u8_value {
    ($t:ident) => {
        impl<'a> NlaValue<'a> for $t {
            fn decode(attr: &Attr<'a>) -> Result<Self, Error> {
                attr.as_u8().map($t)
            }
            fn encode<W: NlaWriter + ?Sized>(&self, w: &mut W, ty: u16) -> Result<(), Error> {
                w.put_u8(ty, self.0)
            }
            fn describe(&self, _: &Ctx, out: &mut dyn Visitor) {
                match self.name() {
                    Some(n) => out.scalar(Scalar::Name(n)),
                    None => out.scalar(Scalar::U64(self.0.into())),
                }
            }
        }
    };
}
named_u8_value!(OperState);
named_u8_value!(LinkMode);

/// A nested attribute list of set `S` that remembers whether NLA_F_NESTED was set on
/// the wire, so that a decoded attribute re-encodes byte for byte (the kernel sends
/// IFLA_LINKINFO and IFLA_AF_SPEC without the flag, IFLA_DEVLINK_PORT with it).
pub struct NestedList<'a, S> {
    list: Nested<'a, S>,
    flags: u16,
}

impl<'a, S> NestedList<'a, S> {
    /// Wraps a list; `nested_flag` says whether the attribute carries NLA_F_NESTED.
    pub fn new(iter: AttrIter<'a>, nested_flag: bool) -> Self {
        NestedList {
            list: Nested::new(iter),
            flags: if nested_flag { NLA_F_NESTED } else { 0 },
        }
    }
    /// The raw attribute walk.
    pub fn raw(&self) -> AttrIter<'a> {
        self.list.raw()
    }
    /// The list as a plain [`Nested`].
    pub fn list(&self) -> Nested<'a, S> {
        self.list
    }
    /// NLA_F_NESTED was set on the attribute.
    pub fn has_nested_flag(&self) -> bool {
        self.flags != 0
    }
}

impl<'a, S: AttrSet> NestedList<'a, S> {
    /// Typed members, one `Result` each.
    pub fn iter(&self) -> impl Iterator<Item = Result<S::Item<'a>, Error>> + use<'a, S> {
        self.list.iter()
    }
}

impl<S> Clone for NestedList<'_, S> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<S> Copy for NestedList<'_, S> {}
impl<S> PartialEq for NestedList<'_, S> {
    fn eq(&self, other: &Self) -> bool {
        self.list == other.list && self.flags == other.flags
    }
}
impl<S> core::fmt::Debug for NestedList<'_, S> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("NestedList")
            .field("list", &self.list)
            .field("nested_flag", &(self.flags != 0))
            .finish()
    }
}

/// Table kind for [`NestedList`]: a nested set whose NLA_F_NESTED flag round-trips.
#[derive(Debug, Clone, Copy)]
pub struct NestedKeep<S>(PhantomData<S>);

impl<'a, S: AttrSet + 'a> Kind<'a> for NestedKeep<S> {
    type T = NestedList<'a, S>;
    fn decode(a: &Attr<'a>) -> Result<NestedList<'a, S>, Error> {
        Ok(NestedList::new(a.nested(), a.is_nested()))
    }
    fn encode<W: NlaWriter + ?Sized>(
        w: &mut W,
        ty: u16,
        v: &NestedList<'a, S>,
    ) -> Result<(), Error> {
        w.put_bytes((ty & NLA_TYPE_MASK) | v.flags, v.raw().bytes())
    }
    fn describe(v: &NestedList<'a, S>, ctx: &Ctx, out: &mut dyn Visitor) {
        describe_nested(v.raw(), ctx, out, S::describe_list)
    }
}

wire_struct! {
    /// `struct rtnl_link_stats` (IFLA_STATS): 32-bit counters, read by common prefix.
    pub struct RtnlLinkStats {
        /// `rx_packets`.
        rx_packets: u32,
        /// `tx_packets`.
        tx_packets: u32,
        /// `rx_bytes`.
        rx_bytes: u32,
        /// `tx_bytes`.
        tx_bytes: u32,
        /// `rx_errors`.
        rx_errors: u32,
        /// `tx_errors`.
        tx_errors: u32,
        /// `rx_dropped`.
        rx_dropped: u32,
        /// `tx_dropped`.
        tx_dropped: u32,
        /// `multicast`.
        multicast: u32,
        /// `collisions`.
        collisions: u32,
        /// `rx_length_errors`.
        rx_length_errors: u32,
        /// `rx_over_errors`.
        rx_over_errors: u32,
        /// `rx_crc_errors`.
        rx_crc_errors: u32,
        /// `rx_frame_errors`.
        rx_frame_errors: u32,
        /// `rx_fifo_errors`.
        rx_fifo_errors: u32,
        /// `rx_missed_errors`.
        rx_missed_errors: u32,
        /// `tx_aborted_errors`.
        tx_aborted_errors: u32,
        /// `tx_carrier_errors`.
        tx_carrier_errors: u32,
        /// `tx_fifo_errors`.
        tx_fifo_errors: u32,
        /// `tx_heartbeat_errors`.
        tx_heartbeat_errors: u32,
        /// `tx_window_errors`.
        tx_window_errors: u32,
        /// `rx_compressed`.
        rx_compressed: u32,
        /// `tx_compressed`.
        tx_compressed: u32,
        /// `rx_nohandler`.
        rx_nohandler: u32,
    }
}

wire_struct! {
    /// `struct rtnl_link_stats64` (IFLA_STATS64), rx_otherhost_dropped included; read
    /// by common prefix, so an older (shorter) or newer (longer) kernel struct is fine.
    pub struct RtnlLinkStats64 {
        /// `rx_packets`.
        rx_packets: u64,
        /// `tx_packets`.
        tx_packets: u64,
        /// `rx_bytes`.
        rx_bytes: u64,
        /// `tx_bytes`.
        tx_bytes: u64,
        /// `rx_errors`.
        rx_errors: u64,
        /// `tx_errors`.
        tx_errors: u64,
        /// `rx_dropped`.
        rx_dropped: u64,
        /// `tx_dropped`.
        tx_dropped: u64,
        /// `multicast`.
        multicast: u64,
        /// `collisions`.
        collisions: u64,
        /// `rx_length_errors`.
        rx_length_errors: u64,
        /// `rx_over_errors`.
        rx_over_errors: u64,
        /// `rx_crc_errors`.
        rx_crc_errors: u64,
        /// `rx_frame_errors`.
        rx_frame_errors: u64,
        /// `rx_fifo_errors`.
        rx_fifo_errors: u64,
        /// `rx_missed_errors`.
        rx_missed_errors: u64,
        /// `tx_aborted_errors`.
        tx_aborted_errors: u64,
        /// `tx_carrier_errors`.
        tx_carrier_errors: u64,
        /// `tx_fifo_errors`.
        tx_fifo_errors: u64,
        /// `tx_heartbeat_errors`.
        tx_heartbeat_errors: u64,
        /// `tx_window_errors`.
        tx_window_errors: u64,
        /// `rx_compressed`.
        rx_compressed: u64,
        /// `tx_compressed`.
        tx_compressed: u64,
        /// `rx_nohandler`.
        rx_nohandler: u64,
        /// `rx_otherhost_dropped`.
        rx_otherhost_dropped: u64,
    }
}

wire_struct! {
    /// `struct rtnl_link_ifmap` (IFLA_MAP), with the 4 bytes of tail padding the C
    /// struct has on 64-bit alignment (the kernel sends 32 bytes).
    pub struct RtnlLinkIfmap {
        /// `mem_start`.
        mem_start: u64,
        /// `mem_end`.
        mem_end: u64,
        /// `base_addr`.
        base_addr: u64,
        /// `irq`.
        irq: u16,
        /// `dma`.
        dma: u8,
        /// `port`.
        port: u8,
        /// Padding.
        __pad: [u8; 4],
    }
}

nla_set! {
    /// IFLA_PROTO_DOWN_REASON_* (nested in IFLA_PROTO_DOWN_REASON).
    pub struct ProtoDownReasonAttrs, enum ProtoDownReasonAttr, index ProtoDownReasonIndex;
    /// Mask of the reason bits to change.
    IFLA_PROTO_DOWN_REASON_MASK = 1 => Mask(mask): U32,
    /// Reason bit values.
    IFLA_PROTO_DOWN_REASON_VALUE = 2 => Value(value): U32,
}

named_consts! {
    /// The kernel name of an IFLA_XDP_ATTACHED value (XDP_ATTACHED_*).
    pub fn xdp_attached_name(u8);
    XDP_ATTACHED_NONE = 0, XDP_ATTACHED_DRV = 1, XDP_ATTACHED_SKB = 2, XDP_ATTACHED_HW = 3,
    XDP_ATTACHED_MULTI = 4,
}

nla_set! {
    /// IFLA_XDP_* (nested in IFLA_XDP).
    pub struct XdpAttrs, enum XdpAttr, index XdpIndex;
    /// Program fd to attach (requests).
    IFLA_XDP_FD = 1 => Fd(fd): I32,
    /// How programs are attached (XDP_ATTACHED_*).
    IFLA_XDP_ATTACHED = 2 => Attached(attached): U8,
    /// XDP_FLAGS_* of the attach request.
    IFLA_XDP_FLAGS = 3 => Flags(flags): U32,
    /// Id of the attached program.
    IFLA_XDP_PROG_ID = 4 => ProgId(prog_id): U32,
    /// Id of the driver-mode program.
    IFLA_XDP_DRV_PROG_ID = 5 => DrvProgId(drv_prog_id): U32,
    /// Id of the generic (skb) program.
    IFLA_XDP_SKB_PROG_ID = 6 => SkbProgId(skb_prog_id): U32,
    /// Id of the offloaded program.
    IFLA_XDP_HW_PROG_ID = 7 => HwProgId(hw_prog_id): U32,
    /// fd of the program expected to be replaced.
    IFLA_XDP_EXPECTED_FD = 8 => ExpectedFd(expected_fd): I32,
}

nla_set! {
    /// IFLA_PORT_* (nested in IFLA_PORT_SELF and in each IFLA_VF_PORT of IFLA_VF_PORTS).
    pub struct PortAttrs, enum PortAttr, index PortIndex;
    /// VF number.
    IFLA_PORT_VF = 1 => Vf(vf): U32,
    /// Port profile name.
    IFLA_PORT_PROFILE = 2 => Profile(profile): CStr,
    /// `struct ifla_port_vsi`.
    IFLA_PORT_VSI_TYPE = 3 => VsiType(vsi_type): Bytes,
    /// Instance UUID (16 bytes).
    IFLA_PORT_INSTANCE_UUID = 4 => InstanceUuid(instance_uuid): Bytes,
    /// Host UUID (16 bytes).
    IFLA_PORT_HOST_UUID = 5 => HostUuid(host_uuid): Bytes,
    /// PORT_REQUEST_*.
    IFLA_PORT_REQUEST = 6 => Request(request): U8,
    /// PORT_VDP_RESPONSE_* / PORT_PROFILE_RESPONSE_*.
    IFLA_PORT_RESPONSE = 7 => Response(response): U16,
}

/// IFLA_TARGET_NETNSID: the newer name of IFLA_IF_NETNSID (46).
pub const IFLA_TARGET_NETNSID: u16 = IFLA_IF_NETNSID;

nla_set! {
    /// Top-level link attributes (IFLA_*, `linux/if_link.h`), after `struct ifinfomsg`.
    pub struct LinkAttrs, enum LinkAttr, index LinkIndex, visitor LinkVisitor;
    /// Hardware (link-layer) address.
    IFLA_ADDRESS = 1 => Address(address): LlAddr,
    /// Link-layer broadcast address.
    IFLA_BROADCAST = 2 => Broadcast(broadcast): LlAddr,
    /// Interface name.
    IFLA_IFNAME = 3 => IfName(ifname): CStr,
    /// MTU.
    IFLA_MTU = 4 => Mtu(mtu): U32,
    /// ifindex of the lower link (veth peer, macvlan parent, ...).
    IFLA_LINK = 5 => Link(link): U32,
    /// Root qdisc kind.
    IFLA_QDISC = 6 => Qdisc(qdisc): CStr,
    /// 32-bit statistics (`struct rtnl_link_stats`).
    IFLA_STATS = 7 => Stats(stats): Wire<RtnlLinkStats>,
    /// Unused by the kernel.
    IFLA_COST = 8 => Cost(cost): U32,
    /// Unused by the kernel.
    IFLA_PRIORITY = 9 => Priority(priority): U32,
    /// ifindex of the master device (bridge, bond, VRF).
    IFLA_MASTER = 10 => Master(master): U32,
    /// Wireless extension event (opaque).
    IFLA_WIRELESS = 11 => Wireless(wireless): Bytes,
    /// Protocol-specific information, by `ifi_family` (IFLA_BRPORT_* for AF_BRIDGE,
    /// IFLA_INET6_* for AF_INET6).
    IFLA_PROTINFO = 12 => ProtInfo(protinfo): af_spec::ProtInfoKind,
    /// Transmit queue length.
    IFLA_TXQLEN = 13 => TxQLen(txqlen): U32,
    /// Device map (`struct rtnl_link_ifmap`).
    IFLA_MAP = 14 => Map(map): Wire<RtnlLinkIfmap>,
    /// Unused by the kernel.
    IFLA_WEIGHT = 15 => Weight(weight): U32,
    /// RFC 2863 operational state (IF_OPER_*).
    IFLA_OPERSTATE = 16 => OperState(operstate): Value<OperState>,
    /// Link mode (IF_LINK_MODE_*).
    IFLA_LINKMODE = 17 => LinkMode(linkmode): Value<LinkMode>,
    /// Kind and kind-specific data (IFLA_INFO_*).
    IFLA_LINKINFO = 18 => LinkInfo(linkinfo): info::LinkInfoKeep,
    /// Move to the namespace of this pid.
    IFLA_NET_NS_PID = 19 => NetNsPid(net_ns_pid): U32,
    /// Interface alias.
    IFLA_IFALIAS = 20 => IfAlias(ifalias): CStr,
    /// Number of SR-IOV virtual functions.
    IFLA_NUM_VF = 21 => NumVf(num_vf): U32,
    /// SR-IOV VF information (IFLA_VF_INFO nests; kept raw).
    IFLA_VFINFO_LIST = 22 => VfInfoList(vfinfo_list): NestedKeep<RawAttrs>,
    /// 64-bit statistics (`struct rtnl_link_stats64`, read by prefix).
    IFLA_STATS64 = 23 => Stats64(stats64): Wire<RtnlLinkStats64>,
    /// VF port profiles (IFLA_VF_PORT nests of IFLA_PORT_*; kept raw).
    IFLA_VF_PORTS = 24 => VfPorts(vf_ports): NestedKeep<RawAttrs>,
    /// Port profile of the device itself.
    IFLA_PORT_SELF = 25 => PortSelf(port_self): NestedKeep<PortAttrs>,
    /// Address-family specific data (see [`AfSpec`]).
    IFLA_AF_SPEC = 26 => AfSpec(af_spec): af_spec::AfSpecKind,
    /// Device group.
    IFLA_GROUP = 27 => Group(group): U32,
    /// Move to the namespace of this fd.
    IFLA_NET_NS_FD = 28 => NetNsFd(net_ns_fd): U32,
    /// RTEXT_FILTER_* mask of a dump request.
    IFLA_EXT_MASK = 29 => ExtMask(ext_mask): U32,
    /// Promiscuity count.
    IFLA_PROMISCUITY = 30 => Promiscuity(promiscuity): U32,
    /// Number of transmit queues.
    IFLA_NUM_TX_QUEUES = 31 => NumTxQueues(num_tx_queues): U32,
    /// Number of receive queues.
    IFLA_NUM_RX_QUEUES = 32 => NumRxQueues(num_rx_queues): U32,
    /// Carrier state.
    IFLA_CARRIER = 33 => Carrier(carrier): U8,
    /// Physical port id.
    IFLA_PHYS_PORT_ID = 34 => PhysPortId(phys_port_id): Bytes,
    /// Carrier changes count.
    IFLA_CARRIER_CHANGES = 35 => CarrierChanges(carrier_changes): U32,
    /// Physical switch id.
    IFLA_PHYS_SWITCH_ID = 36 => PhysSwitchId(phys_switch_id): Bytes,
    /// nsid of the namespace IFLA_LINK lives in.
    IFLA_LINK_NETNSID = 37 => LinkNetNsId(link_netnsid): I32,
    /// Physical port name.
    IFLA_PHYS_PORT_NAME = 38 => PhysPortName(phys_port_name): CStr,
    /// Protocol down.
    IFLA_PROTO_DOWN = 39 => ProtoDown(proto_down): U8,
    /// Max GSO segments.
    IFLA_GSO_MAX_SEGS = 40 => GsoMaxSegs(gso_max_segs): U32,
    /// Max GSO size.
    IFLA_GSO_MAX_SIZE = 41 => GsoMaxSize(gso_max_size): U32,
    /// Padding for 64-bit attributes.
    IFLA_PAD = 42 => Pad(pad): Bytes,
    /// XDP state (IFLA_XDP_*).
    IFLA_XDP = 43 => Xdp(xdp): NestedKeep<XdpAttrs>,
    /// Event that caused a notification (IFLA_EVENT_*).
    IFLA_EVENT = 44 => Event(event): U32,
    /// New nsid after a namespace move.
    IFLA_NEW_NETNSID = 45 => NewNetNsId(new_netnsid): I32,
    /// Target namespace id of a request (IFLA_TARGET_NETNSID).
    IFLA_IF_NETNSID = 46 => IfNetNsId(if_netnsid): I32,
    /// Carrier up count.
    IFLA_CARRIER_UP_COUNT = 47 => CarrierUpCount(carrier_up_count): U32,
    /// Carrier down count.
    IFLA_CARRIER_DOWN_COUNT = 48 => CarrierDownCount(carrier_down_count): U32,
    /// New ifindex after a namespace move.
    IFLA_NEW_IFINDEX = 49 => NewIfIndex(new_ifindex): I32,
    /// Minimum MTU.
    IFLA_MIN_MTU = 50 => MinMtu(min_mtu): U32,
    /// Maximum MTU.
    IFLA_MAX_MTU = 51 => MaxMtu(max_mtu): U32,
    /// Property list: IFLA_ALT_IFNAME entries (the kernel parses it with this set).
    IFLA_PROP_LIST = 52 => PropList(prop_list): NestedKeep<LinkAttrs>,
    /// Alternative interface name.
    IFLA_ALT_IFNAME = 53 => AltIfName(alt_ifname): CStr,
    /// Permanent hardware address.
    IFLA_PERM_ADDRESS = 54 => PermAddress(perm_address): LlAddr,
    /// Reasons for proto_down (IFLA_PROTO_DOWN_REASON_*).
    IFLA_PROTO_DOWN_REASON = 55 => ProtoDownReason(proto_down_reason): NestedKeep<ProtoDownReasonAttrs>,
    /// Parent device name (no IFLA_LINK netdev).
    IFLA_PARENT_DEV_NAME = 56 => ParentDevName(parent_dev_name): CStr,
    /// Bus of the parent device.
    IFLA_PARENT_DEV_BUS_NAME = 57 => ParentDevBusName(parent_dev_bus_name): CStr,
    /// Max GRO size.
    IFLA_GRO_MAX_SIZE = 58 => GroMaxSize(gro_max_size): U32,
    /// Max TSO size.
    IFLA_TSO_MAX_SIZE = 59 => TsoMaxSize(tso_max_size): U32,
    /// Max TSO segments.
    IFLA_TSO_MAX_SEGS = 60 => TsoMaxSegs(tso_max_segs): U32,
    /// Allmulti count.
    IFLA_ALLMULTI = 61 => AllMulti(allmulti): U32,
    /// devlink port (devlink attributes; kept raw). Newer than the installed header.
    IFLA_DEVLINK_PORT = 62 => DevlinkPort(devlink_port): NestedKeep<RawAttrs>,
    /// Max GSO size for IPv4. Newer than the installed header.
    IFLA_GSO_IPV4_MAX_SIZE = 63 => GsoIpv4MaxSize(gso_ipv4_max_size): U32,
    /// Max GRO size for IPv4. Newer than the installed header.
    IFLA_GRO_IPV4_MAX_SIZE = 64 => GroIpv4MaxSize(gro_ipv4_max_size): U32,
    /// DPLL pin (DPLL attributes; kept raw). Newer than the installed header.
    IFLA_DPLL_PIN = 65 => DpllPin(dpll_pin): NestedKeep<RawAttrs>,
    /// Max pacing offload horizon, ns. Newer than the installed header.
    IFLA_MAX_PACING_OFFLOAD_HORIZON = 66 => MaxPacingOffloadHorizon(max_pacing_offload_horizon): U32,
    /// The device cannot change namespace. Newer than the installed header.
    IFLA_NETNS_IMMUTABLE = 67 => NetNsImmutable(netns_immutable): U8,
    /// Needed headroom. Newer than the installed header.
    IFLA_HEADROOM = 68 => Headroom(headroom): U16,
    /// Needed tailroom. Newer than the installed header.
    IFLA_TAILROOM = 69 => Tailroom(tailroom): U16,
}

impl<'a, T: crate::nl::AttrLookup<'a>> LinkIndex<'a, T> {
    /// IFLA_LINKINFO as the typed [`LinkInfo`] view (kind, data by kind, slave data).
    #[inline]
    pub fn link_info(&self) -> Result<Option<LinkInfo<'a>>, Error> {
        match self.linkinfo()? {
            Some(n) => LinkInfo::new(n.raw()).map(Some),
            None => Ok(None),
        }
    }
}

/// A typed view of one link message (RTM_NEWLINK, RTM_DELLINK, RTM_GETLINK or
/// RTM_SETLINK): `struct ifinfomsg` read in place and the IFLA_* attributes after it.
///
/// ```
/// use ferroute_codec::nl::{Buffer, NlMsg, NlaWriter, SliceBuf};
/// use ferroute_codec::rtnl::link::{IfInfoMsg, LinkAttr, LinkMsg, RTM_NEWLINK, IFLA_LINKINFO};
/// use ferroute_codec::rtnl::link::info::{InfoData, IFLA_INFO_DATA, IFLA_INFO_KIND, VxlanAttr};
///
/// let mut store = [0u8; 256];
/// let mut b = LinkMsg::build(SliceBuf::new(&mut store), RTM_NEWLINK, 0x601, 1,
///                            &IfInfoMsg::default()).unwrap();
/// LinkAttr::IfName("vx0").emit(&mut b).unwrap();
/// let li = b.nest_start(IFLA_LINKINFO).unwrap();
/// b.put_str(IFLA_INFO_KIND, "vxlan").unwrap();
/// let d = b.nest_start(IFLA_INFO_DATA).unwrap();
/// VxlanAttr::Id(42).emit(&mut b).unwrap();
/// VxlanAttr::Port(4789).emit(&mut b).unwrap();
/// b.nest_end(d).unwrap();
/// b.nest_end(li).unwrap();
/// let buf = b.finish().unwrap();
///
/// let m = LinkMsg::parse(NlMsg::parse(buf.as_slice()).unwrap()).unwrap();
/// let idx = m.index().unwrap();
/// assert_eq!(idx.ifname().unwrap(), Some("vx0"));
/// let info = idx.link_info().unwrap().unwrap();
/// assert_eq!(info.kind().unwrap(), Some("vxlan"));
/// let Some(InfoData::Vxlan(data)) = info.data().unwrap() else { panic!() };
/// assert!(data.iter().any(|a| a == Ok(VxlanAttr::Port(4789))));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinkMsg<'a> {
    msg: NlMsg<'a>,
    hdr: &'a IfInfoMsg,
}

impl<'a> LinkMsg<'a> {
    /// Checks the type (16..=19) and reads `struct ifinfomsg` (which must fit).
    pub fn parse(msg: NlMsg<'a>) -> Result<Self, Error> {
        if !(RTM_NEWLINK..=RTM_SETLINK).contains(&msg.nlmsg_type()) {
            return Err(
                Error::new(ErrorKind::WrongType, msg.offset()).with_msg_type(msg.nlmsg_type())
            );
        }
        let hdr = msg.fixed::<IfInfoMsg>()?;
        Ok(LinkMsg { msg, hdr })
    }
    /// The underlying netlink message.
    pub fn msg(&self) -> NlMsg<'a> {
        self.msg
    }
    /// `struct ifinfomsg`.
    pub fn header(&self) -> &'a IfInfoMsg {
        self.hdr
    }
    /// `ifi_index`.
    pub fn ifindex(&self) -> i32 {
        self.hdr.ifi_index()
    }
    /// `ifi_flags`.
    pub fn flags(&self) -> Iff {
        self.hdr.flags()
    }
    /// The raw attribute walk after the header.
    pub fn raw_attrs(&self) -> AttrIter<'a> {
        self.msg.attrs::<IfInfoMsg>()
    }
    /// Typed attributes, one `Result` each (a bad attribute is an error for itself
    /// only; a framing error ends the walk).
    pub fn attrs(&self) -> impl Iterator<Item = Result<LinkAttr<'a>, Error>> + use<'a> {
        self.raw_attrs().map(|a| a.and_then(LinkAttr::decode))
    }
    /// The one-pass index of the attributes.
    #[inline(always)]
    pub fn index(&self) -> Result<LinkIndex<'a>, Error> {
        LinkIndex::new(self.raw_attrs())
    }
    /// The index through a [`LayoutCache`](crate::nl::LayoutCache): no walk when the
    /// attributes are laid out like the last message's the cache saw (as in a dump).
    #[inline]
    pub fn index_cached<'c>(
        &self,
        cache: &'c mut crate::nl::LayoutCache<{ LinkAttrs::TB_LEN }>,
    ) -> Result<LinkIndex<'a, crate::nl::LayoutIndex<'a, 'c, { LinkAttrs::TB_LEN }>>, Error> {
        LinkIndex::cached(self.raw_attrs(), cache)
    }
    /// Hands every attribute to the [`LinkVisitor`] method for its id, decoded (see
    /// [`LinkAttrs::visit`]).
    #[inline]
    pub fn visit<V: LinkVisitor<'a> + ?Sized>(&self, v: &mut V) {
        LinkAttrs::visit(self.raw_attrs(), v)
    }

    /// Starts a link message in `buf`: the netlink header and `hdr`; add attributes
    /// with the [`NlaWriter`] methods or [`LinkAttr::emit`], then `finish()`.
    pub fn build<B: Buffer>(
        buf: B,
        nlmsg_type: u16,
        flags: u16,
        seq: u32,
        hdr: &IfInfoMsg,
    ) -> Result<MsgBuilder<B>, Error> {
        MsgBuilder::with_header(buf, nlmsg_type, flags, seq, hdr)
    }
}

/// Describes the body of a link message for the decode tool: `"ifinfomsg"` then
/// `"attrs"`.
pub(crate) fn describe(msg: &NlMsg<'_>, out: &mut dyn Visitor) {
    match msg.fixed::<IfInfoMsg>() {
        Ok(h) => {
            out.key("ifinfomsg");
            h.describe_named(out);
            out.key("attrs");
            let ctx = Ctx::new(msg.nlmsg_type(), h.ifi_family);
            LinkAttrs::describe_list(msg.attrs::<IfInfoMsg>(), &ctx, out);
        }
        Err(e) => {
            out.key("error");
            out.scalar(Scalar::Error(e));
            out.key("payload");
            out.scalar(Scalar::Hex(msg.payload()));
        }
    }
}

/// Calls every getter of a link index and the typed linkinfo / af_spec views.
fn exercise_index(idx: &LinkIndex<'_>) {
    let _ = (
        idx.address(),
        idx.broadcast(),
        idx.ifname(),
        idx.mtu(),
        idx.link(),
    );
    let _ = (
        idx.qdisc(),
        idx.stats(),
        idx.cost(),
        idx.priority(),
        idx.master(),
    );
    let _ = (idx.wireless(), idx.txqlen(), idx.map(), idx.weight());
    let _ = (
        idx.operstate(),
        idx.linkmode(),
        idx.net_ns_pid(),
        idx.ifalias(),
    );
    let _ = (
        idx.num_vf(),
        idx.vfinfo_list(),
        idx.stats64(),
        idx.vf_ports(),
    );
    let _ = (
        idx.group(),
        idx.net_ns_fd(),
        idx.ext_mask(),
        idx.promiscuity(),
    );
    let _ = (idx.num_tx_queues(), idx.num_rx_queues(), idx.carrier());
    let _ = (
        idx.phys_port_id(),
        idx.carrier_changes(),
        idx.phys_switch_id(),
    );
    let _ = (idx.link_netnsid(), idx.phys_port_name(), idx.proto_down());
    let _ = (
        idx.gso_max_segs(),
        idx.gso_max_size(),
        idx.pad(),
        idx.event(),
    );
    let _ = (idx.new_netnsid(), idx.if_netnsid(), idx.carrier_up_count());
    let _ = (
        idx.carrier_down_count(),
        idx.new_ifindex(),
        idx.min_mtu(),
        idx.max_mtu(),
    );
    let _ = (idx.alt_ifname(), idx.perm_address(), idx.parent_dev_name());
    let _ = (
        idx.parent_dev_bus_name(),
        idx.gro_max_size(),
        idx.tso_max_size(),
    );
    let _ = (idx.tso_max_segs(), idx.allmulti(), idx.devlink_port());
    let _ = (
        idx.gso_ipv4_max_size(),
        idx.gro_ipv4_max_size(),
        idx.dpll_pin(),
    );
    let _ = (idx.max_pacing_offload_horizon(), idx.netns_immutable());
    let _ = (idx.headroom(), idx.tailroom());
    if let Ok(Some(x)) = idx.xdp()
        && let Ok(x) = XdpIndex::new(x.raw())
    {
        let _ = (
            x.fd(),
            x.attached(),
            x.flags(),
            x.prog_id(),
            x.drv_prog_id(),
        );
        let _ = (x.skb_prog_id(), x.hw_prog_id(), x.expected_fd());
    }
    if let Ok(Some(p)) = idx.prop_list() {
        for a in p.iter() {
            let _ = a;
        }
    }
    if let Ok(Some(p)) = idx.proto_down_reason()
        && let Ok(p) = ProtoDownReasonIndex::new(p.raw())
    {
        let _ = (p.mask(), p.value());
    }
    if let Ok(Some(p)) = idx.port_self()
        && let Ok(p) = PortIndex::new(p.raw())
    {
        let _ = (p.vf(), p.profile(), p.vsi_type(), p.instance_uuid());
        let _ = (p.host_uuid(), p.request(), p.response());
    }
    if let Ok(Some(li)) = idx.link_info() {
        info::exercise(&li);
    }
    if let Ok(Some(p)) = idx.protinfo() {
        af_spec::exercise_protinfo(&p);
    }
    if let Ok(Some(s)) = idx.af_spec() {
        af_spec::exercise(&s);
    }
}

/// Fuzzing entry point: decodes `data` as a datagram through every view of this
/// module (LinkMsg, each attribute, the index and its getters, linkinfo and af_spec
/// views, re-encoding, describe). It must never panic, whatever the bytes.
pub fn fuzz_one(data: &[u8]) {
    let mut store = [0u8; 512];
    for m in crate::nl::Messages::new(data) {
        let Ok(m) = m else { break };
        let Ok(lm) = LinkMsg::parse(m) else { continue };
        let _ = (lm.header().flags(), lm.ifindex(), lm.flags());
        for a in lm.attrs().flatten() {
            {
                let mut w = crate::nl::AttrBuilder::new(crate::nl::SliceBuf::new(&mut store));
                let _ = a.emit(&mut w);
                let _ = a.attr_type();
            }
        }
        if let Ok(idx) = lm.index() {
            exercise_index(&idx);
        }
    }
    let _ =
        crate::nl::describe_datagram::<super::Rtnl>(data, &mut crate::nl::NullVisitor::default());
}
