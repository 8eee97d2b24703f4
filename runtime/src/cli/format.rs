//! Typed rows -> iproute2-compatible output: JSON exactly like `ip -j` / `tc -j` (keys,
//! order, omissions, value formats) and human text close to `ip`'s / `tc`'s default output.
//!
//! Rows are plain owned data filled from the codec views by the caller. Each `*_json`
//! function returns one array element of `ip -j ... show`; each `*_text` returns the
//! lines `ip` prints for the object, newline-terminated.

use super::names::{self, name_or_number};
use serde_json::{Map, Value};
use std::fmt::Write as _;
use std::net::IpAddr;

/// Output switches that change what iproute2 prints.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Opts {
    /// `-d`: print route type/protocol/scope/table even when default, link details.
    pub details: bool,
    /// Number of `-s`: 1 prints link statistics, 2 adds the error breakdown.
    pub stats: u8,
    /// The address family `ip address show` selects (`-4`, `-6`, or the family of `to
    /// PREFIX`; 0 for none): with one, ip leaves each link's `link/TYPE ADDR brd ADDR`
    /// line (JSON `link_type`, `address`, `broadcast`) out unless `-d` is given.
    pub addr_family: u8,
}

type Obj = Map<String, Value>;

fn put(o: &mut Obj, k: &str, v: impl Into<Value>) {
    o.insert(k.to_string(), v.into());
}

/// Formats a link-layer address like iproute2's `ll_addr_n2a` (IPv4/IPv6 text for tunnel
/// device types, else colon-separated lowercase hex).
pub fn lladdr(addr: &[u8], arphrd: u16) -> String {
    // ARPHRD_TUNNEL, ARPHRD_SIT, ARPHRD_IPGRE carry IPv4 addresses; TUNNEL6 / IP6GRE IPv6.
    if addr.len() == 4 && matches!(arphrd, 768 | 776 | 778) {
        return std::net::Ipv4Addr::new(addr[0], addr[1], addr[2], addr[3]).to_string();
    }
    if matches!(arphrd, 769 | 823)
        && let Ok(b) = <[u8; 16]>::try_from(addr)
    {
        return std::net::Ipv6Addr::from(b).to_string();
    }
    let mut s = String::with_capacity(addr.len() * 3);
    for (i, b) in addr.iter().enumerate() {
        if i > 0 {
            s.push(':');
        }
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// C's `%g` with `prec` significant digits (what tc uses for sizes and times).
///
/// As C does it: the exponent is the one `%e` prints after rounding to `prec` digits
/// (so 99.95 at 3 digits is `100`, not `99.9` or `1e+02`), and `e` style is used when it
/// is below -4 or not below `prec`. No floating-point library calls (no `log10`, which
/// would be the tool's only use of libm).
pub fn fmt_g(x: f64, prec: usize) -> String {
    if x == 0.0 {
        return "0".to_string();
    }
    if !x.is_finite() {
        return if x.is_nan() {
            "nan".to_string()
        } else if x < 0.0 {
            "-inf".to_string()
        } else {
            "inf".to_string()
        };
    }
    let prec = prec.max(1);
    let s = format!("{:.*e}", prec - 1, x);
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = e.parse().unwrap_or(0);
    let trim = |t: &str| -> String {
        if t.contains('.') {
            t.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            t.to_string()
        }
    };
    if exp < -4 || exp >= prec as i32 {
        // Rust prints 1.5e3; C prints 1.5e+03 (trailing zeros of the mantissa removed).
        return format!(
            "{}e{}{:02}",
            trim(m),
            if exp < 0 { '-' } else { '+' },
            exp.abs()
        );
    }
    let decimals = (prec as i32 - 1 - exp).max(0) as usize;
    trim(&format!("{x:.decimals$}"))
}

/// tc's rate text (`sprint_rate`, SI units): bytes/s -> `10Mbit`, `1Kbit`, `500bit`.
pub fn tc_rate(bytes_per_sec: u64) -> String {
    const UNITS: [&str; 5] = ["", "K", "M", "G", "T"];
    let mut rate = bytes_per_sec.saturating_mul(8);
    let mut i = 0;
    while i < UNITS.len() - 1 {
        if rate < 1000 || (!rate.is_multiple_of(1000) && rate < 1_000_000) {
            break;
        }
        rate /= 1000;
        i += 1;
    }
    format!("{rate}{}bit", UNITS[i])
}

/// tc's size text (`sprint_size`): `15Kb`, `1Mb`, `1600b`.
pub fn tc_size(sz: u32) -> String {
    let t = f64::from(sz);
    let mb = 1024.0 * 1024.0;
    if sz >= 1024 * 1024 && (mb * (t / mb).round() - t).abs() < 1024.0 {
        format!("{}Mb", fmt_g((t / mb).round(), 6))
    } else if sz >= 1024 && (1024.0 * (t / 1024.0).round() - t).abs() < 16.0 {
        format!("{}Kb", fmt_g((t / 1024.0).round(), 6))
    } else {
        format!("{sz}b")
    }
}

/// tc's time text (`sprint_time`, microseconds): `400ms`, `1s`, `50us`.
pub fn tc_time(us: u32) -> String {
    let t = f64::from(us);
    if t >= 1e6 {
        format!("{}s", fmt_g(t / 1e6, 3))
    } else if t >= 1e3 {
        format!("{}ms", fmt_g(t / 1e3, 3))
    } else {
        format!("{us}us")
    }
}

// ---------------------------------------------------------------------------------------
// Links
// ---------------------------------------------------------------------------------------

/// IFLA_LINK of a link: the lower/peer device.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkRef {
    /// Its ifindex (0 prints as `@NONE`).
    pub index: u32,
    /// Its name when it is in this namespace (resolved by the caller).
    pub name: Option<String>,
    /// Whether the device with this ifindex *in this namespace* is up (ip looks the index
    /// up locally even for a peer in another namespace); `Some(false)` adds `M-DOWN`.
    pub up: Option<bool>,
}

/// `IFLA_LINKINFO` for `-d`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LinkInfo {
    /// IFLA_INFO_KIND.
    pub kind: String,
    /// IFLA_INFO_DATA as ip names it (`"info_data"`; omitted when empty), in ip's order.
    pub data: Vec<(String, Value)>,
    /// IFLA_INFO_SLAVE_KIND.
    pub slave_kind: Option<String>,
    /// IFLA_INFO_SLAVE_DATA as ip names it.
    pub slave_data: Vec<(String, Value)>,
    /// ip's `-d` text for the kind data when it differs from `key value` pairs (the
    /// constructors below fill it); `None` prints the pairs.
    pub text: Option<String>,
    /// ip's `-d` text for the slave data (the `KIND_slave ...` line); `None` prints the
    /// pairs.
    pub slave_text: Option<String>,
}

/// VXLAN IFLA_INFO_DATA (IFLA_VXLAN_*) as `ip -d` shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VxlanInfo {
    /// IFLA_VXLAN_ID.
    pub id: u32,
    /// IFLA_VXLAN_GROUP(6) when multicast.
    pub group: Option<IpAddr>,
    /// IFLA_VXLAN_GROUP(6) when unicast.
    pub remote: Option<IpAddr>,
    /// IFLA_VXLAN_LOCAL(6).
    pub local: Option<IpAddr>,
    /// IFLA_VXLAN_LINK resolved to a name.
    pub link: Option<String>,
    /// IFLA_VXLAN_PORT_RANGE (low, high).
    pub port_range: (u16, u16),
    /// IFLA_VXLAN_PORT.
    pub port: u16,
    /// IFLA_VXLAN_LEARNING.
    pub learning: bool,
    /// IFLA_VXLAN_TTL (0 = auto).
    pub ttl: u8,
    /// IFLA_VXLAN_DF (0 unset, 1 set, 2 inherit).
    pub df: u8,
    /// IFLA_VXLAN_AGEING.
    pub ageing: u32,
    /// IFLA_VXLAN_UDP_CSUM.
    pub udp_csum: bool,
    /// IFLA_VXLAN_UDP_ZERO_CSUM6_TX.
    pub udp_zero_csum6_tx: bool,
    /// IFLA_VXLAN_UDP_ZERO_CSUM6_RX.
    pub udp_zero_csum6_rx: bool,
}

/// tun/tap IFLA_INFO_DATA (IFLA_TUN_*) as `ip -d` shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TunInfo {
    /// IFLA_TUN_TYPE is IFF_TAP.
    pub tap: bool,
    /// IFLA_TUN_PI.
    pub pi: bool,
    /// IFLA_TUN_VNET_HDR.
    pub vnet_hdr: bool,
    /// IFLA_TUN_MULTI_QUEUE.
    pub multi_queue: bool,
    /// IFLA_TUN_PERSIST.
    pub persist: bool,
    /// IFLA_TUN_OWNER.
    pub user: Option<u32>,
    /// IFLA_TUN_GROUP.
    pub group: Option<u32>,
}

fn on_off(b: bool) -> &'static str {
    if b { "on" } else { "off" }
}

impl LinkInfo {
    /// A vxlan link's info, keys and text as iproute2 6.1 prints them.
    pub fn vxlan(v: &VxlanInfo) -> LinkInfo {
        let mut data: Vec<(String, Value)> = vec![("id".into(), v.id.into())];
        let mut t = format!("id {} ", v.id);
        if let Some(g) = v.group {
            data.push(("group".into(), g.to_string().into()));
            let _ = write!(t, "group {g} ");
        }
        if let Some(r) = v.remote {
            data.push(("remote".into(), r.to_string().into()));
            let _ = write!(t, "remote {r} ");
        }
        if let Some(l) = v.local {
            data.push(("local".into(), l.to_string().into()));
            let _ = write!(t, "local {l} ");
        }
        if let Some(d) = &v.link {
            data.push(("link".into(), d.clone().into()));
            let _ = write!(t, "dev {d} ");
        }
        data.push((
            "port_range".into(),
            serde_json::json!({"low": v.port_range.0, "high": v.port_range.1}),
        ));
        let _ = write!(t, "srcport {} {} ", v.port_range.0, v.port_range.1);
        data.push(("port".into(), v.port.into()));
        let _ = write!(t, "dstport {} ", v.port);
        data.push(("learning".into(), v.learning.into()));
        if !v.learning {
            t.push_str("nolearning ");
        }
        data.push(("ttl".into(), v.ttl.into()));
        if v.ttl == 0 {
            t.push_str("ttl auto ");
        } else {
            let _ = write!(t, "ttl {} ", v.ttl);
        }
        let df = match v.df {
            1 => "set",
            2 => "inherit",
            _ => "unset",
        };
        data.push(("df".into(), df.into()));
        if v.df != 0 {
            let _ = write!(t, "df {df} ");
        }
        data.push(("ageing".into(), v.ageing.into()));
        let _ = write!(t, "ageing {} ", v.ageing);
        data.push(("udp_csum".into(), v.udp_csum.into()));
        data.push(("udp_zero_csum6_tx".into(), v.udp_zero_csum6_tx.into()));
        data.push(("udp_zero_csum6_rx".into(), v.udp_zero_csum6_rx.into()));
        for (on, name) in [
            (v.udp_csum, "udpcsum"),
            (v.udp_zero_csum6_tx, "udp6zerocsumtx"),
            (v.udp_zero_csum6_rx, "udp6zerocsumrx"),
        ] {
            let _ = write!(t, "{}{name} ", if on { "" } else { "no" });
        }
        LinkInfo {
            kind: "vxlan".into(),
            data,
            text: Some(t),
            ..Default::default()
        }
    }

    /// A tun/tap link's info, keys and text as iproute2 6.1 prints them.
    pub fn tun(v: &TunInfo) -> LinkInfo {
        let ty = if v.tap { "tap" } else { "tun" };
        let mut data: Vec<(String, Value)> = vec![
            ("type".into(), ty.into()),
            ("pi".into(), v.pi.into()),
            ("vnet_hdr".into(), v.vnet_hdr.into()),
            ("multi_queue".into(), v.multi_queue.into()),
            ("persist".into(), v.persist.into()),
        ];
        let mut t = format!(
            "type {ty} pi {} vnet_hdr {} ",
            on_off(v.pi),
            on_off(v.vnet_hdr)
        );
        if v.multi_queue {
            t.push_str("multi_queue ");
        }
        let _ = write!(t, "persist {} ", on_off(v.persist));
        if let Some(u) = v.user {
            data.push(("user".into(), u.into()));
            let _ = write!(t, "user {u} ");
        }
        if let Some(g) = v.group {
            data.push(("group".into(), g.into()));
            let _ = write!(t, "group {g} ");
        }
        LinkInfo {
            kind: "tun".into(),
            data,
            text: Some(t),
            ..Default::default()
        }
    }
}

/// Detail fields `ip -d link` adds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LinkDetails {
    /// IFLA_PROMISCUITY.
    pub promiscuity: Option<u32>,
    /// IFLA_ALLMULTI.
    pub allmulti: Option<u32>,
    /// IFLA_MIN_MTU.
    pub min_mtu: Option<u32>,
    /// IFLA_MAX_MTU.
    pub max_mtu: Option<u32>,
    /// IFLA_LINKINFO.
    pub linkinfo: Option<LinkInfo>,
    /// IFLA_INET6_ADDR_GEN_MODE name (`eui64`, `none`, `stable_secret`, `random`).
    pub inet6_addr_gen_mode: Option<String>,
    /// IFLA_NUM_TX_QUEUES.
    pub num_tx_queues: Option<u32>,
    /// IFLA_NUM_RX_QUEUES.
    pub num_rx_queues: Option<u32>,
    /// IFLA_GSO_MAX_SIZE.
    pub gso_max_size: Option<u32>,
    /// IFLA_GSO_MAX_SEGS.
    pub gso_max_segs: Option<u32>,
    /// IFLA_TSO_MAX_SIZE.
    pub tso_max_size: Option<u32>,
    /// IFLA_TSO_MAX_SEGS.
    pub tso_max_segs: Option<u32>,
    /// IFLA_GRO_MAX_SIZE.
    pub gro_max_size: Option<u32>,
}

/// One link, as `ip link show` prints it (RTM_NEWLINK: ifinfomsg + IFLA_*).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LinkRow {
    /// ifi_index.
    pub ifindex: i32,
    /// IFLA_IFNAME.
    pub ifname: String,
    /// ifi_flags (IFF_*).
    pub flags: u32,
    /// IFLA_MTU.
    pub mtu: Option<u32>,
    /// IFLA_QDISC.
    pub qdisc: Option<String>,
    /// IFLA_MASTER resolved to a name.
    pub master: Option<String>,
    /// IFLA_OPERSTATE.
    pub operstate: Option<u8>,
    /// IFLA_LINKMODE.
    pub linkmode: Option<u8>,
    /// IFLA_GROUP.
    pub group: Option<u32>,
    /// IFLA_TXQLEN.
    pub txqlen: Option<u32>,
    /// ifi_type (ARPHRD_*).
    pub link_type: u16,
    /// IFLA_ADDRESS.
    pub address: Option<Vec<u8>>,
    /// IFLA_BROADCAST.
    pub broadcast: Option<Vec<u8>>,
    /// IFLA_LINK.
    pub link: Option<LinkRef>,
    /// IFLA_LINK_NETNSID.
    pub link_netnsid: Option<i32>,
    /// The name of that namespace, when known (text prints `link-netns NAME`).
    pub link_netns_name: Option<String>,
    /// IFLA_IFALIAS.
    pub ifalias: Option<String>,
    /// `-d` fields.
    pub details: Option<LinkDetails>,
    /// IFLA_STATS64 (printed with `-s`).
    pub stats: Option<LinkStats>,
    /// IFLA_CARRIER_CHANGES (printed with `-s -s`).
    pub carrier_changes: Option<u32>,
}

/// struct rtnl_link_stats64 (linux/if_link.h), the fields ip prints.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkStats {
    /// rx_packets.
    pub rx_packets: u64,
    /// tx_packets.
    pub tx_packets: u64,
    /// rx_bytes.
    pub rx_bytes: u64,
    /// tx_bytes.
    pub tx_bytes: u64,
    /// rx_errors.
    pub rx_errors: u64,
    /// tx_errors.
    pub tx_errors: u64,
    /// rx_dropped.
    pub rx_dropped: u64,
    /// tx_dropped.
    pub tx_dropped: u64,
    /// multicast.
    pub multicast: u64,
    /// collisions.
    pub collisions: u64,
    /// rx_length_errors.
    pub rx_length_errors: u64,
    /// rx_over_errors.
    pub rx_over_errors: u64,
    /// rx_crc_errors.
    pub rx_crc_errors: u64,
    /// rx_frame_errors.
    pub rx_frame_errors: u64,
    /// rx_fifo_errors.
    pub rx_fifo_errors: u64,
    /// rx_missed_errors.
    pub rx_missed_errors: u64,
    /// tx_aborted_errors.
    pub tx_aborted_errors: u64,
    /// tx_carrier_errors.
    pub tx_carrier_errors: u64,
    /// tx_fifo_errors.
    pub tx_fifo_errors: u64,
    /// tx_heartbeat_errors.
    pub tx_heartbeat_errors: u64,
    /// tx_window_errors.
    pub tx_window_errors: u64,
    /// rx_compressed.
    pub rx_compressed: u64,
    /// tx_compressed.
    pub tx_compressed: u64,
    /// rx_nohandler.
    pub rx_nohandler: u64,
}

