//! RTM_NEWROUTE reading, side by side: 100,000 route messages of kernel layout (the
//! captured `198.51.100.0/24 via 10.0.0.254 dev v0 metric 50` message of
//! tests/fixtures/route/route4-dump.bin, with dst/gateway/oif/table/priority varied),
//! each read for dst, gateway, oif, table and priority by
//! - ferroute: `NlMsg::parse` + `RouteMsg::parse` + the typed `RouteAttr` walk,
//! - ferroute indexed: the same through the one-pass `RouteIndex`,
//! - ferroute cached: `RouteIndex` through a `LayoutCache` (`index_cached`): a message
//!   laid out like the previous one is indexed by comparing its attribute headers with
//!   the remembered layout, without a walk; the same cache read with the untyped `Attr`
//!   getters; and the worst case, the cache cleared before every message (all misses),
//! - ferroute visitor: a `RouteVisitor` handed each attribute typed, one dispatch on the id,
//! - ferroute raw: the untyped `Attr` getters in a `match attr.kind()` walk,
//! - netlink-packet-route 0.34: `NetlinkMessage<RouteNetlinkMessage>::deserialize`,
//! - a hand-written minimal reader on the bytes (no views, no error values): what
//!   reading the five fields costs at the least,
//! - a bare header + attribute walk that decodes nothing (the floor).
//!
//! Two ways of handing the messages over:
//! - one by one, each its own slice (the messages' ranges are known in advance);
//! - as one dump buffer, which every reader frames itself, as a reader of a received
//!   datagram does: ferroute with `Messages`, the bare walk and the peer by the
//!   `nlmsg_len` of each header.
//!
//! Every reader is `#[inline(always)]`: compiled into its measuring loop, as reading
//! code written in a dump loop is. Left to the compiler, the small bare walk was
//! inlined (seen in a build kept with its symbols) while the larger readers mostly
//! stayed calls, so the floor had an advantage the readers did not, and whether a
//! reader was inlined changed with unrelated edits (`index_cached` measured 1.5x to
//! 1.6x as a call, 1.2x to 1.3x inlined). The peer gets the same treatment. One reader
//! does worse this way: the typed `RouteAttr` walk, 2.6x to 2.9x the bare walk in
//! builds where the compiler inlined some of it, 4.1x to 5.3x both forced inline and
//! forced out of line (its per-attribute `decode` call and the enum it returns through
//! memory dominate; not resolved here).
//!
//! Run: `cargo bench -p ferroute-benches --bench rtnl_route`. Besides criterion's
//! timings it prints ns/message from interleaved rounds (see
//! `ferroute_benches::interleaved`), the ratios and allocations per message.

use std::hint::black_box;
use std::net::IpAddr;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use ferroute_benches::{CountingAlloc, count_allocs, interleaved};
use ferroute_codec::nl::{AttrLookup, LayoutCache, Messages, NlMsg};
use ferroute_codec::rtnl::route::{RouteAttr, RouteAttrs, RouteIndex, RouteMsg};

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

const N: usize = 100_000;
const CAPTURE: &[u8] = include_bytes!("../../tests/fixtures/route/route4-dump.bin");

#[derive(Default, Debug, Clone, Copy, PartialEq, Eq)]
struct Summary {
    dst: Option<IpAddr>,
    gateway: Option<IpAddr>,
    oif: u32,
    table: u32,
    priority: u32,
}

/// The captured 68-byte route (RTA_TABLE, RTA_DST, RTA_PRIORITY, RTA_GATEWAY, RTA_OIF).
fn template() -> Vec<u8> {
    let mut off = 0;
    while off + 16 <= CAPTURE.len() {
        let len = u32::from_ne_bytes(CAPTURE[off..off + 4].try_into().unwrap()) as usize;
        let m = &CAPTURE[off..off + len];
        let kinds: Vec<u16> = ferroute_codec::nl::AttrIter::new(&m[28..])
            .map(|a| a.unwrap().kind())
            .collect();
        if kinds == [15, 1, 6, 5, 4] {
            return m.to_vec();
        }
        off += (len + 3) & !3;
    }
    panic!("no gateway route with a metric in the capture");
}

