//! IPRoute, RawIPRoute and IPBatch against the real kernel, each test in its own throwaway
//! network namespace, every change cross-checked with iproute2's JSON (`ip -j`), and
//! objects made by iproute2 read back through ferroute.

use std::net::IpAddr;

use ferroute::Error;
use ferroute::iproute::spec::*;
use ferroute::iproute::{
    Event, Events, IPBatch, IPRoute, Mode, RawIPRoute, RouteFilter, RtnlRequests,
};
use ferroute_codec::rtnl::consts::*;
use ferroute_codec::rtnl::route::RTAX_MTU;
use ferroute_tests::{in_netns, ip, ip_json, run_json};
use serde_json::Value;

fn ipaddr(s: &str) -> IpAddr {
    s.parse().unwrap()
}

fn veth(ipr: &mut IPRoute, a: &str, b: &str) -> u32 {
    ipr.link_add(&LinkSpec::new(
        a,
        LinkKind::Veth {
            peer: b.into(),
            peer_netns: None,
        },
    ))
    .unwrap();
    let i = ipr.link_lookup(a).unwrap().unwrap();
    ipr.link_set(&LinkSpec {
        up: Some(true),
        ..LinkSpec::index(i)
    })
    .unwrap();
    let j = ipr.link_lookup(b).unwrap().unwrap();
    ipr.link_set(&LinkSpec {
        up: Some(true),
        ..LinkSpec::index(j)
    })
    .unwrap();
    i
}

#[test]
fn links_are_created_changed_and_deleted_as_iproute2_sees_them() {
    in_netns(|| {
        let mut ipr = IPRoute::new().unwrap();
        let v0 = veth(&mut ipr, "v0", "v1");
        ipr.link_add(&LinkSpec::new(
            "br0",
            LinkKind::Bridge {
                stp_state: Some(0),
                forward_delay: Some(400),
                vlan_filtering: None,
            },
        ))
        .unwrap();
        let br = ipr.link_lookup("br0").unwrap().unwrap();
        // the MAC of a running veth cannot change (EBUSY): take it down first
        ipr.link_set(&LinkSpec {
            up: Some(false),
            ..LinkSpec::index(v0)
        })
        .unwrap();
        ipr.link_set(&LinkSpec {
            mtu: Some(1400),
            master: Some(br),
            alias: Some("uplink".into()),
            txqlen: Some(500),
            address: Some(vec![0x02, 0, 0, 0, 0, 0x42]),
            ..LinkSpec::index(v0)
        })
        .unwrap();
        ipr.link_add(&LinkSpec::new(
            "vx0",
            LinkKind::Vxlan {
                id: 42,
                dstport: Some(4789),
                dev: Some(v0),
                local: None,
                remote: Some(ipaddr("239.1.1.1")),
                ttl: Some(5),
                learning: Some(false),
            },
        ))
        .unwrap();
        // v0 is a bridge port now (its rx handler is taken): macvlan/macvtap go on v1
        let v1 = ipr.link_lookup("v1").unwrap().unwrap();
        ipr.link_add(&LinkSpec::new(
            "mv0",
            LinkKind::Macvlan {
                link: v1,
                mode: Some(MacvlanMode::Bridge),
            },
        ))
        .unwrap();
        ipr.link_add(&LinkSpec::new(
            "mt0",
            LinkKind::Macvtap {
                link: v1,
                mode: Some(MacvlanMode::Vepa),
            },
        ))
        .unwrap();
        ipr.link_add(&LinkSpec::new("ifb7", LinkKind::Ifb)).unwrap();

        let v = ip_json(&["-d", "link", "show", "v0"]);
        assert_eq!(v[0]["mtu"], 1400);
        assert_eq!(v[0]["master"], "br0");
        assert_eq!(v[0]["ifalias"], "uplink");
        assert_eq!(v[0]["txqlen"], 500);
        assert_eq!(v[0]["address"], "02:00:00:00:00:42");
        assert_eq!(v[0]["linkinfo"]["info_kind"], "veth");
        let b = ip_json(&["-d", "link", "show", "br0"]);
        assert_eq!(b[0]["linkinfo"]["info_kind"], "bridge");
        assert_eq!(b[0]["linkinfo"]["info_data"]["forward_delay"], 400);
        let x = ip_json(&["-d", "link", "show", "vx0"]);
        let d = &x[0]["linkinfo"]["info_data"];
        assert_eq!(
            (d["id"].as_u64(), d["port"].as_u64(), d["ttl"].as_u64()),
            (Some(42), Some(4789), Some(5))
        );
        assert_eq!(d["group"], "239.1.1.1");
        assert_eq!(d["learning"], false);
        assert_eq!(
            ip_json(&["-d", "link", "show", "mv0"])[0]["linkinfo"]["info_data"]["mode"],
            "bridge"
        );
        assert_eq!(
            ip_json(&["-d", "link", "show", "mt0"])[0]["linkinfo"]["info_data"]["mode"],
            "vepa"
        );
        assert_eq!(
            ip_json(&["-d", "link", "show", "ifb7"])[0]["linkinfo"]["info_kind"],
            "ifb"
        );

        // rename by index, then nomaster, then delete by name
        ipr.link_set(&LinkSpec {
            name: Some("uplink0".into()),
            up: Some(false),
            ..LinkSpec::index(v0)
        })
        .unwrap();
        ipr.link_set(&LinkSpec {
            master: Some(0),
            ..LinkSpec::index(v0)
        })
        .unwrap();
        let v = ip_json(&["link", "show", "uplink0"]);
        assert!(v[0].get("master").is_none());
        assert!(
            !v[0]["flags"]
                .as_array()
                .unwrap()
                .contains(&Value::from("UP"))
        );
        assert_eq!(ipr.link_lookup("v0").unwrap(), None);
        ipr.link_del(&LinkSpec::named("ifb7")).unwrap();
        assert!(
            ip_json(&["link", "show"])
                .as_array()
                .unwrap()
                .iter()
                .all(|l| l["ifname"] != "ifb7")
        );

        // a link made by iproute2 is read back through the dump
        ip(&["link", "add", "byip", "type", "bridge"]);
        let mut seen = None;
        ipr.link_dump(|l| {
            let idx = l.index().unwrap();
            if idx.ifname().unwrap() == Some("byip") {
                seen = Some((l.header().ifi_index(), idx.mtu().unwrap()));
            }
        })
        .unwrap();
        let (i, mtu) = seen.expect("dump shows byip");
        let byip = ip_json(&["link", "show", "byip"]);
        assert_eq!(i as i64, byip[0]["ifindex"].as_i64().unwrap());
        assert_eq!(mtu.map(u64::from), byip[0]["mtu"].as_u64());
    });
}

