//! Address messages: a kernel dump captured in a throwaway namespace
//! (tests/fixtures/route) decoded and compared field by field with `ip -j -d addr show`,
//! typed re-encode byte for byte, the decode tool's output, and property round trips.

mod rtnl_common;

use ferroute_codec::nl::AttrIter;
use ferroute_codec::rtnl::addr::*;
use ferroute_codec::rtnl::consts::*;
use rtnl_common::*;
use serde_json::Value;

fn scope_name(s: u8) -> &'static str {
    match s {
        0 => "global",
        253 => "link",
        254 => "host",
        _ => panic!("scope {s}"),
    }
}

fn find_info<'j>(j: &'j Value, ifindex: u32, local: &str) -> &'j Value {
    let link = j
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["ifindex"] == ifindex)
        .unwrap();
    link["addr_info"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["local"] == local)
        .unwrap_or_else(|| panic!("{ifindex} {local}"))
}

#[test]
fn dump_matches_ip_addr() {
    let bytes = FIXTURES.bytes("addr-dump.bin");
    let j = FIXTURES.json("addr-dump.ip.json");
    let msgs = messages(&bytes);
    let total: usize = j
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["addr_info"].as_array().unwrap().len())
        .sum();
    assert_eq!(msgs.len(), total);
    let (mut v4, mut v6, mut labels, mut brd, mut nodad) = (0, 0, 0, 0, 0);
    for m in &msgs {
        assert_eq!(m.nlmsg_type(), RTM_NEWADDR);
        let a = AddrMsg::parse(*m).unwrap();
        let h = a.header();
        let i = a.index().unwrap();
        let local = a.local().unwrap().unwrap();
        let info = find_info(&j, h.ifa_index(), &local.to_string());
        let fam = match h.ifa_family() {
            AF_INET => {
                v4 += 1;
                "inet"
            }
            AF_INET6 => {
                v6 += 1;
                "inet6"
            }
            f => panic!("family {f}"),
        };
        assert_eq!(info["family"], fam);
        assert_eq!(info["prefixlen"], h.ifa_prefixlen());
        assert_eq!(info["scope"], scope_name(h.ifa_scope()));
        // IFA_ADDRESS equals IFA_LOCAL on non point-to-point links
        assert_eq!(i.address().unwrap(), Some(local));
        match i.label().unwrap() {
            Some(l) => {
                labels += 1;
                assert_eq!(info["label"], l)
            }
            None => assert!(info.get("label").is_none()),
        }
        match i.broadcast().unwrap() {
            Some(b) => {
                brd += 1;
                assert_eq!(info["broadcast"], b.to_string().as_str())
            }
            None => assert!(info.get("broadcast").is_none()),
        }
        let ci = i.cacheinfo().unwrap().unwrap();
        assert_eq!(info["valid_life_time"], ci.ifa_valid());
        assert_eq!(info["preferred_life_time"], ci.ifa_prefered());
        let f = a.flags();
        assert_eq!(i.flags().unwrap(), Some(f));
        if f.contains(IfaF::NODAD) {
            nodad += 1;
        }
        let secondary = if fam == "inet" {
            "secondary"
        } else {
            "temporary"
        };
        for (flag, key) in [
            (IfaF::SECONDARY, secondary),
            (IfaF::NODAD, "nodad"),
            (IfaF::TENTATIVE, "tentative"),
            (IfaF::DEPRECATED, "deprecated"),
            (IfaF::DADFAILED, "dadfailed"),
            (IfaF::OPTIMISTIC, "optimistic"),
            (IfaF::NOPREFIXROUTE, "noprefixroute"),
        ] {
            assert_eq!(info.get(key).is_some(), f.contains(flag), "{local} {key}");
        }
        // not PERMANENT would be printed by ip as "dynamic"
        assert_eq!(info.get("dynamic").is_some(), !f.contains(IfaF::PERMANENT));
        reencode(m, 8, a.attrs(), AddrAttr::decode, AddrAttr::emit);
    }
    assert!(v4 >= 4 && v6 >= 4 && labels >= 4 && brd == 2 && nodad == 2);
}

#[test]
fn describe_prints_header_and_typed_attrs() {
    let bytes = FIXTURES.bytes("addr-dump.bin");
    let m = messages(&bytes)
        .into_iter()
        .find(|m| {
            AddrMsg::parse(*m)
                .unwrap()
                .index()
                .unwrap()
                .label()
                .unwrap()
                == Some("v0:main")
        })
        .unwrap();
    let d = describe::<Rtnl>(&m);
    assert_eq!(d["header"]["type"], "RTM_NEWADDR");
    assert_eq!(d["ifaddrmsg"]["ifa_family"], 2);
    assert_eq!(d["ifaddrmsg"]["ifa_prefixlen"], 24);
    assert_eq!(attr(&d["attrs"], "IFA_LOCAL"), "10.0.0.1");
    assert_eq!(attr(&d["attrs"], "IFA_BROADCAST"), "10.0.0.255");
    assert_eq!(attr(&d["attrs"], "IFA_LABEL"), "v0:main");
    assert_eq!(
        attr(&d["attrs"], "IFA_FLAGS"),
        &serde_json::json!(["PERMANENT"])
    );
    assert_eq!(
        attr(&d["attrs"], "IFA_CACHEINFO")["ifa_valid"],
        4294967295u32
    );
}