/// N messages, each its own slice (as a dump would hand them out one by one).
fn dataset() -> (Vec<u8>, Vec<std::ops::Range<usize>>, Vec<Summary>) {
    let t = template();
    assert_eq!(t.len(), 68);
    let mut buf = Vec::with_capacity(N * t.len());
    let mut ranges = Vec::with_capacity(N);
    let mut want = Vec::with_capacity(N);
    for i in 0..N as u32 {
        let mut m = t.clone();
        let dst = [10 + (i >> 16) as u8, (i >> 8) as u8, i as u8, 0];
        let gw = [172, 16, (i % 251) as u8, 1 + (i % 200) as u8];
        let table: u32 = if i % 7 == 0 { 100 } else { 254 };
        let (prio, oif) = (i % 1000, 2 + i % 8);
        m[32..36].copy_from_slice(&table.to_ne_bytes());
        m[40..44].copy_from_slice(&dst);
        m[48..52].copy_from_slice(&prio.to_ne_bytes());
        m[56..60].copy_from_slice(&gw);
        m[64..68].copy_from_slice(&oif.to_ne_bytes());
        ranges.push(buf.len()..buf.len() + m.len());
        buf.extend_from_slice(&m);
        want.push(Summary {
            dst: Some(dst.into()),
            gateway: Some(gw.into()),
            oif,
            table,
            priority: prio,
        });
    }
    (buf, ranges, want)
}

#[inline(always)]
fn ferroute_typed(m: &[u8]) -> Summary {
    match NlMsg::parse(m) {
        Ok(m) => typed_msg(m),
        Err(_) => Summary::default(),
    }
}

/// `ferroute_typed` on a message already framed.
#[inline(always)]
fn typed_msg(m: NlMsg<'_>) -> Summary {
    let mut s = Summary::default();
    let Ok(r) = RouteMsg::parse(m) else {
        return s;
    };
    s.table = r.header().rtm_table().into();
    for a in r.iter() {
        match a {
            Ok(RouteAttr::Dst(d)) => s.dst = d.ip(),
            Ok(RouteAttr::Gateway(g)) => s.gateway = g.ip(),
            Ok(RouteAttr::Oif(o)) => s.oif = o,
            Ok(RouteAttr::Table(t)) => s.table = t,
            Ok(RouteAttr::Priority(p)) => s.priority = p,
            _ => {}
        }
    }
    s
}

impl<'a> ferroute_codec::rtnl::route::RouteVisitor<'a> for Summary {
    fn dst(&mut self, v: ferroute_codec::rtnl::route::RtAddr<'a>) {
        self.dst = v.ip();
    }
    fn gateway(&mut self, v: ferroute_codec::rtnl::route::RtAddr<'a>) {
        self.gateway = v.ip();
    }
    fn oif(&mut self, v: u32) {
        self.oif = v;
    }
    fn table(&mut self, v: u32) {
        self.table = v;
    }
    fn priority(&mut self, v: u32) {
        self.priority = v;
    }
}

/// ferroute through a `RouteVisitor` (the impl on `Summary` above): typed values, one
/// dispatch on the id.
#[inline(always)]
fn ferroute_visit(m: &[u8]) -> Summary {
    let mut s = Summary::default();
    let Ok(r) = NlMsg::parse(m).and_then(RouteMsg::parse) else {
        return s;
    };
    s.table = r.header().rtm_table().into();
    r.visit(&mut s);
    s
}

/// ferroute with the untyped `Attr` getters (`as_ip`, `as_u32`) instead of the enum.
#[inline(always)]
fn ferroute_raw(m: &[u8]) -> Summary {
    use ferroute_codec::rtnl::route::*;
    let mut s = Summary::default();
    let Ok(r) = NlMsg::parse(m).and_then(RouteMsg::parse) else {
        return s;
    };
    s.table = r.header().rtm_table().into();
    for a in r.attrs().flatten() {
        match a.kind() {
            RTA_DST => s.dst = a.as_ip().ok(),
            RTA_GATEWAY => s.gateway = a.as_ip().ok(),
            RTA_OIF => s.oif = a.as_u32().unwrap_or(0),
            RTA_TABLE => s.table = a.as_u32().unwrap_or(0),
            RTA_PRIORITY => s.priority = a.as_u32().unwrap_or(0),
            _ => {}
        }
    }
    s
}

/// ferroute's attribute framing walk alone (no decode), for comparison with the floor.
#[inline(always)]
fn iter_only(m: &[u8]) -> usize {
    let Some(body) = m.get(28..) else { return 0 };
    ferroute_codec::nl::AttrIter::new(body)
        .flatten()
        .map(|a| a.kind() as usize + a.payload().len())
        .sum()
}

