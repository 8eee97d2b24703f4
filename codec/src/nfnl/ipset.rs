//! ipset over nfnetlink (NFNL_SUBSYS_IPSET, pyroute2's `ipset_msg`): IPSET_CMD_*, the
//! top-level IPSET_ATTR_* set, the create/list (CADT) and add/del/test (ADT) data sets, the
//! nested ADT list, address nests, and IPSET_ERR_* codes.
//!
//! IPSET_ATTR_DATA means a CADT data set in CREATE, LIST, SAVE and HEADER messages and an
//! ADT data set in ADD, DEL and TEST: [`IpsetData`] holds it raw and the describer picks
//! the set from the command. Integers are network order with NLA_F_NET_BYTEORDER, which the
//! kernel checks on input; the `NetBe*` kinds write that flag.

use core::net::IpAddr;

use crate::nl::attr::Kind;
use crate::nl::attr::kind::*;
use crate::nl::{
    Attr, AttrIter, AttrSet, Ctx, Error, ErrorKind, NLA_F_NESTED, NLA_F_NET_BYTEORDER, Nested,
    NlaWriter, Scalar, Visitor,
};

use super::{NfnlMsg, msg_cmd};

/// IPSET_PROTOCOL: the protocol version this codec speaks (sent in every request).
pub const IPSET_PROTOCOL: u8 = 7;
/// IPSET_PROTOCOL_MIN: the oldest protocol the kernel still accepts.
pub const IPSET_PROTOCOL_MIN: u8 = 6;
/// IPSET_MAXNAMELEN: set and type name size, NUL included.
pub const IPSET_MAXNAMELEN: usize = 32;
/// IPSET_MAX_COMMENT_SIZE: the longest comment.
pub const IPSET_MAX_COMMENT_SIZE: usize = 255;

crate::genl::named_consts! {
    /// The name of ipset command `cmd` (IPSET_CMD_*).
    pub fn cmd_name(u8);
    IPSET_CMD_NONE = 0,
    /// Return the protocol version.
    IPSET_CMD_PROTOCOL = 1,
    /// Create a new (empty) set.
    IPSET_CMD_CREATE = 2,
    /// Destroy an (empty) set.
    IPSET_CMD_DESTROY = 3,
    /// Remove all elements from a set.
    IPSET_CMD_FLUSH = 4,
    /// Rename a set.
    IPSET_CMD_RENAME = 5,
    /// Swap two sets.
    IPSET_CMD_SWAP = 6,
    /// List sets.
    IPSET_CMD_LIST = 7,
    /// Save sets.
    IPSET_CMD_SAVE = 8,
    /// Add an element to a set.
    IPSET_CMD_ADD = 9,
    /// Delete an element from a set.
    IPSET_CMD_DEL = 10,
    /// Test an element in a set.
    IPSET_CMD_TEST = 11,
    /// Get set header data only.
    IPSET_CMD_HEADER = 12,
    /// Get set type.
    IPSET_CMD_TYPE = 13,
    /// Get set index by name.
    IPSET_CMD_GET_BYNAME = 14,
    /// Get set name by index.
    IPSET_CMD_GET_BYINDEX = 15,
    /// User space only: enter restore mode.
    IPSET_CMD_RESTORE = 16,
    /// User space only: get help.
    IPSET_CMD_HELP = 17,
    /// User space only: get program version.
    IPSET_CMD_VERSION = 18,
    /// User space only: quit interactive mode.
    IPSET_CMD_QUIT = 19,
    /// User space only: commit buffered commands.
    IPSET_CMD_COMMIT = 20,
}