fn stats_obj(st: &LinkStats, level: u8, carrier_changes: Option<u32>) -> Obj {
    let mut rx = Obj::new();
    put(&mut rx, "bytes", st.rx_bytes);
    put(&mut rx, "packets", st.rx_packets);
    put(&mut rx, "errors", st.rx_errors);
    put(&mut rx, "dropped", st.rx_dropped);
    put(&mut rx, "over_errors", st.rx_over_errors);
    put(&mut rx, "multicast", st.multicast);
    if st.rx_compressed != 0 {
        put(&mut rx, "compressed", st.rx_compressed);
    }
    if level > 1 {
        put(&mut rx, "length_errors", st.rx_length_errors);
        put(&mut rx, "crc_errors", st.rx_crc_errors);
        put(&mut rx, "frame_errors", st.rx_frame_errors);
        put(&mut rx, "fifo_errors", st.rx_fifo_errors);
        put(&mut rx, "missed_errors", st.rx_missed_errors);
        if st.rx_nohandler != 0 {
            put(&mut rx, "nohandler", st.rx_nohandler);
        }
    }
    let mut tx = Obj::new();
    put(&mut tx, "bytes", st.tx_bytes);
    put(&mut tx, "packets", st.tx_packets);
    put(&mut tx, "errors", st.tx_errors);
    put(&mut tx, "dropped", st.tx_dropped);
    put(&mut tx, "carrier_errors", st.tx_carrier_errors);
    put(&mut tx, "collisions", st.collisions);
    if st.tx_compressed != 0 {
        put(&mut tx, "compressed", st.tx_compressed);
    }
    if level > 1 {
        put(&mut tx, "aborted_errors", st.tx_aborted_errors);
        put(&mut tx, "fifo_errors", st.tx_fifo_errors);
        put(&mut tx, "window_errors", st.tx_window_errors);
        put(&mut tx, "heartbeat_errors", st.tx_heartbeat_errors);
        if let Some(c) = carrier_changes {
            put(&mut tx, "carrier_changes", c);
        }
    }
    let mut m = Obj::new();
    put(&mut m, "rx", rx);
    put(&mut m, "tx", tx);
    m
}

/// ip's `-s` link statistics block (iproute2 `print_link_stats64`: columns widen to fit).
fn stats_text(st: &LinkStats, level: u8, carrier_changes: Option<u32>) -> String {
    let mut cols: [usize; 8] = [10, 7, 6, 7, 7, 7, 10, 9];
    let digits = |v: u64| v.to_string().len();
    let mut size = |vals: &[u64]| {
        for (c, v) in cols.iter_mut().zip(vals) {
            *c = (*c).max(digits(*v));
        }
    };
    size(&[
        st.rx_bytes,
        st.rx_packets,
        st.rx_errors,
        st.rx_dropped,
        st.rx_missed_errors,
        st.multicast,
        st.rx_compressed,
        0,
    ]);
    size(&[
        st.tx_bytes,
        st.tx_packets,
        st.tx_errors,
        st.tx_dropped,
        st.tx_carrier_errors,
        st.collisions,
        st.tx_compressed,
    ]);
    let cc = u64::from(carrier_changes.unwrap_or(0));
    if level > 1 {
        size(&[
            0,
            0,
            st.rx_length_errors,
            st.rx_crc_errors,
            st.rx_frame_errors,
            st.rx_fifo_errors,
            st.rx_over_errors,
            st.rx_nohandler,
        ]);
        size(&[
            0,
            0,
            st.tx_aborted_errors,
            st.tx_fifo_errors,
            st.tx_window_errors,
            st.tx_heartbeat_errors,
            cc,
        ]);
    }
    let c = cols;
    let nums = |vals: &[(usize, u64)]| -> String {
        let mut s = String::from("    ");
        for (w, v) in vals {
            let _ = write!(s, "{v:>w$} ");
        }
        s
    };
    let mut s = String::new();
    let _ = write!(
        s,
        "\n    RX: {:>w0$} {:>w1$} {:>w2$} {:>w3$} {:>w4$} {:>w5$} {:>w6$}",
        "bytes",
        "packets",
        "errors",
        "dropped",
        "missed",
        "mcast",
        if st.rx_compressed != 0 {
            "compressed"
        } else {
            ""
        },
        w0 = c[0] - 4,
        w1 = c[1],
        w2 = c[2],
        w3 = c[3],
        w4 = c[4],
        w5 = c[5],
        w6 = c[6],
    );
    let mut rxv = vec![
        (c[0], st.rx_bytes),
        (c[1], st.rx_packets),
        (c[2], st.rx_errors),
        (c[3], st.rx_dropped),
        (c[4], st.rx_missed_errors),
        (c[5], st.multicast),
    ];
    if st.rx_compressed != 0 {
        rxv.push((c[6], st.rx_compressed));
    }
    let _ = write!(s, "\n{}", nums(&rxv));
    if level > 1 {
        let _ = write!(
            s,
            "\n    RX errors:{:>w1$} {:>w2$} {:>w3$} {:>w4$} {:>w5$}",
            "length",
            "crc",
            "frame",
            "fifo",
            "overrun",
            w1 = c[1] + 1,
            w2 = c[2],
            w3 = c[3],
            w4 = c[4],
            w5 = c[5],
        );
        let _ = write!(
            s,
            "\n{}",
            nums(&[
                (c[0] + c[1] + 1, st.rx_length_errors),
                (c[2], st.rx_crc_errors),
                (c[3], st.rx_frame_errors),
                (c[4], st.rx_fifo_errors),
                (c[5], st.rx_over_errors)
            ])
        );
    }
    let _ = write!(
        s,
        "\n    TX: {:>w0$} {:>w1$} {:>w2$} {:>w3$} {:>w4$} {:>w5$} {:>w6$}",
        "bytes",
        "packets",
        "errors",
        "dropped",
        "carrier",
        "collsns",
        if st.tx_compressed != 0 {
            "compressed"
        } else {
            ""
        },
        w0 = c[0] - 4,
        w1 = c[1],
        w2 = c[2],
        w3 = c[3],
        w4 = c[4],
        w5 = c[5],
        w6 = c[6],
    );
    let mut txv = vec![
        (c[0], st.tx_bytes),
        (c[1], st.tx_packets),
        (c[2], st.tx_errors),
        (c[3], st.tx_dropped),
        (c[4], st.tx_carrier_errors),
        (c[5], st.collisions),
    ];
    if st.tx_compressed != 0 {
        txv.push((c[6], st.tx_compressed));
    }
    let _ = write!(s, "\n{}", nums(&txv));
    if level > 1 {
        let _ = write!(
            s,
            "\n    TX errors:{:>w1$} {:>w2$} {:>w3$} {:>w4$} {:>w5$}",
            "aborted",
            "fifo",
            "window",
            "heartbt",
            // the column is blank when the message had no IFLA_CARRIER_CHANGES
            if carrier_changes.is_some() {
                "transns"
            } else {
                ""
            },
            w1 = c[1] + 1,
            w2 = c[2],
            w3 = c[3],
            w4 = c[4],
            w5 = c[5],
        );
        let mut errs = vec![
            (c[0] + c[1] + 1, st.tx_aborted_errors),
            (c[2], st.tx_fifo_errors),
            (c[3], st.tx_window_errors),
            (c[4], st.tx_heartbeat_errors),
        ];
        if carrier_changes.is_some() {
            errs.push((c[5], cc));
        }
        let _ = write!(s, "\n{}", nums(&errs));
    }
    s
}

/// ip's flag list, with `M-DOWN` when the IFLA_LINK device is down.
fn link_flags(r: &LinkRow) -> Vec<String> {
    let mut f = names::link_flag_names(r.flags);
    if r.link
        .as_ref()
        .is_some_and(|l| l.index != 0 && l.up == Some(false))
    {
        f.push("M-DOWN".to_string());
    }
    f
}

fn group_name(g: u32) -> String {
    if g == 0 {
        "default".to_string()
    } else {
        g.to_string()
    }
}

/// The link part of `ip link` / `ip addr` JSON (`with_mode`: `ip link` prints linkmode
/// and ifalias, `ip addr` does not).
fn link_obj(r: &LinkRow, o: &Opts, is_link: bool) -> Obj {
    let mut m = Obj::new();
    put(&mut m, "ifindex", r.ifindex);
    if let Some(l) = &r.link {
        if l.index == 0 {
            put(&mut m, "link", Value::Null);
        } else if r.link_netnsid.is_some() {
            put(&mut m, "link_index", l.index);
        } else {
            put(
                &mut m,
                "link",
                l.name.clone().unwrap_or_else(|| format!("if{}", l.index)),
            );
        }
    }
    put(&mut m, "ifname", r.ifname.clone());
    put(&mut m, "flags", link_flags(r));
    if let Some(v) = r.mtu {
        put(&mut m, "mtu", v);
    }
    if let Some(v) = &r.qdisc {
        put(&mut m, "qdisc", v.clone());
    }
    if let Some(v) = &r.master {
        put(&mut m, "master", v.clone());
    }
    if let Some(v) = r.operstate {
        put(
            &mut m,
            "operstate",
            name_or_number(names::OPERSTATE, v.into()),
        );
    }
    if is_link && let Some(v) = r.linkmode {
        put(
            &mut m,
            "linkmode",
            name_or_number(names::LINKMODE, v.into()),
        );
    }
    if let Some(v) = r.group {
        put(&mut m, "group", group_name(v));
    }
    // print_queuelen: a zero queue length is not printed
    if let Some(v) = r.txqlen.filter(|&q| q != 0) {
        put(&mut m, "txqlen", v);
    }
    if link_layer_shown(o, is_link) {
        put(&mut m, "link_type", names::link_type_name(r.link_type));
        if let Some(a) = &r.address {
            put(&mut m, "address", lladdr(a, r.link_type));
        }
        if let Some(a) = &r.broadcast {
            if r.flags & 0x10 != 0 {
                put(&mut m, "link_pointtopoint", true);
            }
            put(&mut m, "broadcast", lladdr(a, r.link_type));
        }
    }
    if let Some(id) = r.link_netnsid {
        put(&mut m, "link_netnsid", id);
    }
    if o.details
        && let Some(d) = &r.details
    {
        let u = |m: &mut Obj, k: &str, v: Option<u32>| {
            if let Some(v) = v {
                put(m, k, v);
            }
        };
        u(&mut m, "promiscuity", d.promiscuity);
        u(&mut m, "allmulti", d.allmulti);
        u(&mut m, "min_mtu", d.min_mtu);
        u(&mut m, "max_mtu", d.max_mtu);
        if let Some(li) = &d.linkinfo {
            let mut i = Obj::new();
            put(&mut i, "info_kind", li.kind.clone());
            if !li.data.is_empty() {
                put(
                    &mut i,
                    "info_data",
                    Value::Object(li.data.iter().cloned().collect()),
                );
            }
            if let Some(sk) = &li.slave_kind {
                put(&mut i, "info_slave_kind", sk.clone());
                if !li.slave_data.is_empty() {
                    put(
                        &mut i,
                        "info_slave_data",
                        Value::Object(li.slave_data.iter().cloned().collect()),
                    );
                }
            }
            put(&mut m, "linkinfo", i);
        }
        // print_af_spec runs for `ip link` only
        if is_link && let Some(g) = &d.inet6_addr_gen_mode {
            put(&mut m, "inet6_addr_gen_mode", g.clone());
        }
        u(&mut m, "num_tx_queues", d.num_tx_queues);
        u(&mut m, "num_rx_queues", d.num_rx_queues);
        u(&mut m, "gso_max_size", d.gso_max_size);
        u(&mut m, "gso_max_segs", d.gso_max_segs);
        u(&mut m, "tso_max_size", d.tso_max_size);
        u(&mut m, "tso_max_segs", d.tso_max_segs);
        u(&mut m, "gro_max_size", d.gro_max_size);
    }
    if is_link && let Some(a) = &r.ifalias {
        put(&mut m, "ifalias", a.clone());
    }
    if is_link
        && o.stats > 0
        && let Some(st) = &r.stats
    {
        put(&mut m, "stats64", stats_obj(st, o.stats, r.carrier_changes));
    }
    m
}

/// Whether the `link/TYPE ADDR brd ADDR` part is printed: always by `ip link`; by `ip
/// address` unless it selects an IP family without `-d` (ipaddress.c, print_linkinfo).
fn link_layer_shown(o: &Opts, is_link: bool) -> bool {
    is_link || o.details || o.addr_family == 0 || o.addr_family == names::AF_PACKET
}

/// One element of `ip -j link show`.
pub fn link_json(r: &LinkRow, o: &Opts) -> Value {
    Value::Object(link_obj(r, o, true))
}

fn link_text_lines(r: &LinkRow, o: &Opts, is_link: bool, qlen: bool) -> String {
    let mut s = String::new();
    let _ = write!(s, "{}: {}", r.ifindex, r.ifname);
    if let Some(l) = &r.link {
        if l.index == 0 {
            s.push_str("@NONE");
        } else if r.link_netnsid.is_some() {
            let _ = write!(s, "@if{}", l.index);
        } else {
            let _ = write!(
                s,
                "@{}",
                l.name.clone().unwrap_or_else(|| format!("if{}", l.index))
            );
        }
    }
    // iproute2 prints "mtu %u ", "qdisc %s ", ... "group %s " and then "qlen %u" (no
    // trailing blank), so a line without qlen (ip monitor) ends with a blank.
    let _ = write!(s, ": <{}> ", link_flags(r).join(","));
    if let Some(v) = r.mtu {
        let _ = write!(s, "mtu {v} ");
    }
    if let Some(v) = &r.qdisc {
        let _ = write!(s, "qdisc {v} ");
    }
    if let Some(v) = &r.master {
        let _ = write!(s, "master {v} ");
    }
    if let Some(v) = r.operstate {
        let _ = write!(s, "state {} ", name_or_number(names::OPERSTATE, v.into()));
    }
    if is_link && let Some(v) = r.linkmode {
        let _ = write!(s, "mode {} ", name_or_number(names::LINKMODE, v.into()));
    }
    if let Some(v) = r.group {
        let _ = write!(s, "group {} ", group_name(v));
    }
    if qlen && let Some(v) = r.txqlen.filter(|&q| q != 0) {
        let _ = write!(s, "qlen {v}");
    }
    if link_layer_shown(o, is_link) {
        let _ = write!(s, "\n    link/{} ", names::link_type_name(r.link_type));
        if let Some(a) = &r.address {
            s.push_str(&lladdr(a, r.link_type));
        }
        if let Some(a) = &r.broadcast {
            let word = if r.flags & 0x10 != 0 { "peer" } else { "brd" };
            let _ = write!(s, " {word} {}", lladdr(a, r.link_type));
        }
    }
    if let Some(id) = r.link_netnsid {
        match &r.link_netns_name {
            Some(n) => {
                let _ = write!(s, " link-netns {n}");
            }
            None => {
                let _ = write!(s, " link-netnsid {id}");
            }
        }
    }
    if o.details
        && let Some(d) = &r.details
    {
        // print_linkinfo's formats, blanks included
        if let Some(v) = d.promiscuity {
            let _ = write!(s, " promiscuity {v} ");
        }
        if let Some(v) = d.allmulti {
            let _ = write!(s, " allmulti {v} ");
        }
        if let Some(v) = d.min_mtu {
            let _ = write!(s, "minmtu {v} ");
        }
        if let Some(v) = d.max_mtu {
            let _ = write!(s, "maxmtu {v} ");
        }
        if let Some(li) = &d.linkinfo {
            let _ = write!(s, "\n    {} ", li.kind);
            match &li.text {
                Some(t) => s.push_str(t),
                None => {
                    for (k, v) in &li.data {
                        let _ = write!(s, "{k} {} ", value_text(v));
                    }
                }
            }
            if let Some(sk) = &li.slave_kind {
                let _ = write!(s, "\n    {sk}_slave ");
                match &li.slave_text {
                    Some(t) => s.push_str(t),
                    None => {
                        for (k, v) in &li.slave_data {
                            let _ = write!(s, "{k} {} ", value_text(v));
                        }
                    }
                }
            }
        }
        if is_link && let Some(g) = &d.inet6_addr_gen_mode {
            let _ = write!(s, "addrgenmode {g} ");
        }
        for (k, v) in [
            ("numtxqueues", d.num_tx_queues),
            ("numrxqueues", d.num_rx_queues),
            ("gso_max_size", d.gso_max_size),
            ("gso_max_segs", d.gso_max_segs),
            ("tso_max_size", d.tso_max_size),
            ("tso_max_segs", d.tso_max_segs),
            ("gro_max_size", d.gro_max_size),
        ] {
            if let Some(v) = v {
                let _ = write!(s, "{k} {v} ");
            }
        }
    }
    if (is_link || o.details)
        && let Some(a) = &r.ifalias
    {
        let _ = write!(s, "\n    alias {a}");
    }
    if is_link
        && o.stats > 0
        && let Some(st) = &r.stats
    {
        s.push_str(&stats_text(st, o.stats, r.carrier_changes));
    }
    s.push('\n');
    s
}

fn value_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Bool(b) => if *b { "on" } else { "off" }.to_string(),
        other => other.to_string(),
    }
}

/// `ip link show` text for one link (two or three lines).
pub fn link_text(r: &LinkRow, o: &Opts) -> String {
    link_text_lines(r, o, true, true)
}

// ---------------------------------------------------------------------------------------
// Addresses
// ---------------------------------------------------------------------------------------

