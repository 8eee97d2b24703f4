//! rtnetlink constant tables: RTM_* message types, RTNLGRP_* multicast groups, AF_*
//! families, and the route enums and flags of <linux/rtnetlink.h> (RTN_*, RTPROT_*,
//! RT_SCOPE_*, RT_TABLE_*, RTM_F_*, RTNH_F_*).

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

// --- generated from /usr/include/linux/rtnetlink.h (enum RTM_*, enum rtnetlink_groups) ---
/// RTM_NEWLINK (message type 16).
pub const RTM_NEWLINK: u16 = 16;
/// RTM_DELLINK (message type 17).
pub const RTM_DELLINK: u16 = 17;
/// RTM_GETLINK (message type 18).
pub const RTM_GETLINK: u16 = 18;
/// RTM_SETLINK (message type 19).
pub const RTM_SETLINK: u16 = 19;
/// RTM_NEWADDR (message type 20).
pub const RTM_NEWADDR: u16 = 20;
/// RTM_DELADDR (message type 21).
pub const RTM_DELADDR: u16 = 21;
/// RTM_GETADDR (message type 22).
pub const RTM_GETADDR: u16 = 22;
/// RTM_NEWROUTE (message type 24).
pub const RTM_NEWROUTE: u16 = 24;
/// RTM_DELROUTE (message type 25).
pub const RTM_DELROUTE: u16 = 25;
/// RTM_GETROUTE (message type 26).
pub const RTM_GETROUTE: u16 = 26;
/// RTM_NEWNEIGH (message type 28).
pub const RTM_NEWNEIGH: u16 = 28;
/// RTM_DELNEIGH (message type 29).
pub const RTM_DELNEIGH: u16 = 29;
/// RTM_GETNEIGH (message type 30).
pub const RTM_GETNEIGH: u16 = 30;
/// RTM_NEWRULE (message type 32).
pub const RTM_NEWRULE: u16 = 32;
/// RTM_DELRULE (message type 33).
pub const RTM_DELRULE: u16 = 33;
/// RTM_GETRULE (message type 34).
pub const RTM_GETRULE: u16 = 34;
/// RTM_NEWQDISC (message type 36).
pub const RTM_NEWQDISC: u16 = 36;
/// RTM_DELQDISC (message type 37).
pub const RTM_DELQDISC: u16 = 37;
/// RTM_GETQDISC (message type 38).
pub const RTM_GETQDISC: u16 = 38;
/// RTM_NEWTCLASS (message type 40).
pub const RTM_NEWTCLASS: u16 = 40;
/// RTM_DELTCLASS (message type 41).
pub const RTM_DELTCLASS: u16 = 41;
/// RTM_GETTCLASS (message type 42).
pub const RTM_GETTCLASS: u16 = 42;
/// RTM_NEWTFILTER (message type 44).
pub const RTM_NEWTFILTER: u16 = 44;
/// RTM_DELTFILTER (message type 45).
pub const RTM_DELTFILTER: u16 = 45;
/// RTM_GETTFILTER (message type 46).
pub const RTM_GETTFILTER: u16 = 46;
/// RTM_NEWACTION (message type 48).
pub const RTM_NEWACTION: u16 = 48;
/// RTM_DELACTION (message type 49).
pub const RTM_DELACTION: u16 = 49;
/// RTM_GETACTION (message type 50).
pub const RTM_GETACTION: u16 = 50;
/// RTM_NEWPREFIX (message type 52).
pub const RTM_NEWPREFIX: u16 = 52;
/// RTM_GETMULTICAST (message type 58).
pub const RTM_GETMULTICAST: u16 = 58;
/// RTM_GETANYCAST (message type 62).
pub const RTM_GETANYCAST: u16 = 62;
/// RTM_NEWNEIGHTBL (message type 64).
pub const RTM_NEWNEIGHTBL: u16 = 64;
/// RTM_GETNEIGHTBL (message type 66).
pub const RTM_GETNEIGHTBL: u16 = 66;
/// RTM_SETNEIGHTBL (message type 67).
pub const RTM_SETNEIGHTBL: u16 = 67;
/// RTM_NEWNDUSEROPT (message type 68).
pub const RTM_NEWNDUSEROPT: u16 = 68;
/// RTM_NEWADDRLABEL (message type 72).
pub const RTM_NEWADDRLABEL: u16 = 72;
/// RTM_DELADDRLABEL (message type 73).
pub const RTM_DELADDRLABEL: u16 = 73;
/// RTM_GETADDRLABEL (message type 74).
pub const RTM_GETADDRLABEL: u16 = 74;
/// RTM_GETDCB (message type 78).
pub const RTM_GETDCB: u16 = 78;
/// RTM_SETDCB (message type 79).
pub const RTM_SETDCB: u16 = 79;
/// RTM_NEWNETCONF (message type 80).
pub const RTM_NEWNETCONF: u16 = 80;
/// RTM_DELNETCONF (message type 81).
pub const RTM_DELNETCONF: u16 = 81;
/// RTM_GETNETCONF (message type 82).
pub const RTM_GETNETCONF: u16 = 82;
/// RTM_NEWMDB (message type 84).
pub const RTM_NEWMDB: u16 = 84;
/// RTM_DELMDB (message type 85).
pub const RTM_DELMDB: u16 = 85;
/// RTM_GETMDB (message type 86).
pub const RTM_GETMDB: u16 = 86;
/// RTM_NEWNSID (message type 88).
pub const RTM_NEWNSID: u16 = 88;
/// RTM_DELNSID (message type 89).
pub const RTM_DELNSID: u16 = 89;
/// RTM_GETNSID (message type 90).
pub const RTM_GETNSID: u16 = 90;
/// RTM_NEWSTATS (message type 92).
pub const RTM_NEWSTATS: u16 = 92;
/// RTM_GETSTATS (message type 94).
pub const RTM_GETSTATS: u16 = 94;
/// RTM_SETSTATS (message type 95).
pub const RTM_SETSTATS: u16 = 95;
/// RTM_NEWCACHEREPORT (message type 96).
pub const RTM_NEWCACHEREPORT: u16 = 96;
/// RTM_NEWCHAIN (message type 100).
pub const RTM_NEWCHAIN: u16 = 100;
/// RTM_DELCHAIN (message type 101).
pub const RTM_DELCHAIN: u16 = 101;
/// RTM_GETCHAIN (message type 102).
pub const RTM_GETCHAIN: u16 = 102;
/// RTM_NEWNEXTHOP (message type 104).
pub const RTM_NEWNEXTHOP: u16 = 104;
/// RTM_DELNEXTHOP (message type 105).
pub const RTM_DELNEXTHOP: u16 = 105;
/// RTM_GETNEXTHOP (message type 106).
pub const RTM_GETNEXTHOP: u16 = 106;
/// RTM_NEWLINKPROP (message type 108).
pub const RTM_NEWLINKPROP: u16 = 108;
/// RTM_DELLINKPROP (message type 109).
pub const RTM_DELLINKPROP: u16 = 109;
/// RTM_GETLINKPROP (message type 110).
pub const RTM_GETLINKPROP: u16 = 110;
/// RTM_NEWVLAN (message type 112).
pub const RTM_NEWVLAN: u16 = 112;
/// RTM_DELVLAN (message type 113).
pub const RTM_DELVLAN: u16 = 113;
/// RTM_GETVLAN (message type 114).
pub const RTM_GETVLAN: u16 = 114;
/// RTM_NEWNEXTHOPBUCKET (message type 116).
pub const RTM_NEWNEXTHOPBUCKET: u16 = 116;
/// RTM_DELNEXTHOPBUCKET (message type 117).
pub const RTM_DELNEXTHOPBUCKET: u16 = 117;
/// RTM_GETNEXTHOPBUCKET (message type 118).
pub const RTM_GETNEXTHOPBUCKET: u16 = 118;
/// RTM_NEWTUNNEL (message type 120).
pub const RTM_NEWTUNNEL: u16 = 120;
/// RTM_DELTUNNEL (message type 121).
pub const RTM_DELTUNNEL: u16 = 121;
/// RTM_GETTUNNEL (message type 122).
pub const RTM_GETTUNNEL: u16 = 122;