crate::genl::named_consts! {
    /// The name of ipset error `code` (IPSET_ERR_*; the NLMSG_ERROR errno negated). The
    /// type-specific range (4352 and up) depends on the set type: see
    /// [`hash_err_name`], [`bitmap_err_name`], [`list_err_name`].
    pub fn err_name(i32);
    /// Start of the private error range.
    IPSET_ERR_PRIVATE = 4096,
    /// Protocol error.
    IPSET_ERR_PROTOCOL = 4097,
    /// Cannot find the set type.
    IPSET_ERR_FIND_TYPE = 4098,
    /// Max sets reached.
    IPSET_ERR_MAX_SETS = 4099,
    /// Set is in use.
    IPSET_ERR_BUSY = 4100,
    /// The second set does not exist.
    IPSET_ERR_EXIST_SETNAME2 = 4101,
    /// Set types differ.
    IPSET_ERR_TYPE_MISMATCH = 4102,
    /// Element or set already exists (with NLM_F_EXCL).
    IPSET_ERR_EXIST = 4103,
    /// Invalid CIDR.
    IPSET_ERR_INVALID_CIDR = 4104,
    /// Invalid netmask.
    IPSET_ERR_INVALID_NETMASK = 4105,
    /// Invalid family.
    IPSET_ERR_INVALID_FAMILY = 4106,
    /// Timeout not supported by the set.
    IPSET_ERR_TIMEOUT = 4107,
    /// Set is referenced.
    IPSET_ERR_REFERENCED = 4108,
    /// Invalid IPv4 address.
    IPSET_ERR_IPADDR_IPV4 = 4109,
    /// Invalid IPv6 address.
    IPSET_ERR_IPADDR_IPV6 = 4110,
    /// Counters not supported by the set.
    IPSET_ERR_COUNTER = 4111,
    /// Comments not supported by the set.
    IPSET_ERR_COMMENT = 4112,
    /// Invalid markmask.
    IPSET_ERR_INVALID_MARKMASK = 4113,
    /// skbinfo not supported by the set.
    IPSET_ERR_SKBINFO = 4114,
    /// Start of the type-specific error range.
    IPSET_ERR_TYPE_SPECIFIC = 4352,
}

crate::genl::named_consts! {
    /// The name of a hash-type specific error.
    pub fn hash_err_name(i32);
    /// Hash is full.
    IPSET_ERR_HASH_FULL = 4352,
    /// Null-valued element.
    IPSET_ERR_HASH_ELEM = 4353,
    /// Invalid protocol.
    IPSET_ERR_INVALID_PROTO = 4354,
    /// Protocol missing but must be specified.
    IPSET_ERR_MISSING_PROTO = 4355,
    /// Range not supported.
    IPSET_ERR_HASH_RANGE_UNSUPPORTED = 4356,
    /// Invalid range.
    IPSET_ERR_HASH_RANGE = 4357,
}

crate::genl::named_consts! {
    /// The name of a bitmap-type specific error.
    pub fn bitmap_err_name(i32);
    /// The range exceeds the set's.
    IPSET_ERR_BITMAP_RANGE = 4352,
    /// The range is too big.
    IPSET_ERR_BITMAP_RANGE_SIZE = 4353,
}

crate::genl::named_consts! {
    /// The name of a list:set specific error.
    pub fn list_err_name(i32);
    /// Set to add does not exist.
    IPSET_ERR_NAME = 4352,
    /// Set would loop.
    IPSET_ERR_LOOP = 4353,
    /// `before` without reference set.
    IPSET_ERR_BEFORE = 4354,
    /// Reference set does not exist.
    IPSET_ERR_NAMEREF = 4355,
    /// List is full.
    IPSET_ERR_LIST_FULL = 4356,
    /// Reference set is not in the list.
    IPSET_ERR_REF_EXIST = 4357,
}

/// The name of the error an NLMSG_ERROR `errno` (negative or positive) stands for, given
/// the set type name (`"hash:ip"`, `"bitmap:port"`, `"list:set"`) when known.
pub fn errno_name(errno: i32, typename: Option<&str>) -> Option<&'static str> {
    let code = errno.checked_abs()?;
    if code < IPSET_ERR_TYPE_SPECIFIC {
        return err_name(code);
    }
    match typename {
        Some(t) if t.starts_with("hash:") => hash_err_name(code),
        Some(t) if t.starts_with("bitmap:") => bitmap_err_name(code),
        Some(t) if t.starts_with("list:") => list_err_name(code),
        _ => None,
    }
}

