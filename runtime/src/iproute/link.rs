//! Link requests: RTM_NEWLINK (add and set), RTM_DELLINK, RTM_GETLINK by name or index,
//! and the link dump; IFLA_LINKINFO data for the kinds IPRoute knows.

use std::net::IpAddr;

use ferroute_codec::nl::{MsgBuilder, NlaWriter, NlmF};
use ferroute_codec::rtnl::consts::{RTM_DELLINK, RTM_GETLINK, RTM_NEWLINK};
use ferroute_codec::rtnl::link::info::*;
use ferroute_codec::rtnl::link::*;

use super::req::{Mode, check_name, invalid};
use super::spec::*;
use crate::error::Result;
use crate::proxy::{
    IFTUN_GID, IFTUN_IFR, IFTUN_IFR_MULTI_QUEUE, IFTUN_IFR_NO_PI, IFTUN_IFR_VNET_HDR, IFTUN_MODE,
    IFTUN_UID,
};

/// IFF_UP.
const IFF_UP: u32 = 0x1;

fn header(index: u32, up: Option<bool>) -> IfInfoMsg {
    IfInfoMsg {
        ifi_index: (index as i32).into(),
        ifi_flags: (if up == Some(true) { IFF_UP } else { 0 }).into(),
        ifi_change: (if up.is_some() { IFF_UP } else { 0 }).into(),
        ..Default::default()
    }
}

fn spec_header(s: &LinkSpec) -> IfInfoMsg {
    let mut h = header(s.index, s.up);
    let mask = s.flags_mask & !IFF_UP;
    h.ifi_flags = (h.ifi_flags() | (s.flags & mask)).into();
    h.ifi_change = (h.ifi_change() | mask).into();
    h
}

fn start<'b>(
    buf: &'b mut Vec<u8>,
    ty: u16,
    flags: u16,
    seq: u32,
    h: &IfInfoMsg,
) -> Result<MsgBuilder<&'b mut Vec<u8>>> {
    let mut b = MsgBuilder::new(
        buf,
        ty,
        flags | NlmF::REQUEST.bits() | NlmF::ACK.bits(),
        seq,
        0,
    )?;
    b.append_struct(h)?;
    Ok(b)
}

fn put_netns<W: NlaWriter>(b: &mut W, ns: &NetnsRef) -> Result<()> {
    match ns {
        NetnsRef::Pid(p) => b.put_u32(IFLA_NET_NS_PID, *p)?,
        NetnsRef::Fd(fd) => b.put_u32(IFLA_NET_NS_FD, *fd as u32)?,
    }
    Ok(())
}

