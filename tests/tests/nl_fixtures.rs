//! The framing layer on real kernel bytes (tests/fixtures/nl, captured by capture.sh there):
//! an RTM_GETLINK dump of a fresh namespace and an NLMSG_ERROR with extended ack.

use ferroute_codec::nl::{
    AckMsg, AttrIndex, FlagContext, Messages, NLMSG_DONE, NLMSG_ERROR, NlmF, flag_names,
};
use ferroute_tests::{Fixtures, messages};

const FIXTURES: Fixtures = Fixtures("nl");

const IFLA_ADDRESS: u16 = 1;
const IFLA_IFNAME: u16 = 3;
const IFLA_MTU: u16 = 4;
const IFLA_TXQLEN: u16 = 13;
const IFLA_OPERSTATE: u16 = 16;

#[test]
fn lo_dump_reads_like_iproute2_saw_it() {
    let data = FIXTURES.bytes("lo-dump.bin");
    let ip = FIXTURES.json("lo-dump.ip.json");
    let lo = &ip[0];
    let msgs = messages(&data);
    assert_eq!(msgs.len(), 2, "one RTM_NEWLINK and NLMSG_DONE");
    let link = msgs[0];
    assert_eq!(link.nlmsg_type(), 16);
    assert!(link.flags().contains(NlmF::MULTI));
    assert_eq!(link.nlmsg_pid(), msgs[1].nlmsg_pid());
    // ifinfomsg: family 0, type ARPHRD_LOOPBACK (772), index 1, flags IFF_LOOPBACK (8)
    let p = link.payload();
    assert_eq!(u16::from_ne_bytes([p[2], p[3]]), 772);
    assert_eq!(
        i32::from_ne_bytes(p[4..8].try_into().unwrap()) as i64,
        lo["ifindex"].as_i64().unwrap()
    );
    let tb: AttrIndex<'_, 80> = AttrIndex::new(link.attrs_after(16)).unwrap();
    assert_eq!(
        tb.get(IFLA_IFNAME).unwrap().as_cstr().unwrap(),
        lo["ifname"].as_str().unwrap()
    );
    assert_eq!(
        tb.get(IFLA_MTU).unwrap().as_u32().unwrap() as u64,
        lo["mtu"].as_u64().unwrap()
    );
    assert_eq!(
        tb.get(IFLA_TXQLEN).unwrap().as_u32().unwrap() as u64,
        lo["txqlen"].as_u64().unwrap()
    );
    assert_eq!(
        tb.get(IFLA_OPERSTATE).unwrap().as_u8().unwrap(),
        2,
        "IF_OPER_DOWN"
    );
    assert_eq!(lo["operstate"], "DOWN");
    assert_eq!(tb.get(IFLA_ADDRESS).unwrap().as_mac().unwrap(), [0; 6]);
    // every attribute of the dump walks without a framing error
    assert!(link.attrs_after(16).validate().unwrap() > 30);
    let done = AckMsg::parse(msgs[1]).unwrap();
    assert_eq!(msgs[1].nlmsg_type(), NLMSG_DONE);
    assert!(done.is_ack());
}

#[test]
fn ext_ack_error_names_the_unknown_kind() {
    let data = FIXTURES.bytes("unknown-kind-error.bin");
    let m = Messages::new(&data).next().unwrap().unwrap();
    assert_eq!(m.nlmsg_type(), NLMSG_ERROR);
    let names: Vec<_> = flag_names(m.nlmsg_flags(), FlagContext::Ack)
        .map(|f| f.unwrap())
        .collect();
    assert_eq!(names, ["NLM_F_ACK_TLVS"]);
    let a = AckMsg::parse(m).unwrap();
    assert_eq!(a.errno(), Some(95), "EOPNOTSUPP");
    let req = a.request_header().unwrap();
    assert_eq!((req.nlmsg_type(), req.nlmsg_seq()), (16, 1));
    assert_eq!(
        a.request_payload().len(),
        req.nlmsg_len() as usize - 16,
        "not capped: the request is echoed"
    );
    assert_eq!(a.ext_ack().msg, Some("Unknown device type"));
    assert_eq!(m.nlmsg_seq(), 1);
}

#[test]
fn truncated_fixtures_give_errors_naming_the_offset() {
    let data = FIXTURES.bytes("lo-dump.bin");
    let first_len = u32::from_ne_bytes(data[0..4].try_into().unwrap()) as usize;
    // cut inside the second message's header
    let cut = &data[..first_len + 8];
    let r: Vec<_> = Messages::new(cut).collect();
    assert!(r[0].is_ok());
    let e = r[1].unwrap_err();
    assert_eq!(e.offset as usize, first_len);
    // cut inside the first message
    let e = Messages::new(&data[..100]).next().unwrap().unwrap_err();
    assert_eq!(e.offset, 0);
    assert_eq!(e.msg_type, Some(16));
}