/// IPSET_FLAG_EXIST: no error when the element or set already exists (command flags).
pub const IPSET_FLAG_EXIST: u32 = 1 << 0;
/// IPSET_FLAG_LIST_SETNAME: list set names only.
pub const IPSET_FLAG_LIST_SETNAME: u32 = 1 << 1;
/// IPSET_FLAG_LIST_HEADER: list headers only.
pub const IPSET_FLAG_LIST_HEADER: u32 = 1 << 2;
/// IPSET_FLAG_SKIP_COUNTER_UPDATE.
pub const IPSET_FLAG_SKIP_COUNTER_UPDATE: u32 = 1 << 3;
/// IPSET_FLAG_SKIP_SUBCOUNTER_UPDATE.
pub const IPSET_FLAG_SKIP_SUBCOUNTER_UPDATE: u32 = 1 << 4;
/// IPSET_FLAG_MATCH_COUNTERS.
pub const IPSET_FLAG_MATCH_COUNTERS: u32 = 1 << 5;
/// IPSET_FLAG_RETURN_NOMATCH.
pub const IPSET_FLAG_RETURN_NOMATCH: u32 = 1 << 7;
/// IPSET_FLAG_MAP_SKBMARK.
pub const IPSET_FLAG_MAP_SKBMARK: u32 = 1 << 8;
/// IPSET_FLAG_MAP_SKBPRIO.
pub const IPSET_FLAG_MAP_SKBPRIO: u32 = 1 << 9;
/// IPSET_FLAG_MAP_SKBQUEUE.
pub const IPSET_FLAG_MAP_SKBQUEUE: u32 = 1 << 10;

/// IPSET_FLAG_BEFORE (CADT flags, list:set): add before the reference set.
pub const IPSET_FLAG_BEFORE: u32 = 1 << 0;
/// IPSET_FLAG_PHYSDEV (CADT flags, hash:net,iface): physdev match.
pub const IPSET_FLAG_PHYSDEV: u32 = 1 << 1;
/// IPSET_FLAG_NOMATCH (CADT flags): the element is a no-match entry.
pub const IPSET_FLAG_NOMATCH: u32 = 1 << 2;
/// IPSET_FLAG_WITH_COUNTERS (CADT flags): the set keeps packet/byte counters.
pub const IPSET_FLAG_WITH_COUNTERS: u32 = 1 << 3;
/// IPSET_FLAG_WITH_COMMENT (CADT flags): the set keeps comments.
pub const IPSET_FLAG_WITH_COMMENT: u32 = 1 << 4;
/// IPSET_FLAG_WITH_FORCEADD (CADT flags): evict a random element when full.
pub const IPSET_FLAG_WITH_FORCEADD: u32 = 1 << 5;
/// IPSET_FLAG_WITH_SKBINFO (CADT flags): the set keeps skbmark/prio/queue.
pub const IPSET_FLAG_WITH_SKBINFO: u32 = 1 << 6;
/// IPSET_FLAG_IFACE_WILDCARD (CADT flags): interface name is a prefix.
pub const IPSET_FLAG_IFACE_WILDCARD: u32 = 1 << 7;

/// The names of the CADT flag bits set in `flags` (unknown bits are skipped).
pub fn cadt_flag_names(flags: u32) -> impl Iterator<Item = &'static str> {
    const N: [(u32, &str); 8] = [
        (IPSET_FLAG_BEFORE, "IPSET_FLAG_BEFORE"),
        (IPSET_FLAG_PHYSDEV, "IPSET_FLAG_PHYSDEV"),
        (IPSET_FLAG_NOMATCH, "IPSET_FLAG_NOMATCH"),
        (IPSET_FLAG_WITH_COUNTERS, "IPSET_FLAG_WITH_COUNTERS"),
        (IPSET_FLAG_WITH_COMMENT, "IPSET_FLAG_WITH_COMMENT"),
        (IPSET_FLAG_WITH_FORCEADD, "IPSET_FLAG_WITH_FORCEADD"),
        (IPSET_FLAG_WITH_SKBINFO, "IPSET_FLAG_WITH_SKBINFO"),
        (IPSET_FLAG_IFACE_WILDCARD, "IPSET_FLAG_IFACE_WILDCARD"),
    ];
    N.into_iter()
        .filter(move |(b, _)| flags & b != 0)
        .map(|(_, n)| n)
}

