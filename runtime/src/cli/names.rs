//! Name tables of the `ferroute` command-line tool: kernel UAPI numbers <-> the names
//! iproute2 prints and accepts (IFF_*, ARPHRD_*, IF_OPER_*, RTN_*, RTPROT_*, RT_SCOPE_*,
//! RT_TABLE_*, NUD_*, NTF_*, IFA_F_*, FR_ACT_*, TC handles). One table per fact, in ip's order.

use std::collections::HashMap;
use std::sync::OnceLock;

/// A number <-> name table; lookups are linear (the tables are short).
pub type NameTable = &'static [(u32, &'static str)];

/// Name of `value` in `table`.
pub fn lookup_name(table: NameTable, value: u32) -> Option<&'static str> {
    table.iter().find(|(v, _)| *v == value).map(|(_, n)| *n)
}

/// Number of `name` in `table` (exact match).
pub fn lookup_value(table: NameTable, name: &str) -> Option<u32> {
    table.iter().find(|(_, n)| *n == name).map(|(v, _)| *v)
}

/// `IFF_*` net_device flags (linux/if.h), in the order `ip link` prints them
/// (iproute2 `print_link_flags`). `IFF_RUNNING` is not printed (it drives `NO-CARRIER`).
pub const IFF_FLAGS: NameTable = &[
    (0x8, "LOOPBACK"),
    (0x2, "BROADCAST"),
    (0x10, "POINTOPOINT"),
    (0x1000, "MULTICAST"),
    (0x80, "NOARP"),
    (0x200, "ALLMULTI"),
    (0x100, "PROMISC"),
    (0x20, "NOTRAILERS"),
    (0x4, "DEBUG"),
    (0x8000, "DYNAMIC"),
    (0x4000, "AUTOMEDIA"),
    (0x2000, "PORTSEL"),
    (0x400, "MASTER"),
    (0x800, "SLAVE"),
    (0x1, "UP"),
    (0x10000, "LOWER_UP"),
    (0x20000, "DORMANT"),
    (0x40000, "ECHO"),
];
/// `IFF_UP`.
pub const IFF_UP: u32 = ferroute_codec::rtnl::link::Iff::UP.bits();
/// `IFF_RUNNING`.
pub const IFF_RUNNING: u32 = ferroute_codec::rtnl::link::Iff::RUNNING.bits();

/// The flag names `ip link` prints for `ifi_flags`, in its order: `NO-CARRIER` first when
/// up without carrier, then [`IFF_FLAGS`], then any unknown rest as lowercase hex.
pub fn link_flag_names(flags: u32) -> Vec<String> {
    let mut out = Vec::new();
    if flags & IFF_UP != 0 && flags & IFF_RUNNING == 0 {
        out.push("NO-CARRIER".to_string());
    }
    let mut rest = flags & !IFF_RUNNING;
    for (bit, name) in IFF_FLAGS {
        if rest & bit != 0 {
            rest &= !bit;
            out.push((*name).to_string());
        }
    }
    if rest != 0 {
        out.push(format!("{rest:x}"));
    }
    out
}

/// `ARPHRD_*` device types (linux/if_arp.h) -> iproute2's `link/<type>` names (lib/ll_types.c).
pub const ARPHRD: NameTable = &[
    (0, "netrom"),
    (1, "ether"),
    (2, "eether"),
    (3, "ax25"),
    (4, "pronet"),
    (5, "chaos"),
    (6, "ieee802"),
    (7, "arcnet"),
    (8, "atalk"),
    (15, "dlci"),
    (19, "atm"),
    (23, "metricom"),
    (24, "ieee1394"),
    (32, "infiniband"),
    (256, "slip"),
    (257, "cslip"),
    (258, "slip6"),
    (259, "cslip6"),
    (260, "rsrvd"),
    (264, "adapt"),
    (270, "rose"),
    (271, "x25"),
    (272, "hwx25"),
    (280, "can"),
    (512, "ppp"),
    (513, "hdlc"),
    (516, "lapb"),
    (517, "ddcmp"),
    (518, "rawhdlc"),
    (519, "rawip"),
    (768, "ipip"),
    (769, "tunnel6"),
    (770, "frad"),
    (771, "skip"),
    (772, "loopback"),
    (773, "ltalk"),
    (774, "fddi"),
    (775, "bif"),
    (776, "sit"),
    (777, "ip/ddp"),
    (778, "gre"),
    (779, "pimreg"),
    (780, "hippi"),
    (781, "ash"),
    (782, "econet"),
    (783, "irda"),
    (784, "fcpp"),
    (785, "fcal"),
    (786, "fcpl"),
    (787, "fcfb_0"),
    (800, "tr"),
    (801, "ieee802.11"),
    (802, "ieee802.11/prism"),
    (803, "ieee802.11/radiotap"),
    (804, "ieee802.15.4"),
    (805, "ieee802.15.4/monitor"),
    (820, "phonet"),
    (821, "phonet_pipe"),
    (822, "caif"),
    (823, "gre6"),
    (824, "netlink"),
    (825, "6lowpan"),
    (826, "vsockmon"),
    (0xfffe, "none"),
    (0xffff, "void"),
];

