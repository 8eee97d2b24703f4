//! The one request-building layer: typed specs to netlink messages, appended to a byte
//! buffer. IPRoute, RawIPRoute and IPBatch all call these, so no request is written twice.
//! Requests are validated here where the kernel's answer would be cryptic.

use std::net::{IpAddr, Ipv4Addr};

use ferroute_codec::nl::{NlaWriter, NlmF, NlmFNew};
use ferroute_codec::rtnl::addr::{self, IfAddrMsg, IfaCacheinfo};
use ferroute_codec::rtnl::consts::*;
use ferroute_codec::rtnl::neigh::{self, NdMsg};
use ferroute_codec::rtnl::route::{self, RtMsg, nexthop::RtNextHop};
use ferroute_codec::rtnl::rule::{self, FR_ACT_GOTO, FR_ACT_TO_TBL, FibRuleHdr};

use super::spec::*;
use crate::error::{Error, Result};

/// How a NEW request treats an existing object (the `ip route add|replace|change|append`
/// semantics, which the other objects share).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Create; fail if it exists (NLM_F_CREATE|NLM_F_EXCL).
    Add,
    /// Create or replace (NLM_F_CREATE|NLM_F_REPLACE).
    Replace,
    /// Replace; fail if absent (NLM_F_REPLACE).
    Change,
    /// Create, adding to the list (NLM_F_CREATE|NLM_F_APPEND).
    Append,
    /// Create, at the head of the list (NLM_F_CREATE alone: `ip route prepend`).
    Prepend,
}

impl Mode {
    /// The NLM_F_* bits of this mode.
    pub fn flags(self) -> u16 {
        let f = match self {
            Mode::Add => NlmFNew::CREATE | NlmFNew::EXCL,
            Mode::Replace => NlmFNew::CREATE | NlmFNew::REPLACE,
            Mode::Change => NlmFNew::REPLACE,
            Mode::Append => NlmFNew::CREATE | NlmFNew::APPEND,
            Mode::Prepend => NlmFNew::CREATE,
        };
        f.bits()
    }
}

/// An [`Error::InvalidRequest`] saying `why`.
pub(crate) fn invalid(why: impl Into<String>) -> Error {
    Error::InvalidRequest(why.into())
}

/// The address family of `ip`.
pub fn family_of(ip: &IpAddr) -> u8 {
    if ip.is_ipv4() { AF_INET } else { AF_INET6 }
}

/// Checks that `len` fits the family of `ip`.
pub fn check_prefix(ip: &IpAddr, len: u8) -> Result<()> {
    let max = if ip.is_ipv4() { 32 } else { 128 };
    if len > max {
        return Err(invalid(format!(
            "prefix length {len} is longer than {max} for {ip}"
        )));
    }
    Ok(())
}

/// Checks an interface name as the kernel would (1 to 15 bytes, no '/', space or NUL).
pub(crate) fn check_name(name: &str) -> Result<()> {
    if name.is_empty() || name.len() >= 16 || name.contains(['/', ' ', '\0']) {
        return Err(invalid(format!(
            "{name:?} is not a valid interface name (1 to 15 bytes, no '/' or spaces)"
        )));
    }
    Ok(())
}

/// The IPv4 broadcast address of `addr/len`.
pub fn broadcast_of(addr: Ipv4Addr, len: u8) -> Ipv4Addr {
    let host = if len >= 32 { 0 } else { u32::MAX >> len };
    Ipv4Addr::from(u32::from(addr) | host)
}