#[test]
fn errors_carry_the_kernel_text_and_bad_requests_never_leave() {
    in_netns(|| {
        let mut ipr = IPRoute::new().unwrap();
        veth(&mut ipr, "e0", "e1");
        let e = ipr
            .link_add(&LinkSpec::new(
                "e0",
                LinkKind::Veth {
                    peer: "e2".into(),
                    peer_netns: None,
                },
            ))
            .unwrap_err();
        assert_eq!(e.errno(), Some(17), "EEXIST: {e}");
        let e = ipr
            .link_add(&LinkSpec::new(
                "x0",
                LinkKind::Other {
                    kind: "nosuchkind".into(),
                    data: vec![],
                },
            ))
            .unwrap_err();
        assert_eq!(
            e.kernel().unwrap().msg.as_deref(),
            Some("Unknown device type"),
            "{e}"
        );
        let e = ipr
            .link_add(&LinkSpec::new("a-name-far-too-long", LinkKind::Ifb))
            .unwrap_err();
        assert!(matches!(e, Error::InvalidRequest(_)), "{e}");
        let e = ipr.link_set(&LinkSpec::default()).unwrap_err();
        assert!(matches!(e, Error::InvalidRequest(_)), "{e}");
        let e = ipr
            .link_add(&LinkSpec::new(
                "vx9",
                LinkKind::Vxlan {
                    id: 1 << 24,
                    dstport: None,
                    dev: None,
                    local: None,
                    remote: None,
                    ttl: None,
                    learning: None,
                },
            ))
            .unwrap_err();
        assert!(matches!(e, Error::InvalidRequest(_)), "{e}");
        // raw IPRoute has no tuntap proxy: the kernel refuses the kind
        let mut raw = RawIPRoute::new().unwrap();
        let tap = LinkKind::TunTap {
            tap: true,
            owner: None,
            group: None,
            no_pi: true,
            multi_queue: false,
            vnet_hdr: false,
        };
        assert!(raw.link_add(&LinkSpec::new("tap0", tap.clone())).is_err());
        // with the proxy it is made through /dev/net/tun
        ipr.link_add(&LinkSpec::new("tap0", tap)).unwrap();
        let t = ip_json(&["-d", "link", "show", "tap0"]);
        assert_eq!(t[0]["linkinfo"]["info_kind"], "tun");
        assert_eq!(t[0]["linkinfo"]["info_data"]["type"], "tap");
        assert_eq!(t[0]["linkinfo"]["info_data"]["pi"], false);
    });
}