/// The kernel name of an rtnetlink message type (`RTM_NEWROUTE`, ...).
pub fn rtm_name(ty: u16) -> Option<&'static str> {
    Some(match ty {
        RTM_NEWLINK => "RTM_NEWLINK",
        RTM_DELLINK => "RTM_DELLINK",
        RTM_GETLINK => "RTM_GETLINK",
        RTM_SETLINK => "RTM_SETLINK",
        RTM_NEWADDR => "RTM_NEWADDR",
        RTM_DELADDR => "RTM_DELADDR",
        RTM_GETADDR => "RTM_GETADDR",
        RTM_NEWROUTE => "RTM_NEWROUTE",
        RTM_DELROUTE => "RTM_DELROUTE",
        RTM_GETROUTE => "RTM_GETROUTE",
        RTM_NEWNEIGH => "RTM_NEWNEIGH",
        RTM_DELNEIGH => "RTM_DELNEIGH",
        RTM_GETNEIGH => "RTM_GETNEIGH",
        RTM_NEWRULE => "RTM_NEWRULE",
        RTM_DELRULE => "RTM_DELRULE",
        RTM_GETRULE => "RTM_GETRULE",
        RTM_NEWQDISC => "RTM_NEWQDISC",
        RTM_DELQDISC => "RTM_DELQDISC",
        RTM_GETQDISC => "RTM_GETQDISC",
        RTM_NEWTCLASS => "RTM_NEWTCLASS",
        RTM_DELTCLASS => "RTM_DELTCLASS",
        RTM_GETTCLASS => "RTM_GETTCLASS",
        RTM_NEWTFILTER => "RTM_NEWTFILTER",
        RTM_DELTFILTER => "RTM_DELTFILTER",
        RTM_GETTFILTER => "RTM_GETTFILTER",
        RTM_NEWACTION => "RTM_NEWACTION",
        RTM_DELACTION => "RTM_DELACTION",
        RTM_GETACTION => "RTM_GETACTION",
        RTM_NEWPREFIX => "RTM_NEWPREFIX",
        RTM_GETMULTICAST => "RTM_GETMULTICAST",
        RTM_GETANYCAST => "RTM_GETANYCAST",
        RTM_NEWNEIGHTBL => "RTM_NEWNEIGHTBL",
        RTM_GETNEIGHTBL => "RTM_GETNEIGHTBL",
        RTM_SETNEIGHTBL => "RTM_SETNEIGHTBL",
        RTM_NEWNDUSEROPT => "RTM_NEWNDUSEROPT",
        RTM_NEWADDRLABEL => "RTM_NEWADDRLABEL",
        RTM_DELADDRLABEL => "RTM_DELADDRLABEL",
        RTM_GETADDRLABEL => "RTM_GETADDRLABEL",
        RTM_GETDCB => "RTM_GETDCB",
        RTM_SETDCB => "RTM_SETDCB",
        RTM_NEWNETCONF => "RTM_NEWNETCONF",
        RTM_DELNETCONF => "RTM_DELNETCONF",
        RTM_GETNETCONF => "RTM_GETNETCONF",
        RTM_NEWMDB => "RTM_NEWMDB",
        RTM_DELMDB => "RTM_DELMDB",
        RTM_GETMDB => "RTM_GETMDB",
        RTM_NEWNSID => "RTM_NEWNSID",
        RTM_DELNSID => "RTM_DELNSID",
        RTM_GETNSID => "RTM_GETNSID",
        RTM_NEWSTATS => "RTM_NEWSTATS",
        RTM_GETSTATS => "RTM_GETSTATS",
        RTM_SETSTATS => "RTM_SETSTATS",
        RTM_NEWCACHEREPORT => "RTM_NEWCACHEREPORT",
        RTM_NEWCHAIN => "RTM_NEWCHAIN",
        RTM_DELCHAIN => "RTM_DELCHAIN",
        RTM_GETCHAIN => "RTM_GETCHAIN",
        RTM_NEWNEXTHOP => "RTM_NEWNEXTHOP",
        RTM_DELNEXTHOP => "RTM_DELNEXTHOP",
        RTM_GETNEXTHOP => "RTM_GETNEXTHOP",
        RTM_NEWLINKPROP => "RTM_NEWLINKPROP",
        RTM_DELLINKPROP => "RTM_DELLINKPROP",
        RTM_GETLINKPROP => "RTM_GETLINKPROP",
        RTM_NEWVLAN => "RTM_NEWVLAN",
        RTM_DELVLAN => "RTM_DELVLAN",
        RTM_GETVLAN => "RTM_GETVLAN",
        RTM_NEWNEXTHOPBUCKET => "RTM_NEWNEXTHOPBUCKET",
        RTM_DELNEXTHOPBUCKET => "RTM_DELNEXTHOPBUCKET",
        RTM_GETNEXTHOPBUCKET => "RTM_GETNEXTHOPBUCKET",
        RTM_NEWTUNNEL => "RTM_NEWTUNNEL",
        RTM_DELTUNNEL => "RTM_DELTUNNEL",
        RTM_GETTUNNEL => "RTM_GETTUNNEL",
        _ => return None,
    })
}