/// RTM_NEWADDR written byte by byte from <linux/if_addr.h>:
/// `ip addr add 192.0.2.7/24 dev 5 label eth0:x` with IFA_FLAGS NODAD|NOPREFIXROUTE.
#[rustfmt::skip]
const NEWADDR: &[u8] = &[
    60, 0, 0, 0,  20, 0,  0x05, 0x06,  9, 0, 0, 0,  0, 0, 0, 0,
    // ifaddrmsg: AF_INET, /24, flags 0, scope 0, index 5
    2, 24, 0, 0,  5, 0, 0, 0,
    8, 0, 2, 0,  192, 0, 2, 7,      // IFA_LOCAL
    8, 0, 1, 0,  192, 0, 2, 7,      // IFA_ADDRESS
    11, 0, 3, 0,  b'e', b't', b'h', b'0', b':', b'x', 0,  0, // IFA_LABEL + pad
    8, 0, 8, 0,  0x02, 0x02, 0, 0,  // IFA_FLAGS = 0x202
];

#[test]
fn hand_written_newaddr_decodes_and_builds() {
    let m = ferroute_codec::nl::NlMsg::parse(NEWADDR).unwrap();
    let a = AddrMsg::parse(m).unwrap();
    assert_eq!(a.header().ifa_index(), 5);
    assert_eq!(a.flags(), IfaF::NODAD | IfaF::NOPREFIXROUTE);
    let i = a.index().unwrap();
    assert_eq!(i.label().unwrap(), Some("eth0:x"));
    let mut b = build(
        Vec::new(),
        RTM_NEWADDR,
        0x605,
        9,
        &IfAddrMsg {
            ifa_family: AF_INET,
            ifa_prefixlen: 24,
            ifa_index: 5.into(),
            ..Default::default()
        },
    )
    .unwrap();
    let ip = "192.0.2.7".parse().unwrap();
    AddrAttr::Local(ip).emit(&mut b).unwrap();
    AddrAttr::Address(ip).emit(&mut b).unwrap();
    AddrAttr::Label("eth0:x").emit(&mut b).unwrap();
    AddrAttr::Flags(IfaF::NODAD | IfaF::NOPREFIXROUTE)
        .emit(&mut b)
        .unwrap();
    assert_eq!(b.finish().unwrap(), NEWADDR);
}

#[test]
fn bad_length_is_an_error_for_that_attribute_only() {
    // IFA_LOCAL of 5 bytes, then a good IFA_RT_PRIORITY
    #[rustfmt::skip]
    let attrs = [9u8, 0, 2, 0, 1, 2, 3, 4, 5, 0, 0, 0,  8, 0, 9, 0, 42, 0, 0, 0];
    let i = AddrIndex::new(AttrIter::new(&attrs)).unwrap();
    assert_eq!(i.local().unwrap_err().attr, Some(IFA_LOCAL));
    assert_eq!(i.rt_priority().unwrap(), Some(42));
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn addr_attrs_round_trip(
            v6: [u8; 16], v4: [u8; 4], label in "[a-z0-9:]{1,15}", flags: u32, prio: u32,
            nsid: i32, proto: u8, ci: [u32; 4],
        ) {
            let cache = IfaCacheinfo {
                ifa_prefered: ci[0].into(), ifa_valid: ci[1].into(), cstamp: ci[2].into(), tstamp: ci[3].into(),
            };
            let items = [
                AddrAttr::Address(v6.into()),
                AddrAttr::Local(v4.into()),
                AddrAttr::Label(&label),
                AddrAttr::Broadcast(v4.into()),
                AddrAttr::Cacheinfo(cache),
                AddrAttr::Flags(IfaF::from_bits_retain(flags)),
                AddrAttr::RtPriority(prio),
                AddrAttr::TargetNetnsid(nsid),
                AddrAttr::Proto(proto),
            ];
            let bytes = emit_all(&items, AddrAttr::emit);
            let back = decode_all(&bytes, AddrAttr::decode);
            prop_assert_eq!(&back[..], &items[..]);
            prop_assert_eq!(emit_all(&back, AddrAttr::emit), bytes);
        }
    }
}