#[test]
fn addresses_add_replace_dump_flush() {
    in_netns(|| {
        let mut ipr = IPRoute::new().unwrap();
        let v = veth(&mut ipr, "a0", "a1");
        let w = ipr.link_lookup("a1").unwrap().unwrap();
        let mut s = AddrSpec::new(v, ipaddr("10.9.0.1"), 24);
        s.broadcast = Some(Broadcast::Auto);
        s.label = Some("a0:lan".into());
        ipr.addr_add(&s).unwrap();
        assert_eq!(ipr.addr_add(&s).unwrap_err().errno(), Some(17));
        ipr.addr_replace(&s).unwrap();
        let mut s6 = AddrSpec::new(v, ipaddr("2001:db8::1"), 64);
        s6.flags = 0x02 | 0x200; // nodad, noprefixroute
        ipr.addr_add(&s6).unwrap();
        ipr.addr_add(&AddrSpec::new(w, ipaddr("10.9.0.2"), 24))
            .unwrap();

        let j = ip_json(&["addr", "show", "dev", "a0"]);
        let infos = j[0]["addr_info"].as_array().unwrap();
        let v4 = infos.iter().find(|a| a["family"] == "inet").unwrap();
        assert_eq!(
            (v4["local"].as_str(), v4["prefixlen"].as_u64()),
            (Some("10.9.0.1"), Some(24))
        );
        assert_eq!(v4["broadcast"], "10.9.0.255");
        assert_eq!(v4["label"], "a0:lan");
        let v6 = infos
            .iter()
            .find(|a| a["family"] == "inet6" && a["scope"] == "global")
            .unwrap();
        assert_eq!(v6["local"], "2001:db8::1");
        assert_eq!(v6["noprefixroute"], true);

        // kernel-filtered dump: only a0's IPv4 addresses
        let mut got = Vec::new();
        ipr.addr_dump(AF_INET, v, |a| {
            got.push((a.header().ifa_index(), a.local().unwrap()))
        })
        .unwrap();
        assert_eq!(got, vec![(v, Some(ipaddr("10.9.0.1")))]);

        ipr.addr_del(&AddrSpec::new(v, ipaddr("2001:db8::1"), 64))
            .unwrap();
        let n = ipr.addr_flush(AF_INET, v, |_| true).unwrap();
        assert_eq!(n, 1);
        let j = ip_json(&["-4", "addr", "show", "dev", "a0"]);
        assert!(j[0]["addr_info"].as_array().is_none_or(|a| a.is_empty()));
        let j = ip_json(&["-4", "addr", "show", "dev", "a1"]);
        assert_eq!(
            j[0]["addr_info"][0]["local"], "10.9.0.2",
            "the other link keeps its address"
        );
    });
}

