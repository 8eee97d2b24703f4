//! Rule messages: kernel dumps (v4, v6) captured in a throwaway namespace decoded and
//! compared field by field with `ip -j -d rule show`, typed re-encode byte for byte,
//! a hand-written vector, and property round trips.

mod rtnl_common;

use ferroute_codec::nl::AttrIter;
use ferroute_codec::rtnl::consts::*;
use ferroute_codec::rtnl::rule::*;
use rtnl_common::*;
use serde_json::Value;

fn check_rule(r: &RuleMsg<'_>, j: &Value) {
    let h = r.header();
    let i = r.index().unwrap();
    assert_eq!(j["priority"], i.priority().unwrap().unwrap_or(0));
    match i.src().unwrap() {
        Some(s) => {
            assert_eq!(j["src"], s.to_string().as_str());
            assert_eq!(j["srclen"], h.src_len());
        }
        None => assert_eq!(j["src"], "all"),
    }
    match i.dst().unwrap() {
        Some(d) => {
            assert_eq!(j["dst"], d.to_string().as_str());
            assert_eq!(j["dstlen"], h.dst_len());
        }
        None => assert!(j.get("dst").is_none()),
    }
    match h.action() {
        FR_ACT_TO_TBL => assert_eq!(j["table"], table_name(r.table()).as_str()),
        FR_ACT_GOTO => assert_eq!(j["goto"], i.goto().unwrap().unwrap()),
        FR_ACT_PROHIBIT => assert_eq!(j["action"], "prohibit"),
        a => panic!("action {a}"),
    }
    match i.fwmark().unwrap() {
        Some(m) => assert_eq!(j["fwmark"], format!("{m:#x}").as_str()),
        None => assert!(j.get("fwmark").is_none()),
    }
    match i.fwmask().unwrap() {
        Some(m) if m != 0xffff_ffff => assert_eq!(j["fwmask"], format!("{m:#x}").as_str()),
        _ => assert!(j.get("fwmask").is_none()),
    }
    match i.iifname().unwrap() {
        Some(n) => assert_eq!(j["iif"], n),
        None => assert!(j.get("iif").is_none()),
    }
    match i.oifname().unwrap() {
        Some(n) => assert_eq!(j["oif"], n),
        None => assert!(j.get("oif").is_none()),
    }
    match i.uid_range().unwrap() {
        Some(u) if (u.start(), u.end()) != (0, u32::MAX) => {
            assert_eq!(
                (j["uid_start"].clone(), j["uid_end"].clone()),
                (u.start().into(), u.end().into())
            )
        }
        _ => assert!(j.get("uid_start").is_none()),
    }
    match i.suppress_prefixlen().unwrap() {
        Some(p) if p != u32::MAX => assert_eq!(j["suppress_prefixlen"], p),
        _ => assert!(j.get("suppress_prefixlen").is_none()),
    }
    match i.ip_proto().unwrap() {
        Some(6) => assert_eq!(j["ipproto"], "tcp"),
        Some(p) => panic!("proto {p}"),
        None => assert!(j.get("ipproto").is_none()),
    }
    check_port_range(j, "sport", i.sport_range().unwrap());
    check_port_range(j, "dport", i.dport_range().unwrap());
    let proto = match i.protocol().unwrap().unwrap_or(0) {
        0 => "unspec",
        2 => "kernel",
        p => panic!("protocol {p}"),
    };
    assert_eq!(j["protocol"], proto);
}

/// ip's form of port range `name` (sport, dport): `name` for one port, `name_start` and
/// `name_end` for a range, neither without one.
fn check_port_range(j: &Value, name: &str, r: Option<FibRulePortRange>) {
    let (start, end) = (format!("{name}_start"), format!("{name}_end"));
    match r {
        Some(p) if p.start() == p.end() => assert_eq!(j[name], p.start()),
        Some(p) => assert_eq!(
            (j[&start].clone(), j[&end].clone()),
            (p.start().into(), p.end().into())
        ),
        None => assert!(j.get(name).is_none() && j.get(&start).is_none(), "{j}"),
    }
}

fn check_dump(bin: &str, json_name: &str) -> Vec<u32> {
    let bytes = FIXTURES.bytes(bin);
    let msgs = messages(&bytes);
    let j = FIXTURES.json(json_name);
    let j = j.as_array().unwrap();
    assert_eq!(msgs.len(), j.len());
    let mut prios = vec![];
    for (m, j) in msgs.iter().zip(j) {
        assert_eq!(m.nlmsg_type(), RTM_NEWRULE);
        let r = RuleMsg::parse(*m).unwrap();
        check_rule(&r, j);
        prios.push(r.index().unwrap().priority().unwrap().unwrap_or(0));
        reencode(m, 12, r.attrs(), RuleAttr::decode, RuleAttr::emit);
    }
    prios
}

#[test]
fn ipv4_dump_matches_ip_rule() {
    let p = check_dump("rule4-dump.bin", "rule4-dump.ip.json");
    assert_eq!(p, [0, 1000, 1001, 1002, 1003, 1005, 32766, 32767]);
}