/// Nothing read but the slice length: the cost of the measuring loop itself.
#[inline(always)]
fn loop_only(m: &[u8]) -> usize {
    m.len()
}

/// Header parsing alone.
#[inline(always)]
fn parse_only(m: &[u8]) -> u8 {
    match NlMsg::parse(m).and_then(RouteMsg::parse) {
        Ok(r) => r.header().rtm_table(),
        Err(_) => 0,
    }
}

#[inline(always)]
fn ferroute_indexed(m: &[u8]) -> Summary {
    let Ok(r) = NlMsg::parse(m).and_then(RouteMsg::parse) else {
        return Summary::default();
    };
    match r.index() {
        Ok(i) => read_index(&r, &i),
        Err(_) => Summary::default(),
    }
}

/// The five fields through a typed `RouteIndex`, however it was built.
#[inline(always)]
fn read_index<'a, T: AttrLookup<'a>>(r: &RouteMsg<'a>, i: &RouteIndex<'a, T>) -> Summary {
    Summary {
        dst: i.dst().ok().flatten().and_then(|d| d.ip()),
        gateway: i.gateway().ok().flatten().and_then(|d| d.ip()),
        oif: i.oif().ok().flatten().unwrap_or(0),
        table: i
            .table()
            .ok()
            .flatten()
            .unwrap_or(r.header().rtm_table().into()),
        priority: i.priority().ok().flatten().unwrap_or(0),
    }
}

/// `RouteIndex` through a `LayoutCache`, as a dump reader would keep one across messages.
#[inline(always)]
fn ferroute_cached(cache: &mut RouteCache, m: &[u8]) -> Summary {
    match NlMsg::parse(m) {
        Ok(m) => cached_msg(cache, m),
        Err(_) => Summary::default(),
    }
}

/// `ferroute_cached` on a message already framed (by `Messages`, in the whole-dump runs).
#[inline(always)]
fn cached_msg(cache: &mut RouteCache, m: NlMsg<'_>) -> Summary {
    let Ok(r) = RouteMsg::parse(m) else {
        return Summary::default();
    };
    match r.index_cached(cache) {
        Ok(i) => read_index(&r, &i),
        Err(_) => Summary::default(),
    }
}

/// `LayoutCache::index` with the untyped `Attr` getters (`as_ip`, `as_u32`).
#[inline(always)]
fn cached_raw(cache: &mut RouteCache, m: &[u8]) -> Summary {
    match NlMsg::parse(m) {
        Ok(m) => cached_raw_msg(cache, m),
        Err(_) => Summary::default(),
    }
}

/// `cached_raw` on a message already framed.
#[inline(always)]
fn cached_raw_msg(cache: &mut RouteCache, m: NlMsg<'_>) -> Summary {
    use ferroute_codec::rtnl::route::*;
    let mut s = Summary::default();
    let Ok(r) = RouteMsg::parse(m) else {
        return s;
    };
    s.table = r.header().rtm_table().into();
    let Ok(i) = cache.index(r.attrs()) else {
        return s;
    };
    s.dst = i.get(RTA_DST).and_then(|a| a.as_ip().ok());
    s.gateway = i.get(RTA_GATEWAY).and_then(|a| a.as_ip().ok());
    if let Some(a) = i.get(RTA_OIF) {
        s.oif = a.as_u32().unwrap_or(0);
    }
    if let Some(a) = i.get(RTA_TABLE) {
        s.table = a.as_u32().unwrap_or(0);
    }
    if let Some(a) = i.get(RTA_PRIORITY) {
        s.priority = a.as_u32().unwrap_or(0);
    }
    s
}

#[inline(always)]
fn peer(m: &[u8]) -> Summary {
    use netlink_packet_core::{NetlinkMessage, NetlinkPayload};
    use netlink_packet_route::RouteNetlinkMessage;
    use netlink_packet_route::route::{RouteAddress, RouteAttribute};
    let mut s = Summary::default();
    let Ok(msg) = NetlinkMessage::<RouteNetlinkMessage>::deserialize(m) else {
        return s;
    };
    if let NetlinkPayload::InnerMessage(RouteNetlinkMessage::NewRoute(r)) = msg.payload {
        s.table = r.header.table.into();
        let ip = |a: &RouteAddress| match a {
            RouteAddress::Inet(v4) => Some(IpAddr::V4(*v4)),
            RouteAddress::Inet6(v6) => Some(IpAddr::V6(*v6)),
            _ => None,
        };
        for a in &r.attributes {
            match a {
                RouteAttribute::Destination(d) => s.dst = ip(d),
                RouteAttribute::Gateway(g) => s.gateway = ip(g),
                RouteAttribute::Oif(o) => s.oif = *o,
                RouteAttribute::Table(t) => s.table = *t,
                RouteAttribute::Priority(p) => s.priority = *p,
                _ => {}
            }
        }
    }
    s
}