#[test]
fn routes_follow_ip_route_semantics() {
    in_netns(|| {
        let mut ipr = IPRoute::new().unwrap();
        let v = veth(&mut ipr, "r0", "r1");
        let w = ipr.link_lookup("r1").unwrap().unwrap();
        ipr.addr_add(&AddrSpec::new(v, ipaddr("10.8.0.1"), 24))
            .unwrap();
        ipr.addr_add(&AddrSpec::new(w, ipaddr("10.7.0.1"), 24))
            .unwrap();

        let mut r = RouteSpec::to(Some((ipaddr("10.50.0.0"), 16)));
        r.gateway = Some(ipaddr("10.8.0.2"));
        r.metric = Some(20);
        r.metrics = vec![(RTAX_MTU, 1300)];
        ipr.route_add(&r).unwrap();
        assert_eq!(
            ipr.route_add(&r).unwrap_err().errno(),
            Some(17),
            "add is EXCL"
        );
        ipr.route_new(Mode::Replace, &r).unwrap();
        let j = ip_json(&["-d", "route", "show", "10.50.0.0/16"]);
        assert_eq!(j[0]["gateway"], "10.8.0.2");
        assert_eq!(j[0]["metric"], 20);
        assert_eq!(j[0]["protocol"], "boot");
        assert_eq!(j[0]["metrics"][0]["mtu"], 1300);

        // change fails when absent, append adds another route with the same key
        let mut absent = RouteSpec::to(Some((ipaddr("10.51.0.0"), 16)));
        absent.gateway = Some(ipaddr("10.8.0.2"));
        assert_eq!(
            ipr.route_new(Mode::Change, &absent).unwrap_err().errno(),
            Some(2)
        );

        // table above 255, blackhole, multipath with weights
        let mut t = RouteSpec::to(Some((ipaddr("192.0.2.0"), 24)));
        t.table = Some(1000);
        t.rtype = Some(RTN_BLACKHOLE);
        ipr.route_add(&t).unwrap();
        let j = ip_json(&["route", "show", "table", "1000"]);
        assert_eq!(
            (j[0]["type"].as_str(), j[0]["dst"].as_str()),
            (Some("blackhole"), Some("192.0.2.0/24"))
        );
        let mut mp = RouteSpec::to(None);
        mp.nexthops = vec![
            NextHop {
                gateway: Some(ipaddr("10.8.0.2")),
                oif: v,
                weight: 1,
                onlink: false,
            },
            NextHop {
                gateway: Some(ipaddr("10.7.0.2")),
                oif: w,
                weight: 3,
                onlink: false,
            },
        ];
        ipr.route_add(&mp).unwrap();
        let j = ip_json(&["route", "show", "default"]);
        let nh = j[0]["nexthops"].as_array().unwrap();
        assert_eq!(
            (nh[0]["gateway"].as_str(), nh[0]["weight"].as_u64()),
            (Some("10.8.0.2"), Some(1))
        );
        assert_eq!(
            (nh[1]["dev"].as_str(), nh[1]["weight"].as_u64()),
            (Some("r1"), Some(3))
        );

        // route get returns the kernel's choice
        let mut chosen = None;
        ipr.route_get(ipaddr("10.50.1.1"), None, |r| {
            let i = r.index().unwrap();
            chosen = Some((i.oif().unwrap(), i.gateway().unwrap().and_then(|g| g.ip())));
        })
        .unwrap();
        assert_eq!(chosen, Some((Some(v), Some(ipaddr("10.8.0.2")))));

        // kernel-filtered dumps: by table, by oif
        let mut n = 0;
        ipr.route_dump(
            &RouteFilter {
                family: AF_INET,
                table: 1000,
                ..Default::default()
            },
            |r| {
                assert_eq!(r.table(), 1000);
                n += 1;
            },
        )
        .unwrap();
        assert_eq!(n, 1);
        let mut dsts = Vec::new();
        ipr.route_dump(
            &RouteFilter {
                family: AF_INET,
                table: RT_TABLE_MAIN,
                oif: w,
                ..Default::default()
            },
            |r| {
                dsts.push(r.header().rtm_dst_len());
            },
        )
        .unwrap();
        // r1's connected route, and the multipath default route (one nexthop is via r1)
        assert_eq!(dsts, vec![0, 24]);

        // a route made by iproute2 reads back; delete; flush of a table
        ip(&[
            "route",
            "add",
            "198.51.100.0/24",
            "via",
            "10.7.0.2",
            "proto",
            "static",
            "metric",
            "7",
        ]);
        let mut found = None;
        ipr.route_dump(
            &RouteFilter {
                family: AF_INET,
                table: RT_TABLE_MAIN,
                ..Default::default()
            },
            |r| {
                let i = r.index().unwrap();
                if r.header().rtm_dst_len() == 24
                    && i.dst().unwrap().and_then(|d| d.ip()) == Some(ipaddr("198.51.100.0"))
                {
                    found = Some((
                        r.header().rtm_protocol(),
                        i.priority().unwrap(),
                        i.oif().unwrap(),
                    ));
                }
            },
        )
        .unwrap();
        assert_eq!(found, Some((RTPROT_STATIC, Some(7), Some(w))));
        ipr.route_del(&r).unwrap();
        assert!(
            ip_json(&["route", "show", "10.50.0.0/16"])
                .as_array()
                .unwrap()
                .is_empty()
        );
        let flushed = ipr
            .route_flush(
                &RouteFilter {
                    family: AF_INET,
                    table: 1000,
                    ..Default::default()
                },
                |_| true,
            )
            .unwrap();
        assert_eq!(flushed, 1);
        assert!(
            ip_json(&["route", "show", "table", "1000"])
                .as_array()
                .unwrap()
                .is_empty()
        );
    });
}