macro_rules! net_kind {
    ($(#[$m:meta])* $name:ident, $t:ty, $get:ident, $put:ident) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy)]
        pub struct $name;
        impl<'a> Kind<'a> for $name {
            type T = $t;
            fn decode(a: &Attr<'a>) -> Result<$t, Error> {
                a.$get()
            }
            fn encode<W: NlaWriter + ?Sized>(w: &mut W, ty: u16, v: &$t) -> Result<(), Error> {
                w.$put(ty | NLA_F_NET_BYTEORDER, *v)
            }
            fn describe(v: &$t, _: &Ctx, out: &mut dyn Visitor) {
                out.scalar(Scalar::U64((*v).into()))
            }
        }
    };
}
net_kind!(
    /// A big-endian u16 written with NLA_F_NET_BYTEORDER.
    NetBe16, u16, as_be16, put_be16
);
net_kind!(
    /// A big-endian u32 written with NLA_F_NET_BYTEORDER.
    NetBe32, u32, as_be32, put_be32
);
net_kind!(
    /// A big-endian u64 written with NLA_F_NET_BYTEORDER.
    NetBe64, u64, as_be64, put_be64
);

macro_rules! net_addr_kind {
    ($(#[$m:meta])* $name:ident, $t:ident, $get:ident, $v:ident) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy)]
        pub struct $name;
        impl<'a> Kind<'a> for $name {
            type T = core::net::$t;
            fn decode(a: &Attr<'a>) -> Result<Self::T, Error> {
                a.$get()
            }
            fn encode<W: NlaWriter + ?Sized>(w: &mut W, ty: u16, v: &Self::T) -> Result<(), Error> {
                w.put_bytes(ty | NLA_F_NET_BYTEORDER, &v.octets())
            }
            fn describe(v: &Self::T, _: &Ctx, out: &mut dyn Visitor) {
                out.scalar(Scalar::Ip(IpAddr::$v(*v)))
            }
        }
    };
}
net_addr_kind!(
    /// An IPv4 address written with NLA_F_NET_BYTEORDER (the kernel rejects
    /// IPSET_ATTR_IPADDR_* without it with IPSET_ERR_PROTOCOL, though its own dumps leave
    /// the flag off).
    NetIpv4, Ipv4Addr, as_ipv4, V4
);
net_addr_kind!(
    /// An IPv6 address written with NLA_F_NET_BYTEORDER (see [`NetIpv4`]).
    NetIpv6, Ipv6Addr, as_ipv6, V6
);

/// IPSET_ATTR_CADT_FLAGS: a network-order u32 (NLA_F_NET_BYTEORDER) described as the
/// names of its IPSET_FLAG_* bits (an unnamed remainder as a number).
#[derive(Debug, Clone, Copy)]
pub struct CadtFlagsKind;
impl<'a> Kind<'a> for CadtFlagsKind {
    type T = u32;
    fn decode(a: &Attr<'a>) -> Result<u32, Error> {
        a.as_be32()
    }
    fn encode<W: NlaWriter + ?Sized>(w: &mut W, ty: u16, v: &u32) -> Result<(), Error> {
        w.put_be32(ty | NLA_F_NET_BYTEORDER, *v)
    }
    fn describe(v: &u32, _: &Ctx, out: &mut dyn Visitor) {
        out.begin_list();
        for n in cadt_flag_names(*v) {
            out.scalar(Scalar::Name(n));
        }
        let rest = *v & !0xff;
        if rest != 0 {
            out.scalar(Scalar::U64(rest.into()));
        }
        out.end_list();
    }
}

nla_set! {
    /// An address nest (IPSET_ATTR_IP, IP_TO, IP2, IP2_TO, BITMASK): IPv4 or IPv6.
    pub struct IpsetIpAddrAttrs, enum IpsetIpAddrAttr, index IpsetIpAddrIndex;
    /// An IPv4 address (network order; requests need NLA_F_NET_BYTEORDER, dumps omit it).
    IPSET_ATTR_IPADDR_IPV4 = 1 => Ipv4(ipv4): NetIpv4,
    /// An IPv6 address.
    IPSET_ATTR_IPADDR_IPV6 = 2 => Ipv6(ipv6): NetIpv6,
}

impl<'a, T: crate::nl::AttrLookup<'a>> IpsetIpAddrIndex<'a, T> {
    /// The address, whichever family it is.
    pub fn addr(&self) -> Result<Option<IpAddr>, Error> {
        if let Some(v4) = self.ipv4()? {
            return Ok(Some(IpAddr::V4(v4)));
        }
        Ok(self.ipv6()?.map(IpAddr::V6))
    }
}

/// Reads an address nest (IPSET_ATTR_IP and friends) as one address.
pub fn nested_addr(n: &Nested<'_, IpsetIpAddrAttrs>) -> Result<Option<IpAddr>, Error> {
    IpsetIpAddrIndex::new(n.raw())?.addr()
}

nla_set! {
    /// Create/list data (the CADT set: IPSET_ATTR_DATA of CREATE, LIST, SAVE, HEADER).
    pub struct IpsetCadtAttrs, enum IpsetCadtAttr, index IpsetCadtIndex;
    /// Range start (bitmap:ip) or network.
    IPSET_ATTR_IP = 1 => Ip(ip): NestedSet<IpsetIpAddrAttrs>,
    /// Range end.
    IPSET_ATTR_IP_TO = 2 => IpTo(ip_to): NestedSet<IpsetIpAddrAttrs>,
    /// Prefix length.
    IPSET_ATTR_CIDR = 3 => Cidr(cidr): U8,
    /// Port range start (bitmap:port).
    IPSET_ATTR_PORT = 4 => Port(port): NetBe16,
    /// Port range end.
    IPSET_ATTR_PORT_TO = 5 => PortTo(port_to): NetBe16,
    /// Default timeout, seconds.
    IPSET_ATTR_TIMEOUT = 6 => Timeout(timeout): NetBe32,
    /// Protocol.
    IPSET_ATTR_PROTO = 7 => Proto(proto): U8,
    /// CADT flags (IPSET_FLAG_WITH_COUNTERS, ..._COMMENT, ..._FORCEADD, ..._SKBINFO, ...).
    IPSET_ATTR_CADT_FLAGS = 8 => CadtFlags(cadt_flags): CadtFlagsKind,
    /// Restore line number.
    IPSET_ATTR_CADT_LINENO = 9 => CadtLineno(cadt_lineno): NetBe32,
    /// Mark (hash:ip,mark).
    IPSET_ATTR_MARK = 10 => Mark(mark): NetBe32,
    /// Mark mask (hash:ip,mark).
    IPSET_ATTR_MARKMASK = 11 => Markmask(markmask): NetBe32,
    /// Address bit mask (hash:ip, hash:net,net; kernels from 6.1, not in older headers).
    IPSET_ATTR_BITMASK = 12 => Bitmask(bitmask): NestedSet<IpsetIpAddrAttrs>,
    /// Hash initial value (was IPSET_ATTR_GC).
    IPSET_ATTR_INITVAL = 17 => Initval(initval): NetBe32,
    /// Hash size.
    IPSET_ATTR_HASHSIZE = 18 => Hashsize(hashsize): NetBe32,
    /// Maximal number of elements.
    IPSET_ATTR_MAXELEM = 19 => Maxelem(maxelem): NetBe32,
    /// Netmask (prefix length).
    IPSET_ATTR_NETMASK = 20 => Netmask(netmask): U8,
    /// Bucket size (was IPSET_ATTR_PROBES).
    IPSET_ATTR_BUCKETSIZE = 21 => Bucketsize(bucketsize): U8,
    /// Resize percentage.
    IPSET_ATTR_RESIZE = 22 => Resize(resize): U8,
    /// Size (list:set).
    IPSET_ATTR_SIZE = 23 => Size(size): NetBe32,
    /// Number of elements (kernel only).
    IPSET_ATTR_ELEMENTS = 24 => Elements(elements): NetBe32,
    /// Number of references (kernel only).
    IPSET_ATTR_REFERENCES = 25 => References(references): NetBe32,
    /// Memory used, bytes (kernel only).
    IPSET_ATTR_MEMSIZE = 26 => Memsize(memsize): NetBe32,
}

/// IPSET_ATTR_SETNAME2 (= IPSET_ATTR_TYPENAME): the second set of RENAME and SWAP.
pub const IPSET_ATTR_SETNAME2: u16 = 3;
/// IPSET_ATTR_REVISION_MIN (= IPSET_ATTR_PROTOCOL_MIN): the oldest type revision (TYPE).
pub const IPSET_ATTR_REVISION_MIN: u16 = 10;
/// IPSET_ATTR_IP_FROM (= IPSET_ATTR_IP).
pub const IPSET_ATTR_IP_FROM: u16 = 1;
/// IPSET_ATTR_PORT_FROM (= IPSET_ATTR_PORT).
pub const IPSET_ATTR_PORT_FROM: u16 = 4;
/// IPSET_ATTR_CADT_MAX: the end of the range shared by the CADT and ADT sets.
pub const IPSET_ATTR_CADT_MAX: u16 = 16;

/// The ADT data set (add/del/test and list elements), in its own module because its
/// first ids share names with the CADT set.
pub mod adt {
    use super::{CadtFlagsKind, NetBe16, NetBe32, NetBe64};
    use crate::nl::attr::kind::*;

    nla_set! {
        /// Add/del/test data (the ADT set: IPSET_ATTR_DATA of ADD, DEL, TEST, and each
        /// element of a LIST reply's IPSET_ATTR_ADT).
        pub struct IpsetAdtAttrs, enum IpsetAdtAttr, index IpsetAdtIndex;
        /// The address (nest of IPSET_ATTR_IPADDR_*).
        IPSET_ATTR_IP = 1 => Ip(ip): NestedSet<super::IpsetIpAddrAttrs>,
        /// Range end.
        IPSET_ATTR_IP_TO = 2 => IpTo(ip_to): NestedSet<super::IpsetIpAddrAttrs>,
        /// Prefix length.
        IPSET_ATTR_CIDR = 3 => Cidr(cidr): U8,
        /// Port.
        IPSET_ATTR_PORT = 4 => Port(port): NetBe16,
        /// Port range end.
        IPSET_ATTR_PORT_TO = 5 => PortTo(port_to): NetBe16,
        /// Timeout, seconds (remaining, in a dump).
        IPSET_ATTR_TIMEOUT = 6 => Timeout(timeout): NetBe32,
        /// L4 protocol.
        IPSET_ATTR_PROTO = 7 => Proto(proto): U8,
        /// Element flags (IPSET_FLAG_NOMATCH, ...).
        IPSET_ATTR_CADT_FLAGS = 8 => CadtFlags(cadt_flags): CadtFlagsKind,
        /// Restore line number.
        IPSET_ATTR_CADT_LINENO = 9 => CadtLineno(cadt_lineno): NetBe32,
        /// Mark.
        IPSET_ATTR_MARK = 10 => Mark(mark): NetBe32,
        /// Mark mask.
        IPSET_ATTR_MARKMASK = 11 => Markmask(markmask): NetBe32,
        /// MAC address.
        IPSET_ATTR_ETHER = 17 => Ether(ether): Mac,
        /// Set name (list:set member).
        IPSET_ATTR_NAME = 18 => Name(name): CStr,
        /// Reference set name (list:set before/after).
        IPSET_ATTR_NAMEREF = 19 => Nameref(nameref): CStr,
        /// Second address.
        IPSET_ATTR_IP2 = 20 => Ip2(ip2): NestedSet<super::IpsetIpAddrAttrs>,
        /// Second prefix length.
        IPSET_ATTR_CIDR2 = 21 => Cidr2(cidr2): U8,
        /// Second range end.
        IPSET_ATTR_IP2_TO = 22 => Ip2To(ip2_to): NestedSet<super::IpsetIpAddrAttrs>,
        /// Interface name.
        IPSET_ATTR_IFACE = 23 => Iface(iface): CStr,
        /// Byte counter.
        IPSET_ATTR_BYTES = 24 => Bytes(bytes): NetBe64,
        /// Packet counter.
        IPSET_ATTR_PACKETS = 25 => Packets(packets): NetBe64,
        /// Comment.
        IPSET_ATTR_COMMENT = 26 => Comment(comment): CStr,
        /// skb mark and mask (`mark << 32 | mask`).
        IPSET_ATTR_SKBMARK = 27 => Skbmark(skbmark): NetBe64,
        /// skb priority.
        IPSET_ATTR_SKBPRIO = 28 => Skbprio(skbprio): NetBe32,
        /// skb queue.
        IPSET_ATTR_SKBQUEUE = 29 => Skbqueue(skbqueue): NetBe16,
        /// Padding.
        IPSET_ATTR_PAD = 30 => Pad(pad): Bytes,
    }
}
pub use adt::{
    IPSET_ATTR_BYTES, IPSET_ATTR_CIDR2, IPSET_ATTR_COMMENT, IPSET_ATTR_ETHER, IPSET_ATTR_IFACE,
    IPSET_ATTR_IP2, IPSET_ATTR_IP2_TO, IPSET_ATTR_NAME, IPSET_ATTR_NAMEREF, IPSET_ATTR_PACKETS,
    IPSET_ATTR_PAD, IPSET_ATTR_SKBMARK, IPSET_ATTR_SKBPRIO, IPSET_ATTR_SKBQUEUE, IpsetAdtAttr,
    IpsetAdtAttrs, IpsetAdtIndex,
};

/// The nested ADT list (IPSET_ATTR_ADT: a list of IPSET_ATTR_DATA elements), in its own
/// module because its only id shares the name IPSET_ATTR_DATA with the top level.
pub mod adt_list {
    use crate::nl::attr::kind::NestedSet;

    nla_set! {
        /// The elements of a LIST reply or of a multi-element ADD/DEL (IPSET_ATTR_ADT).
        pub struct IpsetAdtListAttrs, enum IpsetAdtListAttr, index IpsetAdtListIndex;
        /// One element.
        IPSET_ATTR_DATA = 7 => Data(data): NestedSet<super::IpsetAdtAttrs>,
    }
}
pub use adt_list::{IpsetAdtListAttr, IpsetAdtListAttrs, IpsetAdtListIndex};

/// IPSET_ATTR_DATA, whose set depends on the command: read it with [`IpsetData::cadt`] or
/// [`IpsetData::adt`] (or [`IpsetData::for_cmd`]).
#[derive(Debug, Clone, Copy)]
pub struct IpsetData<'a> {
    attr: Attr<'a>,
}