/// One address (RTM_NEWADDR: ifaddrmsg + IFA_*).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AddrInfo {
    /// ifa_family (AF_INET / AF_INET6).
    pub family: u8,
    /// IFA_LOCAL (IPv6 addresses usually only carry IFA_ADDRESS: ip uses either for both).
    pub local: Option<IpAddr>,
    /// IFA_ADDRESS (printed as the peer when it differs from IFA_LOCAL).
    pub address: Option<IpAddr>,
    /// ifa_prefixlen.
    pub prefixlen: u8,
    /// IFA_RT_PRIORITY.
    pub metric: Option<u32>,
    /// IFA_BROADCAST.
    pub broadcast: Option<IpAddr>,
    /// IFA_ANYCAST.
    pub anycast: Option<IpAddr>,
    /// ifa_scope.
    pub scope: u8,
    /// IFA_FLAGS (or ifa_flags).
    pub flags: u32,
    /// IFA_LABEL.
    pub label: Option<String>,
    /// IFA_CACHEINFO ifa_valid (0xffffffff = forever).
    pub valid_life_time: Option<u32>,
    /// IFA_CACHEINFO ifa_prefered.
    pub preferred_life_time: Option<u32>,
}

/// One link with its addresses, as `ip address show` prints it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AddrRow {
    /// The link (linkmode and ifalias are not printed by `ip addr`).
    pub link: LinkRow,
    /// Its addresses, in dump order.
    pub addr_info: Vec<AddrInfo>,
}

fn family_name(af: u8) -> String {
    name_or_number(names::AF, af.into())
}

fn addr_info_obj(a: &AddrInfo) -> Obj {
    let mut m = Obj::new();
    put(&mut m, "family", family_name(a.family));
    let local = a.local.or(a.address);
    let address = a.address.or(a.local);
    if let Some(l) = local {
        put(&mut m, "local", l.to_string());
        if let Some(p) = address.filter(|p| *p != l) {
            put(&mut m, "address", p.to_string());
        }
        put(&mut m, "prefixlen", a.prefixlen);
    }
    if let Some(v) = a.metric {
        put(&mut m, "metric", v);
    }
    if let Some(b) = a.broadcast {
        put(&mut m, "broadcast", b.to_string());
    }
    if let Some(b) = a.anycast {
        put(&mut m, "anycast", b.to_string());
    }
    put(
        &mut m,
        "scope",
        name_or_number(names::RT_SCOPE, a.scope.into()),
    );
    let (fl, rest) = names::addr_flag_names(a.flags, a.family == names::AF_INET6);
    for f in fl {
        put(&mut m, f, true);
    }
    if rest != 0 {
        put(&mut m, "flags", format!("{rest:02x}"));
    }
    if let Some(l) = &a.label {
        put(&mut m, "label", l.clone());
    }
    if let Some(v) = a.valid_life_time {
        put(&mut m, "valid_life_time", v);
    }
    if let Some(v) = a.preferred_life_time {
        put(&mut m, "preferred_life_time", v);
    }
    m
}

/// One element of `ip -j address show`.
pub fn addr_json(r: &AddrRow, o: &Opts) -> Value {
    let mut m = link_obj(&r.link, o, false);
    if o.addr_family != names::AF_PACKET {
        // (`ip -0 address` dumps no addresses and prints no addr_info)
        put(
            &mut m,
            "addr_info",
            r.addr_info
                .iter()
                .map(|a| Value::Object(addr_info_obj(a)))
                .collect::<Vec<_>>(),
        );
    }
    // ip -s address: the link's statistics after its addresses
    if o.stats > 0
        && let Some(st) = &r.link.stats
    {
        put(
            &mut m,
            "stats64",
            stats_obj(st, o.stats, r.link.carrier_changes),
        );
    }
    Value::Object(m)
}

fn lft(v: u32) -> String {
    if v == u32::MAX {
        "forever".to_string()
    } else {
        format!("{v}sec")
    }
}

/// The two lines `ip addr` prints for one address.
pub fn addr_info_text(a: &AddrInfo) -> String {
    let mut s = format!("    {} ", family_name(a.family));
    let local = a.local.or(a.address);
    let address = a.address.or(a.local);
    if let Some(l) = local {
        s.push_str(&l.to_string());
        if let Some(p) = address.filter(|p| *p != l) {
            let _ = write!(s, " peer {p}");
        }
        let _ = write!(s, "/{} ", a.prefixlen);
    }
    if let Some(v) = a.metric {
        let _ = write!(s, "metric {v} ");
    }
    if let Some(b) = a.broadcast {
        let _ = write!(s, "brd {b} ");
    }
    if let Some(b) = a.anycast {
        let _ = write!(s, "any {b} ");
    }
    let _ = write!(
        s,
        "scope {} ",
        name_or_number(names::RT_SCOPE, a.scope.into())
    );
    let (fl, rest) = names::addr_flag_names(a.flags, a.family == names::AF_INET6);
    for f in fl {
        let _ = write!(s, "{f} ");
    }
    if rest != 0 {
        let _ = write!(s, "flags {rest:02x} ");
    }
    if let Some(l) = &a.label {
        s.push_str(l);
    }
    if let (Some(v), Some(p)) = (a.valid_life_time, a.preferred_life_time) {
        let _ = write!(s, "\n       valid_lft {} preferred_lft {}", lft(v), lft(p));
    }
    s.push('\n');
    s
}

/// `ip address show` text for one link and its addresses.
pub fn addr_text(r: &AddrRow, o: &Opts) -> String {
    let mut s = link_text_lines(&r.link, o, false, true);
    for a in &r.addr_info {
        s.push_str(&addr_info_text(a));
    }
    // ip -s address: the link's statistics after its addresses (their text starts a
    // new line itself)
    if o.stats > 0
        && let Some(st) = &r.link.stats
    {
        if s.ends_with('\n') {
            s.pop();
        }
        s.push_str(&stats_text(st, o.stats, r.link.carrier_changes));
        s.push('\n');
    }
    s
}

// ---------------------------------------------------------------------------------------
// Brief (-br) output
// ---------------------------------------------------------------------------------------

fn name_at_link(r: &LinkRow) -> String {
    let mut s = r.ifname.clone();
    if let Some(l) = &r.link {
        if l.index == 0 {
            s.push_str("@NONE");
        } else if r.link_netnsid.is_some() {
            let _ = write!(s, "@if{}", l.index);
        } else {
            let _ = write!(
                s,
                "@{}",
                l.name.clone().unwrap_or_else(|| format!("if{}", l.index))
            );
        }
    }
    s
}

fn brief_head(m: &mut Obj, r: &LinkRow) {
    if let Some(l) = &r.link {
        if l.index == 0 {
            put(m, "link", Value::Null);
        } else if r.link_netnsid.is_some() {
            put(m, "link_index", l.index);
        } else {
            put(
                m,
                "link",
                l.name.clone().unwrap_or_else(|| format!("if{}", l.index)),
            );
        }
    }
    put(m, "ifname", r.ifname.clone());
    if let Some(v) = r.operstate {
        put(m, "operstate", name_or_number(names::OPERSTATE, v.into()));
    }
}

fn brief_text_head(r: &LinkRow) -> String {
    let state = r
        .operstate
        .map_or_else(String::new, |v| name_or_number(names::OPERSTATE, v.into()));
    format!("{:<16} {:<14} ", name_at_link(r), state)
}

/// One element of `ip -br -j link show`.
pub fn link_brief_json(r: &LinkRow) -> Value {
    let mut m = Obj::new();
    brief_head(&mut m, r);
    if let Some(a) = &r.address {
        put(&mut m, "address", lladdr(a, r.link_type));
    }
    put(&mut m, "flags", link_flags(r));
    Value::Object(m)
}

/// `ip -br link show` text for one link.
pub fn link_brief_text(r: &LinkRow) -> String {
    let mut s = brief_text_head(r);
    if let Some(a) = &r.address {
        let _ = write!(s, "{} ", lladdr(a, r.link_type));
    }
    let _ = writeln!(s, "<{}> ", link_flags(r).join(","));
    s
}

/// One element of `ip -br -j address show`.
pub fn addr_brief_json(r: &AddrRow) -> Value {
    let mut m = Obj::new();
    brief_head(&mut m, &r.link);
    let infos: Vec<Value> = r
        .addr_info
        .iter()
        .map(|a| {
            let mut o = Obj::new();
            let local = a.local.or(a.address);
            if let Some(l) = local {
                put(&mut o, "local", l.to_string());
                if let Some(p) = a.address.or(a.local).filter(|p| *p != l) {
                    put(&mut o, "address", p.to_string());
                }
                put(&mut o, "prefixlen", a.prefixlen);
            }
            if let Some(v) = a.metric {
                put(&mut o, "metric", v);
            }
            Value::Object(o)
        })
        .collect();
    put(&mut m, "addr_info", infos);
    Value::Object(m)
}

/// `ip -br address show` text for one link.
pub fn addr_brief_text(r: &AddrRow) -> String {
    let mut s = brief_text_head(&r.link);
    for a in &r.addr_info {
        let local = a.local.or(a.address);
        if let Some(l) = local {
            s.push_str(&l.to_string());
            if let Some(p) = a.address.or(a.local).filter(|p| *p != l) {
                let _ = write!(s, " peer {p}");
            }
            let _ = write!(s, "/{} ", a.prefixlen);
        }
        if let Some(v) = a.metric {
            let _ = write!(s, "metric {v} ");
        }
    }
    s.push('\n');
    s
}

// ---------------------------------------------------------------------------------------
// Routes
// ---------------------------------------------------------------------------------------

/// RTNH_F_* / RTM_F_* route flag names in the order `ip route` prints them.
pub const ROUTE_FLAGS: &[(u32, &str)] = &[
    (0x01, "dead"),
    (0x04, "onlink"),
    (0x02, "pervasive"),
    (0x08, "offload"),
    (0x100, "notify"),
    (0x10, "linkdown"),
    (0x20, "unresolved"),
    (0x4000, "rt_offload"),
    (0x8000, "rt_trap"),
    (0x2000_0000, "rt_offload_failed"),
];

/// RTAX_* metric names (`mx_names`), index = RTAX number.
pub const RTAX: &[(u16, &str)] = &[
    (2, "mtu"),
    (3, "window"),
    (4, "rtt"),
    (5, "rttvar"),
    (6, "ssthresh"),
    (7, "cwnd"),
    (8, "advmss"),
    (9, "reordering"),
    (10, "hoplimit"),
    (11, "initcwnd"),
    (12, "features"),
    (13, "rto_min"),
    (14, "initrwnd"),
    (15, "quickack"),
    (16, "congctl"),
    (17, "fastopen_no_cookie"),
];

/// One RTA_METRICS entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MetricValue {
    /// A u32 metric (RTT in 1/8 ms and RTTVAR in 1/4 ms as the kernel stores them).
    U32(u32),
    /// RTAX_CC_ALGO.
    Str(String),
}

/// A multipath next hop (struct rtnexthop + RTA_GATEWAY ...).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NexthopRow {
    /// RTA_GATEWAY.
    pub gateway: Option<IpAddr>,
    /// RTA_VIA (gateway of another family).
    pub via: Option<IpAddr>,
    /// rtnh_ifindex resolved to a name.
    pub dev: Option<String>,
    /// rtnh_hops (weight - 1).
    pub hops: u8,
    /// rtnh_flags (RTNH_F_*).
    pub flags: u32,
    /// RTA_FLOW of the nexthop (realms: from << 16 | to).
    pub flow: Option<u32>,
}

/// One route (RTM_NEWROUTE: rtmsg + RTA_*).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RouteRow {
    /// rtm_family.
    pub family: u8,
    /// rtm_type (RTN_*).
    pub kind: u8,
    /// RTA_DST (None with dst_len 0 = `default`).
    pub dst: Option<IpAddr>,
    /// rtm_dst_len.
    pub dst_len: u8,
    /// RTA_SRC.
    pub src: Option<IpAddr>,
    /// rtm_src_len.
    pub src_len: u8,
    /// rtm_tos.
    pub tos: u8,
    /// RTA_GATEWAY.
    pub gateway: Option<IpAddr>,
    /// RTA_VIA.
    pub via: Option<IpAddr>,
    /// RTA_OIF resolved to a name.
    pub dev: Option<std::rc::Rc<str>>,
    /// RTA_TABLE (or rtm_table).
    pub table: u32,
    /// rtm_protocol.
    pub protocol: u8,
    /// rtm_scope.
    pub scope: u8,
    /// RTA_PREFSRC.
    pub prefsrc: Option<IpAddr>,
    /// RTA_PRIORITY.
    pub metric: Option<u32>,
    /// rtm_flags.
    pub flags: u32,
    /// RTA_MARK.
    pub mark: Option<u32>,
    /// RTA_FLOW (realms: from << 16 | to).
    pub flow: Option<u32>,
    /// RTA_UID (`ip route get`).
    pub uid: Option<u32>,
    /// RTA_CACHEINFO.
    pub cacheinfo: Option<RouteCacheinfo>,
    /// RTA_IIF resolved to a name.
    pub iif: Option<String>,
    /// RTA_METRICS (RTAX_LOCK folded into `lock`): (RTAX_*, value).
    pub metrics: Vec<(u16, MetricValue)>,
    /// RTAX_LOCK bit mask.
    pub lock: u32,
    /// RTA_MULTIPATH.
    pub nexthops: Vec<NexthopRow>,
    /// RTA_PREF (IPv6 router preference).
    pub pref: Option<u8>,
}

/// Keys `ip route show` leaves out because the listing was filtered on them (a `table`,
/// `proto`, `scope`, `dev`, host `via`, host `src` or `metric` selector).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RouteHide {
    /// `table T` (not `all`) was given, or the default main table listing.
    pub table: bool,
    /// `proto P`.
    pub protocol: bool,
    /// `scope S`.
    pub scope: bool,
    /// `dev D`.
    pub dev: bool,
    /// `via ADDR` (full-length).
    pub gateway: bool,
    /// `src ADDR` (full-length).
    pub prefsrc: bool,
    /// `metric N`.
    pub metric: bool,
}

fn host_len(family: u8) -> u8 {
    if family == names::AF_INET6 { 128 } else { 32 }
}

fn route_dst(r: &RouteRow) -> String {
    match r.dst {
        Some(d) if r.dst_len != host_len(r.family) => format!("{d}/{}", r.dst_len),
        Some(d) => d.to_string(),
        None if r.dst_len != 0 => format!("0/{}", r.dst_len),
        None => "default".to_string(),
    }
}

fn route_flag_names(flags: u32) -> Vec<&'static str> {
    // most routes carry none of these bits: no walk over the table for them
    const ANY: u32 = {
        let (mut any, mut i) = (0, 0);
        while i < ROUTE_FLAGS.len() {
            any |= ROUTE_FLAGS[i].0;
            i += 1;
        }
        any
    };
    if flags & ANY == 0 {
        return Vec::new();
    }
    ROUTE_FLAGS
        .iter()
        .filter(|(b, _)| flags & b != 0)
        .map(|(_, n)| *n)
        .collect()
}

fn pref_name(p: u8) -> String {
    match p {
        0 => "medium".into(),
        1 => "high".into(),
        3 => "low".into(),
        n => n.to_string(),
    }
}

fn via_obj(v: &IpAddr) -> Value {
    let mut m = Obj::new();
    put(&mut m, "family", if v.is_ipv4() { "inet" } else { "inet6" });
    put(&mut m, "host", v.to_string());
    Value::Object(m)
}

fn metrics_obj(r: &RouteRow) -> Obj {
    let mut m = Obj::new();
    for (rtax, v) in &r.metrics {
        let Some(name) = RTAX.iter().find(|(n, _)| n == rtax).map(|(_, s)| *s) else {
            continue;
        };
        match (rtax, v) {
            (10, MetricValue::U32(v)) if *v == u32::MAX => {}
            (4, MetricValue::U32(v)) => put(&mut m, name, v / 8),
            (5, MetricValue::U32(v)) => put(&mut m, name, v / 4),
            (12, MetricValue::U32(v)) => {
                if v & 1 != 0 {
                    put(&mut m, "ecn", Value::Null);
                }
                if v & !1 != 0 {
                    put(&mut m, "features", format!("{:#x}", v & !1));
                }
            }
            (16, MetricValue::Str(s)) => put(&mut m, "congestion", s.clone()),
            (_, MetricValue::U32(v)) => put(&mut m, name, *v),
            (_, MetricValue::Str(s)) => put(&mut m, name, s.clone()),
        }
    }
    m
}

/// struct rta_cacheinfo (RTA_CACHEINFO); ages in clock ticks (USER_HZ).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RouteCacheinfo {
    /// rta_clntref.
    pub clntref: u32,
    /// rta_lastuse.
    pub lastuse: u32,
    /// rta_expires.
    pub expires: i32,
    /// rta_error.
    pub error: u32,
    /// rta_used.
    pub used: u32,
    /// rta_id.
    pub id: u32,
    /// rta_ts.
    pub ts: u32,
    /// rta_tsage.
    pub tsage: u32,
}

/// RTM_F_CLONED (a cached route, as `ip route get` answers).
const RTM_F_CLONED: u32 = 0x200;

/// RTCF_* names of a cloned IPv4 route's flags (linux/in_route.h), in print_cache_flags'
/// order.
const RTCF: &[(u32, &str)] = &[
    (0x8000_0000, "local"),
    (0x4000_0000, "reject"),
    (0x2000_0000, "mc"),
    (0x1000_0000, "brd"),
    (0x0800_0000, "dst-nat"),
    (0x0080_0000, "src-nat"),
    (0x0040_0000, "masq"),
    (0x0002_0000, "dst-direct"),
    (0x0400_0000, "src-direct"),
    (0x0004_0000, "redirected"),
    (0x0100_0000, "redirect"),
    (0x0020_0000, "fastroute"),
    (0x0001_0000, "notify"),
    (0x0008_0000, "proxy"),
];