/// RTM_NEWADDR (with `mode`) or RTM_DELADDR.
pub fn addr(buf: &mut Vec<u8>, seq: u32, new: Option<Mode>, s: &AddrSpec) -> Result<()> {
    check_prefix(&s.address, s.prefixlen)?;
    if s.index == 0 {
        return Err(invalid("an address needs an interface (dev)"));
    }
    let family = family_of(&s.address);
    let hdr = IfAddrMsg {
        ifa_family: family,
        ifa_prefixlen: s.prefixlen,
        ifa_flags: (s.flags & 0xff) as u8,
        ifa_scope: s.scope.unwrap_or(RT_SCOPE_UNIVERSE),
        ifa_index: s.index.into(),
    };
    let (ty, flags) = match new {
        Some(m) => (RTM_NEWADDR, m.flags()),
        None => (RTM_DELADDR, 0),
    };
    let mut b = addr::build(
        &mut *buf,
        ty,
        flags | NlmF::REQUEST.bits() | NlmF::ACK.bits(),
        seq,
        &hdr,
    )?;
    b.put_ip(addr::IFA_LOCAL, s.address)?;
    b.put_ip(addr::IFA_ADDRESS, s.peer.unwrap_or(s.address))?;
    if let Some(bc) = s.broadcast {
        let IpAddr::V4(a) = s.address else {
            return Err(invalid("broadcast is IPv4 only"));
        };
        let bc = match bc {
            Broadcast::Auto => broadcast_of(a, s.prefixlen),
            Broadcast::Addr(x) => x,
        };
        b.put_bytes(addr::IFA_BROADCAST, &bc.octets())?;
    }
    if let Some(l) = &s.label {
        if l.len() >= 16 {
            return Err(invalid(format!("label {l:?} is longer than 15 bytes")));
        }
        b.put_str(addr::IFA_LABEL, l)?;
    }
    if s.flags > 0xff {
        b.put_u32(addr::IFA_FLAGS, s.flags)?;
    }
    if let Some((valid, preferred)) = s.lifetimes {
        let ci = IfaCacheinfo {
            ifa_prefered: preferred.into(),
            ifa_valid: valid.into(),
            cstamp: 0.into(),
            tstamp: 0.into(),
        };
        b.put_struct(addr::IFA_CACHEINFO, &ci)?;
    }
    b.finish()?;
    Ok(())
}

/// An RTM_GETADDR dump request, filtered by the kernel (strict checking) on `family`
/// and `index` when they are not 0.
pub fn addr_dump(buf: &mut Vec<u8>, family: u8, index: u32) -> Result<()> {
    let hdr = IfAddrMsg {
        ifa_family: family,
        ifa_index: index.into(),
        ..Default::default()
    };
    addr::build(&mut *buf, RTM_GETADDR, 0, 0, &hdr)?.finish()?;
    Ok(())
}

fn route_family(s: &RouteSpec) -> Result<u8> {
    let fam = [s.dst.map(|d| d.0), s.gateway, s.prefsrc]
        .into_iter()
        .flatten()
        .chain(s.nexthops.iter().filter_map(|n| n.gateway))
        .map(|ip| family_of(&ip))
        .try_fold(s.family, |acc, f| match acc {
            0 => Ok(f),
            a if a == f => Ok(a),
            a => Err(invalid(format!("route mixes address families {a} and {f}"))),
        })?;
    Ok(if fam == 0 { AF_INET } else { fam })
}

/// The rtmsg fields a route request leaves to its sender, as [`route_defaults`] fills
/// them in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RouteDefaults {
    /// `rtm_type`.
    pub rtm_type: u8,
    /// `rtm_scope`.
    pub rtm_scope: u8,
    /// `rtm_protocol`.
    pub rtm_protocol: u8,
}