/// Equal when the member lists are (like [`Nested`]): flags and offsets are not compared.
impl PartialEq for IpsetData<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.attr.payload() == other.attr.payload()
    }
}

/// The data set an IPSET_ATTR_DATA holds, chosen by command.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum IpsetDataSet<'a> {
    /// CREATE, LIST, SAVE, HEADER, TYPE...: create/list options.
    Cadt(Nested<'a, IpsetCadtAttrs>),
    /// ADD, DEL, TEST: one element.
    Adt(Nested<'a, IpsetAdtAttrs>),
}

impl<'a> IpsetData<'a> {
    /// The raw attribute.
    pub fn attr(&self) -> Attr<'a> {
        self.attr
    }
    /// The members as the CADT set.
    pub fn cadt(&self) -> Nested<'a, IpsetCadtAttrs> {
        Nested::new(self.attr.nested())
    }
    /// The members as the ADT set.
    pub fn adt(&self) -> Nested<'a, IpsetAdtAttrs> {
        Nested::new(self.attr.nested())
    }
    /// The members as the set command `cmd` uses (ADT for ADD, DEL, TEST; CADT otherwise).
    pub fn for_cmd(&self, cmd: u8) -> IpsetDataSet<'a> {
        if is_adt_cmd(cmd) {
            IpsetDataSet::Adt(self.adt())
        } else {
            IpsetDataSet::Cadt(self.cadt())
        }
    }
}

