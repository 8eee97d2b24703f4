//! A route dump, side by side: the floor (a bare recv loop that only walks message
//! headers), ferroute's `dump` reading dst/gateway/oif/table of every route, and
//! netlink-packet-route + netlink-sys doing the same. All three read the same 100,000
//! IPv4 routes in a throwaway network namespace (the bench's main thread unshares its
//! own; the routes are loaded with `ip -batch`), with the same 1 MiB receive buffer.
//!
//! Needs root. Run: `cargo bench -p ferroute-benches --bench dump`
//! (`-- --quick` for a short run). Besides criterion's timings it prints the
//! allocations per dump of each variant (a counting global allocator) and the resident
//! set size after each, to show ferroute's memory does not grow with the route count.

use std::hint::black_box;
use std::os::fd::AsFd;
use std::time::Duration;

use criterion::Criterion;
use ferroute::codec::nl::{MsgBuilder, NlaWriter};
use ferroute::{NetlinkSocket, Protocol};
use ferroute_benches::{CountingAlloc, allocations, interleaved};

#[global_allocator]
static GLOBAL: CountingAlloc = CountingAlloc;

const ROUTES: u32 = 100_000;
const BUF: usize = 1 << 20;
const RTA_DST: u16 = 1;
const RTA_OIF: u16 = 4;
const RTA_GATEWAY: u16 = 5;
const RTA_TABLE: u16 = 15;