/// RTNLGRP_NONE (multicast group 0; subscribe with NETLINK_ADD_MEMBERSHIP).
pub const RTNLGRP_NONE: u32 = 0;
/// RTNLGRP_LINK (multicast group 1; subscribe with NETLINK_ADD_MEMBERSHIP).
pub const RTNLGRP_LINK: u32 = 1;
/// RTNLGRP_NOTIFY (multicast group 2; subscribe with NETLINK_ADD_MEMBERSHIP).
pub const RTNLGRP_NOTIFY: u32 = 2;
/// RTNLGRP_NEIGH (multicast group 3; subscribe with NETLINK_ADD_MEMBERSHIP).
pub const RTNLGRP_NEIGH: u32 = 3;
/// RTNLGRP_TC (multicast group 4; subscribe with NETLINK_ADD_MEMBERSHIP).
pub const RTNLGRP_TC: u32 = 4;
/// RTNLGRP_IPV4_IFADDR (multicast group 5; subscribe with NETLINK_ADD_MEMBERSHIP).
pub const RTNLGRP_IPV4_IFADDR: u32 = 5;
/// RTNLGRP_IPV4_MROUTE (multicast group 6; subscribe with NETLINK_ADD_MEMBERSHIP).
pub const RTNLGRP_IPV4_MROUTE: u32 = 6;
/// RTNLGRP_IPV4_ROUTE (multicast group 7; subscribe with NETLINK_ADD_MEMBERSHIP).
pub const RTNLGRP_IPV4_ROUTE: u32 = 7;
/// RTNLGRP_IPV4_RULE (multicast group 8; subscribe with NETLINK_ADD_MEMBERSHIP).
pub const RTNLGRP_IPV4_RULE: u32 = 8;
/// RTNLGRP_IPV6_IFADDR (multicast group 9; subscribe with NETLINK_ADD_MEMBERSHIP).
pub const RTNLGRP_IPV6_IFADDR: u32 = 9;
/// RTNLGRP_IPV6_MROUTE (multicast group 10; subscribe with NETLINK_ADD_MEMBERSHIP).
pub const RTNLGRP_IPV6_MROUTE: u32 = 10;
/// RTNLGRP_IPV6_ROUTE (multicast group 11; subscribe with NETLINK_ADD_MEMBERSHIP).
pub const RTNLGRP_IPV6_ROUTE: u32 = 11;
/// RTNLGRP_IPV6_IFINFO (multicast group 12; subscribe with NETLINK_ADD_MEMBERSHIP).
pub const RTNLGRP_IPV6_IFINFO: u32 = 12;
/// RTNLGRP_DECnet_IFADDR (multicast group 13; subscribe with NETLINK_ADD_MEMBERSHIP).
#[allow(non_upper_case_globals)]
pub const RTNLGRP_DECnet_IFADDR: u32 = 13;
/// RTNLGRP_NOP2 (multicast group 14; subscribe with NETLINK_ADD_MEMBERSHIP).
pub const RTNLGRP_NOP2: u32 = 14;
/// RTNLGRP_DECnet_ROUTE (multicast group 15; subscribe with NETLINK_ADD_MEMBERSHIP).
#[allow(non_upper_case_globals)]
pub const RTNLGRP_DECnet_ROUTE: u32 = 15;
/// RTNLGRP_DECnet_RULE (multicast group 16; subscribe with NETLINK_ADD_MEMBERSHIP).
#[allow(non_upper_case_globals)]
pub const RTNLGRP_DECnet_RULE: u32 = 16;
/// RTNLGRP_NOP4 (multicast group 17; subscribe with NETLINK_ADD_MEMBERSHIP).
pub const RTNLGRP_NOP4: u32 = 17;
/// RTNLGRP_IPV6_PREFIX (multicast group 18; subscribe with NETLINK_ADD_MEMBERSHIP).
pub const RTNLGRP_IPV6_PREFIX: u32 = 18;
/// RTNLGRP_IPV6_RULE (multicast group 19; subscribe with NETLINK_ADD_MEMBERSHIP).
pub const RTNLGRP_IPV6_RULE: u32 = 19;
/// RTNLGRP_ND_USEROPT (multicast group 20; subscribe with NETLINK_ADD_MEMBERSHIP).
pub const RTNLGRP_ND_USEROPT: u32 = 20;
/// RTNLGRP_PHONET_IFADDR (multicast group 21; subscribe with NETLINK_ADD_MEMBERSHIP).
pub const RTNLGRP_PHONET_IFADDR: u32 = 21;
/// RTNLGRP_PHONET_ROUTE (multicast group 22; subscribe with NETLINK_ADD_MEMBERSHIP).
pub const RTNLGRP_PHONET_ROUTE: u32 = 22;
/// RTNLGRP_DCB (multicast group 23; subscribe with NETLINK_ADD_MEMBERSHIP).
pub const RTNLGRP_DCB: u32 = 23;
/// RTNLGRP_IPV4_NETCONF (multicast group 24; subscribe with NETLINK_ADD_MEMBERSHIP).
pub const RTNLGRP_IPV4_NETCONF: u32 = 24;
/// RTNLGRP_IPV6_NETCONF (multicast group 25; subscribe with NETLINK_ADD_MEMBERSHIP).
pub const RTNLGRP_IPV6_NETCONF: u32 = 25;
/// RTNLGRP_MDB (multicast group 26; subscribe with NETLINK_ADD_MEMBERSHIP).
pub const RTNLGRP_MDB: u32 = 26;
/// RTNLGRP_MPLS_ROUTE (multicast group 27; subscribe with NETLINK_ADD_MEMBERSHIP).
pub const RTNLGRP_MPLS_ROUTE: u32 = 27;
/// RTNLGRP_NSID (multicast group 28; subscribe with NETLINK_ADD_MEMBERSHIP).
pub const RTNLGRP_NSID: u32 = 28;
/// RTNLGRP_MPLS_NETCONF (multicast group 29; subscribe with NETLINK_ADD_MEMBERSHIP).
pub const RTNLGRP_MPLS_NETCONF: u32 = 29;
/// RTNLGRP_IPV4_MROUTE_R (multicast group 30; subscribe with NETLINK_ADD_MEMBERSHIP).
pub const RTNLGRP_IPV4_MROUTE_R: u32 = 30;
/// RTNLGRP_IPV6_MROUTE_R (multicast group 31; subscribe with NETLINK_ADD_MEMBERSHIP).
pub const RTNLGRP_IPV6_MROUTE_R: u32 = 31;
/// RTNLGRP_NEXTHOP (multicast group 32; subscribe with NETLINK_ADD_MEMBERSHIP).
pub const RTNLGRP_NEXTHOP: u32 = 32;
/// RTNLGRP_BRVLAN (multicast group 33; subscribe with NETLINK_ADD_MEMBERSHIP).
pub const RTNLGRP_BRVLAN: u32 = 33;
/// RTNLGRP_MCTP_IFADDR (multicast group 34; subscribe with NETLINK_ADD_MEMBERSHIP).
pub const RTNLGRP_MCTP_IFADDR: u32 = 34;
/// RTNLGRP_TUNNEL (multicast group 35; subscribe with NETLINK_ADD_MEMBERSHIP).
pub const RTNLGRP_TUNNEL: u32 = 35;
/// RTNLGRP_STATS (multicast group 36; subscribe with NETLINK_ADD_MEMBERSHIP).
pub const RTNLGRP_STATS: u32 = 36;