#[test]
fn ipv6_dump_matches_ip_rule() {
    let p = check_dump("rule6-dump.bin", "rule6-dump.ip.json");
    assert_eq!(p, [0, 2000, 2001, 32766]);
}

#[test]
fn describe_names_fields_and_structs() {
    let bytes = FIXTURES.bytes("rule4-dump.bin");
    let m = messages(&bytes)[3]; // priority 1002: oif, uidrange, suppress_prefixlen
    let d = describe::<Rtnl>(&m);
    assert_eq!(d["header"]["type"], "RTM_NEWRULE");
    assert_eq!(d["fib_rule_hdr"]["action"], FR_ACT_TO_TBL);
    assert_eq!(d["fib_rule_hdr"]["table"], 254);
    assert_eq!(attr(&d["attrs"], "FRA_OIFNAME"), "br0");
    assert_eq!(
        attr(&d["attrs"], "FRA_UID_RANGE"),
        &serde_json::json!({"start": 1000, "end": 2000})
    );
    assert_eq!(attr(&d["attrs"], "FRA_SUPPRESS_PREFIXLEN"), 0);
    let m = messages(&bytes)[5]; // dport 80-90
    let d = describe::<Rtnl>(&m);
    assert_eq!(
        attr(&d["attrs"], "FRA_DPORT_RANGE"),
        &serde_json::json!({"start": 80, "end": 90})
    );
}

/// RTM_NEWRULE written byte by byte from <linux/fib_rules.h>:
/// `ip rule add from 10.9.0.0/16 fwmark 7 table 1000 pref 50`.
#[rustfmt::skip]
const NEWRULE: &[u8] = &[
    60, 0, 0, 0,  32, 0,  0x05, 0x06,  4, 0, 0, 0,  0, 0, 0, 0,
    // fib_rule_hdr: AF_INET, dst_len 0, src_len 16, tos 0, table RT_TABLE_UNSPEC,
    // res1, res2, FR_ACT_TO_TBL, flags 0
    2, 0, 16, 0,  0, 0, 0, 1,  0, 0, 0, 0,
    8, 0, 2, 0,  10, 9, 0, 0,        // FRA_SRC
    8, 0, 10, 0,  7, 0, 0, 0,        // FRA_FWMARK (native u32, little-endian host)
    8, 0, 15, 0,  0xe8, 0x03, 0, 0,  // FRA_TABLE 1000
    8, 0, 6, 0,  50, 0, 0, 0,        // FRA_PRIORITY
];

#[test]
fn hand_written_newrule_decodes_and_builds() {
    let m = ferroute_codec::nl::NlMsg::parse(NEWRULE).unwrap();
    let r = RuleMsg::parse(m).unwrap();
    assert_eq!(r.table(), 1000);
    let i = r.index().unwrap();
    assert_eq!(i.fwmark().unwrap(), Some(7));
    assert_eq!(i.priority().unwrap(), Some(50));
    let mut b = build(
        Vec::new(),
        RTM_NEWRULE,
        0x605,
        4,
        &FibRuleHdr {
            family: AF_INET,
            src_len: 16,
            action: FR_ACT_TO_TBL,
            ..Default::default()
        },
    )
    .unwrap();
    for a in [
        RuleAttr::Src("10.9.0.0".parse().unwrap()),
        RuleAttr::Fwmark(7),
        RuleAttr::Table(1000),
        RuleAttr::Priority(50),
    ] {
        a.emit(&mut b).unwrap();
    }
    assert_eq!(b.finish().unwrap(), NEWRULE);
}

#[test]
fn bad_length_is_an_error_for_that_attribute_only() {
    #[rustfmt::skip]
    let attrs = [6u8, 0, 6, 0, 1, 0, 0, 0,  8, 0, 10, 0, 9, 0, 0, 0];
    let i = RuleIndex::new(AttrIter::new(&attrs)).unwrap();
    assert_eq!(i.priority().unwrap_err().attr, Some(FRA_PRIORITY));
    assert_eq!(i.fwmark().unwrap(), Some(9));
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn rule_attrs_round_trip(
            src: [u8; 16], prio: u32, mark: u32, mask: u32, table: u32, iif in "[a-z0-9]{1,15}",
            uid: (u32, u32), sp: (u16, u16), tun: u64, proto: u8,
        ) {
            let items = [
                RuleAttr::Src(src.into()),
                RuleAttr::Priority(prio),
                RuleAttr::Fwmark(mark),
                RuleAttr::Fwmask(mask),
                RuleAttr::Table(table),
                RuleAttr::Iifname(&iif),
                RuleAttr::UidRange(FibRuleUidRange { start: uid.0.into(), end: uid.1.into() }),
                RuleAttr::SportRange(FibRulePortRange { start: sp.0.into(), end: sp.1.into() }),
                RuleAttr::TunId(tun),
                RuleAttr::IpProto(proto),
            ];
            let bytes = emit_all(&items, RuleAttr::emit);
            let back = decode_all(&bytes, RuleAttr::decode);
            prop_assert_eq!(&back[..], &items[..]);
            prop_assert_eq!(emit_all(&back, RuleAttr::emit), bytes);
        }
    }
}