/// ADD, DEL and TEST carry ADT data; the other commands CADT data.
pub fn is_adt_cmd(cmd: u8) -> bool {
    matches!(cmd, IPSET_CMD_ADD | IPSET_CMD_DEL | IPSET_CMD_TEST)
}

/// The table kind of IPSET_ATTR_DATA (see [`IpsetData`]); written with NLA_F_NESTED.
#[derive(Debug, Clone, Copy)]
pub struct IpsetDataKind;

impl<'a> Kind<'a> for IpsetDataKind {
    type T = IpsetData<'a>;
    fn decode(a: &Attr<'a>) -> Result<IpsetData<'a>, Error> {
        Ok(IpsetData { attr: *a })
    }
    fn encode<W: NlaWriter + ?Sized>(w: &mut W, ty: u16, v: &IpsetData<'a>) -> Result<(), Error> {
        w.put_bytes(ty | NLA_F_NESTED, v.attr.payload())
    }
    /// Picks the set from the command in `ctx.msg_type`.
    fn describe(v: &IpsetData<'a>, ctx: &Ctx, out: &mut dyn Visitor) {
        let Some(c) = ctx.deeper() else {
            return out.scalar(Scalar::Error(v.attr.error(ErrorKind::TooDeep)));
        };
        if is_adt_cmd(msg_cmd(ctx.msg_type)) {
            IpsetAdtAttrs::describe_list(v.attr.nested(), &c, out)
        } else {
            IpsetCadtAttrs::describe_list(v.attr.nested(), &c, out)
        }
    }
}

nla_set! {
    /// Top-level ipset attributes (IPSET_ATTR_*, pyroute2's `ipset_msg`).
    pub struct IpsetAttrs, enum IpsetAttr, index IpsetIndex;
    /// Protocol version (IPSET_PROTOCOL, required in every request).
    IPSET_ATTR_PROTOCOL = 1 => Protocol(protocol): U8,
    /// Set name.
    IPSET_ATTR_SETNAME = 2 => Setname(setname): CStr,
    /// Type name (`"hash:ip"`), or the second set name of RENAME/SWAP (IPSET_ATTR_SETNAME2).
    IPSET_ATTR_TYPENAME = 3 => Typename(typename): CStr,
    /// Type revision.
    IPSET_ATTR_REVISION = 4 => Revision(revision): U8,
    /// Family (NFPROTO_IPV4 2, NFPROTO_IPV6 10, 0 for family-less types).
    IPSET_ATTR_FAMILY = 5 => Family(family): U8,
    /// Command flags (IPSET_FLAG_EXIST, IPSET_FLAG_LIST_*).
    IPSET_ATTR_FLAGS = 6 => Flags(flags): NetBe32,
    /// Data: CADT or ADT set by command (see [`IpsetData`]).
    IPSET_ATTR_DATA = 7 => Data(data): IpsetDataKind,
    /// A list of ADT data (LIST replies, multi-element requests).
    IPSET_ATTR_ADT = 8 => Adt(adt): NestedSet<IpsetAdtListAttrs>,
    /// Restore line number.
    IPSET_ATTR_LINENO = 9 => Lineno(lineno): NetBe32,
    /// Oldest supported protocol (PROTOCOL), or type revision (TYPE: IPSET_ATTR_REVISION_MIN).
    IPSET_ATTR_PROTOCOL_MIN = 10 => ProtocolMin(protocol_min): U8,
    /// Kernel index of the set.
    IPSET_ATTR_INDEX = 11 => Index(index): NetBe16,
}

/// Walks the elements of an IPSET_ATTR_ADT list.
pub fn adt_elements<'a>(
    list: Nested<'a, IpsetAdtListAttrs>,
) -> impl Iterator<Item = Result<Nested<'a, IpsetAdtAttrs>, Error>> + 'a {
    list.iter().filter_map(|e| match e {
        Ok(IpsetAdtListAttr::Data(d)) => Some(Ok(d)),
        Ok(_) => None,
        Err(e) => Some(Err(e)),
    })
}