/// Fills in what a route request (`ty`: RTM_NEWROUTE, RTM_DELROUTE or RTM_GETROUTE)
/// leaves out, as iproute2's `iproute_modify` does, so that the library and the
/// `ferroute` tool send what `ip route` sends:
/// - type: unicast, or unspec for a delete;
/// - protocol: boot for a new route, else 0;
/// - scope: universe for IPv6 and MPLS; host for local and nat; link for broadcast,
///   multicast and anycast; for unicast, nowhere for a delete, link without a gateway
///   (`gateway` also counts nexthops and nexthop ids), else universe; other types keep
///   nowhere for a delete and universe otherwise.
///
/// Values given (`Some`) are kept.
pub fn route_defaults(
    family: u8,
    ty: u16,
    rtype: Option<u8>,
    scope: Option<u8>,
    protocol: Option<u8>,
    gateway: bool,
) -> RouteDefaults {
    let del = ty == RTM_DELROUTE;
    let rtm_type = rtype.unwrap_or(if del { RTN_UNSPEC } else { RTN_UNICAST });
    let rtm_scope = scope.unwrap_or(if family == AF_INET6 || family == AF_MPLS {
        RT_SCOPE_UNIVERSE
    } else {
        match rtm_type {
            RTN_LOCAL | RTN_NAT => RT_SCOPE_HOST,
            RTN_BROADCAST | RTN_MULTICAST | RTN_ANYCAST => RT_SCOPE_LINK,
            RTN_UNSPEC | RTN_UNICAST if del => RT_SCOPE_NOWHERE,
            RTN_UNSPEC | RTN_UNICAST if !gateway => RT_SCOPE_LINK,
            _ if del => RT_SCOPE_NOWHERE,
            _ => RT_SCOPE_UNIVERSE,
        }
    });
    let rtm_protocol = protocol.unwrap_or(if ty == RTM_NEWROUTE { RTPROT_BOOT } else { 0 });
    RouteDefaults {
        rtm_type,
        rtm_scope,
        rtm_protocol,
    }
}

/// The rtmsg and attributes of a route (shared by new, del and get).
fn route_msg(buf: &mut Vec<u8>, seq: u32, ty: u16, flags: u16, s: &RouteSpec) -> Result<()> {
    let family = route_family(s)?;
    let (dst, dst_len) = match s.dst {
        Some((ip, len)) => {
            check_prefix(&ip, len)?;
            (Some(ip), len)
        }
        None => (None, 0),
    };
    let table = s.table.unwrap_or(RT_TABLE_MAIN);
    let d = route_defaults(
        family,
        ty,
        s.rtype,
        s.scope,
        s.protocol,
        s.gateway.is_some() || !s.nexthops.is_empty(),
    );
    let hdr = RtMsg {
        rtm_family: family,
        rtm_dst_len: dst_len,
        rtm_table: if table < 256 {
            table as u8
        } else {
            RT_TABLE_UNSPEC as u8
        },
        rtm_protocol: d.rtm_protocol,
        rtm_scope: d.rtm_scope,
        rtm_type: d.rtm_type,
        rtm_flags: (if s.onlink {
            RtnhF::ONLINK.bits() as u32
        } else {
            0
        })
        .into(),
        ..Default::default()
    };
    let mut b = route::build(
        &mut *buf,
        ty,
        flags | NlmF::REQUEST.bits() | NlmF::ACK.bits(),
        seq,
        &hdr,
    )?;
    if table >= 256 {
        b.put_u32(route::RTA_TABLE, table)?;
    }
    if let Some(d) = dst {
        b.put_ip(route::RTA_DST, d)?;
    }
    if let Some(p) = s.prefsrc {
        b.put_ip(route::RTA_PREFSRC, p)?;
    }
    if let Some(g) = s.gateway {
        b.put_ip(route::RTA_GATEWAY, g)?;
    }
    if let Some(o) = s.oif {
        b.put_u32(route::RTA_OIF, o)?;
    }
    if let Some(m) = s.metric {
        b.put_u32(route::RTA_PRIORITY, m)?;
    }
    if !s.metrics.is_empty() {
        let n = b.nest_start_raw(route::RTA_METRICS)?;
        for (k, v) in &s.metrics {
            if *k == route::RTAX_CC_ALGO {
                return Err(invalid(
                    "congestion control metric takes a name, not a number",
                ));
            }
            b.put_u32(*k, *v)?;
        }
        b.nest_end(n)?;
    }
    if !s.nexthops.is_empty() {
        let mp = b.nest_start_raw(route::RTA_MULTIPATH)?;
        for nh in &s.nexthops {
            if !(1..=256).contains(&nh.weight) && nh.weight != 0 {
                return Err(invalid(format!(
                    "nexthop weight {} is outside 1..=256",
                    nh.weight
                )));
            }
            let h = RtNextHop {
                rtnh_flags: if nh.onlink { RtnhF::ONLINK.bits() } else { 0 },
                rtnh_hops: nh.weight.saturating_sub(1) as u8,
                rtnh_ifindex: (nh.oif as i32).into(),
                ..Default::default()
            };
            let t = route::nexthop::nexthop_start(&mut b, &h)?;
            if let Some(g) = nh.gateway {
                b.put_ip(route::RTA_GATEWAY, g)?;
            }
            route::nexthop::nexthop_end(&mut b, t)?;
        }
        b.nest_end(mp)?;
    }
    b.finish()?;
    Ok(())
}

