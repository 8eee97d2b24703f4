//! rtnetlink address messages (RTM_NEWADDR / RTM_DELADDR / RTM_GETADDR): `struct
//! ifaddrmsg`, the IFA_* attribute set of <linux/if_addr.h>, a view and a builder helper.

use core::net::IpAddr;

use super::consts::{RTM_GETADDR, RTM_NEWADDR, describe_hdr_attrs, flags_value};
use crate::nl::attr::kind::*;
use crate::nl::{AttrIter, Buffer, Error, MsgBuilder, NlMsg, Visitor, describe_attrs};

wire_struct! {
    /// `struct ifaddrmsg`: the family header of address messages.
    pub struct IfAddrMsg {
        /// Address family (AF_INET, AF_INET6).
        ifa_family: u8,
        /// Prefix length.
        ifa_prefixlen: u8,
        /// IFA_F_* flags (low 8 bits; IFA_FLAGS carries all 32).
        ifa_flags: u8,
        /// Address scope (RT_SCOPE_*).
        ifa_scope: u8,
        /// Interface index.
        ifa_index: u32,
    }
}

wire_struct! {
    /// `struct ifa_cacheinfo` (IFA_CACHEINFO): lifetimes and timestamps.
    pub struct IfaCacheinfo {
        /// Preferred lifetime, seconds (0xffffffff: forever).
        ifa_prefered: u32,
        /// Valid lifetime, seconds (0xffffffff: forever).
        ifa_valid: u32,
        /// Created timestamp, hundredths of seconds.
        cstamp: u32,
        /// Updated timestamp, hundredths of seconds.
        tstamp: u32,
    }
}

bitflags::bitflags! {
    /// IFA_F_* address flags (`ifa_flags` and IFA_FLAGS).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct IfaF: u32 {
        /// IFA_F_SECONDARY (IFA_F_TEMPORARY for IPv6).
        const SECONDARY = 0x01;
        /// IFA_F_NODAD: no duplicate address detection.
        const NODAD = 0x02;
        /// IFA_F_OPTIMISTIC: optimistic DAD.
        const OPTIMISTIC = 0x04;
        /// IFA_F_DADFAILED: DAD failed.
        const DADFAILED = 0x08;
        /// IFA_F_HOMEADDRESS: mobile IPv6 home address.
        const HOMEADDRESS = 0x10;
        /// IFA_F_DEPRECATED: preferred lifetime over.
        const DEPRECATED = 0x20;
        /// IFA_F_TENTATIVE: DAD in progress.
        const TENTATIVE = 0x40;
        /// IFA_F_PERMANENT: configured, not autoconfigured.
        const PERMANENT = 0x80;
        /// IFA_F_MANAGETEMPADDR: manage temporary addresses from this prefix.
        const MANAGETEMPADDR = 0x100;
        /// IFA_F_NOPREFIXROUTE: no prefix route.
        const NOPREFIXROUTE = 0x200;
        /// IFA_F_MCAUTOJOIN: join the multicast group.
        const MCAUTOJOIN = 0x400;
        /// IFA_F_STABLE_PRIVACY: RFC 7217 stable privacy address.
        const STABLE_PRIVACY = 0x800;
        /// Bits this table does not name survive.
        const _ = !0;
    }
}
flags_value!(IfaF, as_u32, put_u32);

/// IFA_F_TEMPORARY (the IPv6 name of IFA_F_SECONDARY).
pub const IFA_F_TEMPORARY: u32 = 0x01;
/// IFAPROT_UNSPEC (IFA_PROTO).
pub const IFAPROT_UNSPEC: u8 = 0;
/// IFAPROT_KERNEL_LO: loopback address.
pub const IFAPROT_KERNEL_LO: u8 = 1;
/// IFAPROT_KERNEL_RA: set by the kernel from a router announcement.
pub const IFAPROT_KERNEL_RA: u8 = 2;
/// IFAPROT_KERNEL_LL: link-local set by the kernel.
pub const IFAPROT_KERNEL_LL: u8 = 3;