/// The fields `ip route` prints from RTA_UID, the cache flags of a cloned IPv4 route and
/// RTA_CACHEINFO: (JSON key, value, text), in print_route's order.
fn route_cache_parts(r: &RouteRow, o: &Opts) -> Vec<(&'static str, Value, String)> {
    let mut v: Vec<(&'static str, Value, String)> = Vec::new();
    if let Some(u) = r.uid {
        v.push(("uid", u.into(), format!("uid {u} ")));
    }
    let v4 = r.family == names::AF_INET;
    if v4 && r.flags & RTM_F_CLONED != 0 {
        let mut flags = r.flags & !0xffff;
        let mut names_ = Vec::new();
        for (bit, n) in RTCF {
            if flags & bit != 0 {
                flags &= !bit;
                names_.push(*n);
            }
        }
        let mut t = "\n    cache ".to_string();
        if r.flags & !0xffff != 0 {
            t.push('<');
            t.push_str(&names_.join(","));
            if flags != 0 {
                let _ = write!(t, "{}{flags:x}>", if names_.is_empty() { "" } else { "," });
            } else {
                t.push_str("> ");
            }
        }
        v.push(("cache", names_.into(), t));
    }
    if let Some(c) = r.cacheinfo.filter(|_| v4 || r.family == names::AF_INET6) {
        let hz = USER_HZ as i64;
        if c.expires != 0 {
            let e = i64::from(c.expires) / hz;
            v.push(("expires", e.into(), format!("expires {e}sec ")));
        }
        if c.error != 0 {
            v.push(("error", c.error.into(), format!("error {} ", c.error)));
        }
        if o.stats > 0 {
            if c.clntref != 0 {
                v.push(("users", c.clntref.into(), format!("users {} ", c.clntref)));
            }
            if c.used != 0 {
                v.push(("used", c.used.into(), format!("used {} ", c.used)));
            }
            if c.lastuse != 0 {
                let a = u64::from(c.lastuse) / USER_HZ;
                v.push(("age", a.into(), format!("age {a}sec ")));
            }
        }
        if c.id != 0 {
            v.push((
                "ipid",
                c_alt_hex(c.id.into()).into(),
                format!("ipid 0x{:04x} ", c.id),
            ));
        }
        if c.ts != 0 || c.tsage != 0 {
            v.push((
                "ts",
                c_alt_hex(c.ts.into()).into(),
                format!("ts 0x{:x}", c.ts),
            ));
            v.push(("tsage", c.tsage.into(), format!("tsage {}sec ", c.tsage)));
        }
    }
    v
}

/// RTA_FLOW as ip's print_rta_flow writes it in JSON: `{"from": ..., "to": ...}`.
fn flow_obj(flow: u32) -> Value {
    let (from, to) = (flow >> 16, flow & 0xffff);
    let mut m = Obj::new();
    if from != 0 {
        put(&mut m, "from", names::realm_name(from));
    }
    put(&mut m, "to", names::realm_name(to));
    Value::Object(m)
}

/// RTA_FLOW as ip's print_rta_flow writes it in text: `realm TO ` / `realms FROM/TO `.
fn flow_text(flow: u32) -> String {
    let (from, to) = (flow >> 16, flow & 0xffff);
    if from != 0 {
        format!(
            "realms {}/{} ",
            names::realm_name(from),
            names::realm_name(to)
        )
    } else {
        format!("realm {} ", names::realm_name(to))
    }
}

fn nexthop_obj(n: &NexthopRow) -> Value {
    let mut m = Obj::new();
    if let Some(g) = n.gateway {
        put(&mut m, "gateway", g.to_string());
    }
    if let Some(v) = &n.via {
        put(&mut m, "via", via_obj(v));
    }
    if let Some(f) = n.flow {
        put(&mut m, "flow", flow_obj(f));
    }
    if let Some(d) = &n.dev {
        put(&mut m, "dev", d.clone());
    }
    put(&mut m, "weight", u32::from(n.hops) + 1);
    put(&mut m, "flags", route_flag_names(n.flags));
    Value::Object(m)
}

/// One element of `ip -j route show`.
pub fn route_json(r: &RouteRow, o: &Opts) -> Value {
    route_json_hiding(r, o, &RouteHide::default())
}

/// The fields of one route, in `ip -j route`'s order, into `m` (written once for the
/// [`Value`] form and the streamed text form).
fn route_fields(r: &RouteRow, o: &Opts, h: &RouteHide, m: &mut dyn ObjSink) {
    if r.kind != names::RTN_UNICAST || o.details {
        m.put_str("type", &name_or_number(names::RTN, r.kind.into()));
    }
    match r.dst {
        Some(d) => m.put_ip(
            "dst",
            d,
            (r.dst_len != host_len(r.family)).then_some(r.dst_len),
        ),
        None => m.put_str("dst", &route_dst(r)),
    }
    if let Some(s) = r.src {
        m.put_ip(
            "from",
            s,
            (r.src_len != host_len(r.family)).then_some(r.src_len),
        );
    } else if r.src_len != 0 {
        m.put_str("src", &format!("0/{}", r.src_len));
    }
    if r.tos != 0 {
        m.put_str("tos", &names::dsfield_name(r.tos));
    }
    if let Some(g) = r.gateway.filter(|_| !h.gateway) {
        m.put_ip("gateway", g, None);
    }
    if let Some(v) = &r.via {
        m.put_value("via", via_obj(v));
    }
    if let Some(d) = r.dev.as_ref().filter(|_| !h.dev) {
        m.put_str("dev", d);
    }
    if r.table != 0 && (r.table != names::RT_TABLE_MAIN || o.details) && !h.table {
        m.put_str("table", &names::table_name(r.table));
    }
    if r.flags & 0x200 == 0 {
        if (r.protocol != names::RTPROT_BOOT || o.details) && !h.protocol {
            m.put_str("protocol", &names::protocol_name(r.protocol));
        }
        if (r.scope != names::RT_SCOPE_UNIVERSE || o.details) && !h.scope {
            m.put_str("scope", &name_or_number(names::RT_SCOPE, r.scope.into()));
        }
    }
    if let Some(p) = r.prefsrc.filter(|_| !h.prefsrc) {
        m.put_ip("prefsrc", p, None);
    }
    if let Some(v) = r.metric.filter(|_| !h.metric) {
        m.put_num("metric", v.into());
    }
    m.put_strs("flags", &route_flag_names(r.flags));
    if let Some(v) = r.mark.filter(|&v| v != 0) {
        m.put_num("mark", v.into());
    }
    if let Some(f) = r.flow {
        m.put_value("flow", flow_obj(f));
    }
    for (k, v, _) in route_cache_parts(r, o) {
        m.put_value(k, v);
    }
    // print_route's order: metrics, iif, pref, then the nexthops last
    if !r.metrics.is_empty() {
        m.put_value("metrics", Value::Array(vec![Value::Object(metrics_obj(r))]));
    }
    if let Some(v) = &r.iif {
        m.put_str("iif", v);
    }
    if let Some(p) = r.pref {
        m.put_str("pref", &pref_name(p));
    }
    if !r.nexthops.is_empty() {
        m.put_value(
            "nexthops",
            Value::Array(r.nexthops.iter().map(nexthop_obj).collect()),
        );
    }
}

/// One route as `ip -j route show` prints it, leaving out what a filter hides.
pub fn route_json_hiding(r: &RouteRow, o: &Opts, h: &RouteHide) -> Value {
    let mut m = Obj::new();
    route_fields(r, o, h, &mut m);
    Value::Object(m)
}

/// [`route_json_hiding`] written straight to `out` as compact JSON text (no map built).
pub fn write_route_json(r: &RouteRow, o: &Opts, h: &RouteHide, out: &mut Vec<u8>) {
    let mut t = JsonObjText::open(out);
    route_fields(r, o, h, &mut t);
    t.close();
}

/// `ip route show` text for one route (with `\tnexthop` lines for multipath).
pub fn route_text(r: &RouteRow, o: &Opts) -> String {
    route_text_hiding(r, o, &RouteHide::default())
}

/// `ip route show SELECTOR` text for one route (keys the selector fixes left out).
pub fn route_text_hiding(r: &RouteRow, o: &Opts, h: &RouteHide) -> String {
    let mut s = String::new();
    if r.kind != names::RTN_UNICAST || o.details {
        let _ = write!(s, "{} ", name_or_number(names::RTN, r.kind.into()));
    }
    let _ = write!(s, "{} ", route_dst(r));
    if let Some(src) = r.src {
        if r.src_len != host_len(r.family) {
            let _ = write!(s, "from {src}/{} ", r.src_len);
        } else {
            let _ = write!(s, "from {src} ");
        }
    }
    if r.tos != 0 {
        let _ = write!(s, "tos {} ", names::dsfield_name(r.tos));
    }
    if let Some(g) = r.gateway.filter(|_| !h.gateway) {
        let _ = write!(s, "via {g} ");
    }
    if let Some(v) = r.via {
        let _ = write!(s, "via {} {v} ", if v.is_ipv4() { "inet" } else { "inet6" });
    }
    if let Some(d) = r.dev.as_ref().filter(|_| !h.dev) {
        let _ = write!(s, "dev {d} ");
    }
    if r.table != 0 && (r.table != names::RT_TABLE_MAIN || o.details) && !h.table {
        let _ = write!(s, "table {} ", names::table_name(r.table));
    }
    if r.flags & 0x200 == 0 {
        if (r.protocol != names::RTPROT_BOOT || o.details) && !h.protocol {
            let _ = write!(s, "proto {} ", names::protocol_name(r.protocol));
        }
        if (r.scope != names::RT_SCOPE_UNIVERSE || o.details) && !h.scope {
            let _ = write!(
                s,
                "scope {} ",
                name_or_number(names::RT_SCOPE, r.scope.into())
            );
        }
    }
    if let Some(p) = r.prefsrc.filter(|_| !h.prefsrc) {
        let _ = write!(s, "src {p} ");
    }
    if let Some(v) = r.metric.filter(|_| !h.metric) {
        let _ = write!(s, "metric {v} ");
    }
    for f in route_flag_names(r.flags) {
        let _ = write!(s, "{f} ");
    }
    match r.mark {
        None | Some(0) => {}
        Some(v @ 0..16) => {
            let _ = write!(s, "mark {v} ");
        }
        Some(v) => {
            let _ = write!(s, "mark {v:#x} ");
        }
    }
    if let Some(f) = r.flow {
        s.push_str(&flow_text(f));
    }
    for (_, _, t) in route_cache_parts(r, o) {
        s.push_str(&t);
    }
    for (rtax, v) in &r.metrics {
        let Some(name) = RTAX.iter().find(|(n, _)| n == rtax).map(|(_, s)| *s) else {
            continue;
        };
        if let (10, MetricValue::U32(u32::MAX)) = (rtax, v) {
            continue;
        }
        let _ = write!(s, "{name} ");
        if r.lock & (1 << rtax) != 0 {
            s.push_str("lock ");
        }
        match (rtax, v) {
            (4 | 5 | 13, MetricValue::U32(v)) => {
                let ms = match rtax {
                    4 => v / 8,
                    5 => v / 4,
                    _ => *v,
                };
                if ms >= 1000 {
                    let _ = write!(s, "{}s ", fmt_g(f64::from(ms) / 1e3, 6));
                } else {
                    let _ = write!(s, "{ms}ms ");
                }
            }
            (12, MetricValue::U32(v)) => {
                if v & 1 != 0 {
                    s.push_str("ecn ");
                }
                if v & !1 != 0 {
                    let _ = write!(s, "{:#x} ", v & !1);
                }
            }
            (_, MetricValue::U32(v)) => {
                let _ = write!(s, "{v} ");
            }
            (_, MetricValue::Str(v)) => {
                let _ = write!(s, "{v} ");
            }
        }
    }
    if let Some(v) = &r.iif {
        let _ = write!(s, "iif {v} ");
    }
    if let Some(p) = r.pref {
        let _ = write!(s, "pref {}", pref_name(p));
    }
    for n in &r.nexthops {
        s.push_str("\n\tnexthop ");
        if let Some(g) = n.gateway {
            let _ = write!(s, "via {g} ");
        }
        if let Some(v) = n.via {
            let _ = write!(s, "via {} {v} ", if v.is_ipv4() { "inet" } else { "inet6" });
        }
        if let Some(f) = n.flow {
            s.push_str(&flow_text(f));
        }
        if let Some(d) = &n.dev {
            let _ = write!(s, "dev {d} ");
        }
        let _ = write!(s, "weight {} ", u32::from(n.hops) + 1);
        for f in route_flag_names(n.flags) {
            let _ = write!(s, "{f} ");
        }
    }
    s.push('\n');
    s
}

// ---------------------------------------------------------------------------------------
// Neighbours
// ---------------------------------------------------------------------------------------

/// One neighbour (RTM_NEWNEIGH: ndmsg + NDA_*).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NeighRow {
    /// ndm_family.
    pub family: u8,
    /// NDA_DST.
    pub dst: Option<IpAddr>,
    /// ndm_ifindex resolved to a name.
    pub dev: Option<String>,
    /// NDA_LLADDR.
    pub lladdr: Option<Vec<u8>>,
    /// ndm_state (NUD_*).
    pub state: u16,
    /// ndm_flags (NTF_*).
    pub flags: u8,
    /// NDA_CACHEINFO (printed with `-s`).
    pub cacheinfo: Option<NeighCacheinfo>,
    /// NDA_PROBES (printed with `-s`).
    pub probes: Option<u32>,
}

/// struct nda_cacheinfo: ages in clock ticks (USER_HZ) and the reference count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NeighCacheinfo {
    /// ndm_confirmed.
    pub confirmed: u32,
    /// ndm_used.
    pub used: u32,
    /// ndm_updated.
    pub updated: u32,
    /// ndm_refcnt.
    pub refcnt: u32,
}

const NEIGH_FLAGS: &[(u8, &str)] = &[
    (0x80, "router"),
    (0x08, "proxy"),
    (0x10, "extern_learn"),
    (0x20, "offload"),
];

/// One element of `ip -j neigh show`.
pub fn neigh_json(r: &NeighRow) -> Value {
    let mut m = Obj::new();
    if let Some(d) = r.dst {
        put(&mut m, "dst", d.to_string());
    }
    if let Some(d) = &r.dev {
        put(&mut m, "dev", d.clone());
    }
    if let Some(l) = r.lladdr.as_ref().filter(|l| !l.is_empty()) {
        put(&mut m, "lladdr", lladdr(l, 1));
    }
    for (b, n) in NEIGH_FLAGS {
        if r.flags & b != 0 {
            put(&mut m, n, Value::Null);
        }
    }
    if let Some(c) = r.cacheinfo {
        if c.refcnt != 0 {
            put(&mut m, "refcnt", c.refcnt);
        }
        put(&mut m, "used", u64::from(c.used) / USER_HZ);
        put(&mut m, "confirmed", u64::from(c.confirmed) / USER_HZ);
        put(&mut m, "updated", u64::from(c.updated) / USER_HZ);
    }
    if let Some(p) = r.probes {
        put(&mut m, "probes", p);
    }
    if r.state != 0 {
        put(&mut m, "state", names::nud_names(r.state));
    }
    Value::Object(m)
}

/// `ip neigh show` text for one entry.
pub fn neigh_text(r: &NeighRow) -> String {
    let mut s = String::new();
    if let Some(d) = r.dst {
        let _ = write!(s, "{d} ");
    }
    if let Some(d) = &r.dev {
        let _ = write!(s, "dev {d} ");
    }
    if let Some(l) = r.lladdr.as_ref().filter(|l| !l.is_empty()) {
        let _ = write!(s, "lladdr {} ", lladdr(l, 1));
    }
    for (b, n) in NEIGH_FLAGS {
        if r.flags & b != 0 {
            let _ = write!(s, "{n} ");
        }
    }
    // ipneigh.c print_cacheinfo and the probes, as ip -s writes them
    if let Some(c) = r.cacheinfo {
        if c.refcnt != 0 {
            let _ = write!(s, " ref {}", c.refcnt);
        }
        let _ = write!(
            s,
            " used {}/{}/{}",
            u64::from(c.used) / USER_HZ,
            u64::from(c.confirmed) / USER_HZ,
            u64::from(c.updated) / USER_HZ
        );
    }
    if let Some(p) = r.probes {
        let _ = write!(s, "probes {p} ");
    }
    if r.state != 0 {
        for n in names::nud_names(r.state) {
            let _ = write!(s, "{n} ");
        }
    }
    s.push('\n');
    s
}

// ---------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------

