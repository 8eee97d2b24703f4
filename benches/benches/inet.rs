//! Internet protocols: DHCP option parsing and the IPv4/UDP checksums on the DHCPACK
//! captured from dnsmasq (tests/fixtures/dhcp/06-in.bin), with allocations counted.
//!
//! `cargo bench -p ferroute-benches --bench inet -- --quick`
use std::hint::black_box;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use ferroute_benches::{CountingAlloc, count_allocs};
use ferroute_codec::inet::{Dhcp4Msg, Dhcp4Option, EthernetFrame, Ipv4Packet, UdpPacket};

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

static ACK: &[u8] = include_bytes!("../../tests/fixtures/dhcp/06-in.bin");

/// Parses the DHCP message and decodes every option; returns a value depending on all.
fn dhcp_options(dhcp: &[u8]) -> u64 {
    let m = Dhcp4Msg::parse(dhcp).unwrap();
    let mut acc = u64::from(m.xid());
    for o in m.options() {
        match Dhcp4Option::decode(o.unwrap()).unwrap() {
            Dhcp4Option::DhcpLeaseTime(t) => acc += u64::from(t),
            Dhcp4Option::Routers(r) => {
                acc += r.iter().map(|a| u64::from(u32::from(a))).sum::<u64>()
            }
            o => acc += u64::from(o.code()),
        }
    }
    acc
}

/// Parses Ethernet/IPv4/UDP and verifies both checksums.
fn checksums(frame: &[u8]) -> bool {
    let e = EthernetFrame::parse(frame).unwrap();
    let ip = Ipv4Packet::parse(e.payload()).unwrap();
    let u = UdpPacket::parse(ip.payload()).unwrap();
    ip.verify_checksum() && u.verify_checksum(ip.src_addr(), ip.dst_addr())
}

/// A plain timed loop next to criterion's numbers: ns per packet and allocations.
fn report(name: &str, f: impl Fn() -> u64) {
    const N: u32 = 200_000;
    let ((), allocs) = count_allocs(|| {
        black_box(f());
    });
    let t = Instant::now();
    let mut x = 0u64;
    for _ in 0..N {
        x = x.wrapping_add(f());
    }
    black_box(x);
    let ns = t.elapsed().as_nanos() as f64 / f64::from(N);
    println!("{name}: {ns:.1} ns/packet, {allocs} allocations/packet");
}

fn bench(c: &mut Criterion) {
    let dhcp = &ACK[42..];
    report("dhcp_options (DHCPACK, 13 options)", || {
        dhcp_options(black_box(dhcp))
    });
    report("ipv4+udp checksum verify (392-byte frame)", || {
        u64::from(checksums(black_box(ACK)))
    });
    c.bench_function("dhcp_options_ack", |b| {
        b.iter(|| dhcp_options(black_box(dhcp)))
    });
    c.bench_function("ipv4_udp_checksums_ack", |b| {
        b.iter(|| checksums(black_box(ACK)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
