//! The `ferroute` tool against the real kernel: every test makes a throwaway named
//! namespace, acts with `ferroute -n NS ...` (which enters it with setns, no fork) and
//! checks the result with iproute2 (`ip -n NS -j ...`). Under CI=true a test that cannot
//! get root or a namespace fails instead of skipping.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_ferroute");

struct Ns(String);

impl Ns {
    fn new() -> Option<Ns> {
        static N: AtomicUsize = AtomicUsize::new(0);
        let name = format!(
            "ferroute-t-cli-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        );
        let ok = Command::new("ip")
            .args(["netns", "add", &name])
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "CI: cannot create a network namespace (root needed)"
            );
            eprintln!("SKIP: cannot create a network namespace (not root?)");
            return None;
        }
        Some(Ns(name))
    }
    /// Runs `ferroute -n NS ARGS`: (status, stdout, stderr).
    fn fr(&self, args: &[&str]) -> (i32, String, String) {
        let out = Command::new(BIN)
            .args(["-n", &self.0])
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }
    /// `ferroute -n NS ARGS`, which must succeed.
    fn ok(&self, args: &[&str]) -> String {
        let (code, out, err) = self.fr(args);
        assert_eq!(code, 0, "ferroute {args:?}: {err}");
        out
    }
    fn ip(&self, args: &[&str]) {
        let s = Command::new("ip")
            .args(["-n", &self.0])
            .args(args)
            .status()
            .unwrap();
        assert!(s.success(), "ip {args:?}");
    }
    /// Runs `tc -n NS` with `cmd` split on spaces; it must succeed.
    fn tc(&self, cmd: &str) {
        let ok = Command::new("tc")
            .args(["-n", &self.0])
            .args(cmd.split(' '))
            .status()
            .unwrap()
            .success();
        assert!(ok, "tc {cmd}");
    }
    fn ipj(&self, args: &[&str]) -> Value {
        let out = Command::new("ip")
            .args(["-n", &self.0, "-j"])
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "ip -j {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }
}

impl Drop for Ns {
    fn drop(&mut self) {
        let _ = Command::new("ip").args(["netns", "del", &self.0]).status();
    }
}

#[test]
fn link_commands_change_what_iproute2_sees() {
    let Some(ns) = Ns::new() else { return };
    ns.ok(&["link", "add", "v0", "type", "veth", "peer", "name", "v1"]);
    ns.ok(&[
        "link",
        "add",
        "br0",
        "type",
        "bridge",
        "forward_delay",
        "500",
    ]);
    ns.ok(&[
        "link",
        "set",
        "v0",
        "master",
        "br0",
        "mtu",
        "1400",
        "alias",
        "up0",
        "txqueuelen",
        "77",
    ]);
    ns.ok(&[
        "link",
        "set",
        "dev",
        "v0",
        "address",
        "02:00:00:00:00:07",
        "up",
    ]);
    ns.ok(&["l", "s", "v1", "up", "promisc", "on"]);
    ns.ok(&[
        "link",
        "add",
        "vx0",
        "type",
        "vxlan",
        "id",
        "42",
        "dstport",
        "4789",
        "dev",
        "v1",
        "group",
        "239.1.1.1",
    ]);
    ns.ok(&[
        "link", "add", "link", "v1", "name", "mv0", "type", "macvlan", "mode", "bridge",
    ]);
    ns.ok(&["link", "add", "ifb0", "type", "ifb"]);
    ns.ok(&["tuntap", "add", "tap0", "mode", "tap"]);
    let v = ns.ipj(&["-d", "link", "show", "v0"]);
    assert_eq!(
        (v[0]["mtu"].as_u64(), v[0]["master"].as_str()),
        (Some(1400), Some("br0"))
    );
    assert_eq!(
        (v[0]["ifalias"].as_str(), v[0]["txqlen"].as_u64()),
        (Some("up0"), Some(77))
    );
    assert_eq!(v[0]["address"], "02:00:00:00:00:07");
    assert!(
        v[0]["flags"]
            .as_array()
            .unwrap()
            .contains(&Value::from("UP"))
    );
    assert!(
        ns.ipj(&["link", "show", "v1"])[0]["flags"]
            .as_array()
            .unwrap()
            .contains(&Value::from("PROMISC"))
    );
    assert_eq!(
        ns.ipj(&["-d", "link", "show", "br0"])[0]["linkinfo"]["info_data"]["forward_delay"],
        500
    );
    let vx = ns.ipj(&["-d", "link", "show", "vx0"]);
    assert_eq!(
        (
            vx[0]["linkinfo"]["info_data"]["id"].as_u64(),
            vx[0]["linkinfo"]["info_data"]["group"].as_str()
        ),
        (Some(42), Some("239.1.1.1"))
    );
    assert_eq!(
        ns.ipj(&["-d", "link", "show", "mv0"])[0]["linkinfo"]["info_data"]["mode"],
        "bridge"
    );
    assert_eq!(
        ns.ipj(&["-d", "link", "show", "tap0"])[0]["linkinfo"]["info_data"]["type"],
        "tap"
    );
    ns.ok(&["link", "set", "v0", "nomaster", "name", "renamed0"]);
    assert!(
        ns.ipj(&["link", "show", "renamed0"])[0]
            .get("master")
            .is_none()
    );
    ns.ok(&["link", "del", "ifb0"]);
    ns.ok(&["link", "delete", "dev", "tap0"]);
    let names: Vec<String> = ns
        .ipj(&["link", "show"])
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["ifname"].as_str().unwrap().to_owned())
        .collect();
    assert!(
        !names.contains(&"ifb0".to_owned()) && !names.contains(&"tap0".to_owned()),
        "{names:?}"
    );
}