#[test]
fn neighbours_and_rules() {
    in_netns(|| {
        let mut ipr = IPRoute::new().unwrap();
        let v = veth(&mut ipr, "n0", "n1");
        let n = NeighSpec {
            index: v,
            family: 0,
            dst: Some(ipaddr("10.6.0.9")),
            lladdr: Some(vec![0x02, 1, 2, 3, 4, 5]),
            state: None,
            flags: 0,
            vlan: None,
            master: None,
        };
        ipr.neigh_new(Mode::Add, &n).unwrap();
        let j = ip_json(&["neigh", "show", "dev", "n0"]);
        assert_eq!(
            (j[0]["dst"].as_str(), j[0]["lladdr"].as_str()),
            (Some("10.6.0.9"), Some("02:01:02:03:04:05"))
        );
        assert_eq!(j[0]["state"], serde_json::json!(["PERMANENT"]));
        ipr.neigh_new(
            Mode::Replace,
            &NeighSpec {
                lladdr: Some(vec![0x02, 9, 9, 9, 9, 9]),
                ..n.clone()
            },
        )
        .unwrap();
        let mut seen = Vec::new();
        ipr.neigh_dump(AF_INET, v, |m| {
            seen.push(m.index().unwrap().lladdr().unwrap().map(|l| l.to_vec()))
        })
        .unwrap();
        assert_eq!(seen, vec![Some(vec![0x02, 9, 9, 9, 9, 9])]);
        ipr.neigh_del(&n).unwrap();
        assert!(
            ip_json(&["neigh", "show", "dev", "n0"])
                .as_array()
                .unwrap()
                .is_empty()
        );

        let rule = RuleSpec {
            family: AF_INET,
            priority: Some(1234),
            table: Some(1000),
            fwmark: Some(0x10),
            fwmask: Some(0xff),
            iif: Some("n0".into()),
            src: Some((ipaddr("10.0.0.0"), 8)),
            uid_range: Some((100, 200)),
            ..Default::default()
        };
        ipr.rule_add(&rule).unwrap();
        let j = ip_json(&["rule", "show"]);
        let r = j
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["priority"] == 1234)
            .expect("rule 1234");
        assert_eq!(
            (r["table"].as_str(), r["src"].as_str(), r["srclen"].as_u64()),
            (Some("1000"), Some("10.0.0.0"), Some(8))
        );
        assert_eq!(
            (r["fwmark"].as_str(), r["fwmask"].as_str()),
            (Some("0x10"), Some("0xff"))
        );
        assert_eq!(r["iif"], "n0");
        assert_eq!(
            (r["uid_start"].as_u64(), r["uid_end"].as_u64()),
            (Some(100), Some(200))
        );
        let mut prios = Vec::new();
        ipr.rule_dump(AF_INET, |r| {
            prios.push(r.index().unwrap().priority().unwrap())
        })
        .unwrap();
        assert!(prios.contains(&Some(1234)));
        ipr.rule_del(&rule).unwrap();
        assert!(
            ip_json(&["rule", "show"])
                .as_array()
                .unwrap()
                .iter()
                .all(|r| r["priority"] != 1234)
        );
        let bad = RuleSpec {
            family: AF_INET,
            src: Some((ipaddr("::1"), 128)),
            ..Default::default()
        };
        assert!(matches!(ipr.rule_add(&bad), Err(Error::InvalidRequest(_))));
    });
}

/// 1000 mixed requests: 900 route adds and 100 address adds.
fn thousand_requests<R: RtnlRequests + ?Sized>(r: &mut R, dev: u32) {
    for i in 0..1000u32 {
        if i % 10 == 0 {
            r.addr_add(&AddrSpec::new(
                dev,
                IpAddr::from([10, 4, 1, (i / 10) as u8]),
                32,
            ))
            .unwrap();
        } else {
            let mut s = RouteSpec::to(Some((
                IpAddr::from([172, 16 + (i / 256) as u8, (i % 256) as u8, 0]),
                24,
            )));
            s.gateway = Some(ipaddr("10.4.0.2"));
            r.route_add(&s).unwrap();
        }
    }
}