/// One rule (RTM_NEWRULE: fib_rule_hdr + FRA_*).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RuleRow {
    /// family.
    pub family: u8,
    /// FRA_PRIORITY.
    pub priority: Option<u32>,
    /// flags (FIB_RULE_INVERT = 2, FIB_RULE_UNRESOLVED = 4, IIF/OIF_DETACHED = 8/16).
    pub flags: u32,
    /// FRA_SRC.
    pub src: Option<IpAddr>,
    /// src_len.
    pub src_len: u8,
    /// FRA_DST.
    pub dst: Option<IpAddr>,
    /// dst_len.
    pub dst_len: u8,
    /// tos.
    pub tos: u8,
    /// FRA_FWMARK.
    pub fwmark: Option<u32>,
    /// FRA_FWMASK.
    pub fwmask: Option<u32>,
    /// FRA_IIFNAME.
    pub iif: Option<String>,
    /// FRA_OIFNAME.
    pub oif: Option<String>,
    /// FRA_L3MDEV.
    pub l3mdev: bool,
    /// FRA_UID_RANGE.
    pub uidrange: Option<(u32, u32)>,
    /// FRA_IP_PROTO.
    pub ipproto: Option<u8>,
    /// FRA_SPORT_RANGE.
    pub sport: Option<(u16, u16)>,
    /// FRA_DPORT_RANGE.
    pub dport: Option<(u16, u16)>,
    /// FRA_TABLE (or the header's table).
    pub table: u32,
    /// FRA_SUPPRESS_PREFIXLEN (-1 = unset).
    pub suppress_prefixlen: Option<i32>,
    /// FRA_SUPPRESS_IFGROUP (-1 = unset).
    pub suppress_ifgroup: Option<i32>,
    /// action (FR_ACT_*).
    pub action: u8,
    /// FRA_GOTO.
    pub goto: Option<u32>,
    /// FRA_FLOW (realms: from << 16 | to).
    pub flow: Option<u32>,
    /// FRA_PROTOCOL.
    pub protocol: Option<u8>,
}

fn ipproto_name(p: u8) -> String {
    match p {
        1 => "icmp".into(),
        6 => "tcp".into(),
        17 => "udp".into(),
        58 => "ipv6-icmp".into(),
        132 => "sctp".into(),
        n => n.to_string(),
    }
}

/// Rule pieces in `ip rule`'s order: (json key, json value, text).
fn rule_parts(r: &RuleRow, o: &Opts) -> Vec<(&'static str, Value, String)> {
    let mut v: Vec<(&'static str, Value, String)> = Vec::new();
    let host = host_len(r.family);
    if r.flags & 2 != 0 {
        v.push(("not", Value::Null, "not ".into()));
    }
    match r.src {
        Some(s) if r.src_len != host => {
            v.push(("src", s.to_string().into(), format!("from {s}")));
            v.push(("srclen", r.src_len.into(), format!("/{}", r.src_len)));
        }
        Some(s) => v.push(("src", s.to_string().into(), format!("from {s}"))),
        None if r.src_len != 0 => {
            v.push(("src", "0".into(), "from 0".into()));
            v.push(("srclen", r.src_len.into(), format!("/{}", r.src_len)));
        }
        None => v.push(("src", "all".into(), "from all".into())),
    }
    match r.dst {
        Some(d) if r.dst_len != host => {
            v.push(("dst", d.to_string().into(), format!(" to {d}")));
            v.push(("dstlen", r.dst_len.into(), format!("/{}", r.dst_len)));
        }
        Some(d) => v.push(("dst", d.to_string().into(), format!(" to {d}"))),
        None if r.dst_len != 0 => {
            v.push(("dst", "0".into(), " to 0".into()));
            v.push(("dstlen", r.dst_len.into(), format!("/{}", r.dst_len)));
        }
        None => {}
    }
    if r.tos != 0 {
        v.push((
            "tos",
            names::dsfield_name(r.tos).into(),
            format!(" tos {}", names::dsfield_name(r.tos)),
        ));
    }
    if r.fwmark.is_some() || r.fwmask.is_some() {
        let mark = r.fwmark.unwrap_or(0);
        let mask = r.fwmask.unwrap_or(u32::MAX);
        // print_0xhex: C's %#x, so a zero mark or mask is a plain 0
        let (mark, mask_text) = (c_alt_hex(mark.into()), c_alt_hex(mask.into()));
        v.push(("fwmark", mark.clone().into(), format!(" fwmark {mark}")));
        if mask != u32::MAX {
            v.push(("fwmask", mask_text.clone().into(), format!("/{mask_text}")));
        }
    }
    if let Some(i) = &r.iif {
        v.push(("iif", i.clone().into(), format!(" iif {i}")));
        if r.flags & 8 != 0 {
            v.push(("iif_detached", Value::Null, " [detached]".into()));
        }
    }
    if let Some(i) = &r.oif {
        v.push(("oif", i.clone().into(), format!(" oif {i}")));
        if r.flags & 16 != 0 {
            v.push(("oif_detached", Value::Null, " [detached]".into()));
        }
    }
    if r.l3mdev {
        v.push(("l3mdev", Value::Null, " lookup [l3mdev-table]".into()));
    }
    if let Some((a, b)) = r.uidrange {
        v.push(("uid_start", a.into(), format!(" uidrange {a}")));
        v.push(("uid_end", b.into(), format!("-{b}")));
    }
    if let Some(p) = r.ipproto {
        v.push((
            "ipproto",
            ipproto_name(p).into(),
            format!(" ipproto {}", ipproto_name(p)),
        ));
    }
    for (key, range, k0, k1) in [
        ("sport", r.sport, "sport_start", "sport_end"),
        ("dport", r.dport, "dport_start", "dport_end"),
    ] {
        if let Some((a, b)) = range {
            if a == b {
                v.push((key, a.into(), format!(" {key} {a}")));
            } else {
                v.push((k0, a.into(), format!(" {key} {a}")));
                v.push((k1, b.into(), format!("-{b}")));
            }
        }
    }
    if r.table != 0 {
        let t = names::table_name(r.table);
        v.push(("table", t.clone().into(), format!(" lookup {t}")));
        if let Some(pl) = r.suppress_prefixlen.filter(|p| *p != -1) {
            v.push((
                "suppress_prefixlen",
                pl.into(),
                format!(" suppress_prefixlength {pl}"),
            ));
        }
        if let Some(g) = r.suppress_ifgroup.filter(|p| *p != -1) {
            // rtnl_group_n2a: the group's name (0 is "default")
            let g = group_name(g as u32);
            v.push((
                "suppress_ifgroup",
                g.clone().into(),
                format!(" suppress_ifgroup {g}"),
            ));
        }
    }
    if let Some(f) = r.flow {
        let (from, to) = (f >> 16, f & 0xffff);
        let to = names::realm_name(to);
        if from != 0 {
            let from = names::realm_name(from);
            v.push(("flow_from", from.clone().into(), format!(" realms {from}/")));
            v.push(("flow_to", to.clone().into(), to));
        } else {
            v.push(("flow_to", to.clone().into(), format!(" realms {to}")));
        }
    }
    if r.action == RTN_NAT {
        // the kernel keeps no map-to gateway for rules any more: ip prints masquerade
        v.push(("masquerade", Value::Null, " masquerade".into()));
    } else if r.action == names::FR_ACT_GOTO {
        match r.goto {
            Some(g) => v.push(("goto", g.into(), format!(" goto {g}"))),
            None => v.push(("goto", "none".into(), " goto none".into())),
        }
        if r.flags & 4 != 0 {
            v.push(("unresolved", Value::Null, " [unresolved]".into()));
        }
    } else if r.action == names::FR_ACT_NOP {
        v.push(("nop", Value::Null, " nop".into()));
    } else if r.action != names::FR_ACT_TO_TBL {
        let a = name_or_number(names::RTN, r.action.into());
        v.push(("action", a.clone().into(), format!(" {a}")));
    }
    if let Some(p) = r.protocol
        && ((p != 0 && p != 2) || o.details)
    {
        let n = names::protocol_name(p);
        v.push(("protocol", n.clone().into(), format!(" proto {n}")));
    }
    v
}

/// RTN_NAT (a rule's `nat` action).
const RTN_NAT: u8 = 10;

/// One element of `ip -j rule show`.
pub fn rule_json(r: &RuleRow, o: &Opts) -> Value {
    let mut m = Obj::new();
    if let Some(p) = r.priority {
        put(&mut m, "priority", p);
    }
    for (k, v, _) in rule_parts(r, o) {
        m.insert(k.to_string(), v);
    }
    Value::Object(m)
}

/// `ip rule show` text for one rule.
pub fn rule_text(r: &RuleRow, o: &Opts) -> String {
    let mut s = String::new();
    if let Some(p) = r.priority {
        let _ = write!(s, "{p}:\t");
    }
    for (_, _, t) in rule_parts(r, o) {
        s.push_str(&t);
    }
    s.push('\n');
    s
}

// ---------------------------------------------------------------------------------------
// tc
// ---------------------------------------------------------------------------------------

/// C's `printf("%#x", v)`, as iproute2's `print_0xhex` writes it: `0x` before every
/// value but zero, which is plain `0` (`tc` prints `default 0` but `default 0x10`).
pub fn c_alt_hex(v: u64) -> String {
    if v == 0 {
        "0".into()
    } else {
        format!("{v:#x}")
    }
}

/// Decoded TCA_OPTIONS of a qdisc.
#[derive(Clone, Debug, PartialEq)]
pub enum QdiscOptions {
    /// No options printed (`noqueue`, `noop`, `mq`, `clsact`, ...): `{}`.
    None,
    /// `ingress`: `{}` and text `----------------`.
    Ingress,
    /// tbf: rate (bytes/s), burst (bytes, from buffer ticks), lat (us, from limit).
    Tbf {
        /// Rate in bytes/s.
        rate: u64,
        /// Burst in bytes.
        burst: u32,
        /// Peak rate in bytes/s (text only: tc 6.1 does not put it in JSON).
        peakrate: Option<u64>,
        /// Minimum burst (mtu) in bytes, with a peak rate.
        minburst: Option<u32>,
        /// Latency in microseconds.
        lat: u32,
    },
    /// prio / pfifo_fast (struct tc_prio_qopt).
    Prio {
        /// bands.
        bands: u32,
        /// priomap (16 entries).
        priomap: Vec<u8>,
        /// TCA_PRIO_MQ.
        multiqueue: bool,
    },
    /// htb qdisc (struct tc_htb_glob + TCA_HTB_DIRECT_QLEN).
    Htb {
        /// rate2quantum.
        r2q: u32,
        /// defcls.
        default: u32,
        /// direct_pkts.
        direct_packets_stat: u32,
        /// TCA_HTB_DIRECT_QLEN.
        direct_qlen: Option<u32>,
    },
    /// pfifo limit (packets).
    Pfifo {
        /// Limit.
        limit: u32,
    },
    /// bfifo limit (bytes).
    Bfifo {
        /// Limit.
        limit: u32,
    },
    /// Anything else: keys and values as the caller names them, text `key value`.
    Other(Vec<(String, Value)>),
}

/// One qdisc (RTM_NEWQDISC: tcmsg + TCA_*).
#[derive(Clone, Debug, PartialEq)]
pub struct QdiscRow {
    /// TCA_KIND.
    pub kind: String,
    /// tcm_handle.
    pub handle: u32,
    /// tcm_ifindex resolved (printed unless the dump was filtered by device).
    pub dev: Option<String>,
    /// tcm_parent.
    pub parent: u32,
    /// tcm_info (refcnt; not printed when 1).
    pub refcnt: u32,
    /// TCA_OPTIONS.
    pub options: QdiscOptions,
    /// TCA_STATS2 (printed with `-s`).
    pub stats: Option<TcStatsRow>,
    /// What `tc -d` adds to the options.
    pub details: Option<QdiscDetails>,
}

/// A rate's struct tc_ratespec fields `tc -d` prints.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RateCell {
    /// cell_log (printed as `1 << cell_log` after the size).
    pub cell_log: u8,
    /// mpu (bytes).
    pub mpu: u16,
}

/// `tc -d` extras of a qdisc's options.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QdiscDetails {
    /// htb: tc_htb_glob version (`ver MAJOR.MINOR`).
    Htb {
        /// version.
        version: u32,
    },
    /// tbf: the rate's and peak rate's cells, and the link layer.
    Tbf {
        /// The rate's cell_log and mpu.
        rate: RateCell,
        /// The peak rate's cell_log and mpu.
        peak: RateCell,
        /// TC_LINKLAYER_* of the rate.
        linklayer: u8,
    },
}

/// tc's sprint_linklayer.
fn linklayer_name(l: u8) -> String {
    match l {
        0 => "unspec".into(),
        1 => "ethernet".into(),
        2 => "atm".into(),
        n => n.to_string(),
    }
}

/// A qdisc's or class's TCA_STATS2 (TCA_STATS_*), the counters `tc -s` prints.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TcStatsRow {
    /// TCA_STATS_BASIC: bytes and packets (TCA_STATS_PKT64 when present).
    pub basic: Option<(u64, u64)>,
    /// TCA_STATS_QUEUE: qlen, backlog, drops, requeues, overlimits.
    pub queue: Option<TcQueueStats>,
    /// TCA_STATS_RATE_EST64 or TCA_STATS_RATE_EST: bytes/s and packets/s.
    pub rate_est: Option<(u64, u64)>,
    /// Whether the 32-bit TCA_STATS_RATE_EST was there (tc then starts no new line
    /// before the backlog).
    pub rate_est32: bool,
}

/// struct gnet_stats_queue.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TcQueueStats {
    /// qlen.
    pub qlen: u32,
    /// backlog (bytes).
    pub backlog: u32,
    /// drops.
    pub drops: u32,
    /// requeues.
    pub requeues: u32,
    /// overlimits.
    pub overlimits: u32,
}

/// An htb class's TCA_XSTATS (struct tc_htb_xstats).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HtbXstats {
    /// lends.
    pub lends: u32,
    /// borrows.
    pub borrows: u32,
    /// giants.
    pub giants: u32,
    /// tokens.
    pub tokens: i32,
    /// ctokens.
    pub ctokens: i32,
}

/// The statistics' JSON keys as tc's print_tcstats2_attr puts them.
fn tc_stats_json(m: &mut Obj, st: &TcStatsRow) {
    if let Some((bytes, packets)) = st.basic {
        put(m, "bytes", bytes);
        put(m, "packets", packets);
    }
    if let Some(q) = st.queue {
        put(m, "drops", q.drops);
        put(m, "overlimits", q.overlimits);
        put(m, "requeues", q.requeues);
    }
    if let Some((bps, pps)) = st.rate_est {
        put(m, "rate", bps);
        put(m, "pps", pps);
    }
    if let Some(q) = st.queue {
        put(m, "backlog", q.backlog);
        put(m, "qlen", q.qlen);
    }
}

/// The statistics' text as tc's print_tcstats2_attr writes it with `prefix` before each
/// line (`Sent ... \n backlog ...`, no final newline).
fn tc_stats_text(st: &TcStatsRow, prefix: &str) -> String {
    let mut s = String::new();
    if let Some((bytes, packets)) = st.basic {
        let _ = write!(s, "{prefix}Sent {bytes} bytes {packets} pkt");
    }
    if let Some(q) = st.queue {
        let _ = write!(
            s,
            " (dropped {}, overlimits {} requeues {}) ",
            q.drops, q.overlimits, q.requeues
        );
    }
    if let Some((bps, pps)) = st.rate_est {
        let _ = write!(s, "\n{prefix}rate {} {pps}pps", tc_rate(bps));
    }
    if let Some(q) = st.queue {
        if !st.rate_est32 {
            s.push('\n');
        }
        let _ = write!(
            s,
            "{prefix}backlog {} {}p requeues {}",
            tc_size(q.backlog),
            q.qlen,
            q.requeues
        );
    }
    s
}

fn qdisc_options_json(o: &QdiscOptions, d: Option<&QdiscDetails>) -> Obj {
    let mut m = Obj::new();
    match o {
        QdiscOptions::None | QdiscOptions::Ingress => {}
        QdiscOptions::Tbf {
            rate,
            burst,
            minburst,
            lat,
            ..
        } => {
            put(&mut m, "rate", *rate);
            match d {
                Some(QdiscDetails::Tbf {
                    rate: c,
                    peak,
                    linklayer,
                }) => {
                    // tc -d: "burst" becomes "SIZE/CELL" text, then "mpu"; the peak
                    // rate's "mtu" and a second "mpu"
                    put(
                        &mut m,
                        "burst",
                        format!("{}/{}", tc_size(*burst), 1u32 << c.cell_log),
                    );
                    put(&mut m, "mpu", c.mpu);
                    if let Some(v) = minburst {
                        put(
                            &mut m,
                            "mtu",
                            format!("{}/{}", tc_size(*v), 1u32 << peak.cell_log),
                        );
                        m.insert(repeated_key("mpu", 1), peak.mpu.into());
                    }
                    put(&mut m, "lat", *lat);
                    put(&mut m, "linklayer", linklayer_name(*linklayer));
                }
                _ => {
                    put(&mut m, "burst", *burst);
                    if let Some(v) = minburst {
                        put(&mut m, "minburst", *v);
                    }
                    put(&mut m, "lat", *lat);
                }
            }
        }
        QdiscOptions::Prio {
            bands,
            priomap,
            multiqueue,
        } => {
            put(&mut m, "bands", *bands);
            put(&mut m, "priomap", priomap.clone());
            put(&mut m, "multiqueue", *multiqueue);
        }
        QdiscOptions::Htb {
            r2q,
            default,
            direct_packets_stat,
            direct_qlen,
        } => {
            put(&mut m, "r2q", *r2q);
            put(&mut m, "default", c_alt_hex((*default).into()));
            put(&mut m, "direct_packets_stat", *direct_packets_stat);
            if let Some(QdiscDetails::Htb { version }) = d {
                put(&mut m, "ver", htb_version(*version));
            }
            if let Some(q) = direct_qlen {
                put(&mut m, "direct_qlen", *q);
            }
        }
        QdiscOptions::Pfifo { limit } | QdiscOptions::Bfifo { limit } => {
            put(&mut m, "limit", *limit)
        }
        QdiscOptions::Other(kv) => m.extend(kv.iter().cloned()),
    }
    m
}

