//! Neighbour, bridge FDB, neighbour-table and nsid messages: kernel dumps captured in a
//! throwaway namespace decoded and compared field by field with `ip -j -d neigh show`,
//! `bridge -j fdb show`, `ip -j ntable show` and `ip -j netns list-id`; typed re-encode
//! byte for byte, a hand-written vector, and property round trips.

mod rtnl_common;

use ferroute::decode::mac;
use ferroute_codec::nl::{AttrIter, NlMsg};
use ferroute_codec::rtnl::consts::*;
use ferroute_codec::rtnl::neigh::*;
use ferroute_codec::rtnl::nsid::{NsidAttr, NsidMsg};
use rtnl_common::*;

fn state_names(s: Nud) -> Vec<String> {
    s.iter_names().map(|(n, _)| n.to_string()).collect()
}

fn check_neigh_dump(bin: &str, json_name: &str, family: u8) -> usize {
    let bytes = FIXTURES.bytes(bin);
    let msgs = messages(&bytes);
    let j = FIXTURES.json(json_name);
    let j = j.as_array().unwrap();
    assert_eq!(msgs.len(), j.len());
    for (m, j) in msgs.iter().zip(j) {
        assert_eq!(m.nlmsg_type(), RTM_NEWNEIGH);
        let n = NeighMsg::parse(*m).unwrap();
        assert_eq!(n.header().ndm_family(), family);
        let i = n.index().unwrap();
        assert_eq!(j["dst"], i.dst().unwrap().unwrap().to_string().as_str());
        assert_eq!(j["dev"], ifname(n.header().ndm_ifindex() as u32).as_str());
        assert_eq!(j["lladdr"], mac(i.lladdr().unwrap().unwrap()).as_str());
        let want: Vec<String> = j["state"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_string())
            .collect();
        assert_eq!(state_names(n.state()), want);
        assert!(i.cacheinfo().unwrap().is_some());
        reencode(m, 12, n.attrs(), NeighAttr::decode, NeighAttr::emit);
    }
    msgs.len()
}

#[test]
fn ipv4_neighbours_match_ip_neigh() {
    check_neigh_dump("neigh4-dump.bin", "neigh4-dump.ip.json", AF_INET);
    let bytes = FIXTURES.bytes("neigh4-dump.bin");
    let m = messages(&bytes)
        .into_iter()
        .find(|m| {
            let n = NeighMsg::parse(*m).unwrap();
            n.index().unwrap().dst().unwrap() == Some("10.0.0.9".parse().unwrap())
        })
        .unwrap();
    let n = NeighMsg::parse(m).unwrap();
    assert_eq!(n.state(), Nud::PERMANENT);
    let d = describe::<Rtnl>(&m);
    assert_eq!(d["header"]["type"], "RTM_NEWNEIGH");
    assert_eq!(d["ndmsg"]["ndm_state"], 0x80);
    assert_eq!(attr(&d["attrs"], "NDA_DST"), "10.0.0.9");
    assert_eq!(attr(&d["attrs"], "NDA_LLADDR"), "02:00:00:00:00:09");
}

#[test]
fn ipv6_neighbours_match_ip_neigh() {
    check_neigh_dump("neigh6-dump.bin", "neigh6-dump.ip.json", AF_INET6);
}

#[test]
fn bridge_fdb_matches_bridge_fdb_show() {
    let bytes = FIXTURES.bytes("fdb-dump.bin");
    let msgs = messages(&bytes);
    let j = FIXTURES.json("fdb-dump.bridge.json");
    let j = j.as_array().unwrap();
    assert_eq!(msgs.len(), j.len());
    let mut statics = 0;
    for (m, j) in msgs.iter().zip(j) {
        let n = NeighMsg::parse(*m).unwrap();
        assert_eq!(n.header().ndm_family(), AF_BRIDGE);
        let i = n.index().unwrap();
        assert_eq!(j["mac"], mac(i.lladdr().unwrap().unwrap()).as_str());
        assert_eq!(
            j["ifname"],
            ifname(n.header().ndm_ifindex() as u32).as_str()
        );
        match i.master().unwrap() {
            Some(mi) => assert_eq!(j["master"], ifname(mi).as_str()),
            None => assert!(j.get("master").is_none()),
        }
        let state = if n.state().contains(Nud::PERMANENT) {
            "permanent"
        } else if n.state().contains(Nud::NOARP) {
            statics += 1;
            "static"
        } else {
            ""
        };
        assert_eq!(j["state"], state);
        let self_flag = j["flags"].as_array().unwrap().iter().any(|f| f == "self");
        assert_eq!(self_flag, n.flags().contains(Ntf::SELF));
        reencode(m, 12, n.attrs(), NeighAttr::decode, NeighAttr::emit);
    }
    assert_eq!(statics, 1);
}

