//! Layout memo for reading dumps: the messages of a dump mostly repeat one attribute
//! layout, and a list whose headers match the remembered layout is indexed by comparing
//! those headers, with no walk.
//!
//! A walk must read each `nla_len` before it knows where the next header is, so its
//! loads form one chain; a layout check knows every position in advance and compares
//! the header words independently. It pays when consecutive messages share a layout, as
//! the routes of a table mostly do (the same attributes with the same lengths: an IPv4
//! `RTA_DST` is 4 bytes whatever the prefix). A miss (a new layout) costs a walk plus
//! recording it, a little more than `index()`. Link dumps match less often: names of
//! different lengths give `IFLA_IFNAME` different `nla_len`s. Figures: the README's
//! performance section (`cargo bench -p ferroute-benches --bench rtnl_route`).
//!
//! ```
//! use ferroute_codec::nl::{LayoutCache, Messages, NlaWriter};
//! use ferroute_codec::rtnl::consts::RTM_NEWROUTE;
//! use ferroute_codec::rtnl::route::{self, RouteMsg, RtMsg, RTA_OIF, RTA_PRIORITY};
//!
//! // a dump of four routes laid out alike
//! let mut dump = heapless::Vec::<u8, 512>::new();
//! for i in 0..4u32 {
//!     let mut b = route::build(dump, RTM_NEWROUTE, 2, 1, &RtMsg::default())?;
//!     b.put_u32(RTA_OIF, i + 1)?;
//!     b.put_u32(RTA_PRIORITY, 10 * i)?;
//!     dump = b.finish()?;
//! }
//! let mut cache = LayoutCache::new();
//! let mut oifs = [0u32; 4];
//! for (m, oif) in Messages::new(&dump).zip(&mut oifs) {
//!     let route = RouteMsg::parse(m?)?;
//!     let idx = route.index_cached(&mut cache)?;
//!     *oif = idx.oif()?.unwrap_or(0);
//! }
//! assert_eq!(oifs, [1, 2, 3, 4]);
//! // the first message taught the cache its layout; the other three matched it
//! assert_eq!((cache.misses(), cache.hits()), (1, 3));
//! # Ok::<(), ferroute_codec::nl::Error>(())
//! ```

use super::attr::{Attr, AttrIter, AttrLookup, NLA_HDRLEN, NLA_TYPE_MASK};
use super::error::{Error, ErrorKind};

/// The most attributes a remembered layout holds. A longer list is still indexed, by a
/// walk each time, but not remembered.
pub const LAYOUT_MAX_ATTRS: usize = 64;

/// Remembers the layout of the last attribute list it indexed (each header's position
/// and its `nla_len`/`nla_type` word) and the table of types that walk built.
///
/// A list of the same byte length whose header words are the same at the same positions
/// walks exactly as the remembered one did, so its table is the same: [`index`] then
/// compares the words and reuses the table. Any other list is walked (errors as
/// [`AttrIndex::new`](super::AttrIndex::new) reports them) and becomes the remembered
/// layout. `N` is the table size: types at or above it are not indexed.
///
/// The typed form is the `index_cached` method of each message view
/// (`RouteMsg::index_cached`, `LinkMsg::index_cached`, ...).
///
/// [`index`]: LayoutCache::index
#[derive(Debug, Clone)]
pub struct LayoutCache<const N: usize> {
    /// Byte length of the remembered list; `usize::MAX` when nothing is remembered.
    len: usize,
    /// Number of headers recorded by the last walk (at most [`LAYOUT_MAX_ATTRS`]).
    count: usize,
    /// The last walk recorded every header (so its table entries are known by type).
    tracked: bool,
    /// Each recorded header: its position in the list and its 4 bytes as one word.
    heads: [(u32, u32); LAYOUT_MAX_ATTRS],
    /// Per type: the payload position (low 32 bits), payload length (next 16) and
    /// `nla_type` as on the wire (top 16); [`ABSENT`] when the list has no such type.
    tb: [u64; N],
    hits: u64,
    misses: u64,
}

impl<const N: usize> Default for LayoutCache<N> {
    fn default() -> Self {
        Self::new()
    }
}

/// A table entry for a type the list lacks: position u32::MAX, length 0. No list is that
/// long (nlmsg_len is a u32 and includes the headers), so no payload lies there.
const ABSENT: u64 = u32::MAX as u64;

/// The 4-byte header at `pos`, as one word.
#[inline(always)]
fn word_at(list: &[u8], pos: usize) -> Option<u32> {
    // `checked_add` rather than `+`: no overflow check can fail here on 64-bit targets
    // (`pos` came from a u32), so the compiler keeps a single bound test
    match list.get(pos..pos.checked_add(4)?) {
        Some(&[a, b, c, d]) => Some(u32::from_ne_bytes([a, b, c, d])),
        _ => None,
    }
}