/// The kernel name of an rtnetlink multicast group (`RTNLGRP_LINK`, ...).
#[allow(non_upper_case_globals)]
pub fn rtnlgrp_name(grp: u32) -> Option<&'static str> {
    Some(match grp {
        RTNLGRP_NONE => "RTNLGRP_NONE",
        RTNLGRP_LINK => "RTNLGRP_LINK",
        RTNLGRP_NOTIFY => "RTNLGRP_NOTIFY",
        RTNLGRP_NEIGH => "RTNLGRP_NEIGH",
        RTNLGRP_TC => "RTNLGRP_TC",
        RTNLGRP_IPV4_IFADDR => "RTNLGRP_IPV4_IFADDR",
        RTNLGRP_IPV4_MROUTE => "RTNLGRP_IPV4_MROUTE",
        RTNLGRP_IPV4_ROUTE => "RTNLGRP_IPV4_ROUTE",
        RTNLGRP_IPV4_RULE => "RTNLGRP_IPV4_RULE",
        RTNLGRP_IPV6_IFADDR => "RTNLGRP_IPV6_IFADDR",
        RTNLGRP_IPV6_MROUTE => "RTNLGRP_IPV6_MROUTE",
        RTNLGRP_IPV6_ROUTE => "RTNLGRP_IPV6_ROUTE",
        RTNLGRP_IPV6_IFINFO => "RTNLGRP_IPV6_IFINFO",
        RTNLGRP_DECnet_IFADDR => "RTNLGRP_DECnet_IFADDR",
        RTNLGRP_NOP2 => "RTNLGRP_NOP2",
        RTNLGRP_DECnet_ROUTE => "RTNLGRP_DECnet_ROUTE",
        RTNLGRP_DECnet_RULE => "RTNLGRP_DECnet_RULE",
        RTNLGRP_NOP4 => "RTNLGRP_NOP4",
        RTNLGRP_IPV6_PREFIX => "RTNLGRP_IPV6_PREFIX",
        RTNLGRP_IPV6_RULE => "RTNLGRP_IPV6_RULE",
        RTNLGRP_ND_USEROPT => "RTNLGRP_ND_USEROPT",
        RTNLGRP_PHONET_IFADDR => "RTNLGRP_PHONET_IFADDR",
        RTNLGRP_PHONET_ROUTE => "RTNLGRP_PHONET_ROUTE",
        RTNLGRP_DCB => "RTNLGRP_DCB",
        RTNLGRP_IPV4_NETCONF => "RTNLGRP_IPV4_NETCONF",
        RTNLGRP_IPV6_NETCONF => "RTNLGRP_IPV6_NETCONF",
        RTNLGRP_MDB => "RTNLGRP_MDB",
        RTNLGRP_MPLS_ROUTE => "RTNLGRP_MPLS_ROUTE",
        RTNLGRP_NSID => "RTNLGRP_NSID",
        RTNLGRP_MPLS_NETCONF => "RTNLGRP_MPLS_NETCONF",
        RTNLGRP_IPV4_MROUTE_R => "RTNLGRP_IPV4_MROUTE_R",
        RTNLGRP_IPV6_MROUTE_R => "RTNLGRP_IPV6_MROUTE_R",
        RTNLGRP_NEXTHOP => "RTNLGRP_NEXTHOP",
        RTNLGRP_BRVLAN => "RTNLGRP_BRVLAN",
        RTNLGRP_MCTP_IFADDR => "RTNLGRP_MCTP_IFADDR",
        RTNLGRP_TUNNEL => "RTNLGRP_TUNNEL",
        RTNLGRP_STATS => "RTNLGRP_STATS",
        _ => return None,
    })
}