fn put_info_data<W: NlaWriter>(b: &mut W, kind: &LinkKind) -> Result<()> {
    let data = b.nest_start(IFLA_INFO_DATA)?;
    match kind {
        LinkKind::Veth { peer, peer_netns } => {
            check_name(peer)?;
            let p = b.nest_start(VETH_INFO_PEER)?;
            b.append_struct(&IfInfoMsg::default())?;
            b.put_str(IFLA_IFNAME, peer)?;
            if let Some(ns) = peer_netns {
                put_netns(b, ns)?;
            }
            b.nest_end(p)?;
        }
        LinkKind::Bridge {
            stp_state,
            forward_delay,
            vlan_filtering,
        } => {
            if let Some(v) = forward_delay {
                b.put_u32(IFLA_BR_FORWARD_DELAY, *v)?;
            }
            if let Some(v) = stp_state {
                b.put_u32(IFLA_BR_STP_STATE, *v)?;
            }
            if let Some(v) = vlan_filtering {
                b.put_u8(IFLA_BR_VLAN_FILTERING, *v as u8)?;
            }
        }
        LinkKind::Vxlan {
            id,
            dstport,
            dev,
            local,
            remote,
            ttl,
            learning,
        } => {
            if *id >= 1 << 24 {
                return Err(invalid(format!("VXLAN id {id} does not fit 24 bits")));
            }
            b.put_u32(IFLA_VXLAN_ID, *id)?;
            match remote {
                Some(IpAddr::V4(a)) => b.put_bytes(IFLA_VXLAN_GROUP, &a.octets())?,
                Some(IpAddr::V6(a)) => b.put_bytes(IFLA_VXLAN_GROUP6, &a.octets())?,
                None => {}
            }
            match local {
                Some(IpAddr::V4(a)) => b.put_bytes(IFLA_VXLAN_LOCAL, &a.octets())?,
                Some(IpAddr::V6(a)) => b.put_bytes(IFLA_VXLAN_LOCAL6, &a.octets())?,
                None => {}
            }
            if let Some(d) = dev {
                b.put_u32(IFLA_VXLAN_LINK, *d)?;
            }
            if let Some(t) = ttl {
                b.put_u8(IFLA_VXLAN_TTL, *t)?;
            }
            if let Some(l) = learning {
                b.put_u8(IFLA_VXLAN_LEARNING, *l as u8)?;
            }
            if let Some(p) = dstport {
                b.put_be16(IFLA_VXLAN_PORT, *p)?;
            }
        }
        LinkKind::Macvlan { mode, .. } | LinkKind::Macvtap { mode, .. } => {
            if let Some(m) = mode {
                b.put_u32(IFLA_MACVLAN_MODE, *m as u32)?;
            }
        }
        LinkKind::Ipvlan { mode, .. } => {
            if let Some(m) = mode {
                b.put_u16(IFLA_IPVLAN_MODE, *m as u16)?;
            }
        }
        LinkKind::Vlan { id, .. } => {
            if *id >= 4095 {
                return Err(invalid(format!("VLAN id {id} is outside 0..4095")));
            }
            b.put_u16(IFLA_VLAN_ID, *id)?;
        }
        LinkKind::Ifb => {}
        LinkKind::TunTap {
            tap,
            owner,
            group,
            no_pi,
            multi_queue,
            vnet_hdr,
        } => {
            b.put_str(IFTUN_MODE, if *tap { "tap" } else { "tun" })?;
            if let Some(u) = owner {
                b.put_u32(IFTUN_UID, *u)?;
            }
            if let Some(g) = group {
                b.put_u32(IFTUN_GID, *g)?;
            }
            let ifr = b.nest_start(IFTUN_IFR)?;
            for (on, id) in [
                (no_pi, IFTUN_IFR_NO_PI),
                (vnet_hdr, IFTUN_IFR_VNET_HDR),
                (multi_queue, IFTUN_IFR_MULTI_QUEUE),
            ] {
                if *on {
                    b.put_u8(id, 1)?;
                }
            }
            b.nest_end(ifr)?;
        }
        LinkKind::Other { data, .. } => b.append_bytes(data)?,
    }
    // A kind without data gets no empty IFLA_INFO_DATA (some kinds refuse one).
    if ferroute_codec::nl::Buffer::len(b.buffer()) == data.offset() + ferroute_codec::nl::NLA_HDRLEN
    {
        b.nest_cancel(data);
    } else {
        b.nest_end(data)?;
    }
    Ok(())
}

/// RTM_NEWLINK: `Some(mode)` creates (`link add`), `None` changes (`link set`).
pub fn new_link(buf: &mut Vec<u8>, seq: u32, mode: Option<Mode>, s: &LinkSpec) -> Result<()> {
    if mode.is_some() {
        let Some(name) = &s.name else {
            return Err(invalid("a new link needs a name"));
        };
        check_name(name)?;
        if s.kind.is_none() {
            return Err(invalid("a new link needs a kind (type)"));
        }
    } else if s.index == 0 && s.name.is_none() {
        return Err(invalid("which link? give an index or a name"));
    }
    let flags = mode.map_or(0, Mode::flags);
    let mut b = start(buf, RTM_NEWLINK, flags, seq, &spec_header(s))?;
    if let Some(n) = &s.name {
        check_name(n)?;
        b.put_str(IFLA_IFNAME, n)?;
    }
    if let Some(
        LinkKind::Macvlan { link, .. }
        | LinkKind::Macvtap { link, .. }
        | LinkKind::Ipvlan { link, .. }
        | LinkKind::Vlan { link, .. },
    ) = &s.kind
    {
        b.put_u32(IFLA_LINK, *link)?;
    }
    if let Some(m) = s.mtu {
        b.put_u32(IFLA_MTU, m)?;
    }
    if let Some(a) = &s.address {
        b.put_bytes(IFLA_ADDRESS, a)?;
    }
    if let Some(m) = s.master {
        b.put_u32(IFLA_MASTER, m)?;
    }
    if let Some(q) = s.txqlen {
        b.put_u32(IFLA_TXQLEN, q)?;
    }
    if let Some(a) = &s.alias {
        b.put_str(IFLA_IFALIAS, a)?;
    }
    if let Some(g) = s.group {
        b.put_u32(IFLA_GROUP, g)?;
    }
    if let Some(ns) = &s.netns {
        put_netns(&mut b, ns)?;
    }
    if let Some(kind) = &s.kind {
        let li = b.nest_start(IFLA_LINKINFO)?;
        b.put_str(IFLA_INFO_KIND, kind.kind_name())?;
        put_info_data(&mut b, kind)?;
        b.nest_end(li)?;
    }
    b.finish()?;
    Ok(())
}

