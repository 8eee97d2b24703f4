//! A link dump of many veth/bridge links (real RTM_NEWLINK messages captured on this
//! kernel, tests/fixtures/link/dump.bin, about 1.5-1.9 KB each, replicated to 1000
//! messages), reading ifname, mtu, operstate, address, master, kind and stats64 of each:
//! ferroute's `LinkMsg` view and index, side by side with netlink-packet-route's
//! `NetlinkMessage<RouteNetlinkMessage>::deserialize`. Prints the ratio and allocations
//! per message (counting allocator), then runs criterion.
//!
//! `cargo bench -p ferroute-benches --bench rtnl_link`

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ferroute_benches::{CountingAlloc, count_allocs};
use ferroute_codec::nl::Messages;
use ferroute_codec::rtnl::link::LinkMsg;
use netlink_packet_core::{NetlinkMessage, NetlinkPayload};
use netlink_packet_route::RouteNetlinkMessage;
use netlink_packet_route::link::{LinkAttribute, LinkInfo};

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

const DUMP: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/fixtures/link/dump.bin"
));
const COPIES: usize = 1000;

/// The veth and bridge messages of the captured dump, replicated to `COPIES` messages.
fn build_dump() -> (Vec<u8>, usize) {
    let mut picked = Vec::new();
    for m in Messages::new(DUMP) {
        let m = m.unwrap();
        let Ok(lm) = LinkMsg::parse(m) else { continue };
        let idx = lm.index().unwrap();
        let kind = idx.link_info().unwrap().and_then(|l| l.kind().unwrap());
        if matches!(kind, Some("veth" | "bridge")) {
            picked.push(m.bytes());
        }
    }
    let mut out = Vec::new();
    let mut n = 0;
    while n < COPIES {
        for p in &picked {
            out.extend_from_slice(p);
            while out.len() % 4 != 0 {
                out.push(0);
            }
            n += 1;
        }
    }
    (out, n)
}

/// What each side reads of one link.
#[derive(Default, Debug, PartialEq)]
struct Fields {
    name_len: usize,
    mtu: u32,
    oper: u8,
    addr0: u8,
    master: u32,
    kind_len: usize,
    rx_bytes: u64,
}

fn ferroute(dump: &[u8]) -> (usize, u64) {
    let mut n = 0;
    let mut acc = 0u64;
    for m in Messages::new(dump) {
        let Ok(m) = m else { break };
        let Ok(lm) = LinkMsg::parse(m) else { continue };
        let Ok(idx) = lm.index() else { continue };
        let mut f = Fields::default();
        if let Ok(Some(s)) = idx.ifname() {
            f.name_len = s.len();
        }
        f.mtu = idx.mtu().ok().flatten().unwrap_or(0);
        f.oper = idx.operstate().ok().flatten().map_or(0, |o| o.0);
        f.addr0 = idx
            .address()
            .ok()
            .flatten()
            .and_then(|a| a.first().copied())
            .unwrap_or(0);
        f.master = idx.master().ok().flatten().unwrap_or(0);
        if let Ok(Some(li)) = idx.link_info() {
            f.kind_len = li.kind().ok().flatten().map_or(0, str::len);
        }
        f.rx_bytes = idx.stats64().ok().flatten().map_or(0, |s| s.rx_bytes());
        acc = acc.wrapping_add(fold(&f));
        n += 1;
    }
    (n, acc)
}

fn npr(dump: &[u8]) -> (usize, u64) {
    let mut n = 0;
    let mut acc = 0u64;
    let mut off = 0;
    while off + 4 <= dump.len() {
        let len = u32::from_ne_bytes(dump[off..off + 4].try_into().unwrap()) as usize;
        let msg = NetlinkMessage::<RouteNetlinkMessage>::deserialize(&dump[off..off + len]);
        off += (len + 3) & !3;
        let Ok(msg) = msg else { continue };
        let NetlinkPayload::InnerMessage(RouteNetlinkMessage::NewLink(l)) = msg.payload else {
            continue;
        };
        let mut f = Fields::default();
        for a in &l.attributes {
            match a {
                LinkAttribute::IfName(s) => f.name_len = s.len(),
                LinkAttribute::Mtu(m) => f.mtu = *m,
                LinkAttribute::OperState(s) => f.oper = u8::from(*s),
                LinkAttribute::Address(a) => f.addr0 = a.first().copied().unwrap_or(0),
                LinkAttribute::Controller(m) => f.master = *m,
                LinkAttribute::LinkInfo(infos) => {
                    for i in infos {
                        if let LinkInfo::Kind(k) = i {
                            f.kind_len = k.to_string().len();
                        }
                    }
                }
                LinkAttribute::Stats64(s) => f.rx_bytes = s.rx_bytes,
                _ => {}
            }
        }
        acc = acc.wrapping_add(fold(&f));
        n += 1;
    }
    (n, acc)
}

fn fold(f: &Fields) -> u64 {
    f.name_len as u64
        ^ u64::from(f.mtu) << 8
        ^ u64::from(f.oper) << 40
        ^ u64::from(f.addr0) << 48
        ^ u64::from(f.master) << 20
        ^ (f.kind_len as u64) << 56
        ^ f.rx_bytes
}

fn time(f: impl Fn() -> (usize, u64)) -> Duration {
    let mut best = Duration::MAX;
    for _ in 0..15 {
        let t = Instant::now();
        black_box(f());
        best = best.min(t.elapsed());
    }
    best
}

fn bench(c: &mut Criterion) {
    let (dump, n) = build_dump();
    // Both sides read the same values.
    let (nf, af) = ferroute(&dump);
    let (nn, an) = npr(&dump);
    assert_eq!(
        (nf, af),
        (nn, an),
        "ferroute and netlink-packet-route disagree"
    );
    assert_eq!(nf, n);
    let ((), fa) = count_allocs(|| {
        black_box(ferroute(&dump));
    });
    let ((), na) = count_allocs(|| {
        black_box(npr(&dump));
    });
    let tf = time(|| ferroute(black_box(&dump)));
    let tn = time(|| npr(black_box(&dump)));
    println!(
        "rtnl_link: {n} messages, {} bytes ({} B/msg avg)",
        dump.len(),
        dump.len() / n
    );
    println!(
        "rtnl_link: ferroute {:.1} ns/msg, {:.2} allocs/msg | netlink-packet-route {:.1} ns/msg, {:.2} allocs/msg | ratio {:.1}x",
        tf.as_nanos() as f64 / n as f64,
        fa as f64 / n as f64,
        tn.as_nanos() as f64 / n as f64,
        na as f64 / n as f64,
        tn.as_secs_f64() / tf.as_secs_f64()
    );

    let mut g = c.benchmark_group("rtnl_link_dump");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(2))
        .warm_up_time(Duration::from_millis(500))
        .throughput(Throughput::Elements(n as u64));
    g.bench_function("ferroute", |b| b.iter(|| ferroute(black_box(&dump))));
    g.bench_function("netlink-packet-route", |b| b.iter(|| npr(black_box(&dump))));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