pub(super) fn fuzz_views(m: &NfnlMsg<'_>) {
    let Ok(i) = IpsetIndex::new(m.attrs()) else {
        return;
    };
    let _ = (
        i.protocol(),
        i.setname(),
        i.typename(),
        i.revision(),
        i.family(),
    );
    let _ = (i.flags(), i.lineno(), i.protocol_min(), i.index());
    if let Ok(Some(d)) = i.data() {
        fuzz_cadt(d.cadt());
        fuzz_adt(d.adt());
        let _ = d.for_cmd(m.cmd());
    }
    if let Ok(Some(l)) = i.adt() {
        for e in adt_elements(l).flatten() {
            fuzz_adt(e);
        }
    }
}

fn fuzz_cadt(n: Nested<'_, IpsetCadtAttrs>) {
    if let Ok(c) = IpsetCadtIndex::new(n.raw()) {
        let _ = (
            c.hashsize(),
            c.maxelem(),
            c.netmask(),
            c.timeout(),
            c.cadt_flags(),
        );
        let _ = (c.port(), c.port_to(), c.size(), c.references(), c.memsize());
        let _ = (
            c.elements(),
            c.initval(),
            c.bucketsize(),
            c.resize(),
            c.markmask(),
        );
        if let Ok(Some(ip)) = c.ip() {
            let _ = nested_addr(&ip);
        }
        if let Ok(Some(ip)) = c.bitmask() {
            let _ = nested_addr(&ip);
        }
    }
    n.iter().for_each(drop);
}