/// RTN_UNSPEC: unspecified.
pub const RTN_UNSPEC: u8 = 0;
/// RTN_UNICAST: a gateway or direct route.
pub const RTN_UNICAST: u8 = 1;
/// RTN_LOCAL: accept locally.
pub const RTN_LOCAL: u8 = 2;
/// RTN_BROADCAST: accept locally as broadcast, send as broadcast.
pub const RTN_BROADCAST: u8 = 3;
/// RTN_ANYCAST: accept locally as broadcast, send as unicast.
pub const RTN_ANYCAST: u8 = 4;
/// RTN_MULTICAST: a multicast route.
pub const RTN_MULTICAST: u8 = 5;
/// RTN_BLACKHOLE: drop.
pub const RTN_BLACKHOLE: u8 = 6;
/// RTN_UNREACHABLE: destination unreachable.
pub const RTN_UNREACHABLE: u8 = 7;
/// RTN_PROHIBIT: administratively prohibited.
pub const RTN_PROHIBIT: u8 = 8;
/// RTN_THROW: not in this table.
pub const RTN_THROW: u8 = 9;
/// RTN_NAT: translate this address.
pub const RTN_NAT: u8 = 10;
/// RTN_XRESOLVE: use an external resolver.
pub const RTN_XRESOLVE: u8 = 11;

/// The kernel name of a route type (`rtm_type`, RTN_*).
pub fn rtn_name(v: u8) -> Option<&'static str> {
    Some(match v {
        RTN_UNSPEC => "RTN_UNSPEC",
        RTN_UNICAST => "RTN_UNICAST",
        RTN_LOCAL => "RTN_LOCAL",
        RTN_BROADCAST => "RTN_BROADCAST",
        RTN_ANYCAST => "RTN_ANYCAST",
        RTN_MULTICAST => "RTN_MULTICAST",
        RTN_BLACKHOLE => "RTN_BLACKHOLE",
        RTN_UNREACHABLE => "RTN_UNREACHABLE",
        RTN_PROHIBIT => "RTN_PROHIBIT",
        RTN_THROW => "RTN_THROW",
        RTN_NAT => "RTN_NAT",
        RTN_XRESOLVE => "RTN_XRESOLVE",
        _ => return None,
    })
}

/// RTPROT_UNSPEC: unknown.
pub const RTPROT_UNSPEC: u8 = 0;
/// RTPROT_REDIRECT: installed by ICMP redirects.
pub const RTPROT_REDIRECT: u8 = 1;
/// RTPROT_KERNEL: installed by the kernel.
pub const RTPROT_KERNEL: u8 = 2;
/// RTPROT_BOOT: installed during boot.
pub const RTPROT_BOOT: u8 = 3;
/// RTPROT_STATIC: installed by the administrator.
pub const RTPROT_STATIC: u8 = 4;
/// RTPROT_GATED: GateD.
pub const RTPROT_GATED: u8 = 8;
/// RTPROT_RA: RDISC/ND router advertisements.
pub const RTPROT_RA: u8 = 9;
/// RTPROT_MRT: Merit MRT.
pub const RTPROT_MRT: u8 = 10;
/// RTPROT_ZEBRA: Zebra.
pub const RTPROT_ZEBRA: u8 = 11;
/// RTPROT_BIRD: BIRD.
pub const RTPROT_BIRD: u8 = 12;
/// RTPROT_DNROUTED: DECnet routing daemon.
pub const RTPROT_DNROUTED: u8 = 13;
/// RTPROT_XORP: XORP.
pub const RTPROT_XORP: u8 = 14;
/// RTPROT_NTK: Netsukuku.
pub const RTPROT_NTK: u8 = 15;
/// RTPROT_DHCP: DHCP client.
pub const RTPROT_DHCP: u8 = 16;
/// RTPROT_MROUTED: multicast daemon.
pub const RTPROT_MROUTED: u8 = 17;
/// RTPROT_KEEPALIVED: Keepalived daemon.
pub const RTPROT_KEEPALIVED: u8 = 18;
/// RTPROT_BABEL: Babel daemon.
pub const RTPROT_BABEL: u8 = 42;
/// RTPROT_OPENR: Open Routing (Open/R).
pub const RTPROT_OPENR: u8 = 99;
/// RTPROT_BGP: BGP.
pub const RTPROT_BGP: u8 = 186;
/// RTPROT_ISIS: IS-IS.
pub const RTPROT_ISIS: u8 = 187;
/// RTPROT_OSPF: OSPF.
pub const RTPROT_OSPF: u8 = 188;
/// RTPROT_RIP: RIP.
pub const RTPROT_RIP: u8 = 189;
/// RTPROT_EIGRP: EIGRP.
pub const RTPROT_EIGRP: u8 = 192;