/// RTM_NEWROUTE with `mode`.
pub fn route_new(buf: &mut Vec<u8>, seq: u32, mode: Mode, s: &RouteSpec) -> Result<()> {
    route_msg(buf, seq, RTM_NEWROUTE, mode.flags(), s)
}

/// RTM_DELROUTE.
pub fn route_del(buf: &mut Vec<u8>, seq: u32, s: &RouteSpec) -> Result<()> {
    route_msg(buf, seq, RTM_DELROUTE, 0, s)
}

/// RTM_GETROUTE for one destination (`ip route get`). For IPv4 it asks, as ip does, for
/// RTM_F_LOOKUP_TABLE: the answer names the table the route was found in (`local` for a
/// local address) instead of `main`.
pub fn route_get(buf: &mut Vec<u8>, dst: IpAddr, oif: Option<u32>) -> Result<()> {
    let hdr = RtMsg {
        rtm_family: family_of(&dst),
        rtm_dst_len: if dst.is_ipv4() { 32 } else { 128 },
        rtm_flags: if dst.is_ipv4() {
            ferroute_codec::rtnl::consts::RtmF::LOOKUP_TABLE.bits()
        } else {
            0
        }
        .into(),
        ..Default::default()
    };
    let mut b = route::build(&mut *buf, RTM_GETROUTE, NlmF::REQUEST.bits(), 0, &hdr)?;
    b.put_ip(route::RTA_DST, dst)?;
    if let Some(o) = oif {
        b.put_u32(route::RTA_OIF, o)?;
    }
    b.finish()?;
    Ok(())
}

/// Filter of a route dump, applied by the kernel with strict checking.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RouteFilter {
    /// AF_INET, AF_INET6, or 0 for both.
    pub family: u8,
    /// Only this table (0 = all).
    pub table: u32,
    /// Only routes through this interface (0 = all).
    pub oif: u32,
    /// Only this protocol (0 = all).
    pub protocol: u8,
    /// Only this type (0 = all).
    pub rtype: u8,
}

/// An RTM_GETROUTE dump request with `filter` (NETLINK_GET_STRICT_CHK must be on for the
/// kernel to apply it).
pub fn route_dump(buf: &mut Vec<u8>, f: &RouteFilter) -> Result<()> {
    let hdr = RtMsg {
        rtm_family: f.family,
        rtm_table: if f.table < 256 { f.table as u8 } else { 0 },
        rtm_protocol: f.protocol,
        rtm_type: f.rtype,
        ..Default::default()
    };
    let mut b = route::build(&mut *buf, RTM_GETROUTE, 0, 0, &hdr)?;
    if f.table >= 256 {
        b.put_u32(route::RTA_TABLE, f.table)?;
    }
    if f.oif != 0 {
        b.put_u32(route::RTA_OIF, f.oif)?;
    }
    b.finish()?;
    Ok(())
}

