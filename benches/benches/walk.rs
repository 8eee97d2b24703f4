//! The framing walk on a synthetic 100,000-message dump: messages built with our builder,
//! 60 bytes each (nlmsghdr, a 12-byte rtmsg-like header, four 8-byte u32/address
//! attributes), as in a kernel IPv4 route dump. Reports ns per message (criterion
//! throughput) and allocations per message (counting allocator).
//!
//! Run: `cargo bench -p ferroute-benches --bench walk`

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ferroute_benches::{CountingAlloc, count_allocs};
use ferroute_codec::nl::{AttrIndex, Messages, MsgBuilder, NlMsgHdr, NlaWriter};

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

const N: usize = 100_000;

/// Builds the dump: RTM_NEWROUTE-shaped messages with RTA_TABLE, RTA_DST, RTA_OIF, RTA_GATEWAY.
fn dump() -> Vec<u8> {
    let mut buf = Vec::with_capacity(N * 60);
    for i in 0..N as u32 {
        let mut b = MsgBuilder::new(&mut buf, 24, 0x2, 1, 4242).unwrap();
        b.append_bytes(&[2, 24, 0, 0, 254, 3, 0, 1, 0, 0, 0, 0])
            .unwrap();
        b.put_u32(15, 254).unwrap(); // RTA_TABLE
        b.put_bytes(1, &(0x0a00_0000u32 | i << 8).to_be_bytes())
            .unwrap(); // RTA_DST
        b.put_u32(4, 2).unwrap(); // RTA_OIF
        b.put_bytes(5, &[10, 0, 0, 1]).unwrap(); // RTA_GATEWAY
        b.finish().unwrap();
    }
    assert_eq!(buf.len(), N * 60);
    buf
}

/// Reads table, dst, oif and gateway of every message through the one-pass index.
fn walk_indexed(data: &[u8]) -> u64 {
    let mut acc = 0u64;
    for m in Messages::new(data) {
        let m = m.unwrap();
        let tb: AttrIndex<'_, 16> = AttrIndex::new(m.attrs_after(12)).unwrap();
        acc += u64::from(tb.get(15).map_or(0, |a| a.as_u32().unwrap_or(0)));
        acc += u64::from(
            tb.get(1)
                .map_or(0, |a| a.as_ipv4().map(u32::from).unwrap_or(0)),
        );
        acc += u64::from(tb.get(4).map_or(0, |a| a.as_u32().unwrap_or(0)));
        acc += u64::from(
            tb.get(5)
                .map_or(0, |a| a.as_ipv4().map(u32::from).unwrap_or(0)),
        );
    }
    acc
}

/// The floor: walk headers and attributes, decode nothing.
fn walk_bare(data: &[u8]) -> u64 {
    let mut acc = 0u64;
    for m in Messages::new(data) {
        let m = m.unwrap();
        for a in m.attrs_after(12) {
            acc += u64::from(a.unwrap().kind());
        }
    }
    acc
}

fn bench(c: &mut Criterion) {
    let data = dump();
    let (_, allocs) = count_allocs(|| black_box(walk_indexed(black_box(&data))));
    println!(
        "walk: {N} messages, {allocs} allocations in one indexed walk = {} per message",
        allocs as f64 / N as f64
    );
    assert_eq!(std::mem::size_of::<NlMsgHdr>(), 16);
    let mut g = c.benchmark_group("walk_100k_route_like");
    g.throughput(Throughput::Elements(N as u64));
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    g.bench_function("indexed_4_attrs", |b| {
        b.iter(|| walk_indexed(black_box(&data)))
    });
    g.bench_function("bare_walk", |b| b.iter(|| walk_bare(black_box(&data))));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
