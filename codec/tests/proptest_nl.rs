//! Property tests of the framing layer: built attribute trees parse back to the same
//! tree, parsed bytes rebuild to the same bytes, and arbitrary bytes never panic.

use ferroute_codec::nl::{
    AckMsg, AttrBuilder, AttrIter, Buffer, Messages, MsgBuilder, NLA_F_NESTED, NlaWriter, SliceBuf,
    fuzz,
};
use proptest::prelude::*;

#[derive(Debug, Clone, PartialEq)]
enum Node {
    Leaf(u16, Vec<u8>),
    Nest(u16, Vec<Node>),
}

fn tree() -> impl Strategy<Value = Vec<Node>> {
    let leaf = (0u16..0x3fff, proptest::collection::vec(any::<u8>(), 0..40))
        .prop_map(|(t, v)| Node::Leaf(t, v));
    let node = leaf.prop_recursive(4, 64, 6, |inner| {
        (0u16..0x3fff, proptest::collection::vec(inner, 0..6)).prop_map(|(t, v)| Node::Nest(t, v))
    });
    proptest::collection::vec(node, 0..8)
}

fn build<W: NlaWriter>(w: &mut W, nodes: &[Node]) {
    for n in nodes {
        match n {
            Node::Leaf(t, v) => w.put_bytes(*t, v).unwrap(),
            Node::Nest(t, kids) => {
                let nest = w.nest_start(*t).unwrap();
                build(w, kids);
                w.nest_end(nest).unwrap();
            }
        }
    }
}

fn parse(iter: AttrIter<'_>) -> Vec<Node> {
    iter.map(|a| {
        let a = a.unwrap();
        if a.raw_type() & NLA_F_NESTED != 0 {
            Node::Nest(a.kind(), parse(a.nested()))
        } else {
            Node::Leaf(a.kind(), a.payload().to_vec())
        }
    })
    .collect()
}

proptest! {
    #[test]
    fn built_trees_parse_back_and_rebuild_to_the_same_bytes(nodes in tree(), seq in any::<u32>()) {
        let mut store = vec![0u8; 1 << 16];
        let mut b = MsgBuilder::new(SliceBuf::new(&mut store), 0x20, 0x1, seq, 0).unwrap();
        b.append_bytes(&[1, 2, 3, 4]).unwrap();
        build(&mut b, &nodes);
        let buf = b.finish().unwrap();
        let bytes = buf.as_slice().to_vec();
        let m = Messages::new(&bytes).next().unwrap().unwrap();
        prop_assert_eq!(m.header().nlmsg_len() as usize, bytes.len());
        prop_assert_eq!(m.nlmsg_seq(), seq);
        prop_assert_eq!(parse(m.attrs_after(4)), nodes);

        let mut store2 = vec![0u8; 1 << 16];
        let mut w = AttrBuilder::new(SliceBuf::new(&mut store2));
        for a in m.attrs_after(4) {
            w.put_raw(&a.unwrap()).unwrap();
        }
        let rebuilt = w.into_inner();
        prop_assert_eq!(rebuilt.as_slice(), &bytes[20..]);
    }

    #[test]
    fn a_full_buffer_fails_cleanly_and_keeps_what_was_committed(nodes in tree(), cap in 16usize..200) {
        let mut store = vec![0u8; cap];
        let mut b = MsgBuilder::new(SliceBuf::new(&mut store), 0x20, 0, 1, 0).unwrap();
        let mut committed = b.bytes().to_vec();
        for n in &nodes {
            if let Node::Leaf(t, v) = n {
                match b.put_bytes(*t, v) {
                    Ok(()) => committed = b.bytes().to_vec(),
                    Err(_) => prop_assert_eq!(b.bytes(), &committed[..]),
                }
            }
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_walks(data in proptest::collection::vec(any::<u8>(), 0..512)) {
        for m in Messages::new(&data) {
            let Ok(m) = m else { break };
            let _ = AckMsg::parse(m).map(|a| a.ext_ack());
            for a in m.attrs_after(4) {
                let Ok(a) = a else { break };
                let _ = (a.as_u64(), a.as_cstr(), a.as_ip(), a.as_mac());
            }
        }
        fuzz::walk_datagram(&data);
        let _ = AttrIter::new(&data).count();
    }

    #[test]
    fn fuzz_roundtrip_recipe_holds(data in proptest::collection::vec(any::<u8>(), 0..300)) {
        fuzz::roundtrip(&data);
    }
}