#[test]
fn neighbour_tables_match_ip_ntable() {
    let bytes = FIXTURES.bytes("neightbl4-dump.bin");
    let msgs = messages(&bytes);
    let j = FIXTURES.json("neightbl4-dump.ip.json");
    let j = j.as_array().unwrap();
    assert_eq!(msgs.len(), j.len());
    for (m, j) in msgs.iter().zip(j) {
        assert_eq!(m.nlmsg_type(), RTM_NEWNEIGHTBL);
        let t = NeighTblMsg::parse(*m).unwrap();
        assert_eq!(t.header().ndtm_family(), AF_INET);
        let i = t.index().unwrap();
        assert_eq!(j["name"], i.name().unwrap().unwrap());
        for (k, v) in [
            ("thresh1", i.thresh1()),
            ("thresh2", i.thresh2()),
            ("thresh3", i.thresh3()),
        ] {
            match v.unwrap() {
                Some(v) => assert_eq!(j[k], v),
                None => assert!(j.get(k).is_none()),
            }
        }
        if let Some(g) = i.gc_interval().unwrap() {
            assert_eq!(j["gc_interval"], g);
            // the table-wide message carries config and stats
            let c = i.config().unwrap().unwrap();
            assert_eq!(c.ndtc_key_len(), 4);
            assert!(i.stats().unwrap().is_some());
        }
        let p = NdtpaIndex::new(i.parms().unwrap().unwrap().raw()).unwrap();
        match p.ifindex().unwrap() {
            Some(ix) => assert_eq!(j["dev"], ifname(ix).as_str()),
            None => assert!(j.get("dev").is_none()),
        }
        assert_eq!(j["refcnt"], p.refcnt().unwrap().unwrap());
        assert_eq!(j["reachable"], p.reachable_time().unwrap().unwrap());
        assert_eq!(
            j["base_reachable"],
            p.base_reachable_time().unwrap().unwrap()
        );
        assert_eq!(j["retrans"], p.retrans_time().unwrap().unwrap());
        assert_eq!(j["gc_stale"], p.gc_staletime().unwrap().unwrap());
        assert_eq!(j["delay_probe"], p.delay_probe_time().unwrap().unwrap());
        assert_eq!(j["queue"], p.queue_len().unwrap().unwrap());
        assert_eq!(j["app_probes"], p.app_probes().unwrap().unwrap());
        assert_eq!(j["ucast_probes"], p.ucast_probes().unwrap().unwrap());
        assert_eq!(j["mcast_probes"], p.mcast_probes().unwrap().unwrap());
        assert_eq!(j["anycast_delay"], p.anycast_delay().unwrap().unwrap());
        assert_eq!(j["proxy_delay"], p.proxy_delay().unwrap().unwrap());
        assert_eq!(j["proxy_queue"], p.proxy_qlen().unwrap().unwrap());
        assert_eq!(j["locktime"], p.locktime().unwrap().unwrap());
        reencode(m, 4, t.attrs(), NdtaAttr::decode, NdtaAttr::emit);
    }
    // the neighbour module describes table messages when handed one
    let mut v = ferroute::decode::TreeBuilder::new();
    {
        use ferroute_codec::nl::Visitor;
        v.begin_object();
        describe_neightbl(&msgs[0], &mut v);
        v.end_object();
    }
    assert!(v.errors.is_empty(), "{:?}", v.errors);
    let d = v.take().remove(0);
    assert_eq!(d["ndtmsg"]["ndtm_family"], 2);
    assert_eq!(attr(&d["attrs"], "NDTA_NAME"), "arp_cache");
    assert_eq!(attr(&d["attrs"], "NDTA_CONFIG")["ndtc_key_len"], 4);
    let parms = attr(&d["attrs"], "NDTA_PARMS").as_array().unwrap();
    assert!(
        parms
            .iter()
            .any(|p| p[0] == "NDTPA_LOCKTIME" && p[1] == 1000)
    );
}

#[test]
fn nsid_dump_matches_ip_netns_list_id() {
    let bytes = FIXTURES.bytes("nsid-dump.bin");
    let msgs = messages(&bytes);
    let j = FIXTURES.json("nsid-dump.ip.json");
    assert_eq!(msgs.len(), j.as_array().unwrap().len());
    let m = msgs[0];
    assert_eq!(m.nlmsg_type(), RTM_NEWNSID);
    let n = NsidMsg::parse(m).unwrap();
    assert_eq!(n.header().rtgen_family(), AF_UNSPEC);
    assert_eq!(j[0]["nsid"], n.index().unwrap().nsid().unwrap().unwrap());
    reencode(&m, 1, n.attrs(), NsidAttr::decode, NsidAttr::emit);
    let d = describe::<Rtnl>(&m);
    assert_eq!(d["header"]["type"], "RTM_NEWNSID");
    assert_eq!(d["rtgenmsg"]["rtgen_family"], 0);
    assert_eq!(attr(&d["attrs"], "NETNSA_NSID"), 7);
}