/// RTM_NEWNEIGH (with `mode`) or RTM_DELNEIGH.
pub fn neigh(buf: &mut Vec<u8>, seq: u32, new: Option<Mode>, s: &NeighSpec) -> Result<()> {
    if s.index == 0 {
        return Err(invalid("a neighbour needs an interface (dev)"));
    }
    let family = match (s.family, s.dst) {
        (0, Some(ip)) => family_of(&ip),
        (0, None) => return Err(invalid("a neighbour needs an address or family AF_BRIDGE")),
        (f, _) => f,
    };
    let hdr = NdMsg {
        ndm_family: family,
        ndm_ifindex: (s.index as i32).into(),
        ndm_state: s.state.unwrap_or(0x80).into(), // NUD_PERMANENT
        ndm_flags: s.flags,
        ..Default::default()
    };
    let (ty, flags) = match new {
        Some(m) => (RTM_NEWNEIGH, m.flags()),
        None => (RTM_DELNEIGH, 0),
    };
    let mut b = neigh::build(
        &mut *buf,
        ty,
        flags | NlmF::REQUEST.bits() | NlmF::ACK.bits(),
        seq,
        &hdr,
    )?;
    if let Some(d) = s.dst {
        b.put_ip(neigh::NDA_DST, d)?;
    }
    if let Some(l) = &s.lladdr {
        b.put_bytes(neigh::NDA_LLADDR, l)?;
    }
    if let Some(v) = s.vlan {
        b.put_u16(neigh::NDA_VLAN, v)?;
    }
    if let Some(m) = s.master {
        b.put_u32(neigh::NDA_MASTER, m)?;
    }
    b.finish()?;
    Ok(())
}

/// An RTM_GETNEIGH dump request (family 0 = all). With strict checking the header must
/// be empty but for the family; the kernel filters by NDA_IFINDEX.
pub fn neigh_dump(buf: &mut Vec<u8>, family: u8, index: u32) -> Result<()> {
    let hdr = NdMsg {
        ndm_family: family,
        ..Default::default()
    };
    let mut b = neigh::build(&mut *buf, RTM_GETNEIGH, 0, 0, &hdr)?;
    if index != 0 {
        b.put_u32(neigh::NDA_IFINDEX, index)?;
    }
    b.finish()?;
    Ok(())
}

/// RTM_NEWRULE (with `mode`) or RTM_DELRULE.
pub fn rule(buf: &mut Vec<u8>, seq: u32, new: Option<Mode>, s: &RuleSpec) -> Result<()> {
    if s.family != AF_INET && s.family != AF_INET6 {
        return Err(invalid("a rule needs family AF_INET or AF_INET6"));
    }
    for (p, what) in [(s.src, "from"), (s.dst, "to")] {
        if let Some((ip, len)) = p {
            check_prefix(&ip, len)?;
            if family_of(&ip) != s.family {
                return Err(invalid(format!("{what} {ip} is not of the rule's family")));
            }
        }
    }
    let table = s.table.unwrap_or(0);
    let action = s.action.unwrap_or(if s.goto.is_some() {
        FR_ACT_GOTO
    } else {
        FR_ACT_TO_TBL
    });
    let hdr = FibRuleHdr {
        family: s.family,
        dst_len: s.dst.map_or(0, |d| d.1),
        src_len: s.src.map_or(0, |d| d.1),
        table: if table < 256 { table as u8 } else { 0 },
        action,
        flags: (if s.invert { rule::FIB_RULE_INVERT } else { 0 }).into(),
        ..Default::default()
    };
    let (ty, flags) = match new {
        Some(m) => (RTM_NEWRULE, m.flags()),
        None => (RTM_DELRULE, 0),
    };
    let mut b = rule::build(
        &mut *buf,
        ty,
        flags | NlmF::REQUEST.bits() | NlmF::ACK.bits(),
        seq,
        &hdr,
    )?;
    if table >= 256 || (table != 0 && new.is_some()) {
        b.put_u32(rule::FRA_TABLE, table)?;
    }
    if let Some(p) = s.priority {
        b.put_u32(rule::FRA_PRIORITY, p)?;
    }
    if let Some(m) = s.fwmark {
        b.put_u32(rule::FRA_FWMARK, m)?;
    }
    if let Some(m) = s.fwmask {
        b.put_u32(rule::FRA_FWMASK, m)?;
    }
    if let Some(i) = &s.iif {
        check_name(i)?;
        b.put_str(rule::FRA_IIFNAME, i)?;
    }
    if let Some(o) = &s.oif {
        check_name(o)?;
        b.put_str(rule::FRA_OIFNAME, o)?;
    }
    if let Some((ip, _)) = s.src {
        b.put_ip(rule::FRA_SRC, ip)?;
    }
    if let Some((ip, _)) = s.dst {
        b.put_ip(rule::FRA_DST, ip)?;
    }
    if let Some(g) = s.goto {
        b.put_u32(rule::FRA_GOTO, g)?;
    }
    if let Some(sp) = s.suppress_prefixlen {
        b.put_u32(rule::FRA_SUPPRESS_PREFIXLEN, sp)?;
    }
    if let Some((start, end)) = s.uid_range {
        let mut r = [0u8; 8];
        r[..4].copy_from_slice(&start.to_ne_bytes());
        r[4..].copy_from_slice(&end.to_ne_bytes());
        b.put_bytes(rule::FRA_UID_RANGE, &r)?;
    }
    if s.l3mdev {
        b.put_u8(rule::FRA_L3MDEV, 1)?;
    }
    b.finish()?;
    Ok(())
}

