//! The parser against the state iproute2 built: every `ip`/`tc` command of
//! `tests/fixtures/cli/capture.sh` (which iproute2 accepted) must parse, and the values it
//! yields must be the ones the kernel then reported (captured `ip -j` / `tc -j` output).

use ferroute::cli::format::{tc_rate, tc_size};
use ferroute::cli::parse::*;
use serde_json::Value;

fn fixture(name: &str) -> String {
    let p = format!("{}/fixtures/cli/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{p}: {e}"))
}

fn json(name: &str) -> Vec<Value> {
    match serde_json::from_str(&fixture(name)).expect("JSON") {
        Value::Array(v) => v,
        _ => panic!("{name}: not an array"),
    }
}

/// The capture script's commands as ferroute words (`ipn`, `tcn`, `ip -n "$nsN"`,
/// `ip netns exec "$nsN" tc` prefixes removed), with their script text.
fn commands() -> Vec<(String, Vec<String>)> {
    let script = fixture("capture.sh");
    let mut out = Vec::new();
    for (_, words) in split_batch(&script) {
        let Ok(words) = words else { continue };
        let w: Vec<&str> = words.iter().map(String::as_str).collect();
        let rest: &[&str] = match w.as_slice() {
            ["ipn", rest @ ..] | ["tcn", rest @ ..] => rest,
            ["ip", "-n", _, rest @ ..] => rest,
            ["ip", "netns", "exec", _, "tc", rest @ ..] => rest,
            _ => continue,
        };
        // Listings and monitors (with their shell redirections) are not under test here.
        if rest
            .iter()
            .any(|x| matches!(*x, "show" | "monitor" | "-j" | "-s" | "-d" | "-br"))
            || rest.first() == Some(&"$args")
        {
            continue;
        }
        out.push((
            words.join(" "),
            rest.iter().map(|s| s.to_string()).collect(),
        ));
    }
    out
}

fn parse(words: &[String]) -> Command {
    let w: Vec<&str> = words.iter().map(String::as_str).collect();
    parse_line(&w).unwrap_or_else(|e| panic!("{w:?}: {e}")).1
}

fn find(prefix: &str) -> Command {
    let cmds = commands();
    let (_, w) = cmds
        .iter()
        .find(|(_, w)| w.join(" ").starts_with(prefix))
        .unwrap_or_else(|| panic!("no command starting with {prefix:?}"));
    parse(w)
}

#[test]
fn every_captured_command_parses() {
    let cmds = commands();
    assert!(cmds.len() >= 55, "{} commands", cmds.len());
    for (_, w) in &cmds {
        parse(w);
    }
}