/// A hand-written minimal reader: no views, no error values, one `match` per attribute
/// straight on the bytes. Not a ferroute API: it shows what reading these five fields
/// costs at the least, next to the bare walk that reads none.
#[inline(always)]
fn hand_reader(m: &[u8]) -> Summary {
    let mut s = Summary::default();
    let Some((h, _)) = m.split_first_chunk::<16>() else {
        return s;
    };
    let len = u32::from_ne_bytes([h[0], h[1], h[2], h[3]]) as usize;
    let Some(rt) = m.get(..len).and_then(|m| m.get(16..28)) else {
        return s;
    };
    s.table = rt.get(4).copied().unwrap_or(0).into();
    let mut rest = m.get(28..len).unwrap_or(&[]);
    while let Some((hd, tail)) = rest.split_first_chunk::<4>() {
        let alen = u16::from_ne_bytes([hd[0], hd[1]]) as usize;
        let Some(p) = tail.get(..alen.wrapping_sub(4)) else {
            break;
        };
        let ip = |p: &[u8]| match p.len() {
            4 => <[u8; 4]>::try_from(p).ok().map(IpAddr::from),
            16 => <[u8; 16]>::try_from(p).ok().map(IpAddr::from),
            _ => None,
        };
        let u32p = |p: &[u8]| <[u8; 4]>::try_from(p).map_or(0, u32::from_ne_bytes);
        match u16::from_ne_bytes([hd[2], hd[3]]) & 0x3fff {
            1 => s.dst = ip(p),
            5 => s.gateway = ip(p),
            4 => s.oif = u32p(p),
            15 => s.table = u32p(p),
            6 => s.priority = u32p(p),
            _ => {}
        }
        rest = tail.get(((alen + 3) & !3) - 4..).unwrap_or(&[]);
    }
    s
}

/// The floor: check the header length, walk the attribute headers, decode nothing.
#[inline(always)]
fn bare_walk(m: &[u8]) -> usize {
    let Some(l) = m.get(0..4) else { return 0 };
    let len = u32::from_ne_bytes([l[0], l[1], l[2], l[3]]) as usize;
    let Some(body) = m.get(28..len) else { return 0 };
    let (mut pos, mut acc) = (0usize, 0usize);
    while let Some(h) = body.get(pos..pos + 4) {
        let alen = u16::from_ne_bytes([h[0], h[1]]) as usize;
        if alen < 4 || pos + alen > body.len() {
            break;
        }
        acc = acc.wrapping_add(alen ^ u16::from_ne_bytes([h[2], h[3]]) as usize);
        pos += (alen + 3) & !3;
    }
    acc
}

/// The floor over a whole dump buffer: the message headers walked as a reader of a
/// received datagram walks them, each message handed to `bare_walk`. Written out, not
/// shared with `peer_dump` through a generic helper: the floor measured 14 ns a message
/// that way against 8.5 ns written out (the same loop otherwise).
fn bare_dump(buf: &[u8]) {
    let mut pos = 0;
    while let Some(h) = buf.get(pos..pos + 4) {
        let len = u32::from_ne_bytes([h[0], h[1], h[2], h[3]]) as usize;
        let Some(m) = buf.get(pos..pos + len).filter(|_| len >= 16) else {
            break;
        };
        black_box(bare_walk(m));
        pos += (len + 3) & !3;
    }
}

/// netlink-packet-route over a whole dump buffer: each message deserialized from its
/// offset, the next found by the length it reports.
fn peer_dump(buf: &[u8]) {
    let mut pos = 0;
    while let Some(h) = buf.get(pos..pos + 4) {
        let len = u32::from_ne_bytes([h[0], h[1], h[2], h[3]]) as usize;
        let Some(m) = buf.get(pos..pos + len).filter(|_| len >= 16) else {
            break;
        };
        black_box(peer(m));
        pos += (len + 3) & !3;
    }
}