#[test]
fn a_batch_of_1000_requests_is_one_buffer_identical_to_single_calls() {
    in_netns(|| {
        let mut ipr = IPRoute::new().unwrap();
        let v = veth(&mut ipr, "b0", "b1");
        ipr.addr_add(&AddrSpec::new(v, ipaddr("10.4.0.1"), 16))
            .unwrap();
        let mut batch = IPBatch::new();
        thousand_requests(&mut batch, v);
        assert_eq!(batch.len(), 1000);

        // The same calls through IPRoute, one by one, recorded by send proxies that answer
        // in the kernel's place (nothing is applied): the same bytes, seq and pid aside.
        let sent = std::sync::Arc::new(std::sync::Mutex::new(Vec::<Vec<u8>>::new()));
        for ty in [RTM_NEWROUTE, RTM_NEWADDR] {
            let rec = sent.clone();
            ipr.socket().set_send_proxy(ty, move |m| {
                rec.lock().unwrap().push(m.bytes().to_vec());
                ferroute::SendVerdict::Return(Vec::new())
            });
        }
        thousand_requests(&mut ipr, v);
        for ty in [RTM_NEWROUTE, RTM_NEWADDR] {
            assert!(ipr.socket().remove_send_proxy(ty));
        }
        let sent = sent.lock().unwrap();
        assert_eq!(sent.len(), 1000);
        let masked = |b: &[u8]| {
            let mut b = b.to_vec();
            b[8..16].fill(0);
            b
        };
        for (k, m) in ferroute_codec::nl::Messages::new(batch.bytes()).enumerate() {
            assert_eq!(masked(m.unwrap().bytes()), masked(&sent[k]), "message {k}");
        }
        assert!(
            ip_json(&["route", "show", "via", "10.4.0.2"])
                .as_array()
                .unwrap()
                .is_empty(),
            "proxies answered"
        );

        let res = batch.send(ipr.socket()).unwrap();
        assert_eq!(res.results.len(), 1000);
        assert_eq!(res.errors(), 0);
        let routes = ip_json(&["route", "show", "via", "10.4.0.2"]);
        assert_eq!(routes.as_array().unwrap().len(), 900);
        let addrs = ip_json(&["-4", "addr", "show", "dev", "b0"]);
        assert_eq!(addrs[0]["addr_info"].as_array().unwrap().len(), 101);
        // sending again: every message now fails with EEXIST, reported per message
        let res = batch.send(ipr.socket()).unwrap();
        assert_eq!(res.errors(), 1000);
        assert_eq!(res.results[1].as_ref().unwrap_err().errno(), Some(17));
        batch.reset();
        assert!(batch.is_empty() && batch.bytes().is_empty());

        // mixed: only the refused messages are errors, at their own positions
        let mut mixed = IPBatch::new();
        for i in 0..300u32 {
            let mut r = RouteSpec::to(Some((
                IpAddr::from([192, 168, (i / 256) as u8, (i % 256) as u8]),
                32,
            )));
            r.gateway = Some(ipaddr(if i % 97 == 5 { "10.99.0.1" } else { "10.4.0.2" })); // unreachable gateway
            mixed.route_add(&r).unwrap();
        }
        let res = mixed.send(ipr.socket()).unwrap();
        let bad: Vec<usize> = res
            .results
            .iter()
            .enumerate()
            .filter(|(_, r)| r.is_err())
            .map(|(k, _)| k)
            .collect();
        assert_eq!(bad, vec![5, 102, 199, 296]);
        assert_eq!(
            res.results[102].as_ref().unwrap_err().errno(),
            Some(101),
            "ENETUNREACH"
        );
    });
}

#[test]
fn events_arrive_in_order() {
    in_netns(|| {
        let mut ev = Events::subscribe(&[RTNLGRP_LINK, RTNLGRP_IPV4_IFADDR]).unwrap();
        ev.socket()
            .set_timeout(Some(std::time::Duration::from_secs(5)));
        ip(&["link", "add", "m0", "type", "bridge"]);
        ip(&["addr", "add", "10.3.0.1/24", "dev", "m0"]);
        ip(&["link", "del", "m0"]);
        let mut seen = Vec::new();
        while !seen.iter().any(|s: &String| s.starts_with("dellink")) {
            ev.next_batch(|e| match e {
                Event::NewLink(l) => seen.push(format!(
                    "newlink {}",
                    l.index().unwrap().ifname().unwrap().unwrap_or("")
                )),
                Event::DelLink(l) => seen.push(format!(
                    "dellink {}",
                    l.index().unwrap().ifname().unwrap().unwrap_or("")
                )),
                Event::NewAddr(a) => seen.push(format!("newaddr {:?}", a.local().unwrap())),
                Event::DelAddr(a) => seen.push(format!("deladdr {:?}", a.local().unwrap())),
                _ => {}
            })
            .unwrap();
        }
        let first = |p: &str| {
            seen.iter()
                .position(|s| s.starts_with(p))
                .unwrap_or(usize::MAX)
        };
        assert_eq!(seen[0], "newlink m0");
        assert!(
            first("newaddr Some(10.3.0.1)") < first("deladdr"),
            "{seen:?}"
        );
        assert!(first("deladdr") < first("dellink m0"), "{seen:?}");
    });
}