#[test]
fn addresses_routes_neighbours_rules_and_fdb() {
    let Some(ns) = Ns::new() else { return };
    ns.ok(&["link", "add", "a0", "type", "veth", "peer", "name", "a1"]);
    ns.ok(&["link", "set", "a0", "up"]);
    ns.ok(&["link", "set", "a1", "up"]);
    ns.ok(&[
        "addr",
        "add",
        "10.20.0.1/24",
        "brd",
        "+",
        "label",
        "a0:x",
        "dev",
        "a0",
    ]);
    ns.ok(&["-6", "addr", "add", "2001:db8::1/64", "dev", "a0", "nodad"]);
    ns.ok(&["a", "add", "10.21.0.1/24", "dev", "a1"]);
    let a = ns.ipj(&["-4", "addr", "show", "dev", "a0"]);
    let i = &a[0]["addr_info"][0];
    assert_eq!(
        (
            i["local"].as_str(),
            i["broadcast"].as_str(),
            i["label"].as_str()
        ),
        (Some("10.20.0.1"), Some("10.20.0.255"), Some("a0:x"))
    );
    assert!(
        ns.ipj(&["-6", "addr", "show", "dev", "a0"])[0]["addr_info"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["local"] == "2001:db8::1")
    );

    ns.ok(&[
        "route",
        "add",
        "10.30.0.0/16",
        "via",
        "10.20.0.2",
        "metric",
        "9",
        "mtu",
        "1300",
    ]);
    let (code, _, err) = ns.fr(&[
        "route",
        "add",
        "10.30.0.0/16",
        "via",
        "10.20.0.2",
        "metric",
        "9",
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("File exists"), "{err}");
    ns.ok(&[
        "route",
        "replace",
        "10.30.0.0/16",
        "via",
        "10.20.0.3",
        "metric",
        "9",
    ]);
    ns.ok(&["route", "add", "table", "100", "blackhole", "10.40.0.0/16"]);
    ns.ok(&[
        "route",
        "add",
        "default",
        "nexthop",
        "via",
        "10.20.0.2",
        "weight",
        "2",
        "nexthop",
        "via",
        "10.21.0.2",
        "weight",
        "5",
    ]);
    let r = ns.ipj(&["route", "show", "10.30.0.0/16"]);
    assert_eq!(
        (r[0]["gateway"].as_str(), r[0]["metric"].as_u64()),
        (Some("10.20.0.3"), Some(9))
    );
    let t = ns.ipj(&["route", "show", "table", "100"]);
    assert_eq!(
        (t[0]["type"].as_str(), t[0]["dst"].as_str()),
        (Some("blackhole"), Some("10.40.0.0/16"))
    );
    let d = ns.ipj(&["route", "show", "default"]);
    let nh = d[0]["nexthops"].as_array().unwrap();
    assert_eq!(
        (
            nh[0]["weight"].as_u64(),
            nh[1]["weight"].as_u64(),
            nh[1]["dev"].as_str()
        ),
        (Some(2), Some(5), Some("a1"))
    );
    ns.ok(&[
        "route",
        "del",
        "10.30.0.0/16",
        "via",
        "10.20.0.3",
        "metric",
        "9",
    ]);
    assert!(
        ns.ipj(&["route", "show", "10.30.0.0/16"])
            .as_array()
            .unwrap()
            .is_empty()
    );

    ns.ok(&[
        "neigh",
        "add",
        "10.20.0.9",
        "lladdr",
        "02:11:22:33:44:55",
        "dev",
        "a0",
        "nud",
        "permanent",
    ]);
    let n = ns.ipj(&["neigh", "show", "dev", "a0"]);
    assert_eq!(
        (n[0]["dst"].as_str(), n[0]["lladdr"].as_str()),
        (Some("10.20.0.9"), Some("02:11:22:33:44:55"))
    );
    ns.ok(&[
        "neigh",
        "replace",
        "10.20.0.9",
        "lladdr",
        "02:11:22:33:44:66",
        "dev",
        "a0",
    ]);
    assert_eq!(
        ns.ipj(&["neigh", "show", "dev", "a0"])[0]["lladdr"],
        "02:11:22:33:44:66"
    );
    ns.ok(&["neigh", "del", "10.20.0.9", "dev", "a0"]);

    ns.ok(&[
        "rule",
        "add",
        "from",
        "10.0.0.0/8",
        "fwmark",
        "0x10/0xff",
        "iif",
        "a0",
        "table",
        "100",
        "priority",
        "700",
    ]);
    let rules = ns.ipj(&["rule", "show"]);
    let r7 = rules
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["priority"] == 700)
        .expect("rule 700");
    assert_eq!(
        (
            r7["src"].as_str(),
            r7["srclen"].as_u64(),
            r7["table"].as_str()
        ),
        (Some("10.0.0.0"), Some(8), Some("100"))
    );
    assert_eq!(
        (
            r7["fwmark"].as_str(),
            r7["fwmask"].as_str(),
            r7["iif"].as_str()
        ),
        (Some("0x10"), Some("0xff"), Some("a0"))
    );
    ns.ok(&["rule", "del", "priority", "700"]);
    assert!(
        ns.ipj(&["rule", "show"])
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["priority"] != 700)
    );

    ns.ok(&["link", "add", "br9", "type", "bridge"]);
    ns.ok(&["link", "set", "a1", "master", "br9"]);
    ns.ok(&[
        "fdb",
        "add",
        "02:aa:bb:cc:dd:ee",
        "dev",
        "a1",
        "master",
        "static",
    ]);
    let out = Command::new("bridge")
        .args(["-n", &ns.0, "-j", "fdb", "show", "dev", "a1"])
        .output()
        .unwrap();
    let f: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        f.as_array()
            .unwrap()
            .iter()
            .any(|e| e["mac"] == "02:aa:bb:cc:dd:ee" && e["state"] == "static"),
        "{f}"
    );
}