/// iproute2's name for an `ARPHRD_*` value (`[N]` when unknown, like `ll_type_n2a`).
pub fn link_type_name(arphrd: u16) -> String {
    lookup_name(ARPHRD, arphrd.into()).map_or_else(|| format!("[{arphrd}]"), str::to_string)
}

/// `IF_OPER_*` operational states (linux/if.h), as `ip` prints them.
pub const OPERSTATE: NameTable = &[
    (0, "UNKNOWN"),
    (1, "NOTPRESENT"),
    (2, "DOWN"),
    (3, "LOWERLAYERDOWN"),
    (4, "TESTING"),
    (5, "DORMANT"),
    (6, "UP"),
];

/// `IF_LINK_MODE_*` link modes (linux/if.h), as `ip` prints them.
pub const LINKMODE: NameTable = &[(0, "DEFAULT"), (1, "DORMANT"), (2, "TESTING")];

/// `RTN_*` route types (linux/rtnetlink.h), as `ip route` names them.
pub const RTN: NameTable = &[
    (0, "none"),
    (1, "unicast"),
    (2, "local"),
    (3, "broadcast"),
    (4, "anycast"),
    (5, "multicast"),
    (6, "blackhole"),
    (7, "unreachable"),
    (8, "prohibit"),
    (9, "throw"),
    (10, "nat"),
    (11, "xresolve"),
];
pub use ferroute_codec::rtnl::consts::RTN_UNICAST;

/// `RTPROT_*` route protocols (linux/rtnetlink.h; names of /etc/iproute2/rt_protos).
pub const RTPROT: NameTable = &[
    (0, "unspec"),
    (1, "redirect"),
    (2, "kernel"),
    (3, "boot"),
    (4, "static"),
    (8, "gated"),
    (9, "ra"),
    (10, "mrt"),
    (11, "zebra"),
    (12, "bird"),
    (13, "dnrouted"),
    (14, "xorp"),
    (15, "ntk"),
    (16, "dhcp"),
    (17, "mrouted"),
    (18, "keepalived"),
    (42, "babel"),
    (99, "openr"),
    (186, "bgp"),
    (187, "isis"),
    (188, "ospf"),
    (189, "rip"),
    (192, "eigrp"),
];
pub use ferroute_codec::rtnl::consts::RTPROT_BOOT;

/// `RT_SCOPE_*` scopes (linux/rtnetlink.h; names of /etc/iproute2/rt_scopes).
pub const RT_SCOPE: NameTable = &[
    (0, "global"),
    (200, "site"),
    (253, "link"),
    (254, "host"),
    (255, "nowhere"),
];
pub use ferroute_codec::rtnl::consts::RT_SCOPE_UNIVERSE;

/// `RT_TABLE_*` reserved tables (linux/rtnetlink.h).
pub const RT_TABLE: NameTable = &[
    (0, "unspec"),
    (253, "default"),
    (254, "main"),
    (255, "local"),
];
pub use ferroute_codec::rtnl::consts::RT_TABLE_LOCAL;
pub use ferroute_codec::rtnl::consts::RT_TABLE_MAIN;

/// Table names from `/etc/iproute2/rt_tables` (+ `rt_tables.d/*.conf`), read once.
fn table_file() -> &'static HashMap<u32, String> {
    static T: OnceLock<HashMap<u32, String>> = OnceLock::new();
    T.get_or_init(|| read_id_files("rt_tables"))
}

/// Protocol names from `/etc/iproute2/rt_protos` (+ `rt_protos.d/*.conf`), read once.
fn proto_file() -> &'static HashMap<u32, String> {
    static T: OnceLock<HashMap<u32, String>> = OnceLock::new();
    T.get_or_init(|| read_id_files("rt_protos"))
}

/// The name ip prints for route protocol `p`: [`RTPROT`], then rt_protos, else the number.
pub fn protocol_name(p: u8) -> String {
    lookup_name(RTPROT, p.into())
        .map(str::to_string)
        .or_else(|| proto_file().get(&u32::from(p)).cloned())
        .unwrap_or_else(|| p.to_string())
}