impl<const N: usize> LayoutCache<N> {
    /// An empty cache (the first list it sees is walked).
    pub const fn new() -> Self {
        LayoutCache {
            len: usize::MAX,
            count: 0,
            tracked: true,
            heads: [(0, 0); LAYOUT_MAX_ATTRS],
            tb: [ABSENT; N],
            hits: 0,
            misses: 0,
        }
    }

    /// Indexes the list `iter` walks: by comparing its headers with the remembered
    /// layout when they match, by a walk (which it then remembers) otherwise. A framing
    /// error is returned as the walk finds it and leaves nothing remembered. A list of
    /// 4 GiB or more (which no netlink message can hold) is refused with
    /// [`ErrorKind::TooLong`].
    #[inline(always)]
    pub fn index<'a, 'c>(
        &'c mut self,
        iter: AttrIter<'a>,
    ) -> Result<LayoutIndex<'a, 'c, N>, Error> {
        let (list, base) = (iter.bytes(), iter.base());
        if self.matches(list) {
            self.hits += 1;
        } else {
            self.misses += 1;
            self.learn(list, base, iter.msg_type())?;
        }
        Ok(LayoutIndex {
            list,
            base,
            tb: &self.tb,
        })
    }

    /// Lists indexed by comparison with the remembered layout.
    pub fn hits(&self) -> u64 {
        self.hits
    }

    /// Lists that had to be walked (the first one, and each change of layout).
    pub fn misses(&self) -> u64 {
        self.misses
    }

    /// Forgets the remembered layout (the counters stay).
    pub fn clear(&mut self) {
        self.len = usize::MAX;
    }

    /// Same length, same header words at the remembered positions.
    #[inline(always)]
    fn matches(&self, list: &[u8]) -> bool {
        if list.len() != self.len {
            return false;
        }
        let Some(heads) = self.heads.get(..self.count) else {
            return false;
        };
        for &(pos, w) in heads {
            if word_at(list, pos as usize) != Some(w) {
                return false;
            }
        }
        true
    }

    /// Walks the list, fills the table and remembers the layout when it is small enough.
    #[cold]
    #[inline(never)]
    fn learn(&mut self, list: &[u8], base: usize, msg_type: Option<u16>) -> Result<(), Error> {
        self.len = usize::MAX; // nothing is remembered unless the walk ends well
        // unset the previous walk's entries: only those its headers name, when it
        // recorded them all, else the whole table
        match (self.tracked, self.heads.get(..self.count)) {
            (true, Some(heads)) => {
                for (_, w) in heads {
                    let [_, _, t0, t1] = w.to_ne_bytes();
                    let ty = u16::from_ne_bytes([t0, t1]) & NLA_TYPE_MASK;
                    if let Some(slot) = self.tb.get_mut(ty as usize) {
                        *slot = ABSENT;
                    }
                }
            }
            _ => self.tb = [ABSENT; N],
        }
        self.count = 0;
        self.tracked = true;
        // positions are kept as u32 below ABSENT; a netlink list is far shorter
        if list.len() >= u32::MAX as usize {
            return Err(Error::new(ErrorKind::TooLong, base));
        }
        let mut iter = AttrIter::with_base(list, base);
        if let Some(t) = msg_type {
            iter = iter.with_msg_type(t);
        }
        for a in iter {
            let a = a?;
            // the header's position in `list` (offsets are kept modulo 2^32)
            let pos = (a.offset() as u32).wrapping_sub(base as u32);
            if let Some(slot) = self.tb.get_mut(a.kind() as usize) {
                *slot = u64::from(pos + NLA_HDRLEN as u32)
                    | (a.payload().len() as u64) << 32
                    | u64::from(a.raw_type()) << 48;
            }
            match (self.heads.get_mut(self.count), word_at(list, pos as usize)) {
                (Some(h), Some(word)) => {
                    *h = (pos, word);
                    self.count += 1;
                }
                _ => self.tracked = false,
            }
        }
        if self.tracked {
            self.len = list.len();
        }
        Ok(())
    }
}

/// An attribute list indexed through a [`LayoutCache`]: the list's bytes and the
/// cache's table. Read it through a set's typed index (`RouteIndex` and the others).
#[derive(Debug, Clone, Copy)]
pub struct LayoutIndex<'a, 'c, const N: usize> {
    list: &'a [u8],
    base: usize,
    tb: &'c [u64; N],
}