/// htb's `ver` text: `MAJOR.MINOR` of tc_htb_glob version.
fn htb_version(v: u32) -> String {
    format!("{}.{}", v >> 16, v & 0xffff)
}

fn qdisc_options_text(o: &QdiscOptions, d: Option<&QdiscDetails>) -> String {
    match o {
        QdiscOptions::None => String::new(),
        QdiscOptions::Ingress => "---------------- ".into(),
        QdiscOptions::Tbf {
            rate,
            burst,
            peakrate,
            minburst,
            lat,
        } => {
            let tbf = match d {
                Some(QdiscDetails::Tbf {
                    rate,
                    peak,
                    linklayer,
                }) => Some((rate, peak, *linklayer)),
                _ => None,
            };
            let mut s = format!("rate {} ", tc_rate(*rate));
            match tbf {
                Some((c, _, _)) => {
                    let _ = write!(
                        s,
                        "burst {}/{} mpu {} ",
                        tc_size(*burst),
                        1u32 << c.cell_log,
                        tc_size(c.mpu.into())
                    );
                }
                None => {
                    let _ = write!(s, "burst {} ", tc_size(*burst));
                }
            }
            if let Some(p) = peakrate {
                let _ = write!(s, "peakrate {} ", tc_rate(*p));
                if let Some(m) = minburst {
                    match tbf {
                        Some((_, pc, _)) => {
                            let _ = write!(
                                s,
                                "mtu {}/{} mpu {} ",
                                tc_size(*m),
                                1u32 << pc.cell_log,
                                tc_size(pc.mpu.into())
                            );
                        }
                        None => {
                            let _ = write!(s, "minburst {} ", tc_size(*m));
                        }
                    }
                }
            }
            let _ = write!(s, "lat {} ", tc_time(*lat));
            if let Some((_, _, l)) = tbf {
                let _ = write!(s, "linklayer {} ", linklayer_name(l));
            }
            s
        }
        QdiscOptions::Prio {
            bands,
            priomap,
            multiqueue,
        } => {
            let mut s = format!("bands {bands} priomap");
            for p in priomap {
                let _ = write!(s, " {p}");
            }
            if *multiqueue {
                s.push_str(" multiqueue: on ");
            }
            s
        }
        QdiscOptions::Htb {
            r2q,
            default,
            direct_packets_stat,
            direct_qlen,
        } => {
            let mut s = format!(
                "r2q {r2q} default {} direct_packets_stat {direct_packets_stat}",
                c_alt_hex((*default).into())
            );
            if let Some(QdiscDetails::Htb { version }) = d {
                let _ = write!(s, " ver {}", htb_version(*version));
            }
            if let Some(q) = direct_qlen {
                let _ = write!(s, " direct_qlen {q}");
            }
            s
        }
        QdiscOptions::Pfifo { limit } => format!("limit {limit}p"),
        QdiscOptions::Bfifo { limit } => format!("limit {limit}b"),
        QdiscOptions::Other(kv) => kv
            .iter()
            .map(|(k, v)| format!("{k} {} ", value_text(v)))
            .collect(),
    }
}

/// One element of `tc -j qdisc show`: with [`QdiscRow::stats`], `tc -j -s` (the
/// counters after the options).
pub fn qdisc_json(r: &QdiscRow) -> Value {
    let mut m = Obj::new();
    put(&mut m, "kind", r.kind.clone());
    put(&mut m, "handle", format!("{:x}:", r.handle >> 16));
    if let Some(d) = &r.dev {
        put(&mut m, "dev", d.clone());
    }
    if r.parent == names::TC_H_ROOT {
        put(&mut m, "root", true);
    } else if r.parent != 0 {
        put(&mut m, "parent", names::tc_handle(r.parent));
    }
    if r.refcnt != 1 {
        put(&mut m, "refcnt", r.refcnt);
    }
    put(
        &mut m,
        "options",
        qdisc_options_json(&r.options, r.details.as_ref()),
    );
    if let Some(st) = &r.stats {
        tc_stats_json(&mut m, st);
    }
    Value::Object(m)
}

/// `tc qdisc show` text for one qdisc; with [`QdiscRow::stats`], `tc -s` (two more
/// lines).
pub fn qdisc_text(r: &QdiscRow) -> String {
    let mut s = format!("qdisc {} {:x}:", r.kind, r.handle >> 16);
    if let Some(d) = &r.dev {
        let _ = write!(s, " dev {d}");
    }
    if r.parent == names::TC_H_ROOT {
        s.push_str(" root");
    } else if r.parent != 0 {
        let _ = write!(s, " parent {}", names::tc_handle(r.parent));
    }
    if r.refcnt != 1 {
        let _ = write!(s, " refcnt {}", r.refcnt);
    }
    s.push(' ');
    s.push_str(&qdisc_options_text(&r.options, r.details.as_ref()));
    s.push('\n');
    if let Some(st) = &r.stats {
        s.push_str(&tc_stats_text(st, " "));
        s.push('\n');
    }
    s
}

/// Decoded TCA_OPTIONS of a class.
#[derive(Clone, Debug, PartialEq)]
pub enum ClassOptions {
    /// No options.
    None,
    /// htb class (struct tc_htb_opt; burst/cburst converted from ticks to bytes).
    Htb {
        /// prio (printed for leaf classes).
        prio: Option<u32>,
        /// rate (bytes/s).
        rate: u64,
        /// ceil (bytes/s).
        ceil: u64,
        /// burst (bytes).
        burst: u32,
        /// cburst (bytes).
        cburst: u32,
    },
    /// Anything else.
    Other(Vec<(String, Value)>),
}

/// One class (RTM_NEWTCLASS).
#[derive(Clone, Debug, PartialEq)]
pub struct ClassRow {
    /// TCA_KIND.
    pub kind: String,
    /// tcm_handle (class id).
    pub handle: u32,
    /// tcm_ifindex resolved (printed unless filtered by device).
    pub dev: Option<String>,
    /// tcm_parent.
    pub parent: u32,
    /// tcm_info (leaf qdisc handle, 0 = none).
    pub leaf: u32,
    /// TCA_OPTIONS.
    pub options: ClassOptions,
    /// TCA_STATS2 (printed with `-s`).
    pub stats: Option<TcStatsRow>,
    /// An htb class's TCA_XSTATS (printed with `-s`).
    pub htb_xstats: Option<HtbXstats>,
    /// What `tc -d` adds to an htb class.
    pub details: Option<HtbClassDetails>,
}

/// `tc -d` extras of an htb class (struct tc_htb_opt).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HtbClassDetails {
    /// quantum (printed for leaves, level 0).
    pub quantum: u32,
    /// level.
    pub level: u32,
    /// The rate's cell_log and mpu.
    pub rate: RateCell,
    /// The ceil's cell_log and mpu.
    pub ceil: RateCell,
    /// TC_LINKLAYER_* of the rate.
    pub linklayer: u8,
}

/// One element of `tc -j class show` (tc 6.1 prints text for `-j class`, so these keys
/// follow tc's print calls: class, handle, dev, root/parent, leaf, then options flat).
pub fn class_json(r: &ClassRow) -> Value {
    let mut m = Obj::new();
    put(&mut m, "class", r.kind.clone());
    put(&mut m, "handle", names::tc_handle(r.handle));
    if let Some(d) = &r.dev {
        put(&mut m, "dev", d.clone());
    }
    if r.parent == names::TC_H_ROOT {
        put(&mut m, "root", true);
    } else {
        put(&mut m, "parent", names::tc_handle(r.parent));
    }
    if r.leaf != 0 {
        put(&mut m, "leaf", format!("{:x}:", r.leaf >> 16));
    }
    match &r.options {
        ClassOptions::None => {}
        ClassOptions::Htb {
            prio,
            rate,
            ceil,
            burst,
            cburst,
        } => {
            if let Some(p) = prio {
                put(&mut m, "prio", *p);
                if let Some(d) = &r.details {
                    put(&mut m, "quantum", d.quantum);
                }
            }
            put(&mut m, "rate", *rate);
            put(&mut m, "ceil", *ceil);
            put(&mut m, "burst", *burst);
            put(&mut m, "cburst", *cburst);
        }
        ClassOptions::Other(kv) => m.extend(kv.iter().cloned()),
    }
    // tc 6.2+ (the first with class JSON): a "stats" object, htb's xstats inside it
    if r.stats.is_some() || r.htb_xstats.is_some() {
        let mut st = Obj::new();
        if let Some(s) = &r.stats {
            tc_stats_json(&mut st, s);
        }
        if let Some(x) = r.htb_xstats {
            put(&mut st, "lended", x.lends);
            put(&mut st, "borrowed", x.borrows);
            put(&mut st, "giants", x.giants);
            put(&mut st, "tokens", x.tokens);
            put(&mut st, "ctokens", x.ctokens);
        }
        put(&mut m, "stats", st);
    }
    Value::Object(m)
}

/// `tc class show` text for one class.
pub fn class_text(r: &ClassRow) -> String {
    let mut s = format!("class {} {} ", r.kind, names::tc_handle(r.handle));
    if let Some(d) = &r.dev {
        let _ = write!(s, "dev {d} ");
    }
    if r.parent == names::TC_H_ROOT {
        s.push_str("root ");
    } else {
        let _ = write!(s, "parent {} ", names::tc_handle(r.parent));
    }
    if r.leaf != 0 {
        let _ = write!(s, "leaf {:x}: ", r.leaf >> 16);
    }
    match &r.options {
        ClassOptions::None => {}
        ClassOptions::Htb {
            prio,
            rate,
            ceil,
            burst,
            cburst,
        } => {
            if let Some(p) = prio {
                let _ = write!(s, "prio {p} ");
                if let Some(d) = &r.details {
                    let _ = write!(s, "quantum {} ", d.quantum);
                }
            }
            let _ = write!(s, "rate {} ceil {} ", tc_rate(*rate), tc_rate(*ceil));
            match &r.details {
                Some(d) => {
                    let _ = write!(
                        s,
                        "linklayer {} burst {}/{} mpu {} cburst {}/{} mpu {} level {} ",
                        linklayer_name(d.linklayer),
                        tc_size(*burst),
                        1u32 << d.rate.cell_log,
                        tc_size(d.rate.mpu.into()),
                        tc_size(*cburst),
                        1u32 << d.ceil.cell_log,
                        tc_size(d.ceil.mpu.into()),
                        d.level
                    );
                }
                None => {
                    let _ = write!(s, "burst {} cburst {} ", tc_size(*burst), tc_size(*cburst));
                }
            }
        }
        ClassOptions::Other(kv) => {
            for (k, v) in kv {
                let _ = write!(s, "{k} {} ", value_text(v));
            }
        }
    }
    s.push('\n');
    // tc 6.1's print_class: the statistics and a newline, then the kind's xstats and
    // a newline
    if let Some(st) = &r.stats {
        s.push_str(&tc_stats_text(st, " "));
        s.push('\n');
    }
    if let Some(x) = r.htb_xstats {
        let _ = write!(
            s,
            " lended: {} borrowed: {} giants: {}\n tokens: {} ctokens: {}\n\n",
            x.lends, x.borrows, x.giants, x.tokens, x.ctokens
        );
    }
    s
}

/// One u32 selector key (struct tc_u32_key), values in network order read as numbers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct U32KeyRow {
    /// val.
    pub val: u32,
    /// mask.
    pub mask: u32,
    /// off.
    pub off: i32,
    /// offmask (non-zero prints `nexthdr+`).
    pub offmask: i32,
}

/// TC_ACT_* verdict names as tc prints them (`control_action`).
pub fn tc_act_name(v: i32) -> String {
    match v {
        -1 => "continue".into(),
        0 => "pass".into(),
        1 => "reclassify".into(),
        2 => "drop".into(),
        3 => "pipe".into(),
        4 => "stolen".into(),
        5 => "queued".into(),
        6 => "repeat".into(),
        7 => "redirect".into(),
        8 => "trap".into(),
        n => n.to_string(),
    }
}

/// One action of a filter (TCA_ACT_* in the filter's action list).
#[derive(Clone, Debug, PartialEq)]
pub struct TcActionRow {
    /// Position in the list (the nest's attribute type).
    pub order: u32,
    /// TCA_ACT_KIND.
    pub kind: String,
    /// mirred's struct tc_mirred eaction (TCA_EGRESS_REDIR 1, TCA_EGRESS_MIRROR 2,
    /// TCA_INGRESS_REDIR 3, TCA_INGRESS_MIRROR 4) and target device name.
    pub mirred: Option<(i32, String)>,
    /// The action's TC_ACT_* verdict (`action` field of tc_gen).
    pub control: i32,
    /// tc_gen index.
    pub index: u32,
    /// tc_gen refcnt.
    pub refcnt: i32,
    /// tc_gen bindcnt.
    pub bindcnt: i32,
    /// The action's struct tcf_t (its TCA_*_TM; printed with `-s`).
    pub tm: Option<ActionTimes>,
    /// TCA_ACT_STATS (printed with `-s`).
    pub stats: Option<TcStatsRow>,
}

/// struct tcf_t: an action's ages in clock ticks (USER_HZ, 100 a second).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ActionTimes {
    /// install.
    pub install: u64,
    /// lastuse.
    pub lastuse: u64,
    /// firstuse.
    pub firstuse: u64,
    /// expires.
    pub expires: u64,
}

/// USER_HZ: the clock ticks of a second in tcf_t (tc's get_user_hz).
const USER_HZ: u64 = 100;

impl ActionTimes {
    /// tc's print_tm: the non-zero ages in whole seconds, JSON key and text word.
    fn parts(&self) -> Vec<(&'static str, &'static str, u64)> {
        [
            ("installed", "installed", self.install),
            ("last_used", "used", self.lastuse),
            ("first_used", "firstused", self.firstuse),
            ("expires", "expires", self.expires),
        ]
        .into_iter()
        .filter(|p| p.2 != 0)
        .map(|(k, w, v)| (k, w, v / USER_HZ))
        .collect()
    }
}

fn action_json(a: &TcActionRow) -> Value {
    let mut m = Obj::new();
    put(&mut m, "order", a.order);
    put(&mut m, "kind", a.kind.clone());
    if let Some((e, dev)) = &a.mirred {
        put(
            &mut m,
            "mirred_action",
            if matches!(e, 1 | 3) {
                "redirect"
            } else {
                "mirror"
            },
        );
        put(
            &mut m,
            "direction",
            if matches!(e, 1 | 2) {
                "egress"
            } else {
                "ingress"
            },
        );
        put(&mut m, "to_dev", dev.clone());
    }
    let mut c = Obj::new();
    put(&mut c, "type", tc_act_name(a.control));
    put(&mut m, "control_action", c);
    put(&mut m, "index", a.index);
    put(&mut m, "ref", a.refcnt);
    put(&mut m, "bind", a.bindcnt);
    if let Some(tm) = &a.tm {
        for (k, _, v) in tm.parts() {
            put(&mut m, k, v);
        }
    }
    if let Some(st) = &a.stats {
        let mut o = Obj::new();
        tc_stats_json(&mut o, st);
        put(&mut m, "stats", o);
    }
    Value::Object(m)
}

fn action_text(a: &TcActionRow) -> String {
    let mut s = format!("\n\taction order {}: ", a.order);
    match &a.mirred {
        Some((e, dev)) => {
            let _ = write!(
                s,
                "mirred ({} {} to device {dev}) {}",
                if matches!(e, 1 | 2) {
                    "Egress"
                } else {
                    "Ingress"
                },
                if matches!(e, 1 | 3) {
                    "Redirect"
                } else {
                    "Mirror"
                },
                tc_act_name(a.control)
            );
        }
        None => {
            let _ = write!(s, "{} {}", a.kind, tc_act_name(a.control));
        }
    }
    let _ = write!(
        s,
        "\n\tindex {} ref {} bind {}",
        a.index, a.refcnt, a.bindcnt
    );
    if let Some(tm) = &a.tm {
        for (_, w, v) in tm.parts() {
            let _ = write!(s, " {w} {v} sec");
        }
    }
    s.push('\n');
    if let Some(st) = &a.stats {
        s.push_str("\tAction statistics:\n");
        s.push_str(&tc_stats_text(st, "\t"));
        s.push('\n');
    }
    s
}

/// Decoded TCA_OPTIONS of a filter.
#[derive(Clone, Debug, PartialEq)]
pub enum FilterOptions {
    /// u32.
    U32 {
        /// Filter handle (`fh`, printed `800::800`).
        fh: Option<u32>,
        /// TCA_U32_DIVISOR (hash table nodes).
        divisor: Option<u32>,
        /// TCA_U32_HASH (key nodes).
        hash: Option<u32>,
        /// TCA_U32_CLASSID.
        classid: Option<u32>,
        /// sel.flags & TC_U32_TERMINAL.
        terminal: bool,
        /// TCA_U32_FLAGS.
        flags: Option<u32>,
        /// sel.keys.
        keys: Vec<U32KeyRow>,
        /// TCA_U32_ACT.
        actions: Vec<TcActionRow>,
    },
    /// Anything else.
    Other(Vec<(String, Value)>),
}