/// The RTPROT_* of a protocol name or number ([`RTPROT`], rt_protos, decimal/hex).
pub fn protocol_id(name: &str) -> Option<u8> {
    lookup_value(RTPROT, name)
        .or_else(|| parse_u32_any(name))
        .or_else(|| {
            proto_file()
                .iter()
                .find(|(_, n)| n.as_str() == name)
                .map(|(id, _)| *id)
        })
        .and_then(|v| u8::try_from(v).ok())
}

/// DS field (TOS) names from `/etc/iproute2/rt_dsfield`, read once.
fn dsfield_file() -> &'static HashMap<u32, String> {
    static T: OnceLock<HashMap<u32, String>> = OnceLock::new();
    T.get_or_init(|| read_id_files("rt_dsfield"))
}

/// The text ip prints for a TOS / DS field (rtnl_dsfield_n2a): its rt_dsfield name, else
/// `0x` and two hex digits (`0x04`).
pub fn dsfield_name(tos: u8) -> String {
    dsfield_file()
        .get(&u32::from(tos))
        .cloned()
        .unwrap_or_else(|| format!("0x{tos:02x}"))
}

/// Realm names from `/etc/iproute2/rt_realms` (+ `rt_realms.d/*.conf`), read once.
fn realm_file() -> &'static HashMap<u32, String> {
    static T: OnceLock<HashMap<u32, String>> = OnceLock::new();
    T.get_or_init(|| read_id_files("rt_realms"))
}

/// The text ip prints for a routing realm (rtnl_rtrealm_n2a): its rt_realms name (ids
/// below 256), else the number.
pub fn realm_name(id: u32) -> String {
    realm_file()
        .get(&id)
        .filter(|_| id < 256)
        .cloned()
        .unwrap_or_else(|| id.to_string())
}

/// Reads `/etc/iproute2/<base>` and `/etc/iproute2/<base>.d/*.conf` (later files win).
fn read_id_files(base: &str) -> HashMap<u32, String> {
    let mut map = HashMap::new();
    let mut files = vec![std::path::PathBuf::from(format!("/etc/iproute2/{base}"))];
    if let Ok(dir) = std::fs::read_dir(format!("/etc/iproute2/{base}.d")) {
        let mut more: Vec<_> = dir
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "conf"))
            .collect();
        more.sort();
        files.extend(more);
    }
    for f in files {
        if let Ok(text) = std::fs::read_to_string(&f) {
            for (id, name) in parse_id_name_file(&text) {
                map.insert(id, name);
            }
        }
    }
    map
}

/// Parses an iproute2 `id name` file (`rt_tables` style: `#` comments, decimal or 0x ids).
pub fn parse_id_name_file(text: &str) -> Vec<(u32, String)> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("");
        let mut it = line.split_whitespace();
        let (Some(id), Some(name)) = (it.next(), it.next()) else {
            continue;
        };
        let id = match id.strip_prefix("0x") {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => id.parse().ok(),
        };
        if let Some(id) = id {
            out.push((id, name.to_string()));
        }
    }
    out
}

/// The name `ip` prints for routing table `id`: `main`, `local`, `default`, a name from
/// rt_tables, else the number.
pub fn table_name(id: u32) -> String {
    if let Some(n) = lookup_name(RT_TABLE, id).filter(|_| id != 0) {
        return n.to_string();
    }
    table_file()
        .get(&id)
        .cloned()
        .unwrap_or_else(|| id.to_string())
}

/// Table id of a name or number (`main`=254, `local`=255, `default`=253, rt_tables names).
pub fn table_id(name: &str) -> Option<u32> {
    if let Some(v) = lookup_value(RT_TABLE, name) {
        return Some(v);
    }
    if let Some(v) = parse_u32_any(name) {
        return Some(v);
    }
    table_file()
        .iter()
        .find(|(_, n)| n.as_str() == name)
        .map(|(id, _)| *id)
}

/// Parses a decimal or `0x` hexadecimal u32.
pub fn parse_u32_any(s: &str) -> Option<u32> {
    match s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        Some(h) => u32::from_str_radix(h, 16).ok(),
        None => s.parse().ok(),
    }
}

/// Name of a u8 value in a table, or its decimal number (how ip prints protocols/scopes/types).
pub fn name_or_number(table: NameTable, value: u32) -> String {
    lookup_name(table, value).map_or_else(|| value.to_string(), str::to_string)
}

/// Value of a name or decimal/hex number in a table.
pub fn value_of(table: NameTable, s: &str) -> Option<u32> {
    lookup_value(table, s).or_else(|| parse_u32_any(s))
}