/// RTM_DELLINK by index, or by name when the index is 0.
pub fn del_link(buf: &mut Vec<u8>, seq: u32, s: &LinkSpec) -> Result<()> {
    if s.index == 0 && s.name.is_none() {
        return Err(invalid("which link? give an index or a name"));
    }
    let mut b = start(buf, RTM_DELLINK, 0, seq, &header(s.index, None))?;
    if s.index == 0
        && let Some(n) = &s.name
    {
        check_name(n)?;
        b.put_str(IFLA_IFNAME, n)?;
    }
    b.finish()?;
    Ok(())
}

/// RTM_GETLINK for one link (by index, or by name when the index is 0).
pub fn get(buf: &mut Vec<u8>, index: u32, name: Option<&str>) -> Result<()> {
    let mut b = MsgBuilder::new(&mut *buf, RTM_GETLINK, NlmF::REQUEST.bits(), 0, 0)?;
    b.append_struct(&header(index, None))?;
    if index == 0 {
        let Some(n) = name else {
            return Err(invalid("which link? give an index or a name"));
        };
        check_name(n)?;
        b.put_str(IFLA_IFNAME, n)?;
    }
    // IFLA_EXT_MASK RTEXT_FILTER_VF | SKIP_STATS: smaller answers
    b.put_u32(IFLA_EXT_MASK, 1 | 8)?;
    b.finish()?;
    Ok(())
}

/// The RTM_GETLINK dump request.
pub fn dump(buf: &mut Vec<u8>) -> Result<()> {
    let mut b = MsgBuilder::new(&mut *buf, RTM_GETLINK, 0, 0, 0)?;
    b.append_struct(&IfInfoMsg::default())?;
    b.put_u32(IFLA_EXT_MASK, 1)?;
    b.finish()?;
    Ok(())
}

/// IFLA_PROTINFO of AF_BRIDGE messages (bridge port options).
const BR_PROTINFO: u16 = IFLA_PROTINFO;

fn bridge_header(index: u32) -> IfInfoMsg {
    IfInfoMsg {
        ifi_family: ferroute_codec::rtnl::consts::AF_BRIDGE,
        ifi_index: (index as i32).into(),
        ..Default::default()
    }
}

/// RTM_SETLINK (AF_BRIDGE) with IFLA_PROTINFO { IFLA_BRPORT_* }: bridge port options.
pub fn brport_set(buf: &mut Vec<u8>, seq: u32, s: &BrPortSpec) -> Result<()> {
    if s.index == 0 {
        return Err(invalid("a bridge port needs an interface index"));
    }
    let mut b = start(
        buf,
        ferroute_codec::rtnl::consts::RTM_SETLINK,
        0,
        seq,
        &bridge_header(s.index),
    )?;
    let p = b.nest_start(BR_PROTINFO)?;
    if let Some(v) = s.state {
        b.put_u8(IFLA_BRPORT_STATE, v)?;
    }
    if let Some(v) = s.priority {
        b.put_u16(IFLA_BRPORT_PRIORITY, v)?;
    }
    if let Some(v) = s.cost {
        b.put_u32(IFLA_BRPORT_COST, v)?;
    }
    for (v, id) in [
        (s.guard, IFLA_BRPORT_GUARD),
        (s.fast_leave, IFLA_BRPORT_FAST_LEAVE),
        (s.learning, IFLA_BRPORT_LEARNING),
        (s.flood, IFLA_BRPORT_UNICAST_FLOOD),
    ] {
        if let Some(v) = v {
            b.put_u8(id, v as u8)?;
        }
    }
    b.nest_end(p)?;
    b.finish()?;
    Ok(())
}