impl<'a, const N: usize> AttrLookup<'a> for LayoutIndex<'a, '_, N> {
    #[inline]
    fn get(&self, ty: u16) -> Option<Attr<'a>> {
        let e = *self.tb.get(ty as usize)?;
        // ABSENT's position is past the end of any list, so the slice below is `None`
        let pos = e as u32 as usize;
        let payload = self
            .list
            .get(pos..pos.checked_add((e >> 32) as u16 as usize)?)?;
        Some(Attr::from_parts(
            (e >> 48) as u16,
            payload,
            self.base.wrapping_add(pos.wrapping_sub(NLA_HDRLEN)),
        ))
    }
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;
    use crate::nl::AttrIndex;
    use std::vec::Vec;

    fn list(attrs: &[(u16, &[u8])]) -> Vec<u8> {
        let mut v = Vec::new();
        for (t, p) in attrs {
            v.extend_from_slice(&((p.len() + 4) as u16).to_ne_bytes());
            v.extend_from_slice(&t.to_ne_bytes());
            v.extend_from_slice(p);
            v.resize((v.len() + 3) & !3, 0);
        }
        v
    }

    /// Every lookup through the cache equals the one through a fresh walk.
    fn same_as_walk(cache: &mut LayoutCache<8>, bytes: &[u8], base: usize) {
        let walked = AttrIndex::<8>::new(AttrIter::with_base(bytes, base)).unwrap();
        let cached = cache.index(AttrIter::with_base(bytes, base)).unwrap();
        for ty in 0..10 {
            assert_eq!(cached.get(ty), walked.get(ty), "type {ty}");
        }
    }

    #[test]
    fn a_repeated_layout_is_matched_and_reads_the_new_bytes() {
        let mut c = LayoutCache::<8>::new();
        let a = list(&[(1, &[1, 2, 3, 4]), (5, b"ab"), (3, &[9; 8])]);
        let b = list(&[(1, &[5, 6, 7, 8]), (5, b"cd"), (3, &[7; 8])]);
        same_as_walk(&mut c, &a, 100);
        same_as_walk(&mut c, &b, 200);
        same_as_walk(&mut c, &a, 0);
        assert_eq!((c.misses(), c.hits()), (1, 2));
        let i = c.index(AttrIter::new(&b)).unwrap();
        assert_eq!(i.get(1).unwrap().payload(), &[5, 6, 7, 8]);
        assert_eq!(i.get(5).unwrap().payload(), b"cd");
        assert_eq!(i.get(5).unwrap().offset(), 8);
        assert_eq!(i.get(2), None);
    }

    #[test]
    fn a_different_header_anywhere_is_a_miss() {
        let mut c = LayoutCache::<8>::new();
        let a = list(&[(1, &[0; 4]), (2, &[0; 4]), (3, &[0; 4])]);
        same_as_walk(&mut c, &a, 0);
        // same length, same types, the last two swapped
        same_as_walk(
            &mut c,
            &list(&[(1, &[0; 4]), (3, &[0; 4]), (2, &[0; 4])]),
            0,
        );
        // the same types and total length, lengths shifted between attributes
        same_as_walk(&mut c, &list(&[(1, &[0; 8]), (2, &[]), (3, &[0; 4])]), 0);
        // a flag bit differs
        same_as_walk(
            &mut c,
            &list(&[(1, &[0; 4]), (2 | 0x8000, &[0; 4]), (3, &[0; 4])]),
            0,
        );
        // an unpadded tail of the same length: nla_len 5 vs 6
        same_as_walk(
            &mut c,
            &list(&[(1, &[0; 4]), (2, &[0; 4]), (3, &[0; 1])]),
            0,
        );
        same_as_walk(
            &mut c,
            &list(&[(1, &[0; 4]), (2, &[0; 4]), (3, &[0; 2])]),
            0,
        );
        assert_eq!((c.misses(), c.hits()), (6, 0));
    }

    #[test]
    fn a_framing_error_is_reported_and_forgets_the_layout() {
        let mut c = LayoutCache::<8>::new();
        let good = list(&[(1, &[0; 4]), (2, &[0; 4])]);
        same_as_walk(&mut c, &good, 0);
        let mut bad = good.clone();
        bad[8] = 200; // the second nla_len runs past the end
        let e = c.index(AttrIter::with_base(&bad, 16)).unwrap_err();
        assert_eq!(
            e,
            AttrIndex::<8>::new(AttrIter::with_base(&bad, 16)).unwrap_err()
        );
        assert_eq!(e.offset, 24);
        // the good layout is walked again, not matched against a half-learnt one
        same_as_walk(&mut c, &good, 0);
        assert_eq!((c.misses(), c.hits()), (3, 0));
        same_as_walk(&mut c, &good, 0);
        assert_eq!(c.hits(), 1);
    }

    #[test]
    fn lists_beyond_the_memo_are_walked_each_time() {
        let mut c = LayoutCache::<8>::new();
        let many: Vec<(u16, &[u8])> = (0..LAYOUT_MAX_ATTRS as u16 + 1)
            .map(|i| (i % 8, &[][..]))
            .collect();
        let l = list(&many);
        same_as_walk(&mut c, &l, 0);
        same_as_walk(&mut c, &l, 0);
        assert_eq!((c.misses(), c.hits()), (2, 0));
        // a list as long, with none of those types: nothing of the long walk is left
        same_as_walk(&mut c, &list(&[(9, &[0; 300])]), 0);
        same_as_walk(&mut c, &l, 0);
        same_as_walk(&mut c, &list(&[(7, &[0; 300])]), 0);
        // the empty list is a layout like any other
        same_as_walk(&mut c, &[], 0);
        same_as_walk(&mut c, &[], 0);
        assert_eq!(c.hits(), 1);
    }
}
