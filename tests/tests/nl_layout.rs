//! `LayoutCache`: an index through the cache equals the index a walk builds, for every
//! message of the captured dumps (typed getters included) and for any sequence of lists,
//! well-formed or not; a repeated layout is matched rather than walked.

use ferroute_codec::nl::{AttrIndex, AttrIter, Error, LayoutCache};
use ferroute_codec::rtnl::{addr, link, neigh, route, rule};
use ferroute_tests::{Fixtures, messages};
use proptest::prelude::*;

/// Over the fixture files given, `index_cached` with one cache per file gives what
/// `index` gives for every type id (and for one id past the table); returns the
/// cache's (misses, hits) summed over the files.
macro_rules! cached_matches_walk {
    ($m:ident, $msg:ident, $set:ident, [$(($dir:literal, $file:literal)),*]) => {{
        let (mut misses, mut hits, mut lookups) = (0, 0, 0);
        for (dir, file) in [$(($dir, $file)),*] {
            let bytes = Fixtures(dir).bytes(file);
            let mut cache = LayoutCache::new();
            for msg in messages(&bytes) {
                let Ok(x) = $m::$msg::parse(msg) else { continue };
                let walked = x.index();
                let cached = x.index_cached(&mut cache);
                match (walked, cached) {
                    (Ok(w), Ok(c)) => {
                        for ty in 0..=$m::$set::TB_LEN as u16 {
                            assert_eq!(c.get(ty), w.get(ty), "{file}: type {ty}");
                            lookups += usize::from(w.get(ty).is_some());
                        }
                    }
                    (w, c) => assert_eq!(w.err(), c.err(), "{file}"),
                }
            }
            misses += cache.misses();
            hits += cache.hits();
        }
        assert!(lookups > 0, "no attribute looked up");
        (misses, hits)
    }};
}

#[test]
fn routes_through_the_cache_equal_the_walk() {
    let (misses, hits) = cached_matches_walk!(
        route,
        RouteMsg,
        RouteAttrs,
        [("route", "route4-dump.bin"), ("route", "route6-dump.bin")]
    );
    // the captured dumps repeat layouts (same attributes, same lengths) in runs
    assert!(hits >= 20, "{misses} misses, {hits} hits");
}

#[test]
fn links_addresses_neighbours_and_rules_through_the_cache_equal_the_walk() {
    cached_matches_walk!(
        link,
        LinkMsg,
        LinkAttrs,
        [("link", "dump.bin"), ("link", "bridge-dump.bin")]
    );
    cached_matches_walk!(addr, AddrMsg, AddrAttrs, [("route", "addr-dump.bin")]);
    let (_, hits) = cached_matches_walk!(
        neigh,
        NeighMsg,
        NeighAttrs,
        [
            ("route", "neigh4-dump.bin"),
            ("route", "neigh6-dump.bin"),
            ("route", "fdb-dump.bin")
        ]
    );
    assert!(hits > 0);
    cached_matches_walk!(
        rule,
        RuleMsg,
        RuleAttrs,
        [("route", "rule4-dump.bin"), ("route", "rule6-dump.bin")]
    );
}

#[test]
fn typed_getters_read_each_message_through_a_shared_layout() {
    let bytes = Fixtures("route").bytes("route4-dump.bin");
    let mut cache = LayoutCache::new();
    let mut compared = 0;
    for msg in messages(&bytes) {
        let Ok(r) = route::RouteMsg::parse(msg) else {
            continue;
        };
        let w = r.index().unwrap();
        let c = r.index_cached(&mut cache).unwrap();
        assert_eq!(c.dst(), w.dst());
        assert_eq!(c.gateway(), w.gateway());
        assert_eq!(c.oif(), w.oif());
        assert_eq!(c.table(), w.table());
        assert_eq!(c.priority(), w.priority());
        assert_eq!(c.prefsrc(), w.prefsrc());
        assert_eq!(c.metrics(), w.metrics());
        assert_eq!(c.multipath(), w.multipath());
        compared += 1;
    }
    assert!(compared > 10);
    assert!(cache.hits() > 0);
}

/// An attribute list from (type, payload length, fill byte) triples.
fn list(attrs: &[(u16, usize, u8)]) -> Vec<u8> {
    let mut v = Vec::new();
    for &(t, n, fill) in attrs {
        v.extend_from_slice(&((n + 4) as u16).to_ne_bytes());
        v.extend_from_slice(&t.to_ne_bytes());
        v.resize(v.len() + n, fill);
        v.resize((v.len() + 3) & !3, 0);
    }
    v
}

/// What a lookup of every id gives, or the framing error.
type Lookups = Result<Vec<Option<(u16, Vec<u8>, usize)>>, Error>;

fn lookups<'a>(get: impl Fn(u16) -> Option<ferroute_codec::nl::Attr<'a>>) -> Lookups {
    Ok((0..12)
        .map(|ty| get(ty).map(|a| (a.raw_type(), a.payload().to_vec(), a.offset())))
        .collect())
}

proptest! {
    /// Lists drawn from three layouts (so layouts repeat and alternate), each with its own
    /// payload bytes, some with one byte changed anywhere (a header included) or the
    /// tail cut: through one cache, every list indexes as a fresh walk indexes it.
    #[test]
    fn a_cache_never_differs_from_a_walk(
        layouts in prop::collection::vec(
            prop::collection::vec((0u16..12, 0usize..10), 0..8), 3),
        picks in prop::collection::vec(
            (0usize..3, any::<u8>(), prop::option::weighted(0.3, (any::<prop::sample::Index>(), any::<u8>())),
             prop::option::weighted(0.1, any::<prop::sample::Index>())),
            1..24),
        base in 0usize..64,
    ) {
        let mut cache = LayoutCache::<10>::new();
        for (k, fill, poke, cut) in picks {
            let attrs: Vec<_> = layouts[k].iter().map(|&(t, n)| (t, n, fill)).collect();
            let mut bytes = list(&attrs);
            if let (Some((at, v)), false) = (poke, bytes.is_empty()) {
                let i = at.index(bytes.len());
                bytes[i] = v;
            }
            if let (Some(at), false) = (cut, bytes.is_empty()) {
                bytes.truncate(at.index(bytes.len()));
            }
            let walked = AttrIndex::<10>::new(AttrIter::with_base(&bytes, base))
                .map_or_else(Err, |w| lookups(|t| w.get(t)));
            let cached = match cache.index(AttrIter::with_base(&bytes, base)) {
                Ok(c) => {
                    use ferroute_codec::nl::AttrLookup;
                    lookups(|t| c.get(t))
                }
                Err(e) => Err(e),
            };
            prop_assert_eq!(cached, walked);
        }
    }
}

#[test]
fn the_same_layout_twice_is_one_walk() {
    let mut cache = LayoutCache::<10>::new();
    let a = list(&[(1, 4, 1), (2, 6, 2), (3, 0, 0)]);
    let b = list(&[(1, 4, 7), (2, 6, 8), (3, 0, 0)]);
    for l in [&a, &b, &a, &b] {
        cache.index(AttrIter::new(l)).unwrap();
    }
    assert_eq!((cache.misses(), cache.hits()), (1, 3));
}