fn fuzz_adt(n: Nested<'_, IpsetAdtAttrs>) {
    if let Ok(a) = IpsetAdtIndex::new(n.raw()) {
        let _ = (
            a.cidr(),
            a.port(),
            a.port_to(),
            a.proto(),
            a.timeout(),
            a.name(),
        );
        let _ = (
            a.iface(),
            a.ether(),
            a.mark(),
            a.packets(),
            a.bytes(),
            a.comment(),
        );
        let _ = (
            a.skbmark(),
            a.skbprio(),
            a.skbqueue(),
            a.cidr2(),
            a.nameref(),
        );
        for ip in [a.ip(), a.ip_to(), a.ip2(), a.ip2_to()]
            .into_iter()
            .flatten()
            .flatten()
        {
            let _ = nested_addr(&ip);
        }
    }
    n.iter().for_each(drop);
}

pub(super) fn fuzz_attrs(data: &[u8]) {
    for a in AttrIter::new(data).flatten() {
        let _ = IpsetAttr::decode(a);
        let _ = IpsetCadtAttr::decode(a);
        let _ = IpsetAdtAttr::decode(a);
        let _ = IpsetIpAddrAttr::decode(a);
        if let Some(n) = errno_name(i32::from(a.kind()) + 4096, Some("hash:ip")) {
            let _ = n.len();
        }
    }
}