fn getroute_dump() -> Vec<u8> {
    let mut b = MsgBuilder::new(Vec::new(), 26, 0, 0, 0).unwrap();
    b.append_bytes(&[2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
        .unwrap();
    b.finish().unwrap()
}

fn setup() {
    ferroute::netns::unshare_thread().expect("unshare(CLONE_NEWNET): run as root");
    let mut script = String::from(
        "link add v0 type veth peer name v1\nlink set v0 up\nlink set v1 up\n\
         addr add 192.168.0.1/24 dev v0\n",
    );
    for i in 0..ROUTES {
        script.push_str(&format!(
            "route add 10.{}.{}.{}/32 via 192.168.0.2\n",
            i >> 16,
            (i >> 8) & 255,
            i & 255
        ));
    }
    use std::io::Write;
    let mut child = std::process::Command::new("ip")
        .args(["-batch", "-"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .expect("ip");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(script.as_bytes())
        .unwrap();
    assert!(child.wait().unwrap().success());
}

/// The floor: send the dump request, recv datagrams, walk nlmsg_len until NLMSG_DONE.
fn floor(sock: &mut NetlinkSocket, req: &[u8], buf: &mut [u8]) -> u64 {
    let mut r = req.to_vec();
    r[6..8].copy_from_slice(&0x301u16.to_ne_bytes());
    sock.send_raw(&r).unwrap();
    let mut n = 0u64;
    loop {
        let (len, _) =
            rustix::net::recv(sock.as_fd(), &mut buf[..], rustix::net::RecvFlags::empty()).unwrap();
        let mut pos = 0;
        while pos + 16 <= len {
            let l = u32::from_ne_bytes(buf[pos..pos + 4].try_into().unwrap()) as usize;
            let ty = u16::from_ne_bytes(buf[pos + 4..pos + 6].try_into().unwrap());
            if ty == 3 {
                return n;
            }
            n += 1;
            pos += (l + 3) & !3;
        }
    }
}

/// ferroute's engine alone: every message handed to the caller, nothing read.
fn ferroute_engine(sock: &mut NetlinkSocket, req: &[u8]) -> u64 {
    let mut acc = 0u64;
    sock.dump_each(req, |m| acc += m.bytes().len() as u64)
        .unwrap();
    acc
}

/// ferroute: dst, gateway, oif, table of every route.
fn ferroute_dump(sock: &mut NetlinkSocket, req: &[u8]) -> u64 {
    let mut acc = 0u64;
    sock.dump_each(req, |m| {
        // One pass over the attributes (AttrIndex would also do; see the file docs).
        for a in m.attrs_after(12).flatten() {
            acc = acc.wrapping_add(match a.kind() {
                RTA_DST | RTA_GATEWAY => a.as_ipv4().map_or(0, |ip| u32::from(ip) as u64),
                RTA_OIF | RTA_TABLE => a.as_u32().unwrap_or(0) as u64,
                _ => 0,
            });
        }
    })
    .unwrap();
    acc
}

/// netlink-packet-route + netlink-sys: the same fields.
fn npr_dump(sock: &netlink_sys::Socket, buf: &mut [u8], seq: &mut u32) -> u64 {
    use netlink_packet_core::{NLM_F_DUMP, NLM_F_REQUEST, NetlinkMessage, NetlinkPayload};
    use netlink_packet_route::route::{RouteAddress, RouteAttribute, RouteMessage};
    use netlink_packet_route::{AddressFamily, RouteNetlinkMessage};
    let mut rm = RouteMessage::default();
    rm.header.address_family = AddressFamily::Inet;
    let mut nl = NetlinkMessage::from(RouteNetlinkMessage::GetRoute(rm));
    nl.header.flags = NLM_F_DUMP | NLM_F_REQUEST;
    *seq += 1;
    nl.header.sequence_number = *seq;
    nl.finalize();
    let mut out = vec![0; nl.buffer_len()];
    nl.serialize(&mut out);
    sock.send(&out, 0).unwrap();
    let mut acc = 0u64;
    loop {
        let n = sock.recv(&mut &mut buf[..], 0).unwrap();
        let mut off = 0;
        while off < n {
            let msg = NetlinkMessage::<RouteNetlinkMessage>::deserialize(&buf[off..n]).unwrap();
            off += msg.header.length as usize;
            match msg.payload {
                NetlinkPayload::Done(_) => return acc,
                NetlinkPayload::InnerMessage(RouteNetlinkMessage::NewRoute(r)) => {
                    for a in r.attributes {
                        acc = acc.wrapping_add(match a {
                            RouteAttribute::Destination(RouteAddress::Inet(ip))
                            | RouteAttribute::Gateway(RouteAddress::Inet(ip)) => {
                                u32::from(ip) as u64
                            }
                            RouteAttribute::Oif(i) | RouteAttribute::Table(i) => i as u64,
                            _ => 0,
                        });
                    }
                }
                _ => {}
            }
        }
    }
}

fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn main() {
    setup();
    let req = getroute_dump();
    let mut fr = NetlinkSocket::open(Protocol::ROUTE).unwrap();
    fr.set_recv_buffer_len(BUF);
    // a second one for the engine-only variant (each closure below owns its socket)
    let mut fr2 = NetlinkSocket::open(Protocol::ROUTE).unwrap();
    fr2.set_recv_buffer_len(BUF);
    let mut fl = NetlinkSocket::open(Protocol::ROUTE).unwrap();
    let mut flbuf = vec![0u8; BUF];
    let mut ns = netlink_sys::Socket::new(netlink_sys::protocols::NETLINK_ROUTE).unwrap();
    ns.bind_auto().unwrap();
    let mut nsbuf = vec![0u8; BUF];
    let mut seq = 0;

    // Same answer from all three; allocations and RSS per dump.
    let n = floor(&mut fl, &req, &mut flbuf);
    let a = ferroute_dump(&mut fr, &req);
    let b = npr_dump(&ns, &mut nsbuf, &mut seq);
    assert_eq!(a, b, "ferroute and netlink-packet-route disagree");
    assert!(n >= ROUTES as u64, "{n} routes");
    for (name, f) in [
        (
            "floor",
            &mut (|| {
                floor(&mut fl, &req, &mut flbuf);
            }) as &mut dyn FnMut(),
        ),
        ("ferroute", &mut || {
            ferroute_dump(&mut fr, &req);
        }),
        ("netlink-packet-route", &mut || {
            npr_dump(&ns, &mut nsbuf, &mut seq);
        }),
    ] {
        let before = allocations();
        f();
        let allocs = allocations() - before;
        println!(
            "{name}: {n} messages, {allocs} allocations per dump, VmRSS {} KiB after",
            rss_kib()
        );
    }

    // Interleaved rounds, the order rotating (see `ferroute_benches::interleaved`):
    // median wall time, the median of each round's paired ratio to the floor, and this
    // thread's CPU time split into user and kernel: the kernel's dump work is the same
    // for all, the user part is what each library adds.
    let rounds = 81;
    let m = interleaved(
        rounds,
        &mut [
            &mut || {
                black_box(floor(&mut fl, &req, &mut flbuf));
            },
            &mut || {
                black_box(ferroute_engine(&mut fr2, &req));
            },
            &mut || {
                black_box(ferroute_dump(&mut fr, &req));
            },
            &mut || {
                black_box(npr_dump(&ns, &mut nsbuf, &mut seq));
            },
        ],
    );
    println!(
        "interleaved, {rounds} rounds (wall median; median of per-round ratios to the floor; CPU per dump):"
    );
    for (v, name) in [
        "floor",
        "ferroute engine only",
        "ferroute dst/gw/oif/table",
        "netlink-packet-route",
    ]
    .iter()
    .enumerate()
    {
        println!(
            "  {name:<26} {:6.1} ms  {:.3}x floor  user {:5.2} ms  kernel {:5.1} ms",
            m[v].median * 1e3,
            m[v].ratio,
            m[v].user * 1e3,
            m[v].kernel * 1e3
        );
    }

    let mut c = Criterion::default()
        .sample_size(10)
        .measurement_time(Duration::from_secs(4))
        .warm_up_time(Duration::from_secs(1))
        .configure_from_args();
    let mut g = c.benchmark_group("dump_100k_ipv4_routes");
    g.bench_function("floor_recv_walk_headers", |bch| {
        bch.iter(|| black_box(floor(&mut fl, &req, &mut flbuf)))
    });
    g.bench_function("ferroute_engine_only", |bch| {
        bch.iter(|| black_box(ferroute_engine(&mut fr, &req)))
    });
    g.bench_function("ferroute_dump_dst_gw_oif_table", |bch| {
        bch.iter(|| black_box(ferroute_dump(&mut fr, &req)))
    });
    g.bench_function("netlink_packet_route_same_fields", |bch| {
        bch.iter(|| black_box(npr_dump(&ns, &mut nsbuf, &mut seq)))
    });
    g.finish();
    c.final_summary();
}
