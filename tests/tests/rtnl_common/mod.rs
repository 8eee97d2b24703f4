//! Helpers shared by the rtnl fixture tests: their fixtures, interface names from
//! `ip -j link`, attribute lookup in the decode tool's JSON, and a typed re-encoder.
#![allow(dead_code)]

use ferroute_codec::nl::{Attr, AttrIter, Error, MsgBuilder, NLMSG_DONE, NlMsg, NlaWriter};
pub use ferroute_codec::rtnl::Rtnl;
pub use ferroute_tests::{Fixtures, attr, decode_all, describe, emit_all};

/// The captures of the rtnl tests (tests/fixtures/route).
pub const FIXTURES: Fixtures = Fixtures("route");

/// The data messages of a dump (NLMSG_DONE dropped; framing must be clean).
pub fn messages(bytes: &[u8]) -> Vec<NlMsg<'_>> {
    let v = ferroute_tests::messages(bytes);
    assert_eq!(
        v.last().unwrap().nlmsg_type(),
        NLMSG_DONE,
        "dump ends with DONE"
    );
    v.into_iter()
        .filter(|m| m.nlmsg_type() != NLMSG_DONE)
        .collect()
}

/// Interface name of `ifindex` in the capture namespace (from `ip -j -d link show`).
pub fn ifname(ifindex: u32) -> String {
    ferroute_tests::ifname_in(&FIXTURES.json("links.ip.json"), ifindex)
}

/// ip's name of routing table `t` (rt_tables: default, main, local), else its number.
pub fn table_name(t: u32) -> String {
    match t {
        253 => "default".into(),
        254 => "main".into(),
        255 => "local".into(),
        n => n.to_string(),
    }
}

/// Rebuilds a message from its header's `hdr_len` bytes and its attributes `attrs`
/// decoded by `decode` and emitted again by `emit` (the family's typed enum, e.g.
/// `RouteAttr::decode`, `RouteAttr::emit`), and checks the bytes equal.
pub fn reencode<'a, T>(
    msg: &NlMsg<'a>,
    hdr_len: usize,
    attrs: AttrIter<'a>,
    decode: impl Fn(Attr<'a>) -> Result<T, Error>,
    emit: impl Fn(&T, &mut MsgBuilder<Vec<u8>>) -> Result<(), Error>,
) {
    let mut b = ferroute_tests::builder_like(msg);
    b.append_bytes(&msg.payload()[..hdr_len]).unwrap();
    for a in attrs {
        emit(&decode(a.unwrap()).unwrap(), &mut b).unwrap();
    }
    let out = b.finish().unwrap();
    assert_eq!(out.as_slice(), msg.bytes(), "typed re-encode differs");
}