/// One filter (RTM_NEWTFILTER).
#[derive(Clone, Debug, PartialEq)]
pub struct FilterRow {
    /// tcm_ifindex resolved (printed unless filtered by device).
    pub dev: Option<String>,
    /// tcm_parent (None when the listing was filtered by parent: tc does not print it).
    pub parent: Option<u32>,
    /// TC_H_MIN(tcm_info): ETH_P_* protocol (host order); 0 with pref 0 = not printed.
    pub protocol: u16,
    /// TC_H_MAJ(tcm_info) >> 16.
    pub pref: u16,
    /// TCA_KIND.
    pub kind: String,
    /// TCA_CHAIN.
    pub chain: Option<u32>,
    /// TCA_OPTIONS (None = absent, no `options` key).
    pub options: Option<FilterOptions>,
}

fn u32_handle(h: u32) -> String {
    let htid = h >> 20;
    let hash = (h >> 12) & 0xff;
    let node = h & 0xfff;
    let mut s = String::new();
    if htid != 0 {
        let _ = write!(s, "{htid:x}");
    }
    s.push(':');
    if hash != 0 {
        let _ = write!(s, "{hash:x}");
    }
    if node != 0 {
        let _ = write!(s, ":{node:x}");
    }
    s
}

fn filter_parent(p: u32) -> (Option<&'static str>, String) {
    match p {
        names::TC_H_ROOT => (Some("root"), String::new()),
        0xffff_fff2 => (None, "ingress".into()),
        0xffff_fff3 => (None, "egress".into()),
        p => (None, names::tc_handle(p)),
    }
}

fn proto_name(p: u16) -> String {
    names::lookup_name(names::ETH_P, p.into()).map_or_else(|| format!("{p:04x}"), str::to_string)
}

/// One element of `tc -j filter show`. (tc prints one `"match"` key per u32 key; JSON
/// objects here cannot repeat keys, so several keys come out as a `"match"` array.)
pub fn filter_json(r: &FilterRow) -> Value {
    let mut m = Obj::new();
    if let Some(d) = &r.dev {
        put(&mut m, "dev", d.clone());
    }
    match r.parent.map(filter_parent) {
        None => {}
        Some((Some(_), _)) => put(&mut m, "root", true),
        Some((None, p)) => put(&mut m, "parent", p),
    }
    if r.protocol != 0 || r.pref != 0 {
        put(&mut m, "protocol", proto_name(r.protocol));
        put(&mut m, "pref", r.pref);
    }
    put(&mut m, "kind", r.kind.clone());
    if let Some(c) = r.chain {
        put(&mut m, "chain", c);
    }
    if let Some(opts) = &r.options {
        let mut o = Obj::new();
        match opts {
            FilterOptions::U32 {
                fh,
                divisor,
                hash,
                classid,
                terminal,
                flags,
                keys,
                actions,
            } => {
                if let Some(h) = fh.filter(|h| *h != 0) {
                    put(&mut o, "fh", u32_handle(h));
                    if h & 0xfff != 0 {
                        put(&mut o, "order", h & 0xfff);
                    }
                }
                if let Some(d) = divisor {
                    put(&mut o, "ht_divisor", *d);
                } else if let Some(h) = hash {
                    put(&mut o, "key_ht", format!("{:x}", h >> 20));
                    put(&mut o, "bkt", format!("{:x}", (h >> 12) & 0xff));
                }
                if let Some(c) = classid {
                    let _ = terminal;
                    put(&mut o, "flowid", names::tc_handle(*c));
                }
                if let Some(f) = flags {
                    if f & 1 != 0 {
                        put(&mut o, "skip_hw", true);
                    }
                    if f & 2 != 0 {
                        put(&mut o, "skip_sw", true);
                    }
                    put(&mut o, if f & 4 != 0 { "in_hw" } else { "not_in_hw" }, true);
                }
                let km: Vec<Value> = keys
                    .iter()
                    .map(|k| {
                        let mut x = Obj::new();
                        put(&mut x, "value", format!("{:x}", k.val));
                        put(&mut x, "mask", format!("{:x}", k.mask));
                        put(
                            &mut x,
                            "offmask",
                            if k.offmask != 0 { "nexthdr+" } else { "" },
                        );
                        put(&mut x, "off", k.off);
                        Value::Object(x)
                    })
                    .collect();
                // tc prints one "match" member per key, the same key repeated
                for (i, k) in km.into_iter().enumerate() {
                    o.insert(repeated_key("match", i), k);
                }
                if !actions.is_empty() {
                    put(
                        &mut o,
                        "actions",
                        actions.iter().map(action_json).collect::<Vec<_>>(),
                    );
                }
            }
            FilterOptions::Other(kv) => o.extend(kv.iter().cloned()),
        }
        put(&mut m, "options", o);
    }
    Value::Object(m)
}

/// `tc filter show` text for one filter.
pub fn filter_text(r: &FilterRow) -> String {
    let mut s = String::from("filter ");
    if let Some(d) = &r.dev {
        let _ = write!(s, "dev {d} ");
    }
    match r.parent.map(filter_parent) {
        None => {}
        Some((Some(_), _)) => s.push_str("root "),
        Some((None, p)) => {
            let _ = write!(s, "parent {p} ");
        }
    }
    if r.protocol != 0 || r.pref != 0 {
        let _ = write!(s, "protocol {} pref {} ", proto_name(r.protocol), r.pref);
    }
    let _ = write!(s, "{} ", r.kind);
    if let Some(c) = r.chain {
        let _ = write!(s, "chain {c} ");
    }
    match &r.options {
        None => {}
        Some(FilterOptions::U32 {
            fh,
            divisor,
            hash,
            classid,
            terminal,
            flags,
            keys,
            actions,
        }) => {
            if let Some(h) = fh.filter(|h| *h != 0) {
                let _ = write!(s, "fh {} ", u32_handle(h));
                if h & 0xfff != 0 {
                    let _ = write!(s, "order {} ", h & 0xfff);
                }
            }
            if let Some(d) = divisor {
                let _ = write!(s, "ht divisor {d} ");
            } else if let Some(h) = hash {
                let _ = write!(s, "key ht {:x} bkt {:x} ", h >> 20, (h >> 12) & 0xff);
            }
            if let Some(c) = classid {
                let _ = write!(
                    s,
                    "{}flowid {} ",
                    if *terminal { "" } else { "*" },
                    names::tc_handle(*c)
                );
            } else if *terminal {
                s.push_str("terminal flowid ");
            }
            if let Some(f) = flags {
                if f & 1 != 0 {
                    s.push_str("skip_hw ");
                }
                if f & 2 != 0 {
                    s.push_str("skip_sw ");
                }
                s.push_str(if f & 4 != 0 { "in_hw " } else { "not_in_hw " });
            }
            for k in keys {
                let _ = write!(
                    s,
                    "\n  match {:08x}/{:08x} at {}{}",
                    k.val,
                    k.mask,
                    if k.offmask != 0 { "nexthdr+" } else { "" },
                    k.off
                );
            }
            for a in actions {
                s.push_str(&action_text(a));
            }
        }
        Some(FilterOptions::Other(kv)) => {
            for (k, v) in kv {
                let _ = write!(s, "{k} {} ", value_text(v));
            }
        }
    }
    s.push('\n');
    s
}

// ---------------------------------------------------------------------------------------
// Monitor events
// ---------------------------------------------------------------------------------------

/// The `[LINK]`-style banner `ip monitor` (all objects) puts before each event.
pub fn monitor_banner(obj: super::parse::MonitorObject) -> &'static str {
    use super::parse::MonitorObject as M;
    match obj {
        M::Link => "[LINK]",
        M::Address => "[ADDR]",
        M::Route => "[ROUTE]",
        M::Neigh => "[NEIGH]",
        M::Rule => "[RULE]",
        M::Nsid => "[NSID]",
        M::Nexthop => "[NEXTHOP]",
        M::Netconf => "[NETCONF]",
        M::Prefix => "[PREFIX]",
        M::All => "",
    }
}

/// Marks a JSON event as a deletion like ip (`"deleted": true` as the first key).
pub fn deleted_json(v: Value) -> Value {
    match v {
        Value::Object(m) => {
            let mut out = Obj::new();
            out.insert("deleted".into(), Value::Bool(true));
            out.extend(m);
            Value::Object(out)
        }
        other => other,
    }
}

fn event(deleted: bool, body: String) -> String {
    if deleted {
        format!("Deleted {body}")
    } else {
        body
    }
}

/// `ip monitor link` text for RTM_NEWLINK / RTM_DELLINK (no `mode`, no `qlen`).
pub fn link_event_text(r: &LinkRow, deleted: bool) -> String {
    event(deleted, link_text_lines(r, &Opts::default(), false, false))
}

/// `ip monitor address` text for RTM_NEWADDR / RTM_DELADDR: `IDX: NAME` then the address.
pub fn addr_event_text(ifindex: i32, ifname: &str, a: &AddrInfo, deleted: bool) -> String {
    event(deleted, format!("{ifindex}: {ifname}{}", addr_info_text(a)))
}

/// `ip monitor route` text for RTM_NEWROUTE / RTM_DELROUTE.
pub fn route_event_text(r: &RouteRow, deleted: bool) -> String {
    event(deleted, route_text(r, &Opts::default()))
}

/// `ip monitor neigh` text for RTM_NEWNEIGH / RTM_DELNEIGH.
pub fn neigh_event_text(r: &NeighRow, deleted: bool) -> String {
    event(deleted, neigh_text(r))
}

/// `ip monitor rule` text for RTM_NEWRULE / RTM_DELRULE.
pub fn rule_event_text(r: &RuleRow, deleted: bool) -> String {
    event(deleted, rule_text(r, &Opts::default()))
}

// ---------------------------------------------------------------------------------------
// Whole listings
// ---------------------------------------------------------------------------------------

impl Opts {
    /// The output switches of the global options (`-d`, `-s`).
    pub fn from_global(g: &super::parse::GlobalOpts) -> Opts {
        Opts {
            details: g.details,
            stats: g.stats,
            addr_family: 0,
        }
    }
}

/// `-o`: the lines of one record joined with `\\` like iproute2's `_SL_`.
pub fn oneline(record: &str) -> String {
    let body = record.strip_suffix('\n').unwrap_or(record);
    format!("{}\n", body.replace('\n', "\\"))
}

fn listing<R>(
    rows: &[R],
    g: &super::parse::GlobalOpts,
    json: impl Fn(&R) -> Value,
    text: impl Fn(&R) -> String,
) -> String {
    if g.json {
        return json_array(rows.iter().map(json).collect(), g.pretty);
    }
    rows.iter()
        .map(|r| {
            if g.oneline {
                oneline(&text(r))
            } else {
                text(r)
            }
        })
        .collect()
}

/// Marks a repeated member in a [`Value`] object: iproute2 can print one key several
/// times in an object (tc's u32 filter prints a `"match"` member per key), which a
/// `serde_json` map cannot hold. The n-th repetition (n > 0) of key `k` is stored as
/// `k` + this character + `n`, and [`ip_json`] / [`JsonObjText`] write every key only up
/// to it, so the output repeats `k` as tc does. No iproute2 key contains it: its keys are
/// C strings, which cannot hold a NUL.
pub const KEY_REPEAT: char = '\0';

/// The map key for the `n`-th (from 0) member named `key` of one object (see
/// [`KEY_REPEAT`]): `key` itself for the first.
pub fn repeated_key(key: &str, n: usize) -> String {
    if n == 0 {
        key.to_string()
    } else {
        format!("{key}{KEY_REPEAT}{n}")
    }
}

/// The key as printed: up to a [`KEY_REPEAT`] mark.
fn printed_key(k: &str) -> &str {
    match k.as_bytes().iter().position(|&b| b == KEY_REPEAT as u8) {
        Some(i) => k.get(..i).unwrap_or(k),
        None => k,
    }
}

/// Text output the JSON writers append to: a `String`, or the byte buffer of a streamed
/// listing (`Vec<u8>`, where appending a few bytes is one bounded copy and no UTF-8
/// bookkeeping). Everything appended is UTF-8.
pub trait TextOut {
    /// Appends text.
    fn push_text(&mut self, s: &str);
    /// Appends ASCII bytes (digits, dots, punctuation).
    fn push_ascii(&mut self, b: &[u8]);
}

impl TextOut for String {
    fn push_text(&mut self, s: &str) {
        self.push_str(s);
    }
    fn push_ascii(&mut self, b: &[u8]) {
        // ASCII by contract; anything else would be dropped, never mis-encoded
        self.push_str(std::str::from_utf8(b).unwrap_or_default());
    }
}

impl TextOut for Vec<u8> {
    #[inline]
    fn push_text(&mut self, s: &str) {
        self.extend_from_slice(s.as_bytes());
    }
    #[inline]
    fn push_ascii(&mut self, b: &[u8]) {
        self.extend_from_slice(b);
    }
}

/// Appends `s` as a JSON string the way iproute2's json writer escapes it. One pass: the
/// runs between escaped bytes (all of `s`, for names and addresses) are copied whole.
pub fn json_string_into<T: TextOut + ?Sized>(out: &mut T, s: &str) {
    out.push_ascii(b"\"");
    let mut plain = 0;
    for (i, b) in s.bytes().enumerate() {
        let esc: &[u8] = match b {
            b'\t' => b"\\t",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            0x0c => b"\\f",
            0x08 => b"\\b",
            b'\\' => b"\\\\",
            b'"' => b"\\\"",
            _ => continue,
        };
        // the bytes before an escaped one end on a char boundary (it is ASCII)
        out.push_text(s.get(plain..i).unwrap_or_default());
        out.push_ascii(esc);
        plain = i + 1;
    }
    out.push_text(s.get(plain..).unwrap_or_default());
    out.push_ascii(b"\"");
}

/// Where an object's fields go: a `serde_json` map (the [`Value`] form the monitor and
/// the tests use) or compact JSON text written directly (the streamed listings). An
/// object renderer is written once against this.
pub trait ObjSink {
    /// A string field.
    fn put_str(&mut self, k: &str, v: &str);
    /// A number field.
    fn put_num(&mut self, k: &str, v: u64);
    /// A list-of-strings field.
    fn put_strs(&mut self, k: &str, v: &[&str]);
    /// Any other value.
    fn put_value(&mut self, k: &str, v: Value);
    /// An address as a string field, with `/prefix` when one is given (what `ip` prints
    /// for `dst`, `gateway`, `prefsrc`, ...).
    fn put_ip(&mut self, k: &str, ip: IpAddr, prefix: Option<u8>) {
        let mut t = String::with_capacity(50);
        push_ip(&mut t, ip, prefix);
        self.put_str(k, &t);
    }
}

/// Appends `n` in decimal.
pub fn push_u64<T: TextOut + ?Sized>(out: &mut T, n: u64) {
    let mut b = [0u8; 20];
    let i = digits(&mut b, n);
    out.push_ascii(b.get(i..).unwrap_or_default());
}

/// Writes `n` in decimal at the end of `b`; returns where the digits start.
fn digits(b: &mut [u8; 20], mut n: u64) -> usize {
    let mut i = b.len();
    loop {
        i -= 1;
        b[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return i;
        }
    }
}

/// The decimal text of every byte value, as 4 bytes (digits, zero padding) and a length:
/// an IPv4 octet is one table load and one 4-byte copy.
const OCTETS: [([u8; 4], u8); 256] = {
    let mut t = [([0u8; 4], 0u8); 256];
    let mut i = 0;
    while i < 256 {
        let o = i as u8;
        t[i] = if o >= 100 {
            ([b'0' + o / 100, b'0' + o / 10 % 10, b'0' + o % 10, 0], 3)
        } else if o >= 10 {
            ([b'0' + o / 10, b'0' + o % 10, 0, 0], 2)
        } else {
            ([b'0' + o, 0, 0, 0], 1)
        };
        i += 1;
    }
    t
};

/// Appends an address as text (`10.0.0.1`, `fe80::1`), then `/prefix` if given. IPv4
/// is written from a table of octets (listings print one or two per object); IPv6
/// through its `Display`, which compresses zeros as RFC 5952 says.
pub fn push_ip<T: TextOut + ?Sized>(out: &mut T, ip: IpAddr, prefix: Option<u8>) {
    // "255.255.255.255/255" at the most, plus the slack of the last 4-byte copy
    let mut t = [0u8; 24];
    let mut n = 0;
    match ip {
        IpAddr::V4(a) => {
            for (i, o) in a.octets().into_iter().enumerate() {
                let (d, len) = OCTETS[usize::from(o)];
                if i > 0 {
                    t[n] = b'.';
                    n += 1;
                }
                t[n..n + 4].copy_from_slice(&d);
                n += usize::from(len);
            }
        }
        IpAddr::V6(a) => {
            let _ = write!(FmtOut(out), "{a}");
        }
    }
    if let Some(p) = prefix {
        t[n] = b'/';
        let (d, len) = OCTETS[usize::from(p)];
        t[n + 1..n + 5].copy_from_slice(&d);
        n += 1 + usize::from(len);
    }
    out.push_ascii(t.get(..n).unwrap_or_default());
}

/// `write!` into a [`TextOut`] (for what only a `Display` prints, such as IPv6 text).
struct FmtOut<'a, T: TextOut + ?Sized>(&'a mut T);

impl<T: TextOut + ?Sized> std::fmt::Write for FmtOut<'_, T> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.push_text(s);
        Ok(())
    }
}