/// RTM_NEWNEIGH written byte by byte from <linux/neighbour.h>:
/// `bridge fdb add 02:00:00:00:00:01 dev 3 dst 192.0.2.1 vni 42 port 4789 self permanent`.
#[rustfmt::skip]
const NEWNEIGH_VXLAN_FDB: &[u8] = &[
    64, 0, 0, 0,  28, 0,  0x05, 0x06,  5, 0, 0, 0,  0, 0, 0, 0,
    // ndmsg: AF_BRIDGE, pads, ifindex 3, NUD_PERMANENT, NTF_SELF, type 0
    7, 0, 0, 0,  3, 0, 0, 0,  0x80, 0,  0x02,  0,
    10, 0, 2, 0,  2, 0, 0, 0, 0, 1,  0, 0,  // NDA_LLADDR + pad
    8, 0, 1, 0,  192, 0, 2, 1,              // NDA_DST
    6, 0, 6, 0,  0x12, 0xb5,  0, 0,          // NDA_PORT 4789, network order
    8, 0, 7, 0,  42, 0, 0, 0,               // NDA_VNI
];

#[test]
fn hand_written_vxlan_fdb_entry() {
    let m = NlMsg::parse(NEWNEIGH_VXLAN_FDB).unwrap();
    let n = NeighMsg::parse(m).unwrap();
    assert_eq!((n.state(), n.flags()), (Nud::PERMANENT, Ntf::SELF));
    let i = n.index().unwrap();
    assert_eq!(i.port().unwrap(), Some(4789));
    assert_eq!(i.vni().unwrap(), Some(42));
    assert_eq!(i.dst().unwrap(), Some("192.0.2.1".parse().unwrap()));
    let mut b = build(
        Vec::new(),
        RTM_NEWNEIGH,
        0x605,
        5,
        &NdMsg {
            ndm_family: AF_BRIDGE,
            ndm_ifindex: 3.into(),
            ndm_state: Nud::PERMANENT.bits().into(),
            ndm_flags: Ntf::SELF.bits(),
            ..Default::default()
        },
    )
    .unwrap();
    for a in [
        NeighAttr::Lladdr(&[2, 0, 0, 0, 0, 1]),
        NeighAttr::Dst("192.0.2.1".parse().unwrap()),
        NeighAttr::Port(4789),
        NeighAttr::Vni(42),
    ] {
        a.emit(&mut b).unwrap();
    }
    assert_eq!(b.finish().unwrap(), NEWNEIGH_VXLAN_FDB);
}

#[test]
fn bad_length_is_an_error_for_that_attribute_only() {
    #[rustfmt::skip]
    let attrs = [5u8, 0, 6, 0, 1, 0, 0, 0,  8, 0, 4, 0, 3, 0, 0, 0];
    let i = NeighIndex::new(AttrIter::new(&attrs)).unwrap();
    assert_eq!(i.port().unwrap_err().attr, Some(NDA_PORT));
    assert_eq!(i.probes().unwrap(), Some(3));
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn neigh_attrs_round_trip(
            dst: [u8; 16], ll in proptest::collection::vec(any::<u8>(), 0..20), vlan: u16, port: u16,
            vni: u32, master: u32, nsid: i32, ext: u32, smask: u16, fmask: u8,
        ) {
            let items = [
                NeighAttr::Dst(dst.into()),
                NeighAttr::Lladdr(&ll),
                NeighAttr::Vlan(vlan),
                NeighAttr::Port(port),
                NeighAttr::Vni(vni),
                NeighAttr::Master(master),
                NeighAttr::LinkNetnsid(nsid),
                NeighAttr::FlagsExt(NtfExt::from_bits_retain(ext)),
                NeighAttr::NdmStateMask(smask),
                NeighAttr::NdmFlagsMask(fmask),
            ];
            let bytes = emit_all(&items, NeighAttr::emit);
            let back = decode_all(&bytes, NeighAttr::decode);
            prop_assert_eq!(&back[..], &items[..]);
            prop_assert_eq!(emit_all(&back, NeighAttr::emit), bytes);
        }

        #[test]
        fn nsid_attrs_round_trip(nsid: i32, pid: u32, fd: u32, t: i32, c: i32) {
            let items = [
                NsidAttr::Nsid(nsid), NsidAttr::Pid(pid), NsidAttr::Fd(fd),
                NsidAttr::TargetNsid(t), NsidAttr::CurrentNsid(c),
            ];
            let bytes = emit_all(&items, NsidAttr::emit);
            prop_assert_eq!(&decode_all(&bytes, NsidAttr::decode)[..], &items[..]);
        }
    }
}