/// The kernel name of a route protocol (`rtm_protocol`, RTPROT_*).
pub fn rtprot_name(v: u8) -> Option<&'static str> {
    Some(match v {
        RTPROT_UNSPEC => "RTPROT_UNSPEC",
        RTPROT_REDIRECT => "RTPROT_REDIRECT",
        RTPROT_KERNEL => "RTPROT_KERNEL",
        RTPROT_BOOT => "RTPROT_BOOT",
        RTPROT_STATIC => "RTPROT_STATIC",
        RTPROT_GATED => "RTPROT_GATED",
        RTPROT_RA => "RTPROT_RA",
        RTPROT_MRT => "RTPROT_MRT",
        RTPROT_ZEBRA => "RTPROT_ZEBRA",
        RTPROT_BIRD => "RTPROT_BIRD",
        RTPROT_DNROUTED => "RTPROT_DNROUTED",
        RTPROT_XORP => "RTPROT_XORP",
        RTPROT_NTK => "RTPROT_NTK",
        RTPROT_DHCP => "RTPROT_DHCP",
        RTPROT_MROUTED => "RTPROT_MROUTED",
        RTPROT_KEEPALIVED => "RTPROT_KEEPALIVED",
        RTPROT_BABEL => "RTPROT_BABEL",
        RTPROT_OPENR => "RTPROT_OPENR",
        RTPROT_BGP => "RTPROT_BGP",
        RTPROT_ISIS => "RTPROT_ISIS",
        RTPROT_OSPF => "RTPROT_OSPF",
        RTPROT_RIP => "RTPROT_RIP",
        RTPROT_EIGRP => "RTPROT_EIGRP",
        _ => return None,
    })
}

/// RT_SCOPE_UNIVERSE: everywhere.
pub const RT_SCOPE_UNIVERSE: u8 = 0;
/// RT_SCOPE_SITE: interior routes.
pub const RT_SCOPE_SITE: u8 = 200;
/// RT_SCOPE_LINK: on a directly attached link.
pub const RT_SCOPE_LINK: u8 = 253;
/// RT_SCOPE_HOST: a local address.
pub const RT_SCOPE_HOST: u8 = 254;
/// RT_SCOPE_NOWHERE: no such destination.
pub const RT_SCOPE_NOWHERE: u8 = 255;

/// The kernel name of a route scope (`rtm_scope`, RT_SCOPE_*).
pub fn rt_scope_name(v: u8) -> Option<&'static str> {
    Some(match v {
        RT_SCOPE_UNIVERSE => "RT_SCOPE_UNIVERSE",
        RT_SCOPE_SITE => "RT_SCOPE_SITE",
        RT_SCOPE_LINK => "RT_SCOPE_LINK",
        RT_SCOPE_HOST => "RT_SCOPE_HOST",
        RT_SCOPE_NOWHERE => "RT_SCOPE_NOWHERE",
        _ => return None,
    })
}

/// RT_TABLE_UNSPEC: unspecified.
pub const RT_TABLE_UNSPEC: u32 = 0;
/// RT_TABLE_COMPAT: compatibility (rtm_table when the id is >= 256).
pub const RT_TABLE_COMPAT: u32 = 252;
/// RT_TABLE_DEFAULT: the default table.
pub const RT_TABLE_DEFAULT: u32 = 253;
/// RT_TABLE_MAIN: the main table.
pub const RT_TABLE_MAIN: u32 = 254;
/// RT_TABLE_LOCAL: the local table.
pub const RT_TABLE_LOCAL: u32 = 255;
/// RT_TABLE_MAX: the largest table id.
pub const RT_TABLE_MAX: u32 = 4294967295;

/// The kernel name of a reserved routing table id (RT_TABLE_*).
pub fn rt_table_name(v: u32) -> Option<&'static str> {
    Some(match v {
        RT_TABLE_UNSPEC => "RT_TABLE_UNSPEC",
        RT_TABLE_COMPAT => "RT_TABLE_COMPAT",
        RT_TABLE_DEFAULT => "RT_TABLE_DEFAULT",
        RT_TABLE_MAIN => "RT_TABLE_MAIN",
        RT_TABLE_LOCAL => "RT_TABLE_LOCAL",
        RT_TABLE_MAX => "RT_TABLE_MAX",
        _ => return None,
    })
}

bitflags::bitflags! {
    /// RTM_F_* route flags (`rtm_flags`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct RtmF: u32 {
        /// RTM_F_NOTIFY: notify the user of route change.
        const NOTIFY = 0x100;
        /// RTM_F_CLONED: the route is cloned.
        const CLONED = 0x200;
        /// RTM_F_EQUALIZE: multipath equalizer (not implemented).
        const EQUALIZE = 0x400;
        /// RTM_F_PREFIX: prefix addresses.
        const PREFIX = 0x800;
        /// RTM_F_LOOKUP_TABLE: set rtm_table to the FIB lookup result.
        const LOOKUP_TABLE = 0x1000;
        /// RTM_F_FIB_MATCH: return the full FIB lookup match.
        const FIB_MATCH = 0x2000;
        /// RTM_F_OFFLOAD: the route is offloaded.
        const OFFLOAD = 0x4000;
        /// RTM_F_TRAP: the route is trapping packets.
        const TRAP = 0x8000;
        /// RTM_F_OFFLOAD_FAILED: route offload failed.
        const OFFLOAD_FAILED = 0x2000_0000;
        /// Bits this table does not name survive.
        const _ = !0;
    }
}