nla_set! {
    /// Address attributes (IFA_*), the whole enum of <linux/if_addr.h>.
    pub struct AddrAttrs, enum AddrAttr, index AddrIndex, visitor AddrVisitor;
    /// The prefix address (the peer for point-to-point), 4 or 16 bytes.
    IFA_ADDRESS = 1 => Address(address): Ip,
    /// The local address, 4 or 16 bytes.
    IFA_LOCAL = 2 => Local(local): Ip,
    /// The label (IPv4), NUL-terminated.
    IFA_LABEL = 3 => Label(label): CStr,
    /// The broadcast address (IPv4).
    IFA_BROADCAST = 4 => Broadcast(broadcast): Ip,
    /// An anycast address.
    IFA_ANYCAST = 5 => Anycast(anycast): Ip,
    /// Lifetimes and timestamps.
    IFA_CACHEINFO = 6 => Cacheinfo(cacheinfo): Wire<IfaCacheinfo>,
    /// A multicast address.
    IFA_MULTICAST = 7 => Multicast(multicast): Ip,
    /// All 32 IFA_F_* flag bits (overrides `ifa_flags`).
    IFA_FLAGS = 8 => Flags(flags): Value<IfaF>,
    /// Priority (metric) of the prefix route.
    IFA_RT_PRIORITY = 9 => RtPriority(rt_priority): U32,
    /// Target namespace id for a dump request.
    IFA_TARGET_NETNSID = 10 => TargetNetnsid(target_netnsid): I32,
    /// Address protocol (IFAPROT_*).
    IFA_PROTO = 11 => Proto(proto): U8,
}

msg_view! {
    /// A view of one address message: header in place, attributes indexed on demand.
    pub struct AddrMsg {
        header: IfAddrMsg,
        attr: AddrAttr,
        index: AddrAttrs => AddrIndex,
        visitor: AddrAttrs => AddrVisitor,
        types: RTM_NEWADDR..=RTM_GETADDR,
    }
}
impl<'a> AddrMsg<'a> {
    /// The flags: IFA_FLAGS when present, else `ifa_flags`.
    pub fn flags(&self) -> IfaF {
        match self.attrs().find(IFA_FLAGS).map(|a| a.as_u32()) {
            Some(Ok(f)) => IfaF::from_bits_retain(f),
            _ => IfaF::from_bits_retain(self.hdr.ifa_flags().into()),
        }
    }
    /// The interface's own address: IFA_LOCAL if present (IPv4), else IFA_ADDRESS.
    pub fn local(&self) -> Result<Option<IpAddr>, Error> {
        match self.attrs().find(IFA_LOCAL) {
            Some(a) => a.as_ip().map(Some),
            None => self
                .attrs()
                .find(IFA_ADDRESS)
                .map(|a| a.as_ip())
                .transpose(),
        }
    }
}

/// Starts an address message: the netlink header and `hdr`; add attributes with the
/// [`NlaWriter`](crate::nl::NlaWriter) methods or [`AddrAttr::emit`], then `finish()`.
pub fn build<B: Buffer>(
    buf: B,
    nlmsg_type: u16,
    flags: u16,
    seq: u32,
    hdr: &IfAddrMsg,
) -> Result<MsgBuilder<B>, Error> {
    MsgBuilder::with_header(buf, nlmsg_type, flags, seq, hdr)
}

/// Describes the body of an address message for the decode tool.
pub(crate) fn describe(msg: &NlMsg<'_>, out: &mut dyn Visitor) {
    describe_hdr_attrs::<IfAddrMsg, AddrAttrs>(msg, "ifaddrmsg", out)
}

/// Fuzzing entry point: decodes `data` as a datagram through every view of this
/// module. It must never panic, whatever the bytes.
pub fn fuzz_one(data: &[u8]) {
    let mut v = crate::nl::NullVisitor::default();
    let _ = crate::nl::describe_datagram::<super::Rtnl>(data, &mut v);
    for m in crate::nl::Messages::new(data).flatten() {
        if let Ok(a) = AddrMsg::parse(m) {
            let _ = (a.flags(), a.local(), a.header().ifa_index());
            for x in a.iter().flatten() {
                let _ = x.attr_type();
            }
            if let Ok(i) = a.index() {
                let _ = (
                    i.address(),
                    i.local(),
                    i.label(),
                    i.broadcast(),
                    i.anycast(),
                );
                let _ = (i.cacheinfo(), i.multicast(), i.flags(), i.rt_priority());
                let _ = (i.target_netnsid(), i.proto());
            }
        }
    }
    describe_attrs::<AddrAttrs>(AttrIter::new(data), &Default::default(), &mut v);
}

#[cfg(feature = "defmt")]
super::consts::defmt_flags!(IfaF);