#[test]
fn tc_values_match_what_the_kernel_reported() {
    let qd = json("qdisc.json");
    let by_kind = |k: &str| qd.iter().find(|q| q["kind"] == k).expect("qdisc").clone();
    let Command::Tc(t) = find("qdisc add dev veth1 root tbf") else {
        panic!()
    };
    let Some(TcKind::Tbf(o)) = t.kind else {
        panic!()
    };
    let tbf = by_kind("tbf");
    assert_eq!(Value::from(o.rate), tbf["options"]["rate"]);
    assert_eq!(Value::from(o.burst), tbf["options"]["burst"]);
    assert_eq!(
        o.latency.map(Value::from),
        Some(tbf["options"]["lat"].clone())
    );
    let Command::Tc(t) = find("qdisc add dev veth0 root handle 1: htb") else {
        panic!()
    };
    assert_eq!(t.handle, Some(0x10000));
    let Some(TcKind::Htb {
        default: Some(d),
        r2q: Some(r),
    }) = t.kind
    else {
        panic!()
    };
    let htb = by_kind("htb");
    assert_eq!(Value::from(format!("{d:#x}")), htb["options"]["default"]);
    assert_eq!(Value::from(r), htb["options"]["r2q"]);
    let Command::Tc(t) = find("class add dev veth0") else {
        panic!()
    };
    let Some(TcKind::HtbClass(c)) = t.kind else {
        panic!()
    };
    let text = fixture("class.txt");
    assert!(
        text.contains(&format!("rate {} ", tc_rate(c.rate))),
        "{text}"
    );
    assert!(
        text.contains(&format!("ceil {} ", tc_rate(c.ceil.expect("ceil")))),
        "{text}"
    );
    assert!(
        text.contains(&format!("burst {} ", tc_size(c.burst.expect("burst")))),
        "{text}"
    );
    let Command::Tc(t) = find("qdisc add dev a1 root handle 3: tbf") else {
        panic!()
    };
    let Some(TcKind::Tbf(o)) = t.kind else {
        panic!()
    };
    let tbf2 = json("qdisc2.json")
        .into_iter()
        .find(|q| q["kind"] == "tbf")
        .expect("tbf");
    assert_eq!(Value::from(o.rate), tbf2["options"]["rate"]);
    assert_eq!(Value::from(o.burst), tbf2["options"]["burst"]);
    assert_eq!(
        o.mtu.map(Value::from),
        Some(tbf2["options"]["minburst"].clone())
    );
    assert!(fixture("qdisc2.txt").contains(&format!(
        "peakrate {} ",
        tc_rate(o.peakrate.expect("peakrate"))
    )));
    assert_eq!(by_kind("pfifo")["options"]["limit"], Value::from(100));
    // u32 keys: what tc's parser packed is what the kernel dumped.
    let key_of = |m: &Value| {
        let h = |k: &str| u32::from_str_radix(m[k].as_str().expect("hex"), 16).expect("hex");
        U32Key {
            val: h("value"),
            mask: h("mask"),
            off: m["off"].as_i64().expect("off") as i32,
        }
    };
    let Command::Tc(t) = find("filter add dev veth0") else {
        panic!()
    };
    let Some(TcKind::U32(u)) = t.kind else {
        panic!()
    };
    let f = json("filter.json");
    assert_eq!(u.keys, [key_of(&f[2]["options"]["match"])]);
    assert_eq!(
        u.classid.map(|c| format!("{}:{:x}", c >> 16, c & 0xffff)),
        f[2]["options"]["flowid"].as_str().map(str::to_string)
    );
    let Command::Tc(t) = find("filter add dev i0 ingress") else {
        panic!()
    };
    assert_eq!(t.parent, Some(0xffff_fff2));
    let Some(TcKind::U32(u)) = t.kind else {
        panic!()
    };
    // filter2.json repeats the "match" key; read both from the text output instead.
    let txt = fixture("filter2.txt");
    for k in &u.keys {
        assert!(
            txt.contains(&format!("match {:08x}/{:08x} at {}", k.val, k.mask, k.off)),
            "{k:?} in {txt}"
        );
    }
    assert_eq!(
        u.actions,
        [TcAction::Mirred {
            egress: true,
            redirect: true,
            dev: "a1".into()
        }]
    );
}