/// An RTM_GETRULE dump request.
pub fn rule_dump(buf: &mut Vec<u8>, family: u8) -> Result<()> {
    let hdr = FibRuleHdr {
        family,
        ..Default::default()
    };
    rule::build(&mut *buf, RTM_GETRULE, 0, 0, &hdr)?.finish()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ferroute_codec::nl::Messages;
    use ferroute_codec::rtnl::route::RouteMsg;

    #[test]
    fn modes_have_ip_route_flags() {
        assert_eq!(Mode::Add.flags(), 0x600);
        assert_eq!(Mode::Replace.flags(), 0x500);
        assert_eq!(Mode::Change.flags(), 0x100);
        assert_eq!(Mode::Append.flags(), 0xc00);
    }

    #[test]
    fn broadcast_is_computed_from_the_prefix() {
        assert_eq!(
            broadcast_of("10.1.2.3".parse().unwrap(), 24),
            Ipv4Addr::new(10, 1, 2, 255)
        );
        assert_eq!(
            broadcast_of("10.1.2.3".parse().unwrap(), 32),
            Ipv4Addr::new(10, 1, 2, 3)
        );
        assert_eq!(
            broadcast_of("10.1.2.3".parse().unwrap(), 0),
            Ipv4Addr::BROADCAST
        );
    }

    #[test]
    fn too_long_prefixes_are_refused_before_sending() {
        let mut b = Vec::new();
        let s = RouteSpec::to(Some(("10.0.0.0".parse().unwrap(), 33)));
        assert!(matches!(
            route_new(&mut b, 1, Mode::Add, &s),
            Err(Error::InvalidRequest(_))
        ));
        let a = AddrSpec::new(1, "::1".parse().unwrap(), 129);
        assert!(matches!(
            addr(&mut b, 1, Some(Mode::Add), &a),
            Err(Error::InvalidRequest(_))
        ));
        assert!(b.is_empty());
    }

    #[test]
    fn big_tables_go_in_rta_table_and_the_route_reads_back() {
        let mut b = Vec::new();
        let mut s = RouteSpec::to(Some(("10.0.0.0".parse().unwrap(), 8)));
        s.table = Some(1000);
        s.gateway = Some("192.0.2.1".parse().unwrap());
        s.metrics = vec![(route::RTAX_MTU, 1400)];
        route_new(&mut b, 7, Mode::Replace, &s).unwrap();
        let m = Messages::new(&b).next().unwrap().unwrap();
        assert_eq!(m.nlmsg_flags(), 0x500 | 0x5);
        let r = RouteMsg::parse(m).unwrap();
        assert_eq!(r.header().rtm_table(), 0);
        assert_eq!(r.table(), 1000);
        assert_eq!(r.header().rtm_scope(), RT_SCOPE_UNIVERSE);
        assert_eq!(r.header().rtm_protocol(), RTPROT_BOOT);
        let idx = r.index().unwrap();
        assert_eq!(
            idx.gateway().unwrap().unwrap().ip(),
            Some("192.0.2.1".parse().unwrap())
        );
    }
}