#[test]
fn bridge_ports_and_fdb() {
    in_netns(|| {
        let mut ipr = IPRoute::new().unwrap();
        let v = veth(&mut ipr, "p0", "p1");
        ipr.link_add(&LinkSpec::new(
            "brv",
            LinkKind::Bridge {
                stp_state: None,
                forward_delay: None,
                vlan_filtering: None,
            },
        ))
        .unwrap();
        let br = ipr.link_lookup("brv").unwrap().unwrap();
        assert!(
            ipr.link_set(&LinkSpec {
                master: Some(br),
                ..LinkSpec::index(br)
            })
            .is_err(),
            "not its own master"
        );
        ipr.link_set(&LinkSpec {
            master: Some(br),
            ..LinkSpec::index(v)
        })
        .unwrap();
        ipr.brport_set(&BrPortSpec {
            index: v,
            cost: Some(7),
            learning: Some(false),
            ..Default::default()
        })
        .unwrap();
        let d = ip_json(&["-d", "link", "show", "p0"]);
        let info = &d[0]["linkinfo"]["info_slave_data"];
        assert_eq!(
            (info["cost"].as_u64(), info["learning"].as_bool()),
            (Some(7), Some(false))
        );

        // This kernel is built without CONFIG_BRIDGE_VLAN_FILTERING: the VLAN request
        // reaches it and is refused with EOPNOTSUPP (its bytes are checked against the
        // UAPI layout in runtime/src/iproute/link.rs's unit tests).
        let e = ipr
            .bridge_vlan_add(&BridgeVlan {
                index: v,
                vid: 100,
                pvid: true,
                untagged: true,
                self_: false,
            })
            .unwrap_err();
        assert_eq!(e.errno(), Some(95), "{e}");
        let e = ipr
            .bridge_vlan_add(&BridgeVlan {
                index: v,
                vid: 5000,
                ..Default::default()
            })
            .unwrap_err();
        assert!(matches!(e, Error::InvalidRequest(_)));
        // the AF_BRIDGE dump lists the port
        let mut ports = Vec::new();
        ipr.bridge_dump(|l| ports.push(l.header().ifi_index() as u32))
            .unwrap();
        assert!(ports.contains(&v), "{ports:?}");

        // static fdb entry (AF_BRIDGE neighbour) on the port
        let fdb = NeighSpec {
            index: v,
            family: AF_BRIDGE,
            dst: None,
            lladdr: Some(vec![0x02, 0xaa, 0, 0, 0, 1]),
            state: Some(0x40), // NUD_NOARP: "static"
            flags: 0x04,       // NTF_MASTER
            vlan: None,
            master: None,
        };
        ipr.neigh_new(Mode::Add, &fdb).unwrap();
        let f = run_json("bridge", &["-j", "fdb", "show", "dev", "p0"]);
        let e = f
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["mac"] == "02:aa:00:00:00:01")
            .expect("fdb entry");
        assert_eq!(
            (e["master"].as_str(), e["state"].as_str()),
            (Some("brv"), Some("static"))
        );
        ipr.neigh_del(&fdb).unwrap();
        let f = run_json("bridge", &["-j", "fdb", "show", "dev", "p0"]);
        assert!(
            f.as_array()
                .unwrap()
                .iter()
                .all(|e| e["mac"] != "02:aa:00:00:00:01")
        );
    });
}

#[test]
fn a_veth_peer_goes_into_another_namespace() {
    in_netns(|| {
        // a second namespace, held by a thread that waits until we are done
        let (tx, rx) = std::sync::mpsc::channel();
        let (done_tx, done_rx) = std::sync::mpsc::channel::<()>();
        let other = std::thread::spawn(move || {
            ferroute::netns::unshare_thread().unwrap();
            tx.send(ferroute::netns::current().unwrap()).unwrap();
            done_rx.recv().unwrap();
            ip_json(&["link", "show"])
        });
        let fd = rx.recv().unwrap();
        let mut ipr = IPRoute::new().unwrap();
        use std::os::fd::AsRawFd;
        ipr.link_add(&LinkSpec::new(
            "here0",
            LinkKind::Veth {
                peer: "there0".into(),
                peer_netns: Some(NetnsRef::Fd(fd.as_raw_fd())),
            },
        ))
        .unwrap();
        assert!(ipr.link_lookup("here0").unwrap().is_some());
        assert_eq!(ipr.link_lookup("there0").unwrap(), None);
        // and a link moved afterwards
        ipr.link_add(&LinkSpec::new("mover", LinkKind::Ifb))
            .unwrap();
        ipr.link_set(&LinkSpec {
            netns: Some(NetnsRef::Fd(fd.as_raw_fd())),
            ..LinkSpec::named("mover")
        })
        .unwrap();
        assert_eq!(ipr.link_lookup("mover").unwrap(), None);
        done_tx.send(()).unwrap();
        let links = other.join().unwrap();
        let names: Vec<&str> = links
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|l| l["ifname"].as_str())
            .collect();
        assert!(
            names.contains(&"there0") && names.contains(&"mover"),
            "{names:?}"
        );
    });
}

