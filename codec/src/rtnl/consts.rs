//! RTM_* message types, RTNLGRP_* multicast groups and AF_* address families
//! (the RTM_*/RTNLGRP_* tables are filled in by the RTNL codec work).

/// AF_UNSPEC.
pub const AF_UNSPEC: u8 = 0;
/// AF_UNIX.
pub const AF_UNIX: u8 = 1;
/// AF_INET.
pub const AF_INET: u8 = 2;
/// AF_BRIDGE.
pub const AF_BRIDGE: u8 = 7;
/// AF_INET6.
pub const AF_INET6: u8 = 10;
/// AF_NETLINK.
pub const AF_NETLINK: u8 = 16;
/// AF_PACKET.
pub const AF_PACKET: u8 = 17;
/// AF_MPLS.
pub const AF_MPLS: u8 = 28;

/// The kernel name of an address family.
pub fn af_name(af: u8) -> Option<&'static str> {
    Some(match af {
        AF_UNSPEC => "AF_UNSPEC",
        AF_UNIX => "AF_UNIX",
        AF_INET => "AF_INET",
        AF_BRIDGE => "AF_BRIDGE",
        AF_INET6 => "AF_INET6",
        AF_NETLINK => "AF_NETLINK",
        AF_PACKET => "AF_PACKET",
        AF_MPLS => "AF_MPLS",
        _ => return None,
    })
}

/// The kernel name of an rtnetlink message type.
pub fn rtm_name(ty: u16) -> Option<&'static str> {
    let _ = ty;
    None
}
