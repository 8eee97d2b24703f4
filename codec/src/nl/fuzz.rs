//! Fuzzing entry points of the framing layer; the fuzz crate and the corpus replay tests
//! call the same functions, so a crash found by a campaign is a `cargo test` failure.

use super::attr::{AttrIter, NLA_F_NESTED};
use super::buffer::{Buffer, SliceBuf};
use super::builder::{AttrBuilder, NlaWriter};
use super::msg::Messages;

/// Deepest nesting the walk follows.
pub const MAX_DEPTH: usize = 16;

fn walk_attrs(iter: AttrIter<'_>, depth: usize, count: &mut usize) {
    for a in iter {
        let Ok(a) = a else { return };
        *count += 1;
        let _ = (a.as_u32(), a.as_cstr(), a.as_ip(), a.as_uint());
        // Any payload may be a list: try it like a decoder that guesses would.
        if depth < MAX_DEPTH && (a.is_nested() || a.payload().len() >= 4) {
            walk_attrs(a.nested(), depth + 1, count);
        }
    }
}

/// Walks a datagram: every message, and the attributes after family headers of 0 to 20
/// bytes, recursing into anything that parses as nested attributes (depth-limited).
/// Returns the number of attributes seen. Never panics.
pub fn walk_datagram(data: &[u8]) -> usize {
    let mut count = 0;
    for m in Messages::new(data) {
        let Ok(m) = m else { break };
        for hdr in [0usize, 4, 8, 12, 16, 20] {
            walk_attrs(m.attrs_after(hdr), 0, &mut count);
        }
    }
    count
}

/// Interprets `data` as a recipe for an attribute tree, builds it, parses it back, and
/// checks that the parse gives the same tree and that a raw rebuild gives the same bytes.
/// Panics (a fuzz finding) only if the codec is wrong.
pub fn roundtrip(data: &[u8]) {
    let mut store = [0u8; 4096];
    let mut w = AttrBuilder::new(SliceBuf::new(&mut store));
    let mut open = heapless::Vec::<_, 8>::new();
    let mut leaves = heapless::Vec::<(u16, usize), 64>::new();
    for c in data.chunks(3) {
        let [op, ty, len] = match *c {
            [a, b, c] => [a, b, c],
            _ => break,
        };
        let ty = u16::from(ty) & 0x3fff;
        match op % 4 {
            0 | 1 => {
                let payload: heapless::Vec<u8, 64> =
                    (0..(len % 64)).map(|i| i.wrapping_mul(31)).collect();
                if w.put_bytes(ty, &payload).is_ok() {
                    let _ = leaves.push((ty, payload.len()));
                }
            }
            2 => {
                if !open.is_full()
                    && let Ok(n) = w.nest_start(ty)
                {
                    let _ = open.push(n);
                }
            }
            _ => {
                if let Some(n) = open.pop() {
                    let before = w.buffer().len();
                    assert!(w.nest_end(n).is_ok() || before > 0xffff);
                }
            }
        }
    }
    while let Some(n) = open.pop() {
        let _ = w.nest_end(n);
    }
    let buf = w.into_inner();
    let bytes = buf.as_slice();
    // Every leaf comes back, in order, with its length.
    let mut got = heapless::Vec::<(u16, usize), 64>::new();
    collect_leaves(AttrIter::new(bytes), &mut got, 0);
    assert_eq!(
        got, leaves,
        "parse of built attributes differs from what was built"
    );
    // Raw rebuild gives the same bytes.
    let mut store2 = [0u8; 4096];
    let mut w2 = AttrBuilder::new(SliceBuf::new(&mut store2));
    for a in AttrIter::new(bytes) {
        let a = a.expect("built attributes must parse");
        w2.put_raw(&a).expect("same size fits");
    }
    assert_eq!(w2.into_inner().as_slice(), bytes, "raw rebuild differs");
}

fn collect_leaves(iter: AttrIter<'_>, out: &mut heapless::Vec<(u16, usize), 64>, depth: usize) {
    for a in iter {
        let a = a.expect("built attributes must parse");
        if a.raw_type() & NLA_F_NESTED != 0 && depth < 16 {
            collect_leaves(a.nested(), out, depth + 1);
        } else {
            let _ = out.push((a.kind(), a.payload().len()));
        }
    }
}