/// `NUD_*` neighbour states (linux/neighbour.h), in the order `ip neigh` prints them.
pub const NUD: NameTable = &[
    (0x01, "INCOMPLETE"),
    (0x02, "REACHABLE"),
    (0x04, "STALE"),
    (0x08, "DELAY"),
    (0x10, "PROBE"),
    (0x20, "FAILED"),
    (0x40, "NOARP"),
    (0x80, "PERMANENT"),
];

/// The state names `ip neigh` prints for a `ndm_state` (`NONE` for 0).
pub fn nud_names(state: u16) -> Vec<String> {
    if state == 0 {
        return vec!["NONE".to_string()];
    }
    let mut out: Vec<String> = NUD
        .iter()
        .filter(|(b, _)| u32::from(state) & b != 0)
        .map(|(_, n)| (*n).to_string())
        .collect();
    let rest = u32::from(state) & !0xff;
    if rest != 0 {
        out.push(format!("0x{rest:x}"));
    }
    out
}

/// `NTF_*` neighbour flags (linux/neighbour.h).
pub const NTF: NameTable = &[
    (0x01, "use"),
    (0x02, "self"),
    (0x04, "master"),
    (0x08, "proxy"),
    (0x10, "extern_learn"),
    (0x20, "offload"),
    (0x40, "sticky"),
    (0x80, "router"),
];
/// `NTF_PROXY`.
pub const NTF_PROXY: u8 = ferroute_codec::rtnl::neigh::Ntf::PROXY.bits();
/// `NTF_ROUTER`.
pub const NTF_ROUTER: u8 = ferroute_codec::rtnl::neigh::Ntf::ROUTER.bits();

/// `IFA_F_*` address flags (linux/if_addr.h) in iproute2's `ifa_flag_data` order.
/// `IFA_F_SECONDARY` prints as `temporary` for IPv6; `IFA_F_PERMANENT` is printed inverted,
/// as `dynamic`, when absent.
pub const IFA_F: NameTable = &[
    (0x01, "secondary"),
    (0x02, "nodad"),
    (0x04, "optimistic"),
    (0x08, "dadfailed"),
    (0x10, "home"),
    (0x20, "deprecated"),
    (0x40, "tentative"),
    (0x80, "permanent"),
    (0x100, "mngtmpaddr"),
    (0x200, "noprefixroute"),
    (0x400, "autojoin"),
    (0x800, "stable-privacy"),
];
/// `IFA_F_PERMANENT`.
pub const IFA_F_PERMANENT: u32 = ferroute_codec::rtnl::addr::IfaF::PERMANENT.bits();
/// `IFA_F_SECONDARY`.
pub const IFA_F_SECONDARY: u32 = ferroute_codec::rtnl::addr::IfaF::SECONDARY.bits();

/// The flag names `ip addr` prints for an address's flags (IFA_FLAGS or `ifa_flags`), in
/// order (iproute2 `print_ifa_flags`), and the unknown leftover bits (printed `flags %02x`).
pub fn addr_flag_names(flags: u32, ipv6: bool) -> (Vec<&'static str>, u32) {
    let mut out = Vec::new();
    let mut rest = flags;
    for (mask, name) in IFA_F {
        if *mask == IFA_F_PERMANENT {
            if flags & mask == 0 {
                out.push("dynamic");
            }
        } else if flags & mask != 0 {
            out.push(if *mask == IFA_F_SECONDARY && ipv6 {
                "temporary"
            } else {
                name
            });
        }
        rest &= !mask;
    }
    (out, rest)
}

/// `FR_ACT_*` rule actions (linux/fib_rules.h), as `ip rule` names them.
pub const FR_ACT: NameTable = &[
    (0, "unspec"),
    (1, "lookup"),
    (2, "goto"),
    (3, "nop"),
    (4, "res3"),
    (5, "res4"),
    (6, "blackhole"),
    (7, "unreachable"),
    (8, "prohibit"),
];
pub use ferroute_codec::rtnl::rule::FR_ACT_GOTO;
pub use ferroute_codec::rtnl::rule::FR_ACT_NOP;
pub use ferroute_codec::rtnl::rule::FR_ACT_TO_TBL;

pub use ferroute_codec::rtnl::tc::handle::TC_H_INGRESS;
pub use ferroute_codec::rtnl::tc::handle::TC_H_MIN_EGRESS;
pub use ferroute_codec::rtnl::tc::handle::TC_H_MIN_INGRESS;
pub use ferroute_codec::rtnl::tc::handle::TC_H_ROOT;