impl ObjSink for Obj {
    fn put_str(&mut self, k: &str, v: &str) {
        put(self, k, v);
    }
    fn put_num(&mut self, k: &str, v: u64) {
        put(self, k, v);
    }
    fn put_strs(&mut self, k: &str, v: &[&str]) {
        put(
            self,
            k,
            v.iter().map(|s| Value::from(*s)).collect::<Vec<_>>(),
        );
    }
    fn put_value(&mut self, k: &str, v: Value) {
        put(self, k, v);
    }
}

/// One object as compact JSON text, byte for byte what [`ip_json`] prints for the same
/// fields (`{"k":v,...}`).
pub struct JsonObjText<'a> {
    out: &'a mut Vec<u8>,
    n: usize,
}

impl<'a> JsonObjText<'a> {
    /// Opens the object (`{`); [`close`](Self::close) ends it.
    pub fn open(out: &'a mut Vec<u8>) -> Self {
        out.push(b'{');
        JsonObjText { out, n: 0 }
    }
    /// Closes the object.
    pub fn close(self) {
        self.out.push(b'}');
    }
    fn key(&mut self, k: &str) {
        if self.n > 0 {
            self.out.push(b',');
        }
        self.n += 1;
        // ip's names (letters, digits, '_', '-') are written as they are; others (a
        // KEY_REPEAT mark, a quote) are escaped
        if plain_key(k) {
            self.out.push(b'"');
            self.out.extend_from_slice(k.as_bytes());
            self.out.extend_from_slice(b"\":");
        } else {
            json_string_into(self.out, printed_key(k));
            self.out.push(b':');
        }
    }
}

/// Whether `k` is a plain member name (letters, digits, '_', '-'), which JSON text holds
/// as it is: one table load per byte (keys are checked for every member written).
fn plain_key(k: &str) -> bool {
    const PLAIN: [bool; 256] = {
        let mut t = [false; 256];
        let mut b = 0;
        while b < 256 {
            let c = b as u8;
            t[b] = c.is_ascii_alphanumeric() || c == b'_' || c == b'-';
            b += 1;
        }
        t
    };
    k.bytes().all(|b| PLAIN[usize::from(b)])
}

impl ObjSink for JsonObjText<'_> {
    fn put_str(&mut self, k: &str, v: &str) {
        self.key(k);
        json_string_into(self.out, v);
    }
    fn put_num(&mut self, k: &str, v: u64) {
        self.key(k);
        push_u64(self.out, v);
    }
    fn put_ip(&mut self, k: &str, ip: IpAddr, prefix: Option<u8>) {
        self.key(k);
        self.out.push(b'"');
        push_ip(self.out, ip, prefix);
        self.out.push(b'"');
    }
    fn put_strs(&mut self, k: &str, v: &[&str]) {
        self.key(k);
        self.out.push(b'[');
        for (i, s) in v.iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            json_string_into(self.out, s);
        }
        self.out.push(b']');
    }
    fn put_value(&mut self, k: &str, v: Value) {
        self.key(k);
        self.out
            .extend_from_slice(ip_json(&v, false).trim_end_matches('\n').as_bytes());
    }
}

/// A listing written item by item as the dump delivers them, so that memory does not
/// grow with the number of objects. Compact JSON (`[a,b,...]`) and text stream; `-p`
/// (pretty JSON) output is the same bytes as [`json_array`] would give for all items.
pub struct ListingWriter<'w> {
    out: &'w mut dyn std::io::Write,
    json: bool,
    pretty: bool,
    oneline: bool,
    n: usize,
    pending: Vec<Value>,
    /// Compact JSON items not yet handed to `out` (see [`json_item`](Self::json_item)).
    buf: Vec<u8>,
}

/// How much compact JSON [`ListingWriter::json_item`] gathers before writing it out.
const LISTING_BLOCK: usize = 1 << 14;

impl<'w> ListingWriter<'w> {
    /// A writer for the output options in `g`.
    pub fn new(out: &'w mut dyn std::io::Write, g: &super::parse::GlobalOpts) -> Self {
        ListingWriter {
            out,
            json: g.json,
            pretty: g.pretty,
            oneline: g.oneline,
            n: 0,
            pending: Vec::new(),
            buf: Vec::new(),
        }
    }

    /// Whether items are wanted as JSON (else as text).
    pub fn is_json(&self) -> bool {
        self.json
    }

    /// Writes one JSON item.
    pub fn json(&mut self, v: Value) -> std::io::Result<()> {
        if self.pretty {
            self.pending.push(v);
            return Ok(());
        }
        self.flush_block()?;
        let sep: &[u8] = if self.n == 0 { b"[" } else { b"," };
        self.n += 1;
        self.out.write_all(sep)?;
        // ip_json ends a top-level value with a newline; inside the array it must not
        self.out
            .write_all(ip_json(&v, false).trim_end_matches('\n').as_bytes())
    }

    /// Writes one JSON item that `write` renders as compact text (see [`JsonObjText`])
    /// straight into the listing's block, which goes out whenever it reaches 16 KiB; with
    /// `-p` the text is parsed back and pretty-printed with the rest.
    pub fn json_item(&mut self, write: impl FnOnce(&mut Vec<u8>)) -> std::io::Result<()> {
        if self.pretty {
            let mut t = Vec::new();
            write(&mut t);
            let v = serde_json::from_slice(&t).map_err(std::io::Error::other)?;
            self.pending.push(v);
            return Ok(());
        }
        if self.buf.capacity() == 0 {
            self.buf.reserve(LISTING_BLOCK + 1024);
        }
        self.buf.push(if self.n == 0 { b'[' } else { b',' });
        self.n += 1;
        write(&mut self.buf);
        if self.buf.len() >= LISTING_BLOCK {
            self.flush_block()?;
        }
        Ok(())
    }

    /// Hands the gathered JSON items to `out`.
    fn flush_block(&mut self) -> std::io::Result<()> {
        if !self.buf.is_empty() {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    /// Writes one text item.
    pub fn text(&mut self, t: &str) -> std::io::Result<()> {
        self.flush_block()?;
        self.n += 1;
        if self.oneline {
            self.out.write_all(oneline(t).as_bytes())
        } else {
            self.out.write_all(t.as_bytes())
        }
    }

    /// Ends the listing (closes the JSON array).
    pub fn finish(mut self) -> std::io::Result<()> {
        self.flush_block()?;
        if self.json {
            if self.pretty {
                self.out
                    .write_all(json_array(self.pending, true).as_bytes())?;
            } else if self.n == 0 {
                self.out
                    .write_all(json_array(Vec::new(), false).as_bytes())?;
            } else {
                self.out.write_all(b"]\n")?;
            }
        }
        self.out.flush()
    }
}

/// The whole output of `ip [-j [-p]] [-br] [-o] [-d] [-s] link show` for these rows.
pub fn render_links(rows: &[LinkRow], g: &super::parse::GlobalOpts) -> String {
    let o = Opts::from_global(g);
    if g.brief {
        return listing(rows, g, link_brief_json, link_brief_text);
    }
    listing(rows, g, |r| link_json(r, &o), |r| link_text(r, &o))
}

/// The whole output of `ip [-j [-p]] [-br] [-o] address show` for these rows (with `-o`,
/// one line per address, as `IDX: NAME    inet ...`); `family` is the one the command
/// selects (see [`Opts::addr_family`]).
pub fn render_addrs(rows: &[AddrRow], g: &super::parse::GlobalOpts, family: u8) -> String {
    let o = Opts {
        addr_family: family,
        ..Opts::from_global(g)
    };
    if g.brief {
        return listing(rows, g, addr_brief_json, addr_brief_text);
    }
    if g.oneline && family != names::AF_PACKET && g.json {
        // ip -j -o: no link part; each address carries its link's index and name
        let items = rows.iter().map(|r| {
            let list: Vec<Value> = r
                .addr_info
                .iter()
                .map(|a| {
                    let mut x = Obj::new();
                    put(&mut x, "index", r.link.ifindex);
                    put(&mut x, "dev", r.link.ifname.clone());
                    x.extend(addr_info_obj(a));
                    Value::Object(x)
                })
                .collect();
            let mut m = Obj::new();
            put(&mut m, "addr_info", list);
            Value::Object(m)
        });
        return json_array(items.collect(), g.pretty);
    }
    if g.oneline && family != names::AF_PACKET {
        return rows
            .iter()
            .flat_map(|r| {
                r.addr_info.iter().map(move |a| {
                    oneline(&format!(
                        "{}: {}{}",
                        r.link.ifindex,
                        r.link.ifname,
                        addr_info_text(a)
                    ))
                })
            })
            .collect();
    }
    listing(rows, g, |r| addr_json(r, &o), |r| addr_text(r, &o))
}

/// The whole output of `ip [-j [-p]] route show` (keys the selectors fix left out).
pub fn render_routes(rows: &[RouteRow], g: &super::parse::GlobalOpts, hide: &RouteHide) -> String {
    let o = Opts::from_global(g);
    listing(
        rows,
        g,
        |r| route_json_hiding(r, &o, hide),
        |r| route_text_hiding(r, &o, hide),
    )
}

/// The whole output of `ip [-j [-p]] [-s] neigh show`.
pub fn render_neighs(rows: &[NeighRow], g: &super::parse::GlobalOpts) -> String {
    if g.stats > 0 {
        return listing(rows, g, neigh_json, neigh_text);
    }
    // ages and probes only with -s
    let bare = |r: &NeighRow| NeighRow {
        cacheinfo: None,
        probes: None,
        ..r.clone()
    };
    listing(rows, g, |r| neigh_json(&bare(r)), |r| neigh_text(&bare(r)))
}

/// The whole output of `ip [-j [-p]] rule show`.
pub fn render_rules(rows: &[RuleRow], g: &super::parse::GlobalOpts) -> String {
    let o = Opts::from_global(g);
    listing(rows, g, |r| rule_json(r, &o), |r| rule_text(r, &o))
}

/// The whole output of `tc [-j [-p]] [-s] [-d] qdisc show`.
pub fn render_qdiscs(rows: &[QdiscRow], g: &super::parse::GlobalOpts) -> String {
    if g.stats > 0 && g.details {
        return listing(rows, g, qdisc_json, qdisc_text);
    }
    // statistics only with -s, details only with -d
    let bare = |r: &QdiscRow| QdiscRow {
        stats: r.stats.clone().filter(|_| g.stats > 0),
        details: r.details.filter(|_| g.details),
        ..r.clone()
    };
    listing(rows, g, |r| qdisc_json(&bare(r)), |r| qdisc_text(&bare(r)))
}

/// The whole output of `tc [-j [-p]] [-s] [-d] class show`.
pub fn render_classes(rows: &[ClassRow], g: &super::parse::GlobalOpts) -> String {
    if g.stats > 0 && g.details {
        return listing(rows, g, class_json, class_text);
    }
    let bare = |r: &ClassRow| ClassRow {
        stats: r.stats.clone().filter(|_| g.stats > 0),
        htb_xstats: r.htb_xstats.filter(|_| g.stats > 0),
        details: r.details.filter(|_| g.details),
        ..r.clone()
    };
    listing(rows, g, |r| class_json(&bare(r)), |r| class_text(&bare(r)))
}

/// The whole output of `tc [-j [-p]] [-s] filter show` (actions' ages and statistics
/// only with `-s`).
pub fn render_filters(rows: &[FilterRow], g: &super::parse::GlobalOpts) -> String {
    if g.stats > 0 {
        return listing(rows, g, filter_json, filter_text);
    }
    let bare = |r: &FilterRow| {
        let mut r = r.clone();
        if let Some(FilterOptions::U32 { actions, .. }) = &mut r.options {
            for a in actions {
                a.tm = None;
                a.stats = None;
            }
        }
        r
    };
    listing(
        rows,
        g,
        |r| filter_json(&bare(r)),
        |r| filter_text(&bare(r)),
    )
}

/// Writes JSON byte for byte like iproute2's `json_writer` (what `ip -j` and `ip -j -p`
/// print): compact without blanks, or pretty with 4-blank indents, `[ {` openers,
/// `},{` between objects, arrays of scalars on one line (`[ "UP","LOWER_UP" ]`).
pub fn ip_json(v: &Value, pretty: bool) -> String {
    struct W {
        out: String,
        depth: usize,
        sep: bool,
        pretty: bool,
    }
    impl W {
        fn eor(&mut self) {
            if self.sep {
                self.out.push(',');
            }
            self.sep = true;
        }
        fn eol(&mut self) {
            if self.pretty {
                self.out.push('\n');
                for _ in 0..self.depth {
                    self.out.push_str("    ");
                }
            }
        }
        fn begin(&mut self, c: char) {
            self.eor();
            self.out.push(c);
            self.depth += 1;
            self.sep = false;
        }
        fn end(&mut self, c: char) {
            self.depth = self.depth.saturating_sub(1);
            if self.sep {
                self.eol();
            }
            self.out.push(c);
            self.sep = true;
        }
        fn string(&mut self, s: &str) {
            json_string_into(&mut self.out, s);
        }
        fn value(&mut self, v: &Value) {
            match v {
                Value::Object(m) => {
                    self.begin('{');
                    for (k, v) in m {
                        self.eor();
                        self.eol();
                        self.sep = false;
                        self.string(printed_key(k));
                        self.out.push(':');
                        if self.pretty {
                            self.out.push(' ');
                        }
                        self.value(v);
                    }
                    self.end('}');
                }
                Value::Array(a) => {
                    self.begin('[');
                    if self.pretty {
                        self.out.push(' ');
                    }
                    for x in a {
                        self.value(x);
                    }
                    if self.pretty && self.sep {
                        self.out.push(' ');
                    }
                    self.sep = false;
                    self.end(']');
                }
                Value::String(s) => {
                    self.eor();
                    self.string(s);
                }
                // the only floats ip prints are bridge timers, as "%i.%.2i"
                Value::Number(n) if n.is_f64() => {
                    self.eor();
                    let _ = write!(self.out, "{:.2}", n.as_f64().unwrap_or(0.0));
                }
                other => {
                    self.eor();
                    self.out.push_str(&other.to_string());
                }
            }
        }
    }
    let mut w = W {
        out: String::new(),
        depth: 0,
        sep: false,
        pretty,
    };
    w.value(v);
    w.out.push('\n');
    w.out
}

/// The whole output of an `ip -j` / `tc -j` listing: the elements as a JSON array,
/// newline-terminated, compact or pretty (`-p`), byte-compatible with iproute2.
pub fn json_array(items: Vec<Value>, pretty: bool) -> String {
    ip_json(&Value::Array(items), pretty)
}

#[cfg(test)]
mod listing_writer_tests {
    use super::*;

    #[test]
    fn direct_route_json_is_byte_identical_to_the_value_form() {
        let base = RouteRow {
            family: names::AF_INET,
            kind: names::RTN_UNICAST,
            dst: Some("10.1.0.0".parse().unwrap()),
            dst_len: 16,
            gateway: Some("10.0.0.2".parse().unwrap()),
            dev: Some("ve\"th0".into()),
            table: names::RT_TABLE_MAIN,
            protocol: names::RTPROT_BOOT,
            metric: Some(7),
            ..Default::default()
        };
        let with_more = RouteRow {
            kind: 6,
            table: 100,
            flags: 0x4,
            metrics: vec![(2, MetricValue::U32(1400))],
            nexthops: vec![NexthopRow {
                gateway: Some("10.0.0.3".parse().unwrap()),
                hops: 1,
                ..Default::default()
            }],
            ..base.clone()
        };
        for (r, o) in [
            (&base, Opts::default()),
            (
                &with_more,
                Opts {
                    details: true,
                    ..Default::default()
                },
            ),
        ] {
            for h in [
                RouteHide::default(),
                RouteHide {
                    gateway: true,
                    dev: true,
                    ..Default::default()
                },
            ] {
                let mut direct = Vec::new();
                write_route_json(r, &o, &h, &mut direct);
                assert_eq!(
                    format!("{}\n", String::from_utf8(direct).unwrap()),
                    ip_json(&route_json_hiding(r, &o, &h), false)
                );
            }
        }
    }

    #[test]
    fn streamed_listing_is_byte_identical_to_the_collected_one() {
        let items = vec![
            serde_json::json!({"dst": "10.0.0.0/8", "gateway": "10.1.1.1", "flags": []}),
            serde_json::json!({"dst": "default", "nexthops": [{"gateway": "10.0.0.1", "weight": 2}]}),
        ];
        for pretty in [false, true] {
            let g = crate::cli::parse::GlobalOpts {
                json: true,
                pretty,
                ..Default::default()
            };
            let mut out = Vec::new();
            let mut w = ListingWriter::new(&mut out, &g);
            for v in items.clone() {
                w.json(v).unwrap();
            }
            w.finish().unwrap();
            assert_eq!(
                String::from_utf8(out).unwrap(),
                json_array(items.clone(), pretty),
                "pretty {pretty}"
            );
            // items rendered as text into the listing's block: the same bytes, also when
            // the block goes out several times along the way
            let many: Vec<Value> = (0..2000).map(|i| items[i % 2].clone()).collect();
            let mut out = Vec::new();
            let mut w = ListingWriter::new(&mut out, &g);
            for v in &many {
                w.json_item(|b| b.extend_from_slice(serde_json::to_string(v).unwrap().as_bytes()))
                    .unwrap();
            }
            w.finish().unwrap();
            assert!(out.len() > 4 * LISTING_BLOCK);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                json_array(many, pretty),
                "pretty {pretty}"
            );
            let mut empty = Vec::new();
            ListingWriter::new(&mut empty, &g).finish().unwrap();
            assert_eq!(
                String::from_utf8(empty).unwrap(),
                json_array(Vec::new(), pretty)
            );
        }
    }
}