/// A whole dump buffer framed by ferroute's `Messages`, each message handed to `f`.
fn ferroute_dump<T>(buf: &[u8], mut f: impl FnMut(NlMsg<'_>) -> T) {
    for m in Messages::new(buf) {
        let Ok(m) = m else { break };
        black_box(f(m));
    }
}

fn run<T>(buf: &[u8], ranges: &[std::ops::Range<usize>], f: impl Fn(&[u8]) -> T) {
    for r in ranges {
        black_box(f(black_box(&buf[r.clone()])));
    }
}

type RouteCache = LayoutCache<{ RouteAttrs::TB_LEN }>;

/// `run` with one `LayoutCache` kept across the messages (a fresh one per pass), or,
/// with `forget`, cleared before each message: every message a miss, the worst case.
fn run_cached<T>(
    buf: &[u8],
    ranges: &[std::ops::Range<usize>],
    forget: bool,
    f: impl Fn(&mut RouteCache, &[u8]) -> T,
) {
    let mut cache = LayoutCache::new();
    for r in ranges {
        if forget {
            cache.clear();
        }
        black_box(f(&mut cache, black_box(&buf[r.clone()])));
    }
    black_box(cache.hits());
}

fn bench(c: &mut Criterion) {
    let (buf, ranges, want) = dataset();
    // all readers agree with the values written
    for (r, w) in ranges.iter().zip(&want).step_by(997) {
        let m = &buf[r.clone()];
        assert_eq!(ferroute_typed(m), *w);
        assert_eq!(ferroute_indexed(m), *w);
        assert_eq!(ferroute_cached(&mut LayoutCache::new(), m), *w);
        assert_eq!(cached_raw(&mut LayoutCache::new(), m), *w);
        assert_eq!(ferroute_raw(m), *w);
        assert_eq!(ferroute_visit(m), *w);
        assert_eq!(hand_reader(m), *w);
        assert_eq!(peer(m), *w);
    }
    let (_, a_typed) = count_allocs(|| run(&buf, &ranges, ferroute_typed));
    let (_, a_index) = count_allocs(|| run(&buf, &ranges, ferroute_indexed));
    let (_, a_visit) = count_allocs(|| run(&buf, &ranges, ferroute_visit));
    let (_, a_cached) = count_allocs(|| run_cached(&buf, &ranges, false, ferroute_cached));
    // the cached reader agrees message by message with one cache across the whole set
    let mut cache = LayoutCache::new();
    for (r, w) in ranges.iter().zip(&want) {
        assert_eq!(ferroute_cached(&mut cache, &buf[r.clone()]), *w);
    }
    assert_eq!((cache.misses(), cache.hits()), (1, N as u64 - 1));
    let (_, a_peer) = count_allocs(|| run(&buf, &ranges, peer));
    let (_, a_bare) = count_allocs(|| run(&buf, &ranges, bare_walk));
    let (b, r) = (&buf[..], &ranges[..]);
    let m = interleaved(
        31,
        &mut [
            &mut || run(b, r, bare_walk),
            &mut || run(b, r, ferroute_typed),
            &mut || run(b, r, ferroute_indexed),
            &mut || run(b, r, ferroute_raw),
            &mut || run(b, r, hand_reader),
            &mut || run(b, r, peer),
            &mut || run(b, r, parse_only),
            &mut || run(b, r, iter_only),
            &mut || run(b, r, loop_only),
            &mut || run(b, r, ferroute_visit),
            &mut || run_cached(b, r, false, ferroute_cached),
            &mut || run_cached(b, r, false, cached_raw),
            &mut || run_cached(b, r, true, ferroute_cached),
        ],
    );
    let ns = |i: usize| m[i].median * 1e9 / N as f64;
    let n = N as f64;
    println!(
        "rtnl_route: {N} RTM_NEWROUTE messages of 68 bytes, reading dst/gateway/oif/table/priority"
    );
    println!("  (31 interleaved rounds: median ns/msg; x bare = median of per-round ratios)");
    for (i, name, allocs) in [
        (1, "ferroute typed walk", Some(a_typed)),
        (9, "ferroute visitor", Some(a_visit)),
        (3, "ferroute raw getters", None),
        (2, "ferroute RouteIndex", Some(a_index)),
        (10, "ferroute index_cached", Some(a_cached)),
        (11, "ferroute cached + Attr getters", None),
        (12, "ferroute index_cached, all misses", None),
        (4, "hand-written reader", None),
        (5, "netlink-packet-route", Some(a_peer)),
        (0, "bare walk (floor)", Some(a_bare)),
    ] {
        let allocs = allocs.map_or(String::new(), |a| {
            format!("  {:.2} allocs/msg", a as f64 / n)
        });
        println!(
            "  {name:<34} {:6.1} ns/msg  {:5.2}x bare{allocs}",
            ns(i),
            m[i].ratio
        );
    }
    println!(
        "  (ferroute parts: NlMsg+RouteMsg parse {:.1}, AttrIter walk without decode {:.1} ns/msg; the measuring loop alone {:.1} ns/msg)",
        ns(6),
        ns(7),
        ns(8)
    );
    println!(
        "  ratios: peer/index_cached {:.1}x, peer/cached+Attr {:.1}x, peer/typed {:.1}x, peer/visitor {:.1}x, peer/indexed {:.1}x, peer/raw {:.1}x, typed/hand-written {:.2}x",
        m[5].ratio / m[10].ratio,
        m[5].ratio / m[11].ratio,
        m[5].ratio / m[1].ratio,
        m[5].ratio / m[9].ratio,
        m[5].ratio / m[2].ratio,
        m[5].ratio / m[3].ratio,
        m[1].ratio / m[4].ratio
    );

    // the same reads over the whole buffer as one dump: framing included on every side
    // (each reader agrees with the values written, message by message; the cached ones
    // with one cache across the dump, every message after the first a hit)
    let dumped = |f: &mut dyn FnMut(NlMsg<'_>) -> Summary| {
        let mut got = Vec::with_capacity(N);
        ferroute_dump(b, |m| got.push(f(m)));
        assert_eq!(got, want);
    };
    dumped(&mut typed_msg);
    let mut cache = LayoutCache::new();
    dumped(&mut |m| cached_msg(&mut cache, m));
    assert_eq!((cache.misses(), cache.hits()), (1, N as u64 - 1));
    let mut cache = LayoutCache::new();
    dumped(&mut |m| cached_raw_msg(&mut cache, m));
    assert_eq!((cache.misses(), cache.hits()), (1, N as u64 - 1));
    let (_, a_dump) = count_allocs(|| {
        let mut cache = LayoutCache::new();
        ferroute_dump(b, |m| cached_msg(&mut cache, m));
    });
    let d = interleaved(
        31,
        &mut [
            &mut || bare_dump(b),
            &mut || {
                let mut cache = LayoutCache::new();
                ferroute_dump(b, |m| cached_msg(&mut cache, m));
            },
            &mut || {
                let mut cache = LayoutCache::new();
                ferroute_dump(b, |m| cached_raw_msg(&mut cache, m));
            },
            &mut || ferroute_dump(b, typed_msg),
            &mut || peer_dump(b),
        ],
    );
    let dns = |i: usize| d[i].median * 1e9 / N as f64;
    println!(
        "rtnl_route, whole dump: the same {N} messages as one buffer, framed by each reader (ferroute: Messages)"
    );
    for (i, name) in [
        (1, "ferroute index_cached"),
        (2, "ferroute cached + Attr getters"),
        (3, "ferroute typed walk"),
        (4, "netlink-packet-route"),
        (0, "bare walk (floor)"),
    ] {
        println!(
            "  {name:<34} {:6.1} ns/msg  {:5.2}x bare",
            dns(i),
            d[i].ratio
        );
    }
    println!(
        "  ratios: peer/index_cached {:.1}x, peer/typed {:.1}x; index_cached allocs/msg {:.2}",
        d[4].ratio / d[1].ratio,
        d[4].ratio / d[3].ratio,
        a_dump as f64 / n
    );

    let mut g = c.benchmark_group("rtnl_route_100k");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(2))
        .warm_up_time(Duration::from_millis(500));
    g.bench_function("ferroute_typed", |b| {
        b.iter(|| run(&buf, &ranges, ferroute_typed))
    });
    g.bench_function("ferroute_cached", |b| {
        b.iter(|| run_cached(&buf, &ranges, false, ferroute_cached))
    });
    g.bench_function("ferroute_index", |b| {
        b.iter(|| run(&buf, &ranges, ferroute_indexed))
    });
    g.bench_function("netlink_packet_route", |b| {
        b.iter(|| run(&buf, &ranges, peer))
    });
    g.bench_function("ferroute_raw", |b| {
        b.iter(|| run(&buf, &ranges, ferroute_raw))
    });
    g.bench_function("bare_walk", |b| b.iter(|| run(&buf, &ranges, bare_walk)));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