/// Formats a TC handle like tc's `sprint_tc_handle`: `root`, `none`, `1:`, `:10`, `1:10`.
pub fn tc_handle(h: u32) -> String {
    if h == TC_H_ROOT {
        "root".to_string()
    } else if h == 0 {
        "none".to_string()
    } else if h & 0xffff == 0 {
        format!("{:x}:", h >> 16)
    } else if h >> 16 == 0 {
        format!(":{:x}", h & 0xffff)
    } else {
        format!("{:x}:{:x}", h >> 16, h & 0xffff)
    }
}

/// `ETH_P_*` protocols used in tc filters (linux/if_ether.h), as tc names them.
pub const ETH_P: NameTable = &[
    (0x0003, "all"),
    (0x0800, "ip"),
    (0x86dd, "ipv6"),
    (0x0806, "arp"),
    (0x8100, "802.1Q"),
    (0x88a8, "802.1ad"),
    (0x8847, "mpls_uc"),
    (0x8848, "mpls_mc"),
    (0x8035, "rarp"),
    (0x0004, "802_2"),
];

/// `AF_*` families the tool names (linux/socket.h): `inet`, `inet6`, `link`, `bridge`, ...
pub const AF: NameTable = &[
    (0, "unspec"),
    (1, "unix"),
    (2, "inet"),
    (7, "bridge"),
    (10, "inet6"),
    (17, "link"),
    (28, "mpls"),
];
pub use ferroute_codec::rtnl::consts::AF_INET;
pub use ferroute_codec::rtnl::consts::AF_INET6;
pub use ferroute_codec::rtnl::consts::AF_PACKET;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_flags_in_ip_order() {
        // lo: IFF_UP|IFF_LOOPBACK|IFF_RUNNING|IFF_LOWER_UP.
        assert_eq!(
            link_flag_names(0x1 | 0x8 | 0x40 | 0x10000),
            ["LOOPBACK", "UP", "LOWER_UP"]
        );
        assert_eq!(
            link_flag_names(0x1 | 0x2 | 0x1000),
            ["NO-CARRIER", "BROADCAST", "MULTICAST", "UP"]
        );
        assert_eq!(
            link_flag_names(0x2 | 0x80 | 0x8000_0000),
            ["BROADCAST", "NOARP", "80000000"]
        );
    }

    #[test]
    fn addr_flags_like_ip() {
        // Captured: "nodad dynamic noprefixroute" for IFA_F_NODAD|IFA_F_NOPREFIXROUTE (v6).
        assert_eq!(
            addr_flag_names(0x202, true).0,
            ["nodad", "dynamic", "noprefixroute"]
        );
        assert_eq!(addr_flag_names(0x80 | 0x40, true).0, ["tentative"]);
        assert_eq!(addr_flag_names(0x80 | 0x01, false).0, ["secondary"]);
        assert_eq!(addr_flag_names(0x80 | 0x01, true).0, ["temporary"]);
        assert!(addr_flag_names(0x80, false).0.is_empty());
        // A DHCP-style IPv4 address (finite lifetime, no IFA_F_PERMANENT) is "dynamic".
        assert_eq!(addr_flag_names(0, false).0, ["dynamic"]);
        assert_eq!(addr_flag_names(0x80 | 0x1000, false), (vec![], 0x1000));
    }

    #[test]
    fn handles_and_tables() {
        assert_eq!(tc_handle(0x10000), "1:");
        assert_eq!(tc_handle(0x10010), "1:10");
        assert_eq!(tc_handle(0xffff_fff1), "ffff:fff1");
        assert_eq!(tc_handle(TC_H_ROOT), "root");
        assert_eq!(tc_handle(0x10), ":10");
        assert_eq!(table_name(254), "main");
        assert_eq!(table_name(100), "100");
        assert_eq!(table_id("local"), Some(255));
        assert_eq!(table_id("0x10"), Some(16));
        assert_eq!(table_id("nosuchtable"), None);
        assert_eq!(link_type_name(772), "loopback");
        assert_eq!(protocol_name(186), "bgp");
        assert_eq!(protocol_id("static"), Some(4));
        assert_eq!(protocol_id("0x2a"), Some(42));
        assert_eq!(protocol_id("300"), None);
        assert_eq!(link_type_name(4242), "[4242]");
        assert_eq!(nud_names(0x84), ["STALE", "PERMANENT"]);
        assert_eq!(
            parse_id_name_file("# c\n255\tlocal\n0x10 sixteen # x\nbad\n"),
            vec![(255, "local".to_string()), (16, "sixteen".to_string())]
        );
    }
}