#[test]
fn errors_name_the_problem_and_exit_like_ip() {
    let Some(ns) = Ns::new() else { return };
    let (code, _, err) = ns.fr(&["link", "add", "x0", "type", "nosuchkind"]);
    assert_eq!(code, 2);
    assert!(err.contains("Unknown device type"), "{err}");
    let (code, _, err) = ns.fr(&["route", "add", "10.0.0.0/33", "dev", "lo"]);
    assert_eq!(code, 255);
    assert!(err.contains("10.0.0.0/33"), "{err}");
    let (code, _, err) = ns.fr(&["link", "set", "nosuchdev", "up"]);
    assert_ne!(code, 0);
    assert!(err.contains("nosuchdev"), "{err}");
    let (code, _, err) = ns.fr(&["frobnicate"]);
    assert_eq!(code, 255);
    assert!(err.contains("Usage: ferroute"), "{err}");
    let (code, out, _) = ns.fr(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("Usage: ferroute"));
    for v in ["--version", "-V", "-Version"] {
        let (code, out, _) = ns.fr(&[v]);
        assert_eq!(code, 0);
        let want = format!("ferroute {}", env!("CARGO_PKG_VERSION"));
        assert_eq!(out.trim_end(), want, "{v}");
    }
    let (code, _, err) = ns.fr(&["link", "add", "b0", "type", "bridge", "hello_time", "300"]);
    assert_eq!(
        code, 1,
        "an option ferroute lacks is refused, not ignored: {err}"
    );
    let out = Command::new(BIN)
        .args(["-n", "ferroute-t-does-not-exist", "link", "show"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("ferroute-t-does-not-exist"));
}

#[test]
fn batch_of_1000_lines_is_applied_and_a_bad_line_is_named() {
    let Some(ns) = Ns::new() else { return };
    let mut script = String::from(
        "# setup\nlink add b0 type veth peer name b1\nlink set b0 up\nlink set b1 up\naddr add 10.50.0.1/16 dev b0\n",
    );
    for i in 0..1000u32 {
        if i % 10 == 0 {
            script.push_str(&format!(
                "addr add 10.51.{}.{}/32 dev b1\n",
                i / 256,
                i % 256
            ));
        } else {
            script.push_str(&format!(
                "route add 172.{}.{}.0/24 via 10.50.0.2\n",
                16 + i / 256,
                i % 256
            ));
        }
    }
    let path = std::env::temp_dir().join(format!("ferroute-batch-{}.txt", std::process::id()));
    std::fs::write(&path, &script).unwrap();
    ns.ok(&["-batch", path.to_str().unwrap()]);
    assert_eq!(
        ns.ipj(&["route", "show", "via", "10.50.0.2"])
            .as_array()
            .unwrap()
            .len(),
        900
    );
    assert_eq!(
        ns.ipj(&["-4", "addr", "show", "dev", "b1"])[0]["addr_info"]
            .as_array()
            .unwrap()
            .len(),
        100
    );

    // a line the kernel refuses is reported with its line number; stdin works too
    let mut child = Command::new(BIN)
        .args(["-n", &ns.0, "-batch", "-"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"route add 10.60.0.0/16 via 10.50.0.2\nroute add 10.60.0.0/16 via 10.50.0.2\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("File exists") && err.contains("line 2"),
        "{err}"
    );
    std::fs::remove_file(path).unwrap();
}

#[test]
fn monitor_prints_events_in_order() {
    let Some(ns) = Ns::new() else { return };
    let mut child = Command::new(BIN)
        .args(["-n", &ns.0, "-j", "monitor", "link", "address", "route"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    // the monitor subscribes before its first read; give it a moment to start
    std::thread::sleep(std::time::Duration::from_millis(300));
    ns.ip(&["link", "add", "m0", "type", "bridge"]);
    ns.ip(&["link", "set", "m0", "up"]);
    ns.ip(&["addr", "add", "10.70.0.1/24", "dev", "m0"]);
    ns.ip(&["link", "del", "m0"]);
    let mut seen = Vec::new();
    while let Some(Ok(l)) = lines.next() {
        let v: Value = serde_json::from_str(&l).unwrap();
        let deleted = v["deleted"].as_bool().unwrap_or(false);
        let what = if v.get("addr_info").is_some() {
            "addr"
        } else if v.get("dst").is_some() {
            "route"
        } else {
            "link"
        };
        seen.push(format!("{}{what}", if deleted { "del" } else { "new" }));
        if deleted && what == "link" {
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    let pos = |s: &str| seen.iter().position(|x| x == s).unwrap_or(usize::MAX);
    assert_eq!(
        seen.first().map(String::as_str),
        Some("newlink"),
        "{seen:?}"
    );
    assert!(pos("newaddr") < pos("dellink"), "{seen:?}");
    assert!(pos("newroute") < pos("dellink"), "{seen:?}");
}

fn tcj(ns: &Ns, args: &[&str]) -> Value {
    let out = Command::new("tc")
        .args(["-n", &ns.0, "-j"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "tc -j {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn frj(ns: &Ns, args: &[&str]) -> Value {
    let mut a = vec!["-j"];
    a.extend_from_slice(args);
    let out = ns.ok(&a);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("ferroute -j {args:?}: {e}: {out}"))
}

#[test]
fn show_commands_print_what_iproute2_prints() {
    let Some(ns) = Ns::new() else { return };
    for cmd in [
        "link add s0 type veth peer name s1",
        "link add br0 type bridge",
        "link set s1 master br0",
        "link set s0 up",
        "link set s1 up",
        "link set br0 up",
        "link add vx0 type vxlan id 7 dstport 4789 dev s0 group 239.0.0.7",
        "addr add 10.80.0.1/24 brd + dev s0",
        "addr add 10.81.0.1/24 dev br0",
        "route add 10.90.0.0/16 via 10.80.0.2 metric 3 mtu 1400",
        "route add default nexthop via 10.80.0.2 weight 2 nexthop via 10.81.0.2 weight 3",
        "route add table 100 unreachable 10.91.0.0/16",
        "neigh add 10.80.0.7 lladdr 02:00:00:00:07:07 dev s0 nud permanent",
        "rule add from 10.80.0.0/16 lookup 100 priority 900",
    ] {
        ns.ip(&cmd.split(' ').collect::<Vec<_>>());
    }
    // whole JSON documents equal, for the listings the issue names
    for args in [
        &["link", "show"][..],
        &["route", "show"],
        &["route", "show", "table", "100"],
        &["-6", "route", "show"],
        &["neigh", "show"],
        &["rule", "show"],
    ] {
        assert_eq!(
            frj(&ns, args),
            ns.ipj(args),
            "ferroute -j {args:?} differs from ip -j"
        );
    }
    // the streamed route listing is byte for byte what ip prints
    let ip_raw = Command::new("ip")
        .args(["-n", &ns.0, "-j", "route", "show"])
        .output()
        .unwrap()
        .stdout;
    assert_eq!(ns.ok(&["-j", "route", "show"]).as_bytes(), &ip_raw[..]);
    // addresses: the fields the issue lists, per address
    let ours = frj(&ns, &["addr", "show"]);
    let theirs = ns.ipj(&["addr", "show"]);
    let pick = |v: &Value| -> Vec<Value> {
        v.as_array()
            .unwrap()
            .iter()
            .flat_map(|l| {
                let name = l["ifname"].clone();
                l["addr_info"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
                    .into_iter()
                    .map(move |a| {
                        serde_json::json!([
                            name,
                            a["family"],
                            a["local"],
                            a["prefixlen"],
                            a["broadcast"],
                            a["scope"],
                            a["label"],
                            a["valid_life_time"],
                            a["preferred_life_time"]
                        ])
                    })
            })
            .collect()
    };
    assert_eq!(pick(&ours), pick(&theirs));
    // one object by name, and an unknown one
    assert_eq!(
        frj(&ns, &["link", "show", "dev", "s0"]),
        ns.ipj(&["link", "show", "dev", "s0"])
    );
    let (code, _, err) = ns.fr(&["link", "show", "dev", "nosuch0"]);
    assert_ne!(code, 0);
    assert!(err.contains("nosuch0"), "{err}");
    // route get: the kernel's choice
    let g = frj(&ns, &["route", "get", "10.90.1.1"]);
    assert_eq!(
        (g[0]["gateway"].as_str(), g[0]["dev"].as_str()),
        (Some("10.80.0.2"), Some("s0"))
    );
}

#[test]
fn tc_commands_make_what_tc_shows() {
    let Some(ns) = Ns::new() else { return };
    ns.ip(&["link", "add", "t0", "type", "veth", "peer", "name", "t1"]);
    ns.ok(&[
        "qdisc", "add", "dev", "t0", "root", "handle", "1:", "htb", "default", "10",
    ]);
    ns.ok(&[
        "class", "add", "dev", "t0", "parent", "1:", "classid", "1:10", "htb", "rate", "10mbit",
        "ceil", "20mbit",
    ]);
    ns.ok(&[
        "qdisc", "add", "dev", "t1", "root", "tbf", "rate", "1mbit", "burst", "32kbit", "latency",
        "400ms",
    ]);
    ns.ok(&["qdisc", "add", "dev", "t0", "ingress"]);
    ns.ok(&[
        "filter",
        "add",
        "dev",
        "t0",
        "parent",
        "ffff:",
        "protocol",
        "ip",
        "prio",
        "10",
        "u32",
        "match",
        "ip",
        "dst",
        "10.0.0.0/8",
        "action",
        "mirred",
        "egress",
        "redirect",
        "dev",
        "t1",
    ]);
    // ferroute's listings equal tc's
    assert_eq!(frj(&ns, &["qdisc", "show"]), tcj(&ns, &["qdisc", "show"]));
    let q = tcj(&ns, &["qdisc", "show", "dev", "t1"]);
    assert_eq!(
        (q[0]["kind"].as_str(), q[0]["options"]["rate"].as_u64()),
        (Some("tbf"), Some(125000))
    );
    let f = tcj(&ns, &["filter", "show", "dev", "t0", "parent", "ffff:"]);
    let acts = f
        .as_array()
        .unwrap()
        .iter()
        .find_map(|e| e["options"]["actions"].as_array().cloned())
        .expect("u32 filter with actions");
    assert_eq!(
        (acts[0]["kind"].as_str(), acts[0]["to_dev"].as_str()),
        (Some("mirred"), Some("t1"))
    );
    ns.ok(&[
        "filter", "del", "dev", "t0", "parent", "ffff:", "protocol", "ip", "prio", "10", "u32",
    ]);
    ns.ok(&["qdisc", "del", "dev", "t0", "ingress"]);
    ns.ok(&["qdisc", "del", "dev", "t0", "root"]);
    let kinds: Vec<String> = tcj(&ns, &["qdisc", "show", "dev", "t0"])
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["kind"].as_str().unwrap_or("").to_owned())
        .collect();
    assert!(
        !kinds.iter().any(|k| k == "htb" || k == "ingress"),
        "{kinds:?}"
    );
}

/// `TOOL -n NS ARGS` (`ip` or `tc`), which must succeed: its standard output.
fn iproute2_out(ns: &Ns, tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(["-n", &ns.0])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{tool} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `ferroute ARGS` prints byte for byte what `TOOL ARGS` prints, for each of `cases`.
fn same_output(ns: &Ns, tool: &str, cases: &[&[&str]]) {
    for args in cases {
        assert_eq!(
            ns.ok(args),
            iproute2_out(ns, tool, args),
            "ferroute {args:?} differs from {tool}"
        );
    }
}

#[test]
fn htb_default_is_printed_like_tc() {
    let Some(ns) = Ns::new() else { return };
    // links stay down: no packet reaches a qdisc, so direct_packets_stat stays 0
    ns.ip(&["link", "add", "h0", "type", "veth", "peer", "name", "h1"]);
    ns.ip(&["link", "add", "h2", "type", "veth", "peer", "name", "h3"]);
    for (dev, default) in [("h0", "0"), ("h1", "10"), ("h2", "ff")] {
        let out = Command::new("tc")
            .args(["-n", &ns.0, "qdisc", "add", "dev", dev, "root"])
            .args(["handle", "1:", "htb", "default", default])
            .status()
            .unwrap();
        assert!(out.success());
    }
    // tc prints C's %#x: "0" for zero, "0x10" otherwise
    let q = tcj(&ns, &["qdisc", "show", "dev", "h0"]);
    assert_eq!(q[0]["options"]["default"], "0");
    same_output(
        &ns,
        "tc",
        &[
            &["qdisc", "show"],
            &["-j", "qdisc", "show"],
            &["qdisc", "show", "dev", "h0"],
            &["-j", "qdisc", "show", "dev", "h1"],
        ],
    );
}

#[test]
fn address_listings_by_family_are_printed_like_ip() {
    let Some(ns) = Ns::new() else { return };
    for cmd in [
        "link add a0 type veth peer name a1",
        "link add br0 type bridge",
        // no kernel-made link-local addresses: their DAD state would change between runs
        "link set a0 addrgenmode none",
        "link set a1 addrgenmode none",
        "link set br0 addrgenmode none",
        "link set a1 master br0",
        "link set a1 txqueuelen 0",
        "link set a0 up",
        "link set a1 up",
        "link set br0 up",
        "addr add 10.82.0.1/24 brd + dev a0",
        "addr add 10.83.0.1/24 dev br0",
        "-6 addr add 2001:db8:82::1/64 dev a0 nodad",
        "-6 addr add 2001:db8:83::1/64 dev br0 nodad",
        "-6 addr add 2001:db8:84::1/64 dev a1 nodad",
    ] {
        ns.ip(&cmd.split(' ').collect::<Vec<_>>());
    }
    // ip -4/-6 address leaves each link's link/ether line out (unless -d); -6 reads the
    // links from the kernel's AF_INET6 link dump (no qdisc, master or group) and asks for
    // the queue length apart (a1's 0 is not printed); with `dev` the link is one full GET;
    // -0 lists the links without addresses; addrgenmode is for ip link only
    let mut cases: Vec<Vec<&str>> = Vec::new();
    for base in [
        &["addr", "show"][..],
        &["-4", "addr", "show"],
        &["-6", "addr", "show"],
        &["-6", "addr", "show", "dev", "a0"],
        &["-4", "addr", "show", "up"],
        &["addr", "show", "to", "10.82.0.0/16"],
        &["-0", "addr", "show"],
        &["-6", "-o", "addr", "show"],
        &["-o", "-0", "addr", "show"],
        &["-br", "-4", "addr", "show"],
        &["-d", "-4", "addr", "show", "dev", "a0"],
        &["-d", "-6", "addr", "show"],
    ] {
        cases.push(base.to_vec());
        let mut j = vec!["-j"];
        j.extend_from_slice(base);
        cases.push(j);
    }
    let cases: Vec<&[&str]> = cases.iter().map(Vec::as_slice).collect();
    same_output(&ns, "ip", &cases);
    // the cases above did show what they claim
    assert!(!iproute2_out(&ns, "ip", &["-4", "addr", "show"]).contains("link/ether"));
    let six = ns.ipj(&["-6", "addr", "show"]);
    let a1 = six
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["ifname"] == "a1")
        .expect("a1 has an IPv6 address");
    assert!(
        a1.get("master").is_none() && a1.get("txqlen").is_none(),
        "{a1}"
    );
    assert!(ns.ipj(&["addr", "show", "dev", "a1"])[0]["master"] == "br0");
}

#[test]
fn u32_filter_with_several_keys_is_printed_byte_for_byte_like_tc() {
    let Some(ns) = Ns::new() else { return };
    ns.ip(&["link", "add", "u0", "type", "veth", "peer", "name", "u1"]);
    let tc = |args: &str| ns.tc(args);
    tc("qdisc add dev u0 root handle 1: htb default 10");
    tc("class add dev u0 parent 1: classid 1:10 htb rate 10mbit");
    tc(
        "filter add dev u0 parent 1: protocol ip prio 1 u32 match ip dst 10.0.0.0/8 match ip sport 80 0xffff flowid 1:10",
    );
    tc(
        "filter add dev u0 parent 1: protocol ip prio 2 u32 match ip src 192.168.1.0/24 match ip dport 53 0xffff match ip protocol 17 0xff flowid 1:10",
    );
    // tc repeats the "match" key once per u32 key (duplicate keys in one object); the
    // listing is written with the same repeated keys, so the bytes are equal
    let raw = iproute2_out(&ns, "tc", &["-j", "filter", "show", "dev", "u0"]);
    assert!(raw.contains(r#""match":{"value":"a000000","mask":"ff000000","offmask":"","off":16},"match":{"value":"500000","mask":"ffff0000","offmask":"","off":20}"#), "{raw}");
    same_output(
        &ns,
        "tc",
        &[
            &["-j", "filter", "show", "dev", "u0"],
            &["filter", "show", "dev", "u0"],
            &["-j", "filter", "show", "dev", "u0", "parent", "1:"],
        ],
    );
}

#[test]
fn route_rule_and_neighbour_listings_are_printed_like_ip() {
    let Some(ns) = Ns::new() else { return };
    for cmd in [
        "link set lo up",
        "link add r0 type veth peer name r1",
        "link set r0 addrgenmode none",
        "link set r1 addrgenmode none",
        "link set r0 up",
        "link set r1 up",
        "addr add 10.1.0.1/24 dev r0",
        "addr add 10.2.0.1/24 dev r1",
        "-6 addr add 2001:db8:1::1/64 dev r0 nodad",
        "-6 addr add 2001:db8:2::1/64 dev r1 nodad",
        // tos by rt_dsfield name and as 0x%02x
        "route add 10.10.0.0/16 via 10.1.0.2 tos 0x28",
        "route add 10.11.0.0/16 via 10.1.0.2 tos 0x04",
        // realms, on a route and per nexthop
        "route add 10.12.0.0/16 via 10.1.0.2 realm 5",
        "route add 10.20.0.0/16 nexthop via 10.1.0.2 realm 4 nexthop via 10.2.0.2 realms 2/3",
        "route add 10.21.0.0/16 via 10.1.0.2 realms 6/cosmos",
        "route add 10.13.0.0/16 via 10.1.0.2 mtu lock 1400 advmss 1300 rtt 2s rttvar 300ms window 1000 initcwnd 10 quickack 1 congctl cubic features ecn",
        "route add 10.14.0.0/16 nexthop via 10.1.0.2 weight 1 nexthop via 10.2.0.2 weight 4 dev r1 onlink",
        "route add 10.15.0.0/16 dev r0 scope link src 10.1.0.1 proto static metric 77",
        "route add prohibit 10.16.0.0/16",
        "route add blackhole 10.17.0.0/16 table 200",
        "route add throw 10.18.0.0/16 table 200",
        // IPv6: pref printed before the nexthops
        "-6 route add 2001:db8:5::/64 via 2001:db8:1::2 pref high",
        "-6 route add 2001:db8:6::/64 nexthop via 2001:db8:1::2 weight 1 nexthop via 2001:db8:2::2 weight 2",
        "-6 route add 2001:db8:7::/64 dev r0 metric 5 mtu 1300",
        "-6 route add unreachable 2001:db8:8::/64",
        // fwmark 0 is "0" (C's %#x), suppress_ifgroup by name, realms, nat as masquerade
        "rule add fwmark 0/0xff lookup 200 priority 100",
        "rule add fwmark 0x10 lookup 200 priority 101",
        "rule add tos 0x10 lookup 200 priority 102",
        "rule add from 10.1.0.0/24 to 10.2.0.0/24 iif r0 oif r1 lookup 200 priority 104",
        "rule add not from 10.9.0.0/16 goto 300 priority 105",
        "rule add priority 300 ipproto tcp sport 80 dport 1000-2000 lookup 200",
        "rule add priority 301 uidrange 100-200 suppress_prefixlength 0 lookup main",
        "rule add priority 302 from all fwmark 0x5 realms 3/4 lookup 200",
        "rule add priority 303 nat 10.3.0.1 from 10.4.0.0/16",
        "rule add priority 304 realms 7 lookup 200",
        "rule add priority 305 suppress_ifgroup 0 lookup main",
        "-6 rule add priority 400 from 2001:db8::/32 lookup 200",
        "neigh add 10.1.0.7 lladdr 02:00:00:00:07:07 dev r0 nud permanent",
        "neigh add 10.1.0.11 lladdr 02:00:00:00:07:0b dev r0 nud noarp",
        "neigh add proxy 10.1.0.10 dev r0",
        "-6 neigh add proxy 2001:db8:1::10 dev r0",
        "-6 neigh add 2001:db8:1::7 lladdr 02:00:00:00:07:09 dev r0 nud permanent router",
    ] {
        ns.ip(&cmd.split(' ').collect::<Vec<_>>());
    }
    let mut cases: Vec<Vec<&str>> = Vec::new();
    for base in [
        &["route", "show"][..],
        &["-6", "route", "show"],
        // both families with table all
        &["route", "show", "table", "all"],
        &["route", "show", "table", "200"],
        &["-6", "route", "show", "table", "all"],
        &["rule", "show"],
        &["-6", "rule", "show"],
        // route get: uid, the cache line of a cloned IPv4 route, the table it was
        // found in (RTM_F_LOOKUP_TABLE: local for a local address)
        &["route", "get", "10.1.0.5"],
        &["route", "get", "10.1.0.1"],
        &["route", "get", "10.13.1.1"],
        &["route", "get", "10.1.0.255"],
        &["-6", "route", "get", "2001:db8:5::1"],
        // rule selectors (iprule.c filter_nlmsg)
        &["rule", "show", "table", "200"],
        &["rule", "show", "priority", "300"],
        &["rule", "show", "from", "10.0.0.0/8"],
        &["rule", "show", "to", "10.2.0.0/24"],
        &["rule", "show", "iif", "r0"],
        &["rule", "show", "fwmark", "0x10"],
        &["rule", "show", "not"],
        &["rule", "show", "dport", "1000-2000"],
        &["neigh", "show"],
        &["-6", "neigh", "show"],
        // the kernel's proxy table, and no dev when one device is listed
        &["neigh", "show", "proxy"],
        &["neigh", "show", "dev", "r0"],
        &["neigh", "show", "proxy", "dev", "r0"],
    ] {
        for pre in [&[][..], &["-j"], &["-d"], &["-j", "-d"]] {
            let mut c = pre.to_vec();
            c.extend_from_slice(base);
            cases.push(c);
        }
    }
    let cases: Vec<&[&str]> = cases.iter().map(Vec::as_slice).collect();
    same_output(&ns, "ip", &cases);
    // ip -s neigh: " used U/C/U" ages (they tick: masked), probes, JSON used/confirmed/
    // updated/probes
    let ages = [" used ", "\"used\":", "\"confirmed\":", "\"updated\":"];
    for args in [
        &["-s", "neigh", "show"][..],
        &["-j", "-s", "neigh", "show"],
        &["-s", "-6", "neigh", "show"],
        &["-s", "neigh", "show", "proxy"],
    ] {
        assert_eq!(
            mask_after(&ns.ok(args), &ages),
            mask_after(&iproute2_out(&ns, "ip", args), &ages),
            "ferroute {args:?} differs from ip"
        );
    }
    assert!(iproute2_out(&ns, "ip", &["-s", "neigh", "show"]).contains("probes 0 PERMANENT"));
    // what the listings above contained
    let text = iproute2_out(&ns, "ip", &["route", "show", "table", "all"]);
    for part in [
        "tos 0x04 ",
        "realm 5 ",
        "realms 2/3 ",
        "2001:db8:6::/64 metric 1024 pref medium\n\tnexthop",
    ] {
        assert!(text.contains(part), "{part}: {text}");
    }
    // names from iproute2's own tables, where they are installed
    for (file, part) in [
        ("rt_dsfield", "tos AF11 "),
        ("rt_realms", "realms 6/cosmos "),
    ] {
        if std::path::Path::new("/etc/iproute2").join(file).exists() {
            assert!(text.contains(part), "{part}: {text}");
        }
    }
    let rules = iproute2_out(&ns, "ip", &["rule", "show"]);
    for part in [
        "fwmark 0/0xff",
        "suppress_ifgroup default",
        "realms 3/4",
        "masquerade",
    ] {
        assert!(rules.contains(part), "{part}: {rules}");
    }
}

/// `s` with every bridge timer's value (`..._timer 12.34` / `"..._timer":12.34`) as `X`:
/// the kernel's timers tick between two listings.
fn mask_timers(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("_timer") {
        let (head, tail) = rest.split_at(i + "_timer".len());
        out.push_str(head);
        let tail = tail.strip_prefix("\":").map_or(tail, |t| {
            out.push_str("\":");
            t
        });
        let value = tail
            .find(|c: char| !(c == ' ' || c == '.' || c.is_ascii_digit()))
            .unwrap_or(tail.len());
        // keep the blank that ends a text value
        let value = tail[..value].trim_end().len();
        if value > 0 {
            out.push('X');
        }
        rest = &tail[value..];
    }
    out.push_str(rest);
    out
}

#[test]
fn link_details_are_printed_like_ip() {
    let Some(ns) = Ns::new() else { return };
    for cmd in [
        "link add d0 type veth peer name d1",
        "link add br0 type bridge",
        "link set d1 master br0",
        "link set d0 up",
        "link set d1 up",
        "link set br0 up",
        "link add vx0 type vxlan id 7 dstport 4789 dev d0 group 239.0.0.7",
        "addr add 10.85.0.1/24 dev br0",
    ] {
        ns.ip(&cmd.split(' ').collect::<Vec<_>>());
    }
    assert_eq!(mask_timers("a_timer    0.00 b"), "a_timerX b");
    assert_eq!(
        mask_timers(r#"{"gc_timer":12.5,"x":1}"#),
        r#"{"gc_timer":X,"x":1}"#
    );
    // the bridge and bridge-port lines in text (their own words: designated_root,
    // group_address, mcast_fast_leave ...), timers as "%4i.%.2i" / "%i.%.2i"
    for args in [
        &["-d", "link", "show"][..],
        &["-j", "-d", "link", "show"],
        &["-j", "-p", "-d", "link", "show", "br0"],
        &["-d", "-o", "link", "show"],
        &["-d", "addr", "show"],
        &["-j", "-d", "addr", "show"],
    ] {
        assert_eq!(
            mask_timers(&ns.ok(args)),
            mask_timers(&iproute2_out(&ns, "ip", args)),
            "ferroute {args:?} differs from ip"
        );
    }
    let text = iproute2_out(&ns, "ip", &["-d", "link", "show", "d1"]);
    assert!(text.contains("\n    bridge_slave state "), "{text}");
    assert!(text.contains(" mcast_fast_leave off "), "{text}");
    let j = iproute2_out(&ns, "ip", &["-j", "-d", "link", "show", "br0"]);
    assert!(j.contains(r#""hello_timer":0.00,"#), "{j}");
}

#[test]
fn tc_statistics_are_printed_like_tc() {
    let Some(ns) = Ns::new() else { return };
    // links stay down: every counter stays 0 and an idle htb class keeps its tokens
    ns.ip(&["link", "add", "s0", "type", "veth", "peer", "name", "s1"]);
    for cmd in [
        "qdisc add dev s0 root handle 1: htb default 10",
        "class add dev s0 parent 1: classid 1:1 htb rate 100mbit",
        "class add dev s0 parent 1:1 classid 1:10 htb rate 10mbit ceil 20mbit",
        "qdisc add dev s0 parent 1:10 handle 10: pfifo limit 50",
        "qdisc add dev s1 root tbf rate 1mbit burst 32kbit latency 400ms",
        "qdisc add dev s0 ingress",
        "filter add dev s0 parent ffff: protocol ip prio 10 u32 match ip dst 10.0.0.0/8 action mirred egress redirect dev s1",
    ] {
        ns.tc(cmd);
    }
    // tc -s: " Sent ... (dropped ..., overlimits ... requeues ...) " and " backlog ..."
    // lines (JSON: the counters after "options"), htb classes' lended/tokens lines; tc
    // 6.1 prints classes as text even with -j, so their JSON is not compared
    same_output(
        &ns,
        "tc",
        &[
            &["-s", "qdisc", "show"],
            &["-j", "-s", "qdisc", "show"],
            &["-s", "qdisc", "show", "dev", "s0"],
            &["-s", "class", "show", "dev", "s0"],
            &["qdisc", "show"],
            &["class", "show", "dev", "s0"],
        ],
    );
    // actions: their ages ("installed N sec used N sec") tick, the rest is equal
    for args in [
        &["-s", "filter", "show", "dev", "s0", "parent", "ffff:"][..],
        &["-j", "-s", "filter", "show", "dev", "s0", "parent", "ffff:"],
    ] {
        assert_eq!(
            mask_ages(&ns.ok(args)),
            mask_ages(&iproute2_out(&ns, "tc", args)),
            "ferroute {args:?} differs from tc"
        );
    }
    let f = iproute2_out(
        &ns,
        "tc",
        &["-s", "filter", "show", "dev", "s0", "parent", "ffff:"],
    );
    assert!(
        f.contains(" installed ") && f.contains("\tAction statistics:\n\tSent 0 bytes"),
        "{f}"
    );
    let text = iproute2_out(&ns, "tc", &["-s", "class", "show", "dev", "s0"]);
    assert!(
        text.contains("\n lended: 0 borrowed: 0 giants: 0\n tokens: "),
        "{text}"
    );
    let q = tcj(&ns, &["-s", "qdisc", "show", "dev", "s1"]);
    assert_eq!(
        (q[0]["bytes"].as_u64(), q[0]["qlen"].as_u64()),
        (Some(0), Some(0))
    );
}

/// `s` with the number after each action age (`installed 3 sec`, `"last_used":3`) as `X`.
fn mask_ages(s: &str) -> String {
    mask_after(
        s,
        &[" installed ", " used ", "\"installed\":", "\"last_used\":"],
    )
}

/// `s` with the run of digits (and `/`) after each of `keys` as `X`: ages that tick.
fn mask_after(s: &str, keys: &[&str]) -> String {
    let mut out = s.to_string();
    for key in keys {
        let mut res = String::with_capacity(out.len());
        let mut rest = out.as_str();
        while let Some(i) = rest.find(key) {
            let (head, tail) = rest.split_at(i + key.len());
            res.push_str(head);
            let n = tail
                .find(|c: char| !(c.is_ascii_digit() || c == '/'))
                .unwrap_or(tail.len());
            if n > 0 {
                res.push('X');
            }
            rest = &tail[n..];
        }
        res.push_str(rest);
        out = res;
    }
    out
}

#[test]
fn tc_details_are_printed_like_tc() {
    let Some(ns) = Ns::new() else { return };
    ns.ip(&["link", "add", "e0", "type", "veth", "peer", "name", "e1"]);
    ns.ip(&["link", "add", "e2", "type", "veth", "peer", "name", "e3"]);
    for cmd in [
        "qdisc add dev e0 root handle 1: htb default 10 r2q 5",
        "class add dev e0 parent 1: classid 1:1 htb rate 100mbit",
        "class add dev e0 parent 1:1 classid 1:10 htb rate 10mbit ceil 20mbit prio 2 quantum 1500",
        "class add dev e0 parent 1:1 classid 1:20 htb rate 5gbit burst 100k",
        "qdisc add dev e1 root tbf rate 1mbit burst 32kbit latency 400ms",
        "qdisc add dev e2 root tbf rate 1mbit burst 32kbit latency 400ms peakrate 2mbit mtu 1600",
        "qdisc add dev e3 root handle 3: bfifo limit 30000",
    ] {
        ns.tc(cmd);
    }
    // tc -d: htb "ver 3.17"; tbf "burst SIZE/CELL mpu 0b ... linklayer ethernet" (JSON:
    // "burst" as text, and with a peak rate "mtu" and a second "mpu" key); htb classes'
    // quantum, linklayer, cells, mpu and level
    same_output(
        &ns,
        "tc",
        &[
            &["-d", "qdisc", "show"],
            &["-j", "-d", "qdisc", "show"],
            &["-d", "class", "show", "dev", "e0"],
            &["-d", "-s", "class", "show", "dev", "e0"],
            &["-d", "-s", "qdisc", "show"],
            &["-j", "-d", "-s", "qdisc", "show"],
        ],
    );
    let q = iproute2_out(&ns, "tc", &["-j", "-d", "qdisc", "show", "dev", "e2"]);
    assert!(
        q.contains(r#""mpu":0,"mtu":"#) && q.contains(r#""linklayer":"ethernet""#),
        "{q}"
    );
    let c = iproute2_out(&ns, "tc", &["-d", "class", "show", "dev", "e0"]);
    assert!(
        c.contains(" quantum 1500 ") && c.contains(" level 7 "),
        "{c}"
    );
}

#[test]
fn address_statistics_are_printed_like_ip() {
    let Some(ns) = Ns::new() else { return };
    // links stay down: no packet moves, the counters stand still between the two tools
    for cmd in [
        "link add c0 type veth peer name c1",
        "addr add 10.86.0.1/24 dev c0",
        "-6 addr add 2001:db8:86::1/64 dev c0 nodad",
        "-6 addr add 2001:db8:87::1/64 dev c1 nodad",
    ] {
        ns.ip(&cmd.split(' ').collect::<Vec<_>>());
    }
    // ip -s address: the link statistics after the addresses; with -6 they are the IPv6
    // MIB counters of the AF_INET6 link dump (no transns column: no carrier changes)
    let mut cases: Vec<Vec<&str>> = Vec::new();
    for base in [
        &["-s", "addr", "show"][..],
        &["-s", "-s", "addr", "show"],
        &["-6", "-s", "addr", "show"],
        &["-6", "-s", "-s", "addr", "show"],
        &["-0", "-s", "addr", "show"],
        &["-s", "-s", "link", "show"],
    ] {
        cases.push(base.to_vec());
        let mut j = vec!["-j"];
        j.extend_from_slice(base);
        cases.push(j);
    }
    let cases: Vec<&[&str]> = cases.iter().map(Vec::as_slice).collect();
    same_output(&ns, "ip", &cases);
    let six = iproute2_out(&ns, "ip", &["-6", "-s", "-s", "addr", "show"]);
    assert!(
        six.contains("    RX:  bytes") && !six.contains("transns"),
        "{six}"
    );
}