/// The defaults a route request leaves to the sender are iproute2's (`iproute_modify`),
/// one function for the library and the tool.
#[test]
fn route_defaults_follow_iproute2() {
    use ferroute::iproute::req::route_defaults;
    use ferroute_codec::rtnl::consts::*;
    let (new, del) = (RTM_NEWROUTE, RTM_DELROUTE);
    // (family, request, type, gateway) -> (type, scope, protocol)
    for (fam, ty, rtype, gw, want) in [
        (
            AF_INET,
            new,
            None,
            true,
            (RTN_UNICAST, RT_SCOPE_UNIVERSE, RTPROT_BOOT),
        ),
        (
            AF_INET,
            new,
            None,
            false,
            (RTN_UNICAST, RT_SCOPE_LINK, RTPROT_BOOT),
        ),
        (AF_INET, del, None, false, (RTN_UNSPEC, RT_SCOPE_NOWHERE, 0)),
        (AF_INET, del, None, true, (RTN_UNSPEC, RT_SCOPE_NOWHERE, 0)),
        (
            AF_INET,
            new,
            Some(RTN_LOCAL),
            false,
            (RTN_LOCAL, RT_SCOPE_HOST, RTPROT_BOOT),
        ),
        (
            AF_INET,
            new,
            Some(RTN_NAT),
            false,
            (RTN_NAT, RT_SCOPE_HOST, RTPROT_BOOT),
        ),
        (
            AF_INET,
            new,
            Some(RTN_BROADCAST),
            false,
            (RTN_BROADCAST, RT_SCOPE_LINK, RTPROT_BOOT),
        ),
        (
            AF_INET,
            new,
            Some(RTN_ANYCAST),
            false,
            (RTN_ANYCAST, RT_SCOPE_LINK, RTPROT_BOOT),
        ),
        (
            AF_INET,
            new,
            Some(RTN_MULTICAST),
            true,
            (RTN_MULTICAST, RT_SCOPE_LINK, RTPROT_BOOT),
        ),
        (
            AF_INET,
            new,
            Some(RTN_BLACKHOLE),
            false,
            (RTN_BLACKHOLE, RT_SCOPE_UNIVERSE, RTPROT_BOOT),
        ),
        (
            AF_INET,
            del,
            Some(RTN_BLACKHOLE),
            false,
            (RTN_BLACKHOLE, RT_SCOPE_NOWHERE, 0),
        ),
        (
            AF_INET6,
            new,
            None,
            false,
            (RTN_UNICAST, RT_SCOPE_UNIVERSE, RTPROT_BOOT),
        ),
        (
            AF_INET6,
            del,
            None,
            false,
            (RTN_UNSPEC, RT_SCOPE_UNIVERSE, 0),
        ),
        (
            AF_MPLS,
            new,
            None,
            false,
            (RTN_UNICAST, RT_SCOPE_UNIVERSE, RTPROT_BOOT),
        ),
        (
            AF_INET,
            RTM_GETROUTE,
            None,
            false,
            (RTN_UNICAST, RT_SCOPE_LINK, 0),
        ),
    ] {
        let d = route_defaults(fam, ty, rtype, None, None, gw);
        assert_eq!(
            (d.rtm_type, d.rtm_scope, d.rtm_protocol),
            want,
            "family {fam} request {ty} type {rtype:?} gateway {gw}"
        );
    }
    // what is given is kept
    let d = route_defaults(
        AF_INET,
        new,
        Some(RTN_UNICAST),
        Some(RT_SCOPE_HOST),
        Some(RTPROT_STATIC),
        false,
    );
    assert_eq!(
        (d.rtm_type, d.rtm_scope, d.rtm_protocol),
        (RTN_UNICAST, RT_SCOPE_HOST, RTPROT_STATIC)
    );
}