bitflags::bitflags! {
    /// RTNH_F_* nexthop flags (`rtnh_flags`; also in `rtm_flags`' low byte).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct RtnhF: u8 {
        /// RTNH_F_DEAD: the nexthop is dead.
        const DEAD = 1;
        /// RTNH_F_PERVASIVE: recursive gateway lookup.
        const PERVASIVE = 2;
        /// RTNH_F_ONLINK: the gateway is forced on link.
        const ONLINK = 4;
        /// RTNH_F_OFFLOAD: the nexthop is offloaded.
        const OFFLOAD = 8;
        /// RTNH_F_LINKDOWN: carrier down on the nexthop.
        const LINKDOWN = 16;
        /// RTNH_F_UNRESOLVED: the entry is unresolved (ipmr).
        const UNRESOLVED = 32;
        /// RTNH_F_TRAP: the nexthop is trapping packets.
        const TRAP = 64;
        /// Bits this table does not name survive.
        const _ = !0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_header() {
        assert_eq!(rtm_name(24), Some("RTM_NEWROUTE"));
        assert_eq!(rtm_name(RTM_GETNEIGHTBL), Some("RTM_GETNEIGHTBL"));
        assert_eq!(rtm_name(88), Some("RTM_NEWNSID"));
        assert_eq!(rtm_name(91), None);
        assert_eq!(RTM_NEWNEXTHOP, 104);
        assert_eq!(RTM_NEWTUNNEL, 120);
        assert_eq!(rtnlgrp_name(RTNLGRP_NSID), Some("RTNLGRP_NSID"));
        assert_eq!(RTNLGRP_IPV4_ROUTE, 7);
        assert_eq!(RTNLGRP_NSID, 28);
        assert_eq!(rtn_name(7), Some("RTN_UNREACHABLE"));
        assert_eq!(rtprot_name(186), Some("RTPROT_BGP"));
        assert_eq!(rt_table_name(254), Some("RT_TABLE_MAIN"));
        assert_eq!(rt_scope_name(253), Some("RT_SCOPE_LINK"));
        assert_eq!(
            RtmF::from_bits_retain(0x2000_0200),
            RtmF::CLONED | RtmF::OFFLOAD_FAILED
        );
    }
}

// --- helpers shared by the rtnl family modules ---------------------------------------

use crate::nl::{
    Attr, AttrIter, AttrSet, Ctx, Describe, Error, Nested, NlMsg, NlaValue, NlaWriter, Scalar,
    Visitor,
};

/// Describes a message body as `"<hdr_name>": {header fields}` then
/// `"attrs": [[NAME, VALUE], ...]` with the attributes of set `S` after header `H`.
pub(crate) fn describe_hdr_attrs<H, S>(msg: &NlMsg<'_>, hdr_name: &str, out: &mut dyn Visitor)
where
    H: zerocopy::FromBytes
        + zerocopy::KnownLayout
        + zerocopy::Immutable
        + zerocopy::Unaligned
        + Describe,
    S: AttrSet,
{
    out.key(hdr_name);
    match msg.fixed::<H>() {
        Ok(h) => h.describe(out),
        Err(e) => return out.scalar(Scalar::Error(e)),
    }
    let family = msg.payload().first().copied().unwrap_or(0);
    out.key("attrs");
    S::describe_list(msg.attrs::<H>(), &Ctx::new(msg.nlmsg_type(), family), out);
}

/// Describes a flag word as a list of the names of its set flags, then any bits the
/// table does not name as one number.
pub(crate) fn describe_flags<F>(f: &F, out: &mut dyn Visitor)
where
    F: bitflags::Flags,
    F::Bits: Into<u64>,
{
    let mut rest: u64 = f.bits().into();
    out.begin_list();
    for flag in F::FLAGS {
        let b: u64 = flag.value().bits().into();
        if flag.is_named() && b != 0 && rest & b == b {
            out.scalar(Scalar::Name(flag.name()));
            rest &= !b;
        }
    }
    if rest != 0 {
        out.scalar(Scalar::U64(rest));
    }
    out.end_list();
}

/// Implements [`NlaValue`] for a bitflags type read and written as one integer.
macro_rules! flags_value {
    ($t:ty, $get:ident, $put:ident) => {
        impl<'a> $crate::nl::NlaValue<'a> for $t {
            fn decode(attr: &$crate::nl::Attr<'a>) -> Result<Self, $crate::nl::Error> {
                attr.$get().map(<$t>::from_bits_retain)
            }
            fn encode<W: $crate::nl::NlaWriter + ?Sized>(
                &self,
                w: &mut W,
                ty: u16,
            ) -> Result<(), $crate::nl::Error> {
                w.$put(ty, self.bits())
            }
            fn describe(&self, _: &$crate::nl::Ctx, out: &mut dyn $crate::nl::Visitor) {
                $crate::rtnl::consts::describe_flags(self, out)
            }
        }
    };
}
pub(crate) use flags_value;

/// A nested attribute list of set `S` that remembers whether NLA_F_NESTED was set, so
/// that a re-encode is byte for byte (the kernel sends RTA_METRICS, RTA_ENCAP, ...
/// with or without the flag, depending on the path).
pub struct NestOf<'a, S> {
    /// The members.
    pub list: Nested<'a, S>,
    /// NLA_F_NESTED was (or is to be) set on the container.
    pub nested_flag: bool,
}