/// RTM_SETLINK (add) or RTM_DELLINK (delete), AF_BRIDGE, with IFLA_AF_SPEC {
/// IFLA_BRIDGE_FLAGS, IFLA_BRIDGE_VLAN_INFO }: `bridge vlan add|del`.
pub fn bridge_vlan(buf: &mut Vec<u8>, seq: u32, add: bool, v: &BridgeVlan) -> Result<()> {
    use ferroute_codec::rtnl::link::af_spec::*;
    if v.index == 0 || !(1..=4094).contains(&v.vid) {
        return Err(invalid(format!(
            "bridge VLAN needs an interface and a vid in 1..=4094 (got {})",
            v.vid
        )));
    }
    let ty = if add {
        ferroute_codec::rtnl::consts::RTM_SETLINK
    } else {
        RTM_DELLINK
    };
    let mut b = start(buf, ty, 0, seq, &bridge_header(v.index))?;
    let spec = b.nest_start(IFLA_AF_SPEC)?;
    if v.self_ {
        b.put_u16(IFLA_BRIDGE_FLAGS, BRIDGE_FLAGS_SELF)?;
    }
    let mut flags = 0;
    if v.pvid {
        flags |= BRIDGE_VLAN_INFO_PVID;
    }
    if v.untagged {
        flags |= BRIDGE_VLAN_INFO_UNTAGGED;
    }
    b.put_struct(
        IFLA_BRIDGE_VLAN_INFO,
        &BridgeVlanInfo {
            flags: flags.into(),
            vid: v.vid.into(),
        },
    )?;
    b.nest_end(spec)?;
    b.finish()?;
    Ok(())
}

/// The AF_BRIDGE RTM_GETLINK dump with RTEXT_FILTER_BRVLAN: ports with their VLANs.
pub fn bridge_dump(buf: &mut Vec<u8>) -> Result<()> {
    let mut b = MsgBuilder::new(&mut *buf, RTM_GETLINK, 0, 0, 0)?;
    b.append_struct(&bridge_header(0))?;
    b.put_u32(IFLA_EXT_MASK, 2)?; // RTEXT_FILTER_BRVLAN
    b.finish()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bridge_vlan_add_is_laid_out_as_the_uapi_says() {
        let mut b = Vec::new();
        bridge_vlan(
            &mut b,
            9,
            true,
            &BridgeVlan {
                index: 5,
                vid: 100,
                pvid: true,
                untagged: true,
                self_: false,
            },
        )
        .unwrap();
        let mut want = Vec::new();
        // nlmsghdr: len 44, RTM_SETLINK (19), REQUEST|ACK, seq 9, pid 0
        want.extend_from_slice(&44u32.to_ne_bytes());
        want.extend_from_slice(&19u16.to_ne_bytes());
        want.extend_from_slice(&5u16.to_ne_bytes());
        want.extend_from_slice(&9u32.to_ne_bytes());
        want.extend_from_slice(&0u32.to_ne_bytes());
        // ifinfomsg: AF_BRIDGE (7), pad, type 0, index 5, flags 0, change 0
        want.extend_from_slice(&[7, 0, 0, 0]);
        want.extend_from_slice(&5i32.to_ne_bytes());
        want.extend_from_slice(&[0; 8]);
        // IFLA_AF_SPEC (26) | NLA_F_NESTED, len 12: IFLA_BRIDGE_VLAN_INFO (2), len 8
        want.extend_from_slice(&12u16.to_ne_bytes());
        want.extend_from_slice(&(26u16 | 0x8000).to_ne_bytes());
        want.extend_from_slice(&8u16.to_ne_bytes());
        want.extend_from_slice(&2u16.to_ne_bytes());
        // struct bridge_vlan_info { flags: PVID (2) | UNTAGGED (4), vid: 100 }
        want.extend_from_slice(&6u16.to_ne_bytes());
        want.extend_from_slice(&100u16.to_ne_bytes());
        assert_eq!(b, want);
    }

    #[test]
    fn kinds_without_data_send_no_empty_info_data() {
        let mut b = Vec::new();
        new_link(
            &mut b,
            1,
            Some(Mode::Add),
            &LinkSpec::new("i0", LinkKind::Ifb),
        )
        .unwrap();
        let m = ferroute_codec::nl::NlMsg::parse(&b).unwrap();
        let l = LinkMsg::parse(m).unwrap();
        let li = l
            .index()
            .unwrap()
            .link_info()
            .unwrap()
            .expect("IFLA_LINKINFO");
        assert_eq!(li.kind(), Ok(Some("ifb")));
        assert!(li.data().unwrap().is_none());
    }
}