#[test]
fn ip_values_match_what_the_kernel_reported() {
    let routes = json("route4.json");
    let route = |dst: &str| {
        routes
            .iter()
            .find(|r| r["dst"] == dst)
            .expect("route")
            .clone()
    };
    let Command::Route(r) = find("route add 192.168.5.0/24") else {
        panic!()
    };
    let m = &route("192.168.5.0/24")["metrics"][0];
    for x in &r.spec.metrics {
        match x.rtax {
            2 => assert_eq!((Value::from(x.value), x.lock), (m["mtu"].clone(), true)),
            4 => assert_eq!(Value::from(x.value / 8), m["rtt"]),
            5 => assert_eq!(Value::from(x.value / 4), m["rttvar"]),
            12 => assert!(x.value == 1 && m.get("ecn").is_some()),
            other => panic!("unexpected RTAX {other}"),
        }
    }
    let h = r.spec.header(r.action);
    assert_eq!((h.table, h.protocol), (101, 42));
    assert_eq!(route("192.168.5.0/24")["protocol"], "babel"); // RTPROT 42
    let Command::Route(r) = find("route add 192.168.2.7") else {
        panic!()
    };
    let h = r.spec.header(r.action);
    assert_eq!((h.dst_len, h.scope, h.protocol), (32, 253, 3));
    let Command::Route(r) = find("route add blackhole") else {
        panic!()
    };
    let h = r.spec.header(r.action);
    assert_eq!((h.kind, h.table, h.dst_len), (6, 254, 12));
    let Command::Route(r) = find("route add 192.168.4.0/24") else {
        panic!()
    };
    let nh = &route("192.168.4.0/24")["nexthops"];
    for (i, n) in r.spec.nexthops.iter().enumerate() {
        assert_eq!(
            Value::from(n.via.expect("via").to_string()),
            nh[i]["gateway"]
        );
        assert_eq!(n.weight.map(Value::from), Some(nh[i]["weight"].clone()));
    }
    let Command::Addr(AddrCmd::Modify { action, spec }) = find("addr add 10.0.0.2/24 brd +") else {
        panic!()
    };
    let veth0 = json("addr.json")
        .into_iter()
        .find(|l| l["ifname"] == "veth0")
        .expect("veth0");
    let a = veth0["addr_info"]
        .as_array()
        .expect("addrs")
        .iter()
        .find(|a| a["local"] == "10.0.0.2")
        .expect("addr")
        .clone();
    let h = spec.header(action);
    assert_eq!(
        Value::from(h.broadcast.expect("brd").to_string()),
        a["broadcast"]
    );
    assert_eq!(Value::from(h.prefixlen), a["prefixlen"]);
    assert_eq!(spec.label.map(Value::from), Some(a["label"].clone()));
    let Command::Addr(AddrCmd::Modify { action, spec }) = find("addr add 10.1.0.1 peer") else {
        panic!()
    };
    let h = spec.header(action);
    let p = veth0["addr_info"]
        .as_array()
        .expect("addrs")
        .iter()
        .find(|a| a["local"] == "10.1.0.1")
        .expect("addr")
        .clone();
    assert_eq!(
        (Value::from(h.address.to_string()), Value::from(h.prefixlen)),
        (p["address"].clone(), p["prefixlen"].clone())
    );
    let rules = json("rule.json");
    let rule = |p: u32| {
        rules
            .iter()
            .find(|r| r["priority"] == p)
            .expect("rule")
            .clone()
    };
    let Command::Rule(r) = find("rule add not fwmark") else {
        panic!()
    };
    let (m, k) = r.spec.fwmark.expect("fwmark");
    assert_eq!(Value::from(format!("{m:#x}")), rule(1001)["fwmark"]);
    assert_eq!(
        Value::from(format!("{:#x}", k.expect("mask"))),
        rule(1001)["fwmask"]
    );
    let Command::Rule(r) = find("rule add priority 1003") else {
        panic!()
    };
    let (a, b) = r.spec.uidrange.expect("uidrange");
    assert_eq!(
        (Value::from(a), Value::from(b)),
        (
            rule(1003)["uid_start"].clone(),
            rule(1003)["uid_end"].clone()
        )
    );
    let Command::Rule(r) = find("rule add priority 1006") else {
        panic!()
    };
    assert_eq!(
        r.spec.dport.map(|(a, b)| (Value::from(a), Value::from(b))),
        Some((
            rule(1006)["dport_start"].clone(),
            rule(1006)["dport_end"].clone()
        ))
    );
    assert_eq!(r.spec.header(r.action).action, 3); // nop
    let Command::Rule(r) = find("rule add priority 1007") else {
        panic!()
    };
    assert_eq!(r.spec.header(r.action).action, 7); // unreachable
    let Command::Neigh(n) = find("neigh add 10.0.0.10") else {
        panic!()
    };
    let neigh = json("neigh.json")
        .into_iter()
        .find(|x| x["dst"] == "10.0.0.10")
        .expect("neigh");
    assert_eq!(n.spec.nud, Some(0x04));
    assert_eq!(neigh["state"][0], "STALE");
    assert!(n.spec.router && neigh.get("router").is_some());
    let Command::Link(LinkCmd::Add(l)) = find("link add vx0") else {
        panic!()
    };
    let LinkKind::Vxlan(v) = l.kind else { panic!() };
    let vx = json("link-d.json")
        .into_iter()
        .find(|x| x["ifname"] == "vx0")
        .expect("vx0");
    let d = &vx["linkinfo"]["info_data"];
    assert_eq!(
        (
            Value::from(v.id),
            v.dstport.map(Value::from),
            v.ttl.map(Value::from)
        ),
        (
            d["id"].clone(),
            Some(d["port"].clone()),
            Some(d["ttl"].clone())
        )
    );
    assert_eq!(
        v.local.map(|a| Value::from(a.to_string())),
        Some(d["local"].clone())
    );
    let Command::Link(LinkCmd::Add(l)) = find("link add mv0") else {
        panic!()
    };
    assert_eq!(
        l.kind,
        LinkKind::Macvlan {
            tap: false,
            mode: Some(4)
        }
    );
    assert_eq!(l.link.as_deref(), Some("veth0"));
    let Command::Link(LinkCmd::Set(s)) = find("link set br0 alias") else {
        panic!()
    };
    let br = json("link.json")
        .into_iter()
        .find(|x| x["ifname"] == "br0")
        .expect("br0");
    assert_eq!(
        s.settings.alias.map(Value::from),
        Some(br["ifalias"].clone())
    );
}