impl<S> Clone for NestOf<'_, S> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<S> Copy for NestOf<'_, S> {}
impl<S> PartialEq for NestOf<'_, S> {
    fn eq(&self, o: &Self) -> bool {
        self.list == o.list && self.nested_flag == o.nested_flag
    }
}
impl<S> core::fmt::Debug for NestOf<'_, S> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("NestOf")
            .field("list", &self.list)
            .field("nested_flag", &self.nested_flag)
            .finish()
    }
}

impl<'a, S> NestOf<'a, S> {
    /// Wraps an encoded list of attributes (`bytes` as written by an `AttrBuilder`);
    /// it is written with NLA_F_NESTED.
    pub fn new(bytes: &'a [u8]) -> Self {
        NestOf {
            list: Nested::new(AttrIter::new(bytes)),
            nested_flag: true,
        }
    }
    /// The raw member walk.
    pub fn raw(&self) -> AttrIter<'a> {
        self.list.raw()
    }
}

impl<'a, S: AttrSet + 'a> NlaValue<'a> for NestOf<'a, S> {
    fn decode(attr: &Attr<'a>) -> Result<Self, Error> {
        Ok(NestOf {
            list: Nested::new(attr.nested()),
            nested_flag: attr.is_nested(),
        })
    }
    fn encode<W: NlaWriter + ?Sized>(&self, w: &mut W, ty: u16) -> Result<(), Error> {
        let flag = if self.nested_flag {
            crate::nl::NLA_F_NESTED
        } else {
            0
        };
        w.put_bytes(ty | flag, self.list.raw().bytes())
    }
    fn describe(&self, ctx: &Ctx, out: &mut dyn Visitor) {
        crate::nl::describe::describe_nested(self.list.raw(), ctx, out, S::describe_list)
    }
}

/// An unsigned integer the kernel sends in more than one width (RTA_EXPIRES is a u32
/// from userspace and a u64 from the kernel): the value and its width, so that a
/// re-encode writes the same bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VarUint {
    /// The value.
    pub value: u64,
    /// Its width on the wire: 1, 2, 4 or 8 bytes.
    pub width: u8,
}

impl<'a> NlaValue<'a> for VarUint {
    fn decode(attr: &Attr<'a>) -> Result<Self, Error> {
        Ok(VarUint {
            value: attr.as_uint()?,
            width: attr.payload().len() as u8,
        })
    }
    fn encode<W: NlaWriter + ?Sized>(&self, w: &mut W, ty: u16) -> Result<(), Error> {
        match self.width {
            1 => w.put_u8(ty, self.value as u8),
            2 => w.put_u16(ty, self.value as u16),
            4 => w.put_u32(ty, self.value as u32),
            _ => w.put_u64(ty, self.value),
        }
    }
    fn describe(&self, _: &Ctx, out: &mut dyn Visitor) {
        out.scalar(Scalar::U64(self.value))
    }
}

/// Declares a table kind (for `nla_set!` lines) for a value type that borrows from the
/// message (`Type<'a>` implementing [`NlaValue`]), which `Value<T>` cannot name.
macro_rules! value_kind {
    ($(#[$m:meta])* $kind:ident => $t:ident) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy)]
        pub struct $kind;
        impl<'a> $crate::nl::attr::Kind<'a> for $kind {
            type T = $t<'a>;
            #[inline]
            fn decode(a: &$crate::nl::Attr<'a>) -> Result<$t<'a>, $crate::nl::Error> {
                <$t<'a> as $crate::nl::NlaValue<'a>>::decode(a)
            }
            fn encode<W: $crate::nl::NlaWriter + ?Sized>(
                w: &mut W,
                ty: u16,
                v: &$t<'a>,
            ) -> Result<(), $crate::nl::Error> {
                <$t<'a> as $crate::nl::NlaValue<'a>>::encode(v, w, ty)
            }
            fn describe(v: &$t<'a>, ctx: &$crate::nl::Ctx, out: &mut dyn $crate::nl::Visitor) {
                <$t<'a> as $crate::nl::NlaValue<'a>>::describe(v, ctx, out)
            }
        }
    };
}
pub(crate) use value_kind;

/// The table kind of a [`NestOf`] list of set `S` (NLA_F_NESTED kept as received).
#[derive(Debug, Clone, Copy)]
pub struct NestKind<S>(core::marker::PhantomData<S>);

impl<'a, S: AttrSet + 'a> crate::nl::attr::Kind<'a> for NestKind<S> {
    type T = NestOf<'a, S>;
    fn decode(a: &Attr<'a>) -> Result<NestOf<'a, S>, Error> {
        NestOf::decode(a)
    }
    fn encode<W: NlaWriter + ?Sized>(w: &mut W, ty: u16, v: &NestOf<'a, S>) -> Result<(), Error> {
        v.encode(w, ty)
    }
    fn describe(v: &NestOf<'a, S>, ctx: &Ctx, out: &mut dyn Visitor) {
        NlaValue::describe(v, ctx, out)
    }
}

/// `defmt::Format` for bitflags types (printed as name and hex bits).
#[cfg(feature = "defmt")]
macro_rules! defmt_flags {
    ($($t:ty),*) => {$(
        impl defmt::Format for $t {
            fn format(&self, f: defmt::Formatter<'_>) {
                defmt::write!(f, "{=str}({=u64:#x})", stringify!($t), u64::from(self.bits()))
            }
        }
    )*};
}
#[cfg(feature = "defmt")]
pub(crate) use defmt_flags;
#[cfg(feature = "defmt")]
defmt_flags!(RtmF, RtnhF);
